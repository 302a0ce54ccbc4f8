//! The administrative units a place lies in, by level: governorate (admin1), district
//! (admin2) and subdistrict (admin3), each with its id, English name, OCHA P-code
//! (`SY07`, `SY0705`, `SY070500`) and coordinates, as an ACLED row names them.
//!
//! Levels come from the parent chain and the kinds of its records, so a community
//! (OCHA P-code `C####`) whose parent is a subdistrict gets all three; a place whose
//! chain skips a level (a town whose parent is a district) has that level empty.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::records::{Coordinates, Location, RecordRef};
use super::store::Gazetteer;
use crate::kinds::LocationKind;

/// One administrative unit: what an output row says of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AdminUnit {
    /// Record id (`sy07`).
    pub id: Arc<str>,
    /// English name (`Idleb`).
    pub name: Arc<str>,
    /// OCHA P-code (`SY07`), when the record has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pcode: Option<Arc<str>>,
    /// Coordinates of the unit, when the record has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
}

impl AdminUnit {
    fn of(l: &Location) -> AdminUnit {
        AdminUnit {
            id: l.id.clone(),
            name: l.name_en.clone(),
            pcode: l.pcode.as_deref().map(Arc::from),
            coordinates: l.coordinates,
        }
    }
}

/// The governorate, district and subdistrict a place lies in (a unit is its own
/// level: the admin2 of a district is the district).
///
/// ```
/// use syria_extract::gazetteer::Gazetteer;
///
/// let gaz = Gazetteer::builtin();
/// let levels = gaz.admin_levels("sukhnah").unwrap();
/// assert_eq!(&*levels.admin1.as_ref().unwrap().name, "Homs");
/// assert_eq!(levels.admin1.as_ref().unwrap().pcode.as_deref(), Some("SY04"));
/// assert_eq!(&*levels.admin2.as_ref().unwrap().name, "Tadmur");
/// assert!(levels.admin3.is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AdminLevels {
    /// The governorate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<AdminUnit>,
    /// The district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin2: Option<AdminUnit>,
    /// The subdistrict (nahiya).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin3: Option<AdminUnit>,
}

impl AdminLevels {
    /// Whether the unit with this id is one of the levels.
    pub fn contains(&self, id: &str) -> bool {
        [&self.admin1, &self.admin2, &self.admin3]
            .into_iter()
            .flatten()
            .any(|u| &*u.id == id)
    }

    /// The coordinates of the smallest level that has them.
    pub fn coordinates(&self) -> Option<Coordinates> {
        [&self.admin3, &self.admin2, &self.admin1]
            .into_iter()
            .flatten()
            .find_map(|u| u.coordinates)
    }

    fn is_empty(&self) -> bool {
        self.admin1.is_none() && self.admin2.is_none() && self.admin3.is_none()
    }

    /// The level a record of `kind` fills.
    fn slot(&mut self, kind: LocationKind) -> Option<&mut Option<AdminUnit>> {
        match kind {
            LocationKind::Governorate => Some(&mut self.admin1),
            LocationKind::District => Some(&mut self.admin2),
            LocationKind::Subdistrict => Some(&mut self.admin3),
            _ => None,
        }
    }
}

impl Gazetteer {
    /// The subdistrict a location lies in (itself when it is one).
    pub fn admin3(&self, id: &str) -> Option<&Location> {
        let me = self.location(id)?;
        if me.kind == LocationKind::Subdistrict {
            return Some(me);
        }
        self.ancestors(id)
            .find(|l| l.kind == LocationKind::Subdistrict)
    }

    /// The governorate, district and subdistrict a location lies in; `None` for an
    /// unknown id, empty levels for a place outside the hierarchy (a country).
    pub fn admin_levels(&self, id: &str) -> Option<AdminLevels> {
        let me = self.location(id)?;
        let mut levels = AdminLevels::default();
        for l in std::iter::once(me).chain(self.ancestors(id)) {
            if let Some(slot) = levels.slot(l.kind) {
                // The nearest unit of a kind wins.
                slot.get_or_insert_with(|| AdminUnit::of(l));
            }
        }
        Some(levels)
    }

