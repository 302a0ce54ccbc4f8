//! The result of extracting one text.

use serde::{Deserialize, Serialize};

use crate::entity::{Entity, EntityKind};
use crate::event::Event;
use crate::time::TimeExpression;

/// Everything found in one text.
///
/// All offsets are byte offsets into the text given to
/// [`Extractor::extract`](crate::Extractor::extract).
///
/// ```
/// use syria_extract::Extractor;
///
/// let doc = Extractor::default().extract("قصفت قوات النظام بلدة السخنة بريف حمص الشرقي");
/// let places: Vec<&str> = doc.locations().map(|e| &*e.name).collect();
/// assert_eq!(places, ["Al-Sukhnah", "Homs"]);
/// let json = serde_json::to_string(&doc).unwrap();
/// assert!(json.contains("\"kind\":\"location\""));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Actor, location and source mentions, in text order, not overlapping.
    pub entities: Vec<Entity>,
    /// Events, in the order of their triggers.
    pub events: Vec<Event>,
    /// Time expressions, in text order, not overlapping.
    pub times: Vec<TimeExpression>,
}

impl Document {
    /// Actor mentions.
    pub fn actors(&self) -> impl Iterator<Item = &Entity> {
        self.of_kind(EntityKind::Actor)
    }

    /// Location mentions.
    pub fn locations(&self) -> impl Iterator<Item = &Entity> {
        self.of_kind(EntityKind::Location)
    }

    /// Source mentions.
    pub fn sources(&self) -> impl Iterator<Item = &Entity> {
        self.of_kind(EntityKind::Source)
    }

    /// Moves every offset by `by` bytes and every index of an event by
    /// `events_before`: the document of a block, to where the block lies in a longer
    /// text after that many events.
    pub(crate) fn shift(&mut self, by: usize, events_before: usize) {
        for e in &mut self.entities {
            e.shift(by);
        }
        for e in &mut self.events {
            e.shift(by, events_before);
        }
        for t in &mut self.times {
            t.shift(by);
        }
    }

    fn of_kind(&self, kind: EntityKind) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.kind == kind)
    }
}

/// One block of a long text and what was found in it: see
/// [`Extractor::extract_blocks`](crate::Extractor::extract_blocks).
///
/// ```
/// let text = "قصفت قوات النظام مدينة حمص.\n\nخرجت مظاهرة في مدينة إدلب.";
/// let extractor = syria_extract::Extractor::default();
/// for block in extractor.extract_blocks(text, 40) {
///     assert!(block.document.entities.iter().all(|e| e.start >= block.start && e.end <= block.end));
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Block {
    /// Where the block starts in the text (a byte offset).
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// What was found in the block, with offsets into the whole text.
    pub document: Document,
}
