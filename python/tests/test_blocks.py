"""extract_blocks(): a long text one block at a time, offsets into the whole text."""

from __future__ import annotations

import pytest

from corpus import ARTICLES

# The test articles as one long text, paragraphs apart: about 2 KB of UTF-8.
LONG = "\n\n".join(a["text"] for a in ARTICLES)


def test_blocks_cover_the_text_and_fit_the_limit(extractor):
    raw = LONG.encode("utf-8")
    blocks = list(extractor.extract_blocks(LONG, date="2019-05-20", max_bytes=600))
    assert len(blocks) >= 4
    assert blocks[0]["start"] == 0 and blocks[-1]["end"] == len(raw)
    for before, after in zip(blocks, blocks[1:]):
        assert before["end"] == after["start"]
    for block in blocks:
        assert 0 < block["end"] - block["start"] <= 600
        assert set(block["document"]) == {"entities", "events", "times"}


def test_offsets_point_into_the_whole_text(extractor):
    raw = LONG.encode("utf-8")
    spans = 0
    for block in extractor.extract_blocks(LONG, max_bytes=600):
        doc = block["document"]
        for item in doc["entities"] + doc["times"] + [e["trigger"] for e in doc["events"]]:
            assert block["start"] <= item["start"] < item["end"] <= block["end"]
            assert raw[item["start"] : item["end"]].decode("utf-8") == item["text"]
            spans += 1
    assert spans > 30


def test_each_block_is_the_extraction_of_its_slice_moved_into_place(extractor):
    raw = LONG.encode("utf-8")
    events_before = 0
    moved_links = 0
    for block in extractor.extract_blocks(LONG, date="2019-05-20", max_bytes=600):
        piece = raw[block["start"] : block["end"]].decode("utf-8")
        alone = extractor.extract(piece, date="2019-05-20")
        doc = block["document"]
        assert [e["name"] for e in doc["entities"]] == [e["name"] for e in alone["entities"]]
        assert [e["start"] - block["start"] for e in doc["entities"]] == [
            e["start"] for e in alone["entities"]
        ]
        assert [e["kind"] for e in doc["events"]] == [e["kind"] for e in alone["events"]]
        # Event indexes count the events of the blocks before.
        for moved, own in zip(doc["events"], alone["events"]):
            for link in ("part_of", "refers_to"):
                if link in own:
                    assert moved[link] == own[link] + events_before
                    moved_links += events_before > 0
        events_before += len(doc["events"])
    assert events_before > 5 and moved_links > 0


def test_a_text_that_fits_is_one_block_equal_to_extract(extractor):
    (block,) = extractor.extract_blocks(LONG, date="2019-05-20")
    assert (block["start"], block["end"]) == (0, len(LONG.encode("utf-8")))
    assert block["document"] == extractor.extract(LONG, date="2019-05-20")
    assert list(extractor.extract_blocks("")) == []


def test_blocks_are_extracted_as_they_are_read(extractor):
    blocks = extractor.extract_blocks(LONG, max_bytes=600)
    first = next(blocks)
    assert first["start"] == 0
    rest = list(blocks)
    assert rest and rest[0]["start"] == first["end"]
    assert list(blocks) == []  # exhausted, and stays so


def test_bad_arguments_are_refused(extractor):
    with pytest.raises(TypeError, match="text: expected str"):
        extractor.extract_blocks(b"bytes")
    with pytest.raises(ValueError, match="max_bytes"):
        extractor.extract_blocks(LONG, max_bytes=0)
    with pytest.raises(OverflowError):
        extractor.extract_blocks(LONG, max_bytes=-1)
    with pytest.raises(ValueError):
        extractor.extract_blocks(LONG, date="2019-13-45")
