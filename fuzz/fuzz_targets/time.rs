//! Time resolution over any amount, unit, direction and document date, through the
//! whole pipeline: nothing panics (the fuzzer builds with overflow checks on), the
//! amount is read as written, and the date is the one calendar arithmetic gives, or
//! none when it falls outside the years 1–9999; never a wrapped one.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use syria_extract::time::{Date, TimeDirection, TimeUnit};
use syria_extract::{Article, Extractor};

fn extractor() -> &'static Extractor {
    static CELL: OnceLock<Extractor> = OnceLock::new();
    CELL.get_or_init(Extractor::default)
}

const UNITS: &[(&str, TimeUnit)] = &[
    ("ساعة", TimeUnit::Hour),
    ("ساعات", TimeUnit::Hour),
    ("يوم", TimeUnit::Day),
    ("أيام", TimeUnit::Day),
    ("أسبوع", TimeUnit::Week),
    ("أسابيع", TimeUnit::Week),
    ("شهر", TimeUnit::Month),
    ("أشهر", TimeUnit::Month),
    ("سنة", TimeUnit::Year),
    ("أعوام", TimeUnit::Year),
];

/// (template, direction): `{n}` the amount, `{u}` the unit.
const PHRASES: &[(&str, TimeDirection)] = &[
    ("قبل {n} {u}", TimeDirection::Past),
    ("منذ {n} {u}", TimeDirection::Past),
    ("خلال الـ {n} {u} الماضية", TimeDirection::Past),
    ("خلال {n} {u} المقبلة", TimeDirection::Future),
    ("خلال الـ {n} {u} القادمة", TimeDirection::Future),
];

fn shifted(doc: Date, n: i64, unit: TimeUnit) -> Option<Date> {
    match unit {
        TimeUnit::Hour => doc.add_days(n / 24),
        TimeUnit::Day => doc.add_days(n),
        TimeUnit::Week => doc.add_days(n.checked_mul(7)?),
        TimeUnit::Month => doc.add_months(n),
        _ => doc.add_months(n.checked_mul(12)?),
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 14 {
        return;
    }
    let (head, rest) = data.split_at(14);
    let (template, direction) = PHRASES[usize::from(head[0]) % PHRASES.len()];
    let (unit_word, unit) = UNITS[usize::from(head[1]) % UNITS.len()];
    // Amounts of any size, digits beyond u32 included.
    let raw = u64::from_le_bytes(head[2..10].try_into().unwrap());
    let amount = match head[0] >> 6 {
        0 => raw % 1000,
        1 => raw % (1 << 32),
        _ => raw,
    };
    let days = u32::from_le_bytes(head[10..14].try_into().unwrap());
    let doc = Date::MIN.add_days(i64::from(days) % 3_652_059).unwrap();
    let phrase = template
        .replace("{n}", &amount.to_string())
        .replace("{u}", unit_word);
    // Whatever else the input holds goes after the phrase, past a full stop.
    let tail = String::from_utf8_lossy(rest);
    let prefix = "وصلت تعزيزات إلى المنطقة ";
    let text = format!("{prefix}{phrase}. {tail}");
    let phrase_end = prefix.len() + phrase.len();
    let found = extractor().extract(Article::new(&text).published(doc));
    for t in &found.times {
        assert_eq!(&text[t.start..t.end], t.text);
        if let Some(d) = t.date {
            assert_eq!(Date::parse(&d.to_string()), Ok(d));
            if let Some(e) = t.end_date {
                assert!(d <= e, "{d} after {e}");
            }
        }
    }
    let first = found.times.first();
    let Ok(amount) = u32::try_from(amount) else {
        // A digit string beyond u32 is no number: the phrase is no time expression.
        assert!(first.is_none_or(|t| t.start >= phrase_end), "{text}");
        return;
    };
    let t = first.expect("the phrase is a time expression");
    let shift = t.value.shift.expect("with a shift");
    assert_eq!(
        (shift.amount, shift.unit, shift.direction),
        (Some(amount), unit, direction)
    );
    let sign = if direction == TimeDirection::Past {
        -1
    } else {
        1
    };
    let other = shifted(doc, sign * i64::from(amount), unit);
    let want = match (t.value.span_to_now, other) {
        (true, Some(first)) => Some(first.min(doc)),
        (_, other) => other,
    };
    assert_eq!(t.date, want, "{text} at {doc}");
});
