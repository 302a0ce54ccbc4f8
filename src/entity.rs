//! Entity mentions: matched names resolved to gazetteer records, with cue words and
//! directions, as plain serializable data.
//!
//! Resolution rules, applied to the records a matched name may mean:
//!
//! 1. A record flagged `needs_cue` counts only right after a cue word of its kind
//!    ("قرية النصر", "فصيل X").
//! 2. The category (actor, location, source) follows the context: a location cue
//!    (مدينة, ريف, بادية ...), a preposition (في, داخل ...), the clitic ب, or a
//!    direction word before or after make a name a place ("في تركيا", "شرقي سوريا");
//!    an actor cue (ميليشيا, قوات ...) makes it an actor; a source cue (وكالة, قناة)
//!    a source. Without context an actor reading wins over a place ("تسعى إيران"),
//!    and a place over a source.
//! 3. Among places, a cue's preferred kinds decide ("ريف حمص" → the governorate,
//!    "مدينة حمص" → the city); without a cue the most specific populated place wins:
//!    city, then town, village, neighbourhood, other named places, subdistrict,
//!    district, governorate, country.

use rustc_hash::FxHashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::gazetteer::{
    ActorKind, Coordinates, CueRole, Direction, Gazetteer, LocationKind, RecordRef, SourceKind,
};
use crate::matcher::clitic_splits;

/// What an [`Entity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// An armed group, state, agency or other actor.
    Actor,
    /// A place.
    Location,
    /// A media outlet or monitor.
    Source,
}

/// The record kind behind an entity (`"militia"`, `"governorate"`, `"monitor"` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EntityType {
    /// An actor's kind.
    Actor(ActorKind),
    /// A location's kind.
    Location(LocationKind),
    /// A source's kind.
    Source(SourceKind),
}

/// A cue word found before a mention ("بريف" before "حمص").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The word as written in the original text, clitics included.
    pub text: String,
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset in the original text (exclusive).
    pub end: usize,
    /// What kind of cue it is.
    pub role: CueRole,
}

/// A direction word next to a place ("الشرقي" after "ريف حمص").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectionMention {
    /// The direction.
    pub direction: Direction,
    /// The words as written in the original text.
    pub text: String,
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset in the original text (exclusive).
    pub end: usize,
}

/// One mention of an actor, place or source in a document.
///
/// `start..end` are byte offsets into the original text: `&text[start..end] == entity.text`.
/// The span covers the name only; clitics before it ("و", "بـ") are not part of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Actor, location or source.
    pub kind: EntityKind,
    /// Id of the gazetteer record.
    pub id: Arc<str>,
    /// English name of the record.
    pub name: Arc<str>,
    /// Byte offset where the name starts in the original text.
    pub start: usize,
    /// Byte offset where the name ends (exclusive).
    pub end: usize,
    /// The name as written in the original text.
    pub text: String,
    /// The record's kind.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Cue word before the name, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// Direction word before or after a place name, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<DirectionMention>,
    /// For places in Syria: id of the governorate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<Arc<str>>,
    /// For places: coordinates of the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
}

impl Entity {
    /// The byte span in the original text.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// A cue word as indexed for lookup.
#[derive(Debug, Clone)]
pub(crate) struct CueEntry {
    pub role: CueRole,
    pub prefers: Vec<LocationKind>,
    pub direction: Option<Direction>,
}

/// Cue words by normalized form.
#[derive(Debug, Clone, Default)]
pub(crate) struct CueIndex {
    by_word: FxHashMap<String, Vec<CueEntry>>,
    /// Byte length of the longest cue word: longer words are not looked up.
    longest: usize,
}

impl CueIndex {
    pub(crate) fn new(gaz: &Gazetteer) -> CueIndex {
        let mut by_word: FxHashMap<String, Vec<CueEntry>> = FxHashMap::default();
        for cue in gaz.cues() {
            by_word
                .entry(crate::normalize::normalize_str(cue.word.trim()))
                .or_default()
                .push(CueEntry {
                    role: cue.role,
                    prefers: cue.prefers.clone(),
                    direction: cue.direction,
                });
        }
        let longest = by_word.keys().map(String::len).max().unwrap_or(0);
        CueIndex { by_word, longest }
    }

