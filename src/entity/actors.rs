//! Actors named in context rather than by a name: a bare short name that refers back
//! to the actor named before it, and force phrases, a force noun with a nationality or
//! a patron.
//!
//! **Bare short names** (`reference` words of `cues.tsv`: التنظيم, الهيئة, الحزب,
//! الفصيل, النظام ...) stand for the nearest actor before them in the document that
//! one of whose names begins with the word's noun ("تنظيم داعش" for التنظيم, "حزب الله"
//! for الحزب), or that was itself introduced by that noun ("فصيل X" for الفصيل). With
//! none, the word's default applies, if it has one and the article's date is not
//! after the default's last day (النظام: the Assad government until 7 December 2024;
//! an article without a date gets the default). A word followed by an adjective with
//! the article is another noun ("الهيئة العامة", "الحزب الجمهوري"), unless the
//! adjective is an `epithet` of the lexicon ("التنظيم المتطرف").
//!
//! **Force phrases**: an actor cue with actor kinds in `cues.tsv` (قوات, ميليشيات,
//! عناصر, فصائل, جنود ...), with or without the article, followed by
//!
//! - a nationality (`nationality` words of the lexicon, and adjectives derived from the
//!   names of the foreign states: إيران → إيراني, روسيا → روسي): "قوات روسية",
//!   "الجنود الأتراك". The actor is the first record of the cue's kinds whose country
//!   is that one, or that has no country and the state among its affiliations
//!   ("الميليشيات العراقية" with none: no actor). Its `affiliation` is the state.
//! - a `patron` word of the lexicon and an actor or a country after ل or من
//!   ("الميليشيات الشيعية الموالية لإيران", "فصائل مدعومة من تركيا"): the first record
//!   of the cue's kinds affiliated with that actor or with what it belongs to
//!   (`affiliation` of both); the patron's mention becomes part of the phrase.
//!
//! Among several fitting records the one at the top of an affiliation chain wins (the
//! army over its divisions), then file order. Names of the gazetteer always come
//! first: "القوات التركية" is an alias and never reaches these rules.

use rustc_hash::{FxHashMap, FxHashSet};

use super::resolve::{NameSpan, Resolver};
use super::types::{Antecedent, Entity, EntityKind, Reference};
use crate::gazetteer::{Gazetteer, RecordRef};
use crate::kinds::{ActorKind, CueRole, LocationKind};
use crate::lexicon::{LexValue, WordClass};
use crate::normalize::{normalize_str, Normalized};
use crate::text::clitics::ARTICLE;
use crate::text::words::{QUOTED, SPACED};
use crate::time::Date;

/// A bare short name and what it may stand for.
#[derive(Debug)]
struct ReferenceWord {
    /// Normalized, as listed (with the article).
    word: String,
    /// The word without the article: the noun an antecedent's name begins with.
    noun: String,
    /// Actors one of whose names begins with the noun, sorted.
    heads: Vec<u32>,
    /// The actor meant when the document named none, and its last day.
    default: Option<(u32, Option<Date>)>,
}

/// A force noun and the actor kinds it names, best first.
#[derive(Debug)]
struct ForceNoun {
    /// Normalized, without the article.
    word: String,
    kinds: Vec<ActorKind>,
}

/// The words and tables of the actor rules, derived from the gazetteer once.
#[derive(Debug, Default)]
pub(crate) struct ActorWords {
    references: Vec<ReferenceWord>,
    nouns: Vec<ForceNoun>,
    /// Nationality forms without the article → ISO code.
    nationalities: FxHashMap<String, [u8; 2]>,
    /// Patron words without the article.
    patrons: FxHashSet<String>,
    /// Epithets without the article.
    epithets: FxHashSet<String>,
    /// The foreign state of each country code (actor index).
    states: FxHashMap<[u8; 2], u32>,
    /// The foreign state of each country location (location index → actor index).
    country_states: FxHashMap<u32, u32>,
}

/// A word without its article, if it has one.
fn without_article(word: &str) -> &str {
    word.strip_prefix(ARTICLE)
        .filter(|w| w.chars().count() >= 2)
        .unwrap_or(word)
}

