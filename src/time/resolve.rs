//! A time expression's value plus the document date: its first day, its last day for
//! a range, and ACLED's time precision.
//!
//! Every step is checked: an amount from the text may be anything up to `u32::MAX`,
//! and an expression whose date falls outside the years 1–9999 stays unresolved.

use super::date::Date;
use super::types::{Shift, TimeKind, TimeValue};
use crate::kinds::{MonthPart, TimeDirection, TimeUnit};

/// A resolved date: the first day, the last day of a range, and the ACLED precision
/// (1 day, 2 week, 3 month).
pub(crate) type Resolved = (Date, Option<Date>, u8);

/// The written years a date is resolved in. News of the conflict dates its events in
/// these; a year outside is historic ("فبراير 1260") or of the Hijri calendar
/// ("19/10/1436", which is 2015), and converting it as a Gregorian year would be
/// wrong. Such an expression keeps its year in the value and gets no date.
pub(crate) const WRITTEN_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Resolves `v` against the document date `doc`; a full date needs none.
pub(crate) fn resolve(kind: TimeKind, v: &TimeValue, doc: Option<Date>) -> Option<Resolved> {
    if kind == TimeKind::Duration {
        return None;
    }
    if v.year.is_some_and(|y| !WRITTEN_YEARS.contains(&y)) {
        return None;
    }
    if let (Some(y), Some(m), Some(d)) = (v.year, v.month, v.day) {
        return Date::new(y, m, d).ok().map(|date| (date, None, 1));
    }
    let doc = doc?;
    if let Some(m) = v.month {
        return month_in_context(m, v, doc);
    }
    if let Some(weekday) = v.weekday {
        let base = match v.shift {
            Some(s) if s.unit == TimeUnit::Day => shifted(doc, s)?,
            // "يوم الجمعة" in a report: the latest such day up to the document date.
            _ => {
                let back = (doc.weekday() as i64 - weekday as i64).rem_euclid(7);
                doc.add_days(-back)?
            }
        };
        return Some((base, None, 1));
    }
    let s = v.shift?;
    if s.unit == TimeUnit::Month && s.amount.is_some() && v.part.is_some() {
        let d = doc.add_months(signed(s))?;
        return month_point(d.year(), d.month(), None, v.part);
    }
    if v.span_to_now {
        // A vague "خلال الأيام الماضية" counts three units back.
        // A span looking forward (a hand-made or deserialized value: the parser
        // only makes spans to now from the past) runs from the document date.
        let other = shifted(doc, with_amount(s, s.amount.unwrap_or(3)))?;
        let (first, last) = (other.min(doc), other.max(doc));
        let precision = precision_of(last.to_days() - first.to_days());
        return Some((first, Some(last), precision));
    }
    let precision = match (s.unit, s.amount) {
        (TimeUnit::Hour, _) => 1,
        (TimeUnit::Day, Some(_)) => 1,
        (TimeUnit::Day, None) | (TimeUnit::Week, Some(1)) => 2,
        _ => 3,
    };
    // A vague "أيام" counts as three days back, "أشهر" as three months.
    let date = shifted(doc, with_amount(s, s.amount.unwrap_or(3)))?;
    Some((date, None, precision))
}

/// A month name without a full date: in the year the text gives, the current year for
/// "الجاري", otherwise the latest such month up to the document date.
fn month_in_context(m: u8, v: &TimeValue, doc: Date) -> Option<Resolved> {
    let year = match (v.year, v.shift) {
        (Some(y), _) => y,
        (None, Some(s)) if s.direction == TimeDirection::Current => doc.year(),
        _ if m > doc.month() => doc.year() - 1,
        _ => doc.year(),
    };
    month_point(year, m, v.day, v.part)
}

fn with_amount(s: Shift, amount: u32) -> Shift {
    Shift {
        amount: Some(amount),
        ..s
    }
}

