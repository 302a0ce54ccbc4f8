//! Places that share a name (الطيبة, المنصورة: seven villages each): which one the
//! text means, read from the other places it names, and the namesakes abroad that the
//! gazetteer does not know.
//!
//! A name several places share keeps them all as candidates ([`Entity::candidates`],
//! the chosen one first). Each candidate is scored by the places found around it:
//!
//! | the other place | relation | points |
//! |---|---|---|
//! | its subdistrict or district ("الطيبة في ناحية المزيريب") | contains it | 3 |
//! | its governorate ("قرية الطيبة بريف درعا") | contains it | 2 |
//! | its country, outside Syria ("الحسينية في العراق") | contains it | 1 |
//! | a place inside it ("حي الشيخ مقصود في حلب") | inside it | 2 |
//! | a town, village or landmark within 10, 25, 50 km ("الطيبة قرب بصرى الشام") | nearby | 3, 2, 1 |
//! | another place of its governorate | same governorate | 1 |
//!
//! Syria itself says nothing (news about the conflict names it everywhere). The points
//! are summed in three tiers, compared in order: the places in the same phrase (at
//! most three words apart within a sentence), then in the same sentence, then
//! elsewhere in the document, each place counted once per tier; a last tier gives a
//! point to a candidate that is the seat of the subdistrict or district of its own name
//! (دير حافر). So a governorate named right after the name outweighs any number of
//! places named elsewhere. The phrase and sentence tiers, and the paragraph a
//! village is read in, look at most [`WINDOW`] mentions to either side: a sentence
//! listing a thousand places costs a thousand windows, not a million pairs, and a
//! place of the sentence beyond the window counts in the document tier. The strictly best candidate wins; when none is, the entity
//! says it is [`ambiguous`](Entity::ambiguous) and keeps the default choice (the cue's
//! preferred kind, then the most specific kind, then the first record). Places chosen
//! this way count as evidence in a second round, and a name left undecided takes the
//! choice made for the same name elsewhere in the document.
//!
//! A village has namesakes abroad that the gazetteer does not hold (المتن, بحنين in
//! Lebanon, الحسينية in Iraq). A village with no place of its own country around it,
//! and with a place abroad in its phrase or as its nearest mention on both sides in
//! its paragraph, is such a namesake: it is dropped.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::context::joined;
use super::resolve::{NameSpan, Resolver};
use super::types::Entity;
use crate::gazetteer::{Gazetteer, RecordRef};
use crate::kinds::{CueRole, LocationKind};
use crate::normalize::Normalized;
use crate::text::words::is_word_char;

/// No parent.
const NONE: u32 = u32::MAX;

/// The hierarchy and positions of the places, derived from the gazetteer once.
#[derive(Debug, Default)]
pub(crate) struct Places {
    /// Parent location index of each location, or [`NONE`].
    parent: Vec<u32>,
    /// Index of the record `country-sy`, if the gazetteer has one... or of the country
    /// the governorates hang under.
    syria: Option<u32>,
}

/// Which places compete for one name: a village does not compete with the subdistrict
/// of the same name, nor a city with its governorate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Band {
    Settlement,
    Admin,
    Country,
    Other(LocationKind),
}

fn band(kind: LocationKind) -> Band {
    use LocationKind::*;
    match kind {
        City | Town | Village | Neighbourhood | Camp => Band::Settlement,
        Subdistrict | District | Governorate => Band::Admin,
        Country => Band::Country,
        other => Band::Other(other),
    }
}

/// A place that has a position of its own, not an area: distances to it mean
/// something.
fn is_point(kind: LocationKind) -> bool {
    !matches!(
        band(kind),
        Band::Admin | Band::Country | Band::Other(LocationKind::Region | LocationKind::Desert)
    )
}

/// Two records of one place (an OCHA village and a curated town within 2 km) are one
/// candidate, not two.
const SAME_PLACE_KM: f64 = 2.0;

impl Places {
    pub(crate) fn new(gaz: &Gazetteer) -> Places {
        let index = |id: &str| match gaz.get(id) {
            Some(RecordRef::Location(i)) => i,
            _ => NONE,
        };
        let parent = gaz
            .locations()
            .iter()
            .map(|l| l.parent.as_deref().map_or(NONE, index))
            .collect();
        // The country the governorates hang under.
        let syria = gaz
            .locations()
            .iter()
            .find(|l| l.kind == LocationKind::Governorate)
            .and_then(|g| g.parent.as_deref())
            .map(index)
            .filter(|&i| i != NONE);
        Places { parent, syria }
    }

