//! Fatality counts of killings, told apart from the wounded, and the link from a
//! killing to the violent event of its sentence that caused it ("قصف ... أدى إلى
//! مقتل 4 مدنيين").
//!
//! Where the count of a killing stands:
//! - after the trigger: a number and the people it counts ("مقتل 10 من عناصر",
//!   "قتل 18 عنصرا", "مقتل أحد جنودها"), a dual or, right after it, a singular person
//!   noun ("مقتل مدنيين اثنين", "مقتل عنصرين", "مقتل قائد"), or a bare number closing
//!   the phrase ("قتل 4", "مقتل 3 في ...");
//! - before it: "4 من مقاتليه قتلوا", "مدنيان قتلا", "5 قتلى";
//! - in the trigger itself: "قتيلان" (two), "سقوط قتيل" (one).
//!
//! The wounded are counted apart ("قتيلان و5 جرحى", "مقتل 3 وإصابة 7 آخرين"); killed
//! and wounded given as one figure ("قتل وجرح 24", "30 قتيلا وجريحا") are
//! `casualties`, and the killed are then unknown: `fatalities` stays `None`, as ACLED
//! records no fatalities for casualties alone.

use super::types::{Count, Event, Extent, Span, Tally, TallyKind};
use super::{distance, tally, Input, Placed};
use crate::entity::{EntityKind, EntityType};
use crate::kinds::{EventKind, LocationKind};
use crate::lexicon::{Lexicon, WordClass};
use crate::text::clitics::strip_clitic;
use crate::text::numbers::{lower_bound_after, lower_bound_before, number_at, Number};
use crate::text::persons::{person, Form, Person};
use crate::text::words::{is_word_char, SPACED};

/// How many words after a killing trigger may hold its count.
const COUNT_WORDS: usize = 5;
/// How many words around a killing may hold the count of the wounded.
const WOUNDED_WORDS: usize = 8;
/// The smallest count that, with no place below the country in its sentence, is a
/// toll of the war: ACLED's own example of a countrywide report is 1,000 fatalities.
const COUNTRYWIDE: u32 = 1000;
/// How many events either side of a killing may be its cause: enough for any real
/// sentence, and bounded.
const CAUSE_WINDOW: usize = 4;

/// The counts around a killing trigger, in normalized offsets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Reading {
    pub killed: Option<Number>,
    pub wounded: Option<Number>,
    /// Killed and wounded as one figure.
    pub combined: Option<Number>,
}

/// The counting phase: each killing gets the counts the words around its trigger give.
pub(super) fn count(input: &Input<'_>, events: &mut [Event], placed: &[Placed]) {
    for (event, p) in events.iter_mut().zip(placed) {
        if event.kind != EventKind::Killing {
            continue;
        }
        let reading = read(input.ntext, p.nspan, input.lex);
        let original = |s: usize, e: usize| {
            let start = (input.to_original)(s);
            let end = (input.to_original)(e).max(start);
            let text = input.text.get(start..end).unwrap_or_default().to_string();
            (start, end, text)
        };
        let to_count = |n: Number| {
            let (start, end, text) = original(n.start, n.end);
            Count {
                value: n.value,
                at_least: n.at_least,
                start,
                end,
                text,
            }
        };
        let (ws, _) = word_around(input.ntext, p.nspan);
        let conjoined = input.ntext[ws..p.nspan.0].starts_with(['و', 'ف']);
        let first = [reading.killed, reading.combined]
            .into_iter()
            .flatten()
            .map(|n| n.start)
            .fold(ws, usize::min);
        if let Some(t) = tally::find(input.ntext, first, p.nspan.1, conjoined, input.lex) {
            let (start, end, text) = original(t.cue.0, t.cue.1);
            event.tally = Some(Box::new(Tally {
                kind: t.kind,
                cue: Span { start, end, text },
                count: reading
                    .killed
                    .or(reading.combined)
                    .or(t.figure)
                    .map(to_count),
                wounded: reading.wounded.map(to_count),
            }));
            continue;
        }
        let big = reading
            .killed
            .or(reading.combined)
            .filter(|n| n.value >= COUNTRYWIDE);
        if let Some(n) = big {
            if !names_a_place(input, &event.sentence) {
                let (start, end, text) = original(n.start, n.end);
                event.tally = Some(Box::new(Tally {
                    kind: TallyKind::Countrywide,
                    cue: Span { start, end, text },
                    count: Some(to_count(n)),
                    wounded: reading.wounded.map(to_count),
                }));
                continue;
            }
        }
        if let Some(n) = reading.killed {
            event.fatalities = Some(n.value);
            event.fatalities_at_least = n.at_least;
            event.fatality_count = Some(to_count(n));
        }
        event.wounded = reading.wounded.map(|n| Box::new(to_count(n)));
        event.casualties = reading.combined.map(|n| Box::new(to_count(n)));
    }
}

