//! Gazetteer records and the loader for the TSV files in `gazetteers/`.
//!
//! Four file types share one format (tab-separated, one header line, one record a
//! line; see `gazetteers/FORMAT.md`): locations, actors, sources and cue words. The
//! type of a file is recognised from its header, so user files may have any name.
//!
//! The built-in files are embedded in the crate ([`Gazetteer::builtin`]); users add
//! their own with [`GazetteerBuilder`], usually through
//! [`ExtractorBuilder`](crate::ExtractorBuilder).
//!
//! ```
//! use syria_extract::gazetteer::{Gazetteer, LocationKind};
//!
//! let gaz = Gazetteer::builtin();
//! let sukhnah = gaz.locations().iter().find(|l| &*l.name_en == "Al-Sukhnah").unwrap();
//! assert_eq!(sukhnah.kind, LocationKind::Town);
//! // The parent chain leads up to the governorate of Homs.
//! let admin1 = gaz.admin1(&sukhnah.id).unwrap();
//! assert_eq!(&*admin1.name_en, "Homs");
//! ```

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
pub use crate::event::{EventKind, Role};

macro_rules! str_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The name used in gazetteer files and JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Parses the name used in gazetteer files.
            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            // Not every enum is read from a file.
            #[allow(dead_code)]
            pub(crate) fn allowed() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(" ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use str_enum;

str_enum! {
    /// The kind of a place.
    LocationKind {
        /// A state.
        Country => "country",
        /// First-level administrative unit (محافظة).
        Governorate => "governorate",
        /// Second-level unit (منطقة).
        District => "district",
        /// Third-level unit (ناحية).
        Subdistrict => "subdistrict",
        /// A city.
        City => "city",
        /// A town (بلدة).
        Town => "town",
        /// A village (قرية).
        Village => "village",
        /// A city quarter (حي).
        Neighbourhood => "neighbourhood",
        /// A named region (القلمون, الغوطة الشرقية).
        Region => "region",
        /// A desert area (البادية).
        Desert => "desert",
        /// A mountain or mountain range.
        Mountain => "mountain",
        /// A plain (سهل الغاب).
        Plain => "plain",
        /// A valley or basin.
        Valley => "valley",
        /// A river.
        River => "river",
        /// A lake.
        Lake => "lake",
        /// A dam.
        Dam => "dam",
        /// An oil field.
        OilField => "oil_field",
        /// A gas field.
        GasField => "gas_field",
        /// An airport or air base.
        Airport => "airport",
        /// A military base.
        MilitaryBase => "military_base",
        /// A border crossing.
        BorderCrossing => "border_crossing",
        /// A camp for displaced people or refugees.
        Camp => "camp",
        /// A prison.
        Prison => "prison",
        /// A checkpoint.
        Checkpoint => "checkpoint",
        /// A road or highway.
        Road => "road",
        /// Any other named landmark.
        Landmark => "landmark",
    }
}

str_enum! {
    /// The kind of an actor.
    ActorKind {
        /// Regular armed forces of a state (قوات النظام).
        StateForces => "state_forces",
        /// Security or intelligence agency (المخابرات الجوية).
        StateAgency => "state_agency",
        /// Government or ministry.
        Government => "government",
        /// Militia, including state-backed ones.
        Militia => "militia",
        /// Jihadist organisation (داعش, هيئة تحرير الشام).
        JihadistGroup => "jihadist_group",
        /// Opposition armed faction.
        OppositionFaction => "opposition_faction",
        /// Kurdish-led force (قسد, YPG).
        KurdishForce => "kurdish_force",
        /// A foreign state as an actor (إيران, روسيا).
        ForeignState => "foreign_state",
        /// Armed forces of a foreign state in Syria.
        ForeignForces => "foreign_forces",
        /// A coalition (التحالف الدولي).
        Coalition => "coalition",
        /// Tribe or tribal force.
        TribalForce => "tribal_force",
        /// Unidentified armed group (مسلحون مجهولون).
        UnidentifiedArmedGroup => "unidentified_armed_group",
        /// Political party or body.
        PoliticalParty => "political_party",
        /// Civilians.
        Civilians => "civilians",
    }
}

str_enum! {
    /// The kind of a news source.
    SourceKind {
        /// News site or newspaper.
        Outlet => "outlet",
        /// News agency.
        Agency => "agency",
        /// TV or radio channel.
        Broadcaster => "broadcaster",
        /// Monitoring or documentation group.
        Monitor => "monitor",
        /// Local news network or social-media page.
        Network => "network",
        /// Official body speaking for itself.
        Official => "official",
    }
}

str_enum! {
    /// What a cue word does to a neighbouring mention.
    CueRole {
        /// Before a place name: مدينة, ريف, بادية.
        Location => "location",
        /// Before an actor name: ميليشيا, فصيل.
        Actor => "actor",
        /// Before a source name: وكالة, قناة.
        Source => "source",
        /// Direction after the name: الشرقي.
        DirectionAfter => "direction_after",
        /// Direction before the name: شرقي.
        DirectionBefore => "direction_before",
        /// Makes a following country a place: في, داخل.
        Preposition => "preposition",
        /// A first word that text also glues to the next: دير, أبو.
        Join => "join",
    }
}

str_enum! {
    /// A compass direction.
    Direction {
        /// North.
        North => "north",
        /// South.
        South => "south",
        /// East.
        East => "east",
        /// West.
        West => "west",
        /// North-east.
        Northeast => "northeast",
        /// North-west.
        Northwest => "northwest",
        /// South-east.
        Southeast => "southeast",
        /// South-west.
        Southwest => "southwest",
    }
}

impl Direction {
    /// Combines two directions written together (الشمالي الشرقي).
    pub fn combine(self, other: Direction) -> Option<Direction> {
        use Direction::*;
        match (self, other) {
            (North, East) | (East, North) => Some(Northeast),
            (North, West) | (West, North) => Some(Northwest),
            (South, East) | (East, South) => Some(Southeast),
            (South, West) | (West, South) => Some(Southwest),
            _ => None,
        }
    }
}

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
pub struct Flags {
    /// The name may also be written with the article ال.
    pub article: bool,
    /// Matched only right after a cue word of its kind.
    pub needs_cue: bool,
    /// Knowingly shares a spelling with another record.
    pub ambiguous: bool,
    /// The name may carry attached suffixes (pronouns, verb endings: مقتله, قصفوا).
    pub suffixes: bool,
}

/// A place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub struct CueWord {
    /// The word as written in the file.
    pub word: String,
    /// What it does.
    pub role: CueRole,
    /// For location cues, the location kinds it prefers, best first.
    pub prefers: Vec<LocationKind>,
    /// For direction cues, the direction.
    pub direction: Option<Direction>,
}

