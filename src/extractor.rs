//! The [`Extractor`]: gazetteer, automaton and rules, built once and shared.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::document::Document;
use crate::entity::{self, CueIndex, Entity, EntityKind, EntityType};
use crate::error::Error;
use crate::gazetteer::{Gazetteer, GazetteerBuilder, RecordRef};
use crate::matcher::{self, Hit, Matcher, MatcherBuilder};
use crate::normalize::Normalized;

/// Extracts actors, locations and sources from Arabic text.
///
/// Building an extractor compiles every gazetteer name into one automaton; do it once
/// and reuse it. It is cheap to clone (the data is shared) and `Send + Sync`, so one
/// extractor can serve many threads.
///
/// ```
/// use syria_extract::{EntityKind, Extractor};
///
/// let extractor = Extractor::default();
/// let text = "ويشارك في الحملة ميليشيات لواء القدس وفاطميون في بادية دير الزور";
/// let doc = extractor.extract(text);
/// let names: Vec<(EntityKind, &str)> = doc.entities.iter().map(|e| (e.kind, &*e.name)).collect();
/// assert_eq!(names, [
///     (EntityKind::Actor, "Liwa al-Quds"),
///     (EntityKind::Actor, "Fatemiyoun Brigade"),
///     (EntityKind::Location, "Deir ez-Zor"),
/// ]);
/// // Spans point into the original text.
/// let quds = &doc.entities[0];
/// assert_eq!(&text[quds.start..quds.end], "لواء القدس");
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    gazetteer: Gazetteer,
    matcher: Matcher<RecordRef>,
    cues: CueIndex,
    /// Governorate id of each location (by index), resolved once at build time.
    admin1: Vec<Option<Arc<str>>>,
}

static BUILTIN: Lazy<Result<Extractor, String>> =
    Lazy::new(|| Extractor::new(Gazetteer::builtin().clone()).map_err(|e| e.to_string()));

impl Default for Extractor {
    /// The extractor over the built-in gazetteers, built once per process and shared.
    fn default() -> Extractor {
        match &*BUILTIN {
            Ok(e) => e.clone(),
            // The built-in data is validated by the crate's tests; a broken local edit of
            // gazetteers/ is reported here with file, line and reason.
            Err(e) => panic!("built-in gazetteer is invalid: {e}"),
        }
    }
}

impl Extractor {
    /// Starts a builder; by default it includes the built-in gazetteers.
    ///
    /// ```
    /// use syria_extract::Extractor;
    ///
    /// let mine = "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance\n\
    ///             liwa-x\tmilitia\tLiwa X\tلواء اكس التجريبي\t\tiran\tSY\tLiwa X\t\tmy notes\n";
    /// let extractor = Extractor::builder().add_str("my_actors.tsv", mine).build().unwrap();
    /// let doc = extractor.extract("هاجم لواء إكس التجريبي مواقع داعش");
    /// let ids: Vec<&str> = doc.actors().map(|e| &*e.id).collect();
    /// assert_eq!(ids, ["liwa-x", "isis"]);
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Builds an extractor over a gazetteer.
    pub fn new(gazetteer: Gazetteer) -> Result<Extractor, Error> {
        let cues = CueIndex::new(&gazetteer);
        let mut builder = MatcherBuilder::new(cues.joins());
        for (record, name, flags) in gazetteer.names() {
            builder.add(name, record, flags.article);
        }
        let matcher = builder.build()?;
        let admin1 = gazetteer.admin1_ids();
        Ok(Extractor {
            inner: Arc::new(Inner {
                gazetteer,
                matcher,
                cues,
                admin1,
            }),
        })
    }

