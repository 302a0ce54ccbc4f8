//! The crate's one error type.
//!
//! Every error names the gazetteer file it comes from and, where it concerns a row,
//! the 1-based line number, so a message reads like a compiler diagnostic:
//! `gazetteers/actors.tsv:12: column "kind": unknown value "milita"`.

use std::fmt;
use std::io;

/// An error from loading gazetteer data or building an [`Extractor`](crate::Extractor).
///
/// Match on [`Error::kind`] to tell causes apart; use `Display` for a message a person
/// can act on.
///
/// ```
/// use syria_extract::{Extractor, ErrorKind};
///
/// let bad = "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance\n\
///            x\tmilita\tX\tاكس\t\t\t\t\t\tcurated\n";
/// let err = Extractor::builder()
///     .builtin(false)
///     .add_str("my_actors.tsv", bad)
///     .build()
///     .unwrap_err();
/// assert_eq!(err.file(), "my_actors.tsv");
/// assert_eq!(err.line(), Some(2));
/// assert!(matches!(err.kind(), ErrorKind::UnknownValue { .. }));
/// assert!(err.to_string().starts_with("my_actors.tsv:2: "));
/// ```
#[derive(Debug)]
pub struct Error {
    file: String,
    line: Option<usize>,
    kind: ErrorKind,
}

/// What went wrong; see [`Error`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(#[source] io::Error),
    /// The file is not UTF-8; the error's line is the line of the first invalid byte.
    #[error("not valid UTF-8 (first invalid byte at offset {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file has no header line.
    #[error("empty file: expected a header line")]
    MissingHeader,
    /// The header does not match any known file type.
    #[error("unknown header {found:?}; expected one of the headers in gazetteers/FORMAT.md")]
    UnknownHeader {
        /// The header line as found.
        found: String,
    },
    /// A row has too few or too many tab-separated fields.
    #[error("expected {expected} tab-separated columns, found {found}")]
    ColumnCount {
        /// Columns in the header.
        expected: usize,
        /// Columns in this row.
        found: usize,
    },
    /// A required field is empty.
    #[error("column {column:?} must not be empty")]
    EmptyField {
        /// Column name.
        column: &'static str,
    },
    /// A field holds a value outside its allowed set.
    #[error("column {column:?}: unknown value {value:?} (allowed: {allowed})")]
    UnknownValue {
        /// Column name.
        column: &'static str,
        /// The value found.
        value: String,
        /// The allowed values, space-separated.
        allowed: String,
    },
    /// A field cannot be parsed.
    #[error("column {column:?}: invalid value {value:?}: {reason}")]
    InvalidValue {
        /// Column name.
        column: &'static str,
        /// The value found.
        value: String,
        /// Why it is invalid.
        reason: &'static str,
    },
    /// An id is used twice.
    #[error("duplicate id {id:?} (first defined at {first})")]
    DuplicateId {
        /// The id.
        id: String,
        /// `file:line` of the first definition.
        first: String,
    },
    /// A lexicon word is listed twice in one class (after normalization).
    #[error("{word:?} is already a {class} word (first listed at {first})")]
    DuplicateWord {
        /// The normalized word.
        word: String,
        /// Its class.
        class: &'static str,
        /// `file:line` of the first listing.
        first: String,
    },
    /// A reference (parent, affiliation) names no record.
    #[error("column {column:?}: unknown id {id:?}")]
    UnknownReference {
        /// Column name.
        column: &'static str,
        /// The id that does not exist.
        id: String,
    },
    /// Parent links form a cycle.
    #[error("parent chain of {id:?} forms a cycle")]
    ParentCycle {
        /// A record on the cycle.
        id: String,
    },
    /// The matcher could not be built (for example, too many patterns).
    #[error("cannot build the matcher: {0}")]
    Build(String),
}

impl Error {
    pub(crate) fn new(file: impl Into<String>, line: Option<usize>, kind: ErrorKind) -> Error {
        Error {
            file: file.into(),
            line,
            kind,
        }
    }

    /// The file the error concerns (the name given to the builder for readers).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line number, when the error concerns one row.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The cause.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.kind),
            None => write!(f, "{}: {}", self.file, self.kind),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