    /// Join words, for the matcher's glued variants.
    pub(crate) fn joins(&self) -> impl Iterator<Item = String> + '_ {
        self.by_word
            .iter()
            .filter(|(_, v)| v.iter().any(|c| c.role == CueRole::Join))
            .map(|(w, _)| w.clone())
    }

    /// The entries for a normalized word, trying it whole and then without clitics.
    fn lookup(&self, word: &str, roles: &[CueRole]) -> Option<&CueEntry> {
        // Most words around a name are no cue: the length check spares hashing them.
        let find = |w: &str| {
            if w.len() > self.longest {
                return None;
            }
            self.by_word
                .get(w)
                .and_then(|list| list.iter().find(|c| roles.contains(&c.role)))
        };
        find(word).or_else(|| clitic_splits(word).find_map(|(_, stem)| find(stem)))
    }
}

/// Longest cue or direction word we look at, in characters: bounds the work per mention
/// on text with very long "words".
const MAX_WORD_CHARS: usize = 24;
/// Separators skipped between a cue and the name: spaces and quotes (لـ“الدفاع).
fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '"' | '\'' | '“' | '”' | '«' | '»' | '„' | '‘' | '’' | '(' | ')' | '[' | ']' | '-'
    )
}

/// The word ending right before `pos` (across spaces and quotes), in normalized offsets.
fn prev_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let before = &text[..pos];
    let mut end = pos;
    for (n, c) in before.chars().rev().enumerate() {
        if !is_gap(c) {
            break;
        }
        if n >= 4 {
            return None;
        }
        end -= c.len_utf8();
    }
    let mut start = end;
    for (n, c) in text[..end].chars().rev().enumerate() {
        if !crate::matcher::is_word_char(c) {
            break;
        }
        if n >= MAX_WORD_CHARS {
            return None;
        }
        start -= c.len_utf8();
    }
    (start < end).then_some((start, end))
}

/// The word starting right after `pos` (across spaces and quotes), in normalized offsets.
fn next_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let mut start = pos;
    for (n, c) in text[pos..].chars().enumerate() {
        if !is_gap(c) {
            break;
        }
        if n >= 4 {
            return None;
        }
        start += c.len_utf8();
    }
    let mut end = start;
    for (n, c) in text[start..].chars().enumerate() {
        if !crate::matcher::is_word_char(c) {
            break;
        }
        if n >= MAX_WORD_CHARS {
            return None;
        }
        end += c.len_utf8();
    }
    (start < end).then_some((start, end))
}

/// What surrounds a matched name, in normalized offsets.
#[derive(Debug, Default)]
pub(crate) struct Context<'c> {
    /// The cue word before the name and its entry.
    pub cue: Option<((usize, usize), &'c CueEntry)>,
    /// Direction before or after, with the words' span.
    pub direction: Option<((usize, usize), Direction)>,
    /// The clitic chain contains ب ("in").
    pub locative_clitic: bool,
}

const BEFORE_ROLES: &[CueRole] = &[
    CueRole::Location,
    CueRole::Actor,
    CueRole::Source,
    CueRole::Preposition,
    CueRole::DirectionBefore,
];

impl CueIndex {
    /// Reads the context of a name at `start..end` whose word (clitics included) starts
    /// at `word_start`.
    pub(crate) fn context(
        &self,
        text: &str,
        word_start: usize,
        start: usize,
        end: usize,
    ) -> Context<'_> {
        let mut ctx = Context {
            locative_clitic: text[word_start..start].contains('ب'),
            ..Context::default()
        };
        if let Some(w) = prev_word(text, word_start) {
            if let Some(entry) = self.lookup(&text[w.0..w.1], BEFORE_ROLES) {
                if let (CueRole::DirectionBefore, Some(d)) = (entry.role, entry.direction) {
                    // "شمال شرقي حلب": a second direction word before the first.
                    let mut span = w;
                    let mut dir = d;
                    if let Some(w2) = prev_word(text, w.0) {
                        let first = self.lookup(&text[w2.0..w2.1], &[CueRole::DirectionBefore]);
                        if let Some(both) =
                            first.and_then(|e| e.direction).and_then(|d2| d2.combine(d))
                        {
                            span.0 = w2.0;
                            dir = both;
                        }
                    }
                    ctx.direction = Some((span, dir));
                }
                ctx.cue = Some((w, entry));
            }
        }
        if ctx.direction.is_none() {
            if let Some(w) = next_word(text, end) {
                let after = self.lookup(&text[w.0..w.1], &[CueRole::DirectionAfter]);
                if let Some(d) = after.and_then(|e| e.direction) {
                    let mut span = w;
                    let mut dir = d;
                    // "الشمالي الشرقي": two words, one compound direction.
                    if let Some(w2) = next_word(text, w.1) {
                        let second = self.lookup(&text[w2.0..w2.1], &[CueRole::DirectionAfter]);
                        if let Some(both) = second
                            .and_then(|e| e.direction)
                            .and_then(|d2| d.combine(d2))
                        {
                            span.1 = w2.1;
                            dir = both;
                        }
                    }
                    ctx.direction = Some((span, dir));
                }
            }
        }
        ctx
    }
}

