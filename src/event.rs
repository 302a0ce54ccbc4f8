//! Events: a typed trigger with its actors (and their roles), locations, time,
//! fatalities and source, coded to ACLED and CAMEO.
//!
//! Triggers come from the trigger gazetteer (`gazetteers/triggers.tsv`, loaded like
//! the others). Arguments are taken from the trigger's sentence; each actor and place
//! goes to the nearest trigger of the sentence, so two events in one sentence keep
//! their own arguments.
//!
//! ```
//! use syria_extract::event::{EventKind, Role};
//! use syria_extract::Extractor;
//!
//! let text = "شنت قوات النظام هجوما على مواقع تنظيم داعش في بادية السخنة.";
//! let doc = Extractor::default().extract(text);
//! let event = &doc.events[0];
//! assert_eq!(event.kind, EventKind::Attack);
//! assert_eq!(event.trigger.text, "هجوما");
//! let roles: Vec<(&str, Option<Role>)> =
//!     event.actors.iter().map(|a| (&*a.id, a.role)).collect();
//! assert_eq!(roles, [("sy-regime-forces", Some(Role::Initiator)), ("isis", Some(Role::Target))]);
//! assert_eq!(event.acled.event_type, "Battles");
//! assert_eq!(event.cameo, "19");
//! ```

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::entity::{Entity, EntityKind, EntityType};
use crate::gazetteer::{ActorKind, Trigger};
use crate::numbers::{is_word_char, next_word, number_at, prev_word};
use crate::time::TimeExpression;

crate::gazetteer::str_enum! {
    /// The kind of an event (design: one kind per ACLED sub-event family).
    EventKind {
        /// Armed clash between two organised groups.
        ArmedClash => "armed_clash",
        /// Attack on a group or on civilians.
        Attack => "attack",
        /// Air or drone strike.
        AirStrike => "air_strike",
        /// Shelling, artillery or missile attack.
        Shelling => "shelling",
        /// Explosion: IED, landmine, car bomb, suicide bomb.
        Explosion => "explosion",
        /// Killing, assassination, a death reported.
        Killing => "killing",
        /// Arrest, detention, arrest campaign, raid.
        Arrest => "arrest",
        /// Abduction, kidnapping, forced disappearance.
        Abduction => "abduction",
        /// Sweep or combing operation.
        SweepOperation => "sweep_operation",
        /// Reinforcements, convoys, troop build-up.
        Reinforcement => "reinforcement",
        /// Withdrawal, evacuation of positions.
        Withdrawal => "withdrawal",
        /// Taking or regaining control of territory.
        TerritorialChange => "territorial_change",
        /// Recruitment.
        Recruitment => "recruitment",
        /// Protest, demonstration, sit-in.
        Protest => "protest",
        /// Looting, property destruction.
        Looting => "looting",
        /// Smuggling.
        Smuggling => "smuggling",
    }
}

crate::gazetteer::str_enum! {
    /// The part an actor plays in an event.
    Role {
        /// Did it: subject of the trigger verb, "من قبل X".
        Initiator => "initiator",
        /// Had it done to them: "ضد X", "على مواقع X", "عناصر من X" as victims.
        Target => "target",
    }
}

