//! [`GazetteerBuilder`]: gazetteer inputs (files, readers, strings), the file type of
//! each by its header, and the checks that need every file: unique ids, references
//! that resolve, no parent cycles.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::records::{Location, Record, RecordRef};
use super::row::{
    self, Row, ACTOR_HEADER, CUE_HEADER, LEXICON_HEADER, LOCATION_HEADER, SOURCE_HEADER,
    TRIGGER_HEADER,
};
use super::store::Gazetteer;
use crate::error::{Error, ErrorKind};

/// Builds a [`Gazetteer`] from files, readers and strings.
///
/// Inputs are parsed when [`build`](GazetteerBuilder::build) runs, and every problem is
/// reported as an [`Error`] naming the file and line.
///
/// ```
/// use syria_extract::gazetteer::Gazetteer;
///
/// let tsv = "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance\n\
///            qalaat-x\tvillage\tQal'at X\tقلعة اكس\t\t\t35.1\t38.2\t\t\t\t\tmy survey\n";
/// let gaz = Gazetteer::builder().add_str("villages.tsv", tsv).build().unwrap();
/// assert_eq!(gaz.locations().len(), 1);
/// ```
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    inputs: Vec<Input>,
}

#[derive(Debug)]
enum Input {
    Text { name: String, text: String },
    Bytes { name: String, bytes: Vec<u8> },
    Failed { name: String, error: std::io::Error },
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Appends the inputs of another builder after this one's.
    pub fn extend(&mut self, other: GazetteerBuilder) {
        self.inputs.extend(other.inputs);
    }

    /// Adds every built-in file.
    pub fn builtin(mut self) -> GazetteerBuilder {
        for (name, text) in super::BUILTIN_FILES {
            self = self.add_str(*name, *text);
        }
        self
    }

    /// Adds a file read from disk. Read errors are reported by `build`.
    pub fn add_file(mut self, path: impl AsRef<Path>) -> GazetteerBuilder {
        let path = path.as_ref();
        let name = path.display().to_string();
        self.inputs.push(match std::fs::read(path) {
            Ok(bytes) => Input::Bytes { name, bytes },
            Err(error) => Input::Failed { name, error },
        });
        self
    }

    /// Adds the contents of a reader; `name` is used in error messages.
    pub fn add_reader(
        mut self,
        name: impl Into<String>,
        mut reader: impl Read,
    ) -> GazetteerBuilder {
        let name = name.into();
        let mut bytes = Vec::new();
        self.inputs.push(match reader.read_to_end(&mut bytes) {
            Ok(_) => Input::Bytes { name, bytes },
            Err(error) => Input::Failed { name, error },
        });
        self
    }

    /// Adds a file's text; `name` is used in error messages.
    pub fn add_str(mut self, name: impl Into<String>, text: impl Into<String>) -> GazetteerBuilder {
        self.inputs.push(Input::Text {
            name: name.into(),
            text: text.into(),
        });
        self
    }

    /// Parses and validates everything added.
    ///
    /// Checks: header and column count of every row, required fields, known kinds and
    /// flags, numbers and coordinate ranges, ids unique across all files, parents and
    /// affiliations that name existing records, and no parent cycles.
    pub fn build(self) -> Result<Gazetteer, Error> {
        let mut loader = Loader::default();
        for input in self.inputs {
            match input {
                Input::Text { name, text } => loader.load(&name, &text)?,
                Input::Bytes { name, bytes } => match std::str::from_utf8(&bytes) {
                    Ok(text) => loader.load(&name, text)?,
                    Err(e) => {
                        // The line of the first bad byte, so the user can find it in
                        // an editor that refuses to open the file.
                        let offset = e.valid_up_to();
                        let line = bytes
                            .get(..offset)
                            .map_or(0, |ok| ok.iter().filter(|b| **b == b'\n').count());
                        return Err(Error::new(
                            name,
                            Some(line + 1),
                            ErrorKind::InvalidUtf8 { offset },
                        ));
                    }
                },
                Input::Failed { name, error } => {
                    return Err(Error::new(name, None, ErrorKind::Io(error)))
                }
            }
        }
        loader.finish()
    }
}

/// Where a record was defined, for messages about references.
#[derive(Debug, Clone)]
struct Origin {
    file: Arc<str>,
    line: usize,
}

