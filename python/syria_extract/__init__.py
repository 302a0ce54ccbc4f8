"""Actors, locations, sources, times and events from Arabic news about the Syrian conflict.

The Rust library syria-extract, from Python. Results are plain dicts and lists in the
JSON shape of the command-line tool ``syria-extract extract``; offsets are byte offsets
into the UTF-8 encoding of the text.

>>> from syria_extract import Extractor
>>> ex = Extractor()
>>> doc = ex.extract("قصفت قوات النظام أمس بلدة السخنة بريف حمص", date="2019-05-20")
>>> [e["name"] for e in doc["entities"]]
['Syrian government forces', 'Al-Sukhnah', 'Homs']
>>> doc["events"][0]["kind"], doc["events"][0]["time"]["date"]
('shelling', '2019-05-19')

Many articles: ``ex.extract_batch(texts, dates)`` and ``ex.acled_batch(texts, ids,
dates=...)`` run on every core with the GIL released; ``ex.acled_dataframe(...)`` and
``to_dataframe(rows)`` give pandas DataFrames when pandas is installed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._native import (
    ACLED_COLUMNS,
    GazetteerError,
    __version__,
    normalize,
    parse_date,
)
from ._native import Extractor as _NativeExtractor
from .types import AcledRow, Block, DateLike, Document, Entity, Event, TimeExpression

if TYPE_CHECKING:  # pandas is optional
    import pandas

__all__ = [
    "ACLED_COLUMNS",
    "AcledRow",
    "Block",
    "DateLike",
    "Document",
    "Entity",
    "Event",
    "Extractor",
    "GazetteerError",
    "TimeExpression",
    "__version__",
    "normalize",
    "parse_date",
    "to_dataframe",
]

# ACLED's numeric columns; every other column is text. Nullable integers keep empty
# cells empty instead of turning the column into floats.
_NULLABLE_INT_COLUMNS = (
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "geo_precision",
    "timestamp",
)
_FLOAT_COLUMNS = ("latitude", "longitude")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "syria_extract's DataFrame helpers need pandas, which is not installed: "
            "pip install pandas (or pip install 'syria-extract[pandas]')"
        ) from e
    return pandas


def to_dataframe(rows: Iterable[AcledRow | Mapping[str, Any]]) -> pandas.DataFrame:
    """ACLED rows (from ``acled_rows`` or ``acled_batch``) as a pandas DataFrame.

    The columns are ``ACLED_COLUMNS`` in ACLED's order, also when there are no rows;
    the integer columns that may be empty (``year``, ``inter1`` ...) are pandas'
    nullable ``Int64``, ``fatalities`` is ``int64``, ``latitude`` and ``longitude``
    are floats, the rest is text. Raises ImportError when pandas is not installed.

    >>> import syria_extract
    >>> ex = syria_extract.Extractor()
    >>> rows = ex.acled_rows("قصفت قوات النظام بلدة السخنة", id="a1", date="2019-05-20")
    >>> df = syria_extract.to_dataframe(rows)
    >>> list(df.columns) == list(syria_extract.ACLED_COLUMNS), len(df)
    (True, 1)
    """
    pd = _pandas()
    frame = pd.DataFrame.from_records(list(rows), columns=list(ACLED_COLUMNS))
    dtypes: dict[str, str] = {c: "Int64" for c in _NULLABLE_INT_COLUMNS}
    dtypes.update({c: "float64" for c in _FLOAT_COLUMNS})
    dtypes["fatalities"] = "int64"
    return frame.astype(dtypes)


class Extractor(_NativeExtractor):
    """Extracts actors, locations, sources, time expressions and events from Arabic news.

    ``Extractor()`` uses the built-in gazetteers; ``Extractor(files=[...])`` adds your
    gazetteer files (TSV, see gazetteers/FORMAT.md) and raises :class:`GazetteerError`
    (a ValueError with ``file``, ``line`` and ``reason``) when one does not load.
    Build it once and reuse it; it may be shared by threads and pickled (it is rebuilt
    from its files where it is unpickled).
    """

    def acled_dataframe(
        self,
        texts: Iterable[str],
        ids: Iterable[str | int],
        *,
        dates: DateLike | Iterable[DateLike | None] | None = None,
        sources: str | Iterable[str | None] | None = None,
        timestamp: int | None = None,
    ) -> pandas.DataFrame:
        """``to_dataframe(self.acled_batch(texts, ids, ...))``: the ACLED rows of many
        articles as one DataFrame. Raises ImportError when pandas is not installed."""
        _pandas()  # before the work, not after it
        rows = self.acled_batch(
            texts, ids, dates=dates, sources=sources, timestamp=timestamp
        )
        return to_dataframe(rows)
