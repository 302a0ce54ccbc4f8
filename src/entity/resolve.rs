//! Which record a matched name means in its context, and the [`Entity`] it becomes.

use std::sync::Arc;

use super::actors::ActorWords;
use super::context::{Context, CueIndex, Lists};
use super::homonyms::Places;
use super::types::{Cue, DirectionMention, Entity, EntityKind, EntityType};
use crate::gazetteer::{AdminLevels, Gazetteer, RecordRef};
use crate::kinds::{CueRole, LocationKind};
use crate::normalize::Normalized;

/// A matched name in normalized offsets: its word (clitics included) starts at
/// `word_start`, the name itself spans `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameSpan {
    pub word_start: usize,
    pub start: usize,
    pub end: usize,
}

/// What the entity stage keeps between documents: the cue index, and the P-code and
/// administrative levels of every location, derived from the gazetteer once.
#[derive(Debug)]
pub(crate) struct Resolver {
    cues: CueIndex,
    /// Administrative levels of each location (by index).
    admin: Vec<Option<Arc<AdminLevels>>>,
    /// P-code of each location (by index).
    pcodes: Vec<Option<Arc<str>>>,
    /// Governorate id of each location (by index).
    admin1: Vec<Option<Arc<str>>>,
    /// The hierarchy the homonym rules read.
    places: Places,
    /// The words and tables of the actor rules.
    actor_words: ActorWords,
}

impl Resolver {
    pub(crate) fn new(gaz: &Gazetteer) -> Resolver {
        let admin = gaz.all_admin_levels();
        let admin1 = admin
            .iter()
            .map(|a| a.as_ref()?.admin1.as_ref().map(|u| u.id.clone()))
            .collect();
        Resolver {
            cues: CueIndex::new(gaz),
            admin,
            pcodes: gaz
                .locations()
                .iter()
                .map(|l| l.pcode.as_deref().map(Arc::from))
                .collect(),
            admin1,
            places: Places::new(gaz),
            actor_words: ActorWords::new(gaz),
        }
    }

    pub(crate) fn actor_words(&self) -> &ActorWords {
        &self.actor_words
    }

    pub(crate) fn cues(&self) -> &CueIndex {
        &self.cues
    }

    pub(super) fn places(&self) -> &Places {
        &self.places
    }

    pub(super) fn admin1_ids(&self) -> &[Option<Arc<str>>] {
        &self.admin1
    }

    /// The entity a name stands for among its `candidates` records, read in its
    /// context; `None` when no candidate fits the context. `lists` follows the lists
    /// of places through the document, mention by mention.
    pub(crate) fn mention<'r>(
        &'r self,
        gaz: &Gazetteer,
        text: &str,
        norm: &Normalized,
        name: NameSpan,
        candidates: &[RecordRef],
        lists: &mut Lists<'r>,
    ) -> Option<Entity> {
        let ntext = norm.as_str();
        let mut ctx = self
            .cues
            .context(ntext, name.word_start, name.start, name.end);
        ctx.list_head = lists.head(ntext, name);
        let (record, group) = resolve(gaz, candidates, &ctx)?;
        match record {
            RecordRef::Location(_) => lists.push_place(name.end, ctx.introducing_cue()),
            _ => lists.push_other(),
        }
        let mut entity = self.entity(gaz, text, norm, name, record, &ctx)?;
        let homonyms = self.places.homonyms(gaz, &group, record);
        entity.candidates = homonyms
            .iter()
            .filter_map(|&i| gaz.locations().get(i as usize).map(|l| l.id.clone()))
            .collect();
        // Undecided until the document pass reads the places around it.
        entity.ambiguous = !entity.candidates.is_empty();
        Some(entity)
    }

    /// The entity for `record` at `name`, with the cue and direction of its context.
    pub(super) fn entity(
        &self,
        gaz: &Gazetteer,
        text: &str,
        norm: &Normalized,
        name: NameSpan,
        record: RecordRef,
        ctx: &Context<'_>,
    ) -> Option<Entity> {
        let span = norm.original_range(name.start..name.end);
        let slice = |r: std::ops::Range<usize>| text.get(r).unwrap_or_default().to_string();
        let mut admin = None;
        let mut pcode = None;
        let (kind, entity_type, coordinates) = match record {
            RecordRef::Actor(i) => {
                let a = gaz.actors().get(i as usize)?;
                (EntityKind::Actor, EntityType::Actor(a.kind), None)
            }
            RecordRef::Location(i) => {
                let l = gaz.locations().get(i as usize)?;
                admin = self.admin.get(i as usize).cloned().flatten();
                pcode = self.pcodes.get(i as usize).cloned().flatten();
                let kind = EntityType::Location(l.kind);
                (EntityKind::Location, kind, l.coordinates)
            }
            RecordRef::Source(i) => {
                let s = gaz.sources().get(i as usize)?;
                (EntityKind::Source, EntityType::Source(s.kind), None)
            }
            RecordRef::Trigger(_) => return None,
        };
        let admin1 = admin
            .as_ref()
            .and_then(|a| a.admin1.as_ref())
            .map(|u| u.id.clone());
        let id = gaz.record(record)?.id().clone();
        let name_en = name_en(gaz, record)?;
        let cue = ctx.cue.map(|((s, e), entry)| {
            let r = norm.original_range(s..e);
            Box::new(Cue {
                text: slice(r.clone()),
                start: r.start,
                end: r.end,
                role: entry.role,
            })
        });
        let direction = match kind {
            EntityKind::Location => ctx.direction.map(|((s, e), d)| {
                let r = norm.original_range(s..e);
                Box::new(DirectionMention {
                    direction: d,
                    text: slice(r.clone()),
                    start: r.start,
                    end: r.end,
                })
            }),
            _ => None,
        };
        Some(Entity {
            kind,
            id,
            name: name_en,
            start: span.start,
            end: span.end,
            text: slice(span),
            entity_type,
            cue,
            direction,
            admin1,
            coordinates,
            pcode,
            admin,
            candidates: Vec::new(),
            ambiguous: false,
            affiliation: Vec::new(),
            reference: None,
        })
    }
}

