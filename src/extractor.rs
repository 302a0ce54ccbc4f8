//! The [`Extractor`]: gazetteer, automaton and rules, built once and shared; and the
//! glue that runs the stages in order over one [`Article`].

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::document::{Block, Document};
use crate::entity::{Antecedents, Entity, Lists, NameSpan, Resolver};
use crate::error::Error;
use crate::event::{HedgeSet, PlaceNouns};
use crate::gazetteer::{Gazetteer, GazetteerBuilder, RecordRef};
use crate::matcher::{self, Hit, Matcher, MatcherBuilder};
use crate::normalize::Normalized;
use crate::time::{Date, TimeExpression, TimeWord};

/// One text to extract from, with what is known about it.
///
/// A plain `&str` converts into an article without a date, so
/// [`Extractor::extract`] takes either:
///
/// ```
/// use syria_extract::time::Date;
/// use syria_extract::{Article, Extractor};
///
/// let extractor = Extractor::default();
/// let text = "قصفت قوات النظام أمس بلدة السخنة";
/// let undated = extractor.extract(text);
/// assert_eq!(undated.times[0].date, None);
/// let published = Date::parse("2019-05-20")?;
/// let dated = extractor.extract(Article::new(text).published(published));
/// assert_eq!(dated.times[0].date.unwrap().to_string(), "2019-05-19");
/// # Ok::<(), syria_extract::time::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct Article<'t> {
    text: &'t str,
    published: Option<Date>,
}

impl<'t> Article<'t> {
    /// An article with no known date.
    pub fn new(text: &'t str) -> Article<'t> {
        Article {
            text,
            published: None,
        }
    }

    /// The date the article was published: relative times ("أمس", "قبل يومين") are
    /// resolved against it. Takes a [`Date`] or an `Option<Date>`.
    pub fn published(mut self, date: impl Into<Option<Date>>) -> Article<'t> {
        self.published = date.into();
        self
    }

    /// The text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The publication date, if known.
    pub fn date(&self) -> Option<Date> {
        self.published
    }
}

impl<'t> From<&'t str> for Article<'t> {
    fn from(text: &'t str) -> Article<'t> {
        Article::new(text)
    }
}

impl<'t> From<&'t String> for Article<'t> {
    fn from(text: &'t String) -> Article<'t> {
        Article::new(text)
    }
}

/// What a pattern of the automaton stands for: a gazetteer record (entities and event
/// triggers) or a word that anchors a time expression. One automaton finds all of
/// them in a single pass over the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Record(RecordRef),
    Time(TimeWord),
    /// A bare short name that refers back to an actor (index of the reference word).
    Reference(u32),
    /// A force noun that a nationality or a patron may follow (index of the noun).
    ForceNoun(u32),
}

impl Key {
    /// The actor, location or source record, if the key is one.
    fn entity(self) -> Option<RecordRef> {
        match self {
            Key::Record(RecordRef::Trigger(_)) | Key::Time(_) => None,
            Key::Reference(_) | Key::ForceNoun(_) => None,
            Key::Record(r) => Some(r),
        }
    }

    /// Whether the key is a word of the actor rules (an entity in context).
    fn actor_word(self) -> bool {
        matches!(self, Key::Reference(_) | Key::ForceNoun(_))
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
            _ => None,
        }
    }
}

/// Extracts actors, locations, sources, time expressions and events from Arabic text.
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
#[derive(Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

struct Inner {
    /// Shared: the built-in extractor holds the built-in gazetteer itself.
    gazetteer: Arc<Gazetteer>,
    matcher: Matcher<Key>,
    resolver: Resolver,
    hedges: HedgeSet,
    place_nouns: PlaceNouns,
}

/// Counts and sizes: the data itself is megabytes.
impl fmt::Debug for Extractor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gaz = &self.inner.gazetteer;
        f.debug_struct("Extractor")
            .field("actors", &gaz.actors().len())
            .field("locations", &gaz.locations().len())
            .field("sources", &gaz.sources().len())
            .field("triggers", &gaz.triggers().len())
            .field("cues", &gaz.cues().len())
            .field("lexicon_words", &gaz.lexicon().entries().len())
            .field("patterns", &self.pattern_count())
            .field("automaton_bytes", &self.automaton_memory())
            .field("automaton", &self.automaton_kind())
            .finish()
    }
}

