"""syria_extract.jsonl: archive lines read with the CLI's rules, and the row builder the
Spark job uses (without Spark)."""

from __future__ import annotations

import datetime

import pytest

from syria_extract import ACLED_COLUMNS, jsonl
from corpus import ARTICLES

D = datetime.date
DEFAULT = D(2019, 4, 15)


@pytest.mark.parametrize(
    "line, fields, want",
    [
        # (text, id, date, source)
        ('{"text": "t", "id": "a-1", "date": "2015-08-01", "source": "SY24"}', {},
         ("t", "a-1", D(2015, 8, 1), "SY24")),
        ('{"content": "t", "date_extracted": "2015-07-21 02:51:32", "outlet": "aawsat"}', {},
         ("t", "archive.jsonl:3", D(2015, 7, 21), "aawsat")),
        ('{"text": "first", "content": "second", "id": 123456789012345678901234567890}', {},
         ("first", "123456789012345678901234567890", DEFAULT, None)),
        ('{"body": "t", "doc": 7, "when": "2020-03-10T08:00:00Z", "site": "X", "text": "no"}',
         {"text": "body", "id": "doc", "date": "when", "source": "site"},
         ("t", "7", D(2020, 3, 10), "X")),
        # A date that is no date, or no str, falls back to the default date.
        ('{"text": "t", "date": "yesterday"}', {}, ("t", "archive.jsonl:3", DEFAULT, None)),
        ('{"text": "t", "date": null, "published": "2015-08-01"}', {},
         ("t", "archive.jsonl:3", DEFAULT, None)),
        ('{"text": "t", "source": 5, "id": null}', {}, ("t", "null", DEFAULT, None)),
        # A nested repeated key is no duplicate field.
        ('{"text": "t", "meta": {"a": 1, "a": 2}}', {}, ("t", "archive.jsonl:3", DEFAULT, None)),
    ],
)  # fmt: skip
def test_lines_read_as_the_cli_reads_them(line, fields, want):
    record = jsonl.parse_line(line, 3, "archive.jsonl", jsonl.FieldNames(**fields), DEFAULT)
    assert (record.text, record.id, record.date, record.source) == want


@pytest.mark.parametrize(
    "line, reason",
    [
        ("[1, 2]", "expected a JSON object"),
        ('{"text": 5}', "is not a string"),
        ('{"title": "t"}', "no text field"),
        ('{"text": "a", "text": "b"}', "duplicate field 'text'"),
        ('{"text": "a"', "Expecting"),
    ],
)
def test_bad_lines_say_why(line, reason):
    with pytest.raises(jsonl.LineError, match=reason):
        jsonl.parse_line(line, 3, "archive.jsonl")


def test_blank_lines_and_the_bom():
    assert jsonl.parse_line("   ", 4, "a.jsonl") is None
    assert jsonl.parse_line('\ufeff{"text": "t"}', 1, "a.jsonl").text == "t"
    with pytest.raises(jsonl.LineError):
        jsonl.parse_line('\ufeff{"text": "t"}', 2, "a.jsonl")  # a BOM only starts a file


def test_extract_records_gives_entities_and_acled_rows_once_per_text(extractor):
    records = [
        jsonl.Record(a["text"], str(a["id"]), None, a["source"]) for a in ARTICLES
    ]
    out = list(jsonl.extract_records(records, extractor, timestamp=5, chunk=4))
    entities = [row for kind, row in out if kind == "entity"]
    acled = [row for kind, row in out if kind == "acled"]
    assert all(len(r) == len(jsonl.ENTITY_COLUMNS) for r in entities)
    want_entities = [
        r
        for rec in records
        for r in jsonl.entity_rows(rec.id, extractor.extract(rec.text))
    ]
    assert entities == want_entities
    want_acled = [
        (*row.values(), rec.id)
        for rec in records
        for row in extractor.acled_rows(rec.text, id=rec.id, source=rec.source, timestamp=5)
    ]
    assert acled == want_acled and len(acled[0]) == len(ACLED_COLUMNS) + 1
    assert jsonl.shared_extractor() is jsonl.shared_extractor()
