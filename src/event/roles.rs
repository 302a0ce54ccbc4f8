//! Who did what to whom: the event an actor mention takes part in and its role, read
//! from the clause (see [`clause`](super::clause) for the governing word).
//!
//! - Verb–subject–object: the actor right after a verb trigger whose subject follows
//!   (`after` = initiator), quantities and member heads allowed between ("هاجم عناصر
//!   من تنظيم داعش"), is the initiator; after a noun whose complement is the victim
//!   (`after` = target: "مقتل 5 عناصر من X") the target, unless "لـ Y" follows
//!   ("استهداف التحالف لمواقع داعش": the first is the agent).
//! - Killing verbs that are active or passive alike ("قتل"): a count before the actor
//!   makes it the victim ("قتل 5 عناصر من X"), an object after it the killer.
//! - Subject–verb: an actor that opens its clause (or stands after "أن", "كما") with a
//!   trigger a few words on is that trigger's subject: the initiator ("قوات النظام
//!   تقصف", "X شنت هجوما"), the target when the verb says so ("X تعرضت لهجوم").
//! - Cue words ("برصاص", "على يد", "ضد", "على مواقع", "أصيب", "شنت") give the role.
//! - "بين X و Y" and "مع Y" name the two sides of a clash: X initiator (ACLED actor 1),
//!   Y target (actor 2); other coordinated actors share the role of the first.
//! - Control, patronage, charges and reporting ("الخاضعة لسيطرة X", "المدعوم من X",
//!   "بتهمة الانتماء لـ X", "قالت X") name an actor that takes no part: it is left out.
//! - A protest's subjects are its initiators.

use super::clause::{self, Governor, Predicate};
use super::types::Event;
use super::{sentence_of, Input, Placed};
use crate::entity::{EntityKind, EntityType};
use crate::kinds::{ActorKind, EventKind, Role};

/// The part an actor mention takes: the event (an index into the events) and its
/// role, with the governor for the second pass; `None` when it takes no part.
pub(super) struct Part {
    pub event: usize,
    pub role: Option<Role>,
    pub governor: Governor,
}

