//! JSON of documents, entities and events, byte for byte what `serde_json` writes of
//! them, in less time: [`JsonWriter`].
//!
//! The fields a mention takes from its gazetteer record (id, name, kind, governorate,
//! coordinates, P-code, the administrative levels) are the same bytes at every mention
//! of the record, yet escaping and formatting them (floats above all) was most of the
//! time serializing an entity took; so for the places, actors and codes of an event.
//! The writer keeps them, written once, and writes the fields of the mention itself
//! (offsets, text, cue, direction...) with `serde_json`.
//!
//! A kept fragment is found by the identity of the values it was written from: the
//! address of an `Arc` (which the writer holds, so that no other value can take that
//! address while the fragment is kept) or the bits of a number. So it is right for any
//! entity, whatever made it: one built by another extractor or read back from JSON
//! misses and is written anew.

use std::borrow::Cow;
use std::hash::Hash;
use std::io::{self, Write};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::document::Document;
use crate::entity::{Entity, EntityKind, EntityType};
use crate::event::{Acled, Event, EventActor, EventArgument, EventPlace};
use crate::gazetteer::{AdminLevels, Coordinates};
use crate::kinds::{ActorKind, EventKind, LocationKind};

/// Fragments kept per table, at most: far more than the records a run of news meets
/// (the built-in gazetteer has some 6,500); past it the table starts again, so that
/// entities made anew each time (read from JSON) cannot make it grow without end.
const MAX_FRAGMENTS: usize = 1 << 14;

/// Writes documents, entities and events as JSON, the bytes `serde_json` writes of
/// them, with the fields that come from gazetteer records written once and kept.
///
/// Keep one writer for many documents (one per thread): what it keeps is what makes it
/// fast. It holds at most a few megabytes.
///
/// ```
/// use syria_extract::json::JsonWriter;
/// use syria_extract::Extractor;
///
/// let doc = Extractor::default().extract("قصفت قوات النظام بلدة السخنة بريف حمص الشرقي");
/// let mut writer = JsonWriter::default();
/// let mut out = Vec::new();
/// writer.write_document(&mut out, &doc)?;
/// assert_eq!(out, serde_json::to_vec(&doc)?);
///
/// // One entity or event, as an item of a list written by the caller.
/// let mut out = Vec::new();
/// writer.write_entity(&mut out, &doc.entities[0])?;
/// assert_eq!(out, serde_json::to_vec(&doc.entities[0])?);
/// let mut out = Vec::new();
/// writer.write_event(&mut out, &doc.events[0])?;
/// assert_eq!(out, serde_json::to_vec(&doc.events[0])?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default)]
pub struct JsonWriter {
    /// `{"kind":…,"id":…,"name":…` of an entity.
    entity_heads: Fragments<(EntityKind, usize, usize)>,
    /// `,"type":…` of an entity.
    entity_types: Fragments<EntityType>,
    /// The place fields of an entity: `,"admin1":…,"coordinates":…,"pcode":…,"admin":…`,
    /// each when present.
    entity_places: Fragments<EntityPlaceKey>,
    /// `{"kind":…` of an event.
    event_kinds: Fragments<EventKind>,
    /// `,"trigger_id":…` of an event.
    trigger_ids: Fragments<usize>,
    /// `,"id":…,"name":…,"type":…` of an event's actor.
    actor_records: Fragments<(usize, usize, ActorKind)>,
    /// `{"id":…,"name":…` of a place or source of an event.
    argument_heads: Fragments<(usize, usize)>,
    /// `,"type":…,"pcode":…,"coordinates":…,"admin":…` of a place or source of an
    /// event, each when present.
    argument_places: Fragments<ArgumentPlaceKey>,
    /// `,"place":{"id":…,"name":…,"type":…` of an event.
    place_heads: Fragments<(usize, usize, LocationKind)>,
    /// `,"pcode":…,"coordinates":…,"admin":…}` of an event's place, each when present.
    place_tails: Fragments<PlaceTailKey>,
    /// `,"acled":…,"cameo":…,"cameo_code":…}` of an event whose codes are the crate's
    /// tables' (borrowed): the addresses and lengths of the four strings.
    codes: Fragments<[(usize, usize); 4]>,
}

