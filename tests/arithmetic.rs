//! Numbers from the text that reach arithmetic: amounts of time, fatality counts and
//! years, however large. Nothing panics (these tests run in debug builds, where
//! overflow would), nothing wraps, and what cannot be represented stays unresolved.

use proptest::prelude::*;
use proptest::sample::select;
use syria_extract::time::{Date, TimeDirection, TimeKind, TimeUnit};
use syria_extract::{Article, Document, Extractor};

fn extract(text: &str, date: &str) -> Document {
    let date = Date::parse(date).unwrap();
    Extractor::default().extract(Article::new(text).published(date))
}

/// The phrases of the report that overflowed: each is read as written, typed, and left
/// without a date because its date falls outside the years 1–9999.
#[test]
fn huge_amounts_stay_typed_and_unresolved() {
    // (text, amount, unit, direction)
    let rows: &[(&str, u32, TimeUnit, TimeDirection)] = &[
        (
            "قصفت قوات النظام البلدة قبل 2147483648 يوم",
            2_147_483_648,
            TimeUnit::Day,
            TimeDirection::Past,
        ),
        (
            "قصفت قوات النظام البلدة منذ 200000000 سنة",
            200_000_000,
            TimeUnit::Year,
            TimeDirection::Past,
        ),
        (
            "تعتزم الفصائل شن هجوم خلال الـ 2147483647 شهر المقبل",
            2_147_483_647,
            TimeUnit::Month,
            TimeDirection::Future,
        ),
        (
            "قصفت قوات النظام البلدة قبل 4294967295 أسبوع",
            u32::MAX,
            TimeUnit::Week,
            TimeDirection::Past,
        ),
    ];
    for date in ["2019-05-20", "0001-01-01", "9999-12-31"] {
        for &(text, amount, unit, direction) in rows {
            let doc = extract(text, date);
            let t = doc
                .times
                .first()
                .unwrap_or_else(|| panic!("{text}: no time"));
            assert_eq!(t.kind, TimeKind::Relative, "{text}");
            let shift = t.value.shift.unwrap();
            assert_eq!(
                (shift.amount, shift.unit, shift.direction),
                (Some(amount), unit, direction),
                "{text}"
            );
            assert_eq!(
                (t.date, t.end_date, t.precision),
                (None, None, None),
                "{text} {date}"
            );
        }
    }
}

/// A small amount near the ends of the range resolves where it can and not past them.
#[test]
fn amounts_at_the_ends_of_the_calendar() {
    let doc = extract("وصلت التعزيزات قبل يومين", "0001-01-02");
    assert_eq!(doc.times[0].date, None);
    let doc = extract("وصلت التعزيزات قبل يوم", "0001-01-02");
    assert_eq!(doc.times[0].date, Date::parse("0001-01-01").ok());
    let doc = extract("تصل التعزيزات خلال الأيام المقبلة", "9999-12-30");
    assert_eq!(doc.times[0].date, None);
    let doc = extract("وصلت التعزيزات العام الماضي", "0001-06-01");
    assert_eq!(doc.times[0].date, None);
}

/// A digit string longer than any count (more than 4,294,967,295) is no number: it is
/// neither an amount of time nor a fatality count, and nothing overflows reading it.
#[test]
fn digit_strings_beyond_u32_are_no_numbers() {
    let long = "9".repeat(40);
    for digits in ["4294967296", "99999999999", long.as_str()] {
        let doc = extract(
            &format!("قتل {digits} مدنيا في القصف قبل {digits} يوم"),
            "2019-05-20",
        );
        assert!(doc.times.is_empty(), "{digits}: {:?}", doc.times);
        let killing = doc.events.iter().find(|e| e.trigger.text == "قتل").unwrap();
        assert_eq!(count(killing), None, "{digits}");
    }
    // The largest count that fits is kept exactly (as a countrywide tally: no place is
    // named).
    let doc = extract("قتل 4294967295 مدنيا", "2019-05-20");
    assert_eq!(count(&doc.events[0]), Some(u32::MAX));
}

/// The count an event states, as its toll or as a tally's.
fn count(e: &syria_extract::Event) -> Option<u32> {
    let tally = e.tally.as_ref().and_then(|t| t.count.as_ref());
    e.fatality_count.as_ref().or(tally).map(|c| c.value)
}

fn unit_word() -> impl Strategy<Value = (&'static str, TimeUnit)> {
    select(
        &[
            ("ساعة", TimeUnit::Hour),
            ("يوم", TimeUnit::Day),
            ("أيام", TimeUnit::Day),
            ("أسبوع", TimeUnit::Week),
            ("شهر", TimeUnit::Month),
            ("أشهر", TimeUnit::Month),
            ("سنة", TimeUnit::Year),
            ("أعوام", TimeUnit::Year),
        ][..],
    )
}

