//! The time stage's output types.

use serde::{Deserialize, Serialize};

use super::date::Date;
use crate::kinds::{MonthPart, TimeDirection, TimeUnit, Weekday};
use crate::macros::str_enum;

str_enum! {
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

/// An amount of time units counted from the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
#[non_exhaustive]
pub struct TimeValue {
    /// Year, as written: four digits after a month name or in a numeric date. Only
    /// the years 1900–2100 are resolved to a date; another is kept here and leaves
    /// the expression's date unset (a historic year, "فبراير 1260", or one of the
    /// Hijri calendar, "19/10/1436"), never replaced by the document's year.
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
#[non_exhaustive]
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

impl TimeExpression {
    /// Moves the expression by `by` bytes, to where its block lies in a longer text.
    pub(crate) fn shift(&mut self, by: usize) {
        (self.start, self.end) = (self.start + by, self.end + by);
    }
}
