//! The built-in villages, neighbourhoods and landmarks: OCHA communities hang under
//! their subdistricts, a place that two sources know is one record with both ids,
//! P-codes are unique, community names are found in sentences, and a community named
//! by a common word is a place only after a cue.

use std::collections::HashMap;

use syria_extract::gazetteer::{Gazetteer, Location, LocationKind};
use syria_extract::normalize::normalize_str;
use syria_extract::Extractor;

/// An OCHA community P-code: `C` and four digits (admin units are `SY...`, Damascus
/// neighbourhoods `C1001` and four more digits).
fn is_community_pcode(pcode: &str) -> bool {
    pcode.len() == 5 && pcode.starts_with('C') && pcode[1..].bytes().all(|b| b.is_ascii_digit())
}

fn communities(gaz: &Gazetteer) -> Vec<&Location> {
    gaz.locations()
        .iter()
        .filter(|l| l.provenance.starts_with("ocha:C"))
        .filter(|l| l.pcode.as_deref().is_some_and(is_community_pcode))
        .collect()
}

fn km(a: &Location, b: &Location) -> f64 {
    let (a, b) = (a.coordinates.unwrap(), b.coordinates.unwrap());
    let dy = (a.lat - b.lat) * 111.2;
    let dx = (a.lon - b.lon) * 111.2 * ((a.lat + b.lat) / 2.0).to_radians().cos();
    (dx * dx + dy * dy).sqrt()
}

fn names(l: &Location) -> impl Iterator<Item = String> + '_ {
    std::iter::once(&l.name_ar)
        .chain(l.aliases.iter())
        .map(|n| normalize_str(n.trim()))
}

#[test]
fn every_community_hangs_under_a_subdistrict() {
    let gaz = Gazetteer::builtin();
    let communities = communities(gaz);
    assert!(communities.len() >= 4000, "{}", communities.len());
    for c in &communities {
        let pcode = c.pcode.as_deref().unwrap();
        assert_eq!(c.provenance, format!("ocha:{pcode}"));
        assert_eq!(&*c.id, format!("c{}", &pcode[1..]));
        assert!(
            matches!(
                c.kind,
                LocationKind::City | LocationKind::Town | LocationKind::Village
            ),
            "{} is a {}",
            c.id,
            c.kind
        );
        let parent = c.parent.as_deref().expect("a community has a parent");
        let parent = gaz
            .location(parent)
            .unwrap_or_else(|| panic!("{}: no parent {parent}", c.id));
        assert_eq!(parent.kind, LocationKind::Subdistrict, "{}", c.id);
        assert!(parent.provenance.starts_with("opensyria:"), "{}", c.id);
    }
}

#[test]
fn pcodes_are_unique() {
    let gaz = Gazetteer::builtin();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for l in gaz.locations() {
        if let Some(p) = l.pcode.as_deref() {
            if let Some(other) = seen.insert(p, &l.id) {
                panic!("P-code {p} on both {other} and {}", l.id);
            }
        }
    }
    // Admin units, communities and the Damascus neighbourhoods all carry one.
    let count = |pred: &dyn Fn(&str) -> bool| seen.keys().filter(|p| pred(p)).count();
    assert_eq!(count(&|p| p.starts_with("SY")), 348);
    assert!(count(&|p| is_community_pcode(p)) >= 4700);
    assert_eq!(count(&|p| p.starts_with("C1001") && p.len() == 9), 63);
}

#[test]
fn a_place_two_sources_know_is_one_record_with_both_ids() {
    let gaz = Gazetteer::builtin();
    let merged: Vec<&Location> = gaz
        .locations()
        .iter()
        .filter(|l| l.pcode.as_deref().is_some_and(is_community_pcode))
        .filter(|l| !l.provenance.starts_with("ocha:"))
        .collect();
    assert!(merged.len() >= 80, "{}", merged.len());
    for l in &merged {
        if l.provenance.starts_with("geonames:") {
            assert_eq!(l.provenance, format!("geonames:{}", l.geonames.unwrap()));
        } else {
            assert_eq!(l.provenance, "curated", "{}", l.id);
        }
    }
    let pcode = |id: &str| gaz.location(id).and_then(|l| l.pcode.clone());
    assert_eq!(pcode("aleppo-city").as_deref(), Some("C1007"));
    assert_eq!(pcode("kafr-nabl").as_deref(), Some("C4068"));
    // Al-Tabqa is officially مدينة الثورة: OCHA's name differs, the place is the same.
    assert_eq!(pcode("tabqa-city").as_deref(), Some("C5929"));
    // Tafas, a GeoNames town: its GeoNames id and the community's P-code.
    let tafas = gaz.location("gn163806").unwrap();
    assert_eq!(
        (tafas.geonames, tafas.pcode.as_deref()),
        (Some(163806), Some("C6034"))
    );
    assert!(gaz.location("c6034").is_none() && gaz.location("c1007").is_none());
}