/// The phrase shapes that take an amount: (template, direction, whether the date is
/// the first day of a span up to the document date).
fn phrase() -> impl Strategy<Value = (&'static str, TimeDirection)> {
    select(
        &[
            ("قبل {n} {u}", TimeDirection::Past),
            ("منذ {n} {u}", TimeDirection::Past),
            ("خلال الـ {n} {u} الماضية", TimeDirection::Past),
            ("خلال {n} {u} المقبلة", TimeDirection::Future),
        ][..],
    )
}

/// The date `n` units from `doc` by the public calendar arithmetic.
fn shifted(doc: Date, n: i64, unit: TimeUnit) -> Option<Date> {
    match unit {
        TimeUnit::Hour => doc.add_days(n / 24),
        TimeUnit::Day => doc.add_days(n),
        TimeUnit::Week => doc.add_days(7 * n),
        TimeUnit::Month => doc.add_months(n),
        _ => doc.add_months(12 * n),
    }
}

fn any_date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)
    ))]

    /// Through the whole pipeline: any written amount, unit, direction and document
    /// date gives the amount as written and the date calendar arithmetic gives, or
    /// none when it leaves the years 1–9999.
    #[test]
    fn written_amounts_resolve_exactly_or_not_at_all(
        n in prop_oneof![0u32..1000, any::<u32>()],
        (unit_text, unit) in unit_word(),
        (template, direction) in phrase(),
        date in prop_oneof![any_date(), Just(Date::MIN), Just(Date::MAX)],
    ) {
        let phrase = template.replace("{n}", &n.to_string()).replace("{u}", unit_text);
        let text = format!("وصلت تعزيزات عسكرية إلى المنطقة {phrase}.");
        let doc = Extractor::default().extract(Article::new(&text).published(date));
        let t = doc.times.first();
        prop_assert!(t.is_some(), "{}", text);
        let t = t.unwrap();
        let shift = t.value.shift.unwrap();
        prop_assert_eq!((shift.amount, shift.unit, shift.direction), (Some(n), unit, direction));
        let sign = if direction == TimeDirection::Past { -1 } else { 1 };
        let other = shifted(date, sign * i64::from(n), unit);
        let want = match (t.value.span_to_now, other) {
            (true, Some(first)) => Some(first.min(date)),
            (_, other) => other,
        };
        prop_assert_eq!(t.date, want, "{}", text);
        if let Some(d) = t.date {
            prop_assert_eq!(Date::parse(&d.to_string()), Ok(d));
        }
    }
}

/// A year is read as written, whatever its value. A date of the years 1900–2100 is
/// resolved; another keeps its year in the value and gets no date, never the
/// document's year in its place (a historic year, or a Hijri one: 1436 is 2015).
#[test]
fn written_years_are_kept_not_replaced() {
    // (text, the expression, its year, its date and precision)
    type Row<'a> = (&'a str, &'a str, i32, Option<(&'a str, u8)>);
    let rows: &[Row] = &[
        ("وقعت المعركة في 15 أيار 1850", "15 أيار 1850", 1850, None),
        (
            "ساعد هولاكو في هجومه على حلب في فبراير 1260، كما شاركه",
            "فبراير 1260",
            1260,
            None,
        ),
        ("وصلت القافلة في 3 آذار 2150", "3 آذار 2150", 2150, None),
        ("تأسست البلدة بتاريخ 15/05/1850", "15/05/1850", 1850, None),
        (
            "يوم الثلاثاء 19/10/1436 الموافق 4/ 8 / 2015",
            "19/10/1436",
            1436,
            None,
        ),
        ("في 15 أيار 0000 م", "15 أيار 0000 م", 0, None),
        (
            "وقعت المعركة في 15 أيار 1900",
            "15 أيار 1900",
            1900,
            Some(("1900-05-15", 1)),
        ),
        (
            "قصفت الطائرات البلدة في آذار 2100",
            "آذار 2100",
            2100,
            Some(("2100-03-01", 3)),
        ),
    ];
    for &(text, span, year, want) in rows {
        let doc = extract(text, "2019-05-20");
        let t = doc
            .times
            .iter()
            .find(|t| t.text == span)
            .unwrap_or_else(|| panic!("{text}: {:?}", doc.times));
        assert_eq!(t.value.year, Some(year), "{text}");
        let got = t.date.map(|d| (d.to_string(), t.precision.unwrap()));
        assert_eq!(got, want.map(|(d, p)| (d.to_string(), p)), "{text}");
        let json = serde_json::to_string(t).unwrap();
        assert!(json.contains(&format!("\"year\":{year}")), "{json}");
    }
}
