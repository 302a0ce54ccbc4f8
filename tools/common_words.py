"""Which place names are also common words, from evidence rather than a hand list.

Two measures for each name, both reproducible:
- its frequency in general Arabic, as the Zipf value of the `wordfreq` package
  (`pip install wordfreq`; 3 = once per million words, 5 = once per thousand);
- how B_news (../shared/data/B_news/saudinewsnet_2015_syria_subset.jsonl, 984 articles
  about Syria) uses it: how often it stands as a word (proclitics allowed, as the
  matcher allows them) and how often right after a settlement cue word of cues.tsv
  (قرية, بلدة, مدينة, حي, منطقة, ريف, محيط ...).

A name is a common word (`needs_cue`) when
- it has at most two letters without the article; or
- a proclitic and the name make a word of Zipf frequency ZIPF_LOW (2.5) or more, and
  more frequent than the name ("بنان" is inside "لبنان", which the matcher reads as ل +
  بنان), or the name is a proclitic and an everyday word ("كدين" = ك + دين); or
- it is one word of Zipf frequency ZIPF_LOW (2.5) or more (ZIPF_COMMON, 3.5, for a
  district or governorate centre), or several words
  whose combined frequency is MULTI_ZIPF_COMMON (4.5) or more (the words of a person's
  name, "الشيخ علي", "أبو عمر"), unless B_news writes it after a settlement cue word
  (قرية, بلدة, مدينة, حي ...: SETTLEMENT_CUES) at least twice and in at least half
  of its uses (جوزف: 4 of 6, كويرس: 6 of 6); a word of everyday Arabic scores
  high (الجديدة 5.5, السلام 5.6, الحراك 4.1), village names low (تادف 2.2, العريمة 1.9; جوبر, 3.1,
  is a place by B_news: 14 of 16 after حي); or
- its Zipf frequency is at least 2.5 and B_news writes it at least 3 times, less than
  30% of them after a cue word or a preposition (في, إلى, قرب ...); or
- B_news writes it at least 3 times and never after a cue word or a preposition, or at
  least NEWS_MIN (5) times, less than 20% of them after one (a word that news uses
  for something else: "معربا عن").

No third-party text is stored: the generators keep only the derived flag, and
`python3 tools/common_words.py NAME...` prints the figures for names.
"""
import json, os, re, sys

from gazetteer_tsv import norm, read_tsv

ZIPF_COMMON = 3.5
MULTI_ZIPF_COMMON = 4.5
ZIPF_LOW = 2.5
NEWS_MIN = 5
EVERYDAY = 4.5

# The cue words that name a settlement: "قرية X" is a village, "منطقة X" or "قاعدة X"
# may be "منطقة عريضة" (a wide zone) or "القاعدة الذهبية" (the golden rule).
SETTLEMENT_CUES = {norm(w) for w in "قرية بلدة مدينة حي قريتي بلدتي مدينتي قرى بلدات مدن أحياء مخيم".split()}

WORD = re.compile("[\u0621-\u064A]+")
PROCLITICS = re.compile("^(?:[وف]?[بلك]?)")


def _wordfreq():
    try:
        import wordfreq
    except ImportError:
        raise SystemExit("this generator needs the wordfreq package: pip install wordfreq")
    return wordfreq


def spellings(name):
    """The spellings text may give a name that the matcher folds to it: as written,
    without hamza on alef, a word's first alef with hamza or madda ("والية" is found in
    "وإليه" and "وآلية"), each final ة as ه ("حينة" in "في حينه"), final ى as ي."""
    out = {name, norm(name)}
    for s in list(out):
        out.add(re.sub("ة\\b", "ه", s))
        out.add(re.sub("ه\\b", "ة", s))
        out.add(re.sub("ي\\b", "ى", s))
    for s in list(out):
        words = s.split()
        for i, w in enumerate(words):
            for k, c in enumerate(w[:3]):
                if c == "ا" and not (k == 0 and w.startswith("ال")):  # "الاسقف" is الأسقف
                    for h in "أإآ":
                        out.add(" ".join(words[:i] + [w[:k] + h + w[k + 1:]] + words[i + 1:]))
    return out


def zipf(name):
    """Zipf frequency in Arabic of the most frequent spelling of a name (several words:
    their combined frequency)."""
    wf = _wordfreq()
    return max(wf.zipf_frequency(s, "ar") for s in spellings(name))


def clitic_zipf(name):
    """The most frequent word a proclitic and the name make ("لبنان" = ل + "بنان"),
    with that word: the matcher finds the name inside it."""
    wf = _wordfreq()
    heads = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"]
    forms = [h + s for h in heads for s in spellings(name)]
    if name.startswith("ال"):
        forms += [h + "ل" + s[1:] for h in ("", "و", "ف") for s in spellings(name)]
    best = max(forms, key=lambda f: wf.zipf_frequency(f, "ar"))
    return wf.zipf_frequency(best, "ar"), best


