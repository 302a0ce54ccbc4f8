#!/usr/bin/env python3
"""Whole-process speed of the extract tools as ratios of the bare automaton.

The anchor (issue 17) is `examples/bare_anchor.rs`: the bare aho-corasick crate,
leftmost-longest, 10,000 Arabic names of the built-in gazetteer, reading the same
file, checking UTF-8 and counting matches. This script builds the corpus in a
temporary directory (never in the repository: the text is third-party), then runs
the anchor and the tools in interleaved rounds, so that the machine's load falls on
all of them alike, and prints the median ratio per tool (anchor time / tool time:
above 1.0 the tool is faster than the bare automaton).

    cargo build --release -p syria-extract-cli && cargo build --release --examples
    python3 tools/speed_anchor.py                 # 5 rounds, wall and CPU time
    python3 tools/speed_anchor.py --rounds 9 --callgrind   # plus instruction counts
    python3 tools/speed_anchor.py --threads       # extract --jsonl on 1 and 2 cores, and
                                                  # whether the second core is free

The corpus: the article bodies of B_news (saudinewsnet_2015_syria_subset.jsonl) four
times over, 21 MB, as one text file (one document) and as JSON Lines (3,936 documents).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BNEWS = ROOT.parent.parent / "shared/data/B_news/saudinewsnet_2015_syria_subset.jsonl"
if not BNEWS.exists():
    BNEWS = Path("/work/shared/data/B_news/saudinewsnet_2015_syria_subset.jsonl")
RELEASE = ROOT / "target/release"


def build_corpus(work: Path, copies: int, patterns: int) -> dict:
    """Writes the corpus files and the anchor's patterns; returns their paths."""
    work.mkdir(parents=True, exist_ok=True)
    text, jsonl = work / f"bnews_x{copies}.txt", work / f"bnews_x{copies}.jsonl"
    pats = work / f"patterns_{patterns}.txt"
    if not text.exists() or not jsonl.exists():
        bodies = []
        with open(BNEWS, encoding="utf-8") as f:
            for line in f:
                body = json.loads(line).get("content") or ""
                if body:
                    bodies.append(body)
        with open(text, "w", encoding="utf-8") as t, open(jsonl, "w", encoding="utf-8") as j:
            for copy in range(copies):
                for i, body in enumerate(bodies):
                    t.write(body)
                    t.write("\n\n")
                    j.write(json.dumps({"id": f"{copy}-{i}", "text": body}, ensure_ascii=False))
                    j.write("\n")
    if not pats.exists():
        with open(pats, "w", encoding="utf-8") as f:
            subprocess.run(
                [str(RELEASE / "examples/bare_anchor"), "--dump-patterns", str(patterns)],
                stdout=f,
                check=True,
            )
    return {"text": text, "jsonl": jsonl, "patterns": pats}


def run(cmd: list, cpus: str = None) -> dict:
    """Runs a command with its output to /dev/null: wall and CPU seconds, peak RSS."""
    if cpus and shutil.which("taskset"):
        cmd = ["taskset", "-c", cpus] + cmd
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed: {err}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
    }


def side_by_side(cmd: list) -> float:
    """Runs `cmd` twice at once, one copy on core 0 and one on core 1; returns the
    wall seconds of the slower. Against one copy alone, this says whether the second
    core is free: other work on it slows both copies, and the two-core run with them."""
    start = time.perf_counter()
    procs = []
    with open(os.devnull, "wb") as null:
        for cpu in ("0", "1"):
            procs.append(subprocess.Popen(["taskset", "-c", cpu] + cmd, stdout=null, stderr=subprocess.DEVNULL))
        for proc in procs:
            if proc.wait() != 0:
                sys.exit(f"{' '.join(map(str, cmd))} failed side by side")
    return time.perf_counter() - start


def callgrind(cmd: list) -> int:
    """Instructions executed by a command (valgrind's callgrind), a load-free figure."""
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    found = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
    if not found:
        sys.exit(f"no instruction count from callgrind: {proc.stderr[-500:]}")
    return int(found.group(1))


def rounds(contenders: dict, n: int, cpus: str = None) -> dict:
    """Runs every contender once per round, in rotating order; returns all runs."""
    names = list(contenders)
    runs = {name: [] for name in names}
    for r in range(n):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            runs[name].append(run(contenders[name], cpus))
    return runs


