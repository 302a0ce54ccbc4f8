//! Clitic-aware dictionary matching over normalized text.
//!
//! One Aho-Corasick automaton holds every normalized surface form of every gazetteer
//! name. A hit counts only where it stands as a word, allowing the proclitics Arabic
//! glues to the front of a word:
//!
//! ```text
//!   [و|ف] [ب|ل|ك] [ال]  NAME  (next character is not a letter or digit)
//! ```
//!
//! - The conjunctions و and ف and the prepositions ب ل ك are allowed before every name:
//!   "والسخنة", "بريف", "لبادية".
//! - The article ال is allowed before a name only when its record says the name takes
//!   it (flag `article`: "فاطميون" / "الفاطميون"). Otherwise "السورية" would yield
//!   Syria and "الإيرانية" Iran.
//! - ل + ال contracts to لل: for names that start with the article, the automaton also
//!   holds the form without it, valid only after لل ("للسخنة").
//! - Nothing may follow the name inside the same word, except the pronoun and verb
//!   suffixes of names flagged `suffixes` (triggers: "مقتله", "قصفوا").
//!
//! The search reports overlapping hits and then keeps, among the valid ones, the
//! leftmost-longest: a rejected long candidate never hides a valid shorter or later one.
//!
//! Two things keep the search fast (it is most of the pipeline's time):
//!
//! - The DFA runs over a one-byte-per-character code of the normalized text (see
//!   `CharCode`), not over UTF-8, where every Arabic letter costs two steps.
//! - A name written with the article, "الX", is found through the form "X" that the
//!   automaton holds for لل anyway, which leaves a fifth of the states out.

mod dfa;
mod hybrid;
mod search;
mod spellings;
mod table;

use rustc_hash::FxHashMap;

use self::search::Search;
use crate::error::Error;
use crate::text::clitics::{self, Chain, ARTICLE, MAX_PREFIX_CHARS, MAX_SUFFIX_CHARS, SUFFIXES};
use crate::text::words::{is_word_char, word_start_within};

/// How a surface form may be preceded inside its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Form {
    /// Conjunction and preposition clitics only.
    Plain,
    /// Clitics, and the article (with ل + ال written لل).
    ArticleOptional,
    /// The article-less form of a name that has the article: only after لل.
    ArticleStripped,
}

impl Form {
    /// Whether a name of this form may follow the proclitic chain `chain` (the
    /// letters between the word start and the hit).
    pub(crate) fn admits(self, chain: Chain) -> bool {
        match self {
            Form::Plain => chain == Chain::Plain,
            Form::ArticleOptional => true,
            Form::ArticleStripped => chain == Chain::Contracted,
        }
    }
}

/// One pattern's meaning: what it points at and how it may be preceded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Target<K> {
    pub key: K,
    pub form: Form,
    /// The name may be followed by an attached suffix (see [`SUFFIXES`]).
    pub suffixes: bool,
}

/// A hit that stands as a word, in normalized byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Start of the word, clitics included.
    pub word_start: usize,
    /// Start of the name, after the clitics.
    pub start: usize,
    /// End of the name.
    pub end: usize,
    /// Pattern index.
    pub pattern: u32,
    /// The match extends past the pattern over an attached suffix.
    pub suffixed: bool,
    /// The proclitic chain from `word_start` to `start`, read once when the hit is
    /// found: each stage asks which targets the hit fits, several times a hit.
    pub chain: Chain,
}

impl Hit {
    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether this hit may stand for `target`: the clitics before it and any suffix
    /// after it must be ones the target takes.
    pub(crate) fn fits<K>(&self, target: &Target<K>) -> bool {
        target.form.admits(self.chain) && (!self.suffixed || target.suffixes)
    }

    /// Where the letters of the name start when the hit stands for `target`. A name
    /// written with the article and found after لل ("لليمن" for "اليمن") keeps the
    /// article's ل, the second of the two: ل + ال is written لل, so that ل is the
    /// name's own first letter as written, and the span reads "ليمن", not "يمن".
    pub(crate) fn name_start<K>(&self, target: &Target<K>) -> usize {
        match target.form {
            Form::ArticleStripped => self.start - LAM.len(),
            Form::Plain | Form::ArticleOptional => self.start,
        }
    }
}

/// The bytes of news text per hit that [`Matcher::find_all`] reserves room for.
const HIT_EVERY_BYTES: usize = 64;

/// The letter ل, normalized.
const LAM: &str = "ل";

