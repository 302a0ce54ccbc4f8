//! The arguments of events: each actor and place of a sentence goes to the nearest
//! trigger of that sentence (actors with a role where the words around them show
//! it), and each event gets the sentence's source and its nearest time.

use std::sync::Arc;

use super::types::{Event, EventActor, EventArgument};
use super::{distance, sentence_of, Input, Placed};
use crate::entity::{Entity, EntityKind, EntityType};
use crate::kinds::{ActorKind, Role};
use crate::lexicon::{Lexicon, WordClass};
use crate::text::clitics::strip_clitic;
use crate::text::words::{is_word_char, SPACED};
use crate::time::TimeKind;

/// What the first pass over the entities found per sentence, for the second pass.
pub(super) struct SentenceMentions {
    /// The places of each sentence, as indexes into the entities.
    places: Vec<Vec<usize>>,
    /// The first source of each sentence.
    sources: Vec<Option<usize>>,
}

/// The trigger a mention at `at` belongs to in its sentence: the one before it,
/// or, for a mention before the sentence's first trigger, that trigger.
///
/// Arabic news puts an event's arguments after its trigger, so the trigger before a
/// mention wins; a mention before the first trigger is the subject of "قوات النظام
/// قصفت". Triggers are in text order and do not overlap, so the nearest one is a
/// neighbour of the insertion point: a binary search keeps a megabyte-long sentence
/// full of names linear.
fn nearest(placed: &[Placed], sentence: usize, at: (usize, usize)) -> Option<usize> {
    let i = placed.partition_point(|p| p.nspan.0 < at.0);
    [i.checked_sub(1), Some(i)]
        .into_iter()
        .flatten()
        .find(|&k| placed.get(k).is_some_and(|p| p.sentence == sentence))
}

/// Actors and places: each to the nearest trigger of its sentence; actors with their
/// role.
pub(super) fn assign_mentions(
    input: &Input<'_>,
    events: &mut [Event],
    placed: &[Placed],
) -> SentenceMentions {
    let slots = input.sentences.len().max(1);
    let mut found = SentenceMentions {
        places: vec![Vec::new(); slots],
        sources: vec![None; slots],
    };
    for (i, (entity, &nspan)) in input.entities.iter().zip(input.entity_spans).enumerate() {
        let sentence = sentence_of(input.sentences, entity.start);
        match entity.kind {
            EntityKind::Source => {
                if let Some(slot) = found.sources.get_mut(sentence) {
                    slot.get_or_insert(i);
                }
            }
            EntityKind::Location => {
                if let Some(list) = found.places.get_mut(sentence) {
                    list.push(i);
                }
                if let Some(e) = nearest(placed, sentence, nspan) {
                    events[e].locations.push(argument(entity));
                }
            }
            // Actors, and any kind a later version adds, take part as actors.
            _ => {
                if let Some(e) = nearest(placed, sentence, nspan) {
                    let p = &placed[e];
                    let role = role_of(input.ntext, nspan, p.nspan, p.after, input.lex);
                    events[e].actors.push(actor(entity, role));
                }
            }
        }
    }
    found
}

fn actor(entity: &Entity, role: Option<Role>) -> EventActor {
    let actor_type = match entity.entity_type {
        EntityType::Actor(k) => k,
        _ => ActorKind::UnidentifiedArmedGroup,
    };
    EventActor {
        role,
        id: entity.id.clone(),
        name: entity.name.clone(),
        actor_type,
        start: entity.start,
        end: entity.end,
    }
}

/// A place of the sentence that went to another event still locates an event with
/// none ("قصفت ... بلدة X ما أدى إلى مقتل ..."); the sentence's source and its nearest
/// time (a duration only when there is nothing else) go to every event.
pub(super) fn complete(
    input: &Input<'_>,
    events: &mut [Event],
    placed: &[Placed],
    found: &SentenceMentions,
) {
    for (event, p) in events.iter_mut().zip(placed) {
        if event.locations.is_empty() {
            if let Some(list) = found.places.get(p.sentence) {
                let k = list.partition_point(|&j| input.entity_spans[j].0 < p.nspan.0);
                let near = [k.checked_sub(1), Some(k)]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| list.get(k).copied())
                    .min_by_key(|&j| distance(input.entity_spans[j], p.nspan));
                if let Some(j) = near {
                    event.locations.push(argument(&input.entities[j]));
                }
            }
        }
        if let Some(j) = found.sources.get(p.sentence).copied().flatten() {
            event.source = Some(argument(&input.entities[j]));
        }
        let (ss, se) = (event.sentence.start, event.sentence.end);
        // The two times on either side of the trigger (times are in text order).
        let k = input.time_spans.partition_point(|t| t.0 < p.nspan.0);
        let time = (k.saturating_sub(2)..(k + 2).min(input.times.len()))
            .map(|j| (&input.times[j], &input.time_spans[j]))
            .filter(|(t, _)| t.start >= ss && t.end <= se)
            .min_by_key(|(t, span)| (t.kind == TimeKind::Duration, distance(**span, p.nspan)));
        event.time = time.map(|(t, _)| t.clone());
    }
}

