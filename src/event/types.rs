//! The event stage's output types: plain serializable data.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::entity::EntityType;
use crate::gazetteer::{AdminLevels, Coordinates};
use crate::kinds::{ActorKind, Direction, EventKind, LocationKind, Role};
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

/// A range of the original text, without the text: where an event's sentence lies.
/// (The sentence's text would repeat the document; slice it with `start..end`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extent {
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset in the original text (exclusive).
    pub end: usize,
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// For a place: the record's kind (`"town"`, `"district"`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<EntityType>,
    /// For a place: the record's OCHA P-code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pcode: Option<Arc<str>>,
    /// For a place: the record's coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// For a place: its governorate, district and subdistrict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin: Option<Arc<AdminLevels>>,
    /// For a place: ACLED's geo_precision of this mention as the text gives it (see
    /// [`EventPlace::geo_precision`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_precision: Option<u8>,
    /// For a place: it only situates another place of the event (a unit that other lies
    /// in, or "شرقي حمص" after "بادية السخنة"), so the event did not happen there as
    /// well.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub situates: bool,
}

impl EventArgument {
    /// Whether this place lies below the country (a governorate, a town, a camp...):
    /// a place that situates an event (see [`Event::is_reported`]).
    pub(crate) fn is_below_country(&self) -> bool {
        self.entity_type != Some(EntityType::Location(LocationKind::Country))
    }
}

/// Where an event happened: the most precise place the text gives for it, and how
/// precisely the text locates it there (ACLED's geo_precision).
///
/// ```
/// use syria_extract::Extractor;
///
/// let doc = Extractor::default().extract("هاجم عناصر تنظيم داعش نقاطا لقوات النظام في بادية السخنة شرقي حمص");
/// let place = doc.events[0].place.as_ref().unwrap();
/// // The Sukhnah desert, not Homs: the direction phrase only locates it.
/// assert_eq!(&*place.id, "sukhnah");
/// assert_eq!(place.geo_precision, 2); // around the town
/// assert!(place.near);
/// assert_eq!(place.mention.text, "السخنة");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventPlace {
    /// Record id.
    pub id: Arc<str>,
    /// English name.
    pub name: Arc<str>,
    /// The record's kind.
    #[serde(rename = "type")]
    pub kind: LocationKind,
    /// ACLED's geo_precision, from how the text locates the event: 1 the place itself
    /// (a town, a village, a base, a neighbourhood); 2 near it or in a part of a
    /// region (a direction phrase "شرقي حمص", an area cue "بادية السخنة", "ريف جسر
    /// الشغور", "محيط", or a district, a subdistrict, a mountain); 3 only a larger
    /// region (a governorate, "ريف حمص الشرقي", a desert, a river, the country).
    pub geo_precision: u8,
    /// The text puts the event around the place, not in it: a direction or an area
    /// cue before the name.
    pub near: bool,
    /// The direction the text gives from the place ("شرقي حمص": east).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The mention of the place the choice comes from.
    pub mention: Span,
    /// The record's OCHA P-code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pcode: Option<Arc<str>>,
    /// Coordinates of the place, or of the smallest administrative unit it lies in
    /// when the record has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// Its governorate, district and subdistrict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin: Option<Arc<AdminLevels>>,
}

/// ACLED event type and sub-event type.
///
/// The codes are borrowed from the crate's tables (`Cow::Borrowed`), so an event
/// allocates nothing for them; only a trigger's own sub-event type is owned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Acled {
    /// Event type ("Battles").
    pub event_type: Cow<'static, str>,
    /// Sub-event type ("Armed clash").
    pub sub_event_type: Cow<'static, str>,
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

str_enum! {
    /// Why a count is a tally, not the toll of one event.
    TallyKind {
        /// A toll that rose to or reached a figure ("ارتفعت حصيلة القتلى إلى 40",
        /// "بلغ عدد القتلى"), an updated toll of one attack included.
        RunningTotal => "running_total",
        /// A count over a period or since a start ("خلال شهر تموز", "منذ بداية العام",
        /// "حتى الآن", "شهريا").
        Period => "period",
        /// A count a monitor documents ("وثق المرصد مقتل 1200 مدني"): monitors' figures
        /// are totals of many events.
        Documented => "documented",
        /// A count of a thousand dead or more in a sentence that names no place below
        /// the country ("قتل نظام الأسد 400 ألف من أبناء شعبه"): a toll of the war, not
        /// of one event (ACLED records no countrywide events; its example is "1,000
        /// conflict fatalities across the country").
        Countrywide => "countrywide",
    }
}

