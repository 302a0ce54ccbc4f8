//! The event stage's output types: plain serializable data.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::kinds::{ActorKind, EventKind, Role};
use crate::macros::str_enum;
use crate::time::TimeExpression;

str_enum! {
    /// Whether the text reports the event as happened.
    Modality {
        /// Reported as having happened or happening.
        Asserted => "asserted",
        /// Denied or said not to have happened ("لم تسفر", "نفت").
        Negated => "negated",
        /// Planned, expected or threatened ("من المقرر", "تعتزم").
        Planned => "planned",
    }
}

/// A span of the original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Span {
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset in the original text (exclusive).
    pub end: usize,
    /// The text of the span.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// An actor taking part in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventActor {
    /// Initiator, target, or `None` when the sentence does not show it.
    pub role: Option<Role>,
    /// Actor id.
    pub id: Arc<str>,
    /// English name.
    pub name: Arc<str>,
    /// The actor's kind.
    #[serde(rename = "type")]
    pub actor_type: ActorKind,
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset of the mention (exclusive).
    pub end: usize,
}

/// A place where an event happened, or a source it is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventArgument {
    /// Record id.
    pub id: Arc<str>,
    /// English name.
    pub name: Arc<str>,
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset of the mention (exclusive).
    pub end: usize,
}

/// ACLED event type and sub-event type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Acled {
    /// Event type ("Battles").
    pub event_type: String,
    /// Sub-event type ("Armed clash").
    pub sub_event_type: String,
}

/// A fatality count as the text gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Count {
    /// The number, or its lower bound.
    pub value: u32,
    /// The text gives a lower bound only ("عشرات", "عدد من").
    pub at_least: bool,
    /// Byte offset of the number in the original text.
    pub start: usize,
    /// Byte offset of the number (exclusive).
    pub end: usize,
    /// The number as written.
    pub text: String,
}

/// One event reported in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The kind of event.
    pub kind: EventKind,
    /// The words that report it.
    pub trigger: Span,
    /// Id of the trigger record.
    pub trigger_id: Arc<str>,
    /// Actors of the trigger's sentence nearest to it, with roles.
    pub actors: Vec<EventActor>,
    /// Places of the trigger's sentence nearest to it, the most specific mention first
    /// in text order.
    pub locations: Vec<EventArgument>,
    /// The nearest time expression of the sentence.
    pub time: Option<TimeExpression>,
    /// People killed: the number stated, or its lower bound (see `fatality_count`).
    pub fatalities: Option<u32>,
    /// The fatality count as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatality_count: Option<Count>,
    /// The source the sentence attributes the report to.
    pub source: Option<EventArgument>,
    /// The sentence marks the report as someone's claim ("حسب زعم", "بحجة").
    pub claimed: bool,
    /// Reported as happened, denied, or planned.
    pub modality: Modality,
    /// The sentence holding the trigger.
    pub sentence: Span,
    /// For a killing reported as the outcome of another event of the same sentence
    /// ("قصف ... أدى إلى مقتل"), the index of that event in `Document::events`; its
    /// fatalities are counted there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
    /// ACLED event type and sub-event type.
    pub acled: Acled,
    /// CAMEO root code ("19"), empty where CAMEO has none.
    pub cameo: String,
    /// CAMEO code ("190", "186"), empty where CAMEO has none.
    pub cameo_code: String,
}
