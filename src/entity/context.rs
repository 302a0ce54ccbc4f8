//! The words around a matched name: the cue word before it and a direction before or
//! after it, looked up in the cue words of the gazetteer (`cues.tsv`).

use rustc_hash::FxHashMap;

use super::resolve::NameSpan;
use crate::gazetteer::Gazetteer;
use crate::kinds::{CueRole, Direction, LocationKind};
use crate::text::clitics::{self, clitic_splits, Chain};
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
    /// Some cue has the role `location`.
    any_location: bool,
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
        let any_location = gaz.cues().iter().any(|c| c.role == CueRole::Location);
        CueIndex {
            by_word,
            longest,
            any_location,
        }
    }

    /// Whether any location cue is known: without one, no text can name a place as
    /// one, and the rules that ask for it do not apply.
    pub(crate) fn has_location_cues(&self) -> bool {
        self.any_location
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
        self.lookup_with_chain(word, roles).map(|(entry, _)| entry)
    }

    /// As [`lookup`](Self::lookup), with whether the clitics before the cue include the
    /// article ("القرية", "بالمدينة").
    fn lookup_with_chain(&self, word: &str, roles: &[CueRole]) -> Option<(&CueEntry, bool)> {
        // Most words around a name are no cue: the length check spares hashing them.
        let find = |w: &str| {
            if w.len() > self.longest {
                return None;
            }
            self.by_word
                .get(w)
                .and_then(|list| list.iter().find(|c| roles.contains(&c.role)))
        };
        find(word).map(|e| (e, false)).or_else(|| {
            clitic_splits(word).find_map(|(chain, stem)| {
                let article = clitics::chain(chain).is_some_and(|c| c != Chain::Plain);
                find(stem).map(|e| (e, article))
            })
        })
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
    /// The cue word carries the article ("القرية المعزولة"): a definite noun followed
    /// by an adjective, not a cue introducing a name.
    pub cue_definite: bool,
    /// The location cue at the head of the list of places this name continues
    /// ("بلدات كفرومة ومعرة حرمة والنقير": بلدات for النقير), set by [`Lists`].
    pub list_head: Option<&'c CueEntry>,
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
        let mut before = QUOTED.prev(text, word_start);
        // A clitic written before a quote is the name's: بـ"حلب", لـ«داعش».
        if let Some(w) = before {
            let quoted = text[w.1..word_start].contains(is_quote);
            if quoted && clitics::chain(&text[w.0..w.1]) == Some(Chain::Plain) {
                ctx.locative_clitic |= text[w.0..w.1].contains('ب');
                before = QUOTED.prev(text, w.0);
            }
        }
        if let Some(w) = before {
            if let Some((entry, definite)) = self.lookup_with_chain(&text[w.0..w.1], BEFORE_ROLES) {
                ctx.cue_definite = definite;
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

/// A quotation mark: what may stand between a clitic and the quoted name it belongs to.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '«' | '»' | '„' | '‘' | '’')
}

impl<'c> Context<'c> {
    pub(super) fn cue_role(&self) -> Option<CueRole> {
        self.cue.map(|(_, e)| e.role)
    }

    /// The location cue that introduces this name: the cue word right before it, written
    /// without the article, or else the head of the list the name continues.
    pub(super) fn introducing_cue(&self) -> Option<&'c CueEntry> {
        match self.cue {
            Some((_, e)) if e.role == CueRole::Location && !self.cue_definite => Some(e),
            _ => self.list_head,
        }
    }

    /// Whether a place of `kind` whose name is also a common word (`needs_cue`) counts
    /// here: only when the introducing cue lists its kind. So قرية and بلدة admit a
    /// village, ريف and منطقة a town or city but no village, and محيط, قاعدة, طريق,
    /// سد or دولة no village at all.
    pub(super) fn admits_common_word(&self, kind: LocationKind) -> bool {
        self.introducing_cue()
            .is_some_and(|e| e.prefers.contains(&kind))
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

/// The lists of places in a document so far: the last place found, where it ends, and
/// the location cue heading its list.
///
/// A place right after another, joined by و or a comma ("كفرومة ومعرة حرمة والنقير",
/// "قرى المشيك، والزيارة"), continues that place's list, and the list keeps the cue
/// that heads it. At most one name the gazetteer does not know may sit in between
/// ("بلدات كفرومة وحيش والنقير").
#[derive(Debug, Default)]
pub(crate) struct Lists<'c> {
    last: Option<(usize, Option<&'c CueEntry>)>,
}

impl<'c> Lists<'c> {
    /// The cue heading the list that a name at `name` continues.
    pub(crate) fn head(&self, text: &str, name: NameSpan) -> Option<&'c CueEntry> {
        let (end, head) = self.last?;
        let head = head?;
        joined(text, end, name).then_some(head)
    }

    /// Records a place found at `end` (normalized) with the cue that introduced it.
    pub(crate) fn push_place(&mut self, end: usize, head: Option<&'c CueEntry>) {
        self.last = Some((end, head));
    }

    /// Records a mention that is no place: it ends any list.
    pub(crate) fn push_other(&mut self) {
        self.last = None;
    }
}

/// Whether the name at `name` continues a list after a place that ends at `end`
/// (normalized offsets): joined by و or a comma, with at most one unknown name in
/// between.
pub(crate) fn joined(text: &str, end: usize, name: NameSpan) -> bool {
    let (Some(gap), Some(clitics)) = (
        text.get(end..name.word_start),
        text.get(name.word_start..name.start),
    ) else {
        return false;
    };
    let joined = clitics.starts_with('و') || gap.trim_end().ends_with(['،', ',']);
    let mut words = gap.split([' ', '،', ',']).filter(|w| !w.is_empty());
    let unknown_item_ok = match (words.next(), words.next()) {
        (None, _) => true,
        (Some(w), None) => w.starts_with('و'),
        _ => false,
    };
    joined && unknown_item_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_goes_on_across_and_and_commas() {
        let head = CueEntry {
            role: CueRole::Location,
            prefers: vec![LocationKind::Village],
            direction: None,
        };
        // (normalized text with the previous place marked by its end "|", and the
        // next name marked by "^" before its word and "~" before the name; whether
        // the name continues the list)
        let rows: &[(&str, bool)] = &[
            ("قري كفرومه| ^و~النقير", true),
            ("قري كفرومه|، ^~النقير", true),
            ("قري كفرومه|، ^و~النقير", true),
            ("قري كفرومه| وحيش ^و~النقير", true),
            // Two unknown names, or a word that is no list item, break it.
            ("قري كفرومه| وحيش وبسامس ^و~النقير", false),
            ("قري كفرومه| قرب ^~النقير", false),
            ("قري كفرومه| ^~النقير", false),
            ("قري كفرومه|. ^و~النقير", false),
        ];
        for (marked, want) in rows {
            let end = marked.find('|').unwrap();
            let text = marked.replace(['|', '^', '~'], "");
            let plain = marked.replace('|', "");
            let word_start = plain.find('^').unwrap();
            let start = plain.replace('^', "").find('~').unwrap();
            let mut lists = Lists::default();
            lists.push_place(end, Some(&head));
            let name = NameSpan {
                word_start,
                start,
                end: text.len(),
            };
            assert_eq!(lists.head(&text, name).is_some(), *want, "{marked}");
        }
        // A place with no cue heads no list; a mention that is no place ends one.
        let mut lists = Lists::default();
        lists.push_place(0, None);
        let name = NameSpan {
            word_start: 1,
            start: 3,
            end: 5,
        };
        assert!(lists.head(" وا", name).is_none());
        lists.push_place(0, Some(&head));
        lists.push_other();
        assert!(lists.head(" وا", name).is_none());
    }
}
