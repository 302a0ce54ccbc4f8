//! Time expressions: absolute dates, month names (Levantine and Western), weekdays,
//! relative expressions and durations, typed, and resolved to calendar dates when the
//! caller knows the document's date.
//!
//! | Text | [`TimeKind`] | Resolved with document date 2019-05-20 |
//! |---|---|---|
//! | `15 سبتمبر 2018`, `2020.08.25`, `23 أيلول/ سبتمبر 2019` | `date` | that day, precision 1 |
//! | `منتصف أيار/مايو الجاري` | `date` | 2019-05-15, precision 2 |
//! | `أمس الأحد`, `اليوم السبت`, `يوم الجمعة` | `weekday` | the day, precision 1 |
//! | `قبل يومين` / `قبل أيام` / `منذ عدة أشهر` | `relative` | 2019-05-18 p1 / 2019-05-17 p2 / 2019-02-20 p3 |
//! | `خلال الـ 48 ساعة الماضية` | `relative` | 2019-05-18..2019-05-20, precision 1 |
//! | `لمدة أسبوع` | `duration` | not a date |
//!
//! Precision follows ACLED's `time_precision`: 1 = the day is known, 2 = the week,
//! 3 = the month or less.
//!
//! ```
//! use syria_extract::time::{Date, TimeKind};
//! use syria_extract::Extractor;
//!
//! let text = "وقبل يومين، أرسلت الميليشيات تعزيزات عسكرية إلى ريف حمص الشرقي.";
//! let date = Date::parse("2019-05-20").unwrap();
//! let doc = Extractor::default().extract_dated(text, Some(date));
//! let t = &doc.times[0];
//! assert_eq!(t.text, "قبل يومين");
//! assert_eq!(t.kind, TimeKind::Relative);
//! assert_eq!(t.date.unwrap().to_string(), "2019-05-18");
//! assert_eq!(t.precision, Some(1));
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::numbers::{next_word, number_at, prev_word};

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31.
    pub day: u8,
}

impl Date {
    /// A date, if it exists.
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// assert!(Date::new(2020, 2, 29).is_some());
    /// assert!(Date::new(2019, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// assert_eq!(Date::parse("2019-05-20").unwrap().to_string(), "2019-05-20");
    /// assert!(Date::parse("2019-13-01").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let y = parts.next()?;
        let m = parts.next()?;
        let d = parts.next()?;
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `days` days later (earlier when negative).
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// let d = Date::parse("2019-03-01").unwrap();
    /// assert_eq!(d.add_days(-1).to_string(), "2019-02-28");
    /// ```
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// The same day `months` months later (earlier when negative), clamped to the
    /// month's length.
    pub fn add_months(self, months: i32) -> Date {
        let index = self.year * 12 + i32::from(self.month) - 1 + months;
        let year = index.div_euclid(12);
        let month = (index.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[((self.to_days() + 4).rem_euclid(7)) as usize]
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse(s).ok_or_else(|| format!("not a date in YYYY-MM-DD form: {s:?}"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom("expected YYYY-MM-DD"))
    }
}

crate::gazetteer::str_enum! {
    /// A day of the week.
    Weekday {
        /// الأحد.
        Sunday => "sunday",
        /// الاثنين.
        Monday => "monday",
        /// الثلاثاء.
        Tuesday => "tuesday",
        /// الأربعاء.
        Wednesday => "wednesday",
        /// الخميس.
        Thursday => "thursday",
        /// الجمعة.
        Friday => "friday",
        /// السبت.
        Saturday => "saturday",
    }
}

crate::gazetteer::str_enum! {
    /// What a time expression says.
    TimeKind {
        /// A calendar date or month: "15 سبتمبر 2018", "منتصف أيار/مايو الجاري".
        Date => "date",
        /// A named weekday: "أمس الأحد", "يوم الجمعة".
        Weekday => "weekday",
        /// Relative to the document's date: "قبل يومين", "أمس", "الشهر الماضي".
        Relative => "relative",
        /// A length of time: "لمدة أسبوع".
        Duration => "duration",
    }
}

crate::gazetteer::str_enum! {
    /// A unit of time.
    TimeUnit {
        /// Hour.
        Hour => "hour",
        /// Day.
        Day => "day",
        /// Week.
        Week => "week",
        /// Month.
        Month => "month",
        /// Year.
        Year => "year",
    }
}

crate::gazetteer::str_enum! {
    /// Which way a relative expression points.
    TimeDirection {
        /// Before the document date ("قبل", "الماضي").
        Past => "past",
        /// The current period ("الجاري", "اليوم").
        Current => "current",
        /// After the document date ("المقبل", "غدا").
        Future => "future",
    }
}

crate::gazetteer::str_enum! {
    /// Part of a month ("منتصف أيار").
    MonthPart {
        /// مطلع, أوائل, بداية.
        Early => "early",
        /// منتصف, أواسط.
        Middle => "middle",
        /// أواخر, نهاية.
        Late => "late",
    }
}

/// An amount of time units counted from the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shift {
    /// How many units; `None` when the text is vague ("قبل أيام", "منذ عدة أشهر").
    pub amount: Option<u32>,
    /// The unit.
    pub unit: TimeUnit,
    /// Past, current or future.
    pub direction: TimeDirection,
}

/// The typed content of a time expression. Fields the text does not give are `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeValue {
    /// Year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Month, 1..=12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// Day of month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// Part of the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<MonthPart>,
    /// Named weekday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<Weekday>,
    /// Offset from the document date, or for durations the length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift: Option<Shift>,
    /// The expression covers the whole span up to the document date
    /// ("خلال الـ 48 ساعة الماضية").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub span_to_now: bool,
}

