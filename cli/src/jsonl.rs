//! One line of a JSON Lines archive: its text, id, date and source fields, and every
//! other field kept as written.
//!
//! Values are held as `serde_json::value::RawValue`: the exact bytes of the input, so
//! an id such as `123456789012345678901234567890` or `"\u0627"` and any other field
//! comes back out exactly as it went in. (serde_json's `arbitrary_precision` feature
//! would also keep big numbers, but it would turn every value into a tree and then print
//! it anew, which changes escapes, spacing and float spellings; raw values copy bytes.)

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use syria_extract::time::Date;

use crate::dates;

/// Field names recognised when the option naming them is not given, in order.
const TEXT_FIELDS: &[&str] = &["text", "content"];
const ID_FIELDS: &[&str] = &["id"];
const DATE_FIELDS: &[&str] = &["date", "published", "date_extracted"];
const SOURCE_FIELDS: &[&str] = &["source", "outlet"];

/// Keys the output object has of its own; an input field of that name is printed as
/// `input_<name>`.
pub const RESERVED: &[&str] = &["id", "entities", "events", "times"];

/// Which fields hold what (`None`: the usual names).
#[derive(Debug, Clone, Default)]
pub struct FieldNames {
    pub text: Option<String>,
    pub id: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// One archive line, read.
#[derive(Debug)]
pub struct Record {
    /// The text.
    pub text: String,
    /// The id as written, `None` when the line has none.
    pub id: Option<Box<RawValue>>,
    /// The id as a plain string (a JSON string's content, a number's digits).
    pub id_text: Option<String>,
    /// The date field: `Ok(None)` when absent or null, `Err` with the reason when it is
    /// not a date.
    pub date: Result<Option<Date>, String>,
    /// The source field, when it is a string.
    pub source: Option<String>,
    /// Every field but the text and the id, in input order, renamed where it would
    /// clash with the output's own keys.
    pub passthrough: Vec<(String, Box<RawValue>)>,
    /// Fields that were renamed.
    pub renamed: Vec<String>,
}

/// The fields of a JSON object, in order, values unparsed.
struct Fields(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fields, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields: Vec<(String, Box<RawValue>)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if fields.iter().any(|(k, _)| *k == key) {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate field {key:?}"
                        )));
                    }
                    let value: Box<RawValue> = map.next_value()?;
                    fields.push((key, value));
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(Object)
    }
}

/// The index of the field named `chosen`, or else of the first of `usual` present.
fn find(fields: &[(String, Box<RawValue>)], chosen: Option<&str>, usual: &[&str]) -> Option<usize> {
    match chosen {
        Some(name) => fields.iter().position(|(k, _)| k == name),
        None => usual
            .iter()
            .find_map(|name| fields.iter().position(|(k, _)| k == name)),
    }
}

/// Reads one line (without its line break; a leading BOM already removed).
pub fn parse(line: &[u8], names: &FieldNames) -> Result<Record, String> {
    // The line is checked as UTF-8 once, by simdutf8 (32 bytes a step), and parsed as
    // a `str`: parsed from bytes, serde_json checks each raw value and each string
    // with std's check, about a byte a step, and that was 5 % of a run. A line that
    // is not UTF-8 is parsed from bytes for serde_json's message, which says where.
    let parsed = match simdutf8::basic::from_utf8(line) {
        Ok(line) => serde_json::from_str(line),
        Err(_) => serde_json::from_slice(line),
    };
    let Fields(mut fields) = parsed.map_err(|e| e.to_string())?;
    let text_at =
        find(&fields, names.text.as_deref(), TEXT_FIELDS).ok_or_else(|| match &names.text {
            Some(name) => format!("no field {name:?} (the text field)"),
            None => format!("no text field (looked for {})", TEXT_FIELDS.join(", ")),
        })?;
    let (text_key, text_raw) = fields.remove(text_at);
    let text: String = serde_json::from_str(text_raw.get()).map_err(|_| {
        format!(
            "field {text_key:?} is not a string: {}",
            shorten(text_raw.get())
        )
    })?;
    // The text is held twice until here; for a long article that counts.
    drop(text_raw);

    let id = find(&fields, names.id.as_deref(), ID_FIELDS).map(|i| fields.remove(i).1);
    let id_text = id.as_ref().map(|raw| {
        serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| raw.get().to_string())
    });

    let date = match find(&fields, names.date.as_deref(), DATE_FIELDS) {
        None => Ok(None),
        Some(i) => {
            let (key, raw) = &fields[i];
            match serde_json::from_str::<Option<String>>(raw.get()) {
                Ok(None) => Ok(None),
                Ok(Some(s)) => dates::parse_field(&s).map(Some).ok_or_else(|| {
                    format!("field {key:?} is not a date (YYYY-MM-DD[Thh:mm...]): {s:?}")
                }),
                Err(_) => Err(format!(
                    "field {key:?} is not a date string: {}",
                    shorten(raw.get())
                )),
            }
        }
    };
    let source = find(&fields, names.source.as_deref(), SOURCE_FIELDS)
        .and_then(|i| serde_json::from_str::<String>(fields[i].1.get()).ok());

    let mut renamed = Vec::new();
    for (key, _) in &mut fields {
        if RESERVED.contains(&key.as_str()) {
            renamed.push(key.clone());
            *key = format!("input_{key}");
        }
    }
    Ok(Record {
        text,
        id,
        id_text,
        date,
        source,
        passthrough: fields,
        renamed,
    })
}