/// The part of the actor entity `entity` (an index into the input's entities).
pub(super) fn part(input: &Input<'_>, placed: &[Placed], entity: usize) -> Option<Part> {
    let ntext = input.ntext;
    let lex = input.lex;
    let nspan = input.entity_spans[entity];
    let e = &input.entities[entity];
    let sentence = sentence_of(input.sentences, e.start);
    // The sentence's events, by their place in `placed` (in text order).
    let first = placed.partition_point(|p| p.sentence < sentence);
    let last = placed.partition_point(|p| p.sentence <= sentence);
    if first == last {
        return None;
    }
    // Triggers are in text order and do not overlap: the one that can overlap a
    // span is the last one starting before its end (a binary search, so a sentence
    // full of triggers stays linear).
    let trigger_at = |(s, t): (usize, usize)| {
        let k = placed[first..last].partition_point(|p| p.nspan.0 < t) + first;
        (k > first && s < placed[k - 1].nspan.1).then(|| k - 1)
    };
    // A word of a longer trigger ("انتحاري" in "هجوم انتحاري") tells how, not who.
    if let Some(k) = trigger_at(nspan) {
        let t = placed[k].nspan;
        if t.0 <= nspan.0 && nspan.1 <= t.1 && t != nspan {
            return None;
        }
    }
    let (word_start, prefix) = clause::clitics_before(ntext, nspan.0);
    let in_time = |(s, t): (usize, usize)| {
        let k = input.time_spans.partition_point(|x| x.1 <= s);
        input
            .time_spans
            .get(k)
            .is_some_and(|x| x.0 <= s && t <= x.1)
    };
    let mut governor = clause::governor(ntext, word_start, lex, trigger_at, in_time);
    // "X وY": joined to an actor that ends right before the conjunction.
    let joined = clause::has_and(prefix) && actor_ends_near(input, word_start);
    if joined && !matches!(governor, Governor::Trigger { .. }) {
        governor = Governor::And;
    }
    // The trigger before the mention, else the first one after it.
    let k = placed[first..last].partition_point(|p| p.nspan.0 < nspan.0) + first;
    let before = (k > first).then(|| k - 1);
    let after = (k < last).then_some(k);
    let nearest = before.or(after)?;
    let civilian = matches!(e.entity_type, EntityType::Actor(ActorKind::Civilians));
    // A subject before its verb: the trigger a few words on.
    let subject_of = |lead: bool| -> Option<(usize, Option<Role>)> {
        let next = after?;
        let p = &placed[next];
        let predicate = clause::predicate_between(ntext, nspan.1, p.nspan.0, lex)?;
        // The few entities between the actor and the verb (at most four words).
        let from = input.entity_spans.partition_point(|s| s.0 < nspan.1);
        let no_actor_between = !input.entity_spans[from..]
            .iter()
            .zip(&input.entities[from..])
            .take_while(|(s, _)| s.0 < p.nspan.0)
            .take(SUBJECT_ENTITIES)
            .any(|(s, x)| x.kind == EntityKind::Actor && s.1 <= p.nspan.0);
        if !no_actor_between {
            return None;
        }
        let role = match predicate {
            Predicate::Victim => Some(Role::Target),
            Predicate::Light => Some(Role::Initiator),
            Predicate::Plain => match p.after {
                Some(Role::Initiator) => Some(Role::Initiator),
                Some(Role::Target) => None,
                // "28 شخصا قتلوا": a count makes the subject the victims.
                None if lead => Some(Role::Target),
                None => Some(Role::Initiator),
            },
        };
        Some((next, role))
    };
    let (event, role) = match governor {
        Governor::Outside => return None,
        Governor::Cue(role) => (nearest, Some(role)),
        Governor::Between => (nearest, Some(Role::Initiator)),
        Governor::Trigger { event, lead } => {
            let p = &placed[event];
            let restating = event > first
                && p.kind == EventKind::Attack
                && placed[event - 1].kind != EventKind::Attack
                && placed[event - 1].kind.is_violent();
            let trigger_word = &ntext[p.nspan.0..p.nspan.1];
            let role = match p.after {
                // "انفجار ... استهدف X": the verb restates the event; X is its object.
                _ if restating => Role::Target,
                // A protest's own verbs: the protesters do, the others are done to.
                None if p.kind == EventKind::Protest => {
                    if civilian {
                        Role::Initiator
                    } else {
                        Role::Target
                    }
                }
                // A verb marked plural ("هاجموا") has its subject before it: the
                // noun after it is its object.
                Some(Role::Initiator) if clause::subject_in_verb(trigger_word) => Role::Target,
                Some(Role::Initiator) => Role::Initiator,
                Some(Role::Target) if !lead && clause::lam_follows(ntext, nspan.1) => {
                    Role::Initiator
                }
                Some(Role::Target) => Role::Target,
                None if lead => Role::Target,
                None if clause::object_follows(ntext, nspan.1, lex) && !civilian => Role::Initiator,
                None => Role::Target,
            };
            (event, Some(role))
        }
        Governor::Free { .. } | Governor::Other | Governor::And => {
            let free = !matches!(governor, Governor::Other);
            let lead = matches!(governor, Governor::Free { lead: true });
            match subject_of(lead).filter(|_| free) {
                Some(found) => found,
                // "13 شخصا أصيبوا": the victims of the nearest event.
                None if clause::victim_verb_follows(ntext, nspan.1, lex) => {
                    (nearest, Some(Role::Target))
                }
                None => {
                    let protest = placed[nearest].kind == EventKind::Protest;
                    (
                        nearest,
                        (protest && (free || civilian)).then_some(Role::Initiator),
                    )
                }
            }
        }
    };
    Some(Part {
        event,
        role,
        governor,
    })
}

/// How many entities between a subject and its verb are looked at (the gap is four
/// words at most).
const SUBJECT_ENTITIES: usize = 8;

