//! Events on sentences written for these tests in the style of Syrian conflict news:
//! every kind, every role cue, every time-expression form, fatalities, attribution,
//! claims, and the negative cases (a trigger word in another sense, denied or planned
//! events, the anaphoric "الحملة").

mod common;

use common::check_spans;
use syria_extract::event::{EventKind, Modality, Role};
use syria_extract::time::{Date, TimeKind};
use syria_extract::{Article, Document, Extractor};

/// Expected (actor id, role) pairs of a sentence's first event.
type RoleRow = &'static [(&'static str, Option<Role>)];

/// (sentence, expression, kind, resolved date, precision).
type TimeRow = (
    &'static str,
    &'static str,
    TimeKind,
    Option<&'static str>,
    Option<u8>,
);

fn extract(text: &str) -> Document {
    let doc = Extractor::default().extract(text);
    check_spans(text, &doc);
    doc
}

fn dated(text: &str, date: &str) -> Document {
    let doc = Extractor::default().extract(Article::new(text).published(Date::parse(date).ok()));
    check_spans(text, &doc);
    doc
}

fn kinds(doc: &Document) -> Vec<(EventKind, &str)> {
    doc.events
        .iter()
        .map(|e| (e.kind, e.trigger.text.as_str()))
        .collect()
}

#[test]
fn every_kind_with_its_trigger_forms() {
    use EventKind::*;
    let rows: &[(&str, &[(EventKind, &str)])] = &[
        (
            "بدأت الميليشيات الإيرانية حملة تمشيط جديدة في بادية الميادين.",
            &[(SweepOperation, "حملة تمشيط")],
        ),
        (
            "وتأتي ضمن سلسلة حملات التمشيط التي أطلقتها قوات النظام.",
            &[(SweepOperation, "حملات التمشيط")],
        ),
        (
            "نفذت قوات سوريا الديمقراطية عملية تمشيط في ريف دير الزور الشرقي.",
            &[(SweepOperation, "عملية تمشيط")],
        ),
        (
            "قصفت قوات النظام بلدة كفرنبل بريف إدلب الجنوبي.",
            &[(Shelling, "قصفت")],
        ),
        (
            "وتعرضت قرى سهل الغاب للقصف المدفعي مساء الخميس.",
            &[(Shelling, "القصف المدفعي")],
        ),
        (
            "سقطت قذائف صاروخية على أحياء مدينة حلب.",
            &[(Shelling, "قذائف صاروخية")],
        ),
        // A launch verb with its missiles up to three words on.
        (
            "أطلقت قوات النظام صواريخ على بلدة اللطامنة.",
            &[(Shelling, "أطلقت")],
        ),
        // ... from the air when drones launch them.
        (
            "أطلقت الطائرات المسيرة صاروخين على بلدة اللطامنة.",
            &[(AirStrike, "أطلقت")],
        ),
        (
            "وأطلقت الحكومة سراح عشرات المعتقلين من سجن حماة المركزي.",
            &[],
        ),
        (
            "شنت الطائرات الروسية غارات جوية على ريف إدلب.",
            &[(AirStrike, "غارات جوية")],
        ),
        (
            "وأسفرت ضربة جوية للتحالف الدولي عن تدمير مقر لداعش.",
            &[(AirStrike, "ضربة جوية")],
        ),
        (
            "استهدفت مسيرة مجهولة سيارة قرب البوكمال.",
            &[(AirStrike, "استهدفت مسيرة")],
        ),
        (
            "انفجرت عبوة ناسفة بسيارة عسكرية في درعا البلد.",
            &[(Explosion, "انفجرت")],
        ),
        (
            "أصيب راعيان إثر انفجار لغم أرضي في بادية السخنة.",
            &[(Explosion, "انفجار لغم أرضي")],
        ),
        (
            "تمكن مسلحون مجهولون من اغتيال قيادي سابق في درعا.",
            &[(Killing, "اغتيال")],
        ),
        (
            "لقي عنصر من قوات النظام مصرعه في ريف حماة.",
            &[(Killing, "لقي")],
        ),
        (
            "ولقي شاب مصرعه برصاص مجهولين في مدينة الرقة.",
            &[(Killing, "لقي")],
        ),
        (
            "قُتل ثلاثة مدنيين في قصف على مدينة أريحا.",
            &[(Killing, "قُتل"), (Shelling, "قصف")],
        ),
        (
            "أعلنت مصادر محلية مقتل عنصرين من الفرقة الرابعة.",
            &[(Killing, "مقتل")],
        ),
        (
            "اعتقلت دورية للأمن العسكري شابين في مدينة الصنمين.",
            &[(Arrest, "اعتقلت")],
        ),
        (
            "شنت قوات النظام حملة اعتقالات في بلدة جاسم.",
            &[(Arrest, "حملة اعتقالات")],
        ),
        (
            // A raid with no arrest told is a sweep.
            "وجرت مداهمة منازل في حي الميسات بدمشق.",
            &[(SweepOperation, "مداهمة")],
        ),
        (
            "أقدم مسلحون على اختطاف طفل في مدينة السويداء.",
            &[(Abduction, "اختطاف")],
        ),
        (
            "أرسلت قوات النظام تعزيزات عسكرية إلى ريف إدلب.",
            &[(Reinforcement, "تعزيزات عسكرية")],
        ),
        (
            "ووصل رتل عسكري روسي إلى مطار القامشلي.",
            &[(Reinforcement, "رتل عسكري")],
        ),
        (
            "أعلنت القوات الأمريكية انسحاب جنودها من قاعدة قرب منبج.",
            &[(Withdrawal, "انسحاب")],
        ),
        (
            "أخلت الميليشيات الإيرانية مقرات لها في الميادين.",
            &[(Withdrawal, "أخلت")],
        ),
        (
            "سيطرت هيئة تحرير الشام على بلدة في ريف حلب الغربي.",
            &[(TerritorialChange, "سيطرت")],
        ),
        (
            "خرجت مظاهرة في مدينة إدلب للمطالبة بالإفراج عن المعتقلين.",
            &[(Protest, "مظاهرة")],
        ),
        (
            "نظم أهالي السويداء وقفة احتجاجية أمام مبنى المحافظة.",
            &[(Protest, "وقفة احتجاجية")],
        ),
        (
            "تواصل الميليشيات الإيرانية تجنيد الشبان في دير الزور.",
            &[(Recruitment, "تجنيد")],
        ),
        (
            "ضبطت دورية شحنة مخدرات معدة للتهريب قرب الحدود الأردنية.",
            &[(Smuggling, "شحنة مخدرات")],
        ),
        (
            "وتشهد المنطقة عمليات نهب للمنازل المهجورة.",
            &[(Looting, "عمليات نهب")],
        ),
        (
            "اندلعت اشتباكات عنيفة بين الجيش الوطني وقسد في ريف منبج.",
            &[(ArmedClash, "اشتباكات عنيفة")],
        ),
        (
            "شن تنظيم داعش هجوما على نقاط لقوات النظام.",
            &[(Attack, "هجوما")],
        ),
    ];
    let mut failures = Vec::new();
    for (text, want) in rows {
        let doc = extract(text);
        let got = kinds(&doc);
        // "للتهريب" is reported with its clitic stripped; compare the trigger text
        // allowing for that.
        let same = got.len() == want.len()
            && got
                .iter()
                .zip(want.iter())
                .all(|((gk, gt), (wk, wt))| gk == wk && wt.ends_with(gt));
        if !same {
            failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_kind_has_acled_and_cameo_codes() {
    for kind in EventKind::ALL {
        let (event_type, sub) = kind.acled();
        assert!(!event_type.is_empty() && !sub.is_empty(), "{kind}");
        if let Some(code) = kind.cameo() {
            assert!(code.len() >= 3 && code.bytes().all(|b| b.is_ascii_digit()));
        }
    }
    // Every kind has at least one built-in trigger.
    let gaz = Extractor::default();
    for kind in EventKind::ALL {
        assert!(
            gaz.gazetteer().triggers().iter().any(|t| t.kind == *kind),
            "no trigger for {kind}"
        );
    }
    let doc = extract("اغتال مسلحون مجهولون مختار بلدة طفس.");
    assert_eq!(doc.events[0].cameo_code, "186");
    assert_eq!(doc.events[0].cameo, "18");
    let doc = extract("قتل طفل بتفجير انتحاري في مدينة القامشلي.");
    let blast = doc
        .events
        .iter()
        .find(|e| e.kind == EventKind::Explosion)
        .unwrap();
    assert_eq!(blast.acled.sub_event_type, "Suicide bomb");
}

#[test]
fn negative_cases() {
    let rows: &[&str] = &[
        // The anaphoric "الحملة" is the campaign already reported, not a new event.
        "وتركزت الحملة بشكل خاص في منطقة السخنة.",
        // لقي in the sense of "met with".
        "لقي القرار ترحيبا واسعا من الأهالي في مدينة درعا.",
        // Control as a state, not a takeover.
        "تقع البلدة ضمن مناطق سيطرة قوات النظام.",
        // A drone that is the subject of nothing here; "مسيرة" alone is no event.
        "تحدث الأهالي عن طائرة مسيرة تحلق فوق المنطقة.",
    ];
    for text in rows {
        let doc = extract(text);
        assert_eq!(kinds(&doc), [], "{text}");
    }
}

#[test]
fn denied_and_planned_events_are_reported_as_such() {
    let doc = extract("نفت مصادر محلية مقتل أي عنصر من الفصائل في الهجوم.");
    let killing = doc
        .events
        .iter()
        .find(|e| e.kind == EventKind::Killing)
        .unwrap();
    assert_eq!(killing.modality, Modality::Negated);
    let doc = extract("ومن المقرر أن تبدأ حملة تمشيط جديدة في بادية حمص الأسبوع المقبل.");
    assert_eq!(doc.events.len(), 1);
    assert_eq!(doc.events[0].modality, Modality::Planned);
    let doc = extract("قصفت قوات النظام بلدة كنصفرة.");
    assert_eq!(doc.events[0].modality, Modality::Asserted);
}

#[test]
fn roles_from_cues() {
    fn roles(text: &str) -> Vec<(String, Option<Role>)> {
        let doc = extract(text);
        assert!(!doc.events.is_empty(), "no event in {text}");
        doc.events[0]
            .actors
            .iter()
            .map(|a| (a.id.to_string(), a.role))
            .collect()
    }
    use Role::*;
    let rows: &[(&str, RoleRow)] = &[
        // Subject of the trigger verb.
        (
            "قصفت قوات النظام مواقع لهيئة تحرير الشام.",
            &[("sy-regime-forces", Some(Initiator)), ("hts", Some(Target))],
        ),
        // شنت X ... ضد Y
        (
            "شنت الميليشيات الإيرانية هجمات ضد تنظيم داعش.",
            &[
                ("iran-backed-militias", Some(Initiator)),
                ("isis", Some(Target)),
            ],
        ),
        // من قبل X
        (
            "جرى اعتقال الشاب من قبل قوات النظام.",
            &[
                ("youths", Some(Target)),
                ("sy-regime-forces", Some(Initiator)),
            ],
        ),
        // عناصر من X as victims of a killing.
        (
            "مقتل عشرة من عناصر قوات النظام في كمين.",
            &[("sy-regime-forces", Some(Target))],
        ),
        // على مواقع X
        (
            "هجوم لتنظيم داعش على مواقع الدفاع الوطني.",
            &[("isis", Some(Initiator)), ("ndf", Some(Target))],
        ),
        // استهدف X
        (
            "انفجار عبوة ناسفة استهدف قوات النظام.",
            &[("sy-regime-forces", Some(Target))],
        ),
    ];
    for (text, want) in rows {
        let got = roles(text);
        let want: Vec<(String, Option<Role>)> =
            want.iter().map(|(i, r)| (i.to_string(), *r)).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn locations_with_cue_and_direction() {
    let text = "أطلقت الميليشيات حملة تمشيط في بادية دير الزور الجنوبية والشرقية.";
    let doc = extract(text);
    let ev = &doc.events[0];
    assert_eq!(ev.locations.len(), 1);
    let place = doc
        .entities
        .iter()
        .find(|e| e.start == ev.locations[0].start)
        .unwrap();
    assert_eq!(&*place.id, "sy09");
    assert_eq!(place.cue.as_ref().unwrap().text, "بادية");
    assert!(place.direction.is_some());
    // Two events in one sentence keep their own places.
    let text = "قصفت قوات النظام بلدة السخنة، بينما خرجت مظاهرة في مدينة إدلب.";
    let doc = extract(text);
    let places: Vec<Vec<&str>> = doc
        .events
        .iter()
        .map(|e| e.locations.iter().map(|l| &text[l.start..l.end]).collect())
        .collect();
    assert_eq!(places, [vec!["السخنة"], vec!["إدلب"]]);
}

#[test]
fn time_expressions_every_form() {
    // (text, expression, kind, resolved date with document date 2019-05-20, precision)
    let rows: &[TimeRow] = &[
        (
            "قصفت قوات النظام البلدة في 15 سبتمبر 2018.",
            "15 سبتمبر 2018",
            TimeKind::Date,
            Some("2018-09-15"),
            Some(1),
        ),
        (
            "وفي 2020.08.25 انفجرت عبوة ناسفة.",
            "2020.08.25",
            TimeKind::Date,
            Some("2020-08-25"),
            Some(1),
        ),
        (
            "وفي 23 أيلول/ سبتمبر 2019 اندلعت اشتباكات.",
            "23 أيلول/ سبتمبر 2019",
            TimeKind::Date,
            Some("2019-09-23"),
            Some(1),
        ),
        (
            "ومنتصف أيار/مايو الجاري، أطلقت قوات النظام حملة تمشيط.",
            "منتصف أيار/مايو الجاري",
            TimeKind::Date,
            Some("2019-05-15"),
            Some(2),
        ),
        (
            "وفي كانون الثاني 2017 سيطرت الفصائل على البلدة.",
            "كانون الثاني 2017",
            TimeKind::Date,
            Some("2017-01-01"),
            Some(3),
        ),
        (
            "وفي أواخر تشرين الأول الماضي قتل عنصران.",
            "أواخر تشرين الأول الماضي",
            TimeKind::Date,
            Some("2018-10-25"),
            Some(2),
        ),
        (
            "قصفت الطائرات البلدة أمس الأحد.",
            "أمس الأحد",
            TimeKind::Weekday,
            Some("2019-05-19"),
            Some(1),
        ),
        (
            "تظاهر الأهالي اليوم السبت.",
            "اليوم السبت",
            TimeKind::Weekday,
            Some("2019-05-20"),
            Some(1),
        ),
        (
            "خرجت مظاهرة يوم الجمعة في درعا.",
            "يوم الجمعة",
            TimeKind::Weekday,
            Some("2019-05-17"),
            Some(1),
        ),
        (
            "وقبل أيام، قتل شاب برصاص مجهولين.",
            "قبل أيام",
            TimeKind::Relative,
            Some("2019-05-17"),
            Some(2),
        ),
        (
            "وقبل يومين، وصلت تعزيزات عسكرية.",
            "قبل يومين",
            TimeKind::Relative,
            Some("2019-05-18"),
            Some(1),
        ),
        (
            "تواصل الميليشيات حملات التمشيط منذ عدة أشهر.",
            "منذ عدة أشهر",
            TimeKind::Relative,
            Some("2019-02-20"),
            Some(3),
        ),
        (
            "قتل خمسة عناصر خلال الـ 48 ساعة الماضية.",
            "خلال الـ 48 ساعة الماضية",
            TimeKind::Relative,
            Some("2019-05-18"),
            Some(1),
        ),
        (
            "اعتقلت قوات النظام شابين الشهر الماضي.",
            "الشهر الماضي",
            TimeKind::Relative,
            Some("2019-04-20"),
            Some(3),
        ),
        (
            "وتستمر الحملة لمدة أسبوع واحد فقط.",
            "لمدة أسبوع",
            TimeKind::Duration,
            None,
            None,
        ),
    ];
    let mut failures = Vec::new();
    for (text, expr, kind, date, precision) in rows {
        let doc = dated(text, "2019-05-20");
        let got = doc.times.first().map(|t| {
            (
                t.text.clone(),
                t.kind,
                t.date.map(|d| d.to_string()),
                t.precision,
            )
        });
        let want = Some((
            expr.to_string(),
            *kind,
            date.map(str::to_string),
            *precision,
        ));
        if got != want {
            failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn times_without_a_document_date_stay_typed_but_unresolved() {
    let doc = extract("قصفت الطائرات البلدة أمس الأحد، وقبل يومين وصلت تعزيزات.");
    assert_eq!(doc.times.len(), 2);
    assert!(doc
        .times
        .iter()
        .all(|t| t.date.is_none() && t.precision.is_none()));
    assert_eq!(doc.times[0].kind, TimeKind::Weekday);
    // A full date needs no document date.
    let doc = extract("وفي 15 سبتمبر 2018 قصفت الطائرات البلدة.");
    assert_eq!(doc.times[0].date.unwrap().to_string(), "2018-09-15");
    // Words that only look like time words.
    for text in [
        "مارس النظام ضغوطا على الأهالي.",
        "قبل الهجوم كانت البلدة هادئة.",
        "زار الأب ابنه في السجن.",
    ] {
        assert_eq!(extract(text).times, [], "{text}");
    }
}

#[test]
fn fatalities_numbers_and_lower_bounds() {
    let rows: &[(&str, u32, bool)] = &[
        ("مقتل 10 من عناصر قوات النظام بهجوم لداعش.", 10, false),
        ("قتل 18 عنصرا من الميليشيات في البادية.", 18, false),
        ("أعلنت مصادر مقتل عنصرين من الفرقة الرابعة.", 2, false),
        ("مقتل ثلاثة مدنيين بقصف على أريحا.", 3, false),
        ("مقتل عشرات المدنيين بقصف روسي.", 20, true),
        ("لقي عدد من عناصر لواء القدس مصرعهم.", 2, true),
        ("مقتل ٢٦ جنديًا في هجوم على حاجز.", 26, false),
    ];
    for (text, value, at_least) in rows {
        let doc = extract(text);
        let with = doc.events.iter().find(|e| e.fatalities.is_some());
        let got = with
            .and_then(|e| e.fatality_count.as_ref())
            .map(|c| (c.value, c.at_least));
        assert_eq!(got, Some((*value, *at_least)), "{text}");
    }
    // A killing in the sentence of a violent event is its outcome: the fatalities go
    // to that event, and the killing points to it.
    let doc = extract("قصفت قوات النظام بلدة كفرنبل ما أدى إلى مقتل 4 مدنيين.");
    let shelling = doc
        .events
        .iter()
        .position(|e| e.kind == EventKind::Shelling)
        .unwrap();
    let killing = doc
        .events
        .iter()
        .find(|e| e.kind == EventKind::Killing)
        .unwrap();
    assert_eq!(killing.part_of, Some(shelling));
    assert_eq!(doc.events[shelling].fatalities, Some(4));
    // No number, no fatalities.
    let doc = extract("قصفت قوات النظام بلدة كفرنبل.");
    assert_eq!(doc.events[0].fatalities, None);
}

#[test]
fn shelling_by_aircraft_is_an_air_strike() {
    // The subject before the verb: only the actor shows the strike came from the air.
    let doc = extract("وكانت الطائرات الحربية الروسية قد قصفت أطراف بلدة كفرنبل.");
    let ev = &doc.events[0];
    assert_eq!(ev.kind, EventKind::AirStrike);
    assert_eq!(ev.acled.sub_event_type, "Air/drone strike");
    assert_eq!(ev.cameo_code, "195");
    assert_eq!(ev.cameo, "19");
    // Ground forces shell; aircraft that are the target do not make a strike.
    let doc = extract("قصفت قوات النظام بلدة كفرنبل.");
    assert_eq!(doc.events[0].kind, EventKind::Shelling);
    let doc = extract("قصفت قوات النظام مواقع طيران التحالف في ريف دير الزور.");
    let ev = &doc.events[0];
    assert_eq!(ev.kind, EventKind::Shelling);
    assert!(ev
        .actors
        .iter()
        .any(|a| &*a.id == "us-air-force" && a.role == Some(Role::Target)));
}

#[test]
fn attribution_and_claims() {
    let doc = extract("ووفق مصادر خاصة لمنصة SY24، فإن قوات النظام اعتقلت ثلاثة شبان في جاسم.");
    let ev = &doc.events[0];
    assert_eq!(ev.source.as_ref().map(|s| &*s.id), Some("src-sy24"));
    assert!(!ev.claimed);
    let doc = extract("أفاد المرصد السوري لحقوق الإنسان بمقتل عنصرين في البادية.");
    assert_eq!(
        doc.events[0].source.as_ref().map(|s| &*s.id),
        Some("src-sohr")
    );
    let doc = extract("أطلقت الميليشيات حملة تمشيط بحجة ملاحقة خلايا داعش.");
    assert!(doc.events[0].claimed);
    let doc = extract("وتهدف الحملة حسب زعم الميليشيات إلى ملاحقة داعش بعد تزايد الهجمات ضدهم.");
    let attack = doc
        .events
        .iter()
        .find(|e| e.kind == EventKind::Attack)
        .unwrap();
    assert!(attack.claimed);
    // A hedge in the next sentence, after a full stop or an Urdu full stop (۔), or a
    // word that only contains one ("زعيم", leader), does not make a claim.
    for text in [
        "قصفت قوات النظام بلدة كفرنبل. وادعت الفصائل أنها أسقطت طائرة.",
        "قصفت قوات النظام بلدة كفرنبل۔ وادعت الفصائل أنها أسقطت طائرة.",
        "قصفت قوات النظام بلدة كفرنبل بحضور زعيم المجموعة.",
    ] {
        let doc = extract(text);
        assert!(!doc.events[0].claimed, "{text}");
    }
    let doc = extract("وادعت قوات النظام أنها قصفت مواقع الفصائل في كفرنبل.");
    let shelling = doc.events.iter().find(|e| e.kind == EventKind::Shelling);
    assert!(shelling.is_some_and(|e| e.claimed));
    // No source named in the sentence: none on the event.
    let doc = extract("قصفت قوات النظام بلدة كفرنبل.");
    assert_eq!(doc.events[0].source, None);
}

#[test]
fn json_follows_the_output_contract() {
    let text = "قصفت قوات النظام أمس بلدة كفرنبل ما أدى إلى مقتل 4 مدنيين، وفق المرصد السوري.";
    let doc = dated(text, "2019-05-20");
    let json: serde_json::Value = serde_json::to_value(&doc).unwrap();
    let ev = &json["events"][0];
    assert_eq!(ev["kind"], "shelling");
    let trigger = &ev["trigger"];
    let (s, e) = (
        trigger["start"].as_u64().unwrap() as usize,
        trigger["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], trigger["text"].as_str().unwrap());
    assert_eq!(ev["actors"][0]["role"], "initiator");
    assert_eq!(ev["actors"][0]["id"], "sy-regime-forces");
    assert!(ev["locations"][0]["id"].is_string());
    assert_eq!(ev["time"]["date"], "2019-05-19");
    assert_eq!(ev["time"]["precision"], 1);
    assert_eq!(ev["fatalities"], 4);
    assert_eq!(ev["source"]["id"], "src-sohr");
    assert_eq!(ev["acled"]["event_type"], "Explosions/Remote violence");
    assert_eq!(ev["cameo"], "19");
    assert!(ev["sentence"]["start"].is_u64());
    // Round trip.
    let back: Document = serde_json::from_value(json).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn event_heavy_text_scales_linearly() {
    // One endless sentence of events and names: counts double with the input.
    let unit = "قصفت قوات النظام بلدة السخنة قبل يومين ما أدى إلى مقتل 3 مدنيين، ";
    let count = |n: usize| {
        let text = unit.repeat(n);
        let doc = Extractor::default().extract(&text);
        check_spans(&text, &doc);
        (doc.events.len(), doc.entities.len(), doc.times.len())
    };
    let (a, b) = (count(500), count(1000));
    assert_eq!(b.0, 2 * a.0);
    assert_eq!(b.1, 2 * a.1);
    assert_eq!(b.2, 2 * a.2);
    assert_eq!(a.0, 1000, "two events per unit");
}
