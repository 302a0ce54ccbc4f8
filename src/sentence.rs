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

/// The sentences of only those lines (paragraphs) of `text` that hold one of the
/// sorted byte `positions`. Segmentation costs more than the rest of the pipeline, and
/// only the sentences around event triggers are needed.
pub(crate) fn sentences_of_lines(text: &str, positions: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut next = 0;
    let mut line_start = 0;
    while next < positions.len() && line_start <= text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        if positions[next] < line_end || line_end == text.len() {
            let line = &text[line_start..line_end];
            out.extend(sentences(line).map(|r| (line_start + r.start, line_start + r.end)));
            while next < positions.len() && positions[next] <= line_end {
                next += 1;
            }
        }
        line_start = line_end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_with_positions_are_segmented() {
        let text = "سطر أول. جملة ثانية\nسطر بلا شيء\nسطر ثالث. وجملة\n";
        let third = text.find("سطر ثالث").unwrap();
        let got = sentences_of_lines(text, &[2, third + 20]);
        let texts: Vec<&str> = got.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(texts, ["سطر أول.", "جملة ثانية", "سطر ثالث.", "وجملة"]);
        let all: Vec<(usize, usize)> = sentences(text).map(|r| (r.start, r.end)).collect();
        assert!(got.iter().all(|s| all.contains(s)));
    }
}
