//! The anchor of the speed targets: the bare `aho_corasick` crate as a whole process,
//! the least a program that finds gazetteer names in a file can do. It reads the
//! patterns and the input files, checks the input is UTF-8, builds a leftmost-longest
//! automaton (the crate's default choice of automaton) and counts the matches, then
//! prints the count for each file. `tools/speed_anchor.py` runs it in turn with the
//! `extract` tools over the same input and reports the ratios.
//!
//! ```text
//! cargo run --release --example bare_anchor -- --dump-patterns 10000 > /tmp/patterns.txt
//! cargo run --release --example bare_anchor -- /tmp/patterns.txt corpus.txt
//! ```
//!
//! `--dump-patterns N` prints the first N distinct Arabic names of the built-in
//! gazetteer (Arabic names and aliases of locations, actors and sources, in that
//! order, as written there, then the extractor's normalized patterns): the patterns
//! the anchor searches for. Only this mode
//! touches the library, so the timed mode pays for nothing but the automaton.

use std::collections::HashSet;
use std::io::{self, Write};
use std::process::ExitCode;

use aho_corasick::{AhoCorasick, MatchKind};

/// The first `n` distinct Arabic names of the built-in gazetteer: its names as
/// written, then (when there are fewer than `n`) the normalized spellings the default
/// extractor searches for, which add the forms with the article and the folded letters.
fn gazetteer_names(n: usize) -> Vec<String> {
    let g = syria_extract::gazetteer::Gazetteer::builtin();
    let extractor = syria_extract::Extractor::default();
    let spellings: Vec<String> = extractor.patterns().map(str::to_string).collect();
    let locations = g
        .locations()
        .iter()
        .flat_map(|l| std::iter::once(&l.name_ar).chain(&l.aliases));
    let actors = g
        .actors()
        .iter()
        .flat_map(|a| std::iter::once(&a.name_ar).chain(&a.aliases));
    let sources = g
        .sources()
        .iter()
        .flat_map(|s| std::iter::once(&s.name_ar).chain(&s.aliases));
    let mut seen = HashSet::new();
    locations
        .chain(actors)
        .chain(sources)
        .chain(&spellings)
        .filter(|name| name.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)))
        .filter(|name| seen.insert(name.as_str()))
        .take(n)
        .cloned()
        .collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--dump-patterns") {
        let n = match args.get(1).map(|s| s.parse::<usize>()) {
            Some(Ok(n)) => n,
            _ => {
                eprintln!("bare_anchor: --dump-patterns needs a count");
                return ExitCode::from(2);
            }
        };
        let names = gazetteer_names(n);
        if names.len() < n {
            eprintln!(
                "bare_anchor: the gazetteer has only {} distinct Arabic names",
                names.len()
            );
        }
        let mut out = io::BufWriter::new(io::stdout().lock());
        for name in names {
            if writeln!(out, "{name}").is_err() {
                return ExitCode::FAILURE;
            }
        }
        return if out.flush().is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    let [patterns, files @ ..] = args.as_slice() else {
        eprintln!("usage: bare_anchor PATTERNS FILE... | bare_anchor --dump-patterns N");
        return ExitCode::from(2);
    };
    let patterns = match std::fs::read_to_string(patterns) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("bare_anchor: {patterns}: {e}");
            return ExitCode::from(2);
        }
    };
    let automaton = match AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns.lines().filter(|l| !l.is_empty()))
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bare_anchor: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for path in files {
        let text = match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(e)) => {
                eprintln!("bare_anchor: {path}: not UTF-8: {e}");
                failed = true;
                continue;
            }
            Err(e) => {
                eprintln!("bare_anchor: {path}: {e}");
                failed = true;
                continue;
            }
        };
        println!("{path}\t{}", automaton.find_iter(&text).count());
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
