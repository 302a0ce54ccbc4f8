//! End to end on the fixture articles written in the proportions of real news (a few
//! names a paragraph, most sentences without an event): what each yields, and that
//! every span is exact.

mod common;

use common::check_spans;
use syria_extract::event::{EventKind, Role};
use syria_extract::{Document, Extractor};

const CAMPS: &str = include_str!("fixtures/camps.txt");
const ECONOMY: &str = include_str!("fixtures/economy.txt");
const RAIDS: &str = include_str!("fixtures/raids.txt");

/// With the built-in gazetteers.
fn extract(text: &str) -> Document {
    let doc = Extractor::default().extract(text);
    check_spans(text, &doc);
    doc
}

/// Asserts every id in `want` is among the entities of `doc`.
fn assert_found(doc: &Document, want: &[&str]) {
    let ids: Vec<&str> = doc.entities.iter().map(|e| &*e.id).collect();
    for id in want {
        assert!(ids.contains(id), "{id} in {ids:?}");
    }
}

#[test]
fn camps_report() {
    let doc = extract(CAMPS);
    assert_found(
        &doc,
        &[
            "sy07",
            "src-sy24",
            "un",
            "bab-al-hawa",
            "turkey",
            "sarmada",
            "src-white-helmets",
        ],
    );
    // One event: the Russian strike, the rest of the article is about conditions.
    assert_eq!(doc.events.len(), 1, "{:?}", doc.events);
    let strike = &doc.events[0];
    assert_eq!(strike.kind, EventKind::AirStrike);
    assert_eq!(strike.actors[0].id.as_ref(), "russian-forces");
    assert_eq!(
        strike.time.as_ref().map(|t| t.text.as_str()),
        Some("قبل أيام")
    );
}

#[test]
fn economy_report() {
    let doc = extract(ECONOMY);
    assert_found(
        &doc,
        &[
            "assad-government",
            "damascus-city",
            "aleppo-city",
            "homs-city",
            "sy13",
        ],
    );
    let protest = doc
        .events
        .iter()
        .find(|e| e.kind == EventKind::Protest)
        .expect("the Suwayda protest");
    assert_eq!(protest.locations[0].id.as_ref(), "sy13");
    assert!(doc.events.iter().all(|e| !e.kind.is_violent()));
}

#[test]
fn raids_report() {
    let doc = extract(RAIDS);
    assert_found(
        &doc,
        &[
            "sdf",
            "us-led-coalition",
            "sy09",
            "isis",
            "shuhayl",
            "busayrah",
            "euphrates",
        ],
    );
    let kinds: Vec<EventKind> = doc.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Arrest,
            EventKind::Arrest,
            EventKind::Attack,
            EventKind::Killing,
            EventKind::Shelling
        ]
    );
    let raid = &doc.events[0];
    assert_eq!(raid.actors[0].id.as_ref(), "sdf");
    assert_eq!(raid.actors[0].role, Some(Role::Initiator));
    // "هجوم استهدف حاجزاً لقسد ... ما أدى إلى مقتل عنصرين": two dead, on the attack.
    assert_eq!(doc.events[2].fatalities, Some(2));
    assert_eq!(doc.events[3].part_of, Some(2));
    let shelling = &doc.events[4];
    assert_eq!(shelling.actors[0].id.as_ref(), "sy-regime-forces");
}
