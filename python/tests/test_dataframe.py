"""to_dataframe() and Extractor.acled_dataframe(): pandas, optional."""

from __future__ import annotations

import sys

import pytest

import syria_extract
from corpus import ARTICLES

pd = pytest.importorskip("pandas")
TS = 1_700_000_000


def test_rows_become_a_frame_with_acled_columns_and_types(extractor):
    texts = [a["text"] for a in ARTICLES]
    ids = [a["id"] for a in ARTICLES]
    dates = [a["date"] for a in ARTICLES]
    rows = extractor.acled_batch(texts, ids, dates=dates, timestamp=TS)
    df = syria_extract.to_dataframe(rows)
    assert list(df.columns) == list(syria_extract.ACLED_COLUMNS)
    assert len(df) == len(rows)
    assert str(df["year"].dtype) == "Int64" and str(df["inter2"].dtype) == "Int64"
    assert str(df["fatalities"].dtype) == "int64"
    assert str(df["latitude"].dtype) == "float64"
    # An empty cell stays empty (not NaN-as-float in an integer column).
    empty_inter2 = [r["inter2"] is None for r in rows]
    assert list(df["inter2"].isna()) == empty_inter2
    assert df.to_dict("records")[0]["event_id_cnty"] == rows[0]["event_id_cnty"]
    same = extractor.acled_dataframe(texts, ids, dates=dates, timestamp=TS)
    pd.testing.assert_frame_equal(same, df)


def test_no_rows_is_an_empty_frame_with_the_columns():
    df = syria_extract.to_dataframe([])
    assert list(df.columns) == list(syria_extract.ACLED_COLUMNS) and len(df) == 0


def test_without_pandas_the_helpers_say_so(monkeypatch, extractor):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="pip install pandas"):
        syria_extract.to_dataframe([])
    with pytest.raises(ImportError, match="need pandas"):
        extractor.acled_dataframe(["نص"], ["a"])
