//! `json::JsonWriter` writes what `serde_json` writes, byte for byte: for the entities
//! and events of the fixture articles, for entities and events with every optional
//! field present and absent, and for documents written again with the fragments it
//! kept.

use serde_json::{Map, Value};
use syria_extract::json::JsonWriter;
use syria_extract::{Document, Entity, Event, Extractor};

/// The fixture articles, and sentences that give the optional fields of an entity (a
/// cue and a direction, homonyms decided and not, a reference with an antecedent and a
/// default one, an affiliation, a source, a place outside Syria) and of an event (a
/// tally, casualties, wounded, an unnamed place, an outcome, a back-reference).
fn documents() -> Vec<(String, Document)> {
    let extractor = Extractor::default();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 4, "the fixture articles: {paths:?}");
    let mut texts: Vec<(String, String)> = paths
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    for sentence in [
        "قصفت قوات النظام بلدة السخنة بريف حمص الشرقي",
        "قصفت قوات النظام قرية الحميدية بريف القنيطرة",
        "قصفت الطائرات الحربية حي الصالحية",
        "سيطر تنظيم داعش على البلدة، وقال التنظيم إن قوات روسية قصفتها",
        "وقال النظام إن الوضع هادئ في المدينة",
        "أفاد المرصد السوري لحقوق الإنسان بمقتل 5 مدنيين في غارة على مدينة إدلب، بحسب وكالة سانا",
        "وصل وفد تركي إلى موسكو قادما من أنقرة \"لبحث\" الوضع في سوريا",
        "ارتفعت حصيلة القتلى منذ بداية العام إلى 3042 بحسب المرصد السوري لحقوق الإنسان",
        "قتل وجرح 24 شخصا بقصف على مدينة دوما",
        "قتل أكثر من 20 مدنيا وأصيب 7 آخرون بانفجار عبوة ناسفة في بلدة إلجويبار",
        "قصفت قوات النظام بلدة كفرنبل ما أدى إلى مقتل 4 مدنيين. واستهدف القصف الأحياء السكنية",
        "هاجم عناصر تنظيم داعش نقاطا لقوات النظام في بادية السخنة شرقي حمص أمس",
    ] {
        texts.push((sentence.to_string(), sentence.to_string()));
    }
    texts
        .into_iter()
        .map(|(name, text)| {
            let doc = extractor.extract(text.as_str());
            (name, doc)
        })
        .collect()
}

fn entity_bytes(writer: &mut JsonWriter, entity: &Entity) -> Vec<u8> {
    let mut out = Vec::new();
    writer.write_entity(&mut out, entity).unwrap();
    out
}

fn event_bytes(writer: &mut JsonWriter, event: &Event) -> Vec<u8> {
    let mut out = Vec::new();
    writer.write_event(&mut out, event).unwrap();
    out
}

fn document_bytes(writer: &mut JsonWriter, document: &Document) -> Vec<u8> {
    let mut out = Vec::new();
    writer.write_document(&mut out, document).unwrap();
    out
}

/// Compares the writer's bytes with serde_json's, showing both when they differ.
fn assert_same(ours: &[u8], serde: &[u8], what: &str) {
    assert!(
        ours == serde,
        "{what}:\nwriter:     {}\nserde_json: {}",
        String::from_utf8_lossy(ours),
        String::from_utf8_lossy(serde)
    );
}

#[test]
fn entities_and_documents_are_written_as_serde_json_writes_them() {
    // One writer for all, as the command line keeps one per thread.
    let mut writer = JsonWriter::default();
    for (name, doc) in documents() {
        for entity in &doc.entities {
            let serde = serde_json::to_vec(entity).unwrap();
            assert_same(&entity_bytes(&mut writer, entity), &serde, &name);
        }
        for event in &doc.events {
            let serde = serde_json::to_vec(event).unwrap();
            assert_same(&event_bytes(&mut writer, event), &serde, &name);
        }
        let serde = serde_json::to_vec(&doc).unwrap();
        assert_same(&document_bytes(&mut writer, &doc), &serde, &name);
    }
}

/// Writing again with what the writer kept gives the same bytes, and a new writer
/// agrees with one that has seen other documents.
#[test]
fn a_document_written_twice_with_one_writer_is_the_same() {
    let docs = documents();
    let mut writer = JsonWriter::default();
    let first: Vec<Vec<u8>> = docs
        .iter()
        .map(|(_, d)| document_bytes(&mut writer, d))
        .collect();
    for ((name, doc), first) in docs.iter().zip(&first) {
        assert_same(&document_bytes(&mut writer, doc), first, name);
        assert_same(
            &document_bytes(&mut JsonWriter::default(), doc),
            first,
            name,
        );
    }
}

