//! What a word is, and how to step from a position to the next or previous word or
//! to the edge of a clause.
//!
//! Two ways of stepping are used, and both are defined here once ([`Step`]): across
//! spaces only, any number of them and any word length, where a number or a time
//! expression must not be read across punctuation; and across spaces and quotes, a
//! few of them and words of bounded length, where a cue word stands before a name
//! (`لـ“الدفاع الوطني”`) and the work per name must stay bounded on hostile text.

use once_cell::sync::Lazy;

/// `char::is_alphanumeric` for the Arabic block U+0600..U+06FF, computed once: the
/// general lookup is a binary search over Unicode tables, and Arabic text asks it for
/// nearly every character around a match.
static ARABIC_WORD: Lazy<[bool; 256]> = Lazy::new(|| {
    let mut table = [false; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        *slot = char::from_u32(0x0600 + i as u32).is_some_and(char::is_alphanumeric);
    }
    table
});

/// Whether `c` belongs to a word: letters and digits of any script.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    word_char_in(&ARABIC_WORD, c)
}

/// [`is_word_char`] with the Arabic table already at hand: a loop over a word reads
/// it once, not once per character.
#[inline]
fn word_char_in(arabic: &[bool; 256], c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        c.is_ascii_alphanumeric()
    } else if (0x0600..0x0700).contains(&u) {
        arabic[(u - 0x0600) as usize]
    } else {
        c.is_alphanumeric()
    }
}

/// How to step from a position to a neighbouring word: which characters may lie in
/// between, how many, and how long a word may be.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step {
    gap: Gap,
    max_gap: usize,
    max_word: usize,
}

/// What may lie between a position and the word next to it: a closed set, matched
/// in place (a function pointer here was an indirect call on every character).
#[derive(Debug, Clone, Copy)]
enum Gap {
    /// Spaces ([`is_space`]).
    Spaces,
    /// Spaces and quotes ([`is_quote_gap`]).
    Quotes,
}

impl Gap {
    #[inline]
    fn holds(self, c: char) -> bool {
        match self {
            Gap::Spaces => is_space(c),
            Gap::Quotes => is_quote_gap(c),
        }
    }
}

/// Across spaces only, unbounded: numbers and time expressions, which punctuation
/// ends.
pub(crate) const SPACED: Step = Step {
    gap: Gap::Spaces,
    max_gap: usize::MAX,
    max_word: usize::MAX,
};

/// Across up to four spaces and quotes, to a word of at most 24 characters: cue and
/// direction words around a name.
pub(crate) const QUOTED: Step = Step {
    gap: Gap::Quotes,
    max_gap: 4,
    max_word: 24,
};

fn is_space(c: char) -> bool {
    c == ' '
}

/// Separators between a cue and a name: spaces, quotes, brackets, hyphens.
fn is_quote_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '"' | '\'' | '“' | '”' | '«' | '»' | '„' | '‘' | '’' | '(' | ')' | '[' | ']' | '-'
    )
}

impl Step {
    /// The word starting right after `pos` across the gap: (start, end), or `None` when
    /// there is none within the limits.
    pub(crate) fn next(self, text: &str, pos: usize) -> Option<(usize, usize)> {
        let rest = text.get(pos..)?;
        let arabic = &*ARABIC_WORD;
        let mut start = pos;
        for (n, c) in rest.chars().enumerate() {
            if !self.gap.holds(c) {
                break;
            }
            if n >= self.max_gap {
                return None;
            }
            start += c.len_utf8();
        }
        let end = word_run_end(arabic, text, start, self.max_word)?;
        (start < end).then_some((start, end))
    }

    /// The word ending right before `pos` across the gap: (start, end).
    pub(crate) fn prev(self, text: &str, pos: usize) -> Option<(usize, usize)> {
        let before = text.get(..pos)?;
        let arabic = &*ARABIC_WORD;
        let mut end = pos;
        for (n, c) in before.chars().rev().enumerate() {
            if !self.gap.holds(c) {
                break;
            }
            if n >= self.max_gap {
                return None;
            }
            end -= c.len_utf8();
        }
        let start = word_run_start(arabic, text, end, self.max_word)?;
        (start < end).then_some((start, end))
    }

