//! Documents in, lines out, as a stream on every core: a reader thread reads the
//! inputs in order, worker threads parse each archive line, extract the document and
//! render its answer, and this thread writes the answers (and the messages about each
//! input) in input order. Archive lines travel in batches of up to [`BATCH_DOCS`],
//! formed only from lines already read, so that a slow pipe is not waited on.
//!
//! Memory is bounded whatever the size of the archive: the reader waits while
//! [`WINDOW_DOCS`] documents or about [`WINDOW_BYTES`] of input are read but not yet
//! written. Every input file and every archive line is either answered or reported on
//! stderr with its name (and line number) and counted as failed. A write error ends
//! the run at once: nothing after it could be delivered.

use std::collections::BTreeMap;
use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

use serde_json::value::RawValue;
use syria_extract::acled::{self, DocumentInfo, RowBuilder};
use syria_extract::json::JsonWriter;
use syria_extract::time::Date;
use syria_extract::{Document, Entity, Extractor};

use crate::inputs::{self, Input, Text};
use crate::jsonl::{self, FieldNames};
use crate::library;
use crate::InputArgs;

/// Documents read but not yet written, at most: enough to keep every core busy while
/// one long article holds up the order.
pub const WINDOW_DOCS: usize = 256;
/// Bytes of input read but not yet written, at most (one larger document is let
/// through alone), so that a window of long articles stays small too.
pub const WINDOW_BYTES: usize = 32 << 20;
/// Documents longer than this are extracted block by block (the library's
/// `extract_blocks`, cut at paragraph breaks), and their answer (about 2.6 times the
/// text as JSON) is written to unnamed temporary files (three, open until the writer
/// copies them out), not memory: a document then takes its text and one block's work,
/// however long it is. Far longer than a news article, so that an article is read
/// whole.
pub const BLOCK_BYTES: usize = 1 << 20;
/// Archive lines handed to a worker together, at most: one hand-off between threads
/// per line cost a run on two cores a sixth of its time in the kernel (futex wake-ups
/// across cores; 0.20 s of 0.74 s on the 21 MB archive).
pub const BATCH_DOCS: usize = 32;
/// The bytes of lines after which a batch is sent, however few its lines.
pub const BATCH_BYTES: usize = 1 << 18;

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
    text: Text,
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

/// What the reader hands to the workers.
enum Job {
    /// A text file, read.
    File { name: String, text: Text },
    /// An archive line (without its line break), to parse.
    Line {
        input: usize,
        name: Arc<str>,
        number: usize,
        bytes: Vec<u8>,
    },
    /// An input or line that cannot be read: the message for stderr.
    Unreadable(String),
}

impl Job {
    fn len(&self) -> usize {
        match self {
            Job::File { text, .. } => text.len(),
            Job::Line { bytes, .. } => bytes.len(),
            Job::Unreadable(_) => 0,
        }
    }
}

/// What a worker hands back for one job, written in input order.
struct Answer {
    /// The archive input the line came from, for messages said once per input.
    input: Option<usize>,
    /// The message about renamed fields, said once per input.
    renamed: Option<String>,
    /// Messages for stderr, in order.
    notes: Vec<String>,
    /// Inputs or lines that failed (0 or 1).
    failed: usize,
    /// Bytes of input the job held (for the window and the progress line).
    bytes: usize,
    output: Rendered,
}