/// The first record that claimed a normalized spelling.
#[derive(Debug)]
struct Claim {
    id: Arc<str>,
    ambiguous: bool,
    origin: Origin,
}

#[derive(Default)]
struct Loader {
    gaz: Gazetteer,
    /// The first claimant of every normalized name of the actors, locations and
    /// sources, to find shared spellings in one pass (a hash lookup per name).
    claims: FxHashMap<Box<str>, Claim>,
    origins: FxHashMap<Arc<str>, Origin>,
    /// (record, column, referenced id) to check once every file is in.
    references: Vec<(Arc<str>, &'static str, Arc<str>)>,
    /// Where each lexicon word was defined, by entry index.
    word_origins: Vec<Origin>,
    /// (where, actor id) of each reference word's default actor, checked at the end.
    cue_references: Vec<(Origin, Arc<str>)>,
}

impl Loader {
    fn load(&mut self, file: &str, text: &str) -> Result<(), Error> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let file_name: Arc<str> = Arc::from(file);
        let mut lines = text
            .split('\n')
            .enumerate()
            .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        // A BOM past the start (files joined with `cat`) would otherwise surface as
        // an unknown header, a column count or an odd id; say what it is.
        if let Some(at) = memchr::memmem::find(text.as_bytes(), "\u{FEFF}".as_bytes()) {
            let line = text.as_bytes()[..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            return Err(Error::new(file, Some(line), ErrorKind::ByteOrderMark));
        }
        let Some((header_line, header)) = lines.next() else {
            return Err(Error::new(file, None, ErrorKind::MissingHeader));
        };
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        let header: &'static [&'static str] = [
            LOCATION_HEADER,
            ACTOR_HEADER,
            SOURCE_HEADER,
            CUE_HEADER,
            TRIGGER_HEADER,
            LEXICON_HEADER,
        ]
        .into_iter()
        .find(|h| *h == columns.as_slice())
        .ok_or_else(|| {
            Error::new(
                file,
                Some(header_line),
                ErrorKind::UnknownHeader {
                    found: header.to_string(),
                },
            )
        })?;
        for (line, content) in lines {
            // Sized for the header: a row of 13 fields grew its list three times.
            let mut fields: Vec<&str> = Vec::with_capacity(header.len());
            split_tabs(content, &mut fields);
            let row = Row {
                file,
                line,
                header,
                fields,
            };
            if row.fields.len() != header.len() {
                return Err(row.error(ErrorKind::ColumnCount {
                    expected: header.len(),
                    found: row.fields.len(),
                }));
            }
            self.row(&row, &file_name)?;
        }
        Ok(())
    }

    /// Parses one row by its file type and adds the record.
    fn row(&mut self, row: &Row, file: &Arc<str>) -> Result<(), Error> {
        if row.header == LOCATION_HEADER {
            let record = row::location(row)?;
            self.claim_names(row, file, &record)?;
            if let Some(p) = &record.parent {
                self.references
                    .push((record.id.clone(), "parent", p.clone()));
            }
            let id = record.id.clone();
            let r = self.gaz.push_location(record);
            self.register(row, file, &id, r)
        } else if row.header == ACTOR_HEADER {
            let record = row::actor(row)?;
            self.claim_names(row, file, &record)?;
            for a in &record.affiliation {
                self.references
                    .push((record.id.clone(), "affiliation", a.clone()));
            }
            let id = record.id.clone();
            let r = self.gaz.push_actor(record);
            self.register(row, file, &id, r)
        } else if row.header == SOURCE_HEADER {
            let record = row::source(row)?;
            self.claim_names(row, file, &record)?;
            let id = record.id.clone();
            let r = self.gaz.push_source(record);
            self.register(row, file, &id, r)
        } else if row.header == TRIGGER_HEADER {
            let record = row::trigger(row)?;
            let id = record.id.clone();
            let r = self.gaz.push_trigger(record);
            self.register(row, file, &id, r)
        } else if row.header == CUE_HEADER {
            let cue = row::cue(row)?;
            if let Some(actor) = &cue.default_actor {
                let origin = Origin {
                    file: file.clone(),
                    line: row.line,
                };
                self.cue_references.push((origin, actor.clone()));
            }
            self.gaz.push_cue(cue);
            Ok(())
        } else {
            let entry = row::lexicon_word(row)?;
            let (word, class) = (entry.word.clone(), entry.class);
            match self.gaz.lexicon_mut().insert(entry) {
                Ok(()) => {
                    self.word_origins.push(Origin {
                        file: file.clone(),
                        line: row.line,
                    });
                    Ok(())
                }
                Err(first) => {
                    let first = self
                        .word_origins
                        .get(first)
                        .map(|o| format!("{}:{}", o.file, o.line))
                        .unwrap_or_default();
                    Err(row.error(ErrorKind::DuplicateWord {
                        word,
                        class: class.as_str(),
                        first,
                    }))
                }
            }
        }
    }