/// The masculine nisba adjective of a one-word country name, normalized and without
/// the article: سوريا → سوري, السعودية → سعودي, أمريكا → أمريكي, إيران → إيراني.
fn nisba(name: &str) -> Option<String> {
    let name = without_article(name);
    if name.contains(' ') || name.chars().count() < 3 {
        return None;
    }
    Some(if let Some(s) = name.strip_suffix("يه") {
        format!("{s}ي")
    } else if name.ends_with("يا") {
        name.trim_end_matches('ا').to_string()
    } else if let Some(s) = name.strip_suffix('ا') {
        format!("{s}ي")
    } else {
        format!("{name}ي")
    })
}

/// The written forms of a nationality stem: masculine, feminine (ية), the plurals
/// (يين, يون), without the article.
fn nationality_forms(stem: &str) -> [String; 4] {
    [
        stem.to_string(),
        format!("{stem}ه"),
        format!("{stem}ين"),
        format!("{stem}ون"),
    ]
}

impl ActorWords {
    pub(crate) fn new(gaz: &Gazetteer) -> ActorWords {
        let actors = gaz.actors();
        let mut words = ActorWords::default();
        for (i, a) in actors.iter().enumerate() {
            if a.kind != ActorKind::ForeignState {
                continue;
            }
            let Some(code) = a.country.as_deref().and_then(iso) else {
                continue;
            };
            words.states.entry(code).or_insert(i as u32);
            for name in std::iter::once(&a.name_ar).chain(&a.aliases) {
                if let Some(stem) = nisba(&normalize_str(name.trim())) {
                    for form in nationality_forms(&stem) {
                        words.nationalities.entry(form).or_insert(code);
                    }
                }
            }
        }
        let lex = gaz.lexicon();
        for e in lex.words(WordClass::Nationality) {
            if let LexValue::Country(code) = e.value {
                for form in nationality_forms(without_article(&e.word)) {
                    words.nationalities.entry(form).or_insert(code);
                }
            }
        }
        let bare = |class| {
            lex.words(class)
                .map(|e| without_article(&e.word).to_string())
                .collect::<FxHashSet<String>>()
        };
        words.patrons = bare(WordClass::Patron);
        words.epithets = bare(WordClass::Epithet);
        // The first words of every actor name, for the antecedents of reference words.
        let heads: Vec<Vec<String>> = actors
            .iter()
            .map(|a| {
                std::iter::once(&a.name_ar)
                    .chain(&a.aliases)
                    .filter_map(|n| {
                        let n = normalize_str(n.trim());
                        n.split(' ').next().map(|w| without_article(w).to_string())
                    })
                    .collect()
            })
            .collect();
        for cue in gaz.cues() {
            let word = normalize_str(cue.word.trim());
            match cue.role {
                CueRole::Reference => {
                    let noun = without_article(&word).to_string();
                    let heads = (0..actors.len() as u32)
                        .filter(|&i| heads[i as usize].contains(&noun))
                        .collect();
                    let default = cue.default_actor.as_deref().and_then(|id| {
                        let Some(RecordRef::Actor(i)) = gaz.get(id) else {
                            return None;
                        };
                        let until = cue
                            .default_until
                            .as_deref()
                            .and_then(|d| Date::parse(d).ok());
                        Some((i, until))
                    });
                    words.references.push(ReferenceWord {
                        word,
                        noun,
                        heads,
                        default,
                    });
                }
                CueRole::Actor if !cue.actor_kinds.is_empty() => words.nouns.push(ForceNoun {
                    word: without_article(&word).to_string(),
                    kinds: cue.actor_kinds.clone(),
                }),
                _ => {}
            }
        }
        // Country locations and the foreign states of the same name (إيران, تركيا).
        let state_names: FxHashMap<String, u32> = words
            .states
            .values()
            .flat_map(|&i| {
                let a = &actors[i as usize];
                std::iter::once(&a.name_ar)
                    .chain(&a.aliases)
                    .map(move |n| (normalize_str(n.trim()), i))
            })
            .collect();
        for (i, l) in gaz.locations().iter().enumerate() {
            if l.kind != LocationKind::Country {
                continue;
            }
            let state = std::iter::once(&l.name_ar)
                .chain(&l.aliases)
                .find_map(|n| state_names.get(&normalize_str(n.trim())));
            if let Some(&s) = state {
                words.country_states.insert(i as u32, s);
            }
        }
        words
    }