/// The answer's output.
enum Rendered {
    /// No document (a bad line or input).
    Nothing,
    /// The rendered lines.
    Bytes(io::Result<Vec<u8>>),
    /// The answer of a long document, in temporary files.
    Stored(io::Result<StoredAnswer>),
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
    let names = FieldNames {
        text: args.text_field.clone(),
        id: args.id_field.clone(),
        date: args.date_field.clone(),
        source: args.source_field.clone(),
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let window = Window::default();
    let mut progress = Progress::new(args.jsonl);
    // Bounded, so that the reader runs ahead of the workers by a few jobs only; the
    // window bounds what waits to be written.
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Vec<Job>)>(2 * workers);
    let job_rx = Mutex::new(job_rx);
    let (answer_tx, answer_rx) = mpsc::channel::<(usize, Vec<Answer>)>();
    let written = std::thread::scope(|scope| -> io::Result<usize> {
        let (inputs, window) = (&inputs, &window);
        scope.spawn(move || read_all(inputs, args.jsonl, window, job_tx));
        for _ in 0..workers {
            let answer_tx = answer_tx.clone();
            let (job_rx, names) = (&job_rx, &names);
            scope.spawn(move || {
                // The fragments of JSON it keeps serve all the worker's documents.
                let mut json = JsonWriter::default();
                loop {
                    // The lock is held only while waiting for the next job.
                    let job = job_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((seq, jobs)) = job else { break };
                    let answers = jobs
                        .into_iter()
                        .map(|job| answer(extractor, &mut json, format, names, args.date, job))
                        .collect();
                    if answer_tx.send((seq, answers)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(answer_tx);
        let result = write_in_order(answer_rx, window, &mut progress, out);
        // After a write error the reader stops at its next document; the workers end
        // when it does.
        window.stop();
        // The workers stop too once their answers have nowhere to go, and the reader
        // may then wait on a full job queue for ever: what it still sends is dropped
        // here, until it sees the stop and hangs up.
        if let Ok(rx) = job_rx.lock() {
            while rx.recv().is_ok() {}
        }
        result
    })?;
    progress.done();
    failed += written;
    Ok(if failed == 0 {
        Outcome::Clean
    } else {
        Outcome::Failed(failed)
    })
}

/// How much is read but not yet written; the reader waits on it.
#[derive(Default)]
struct Window {
    state: Mutex<WindowState>,
    changed: Condvar,
}

#[derive(Default)]
struct WindowState {
    docs: usize,
    bytes: usize,
    stopped: bool,
}

impl Window {
    /// Waits until `docs` documents of `bytes` fit; false when the run has stopped.
    fn enter(&self, docs: usize, bytes: usize) -> bool {
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        while !state.stopped
            && state.docs > 0
            && (state.docs + docs > WINDOW_DOCS || state.bytes + bytes > WINDOW_BYTES)
        {
            state = match self.changed.wait(state) {
                Ok(s) => s,
                Err(_) => return false,
            };
        }
        state.docs += docs;
        state.bytes += bytes;
        !state.stopped
    }

    fn leave(&self, docs: usize, bytes: usize) {
        if let Ok(mut state) = self.state.lock() {
            state.docs -= docs;
            state.bytes -= bytes;
        }
        self.changed.notify_one();
    }

    fn stop(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.stopped = true;
        }
        self.changed.notify_one();
    }
}

/// The jobs the reader has read and not yet sent, and where they go.
struct Batcher<'a> {
    window: &'a Window,
    jobs: mpsc::SyncSender<(usize, Vec<Job>)>,
    /// The number of the next batch.
    seq: usize,
    batch: Vec<Job>,
    bytes: usize,
}

impl Batcher<'_> {
    /// Adds a job, and sends the batch when it is full or `now`; false when the run
    /// has stopped.
    fn push(&mut self, job: Job, now: bool) -> bool {
        self.bytes += job.len();
        self.batch.push(job);
        if now || self.batch.len() >= BATCH_DOCS || self.bytes >= BATCH_BYTES {
            self.flush()
        } else {
            true
        }
    }

    /// Sends the batch (if any); false when the run has stopped.
    fn flush(&mut self) -> bool {
        if self.batch.is_empty() {
            return true;
        }
        if !self.window.enter(self.batch.len(), self.bytes) {
            return false;
        }
        let batch = std::mem::take(&mut self.batch);
        self.bytes = 0;
        let sent = self.jobs.send((self.seq, batch)).is_ok();
        self.seq += 1;
        sent
    }
}

/// The reader: every input in order, as batches of jobs numbered from 0.
fn read_all(
    inputs: &[Input],
    archive: bool,
    window: &Window,
    jobs: mpsc::SyncSender<(usize, Vec<Job>)>,
) {
    let mut batches = Batcher {
        window,
        jobs,
        seq: 0,
        batch: Vec::new(),
        bytes: 0,
    };
    for (index, input) in inputs.iter().enumerate() {
        let name = input.name();
        if !archive {
            let job = match inputs::read_text(input) {
                Ok(text) => Job::File { name, text },
                Err(reason) => Job::Unreadable(format!("syria-extract: {name}: {reason}")),
            };
            if !batches.push(job, true) {
                return;
            }
            continue;
        }
        let mut reader = match inputs::open(input) {
            Ok(r) => r,
            Err(e) => {
                let job = Job::Unreadable(format!("syria-extract: {name}: cannot read: {e}"));
                if !batches.push(job, true) {
                    return;
                }
                continue;
            }
        };
        let shared_name: Arc<str> = Arc::from(name.as_str());
        let mut capacity = 1 << 12;
        for number in 1.. {
            let mut line = Vec::with_capacity(capacity);
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    let message = format!("syria-extract: {name}:{number}: cannot read: {e}");
                    if !batches.push(Job::Unreadable(message), true) {
                        return;
                    }
                    break;
                }
            }
            // The next line's buffer: the size of this one, so that lines are read
            // without regrowing, but one huge line does not set it for the rest.
            capacity = line.len().clamp(1 << 12, 1 << 20);
            // A line waits in the batch only while the next is already read: when
            // reading on could wait (a pipe written slowly), what is read goes now.
            let now = reader.buffer().is_empty();
            // JSON Lines allows no blank record; a blank line (often the last) is no
            // document. (A byte-order mark on the first line is taken off later.)
            let record = match line.strip_prefix(b"\xEF\xBB\xBF") {
                Some(rest) if number == 1 => rest,
                _ => &line[..],
            };
            if record.iter().all(u8::is_ascii_whitespace) {
                if now && !batches.flush() {
                    return;
                }
                continue;
            }
            let job = Job::Line {
                input: index,
                name: Arc::clone(&shared_name),
                number,
                bytes: line,
            };
            if !batches.push(job, now) {
                return;
            }
        }
        if !batches.flush() {
            return;
        }
    }
}

