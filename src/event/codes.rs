//! ACLED and CAMEO codes: per kind, and the rules that recode an event by its
//! arguments (civilian targets, who takes territory) or by who carried it out
//! (aircraft).

use std::borrow::Cow;

use super::types::{Acled, Event};
use super::{Input, Placed};
use crate::kinds::{ActorKind, EventKind, Role};
use crate::lexicon::{Lexicon, WordClass};
use crate::text::words::SPACED;

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

/// How many words after an attack or shelling trigger may say it came from the air.
const AIR_WORDS: usize = 3;

/// The recoding phase, kinds from context:
/// - an attack or a shelling carried out by aircraft (an actor named so, or an air
///   word right after the trigger: "قصف إسرائيلي", "استهدفت طائرات حربية روسية") is
///   an air strike;
/// - a raid with no arrest in its sentence or the next is a sweep ("داهمت ... منازل"
///   without "اعتقلت");
/// - a killing of fighters (an armed actor its target) is fighting, coded as the
///   battle it is part of, not violence against civilians;
///
/// and the ACLED types that depend on the arguments are set.
pub(super) fn recode(input: &Input<'_>, events: &mut [Event], placed: &[Placed]) {
    let lex = input.lex;
    for (event, p) in events.iter_mut().zip(placed) {
        let from_the_air = flown_by_aircraft(input.text, event, lex)
            || SPACED
                .after(input.ntext, p.nspan.1, AIR_WORDS)
                .iter()
                .any(|&(s, e)| lex.holds(WordClass::AirStrikeWord, &input.ntext[s..e]));
        if matches!(event.kind, EventKind::Shelling | EventKind::Attack) && from_the_air {
            retype(event, EventKind::AirStrike);
        }
        if event.kind == EventKind::Arrest && only_a_raid(input, event, p) {
            retype(event, EventKind::SweepOperation);
        }
        code_by_arguments(event);
    }
    for i in 0..events.len() {
        if events[i].kind != EventKind::Killing {
            continue;
        }
        let parent = events[i]
            .part_of
            .and_then(|j| events.get(j))
            .map(|e| e.acled.clone());
        let fighters = events[i]
            .actors
            .iter()
            .any(|a| a.role == Some(Role::Target) && a.actor_type != ActorKind::Civilians)
            && !events[i]
                .actors
                .iter()
                .any(|a| a.role == Some(Role::Target) && a.actor_type == ActorKind::Civilians);
        match parent {
            // The killing is counted by the event that caused it: the same codes.
            Some(acled) if fighters => events[i].acled = acled,
            None if fighters => {
                events[i].acled = Acled {
                    event_type: Cow::Borrowed("Battles"),
                    sub_event_type: Cow::Borrowed("Armed clash"),
                };
            }
            _ => {}
        }
    }
}

/// Whether an arrest event was told only by raid words: no arrest word stands beside
/// them in its sentence or the next.
fn only_a_raid(input: &Input<'_>, event: &Event, p: &Placed) -> bool {
    let lex = input.lex;
    let trigger = &input.ntext[p.nspan.0..p.nspan.1];
    if !trigger
        .split(' ')
        .any(|w| lex.holds(WordClass::RaidWord, w))
    {
        return false;
    }
    if event.trigger_words.iter().any(|w| {
        let n = crate::normalize::normalize_str(&w.text);
        n.split(' ').any(|x| lex.holds(WordClass::ArrestWord, x))
    }) {
        return false;
    }
    // The arrests a raid made are told in its sentence or the next ("... حملة
    // مداهمات. وقالت مصادر إن القوات اعتقلت سبعة أشخاص").
    let end = input
        .sentences
        .get(p.sentence + 1)
        .map_or(event.sentence.end, |s| s.1);
    let text = input
        .text
        .get(event.sentence.start..end)
        .unwrap_or_default();
    let text = crate::normalize::normalize_str(text);
    !text
        .split(|c: char| !crate::text::words::is_word_char(c))
        .any(|w| lex.holds(WordClass::ArrestWord, w))
}

/// Whether an actor that is not the target of a shelling is named as aircraft: "قصفت
/// الطائرات" is a trigger of its own, but the subject also comes first ("وكانت
/// الطائرات الحربية الروسية قد قصفت"), and then only the actor shows it.
fn flown_by_aircraft(text: &str, event: &Event, lex: &Lexicon) -> bool {
    event
        .actors
        .iter()
        .filter(|a| a.role != Some(Role::Target))
        .any(|a| {
            let mention = text.get(a.start..a.end).unwrap_or_default();
            let mention = crate::normalize::normalize_str(mention);
            lex.words(WordClass::Aircraft)
                .any(|w| mention.contains(w.word.as_str()))
        })
}

