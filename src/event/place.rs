//! The place of an event: the most precise place the text gives for it, and how
//! precisely the text locates it there, on ACLED's scale (its codebook, "Spatial
//! precision codes": 1 a particular town; 2 a small part of a region, a general area,
//! or near a town; 3 only a larger region).
//!
//! How the text locates the event decides, not only the kind of the place:
//! - "قرية حاس", "مدينة حمص", "مطار التيفور": the place itself, 1;
//! - "شرقي حمص", "جنوب مدينة الميادين": a direction from a town locates an area near
//!   it, 2; so do the area cues of the lexicon's `place_near` class ("بادية السخنة",
//!   "ريف جسر الشغور", "محيط", "بالقرب من"); a district, a subdistrict, a mountain or a
//!   road is a part of a region, 2;
//! - "ريف حمص الشرقي", "محافظة إدلب", "البادية السورية", "الفرات": a larger region, 3.
//!
//! Among the places of an event the most precise wins; at equal precision a place
//! that only situates another one loses: a unit the other lies in, or a name right
//! after the other with no conjunction between ("بادية السخنة شرقي حمص": Homs only
//! tells where the Sukhnah desert is). Then the more specific kind, then the nearer
//! mention. A killing that is the outcome of another event happens where that event
//! does, unless the text places the killing more precisely.

use rustc_hash::FxHashMap as HashMap;

use super::types::{Event, EventPlace, Span};
use super::{distance, Input, Placed};
use crate::entity::{Entity, EntityType};
use crate::kinds::LocationKind;
use crate::lexicon::{Lexicon, WordClass};
use crate::text::clitics::{strip_clitic, ARTICLE};
use crate::text::words::{closely_follows, is_word_char, SPACED};

/// ACLED geo_precision of a place named with nothing around it.
fn base_precision(kind: LocationKind) -> u8 {
    use LocationKind::*;
    match kind {
        Country | Governorate | Region | Desert | River => 3,
        District | Subdistrict | Mountain | Plain | Valley | Lake | Road => 2,
        _ => 1,
    }
}

/// The more specific kinds first, for ties.
fn kind_rank(kind: LocationKind) -> u8 {
    use LocationKind::*;
    match kind {
        Neighbourhood => 0,
        Village => 1,
        Town => 2,
        City => 3,
        Subdistrict => 6,
        District => 7,
        Mountain | Plain | Valley | Lake | Road => 8,
        Region | Desert => 9,
        Governorate => 10,
        River => 11,
        Country => 12,
        _ => 4,
    }
}

/// The index of the entity at `start..end` (entities are in text order).
fn entity_at(entities: &[Entity], start: usize, end: usize) -> Option<usize> {
    let i = entities.partition_point(|e| e.start < start);
    entities
        .get(i)
        .filter(|e| e.start == start && e.end == end)
        .map(|_| i)
}

/// The start of the word holding `pos`, clitics included.
fn word_start(ntext: &str, pos: usize) -> usize {
    ntext[..pos]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(pos, |(i, _)| i)
}

fn near_word(lex: &Lexicon, word: &str) -> bool {
    let bare = strip_clitic(word);
    let no_article = bare.strip_prefix(ARTICLE).unwrap_or(bare);
    [word, bare, no_article]
        .iter()
        .any(|w| lex.contains(WordClass::PlaceNear, w))
}

/// An area cue before the name at `nstart`: "بادية السخنة", "بريف جسر الشغور", "محيط
/// مطار", "بالقرب من"; with `cued`, before the cue word the name has ("محيط مدينة
/// تدمر").
fn area_cue(ntext: &str, nstart: usize, cued: bool, lex: &Lexicon) -> bool {
    let Some(mut word) = SPACED.prev(ntext, word_start(ntext, nstart)) else {
        return false;
    };
    if cued && !near_word(lex, &ntext[word.0..word.1]) {
        let Some(before) = SPACED.prev(ntext, word.0) else {
            return false;
        };
        word = before;
    }
    let (s, e) = word;
    if near_word(lex, &ntext[s..e]) {
        return true;
    }
    &ntext[s..e] == "من"
        && SPACED
            .prev(ntext, s)
            .is_some_and(|(a, b)| near_word(lex, &ntext[a..b]))
}

