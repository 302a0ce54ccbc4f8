//! [`Date`]: a civil-calendar day of the years 1–9999, with the arithmetic time
//! resolution needs, checked at every step.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::kinds::Weekday;

/// A calendar date (proleptic Gregorian) of the years 1 to 9999.
///
/// The range is that of `YYYY-MM-DD`: every date prints in that form and parses back.
/// Arithmetic that would leave it returns `None`, so a time expression whose date
/// falls outside stays unresolved rather than wrapping around.
///
/// ```
/// use syria_extract::time::Date;
///
/// let d = Date::new(2019, 5, 20).unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2019, 5, 20));
/// assert_eq!(d.to_string(), "2019-05-20");
/// assert_eq!("2019-05-20".parse::<Date>().unwrap(), d);
/// assert!(Date::new(2019, 2, 29).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date could not be made or read.
///
/// ```
/// use syria_extract::time::{Date, DateErrorKind};
///
/// let err = Date::parse("+201-05-20").unwrap_err();
/// assert_eq!(err.kind(), DateErrorKind::Format);
/// assert_eq!(Date::parse("2019-02-30").unwrap_err().kind(), DateErrorKind::NoSuchDay);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    kind: DateErrorKind,
    input: Option<String>,
}

/// The cause of a [`DateError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateErrorKind {
    /// Not written as `YYYY-MM-DD` with ASCII digits.
    Format,
    /// The year is outside 1–9999.
    YearOutOfRange,
    /// The month is outside 1–12.
    NoSuchMonth,
    /// The month has no such day.
    NoSuchDay,
}

impl DateError {
    /// The cause.
    pub fn kind(&self) -> DateErrorKind {
        self.kind
    }

    fn with_input(mut self, input: &str) -> DateError {
        self.input = Some(input.to_string());
        self
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            DateErrorKind::Format => "expected a date as YYYY-MM-DD",
            DateErrorKind::YearOutOfRange => "the year must be 1 to 9999",
            DateErrorKind::NoSuchMonth => "the month must be 01 to 12",
            DateErrorKind::NoSuchDay => "the month has no such day",
        };
        match &self.input {
            Some(input) => write!(f, "{what}: {input:?}"),
            None => f.write_str(what),
        }
    }
}

impl std::error::Error for DateError {}

/// Days from 0001-01-01 to 1970-01-01 and to 9999-12-31, for range checks.
pub(super) const MIN_DAYS: i64 = -719_162;
pub(super) const MAX_DAYS: i64 = 2_932_896;

