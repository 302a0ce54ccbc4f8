//! Bounded resources: what building an extractor and extracting one document cost,
//! checked by sizes and counts, never by time.

use syria_extract::{Error, ErrorKind, Extractor};

#[path = "../benches/support/villages.rs"]
mod villages;
use villages::villages;

const LOC: &str =
    "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance";

/// A locations file with one row per name (ids `u0`, `u1` ...), every row flagged
/// `ambiguous` so that generated homonyms load.
fn places(names: &[String]) -> String {
    let mut text = String::from(LOC);
    for (i, name) in names.iter().enumerate() {
        text.push_str(&format!(
            "\nu{i}\tvillage\tU{i}\t{name}\t\t\t\t\t\t\t\tambiguous\tmine"
        ));
    }
    text.push('\n');
    text
}

fn build(text: &str) -> Result<Extractor, Error> {
    Extractor::builder().add_str("mine.tsv", text).build()
}

#[test]
fn the_default_extractor_runs_the_dfa() {
    let ex = Extractor::default();
    assert_eq!(ex.automaton_kind(), "dfa");
    assert!(
        ex.automaton_memory() < 64 << 20,
        "{}",
        ex.automaton_memory()
    );
}

/// A name longer than the cap is an error at its line, however long: a megabyte-long
/// name used to make the build run for ever, 8,000 letters took 5.8 s.
#[test]
fn names_past_the_cap_are_refused_with_their_line() {
    for len in [65, 8_000, 1 << 20] {
        let name = "ب".repeat(len);
        let text = places(&["حي التجربة".to_string(), name]);
        let err = build(&text).unwrap_err();
        assert_eq!((err.file(), err.line()), ("mine.tsv", Some(3)), "{len}");
        assert!(
            matches!(err.kind(), ErrorKind::NameTooLong { column: "name_ar", chars, max: 64 } if *chars == len),
            "{err}"
        );
    }
    // At the cap it loads, and is found.
    let name = "ب".repeat(64);
    let ex = build(&places(std::slice::from_ref(&name))).unwrap();
    assert_eq!(ex.extract(&format!("في {name} اليوم")).entities.len(), 1);
}

/// Names that end in a long run of one letter (which also begins a name) have
/// failure chains as long as the run: the DFA's construction walked them for every
/// state and letter. The build takes the NFA, whose size follows the names.
#[test]
fn self_overlapping_names_build_the_nfa_in_proportion() {
    let mut names: Vec<String> = villages(300)
        .into_iter()
        .map(|v| format!("{}{}", v.replace(' ', ""), "ب".repeat(48)))
        .collect();
    names.push("ب".repeat(64));
    let base = Extractor::default().automaton_memory();
    let ex = build(&places(&names)).unwrap();
    assert_eq!(ex.automaton_kind(), "nfa");
    let added: usize = names.iter().map(String::len).sum();
    let memory = ex.automaton_memory();
    // The NFA for the built-in names and these is smaller than the built-in DFA alone.
    assert!(memory < base, "{memory} bytes, the default DFA {base}");
    assert!(
        memory < 40 * (added + 100_000),
        "{memory} bytes for {added} bytes of names"
    );
    // And it finds them.
    let text = format!("وصلت القوات إلى {} صباحا", names[7]);
    let doc = ex.extract(&text);
    assert_eq!(doc.entities.len(), 1);
    assert_eq!(&*doc.entities[0].id, "u7");
}

/// 20,000 villages of a user's survey: a DFA over them and the built-in names would
/// take 48 MB (200,000 took 682 MB and more). The hybrid keeps DFA rows for the
/// states near the root, 8 MB at most, and lists the children of the others.
#[test]
fn a_large_user_gazetteer_builds_a_small_automaton() {
    let names = villages(20_000);
    let ex = build(&places(&names)).unwrap();
    assert_eq!(ex.automaton_kind(), "hybrid");
    assert!(
        ex.automaton_memory() < 16 << 20,
        "{}",
        ex.automaton_memory()
    );
    assert!(ex.pattern_count() > 20_000);
    let text = format!("قصفت قوات النظام قرية {} صباح اليوم", names[12_345]);
    let ids: Vec<String> = ex
        .extract(&text)
        .entities
        .iter()
        .map(|e| e.id.to_string())
        .collect();
    assert!(ids.contains(&"u12345".to_string()), "{ids:?}");
}

/// The automaton grows with the names, not faster: past its rows, which are capped,
/// each further 10,000 villages past 20,000 add about the same bytes (200,000
/// villages, 4.6 MB of names, take a 35 MB hybrid; the DFA took 682 MB).
#[test]
fn the_automaton_grows_in_proportion_to_the_names() {
    let names = villages(40_000);
    let sizes: Vec<(usize, usize)> = [20_000, 30_000, 40_000]
        .into_iter()
        .map(|count| {
            let ex = build(&places(&names[..count])).unwrap();
            assert_eq!(ex.automaton_kind(), "hybrid", "{count}");
            let bytes: usize = names[..count].iter().map(String::len).sum();
            (bytes, ex.automaton_memory())
        })
        .collect();
    let per_byte = |(b0, m0): (usize, usize), (b1, m1): (usize, usize)| {
        (m1 as f64 - m0 as f64) / (b1 - b0) as f64
    };
    let (first, second) = (per_byte(sizes[0], sizes[1]), per_byte(sizes[1], sizes[2]));
    assert!(
        second < first * 1.25 && second > first * 0.75,
        "{first:.1} bytes per byte of names from 20,000 to 30,000 villages, {second:.1} from 30,000 to 40,000"
    );
    assert!(second < 8.0, "{second:.1} bytes per byte of names");
}

