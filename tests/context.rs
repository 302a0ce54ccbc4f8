//! Names read in their context, end to end on the built-in gazetteers: common words
//! that are places only after the right cue or in a list of places.

use syria_extract::Extractor;

/// The location ids found in a text, in order.
fn places(text: &str) -> Vec<String> {
    let doc = Extractor::default().extract(text);
    for e in &doc.entities {
        assert_eq!(&text[e.start..e.end], e.text, "span of {e:?}");
    }
    doc.locations().map(|e| e.id.to_string()).collect()
}

/// (text, a location id, whether it must be found)
type Row<'a> = (&'a str, &'a str, bool);

fn check(rows: &[Row]) {
    let mut failures = Vec::new();
    for (text, id, want) in rows {
        let got = places(text);
        if got.iter().any(|g| g == id) != *want {
            failures.push(format!("{text}\n   want {id} {want}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_common_word_counts_inside_a_list_of_places_a_settlement_cue_heads() {
    // بردة ("cold") is a village of Aleppo flagged needs_cue.
    check(&[
        (
            "ألقى الطيران المروحي براميل على قرى حريتان وحيان وبردة بريف حلب",
            "c1063",
            true,
        ),
        (
            "ألقى الطيران المروحي براميل على قرى حريتان، حيان، بردة",
            "c1063",
            true,
        ),
        // One name the gazetteer does not know may sit inside the list.
        ("قصفت الطائرات قرى حريتان وكفرقيصون وبردة", "c1063", true),
        // No cue heads the list: no place.
        ("عاد الأهالي إلى حريتان وبردة تضرب المنطقة", "c1063", false),
        // The list ended: a sentence, or an actor, in between.
        (
            "قصفت الطائرات قرى حريتان. وبردة الشتاء قاسية",
            "c1063",
            false,
        ),
        (
            "قصفت الطائرات قرى حريتان وقوات النظام وبردة",
            "c1063",
            false,
        ),
        // A cue that lists no village heads no list of villages.
        ("تقدمت القوات في محيط حريتان وبردة", "c1063", false),
    ]);
}

#[test]
fn homonyms_carry_their_candidates_in_json() {
    let ex = Extractor::default();
    let json = |text: &str| serde_json::to_value(ex.extract(text).entities).unwrap();
    // Decided by the governorate: the candidates, no "ambiguous".
    let decided = json("قصفت قوات النظام قرية الحميدية بريف القنيطرة");
    let hamidiyeh = decided
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "الحميدية")
        .unwrap();
    assert_eq!(hamidiyeh["id"], "c6265");
    assert_eq!(hamidiyeh["candidates"][0], "c6265");
    assert!(hamidiyeh.get("ambiguous").is_none(), "{hamidiyeh}");
    // Nothing decides: flagged.
    let open = json("قصفت الطائرات الحربية حي الصالحية");
    assert_eq!(open[0]["ambiguous"], true, "{open}");
    assert_eq!(open[0]["candidates"][1], "salihiyah-hasakah", "{open}");
    // A name one record has: neither field.
    let single = json("قصفت الطائرات مدينة السخنة");
    assert!(single[0].get("candidates").is_none() && single[0].get("ambiguous").is_none());
}

#[test]
fn actors_in_context_carry_their_reading_in_json() {
    let ex = Extractor::default();
    let text = "سيطر تنظيم داعش على البلدة، وقال التنظيم إن قوات روسية قصفتها";
    let json = serde_json::to_value(ex.extract(text).entities).unwrap();
    let by_text = |t: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"] == t)
            .cloned()
            .unwrap_or_else(|| panic!("{t} in {json}"))
    };
    let isis = by_text("التنظيم");
    assert_eq!(isis["id"], "isis");
    assert_eq!(isis["reference"]["antecedent"]["text"], "تنظيم داعش");
    let start = isis["reference"]["antecedent"]["start"].as_u64().unwrap() as usize;
    let end = isis["reference"]["antecedent"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "تنظيم داعش");
    let russians = by_text("قوات روسية");
    assert_eq!(russians["id"], "russian-forces");
    assert_eq!(russians["affiliation"][0], "russia");
    // A name of the gazetteer has neither field.
    let named = by_text("تنظيم داعش");
    assert!(named.get("reference").is_none() && named.get("affiliation").is_none());
}

/// A reference word reads the entities before it once, whatever the length of the
/// document: it finds its antecedent hundreds of places back, it stands for nothing
/// while nothing it can stand for was named, and it finds the first such name after
/// mentions that found none.
#[test]
fn reference_words_find_their_antecedent_across_a_long_document() {
    let ex = Extractor::default();
    let filler = "قصفت الطائرات الحربية مدينة حمص وقرية كفرنبل وبلدة السخنة. ".repeat(300);
    let unnamed = "وقالت الهيئة إن الوضع هادئ. ".repeat(20);
    let text = format!(
        "{unnamed}{filler}هاجمت هيئة تحرير الشام مواقع قوات النظام. {filler}وقالت الهيئة إنها قتلت عشرة عناصر."
    );
    let doc = ex.extract(text.as_str());
    let references: Vec<_> = doc.entities.iter().filter(|e| e.text == "الهيئة").collect();
    assert_eq!(references.len(), 1, "only the last has an antecedent");
    let antecedent = references[0]
        .reference
        .as_ref()
        .and_then(|r| r.antecedent.as_ref())
        .expect("its antecedent");
    assert_eq!(references[0].id.as_ref(), "hts");
    assert_eq!(&text[antecedent.start..antecedent.end], "هيئة تحرير الشام");
}