/// How many bytes may separate two actors joined by "و" ("X وY", "X و Y").
const JOIN_GAP: usize = 12;
/// ... the two sides of a clash ("بين X من جهة وY").
const BETWEEN_GAP: usize = 48;

/// Whether an actor mention ends within `JOIN_GAP` bytes before `pos` (normalized).
fn actor_ends_near(input: &Input<'_>, pos: usize) -> bool {
    let k = input.entity_spans.partition_point(|s| s.0 < pos);
    input.entity_spans[..k]
        .iter()
        .zip(input.entities)
        .rev()
        .take(4)
        .any(|(s, e)| e.kind == EntityKind::Actor && s.1 <= pos && pos - s.1 <= JOIN_GAP)
}

/// The second pass over one event's actors, in text order with their governors:
/// an actor joined by "و" to the one before takes its role ("X وY" share it; in
/// "بين X وY" the second is the other side); after a verb whose subject the trigger
/// governs, a later actor that nothing else governs is its object ("اغتالت وحدة
/// إسرائيلية أمس ناشطا").
pub(super) fn coordinate(event: &mut Event, governors: &[Governor]) {
    let subject = event.actors.iter().zip(governors).position(|(a, g)| {
        a.role == Some(Role::Initiator) && matches!(g, Governor::Trigger { lead: false, .. })
    });
    if let Some(k) = subject {
        let trigger_end = event.trigger.end;
        for (a, g) in event.actors.iter_mut().zip(governors).skip(k + 1) {
            if a.role.is_none() && a.start >= trigger_end && *g == Governor::Other {
                a.role = Some(Role::Target);
            }
        }
    }
    for i in 1..event.actors.len().min(governors.len()) {
        if governors[i] != Governor::And {
            continue;
        }
        let reach = if governors[i - 1] == Governor::Between {
            BETWEEN_GAP
        } else {
            JOIN_GAP
        };
        if event.actors[i].start > event.actors[i - 1].end + reach {
            continue;
        }
        event.actors[i].role = match governors[i - 1] {
            Governor::Between => Some(Role::Target),
            _ => event.actors[i - 1].role,
        };
    }
}

