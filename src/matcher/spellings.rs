//! The other spellings of a name that real text uses and normalization does not fold,
//! generated when the automaton is built so the gazetteer lists each name once.
//!
//! | listed | also matched | rule |
//! |---|---|---|
//! | `دير الزور` | `ديرالزور` | a first word that text glues to the next (a `join` cue word) |
//! | `كفرنبل` | `كفر نبل` | the same first word written apart, when at least three letters follow it |
//! | `معرة النعمان` | `معرت النعمان`, `معرتالنعمان` | a join word ending in ة is written with ت before the next word |
//! | `معرتمصرين` | `معرت مصرين`, `معرة مصرين` | both, apart |
//! | `عين البيضا` | `عين البيضاء` | a word with the article ending in ا: OCHA drops the final hamza |
//! | `الحمراء` | `الحمرا` | and the other way round |
//!
//! Normalization already folds the hamza on its seats (أ إ آ → ا, ئ → ي, ؤ → و), ة/ه
//! and ى/ي, so those need no variant; the bare hamza ء is kept, hence the last two rows.

/// The fewest letters that must follow a join word for a glued word to be split: كفريا
/// (كفر + يا) is one name, كفرنبل (كفر + نبل) two words glued.
const MIN_REST_CHARS: usize = 3;

/// The fewest letters of a word with the article, the article and any final ء
/// excluded, for its final ا and اء to count as spellings of each other: الصفا, not اللا.
const MIN_HAMZA_STEM_CHARS: usize = 3;

/// Normalized taa marbuta (ة folds to ه) and the ت it becomes in a construct.
const TAA_MARBUTA: char = 'ه';
const TAA: char = 'ت';
const HAMZA: char = 'ء';

/// A join word ("دير", "معرة"), normalized, with its ت form when it ends in ة
/// ("معرت"), made once per matcher rather than once per name.
#[derive(Debug, Clone)]
pub(super) struct Join {
    word: String,
    taa: Option<String>,
    /// The first letter of both forms, so that a name starting with another is not
    /// compared with them; `None` (compare always) for a word of one letter, whose ت
    /// form starts with another.
    first: Option<char>,
}

impl Join {
    pub(super) fn new(word: String) -> Join {
        let taa = word.strip_suffix(TAA_MARBUTA).map(|s| format!("{s}{TAA}"));
        let first = word
            .chars()
            .next()
            .filter(|_| word.chars().nth(1).is_some());
        Join { word, taa, first }
    }

    /// Whether a word starting with `first` may start with this join word.
    fn may_start(&self, first: Option<char>) -> bool {
        self.first.is_none() || self.first == first
    }
}

/// The spellings of normalized `name` other than itself, given the normalized join
/// words; without duplicates, in a fixed order.
pub(super) fn variants(name: &str, joins: &[Join]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |out: &mut Vec<String>, s: String| {
        if s != name && !out.contains(&s) {
            out.push(s);
        }
    };
    for first_word in first_word_spellings(name, joins) {
        push(&mut out, first_word);
    }
    // The hamza spellings of the name and of the spellings above (not of each other).
    let spelled = out.len();
    if let Some(h) = hamza_spelling(name) {
        push(&mut out, h);
    }
    for i in 0..spelled {
        if let Some(h) = hamza_spelling(&out[i]) {
            push(&mut out, h);
        }
    }
    out
}

