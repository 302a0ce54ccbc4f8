//! Specificity: whether a sentence that mentions an event reports one. A statement
//! about violence, a hypothetical, a generic or habitual statement, a historical
//! reference, a question, a reference back to an event told elsewhere and a detail
//! of one mention an event without reporting it; the event is kept, marked with the
//! reason ([`Mention`]), and [`Event::is_reported`] drops it.
//!
//! The cues are words of the lexicon before the trigger in its clause (see
//! `gazetteers/FORMAT.md`), the question mark, the year of the article, and the form
//! of the trigger: a definite event noun ("القصف", "المظاهرة") with no count, no
//! time and no victim verb before it refers to an event already told. Position in
//! the article is not used: on a single sentence it says nothing, and in articles the
//! back-references it would catch are merged into the event they restate first
//! (`triggers::merge`).

use rustc_hash::FxHashSet;

use super::modality::CLAIM_WORDS;
use super::types::{Event, Mention, Span};
use super::{Input, Placed};
use crate::gazetteer::CueWord;
use crate::kinds::{CueRole, EventKind, LocationKind, TimeDirection, TimeUnit};
use crate::lexicon::{ClassSet, LexValue, Lexicon, WordClass};
use crate::normalize::normalize_str;
use crate::text::clitics::clitic_splits;
use crate::text::words::clause_side;

/// How many words after a trigger may make it figurative ("هجوما حادا", "انفجار
/// الأزمة").
const FIGURATIVE_WORDS: usize = 2;
/// How many words before a plural event noun may tell it done ("شنت ... ضربات").
const LIGHT_WORDS: usize = 3;
/// How many words of the clause before a trigger may make it a statement.
const STATEMENT_WORDS: usize = 12;
/// ... hypothetical or generic.
const HYPOTHETICAL_WORDS: usize = 8;
/// ... a back-reference ("عقب الهجوم", "على خلفية مقتل").
const REFERENCE_WORDS: usize = 2;
/// ... for historical words, either side.
const HISTORICAL_WORDS: usize = 12;
/// How many words before a trigger the cue classes above read at most.
const CUE_WORDS: usize = max(STATEMENT_WORDS, HISTORICAL_WORDS);

// Every cue class reads within the words looked up.
const _: () = assert!(
    HYPOTHETICAL_WORDS <= CUE_WORDS
        && LIGHT_WORDS <= CUE_WORDS
        && REFERENCE_WORDS <= CUE_WORDS
        && VICTIM_WORDS <= CUE_WORDS
);

const fn max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}

/// How many words of a sentence (or of its reported speech) may stand before the
/// trigger of its main clause.
const MAIN_CLAUSE_WORDS: usize = 12;
/// How far back the opening word of a question may stand.
const QUESTION_WORDS: usize = 30;
/// ... for a victim verb that makes a definite noun a report ("تعرضت البلدة للقصف").
const VICTIM_WORDS: usize = 5;

/// The mention an event's sentence makes of it, and whether its clause marks it as a
/// claim ([`modality::claimed`](super::modality::claimed)): both read the words of
/// the trigger's clause, walked once here.
pub(super) fn mention(input: &Input<'_>, event: &Event, p: &Placed) -> (Mention, bool) {
    let ntext = input.ntext;
    let before = ntext.get(..p.nspan.0).unwrap_or_default();
    let after = ntext.get(p.nspan.1..).unwrap_or_default();
    // The clause's words either side, each read once for all the rules below.
    let mut words_before = Walk::new(clause_side(before, before.char_indices().rev()));
    let mut words_after = Walk::new(clause_side(after, after.char_indices()));
    let claimed = super::modality::claimed(
        words_before
            .first(CLAIM_WORDS)
            .iter()
            .chain(words_after.first(CLAIM_WORDS))
            .copied(),
        input.hedges,
    );
    let mention = kind(input, event, p, &mut words_before, &mut words_after);
    (mention, claimed)
}

