//! Hostile inputs, each with the result it must give (not only "does not panic").
//!
//! Expected results use the test gazetteer (tests/fixtures/hardening, ids `t-...`);
//! every input also goes through the built-in extractor, whose spans are checked.
//! Growth is checked by counting results on inputs of size N and 2N, never by time.

mod common;

use common::{check_spans, extractors, found, rows};
use syria_extract::normalize::normalize;

/// Every control that normalization drops: zero-width, bidi, soft hyphen, BOM.
const CONTROLS: &[char] = &[
    '\u{00AD}', '\u{061C}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}',
    '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2060}', '\u{2061}', '\u{2062}', '\u{2063}',
    '\u{2064}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{FEFF}',
];

/// Both extractors on `text`, spans checked; returns the fixture extractor's rows.
fn run(text: &str) -> Vec<(String, String)> {
    for ex in extractors() {
        check_spans(text, &ex.extract(text));
    }
    found(text)
}

#[test]
fn empty_text() {
    assert_eq!(run(""), rows(&[]));
    assert_eq!(normalize("").as_str(), "");
}

#[test]
fn only_white_space() {
    let text = " \t\r\n\u{00A0}\u{2003}\u{3000}\u{2028}\n\n   ";
    assert_eq!(run(text), rows(&[]));
    // Any run of white space is one space.
    assert_eq!(normalize(text).as_str(), " ");
}

#[test]
fn five_megabytes_of_one_diacritic() {
    let fatha = "\u{064E}".repeat(5 * 1024 * 1024 / 2);
    assert_eq!(fatha.len(), 5 * 1024 * 1024);
    assert_eq!(run(&fatha), rows(&[]));
    assert_eq!(normalize(&fatha).as_str(), "");
    // Between two names the marks change nothing: neither name absorbs them, since
    // they follow a space, not a letter.
    let text = format!("حمص {fatha} وحلب");
    assert_eq!(run(&text), rows(&[("t-homs", "حمص"), ("t-aleppo", "حلب")]));
    // Written on a name's last letter they are part of the mention, however many.
    let text = format!("في حلب{fatha}،");
    let got = run(&text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "t-aleppo");
    assert_eq!(got[0].1.len(), "حلب".len() + fatha.len());
}

#[test]
fn ten_megabyte_line_without_spaces() {
    // One 10 MB "word" made of names: no name stands as a word, so nothing is found.
    let unit = "داعشحمص";
    let word = unit.repeat(10 * 1024 * 1024 / unit.len());
    assert!(word.len() > 10_000_000 - unit.len());
    assert_eq!(run(&word), rows(&[]));
    // The same line with names separated by punctuation only: every name is found.
    let unit = "حمص،";
    let line = unit.repeat(10 * 1024 * 1024 / unit.len());
    let doc = common::fixture().extract(&line);
    check_spans(&line, &doc);
    assert_eq!(doc.entities.len(), line.len() / unit.len());
    assert!(doc.entities.iter().all(|e| &*e.id == "t-homs"));
}

#[test]
fn tatweel_runs_of_100k() {
    let run100k = "\u{0640}".repeat(100_000);
    assert_eq!(run(&run100k), rows(&[]));
    // Inside a name the run is part of the mention and does not hide it.
    let name = format!("داع{run100k}ش");
    assert_eq!(
        run(&format!("هاجم {name} مواقع")),
        rows(&[("t-isis", &name)])
    );
    // Between a clitic and a name (لـ“...”) as news writes it.
    let text = format!("تابعة ل{run100k}“الدفاع الوطني”");
    assert_eq!(run(&text), rows(&[("t-ndf", "الدفاع الوطني")]));
}

#[test]
fn every_control_between_the_letters_of_a_name() {
    let name = "دير الزور";
    for c in CONTROLS {
        let spelled: String = name.chars().flat_map(|l| [l, *c]).collect();
        let spelled = spelled.trim_end_matches(*c);
        let text = format!("في {spelled}.");
        assert_eq!(
            run(&text),
            rows(&[("t-dez-gov", spelled)]),
            "U+{:04X}",
            *c as u32
        );
    }
    // All of them at once, between every pair of letters.
    let all: String = CONTROLS.iter().collect();
    let spelled = name
        .chars()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(&all);
    assert_eq!(
        run(&format!("{all}{spelled}{all}")),
        rows(&[("t-dez-gov", &spelled)])
    );
}

