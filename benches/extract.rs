//! Throughput of each stage, in bytes of input per second.
//!
//! The documents (see `support/corpus.rs`) are processed one at a time, as users run
//! the extractor over articles: our fixture articles in turn to 1 MB, so `cargo bench`
//! works on a fresh clone; the dense test article alone, as a stress case; and when
//! ../shared/data/B_news is present, the real articles there.
//!
//! Next to our stages, the same run measures the bare `aho_corasick::AhoCorasick`
//! (leftmost-longest) over the extractor's own normalized pattern set on the same
//! normalized documents, so reports can state each stage as a ratio of the bare
//! automaton.

use std::hint::black_box;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use syria_extract::normalize::{normalize, Normalized};
use syria_extract::Extractor;

#[path = "support/corpus.rs"]
mod corpus;

fn stages(c: &mut Criterion, label: &str, docs: &[String]) {
    let extractor = Extractor::default();
    let mut group = c.benchmark_group(label);
    // Throughput is counted in bytes of the original input for every stage, so the
    // figures compare directly.
    group.throughput(Throughput::Bytes(corpus::total_len(docs) as u64));
    group.sample_size(20);
    group.bench_function("normalize", |b| {
        let mut buf = Normalized::default();
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    buf.reset(black_box(d));
                    buf.as_str().len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("normalize_alloc", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| normalize(black_box(d)).as_str().len())
                .sum::<usize>()
        })
    });
    let normalized: Vec<String> = docs.iter().map(|d| normalize(d).into_string()).collect();
    let bare = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(extractor.patterns())
        .unwrap_or_else(|e| panic!("bare automaton: {e}"));
    group.bench_function("bare_aho_corasick", |b| {
        b.iter(|| {
            normalized
                .iter()
                .map(|d| bare.find_iter(black_box(d)).count())
                .sum::<usize>()
        })
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            normalized
                .iter()
                .map(|d| extractor.count_hits(black_box(d)))
                .sum::<usize>()
        })
    });
    group.bench_function("entities", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extractor.extract_entities(black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extractor.extract(black_box(d)).events.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    stages(c, "fixture_1mb", &corpus::fixture_documents(1 << 20));
    stages(c, "dense_fixture_1mb", &corpus::dense_documents(1 << 20));
    if let Some(real) = corpus::b_news_documents() {
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
