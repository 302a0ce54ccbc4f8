//! `extract_batch` gives exactly the sequential results, in input order.

use syria_extract::time::Date;
use syria_extract::{Article, Extractor};

const FIXTURE: &str = include_str!("fixtures/news.txt");

#[test]
fn batch_equals_sequential() {
    let extractor = Extractor::default();
    // Varied documents: single sentences, whole paragraphs, empty and hostile ones.
    let mut texts: Vec<String> = FIXTURE.lines().map(str::to_string).collect();
    texts.push(FIXTURE.to_string());
    texts.push(String::new());
    texts.push("\u{0640}".repeat(10_000));
    texts.push("قصفت قوات النظام بلدة السخنة قبل يومين ما أدى إلى مقتل 3 مدنيين، ".repeat(200));
    for i in 0..50 {
        texts.push(
            FIXTURE
                .lines()
                .cycle()
                .skip(i)
                .take(i % 7 + 1)
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    // Every other article dated, a day apart: each keeps its own date.
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let date = Date::new(2019, 5, 1 + (i % 28) as u8).unwrap();
            Article::new(t).published((i % 2 == 0).then_some(date))
        })
        .collect();
    let batch = extractor.extract_batch(&articles);
    assert_eq!(batch.len(), texts.len());
    let mut with_events = 0;
    for (article, doc) in articles.iter().zip(&batch) {
        assert_eq!(doc, &extractor.extract(*article));
        with_events += usize::from(!doc.events.is_empty());
    }
    assert!(with_events > 10, "the batch should exercise events too");
    let dated = batch
        .iter()
        .flat_map(|d| &d.times)
        .filter(|t| t.date.is_some())
        .count();
    assert!(dated > 0, "relative times of dated articles resolve");
    assert!(extractor.extract_batch(&[]).is_empty());
}
