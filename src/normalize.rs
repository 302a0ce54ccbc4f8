//! Arabic-aware normalization that keeps a map back to the original text.
//!
//! Gazetteer patterns and input text go through the same [`normalize`] function, so a
//! name written with diacritics, tatweel, another alef form or Persian letters still
//! matches. Every byte of the normalized text knows which original bytes it came from:
//! [`Normalized::original_range`] turns a span found in the normalized text back into
//! an exact span of the original.
//!
//! The rules (this table is their one description; the README links here):
//!
//! | rule | examples |
//! |---|---|
//! | drop harakat U+064B–U+065F, dagger alef U+0670, Quranic marks U+06D6–U+06ED | `دَيْر` → `دير` |
//! | drop tatweel U+0640 | `داعــش` → `داعش` |
//! | drop zero-width and bidi controls U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+061C, U+FEFF, and the soft hyphen U+00AD | `حم\u{200F}ص` → `حمص` |
//! | alef forms أ إ آ ٱ ٲ ٳ → ا | `إيران` → `ايران` |
//! | ى ئ → ي, ة → ه, ؤ → و | `سورية` → `سوريه` |
//! | Persian and Urdu letters ی ې → ي, ک ڪ → ك, ھ ہ ۃ → ه | `ایران` → `ايران` |
//! | presentation forms U+FB50–U+FDFF, U+FE70–U+FEFC and lam-alef ligatures → base letters (NFKC, then these rules) | `ﻻ` → `لا` |
//! | Arabic-Indic and Persian digits → ASCII | `٢٥` → `25` |
//! | any run of white space (NBSP, line breaks) → one space | `دير\n الزور` → `دير الزور` |
//! | letters → lowercase | `SY24` → `sy24` |
//!
//! Folding is lossy on purpose: real news writes ة/ه and ى/ي inconsistently. The
//! original text is never changed; only spans are mapped back to it.

use std::ops::Range;

use once_cell::sync::Lazy;
use unicode_normalization::UnicodeNormalization;

/// Normalizes `text` with the crate's Arabic rules and keeps the offset map.
///
/// # Example
///
/// ```
/// use syria_extract::normalize::normalize;
///
/// let original = "بريف دَيْر الزّور";
/// let norm = normalize(original);
/// assert_eq!(norm.as_str(), "بريف دير الزور");
///
/// // A span found in the normalized text maps back to exact original bytes.
/// let start = norm.as_str().find("دير").unwrap();
/// let end = norm.as_str().len();
/// let span = norm.original_range(start..end);
/// assert_eq!(&original[span], "دَيْر الزّور");
/// ```
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    out.reset(text);
    out
}

/// Normalizes `text` and returns only the normalized string.
///
/// This is what the matcher does to every gazetteer name; use it to prepare your own
/// lookup keys the same way.
///
/// ```
/// use syria_extract::normalize::normalize_str;
/// assert_eq!(normalize_str("الإيرانيّة"), "الايرانيه");
/// ```
pub fn normalize_str(text: &str) -> String {
    // Gazetteer names are mostly normalized already, or differ only by folds such as
    // أ → ا and ة → ه: those are built without an offset map.
    let bytes = text.as_bytes();
    let hot = &*HOT;
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    let mut run_start = 0;
    let mut pos = 0;
    loop {
        pos = plain_end(bytes, pos, &mut last_space, hot);
        let Some(to) = fold_at(bytes, pos, hot) else {
            break;
        };
        out.push_str(&text[run_start..pos]);
        out.push(to);
        last_space = false;
        pos += 2;
        run_start = pos;
    }
    if pos < text.len() {
        return normalize(text).into_string();
    }
    out.push_str(&text[run_start..]);
    out
}

