//! Person nouns in all their forms: the singular the lexicon lists (`person_noun`),
//! its dual, sound plural, accusative and suffixed forms formed by rule, and the
//! broken plurals the lexicon lists (`person_plural`) with their suffixed forms.
//!
//! The rules are the morphology of the noun as news writes it, on normalized text
//! (ة is ه, ى is ي, ئ and ء-carriers fold):
//! - singular: the stem (`عنصر`), its accusative (`عنصرا`), with a pronoun (`قائده`,
//!   `طفلتها` for a feminine stem);
//! - dual: stem + ان/ين (`عنصران`, `طفلين`), a feminine stem's ه becoming ت
//!   (`امرأتان`, `طفلتين`); before a pronoun the ن drops (`طفلاها`, `طفليها`);
//! - plural: a listed broken plural (`جنود`), with a pronoun (`جنودها`, `قتلاه` from
//!   قتلى, `نسائهم` from نساء); for a noun marked `sound`, stem + ون/ين (`مدنيين`),
//!   with a pronoun stem + و/ي (`مقاتليه`); a feminine stem + ات (`مواطنات`).
//!
//! A noun marked `sound` has a plural in ين that looks like its dual in ين (`مدنيين`
//! is "civilians" far more often than "two civilians"): that form is read as a plural,
//! its dual only from ان (`مدنيان`).

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashSet, FxHasher};

use super::clitics::clitic_splits;
use crate::lexicon::{LexValue, Lexicon, PersonFlags, WordClass};

/// The grammatical number of a person noun as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// One person ("عنصر", "قائده").
    Singular,
    /// Two people ("عنصران", "امرأتين").
    Dual,
    /// More than two, how many unsaid ("عناصر", "مدنيين", "جنودها").
    Plural,
}

/// A person noun read from a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Person {
    pub form: Form,
    /// The noun names the wounded ("جرحى", "مصابين").
    pub wounded: bool,
}

impl Person {
    /// How many people the form itself gives: one for a singular, two for a dual.
    pub(crate) fn count(self) -> Option<u32> {
        match self.form {
            Form::Singular => Some(1),
            Form::Dual => Some(2),
            Form::Plural => None,
        }
    }
}

/// Attached pronouns, longest first.
const PRONOUNS: &[&str] = &["هما", "هم", "هن", "ها", "كم", "نا", "ه"];

/// The person noun a normalized word is, with its proclitics ("والمدنيين",
/// "لعناصر", "للمدنيين") and attached pronoun ("جنودها"); `None` when it is none.
///
/// The word as written is tried first, then without each proclitic chain.
pub(crate) fn person(word: &str, lex: &Lexicon) -> Option<Person> {
    let forms = lex.person_forms();
    std::iter::once(word)
        .chain(clitic_splits(word).map(|(_, stem)| stem))
        .filter(|w| forms.may_be(w))
        .find_map(|w| noun(w, lex))
}

/// Hashes of every form [`noun`] can read from the listed person nouns: a word whose
/// hash is not here is no person noun, found with one lookup instead of the thirty
/// of its forms. (A hash shared by chance only costs the full reading.)
#[derive(Debug, Clone, Default)]
pub(crate) struct PersonForms(FxHashSet<u64>);

fn form_hash(form: &str) -> u64 {
    let mut h = FxHasher::default();
    form.hash(&mut h);
    h.finish()
}

impl PersonForms {
    /// Adds the forms of a `person_noun` or `person_plural` word: each word that
    /// [`noun`] finds by a lookup of this one.
    pub(crate) fn add(&mut self, class: WordClass, word: &str) {
        let mut form = String::new();
        let mut put = |parts: &[&str]| {
            form.clear();
            parts.iter().for_each(|p| form.push_str(p));
            self.0.insert(form_hash(&form));
        };
        let pronouns = |put: &mut dyn FnMut(&[&str]), stem: &str, linker: &str| {
            for p in PRONOUNS {
                put(&[stem, linker, p]);
            }
        };
        match class {
            WordClass::PersonNoun => {
                for ending in ["", "ا", "ان", "ين", "ون"] {
                    put(&[word, ending]);
                }
                for linker in ["", "ا", "ي", "و"] {
                    pronouns(&mut put, word, linker);
                }
                // A feminine stem: its ه is ت before a suffix.
                if let Some(t) = word.strip_suffix('ه') {
                    for ending in ["تان", "تين", "ات"] {
                        put(&[t, ending]);
                    }
                    for linker in ["ت", "تا", "تي"] {
                        pronouns(&mut put, t, linker);
                    }
                }
            }
            WordClass::PersonPlural => {
                put(&[word]);
                pronouns(&mut put, word, "");
                if let Some(s) = word.strip_suffix('ي') {
                    pronouns(&mut put, s, "ا");
                }
                if let Some(s) = word.strip_suffix('ء') {
                    pronouns(&mut put, s, "ي");
                    pronouns(&mut put, s, "و");
                }
            }
            _ => {}
        }
    }

