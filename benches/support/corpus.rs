//! The documents `benches/extract.rs` and `examples/perf_report.rs` measure, one
//! article at a time as users run the extractor: the crate's own fixture articles
//! (tests/fixtures, so a fresh clone has a corpus), and the real articles of the shared
//! B_news sample when it is present.

/// Our fixture articles: three in the proportions of real news (a few names a
/// paragraph) and the test article, which packs names and events into every line.
const ARTICLES: [&str; 4] = [
    include_str!("../../tests/fixtures/camps.txt"),
    include_str!("../../tests/fixtures/economy.txt"),
    include_str!("../../tests/fixtures/raids.txt"),
    include_str!("../../tests/fixtures/news.txt"),
];

/// The fixture articles in turn as separate documents, about `total` bytes in all.
pub fn fixture_documents(total: usize) -> Vec<String> {
    let mut docs = Vec::new();
    let mut size = 0;
    for article in ARTICLES.iter().cycle() {
        if size >= total {
            break;
        }
        docs.push(article.to_string());
        size += article.len();
    }
    docs
}

/// The dense test article alone, repeated to about `total` bytes: the stress case for
/// resolution and event building (four to five times the names and events of news).
pub fn dense_documents(total: usize) -> Vec<String> {
    let article = ARTICLES[3];
    vec![article.to_string(); total.div_ceil(article.len()).max(1)]
}

/// The article bodies of the B_news sample, or `None` when it is absent.
pub fn b_news_documents() -> Option<Vec<String>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/B_news/saudinewsnet_2015_syria_subset.jsonl"
    );
    let raw = std::fs::read_to_string(path).ok()?;
    let docs: Vec<String> = raw
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v["content"].as_str().map(str::to_string))
        .filter(|body| !body.is_empty())
        .collect();
    (!docs.is_empty()).then_some(docs)
}

/// Total size in bytes.
pub fn total_len(docs: &[String]) -> usize {
    docs.iter().map(String::len).sum()
}
