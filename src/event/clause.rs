//! The words that govern an actor mention in its clause: the word its noun phrase
//! hangs on ("قصفت" in "قصفت قوات النظام", "مواقع" in "على مواقع ونقاط تابعة لقوات
//! النظام", "المدعوم" in "المدعوم من تركيا"), found by walking back over the words that
//! pass a governing on (quantities, member heads, "من", "تابعة ل").
//!
//! The walk crosses spaces and quotes only (`QUOTED`), so a comma or a full stop ends
//! it: the actor then opens its clause.

use crate::kinds::Role;
use crate::lexicon::{ClassSet, Lexicon, WordClass};
use crate::text::clitics::{chain, whole_then_stems, Chain};
use crate::text::numbers::number_at;
use crate::text::persons::{person, Form};
use crate::text::words::{is_word_char, QUOTED};

/// How many words back the walk looks for the governing word.
const GOVERNOR_WORDS: usize = 6;
/// How many words after an actor the verb it is the subject of may stand.
pub(super) const SUBJECT_GAP_WORDS: usize = 4;
/// The longest proclitic chain before a name, in characters (و + بال).
const CLITIC_CHARS: usize = 5;

/// The coordinating conjunction written as a word of its own.
const AND: &str = "و";
/// "بين X و Y": the two sides of a clash. Grammar, not vocabulary.
const BETWEEN: &str = "بين";

/// What governs an actor mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Governor {
    /// The trigger at this index of the sentence's events governs it directly;
    /// `lead`: a quantity or member head stands between ("مقتل 5 عناصر من X").
    Trigger { event: usize, lead: bool },
    /// A cue word gives the role ("ضد", "برصاص", "شنت", "أصيب").
    Cue(Role),
    /// Named without taking part ("المدعوم من X", "قالت X").
    Outside,
    /// "بين X": the first side of a clash.
    Between,
    /// Joined to the actor before it by "و": the same part as that one.
    And,
    /// Opens its clause, or stands after a subject opener ("أن", "كما").
    Free { lead: bool },
    /// Another word.
    Other,
}