    /// Whether a word may be a form of a listed person noun; false only when it is none.
    fn may_be(&self, word: &str) -> bool {
        self.0.contains(&form_hash(word))
    }
}

fn flags(lex: &Lexicon, class: WordClass, word: &str) -> Option<PersonFlags> {
    match lex.get(class, word)? {
        LexValue::Person(f) => Some(f),
        _ => Some(PersonFlags::default()),
    }
}

fn singular(lex: &Lexicon, stem: &str) -> Option<PersonFlags> {
    if stem.chars().count() < 2 {
        return None;
    }
    flags(lex, WordClass::PersonNoun, stem)
}

fn plural(lex: &Lexicon, word: &str) -> Option<PersonFlags> {
    flags(lex, WordClass::PersonPlural, word)
}

fn found(form: Form, f: PersonFlags) -> Option<Person> {
    Some(Person {
        form,
        wounded: f.wounded,
    })
}

/// A feminine stem: the word's ت back to the ه (ة) it stands for ("طفلت" → "طفله").
fn feminine(lex: &Lexicon, before_t: &str) -> Option<PersonFlags> {
    singular(lex, &format!("{before_t}ه"))
}

/// A word without clitics: bare, or with one attached pronoun.
fn noun(word: &str, lex: &Lexicon) -> Option<Person> {
    bare(word, lex).or_else(|| {
        PRONOUNS.iter().find_map(|p| {
            let rest = word.strip_suffix(p)?;
            (rest.chars().count() >= 2)
                .then(|| with_pronoun(rest, lex))
                .flatten()
        })
    })
}

fn bare(w: &str, lex: &Lexicon) -> Option<Person> {
    if let Some(f) = plural(lex, w) {
        return found(Form::Plural, f);
    }
    if let Some(f) = singular(lex, w) {
        return found(Form::Singular, f);
    }
    // The accusative: "18 عنصرا".
    if let Some(f) = w.strip_suffix('ا').and_then(|s| singular(lex, s)) {
        return found(Form::Singular, f);
    }
    if let Some(s) = w.strip_suffix("ان") {
        if let Some(f) = singular(lex, s) {
            return found(Form::Dual, f);
        }
        if let Some(f) = s.strip_suffix('ت').and_then(|t| feminine(lex, t)) {
            return found(Form::Dual, f);
        }
    }
    if let Some(s) = w.strip_suffix("ين") {
        if let Some(f) = singular(lex, s) {
            let form = if f.sound_plural {
                Form::Plural
            } else {
                Form::Dual
            };
            return found(form, f);
        }
        // A feminine plural is in ات, so تين is always a dual.
        if let Some(f) = s.strip_suffix('ت').and_then(|t| feminine(lex, t)) {
            return found(Form::Dual, f);
        }
    }
    if let Some(f) = w
        .strip_suffix("ون")
        .and_then(|s| singular(lex, s))
        .filter(|f| f.sound_plural)
    {
        return found(Form::Plural, f);
    }
    if let Some(f) = w.strip_suffix("ات").and_then(|s| feminine(lex, s)) {
        return found(Form::Plural, f);
    }
    None
}

