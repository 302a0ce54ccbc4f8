#!/usr/bin/env python3
"""Event statistics on real news (B_news, saudinewsnet 2015 Syria subset): how many events
per article, how many carry roles, fatalities and the largest counts (running totals show
up there), events by kind and modality.

usage:
  python3 tools/bnews_stats.py [--bnews JSONL] [--cmd "COMMAND"] [--top N]
  python3 tools/bnews_stats.py --write-input FILE    # the articles as {"id", "text"} JSONL
  python3 tools/bnews_stats.py --pred FILE           # read extraction output made from it

  --bnews  the corpus (default ../shared/data/B_news/saudinewsnet_2015_syria_subset.jsonl);
           each line has "content" (the text), "date_extracted", optional "id". The tool's
           input is {"id": <line number from 0>, "text": content}, written to /tmp.
  --cmd    the extractor, reading that JSONL on stdin, printing {"id", "entities", "events"}
           per line (default "cargo run --quiet --release -p syria-extract-cli -- extract --jsonl",
           the CLI). Run from the repository root.

All events are counted whatever their modality; the "asserted" line repeats the main
figures for asserted events only, the "reported" line for the events `Event::is_reported`
keeps (the default analyst output).
"""
import argparse, collections, json, os, sys

from extract_runner import DEFAULT_CMD, ROOT, read_predictions, run_extractor

# The shared data sits beside the repository.
DEFAULT_BNEWS = os.path.join(ROOT, "..", "shared", "data", "B_news", "saudinewsnet_2015_syria_subset.jsonl")


def is_reported(e):
    """`Event::is_reported` on the JSON: asserted, a report (no `mention` field before it
    existed counts as one), not a tally, anchored by an actor with a role, a place below
    the country (known or `unnamed_place`), a time or a count of the killed or wounded."""
    return (e.get("modality") == "asserted" and e.get("mention", "report") == "report"
            and not e.get("tally")
            and (any(a.get("role") for a in e.get("actors", []))
                 or any(l.get("type") != "country" for l in e.get("locations", []))
                 or (e.get("place") or {}).get("direction")
                 or e.get("unnamed_place") or e.get("time") or e.get("fatalities") is not None
                 or e.get("wounded") or e.get("casualties")))


def load(path):
    docs = []
    try:
        lines = open(path, encoding="utf-8")
    except OSError as e:
        sys.exit(f"bnews_stats: {path}: {e}")
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except ValueError as e:
            sys.exit(f"bnews_stats: {path}:{n + 1}: {e}")
        docs.append(d.get("content") or "")
    return docs


def write_input(docs, path):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(input_lines(docs))


def input_lines(docs):
    for i, text in enumerate(docs):
        yield json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n"


def pct(a, b):
    return f"{100 * a / b:.1f}%" if b else "-"


