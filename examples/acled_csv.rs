//! Writes ACLED-style CSV rows for the events of a directory of articles (or of the
//! files given), one row per reported event:
//!
//! ```text
//! cargo run --release --example acled_csv -- articles/ --date 2019-05-20 > events.csv
//! ```
//!
//! Columns: event_date, event_type, sub_event_type, actor1, actor2, admin1, admin2,
//! location, latitude, longitude, geo_precision, time_precision, source, fatalities,
//! notes (the sentence), then file, kind, trigger and claimed for tracing a row back.
//!
//! Rows are written for events reported as having happened: denied or planned events
//! are left out, and so is a killing that is the outcome of another event of its
//! sentence (its fatalities are already on that event's row).
//!
//! Without `--date`, relative times cannot be resolved and `event_date` stays empty
//! unless the sentence gives a full date. Precision codes follow ACLED: geo_precision 1
//! town or landmark, 2 district or subdistrict, 3 governorate or wider; time_precision
//! 1 day, 2 week, 3 month.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use syria_extract::event::{Event, Modality, Role};
use syria_extract::gazetteer::{Gazetteer, LocationKind};
use syria_extract::time::Date;
use syria_extract::{Article, Document, Extractor};

const HEADER: &[&str] = &[
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "fatalities",
    "notes",
    "file",
    "kind",
    "trigger",
    "claimed",
];

/// One CSV field, quoted when it has to be (RFC 4180).
fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn inputs(args: &[String]) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.to_path_buf());
        }
    }
    Ok(out)
}

fn actor_name(gaz: &Gazetteer, id: &str) -> String {
    gaz.actor(id)
        .map(|a| {
            if a.acled_name.is_empty() {
                a.name_en.to_string()
            } else {
                a.acled_name.clone()
            }
        })
        .unwrap_or_default()
}

fn geo_precision(kind: LocationKind) -> u8 {
    use LocationKind::*;
    match kind {
        Country | Governorate | Desert | Region | River => 3,
        District | Subdistrict | Mountain | Plain | Valley | Lake => 2,
        _ => 1,
    }
}

fn row(
    gaz: &Gazetteer,
    doc: &Document,
    event: &Event,
    file: &str,
    date: Option<Date>,
    text: &str,
) -> Vec<String> {
    let initiator = event
        .actors
        .iter()
        .find(|a| a.role == Some(Role::Initiator));
    let target = event.actors.iter().find(|a| a.role == Some(Role::Target));
    let unroled = event.actors.iter().filter(|a| a.role.is_none());
    let mut actors = initiator.into_iter().chain(unroled).chain(target);
    let actor1 = actors.next();
    let actor2 = target
        .filter(|t| actor1.is_some_and(|a| a.id != t.id))
        .or_else(|| actors.find(|a| actor1.is_some_and(|f| f.id != a.id)));
    // The most specific place: the lowest in the hierarchy (towns before governorates).
    let place = event
        .locations
        .iter()
        .filter_map(|l| gaz.location(&l.id))
        .min_by_key(|l| geo_precision(l.kind));
    let (admin1, admin2) = place
        .map(|l| {
            (
                gaz.admin1(&l.id)
                    .map(|a| a.name_en.to_string())
                    .unwrap_or_default(),
                gaz.admin2(&l.id)
                    .map(|a| a.name_en.to_string())
                    .unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    // Coordinates of the place, or of the nearest ancestor that has them.
    let coordinates = place.and_then(|l| {
        l.coordinates
            .or_else(|| gaz.ancestors(&l.id).find_map(|a| a.coordinates))
    });
    let (event_date, time_precision) =
        match event.time.as_ref().and_then(|t| t.date.zip(t.precision)) {
            Some((d, p)) => (d.to_string(), p.to_string()),
            // No time in the sentence: the report's date, known to the week at best.
            None => date
                .map(|d| (d.to_string(), "2".to_string()))
                .unwrap_or_default(),
        };
    let source = event
        .source
        .as_ref()
        .map(|s| s.name.to_string())
        .or_else(|| doc.sources().next().map(|s| s.name.to_string()))
        .unwrap_or_default();
    let notes = text
        .get(event.sentence.start..event.sentence.end)
        .unwrap_or_default();
    vec![
        event_date,
        event.acled.event_type.clone(),
        event.acled.sub_event_type.clone(),
        actor1.map(|a| actor_name(gaz, &a.id)).unwrap_or_default(),
        actor2.map(|a| actor_name(gaz, &a.id)).unwrap_or_default(),
        admin1,
        admin2,
        place.map(|l| l.name_en.to_string()).unwrap_or_default(),
        coordinates.map(|c| c.lat.to_string()).unwrap_or_default(),
        coordinates.map(|c| c.lon.to_string()).unwrap_or_default(),
        place
            .map(|l| geo_precision(l.kind).to_string())
            .unwrap_or_default(),
        time_precision,
        source,
        event
            .fatalities
            .map(|f| f.to_string())
            .unwrap_or_else(|| "0".to_string()),
        notes.to_string(),
        file.to_string(),
        event.kind.to_string(),
        event.trigger.text.clone(),
        event.claimed.to_string(),
    ]
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("usage: acled_csv [--date YYYY-MM-DD] DIR|FILE...");
        return ExitCode::from(2);
    }
    let mut date = None;
    if let Some(i) = args.iter().position(|a| a == "--date") {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        let Ok(d) = Date::parse(&value) else {
            eprintln!("acled_csv: --date needs a date as YYYY-MM-DD, got {value:?}");
            return ExitCode::from(2);
        };
        date = Some(d);
        args.drain(i..(i + 2).min(args.len()));
    }
    let files = match inputs(&args) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("acled_csv: cannot list inputs: {e}");
            return ExitCode::FAILURE;
        }
    };
    let extractor = Extractor::default();
    let gaz = extractor.gazetteer();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    let mut lines = vec![HEADER.join(",")];
    for path in &files {
        let name = path.display().to_string();
        let text = match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            Ok(Err(e)) => {
                eprintln!(
                    "acled_csv: {name}: not valid UTF-8 (offset {})",
                    e.utf8_error().valid_up_to()
                );
                failed += 1;
                continue;
            }
            Err(e) => {
                eprintln!("acled_csv: {name}: cannot read: {e}");
                failed += 1;
                continue;
            }
        };
        let doc = extractor.extract(Article::new(&text).published(date));
        for event in &doc.events {
            if event.modality != Modality::Asserted || event.part_of.is_some() {
                continue;
            }
            let cells = row(gaz, &doc, event, &name, date, &text);
            lines.push(cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        }
        for line in lines.drain(..) {
            if let Err(e) = writeln!(out, "{line}") {
                eprintln!("acled_csv: cannot write output: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    if failed > 0 {
        eprintln!("acled_csv: {failed} of {} inputs failed", files.len());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
