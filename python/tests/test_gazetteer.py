"""Extractor(files=...): the user's gazetteer files, and GazetteerError."""

from __future__ import annotations

import pickle

import pytest

import syria_extract

ACTORS_HEADER = "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance\n"
MY_MILITIA = "liwa-x\tmilitia\tLiwa X\tلواء اكس التجريبي\t\tiran\tSY\tLiwa X\t\tmy notes\n"
TEXT = "هاجم لواء إكس التجريبي مواقع تنظيم داعش في بادية تدمر"


def test_user_file_adds_records(tmp_path):
    path = tmp_path / "my_actors.tsv"
    path.write_text(ACTORS_HEADER + MY_MILITIA, encoding="utf-8")
    builtin = syria_extract.Extractor()
    mine = syria_extract.Extractor(files=[path])
    assert "liwa-x" not in [e["id"] for e in builtin.extract(TEXT)["entities"]]
    ids = [e["id"] for e in mine.extract(TEXT)["entities"]]
    assert ids[0] == "liwa-x" and "isis" in ids
    assert [str(f) for f in mine.files] == [str(path)]
    # Pickling rebuilds it from its files (how it reaches worker processes).
    again = pickle.loads(pickle.dumps(mine))
    assert type(again) is syria_extract.Extractor
    assert again.extract(TEXT) == mine.extract(TEXT)


def test_a_bad_row_names_file_line_and_reason(tmp_path):
    path = tmp_path / "bad_actors.tsv"
    path.write_text(ACTORS_HEADER + MY_MILITIA.replace("militia", "milita"), encoding="utf-8")
    with pytest.raises(syria_extract.GazetteerError) as caught:
        syria_extract.Extractor(files=[str(path)])
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.file == str(path)
    assert err.line == 2
    assert 'unknown value "milita"' in err.reason
    assert str(err) == f"{path}:2: {err.reason}"


def test_a_missing_file_has_no_line(tmp_path):
    missing = tmp_path / "nope.tsv"
    with pytest.raises(syria_extract.GazetteerError) as caught:
        syria_extract.Extractor(files=[missing])
    assert caught.value.file == str(missing)
    assert caught.value.line is None
    assert "cannot read" in caught.value.reason


def test_an_unknown_header(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("name\tplace\n", encoding="utf-8")
    with pytest.raises(syria_extract.GazetteerError, match="unknown header"):
        syria_extract.Extractor(files=[path])


def test_files_must_be_a_list_of_paths():
    with pytest.raises(TypeError, match="got str"):
        syria_extract.Extractor(files="my_actors.tsv")
    with pytest.raises(TypeError, match=r"files\[0\]"):
        syria_extract.Extractor(files=[3])
    assert syria_extract.Extractor(files=[]).files == []
