//! ACLED export: the events of a [`Document`] as rows in the column order of ACLED's
//! public export (the 31 columns of [`COLUMNS`]), coded with ACLED's codebook values.
//!
//! ACLED's unit of record is one event type, one pair of actors, one location and one
//! day. [`rows`] follows it:
//!
//! - only events reported as having happened ([`Event::is_reported`]: asserted, a
//!   report and not a statement, hypothetical, generic, historical, question,
//!   back-reference or detail mention, not a running total or period tally, anchored by
//!   an argument) make rows;
//! - an event with several places (two villages shelled in one sentence) makes one row
//!   per place, a place that only situates another ("بلدة السخنة بريف حمص", "بادية
//!   السخنة شرقي حمص") making none of its own; stated fatalities are split evenly over
//!   those rows; killed and wounded told as one figure give no fatalities (as ACLED
//!   codes them) and the tag `casualties=N`;
//! - rows equal in event type, actors, place and day are one row (one event told by two
//!   trigger words), keeping the higher fatality count;
//! - a killing that is the outcome of another event (`part_of`) adds its fatalities and
//!   its victims to that event's row instead of making a row of its own;
//! - the initiator is `actor1`, the target `actor2`, further actors are associated
//!   actors of the side they belong to (`assoc_actor_1`, `assoc_actor_2`), so no actor of
//!   the event is dropped.
//!
//! # Where the values differ from ACLED's
//!
//! - `notes` is the Arabic sentence as written, not an English summary; `tags` holds
//!   `key=value` notes of this crate (`fatalities=at least N` for vague counts such as
//!   "عشرات", `date=report date`, `actor1=not named`, `claimed`, `protest target=X`),
//!   not ACLED's tag vocabulary.
//! - Vague counts keep the library's lower bound ("عشرات" is at least 20), where ACLED
//!   codes "tens" as 10, "dozens" as 12 and "hundreds" as 100.
//! - Admin names and place names are the gazetteer's English names (OCHA spellings
//!   mostly), which may differ in spelling from ACLED's admin names.
//! - Without a time in the sentence the event date is the document date with time
//!   precision 2; with no document date the date columns are empty.
//! - `geo_precision` is how the text locates the event at the place (the library's
//!   `geo_precision` of the mention: 2 after a direction or area word such as "شرقي" or
//!   "بادية", 3 for a governorate or region), raised to the precision of a containing
//!   place whose coordinates are borrowed.
//! - `source_scale` is derived from the source record's kind and country.
//! - `timestamp` is what the caller passes (the export time), `event_id_cnty` a number
//!   made of the document id, not an ACLED id.
//!
//! ```
//! use syria_extract::acled::{self, DocumentInfo};
//! use syria_extract::time::Date;
//! use syria_extract::{Article, Extractor};
//!
//! let extractor = Extractor::default();
//! let text = "قصفت قوات النظام أمس بلدة السخنة بريف حمص الشرقي ما أدى إلى مقتل 4 مدنيين.";
//! let date = Date::parse("2019-05-20").ok();
//! let doc = extractor.extract(Article::new(text).published(date));
//! let info = DocumentInfo { id: "article-1", date, source: Some("SY24"), timestamp: None };
//! let rows = acled::rows(extractor.gazetteer(), text, &doc, &info);
//! assert_eq!(rows.len(), 1); // the killing is the shelling's outcome, not a second row
//! let row = &rows[0];
//! assert_eq!(row.event_date, "2019-05-19");
//! assert_eq!(row.sub_event_type, "Shelling/artillery/missile attack");
//! assert_eq!((row.inter1, row.inter2, row.interaction), (Some(1), Some(7), Some(17)));
//! assert_eq!(row.actor2, "Civilians (Syria)");
//! assert_eq!(row.civilian_targeting, "Civilian targeting");
//! assert_eq!((row.location.as_str(), row.admin1.as_str()), ("Al-Sukhnah", "Homs"));
//! assert_eq!(row.fatalities, 4);
//! assert!(row.event_id_cnty.starts_with("SYR"));
//! ```

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::entity::Entity;
use crate::event::{Event, EventActor, Role};
use crate::gazetteer::{Actor, ActorKind, Gazetteer, Location, LocationKind, Source, SourceKind};
use crate::time::Date;
use crate::Document;

/// The column names of ACLED's public export, in its order; [`AcledRow`] serializes its
/// fields in this order.
pub const COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Gazetteer id of Syria.
const SYRIA: &str = "country-sy";

/// ISO 3166-1 numeric code of Syria.
pub const ISO_SYRIA: u16 = 760;

/// ACLED actor name of civilians in Syria, used as `actor2` of violence against civilians.
pub const CIVILIANS: &str = "Civilians (Syria)";

/// ACLED actor name of protesters in Syria, `actor1` of every protest.
pub const PROTESTERS: &str = "Protesters (Syria)";

/// ACLED actor name used when violence is reported without naming who did it.
pub const UNIDENTIFIED: &str = "Unidentified Armed Group (Syria)";

/// One ACLED record. Empty strings and `None` are empty CSV cells.
///
/// The fields are in the order of [`COLUMNS`], so serializing rows with a CSV writer
/// gives ACLED's column order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AcledRow {
    /// `SYR` and a number made of the document id and the row's place in the
    /// document: stable for the same input and library version ([`event_id`]).
    pub event_id_cnty: String,
    /// `YYYY-MM-DD`, empty when neither the text nor the document date gives one.
    pub event_date: String,
    /// Year of `event_date`.
    pub year: Option<i32>,
    /// 1 day, 2 week, 3 month (ACLED time precision).
    pub time_precision: Option<u8>,
    /// "Political violence", "Demonstrations", "Strategic developments", or
    /// "Political violence; Demonstrations" ([`disorder_type`]).
    pub disorder_type: String,
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// First actor: the initiator where the sentence shows one.
    pub actor1: String,
    /// Further actors on the side of `actor1`, separated by "; ".
    pub assoc_actor_1: String,
    /// ACLED actor type of `actor1`, 1–8 ([`inter_code`]).
    pub inter1: Option<u8>,
    /// Second actor: the target where the sentence shows one.
    pub actor2: String,
    /// Further actors on the side of `actor2`, separated by "; ".
    pub assoc_actor_2: String,
    /// ACLED actor type of `actor2`, 1–8.
    pub inter2: Option<u8>,
    /// The two inter codes as one number, lower digit first ([`interaction`]).
    pub interaction: Option<u8>,
    /// "Civilian targeting" when civilians are the target, else empty.
    pub civilian_targeting: String,
    /// ISO 3166-1 numeric country code: 760 (empty for a place outside Syria).
    pub iso: Option<u16>,
    /// "Middle East" (empty for a place outside Syria).
    pub region: String,
    /// "Syria", or the country of a place outside Syria (tagged `outside Syria`).
    pub country: String,
    /// Governorate (English name of the gazetteer record).
    pub admin1: String,
    /// District.
    pub admin2: String,
    /// Subdistrict (nahiya).
    pub admin3: String,
    /// The place (English name of the gazetteer record).
    pub location: String,
    /// Latitude of the place, or of the nearest containing place with coordinates.
    pub latitude: Option<f64>,
    /// Longitude, as `latitude`.
    pub longitude: Option<f64>,
    /// 1 the place itself, 2 near it or a part of a region, 3 only a larger region.
    pub geo_precision: Option<u8>,
    /// The document's source and the source the sentence cites, separated by "; ".
    pub source: String,
    /// ACLED source scale of the known sources ("National", "Regional-International").
    pub source_scale: String,
    /// The sentence (or sentences) reporting the event, as written.
    pub notes: String,
    /// Reported fatalities; 0 when none are stated; a lower bound when the text is
    /// vague (then `tags` holds `fatalities=at least N`).
    pub fatalities: u32,
    /// Notes for the analyst, `key=value`, separated by "; ".
    pub tags: String,
    /// Unix time of the export, as given by the caller.
    pub timestamp: Option<i64>,
}

