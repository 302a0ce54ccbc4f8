//! Documents in, lines out: inputs are read in order into bounded chunks, each chunk is
//! extracted and rendered on every core, and the results are written in input order.
//!
//! Memory holds one chunk (at most [`CHUNK_DOCS`] documents or about [`CHUNK_BYTES`] of
//! text, whichever comes first) whatever the size of the archive. Every input file and
//! every archive line is either answered or reported on stderr with its name (and line
//! number) and counted as failed. A write error ends the run at once: nothing after it
//! could be delivered.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde_json::value::RawValue;
use syria_extract::acled::{self, DocumentInfo};
use syria_extract::time::Date;
use syria_extract::Extractor;

use crate::inputs::{self, Input};
use crate::jsonl::{self, FieldNames};
use crate::library;
use crate::InputArgs;

/// Documents per chunk: enough to keep every core busy.
pub const CHUNK_DOCS: usize = 256;
/// Bytes of text per chunk, so that a chunk of long articles stays small too.
pub const CHUNK_BYTES: usize = 32 << 20;

/// What to print for each document.
#[derive(Debug, Clone, Copy)]
pub enum Format {
    /// One JSON object per line (design.md section 6).
    Json,
    /// ACLED CSV rows, after a header line.
    Acled {
        /// The `timestamp` column.
        timestamp: i64,
    },
}

/// How a run ended when the output could be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was answered.
    Clean,
    /// This many inputs or lines were reported on stderr instead.
    Failed(usize),
}

/// One document to extract.
#[derive(Debug)]
struct Doc {
    text: String,
    date: Option<Date>,
    source: Option<String>,
    label: Label,
}

/// What names a document in the output.
#[derive(Debug)]
enum Label {
    /// A text file: `"file"`.
    File(String),
    /// An archive line: `"id"` and the other fields.
    Record {
        id: Option<Box<RawValue>>,
        /// The id for ACLED event ids: the id as text, or FILE:LINE without one.
        key: String,
        passthrough: Vec<(String, Box<RawValue>)>,
    },
}

impl Label {
    fn key(&self) -> &str {
        match self {
            Label::File(name) => name,
            Label::Record { key, .. } => key,
        }
    }
}

/// Reads every input, writes every answer.
pub fn run(
    extractor: &Extractor,
    args: &InputArgs,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut failed = 0;
    let inputs = inputs::expand(&args.inputs, &mut failed);
    if let Format::Acled { .. } = format {
        let mut header = csv::Writer::from_writer(Vec::new());
        header.write_record(acled::COLUMNS).map_err(csv_error)?;
        out.write_all(&header.into_inner().map_err(|e| e.into_error())?)?;
    }
    let mut sink = Sink {
        extractor,
        format,
        out,
        chunk: Vec::new(),
        bytes: 0,
        progress: Progress::new(args.jsonl),
    };
    if args.jsonl {
        let names = FieldNames {
            text: args.text_field.clone(),
            id: args.id_field.clone(),
            date: args.date_field.clone(),
            source: args.source_field.clone(),
        };
        for input in &inputs {
            failed += read_archive(input, &names, args.date, &mut sink)?;
        }
    } else {
        for input in &inputs {
            let name = input.name();
            match inputs::read_text(input) {
                Ok(text) => {
                    if text.is_empty() {
                        eprintln!(
                            "syria-extract: {name}: empty file (printed as an empty document)"
                        );
                    }
                    sink.push(Doc {
                        text,
                        date: args.date,
                        source: None,
                        label: Label::File(name),
                    })?;
                }
                Err(reason) => {
                    eprintln!("syria-extract: {name}: {reason}");
                    failed += 1;
                }
            }
        }
    }
    sink.flush()?;
    sink.progress.done();
    Ok(if failed == 0 {
        Outcome::Clean
    } else {
        Outcome::Failed(failed)
    })
}

