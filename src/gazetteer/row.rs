//! One TSV row to one record: every field checked, the record returned to the loader
//! (which registers it and checks references once every file is in).

use std::sync::Arc;

use super::records::{Actor, Coordinates, CueWord, Flags, Location, Source, Trigger};
use crate::error::{Error, ErrorKind};
use crate::kinds::{ActorKind, CueRole, Direction, EventKind, LocationKind, Role, SourceKind};
use crate::lexicon::{LexValue, LexiconEntry, WordClass};

pub(super) const LOCATION_HEADER: &[&str] = &[
    "id",
    "kind",
    "name_en",
    "name_ar",
    "aliases",
    "parent",
    "lat",
    "lon",
    "pcode",
    "geonames",
    "wikidata",
    "flags",
    "provenance",
];
pub(super) const ACTOR_HEADER: &[&str] = &[
    "id",
    "kind",
    "name_en",
    "name_ar",
    "aliases",
    "affiliation",
    "country",
    "acled_name",
    "flags",
    "provenance",
];
pub(super) const SOURCE_HEADER: &[&str] = &[
    "id",
    "kind",
    "name_en",
    "name_ar",
    "aliases",
    "country",
    "flags",
    "provenance",
];
pub(super) const CUE_HEADER: &[&str] = &["word", "role", "value"];
pub(super) const TRIGGER_HEADER: &[&str] = &[
    "id",
    "kind",
    "name_ar",
    "aliases",
    "after",
    "requires",
    "sub_event",
    "cameo",
    "flags",
    "provenance",
];
pub(super) const LEXICON_HEADER: &[&str] = &["word", "class", "value"];

/// The longest name (or word) a gazetteer may hold, in characters after normalization.
///
/// The longest built-in name has 43 ("الجبهة الشعبية لتحرير فلسطين القيادة العامة").
/// The cap bounds what one name costs the automaton: its states, and the matches a
/// state inherits from names that end it, grow with the length of the names.
pub const MAX_NAME_CHARS: usize = 64;

