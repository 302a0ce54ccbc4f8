//! A long text extracted block by block (`Extractor::extract_blocks`): the blocks
//! cover the text, each is its own text's extraction moved to where it lies, and their
//! offsets point at what they name.

use serde_json::Value;
use syria_extract::time::Date;
use syria_extract::{Article, Extractor};

/// Our fixture articles one after another, paragraphs apart: about 9 KB.
fn articles() -> String {
    ["news.txt", "raids.txt", "camps.txt", "economy.txt"]
        .iter()
        .map(|f| {
            let path = format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Adds `by` to every "start" and "end" and `events` to every "part_of" and
/// "refers_to", wherever they are in the JSON: a move written without the library's
/// types, so that a field the library forgets to move shows.
fn moved(value: &mut Value, by: u64, events: u64) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                let add = match key.as_str() {
                    "start" | "end" => by,
                    "part_of" | "refers_to" => events,
                    _ => {
                        moved(v, by, events);
                        continue;
                    }
                };
                let n = v.as_u64().unwrap_or_else(|| panic!("{key} is {v}"));
                *v = Value::from(n + add);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| moved(v, by, events)),
        _ => {}
    }
}

/// Every object with "start", "end" and "text" names that slice of `text`; every span
/// is inside `text` at character boundaries. Returns how many spans were checked.
fn spans_point_into(value: &Value, text: &str) -> usize {
    let mut checked = 0;
    match value {
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start"), map.get("end")) {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                let slice = text
                    .get(s..e)
                    .unwrap_or_else(|| panic!("{s}..{e} out of the text"));
                if let Some(Value::String(t)) = map.get("text") {
                    assert_eq!(slice, t, "{s}..{e}");
                }
                checked += 1;
            }
            checked += map
                .values()
                .map(|v| spans_point_into(v, text))
                .sum::<usize>();
        }
        Value::Array(items) => {
            checked += items
                .iter()
                .map(|v| spans_point_into(v, text))
                .sum::<usize>()
        }
        _ => {}
    }
    checked
}

#[test]
fn each_block_is_its_own_extraction_moved_into_place() {
    let extractor = Extractor::default();
    let text = articles();
    let date = Date::parse("2024-03-10").unwrap();
    for max in [300, 1200, 4000] {
        let (mut covered, mut events_before, mut blocks) = (0, 0, 0);
        for block in extractor.extract_blocks(Article::new(&text).published(date), max) {
            assert_eq!(block.start, covered, "blocks follow one another");
            assert!(block.end > block.start && block.end - block.start <= max);
            covered = block.end;
            blocks += 1;
            let alone =
                extractor.extract(Article::new(&text[block.start..block.end]).published(date));
            let mut expected = serde_json::to_value(&alone).unwrap();
            moved(&mut expected, block.start as u64, events_before as u64);
            assert_eq!(
                serde_json::to_value(&block.document).unwrap(),
                expected,
                "block {}..{}",
                block.start,
                block.end
            );
            events_before += alone.events.len();
        }
        assert_eq!(covered, text.len(), "at {max}");
        assert!(blocks > text.len() / max, "{blocks} blocks at {max}");
    }
}

#[test]
fn offsets_of_every_block_point_into_the_whole_text() {
    let extractor = Extractor::default();
    let text = articles();
    let (mut spans, mut events, mut with_index) = (0, 0, 0);
    let mut all_events = Vec::new();
    for block in extractor.extract_blocks(&text, 700) {
        spans += spans_point_into(&serde_json::to_value(&block.document).unwrap(), &text);
        for e in &block.document.entities {
            assert!(
                e.start >= block.start && e.end <= block.end,
                "{} outside its block",
                e.text
            );
        }
        all_events.extend(block.document.events);
    }
    // `part_of` and `refers_to` index the events of all blocks, put one after another,
    // and point at an event of the same sentence or before.
    for (i, e) in all_events.iter().enumerate() {
        events += 1;
        for j in [e.part_of, e.refers_to].into_iter().flatten() {
            with_index += 1;
            let other = &all_events[j];
            assert!(other.sentence.start <= e.sentence.start, "event {i} -> {j}");
            assert_ne!(i, j);
        }
    }
    assert!(spans > 100 && events > 10, "{spans} spans, {events} events");
    assert!(
        with_index > 0,
        "the fixtures have outcome or reference events"
    );
}