    /// The ancestors of `i`, nearest first; bounded against cycles the loader rejects.
    fn ancestors(&self, i: u32) -> impl Iterator<Item = u32> + '_ {
        let mut next = self.parent.get(i as usize).copied().unwrap_or(NONE);
        let mut budget = 16;
        std::iter::from_fn(move || {
            if next == NONE || budget == 0 {
                return None;
            }
            budget -= 1;
            let here = next;
            next = self.parent.get(here as usize).copied().unwrap_or(NONE);
            Some(here)
        })
    }

    fn is_ancestor(&self, a: u32, of: u32) -> bool {
        self.ancestors(of).any(|x| x == a)
    }

    /// The country a place lies in (itself for a country).
    fn country(&self, gaz: &Gazetteer, i: u32) -> Option<u32> {
        std::iter::once(i)
            .chain(self.ancestors(i))
            .find(|&x| kind(gaz, x) == Some(LocationKind::Country))
    }

    fn abroad(&self, gaz: &Gazetteer, i: u32) -> bool {
        self.country(gaz, i).is_some_and(|c| Some(c) != self.syria)
    }

    /// The other places that share a name with `chosen` and compete with it: same
    /// band, neither containing the other, not the same place. `chosen` first; empty
    /// when there is no competitor.
    pub(crate) fn homonyms(
        &self,
        gaz: &Gazetteer,
        group: &[RecordRef],
        chosen: RecordRef,
    ) -> Vec<u32> {
        let RecordRef::Location(c) = chosen else {
            return Vec::new();
        };
        // The chosen record alone has no homonyms: nothing is allocated for it.
        if group.iter().all(|&r| r == chosen) {
            return Vec::new();
        }
        let Some(chosen_band) = kind(gaz, c).map(band) else {
            return Vec::new();
        };
        let mut out = vec![c];
        for r in group {
            let RecordRef::Location(i) = *r else { continue };
            let competes = kind(gaz, i).map(band) == Some(chosen_band)
                && !out.contains(&i)
                && !self.is_ancestor(i, c)
                && !self.is_ancestor(c, i)
                && !out
                    .iter()
                    .any(|&o| km(gaz, o, i).is_some_and(|d| d < SAME_PLACE_KM));
            if competes {
                out.push(i);
            }
        }
        if out.len() == 1 {
            out.clear();
        }
        out
    }

    /// How much a mention of place `f` says for candidate `c` (see the module table).
    fn relation(&self, gaz: &Gazetteer, admin1: &[Option<Arc<str>>], c: u32, f: u32) -> u32 {
        if c == f || Some(f) == self.syria {
            return 0;
        }
        if self.is_ancestor(f, c) {
            return match kind(gaz, f) {
                Some(LocationKind::Governorate) => 2,
                Some(LocationKind::Country) => 1,
                _ => 3,
            };
        }
        if self.is_ancestor(c, f) {
            return 2;
        }
        if kind(gaz, f).is_some_and(is_point) {
            match km(gaz, c, f) {
                Some(d) if d <= 10.0 => return 3,
                Some(d) if d <= 25.0 => return 2,
                Some(d) if d <= 50.0 => return 1,
                _ => {}
            }
        }
        let gov = |i: u32| admin1.get(i as usize).cloned().flatten();
        match (gov(c), gov(f)) {
            (Some(a), Some(b)) if a == b => 1,
            _ => 0,
        }
    }

    /// A candidate named like the subdistrict or district it is the seat of (any of
    /// their names: the subdistrict of دير حافر is listed as مركز دير حافر too).
    fn is_seat(&self, gaz: &Gazetteer, c: u32) -> bool {
        let names = |i: u32| -> Vec<String> {
            gaz.locations().get(i as usize).map_or_else(Vec::new, |l| {
                std::iter::once(&l.name_ar)
                    .chain(&l.aliases)
                    .map(|n| crate::normalize::normalize_str(n.trim()))
                    .collect()
            })
        };
        let own = names(c);
        self.ancestors(c)
            .filter(|&a| {
                matches!(
                    kind(gaz, a),
                    Some(LocationKind::Subdistrict | LocationKind::District)
                )
            })
            .any(|a| names(a).iter().any(|n| own.contains(n)))
    }
}

fn kind(gaz: &Gazetteer, i: u32) -> Option<LocationKind> {
    gaz.locations().get(i as usize).map(|l| l.kind)
}

/// Distance in km between two places with coordinates (equirectangular: exact enough
/// at these distances).
fn km(gaz: &Gazetteer, a: u32, b: u32) -> Option<f64> {
    let a = gaz.locations().get(a as usize)?.coordinates?;
    let b = gaz.locations().get(b as usize)?.coordinates?;
    let dy = (a.lat - b.lat) * 111.2;
    let dx = (a.lon - b.lon) * 111.2 * ((a.lat + b.lat) / 2.0).to_radians().cos();
    Some((dx * dx + dy * dy).sqrt())
}