/// The end of the run of characters from `start` that normalization keeps as they
/// are: plain ASCII (no capital, no white space but a space not after another) and the
/// Arabic letters `hot` marks [`PLAIN`] (U+0600..U+06FF, two bytes 110110xx 10xxxxxx).
/// `last_space` says the output so far ends in a space, before and after the run.
///
/// This is the hot loop of normalization: Arabic news is mostly such runs. It judges
/// each byte with the byte after it, by one look-up in [`HotPath::advance`] (a lead
/// byte with its continuation is one Arabic letter; an ASCII byte with what follows,
/// as a space before a space stops the run), eight bytes at a time and with no
/// bookkeeping. The text's last bytes go a character at a time.
#[inline(always)]
fn plain_end(bytes: &[u8], start: usize, last_space: &mut bool, hot: &HotPath) -> usize {
    let mut pos = start;
    if *last_space && bytes.get(pos) == Some(&b' ') {
        return pos;
    }
    // Eight bytes at a time, each judged with the byte after it alone: a lead or ASCII
    // byte by the character it starts, a continuation byte as fine (its lead was
    // judged). The eight look-ups do not wait on each other, where stepping from
    // character to character made each wait on the one before; the first byte that
    // stops the run starts a character, so the run ends there.
    while let Some(chunk) = bytes.get(pos..pos + 9) {
        let mut stops = 0u32;
        for (i, pair) in chunk.windows(2).enumerate() {
            let stop = hot.advance[usize::from(u16::from_le_bytes([pair[0], pair[1]]))] == 0;
            stops |= u32::from(stop) << i;
        }
        if stops != 0 {
            pos += stops.trailing_zeros() as usize;
            return plain_run_end(bytes, start, pos, last_space);
        }
        pos += 8;
    }
    while let Some(&[b, next]) = bytes.get(pos..pos + 2) {
        match hot.advance[usize::from(u16::from_le_bytes([b, next]))] {
            0 => return plain_run_end(bytes, start, pos, last_space),
            len => pos += usize::from(len),
        }
    }
    // The last byte of the text has no pair: the end of a letter whose lead was judged
    // (the eight-byte steps may stop between the two), or an ASCII byte; a space there
    // follows no space, or the pair before it would have stopped the run.
    if let Some(&last) = bytes.get(pos).filter(|_| pos + 1 == bytes.len()) {
        let ends_letter = last & 0xC0 == 0x80;
        if ends_letter || (last < 0x80 && hot.ascii[usize::from(last)] != SLOW) {
            pos += 1;
        }
    }
    plain_run_end(bytes, start, pos, last_space)
}

/// Ends the plain run `start..end` of [`plain_end`]: returns `end` and notes whether the
/// output now ends in a space.
#[inline(always)]
fn plain_run_end(bytes: &[u8], start: usize, end: usize, last_space: &mut bool) -> usize {
    if end > start {
        *last_space = bytes[end - 1] == b' ';
    }
    end
}

/// The letter the two-byte Arabic letter at `pos` folds to, keeping the byte length
/// (أ → ا, ة → ه), if it is one.
#[inline(always)]
fn fold_at(bytes: &[u8], pos: usize, hot: &HotPath) -> Option<char> {
    match bytes.get(pos..pos + 2) {
        Some(&[lead, next]) if lead & 0xFC == 0xD8 => {
            let i = arabic_index(lead, next);
            (hot.arabic[i] == FOLD).then_some(hot.fold[i])
        }
        _ => None,
    }
}

/// The index, in the tables of [`HotPath`], of the two-byte UTF-8 character of
/// U+0600..U+06FF that starts with `lead` (0xD8..=0xDB) and goes on with `next`.
#[inline(always)]
fn arabic_index(lead: u8, next: u8) -> usize {
    (usize::from(lead & 0x03) << 6) | usize::from(next & 0x3F)
}

/// A piece of the offset map: the normalized bytes from `norm` up to the next piece's
/// `norm` come from the original bytes `orig..orig_end`.
///
/// In a *linear* piece both sides have the same length and correspond byte for byte
/// (copied text, or folds that keep the UTF-8 length such as أ→ا, ة→ه, A→a), so one
/// piece covers whole runs of ordinary text. A non-linear piece is one original unit
/// (a ligature, an Arabic-Indic digit, a white-space run) whose output can only be
/// mapped as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    norm: usize,
    orig: usize,
    orig_end: usize,
    linear: bool,
}

/// Normalized text plus the map back to the original.
///
/// Created by [`normalize`]. The map costs one small entry per place where the
/// normalized text stops being a byte-for-byte copy (a dropped diacritic, a collapsed
/// white-space run), not one per byte.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    pieces: Vec<Piece>,
    original_len: usize,
    /// Byte ranges, in the original, of dropped combining marks that directly follow a
    /// kept character; a span ending on that character extends over them.
    marks: Vec<Range<usize>>,
}

