"""Shared by the gazetteer generators: the matcher's normalization (enough of it to
compare names) and a reader for the gazetteer TSV format (header line, `#` comments)."""
import re


def norm(s):
    s = re.sub("[\u064B-\u065F\u0670\u0640]", "", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(s.split())


def read_tsv(path):
    """The records of a gazetteer file as dicts keyed by the header's column names."""
    rows = []
    header = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if header is None:
            header = f
            continue
        rows.append(dict(zip(header, f)))
    return rows