impl JsonWriter {
    /// Writes `document` as one JSON object (no line break after it).
    pub fn write_document<W: Write + ?Sized>(
        &mut self,
        out: &mut W,
        document: &Document,
    ) -> io::Result<()> {
        // Every field, so that one added to `Document` must be added here too; the order
        // is the derive's.
        let Document {
            entities,
            events,
            times,
        } = document;
        out.write_all(b"{\"entities\":[")?;
        elements(out, entities, |out, entity| self.write_entity(out, entity))?;
        out.write_all(b"],\"events\":[")?;
        elements(out, events, |out, event| self.write_event(out, event))?;
        out.write_all(b"],\"times\":")?;
        serde_json::to_writer(&mut *out, times)?;
        out.write_all(b"}")
    }

    /// Writes `entity` as one JSON object.
    pub fn write_entity<W: Write + ?Sized>(
        &mut self,
        out: &mut W,
        entity: &Entity,
    ) -> io::Result<()> {
        // Every field, in the derive's order, with its skip rule: a field added to
        // `Entity` breaks this pattern, and the tests compare the bytes with the derive's.
        let Entity {
            kind,
            id,
            name,
            start,
            end,
            text,
            entity_type,
            cue,
            direction,
            admin1,
            coordinates,
            pcode,
            admin,
            candidates,
            ambiguous,
            affiliation,
            reference,
        } = entity;
        let head = (*kind, address(id), address(name));
        self.entity_heads.write(out, head, |bytes| {
            field(bytes, b"{\"kind\":", kind)?;
            field(bytes, b",\"id\":", id)?;
            field(bytes, b",\"name\":", name)?;
            Ok(Held::strs([id, name]))
        })?;
        field(out, b",\"start\":", start)?;
        field(out, b",\"end\":", end)?;
        field(out, b",\"text\":", text)?;
        self.entity_types.write(out, *entity_type, |bytes| {
            field(bytes, b",\"type\":", entity_type)?;
            Ok(Held::default())
        })?;
        if let Some(cue) = cue {
            field(out, b",\"cue\":", cue)?;
        }
        if let Some(direction) = direction {
            field(out, b",\"direction\":", direction)?;
        }
        if admin1.is_some() || coordinates.is_some() || pcode.is_some() || admin.is_some() {
            let key = EntityPlaceKey {
                admin1: admin1.as_ref().map_or(0, address),
                coordinates: coordinates.as_ref().map(coordinates_bits),
                pcode: pcode.as_ref().map_or(0, address),
                admin: admin.as_ref().map_or(0, address),
            };
            self.entity_places.write(out, key, |bytes| {
                if let Some(admin1) = admin1 {
                    field(bytes, b",\"admin1\":", admin1)?;
                }
                if let Some(coordinates) = coordinates {
                    field(bytes, b",\"coordinates\":", coordinates)?;
                }
                if let Some(pcode) = pcode {
                    field(bytes, b",\"pcode\":", pcode)?;
                }
                if let Some(admin) = admin {
                    field(bytes, b",\"admin\":", admin)?;
                }
                Ok(Held::strs(admin1.iter().chain(pcode)).with_admin(admin))
            })?;
        }
        if !candidates.is_empty() {
            field(out, b",\"candidates\":", candidates)?;
        }
        if *ambiguous {
            out.write_all(b",\"ambiguous\":true")?;
        }
        if !affiliation.is_empty() {
            field(out, b",\"affiliation\":", affiliation)?;
        }
        if let Some(reference) = reference {
            field(out, b",\"reference\":", reference)?;
        }
        out.write_all(b"}")
    }
}

