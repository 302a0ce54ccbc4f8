//! Which trigger hits become events: a trigger that requires company must have it
//! ("لقي مصرعه", not "لقي ترحيبا"), and a second trigger word of the same event
//! ("انفجرت عبوة ناسفة") joins the first instead of making another event.

use super::codes::codes;
use super::modality::modality;
use super::types::{Event, Extent, Mention, Span};
use super::{sentence_of, Input, Placed};
use crate::gazetteer::Trigger;
use crate::kinds::EventKind;
use crate::text::clitics::{chain, clitic_splits, strip_clitic, Chain};
use crate::text::words::SPACED;

/// How many words after a trigger may hold what it requires.
const REQUIRES_WORDS: usize = 3;
/// How many words after a trigger a second word of the same event may stand.
const SAME_EVENT_WORDS: usize = 5;

/// The events of the trigger hits, in text order, with where each stands.
pub(super) fn events(input: &Input<'_>) -> (Vec<Event>, Vec<Placed>) {
    let ntext = input.ntext;
    let mut events: Vec<Event> = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    for &(nspan, span, trigger) in &input.triggers {
        if !has_required_company(ntext, nspan, trigger) {
            continue;
        }
        let sentence = sentence_of(input.sentences, span.0);
        if let (Some(prev), Some(last)) = (placed.last(), events.last_mut()) {
            if continues(ntext, prev, last, sentence, nspan, trigger) {
                last.trigger_words.push(span_of(input.text, span));
                continue;
            }
        }
        let (ss, se) = input
            .sentences
            .get(sentence)
            .copied()
            .unwrap_or((0, input.text.len()));
        events.push(event(input, nspan, span, (ss, se), trigger));
        placed.push(Placed {
            sentence,
            nspan,
            after: trigger.after,
            kind: trigger.kind,
            detail: trigger.flags.detail,
        });
    }
    (events, placed)
}

/// Whether one of the next words starts with a word the trigger requires (if any).
fn has_required_company(ntext: &str, nspan: (usize, usize), trigger: &Trigger) -> bool {
    trigger.requires.is_empty()
        || SPACED
            .after(ntext, nspan.1, REQUIRES_WORDS)
            .iter()
            .any(|&(s, e)| {
                let word = strip_clitic(&ntext[s..e]);
                trigger
                    .requires
                    .iter()
                    .any(|p| word.starts_with(p.as_str()))
            })
}

/// One event written with two trigger words ("انفجرت عبوة ناسفة", "لقي شاب مصرعه"): a
/// trigger of the same kind at most five words after the previous one in the
/// sentence belongs to it; so does a generic attack verb right after a violent event
/// ("انفجار عبوة ناسفة استهدف قوات النظام").
fn continues(
    ntext: &str,
    prev: &Placed,
    last: &Event,
    sentence: usize,
    nspan: (usize, usize),
    trigger: &Trigger,
) -> bool {
    let same =
        last.kind == trigger.kind || (last.kind.is_violent() && trigger.kind == EventKind::Attack);
    prev.sentence == sentence
        && same
        && SPACED
            .after(ntext, prev.nspan.1, SAME_EVENT_WORDS)
            .iter()
            .any(|w| w.0 <= nspan.0 && nspan.0 < w.1)
}

fn span_of(text: &str, span: (usize, usize)) -> Span {
    Span {
        start: span.0,
        end: span.1,
        text: text.get(span.0..span.1).unwrap_or_default().to_string(),
    }
}

/// One record per event: an event told again merges into the event it restates.
///
/// - In its sentence: a generic attack word after a violent event ("انفجار عبوة
///   ناسفة ... استهدف"), a definite noun of the same kind ("غارة ... وأسفرت الغارة
///   عن"), and a raid and the arrests it made ("داهمت ... واعتقلت") are one event:
///   the later words join the first event (`trigger_words`) and leave no record.
/// - In a later sentence: a definite event noun with no place of its own, or the
///   same place ("القصف استهدف الأحياء", "الهجوم أسفر عن"), refers back to the last
///   event of its kind (or, for an attack word, the last violent event). It stays a
///   record of its own for the words it covers, marked `refers_to` (and so
///   `mention: reference`, which `Event::is_reported` drops); the event it refers
///   to lists its trigger in `trigger_words`.
///
/// The event restated takes over the actors it lacks, and a place, a time, a count
/// and a source when it has none.
pub(super) fn merge(input: &Input<'_>, events: &mut Vec<Event>, placed: &mut Vec<Placed>) {
    // One pass, compacting in place (`events[..kept]` are the kept events, so a huge
    // text's hundreds of thousands are not held twice): each decision looks at kept
    // events only, a bounded number of them, so a text full of triggers stays linear.
    let mut kept = 0;
    for i in 0..events.len() {
        let (head, tail) = events.split_at_mut(i);
        let event = &mut tail[0];
        let keep = match restated(input, &head[..kept], &placed[..kept], event, &placed[i]) {
            // Emptied into the earlier one; dropped by the truncation below.
            Some((j, true)) => {
                absorb(&mut head[j], event);
                false
            }
            Some((j, false)) => {
                absorb(&mut head[j], &mut event.clone());
                event.refers_to = Some(j);
                true
            }
            None => true,
        };
        if keep {
            events.swap(kept, i);
            placed.swap(kept, i);
            kept += 1;
        }
    }
    events.truncate(kept);
    placed.truncate(kept);
}