    /// Claims the record's normalized names: a name another record claimed first is
    /// an error unless both are flagged `ambiguous` (otherwise the resolver would
    /// never return one of them). Built-in and user records are one namespace.
    fn claim_names(
        &mut self,
        row: &Row,
        file: &Arc<str>,
        record: &dyn Record,
    ) -> Result<(), Error> {
        let ambiguous = record.flags().ambiguous;
        for name in record.names() {
            let form = crate::normalize::normalize_str(name);
            let form = form.trim();
            match self.claims.get(form) {
                None => {
                    let claim = Claim {
                        id: record.id().clone(),
                        ambiguous,
                        origin: Origin {
                            file: file.clone(),
                            line: row.line,
                        },
                    };
                    self.claims.insert(form.into(), claim);
                }
                // The same record may list a spelling twice (a name and its alias).
                Some(first) if first.id == *record.id() => {}
                Some(first) if first.ambiguous && ambiguous => {}
                Some(first) => {
                    return Err(row.error(ErrorKind::SharedName {
                        name: name.to_string(),
                        other: first.id.to_string(),
                        at: format!("{}:{}", first.origin.file, first.origin.line),
                        other_flagged: first.ambiguous,
                        this_flagged: ambiguous,
                    }));
                }
            }
        }
        Ok(())
    }

    fn register(
        &mut self,
        row: &Row,
        file: &Arc<str>,
        id: &Arc<str>,
        r: RecordRef,
    ) -> Result<(), Error> {
        if let Some(first) = self.origins.get(id) {
            return Err(row.error(ErrorKind::DuplicateId {
                id: id.to_string(),
                first: format!("{}:{}", first.file, first.line),
            }));
        }
        self.origins.insert(
            id.clone(),
            Origin {
                file: file.clone(),
                line: row.line,
            },
        );
        self.gaz.index_id(id.clone(), r);
        Ok(())
    }

    fn finish(self) -> Result<Gazetteer, Error> {
        let Loader {
            gaz,
            origins,
            references,
            cue_references,
            ..
        } = self;
        for (origin, actor) in &cue_references {
            if !matches!(gaz.get(actor), Some(RecordRef::Actor(_))) {
                return Err(Error::new(
                    origin.file.to_string(),
                    Some(origin.line),
                    ErrorKind::UnknownReference {
                        column: "value",
                        id: actor.to_string(),
                    },
                ));
            }
        }
        let origin_error = |id: &Arc<str>, kind: ErrorKind| {
            let (file, line) = origins
                .get(id)
                .map(|o| (o.file.to_string(), Some(o.line)))
                .unwrap_or_default();
            Error::new(file, line, kind)
        };
        for (id, column, target) in &references {
            let expected = match *column {
                "parent" => "a location",
                _ => "an actor",
            };
            let found = match gaz.get(target) {
                None => {
                    return Err(origin_error(
                        id,
                        ErrorKind::UnknownReference {
                            column,
                            id: target.to_string(),
                        },
                    ))
                }
                Some(RecordRef::Location(_)) => "a location",
                Some(RecordRef::Actor(_)) => "an actor",
                Some(RecordRef::Source(_)) => "a source",
                Some(RecordRef::Trigger(_)) => "a trigger",
            };
            if found != expected {
                return Err(origin_error(
                    id,
                    ErrorKind::WrongReferenceKind {
                        column,
                        id: target.to_string(),
                        expected,
                        found,
                    },
                ));
            }
        }
        // Parent cycles: walk each chain, remembering what is known to reach a root.
        // `seen` is a set: a user file may hold a chain thousands of parents deep, and
        // a linear scan per step made loading it quadratic.
        let mut acyclic: FxHashSet<&str> = FxHashSet::default();
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        for loc in gaz.locations() {
            seen.clear();
            let mut cur: Option<&Location> = Some(loc);
            while let Some(l) = cur {
                if acyclic.contains(&*l.id) {
                    break;
                }
                if !seen.insert(&l.id) {
                    return Err(origin_error(
                        &loc.id,
                        ErrorKind::ParentCycle {
                            id: loc.id.to_string(),
                        },
                    ));
                }
                cur = l.parent.as_deref().and_then(|p| gaz.location(p));
            }
            acyclic.extend(seen.drain());
        }
        Ok(gaz)
    }
}