impl JsonWriter {
    /// Writes `event` as one JSON object.
    pub fn write_event<W: Write + ?Sized>(&mut self, out: &mut W, event: &Event) -> io::Result<()> {
        // Every field, in the derive's order, with its skip rule (see `write_entity`).
        let Event {
            kind,
            trigger,
            trigger_id,
            trigger_words,
            actors,
            locations,
            place,
            unnamed_place,
            time,
            fatalities,
            fatalities_at_least,
            fatality_count,
            wounded,
            casualties,
            tally,
            source,
            claimed,
            modality,
            mention,
            sentence,
            part_of,
            refers_to,
            acled,
            cameo,
            cameo_code,
        } = event;
        self.event_kinds.write(out, *kind, |bytes| {
            field(bytes, b"{\"kind\":", kind)?;
            Ok(Held::default())
        })?;
        field(out, b",\"trigger\":", trigger)?;
        self.trigger_ids.write(out, address(trigger_id), |bytes| {
            field(bytes, b",\"trigger_id\":", trigger_id)?;
            Ok(Held::strs([trigger_id]))
        })?;
        if !trigger_words.is_empty() {
            field(out, b",\"trigger_words\":", trigger_words)?;
        }
        out.write_all(b",\"actors\":[")?;
        elements(out, actors, |out, actor| self.write_actor(out, actor))?;
        out.write_all(b"],\"locations\":[")?;
        elements(out, locations, |out, location| {
            self.write_argument(out, location)
        })?;
        out.write_all(b"]")?;
        if let Some(place) = place {
            self.write_place(out, place)?;
        }
        if let Some(unnamed_place) = unnamed_place {
            field(out, b",\"unnamed_place\":", unnamed_place)?;
        }
        field(out, b",\"time\":", time)?;
        field(out, b",\"fatalities\":", fatalities)?;
        if *fatalities_at_least {
            out.write_all(b",\"fatalities_at_least\":true")?;
        }
        if let Some(fatality_count) = fatality_count {
            field(out, b",\"fatality_count\":", fatality_count)?;
        }
        if let Some(wounded) = wounded {
            field(out, b",\"wounded\":", wounded)?;
        }
        if let Some(casualties) = casualties {
            field(out, b",\"casualties\":", casualties)?;
        }
        if let Some(tally) = tally {
            field(out, b",\"tally\":", tally)?;
        }
        out.write_all(b",\"source\":")?;
        match source {
            Some(source) => self.write_argument(out, source)?,
            None => out.write_all(b"null")?,
        }
        field(out, b",\"claimed\":", claimed)?;
        field(out, b",\"modality\":", modality)?;
        field(out, b",\"mention\":", mention)?;
        field(out, b",\"sentence\":", sentence)?;
        if let Some(part_of) = part_of {
            field(out, b",\"part_of\":", part_of)?;
        }
        if let Some(refers_to) = refers_to {
            field(out, b",\"refers_to\":", refers_to)?;
        }
        let write_codes = |bytes: &mut Vec<u8>| {
            field(bytes, b",\"acled\":", acled)?;
            field(bytes, b",\"cameo\":", cameo)?;
            field(bytes, b",\"cameo_code\":", cameo_code)?;
            bytes.push(b'}');
            Ok(Held::default())
        };
        let Acled {
            event_type,
            sub_event_type,
        } = acled;
        match [event_type, sub_event_type, cameo, cameo_code].map(borrowed) {
            [Some(a), Some(b), Some(c), Some(d)] => {
                self.codes.write(out, [a, b, c, d], write_codes)
            }
            // A trigger's own sub-event type: written anew.
            _ => {
                let mut bytes = Vec::new();
                write_codes(&mut bytes)?;
                out.write_all(&bytes)
            }
        }
    }

    fn write_actor<W: Write + ?Sized>(
        &mut self,
        out: &mut W,
        actor: &EventActor,
    ) -> io::Result<()> {
        let EventActor {
            role,
            id,
            name,
            actor_type,
            start,
            end,
        } = actor;
        field(out, b"{\"role\":", role)?;
        let key = (address(id), address(name), *actor_type);
        self.actor_records.write(out, key, |bytes| {
            field(bytes, b",\"id\":", id)?;
            field(bytes, b",\"name\":", name)?;
            field(bytes, b",\"type\":", actor_type)?;
            Ok(Held::strs([id, name]))
        })?;
        field(out, b",\"start\":", start)?;
        field(out, b",\"end\":", end)?;
        out.write_all(b"}")
    }