fn argument(e: &Entity) -> EventArgument {
    EventArgument {
        id: Arc::clone(&e.id),
        name: Arc::clone(&e.name),
        start: e.start,
        end: e.end,
        ..EventArgument::default()
    }
}

/// The role of an actor at `actor` relative to a trigger at `trigger`, from the two
/// words before the actor and, next to the trigger, from what the trigger says of the
/// actor written after it (`after`).
pub(super) fn role_of(
    ntext: &str,
    actor: (usize, usize),
    trigger: (usize, usize),
    after: Option<Role>,
    lex: &Lexicon,
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
    let before = SPACED.before(ntext, word_start, 2);
    let first = before.first().map(|w| strip_clitic(w)).unwrap_or("");
    let second = before.get(1).map(|w| strip_clitic(w)).unwrap_or("");
    let target_cue = |w: &str| lex.starts_with_any(WordClass::TargetCue, w);
    // "عناصر من X", "على مواقع X"
    if target_cue(first) || (first == "من" && target_cue(second)) {
        return Some(Role::Target);
    }
    // "من قبل X", "برصاص X"
    if lex.starts_with_any(WordClass::InitiatorCue, first) {
        return Some(Role::Initiator);
    }
    // Right after the trigger: the trigger says (قصفت X: subject; مقتل X: victim).
    if trigger.1 <= actor.0
        && SPACED
            .next(ntext, trigger.1)
            .is_some_and(|(s, _)| s == actor.0)
    {
        return after;
    }
    // Right before a verb trigger whose subject would follow: "قوات النظام قصفت".
    if actor.1 <= trigger.0
        && after == Some(Role::Initiator)
        && SPACED
            .next(ntext, actor.1)
            .is_some_and(|(s, _)| s == trigger.0)
    {
        return Some(Role::Initiator);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The role the rules give `actor` for `trigger` in `text` (first occurrences).
    fn role(text: &str, actor: &str, trigger: &str, after: Option<Role>) -> Option<Role> {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let ntext = crate::normalize::normalize_str(text);
        let span = |w: &str| {
            let w = crate::normalize::normalize_str(w);
            let s = ntext.find(&w).unwrap();
            (s, s + w.len())
        };
        role_of(&ntext, span(actor), span(trigger), after, lex)
    }

    #[test]
    fn roles_table() {
        use Role::*;
        let i = Some(Initiator);
        let t = Some(Target);
        // (text, actor, trigger, the trigger's `after`, expected role)
        type Row<'a> = (&'a str, &'a str, &'a str, Option<Role>, Option<Role>);
        let rows: &[Row] = &[
            ("قصفت قوات النظام البلدة", "قوات النظام", "قصفت", i, i),
            ("قوات النظام قصفت البلدة", "قوات النظام", "قصفت", i, i),
            ("مقتل عناصر من قوات النظام", "قوات النظام", "مقتل", t, t),
            ("هجوم على مواقع قوات النظام", "قوات النظام", "هجوم", i, t),
            ("مقتل شاب برصاص قوات النظام", "قوات النظام", "مقتل", t, i),
            (
                "اعتقال شاب من قبل قوات النظام",
                "قوات النظام",
                "اعتقال",
                t,
                i,
            ),
            ("هجوم ضد قوات النظام", "قوات النظام", "هجوم", i, t),
            // Nothing around the actor shows its part.
            (
                "قصفت الطائرات البلدة وقالت قوات النظام",
                "قوات النظام",
                "قصفت",
                i,
                None,
            ),
        ];
        for (text, actor, trigger, after, want) in rows {
            assert_eq!(role(text, actor, trigger, *after), *want, "{text}");
        }
    }
}