/// One row being parsed: its fields by column name, and its position for errors.
pub(super) struct Row<'a> {
    pub(super) file: &'a str,
    pub(super) line: usize,
    pub(super) header: &'static [&'static str],
    pub(super) fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    pub(super) fn error(&self, kind: ErrorKind) -> Error {
        Error::new(self.file, Some(self.line), kind)
    }

    pub(super) fn get(&self, column: &'static str) -> &'a str {
        self.header
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.fields.get(i))
            .map(|f| f.trim())
            .unwrap_or("")
    }

    pub(super) fn required(&self, column: &'static str) -> Result<&'a str, Error> {
        let v = self.get(column);
        if v.is_empty() {
            Err(self.error(ErrorKind::EmptyField { column }))
        } else {
            Ok(v)
        }
    }

    pub(super) fn optional(&self, column: &'static str) -> Option<&'a str> {
        Some(self.get(column)).filter(|v| !v.is_empty())
    }

    pub(super) fn list(&self, column: &'static str) -> Result<Vec<String>, Error> {
        let v = self.get(column);
        if v.is_empty() {
            return Ok(Vec::new());
        }
        v.split('|')
            .map(|item| {
                let item = item.trim();
                if item.is_empty() {
                    Err(self.error(ErrorKind::InvalidValue {
                        column,
                        value: v.to_string(),
                        reason: "empty item in a |-separated list",
                    }))
                } else {
                    Ok(item.to_string())
                }
            })
            .collect()
    }

    pub(super) fn kind<T>(
        &self,
        parse: fn(&str) -> Option<T>,
        allowed: fn() -> String,
    ) -> Result<T, Error> {
        let v = self.required("kind")?;
        parse(v).ok_or_else(|| {
            self.error(ErrorKind::UnknownValue {
                column: "kind",
                value: v.to_string(),
                allowed: allowed(),
            })
        })
    }

    pub(super) fn id(&self) -> Result<Arc<str>, Error> {
        let id = self.required("id")?;
        let valid = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b));
        if !valid {
            return Err(self.error(ErrorKind::InvalidValue {
                column: "id",
                value: id.to_string(),
                reason: "ids use lowercase ASCII letters, digits, '-', '_' and '.'",
            }));
        }
        Ok(Arc::from(id))
    }

    pub(super) fn name_ar(&self) -> Result<String, Error> {
        let name = self.required("name_ar")?;
        self.check_name("name_ar", name, 2)?;
        Ok(name.to_string())
    }

    pub(super) fn aliases(&self) -> Result<Vec<String>, Error> {
        let aliases = self.list("aliases")?;
        for a in &aliases {
            self.check_name("aliases", a, 2)?;
        }
        Ok(aliases)
    }

    /// A name or word as the matcher will hold it: not empty after normalization, with
    /// at least `letters` letters or digits (a name "-" would match every dash, a
    /// one-letter name every clitic), and at most [`MAX_NAME_CHARS`] characters.
    pub(super) fn check_name(
        &self,
        column: &'static str,
        name: &str,
        letters: usize,
    ) -> Result<(), Error> {
        let norm = crate::normalize::normalize_str(name);
        let norm = norm.trim();
        let invalid = |reason| {
            self.error(ErrorKind::InvalidValue {
                column,
                value: name.to_string(),
                reason,
            })
        };
        if norm.is_empty() {
            return Err(invalid(match column {
                "aliases" => "the alias is empty after normalization",
                "word" => "the word is empty after normalization",
                _ => "the name is empty after normalization",
            }));
        }
        // Counted up to the cap only: a hostile megabyte-long name costs no more.
        let chars = norm.chars().take(MAX_NAME_CHARS + 1).count();
        if chars > MAX_NAME_CHARS {
            return Err(self.error(ErrorKind::NameTooLong {
                column,
                chars: norm.chars().count(),
                max: MAX_NAME_CHARS,
            }));
        }
        // `is_word_char` is `char::is_alphanumeric` with a table for Arabic, whose
        // general look-up cost more than the rest of the load of a name.
        if norm
            .chars()
            .filter(|&c| crate::text::words::is_word_char(c))
            .take(letters)
            .count()
            < letters
        {
            return Err(invalid(if letters > 1 {
                "a name needs at least two letters or digits"
            } else {
                "a word needs at least one letter or digit"
            }));
        }
        Ok(())
    }

    pub(super) fn flags(&self) -> Result<Flags, Error> {
        let mut flags = Flags::default();
        let items = self
            .get("flags")
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty());
        for item in items {
            match item {
                "article" => flags.article = true,
                "needs_cue" => flags.needs_cue = true,
                "ambiguous" => flags.ambiguous = true,
                "suffixes" => flags.suffixes = true,
                "detail" => flags.detail = true,
                _ => {
                    return Err(self.error(ErrorKind::UnknownValue {
                        column: "flags",
                        value: item.to_string(),
                        allowed: "article needs_cue ambiguous suffixes detail".to_string(),
                    }))
                }
            }
        }
        Ok(flags)
    }

    pub(super) fn country(&self) -> Result<Option<String>, Error> {
        match self.optional("country") {
            None => Ok(None),
            Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => {
                Ok(Some(c.to_string()))
            }
            Some(c) => Err(self.error(ErrorKind::InvalidValue {
                column: "country",
                value: c.to_string(),
                reason: "expected an ISO 3166-1 alpha-2 code such as SY",
            })),
        }
    }

    pub(super) fn coordinate(
        &self,
        column: &'static str,
        limit: f64,
    ) -> Result<Option<f64>, Error> {
        let Some(v) = self.optional(column) else {
            return Ok(None);
        };
        let x: f64 = v.parse().map_err(|_| {
            self.error(ErrorKind::InvalidValue {
                column,
                value: v.to_string(),
                reason: "not a decimal number",
            })
        })?;
        if !x.is_finite() || x.abs() > limit {
            return Err(self.error(ErrorKind::InvalidValue {
                column,
                value: v.to_string(),
                reason: "coordinate out of range",
            }));
        }
        Ok(Some(x))
    }
}