/// Whether the sentence names a place below the country (a town, a governorate, a
/// desert...).
fn names_a_place(input: &Input<'_>, sentence: &Extent) -> bool {
    input.entities.iter().any(|e| {
        e.kind == EntityKind::Location
            && e.start >= sentence.start
            && e.end <= sentence.end
            && e.entity_type != EntityType::Location(LocationKind::Country)
    })
}

/// A killing in the sentence of a violent event is that event's outcome: it points to
/// the nearest one, which takes its counts when it has none. A tally gives no count;
/// a period or documented tally makes its cause a tally too ("أسفرت الغارات خلال أسبوع
/// عن مقتل 260": the strikes of a week), a running total does not ("قصفت ... ما رفع
/// حصيلة القتلى إلى 40": the shelling is one event).
pub(super) fn link_outcomes(events: &mut [Event], placed: &[Placed]) {
    for i in 0..events.len() {
        if events[i].kind != EventKind::Killing {
            continue;
        }
        let p = &placed[i];
        let window = i.saturating_sub(CAUSE_WINDOW)..(i + CAUSE_WINDOW + 1).min(placed.len());
        let parent = window
            .filter(|&j| placed[j].sentence == p.sentence && events[j].kind.is_violent())
            .min_by_key(|&j| distance(placed[j].nspan, p.nspan));
        let Some(j) = parent else { continue };
        events[i].part_of = Some(j);
        if let Some(tally) = &events[i].tally {
            let spreads =
                tally.kind != TallyKind::RunningTotal && tally.cue.start < events[i].trigger.start;
            if spreads && events[j].tally.is_none() {
                events[j].tally = Some(tally.clone());
                events[j].fatalities = None;
                events[j].fatalities_at_least = false;
                events[j].fatality_count = None;
            }
            continue;
        }
        if events[j].fatalities.is_none() && events[j].casualties.is_none() {
            events[j].fatalities = events[i].fatalities;
            events[j].fatalities_at_least = events[i].fatalities_at_least;
            events[j].fatality_count = events[i].fatality_count.clone();
            events[j].casualties = events[i].casualties.clone();
        }
        if events[j].wounded.is_none() {
            events[j].wounded = events[i].wounded.clone();
        }
    }
}

/// The whole word around a span: (start, end), clitics and suffixes included.
fn word_around(ntext: &str, span: (usize, usize)) -> (usize, usize) {
    let start = ntext[..span.0]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(span.0, |(i, _)| i);
    let end = span.1
        + ntext[span.1..]
            .chars()
            .take_while(|c| is_word_char(*c))
            .map(char::len_utf8)
            .sum::<usize>();
    (start, end)
}

/// The word with one conjunction, preposition or both removed, as the lexicon compares
/// it.
fn is_class(lex: &Lexicon, class: WordClass, word: &str) -> bool {
    // Both forms are suffixes of the word.
    lex.may_end(class, word)
        && (lex.contains(class, word) || lex.contains(class, strip_clitic(word)))
}

