//! Where to cut a long text into blocks that are extracted one after another: at a
//! paragraph break where the text has one, so that a block holds whole paragraphs.

/// The end of the block of `text` that starts at byte `start` and holds at most
/// `max` bytes: the whole rest when it fits; otherwise a cut in the second half of
/// those `max` bytes, after the last blank line there, else after the last line break,
/// else after the last sentence end ("." "!" "?" "؟" "؛" and a space), else after the
/// last space, else at the last character boundary.
///
/// A block is never empty, whatever `max` is (at least one character), and every block
/// but the last holds at least half of `max` bytes, so cutting a text is linear in
/// its length. A line break ends a sentence ([`sentences`](super::sentences)), so a cut
/// at one of the first three kinds splits no sentence.
///
/// ```
/// use syria_extract::sentence::block_end;
///
/// let text = "قصفت قوات النظام بلدة السخنة.\n\nخرجت مظاهرة في مدينة إدلب.\n";
/// let first = block_end(text, 0, 60);
/// assert_eq!(&text[..first], "قصفت قوات النظام بلدة السخنة.\n\n");
/// assert_eq!(block_end(text, first, 60), text.len());
/// ```
///
/// # Panics
///
/// If `start` is past the end of `text` or not at a character boundary.
#[must_use]
pub fn block_end(text: &str, start: usize, max: usize) -> usize {
    assert!(
        text.is_char_boundary(start),
        "block start {start} is not a character boundary"
    );
    if text.len() - start <= max {
        return text.len();
    }
    let mut limit = start + max;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    if limit <= start {
        // Fewer bytes than one character: the character alone.
        return text[start..]
            .chars()
            .next()
            .map_or(text.len(), |c| start + c.len_utf8());
    }
    // Backing up to a character boundary may pass the middle (a 4-byte character).
    let floor = (start + max / 2).min(limit);
    let window = &text.as_bytes()[floor..limit];
    // Positions found below are of ASCII bytes, which are never inside a multi-byte
    // character, so every cut after one is a character boundary.
    let after = |i: usize| floor + i + 1;
    if let Some(i) = last_blank_line(window) {
        return after(i);
    }
    if let Some(i) = window.iter().rposition(|&b| b == b'\n') {
        return after(i);
    }
    let ends_sentence = |i: usize| {
        let before = &text.as_bytes()[..floor + i];
        matches!(before.last(), Some(b'.' | b'!' | b'?'))
            || before.ends_with("؟".as_bytes())
            || before.ends_with("؛".as_bytes())
    };
    let spaces = |b: &u8| matches!(b, b' ' | b'\t' | b'\r');
    let mut last_space = None;
    for (i, b) in window.iter().enumerate().rev() {
        if !spaces(b) {
            continue;
        }
        if ends_sentence(i) {
            return after(i);
        }
        last_space.get_or_insert(i);
    }
    last_space.map_or(limit, after)
}

