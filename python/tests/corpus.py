"""Test articles written for these tests, in the register of Syrian news outlets.

``ARTICLES`` are hand-written reports; ``generate(n)`` makes any number of articles from
sentence templates with actors, places, times, counts and sources drawn in turn, so an
archive of a few hundred articles exercises every event kind, dated and undated
articles, string and integer ids, and a few lines without an event.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ARTICLES: list[dict[str, object]] = [
    {
        "id": "sy24-0001",
        "date": "2019-05-20",
        "source": "SY24",
        "text": "قصفت قوات النظام أمس بلدة السخنة بريف حمص الشرقي ما أدى إلى مقتل 4 مدنيين، "
        "وفق المرصد السوري لحقوق الإنسان.",
    },
    {
        "id": "sy24-0002",
        "date": "2019-05-19",
        "source": "SY24",
        "text": "شنت الطائرات الحربية الروسية غارات جوية على مدينة أريحا في ريف إدلب الجنوبي "
        "يوم الجمعة، وقتل ثلاثة أطفال. وقال الدفاع المدني إن فرقه انتشلت الجثث من تحت الأنقاض.",
    },
    {
        "id": "enab-17",
        "date": "2018-12-03",
        "source": "Enab Baladi",
        "text": "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وتنظيم داعش في بلدة هجين "
        "بريف دير الزور الشرقي، وسط تحليق لطيران التحالف الدولي.",
    },
    {
        "id": 40213,
        "date": "2020-03-10T08:15:00Z",
        "source": None,
        "text": "اعتقلت قوات الأمن التابعة للنظام خمسة شبان في مدينة درعا البلد خلال حملة "
        "مداهمات، بحسب ناشطين من المنطقة.",
    },
    {
        "id": "orient-88",
        "date": "2012-01-13",
        "source": "Orient News",
        "text": "خرجت مظاهرة حاشدة في مدينة معرة النعمان يوم الجمعة تطالب بإسقاط النظام "
        "والإفراج عن المعتقلين.",
    },
    {
        "id": "hawar-5",
        "date": "2019-02-11 09:30",
        "source": "Hawar",
        "text": "انفجرت عبوة ناسفة بسيارة عسكرية في مدينة الرقة صباح اليوم، ما أسفر عن مقتل "
        "عنصرين من قوات سوريا الديمقراطية.",
    },
    {
        "id": "sana-301",
        "date": "2019-08-22",
        "source": "SANA",
        "text": "قالت وكالة سانا إن وحدات من الجيش السوري سيطرت على قرية الهبيط في ريف إدلب "
        "الجنوبي بعد معارك مع هيئة تحرير الشام.",
    },
    {
        "id": "sy24-0003",
        "date": None,
        "source": "SY24",
        "text": "استهدفت فصائل المعارضة بقذائف الهاون مواقع قوات النظام في مدينة حلب قبل يومين. "
        "ونفت مصادر محلية أن تكون الطائرات قد قصفت بلدة كفرنبل.",
    },
    {
        "id": "none-1",
        "date": "2021-06-01",
        "source": None,
        "text": "ناقش المجلس المحلي في المدينة خطة لإصلاح شبكة المياه قبل حلول فصل الصيف.",
    },
]

_ACTORS = [
    "قوات النظام",
    "قوات سوريا الديمقراطية",
    "تنظيم داعش",
    "هيئة تحرير الشام",
    "فصائل المعارضة",
    "ميليشيا لواء القدس",
    "الجيش الوطني السوري",
]
_PLACES = [
    "بلدة السخنة بريف حمص الشرقي",
    "مدينة أريحا في ريف إدلب الجنوبي",
    "بلدة هجين بريف دير الزور الشرقي",
    "مدينة درعا البلد",
    "مدينة الرقة",
    "مدينة معرة النعمان",
    "قرية الهبيط في ريف إدلب",
    "حي الوعر في مدينة حمص",
    "مدينة منبج بريف حلب الشرقي",
    "بادية تدمر",
]
_TIMES = ["أمس", "يوم الجمعة", "قبل يومين", "صباح اليوم", "مساء الأحد", "", "فجر اليوم"]
_COUNTS = ["3", "خمسة", "عشرات", "7", "اثنين", "12"]
_SOURCES = ["وفق المرصد السوري لحقوق الإنسان", "بحسب وكالة سانا", "حسب ناشطين", ""]
_OUTLETS = ["SY24", "Enab Baladi", "Orient News", "SANA", None]

_TEMPLATES = [
    "قصفت {actor} {time} {place} ما أدى إلى مقتل {count} مدنيين {source}.",
    "شنت الطائرات الحربية الروسية {time} غارات على {place}، {source}.",
    "اندلعت اشتباكات عنيفة بين {actor} و{actor2} في {place} {time}.",
    "اعتقلت {actor} {count} شبان في {place} خلال حملة مداهمات {source}.",
    "خرجت مظاهرة في {place} {time} تطالب بالإفراج عن المعتقلين.",
    "انفجرت عبوة ناسفة في {place} {time}، ما أسفر عن مقتل {count} عناصر من {actor}.",
    "سيطرت {actor} على {place} بعد معارك مع {actor2} {source}.",
    "استهدفت {actor} بقذائف الهاون مواقع {actor2} في {place} {time}.",
    "نفت {actor} أن تكون قد قصفت {place} {time}.",
    "ناقش وجهاء {place} مع {actor} ملف المعتقلين {time}.",
]


def generate(n: int, seed: int = 18) -> list[dict[str, object]]:
    """``n`` articles of one to three sentences each, reproducible for a seed."""
    rng = random.Random(seed)
    out: list[dict[str, object]] = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            actor, actor2 = rng.sample(_ACTORS, 2)
            sentence = rng.choice(_TEMPLATES).format(
                actor=actor,
                actor2=actor2,
                place=rng.choice(_PLACES),
                time=rng.choice(_TIMES),
                count=rng.choice(_COUNTS),
                source=rng.choice(_SOURCES),
            )
            sentences.append(" ".join(sentence.split()).replace(" .", ".").replace(" ،", "،"))
        day = 1 + i % 28
        date_forms = [f"2019-04-{day:02d}", f"2019-04-{day:02d} 10:{i % 60:02d}:00", None]
        out.append(
            {
                # Every seventh id an integer, as some archives number their articles.
                "id": 700000 + i if i % 7 == 0 else f"gen-{i:04d}",
                "date": date_forms[i % 3],
                "source": _OUTLETS[i % len(_OUTLETS)],
                "title": f"تقرير {i}",
                "text": " ".join(sentences),
            }
        )
    return out


def write_jsonl(path: Path, articles: list[dict[str, object]], **rename: str) -> Path:
    """Writes one JSON object per line; ``rename`` maps a field to the name it gets in
    the file (``text="body"``); fields whose value is None are left out."""
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            record = {rename.get(k, k): v for k, v in a.items() if v is not None}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