/// The word reports injuries: a wounding word ("وإصابة") or the wounded ("وجرحى").
fn is_wounding(lex: &Lexicon, word: &str) -> bool {
    is_class(lex, WordClass::Wounding, word) || person(word, lex).is_some_and(|p| p.wounded)
}

/// The number with the lower-bound phrases around it folded into its flag.
fn bounded(ntext: &str, mut n: Number, after: usize, lex: &Lexicon) -> Number {
    n.at_least |= lower_bound_before(ntext, n.start, lex).is_some()
        || lower_bound_after(ntext, after, lex).is_some();
    n
}

/// The position after a lower-bound or approximate phrase starting at `pos` ("أكثر
/// من", "نحو"), or `pos` itself.
fn skip_qualifier(ntext: &str, pos: usize, lex: &Lexicon) -> usize {
    let words = SPACED.after(ntext, pos, 4);
    for k in (0..words.len()).rev() {
        let phrase = &ntext[words[0].0..words[k].1];
        if lex.contains(WordClass::LowerBound, phrase)
            || lex.contains(WordClass::Approximate, phrase)
        {
            return words[k].1;
        }
    }
    pos
}

/// Reads the counts of a killing whose trigger spans `trigger` (normalized).
pub(super) fn read(ntext: &str, trigger: (usize, usize), lex: &Lexicon) -> Reading {
    let (ws, we) = word_around(ntext, trigger);
    // The last word of the trigger, which may itself name the dead ("قتيلان", "جثة").
    let last_char = ntext[trigger.0..trigger.1]
        .char_indices()
        .last()
        .map_or(trigger.0, |(i, _)| trigger.0 + i);
    let last = word_around(ntext, (last_char, trigger.1));
    let last = if last.0 < ws { (ws, we) } else { last };
    let itself = person(&ntext[last.0..last.1], lex).filter(|p| !p.wounded);
    // "ومقتل": a number before the trigger belongs to the conjunct before it.
    let conjoined = ntext[ws..trigger.0].starts_with(['و', 'ف']);
    let next = SPACED.next(ntext, we);
    // Killed and wounded as one figure.
    if let Some(n) = combined(ntext, (ws, we), last, itself, conjoined, next, lex) {
        return Reading {
            combined: Some(n),
            ..Reading::default()
        };
    }
    let killed = killed(ntext, (ws, we), last, itself, conjoined, lex);
    let from = killed.map_or(we, |n| n.end.max(we));
    let wounded = wounded_after(ntext, from, lex).or_else(|| wounded_before(ntext, ws, lex));
    Reading {
        killed,
        wounded,
        combined: None,
    }
}

/// "قتل وجرح 24", "مقتل وإصابة 24 شخصا", "جرح وقتل 24", "30 قتيلا وجريحا",
/// "30 بين قتيل وجريح".
fn combined(
    ntext: &str,
    word: (usize, usize),
    last: (usize, usize),
    itself: Option<Person>,
    conjoined: bool,
    next: Option<(usize, usize)>,
    lex: &Lexicon,
) -> Option<Number> {
    let joined_after = next.filter(|&(s, e)| {
        let w = &ntext[s..e];
        w.starts_with('و') && is_wounding(lex, &w['و'.len_utf8()..])
    });
    let joined_before = conjoined
        && SPACED
            .prev(ntext, word.0)
            .is_some_and(|(s, e)| is_wounding(lex, &ntext[s..e]));
    if let Some((_, e)) = joined_after {
        // "30 شخصا قتلوا وأصيب مئات": the dead are counted before the verb.
        if itself.is_none() && !conjoined && count_before(ntext, word.0, lex).is_some() {
            return None;
        }
        if itself.is_some() {
            // "30 قتيلا وجريحا": the figure stands before; "30 بين قتيل وجريح".
            let mut at = last.0;
            if let Some((s, e)) = SPACED.prev(ntext, at) {
                if &ntext[s..e] == "بين" {
                    at = s;
                }
            }
            if let Some(n) = number_before(ntext, at, lex) {
                return Some(n);
            }
        }
        return count_after(ntext, e, lex);
    }
    if joined_before {
        return count_after(ntext, word.1, lex);
    }
    None
}

