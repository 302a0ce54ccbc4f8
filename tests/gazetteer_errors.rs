//! Malformed gazetteer files through the public API: every case is an error that names
//! the file, the line and the reason (its `ErrorKind` and its message), never a panic.
//!
//! Two decisions are recorded here as tests: a UTF-8 byte-order mark at the start of a
//! file and CRLF line ends are *accepted* (people edit these files in spreadsheet
//! tools), and such a file loads exactly the same records as its LF, BOM-less twin.

use std::io::Write;

use syria_extract::{Error, ErrorKind, Extractor};

const LOC: &str =
    "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance";
const ACT: &str =
    "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance";

const CUE: &str = "word\trole\tvalue";
const LEX: &str = "word\tclass\tvalue";

/// A good location row; `parent` empty.
const GOOD: &str = "a\tcity\tA\tاي\t\t\t35\t38\t\t\t\t\tcurated";

fn file(header: &str, rows: &[&str]) -> String {
    let mut text = header.to_string();
    for r in rows {
        text.push('\n');
        text.push_str(r);
    }
    text.push('\n');
    text
}

fn load_str(name: &str, text: &str) -> Result<Extractor, Error> {
    Extractor::builder()
        .builtin(false)
        .add_str(name, text)
        .build()
}

type Check = fn(&ErrorKind) -> bool;

/// (what, file text, expected line, kind check, expected message after "t.tsv:LINE: ").
type Case = (&'static str, String, usize, Check, &'static str);