/// The optional fields of `Entity` (every key its JSON may lack).
const OPTIONAL: [&str; 10] = [
    "cue",
    "direction",
    "admin1",
    "coordinates",
    "pcode",
    "admin",
    "candidates",
    "ambiguous",
    "affiliation",
    "reference",
];

/// Entities with each optional field taken away and given (a value another entity
/// has), with all of them and none, of every kind: each written as serde_json does.
#[test]
fn entities_with_and_without_every_optional_field_are_written_as_serde_json_writes_them() {
    let entities: Vec<Map<String, Value>> = documents()
        .iter()
        .flat_map(|(_, d)| &d.entities)
        .map(|e| match serde_json::to_value(e).unwrap() {
            Value::Object(map) => map,
            other => panic!("an entity is an object: {other}"),
        })
        .collect();
    // A value of every optional field, and of both kinds of reference.
    let donor = |key: &str, pick: &dyn Fn(&Value) -> bool| -> Value {
        entities
            .iter()
            .filter_map(|e| e.get(key))
            .find(|v| pick(v))
            .cloned()
            .unwrap_or_else(|| panic!("no entity of the documents has {key}"))
    };
    let mut given: Vec<(&str, Value)> =
        OPTIONAL.iter().map(|k| (*k, donor(k, &|_| true))).collect();
    given.push((
        "reference",
        donor("reference", &|r| r.get("antecedent").is_some()),
    ));
    given.push(("reference", donor("reference", &|r| r["default"] == true)));
    for kind in ["actor", "location", "source"] {
        assert!(entities.iter().any(|e| e["kind"] == kind), "no {kind}");
    }

    let mut variants: Vec<Map<String, Value>> = Vec::new();
    for entity in &entities {
        let mut none = entity.clone();
        let mut all = entity.clone();
        for key in OPTIONAL {
            none.remove(key);
            let mut without = entity.clone();
            without.remove(key);
            variants.push(without);
        }
        for (key, value) in &given {
            all.insert(key.to_string(), value.clone());
            let mut with = entity.clone();
            with.insert(key.to_string(), value.clone());
            variants.push(with);
        }
        variants.extend([none, all]);
    }
    let mut writer = JsonWriter::default();
    for variant in variants {
        let entity: Entity = serde_json::from_value(Value::Object(variant)).unwrap();
        let serde = serde_json::to_vec(&entity).unwrap();
        assert_same(&entity_bytes(&mut writer, &entity), &serde, "variant");
    }
}

/// A kept fragment is never taken for another entity's: entities read from JSON one
/// after another, each dropped before the next is read (so that a new one could be
/// given the memory of the last), with other names, P-codes and levels.
#[test]
fn an_entity_read_anew_is_written_with_its_own_values() {
    let doc = Extractor::default().extract("قصفت قوات النظام بلدة السخنة بريف حمص الشرقي");
    let place = doc.entities.iter().find(|e| e.admin.is_some()).unwrap();
    let json = serde_json::to_string(place).unwrap();
    let mut writer = JsonWriter::default();
    for i in 0..50 {
        // Same lengths, other bytes, so that an allocator may well reuse the memory.
        let changed = json
            .replace("Homs", &format!("H{:03}", i))
            .replace("SY04", &format!("S{:03}", i))
            .replace("Al-Sukhnah", &format!("Al-Sukh{:03}", i));
        let entity: Entity = serde_json::from_str(&changed).unwrap();
        let serde = serde_json::to_vec(&entity).unwrap();
        assert_same(&entity_bytes(&mut writer, &entity), &serde, &changed);
        drop(entity);
    }
}

/// Names and texts that JSON must escape (quotes, backslashes, control characters)
/// and coordinates of every sort of float are written as serde_json writes them.
#[test]
fn escapes_and_floats_are_written_as_serde_json_writes_them() {
    let doc = Extractor::default().extract("قصفت قوات النظام بلدة السخنة بريف حمص الشرقي");
    let place = doc.entities.iter().find(|e| e.admin.is_some()).unwrap();
    let mut writer = JsonWriter::default();
    for (name, lat, lon) in [
        ("\"quoted\" \\ name", 0.0, -0.0),
        ("tab\tline\nbell\u{7}", 1e-300, 1e300),
        ("عربي \u{200f}", 34.123456789012345, -118.5),
        ("", 90.0, -180.0),
    ] {
        let mut value = serde_json::to_value(place).unwrap();
        value["name"] = name.into();
        value["text"] = name.into();
        value["coordinates"] = serde_json::json!({ "lat": lat, "lon": lon });
        value["admin"]["admin1"]["name"] = name.into();
        let entity: Entity = serde_json::from_value(value).unwrap();
        let serde = serde_json::to_vec(&entity).unwrap();
        assert_same(&entity_bytes(&mut writer, &entity), &serde, name);
    }
}