/// The writer: answers in job order, with their messages; the number of failures.
fn write_in_order(
    answers: mpsc::Receiver<(usize, Vec<Answer>)>,
    window: &Window,
    progress: &mut Progress,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut waiting: BTreeMap<usize, Vec<Answer>> = BTreeMap::new();
    let (mut next, mut failed) = (0, 0);
    let mut warned_rename: Vec<usize> = Vec::new();
    for (seq, batch) in answers {
        waiting.insert(seq, batch);
        while let Some(batch) = waiting.remove(&next) {
            next += 1;
            let (docs, mut batch_bytes) = (batch.len(), 0);
            for answer in batch {
                batch_bytes += answer.bytes;
                if let (Some(note), Some(input)) = (&answer.renamed, answer.input) {
                    if !warned_rename.contains(&input) {
                        eprintln!("{note}");
                        warned_rename.push(input);
                    }
                }
                for note in &answer.notes {
                    eprintln!("{note}");
                }
                failed += answer.failed;
                match answer.output {
                    Rendered::Nothing => {}
                    Rendered::Bytes(bytes) => {
                        out.write_all(&bytes?)?;
                        progress.add(1, answer.bytes);
                    }
                    Rendered::Stored(store) => {
                        store?.copy_to(out)?;
                        progress.add(1, answer.bytes);
                    }
                }
            }
            window.leave(docs, batch_bytes);
        }
    }
    Ok(failed)
}

/// A worker's part of one job: parse, extract, render.
fn answer(
    extractor: &Extractor,
    json: &mut JsonWriter,
    format: Format,
    names: &FieldNames,
    default_date: Option<Date>,
    job: Job,
) -> Answer {
    let mut answer = Answer {
        input: None,
        renamed: None,
        notes: Vec::new(),
        failed: 0,
        bytes: job.len(),
        output: Rendered::Nothing,
    };
    let doc = match job {
        Job::Unreadable(message) => {
            answer.notes.push(message);
            answer.failed = 1;
            return answer;
        }
        Job::File { name, text } => {
            if text.is_empty() {
                answer.notes.push(format!(
                    "syria-extract: {name}: empty file (printed as an empty document)"
                ));
            }
            Doc {
                text,
                date: default_date,
                source: None,
                label: Label::File(name),
            }
        }
        Job::Line {
            input,
            name,
            number,
            bytes,
        } => {
            answer.input = Some(input);
            match line_document(names, default_date, &name, number, bytes, &mut answer) {
                Some(doc) => doc,
                None => {
                    answer.failed = 1;
                    return answer;
                }
            }
        }
    };
    answer.output = if doc.text.len() > BLOCK_BYTES {
        Rendered::Stored(store_answer(
            extractor,
            json,
            format,
            &doc,
            BLOCK_BYTES,
            &mut answer.notes,
        ))
    } else {
        Rendered::Bytes(render(extractor, json, format, &doc))
    };
    answer
}