    /// The reference words for the automaton: (index, normalized word).
    pub(crate) fn reference_words(&self) -> impl Iterator<Item = (u32, &str)> + '_ {
        self.references
            .iter()
            .enumerate()
            .map(|(i, r)| (i as u32, r.word.as_str()))
    }

    /// The force nouns for the automaton, article optional: (index, normalized word).
    pub(crate) fn force_nouns(&self) -> impl Iterator<Item = (u32, &str)> + '_ {
        self.nouns
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u32, n.word.as_str()))
    }

    /// The nationality of a word ("الإيرانية", "روس"), if it is one.
    fn nationality(&self, word: &str) -> Option<[u8; 2]> {
        self.nationalities.get(without_article(word)).copied()
    }

    fn is_patron(&self, word: &str) -> bool {
        self.patrons.contains(without_article(word))
    }
}

fn iso(code: &str) -> Option<[u8; 2]> {
    match code.as_bytes() {
        [a, b] => Some([a.to_ascii_uppercase(), b.to_ascii_uppercase()]),
        _ => None,
    }
}

/// The actor index of an entity, if it is an actor.
fn actor_index(gaz: &Gazetteer, e: &Entity) -> Option<u32> {
    match (e.kind, gaz.get(&e.id)) {
        (EntityKind::Actor, Some(RecordRef::Actor(i))) => Some(i),
        _ => None,
    }
}

/// What a document's reference words have read of the entities before them: per
/// word, how many entities were read and the last that fits it. The entities only
/// grow while a document is read, so each is tested once per word, not once per
/// mention of the word (a document repeating "التنظيم" with nothing it can stand
/// for read all earlier entities at each).
#[derive(Debug, Default)]
pub(crate) struct Antecedents {
    read: Vec<(usize, Option<usize>)>,
    /// What every word tests of each entity read so far, worked out once for all of
    /// them: the entities of a long document are read once per reference word.
    seen: Vec<Seen>,
}

/// An entity as the reference words test it: both fields are `None` for an entity
/// that is not an actor.
#[derive(Debug)]
struct Seen {
    /// Its actor record.
    actor: Option<u32>,
    /// Its actor cue, normalized ("فصيل" before "فصيل X").
    cue: Option<String>,
}

