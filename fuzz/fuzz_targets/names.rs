//! User gazetteers of hostile names: letters repeated hundreds of times, syllables
//! that overlap, punctuation, marks, byte-order marks, homonyms with and without the
//! `ambiguous` flag. Loading returns a gazetteer or an error naming the file and a
//! line of it; whatever loads has no unmarked shared spelling, builds an automaton
//! in proportion to its names, and finds each name with an exact span.
#![no_main]

use libfuzzer_sys::fuzz_target;
use syria_extract::gazetteer::MAX_NAME_CHARS;
use syria_extract::{ErrorKind, Extractor};

const HEADER: &str =
    "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance";

/// Pieces a name is made of; each input byte picks one (low bits) and how often it
/// repeats (high bits).
const PIECES: &[&str] = &[
    "ب", "ا", "ل", "ال", "با", "ببا", "حمص", "دير", " ", "-", ".", "«", "»", "\u{064E}",
    "\u{0640}", "\u{FEFF}", "\u{200F}", "ﻻ", "x", "1", "٢", "|", "\t", "\r",
];

fuzz_target!(|data: &[u8]| {
    let mut rows = Vec::new();
    let mut name = String::new();
    let mut lines = 1;
    for (i, &b) in data.iter().enumerate() {
        if b == 0xFF || i + 1 == data.len() {
            if !name.is_empty() {
                let flags = match b % 3 {
                    0 => "ambiguous",
                    1 => "article",
                    _ => "",
                };
                rows.push(format!(
                    "r{i}\tvillage\tR\t{name}\t\t\t\t\t\t\t\t{flags}\tfuzz"
                ));
                lines += 1;
                name.clear();
            }
            continue;
        }
        let piece = PIECES[usize::from(b & 0x1F) % PIECES.len()];
        let times = 1 + usize::from(b >> 5) * usize::from(b >> 5) * 4;
        for _ in 0..times {
            name.push_str(piece);
        }
    }
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    match Extractor::builder()
        // The built-in data too, now and then (it takes a third of a second to load).
        .builtin(data.starts_with(&[0, 0]))
        .add_str("mine.tsv", text.clone())
        .build()
    {
        Ok(ex) => {
            let gaz = ex.gazetteer();
            assert!(gaz.unmarked_collisions().is_empty());
            let names: usize = gaz.locations().iter().map(|l| l.name_ar.len()).sum();
            assert!(
                ex.automaton_memory() < (64 << 20) + 200 * names,
                "{} bytes for {names} bytes of names",
                ex.automaton_memory()
            );
            let sample = gaz
                .locations()
                .iter()
                .map(|l| l.name_ar.as_str())
                .collect::<Vec<_>>()
                .join("، ");
            for e in ex.extract(&sample).entities {
                assert_eq!(&sample[e.start..e.end], e.text);
            }
        }
        Err(e) => {
            assert_eq!(e.file(), "mine.tsv", "{e}");
            let line = e.line().expect("a row's error has its line");
            assert!((1..=lines).contains(&line), "{e}: {lines} lines");
            if let ErrorKind::NameTooLong { chars, max, .. } = e.kind() {
                assert!(*chars > *max && *max == MAX_NAME_CHARS);
            }
        }
    }
});
