//! [`Gazetteer`]: the validated records, indexed by id, with hierarchy queries.

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::load::GazetteerBuilder;
use super::records::{Actor, CueWord, Flags, Location, Record, RecordRef, Source, Trigger};
use crate::kinds::LocationKind;
use crate::lexicon::Lexicon;

/// A validated set of records: the data an [`Extractor`](crate::Extractor) matches.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    actors: Vec<Actor>,
    locations: Vec<Location>,
    sources: Vec<Source>,
    triggers: Vec<Trigger>,
    cues: Vec<CueWord>,
    lexicon: Lexicon,
    by_id: FxHashMap<Arc<str>, RecordRef>,
}

impl Gazetteer {
    /// Starts a builder with no files.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// All actors.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// All locations.
    pub fn locations(&self) -> &[Location] {
        &self.locations
    }

    /// All sources.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// All cue words.
    pub fn cues(&self) -> &[CueWord] {
        &self.cues
    }

    /// The words of the rules (`lexicon.tsv` files), normalized, by class.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Looks a record up by id.
    pub fn get(&self, id: &str) -> Option<RecordRef> {
        self.by_id.get(id).copied()
    }

    /// Event triggers, in file order.
    ///
    /// ```
    /// use syria_extract::gazetteer::{EventKind, Gazetteer};
    ///
    /// let gaz = Gazetteer::builtin();
    /// assert!(gaz.triggers().iter().any(|t| t.kind == EventKind::SweepOperation));
    /// ```
    pub fn triggers(&self) -> &[Trigger] {
        &self.triggers
    }

