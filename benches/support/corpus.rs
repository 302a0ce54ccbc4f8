//! The documents `benches/extract.rs` and `examples/perf_report.rs` measure, one
//! article at a time as users run the extractor: the crate's own fixture article
//! (tests/fixtures/news.txt, so a fresh clone has a corpus), and the real articles of
//! the shared B_news sample when it is present.

/// The fixture article repeated as separate documents, about `total` bytes in all.
pub fn fixture_documents(total: usize) -> Vec<String> {
    let article = include_str!("../../tests/fixtures/news.txt");
    let count = total.div_ceil(article.len()).max(1);
    vec![article.to_string(); count]
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
