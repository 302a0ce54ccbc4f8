//! `syria-extract`: the command-line tool of the syria-extract library.
//!
//! ```text
//! syria-extract extract article.txt articles/ > out.jsonl
//! syria-extract extract --jsonl --date-field published archive.jsonl > out.jsonl
//! syria-extract acled --date 2019-05-20 articles/ > events.csv
//! syria-extract coverage --gazetteer my_villages.tsv
//! ```
//!
//! Exit status: 0 when every input was answered; 1 when an input file, an archive line
//! or the output failed (each named on stderr, the others still processed); 2 for a
//! usage error (unknown flag, bad `--date`) or a gazetteer file that does not load.

mod closed_stdout;
mod coverage;
mod dates;
mod inputs;
mod jsonl;
mod library;
mod pipeline;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use syria_extract::time::Date;

use crate::pipeline::{Format, Outcome};

/// Entities, events and ACLED rows from Arabic news about the Syrian conflict.
#[derive(Debug, Parser)]
#[command(name = "syria-extract", version, propagate_version = true)]
#[command(arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Prints one JSON object per document, one per line: entities and events with byte
    /// offsets into the document ("file" names the input; with --jsonl "id" and the
    /// archive's other fields are printed instead).
    Extract(ExtractArgs),
    /// Writes the documents' events as ACLED CSV (the 31 columns of ACLED's export, a
    /// header always), one row per event type, actor pair, place and day.
    Acled(AcledArgs),
    /// Prints how many records of each kind the gazetteers hold, and the spellings two
    /// records claim without the `ambiguous` flag.
    Coverage(CoverageArgs),
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

#[derive(Debug, Args)]
struct AcledArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// The `timestamp` column, in seconds since 1970 [default: now]. Give one to make
    /// two exports of the same input byte-identical.
    #[arg(long, value_name = "SECONDS")]
    timestamp: Option<i64>,
}

#[derive(Debug, Args)]
struct CoverageArgs {
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

/// Where the documents come from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Text files, or directories (walked in name order: every file not starting with
    /// '.'), or '-' for standard input, which is also read when no input is given.
    #[arg(value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,
    /// The inputs are JSON Lines archives: one JSON object per line, its text in a
    /// text field; every other field is passed through to the output.
    #[arg(long)]
    pub jsonl: bool,
    /// Field holding the text [default: text, else content].
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    pub text_field: Option<String>,
    /// Field holding the document id, printed as "id" exactly as written
    /// [default: id].
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    pub id_field: Option<String>,
    /// Field holding the publication date, YYYY-MM-DD with or without a time part
    /// ("2015-08-01T12:00:00", "2015-08-01 12:00"); it overrides --date
    /// [default: date, else published, else date_extracted].
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    pub date_field: Option<String>,
    /// Field naming the outlet, for the ACLED source column [default: source, else outlet].
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    pub source_field: Option<String>,
    /// The documents' publication date: relative times such as "أمس" get calendar
    /// dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = dates::parse_flag)]
    pub date: Option<Date>,
}

/// The gazetteers.
#[derive(Debug, Args)]
pub struct GazetteerArgs {
    /// A gazetteer file added to the built-in ones (format: gazetteers/FORMAT.md);
    /// repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if closed_stdout::was_closed() {
        eprintln!("syria-extract: cannot write output: standard output is closed");
        return ExitCode::FAILURE;
    }
    let result = match cli.command {
        Command::Extract(args) => documents(&args.input, &args.gazetteer, Format::Json),
        Command::Acled(args) => {
            let timestamp = args.timestamp.unwrap_or_else(now);
            documents(&args.input, &args.gazetteer, Format::Acled { timestamp })
        }
        Command::Coverage(args) => coverage(&args.gazetteer),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Failed(n)) => {
            eprintln!("syria-extract: {n} input(s) or line(s) failed");
            ExitCode::FAILURE
        }
        Err(Fatal::Usage(message)) => {
            eprintln!("syria-extract: {message}");
            ExitCode::from(2)
        }
        Err(Fatal::Output(e)) => {
            eprintln!("syria-extract: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What ends a run early.
#[derive(Debug)]
pub enum Fatal {
    /// Bad arguments or gazetteer files: nothing was processed (exit 2).
    Usage(String),
    /// Standard output cannot be written: what follows would be lost (exit 1).
    Output(io::Error),
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn documents(
    input: &InputArgs,
    gazetteer: &GazetteerArgs,
    format: Format,
) -> Result<Outcome, Fatal> {
    let extractor =
        library::extractor(&gazetteer.files).map_err(|e| Fatal::Usage(e.to_string()))?;
    let mut out = io::BufWriter::with_capacity(1 << 16, block_stdout());
    let outcome = pipeline::run(&extractor, input, format, &mut out).map_err(Fatal::Output)?;
    out.flush().map_err(Fatal::Output)?;
    Ok(outcome)
}

/// Standard output for large writes: the descriptor itself, duplicated, where std's
/// handle is always line-buffered, and so searched every 64 KB block for its last
/// line end (one JSON line of a 5 MB document is 20 MB without one: 16 M instructions
/// of `memrchr`). The duplicate shares the file position and flags with descriptor 1,
/// so `>`, `>>` and pipes behave as before. Where it cannot be made, std's handle.
fn block_stdout() -> Box<dyn Write> {
    #[cfg(unix)]
    let own = {
        use std::os::fd::AsFd;
        io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
    };
    #[cfg(windows)]
    let own = {
        use std::os::windows::io::AsHandle;
        io::stdout()
            .as_handle()
            .try_clone_to_owned()
            .map(std::fs::File::from)
    };
    #[cfg(not(any(unix, windows)))]
    let own: io::Result<std::fs::File> = Err(io::ErrorKind::Unsupported.into());
    match own {
        Ok(file) => Box::new(file),
        Err(_) => Box::new(io::stdout().lock()),
    }
}

fn coverage(gazetteer: &GazetteerArgs) -> Result<Outcome, Fatal> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if gazetteer.files.is_empty() {
        coverage::print(syria_extract::gazetteer::Gazetteer::builtin(), &mut out)
    } else {
        let gaz = library::gazetteer(&gazetteer.files).map_err(|e| Fatal::Usage(e.to_string()))?;
        coverage::print(&gaz, &mut out)
    };
    result.and_then(|()| out.flush()).map_err(Fatal::Output)?;
    Ok(Outcome::Clean)
}
