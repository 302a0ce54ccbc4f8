//! Word-level primitives over normalized text, shared by the stages: what a word is
//! and how to step to the next one, the proclitic grammar, numbers and person nouns.
//!
//! Crate-private, and it knows no record and no stage: every function takes the
//! normalized text (and, for number words and person nouns, the lexicon) and returns byte offsets into
//! it.

pub(crate) mod clitics;
pub(crate) mod numbers;
pub(crate) mod persons;
pub(crate) mod words;