def report(runs: dict, anchor: str, mb: float) -> None:
    print(f"{'':28} {'wall s':>8} {'cpu s':>8} {'MB/s':>7} {'peak MB':>8}  ratio wall (cpu)")
    for name, rs in runs.items():
        wall = statistics.median(r["wall"] for r in rs)
        cpu = statistics.median(r["cpu"] for r in rs)
        rss = max(r["rss_mb"] for r in rs)
        ratio_wall = statistics.median(a["wall"] / t["wall"] for a, t in zip(runs[anchor], rs))
        ratio_cpu = statistics.median(a["cpu"] / t["cpu"] for a, t in zip(runs[anchor], rs))
        lo = min(a["wall"] / t["wall"] for a, t in zip(runs[anchor], rs))
        hi = max(a["wall"] / t["wall"] for a, t in zip(runs[anchor], rs))
        print(
            f"{name:28} {wall:8.3f} {cpu:8.3f} {mb / wall:7.1f} {rss:8.1f}  "
            f"{ratio_wall:.2f}x ({ratio_cpu:.2f}x)  range {lo:.2f}-{hi:.2f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--copies", type=int, default=4, help="copies of B_news in the corpus")
    ap.add_argument("--patterns", type=int, default=10000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/speed_anchor"))
    ap.add_argument("--callgrind", action="store_true", help="also count instructions")
    ap.add_argument("--threads", action="store_true", help="extract --jsonl on 1 and 2 cores")
    ap.add_argument("--gazetteer", type=Path, action="append", default=[],
                    help="extra gazetteer file for the tools (the anchor keeps its patterns)")
    args = ap.parse_args()
    if not BNEWS.exists():
        sys.exit(f"{BNEWS} is absent: no corpus")
    files = build_corpus(args.work, args.copies, args.patterns)
    mb = files["text"].stat().st_size / 1e6
    cli = [str(RELEASE / "syria-extract"), "extract"]
    for g in args.gazetteer:
        cli += ["--gazetteer", str(g)]
    anchor = [str(RELEASE / "examples/bare_anchor"), str(files["patterns"]), str(files["text"])]
    contenders = {
        "bare aho-corasick (anchor)": anchor,
        "syria-extract extract": cli + [str(files["text"])],
    }
    if not args.gazetteer:
        contenders["example extract"] = [str(RELEASE / "examples/extract"), str(files["text"])]
    n_pats = sum(1 for _ in open(files["patterns"], encoding="utf-8"))
    print(f"corpus {files['text']}: {mb:.1f} MB, one document; anchor: {n_pats} patterns; "
          f"{args.rounds} rounds, interleaved, single thread (taskset -c 0)")
    report(rounds(contenders, args.rounds, cpus="0"), "bare aho-corasick (anchor)", mb)
    if args.callgrind:
        counts = {name: callgrind(cmd) for name, cmd in contenders.items()}
        base = counts["bare aho-corasick (anchor)"]
        print("instructions (callgrind):")
        for name, count in counts.items():
            print(f"{name:28} {count / 1e9:8.2f} G  {base / count:.2f}x")
    if args.threads:
        jsonl = cli + ["--jsonl", str(files["jsonl"])]
        run(jsonl, cpus="0")  # warms the page cache
        runs = {"1 core": [], "2 cores": []}
        crowding = []
        for _ in range(args.rounds):
            one = run(jsonl, cpus="0")
            two = run(jsonl, cpus="0,1")
            runs["1 core"].append(one)
            runs["2 cores"].append(two)
            if shutil.which("taskset"):
                crowding.append(side_by_side(jsonl) / one["wall"])
        print(f"extract --jsonl {files['jsonl']} ({args.copies * 984} documents):")
        for name, rs in runs.items():
            wall = statistics.median(r["wall"] for r in rs)
            print(f"{name:10} wall {wall:.3f} s  {mb / wall:6.1f} MB/s  peak {max(r['rss_mb'] for r in rs):.1f} MB")
        speedup = statistics.median(a["wall"] / b["wall"] for a, b in zip(runs["1 core"], runs["2 cores"]))
        print(f"2 cores / 1 core: {speedup:.2f}x (median of {args.rounds} paired runs)")
        if crowding:
            slow = statistics.median(crowding)
            # Two one-core copies side by side take `slow` times one alone: with the
            # second core busy elsewhere, two cores cannot give more than 2 / slow.
            print(
                f"two 1-core copies side by side: {slow:.2f}x the time of one alone "
                f"(1.00x: the second core is free; the 2-core ratio is capped near {2 / slow:.2f}x)"
            )


if __name__ == "__main__":
    main()
