//! Reading time expressions around the anchor words the automaton finds (one function
//! per kind of anchor), and numeric dates.
//!
//! The words read around an anchor are the lexicon's time classes (`time_unit`,
//! `time_direction`, `month_part`, `weekday_cue` …); all offsets are in the normalized
//! text.

use super::date::Date;
use super::types::{Shift, TimeKind, TimeValue};
use crate::kinds::{MonthPart, TimeDirection, TimeRelation, TimeUnit, Weekday};
use crate::lexicon::{LexValue, Lexicon, WordClass};
use crate::text::clitics::{strip_letter_clitic as bare, ARTICLE};
use crate::text::numbers::number_at;
use crate::text::words::SPACED;

/// What an anchor word starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeWord {
    Month(u8),
    Weekday(Weekday),
    DayShift(i8),
    Ago,
    Within,
    For,
    Period(TimeUnit),
}

/// The anchor words of the lexicon (normalized), with what each starts: the automaton
/// finds these, the parser reads around them.
pub(crate) fn anchors(lex: &Lexicon) -> impl Iterator<Item = (&str, TimeWord)> + '_ {
    let classes = [
        WordClass::Month,
        WordClass::Weekday,
        WordClass::DayShift,
        WordClass::TimeRelation,
        WordClass::TimePeriod,
    ];
    classes
        .into_iter()
        .flat_map(move |c| lex.words(c))
        .filter_map(|e| {
            let anchor = match e.value {
                LexValue::Month(m) => TimeWord::Month(m),
                LexValue::Weekday(d) => TimeWord::Weekday(d),
                LexValue::DayShift(n) => TimeWord::DayShift(n),
                LexValue::Relation(TimeRelation::Ago) => TimeWord::Ago,
                LexValue::Relation(TimeRelation::Within) => TimeWord::Within,
                LexValue::Relation(TimeRelation::For) => TimeWord::For,
                LexValue::Unit(u, _) => TimeWord::Period(u),
                _ => return None,
            };
            Some((e.word.as_str(), anchor))
        })
}

/// The words around an anchor, read through the lexicon.
#[derive(Clone, Copy)]
struct Words<'l>(&'l Lexicon);

impl Words<'_> {
    fn month(self, word: &str) -> Option<u8> {
        match self.0.get(WordClass::Month, word)? {
            LexValue::Month(m) => Some(m),
            _ => None,
        }
    }

    fn weekday(self, word: &str) -> Option<Weekday> {
        let word = word.strip_prefix('و').unwrap_or(word);
        match self.0.get(WordClass::Weekday, word)? {
            LexValue::Weekday(d) => Some(d),
            _ => None,
        }
    }

    /// A unit word: (unit, implied amount: 1 singular, 2 dual, None plural).
    fn unit(self, word: &str) -> Option<(TimeUnit, Option<u32>)> {
        let word = word.strip_prefix(ARTICLE).unwrap_or(word);
        match self.0.get(WordClass::TimeUnit, word)? {
            LexValue::Unit(u, n) => Some((u, n)),
            _ => None,
        }
    }

    fn direction(self, word: &str) -> Option<TimeDirection> {
        match self.0.get(WordClass::TimeDirection, word)? {
            LexValue::Direction(d) => Some(d),
            _ => None,
        }
    }

    fn part(self, word: &str) -> Option<MonthPart> {
        match self.0.get(WordClass::MonthPart, word)? {
            LexValue::Part(p) => Some(p),
            _ => None,
        }
    }

    fn is(self, class: WordClass, word: &str) -> bool {
        self.0.contains(class, word)
    }
}

/// A year as written: four digits, whatever their value. The value keeps it and the
/// resolver decides ("فبراير 1260" is February 1260, never the document's February).
fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