/// The mention, from the walks over the words before and after the trigger.
fn kind<'a>(
    input: &Input<'_>,
    event: &Event,
    p: &Placed,
    words_before: &mut Walk<'a, impl Iterator<Item = &'a str>>,
    words_after: &mut Walk<'a, impl Iterator<Item = &'a str>>,
) -> Mention {
    if event.refers_to.is_some() {
        return Mention::Reference;
    }
    let ntext = input.ntext;
    let lex = input.lex;
    // Cue words are read back to the clause's start; each word's classes are looked
    // up once for all the cue classes below.
    let mut classes_before = [ClassSet::default(); CUE_WORDS];
    for (slot, w) in classes_before.iter_mut().zip(words_before.first(CUE_WORDS)) {
        *slot = lex.held_classes(w);
    }
    let any_before =
        |n: usize, class: WordClass| classes_before.iter().take(n).any(|c| c.has(class));
    if event.kind != EventKind::Protest
        && words_after
            .first(FIGURATIVE_WORDS)
            .iter()
            .any(|w| lex.holds(WordClass::Figurative, w))
    {
        return Mention::Figurative;
    }
    if any_before(STATEMENT_WORDS, WordClass::Statement) {
        return Mention::Statement;
    }
    if any_before(HYPOTHETICAL_WORDS, WordClass::Hypothetical) {
        return Mention::Hypothetical;
    }
    if is_question(input, event, words_before) {
        return Mention::Question;
    }
    let historical_word = any_before(HISTORICAL_WORDS, WordClass::Historical)
        || words_after
            .first(HISTORICAL_WORDS)
            .iter()
            .any(|w| lex.holds(WordClass::Historical, w));
    if historical_word
        || dated_before(input, event)
        || names_an_earlier_year(input, words_before, words_after)
    {
        return Mention::Historical;
    }
    let trigger_word = ntext.get(p.nspan.0..p.nspan.1).unwrap_or_default();
    let imperfect = trigger_word
        .split(' ')
        .next()
        .is_some_and(|w| lex.holds(WordClass::Imperfect, w));
    let first_word = trigger_word.split(' ').next().unwrap_or_default();
    // "هجمات على الحواجز": a class of events, unless a verb tells them done ("شنت
    // ضربات جوية", "تعرضت لهجمات") or a count makes them specific.
    let plural = lex.contains(WordClass::PluralEvent, first_word)
        && !any_before(LIGHT_WORDS, WordClass::LightVerb)
        && !any_before(LIGHT_WORDS, WordClass::VictimCue)
        && event.fatalities.is_none();
    if any_before(HYPOTHETICAL_WORDS, WordClass::Generic)
        || (imperfect && !is_headline(input, event, p))
        || plural
    {
        return Mention::Generic;
    }
    if any_before(REFERENCE_WORDS, WordClass::BackReference)
        || any_before(1, WordClass::Demonstrative)
        || is_possessed(first_word, lex)
    {
        return Mention::Reference;
    }
    if p.detail {
        return Mention::Detail;
    }
    let victim_before = any_before(VICTIM_WORDS, WordClass::VictimCue);
    if is_purpose(ntext, p.nspan) && !victim_before && !agent_after(words_after.first(2), lex) {
        return Mention::Hypothetical;
    }
    if !in_main_clause(words_before.first(MAIN_CLAUSE_WORDS + 1), &classes_before) {
        return Mention::Background;
    }
    let told_before = super::triggers::is_definite(ntext, p.nspan)
        && event.fatalities.is_none()
        && event.time.is_none()
        && !victim_before;
    if told_before {
        return Mention::Reference;
    }
    Mention::Report
}

/// The most words of a clause side any rule of [`mention`] reads.
const WALK_WORDS: usize = max(
    max(QUESTION_WORDS, CLAIM_WORDS),
    max(HISTORICAL_WORDS, MAIN_CLAUSE_WORDS + 1),
);

/// The words of one side of a trigger's clause, nearest first, read from the text as
/// far as a rule asks and kept: the rules of [`mention`] read the same words many
/// times.
struct Walk<'a, I> {
    words: I,
    read: [&'a str; WALK_WORDS],
    len: usize,
}

