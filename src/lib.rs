//! Actors, locations, sources, time expressions and events from Arabic news about the
//! Syrian conflict, as typed, serializable records with exact byte offsets into the
//! original text. Events carry ACLED and CAMEO codes.
//!
//! The crate is for conflict-data analysts, OSINT researchers and humanitarian
//! monitors who turn archives of Arabic reporting into event tables: who did what to
//! whom, where and when. Everything it reports points back into the text it came from.
//!
//! # Overview
//!
//! The primary types:
//!
//! * [`Extractor`] holds the gazetteers and the automaton built from them. Build it
//!   once ([`Extractor::default`] for the built-in data, [`Extractor::builder`] to add
//!   your own files) and share it: it is cheap to clone and `Send + Sync`.
//! * [`Article`] is one text to extract from, with its publication date if known; a
//!   plain `&str` converts into one.
//! * [`Document`] is what one article yields: [`Entity`] mentions (actors, places,
//!   sources), [`Event`]s with their arguments, and time expressions.
//! * [`Error`] says why gazetteer data does not load, with file, line and reason.
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
//! # Events and dates
//!
//! ```
//! use syria_extract::time::Date;
//! use syria_extract::{Article, EventKind, Extractor};
//!
//! let text = "لقي عنصران من قوات النظام مصرعهما أمس بانفجار لغم أرضي في بادية تدمر.";
//! let published = Date::parse("2019-05-20").unwrap();
//! let doc = Extractor::default().extract(Article::new(text).published(published));
//! let kinds: Vec<EventKind> = doc.events.iter().map(|e| e.kind).collect();
//! assert_eq!(kinds, [EventKind::Killing, EventKind::Explosion]);
//! // The killing is the outcome of the explosion, which counts its dead.
//! assert_eq!(doc.events[0].part_of, Some(1));
//! assert_eq!(doc.events[1].fatalities, Some(2));
//! assert_eq!(doc.times[0].date.unwrap().to_string(), "2019-05-19");
//! ```
//!
//! # Your own gazetteers
//!
//! The built-in data is compiled into the crate. Add your own records and words with
//! [`ExtractorBuilder`]; the file formats are described in `gazetteers/FORMAT.md` and
//! in the [`gazetteer`] module. Malformed rows are errors that name the file and line.
//!
//! # The pipeline, and a map of the modules
//!
//! One module per stage, data flowing one way:
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
//! | module | reach for it when you want |
//! |---|---|
//! | [`normalize`] | to fold text exactly as the matcher does, with the map back to original offsets (the rules are listed there) |
//! | [`gazetteer`] | the records themselves: places with their hierarchy, P-codes and coordinates, actors, sources, triggers; or to load your own files |
//! | [`lexicon`] | the word lists the rules read (cues, negations, number and time words), to inspect or extend them |
//! | [`kinds`] | the closed vocabularies shared by data and output: location, actor and event kinds, roles, time units |
//! | [`entity`] | the mention types of [`Document::entities`] and the resolution rules |
//! | [`time`] | [`time::Date`] and the time expression types, and how they resolve to calendar dates |
//! | [`sentence`] | sentence boundaries as the event stage sees them, and where [`Extractor::extract_blocks`] cuts a long text |
//! | [`event`] | the event types, with their ACLED and CAMEO codes |
//! | [`document`] | [`Document`] and its accessors; [`Block`], one block of a long text |
//! | `json` | [`json::JsonWriter`]: documents as JSON, the bytes `serde_json` writes, faster (feature `json`, on by default) |
//! | [`error`] | [`Error`] and [`ErrorKind`] |
//!
//! The matcher and the word-level helpers (`text`) are internal.

#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]
// No unwrap/expect in library code: input must never be able to make it panic. Denied
// (not only warned) so a local `cargo clippy` fails the same way CI does; unit tests
// may unwrap.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod macros;

pub mod acled;
pub mod document;
pub mod entity;
pub mod error;
pub mod event;
mod extractor;
pub mod gazetteer;
#[cfg(feature = "json")]
pub mod json;
pub mod kinds;
pub mod lexicon;
mod matcher;
pub mod normalize;
pub mod sentence;
mod text;
pub mod time;

pub use document::{Block, Document};
pub use entity::{Entity, EntityKind, EntityType};
pub use error::{Error, ErrorKind};
pub use event::{Event, EventKind, Role};
pub use extractor::{Article, BlockCursor, Blocks, Extractor, ExtractorBuilder};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