/// A time expression found in the text.
///
/// `start..end` are byte offsets into the original text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// What kind of expression.
    pub kind: TimeKind,
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset in the original text (exclusive).
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// What the expression says.
    pub value: TimeValue,
    /// The resolved date (the first day of a range), when a document date was given
    /// and the expression names a point in time.
    pub date: Option<Date>,
    /// The last day of a range ("خلال الأيام الماضية"), when it differs from `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    /// ACLED time precision of `date`: 1 day, 2 week, 3 month.
    pub precision: Option<u8>,
}

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

/// Anchor words, normalized: the automaton finds these, the parser reads around them.
pub(crate) const ANCHORS: &[(&str, TimeWord)] = &[
    ("يناير", TimeWord::Month(1)),
    ("فبراير", TimeWord::Month(2)),
    ("مارس", TimeWord::Month(3)),
    ("ابريل", TimeWord::Month(4)),
    ("مايو", TimeWord::Month(5)),
    ("يونيو", TimeWord::Month(6)),
    ("يونيه", TimeWord::Month(6)),
    ("يوليو", TimeWord::Month(7)),
    ("يوليه", TimeWord::Month(7)),
    ("اغسطس", TimeWord::Month(8)),
    ("سبتمبر", TimeWord::Month(9)),
    ("اكتوبر", TimeWord::Month(10)),
    ("نوفمبر", TimeWord::Month(11)),
    ("ديسمبر", TimeWord::Month(12)),
    ("كانون الثاني", TimeWord::Month(1)),
    ("شباط", TimeWord::Month(2)),
    ("اذار", TimeWord::Month(3)),
    ("نيسان", TimeWord::Month(4)),
    ("ايار", TimeWord::Month(5)),
    ("حزيران", TimeWord::Month(6)),
    ("تموز", TimeWord::Month(7)),
    ("اب", TimeWord::Month(8)),
    ("ايلول", TimeWord::Month(9)),
    ("تشرين الاول", TimeWord::Month(10)),
    ("تشرين الثاني", TimeWord::Month(11)),
    ("كانون الاول", TimeWord::Month(12)),
    ("الاحد", TimeWord::Weekday(Weekday::Sunday)),
    ("الاثنين", TimeWord::Weekday(Weekday::Monday)),
    ("الثلاثاء", TimeWord::Weekday(Weekday::Tuesday)),
    ("الاربعاء", TimeWord::Weekday(Weekday::Wednesday)),
    ("الخميس", TimeWord::Weekday(Weekday::Thursday)),
    ("الجمعه", TimeWord::Weekday(Weekday::Friday)),
    ("السبت", TimeWord::Weekday(Weekday::Saturday)),
    ("امس", TimeWord::DayShift(-1)),
    ("البارحه", TimeWord::DayShift(-1)),
    ("اليوم", TimeWord::DayShift(0)),
    ("غدا", TimeWord::DayShift(1)),
    ("قبل", TimeWord::Ago),
    ("منذ", TimeWord::Ago),
    ("خلال", TimeWord::Within),
    ("مده", TimeWord::For),
    ("الاسبوع", TimeWord::Period(TimeUnit::Week)),
    ("الشهر", TimeWord::Period(TimeUnit::Month)),
    ("العام", TimeWord::Period(TimeUnit::Year)),
    ("السنه", TimeWord::Period(TimeUnit::Year)),
];