crate::gazetteer::str_enum! {
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

impl EventKind {
    /// The ACLED event type and sub-event type of the kind, before the rules that
    /// look at the arguments (civilian targets, who takes territory).
    ///
    /// ```
    /// use syria_extract::event::EventKind;
    /// assert_eq!(EventKind::AirStrike.acled(), ("Explosions/Remote violence", "Air/drone strike"));
    /// ```
    pub fn acled(self) -> (&'static str, &'static str) {
        use EventKind::*;
        match self {
            ArmedClash | Attack => ("Battles", "Armed clash"),
            AirStrike => ("Explosions/Remote violence", "Air/drone strike"),
            Shelling => (
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
            ),
            Explosion => (
                "Explosions/Remote violence",
                "Remote explosive/landmine/IED",
            ),
            Killing => ("Violence against civilians", "Attack"),
            Arrest => ("Strategic developments", "Arrests"),
            Abduction => (
                "Violence against civilians",
                "Abduction/forced disappearance",
            ),
            SweepOperation | Reinforcement | Smuggling => ("Strategic developments", "Other"),
            Withdrawal => (
                "Strategic developments",
                "Non-violent transfer of territory",
            ),
            TerritorialChange => ("Battles", "Non-state actor overtakes territory"),
            Recruitment => ("Strategic developments", "Change to group/activity"),
            Protest => ("Protests", "Peaceful protest"),
            Looting => ("Strategic developments", "Looting/property destruction"),
        }
    }

    /// The CAMEO base code of the kind (its first two digits are the root), or `None`
    /// where CAMEO has no code (recruitment, smuggling).
    ///
    /// ```
    /// use syria_extract::event::EventKind;
    /// assert_eq!(EventKind::Shelling.cameo(), Some("194"));
    /// assert_eq!(EventKind::Smuggling.cameo(), None);
    /// ```
    pub fn cameo(self) -> Option<&'static str> {
        use EventKind::*;
        Some(match self {
            ArmedClash | Attack => "190",
            AirStrike => "195",
            Shelling => "194",
            Explosion => "183",
            Killing | Abduction => {
                if self == Killing {
                    "180"
                } else {
                    "181"
                }
            }
            Arrest => "173",
            SweepOperation => "150",
            Reinforcement => "154",
            Withdrawal => "0874",
            TerritorialChange => "192",
            Protest => "140",
            Looting => "171",
            Recruitment | Smuggling => return None,
        })
    }

    /// Kinds that are violence in themselves: a killing reported in the same sentence
    /// gives them their fatalities.
    pub fn is_violent(self) -> bool {
        use EventKind::*;
        matches!(
            self,
            ArmedClash | Attack | AirStrike | Shelling | Explosion | TerritorialChange
        )
    }
}

/// A span of the original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct Acled {
    /// Event type ("Battles").
    pub event_type: String,
    /// Sub-event type ("Armed clash").
    pub sub_event_type: String,
}

/// A fatality count as the text gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// A trigger found in the text: (normalized span, original span, record).
pub(crate) type TriggerHit<'a> = ((usize, usize), (usize, usize), &'a Trigger);

/// Everything the event stage reads, in both coordinate systems: `n*` are offsets in
/// the normalized text, the others in the original text.
pub(crate) struct Input<'a> {
    pub text: &'a str,
    pub ntext: &'a str,
    pub entities: &'a [Entity],
    /// Normalized spans of `entities`.
    pub entity_spans: &'a [(usize, usize)],
    pub times: &'a [TimeExpression],
    pub time_spans: &'a [(usize, usize)],
    /// Trigger candidates: (normalized span, original span, trigger record).
    pub triggers: Vec<TriggerHit<'a>>,
    /// Sentence ranges of the original text, in order.
    pub sentences: &'a [(usize, usize)],
    /// The original offset of a normalized offset.
    pub to_original: &'a dyn Fn(usize) -> usize,
}

/// The words of the normalized text just before `pos`, nearest first, at most `n`,
/// without crossing punctuation.
fn words_before(text: &str, mut pos: usize, n: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        match prev_word(text, pos) {
            Some((s, e)) => {
                out.push(&text[s..e]);
                pos = s;
            }
            None => break,
        }
    }
    out
}

fn words_after(text: &str, mut pos: usize, n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        match next_word(text, pos) {
            Some((s, e)) => {
                out.push((s, e));
                pos = e;
            }
            None => break,
        }
    }
    out
}

/// A word without one proclitic (و ف ب ل), for comparing with cue lists.
fn stem(word: &str) -> &str {
    for p in ["وب", "ول", "فب", "و", "ف", "ب", "ل"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    word
}

fn starts_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|p| word.starts_with(p))
}

/// Words before an actor that make it the target ("ضد X", "على مواقع X", "عناصر من X").
const TARGET_CUES: &[&str] = &[
    "ضد",
    "مواقع",
    "موقع",
    "نقاط",
    "نقطه",
    "مقرات",
    "مقر",
    "معاقل",
    "تجمعات",
    "مراكز",
    "عناصر",
    "عنصر",
    "جنود",
    "مقاتلي",
    "قياديا",
    "قيادي",
    "استهدف",
    "طال",
    "بحق",
    "مع",
    "دوريه",
    "رتل",
    "حاجز",
    "سياره",
    "اليات",
];

/// Words before an actor that make it the initiator ("من قبل X", "برصاص X", "شنت X").
const INITIATOR_CUES: &[&str] = &[
    "قبل",
    "رصاص",
    "نيران",
    "قصف",
    "غاره",
    "غارات",
    "طايرات",
    "طايره",
    "مسيره",
    "شن",
    "اطلق",
    "بدا",
    "نفذ",
    "قام",
    "تمكن",
    "ارسل",
    "دفع",
    "استقدم",
    "سيطر",
    "اعتقل",
    "داهم",
    "هاجم",
];

