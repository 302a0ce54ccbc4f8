//! Sentence boundaries: Unicode sentence boundaries (UAX #29, via
//! `unicode-segmentation`) refined for Arabic news: a line break, "؟" and "؛" also end a
//! sentence. The Arabic comma "،" does not: news sentences chain clauses with it, and
//! an event's actors are often on the other side of one.
//!
//! ```
//! use syria_extract::sentence::sentences;
//!
//! let text = "قصفت قوات النظام بلدة السخنة. وقبل أيام، قتل عنصران؛ ولم تعلق الفصائل\nخبر آخر";
//! let spans: Vec<&str> = sentences(text).map(|r| &text[r]).collect();
//! assert_eq!(spans, ["قصفت قوات النظام بلدة السخنة.", "وقبل أيام، قتل عنصران؛", "ولم تعلق الفصائل", "خبر آخر"]);
//! ```

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The sentences of `text` as byte ranges, in order, without surrounding white space.
/// Empty sentences are skipped.
pub fn sentences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split_sentence_bound_indices()
        .flat_map(|(offset, sentence)| {
            sentence
                .split_inclusive(['\n', '؟', '؛'])
                .scan(offset, |pos, piece| {
                    let start = *pos;
                    *pos += piece.len();
                    Some((start, piece))
                })
        })
        .filter_map(|(start, piece)| {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            (!trimmed.is_empty()).then(|| start + lead..start + lead + trimmed.len())
        })
}
