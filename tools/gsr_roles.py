#!/usr/bin/env python3
"""Role scorer for the OEDA Arabic GSR span files (assault_spans.json, protest_spans.json):
who the crate says acted (role "initiator") and was acted on ("target"), against the source
and target actor tokens marked by the coders.

usage:
  python3 tools/gsr_roles.py [--gsr DIR] [--cmd "COMMAND"] [--kinds set|all]
                             [--dump even|odd|all] [--dump-file PATH]
  python3 tools/gsr_roles.py --write-input FILE      # the sentences as {"id", "text"} JSONL
  python3 tools/gsr_roles.py --pred FILE             # score a prediction file made from it

  --gsr   the GSR directory (default ../shared/data/B_news/openeventdata_arabic_event_gsr)
  --cmd   the extractor, reading {"id","text"} JSONL on stdin and printing one
          {"id", "entities", "events"} object per line (default:
          "cargo run --quiet --release -p syria-extract-cli -- extract --jsonl", the
          CLI). Run from the repository root.
  --kinds which events are scored: "set" (default) the file's kinds (assault: armed_clash,
          attack, air_strike, shelling, explosion, killing, abduction, as examples/gsr_eval.rs;
          protest: protest), "all" every event.
  --dump  per-sentence diagnostics (gold, predicted actors with roles, entities) for the
          even (development), odd (check) or all positions, written to --dump-file
          (default /tmp/gsr_roles_<which>.txt).

Positions are the sentence's index in the file's JSON list, from 0: even = development,
odd = check. Figures are printed for each file and both together, even and odd apart.

What is compared (the definition of a match):
- Tokens: split on white space, edge punctuation dropped, normalized as the crate does
  (harakat and tatweel dropped, أ إ آ ٱ -> ا, ى -> ي, ة -> ه, ؤ -> و, ئ -> ي).
- A token's stems: the token itself, and the token after every valid proclitic chain as the
  crate's matcher accepts it (optional و/ف, then nothing, ب ل ك, ال, بال كال, or لل), keeping
  stems of at least 3 letters; each stem also with one nisba/plural ending removed
  (يين يون ين ون يه ات ي ه) when at least 3 letters remain ("الإسرائيلية" ~ "إسرائيل").
- Content tokens: tokens none of whose stems is in STOP (prepositions, pronouns, quantities,
  and generic heads such as قوات / عناصر that would match any two armed groups).
- Two tokens match when their stem sets intersect. A span matches a gold token list when
  one of its content tokens matches one of the gold content tokens.
- Gold per sentence and role: "core" = source_gold / target_gold (the tokens every coder
  marked), "any" = the union of all coders' source_actor / target_actor tokens.
- Predicted initiators / targets: the original-text spans of the actors with that role in
  the scored events of the sentence (any modality), deduplicated by byte span.

Figures, per role:
- gold    sentences whose core gold has a content token (the recall denominator).
- R       of those, sentences where some predicted span of the role matches the core gold.
- P       predicted spans of the role that match the "any" gold of that role / all predicted
          spans of the role (every sentence counts: a span where coders marked none is wrong).
- found   (ceiling) of the gold sentences, those where some actor entity matches the core
          gold; "found*" also counts location entities (countries often act: "إسرائيل").
- attach  of "found", those where a matching actor entity is an actor of a scored event
          with any role; "role" those where it has the right role, else "wrong" those where
          it has the other role, else "null" those where its role is null; "no scored event"
          counts the found sentences where the crate reported no event of the scored kinds.
"""
import argparse, json, os, re, sys

from extract_runner import DEFAULT_CMD, ROOT, read_predictions, run_extractor

# The shared data sits beside the repository.
DEFAULT_GSR = os.path.join(ROOT, "..", "shared", "data", "B_news", "openeventdata_arabic_event_gsr")
SETS = {
    "assault": {"armed_clash", "attack", "air_strike", "shelling", "explosion", "killing", "abduction"},
    "protest": {"protest"},
}

_MARKS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u00AD]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                       "ک": "ك", "ی": "ي", "ھ": "ه", "ہ": "ه", "ۃ": "ه"})
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


def norm(s):
    """The crate's normalization, enough of it to compare words."""
    return _MARKS.sub("", s).translate(_FOLD).lower()


_CHAINS = ["ال", "بال", "كال", "لل", "ب", "ل", "ك"]
_CHAINS = sorted({c for t in _CHAINS for c in (t, "و" + t, "ف" + t)} | {"و", "ف"}, key=len)
_ENDINGS = ["يين", "يون", "ين", "ون", "يه", "ات", "ي", "ه"]


