//! Times each stage over a corpus with `std::time::Instant` and prints MB/s and the
//! ratio to a bare leftmost-longest Aho-Corasick automaton over the same normalized
//! patterns (every stage once a round, seven rounds; the median and range of the
//! rounds' ratios); also the build time and memory of the default extractor. A quick
//! complement to `cargo bench` (which gives confidence intervals):
//!
//! ```text
//! cargo run --release --example perf_report -- [FILE...]   # default: the B_news sample
//! cargo run --release --example perf_report -- --fixture     # our fixture articles
//! cargo run --release --example perf_report -- --dense       # the dense test article
//! ```

use std::hint::black_box;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use syria_extract::normalize::{normalize, Normalized};
use syria_extract::Extractor;

/// Resident memory of this process in bytes (Linux), for the memory figure.
fn rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[path = "../benches/support/corpus.rs"]
mod corpus;

/// The documents to measure: the files given, else the B_news articles, else the
/// fixture articles in turn to 1 MB.
fn documents(args: &[String]) -> (String, Vec<String>) {
    if !args.is_empty() {
        let docs = args
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        return ("the files given".to_string(), docs);
    }
    match corpus::b_news_documents() {
        Some(docs) => ("B_news articles".to_string(), docs),
        None => (
            "fixture articles in turn".to_string(),
            corpus::fixture_documents(1 << 20),
        ),
    }
}

/// One timing of `f`, in seconds.
fn time(f: impl FnOnce() -> usize) -> f64 {
    let t = Instant::now();
    black_box(f());
    t.elapsed().as_secs_f64()
}

/// Best of `runs` timings, in seconds.
fn best(runs: usize, mut f: impl FnMut() -> usize) -> f64 {
    (0..runs)
        .map(|_| time(&mut f))
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let (label, docs) = if flag("--fixture") {
        (
            "fixture articles in turn".to_string(),
            corpus::fixture_documents(1 << 20),
        )
    } else if flag("--dense") {
        (
            "dense fixture article x N".to_string(),
            corpus::dense_documents(1 << 20),
        )
    } else {
        documents(&args)
    };
    let mb = corpus::total_len(&docs) as f64 / 1e6;
    let before = rss().unwrap_or(0);
    let t = Instant::now();
    let extractor = Extractor::default();
    let build = t.elapsed();
    let after = rss().unwrap_or(0);
    let t = Instant::now();
    let g = syria_extract::gazetteer::Gazetteer::builtin().clone();
    let rebuilt = Extractor::new(g).map(|e| e.pattern_count()).unwrap_or(0);
    let rebuild = t.elapsed();
    println!(
        "default extractor: first build (parse + compile) {:.1} ms, rebuild from parsed gazetteer {:.1} ms, {} patterns ({rebuilt}), automaton {:.1} MB ({}), process RSS growth {:.1} MB",
        build.as_secs_f64() * 1e3,
        rebuild.as_secs_f64() * 1e3,
        extractor.pattern_count(),
        extractor.automaton_memory() as f64 / 1e6,
        extractor.automaton_kind(),
        after.saturating_sub(before) as f64 / 1e6
    );
    let normalized: Vec<String> = docs.iter().map(|d| normalize(d).into_string()).collect();
    let bare = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(extractor.patterns())
        .unwrap_or_else(|e| panic!("bare automaton: {e}"));
    let runs = 7;
    let mut buf = Normalized::default();
    // Every stage once per round, the bare automaton first: a stage's ratio is taken
    // against the bare automaton of its own round, so that a change in the machine's
    // speed between stages (another process, the clock) does not enter it.
    let names = [
        "bare aho-corasick (leftmost-longest)",
        "normalize",
        "match (on normalized text)",
        "entities (normalize + match + resolve)",
        "full extract (entities + times + events)",
    ];
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(runs); names.len()];
    for _ in 0..runs {
        let round = [
            time(|| normalized.iter().map(|d| bare.find_iter(d).count()).sum()),
            time(|| {
                docs.iter()
                    .map(|d| {
                        buf.reset(d);
                        buf.as_str().len()
                    })
                    .sum()
            }),
            time(|| normalized.iter().map(|d| extractor.count_hits(d)).sum()),
            time(|| {
                docs.iter()
                    .map(|d| extractor.extract_entities(d).len())
                    .sum()
            }),
            time(|| docs.iter().map(|d| extractor.extract(d).events.len()).sum()),
        ];
        for (list, t) in times.iter_mut().zip(round) {
            list.push(t);
        }
    }
    println!(
        "corpus: {label}, {} documents, {mb:.1} MB; {runs} rounds, each stage once a round",
        docs.len()
    );
    println!("{:42} {:>8}   ratio to bare: median (range)", "", "MB/s");
    for (name, list) in names.iter().zip(&times) {
        let mut ratios: Vec<f64> = times[0].iter().zip(list).map(|(b, t)| b / t).collect();
        ratios.sort_by(f64::total_cmp);
        let fastest = list.iter().copied().fold(f64::INFINITY, f64::min);
        println!(
            "{name:42} {:8.1}   {:.2}x ({:.2}-{:.2})",
            mb / fastest,
            ratios[ratios.len() / 2],
            ratios[0],
            ratios[ratios.len() - 1]
        );
    }
    per_document(&extractor, runs);
}

/// What one document costs the library beyond its text (issue 17, target 4): an empty
/// document, and one sentence as its own document against the same sentences as
/// lines of one document.
fn per_document(extractor: &Extractor, runs: usize) {
    const N: usize = 100_000;
    let empty = best(runs, || {
        (0..N).map(|_| extractor.extract("").events.len()).sum()
    });
    let sentence = "قصفت قوات النظام بلدة كفرنبل بريف إدلب الجنوبي.";
    let one_each = best(runs, || {
        (0..N)
            .map(|_| extractor.extract(sentence).events.len())
            .sum()
    });
    let lines = vec![sentence; N].join("\n");
    let together = best(runs, || extractor.extract(lines.as_str()).events.len());
    let us = |s: f64| s / N as f64 * 1e6;
    println!(
        "per document: empty {:.2} µs; one sentence as its own document {:.2} µs, as a line of one document {:.2} µs (overhead {:.2} µs)",
        us(empty),
        us(one_each),
        us(together),
        us(one_each - together)
    );
}