/// What [`rows`] needs to know about a document besides its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentInfo<'a> {
    /// The document's id (a file name, an archive id); part of every `event_id_cnty`.
    pub id: &'a str,
    /// Publication date: the event date when the sentence gives none.
    pub date: Option<Date>,
    /// Who published the document (an outlet name or a gazetteer source id), first in
    /// the `source` column.
    pub source: Option<&'a str>,
    /// The `timestamp` column.
    pub timestamp: Option<i64>,
}

/// What [`rows`] reads of a long document, gathered one block at a time: its source
/// mentions and the events a row is made of (the reported ones, and those a reported
/// event is the outcome of), so that the rest of each block can go as soon as it is
/// done. The rows of [`document`](RowEvents::document) are the rows of the blocks put
/// together as one document.
///
/// ```
/// use syria_extract::acled::{self, DocumentInfo, RowEvents};
/// use syria_extract::{Document, Extractor};
///
/// let extractor = Extractor::default();
/// let text = "قصفت قوات النظام بلدة السخنة.\n\nوتوعدت الفصائل بالرد على القصف.\n\n\
///             خرجت مظاهرة في مدينة إدلب.";
/// let mut gathered = RowEvents::default();
/// let mut whole = Document::default();
/// for block in extractor.extract_blocks(text, 80) {
///     whole.events.extend(block.document.events.iter().cloned());
///     gathered.add(block.document);
/// }
/// let info = DocumentInfo::default();
/// let rows = acled::rows(extractor.gazetteer(), text, gathered.document(), &info);
/// assert_eq!(rows, acled::rows(extractor.gazetteer(), text, &whole, &info));
/// assert_eq!(rows.len(), 2);
/// // The threat is no row, and is not kept.
/// assert!(gathered.document().events.len() < whole.events.len());
/// ```
#[derive(Debug, Default)]
pub struct RowEvents {
    document: Document,
    /// For every event added so far, its index in `document.events`, or `u32::MAX`
    /// where it was left out.
    kept: Vec<u32>,
}

impl RowEvents {
    /// Adds the next block's document (of
    /// [`Extractor::extract_blocks`](crate::Extractor::extract_blocks), in order).
    pub fn add(&mut self, block: Document) {
        let first = self.kept.len();
        // An outcome names its event within its sentence, so within its block.
        let parents: rustc_hash::FxHashSet<usize> = block
            .events
            .iter()
            .filter(|e| e.is_reported())
            .filter_map(|e| e.part_of)
            .collect();
        let mut added = Vec::new();
        for (i, event) in block.events.into_iter().enumerate() {
            let keep = event.is_reported() || parents.contains(&(first + i));
            if keep {
                let index = self.document.events.len() + added.len();
                self.kept.push(u32::try_from(index).unwrap_or(u32::MAX));
                added.push(event);
            } else {
                self.kept.push(u32::MAX);
            }
        }
        for mut event in added {
            let kept = |i: usize| {
                self.kept
                    .get(i)
                    .filter(|&&k| k != u32::MAX)
                    .map(|&k| k as usize)
            };
            event.part_of = event.part_of.and_then(kept);
            event.refers_to = event.refers_to.and_then(kept);
            self.document.events.push(event);
        }
        let sources = block
            .entities
            .into_iter()
            .filter(|e| e.kind == crate::EntityKind::Source);
        self.document.entities.extend(sources);
    }

    /// The gathered events and sources, for [`rows`].
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.document
    }
}

/// The ACLED rows of one document, in the order of their events.
///
/// `text` is the text the document was extracted from (the `notes` are its
/// sentences); `gazetteer` the one the extractor used, for actor types, admin names
/// and coordinates.
pub fn rows(
    gazetteer: &Gazetteer,
    text: &str,
    doc: &Document,
    info: &DocumentInfo<'_>,
) -> Vec<AcledRow> {
    let mut drafts = Drafts::default();
    // Found once, not once per event: it would otherwise read the whole document for
    // every row.
    drafts.add(gazetteer, text, doc.sources().next(), info, doc);
    drafts.finish(info)
}

/// The rows of a document so far, merged as they come: ACLED's records.
#[derive(Debug, Default)]
struct Drafts {
    drafts: Vec<Draft>,
    /// The drafts of each event type, place and day, in order: a draft can only be the
    /// same record as one of those, so a long document's rows are found in linear
    /// time, not by comparing each draft with every row before it.
    by_key: FxHashMap<RecordKey, Vec<usize>>,
}

impl Drafts {
    /// Drafts the rows of `doc`'s events, in order, each merged into the record it
    /// is one of. `doc`'s `part_of` indexes are into its own events.
    fn add(
        &mut self,
        gazetteer: &Gazetteer,
        text: &str,
        first_source: Option<&Entity>,
        info: &DocumentInfo<'_>,
        doc: &Document,
    ) {
        let mut outcomes_of: FxHashMap<usize, Vec<&Event>> = FxHashMap::default();
        for e in doc.events.iter().filter(|e| e.is_reported()) {
            if let Some(parent) = e.part_of {
                outcomes_of.entry(parent).or_default().push(e);
            }
        }
        for (index, event) in doc.events.iter().enumerate() {
            if !has_own_row(doc, event) {
                continue;
            }
            let outcomes = outcomes_of.get(&index).map_or(&[][..], Vec::as_slice);
            for draft in event_drafts(gazetteer, text, first_source, info, event, outcomes) {
                let same_key = self.by_key.entry(draft.key()).or_default();
                match same_key
                    .iter()
                    .find(|&&i| self.drafts[i].same_record(&draft))
                {
                    Some(&i) => self.drafts[i].merge(draft),
                    None => {
                        same_key.push(self.drafts.len());
                        self.drafts.push(draft);
                    }
                }
            }
        }
    }

    fn finish(self, info: &DocumentInfo<'_>) -> Vec<AcledRow> {
        self.drafts
            .into_iter()
            .enumerate()
            .map(|(n, d)| d.finish(info, n + 1))
            .collect()
    }
}

