"""extract(): the shape, the offsets, the date, and bad input."""

from __future__ import annotations

import datetime

import pytest

import syria_extract
from corpus import ARTICLES

SHELLING = ARTICLES[0]["text"]


def test_document_shape_and_values(extractor):
    doc = extractor.extract(SHELLING, date="2019-05-20")
    assert set(doc) == {"entities", "events", "times"}
    names = [(e["kind"], e["name"]) for e in doc["entities"]]
    assert ("actor", "Syrian government forces") in names
    assert ("location", "Al-Sukhnah") in names
    assert ("source", "Syrian Observatory for Human Rights") in names
    shelling = doc["events"][0]
    assert shelling["kind"] == "shelling"
    assert shelling["actors"][0]["role"] == "initiator"
    assert shelling["fatalities"] == 4
    assert shelling["acled"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert shelling["time"]["date"] == "2019-05-19"  # أمس, the day before publication
    # The killing is the shelling's outcome.
    assert doc["events"][1]["kind"] == "killing" and doc["events"][1]["part_of"] == 0


def test_offsets_are_utf8_byte_offsets(extractor):
    text = "  \u064bقصفت قوات النظام بلدة السخنة بريف حمص الشرقي"  # leading spaces and a haraka
    raw = text.encode("utf-8")
    doc = extractor.extract(text)
    spans = [e for e in doc["entities"]] + [e["trigger"] for e in doc["events"]]
    assert len(spans) >= 4
    for span in spans:
        assert raw[span["start"] : span["end"]].decode("utf-8") == span["text"]


def test_dates_of_every_accepted_form_are_the_same(extractor):
    text = ARTICLES[1]["text"]  # "يوم الجمعة" resolves against the date
    want = extractor.extract(text, date="2019-05-19")
    assert want["events"][0]["time"]["date"] == "2019-05-17"
    for date in (
        datetime.date(2019, 5, 19),
        datetime.datetime(2019, 5, 19, 23, 59),
        "2019-05-19T10:00:00Z",
        "2019-05-19 10:00",
        " 2019-05-19 ",
    ):
        assert extractor.extract(text, date) == want, date
    undated = extractor.extract(text)
    assert undated["events"][0]["time"]["date"] is None
    assert extractor.extract(text, None) == undated


@pytest.mark.parametrize(
    "date, error, says",
    [
        ("2019-02-30", ValueError, "no such day"),
        ("2019-13-01", ValueError, "month"),
        ("20-05-2019", ValueError, "YYYY-MM-DD"),
        ("yesterday", ValueError, "YYYY-MM-DD"),
        ("2019-05-20 noon", ValueError, "YYYY-MM-DD"),
        ("", ValueError, "YYYY-MM-DD"),
        (20190520, TypeError, "datetime.date or a str, got int"),
        (1.5, TypeError, "got float"),
        (b"2019-05-20", TypeError, "got bytes"),
        (["2019-05-20"], TypeError, "got list"),
    ],
)
def test_bad_dates_raise(extractor, date, error, says):
    with pytest.raises(error, match=says):
        extractor.extract("قصفت قوات النظام بلدة السخنة", date)


@pytest.mark.parametrize("text", [None, 5, b"\xd9\x82", ["نص"]])
def test_a_text_that_is_not_a_str_raises_type_error(extractor, text):
    with pytest.raises(TypeError, match="text: expected str"):
        extractor.extract(text)


def test_a_lone_surrogate_raises_unicode_error(extractor):
    # Not encodable as UTF-8: a clear ValueError subclass, not a crash.
    with pytest.raises(UnicodeEncodeError):
        extractor.extract("قصفت \ud800 قوات النظام")


def test_empty_and_non_arabic_texts(extractor):
    empty = {"entities": [], "events": [], "times": []}
    assert extractor.extract("") == empty
    assert extractor.extract("The weather in London was fine.") == empty


def test_keyword_arguments(extractor):
    assert extractor.extract(text=SHELLING, date="2019-05-20") == extractor.extract(
        SHELLING, "2019-05-20"
    )


def test_normalize():
    assert syria_extract.normalize("الحَرْبيّة") == "الحربيه"
    assert syria_extract.normalize("إدلب  ـــ  أريحا") == "ادلب اريحا"
    assert syria_extract.normalize("مستشفى ٤") == "مستشفي 4"
    assert syria_extract.normalize("") == ""
    with pytest.raises(TypeError, match="expected str"):
        syria_extract.normalize(4)


def test_parse_date():
    assert syria_extract.parse_date("2015-07-21 02:51:32") == datetime.date(2015, 7, 21)
    assert syria_extract.parse_date(datetime.datetime(2015, 7, 21, 5)) == datetime.date(2015, 7, 21)
    with pytest.raises(ValueError, match="no such day"):
        syria_extract.parse_date("2015-02-29")
    with pytest.raises(TypeError):
        syria_extract.parse_date(None)


def test_threads_share_one_extractor(extractor):
    from concurrent.futures import ThreadPoolExecutor

    texts = [a["text"] for a in ARTICLES] * 4
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(extractor.extract, texts))
    assert got == [extractor.extract(t) for t in texts]


def test_docstring_examples():
    import doctest

    result = doctest.testmod(syria_extract, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5 and result.failed == 0


def test_the_typed_dicts_name_every_key(extractor):
    # A key the library prints but the TypedDicts do not name is invisible to a type
    # checker's users: each new output field is added to types.py with it.
    from syria_extract import types

    def keys(td):
        return td.__required_keys__ | td.__optional_keys__

    seen = {"entities": set(), "events": set(), "times": set()}
    for article in ARTICLES:
        doc = extractor.extract(article["text"], date="2019-05-20")
        for part, items in seen.items():
            for item in doc[part]:
                items.update(item)
    assert seen["events"] and seen["entities"] and seen["times"]
    assert seen["events"] <= keys(types.Event), seen["events"] - keys(types.Event)
    assert seen["entities"] <= keys(types.Entity), seen["entities"] - keys(types.Entity)
    assert seen["times"] <= keys(types.TimeExpression), seen["times"] - keys(types.TimeExpression)
