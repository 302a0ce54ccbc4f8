//! End-to-end entity extraction through the public API, on the built-in gazetteers.
//!
//! Each row is (text, expected mentions as (kind, English name, original text)).

use syria_extract::{EntityKind, Extractor};

use EntityKind::{Actor, Location, Source};

fn found(text: &str) -> Vec<(EntityKind, String, String)> {
    let doc = Extractor::default().extract(text);
    for e in &doc.entities {
        assert_eq!(&text[e.start..e.end], e.text, "span of {e:?}");
    }
    doc.entities
        .into_iter()
        .map(|e| (e.kind, e.name.to_string(), e.text))
        .collect()
}

/// (text, expected (kind, English name, original text) mentions).
type Row<'a> = (&'a str, &'a [(EntityKind, &'a str, &'a str)]);

fn check(rows: &[Row]) {
    let mut failures = Vec::new();
    for (text, want) in rows {
        let got = found(text);
        let want: Vec<(EntityKind, String, String)> = want
            .iter()
            .map(|(k, n, t)| (*k, n.to_string(), t.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{text}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn proclitics_and_article() {
    check(&[
        (
            "وصلت التعزيزات والسخنة هادئة",
            &[(Location, "Al-Sukhnah", "السخنة")],
        ),
        ("اشتباكات بالسخنة", &[(Location, "Al-Sukhnah", "السخنة")]),
        // After لل the second ل is the article's: the span keeps it.
        ("وصلت تعزيزات للسخنة", &[(Location, "Al-Sukhnah", "لسخنة")]),
        ("وصل الوفد لليمن", &[(Location, "Yemen", "ليمن")]),
        ("ولليمن حدود طويلة", &[(Location, "Yemen", "ليمن")]),
        ("في اليمن", &[(Location, "Yemen", "اليمن")]),
        // A name listed only without the article takes it as a clitic, outside the
        // span; "الفاطميون" is listed with it, so its article's ل is in the span.
        (
            "للزينبيون دور",
            &[(Actor, "Zainabiyoun Brigade", "زينبيون")],
        ),
        (
            "للفاطميون دور",
            &[(Actor, "Fatemiyoun Brigade", "لفاطميون")],
        ),
        (
            "حملة تمشيط لبادية دير الزور",
            &[(Location, "Deir ez-Zor", "دير الزور")],
        ),
        ("تعزيزات بريف حمص الشرقي", &[(Location, "Homs", "حمص")]),
        (
            "لواء القدس وفاطميون",
            &[
                (Actor, "Liwa al-Quds", "لواء القدس"),
                (Actor, "Fatemiyoun Brigade", "فاطميون"),
            ],
        ),
        ("انضم إلى الفاطميين", &[]),
        (
            "تابعة لـ“الدفاع الوطني”",
            &[(Actor, "National Defence Forces", "الدفاع الوطني")],
        ),
        (
            "تابعة لـ \"الدفاع الوطني\"",
            &[(Actor, "National Defence Forces", "الدفاع الوطني")],
        ),
    ]);
}

#[test]
fn spelling_variants_diacritics_and_line_breaks() {
    check(&[
        ("في ديرالزور", &[(Location, "Deir ez-Zor", "ديرالزور")]),
        ("في دير\nالزور", &[(Location, "Deir ez-Zor", "دير\nالزور")]),
        ("خلايا داعــش", &[(Actor, "Islamic State", "داعــش")]),
        ("في دَيْر الزُّوْر", &[(Location, "Deir ez-Zor", "دَيْر الزُّوْر")]),
        ("في ريف حمص", &[(Location, "Homs", "حمص")]),
        // Generated spellings: a first word apart or glued, ة as ت, a final hamza.
        ("قصف مدينة تل كلخ", &[(Location, "Tall Kalakh", "تل كلخ")]),
        (
            "في معرت النعمان",
            &[(Location, "Maarrat al-Nu'man", "معرت النعمان")],
        ),
        ("في خانشيخون", &[(Location, "Khan Shaykhun", "خانشيخون")]),
        (
            "في ناحية عين البيضاء",
            &[(Location, "Ein El-Bayda", "عين البيضاء")],
        ),
    ]);
}

#[test]
fn adjectives_and_longer_words_are_not_names() {
    check(&[
        ("قالت الحكومة الإيرانية", &[]),
        ("في مختلف المحافظات السورية", &[]),
        (
            "ميليشيا لواء القدس",
            &[(Actor, "Liwa al-Quds", "لواء القدس")],
        ),
        // "حمصي" (from Homs) is no Homs; "شاب" is the unnamed actor it describes.
        ("شاب حمصي", &[(Actor, "Young men", "شاب")]),
    ]);
}

#[test]
fn homographs_follow_cue_words() {
    let doc = Extractor::default().extract("في ريف حمص الشرقي ومدينة حمص وحمص");
    let homs: Vec<_> = doc.locations().collect();
    assert_eq!(homs.len(), 3);
    let gaz = Extractor::default();
    let kind = |id: &str| gaz.gazetteer().location(id).map(|l| l.kind.as_str());
    assert_eq!(kind(&homs[0].id), Some("governorate"), "ريف → governorate");
    assert_eq!(kind(&homs[1].id), Some("city"), "مدينة → city");
    assert_eq!(
        kind(&homs[2].id),
        Some("city"),
        "no cue → city (documented default)"
    );
    let east = homs[0].direction.as_ref().expect("direction");
    assert_eq!(east.direction.as_str(), "east");
    assert_eq!(east.text, "الشرقي");
    assert_eq!(homs[0].cue.as_ref().map(|c| c.text.as_str()), Some("ريف"));
}

#[test]
fn countries_are_places_or_state_actors_by_context() {
    check(&[
        ("تسعى إيران لوضع قدمها", &[(Actor, "Iran", "إيران")]),
        (
            "المدعومة من روسيا والموالية لإيران",
            &[(Actor, "Russia", "روسيا"), (Actor, "Iran", "إيران")],
        ),
        (
            "في بادية دير الزور شرقي سوريا",
            &[
                (Location, "Deir ez-Zor", "دير الزور"),
                (Location, "Syria", "سوريا"),
            ],
        ),
        (
            "عاد اللاجئون من تركيا إلى سوريا",
            &[(Actor, "Turkey", "تركيا"), (Location, "Syria", "سوريا")],
        ),
        ("يقيم في تركيا", &[(Location, "Turkey", "تركيا")]),
    ]);
}

#[test]
fn sources_are_their_own_kind() {
    check(&[
        (
            "وفق مصادر خاصة لمنصة SY24",
            &[(Source, "SY24", "منصة SY24")],
        ),
        (
            "بحسب المرصد السوري لحقوق الإنسان",
            &[(
                Source,
                "Syrian Observatory for Human Rights",
                "المرصد السوري لحقوق الإنسان",
            )],
        ),
    ]);
}

#[test]
fn location_mentions_carry_hierarchy_and_coordinates() {
    let extractor = Extractor::default();
    let doc = extractor.extract("في بلدة السخنة الواقعة في ريف تدمر");
    let sukhnah = doc.locations().next().expect("Sukhnah");
    assert_eq!(&*sukhnah.name, "Al-Sukhnah");
    let gov = extractor
        .gazetteer()
        .admin1(&sukhnah.id)
        .expect("governorate");
    assert_eq!(&*gov.name_en, "Homs");
    assert_eq!(sukhnah.admin1.as_deref(), Some(&*gov.id));
    let c = sukhnah.coordinates.expect("coordinates");
    assert!(
        (34.0..35.5).contains(&c.lat) && (38.0..39.5).contains(&c.lon),
        "{c:?}"
    );
}

#[test]
fn json_shape_matches_the_output_contract() {
    let doc = Extractor::default().extract("قصفت قوات النظام بلدة السخنة");
    let json: serde_json::Value = serde_json::to_value(&doc).unwrap();
    let first = &json["entities"][0];
    for key in ["kind", "id", "name", "start", "end", "text"] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    assert_eq!(first["kind"], "actor");
    assert_eq!(first["text"], "قوات النظام");
    // Round trip.
    let back: syria_extract::Document = serde_json::from_value(json).unwrap();
    assert_eq!(back, doc);
}