def stems(token):
    """Every reading of a normalized token: itself, without each proclitic chain, and each
    of those without one nisba/plural ending."""
    out = {token}
    out |= {token[len(c):] for c in _CHAINS if token.startswith(c) and len(token) - len(c) >= 3}
    for s in list(out):
        out |= {s[: -len(e)] for e in _ENDINGS if s.endswith(e) and len(s) - len(e) >= 3}
    return out


STOP = {norm(w) for w in """
من في على الى إلى عن مع بين بينهم بينها منهم منها فيها فيه عليه عليها له لها لهم به بها بهم
أحد احدى إحدى آخر آخرين أخرى اخرى الذي التي الذين اللذين اللتين ذلك هذا هذه هؤلاء تلك هو هي هم
أن ان إن أو او قد لم لن لا ما كل بعض عدد نحو أكثر اكثر أقل اقل عشرات مئات آلاف الاف ألف الف مئة مائة
قوات عناصر أفراد افراد أعضاء اعضاء مجموعة مجموعات جماعة جماعات طرف أطراف جانب جهة جهات
""".split()}


def tokens(text):
    """Normalized tokens of a text, edge punctuation dropped, empty ones skipped."""
    out = []
    for raw in text.split():
        t = _EDGE.sub("", norm(raw))
        if t:
            out.append(t)
    return out


def content(toks):
    """The stem sets of the content tokens among `toks`."""
    return [st for st in (stems(t) for t in toks) if len(min(st, key=len)) >= 2 and not (st & STOP)
            and not any(ch.isdigit() for ch in next(iter(st)))]


def matches(span_text, gold_content):
    """Whether a span shares a content token with the gold content tokens."""
    return any(a & g for a in content(tokens(span_text)) for g in gold_content)


def load_gsr(gsr_dir):
    data = {}
    for name in SETS:
        path = os.path.join(gsr_dir, f"{name}_spans.json")
        try:
            data[name] = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError) as e:
            sys.exit(f"gsr_roles: {path}: {e}")
    return data


def input_lines(data):
    for name, items in data.items():
        for pos, item in enumerate(items):
            yield json.dumps({"id": f"{name}:{pos}", "text": item["text"]}, ensure_ascii=False) + "\n"


def span_text(raw, start, end):
    return raw[start:end].decode("utf-8", errors="replace")


ROLES = (("initiator", "source"), ("target", "target"))


def score_sentence(item, pred, kinds):
    """Per-sentence facts for both roles, and the diagnostics for the dump."""
    raw = item["text"].encode()
    events = [e for e in pred.get("events", []) if kinds is None or e["kind"] in kinds]
    entities = pred.get("entities", [])
    facts = {}
    for role, side in ROLES:
        core = content(tokens(item[f"{side}_gold"]))
        anyg = content([t for s in item["spans"] for w in s[f"{side}_actor"] for t in tokens(w)])
        spans = {(a["start"], a["end"]) for e in events for a in e.get("actors", []) if a.get("role") == role}
        texts = [span_text(raw, s, e) for s, e in sorted(spans)]
        f = {"gold": bool(core), "pred": len(texts), "pred_ok": sum(matches(t, anyg) for t in texts)}
        if core:
            f["hit"] = any(matches(t, core) for t in texts)
            found = [(x["start"], x["end"]) for x in entities
                     if x["kind"] == "actor" and matches(span_text(raw, x["start"], x["end"]), core)]
            f["found"] = bool(found)
            f["found_any"] = any(matches(span_text(raw, x["start"], x["end"]), core) for x in entities)
            got = {a.get("role") for e in events for a in e.get("actors", []) if (a["start"], a["end"]) in found}
            f["attached"] = bool(got)
            f["no_event"] = not events
            f["right"] = role in got
            # Exclusive: right role, else the other role, else null.
            f["wrong"] = not f["right"] and ({"initiator", "target"} - {role}) <= got
            f["null"] = not f["right"] and not f["wrong"] and None in got
        facts[role] = f
    facts["has_event"] = bool(events)
    return facts, events, entities


def ratio(a, b):
    return f"{a / b:.3f}" if b else "  -  "


