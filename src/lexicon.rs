//! The closed word lists the rules read: role cues, negations, hedges, person nouns,
//! number words, month and weekday names, time units and the like.
//!
//! They are data, not code: `gazetteers/lexicon.tsv` holds them one word a line with
//! its [`WordClass`] and, for some classes, a value (`مئة number 100`, `أيار month 5`).
//! Words are written in real spelling and normalized when loaded, exactly like input
//! text, so a list can never hold a word that no normalized text could match. Add
//! words with a file of your own through
//! [`ExtractorBuilder::add_file`](crate::ExtractorBuilder::add_file); the header
//! `word`, `class`, `value` (tab-separated) marks it as a lexicon file.
//!
//! ```
//! use syria_extract::gazetteer::Gazetteer;
//! use syria_extract::lexicon::{LexValue, WordClass};
//!
//! let lexicon = Gazetteer::builtin().lexicon();
//! // Written "مئة", stored normalized.
//! assert_eq!(lexicon.get(WordClass::Number, "ميه"), Some(LexValue::Count(100)));
//! assert!(lexicon.contains(WordClass::Negation, "لم"));
//! ```

use rustc_hash::FxHashMap;

use crate::kinds::{MonthPart, TimeDirection, TimeRelation, TimeUnit, Weekday};
use crate::macros::str_enum;

