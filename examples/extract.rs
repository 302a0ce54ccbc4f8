//! Prints one JSON object per input file, one per line:
//! `{"file": ..., "entities": [...], "events": [...]}` with byte offsets into the file.
//!
//! ```text
//! cargo run --release --example extract -- article1.txt article2.txt > out.jsonl
//! cat article.txt | cargo run --release --example extract
//! ```
//!
//! An input that cannot be used is reported on stderr by name and gets no output line:
//! a missing or unreadable file, a directory, a file that is not UTF-8, and an empty
//! file (for the library an empty text is simply an empty document, but an empty input
//! file is almost always a mistake upstream, so the tool says so). Every other file is
//! still processed and printed, and the exit status is 1 at the end.

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use serde::Serialize;
use syria_extract::time::Date;
use syria_extract::{Document, Extractor};

#[derive(Serialize)]
struct Output<'a> {
    file: &'a str,
    #[serde(flatten)]
    doc: &'a Document,
}

/// Reads one input as text, or says why it cannot be used.
fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read: {e}"))?;
        buf
    } else {
        // Checked first: reading a directory fails with an OS-specific message, or on
        // some systems not at all.
        if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err("is a directory, not a file".to_string());
        }
        std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?
    };
    if bytes.is_empty() {
        return Err("empty file".to_string());
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        format!("not valid UTF-8 (first invalid byte at offset {offset}, line {line})")
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!(
            "usage: extract [--date YYYY-MM-DD] [FILE...]   (no FILE or '-': read standard input)\n\
             --date   the documents' publication date: relative times (أمس, قبل يومين) get dates"
        );
        return ExitCode::SUCCESS;
    }
    let mut date = None;
    let mut args = args;
    if let Some(i) = args.iter().position(|a| a == "--date") {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match Date::parse(&value) {
            Some(d) => date = Some(d),
            None => {
                eprintln!("extract: --date needs a date as YYYY-MM-DD, got {value:?}");
                return ExitCode::from(2);
            }
        }
        args.drain(i..(i + 2).min(args.len()));
    }
    let files = if args.is_empty() {
        vec!["-".to_string()]
    } else {
        args
    };
    let extractor = Extractor::default();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    for path in &files {
        let text = match read_input(path) {
            Ok(t) => t,
            Err(reason) => {
                eprintln!("extract: {path}: {reason}");
                failed += 1;
                continue;
            }
        };
        let doc = extractor.extract_dated(&text, date);
        let line = Output {
            file: path,
            doc: &doc,
        };
        let written = serde_json::to_writer(&mut out, &line)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        if let Err(e) = written {
            eprintln!("extract: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = out.flush() {
        eprintln!("extract: cannot write output: {e}");
        return ExitCode::FAILURE;
    }
    if failed > 0 {
        eprintln!("extract: {failed} of {} inputs failed", files.len());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
