//! `syria-extract coverage`: the report of examples/coverage.rs, for any gazetteer.

use std::collections::BTreeMap;
use std::io::{self, Write};

use syria_extract::gazetteer::Gazetteer;

fn counts<'a>(kinds: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, usize> {
    let mut out = BTreeMap::new();
    for k in kinds {
        *out.entry(k).or_insert(0) += 1;
    }
    out
}

fn section(
    out: &mut dyn Write,
    title: &str,
    total: usize,
    by_kind: BTreeMap<&str, usize>,
) -> io::Result<()> {
    writeln!(out, "{title}: {total}")?;
    for (kind, n) in by_kind {
        writeln!(out, "  {kind:28} {n}")?;
    }
    Ok(())
}

/// Records per kind, coordinates, trigger forms, cue words and unmarked collisions.
pub fn print(gaz: &Gazetteer, out: &mut dyn Write) -> io::Result<()> {
    let locations = gaz.locations();
    section(
        out,
        "locations",
        locations.len(),
        counts(locations.iter().map(|l| l.kind.as_str())),
    )?;
    let with_coordinates = locations.iter().filter(|l| l.coordinates.is_some()).count();
    writeln!(out, "  (with coordinates: {with_coordinates})")?;
    section(
        out,
        "actors",
        gaz.actors().len(),
        counts(gaz.actors().iter().map(|a| a.kind.as_str())),
    )?;
    section(
        out,
        "sources",
        gaz.sources().len(),
        counts(gaz.sources().iter().map(|s| s.kind.as_str())),
    )?;
    section(
        out,
        "event triggers",
        gaz.triggers().len(),
        counts(gaz.triggers().iter().map(|t| t.kind.as_str())),
    )?;
    let forms: usize = gaz.triggers().iter().map(|t| 1 + t.aliases.len()).sum();
    writeln!(out, "  (trigger forms: {forms})")?;
    writeln!(out, "cue words: {}", gaz.cues().len())?;
    let collisions = gaz.unmarked_collisions();
    writeln!(out, "unmarked collisions: {}", collisions.len())?;
    for (form, ids) in collisions {
        writeln!(out, "  {form}: {ids:?}")?;
    }
    Ok(())
}