impl Date {
    /// The earliest date, 0001-01-01.
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    /// The latest date, 9999-12-31.
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The date, if it exists and lies in the years 1–9999.
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// assert!(Date::new(2020, 2, 29).is_ok());
    /// assert!(Date::new(2019, 2, 29).is_err());
    /// assert!(Date::new(10_000, 1, 1).is_err());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        let error = |kind| Err(DateError { kind, input: None });
        if !(1..=9999).contains(&year) {
            return error(DateErrorKind::YearOutOfRange);
        }
        if !(1..=12).contains(&month) {
            return error(DateErrorKind::NoSuchMonth);
        }
        if day < 1 || day > days_in_month(year, month) {
            return error(DateErrorKind::NoSuchDay);
        }
        Ok(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`: four, two and two ASCII digits (surrounding white space
    /// allowed).
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// assert_eq!(Date::parse("2019-05-20").unwrap().to_string(), "2019-05-20");
    /// assert!(Date::parse("2019-13-01").is_err());
    /// assert!(Date::parse("2019-5-20").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let format = || DateError {
            kind: DateErrorKind::Format,
            input: Some(text.to_string()),
        };
        let t = text.trim().as_bytes();
        let digits = |r: std::ops::Range<usize>| t[r].iter().all(u8::is_ascii_digit);
        if t.len() != 10 || t[4] != b'-' || t[7] != b'-' || !digits(0..4) {
            return Err(format());
        }
        if !digits(5..7) || !digits(8..10) {
            return Err(format());
        }
        let number =
            |r: std::ops::Range<usize>| t[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        // At most four digits each: the values fit their types.
        let (y, m, d) = (number(0..4) as i32, number(5..7) as u8, number(8..10) as u8);
        Date::new(y, m, d).map_err(|e| e.with_input(text))
    }

    /// The year, 1–9999.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub(crate) fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `z` days after 1970-01-01, if it lies in the range.
    pub(crate) fn from_days(z: i64) -> Option<Date> {
        if !(MIN_DAYS..=MAX_DAYS).contains(&z) {
            return None;
        }
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        // In range by the bounds check: day 1..=31, month 1..=12, year 1..=9999.
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Some(Date { year, month, day })
    }

    /// The date `days` days later (earlier when negative), if it lies in the years
    /// 1–9999.
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// let d = Date::parse("2019-03-01").unwrap();
    /// assert_eq!(d.add_days(-1).unwrap().to_string(), "2019-02-28");
    /// assert_eq!(d.add_days(i64::MIN), None);
    /// ```
    #[must_use]
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(days)?)
    }

    /// The same day `months` months later (earlier when negative), clamped to the
    /// month's length, if it lies in the years 1–9999.
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// let d = Date::parse("2019-03-31").unwrap();
    /// assert_eq!(d.add_months(-1).unwrap().to_string(), "2019-02-28");
    /// ```
    #[must_use]
    pub fn add_months(self, months: i64) -> Option<Date> {
        let index = i64::from(self.year)
            .checked_mul(12)?
            .checked_add(i64::from(self.month) - 1)?
            .checked_add(months)?;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = (index.rem_euclid(12) + 1) as u8;
        if !(1..=9999).contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        Some(Date { year, month, day })
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
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
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
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_arithmetic_round_trips() {
        for days in (MIN_DAYS..=MAX_DAYS).step_by(997) {
            let d = Date::from_days(days).unwrap();
            assert_eq!(d.to_days(), days);
            assert!(Date::new(d.year, d.month, d.day).is_ok());
            assert_eq!(Date::parse(&d.to_string()), Ok(d));
        }
        assert_eq!(Date::from_days(MIN_DAYS), Some(Date::MIN));
        assert_eq!(Date::from_days(MAX_DAYS), Some(Date::MAX));
        assert_eq!(Date::from_days(MIN_DAYS - 1), None);
        assert_eq!(Date::from_days(MAX_DAYS + 1), None);
        assert_eq!(
            Date::parse("2024-12-08").unwrap().weekday(),
            Weekday::Sunday
        );
        let d = Date::parse("2019-03-31").unwrap();
        assert_eq!(d.add_months(-15).unwrap().to_string(), "2017-12-31");
        assert_eq!(Date::MAX.add_months(1), None);
        assert_eq!(Date::MIN.add_months(i64::MIN), None);
    }

    /// Every date the type can hold prints as `YYYY-MM-DD` and parses back to itself,
    /// through `Display` and through serde, and nothing outside the range parses.
    #[test]
    fn every_printed_date_parses_back() {
        // 3.65 million dates: in two halves, one per thread, as debug builds are slow.
        let check = |days: std::ops::RangeInclusive<i64>| {
            let mut text = String::new();
            let mut count = 0;
            for days in days {
                let d = Date::from_days(days).unwrap();
                text.clear();
                std::fmt::Write::write_fmt(&mut text, format_args!("{d}")).unwrap();
                assert_eq!(text.len(), 10, "{text}");
                assert_eq!(Date::parse(&text), Ok(d), "{text}");
                count += 1;
            }
            count
        };
        let middle = (MIN_DAYS + MAX_DAYS) / 2;
        let count = std::thread::scope(|s| {
            let low = s.spawn(|| check(MIN_DAYS..=middle));
            check(middle + 1..=MAX_DAYS) + low.join().unwrap()
        });
        assert_eq!(count, 3_652_059);
        for d in [Date::MIN, Date::MAX, Date::new(2019, 5, 20).unwrap()] {
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d, "{json}");
        }
        for outside in ["0000-12-31", "10000-01-01", "-0001-01-01", "+9999-12-31"] {
            assert!(Date::parse(outside).is_err(), "{outside}");
        }
    }

    #[test]
    fn parse_table() {
        // (text, expected kind of error, or None when it parses)
        let rows: &[(&str, Option<DateErrorKind>)] = &[
            ("2019-05-20", None),
            (" 2019-05-20\n", None),
            ("0001-01-01", None),
            ("9999-12-31", None),
            ("0000-01-01", Some(DateErrorKind::YearOutOfRange)),
            ("+201-05-20", Some(DateErrorKind::Format)),
            ("2019-5-20", Some(DateErrorKind::Format)),
            ("2019-05-2x", Some(DateErrorKind::Format)),
            ("٢٠١٩-٠٥-٢٠", Some(DateErrorKind::Format)),
            ("2019-00-10", Some(DateErrorKind::NoSuchMonth)),
            ("2019-02-29", Some(DateErrorKind::NoSuchDay)),
            ("", Some(DateErrorKind::Format)),
        ];
        for (text, want) in rows {
            assert_eq!(Date::parse(text).err().map(|e| e.kind()), *want, "{text:?}");
        }
    }
}
