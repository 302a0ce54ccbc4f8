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
//! use syria_extract::{Article, Extractor};
//!
//! let text = "وقبل يومين، أرسلت الميليشيات تعزيزات عسكرية إلى ريف حمص الشرقي.";
//! let date = Date::parse("2019-05-20").unwrap();
//! let doc = Extractor::default().extract(Article::new(text).published(date));
//! let t = &doc.times[0];
//! assert_eq!(t.text, "قبل يومين");
//! assert_eq!(t.kind, TimeKind::Relative);
//! assert_eq!(t.date.unwrap().to_string(), "2019-05-18");
//! assert_eq!(t.precision, Some(1));
//! ```

mod date;
mod parse;
mod resolve;
mod types;

pub use crate::kinds::{MonthPart, TimeDirection, TimeUnit, Weekday};
pub use date::{Date, DateError, DateErrorKind};
pub(crate) use parse::{anchors, TimeWord};
pub use types::{Shift, TimeExpression, TimeKind, TimeValue};

use crate::lexicon::Lexicon;
use crate::normalize::Normalized;

/// An anchor word the automaton found: its normalized span and what it starts.
pub(crate) type Anchor = (usize, usize, TimeWord);

/// The time stage: the expressions around the `anchors` and the numeric dates of the
/// text, longest first and not overlapping, resolved against the document date.
/// Returns them with their normalized spans.
pub(crate) fn find(
    text: &str,
    norm: &Normalized,
    anchors: &mut [Anchor],
    date: Option<Date>,
    lex: &Lexicon,
) -> (Vec<TimeExpression>, Vec<(usize, usize)>) {
    let ntext = norm.as_str();
    let mut found = Vec::new();
    parse::numeric_dates(ntext, &mut found);
    anchors.sort_unstable_by_key(|a| (a.0, std::cmp::Reverse(a.1)));
    for &(start, end, word) in anchors.iter() {
        found.extend(parse::parse_at(ntext, start, end, word, lex));
    }
    // Longest first at each start; drop anything inside an earlier expression.
    found.sort_unstable_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut out = Vec::new();
    let mut spans = Vec::new();
    let mut last_end = 0;
    for f in found {
        if f.start < last_end {
            continue;
        }
        last_end = f.end;
        let span = norm.original_range(f.start..f.end);
        let resolved = resolve::resolve(f.kind, &f.value, date);
        out.push(TimeExpression {
            kind: f.kind,
            start: span.start,
            end: span.end,
            text: text.get(span).unwrap_or_default().to_string(),
            value: f.value,
            date: resolved.map(|r| r.0),
            end_date: resolved.and_then(|r| r.1),
            precision: resolved.map(|r| r.2),
        });
        spans.push((f.start, f.end));
    }
    (out, spans)
}