/// `r` is what stands before an attached pronoun.
fn with_pronoun(r: &str, lex: &Lexicon) -> Option<Person> {
    if let Some(f) = singular(lex, r) {
        return found(Form::Singular, f);
    }
    if let Some(f) = plural(lex, r) {
        return found(Form::Plural, f);
    }
    // "طفلتها": a feminine stem's ه is ت before a pronoun.
    if let Some(f) = r.strip_suffix('ت').and_then(|t| feminine(lex, t)) {
        return found(Form::Singular, f);
    }
    if let Some(s) = r.strip_suffix('ا') {
        // "قتلاه": a plural in ى writes it ا before a pronoun.
        if let Some(f) = plural(lex, &format!("{s}ي")) {
            return found(Form::Plural, f);
        }
        // "طفلاها": the dual without its ن.
        if let Some(f) = singular(lex, s).filter(|f| !f.sound_plural) {
            return found(Form::Dual, f);
        }
        if let Some(f) = s.strip_suffix('ت').and_then(|t| feminine(lex, t)) {
            return found(Form::Dual, f);
        }
    }
    if let Some(s) = r.strip_suffix('ي') {
        // "نسائهم": a plural in ء carries the hamza on ئ (folded to ي) before a pronoun.
        if let Some(f) = plural(lex, &format!("{s}ء")) {
            return found(Form::Plural, f);
        }
        // "مقاتليه" is a plural; "طفليها" a dual.
        if let Some(f) = singular(lex, s) {
            let form = if f.sound_plural {
                Form::Plural
            } else {
                Form::Dual
            };
            return found(form, f);
        }
        if let Some(f) = s.strip_suffix('ت').and_then(|t| feminine(lex, t)) {
            return found(Form::Dual, f);
        }
    }
    if let Some(s) = r.strip_suffix('و') {
        // "نساؤهم" (ؤ folds to و), "مقاتلوه"
        if let Some(f) = plural(lex, &format!("{s}ء")) {
            return found(Form::Plural, f);
        }
        if let Some(f) = singular(lex, s).filter(|f| f.sound_plural) {
            return found(Form::Plural, f);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(word: &str) -> Option<(Form, bool)> {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let w = crate::normalize::normalize_str(word);
        person(&w, lex).map(|p| (p.form, p.wounded))
    }

    /// The forms test says no only to words that are no person noun: every word read as
    /// one, built from each listed word with every ending the rules know, passes it.
    #[test]
    fn person_forms_hold_every_word_read_as_a_person() {
        let lex = crate::gazetteer::Gazetteer::builtin().lexicon();
        let forms = lex.person_forms();
        let endings = [
            "", "ا", "ان", "ين", "ون", "ات", "ت", "تا", "تي", "ي", "و", "تان", "تين",
        ];
        let mut read = 0;
        for e in lex.entries() {
            let stems = [
                e.word.as_str(),
                e.word.strip_suffix(['ه', 'ي', 'ء']).unwrap_or(""),
            ];
            for stem in stems {
                for ending in endings {
                    for p in std::iter::once(&"").chain(PRONOUNS) {
                        let w = format!("{stem}{ending}{p}");
                        if noun(&w, lex).is_some() {
                            read += 1;
                            assert!(forms.may_be(&w), "{w}");
                        }
                    }
                }
            }
        }
        assert!(read > 1000, "{read}");
        assert!(!forms.may_be("سيارات"));
    }

    #[test]
    fn person_forms_table() {
        use Form::*;
        let person = |f| Some((f, false));
        let rows: &[(&str, Option<(Form, bool)>)] = &[
            // Singulars: the stem, its accusative, with a pronoun, with clitics.
            ("عنصر", person(Singular)),
            ("عنصرا", person(Singular)),
            ("قائد", person(Singular)),
            ("القائد", person(Singular)),
            ("قائدها", person(Singular)),
            ("طفلتها", person(Singular)),
            ("امرأة", person(Singular)),
            ("مدنيا", person(Singular)),
            // Duals by rule, no list.
            ("مدنيان", person(Dual)),
            ("قتيلان", person(Dual)),
            ("قتيلين", person(Dual)),
            ("عنصرين", person(Dual)),
            ("جنديين", person(Dual)),
            ("ضابطان", person(Dual)),
            ("صحفيان", person(Dual)),
            ("امرأتان", person(Dual)),
            ("امرأتين", person(Dual)),
            ("طفلتين", person(Dual)),
            ("مواطنتين", person(Dual)),
            ("للطفلين", person(Dual)),
            ("طفليها", person(Dual)),
            ("طفلاها", person(Dual)),
            // A sound plural in ين is a plural, not a dual.
            ("مدنيين", person(Plural)),
            ("مسلحين", person(Plural)),
            ("مواطنين", person(Plural)),
            ("المدنيين", person(Plural)),
            ("مقاتلون", person(Plural)),
            ("مقاتليه", person(Plural)),
            ("مقاتلوه", person(Plural)),
            ("آخرين", person(Plural)),
            ("مواطنات", person(Plural)),
            ("سيدات", person(Plural)),
            // Broken plurals, listed, and their suffixed forms by rule.
            ("عناصر", person(Plural)),
            ("لعناصر", person(Plural)),
            ("أطفال", person(Plural)),
            ("نساء", person(Plural)),
            ("جنودها", person(Plural)),
            ("عناصره", person(Plural)),
            ("قتلى", person(Plural)),
            ("قتلاه", person(Plural)),
            ("ضحاياه", person(Plural)),
            ("نسائهم", person(Plural)),
            // The wounded.
            ("جرحى", Some((Plural, true))),
            ("جريحا", Some((Singular, true))),
            ("جريحان", Some((Dual, true))),
            ("مصابين", Some((Plural, true))),
            ("وجرحى", Some((Plural, true))),
            // Not persons.
            ("سيارات", None),
            ("منازل", None),
            ("قوات", None),
            ("من", None),
            ("عشرين", None),
        ];
        for (word, want) in rows {
            assert_eq!(read(word), *want, "{word}");
        }
    }
}