mod counting {
    //! The system allocator, counting per thread the bytes in use and their peak (so
    //! the tests running beside a measurement do not disturb it; extraction runs on
    //! the calling thread).
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Counting;

    thread_local! {
        pub static IN_USE: Cell<isize> = const { Cell::new(0) };
        pub static PEAK: Cell<isize> = const { Cell::new(0) };
    }

    fn add(by: isize) {
        // Ignored while the thread's locals are being torn down.
        let _ = IN_USE.try_with(|u| {
            let now = u.get() + by;
            u.set(now);
            let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
        });
    }

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc(layout) };
            if !p.is_null() {
                add(layout.size() as isize);
            }
            p
        }
        unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
            unsafe { System.dealloc(p, layout) };
            add(-(layout.size() as isize));
        }
        unsafe fn realloc(&self, p: *mut u8, layout: Layout, size: usize) -> *mut u8 {
            let q = unsafe { System.realloc(p, layout, size) };
            if !q.is_null() {
                // Counted as growing in place: the system allocator moves large
                // blocks by remapping their pages, not by copying them.
                add(size as isize - layout.size() as isize);
            }
            q
        }
    }
}

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

/// `f()`'s result, the heap it keeps and the peak above the start while it ran, on
/// this thread.
fn measured<T>(f: impl FnOnce() -> T) -> (T, isize, isize) {
    let before = counting::IN_USE.with(|u| u.get());
    counting::PEAK.with(|p| p.set(before));
    let out = f();
    let peak = counting::PEAK.with(|p| p.get()) - before;
    let kept = counting::IN_USE.with(|u| u.get()) - before;
    (out, kept, peak)
}

const ARTICLES: [&str; 4] = [
    include_str!("fixtures/news.txt"),
    include_str!("fixtures/camps.txt"),
    include_str!("fixtures/raids.txt"),
    include_str!("fixtures/economy.txt"),
];

/// An event of event-dense text keeps under a kilobyte (1,700 bytes before the ACLED
/// and CAMEO codes were borrowed, the argument lists trimmed, the sentence kept as
/// offsets and the parts most events lack boxed), an entity under 300 bytes (345;
/// 203 before the homonym candidates, affiliations and references, 272 with them).
#[test]
fn events_and_entities_are_small() {
    let ex = Extractor::default();
    let text = ARTICLES[0].repeat(100);
    let mut doc = ex.extract(text.as_str());
    assert!(doc.events.len() > 1_000, "{}", doc.events.len());
    let (events, entities) = (doc.events.len(), doc.entities.len());
    let (_, freed_events, _) = measured(|| drop(std::mem::take(&mut doc.events)));
    let (_, freed_entities, _) = measured(|| drop(std::mem::take(&mut doc.entities)));
    let per_event = -freed_events / events as isize;
    let per_entity = -freed_entities / entities as isize;
    assert!(per_event < 1_000, "{per_event} bytes per event");
    assert!(per_entity < 300, "{per_entity} bytes per entity");
}

/// One document's memory is a bounded multiple of its size: the result (every
/// entity and event, 5.4 times the text for news) and, while extracting, the
/// normalized copy and working lists beside it, not a second copy of the events nor
/// the spare room of lists grown by doubling (5 times the text beside the result
/// before, 3.2 after).
#[test]
fn one_document_costs_a_bounded_multiple_of_its_size() {
    let ex = Extractor::default();
    let block = ARTICLES.join("\n\n") + "\n\n";
    let text = block.repeat((2 << 20) / block.len());
    let (doc, kept, peak) = measured(|| ex.extract(text.as_str()));
    assert!(doc.events.len() > 5_000, "{}", doc.events.len());
    let size = text.len() as f64;
    let (kept, peak) = (kept as f64 / size, peak as f64 / size);
    assert!(kept < 6.0, "the result takes {kept:.2} times the text");
    assert!(
        peak < 9.0,
        "extracting took {peak:.2} times the text at its peak"
    );
    assert!(
        peak - kept < 3.5,
        "{:.2} times the text beside the result",
        peak - kept
    );
}

/// One sentence listing a thousand built-in place names (the names fuzz target's
/// sample), the places of one shelling: every pair of its places was compared over
/// the whole text between them, for clause ends and for the words of a phrase, which
/// took 13 s in a release build (a quarter of an hour for all 6,000 names); those
/// scans now stop at the fourth word. Then the homonym scores and the event's
/// situating places compared every pair (all 6,000 names: 13.8 s in release); now a
/// mention reads a window of its neighbours (0.8 s).
#[test]
fn a_sentence_listing_a_thousand_places_is_read_in_one_pass() {
    let ex = Extractor::default();
    let names: Vec<&str> = ex
        .gazetteer()
        .locations()
        .iter()
        .map(|l| l.name_ar.as_str())
        .take(1_000)
        .collect();
    let text = format!("قصفت قوات النظام {}", names.join("، "));
    let doc = ex.extract(text.as_str());
    assert!(doc.entities.len() > 500, "{}", doc.entities.len());
    let shelling = doc.events.first().expect("the shelling");
    assert!(shelling.place.is_some());
    for e in &doc.entities {
        assert_eq!(&text[e.start..e.end], e.text);
    }
}