/// What normalization does with one character.
enum Action {
    Keep,
    /// Dropped, and part of the preceding letter (harakat): spans ending on the letter
    /// include it.
    DropMark,
    /// Dropped on its own (tatweel, controls).
    Drop,
    Space,
    To(char),
    Decompose,
}

#[inline]
fn action(c: char) -> Action {
    match c {
        'A'..='Z' => Action::To(c.to_ascii_lowercase()),
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' => Action::Space,
        '\0'..='\u{7F}' => Action::Keep,
        // Common Arabic letters that stay as they are: the hot path for Arabic text.
        '\u{0627}'
        | '\u{0628}'
        | '\u{062A}'..='\u{063A}'
        | '\u{0641}'..='\u{0648}'
        | '\u{064A}' => Action::Keep,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => Action::DropMark,
        '\u{0640}'
        | '\u{061C}'
        | '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Action::Drop,
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => {
            Action::To('\u{0627}')
        }
        '\u{0649}' | '\u{0626}' | '\u{06CC}' | '\u{06D0}' => Action::To('\u{064A}'),
        '\u{0629}' | '\u{06BE}' | '\u{06C1}' | '\u{06C3}' => Action::To('\u{0647}'),
        '\u{0624}' => Action::To('\u{0648}'),
        '\u{06A9}' | '\u{06AA}' => Action::To('\u{0643}'),
        '\u{0660}'..='\u{0669}' => digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c as u32 - 0x06F0),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => Action::Decompose,
        _ if c.is_whitespace() => Action::Space,
        _ if c.is_uppercase() => Action::Decompose,
        _ => Action::Keep,
    }
}

/// Classes of [`HotPath`]: kept as it is.
const PLAIN: u8 = 0;
/// A space: kept unless the output already ends in one.
const SPACE: u8 = 1;
/// A two-byte Arabic letter that folds to another two-byte letter (أ → ا, ة → ه, ی → ي).
const FOLD: u8 = 2;
/// Anything else: the slow path, [`action`] on the whole character.
const SLOW: u8 = 3;

/// What [`Normalized::reset`] does, by table look-up, with ASCII and the two-byte
/// Arabic block, derived from [`action`] so that the rules stay in one place.
struct HotPath {
    /// The class of each ASCII byte: [`PLAIN`], [`SPACE`] or [`SLOW`].
    ascii: [u8; 128],
    /// The class of each code point U+0600..U+06FF by [`arabic_index`]: [`PLAIN`],
    /// [`FOLD`] or [`SLOW`].
    arabic: [u8; 256],
    /// The letter each [`FOLD`] code point becomes.
    fold: [char; 256],
    /// For the two bytes `[b, next]` at a position, indexed by
    /// `u16::from_le_bytes([b, next])`: the length of the plain character starting
    /// with `b`, 0 when it is not plain (or is a space before a space); 1 for a
    /// continuation byte `b`, which is judged with its lead.
    advance: [u8; 1 << 16],
}

static HOT: Lazy<HotPath> = Lazy::new(|| {
    let mut hot = HotPath {
        ascii: [SLOW; 128],
        arabic: [SLOW; 256],
        fold: ['\0'; 256],
        advance: [0; 1 << 16],
    };
    for (b, class) in (0u8..).zip(hot.ascii.iter_mut()) {
        *class = match (b, action(char::from(b))) {
            (b' ', Action::Space) => SPACE,
            (_, Action::Keep) => PLAIN,
            _ => SLOW,
        };
    }
    for (i, c) in (0x600..0x700).filter_map(char::from_u32).enumerate() {
        match action(c) {
            Action::Keep => hot.arabic[i] = PLAIN,
            Action::To(to) if to.len_utf8() == 2 => {
                hot.arabic[i] = FOLD;
                hot.fold[i] = to;
            }
            _ => {}
        }
    }
    for b in 0..0x80u8 {
        for next in 0..=0xFFu8 {
            let plain = match hot.ascii[usize::from(b)] {
                PLAIN => true,
                SPACE => next != b' ',
                _ => false,
            };
            hot.advance[usize::from(u16::from_le_bytes([b, next]))] = u8::from(plain);
        }
    }
    // A continuation byte is judged with its lead (see `plain_end`); the walk a
    // character at a time reads these only to step over the second byte of a letter
    // where an eight-byte step ended between its two bytes.
    for cont in 0x80..=0xBFu8 {
        for next in 0..=0xFFu8 {
            hot.advance[usize::from(u16::from_le_bytes([cont, next]))] = 1;
        }
    }
    for lead in 0xD8..=0xDBu8 {
        for next in 0x80..=0xBFu8 {
            if hot.arabic[arabic_index(lead, next)] == PLAIN {
                hot.advance[usize::from(u16::from_le_bytes([lead, next]))] = 2;
            }
        }
    }
    hot
});