/// A word or phrase that reports an event of one kind ("حملة تمشيط", "قصفت").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// A reference to one record of a [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordRef {
    /// Index into [`Gazetteer::actors`].
    Actor(u32),
    /// Index into [`Gazetteer::locations`].
    Location(u32),
    /// Index into [`Gazetteer::sources`].
    Source(u32),
    /// Index into [`Gazetteer::triggers`].
    Trigger(u32),
}

/// A validated set of records: the data an [`Extractor`](crate::Extractor) matches.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    actors: Vec<Actor>,
    locations: Vec<Location>,
    sources: Vec<Source>,
    triggers: Vec<Trigger>,
    cues: Vec<CueWord>,
    by_id: HashMap<Arc<str>, RecordRef>,
}

/// The files compiled into the crate, in load order.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "gazetteers/cues.tsv",
        include_str!("../gazetteers/cues.tsv"),
    ),
    (
        "gazetteers/locations_countries.tsv",
        include_str!("../gazetteers/locations_countries.tsv"),
    ),
    (
        "gazetteers/locations_admin.tsv",
        include_str!("../gazetteers/locations_admin.tsv"),
    ),
    (
        "gazetteers/locations_geonames.tsv",
        include_str!("../gazetteers/locations_geonames.tsv"),
    ),
    (
        "gazetteers/locations_communities.tsv",
        include_str!("../gazetteers/locations_communities.tsv"),
    ),
    (
        "gazetteers/locations_neighbourhoods.tsv",
        include_str!("../gazetteers/locations_neighbourhoods.tsv"),
    ),
    (
        "gazetteers/locations.tsv",
        include_str!("../gazetteers/locations.tsv"),
    ),
    (
        "gazetteers/actors.tsv",
        include_str!("../gazetteers/actors.tsv"),
    ),
    (
        "gazetteers/sources.tsv",
        include_str!("../gazetteers/sources.tsv"),
    ),
    (
        "gazetteers/triggers.tsv",
        include_str!("../gazetteers/triggers.tsv"),
    ),
];

static BUILTIN: Lazy<Result<Gazetteer, String>> = Lazy::new(|| {
    GazetteerBuilder::new()
        .builtin()
        .build()
        .map_err(|e| e.to_string())
});