    /// For every location (by index), its [`admin_levels`](Gazetteer::admin_levels),
    /// `None` when all are empty; computed in one pass, each parent chain walked once
    /// and its levels shared (the villages of a subdistrict share one value).
    pub(crate) fn all_admin_levels(&self) -> Vec<Option<Arc<AdminLevels>>> {
        let locations = self.locations();
        let index = |id: &str| match self.get(id) {
            Some(RecordRef::Location(i)) => Some(i as usize),
            _ => None,
        };
        let mut memo: Vec<Option<Option<Arc<AdminLevels>>>> = vec![None; locations.len()];
        let mut path: Vec<usize> = Vec::new();
        for start in 0..locations.len() {
            let mut cur = Some(start);
            // Up the chain to a location already done, or to the top.
            while let Some(i) = cur {
                if memo[i].is_some() || path.len() > locations.len() {
                    break;
                }
                path.push(i);
                cur = locations[i].parent.as_deref().and_then(index);
            }
            let mut above: Option<Arc<AdminLevels>> = cur.and_then(|i| memo[i].clone().flatten());
            for i in path.drain(..).rev() {
                let l = &locations[i];
                let mut own = above.as_deref().cloned().unwrap_or_default();
                let levels = match own.slot(l.kind) {
                    Some(slot) => {
                        *slot = Some(AdminUnit::of(l));
                        Some(Arc::new(own))
                    }
                    None => above.clone(),
                };
                let levels = levels.filter(|x| !x.is_empty());
                memo[i] = Some(levels.clone());
                above = levels;
            }
        }
        memo.into_iter().map(Option::flatten).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance\n";

    fn load(rows: &[&str]) -> Gazetteer {
        let text = format!("{HEADER}{}\n", rows.join("\n"));
        Gazetteer::builder().add_str("l.tsv", text).build().unwrap()
    }

    #[test]
    fn levels_follow_the_chain_and_agree_with_the_walk() {
        let gaz = load(&[
            "c\tcountry\tC\tسي\t\t\t\t\t\t\t\t\tcurated",
            "g\tgovernorate\tG\tجي\t\tc\t35\t36\tSY07\t\t\t\tcurated",
            "d\tdistrict\tD\tدي\t\tg\t\t\tSY0705\t\t\t\tcurated",
            "s\tsubdistrict\tS\tاس\t\td\t35.8\t36.6\tSY070500\t\t\t\tcurated",
            "v\tvillage\tV\tفي\t\ts\t35.7\t36.6\tC4268\t\t\t\tcurated",
            "t\ttown\tT\tتي\t\td\t\t\t\t\t\t\tcurated",
            "r\tregion\tR\tري\t\t\t\t\t\t\t\t\tcurated",
        ]);
        let all = gaz.all_admin_levels();
        for (l, levels) in gaz.locations().iter().zip(&all) {
            let walked = gaz.admin_levels(&l.id).filter(|x| !x.is_empty());
            assert_eq!(levels.as_deref(), walked.as_ref(), "{}", l.id);
        }
        let v = gaz.admin_levels("v").unwrap();
        let ids = |u: &Option<AdminUnit>| u.as_ref().map(|u| u.id.to_string());
        assert_eq!(
            (ids(&v.admin1), ids(&v.admin2), ids(&v.admin3)),
            (Some("g".into()), Some("d".into()), Some("s".into()))
        );
        assert_eq!(v.admin3.unwrap().pcode.as_deref(), Some("SY070500"));
        // A town whose parent is the district has no subdistrict.
        let t = gaz.admin_levels("t").unwrap();
        assert!(t.admin3.is_none() && t.admin2.is_some());
        // The smallest level with coordinates.
        assert_eq!(t.coordinates().map(|c| c.lat), Some(35.0));
        // Outside the hierarchy: nothing.
        assert!(all[0].is_none() && all[6].is_none());
        assert_eq!(gaz.admin3("v").map(|l| &*l.id), Some("s"));
        // The villages of a subdistrict share its levels.
        let s = gaz.locations().iter().position(|l| &*l.id == "s").unwrap();
        let v = gaz.locations().iter().position(|l| &*l.id == "v").unwrap();
        assert!(Arc::ptr_eq(
            all[s].as_ref().unwrap(),
            all[v].as_ref().unwrap()
        ));
    }
}
