//! Sentence boundaries: Unicode sentence boundaries (UAX #29, via
//! `unicode-segmentation`) refined for Arabic news: a line break, "؟" and "؛" also end a
//! sentence. The Arabic comma "،" does not: news sentences chain clauses with it, and
//! an event's actors are often on the other side of one.
//!
//! The event stage only needs the sentences that hold a trigger; it finds each by
//! deciding the breaks next to it with the UAX #29 rules over a copied table of the
//! characters news is written in, and falls back to `unicode-segmentation` at any
//! other character. Tests check both give [`sentences`]' result.
//!
//! ```
//! use syria_extract::sentence::sentences;
//!
//! let text = "قصفت قوات النظام بلدة السخنة. وقبل أيام، قتل عنصران؛ ولم تعلق الفصائل\nخبر آخر";
//! let spans: Vec<&str> = sentences(text).map(|r| &text[r]).collect();
//! assert_eq!(spans, ["قصفت قوات النظام بلدة السخنة.", "وقبل أيام، قتل عنصران؛", "ولم تعلق الفصائل", "خبر آخر"]);
//! ```

use std::ops::Range;

use unicode_segmentation::{USentenceBoundIndices, UnicodeSegmentation};

mod blocks;
mod uax29;

pub use blocks::block_end;

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