/// Appends the tab-separated fields of `row` to `fields`. A byte loop: the fields are
/// a few bytes each, and `str::split` called memchr for every one of them (11 M
/// instructions of the built-in gazetteers' load).
fn split_tabs<'a>(row: &'a str, fields: &mut Vec<&'a str>) {
    let mut start = 0;
    for (i, &b) in row.as_bytes().iter().enumerate() {
        if b == b'\t' {
            // A tab is ASCII, so both ends are character boundaries.
            fields.push(row.get(start..i).unwrap_or_default());
            start = i + 1;
        }
    }
    fields.push(row.get(start..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Coordinates;
    use crate::kinds::{Direction, LocationKind};

    #[test]
    fn rows_split_at_tabs_as_str_split_does() {
        let rows = [
            "",
            "\t",
            "a",
            "a\t\tb\t",
            "\tحلب\tAleppo\t\t36.2\t37.1\t",
            "دير الزور\tDeir ez-Zor\tمحافظة",
        ];
        for row in rows {
            let mut fields = Vec::new();
            split_tabs(row, &mut fields);
            assert_eq!(fields, row.split('\t').collect::<Vec<_>>(), "{row:?}");
        }
    }

    const LOC_HEADER: &str =
        "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance";

    fn load(rows: &[&str]) -> Result<Gazetteer, Error> {
        let mut text = String::from(LOC_HEADER);
        for r in rows {
            text.push('\n');
            text.push_str(r);
        }
        Gazetteer::builder().add_str("t.tsv", text).build()
    }

    #[test]
    fn malformed_rows_are_reported_with_line_and_reason() {
        let good = "a\tcity\tA\tاي\t\t\t35\t38\t\t\t\t\tcurated";
        // (rows, expected line, predicate on the kind)
        type Check = fn(&ErrorKind) -> bool;
        let cases: &[(&[&str], usize, Check)] = &[
            (&["a\tcity\tA\tاي"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::ColumnCount {
                        expected: 13,
                        found: 4
                    }
                )
            }),
            (&[&format!("{good}\textra")], 2, |k| {
                matches!(k, ErrorKind::ColumnCount { found: 14, .. })
            }),
            (&["a\tcity\tA\t\t\t\t\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::EmptyField { column: "name_ar" })
            }),
            (&["a\tcity\tA\t\u{064E}\t\t\t\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "name_ar",
                        ..
                    }
                )
            }),
            (
                &["a\tcity\tA\tاي\t\t\tnorth\t38\t\t\t\t\tcurated"],
                2,
                |k| matches!(k, ErrorKind::InvalidValue { column: "lat", .. }),
            ),
            (&["a\tcity\tA\tاي\t\t\t95\t38\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::InvalidValue { column: "lat", .. })
            }),
            (&["a\tcity\tA\tاي\t\t\t35\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::InvalidValue { column: "lon", .. })
            }),
            (
                &["a\tcity\tA\tاي\t\t\tNaN\t38\t\t\t\t\tcurated"],
                2,
                |k| matches!(k, ErrorKind::InvalidValue { column: "lat", .. }),
            ),
            (&["a\ttown-ish\tA\tاي\t\t\t\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::UnknownValue { column: "kind", .. })
            }),
            (
                &["a\tcity\tA\tاي\t\t\t\t\t\t\t\tbogus\tcurated"],
                2,
                |k| {
                    matches!(
                        k,
                        ErrorKind::UnknownValue {
                            column: "flags",
                            ..
                        }
                    )
                },
            ),
            (&["A B\tcity\tA\tاي\t\t\t\t\t\t\t\t\tcurated"], 2, |k| {
                matches!(k, ErrorKind::InvalidValue { column: "id", .. })
            }),
            (&["a\tcity\tA\tاي\t\t\t\t\t\tx12\t\t\tcurated"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "geonames",
                        ..
                    }
                )
            }),
            (&["a\tcity\tA\tاي\t\t\t\t\t\t\t12\t\tcurated"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "wikidata",
                        ..
                    }
                )
            }),
            (
                &["a\tcity\tA\tاي\tب||ج\t\t\t\t\t\t\t\tcurated"],
                2,
                |k| {
                    matches!(
                        k,
                        ErrorKind::InvalidValue {
                            column: "aliases",
                            ..
                        }
                    )
                },
            ),
            (&["a\tcity\tA\tاي\t\t\t\t\t\t\t\t\t"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::EmptyField {
                        column: "provenance"
                    }
                )
            }),
            (&[good, good], 3, |k| {
                matches!(k, ErrorKind::DuplicateId { .. })
            }),
            (
                &["a\tcity\tA\tاي\t\tnowhere\t\t\t\t\t\t\tcurated"],
                2,
                |k| {
                    matches!(
                        k,
                        ErrorKind::UnknownReference {
                            column: "parent",
                            ..
                        }
                    )
                },
            ),
            (
                &[
                    "a\tcity\tA\tاي\t\tb\t\t\t\t\t\t\tcurated",
                    "b\tcity\tB\tبي\t\ta\t\t\t\t\t\t\tcurated",
                ],
                2,
                |k| matches!(k, ErrorKind::ParentCycle { .. }),
            ),
        ];
        for (rows, line, check) in cases {
            let err = load(rows).expect_err("row must be rejected");
            assert_eq!(err.file(), "t.tsv", "{rows:?}");
            assert_eq!(err.line(), Some(*line), "{rows:?}: {err}");
            assert!(check(err.kind()), "{rows:?}: {err}");
        }
    }

    #[test]
    fn accepts_bom_crlf_and_comments() {
        let text = format!(
            "\u{FEFF}{LOC_HEADER}\r\n# a comment\r\n\r\na\tcity\tA\tاي\tاى|Ay\t\t35\t38\tSY01\t12\tQ5\tambiguous,article\tcurated\r\n"
        );
        let gaz = Gazetteer::builder().add_str("t.tsv", text).build().unwrap();
        let a = gaz.location("a").unwrap();
        assert_eq!(a.aliases, vec!["اى", "Ay"]);
        assert_eq!(
            a.coordinates,
            Some(Coordinates {
                lat: 35.0,
                lon: 38.0
            })
        );
        assert_eq!(a.geonames, Some(12));
        assert!(a.flags.ambiguous && a.flags.article && !a.flags.needs_cue);
        assert_eq!(a.provenance, "curated");
    }

    #[test]
    fn rejects_unknown_header_invalid_utf8_and_missing_files() {
        let err = Gazetteer::builder()
            .add_str("x.tsv", "id\tname\n")
            .build()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::UnknownHeader { .. }));
        assert_eq!(err.line(), Some(1));
        let err = Gazetteer::builder()
            .add_reader("bad.tsv", &b"id\tkind\n\xff\xfe"[..])
            .build()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidUtf8 { offset: 8 }));
        assert_eq!(
            err.to_string(),
            "bad.tsv:2: not valid UTF-8 (first invalid byte at offset 8)"
        );
        let err = Gazetteer::builder()
            .add_file("/nonexistent/x.tsv")
            .build()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Io(_)));
        assert_eq!(err.file(), "/nonexistent/x.tsv");
        let err = Gazetteer::builder()
            .add_str("e.tsv", "\n\n")
            .build()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::MissingHeader));
    }

    #[test]
    fn duplicate_ids_across_files_name_the_first_definition() {
        let loc = format!("{LOC_HEADER}\nx\tcity\tX\tاكس\t\t\t\t\t\t\t\t\tcurated\n");
        let actors = "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance\n\
                      x\tmilitia\tX\tاكس\t\t\t\t\t\tcurated\n";
        let err = Gazetteer::builder()
            .add_str("l.tsv", loc)
            .add_str("a.tsv", actors)
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.tsv:2: duplicate id \"x\" (first defined at l.tsv:2)"
        );
    }

    #[test]
    fn cue_rows_are_checked() {
        let ok = "word\trole\tvalue\nمدينة\tlocation\tcity|town\nالشرقي\tdirection_after\teast\n";
        let gaz = Gazetteer::builder().add_str("c.tsv", ok).build().unwrap();
        assert_eq!(
            gaz.cues()[0].prefers,
            vec![LocationKind::City, LocationKind::Town]
        );
        assert_eq!(gaz.cues()[1].direction, Some(Direction::East));
        for bad in [
            "مدينة\tplace\t",
            "الشرقي\tdirection_after\teastward",
            "في\tpreposition\tx",
        ] {
            let err = Gazetteer::builder()
                .add_str("c.tsv", format!("word\trole\tvalue\n{bad}\n"))
                .build()
                .unwrap_err();
            assert_eq!(err.line(), Some(2), "{bad}");
        }
    }
}

