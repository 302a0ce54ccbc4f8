//! `json::JsonWriter` writes what `serde_json` writes, byte for byte: for the entities
//! of the fixture articles, for entities with every optional field present and absent,
//! and for documents written again with the fragments it kept.

use serde_json::{Map, Value};
use syria_extract::json::JsonWriter;
use syria_extract::{Document, Entity, Extractor};

/// The fixture articles, and sentences that give the optional fields of an entity: a
/// cue and a direction, homonyms decided and not, a reference with an antecedent and a
/// default one, an affiliation, a source, a place outside Syria.
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
