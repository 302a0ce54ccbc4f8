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

//!
//! The stage runs in phases, one file each: [`triggers`](self) (which trigger hits
//! become events, with their modality), arguments (actors with roles, places, the
//! source and the time), modality (claims), fatalities (killed and wounded, and the
//! link from a killing to the event that caused it), tally (running totals and period
//! counts, kept out of `fatalities`), place (the most precise place of an event and
//! its geo_precision), and codes (ACLED and CAMEO).

mod arguments;
mod clause;
mod codes;
mod fatalities;
mod modality;
mod place;
mod roles;
mod specificity;
mod tally;
mod triggers;
mod types;

pub(crate) use modality::HedgeSet;
pub(crate) use specificity::PlaceNouns;
pub use types::{
    Acled, Count, Event, EventActor, EventArgument, EventPlace, Extent, Mention, Modality, Span,
    Tally, TallyKind,
};
// The vocabularies of events, where users of this module look for them.
pub use crate::kinds::{EventKind, Role};

use crate::entity::Entity;
use crate::gazetteer::Trigger;
use crate::lexicon::Lexicon;
use crate::time::TimeExpression;

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
    /// Trigger candidates: (normalized span, original span, trigger record), in text
    /// order and not overlapping.
    pub triggers: Vec<TriggerHit<'a>>,
    /// Sentence ranges of the original text, in order.
    pub sentences: &'a [(usize, usize)],
    /// The original offset of a normalized offset.
    pub to_original: &'a dyn Fn(usize) -> usize,
    /// The word lists of the rules.
    pub lex: &'a Lexicon,
    /// The hedge words, indexed for the claim check.
    pub hedges: &'a HedgeSet,
    /// The location cue words of the gazetteer ("مدينة", "بلدة"), normalized: before
    /// a name the gazetteer does not know, they still situate an event.
    pub place_nouns: &'a PlaceNouns,
    /// The year the article was published, when known: an event dated before it is a
    /// historical reference.
    pub published_year: Option<i32>,
}

/// Where an event's trigger stands: its sentence (an index into `Input::sentences`),
/// its normalized span, and the role its record gives an actor written after it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed {
    sentence: usize,
    nspan: (usize, usize),
    after: Option<Role>,
    kind: EventKind,
    /// The trigger tells a detail of an event reported elsewhere (flag `detail`).
    detail: bool,
}

/// The event stage: the events the trigger hits report, with their arguments, counts
/// and codes, in the order of their triggers.
pub(crate) fn from_triggers(input: &Input<'_>) -> Vec<Event> {
    debug_assert!(
        input.triggers.windows(2).all(|t| t[0].0 .1 <= t[1].0 .0),
        "triggers in text order, not overlapping"
    );
    let (mut events, mut placed) = triggers::events(input);
    if events.is_empty() {
        return events;
    }
    // The lists grew by doubling; the phases below hold them whole while they add
    // each event's arguments, so the spare room goes first (a huge text has hundreds
    // of thousands of events).
    events.shrink_to_fit();
    placed.shrink_to_fit();
    let mentions = arguments::assign_mentions(input, &mut events, &placed);
    arguments::complete(input, &mut events, &placed, &mentions);
    trim_lists(&mut events);
    fatalities::count(input, &mut events, &placed);
    triggers::merge(input, &mut events, &mut placed);
    events.shrink_to_fit();
    placed.shrink_to_fit();
    // The claim is read with the mention, from the same walk over the clause (no
    // phase before reads it, and merge only drops events).
    for (event, p) in events.iter_mut().zip(&placed) {
        let (mention, claimed) = specificity::mention(input, event, p);
        event.mention = mention;
        event.claimed = claimed;
    }
    fatalities::link_outcomes(&mut events, &placed);
    roles::share(&mut events);
    place::locate(input, &mut events, &placed);
    for (event, p) in events.iter_mut().zip(&placed) {
        // A country does not situate an event: look for a place the gazetteer does not
        // know below it ("في منطقة باجور").
        if !event.locations.iter().any(EventArgument::is_below_country) {
            event.unnamed_place = specificity::unnamed_place(input, p);
        }
    }
    codes::recode(input, &mut events, &placed);
    trim_lists(&mut events);
    events
}

/// Argument lists grow by pushes, which make room for four at the first (an
/// argument is 56 to 104 bytes): each event keeps only what it holds, once the
/// arguments are assigned (the phases after them hold every event at once) and at
/// the end.
fn trim_lists(events: &mut [Event]) {
    for event in events {
        event.actors.shrink_to_fit();
        event.locations.shrink_to_fit();
    }
}

/// Zero when the spans overlap, else the gap between them.
fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
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