/// The number whose words end right before `pos` (up to four words back).
fn number_before(ntext: &str, pos: usize, lex: &Lexicon) -> Option<Number> {
    let (_, end) = SPACED.prev(ntext, pos)?;
    let mut from = pos;
    let mut best = None;
    for _ in 0..4 {
        let Some((s, _)) = SPACED.prev(ntext, from) else {
            break;
        };
        from = s;
        if let Some(n) = number_at(ntext, s, lex).filter(|n| n.end == end) {
            best = Some(n);
        }
    }
    best.map(|n| bounded(ntext, n, end, lex))
}

/// A count right after `pos`: a number with the people it counts or standing alone,
/// or a dual or singular person noun ("وإصابة شخصين", "وإصابة آخر").
fn count_after(ntext: &str, pos: usize, lex: &Lexicon) -> Option<Number> {
    let first = SPACED.next(ntext, pos)?;
    if let Some(p) = person(&ntext[first.0..first.1], lex) {
        if let Some(n) = number_adjective(ntext, first.1, lex) {
            return Some(n);
        }
        return p.count().map(|value| Number {
            value,
            at_least: false,
            start: first.0,
            end: first.1,
        });
    }
    let at = skip_qualifier(ntext, pos, lex);
    let n = number_at(ntext, at, lex)?;
    let noun = SPACED.next(ntext, n.end);
    let noun_end = noun.map_or(n.end, |(_, e)| e);
    let counts_people = noun.is_some_and(|(s, e)| {
        let w = &ntext[s..e];
        person(w, lex).is_some() || lex.contains(WordClass::Partitive, w)
    });
    if counts_people {
        return Some(bounded(ntext, n, noun_end, lex));
    }
    closes_count(ntext, n, lex).then(|| bounded(ntext, n, n.end, lex))
}

/// A bare number closes its phrase: what follows is nothing (punctuation or the end),
/// a word with the conjunction و, a lower bound ("على الأقل") or a `count_boundary`
/// word ("في", "جراء"); a four-digit year is no count.
fn closes_count(ntext: &str, n: Number, lex: &Lexicon) -> bool {
    let digits = &ntext[n.start..n.end];
    let year = digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (1900..2100).contains(&n.value);
    if year {
        return false;
    }
    match SPACED.next(ntext, n.end) {
        None => true,
        Some((s, e)) => {
            let w = &ntext[s..e];
            w.starts_with('و')
                || is_class(lex, WordClass::CountBoundary, w)
                || lower_bound_after(ntext, n.end, lex).is_some()
        }
    }
}

/// The dead: in the trigger, before it, or after it.
fn killed(
    ntext: &str,
    word: (usize, usize),
    last: (usize, usize),
    itself: Option<Person>,
    conjoined: bool,
    lex: &Lexicon,
) -> Option<Number> {
    if let Some(p) = itself {
        // "5 قتلى", "15 قتيلا", "100 جثة"
        let before = (!conjoined || last.0 > word.0)
            .then(|| number_before(ntext, last.0, lex))
            .flatten();
        if let Some(n) = before {
            // "30 قتيلا على الأقل"
            return Some(bounded(ntext, n, last.1, lex));
        }
        if let Some(value) = p.count() {
            return Some(Number {
                value,
                at_least: false,
                start: last.0,
                end: last.1,
            });
        }
    } else if !conjoined {
        if let Some(n) = count_before(ntext, word.0, lex) {
            return Some(n);
        }
    }
    count_following(ntext, word.1, lex)
}

