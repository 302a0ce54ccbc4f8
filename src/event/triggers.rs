//! Which trigger hits become events: a trigger that requires company must have it
//! ("لقي مصرعه", not "لقي ترحيبا"), and a second trigger word of the same event
//! ("انفجرت عبوة ناسفة") joins the first instead of making another event.

use super::codes::codes;
use super::modality::modality;
use super::types::{Event, Span};
use super::{sentence_of, Input, Placed};
use crate::gazetteer::Trigger;
use crate::kinds::EventKind;
use crate::text::clitics::strip_clitic;
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
        if let (Some(prev), Some(last)) = (placed.last(), events.last()) {
            if continues(ntext, prev, last, sentence, nspan, trigger) {
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
        trigger: Span {
            start: span.0,
            end: span.1,
            text: input
                .text
                .get(span.0..span.1)
                .unwrap_or_default()
                .to_string(),
        },
        trigger_id: trigger.id.clone(),
        actors: Vec::new(),
        locations: Vec::new(),
        place: None,
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
        sentence: Span {
            start: sentence.0,
            end: sentence.1,
            text: String::new(),
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
}
