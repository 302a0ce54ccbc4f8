//! Properties of extraction on generated Arabic-heavy text (proptest, run by
//! `cargo test`; case counts are kept modest so debug builds stay fast).
//!
//! Generated text mixes known names (from the test gazetteer and the built-in one),
//! cue and direction words, clitics, Arabic letters, diacritics, tatweel, bidi and
//! zero-width controls, white space, punctuation, Latin letters and digits.

mod common;

use common::{build_fixture, check_spans, extractors, fixture, known_names};
use proptest::prelude::*;
use proptest::sample::select;
use syria_extract::normalize::{normalize, normalize_str};
use syria_extract::{Document, Extractor};

/// 128 cases per property; `PROPTEST_CASES=20000 cargo test --release --test properties`
/// for a longer search.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(128)
}

const CUES: &[&str] = &[
    "في",
    "مدينة",
    "بلدة",
    "قرية",
    "ريف",
    "بريف",
    "بادية",
    "محافظة",
    "ميليشيا",
    "قوات",
    "لواء",
    "منصة",
    "وكالة",
    "شرقي",
    "شمال",
    "الشرقي",
    "الغربي",
    "الشمالي",
    "لـ",
    "بـ",
    "وال",
    "لل",
    "دير",
    "أبو",
];
/// Words that name what follows as a place.
const PLACE_CUES: &[&str] = &["في", "قرية", "بلدة", "مدينة", "بريف", "قرى"];
const MARKS: &str =
    "\u{064B}\u{064C}\u{064D}\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0670}\u{0640}";

/// One piece of generated text.
fn piece() -> impl Strategy<Value = String> {
    let names = known_names();
    prop_oneof![
        4 => select(names.clone()),
        // Most names are villages, which count only where the text names them as
        // places ("قرية X"): a cue word before a name keeps mentions frequent.
        3 => (select(PLACE_CUES), select(names)).prop_map(|(cue, name)| format!("{cue} {name}")),
        2 => select(CUES).prop_map(str::to_string),
        3 => "[\u{0621}-\u{063A}\u{0641}-\u{064A}]{1,5}",
        2 => "[\u{064B}-\u{0652}\u{0670}\u{0640}]{1,3}",
        1 => "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{061C}\u{FEFF}\u{00AD}]",
        4 => "[ \n\t\u{00A0}]{1,2}",
        2 => "[.,،؛:!؟\"'«»“”()\\[\\]<>&;/-]{1,2}",
        1 => "[A-Za-z]{1,4}",
        1 => "[0-9\u{0660}-\u{0669}]{1,3}",
        1 => "[\u{FEF5}-\u{FEFC}\u{FE8D}-\u{FEAA}\u{FDF0}-\u{FDFB}]",
    ]
}

fn arabic_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..32).prop_map(|v| v.concat())
}

/// A second, separately built fixture extractor: results must not depend on which
/// build of the same data is used (no hash-order or address dependence).
fn rebuilt() -> &'static Extractor {
    static CELL: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    CELL.get_or_init(build_fixture)
}

fn ids(doc: &Document) -> Vec<String> {
    doc.entities.iter().map(|e| e.id.to_string()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Every span lies on char boundaries of the original, `&text[start..end]` is the
    /// reported text, and mentions neither overlap nor come out of order.
    #[test]
    fn spans_are_exact_slices_and_do_not_overlap(text in arabic_text()) {
        for ex in extractors() {
            check_spans(&text, &ex.extract(&text));
        }
    }

    /// Same input, same result: across calls, across builds of the extractor, and
    /// across threads sharing one extractor.
    #[test]
    fn results_are_deterministic(text in arabic_text()) {
        let ex = fixture();
        let first = ex.extract(&text);
        prop_assert_eq!(&first, &ex.extract(&text));
        prop_assert_eq!(&first, &rebuilt().extract(&text));
        let text = &text;
        let from_threads: Vec<Document> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4).map(|_| s.spawn(move || ex.extract(text))).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for doc in from_threads {
            prop_assert_eq!(&first, &doc);
        }
    }

    /// Normalizing twice changes nothing more than normalizing once.
    #[test]
    fn normalization_is_idempotent(text in arabic_text()) {
        let once = normalize_str(&text);
        prop_assert_eq!(normalize_str(&once), once.clone());
        // And a normalized text maps onto itself span for span.
        let norm = normalize(&once);
        prop_assert_eq!(norm.as_str(), once.as_str());
        prop_assert_eq!(norm.original_range(0..once.len()), 0..once.len());
    }

    /// Diacritics and tatweel written inside a known name do not stop it from being
    /// found, and the mention's text is the decorated name exactly.
    #[test]
    fn decorated_names_are_still_found(
        name in select(known_names()),
        inserts in proptest::collection::vec((any::<prop::sample::Index>(), select(MARKS.chars().collect::<Vec<_>>())), 1..6),
        context in select(&[("في ", "،"), ("", ""), ("قال «", "» أمس"), ("\n", ".\n")][..]),
    ) {
        let chars: Vec<char> = name.chars().collect();
        prop_assume!(chars.len() >= 2);
        // Insert only strictly inside the name, after one of its characters.
        let mut decorated: Vec<Vec<char>> = chars.iter().map(|c| vec![*c]).collect();
        for (at, mark) in &inserts {
            let i = at.index(chars.len() - 1);
            decorated[i].push(*mark);
        }
        let decorated: String = decorated.into_iter().flatten().collect();
        let (before, after) = context;
        for ex in extractors() {
            let plain_text = format!("{before}{name}{after}");
            let plain = ex.extract(&plain_text);
            let text = format!("{before}{decorated}{after}");
            let doc = ex.extract(&text);
            check_spans(&text, &doc);
            prop_assert_eq!(ids(&plain), ids(&doc), "{:?} vs {:?}", plain_text, text);
            // Where the plain name was found whole, the decorated one is found whole.
            if plain.entities.iter().any(|e| e.text == name) {
                prop_assert!(
                    doc.entities.iter().any(|e| e.text == decorated),
                    "{:?} not found in {:?}: {:?}", decorated, text, doc.entities
                );
            }
        }
    }

    /// Appending unrelated text after a document does not change what is found in it.
    #[test]
    fn appended_text_does_not_change_earlier_entities(
        doc_text in arabic_text(),
        tail in select(&[
            "\nوقال ناطق باسم المنظمة إن الوضع هادئ.",
            "\n\nيذكر أن الأسعار ارتفعت خلال الأسبوع الماضي",
            "\nReuters contributed to this report. 2024",
            "\n\u{200F}وأضاف: «لم يصب أحد بأذى»",
        ][..]),
    ) {
        for ex in extractors() {
            prop_assert!(ex.extract(tail).entities.is_empty(), "tail has no names: {:?}", tail);
            let alone = ex.extract(&doc_text);
            let text = format!("{doc_text}{tail}");
            let longer = ex.extract(&text);
            check_spans(&text, &longer);
            let earlier: Vec<_> = longer
                .entities
                .into_iter()
                .filter(|e| e.end <= doc_text.len())
                .collect();
            prop_assert_eq!(alone.entities, earlier, "{:?}", doc_text);
        }
    }
}

/// The generators do produce what the properties are about: names are found often.
#[test]
fn generated_text_contains_mentions() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = arabic_text();
    let mut with_mentions = 0;
    for _ in 0..100 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        if extractors()
            .iter()
            .any(|ex| !ex.extract(&text).entities.is_empty())
        {
            with_mentions += 1;
        }
    }
    assert!(
        with_mentions >= 30,
        "only {with_mentions} of 100 texts had a mention"
    );
}