/// Whether the mention at `later` only situates the one at `earlier`: it follows it
/// closely (three words at most between, none a conjunction, no clause end).
fn situates(ntext: &str, earlier: (usize, usize), later: (usize, usize)) -> bool {
    let start = word_start(ntext, later.0);
    // "هجين والباغوز": a conjunction glued to the later name joins two places.
    let joined = ntext
        .get(start..later.0)
        .is_some_and(|clitics| clitics.starts_with('و') || clitics.starts_with('ف'));
    !joined && closely_follows(ntext, earlier.1, start)
}

/// One place mention of an event, with what the text says of it.
struct Candidate {
    entity: usize,
    kind: LocationKind,
    precision: u8,
    near: bool,
}

/// The most candidates read before a place for one that it situates: three words at
/// most stand between the two (see [`situates`]), and each candidate between is a word.
const SITUATING_WINDOW: usize = 8;

/// Whether each candidate only situates another: another candidate lies inside it
/// ("حي الشيخ مقصود في حلب"), or it closely follows another ("بلدة الطيبة بريف درعا").
/// Linear in the candidates, so that an event listing thousands of places costs no
/// more per place than one naming two.
fn references(input: &Input<'_>, candidates: &[Candidate]) -> Vec<bool> {
    // How many candidates have each id in their hierarchy, and how many stand for
    // each entity (a candidate's own mentions do not count for it).
    let mut inside: HashMap<&str, usize> = HashMap::default();
    let mut mentions: HashMap<usize, usize> = HashMap::default();
    for c in candidates {
        *mentions.entry(c.entity).or_default() += 1;
        if let Some(admin) = &input.entities[c.entity].admin {
            for unit in [&admin.admin1, &admin.admin2, &admin.admin3]
                .into_iter()
                .flatten()
            {
                *inside.entry(&unit.id).or_default() += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&k| candidates[k].entity);
    let mut out = vec![false; candidates.len()];
    for (at, &k) in order.iter().enumerate() {
        let c = &candidates[k];
        let e = &input.entities[c.entity];
        let own = e.admin.as_ref().is_some_and(|a| a.contains(&e.id));
        let others =
            inside.get(&*e.id).copied().unwrap_or(0) - if own { mentions[&c.entity] } else { 0 };
        let span = input.entity_spans[c.entity];
        out[k] = others > 0
            || order[at.saturating_sub(SITUATING_WINDOW)..at]
                .iter()
                .map(|&o| candidates[o].entity)
                .filter(|&o| o != c.entity)
                .any(|o| situates(input.ntext, input.entity_spans[o], span));
    }
    out
}

/// The place phase: every location of an event gets its record's details, and the
/// event its place.
pub(super) fn locate(input: &Input<'_>, events: &mut [Event], placed: &[Placed]) {
    for (event, p) in events.iter_mut().zip(placed) {
        let mut candidates = Vec::new();
        for arg in &mut event.locations {
            let Some(j) = entity_at(input.entities, arg.start, arg.end) else {
                continue;
            };
            let e = &input.entities[j];
            let EntityType::Location(kind) = e.entity_type else {
                continue;
            };
            arg.entity_type = Some(e.entity_type);
            arg.pcode = e.pcode.clone();
            arg.coordinates = e.coordinates;
            arg.admin = e.admin.clone();
            let nspan = input.entity_spans[j];
            let near =
                e.direction.is_some() || area_cue(input.ntext, nspan.0, e.cue.is_some(), input.lex);
            let base = base_precision(kind);
            let precision = if base == 1 && near { 2 } else { base };
            candidates.push(Candidate {
                entity: j,
                kind,
                precision,
                near,
            });
        }
        let references = references(input, &candidates);
        // The most precise place that is the event's own, not one situating another.
        let own_precision = candidates
            .iter()
            .zip(&references)
            .filter(|(_, r)| !**r)
            .map(|(c, _)| c.precision)
            .min();
        let mut k = 0;
        for arg in &mut event.locations {
            let Some(c) = candidates.get(k) else { break };
            if entity_at(input.entities, arg.start, arg.end) == Some(c.entity) {
                arg.geo_precision = Some(c.precision);
                // Only situating when a more precise or equal place is the event's.
                arg.situates = references[k] && own_precision.is_some_and(|own| own <= c.precision);
                k += 1;
            }
        }
        let best = candidates
            .iter()
            .zip(&references)
            .min_by_key(|(c, reference)| {
                (
                    c.precision,
                    **reference,
                    kind_rank(c.kind),
                    distance(input.entity_spans[c.entity], p.nspan),
                )
            })
            .map(|(c, _)| c);
        event.place = best.map(|c| place_of(&input.entities[c.entity], c));
    }
    // An outcome happens where its cause does, unless placed more precisely.
    for i in 0..events.len() {
        let Some(j) = events[i].part_of.filter(|&j| j < events.len()) else {
            continue;
        };
        let cause = events[j].place.clone();
        let better = match (&events[i].place, &cause) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(own), Some(c)) => c.geo_precision < own.geo_precision,
        };
        if better {
            events[i].place = cause;
        }
    }
}