static BUILTIN: Lazy<Result<Extractor, String>> =
    Lazy::new(|| Extractor::shared(Gazetteer::builtin_shared()?).map_err(|e| e.to_string()));

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

/// The hits of one text sorted by what they may stand for (a hit can be several).
#[derive(Default)]
struct SortedHits {
    entities: Vec<Hit>,
    triggers: Vec<Hit>,
    times: Vec<(usize, usize, TimeWord)>,
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
        Extractor::shared(Arc::new(gazetteer))
    }

    /// [`new`](Extractor::new) over a gazetteer held elsewhere too.
    fn shared(gazetteer: Arc<Gazetteer>) -> Result<Extractor, Error> {
        let resolver = Resolver::new(&gazetteer);
        let mut builder = MatcherBuilder::new(resolver.cues().joins());
        for (record, name, flags) in gazetteer.names() {
            builder.add(name, Key::Record(record), flags.article, flags.suffixes);
        }
        for (index, name, flags) in gazetteer.trigger_names() {
            let key = Key::Record(RecordRef::Trigger(index));
            builder.add(name, key, flags.article, flags.suffixes);
        }
        for (word, anchor) in crate::time::anchors(gazetteer.lexicon()) {
            builder.add(word, Key::Time(anchor), false, false);
        }
        for (i, word) in resolver.actor_words().reference_words() {
            builder.add(word, Key::Reference(i), false, false);
        }
        for (i, word) in resolver.actor_words().force_nouns() {
            builder.add(word, Key::ForceNoun(i), true, false);
        }
        let matcher = builder.build()?;
        let hedges = HedgeSet::new(gazetteer.lexicon());
        let place_nouns = PlaceNouns::new(gazetteer.cues(), gazetteer.lexicon());
        Ok(Extractor {
            inner: Arc::new(Inner {
                gazetteer,
                matcher,
                resolver,
                hedges,
                place_nouns,
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

    /// Approximate heap memory of the automaton, in bytes.
    pub fn automaton_memory(&self) -> usize {
        self.inner.matcher.memory_usage()
    }

    /// Which automaton the search runs: `"dfa"`, the fastest; `"hybrid"`, DFA rows
    /// for the states near the root and a sparse trie below, when a DFA would be
    /// larger than 32 MB (tens of thousands of user names); or `"nfa"`, which the
    /// build falls back to when either would be too slow to build (names that repeat
    /// a letter or a syllable).
    #[doc(hidden)]
    pub fn automaton_kind(&self) -> &'static str {
        self.inner.matcher.automaton_kind()
    }

    /// The keys a hit stands for: the targets of its pattern whose clitic and suffix
    /// rules the hit meets.
    fn fitting_keys<'a>(&'a self, h: &'a Hit) -> impl Iterator<Item = Key> + 'a {
        self.inner
            .matcher
            .targets(h.pattern)
            .iter()
            .filter(move |t| h.fits(t))
            .map(|t| t.key)
    }

    /// Where the name of an entity hit starts: before the article's ل when the name is
    /// written with the article and found after لل (see [`Hit::name_start`]).
    fn entity_start(&self, h: &Hit) -> usize {
        self.inner
            .matcher
            .targets(h.pattern)
            .iter()
            .filter(|t| (t.key.entity().is_some() || t.key.actor_word()) && h.fits(t))
            .map(|t| h.name_start(t))
            .min()
            .unwrap_or(h.start)
    }

    /// Extracts everything from an article: a `&str`, or an [`Article`] with its
    /// publication date.
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// use syria_extract::{Article, Extractor};
    ///
    /// let text = "قصفت قوات النظام أمس الأحد بلدة السخنة.";
    /// let date = Date::parse("2019-05-20").unwrap();
    /// let doc = Extractor::default().extract(Article::new(text).published(date));
    /// let time = doc.events[0].time.as_ref().unwrap();
    /// assert_eq!(time.text, "أمس الأحد");
    /// assert_eq!(time.date.unwrap().to_string(), "2019-05-19");
    /// ```
    #[must_use]
    pub fn extract<'t>(&self, article: impl Into<Article<'t>>) -> Document {
        let article = article.into();
        let text = article.text;
        let norm = crate::normalize::normalize(text);
        let hits = self.sorted_hits(norm.as_str());
        let (mut entities, entity_spans) =
            self.entities(text, &norm, hits.entities, article.published);
        // The list grew by doubling: give back the spare room (up to half of it) before
        // the events are built beside it, not after, when the peak is past.
        entities.shrink_to_fit();
        let mut anchors = hits.times;
        let lex = self.inner.gazetteer.lexicon();
        let (times, time_spans) =
            crate::time::find(text, &norm, &mut anchors, article.published, lex);
        let events = if hits.triggers.is_empty() {
            // Sentence segmentation only runs on texts that report something.
            Vec::new()
        } else {
            self.events(
                text,
                &norm,
                hits.triggers,
                (&entities, &entity_spans),
                (&times, &time_spans),
                article.published.map(|d| d.year()),
            )
        };
        // The lists grew by doubling; a document of a huge text keeps only what it
        // holds (up to half of each would be spare room).
        let (mut events, mut times) = (events, times);
        events.shrink_to_fit();
        times.shrink_to_fit();
        Document {
            entities,
            events,
            times,
        }
    }

    /// Entities only: the actors, places and sources of [`extract`](Extractor::extract),
    /// without time expressions and events, for callers that need no more.
    ///
    /// ```
    /// let entities = syria_extract::Extractor::default().extract_entities("قصفت قوات النظام مدينة حمص");
    /// assert_eq!(entities.len(), 2);
    /// ```
    #[must_use]
    pub fn extract_entities(&self, text: &str) -> Vec<Entity> {
        let norm = crate::normalize::normalize(text);
        let ntext = norm.as_str();
        let mut hits = Vec::new();
        self.inner.matcher.find_all(ntext, &mut hits);
        hits.retain(|h| {
            self.fitting_keys(h)
                .any(|k| k.entity().is_some() || k.actor_word())
        });
        self.entities(text, &norm, hits, None).0
    }

    /// Extracts many articles on all cores; the result is in input order and equal to
    /// calling [`extract`](Extractor::extract) on each in turn.
    ///
    /// Uses `std::thread::scope` with one worker per available core, each taking the
    /// next article from a shared counter, so a few long articles do not leave the
    /// other cores idle.
    ///
    /// ```
    /// use syria_extract::time::Date;
    /// use syria_extract::{Article, Extractor};
    ///
    /// let extractor = Extractor::default();
    /// let date = Date::parse("2019-05-20").unwrap();
    /// let articles = [
    ///     Article::new("قصفت قوات النظام أمس بلدة السخنة").published(date),
    ///     Article::new("خرجت مظاهرة في مدينة إدلب"),
    /// ];
    /// let docs = extractor.extract_batch(&articles);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1], extractor.extract(articles[1]));
    /// assert_eq!(docs[0].times[0].date.unwrap().to_string(), "2019-05-19");
    /// ```
    #[must_use]
    pub fn extract_batch(&self, articles: &[Article<'_>]) -> Vec<Document> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(articles.len());
        if workers <= 1 {
            return articles.iter().map(|a| self.extract(*a)).collect();
        }
        let next = AtomicUsize::new(0);
        let mut results: Vec<(usize, Document)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(article) = articles.get(i) else {
                                break;
                            };
                            done.push((i, self.extract(*article)));
                        }
                        done
                    })
                })
                .collect();
            // A worker can only fail by panicking, which extraction never does; should
            // one anyway, its articles are redone on this thread below.
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        results.sort_unstable_by_key(|(i, _)| *i);
        let mut out = Vec::with_capacity(articles.len());
        let mut results = results.into_iter().peekable();
        for (i, article) in articles.iter().enumerate() {
            match results.next_if(|(j, _)| *j == i) {
                Some((_, doc)) => out.push(doc),
                None => out.push(self.extract(*article)),
            }
        }
        out
    }

    /// Extracts a long text one block at a time, so that memory stays bounded by the
    /// block size, not the text's: each block's [`Document`] is ready when the block is
    /// done, and what the caller has written out or dropped is gone.
    ///
    /// The text is cut where [`block_end`](crate::sentence::block_end) cuts it: blocks of
    /// at most `max_bytes`, at a paragraph break where there is one (else a line break,
    /// a sentence end or a space). Each block is extracted as a text of its own, with the
    /// article's date, so what reads the whole document does not reach across a cut:
    /// which of two places of one name is meant, what a reference word like "التنظيم"
    /// stands for, the force phrase around a name. Offsets in the blocks' documents are
    /// into the whole text, and the indexes of events (`part_of`, `refers_to`) count the
    /// events of the blocks before: the blocks' lists put one after another are one
    /// document. A text of `max_bytes` or fewer is one block, equal to
    /// [`extract`](Extractor::extract); an empty text has no block.
    ///
    /// ```
    /// use syria_extract::Extractor;
    ///
    /// let extractor = Extractor::default();
    /// let first = "قصفت قوات النظام بلدة السخنة بريف حمص الشرقي.\n\n";
    /// let second = "خرجت مظاهرة في مدينة إدلب.";
    /// let text = format!("{first}{second}");
    /// let blocks: Vec<_> = extractor.extract_blocks(&text, first.len()).collect();
    /// assert_eq!(blocks.len(), 2);
    /// assert_eq!((blocks[1].start, blocks[1].end), (first.len(), text.len()));
    /// // The second block's offsets are into the whole text.
    /// let idlib = &blocks[1].document.entities[0];
    /// assert_eq!(&text[idlib.span()], "إدلب");
    /// // One block for a text that fits.
    /// let whole = extractor.extract_blocks(&text, text.len()).next().unwrap();
    /// assert_eq!(whole.document, extractor.extract(&text));
    /// ```
    pub fn extract_blocks<'e, 't>(
        &'e self,
        article: impl Into<Article<'t>>,
        max_bytes: usize,
    ) -> Blocks<'e, 't> {
        Blocks {
            extractor: self,
            article: article.into(),
            max_bytes,
            cursor: BlockCursor::default(),
        }
    }

    /// Extracts the next block of a long text, where `cursor` says block extraction
    /// stands, and moves the cursor past it: the step [`extract_blocks`] repeats, for a
    /// caller that cannot keep its borrowing iterator between blocks (an iterator in
    /// another language, a job resumed later). `None` once the text is done.
    ///
    /// Given the same `article` and `max_bytes` each time, the blocks are those of
    /// [`extract_blocks`](Extractor::extract_blocks).
    ///
    /// ```
    /// use syria_extract::{BlockCursor, Extractor};
    ///
    /// let extractor = Extractor::default();
    /// let text = "قصفت قوات النظام مدينة حمص.\n\nخرجت مظاهرة في مدينة إدلب.";
    /// let mut cursor = BlockCursor::default();
    /// let mut blocks = Vec::new();
    /// while let Some(block) = extractor.extract_block(text, 40, &mut cursor) {
    ///     blocks.push(block);
    /// }
    /// assert_eq!(cursor.next, text.len());
    /// assert_eq!(blocks, extractor.extract_blocks(text, 40).collect::<Vec<_>>());
    /// ```
    pub fn extract_block<'t>(
        &self,
        article: impl Into<Article<'t>>,
        max_bytes: usize,
        cursor: &mut BlockCursor,
    ) -> Option<Block> {
        let article = article.into();
        let text = article.text;
        let start = cursor.next;
        if start >= text.len() || !text.is_char_boundary(start) {
            return None;
        }
        let end = crate::sentence::block_end(text, start, max_bytes);
        let block = Article::new(text.get(start..end)?).published(article.published);
        let mut document = self.extract(block);
        document.shift(start, cursor.events_before);
        cursor.next = end;
        cursor.events_before += document.events.len();
        Some(Block {
            start,
            end,
            document,
        })
    }

    /// The match stage: every hit of the text, sorted by what it may stand for.
    fn sorted_hits(&self, ntext: &str) -> SortedHits {
        let mut hits = Vec::new();
        self.inner.matcher.find_all(ntext, &mut hits);
        // Nearly every hit is an entity's: that list gets room for all at once.
        let mut sorted = SortedHits {
            entities: Vec::with_capacity(hits.len()),
            ..SortedHits::default()
        };
        for h in hits {
            let (mut entity, mut trigger, mut time) = (false, false, None);
            for k in self.fitting_keys(&h) {
                entity |= k.entity().is_some() || k.actor_word();
                trigger |= k.trigger().is_some();
                time = time.or(k.time());
            }
            if entity {
                sorted.entities.push(h);
            }
            if trigger {
                sorted.triggers.push(h);
            }
            if let Some(word) = time {
                sorted.times.push((h.start, h.end, word));
            }
        }
        sorted
    }

    /// The entity stage over the entity hits: leftmost-longest among those that resolve
    /// in their context, not overlapping in the original text. Returns the entities
    /// with their normalized spans.
    fn entities(
        &self,
        text: &str,
        norm: &Normalized,
        mut hits: Vec<Hit>,
        published: Option<Date>,
    ) -> (Vec<Entity>, Vec<(usize, usize)>) {
        let inner = &*self.inner;
        let gaz = &inner.gazetteer;
        let mut candidates: Vec<RecordRef> = Vec::new();
        let mut lists = Lists::default();
        // Most hits are entities: room for all at once, where growing by doubling
        // copied a block's entities about twice over (265 regrowths, 7.3 M
        // instructions, on B_news as one document).
        let mut out = Vec::with_capacity(hits.len());
        let mut names = Vec::with_capacity(hits.len());
        let mut force_nouns = Vec::new();
        let mut antecedents = Antecedents::default();
        let selected = matcher::select_longest(&mut hits, |h| {
            let previous_end = out.last().map_or(0, |e: &Entity| e.end);
            if norm.original_start(h.start) < previous_end {
                return false;
            }
            candidates.clear();
            candidates.extend(self.fitting_keys(h).filter_map(Key::entity));
            let name = NameSpan {
                word_start: h.word_start,
                start: self.entity_start(h),
                end: h.end,
            };
            if !candidates.is_empty() {
                // A generic actor word ("جنود") may head a force phrase ("جنود
                // أتراك"), which then takes its place.
                for k in self.fitting_keys(h) {
                    if let Key::ForceNoun(i) = k {
                        force_nouns.push((name, i));
                    }
                }
            } else {
                // Words of the actor rules: a force noun waits for the document pass
                // (its phrase may end in a name found later); a reference word reads
                // the entities found so far.
                let mut reference = None;
                for k in self.fitting_keys(h) {
                    match k {
                        Key::ForceNoun(i) => force_nouns.push((name, i)),
                        Key::Reference(i) => reference = Some(i),
                        _ => {}
                    }
                }
                let entity = reference.and_then(|i| {
                    let resolver = &inner.resolver;
                    resolver.reference(gaz, text, norm, name, i, &out, &mut antecedents, published)
                });
                return match entity {
                    Some((e, span)) => {
                        out.push(e);
                        names.push(span);
                        true
                    }
                    None => false,
                };
            }
            match inner.resolver.mention(
                &inner.gazetteer,
                text,
                norm,
                name,
                &candidates,
                &mut lists,
            ) {
                Some(e) => {
                    out.push(e);
                    names.push(name);
                    true
                }
                None => false,
            }
        });
        debug_assert_eq!(selected.len(), out.len());
        // The hits are spent: on a huge text they are megabytes, and the document passes
        // below hold every entity at once.
        drop((selected, hits));
        let resolver = &inner.resolver;
        resolver.phrases(gaz, text, norm, &mut out, &mut names, &force_nouns);
        resolver.settle(gaz, text, norm, &mut out, &mut names);
        let spans = names.iter().map(|n| (n.start, n.end)).collect();
        (out, spans)
    }

    /// The sentence and event stages over the trigger hits.
    fn events(
        &self,
        text: &str,
        norm: &Normalized,
        mut trigger_hits: Vec<Hit>,
        (entities, entity_spans): (&[Entity], &[(usize, usize)]),
        (times, time_spans): (&[TimeExpression], &[(usize, usize)]),
        published_year: Option<i32>,
    ) -> Vec<crate::event::Event> {
        let inner = &*self.inner;
        let ntext = norm.as_str();
        let gaz = &inner.gazetteer;
        let triggers: Vec<_> = matcher::select_longest(&mut trigger_hits, |_| true)
            .into_iter()
            .filter_map(|h| {
                let t = self
                    .fitting_keys(&h)
                    .find_map(Key::trigger)
                    .and_then(|i| gaz.triggers().get(i as usize))?;
                let span = norm.original_range(h.start..h.end);
                Some(((h.start, h.end), (span.start, span.end), t))
            })
            .collect();
        drop(trigger_hits);
        let starts: Vec<usize> = triggers.iter().map(|t| t.1 .0).collect();
        let sentences = crate::sentence::sentences_around(text, &starts);
        let to_original = |n: usize| norm.original_start(n);
        crate::event::from_triggers(&crate::event::Input {
            text,
            ntext,
            entities,
            entity_spans,
            times,
            time_spans,
            triggers,
            sentences: &sentences,
            to_original: &to_original,
            lex: gaz.lexicon(),
            hedges: &inner.hedges,
            place_nouns: &inner.place_nouns,
            published_year,
        })
    }
}

