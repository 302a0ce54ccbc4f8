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

    fn of_kind(&self, kind: EntityKind) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.kind == kind)
    }
}
