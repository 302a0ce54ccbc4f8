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
            if let Some(found) = fast::sentence_at(line, p) {
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

/// The same sentences without running the UAX #29 automaton, for the characters
/// Arabic news is written in.
///
/// UAX #29 breaks only after a terminator (".", "!", "?", "؟", "۔" …) with its closing
/// quotes and spaces, or after a paragraph separator; whether it breaks there depends
/// on the few characters around. So the sentence holding a position is found by
/// walking back and forth to the nearest breaks, deciding each terminator met by the
/// rules SB5–SB11 directly. Every character met must be one whose sentence-break class
/// is copied below (ASCII, Latin-1, the Arabic block, general punctuation); at any
/// other the caller falls back to `unicode-segmentation`. A test compares the two on
/// every copied character.
mod fast {
    /// Sentence-break classes of UAX #29 (`Sep` stands for CR and the separators too).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) enum Sb {
        Other,
        Upper,
        Lower,
        OLetter,
        Numeric,
        ATerm,
        STerm,
        Close,
        Sp,
        SContinue,
        /// Extend and Format: part of the character before them (SB5).
        Transparent,
        Sep,
    }

    /// Letters, digits and the space: never part of a break decision by themselves,
    /// and nearly every character of a sentence.
    #[inline]
    fn plain(c: char) -> bool {
        matches!(c as u32, 0x20 | 0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A | 0x621..=0x63A | 0x641..=0x64A)
    }

    /// The class of `c`, or `None` outside the copied ranges.
    ///
    /// Copied from the Unicode 16 SentenceBreakProperty table (as shipped in
    /// `unicode-segmentation`) for U+0000–U+00FF, U+0600–U+06FF, U+2000–U+206F.
    pub(super) fn class(c: char) -> Option<Sb> {
        use Sb::*;
        let u = c as u32;
        Some(match u {
            0x09 | 0x0B | 0x0C | 0x20 | 0xA0 => Sp,
            0x0A | 0x0D | 0x85 => Sep,
            0x21 | 0x3F => STerm,
            0x2E => ATerm,
            0x22 | 0x27..=0x29 | 0x5B | 0x5D | 0x7B | 0x7D | 0xAB | 0xBB => Close,
            0x2C | 0x2D | 0x3A | 0x3B => SContinue,
            0x30..=0x39 => Numeric,
            0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => Upper,
            0x61..=0x7A | 0xAA | 0xB5 | 0xBA | 0xDF..=0xF6 | 0xF8..=0xFF => Lower,
            0xAD => Transparent,
            0x00..=0xFF => Other,
            0x600..=0x605 | 0x660..=0x669 | 0x66B | 0x66C | 0x6DD | 0x6F0..=0x6F9 => Numeric,
            0x60C | 0x60D => SContinue,
            0x610..=0x61A | 0x61C | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6DC | 0x6DF..=0x6E4 => {
                Transparent
            }
            0x6E7 | 0x6E8 | 0x6EA..=0x6ED => Transparent,
            0x61D..=0x61F | 0x6D4 => STerm,
            0x620..=0x64A | 0x66E | 0x66F | 0x671..=0x6D3 | 0x6D5 | 0x6E5 | 0x6E6 => OLetter,
            0x6EE | 0x6EF | 0x6FA..=0x6FC | 0x6FF => OLetter,
            0x600..=0x6FF => Other,
            0x2000..=0x200A | 0x202F | 0x205F => Sp,
            0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F => Transparent,
            0x2013 | 0x2014 => SContinue,
            0x2018..=0x201F | 0x2039 | 0x203A | 0x2045 | 0x2046 => Close,
            0x2024 => ATerm,
            0x203C | 0x203D | 0x2047..=0x2049 => STerm,
            0x2028 | 0x2029 => Sep,
            0x2000..=0x206F => Other,
            _ => return None,
        })
    }

    /// The sentence around a position: `trimmed` is the sentence without surrounding
    /// white space (the position may fall on that white space), `raw_end` the break
    /// after it.
    pub(super) struct Found {
        pub trimmed: (usize, usize),
        pub raw_end: usize,
    }

    /// Where UAX #29 breaks after the terminator `term` ending at `j` (the position
    /// after its closing quotes and spaces), `Ok(None)` when it does not break there,
    /// `Err(())` at a character outside the copied table.
    fn break_after(line: &str, term_start: usize, j: usize, term: Sb) -> Result<Option<usize>, ()> {
        let mut k = j;
        let mut phase = Sb::Close;
        // Close* Sp*, with SB5's Extend and Format inside.
        let next = loop {
            let Some(c) = line[k..].chars().next() else {
                return Ok(Some(line.len()));
            };
            let cls = class(c).ok_or(())?;
            match (cls, phase) {
                (Sb::Transparent, _) | (Sb::Close, Sb::Close) => {}
                (Sb::Sp, _) => phase = Sb::Sp,
                _ => break cls,
            }
            k += c.len_utf8();
        };
        let immediate = line[j..k]
            .chars()
            .all(|c| class(c) == Some(Sb::Transparent));
        match next {
            // SB9/SB10: the separator joins the sentence; the break comes after it.
            Sb::Sep => return Ok(None),
            // SB8a.
            Sb::SContinue | Sb::ATerm | Sb::STerm => return Ok(None),
            _ => {}
        }
        if term == Sb::ATerm {
            // SB6: "3.5".
            if immediate && next == Sb::Numeric {
                return Ok(None);
            }
            // SB7: "U.S", "e.G".
            if immediate && next == Sb::Upper && cased_before(line, term_start)? {
                return Ok(None);
            }
            // SB8: a lower-case letter ahead, past anything but letters, separators
            // and terminators, continues the sentence.
            for c in line[k..].chars() {
                match class(c).ok_or(())? {
                    Sb::Lower => return Ok(None),
                    Sb::OLetter | Sb::Upper | Sb::Sep | Sb::ATerm | Sb::STerm => break,
                    _ => {}
                }
            }
        }
        Ok(Some(k))
    }

    /// Whether the character before `i`, past Extend and Format, is a cased letter.
    fn cased_before(line: &str, i: usize) -> Result<bool, ()> {
        for c in line[..i].chars().rev() {
            match class(c).ok_or(())? {
                Sb::Transparent => {}
                cls => return Ok(matches!(cls, Sb::Upper | Sb::Lower)),
            }
        }
        Ok(false)
    }

    /// The sentence of `line` (no line breaks) holding byte `p`, as
    /// [`super::sentences`] would find it; `None` at a character outside the table.
    pub(super) fn sentence_at(line: &str, p: usize) -> Option<Found> {
        let (start, end) = start_before(line, p).ok()?;
        let raw_end = match end {
            Some(end) => end,
            None => end_after(line, p).ok()?,
        };
        let piece = &line[start..raw_end];
        let lead = piece.len() - piece.trim_start().len();
        let (s, e) = (start + lead, start + lead + piece.trim().len());
        Some(Found {
            trimmed: (s, e),
            raw_end,
        })
    }

    /// The nearest break at or before `p`, and the break after `p` when `p` sits in
    /// the closing quotes and spaces of the terminator before it.
    fn start_before(line: &str, p: usize) -> Result<(usize, Option<usize>), ()> {
        let mut end = None;
        for (i, c) in line[..p].char_indices().rev() {
            if plain(c) {
                continue;
            }
            let j = i + c.len_utf8();
            match class(c).ok_or(())? {
                Sb::Sep => return Ok((j, end)),
                // Refinements: "؛" and "؟" always end a sentence.
                _ if c == '؛' => return Ok((j, end)),
                term @ (Sb::ATerm | Sb::STerm) => {
                    let uax = break_after(line, i, j, term)?;
                    if let Some(k) = uax.filter(|&k| k > p) {
                        // Only the nearest terminator's tail can reach past `p`.
                        end = end.or(Some(k));
                    }
                    let uax = uax.filter(|&k| k <= p);
                    if c == '؟' {
                        return Ok((uax.unwrap_or(j), end));
                    }
                    if let Some(k) = uax {
                        return Ok((k, end));
                    }
                }
                _ => {}
            }
        }
        Ok((0, end))
    }

    /// The nearest break after `p`.
    fn end_after(line: &str, p: usize) -> Result<usize, ()> {
        let mut i = p;
        while let Some(c) = line[i..].chars().next() {
            let j = i + c.len_utf8();
            if plain(c) {
                i = j;
                continue;
            }
            match class(c).ok_or(())? {
                Sb::Sep => return Ok(j),
                _ if c == '؛' || c == '؟' => return Ok(j),
                term @ (Sb::ATerm | Sb::STerm) => {
                    if let Some(k) = break_after(line, i, j, term)? {
                        return Ok(k);
                    }
                }
                _ => {}
            }
            i = j;
        }
        Ok(line.len())
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
            assert!(fast::class(c).is_some(), "{c:?} is in the copied ranges");
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
            assert!(fast::sentence_at(line, p).is_some(), "at {p}");
        }
        assert!(
            fast::sentence_at("قتل 3 عناصر。 و", 0).is_none(),
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