str_enum! {
    /// What a lexicon word is for; each class is read by one rule, which also decides how
    /// the word is compared (see `gazetteers/FORMAT.md`).
    WordClass {
        /// Before an actor, makes it the target ("ضد", "مواقع"). Word beginning.
        TargetCue => "target_cue",
        /// Before an actor, makes it the initiator ("برصاص", "شنت"). Word beginning.
        InitiatorCue => "initiator_cue",
        /// Before a trigger, denies the event ("لم", "نفت"). Whole word.
        Negation => "negation",
        /// Right before a trigger, denies it; it negates only the noun it governs
        /// ("دون قصف"; not "طائرة بدون طيار أطلقت"). Whole word or under clitics.
        NegationNext => "negation_next",
        /// A word of its own that also reads as proclitics and a listed word ("ولاية",
        /// not "و" + "لأية"): lookups under clitics compare it whole only.
        WholeWord => "whole_word",
        /// Before a trigger, makes the event planned ("تعتزم", "سوف"). Whole word.
        Planned => "planned",
        /// In the trigger's clause, makes the report a claim ("زعم", "بحجة"). Whole word.
        Hedge => "hedge",
        /// A person noun in the singular ("عنصر", "امرأة"); value empty, `sound` when its
        /// plural is the stem + ون/ين (so the ين form is a plural, not a dual),
        /// `wounded` when it names the wounded (`sound|wounded`). Its dual, sound
        /// plural and suffixed forms are read by rule (`src/text/persons.rs`).
        PersonNoun => "person_noun",
        /// A broken plural of a person noun ("عناصر", "نساء"); value empty or `wounded`.
        /// Suffixed forms ("جنودها", "قتلاه") are read by rule.
        PersonPlural => "person_plural",
        /// After a number, makes it a count of people ("من", "منهم"). Whole word.
        Partitive => "partitive",
        /// A word reporting injuries ("إصابة", "جرح"): a count after it is of the
        /// wounded. Whole word, one proclitic removed.
        Wounding => "wounding",
        /// After a bare number following a killing trigger, shows the number counts
        /// the dead ("قتل 4 في ..."). Whole word, one proclitic removed.
        CountBoundary => "count_boundary",
        /// A word before a place name that puts an event around the place, not in it
        /// ("بادية", "ريف", "محيط", "قرب"). Whole word, clitics and article removed.
        PlaceNear => "place_near",
        /// A stem naming aircraft in an actor mention ("طائر", "مروحي"). Substring.
        Aircraft => "aircraft",
        /// A number word; value: the number. Whole word, the article allowed.
        Number => "number",
        /// A vague quantity; value: its lower bound ("عشرات" 20). One or two whole words.
        VagueNumber => "vague_number",
        /// A scale word; value: the multiplier ("آلاف" 1000). Whole word.
        NumberScale => "number_scale",
        /// A phrase before a number that makes it a lower bound ("أكثر من"). Up to four
        /// whole words.
        LowerBound => "lower_bound",
        /// A phrase after a count that makes it a lower bound ("على الأقل"). Up to three
        /// whole words.
        LowerBoundAfter => "lower_bound_after",
        /// A word or two before a number saying it is approximate ("نحو", "حوالي"); the
        /// number stays as written (ACLED codes the figure reported). Whole words.
        Approximate => "approximate",
        /// A noun naming a toll or total ("حصيلة", "إجمالي"): with a `tally_rise` word
        /// near a count, the count is a running total. Whole word, clitics removed.
        TallyTotal => "tally_total",
        /// A verb of a total growing or reaching a figure ("ارتفعت", "بلغ"). Whole word,
        /// clitics removed.
        TallyRise => "tally_rise",
        /// A phrase that makes a count a tally over a period; value `period` (the
        /// phrase says it: "منذ بداية", "حتى الآن", "شهريا"), `over` (a period of a
        /// week or more must follow: "خلال") or `since` (a month or a year must follow:
        /// "منذ"). One or two whole words.
        TallyPeriod => "tally_period",
        /// A verb of documenting ("وثق", "توثيق"): monitors document totals, not
        /// events. Whole word, clitics removed.
        TallyReport => "tally_report",
        /// A month name; value 1–12. Time anchor.
        Month => "month",
        /// A weekday name; value: `sunday` … `saturday`. Time anchor.
        Weekday => "weekday",
        /// A day counted from the document date; value: the days ("أمس" -1). Time anchor.
        DayShift => "day_shift",
        /// A word taking an amount of time after it; value `ago`, `within` or `for`.
        TimeRelation => "time_relation",
        /// A period taking a direction word after it ("الشهر"); value: the unit.
        TimePeriod => "time_period",
        /// A word before a weekday that makes it a time ("يوم", "مساء").
        WeekdayCue => "weekday_cue",
        /// A unit of time; value `unit` or `unit:N` with the amount the word implies.
        TimeUnit => "time_unit",
        /// A direction word ("الماضي"); value `past`, `current` or `future`.
        TimeDirection => "time_direction",
        /// A part of a month ("منتصف"); value `early`, `middle` or `late`.
        MonthPart => "month_part",
        /// The noun "month" before a month name ("شهر أيار").
        MonthNoun => "month_noun",
        /// The era letter after a year ("2019 م").
        YearSuffix => "year_suffix",
        /// Before an actor, names it without making it a participant: control
        /// ("لسيطرة"), patronage ("المدعوم من"), charges ("الانتماء"), reporting
        /// ("قالت"). Whole word or under its clitics.
        NonParticipant => "non_participant",
        /// Between a governing word and an actor, passes the governing on: quantities
        /// and member heads ("آلاف", "عناصر من", "تابعة ل"). Whole word or under clitics.
        PhraseLead => "phrase_lead",
        /// Governs its victims: an actor after it, or before it as its subject, is the
        /// target ("أصيب", "تعرضت"). Whole word or under clitics.
        VictimCue => "victim_cue",
        /// A verb that takes an event noun, its subject the initiator ("شنت", "نفذ").
        /// Whole word or under clitics.
        LightVerb => "light_verb",
        /// After it a clause's subject stands ("أن", "إن", "كما"). Whole word or under
        /// clitics.
        SubjectOpener => "subject_opener",
        /// Before a trigger, makes it a statement about violence, not a report of it
        /// ("أدان", "بتهمة"). Whole word or under clitics.
        Statement => "statement",
        /// Before a trigger, makes it hypothetical ("أي", "لتفادي"). Whole word, one
        /// conjunction allowed.
        Hypothetical => "hypothetical",
        /// Before a trigger, makes it generic or habitual ("تتكرر", "سلسلة"). Whole word or
        /// under clitics.
        Generic => "generic",
        /// Right before a trigger, makes it a reference to an event told elsewhere
        /// ("عقب", "منذ"). Whole word or under clitics.
        BackReference => "back_reference",
        /// In the trigger's clause, makes it a historical reference ("ذكرى", "الراحل").
        /// Whole word or under clitics.
        Historical => "historical",
        /// Opens reported speech, a main clause of its own ("أن", "إن"). Whole word or
        /// under clitics.
        Complementizer => "complementizer",
        /// Right after a trigger, makes it figurative, not violence ("حادا" in "هجوما
        /// حادا", "الأزمة" in "انفجار الأزمة"). Whole word or under clitics.
        Figurative => "figurative",
        /// Right before a trigger, points back to an event told before ("هذا
        /// الهجوم"). Whole word or under clitics.
        Demonstrative => "demonstrative",
        /// A violent trigger verb in the present ("يقصف", "تستهدف"): outside a
        /// headline, habitual or ongoing. Whole word or under clitics.
        Imperfect => "imperfect",
        /// An indefinite plural event noun that tells a class of events ("هجمات",
        /// "تفجيرات"). Whole word.
        PluralEvent => "plural_event",
        /// An event noun that, with a possessive pronoun, refers to an event of someone
        /// already named ("مقتل" in "مقتله"). Whole word, the pronoun removed.
        EventNoun => "event_noun",
        /// Opens a question ("هل"). Whole word, one conjunction allowed.
        Question => "question",
        /// After an attack or shelling trigger, says it came from the air ("جوية",
        /// "الإسرائيلية"). Whole word or under clitics.
        AirStrikeWord => "air_strike_word",
        /// An arrest trigger that is only a raid ("مداهمة", "دهم"). Whole word or under
        /// clitics.
        RaidWord => "raid_word",
        /// In a raid's sentence, says people were arrested ("اعتقال", "القبض").
        /// Whole word or under clitics.
        ArrestWord => "arrest_word",
        /// A nationality adjective or people noun; value: the ISO 3166-1 alpha-2 code
        /// ("أميركي" US). Stem: the article and the endings ي ية يين يون are added.
        Nationality => "nationality",
        /// After a force noun, names its patron ("الموالية" لـ X, "المدعومة" من X).
        /// Whole word, the article optional.
        Patron => "patron",
        /// An adjective that leaves a bare short name's referent unchanged
        /// ("التنظيم المتطرف"). Whole word.
        Epithet => "epithet",
    }
}