    /// Up to `n` words after `pos`, nearest first.
    pub(crate) fn after(self, text: &str, mut pos: usize, n: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.next(text, pos) {
                Some(w) => {
                    out.push(w);
                    pos = w.1;
                }
                None => break,
            }
        }
        out
    }

    /// Up to `n` words before `pos`, nearest first.
    pub(crate) fn before(self, text: &str, mut pos: usize, n: usize) -> Vec<&str> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.prev(text, pos) {
                Some((s, e)) => {
                    out.push(&text[s..e]);
                    pos = s;
                }
                None => break,
            }
        }
        out
    }
}

/// The start of the word containing `pos`, looking back over at most `max_chars`
/// word characters; `None` when the word starts further back.
pub(crate) fn word_start_within(text: &str, pos: usize, max_chars: usize) -> Option<usize> {
    word_run_start(&ARABIC_WORD, text, pos, max_chars)
}

/// The end of the run of word characters that starts at `from`, or `None` when it is
/// longer than `max` characters. Arabic letters are read as two bytes, without
/// decoding (most of the text these walks cross); other characters are decoded.
#[inline]
fn word_run_end(arabic: &[bool; 256], text: &str, from: usize, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut end, mut n) = (from, 0);
    while let Some(&lead) = bytes.get(end) {
        let (word, len) = if lead < 0x80 {
            (lead.is_ascii_alphanumeric(), 1)
        } else if (0xD8..=0xDB).contains(&lead) {
            // U+0600..U+06FF: 0xD8..0xDB, then a continuation byte.
            let next = bytes.get(end + 1).copied().unwrap_or(0);
            (
                arabic[usize::from(lead & 0x03) << 6 | usize::from(next & 0x3F)],
                2,
            )
        } else {
            let c = text
                .get(end..)
                .and_then(|r| r.chars().next())
                .unwrap_or(' ');
            (word_char_in(arabic, c), c.len_utf8())
        };
        if !word {
            break;
        }
        if n >= max {
            return None;
        }
        n += 1;
        end += len;
    }
    Some(end)
}

/// The start of the run of word characters that ends at `to`, or `None` when it is
/// longer than `max` characters (see [`word_run_end`]).
#[inline]
fn word_run_start(arabic: &[bool; 256], text: &str, to: usize, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut start, mut n) = (to, 0);
    while start > 0 {
        let last = bytes.get(start - 1).copied().unwrap_or(0);
        let lead = if start >= 2 {
            bytes.get(start - 2).copied().unwrap_or(0)
        } else {
            0
        };
        let (word, len) = if last < 0x80 {
            (last.is_ascii_alphanumeric(), 1)
        } else if last < 0xC0 && (0xD8..=0xDB).contains(&lead) {
            (
                arabic[usize::from(lead & 0x03) << 6 | usize::from(last & 0x3F)],
                2,
            )
        } else {
            let c = text
                .get(..start)
                .and_then(|r| r.chars().next_back())
                .unwrap_or(' ');
            (word_char_in(arabic, c), c.len_utf8())
        };
        if !word {
            break;
        }
        if n >= max {
            return None;
        }
        n += 1;
        start -= len;
    }
    Some(start)
}

/// Characters a clause does not cross: every character after which a sentence may
/// end, so a clause stays inside its sentence.
pub(crate) fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '؟'
            | '؛'
            | ';'
            | '\n'
            | '\r'
            | '\u{85}'
            | '\u{61D}'
            | '\u{61E}'
            | '۔'
            | '\u{2024}'
            | '‼'
            | '‽'
            | '⁇'
            | '⁈'
            | '⁉'
            | '\u{2028}'
            | '\u{2029}'
            | '。'
            | '！'
            | '？'
    )
}

/// The words of `text` in the order `chars` walks it (forward or backward), up to the
/// first character a clause does not cross. Words are maximal runs of letters and
/// digits; one pass over the characters.
pub(crate) fn clause_side<'a>(
    text: &'a str,
    mut chars: impl Iterator<Item = (usize, char)> + 'a,
) -> impl Iterator<Item = &'a str> + 'a {
    let mut stopped = false;
    let arabic = &*ARABIC_WORD;
    std::iter::from_fn(move || {
        if stopped {
            return None;
        }
        // Across the characters between words, to the first of a word.
        let (mut lo, mut hi) = loop {
            let Some((i, c)) = chars.next() else {
                stopped = true;
                return None;
            };
            if word_char_in(arabic, c) {
                break (i, i + c.len_utf8());
            }
            if ends_clause(c) {
                stopped = true;
                return None;
            }
        };
        // The span of the word, whichever way the walk goes.
        for (i, c) in chars.by_ref() {
            if !word_char_in(arabic, c) {
                stopped = ends_clause(c);
                return Some(&text[lo..hi]);
            }
            lo = lo.min(i);
            hi = hi.max(i + c.len_utf8());
        }
        stopped = true;
        Some(&text[lo..hi])
    })
}

