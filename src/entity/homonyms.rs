//! Places that share a name and a kind, told apart by the place named right after
//! them: "حي الخالدية بمدينة حمص" is the Khalidiyah of Homs, not of Aleppo; "قرية
//! الطيبة بريف درعا" the Taybeh of Daraa. OCHA's communities repeat many names across
//! governorates, and news situates a village by its district or governorate.

use super::resolve::{NameSpan, Resolver};
use super::types::{Entity, EntityKind, EntityType};
use crate::gazetteer::{Gazetteer, RecordRef};
use crate::normalize::Normalized;
use crate::text::words::closely_follows;

/// A resolved mention whose name several places of one kind share: the entity's index,
/// its name span and the records the name may mean.
pub(crate) type Homonym = (usize, NameSpan, Vec<RecordRef>);

impl Resolver {
    /// Re-resolves each homonym place followed closely by another place: to the
    /// candidate of the same kind that lies inside that place, when there is one.
    /// `spans` are the normalized spans of `entities`.
    pub(crate) fn situate_homonyms(
        &self,
        gaz: &Gazetteer,
        text: &str,
        norm: &Normalized,
        entities: &mut [Entity],
        spans: &[(usize, usize)],
        homonyms: &[Homonym],
    ) {
        for (i, name, candidates) in homonyms {
            let i = *i;
            let (Some(me), Some(next)) = (entities.get(i), entities.get(i + 1)) else {
                continue;
            };
            let EntityType::Location(kind) = me.entity_type else {
                continue;
            };
            if next.kind != EntityKind::Location {
                continue;
            }
            let word_start = norm.as_str()[..spans[i + 1].0]
                .char_indices()
                .rev()
                .take_while(|(_, c)| crate::text::words::is_word_char(*c))
                .last()
                .map_or(spans[i + 1].0, |(k, _)| k);
            if !closely_follows(norm.as_str(), spans[i].1, word_start) {
                continue;
            }
            let container = &next.id;
            let inside = candidates.iter().copied().find(|&r| {
                let RecordRef::Location(k) = r else {
                    return false;
                };
                let Some(l) = gaz.locations().get(k as usize) else {
                    return false;
                };
                l.kind == kind && l.id != me.id && gaz.ancestors(&l.id).any(|a| &a.id == container)
            });
            // Only when the chosen one does not lie inside it already.
            let already = gaz.ancestors(&me.id).any(|a| &a.id == container);
            if let (Some(r), false) = (inside, already) {
                if let Some(e) = self.mention(gaz, text, norm, *name, &[r]) {
                    entities[i] = e;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::Extractor;

    #[test]
    fn a_homonym_is_the_one_inside_the_place_after_it() {
        let rows = "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance\n\
            ga\tgovernorate\tA\tحلبون\t\t\t36\t37\tSY02\t\t\t\tcurated\n\
            gb\tgovernorate\tB\tدرعون\t\t\t32\t36\tSY12\t\t\t\tcurated\n\
            ta\tvillage\tTaybeh A\tالطيبة\t\tga\t36.1\t37.1\tC1\t\t\tambiguous\tcurated\n\
            tb\tvillage\tTaybeh B\tالطيبة\t\tgb\t32.1\t36.1\tC2\t\t\tambiguous\tcurated\n";
        let mut b = Extractor::builder().builtin(false);
        for (name, text) in crate::gazetteer::BUILTIN_FILES {
            if name.ends_with("cues.tsv") {
                b = b.add_str(*name, *text);
            }
        }
        let ex = b.add_str("villages.tsv", rows).build().unwrap();
        let first = |text: &str| ex.extract_entities(text)[0].id.to_string();
        // (text, the village meant)
        let table: &[(&str, &str)] = &[
            ("قصفت الطائرات قرية الطيبة بريف درعون", "tb"),
            ("قصفت الطائرات قرية الطيبة في محافظة درعون", "tb"),
            ("قصفت الطائرات قرية الطيبة بريف حلبون", "ta"),
            // No place after it, or another place of a list: the first listed.
            ("قصفت الطائرات قرية الطيبة", "ta"),
            ("قصفت الطائرات قرية الطيبة ومحافظة درعون", "ta"),
        ];
        for (text, want) in table {
            assert_eq!(first(text), *want, "{text}");
        }
        assert!(Gazetteer::builtin().location("khalidiya-homs").is_some());
        let homs = Extractor::default().extract_entities("دارت اشتباكات في حي الخالدية بمدينة حمص");
        assert_eq!(&*homs[0].id, "khalidiya-homs");
    }
}