/// The ACLED rows of a long document built as its blocks are extracted: each block's
/// events become rows, merged into the records before them, as soon as the block is
/// added, and the block can go. What is kept is one draft per ACLED record, however
/// long the document; [`finish`](RowBuilder::finish) gives the rows [`rows`] gives for
/// the blocks taken as one document.
///
/// A row without a source of its own names the document's first source mention, so
/// the blocks before the first one that mentions a source wait, gathered as
/// [`RowEvents`] gathers them, until one does (or the document ends).
///
/// ```
/// use syria_extract::acled::{self, DocumentInfo, RowBuilder};
/// use syria_extract::{Document, Extractor};
///
/// let extractor = Extractor::default();
/// let text = "قصفت قوات النظام بلدة السخنة.\n\nوتوعدت الفصائل بالرد على القصف.\n\n\
///             خرجت مظاهرة في مدينة إدلب، بحسب المرصد السوري لحقوق الإنسان.";
/// let info = DocumentInfo::default();
/// let mut builder = RowBuilder::new(extractor.gazetteer(), text, info);
/// let mut whole = Document::default();
/// // Two blocks: the first two paragraphs, then the last.
/// for (n, block) in extractor.extract_blocks(text, 120).enumerate() {
///     assert!(n < 2);
///     whole.events.extend(block.document.events.iter().cloned());
///     whole.entities.extend(block.document.entities.iter().cloned());
///     builder.add(block.document);
/// }
/// let rows = builder.finish();
/// assert_eq!(rows, acled::rows(extractor.gazetteer(), text, &whole, &info));
/// assert_eq!(rows.len(), 2);
/// // The shelling, in the first block, names the source of the last.
/// assert!(rows[0].source.contains("Syrian Observatory"), "{}", rows[0].source);
/// ```
#[derive(Debug)]
pub struct RowBuilder<'a> {
    gazetteer: &'a Gazetteer,
    text: &'a str,
    info: DocumentInfo<'a>,
    drafts: Drafts,
    /// The document's first source mention, once a block has named one.
    first_source: Option<Entity>,
    /// The blocks before that, gathered.
    waiting: RowEvents,
    /// The events of the blocks added so far: where the next block's indexes start.
    events_seen: usize,
}

impl<'a> RowBuilder<'a> {
    /// A builder for the rows of `text` (the whole text the blocks come from), with
    /// the gazetteer the extractor used.
    pub fn new(gazetteer: &'a Gazetteer, text: &'a str, info: DocumentInfo<'a>) -> Self {
        RowBuilder {
            gazetteer,
            text,
            info,
            drafts: Drafts::default(),
            first_source: None,
            waiting: RowEvents::default(),
            events_seen: 0,
        }
    }

    /// Adds the next block's document (of
    /// [`Extractor::extract_blocks`](crate::Extractor::extract_blocks), in order).
    pub fn add(&mut self, mut block: Document) {
        let base = self.events_seen;
        self.events_seen += block.events.len();
        if self.first_source.is_none() {
            self.first_source = block.sources().next().cloned();
            if self.first_source.is_none() {
                self.waiting.add(block);
                return;
            }
            let waiting = std::mem::take(&mut self.waiting);
            self.drafts.add(
                self.gazetteer,
                self.text,
                self.first_source.as_ref(),
                &self.info,
                waiting.document(),
            );
        }
        // An outcome names its event within its sentence, so within its block: the
        // block's indexes are made its own.
        for event in &mut block.events {
            event.part_of = event.part_of.and_then(|p| p.checked_sub(base));
            event.refers_to = event.refers_to.and_then(|p| p.checked_sub(base));
        }
        self.drafts.add(
            self.gazetteer,
            self.text,
            self.first_source.as_ref(),
            &self.info,
            &block,
        );
    }

    /// The rows, in the order of their events.
    #[must_use]
    pub fn finish(mut self) -> Vec<AcledRow> {
        if self.first_source.is_none() {
            let waiting = std::mem::take(&mut self.waiting);
            self.drafts.add(
                self.gazetteer,
                self.text,
                None,
                &self.info,
                waiting.document(),
            );
        }
        self.drafts.finish(&self.info)
    }
}

/// A reported event that is not the outcome of another row's event.
fn has_own_row(doc: &Document, event: &Event) -> bool {
    if !event.is_reported() {
        return false;
    }
    match event.part_of.and_then(|p| doc.events.get(p)) {
        Some(parent) => !parent.is_reported() || parent.part_of.is_some(),
        None => true,
    }
}

/// The ACLED actor type of an actor record: 1 state forces, 2 rebel groups, 3 political
/// militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external or
/// other forces (state forces outside their own country among them).
///
/// ```
/// use syria_extract::acled::inter_code;
/// use syria_extract::gazetteer::Gazetteer;
///
/// let gaz = Gazetteer::builtin();
/// assert_eq!(inter_code(gaz.actor("sy-regime-forces").unwrap()), 1);
/// assert_eq!(inter_code(gaz.actor("isis").unwrap()), 2);
/// assert_eq!(inter_code(gaz.actor("civilians").unwrap()), 7);
/// assert_eq!(inter_code(gaz.actor("protesters").unwrap()), 6);
/// ```
pub fn inter_code(actor: &Actor) -> u8 {
    use ActorKind::*;
    // The ACLED name decides where the record's kind is broader than ACLED's types:
    // protesters are a civilian record here.
    if actor.acled_name.starts_with("Protesters") {
        return 6;
    }
    if actor.acled_name.starts_with("Rioters") {
        return 5;
    }
    match actor.kind {
        StateForces | StateAgency | Government => {
            let syrian = actor.country.as_deref().is_none_or(|c| c == "SY");
            if syrian {
                1
            } else {
                8
            }
        }
        JihadistGroup | OppositionFaction | KurdishForce => 2,
        Militia | UnidentifiedArmedGroup | PoliticalParty => 3,
        TribalForce => 4,
        Civilians => 7,
        ForeignState | ForeignForces | Coalition => 8,
    }
}

/// ACLED's interaction code: the two inter codes as one number, the lower first
/// (13, not 31); a single actor type gives its code followed by 0 (10).
///
/// ```
/// use syria_extract::acled::interaction;
/// assert_eq!(interaction(Some(3), Some(1)), Some(13));
/// assert_eq!(interaction(Some(2), None), Some(20));
/// assert_eq!(interaction(None, None), None);
/// ```
pub fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> Option<u8> {
    match (inter1, inter2) {
        (Some(a), Some(b)) => Some(a.min(b) * 10 + a.max(b)),
        (Some(a), None) | (None, Some(a)) => Some(a * 10),
        (None, None) => None,
    }
}

/// ACLED's disorder type of an event type and sub-event type.
///
/// ```
/// use syria_extract::acled::disorder_type;
/// assert_eq!(disorder_type("Battles", "Armed clash"), "Political violence");
/// assert_eq!(disorder_type("Protests", "Peaceful protest"), "Demonstrations");
/// assert_eq!(disorder_type("Protests", "Excessive force against protesters"),
///            "Political violence; Demonstrations");
/// assert_eq!(disorder_type("Strategic developments", "Arrests"), "Strategic developments");
/// ```
pub fn disorder_type(event_type: &str, sub_event_type: &str) -> &'static str {
    match (event_type, sub_event_type) {
        ("Protests", "Excessive force against protesters") => "Political violence; Demonstrations",
        ("Riots", "Mob violence") => "Political violence",
        ("Protests" | "Riots", _) => "Demonstrations",
        ("Strategic developments", _) => "Strategic developments",
        _ => "Political violence",
    }
}

