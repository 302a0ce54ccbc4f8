"""Type stubs of the Rust extension module ``syria_extract._native``."""

import datetime
import os
from collections.abc import Iterable, Sequence
from typing import final

from typing_extensions import disjoint_base

from .types import AcledRow, Block, DateLike, Document

__all__ = [
    "ACLED_COLUMNS",
    "Blocks",
    "Extractor",
    "GazetteerError",
    "__version__",
    "normalize",
    "parse_date",
]

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

@final
class Blocks:
    """The blocks of a long text, extracted one at a time as they are read."""

    def __iter__(self) -> Blocks: ...
    def __next__(self) -> Block: ...

@disjoint_base
class Extractor:
    """Extracts actors, locations, sources, time expressions and events from Arabic news."""

    def __new__(cls, files: Iterable[str | os.PathLike[str]] | None = None) -> Extractor: ...
    @property
    def files(self) -> list[str]:
        """The gazetteer files added to the built-in ones, as given."""
    def extract(self, text: str, date: DateLike | None = None) -> Document:
        """One text: its entities, events and times, as ``syria-extract extract`` prints
        them (without "file"). Byte offsets into the UTF-8 of ``text``."""
    def extract_blocks(
        self, text: str, date: DateLike | None = None, max_bytes: int = 1048576
    ) -> Blocks:
        """A long text one block of at most ``max_bytes`` at a time, in bounded memory:
        offsets into the whole text, event indexes counting the blocks before."""
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
