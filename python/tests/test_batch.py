"""extract_batch(): equal to extract() in a loop, dates in every form, bad input, and the
GIL let go while it runs."""

from __future__ import annotations

import datetime
import threading

import pytest

from corpus import ARTICLES, generate

TEXTS = [a["text"] for a in ARTICLES]
DATES = [a["date"] for a in ARTICLES]


def test_batch_equals_a_loop_in_input_order(extractor):
    got = extractor.extract_batch(TEXTS, DATES)
    assert got == [extractor.extract(t, d) for t, d in zip(TEXTS, DATES)]
    assert any(doc["events"] for doc in got) and not got[-1]["events"]


def test_one_date_for_all_and_no_date(extractor):
    one = extractor.extract_batch(TEXTS, "2019-05-20")
    assert one == extractor.extract_batch(TEXTS, [datetime.date(2019, 5, 20)] * len(TEXTS))
    assert extractor.extract_batch(TEXTS) == [extractor.extract(t) for t in TEXTS]
    assert extractor.extract_batch(TEXTS) != one  # relative times got dates


def test_any_iterable_and_empty(extractor):
    assert extractor.extract_batch(t for t in TEXTS[:3]) == extractor.extract_batch(TEXTS[:3])
    assert extractor.extract_batch(tuple(TEXTS[:2]), iter(DATES[:2])) == extractor.extract_batch(
        TEXTS[:2], DATES[:2]
    )
    assert extractor.extract_batch([]) == []


def test_bad_batches_raise_and_say_where(extractor):
    with pytest.raises(TypeError, match=r"texts\[2\]: expected str, got int"):
        extractor.extract_batch(["نص", "نص", 7])
    with pytest.raises(TypeError, match="got str"):
        extractor.extract_batch("قصفت قوات النظام")  # one text, not a list
    with pytest.raises(TypeError, match="iterable, got int"):
        extractor.extract_batch(5)
    with pytest.raises(ValueError, match=r"dates: expected 2 items \(one per text\), got 1"):
        extractor.extract_batch(["a", "b"], ["2019-05-20"])
    with pytest.raises(ValueError, match=r"dates\[1\]: the month has no such day"):
        extractor.extract_batch(["a", "b"], ["2019-05-20", "2019-02-30"])
    with pytest.raises(TypeError, match=r"dates\[0\]"):
        extractor.extract_batch(["a"], [3])


def test_the_gil_is_released_while_extracting(extractor):
    # A Python thread counts while the batch runs; it can only count when the batch
    # does not hold the GIL. (With the GIL held throughout it would not count at all.)
    texts = [a["text"] for a in generate(3000)]
    counting = threading.Event()
    stop = threading.Event()
    count = [0]

    def counter() -> None:
        counting.set()
        while not stop.is_set():
            count[0] += 1

    thread = threading.Thread(target=counter)
    thread.start()
    counting.wait()
    before = count[0]
    extractor.extract_batch(texts)
    during = count[0] - before
    stop.set()
    thread.join()
    assert during > 100, during
