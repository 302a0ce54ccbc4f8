//! Bounded resources: what building an extractor and extracting one document cost,
//! checked by sizes and counts, never by time.

use syria_extract::{Error, ErrorKind, Extractor};

const LOC: &str =
    "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance";

/// A locations file with one row per name (ids `u0`, `u1` ...), every row flagged
/// `ambiguous` so that generated homonyms load.
fn places(names: &[String]) -> String {
    let mut text = String::from(LOC);
    for (i, name) in names.iter().enumerate() {
        text.push_str(&format!(
            "\nu{i}\tvillage\tU{i}\t{name}\t\t\t\t\t\t\t\tambiguous\tmine"
        ));
    }
    text.push('\n');
    text
}

fn build(text: &str) -> Result<Extractor, Error> {
    Extractor::builder().add_str("mine.tsv", text).build()
}

/// Village names as a survey might list them: two words of Arabic letters, all
/// distinct, none a built-in spelling (they start with the rare pair "ظغ").
fn villages(count: usize) -> Vec<String> {
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

#[test]
fn the_default_extractor_runs_the_dfa() {
    let ex = Extractor::default();
    assert_eq!(ex.automaton_kind(), "dfa");
    assert!(
        ex.automaton_memory() < 64 << 20,
        "{}",
        ex.automaton_memory()
    );
}

/// A name longer than the cap is an error at its line, however long: a megabyte-long
/// name used to make the build run for ever, 8,000 letters took 5.8 s.
#[test]
fn names_past_the_cap_are_refused_with_their_line() {
    for len in [65, 8_000, 1 << 20] {
        let name = "ب".repeat(len);
        let text = places(&["حي التجربة".to_string(), name]);
        let err = build(&text).unwrap_err();
        assert_eq!((err.file(), err.line()), ("mine.tsv", Some(3)), "{len}");
        assert!(
            matches!(err.kind(), ErrorKind::NameTooLong { column: "name_ar", chars, max: 64 } if *chars == len),
            "{err}"
        );
    }
    // At the cap it loads, and is found.
    let name = "ب".repeat(64);
    let ex = build(&places(std::slice::from_ref(&name))).unwrap();
    assert_eq!(ex.extract(&format!("في {name} اليوم")).entities.len(), 1);
}

/// Names that end in a long run of one letter (which also begins a name) have
/// failure chains as long as the run: the DFA's construction walked them for every
/// state and letter. The build takes the NFA, whose size follows the names.
#[test]
fn self_overlapping_names_build_the_nfa_in_proportion() {
    let mut names: Vec<String> = villages(300)
        .into_iter()
        .map(|v| format!("{}{}", v.replace(' ', ""), "ب".repeat(48)))
        .collect();
    names.push("ب".repeat(64));
    let base = Extractor::default().automaton_memory();
    let ex = build(&places(&names)).unwrap();
    assert_eq!(ex.automaton_kind(), "nfa");
    let added: usize = names.iter().map(String::len).sum();
    let memory = ex.automaton_memory();
    // The NFA for the built-in names and these is smaller than the built-in DFA alone.
    assert!(memory < base, "{memory} bytes, the default DFA {base}");
    assert!(
        memory < 40 * (added + 100_000),
        "{memory} bytes for {added} bytes of names"
    );
    // And it finds them.
    let text = format!("وصلت القوات إلى {} صباحا", names[7]);
    let doc = ex.extract(&text);
    assert_eq!(doc.entities.len(), 1);
    assert_eq!(&*doc.entities[0].id, "u7");
}

/// 20,000 villages of a user's survey: a DFA over them and the built-in names would
/// take 124 MB (200,000 took 682 MB and more); the NFA takes a few.
#[test]
fn a_large_user_gazetteer_builds_a_small_automaton() {
    let names = villages(20_000);
    let ex = build(&places(&names)).unwrap();
    assert_eq!(ex.automaton_kind(), "nfa");
    assert!(
        ex.automaton_memory() < 16 << 20,
        "{}",
        ex.automaton_memory()
    );
    assert!(ex.pattern_count() > 20_000);
    let text = format!("قصفت قوات النظام قرية {} بريف حمص", names[12_345]);
    let ids: Vec<String> = ex
        .extract(&text)
        .entities
        .iter()
        .map(|e| e.id.to_string())
        .collect();
    assert!(ids.contains(&"u12345".to_string()), "{ids:?}");
}