fn digit(value: u32) -> Action {
    // `value` is 0..=9 by construction of the match arms above.
    Action::To(char::from_digit(value, 10).unwrap_or('0'))
}

impl Normalized {
    /// Normalizes `text` into `self`, reusing its buffers.
    ///
    /// Use this in a loop over many documents to avoid allocating per document.
    ///
    /// ```
    /// use syria_extract::normalize::Normalized;
    /// let mut buf = Normalized::default();
    /// for doc in ["حمص", "حماة"] {
    ///     buf.reset(doc);
    ///     assert!(!buf.as_str().is_empty());
    /// }
    /// assert_eq!(buf.as_str(), "حماه");
    /// ```
    pub fn reset(&mut self, text: &str) {
        self.text.clear();
        self.pieces.clear();
        self.marks.clear();
        self.original_len = text.len();
        self.text.reserve(text.len());
        let bytes = text.as_bytes();
        let hot = &*HOT;
        let mut last_space = false;
        let mut last_kept_end = usize::MAX;
        // Bytes from `run_start` to `pos` are copied unchanged; they are appended in one
        // go when a character needs work. Folds keep the byte length, so from
        // `linear_start` to `pos` the map stays linear: one piece, recorded when a
        // character of the slow path ends it.
        let mut run_start = 0;
        let mut linear_start = 0;
        let mut linear_norm = 0;
        let mut pos = 0;
        loop {
            pos = plain_end(bytes, pos, &mut last_space, hot);
            if pos == bytes.len() {
                break;
            }
            if let Some(to) = fold_at(bytes, pos, hot) {
                self.text.push_str(&text[run_start..pos]);
                self.text.push(to);
                last_space = false;
                pos += 2;
                run_start = pos;
                continue;
            }
            self.text.push_str(&text[run_start..pos]);
            if linear_start < pos {
                self.push_linear(linear_norm, linear_start, pos);
                last_kept_end = if last_space { usize::MAX } else { pos };
            }
            let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            self.push_slow(c, pos, &mut last_space, &mut last_kept_end);
            pos += c.len_utf8();
            run_start = pos;
            linear_start = pos;
            linear_norm = self.text.len();
        }
        self.text.push_str(&text[run_start..]);
        if linear_start < bytes.len() {
            self.push_linear(linear_norm, linear_start, bytes.len());
        }
    }

    /// The slow path of [`reset`](Normalized::reset): one character that is not plain
    /// ASCII, a kept Arabic letter or a same-length fold, at original offset `pos`.
    /// `last_space` says the output ends in a space; `last_kept_end` is where the last
    /// kept character ended in the original, so harakat after it join its span.
    #[inline]
    fn push_slow(&mut self, c: char, pos: usize, last_space: &mut bool, last_kept_end: &mut usize) {
        let len = c.len_utf8();
        match action(c) {
            Action::Keep => {
                self.push_char(c, pos, len);
                *last_space = false;
                *last_kept_end = pos + len;
            }
            Action::To(to) => {
                self.push_char(to, pos, len);
                *last_space = false;
                *last_kept_end = pos + len;
            }
            Action::Space => {
                if !*last_space {
                    self.push_char(' ', pos, len);
                    *last_space = true;
                }
                *last_kept_end = usize::MAX;
            }
            Action::DropMark => {
                if *last_kept_end == pos {
                    match self.marks.last_mut() {
                        Some(run) if run.end == pos => run.end = pos + len,
                        _ => self.marks.push(pos..pos + len),
                    }
                    *last_kept_end = pos + len;
                }
            }
            Action::Drop => {}
            Action::Decompose => {
                let before = self.text.len();
                self.push_decomposed(c, last_space);
                if self.text.len() > before {
                    self.pieces.push(Piece {
                        norm: before,
                        orig: pos,
                        orig_end: pos + len,
                        linear: false,
                    });
                    *last_kept_end = pos + len;
                }
            }
        }
    }