def role_line(label, events):
    n = len(events)
    roles = [{a.get("role") for a in e.get("actors", [])} for e in events]
    any_role = sum(bool(r - {None}) for r in roles)
    init = sum("initiator" in r for r in roles)
    tgt = sum("target" in r for r in roles)
    actors = sum(bool(e.get("actors")) for e in events)
    print(f"{label}: {n} events; with an actor {actors} ({pct(actors, n)}), with at least one role {any_role} "
          f"({pct(any_role, n)}), with initiator {init} ({pct(init, n)}), with target {tgt} ({pct(tgt, n)})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bnews", default=DEFAULT_BNEWS)
    ap.add_argument("--cmd", default=DEFAULT_CMD)
    ap.add_argument("--pred")
    ap.add_argument("--write-input")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    docs = load(args.bnews)
    if args.write_input:
        write_input(docs, args.write_input)
        return
    if args.pred:
        try:
            preds = read_predictions(open(args.pred, encoding="utf-8"), args.pred, "bnews_stats")
        except OSError as e:
            sys.exit(f"bnews_stats: {args.pred}: {e}")
    else:
        preds = run_extractor(args.cmd, input_lines(docs), "bnews_stats")
    missing = [i for i in range(len(docs)) if i not in preds]
    if missing:
        sys.exit(f"bnews_stats: no output for {len(missing)} articles (first: line {missing[0] + 1})")

    events = []  # (article, event)
    for i in range(len(docs)):
        events += [(i, e) for e in preds[i].get("events", [])]
    n_docs, n_ev = len(docs), len(events)
    per_doc = collections.Counter(i for i, _ in events)
    counts = sorted(per_doc.get(i, 0) for i in range(n_docs))
    print(f"articles: {n_docs}; events: {n_ev}; per article: mean {n_ev / max(n_docs, 1):.2f}, "
          f"median {counts[n_docs // 2] if counts else 0}, max {counts[-1] if counts else 0}, "
          f"articles without events {sum(c == 0 for c in counts)}")
    role_line("all", [e for _, e in events])
    role_line("asserted", [e for _, e in events if e.get("modality") == "asserted"])
    reported = [e for _, e in events if is_reported(e)]
    role_line("reported", reported)
    print(f"reported per article: mean {len(reported) / max(n_docs, 1):.2f}")

    fat = [(i, e) for i, e in events if e.get("fatalities") is not None]
    print(f"events with fatalities: {len(fat)} ({pct(len(fat), n_ev)}); sum {sum(e['fatalities'] for _, e in fat)}"
          f"; asserted only: {sum(1 for _, e in fat if e.get('modality') == 'asserted')} events, "
          f"sum {sum(e['fatalities'] for _, e in fat if e.get('modality') == 'asserted')}")
    # A count shared by a killing and the event it is part of is one number in the text.
    spans = {(i, (e.get("fatality_count") or {}).get("start"), e["fatalities"]) for i, e in fat}
    print(f"  distinct count mentions (article, count offset): {len(spans)}; sum {sum(v for _, _, v in spans)}")
    print(f"top {args.top} fatality counts, one per count mention (count, kinds and triggers, count text, "
          f"article line, context):")
    mentions = collections.defaultdict(list)
    for i, e in fat:
        mentions[(i, (e.get("fatality_count") or {}).get("start"), e["fatalities"])].append(e)
    for (i, _, value), evs in sorted(mentions.items(), key=lambda m: -m[0][2])[: args.top]:
        raw = docs[i].encode()
        fc = evs[0].get("fatality_count") or {}
        lo = min([e["trigger"]["start"] for e in evs] + [fc.get("start", evs[0]["trigger"]["start"])])
        hi = max([e["trigger"]["end"] for e in evs] + [fc.get("end", evs[0]["trigger"]["end"])])
        ctx = raw[max(0, lo - 60): hi + 60].decode("utf-8", errors="ignore").replace("\n", " ")
        trig = " ".join(f"{e['kind']}:[{e['trigger']['text']}]" for e in evs)
        print(f"  {value:7}  {trig} [{fc.get('text', '')}] line {i + 1}: …{ctx}…")

    tallies = [(i, e) for i, e in events if e.get("tally")]
    tally_counts = {(i, (e["tally"].get("count") or {}).get("start")): (e["tally"].get("count") or {}).get("value", 0)
                    for i, e in tallies}
    kinds_t = collections.Counter(e["tally"]["kind"] for _, e in tallies)
    print(f"tallies (running totals, period and documented counts; not in the sums above): {len(tallies)} events "
          f"({', '.join(f'{k} {c}' for k, c in kinds_t.most_common())}); distinct counts {len(tally_counts)}, "
          f"sum {sum(tally_counts.values())}")
    wounded = [(i, e) for i, e in events if e.get("wounded")]
    casualties = [(i, e) for i, e in events if e.get("casualties")]
    at_least = sum(1 for _, e in fat if e.get("fatalities_at_least"))
    print(f"events with wounded: {len(wounded)}; with killed and wounded together only: {len(casualties)}; "
          f"fatalities given as a lower bound: {at_least}")

    def place_line(label, evs):
        placed = [e for e in evs if e.get("place")]
        prec = collections.Counter(e["place"]["geo_precision"] for e in placed)
        near = sum(1 for e in placed if e["place"].get("near"))
        print(f"{label}: {len(evs)} events; with a place {len(placed)} ({pct(len(placed), len(evs))}); "
              f"geo_precision " + ", ".join(f"{p}: {prec.get(p, 0)} ({pct(prec.get(p, 0), len(placed))})" for p in (1, 2, 3))
              + f"; near a place {near}")
    place_line("places, all events", [e for _, e in events])
    place_line("places, rows (asserted, no outcome, no tally)",
               [e for _, e in events if e.get("modality") == "asserted" and e.get("part_of") is None
                and not e.get("tally")])

    print("events by kind (all / asserted / with a role):")
    kinds = collections.Counter(e["kind"] for _, e in events)
    for kind, c in kinds.most_common():
        asserted = sum(1 for _, e in events if e["kind"] == kind and e.get("modality") == "asserted")
        roled = sum(1 for _, e in events if e["kind"] == kind
                    and any(a.get("role") for a in e.get("actors", [])))
        print(f"  {kind:20} {c:6} {asserted:6} {roled:6}")
    modality = collections.Counter(e.get("modality") for _, e in events)
    print("by modality: " + ", ".join(f"{m} {c}" for m, c in modality.most_common()))


if __name__ == "__main__":
    main()
