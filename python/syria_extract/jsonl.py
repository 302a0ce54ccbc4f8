"""JSON Lines archives read as ``syria-extract --jsonl`` reads them, for jobs that run
the extractor on workers (Spark, Dask, multiprocessing): no Spark import here.

- :func:`parse_line` reads one archive line with the CLI's rules: the text is the field
  named by ``fields.text``, else ``text``, else ``content``; the id ``fields.id``, else
  ``id`` (a str as it is, a number as its digits; without one the id is ``FILE:LINE``);
  the publication date ``fields.date``, else ``date``, ``published`` or
  ``date_extracted`` (a date that does not read falls back to the default date, as in
  the CLI); the outlet ``fields.source``, else ``source`` or ``outlet``. A line that is
  not a JSON object, has a duplicate key or no text str is an error, not a record.
- :func:`shared_extractor` gives one extractor per process for a set of gazetteer
  files, built on first use: a Spark task calls it on the executor, and the Python
  worker keeps it for every later task.
- :func:`extract_records` runs chunks of records through ``extract_batch`` and
  ``acled_rows`` and yields ACLED rows (``ACLED_COLUMNS`` plus ``article_id``) and
  entity rows (:data:`ENTITY_COLUMNS`) as tuples, ready for a DataFrame.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ._native import ACLED_COLUMNS, parse_date

TEXT_FIELDS = ("text", "content")
ID_FIELDS = ("id",)
DATE_FIELDS = ("date", "published", "date_extracted")
SOURCE_FIELDS = ("source", "outlet")

#: The columns of an entity row: the article, then the entity's fields (cue and
#: direction flattened, coordinates as two numbers).
ENTITY_COLUMNS = (
    "article_id",
    "kind",
    "id",
    "name",
    "start",
    "end",
    "text",
    "type",
    "cue",
    "cue_role",
    "direction",
    "admin1",
    "latitude",
    "longitude",
)

#: The columns of an ACLED row here: ACLED's, then the article it comes from.
ACLED_ROW_COLUMNS = (*ACLED_COLUMNS, "article_id")


@dataclass(frozen=True)
class FieldNames:
    """Which fields hold what; None: the usual names, as in the CLI."""

    text: str | None = None
    id: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Record:
    """One archive line, read."""

    text: str
    id: str
    date: datetime.date | None
    source: str | None


class LineError(ValueError):
    """A line that is no record: ``str(error)`` is the reason."""


class _Object(dict):
    """A JSON object that remembers its first repeated key: the CLI rejects a line
    whose own fields repeat (not one whose nested values do)."""

    repeated: str | None = None


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    record = _Object()
    for key, value in pairs:
        if key in record and record.repeated is None:
            record.repeated = key
        record[key] = value
    return record


def _field(record: dict[str, Any], chosen: str | None, usual: tuple[str, ...]) -> str | None:
    if chosen is not None:
        return chosen if chosen in record else None
    return next((name for name in usual if name in record), None)


def _id_text(value: Any) -> str:
    # The CLI takes a str id's content and any other id's JSON text as written; an
    # integer or a bool reads the same here, a float may be spelled otherwise ("1.50e3"
    # becomes "1500.0").
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def parse_line(
    line: str,
    number: int,
    name: str,
    fields: FieldNames = FieldNames(),
    default_date: datetime.date | None = None,
) -> Record | None:
    """The record of line ``number`` (1-based) of the archive ``name``; None for a blank
    line. Raises :class:`LineError` with the reason for a line that is no record."""
    if number == 1:
        line = line.removeprefix("\ufeff")
    if not line.strip():
        return None
    try:
        record = json.loads(line, object_pairs_hook=_object)
    except ValueError as e:
        raise LineError(str(e)) from None
    if not isinstance(record, dict):
        raise LineError("expected a JSON object")
    if record.repeated is not None:
        raise LineError(f"duplicate field {record.repeated!r}")
    text_key = _field(record, fields.text, TEXT_FIELDS)
    if text_key is None:
        raise LineError(
            f"no field {fields.text!r} (the text field)"
            if fields.text
            else f"no text field (looked for {', '.join(TEXT_FIELDS)})"
        )
    text = record[text_key]
    if not isinstance(text, str):
        raise LineError(f"field {text_key!r} is not a string")
    id_key = _field(record, fields.id, ID_FIELDS)
    article_id = _id_text(record[id_key]) if id_key is not None else f"{name}:{number}"
    date = default_date
    date_key = _field(record, fields.date, DATE_FIELDS)
    if date_key is not None and isinstance(record[date_key], str):
        try:
            date = parse_date(record[date_key])
        except ValueError:
            pass  # as the CLI: reported there, extracted with the default date
    source_key = _field(record, fields.source, SOURCE_FIELDS)
    source = record[source_key] if source_key is not None else None
    return Record(text, article_id, date, source if isinstance(source, str) else None)


@functools.lru_cache(maxsize=4)
def shared_extractor(files: tuple[str, ...] = ()) -> Any:
    """The extractor over the built-in gazetteers and ``files``, built once per process."""
    from . import Extractor

    return Extractor(files=list(files))


def entity_rows(article_id: str, document: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    """The entities of one document as tuples in the order of :data:`ENTITY_COLUMNS`."""
    for e in document["entities"]:
        cue = e.get("cue") or {}
        direction = e.get("direction") or {}
        coordinates = e.get("coordinates") or {}
        yield (
            article_id,
            e["kind"],
            e["id"],
            e["name"],
            e["start"],
            e["end"],
            e["text"],
            e["type"],
            cue.get("text"),
            cue.get("role"),
            direction.get("direction"),
            e.get("admin1"),
            coordinates.get("lat"),
            coordinates.get("lon"),
        )


def extract_records(
    records: Iterable[Record],
    extractor: Any,
    timestamp: int,
    chunk: int = 256,
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """``("entity", row)`` and ``("acled", row)`` for every record, in record order: a
    chunk of records at a time through ``extract_batch`` (every core), then each
    document's ACLED rows from the extracted document (``acled_rows(document=...)``),
    so each text is extracted once."""
    batch: list[Record] = []

    def flush() -> Iterator[tuple[str, tuple[Any, ...]]]:
        docs = extractor.extract_batch([r.text for r in batch], [r.date for r in batch])
        for record, doc in zip(batch, docs):
            for entity in entity_rows(record.id, doc):
                yield ("entity", entity)
            rows = extractor.acled_rows(
                record.text,
                id=record.id,
                date=record.date,
                source=record.source,
                timestamp=timestamp,
                document=doc,
            )
            for row in rows:
                yield ("acled", (*row.values(), record.id))
        batch.clear()

    for record in records:
        batch.append(record)
        if len(batch) >= chunk:
            yield from flush()
    if batch:
        yield from flush()
