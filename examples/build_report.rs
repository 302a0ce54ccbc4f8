//! What building an extractor costs with a large user gazetteer: N generated villages
//! (two words of Arabic letters, all distinct, none a built-in spelling, as a survey
//! might list them) written to a file, loaded beside the built-in gazetteers; prints
//! the load and build time, the automaton chosen (DFA or NFA), its heap size, the
//! patterns and the process's resident memory after the build.
//!
//! ```text
//! cargo run --release --example build_report -- 200000
//! /usr/bin/time -v target/release/examples/build_report 200000   # and the peak RSS
//! ```

use std::time::Instant;

#[path = "../benches/support/villages.rs"]
mod villages;
use villages::villages;

use syria_extract::Extractor;

const HEADER: &str =
    "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance";

/// Resident memory of this process in bytes (Linux).
fn rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    if count == 0 {
        eprintln!("build_report: give a number of villages of at least 1");
        std::process::exit(2);
    }
    let mut text = String::from(HEADER);
    let names = villages(count);
    for (i, name) in names.iter().enumerate() {
        // `ambiguous`: a generated homonym of a village is allowed to load.
        text.push_str(&format!(
            "\nu{i}\tvillage\tU{i}\t{name}\t\t\t\t\t\t\t\tambiguous\tgenerated"
        ));
    }
    text.push('\n');
    let path = std::env::temp_dir().join(format!("build_report_{}.tsv", std::process::id()));
    std::fs::write(&path, &text).expect("write the gazetteer");
    let name_bytes: usize = names.iter().map(String::len).sum();
    let clock = Instant::now();
    let built = Extractor::builder().add_file(&path).build();
    let took = clock.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&path);
    let extractor = built.unwrap_or_else(|e| {
        eprintln!("build_report: {e}");
        std::process::exit(1)
    });
    let found = extractor
        .extract(format!("قصفت قوات النظام قرية {} صباح اليوم", names[count / 2]).as_str())
        .entities
        .iter()
        .any(|e| *e.id == *format!("u{}", count / 2));
    println!(
        "{count} villages ({:.1} MB file, {:.1} MB of names): load + build {took:.2} s, {} patterns, automaton {} {:.1} MB, RSS {:.1} MB, a sample village found: {found}",
        text.len() as f64 / 1e6,
        name_bytes as f64 / 1e6,
        extractor.pattern_count(),
        extractor.automaton_kind(),
        extractor.automaton_memory() as f64 / 1e6,
        rss().unwrap_or(0) as f64 / 1e6,
    );
}