/// The English name of an actor, location or source.
fn name_en(gaz: &Gazetteer, r: RecordRef) -> Option<Arc<str>> {
    let i = match r {
        RecordRef::Actor(i) | RecordRef::Location(i) | RecordRef::Source(i) => i as usize,
        RecordRef::Trigger(_) => return None,
    };
    Some(match r {
        RecordRef::Actor(_) => gaz.actors().get(i)?.name_en.clone(),
        RecordRef::Location(_) => gaz.locations().get(i)?.name_en.clone(),
        _ => gaz.sources().get(i)?.name_en.clone(),
    })
}

/// The category of a record, and the cue role that admits it when it is flagged
/// `needs_cue`.
fn category(r: RecordRef) -> Option<(EntityKind, CueRole)> {
    match r {
        RecordRef::Actor(_) => Some((EntityKind::Actor, CueRole::Actor)),
        RecordRef::Location(_) => Some((EntityKind::Location, CueRole::Location)),
        RecordRef::Source(_) => Some((EntityKind::Source, CueRole::Source)),
        RecordRef::Trigger(_) => None,
    }
}

/// Rank of a location kind when no cue decides: the most specific populated place first.
fn default_rank(kind: LocationKind) -> u8 {
    use LocationKind::*;
    match kind {
        City => 0,
        Town => 1,
        Village => 2,
        Neighbourhood => 3,
        Subdistrict => 20,
        District => 21,
        Governorate => 22,
        Country => 23,
        _ => 10,
    }
}

/// The categories in the order the context prefers them: a place after a location cue,
/// a preposition, ب or a direction; a source after a source cue; otherwise an actor
/// first ("تسعى إيران").
fn category_order(ctx: &Context<'_>) -> [EntityKind; 3] {
    use EntityKind::*;
    if ctx.says_location() {
        [Location, Actor, Source]
    } else if ctx.cue_role() == Some(CueRole::Source) {
        [Source, Actor, Location]
    } else {
        [Actor, Location, Source]
    }
}