def cue_words(gazetteers):
    """The normalized location cue words and prepositions of cues.tsv."""
    rows = read_tsv(os.path.join(gazetteers, "cues.tsv"))
    return ({norm(r["word"]) for r in rows if r["role"] == "location"},
            {norm(r["word"]) for r in rows if r["role"] == "preposition"})


def news_texts(data):
    path = os.path.join(data, "B_news", "saudinewsnet_2015_syria_subset.jsonl")
    if not os.path.exists(path):
        raise SystemExit(f"{path} is missing: the common-word evidence needs it")
    return [json.loads(line).get("content") or "" for line in open(path, encoding="utf-8")]


def _stems(token):
    """The ways a text word may hold a name's first word behind proclitics."""
    out = {token}
    for i in range(1, min(3, len(token) - 1) + 1):
        head, rest = token[:i], token[i:]
        if PROCLITICS.fullmatch(head):
            out.add(rest)
            if head.endswith("ل") and rest.startswith("ل"):
                out.add("ا" + rest)  # للسخنة = ل + السخنة
    return out


class NewsCounts:
    """Counts of names in the B_news texts: overall, right after a cue word, and right
    after a cue word or a preposition."""

    def __init__(self, texts, cues, known=frozenset()):
        """`known`: normalized names of existing records; an occurrence that is part of
        one ("جبل الزاوية" for الزاوية) is not counted, since the matcher takes the
        longer name."""
        self.docs = [WORD.findall(norm(t)) for t in texts]
        self.cues, self.prepositions = cues
        self.known = {k for k in known if " " in k}

    def count(self, names):
        """{normalized name: (as a word, after a cue, after a cue or preposition,
        after a settlement cue)}."""
        by_first = {}
        for n in names:
            w = norm(n).split()
            by_first.setdefault(w[0], []).append(w)
        out = {" ".join(w): [0, 0, 0, 0] for ws in by_first.values() for w in ws}
        for toks in self.docs:
            for i, t in enumerate(toks):
                for stem in _stems(t):
                    for w in by_first.get(stem, ()):
                        if toks[i + 1:i + len(w)] == w[1:]:
                            before = _stems(toks[i - 1]) if i > 0 else set()
                            if any(b + " " + " ".join(w) in self.known for b in before):
                                continue
                            c = out[" ".join(w)]
                            c[0] += 1
                            if before & self.cues:
                                c[1] += 1
                            if before & SETTLEMENT_CUES:
                                c[3] += 1
                            if before & (self.cues | self.prepositions):
                                c[2] += 1
        return {k: tuple(v) for k, v in out.items()}


def everyday(name, news):
    """A common word so frequent (Zipf EVERYDAY or more, or in B_news NEWS_MIN times or
    more, less than half of them after a settlement cue) that even a cue word before it
    does not make it a place often enough ("دولة كردية", "أحياء المدينة")."""
    return zipf(name) >= EVERYDAY or (news[0] >= NEWS_MIN and news[3] < 0.5 * news[0])


def is_common(name, news, centre=False):
    """(needs_cue, reason) for a name given its news counts (`NewsCounts.count`).
    `centre`: the place is a district or governorate centre, whose name owes some of
    its frequency to being a place: the band from ZIPF_LOW to ZIPF_COMMON is not read
    as a common word for it."""
    n = norm(name)
    letters = len(re.sub("^ال", "", n).replace(" ", ""))
    if letters <= 2:
        return True, "short"
    z = zipf(name)
    cz, form = clitic_zipf(name)
    if cz >= ZIPF_LOW and cz >= z + 0.3:
        return True, f"{form} zipf {cz:.2f}"
    m = re.match("^[وفبلك](\\S{3,})$", n)
    if m and zipf(m.group(1)) >= ZIPF_COMMON + 0.5:
        return True, f"{n[0]} + {m.group(1)} zipf {zipf(m.group(1)):.2f}"  # "كدين" = ك + دين
    total, cued, placed = news[:3]
    settled = news[3] if len(news) > 3 else cued
    as_place = settled >= 2 and settled >= 0.5 * total
    if z >= (ZIPF_COMMON if " " not in n else MULTI_ZIPF_COMMON) and not as_place:  # an everyday word
        return True, f"zipf {z:.2f}"
    if z >= ZIPF_LOW and not centre and " " not in n and not as_place:
        return True, f"zipf {z:.2f}"
    if z >= ZIPF_LOW and total >= 3 and placed < 0.3 * total:
        return True, f"zipf {z:.2f}, news {placed}/{total} after a cue or preposition"
    if total >= 3 and placed == 0:
        return True, f"news {total} times, never after a cue or preposition"
    if total >= NEWS_MIN and placed < 0.2 * total:
        return True, f"news {placed}/{total} after a cue or preposition"
    return False, ""


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, "..", "..", "shared", "data")
    counts = NewsCounts(news_texts(data), cue_words(os.path.join(here, "..", "gazetteers"))).count(sys.argv[1:])
    for name in sys.argv[1:]:
        c = counts[norm(name)]
        print(f"{name}\tzipf {zipf(name):.2f}\tnews {c[0]}, after a cue {c[1]}, after a cue or preposition {c[2]}"
              f"\tneeds_cue: {is_common(name, c)}")
