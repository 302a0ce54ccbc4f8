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

str_enum! {
    /// What kind of mention of an event the sentence makes: a report of one, or a
    /// mention that reports none (the reason why). Only reports are kept by
    /// [`Event::is_reported`].
    #[derive(Default)]
    Mention {
        /// Reports the event.
        #[default]
        Report => "report",
        /// A statement, charge, trial or investigation about violence ("أدانت",
        /// "بتهمة", "تبنى").
        Statement => "statement",
        /// Hypothetical, a threat or a wish ("أي هجوم", "لتفادي").
        Hypothetical => "hypothetical",
        /// Generic, habitual or aggregate ("تتكرر عمليات الاغتيال", "سلسلة هجمات").
        Generic => "generic",
        /// A historical reference ("ذكرى", a year before the document's).
        Historical => "historical",
        /// Asked, not told ("هل", "؟").
        Question => "question",
        /// A reference to an event told elsewhere ("عقب الهجوم", a definite "القصف"
        /// with nothing of its own).
        Reference => "reference",
        /// A detail of an event told elsewhere ("هتف المتظاهرون").
        Detail => "detail",
        /// Not violence at all: a verbal attack ("هجوما حادا على الحكومة"), an
        /// explosion of a crisis ("انفجار الأزمة").
        Figurative => "figurative",
        /// Told in passing, deep in a sentence whose main clause reports something
        /// else (more than twelve words from where the sentence, or its reported
        /// speech after "أن"/"إن", begins).
        Background => "background",
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
    /// The other words of the text that report the same event ("انفجرت عبوة ناسفة
    /// استهدفت", or a later "القصف" that refers back to it), in text order; the event
    /// is told by `trigger` and these together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trigger_words: Vec<Span>,
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
    /// A report of the event, or why the sentence reports none (statement, generic,
    /// historical, question, hypothetical, reference, detail).
    #[serde(default)]
    pub mention: Mention,
    /// The sentence holding the trigger.
    pub sentence: Span,
    /// For a killing reported as the outcome of another event of the same sentence
    /// ("قصف ... أدى إلى مقتل"), the index of that event in `Document::events`; its
    /// fatalities are counted there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
    /// For a later mention of an event already reported ("القصف استهدف الأحياء" after
    /// "قصفت قوات النظام ..."), the index of that event in `Document::events`, which
    /// lists this trigger among its `trigger_words`; this record is then
    /// `mention: reference`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<usize>,
    /// ACLED event type and sub-event type.
    pub acled: Acled,
    /// CAMEO root code ("19"), empty where CAMEO has none.
    pub cameo: String,
    /// CAMEO code ("190", "186"), empty where CAMEO has none.
    pub cameo_code: String,
}

impl Event {
    /// Whether the text reports this event as having happened: what an analyst counts,
    /// and the default filter of the ACLED export and the command line.
    ///
    /// Keeps an event when all three hold:
    /// - its [`modality`](Event::modality) is [`Modality::Asserted`] (not denied, not
    ///   planned or future);
    /// - its [`mention`](Event::mention) is [`Mention::Report`] (not a statement,
    ///   hypothetical, generic, historical, question, back-reference, detail,
    ///   figurative or background mention);
    /// - it is anchored by at least one argument of its own: an actor with a role
    ///   (an actor the sentence only names does not anchor it), a place, a time or
    ///   a fatality count.
    ///
    /// Claims (`claimed`) are kept: ACLED codes a claimed event and notes the claim.
    ///
    /// ```
    /// use syria_extract::Extractor;
    ///
    /// let ex = Extractor::default();
    /// let doc = ex.extract("قصفت قوات النظام بلدة كفرنبل بريف إدلب.");
    /// assert!(doc.events[0].is_reported());
    /// // A condemnation of an attack reports no attack.
    /// let doc = ex.extract("أدانت الخارجية الهجوم على بلدة كفرنبل.");
    /// assert!(doc.events.iter().all(|e| !e.is_reported()));
    /// ```
    pub fn is_reported(&self) -> bool {
        self.modality == Modality::Asserted
            && self.mention == Mention::Report
            && (self.actors.iter().any(|a| a.role.is_some())
                || !self.locations.is_empty()
                || self.time.is_some()
                || self.fatalities.is_some())
    }
}