    fn write_argument<W: Write + ?Sized>(
        &mut self,
        out: &mut W,
        argument: &EventArgument,
    ) -> io::Result<()> {
        let EventArgument {
            id,
            name,
            start,
            end,
            entity_type,
            pcode,
            coordinates,
            admin,
            geo_precision,
            situates,
        } = argument;
        self.argument_heads
            .write(out, (address(id), address(name)), |bytes| {
                field(bytes, b"{\"id\":", id)?;
                field(bytes, b",\"name\":", name)?;
                Ok(Held::strs([id, name]))
            })?;
        field(out, b",\"start\":", start)?;
        field(out, b",\"end\":", end)?;
        if entity_type.is_some() || pcode.is_some() || coordinates.is_some() || admin.is_some() {
            let key = ArgumentPlaceKey {
                entity_type: *entity_type,
                pcode: pcode.as_ref().map_or(0, address),
                coordinates: coordinates.as_ref().map(coordinates_bits),
                admin: admin.as_ref().map_or(0, address),
            };
            self.argument_places.write(out, key, |bytes| {
                if let Some(entity_type) = entity_type {
                    field(bytes, b",\"type\":", entity_type)?;
                }
                write_place_codes(bytes, pcode, coordinates, admin)?;
                Ok(Held::strs(pcode).with_admin(admin))
            })?;
        }
        if let Some(geo_precision) = geo_precision {
            field(out, b",\"geo_precision\":", geo_precision)?;
        }
        if *situates {
            out.write_all(b",\"situates\":true")?;
        }
        out.write_all(b"}")
    }

    /// `,"place":{…}` of an event.
    fn write_place<W: Write + ?Sized>(
        &mut self,
        out: &mut W,
        place: &EventPlace,
    ) -> io::Result<()> {
        let EventPlace {
            id,
            name,
            kind,
            geo_precision,
            near,
            direction,
            mention,
            pcode,
            coordinates,
            admin,
        } = place;
        let head = (address(id), address(name), *kind);
        self.place_heads.write(out, head, |bytes| {
            field(bytes, b",\"place\":{\"id\":", id)?;
            field(bytes, b",\"name\":", name)?;
            field(bytes, b",\"type\":", kind)?;
            Ok(Held::strs([id, name]))
        })?;
        field(out, b",\"geo_precision\":", geo_precision)?;
        field(out, b",\"near\":", near)?;
        if let Some(direction) = direction {
            field(out, b",\"direction\":", direction)?;
        }
        field(out, b",\"mention\":", mention)?;
        let key = PlaceTailKey {
            pcode: pcode.as_ref().map_or(0, address),
            coordinates: coordinates.as_ref().map(coordinates_bits),
            admin: admin.as_ref().map_or(0, address),
        };
        self.place_tails.write(out, key, |bytes| {
            write_place_codes(bytes, pcode, coordinates, admin)?;
            bytes.push(b'}');
            Ok(Held::strs(pcode).with_admin(admin))
        })
    }
}

/// `,"pcode":…,"coordinates":…,"admin":…` of a place of an event, each when present.
fn write_place_codes(
    bytes: &mut Vec<u8>,
    pcode: &Option<Arc<str>>,
    coordinates: &Option<Coordinates>,
    admin: &Option<Arc<AdminLevels>>,
) -> io::Result<()> {
    if let Some(pcode) = pcode {
        field(bytes, b",\"pcode\":", pcode)?;
    }
    if let Some(coordinates) = coordinates {
        field(bytes, b",\"coordinates\":", coordinates)?;
    }
    if let Some(admin) = admin {
        field(bytes, b",\"admin\":", admin)?;
    }
    Ok(())
}

/// The address and length of a borrowed string: the crate's tables live as long as
/// the program, so they tell the string; `None` for an owned one.
// The variant is what counts here, not the text.
#[allow(clippy::ptr_arg)]
fn borrowed(text: &Cow<'static, str>) -> Option<(usize, usize)> {
    match text {
        Cow::Borrowed(s) => Some((s.as_ptr().addr(), s.len())),
        Cow::Owned(_) => None,
    }
}

/// What the place fields of an event's place or source are written from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ArgumentPlaceKey {
    entity_type: Option<EntityType>,
    pcode: usize,
    coordinates: Option<(u64, u64)>,
    admin: usize,
}

/// What the last fields of an event's place are written from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct PlaceTailKey {
    pcode: usize,
    coordinates: Option<(u64, u64)>,
    admin: usize,
}