/// Words before a trigger that deny it.
const NEGATIONS: &[&str] = &[
    "لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "نفي", "نفت", "ينفي", "تنفي",
];

/// Words before a trigger that make it planned or expected.
const PLANNED: &[&str] = &[
    "المقرر",
    "تعتزم",
    "يعتزم",
    "تخطط",
    "يخطط",
    "تنوي",
    "ينوي",
    "سوف",
    "تستعد",
    "يستعد",
    "تهدد",
    "يهدد",
    "مرتقبه",
    "مرتقب",
    "تحضر",
    "يحضر",
    "لشن",
    "اعتزام",
];

/// Words that make a sentence a claim ("حسب زعم", "بحجة", "تدعي").
const HEDGES: &[&str] = &[
    "زعم",
    "بحجه",
    "حجه",
    "تدعي",
    "يدعي",
    "ادعت",
    "ادعي",
    "ادعاء",
    "مزاعم",
    "المزعوم",
    "المزعومه",
    "تزعم",
    "يزعم",
    "زعمت",
];

/// [`HEDGES`] for lookup: each event checks two dozen words of its clause.
static HEDGE_WORDS: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(HEDGES));

/// A set of words that also finds them under one proclitic ([`stem`]).
///
/// Most words are rejected by their last two letters alone, which a clitic does not
/// change, before any hashing.
struct WordSet {
    words: rustc_hash::FxHashSet<&'static str>,
    /// The last four bytes (two Arabic letters) of each word.
    endings: Vec<[u8; 4]>,
    /// Some word is shorter than four bytes: the ending filter does not apply.
    short: bool,
}