/// The document of one archive line, or `None` (the reason in the answer's notes).
fn line_document(
    names: &FieldNames,
    default_date: Option<Date>,
    name: &str,
    number: usize,
    line: Vec<u8>,
    answer: &mut Answer,
) -> Option<Doc> {
    let mut bytes = line.as_slice();
    if number == 1 {
        // A byte-order mark, as some editors and Windows tools save UTF-8.
        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    }
    let record = match jsonl::parse(bytes, names) {
        Ok(r) => r,
        Err(reason) => {
            answer
                .notes
                .push(format!("syria-extract: {name}:{number}: {reason}"));
            return None;
        }
    };
    // The record holds the text now; the line's buffer goes before the text is
    // extracted.
    drop(line);
    if !record.renamed.is_empty() {
        answer.renamed = Some(format!(
            "syria-extract: {name}:{number}: field(s) {} printed as input_<name> (the output has its own); \
             said once per input",
            record.renamed.join(", ")
        ));
    }
    let date = match record.date {
        Ok(Some(d)) => Some(d),
        Ok(None) => default_date,
        Err(reason) => {
            let fallback = default_date.map_or("no date".to_string(), |d| d.to_string());
            answer.notes.push(format!(
                "syria-extract: {name}:{number}: {reason}; extracted with {fallback}"
            ));
            default_date
        }
    };
    if record.text.is_empty() {
        answer.notes.push(format!(
            "syria-extract: {name}:{number}: empty text (printed as an empty document)"
        ));
    }
    let key = record.id_text.unwrap_or_else(|| format!("{name}:{number}"));
    Some(Doc {
        text: Text::from(record.text),
        date,
        source: record.source,
        label: Label::Record {
            id: record.id,
            key,
            passthrough: record.passthrough,
        },
    })
}

/// Extracts one document and renders its answer into memory (for the workers).
fn render(
    extractor: &Extractor,
    json: &mut JsonWriter,
    format: Format,
    doc: &Doc,
) -> io::Result<Vec<u8>> {
    let document = library::extract(extractor, doc.text.as_str(), doc.date);
    // A document's JSON is about 2.6 times its text (B_news: 13.7 MB for 5.3 MB), so
    // its buffer is not regrown and copied as it fills; ACLED rows are far shorter.
    let capacity = match format {
        Format::Json => doc.text.len() * 3 + 1024,
        Format::Acled { .. } => doc.text.len() / 2 + 256,
    };
    let mut answer = Vec::with_capacity(capacity);
    write_answer(extractor, json, format, doc, &document, &mut answer)?;
    Ok(answer)
}

/// Writes the answer of one extracted document.
fn write_answer(
    extractor: &Extractor,
    json: &mut JsonWriter,
    format: Format,
    doc: &Doc,
    document: &Document,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    match format {
        Format::Json => {
            // `{"file": ..., <the document's fields>}`: the fields that name the
            // document, then the document serialized as an object without its opening
            // brace, which is byte for byte what a flattened struct gives.
            write_label(doc, out)?;
            // Straight into the answer, a writer of known type: serde_json writes
            // every key and bracket on its own, and a `dyn Write` made each a call.
            let mut body = SkipFirstByte {
                out: &mut *out,
                skipped: false,
            };
            json.write_document(&mut body, document)?;
            out.push(b'\n');
            Ok(())
        }
        Format::Acled { timestamp } => {
            let info = info(doc, timestamp);
            let text = doc.text.as_str();
            let rows = acled::rows(extractor.gazetteer(), text, document, &info);
            write_rows(&rows, out)
        }
    }
}