/// The last line break of `window` that ends a blank line: a line break, then only
/// spaces, tabs or carriage returns, then this one.
fn last_blank_line(window: &[u8]) -> Option<usize> {
    let mut end = window.len();
    while let Some(i) = window[..end].iter().rposition(|&b| b == b'\n') {
        let before = &window[..i];
        let blank = before
            .iter()
            .rev()
            .take_while(|&&b| b != b'\n')
            .all(|b| matches!(b, b' ' | b'\t' | b'\r'));
        if blank && before.contains(&b'\n') {
            return Some(i);
        }
        end = i;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every block of `text` cut at `max`: (start, end) pairs.
    fn blocks(text: &str, max: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let end = block_end(text, start, max);
            assert!(end > start, "no progress at {start}");
            out.push((start, end));
            start = end;
        }
        out
    }

    #[test]
    fn cuts_prefer_paragraphs_then_lines_then_sentences_then_spaces() {
        let rows: &[(&str, usize, &str)] = &[
            // A blank line in the second half wins over a later line break.
            (
                "قصف عنيف على بلدة.\n\nقتل عنصران\nخبر",
                40,
                "قصف عنيف على بلدة.\n\n",
            ),
            // A blank line of spaces counts.
            (
                "قصف عنيف على بلدة.\n  \t\nقتل عنصران في",
                40,
                "قصف عنيف على بلدة.\n  \t\n",
            ),
            // Windows line ends.
            (
                "قصف عنيف على بلدة.\r\n\r\nقتل عنصران",
                40,
                "قصف عنيف على بلدة.\r\n\r\n",
            ),
            // No blank line: the last line break.
            (
                "قصف عنيف على بلدة\nقتل عنصران. ثم خبر",
                40,
                "قصف عنيف على بلدة\n",
            ),
            // No line break: after the last sentence end and its space.
            (
                "قصف عنيف على بلدة. قتل عنصران؟ ثم خبر آخر طويل",
                60,
                "قصف عنيف على بلدة. قتل عنصران؟ ",
            ),
            // No sentence end: after the last space.
            (
                "قصف عنيف على بلدة قتل عنصران ثم خبر آخر طويل",
                40,
                "قصف عنيف على بلدة قتل ",
            ),
        ];
        for &(text, max, first) in rows {
            let end = block_end(text, 0, max);
            assert_eq!(&text[..end], first, "{text:?} at {max}");
        }
    }

    #[test]
    fn a_cut_in_the_first_half_is_passed_over() {
        // The only blank line is too early: the cut falls at a later space instead, so
        // that blocks stay at least half of `max` long.
        let text = "خبر\n\nقصفت قوات النظام بلدة السخنة بريف حمص الشرقي صباح اليوم";
        let end = block_end(text, 0, 40);
        assert!(end >= 20, "{end}");
        assert!(text[..end].ends_with(' '), "{:?}", &text[..end]);
    }

    #[test]
    fn blocks_cover_the_text_at_character_boundaries() {
        let text = "قصفتقواتالنظامبلدةالسخنة".repeat(50);
        for max in [1, 2, 3, 5, 7, 64, 1000] {
            let cut = blocks(&text, max);
            assert_eq!(cut.first().map(|b| b.0), Some(0));
            assert_eq!(cut.last().map(|b| b.1), Some(text.len()));
            for w in cut.windows(2) {
                assert_eq!(w[0].1, w[1].0);
            }
            for &(s, e) in &cut[..cut.len() - 1] {
                assert!(text.is_char_boundary(e));
                // Without any break the cut is at the last character boundary.
                assert!(
                    e - s > max.saturating_sub(2) || e - s == 2,
                    "{max}: {s}..{e}"
                );
            }
        }
    }

    #[test]
    fn every_block_but_the_last_is_at_least_half_full() {
        let para = "قصفت قوات النظام بلدة السخنة بريف حمص الشرقي.\n\n";
        let text = format!("{}{}", para.repeat(40), "خبر ".repeat(300));
        let max = 300;
        let cut = blocks(&text, max);
        for &(s, e) in &cut[..cut.len() - 1] {
            assert!(e - s >= max / 2 && e - s <= max, "{s}..{e}");
        }
    }

    #[test]
    fn four_byte_characters_at_the_limit() {
        // The limit backs up past the middle of `max` to the boundary before the
        // emoji (found by the fuzzer with a 4-byte character in the second block).
        assert_eq!(block_end("a😀b", 0, 4), 1);
        assert_eq!(block_end("a😀b", 1, 4), 5);
        for max in 1..12 {
            let cut = blocks("x😀y𝟘z😀😀.", max);
            assert_eq!(cut.last().map(|b| b.1), Some("x😀y𝟘z😀😀.".len()));
        }
    }

    #[test]
    fn short_text_is_one_block() {
        assert_eq!(block_end("", 0, 10), 0);
        assert_eq!(block_end("خبر", 0, 6), 6);
        assert_eq!(block_end("خبر قصير", 4, 100), "خبر قصير".len());
    }
}