/// The blocks of a long text, extracted one at a time: see
/// [`Extractor::extract_blocks`].
#[derive(Debug, Clone)]
#[must_use = "an iterator extracts nothing until it is read"]
pub struct Blocks<'e, 't> {
    extractor: &'e Extractor,
    article: Article<'t>,
    max_bytes: usize,
    cursor: BlockCursor,
}

impl Blocks<'_, '_> {
    /// Where the iterator stands: the next block and the events before it.
    pub fn cursor(&self) -> BlockCursor {
        self.cursor
    }
}

impl Iterator for Blocks<'_, '_> {
    type Item = Block;

    fn next(&mut self) -> Option<Block> {
        self.extractor
            .extract_block(self.article, self.max_bytes, &mut self.cursor)
    }
}

/// Where block extraction of a text stands between two blocks: see
/// [`Extractor::extract_block`].
///
/// ```
/// let cursor = syria_extract::BlockCursor::default();
/// assert_eq!((cursor.next, cursor.events_before), (0, 0));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BlockCursor {
    /// Where the next block starts (a byte offset into the text).
    pub next: usize,
    /// The events of the blocks before: the next block's event indexes start here.
    pub events_before: usize,
}

impl std::iter::FusedIterator for Blocks<'_, '_> {}

/// Builds an [`Extractor`] from the built-in gazetteers and your own files.
///
/// Files are read when added and parsed by [`build`](ExtractorBuilder::build), which
/// reports the first problem with file, line and reason.
#[derive(Debug)]
#[must_use]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_prints_counts_not_data() {
        let ex = Extractor::default();
        let debug = format!("{ex:?}");
        assert!(debug.len() < 400, "{debug}");
        let actors = ex.gazetteer().actors().len();
        assert!(debug.contains(&format!("actors: {actors}")), "{debug}");
        assert!(debug.contains("automaton_bytes"), "{debug}");
    }

    #[test]
    fn one_hit_may_feed_several_stages() {
        let ex = Extractor::default();
        // (text, entity hits, trigger hits, time anchors); the entity hits include the
        // words of the actor rules: the force noun قوات and the reference word النظام.
        let rows: &[(&str, usize, usize, usize)] = &[
            ("قصفت قوات النظام بلدة السخنة أمس", 4, 1, 1),
            ("", 0, 0, 0),
            // "قبل" anchors a time only with an amount; the hit is sorted all the same.
            ("من قبل قوات النظام", 3, 0, 1),
        ];
        for (text, entities, triggers, times) in rows {
            let norm = crate::normalize::normalize(text);
            let hits = ex.sorted_hits(norm.as_str());
            let got = (hits.entities.len(), hits.triggers.len(), hits.times.len());
            assert_eq!(got, (*entities, *triggers, *times), "{text}");
        }
    }

    #[test]
    fn an_article_keeps_its_text_and_date() {
        let date = Date::parse("2020-03-10").unwrap();
        let a = Article::new("نص").published(date);
        assert_eq!((a.text(), a.date()), ("نص", Some(date)));
        assert_eq!(Article::from("نص").date(), None);
        assert_eq!(a.published(None).date(), None);
    }
}
