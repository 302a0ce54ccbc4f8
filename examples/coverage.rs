//! Prints how many built-in records of each kind exist, and any spelling claimed by two
//! records without the `ambiguous` flag (there should be none):
//!
//! ```text
//! cargo run --example coverage
//! ```

use std::collections::BTreeMap;

use syria_extract::gazetteer::Gazetteer;

fn counts<'a>(kinds: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, usize> {
    let mut out = BTreeMap::new();
    for k in kinds {
        *out.entry(k).or_insert(0) += 1;
    }
    out
}

fn print(title: &str, total: usize, by_kind: BTreeMap<&str, usize>) {
    println!("{title}: {total}");
    for (kind, n) in by_kind {
        println!("  {kind:28} {n}");
    }
}

fn main() {
    let gaz = Gazetteer::builtin();
    let locations = gaz.locations();
    print(
        "locations",
        locations.len(),
        counts(locations.iter().map(|l| l.kind.as_str())),
    );
    let with_coordinates = locations.iter().filter(|l| l.coordinates.is_some()).count();
    println!("  (with coordinates: {with_coordinates})");
    print(
        "actors",
        gaz.actors().len(),
        counts(gaz.actors().iter().map(|a| a.kind.as_str())),
    );
    print(
        "sources",
        gaz.sources().len(),
        counts(gaz.sources().iter().map(|s| s.kind.as_str())),
    );
    print(
        "event triggers",
        gaz.triggers().len(),
        counts(gaz.triggers().iter().map(|t| t.kind.as_str())),
    );
    let forms: usize = gaz.triggers().iter().map(|t| 1 + t.aliases.len()).sum();
    println!("  (trigger forms: {forms})");
    println!("cue words: {}", gaz.cues().len());
    let collisions = gaz.unmarked_collisions();
    println!("unmarked collisions: {}", collisions.len());
    for (form, ids) in collisions {
        println!("  {form}: {ids:?}");
    }
}
