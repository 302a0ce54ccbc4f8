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
    /// The last bytes of the cue words (see [`Endings`]): a word that ends in none of
    /// them is no cue with or without clitics, and is not looked up.
    endings: Endings,
}

/// A set of word endings, the last [`Endings::BYTES`] bytes of each word, as a bitmap
/// of their hashes: a word whose ending is absent is none of the words, and a hit
/// only says "maybe". Clitics are prefixes, so a word and its stems share the ending.
#[derive(Debug, Clone)]
struct Endings {
    bits: Vec<u64>,
    /// Some word is shorter than [`Endings::BYTES`]: every word may be one.
    short_words: bool,
}

impl Default for Endings {
    fn default() -> Endings {
        Endings {
            bits: vec![0; Endings::SLOTS / 64],
            short_words: false,
        }
    }
}

impl Endings {
    /// Two Arabic letters.
    const BYTES: usize = 4;
    const SLOTS: usize = 1 << 16;

    fn new<'w>(words: impl Iterator<Item = &'w str>) -> Endings {
        let mut endings = Endings::default();
        for w in words {
            match Endings::slot(w) {
                Some(s) => endings.bits[s / 64] |= 1 << (s % 64),
                None => endings.short_words = true,
            }
        }
        endings
    }

    /// The bit of the word's ending; `None` for a word too short to have one.
    fn slot(word: &str) -> Option<usize> {
        let tail = word.as_bytes().last_chunk::<{ Endings::BYTES }>()?;
        let h = u32::from_le_bytes(*tail).wrapping_mul(0x9E37_79B1);
        Some((h >> 16) as usize)
    }

    /// Whether `word`, or a stem of it under clitics, may be one of the words.
    fn may_hold(&self, word: &str) -> bool {
        if self.short_words {
            return true;
        }
        Endings::slot(word).is_some_and(|s| self.bits[s / 64] & (1 << (s % 64)) != 0)
    }
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
        let endings = Endings::new(by_word.keys().map(String::as_str));
        CueIndex {
            by_word,
            longest,
            any_location,
            endings,
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
        // Most words around a name are no cue: their ending tells, before any clitic
        // is split off and any stem hashed.
        if !self.endings.may_hold(word) {
            return None;
        }
        self.lookup_every_stem(word, roles)
    }

    /// [`lookup_with_chain`](Self::lookup_with_chain) without the ending filter: the
    /// word whole, then each stem under clitics.
    fn lookup_every_stem(&self, word: &str, roles: &[CueRole]) -> Option<(&CueEntry, bool)> {
        // The length check spares hashing a long word.
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

    /// The normalized cue words of the built-in gazetteer and the index over them.
    fn builtin_cues() -> (CueIndex, Vec<String>) {
        let index = CueIndex::new(crate::gazetteer::Gazetteer::builtin());
        let mut words: Vec<String> = index.by_word.keys().cloned().collect();
        words.sort();
        (index, words)
    }

    /// The lookup with the ending filter answers as the lookup of every stem does.
    fn same_answer(index: &CueIndex, word: &str) {
        let roles: &[&[CueRole]] = &[
            BEFORE_ROLES,
            &[CueRole::DirectionBefore],
            &[CueRole::DirectionAfter],
            &[CueRole::Join],
        ];
        for r in roles {
            let fast = index.lookup_with_chain(word, r).map(|(e, a)| (e.role, a));
            let every = index.lookup_every_stem(word, r).map(|(e, a)| (e.role, a));
            assert_eq!(fast, every, "{word} {r:?}");
        }
    }

    #[test]
    fn the_ending_filter_keeps_every_cue() {
        let (index, words) = builtin_cues();
        assert!(!words.is_empty());
        for w in &words {
            assert!(index.endings.may_hold(w), "{w}");
            for p in ["", "و", "ب", "ال", "وال", "بال", "لل", "ف", "ك", "وب"] {
                same_answer(&index, &format!("{p}{w}"));
            }
        }
        // Words that are no cue, short ones and a non-Arabic one.
        for w in ["", "ب", "قصف", "الطيران", "مدينتها", "abc", "قريةً", "x"]
        {
            same_answer(&index, w);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_ending_filter_answers_as_the_full_lookup(
            pick in 0usize..1000,
            prefix in "(و|ف|ب|ل|ك|ال|لل|وال|بال)?",
            cut in 0usize..4,
            tail in "[ابتثجحخدذرزسشصضطظعغفقكلمنهويةى]{0,3}",
            noise in "[ابتثجحخدذرزسشصضطظعغفقكلمنهويةى a]{0,12}",
        ) {
            let (index, words) = builtin_cues();
            let cue = &words[pick % words.len()];
            let kept: String = cue.chars().take(cue.chars().count().saturating_sub(cut)).collect();
            same_answer(&index, &format!("{prefix}{cue}"));
            same_answer(&index, &format!("{prefix}{kept}{tail}"));
            same_answer(&index, &format!("{prefix}{noise}"));
        }
    }

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