def report(label, rows):
    with_event = sum(r["has_event"] for r in rows)
    print(f"{label}  ({len(rows)} sentences, {with_event} with a scored event)")
    for role, _ in ROLES:
        fs = [r[role] for r in rows]
        gold = [f for f in fs if f["gold"]]
        g = len(gold)
        hit = sum(f["hit"] for f in gold)
        pred = sum(f["pred"] for f in fs)
        ok = sum(f["pred_ok"] for f in fs)
        found = sum(f["found"] for f in gold)
        found_any = sum(f["found_any"] for f in gold)
        att = sum(f["attached"] for f in gold)
        right = sum(f["right"] for f in gold)
        null = sum(f["null"] for f in gold)
        wrong = sum(f["wrong"] for f in gold)
        no_event = sum(f["no_event"] for f in gold if f["found"])
        print(f"  {role:9} gold {g:3}  R {ratio(hit, g)} ({hit}/{g})  P {ratio(ok, pred)} ({ok}/{pred})"
              f"  | found {ratio(found, g)} ({found}; found* {found_any})  attach {ratio(att, found)} ({att})"
              f"  role {ratio(right, found)} ({right})  null {null}  wrong {wrong}"
              f"  (found, no scored event: {no_event})")


def dump(path, data, preds, results, which):
    with open(path, "w", encoding="utf-8") as out:
        for name, items in data.items():
            for pos, item in enumerate(items):
                if which != "all" and pos % 2 != (0 if which == "even" else 1):
                    continue
                facts, events, entities = results[name][pos]
                raw = item["text"].encode()
                out.write(f"=== {name}:{pos}\n{item['text']}\n")
                out.write(f"  gold source: core [{item['source_gold']}]  coders: "
                          f"{' | '.join(' '.join(s['source_actor']) for s in item['spans'])}\n")
                out.write(f"  gold target: core [{item['target_gold']}]  coders: "
                          f"{' | '.join(' '.join(s['target_actor']) for s in item['spans'])}\n")
                out.write(f"  gold verb:   core [{item['verb_gold']}]  coders: "
                          f"{' | '.join(' '.join(s['verb']) for s in item['spans'])}\n")
                for role, _ in ROLES:
                    f = facts[role]
                    flags = " ".join(k for k in ("hit", "found", "found_any", "attached", "right", "null", "wrong")
                                     if f.get(k))
                    out.write(f"  {role}: gold={'yes' if f['gold'] else 'no'} pred={f['pred']} ok={f['pred_ok']} {flags}\n")
                for e in events:
                    acts = ", ".join(f"{a.get('role')}:{span_text(raw, a['start'], a['end'])}<{a['id']}>"
                                     for a in e.get("actors", []))
                    out.write(f"  event {e['kind']} [{e['trigger']['text']}] {e.get('modality')}: {acts}\n")
                ents = "; ".join(f"{x['kind'][0]}:{span_text(raw, x['start'], x['end'])}<{x['id']}>" for x in entities)
                out.write(f"  entities: {ents}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gsr", default=DEFAULT_GSR)
    ap.add_argument("--cmd", default=DEFAULT_CMD)
    ap.add_argument("--pred")
    ap.add_argument("--write-input")
    ap.add_argument("--kinds", choices=("set", "all"), default="set")
    ap.add_argument("--dump", choices=("even", "odd", "all"))
    ap.add_argument("--dump-file")
    args = ap.parse_args()
    data = load_gsr(args.gsr)
    if args.write_input:
        with open(args.write_input, "w", encoding="utf-8") as f:
            f.writelines(input_lines(data))
        return
    if args.pred:
        try:
            preds = read_predictions(open(args.pred, encoding="utf-8"), args.pred, "gsr_roles")
        except OSError as e:
            sys.exit(f"gsr_roles: {args.pred}: {e}")
    else:
        preds = run_extractor(args.cmd, input_lines(data), "gsr_roles")
    results = {}
    for name, items in data.items():
        kinds = SETS[name] if args.kinds == "set" else None
        results[name] = []
        for pos, item in enumerate(items):
            pred = preds.get(f"{name}:{pos}")
            if pred is None:
                sys.exit(f"gsr_roles: no prediction for {name}:{pos}")
            results[name].append(score_sentence(item, pred, kinds))
    print(f"GSR roles (events scored: {args.kinds}; R against core gold, P against any coder's tokens)")
    for parity, rem in (("even", 0), ("odd", 1)):
        both = []
        for name in SETS:
            rows = [r[0] for pos, r in enumerate(results[name]) if pos % 2 == rem]
            both += rows
            report(f"{name} {parity}", rows)
        report(f"together {parity}", both)
    if args.dump:
        path = args.dump_file or f"/tmp/gsr_roles_{args.dump}.txt"
        dump(path, data, preds, results, args.dump)
        print(f"diagnostics for {args.dump} positions: {path}")


if __name__ == "__main__":
    main()