impl<'a, I: Iterator<Item = &'a str>> Walk<'a, I> {
    fn new(words: I) -> Self {
        Walk {
            words,
            read: [""; WALK_WORDS],
            len: 0,
        }
    }

    /// The first `n` words (fewer when the clause ends first).
    fn first(&mut self, n: usize) -> &[&'a str] {
        debug_assert!(n <= WALK_WORDS);
        while self.len < n {
            match self.words.next() {
                Some(w) => {
                    self.read[self.len] = w;
                    self.len += 1;
                }
                None => break,
            }
        }
        &self.read[..self.len.min(n)]
    }
}

/// How many words of the clause either side of a trigger are read for a place noun
/// and its name.
const UNNAMED_PLACE_WORDS: usize = 12;
/// A comma ends the stretch of a clause a place noun is read in.
const COMMAS: [char; 2] = ['،', ','];

/// The gazetteer's location cue words ("مدينة", "بلدة", "حي", "مخيم"), normalized:
/// place nouns, which name a place even when the gazetteer does not know the name.
/// The `place_near` words among them ("أطراف", "محيط") only relate a place named
/// elsewhere ("أطراف المعارضة" are parties) and are left out, and so are the cues of
/// countries only ("دولة"): a country does not situate an event.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlaceNouns(FxHashSet<Box<str>>);

impl PlaceNouns {
    pub(crate) fn new(cues: &[CueWord], lex: &Lexicon) -> PlaceNouns {
        PlaceNouns(
            cues.iter()
                .filter(|c| c.role == CueRole::Location)
                .filter(|c| c.prefers.iter().any(|&k| k != LocationKind::Country))
                .map(|c| normalize_str(&c.word).into_boxed_str())
                .filter(|w| !lex.contains(WordClass::PlaceNear, w))
                .collect(),
        )
    }

    /// Whether `word` is an indefinite place noun, the head of a name after it
    /// ("بلدة", "وببلدة"; "البلدة" names no place of its own): listed, whole or under
    /// a proclitic chain without the article.
    fn heads_a_name(&self, word: &str) -> bool {
        self.0.contains(word)
            || clitic_splits(word).any(|(prefix, stem)| {
                !prefix.ends_with("ال") && prefix != "لل" && self.0.contains(stem)
            })
    }
}

/// A place the text names after a place noun in the trigger's clause, twelve words
/// either side and no comma between ("انفجرت قنبلة أمام مكاتب الحزب في بلدة
/// إلجويبار"; not "كان يعمل في مدينة ميلانو، قد تعرض للاختطاف"): the noun and the
/// name. The name is the word right after an indefinite place noun, unless it is an
/// indefinite feminine adjective ("منطقة سكنية", "قرية صغيرة"), a number, a word of
/// the lexicon ("منطقة أخرى") or a trigger ("منطقة الاشتباكات").
pub(super) fn unnamed_place(input: &Input<'_>, p: &Placed) -> Option<Span> {
    let ntext = input.ntext;
    let before = ntext.get(..p.nspan.0).unwrap_or_default();
    // Clitics glued to the trigger ("ال" of "الاشتباكات") are part of its word.
    let before = before.trim_end_matches(|c: char| !c.is_whitespace());
    let after = ntext.get(p.nspan.1..).unwrap_or_default();
    // The walks end at a comma: the text beyond it is never searched.
    let not_comma = |&(_, c): &(usize, char)| !COMMAS.contains(&c);
    let offset = |w: &str| w.as_ptr() as usize - ntext.as_ptr() as usize;
    // Triggers are in text order and do not overlap: the one that can overlap a word
    // is the last one starting before its end (a binary search, so a text full of
    // triggers stays linear).
    let in_trigger = |w: &str| {
        let (start, end) = (offset(w), offset(w) + w.len());
        let k = input
            .triggers
            .partition_point(|&(nspan, _, _)| nspan.0 < end);
        k > 0 && start < input.triggers[k - 1].0 .1
    };
    let is_name = |w: &str| {
        w.chars().nth(1).is_some()
            && !w.starts_with(|c: char| c.is_numeric())
            && (w.starts_with("ال") || !w.ends_with('ه'))
            && input.lex.held_classes(w) == ClassSet::default()
            && !in_trigger(w)
    };
    // The clause in text order: the words before, then those after the trigger.
    let mut words = [""; 2 * UNNAMED_PLACE_WORDS];
    let mut len = 0;
    let back = before.char_indices().rev().take_while(not_comma);
    for w in clause_side(before, back).take(UNNAMED_PLACE_WORDS) {
        words[len] = w;
        len += 1;
    }
    words[..len].reverse();
    let split = len;
    let on = after.char_indices().take_while(not_comma);
    for w in clause_side(after, on).take(UNNAMED_PLACE_WORDS) {
        words[len] = w;
        len += 1;
    }
    let (noun, name) = words[..len]
        .windows(2)
        .enumerate()
        // The trigger stands between the last word before it and the first after.
        .filter(|&(i, _)| i + 1 != split)
        .map(|(_, pair)| (pair[0], pair[1]))
        .find(|&(noun, name)| input.place_nouns.heads_a_name(noun) && is_name(name))?;
    let start = (input.to_original)(offset(noun));
    let end = (input.to_original)(offset(name) + name.len());
    Some(Span {
        start,
        end,
        text: input.text.get(start..end).unwrap_or_default().to_string(),
    })
}

