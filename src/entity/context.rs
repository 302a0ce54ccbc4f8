//! The words around a matched name: the cue word before it and a direction before or
//! after it, looked up in the cue words of the gazetteer (`cues.tsv`).

use rustc_hash::FxHashMap;

use crate::gazetteer::Gazetteer;
use crate::kinds::{CueRole, Direction, LocationKind};
use crate::text::clitics::clitic_splits;
use crate::text::words::QUOTED;

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
        if let Some(w) = QUOTED.prev(text, word_start) {
            if let Some(entry) = self.lookup(&text[w.0..w.1], BEFORE_ROLES) {
                if let (CueRole::DirectionBefore, Some(d)) = (entry.role, entry.direction) {
                    ctx.direction = Some(self.direction_ending_at(text, w, d));
                }
                // "جنوب مدينة الميادين": a direction before the cue word.
                if entry.role == CueRole::Location {
                    if let Some(d) = QUOTED.prev(text, w.0) {
                        let before = self.lookup(&text[d.0..d.1], &[CueRole::DirectionBefore]);
                        if let Some(dir) = before.and_then(|e| e.direction) {
                            ctx.direction = Some(self.direction_ending_at(text, d, dir));
                        }
                    }
                }
                ctx.cue = Some((w, entry));
            }
        }
        if ctx.direction.is_none() {
            if let Some(w) = QUOTED.next(text, end) {
                let after = self.lookup(&text[w.0..w.1], &[CueRole::DirectionAfter]);
                if let Some(d) = after.and_then(|e| e.direction) {
                    let mut span = w;
                    let mut dir = d;
                    // "الشمالي الشرقي": two words, one compound direction.
                    if let Some(w2) = QUOTED.next(text, w.1) {
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

impl CueIndex {
    /// The direction word at `w` (direction `d`) with a second one before it: "شمال
    /// شرقي حلب" is northeast.
    fn direction_ending_at(
        &self,
        text: &str,
        w: (usize, usize),
        d: Direction,
    ) -> ((usize, usize), Direction) {
        if let Some(w2) = QUOTED.prev(text, w.0) {
            let first = self.lookup(&text[w2.0..w2.1], &[CueRole::DirectionBefore]);
            if let Some(both) = first.and_then(|e| e.direction).and_then(|d2| d2.combine(d)) {
                return ((w2.0, w.1), both);
            }
        }
        (w, d)
    }
}

impl Context<'_> {
    pub(super) fn cue_role(&self) -> Option<CueRole> {
        self.cue.map(|(_, e)| e.role)
    }

    /// The context says "a place": a location cue, a preposition, a direction, or ب.
    pub(super) fn says_location(&self) -> bool {
        self.direction.is_some()
            || self.locative_clitic
            || matches!(
                self.cue_role(),
                Some(CueRole::Location | CueRole::Preposition | CueRole::DirectionBefore)
            )
    }
}