impl Context<'_> {
    fn cue_role(&self) -> Option<CueRole> {
        self.cue.map(|(_, e)| e.role)
    }

    /// The context says "a place": a location cue, a preposition, a direction, or ب.
    fn says_location(&self) -> bool {
        self.direction.is_some()
            || self.locative_clitic
            || matches!(
                self.cue_role(),
                Some(CueRole::Location | CueRole::Preposition | CueRole::DirectionBefore)
            )
    }
}

/// Rank of a location kind when no cue decides: the most specific populated place first.
fn default_rank(kind: LocationKind) -> u8 {
    use LocationKind::*;
    match kind {
        City => 0,
        Town => 1,
        Village => 2,
        Neighbourhood => 3,
        Subdistrict => 20,
        District => 21,
        Governorate => 22,
        Country => 23,
        _ => 10,
    }
}

/// Picks the record a name means in its context, or `None` when no candidate fits.
pub(crate) fn resolve(
    gaz: &Gazetteer,
    candidates: &[RecordRef],
    ctx: &Context<'_>,
) -> Option<RecordRef> {
    let cue = ctx.cue_role();
    let fits_cue = |r: &RecordRef| {
        let (needs_cue, wanted) = match *r {
            RecordRef::Actor(i) => (
                gaz.actors()
                    .get(i as usize)
                    .is_some_and(|a| a.flags.needs_cue),
                CueRole::Actor,
            ),
            RecordRef::Location(i) => (
                gaz.locations()
                    .get(i as usize)
                    .is_some_and(|l| l.flags.needs_cue),
                CueRole::Location,
            ),
            RecordRef::Source(i) => (
                gaz.sources()
                    .get(i as usize)
                    .is_some_and(|s| s.flags.needs_cue),
                CueRole::Source,
            ),
            RecordRef::Trigger(_) => return false,
        };
        !needs_cue || cue == Some(wanted)
    };
    let usable: Vec<RecordRef> = candidates.iter().copied().filter(fits_cue).collect();
    let is_actor = |r: &RecordRef| matches!(r, RecordRef::Actor(_));
    let is_location = |r: &RecordRef| matches!(r, RecordRef::Location(_));
    let is_source = |r: &RecordRef| matches!(r, RecordRef::Source(_));
    let order: [&dyn Fn(&RecordRef) -> bool; 3] = if ctx.says_location() {
        [&is_location, &is_actor, &is_source]
    } else if cue == Some(CueRole::Source) {
        [&is_source, &is_actor, &is_location]
    } else {
        [&is_actor, &is_location, &is_source]
    };
    let group: Vec<RecordRef> = order
        .iter()
        .map(|pred| {
            usable
                .iter()
                .copied()
                .filter(|r| pred(r))
                .collect::<Vec<_>>()
        })
        .find(|g| !g.is_empty())?;
    if !matches!(group.first(), Some(RecordRef::Location(_))) || group.len() == 1 {
        return group.first().copied();
    }
    let kind_of = |r: &RecordRef| match r {
        RecordRef::Location(i) => gaz.locations().get(*i as usize).map(|l| l.kind),
        _ => None,
    };
    let prefers: &[LocationKind] = match ctx.cue {
        Some((_, e)) if e.role == CueRole::Location => &e.prefers,
        _ => &[],
    };
    for kind in prefers {
        if let Some(r) = group.iter().find(|r| kind_of(r) == Some(*kind)) {
            return Some(*r);
        }
    }
    group
        .iter()
        .min_by_key(|r| kind_of(r).map(default_rank).unwrap_or(u8::MAX))
        .copied()
}