/// Whether the trigger's word carries the preposition ل ("لقصف المواقع", "عبوة مجهزة
/// للتفجير"): an event noun of purpose, something meant, not done. After a victim
/// verb it is what happened ("تعرضت البلدة للقصف"): the caller checks that.
fn is_purpose(ntext: &str, nspan: (usize, usize)) -> bool {
    let (_, prefix) = super::clause::clitics_before(ntext, nspan.0);
    let prefix = prefix
        .strip_prefix('و')
        .or_else(|| prefix.strip_prefix('ف'))
        .unwrap_or(prefix);
    prefix == "ل" || prefix == "لل"
}

/// Whether the trigger's agent follows it ("للخطف على أيدي مسلحين", "للاعتقال من قبل
/// دورية"): an event done by someone, not a purpose, however far its victim verb
/// ("تعرض قيادي في الحركة ... للخطف على أيدي مسلحين"). `after` holds the first words
/// of the clause after the trigger.
fn agent_after(after: &[&str], lex: &Lexicon) -> bool {
    let [first, second, ..] = *after else {
        return false;
    };
    (first == "من" && second == "قبل")
        || lex.contains(WordClass::InitiatorCue, &format!("{first} {second}"))
}

/// Whether a trigger stands in the main clause of its sentence: at most twelve words
/// from where the sentence begins, or from a complementizer opening reported speech
/// ("وقال المرصد في بيان إن قوات النظام قصفت"). `words` are the words before the
/// trigger, nearest first, up to the sentence's start (one more than the main clause
/// may hold, when there are so many), and `classes` the classes of the first of them.
fn in_main_clause(words: &[&str], classes: &[ClassSet]) -> bool {
    words.len() <= MAIN_CLAUSE_WORDS
        || classes
            .iter()
            .take(MAIN_CLAUSE_WORDS)
            .any(|c| c.has(WordClass::Complementizer))
}

// The classes of every word the main clause may hold are looked up.
const _: () = assert!(MAIN_CLAUSE_WORDS <= CUE_WORDS);

/// The pronouns an event noun may carry ("مقتله", "اعتقالهم"): grammar, in code.
const POSSESSIVES: &[&str] = &["ه", "ها", "هم", "هما", "هن"];

/// Whether the trigger is an event noun with a possessive pronoun ("مقتله",
/// "هجومها", "اعتقالهم"): the event of someone already introduced, told before or
/// in passing ("بعد اعتقاله", "صعّد هجومه على").
fn is_possessed(word: &str, lex: &Lexicon) -> bool {
    POSSESSIVES.iter().any(|p| {
        word.strip_suffix(p)
            .is_some_and(|stem| lex.contains(WordClass::EventNoun, stem))
    })
}

