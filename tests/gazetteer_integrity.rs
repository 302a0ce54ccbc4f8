//! The built-in gazetteers as a whole: counts, references, coordinates, homographs,
//! and the cue rule for common-word place names.

use std::collections::HashSet;

use syria_extract::gazetteer::{Gazetteer, LocationKind};
use syria_extract::Extractor;

#[test]
fn counts_and_unique_ids() {
    let gaz = Gazetteer::builtin();
    let count = |k: LocationKind| gaz.locations().iter().filter(|l| l.kind == k).count();
    assert_eq!(count(LocationKind::Governorate), 14);
    assert_eq!(count(LocationKind::District), 62);
    assert_eq!(count(LocationKind::Subdistrict), 272);
    assert!(gaz.locations().len() >= 450, "{}", gaz.locations().len());
    assert!(gaz.actors().len() >= 200, "{}", gaz.actors().len());
    assert!(gaz.sources().len() >= 40, "{}", gaz.sources().len());
    assert!(gaz.triggers().len() >= 16);
    let mut ids = HashSet::new();
    let all = gaz
        .locations()
        .iter()
        .map(|l| &l.id)
        .chain(gaz.actors().iter().map(|a| &a.id))
        .chain(gaz.sources().iter().map(|s| &s.id))
        .chain(gaz.triggers().iter().map(|t| &t.id));
    for id in all {
        assert!(ids.insert(id.clone()), "duplicate id {id}");
        assert!(gaz.get(id).is_some(), "{id} not indexed");
    }
}

#[test]
fn references_resolve_and_provenance_is_given() {
    let gaz = Gazetteer::builtin();
    for l in gaz.locations() {
        if let Some(p) = &l.parent {
            assert!(gaz.location(p).is_some(), "{}: parent {p}", l.id);
        } else {
            assert!(
                matches!(
                    l.kind,
                    LocationKind::Country | LocationKind::Region | LocationKind::River
                ),
                "{} ({}) has no parent",
                l.id,
                l.kind
            );
        }
        assert!(!l.provenance.is_empty());
    }
    for a in gaz.actors() {
        for p in &a.affiliation {
            assert!(gaz.actor(p).is_some(), "{}: affiliation {p}", a.id);
        }
        assert!(!a.acled_name.is_empty(), "{} has no ACLED-style name", a.id);
    }
    // Every GeoNames record says so.
    let geonames = gaz
        .locations()
        .iter()
        .filter(|l| l.provenance.starts_with("geonames:"));
    for l in geonames {
        assert_eq!(l.provenance, format!("geonames:{}", l.geonames.unwrap()));
    }
}

#[test]
fn syrian_places_lie_in_syria() {
    let gaz = Gazetteer::builtin();
    let mut checked = 0;
    for l in gaz.locations() {
        if gaz.admin1(&l.id).is_none() {
            continue; // foreign places and countries
        }
        let c = l
            .coordinates
            .unwrap_or_else(|| panic!("{} has no coordinates", l.id));
        assert!(
            (32.3..=37.4).contains(&c.lat) && (35.6..=42.5).contains(&c.lon),
            "{} ({}) at {},{} is outside Syria",
            l.id,
            l.name_en,
            c.lat,
            c.lon
        );
        checked += 1;
    }
    assert!(checked >= 400, "{checked}");
}

#[test]
fn no_spelling_is_shared_without_the_ambiguous_flag() {
    let collisions = Gazetteer::builtin().unmarked_collisions();
    assert!(collisions.is_empty(), "{collisions:?}");
}

#[test]
fn spellings_real_text_uses() {
    let extractor = Extractor::default();
    let rows = [
        ("وصلت التعزيزات إلى ديرالزور", "deir-ez-zor-city"),
        ("قصفت الطائرات مدينة ألبوكمال", "abu-kamal-city"),
        ("خرجت مظاهرة في قامشلو", "qamishli-city"),
        ("عادت العائلات إلى كوباني", "kobani-city"),
        ("استهدفت غارة مطار التيفور", "t4-airbase"),
        ("قتل مدني في بلدة طفس", "gn163806"),
        // News writes الشدادي, OCHA الشدادة: one record with both and the P-code.
        ("سيطرت قسد على مدينة الشدادي جنوب الحسكة", "shaddadi-town"),
        ("انسحب التنظيم من الشدادة", "shaddadi-town"),
    ];
    for (text, id) in rows {
        let ids: Vec<String> = extractor
            .extract(text)
            .locations()
            .map(|e| e.id.to_string())
            .collect();
        assert!(ids.iter().any(|i| i == id), "{text}: {ids:?}, want {id}");
    }
}

#[test]
fn common_word_places_need_a_cue() {
    let extractor = Extractor::default();
    let gaz = extractor.gazetteer();
    let village = gaz
        .locations()
        .iter()
        .find(|l| l.flags.needs_cue && l.name_ar == "جديدة")
        .expect("the village جديدة is flagged needs_cue");
    let without = extractor.extract("بدأت الميليشيات حملة جديدة في البادية");
    assert!(without.locations().all(|e| e.id != village.id));
    let with = extractor.extract("قصفت قوات النظام قرية جديدة في ريف دمشق");
    assert!(with.locations().any(|e| e.id == village.id));
}