/// How close two mentions stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Scope {
    Document,
    Sentence,
    Phrase,
}

impl Scope {
    /// The tier of a [`Score`] this scope fills.
    fn tier(self) -> usize {
        match self {
            Scope::Phrase => 0,
            Scope::Sentence => 1,
            Scope::Document => 2,
        }
    }
}

/// The points for a candidate per tier: phrase, sentence, document, seat. Compared in
/// that order.
type Score = [u32; 4];

/// The most words between two names of one phrase.
const PHRASE_WORDS: usize = 3;

/// The most mentions read on either side of a mention, within its sentence or
/// paragraph. Real sentences name a handful of places; only lists reach this.
pub(crate) const WINDOW: usize = 32;

/// The run of `order` (entity indices sorted by `(key[j], j)`) that shares entity
/// `i`'s key, clipped to [`WINDOW`] entries on either side of `i`.
fn window<'o>(order: &'o [usize], key: &[usize], i: usize) -> &'o [usize] {
    let Some(&k) = key.get(i) else {
        return &[];
    };
    let at = order.partition_point(|&j| (key[j], j) < (k, i));
    let from = order[..at].partition_point(|&j| key[j] < k);
    let to = at + order[at..].partition_point(|&j| key[j] == k);
    &order[from.max(at.saturating_sub(WINDOW))..to.min(at + WINDOW + 1)]
}

/// Where the sentences and paragraphs of a text start, for the scope of two mentions.
struct Layout {
    /// Byte offsets of sentence ends (. ! ? ؟ and line breaks).
    sentence_ends: Vec<usize>,
    /// Byte offsets of line breaks.
    breaks: Vec<usize>,
}

impl Layout {
    /// The layout of `text` up to `until` (the last mention: nothing after it is read).
    fn new(text: &str, until: usize) -> Layout {
        let bytes = &text.as_bytes()[..until.min(text.len())];
        // memchr: this scans the text of every document with places. Every mark is
        // ASCII but ؟, whose second byte 9F follows D8 only in it.
        let mut sentence_ends: Vec<usize> = memchr::memchr3_iter(b'.', b'!', b'?', bytes)
            .chain(
                memchr::memchr_iter(0x9F, bytes)
                    .filter(|&i| i > 0 && bytes[i - 1] == 0xD8)
                    .map(|i| i - 1),
            )
            .collect();
        let breaks: Vec<usize> = memchr::memchr_iter(b'\n', bytes).collect();
        sentence_ends.extend_from_slice(&breaks);
        sentence_ends.sort_unstable();
        Layout {
            sentence_ends,
            breaks,
        }
    }

    fn sentence(&self, at: usize) -> usize {
        self.sentence_ends.partition_point(|&e| e < at)
    }

    /// The scope of two mentions, by their spans in the original text.
    fn scope(&self, text: &str, a: &Entity, b: &Entity) -> Scope {
        if self.sentence(a.start) != self.sentence(b.start) {
            return Scope::Document;
        }
        let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
        let gap = text.get(first.end..second.start).unwrap_or_default();
        let words = gap
            .split(|c: char| c.is_whitespace() || c == '،' || c == ',')
            .filter(|w| w.chars().any(is_word_char))
            // Counted up to one past the most a phrase allows: two mentions far apart
            // in one long sentence (a list of a thousand names) cost no more than near
            // ones.
            .take(PHRASE_WORDS + 1)
            .count();
        if words <= PHRASE_WORDS {
            Scope::Phrase
        } else {
            Scope::Sentence
        }
    }
}

/// What the document pass reads: the places of the document and where they stand.
struct Scene<'a> {
    places: &'a Places,
    gaz: &'a Gazetteer,
    admin1: &'a [Option<Arc<str>>],
    text: &'a str,
    layout: Layout,
    entities: &'a [Entity],
    /// The location index of each location entity (its current choice).
    loc: Vec<Option<u32>>,
    /// The entity's record is known: one candidate, or decided by the evidence.
    settled: Vec<bool>,
    /// The entity's cue prefers the kind of its record ("بريف الرقة" for the
    /// governorate, "ناحية ربيعة"): an administrative unit named as one. False for
    /// every other kind of place.
    named_as_kind: Vec<bool>,
    /// The paragraph of each entity.
    paragraph: Vec<usize>,
    /// The entity indices ordered by paragraph, then index: a paragraph's entities are
    /// a run of it, so that a neighbourhood is read without scanning the document.
    by_paragraph: Vec<usize>,
    /// The sentence of each entity, and the indices ordered by sentence (as above).
    sentence: Vec<usize>,
    by_sentence: Vec<usize>,
    /// The settled mentions of each place, and the places in the order they were
    /// first settled: the document tier of a score is read from these.
    settled_mentions: HashMap<u32, usize>,
    settled_places: Vec<u32>,
    /// Per candidate: the points of every settled place of the document, and how many
    /// of `settled_places` they cover.
    document_points: HashMap<u32, (u32, usize)>,
}