/// A running total or a period tally: a count of many events, not the toll of this
/// one. Its numbers are kept here and left out of the event's `fatalities`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tally {
    /// Why the count is a tally.
    pub kind: TallyKind,
    /// The words that make it one ("حصيلة", "خلال", "وثق").
    pub cue: Span,
    /// The people killed the tally counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Count>,
    /// The people wounded it counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wounded: Option<Count>,
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
    /// Where the event happened: the most precise of `locations`, with ACLED's
    /// geo_precision (see [`EventPlace`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<EventPlace>,
    /// A place the gazetteer does not know, named after a place noun of the trigger's
    /// clause ("في بلدة إلجويبار", "قرب حي المصطفى"), for an event with no known place:
    /// it situates the event (see [`Event::is_reported`]) without a record to point to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unnamed_place: Option<Span>,
    /// The nearest time expression of the sentence. (Boxed like the other parts
    /// most events lack, so an event without them stays small.)
    pub time: Option<Box<TimeExpression>>,
    /// People killed: the number stated, or its lower bound when
    /// `fatalities_at_least` is set. `None` when the text gives no number, when it
    /// gives killed and wounded together only (see `casualties`), and for a tally
    /// (see `tally`), so the `fatalities` of events can be summed.
    pub fatalities: Option<u32>,
    /// `fatalities` is a lower bound: the text says "عشرات", "عدد من", "أكثر من 20",
    /// "على الأقل". The same flag as `fatality_count.at_least`, next to the number for
    /// consumers that read only `fatalities` (an export must carry it, e.g. in its
    /// notes or tags).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fatalities_at_least: bool,
    /// The fatality count as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatality_count: Option<Count>,
    /// People wounded, as written ("و5 جرحى", "وإصابة 7 آخرين").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wounded: Option<Box<Count>>,
    /// Killed and wounded together, when the text does not tell them apart ("قتل
    /// وجرح 24", "30 قتيلا وجريحا"); `fatalities` is then `None`: how many died is
    /// unknown (ACLED records no fatalities for casualties alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub casualties: Option<Box<Count>>,
    /// Set when the event's count is a running total or a period tally ("ارتفعت
    /// حصيلة القتلى منذ بداية العام إلى 3042", "وثق المرصد مقتل 1200 مدني خلال شهر
    /// تموز"): the statement sums many events, its numbers are here and not in
    /// `fatalities`, and a table of events should leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tally: Option<Box<Tally>>,
    /// The source the sentence attributes the report to.
    pub source: Option<Box<EventArgument>>,
    /// The sentence marks the report as someone's claim ("حسب زعم", "بحجة").
    pub claimed: bool,
    /// Reported as happened, denied, or planned.
    pub modality: Modality,
    /// A report of the event, or why the sentence reports none (statement, generic,
    /// historical, question, hypothetical, reference, detail).
    #[serde(default)]
    pub mention: Mention,
    /// The sentence holding the trigger.
    pub sentence: Extent,
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
    pub cameo: Cow<'static, str>,
    /// CAMEO code ("190", "186"), empty where CAMEO has none.
    pub cameo_code: Cow<'static, str>,
}

impl Event {
    /// Whether the text reports this event as having happened: what an analyst counts,
    /// and the default filter of the ACLED export and the command line.
    ///
    /// Keeps an event when all four hold:
    /// - its [`modality`](Event::modality) is [`Modality::Asserted`] (not denied, not
    ///   planned or future);
    /// - it is not a [`tally`](Event::tally): a running total or a count over a period
    ///   reports deaths already counted as events of their own;
    /// - its [`mention`](Event::mention) is [`Mention::Report`] (not a statement,
    ///   hypothetical, generic, historical, question, back-reference, detail,
    ///   figurative or background mention);
    /// - it is anchored by at least one argument of its own: an actor with a role
    ///   (an actor the sentence only names does not anchor it), a place below the
    ///   country (known, or [unnamed](Event::unnamed_place), or a part of a country
    ///   given by a direction, "شمالي العراق"; ACLED codes no event located only in a
    ///   country, and "ما يجري في العراق من قتل" reports none), a time, or a count of
    ///   the killed or the wounded.
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
            && self.tally.is_none()
            && (self.actors.iter().any(|a| a.role.is_some())
                || self.locations.iter().any(EventArgument::is_below_country)
                || self.place.as_ref().is_some_and(|p| p.direction.is_some())
                || self.time.is_some()
                || self.unnamed_place.is_some()
                || self.fatalities.is_some()
                || self.wounded.is_some()
                || self.casualties.is_some())
    }
}

/// Moving a block's results to where the block lies in a longer text (see
/// `Extractor::extract_blocks`): every byte offset gains `by`; indexes into
/// `Document::events` gain `events_before`.
impl Event {
    pub(crate) fn shift(&mut self, by: usize, events_before: usize) {
        self.trigger.shift(by);
        for w in &mut self.trigger_words {
            w.shift(by);
        }
        for a in &mut self.actors {
            (a.start, a.end) = (a.start + by, a.end + by);
        }
        for l in &mut self.locations {
            l.shift(by);
        }
        if let Some(p) = &mut self.place {
            p.mention.shift(by);
        }
        if let Some(s) = &mut self.unnamed_place {
            s.shift(by);
        }
        if let Some(t) = &mut self.time {
            t.shift(by);
        }
        if let Some(c) = &mut self.fatality_count {
            c.shift(by);
        }
        if let Some(c) = &mut self.wounded {
            c.shift(by);
        }
        if let Some(c) = &mut self.casualties {
            c.shift(by);
        }
        if let Some(t) = &mut self.tally {
            t.cue.shift(by);
            for c in [&mut t.count, &mut t.wounded].into_iter().flatten() {
                c.shift(by);
            }
        }
        if let Some(s) = &mut self.source {
            s.shift(by);
        }
        self.sentence = Extent {
            start: self.sentence.start + by,
            end: self.sentence.end + by,
        };
        for i in [&mut self.part_of, &mut self.refers_to]
            .into_iter()
            .flatten()
        {
            *i += events_before;
        }
    }
}

impl Span {
    pub(crate) fn shift(&mut self, by: usize) {
        (self.start, self.end) = (self.start + by, self.end + by);
    }
}

impl EventArgument {
    pub(crate) fn shift(&mut self, by: usize) {
        (self.start, self.end) = (self.start + by, self.end + by);
    }
}

impl Count {
    pub(crate) fn shift(&mut self, by: usize) {
        (self.start, self.end) = (self.start + by, self.end + by);
    }
}
