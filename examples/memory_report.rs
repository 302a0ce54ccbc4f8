//! Memory of one huge document through `Extractor::extract`: the peak heap (counted by
//! a wrapping allocator) and the peak resident set (Linux `VmHWM`, reset before the
//! call), each also as a multiple of the document's size, and the heap the result
//! keeps per event and per entity.
//!
//! ```text
//! cargo run --release --example memory_report -- 100          # 100 MB of news-like text
//! cargo run --release --example memory_report -- 1000 --dense # 1 GB of the dense article
//! ```
//!
//! `--bnews` takes the B_news article bodies (../shared/data) instead, when present.
//! The document is the fixture articles (tests/fixtures) in turn, separated by blank
//! lines, as an archive concatenated into one file would be; `--dense` repeats the test
//! article, which holds four to five times as many events per kilobyte as news.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use syria_extract::Extractor;

#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)]
mod corpus;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let now = IN_USE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A field of /proc/self/status in bytes (Linux).
fn status(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mb: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100);
    let dense = args.iter().any(|a| a == "--dense");
    let bnews = args.iter().any(|a| a == "--bnews");
    let articles = if dense {
        corpus::dense_documents(1 << 20)
    } else if bnews {
        corpus::b_news_documents().expect("the B_news sample is absent")
    } else {
        corpus::fixture_documents(1 << 20)
    };
    let block = articles.join("\n\n") + "\n\n";
    let size = mb * 1_000_000;
    let mut text = String::with_capacity(size + block.len());
    while text.len() < size {
        text.push_str(&block);
    }
    let extractor = Extractor::default();
    let heap_before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(heap_before, Ordering::Relaxed);
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0 and later).
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let rss_before = status("VmRSS:").unwrap_or(0);
    let clock = std::time::Instant::now();
    let doc = extractor.extract(text.as_str());
    let took = clock.elapsed().as_secs_f64();
    let heap_peak = PEAK.load(Ordering::Relaxed) - heap_before;
    let heap_kept = IN_USE.load(Ordering::Relaxed) - heap_before;
    let rss_peak = status("VmHWM:").unwrap_or(0);
    let n = text.len() as f64;
    println!(
        "document {:.1} MB ({}), {} entities, {} events, {} times, extracted in {took:.2} s",
        n / 1e6,
        if dense {
            "dense article"
        } else if bnews {
            "B_news articles"
        } else {
            "fixture articles"
        },
        doc.entities.len(),
        doc.events.len(),
        doc.times.len()
    );
    println!(
        "heap during extract: peak {:.1} MB ({:.2}x the document), kept in the result {:.1} MB ({:.2}x)",
        heap_peak as f64 / 1e6,
        heap_peak as f64 / n,
        heap_kept as f64 / 1e6,
        heap_kept as f64 / n
    );
    if reset {
        println!(
            "process: RSS {:.1} MB before extract (document and extractor), peak {:.1} MB during ({:.2}x the document)",
            rss_before as f64 / 1e6,
            rss_peak as f64 / 1e6,
            rss_peak as f64 / n
        );
    }
    // What the result keeps per event and per entity: the heap freed by dropping each.
    let mut doc = doc;
    let (n_events, n_entities) = (doc.events.len().max(1), doc.entities.len().max(1));
    let heap = || IN_USE.load(Ordering::Relaxed);
    let before_events = heap();
    drop(std::mem::take(&mut doc.events));
    let event_heap = before_events - heap();
    let before_entities = heap();
    drop(std::mem::take(&mut doc.entities));
    let entity_heap = before_entities - heap();
    println!(
        "kept per event: {:.0} bytes ({} inline); per entity: {:.0} bytes ({} inline)",
        event_heap as f64 / n_events as f64,
        std::mem::size_of::<syria_extract::event::Event>(),
        entity_heap as f64 / n_entities as f64,
        std::mem::size_of::<syria_extract::Entity>(),
    );
}