/// The value of a lexicon word, typed by its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LexValue {
    /// The class takes no value.
    None,
    /// A number or a lower bound.
    Count(u32),
    /// A month, 1–12.
    Month(u8),
    /// A weekday.
    Weekday(Weekday),
    /// Days from the document date.
    DayShift(i8),
    /// How an amount of time relates to the document date.
    Relation(TimeRelation),
    /// A unit of time; with the amount the word implies for `time_unit` words.
    Unit(TimeUnit, Option<u32>),
    /// A direction in time.
    Direction(TimeDirection),
    /// A part of a month.
    Part(MonthPart),
    /// An ISO 3166-1 alpha-2 country code, upper case (`*b"IR"`).
    Country([u8; 2]),
    /// What a person noun's forms mean.
    Person(PersonFlags),
    /// What a tally phrase needs after it.
    Period(PeriodCue),
}

/// The value of a `person_noun` or `person_plural` word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PersonFlags {
    /// The plural is the stem + ون/ين ("مدنيون", "مدنيين"), so the ين form is read as a
    /// plural, not as a dual.
    pub sound_plural: bool,
    /// The noun names the wounded ("جريح", "جرحى").
    pub wounded: bool,
}

str_enum! {
    /// How a `tally_period` phrase marks a count as a tally.
    PeriodCue {
        /// By itself ("منذ بداية", "حتى الآن", "شهريا").
        Period => "period",
        /// With a period of a week or more after it ("خلال شهر تموز", "خلال 10 أشهر").
        Over => "over",
        /// With a month or a year after it ("منذ آذار 2011").
        Since => "since",
    }
}

