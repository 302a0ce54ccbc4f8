"""The OCHA communities (../shared/data/A_places/ocha_communities_2015/communities.tsv,
UN OCHA COD, CC BY 3.0 IGO) as clean records, and the rule that says when a community
is the same place as a record that already exists. Shared by gen_communities.py (which
writes the communities that are new) and gen_geonames.py (which gives its towns the
P-code of the community they are).

Cleaning, from what the source holds:
- OCHA joins alternatives with "_" (split already in `alt_names_ar`), and also writes
  "X - Y" or "X / Y": when Y is the name of the community's own district or
  subdistrict (or governorate) it only tells the place apart ("الحجلية- الباب",
  "دير حنا / اللاذقية") and is dropped; otherwise both are names ("الضفة-الحلموز");
- a last word naming the own district or subdistrict is such a qualifier too
  ("العروبة الباب", "الكبيرة منبج");
- the alternative of the 6 names OCHA cut mid-character is not kept.
"""
import csv, math, os, re

from gazetteer_tsv import norm

ARABIC_NAME = re.compile("^[\u0621-\u064A]+(?: [\u0621-\u064A]+)*$")
MERGE_KM = 10.0
# First words that make a name with the next one ("كفر حلب", "معرة صيدنايا"): a name
# ending in a district's name after one of these is not qualified by it.
CONSTRUCT = {norm(w) for w in "كفر معرة معارة تل دير عين بيت خربة أبو أم رأس جسر خان دار بني مزرعة قصر جب رسم تلة أشرفية".split()}


def km(a, b):
    """Distance in km between two (lat, lon) points (equirectangular; fine under 100 km)."""
    dy = (a[0] - b[0]) * 111.2
    dx = (a[1] - b[1]) * 111.2 * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(dx, dy)


def admin_name(s):
    """An admin unit's name as text uses it for a qualifier: without "مركز", "مدينة"."""
    return norm(re.sub("^(مركز|مدينة|منطقة|ناحية|محافظة) ", "", s.strip()))


def clean_names(row, main_names=frozenset()):
    """The Arabic names of a community row, main name first. `main_names`: the
    normalized main names of all communities, to tell a qualifier from a name's own
    word ("كفر حلب" is a village, "البيرة الباب" the Bira of al-Bab district)."""
    qualifiers = {admin_name(row[k]) for k in ("adm1_ar", "adm2_ar", "adm3_ar") if row[k]}
    raw = [row["name_ar"]] + [a for a in row["alt_names_ar"].split("|") if a]
    names = []
    for whole in raw:
        parts = [p.strip() for p in re.split(r"\s*[-/]\s*", whole) if p.strip()]
        if len(parts) > 1:
            parts = [p for p in parts if norm(p) not in qualifiers] or parts[:1]
        for p in parts:
            p = re.sub(" قرب .*$", "", p)  # "أم عدسة قرب منبج"
            words = p.split()
            base = " ".join(words[:-1])
            if (len(words) > 1 and norm(words[-1]) in qualifiers and norm(base) in main_names
                    and norm(base) not in CONSTRUCT):
                p = base
            if p and norm(p) not in map(norm, names):
                names.append(p)
    return [n for n in names if ARABIC_NAME.match(n) or re.match(r"^\d+ [\u0621-\u064A]+$|^[\u0621-\u064A]+ \d+$", n)]


def load(data):
    """The communities as dicts: pcode, names, name_en, parent, gov, lat, lon, capital_level."""
    path = os.path.join(data, "A_places", "ocha_communities_2015", "communities.tsv")
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    # A qualified name's base ("البيرة" of "البيرة الباب") counts when another
    # community has it as its name or as its base too.
    forms = {}
    for r in rows:
        quals = {admin_name(r[k]) for k in ("adm1_ar", "adm2_ar", "adm3_ar") if r[k]}
        for n in re.split(r"\s*[-/]\s*", r["name_ar"]):
            w = n.split()
            forms[norm(n)] = forms.get(norm(n), 0) + 1
            if len(w) > 1 and norm(w[-1]) in quals:
                b = norm(" ".join(w[:-1]))
                forms[b] = forms.get(b, 0) + 1
    mains = frozenset(f for f, k in forms.items() if k >= 2)
    out = []
    for row in rows:
        names = clean_names(row, mains)
        if not names:
            raise SystemExit(f"{path}: {row['pcode']}: no usable Arabic name in {row['name_ar_raw']!r}")
        out.append(dict(pcode=row["pcode"], names=names, name_en=row["name_en"].strip(),
                        alt_en=[a for a in row["alt_names_en"].split("|") if a],
                        parent=row["crate_parent_id"], gov=row["adm1_pcode"].lower(),
                        lat=float(row["lat"]), lon=float(row["lon"]),
                        capital_level=row["capital_level"]))
    return out