impl Scene<'_> {
    /// The evidence for candidate `c` of entity `i` from the settled places of the
    /// document, per tier: per other place, the best relation of its mentions in the
    /// tier. (A place's relation to `c` is the same for all its mentions, so a tier
    /// sums the places with a mention in it. Entity `i` is not settled.)
    fn score(&mut self, i: usize, c: u32) -> Score {
        let (places, gaz, admin1) = (self.places, self.gaz, self.admin1);
        let mut score = Score::default();
        // The phrase and sentence tiers, from the window of `i`'s sentence; and how
        // many settled mentions each place has here.
        let mut counted: Vec<(usize, u32)> = Vec::new();
        let mut here: Vec<(u32, usize)> = Vec::new();
        for &j in window(&self.by_sentence, &self.sentence, i) {
            if j == i || !self.settled[j] {
                continue;
            }
            let Some(f) = self.loc[j] else { continue };
            match here.iter_mut().find(|(g, _)| *g == f) {
                Some((_, n)) => *n += 1,
                None => here.push((f, 1)),
            }
            let relation = places.relation(gaz, admin1, c, f);
            if relation == 0 {
                continue;
            }
            let tier = self
                .layout
                .scope(self.text, &self.entities[i], &self.entities[j])
                .tier();
            if !counted.contains(&(tier, f)) {
                counted.push((tier, f));
                score[tier] += relation;
            }
        }
        // The document tier: every settled place but those named only in this sentence.
        let (mut points, seen) = self.document_points.get(&c).copied().unwrap_or_default();
        for &f in &self.settled_places[seen..] {
            points += places.relation(gaz, admin1, c, f);
        }
        self.document_points
            .insert(c, (points, self.settled_places.len()));
        for (f, n) in here {
            if self.settled_mentions.get(&f) == Some(&n) {
                points = points.saturating_sub(places.relation(gaz, admin1, c, f));
            }
        }
        score[Scope::Document.tier()] = points;
        score[3] = u32::from(places.is_seat(gaz, c));
        score
    }

    /// Entity `i` is settled on `loc`.
    fn settle(&mut self, i: usize, loc: Option<u32>) {
        self.loc[i] = loc;
        self.settled[i] = true;
        if let Some(f) = loc {
            let n = self.settled_mentions.entry(f).or_insert(0);
            if *n == 0 {
                self.settled_places.push(f);
            }
            *n += 1;
        }
    }

    /// The other places of entity `i`'s paragraph, within the [`WINDOW`]: (entity
    /// index, location).
    fn neighbours(&self, i: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
        let own = self.loc[i];
        window(&self.by_paragraph, &self.paragraph, i)
            .iter()
            .filter_map(move |&j| {
                let f = self.loc[j]?;
                (j != i && Some(f) != own).then_some((j, f))
            })
    }

    fn scope(&self, i: usize, j: usize) -> Scope {
        self.layout
            .scope(self.text, &self.entities[i], &self.entities[j])
    }

    /// A place in the phrase or sentence of entity `i` relates to its record `c`.
    fn supported_nearby(&self, i: usize, c: u32) -> bool {
        self.neighbours(i).any(|(j, f)| {
            self.scope(i, j) != Scope::Document
                && self.places.relation(self.gaz, self.admin1, c, f) > 0
        })
    }

    /// Village `c` at entity `i` is a namesake abroad: no place of Syria stands in
    /// its sentence and none of its paragraph relates to it, and a place abroad stands
    /// in its phrase, or is its nearest mention on each side in the paragraph.
    fn namesake_abroad(&self, i: usize, c: u32) -> bool {
        let (places, gaz) = (self.places, self.gaz);
        let supported = self.neighbours(i).any(|(j, f)| {
            places.relation(gaz, self.admin1, c, f) > 0
                || (!places.abroad(gaz, f) && self.scope(i, j) != Scope::Document)
        });
        if supported {
            return false;
        }
        if self
            .neighbours(i)
            .any(|(j, f)| places.abroad(gaz, f) && self.scope(i, j) == Scope::Phrase)
        {
            return true;
        }
        let before = self.neighbours(i).filter(|(j, _)| *j < i).last();
        let after = self.neighbours(i).find(|(j, _)| *j > i);
        let abroad = |n: Option<(usize, u32)>| n.map(|(_, f)| places.abroad(gaz, f));
        match (abroad(before), abroad(after)) {
            (Some(a), Some(b)) => a && b,
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => false,
        }
    }

    /// Place `c` at entity `i` is contradicted: a subdistrict, district or governorate
    /// named as one (after ريف, ناحية, محافظة ...) follows in its phrase and does not
    /// hold it ("تل السمن بريف الرقة" for the Tal al-Samen of Hasakah), and no place of
    /// the phrase relates to it. The place meant is one the gazetteer does not know.
    fn contradicted(&self, i: usize, c: u32) -> bool {
        let (places, gaz) = (self.places, self.gaz);
        let mut against = false;
        for (j, f) in self.neighbours(i) {
            if self.scope(i, j) != Scope::Phrase {
                continue;
            }
            if places.relation(gaz, self.admin1, c, f) > 0 {
                return false;
            }
            let admin = kind(gaz, f).is_some_and(|k| band(k) == Band::Admin);
            against |= j > i && admin && self.named_as_kind[j] && !places.abroad(gaz, f);
        }
        against
    }
}

