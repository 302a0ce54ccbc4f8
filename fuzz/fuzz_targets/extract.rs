//! Extraction on arbitrary UTF-8: nothing panics, and every span the library reports
//! is a char-boundary slice of the input equal to the reported text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use syria_extract::normalize::{normalize, normalize_str};
use syria_extract::{Document, Extractor};

/// Built-in cue words plus the test gazetteer in tests/fixtures/hardening, so the
/// automaton has real names whatever the state of the built-in data.
fn extractors() -> &'static [Extractor; 2] {
    static CELL: OnceLock<[Extractor; 2]> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut b = Extractor::builder().builtin(false);
        for (name, text) in syria_extract::gazetteer::BUILTIN_FILES {
            if name.ends_with("cues.tsv") {
                b = b.add_str(*name, *text);
            }
        }
        let fixture = b
            .add_str(
                "locations.tsv",
                include_str!("../../tests/fixtures/hardening/locations.tsv"),
            )
            .add_str(
                "actors.tsv",
                include_str!("../../tests/fixtures/hardening/actors.tsv"),
            )
            .add_str(
                "sources.tsv",
                include_str!("../../tests/fixtures/hardening/sources.tsv"),
            )
            .build()
            .expect("fixture gazetteer loads");
        [fixture, Extractor::default()]
    })
}

fn check_span(text: &str, start: usize, end: usize, reported: &str, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: {start}..{end} out of range"
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {start}..{end} not on char boundaries"
    );
    assert_eq!(
        &text[start..end],
        reported,
        "{what}: slice differs from reported text"
    );
}

fn check(text: &str, doc: &Document) {
    let mut last_end = 0;
    for e in &doc.entities {
        check_span(text, e.start, e.end, &e.text, "entity");
        assert!(e.start < e.end, "empty entity span {e:?}");
        assert!(
            e.start >= last_end,
            "entities overlap or are out of order: {e:?}"
        );
        last_end = e.end;
        if let Some(c) = &e.cue {
            check_span(text, c.start, c.end, &c.text, "cue");
        }
        if let Some(d) = &e.direction {
            check_span(text, d.start, d.end, &d.text, "direction");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let norm = normalize(text);
    assert_eq!(
        normalize_str(norm.as_str()),
        norm.as_str(),
        "normalization is idempotent"
    );
    let n = norm.as_str();
    let ends: Vec<usize> = n.char_indices().map(|(i, _)| i).chain([n.len()]).collect();
    for w in ends.windows(2) {
        let r = norm.original_range(w[0]..w[1]);
        assert!(r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    for ex in extractors() {
        let doc = ex.extract(text);
        check(text, &doc);
        assert_eq!(doc, ex.extract(text), "extraction is deterministic");
        // A line break and a full stop after the text change nothing found in it.
        let longer = format!("{text}\n.");
        let after = ex.extract(&longer);
        check(&longer, &after);
        let before: Vec<_> = after
            .entities
            .into_iter()
            .filter(|e| e.end <= text.len())
            .collect();
        assert_eq!(
            doc.entities, before,
            "appended text changed earlier entities"
        );
        // Blocks of a third of the text (at least one byte): they follow one another,
        // and every span of each points into the whole text.
        let mut covered = 0;
        for block in ex.extract_blocks(text, (text.len() / 3).max(1)) {
            assert_eq!(block.start, covered, "blocks follow one another");
            assert!(block.end > block.start, "empty block");
            covered = block.end;
            check(text, &block.document);
            for e in &block.document.entities {
                assert!(
                    e.start >= block.start && e.end <= block.end,
                    "entity outside its block"
                );
            }
        }
        assert_eq!(covered, text.len(), "blocks cover the text");
    }
});