/// Picks the record a name means in its context, or `None` when no candidate fits;
/// with the candidates of the chosen record's category that the context admits (none
/// listed when the name has one candidate: the chosen record is the only one).
pub(crate) fn resolve(
    gaz: &Gazetteer,
    candidates: &[RecordRef],
    ctx: &Context<'_>,
) -> Option<(RecordRef, Vec<RecordRef>)> {
    let cue = ctx.cue_role();
    // A record flagged `needs_cue` counts only right after a cue of its category; a
    // place only after a location cue that lists its kind, or in a list it heads.
    let usable = |r: RecordRef| -> Option<EntityKind> {
        let (kind, wanted) = category(r)?;
        let needs_cue = gaz.record(r).is_some_and(|x| x.flags().needs_cue);
        let admitted = match r {
            RecordRef::Location(i) => gaz
                .locations()
                .get(i as usize)
                .is_some_and(|l| ctx.admits_common_word(l.kind)),
            _ => cue == Some(wanted),
        };
        (!needs_cue || admitted).then_some(kind)
    };
    // The first category (in the context's order) with a usable candidate; a name has
    // one to three candidates, so testing them again is cheaper than a list of them.
    let want = *category_order(ctx)
        .iter()
        .find(|&&want| candidates.iter().any(|&r| usable(r) == Some(want)))?;
    if let [only] = candidates {
        // Most names have one record: it has no homonyms, and the list is not made
        // (a name's group was an allocation per mention).
        return Some((*only, Vec::new()));
    }
    let group: Vec<RecordRef> = candidates
        .iter()
        .copied()
        .filter(|&r| usable(r) == Some(want))
        .collect();
    let chosen = if !matches!(group.first(), Some(RecordRef::Location(_))) || group.len() == 1 {
        group.first().copied()
    } else {
        choose_location(gaz, &group, ctx)
    }?;
    Some((chosen, group))
}