    /// The actor with this id.
    ///
    /// ```
    /// let gaz = syria_extract::gazetteer::Gazetteer::builtin();
    /// assert_eq!(&*gaz.actor("isis").unwrap().name_en, "Islamic State");
    /// ```
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        match self.get(id)? {
            RecordRef::Actor(i) => self.actors.get(i as usize),
            _ => None,
        }
    }

    /// The location with this id.
    pub fn location(&self, id: &str) -> Option<&Location> {
        match self.get(id)? {
            RecordRef::Location(i) => self.locations.get(i as usize),
            _ => None,
        }
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        match self.get(id)? {
            RecordRef::Source(i) => self.sources.get(i as usize),
            _ => None,
        }
    }

    /// The chain of parents of a location, nearest first (the location itself excluded).
    pub fn ancestors<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Location> + 'a {
        let mut next = self.location(id).and_then(|l| l.parent.clone());
        // Parent cycles are rejected at load time; the bound is a second guard.
        let mut budget = self.locations.len();
        std::iter::from_fn(move || {
            let id = next.take()?;
            budget = budget.checked_sub(1)?;
            let loc = self.location(&id)?;
            next = loc.parent.clone();
            Some(loc)
        })
    }

    /// The governorate a location lies in (itself when it is one).
    pub fn admin1(&self, id: &str) -> Option<&Location> {
        let me = self.location(id)?;
        if me.kind == LocationKind::Governorate {
            return Some(me);
        }
        self.ancestors(id)
            .find(|l| l.kind == LocationKind::Governorate)
    }

    /// The district a location lies in (itself when it is one).
    pub fn admin2(&self, id: &str) -> Option<&Location> {
        let me = self.location(id)?;
        if me.kind == LocationKind::District {
            return Some(me);
        }
        self.ancestors(id)
            .find(|l| l.kind == LocationKind::District)
    }

    /// The record behind a reference, as its common face.
    pub fn record(&self, r: RecordRef) -> Option<&dyn Record> {
        let i = match r {
            RecordRef::Actor(i)
            | RecordRef::Location(i)
            | RecordRef::Source(i)
            | RecordRef::Trigger(i) => i as usize,
        };
        match r {
            RecordRef::Actor(_) => self.actors.get(i).map(|x| x as &dyn Record),
            RecordRef::Location(_) => self.locations.get(i).map(|x| x as &dyn Record),
            RecordRef::Source(_) => self.sources.get(i).map(|x| x as &dyn Record),
            RecordRef::Trigger(_) => self.triggers.get(i).map(|x| x as &dyn Record),
        }
    }

    /// Every reference to an actor, location or source, in that order.
    fn entity_refs(&self) -> impl Iterator<Item = RecordRef> {
        let actors = (0..self.actors.len() as u32).map(RecordRef::Actor);
        let locations = (0..self.locations.len() as u32).map(RecordRef::Location);
        let sources = (0..self.sources.len() as u32).map(RecordRef::Source);
        actors.chain(locations).chain(sources)
    }

    /// Every (record, name, flags) triple of the actors, locations and sources, the
    /// names being `name_ar` and the aliases.
    pub(crate) fn names(&self) -> impl Iterator<Item = (RecordRef, &str, Flags)> + '_ {
        self.entity_refs().flat_map(move |r| {
            let record = self.record(r);
            let flags = record.map(Record::flags).unwrap_or_default();
            record
                .into_iter()
                .flat_map(|x| x.names())
                .map(move |n| (r, n, flags))
        })
    }

    /// Every (trigger index, form, flags) triple, the forms being `name_ar` and the aliases.
    pub(crate) fn trigger_names(&self) -> impl Iterator<Item = (u32, &str, Flags)> + '_ {
        self.triggers.iter().enumerate().flat_map(|(i, t)| {
            std::iter::once(t.name_ar.as_str())
                .chain(t.aliases.iter().map(String::as_str))
                .map(move |n| (i as u32, n, t.flags))
        })
    }

    /// The id of a record.
    pub fn id_of(&self, r: RecordRef) -> Option<&Arc<str>> {
        self.record(r).map(Record::id)
    }

    fn flags_of(&self, r: RecordRef) -> Flags {
        self.record(r).map(Record::flags).unwrap_or_default()
    }

    /// Normalized spellings claimed by more than one record where not every claimant
    /// is flagged `ambiguous`: each is a (spelling, ids) pair.
    ///
    /// Loading refuses these (`ErrorKind::SharedName`), so a loaded gazetteer has none;
    /// the check is kept for gazetteers of other origins and for the tests.
    pub fn unmarked_collisions(&self) -> Vec<(String, Vec<Arc<str>>)> {
        let mut by_form: HashMap<String, Vec<RecordRef>> = HashMap::new();
        for (r, name, _) in self.names() {
            let form = crate::normalize::normalize_str(name.trim());
            let list = by_form.entry(form).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
        let mut out: Vec<(String, Vec<Arc<str>>)> = by_form
            .into_iter()
            .filter(|(_, rs)| rs.len() > 1 && rs.iter().any(|r| !self.flags_of(*r).ambiguous))
            .map(|(form, rs)| {
                let ids = rs.iter().filter_map(|r| self.id_of(*r).cloned()).collect();
                (form, ids)
            })
            .collect();
        out.sort();
        out
    }
}

/// Write access for the loader, which is the only code that fills a gazetteer.
impl Gazetteer {
    pub(super) fn push_actor(&mut self, a: Actor) -> RecordRef {
        self.actors.push(a);
        RecordRef::Actor(self.actors.len() as u32 - 1)
    }

    pub(super) fn push_location(&mut self, l: Location) -> RecordRef {
        self.locations.push(l);
        RecordRef::Location(self.locations.len() as u32 - 1)
    }

    pub(super) fn push_source(&mut self, s: Source) -> RecordRef {
        self.sources.push(s);
        RecordRef::Source(self.sources.len() as u32 - 1)
    }

    pub(super) fn push_trigger(&mut self, t: Trigger) -> RecordRef {
        self.triggers.push(t);
        RecordRef::Trigger(self.triggers.len() as u32 - 1)
    }

    pub(super) fn push_cue(&mut self, c: CueWord) {
        self.cues.push(c);
    }

    pub(super) fn lexicon_mut(&mut self) -> &mut Lexicon {
        &mut self.lexicon
    }

    pub(super) fn index_id(&mut self, id: Arc<str>, r: RecordRef) {
        self.by_id.insert(id, r);
    }
}