impl Gazetteer {
    /// The built-in gazetteer, parsed once per process.
    ///
    /// # Panics
    ///
    /// Never for a released crate: the built-in files are checked by the crate's tests.
    /// A broken edit of `gazetteers/` shows up here with the file, line and reason.
    pub fn builtin() -> &'static Gazetteer {
        match &*BUILTIN {
            Ok(g) => g,
            Err(e) => panic!("built-in gazetteer is invalid: {e}"),
        }
    }

    /// Starts a builder with no files.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// All actors.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// All locations.
    pub fn locations(&self) -> &[Location] {
        &self.locations
    }

    /// All sources.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// All cue words.
    pub fn cues(&self) -> &[CueWord] {
        &self.cues
    }

    /// Looks a record up by id.
    pub fn get(&self, id: &str) -> Option<RecordRef> {
        self.by_id.get(id).copied()
    }

    /// Event triggers, in file order.
    ///
    /// ```
    /// use syria_extract::gazetteer::{EventKind, Gazetteer};
    ///
    /// let gaz = Gazetteer::builtin();
    /// assert!(gaz.triggers().iter().any(|t| t.kind == EventKind::SweepOperation));
    /// ```
    pub fn triggers(&self) -> &[Trigger] {
        &self.triggers
    }

    /// The actor with this id.
    ///
    /// ```
    /// let gaz = syria_extract::gazetteer::Gazetteer::builtin();
    /// assert_eq!(&*gaz.actor("isis").unwrap().name_en, "Islamic State");
    /// ```
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        match self.get(id)? {
            RecordRef::Actor(i) => self.actors.get(i as usize),
            _ => None,
        }
    }

    /// The location with this id.
    pub fn location(&self, id: &str) -> Option<&Location> {
        match self.get(id)? {
            RecordRef::Location(i) => self.locations.get(i as usize),
            _ => None,
        }
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        match self.get(id)? {
            RecordRef::Source(i) => self.sources.get(i as usize),
            _ => None,
        }
    }

    /// The chain of parents of a location, nearest first (the location itself excluded).
    pub fn ancestors<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Location> + 'a {
        let mut next = self.location(id).and_then(|l| l.parent.clone());
        // Parent cycles are rejected at load time; the bound is a second guard.
        let mut budget = self.locations.len();
        std::iter::from_fn(move || {
            let id = next.take()?;
            budget = budget.checked_sub(1)?;
            let loc = self.location(&id)?;
            next = loc.parent.clone();
            Some(loc)
        })
    }

    /// The governorate a location lies in (itself when it is one).
    pub fn admin1(&self, id: &str) -> Option<&Location> {
        let me = self.location(id)?;
        if me.kind == LocationKind::Governorate {
            return Some(me);
        }
        self.ancestors(id)
            .find(|l| l.kind == LocationKind::Governorate)
    }

    /// For every location (by index), the id of the governorate it lies in, as
    /// [`admin1`](Gazetteer::admin1) gives it, computed in one pass: each parent chain is
    /// walked once and its result shared, so a deep hierarchy costs linear time, not
    /// quadratic.
    pub(crate) fn admin1_ids(&self) -> Vec<Option<Arc<str>>> {
        let index = |id: &str| match self.get(id) {
            Some(RecordRef::Location(i)) => Some(i as usize),
            _ => None,
        };
        // memo[i]: None = not computed yet; Some(g) = governorate index g, or none.
        let mut memo: Vec<Option<Option<usize>>> = vec![None; self.locations.len()];
        let mut path: Vec<usize> = Vec::new();
        for start in 0..self.locations.len() {
            let mut cur = Some(start);
            let found = loop {
                let Some(i) = cur else { break None };
                if let Some(Some(known)) = memo.get(i) {
                    break *known;
                }
                let Some(loc) = self.locations.get(i) else {
                    break None;
                };
                if loc.kind == LocationKind::Governorate {
                    path.push(i);
                    break Some(i);
                }
                // Cycles are rejected at load time; the bound is a second guard.
                if path.len() > self.locations.len() {
                    break None;
                }
                path.push(i);
                cur = loc.parent.as_deref().and_then(index);
            };
            for i in path.drain(..) {
                if let Some(slot) = memo.get_mut(i) {
                    *slot = Some(found);
                }
            }
        }
        memo.into_iter()
            .map(|g| {
                g.flatten()
                    .and_then(|g| self.locations.get(g))
                    .map(|l| l.id.clone())
            })
            .collect()
    }

    /// The district a location lies in (itself when it is one).
    pub fn admin2(&self, id: &str) -> Option<&Location> {
        let me = self.location(id)?;
        if me.kind == LocationKind::District {
            return Some(me);
        }
        self.ancestors(id)
            .find(|l| l.kind == LocationKind::District)
    }

    /// Every (record, name) pair, the names being `name_ar` and the aliases.
    pub(crate) fn names(&self) -> impl Iterator<Item = (RecordRef, &str, Flags)> + '_ {
        let actors = self.actors.iter().enumerate().flat_map(|(i, a)| {
            std::iter::once(a.name_ar.as_str())
                .chain(a.aliases.iter().map(String::as_str))
                .map(move |n| (RecordRef::Actor(i as u32), n, a.flags))
        });
        let locations = self.locations.iter().enumerate().flat_map(|(i, l)| {
            std::iter::once(l.name_ar.as_str())
                .chain(l.aliases.iter().map(String::as_str))
                .map(move |n| (RecordRef::Location(i as u32), n, l.flags))
        });
        let sources = self.sources.iter().enumerate().flat_map(|(i, s)| {
            std::iter::once(s.name_ar.as_str())
                .chain(s.aliases.iter().map(String::as_str))
                .map(move |n| (RecordRef::Source(i as u32), n, s.flags))
        });
        actors.chain(locations).chain(sources)
    }

    /// Every (trigger index, form, flags) triple, the forms being `name_ar` and the aliases.
    pub(crate) fn trigger_names(&self) -> impl Iterator<Item = (u32, &str, Flags)> + '_ {
        self.triggers.iter().enumerate().flat_map(|(i, t)| {
            std::iter::once(t.name_ar.as_str())
                .chain(t.aliases.iter().map(String::as_str))
                .map(move |n| (i as u32, n, t.flags))
        })
    }

    /// The id of a record.
    pub fn id_of(&self, r: RecordRef) -> Option<&Arc<str>> {
        match r {
            RecordRef::Actor(i) => self.actors.get(i as usize).map(|a| &a.id),
            RecordRef::Location(i) => self.locations.get(i as usize).map(|a| &a.id),
            RecordRef::Source(i) => self.sources.get(i as usize).map(|a| &a.id),
            RecordRef::Trigger(i) => self.triggers.get(i as usize).map(|a| &a.id),
        }
    }

    fn flags_of(&self, r: RecordRef) -> Flags {
        match r {
            RecordRef::Actor(i) => self.actors.get(i as usize).map(|a| a.flags),
            RecordRef::Location(i) => self.locations.get(i as usize).map(|a| a.flags),
            RecordRef::Source(i) => self.sources.get(i as usize).map(|a| a.flags),
            RecordRef::Trigger(i) => self.triggers.get(i as usize).map(|a| a.flags),
        }
        .unwrap_or_default()
    }

    /// Normalized spellings claimed by more than one record where not every claimant
    /// is flagged `ambiguous`: each is a (spelling, ids) pair.
    ///
    /// Loading allows these (a user's file may knowingly reuse a built-in name); the
    /// built-in data is tested to have none.
    pub fn unmarked_collisions(&self) -> Vec<(String, Vec<Arc<str>>)> {
        let mut by_form: HashMap<String, Vec<RecordRef>> = HashMap::new();
        for (r, name, _) in self.names() {
            let form = crate::normalize::normalize_str(name.trim());
            let list = by_form.entry(form).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
        let mut out: Vec<(String, Vec<Arc<str>>)> = by_form
            .into_iter()
            .filter(|(_, rs)| rs.len() > 1 && rs.iter().any(|r| !self.flags_of(*r).ambiguous))
            .map(|(form, rs)| {
                let ids = rs.iter().filter_map(|r| self.id_of(*r).cloned()).collect();
                (form, ids)
            })
            .collect();
        out.sort();
        out
    }
}

