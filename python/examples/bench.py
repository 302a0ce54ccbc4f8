"""Throughput of the Python module against the command-line tool, on a JSON Lines archive.

    python python/examples/bench.py ../shared/data/B_news/saudinewsnet_2015_syria_subset.jsonl \
        --cli target/release/syria-extract --runs 5

Prints MB/s (MB of article text, 10**6 bytes, per second of wall time) for:
``extract`` in a loop on one thread; ``extract_batch`` on every core; the same batch
without building the Python objects (``_extract_batch_only``), so the difference is the
cost of the dicts; and ``syria-extract extract --jsonl`` as a whole process (reading and
writing JSON included). Each figure is given as min–max over the runs: the machine may
be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time

import syria_extract

TEXT_FIELDS = ("text", "content")
DATE_FIELDS = ("date", "published", "date_extracted")


def load(path: str) -> tuple[list[str], list[object]]:
    texts, dates = [], []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            text = next(record[k] for k in TEXT_FIELDS if k in record)
            raw = next((record[k] for k in DATE_FIELDS if k in record), None)
            try:
                date = syria_extract.parse_date(raw) if raw is not None else None
            except (TypeError, ValueError):
                date = None
            texts.append(text)
            dates.append(date)
    return texts, dates


def timed(f) -> float:
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive")
    parser.add_argument("--cli", help="path of the syria-extract binary")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    texts, dates = load(args.archive)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ex = syria_extract.Extractor()
    ex.extract(texts[0])  # the built-in data is built on first use

    def extract_loop() -> None:
        for t, d in zip(texts, dates):
            ex.extract(t, d)

    cases = [
        ("extract, loop, 1 thread", extract_loop),
        ("extract_batch, all cores", lambda: ex.extract_batch(texts, dates)),
        (
            "extract_batch without the dicts",
            lambda: ex._extract_batch_only(texts, dates),
        ),
    ]
    if args.cli:
        env = dict(os.environ)

        def cli() -> None:
            with open(os.devnull, "wb") as null:
                subprocess.run(
                    [args.cli, "extract", "--jsonl", args.archive],
                    stdout=null,
                    check=True,
                    env=env,
                )

        cases.append(("syria-extract extract --jsonl, process", cli))

    print(f"{len(texts)} articles, {mb:.2f} MB of text, {os.cpu_count()} cores, {args.runs} runs")
    seconds: dict[str, list[float]] = {name: [] for name, _ in cases}
    for _ in range(args.runs):
        # Interleaved, so a burst of load elsewhere hits every case alike.
        for name, f in cases:
            seconds[name].append(timed(f))
    for name, s in seconds.items():
        lo, hi = mb / max(s), mb / min(s)
        print(f"{name:42} {min(s):6.3f}-{max(s):6.3f} s   {lo:6.1f}-{hi:6.1f} MB/s")
    batch, bare = seconds["extract_batch, all cores"], seconds["extract_batch without the dicts"]
    dicts = [b - e for b, e in zip(batch, bare)]
    share = [d / b for d, b in zip(dicts, batch)]
    print(
        f"building the dicts, wall: {min(dicts):.3f}-{max(dicts):.3f} s per pass "
        f"({min(share):.0%}-{max(share):.0%} of extract_batch)"
    )
    # The dicts are built on the calling thread, the extraction on worker threads: the
    # calling thread's CPU time is the conversion, whatever else loads the machine.
    cpu = []
    for _ in range(args.runs):
        start = time.thread_time()
        ex.extract_batch(texts, dates)
        cpu.append(time.thread_time() - start)
    print(
        f"building the dicts, CPU of the calling thread: {min(cpu):.3f}-{max(cpu):.3f} s "
        f"({len(texts) / min(cpu):.0f}-{len(texts) / max(cpu):.0f} documents/s)"
    )
    # extract() runs on the calling thread: its CPU time is extraction plus conversion,
    # less disturbed by other load than the wall time above.
    loop = []
    for _ in range(args.runs):
        start = time.thread_time()
        extract_loop()
        loop.append(time.thread_time() - start)
    print(
        f"extract, loop, CPU of the thread: {min(loop):.3f}-{max(loop):.3f} s "
        f"({mb / max(loop):.1f}-{mb / min(loop):.1f} MB per CPU second)"
    )


if __name__ == "__main__":
    main()