impl LexValue {
    /// Parses the `value` column for a word of `class`; the error is a reason a person
    /// can act on.
    pub(crate) fn parse(class: WordClass, text: &str) -> Result<LexValue, &'static str> {
        use WordClass as C;
        let text = text.trim();
        let none = |v: LexValue| {
            if text.is_empty() {
                Ok(v)
            } else {
                Err("this class takes no value")
            }
        };
        match class {
            C::TargetCue
            | C::InitiatorCue
            | C::Negation
            | C::NegationNext
            | C::WholeWord
            | C::Planned
            | C::Hedge
            | C::Partitive
            | C::Wounding
            | C::CountBoundary
            | C::LowerBound
            | C::LowerBoundAfter
            | C::Approximate
            | C::PlaceNear
            | C::TallyTotal
            | C::TallyRise
            | C::TallyReport
            | C::Aircraft
            | C::WeekdayCue
            | C::MonthNoun
            | C::YearSuffix
            | C::NonParticipant
            | C::PhraseLead
            | C::VictimCue
            | C::LightVerb
            | C::SubjectOpener
            | C::Statement
            | C::Hypothetical
            | C::Generic
            | C::BackReference
            | C::Historical
            | C::Question
            | C::Complementizer
            | C::Imperfect
            | C::PluralEvent
            | C::EventNoun
            | C::Figurative
            | C::Demonstrative
            | C::AirStrikeWord
            | C::RaidWord
            | C::ArrestWord
            | C::Patron
            | C::Epithet => none(LexValue::None),
            C::PersonNoun | C::PersonPlural => {
                let mut flags = PersonFlags::default();
                for item in text.split('|').map(str::trim).filter(|t| !t.is_empty()) {
                    match item {
                        "sound" if class == C::PersonNoun => flags.sound_plural = true,
                        "wounded" => flags.wounded = true,
                        _ if class == C::PersonNoun => {
                            return Err("expected empty, sound, wounded or sound|wounded")
                        }
                        _ => return Err("expected empty or wounded"),
                    }
                }
                Ok(LexValue::Person(flags))
            }
            C::TallyPeriod => PeriodCue::parse(text)
                .map(LexValue::Period)
                .ok_or("expected period, over or since"),
            C::NumberScale => match text.parse::<u32>() {
                Ok(n) if n >= 10 => Ok(LexValue::Count(n)),
                _ => Err("expected the multiplier, a whole number of 10 or more"),
            },
            C::Nationality => match text.as_bytes() {
                [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                    Ok(LexValue::Country([*a, *b]))
                }
                _ => Err("expected an ISO 3166-1 alpha-2 country code in capitals (IR)"),
            },
            C::Number | C::VagueNumber => text
                .parse::<u32>()
                .map(LexValue::Count)
                .map_err(|_| "expected a whole number"),
            C::Month => match text.parse::<u8>() {
                Ok(m @ 1..=12) => Ok(LexValue::Month(m)),
                _ => Err("expected a month number 1-12"),
            },
            C::Weekday => Weekday::parse(text).map(LexValue::Weekday).ok_or(
                "expected a weekday: sunday monday tuesday wednesday thursday friday saturday",
            ),
            C::DayShift => match text.parse::<i8>() {
                Ok(n @ -7..=7) => Ok(LexValue::DayShift(n)),
                _ => Err("expected a number of days from -7 to 7"),
            },
            C::TimeRelation => TimeRelation::parse(text)
                .map(LexValue::Relation)
                .ok_or("expected ago, within or for"),
            C::TimePeriod => TimeUnit::parse(text)
                .map(|u| LexValue::Unit(u, None))
                .ok_or("expected a unit: hour day week month year"),
            C::TimeUnit => {
                let (unit, amount) = match text.split_once(':') {
                    Some((u, n)) => (u, Some(n)),
                    None => (text, None),
                };
                let unit = TimeUnit::parse(unit)
                    .ok_or("expected unit or unit:N, unit one of hour day week month year")?;
                let amount = match amount {
                    None => None,
                    Some(n) => Some(
                        n.parse::<u32>()
                            .map_err(|_| "the amount after ':' must be a whole number")?,
                    ),
                };
                Ok(LexValue::Unit(unit, amount))
            }
            C::TimeDirection => TimeDirection::parse(text)
                .map(LexValue::Direction)
                .ok_or("expected past, current or future"),
            C::MonthPart => MonthPart::parse(text)
                .map(LexValue::Part)
                .ok_or("expected early, middle or late"),
        }
    }
}

