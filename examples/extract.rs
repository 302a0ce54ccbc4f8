//! Prints one JSON object per input file, one per line:
//! `{"file": ..., "entities": [...], "events": [...]}` with byte offsets into the file.
//!
//! ```text
//! cargo run --release --example extract -- article1.txt article2.txt > out.jsonl
//! cat article.txt | cargo run --release --example extract
//! cargo run --release --example extract -- --date 2019-05-20 article.txt
//! cargo run --release --example extract -- --jsonl archive.jsonl > out.jsonl
//! ```
//!
//! `--jsonl` reads JSON Lines (`{"id": ..., "text": "..."}` per line) from the files or
//! standard input and prints one object per input line with `"id"` in place of
//! `"file"`. It streams: memory stays constant whatever the archive's size (documents
//! are processed in chunks of 256, on all cores), a bad line is reported on stderr with
//! its line number and skipped, and when stderr is a terminal a progress line shows
//! documents, megabytes and throughput.
//!
//! An input that cannot be used is reported on stderr by name and gets no output line:
//! a missing or unreadable file, a directory, a file that is not UTF-8, and an empty
//! file (for the library an empty text is simply an empty document, but an empty input
//! file is almost always a mistake upstream, so the tool says so). Every other file is
//! still processed and printed, and the exit status is 1 at the end.

use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;
use syria_extract::time::Date;
use syria_extract::{Article, Document, Extractor};

#[derive(Serialize)]
struct Output<'a> {
    file: &'a str,
    #[serde(flatten)]
    doc: &'a Document,
}

#[derive(Serialize)]
struct IdOutput<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    doc: &'a Document,
}

#[derive(serde::Deserialize)]
struct JsonlInput {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
}

/// Documents per chunk in `--jsonl` mode: enough to keep every core busy, small enough
/// that memory does not grow with the archive.
const CHUNK: usize = 256;

/// Streams JSON Lines through the extractor. Returns the number of bad lines, or an
/// error if the output cannot be written.
fn run_jsonl(
    extractor: &Extractor,
    inputs: &[String],
    date: Option<Date>,
    out: &mut impl Write,
) -> io::Result<usize> {
    let progress = io::stderr().is_terminal();
    let started = Instant::now();
    let (mut docs, mut bytes, mut bad) = (0usize, 0usize, 0usize);
    for path in inputs {
        let reader: Box<dyn BufRead> = if path == "-" {
            Box::new(BufReader::new(io::stdin()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    eprintln!("extract: {path}: cannot read: {e}");
                    bad += 1;
                    continue;
                }
            }
        };
        let mut chunk: Vec<JsonlInput> = Vec::with_capacity(CHUNK);
        let flush = |chunk: &mut Vec<JsonlInput>, out: &mut dyn Write| -> io::Result<()> {
            let articles: Vec<Article> = chunk
                .iter()
                .map(|d| Article::new(&d.text).published(date))
                .collect();
            for (input, doc) in chunk.iter().zip(extractor.extract_batch(&articles)) {
                serde_json::to_writer(
                    &mut *out,
                    &IdOutput {
                        id: &input.id,
                        doc: &doc,
                    },
                )?;
                out.write_all(b"\n")?;
            }
            chunk.clear();
            Ok(())
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("extract: {path}: cannot read: {e}");
                    bad += 1;
                    break;
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            bytes += line.len();
            match serde_json::from_slice::<JsonlInput>(&line) {
                Ok(doc) => chunk.push(doc),
                Err(e) => {
                    eprintln!("extract: {path}:{}: {e}", n + 1);
                    bad += 1;
                    continue;
                }
            }
            if chunk.len() == CHUNK {
                docs += chunk.len();
                flush(&mut chunk, out)?;
                if progress {
                    let secs = started.elapsed().as_secs_f64().max(1e-9);
                    eprint!(
                        "\rextract: {docs} documents, {:.1} MB, {:.0} docs/s, {:.1} MB/s ",
                        bytes as f64 / 1e6,
                        docs as f64 / secs,
                        bytes as f64 / 1e6 / secs
                    );
                }
            }
        }
        docs += chunk.len();
        flush(&mut chunk, out)?;
    }
    if progress {
        eprintln!(
            "\rextract: {docs} documents, {:.1} MB, done",
            bytes as f64 / 1e6
        );
    }
    Ok(bad)
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
            "usage: extract [--date YYYY-MM-DD] [--jsonl] [FILE...]   (no FILE or '-': read standard input)\n\
             --date   the documents' publication date: relative times (أمس, قبل يومين) get dates\n\
             --jsonl  inputs are JSON Lines of {{\"id\": ..., \"text\": ...}}, streamed"
        );
        return ExitCode::SUCCESS;
    }
    let mut date = None;
    let mut args = args;
    if let Some(i) = args.iter().position(|a| a == "--date") {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match Date::parse(&value) {
            Ok(d) => date = Some(d),
            Err(e) => {
                eprintln!("extract: --date: {e}");
                return ExitCode::from(2);
            }
        }
        args.drain(i..(i + 2).min(args.len()));
    }
    let jsonl = match args.iter().position(|a| a == "--jsonl") {
        Some(i) => {
            args.remove(i);
            true
        }
        None => false,
    };
    let files = if args.is_empty() {
        vec!["-".to_string()]
    } else {
        args
    };
    let extractor = Extractor::default();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if jsonl {
        let result = run_jsonl(&extractor, &files, date, &mut out).and_then(|bad| {
            out.flush()?;
            Ok(bad)
        });
        return match result {
            Ok(0) => ExitCode::SUCCESS,
            Ok(bad) => {
                eprintln!("extract: {bad} bad lines or inputs");
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("extract: cannot write output: {e}");
                ExitCode::FAILURE
            }
        };
    }
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
        let doc = extractor.extract(Article::new(&text).published(date));
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