fn place_of(e: &Entity, c: &Candidate) -> EventPlace {
    EventPlace {
        id: e.id.clone(),
        name: e.name.clone(),
        kind: c.kind,
        geo_precision: c.precision,
        near: c.near,
        direction: e.direction.as_ref().map(|d| d.direction),
        mention: Span {
            start: e.start,
            end: e.end,
            text: e.text.clone(),
        },
        pcode: e.pcode.clone(),
        coordinates: e
            .coordinates
            .or_else(|| e.admin.as_ref().and_then(|a| a.coordinates())),
        admin: e.admin.clone(),
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// A place as the table writes it: (id, geo_precision, near).
    type Placed = Option<(String, u8, bool)>;

    /// The place of the first event.
    fn place(ex: &Extractor, text: &str) -> Placed {
        let doc = ex.extract(text);
        let event = doc.events.first()?;
        event
            .place
            .as_ref()
            .map(|p| (p.id.to_string(), p.geo_precision, p.near))
    }

    #[test]
    fn places_table() {
        let ex = Extractor::default();
        let at = |id: &str, precision: u8, near: bool| Some((id.to_string(), precision, near));
        // (text, the first event's place: id, geo_precision, near)
        let rows: &[(&str, Placed)] = &[
            // The place itself: 1.
            ("قصفت قوات النظام مدينة حمص", at("homs-city", 1, false)),
            (
                "قصفت قوات النظام بلدة السخنة بريف حمص الشرقي",
                at("sukhnah", 1, false),
            ),
            (
                "قصفت قوات النظام بلدة السخنة في ريف تدمر",
                at("sukhnah", 1, false),
            ),
            (
                "دارت اشتباكات عنيفة في حي الخالدية بمدينة حمص",
                at("khalidiya-homs", 1, false),
            ),
            // A desert or area cue before a town: around the town (2), not in the
            // city a direction names.
            (
                "هاجم عناصر تنظيم داعش نقاطا لقوات النظام في بادية السخنة شرقي حمص",
                at("sukhnah", 2, true),
            ),
            (
                "دارت اشتباكات بين الفصائل وقوات النظام في محيط مدينة تدمر",
                at("palmyra", 2, true),
            ),
            (
                "انفجرت عبوة ناسفة بالقرب من مدينة الميادين",
                at("mayadin-city", 2, true),
            ),
            // A direction phrase locates an area near the town: 2.
            (
                "قصفت الطائرات الحربية مواقع شرقي حمص",
                at("homs-city", 2, true),
            ),
            (
                "قصفت الطائرات الحربية مواقع جنوب مدينة الميادين",
                at("mayadin-city", 2, true),
            ),
            // A town with a direction from another: the town itself.
            (
                "قصفت قوات النظام قرية كفرنبل شرقي حمص",
                at("kafr-nabl", 1, false),
            ),
            // Only a larger region: 3.
            ("قصفت قوات النظام ريف حمص الشرقي", at("sy04", 3, true)),
            ("قصفت قوات النظام محافظة إدلب", at("sy07", 3, false)),
            (
                "أطلقت الميليشيات حملة تمشيط في البادية السورية",
                at("badia", 3, false),
            ),
            // "مدينة أريحا" is the town (OCHA community C4278), not the district
            // named after it; the district is a part of a region, 2.
            ("قصفت الطائرات مدينة أريحا", at("c4278", 1, false)),
            ("قصفت الطائرات منطقة أريحا", at("sy0705", 2, false)),
            // The most precise place, not the first or the nearest.
            (
                "قصفت قوات النظام ريف إدلب الجنوبي ومدينة أريحا وقرية كفرنبل",
                at("kafr-nabl", 1, false),
            ),
            // An outcome happens where its cause does.
            (
                "قصفت الطائرات الروسية مدينة الميادين بريف دير الزور الشرقي ما أدى إلى مقتل 3 مدنيين",
                at("mayadin-city", 1, false),
            ),
            // No place, no place.
            ("قصفت قوات النظام مواقع الفصائل", None),
        ];
        for (text, want) in rows {
            assert_eq!(place(&ex, text), *want, "{text}");
        }
        // The outcome's place is its cause's.
        let doc = ex.extract(rows[16].0);
        let killing = doc.events.iter().find(|e| e.part_of.is_some()).unwrap();
        assert_eq!(killing.place, doc.events[0].place);
    }

    /// The situating places of a list are found however far apart the two names stand
    /// (the unit holding a village named fifty places later) and however long the list
    /// before a name that situates its neighbour.
    #[test]
    fn situating_places_are_found_across_a_long_list() {
        let ex = Extractor::default();
        let filler: Vec<&str> = ["مدينة حمص", "مدينة حماة", "مدينة تدمر", "بلدة السخنة"]
            .into_iter()
            .cycle()
            .take(50)
            .collect();
        let situating = |text: &str| -> Vec<(String, bool)> {
            let doc = ex.extract(text);
            let event = doc.events.first().expect("an event");
            event
                .locations
                .iter()
                .filter(|a| !filler.iter().any(|f| f.ends_with(&text[a.start..a.end])))
                .map(|a| (a.id.to_string(), a.situates))
                .collect()
        };
        // Joined by "و": places of a list, none situating its neighbour.
        let list = filler.join(" و");
        let far = format!("قصفت قوات النظام محافظة إدلب و{list} وقرية كفرنبل");
        assert_eq!(
            situating(&far),
            [("sy07".to_string(), true), ("kafr-nabl".to_string(), false)]
        );
        let late = format!("قصفت قوات النظام {list} ومدينة الميادين بريف دير الزور الشرقي");
        let got = situating(&late);
        assert_eq!(got.first(), Some(&("mayadin-city".to_string(), false)));
        assert!(got[1..].iter().all(|(_, situates)| *situates), "{got:?}");
    }

    #[test]
    fn a_following_place_only_situates_the_first() {
        let ntext = crate::normalize::normalize_str("بادية السخنة شرقي حمص وقرية حاس");
        let span = |w: &str| {
            let w = crate::normalize::normalize_str(w);
            let s = ntext.find(&w).unwrap();
            (s, s + w.len())
        };
        assert!(super::situates(&ntext, span("السخنة"), span("حمص")));
        // A conjunction joins another place of the list.
        assert!(!super::situates(&ntext, span("حمص"), span("حاس")));
        assert!(!super::situates(&ntext, span("حمص"), span("السخنة")));
        let ntext = crate::normalize::normalize_str("قصفت قوات النظام بلدتي هجين والباغوز");
        let span = |w: &str| {
            let s = ntext.find(w).unwrap();
            (s, s + w.len())
        };
        assert!(!super::situates(&ntext, span("هجين"), span("الباغوز")));
    }
}