/// Builder input: surface forms (not yet normalized) with their keys.
#[derive(Debug)]
pub(crate) struct MatcherBuilder<K> {
    /// Each distinct form and its pattern id (the order of first addition); the
    /// forms are listed by id when the matcher is built, so each is kept once.
    index: FxHashMap<String, u32>,
    targets: Vec<Vec<Target<K>>>,
    joins: Vec<spellings::Join>,
}

impl<K: Copy + PartialEq> MatcherBuilder<K> {
    /// `joins`: first words that text also writes glued to the next ("ديرالزور").
    pub(crate) fn new(joins: impl IntoIterator<Item = String>) -> MatcherBuilder<K> {
        MatcherBuilder {
            index: FxHashMap::default(),
            targets: Vec::new(),
            joins: joins
                .into_iter()
                .map(|j| spellings::Join::new(crate::normalize::normalize_str(&j)))
                .collect(),
        }
    }

    fn push(&mut self, form_text: String, target: Target<K>) {
        let id = match self.index.get(form_text.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.targets.len() as u32;
                self.index.insert(form_text, id);
                self.targets.push(Vec::new());
                id
            }
        };
        if let Some(list) = self.targets.get_mut(id as usize) {
            if !list.contains(&target) {
                list.push(target);
            }
        }
    }

    /// Adds a name with its generated variants: the article-stripped form for names
    /// that start with ال, and the other spellings of [`spellings`] (a first word
    /// glued or apart, ة as ت, a final hamza added or dropped).
    pub(crate) fn add(&mut self, name: &str, key: K, article: bool, suffixes: bool) {
        let norm = crate::normalize::normalize_str(name);
        let norm = norm.trim();
        if norm.is_empty() {
            return;
        }
        let mut forms = vec![norm.to_string()];
        forms.extend(spellings::variants(norm, &self.joins));
        for f in forms {
            let plain = if article {
                Form::ArticleOptional
            } else {
                Form::Plain
            };
            if let Some(stem) = f.strip_prefix("ال").filter(|s| s.chars().count() >= 2) {
                self.push(
                    stem.to_string(),
                    Target {
                        key,
                        form: Form::ArticleStripped,
                        suffixes,
                    },
                );
            }
            self.push(
                f,
                Target {
                    key,
                    form: plain,
                    suffixes,
                },
            );
        }
    }

    pub(crate) fn build(mut self) -> Result<Matcher<K>, Error> {
        // A name written with the article, "الX", is not put in the automaton when
        // "X" is in it anyway (as the form used after لل): a hit of "X" right after
        // "ال" stands for both. That removes the automaton's copy of every such name
        // below "ال", a fifth of its states, and the search runs that much faster.
        let count = self.targets.len();
        let mut with_article = vec![None; count];
        let mut folded = vec![false; count];
        for (pattern, &full) in &self.index {
            let stem = pattern
                .strip_prefix(ARTICLE)
                .and_then(|s| self.index.get(s));
            if let Some(&stem) = stem {
                with_article[stem as usize] = Some(full);
                folded[full as usize] = true;
            }
        }
        let mut patterns = vec![String::new(); count];
        for (pattern, id) in self.index.drain() {
            if let Some(slot) = patterns.get_mut(id as usize) {
                *slot = pattern;
            }
        }
        let searched: Vec<u32> = (0..count as u32).filter(|&i| !folded[i as usize]).collect();
        let search = Search::build(searched.iter().map(|&i| patterns[i as usize].as_str()))?;
        Ok(Matcher {
            search,
            searched,
            with_article,
            patterns,
            targets: self.targets,
        })
    }
}

/// The automaton and what each pattern means.
///
/// Pattern ids are indexes into `patterns`; the automaton holds the subset `searched`.
#[derive(Debug, Clone)]
pub(crate) struct Matcher<K> {
    search: Search,
    /// The pattern id of each automaton pattern.
    searched: Vec<u32>,
    /// For a pattern "X", the id of the pattern "الX" the automaton leaves out.
    with_article: Vec<Option<u32>>,
    patterns: Vec<String>,
    targets: Vec<Vec<Target<K>>>,
}

impl<K: Copy> Matcher<K> {
    /// Number of distinct normalized patterns.
    pub(crate) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The targets of a pattern.
    pub(crate) fn targets(&self, pattern: u32) -> &[Target<K>] {
        self.targets
            .get(pattern as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The distinct normalized patterns, by pattern id.
    pub(crate) fn patterns(&self) -> impl Iterator<Item = &str> + '_ {
        self.patterns.iter().map(String::as_str)
    }

    /// Which automaton the search runs: `"dfa"`, `"hybrid"` (for name sets whose DFA
    /// would be too large) or `"nfa"` (for self-overlapping ones).
    pub(crate) fn automaton_kind(&self) -> &'static str {
        self.search.kind()
    }