/// The words of the clause around `span` (up to `n` each side, nearest first), before
/// and then after it. The event rules walk each side once for all their reads
/// (`event::specificity`); tests read a clause with this.
#[cfg(test)]
pub(crate) fn clause_words(
    text: &str,
    span: (usize, usize),
    n: usize,
) -> impl Iterator<Item = &str> {
    let before = text.get(..span.0).unwrap_or_default();
    let after = text.get(span.1..).unwrap_or_default();
    clause_side(before, before.char_indices().rev())
        .take(n)
        .chain(clause_side(after, after.char_indices()).take(n))
}

/// Whether a word starting at `later` follows a span ending at `earlier_end` closely
/// enough to qualify it: at most three words between, none with the conjunction و, no
/// clause end ("بادية السخنة شرقي حمص", "حي الخالدية بمدينة حمص"; not "حمص وقرية حاس").
pub(crate) fn closely_follows(text: &str, earlier_end: usize, later: usize) -> bool {
    let Some(gap) = text.get(earlier_end..later) else {
        return false;
    };
    // One pass that stops at the first thing ruling it out, so that two places far
    // apart (a sentence listing a thousand) cost no more than two close ones.
    let mut words = 0;
    let mut in_word = false;
    for c in gap.chars() {
        if ends_clause(c) {
            return false;
        }
        if !is_word_char(c) {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > 3 || c == 'و' {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_across_spaces_stop_at_punctuation() {
        let t = "مقتل  عشرة، عناصر";
        let (s, e) = SPACED.next(t, "مقتل".len()).unwrap();
        assert_eq!(&t[s..e], "عشرة");
        assert_eq!(SPACED.next(t, e), None, "punctuation stops the search");
        let (s, e) = SPACED.prev(t, s).unwrap();
        assert_eq!(&t[s..e], "مقتل");
    }

    #[test]
    fn steps_across_quotes_are_bounded() {
        // (text, position, expected next word)
        let rows: &[(&str, usize, Option<&str>)] = &[
            ("ل“الدفاع", "ل".len(), Some("الدفاع")),
            ("x “«“«“ y", 1, None),
            ("x (y", 1, Some("y")),
        ];
        for (text, pos, want) in rows {
            let got = QUOTED.next(text, *pos).map(|(s, e)| &text[s..e]);
            assert_eq!(got, *want, "{text}");
        }
        let long = format!("x {}", "ب".repeat(25));
        assert_eq!(QUOTED.next(&long, 1), None, "25 letters is no cue word");
        assert!(SPACED.next(&long, 1).is_some());
    }

    /// The clause walk written plainly over `char_indices`, to check `clause_side` by.
    fn plain_walk(text: &str, forward: bool, stop: fn(char) -> bool) -> Vec<&str> {
        let chars: Vec<(usize, char)> = if forward {
            text.char_indices().collect()
        } else {
            text.char_indices().rev().collect()
        };
        let mut words = Vec::new();
        let mut word: Option<(usize, usize)> = None;
        for (i, c) in chars {
            if is_word_char(c) {
                let (lo, hi) = word.get_or_insert((i, i + c.len_utf8()));
                *lo = (*lo).min(i);
                *hi = (*hi).max(i + c.len_utf8());
                continue;
            }
            if let Some((lo, hi)) = word.take() {
                words.push(&text[lo..hi]);
            }
            if ends_clause(c) || stop(c) {
                return words;
            }
        }
        words.extend(word.map(|(lo, hi)| &text[lo..hi]));
        words
    }

    #[test]
    fn clause_sides_are_the_words_a_plain_walk_reads() {
        let comma = |c: char| c == '،';
        let texts = [
            "",
            " ",
            "قصفت",
            "قال المرصد. قصفت قوات النظام، وزعم الإعلام",
            "  x1 ٢٣ y  ",
            "a\u{10FFFF}b 東京 ب😀ج、د。ه",
            "\u{61C}كلمة\u{200F} أخرى؟ ثالثة",
            "ﻻ ﷲ ۝١ ّ ـ",
            "وقالت: «الهجوم»؛ ثم…",
        ];
        // And strings drawn from a pool of one- to four-byte characters, word and not.
        let pool: Vec<char> = "ab1 ،,.؟ قصف٣ّـ\u{85}東。😀\u{2029}ﻻ".chars().collect();
        let mut seed: u64 = 7;
        let drawn: Vec<String> = (0..2000)
            .map(|_| {
                (0..seed % 23)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        pool[(seed >> 33) as usize % pool.len()]
                    })
                    .collect()
            })
            .collect();
        for text in texts
            .iter()
            .copied()
            .chain(drawn.iter().map(String::as_str))
        {
            let got: Vec<&str> = clause_side(text, text.char_indices()).collect();
            assert_eq!(got, plain_walk(text, true, |_| false), "on {text:?}");
            let got: Vec<&str> = clause_side(text, text.char_indices().rev()).collect();
            assert_eq!(got, plain_walk(text, false, |_| false), "back {text:?}");
            let got: Vec<&str> =
                clause_side(text, text.char_indices().take_while(|&(_, c)| !comma(c))).collect();
            assert_eq!(got, plain_walk(text, true, comma), "on until {text:?}");
            let got: Vec<&str> = clause_side(
                text,
                text.char_indices().rev().take_while(|&(_, c)| !comma(c)),
            )
            .collect();
            assert_eq!(got, plain_walk(text, false, comma), "back until {text:?}");
        }
    }

    #[test]
    fn clause_words_stop_at_sentence_ends() {
        let t = "قال المرصد. قصفت قوات النظام، وزعم الإعلام";
        let at = t.find("قصفت").unwrap();
        let words: Vec<&str> = clause_words(t, (at, at + "قصفت".len()), 12).collect();
        assert_eq!(words, ["قوات", "النظام", "وزعم", "الإعلام"]);
    }

    /// The word runs as the characters read them, one at a time: what the byte walks
    /// of [`word_run_end`] and [`word_run_start`] must return.
    fn runs_by_chars(text: &str, at: usize, max: usize) -> (Option<usize>, Option<usize>) {
        let mut end = Some(at);
        for (n, c) in text[at..].chars().enumerate() {
            if !is_word_char(c) {
                break;
            }
            if n >= max {
                end = None;
                break;
            }
            end = end.map(|e| e + c.len_utf8());
        }
        let mut start = Some(at);
        for (n, c) in text[..at].chars().rev().enumerate() {
            if !is_word_char(c) {
                break;
            }
            if n >= max {
                start = None;
                break;
            }
            start = start.map(|s| s - c.len_utf8());
        }
        (end, start)
    }

    #[test]
    fn word_runs_at_the_edges_of_the_arabic_block() {
        // ׳ (U+05F3, punctuation) and ܐ (U+0710, a letter) are two-byte characters
        // either side of the block, whose low bits name a letter and a mark inside it;
        // U+0600 and U+06FF are its first and last; ـ (U+0640) is a letter, ، (U+060C)
        // is not.
        let text = "׳\u{600}ب\u{6FF}ܐx،ـ١׳ 😀a";
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for max in [0, 1, 2, 5, 64] {
                let arabic = &*ARABIC_WORD;
                let got = (
                    word_run_end(arabic, text, at, max),
                    word_run_start(arabic, text, at, max),
                );
                assert_eq!(got, runs_by_chars(text, at, max), "at {at}, max {max}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_runs_by_bytes_are_the_runs_by_characters(
            text in "[ابتـ،ةىءؤ ax9٣׳ܐ\u{6FF}é中😀.\"«]{0,40}",
            at in 0usize..200,
            max in 0usize..8,
        ) {
            let at = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let arabic = &*ARABIC_WORD;
            let got = (word_run_end(arabic, &text, at, max), word_run_start(arabic, &text, at, max));
            proptest::prop_assert_eq!(got, runs_by_chars(&text, at, max));
        }
    }
}
