"""ACLED rows and entities of a JSON Lines news archive, with PySpark, to Parquet.

    spark-submit python/examples/spark_acled.py archive.jsonl [more.jsonl ...] \
        --out results/ [--text-field body] [--id-field doc_id] [--date-field published] \
        [--source-field outlet] [--date 2019-05-20] [--gazetteer my_villages.tsv] \
        [--timestamp SECONDS] [--partitions N]

writes ``results/acled`` (ACLED's 31 columns and ``article_id``) and
``results/entities`` (one row per actor, place and source mention), both Parquet.
Lines are read as ``syria-extract acled --jsonl`` reads them (``syria_extract.jsonl``),
so the rows equal the CLI's for the same archive, ids, dates and ``--timestamp``; a
line that is no record is reported on stderr as ``FILE:LINE: reason`` and skipped.

Each executor's Python worker builds one extractor, on its first task, and keeps it
(``syria_extract.jsonl.shared_extractor``); each partition is extracted in chunks of
256 articles with ``extract_batch``, which uses every core the worker has. Run with
``python spark_acled.py ...`` it starts a local Spark (``--master local[*]``). The
README (Python, "On a cluster") shows spark-submit with the wheel shipped to the
executors.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import types as T

import syria_extract
from syria_extract import jsonl

_INT_COLUMNS = {
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "geo_precision",
    "start",
    "end",
}
_LONG_COLUMNS = {"fatalities", "timestamp"}
_DOUBLE_COLUMNS = {"latitude", "longitude"}


def schema(columns: tuple[str, ...]) -> T.StructType:
    def kind(c: str) -> T.DataType:
        if c in _INT_COLUMNS:
            return T.IntegerType()
        if c in _LONG_COLUMNS:
            return T.LongType()
        if c in _DOUBLE_COLUMNS:
            return T.DoubleType()
        return T.StringType()

    return T.StructType([T.StructField(c, kind(c), True) for c in columns])


def executor_files(files: tuple[str, ...]) -> tuple[str, ...]:
    """A gazetteer path as given when the executor can read it, else the copy that
    spark-submit --files shipped (SparkFiles)."""
    return tuple(f if os.path.exists(f) else SparkFiles.get(os.path.basename(f)) for f in files)


def process_partition(options: dict[str, Any], lines) -> Any:
    """(archive, line number, line) in; ("entity" | "acled" | "bad", tuple) out."""
    extractor = jsonl.shared_extractor(executor_files(options["gazetteers"]))
    fields = options["fields"]
    default_date = options["date"]
    bad: list[tuple[str, tuple[Any, ...]]] = []

    def records():
        for name, number, line in lines:
            try:
                record = jsonl.parse_line(line, number, name, fields, default_date)
            except jsonl.LineError as e:
                bad.append(("bad", (name, number, str(e))))
                continue
            if record is not None:
                yield record

    yield from jsonl.extract_records(records(), extractor, options["timestamp"])
    yield from bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines archives (paths Spark can read)")
    parser.add_argument("--out", required=True, help="output directory (acled/, entities/)")
    parser.add_argument("--text-field")
    parser.add_argument("--id-field")
    parser.add_argument("--date-field")
    parser.add_argument("--source-field")
    parser.add_argument("--date", help="publication date of articles without one (YYYY-MM-DD)")
    parser.add_argument("--gazetteer", action="append", default=[], help="repeatable")
    parser.add_argument("--timestamp", type=int, help="the timestamp column [default: now]")
    parser.add_argument("--partitions", type=int, help="minimum input partitions per archive")
    parser.add_argument("--master", help="Spark master, overriding spark-submit's [local[*]]")
    args = parser.parse_args(argv)

    default_date = syria_extract.parse_date(args.date) if args.date else None
    # A gazetteer file that does not load fails here, once, with FILE:LINE: reason.
    syria_extract.Extractor(files=args.gazetteer)

    builder = SparkSession.builder.appName("syria-extract ACLED")
    if args.master:
        # Without one, spark-submit's --master holds, and plain `python` runs local[*].
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    options = {
        "fields": jsonl.FieldNames(args.text_field, args.id_field, args.date_field, args.source_field),
        "date": default_date,
        "gazetteers": tuple(args.gazetteer),
        "timestamp": args.timestamp if args.timestamp is not None else int(time.time()),
    }

    def numbered(path: str):
        # zipWithIndex numbers the lines of one archive in order, as the CLI counts them.
        lines = sc.textFile(path, args.partitions) if args.partitions else sc.textFile(path)
        return lines.zipWithIndex().map(lambda li, p=path: (p, li[1] + 1, li[0]))

    lines = sc.union([numbered(p) for p in args.inputs])
    results = lines.mapPartitions(lambda it: process_partition(options, it))
    # Both outputs and the report read the results: extract once.
    results.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        acled = results.filter(lambda r: r[0] == "acled").map(lambda r: r[1])
        entities = results.filter(lambda r: r[0] == "entity").map(lambda r: r[1])
        spark.createDataFrame(acled, schema(jsonl.ACLED_ROW_COLUMNS)).write.mode(
            "overwrite"
        ).parquet(os.path.join(args.out, "acled"))
        spark.createDataFrame(entities, schema(jsonl.ENTITY_COLUMNS)).write.mode(
            "overwrite"
        ).parquet(os.path.join(args.out, "entities"))
        bad = results.filter(lambda r: r[0] == "bad").map(lambda r: r[1]).collect()
    finally:
        results.unpersist()
        spark.stop()
    for name, number, reason in sorted(bad):
        print(f"spark_acled: {name}:{number}: {reason}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