#[test]
fn a_text_that_fits_is_one_block_equal_to_extract() {
    let extractor = Extractor::default();
    let text = articles();
    let blocks: Vec<_> = extractor.extract_blocks(&text, text.len()).collect();
    assert_eq!(blocks.len(), 1);
    assert_eq!((blocks[0].start, blocks[0].end), (0, text.len()));
    assert_eq!(blocks[0].document, extractor.extract(&text));
    assert_eq!(extractor.extract_blocks("", 10).count(), 0);
}

#[test]
fn blocks_hold_whole_paragraphs_where_the_text_has_them() {
    let extractor = Extractor::default();
    // The fixtures write a paragraph per line; the articles are a blank line apart.
    let text = articles();
    let mut cuts = 0;
    for block in extractor.extract_blocks(&text, 2000) {
        if block.end < text.len() {
            assert!(text[..block.end].ends_with('\n'), "cut at {}", block.end);
            cuts += 1;
        }
    }
    assert!(cuts >= 4, "{cuts}");
    // With room for a whole article, the cut is between articles.
    let first = extractor.extract_blocks(&text, 4000).next().unwrap();
    assert!(text[..first.end].ends_with("\n\n"), "cut at {}", first.end);
}

#[test]
fn tiny_blocks_and_text_without_breaks_do_not_fail() {
    let extractor = Extractor::default();
    // No break at all, and blocks smaller than a character: every block is still a
    // whole character and the offsets stay at character boundaries.
    let text = "قصفتقواتالنظامبلدةالسخنة".repeat(20);
    for max in [0, 1, 3, 17] {
        let mut end = 0;
        for block in extractor.extract_blocks(&text, max) {
            assert_eq!(block.start, end);
            assert!(text.is_char_boundary(block.end) && block.end > block.start);
            end = block.end;
        }
        assert_eq!(end, text.len());
    }
}

/// The ACLED facts of the fixture articles as one document published on `date`.
fn fixtures_info(date: Date) -> syria_extract::acled::DocumentInfo<'static> {
    syria_extract::acled::DocumentInfo {
        id: "fixtures",
        date: Some(date),
        source: None,
        timestamp: Some(0),
    }
}

#[test]
fn acled_rows_from_the_gathered_row_events_equal_those_of_all_blocks() {
    use syria_extract::acled::{self, RowEvents};
    let extractor = Extractor::default();
    let text = articles();
    let date = Date::parse("2024-03-10").unwrap();
    let info = fixtures_info(date);
    for max in [500, 2500] {
        let mut whole = syria_extract::Document::default();
        let mut gathered = RowEvents::default();
        for block in extractor.extract_blocks(Article::new(&text).published(date), max) {
            whole
                .entities
                .extend(block.document.entities.iter().cloned());
            whole.events.extend(block.document.events.iter().cloned());
            gathered.add(block.document);
        }
        let want = acled::rows(extractor.gazetteer(), &text, &whole, &info);
        let got = acled::rows(extractor.gazetteer(), &text, gathered.document(), &info);
        assert!(want.len() >= 5, "{} rows at {max}", want.len());
        assert_eq!(got, want, "at {max}");
        // Only what rows read is kept.
        let kept = gathered.document();
        assert!(kept.events.len() < whole.events.len());
        assert!(kept
            .entities
            .iter()
            .all(|e| e.kind == syria_extract::EntityKind::Source));
        assert!(
            whole
                .events
                .iter()
                .filter(|e| e.part_of.is_some() && e.is_reported())
                .count()
                > 0
        );
    }
}