/// The glued, split and ت spellings of the first word.
fn first_word_spellings(name: &str, joins: &[Join]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((first, rest)) = name.split_once(' ') {
        if joins.iter().any(|j| j.word == first) {
            match first.strip_suffix(TAA_MARBUTA) {
                Some(stem) => {
                    out.push(format!("{stem}{TAA} {rest}"));
                    out.push(format!("{stem}{TAA}{rest}"));
                }
                None => out.push(format!("{first}{rest}")),
            }
        }
    }
    // A glued first word: split it after the join word (or its ت form).
    let first = name.split(' ').next().unwrap_or(name);
    let after_first = &name[first.len()..];
    let first_letter = first.chars().next();
    for j in joins.iter().filter(|j| j.may_start(first_letter)) {
        for prefix in std::iter::once(&j.word).chain(&j.taa) {
            let Some(rest) = first.strip_prefix(prefix.as_str()) else {
                continue;
            };
            if rest.chars().count() < MIN_REST_CHARS {
                continue;
            }
            out.push(format!("{prefix} {rest}{after_first}"));
            if let Some(t) = &j.taa {
                // معرتمصرين: also the listed spelling of the join word, apart.
                let other = if prefix == t { &j.word } else { t };
                out.push(format!("{other} {rest}{after_first}"));
            }
        }
    }
    out
}

/// The name with the final hamza of its article words added or dropped, if it has
/// such a word.
fn hamza_spelling(name: &str) -> Option<String> {
    // Most names have no such word: they are not copied word by word.
    let article_word = |w: &str| w.starts_with("ال") && (w.ends_with('ا') || w.ends_with(HAMZA));
    if !name.split(' ').any(article_word) {
        return None;
    }
    let mut changed = false;
    let words: Vec<String> = name
        .split(' ')
        .map(|w| {
            let Some(stem) = w.strip_prefix("ال") else {
                return w.to_string();
            };
            if let Some(bare) = stem.strip_suffix(HAMZA) {
                if bare.ends_with('ا') && bare.chars().count() >= MIN_HAMZA_STEM_CHARS {
                    changed = true;
                    return format!("ال{bare}");
                }
            } else if stem.ends_with('ا') && stem.chars().count() >= MIN_HAMZA_STEM_CHARS {
                changed = true;
                return format!("{w}{HAMZA}");
            }
            w.to_string()
        })
        .collect();
    changed.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_table() {
        let joins: Vec<Join> = ["دير", "كفر", "تل", "ابو", "ام", "عين", "معرة", "خربة"]
            .iter()
            .map(|j| Join::new(crate::normalize::normalize_str(j)))
            .collect();
        // (listed name, every generated spelling), both as written, normalized here.
        let rows: &[(&str, &[&str])] = &[
            ("دير الزور", &["ديرالزور"]),
            ("كفرنبل", &["كفر نبل"]),
            ("كفر زيتا", &["كفرزيتا"]),
            ("تلعفر", &["تل عفر"]),
            ("أبو الظهور", &["أبوالظهور"]),
            ("معرة النعمان", &["معرت النعمان", "معرتالنعمان"]),
            ("معرتمصرين", &["معرت مصرين", "معرة مصرين"]),
            ("خربة غزالة", &["خربت غزالة", "خربتغزالة"]),
            ("عين البيضا", &["عينالبيضا", "عين البيضاء"]),
            ("الصفا", &["الصفاء"]),
            ("الحمراء", &["الحمرا"]),
            ("تبارة الحمراء", &["تبارة الحمرا"]),
            // Too short to split, or to be a hamza spelling; no join word.
            ("كفريا", &[]),
            ("ديرك", &[]),
            ("اللا", &[]),
            ("الماء", &[]),
            ("حلب", &[]),
            ("الرقة", &[]),
        ];
        for (name, want) in rows {
            let norm = crate::normalize::normalize_str(name);
            let want: Vec<String> = want
                .iter()
                .map(|w| crate::normalize::normalize_str(w))
                .collect();
            assert_eq!(variants(&norm, &joins), want, "{name}");
        }
    }

    #[test]
    fn a_join_word_of_one_letter_is_compared_in_its_taa_form_too() {
        // "ة" is written "ت" before the next word: its two forms start differently,
        // so the first-letter filter must not skip a name that starts with ت.
        let joins = [Join::new(crate::normalize::normalize_str("ة"))];
        let norm = crate::normalize::normalize_str("تبرود");
        let want: Vec<String> = ["ت برود", "ة برود"]
            .iter()
            .map(|w| crate::normalize::normalize_str(w))
            .collect();
        assert_eq!(variants(&norm, &joins), want);
    }
}