fn month_of(word: &str) -> Option<u8> {
    ANCHORS.iter().find_map(|(w, t)| match t {
        TimeWord::Month(m) if *w == word => Some(*m),
        _ => None,
    })
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let word = word.strip_prefix('و').unwrap_or(word);
    ANCHORS.iter().find_map(|(w, t)| match t {
        TimeWord::Weekday(d) if *w == word => Some(*d),
        _ => None,
    })
}

/// A unit word: (unit, implied amount: 1 singular, 2 dual, None plural).
fn unit_of(word: &str) -> Option<(TimeUnit, Option<u32>)> {
    use TimeUnit::*;
    let (unit, n) = match word.strip_prefix("ال").unwrap_or(word) {
        "ساعه" => (Hour, Some(1)),
        "ساعتين" | "ساعتان" => (Hour, Some(2)),
        "ساعات" => (Hour, None),
        "يوم" | "يوما" => (Day, Some(1)),
        "يومين" | "يومان" => (Day, Some(2)),
        "ايام" => (Day, None),
        "اسبوع" | "اسبوعا" => (Week, Some(1)),
        "اسبوعين" | "اسبوعان" => (Week, Some(2)),
        "اسابيع" => (Week, None),
        "شهر" | "شهرا" => (Month, Some(1)),
        "شهرين" | "شهران" => (Month, Some(2)),
        "اشهر" | "شهور" => (Month, None),
        "سنه" | "عام" | "عاما" => (Year, Some(1)),
        "سنتين" | "عامين" | "سنتان" | "عامان" => (Year, Some(2)),
        "سنوات" | "سنين" | "اعوام" => (Year, None),
        _ => return None,
    };
    Some((unit, n))
}

fn direction_of(word: &str) -> Option<TimeDirection> {
    match word {
        "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "الفايت" | "الفايته" | "الاخيره"
        | "الاخير" => Some(TimeDirection::Past),
        "الجاري" | "الجاريه" | "الحالي" | "الحاليه" => {
            Some(TimeDirection::Current)
        }
        "المقبل" | "المقبله" | "القادم" | "القادمه" => {
            Some(TimeDirection::Future)
        }
        _ => None,
    }
}

fn part_of(word: &str) -> Option<MonthPart> {
    match word {
        "مطلع" | "اوايل" | "بدايه" | "اول" => Some(MonthPart::Early),
        "منتصف" | "اواسط" | "وسط" => Some(MonthPart::Middle),
        "اواخر" | "نهايه" | "اخر" => Some(MonthPart::Late),
        _ => None,
    }
}

/// Strips one proclitic و / ف / ب / ل from a word read backwards or forwards.
fn bare(word: &str) -> &str {
    for p in ["و", "ف", "ب", "ل"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                return rest;
            }
        }
    }
    word
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
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