/// What the ACLED rows of `doc` say of it besides its text.
fn info(doc: &Doc, timestamp: i64) -> DocumentInfo<'_> {
    DocumentInfo {
        id: doc.label.key(),
        date: doc.date,
        source: doc.source.as_deref(),
        timestamp: Some(timestamp),
    }
}

/// Writes ACLED rows as CSV lines (the header is written once, before all documents).
fn write_rows(rows: &[acled::AcledRow], out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    for row in rows {
        csv.serialize(row).map_err(csv_error)?;
    }
    csv.flush()
}

/// The opening of a document's JSON object: `{`, the fields that name the document
/// and the comma after them.
fn write_label(doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
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
    out.write_all(b",")
}

/// Extracts a long document block by block and writes its answer to a temporary file
/// (to memory, if none can be made). Should writing a temporary file fail (a full
/// disk), the document is extracted again with its answer in memory, and `notes` says
/// so.
fn store_answer(
    extractor: &Extractor,
    json: &mut JsonWriter,
    format: Format,
    doc: &Doc,
    max_bytes: usize,
    notes: &mut Vec<String>,
) -> io::Result<StoredAnswer> {
    let mut head = Store::new(true);
    // Flushed here, so that a failure shows now and not when the writer copies it out.
    let written = write_blocks(extractor, json, format, doc, max_bytes, true, &mut head).and_then(
        |mut tail| {
            head.flush()?;
            if let Some(tail) = &mut tail {
                tail.flush()?;
            }
            Ok(tail)
        },
    );
    match written {
        Ok(tail) => Ok(StoredAnswer { head, tail }),
        Err(e) => {
            // The answer goes only to temporary files here: the error is theirs.
            notes.push(format!(
                "syria-extract: {}: a temporary file failed ({e}); the answer was kept in memory",
                doc.label.key()
            ));
            let mut head = Store::new(false);
            let tail = write_blocks(extractor, json, format, doc, max_bytes, false, &mut head)?;
            Ok(StoredAnswer { head, tail })
        }
    }
}

/// The answer of a long document as [`write_blocks`] leaves it: the head, and in JSON
/// the lists that come after the entities, each in its own store. The writer copies
/// them out in turn: copying the lists into the head first wrote and read them once
/// more (half the answer of the 21 MB text).
struct StoredAnswer {
    head: Store,
    tail: Option<Tail>,
}

impl StoredAnswer {
    fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        self.head.copy_to(out)?;
        match self.tail {
            Some(tail) => tail.copy_to(out),
            None => Ok(()),
        }
    }
}

/// The events and times of a long document's JSON, which follow its entities.
struct Tail {
    events: Spill,
    times: Spill,
}

impl Tail {
    fn flush(&mut self) -> io::Result<()> {
        for store in [&mut self.events.store, &mut self.times.store]
            .into_iter()
            .flatten()
        {
            store.flush()?;
        }
        Ok(())
    }

    /// The rest of the document's object: the two lists and its end.
    fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"],\"events\":[")?;
        self.events.copy_to(out)?;
        out.write_all(b"],\"times\":[")?;
        self.times.copy_to(out)?;
        out.write_all(b"]}\n")
    }
}

