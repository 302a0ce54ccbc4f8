//! Numbers as Arabic news writes them: digits (already ASCII after normalization) and
//! number words, including the vague ones ("عشرات", "عدة") that only give a lower bound.
//! The words are the lexicon's `number` and `vague_number` classes.
//!
//! Every function here reads *normalized* text (see [`crate::normalize`]).

use super::clitics::ARTICLE;
use super::words::SPACED;
use crate::lexicon::{LexValue, Lexicon, WordClass};

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

fn count(v: Option<LexValue>) -> Option<u32> {
    match v {
        Some(LexValue::Count(n)) => Some(n),
        _ => None,
    }
}

/// Parses a whole word as a number word (the article allowed) or a digit string:
/// (value, at least).
pub(crate) fn word_value(word: &str, lex: &Lexicon) -> Option<(u32, bool)> {
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().map(|v| (v, false));
    }
    let bare = word.strip_prefix(ARTICLE).filter(|w| w.chars().count() > 2);
    for w in [Some(word), bare].into_iter().flatten() {
        if let Some(v) = count(lex.get(WordClass::Number, w)) {
            return Some((v, false));
        }
    }
    count(lex.get(WordClass::VagueNumber, word)).map(|v| (v, true))
}

/// Reads a number starting at `pos` (spaces allowed before it): digits ("18",
/// "الـ 48"), a number word, a compound ("خمسة عشر", "ثلاثة وعشرين"), or a vague
/// quantity of one or two words ("عشرات", "عدد من").
pub(crate) fn number_at(text: &str, pos: usize, lex: &Lexicon) -> Option<Number> {
    let (mut start, mut end) = SPACED.next(text, pos)?;
    let mut word = &text[start..end];
    // "الـ 48": the article written apart from the digits it determines.
    if word == ARTICLE {
        let (s, e) = SPACED.next(text, end)?;
        if !text[s..e].bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        start = s;
        end = e;
        word = &text[s..e];
    }
    if let Some((s, e)) = SPACED.next(text, end) {
        // A vague quantity of two words; the gap between them is one space.
        if s == end + 1 {
            if let Some(v) = count(lex.get(WordClass::VagueNumber, &text[start..e])) {
                return Some(Number {
                    value: v,
                    at_least: true,
                    start,
                    end: e,
                });
            }
        }
    }
    let (mut value, at_least) = word_value(word, lex)?;
    // Compounds: "خمسة عشر" (15), "ثلاثة وعشرين" (23).
    if !at_least && value < 10 {
        if let Some((s, e)) = SPACED.next(text, end) {
            let next = &text[s..e];
            // The teens: a unit and the word for ten ("خمسة عشر").
            if count(lex.get(WordClass::Number, next)) == Some(10) {
                value += 10;
                end = e;
            } else if let Some(tens) = next.strip_prefix('و') {
                if let Some((t, false)) = word_value(tens, lex) {
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
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let norm = crate::normalize::normalize_str(text);
        number_at(&norm, 0, lex).map(|n| (n.value, n.at_least))
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
            ("مئة مدني", Some((100, false))),
            ("عدد كبير", None),
            ("قوات", None),
            ("", None),
        ];
        for (text, want) in rows {
            assert_eq!(read(text), *want, "{text}");
        }
    }
}
