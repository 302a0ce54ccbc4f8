//! Numbers as Arabic news writes them: digits (already ASCII after normalization) and
//! number words, including the vague ones ("عشرات", "عدة") that only give a lower bound.
//!
//! Every function here reads *normalized* text (see [`crate::normalize`]).

/// A number read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    /// The value, or the lower bound when `at_least` is set.
    pub value: u32,
    /// The text gives a lower bound only ("عشرات", "عدد من").
    pub at_least: bool,
    /// Byte range in the normalized text.
    pub start: usize,
    pub end: usize,
}

/// Number words, normalized. Feminine and masculine, nominative and oblique forms.
const WORDS: &[(&str, u32)] = &[
    ("واحد", 1),
    ("واحده", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثلاث", 3),
    ("ثلاثه", 3),
    ("اربع", 4),
    ("اربعه", 4),
    ("خمس", 5),
    ("خمسه", 5),
    ("ست", 6),
    ("سته", 6),
    ("سبع", 7),
    ("سبعه", 7),
    ("ثمان", 8),
    ("ثماني", 8),
    ("ثمانيه", 8),
    ("تسع", 9),
    ("تسعه", 9),
    ("عشر", 10),
    ("عشره", 10),
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("اربعون", 40),
    ("اربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ميه", 100),
    ("مايه", 100),
];

/// Words that give only a lower bound. The bounds are deliberately conservative: an
/// analyst summing fatalities should not count more than the text says.
const VAGUE: &[(&str, u32)] = &[
    ("عده", 3),
    ("بضعه", 3),
    ("بضع", 3),
    ("عشرات", 20),
    ("العشرات", 20),
    ("ميات", 200),
    ("الميات", 200),
];

pub(crate) use crate::matcher::is_word_char;

/// The next word at or after `pos` within `limit`: (start, end). Only spaces may lie
/// between `pos` and the word; any other character stops the search, so a number is
/// never read across punctuation.
pub(crate) fn next_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let rest = text.get(pos..)?;
    let skip = rest.len() - rest.trim_start_matches(' ').len();
    let start = pos + skip;
    let word = text.get(start..)?;
    let len: usize = word
        .chars()
        .take_while(|c| is_word_char(*c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some((start, start + len))
}

/// The word ending at or before `pos`, with only spaces between: (start, end).
pub(crate) fn prev_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let before = text.get(..pos)?;
    let end = before.trim_end_matches(' ').len();
    let word = text.get(..end)?;
    let len: usize = word
        .chars()
        .rev()
        .take_while(|c| is_word_char(*c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some((end - len, end))
}

/// Parses a whole word as a number word or a digit string.
pub(crate) fn word_value(word: &str) -> Option<(u32, bool)> {
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().map(|v| (v, false));
    }
    let bare = word.strip_prefix("ال").filter(|w| w.chars().count() > 2);
    for w in [Some(word), bare].into_iter().flatten() {
        if let Some((_, v)) = WORDS.iter().find(|(n, _)| *n == w) {
            return Some((*v, false));
        }
    }
    VAGUE
        .iter()
        .find(|(n, _)| *n == word)
        .map(|(_, v)| (*v, true))
}

/// Reads a number starting at `pos` (spaces allowed before it): digits ("18",
/// "الـ 48"), a number word, a compound ("خمسة عشر", "ثلاثة وعشرين"), or a vague
/// quantity ("عشرات", "عدد من").
pub(crate) fn number_at(text: &str, pos: usize) -> Option<Number> {
    let (mut start, mut end) = next_word(text, pos)?;
    let mut word = &text[start..end];
    // "الـ 48": the article written apart from the digits it determines.
    if word == "ال" {
        let (s, e) = next_word(text, end)?;
        if !text[s..e].bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        start = s;
        end = e;
        word = &text[s..e];
    }
    if word == "عدد" {
        let (s, e) = next_word(text, end)?;
        if &text[s..e] == "من" {
            return Some(Number {
                value: 2,
                at_least: true,
                start,
                end: e,
            });
        }
        return None;
    }
    let (mut value, at_least) = word_value(word)?;
    // Compounds: "خمسة عشر" (15), "ثلاثة وعشرين" (23).
    if !at_least && value < 10 {
        if let Some((s, e)) = next_word(text, end) {
            let next = &text[s..e];
            if next == "عشر" || next == "عشره" {
                value += 10;
                end = e;
            } else if let Some(tens) = next.strip_prefix('و') {
                if let Some((t, false)) = word_value(tens) {
                    if t >= 20 && t % 10 == 0 && t < 100 {
                        value += t;
                        end = e;
                    }
                }
            }
        }
    }
    Some(Number {
        value,
        at_least,
        start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(u32, bool)> {
        let norm = crate::normalize::normalize_str(text);
        number_at(&norm, 0).map(|n| (n.value, n.at_least))
    }

    #[test]
    fn numbers_table() {
        let rows: &[(&str, Option<(u32, bool)>)] = &[
            ("18 عنصرا", Some((18, false))),
            ("١٨ عنصرا", Some((18, false))),
            ("ثلاثة عناصر", Some((3, false))),
            ("خمسة عشر مدنيا", Some((15, false))),
            ("ثلاثة وعشرين شخصا", Some((23, false))),
            ("عشرات المدنيين", Some((20, true))),
            ("عدد من العناصر", Some((2, true))),
            ("الـ 48 ساعة", Some((48, false))),
            ("عدد كبير", None),
            ("قوات", None),
            ("", None),
        ];
        for (text, want) in rows {
            assert_eq!(read(text), *want, "{text}");
        }
    }

    /// A listed word that normalization changes can never match normalized text.
    #[test]
    fn word_lists_are_normalized() {
        for (w, _) in WORDS.iter().chain(VAGUE) {
            assert_eq!(crate::normalize::normalize_str(w), *w);
        }
    }

    #[test]
    fn words_around_a_position() {
        let t = "مقتل  عشرة، عناصر";
        let (s, e) = next_word(t, "مقتل".len()).unwrap();
        assert_eq!(&t[s..e], "عشرة");
        assert_eq!(next_word(t, e), None, "punctuation stops the search");
        let (s, e) = prev_word(t, s).unwrap();
        assert_eq!(&t[s..e], "مقتل");
    }
}