/// Reads the expression around an anchor word found at `start..end` of the
/// normalized text. `None` when the word is not part of a time expression here
/// ("قبل الهجوم", "مارس ضغوطا").
pub(crate) fn parse_at(text: &str, start: usize, end: usize, word: TimeWord) -> Option<Found> {
    match word {
        TimeWord::Month(m) => month_expression(text, start, end, m),
        TimeWord::Weekday(d) => {
            let (ps, pe) = prev_word(text, start)?;
            let before = bare(&text[ps..pe]);
            let cue = matches!(
                before,
                "يوم" | "مساء" | "صباح" | "ليله" | "ليل" | "فجر" | "ظهر" | "عصر" | "ظهيره"
            );
            if !cue {
                return None;
            }
            let value = TimeValue {
                weekday: Some(d),
                ..TimeValue::default()
            };
            Some(Found {
                start: ps,
                end,
                kind: TimeKind::Weekday,
                value,
            })
        }
        TimeWord::DayShift(n) => {
            let mut found = Found {
                start,
                end,
                kind: TimeKind::Relative,
                value: TimeValue {
                    shift: Some(Shift {
                        amount: Some(n.unsigned_abs().into()),
                        unit: TimeUnit::Day,
                        direction: match n {
                            0 => TimeDirection::Current,
                            n if n < 0 => TimeDirection::Past,
                            _ => TimeDirection::Future,
                        },
                    }),
                    ..TimeValue::default()
                },
            };
            // "أول أمس": the day before yesterday.
            if n == -1 {
                if let Some((ps, pe)) = prev_word(text, start) {
                    if &text[ps..pe] == "اول" {
                        found.start = ps;
                        found.value.shift = found.value.shift.map(|s| Shift {
                            amount: Some(2),
                            ..s
                        });
                    }
                }
            }
            if let Some((ws, we)) = next_word(text, end) {
                if let Some(d) = weekday_of(&text[ws..we]) {
                    found.end = we;
                    found.kind = TimeKind::Weekday;
                    found.value.weekday = Some(d);
                }
            }
            Some(found)
        }
        TimeWord::Ago => {
            let (amount, unit, stop) = quantity(text, end)?;
            Some(Found {
                start,
                end: stop,
                kind: TimeKind::Relative,
                value: TimeValue {
                    shift: Some(Shift {
                        amount,
                        unit,
                        direction: TimeDirection::Past,
                    }),
                    ..TimeValue::default()
                },
            })
        }
        TimeWord::Within => {
            let (amount, unit, stop) = quantity(text, end)?;
            let (ds, de) = next_word(text, stop)?;
            let direction = direction_of(&text[ds..de])?;
            Some(Found {
                start,
                end: de,
                kind: TimeKind::Relative,
                value: TimeValue {
                    shift: Some(Shift {
                        amount,
                        unit,
                        direction,
                    }),
                    span_to_now: direction == TimeDirection::Past,
                    ..TimeValue::default()
                },
            })
        }
        TimeWord::For => {
            let (amount, unit, stop) = quantity(text, end)?;
            let amount = amount?;
            // "لمدة": the preposition is part of the expression.
            let start = prev_word(text, end).map_or(start, |(s, _)| s);
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
        TimeWord::Period(unit) => {
            let (ds, de) = next_word(text, end)?;
            let direction = direction_of(&text[ds..de])?;
            let mut found = Found {
                start,
                end: de,
                kind: TimeKind::Relative,
                value: TimeValue {
                    shift: Some(Shift {
                        amount: Some(u32::from(direction != TimeDirection::Current)),
                        unit,
                        direction,
                    }),
                    ..TimeValue::default()
                },
            };
            if unit == TimeUnit::Month {
                if let Some((ps, pe)) = prev_word(text, start) {
                    let word = bare(&text[ps..pe]);
                    if let Some(part) = part_of(word) {
                        found.start = pe - word.len();
                        found.value.part = Some(part);
                    }
                }
            }
            Some(found)
        }
    }
}

/// "[عدة|3|ثلاثة] أيام", "يومين", "الـ 48 ساعة": (amount, unit, end).
fn quantity(text: &str, pos: usize) -> Option<(Option<u32>, TimeUnit, usize)> {
    let (ws, we) = next_word(text, pos)?;
    if let Some((unit, n)) = unit_of(&text[ws..we]) {
        return Some((n, unit, we));
    }
    let number = number_at(text, pos)?;
    let (us, ue) = next_word(text, number.end)?;
    let (unit, _) = unit_of(&text[us..ue])?;
    let amount = (!number.at_least).then_some(number.value);
    Some((amount, unit, ue))
}

fn month_expression(text: &str, start: usize, end: usize, month: u8) -> Option<Found> {
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
        if let Some((ws, we)) = next_word(text, pos) {
            if month_of(&text[ws..we]).is_some() || two_word_month(text, ws).is_some() {
                e = two_word_month(text, ws).unwrap_or(we);
                confirmed = true;
            }
        }
    }
    if let Some((ws, we)) = next_word(text, e) {
        if let Some(y) = year_of(&text[ws..we]) {
            value.year = Some(y);
            e = we;
            confirmed = true;
            if let Some((ms, me)) = next_word(text, e) {
                if &text[ms..me] == "م" {
                    e = me;
                }
            }
        } else if let Some(d) = direction_of(&text[ws..we]) {
            value.shift = Some(Shift {
                amount: Some(u32::from(d != TimeDirection::Current)),
                unit: TimeUnit::Month,
                direction: d,
            });
            e = we;
            confirmed = true;
        }
    }
    if let Some((ps, pe)) = prev_word(text, s) {
        let word = &text[ps..pe];
        if let Some(d) = day_of(word) {
            value.day = Some(d);
            s = ps;
            confirmed = true;
        } else if bare(word) == "شهر" {
            s = pe - "شهر".len();
            confirmed = true;
        }
    }
    if let Some((ps, pe)) = prev_word(text, s) {
        let word = bare(&text[ps..pe]);
        if let Some(part) = part_of(word) {
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

fn two_word_month(text: &str, start: usize) -> Option<usize> {
    let (_, e1) = next_word(text, start)?;
    let (_, e2) = next_word(text, e1)?;
    month_of(&text[start..e2]).map(|_| e2)
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
        Date::new(y, m, d)
    });
    let found = date.map(|date| Found {
        start: i,
        end: j,
        kind: TimeKind::Date,
        value: TimeValue {
            year: Some(date.year),
            month: Some(date.month),
            day: Some(date.day),
            ..TimeValue::default()
        },
    });
    (found, j)
}

/// A resolved date: (first day, last day if a range, ACLED precision).
pub(crate) fn resolve(
    kind: TimeKind,
    v: &TimeValue,
    doc: Option<Date>,
) -> Option<(Date, Option<Date>, u8)> {
    if kind == TimeKind::Duration {
        return None;
    }
    // A full date needs no document date.
    if let (Some(y), Some(m), Some(d)) = (v.year, v.month, v.day) {
        return Date::new(y, m, d).map(|date| (date, None, 1));
    }
    let doc = doc?;
    if let Some(m) = v.month {
        let year = match (v.year, v.shift) {
            (Some(y), _) => y,
            (None, Some(s)) if s.direction == TimeDirection::Current => doc.year,
            // A month without a year is the latest such month up to the document.
            _ if m > doc.month => doc.year - 1,
            _ => doc.year,
        };
        return month_point(year, m, v.day, v.part);
    }
    if let Some(weekday) = v.weekday {
        let base = match v.shift {
            Some(s) if s.unit == TimeUnit::Day => shifted(doc, s),
            // "يوم الجمعة" in a report: the latest such day up to the document date.
            _ => {
                let back = (doc.weekday() as i64 - weekday as i64).rem_euclid(7);
                doc.add_days(-back)
            }
        };
        return Some((base, None, 1));
    }
    let s = v.shift?;
    if s.unit == TimeUnit::Month && s.amount.is_some() && v.part.is_some() {
        let d = doc.add_months(signed(s));
        return month_point(d.year, d.month, None, v.part);
    }
    if v.span_to_now {
        let first = match s.amount {
            Some(n) => shifted(
                doc,
                Shift {
                    amount: Some(n),
                    ..s
                },
            ),
            None => shifted(
                doc,
                Shift {
                    amount: Some(3),
                    ..s
                },
            ),
        };
        let precision = precision_of(doc.to_days() - first.to_days());
        return Some((first, Some(doc), precision));
    }
    let precision = match (s.unit, s.amount) {
        (TimeUnit::Hour, _) => 1,
        (TimeUnit::Day, Some(_)) => 1,
        (TimeUnit::Day, None) | (TimeUnit::Week, Some(1)) => 2,
        _ => 3,
    };
    // A vague "أيام" counts as three days back, "أشهر" as three months.
    let date = shifted(
        doc,
        Shift {
            amount: Some(s.amount.unwrap_or(3)),
            ..s
        },
    );
    Some((date, None, precision))
}

fn precision_of(days: i64) -> u8 {
    match days {
        ..=2 => 1,
        3..=7 => 2,
        _ => 3,
    }
}

fn signed(s: Shift) -> i32 {
    let n = s.amount.unwrap_or(0) as i32;
    match s.direction {
        TimeDirection::Past => -n,
        TimeDirection::Current => 0,
        TimeDirection::Future => n,
    }
}

fn shifted(doc: Date, s: Shift) -> Date {
    let n = i64::from(signed(s));
    match s.unit {
        // "5 hours ago" is still the document's day.
        TimeUnit::Hour => doc.add_days(n / 24),
        TimeUnit::Day => doc.add_days(n),
        TimeUnit::Week => doc.add_days(7 * n),
        TimeUnit::Month => doc.add_months(n as i32),
        TimeUnit::Year => doc.add_months(12 * n as i32),
    }
}

fn month_point(
    year: i32,
    month: u8,
    day: Option<u8>,
    part: Option<MonthPart>,
) -> Option<(Date, Option<Date>, u8)> {
    match (day, part) {
        (Some(d), _) => Date::new(year, month, d).map(|x| (x, None, 1)),
        (None, Some(p)) => {
            let d = match p {
                MonthPart::Early => 5,
                MonthPart::Middle => 15,
                MonthPart::Late => 25,
            };
            Date::new(year, month, d).map(|x| (x, None, 2))
        }
        (None, None) => Date::new(year, month, 1).map(|x| (x, None, 3)),
    }
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

    /// A listed word that normalization changes can never match normalized text.
    #[test]
    fn anchor_words_are_normalized() {
        for (w, _) in ANCHORS {
            assert_eq!(crate::normalize::normalize_str(w), *w);
        }
    }

    #[test]
    fn date_arithmetic_round_trips() {
        for days in (-800_000..800_000).step_by(997) {
            let d = Date::from_days(days);
            assert_eq!(d.to_days(), days);
            assert!(Date::new(d.year, d.month, d.day).is_some());
        }
        assert_eq!(
            Date::parse("2024-12-08").unwrap().weekday(),
            Weekday::Sunday
        );
        let d = Date::parse("2019-03-31").unwrap();
        assert_eq!(d.add_months(-1).to_string(), "2019-02-28");
        assert_eq!(d.add_months(-15).to_string(), "2017-12-31");
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
                .and_then(|f| resolve(f.kind, &f.value, None))
                .map(|(d, _, _)| d.to_string());
            assert_eq!(got.as_deref(), *want, "{text}");
        }
    }
}