/// Builds a [`Gazetteer`] from files, readers and strings.
///
/// Inputs are parsed when [`build`](GazetteerBuilder::build) runs, and every problem is
/// reported as an [`Error`] naming the file and line.
///
/// ```
/// use syria_extract::gazetteer::Gazetteer;
///
/// let tsv = "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance\n\
///            qalaat-x\tvillage\tQal'at X\tقلعة اكس\t\t\t35.1\t38.2\t\t\t\t\tmy survey\n";
/// let gaz = Gazetteer::builder().add_str("villages.tsv", tsv).build().unwrap();
/// assert_eq!(gaz.locations().len(), 1);
/// ```
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    inputs: Vec<Input>,
}

#[derive(Debug)]
enum Input {
    Text { name: String, text: String },
    Bytes { name: String, bytes: Vec<u8> },
    Failed { name: String, error: std::io::Error },
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Appends the inputs of another builder after this one's.
    pub fn extend(&mut self, other: GazetteerBuilder) {
        self.inputs.extend(other.inputs);
    }

    /// Adds every built-in file.
    pub fn builtin(mut self) -> GazetteerBuilder {
        for (name, text) in BUILTIN_FILES {
            self = self.add_str(*name, *text);
        }
        self
    }

    /// Adds a file read from disk. Read errors are reported by `build`.
    pub fn add_file(mut self, path: impl AsRef<Path>) -> GazetteerBuilder {
        let path = path.as_ref();
        let name = path.display().to_string();
        self.inputs.push(match std::fs::read(path) {
            Ok(bytes) => Input::Bytes { name, bytes },
            Err(error) => Input::Failed { name, error },
        });
        self
    }

    /// Adds the contents of a reader; `name` is used in error messages.
    pub fn add_reader(
        mut self,
        name: impl Into<String>,
        mut reader: impl Read,
    ) -> GazetteerBuilder {
        let name = name.into();
        let mut bytes = Vec::new();
        self.inputs.push(match reader.read_to_end(&mut bytes) {
            Ok(_) => Input::Bytes { name, bytes },
            Err(error) => Input::Failed { name, error },
        });
        self
    }

    /// Adds a file's text; `name` is used in error messages.
    pub fn add_str(mut self, name: impl Into<String>, text: impl Into<String>) -> GazetteerBuilder {
        self.inputs.push(Input::Text {
            name: name.into(),
            text: text.into(),
        });
        self
    }

    /// Parses and validates everything added.
    ///
    /// Checks: header and column count of every row, required fields, known kinds and
    /// flags, numbers and coordinate ranges, ids unique across all files, parents and
    /// affiliations that name existing records, and no parent cycles.
    pub fn build(self) -> Result<Gazetteer, Error> {
        let mut loader = Loader::default();
        for input in self.inputs {
            match input {
                Input::Text { name, text } => loader.load(&name, &text)?,
                Input::Bytes { name, bytes } => match std::str::from_utf8(&bytes) {
                    Ok(text) => loader.load(&name, text)?,
                    Err(e) => {
                        // The line of the first bad byte, so the user can find it in
                        // an editor that refuses to open the file.
                        let offset = e.valid_up_to();
                        let line = bytes
                            .get(..offset)
                            .map_or(0, |ok| ok.iter().filter(|b| **b == b'\n').count());
                        return Err(Error::new(
                            name,
                            Some(line + 1),
                            ErrorKind::InvalidUtf8 { offset },
                        ));
                    }
                },
                Input::Failed { name, error } => {
                    return Err(Error::new(name, None, ErrorKind::Io(error)))
                }
            }
        }
        loader.finish()
    }
}

const LOCATION_HEADER: &[&str] = &[
    "id",
    "kind",
    "name_en",
    "name_ar",
    "aliases",
    "parent",
    "lat",
    "lon",
    "pcode",
    "geonames",
    "wikidata",
    "flags",
    "provenance",
];
const ACTOR_HEADER: &[&str] = &[
    "id",
    "kind",
    "name_en",
    "name_ar",
    "aliases",
    "affiliation",
    "country",
    "acled_name",
    "flags",
    "provenance",
];
const SOURCE_HEADER: &[&str] = &[
    "id",
    "kind",
    "name_en",
    "name_ar",
    "aliases",
    "country",
    "flags",
    "provenance",
];
const CUE_HEADER: &[&str] = &["word", "role", "value"];
const TRIGGER_HEADER: &[&str] = &[
    "id",
    "kind",
    "name_ar",
    "aliases",
    "after",
    "requires",
    "sub_event",
    "cameo",
    "flags",
    "provenance",
];

/// Where a record was defined, for messages about references.
#[derive(Debug, Clone)]
struct Origin {
    file: Arc<str>,
    line: usize,
}

