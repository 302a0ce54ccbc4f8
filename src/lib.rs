//! Actors, locations, sources, time expressions and events from Arabic news about the
//! Syrian conflict, as typed, serializable records with exact byte offsets into the
//! original text. Events carry ACLED and CAMEO codes.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! &str --normalize--> Normalized { text, offset map }
//!      --matcher-->   word-bounded, clitic-aware hits of gazetteer names
//!      --entity-->    hits resolved to records (cue words, directions, homographs)
//!      --time-->      time expressions, typed and resolved against a document date
//!      --sentence-->  sentence boundaries (only for texts with event triggers)
//!      --event-->     triggers with actors (roles), places, time, fatalities, source
//!      --> Document { entities, events, times }
//! ```
//!
//! # Quick start
//!
//! ```
//! use syria_extract::Extractor;
//!
//! let text = "بدأت الميليشيات حملة تمشيط جديدة في بادية دير الزور شرقي سوريا.";
//! let doc = Extractor::default().extract(text);
//! for e in &doc.entities {
//!     println!("{:?} {} [{}..{}] {}", e.kind, e.name, e.start, e.end, e.text);
//! }
//! let place = doc.locations().next().unwrap();
//! assert_eq!(&*place.name, "Deir ez-Zor");
//! assert_eq!(&text[place.start..place.end], "دير الزور");
//! // "بادية" before the name is recorded as its cue.
//! assert_eq!(place.cue.as_ref().unwrap().text, "بادية");
//! ```
//!
//! # Events
//!
//! ```
//! use syria_extract::{EventKind, Extractor};
//!
//! let doc = Extractor::default().extract("لقي عنصران من قوات النظام مصرعهما بانفجار لغم أرضي في بادية تدمر.");
//! let kinds: Vec<EventKind> = doc.events.iter().map(|e| e.kind).collect();
//! assert_eq!(kinds, [EventKind::Killing, EventKind::Explosion]);
//! assert_eq!(doc.events[1].fatalities, Some(2));
//! assert_eq!(doc.events[0].part_of, Some(1));
//! ```
//!
//! # Your own gazetteers
//!
//! The built-in data is compiled into the crate. Add your own records with
//! [`ExtractorBuilder`]; the file format is described in `gazetteers/FORMAT.md` and in
//! the [`gazetteer`] module. Malformed rows are errors that name the file and line.
//!
//! # Normalization
//!
//! [`normalize::normalize`] is public so you can fold text the same way the matcher
//! does; see the module for the rules.

#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]
// No unwrap/expect in library code: input must never be able to make it panic. Denied
// (not only warned) so a local `cargo clippy` fails the same way CI does; unit tests
// may unwrap.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod acled;
pub mod document;
pub mod entity;
pub mod error;
pub mod event;
mod extractor;
pub mod gazetteer;
mod matcher;
pub mod normalize;
mod numbers;
pub mod sentence;
pub mod time;

pub use document::Document;
pub use entity::{Entity, EntityKind, EntityType};
pub use error::{Error, ErrorKind};
pub use event::{Event, EventKind, Role};
pub use extractor::{Extractor, ExtractorBuilder};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
