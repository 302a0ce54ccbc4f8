"""acled_rows() and acled_batch(): ACLED's columns, one call or many, and bad input."""

from __future__ import annotations

import time

import pytest

import syria_extract
from corpus import ARTICLES, generate

TS = 1_700_000_000


def _args(articles):
    return (
        [a["text"] for a in articles],
        [a["id"] for a in articles],
        [a["date"] for a in articles],
        [a["source"] for a in articles],
    )


def test_rows_have_acled_columns_in_order(extractor):
    a = ARTICLES[0]
    rows = extractor.acled_rows(a["text"], id=a["id"], date=a["date"], source=a["source"], timestamp=TS)
    assert len(rows) == 1  # the killing is the shelling's outcome, not a row of its own
    row = rows[0]
    assert tuple(row) == syria_extract.ACLED_COLUMNS
    assert len(syria_extract.ACLED_COLUMNS) == 31
    assert row["event_date"] == "2019-05-19" and row["year"] == 2019
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["actor2"] == "Civilians (Syria)" and row["civilian_targeting"] == "Civilian targeting"
    assert (row["location"], row["admin1"]) == ("Al-Sukhnah", "Homs")
    assert row["fatalities"] == 4 and row["timestamp"] == TS
    assert row["source"].startswith("SY24")
    assert row["event_id_cnty"].startswith("SYR")
    assert isinstance(row["latitude"], float)


def test_batch_equals_one_call_per_article(extractor):
    articles = ARTICLES + generate(60)
    texts, ids, dates, sources = _args(articles)
    batch = extractor.acled_batch(texts, ids, dates=dates, sources=sources, timestamp=TS)
    one_by_one = [
        row
        for t, i, d, s in zip(texts, ids, dates, sources)
        for row in extractor.acled_rows(t, id=i, date=d, source=s, timestamp=TS)
    ]
    assert batch == one_by_one
    assert len(batch) > len(articles) // 2
    # Different articles, different event ids.
    assert len({r["event_id_cnty"] for r in batch}) == len(batch)


def test_documents_already_extracted_give_the_same_rows(extractor):
    texts, ids, dates, sources = _args(ARTICLES)
    docs = extractor.extract_batch(texts, dates)
    fresh = extractor.acled_batch(texts, ids, dates=dates, sources=sources, timestamp=TS)
    reused = extractor.acled_batch(texts, ids, dates=dates, sources=sources, timestamp=TS, documents=docs)
    assert reused == fresh
    a = ARTICLES[1]
    assert extractor.acled_rows(
        a["text"], id=a["id"], date=a["date"], timestamp=TS, document=docs[1]
    ) == extractor.acled_rows(a["text"], id=a["id"], date=a["date"], timestamp=TS)


def test_integer_ids_are_their_digits(extractor):
    a = ARTICLES[3]
    assert extractor.acled_rows(a["text"], id=40213, timestamp=TS) == extractor.acled_rows(
        a["text"], id="40213", timestamp=TS
    )


def test_one_date_and_source_for_all(extractor):
    texts, ids, _, _ = _args(ARTICLES)
    rows = extractor.acled_batch(texts, ids, dates="2019-05-20", sources="SY24", timestamp=TS)
    assert rows and all(r["source"].startswith("SY24") for r in rows)
    assert rows == extractor.acled_batch(
        texts, ids, dates=["2019-05-20"] * len(texts), sources=["SY24"] * len(texts), timestamp=TS
    )


def test_timestamp_defaults_to_now(extractor):
    before = int(time.time())
    rows = extractor.acled_rows(ARTICLES[0]["text"], id="x")
    assert before <= rows[0]["timestamp"] <= int(time.time()) + 1


def test_no_event_no_row(extractor):
    assert extractor.acled_rows(ARTICLES[-1]["text"], id="n", timestamp=TS) == []
    assert extractor.acled_batch([], [], timestamp=TS) == []


def test_bad_acled_input_raises(extractor):
    text = ARTICLES[0]["text"]
    with pytest.raises(TypeError):
        extractor.acled_rows(text)  # id is required
    with pytest.raises(TypeError, match="id: expected str or int, got float"):
        extractor.acled_rows(text, id=1.5)
    with pytest.raises(TypeError, match="got bool"):
        extractor.acled_rows(text, id=True)
    with pytest.raises(TypeError, match="timestamp"):
        extractor.acled_rows(text, id="a", timestamp="now")
    with pytest.raises(TypeError, match="source: expected str"):
        extractor.acled_rows(text, id="a", source=5)
    with pytest.raises(ValueError, match="document: not a document"):
        extractor.acled_rows(text, id="a", document={"entities": 3})
    with pytest.raises(ValueError, match=r"ids: expected 2 items"):
        extractor.acled_batch([text, text], ["a"])
    with pytest.raises(TypeError, match=r"ids\[1\]"):
        extractor.acled_batch([text, text], ["a", None])
    with pytest.raises(ValueError, match=r"sources: expected 2 items"):
        extractor.acled_batch([text, text], ["a", "b"], sources=["x"])
    with pytest.raises(ValueError, match=r"documents: expected 2 items"):
        extractor.acled_batch([text, text], ["a", "b"], documents=[])


def test_a_document_of_another_text_does_not_crash(extractor):
    # Offsets past the end of the text: the notes are left empty, nothing panics.
    long_text = ARTICLES[1]["text"] * 3
    doc = extractor.extract(long_text)
    rows = extractor.acled_rows("قصير", id="a", document=doc, timestamp=TS)
    assert rows and all(isinstance(r["notes"], str) for r in rows)