/// "4 من مقاتليه قتلوا", "4 مدنيين قتلوا", "مدنيان قتلا", "4 مدنيين على الأقل قتلوا".
fn count_before(ntext: &str, pos: usize, lex: &Lexicon) -> Option<Number> {
    let mut pos = pos;
    let mut at_least = false;
    // "على الأقل" between the people and the verb.
    let words = SPACED.before(ntext, pos, 3);
    for k in (1..=words.len()).rev() {
        let mut phrase: Vec<&str> = words[..k].to_vec();
        phrase.reverse();
        if lex.contains(WordClass::LowerBoundAfter, &phrase.join(" ")) {
            for _ in 0..k {
                pos = SPACED.prev(ntext, pos)?.0;
            }
            at_least = true;
            break;
        }
    }
    let (ns, ne) = SPACED.prev(ntext, pos)?;
    let noun = person(&ntext[ns..ne], lex).filter(|p| !p.wounded)?;
    if noun.form == Form::Dual {
        return Some(Number {
            value: 2,
            at_least,
            start: ns,
            end: ne,
        });
    }
    let mut at = ns;
    if let Some((ps, pe)) = SPACED.prev(ntext, ns) {
        if lex.contains(WordClass::Partitive, &ntext[ps..pe]) {
            at = ps;
        }
    }
    let mut n = number_before(ntext, at, lex)?;
    n.at_least |= at_least;
    Some(n)
}

/// The count in the words after the trigger.
fn count_following(ntext: &str, pos: usize, lex: &Lexicon) -> Option<Number> {
    let words = SPACED.after(ntext, pos, COUNT_WORDS);
    // Where a bare number may start: right after the trigger, or after "أكثر من", "نحو".
    let bare_at = SPACED
        .next(ntext, skip_qualifier(ntext, pos, lex))
        .map(|w| w.0);
    for (k, &(s, e)) in words.iter().enumerate() {
        let w = &ntext[s..e];
        // "مقتل 3 وإصابة 5": a conjunct of the wounded or another number ends the count.
        if let Some(rest) = w.strip_prefix('و') {
            if is_wounding(lex, rest) || number_at(ntext, s + 'و'.len_utf8(), lex).is_some() {
                break;
            }
        }
        if let Some(p) = person(w, lex) {
            if p.wounded {
                break;
            }
            // "مقتل مدنيين اثنين", "مقتل عنصر واحد": a number after the noun.
            if let Some(n) = number_adjective(ntext, e, lex) {
                return Some(with_conjuncts(ntext, n, n.end, lex));
            }
            let value = match p.form {
                Form::Dual => 2,
                Form::Singular if k == 0 => 1,
                _ => continue,
            };
            let n = Number {
                value,
                at_least: false,
                start: s,
                end: e,
            };
            // "مقتل ضابط وجنديين": 3.
            return Some(with_conjuncts(ntext, n, e, lex));
        }
        let Some(n) = number_at(ntext, s, lex) else {
            continue;
        };
        let noun = SPACED.next(ntext, n.end);
        let noun_end = noun.map_or(n.end, |(_, b)| b);
        match noun.map(|(a, b)| &ntext[a..b]) {
            Some(nw) if lex.contains(WordClass::Partitive, nw) => {
                return Some(bounded(ntext, n, noun_end, lex));
            }
            Some(nw) => {
                if let Some(p) = person(nw, lex) {
                    if p.wounded {
                        break;
                    }
                    let n = bounded(ntext, n, noun_end, lex);
                    return Some(with_conjuncts(ntext, n, noun_end, lex));
                }
            }
            None => {}
        }
        if bare_at == Some(n.start) && closes_count(ntext, n, lex) {
            return Some(bounded(ntext, n, n.end, lex));
        }
    }
    None
}