impl WordSet {
    fn new(words: &[&'static str]) -> WordSet {
        let mut endings: Vec<[u8; 4]> = words.iter().filter_map(|w| ending(w)).collect();
        endings.sort_unstable();
        endings.dedup();
        WordSet {
            words: words.iter().copied().collect(),
            endings,
            short: words.iter().any(|w| w.len() < 4),
        }
    }

    /// Whether `word`, or `word` without one proclitic, is in the set.
    fn holds(&self, word: &str) -> bool {
        if !self.short && ending(word).is_none_or(|e| !self.endings.contains(&e)) {
            return false;
        }
        self.words.contains(word) || self.words.contains(stem(word))
    }
}

fn ending(word: &str) -> Option<[u8; 4]> {
    let bytes = word.as_bytes();
    bytes.get(bytes.len().checked_sub(4)?..)?.try_into().ok()
}

/// Person nouns a fatality number counts.
const PERSONS: &[&str] = &[
    "عنصر",
    "عناصر",
    "جندي",
    "جنود",
    "مدني",
    "شخص",
    "اشخاص",
    "مقاتل",
    "شاب",
    "شبان",
    "طفل",
    "اطفال",
    "امراه",
    "نساء",
    "رجل",
    "رجال",
    "ضابط",
    "ضباط",
    "قيادي",
    "مسلح",
    "عسكري",
    "مواطن",
    "قتيل",
    "قتلي",
    "سايق",
    "فرد",
    "افراد",
    "منهم",
    "من",
];

/// Dual person nouns: the number is in the noun ("مقتل عنصرين").
const DUALS: &[&str] = &[
    "عنصران",
    "جنديان",
    "شخصان",
    "طفلان",
    "شابان",
    "رجلان",
    "ضابطان",
    "مواطنان",
    "مسلحان",
    "شقيقان",
    "عنصرين",
    "جنديين",
    "شخصين",
    "طفلين",
    "شابين",
    "رجلين",
    "ضابطين",
    "امراتين",
    "شقيقين",
    "مواطنين",
    "مسلحين",
];

/// Singular person nouns directly after a killing trigger: one person ("مقتل شاب").
const SINGLES: &[&str] = &[
    "عنصر",
    "جندي",
    "شاب",
    "طفل",
    "مدني",
    "شخص",
    "رجل",
    "امراه",
    "طفله",
    "ضابط",
    "قيادي",
    "مقاتل",
    "سايق",
    "مواطن",
    "مسلح",
];

pub(crate) fn build(input: &Input<'_>) -> Vec<Event> {
    let ntext = input.ntext;
    let mut events: Vec<Event> = Vec::new();
    // (sentence index, normalized trigger span) of each event, for argument assignment.
    let mut placed: Vec<(usize, (usize, usize), Option<Role>)> = Vec::new();
    for &(nspan, span, trigger) in &input.triggers {
        if !trigger.requires.is_empty() {
            let ok = words_after(ntext, nspan.1, 3).iter().any(|&(s, e)| {
                let word = stem(&ntext[s..e]);
                trigger
                    .requires
                    .iter()
                    .any(|p| word.starts_with(p.as_str()))
            });
            if !ok {
                continue;
            }
        }
        let sentence = sentence_of(input.sentences, span.0);
        // One event written with two trigger words ("انفجرت عبوة ناسفة", "لقي شاب
        // مصرعه"): a trigger of the same kind at most five words after the previous
        // one in the sentence belongs to it.
        if let (Some(&(s, prev, _)), Some(last)) = (placed.last(), events.last()) {
            // A generic attack verb right after a violent event describes it:
            // "انفجار عبوة ناسفة استهدف قوات النظام".
            let same = last.kind == trigger.kind
                || (last.kind.is_violent() && trigger.kind == EventKind::Attack);
            let close = s == sentence
                && same
                && words_after(ntext, prev.1, 5)
                    .iter()
                    .any(|w| w.0 <= nspan.0 && nspan.0 < w.1);
            if close {
                continue;
            }
        }
        let (ss, se) = input
            .sentences
            .get(sentence)
            .copied()
            .unwrap_or((0, input.text.len()));
        let before = words_before(ntext, nspan.0, 4);
        let modality = if before.iter().any(|w| NEGATIONS.contains(w)) {
            Modality::Negated
        } else if before
            .iter()
            .any(|w| PLANNED.contains(&stem(w)) || PLANNED.contains(w))
        {
            Modality::Planned
        } else {
            Modality::Asserted
        };
        let (acled, cameo, cameo_code) = codes(
            trigger.kind,
            trigger.sub_event.as_deref(),
            trigger.cameo.as_deref(),
        );
        events.push(Event {
            kind: trigger.kind,
            trigger: Span {
                start: span.0,
                end: span.1,
                text: input
                    .text
                    .get(span.0..span.1)
                    .unwrap_or_default()
                    .to_string(),
            },
            trigger_id: trigger.id.clone(),
            actors: Vec::new(),
            locations: Vec::new(),
            time: None,
            fatalities: None,
            fatality_count: None,
            source: None,
            claimed: false,
            modality,
            sentence: Span {
                start: ss,
                end: se,
                text: String::new(),
            },
            part_of: None,
            acled,
            cameo,
            cameo_code,
        });
        placed.push((sentence, nspan, trigger.after));
    }
    if events.is_empty() {
        return events;
    }
    // Triggers are in text order and do not overlap, so the nearest one is a
    // neighbour of the insertion point: a binary search keeps a megabyte-long sentence
    // full of names linear.
    let nearest = |sentence: usize, at: (usize, usize)| -> Option<usize> {
        // Arabic news puts an event's arguments after its trigger, so the trigger
        // before a mention wins; a mention before the sentence's first trigger (the
        // subject of "قوات النظام قصفت") goes to that trigger.
        let i = placed.partition_point(|(_, t, _)| t.0 < at.0);
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .find(|&k| placed.get(k).is_some_and(|(s, _, _)| *s == sentence))
    };
    // Actors and places: each to the nearest trigger of its sentence.
    let mut sentence_places: Vec<Vec<usize>> = vec![Vec::new(); input.sentences.len().max(1)];
    let mut sentence_sources: Vec<Option<usize>> = vec![None; input.sentences.len().max(1)];
    for (i, (entity, &nspan)) in input.entities.iter().zip(input.entity_spans).enumerate() {
        let sentence = sentence_of(input.sentences, entity.start);
        match entity.kind {
            EntityKind::Source => {
                if let Some(slot) = sentence_sources.get_mut(sentence) {
                    slot.get_or_insert(i);
                }
            }
            EntityKind::Location => {
                if let Some(list) = sentence_places.get_mut(sentence) {
                    list.push(i);
                }
                if let Some(e) = nearest(sentence, nspan) {
                    events[e].locations.push(argument(entity));
                }
            }
            EntityKind::Actor => {
                if let Some(e) = nearest(sentence, nspan) {
                    let (_, tspan, after) = placed[e];
                    let role = role_of(ntext, nspan, tspan, after);
                    let actor_type = match entity.entity_type {
                        EntityType::Actor(k) => k,
                        _ => ActorKind::UnidentifiedArmedGroup,
                    };
                    events[e].actors.push(EventActor {
                        role,
                        id: entity.id.clone(),
                        name: entity.name.clone(),
                        actor_type,
                        start: entity.start,
                        end: entity.end,
                    });
                }
            }
        }
    }
    for (i, event) in events.iter_mut().enumerate() {
        let (sentence, nspan, _) = placed[i];
        if event.locations.is_empty() {
            // A place of the sentence that went to another event still locates this
            // one: "قصفت ... بلدة X ما أدى إلى مقتل ...".
            if let Some(list) = sentence_places.get(sentence) {
                let k = list.partition_point(|&j| input.entity_spans[j].0 < nspan.0);
                let near = [k.checked_sub(1), Some(k)]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| list.get(k).copied())
                    .min_by_key(|&j| distance(input.entity_spans[j], nspan));
                if let Some(j) = near {
                    event.locations.push(argument(&input.entities[j]));
                }
            }
        }
        if let Some(j) = sentence_sources.get(sentence).copied().flatten() {
            event.source = Some(argument(&input.entities[j]));
        }
        // The nearest time of the sentence; a duration only when there is nothing else.
        let (ss, se) = (event.sentence.start, event.sentence.end);
        // The two times on either side of the trigger (times are in text order).
        let k = input.time_spans.partition_point(|t| t.0 < nspan.0);
        let time = (k.saturating_sub(2)..(k + 2).min(input.times.len()))
            .map(|j| (&input.times[j], &input.time_spans[j]))
            .filter(|(t, _)| t.start >= ss && t.end <= se)
            .min_by_key(|(t, span)| {
                (
                    t.kind == crate::time::TimeKind::Duration,
                    distance(**span, nspan),
                )
            });
        event.time = time.map(|(t, _)| t.clone());
        event.claimed = clause_has(ntext, nspan, |w| HEDGE_WORDS.holds(w));
        if event.kind == EventKind::Killing {
            if let Some(n) = fatalities(ntext, nspan) {
                let start = (input.to_original)(n.start);
                let end = (input.to_original)(n.end).max(start);
                event.fatalities = Some(n.value);
                event.fatality_count = Some(Count {
                    value: n.value,
                    at_least: n.at_least,
                    start,
                    end,
                    text: input.text.get(start..end).unwrap_or_default().to_string(),
                });
            }
        }
    }
    // A killing in the sentence of a violent event is that event's outcome.
    for i in 0..events.len() {
        if events[i].kind != EventKind::Killing {
            continue;
        }
        let (sentence, nspan, _) = placed[i];
        // Up to four events either side: enough for any real sentence, and bounded.
        let parent = (i.saturating_sub(4)..(i + 5).min(placed.len()))
            .filter(|&j| placed[j].0 == sentence && events[j].kind.is_violent())
            .min_by_key(|&j| distance(placed[j].1, nspan));
        if let Some(j) = parent {
            events[i].part_of = Some(j);
            if events[j].fatalities.is_none() {
                events[j].fatalities = events[i].fatalities;
                events[j].fatality_count = events[i].fatality_count.clone();
            }
        }
    }
    for event in &mut events {
        if event.kind == EventKind::Shelling && flown_by_aircraft(input.text, event) {
            retype(event, EventKind::AirStrike);
        }
        code_by_arguments(event);
    }
    events
}

