//! Event detection measured against the OpenEventData Arabic gold-standard sentences
//! (`assault_gsr.csv`, `protest_gsr.csv`): each sentence is labelled "yes", "easy no",
//! "difficult no" or "ambiguous" by annotators. A sentence is predicted positive when
//! the extractor finds an event of the matching kinds in it (asserted, denied or
//! planned alike: the annotators labelled mentions). "ambiguous" sentences are left
//! out of precision and recall and counted apart.
//!
//! Two rows per set: `any` counts every trigger of the kinds; `reported` only events
//! that `Event::is_reported` keeps (asserted, a report and not a statement, generic,
//! historical, question, hypothetical, reference or detail mention, and anchored by an
//! argument), which is what the ACLED export keeps.
//!
//! Each row is printed for all sentences, then for the even and the odd rows apart (the
//! row number is the CSV's first, unnamed column): develop on the even rows, check on
//! the odd ones. `--show` lists even rows only, so the check rows stay unread.
//!
//! ```text
//! cargo run --release --example gsr_eval -- ../shared/data/B_news/openeventdata_arabic_event_gsr
//! cargo run --release --example gsr_eval -- DIR --show fp   # list false positives (or fn)
//! ```

use std::process::ExitCode;

use syria_extract::event::EventKind;
use syria_extract::Extractor;

/// Reads RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Confusion counts of one set of rows; ambiguous rows apart.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    amb: usize,
    amb_pos: usize,
}

impl Counts {
    fn add(self, o: Counts) -> Counts {
        Counts {
            tp: self.tp + o.tp,
            fp: self.fp + o.fp,
            fn_: self.fn_ + o.fn_,
            tn: self.tn + o.tn,
            amb: self.amb + o.amb,
            amb_pos: self.amb_pos + o.amb_pos,
        }
    }

    fn summary(&self) -> String {
        let Counts {
            tp,
            fp,
            fn_,
            tn,
            amb,
            amb_pos,
        } = *self;
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "P={p:.3} R={r:.3} F1={f:.3}  (yes {}, no {}, tp {tp}, fp {fp}, fn {fn_}, tn {tn}; ambiguous {amb}, {amb_pos} predicted)",
            tp + fn_,
            fp + tn
        )
    }
}

/// Which event kinds count for a set.
type KindFilter = fn(EventKind) -> bool;

fn is_assault(kind: EventKind) -> bool {
    use EventKind::*;
    matches!(
        kind,
        ArmedClash | Attack | AirStrike | Shelling | Explosion | Killing | Abduction
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: gsr_eval DIR [--show fp|fn]");
        return ExitCode::from(2);
    };
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let extractor = Extractor::default();
    let sets: [(&str, KindFilter); 2] = [
        ("assault", is_assault),
        ("protest", |k| k == EventKind::Protest),
    ];
    for ((name, wanted), strict) in sets.into_iter().flat_map(|s| [(s, false), (s, true)]) {
        let path = format!("{dir}/{name}_gsr.csv");
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("gsr_eval: {path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let rows = parse_csv(&text);
        let Some(header) = rows.first() else {
            eprintln!("gsr_eval: {path}: empty");
            return ExitCode::FAILURE;
        };
        let col = |n: &str| header.iter().position(|h| h == n);
        let (Some(label_col), Some(text_col)) = (col("label"), col("text")) else {
            eprintln!("gsr_eval: {path}: no label/text columns");
            return ExitCode::FAILURE;
        };
        // Confusion counts for the even rows [0] and the odd rows [1].
        let mut counts = [Counts::default(); 2];
        for (line, row) in rows.iter().enumerate().skip(1) {
            let (Some(label), Some(sentence)) = (row.get(label_col), row.get(text_col)) else {
                continue;
            };
            let Some(number) = row.first().and_then(|n| n.parse::<usize>().ok()) else {
                eprintln!(
                    "gsr_eval: {path}: row {line}: first column is not a row number: {:?}",
                    row.first()
                );
                return ExitCode::FAILURE;
            };
            let c = &mut counts[number % 2];
            let doc = extractor.extract(sentence);
            // A report of an event, not a mention of the word: `Event::is_reported`,
            // the default filter of the ACLED export.
            let predicted = doc
                .events
                .iter()
                .any(|e| wanted(e.kind) && (!strict || e.is_reported()));
            let gold = match label.as_str() {
                "yes" => true,
                "ambiguous" => {
                    c.amb += 1;
                    c.amb_pos += usize::from(predicted);
                    continue;
                }
                _ => false,
            };
            match (gold, predicted) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (true, false) => c.fn_ += 1,
                (false, false) => c.tn += 1,
            }
            let listed = match show.as_deref() {
                Some("fp") => !gold && predicted,
                Some("fn") => gold && !predicted,
                _ => false,
            };
            if listed && strict && number % 2 == 0 {
                let triggers: Vec<String> = doc
                    .events
                    .iter()
                    .filter(|e| wanted(e.kind))
                    .map(|e| format!("{}:{}", e.kind, e.trigger.text))
                    .collect();
                println!("{name} {label} [{}] {sentence}", triggers.join(" "));
            }
        }
        let [even, odd] = counts;
        let strictness = if strict { "reported" } else { "any" };
        for (rows, c) in [("all", even.add(odd)), ("even", even), ("odd", odd)] {
            println!("{name:8} {strictness:9} {rows:4} {}", c.summary());
        }
    }
    ExitCode::SUCCESS
}
