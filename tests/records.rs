//! Records an analyst can load: counts that can be summed (killed and wounded apart,
//! lower bounds flagged, tallies out of the events' fatalities), through the public
//! API and the JSON output. Sentences written for these tests, in the register of
//! Syrian outlets.

use syria_extract::event::{Event, EventKind, TallyKind};
use syria_extract::{Document, Extractor};

fn extract(text: &str) -> Document {
    Extractor::default().extract(text)
}

/// The first event that is no outcome of another (the row an analyst gets).
fn main_event(doc: &Document) -> &Event {
    doc.events
        .iter()
        .find(|e| e.part_of.is_none())
        .unwrap_or_else(|| panic!("no event in {:?}", doc.events))
}

#[test]
fn counts_reach_the_event_an_analyst_sees() {
    // (text, fatalities, at least, wounded, killed and wounded together)
    type Row<'a> = (&'a str, Option<u32>, bool, Option<u32>, Option<u32>);
    let rows: &[Row] = &[
        (
            "قصفت قوات النظام بلدة كفرنبل بريف إدلب الجنوبي ما أدى إلى مقتل مدنيين اثنين.",
            Some(2),
            false,
            None,
            None,
        ),
        (
            "قصف الطيران الحربي مدينة أريحا ما أسفر عن سقوط قتيلين و5 جرحى من المدنيين.",
            Some(2),
            false,
            Some(5),
            None,
        ),
        (
            "قصفت الطائرات الحربية سوقا شعبيا في مدينة إدلب، ما أدى إلى مقتل 1,500 شخص.",
            Some(1500),
            false,
            None,
            None,
        ),
        (
            "قتل وجرح 24 شخصا جراء انفجار سيارة مفخخة في مدينة أعزاز.",
            None,
            false,
            None,
            Some(24),
        ),
        (
            "لقي عدد من عناصر قوات النظام مصرعهم بهجوم لتنظيم داعش في بادية السخنة.",
            Some(2),
            true,
            None,
            None,
        ),
        (
            "أفاد المرصد السوري بأن 4 من مقاتليه قتلوا في اشتباكات مع قوات النظام.",
            Some(4),
            false,
            None,
            None,
        ),
        (
            "قتل أحد عشر عنصرا من قوات النظام وأصيب 7 آخرون في كمين قرب مدينة تدمر.",
            Some(11),
            false,
            Some(7),
            None,
        ),
    ];
    for (text, killed, at_least, wounded, together) in rows {
        let doc = extract(text);
        let e = main_event(&doc);
        assert_eq!(e.fatalities, *killed, "{text}");
        assert_eq!(e.fatalities_at_least, *at_least, "{text}");
        if let Some(c) = &e.fatality_count {
            assert_eq!(c.at_least, e.fatalities_at_least, "{text}");
            assert_eq!(&text[c.start..c.end], c.text, "{text}");
        }
        assert_eq!(e.wounded.as_ref().map(|c| c.value), *wounded, "{text}");
        assert_eq!(e.casualties.as_ref().map(|c| c.value), *together, "{text}");
        assert!(e.tally.is_none(), "{text}");
    }
}

#[test]
fn tallies_are_typed_and_left_out_of_fatalities() {
    // (text, the tally's kind, its count)
    let rows: &[(&str, TallyKind, Option<u32>)] = &[
        (
            "ارتفعت حصيلة القتلى منذ بداية العام إلى 3042 قتيلا في محافظة إدلب.",
            TallyKind::RunningTotal,
            Some(3042),
        ),
        (
            "وثق المرصد السوري لحقوق الإنسان مقتل 1200 مدني خلال شهر تموز في محافظة حلب.",
            TallyKind::Period,
            Some(1200),
        ),
        (
            "وبلغت الحصيلة 40 قتيلا جراء القصف على مدينة دوما.",
            TallyKind::RunningTotal,
            Some(40),
        ),
        (
            "وقال المعارض إن نظام الأسد قتل 400 ألف من أبناء شعبه.",
            TallyKind::Countrywide,
            Some(400_000),
        ),
    ];
    for (text, kind, count) in rows {
        let doc = extract(text);
        let killing = doc
            .events
            .iter()
            .find(|e| e.kind == EventKind::Killing)
            .unwrap_or_else(|| panic!("no killing: {text}"));
        let tally = killing.tally.as_ref().unwrap_or_else(|| panic!("{text}"));
        assert_eq!(tally.kind, *kind, "{text}");
        assert_eq!(tally.count.as_ref().map(|c| c.value), *count, "{text}");
        assert_eq!(
            &text[tally.cue.start..tally.cue.end],
            tally.cue.text,
            "{text}"
        );
        // No event of the statement has fatalities to sum.
        for e in &doc.events {
            assert_eq!(e.fatalities, None, "{text}: {e:?}");
        }
    }
    // A thousand dead in a named town is an event, not a countrywide toll.
    let doc = extract("قتل 1500 شخص في القصف الكيماوي على مدينة دوما.");
    let e = main_event(&doc);
    assert_eq!((e.fatalities, e.tally.is_none()), (Some(1500), true));
}