/// Writes `key` (the bytes up to the value: a comma, the quoted name, a colon) and
/// `value` as `serde_json` does.
fn field<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    key: &[u8],
    value: &T,
) -> io::Result<()> {
    out.write_all(key)?;
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)
}

/// The bits of coordinates, which tell what `serde_json` writes of them (every field,
/// so that one added to `Coordinates` must be added here too).
fn coordinates_bits(coordinates: &Coordinates) -> (u64, u64) {
    let Coordinates { lat, lon } = coordinates;
    (lat.to_bits(), lon.to_bits())
}

/// What the place fields of an entity are written from: the addresses of its `Arc`s (0
/// for none) and the bits of its coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct EntityPlaceKey {
    admin1: usize,
    coordinates: Option<(u64, u64)>,
    pcode: usize,
    admin: usize,
}

/// The address of what an `Arc` points to.
fn address<T: ?Sized>(value: &Arc<T>) -> usize {
    Arc::as_ptr(value).cast::<u8>().addr()
}

/// JSON fragments by what they are written from.
#[derive(Debug)]
struct Fragments<K> {
    kept: FxHashMap<K, (Box<[u8]>, Held)>,
}

impl<K> Default for Fragments<K> {
    fn default() -> Self {
        Fragments {
            kept: FxHashMap::default(),
        }
    }
}

impl<K: Hash + Eq> Fragments<K> {
    /// Writes the fragment of `key`, made by `make` (which returns the values it was
    /// made from, to hold) the first time.
    fn write<W: Write + ?Sized>(
        &mut self,
        out: &mut W,
        key: K,
        make: impl FnOnce(&mut Vec<u8>) -> io::Result<Held>,
    ) -> io::Result<()> {
        if let Some((bytes, _)) = self.kept.get(&key) {
            return out.write_all(bytes);
        }
        let mut bytes = Vec::new();
        let held = make(&mut bytes)?;
        out.write_all(&bytes)?;
        if self.kept.len() >= MAX_FRAGMENTS {
            self.kept.clear();
        }
        self.kept.insert(key, (bytes.into_boxed_slice(), held));
        Ok(())
    }
}

/// Writes `items` as the elements of a JSON list, a comma between two (the brackets
/// are the caller's), each with `each`.
fn elements<W: Write + ?Sized, T>(
    out: &mut W,
    items: &[T],
    mut each: impl FnMut(&mut W, &T) -> io::Result<()>,
) -> io::Result<()> {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        each(out, item)?;
    }
    Ok(())
}

/// The `Arc`s a fragment was written from, held while it is kept: an address a
/// fragment is found by cannot be taken by another value while its `Arc` lives, and
/// what it points to cannot change while it is shared.
#[derive(Debug, Default)]
// Held to be dropped with the fragment, never read.
#[allow(dead_code)]
struct Held {
    strs: Vec<Arc<str>>,
    admin: Option<Arc<AdminLevels>>,
}

impl Held {
    fn strs<'a>(strs: impl IntoIterator<Item = &'a Arc<str>>) -> Held {
        Held {
            strs: strs.into_iter().cloned().collect(),
            admin: None,
        }
    }

    fn with_admin(mut self, admin: &Option<Arc<AdminLevels>>) -> Held {
        self.admin = admin.clone();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities made anew each time (another id each) fill a table to its bound, no
    /// further, and are still written right once it has started again.
    #[test]
    fn the_kept_fragments_are_bounded() {
        let doc = crate::Extractor::default().extract("قصفت قوات النظام مدينة حمص");
        let entity = &doc.entities[0];
        let mut writer = JsonWriter::default();
        for i in 0..MAX_FRAGMENTS + 10 {
            let mut e = entity.clone();
            e.id = Arc::from(format!("id-{i}"));
            let mut out = Vec::new();
            writer.write_entity(&mut out, &e).unwrap();
            assert!(writer.entity_heads.kept.len() <= MAX_FRAGMENTS);
            if i % 1000 == 0 || i >= MAX_FRAGMENTS - 2 {
                assert_eq!(out, serde_json::to_vec(&e).unwrap());
            }
        }
        assert!(writer.entity_heads.kept.len() < 20, "started again");
    }
}