/// The ACLED types and the CAMEO root and code of an event of `kind`, with the
/// trigger's own sub-event type and CAMEO code where it has them. The kind's codes are
/// borrowed from the tables above, so most events allocate nothing here.
pub(super) fn codes(
    kind: EventKind,
    sub_event: Option<&str>,
    cameo: Option<&str>,
) -> (Acled, Cow<'static, str>, Cow<'static, str>) {
    let (event_type, sub_event_type) = kind.acled();
    let acled = Acled {
        event_type: Cow::Borrowed(event_type),
        sub_event_type: match sub_event {
            Some(own) => Cow::Owned(own.to_string()),
            None => Cow::Borrowed(sub_event_type),
        },
    };
    let cameo_code: Cow<'static, str> = match cameo {
        Some(own) => Cow::Owned(own.to_string()),
        None => Cow::Borrowed(kind.cameo().unwrap_or_default()),
    };
    (acled, cameo_root(&cameo_code), cameo_code)
}

/// The first two digits of a CAMEO code, borrowed from a table of all of them.
fn cameo_root(code: &str) -> Cow<'static, str> {
    const ROOTS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
    match *code.as_bytes() {
        [tens @ b'0'..=b'9', units @ b'0'..=b'9', ..] => {
            let n = usize::from(tens - b'0') * 10 + usize::from(units - b'0');
            Cow::Borrowed(&ROOTS[2 * n..2 * n + 2])
        }
        // No code (recruitment, smuggling): empty, which allocates nothing.
        _ => Cow::Owned(code.get(..2).unwrap_or_default().to_string()),
    }
}

/// Gives `event` another kind, with that kind's ACLED and CAMEO codes.
fn retype(event: &mut Event, kind: EventKind) {
    event.kind = kind;
    (event.acled, event.cameo, event.cameo_code) = codes(kind, None, None);
}

/// ACLED and CAMEO rules that depend on the arguments.
fn code_by_arguments(event: &mut Event) {
    let on_civilians = event
        .actors
        .iter()
        .any(|a| a.role == Some(Role::Target) && a.actor_type == ActorKind::Civilians);
    if on_civilians && matches!(event.kind, EventKind::Attack | EventKind::Killing) {
        event.acled = Acled {
            event_type: Cow::Borrowed("Violence against civilians"),
            sub_event_type: Cow::Borrowed("Attack"),
        };
        if event.kind == EventKind::Attack {
            event.cameo_code = Cow::Borrowed("180");
            event.cameo = Cow::Borrowed("18");
        }
    }
    if event.kind == EventKind::TerritorialChange {
        let by_state = event
            .actors
            .iter()
            .any(|a| a.role == Some(Role::Initiator) && a.actor_type == ActorKind::StateForces);
        if by_state {
            event.acled.sub_event_type = Cow::Borrowed("Government regains territory");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::kinds::EventKind::{self, *};
    use crate::Extractor;

    #[test]
    fn kinds_from_context() {
        // (text, the first event's kind and ACLED event type)
        let rows: &[(&str, EventKind, &str)] = &[
            // From the air: named aircraft or drones, an air word after the trigger.
            (
                "استهدفت طائرات حربية روسية بلدة كنصفرة.",
                AirStrike,
                "Explosions/Remote violence",
            ),
            (
                "قصف إسرائيلي على محيط مطار دمشق الدولي.",
                AirStrike,
                "Explosions/Remote violence",
            ),
            (
                "هجوم بطائرة مسيرة تركية على مواقع قسد.",
                AirStrike,
                "Explosions/Remote violence",
            ),
            (
                "قصفت قوات النظام بلدة كفرنبل.",
                Shelling,
                "Explosions/Remote violence",
            ),
            // Fighters killed in fighting: a battle; civilians: violence against them.
            ("مقتل عنصرين من قوات النظام في البادية.", Killing, "Battles"),
            (
                "مقتل ثلاثة مدنيين برصاص قناص في درعا.",
                Killing,
                "Violence against civilians",
            ),
            // A raid with arrests is an arrest, without them a sweep.
            (
                "داهمت قوات النظام منازل في جاسم واعتقلت شابين.",
                Arrest,
                "Strategic developments",
            ),
            (
                "داهمت قوات النظام منازل في بلدة جاسم.",
                SweepOperation,
                "Strategic developments",
            ),
        ];
        let ex = Extractor::default();
        for (text, kind, acled) in rows {
            let doc = ex.extract(*text);
            let e = &doc.events[0];
            assert_eq!((e.kind, &*e.acled.event_type), (*kind, *acled), "{text}");
        }
        // A killing caused by a shelling is coded like it.
        let doc = ex
            .extract("قصفت قوات النظام مواقع الفصائل ما أدى إلى مقتل ثلاثة عناصر من الجيش الوطني.");
        let killing = doc.events.iter().find(|e| e.kind == Killing).unwrap();
        assert_eq!(killing.acled.event_type, "Explosions/Remote violence");
    }
}
