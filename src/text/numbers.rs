//! Numbers as Arabic news writes them: digits (already ASCII after normalization) with
//! their group separators ("1,500", "١٬٥٠٠", "1.500", "1 500"), number words composed
//! the way Arabic composes them ("أحد عشر", "ثلاثمئة", "ثلاثة آلاف", "ألف وخمسمئة"),
//! digits with a scale word ("3 آلاف", "1.5 مليون", "71 ألفا و781"), and the vague
//! quantities ("عشرات", "عدة", "عشرات الآلاف") that only give a lower bound.
//!
//! The words are the lexicon's `number`, `number_scale` and `vague_number` classes;
//! the phrases that turn a number into a lower bound ("أكثر من", "على الأقل") are its
//! `lower_bound` and `lower_bound_after` classes. All arithmetic is checked: a number
//! that does not fit a `u32` is no number (`None`), never a wrapped one.
//!
//! Every function here reads *normalized* text (see [`crate::normalize`]).

use super::clitics::ARTICLE;
use super::words::SPACED;
use crate::lexicon::{ClassSet, LexValue, Lexicon, WordClass};

/// A number read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    /// The value, or the lower bound when `at_least` is set.
    pub value: u32,
    /// The text gives a lower bound only ("عشرات", "عدد من", "أكثر من 10").
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

/// The value of a number word, the article allowed for numbers above one
/// ("الخمسة"); "الأحد" is Sunday, not one.
fn number_word(word: &str, lex: &Lexicon) -> Option<u32> {
    number_word_in(word, lex.classes_of(word), lex)
}

/// [`number_word`] for a word whose classes (as written) are `classes`.
fn number_word_in(word: &str, classes: ClassSet, lex: &Lexicon) -> Option<u32> {
    if let Some(v) = classes
        .has(WordClass::Number)
        .then(|| count(lex.get(WordClass::Number, word)))
        .flatten()
    {
        return Some(v);
    }
    let bare = word
        .strip_prefix(ARTICLE)
        .filter(|w| w.chars().count() > 2)?;
    count(lex.get(WordClass::Number, bare)).filter(|&v| v > 1)
}

/// The multiplier of a scale word ("آلاف" 1000), the article allowed ("عشرات الآلاف").
fn scale_word(word: &str, lex: &Lexicon) -> Option<u32> {
    count(lex.get(WordClass::NumberScale, word)).or_else(|| {
        let bare = word.strip_prefix(ARTICLE)?;
        count(lex.get(WordClass::NumberScale, bare))
    })
}

/// Parses a whole word as a number word (the article allowed) or a digit string:
/// (value, at least).
pub(crate) fn word_value(word: &str, lex: &Lexicon) -> Option<(u32, bool)> {
    if is_digits(word) {
        return word.parse().ok().map(|v| (v, false));
    }
    if let Some(v) = number_word(word, lex) {
        return Some((v, false));
    }
    count(lex.get(WordClass::VagueNumber, word)).map(|v| (v, true))
}

fn is_digits(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// Characters that separate groups of three digits: "1,500", "١٬٥٠٠" (U+066C),
/// "1.500" and "1 500".
fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | '\u{066C}' | '.' | ' ')
}

/// A digit string with its groups and decimals: the digits without separators and
/// the number of decimal places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Digits {
    mantissa: u64,
    decimals: u32,
    end: usize,
}

/// Reads the digits starting at `start` (a word of digits): groups of three after a
/// separator ("1,500,000"; one separator throughout), or one decimal part after "."
/// or "٫" that is not a group of three ("1.5"). `None` on overflow.
fn digits_at(text: &str, start: usize) -> Option<Digits> {
    let bytes = text.as_bytes();
    let run = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let first = run(start);
    // More than 20 digits cannot fit a u64: no number, read no further.
    if first == 0 || first > 20 {
        return None;
    }
    let mut digits: String = text[start..start + first].to_string();
    let mut end = start + first;
    let mut separator: Option<char> = None;
    let mut decimals = 0;
    while let Some(c) = text[end..].chars().next() {
        let after = end + c.len_utf8();
        let n = run(after);
        let grouping = is_group_separator(c)
            && separator.is_none_or(|s| s == c)
            && n == 3
            && first <= 3
            && !text[after + n..].starts_with(|d: char| d.is_ascii_digit());
        if grouping {
            if digits.len() > 20 {
                return None;
            }
            separator = Some(c);
            digits.push_str(&text[after..after + n]);
            end = after + n;
            continue;
        }
        // A decimal part: only once, and never after groups.
        if matches!(c, '.' | '\u{066B}') && separator.is_none() && n > 0 {
            digits.push_str(&text[after..after + n]);
            decimals = u32::try_from(n).ok()?;
            end = after + n;
        }
        break;
    }
    let mantissa = digits.parse::<u64>().ok()?;
    Some(Digits {
        mantissa,
        decimals,
        end,
    })
}