/// "مدنيين اثنين", "عسكريين آخرين اثنين", "عنصر واحد": a number word of one or two
/// after the noun at `pos` (one more person word, "آخرين", may stand between).
fn number_adjective(ntext: &str, pos: usize, lex: &Lexicon) -> Option<Number> {
    let mut at = SPACED.next(ntext, pos)?;
    if person(&ntext[at.0..at.1], lex).is_some() {
        at = SPACED.next(ntext, at.1)?;
    }
    match crate::text::numbers::word_value(&ntext[at.0..at.1], lex) {
        Some((v @ 1..=2, false)) => Some(Number {
            value: v,
            at_least: false,
            start: at.0,
            end: at.1,
        }),
        _ => None,
    }
}

/// A count of people followed by others of the dead ("مقتل 4 نساء و3 أطفال": 7,
/// "مقتل ضابط وجنديين": 3); the wounded ("و5 جرحى"), a plural with no number and the
/// people among them ("بينهم 3 أطفال") are not added.
fn with_conjuncts(ntext: &str, mut n: Number, mut noun_end: usize, lex: &Lexicon) -> Number {
    while let Some((s, e)) = SPACED.next(ntext, noun_end) {
        let Some(rest) = ntext[s..e].strip_prefix('و') else {
            break;
        };
        let (value, at_least, end) = if let Some(p) = person(rest, lex) {
            match p.count() {
                Some(v) if !p.wounded => (v, false, e),
                _ => break,
            }
        } else {
            let Some(m) = number_at(ntext, s + 'و'.len_utf8(), lex) else {
                break;
            };
            let Some((a, b)) = SPACED.next(ntext, m.end) else {
                break;
            };
            if person(&ntext[a..b], lex).is_none_or(|p| p.wounded) {
                break;
            }
            (m.value, m.at_least, b)
        };
        let Some(sum) = n.value.checked_add(value) else {
            break;
        };
        n.value = sum;
        n.at_least |= at_least;
        n.end = end;
        noun_end = end;
    }
    n
}

/// The wounded after `pos`: "و5 جرحى", "وإصابة 7 آخرين", "وجرح 3", "وجريحان".
fn wounded_after(ntext: &str, pos: usize, lex: &Lexicon) -> Option<Number> {
    for (s, e) in SPACED.after(ntext, pos, WOUNDED_WORDS) {
        let w = &ntext[s..e];
        if is_class(lex, WordClass::Wounding, w) {
            return count_after(ntext, e, lex);
        }
        let Some(rest) = w.strip_prefix('و') else {
            continue;
        };
        if let Some(p) = person(rest, lex).filter(|p| p.wounded) {
            if let Some(value) = p.count() {
                return Some(Number {
                    value,
                    at_least: false,
                    start: s + 'و'.len_utf8(),
                    end: e,
                });
            }
        }
        // "ونحو 100 جريح": an approximate number.
        let mut at = s + 'و'.len_utf8();
        if lex.contains(WordClass::Approximate, rest) {
            at = e;
        }
        if let Some(n) = number_at(ntext, at, lex) {
            let noun = SPACED.next(ntext, n.end);
            if noun.is_some_and(|(a, b)| person(&ntext[a..b], lex).is_some_and(|p| p.wounded)) {
                let end = noun.map_or(n.end, |(_, b)| b);
                return Some(bounded(ntext, n, end, lex));
            }
        }
    }
    None
}

