//! The word lists of the rules are data: a user's lexicon file extends them.

use syria_extract::gazetteer::Gazetteer;
use syria_extract::lexicon::WordClass;
use syria_extract::{Article, Extractor};

fn with_words(rows: &str) -> Extractor {
    let text = format!("word\tclass\tvalue\n{rows}");
    Extractor::builder()
        .add_str("my_words.tsv", text)
        .build()
        .unwrap()
}

#[test]
fn a_users_words_change_what_the_rules_read() {
    let text = "قتل خمسطعش مدنيا في القصف";
    let count = |ex: &Extractor| ex.extract(text).events.iter().find_map(|e| e.fatalities);
    assert_eq!(count(&Extractor::default()), None);
    // A Levantine number word.
    assert_eq!(count(&with_words("خمسطعش\tnumber\t15\n")), Some(15));

    // A spelling of a month the built-in list lacks becomes a time anchor.
    let text = "قصفت الطائرات المدينة في 15 ايلوول 2019";
    let ex = with_words("ايلوول\tmonth\t9\n");
    let doc = ex.extract(Article::new(text));
    assert_eq!(doc.times[0].text, "15 ايلوول 2019");
    assert_eq!(doc.times[0].date.unwrap().to_string(), "2019-09-15");
    assert!(Extractor::default().extract(text).times.is_empty());
}

#[test]
fn a_word_already_listed_is_an_error_naming_both_places() {
    let err = Extractor::builder()
        .add_str("my_words.tsv", "word\tclass\tvalue\nلم\tnegation\t\n")
        .build()
        .unwrap_err();
    assert_eq!(err.file(), "my_words.tsv");
    assert_eq!(err.line(), Some(2));
    assert!(err.to_string().contains("gazetteers/lexicon.tsv:"), "{err}");
}

#[test]
fn built_in_words_are_stored_normalized() {
    for e in Gazetteer::builtin().lexicon().entries() {
        assert_eq!(
            syria_extract::normalize::normalize_str(&e.word),
            e.word,
            "{}",
            e.written
        );
    }
    // Every class the rules read has words.
    for class in WordClass::ALL {
        let n = Gazetteer::builtin().lexicon().words(*class).count();
        assert!(n > 0, "{class} is empty");
    }
}