#[cfg(test)]
mod lexicon_tests {
    use crate::error::ErrorKind;
    use crate::gazetteer::Gazetteer;
    use crate::lexicon::{LexValue, WordClass};

    const HEADER: &str = "word\tclass\tvalue";

    fn load(rows: &[&str]) -> Result<Gazetteer, crate::Error> {
        let text = std::iter::once(HEADER)
            .chain(rows.iter().copied())
            .collect::<Vec<_>>()
            .join("\n");
        Gazetteer::builder().add_str("lex.tsv", text).build()
    }

    #[test]
    fn words_are_normalized_and_typed() {
        let gaz = load(&[
            "مئة\tnumber\t100",
            "أيار\tmonth\t5",
            "ساعتين\ttime_unit\thour:2",
        ])
        .unwrap();
        let lex = gaz.lexicon();
        assert_eq!(
            lex.get(WordClass::Number, "ميه"),
            Some(LexValue::Count(100))
        );
        assert_eq!(lex.get(WordClass::Month, "ايار"), Some(LexValue::Month(5)));
        let unit = lex.get(WordClass::TimeUnit, "ساعتين");
        assert_eq!(
            unit,
            Some(LexValue::Unit(crate::kinds::TimeUnit::Hour, Some(2)))
        );
        assert_eq!(lex.entries()[0].written, "مئة");
    }