/// The subdistrict (nahiya, ACLED's admin3 in Syria) a location lies in, itself when it
/// is one.
///
/// ```
/// use syria_extract::acled::admin3;
/// use syria_extract::gazetteer::Gazetteer;
///
/// let gaz = Gazetteer::builtin();
/// assert_eq!(&*admin3(gaz, "sukhnah").unwrap().id, "sy040501");
/// assert!(admin3(gaz, "sy04").is_none()); // a governorate lies in no subdistrict
/// ```
pub fn admin3<'a>(gazetteer: &'a Gazetteer, id: &str) -> Option<&'a Location> {
    let me = gazetteer.location(id)?;
    if me.kind == LocationKind::Subdistrict {
        return Some(me);
    }
    gazetteer
        .ancestors(id)
        .find(|l| l.kind == LocationKind::Subdistrict)
}

/// The `event_id_cnty` of the `ordinal`-th row (from 1) of the document `doc_id`:
/// `SYR`, 16 digits of a 64-bit FNV-1a hash of the id, then the ordinal. Different
/// documents get different numbers (with 10 million documents the chance that two
/// share one is about half a percent), the same document always the same.
///
/// ```
/// use syria_extract::acled::event_id;
/// let id = event_id("archive.jsonl:17", 3);
/// assert_eq!(id, event_id("archive.jsonl:17", 3));
/// assert_ne!(id, event_id("archive.jsonl:18", 3));
/// assert!(id.starts_with("SYR") && id.ends_with('3') && id.len() == 3 + 16 + 1);
/// ```
pub fn event_id(doc_id: &str, ordinal: usize) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc_id.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("SYR{:016}{ordinal}", hash % 10_000_000_000_000_000)
}

/// ACLED's geo-precision of a place from its kind alone: 1 a settlement or a site, 2 a
/// district, subdistrict or natural feature of moderate size, 3 a governorate, region,
/// desert, river or country.
fn kind_precision(kind: LocationKind) -> u8 {
    use LocationKind::*;
    match kind {
        Country | Governorate | Desert | Region | River => 3,
        District | Subdistrict | Mountain | Plain | Valley | Lake | Road => 2,
        _ => 1,
    }
}

/// The tag of a row whose actor1 is the placeholder [`UNIDENTIFIED`].
const NOT_NAMED: &str = "actor1=not named";

/// One side of an event: its main actor first, then the associated ones, as ACLED names
/// with their inter codes.
#[derive(Debug, Default, Clone)]
struct Side {
    actors: Vec<(String, u8)>,
}

impl Side {
    fn push(&mut self, name: String, inter: u8) {
        if !self.actors.iter().any(|(n, _)| *n == name) {
            self.actors.push((name, inter));
        }
    }

    fn main(&self) -> Option<&(String, u8)> {
        self.actors.first()
    }

    fn name(&self) -> String {
        self.main().map(|(n, _)| n.clone()).unwrap_or_default()
    }

    fn inter(&self) -> Option<u8> {
        self.main().map(|(_, i)| *i)
    }

    fn associated(&self) -> impl Iterator<Item = &str> {
        self.actors.iter().skip(1).map(|(n, _)| n.as_str())
    }

    fn only_civilians(&self) -> bool {
        !self.actors.is_empty() && self.actors.iter().all(|(_, i)| *i == 7)
    }
}

/// A row before deduplication and numbering.
#[derive(Debug, Clone)]
struct Draft {
    date: Option<(Date, u8)>,
    event_type: String,
    sub_event_type: String,
    side1: Side,
    side2: Side,
    /// `side1` holds only the placeholder [`UNIDENTIFIED`]: the text names no actor1.
    unnamed: bool,
    civilian_targeting: bool,
    place: Option<Place>,
    sources: Vec<String>,
    scales: Vec<&'static str>,
    notes: Vec<String>,
    fatalities: u32,
    tags: Vec<String>,
}

/// Where a row happened, as ACLED codes it.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    id: String,
    name: String,
    admin1: String,
    admin2: String,
    admin3: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    precision: u8,
    /// The country when it is not Syria.
    abroad: Option<String>,
}

/// The part of ACLED's unit of record that merging leaves as it is: event type,
/// sub-event type, place and day.
type RecordKey = (String, String, Option<String>, Option<Date>);

impl Draft {
    fn key(&self) -> RecordKey {
        (
            self.event_type.clone(),
            self.sub_event_type.clone(),
            self.place.as_ref().map(|p| p.id.clone()),
            self.date.map(|(d, _)| d),
        )
    }

    /// ACLED's unit of record: event type, actor pair, location and day. An actor the
    /// text does not name (a placeholder actor1, an empty actor2) matches a named one:
    /// "وتركز القصف على البلدة" after "قصفت قوات النظام البلدة" is the same shelling.
    fn same_record(&self, other: &Draft) -> bool {
        let fits = |a: &Side, b: &Side| {
            let (a, b) = (a.name(), b.name());
            a == b || a.is_empty() || b.is_empty()
        };
        self.event_type == other.event_type
            && self.sub_event_type == other.sub_event_type
            && self.place.as_ref().map(|p| &p.id) == other.place.as_ref().map(|p| &p.id)
            && self.date.map(|(d, _)| d) == other.date.map(|(d, _)| d)
            && (self.side1.name() == other.side1.name() || self.unnamed || other.unnamed)
            && fits(&self.side2, &other.side2)
    }

    /// Folds in a row of the same record: the same event told twice. Fatalities are not
    /// added up (that would count the same dead twice): the higher count stays.
    fn merge(&mut self, mut other: Draft) {
        if self.unnamed && !other.unnamed {
            self.side1 = std::mem::take(&mut other.side1);
            self.unnamed = false;
            self.tags.retain(|t| t != NOT_NAMED);
        } else if !other.unnamed {
            for (name, inter) in std::mem::take(&mut other.side1.actors) {
                self.side1.push(name, inter);
            }
        }
        if !self.unnamed {
            other.tags.retain(|t| t != NOT_NAMED);
        }
        for (name, inter) in other.side2.actors {
            self.side2.push(name, inter);
        }
        self.civilian_targeting |= other.civilian_targeting;
        if other.fatalities > self.fatalities {
            self.tags.retain(|t| !t.starts_with("fatalities="));
            self.fatalities = other.fatalities;
            push_unique(
                &mut self.tags,
                other.tags.iter().filter(|t| t.starts_with("fatalities=")),
            );
        }
        push_unique(
            &mut self.tags,
            other.tags.iter().filter(|t| !t.starts_with("fatalities=")),
        );
        push_unique(&mut self.sources, other.sources.iter());
        for s in other.scales {
            if !self.scales.contains(&s) {
                self.scales.push(s);
            }
        }
        push_unique(&mut self.notes, other.notes.iter());
    }