#[test]
fn no_community_duplicates_a_town_already_known() {
    let gaz = Gazetteer::builtin();
    let settlements: Vec<&Location> = gaz
        .locations()
        .iter()
        .filter(|l| !l.provenance.starts_with("ocha:"))
        .filter(|l| {
            matches!(
                l.kind,
                LocationKind::City | LocationKind::Town | LocationKind::Village
            )
        })
        .filter(|l| gaz.admin1(&l.id).is_some())
        .collect();
    for c in communities(gaz) {
        let gov = gaz.admin1(&c.id).map(|g| &g.id);
        for s in &settlements {
            let same_name = names(c).any(|n| names(s).any(|m| m == n));
            if same_name && gaz.admin1(&s.id).map(|g| &g.id) == gov && km(c, s) < 10.0 {
                panic!(
                    "{} ({}) duplicates {} ({})",
                    c.id, c.name_ar, s.id, s.name_ar
                );
            }
        }
    }
}

/// The location ids found in a text.
fn places(extractor: &Extractor, text: &str) -> Vec<String> {
    extractor
        .extract(text)
        .locations()
        .map(|e| e.id.to_string())
        .collect()
}

#[test]
fn community_names_resolve_to_their_community() {
    let extractor = Extractor::default();
    let rows = [
        (
            "قصفت قوات النظام قرية قصر البريج بريف حلب الشرقي بالبراميل المتفجرة",
            "c1233",
        ),
        (
            "استهدف الطيران الحربي بلدة جرجناز في ريف معرة النعمان الشرقي",
            "c3977",
        ),
        (
            "دارت اشتباكات عنيفة في محيط قرية بيت عوان بجبل التركمان في ريف اللاذقية",
            "c3545",
        ),
        (
            "ألقى الطيران المروحي برميلين متفجرين على بلدة اللطامنة بريف حماة الشمالي",
            "c3458",
        ),
        (
            "قصفت الطائرات الحربية بلدات كنصفرة والبارة في جبل الزاوية",
            "c4309",
        ),
        // The OCHA spelling has no hamza; text writes it.
        ("سقطت قذائف على بلدة أنخل في ريف درعا", "gn169375"),
    ];
    for (text, id) in rows {
        let found = places(&extractor, text);
        assert!(
            found.iter().any(|i| i == id),
            "{text}: {found:?}, want {id}"
        );
    }
}

#[test]
fn neighbourhoods_and_landmarks_resolve() {
    let extractor = Extractor::default();
    let rows = [
        ("جرت عملية التبادل في حي القابون شرقي دمشق", "qaboun"),
        (
            "سقطت قذيفة هاون على حي الشيخ مقصود في مدينة حلب",
            "sheikh-maqsoud",
        ),
        (
            "تجمع المحتجون في ساحة الكرامة وسط مدينة السويداء",
            "karama-square",
        ),
        (
            "سيطر التنظيم على نقاط في محيط حقل جزل النفطي بريف حمص الشرقي",
            "jazal-oil-field",
        ),
        ("نفذت طائرات إسرائيلية غارات على مواقع في الجولان", "golan"),
        ("وصل المقاتلون إلى جرود عرسال على الحدود اللبنانية", "arsal"),
    ];
    for (text, id) in rows {
        let found = places(&extractor, text);
        assert!(
            found.iter().any(|i| i == id),
            "{text}: {found:?}, want {id}"
        );
    }
}

#[test]
fn a_common_word_community_needs_a_cue() {
    let extractor = Extractor::default();
    let gaz = extractor.gazetteer();
    // الأسقف ("the bishop") is also a village of Tartus; OCHA writes it الاسقف.
    let bishop = gaz
        .locations()
        .iter()
        .find(|l| l.provenance.starts_with("ocha:") && normalize_str(&l.name_ar) == "الاسقف")
        .expect("the community الاسقف is built in");
    assert!(bishop.flags.needs_cue);
    let alone = places(&extractor, "وقال الأسقف في كلمته إن الكنيسة ترفض التهجير");
    assert!(!alone.iter().any(|i| **i == *bishop.id), "{alone:?}");
    let cued = places(&extractor, "قصفت قوات النظام قرية الأسقف في ريف طرطوس");
    assert!(cued.iter().any(|i| **i == *bishop.id), "{cued:?}");
    // Everyday words are not built in at all: "دولة كردية" is no village.
    let kurdish = places(&extractor, "يرفض الأتراك قيام دولة كردية على حدودهم");
    assert!(kurdish.is_empty(), "{kurdish:?}");
}

#[test]
fn the_everyday_word_communities_load_on_request() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/gazetteers/locations_communities_common.tsv"
    );
    let gaz = Gazetteer::builder()
        .builtin()
        .add_file(path)
        .build()
        .expect("the side file loads with the built-in files");
    let added = gaz.locations().len() - Gazetteer::builtin().locations().len();
    assert!(added >= 400, "{added}");
    let collisions = gaz.unmarked_collisions();
    assert!(collisions.is_empty(), "{collisions:?}");
    let kurdiyeh = gaz
        .locations()
        .iter()
        .find(|l| l.name_ar == "كردية")
        .expect("the village كردية is in the side file");
    assert!(kurdiyeh.flags.needs_cue);
}