/// The sentences of `text` that hold one of the sorted byte `positions`, in order and
/// each once: exactly those [`sentences`] would give, without segmenting the rest.
///
/// Segmentation costs more than the rest of the pipeline and only the sentences
/// around event triggers are needed, so the segmenter is restarted close before each
/// position instead of running over the whole text. A restart point must be a break
/// UAX #29 itself makes whatever precedes it: a line start, or a full stop, "!", "?",
/// "؟" or "۔" followed by spaces and an Arabic letter (the rules that could join the
/// two look back no further than the terminator and forward only at Latin letters,
/// digits and punctuation). The backward search for a restart point never passes text
/// already segmented, so the work stays linear in the text however many positions
/// there are.
pub(crate) fn sentences_around(text: &str, positions: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut next = 0;
    while next < positions.len() && line_start <= text.len() {
        // The lines before the one holding the next position hold none: skipped
        // unread (a long text has more lines without triggers than with).
        let pos = positions[next].min(text.len());
        if let Some(newline) = text.get(line_start..pos).and_then(|t| t.rfind('\n')) {
            line_start += newline + 1;
        }
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        // The segmenter over `line[base..]`, and how far it has read (line offsets).
        let mut pieces: Option<(usize, USentenceBoundIndices<'_>)> = None;
        let mut read = 0;
        while let Some(&pos) = positions.get(next) {
            if pos > line_end && line_end < text.len() {
                break;
            }
            let p = pos.saturating_sub(line_start).min(line.len());
            if p < read {
                next += 1;
                continue; // inside a piece already emitted
            }
            if let Some(found) = uax29::sentence_at(line, p) {
                let (start, end) = found.trimmed;
                if p < start {
                    read = start; // white space before the sentence
                } else {
                    if p < end {
                        out.push((line_start + start, line_start + end));
                    }
                    read = found.raw_end.max(p + 1);
                }
                next += 1;
                continue;
            }
            if let Some(restart) = restart_point(line, read, p) {
                pieces = Some((restart, line[restart..].split_sentence_bound_indices()));
            }
            let (base, iter) =
                pieces.get_or_insert_with(|| (0, line.split_sentence_bound_indices()));
            for (offset, piece) in iter.by_ref() {
                let start = *base + offset;
                read = start + piece.len();
                if read > p {
                    let held = positions[next..]
                        .iter()
                        .take_while(|&&q| q < line_start + read)
                        .count();
                    let held = &positions[next..next + held];
                    push_refined(&mut out, line_start + start, piece, held);
                    break;
                }
            }
            if read <= p {
                read = line.len() + 1; // the segmenter is spent
            }
        }
        line_start = line_end + 1;
    }
    out
}

/// The last position in `line[from..=to]` where UAX #29 breaks regardless of the text
/// before it: just after a sentence terminator, its spaces, and an Arabic letter.
fn restart_point(line: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = to.min(bytes.len());
    while i > from {
        i -= 1;
        let after = match bytes[i] {
            b'.' | b'!' | b'?' => i + 1,
            // "؟" is D8 9F and "۔" DB 94: the terminator's last byte.
            0x9F if i > 0 && bytes[i - 1] == 0xD8 => i + 1,
            0x94 if i > 0 && bytes[i - 1] == 0xDB => i + 1,
            _ => continue,
        };
        let spaces = bytes[after..]
            .iter()
            .take_while(|b| **b == b' ' || **b == b'\t')
            .count();
        let q = after + spaces;
        if spaces == 0 || q > to || q < from {
            continue;
        }
        let starts_letter = line[q..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}'));
        if starts_letter {
            return Some(q);
        }
    }
    None
}

/// Appends the sentences [`sentences`] makes of one UAX #29 piece (its trimmed,
/// non-empty parts split after line breaks, "؟" and "؛") that hold one of the sorted
/// `positions`.
fn push_refined(out: &mut Vec<(usize, usize)>, offset: usize, piece: &str, positions: &[usize]) {
    let mut pos = offset;
    for part in piece.split_inclusive(['\n', '؟', '؛']) {
        let lead = part.len() - part.trim_start().len();
        let (start, end) = (pos + lead, pos + lead + part.trim().len());
        let i = positions.partition_point(|&q| q < start);
        if start < end && positions.get(i).is_some_and(|&q| q < end) {
            out.push((start, end));
        }
        pos += part.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `sentences_around` must return: the full segmentation, filtered.
    fn expected(text: &str, positions: &[usize]) -> Vec<(usize, usize)> {
        sentences(text)
            .map(|r| (r.start, r.end))
            .filter(|&(s, e)| positions.iter().any(|&p| s <= p && p < e))
            .collect()
    }

    fn texts(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
        spans.iter().map(|&(s, e)| text[s..e].to_string()).collect()
    }

    #[test]
    fn only_sentences_holding_positions() {
        let text = "سطر أول. جملة ثانية\nسطر بلا شيء\nسطر ثالث. وجملة\n";
        let first = text.find("أول").unwrap();
        let last = text.find("وجملة").unwrap();
        let got = sentences_around(text, &[first, first + 2, last]);
        assert_eq!(texts(text, &got), ["سطر أول.", "وجملة"]);
        assert_eq!(got, expected(text, &[first, last]));
    }

    #[test]
    fn restart_points_are_real_breaks() {
        // A full stop between digits or before a Latin lower-case word is no break; before
        // an Arabic word after a space it is. Positions after each kind of stop.
        let text = "قتل عنصر في 3.5 كم من البلدة. e.g. قصف الطيران. وقال المرصد؟ نعم";
        let positions: Vec<usize> = ["كم", "e.g", "قصف", "وقال", "نعم"]
            .iter()
            .map(|w| text.find(w).unwrap())
            .collect();
        let got = sentences_around(text, &positions);
        assert_eq!(got, expected(text, &positions));
        assert_eq!(
            texts(text, &got),
            [
                "قتل عنصر في 3.5 كم من البلدة. e.g.",
                "قصف الطيران.",
                "وقال المرصد؟",
                "نعم"
            ]
        );
    }

    #[test]
    fn many_positions_in_one_long_sentence_stay_linear() {
        // No terminator anywhere: every position falls in the one sentence, found once.
        let text = "قصف الطيران ".repeat(50_000);
        let positions: Vec<usize> = (0..text.len())
            .step_by(23)
            .filter(|&p| text.is_char_boundary(p))
            .collect();
        let got = sentences_around(&text, &positions);
        assert_eq!(got, vec![(0, text.trim_end().len())]);
    }

    #[test]
    fn fast_path_agrees_with_unicode_segmentation_on_every_copied_character() {
        // Each character of the copied table in the contexts the break rules look at:
        // after a terminator, inside its closing quotes and spaces, before and after
        // the letter that decides it.
        let templates = [
            "قصف{} قال",
            "قصف.{} قال",
            "قصف. {}قال",
            "قصف.{}",
            "قصف!{} a",
            "U.{}S b",
            "U{}.S b",
            "x. {}y",
            "x.» {} y",
            "3.{}5 كم",
            "قصف\"{}. قال",
            "قال؟{} x",
            "قال؛ {}. x",
            "قصف. 3{}b",
            "{}. قال",
        ];
        let chars = (0x00..0x100u32)
            .chain(0x600..0x700)
            .chain(0x2000..0x2070)
            .filter_map(char::from_u32)
            .filter(|&c| c != '\n');
        for c in chars {
            assert!(uax29::class(c).is_some(), "{c:?} is in the copied ranges");
            for t in templates {
                let text = t.replace("{}", &c.to_string());
                for p in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                    assert_eq!(
                        sentences_around(&text, &[p]),
                        expected(&text, &[p]),
                        "{c:?} in {text:?} at {p}"
                    );
                }
            }
        }
    }

    #[test]
    fn arabic_news_takes_the_fast_path() {
        let line = "قال “المرصد السوري”: قتل 3 عناصر (من قوات النظام)، أمس. وقصفت الطائرات بلدة.";
        for p in [0, line.find("قتل").unwrap(), line.find("وقصفت").unwrap()] {
            assert!(uax29::sentence_at(line, p).is_some(), "at {p}");
        }
        assert!(
            uax29::sentence_at("قتل 3 عناصر。 و", 0).is_none(),
            "U+3002 is not in the table"
        );
    }

    /// Text from pieces that exercise every rule the restart points rely on.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "قصف",
            "الطيران",
            "بلدة",
            " ",
            "  ",
            "\t",
            ".",
            "!",
            "?",
            "؟",
            "؛",
            "۔",
            "،",
            "\n",
            "\r\n",
            "\"",
            "»",
            ")",
            "3",
            "٣",
            "e.g",
            "U.S",
            "word",
            "Word",
            "...",
            "\u{a0}",
            "ـ",
            "\u{2029}",
        ])
    }

    proptest! {
        // 1024 cases by default (they are cheap); PROPTEST_CASES for a longer search.
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1024)
        ))]
        #[test]
        fn equals_filtered_full_segmentation(
            pieces in prop::collection::vec(piece(), 0..60),
            picks in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            let text: String = pieces.concat();
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut positions: Vec<usize> = picks.iter().map(|i| bounds[i.index(bounds.len())]).collect();
            positions.sort_unstable();
            prop_assert_eq!(sentences_around(&text, &positions), expected(&text, &positions));
        }
    }
}
