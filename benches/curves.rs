//! The curves of issue 17: how speed changes with the document's size, the
//! gazetteer's size and the number of cores.
//!
//! ```text
//! cargo bench --bench curves                      # all three
//! cargo bench --bench curves -- doc_size          # one curve
//! cargo bench --bench curves -- --quick           # fewer samples, minutes not tens of them
//! ```
//!
//! - `doc_size/N`: one document of N bytes (B_news bodies one after another, else our
//!   fixture articles), whole extraction. Flat MB/s means the cost is linear in size.
//! - `gazetteer_build/N` and `gazetteer_size/{match,entities}/N`: N extra user place
//!   names (made up, deterministic, in the shape of village names) added to the
//!   built-in gazetteer: the build (parse and compile), the match stage and entity
//!   extraction over the corpus, one document at a time. The automaton's size is
//!   printed on stderr once per N.
//! - `threads/{one_thread,extract_batch}`: the same documents through `extract` in a
//!   loop and through `extract_batch`, which uses every core.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use syria_extract::normalize::normalize;
use syria_extract::{Article, Extractor};

// Shared with benches/extract.rs, which uses all of it.
#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

/// The documents: the B_news articles when present, else our fixture articles to 1 MB.
fn documents() -> Vec<String> {
    corpus::b_news_documents().unwrap_or_else(|| corpus::fixture_documents(1 << 20))
}

/// The documents joined into one text of about `size` bytes (repeated as needed).
fn one_document(docs: &[String], size: usize) -> String {
    let mut text = String::with_capacity(size + (1 << 16));
    for doc in docs.iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(doc);
        text.push_str("\n\n");
    }
    text
}

/// A locations file of `n` made-up villages with two-word Arabic names, the same for
/// every run (a fixed linear congruential sequence), each name distinct.
fn user_villages(n: usize) -> String {
    const LETTERS: [char; 28] = [
        'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع',
        'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % bound as u64) as usize
    };
    let mut seen = std::collections::HashSet::new();
    let mut tsv = String::from(
        "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance\n",
    );
    while seen.len() < n {
        let mut name = String::new();
        for word in 0..2 {
            if word > 0 {
                name.push(' ');
            }
            for _ in 0..3 + next(4) {
                name.push(LETTERS[next(LETTERS.len())]);
            }
        }
        if seen.insert(name.clone()) {
            let i = seen.len();
            tsv.push_str(&format!(
                "user-{i}\tvillage\tVillage {i}\t{name}\t\tsy01\t\t\t\t\t\t\tbench\n"
            ));
        }
    }
    tsv
}

fn extractor_with(user_names: usize) -> Extractor {
    let mut builder = Extractor::builder();
    if user_names > 0 {
        builder = builder.add_str("user_villages.tsv", user_villages(user_names));
    }
    builder
        .build()
        .unwrap_or_else(|e| panic!("user gazetteer: {e}"))
}

fn doc_size(c: &mut Criterion) {
    let docs = documents();
    let extractor = Extractor::default();
    let mut group = c.benchmark_group("doc_size");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for size in [4 << 10, 64 << 10, 1 << 20, 8 << 20] {
        let text = one_document(&docs, size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| extractor.extract(black_box(text.as_str())).events.len())
        });
    }
    group.finish();
}

fn gazetteer_size(c: &mut Criterion) {
    let docs = documents();
    let normalized: Vec<String> = docs.iter().map(|d| normalize(d).into_string()).collect();
    let sizes = [0, 1_000, 10_000, 100_000];
    let mut build = c.benchmark_group("gazetteer_build");
    build
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1));
    for n in sizes {
        let files = user_villages(n);
        build.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter(|| {
                let mut builder = Extractor::builder();
                if n > 0 {
                    builder = builder.add_str("user_villages.tsv", files.clone());
                }
                builder.build().map(|e| e.pattern_count()).unwrap_or(0)
            })
        });
    }
    build.finish();
    let mut group = c.benchmark_group("gazetteer_size");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(corpus::total_len(&docs) as u64));
    for n in sizes {
        let extractor = extractor_with(n);
        eprintln!(
            "gazetteer_size: {n} user names: {} patterns, automaton {:.1} MB",
            extractor.pattern_count(),
            extractor.automaton_memory() as f64 / 1e6
        );
        group.bench_function(BenchmarkId::new("match", n), |b| {
            b.iter(|| {
                normalized
                    .iter()
                    .map(|d| extractor.count_hits(black_box(d)))
                    .sum::<usize>()
            })
        });
        group.bench_function(BenchmarkId::new("entities", n), |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| extractor.extract_entities(black_box(d)).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

fn threads(c: &mut Criterion) {
    let docs = documents();
    let articles: Vec<Article> = docs.iter().map(|d| Article::new(d)).collect();
    let extractor = Extractor::default();
    let mut group = c.benchmark_group("threads");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(corpus::total_len(&docs) as u64));
    group.bench_function("one_thread", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| extractor.extract(*a).events.len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract_batch", |b| {
        b.iter(|| {
            extractor
                .extract_batch(black_box(&articles))
                .iter()
                .map(|d| d.events.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(curves, doc_size, gazetteer_size, threads);
criterion_main!(curves);
