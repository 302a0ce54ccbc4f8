"""The Python results equal the command-line tool's for the same input: the JSON of
``syria-extract extract`` (minus its "file"/"id" and passed-through keys) and the CSV of
``syria-extract acled``."""

from __future__ import annotations

import csv
import io
import json

import syria_extract
from conftest import run_cli
from corpus import ARTICLES, generate, write_jsonl

DOC_KEYS = ("entities", "events", "times")
TS = 1_700_000_000


def test_extract_equals_the_cli_json_per_file(extractor, cli, tmp_path):
    for n, a in enumerate(ARTICLES):
        path = tmp_path / f"article-{n}.txt"
        path.write_text(a["text"], encoding="utf-8")
        args = ["extract", path]
        date = syria_extract.parse_date(a["date"]) if a["date"] else None
        if date:
            args += ["--date", date.isoformat()]
        line = json.loads(run_cli(cli, *args))
        assert line.pop("file") == str(path)
        assert extractor.extract(a["text"], a["date"]) == line, a["id"]


def test_extract_batch_equals_the_cli_jsonl(extractor, cli, tmp_path):
    articles = ARTICLES + generate(200)
    archive = write_jsonl(tmp_path / "archive.jsonl", articles)
    lines = [json.loads(x) for x in run_cli(cli, "extract", "--jsonl", archive).splitlines()]
    assert [x["id"] for x in lines] == [a["id"] for a in articles]
    from_cli = [{k: x[k] for k in DOC_KEYS} for x in lines]
    got = extractor.extract_batch([a["text"] for a in articles], [a["date"] for a in articles])
    assert got == from_cli
    assert sum(len(d["events"]) for d in got) > 200


def csv_cells(row: dict) -> list[str]:
    """A row as the CLI's CSV writes it: empty for None, numbers in their shortest form."""
    return ["" if v is None else repr(v) if isinstance(v, float) else str(v) for v in row.values()]


def test_acled_batch_equals_the_cli_csv(extractor, cli, tmp_path):
    articles = ARTICLES + generate(200)
    archive = write_jsonl(tmp_path / "archive.jsonl", articles)
    out = run_cli(cli, "acled", "--jsonl", "--timestamp", str(TS), archive)
    reader = csv.reader(io.StringIO(out))
    assert tuple(next(reader)) == syria_extract.ACLED_COLUMNS
    from_cli = list(reader)
    rows = extractor.acled_batch(
        [a["text"] for a in articles],
        [a["id"] for a in articles],
        dates=[a["date"] for a in articles],
        sources=[a["source"] for a in articles],
        timestamp=TS,
    )
    assert [csv_cells(r) for r in rows] == from_cli
    assert len(rows) > 150