def governorate(rid, by_id):
    """The governorate id (sy##) above a location record, or None outside Syria."""
    seen = set()
    while rid and rid not in seen:
        seen.add(rid)
        r = by_id.get(rid)
        if r is None:
            return None
        if r.get("kind") == "governorate":
            return rid
        rid = r.get("parent")
    return None


def record_names(r):
    return {norm(n.strip()) for n in [r["name_ar"], *r.get("aliases", "").split("|")] if n.strip()}


def loose(n):
    """A name with the article of its first word, spaces and a final alef or yaa
    dropped: "الباغوز فوقاني" ~ "باغوز فوقاني", "كفرصغير" ~ "كفر صغير", "نوا" ~ "نوى"."""
    n = re.sub("^ال", "", norm(n)).replace(" ", "")
    return re.sub("[اي]$", "", n)


# Same places whose names differ in the two sources (checked by hand: same
# governorate, points within 15 km, same place by its English name or history).
SAME_PLACE = {
    "tabqa-city": "C5929",   # Al-Tabqa is officially مدينة الثورة (OCHA "Al-Thawrah")
    "qah": "C4131",          # Qah by Atmeh; the curated point was 15 km off
    "gn173797": "C4519",     # GeoNames writes الهول as الحول
    "gn164071": "C2074",     # Sirrin (North) = OCHA صرين, 0.1 km apart
    "yarmouk-camp": "C1002", # OCHA's community Yarmuk in Damascus city is the camp
}
LOOSE_KM = 3.0


SETTLEMENT = {"city": MERGE_KM, "town": MERGE_KM, "village": MERGE_KM, "neighbourhood": 2.0, "camp": 2.0}


def match(records, communities, by_id):
    """Which community each record is: {record id: (community, km)}.

    Same place = the same governorate and, for a city, town or village, a normalized
    Arabic name in common (main name or alternative) and points less than MERGE_KM
    apart, or a name equal up to the article, spaces and a final alef/yaa (`loose`)
    and less than LOOSE_KM apart; a neighbourhood or camp only within 2 km; and the
    SAME_PLACE pairs. Each side is used once, the nearest pairs first.
    """
    pairs = []
    by_name, by_loose, by_pcode = {}, {}, {}
    for c in communities:
        by_pcode[c["pcode"]] = c
        for n in c["names"]:
            by_name.setdefault(norm(n), []).append(c)
            by_loose.setdefault(loose(n), []).append(c)
    for r in records:
        if r.get("kind") not in SETTLEMENT or not r.get("lat"):
            continue
        gov = governorate(r["id"], by_id)
        p = (float(r["lat"]), float(r["lon"]))
        if r["id"] in SAME_PLACE:
            c = by_pcode[SAME_PLACE[r["id"]]]
            pairs.append((-1.0, r["id"], c["pcode"], c))
            continue
        limit = SETTLEMENT[r["kind"]]
        for n in record_names(r):
            for tier, found in ((limit, by_name.get(n, [])), (min(limit, LOOSE_KM), by_loose.get(loose(n), []))):
                for c in found:
                    d = km(p, (c["lat"], c["lon"]))
                    if c["gov"] == gov and d < tier:
                        pairs.append((d, r["id"], c["pcode"], c))
    out, used = {}, set()
    for d, rid, pcode, c in sorted(pairs, key=lambda x: x[:3]):
        if rid in out or pcode in used:
            continue
        out[rid] = (c, d)
        used.add(pcode)
    return out