/// `mantissa / 10^decimals * scale`, when it is a whole number that fits.
fn scaled(mantissa: u64, decimals: u32, scale: u64) -> Option<u64> {
    let den = 10u64.checked_pow(decimals)?;
    let product = mantissa.checked_mul(scale)?;
    (product % den == 0).then(|| product / den)
}

/// Where the number words have got to, which decides what may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// The group ends in a unit word with no tens yet ("ثلاثة", "مئة وخمسة").
    Unit,
    /// The group ends in tens, a teen or ten ("عشرون", "خمسة عشر").
    Tens,
    /// The group is whole hundreds ("ثلاثمئة").
    Hundreds,
    /// A scale closed the group ("ثلاثة آلاف"); smaller parts may follow after و.
    Scaled(u64),
    /// Digits ("1500"); only a scale may follow.
    Digits,
    /// A vague quantity ("عشرات"); only a scale may follow.
    Vague,
}

fn stage_of(v: u64) -> Stage {
    match v {
        0..=9 => Stage::Unit,
        10..=99 => Stage::Tens,
        _ => Stage::Hundreds,
    }
}

/// Reads a number starting at `pos` (spaces allowed before it): digits ("18",
/// "1,500", "الـ 48"), number words ("خمسة عشر", "ثلاثة وعشرين", "مئتا", "ألف
/// وخمسمئة"), digits or words with a scale ("3 آلاف", "71 ألفا و781"), or a vague
/// quantity of one or two words ("عشرات", "عدد من", "عشرات الآلاف").
pub(crate) fn number_at(text: &str, pos: usize, lex: &Lexicon) -> Option<Number> {
    let (mut start, mut end) = SPACED.next(text, pos)?;
    let mut word = &text[start..end];
    // "الـ 48": the article written apart from the digits it determines.
    if word == ARTICLE {
        let (s, e) = SPACED.next(text, end)?;
        if !is_digits(&text[s..e]) {
            return None;
        }
        start = s;
        end = e;
        word = &text[s..e];
    }
    // The group being read, the groups already scaled, and a pending fraction.
    let mut total: u64 = 0;
    let mut current: u64;
    let mut at_least = false;
    let mut fraction: Option<(u64, u32)> = None;
    let mut stage;
    // The phrase is looked up only when a vague quantity can end it.
    let two_words = SPACED
        .next(text, end)
        .filter(|&(s, e)| s == end + 1 && lex.may_end(WordClass::VagueNumber, &text[start..e]))
        .and_then(|(_, e)| count(lex.get(WordClass::VagueNumber, &text[start..e])).zip(Some(e)));
    // The word's classes, looked up once for the single-word readings below.
    let classes = lex.classes_of(word);
    let value = |class| {
        classes
            .has(class)
            .then(|| count(lex.get(class, word)))
            .flatten()
    };
    if let Some((v, e)) = two_words {
        // A vague quantity of two words; the gap between them is one space.
        current = u64::from(v);
        at_least = true;
        end = e;
        stage = Stage::Vague;
    } else if is_digits(word) {
        let d = digits_at(text, start)?;
        end = d.end;
        stage = Stage::Digits;
        if d.decimals == 0 {
            current = d.mantissa;
        } else {
            // "1.5" counts only with a scale after it ("1.5 مليون").
            fraction = Some((d.mantissa, d.decimals));
            current = 0;
        }
    } else if let Some(v) = number_word_in(word, classes, lex) {
        current = u64::from(v);
        stage = stage_of(current);
        // "ألفان", "مليونين": a scale in the dual is a whole group.
        if current >= 1000 {
            total = current;
            current = 0;
            stage = Stage::Scaled(if total >= 1_000_000 { 1_000_000 } else { 1000 });
        }
    } else if let Some(v) = value(WordClass::VagueNumber) {
        current = u64::from(v);
        at_least = true;
        stage = Stage::Vague;
    } else if let Some(s) = value(WordClass::NumberScale) {
        // "ألف شخص": a scale alone is one of it.
        total = u64::from(s);
        current = 0;
        stage = Stage::Scaled(u64::from(s));
    } else {
        return None;
    }
    while let Some((s, e)) = SPACED.next(text, end) {
        let next = &text[s..e];
        if let Some(scale) = scale_word(next, lex).map(u64::from) {
            let group = match (stage, fraction) {
                (Stage::Digits, Some((m, d))) => scaled(m, d, scale)?,
                (Stage::Unit | Stage::Tens | Stage::Hundreds | Stage::Digits | Stage::Vague, _) => {
                    current.checked_mul(scale)?
                }
                (Stage::Scaled(_), _) => break,
            };
            total = total.checked_add(group)?;
            current = 0;
            fraction = None;
            stage = Stage::Scaled(scale);
            end = e;
            continue;
        }
        if fraction.is_some() {
            break;
        }
        match stage {
            // The teens: a unit and the word for ten ("خمسة عشر", "اثنا عشر").
            Stage::Unit if number_word(next, lex) == Some(10) => {
                current = current.checked_add(10)?;
                stage = Stage::Tens;
                end = e;
                continue;
            }
            // "ثلاث مئة": a unit times a hundred.
            Stage::Unit if current < 10 && number_word(next, lex) == Some(100) => {
                current = current.checked_mul(100)?;
                stage = Stage::Hundreds;
                end = e;
                continue;
            }
            _ => {}
        }
        let Some(part) = next.strip_prefix('و') else {
            break;
        };
        let joined = match stage {
            // "ثلاثة وعشرين": units before tens.
            Stage::Unit => number_word(part, lex)
                .map(u64::from)
                .filter(|&t| (20..100).contains(&t) && t % 10 == 0 && current % 100 < 10),
            // "مئة وخمسون", "مئتين وثلاثة"
            Stage::Hundreds => number_word(part, lex)
                .map(u64::from)
                .filter(|&w| (1..100).contains(&w)),
            // "ألف وخمسمئة", "71 ألفا و781"
            Stage::Scaled(scale) => {
                let value = if is_digits(part) {
                    part.parse::<u64>().ok()
                } else {
                    number_word(part, lex).map(u64::from)
                };
                value.filter(|&w| w > 0 && w < scale && w < 1000)
            }
            Stage::Tens | Stage::Digits | Stage::Vague => None,
        };
        let Some(w) = joined else { break };
        current = current.checked_add(w)?;
        stage = if matches!(stage, Stage::Scaled(_)) || stage == Stage::Hundreds {
            stage_of(w)
        } else {
            Stage::Tens
        };
        end = e;
    }
    if fraction.is_some() {
        return None;
    }
    let value = u32::try_from(total.checked_add(current)?).ok()?;
    Some(Number {
        value,
        at_least,
        start,
        end,
    })
}

