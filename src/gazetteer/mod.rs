//! The data: gazetteer records, their store, and the loader for the TSV files in
//! `gazetteers/`.
//!
//! Six file types share one format (tab-separated, one header line, one record a
//! line; see `gazetteers/FORMAT.md`): locations, actors, sources, event triggers, cue
//! words and lexicon words. The type of a file is recognised from its header, so user
//! files may have any name.
//!
//! The built-in files are embedded in the crate ([`Gazetteer::builtin`]); users add
//! their own with [`GazetteerBuilder`], usually through
//! [`ExtractorBuilder`](crate::ExtractorBuilder).
//!
//! ```
//! use syria_extract::gazetteer::{Gazetteer, LocationKind};
//!
//! let gaz = Gazetteer::builtin();
//! let sukhnah = gaz.locations().iter().find(|l| &*l.name_en == "Al-Sukhnah").unwrap();
//! assert_eq!(sukhnah.kind, LocationKind::Town);
//! // The parent chain leads up to the governorate of Homs.
//! let admin1 = gaz.admin1(&sukhnah.id).unwrap();
//! assert_eq!(&*admin1.name_en, "Homs");
//! ```

mod admin;
mod builtin;
mod load;
mod records;
mod row;
mod store;

pub use admin::{AdminLevels, AdminUnit};
pub use builtin::BUILTIN_FILES;
pub use load::GazetteerBuilder;
pub use records::{
    Actor, Coordinates, CueWord, Flags, Location, Record, RecordRef, Source, Trigger,
};
pub use row::MAX_NAME_CHARS;
pub use store::Gazetteer;

// The vocabularies of the records, where users of this module look for them.
pub use crate::kinds::{ActorKind, CueRole, Direction, EventKind, LocationKind, Role, SourceKind};
