//! Running totals and period tallies: counts that sum many events and must not be
//! summed again as the toll of one ("ارتفعت حصيلة القتلى منذ بداية العام إلى 3042",
//! "وثق المرصد مقتل 1200 مدني خلال شهر تموز", "تقتل الغارات نحو 1000 مقاتل شهريا").
//!
//! The words are the lexicon's `tally_total`, `tally_rise`, `tally_period` and
//! `tally_report` classes, read in the clause around a killing: up to ten words before
//! the trigger (or its count, when the count comes first), to the end of the sentence
//! or to another number, which belongs to a statement of its own; and up to ten words
//! after the count, to the next comma, after which another clause begins.

use std::borrow::Cow;

use super::types::TallyKind;
use crate::kinds::TimeUnit;
use crate::lexicon::{ClassSet, LexValue, Lexicon, PeriodCue, WordClass};
use crate::text::clitics::{strip_clitic, ARTICLE};
use crate::text::numbers::number_at;
use crate::text::words::{ends_clause, is_word_char};

/// How many words either side of a killing may make it a tally.
const TALLY_WORDS: usize = 10;

/// A tally found around a killing: its kind, the span of its cue words and, for a
/// running total with no count of its own, the figure it reaches ("إلى 3042").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub kind: TallyKind,
    pub cue: (usize, usize),
    pub figure: Option<crate::text::numbers::Number>,
}

/// The words of `text` before `pos`, nearest first, to a clause end, a comma when
/// `stop_at_comma`, or a number: a number that is not a date (a year, a day before a
/// month) is another count, with a statement of its own.
fn words_before(
    text: &str,
    pos: usize,
    n: usize,
    stop_at_comma: bool,
    lex: &Lexicon,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut end: Option<usize> = None;
    let is_count = |w: (usize, usize), out: &[(usize, usize)]| {
        let word = &text[w.0..w.1];
        let day_of_month = out
            .last()
            .is_some_and(|&m| month(lex, text, m, out.get(out.len().wrapping_sub(2)).copied()));
        word.bytes().any(|b| b.is_ascii_digit()) && !year(word) && !day_of_month
    };
    for (i, c) in text[..pos].char_indices().rev() {
        if is_word_char(c) {
            end.get_or_insert(i + c.len_utf8());
            continue;
        }
        if let Some(e) = end.take() {
            let w = (i + c.len_utf8(), e);
            if is_count(w, &out) || out.len() == n {
                return out;
            }
            out.push(w);
        }
        if ends_clause(c) || (stop_at_comma && matches!(c, ',' | '،')) {
            return out;
        }
    }
    if let Some(e) = end {
        if !is_count((0, e), &out) && out.len() < n {
            out.push((0, e));
        }
    }
    out
}

/// The words of `text` after `pos`, to a clause end or a comma.
fn words_after(text: &str, pos: usize, n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text[pos..].char_indices() {
        let i = pos + i;
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((s, i));
            if out.len() == n {
                return out;
            }
        }
        if ends_clause(c) || matches!(c, ',' | '،') {
            return out;
        }
    }
    if let Some(s) = start {
        if out.len() < n {
            out.push((s, text.len()));
        }
    }
    out
}

/// The forms of a word the lexicon may list: as written, without a conjunction
/// ("وبلغت"), without one proclitic ("لشهر"), and without the article ("الحصيلة").
fn forms(word: &str) -> [&str; 4] {
    let conjunction = word
        .strip_prefix(['و', 'ف'])
        .filter(|w| w.chars().count() > 1)
        .unwrap_or(word);
    let bare = strip_clitic(word);
    let no_article = bare.strip_prefix(ARTICLE).filter(|w| w.chars().count() > 1);
    [word, conjunction, bare, no_article.unwrap_or(bare)]
}

/// A phrase without the pronoun its last word carries: "منذ اندلاعه" → "منذ اندلاع",
/// "منذ بدايتها" → "منذ بدايه" (ة is ت before a pronoun). Borrowed from the phrase
/// unless the ت changes back.
fn unsuffixed(phrase: &str) -> Option<Cow<'_, str>> {
    let rest = ["ها", "هم", "ه"]
        .iter()
        .find_map(|p| phrase.strip_suffix(p))
        .filter(|r| r.rsplit(' ').next().is_some_and(|w| w.chars().count() > 2))?;
    Some(match rest.strip_suffix('ت') {
        Some(stem) => Cow::Owned(format!("{stem}ه")),
        None => Cow::Borrowed(rest),
    })
}

fn listed(lex: &Lexicon, class: WordClass, word: &str) -> bool {
    listed_classes(lex, word).has(class)
}

/// The classes that list one of the [`forms`] of `word`: [`listed`] for every class at
/// once.
fn listed_classes(lex: &Lexicon, word: &str) -> ClassSet {
    forms(word)
        .iter()
        .fold(ClassSet::default(), |set, w| set.union(lex.classes_of(w)))
}

/// A unit of a week or more ("شهر", "الأسبوع", "أشهر").
fn long_unit(lex: &Lexicon, word: &str) -> bool {
    forms(word).iter().any(|w| {
        matches!(
            lex.get(WordClass::TimeUnit, w),
            Some(LexValue::Unit(
                TimeUnit::Week | TimeUnit::Month | TimeUnit::Year,
                _
            ))
        )
    })
}

