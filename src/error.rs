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
    /// A reference names a record of another kind (an actor as a location's parent).
    #[error("column {column:?}: {id:?} is {found}, not {expected}")]
    WrongReferenceKind {
        /// Column name.
        column: &'static str,
        /// The id referenced.
        id: String,
        /// What the column must name ("a location").
        expected: &'static str,
        /// What the id names ("an actor").
        found: &'static str,
    },
    /// Two records share a normalized spelling and not both are flagged `ambiguous`:
    /// without the flag one of them would never be returned. The error's line is the
    /// later record's.
    #[error(
        "name {name:?} is also a name of {other:?} (at {at}); records sharing a spelling must all be flagged ambiguous, and {}",
        unflagged(.other, *.other_flagged, *.this_flagged)
    )]
    SharedName {
        /// The name as written in this row.
        name: String,
        /// The id of the record that claimed the spelling first.
        other: String,
        /// `file:line` of that record.
        at: String,
        /// Whether that record is flagged `ambiguous`.
        other_flagged: bool,
        /// Whether this row's record is.
        this_flagged: bool,
    },
    /// A name or word is longer than the automaton accepts.
    #[error("column {column:?}: a name of {chars} characters (after normalization) is longer than the {max} allowed")]
    NameTooLong {
        /// Column name.
        column: &'static str,
        /// Its length in characters, normalized.
        chars: usize,
        /// The limit, [`MAX_NAME_CHARS`](crate::gazetteer::MAX_NAME_CHARS).
        max: usize,
    },
    /// A byte-order mark (U+FEFF) elsewhere than at the very start of the file, as
    /// when files are joined with `cat`.
    #[error(
        "a byte-order mark (U+FEFF) inside the file: only the start of a file may hold one (were two files joined?)"
    )]
    ByteOrderMark,
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

/// Which of two records sharing a spelling lack the `ambiguous` flag, for the message.
fn unflagged(other: &str, other_flagged: bool, this_flagged: bool) -> String {
    match (other_flagged, this_flagged) {
        (true, _) => "this record is not".to_string(),
        (false, true) => format!("{other:?} is not"),
        (false, false) => "neither is".to_string(),
    }
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
