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
use crate::time::{self, Date, TimeExpression, TimeWord};

/// What a pattern of the automaton stands for: a gazetteer record (entities and event
/// triggers) or a word that anchors a time expression. One automaton finds all of
/// them in a single pass over the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Record(RecordRef),
    Time(TimeWord),
}

impl Key {
    /// The actor, location or source record, if the key is one.
    fn entity(self) -> Option<RecordRef> {
        match self {
            Key::Record(RecordRef::Trigger(_)) | Key::Time(_) => None,
            Key::Record(r) => Some(r),
        }
    }

    /// The trigger index, if the key is one.
    fn trigger(self) -> Option<u32> {
        match self {
            Key::Record(RecordRef::Trigger(i)) => Some(i),
            _ => None,
        }
    }

    /// The time anchor, if the key is one.
    fn time(self) -> Option<TimeWord> {
        match self {
            Key::Time(w) => Some(w),
            Key::Record(_) => None,
        }
    }
}

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
    matcher: Matcher<Key>,
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
            builder.add(name, Key::Record(record), flags.article, flags.suffixes);
        }
        for (index, name, flags) in gazetteer.trigger_names() {
            let key = Key::Record(RecordRef::Trigger(index));
            builder.add(name, key, flags.article, flags.suffixes);
        }
        for (word, anchor) in time::ANCHORS {
            builder.add(word, Key::Time(*anchor), false, false);
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

    /// The normalized patterns of the automaton: every gazetteer name and trigger form,
    /// the forms generated for the article and joined spellings, and the time anchor
    /// words. Useful to compare with a bare automaton over the same set.
    ///
    /// ```
    /// let extractor = syria_extract::Extractor::default();
    /// assert_eq!(extractor.patterns().count(), extractor.pattern_count());
    /// assert!(extractor.patterns().any(|p| p == "دير الزور"));
    /// ```
    pub fn patterns(&self) -> impl Iterator<Item = &str> + '_ {
        self.inner.matcher.patterns()
    }

    /// The match stage alone, for benchmarks: the number of word-bounded,
    /// clitic-checked hits in already normalized text.
    #[doc(hidden)]
    pub fn count_hits(&self, normalized: &str) -> usize {
        let mut hits = Vec::new();
        self.inner.matcher.find_all(normalized, &mut hits);
        hits.len()
    }

    /// The keys a hit stands for: the targets of its pattern whose clitic and suffix
    /// rules the hit meets.
    fn fitting_keys<'a>(&'a self, ntext: &'a str, h: &'a Hit) -> impl Iterator<Item = Key> + 'a {
        self.inner
            .matcher
            .targets(h.pattern)
            .iter()
            .filter(move |t| h.fits(ntext, t))
            .map(|t| t.key)
    }

    /// Approximate heap memory of the automaton, in bytes.
    pub fn automaton_memory(&self) -> usize {
        self.inner.matcher.memory_usage()
    }

    /// Extracts everything from `text`.
    pub fn extract(&self, text: &str) -> Document {
        self.extract_dated(text, None)
    }

    /// Entities only: the actors, places and sources of [`extract`](Extractor::extract),
    /// without time expressions and events, for callers that need no more.
    ///
    /// ```
    /// let entities = syria_extract::Extractor::default().extract_entities("قصفت قوات النظام مدينة حمص");
    /// assert_eq!(entities.len(), 2);
    /// ```
    pub fn extract_entities(&self, text: &str) -> Vec<Entity> {
        let norm = crate::normalize::normalize(text);
        let ntext = norm.as_str();
        let inner = &*self.inner;
        let mut hits = Vec::new();
        inner.matcher.find_all(ntext, &mut hits);
        hits.retain(|h| self.fitting_keys(ntext, h).any(|k| k.entity().is_some()));
        self.entities(text, &norm, &mut hits).0
    }

    /// Extracts many documents on all cores; the result is in input order and equal to
    /// calling [`extract_dated`](Extractor::extract_dated) on each text in turn.
    ///
    /// Uses `std::thread::scope` with one worker per available core, each taking the
    /// next document from a shared counter, so a few long articles do not leave the
    /// other cores idle.
    ///
    /// ```
    /// let extractor = syria_extract::Extractor::default();
    /// let texts = ["قصفت قوات النظام بلدة السخنة", "خرجت مظاهرة في مدينة إدلب"];
    /// let docs = extractor.extract_batch(&texts, None);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1], extractor.extract(texts[1]));
    /// ```
    pub fn extract_batch<T: AsRef<str> + Sync>(
        &self,
        texts: &[T],
        date: Option<Date>,
    ) -> Vec<Document> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(texts.len());
        if workers <= 1 {
            return texts
                .iter()
                .map(|t| self.extract_dated(t.as_ref(), date))
                .collect();
        }
        let next = AtomicUsize::new(0);
        let mut results: Vec<(usize, Document)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(text) = texts.get(i) else { break };
                            done.push((i, self.extract_dated(text.as_ref(), date)));
                        }
                        done
                    })
                })
                .collect();
            // A worker can only fail by panicking, which extraction never does; should
            // one anyway, its documents are redone on this thread below.
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        results.sort_unstable_by_key(|(i, _)| *i);
        let mut out = Vec::with_capacity(texts.len());
        let mut results = results.into_iter().peekable();
        for (i, text) in texts.iter().enumerate() {
            match results.next_if(|(j, _)| *j == i) {
                Some((_, doc)) => out.push(doc),
                None => out.push(self.extract_dated(text.as_ref(), date)),
            }
        }
        out
    }

    /// Like [`extract`](Extractor::extract), with the date the document was published:
    /// relative time expressions ("أمس", "قبل يومين") are then resolved to dates.
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// use syria_extract::Extractor;
    ///
    /// let text = "قصفت قوات النظام أمس الأحد بلدة السخنة.";
    /// let doc = Extractor::default().extract_dated(text, Date::parse("2019-05-20"));
    /// let time = doc.events[0].time.as_ref().unwrap();
    /// assert_eq!(time.text, "أمس الأحد");
    /// assert_eq!(time.date.unwrap().to_string(), "2019-05-19");
    /// ```
    pub fn extract_dated(&self, text: &str, date: Option<Date>) -> Document {
        let norm = crate::normalize::normalize(text);
        let ntext = norm.as_str();
        let inner = &*self.inner;
        let mut hits = Vec::new();
        inner.matcher.find_all(ntext, &mut hits);
        // One pass sorts the hits by what they may stand for; a hit can be several.
        let mut entity_hits = Vec::new();
        let mut trigger_hits = Vec::new();
        let mut time_hits = Vec::new();
        for h in hits {
            let (mut entity, mut trigger, mut time) = (false, false, false);
            for k in self.fitting_keys(ntext, &h) {
                entity |= k.entity().is_some();
                trigger |= k.trigger().is_some();
                time |= k.time().is_some();
            }
            if entity {
                entity_hits.push(h);
            }
            if trigger {
                trigger_hits.push(h);
            }
            if time {
                time_hits.push(h);
            }
        }
        let (entities, entity_spans) = self.entities(text, &norm, &mut entity_hits);
        let (times, time_spans) = self.times(text, &norm, &mut time_hits, date);
        let events = if trigger_hits.is_empty() {
            // Sentence segmentation only runs on texts that report something.
            Vec::new()
        } else {
            let gaz = &inner.gazetteer;
            let triggers: Vec<_> = matcher::select_longest(&mut trigger_hits, |_| true)
                .into_iter()
                .filter_map(|h| {
                    let t = self
                        .fitting_keys(ntext, &h)
                        .find_map(Key::trigger)
                        .and_then(|i| gaz.triggers().get(i as usize))?;
                    let span = norm.original_range(h.start..h.end);
                    Some(((h.start, h.end), (span.start, span.end), t))
                })
                .collect();
            let starts: Vec<usize> = triggers.iter().map(|t| t.1 .0).collect();
            let sentences = crate::sentence::sentences_around(text, &starts);
            let to_original = |n: usize| norm.original_start(n);
            crate::event::build(&crate::event::Input {
                text,
                ntext,
                entities: &entities,
                entity_spans: &entity_spans,
                times: &times,
                time_spans: &time_spans,
                triggers,
                sentences: &sentences,
                to_original: &to_original,
            })
        };
        Document {
            entities,
            events,
            times,
        }
    }

    /// Time expressions: anchored by words the automaton found, plus numeric dates.
    fn times(
        &self,
        text: &str,
        norm: &Normalized,
        hits: &mut [Hit],
        date: Option<Date>,
    ) -> (Vec<TimeExpression>, Vec<(usize, usize)>) {
        let ntext = norm.as_str();
        let mut found = Vec::new();
        time::numeric_dates(ntext, &mut found);
        hits.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        for h in hits.iter() {
            let anchor = self.fitting_keys(ntext, h).find_map(Key::time);
            if let Some(f) = anchor.and_then(|w| time::parse_at(ntext, h.start, h.end, w)) {
                found.push(f);
            }
        }
        // Longest first at each start; drop anything inside an earlier expression.
        found.sort_unstable_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        let mut out = Vec::new();
        let mut spans = Vec::new();
        let mut last_end = 0;
        for f in found {
            if f.start < last_end {
                continue;
            }
            last_end = f.end;
            let span = norm.original_range(f.start..f.end);
            let resolved = time::resolve(f.kind, &f.value, date);
            out.push(TimeExpression {
                kind: f.kind,
                start: span.start,
                end: span.end,
                text: text.get(span).unwrap_or_default().to_string(),
                value: f.value,
                date: resolved.map(|r| r.0),
                end_date: resolved.and_then(|r| r.1),
                precision: resolved.map(|r| r.2),
            });
            spans.push((f.start, f.end));
        }
        (out, spans)
    }

    fn entities(
        &self,
        text: &str,
        norm: &Normalized,
        hits: &mut [Hit],
    ) -> (Vec<Entity>, Vec<(usize, usize)>) {
        let inner = &*self.inner;
        let ntext = norm.as_str();
        let mut candidates: Vec<RecordRef> = Vec::new();
        let mut out = Vec::new();
        let mut spans = Vec::new();
        let selected = matcher::select_longest(hits, |h| {
            let previous_end = out.last().map_or(0, |e: &Entity| e.end);
            if norm.original_start(h.start) < previous_end {
                return false;
            }
            candidates.clear();
            candidates.extend(self.fitting_keys(ntext, h).filter_map(Key::entity));
            let ctx = inner.cues.context(ntext, h.word_start, h.start, h.end);
            let found = entity::resolve(&inner.gazetteer, &candidates, &ctx)
                .and_then(|record| self.entity(text, norm, h, record, &ctx));
            match found {
                Some(e) => {
                    out.push(e);
                    spans.push((h.start, h.end));
                    true
                }
                None => false,
            }
        });
        debug_assert_eq!(selected.len(), out.len());
        (out, spans)
    }

    fn entity(
        &self,
        text: &str,
        norm: &Normalized,
        hit: &Hit,
        record: RecordRef,
        ctx: &entity::Context<'_>,
    ) -> Option<Entity> {
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
            RecordRef::Trigger(_) => return None,
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
        Some(Entity {
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
        })
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