#[test]
fn mixed_arabic_latin_and_digits() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "قال SY24 إن قصفاً طال حمص 2024 وABC٢٥",
            &[("t-sy24", "SY24"), ("t-homs", "حمص")],
        ),
        // Lowercase and Arabic-Indic digits fold to the same name.
        (
            "وفق sy24 و سوريا ٢٤",
            &[("t-sy24", "sy24"), ("t-sy24", "سوريا ٢٤")],
        ),
        // Letters or digits glued to a name make a longer word, not the name.
        ("داعش123 وISISداعش وحمصX", &[]),
        ("SY24x وxSY24", &[]),
        // Latin punctuation is a boundary like Arabic punctuation.
        (
            "(حمص)/[داعش]-{SY24}",
            &[("t-homs", "حمص"), ("t-isis", "داعش"), ("t-sy24", "SY24")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(run(text), rows(want), "{text}");
    }
}

#[test]
fn nul_bytes() {
    assert_eq!(run("\0حمص\0"), rows(&[("t-homs", "حمص")]));
    // A NUL inside a name splits it: neither half is a name.
    assert_eq!(run("حم\0ص"), rows(&[]));
    assert_eq!(run(&"\0".repeat(100_000)), rows(&[]));
}

#[test]
fn html_entities_and_tags_around_names() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("&quot;لواء القدس&quot;", &[("t-liwa-quds", "لواء القدس")]),
        ("<b>حمص</b>", &[("t-homs", "حمص")]),
        (
            "<p class=\"x\">قصفت <a href=\"/t\">قوات النظام</a> ريف حمص</p>",
            &[("t-regime", "قوات النظام"), ("t-homs-gov", "حمص")],
        ),
        // Entities are not decoded (the library reads text, not HTML): "&nbsp;" stands
        // between the cue and the name, so "ريف" no longer makes Homs the governorate.
        ("ريف&nbsp;حمص", &[("t-homs", "حمص")]),
        ("&laquo;داعش&raquo;", &[("t-isis", "داعش")]),
        // Entity names are Latin words: "quot" is not glued to an Arabic name.
        (
            "&#1583;&#1575;&#1593;&#1588; و&amp;حلب",
            &[("t-aleppo", "حلب")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(run(text), rows(want), "{text}");
    }
}

#[test]
fn name_cut_by_the_end_of_the_input() {
    let text = "قصفت الطائرات دير الزور";
    // Every prefix that is valid UTF-8: the name is found only when it is complete.
    for end in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
        let got = run(&text[..end]);
        if end == text.len() {
            assert_eq!(got, rows(&[("t-dez-gov", "دير الزور")]));
        } else {
            assert_eq!(got, rows(&[]), "prefix {:?}", &text[..end]);
        }
    }
    // Cut right after a clitic, a cue or a direction word.
    assert_eq!(run("بريف حمص الشر"), rows(&[("t-homs-gov", "حمص")]));
    assert_eq!(run("في بلدة"), rows(&[]));
    assert_eq!(run("و"), rows(&[]));
}

#[test]
fn a_thousand_nested_quotes() {
    let open: String = ['"', '«', '“', '‘', '(', '[']
        .iter()
        .cycle()
        .take(1000)
        .collect();
    let close: String = ['"', '»', '”', '’', ')', ']']
        .iter()
        .cycle()
        .take(1000)
        .collect();
    let text = format!("{open}داعش{close}");
    assert_eq!(run(&text), rows(&[("t-isis", "داعش")]));
    // A cue word is looked for across at most a few quotes, so a needs_cue name behind
    // 1,000 of them is not found (and the look-back costs O(1), not O(quotes)).
    assert_eq!(run(&format!("قرية {open}النصر{close}")), rows(&[]));
    assert_eq!(run("قرية \"النصر\""), rows(&[("t-nasr", "النصر")]));
    // 1,000 nested quoted names, each found once.
    let nested = "“حمص ".repeat(1000) + &"”".repeat(1000);
    assert_eq!(run(&nested).len(), 1000);
}

/// Results grow in proportion to the input: doubling the input doubles what is found
/// and the size of the normalized text, for each kind of hostile repetition.
#[test]
fn output_grows_linearly() {
    let units = [
        "في حمص، ",
        "داعــــــش ",
        "\u{064E}\u{0651}حلب\u{200F} ",
        "&quot;لواء القدس&quot; ",
        "ريف حمص الشرقي ",
        "\u{FEFB}\u{FEFB} ديرالزور ",
        "شمال شرقي ",
    ];
    for unit in units {
        let count = |n: usize| {
            let text = unit.repeat(n);
            let doc = common::fixture().extract(&text);
            check_spans(&text, &doc);
            (doc.entities.len(), normalize(&text).as_str().len())
        };
        let (a, b) = (count(2_000), count(4_000));
        assert_eq!(b.0, 2 * a.0, "{unit:?}: entities");
        assert_eq!(b.1, 2 * a.1, "{unit:?}: normalized size");
    }
}
