//! Times each stage over a corpus with `std::time::Instant` and prints MB/s and the
//! ratio to a bare leftmost-longest Aho-Corasick automaton over the same normalized
//! patterns; also the build time and memory of the default extractor. A quick
//! complement to `cargo bench` (which gives confidence intervals):
//!
//! ```text
//! cargo run --release --example perf_report -- [FILE...]   # default: the B_news sample
//! ```

use std::hint::black_box;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use syria_extract::normalize::normalize;
use syria_extract::Extractor;

/// Resident memory of this process in bytes (Linux), for the memory figure.
fn rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn corpus(args: &[String]) -> String {
    if !args.is_empty() {
        return args
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect::<Vec<_>>()
            .join("\n");
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/B_news/saudinewsnet_2015_syria_subset.jsonl"
    );
    match std::fs::read_to_string(path) {
        Ok(raw) => raw
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["content"].as_str().map(str::to_string))
            .collect::<Vec<_>>()
            .join("\n"),
        Err(_) => include_str!("../tests/fixtures/news.txt").repeat(400),
    }
}

/// Best of `runs` timings, in seconds.
fn best(runs: usize, mut f: impl FnMut() -> usize) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = corpus(&args);
    let mb = text.len() as f64 / 1e6;
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
        "default extractor: first build (parse + compile) {:.1} ms, rebuild from parsed gazetteer {:.1} ms, {} patterns ({rebuilt}), automaton {:.1} MB, process RSS growth {:.1} MB",
        build.as_secs_f64() * 1e3,
        rebuild.as_secs_f64() * 1e3,
        extractor.pattern_count(),
        extractor.automaton_memory() as f64 / 1e6,
        after.saturating_sub(before) as f64 / 1e6
    );
    let normalized = normalize(&text).into_string();
    let bare = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(extractor.patterns())
        .unwrap_or_else(|e| panic!("bare automaton: {e}"));
    let runs = 5;
    let bare_s = best(runs, || bare.find_iter(&normalized).count());
    let rows = [
        ("bare aho-corasick (leftmost-longest)", bare_s),
        ("normalize", best(runs, || normalize(&text).as_str().len())),
        (
            "match (on normalized text)",
            best(runs, || extractor.count_hits(&normalized)),
        ),
        (
            "entities (normalize + match + resolve)",
            best(runs, || extractor.extract_entities(&text).len()),
        ),
        (
            "full extract (entities + times + events)",
            best(runs, || extractor.extract(&text).events.len()),
        ),
    ];
    println!("corpus: {mb:.1} MB");
    for (name, s) in rows {
        println!("{name:42} {:8.1} MB/s   {:.2}x bare", mb / s, bare_s / s);
    }
}
