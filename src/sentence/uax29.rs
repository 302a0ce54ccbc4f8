//! The same sentences without running the UAX #29 automaton, for the characters
//! Arabic news is written in.
//!
//! UAX #29 breaks only after a terminator (".", "!", "?", "؟", "۔" …) with its closing
//! quotes and spaces, or after a paragraph separator; whether it breaks there depends
//! on the few characters around. So the sentence holding a position is found by
//! walking back and forth to the nearest breaks, deciding each terminator met by the
//! rules SB5–SB11 directly. Every character met must be one whose sentence-break class
//! is copied below (ASCII, Latin-1, the Arabic block, general punctuation); at any
//! other the caller falls back to `unicode-segmentation`. A test compares the two on
//! every copied character.
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