    /// Heap memory of the automaton and its tables, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.search.memory_usage()
            + self.searched.capacity() * std::mem::size_of::<u32>()
            + self.with_article.capacity() * std::mem::size_of::<Option<u32>>()
    }

    /// Appends to `out` every hit in `text` (normalized) that stands as a word with a
    /// proclitic chain some target of its pattern accepts. Hits may overlap.
    pub(crate) fn find_all(&self, text: &str, out: &mut Vec<Hit>) {
        // News text has a name about every 90 bytes: room for one per 64, so that an
        // article's list is not regrown and copied four or five times.
        out.reserve(text.len() / HIT_EVERY_BYTES);
        self.search.for_each(text, |start, end, searched| {
            let Some(&pattern) = self.searched.get(searched) else {
                return;
            };
            // "الX" first, as the automaton would report the longer of two matches
            // ending at the same place.
            let full = self.with_article.get(pattern as usize).copied().flatten();
            if let Some(full) = full {
                if text[..start].ends_with(ARTICLE) {
                    self.push_hit(text, start - ARTICLE.len(), end, full, out);
                }
            }
            self.push_hit(text, start, end, pattern, out);
        });
    }

    /// Appends the hit of `pattern` at `start..end` if it stands as a word, possibly
    /// with a suffix, after a proclitic chain some target of the pattern accepts.
    fn push_hit(
        &self,
        text: &str,
        start: usize,
        pattern_end: usize,
        pattern: u32,
        out: &mut Vec<Hit>,
    ) {
        let mut end = pattern_end;
        if text[end..].chars().next().is_some_and(is_word_char) {
            // Inside a word: only a name that takes suffixes may go on, and only
            // when the rest of the word is one.
            // Most names take none: they are rejected before the word is read.
            if !self.targets(pattern).iter().any(|t| t.suffixes) {
                return;
            }
            // Bounded look-ahead: suffixes are at most three letters, so a longer
            // word never qualifies and a megabyte-long word costs nothing extra.
            let rest = &text[end..];
            let len = rest
                .char_indices()
                .take(MAX_SUFFIX_CHARS + 1)
                .find(|(_, c)| !is_word_char(*c))
                .map_or_else(
                    || {
                        if rest.chars().take(MAX_SUFFIX_CHARS + 1).count() <= MAX_SUFFIX_CHARS {
                            rest.len()
                        } else {
                            usize::MAX
                        }
                    },
                    |(i, _)| i,
                );
            if len == usize::MAX {
                return;
            }
            if !SUFFIXES.contains(&&rest[..len]) {
                return;
            }
            end += len;
        }
        let Some(word_start) = word_start_within(text, start, MAX_PREFIX_CHARS) else {
            return;
        };
        let Some(chain) = clitics::chain(&text[word_start..start]) else {
            return;
        };
        let exact = end == pattern_end;
        if self
            .targets(pattern)
            .iter()
            .any(|t| t.form.admits(chain) && (exact || t.suffixes))
        {
            out.push(Hit {
                word_start,
                start,
                end,
                pattern,
                suffixed: !exact,
                chain,
            });
        }
    }
}

