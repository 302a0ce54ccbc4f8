//! Dates from the command line and from archive fields, read strictly: four digits,
//! two, two, and a real calendar day. `+201-05-20`, `2019-5-20` and `2019-02-30` are
//! errors, not guesses.

use syria_extract::time::Date;

/// `--date`: exactly `YYYY-MM-DD`.
pub fn parse_flag(text: &str) -> Result<Date, String> {
    strict(text).ok_or_else(|| format!("expected a date as YYYY-MM-DD, got {text:?}"))
}

/// An archive's date field: `YYYY-MM-DD`, optionally followed by a time part after
/// `T` or a space ("2015-08-01T12:00:00Z", "2015-08-01 12:00").
pub fn parse_field(text: &str) -> Option<Date> {
    let text = text.trim();
    let (day, rest) = text.split_at_checked(10)?;
    let date = strict(day)?;
    if rest.is_empty() {
        return Some(date);
    }
    let time = rest.strip_prefix(['T', 't', ' '])?;
    // HH:MM, then anything a timestamp carries (seconds, fraction, zone).
    let b = time.as_bytes();
    let clock = b.len() >= 5
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2] == b':'
        && b[3..5].iter().all(u8::is_ascii_digit);
    let tail_ok = time[5.min(time.len())..]
        .bytes()
        .all(|c| c.is_ascii_digit() || b":.+-Zz ".contains(&c));
    (clock && tail_ok).then_some(date)
}

fn strict(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    Date::parse(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_dates() {
        let table: &[(&str, Option<&str>)] = &[
            ("2019-05-20", Some("2019-05-20")),
            ("2020-02-29", Some("2020-02-29")),
            ("+201-05-20", None),
            ("-201-05-20", None),
            ("2019-5-20", None),
            ("2019-02-30", None),
            ("2019-05-20T10:00", None),
            ("٢٠١٩-٠٥-٢٠", None),
            ("", None),
        ];
        for (text, expected) in table {
            let got = parse_flag(text).ok().map(|d| d.to_string());
            assert_eq!(got.as_deref(), *expected, "{text:?}");
        }
    }

    #[test]
    fn field_dates() {
        let table: &[(&str, Option<&str>)] = &[
            ("2015-08-01", Some("2015-08-01")),
            ("2015-08-01T12:00:00", Some("2015-08-01")),
            ("2015-08-01T12:00:00.123+03:00", Some("2015-08-01")),
            ("2015-08-01T12:00:00Z", Some("2015-08-01")),
            ("2015-08-01 12:00", Some("2015-08-01")),
            ("2015-07-21 02:51:32", Some("2015-07-21")),
            (" 2015-08-01 ", Some("2015-08-01")),
            ("2015-08-01x", None),
            ("2015-08-01 noon", None),
            ("01/08/2015", None),
            ("2015-08-32", None),
            ("2015-08-0١", None),
        ];
        for (text, expected) in table {
            let got = parse_field(text).map(|d| d.to_string());
            assert_eq!(got.as_deref(), *expected, "{text:?}");
        }
    }
}