    fn finish(self, info: &DocumentInfo<'_>, ordinal: usize) -> AcledRow {
        let (inter1, inter2) = (self.side1.inter(), self.side2.inter());
        let place = self.place.unwrap_or_else(|| Place {
            id: String::new(),
            name: String::new(),
            admin1: String::new(),
            admin2: String::new(),
            admin3: String::new(),
            latitude: None,
            longitude: None,
            precision: 0,
            abroad: None,
        });
        let mut scales = self.scales;
        scales.sort_by_key(|s| SCALE_ORDER.iter().position(|o| o == s));
        AcledRow {
            event_id_cnty: event_id(info.id, ordinal),
            event_date: self.date.map(|(d, _)| d.to_string()).unwrap_or_default(),
            year: self.date.map(|(d, _)| d.year()),
            time_precision: self.date.map(|(_, p)| p),
            disorder_type: disorder_type(&self.event_type, &self.sub_event_type).to_string(),
            actor1: self.side1.name(),
            assoc_actor_1: self.side1.associated().collect::<Vec<_>>().join("; "),
            inter1,
            actor2: self.side2.name(),
            assoc_actor_2: self.side2.associated().collect::<Vec<_>>().join("; "),
            inter2,
            interaction: interaction(inter1, inter2),
            civilian_targeting: if self.civilian_targeting {
                "Civilian targeting".to_string()
            } else {
                String::new()
            },
            event_type: self.event_type,
            sub_event_type: self.sub_event_type,
            iso: place.abroad.is_none().then_some(ISO_SYRIA),
            region: if place.abroad.is_none() {
                "Middle East".to_string()
            } else {
                String::new()
            },
            country: place.abroad.unwrap_or_else(|| "Syria".to_string()),
            admin1: place.admin1,
            admin2: place.admin2,
            admin3: place.admin3,
            location: place.name,
            latitude: place.latitude,
            longitude: place.longitude,
            geo_precision: (place.precision > 0).then_some(place.precision),
            source: self.sources.join("; "),
            source_scale: scales.join("-"),
            notes: self.notes.join(" "),
            fatalities: self.fatalities,
            tags: self.tags.join("; "),
            timestamp: info.timestamp,
        }
    }
}

fn push_unique<'a>(into: &mut Vec<String>, items: impl Iterator<Item = &'a String>) {
    for item in items {
        if !into.contains(item) {
            into.push(item.clone());
        }
    }
}

/// ACLED's source scales, narrowest first: the order of a combined scale.
const SCALE_ORDER: &[&str] = &[
    "Subnational",
    "National",
    "Regional",
    "International",
    "New media",
    "Other",
];

/// Countries whose media ACLED would count as regional for Syria (the Middle East and
/// its neighbours), by ISO 3166-1 alpha-2 code.
const REGIONAL_COUNTRIES: &[&str] = &[
    "AE", "BH", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "TR", "YE",
];

/// The ACLED source scale of a source record.
fn source_scale(source: &Source) -> &'static str {
    use SourceKind::*;
    match source.kind {
        // Human-rights monitors and official statements: reports, not media.
        Monitor | Official => "Other",
        // Local news networks (Deir Ezzor 24, Suwayda 24) cover one region.
        Network => "Subnational",
        _ => match source.country.as_deref() {
            Some("SY") => "National",
            Some(c) if REGIONAL_COUNTRIES.contains(&c) => "Regional",
            _ => "International",
        },
    }
}

/// The gazetteer source a caller's source name stands for: its id, English or Arabic
/// name.
fn find_source<'a>(gazetteer: &'a Gazetteer, name: &str) -> Option<&'a Source> {
    gazetteer.source(name).or_else(|| {
        gazetteer
            .sources()
            .iter()
            .find(|s| s.name_en.eq_ignore_ascii_case(name) || s.name_ar == name)
    })
}

/// The ACLED name of an actor record: its `acled_name`, else its English name.
fn acled_name(actor: &Actor) -> String {
    if actor.acled_name.is_empty() {
        actor.name_en.to_string()
    } else {
        actor.acled_name.clone()
    }
}

/// The rows of one event, one per place, before deduplication.
fn event_drafts(
    gazetteer: &Gazetteer,
    text: &str,
    first_source: Option<&Entity>,
    info: &DocumentInfo<'_>,
    event: &Event,
    outcomes: &[&Event],
) -> Vec<Draft> {
    let event_type = event.acled.event_type.to_string();
    let sub_event_type = event.acled.sub_event_type.to_string();
    let violent = disorder_type(&event_type, &sub_event_type).starts_with("Political violence");
    let mut tags = Vec::new();
    let mut unnamed = false;

    let (mut side1, mut side2) = sides(gazetteer, event, outcomes);
    if event_type == "Protests" {
        // ACLED: protesters are actor1 of every protest and the groups that march with
        // them are associated with them; the group protested against is no actor of a
        // peaceful protest.
        let mut protesters = Side::default();
        protesters.push(PROTESTERS.to_string(), 6);
        for (name, inter) in side1.actors.drain(..) {
            protesters.push(name, inter);
        }
        side1 = protesters;
        if sub_event_type == "Peaceful protest" {
            for (name, _) in side2.actors.drain(..) {
                tags.push(format!("protest target={name}"));
            }
        }
    }
    if violent && side1.only_civilians() {
        // Civilians are the victims of political violence in ACLED, never its actor1.
        let victims = std::mem::take(&mut side1);
        for (name, inter) in victims.actors {
            side2.push(name, inter);
        }
    }
    if event_type == "Violence against civilians" && side2.actors.is_empty() {
        side2.push(CIVILIANS.to_string(), 7);
    }
    if violent && side1.actors.is_empty() {
        side1.push(UNIDENTIFIED.to_string(), 3);
        tags.push(NOT_NAMED.to_string());
        unnamed = true;
    }
    if side1.actors.is_empty() && !side2.actors.is_empty() {
        std::mem::swap(&mut side1, &mut side2);
    }
    let civilian_targeting =
        event_type == "Violence against civilians" || (violent && side2.inter() == Some(7));

    let (fatalities, at_least) = fatalities(event, outcomes);
    let date = match event.time.as_ref().and_then(|t| t.date.zip(t.precision)) {
        Some(d) => Some(d),
        // No time in the sentence: the report's date, known to the week at best.
        None => info.date.map(|d| {
            tags.push("date=report date".to_string());
            (d, 2)
        }),
    };
    if event.claimed {
        tags.push("claimed".to_string());
    }
    // Killed and wounded told together ("قتل وجرح 24"): ACLED records no fatalities.
    if let (None, Some(c)) = (event.fatalities, &event.casualties) {
        tags.push(format!(
            "casualties={} killed and wounded, fatalities unknown",
            c.value
        ));
    }

    let (sources, scales) = sources(gazetteer, first_source, info, event);
    let notes: Vec<String> = text
        .get(event.sentence.start..event.sentence.end)
        .map(|s| s.trim().to_string())
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();

    let places = places(gazetteer, event);
    let count = places.len().max(1);
    let share = |n: usize| {
        let base = fatalities / count as u32;
        base + u32::from(n < (fatalities % count as u32) as usize)
    };
    let places: Vec<Option<Place>> = if places.is_empty() {
        vec![None]
    } else {
        places.into_iter().map(Some).collect()
    };
    places
        .into_iter()
        .enumerate()
        .map(|(n, place)| {
            let mut tags = tags.clone();
            if place.as_ref().is_some_and(|p| p.abroad.is_some()) {
                tags.push("outside Syria".to_string());
            }
            let value = share(n);
            if at_least {
                tags.push(format!("fatalities=at least {value}"));
            }
            if count > 1 && fatalities > 0 {
                tags.push(format!("fatalities split={fatalities} over {count} places"));
            }
            Draft {
                date,
                event_type: event_type.clone(),
                sub_event_type: sub_event_type.clone(),
                side1: side1.clone(),
                side2: side2.clone(),
                unnamed,
                civilian_targeting,
                place,
                sources: sources.clone(),
                scales: scales.clone(),
                notes: notes.clone(),
                fatalities: value,
                tags,
            }
        })
        .collect()
}

