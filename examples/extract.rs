//! Prints one JSON object per input file, one per line:
//! `{"file": ..., "entities": [...], "events": [...]}` with byte offsets into the file.
//!
//! ```text
//! cargo run --release --example extract -- article1.txt article2.txt > out.jsonl
//! cat article.txt | cargo run --release --example extract
//! ```
//!
//! A file that cannot be read or is not UTF-8 is reported on stderr by name; the other
//! files are still processed, and the exit status is 1 at the end.

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use serde::Serialize;
use syria_extract::{Document, Extractor};

#[derive(Serialize)]
struct Output<'a> {
    file: &'a str,
    #[serde(flatten)]
    doc: &'a Document,
    /// Events are not extracted yet; the key is part of the output contract.
    events: [(); 0],
}

fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("{path}: cannot read: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path}: not valid UTF-8 (first invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("usage: extract [FILE...]   (no FILE or '-': read standard input)");
        return ExitCode::SUCCESS;
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
            Err(msg) => {
                eprintln!("extract: {msg}");
                failed += 1;
                continue;
            }
        };
        let doc = extractor.extract(&text);
        let line = Output {
            file: path,
            doc: &doc,
            events: [],
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
