//! The records of the gazetteer: plain serde data, one struct per file type.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::kinds::{ActorKind, CueRole, Direction, EventKind, LocationKind, Role, SourceKind};

/// Latitude and longitude in decimal degrees (WGS84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    /// Latitude, -90..=90.
    pub lat: f64,
    /// Longitude, -180..=180.
    pub lon: f64,
}

/// Flags from the `flags` column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Flags {
    /// The name may also be written with the article ال.
    pub article: bool,
    /// Matched only right after a cue word of its kind.
    pub needs_cue: bool,
    /// Knowingly shares a spelling with another record.
    pub ambiguous: bool,
    /// The name may carry attached suffixes (pronouns, verb endings: مقتله, قصفوا).
    pub suffixes: bool,
    /// For triggers: the words tell a detail of an event reported elsewhere ("هتف
    /// المتظاهرون"), not an event of their own; the event is marked so.
    #[serde(default)]
    pub detail: bool,
}

/// A place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// Unique id (`sy04`, `sukhnah`, `country-ir`).
    pub id: Arc<str>,
    /// Kind of place.
    pub kind: LocationKind,
    /// English name.
    pub name_en: Arc<str>,
    /// Main Arabic name.
    pub name_ar: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Id of the containing location.
    pub parent: Option<Arc<str>>,
    /// Coordinates, when known.
    pub coordinates: Option<Coordinates>,
    /// OCHA P-code.
    pub pcode: Option<String>,
    /// GeoNames id.
    pub geonames: Option<u64>,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Flags.
    pub flags: Flags,
    /// Where the record comes from.
    pub provenance: String,
}

/// An armed group, state, agency or other actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Actor {
    /// Unique id (`isis`, `liwa-al-quds`).
    pub id: Arc<str>,
    /// Kind of actor.
    pub kind: ActorKind,
    /// English name.
    pub name_en: Arc<str>,
    /// Main Arabic name.
    pub name_ar: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Ids of the actors this one belongs to or is backed by.
    pub affiliation: Vec<Arc<str>>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// ACLED-style English actor name.
    pub acled_name: String,
    /// Flags.
    pub flags: Flags,
    /// Where the record comes from.
    pub provenance: String,
}

/// A media outlet or monitor that news attributes information to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// Unique id (`src-sy24`).
    pub id: Arc<str>,
    /// Kind of source.
    pub kind: SourceKind,
    /// English name.
    pub name_en: Arc<str>,
    /// Main Arabic name.
    pub name_ar: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Flags.
    pub flags: Flags,
    /// Where the record comes from.
    pub provenance: String,
}

/// A word that refines a neighbouring mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CueWord {
    /// The word as written in the file.
    pub word: String,
    /// What it does.
    pub role: CueRole,
    /// For location cues, the location kinds it prefers, best first.
    pub prefers: Vec<LocationKind>,
    /// For direction cues, the direction.
    pub direction: Option<Direction>,
    /// For actor cues, the kinds of actor the cue and a nationality or a patron name
    /// ("قوات روسية": forces; "ميليشيات موالية لإيران": a militia), best first.
    pub actor_kinds: Vec<ActorKind>,
    /// For reference words, the actor meant when the document named none before it
    /// (النظام: the Syrian government).
    pub default_actor: Option<Arc<str>>,
    /// The last day (`YYYY-MM-DD`) `default_actor` holds, for articles with a date.
    pub default_until: Option<String>,
}

/// A word or phrase that reports an event of one kind ("حملة تمشيط", "قصفت").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Trigger {
    /// Unique id (`ev-sweep-campaign`).
    pub id: Arc<str>,
    /// The kind of event the trigger reports.
    pub kind: EventKind,
    /// Main Arabic form.
    pub name_ar: String,
    /// Other forms: plural, dual, verb conjugations, phrases.
    pub aliases: Vec<String>,
    /// The role of an actor written right after the trigger: `initiator` for a verb
    /// whose subject follows it (قصفت قوات النظام), `target` for a noun whose
    /// complement is the victim (مقتل عناصر من ...). `None` when the form says nothing.
    pub after: Option<Role>,
    /// Normalized word beginnings of which one must start one of the next three words
    /// (لقي → مصرع, حتف): the trigger means an event only in that company.
    pub requires: Vec<String>,
    /// ACLED sub-event type replacing the kind's default ("Suicide bomb").
    pub sub_event: Option<String>,
    /// CAMEO code replacing the kind's base code ("186" for an assassination).
    pub cameo: Option<String>,
    /// Flags.
    pub flags: Flags,
    /// Where the record comes from.
    pub provenance: String,
}

/// A reference to one record of a [`Gazetteer`](super::Gazetteer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordRef {
    /// Index into [`Gazetteer::actors`](super::Gazetteer::actors).
    Actor(u32),
    /// Index into [`Gazetteer::locations`](super::Gazetteer::locations).
    Location(u32),
    /// Index into [`Gazetteer::sources`](super::Gazetteer::sources).
    Source(u32),
    /// Index into [`Gazetteer::triggers`](super::Gazetteer::triggers).
    Trigger(u32),
}

/// What every named record has: an id, names to match and flags.
///
/// Lets code that handles any record (the matcher's name list, collision checks,
/// resolution by flags) do so once instead of once per record kind.
///
/// ```
/// use syria_extract::gazetteer::{Gazetteer, Record};
///
/// let gaz = Gazetteer::builtin();
/// let r = gaz.get("isis").unwrap();
/// let isis = gaz.record(r).unwrap();
/// assert_eq!(&**isis.id(), "isis");
/// assert!(isis.names().any(|n| n == "داعش"));
/// ```
pub trait Record {
    /// Unique id.
    fn id(&self) -> &Arc<str>;
    /// The main Arabic name or form.
    fn name_ar(&self) -> &str;
    /// Other spellings or forms.
    fn aliases(&self) -> &[String];
    /// Flags from the `flags` column.
    fn flags(&self) -> Flags;
    /// The main name followed by the aliases.
    fn names(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        Box::new(std::iter::once(self.name_ar()).chain(self.aliases().iter().map(String::as_str)))
    }
}

macro_rules! impl_record {
    ($($t:ty),+) => {$(
        impl Record for $t {
            fn id(&self) -> &Arc<str> {
                &self.id
            }
            fn name_ar(&self) -> &str {
                &self.name_ar
            }
            fn aliases(&self) -> &[String] {
                &self.aliases
            }
            fn flags(&self) -> Flags {
                self.flags
            }
        }
    )+};
}
impl_record!(Location, Actor, Source, Trigger);