/// One word of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LexiconEntry {
    /// The word as written in its file.
    pub written: String,
    /// The word normalized, as it is compared with normalized text.
    pub word: String,
    /// Its class.
    pub class: WordClass,
    /// Its value.
    pub value: LexValue,
}

/// The words of all lexicon files, normalized, by class.
///
/// Built by the gazetteer loader; see the [module documentation](self).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<LexiconEntry>,
    /// Entry indexes by normalized word, with the classes that list it.
    by_word: FxHashMap<Box<str>, Listed>,
    /// Entry indexes by class ordinal, in file order.
    by_class: Vec<Vec<u32>>,
    /// Entry indexes by class ordinal and first character (`None`: the empty word):
    /// the entries a word may begin with are those under its own first character.
    by_first: FxHashMap<(usize, Option<char>), Vec<u32>>,
    /// By class ordinal: how the words of the class end.
    endings: Vec<Endings>,
    /// Every form a person noun can take, for a test before its many lookups.
    person_forms: crate::text::persons::PersonForms,
}

/// The last four bytes (two Arabic letters) of a class's words, sorted, and whether
/// one of them is shorter: a word with another ending has none of them as a suffix.
#[derive(Debug, Clone, Default)]
struct Endings {
    last: Vec<[u8; 4]>,
    short: bool,
}

/// The last four bytes of `word`, if it has four.
fn ending(word: &str) -> Option<[u8; 4]> {
    let bytes = word.as_bytes();
    bytes.get(bytes.len().checked_sub(4)?..)?.try_into().ok()
}

/// The entries of one normalized word, and their classes as a set: whether a word is
/// in a class, the question the rules ask most, is one bit test.
#[derive(Debug, Clone, Default)]
struct Listed {
    classes: ClassSet,
    entries: Vec<u32>,
}

impl Lexicon {
    /// Adds a word; `Err` holds the index of the entry that already has this normalized
    /// word in this class.
    pub(crate) fn insert(&mut self, entry: LexiconEntry) -> Result<(), usize> {
        if let Some(listed) = self.by_word.get(entry.word.as_str()) {
            if let Some(&i) = listed
                .entries
                .iter()
                .find(|&&i| self.entries[i as usize].class == entry.class)
            {
                return Err(i as usize);
            }
        }
        let index = self.entries.len() as u32;
        let ordinal = class_ordinal(entry.class);
        if self.by_class.len() <= ordinal {
            self.by_class.resize(ordinal + 1, Vec::new());
        }
        self.by_class[ordinal].push(index);
        if self.endings.len() <= ordinal {
            self.endings.resize(ordinal + 1, Endings::default());
        }
        let endings = &mut self.endings[ordinal];
        match ending(&entry.word) {
            Some(last) => {
                if let Err(at) = endings.last.binary_search(&last) {
                    endings.last.insert(at, last);
                }
            }
            None => endings.short = true,
        }
        self.by_first
            .entry((ordinal, entry.word.chars().next()))
            .or_default()
            .push(index);
        let listed = self.by_word.entry(entry.word.as_str().into()).or_default();
        listed.classes = listed.classes.with(entry.class);
        listed.entries.push(index);
        if matches!(entry.class, WordClass::PersonNoun | WordClass::PersonPlural) {
            self.person_forms.add(entry.class, &entry.word);
        }
        self.entries.push(entry);
        Ok(())
    }

