"""The PySpark example (python/examples/spark_acled.py) in local mode: its Parquet rows
equal ``syria-extract acled --jsonl`` and its entities ``syria-extract extract
--jsonl`` for the same archives.

One Spark run covers a generated archive of a few hundred articles (with a BOM, a blank
line, a line that is not JSON, a bad date and an article without an id) and, when it
is there, the B_news subset in ../shared/data. Skipped when pyspark or Java is missing,
unless SYRIA_EXTRACT_REQUIRE_SPARK=1 (as in CI).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from corpus import generate
from syria_extract import ACLED_COLUMNS, jsonl

TS = 1_700_000_000
JOB = REPO / "python" / "examples" / "spark_acled.py"
# The shared data sits beside the repository (CI); $SYRIA_EXTRACT_BNEWS names it elsewhere.
BNEWS = Path(
    os.environ.get("SYRIA_EXTRACT_BNEWS")
    or REPO.parent / "shared" / "data" / "B_news" / "saudinewsnet_2015_syria_subset.jsonl"
)
# The field names of the B_news archive, given explicitly so the options are used.
FIELD_ARGS = [
    "--text-field", "content",
    "--id-field", "doc_id",
    "--date-field", "date_extracted",
    "--source-field", "source",
    "--date", "2019-04-15",
]  # fmt: skip


def _require_spark() -> None:
    missing = []
    try:
        import pyspark  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as e:
        missing.append(str(e))
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("no java")
    if missing:
        if os.environ.get("SYRIA_EXTRACT_REQUIRE_SPARK") == "1":
            pytest.fail(f"Spark test needs pyspark, pyarrow and Java: {missing}")
        pytest.skip(f"needs pyspark, pyarrow and Java: {missing}")


def _generated_archive(path: Path) -> tuple[Path, int, int]:
    """The archive, the line number of the line that is not JSON and of the article
    without an id."""
    articles = generate(300)
    lines = []
    for a in articles:
        record = {
            "doc_id": a["id"],
            "title": a["title"],
            "date_extracted": a["date"],
            "source": a["source"],
            "content": a["text"],
        }
        lines.append(json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False))
    # Not a day: extracted with --date, as the CLI does.
    assert '"date_extracted": "2019-04-07"' in lines[6]
    lines[6] = lines[6].replace('"date_extracted": "2019-04-07"', '"date_extracted": "2019-02-30"')
    lines[40] = ""  # blank: no record, but counted
    lines[77] = '{"content": "نص مقطوع'  # not JSON
    no_id = json.loads(lines[120])
    del no_id["doc_id"]
    lines[120] = json.dumps(no_id, ensure_ascii=False)
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path, 78, 121


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory, cli):
    _require_spark()
    tmp = tmp_path_factory.mktemp("spark")
    archive, bad_line, no_id_line = _generated_archive(tmp / "archive.jsonl")
    inputs = [str(archive)] + ([str(BNEWS)] if BNEWS.is_file() else [])
    out = tmp / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # loopback only
    done = subprocess.run(
        [sys.executable, str(JOB), *inputs, "--out", str(out), *FIELD_ARGS,
         "--timestamp", str(TS), "--partitions", "3", "--master", "local[2]"],
        capture_output=True, text=True, env=env, timeout=1200,
    )  # fmt: skip
    return {
        "inputs": inputs,
        "archive": archive,
        "bad_line": bad_line,
        "no_id_line": no_id_line,
        "out": out,
        "done": done,
        "cli": cli,
    }


def _parquet(directory: Path) -> list[dict]:
    import pyarrow.parquet as pq

    files = sorted(directory.glob("part-*.parquet"))
    assert files, f"no Parquet files in {directory}"
    rows: list[dict] = []
    for f in files:  # part files in partition order, so rows keep input order
        rows.extend(pq.read_table(f).to_pylist())
    return rows


def _csv_cells(values) -> list[str]:
    return ["" if v is None else repr(v) if isinstance(v, float) else str(v) for v in values]


def test_the_job_reports_the_bad_line_as_the_cli_does(spark_run):
    done = spark_run["done"]
    where = f"{spark_run['archive']}:{spark_run['bad_line']}:"
    assert done.returncode == 1, done.stderr[-3000:]
    reported = [x for x in done.stderr.splitlines() if x.startswith("spark_acled: ")]
    assert len(reported) == 1 and where in reported[0], reported
    cli_run = subprocess.run(
        [str(spark_run["cli"]), "acled", "--jsonl", *FIELD_ARGS, str(spark_run["archive"])],
        capture_output=True, text=True,
    )  # fmt: skip
    assert where in cli_run.stderr


def test_acled_parquet_equals_the_cli_csv(spark_run):
    assert spark_run["done"].returncode in (0, 1), spark_run["done"].stderr[-3000:]
    rows = _parquet(spark_run["out"] / "acled")
    assert list(rows[0]) == [*ACLED_COLUMNS, "article_id"]
    out = run_cli(
        spark_run["cli"], "acled", "--jsonl", *FIELD_ARGS, "--timestamp", str(TS),
        *spark_run["inputs"], status=1,
    )  # fmt: skip
    reader = csv.reader(io.StringIO(out))
    assert tuple(next(reader)) == ACLED_COLUMNS
    from_cli = list(reader)
    got = [_csv_cells(r[c] for c in ACLED_COLUMNS) for r in rows]
    assert got == from_cli
    assert len(got) > 200


def test_entity_parquet_equals_the_cli_json(spark_run):
    assert spark_run["done"].returncode in (0, 1), spark_run["done"].stderr[-3000:]
    rows = _parquet(spark_run["out"] / "entities")
    assert tuple(rows[0]) == jsonl.ENTITY_COLUMNS
    expected = []
    for path in spark_run["inputs"]:
        status = 1 if path == str(spark_run["archive"]) else 0
        out = run_cli(spark_run["cli"], "extract", "--jsonl", *FIELD_ARGS, path, status=status)
        # The CLI's lines are in input order, without the blank and the bad lines;
        # an article without an id is FILE:LINE, counted over every line.
        numbers = [
            n
            for n, line in enumerate(Path(path).read_text(encoding="utf-8-sig").split("\n"), 1)
            if line.strip() and not line.startswith('{"content": "نص مقطوع')
        ]
        for number, line in zip(numbers, out.splitlines()):
            doc = json.loads(line)
            article = f"{path}:{number}" if doc["id"] is None else jsonl._id_text(doc["id"])
            expected.extend(list(r) for r in jsonl.entity_rows(article, doc))
    got = [list(r.values()) for r in rows]
    assert got == expected
    assert len(got) > 600
    no_id = f"{spark_run['archive']}:{spark_run['no_id_line']}"
    assert any(r["article_id"] == no_id for r in rows)
    if len(spark_run["inputs"]) == 2:  # B_news too: its articles have no id field
        assert any(r["article_id"].startswith(f"{BNEWS}:") for r in rows)