/// Streams one JSON Lines input into the sink; returns the number of bad lines (or 1
/// for an input that cannot be read).
fn read_archive(
    input: &Input,
    names: &FieldNames,
    date: Option<Date>,
    sink: &mut Sink<'_>,
) -> io::Result<usize> {
    let name = input.name();
    let mut reader = match inputs::open(input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("syria-extract: {name}: cannot read: {e}");
            return Ok(1);
        }
    };
    let (mut bad, mut warned_rename) = (0, false);
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        // One huge line must not keep its buffer for the rest of the archive.
        if line.capacity() > CHUNK_BYTES {
            line = Vec::new();
        }
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("syria-extract: {name}:{number}: cannot read: {e}");
                return Ok(bad + 1);
            }
        }
        let mut bytes = line.as_slice();
        if number == 1 {
            // A byte-order mark, as some editors and Windows tools save UTF-8.
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        // JSON Lines allows no blank record; a blank line (often the last) is no document.
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = match jsonl::parse(bytes, names) {
            Ok(r) => r,
            Err(reason) => {
                eprintln!("syria-extract: {name}:{number}: {reason}");
                bad += 1;
                continue;
            }
        };
        if line.capacity() > CHUNK_BYTES {
            // The record holds the text now; a huge line's buffer goes before the
            // text is extracted.
            line = Vec::new();
        }
        if !record.renamed.is_empty() && !warned_rename {
            eprintln!(
                "syria-extract: {name}:{number}: field(s) {} printed as input_<name> (the output has its own); \
                 said once per input",
                record.renamed.join(", ")
            );
            warned_rename = true;
        }
        let date = match record.date {
            Ok(Some(d)) => Some(d),
            Ok(None) => date,
            Err(reason) => {
                let fallback = date.map_or("no date".to_string(), |d| d.to_string());
                eprintln!("syria-extract: {name}:{number}: {reason}; extracted with {fallback}");
                date
            }
        };
        if record.text.is_empty() {
            eprintln!("syria-extract: {name}:{number}: empty text (printed as an empty document)");
        }
        let key = record.id_text.unwrap_or_else(|| format!("{name}:{number}"));
        sink.push(Doc {
            text: record.text,
            date,
            source: record.source,
            label: Label::Record {
                id: record.id,
                key,
                passthrough: record.passthrough,
            },
        })?;
    }
    Ok(bad)
}

/// Collects documents into chunks and writes their answers.
struct Sink<'a> {
    extractor: &'a Extractor,
    format: Format,
    out: &'a mut dyn Write,
    chunk: Vec<Doc>,
    bytes: usize,
    progress: Progress,
}

impl Sink<'_> {
    fn push(&mut self, doc: Doc) -> io::Result<()> {
        if doc.text.len() >= CHUNK_BYTES {
            // A document the size of a chunk is extracted alone and its answer streamed
            // out, not held in memory: it can be larger than the document.
            self.flush()?;
            write_answer(self.extractor, self.format, &doc, self.out)?;
            self.progress.add(1, doc.text.len());
            return Ok(());
        }
        self.bytes += doc.text.len();
        self.chunk.push(doc);
        if self.chunk.len() >= CHUNK_DOCS || self.bytes >= CHUNK_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        let answers = render_all(self.extractor, self.format, &self.chunk);
        for answer in answers {
            self.out.write_all(&answer?)?;
        }
        self.progress.add(self.chunk.len(), self.bytes);
        self.chunk.clear();
        self.bytes = 0;
        Ok(())
    }
}