#[test]
fn a_period_tally_makes_its_cause_a_tally_and_a_running_total_does_not() {
    let doc = extract("أسفرت الغارات التركية خلال أسبوع عن مقتل 260 عنصرا من حزب العمال.");
    assert!(
        doc.events.iter().all(|e| e.tally.is_some()),
        "{:?}",
        doc.events
    );
    let doc = extract(
        "قصفت قوات النظام مدينة دوما، ما أدى إلى ارتفاع حصيلة القتلى منذ بداية الحملة إلى 300.",
    );
    let shelling = doc
        .events
        .iter()
        .find(|e| e.kind == EventKind::Shelling)
        .unwrap();
    assert!(shelling.tally.is_none());
    assert_eq!(shelling.fatalities, None);
}

#[test]
fn the_json_carries_the_flags_next_to_the_numbers() {
    let doc = extract("قصفت قوات النظام بلدة كفرنبل ما أدى إلى مقتل عشرات المدنيين.");
    let json = serde_json::to_value(&doc).unwrap();
    let shelling = &json["events"][0];
    assert_eq!(shelling["fatalities"], 20);
    assert_eq!(shelling["fatalities_at_least"], true);
    assert_eq!(shelling["fatality_count"]["at_least"], true);
    // Absent when false or empty: the section-6 fields stay as they were.
    let doc = extract("قصفت قوات النظام بلدة كفرنبل ما أدى إلى مقتل 4 مدنيين.");
    let json = serde_json::to_value(&doc).unwrap();
    let shelling = json["events"][0].as_object().unwrap();
    assert_eq!(shelling["fatalities"], 4);
    for key in ["fatalities_at_least", "wounded", "casualties", "tally"] {
        assert!(!shelling.contains_key(key), "{key}");
    }
}

#[test]
fn every_location_carries_its_kind_pcode_coordinates_and_admin_names() {
    let text = "قصفت قوات النظام بلدة السخنة بريف حمص الشرقي.";
    let doc = extract(text);
    let sukhnah = doc.locations().find(|e| &*e.id == "sukhnah").unwrap();
    let admin = sukhnah.admin.as_ref().expect("admin levels");
    let level = |u: &Option<syria_extract::gazetteer::AdminUnit>| {
        u.as_ref()
            .map(|u| (u.name.to_string(), u.pcode.as_deref().map(str::to_string)))
    };
    assert_eq!(
        level(&admin.admin1),
        Some(("Homs".into(), Some("SY04".into())))
    );
    assert_eq!(
        level(&admin.admin2),
        Some(("Tadmur".into(), Some("SY0405".into())))
    );
    let admin3 = admin.admin3.as_ref().expect("a subdistrict");
    assert!(admin3.pcode.as_deref().unwrap().starts_with("SY0405"));
    assert!(sukhnah.coordinates.is_some());
    let homs = doc.locations().find(|e| &*e.id == "sy04").unwrap();
    assert_eq!(homs.pcode.as_deref(), Some("SY04"));
    assert_eq!(homs.admin1.as_deref(), Some("sy04"));

    // The same on the event's locations and on its place, in the JSON output.
    let json = serde_json::to_value(&doc).unwrap();
    let event = &json["events"][0];
    for l in event["locations"].as_array().unwrap() {
        assert!(l["type"].is_string(), "{l}");
        assert!(l["coordinates"]["lat"].is_number(), "{l}");
        assert_eq!(l["admin"]["admin1"]["name"], "Homs", "{l}");
    }
    let place = &event["place"];
    assert_eq!(place["id"], "sukhnah");
    assert_eq!(place["type"], "town");
    assert_eq!(place["geo_precision"], 1);
    assert_eq!(place["mention"]["text"], "السخنة");
    assert_eq!(place["admin"]["admin2"]["name"], "Tadmur");
    let mention = &doc.events[0].place.as_ref().unwrap().mention;
    assert_eq!(&text[mention.start..mention.end], mention.text);
}

#[test]
fn a_direction_before_a_cue_word_belongs_to_the_place() {
    let doc = extract("قصفت الطائرات الحربية مواقع جنوب مدينة الميادين.");
    let mayadin = doc.locations().next().unwrap();
    let direction = mayadin.direction.as_ref().expect("a direction");
    assert_eq!(direction.text, "جنوب");
    let place = doc.events[0].place.as_ref().unwrap();
    assert_eq!((place.geo_precision, place.near), (2, true));
}