    #[test]
    fn bad_rows_name_file_line_and_reason() {
        type Check = fn(&ErrorKind) -> bool;
        // (rows, line of the error, what it says)
        let cases: &[(&[&str], usize, Check)] = &[
            (&["مئة\tnumbr\t100"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::UnknownValue {
                        column: "class",
                        ..
                    }
                )
            }),
            (&["مئة\tnumber\tمئة"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "value",
                        ..
                    }
                )
            }),
            (&["أيار\tmonth\t13"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "value",
                        ..
                    }
                )
            }),
            (&["لم\tnegation\tyes"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "value",
                        ..
                    }
                )
            }),
            (&["\u{064E}\tnegation\t"], 2, |k| {
                matches!(k, ErrorKind::InvalidValue { column: "word", .. })
            }),
            (&["\tnegation\t"], 2, |k| {
                matches!(k, ErrorKind::EmptyField { column: "word" })
            }),
            // The same word twice in a class, as written or after normalization.
            (
                &["نفى\tnegation\t", "نفي\tnegation\t"],
                3,
                |k| matches!(k, ErrorKind::DuplicateWord { first, .. } if first == "lex.tsv:2"),
            ),
            (&["ساعة\ttime_unit\thour:x"], 2, |k| {
                matches!(
                    k,
                    ErrorKind::InvalidValue {
                        column: "value",
                        ..
                    }
                )
            }),
        ];
        for (rows, line, check) in cases {
            let err = load(rows).expect_err("row must be rejected");
            assert_eq!(
                (err.file(), err.line()),
                ("lex.tsv", Some(*line)),
                "{rows:?}: {err}"
            );
            assert!(check(err.kind()), "{rows:?}: {err}");
        }
        // One word may serve two classes ("قبل": a time anchor and an initiator cue).
        assert!(load(&["قبل\ttime_relation\tago", "قبل\tinitiator_cue\t"]).is_ok());
    }
}