/// The event's fatalities and whether they are a lower bound: its own count, or the
/// sum of its outcomes' counts when that is higher (the library may already have
/// counted an outcome on the event, so the two are not added).
fn fatalities(event: &Event, outcomes: &[&Event]) -> (u32, bool) {
    let at_least = |e: &Event| e.fatality_count.as_ref().is_some_and(|c| c.at_least);
    let own = event.fatalities.unwrap_or(0);
    let of_outcomes = outcomes
        .iter()
        .fold(0u32, |sum, e| sum.saturating_add(e.fatalities.unwrap_or(0)));
    if of_outcomes > own {
        (of_outcomes, outcomes.iter().any(|e| at_least(e)))
    } else {
        (own, own > 0 && at_least(event))
    }
}

/// The two sides of an event: initiators on one, targets on the other; an actor the
/// sentence gives no role joins an empty side first, then the side of an actor it is
/// affiliated with, then the side of the mention nearest to it. The victims of an
/// outcome (a killing) are targets of the event.
fn sides(gazetteer: &Gazetteer, event: &Event, outcomes: &[&Event]) -> (Side, Side) {
    let mut actors: Vec<(&EventActor, Option<Role>)> = Vec::new();
    for a in &event.actors {
        actors.push((a, a.role));
    }
    for outcome in outcomes {
        for a in &outcome.actors {
            let role = match a.role {
                Some(Role::Initiator) => Role::Initiator,
                _ => Role::Target,
            };
            actors.push((a, Some(role)));
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    actors.retain(|(a, _)| {
        let new = !seen.contains(&&*a.id);
        seen.push(&a.id);
        new
    });

    // (actor, mention start) per side, in the order they join.
    let mut one: Vec<(&EventActor, usize)> = Vec::new();
    let mut two: Vec<(&EventActor, usize)> = Vec::new();
    for (a, role) in &actors {
        match role {
            Some(Role::Initiator) => one.push((a, a.start)),
            Some(Role::Target) => two.push((a, a.start)),
            None => {}
        }
    }
    let affiliated = |a: &EventActor, b: &EventActor| {
        let linked = |x: &EventActor, y: &EventActor| {
            gazetteer
                .actor(&x.id)
                .is_some_and(|r| r.affiliation.iter().any(|p| **p == *y.id))
        };
        linked(a, b) || linked(b, a)
    };
    for (a, _) in actors.iter().filter(|(_, r)| r.is_none()) {
        let side = if one.is_empty() {
            1
        } else if two.is_empty() {
            2
        } else if one.iter().any(|(b, _)| affiliated(a, b)) {
            1
        } else if two.iter().any(|(b, _)| affiliated(a, b)) {
            2
        } else {
            let distance = |side: &[(&EventActor, usize)]| {
                side.iter()
                    .map(|(_, s)| s.abs_diff(a.start))
                    .min()
                    .unwrap_or(usize::MAX)
            };
            if distance(&one) <= distance(&two) {
                1
            } else {
                2
            }
        };
        if side == 1 {
            one.push((a, a.start));
        } else {
            two.push((a, a.start));
        }
    }
    let to_side = |list: &[(&EventActor, usize)]| {
        let mut side = Side::default();
        for (a, _) in list {
            match gazetteer.actor(&a.id) {
                Some(record) => side.push(acled_name(record), inter_code(record)),
                // Not in this gazetteer (a document from another extractor): the type
                // on the event still gives the code.
                None => side.push(a.name.to_string(), 8),
            }
        }
        side
    };
    (to_side(&one), to_side(&two))
}

/// The `source` names and their scales: the document's source, then the one the
/// sentence cites, or else the first source the document cites anywhere.
fn sources(
    gazetteer: &Gazetteer,
    first_source: Option<&Entity>,
    info: &DocumentInfo<'_>,
    event: &Event,
) -> (Vec<String>, Vec<&'static str>) {
    let mut names = Vec::new();
    let mut scales = Vec::new();
    let mut add = |name: String, record: Option<&Source>| {
        if !names.contains(&name) {
            names.push(name);
        }
        if let Some(scale) = record.map(source_scale) {
            if !scales.contains(&scale) {
                scales.push(scale);
            }
        }
    };
    if let Some(name) = info.source.map(str::trim).filter(|s| !s.is_empty()) {
        match find_source(gazetteer, name) {
            Some(record) => add(record.name_en.to_string(), Some(record)),
            None => add(name.to_string(), None),
        }
    }
    let cited = event
        .source
        .as_ref()
        .map(|s| (s.id.clone(), s.name.clone()))
        .or_else(|| first_source.map(|s| (s.id.clone(), s.name.clone())));
    if let Some((id, name)) = cited {
        let record = gazetteer.source(&id);
        add(
            record.map_or_else(|| name.to_string(), |r| r.name_en.to_string()),
            record,
        );
    }
    (names, scales)
}

/// The places of an event that make rows: its locations less those that only situate
/// another (Homs in "بلدة السخنة بريف حمص", in "بادية السخنة شرقي حمص"), less a region
/// that contains another of them, and less a country when there is anything more
/// precise. Each with the geo_precision the text gives it.
fn places(gazetteer: &Gazetteer, event: &Event) -> Vec<Place> {
    let mut found: Vec<(&Location, u8)> = Vec::new();
    for arg in event.locations.iter().filter(|a| !a.situates) {
        if let Some(loc) = gazetteer.location(&arg.id) {
            if !found.iter().any(|(l, _)| l.id == loc.id) {
                let precision = arg
                    .geo_precision
                    .unwrap_or_else(|| kind_precision(loc.kind));
                found.push((loc, precision));
            }
        }
    }
    let contains_other = |loc: &Location| {
        found.iter().any(|(other, _)| {
            other.id != loc.id && gazetteer.ancestors(&other.id).any(|a| a.id == loc.id)
        })
    };
    let precise = found.iter().any(|(l, _)| l.kind != LocationKind::Country);
    found
        .iter()
        .filter(|(l, _)| !contains_other(l))
        .filter(|(l, _)| !(precise && l.kind == LocationKind::Country))
        .map(|(loc, precision)| place(gazetteer, loc, *precision))
        .collect()
}

fn place(gazetteer: &Gazetteer, loc: &Location, text_precision: u8) -> Place {
    let name = |l: Option<&Location>| l.map(|l| l.name_en.to_string()).unwrap_or_default();
    let mut precision = text_precision;
    // Coordinates of the place, or of the nearest containing place that has them, at
    // that place's precision.
    let coordinates = match loc.coordinates {
        Some(c) => Some(c),
        None => gazetteer.ancestors(&loc.id).find_map(|a| {
            let c = a.coordinates?;
            precision = precision.max(kind_precision(a.kind));
            Some(c)
        }),
    };
    // The country the place lies in, when it is not Syria (a place with no country
    // above it is taken to be in Syria: regions and deserts of the data are).
    let abroad = std::iter::once(loc)
        .chain(gazetteer.ancestors(&loc.id))
        .find(|l| l.kind == LocationKind::Country)
        .filter(|c| &*c.id != SYRIA)
        .map(|c| c.name_en.to_string());
    Place {
        id: loc.id.to_string(),
        name: loc.name_en.to_string(),
        admin1: name(gazetteer.admin1(&loc.id)),
        admin2: name(gazetteer.admin2(&loc.id)),
        admin3: name(admin3(gazetteer, &loc.id)),
        latitude: coordinates.map(|c| c.lat),
        longitude: coordinates.map(|c| c.lon),
        precision,
        abroad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Modality;
    use crate::Extractor;

    const DATE: &str = "2019-05-20";

    fn rows_of(text: &str) -> Vec<AcledRow> {
        let extractor = Extractor::default();
        let date = Date::parse(DATE).ok();
        let doc = extractor.extract(crate::Article::new(text).published(date));
        let info = DocumentInfo {
            id: "test",
            date,
            source: None,
            timestamp: Some(1_700_000_000),
        };
        rows(extractor.gazetteer(), text, &doc, &info)
    }

    #[test]
    fn columns_follow_the_struct() {
        let row = rows_of("قصفت قوات النظام بلدة السخنة بريف حمص الشرقي").remove(0);
        let json = serde_json::to_value(&row).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        let mut sorted = COLUMNS.to_vec();
        sorted.sort_unstable();
        // serde_json's map is sorted; the CSV test in cli/ checks the order itself.
        assert_eq!(keys, sorted);
        assert_eq!(COLUMNS.len(), 31);
    }

    /// (sentence, number of rows, [(sub_event_type, actor1, actor2, interaction, location)]).
    type Case = (
        &'static str,
        &'static [(&'static str, &'static str, &'static str, u8, &'static str)],
    );

    const CASES: &[Case] = &[
        (
            "قصفت قوات النظام أمس بلدة السخنة بريف حمص الشرقي ما أدى إلى مقتل 4 مدنيين.",
            &[(
                "Shelling/artillery/missile attack",
                "Military Forces of Syria (2000-2024)",
                CIVILIANS,
                17,
                "Al-Sukhnah",
            )],
        ),
        // Two villages shelled in one sentence: two rows.
        (
            "قصفت قوات النظام بلدتي هجين والباغوز بريف دير الزور الشرقي.",
            &[
                (
                    "Shelling/artillery/missile attack",
                    "Military Forces of Syria (2000-2024)",
                    "",
                    10,
                    "Hajin",
                ),
                (
                    "Shelling/artillery/missile attack",
                    "Military Forces of Syria (2000-2024)",
                    "",
                    10,
                    "Al-Baghuz",
                ),
            ],
        ),
        // Battle between the regime (1) and ISIS (2).
        (
            "اندلعت اشتباكات عنيفة بين قوات النظام وتنظيم داعش في بادية السخنة.",
            &[(
                "Armed clash",
                "Military Forces of Syria (2000-2024)",
                "Islamic State (Syria)",
                12,
                "Al-Sukhnah",
            )],
        ),
        // A protest: protesters are actor1, alone (60).
        (
            "خرجت مظاهرة في مدينة إدلب ضد هيئة تحرير الشام.",
            &[("Peaceful protest", PROTESTERS, "", 60, "Idlib")],
        ),
        // An explosion with no named perpetrator.
        (
            "انفجرت عبوة ناسفة في مدينة الباب بريف حلب الشرقي.",
            &[(
                "Remote explosive/landmine/IED",
                UNIDENTIFIED,
                "",
                30,
                "Al-Bab",
            )],
        ),
    ];

    #[test]
    fn rows_per_sentence() {
        for (text, expected) in CASES {
            let rows = rows_of(text);
            let got: Vec<(&str, &str, &str, u8, &str)> = rows
                .iter()
                .map(|r| {
                    (
                        r.sub_event_type.as_str(),
                        r.actor1.as_str(),
                        r.actor2.as_str(),
                        r.interaction.unwrap_or(0),
                        r.location.as_str(),
                    )
                })
                .collect();
            assert_eq!(&got, expected, "{text}");
            for r in &rows {
                assert_eq!((r.iso, r.country.as_str()), (Some(760), "Syria"), "{text}");
                assert_eq!(r.region, "Middle East");
                assert_eq!(r.timestamp, Some(1_700_000_000));
            }
        }
    }

    #[test]
    fn inter_codes_from_actor_kinds() {
        let gaz = Gazetteer::builtin();
        // (actor id, inter code)
        let table: &[(&str, u8)] = &[
            ("sy-regime-forces", 1),
            ("assad-government", 1),
            ("hts", 2),
            ("isis", 2),
            ("hat-forces", 2),
            ("ahrar-al-sham", 2),
            ("abu-fadl-abbas", 3),
            ("unidentified-gunmen", 3),
            ("baqqara", 4),
            ("protesters", 6),
            ("civilians", 7),
            ("farmers", 7),
            ("iranian-forces", 8),
            ("russian-government", 8),
            ("us-led-coalition", 8),
        ];
        for (id, code) in table {
            let actor = gaz.actor(id).unwrap_or_else(|| panic!("no actor {id}"));
            assert_eq!(inter_code(actor), *code, "{id}");
        }
    }

    #[test]
    fn interaction_is_the_lower_code_first() {
        let table: &[(Option<u8>, Option<u8>, Option<u8>)] = &[
            (Some(1), Some(2), Some(12)),
            (Some(2), Some(1), Some(12)),
            (Some(8), Some(7), Some(78)),
            (Some(3), Some(3), Some(33)),
            (Some(6), None, Some(60)),
            (None, Some(7), Some(70)),
            (None, None, None),
        ];
        for (a, b, expected) in table {
            assert_eq!(interaction(*a, *b), *expected, "{a:?} {b:?}");
        }
    }

    #[test]
    fn two_triggers_of_one_event_are_one_row() {
        // "قصفت" and "قصف" report the same shelling of the same town on the same day.
        let text = "قصفت قوات النظام بلدة كفرنبل بالمدفعية الثقيلة، وتركز القصف على بلدة كفرنبل.";
        let extractor = Extractor::default();
        let doc = extractor.extract(crate::Article::new(text).published(Date::parse(DATE).ok()));
        // The event stage already merges them: one event told by both words.
        let shellings: Vec<&Event> = doc
            .events
            .iter()
            .filter(|e| e.kind.as_str() == "shelling")
            .collect();
        let rows = rows_of(text);
        assert_eq!(shellings.len(), 1, "{shellings:#?}");
        assert_eq!(shellings[0].trigger_words[0].text, "قصف");
        assert_eq!(rows.len(), 1, "{rows:#?}");
        assert_eq!(rows[0].location, "Kafr Nabl");
    }

    #[test]
    fn a_third_actor_is_associated_not_dropped() {
        let rows = rows_of(
            "شنت قوات النظام والميليشيات الإيرانية هجوما على مواقع تنظيم داعش في بادية السخنة.",
        );
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.actor1, "Military Forces of Syria (2000-2024)");
        assert!(!r.assoc_actor_1.is_empty(), "{r:#?}");
        assert_eq!(r.actor2, "Islamic State (Syria)");
        assert_eq!(
            (r.inter1, r.inter2, r.interaction),
            (Some(1), Some(2), Some(12))
        );
    }

    #[test]
    fn killing_as_outcome_adds_to_its_event() {
        let rows =
            rows_of("قصفت قوات النظام أمس بلدة السخنة بريف حمص الشرقي ما أدى إلى مقتل 4 مدنيين.");
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.fatalities, 4);
        assert_eq!(r.civilian_targeting, "Civilian targeting");
        assert_eq!(
            (r.event_date.as_str(), r.year, r.time_precision),
            ("2019-05-19", Some(2019), Some(1))
        );
        assert_eq!((r.admin1.as_str(), r.admin3.as_str()), ("Homs", "Sokhneh"));
        assert_eq!(r.geo_precision, Some(1));
        assert!(r.latitude.is_some() && r.longitude.is_some());
        assert!(r.notes.starts_with("قصفت"), "{}", r.notes);
    }

    #[test]
    fn vague_counts_are_lower_bounds_and_say_so() {
        let rows = rows_of("قتل عشرات المدنيين بقصف جوي على مدينة أريحا.");
        assert_eq!(rows.len(), 1, "{rows:#?}");
        let r = &rows[0];
        assert!(r.fatalities >= 10, "{}", r.fatalities);
        assert!(
            r.tags
                .contains(&format!("fatalities=at least {}", r.fatalities)),
            "{}",
            r.tags
        );
        assert_eq!(r.sub_event_type, "Air/drone strike");
        assert_eq!(r.actor2, CIVILIANS);
    }

    #[test]
    fn fatalities_are_split_over_the_places() {
        let rows = rows_of("قصفت قوات النظام بلدتي هجين والباغوز ما أدى إلى مقتل 5 مدنيين.");
        let counts: Vec<u32> = rows.iter().map(|r| r.fatalities).collect();
        assert_eq!(counts, [3, 2], "{rows:#?}");
    }

    #[test]
    fn the_text_decides_the_place_and_its_precision() {
        // The direction phrase only situates the Sukhnah desert: one row, near the town.
        let rows = rows_of("هاجم عناصر تنظيم داعش نقاطا لقوات النظام في بادية السخنة شرقي حمص.");
        let places: Vec<(&str, Option<u8>)> = rows
            .iter()
            .map(|r| (r.location.as_str(), r.geo_precision))
            .collect();
        assert_eq!(places, [("Al-Sukhnah", Some(2))], "{rows:#?}");
        let rows = rows_of("قصفت قوات النظام قرية حاس بريف إدلب الجنوبي.");
        assert_eq!(rows.len(), 1, "{rows:#?}");
        assert_eq!(rows[0].geo_precision, Some(1));
    }

    #[test]
    fn tallies_and_casualty_totals() {
        // A running total counts deaths already reported as events: no row.
        let rows =
            rows_of("وارتفعت حصيلة القتلى منذ بداية العام إلى 3042 شخصا بحسب المرصد السوري.");
        assert!(rows.is_empty(), "{rows:#?}");
        // Killed and wounded told together: no fatalities, and the tag says why.
        let rows = rows_of("قتل وجرح 24 مدنيا بقصف لقوات النظام على بلدة كفرنبل.");
        assert_eq!(rows.len(), 1, "{rows:#?}");
        assert_eq!(rows[0].fatalities, 0);
        assert!(rows[0].tags.contains("casualties=24"), "{}", rows[0].tags);
    }

    #[test]
    fn no_date_no_event_date() {
        let extractor = Extractor::default();
        let text = "قصفت قوات النظام بلدة السخنة";
        let doc = extractor.extract(text);
        let rows = rows(extractor.gazetteer(), text, &doc, &DocumentInfo::default());
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].event_date.as_str(), rows[0].year), ("", None));
        assert_eq!(rows[0].time_precision, None);
    }

    #[test]
    fn report_date_when_the_sentence_has_none() {
        let rows = rows_of("قصفت قوات النظام بلدة السخنة");
        assert_eq!(rows[0].event_date, DATE);
        assert_eq!(rows[0].time_precision, Some(2));
        assert!(rows[0].tags.contains("date=report date"));
    }

    #[test]
    fn empty_and_eventless_documents_have_no_rows() {
        for text in ["", "زار وفد من الأمم المتحدة مدينة دمشق لبحث ملف المساعدات."]
        {
            assert!(rows_of(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn planned_and_denied_events_have_no_rows() {
        let extractor = Extractor::default();
        let text = "قصفت قوات النظام بلدة السخنة بريف حمص الشرقي.";
        let asserted = extractor.extract(text);
        assert_eq!(
            rows(
                extractor.gazetteer(),
                text,
                &asserted,
                &DocumentInfo::default()
            )
            .len(),
            1
        );
        for modality in [Modality::Negated, Modality::Planned] {
            let mut doc = asserted.clone();
            for e in &mut doc.events {
                e.modality = modality;
            }
            let got = rows(extractor.gazetteer(), text, &doc, &DocumentInfo::default());
            assert!(got.is_empty(), "{modality:?}: {got:#?}");
        }
    }

    #[test]
    fn mentions_that_report_no_event_have_no_rows() {
        // A condemnation, a hypothetical and a back-reference: `Event::is_reported`.
        for text in [
            "أدانت وزارة الخارجية القصف على بلدة السخنة بريف حمص الشرقي.",
            "وحذرت المنظمة من أي هجوم على مدينة إدلب.",
        ] {
            assert!(rows_of(text).is_empty(), "{text}: {:#?}", rows_of(text));
        }
        let two =
            rows_of("قصفت قوات النظام بلدة السخنة بريف حمص الشرقي. وأسفر القصف عن دمار كبير.");
        assert_eq!(two.len(), 1, "{two:#?}");
    }

    #[test]
    fn sources_and_their_scale() {
        let extractor = Extractor::default();
        let text = "قصفت قوات النظام بلدة السخنة، وفق المرصد السوري لحقوق الإنسان.";
        let doc = extractor.extract(text);
        let info = DocumentInfo {
            id: "x",
            source: Some("src-sy24"),
            ..DocumentInfo::default()
        };
        let rows = rows(extractor.gazetteer(), text, &doc, &info);
        assert_eq!(rows[0].source, "SY24; Syrian Observatory for Human Rights");
        assert_eq!(rows[0].source_scale, "National-Other");
    }

    #[test]
    fn a_place_abroad_keeps_its_country() {
        let rows = rows_of("قصفت القوات التركية بلدة سروج.");
        let abroad: Vec<(&str, Option<u16>, &str)> = rows
            .iter()
            .map(|r| (r.country.as_str(), r.iso, r.tags.as_str()))
            .collect();
        assert!(
            abroad.iter().all(|(c, iso, tags)| *c == "Turkey"
                && iso.is_none()
                && tags.contains("outside Syria")),
            "{rows:#?}"
        );
        assert!(!rows.is_empty());
    }

    #[test]
    fn event_ids_are_distinct_and_stable() {
        let rows1 = rows_of("قصفت قوات النظام بلدتي هجين والباغوز بريف دير الزور الشرقي.");
        let rows2 = rows_of("قصفت قوات النظام بلدتي هجين والباغوز بريف دير الزور الشرقي.");
        assert_eq!(rows1.len(), 2);
        assert_ne!(rows1[0].event_id_cnty, rows1[1].event_id_cnty);
        assert_eq!(rows1, rows2);
    }
}