/// A value for an error message, cut to a readable length.
fn shorten(raw: &str) -> String {
    match raw.char_indices().nth(40) {
        Some((i, _)) => format!("{}...", &raw[..i]),
        None => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> FieldNames {
        FieldNames::default()
    }

    #[test]
    fn fields_by_usual_names() {
        let r = parse(
            br#"{"source":"aawsat","url":"u","date_extracted":"2015-07-21 02:51:32","content":"abc"}"#,
            &names(),
        )
        .unwrap();
        assert_eq!(r.text, "abc");
        assert!(r.id.is_none());
        assert_eq!(r.date.unwrap().unwrap().to_string(), "2015-07-21");
        assert_eq!(r.source.as_deref(), Some("aawsat"));
        let keys: Vec<&str> = r.passthrough.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["source", "url", "date_extracted"]);
    }

    #[test]
    fn ids_and_values_stay_as_written() {
        let line =
            br#"{"id": 123456789012345678901234567890, "text": "x", "n": 1.50e3, "s": "\u0627"}"#;
        let r = parse(line, &names()).unwrap();
        assert_eq!(
            r.id.as_ref().unwrap().get(),
            "123456789012345678901234567890"
        );
        assert_eq!(r.id_text.as_deref(), Some("123456789012345678901234567890"));
        let values: Vec<&str> = r.passthrough.iter().map(|(_, v)| v.get()).collect();
        assert_eq!(values, ["1.50e3", r#""\u0627""#]);
    }

    #[test]
    fn chosen_names_win() {
        let names = FieldNames {
            text: Some("body".into()),
            id: Some("doc".into()),
            date: Some("when".into()),
            source: Some("site".into()),
        };
        let r = parse(
            br#"{"doc":"a-1","body":"t","text":"not this","when":"2020-03-10T08:00:00Z","site":"SY24","id":7}"#,
            &names,
        )
        .unwrap();
        assert_eq!((r.text.as_str(), r.id_text.as_deref()), ("t", Some("a-1")));
        assert_eq!(r.date.unwrap().unwrap().to_string(), "2020-03-10");
        assert_eq!(r.source.as_deref(), Some("SY24"));
        // The other "id" cannot be printed as "id": it is renamed.
        let keys: Vec<&str> = r.passthrough.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["text", "when", "site", "input_id"]);
        assert_eq!(r.renamed, ["id"]);
    }

    #[test]
    fn bad_lines_say_why() {
        let table: &[(&[u8], &str)] = &[
            (b"[1, 2]", "a JSON object"),
            (br#"{"text": 5}"#, "is not a string"),
            (br#"{"text": null}"#, "is not a string"),
            (br#"{"title": "t"}"#, "no text field"),
            (br#"{"text": "a", "text": "b"}"#, "duplicate field"),
            (br#"{"text": "a""#, "EOF"),
            (b"\xff", "expected value"),
        ];
        for (line, reason) in table {
            let err = parse(line, &names()).unwrap_err();
            assert!(
                err.contains(reason),
                "{:?}: {err}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn a_date_that_is_not_one_is_reported() {
        let r = parse(br#"{"text": "x", "date": "yesterday"}"#, &names()).unwrap();
        assert!(r.date.unwrap_err().contains("not a date"));
        let r = parse(br#"{"text": "x", "date": null}"#, &names()).unwrap();
        assert_eq!(r.date.unwrap(), None);
    }
}