/// Whether the event's sentence is the article's headline: its first line, with no
/// full stop at its end. Position in the article is used for this only: a headline
/// tells an event in the present ("قوات النظام تقصف كفرنبل"), the body in the past,
/// so a present-tense violent verb in the body is habitual or ongoing ("يقتل",
/// "تستهدف").
fn is_headline(input: &Input<'_>, event: &Event, p: &Placed) -> bool {
    if p.sentence != 0 {
        return false;
    }
    let text = input
        .text
        .get(event.sentence.start..event.sentence.end)
        .unwrap_or_default()
        .trim_end();
    !text.ends_with(['.', '!', '؟', '?', '۔'])
}

/// A question: the sentence holds a question mark, or the trigger's clause opens
/// with a question word (within its first thirty words). `before` walks the words
/// before the trigger.
fn is_question<'a>(
    input: &Input<'_>,
    event: &Event,
    before: &mut Walk<'a, impl Iterator<Item = &'a str>>,
) -> bool {
    let sentence = input
        .text
        .get(event.sentence.start..event.sentence.end)
        .unwrap_or_default();
    // One char pattern at a time: each is a memchr over the bytes, where a set of
    // chars decodes every char of the sentence (for every event of it).
    if sentence.contains('؟') || sentence.contains('?') {
        return true;
    }
    before
        .first(QUESTION_WORDS)
        .last()
        .is_some_and(|w| input.lex.holds(WordClass::Question, w))
}

/// A year written with its noun in the trigger's clause ("في العام 2006", "عام
/// 1988"), before the article's year; without a publication date, any such year:
/// news tells the year of an event only when it is not the current one. `before`
/// and `after` walk the clause's words either side of the trigger.
fn names_an_earlier_year<'a>(
    input: &Input<'_>,
    before: &mut Walk<'a, impl Iterator<Item = &'a str>>,
    after: &mut Walk<'a, impl Iterator<Item = &'a str>>,
) -> bool {
    let lex = input.lex;
    let is_year_noun = |w: &str| {
        let w = w
            .strip_prefix('ب')
            .or_else(|| w.strip_prefix('ل'))
            .unwrap_or(w);
        matches!(
            lex.get(WordClass::TimeUnit, w),
            Some(LexValue::Unit(TimeUnit::Year, _))
        ) || matches!(
            lex.get(WordClass::TimePeriod, w),
            Some(LexValue::Unit(TimeUnit::Year, _))
        )
    };
    let year = |w: &str| {
        (w.len() == 4)
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..2100).contains(y))
    };
    let earlier = |y: i32| input.published_year.is_none_or(|p| y < p);
    // Before the trigger the words come nearest first: the year, then its noun. The
    // year is tested first: it is the cheaper test, and the rarer.
    let noun_then_year = |noun: &str, y: &str| year(y).is_some_and(earlier) && is_year_noun(noun);
    before
        .first(HISTORICAL_WORDS)
        .windows(2)
        .any(|pair| noun_then_year(pair[1], pair[0]))
        || after
            .first(HISTORICAL_WORDS)
            .windows(2)
            .any(|pair| noun_then_year(pair[0], pair[1]))
}

/// A time of the sentence names a year before the article's ("في عام 2005"); without
/// a publication date, a year named alone, with no month or day, is one; so is a
/// year back from it ("العام الماضي", "قبل عام").
fn dated_before(input: &Input<'_>, event: &Event) -> bool {
    let (ss, se) = (event.sentence.start, event.sentence.end);
    // Times are in text order: those of the sentence, found by a binary search.
    let from = input.times.partition_point(|t| t.start < ss);
    input.times[from..]
        .iter()
        .take_while(|t| t.start < se)
        .filter(|t| t.end <= se)
        .any(|t| {
            let earlier_year = t.value.year.is_some_and(|year| match input.published_year {
                Some(published) => year < published,
                None => t.value.month.is_none() && t.value.day.is_none(),
            });
            let year_back = t
                .value
                .shift
                .is_some_and(|s| s.unit == TimeUnit::Year && s.direction == TimeDirection::Past);
            earlier_year || year_back
        })
}

#[cfg(test)]
mod tests {
    use crate::event::{EventKind, Mention};
    use crate::time::Date;
    use crate::{Article, Extractor};