    /// Records that the normalized bytes from `norm` on (to the end of the text so
    /// far) correspond byte for byte to the original bytes `start..end`.
    fn push_linear(&mut self, norm: usize, start: usize, end: usize) {
        if let Some(last) = self.pieces.last_mut() {
            if last.linear && last.orig_end == start {
                last.orig_end = end;
                return;
            }
        }
        self.pieces.push(Piece {
            norm,
            orig: start,
            orig_end: end,
            linear: true,
        });
    }

    /// Appends the fold of a presentation form or a cased letter, applying the same
    /// rules to what it decomposes into (so ﻷ gives ا, not أ).
    fn push_decomposed(&mut self, c: char, last_space: &mut bool) {
        let expand = |c: char, out: &mut String, last_space: &mut bool| match action(c) {
            Action::Keep => {
                out.push(c);
                *last_space = false;
            }
            Action::To(to) => {
                out.push(to);
                *last_space = false;
            }
            Action::Space => {
                if !*last_space {
                    out.push(' ');
                    *last_space = true;
                }
            }
            Action::Drop | Action::DropMark => {}
            // Lowercase output and NFKC output contain no presentation forms, so this
            // does not recurse; keep the character rather than loop if one ever did.
            Action::Decompose => {
                out.push(c);
                *last_space = false;
            }
        };
        if c.is_uppercase() && !('\u{FB50}'..='\u{FEFC}').contains(&c) {
            for l in c.to_lowercase() {
                expand(l, &mut self.text, last_space);
            }
        } else {
            for d in std::iter::once(c).nfkc() {
                if d == c {
                    self.text.push(c);
                    *last_space = false;
                } else {
                    expand(d, &mut self.text, last_space);
                }
            }
        }
    }

    #[inline]
    fn push_char(&mut self, out: char, orig: usize, orig_len: usize) {
        let norm = self.text.len();
        self.text.push(out);
        let linear = out.len_utf8() == orig_len;
        if let Some(last) = self.pieces.last_mut() {
            if linear && last.linear && last.orig_end == orig {
                last.orig_end += orig_len;
                return;
            }
        }
        self.pieces.push(Piece {
            norm,
            orig,
            orig_end: orig + orig_len,
            linear,
        });
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Consumes `self` and returns the normalized text.
    pub fn into_string(self) -> String {
        self.text
    }

    /// Length in bytes of the original text this was built from.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    fn piece_at(&self, norm_pos: usize) -> Option<&Piece> {
        let idx = self.pieces.partition_point(|p| p.norm <= norm_pos);
        idx.checked_sub(1).and_then(|i| self.pieces.get(i))
    }

    /// Maps a normalized byte offset (a char boundary) to the original offset where
    /// the character at that position starts.
    ///
    /// Offsets at or past the end map to the end of the original text.
    pub fn original_start(&self, norm_pos: usize) -> usize {
        if norm_pos >= self.text.len() {
            return self.original_len;
        }
        match self.piece_at(norm_pos) {
            Some(p) if p.linear => p.orig + (norm_pos - p.norm),
            Some(p) => p.orig,
            None => 0,
        }
    }

    /// Maps a normalized end offset (exclusive, a char boundary) to the original
    /// offset where the character before it ends, including diacritics that sit on it.
    pub fn original_end(&self, norm_end: usize) -> usize {
        // Offsets past the end are the end, as in `original_start`: a caller's
        // out-of-range span must not map past the original text.
        let norm_end = norm_end.min(self.text.len());
        if norm_end == 0 {
            return self.original_start(0).min(self.original_len);
        }
        let end = match self.piece_at(norm_end - 1) {
            Some(p) if p.linear => p.orig + (norm_end - p.norm),
            Some(p) => p.orig_end,
            None => 0,
        };
        // Include the harakat written on the last letter: "الزُّوْر" is one word.
        let idx = self.marks.partition_point(|m| m.start < end);
        match self.marks.get(idx) {
            Some(m) if m.start == end => m.end,
            _ => end,
        }
    }