/// Words of an actor mention that name aircraft, as normalized stems (ئ is folded to
/// ي): "الطائرات الحربية الروسية", "الطيران الحربي", "المروحيات", "طائرة مسيرة".
const AIRCRAFT: &[&str] = &["طاير", "طيران", "مروحي", "مقاتلات", "مسير"];

/// Whether an actor that is not the target of a shelling is named as aircraft: "قصفت
/// الطائرات" is a trigger of its own, but the subject also comes first ("وكانت
/// الطائرات الحربية الروسية قد قصفت"), and then only the actor shows it.
fn flown_by_aircraft(text: &str, event: &Event) -> bool {
    event
        .actors
        .iter()
        .filter(|a| a.role != Some(Role::Target))
        .any(|a| {
            let mention = text.get(a.start..a.end).unwrap_or_default();
            let mention = crate::normalize::normalize_str(mention);
            AIRCRAFT.iter().any(|w| mention.contains(w))
        })
}

/// The ACLED types and the CAMEO root and code of an event of `kind`, with the
/// trigger's own sub-event type and CAMEO code where it has them.
fn codes(kind: EventKind, sub_event: Option<&str>, cameo: Option<&str>) -> (Acled, String, String) {
    let (event_type, sub_event_type) = kind.acled();
    let acled = Acled {
        event_type: event_type.to_string(),
        sub_event_type: sub_event.unwrap_or(sub_event_type).to_string(),
    };
    let cameo_code = cameo.or(kind.cameo()).unwrap_or_default().to_string();
    let root = cameo_code.get(..2).unwrap_or_default().to_string();
    (acled, root, cameo_code)
}