    /// Every event of each sentence is marked `want` and is not reported.
    fn none_reported(want: Mention, rows: &[&str]) {
        let ex = Extractor::default();
        let mut failed = Vec::new();
        for text in rows {
            let doc = ex.extract(*text);
            let got: Vec<(EventKind, Mention, bool)> = doc
                .events
                .iter()
                .map(|e| (e.kind, e.mention, e.is_reported()))
                .collect();
            if got.is_empty() || got.iter().any(|&(_, m, r)| m != want || r) {
                failed.push(format!("{text}\n    got {got:?}"));
            }
        }
        assert!(failed.is_empty(), "want {want}:\n{}", failed.join("\n"));
    }

    #[test]
    fn statements_about_violence() {
        none_reported(
            Mention::Statement,
            &[
                "أدانت وزارة الخارجية الهجوم على بلدة كفرنبل.",
                "واستنكر الائتلاف الوطني القصف على مدينة أريحا.",
                "وحمّلت الفصائل قوات النظام المسؤولية عن قصف المدينة.",
                "وفتحت السلطات تحقيقا في مقتل الشاب.",
                "وتبنى تنظيم داعش الهجوم في بيان على معرفاته.",
            ],
        );
        // The arrest is reported; the killing it charges is not.
        let doc = Extractor::default().extract("واعتقلت الدورية الشاب بتهمة قتل أحد عناصرها.");
        let kinds: Vec<(EventKind, Mention, bool)> = doc
            .events
            .iter()
            .map(|e| (e.kind, e.mention, e.is_reported()))
            .collect();
        assert_eq!(
            kinds,
            [
                (EventKind::Arrest, Mention::Report, true),
                (EventKind::Killing, Mention::Statement, false)
            ]
        );
    }

    #[test]
    fn hypotheticals_plans_and_threats() {
        none_reported(
            Mention::Hypothetical,
            &[
                "وحذرت المنظمة من أي هجوم على مدينة إدلب.",
                "ونشرت القوات حواجز إضافية لتفادي الهجمات على الطريق.",
                "وتدرب العناصر لتفجير الجسور في المنطقة.",
                // Foiled: the device was defused.
                "وفككت قوات الأمن العام عبوة ناسفة قرب دوار الساعة.",
                // Weapons seized, stored or shipped, not used.
                "وعثرت الدورية على مستودع يحوي قذائف هاون في بلدة الحراك.",
                "وصادرت الحواجز شحنة قذائف هاون كانت متجهة إلى ريف حماة.",
                "وعرضت الوزارة الأسلحة المضبوطة ومنها قذائف هاون.",
            ],
        );
    }

    #[test]
    fn future_and_negation_are_not_reported() {
        let ex = Extractor::default();
        for text in [
            "وستشن قوات النظام هجوما على ريف إدلب الجنوبي.",
            "وسوف تقصف الطائرات مواقع التنظيم.",
            "وتعتزم الميليشيات شن حملة تمشيط في البادية.",
            "ونفت قسد قصف مواقع الجيش الوطني.",
            "ولم تسفر الغارات عن إصابات.",
        ] {
            let doc = ex.extract(text);
            assert!(!doc.events.is_empty(), "{text}");
            assert!(doc.events.iter().all(|e| !e.is_reported()), "{text}");
        }
    }

    #[test]
    fn generic_and_habitual() {
        none_reported(
            Mention::Generic,
            &[
                "وتتكرر عمليات الاغتيال في ريف درعا الغربي.",
                "وتأتي ضمن سلسلة هجمات على مواقع قوات النظام.",
                "وسط تزايد الهجمات على الحواجز في البادية.",
                // An indefinite plural with no verb telling it done.
                "وتشهد المنطقة هجمات على الحواجز العسكرية.",
            ],
        );
        // A verb tells them done: a report.
        let doc = Extractor::default().extract("نفذت طائرات التحالف ضربات جوية على مواقع داعش.");
        assert_eq!(doc.events[0].mention, Mention::Report);
    }