#[derive(Default)]
struct Loader {
    gaz: Gazetteer,
    origins: HashMap<Arc<str>, Origin>,
    /// (record, column, referenced id) to check once every file is in.
    references: Vec<(Arc<str>, &'static str, Arc<str>)>,
}

/// One row being parsed: its fields by column name, and its position for errors.
struct Row<'a> {
    file: &'a str,
    line: usize,
    header: &'static [&'static str],
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    fn error(&self, kind: ErrorKind) -> Error {
        Error::new(self.file, Some(self.line), kind)
    }

    fn get(&self, column: &'static str) -> &'a str {
        self.header
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.fields.get(i))
            .map(|f| f.trim())
            .unwrap_or("")
    }

    fn required(&self, column: &'static str) -> Result<&'a str, Error> {
        let v = self.get(column);
        if v.is_empty() {
            Err(self.error(ErrorKind::EmptyField { column }))
        } else {
            Ok(v)
        }
    }

    fn optional(&self, column: &'static str) -> Option<&'a str> {
        Some(self.get(column)).filter(|v| !v.is_empty())
    }

    fn list(&self, column: &'static str) -> Result<Vec<String>, Error> {
        let v = self.get(column);
        if v.is_empty() {
            return Ok(Vec::new());
        }
        v.split('|')
            .map(|item| {
                let item = item.trim();
                if item.is_empty() {
                    Err(self.error(ErrorKind::InvalidValue {
                        column,
                        value: v.to_string(),
                        reason: "empty item in a |-separated list",
                    }))
                } else {
                    Ok(item.to_string())
                }
            })
            .collect()
    }

    fn kind<T>(&self, parse: fn(&str) -> Option<T>, allowed: fn() -> String) -> Result<T, Error> {
        let v = self.required("kind")?;
        parse(v).ok_or_else(|| {
            self.error(ErrorKind::UnknownValue {
                column: "kind",
                value: v.to_string(),
                allowed: allowed(),
            })
        })
    }

    fn id(&self) -> Result<Arc<str>, Error> {
        let id = self.required("id")?;
        let valid = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b));
        if !valid {
            return Err(self.error(ErrorKind::InvalidValue {
                column: "id",
                value: id.to_string(),
                reason: "ids use lowercase ASCII letters, digits, '-', '_' and '.'",
            }));
        }
        Ok(Arc::from(id))
    }

    fn name_ar(&self) -> Result<String, Error> {
        let name = self.required("name_ar")?;
        if crate::normalize::normalize_str(name).trim().is_empty() {
            return Err(self.error(ErrorKind::InvalidValue {
                column: "name_ar",
                value: name.to_string(),
                reason: "the name is empty after normalization",
            }));
        }
        Ok(name.to_string())
    }

    fn aliases(&self) -> Result<Vec<String>, Error> {
        let aliases = self.list("aliases")?;
        for a in &aliases {
            if crate::normalize::normalize_str(a).trim().is_empty() {
                return Err(self.error(ErrorKind::InvalidValue {
                    column: "aliases",
                    value: a.clone(),
                    reason: "the alias is empty after normalization",
                }));
            }
        }
        Ok(aliases)
    }

    fn flags(&self) -> Result<Flags, Error> {
        let mut flags = Flags::default();
        let items = self
            .get("flags")
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty());
        for item in items {
            match item {
                "article" => flags.article = true,
                "needs_cue" => flags.needs_cue = true,
                "ambiguous" => flags.ambiguous = true,
                "suffixes" => flags.suffixes = true,
                _ => {
                    return Err(self.error(ErrorKind::UnknownValue {
                        column: "flags",
                        value: item.to_string(),
                        allowed: "article needs_cue ambiguous suffixes".to_string(),
                    }))
                }
            }
        }
        Ok(flags)
    }

    fn country(&self) -> Result<Option<String>, Error> {
        match self.optional("country") {
            None => Ok(None),
            Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => {
                Ok(Some(c.to_string()))
            }
            Some(c) => Err(self.error(ErrorKind::InvalidValue {
                column: "country",
                value: c.to_string(),
                reason: "expected an ISO 3166-1 alpha-2 code such as SY",
            })),
        }
    }

    fn coordinate(&self, column: &'static str, limit: f64) -> Result<Option<f64>, Error> {
        let Some(v) = self.optional(column) else {
            return Ok(None);
        };
        let x: f64 = v.parse().map_err(|_| {
            self.error(ErrorKind::InvalidValue {
                column,
                value: v.to_string(),
                reason: "not a decimal number",
            })
        })?;
        if !x.is_finite() || x.abs() > limit {
            return Err(self.error(ErrorKind::InvalidValue {
                column,
                value: v.to_string(),
                reason: "coordinate out of range",
            }));
        }
        Ok(Some(x))
    }
}