/// How many earlier events a back-reference in a later sentence may reach.
const REFERENCE_REACH: usize = 32;

/// The kept event that `event` restates, if any; `true` when it is in the same
/// sentence, where the words merge.
fn restated(
    input: &Input<'_>,
    events: &[Event],
    placed: &[Placed],
    event: &Event,
    p: &Placed,
) -> Option<(usize, bool)> {
    let definite = is_definite(input.ntext, p.nspan);
    let fits = |j: usize| {
        let earlier = &events[j];
        earlier.kind == event.kind || (event.kind == EventKind::Attack && earlier.kind.is_violent())
    };
    // The event right before, in the same sentence.
    let j = events.len().checked_sub(1)?;
    if placed[j].sentence == p.sentence && fits(j) {
        let generic_after = event.kind == EventKind::Attack && events[j].kind != EventKind::Attack;
        let arrests = event.kind == EventKind::Arrest;
        if generic_after || arrests || (definite && event.fatalities.is_none()) {
            return Some((j, true));
        }
    }
    if !definite || p.detail {
        return None;
    }
    // A later sentence refers back to the last event it fits (a reference itself is
    // passed over for the event it refers to).
    let j = (events.len().saturating_sub(REFERENCE_REACH)..events.len())
        .rev()
        .find(|&j| placed[j].sentence < p.sentence && events[j].refers_to.is_none() && fits(j))?;
    let own_place = event
        .locations
        .iter()
        .all(|l| events[j].locations.iter().any(|m| m.id == l.id));
    own_place.then_some((j, false))
}

/// Whether the trigger's word carries the article ("القصف", "بالقصف", "للقصف").
pub(super) fn is_definite(ntext: &str, nspan: (usize, usize)) -> bool {
    let (word_start, _) = super::clause::clitics_before(ntext, nspan.0);
    let word = &ntext[word_start..nspan.1.max(word_start)];
    clitic_splits(word).any(|(prefix, stem)| {
        matches!(chain(prefix), Some(Chain::Article | Chain::Contracted))
            && stem.chars().count() >= 3
    })
}

/// Takes the words and arguments of `other` into `event`.
fn absorb(event: &mut Event, other: &mut Event) {
    event.trigger_words.push(other.trigger.clone());
    event.trigger_words.append(&mut other.trigger_words);
    event.trigger_words.sort_by_key(|s| s.start);
    event.trigger_words.dedup_by_key(|s| s.start);
    for actor in other.actors.drain(..) {
        match event.actors.iter_mut().find(|a| a.id == actor.id) {
            Some(a) => {
                if a.role.is_none() {
                    a.role = actor.role;
                }
            }
            None => event.actors.push(actor),
        }
    }
    if event.locations.is_empty() {
        event.locations = std::mem::take(&mut other.locations);
    }
    if event.time.is_none() {
        event.time = other.time.take();
    }
    if event.fatalities.is_none() {
        event.fatalities = other.fatalities;
        event.fatality_count = other.fatality_count.take();
    }
    if event.source.is_none() {
        event.source = other.source.take();
    }
}

/// A new event of `trigger` at `span` (original) / `nspan` (normalized), with no
/// arguments yet.
fn event(
    input: &Input<'_>,
    nspan: (usize, usize),
    span: (usize, usize),
    sentence: (usize, usize),
    trigger: &Trigger,
) -> Event {
    let (acled, cameo, cameo_code) = codes(
        trigger.kind,
        trigger.sub_event.as_deref(),
        trigger.cameo.as_deref(),
    );
    Event {
        kind: trigger.kind,
        trigger: span_of(input.text, span),
        trigger_id: trigger.id.clone(),
        trigger_words: Vec::new(),
        actors: Vec::new(),
        locations: Vec::new(),
        place: None,
        unnamed_place: None,
        time: None,
        fatalities: None,
        fatalities_at_least: false,
        fatality_count: None,
        wounded: None,
        casualties: None,
        tally: None,
        source: None,
        claimed: false,
        modality: modality(input.ntext, nspan, input.lex),
        mention: Mention::Report,
        refers_to: None,
        sentence: Extent {
            start: sentence.0,
            end: sentence.1,
        },
        part_of: None,
        acled,
        cameo,
        cameo_code,
    }
}