/// The answers of a chunk, in order, rendered on all cores: each worker takes the next
/// document from a shared counter, so a few long articles do not idle the others.
fn render_all(extractor: &Extractor, format: Format, docs: &[Doc]) -> Vec<io::Result<Vec<u8>>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(docs.len());
    if workers <= 1 {
        return docs.iter().map(|d| render(extractor, format, d)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, io::Result<Vec<u8>>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(doc) = docs.get(i) else { break };
                        mine.push((i, render(extractor, format, doc)));
                    }
                    mine
                })
            })
            .collect();
        // A worker only fails by panicking; its documents are redone below, where a
        // second panic shows the message on this thread.
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    let mut done = done.into_iter().peekable();
    (0..docs.len())
        .map(|i| match done.next_if(|(j, _)| *j == i) {
            Some((_, answer)) => answer,
            None => render(extractor, format, &docs[i]),
        })
        .collect()
}

/// Extracts one document and renders its answer into memory (for the workers).
fn render(extractor: &Extractor, format: Format, doc: &Doc) -> io::Result<Vec<u8>> {
    let mut answer = Vec::new();
    write_answer(extractor, format, doc, &mut answer)?;
    Ok(answer)
}

/// Extracts one document and writes its answer.
fn write_answer(
    extractor: &Extractor,
    format: Format,
    doc: &Doc,
    out: &mut dyn Write,
) -> io::Result<()> {
    let document = library::extract(extractor, &doc.text, doc.date);
    match format {
        Format::Json => {
            // `{"file": ..., <the document's fields>}`: the fields that name the
            // document, then the document serialized as an object without its opening
            // brace, which is byte for byte what a flattened struct gives.
            out.write_all(b"{")?;
            match &doc.label {
                Label::File(name) => {
                    out.write_all(b"\"file\":")?;
                    serde_json::to_writer(&mut *out, name)?;
                }
                Label::Record {
                    id, passthrough, ..
                } => {
                    out.write_all(b"\"id\":")?;
                    match id {
                        Some(raw) => out.write_all(raw.get().as_bytes())?,
                        None => out.write_all(b"null")?,
                    }
                    for (key, value) in passthrough {
                        out.write_all(b",")?;
                        serde_json::to_writer(&mut *out, key)?;
                        out.write_all(b":")?;
                        out.write_all(value.get().as_bytes())?;
                    }
                }
            }
            out.write_all(b",")?;
            let mut body = SkipFirstByte {
                out,
                skipped: false,
            };
            serde_json::to_writer(&mut body, &document)?;
            body.out.write_all(b"\n")
        }
        Format::Acled { timestamp } => {
            let info = DocumentInfo {
                id: doc.label.key(),
                date: doc.date,
                source: doc.source.as_deref(),
                timestamp: Some(timestamp),
            };
            let rows = acled::rows(extractor.gazetteer(), &doc.text, &document, &info);
            let mut csv = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(out);
            for row in &rows {
                csv.serialize(row).map_err(csv_error)?;
            }
            csv.flush()
        }
    }
}

/// A writer that drops the first byte written through it: the `{` of the document.
struct SkipFirstByte<'a> {
    out: &'a mut dyn Write,
    skipped: bool,
}

impl Write for SkipFirstByte<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.skipped || buf.is_empty() {
            return self.out.write(buf);
        }
        self.skipped = true;
        self.out.write_all(&buf[1..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

fn csv_error(e: csv::Error) -> io::Error {
    io::Error::other(e)
}

/// A progress line on stderr for archives, when stderr is a terminal.
struct Progress {
    on: bool,
    started: Instant,
    docs: usize,
    bytes: usize,
}

impl Progress {
    fn new(archive: bool) -> Progress {
        Progress {
            on: archive && io::stderr().is_terminal(),
            started: Instant::now(),
            docs: 0,
            bytes: 0,
        }
    }

    fn add(&mut self, docs: usize, bytes: usize) {
        self.docs += docs;
        self.bytes += bytes;
        if self.on {
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            eprint!(
                "\rsyria-extract: {} documents, {:.1} MB, {:.0} docs/s ",
                self.docs,
                self.bytes as f64 / 1e6,
                self.docs as f64 / secs
            );
        }
    }

    fn done(&self) {
        if self.on {
            eprintln!();
        }
    }
}
