//! Every call into the syria-extract library, in one place: the library is changing how
//! a document's date is passed, and only this file should need to follow.

use std::path::PathBuf;

use syria_extract::gazetteer::Gazetteer;
use syria_extract::time::Date;
use syria_extract::{Article, Blocks, Document, Error, Extractor};

/// The extractor over the built-in gazetteers and the user's files.
pub fn extractor(files: &[PathBuf]) -> Result<Extractor, Error> {
    if files.is_empty() {
        return Ok(Extractor::default());
    }
    files
        .iter()
        .fold(Extractor::builder(), |b, f| b.add_file(f))
        .build()
}

/// The built-in gazetteers with the user's files, without building an automaton.
pub fn gazetteer(files: &[PathBuf]) -> Result<Gazetteer, Error> {
    files
        .iter()
        .fold(Gazetteer::builder().builtin(), |b, f| b.add_file(f))
        .build()
}

/// One document with its own publication date.
pub fn extract(extractor: &Extractor, text: &str, date: Option<Date>) -> Document {
    extractor.extract(Article::new(text).published(date))
}

/// One long document with its own publication date, block by block.
pub fn extract_blocks<'e, 't>(
    extractor: &'e Extractor,
    text: &'t str,
    date: Option<Date>,
    max_bytes: usize,
) -> Blocks<'e, 't> {
    extractor.extract_blocks(Article::new(text).published(date), max_bytes)
}
