//! The arguments of events: each place of a sentence goes to the nearest trigger of
//! that sentence, each actor to the event its clause makes it part of, with its role
//! ([`roles`](super::roles)), and each event gets the sentence's source and its
//! nearest time.

use std::sync::Arc;

use super::types::{Event, EventActor, EventArgument};
use super::{distance, sentence_of, Input, Placed};
use crate::entity::{Entity, EntityKind, EntityType};
use crate::kinds::{ActorKind, Role};
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
    // The governor of each actor of each event, for the coordination pass.
    let mut governors = vec![Vec::new(); events.len()];
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
                if let Some(part) = super::roles::part(input, placed, i) {
                    events[part.event].actors.push(actor(entity, part.role));
                    governors[part.event].push(part.governor);
                }
            }
        }
    }
    for (event, govs) in events.iter_mut().zip(&governors) {
        super::roles::coordinate(event, govs);
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
            event.source = Some(Box::new(argument(&input.entities[j])));
        }
        let (ss, se) = (event.sentence.start, event.sentence.end);
        // The two times on either side of the trigger (times are in text order).
        let k = input.time_spans.partition_point(|t| t.0 < p.nspan.0);
        let time = (k.saturating_sub(2)..(k + 2).min(input.times.len()))
            .map(|j| (&input.times[j], &input.time_spans[j]))
            .filter(|(t, _)| t.start >= ss && t.end <= se)
            .min_by_key(|(t, span)| (t.kind == TimeKind::Duration, distance(**span, p.nspan)));
        event.time = time.map(|(t, _)| Box::new(t.clone()));
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
