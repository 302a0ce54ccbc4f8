//! Whether the text reports an event as happened, denied or planned, and whether it
//! marks the report as someone's claim, from the words around the trigger.

use rustc_hash::FxHashSet;

use super::types::Modality;
use crate::lexicon::{Lexicon, WordClass};
use crate::text::clitics::strip_clitic;
use crate::text::words::SPACED;

/// How many words before a trigger may deny it or make it planned.
const MODALITY_WORDS: usize = 4;
/// How many words of the clause either side of a trigger may make it a claim.
pub(super) const CLAIM_WORDS: usize = 12;

/// The modality of a trigger at `nspan`: negated when one of the four words before it
/// is a negation (whole, or under its clitics: "ولم", "ونفت"), or the word right
/// before it negates the noun it governs ("دون قصف", "عدم استهداف"; "طائرة بدون طيار
/// أطلقت" denies nothing), planned when one is a
/// planned word (also under its clitics) or the future "سـ" on a light verb
/// ("ستشن", "وسينفذ"), asserted otherwise.
pub(super) fn modality(ntext: &str, nspan: (usize, usize), lex: &Lexicon) -> Modality {
    let before = SPACED.before(ntext, nspan.0, MODALITY_WORDS);
    let negated = before.iter().any(|w| lex.holds(WordClass::Negation, w))
        || before
            .first()
            .is_some_and(|w| lex.holds(WordClass::NegationNext, w));
    if negated {
        Modality::Negated
    } else if before
        .iter()
        .any(|w| lex.holds(WordClass::Planned, w) || is_future(w, lex))
    {
        Modality::Planned
    } else {
        Modality::Asserted
    }
}

/// The future prefix "سـ" on an imperfect light verb ("ستشن", "سيبدأ"), a
/// conjunction allowed before it. The imperfect is listed in the lexicon, so "ستة" and
/// "سيارة" are no future.
fn is_future(word: &str, lex: &Lexicon) -> bool {
    let word = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .unwrap_or(word);
    word.strip_prefix('س').is_some_and(|rest| {
        rest.starts_with(['ي', 'ت', 'ن']) && lex.contains(WordClass::LightVerb, rest)
    })
}

/// Whether the clause around a trigger holds a hedge word ("حسب زعم", "بحجة",
/// "تدعي"): `words` are the [`CLAIM_WORDS`] words of the clause either side of it
/// (`text::words::clause_words`).
pub(super) fn claimed<'a>(words: impl IntoIterator<Item = &'a str>, hedges: &HedgeSet) -> bool {
    words.into_iter().any(|w| hedges.holds(w))
}

/// The lexicon's hedge words, for the claim check: each event looks at two dozen words
/// of its clause.
///
/// Most words are rejected by their last two letters alone, which a clitic does not
/// change, before any hashing.
#[derive(Debug, Clone, Default)]
pub(crate) struct HedgeSet {
    words: FxHashSet<Box<str>>,
    /// The last four bytes (two Arabic letters) of each word.
    endings: Vec<[u8; 4]>,
    /// Some word is shorter than four bytes: the ending filter does not apply.
    short: bool,
}

impl HedgeSet {
    pub(crate) fn new(lex: &Lexicon) -> HedgeSet {
        let words: Vec<&str> = lex
            .words(WordClass::Hedge)
            .map(|e| e.word.as_str())
            .collect();
        let mut endings: Vec<[u8; 4]> = words.iter().filter_map(|w| ending(w)).collect();
        endings.sort_unstable();
        endings.dedup();
        HedgeSet {
            short: words.iter().any(|w| w.len() < 4),
            words: words.into_iter().map(Box::from).collect(),
            endings,
        }
    }

    /// Whether `word`, or `word` without one proclitic, is a hedge word.
    fn holds(&self, word: &str) -> bool {
        if !self.short && ending(word).is_none_or(|e| !self.endings.contains(&e)) {
            return false;
        }
        self.words.contains(word) || self.words.contains(strip_clitic(word))
    }
}

fn ending(word: &str) -> Option<[u8; 4]> {
    let bytes = word.as_bytes();
    bytes.get(bytes.len().checked_sub(4)?..)?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::clause_words;

    fn lex() -> &'static Lexicon {
        crate::gazetteer::Gazetteer::builtin().lexicon()
    }

    /// The modality and claim of the first occurrence of `trigger` in `text`.
    fn read(text: &str, trigger: &str) -> (Modality, bool) {
        let ntext = crate::normalize::normalize_str(text);
        let t = crate::normalize::normalize_str(trigger);
        let start = ntext.find(&t).unwrap();
        let span = (start, start + t.len());
        let hedges = HedgeSet::new(lex());
        (
            modality(&ntext, span, lex()),
            claimed(clause_words(&ntext, span, CLAIM_WORDS), &hedges),
        )
    }

    #[test]
    fn modality_table() {
        use Modality::*;
        // (text, trigger, modality, claimed)
        let rows: &[(&str, &str, Modality, bool)] = &[
            ("قصفت قوات النظام بلدة كفرنبل", "قصفت", Asserted, false),
            ("لم تسفر الغارات عن إصابات", "الغارات", Negated, false),
            ("نفت الفصائل قصف المدينة", "قصف", Negated, false),
            (
                "من المقرر أن تبدأ الحملة العسكرية",
                "الحملة العسكرية",
                Planned,
                false,
            ),
            ("وتعتزم القوات شن هجوم", "هجوم", Planned, false),
            // Clitics on the negation, and the future prefix on a light verb.
            ("ولم تسفر الغارات عن إصابات", "الغارات", Negated, false),
            ("ونفت الفصائل قصف المدينة", "قصف", Negated, false),
            ("وستشن القوات هجوما على المدينة", "هجوما", Planned, false),
            ("سيبدأ الجيش حملة تمشيط", "حملة تمشيط", Planned, false),
            // "دون" and "عدم" deny the noun right after them only: "طائرة بدون طيار" is a
            // drone, not a denial of what it did.
            ("وانسحبت القوات دون قصف البلدة", "قصف", Negated, false),
            (
                "وطالب الأهالي بعدم استهداف المدارس",
                "استهداف",
                Negated,
                false,
            ),
            (
                "وقامت طائرة بدون طيار بقصف سيارة على طريق إدلب",
                "بقصف",
                Asserted,
                false,
            ),
            (
                "ونفذت طائرة دون طيار تركية غارة على سيارة في القامشلي",
                "غارة",
                Asserted,
                false,
            ),
            // "ستة" (six) is no future.
            ("ستة قتلى في قصف على البلدة", "قصف", Asserted, false),
            (
                "قصفت الطائرات المدينة بحجة وجود مسلحين",
                "قصفت",
                Asserted,
                true,
            ),
            ("وحسب زعم النظام، قصفت الفصائل الحي", "قصفت", Asserted, true),
            // A hedge in another sentence does not reach the trigger.
            ("زعم النظام ذلك. قصفت الفصائل الحي", "قصفت", Asserted, false),
        ];
        for (text, trigger, want_modality, want_claim) in rows {
            assert_eq!(read(text, trigger), (*want_modality, *want_claim), "{text}");
        }
    }
}