fn month(lex: &Lexicon, text: &str, w: (usize, usize), next: Option<(usize, usize)>) -> bool {
    let two = next.is_some_and(|n| lex.contains(WordClass::Month, &text[w.0..n.1]));
    two || forms(&text[w.0..w.1])
        .iter()
        .any(|f| lex.contains(WordClass::Month, f))
}

fn year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && word.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y))
}

/// Whether the words from `k` on name a period of a week or more: "شهر تموز",
/// "الأسبوع الماضي", "10 أشهر", "ثلاثة أشهر", "يوليو الماضي", "عام 2015".
fn period_at(lex: &Lexicon, text: &str, words: &[(usize, usize)], k: usize) -> bool {
    let Some(&w) = words.get(k) else {
        return false;
    };
    let word = &text[w.0..w.1];
    if long_unit(lex, word) || month(lex, text, w, words.get(k + 1).copied()) || year(word) {
        return true;
    }
    // A number of weeks, months or years.
    let Some(n) = number_at(text, w.0, lex) else {
        return false;
    };
    words
        .iter()
        .find(|x| x.0 >= n.end)
        .is_some_and(|x| long_unit(lex, &text[x.0..x.1]))
}

/// Whether the words from `k` on name a start: a month ("آذار 2011", "23 أيلول"), a
/// year ("2011", "عام 2011").
fn start_at(lex: &Lexicon, text: &str, words: &[(usize, usize)], k: usize) -> bool {
    let Some(&w) = words.get(k) else {
        return false;
    };
    let word = &text[w.0..w.1];
    // "منذ منتصف آذار", "منذ أواخر 2011": a part of the month or year first.
    if listed(lex, WordClass::MonthPart, word) {
        return start_at(lex, text, words, k + 1);
    }
    let next = words.get(k + 1).copied();
    if month(lex, text, w, next) || year(word) {
        return true;
    }
    let day = word.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let unit_then_year = long_unit(lex, word) && next.is_some_and(|n| year(&text[n.0..n.1]));
    (day && next.is_some_and(|n| month(lex, text, n, words.get(k + 2).copied()))) || unit_then_year
}