/// The wounded before the trigger, told first: "إصابة 5 أشخاص ومقتل 2".
fn wounded_before(ntext: &str, pos: usize, lex: &Lexicon) -> Option<Number> {
    let mut from = pos;
    for _ in 0..WOUNDED_WORDS {
        let (s, e) = SPACED.prev(ntext, from)?;
        from = s;
        if is_class(lex, WordClass::Wounding, &ntext[s..e]) {
            return count_after(ntext, e, lex).filter(|n| n.end <= pos);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (killed, wounded, combined) around the first occurrence of `trigger`.
    type Counts = (Option<(u32, bool)>, Option<u32>, Option<u32>);

    fn counts(text: &str, trigger: &str) -> Counts {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let ntext = crate::normalize::normalize_str(text);
        let t = crate::normalize::normalize_str(trigger);
        let s = ntext.find(&t).expect(trigger);
        let r = read(&ntext, (s, s + t.len()), lex);
        (
            r.killed.map(|n| (n.value, n.at_least)),
            r.wounded.map(|n| n.value),
            r.combined.map(|n| n.value),
        )
    }

    #[test]
    fn killed_table() {
        let exact = |v| Some((v, false));
        let at_least = |v| Some((v, true));
        // (text, trigger, the dead)
        type Row<'a> = (&'a str, &'a str, Option<(u32, bool)>);
        let rows: &[Row] = &[
            // After the trigger: a number and the people it counts.
            ("مقتل 10 من عناصر قوات النظام", "مقتل", exact(10)),
            ("قتل 18 عنصرا من الميليشيات", "قتل", exact(18)),
            ("مقتل خمسة عشر مدنيا بغارة", "مقتل", exact(15)),
            ("مقتل أحد عشر عنصرا", "مقتل", exact(11)),
            ("مقتل اثني عشر شخصا", "مقتل", exact(12)),
            ("مقتل ثلاثة عشر طفلا", "مقتل", exact(13)),
            ("مقتل مئتي شخص", "مقتل", exact(200)),
            ("مقتل 1,500 شخص", "مقتل", exact(1500)),
            ("مقتل ١٬٥٠٠ شخص", "مقتل", exact(1500)),
            ("مقتل 1.500 شخص", "مقتل", exact(1500)),
            ("مقتل ثلاثة آلاف مدني", "مقتل", exact(3000)),
            ("مقتل أحد جنودها في الهجوم", "مقتل", exact(1)),
            ("مقتل 3 من مقاتليه", "مقتل", exact(3)),
            ("مقتل 4 نساء و3 أطفال", "مقتل", exact(7)),
            ("مقتل 5 مدنيين و3 جرحى", "مقتل", exact(5)),
            ("مقتل 5 مدنيين بينهم 3 أطفال", "مقتل", exact(5)),
            ("مقتل نحو 200 مقاتل", "مقتل", exact(200)),
            // Duals and singulars of any person noun, by rule.
            ("مقتل مدنيين اثنين", "مقتل", exact(2)),
            ("مقتل عنصرين من الفصائل", "مقتل", exact(2)),
            ("مقتل صحفيين اثنين", "مقتل", exact(2)),
            ("مقتل امرأتين في القصف", "مقتل", exact(2)),
            ("مقتل طفلتين بقذيفة", "مقتل", exact(2)),
            ("مقتل ضابطين من الفرقة الرابعة", "مقتل", exact(2)),
            ("مقتل شاب في درعا", "مقتل", exact(1)),
            ("مقتل قائد ميداني في هيئة تحرير الشام", "مقتل", exact(1)),
            ("مقتل القائد العسكري للواء", "مقتل", exact(1)),
            ("مقتل عنصر واحد", "مقتل", exact(1)),
            ("مقتل ضابط وجنديين تركيين", "مقتل", exact(3)),
            ("مقتل رجل وامرأة", "مقتل", exact(2)),
            ("مقتل شاب وجرحى", "مقتل", exact(1)),
            // A sound plural in ين is no dual: how many is unsaid.
            ("مقتل مدنيين بقصف", "مقتل", None),
            ("مقتل مسلحين مجهولين", "مقتل", None),
            // Bare numbers closing the phrase.
            ("قتل 4", "قتل", exact(4)),
            ("قتل 4 في قصف على البلدة", "قتل", exact(4)),
            ("مقتل 3 وإصابة 5", "مقتل", exact(3)),
            ("مقتل أكثر من 20", "مقتل", at_least(20)),
            ("قتل 2015 في", "قتل", None),
            ("قتل 4 تموز", "قتل", None),
            // Before the trigger.
            ("أفادت مصادر أن 4 من مقاتليه قتلوا", "قتلوا", exact(4)),
            ("أن 4 مدنيين قتلوا", "قتلوا", exact(4)),
            ("مدنيان قتلا في القصف", "قتلا", exact(2)),
            ("أن 4 مدنيين على الأقل قتلوا", "قتلوا", at_least(4)),
            ("سقوط 5 قتلى", "قتلى", exact(5)),
            ("سقوط 15 قتيلا", "قتيلا", exact(15)),
            ("العثور على 30 جثة", "جثة", exact(30)),
            // In the trigger.
            ("سقوط قتيلين", "قتيلين", exact(2)),
            ("سقوط قتيل", "قتيل", exact(1)),
            // Lower bounds.
            ("لقي عدد من العناصر مصرعهم", "لقي", at_least(2)),
            ("مقتل عشرات المدنيين", "مقتل", at_least(20)),
            ("قتل ما لا يقل عن 260 مقاتلا", "قتل", at_least(260)),
            ("مقتل 5 مدنيين على الأقل", "مقتل", at_least(5)),
            // A number that counts no person is no fatality count.
            ("مقتل 3 سيارات", "مقتل", None),
            ("مقتل عناصر من قوات النظام", "مقتل", None),
            ("اعتقلت قوات النظام 5 شبان ثم قتلت", "قتلت", None),
            // The number of the conjunct before belongs to it.
            ("إصابة 5 أشخاص ومقتل", "مقتل", None),
        ];
        for (text, trigger, want) in rows {
            assert_eq!(counts(text, trigger).0, *want, "{text}");
        }
    }

    #[test]
    fn killed_and_wounded_table() {
        // (text, trigger, (killed, wounded, together))
        let rows: &[(&str, &str, Counts)] = &[
            (
                "سقوط قتيلين و5 جرحى",
                "قتيلين",
                (Some((2, false)), Some(5), None),
            ),
            (
                "قتيلان و5 جرحى في القصف",
                "قتيلان",
                (Some((2, false)), Some(5), None),
            ),
            (
                "سقوط 5 قتلى و10 جرحى",
                "قتلى",
                (Some((5, false)), Some(10), None),
            ),
            (
                "مقتل 3 أشخاص وإصابة 7 آخرين",
                "مقتل",
                (Some((3, false)), Some(7), None),
            ),
            ("قتل 3 وجرح 5", "قتل", (Some((3, false)), Some(5), None)),
            (
                "مقتل مدني وإصابة شخصين",
                "مقتل",
                (Some((1, false)), Some(2), None),
            ),
            ("قتيلان وجريح", "قتيلان", (Some((2, false)), Some(1), None)),
            (
                "أوقع 30 قتيلا على الأقل ونحو 100 جريح",
                "قتيلا",
                (Some((30, true)), Some(100), None),
            ),
            (
                "أن 30 شخصا قتلوا وأصيب مئات آخرون بجروح",
                "قتلوا",
                (Some((30, false)), Some(200), None),
            ),
            (
                "مقتل ضابط صف وإصابة عسكريين آخرين اثنين",
                "مقتل",
                (Some((1, false)), Some(2), None),
            ),
            (
                "إصابة 5 أشخاص ومقتل 2",
                "مقتل",
                (Some((2, false)), Some(5), None),
            ),
            // Killed and wounded as one figure: the dead are unknown.
            ("قتل وجرح 24 شخصا", "قتل", (None, None, Some(24))),
            (
                "أدى إلى مقتل وإصابة 24 شخصا",
                "مقتل",
                (None, None, Some(24)),
            ),
            ("جرح وقتل 10", "قتل", (None, None, Some(10))),
            ("سقوط 30 قتيلا وجريحا", "قتيلا", (None, None, Some(30))),
            ("سقوط 30 بين قتيل وجريح", "قتيل", (None, None, Some(30))),
            ("سقوط قتلى وجرحى", "قتلى", (None, None, None)),
        ];
        for (text, trigger, want) in rows {
            assert_eq!(counts(text, trigger), *want, "{text}");
        }
    }
}
