//! The proclitic grammar of Arabic as news writes it, and the attached suffixes.
//!
//! A word may carry, before its stem, an optional conjunction (و or ف) followed by one
//! of: nothing, a preposition (ب ل ك), the article (ال), a preposition with the article
//! (بال كال), or ل + ال contracted to لل. Normalized text, so the letters are two UTF-8
//! bytes each.

/// What a proclitic chain holds, which decides the names it may precede.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chain {
    /// Conjunction and preposition clitics only: "", و, ف, ب, ل, ك, وب, فل …
    Plain,
    /// With the article: ال, وال, بال, كال, وبال, فكال …
    Article,
    /// ل + ال written لل: لل, ولل, فلل.
    Contracted,
}

const WAW: &[u8] = "و".as_bytes();
const FA: &[u8] = "ف".as_bytes();
const BA: &[u8] = "ب".as_bytes();
const LAM: &[u8] = "ل".as_bytes();
const KAF: &[u8] = "ك".as_bytes();
/// The article, normalized.
pub(crate) const ARTICLE: &str = "ال";

/// The longest proclitic chain, in characters; bounds the look-back per hit.
pub(crate) const MAX_PREFIX_CHARS: usize = 4;

/// The chain after the optional conjunction, by its bytes.
fn chain_tail(rest: &[u8]) -> Option<Chain> {
    let article = ARTICLE.as_bytes();
    Some(match rest.len() {
        0 => Chain::Plain,
        2 if rest == BA || rest == LAM || rest == KAF => Chain::Plain,
        4 if rest == article => Chain::Article,
        4 if rest.starts_with(LAM) && rest.ends_with(LAM) => Chain::Contracted,
        6 if (rest.starts_with(BA) || rest.starts_with(KAF)) && rest.ends_with(article) => {
            Chain::Article
        }
        _ => return None,
    })
}

/// The kind of the proclitic chain `prefix`, or `None` when it is not one.
pub(crate) fn chain(prefix: &str) -> Option<Chain> {
    let bytes = prefix.as_bytes();
    let rest = if bytes.starts_with(WAW) || bytes.starts_with(FA) {
        &bytes[2..]
    } else {
        bytes
    };
    chain_tail(rest)
}

/// Splits a word into (proclitic chain, stem) for every non-empty chain that can start
/// it, shortest chain first. Used to look cue words up under their clitics ("بريف" →
/// "ريف").
pub(crate) fn clitic_splits(word: &str) -> impl Iterator<Item = (&str, &str)> {
    // Chains are at most four letters, eight bytes: try each even length.
    (1..=MAX_PREFIX_CHARS)
        .map(|chars| chars * 2)
        .filter(move |&n| word.len() > n && word.is_char_boundary(n))
        .filter(move |&n| chain(&word[..n]).is_some())
        .map(move |n| word.split_at(n))
}

/// The word itself, then its stems under every proclitic chain that can start it
/// (shortest chain first, two letters or more): how a rule compares a word with a word list when the
/// listed word may itself begin with a clitic letter. "بدأت" is listed as written and
/// found whole before any stripping could turn it into "دأت"; "وقالت" is found as
/// "قالت" under its conjunction.
pub(crate) fn whole_then_stems(word: &str) -> impl Iterator<Item = &str> {
    std::iter::once(word).chain(
        clitic_splits(word)
            .map(|(_, stem)| stem)
            .filter(|stem| stem.chars().nth(1).is_some()),
    )
}

/// The word without one leading conjunction or preposition (و ف ب ل, وب ول فب) when at
/// least two letters remain: how the event rules compare a word with their cue lists.
pub(crate) fn strip_clitic(word: &str) -> &str {
    for p in ["وب", "ول", "فب", "و", "ف", "ب", "ل"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    word
}

/// The word without one leading و ف ب or ل when at least three letters remain: how the
/// time rules compare a word with the time words around an anchor.
pub(crate) fn strip_letter_clitic(word: &str) -> &str {
    for p in ["و", "ف", "ب", "ل"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                return rest;
            }
        }
    }
    word
}

/// The longest attached suffix, in characters.
pub(crate) const MAX_SUFFIX_CHARS: usize = 3;

/// Attached suffixes a name flagged `suffixes` may carry, normalized: object and
/// possessive pronouns (مقتله, اعتقالهم), verb endings (قصفوا, شنتا) and the
/// accusative alif (هجوما). Grammar, not vocabulary: it stays in code.
pub(crate) const SUFFIXES: &[&str] = &[
    "ه", "ها", "هم", "هما", "هن", "وا", "ا", "ت", "تا", "ن", "نا", "ي",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_are_normalized() {
        for s in SUFFIXES {
            assert_eq!(crate::normalize::normalize_str(s), *s);
        }
    }

    #[test]
    fn whole_word_first_then_under_clitics() {
        // (word, the forms compared, in order)
        let rows: &[(&str, &[&str])] = &[
            ("بدات", &["بدات", "دات"]),
            ("وقالت", &["وقالت", "قالت"]),
            ("بالقصف", &["بالقصف", "القصف", "قصف"]),
            ("لم", &["لم"]),
        ];
        for (word, want) in rows {
            let got: Vec<&str> = whole_then_stems(word).collect();
            assert_eq!(&got, want, "{word}");
        }
    }

    #[test]
    fn strippers_table() {
        // (word, strip_clitic, strip_letter_clitic)
        let rows: &[(&str, &str, &str)] = &[
            ("ولشن", "شن", "لشن"),
            ("بمواقع", "مواقع", "مواقع"),
            ("وليله", "يله", "ليله"),
            ("ليل", "يل", "ليل"),
            ("لم", "لم", "لم"),
        ];
        for (word, one, letter) in rows {
            assert_eq!(strip_clitic(word), *one, "{word}");
            assert_eq!(strip_letter_clitic(word), *letter, "{word}");
        }
    }
}