/// A killing and the event it is part of ("قصفت قوات النظام البلدة ما أدى إلى مقتل
/// 4 مدنيين") are one event told twice: the killing takes the initiators of the
/// event that caused it, and that event the victims of the killing, where each has
/// none of its own.
pub(super) fn share(events: &mut [Event]) {
    for i in 0..events.len() {
        let Some(j) = events[i].part_of else { continue };
        if j >= events.len() || j == i {
            continue;
        }
        for (from, to, role) in [(j, i, Role::Initiator), (i, j, Role::Target)] {
            if events[to].actors.iter().any(|a| a.role == Some(role)) {
                continue;
            }
            let copies: Vec<_> = events[from]
                .actors
                .iter()
                .filter(|a| a.role == Some(role))
                .filter(|a| !events[to].actors.iter().any(|b| b.id == a.id))
                .cloned()
                .collect();
            events[to].actors.extend(copies);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::kinds::{EventKind, Role};
    use crate::Extractor;

    /// (sentence, kind of the event read, its initiator ids, its target ids).
    type Row<'a> = (&'a str, EventKind, &'a [&'a str], &'a [&'a str]);

    /// The first event of `kind` in each sentence has exactly these initiators and
    /// targets.
    fn check(rows: &[Row]) {
        let ex = Extractor::default();
        let mut failed = Vec::new();
        for (text, kind, initiators, targets) in rows {
            let doc = ex.extract(*text);
            let Some(event) = doc.events.iter().find(|e| e.kind == *kind) else {
                failed.push(format!("{text}: no {kind} in {:?}", doc.events));
                continue;
            };
            let with = |role| {
                let mut ids: Vec<&str> = event
                    .actors
                    .iter()
                    .filter(|a| a.role == Some(role))
                    .map(|a| &*a.id)
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            };
            let (mut wi, mut wt) = (initiators.to_vec(), targets.to_vec());
            wi.sort_unstable();
            wt.sort_unstable();
            let got = (with(Role::Initiator), with(Role::Target));
            if got != (wi.clone(), wt.clone()) {
                failed.push(format!("{text}\n   want {wi:?} {wt:?}\n    got {got:?}"));
            }
        }
        assert!(
            failed.is_empty(),
            "{} rows failed:\n{}",
            failed.len(),
            failed.join("\n")
        );
    }

    use EventKind::*;

    #[test]
    fn verb_subject_object() {
        check(&[
            (
                "قصفت قوات النظام مواقع لهيئة تحرير الشام في ريف إدلب.",
                Shelling,
                &["sy-regime-forces"],
                &["hts"],
            ),
            // A quote between the verb and its subject.
            (
                "شنت \"قسد\" هجوما على مواقع تنظيم داعش.",
                Attack,
                &["sdf"],
                &["isis"],
            ),
            // Member heads and quantities between.
            (
                "هاجم عناصر من تنظيم داعش حاجزا لقوات النظام في البادية.",
                Attack,
                &["isis"],
                &["sy-regime-forces"],
            ),
            (
                "استهدفت قوات النظام بالقذائف الصاروخية محيط مدينة أريحا.",
                Attack,
                &["sy-regime-forces"],
                &[],
            ),
            // A time adverbial between the verb and its object.
            (
                "اغتال مسلحون مجهولون أمس شابا في مدينة جاسم.",
                Killing,
                &["unidentified-gunmen"],
                &["youths"],
            ),
            // A plural verb follows its subject: the noun after it is the object.
            (
                "وقال الأهالي إن عناصر الفرقة الرابعة هاجموا المدنيين في الحي.",
                Attack,
                &["fourth-division"],
                &["civilians"],
            ),
        ]);
    }

    #[test]
    fn subject_verb() {
        check(&[
            (
                "قوات النظام تقصف بلدة كفرنبل بريف إدلب.",
                Shelling,
                &["sy-regime-forces"],
                &[],
            ),
            (
                "وأكد المرصد أن الطائرات الروسية قصفت أطراف مدينة جسر الشغور.",
                AirStrike,
                &["russian-forces"],
                &[],
            ),
            // A killing verb with an object: the subject killed.
            (
                "وقالت مصادر إن قوات النظام قتلت ثلاثة مدنيين في درعا.",
                Killing,
                &["sy-regime-forces"],
                &["civilians"],
            ),
            // The subject of a victim verb is the target.
            (
                "وكانت قوات النظام تعرضت لهجوم على طريق دير الزور.",
                Attack,
                &[],
                &["sy-regime-forces"],
            ),
        ]);
    }

    #[test]
    fn passives_and_victims() {
        check(&[
            (
                "قتل عنصران من قوات النظام بانفجار لغم في البادية.",
                Killing,
                &[],
                &["sy-regime-forces"],
            ),
            (
                "اغتيل القيادي في حزب الله برصاص مجهولين في القنيطرة.",
                Killing,
                &["unidentified-gunmen"],
                &["hezbollah"],
            ),
            (
                "أصيب ثلاثة عناصر من الجيش الوطني بقصف لقوات النظام.",
                Shelling,
                &["sy-regime-forces"],
                &["sna"],
            ),
            // A count before the subject: the victims.
            (
                "وأفاد المرصد بأن 5 عناصر من قسد قتلوا في الهجوم.",
                Killing,
                &[],
                &["sdf"],
            ),
        ]);
    }

    #[test]
    fn light_verbs_with_an_event_noun() {
        check(&[
            (
                "شنت قسد هجوما على نقاط لتنظيم داعش.",
                Attack,
                &["sdf"],
                &["isis"],
            ),
            (
                "وبدأت قوات النظام حملة تمشيط في بادية حمص.",
                SweepOperation,
                &["sy-regime-forces"],
                &[],
            ),
            (
                "قوات النظام نفذت حملة اعتقالات في مدينة الصنمين.",
                Arrest,
                &["sy-regime-forces"],
                &[],
            ),
            (
                "أطلقت الميليشيات الإيرانية حملة تمشيط في البادية.",
                SweepOperation,
                &["iran-backed-militias"],
                &[],
            ),
        ]);
    }

    #[test]
    fn nominal_constructions() {
        check(&[
            (
                "مقتل شاب برصاص قوات النظام في درعا.",
                Killing,
                &["sy-regime-forces"],
                &["youths"],
            ),
            (
                "مقتل عنصر من الجيش الوطني بنيران قسد.",
                Killing,
                &["sdf"],
                &["sna"],
            ),
            (
                "مقتل مدنيين على يد عناصر الدفاع الوطني.",
                Killing,
                &["ndf"],
                &["civilians"],
            ),
            (
                "استهداف التحالف الدولي لمواقع تنظيم داعش في الباغوز.",
                Attack,
                &["us-led-coalition"],
                &["isis"],
            ),
            (
                "هجوم لتنظيم داعش على مواقع الدفاع الوطني.",
                Attack,
                &["isis"],
                &["ndf"],
            ),
            (
                "جراء قصف مدفعي لقوات النظام على بلدة كفرنبل.",
                Shelling,
                &["sy-regime-forces"],
                &[],
            ),
        ]);
    }

    #[test]
    fn clashes_name_both_sides() {
        check(&[
            (
                "اندلعت اشتباكات بين قوات النظام وتنظيم داعش في البادية.",
                ArmedClash,
                &["sy-regime-forces"],
                &["isis"],
            ),
            (
                "اشتبكت قسد مع عناصر من تنظيم داعش في ريف دير الزور.",
                ArmedClash,
                &["sdf"],
                &["isis"],
            ),
        ]);
    }

    #[test]
    fn objects_over_several_nouns() {
        check(&[
            (
                "قصفت القوات التركية مواقع ونقاط تابعة لقوات النظام.",
                Shelling,
                &["turkish-forces"],
                &["sy-regime-forces"],
            ),
            (
                "استهدف الطيران الروسي مقرات وتجمعات لهيئة تحرير الشام.",
                AirStrike,
                &["russian-air-force"],
                &["hts"],
            ),
        ]);
    }

    #[test]
    fn actors_named_without_a_part() {
        check(&[
            // Control and patronage.
            (
                "انفجرت عبوة ناسفة في مدينة عفرين الخاضعة لسيطرة فصائل الجيش الوطني المدعوم من تركيا.",
                Explosion,
                &[],
                &[],
            ),
            // Charges.
            ("اعتقلت قوات النظام شابا بتهمة الانتماء لتنظيم داعش.", Arrest, &["sy-regime-forces"], &["youths"]),
            // Reporting.
            ("وقالت قسد إن مسلحين مجهولين هاجموا حاجزا في الشحيل.", Attack, &["unidentified-gunmen"], &[]),
        ]);
        // The names still are entities; they take no part in the event.
        let doc = Extractor::default().extract(
            "انفجرت عبوة ناسفة في مدينة عفرين الخاضعة لسيطرة فصائل الجيش الوطني المدعوم من تركيا.",
        );
        assert!(doc.entities.iter().any(|e| &*e.id == "turkey"));
        assert!(
            doc.events[0].actors.is_empty(),
            "{:?}",
            doc.events[0].actors
        );
    }

    #[test]
    fn a_killing_shares_roles_with_its_cause() {
        let doc = Extractor::default()
            .extract("قصفت قوات النظام بلدة كفرنبل ما أدى إلى مقتل أربعة مدنيين.");
        let shelling = &doc.events[0];
        let killing = doc.events.iter().find(|e| e.kind == Killing).unwrap();
        assert_eq!(killing.part_of, Some(0));
        let has = |e: &crate::event::Event, id: &str, role| {
            e.actors
                .iter()
                .any(|a| &*a.id == id && a.role == Some(role))
        };
        assert!(has(killing, "sy-regime-forces", Role::Initiator));
        assert!(has(shelling, "civilians", Role::Target));
    }
}