impl Resolver {
    /// The entity a bare short name stands for at `name`, read against the entities
    /// found `before` it, with its span; `None` when it stands for nothing here. A
    /// nationality after it names that country's government ("النظام الإيراني").
    /// `antecedents` carries what earlier calls read of `before`, which may only have
    /// grown since.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn reference(
        &self,
        gaz: &Gazetteer,
        text: &str,
        norm: &Normalized,
        name: NameSpan,
        word: u32,
        before: &[Entity],
        antecedents: &mut Antecedents,
        published: Option<Date>,
    ) -> Option<(Entity, NameSpan)> {
        let words = self.actor_words();
        let r = words.references.get(word as usize)?;
        let ntext = norm.as_str();
        let context = |n: NameSpan| self.cues().context(ntext, n.word_start, n.start, n.end);
        if let Some(next) = SPACED.next(ntext, name.end).filter(|n| n.0 == name.end + 1) {
            let w = &ntext[next.0..next.1];
            if let Some(code) = words.nationality(w) {
                let actor = pick(
                    gaz,
                    &[ActorKind::Government, ActorKind::ForeignState],
                    |a| gaz.actors()[a as usize].country.as_deref().and_then(iso) == Some(code),
                )?;
                let span = NameSpan {
                    end: next.1,
                    ..name
                };
                let entity = self.entity(
                    gaz,
                    text,
                    norm,
                    span,
                    RecordRef::Actor(actor),
                    &context(span),
                )?;
                return Some((entity, span));
            }
            // "الهيئة العامة": an adjective with the article makes it another noun.
            if w.starts_with(ARTICLE) && !words.epithets.contains(without_article(w)) {
                return None;
            }
        }
        // Read back over the whole document, each entity's record and cue worked out
        // when it is first read.
        let seen_from = antecedents.seen.len();
        antecedents
            .seen
            .extend(before.iter().skip(seen_from).map(|e| {
                Seen {
                    actor: actor_index(gaz, e),
                    cue: e
                        .cue
                        .as_ref()
                        .filter(|c| e.kind == EntityKind::Actor && c.role == CueRole::Actor)
                        .map(|c| normalize_str(&c.text)),
                }
            }));
        let fits = |e: &Seen| {
            let by_name = || e.actor.is_some_and(|a| r.heads.binary_search(&a).is_ok());
            // "فصيل X" for الفصيل: the noun as the actor cue right before the name,
            // without the article ("هاجم التنظيم تركيا" is no such cue).
            let by_cue = || {
                e.cue.as_deref().is_some_and(|cue| {
                    let plain = |(chain, stem): (&str, &str)| {
                        stem == r.noun
                            && crate::text::clitics::chain(chain)
                                == Some(crate::text::clitics::Chain::Plain)
                    };
                    cue == r.noun || crate::text::clitics::clitic_splits(cue).any(plain)
                })
            };
            by_name() || by_cue()
        };
        let slot = word as usize;
        if antecedents.read.len() <= slot {
            antecedents.read.resize(slot + 1, (0, None));
        }
        let (read, mut last) = antecedents.read[slot];
        let seen = antecedents.seen.get(..before.len()).unwrap_or_default();
        for (k, e) in seen.iter().enumerate().skip(read) {
            if fits(e) {
                last = Some(k);
            }
        }
        antecedents.read[slot] = (before.len(), last);
        let antecedent = last.and_then(|k| Some((before.get(k)?, antecedents.seen.get(k)?)));
        let (actor, reference) = match antecedent {
            Some((e, seen)) => (
                seen.actor?,
                Reference {
                    antecedent: Some(Antecedent {
                        start: e.start,
                        end: e.end,
                        text: e.text.clone(),
                    }),
                    default: false,
                },
            ),
            None => {
                let (actor, until) = r.default?;
                if let (Some(day), Some(last)) = (published, until) {
                    if day > last {
                        return None;
                    }
                }
                let reference = Reference {
                    antecedent: None,
                    default: true,
                };
                (actor, reference)
            }
        };
        let mut entity = self.entity(
            gaz,
            text,
            norm,
            name,
            RecordRef::Actor(actor),
            &context(name),
        )?;
        entity.reference = Some(Box::new(reference));
        Some((entity, name))
    }

    /// The document pass of the force phrases: each force noun in `nouns` (its span
    /// and index) that a nationality or a patron follows becomes an actor entity over
    /// the whole phrase, in order among `entities` (whose normalized spans are `names`).
    pub(crate) fn phrases(
        &self,
        gaz: &Gazetteer,
        text: &str,
        norm: &Normalized,
        entities: &mut Vec<Entity>,
        names: &mut Vec<NameSpan>,
        nouns: &[(NameSpan, u32)],
    ) {
        if nouns.is_empty() {
            return;
        }
        let words = self.actor_words();
        let ntext = norm.as_str();
        // The entities stay in a pool while phrases replace some: `order` holds the
        // pool index of each span of `names`, so that a phrase moves two small arrays,
        // not the entities. `names` is sorted by start, and spans are short: a span
        // holding an offset, or starting its word at one, is found by bisection and a
        // scan bounded by the longest span (and the longest clitics) seen.
        debug_assert!(names.windows(2).all(|w| w[0].start <= w[1].start));
        let mut pool: Vec<Option<Entity>> =
            std::mem::take(entities).into_iter().map(Some).collect();
        let mut order: Vec<usize> = (0..pool.len()).collect();
        // Room for every phrase at once: a push past the capacity would double it.
        pool.reserve_exact(nouns.len());
        let mut longest = names.iter().map(|m| m.end - m.start).max().unwrap_or(0);
        let mut clitics = names
            .iter()
            .map(|m| m.start - m.word_start)
            .max()
            .unwrap_or(0);
        for &(noun_span, n) in nouns {
            let Some(noun) = words.nouns.get(n as usize) else {
                continue;
            };
            let s = noun_span.start;
            let inside = names[..names.partition_point(|m| m.start <= s)]
                .iter()
                .rev()
                .take_while(|m| m.start + longest >= s)
                .any(|m| m.start <= s && s < m.end && *m != noun_span);
            if inside {
                continue;
            }
            let found = {
                // The first name whose word starts at `at`, with its entity.
                let name_at = |at: usize| {
                    let from = names.partition_point(|m| m.start < at);
                    let j = names[from..]
                        .iter()
                        .take_while(|m| m.start <= at + clitics)
                        .position(|m| m.word_start == at)
                        .map(|k| from + k)?;
                    Some((names[j], pool[order[j]].as_ref()?))
                };
                self.phrase(gaz, ntext, noun_span, noun, &name_at)
            };
            let Some((end, actor, patron)) = found else {
                continue;
            };
            // The phrase begins with the noun's article ("الميليشيات"), not after it.
            let clitics_before = &ntext[noun_span.word_start..noun_span.start];
            let article = if clitics_before.ends_with(ARTICLE) {
                ARTICLE.len()
            } else if clitics_before.ends_with("لل") {
                "ل".len()
            } else {
                0
            };
            let name = NameSpan {
                start: noun_span.start - article,
                end,
                ..noun_span
            };
            let ctx = self
                .cues()
                .context(ntext, name.word_start, name.start, name.end);
            let Some(mut entity) =
                self.entity(gaz, text, norm, name, RecordRef::Actor(actor), &ctx)
            else {
                continue;
            };
            if patron != actor {
                entity.affiliation = gaz
                    .actors()
                    .get(patron as usize)
                    .map(|a| a.id.clone())
                    .into_iter()
                    .collect();
            }
            // The phrase takes the place of what it covers (the patron's name), in
            // order by start: what it covers starts within it.
            let lo = names.partition_point(|m| m.start < name.start);
            let hi = names.partition_point(|m| m.start <= name.end);
            let kept: Vec<(NameSpan, usize)> = (lo..hi)
                .filter(|&k| names[k].end > name.end)
                .map(|k| (names[k], order[k]))
                .collect();
            for k in lo..hi {
                if names[k].end <= name.end {
                    pool[order[k]] = None;
                }
            }
            pool.push(Some(entity));
            let spans = std::iter::once(name).chain(kept.iter().map(|(m, _)| *m));
            names.splice(lo..hi, spans);
            let slots = std::iter::once(pool.len() - 1).chain(kept.iter().map(|(_, k)| *k));
            order.splice(lo..hi, slots);
            longest = longest.max(name.end - name.start);
            clitics = clitics.max(name.start - name.word_start);
        }
        // The entities in the order of `names`, moved within the pool (a second list
        // beside it would double the entities of a huge text at the peak):
        // `at[k]` is where the entity of slot `k` stands now, `slot[p]` whose entity
        // stands at `p`.
        let mut at: Vec<usize> = (0..pool.len()).collect();
        let mut slot: Vec<usize> = (0..pool.len()).collect();
        for (p, &k) in order.iter().enumerate() {
            let from = at[k];
            pool.swap(p, from);
            let displaced = slot[p];
            (at[displaced], slot[from]) = (from, displaced);
            (at[k], slot[p]) = (p, k);
        }
        pool.truncate(order.len());
        // Collected in place (filter_map keeps the buffer; flatten would not): an
        // Option of an entity has the entity's size.
        #[allow(clippy::filter_map_identity)]
        let kept: Vec<Entity> = pool.into_iter().filter_map(|e| e).collect();
        *entities = kept;
    }

    /// The phrase a force noun heads: (its end, the actor, the patron or state).
    fn phrase<'e>(
        &self,
        gaz: &Gazetteer,
        ntext: &str,
        noun_span: NameSpan,
        noun: &ForceNoun,
        name_at: &dyn Fn(usize) -> Option<(NameSpan, &'e Entity)>,
    ) -> Option<(usize, u32, u32)> {
        let words = self.actor_words();
        let w1 = SPACED.next(ntext, noun_span.end)?;
        // A nationality right after the noun.
        if let Some(code) = words.nationality(&ntext[w1.0..w1.1]) {
            let state = words.states.get(&code).copied();
            let of_country = |a: u32| {
                let actor = &gaz.actors()[a as usize];
                let country = actor.country.as_deref().and_then(iso);
                country == Some(code)
                    || (country.is_none() && state.is_some_and(|s| affiliated(gaz, a, s)))
            };
            // The record named with the nationality ("الميليشيات العراقية") first.
            let named_with_it = |a: u32| {
                let actor = &gaz.actors()[a as usize];
                std::iter::once(&actor.name_ar)
                    .chain(&actor.aliases)
                    .any(|n| {
                        normalize_str(n)
                            .split(' ')
                            .any(|w| words.nationality(w) == Some(code))
                    })
            };
            let actor = pick(gaz, &noun.kinds, |a| of_country(a) && named_with_it(a))
                .or_else(|| pick(gaz, &noun.kinds, of_country))?;
            return Some((w1.1, actor, state.unwrap_or(actor)));
        }
        // A patron word, right after the noun or after one more word.
        let patron_word = std::iter::successors(Some(w1), |w| SPACED.next(ntext, w.1))
            .take(2)
            .find(|w| words.is_patron(&ntext[w.0..w.1]))?;
        // Then the patron: after the word من, after a ل on its own before a quote
        // ("لـ«داعش»"), or with ل among the clitics of its word ("لإيران").
        let next = QUOTED.next(ntext, patron_word.1)?;
        let (at, needs_lam) = match &ntext[next.0..next.1] {
            "من" | "ل" => (QUOTED.next(ntext, next.1)?.0, false),
            _ => (next.0, true),
        };
        let (found, entity) = name_at(at)?;
        if needs_lam && !ntext[found.word_start..found.start].contains('ل') {
            return None;
        }
        let patron = match gaz.get(&entity.id)? {
            RecordRef::Actor(a) => a,
            RecordRef::Location(l) => *words.country_states.get(&l)?,
            _ => return None,
        };
        let actor = self.patron_pick(gaz, &noun.kinds, patron)?;
        Some((found.end, actor, patron))
    }

    /// The actor a force noun of `kinds` with `patron` names: the patron itself when
    /// it is of those kinds ("القوات التابعة لقوات النظام"), or what the patron belongs
    /// to when that is ("القوات الموالية للنظام"); else the record the
    /// gazetteer names with a patron word ("الميليشيات الموالية لإيران" for Iran); else
    /// the first top-level record affiliated with the patron.
    fn patron_pick(&self, gaz: &Gazetteer, kinds: &[ActorKind], patron: u32) -> Option<u32> {
        let actors = gaz.actors();
        let p = actors.get(patron as usize)?;
        if kinds.contains(&p.kind) {
            return Some(patron);
        }
        // Its own forces: "القوات الموالية للنظام" for the regime's forces.
        let own = p.affiliation.iter().find_map(|id| match gaz.get(id) {
            Some(RecordRef::Actor(a)) if kinds.contains(&actors[a as usize].kind) => Some(a),
            _ => None,
        });
        if own.is_some() {
            return own;
        }
        let words = self.actor_words();
        let named_as_backed = |a: u32| {
            let a = &actors[a as usize];
            std::iter::once(&a.name_ar)
                .chain(&a.aliases)
                .any(|n| normalize_str(n).split(' ').any(|w| words.is_patron(w)))
        };
        pick(gaz, kinds, |a| {
            affiliated(gaz, a, patron) && named_as_backed(a)
        })
        .or_else(|| pick(gaz, kinds, |a| affiliated(gaz, a, patron)))
    }
}