impl Resolver {
    /// The document pass over the entities: homonyms decided by the places around
    /// them; villages dropped that are namesakes abroad, contradicted by the phrase,
    /// or named with nothing that makes them a place. `names` are the entities' spans
    /// in normalized text, kept in step.
    pub(crate) fn settle(
        &self,
        gaz: &Gazetteer,
        text: &str,
        norm: &Normalized,
        entities: &mut Vec<Entity>,
        names: &mut Vec<NameSpan>,
    ) {
        if !entities.iter().any(is_place) {
            return;
        }
        let location = |e: &Entity| match gaz.get(&e.id) {
            Some(RecordRef::Location(i)) if is_place(e) => Some(i),
            _ => None,
        };
        // No name to decide and no village to judge: the pass would change nothing.
        let undecided = |e: &Entity| {
            e.candidates.len() >= 2
                && e.candidates
                    .iter()
                    .filter(|id| matches!(gaz.get(id), Some(RecordRef::Location(_))))
                    .nth(1)
                    .is_some()
        };
        let village_here = |e: &Entity| {
            location(e).is_some_and(|c| {
                kind(gaz, c) == Some(LocationKind::Village) && !self.places().abroad(gaz, c)
            })
        };
        if !entities.iter().any(|e| undecided(e) || village_here(e)) {
            return;
        }
        let candidates: Vec<Vec<u32>> = entities
            .iter()
            .map(|e| {
                e.candidates
                    .iter()
                    .filter_map(|id| match gaz.get(id) {
                        Some(RecordRef::Location(i)) => Some(i),
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        let ntext = norm.as_str();
        let context = |n: NameSpan| self.cues().context(ntext, n.word_start, n.start, n.end);
        // Each entity's place, looked up by id once.
        let found: Vec<Option<u32>> = entities.iter().map(location).collect();
        let named_as_kind = found
            .iter()
            .zip(names.iter())
            .map(|(&at, n)| {
                // Only an administrative unit's is read (`contradicted`): the cue of
                // no other mention is looked up.
                let Some(k) = at
                    .and_then(|i| kind(gaz, i))
                    .filter(|&k| band(k) == Band::Admin)
                else {
                    return false;
                };
                match context(*n).cue {
                    Some((_, cue)) => cue.role == CueRole::Location && cue.prefers.contains(&k),
                    None => false,
                }
            })
            .collect();
        let layout = Layout::new(text, entities.last().map_or(0, |e| e.end));
        let paragraph = ranks(&layout.breaks, entities.iter().map(|e| e.start));
        let mut by_paragraph: Vec<usize> = (0..entities.len()).collect();
        by_paragraph.sort_by_key(|&j| (paragraph[j], j));
        let sentence = ranks(&layout.sentence_ends, entities.iter().map(|e| e.start));
        let mut by_sentence: Vec<usize> = (0..entities.len()).collect();
        by_sentence.sort_by_key(|&j| (sentence[j], j));
        let loc = found.clone();
        let settled: Vec<bool> = candidates.iter().map(|c| c.len() < 2).collect();
        let mut settled_mentions: HashMap<u32, usize> = HashMap::default();
        let mut settled_places = Vec::new();
        for f in (0..entities.len())
            .filter(|&j| settled[j])
            .filter_map(|j| loc[j])
        {
            let n = settled_mentions.entry(f).or_insert(0);
            if *n == 0 {
                settled_places.push(f);
            }
            *n += 1;
        }
        let mut scene = Scene {
            places: self.places(),
            gaz,
            admin1: self.admin1_ids(),
            text,
            layout,
            entities,
            loc,
            settled,
            named_as_kind,
            paragraph,
            by_paragraph,
            sentence,
            by_sentence,
            settled_mentions,
            settled_places,
            document_points: HashMap::default(),
        };
        let mut by_evidence = vec![false; entities.len()];
        // Two rounds: places decided in the first are evidence in the second.
        for _round in 0..2 {
            let mut changed = false;
            for i in 0..entities.len() {
                if scene.settled[i] {
                    continue;
                }
                let scores: Vec<Score> = candidates[i].iter().map(|&c| scene.score(i, c)).collect();
                if let Some(best) = strict_best(&scores) {
                    scene.settle(i, candidates[i].get(best).copied());
                    by_evidence[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // A name left undecided takes the choice made for it elsewhere in the document
        // (by the first mention decided by evidence).
        let mut decided: HashMap<&[u32], usize> = HashMap::default();
        for j in (0..entities.len()).filter(|&j| by_evidence[j]) {
            decided.entry(candidates[j].as_slice()).or_insert(j);
        }
        for (i, list) in candidates.iter().enumerate() {
            if scene.settled[i] {
                continue;
            }
            if let Some(&j) = decided.get(list.as_slice()) {
                scene.loc[i] = scene.loc[j];
                scene.settled[i] = true;
            }
        }
        // Villages that are no place of the gazetteer here: (mention stands, named
        // as a place) per entity. A gazetteer without location cues names nothing.
        let cues_name_places = self.cues().has_location_cues();
        let verdicts: Vec<Option<(bool, bool)>> = (0..entities.len())
            .map(|i| {
                let c = scene.loc[i]?;
                if kind(gaz, c) != Some(LocationKind::Village) || scene.places.abroad(gaz, c) {
                    return None;
                }
                let stands = !scene.namesake_abroad(i, c) && !scene.contradicted(i, c);
                // Named as a place: a location cue, a preposition, ب, a direction, a
                // list with another place, or a place nearby that relates to it.
                let name = names[i];
                let listed =
                    (i > 0 && scene.loc[i - 1].is_some() && joined(ntext, names[i - 1].end, name))
                        || names
                            .get(i + 1)
                            .zip(scene.loc.get(i + 1))
                            .is_some_and(|(next, l)| l.is_some() && joined(ntext, name.end, *next));
                let named = !cues_name_places
                    || context(name).says_location()
                    || listed
                    || scene.supported_nearby(i, c);
                Some((stands, named))
            })
            .collect();
        // One mention named as a place makes the others of that village places too
        // ("قرية جورين" … "السيطرة على جورين").
        let named_places: HashSet<Option<u32>> = (0..entities.len())
            .filter(|&j| verdicts[j] == Some((true, true)))
            .map(|j| scene.loc[j])
            .collect();
        let keep: Vec<bool> = (0..entities.len())
            .map(|i| match verdicts[i] {
                None => true,
                Some((stands, named)) => stands && (named || named_places.contains(&scene.loc[i])),
            })
            .collect();
        let (loc, settled) = (scene.loc, scene.settled);
        // Rebuild the entities whose record changed; flag the undecided ones.
        for i in 0..entities.len() {
            if candidates[i].len() < 2 {
                continue;
            }
            let Some(chosen) = loc[i] else { continue };
            if found[i] != Some(chosen) {
                let ctx = context(names[i]);
                let record = RecordRef::Location(chosen);
                if let Some(e) = self.entity(gaz, text, norm, names[i], record, &ctx) {
                    let old = std::mem::replace(&mut entities[i], e);
                    entities[i].candidates = old.candidates;
                }
            }
            if let Some(first) = gaz.locations().get(chosen as usize).map(|l| &l.id) {
                let list = &mut entities[i].candidates;
                if let Some(p) = list.iter().position(|id| id == first) {
                    list[..=p].rotate_right(1);
                }
            }
            entities[i].ambiguous = !settled[i];
        }
        if keep.iter().all(|&k| k) {
            return;
        }
        let mut k = keep.iter();
        entities.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        names.retain(|_| *k.next().unwrap_or(&true));
    }
}

fn is_place(e: &Entity) -> bool {
    e.kind == super::types::EntityKind::Location
}

/// For each position, how many of the sorted `ends` lie before it
/// (`ends.partition_point(|&e| e < at)`): walked forward while the positions ascend,
/// as mentions do, instead of a binary search each.
fn ranks(ends: &[usize], positions: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(positions.size_hint().0);
    let (mut idx, mut last) = (0, 0);
    for at in positions {
        if at < last {
            idx = ends.partition_point(|&e| e < at);
        } else {
            while ends.get(idx).is_some_and(|&e| e < at) {
                idx += 1;
            }
        }
        last = at;
        out.push(idx);
    }
    out
}

/// The index of the strictly highest score, if one is and it is not zero.
fn strict_best(scores: &[Score]) -> Option<usize> {
    let (best, top) = scores.iter().enumerate().max_by_key(|(_, s)| **s)?;
    let ties = scores.iter().filter(|s| *s == top).count();
    (*top != Score::default() && ties == 1).then_some(best)
}

#[cfg(test)]
mod tests {
    /// The walk counts as a binary search does, whether the positions ascend or not.
    fn ranks_by_search(ends: &[usize], positions: &[usize]) -> Vec<usize> {
        positions
            .iter()
            .map(|&at| ends.partition_point(|&e| e < at))
            .collect()
    }

    #[test]
    fn ranks_walk_as_a_binary_search_counts() {
        let ends = [3, 3, 7, 10, 40];
        for positions in [
            &[][..],
            &[0, 3, 4, 7, 8, 10, 11, 41, 100],
            &[50, 2, 3, 3, 9, 1, 40, 41],
        ] {
            let got = super::ranks(&ends, positions.iter().copied());
            assert_eq!(got, ranks_by_search(&ends, positions), "{positions:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn ranks_count_as_a_binary_search_on_any_input(
            mut ends in proptest::collection::vec(0usize..200, 0..40),
            mut positions in proptest::collection::vec(0usize..220, 0..40),
            sorted in proptest::bool::ANY,
        ) {
            ends.sort_unstable();
            if sorted {
                positions.sort_unstable();
            }
            let got = super::ranks(&ends, positions.iter().copied());
            proptest::prop_assert_eq!(got, ranks_by_search(&ends, &positions));
        }
    }
    /// A mention reads its own sentence or paragraph, at most [`super::WINDOW`]
    /// mentions to either side: a list of a thousand places is not read a thousand
    /// times.
    #[test]
    fn a_mention_reads_a_bounded_window_of_its_run() {
        use super::{window, WINDOW};
        // Forty entities in sentence 0, then 200 in sentence 1.
        let key: Vec<usize> = (0..240).map(|j| usize::from(j >= 40)).collect();
        let order: Vec<usize> = (0..240).collect();
        for i in [0, 39, 40, 41, 100, 239] {
            let w = window(&order, &key, i);
            assert!(w.contains(&i), "{i}");
            assert!(w.len() <= 2 * WINDOW + 1, "{i}: {}", w.len());
            assert!(w.iter().all(|&j| key[j] == key[i]), "{i}");
            assert!(w.windows(2).all(|p| p[1] == p[0] + 1), "{i}: a run");
        }
        // A short run is read whole.
        assert_eq!(window(&order, &key, 20).len(), 40);
        assert_eq!(
            window(&order, &key, 100),
            &order[100 - WINDOW..=100 + WINDOW]
        );
        assert_eq!(window(&order, &key, 240), &[] as &[usize]);
    }

    use crate::Extractor;

    /// The location entities of a text as (original text, id, ambiguous).
    fn places(text: &str) -> Vec<(String, String, bool)> {
        Extractor::default()
            .extract_entities(text)
            .into_iter()
            .filter(|e| e.kind == super::super::types::EntityKind::Location)
            .map(|e| (e.text, e.id.to_string(), e.ambiguous))
            .collect()
    }

    /// The id a name gets in a text and whether it is flagged ambiguous; `None` when
    /// the name is no entity.
    fn reading(text: &str, name: &str) -> Option<(String, bool)> {
        places(text)
            .into_iter()
            .find(|(t, _, _)| t == name)
            .map(|(_, id, ambiguous)| (id, ambiguous))
    }

    #[test]
    fn homonyms_follow_the_places_around_them() {
        // الحميدية: a town of Tartus (c5262), villages of Quneitra (c6265), Homs
        // (c2610) and Latakia (c3668), neighbourhoods of Homs, Hama, Deir ez-Zor.
        // (text, name, expected id, ambiguous)
        let rows: &[(&str, &str, &str, bool)] = &[
            // Its governorate in the phrase.
            ("قصفت قوات النظام قرية الحميدية بريف القنيطرة", "الحميدية", "c6265", false),
            ("سقطت قذائف على بلدة الحميدية في ريف طرطوس الجنوبي", "الحميدية", "c5262", false),
            // Its city, for a neighbourhood.
            ("دارت اشتباكات في حي الحميدية بمدينة حمص", "الحميدية", "hamidiyeh-homs", false),
            // A town nearby (الحفة, 3.5 km from the Latakia village).
            ("قصف الطيران قرية الحميدية قرب بلدة الحفة", "الحميدية", "c3668", false),
            // Nothing tells them apart: the default (the kind the cue prefers, then
            // the first record), flagged. الصالحية: neighbourhoods of Damascus and
            // Hasakah, villages of four governorates.
            ("قصفت الطائرات الحربية حي الصالحية", "الصالحية", "salihiyah-upper", true),
            // Without evidence, the seat of the subdistrict الحميدية is no guess.
            ("قصف الطيران المروحي بلدة الحميدية بالبراميل", "الحميدية", "c5262", false),
            // The phrase outweighs the rest of the sentence and the document.
            (
                "قصفت قوات النظام قرية الحميدية بريف القنيطرة بعد معارك في ريف طرطوس وريف طرطوس الشمالي",
                "الحميدية",
                "c6265",
                false,
            ),
            // The document decides when nothing nearer does.
            (
                "قصف الطيران قرية الحميدية بالبراميل. وتدور معارك عنيفة في ريف القنيطرة",
                "الحميدية",
                "c6265",
                false,
            ),
            // The seat of the subdistrict of its name wins over a village elsewhere.
            ("وصلت التعزيزات إلى دير حافر", "دير حافر", "c1240", false),
        ];
        for (text, name, id, ambiguous) in rows {
            let want = Some((id.to_string(), *ambiguous));
            assert_eq!(reading(text, name), want, "{text}");
        }
    }

    #[test]
    fn a_name_decided_once_is_decided_for_the_document() {
        let text =
            "قصفت قوات النظام قرية الحميدية بريف القنيطرة. وعاد الأهالي إلى قرية الحميدية مساء";
        let got: Vec<(String, bool)> = places(text)
            .into_iter()
            .filter(|(t, _, _)| t == "الحميدية")
            .map(|(_, id, ambiguous)| (id, ambiguous))
            .collect();
        assert_eq!(
            got,
            [("c6265".to_string(), false), ("c6265".to_string(), false)]
        );
        // Every candidate is listed, the chosen one first.
        let entities = Extractor::default().extract_entities(text);
        let e = entities.iter().find(|e| e.text == "الحميدية").unwrap();
        assert_eq!(&*e.candidates[0], "c6265");
        assert!(e.candidates.len() >= 5, "{:?}", e.candidates);
    }

    #[test]
    fn villages_that_are_no_place_here_are_dropped() {
        // (text, name, whether it stays a place)
        let rows: &[(&str, &str, bool)] = &[
            // مليخ, a village of Latakia, and the Lebanese village of that name.
            ("قصفت قوات النظام قرية مليخ بريف اللاذقية", "مليخ", true),
            ("منع عناصر حزب الله المسيحيين من الصلاة في قرية مليخ في جنوب لبنان", "مليخ", false),
            (
                "قال مصدر أمني إن عبوة انفجرت في بغداد. وأصيب ثلاثة في قرية مليخ. وانفجرت سيارة في بغداد أيضا",
                "مليخ",
                false,
            ),
            // A subdistrict or governorate named in the phrase that does not hold it:
            // the Tal al-Samen of Raqqa is not the one of Hasakah the gazetteer knows.
            ("اشتباكات في محيط بلدة تل السمن بريف الحسكة", "تل السمن", true),
            ("اشتباكات في محيط بلدة تل السمن بريف الرقة الشمالي", "تل السمن", false),
            // Nothing names it as a place: a person's name.
            ("والتقط الكاتب إياد أبو الشامات كثيرا من وقائع الأزمة", "أبو الشامات", false),
            ("قصف الطيران الحربي قرية أبو الشامات", "أبو الشامات", true),
            ("قصف الطيران أبو الشامات والمنصورة", "أبو الشامات", true),
            // One mention named as a place makes the others places.
            (
                "سيطرت الفصائل على قرية جورين. وقال المرصد إن السيطرة على جورين تفتح الطريق",
                "جورين",
                true,
            ),
            ("وقال المرصد إن السيطرة على جورين تفتح الطريق", "جورين", false),
        ];
        for (text, name, stays) in rows {
            let got = places(text);
            let found = got.iter().filter(|(t, _, _)| t == name).count();
            let want = if *stays {
                text.matches(name).count()
            } else {
                0
            };
            assert_eq!(found, want, "{text}: {got:?}");
        }
    }
}