    /// The forms the person nouns of the lexicon can take.
    pub(crate) fn person_forms(&self) -> &crate::text::persons::PersonForms {
        &self.person_forms
    }

    /// Every entry, in load order.
    pub fn entries(&self) -> &[LexiconEntry] {
        &self.entries
    }

    /// The value of a normalized `word` in `class`, if it is listed there.
    pub fn get(&self, class: WordClass, word: &str) -> Option<LexValue> {
        let listed = self.by_word.get(word)?;
        if !listed.classes.has(class) {
            return None;
        }
        listed
            .entries
            .iter()
            .map(|&i| &self.entries[i as usize])
            .find(|e| e.class == class)
            .map(|e| e.value)
    }

    /// Whether a normalized `word` is listed in `class`.
    pub fn contains(&self, class: WordClass, word: &str) -> bool {
        self.classes_of(word).has(class)
    }

    /// The classes that list a normalized `word` as it is (no clitics stripped): what
    /// [`contains`](Lexicon::contains) answers for every class at once.
    pub(crate) fn classes_of(&self, word: &str) -> ClassSet {
        self.by_word
            .get(word)
            .map_or(ClassSet::default(), |listed| listed.classes)
    }

    /// Whether some word of `class` may be a suffix of a normalized `word` (the word
    /// itself included): false when none ends as it does, a test without hashing for
    /// rules that look up many forms of a word, each a suffix of it.
    pub(crate) fn may_end(&self, class: WordClass, word: &str) -> bool {
        let Some(endings) = self.endings.get(class_ordinal(class)) else {
            return false;
        };
        endings.short || ending(word).is_none_or(|last| endings.last.binary_search(&last).is_ok())
    }

    /// The entries of `class`, in load order.
    pub fn words(&self, class: WordClass) -> impl Iterator<Item = &LexiconEntry> + '_ {
        self.by_class
            .get(class_ordinal(class))
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i as usize])
    }

    /// Whether a normalized `word`, whole or under one of its proclitic chains, is
    /// listed in `class` (see [`whole_then_stems`](crate::text::clitics)).
    pub(crate) fn holds(&self, class: WordClass, word: &str) -> bool {
        // Every stem is a suffix of the word: when no word of the class ends as the
        // word does, none is listed, and the stems are not looked up.
        self.may_end(class, word) && self.stems(word).any(|(_, classes)| classes.has(class))
    }

    /// The word whole, then under each of its proclitic chains, shortest first, up to
    /// the first `whole_word` ("ولاية" is a province, not "و" + "لأية"; "وبحكم" is
    /// "و" + "بحكم", not "وب" + "حكم"), each with the classes that list it: the forms
    /// [`holds`](Lexicon::holds) and [`held_classes`](Lexicon::held_classes) read, for
    /// a rule that also asks which words of a class the forms begin with.
    pub(crate) fn stems<'s, 'w: 's>(
        &'s self,
        word: &'w str,
    ) -> impl Iterator<Item = (&'w str, ClassSet)> + 's {
        let mut past_whole_word = false;
        crate::text::clitics::whole_then_stems(word).map_while(move |w| {
            let take = !past_whole_word;
            let classes = self.classes_of(w);
            past_whole_word = past_whole_word || classes.has(WordClass::WholeWord);
            take.then_some((w, classes))
        })
    }

    /// The classes that list a normalized `word`, whole or under one of its proclitic
    /// chains, as a [`ClassSet`]: what [`holds`](Lexicon::holds) answers for every class
    /// at once, for rules that test one word against many classes (the specificity
    /// cues read up to twelve words before each trigger against seven classes).
    pub(crate) fn held_classes(&self, word: &str) -> ClassSet {
        self.stems(word)
            .fold(ClassSet::default(), |set, (_, classes)| set.union(classes))
    }

    /// Whether a normalized `word` begins with a word of `class`.
    pub fn starts_with_any(&self, class: WordClass, word: &str) -> bool {
        self.prefixes_of(class, word).next().is_some()
    }

    /// The entries of `class` that a normalized `word` begins with, in no set order.
    pub(crate) fn prefixes_of<'a>(
        &'a self,
        class: WordClass,
        word: &'a str,
    ) -> impl Iterator<Item = &'a LexiconEntry> + 'a {
        let ordinal = class_ordinal(class);
        let first = word.chars().next();
        let bucket = |key| self.by_first.get(&(ordinal, key)).into_iter().flatten();
        // An entry begins with the word's first character, or is the empty word.
        let empty = first.map(|_| bucket(None)).into_iter().flatten();
        bucket(first)
            .chain(empty)
            .map(|&i| &self.entries[i as usize])
            .filter(move |e| word.starts_with(e.word.as_str()))
    }
}