/// The proclitics written on the actor's first word ("و", "ل", "بال"), as normalized
/// text, and where that word starts.
pub(super) fn clitics_before(ntext: &str, actor_start: usize) -> (usize, &str) {
    let word_start = ntext
        .get(..actor_start)
        .and_then(|t| {
            t.char_indices()
                .rev()
                .take(CLITIC_CHARS)
                .find(|(_, c)| !is_word_char(*c))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word_start = if actor_start - word_start > CLITIC_CHARS * 2 {
        actor_start
    } else {
        word_start
    };
    (word_start, &ntext[word_start..actor_start])
}

/// Whether a proclitic chain starts with the conjunction و.
pub(super) fn has_and(prefix: &str) -> bool {
    prefix.starts_with(AND) && chain(prefix).is_some()
}

/// Whether the word at `span` passes a governing on: a quantity, a number, a person
/// noun, a member head. `classes` are the classes that hold the word.
fn is_lead(ntext: &str, span: (usize, usize), classes: ClassSet, lex: &Lexicon) -> bool {
    let word = &ntext[span.0..span.1];
    classes.has(WordClass::PhraseLead)
        || person(word, lex).is_some_and(|p| p.form != Form::Plural)
        || classes.has(WordClass::VagueNumber)
        || number_at(ntext, span.0, lex).is_some()
}

/// Whether `word` is a person noun a count could count ("عنصرا", "مدنيين").
pub(super) fn is_person(word: &str, lex: &Lexicon) -> bool {
    whole_then_stems(word).any(|w| {
        lex.prefixes_of(WordClass::PersonNoun, w)
            .any(|e| e.word.chars().count() >= 3)
    })
}

/// The governing word of an actor whose first word starts at `word_start`: the walk
/// back over lead words to the first word that says something. `trigger_at` tells
/// whether a span is (part of) the trigger of one of the sentence's events.
pub(super) fn governor(
    ntext: &str,
    word_start: usize,
    lex: &Lexicon,
    trigger_at: impl Fn((usize, usize)) -> Option<usize>,
    in_time: impl Fn((usize, usize)) -> bool,
) -> Governor {
    let mut pos = word_start;
    let mut lead = false;
    // A two-word cue written with other than one space between, built here.
    let mut joined = String::new();
    for _ in 0..GOVERNOR_WORDS {
        let Some((s, e)) = QUOTED.prev(ntext, pos) else {
            return Governor::Free { lead };
        };
        let word = &ntext[s..e];
        if let Some(event) = trigger_at((s, e)) {
            return Governor::Trigger { event, lead };
        }
        // A time adverbial between a verb and its subject or object ("اغتالت قبل ظهر
        // أمس ناشطا") governs nothing.
        if in_time((s, e)) {
            pos = s;
            continue;
        }
        // Each word's classes, and the cue words it begins with, are looked up in
        // one walk over its stems for the tests below.
        let mut classes = ClassSet::default();
        let (mut target_cue, mut initiator_cue) = (false, false);
        for (stem, stem_classes) in lex.stems(word) {
            classes = classes.union(stem_classes);
            target_cue = target_cue || lex.starts_with_any(WordClass::TargetCue, stem);
            initiator_cue = initiator_cue || lex.starts_with_any(WordClass::InitiatorCue, stem);
        }
        // Two-word cues ("على يد", "تحت سيطرة"): this word with the one before it,
        // read from the text when one space joins them.
        let pair = QUOTED.prev(ntext, s).map(|(a, b)| {
            if ntext.get(b..s) == Some(" ") {
                &ntext[a..e]
            } else {
                joined.clear();
                joined.push_str(&ntext[a..b]);
                joined.push(' ');
                joined.push_str(word);
                joined.as_str()
            }
        });
        let pair_classes = pair.map_or(ClassSet::default(), |p| lex.classes_of(p));
        if classes.has(WordClass::NonParticipant) || pair_classes.has(WordClass::NonParticipant) {
            return Governor::Outside;
        }
        if pair_classes.has(WordClass::InitiatorCue) {
            return Governor::Cue(Role::Initiator);
        }
        if target_cue {
            // "التعامل مع X": a charge, not a clash partner.
            let before = QUOTED.prev(ntext, s).map(|(a, b)| &ntext[a..b]);
            if before.is_some_and(|b| lex.holds(WordClass::NonParticipant, b)) {
                return Governor::Outside;
            }
            return Governor::Cue(Role::Target);
        }
        if initiator_cue || classes.has(WordClass::LightVerb) {
            return Governor::Cue(Role::Initiator);
        }
        if classes.has(WordClass::VictimCue) {
            return Governor::Cue(Role::Target);
        }
        if word == BETWEEN {
            return Governor::Between;
        }
        if word == AND {
            return Governor::And;
        }
        if is_lead(ntext, (s, e), classes, lex) || is_person(word, lex) {
            lead = true;
            pos = s;
            continue;
        }
        if classes.has(WordClass::SubjectOpener) {
            return Governor::Free { lead };
        }
        return Governor::Other;
    }
    Governor::Other
}

/// What stands after an actor that is the subject of a following verb: the verb
/// says its subject is the victim ("X تعرضت لهجوم", "X أصيبوا"), or names an event
/// its subject carries out ("X شنت هجوما").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Predicate {
    Victim,
    Light,
    Plain,
}

/// The words between an actor's end and a trigger start, when they are few and cross
/// no clause end: what they say of the actor's part.
pub(super) fn predicate_between(
    ntext: &str,
    actor_end: usize,
    trigger_start: usize,
    lex: &Lexicon,
) -> Option<Predicate> {
    let mut pos = actor_end;
    let mut found = Predicate::Plain;
    for _ in 0..=SUBJECT_GAP_WORDS {
        let (s, e) = QUOTED.next(ntext, pos)?;
        if s >= trigger_start {
            return Some(found);
        }
        let word = &ntext[s..e];
        if lex.holds(WordClass::VictimCue, word) {
            found = Predicate::Victim;
        } else if lex.holds(WordClass::LightVerb, word) && found == Predicate::Plain {
            found = Predicate::Light;
        }
        pos = e;
    }
    None
}

/// Whether the word after the actor (ending at `actor_end`) starts with the
/// preposition ل: "استهداف التحالف لمواقع داعش" makes the first the agent.
pub(super) fn lam_follows(ntext: &str, actor_end: usize) -> bool {
    QUOTED.next(ntext, actor_end).is_some_and(|(s, e)| {
        let word = &ntext[s..e];
        word.starts_with('ل') && {
            let n = 'ل'.len_utf8();
            // ل, لل (ل + ال), and not a word that merely starts with the letter.
            word.len() > n
                && (matches!(chain(&word[..n]), Some(Chain::Plain))
                    || matches!(word.get(..2 * n), Some("لل")))
        }
    }) || ntext
        .get(actor_end..)
        .is_some_and(|t| t.trim_start_matches(' ').starts_with("لـ"))
}

/// Whether the word after an actor (or a verb) is a count or a person noun: "قتلت
/// قوات النظام 3 مدنيين" has an object, "قتل القائد" and "قتل جندي من" do not.
pub(super) fn object_follows(ntext: &str, end: usize, lex: &Lexicon) -> bool {
    QUOTED.next(ntext, end).is_some_and(|(s, e)| {
        let word = &ntext[s..e];
        number_at(ntext, s, lex).is_some()
            || lex.holds(WordClass::VagueNumber, word)
            || person(word, lex).is_some_and(|p| p.form == Form::Dual)
            || (is_person(word, lex) && !lex.holds(WordClass::PhraseLead, word))
    })
}

/// Whether the word after an actor is a victim verb ("13 شخصا أصيبوا").
pub(super) fn victim_verb_follows(ntext: &str, end: usize, lex: &Lexicon) -> bool {
    QUOTED
        .next(ntext, end)
        .is_some_and(|(s, e)| lex.holds(WordClass::VictimCue, &ntext[s..e]))
}

/// Whether a verb carries its plural subject ("هاجموا", "قتلوا"): Arabic puts a verb
/// before its subject in the singular, so a plural verb follows its subject, and the
/// noun after it is its object. Grammar: the ending is in code.
pub(super) fn subject_in_verb(word: &str) -> bool {
    word.ends_with("وا")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        crate::gazetteer::Gazetteer::builtin().lexicon()
    }

    /// The governor of the first occurrence of `actor`, with `trigger` as event 0.
    fn gov(text: &str, actor: &str, trigger: &str) -> Governor {
        let ntext = crate::normalize::normalize_str(text);
        let find = |w: &str| {
            let w = crate::normalize::normalize_str(w);
            let s = ntext.find(&w).unwrap();
            (s, s + w.len())
        };
        let a = find(actor);
        let t = find(trigger);
        let (word_start, _) = clitics_before(&ntext, a.0);
        governor(
            &ntext,
            word_start,
            lex(),
            |(s, e)| (s < t.1 && t.0 < e).then_some(0),
            |_| false,
        )
    }

    #[test]
    fn governors_table() {
        use Governor::*;
        let t = |lead| Trigger { event: 0, lead };
        // (text, actor, trigger, governor)
        let rows: &[(&str, &str, &str, Governor)] = &[
            ("قصفت قوات النظام البلدة", "قوات النظام", "قصفت", t(false)),
            (
                "هاجم عناصر من تنظيم داعش حاجزا",
                "تنظيم داعش",
                "هاجم",
                t(true),
            ),
            (
                "خرج آلاف المتظاهرين في مظاهرة",
                "المتظاهرين",
                "مظاهرة",
                Cue(Role::Initiator),
            ),
            (
                "قصفت الطائرات مواقع ونقاط تابعة لقوات النظام",
                "قوات النظام",
                "قصفت",
                Cue(Role::Target),
            ),
            (
                "انفجار في المنطقة الخاضعة لسيطرة فصائل المعارضة",
                "فصائل المعارضة",
                "انفجار",
                Outside,
            ),
            ("الجيش الوطني المدعوم من تركيا", "تركيا", "الجيش", Outside),
            (
                "اعتقال شاب بتهمة الانتماء لتنظيم داعش",
                "تنظيم داعش",
                "اعتقال",
                Outside,
            ),
            ("اعتقال شاب بتهمة التعامل مع قسد", "قسد", "اعتقال", Outside),
            ("وقالت قسد إن الهجوم فشل", "قسد", "الهجوم", Outside),
            (
                "مقتل شاب على يد قوات النظام",
                "قوات النظام",
                "مقتل",
                Cue(Role::Initiator),
            ),
            (
                "اشتباكات بين قوات النظام وقسد",
                "قوات النظام",
                "اشتباكات",
                Between,
            ),
            (
                "أصيب عنصران من قوات النظام بالقصف",
                "قوات النظام",
                "القصف",
                Cue(Role::Target),
            ),
            (
                "انتهاكات بحق المدنيين في الحسكة",
                "المدنيين",
                "انتهاكات",
                Cue(Role::Target),
            ),
            (
                "وبدأت قوات النظام هجوما",
                "قوات النظام",
                "هجوما",
                Cue(Role::Initiator),
            ),
            (
                "وأكد المرصد أن قوات النظام قصفت",
                "قوات النظام",
                "قصفت",
                Free { lead: false },
            ),
            (
                "قوات النظام قصفت البلدة",
                "قوات النظام",
                "قصفت",
                Free { lead: false },
            ),
        ];
        for (text, actor, trigger, want) in rows {
            assert_eq!(gov(text, actor, trigger), *want, "{text}");
        }
    }
}