    #[test]
    fn historical_references() {
        none_reported(
            Mention::Historical,
            &[
                "وكانت قوات النظام قد قصفت البلدة في عام 2013.",
                "ويصادف اليوم ذكرى القصف الكيماوي على الغوطة الشرقية.",
            ],
        );
        // A year before the article's is history; the article's own is not.
        let ex = Extractor::default();
        let text = "قصفت قوات النظام البلدة عام 2019.";
        let old = ex.extract(Article::new(text).published(Date::parse("2024-03-01").ok()));
        assert_eq!(old.events[0].mention, Mention::Historical);
        let now = ex.extract(Article::new(text).published(Date::parse("2019-06-01").ok()));
        assert_eq!(now.events[0].mention, Mention::Report);
        // A year back from the article.
        let doc = ex.extract("وفي العام الماضي قتل مسلحون مجهولون عشرة شبان في المنطقة.");
        assert_eq!(doc.events[0].mention, Mention::Historical);
    }

    #[test]
    fn present_tense_outside_a_headline() {
        let ex = Extractor::default();
        // The body: habitual.
        let doc = ex.extract("ويستهدف القناصة المدنيين في أحياء المدينة.");
        assert_eq!(doc.events[0].mention, Mention::Generic);
        // The headline: a report.
        let doc =
            ex.extract("قوات النظام تقصف بلدة كفرنبل\nقصفت قوات النظام صباح اليوم بلدة كفرنبل.");
        assert_eq!(doc.events[0].mention, Mention::Report, "{:?}", doc.events);
    }

    #[test]
    fn questions() {
        none_reported(
            Mention::Question,
            &[
                "هل قصفت الطائرات الروسية المستشفى؟",
                "فمن يقف وراء الهجمات على حواجز النظام؟",
            ],
        );
    }

    #[test]
    fn references_details_and_figures_of_speech() {
        none_reported(
            Mention::Reference,
            &[
                "وجاء ذلك عقب الهجوم على الحاجز.",
                "وأثار القصف موجة نزوح من القرى.",
                "وهذه الاشتباكات ليست الأولى في المنطقة.",
                // The event of someone already named.
                "وطالبت عائلته بالكشف عن مصيره منذ اعتقاله.",
                "وصعّد الائتلاف من هجومه على المبعوث الدولي.",
                // The event as the topic of what is said or felt.
                "وأثار مقتل شابين برصاص قناص غضبا واسعا في درعا.",
                "وعلى الرغم من مقتل ثلاثة عناصر، واصلت الفصائل تقدمها.",
                "وتحدث الناشطون بشأن اغتيال قيادي في الفصيل بريف درعا.",
            ],
        );
        none_reported(
            Mention::Detail,
            &["وهتف المتظاهرون بشعارات تطالب برحيل النظام."],
        );
        none_reported(
            Mention::Figurative,
            &["وشن رئيس الائتلاف هجوما حادا على المبعوث الدولي."],
        );
    }

    #[test]
    fn told_in_passing() {
        let doc = Extractor::default().extract(
            "وتحدث الأهالي في الاجتماع الذي عقد في مبنى البلدية بحضور وجهاء العشائر وممثلين عن المجلس المحلي عن الخدمات والمياه والكهرباء وعن القصف.",
        );
        assert_eq!(doc.events[0].mention, Mention::Background);
        // Reported speech starts a main clause of its own.
        let doc = Extractor::default().extract(
            "وقال مراسل المنصة في ريف إدلب الجنوبي في اتصال هاتفي مع فريق التحرير إن قوات النظام قصفت بلدة كفرنبل.",
        );
        assert_eq!(doc.events[0].mention, Mention::Report);
        assert!(doc.events[0].is_reported());
    }