/// Gives `event` another kind, with that kind's ACLED and CAMEO codes.
fn retype(event: &mut Event, kind: EventKind) {
    event.kind = kind;
    (event.acled, event.cameo, event.cameo_code) = codes(kind, None, None);
}

/// Whether a word of the clause around the trigger (up to 12 words either side,
/// stopping at punctuation that ends a sentence) satisfies `pred`.
fn clause_has(ntext: &str, nspan: (usize, usize), pred: impl Fn(&str) -> bool) -> bool {
    const WORDS: usize = 12;
    let before = ntext.get(..nspan.0).unwrap_or_default();
    let after = ntext.get(nspan.1..).unwrap_or_default();
    clause_side(before, before.char_indices().rev())
        .take(WORDS)
        .any(&pred)
        || clause_side(after, after.char_indices())
            .take(WORDS)
            .any(&pred)
}

/// The words of `text` in the order `chars` walks it (forward or backward), up to the
/// first character a clause does not cross. Words are maximal runs of letters and
/// digits; one pass over the characters.
fn clause_side<'a>(
    text: &'a str,
    mut chars: impl Iterator<Item = (usize, char)> + 'a,
) -> impl Iterator<Item = &'a str> + 'a {
    let mut stopped = false;
    std::iter::from_fn(move || {
        // The span of the word being read, whichever way the walk goes.
        let mut word: Option<(usize, usize)> = None;
        while !stopped {
            let Some((i, c)) = chars.next() else {
                stopped = true;
                break;
            };
            if is_word_char(c) {
                let (lo, hi) = word.get_or_insert((i, i + c.len_utf8()));
                *lo = (*lo).min(i);
                *hi = (*hi).max(i + c.len_utf8());
                continue;
            }
            stopped = is_stop(c);
            if word.is_some() {
                break;
            }
        }
        word.map(|(lo, hi)| &text[lo..hi])
    })
}

/// Characters a clause does not cross: every character after which a sentence may
/// end, so a clause stays inside its sentence.
fn is_stop(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '؟'
            | '؛'
            | ';'
            | '\n'
            | '\r'
            | '\u{85}'
            | '\u{61D}'
            | '\u{61E}'
            | '۔'
            | '\u{2024}'
            | '‼'
            | '‽'
            | '⁇'
            | '⁈'
            | '⁉'
            | '\u{2028}'
            | '\u{2029}'
            | '。'
            | '！'
            | '？'
    )
}

fn argument(e: &Entity) -> EventArgument {
    EventArgument {
        id: e.id.clone(),
        name: e.name.clone(),
        start: e.start,
        end: e.end,
    }
}

fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    // Zero when the spans overlap.
    b.0.saturating_sub(a.1).max(a.0.saturating_sub(b.1))
}

/// The index of the sentence holding `pos`, or `usize::MAX` when none does (white
/// space between sentences, or a paragraph without triggers, which is not segmented).
fn sentence_of(sentences: &[(usize, usize)], pos: usize) -> usize {
    let i = sentences.partition_point(|&(_, end)| end <= pos);
    match sentences.get(i) {
        Some(&(start, _)) if start <= pos => i,
        _ => usize::MAX,
    }
}