fn day_of(word: &str) -> Option<u8> {
    (word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A time expression in normalized coordinates, before mapping to the original text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: TimeKind,
    pub value: TimeValue,
}

impl Found {
    fn relative(start: usize, end: usize, shift: Shift) -> Found {
        Found {
            start,
            end,
            kind: TimeKind::Relative,
            value: TimeValue {
                shift: Some(shift),
                ..TimeValue::default()
            },
        }
    }
}

/// Reads the expression around an anchor word found at `start..end` of the
/// normalized text. `None` when the word is not part of a time expression here
/// ("قبل الهجوم", "مارس ضغوطا").
pub(crate) fn parse_at(
    text: &str,
    start: usize,
    end: usize,
    anchor: TimeWord,
    lex: &Lexicon,
) -> Option<Found> {
    let words = Words(lex);
    match anchor {
        TimeWord::Month(m) => month_expression(text, start, end, m, words),
        TimeWord::Weekday(d) => weekday_expression(text, start, end, d, words),
        TimeWord::DayShift(n) => day_shift_expression(text, start, end, n, words),
        TimeWord::Ago => ago_expression(text, start, end, words),
        TimeWord::Within => within_expression(text, start, end, words),
        TimeWord::For => for_expression(text, start, end, words),
        TimeWord::Period(unit) => period_expression(text, start, end, unit, words),
    }
}

/// "يوم الجمعة", "مساء السبت": a weekday after a weekday cue.
fn weekday_expression(
    text: &str,
    start: usize,
    end: usize,
    d: Weekday,
    words: Words,
) -> Option<Found> {
    let (ps, pe) = SPACED.prev(text, start)?;
    if !words.is(WordClass::WeekdayCue, bare(&text[ps..pe])) {
        return None;
    }
    Some(Found {
        start: ps,
        end,
        kind: TimeKind::Weekday,
        value: TimeValue {
            weekday: Some(d),
            ..TimeValue::default()
        },
    })
}

/// "أمس", "اليوم", "أول أمس", and with a weekday after it "أمس الأحد".
fn day_shift_expression(
    text: &str,
    start: usize,
    end: usize,
    n: i8,
    words: Words,
) -> Option<Found> {
    let direction = match n {
        0 => TimeDirection::Current,
        n if n < 0 => TimeDirection::Past,
        _ => TimeDirection::Future,
    };
    let shift = Shift {
        amount: Some(n.unsigned_abs().into()),
        unit: TimeUnit::Day,
        direction,
    };
    let mut found = Found::relative(start, end, shift);
    if let Some((ws, we)) = SPACED.next(text, end) {
        if let Some(d) = words.weekday(&text[ws..we]) {
            found.end = we;
            found.kind = TimeKind::Weekday;
            found.value.weekday = Some(d);
        }
    }
    Some(found)
}

/// "قبل يومين", "منذ عدة أشهر".
fn ago_expression(text: &str, start: usize, end: usize, words: Words) -> Option<Found> {
    let (amount, unit, stop) = quantity(text, end, words)?;
    let shift = Shift {
        amount,
        unit,
        direction: TimeDirection::Past,
    };
    Some(Found::relative(start, stop, shift))
}

/// "خلال الـ 48 ساعة الماضية": a span, up to the document date when it looks back.
fn within_expression(text: &str, start: usize, end: usize, words: Words) -> Option<Found> {
    let (amount, unit, stop) = quantity(text, end, words)?;
    let (ds, de) = SPACED.next(text, stop)?;
    let direction = words.direction(&text[ds..de])?;
    let shift = Shift {
        amount,
        unit,
        direction,
    };
    let mut found = Found::relative(start, de, shift);
    found.value.span_to_now = direction == TimeDirection::Past;
    Some(found)
}

/// "لمدة أسبوع": a duration, not a point in time.
fn for_expression(text: &str, start: usize, end: usize, words: Words) -> Option<Found> {
    let (amount, unit, stop) = quantity(text, end, words)?;
    let amount = amount?;
    // "لمدة": the preposition is part of the expression.
    let start = SPACED.prev(text, end).map_or(start, |(s, _)| s);
    Some(Found {
        start,
        end: stop,
        kind: TimeKind::Duration,
        value: TimeValue {
            shift: Some(Shift {
                amount: Some(amount),
                unit,
                direction: TimeDirection::Future,
            }),
            ..TimeValue::default()
        },
    })
}

/// "الشهر الماضي", "العام الجاري", and for months a part before: "أواخر الشهر الماضي".
fn period_expression(
    text: &str,
    start: usize,
    end: usize,
    unit: TimeUnit,
    words: Words,
) -> Option<Found> {
    let (ds, de) = SPACED.next(text, end)?;
    let direction = words.direction(&text[ds..de])?;
    let shift = Shift {
        amount: Some(u32::from(direction != TimeDirection::Current)),
        unit,
        direction,
    };
    let mut found = Found::relative(start, de, shift);
    if unit == TimeUnit::Month {
        if let Some((ps, pe)) = SPACED.prev(text, start) {
            let word = bare(&text[ps..pe]);
            if let Some(part) = words.part(word) {
                found.start = pe - word.len();
                found.value.part = Some(part);
            }
        }
    }
    Some(found)
}

/// "[عدة|3|ثلاثة] أيام", "يومين", "الـ 48 ساعة": (amount, unit, end).
fn quantity(text: &str, pos: usize, words: Words) -> Option<(Option<u32>, TimeUnit, usize)> {
    let (ws, we) = SPACED.next(text, pos)?;
    if let Some((unit, n)) = words.unit(&text[ws..we]) {
        return Some((n, unit, we));
    }
    let number = number_at(text, pos, words.0)?;
    let (us, ue) = SPACED.next(text, number.end)?;
    let (unit, _) = words.unit(&text[us..ue])?;
    let amount = (!number.at_least).then_some(number.value);
    Some((amount, unit, ue))
}

/// A month name with what confirms it is a date: the other calendar's name after a
/// slash, a year or a direction after it, a day, "شهر" or a part of the month before.
fn month_expression(
    text: &str,
    start: usize,
    end: usize,
    month: u8,
    words: Words,
) -> Option<Found> {
    let mut value = TimeValue {
        month: Some(month),
        ..TimeValue::default()
    };
    let (mut s, mut e) = (start, end);
    let mut confirmed = false;
    // "أيار/مايو", "أيلول/ سبتمبر": the same month in the other calendar.
    let after_slash = text[e..].trim_start_matches(' ');
    if let Some(rest) = after_slash.strip_prefix('/') {
        let pos = text.len() - rest.len();
        if let Some((ws, we)) = SPACED.next(text, pos) {
            let two_words = two_word_month(text, ws, words);
            if words.month(&text[ws..we]).is_some() || two_words.is_some() {
                e = two_words.unwrap_or(we);
                confirmed = true;
            }
        }
    }
    if let Some((ws, we)) = SPACED.next(text, e) {
        if let Some(y) = year_of(&text[ws..we]) {
            value.year = Some(y);
            e = we;
            confirmed = true;
            if let Some((ms, me)) = SPACED.next(text, e) {
                if words.is(WordClass::YearSuffix, &text[ms..me]) {
                    e = me;
                }
            }
        } else if let Some(d) = words.direction(&text[ws..we]) {
            value.shift = Some(Shift {
                amount: Some(u32::from(d != TimeDirection::Current)),
                unit: TimeUnit::Month,
                direction: d,
            });
            e = we;
            confirmed = true;
        }
    }
    if let Some((ps, pe)) = SPACED.prev(text, s) {
        let word = &text[ps..pe];
        if let Some(d) = day_of(word) {
            value.day = Some(d);
            s = ps;
            confirmed = true;
        } else if words.is(WordClass::MonthNoun, bare(word)) {
            s = pe - bare(word).len();
            confirmed = true;
        }
    }
    if let Some((ps, pe)) = SPACED.prev(text, s) {
        let word = bare(&text[ps..pe]);
        if let Some(part) = words.part(word) {
            if value.day.is_none() {
                value.part = Some(part);
                s = pe - word.len();
                confirmed = true;
            }
        }
    }
    confirmed.then_some(Found {
        start: s,
        end: e,
        kind: TimeKind::Date,
        value,
    })
}

/// The end of a two-word month name ("كانون الثاني") starting at `start`.
fn two_word_month(text: &str, start: usize, words: Words) -> Option<usize> {
    let (_, e1) = SPACED.next(text, start)?;
    let (_, e2) = SPACED.next(text, e1)?;
    words.month(&text[start..e2]).map(|_| e2)
}

/// Numeric dates: "2020.08.25", "2020-08-25", "25/8/2020", "25.08.2020".
pub(crate) fn numeric_dates(text: &str, out: &mut Vec<Found>) {
    let bytes = text.as_bytes();
    // Every date has a separator between digits after its first group, and news
    // text has few: jump from one to the next (memchr3 scans many bytes per step)
    // and read the digit group before it. `done` is where the last attempt ended;
    // a group starting before it was part of that attempt.
    let mut done = 0;
    for sep_at in memchr::memchr3_iter(b'.', b'-', b'/', bytes) {
        let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
        if sep_at == 0 || !digit(sep_at - 1) || !digit(sep_at + 1) {
            continue;
        }
        let i = bytes[..sep_at]
            .iter()
            .rposition(|b| !b.is_ascii_digit())
            .map_or(0, |k| k + 1);
        if i < done {
            continue;
        }
        let (found, end) = date_at(text, i);
        out.extend(found);
        done = end.max(i + 1);
    }
}

/// Reads up to three digit groups joined by one separator (. - /) from byte `i`, the
/// start of a digit group: the date they make, if any, and where the reading ended.
fn date_at(text: &str, i: usize) -> (Option<Found>, usize) {
    let bytes = text.as_bytes();
    let mut groups = [(0usize, 0usize); 3];
    let mut n = 0;
    let mut j = i;
    let mut sep = 0u8;
    loop {
        let s = j;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        if j == s || n == 3 {
            break;
        }
        groups[n] = (s, j);
        n += 1;
        if n == 3 || j + 1 >= bytes.len() {
            break;
        }
        let c = bytes[j];
        if !matches!(c, b'.' | b'-' | b'/') || (sep != 0 && c != sep) {
            break;
        }
        if !bytes[j + 1].is_ascii_digit() {
            break;
        }
        sep = c;
        j += 1;
    }
    if n < 3 || (j < bytes.len() && bytes[j].is_ascii_digit()) {
        return (None, j);
    }
    let g = |k: usize| &text[groups[k].0..groups[k].1];
    let (y, m, d) = if g(0).len() == 4 {
        (g(0), g(1), g(2))
    } else {
        (g(2), g(1), g(0))
    };
    let date = year_of(y).and_then(|y| {
        let m: u8 = m.parse().ok()?;
        let d: u8 = d.parse().ok()?;
        Date::new(y, m, d).ok()
    });
    let found = date.map(|date| Found {
        start: i,
        end: j,
        kind: TimeKind::Date,
        value: TimeValue {
            year: Some(date.year()),
            month: Some(date.month()),
            day: Some(date.day()),
            ..TimeValue::default()
        },
    });
    (found, j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte-by-byte scan `numeric_dates` replaced, as the reference: an attempt at
    /// every digit group not read by the previous attempt.
    fn numeric_dates_bytewise(text: &str, out: &mut Vec<Found>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
                i += 1;
                continue;
            }
            let (found, end) = date_at(text, i);
            out.extend(found);
            i = end.max(i + 1);
        }
    }

    proptest! {
        // 1024 cases by default (they are cheap); PROPTEST_CASES for a longer search.
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1024)
        ))]
        #[test]
        fn numeric_dates_equal_the_bytewise_scan(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "2019", "2020", "1899", "05", "5", "12", "31", "13", "1", "0", ".", "-",
                    "/", " ", "ت", "123",
                ]),
                0..16,
            )
        ) {
            let text = pieces.concat();
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            numeric_dates(&text, &mut fast);
            numeric_dates_bytewise(&text, &mut slow);
            let spans = |v: &[Found]| v.iter().map(|f| (f.start, f.end, f.value)).collect::<Vec<_>>();
            prop_assert_eq!(spans(&fast), spans(&slow));
        }
    }

    /// Years are read as written: a numeric date of another century or calendar is
    /// found with its year (and left unresolved, see resolve.rs); year 0000 makes no
    /// date.
    #[test]
    fn numeric_dates_keep_their_written_year() {
        type Ymd = (i32, u8, u8);
        let rows: &[(&str, Option<Ymd>)] = &[
            ("15/05/1850", Some((1850, 5, 15))),
            ("19-10-1436هـ", Some((1436, 10, 19))),
            ("1260.02.01", Some((1260, 2, 1))),
            ("01/01/0000", None),
            ("30/02/1436", None),
        ];
        for (text, want) in rows {
            let mut out = Vec::new();
            numeric_dates(text, &mut out);
            let got = out.first().map(|f| {
                let v = f.value;
                (v.year.unwrap(), v.month.unwrap(), v.day.unwrap())
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn numeric_dates_table() {
        let rows: &[(&str, Option<&str>)] = &[
            ("2020.08.25", Some("2020-08-25")),
            ("في 25/8/2020 قصفت", Some("2020-08-25")),
            ("2019-02-29", None),
            ("1.2.3", None),
            ("12345.08.25", None),
            ("2020.08", None),
        ];
        for (text, want) in rows {
            let mut out = Vec::new();
            numeric_dates(text, &mut out);
            let got = out
                .first()
                .and_then(|f| super::super::resolve::resolve(f.kind, &f.value, None))
                .map(|(d, _, _)| d.to_string());
            assert_eq!(got.as_deref(), *want, "{text}");
        }
    }
}

/// Phrases through the whole time stage, against the built-in lexicon.
#[cfg(test)]
mod phrase_tests {
    use super::*;

    fn parse(text: &str) -> Vec<(String, TimeKind, TimeValue)> {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let norm = crate::normalize::normalize(text);
        let ntext = norm.as_str();
        let mut out = Vec::new();
        for (word, anchor) in anchors(lex) {
            let mut from = 0;
            while let Some(i) = ntext[from..].find(word) {
                let start = from + i;
                let end = start + word.len();
                out.extend(parse_at(ntext, start, end, anchor, lex));
                from = end;
            }
        }
        out.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        out.into_iter()
            .map(|f| (ntext[f.start..f.end].to_string(), f.kind, f.value))
            .collect()
    }

    #[test]
    fn anchors_table() {
        // (text, the first expression found, its kind, a check on its value)
        type Check = fn(&TimeValue) -> bool;
        let rows: &[(&str, &str, TimeKind, Check)] = &[
            (
                "في 15 أيار 2019 م",
                "15 ايار 2019 م",
                TimeKind::Date,
                |v| v.day == Some(15) && v.month == Some(5) && v.year == Some(2019),
            ),
            (
                "في 15 أيار 1850",
                "15 ايار 1850",
                TimeKind::Date,
                |v| v.day == Some(15) && v.month == Some(5) && v.year == Some(1850),
            ),
            ("في أيار 0000", "ايار 0000", TimeKind::Date, |v| {
                v.month == Some(5) && v.year == Some(0)
            }),
            (
                "منتصف أيار/مايو الجاري",
                "منتصف ايار/مايو الجاري",
                TimeKind::Date,
                |v| v.part == Some(MonthPart::Middle),
            ),
            (
                "في شهر تموز",
                "شهر تموز",
                TimeKind::Date,
                |v| v.month == Some(7),
            ),
            (
                "أول أمس الأحد",
                "اول امس الاحد",
                TimeKind::Weekday,
                |v| v.shift.and_then(|s| s.amount) == Some(2) && v.weekday == Some(Weekday::Sunday),
            ),
            (
                "مساء يوم الجمعة",
                "يوم الجمعه",
                TimeKind::Weekday,
                |v| v.weekday == Some(Weekday::Friday),
            ),
            (
                "قبل ثلاثة أيام",
                "قبل ثلاثه ايام",
                TimeKind::Relative,
                |v| v.shift.and_then(|s| s.amount) == Some(3),
            ),
            (
                "خلال الـ 48 ساعة الماضية",
                "خلال ال 48 ساعه الماضيه",
                TimeKind::Relative,
                |v| v.span_to_now && v.shift.map(|s| s.unit) == Some(TimeUnit::Hour),
            ),
            (
                "لمدة أسبوعين",
                "لمده اسبوعين",
                TimeKind::Duration,
                |v| v.shift.and_then(|s| s.amount) == Some(2),
            ),
            (
                "أواخر الشهر الماضي",
                "اواخر الشهر الماضي",
                TimeKind::Relative,
                |v| v.part == Some(MonthPart::Late),
            ),
        ];
        for (text, span, kind, check) in rows {
            let found = parse(text);
            let (got_span, got_kind, value) = found.first().expect(text);
            assert_eq!((got_span.as_str(), *got_kind), (*span, *kind), "{text}");
            assert!(check(value), "{text}: {value:?}");
        }
    }

    #[test]
    fn anchors_without_their_company_are_no_time() {
        for text in ["قبل الهجوم", "مارس ضغوطا", "الشهر نفسه", "الخميس"]
        {
            assert!(parse(text).is_empty(), "{text}");
        }
    }
}
