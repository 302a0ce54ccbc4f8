//! Made-up village names for the resource tests and `examples/build_report.rs`: the
//! same for every run, so sizes compare across runs.

/// Village names as a survey might list them: two words of Arabic letters, all
/// distinct, none a built-in spelling (they start with the rare pair "ظغ").
pub fn villages(count: usize) -> Vec<String> {
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطعغفقكلمنهوي".chars().collect();
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x as usize
    };
    let mut word =
        |len: usize| -> String { (0..len).map(|_| letters[next() % letters.len()]).collect() };
    (0..count)
        .map(|_| {
            let (a, b) = (word(4), word(5));
            format!("ظغ{a} {b}")
        })
        .collect()
}