fn class_ordinal(class: WordClass) -> usize {
    class as usize
}

/// A set of word classes, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ClassSet(u64);

// One bit per class: a class beyond the 64th needs a wider set.
const _: () = assert!((WordClass::ALL.len()) <= 64);

impl ClassSet {
    fn with(self, class: WordClass) -> ClassSet {
        ClassSet(self.0 | 1 << class_ordinal(class))
    }

    /// The classes of either set.
    pub(crate) fn union(self, other: ClassSet) -> ClassSet {
        ClassSet(self.0 | other.0)
    }

    /// Whether `class` is in the set.
    pub(crate) fn has(self, class: WordClass) -> bool {
        self.0 & 1 << class_ordinal(class) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        crate::gazetteer::Gazetteer::builtin().lexicon()
    }

    #[test]
    fn every_listed_word_is_found_in_its_class() {
        let lex = lex();
        assert!(lex.entries().len() > 100);
        for e in lex.entries() {
            assert_eq!(lex.get(e.class, &e.word), Some(e.value), "{}", e.word);
            assert!(lex.classes_of(&e.word).has(e.class), "{}", e.word);
        }
        for word in ["", "x", "كلمةلاتوجد", "قصفتالطائرات"] {
            assert_eq!(lex.classes_of(word), ClassSet::default(), "{word}");
        }
    }

    #[test]
    fn a_word_may_end_with_its_class_only_when_a_word_of_the_class_ends_it() {
        let lex = lex();
        for e in lex.entries() {
            for word in [e.word.clone(), format!("وب{}", e.word)] {
                assert!(lex.may_end(e.class, &word), "{:?} {word}", e.class);
            }
        }
        // The test says no only for endings no word of the class has.
        for class in WordClass::ALL.iter().copied() {
            for word in ["قصفتالطائراتxq", "ab", "بلدةكفرنبلzz"] {
                let suffix_listed = lex.words(class).any(|e| word.ends_with(e.word.as_str()));
                assert!(
                    !suffix_listed || lex.may_end(class, word),
                    "{class:?} {word}"
                );
            }
        }
        assert!(!lex.may_end(WordClass::TallyPeriod, "قصفتالطائراتxq"));
    }

    #[test]
    fn prefixes_are_those_a_scan_of_the_class_finds() {
        let lex = lex();
        let samples: Vec<String> = lex
            .entries()
            .iter()
            .flat_map(|e| {
                [
                    e.word.clone(),
                    format!("{}ات", e.word),
                    format!("و{}", e.word),
                ]
            })
            .chain(["".to_string(), "عناصرهم".to_string()])
            .collect();
        for class in WordClass::ALL.iter().copied() {
            for word in &samples {
                let mut indexed: Vec<&str> = lex
                    .prefixes_of(class, word)
                    .map(|e| e.word.as_str())
                    .collect();
                let mut scanned: Vec<&str> = lex
                    .words(class)
                    .filter(|e| word.starts_with(e.word.as_str()))
                    .map(|e| e.word.as_str())
                    .collect();
                indexed.sort_unstable();
                scanned.sort_unstable();
                assert_eq!(indexed, scanned, "{class:?} {word}");
            }
        }
    }
}