/// Keeps the leftmost-longest non-overlapping hits among those `keep` accepts.
///
/// `hits` are sorted in place by start, longest first.
pub(crate) fn select_longest(hits: &mut [Hit], mut keep: impl FnMut(&Hit) -> bool) -> Vec<Hit> {
    hits.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.len().cmp(&a.len())));
    // Room for every hit at once: most are kept, and an article's list is not regrown.
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut last_end = 0;
    for h in hits.iter() {
        if h.start >= last_end && keep(h) {
            last_end = h.end;
            out.push(*h);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::clitics::clitic_splits;

    fn matcher(names: &[(&str, u32, bool)]) -> Matcher<u32> {
        let mut b = MatcherBuilder::new(["دير".to_string(), "ابو".to_string()]);
        for (name, key, article) in names {
            b.add(name, *key, *article, false);
        }
        b.build().unwrap()
    }

    /// Selected names as (normalized text, key) for a text.
    fn found(m: &Matcher<u32>, text: &str) -> Vec<(String, u32)> {
        let norm = crate::normalize::normalize(text);
        let mut hits = Vec::new();
        m.find_all(norm.as_str(), &mut hits);
        select_longest(&mut hits, |_| true)
            .into_iter()
            .map(|h| {
                let key = m.targets(h.pattern)[0].key;
                (norm.as_str()[h.start..h.end].to_string(), key)
            })
            .collect()
    }

    /// The chains spelled out, as the module documentation lists them.
    const PLAIN_PREFIXES: &[&str] = &[
        "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
    ];
    const ARTICLE_PREFIXES: &[&str] = &[
        "ال", "وال", "فال", "بال", "كال", "وبال", "وكال", "فبال", "فكال", "لل", "ولل", "فلل",
    ];
    const CONTRACTED_PREFIXES: &[&str] = &["لل", "ولل", "فلل"];

    #[test]
    fn chain_parser_accepts_exactly_the_listed_chains() {
        // Every string of up to five letters over the clitic letters and two others.
        let letters = ["و", "ف", "ب", "ل", "ك", "ا", "م", "أ"];
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |l| format!("{w}{l}")))
                .collect();
            words.extend(longer);
        }
        words.sort();
        words.dedup();
        // What push_hit asks of a prefix: a chain, which the form admits.
        let accepts = |form: Form, w: &str| clitics::chain(w).is_some_and(|c| form.admits(c));
        for w in &words {
            let plain = PLAIN_PREFIXES.contains(&w.as_str());
            let article = ARTICLE_PREFIXES.contains(&w.as_str());
            let contracted = CONTRACTED_PREFIXES.contains(&w.as_str());
            assert_eq!(accepts(Form::Plain, w), plain, "{w}");
            assert_eq!(accepts(Form::ArticleOptional, w), plain || article, "{w}");
            assert_eq!(accepts(Form::ArticleStripped, w), contracted, "{w}");
            let splits: Vec<&str> = clitic_splits(w).map(|(p, _)| p).collect();
            let listed: Vec<&str> = PLAIN_PREFIXES
                .iter()
                .chain(ARTICLE_PREFIXES)
                .copied()
                .filter(|p| !p.is_empty() && w.len() > p.len() && w.starts_with(p))
                .collect();
            // The listed order, which lookups rely on, is shortest first.
            assert_eq!(splits, listed, "{w}");
        }
    }

    #[test]
    fn clitics_table() {
        let m = matcher(&[
            ("السخنة", 1, false),
            ("دير الزور", 2, false),
            ("فاطميون", 3, true),
            ("إيران", 4, false),
            ("سوريا", 5, false),
            ("سورية", 5, false),
            ("القدس", 6, false),
            ("لواء القدس", 7, false),
            ("حمص", 8, false),
            ("الدفاع الوطني", 9, false),
            ("داعش", 10, false),
            ("البادية", 11, false),
            ("البادية السورية", 12, false),
        ]);
        // (text, expected keys in order)
        let rows: &[(&str, &[u32])] = &[
            ("والسخنة", &[1]),
            ("بالسخنة", &[1]),
            ("للسخنة", &[1]),
            ("ولللسخنة", &[]),
            ("لبادية دير الزور", &[2]),
            ("ديرالزور", &[2]),
            ("بريف حمص الشرقي", &[8]),
            ("وفاطميون", &[3]),
            ("والفاطميون", &[3]),
            ("للفاطميون", &[3]),
            ("لـ“الدفاع الوطني”", &[9]),
            ("الميليشيات الإيرانية", &[]),
            ("لإيران", &[4]),
            ("المحافظات السورية", &[]),
            ("شرقي سوريا", &[5]),
            ("للسورية", &[]),
            ("لواء القدس", &[7]),
            ("مدينة القدس", &[6]),
            ("داعــش", &[10]),
            ("دَيْر الزُّوْر", &[2]),
            ("دير\nالزور", &[2]),
            ("البادية السورية", &[12]),
            ("في البادية", &[11]),
            ("حمصي", &[]),
            ("محمص", &[]),
            ("بالحمص", &[]),
            ("وبحمص", &[8]),
        ];
        for (text, want) in rows {
            let got: Vec<u32> = found(&m, text).into_iter().map(|(_, k)| k).collect();
            assert_eq!(&got, want, "text {text:?}");
        }
    }

    #[test]
    fn rejected_long_candidate_does_not_hide_shorter_one() {
        // "حمص الجديدة" is a name, but here it continues into a longer word; the
        // shorter "حمص" at the same position must still be found.
        let m = matcher(&[("حمص", 1, false), ("حمص الجديدة", 2, false)]);
        assert_eq!(found(&m, "في حمص الجديدةات"), vec![("حمص".to_string(), 1)]);
        assert_eq!(
            found(&m, "في حمص الجديدة"),
            vec![("حمص الجديده".to_string(), 2)]
        );
    }

    #[test]
    fn look_back_is_bounded_inside_long_words() {
        let m = matcher(&[("حمص", 1, false)]);
        let long = format!("{}حمص", "ب".repeat(10_000));
        assert!(found(&m, &long).is_empty());
    }
}
