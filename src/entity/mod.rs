//! Entity mentions: matched names resolved to gazetteer records, with cue words and
//! directions, as plain serializable data.
//!
//! Resolution rules, applied to the records a matched name may mean:
//!
//! 1. A record flagged `needs_cue` counts only right after a cue word of its kind
//!    ("قرية النصر", "فصيل X"). For a place the cue must list the place's kind and be
//!    written without the article ("منطقة النصر" admits no village, "القرية المعزولة"
//!    nothing), or head the list of places the name continues ("قرى حريتان وبردة").
//! 2. The category (actor, location, source) follows the context: a location cue
//!    (مدينة, ريف, بادية ...), a preposition (في, داخل ...), the clitic ب, or a
//!    direction word before or after make a name a place ("في تركيا", "شرقي سوريا");
//!    an actor cue (ميليشيا, قوات ...) makes it an actor; a source cue (وكالة, قناة)
//!    a source. Without context an actor reading wins over a place ("تسعى إيران"),
//!    and a place over a source.
//! 3. Among places, a cue's preferred kinds decide ("ريف حمص" → the governorate,
//!    "مدينة حمص" → the city); without a cue the most specific populated place wins:
//!    city, then town, village, neighbourhood, other named places, subdistrict,
//!    district, governorate, country.
//! 4. Places of one sort that share a name (homonyms) are told apart by the places
//!    named around them, in the phrase, the sentence, the document; the entity lists
//!    them all in `candidates` and says `ambiguous` when nothing tells them apart.
//!    A village is dropped when it is rather a namesake abroad, contradicted by the
//!    governorate named with it, or named as nothing that makes it a place.

//!
//! 5. Actors named in context: a bare short name ("التنظيم", "النظام") stands for the
//!    actor named before it or its default; a force noun with a nationality or a
//!    patron ("قوات روسية", "الميليشيات الموالية لإيران") names an actor and its
//!    `affiliation`.
//!
//! Rules 1–3 are in `resolve.rs`, rule 4 in `homonyms.rs`, rule 5 in `actors.rs`
//! (rules 4 and the force phrases are a pass over the document);
//! the cue and direction words come from `cues.tsv`.

mod actors;
mod context;
mod homonyms;
mod resolve;
mod types;

pub(crate) use actors::Antecedents;
pub(crate) use context::Lists;
pub(crate) use resolve::{NameSpan, Resolver};
pub use types::{Antecedent, Cue, DirectionMention, Entity, EntityKind, EntityType, Reference};