/// The role of an actor at `actor` relative to a trigger at `trigger`.
fn role_of(
    ntext: &str,
    actor: (usize, usize),
    trigger: (usize, usize),
    after: Option<Role>,
) -> Option<Role> {
    // Cue words stand before the whole word, clitics included ("مواقع لهيئة").
    let word_start = ntext
        .get(..actor.0)
        .and_then(|t| {
            t.char_indices()
                .rev()
                .take(5)
                .find(|(_, c)| !is_word_char(*c))
        })
        .map_or(actor.0, |(i, c)| i + c.len_utf8());
    let before = words_before(ntext, word_start, 2);
    let first = before.first().map(|w| stem(w)).unwrap_or("");
    let second = before.get(1).map(|w| stem(w)).unwrap_or("");
    // "من قبل X"
    if first == "قبل" && second == "من" {
        return Some(Role::Initiator);
    }
    // "عناصر من X", "على مواقع X"
    if starts_any(first, TARGET_CUES) || (first == "من" && starts_any(second, TARGET_CUES)) {
        return Some(Role::Target);
    }
    if starts_any(first, INITIATOR_CUES) {
        return Some(Role::Initiator);
    }
    // Right after the trigger: the trigger says (قصفت X: subject; مقتل X: victim).
    if trigger.1 <= actor.0 && next_word(ntext, trigger.1).is_some_and(|(s, _)| s == actor.0) {
        return after;
    }
    // Right before a verb trigger whose subject would follow: "قوات النظام قصفت".
    if actor.1 <= trigger.0
        && after == Some(Role::Initiator)
        && next_word(ntext, actor.1).is_some_and(|(s, _)| s == trigger.0)
    {
        return Some(Role::Initiator);
    }
    None
}

/// A fatality count after a killing trigger: "مقتل 10 من عناصر", "قتل 18 عنصرا",
/// "مقتل عنصرين", "لقي عدد من عناصر", or just before it: "5 قتلى".
fn fatalities(ntext: &str, trigger: (usize, usize)) -> Option<crate::numbers::Number> {
    let words = words_after(ntext, trigger.1, 5);
    for (k, &(s, e)) in words.iter().enumerate() {
        let word = &ntext[s..e];
        if DUALS.contains(&word) {
            return Some(crate::numbers::Number {
                value: 2,
                at_least: false,
                start: s,
                end: e,
            });
        }
        if k == 0 && SINGLES.contains(&word) {
            return Some(crate::numbers::Number {
                value: 1,
                at_least: false,
                start: s,
                end: e,
            });
        }
        if let Some(n) = number_at(ntext, s) {
            let noun = next_word(ntext, n.end).map(|(a, b)| &ntext[a..b]);
            // "المدنيين", "لعناصر": the noun without clitics and article.
            let bare = noun.map(|w| {
                let w = stem(w);
                w.strip_prefix("ال").unwrap_or(w)
            });
            if bare.is_some_and(|w| starts_any(w, PERSONS)) {
                return Some(n);
            }
        }
    }
    let (ps, _) = prev_word(ntext, trigger.0)?;
    let n = number_at(ntext, ps)?;
    (n.end <= trigger.0).then_some(n)
}

/// ACLED and CAMEO rules that depend on the arguments.
fn code_by_arguments(event: &mut Event) {
    let on_civilians = event
        .actors
        .iter()
        .any(|a| a.role == Some(Role::Target) && a.actor_type == ActorKind::Civilians);
    if on_civilians && matches!(event.kind, EventKind::Attack | EventKind::Killing) {
        event.acled = Acled {
            event_type: "Violence against civilians".to_string(),
            sub_event_type: "Attack".to_string(),
        };
        if event.kind == EventKind::Attack {
            event.cameo_code = "180".to_string();
            event.cameo = "18".to_string();
        }
    }
    if event.kind == EventKind::TerritorialChange {
        let by_state = event
            .actors
            .iter()
            .any(|a| a.role == Some(Role::Initiator) && a.actor_type == ActorKind::StateForces);
        if by_state {
            event.acled.sub_event_type = "Government regains territory".to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A listed word that normalization changes can never match normalized text.
    #[test]
    fn word_lists_are_normalized() {
        let lists: &[(&str, &[&str])] = &[
            ("TARGET_CUES", TARGET_CUES),
            ("INITIATOR_CUES", INITIATOR_CUES),
            ("NEGATIONS", NEGATIONS),
            ("PLANNED", PLANNED),
            ("HEDGES", HEDGES),
            ("PERSONS", PERSONS),
            ("DUALS", DUALS),
            ("SINGLES", SINGLES),
            ("AIRCRAFT", AIRCRAFT),
        ];
        for (name, words) in lists {
            for w in *words {
                assert_eq!(crate::normalize::normalize_str(w), *w, "{name}: {w}");
            }
        }
    }
}