impl Loader {
    fn load(&mut self, file: &str, text: &str) -> Result<(), Error> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let file_name: Arc<str> = Arc::from(file);
        let mut lines = text
            .split('\n')
            .enumerate()
            .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((header_line, header)) = lines.next() else {
            return Err(Error::new(file, None, ErrorKind::MissingHeader));
        };
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        let header: &'static [&'static str] = [
            LOCATION_HEADER,
            ACTOR_HEADER,
            SOURCE_HEADER,
            CUE_HEADER,
            TRIGGER_HEADER,
        ]
        .into_iter()
        .find(|h| *h == columns.as_slice())
        .ok_or_else(|| {
            Error::new(
                file,
                Some(header_line),
                ErrorKind::UnknownHeader {
                    found: header.to_string(),
                },
            )
        })?;
        for (line, content) in lines {
            let fields: Vec<&str> = content.split('\t').collect();
            let row = Row {
                file,
                line,
                header,
                fields,
            };
            if row.fields.len() != header.len() {
                return Err(row.error(ErrorKind::ColumnCount {
                    expected: header.len(),
                    found: row.fields.len(),
                }));
            }
            if header == LOCATION_HEADER {
                self.location(&row, &file_name)?;
            } else if header == ACTOR_HEADER {
                self.actor(&row, &file_name)?;
            } else if header == SOURCE_HEADER {
                self.source(&row, &file_name)?;
            } else if header == TRIGGER_HEADER {
                self.trigger(&row, &file_name)?;
            } else {
                self.cue(&row)?;
            }
        }
        Ok(())
    }

    fn register(
        &mut self,
        row: &Row,
        file: &Arc<str>,
        id: &Arc<str>,
        r: RecordRef,
    ) -> Result<(), Error> {
        if let Some(first) = self.origins.get(id) {
            return Err(row.error(ErrorKind::DuplicateId {
                id: id.to_string(),
                first: format!("{}:{}", first.file, first.line),
            }));
        }
        self.origins.insert(
            id.clone(),
            Origin {
                file: file.clone(),
                line: row.line,
            },
        );
        self.gaz.by_id.insert(id.clone(), r);
        Ok(())
    }

    fn location(&mut self, row: &Row, file: &Arc<str>) -> Result<(), Error> {
        let id = row.id()?;
        let kind = row.kind(LocationKind::parse, LocationKind::allowed)?;
        let lat = row.coordinate("lat", 90.0)?;
        let lon = row.coordinate("lon", 180.0)?;
        let coordinates = match (lat, lon) {
            (Some(lat), Some(lon)) => Some(Coordinates { lat, lon }),
            (None, None) => None,
            _ => {
                return Err(row.error(ErrorKind::InvalidValue {
                    column: if lat.is_none() { "lat" } else { "lon" },
                    value: String::new(),
                    reason: "lat and lon must both be set or both be empty",
                }))
            }
        };
        let geonames = match row.optional("geonames") {
            None => None,
            Some(v) => Some(v.parse::<u64>().map_err(|_| {
                row.error(ErrorKind::InvalidValue {
                    column: "geonames",
                    value: v.to_string(),
                    reason: "not a GeoNames id (a positive integer)",
                })
            })?),
        };
        if let Some(q) = row.optional("wikidata") {
            let ok =
                q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit());
            if !ok {
                return Err(row.error(ErrorKind::InvalidValue {
                    column: "wikidata",
                    value: q.to_string(),
                    reason: "not a Wikidata id (Q followed by digits)",
                }));
            }
        }
        let parent = row.optional("parent").map(Arc::<str>::from);
        if let Some(p) = &parent {
            self.references.push((id.clone(), "parent", p.clone()));
        }
        let record = Location {
            id: id.clone(),
            kind,
            name_en: Arc::from(row.required("name_en")?),
            name_ar: row.name_ar()?,
            aliases: row.aliases()?,
            parent,
            coordinates,
            pcode: row.optional("pcode").map(str::to_string),
            geonames,
            wikidata: row.optional("wikidata").map(str::to_string),
            flags: row.flags()?,
            provenance: row.required("provenance")?.to_string(),
        };
        let r = RecordRef::Location(self.gaz.locations.len() as u32);
        self.register(row, file, &id, r)?;
        self.gaz.locations.push(record);
        Ok(())
    }

    fn actor(&mut self, row: &Row, file: &Arc<str>) -> Result<(), Error> {
        let id = row.id()?;
        let kind = row.kind(ActorKind::parse, ActorKind::allowed)?;
        let affiliation: Vec<Arc<str>> = row
            .list("affiliation")?
            .into_iter()
            .map(|a| Arc::from(a.as_str()))
            .collect();
        for a in &affiliation {
            self.references.push((id.clone(), "affiliation", a.clone()));
        }
        let record = Actor {
            id: id.clone(),
            kind,
            name_en: Arc::from(row.required("name_en")?),
            name_ar: row.name_ar()?,
            aliases: row.aliases()?,
            affiliation,
            country: row.country()?,
            acled_name: row.get("acled_name").to_string(),
            flags: row.flags()?,
            provenance: row.required("provenance")?.to_string(),
        };
        let r = RecordRef::Actor(self.gaz.actors.len() as u32);
        self.register(row, file, &id, r)?;
        self.gaz.actors.push(record);
        Ok(())
    }

    fn source(&mut self, row: &Row, file: &Arc<str>) -> Result<(), Error> {
        let id = row.id()?;
        let kind = row.kind(SourceKind::parse, SourceKind::allowed)?;
        let record = Source {
            id: id.clone(),
            kind,
            name_en: Arc::from(row.required("name_en")?),
            name_ar: row.name_ar()?,
            aliases: row.aliases()?,
            country: row.country()?,
            flags: row.flags()?,
            provenance: row.required("provenance")?.to_string(),
        };
        let r = RecordRef::Source(self.gaz.sources.len() as u32);
        self.register(row, file, &id, r)?;
        self.gaz.sources.push(record);
        Ok(())
    }

    fn trigger(&mut self, row: &Row, file: &Arc<str>) -> Result<(), Error> {
        let id = row.id()?;
        let kind = row.kind(EventKind::parse, EventKind::allowed)?;
        let after = match row.optional("after") {
            None => None,
            Some(v) => Some(Role::parse(v).ok_or_else(|| {
                row.error(ErrorKind::UnknownValue {
                    column: "after",
                    value: v.to_string(),
                    allowed: Role::allowed(),
                })
            })?),
        };
        let mut requires = Vec::new();
        for word in row.list("requires")? {
            let norm = crate::normalize::normalize_str(&word);
            let norm = norm.trim();
            if norm.is_empty() || norm.contains(' ') {
                return Err(row.error(ErrorKind::InvalidValue {
                    column: "requires",
                    value: word.clone(),
                    reason: "each item is the beginning of one word",
                }));
            }
            requires.push(norm.to_string());
        }
        let cameo = row.optional("cameo").map(str::to_string);
        if let Some(c) = &cameo {
            if !(2..=4).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(row.error(ErrorKind::InvalidValue {
                    column: "cameo",
                    value: c.clone(),
                    reason: "a CAMEO code is 2 to 4 digits",
                }));
            }
        }
        let record = Trigger {
            id: id.clone(),
            kind,
            name_ar: row.name_ar()?,
            aliases: row.aliases()?,
            after,
            requires,
            sub_event: row.optional("sub_event").map(str::to_string),
            cameo,
            flags: row.flags()?,
            provenance: row.required("provenance")?.to_string(),
        };
        let r = RecordRef::Trigger(self.gaz.triggers.len() as u32);
        self.register(row, file, &id, r)?;
        self.gaz.triggers.push(record);
        Ok(())
    }

    fn cue(&mut self, row: &Row) -> Result<(), Error> {
        let word = row.required("word")?;
        if crate::normalize::normalize_str(word).trim().is_empty() {
            return Err(row.error(ErrorKind::InvalidValue {
                column: "word",
                value: word.to_string(),
                reason: "the word is empty after normalization",
            }));
        }
        let role_text = row.required("role")?;
        let role = CueRole::parse(role_text).ok_or_else(|| {
            row.error(ErrorKind::UnknownValue {
                column: "role",
                value: role_text.to_string(),
                allowed: CueRole::allowed(),
            })
        })?;
        let value = row.get("value");
        let mut prefers = Vec::new();
        let mut direction = None;
        match role {
            CueRole::Location => {
                for item in row.list("value")? {
                    prefers.push(LocationKind::parse(&item).ok_or_else(|| {
                        row.error(ErrorKind::UnknownValue {
                            column: "value",
                            value: item.clone(),
                            allowed: LocationKind::allowed(),
                        })
                    })?);
                }
            }
            CueRole::DirectionAfter | CueRole::DirectionBefore => {
                direction = Some(Direction::parse(value).ok_or_else(|| {
                    row.error(ErrorKind::UnknownValue {
                        column: "value",
                        value: value.to_string(),
                        allowed: Direction::allowed(),
                    })
                })?);
            }
            _ => {
                if !value.is_empty() {
                    return Err(row.error(ErrorKind::InvalidValue {
                        column: "value",
                        value: value.to_string(),
                        reason: "this role takes no value",
                    }));
                }
            }
        }
        self.gaz.cues.push(CueWord {
            word: word.to_string(),
            role,
            prefers,
            direction,
        });
        Ok(())
    }

    fn finish(self) -> Result<Gazetteer, Error> {
        let Loader {
            gaz,
            origins,
            references,
        } = self;
        let origin_error = |id: &Arc<str>, kind: ErrorKind| {
            let (file, line) = origins
                .get(id)
                .map(|o| (o.file.to_string(), Some(o.line)))
                .unwrap_or_default();
            Error::new(file, line, kind)
        };
        for (id, column, target) in &references {
            let ok = match *column {
                "parent" => matches!(gaz.get(target), Some(RecordRef::Location(_))),
                _ => matches!(gaz.get(target), Some(RecordRef::Actor(_))),
            };
            if !ok {
                return Err(origin_error(
                    id,
                    ErrorKind::UnknownReference {
                        column,
                        id: target.to_string(),
                    },
                ));
            }
        }
        // Parent cycles: walk each chain, remembering what is known to reach a root.
        // `seen` is a set: a user file may hold a chain thousands of parents deep, and
        // a linear scan per step made loading it quadratic.
        let mut acyclic: HashSet<&str> = HashSet::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for loc in &gaz.locations {
            seen.clear();
            let mut cur: Option<&Location> = Some(loc);
            while let Some(l) = cur {
                if acyclic.contains(&*l.id) {
                    break;
                }
                if !seen.insert(&l.id) {
                    return Err(origin_error(
                        &loc.id,
                        ErrorKind::ParentCycle {
                            id: loc.id.to_string(),
                        },
                    ));
                }
                cur = l.parent.as_deref().and_then(|p| gaz.location(p));
            }
            acyclic.extend(seen.drain());
        }
        Ok(gaz)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOC_HEADER: &str =
        "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance";

    fn load(rows: &[&str]) -> Result<Gazetteer, Error> {
        let mut text = String::from(LOC_HEADER);
        for r in rows {
            text.push('\n');
            text.push_str(r);
        }
        Gazetteer::builder().add_str("t.tsv", text).build()
    }

    #[test]
    fn malformed_rows_are_reported_with_line_and_reason() {
        let good = "a\tcity\tA\tاي\t\t\t35\t38\t\t\t\t\tcurated";
        // (rows, expected line, predicate on the kind)
        type Check = fn(&ErrorKind) -> bool;
        let cases: &[(&[&str], usize, Check)] = &[
            (&["a\tcity\tA\tاي"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::ColumnCount {
                        expected: 13,
                        found: 4
                    }
                )
            }),
            (&[&format!("{good}\textra")], 2, |k| {
                matches!(k, ErrorKind::ColumnCount { found: 14, .. })
            }),
            (&["a\tcity\tA\t\t\t\t\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::EmptyField { column: "name_ar" })
            }),
            (&["a\tcity\tA\t\u{064E}\t\t\t\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "name_ar",
                        ..
                    }
                )
            }),
            (
                &["a\tcity\tA\tاي\t\t\tnorth\t38\t\t\t\t\tcurated"],
                2,
                |k| matches!(k, ErrorKind::InvalidValue { column: "lat", .. }),
            ),
            (&["a\tcity\tA\tاي\t\t\t95\t38\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::InvalidValue { column: "lat", .. })
            }),
            (&["a\tcity\tA\tاي\t\t\t35\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::InvalidValue { column: "lon", .. })
            }),
            (
                &["a\tcity\tA\tاي\t\t\tNaN\t38\t\t\t\t\tcurated"],
                2,
                |k| matches!(k, ErrorKind::InvalidValue { column: "lat", .. }),
            ),
            (&["a\ttown-ish\tA\tاي\t\t\t\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::UnknownValue { column: "kind", .. })
            }),
            (
                &["a\tcity\tA\tاي\t\t\t\t\t\t\t\tbogus\tcurated"],
                2,
                |k| {
                    matches!(
                        k,
                        ErrorKind::UnknownValue {
                            column: "flags",
                            ..
                        }
                    )
                },
            ),
            (&["A B\tcity\tA\tاي\t\t\t\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::InvalidValue { column: "id", .. })
            }),
            (&["a\tcity\tA\tاي\t\t\t\t\t\tx12\t\t\tcurated"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "geonames",
                        ..
                    }
                )
            }),
            (&["a\tcity\tA\tاي\t\t\t\t\t\t\t12\t\tcurated"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "wikidata",
                        ..
                    }
                )
            }),
            (
                &["a\tcity\tA\tاي\tب||ج\t\t\t\t\t\t\t\tcurated"],
                2,
                |k| {
                    matches!(
                        k,
                        ErrorKind::InvalidValue {
                            column: "aliases",
                            ..
                        }
                    )
                },
            ),
            (&["a\tcity\tA\tاي\t\t\t\t\t\t\t\t\t"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::EmptyField {
                        column: "provenance"
                    }
                )
            }),
            (&[good, good], 3, |k| {
                matches!(k, ErrorKind::DuplicateId { .. })
            }),
            (
                &["a\tcity\tA\tاي\t\tnowhere\t\t\t\t\t\t\tcurated"],
                2,
                |k| {
                    matches!(
                        k,
                        ErrorKind::UnknownReference {
                            column: "parent",
                            ..
                        }
                    )
                },
            ),
            (
                &[
                    "a\tcity\tA\tاي\t\tb\t\t\t\t\t\t\tcurated",
                    "b\tcity\tB\tبي\t\ta\t\t\t\t\t\t\tcurated",
                ],
                2,
                |k| matches!(k, ErrorKind::ParentCycle { .. }),
            ),
        ];
        for (rows, line, check) in cases {
            let err = load(rows).expect_err("row must be rejected");
            assert_eq!(err.file(), "t.tsv", "{rows:?}");
            assert_eq!(err.line(), Some(*line), "{rows:?}: {err}");
            assert!(check(err.kind()), "{rows:?}: {err}");
        }
    }

    #[test]
    fn accepts_bom_crlf_and_comments() {
        let text = format!(
            "\u{FEFF}{LOC_HEADER}\r\n# a comment\r\n\r\na\tcity\tA\tاي\tاى|Ay\t\t35\t38\tSY01\t12\tQ5\tambiguous,article\tcurated\r\n"
        );
        let gaz = Gazetteer::builder().add_str("t.tsv", text).build().unwrap();
        let a = gaz.location("a").unwrap();
        assert_eq!(a.aliases, vec!["اى", "Ay"]);
        assert_eq!(
            a.coordinates,
            Some(Coordinates {
                lat: 35.0,
                lon: 38.0
            })
        );
        assert_eq!(a.geonames, Some(12));
        assert!(a.flags.ambiguous && a.flags.article && !a.flags.needs_cue);
        assert_eq!(a.provenance, "curated");
    }

    #[test]
    fn rejects_unknown_header_invalid_utf8_and_missing_files() {
        let err = Gazetteer::builder()
            .add_str("x.tsv", "id\tname\n")
            .build()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::UnknownHeader { .. }));
        assert_eq!(err.line(), Some(1));
        let err = Gazetteer::builder()
            .add_reader("bad.tsv", &b"id\tkind\n\xff\xfe"[..])
            .build()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidUtf8 { offset: 8 }));
        assert_eq!(
            err.to_string(),
            "bad.tsv:2: not valid UTF-8 (first invalid byte at offset 8)"
        );
        let err = Gazetteer::builder()
            .add_file("/nonexistent/x.tsv")
            .build()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Io(_)));
        assert_eq!(err.file(), "/nonexistent/x.tsv");
        let err = Gazetteer::builder()
            .add_str("e.tsv", "\n\n")
            .build()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::MissingHeader));
    }

    #[test]
    fn duplicate_ids_across_files_name_the_first_definition() {
        let loc = format!("{LOC_HEADER}\nx\tcity\tX\tاكس\t\t\t\t\t\t\t\t\tcurated\n");
        let actors = "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance\n\
                      x\tmilitia\tX\tاكس\t\t\t\t\t\tcurated\n";
        let err = Gazetteer::builder()
            .add_str("l.tsv", loc)
            .add_str("a.tsv", actors)
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.tsv:2: duplicate id \"x\" (first defined at l.tsv:2)"
        );
    }

    #[test]
    fn admin1_ids_agree_with_admin1() {
        let gaz = load(&[
            "c\tcountry\tC\tسي\t\t\t\t\t\t\t\t\tcurated",
            "g\tgovernorate\tG\tجي\t\tc\t\t\t\t\t\t\tcurated",
            "d\tdistrict\tD\tدي\t\tg\t\t\t\t\t\t\tcurated",
            "t\ttown\tT\tتي\t\td\t\t\t\t\t\t\tcurated",
            "r\tregion\tR\tري\t\t\t\t\t\t\t\t\tcurated",
            "v\tvillage\tV\tفي\t\tr\t\t\t\t\t\t\tcurated",
        ])
        .unwrap();
        let want: Vec<Option<Arc<str>>> = gaz
            .locations()
            .iter()
            .map(|l| gaz.admin1(&l.id).map(|g| g.id.clone()))
            .collect();
        assert_eq!(gaz.admin1_ids(), want);
        let g: Option<Arc<str>> = Some(Arc::from("g"));
        assert_eq!(want, [None, g.clone(), g.clone(), g, None, None]);
    }

    #[test]
    fn cue_rows_are_checked() {
        let ok = "word\trole\tvalue\nمدينة\tlocation\tcity|town\nالشرقي\tdirection_after\teast\n";
        let gaz = Gazetteer::builder().add_str("c.tsv", ok).build().unwrap();
        assert_eq!(
            gaz.cues()[0].prefers,
            vec![LocationKind::City, LocationKind::Town]
        );
        assert_eq!(gaz.cues()[1].direction, Some(Direction::East));
        for bad in [
            "مدينة\tplace\t",
            "الشرقي\tdirection_after\teastward",
            "في\tpreposition\tx",
        ] {
            let err = Gazetteer::builder()
                .add_str("c.tsv", format!("word\trole\tvalue\n{bad}\n"))
                .build()
                .unwrap_err();
            assert_eq!(err.line(), Some(2), "{bad}");
        }
    }
}