#[cfg(test)]
mod tests {
    use crate::kinds::EventKind;
    use crate::Extractor;

    #[test]
    fn which_triggers_make_events() {
        use EventKind::*;
        // (text, the kinds of the events, in order)
        let rows: &[(&str, &[EventKind])] = &[
            ("قصفت قوات النظام بلدة كفرنبل", &[Shelling]),
            // لقي reports a death only with مصرع, حتف ... after it.
            ("لقي شاب مصرعه برصاص مجهولين", &[Killing]),
            ("لقي المقترح ترحيبا واسعا", &[]),
            // Two trigger words of one event make one event.
            ("انفجرت عبوة ناسفة بسيارة عسكرية", &[Explosion]),
            // A generic attack verb right after a violent event describes it.
            ("انفجار عبوة ناسفة استهدف دورية لقوات النظام", &[Explosion]),
            // In another sentence it is an event of its own.
            (
                "انفجرت عبوة ناسفة. هاجم مسلحون حاجزا للنظام",
                &[Explosion, Attack],
            ),
            ("اعتقلت قوات النظام شابين ثم قصفت الحي", &[Arrest, Shelling]),
        ];
        let ex = Extractor::default();
        for (text, want) in rows {
            let got: Vec<EventKind> = ex.extract(*text).events.iter().map(|e| e.kind).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn one_record_per_event() {
        use crate::event::Mention;
        use EventKind::*;
        // (text, the events as (kind, trigger, other trigger words, mention), in order)
        type Row<'a> = (&'a str, &'a [(EventKind, &'a str, &'a [&'a str], Mention)]);
        let rows: &[Row] = &[
            // A second trigger word in the sentence restates the event.
            (
                "قصفت قوات النظام بلدة كفرنبل واستهدف القصف الأحياء السكنية.",
                &[(Shelling, "قصفت", &["استهدف", "قصف"], Mention::Report)],
            ),
            (
                "شنت الطائرات الروسية غارة جوية على أريحا، واستهدفت الغارة سوقا شعبيا.",
                &[(
                    AirStrike,
                    "غارة جوية",
                    &["استهدفت", "غارة"],
                    Mention::Report,
                )],
            ),
            // A raid and its arrests are one arrest.
            (
                "داهمت قوات النظام منازل في بلدة جاسم واعتقلت ثلاثة شبان.",
                &[(Arrest, "داهمت", &["اعتقلت"], Mention::Report)],
            ),
            // (The article stays outside a trigger's span, like a clitic.)
            // A back-reference in a later sentence: the first event lists its word,
            // and the mention stays a record marked as a reference.
            (
                "قصفت قوات النظام بلدة كفرنبل. وأسفر القصف عن دمار كبير في المنازل.",
                &[
                    (Shelling, "قصفت", &["قصف"], Mention::Report),
                    (Shelling, "قصف", &[], Mention::Reference),
                ],
            ),
            // Two events of the same kind in two sentences with their own places stay
            // two events.
            (
                "قصفت قوات النظام بلدة كفرنبل. وفي حلب، قصفت الفصائل حي الحمدانية.",
                &[
                    (Shelling, "قصفت", &[], Mention::Report),
                    (Shelling, "قصفت", &[], Mention::Report),
                ],
            ),
        ];
        let ex = Extractor::default();
        for (text, want) in rows {
            let doc = ex.extract(*text);
            let got: Vec<(EventKind, &str, Vec<&str>, Mention)> = doc
                .events
                .iter()
                .map(|e| {
                    let words = e.trigger_words.iter().map(|w| w.text.as_str()).collect();
                    (e.kind, e.trigger.text.as_str(), words, e.mention)
                })
                .collect();
            let want: Vec<(EventKind, &str, Vec<&str>, Mention)> = want
                .iter()
                .map(|(k, t, w, m)| (*k, *t, w.to_vec(), *m))
                .collect();
            assert_eq!(got, want, "{text}");
        }
        // The reference points at its event, which took over its arguments.
        let doc = ex.extract("قصفت قوات النظام بلدة كفرنبل. وأسفر القصف عن دمار كبير.");
        assert_eq!(doc.events[1].refers_to, Some(0));
        assert!(!doc.events[1].is_reported());
    }
}