/// Among places sharing a name: the kind a location cue prefers ("ريف حمص" → the
/// governorate), else the most specific populated place.
fn choose_location(gaz: &Gazetteer, group: &[RecordRef], ctx: &Context<'_>) -> Option<RecordRef> {
    let kind_of = |r: &RecordRef| match r {
        RecordRef::Location(i) => gaz.locations().get(*i as usize).map(|l| l.kind),
        _ => None,
    };
    let prefers: &[LocationKind] = match ctx.cue {
        Some((_, e)) if e.role == CueRole::Location => &e.prefers,
        _ => &[],
    };
    for kind in prefers {
        if let Some(r) = group.iter().find(|r| kind_of(r) == Some(*kind)) {
            return Some(*r);
        }
    }
    group
        .iter()
        .min_by_key(|r| kind_of(r).map(default_rank).unwrap_or(u8::MAX))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    /// The id an extractor-free resolution gives a name in a short text, from the
    /// built-in gazetteer.
    fn resolved(text: &str, name: &str) -> Option<String> {
        resolved_in(Gazetteer::builtin(), text, name)
    }

    fn resolved_in(gaz: &Gazetteer, text: &str, name: &str) -> Option<String> {
        let resolver = Resolver::new(gaz);
        let norm = crate::normalize::normalize(text);
        let ntext = norm.as_str();
        let nname = crate::normalize::normalize_str(name);
        let start = ntext.find(&nname)?;
        let end = start + nname.len();
        let word_start = crate::text::words::word_start_within(ntext, start, 4)?;
        let candidates: Vec<RecordRef> = gaz
            .names()
            .filter(|(_, n, _)| crate::normalize::normalize_str(n) == nname)
            .map(|(r, _, _)| r)
            .collect();
        let span = NameSpan {
            word_start,
            start,
            end,
        };
        resolver
            .mention(gaz, text, &norm, span, &candidates, &mut Lists::default())
            .map(|e| e.id.to_string())
    }

    #[test]
    fn homographs_follow_the_context() {
        // (text, name, expected record)
        let rows: &[(&str, &str, Option<&str>)] = &[
            // A location cue's preferred kinds decide between the city and the
            // governorate.
            ("قصفت قوات النظام ريف حمص", "حمص", Some("sy04")),
            ("قصفت قوات النظام مدينة حمص", "حمص", Some("homs-city")),
            // Without a cue the most specific populated place wins.
            ("وصلت تعزيزات إلى حمص", "حمص", Some("homs-city")),
            // A country is an actor by default and a place after a preposition,
            // the clitic ب or a direction word.
            ("تسعى إيران إلى توسيع نفوذها", "إيران", Some("iran")),
            ("تنتشر الميليشيات في إيران", "إيران", Some("country-ir")),
            (
                "عادت الميليشيات من العراق بإيران",
                "إيران",
                Some("country-ir"),
            ),
            ("انتشرت القوات شرقي سوريا", "سوريا", Some("country-sy")),
        ];
        for (text, name, want) in rows {
            assert_eq!(resolved(text, name).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn a_settlement_cue_means_the_town_not_the_district_named_after_it() {
        // A district and the OCHA community that is its seat share a name, as they
        // will once the communities (P-codes C####) are in the gazetteer; the
        // community is a village, which no cue lists first.
        let rows = "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance\n\
            g\tgovernorate\tIdleb\tإدلب\t\t\t35.9\t36.6\tSY07\t\t\tambiguous\tcurated\n\
            d\tdistrict\tAriha\tأريحا\t\tg\t35.76\t36.55\tSY0705\t\t\tambiguous\tcurated\n\
            s\tsubdistrict\tAriha\tمركز أريحا\t\td\t35.8\t36.61\tSY070500\t\t\t\tcurated\n\
            c4278\tvillage\tAriha\tأريحا\t\ts\t35.81\t36.61\tC4278\t\t\tambiguous\tocha:C4278\n";
        let mut b = Gazetteer::builder();
        for (name, text) in crate::gazetteer::BUILTIN_FILES {
            if name.ends_with("cues.tsv") {
                b = b.add_str(*name, *text);
            }
        }
        let gaz = b.add_str("villages.tsv", rows).build().unwrap();
        // (text, expected record)
        let table: &[(&str, &str)] = &[
            ("قصفت الطائرات مدينة أريحا", "c4278"),
            ("قصفت الطائرات بلدة أريحا", "c4278"),
            ("قصفت الطائرات أريحا", "c4278"),
            ("قصفت الطائرات ريف أريحا", "d"),
            ("قصفت الطائرات منطقة أريحا", "d"),
        ];
        for (text, want) in table {
            assert_eq!(
                resolved_in(&gaz, text, "أريحا").as_deref(),
                Some(*want),
                "{text}"
            );
        }
    }

    #[test]
    fn common_words_need_their_cue() {
        let gaz = Gazetteer::builtin();
        // Every needs_cue location of the built-in data resolves only after a cue.
        let loc = gaz
            .locations()
            .iter()
            .find(|l| l.flags.needs_cue)
            .expect("the built-in data has a needs_cue place");
        let bare = format!("جاء {} اليوم", loc.name_ar);
        let cued = format!("في قرية {} اليوم", loc.name_ar);
        assert_eq!(resolved(&bare, &loc.name_ar), None, "{bare}");
        assert!(resolved(&cued, &loc.name_ar).is_some(), "{cued}");
    }

    #[test]
    fn common_words_need_a_cue_that_lists_their_kind() {
        // (text, name, expected record): بردة, المقبرة, الجسر, الجفرة are villages
        // whose names are also common words (flag needs_cue); الطبقة is such a city.
        let rows: &[(&str, &str, Option<&str>)] = &[
            // A settlement cue lists villages: the village counts.
            ("قصفت قوات النظام قرية بردة بريف حلب", "بردة", Some("c1063")),
            ("سقطت قذائف على بلدة بردة", "بردة", Some("c1063")),
            ("قتل مدنيان في قريتي بردة", "بردة", Some("c1063")),
            // No cue, or a cue that lists no village: no place.
            ("هبت رياح بردة على المنطقة", "بردة", None),
            ("تجمع الأهالي في محيط المقبرة", "المقبرة", None),
            ("انسحبت القوات إلى قاعدة الجسر", "الجسر", None),
            ("أعلنت سيطرتها على منطقة الجفرة", "الجفرة", None),
            // The cue written with the article is a noun with its adjective.
            ("وصلت المساعدات إلى القرية المعزولة", "المعزولة", None),
            // ريف and مدينة list cities: a city named by a common word counts.
            (
                "تقدمت قسد في ريف الطبقة الغربي",
                "الطبقة",
                Some("tabqa-city"),
            ),
            ("قصف الطيران مدينة الطبقة", "الطبقة", Some("tabqa-city")),
            ("تحتل الطبقة الوسطى مكانة مهمة", "الطبقة", None),
        ];
        for (text, name, want) in rows {
            assert_eq!(resolved(text, name).as_deref(), *want, "{text}");
        }
    }
}