/// Extracts a long document block by block and writes its answer to `out`, but for
/// the [`Tail`] it returns in JSON.
///
/// In JSON, each block's entities go out as soon as the block is done; its events and
/// times, which come after all the entities in the object, are serialized into two
/// unnamed temporary files (memory, if none can be made), the tail, so that what the
/// document holds in memory is its text and one block's work. In CSV, the rows are
/// built from the events of all blocks, which ACLED's unit of record may merge across
/// blocks, and there is no tail.
fn write_blocks(
    extractor: &Extractor,
    json: &mut JsonWriter,
    format: Format,
    doc: &Doc,
    max_bytes: usize,
    files: bool,
    out: &mut dyn Write,
) -> io::Result<Option<Tail>> {
    let blocks = library::extract_blocks(extractor, doc.text.as_str(), doc.date, max_bytes);
    match format {
        Format::Json => {
            write_label(doc, out)?;
            let mut body = io::BufWriter::with_capacity(1 << 16, &mut *out);
            let (mut events, mut times) = (Spill::new(files), Spill::new(files));
            // The fields of `Document`, in its order: a test checks the bytes are what
            // serializing the document whole gives.
            body.write_all(b"\"entities\":[")?;
            let mut entities = ListWriter::default();
            for block in blocks {
                let document = block.document;
                for entity in &document.entities {
                    entities.entity(&mut body, json, entity)?;
                }
                for event in &document.events {
                    events.push_with(|out| json.write_event(out, event))?;
                }
                for time in &document.times {
                    times.push(time)?;
                }
            }
            body.into_inner().map_err(io::IntoInnerError::into_error)?;
            Ok(Some(Tail { events, times }))
        }
        Format::Acled { timestamp } => {
            // Each block's events become rows as soon as the block is done, merged
            // into the records before them; the block goes.
            let text = doc.text.as_str();
            let mut rows = RowBuilder::new(extractor.gazetteer(), text, info(doc, timestamp));
            for block in blocks {
                rows.add(block.document);
            }
            write_rows(&rows.finish(), out)?;
            Ok(None)
        }
    }
}

/// A JSON list written an item at a time: a comma before every item but the first.
#[derive(Default)]
struct ListWriter {
    items: usize,
}

impl ListWriter {
    fn entity(
        &mut self,
        out: &mut impl Write,
        json: &mut JsonWriter,
        entity: &Entity,
    ) -> io::Result<()> {
        self.next(out)?;
        json.write_entity(out, entity)
    }

    /// The comma before an item but the first.
    fn next(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.items > 0 {
            out.write_all(b",")?;
        }
        self.items += 1;
        Ok(())
    }
}

/// The items of a JSON list whose place in the output comes later, kept out of memory.
struct Spill {
    list: ListWriter,
    store: Option<Store>,
    /// In a temporary file (else in memory).
    file: bool,
}

impl Spill {
    fn new(file: bool) -> Spill {
        Spill {
            list: ListWriter::default(),
            store: None,
            file,
        }
    }

    /// Adds an item; the file is made at the first.
    fn push<T: serde::Serialize>(&mut self, item: &T) -> io::Result<()> {
        self.push_with(|out| serde_json::to_writer(out, item).map_err(io::Error::from))
    }

    /// Adds an item that `write` writes; the file is made at the first.
    fn push_with(&mut self, write: impl FnOnce(&mut Store) -> io::Result<()>) -> io::Result<()> {
        let file = self.file;
        let store = self.store.get_or_insert_with(|| Store::new(file));
        self.list.next(store)?;
        write(store)
    }

    /// Copies the items, comma-separated, to `out`.
    fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self.store {
            Some(store) => store.copy_to(out),
            None => Ok(()),
        }
    }
}

/// Bytes written now and copied out later.
enum Store {
    /// An unnamed temporary file (in `TMPDIR`), gone when closed.
    File(io::BufWriter<std::fs::File>),
    /// Memory, when no temporary file can be made.
    Memory(Vec<u8>),
}

impl Store {
    /// A temporary file when `file` says so and one can be made, else memory.
    fn new(file: bool) -> Store {
        match file.then(tempfile::tempfile) {
            Some(Ok(file)) => Store::File(io::BufWriter::with_capacity(1 << 16, file)),
            _ => Store::Memory(Vec::new()),
        }
    }

    /// Copies what was written to `out`.
    fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Store::Memory(bytes) => out.write_all(&bytes),
            Store::File(writer) => {
                use std::io::Seek;
                let mut file = writer
                    .into_inner()
                    .map_err(io::IntoInnerError::into_error)?;
                file.rewind()?;
                io::copy(&mut file, out).map(|_| ())
            }
        }
    }
}

impl Write for Store {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Store::File(w) => w.write(buf),
            Store::Memory(v) => v.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Store::File(w) => w.write_all(buf),
            Store::Memory(v) => v.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Store::File(w) => w.flush(),
            Store::Memory(_) => Ok(()),
        }
    }
}

/// A writer that drops the first byte written through it: the `{` of the document.
struct SkipFirstByte<W> {
    out: W,
    skipped: bool,
}

impl<W: Write> Write for SkipFirstByte<W> {
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