/// Whether actor `a` is affiliated with `patron` or with one of the patron's own
/// affiliations (a militia of the regime's forces for "الموالية للنظام").
fn affiliated(gaz: &Gazetteer, a: u32, patron: u32) -> bool {
    let actors = gaz.actors();
    let (Some(a), Some(p)) = (actors.get(a as usize), actors.get(patron as usize)) else {
        return false;
    };
    a.affiliation
        .iter()
        .any(|x| **x == *p.id || p.affiliation.contains(x))
}

/// The actor of the first of `kinds` that `fits`, at the top of its affiliation chain
/// among the fitting ones, then first in file order.
fn pick(gaz: &Gazetteer, kinds: &[ActorKind], fits: impl Fn(u32) -> bool) -> Option<u32> {
    let actors = gaz.actors();
    for kind in kinds {
        let fitting: Vec<u32> = (0..actors.len() as u32)
            .filter(|&a| actors[a as usize].kind == *kind && fits(a))
            .collect();
        let is_top = |a: u32| {
            let affiliation = &actors[a as usize].affiliation;
            !fitting
                .iter()
                .any(|&b| b != a && affiliation.iter().any(|x| **x == *actors[b as usize].id))
        };
        if let Some(a) = fitting.iter().copied().find(|&a| is_top(a)) {
            return Some(a);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::time::Date;
    use crate::{Article, Extractor};

    /// The actor entities of an article as (text, id, antecedent text or "default",
    /// affiliation).
    fn actors(article: Article<'_>) -> Vec<(String, String, String, Vec<String>)> {
        Extractor::default()
            .extract(article)
            .entities
            .into_iter()
            .filter(|e| e.kind == super::EntityKind::Actor)
            .map(|e| {
                let reference = match &e.reference {
                    Some(r) => match &r.antecedent {
                        Some(a) => a.text.clone(),
                        None => "default".to_string(),
                    },
                    None => String::new(),
                };
                let affiliation = e.affiliation.iter().map(|a| a.to_string()).collect();
                (e.text, e.id.to_string(), reference, affiliation)
            })
            .collect()
    }

    /// An expected reading: (id, antecedent text or "default").
    type Reading<'a> = Option<(&'a str, &'a str)>;

    /// The (text, id, reference) of the actor written `word` in `text`.
    fn reading(text: &str, date: Option<&str>, word: &str) -> Option<(String, String)> {
        let date = date.map(|d| Date::parse(d).unwrap());
        actors(Article::new(text).published(date))
            .into_iter()
            .find(|(t, ..)| t == word)
            .map(|(_, id, reference, _)| (id, reference))
    }

    #[test]
    fn bare_short_names_refer_back() {
        // (text, article date, the word, expected (id, antecedent or "default"));
        // `None`: the word is no actor there.
        let rows: &[(&str, Option<&str>, &str, Reading)] = &[
            (
                "سيطر تنظيم داعش على البلدة، وقال التنظيم في بيان إن عناصره صدوا الهجوم",
                None,
                "التنظيم",
                Some(("isis", "تنظيم داعش")),
            ),
            // The nearest actor that fits: the one whose name begins with the noun.
            (
                "قصف حزب الله مواقع هيئة تحرير الشام، وقالت الهيئة إن الحزب خسر عناصر",
                None,
                "الهيئة",
                Some(("hts", "هيئة تحرير الشام")),
            ),
            (
                "قصف حزب الله مواقع هيئة تحرير الشام، وقالت الهيئة إن الحزب خسر عناصر",
                None,
                "الحزب",
                Some(("hezbollah", "حزب الله")),
            ),
            // Or the one the noun introduced: "فصيل X" for الفصيل.
            (
                "هاجم فصيل جيش الإسلام حاجزا للنظام، وأعلن الفصيل مقتل ثلاثة",
                None,
                "الفصيل",
                Some(("jaysh-al-islam", "جيش الإسلام")),
            ),
            // An epithet keeps the referent; another adjective makes another noun.
            (
                "فجر عناصر داعش سيارة، وتبنى التنظيم المتطرف الهجوم",
                None,
                "التنظيم",
                Some(("isis", "داعش")),
            ),
            ("انتقدت الهيئة العامة للثورة الاتفاق", None, "الهيئة", None),
            // Nothing before it and no default: no actor.
            (
                "وقال التنظيم في بيان إن عناصره صدوا الهجوم",
                None,
                "التنظيم",
                None,
            ),
            // النظام: the Assad government by default until 7 December 2024, and
            // without a date.
            (
                "قصف النظام بلدة كفرنبل",
                Some("2019-05-20"),
                "النظام",
                Some(("assad-government", "default")),
            ),
            (
                "قصف النظام بلدة كفرنبل",
                None,
                "النظام",
                Some(("assad-government", "default")),
            ),
            ("قصف النظام بلدة كفرنبل", Some("2025-03-01"), "النظام", None),
            // A nationality after it: that country's government.
            (
                "اتهم النظام الإيراني واشنطن",
                None,
                "النظام الإيراني",
                Some(("iran", "")),
            ),
        ];
        for (text, date, word, want) in rows {
            let want = want.map(|(id, r)| (id.to_string(), r.to_string()));
            assert_eq!(reading(text, *date, word), want, "{text}");
        }
    }

    #[test]
    fn force_phrases_name_an_actor_and_its_patron() {
        // (text, phrase, expected id and affiliation); `None`: no such phrase.
        // The expected reading is (id, affiliation).
        let rows: &[(&str, &str, Reading)] = &[
            (
                "قصفت قوات روسية مواقع المعارضة",
                "قوات روسية",
                Some(("russian-forces", "russia")),
            ),
            (
                "أصيب جنود أتراك في الهجوم",
                "جنود أتراك",
                Some(("turkish-forces", "turkey")),
            ),
            (
                "حلقت طائرات أمريكية فوق المدينة",
                "طائرات أمريكية",
                Some(("us-forces", "united-states")),
            ),
            (
                "وصل مقاتلون من الميليشيات الشيعية الموالية لإيران",
                "الميليشيات الشيعية الموالية لإيران",
                Some(("iran-backed-militias", "iran")),
            ),
            (
                "هاجمت فصائل مدعومة من تركيا قرى في ريف حلب",
                "فصائل مدعومة من تركيا",
                Some(("sna", "turkey")),
            ),
            (
                "اعتقلت ميليشيا تابعة للنظام شبانا",
                "ميليشيا تابعة للنظام",
                Some(("pro-regime-militias", "assad-government")),
            ),
            (
                "قاتلت الفصائل الموالية لـ«داعش» في المنطقة",
                "الفصائل الموالية لـ«داعش»",
                None,
            ),
            // A name of the gazetteer comes first and is no phrase.
            (
                "قصفت القوات التركية القرية",
                "القوات التركية",
                Some(("turkish-forces", "")),
            ),
            // No nationality, no patron: no phrase.
            ("انسحبت قوات كبيرة من المنطقة", "قوات كبيرة", None),
        ];
        for (text, phrase, want) in rows {
            let got = actors(Article::new(text))
                .into_iter()
                .find(|(t, ..)| t == phrase)
                .map(|(_, id, _, affiliation)| (id, affiliation.join("|")));
            let want = want.map(|(id, a)| (id.to_string(), a.to_string()));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_clitic_before_a_quote_belongs_to_the_name() {
        let doc =
            Extractor::default().extract("قصفت الطائرات مواقع بـ\"إيران\" وشنت \"قسد\" هجوما");
        let ids: Vec<&str> = doc.entities.iter().map(|e| &*e.id).collect();
        // ب makes the country a place, as in "بإيران".
        assert_eq!(ids, ["country-ir", "sdf"]);
    }
}
