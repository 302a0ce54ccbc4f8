//! `extract_batch` gives exactly the sequential results, in input order.

use syria_extract::time::Date;
use syria_extract::Extractor;

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
    let date = Date::parse("2019-05-20");
    let batch = extractor.extract_batch(&texts, date);
    assert_eq!(batch.len(), texts.len());
    let mut with_events = 0;
    for (text, doc) in texts.iter().zip(&batch) {
        assert_eq!(doc, &extractor.extract_dated(text, date));
        with_events += usize::from(!doc.events.is_empty());
    }
    assert!(with_events > 10, "the batch should exercise events too");
    // Works on any AsRef<str>, and on an empty batch.
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(extractor.extract_batch(&borrowed, date), batch);
    assert!(extractor.extract_batch::<&str>(&[], None).is_empty());
}
