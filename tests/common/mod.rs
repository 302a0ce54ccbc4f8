//! Shared by the hardening tests: an extractor over the test gazetteer and span checks.
//!
//! The test gazetteer (tests/fixtures/hardening, ids prefixed `t-`) plus the built-in
//! cue words gives these tests real names whatever the state of the built-in data; the
//! built-in extractor is checked alongside it where a test only needs invariants.
#![allow(dead_code)]

use std::sync::OnceLock;

use syria_extract::{Document, Extractor};

/// Builds a fresh extractor over the built-in cue words plus the test gazetteer.
pub fn build_fixture() -> Extractor {
    let mut b = Extractor::builder().builtin(false);
    for (name, text) in syria_extract::gazetteer::BUILTIN_FILES {
        if name.ends_with("cues.tsv") {
            b = b.add_str(*name, *text);
        }
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hardening");
    b.add_file(format!("{dir}/locations.tsv"))
        .add_file(format!("{dir}/actors.tsv"))
        .add_file(format!("{dir}/sources.tsv"))
        .build()
        .unwrap_or_else(|e| panic!("test gazetteer: {e}"))
}

/// Built-in cue words plus the test gazetteer, built once.
pub fn fixture() -> &'static Extractor {
    static CELL: OnceLock<Extractor> = OnceLock::new();
    CELL.get_or_init(build_fixture)
}

/// The fixture extractor and the built-in one.
pub fn extractors() -> [Extractor; 2] {
    [fixture().clone(), Extractor::default()]
}

/// Every Arabic name and alias of the test gazetteer and the built-in one.
pub fn known_names() -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for ex in extractors() {
        let g = ex.gazetteer();
        names.extend(g.locations().iter().map(|l| l.name_ar.clone()));
        names.extend(g.actors().iter().map(|a| a.name_ar.clone()));
        names.extend(g.sources().iter().map(|s| s.name_ar.clone()));
        for l in g.locations() {
            names.extend(l.aliases.iter().cloned());
        }
        for a in g.actors() {
            names.extend(a.aliases.iter().cloned());
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Panics unless every span of `doc` is a char-boundary slice of `text` equal to the
/// reported text, and entities are in order without overlap.
pub fn check_spans(text: &str, doc: &Document) {
    let slice = |start: usize, end: usize, what: &str| -> &str {
        assert!(start <= end, "{what}: {start}..{end} reversed");
        text.get(start..end)
            .unwrap_or_else(|| panic!("{what}: {start}..{end} is not a slice of the text"))
    };
    let mut last_end = 0;
    for e in &doc.entities {
        assert!(e.start < e.end, "empty span {e:?}");
        assert_eq!(slice(e.start, e.end, "entity"), e.text, "{e:?}");
        assert!(e.start >= last_end, "overlap or disorder at {e:?}");
        last_end = e.end;
        if let Some(c) = &e.cue {
            assert_eq!(slice(c.start, c.end, "cue"), c.text);
        }
        if let Some(d) = &e.direction {
            assert_eq!(slice(d.start, d.end, "direction"), d.text);
        }
    }
    let mut last_end = 0;
    for t in &doc.times {
        assert!(t.start < t.end, "empty time {t:?}");
        assert_eq!(slice(t.start, t.end, "time"), t.text, "{t:?}");
        assert!(t.start >= last_end, "time overlap or disorder at {t:?}");
        last_end = t.end;
    }
    for (i, ev) in doc.events.iter().enumerate() {
        assert!(ev.trigger.start < ev.trigger.end, "empty trigger {ev:?}");
        assert_eq!(
            slice(ev.trigger.start, ev.trigger.end, "trigger"),
            ev.trigger.text
        );
        let sentence = slice(ev.sentence.start, ev.sentence.end, "sentence");
        assert!(
            ev.sentence.start <= ev.trigger.start && ev.trigger.end <= ev.sentence.end,
            "trigger outside its sentence: {ev:?} in {sentence:?}"
        );
        for a in &ev.actors {
            assert!(
                doc.entities
                    .iter()
                    .any(|e| e.start == a.start && e.end == a.end && e.id == a.id),
                "event actor is not an entity: {a:?}"
            );
        }
        for l in &ev.locations {
            assert!(
                doc.entities
                    .iter()
                    .any(|e| e.start == l.start && e.end == l.end && e.id == l.id),
                "event location is not an entity: {l:?}"
            );
        }
        if let Some(t) = &ev.time {
            assert!(
                doc.times.contains(t),
                "event time is not a document time: {t:?}"
            );
        }
        if let Some(c) = &ev.fatality_count {
            assert_eq!(slice(c.start, c.end, "count"), c.text);
            assert_eq!(ev.fatalities, Some(c.value));
        }
        if let Some(p) = ev.part_of {
            assert!(
                p < doc.events.len() && p != i,
                "part_of out of range: {ev:?}"
            );
        }
    }
}

/// (id, original text) of each entity the fixture extractor finds, after checking spans.
pub fn found(text: &str) -> Vec<(String, String)> {
    let doc = fixture().extract(text);
    check_spans(text, &doc);
    doc.entities
        .into_iter()
        .map(|e| (e.id.to_string(), e.text))
        .collect()
}

/// Owned (id, text) rows from borrowed ones, for comparisons.
pub fn rows(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(i, t)| (i.to_string(), t.to_string()))
        .collect()
}