    #[test]
    fn unnamed_places_anchor_an_event() {
        let ex = Extractor::default();
        // (text, the unnamed place, or none): each event has no known place, time,
        // count or actor with a role, so only the unnamed place anchors it.
        let rows: &[(&str, Option<&str>)] = &[
            ("وانفجرت عبوة ناسفة في حي الجمعيات.", Some("حي الجمعيات")),
            (
                "وانفجرت عبوة ناسفة في مزرعة قرب قرية الخضيرية.",
                Some("قرية الخضيرية"),
            ),
            // A definite name may end like an adjective.
            (
                "وسقطت قذيفة هاون على بلدة الزملكانية.",
                Some("بلدة الزملكانية"),
            ),
            // No name: an adjective, the article, a trigger, a comma between.
            ("وانفجرت عبوة ناسفة في منطقة سكنية.", None),
            ("وانفجرت عبوة ناسفة في قرية صغيرة.", None),
            ("وانفجرت عبوة ناسفة في المدينة.", None),
            ("وانفجرت عبوة ناسفة في منطقة الاشتباكات.", None),
            ("وكان الشاب يعمل في حي الجمعيات، قبل أن يتعرض للخطف.", None),
            // A country noun names no place below the country.
            ("وانفجرت عبوة ناسفة في دولة الكويت.", None),
            // A place_near word relates a place; here it means "parties".
            ("وشنت أطراف المعارضة هجوما على المبعوث الدولي.", None),
        ];
        let mut failed = Vec::new();
        for &(text, want) in rows {
            let doc = ex.extract(text);
            let got: Vec<(Option<&str>, bool)> = doc
                .events
                .iter()
                .filter(|e| e.mention == Mention::Report)
                .map(|e| (e.unnamed_place.as_ref().map(|s| &*s.text), e.is_reported()))
                .collect();
            if got != [(want, want.is_some())] {
                failed.push(format!("{text}\n    got {got:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn a_country_alone_does_not_anchor_an_event() {
        let ex = Extractor::default();
        // (text, reported): no actor with a role, no time, no count.
        let rows: &[(&str, bool)] = &[
            ("وانفجرت عبوة ناسفة في لبنان.", false),
            ("وتتحدث الصحف عن انفجار في العراق.", false),
            // A part of the country, given by a direction, is below it.
            ("وانفجرت عبوة ناسفة شمالي العراق.", true),
            // A place below the country, known or unnamed, situates it.
            ("وانفجرت سيارة مفخخة في مدينة الريحانية في تركيا.", true),
            ("وانفجرت عبوة ناسفة في حي الجمعيات في لبنان.", true),
        ];
        let mut failed = Vec::new();
        for &(text, want) in rows {
            let doc = ex.extract(text);
            let got: Vec<bool> = doc.events.iter().map(|e| e.is_reported()).collect();
            if got != [want] {
                failed.push(format!("{text}\n    got {got:?} {:?}", doc.events));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn reports_stay_reported() {
        let ex = Extractor::default();
        for text in [
            "قصفت قوات النظام بلدة كفرنبل بريف إدلب الجنوبي.",
            "وتعرضت قرى سهل الغاب للقصف المدفعي مساء الخميس.",
            "مقتل شاب برصاص مجهولين في مدينة جاسم.",
            "خرجت مظاهرة في مدينة إدلب للمطالبة بالإفراج عن المعتقلين.",
            "تجمع مئات المتظاهرين أمام مبنى المحافظة في السويداء.",
            // "بحكم" is "by virtue of", not "ب" + the verdict "حكم"; "بعقوبة" a city, not
            // "ب" + "عقوبة" (penalty).
            "وبحكم موقعها على الطريق الدولي تعرضت البلدة لقصف مدفعي عنيف صباح اليوم.",
            "وقال مصدر في شرطة بعقوبة إن مسلحين مجهولين قتلوا ثلاثة مدنيين أمس.",
            // A purpose noun with its agent after it happened, however far the victim
            // verb ("تعرض ... للخطف على أيدي").
            "وتعرض أحد وجهاء مدينة جاسم المعروفين يوم الخميس الماضي، للخطف على أيدي مسلحين مجهولين.",
            "وتعرض ناشط إعلامي معروف في ريف درعا الغربي مساء الخميس، للاعتقال من قبل دورية للأمن العسكري.",
            // "ولاية" is a province, not "و" + the hypothetical "لأية".
            "وقال مصدر في ولاية الرقة، إن مسلحين مجهولين خطفوا ثلاثة شبان أمس.",
        ] {
            let doc = ex.extract(text);
            assert!(
                doc.events.iter().any(|e| e.is_reported()),
                "{text}: {:?}",
                doc.events
            );
        }
    }
}
