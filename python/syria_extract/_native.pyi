"""Type stubs of the Rust extension module ``syria_extract._native``.

Documents are the JSON objects of ``syria-extract extract`` as plain dicts; the
TypedDicts below name their fixed keys (design.md section 6). Fields the library adds
later appear in the dicts without a change here, so the TypedDicts are not ``total``
where optional keys exist.
"""

import datetime
import os
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TypedDict, final

DateLike = datetime.date | str
"""A publication date: ``datetime.date`` (or ``datetime.datetime``: its day), or a str
``YYYY-MM-DD`` optionally followed by a time after ``T`` or a space."""

class Span(TypedDict):
    start: int
    end: int
    text: str

class _EntityRequired(TypedDict):
    kind: Literal["actor", "location", "source"]
    id: str
    name: str
    start: int
    end: int
    text: str
    type: str

class Entity(_EntityRequired, total=False):
    cue: dict[str, Any]
    direction: dict[str, Any]
    admin1: str
    coordinates: dict[str, float]

class TimeExpression(TypedDict, total=False):
    kind: Literal["date", "weekday", "relative", "duration"]
    start: int
    end: int
    text: str
    value: dict[str, Any]
    date: str | None
    end_date: str
    precision: int | None

class Event(TypedDict, total=False):
    kind: str
    trigger: Span
    trigger_id: str
    actors: list[dict[str, Any]]
    locations: list[dict[str, Any]]
    time: TimeExpression | None
    fatalities: int | None
    fatality_count: dict[str, Any] | None
    source: dict[str, Any] | None
    claimed: bool
    modality: Literal["asserted", "negated", "planned"]
    sentence: dict[str, Any]
    acled: dict[str, str]
    cameo: str
    cameo_code: str
    part_of: int

class Document(TypedDict):
    entities: list[Entity]
    events: list[Event]
    times: list[TimeExpression]

AcledRow = dict[str, Any]
"""One ACLED record: the keys of ``ACLED_COLUMNS`` in that order; str, int, float or
None values (empty cells are ``""`` or None)."""

ACLED_COLUMNS: tuple[str, ...]
"""ACLED's 31 export columns, in ACLED's order."""

__version__: str

class GazetteerError(ValueError):
    """A gazetteer file that does not load; ``str(error)`` reads ``FILE:LINE: reason``."""

    file: str
    """The file, as given."""
    line: int | None
    """1-based line, or None when the error concerns the whole file."""
    reason: str
    """What is wrong."""

class Extractor:
    """Extracts actors, locations, sources, time expressions and events from Arabic news."""

    def __new__(cls, files: Iterable[str | os.PathLike[str]] | None = None) -> Extractor: ...
    @property
    def files(self) -> list[str]:
        """The gazetteer files added to the built-in ones, as given."""
    def extract(self, text: str, date: DateLike | None = None) -> Document:
        """One text: its entities, events and times, as ``syria-extract extract`` prints
        them (without "file"). Byte offsets into the UTF-8 of ``text``."""
    def extract_batch(
        self,
        texts: Iterable[str],
        dates: DateLike | Iterable[DateLike | None] | None = None,
    ) -> list[Document]:
        """Many texts on every core, GIL released; input order."""
    def acled_rows(
        self,
        text: str,
        *,
        id: str | int,
        date: DateLike | None = None,
        source: str | None = None,
        timestamp: int | None = None,
        document: Document | None = None,
    ) -> list[AcledRow]:
        """The ACLED rows of one article, as ``syria-extract acled`` writes them."""
    def acled_batch(
        self,
        texts: Iterable[str],
        ids: Iterable[str | int],
        *,
        dates: DateLike | Iterable[DateLike | None] | None = None,
        sources: str | Iterable[str | None] | None = None,
        timestamp: int | None = None,
        documents: Sequence[Document] | None = None,
    ) -> list[AcledRow]:
        """The ACLED rows of many articles, on every core, in input order."""
    def _extract_batch_only(
        self,
        texts: Iterable[str],
        dates: DateLike | Iterable[DateLike | None] | None = None,
    ) -> int:
        """For benchmarks: extract_batch without building the results."""
    def __reduce__(self) -> tuple[type[Extractor], tuple[list[str]]]: ...

def normalize(text: str) -> str:
    """The text as the matcher sees it (Arabic folding, white space collapsed)."""

def parse_date(value: DateLike) -> datetime.date:
    """A publication date as the extractor reads it; ValueError or TypeError otherwise."""