fn cases() -> Vec<Case> {
    vec![
        (
            "missing column",
            file(LOC, &["a\tcity\tA\tاي\t\t\t35\t38\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::ColumnCount { expected: 13, found: 12 }),
            "expected 13 tab-separated columns, found 12",
        ),
        (
            "extra column",
            file(LOC, &[GOOD, &format!("b{}\textra", &GOOD[1..])]),
            3,
            |k| matches!(k, ErrorKind::ColumnCount { expected: 13, found: 14 }),
            "expected 13 tab-separated columns, found 14",
        ),
        (
            "actor row with too few columns",
            file(ACT, &["x\tmilitia\tX"]),
            2,
            |k| matches!(k, ErrorKind::ColumnCount { expected: 10, found: 3 }),
            "expected 10 tab-separated columns, found 3",
        ),
        (
            "empty Arabic name",
            file(LOC, &["a\tcity\tA\t\t\t\t\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::EmptyField { column: "name_ar" }),
            "column \"name_ar\" must not be empty",
        ),
        (
            "Arabic name of white space only",
            file(LOC, &["a\tcity\tA\t   \t\t\t\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::EmptyField { column: "name_ar" }),
            "column \"name_ar\" must not be empty",
        ),
        (
            "Arabic name of diacritics only",
            file(LOC, &["a\tcity\tA\t\u{064E}\u{0640}\t\t\t\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "name_ar", .. }),
            // Debug formatting escapes the lone combining mark.
            "column \"name_ar\": invalid value \"\\u{64e}\u{640}\": the name is empty after normalization",
        ),
        (
            "empty English name",
            file(LOC, &["a\tcity\t\tاي\t\t\t\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::EmptyField { column: "name_en" }),
            "column \"name_en\" must not be empty",
        ),
        (
            "empty id",
            file(LOC, &["\tcity\tA\tاي\t\t\t\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::EmptyField { column: "id" }),
            "column \"id\" must not be empty",
        ),
        (
            "bad number: latitude",
            file(LOC, &["a\tcity\tA\tاي\t\t\t35,5\t38\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "lat", .. }),
            "column \"lat\": invalid value \"35,5\": not a decimal number",
        ),
        (
            "bad number: GeoNames id",
            file(LOC, &["a\tcity\tA\tاي\t\t\t\t\t\t-12\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "geonames", .. }),
            "column \"geonames\": invalid value \"-12\": not a GeoNames id (a positive integer)",
        ),
        (
            "latitude out of range",
            file(LOC, &["a\tcity\tA\tاي\t\t\t90.5\t38\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "lat", .. }),
            "column \"lat\": invalid value \"90.5\": coordinate out of range",
        ),
        (
            "longitude out of range",
            file(LOC, &["a\tcity\tA\tاي\t\t\t35\t-180.01\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "lon", .. }),
            "column \"lon\": invalid value \"-180.01\": coordinate out of range",
        ),
        (
            "infinite coordinate",
            file(LOC, &["a\tcity\tA\tاي\t\t\tinf\t38\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "lat", .. }),
            "column \"lat\": invalid value \"inf\": coordinate out of range",
        ),
        (
            "only one coordinate",
            file(LOC, &["a\tcity\tA\tاي\t\t\t35\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "lon", .. }),
            "column \"lon\": invalid value \"\": lat and lon must both be set or both be empty",
        ),
        (
            "unknown location kind",
            file(LOC, &["a\tcitty\tA\tاي\t\t\t\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::UnknownValue { column: "kind", value, .. } if value == "citty"),
            "column \"kind\": unknown value \"citty\" (allowed: country governorate",
        ),
        (
            "unknown actor kind",
            file(ACT, &["x\tmilita\tX\tاكس\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::UnknownValue { column: "kind", value, .. } if value == "milita"),
            "column \"kind\": unknown value \"milita\" (allowed: state_forces",
        ),
        (
            "duplicate id in one file",
            file(LOC, &[GOOD, "# comment", GOOD]),
            4,
            |k| matches!(k, ErrorKind::DuplicateId { id, first } if id == "a" && first.ends_with(".tsv:2")),
            "duplicate id \"a\" (first defined at ",
        ),
        (
            "parent cycle of two",
            file(
                LOC,
                &[
                    "a\tcity\tA\tاي\t\tb\t\t\t\t\t\t\tcurated",
                    "b\tcity\tB\tبي\t\ta\t\t\t\t\t\t\tcurated",
                ],
            ),
            2,
            |k| matches!(k, ErrorKind::ParentCycle { id } if id == "a"),
            "parent chain of \"a\" forms a cycle",
        ),
        (
            "a location that is its own parent",
            file(LOC, &[GOOD, "b\tcity\tB\tبي\t\tb\t\t\t\t\t\t\tcurated"]),
            3,
            |k| matches!(k, ErrorKind::ParentCycle { id } if id == "b"),
            "parent chain of \"b\" forms a cycle",
        ),
        (
            "unknown parent",
            file(LOC, &[GOOD, "b\ttown\tB\tبي\t\tnowhere\t\t\t\t\t\t\tcurated"]),
            3,
            |k| {
                matches!(k, ErrorKind::UnknownReference { column: "parent", id } if id == "nowhere")
            },
            "column \"parent\": unknown id \"nowhere\"",
        ),
        (
            "unknown affiliation",
            file(ACT, &["x\tmilitia\tX\tاكس\t\tghost\t\t\t\tcurated"]),
            2,
            |k| {
                matches!(k, ErrorKind::UnknownReference { column: "affiliation", id } if id == "ghost")
            },
            "column \"affiliation\": unknown id \"ghost\"",
        ),
        (
            "a name that is only punctuation",
            file(LOC, &["a\tcity\tA\t-\t\t\t\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "name_ar", .. }),
            "column \"name_ar\": invalid value \"-\": a name needs at least two letters or digits",
        ),
        (
            "an alias of one letter",
            file(LOC, &["a\tcity\tA\tاي\tبـ|«ب»\t\t\t\t\t\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "aliases", value, .. } if value == "بـ"),
            "column \"aliases\": invalid value \"بـ\": a name needs at least two letters or digits",
        ),
        (
            "a cue word of punctuation",
            file("word\trole\tvalue", &["مدينة\tlocation\tcity", "«»\tlocation\t"]),
            3,
            |k| matches!(k, ErrorKind::InvalidValue { column: "word", .. }),
            "column \"word\": invalid value \"«»\": a word needs at least one letter or digit",
        ),
        (
            "a name longer than the automaton takes",
            file(LOC, &[GOOD, &format!("b\ttown\tB\t{}\t\t\t\t\t\t\t\t\tcurated", "بـ".repeat(65))]),
            3,
            |k| matches!(k, ErrorKind::NameTooLong { column: "name_ar", chars: 65, max: 64 }),
            "column \"name_ar\": a name of 65 characters (after normalization) is longer than the 64 allowed",
        ),
        (
            "a spelling shared without the flag",
            file(LOC, &[GOOD, "b\ttown\tB\tبي\tأي\t\t\t\t\t\t\tambiguous\tcurated"]),
            3,
            |k| matches!(k, ErrorKind::SharedName { name, other, .. } if name == "أي" && other == "a"),
            "name \"أي\" is also a name of \"a\" (at ",
        ),
        (
            "GeoNames id 0",
            file(LOC, &["a\tcity\tA\tاي\t\t\t\t\t\t0\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "geonames", value, .. } if value == "0"),
            "column \"geonames\": invalid value \"0\": not a GeoNames id (a positive integer)",
        ),
        (
            "GeoNames id with a sign",
            file(LOC, &["a\tcity\tA\tاي\t\t\t\t\t\t+12\t\t\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "geonames", .. }),
            "column \"geonames\": invalid value \"+12\": not a GeoNames id",
        ),
        (
            "two files joined with cat, the second with its BOM",
            file(LOC, &[GOOD]) + "\u{FEFF}" + &file(LOC, &["b\ttown\tB\tبي\t\t\t\t\t\t\t\t\tcurated"]),
            3,
            |k| matches!(k, ErrorKind::ByteOrderMark),
            "a byte-order mark (U+FEFF) inside the file: only the start of a file may hold one",
        ),
        (
            "a BOM inside a field",
            file(LOC, &[GOOD, "b\ttown\tB\tبي\u{FEFF}\t\t\t\t\t\t\t\t\tcurated"]),
            3,
            |k| matches!(k, ErrorKind::ByteOrderMark),
            "a byte-order mark (U+FEFF) inside the file",
        ),
        (
            "unknown flag",
            file(LOC, &["a\tcity\tA\tاي\t\t\t\t\t\t\t\tneeds-cue\tcurated"]),
            2,
            |k| matches!(k, ErrorKind::UnknownValue { column: "flags", .. }),
            "column \"flags\": unknown value \"needs-cue\" (allowed: article needs_cue ambiguous suffixes detail)",
        ),
        (
            "a reference word naming an unknown actor",
            file(CUE, &["التنظيم\treference\tghost"]),
            2,
            |k| matches!(k, ErrorKind::UnknownReference { column: "value", id } if id == "ghost"),
            "column \"value\": unknown id \"ghost\"",
        ),
        (
            "a reference word whose last day does not exist",
            file(CUE, &["النظام\treference\tx until 2024-02-30"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "value", .. }),
            "column \"value\": invalid value \"x until 2024-02-30\"",
        ),
        (
            "an actor cue with an unknown actor kind",
            file(CUE, &["قوات\tactor\tarmy"]),
            2,
            |k| matches!(k, ErrorKind::UnknownValue { column: "value", .. }),
            "column \"value\": unknown value \"army\"",
        ),
        (
            "a nationality that is no country code",
            file(LEX, &["روسي\tnationality\tRussia"]),
            2,
            |k| matches!(k, ErrorKind::InvalidValue { column: "value", .. }),
            "column \"value\": invalid value \"Russia\"",
        ),
        (
            "unknown header",
            "id\tkind\tname\n".to_string(),
            1,
            |k| matches!(k, ErrorKind::UnknownHeader { found } if found == "id\tkind\tname"),
            "unknown header \"id\\tkind\\tname\"",
        ),
        (
            "invalid UTF-8 on line 3",
            // Built from bytes below; this text is replaced.
            String::new(),
            3,
            |k| matches!(k, ErrorKind::InvalidUtf8 { .. }),
            "not valid UTF-8 (first invalid byte at offset",
        ),
    ]
}

/// The bytes of a locations file whose third line holds a byte that is not UTF-8
/// (a Windows-1256 encoded name: what a spreadsheet "Save as text" may produce).
fn invalid_utf8_file() -> Vec<u8> {
    let mut bytes = file(LOC, &[GOOD]).into_bytes();
    bytes.extend_from_slice(b"b\tcity\tB\t\xC8\xED\t\t\t\t\t\t\t\t\tcurated\n");
    bytes
}

fn assert_error(what: &str, err: &Error, name: &str, line: usize, check: Check, message: &str) {
    assert_eq!(err.file(), name, "{what}: file");
    assert_eq!(err.line(), Some(line), "{what}: line ({err})");
    assert!(check(err.kind()), "{what}: kind {:?}", err.kind());
    let prefix = format!("{name}:{line}: ");
    let text = err.to_string();
    assert!(
        text.starts_with(&prefix) && text[prefix.len()..].starts_with(message),
        "{what}: message {text:?} should start with {prefix:?} + {message:?}"
    );
}

#[test]
fn every_malformed_row_names_file_line_and_reason() {
    for (what, text, line, check, message) in cases() {
        let err = if text.is_empty() {
            Extractor::builder()
                .builtin(false)
                .add_reader("t.tsv", &invalid_utf8_file()[..])
                .build()
        } else {
            load_str("t.tsv", &text)
        }
        .expect_err(what);
        assert_error(what, &err, "t.tsv", line, check, message);
    }
}

#[test]
fn the_same_errors_come_through_readers_and_files() {
    let dir = tempdir("readers_and_files");
    for (i, (what, text, line, check, message)) in cases().into_iter().enumerate() {
        let bytes = if text.is_empty() {
            invalid_utf8_file()
        } else {
            text.into_bytes()
        };
        let err = Extractor::builder()
            .builtin(false)
            .add_reader("t.tsv", &bytes[..])
            .build()
            .expect_err(what);
        assert_error(what, &err, "t.tsv", line, check, message);

        let path = dir.join(format!("case{i}.tsv"));
        std::fs::write(&path, &bytes).unwrap();
        let err = Extractor::builder()
            .builtin(false)
            .add_file(&path)
            .build()
            .expect_err(what);
        let name = path.display().to_string();
        assert_error(what, &err, &name, line, check, message);
    }
}

#[test]
fn invalid_utf8_reports_offset_and_line() {
    let bytes = invalid_utf8_file();
    let offset = bytes.iter().position(|b| *b == 0xC8).unwrap();
    let err = Extractor::builder()
        .builtin(false)
        .add_reader("w1256.tsv", &bytes[..])
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidUtf8 { offset: o } if *o == offset));
    assert_eq!(
        err.to_string(),
        format!("w1256.tsv:3: not valid UTF-8 (first invalid byte at offset {offset})")
    );
    // A UTF-16 file (what some tools save as "Unicode text") fails on its first bytes.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(LOC.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let err = Extractor::builder()
        .builtin(false)
        .add_reader("utf16.tsv", &utf16[..])
        .build()
        .unwrap_err();
    assert_eq!(err.line(), Some(1));
    assert!(matches!(err.kind(), ErrorKind::InvalidUtf8 { offset: 0 }));
}

#[test]
fn duplicate_id_across_files_points_at_both() {
    let err = Extractor::builder()
        .builtin(false)
        .add_str("first.tsv", file(LOC, &[GOOD]))
        .add_str(
            "second.tsv",
            file(ACT, &["# x", "a\tmilitia\tA\tاي\t\t\t\t\t\tcurated"]),
        )
        .build()
        .unwrap_err();
    assert_eq!((err.file(), err.line()), ("second.tsv", Some(3)));
    assert_eq!(
        err.to_string(),
        "second.tsv:3: duplicate id \"a\" (first defined at first.tsv:2)"
    );
}

/// A reference to a record of the wrong kind says which kind it found.
#[test]
fn references_to_the_wrong_kind_say_so() {
    let places = file(LOC, &[GOOD, "b\ttown\tB\tبي\t\tx\t\t\t\t\t\t\tcurated"]);
    let actors = file(ACT, &["x\tmilitia\tX\tاكس\t\t\t\t\t\tcurated"]);
    let err = Extractor::builder()
        .builtin(false)
        .add_str("places.tsv", places)
        .add_str("actors.tsv", actors)
        .build()
        .unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::WrongReferenceKind {
            column: "parent",
            expected: "a location",
            found: "an actor",
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        "places.tsv:3: column \"parent\": \"x\" is an actor, not a location"
    );
    // An affiliation naming a built-in place, and a source.
    for (target, found) in [("sy04", "a location"), ("src-sohr", "a source")] {
        let actors = file(
            ACT,
            &[&format!(
                "x\tmilitia\tX\tاكس تجريبي\t\t{target}\t\t\t\tcurated"
            )],
        );
        let err = Extractor::builder()
            .add_str("mine.tsv", actors)
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("mine.tsv:2: column \"affiliation\": \"{target}\" is {found}, not an actor")
        );
    }
}

/// The `FILE:LINE` where the built-in record `id` is defined.
fn builtin_line(id: &str) -> String {
    for (name, text) in syria_extract::gazetteer::BUILTIN_FILES {
        if let Some(i) = text.lines().position(|l| l.split('\t').next() == Some(id)) {
            return format!("{name}:{}", i + 1);
        }
    }
    panic!("{id} is not built in")
}

/// A spelling another record claims loads only when both are flagged `ambiguous`,
/// whether the other is the user's or built in; the error names both places.
#[test]
fn shared_spellings_need_the_flag_on_both_records() {
    // A user record reusing a built-in spelling (normalized: داعش with a tatweel).
    let actors = file(ACT, &["x\tmilitia\tX\tتنظيم اكس\tداعــش\t\t\t\t\tcurated"]);
    let err = Extractor::builder()
        .add_str("mine.tsv", &actors)
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::SharedName { other, .. } if other == "isis"));
    assert_eq!(
        err.to_string(),
        format!(
            "mine.tsv:2: name \"داعــش\" is also a name of \"isis\" (at {}); records sharing a \
             spelling must all be flagged ambiguous, and neither is",
            builtin_line("isis")
        )
    );
    // The user's flag alone is not enough: the built-in record would hide it.
    let flagged = actors.replace("\t\tcurated", "\tambiguous\tcurated");
    let err = Extractor::builder()
        .add_str("mine.tsv", &flagged)
        .build()
        .unwrap_err();
    assert!(err.to_string().ends_with("and \"isis\" is not"), "{err}");
    // Nor is the built-in flag alone (Homs, the city, is flagged; this one is not).
    let village = "my-homs\tvillage\tHoms village\tحمص\t\tsy04\t34.7\t36.7\t\t\t\t\tcurated";
    let err = Extractor::builder()
        .add_str("mine.tsv", file(LOC, &[village]))
        .build()
        .unwrap_err();
    assert!(err.to_string().ends_with("and this record is not"), "{err}");
    // Homs, the city and the governorate, are flagged: a third Homs may join them.
    let village =
        "my-homs\tvillage\tHoms village\tحمص\t\tsy04\t34.7\t36.7\t\t\t\tambiguous\tcurated";
    let ex = Extractor::builder()
        .add_str("mine.tsv", file(LOC, &[village]))
        .build()
        .unwrap();
    assert!(ex.gazetteer().location("my-homs").is_some());
    // Between two user files, the first file's line is named.
    let err = Extractor::builder()
        .builtin(false)
        .add_str("one.tsv", file(LOC, &[GOOD]))
        .add_str(
            "two.tsv",
            file(ACT, &["x\tmilitia\tX\tآي\t\t\t\t\t\tcurated"]),
        )
        .build()
        .unwrap_err();
    assert_eq!((err.file(), err.line()), ("two.tsv", Some(2)));
    assert!(
        err.to_string()
            .contains("is also a name of \"a\" (at one.tsv:2)"),
        "{err}"
    );
    // One record may list a spelling twice.
    assert!(load_str(
        "t.tsv",
        &file(LOC, &["a\tcity\tA\tاي\tأي|آيْ\t\t\t\t\t\t\t\tcurated"])
    )
    .is_ok());
}

/// Names the matcher could never use well are refused, real short names are not.
#[test]
fn short_names_with_two_letters_or_digits_load() {
    for name in ["T4", "حي", "SY24", "«حمص»"] {
        let row = format!("a\tcity\tA\t{name}\t\t\t\t\t\t\t\t\tcurated");
        assert!(load_str("t.tsv", &file(LOC, &[&row])).is_ok(), "{name}");
    }
    for name in ["-", "ب", "«»", "١", "—ـ—"] {
        let row = format!("a\tcity\tA\t{name}\t\t\t\t\t\t\t\t\tcurated");
        let err = load_str("t.tsv", &file(LOC, &[&row])).unwrap_err();
        assert_eq!(err.line(), Some(2), "{name}");
        assert!(
            matches!(
                err.kind(),
                ErrorKind::InvalidValue {
                    column: "name_ar",
                    ..
                }
            ),
            "{name}: {err}"
        );
    }
    // "-" used to match every dash of the text.
    let ex = load_str(
        "t.tsv",
        &file(LOC, &["a\tcity\tA\tاي\t\t\t\t\t\t\t\t\tcurated"]),
    )
    .unwrap();
    assert!(ex.extract("قصف - ثم - قصف").entities.is_empty());
}

#[test]
fn empty_file_has_no_header() {
    for text in ["", "\n\n", "# only a comment\n", "\u{FEFF}"] {
        let err = load_str("e.tsv", text).unwrap_err();
        assert_eq!(err.file(), "e.tsv");
        assert_eq!(err.line(), None, "{text:?}");
        assert!(matches!(err.kind(), ErrorKind::MissingHeader));
        assert_eq!(err.to_string(), "e.tsv: empty file: expected a header line");
    }
}

#[test]
fn unreadable_files_are_named() {
    let err = Extractor::builder()
        .builtin(false)
        .add_file("/nonexistent/places.tsv")
        .build()
        .unwrap_err();
    assert_eq!(err.file(), "/nonexistent/places.tsv");
    assert_eq!(err.line(), None);
    assert!(matches!(err.kind(), ErrorKind::Io(e) if e.kind() == std::io::ErrorKind::NotFound));
    assert!(err
        .to_string()
        .starts_with("/nonexistent/places.tsv: cannot read: "));

    let dir = tempdir("dir_as_file");
    let err = Extractor::builder()
        .builtin(false)
        .add_file(&dir)
        .build()
        .unwrap_err();
    assert_eq!(err.file(), dir.display().to_string());
    assert!(matches!(err.kind(), ErrorKind::Io(_)));
}

/// Decision: BOM and CRLF are accepted, with exactly the records of the plain file.
#[test]
fn bom_and_crlf_load_the_same_records() {
    let locations = file(
        LOC,
        &[
            "# places",
            GOOD,
            "b\ttown\tB\tبي\tبيه|Bee\ta\t35.5\t38.5\tSY01\t12\tQ5\tarticle\tcurated",
        ],
    );
    let actors = file(ACT, &["x\tmilitia\tX\tاكس\t\t\tSY\tX\tneeds_cue\tcurated"]);
    let load = |loc: &str, act: &str| {
        Extractor::builder()
            .builtin(false)
            .add_str("l.tsv", loc)
            .add_str("a.tsv", act)
            .build()
            .unwrap()
    };
    let plain = load(&locations, &actors);
    assert_eq!(plain.gazetteer().locations().len(), 2);
    assert_eq!(plain.gazetteer().actors().len(), 1);
    let crlf = |s: &str| s.replace('\n', "\r\n");
    let bom = |s: &str| format!("\u{FEFF}{s}");
    for (what, loc, act) in [
        ("BOM", bom(&locations), bom(&actors)),
        ("CRLF", crlf(&locations), crlf(&actors)),
        ("BOM+CRLF", bom(&crlf(&locations)), bom(&crlf(&actors))),
    ] {
        let other = load(&loc, &act);
        let (g, h) = (plain.gazetteer(), other.gazetteer());
        assert_eq!(g.locations(), h.locations(), "{what}");
        assert_eq!(g.actors(), h.actors(), "{what}");
        assert_eq!(g.sources(), h.sources(), "{what}");
        assert_eq!(g.cues(), h.cues(), "{what}");
        // And they match text the same way.
        let text = "في بيه";
        assert_eq!(plain.extract(text), other.extract(text), "{what}");
    }
    // Line numbers count physical lines in CRLF files too.
    let bad = crlf(&file(LOC, &[GOOD, "# c", "b\tcity\tB"]));
    let err = load_str("t.tsv", &bom(&bad)).unwrap_err();
    assert_eq!(err.line(), Some(4));
}

fn tempdir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "syria-extract-gazetteer-errors-{}-{tag}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    // A marker file so a stray directory is recognisable.
    let mut f = std::fs::File::create(dir.join("README")).unwrap();
    writeln!(f, "scratch space of tests/gazetteer_errors.rs").unwrap();
    dir
}
