//! Throughput of each stage, in bytes of input per second.
//!
//! The corpus is built from the crate's own fixture sentences (tests/fixtures/news.txt),
//! so `cargo bench` works on a fresh clone; when ../shared/data/B_news is present, the
//! real articles there are measured too.
//!
//! Next to our stages, the same run measures the bare `aho_corasick::AhoCorasick`
//! (leftmost-longest) over the extractor's own normalized pattern set on the same
//! normalized text, so reports can state each stage as a ratio of the bare automaton.

use std::hint::black_box;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use syria_extract::normalize::{normalize, Normalized};
use syria_extract::Extractor;

const FIXTURE: &str = include_str!("../tests/fixtures/news.txt");

/// About `size` bytes of news-like text: the fixture sentences repeated as paragraphs.
fn corpus(size: usize) -> String {
    let mut out = String::with_capacity(size + FIXTURE.len());
    while out.len() < size {
        out.push_str(FIXTURE);
        out.push('\n');
    }
    out
}

/// Article bodies from the shared B_news sample, when it is present.
fn real_articles() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/B_news/saudinewsnet_2015_syria_subset.jsonl"
    );
    let raw = std::fs::read_to_string(path).ok()?;
    let mut out = String::new();
    for line in raw.lines() {
        // Cheap field extraction: the "content" value is the last string field.
        if let Some(i) = line.find("\"content\": \"") {
            let rest = &line[i + 12..];
            let body = rest.trim_end_matches('}').trim_end().trim_end_matches('"');
            out.push_str(&body.replace("\\n", "\n"));
            out.push('\n');
        }
    }
    Some(out)
}

fn stages(c: &mut Criterion, label: &str, text: &str) {
    let extractor = Extractor::default();
    let mut group = c.benchmark_group(label);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("normalize", |b| {
        let mut buf = Normalized::default();
        b.iter(|| {
            buf.reset(black_box(text));
            black_box(buf.as_str().len())
        })
    });
    group.bench_function("normalize_alloc", |b| {
        b.iter(|| black_box(normalize(black_box(text)).as_str().len()))
    });
    let normalized = normalize(text).into_string();
    let bare = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(extractor.patterns())
        .unwrap_or_else(|e| panic!("bare automaton: {e}"));
    // Throughput is counted in bytes of the original input for every stage, so the
    // figures compare directly.
    group.bench_function("bare_aho_corasick", |b| {
        b.iter(|| black_box(bare.find_iter(black_box(&normalized)).count()))
    });
    group.bench_function("match", |b| {
        b.iter(|| black_box(extractor.count_hits(black_box(&normalized))))
    });
    group.bench_function("entities", |b| {
        b.iter(|| black_box(extractor.extract_entities(black_box(text)).len()))
    });
    group.bench_function("extract", |b| {
        b.iter(|| black_box(extractor.extract(black_box(text)).events.len()))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let text = corpus(1 << 20);
    stages(c, "fixture_1mb", &text);
    if let Some(real) = real_articles() {
        stages(c, "b_news", &real);
    }
    c.bench_function("build_default_extractor", |b| {
        b.iter(|| {
            let g = syria_extract::gazetteer::Gazetteer::builtin().clone();
            black_box(Extractor::new(g).map(|e| e.pattern_count()).unwrap_or(0))
        })
    });
}

criterion_group!(extract, benches);
criterion_main!(extract);