    /// Maps a span of the normalized text to the span of the original it came from.
    ///
    /// Both ends of the result lie on char boundaries of the original.
    ///
    /// ```
    /// use syria_extract::normalize::normalize;
    /// let original = "لـ“الدفاع الوطني”";
    /// let norm = normalize(original);
    /// let s = norm.as_str().find("الدفاع").unwrap();
    /// let e = s + "الدفاع الوطني".len();
    /// assert_eq!(&original[norm.original_range(s..e)], "الدفاع الوطني");
    /// ```
    pub fn original_range(&self, norm: Range<usize>) -> Range<usize> {
        let start = self.original_start(norm.start);
        let end = if norm.end <= norm.start {
            start
        } else {
            self.original_end(norm.end).max(start)
        };
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, normalized) rows, one per rule.
    const TABLE: &[(&str, &str)] = &[
        // harakat, shadda, sukun, tanween, dagger alef, Quranic marks
        ("دَيْر الزُّوْر", "دير الزور"),
        ("قُتِلَ", "قتل"),
        ("جنديًا", "جنديا"),
        ("هٰذا", "هذا"),
        ("الرحيم\u{06D6}", "الرحيم"),
        // tatweel
        ("داعــــش", "داعش"),
        ("لـ“الدفاع", "ل“الدفاع"),
        // alef forms
        ("أحرار إدلب آمنة ٱلقدس", "احرار ادلب امنه القدس"),
        // ى / ي and ة / ه
        ("على", "علي"),
        ("سورية", "سوريه"),
        ("حماة", "حماه"),
        // hamza carriers
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        // Persian and Urdu letters
        ("کوبانی", "كوباني"),
        ("ھ", "ه"),
        // presentation forms and lam-alef ligatures
        ("\u{FEFB}", "لا"),
        ("\u{FEF7}", "لا"),
        ("\u{FE8D}\u{FEDF}\u{FED8}\u{FEAA}\u{FEB3}", "القدس"),
        ("\u{FDF2}", "الله"),
        // digits
        ("الفرقة ٢٥", "الفرقه 25"),
        ("۱۷", "17"),
        // bidi and zero-width controls
        ("حم\u{200F}ص", "حمص"),
        ("\u{202B}درعا\u{202C}", "درعا"),
        ("إد\u{200B}لب\u{2067}", "ادلب"),
        ("\u{FEFF}حلب", "حلب"),
        ("ال\u{061C}رقة", "الرقه"),
        // white space runs, NBSP, line breaks
        ("دير\n\n  الزور", "دير الزور"),
        ("ريف\u{00A0}حمص", "ريف حمص"),
        ("a \t\r\n b", "a b"),
        // Latin case
        ("SY24", "sy24"),
        ("ÉTAT", "état"),
    ];

