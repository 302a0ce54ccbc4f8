//! Fatality counts of killings, and the link from a killing to the violent event of
//! its sentence that caused it ("قصف ... أدى إلى مقتل 4 مدنيين").

use super::types::{Count, Event};
use super::{distance, Input, Placed};
use crate::kinds::EventKind;
use crate::lexicon::{Lexicon, WordClass};
use crate::text::clitics::{strip_clitic, ARTICLE};
use crate::text::numbers::{number_at, Number};
use crate::text::words::SPACED;

/// How many words after a killing trigger may hold its count.
const COUNT_WORDS: usize = 5;
/// How many events either side of a killing may be its cause: enough for any real
/// sentence, and bounded.
const CAUSE_WINDOW: usize = 4;

/// The counting phase: each killing gets the count the words around its trigger give.
pub(super) fn count(input: &Input<'_>, events: &mut [Event], placed: &[Placed]) {
    for (event, p) in events.iter_mut().zip(placed) {
        if event.kind != EventKind::Killing {
            continue;
        }
        if let Some(n) = fatalities(input.ntext, p.nspan, input.lex) {
            let start = (input.to_original)(n.start);
            let end = (input.to_original)(n.end).max(start);
            event.fatalities = Some(n.value);
            event.fatality_count = Some(Count {
                value: n.value,
                at_least: n.at_least,
                start,
                end,
                text: input.text.get(start..end).unwrap_or_default().to_string(),
            });
        }
    }
}

/// A killing in the sentence of a violent event is that event's outcome: it points to
/// the nearest one, which takes its count when it has none.
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
        if let Some(j) = parent {
            events[i].part_of = Some(j);
            if events[j].fatalities.is_none() {
                events[j].fatalities = events[i].fatalities;
                events[j].fatality_count = events[i].fatality_count.clone();
            }
        }
    }
}

/// A fatality count after a killing trigger: "مقتل 10 من عناصر", "قتل 18 عنصرا",
/// "مقتل عنصرين", "لقي عدد من عناصر", or just before it: "5 قتلى".
fn fatalities(ntext: &str, trigger: (usize, usize), lex: &Lexicon) -> Option<Number> {
    let words = SPACED.after(ntext, trigger.1, COUNT_WORDS);
    for (k, &(s, e)) in words.iter().enumerate() {
        let word = &ntext[s..e];
        if lex.contains(WordClass::PersonDual, word) {
            return Some(Number {
                value: 2,
                at_least: false,
                start: s,
                end: e,
            });
        }
        if k == 0 && lex.contains(WordClass::PersonSingle, word) {
            return Some(Number {
                value: 1,
                at_least: false,
                start: s,
                end: e,
            });
        }
        if let Some(n) = number_at(ntext, s, lex) {
            let noun = SPACED.next(ntext, n.end).map(|(a, b)| &ntext[a..b]);
            // "المدنيين", "لعناصر": the noun without clitics and article.
            let bare = noun.map(|w| {
                let w = strip_clitic(w);
                w.strip_prefix(ARTICLE).unwrap_or(w)
            });
            if bare.is_some_and(|w| lex.starts_with_any(WordClass::PersonNoun, w)) {
                return Some(n);
            }
        }
    }
    let (ps, _) = SPACED.prev(ntext, trigger.0)?;
    let n = number_at(ntext, ps, lex)?;
    (n.end <= trigger.0).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count_of(text: &str, trigger: &str) -> Option<(u32, bool)> {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let ntext = crate::normalize::normalize_str(text);
        let t = crate::normalize::normalize_str(trigger);
        let s = ntext.find(&t)?;
        fatalities(&ntext, (s, s + t.len()), lex).map(|n| (n.value, n.at_least))
    }

    #[test]
    fn counts_table() {
        // (text, trigger, expected count)
        type Row<'a> = (&'a str, &'a str, Option<(u32, bool)>);
        let rows: &[Row] = &[
            ("مقتل 10 من عناصر قوات النظام", "مقتل", Some((10, false))),
            ("قتل 18 عنصرا من الميليشيات", "قتل", Some((18, false))),
            ("مقتل عنصرين من الفصائل", "مقتل", Some((2, false))),
            ("مقتل شاب في درعا", "مقتل", Some((1, false))),
            ("لقي عدد من العناصر مصرعهم", "لقي", Some((2, true))),
            ("مقتل عشرات المدنيين", "مقتل", Some((20, true))),
            ("سقوط 5 قتلى", "قتلى", Some((5, false))),
            // A number that counts no person is no fatality count.
            ("مقتل 3 سيارات", "مقتل", None),
            ("مقتل القائد", "مقتل", None),
        ];
        for (text, trigger, want) in rows {
            assert_eq!(count_of(text, trigger), *want, "{text}");
        }
    }
}
