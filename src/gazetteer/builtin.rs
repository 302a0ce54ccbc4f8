//! The gazetteer files compiled into the crate, so `Extractor::default()` reads no
//! file at run time.

use std::sync::Arc;

use once_cell::sync::Lazy;

use super::load::GazetteerBuilder;
use super::store::Gazetteer;

/// The files compiled into the crate, in load order.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "gazetteers/lexicon.tsv",
        include_str!("../../gazetteers/lexicon.tsv"),
    ),
    (
        "gazetteers/cues.tsv",
        include_str!("../../gazetteers/cues.tsv"),
    ),
    (
        "gazetteers/locations_countries.tsv",
        include_str!("../../gazetteers/locations_countries.tsv"),
    ),
    (
        "gazetteers/locations_admin.tsv",
        include_str!("../../gazetteers/locations_admin.tsv"),
    ),
    (
        "gazetteers/locations_geonames.tsv",
        include_str!("../../gazetteers/locations_geonames.tsv"),
    ),
    (
        "gazetteers/locations_communities.tsv",
        include_str!("../../gazetteers/locations_communities.tsv"),
    ),
    (
        "gazetteers/locations_neighbourhoods.tsv",
        include_str!("../../gazetteers/locations_neighbourhoods.tsv"),
    ),
    (
        "gazetteers/locations.tsv",
        include_str!("../../gazetteers/locations.tsv"),
    ),
    (
        "gazetteers/actors.tsv",
        include_str!("../../gazetteers/actors.tsv"),
    ),
    (
        "gazetteers/sources.tsv",
        include_str!("../../gazetteers/sources.tsv"),
    ),
    (
        "gazetteers/triggers.tsv",
        include_str!("../../gazetteers/triggers.tsv"),
    ),
    (
        "gazetteers/cues_references.tsv",
        include_str!("../../gazetteers/cues_references.tsv"),
    ),
];

/// Shared with the built-in extractor, which holds it rather than a copy.
static BUILTIN: Lazy<Result<Arc<Gazetteer>, String>> = Lazy::new(|| {
    GazetteerBuilder::new()
        .builtin()
        .build()
        .map(Arc::new)
        .map_err(|e| e.to_string())
});

impl Gazetteer {
    /// The built-in gazetteer, parsed once per process.
    ///
    /// # Panics
    ///
    /// Never for a released crate: the built-in files are checked by the crate's tests.
    /// A broken edit of `gazetteers/` shows up here with the file, line and reason.
    pub fn builtin() -> &'static Gazetteer {
        match &*BUILTIN {
            Ok(g) => g,
            Err(e) => panic!("built-in gazetteer is invalid: {e}"),
        }
    }

    /// The built-in gazetteer, parsed once per process, or why it is invalid.
    pub(crate) fn builtin_shared() -> Result<Arc<Gazetteer>, String> {
        BUILTIN.clone()
    }
}