    #[test]
    fn rules_table() {
        for (input, want) in TABLE {
            assert_eq!(normalize_str(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn rules_are_idempotent_on_table() {
        for (input, _) in TABLE {
            let once = normalize_str(input);
            assert_eq!(normalize_str(&once), once, "input {input:?}");
        }
    }

    #[test]
    fn maps_spans_through_dropped_and_expanded_characters() {
        // (original, normalized needle, expected original slice)
        let rows: &[(&str, &str, &str)] = &[
            ("قال دَيْر الزُّوْر اليوم", "دير الزور", "دَيْر الزُّوْر"),
            ("في داعــش،", "داعش", "داعــش"),
            ("لـ“الدفاع الوطني”", "الدفاع الوطني", "الدفاع الوطني"),
            ("x \u{FEFB}ذقية", "لاذقيه", "\u{FEFB}ذقية"),
            ("الفرقة ٢٥ ", "الفرقه 25", "الفرقة ٢٥"),
            ("دير\n  الزور", "دير الزور", "دير\n  الزور"),
            ("حم\u{200F}ص", "حمص", "حم\u{200F}ص"),
        ];
        for (original, needle, want) in rows {
            let norm = normalize(original);
            let s = norm
                .as_str()
                .find(needle)
                .expect("needle in normalized text");
            let span = norm.original_range(s..s + needle.len());
            assert_eq!(&original[span], *want, "original {original:?}");
        }
    }

    #[test]
    fn copies_plain_text_in_one_piece() {
        let norm = normalize("بدأت الميليشيات حملة تمشيط جديدة");
        // ة→ه keeps the byte length, so the whole sentence is one linear piece.
        assert_eq!(norm.pieces.len(), 1);
    }

    #[test]
    fn offsets_past_the_end_map_to_the_end() {
        let original = "حمص abc";
        let norm = normalize(original);
        let len = original.len();
        assert_eq!(norm.original_range(3..100), 3..len);
        assert_eq!(norm.original_range(0..usize::MAX), 0..len);
        assert_eq!(norm.original_range(usize::MAX..usize::MAX), len..len);
        assert_eq!(norm.original_end(usize::MAX), len);
    }

    #[test]
    fn empty_and_mark_only_input() {
        let norm = normalize("");
        assert_eq!(norm.as_str(), "");
        assert_eq!(norm.original_range(0..0), 0..0);
        let marks = "\u{064E}".repeat(1000);
        let norm = normalize(&marks);
        assert_eq!(norm.as_str(), "");
        assert_eq!(norm.original_start(0), marks.len());
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Strings dense in what normalization touches: Arabic letters and their
        /// variants, marks, tatweel, controls, white space, digits, presentation forms.
        fn arabicish() -> impl Strategy<Value = String> {
            let pieces = prop_oneof![
                "[\u{0621}-\u{064A}]{1,6}",
                "[\u{064B}-\u{065F}\u{0670}\u{0640}]{1,3}",
                "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}]",
                "[ \t\n\u{00A0}\u{2028}]{1,3}",
                "[\u{0660}-\u{0669}\u{06F0}-\u{06F9}0-9]{1,3}",
                "[\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFC}]",
                "[A-Za-z\u{00C0}-\u{024F}\u{0130}]{1,4}",
                any::<char>().prop_map(|c| c.to_string()),
            ];
            proptest::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn the_string_alone_is_the_normalized_text(text in arabicish()) {
                // normalize_str copies plain text without the offset map.
                prop_assert_eq!(normalize_str(&text), normalize(&text).into_string());
            }

            #[test]
            fn idempotent(text in arabicish()) {
                let once = normalize_str(&text);
                prop_assert_eq!(normalize_str(&once), once);
            }

            #[test]
            fn spans_map_to_char_boundaries(text in arabicish(), a in any::<usize>(), b in any::<usize>()) {
                let norm = normalize(&text);
                let n = norm.as_str();
                let bounds: Vec<usize> = n.char_indices().map(|(i, _)| i).chain([n.len()]).collect();
                let (mut s, mut e) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                if s > e { std::mem::swap(&mut s, &mut e); }
                let r = norm.original_range(s..e);
                prop_assert!(r.start <= r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                // The original slice normalizes to (at least) what the span covered.
                if s < e {
                    let back = normalize_str(&text[r.clone()]);
                    prop_assert!(back.contains(n[s..e].trim()), "{:?} -> {:?} vs {:?}", &text[r], back, &n[s..e]);
                }
            }
        }
    }

    /// The hot path of `reset` (table look-ups, runs copied whole, folds inside a
    /// linear piece) against plain references that treat one character at a time.
    mod hot_path {
        use super::super::*;
        use proptest::prelude::*;

        /// `reset` as if no character were plain: the slow path for every character.
        fn char_by_char(text: &str) -> Normalized {
            let mut out = Normalized {
                original_len: text.len(),
                ..Normalized::default()
            };
            let (mut last_space, mut last_kept_end) = (false, usize::MAX);
            for (pos, c) in text.char_indices() {
                out.push_slow(c, pos, &mut last_space, &mut last_kept_end);
            }
            out
        }

        /// For each character of the normalized text, the original bytes of the
        /// character it comes from, and the end of the harakat written on that
        /// character; straight from [`action`], without the offset map.
        fn units(text: &str) -> Vec<(Range<usize>, usize)> {
            let mut units: Vec<(Range<usize>, usize)> = Vec::new();
            let mut last_space = false;
            // Whether the previous character gave output that harakat may join.
            let mut open = false;
            for (pos, c) in text.char_indices() {
                let end = pos + c.len_utf8();
                let out = match action(c) {
                    Action::Keep => c.to_string(),
                    Action::To(to) => to.to_string(),
                    Action::Space if last_space => String::new(),
                    Action::Space => " ".to_owned(),
                    Action::DropMark => {
                        // The harakat join every character of the unit they sit on.
                        let on = units.last().filter(|_| open).map(|u| u.0.clone());
                        for unit in units
                            .iter_mut()
                            .rev()
                            .take_while(|u| Some(&u.0) == on.as_ref())
                        {
                            unit.1 = end;
                        }
                        continue;
                    }
                    Action::Drop => {
                        open = false;
                        continue;
                    }
                    Action::Decompose => normalize_str(&c.to_string()),
                };
                if matches!(action(c), Action::Space) {
                    last_space = true;
                    open = false;
                } else if !out.is_empty() {
                    last_space = out.ends_with(' ');
                    open = true;
                }
                for _ in out.chars() {
                    units.push((pos..end, end));
                }
            }
            units
        }

        fn check(text: &str) -> Result<(), TestCaseError> {
            let norm = normalize(text);
            prop_assert_eq!(&norm, &char_by_char(text), "{:?}", text);
            prop_assert_eq!(normalize_str(text), norm.as_str());
            let units = units(text);
            let n = norm.as_str();
            prop_assert_eq!(units.len(), n.chars().count(), "{:?}", text);
            for ((at, c), (unit, with_marks)) in n.char_indices().zip(&units) {
                prop_assert_eq!(norm.original_start(at), unit.start, "{:?} at {}", text, at);
                let end = norm.original_end(at + c.len_utf8());
                prop_assert_eq!(end, *with_marks, "{:?} end of {}", text, at);
            }
            Ok(())
        }

        /// Text in the proportions of news with everything the hot path must tell
        /// apart: kept letters, folds, harakat, tatweel, capitals, white-space runs,
        /// digits, ligatures, controls, and two-, three- and four-byte characters.
        fn newsish() -> impl Strategy<Value = String> {
            let pieces = prop_oneof![
                4 => "[\u{0627}\u{0628}\u{062A}-\u{063A}\u{0641}-\u{0648}\u{064A}]{1,12}",
                2 => "[أإآٱةىئؤیکھ]",
                2 => "[\u{064B}-\u{0652}\u{0670}\u{0640}]{1,2}",
                3 => "[ \t\n\r\u{00A0}\u{2028}]{1,3}",
                3 => Just(" ".to_owned()),
                1 => "[A-Z][a-z]{0,5}",
                1 => "[0-9\u{0660}-\u{0669}\u{06F0}-\u{06F9}]{1,3}",
                1 => "[\u{FEFB}\u{FEF7}\u{FDF2}\u{FE8D}]",
                1 => "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{061C}\u{00AD}\u{FEFF}]",
                1 => "[«»،؛؟\u{0621}\u{067E}\u{06A9}\u{06D6}-\u{06ED}]",
                1 => "[“”–…\u{1D400}\u{1F600}ÉÀ]",
                1 => any::<char>().prop_map(|c| c.to_string()),
            ];
            proptest::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
        }

        #[test]
        fn rows() {
            for text in [
                "",
                " ",
                "  ",
                "أ",
                "ب",
                "a",
                "A",
                "\u{064E}",
                "بَ",
                " َ",
                "قال  المرصد\n\nإن ٢٥ مدنياً قُتلوا في ريف حماة.",
                "ـَ",
                "كتب «سوريا» ﻻ ﷲ 😀 𝐀 SY24",
            ] {
                check(text).unwrap();
            }
        }

        /// Plain runs of every length, so that the eight-byte steps of `plain_end` end
        /// at every offset, between the two bytes of a letter at the end of the text
        /// too, and before a fold, a space run and a slow character.
        #[test]
        fn runs_of_every_length() {
            for len in 0..40 {
                for lead in ["", " ", "a", "بَ"] {
                    let run = format!("{lead}{}", "ب".repeat(len));
                    for tail in ["", "ة", "  ", "\u{064E}", "a", "«"] {
                        check(&format!("{run}{tail}")).unwrap();
                        check(&format!("{run}{tail}{run}")).unwrap();
                    }
                }
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1024))]

            #[test]
            fn hot_path_matches_one_character_at_a_time(text in newsish()) {
                check(&text)?;
            }
        }
    }
}