/// The tally a killing is part of, if any: the words before `before` (the start of
/// its trigger word, or of its count when the count comes first) and after `after`
/// (the end of its trigger) are read, in normalized offsets. A trigger with a
/// conjunction ("، وقتل") starts a clause: the words before a comma are not its own.
pub(super) fn find(
    text: &str,
    before: usize,
    after: usize,
    conjoined: bool,
    lex: &Lexicon,
) -> Option<Found> {
    let mut words = words_before(text, before, TALLY_WORDS, conjoined, lex);
    words.reverse();
    let after_from = words.len();
    // The count may stand between the trigger and the words after it.
    words.extend(words_after(text, after, TALLY_WORDS * 2));
    let mut total = None;
    let mut rise = None;
    let mut period = None;
    let mut report = None;
    for (k, &w) in words.iter().enumerate() {
        let word = &text[w.0..w.1];
        // The word's classes, looked up once for the four tests below.
        let classes = listed_classes(lex, word);
        if total.is_none() && classes.has(WordClass::TallyTotal) {
            total = Some((w, k));
        }
        if rise.is_none() && classes.has(WordClass::TallyRise) {
            rise = Some((w, k));
        }
        if report.is_none() && classes.has(WordClass::TallyReport) {
            report = Some(w);
        }
        if period.is_some() {
            continue;
        }
        // "شهر تموز", "لشهر يوليو": the noun month before a month's name.
        if classes.has(WordClass::MonthNoun)
            && words
                .get(k + 1)
                .is_some_and(|&n| month(lex, text, n, words.get(k + 2).copied()))
        {
            period = Some(w);
            continue;
        }
        let phrase = |len: usize| {
            let end = words.get(k + len - 1)?;
            // A phrase does not span the trigger.
            if k < after_from && k + len > after_from {
                return None;
            }
            let p = &text[w.0..end.1];
            let period_cue = |f: &str| match lex.get(WordClass::TallyPeriod, f) {
                Some(LexValue::Period(c)) => Some(c),
                _ => None,
            };
            // Every form is a suffix of the phrase (or of the phrase unsuffixed): one
            // ending test rules out all four lookups.
            let cue_of = |p: &str| {
                lex.may_end(WordClass::TallyPeriod, p)
                    .then(|| forms(p).into_iter().find_map(period_cue))
                    .flatten()
            };
            let cue = cue_of(p).or_else(|| unsuffixed(p).and_then(|u| cue_of(&u)))?;
            Some((cue, (w.0, end.1), k + len))
        };
        if let Some((cue, span, next)) = phrase(2).or_else(|| phrase(1)) {
            let marks = match cue {
                PeriodCue::Period => true,
                PeriodCue::Over => period_at(lex, text, &words, next),
                PeriodCue::Since => start_at(lex, text, &words, next),
            };
            if marks {
                period = Some(span);
            }
        }
    }
    if let (Some((t, _)), Some((r, rk))) = (total, rise) {
        // The figure a running total reaches: the first number after the verb.
        let figure = words[rk + 1..]
            .iter()
            .filter(|x| text[x.0..x.1].bytes().any(|b| b.is_ascii_digit()))
            .find_map(|x| number_at(text, x.0, lex));
        let cue = (t.0.min(r.0), t.1.max(r.1));
        return Some(Found {
            kind: TallyKind::RunningTotal,
            cue,
            figure,
        });
    }
    if let Some(cue) = period {
        return Some(Found {
            kind: TallyKind::Period,
            cue,
            figure: None,
        });
    }
    report.map(|cue| Found {
        kind: TallyKind::Documented,
        cue,
        figure: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tally kind around the first occurrence of `trigger`; a leading و in
    /// `trigger` is its conjunction, outside the trigger's span.
    fn tally(text: &str, trigger: &str) -> Option<TallyKind> {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let ntext = crate::normalize::normalize_str(text);
        let t = crate::normalize::normalize_str(trigger);
        let word = ntext.find(&t).expect(trigger);
        let conjoined = t.starts_with('و');
        let s = if conjoined {
            word + 'و'.len_utf8()
        } else {
            word
        };
        let e = word + t.len();
        let r = super::super::fatalities::read(&ntext, (s, e), lex);
        let before = r.killed.map_or(word, |n| n.start.min(word));
        find(&ntext, before, e, conjoined, lex).map(|f| f.kind)
    }

    #[test]
    fn tallies_table() {
        use TallyKind::*;
        // (text, killing trigger, expected)
        let rows: &[(&str, &str, Option<TallyKind>)] = &[
            // Running totals.
            (
                "ارتفعت حصيلة القتلى منذ بداية العام إلى 3042 قتيلا",
                "القتلى",
                Some(RunningTotal),
            ),
            ("وبلغت الحصيلة 40 قتيلا", "قتيلا", Some(RunningTotal)),
            ("وصل عدد قتلاه لأكثر من 2000 عنصر", "قتلاه", Some(RunningTotal)),
            // Counts over a period, or since a start.
            (
                "وثق المرصد مقتل 1200 مدني خلال شهر تموز",
                "مقتل",
                Some(Period),
            ),
            (
                "أسفرت الغارات خلال أسبوع عن مقتل 260 عنصرا",
                "مقتل",
                Some(Period),
            ),
            ("قتل 3042 من عناصر التنظيم خلال 10 أشهر", "قتل", Some(Period)),
            (
                "تسببت البراميل بمقتل 368 شخصا خلال الشهر الماضي",
                "مقتل",
                Some(Period),
            ),
            ("قتلت الغارات نحو 1000 مقاتل شهريا", "قتلت", Some(Period)),
            ("قتل حتى الآن أكثر من 2000 عنصر", "قتل", Some(Period)),
            ("قتل 240 ألف شخص منذ آذار 2011", "قتل", Some(Period)),
            ("قتل 3216 شخصا منذ 23 أيلول 2014", "قتل", Some(Period)),
            ("قتل 1500 مدني في الحرب منذ عام 2011", "قتل", Some(Period)),
            ("مقتل 58 شخصا لشهر يوليو الفائت", "مقتل", Some(Period)),
            (
                "تسبب النزاع منذ اندلاعه بمقتل أكثر من 240 ألف شخص",
                "مقتل",
                Some(Period),
            ),
            (
                "تسبب منذ منتصف آذار 2011 بمقتل 230 ألف شخص",
                "مقتل",
                Some(Period),
            ),
            ("قتل 15 ألف مقاتل منذ بدايتها", "قتل", Some(Period)),
            // Documented by a monitor.
            (
                "وتمكن المرصد من توثيق استشهاد 4844 مواطنا مدنيا",
                "استشهاد",
                Some(Documented),
            ),
            // Not tallies: one event, its date, a short span, another clause.
            ("قتل 5 مدنيين في قصف على دوما أمس", "قتل", None),
            ("قتل 3 عناصر منذ يومين في كمين", "قتل", None),
            ("مقتل 4 مدنيين خلال اليوم في قصف على البلدة", "مقتل", None),
            ("مقتل شاب خلال هجوم على حاجز", "مقتل", None),
            ("قتل 146 مدنيا خلاله", "قتل", None),
            ("بحسب حصيلة أولية مقتل 10 أشخاص", "مقتل", None),
            (
                "قتل 5 مدنيين في قصف على دوما، فيما ارتفعت حصيلة القتلى منذ بداية الشهر إلى 300",
                "قتل",
                None,
            ),
            (
                "ارتفعت الحصيلة منذ بداية الشهر إلى 300 قتيل. وقتل اليوم 5 مدنيين في قصف",
                "وقتل",
                None,
            ),
            (
                "وثق المرصد مقتل 1200 مدني خلال تموز، وقتل اليوم 5 مدنيين في قصف",
                "وقتل",
                None,
            ),
        ];
        for (text, trigger, want) in rows {
            assert_eq!(tally(text, trigger), *want, "{text}");
        }
    }
}
