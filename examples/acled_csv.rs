//! ACLED rows through the library API: extract each article, turn its document into
//! rows with [`syria_extract::acled::rows`], write them with the `csv` crate.
//!
//! ```text
//! cargo run --release --example acled_csv -- --date 2019-05-20 article1.txt article2.txt > events.csv
//! ```
//!
//! The command-line tool does the same with directories, archives, per-document dates
//! and error reporting: `syria-extract acled --date 2019-05-20 articles/ > events.csv`.

use std::process::ExitCode;

use syria_extract::acled::{self, DocumentInfo};
use syria_extract::time::Date;
use syria_extract::{Article, Extractor};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("acled_csv: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    let mut date = None;
    if let Some(i) = files.iter().position(|a| a == "--date") {
        let value = files
            .drain(i..(i + 2).min(files.len()))
            .nth(1)
            .unwrap_or_default();
        date = Some(Date::parse(&value).map_err(|e| format!("--date: {e}"))?);
    }
    let extractor = Extractor::default();
    let mut csv = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(std::io::stdout().lock());
    csv.write_record(acled::COLUMNS)
        .map_err(|e| e.to_string())?;
    for path in &files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let doc = extractor.extract(Article::new(&text).published(date));
        let info = DocumentInfo {
            id: path,
            date,
            ..DocumentInfo::default()
        };
        for row in acled::rows(extractor.gazetteer(), &text, &doc, &info) {
            csv.serialize(row).map_err(|e| e.to_string())?;
        }
    }
    csv.flush().map_err(|e| format!("cannot write output: {e}"))
}
