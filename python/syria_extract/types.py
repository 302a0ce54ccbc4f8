"""Types of the results, for annotations: the dicts are plain dicts at run time.

Documents are the JSON objects of ``syria-extract extract``; the TypedDicts name their
fixed keys (design.md section 6). Keys the library adds later appear in the dicts
without a change here, which is why the TypedDicts with optional keys are not total.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal, TypedDict, Union

__all__ = [
    "AcledRow",
    "Block",
    "DateLike",
    "Document",
    "Entity",
    "Event",
    "Span",
    "TimeExpression",
]

DateLike = Union[datetime.date, str]
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
    pcode: str
    admin: dict[str, Any]
    candidates: list[str]
    ambiguous: bool
    affiliation: list[str]
    reference: dict[str, Any]


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
    trigger_words: list[Span]
    actors: list[dict[str, Any]]
    locations: list[dict[str, Any]]
    place: dict[str, Any]
    unnamed_place: Span
    time: TimeExpression | None
    fatalities: int | None
    fatalities_at_least: bool
    fatality_count: dict[str, Any] | None
    wounded: dict[str, Any]
    casualties: dict[str, Any]
    tally: dict[str, Any]
    mention: str
    refers_to: int
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


class Block(TypedDict):
    """One block of a long text (``Extractor.extract_blocks``): its byte span in the
    text's UTF-8 and its document, with offsets into the whole text."""

    start: int
    end: int
    document: Document


AcledRow = dict[str, Any]
"""One ACLED record: the keys of ``ACLED_COLUMNS`` in that order; str, int, float or
None values (empty cells are ``""`` or None)."""