pub(super) fn location(row: &Row) -> Result<Location, Error> {
    let id = row.id()?;
    let kind = row.kind(LocationKind::parse, LocationKind::allowed)?;
    let lat = row.coordinate("lat", 90.0)?;
    let lon = row.coordinate("lon", 180.0)?;
    let coordinates = match (lat, lon) {
        (Some(lat), Some(lon)) => Some(Coordinates { lat, lon }),
        (None, None) => None,
        _ => {
            return Err(row.error(ErrorKind::InvalidValue {
                column: if lat.is_none() { "lat" } else { "lon" },
                value: String::new(),
                reason: "lat and lon must both be set or both be empty",
            }))
        }
    };
    let geonames = match row.optional("geonames") {
        None => None,
        // Digits only ("+12" parses as a u64) and not 0, which GeoNames never assigns.
        Some(v) => Some(
            v.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| v.parse::<u64>().ok())
                .flatten()
                .filter(|&id| id > 0)
                .ok_or_else(|| {
                    row.error(ErrorKind::InvalidValue {
                        column: "geonames",
                        value: v.to_string(),
                        reason: "not a GeoNames id (a positive integer)",
                    })
                })?,
        ),
    };
    if let Some(q) = row.optional("wikidata") {
        let ok = q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit());
        if !ok {
            return Err(row.error(ErrorKind::InvalidValue {
                column: "wikidata",
                value: q.to_string(),
                reason: "not a Wikidata id (Q followed by digits)",
            }));
        }
    }
    let parent = row.optional("parent").map(Arc::<str>::from);
    Ok(Location {
        id: id.clone(),
        kind,
        name_en: Arc::from(row.required("name_en")?),
        name_ar: row.name_ar()?,
        aliases: row.aliases()?,
        parent,
        coordinates,
        pcode: row.optional("pcode").map(str::to_string),
        geonames,
        wikidata: row.optional("wikidata").map(str::to_string),
        flags: row.flags()?,
        provenance: row.required("provenance")?.to_string(),
    })
}

pub(super) fn actor(row: &Row) -> Result<Actor, Error> {
    let id = row.id()?;
    let kind = row.kind(ActorKind::parse, ActorKind::allowed)?;
    let affiliation: Vec<Arc<str>> = row
        .list("affiliation")?
        .into_iter()
        .map(|a| Arc::from(a.as_str()))
        .collect();
    Ok(Actor {
        id: id.clone(),
        kind,
        name_en: Arc::from(row.required("name_en")?),
        name_ar: row.name_ar()?,
        aliases: row.aliases()?,
        affiliation,
        country: row.country()?,
        acled_name: row.get("acled_name").to_string(),
        flags: row.flags()?,
        provenance: row.required("provenance")?.to_string(),
    })
}

pub(super) fn source(row: &Row) -> Result<Source, Error> {
    let id = row.id()?;
    let kind = row.kind(SourceKind::parse, SourceKind::allowed)?;
    Ok(Source {
        id: id.clone(),
        kind,
        name_en: Arc::from(row.required("name_en")?),
        name_ar: row.name_ar()?,
        aliases: row.aliases()?,
        country: row.country()?,
        flags: row.flags()?,
        provenance: row.required("provenance")?.to_string(),
    })
}

pub(super) fn trigger(row: &Row) -> Result<Trigger, Error> {
    let id = row.id()?;
    let kind = row.kind(EventKind::parse, EventKind::allowed)?;
    let after = match row.optional("after") {
        None => None,
        Some(v) => Some(Role::parse(v).ok_or_else(|| {
            row.error(ErrorKind::UnknownValue {
                column: "after",
                value: v.to_string(),
                allowed: Role::allowed(),
            })
        })?),
    };
    let mut requires = Vec::new();
    for word in row.list("requires")? {
        let norm = crate::normalize::normalize_str(&word);
        let norm = norm.trim();
        if norm.is_empty() || norm.contains(' ') {
            return Err(row.error(ErrorKind::InvalidValue {
                column: "requires",
                value: word.clone(),
                reason: "each item is the beginning of one word",
            }));
        }
        requires.push(norm.to_string());
    }
    let cameo = row.optional("cameo").map(str::to_string);
    if let Some(c) = &cameo {
        if !(2..=4).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err(row.error(ErrorKind::InvalidValue {
                column: "cameo",
                value: c.clone(),
                reason: "a CAMEO code is 2 to 4 digits",
            }));
        }
    }
    Ok(Trigger {
        id: id.clone(),
        kind,
        name_ar: row.name_ar()?,
        aliases: row.aliases()?,
        after,
        requires,
        sub_event: row.optional("sub_event").map(str::to_string),
        cameo,
        flags: row.flags()?,
        provenance: row.required("provenance")?.to_string(),
    })
}

