#!/usr/bin/env python3
"""Coverage on real news: the share of B_news articles where at least one location and
one actor are found, and the most frequent names after cue words (مدينة X, بلدة X,
قرية X, ميليشيا X, فصيل X, لواء X, حي X, مخيم X, مطار X) that no entity covers.

usage: python3 tools/cue_misses.py [B_NEWS_JSONL] [--top N]
(builds and runs the CLI: `cargo run --release -p syria-extract-cli -- extract --jsonl`)
"""
import collections, json, os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..")
top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
args = [a for a in sys.argv[1:] if not a.startswith("--") and a != str(top)]
path = args[0] if args else os.path.join(root, "..", "shared", "data", "B_news", "saudinewsnet_2015_syria_subset.jsonl")

docs = []
for line in open(path, encoding="utf-8"):
    d = json.loads(line)
    docs.append(d.get("content") or "")
inp = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(docs))
out = subprocess.run(["cargo", "run", "--quiet", "--release", "-p", "syria-extract-cli", "--", "extract", "--jsonl"],
                     input=inp.encode(), capture_output=True, cwd=root, check=True).stdout.decode()
results = {}
for line in out.splitlines():
    o = json.loads(line)
    results[o["id"]] = o

CUE = re.compile(r"(?<![\w])[وب]?(مدينة|بلدة|قرية|ميليشيا|ميليشيات|فصيل|لواء|حي|مخيم|مطار)\s+([\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?)")
both = 0
misses = collections.Counter()
for i, text in enumerate(docs):
    o = results.get(i, {"entities": []})
    kinds = {e["kind"] for e in o["entities"]}
    both += "location" in kinds and "actor" in kinds
    # Entity spans are byte offsets; compare in bytes.
    raw = text.encode()
    covered = [(e["start"], e["end"]) for e in o["entities"]]
    for m in CUE.finditer(text):
        start = len(text[: m.start(2)].encode())
        if any(s <= start < e for s, e in covered):
            continue
        misses[(m.group(1), m.group(2).split()[0])] += 1
n = len(docs)
print(f"articles: {n}; with at least one location and one actor: {both} ({100 * both / n:.1f}%)")
print(f"top {top} unmatched names after cue words (cue, next word, count):")
for (cue, word), c in misses.most_common(top):
    print(f"  {c:4}  {cue} {word}")