fn precision_of(days: i64) -> u8 {
    match days {
        ..=2 => 1,
        3..=7 => 2,
        _ => 3,
    }
}

/// The shift's amount with its sign: back for the past, forward for the future.
fn signed(s: Shift) -> i64 {
    let n = i64::from(s.amount.unwrap_or(0));
    match s.direction {
        TimeDirection::Past => -n,
        TimeDirection::Current => 0,
        TimeDirection::Future => n,
    }
}

fn shifted(doc: Date, s: Shift) -> Option<Date> {
    // |n| ≤ u32::MAX, so none of the products below overflows an i64.
    let n = signed(s);
    match s.unit {
        // "5 hours ago" is still the document's day.
        TimeUnit::Hour => doc.add_days(n / 24),
        TimeUnit::Day => doc.add_days(n),
        TimeUnit::Week => doc.add_days(7 * n),
        TimeUnit::Month => doc.add_months(n),
        TimeUnit::Year => doc.add_months(12 * n),
    }
}

fn month_point(year: i32, month: u8, day: Option<u8>, part: Option<MonthPart>) -> Option<Resolved> {
    match (day, part) {
        (Some(d), _) => Date::new(year, month, d).ok().map(|x| (x, None, 1)),
        (None, Some(p)) => {
            let d = match p {
                MonthPart::Early => 5,
                MonthPart::Middle => 15,
                MonthPart::Late => 25,
            };
            Date::new(year, month, d).ok().map(|x| (x, None, 2))
        }
        (None, None) => Date::new(year, month, 1).ok().map(|x| (x, None, 3)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::Weekday;

    fn relative(amount: Option<u32>, unit: TimeUnit, direction: TimeDirection) -> TimeValue {
        TimeValue {
            shift: Some(Shift {
                amount,
                unit,
                direction,
            }),
            ..TimeValue::default()
        }
    }

    #[test]
    fn relative_times_table() {
        use TimeDirection::*;
        use TimeUnit::*;
        let doc = Date::parse("2019-05-20").ok();
        // (amount, unit, direction, expected date, precision)
        type Row<'a> = (Option<u32>, TimeUnit, TimeDirection, Option<(&'a str, u8)>);
        let rows: &[Row] = &[
            (Some(2), Day, Past, Some(("2019-05-18", 1))),
            (None, Day, Past, Some(("2019-05-17", 2))),
            (Some(1), Week, Past, Some(("2019-05-13", 2))),
            (None, Month, Past, Some(("2019-02-20", 3))),
            (Some(5), Hour, Past, Some(("2019-05-20", 1))),
            (Some(1), Year, Future, Some(("2020-05-20", 3))),
            // Amounts that leave the years 1–9999 stay unresolved, never wrap.
            (Some(u32::MAX), Day, Past, None),
            (Some(u32::MAX), Week, Past, None),
            (Some(u32::MAX), Month, Future, None),
            (Some(u32::MAX), Year, Past, None),
            (Some(2_147_483_648), Day, Past, None),
            (Some(200_000_000), Year, Past, None),
        ];
        for &(amount, unit, direction, want) in rows {
            let v = relative(amount, unit, direction);
            let got = resolve(TimeKind::Relative, &v, doc).map(|(d, _, p)| (d.to_string(), p));
            let want = want.map(|(d, p)| (d.to_string(), p));
            assert_eq!(got, want, "{amount:?} {unit} {direction}");
        }
    }

    use proptest::prelude::*;

    fn unit() -> impl Strategy<Value = TimeUnit> {
        prop::sample::select(vec![
            TimeUnit::Hour,
            TimeUnit::Day,
            TimeUnit::Week,
            TimeUnit::Month,
            TimeUnit::Year,
        ])
    }

    fn direction() -> impl Strategy<Value = TimeDirection> {
        prop::sample::select(vec![
            TimeDirection::Past,
            TimeDirection::Current,
            TimeDirection::Future,
        ])
    }

    /// Any date of the range, from its day number.
    fn date() -> impl Strategy<Value = Date> {
        (super::super::date::MIN_DAYS..=super::super::date::MAX_DAYS)
            .prop_map(|d| Date::from_days(d).unwrap())
    }

    /// The date `n` signed units from `doc`, computed in i128 without the checked
    /// arithmetic under test: `None` when it falls outside the years 1–9999.
    fn oracle(doc: Date, n: i128, unit: TimeUnit) -> Option<Date> {
        let days = |d: i128| {
            let z = i128::from(doc.to_days()) + d;
            i64::try_from(z).ok().and_then(Date::from_days)
        };
        let months = |m: i128| {
            let index = i128::from(doc.year()) * 12 + i128::from(doc.month()) - 1 + m;
            let year = index.div_euclid(12);
            let month = (index.rem_euclid(12) + 1) as u8;
            if !(1..=9999).contains(&year) {
                return None;
            }
            let year = year as i32;
            (1..=doc.day())
                .rev()
                .find_map(|d| Date::new(year, month, d).ok())
        };
        match unit {
            // Truncated toward zero, as "5 hours ago" is still the same day.
            TimeUnit::Hour => days(n / 24),
            TimeUnit::Day => days(n),
            TimeUnit::Week => days(7 * n),
            TimeUnit::Month => months(n),
            TimeUnit::Year => months(12 * n),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2048)
        ))]

        /// Any amount, unit and direction against any document date: the date is the
        /// one calendar arithmetic gives, or none when that leaves the years 1–9999;
        /// never a wrapped one.
        #[test]
        fn shifts_resolve_exactly_or_not_at_all(
            amount in prop_oneof![0u32..100, any::<u32>(), Just(u32::MAX)],
            unit in unit(),
            direction in direction(),
            doc in prop_oneof![date(), Just(Date::MIN), Just(Date::MAX)],
        ) {
            let v = relative(Some(amount), unit, direction);
            let got = resolve(TimeKind::Relative, &v, Some(doc));
            let n = i128::from(amount) * match direction {
                TimeDirection::Past => -1,
                TimeDirection::Current => 0,
                TimeDirection::Future => 1,
            };
            prop_assert_eq!(got.map(|r| r.0), oracle(doc, n, unit));
            if let Some((_, end, precision)) = got {
                prop_assert_eq!(end, None);
                prop_assert!((1..=3).contains(&precision));
            }
        }

        /// Every field of a value at once, as a deserialized or hand-made `TimeValue`
        /// may hold anything: resolution never panics, and what it gives is ordered.
        #[test]
        fn any_value_resolves_without_panic(
            year in prop::option::of(any::<i32>()),
            month in prop::option::of(any::<u8>()),
            day in prop::option::of(any::<u8>()),
            weekday in prop::option::of(prop::sample::select(Weekday::ALL.to_vec())),
            part in prop::option::of(prop::sample::select(vec![
                MonthPart::Early, MonthPart::Middle, MonthPart::Late,
            ])),
            shift in prop::option::of((prop::option::of(any::<u32>()), unit(), direction())),
            span_to_now in any::<bool>(),
            kind in prop::sample::select(vec![
                TimeKind::Date, TimeKind::Weekday, TimeKind::Relative, TimeKind::Duration,
            ]),
            doc in prop::option::of(date()),
        ) {
            let v = TimeValue {
                year,
                month,
                day,
                part,
                weekday,
                shift: shift.map(|(amount, unit, direction)| Shift { amount, unit, direction }),
                span_to_now,
            };
            if let Some((first, last, precision)) = resolve(kind, &v, doc) {
                prop_assert!((1..=3).contains(&precision));
                if let Some(last) = last {
                    prop_assert!(first <= last, "{first} after {last}");
                }
                prop_assert_eq!(Date::parse(&first.to_string()), Ok(first));
            }
        }
    }
}