pub(super) fn cue(row: &Row) -> Result<CueWord, Error> {
    let word = row.required("word")?;
    row.check_name("word", word, 1)?;
    let role_text = row.required("role")?;
    let role = CueRole::parse(role_text).ok_or_else(|| {
        row.error(ErrorKind::UnknownValue {
            column: "role",
            value: role_text.to_string(),
            allowed: CueRole::allowed(),
        })
    })?;
    let value = row.get("value");
    let mut prefers = Vec::new();
    let mut direction = None;
    let mut actor_kinds = Vec::new();
    let (mut default_actor, mut default_until) = (None, None);
    match role {
        CueRole::Actor => {
            for item in row.list("value")? {
                actor_kinds.push(ActorKind::parse(&item).ok_or_else(|| {
                    row.error(ErrorKind::UnknownValue {
                        column: "value",
                        value: item.clone(),
                        allowed: ActorKind::allowed(),
                    })
                })?);
            }
        }
        CueRole::Reference => {
            let mut words = value.split_whitespace();
            default_actor = words.next().map(Arc::from);
            match (words.next(), words.next(), words.next()) {
                (None, _, _) => {}
                (Some("until"), Some(day), None) if is_iso_day(day) => {
                    default_until = Some(day.to_string());
                }
                _ => {
                    return Err(row.error(ErrorKind::InvalidValue {
                        column: "value",
                        value: value.to_string(),
                        reason: "expected an actor id, optionally followed by `until YYYY-MM-DD`",
                    }))
                }
            }
        }
        CueRole::Location => {
            for item in row.list("value")? {
                prefers.push(LocationKind::parse(&item).ok_or_else(|| {
                    row.error(ErrorKind::UnknownValue {
                        column: "value",
                        value: item.clone(),
                        allowed: LocationKind::allowed(),
                    })
                })?);
            }
        }
        CueRole::DirectionAfter | CueRole::DirectionBefore => {
            direction = Some(Direction::parse(value).ok_or_else(|| {
                row.error(ErrorKind::UnknownValue {
                    column: "value",
                    value: value.to_string(),
                    allowed: Direction::allowed(),
                })
            })?);
        }
        _ => {
            if !value.is_empty() {
                return Err(row.error(ErrorKind::InvalidValue {
                    column: "value",
                    value: value.to_string(),
                    reason: "this role takes no value",
                }));
            }
        }
    }
    Ok(CueWord {
        word: word.to_string(),
        role,
        prefers,
        direction,
        actor_kinds,
        default_actor,
        default_until,
    })
}

/// A calendar day written `YYYY-MM-DD` that exists (the gazetteer knows no stage, so
/// not `time::Date`; the two agree on these days).
fn is_iso_day(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && (1..=days).contains(&d)
}

pub(super) fn lexicon_word(row: &Row) -> Result<LexiconEntry, Error> {
    let written = row.required("word")?;
    row.check_name("word", written, 1)?;
    let word = crate::normalize::normalize_str(written);
    let word = word.trim();
    let class_text = row.required("class")?;
    let class = WordClass::parse(class_text).ok_or_else(|| {
        row.error(ErrorKind::UnknownValue {
            column: "class",
            value: class_text.to_string(),
            allowed: WordClass::allowed(),
        })
    })?;
    let value_text = row.get("value");
    let value = LexValue::parse(class, value_text).map_err(|reason| {
        row.error(ErrorKind::InvalidValue {
            column: "value",
            value: value_text.to_string(),
            reason,
        })
    })?;
    Ok(LexiconEntry {
        written: written.to_string(),
        word: word.to_string(),
        class,
        value,
    })
}