/// The start of a lower-bound phrase ("أكثر من", "ما لا يقل عن") ending right before
/// `pos`: up to four words, matched whole against the `lower_bound` class.
pub(crate) fn lower_bound_before(text: &str, pos: usize, lex: &Lexicon) -> Option<usize> {
    let mut from = pos;
    let mut best = None;
    for _ in 0..4 {
        let Some((s, _)) = SPACED.prev(text, from) else {
            break;
        };
        from = s;
        let phrase = text[s..pos].trim_end();
        if lex.contains(WordClass::LowerBound, phrase) {
            best = Some(s);
        }
    }
    best
}

/// The end of a lower-bound phrase ("على الأقل") starting right after `pos`: up to
/// three words, matched whole against the `lower_bound_after` class.
pub(crate) fn lower_bound_after(text: &str, pos: usize, lex: &Lexicon) -> Option<usize> {
    let (start, mut end) = SPACED.next(text, pos)?;
    for _ in 0..3 {
        if lex.contains(WordClass::LowerBoundAfter, &text[start..end]) {
            return Some(end);
        }
        end = SPACED.next(text, end)?.1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(u32, bool)> {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let norm = crate::normalize::normalize_str(text);
        number_at(&norm, 0, lex).map(|n| (n.value, n.at_least))
    }

    /// The number at the start of `text` and the text it covers.
    fn span(text: &str) -> Option<String> {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let norm = crate::normalize::normalize_str(text);
        number_at(&norm, 0, lex).map(|n| norm[n.start..n.end].to_string())
    }

    #[test]
    fn numbers_table() {
        let exact = |v| Some((v, false));
        let rows: &[(&str, Option<(u32, bool)>)] = &[
            // Digits, in both digit sets.
            ("18 عنصرا", exact(18)),
            ("١٨ عنصرا", exact(18)),
            ("الـ 48 ساعة", exact(48)),
            ("1500 قتيل", exact(1500)),
            // Digit groups: ",", "٬", "." and a space, all the groups read.
            ("1,500 قتلى", exact(1500)),
            ("١٬٥٠٠ قتلى", exact(1500)),
            ("1.500 قتلى", exact(1500)),
            ("1 500 قتيل", exact(1500)),
            ("2,450,000 نازح", exact(2_450_000)),
            // Not groups: a group of two digits, a first group of four, mixed separators.
            ("15.07.2015", None),
            ("2015 500", exact(2015)),
            ("1,500.000", exact(1500)),
            ("1.5 قتيل", None),
            // Units, tens and the teens.
            ("ثلاثة عناصر", exact(3)),
            ("أحد عشر مدنيا", exact(11)),
            ("إحدى عشرة امرأة", exact(11)),
            ("اثنا عشر عنصرا", exact(12)),
            ("اثني عشر شخصا", exact(12)),
            ("ثلاثة عشر قتيلا", exact(13)),
            ("خمسة عشر مدنيا", exact(15)),
            ("تسعة عشر جنديا", exact(19)),
            ("ثلاثة وعشرين شخصا", exact(23)),
            ("سبعة وتسعون", exact(97)),
            // Hundreds.
            ("مئة مدني", exact(100)),
            ("مائة مدني", exact(100)),
            ("مئتا شخص", exact(200)),
            ("مئتين وثلاثة وعشرين", exact(223)),
            ("ثلاثمئة عنصر", exact(300)),
            ("ثلاثمائة وخمسون", exact(350)),
            ("ثلاث مئة", exact(300)),
            ("مئة وخمسة عشر", exact(115)),
            // Thousands and millions.
            ("ألف شخص", exact(1000)),
            ("ألفا شخص", exact(2000)),
            ("ألفين", exact(2000)),
            ("ثلاثة آلاف قتيل", exact(3000)),
            ("أحد عشر ألفا", exact(11_000)),
            ("ألف وخمسمئة", exact(1500)),
            ("ثلاثة آلاف ومئتان", exact(3200)),
            ("3 آلاف مدني", exact(3000)),
            ("15 ألف", exact(15_000)),
            ("71 ألفا و781 مدنيا", exact(71_781)),
            ("1.5 مليون نازح", exact(1_500_000)),
            ("مليونا", exact(2_000_000)),
            // Vague quantities: a lower bound, flagged.
            ("عشرات المدنيين", Some((20, true))),
            ("عدد من العناصر", Some((2, true))),
            ("مئات", Some((200, true))),
            ("آلاف المدنيين", Some((2000, true))),
            ("عشرات الآلاف", Some((20_000, true))),
            ("مئات الآلاف من النازحين", Some((200_000, true))),
            // Overflow: no number, never a wrapped one.
            ("99999999999 شخص", None),
            ("4294967296", None),
            ("4294967295", exact(u32::MAX)),
            ("1,000,000,000,000,000,000,000,000 قتيل", None),
            ("5000 مليون", None),
            ("999999 مليون", None),
            // "الأحد" is Sunday.
            ("الأحد", None),
            ("الخمسة", exact(5)),
            ("عدد كبير", None),
            ("قوات", None),
            ("", None),
        ];
        for (text, want) in rows {
            assert_eq!(read(text), *want, "{text}");
        }
    }

    #[test]
    fn a_number_ends_where_its_words_end() {
        let rows: &[(&str, &str)] = &[
            ("1,500 قتلى", "1,500"),
            ("ثلاثة آلاف ومئتان مدني", "ثلاثه الاف وميتان"),
            // "و5": another number, not a part of this one.
            ("ثلاثة و5 جرحى", "ثلاثه"),
            ("خمسة وعشرة", "خمسه"),
        ];
        for (text, want) in rows {
            assert_eq!(span(text).as_deref(), Some(*want), "{text}");
        }
    }

    #[test]
    fn lower_bounds_around_a_number() {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        // (text, the number's text, expected: bound before, bound after)
        let rows: &[(&str, &str, bool, bool)] = &[
            ("قتل أكثر من 20 مدنيا", "20", true, false),
            ("قتل ما لا يقل عن 260 مقاتلا", "260", true, false),
            ("قتل 5 على الأقل", "5", false, true),
            ("قتل من 20 مدنيا", "20", false, false),
            ("قتل 5 أشخاص", "5", false, false),
        ];
        for (text, number, before, after) in rows {
            let norm = crate::normalize::normalize_str(text);
            let s = norm.find(number).unwrap();
            let e = s + number.len();
            assert_eq!(
                lower_bound_before(&norm, s, lex).is_some(),
                *before,
                "{text}"
            );
            assert_eq!(lower_bound_after(&norm, e, lex).is_some(), *after, "{text}");
        }
    }
}