/// Rows built block by block as the blocks come equal the rows of all blocks taken as
/// one document: with the first source mention early, late (after blocks that wait
/// for it) or nowhere, at block sizes that cut between and inside paragraphs.
#[test]
fn acled_rows_built_block_by_block_equal_those_of_all_blocks() {
    use syria_extract::acled::{self, RowBuilder};
    let extractor = Extractor::default();
    let fixtures = articles();
    // The fixtures without their source mentions, and with one only at the end.
    let mut no_source = fixtures.clone();
    let found = extractor.extract(&fixtures);
    for source in found.sources().collect::<Vec<_>>().into_iter().rev() {
        no_source.replace_range(source.span(), "الأهالي");
    }
    let late = format!("{no_source}\n\nوأكد المرصد السوري لحقوق الإنسان مقتل ثلاثة مدنيين.");
    let date = Date::parse("2024-03-10").unwrap();
    let info = fixtures_info(date);
    for (name, text) in [
        ("fixtures", &fixtures),
        ("no source", &no_source),
        ("late", &late),
    ] {
        for max in [300, 500, 2500] {
            let mut whole = syria_extract::Document::default();
            let mut built = RowBuilder::new(extractor.gazetteer(), text, info);
            let mut sources_in = Vec::new();
            for block in extractor.extract_blocks(Article::new(text).published(date), max) {
                sources_in.push(block.document.sources().count());
                whole
                    .entities
                    .extend(block.document.entities.iter().cloned());
                whole.events.extend(block.document.events.iter().cloned());
                built.add(block.document);
            }
            let want = acled::rows(extractor.gazetteer(), text, &whole, &info);
            assert!(want.len() >= 5, "{name}: {} rows at {max}", want.len());
            assert_eq!(built.finish(), want, "{name} at {max}");
            let first = sources_in.iter().position(|&n| n > 0);
            match name {
                "no source" => assert_eq!(first, None, "{sources_in:?}"),
                "late" => assert_eq!(first, Some(sources_in.len() - 1), "{sources_in:?}"),
                _ => assert!(first.is_some()),
            }
        }
    }
}

/// A cursor carried from one call to the next gives the iterator's blocks, and one
/// saved part-way resumes where it stood: what an iterator in Python does.
#[test]
fn a_cursor_resumes_block_extraction_where_it_stood() {
    let text = articles();
    let extractor = Extractor::default();
    let date = Date::new(2024, 5, 2).ok();
    let article = Article::new(&text).published(date);
    let blocks: Vec<_> = extractor.extract_blocks(article, 2_000).collect();
    assert!(blocks.len() >= 4, "{} blocks", blocks.len());
    let mut cursor = syria_extract::BlockCursor::default();
    let mut stepped = Vec::new();
    while let Some(block) = extractor.extract_block(article, 2_000, &mut cursor) {
        assert_eq!(cursor.next, block.end);
        stepped.push(block);
    }
    assert_eq!(stepped, blocks);
    assert_eq!(
        cursor.events_before,
        blocks
            .iter()
            .map(|b| b.document.events.len())
            .sum::<usize>()
    );
    // Saved after two blocks, the cursor goes on with the third.
    let mut iter = extractor.extract_blocks(article, 2_000);
    iter.by_ref().take(2).for_each(drop);
    let mut saved = iter.cursor();
    let third = extractor.extract_block(article, 2_000, &mut saved);
    assert_eq!(third.as_ref(), blocks.get(2));
    // A cursor past the end or inside a character has no block, and no panic.
    for next in [
        text.len(),
        text.len() + 10,
        text.find('ق').map_or(1, |i| i + 1),
    ] {
        let mut odd = syria_extract::BlockCursor {
            next,
            events_before: 0,
        };
        assert!(
            extractor.extract_block(article, 2_000, &mut odd).is_none(),
            "{next}"
        );
    }
}