/// The fields of `Event` that may be missing (skipped) or null, and those of its
/// places and source (`locations`, `source`) and of its `place`.
const EVENT_OPTIONAL: [&str; 13] = [
    "trigger_words",
    "place",
    "unnamed_place",
    "time",
    "fatalities",
    "fatalities_at_least",
    "fatality_count",
    "wounded",
    "casualties",
    "tally",
    "source",
    "part_of",
    "refers_to",
];
const ARGUMENT_OPTIONAL: [&str; 6] = [
    "type",
    "pcode",
    "coordinates",
    "admin",
    "geo_precision",
    "situates",
];
const PLACE_OPTIONAL: [&str; 4] = ["direction", "pcode", "coordinates", "admin"];

/// `object` with `key` taken away (or null, where the field is never skipped), and
/// with the value `donors` have for it; the variants of each.
fn variants_of(
    object: &Map<String, Value>,
    keys: &[&str],
    donors: &Map<String, Value>,
) -> Vec<Map<String, Value>> {
    let mut out = Vec::new();
    let (mut none, mut all) = (object.clone(), object.clone());
    for key in keys {
        let mut without = object.clone();
        if matches!(*key, "time" | "fatalities" | "source") {
            without.insert(key.to_string(), Value::Null);
            none.insert(key.to_string(), Value::Null);
        } else {
            without.remove(*key);
            none.remove(*key);
        }
        out.push(without);
        let value = donors
            .get(*key)
            .unwrap_or_else(|| panic!("no donor of {key}"));
        let mut with = object.clone();
        with.insert(key.to_string(), value.clone());
        all.insert(key.to_string(), value.clone());
        out.push(with);
    }
    out.extend([none, all]);
    out
}

/// A value of each of `keys` that some object has (not null).
fn donors(objects: &[&Map<String, Value>], keys: &[&str]) -> Map<String, Value> {
    keys.iter()
        .map(|key| {
            let value = objects
                .iter()
                .filter_map(|o| o.get(*key))
                .find(|v| !v.is_null())
                .unwrap_or_else(|| panic!("no object of the documents has {key}"));
            (key.to_string(), value.clone())
        })
        .collect()
}

fn object(value: &Value) -> &Map<String, Value> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("an object: {value}"))
}

/// Events with each optional field taken away and given, and so the fields of their
/// places, source and `place`, and an actor without a role: each written as
/// serde_json does.
#[test]
fn events_with_and_without_every_optional_field_are_written_as_serde_json_writes_them() {
    let events: Vec<Value> = documents()
        .iter()
        .flat_map(|(_, d)| &d.events)
        .map(|e| serde_json::to_value(e).unwrap())
        .collect();
    let event_maps: Vec<&Map<String, Value>> = events.iter().map(object).collect();
    let arguments: Vec<&Map<String, Value>> = events
        .iter()
        .flat_map(|e| {
            e["locations"]
                .as_array()
                .unwrap()
                .iter()
                .chain([&e["source"]])
        })
        .filter(|a| !a.is_null())
        .map(object)
        .collect();
    let places: Vec<&Map<String, Value>> = events
        .iter()
        .filter_map(|e| e.get("place"))
        .map(object)
        .collect();
    let event_donors = donors(&event_maps, &EVENT_OPTIONAL);
    let argument_donors = donors(&arguments, &ARGUMENT_OPTIONAL);
    let place_donors = donors(&places, &PLACE_OPTIONAL);
    assert!(
        events.iter().any(|e| e["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["role"].is_null())),
        "an actor without a role"
    );

    let mut variants: Vec<Map<String, Value>> = Vec::new();
    for event in &event_maps {
        variants.extend(variants_of(event, &EVENT_OPTIONAL, &event_donors));
        let locations = event["locations"].as_array().unwrap();
        for (i, location) in locations.iter().enumerate() {
            for changed in variants_of(object(location), &ARGUMENT_OPTIONAL, &argument_donors) {
                let mut variant = (*event).clone();
                variant["locations"][i] = Value::Object(changed.clone());
                variants.push(variant.clone());
                variant["source"] = Value::Object(changed);
                variants.push(variant);
            }
        }
        if let Some(place) = event.get("place") {
            for changed in variants_of(object(place), &PLACE_OPTIONAL, &place_donors) {
                let mut variant = (*event).clone();
                variant["place"] = Value::Object(changed);
                variants.push(variant);
            }
        }
        for (i, _) in event["actors"].as_array().unwrap().iter().enumerate() {
            let mut variant = (*event).clone();
            variant["actors"][i]["role"] = Value::Null;
            variants.push(variant);
        }
    }
    let mut writer = JsonWriter::default();
    for variant in variants {
        let event: Event = serde_json::from_value(Value::Object(variant)).unwrap();
        let serde = serde_json::to_vec(&event).unwrap();
        assert_same(&event_bytes(&mut writer, &event), &serde, "variant");
    }
}
