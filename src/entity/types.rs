//! The entity stage's output types: plain serializable data.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::gazetteer::{AdminLevels, Coordinates};
use crate::kinds::{ActorKind, CueRole, Direction, LocationKind, SourceKind};

/// What an [`Entity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// An armed group, state, agency or other actor.
    Actor,
    /// A place.
    Location,
    /// A media outlet or monitor.
    Source,
}

/// The record kind behind an entity (`"militia"`, `"governorate"`, `"monitor"` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum EntityType {
    /// An actor's kind.
    Actor(ActorKind),
    /// A location's kind.
    Location(LocationKind),
    /// A source's kind.
    Source(SourceKind),
}

/// A cue word found before a mention ("بريف" before "حمص").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cue {
    /// The word as written in the original text, clitics included.
    pub text: String,
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset in the original text (exclusive).
    pub end: usize,
    /// What kind of cue it is.
    pub role: CueRole,
}

/// A direction word next to a place ("الشرقي" after "ريف حمص").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DirectionMention {
    /// The direction.
    pub direction: Direction,
    /// The words as written in the original text.
    pub text: String,
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset in the original text (exclusive).
    pub end: usize,
}

/// One mention of an actor, place or source in a document.
///
/// `start..end` are byte offsets into the original text: `&text[start..end] == entity.text`.
/// The span covers the name only; clitics before it ("و", "بـ") are not part of it.
/// After لل, the second ل is the article's: a name written with the article starts
/// there ("لليمن" → "ليمن", the letters of "اليمن" as written), a name listed without
/// it does not ("للزينبيون" → "زينبيون").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// Actor, location or source.
    pub kind: EntityKind,
    /// Id of the gazetteer record.
    pub id: Arc<str>,
    /// English name of the record.
    pub name: Arc<str>,
    /// Byte offset where the name starts in the original text.
    pub start: usize,
    /// Byte offset where the name ends (exclusive).
    pub end: usize,
    /// The name as written in the original text.
    pub text: String,
    /// The record's kind.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Cue word before the name, if any. Boxed, as most names have none: an entity
    /// without one costs a pointer, not the 48 bytes of a cue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Box<Cue>>,
    /// Direction word before or after a place name, if any (boxed like `cue`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Box<DirectionMention>>,
    /// For places in Syria: id of the governorate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<Arc<str>>,
    /// For places: coordinates of the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// For places: the record's OCHA P-code (`SY0705` for a district, `C4278` for a
    /// community).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pcode: Option<Arc<str>>,
    /// For places: the governorate, district and subdistrict they lie in, with names,
    /// P-codes and coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin: Option<Arc<AdminLevels>>,
    /// For a name several places share (الطيبة, المنصورة): the ids of all of them, the
    /// chosen one (`id`) first. Empty when one record has the name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Arc<str>>,
    /// The text names no place that tells the `candidates` apart: `id` is the default
    /// choice (the kind the cue prefers, else the most specific kind, then the first
    /// record), not a reading of the text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
    /// For an actor named by a phrase ("قوات روسية", "الميليشيات الموالية لإيران"):
    /// the ids of the actors the phrase affiliates it with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliation: Vec<Arc<str>>,
    /// For a bare short name ("التنظيم", "النظام"): what it was read as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Box<Reference>>,
}

/// How a bare short name ("التنظيم", "الهيئة", "النظام") was read: as the actor the
/// document named before it, or as the word's default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reference {
    /// The earlier mention it refers back to, in the original text; `None` when the
    /// default applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<Antecedent>,
    /// The word's default actor applied: the document named no actor it fits.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// The mention a bare short name refers back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Antecedent {
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset in the original text (exclusive).
    pub end: usize,
    /// The mention as written.
    pub text: String,
}

impl Entity {
    /// The byte span in the original text.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl Entity {
    /// Moves the mention and the spans it holds by `by` bytes, to where its block lies
    /// in a longer text.
    pub(crate) fn shift(&mut self, by: usize) {
        (self.start, self.end) = (self.start + by, self.end + by);
        if let Some(c) = &mut self.cue {
            (c.start, c.end) = (c.start + by, c.end + by);
        }
        if let Some(d) = &mut self.direction {
            (d.start, d.end) = (d.start + by, d.end + by);
        }
        if let Some(a) = self.reference.as_mut().and_then(|r| r.antecedent.as_mut()) {
            (a.start, a.end) = (a.start + by, a.end + by);
        }
    }
}