    /// The gazetteer this extractor matches.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// Number of distinct normalized patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.inner.matcher.pattern_count()
    }

    /// Approximate heap memory of the automaton, in bytes.
    pub fn automaton_memory(&self) -> usize {
        self.inner.matcher.memory_usage()
    }

    /// Extracts everything from `text`.
    pub fn extract(&self, text: &str) -> Document {
        let norm = crate::normalize::normalize(text);
        let entities = self.entities(text, &norm);
        Document { entities }
    }

    /// Entity mentions of `text`, given its normalization.
    fn entities(&self, text: &str, norm: &Normalized) -> Vec<Entity> {
        let inner = &*self.inner;
        let ntext = norm.as_str();
        let mut hits = Vec::new();
        inner.matcher.find_all(ntext, &mut hits);
        let mut candidates: Vec<RecordRef> = Vec::new();
        let mut out = Vec::new();
        // A hit the resolver rejects (e.g. a needs_cue name without its cue) must not
        // block an overlapping one, so resolution runs inside the selection.
        let selected = matcher::select_longest(&mut hits, |h| {
            // One original character can expand to several words (U+FDFA "ﷺ" is four),
            // so hits that do not overlap in the normalized text can share original
            // bytes: the first one keeps them, as in leftmost-longest selection.
            let previous_end = out.last().map_or(0, |e: &Entity| e.end);
            if norm.original_start(h.start) < previous_end {
                return false;
            }
            candidates.clear();
            let prefix = &ntext[h.word_start..h.start];
            candidates.extend(
                inner
                    .matcher
                    .targets(h.pattern)
                    .iter()
                    .filter(|t| t.form.accepts(prefix))
                    .map(|t| t.key),
            );
            let ctx = inner.cues.context(ntext, h.word_start, h.start, h.end);
            match entity::resolve(&inner.gazetteer, &candidates, &ctx) {
                Some(record) => {
                    out.push(self.entity(text, norm, h, record, &ctx));
                    true
                }
                None => false,
            }
        });
        debug_assert_eq!(selected.len(), out.len());
        out
    }

    fn entity(
        &self,
        text: &str,
        norm: &Normalized,
        hit: &Hit,
        record: RecordRef,
        ctx: &entity::Context<'_>,
    ) -> Entity {
        let inner = &*self.inner;
        let gaz = &inner.gazetteer;
        let span = norm.original_range(hit.start..hit.end);
        let slice = |r: std::ops::Range<usize>| text.get(r).unwrap_or_default().to_string();
        let (kind, id, name, entity_type, admin1, coordinates) = match record {
            RecordRef::Actor(i) => {
                let a = &gaz.actors()[i as usize];
                (
                    EntityKind::Actor,
                    a.id.clone(),
                    a.name_en.clone(),
                    EntityType::Actor(a.kind),
                    None,
                    None,
                )
            }
            RecordRef::Location(i) => {
                let l = &gaz.locations()[i as usize];
                let admin1 = inner.admin1.get(i as usize).cloned().flatten();
                (
                    EntityKind::Location,
                    l.id.clone(),
                    l.name_en.clone(),
                    EntityType::Location(l.kind),
                    admin1,
                    l.coordinates,
                )
            }
            RecordRef::Source(i) => {
                let s = &gaz.sources()[i as usize];
                (
                    EntityKind::Source,
                    s.id.clone(),
                    s.name_en.clone(),
                    EntityType::Source(s.kind),
                    None,
                    None,
                )
            }
        };
        let cue = ctx.cue.map(|((s, e), entry)| {
            let r = norm.original_range(s..e);
            entity::Cue {
                text: slice(r.clone()),
                start: r.start,
                end: r.end,
                role: entry.role,
            }
        });
        let direction = match kind {
            EntityKind::Location => ctx.direction.map(|((s, e), d)| {
                let r = norm.original_range(s..e);
                entity::DirectionMention {
                    direction: d,
                    text: slice(r.clone()),
                    start: r.start,
                    end: r.end,
                }
            }),
            _ => None,
        };
        Entity {
            kind,
            id,
            name,
            start: span.start,
            end: span.end,
            text: slice(span),
            entity_type,
            cue,
            direction,
            admin1,
            coordinates,
        }
    }
}

/// Builds an [`Extractor`] from the built-in gazetteers and your own files.
///
/// Files are read when added and parsed by [`build`](ExtractorBuilder::build), which
/// reports the first problem with file, line and reason.
#[derive(Debug)]
pub struct ExtractorBuilder {
    builtin: bool,
    gazetteer: GazetteerBuilder,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder {
            builtin: true,
            gazetteer: GazetteerBuilder::new(),
        }
    }
}

impl ExtractorBuilder {
    /// Whether to include the built-in gazetteers (default `true`).
    pub fn builtin(mut self, yes: bool) -> ExtractorBuilder {
        self.builtin = yes;
        self
    }

    /// Adds a gazetteer file (any of the types in `gazetteers/FORMAT.md`).
    pub fn add_file(mut self, path: impl AsRef<Path>) -> ExtractorBuilder {
        self.gazetteer = self.gazetteer.add_file(path);
        self
    }

    /// Adds gazetteer data from a reader; `name` is used in error messages.
    pub fn add_reader(mut self, name: impl Into<String>, reader: impl Read) -> ExtractorBuilder {
        self.gazetteer = self.gazetteer.add_reader(name, reader);
        self
    }

    /// Adds gazetteer data from a string; `name` is used in error messages.
    pub fn add_str(mut self, name: impl Into<String>, text: impl Into<String>) -> ExtractorBuilder {
        self.gazetteer = self.gazetteer.add_str(name, text);
        self
    }

    /// Parses, validates and compiles everything.
    pub fn build(self) -> Result<Extractor, Error> {
        let gazetteer = if self.builtin {
            // Built-in files first, so user records may refer to built-in ids.
            let mut b = GazetteerBuilder::new().builtin();
            b.extend(self.gazetteer);
            b.build()?
        } else {
            self.gazetteer.build()?
        };
        Extractor::new(gazetteer)
    }
}
