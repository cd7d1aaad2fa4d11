"""Build ``bot/corpus/data/latin_places.csv``: the English and pinyin names of China's
provinces and prefecture-level cities, and the pinyin of its counties and districts, so
that ``Sichuan``, ``region:Chengdu``, ``Kaili GDP`` or ``Shandong 2024 GDP`` name the
places ``四川``, ``成都``, ``凯里`` and ``山东``.

Source: the short names of ``bot/corpus/data/gazetteer.csv`` (GB/T 2260, see
``scripts/build_gazetteer.py``), read in pinyin by the ``pypinyin`` package (a project
dependency, its phrase dictionary reading 重庆 chóngqìng), tones dropped and syllables
joined (``四川`` -> ``sichuan``); plus the conventional English names that are not
their pinyin (``CONVENTIONAL``: Inner Mongolia, Tibet, Hong Kong, Macao, Shaanxi, which
pinyin would make a second Shanxi). Run once after the gazetteer changes::

    .venv/bin/python scripts/build_latin_places.py

Output columns: ``latin,short,name,level,capital_only`` (``name`` the full name,
``阿里地区``), ``latin`` lower case, without spaces,
apostrophes or hyphens (``Xi'an``, ``Hong Kong`` -> ``xian``, ``hongkong``). A reading
two places share (泰州 and 台州 are both ``taizhou``) names neither, unless one is a
province (``jilin`` is the province; its city is also 吉林). ``capital_only`` marks the
readings that are also English words (``ali``): they name a place only written with a
capital or a suffix (``Ali``, ``ali prefecture``), never in a sentence's lower case.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "bot" / "corpus" / "data" / "gazetteer.csv"
OUT = ROOT / "bot" / "corpus" / "data" / "latin_places.csv"
# The readings left out as ambiguous, with every place they may name and its province,
# so that a query typing one is told the candidates (Suzhou: 苏州（江苏）、宿州（安徽）).
AMBIGUOUS_OUT = ROOT / "bot" / "corpus" / "data" / "latin_ambiguous.csv"

# Conventional English names (besides or instead of the pinyin reading), by short name.
CONVENTIONAL: dict[str, tuple[str, ...]] = {
    "内蒙古": ("innermongolia", "neimenggu", "neimongol"),
    "西藏": ("tibet", "xizang"),
    "香港": ("hongkong",),
    "澳门": ("macao", "macau", "aomen"),
    "陕西": ("shaanxi",),  # its pinyin, shanxi, is 山西's
    "台湾": ("taiwan",),
    "拉萨": ("lhasa", "lasa"),
    "呼和浩特": ("hohhot", "huhehaote"),
    "乌鲁木齐": ("urumqi", "wulumuqi"),
    "哈尔滨": ("harbin", "haerbin"),
    "日喀则": ("shigatse", "rikaze"),
    # characters of two readings the phrase dictionary reads wrong in these names
    "长治": ("changzhi",),
    "昌都": ("changdu",),
    "朝阳": ("chaoyang",),
    "吕梁": ("lvliang", "luliang"),
    "六安": ("luan", "liuan"),
}
# Names whose pinyin reading above is wrong: only the CONVENTIONAL ones are written.
MISREAD = frozenset({"长治", "昌都", "朝阳", "吕梁", "六安", "陕西"})
# Readings that are also English words or a common Latin word of a query (checked by
# hand against the list this script prints): a capital or a suffix is needed.
ENGLISH_WORDS = frozenset(
    {"ali", "aba", "luan", "jian", "xian", "yili", "tahe", "hebi", "dali",
     # counties' readings the project's English text does not hold
     "dean", "lean", "mile", "guide", "saga", "dari", "bole", "anda", "seni", "seda", "nima"}
)  # fmt: skip


def reading(short: str) -> str:
    return "".join(lazy_pinyin(short, style=Style.NORMAL)).lower().replace("ü", "v")


# Counties and districts (Kaili, Cangxi, Haila'er) are read as provinces and cities are,
# below them: a reading a province or city has is theirs; two counties of different names
# sharing one (Xinxing: 新兴, 信兴) name neither and are said with their candidates. One
# Chinese name several counties carry (鼓楼) is that name, as typed in Chinese.
# Readings never written: the currency (yuan, in "billion yuan"), read as 元 first.
NEVER = frozenset({"yuan"})
# A county reading that is also an English word (guide, dean, mile: ENGLISH_WORDS, a list
# kept by hand) or the pinyin of a common word (lishi is 历史 before 离石) counts only
# capitalised or with a suffix. Not read from the project's English prose: that made the
# table depend on whatever the README said the day the script ran (a sentence writing
# "kaili" in lower case would have turned Kaili GDP off). ``--review`` prints the county
# readings the English prose holds in lower case that the hand list lacks, to be judged
# and added to ENGLISH_WORDS by hand; the table does not move until someone does.
ENGLISH_TEXTS = ("*.md", "docs/*.md", "config/dictionaries/english.txt", "bot/i18n/en.toml")
# Written in lower case: a word, not a name (the text names places too: Kaili, Cangxi)
WORD_RE = re.compile(r"(?<![A-Za-z_'’:/.-])[a-z]{3,}(?![A-Za-z_'’/.-])")
# A word of jieba's dictionary this frequent is one a reader may type in pinyin.
COMMON_WORD_FREQ = 2000


def english_words() -> set[str]:
    """The lower-case words of the project's English prose (for ``--review`` only)."""
    words: set[str] = set()
    for pattern in ENGLISH_TEXTS:
        for path in ROOT.glob(pattern):
            words.update(WORD_RE.findall(path.read_text(encoding="utf-8")))
    return words


def common_readings() -> set[str]:
    """Readings of jieba's frequent words of two characters or more, a county's own
    name among them when it is a word first (和平, 长安)."""
    import jieba  # a project dependency; its dictionary is what a frequent word is

    out: set[str] = set()
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    with dictionary.open(encoding="utf-8") as fh:
        for line in fh:
            word, freq, *_ = line.split()
            if len(word) >= 2 and int(freq) >= COMMON_WORD_FREQ:
                out.add(reading(word))
    return out


def main(review: bool = False) -> None:
    with GAZETTEER.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    places = [r for r in rows if r["level"] in ("province", "city")]
    found: dict[str, dict[str, str]] = {}  # latin -> short -> level
    full = {r["short"]: r["name"] for r in reversed(places)}  # the province's first
    by_code = {r["code"]: r for r in rows}
    # a city's province (its parent's short name); a province is its own
    province = {r["short"]: by_code[r["parent"]]["short"] if r["parent"] else r["short"]
                for r in reversed(places)}  # fmt: skip
    for row in places:
        short = row["short"]
        names = CONVENTIONAL.get(short) or (reading(short),)
        if short in CONVENTIONAL and short not in MISREAD:
            names = (*names, reading(short))
        for latin in dict.fromkeys(names):
            found.setdefault(latin, {}).setdefault(short, row["level"])
    out: list[tuple[str, str, str, str, int]] = []
    ambiguous: list[tuple[str, str, str]] = []
    for latin, shorts in sorted(found.items()):
        provinces = [s for s, level in shorts.items() if level == "province"]
        if latin == "shanxi":
            provinces = ["山西"]  # 陕西 is shaanxi
        if len(shorts) == 1:
            short, level = next(iter(shorts.items()))
        elif len(provinces) == 1:
            short, level = provinces[0], "province"
        else:
            print("ambiguous, left out:", latin, sorted(shorts))
            ambiguous += [(latin, s, province[s]) for s in sorted(shorts)]
            continue
        out.append((latin, short, full[short], level, int(latin in ENGLISH_WORDS)))
    taken = set(found)
    counties: dict[str, dict[str, list[dict[str, str]]]] = {}  # latin -> short -> its rows
    for row in rows:
        if row["level"] == "county" and row["short"] not in province:
            latin = reading(row["short"])
            if latin not in taken and latin not in NEVER:
                counties.setdefault(latin, {}).setdefault(row["short"], []).append(row)
    common = common_readings()
    if review:
        words = english_words()
        for latin in sorted(counties):
            if latin in words and latin not in common and latin not in ENGLISH_WORDS:
                print("county reading in the English prose, not in ENGLISH_WORDS:", latin)
    for latin, shorts in sorted(counties.items()):
        if len(shorts) > 1:
            ambiguous += sorted(
                {(latin, s, _province_of(r, by_code)) for s, held in shorts.items() for r in held}
            )
            continue
        short, (row, *_) = next(iter(shorts.items()))
        capital_only = latin in common or latin in ENGLISH_WORDS
        out.append((latin, short, row["name"], "county", int(capital_only)))
    out.sort()
    _write(
        OUT,
        "English and pinyin names of provinces, prefecture-level cities and counties.",
        ["latin", "short", "name", "level", "capital_only"],
        out,
    )
    print(f"{len(out)} names -> {OUT.relative_to(ROOT)}")
    _write(
        AMBIGUOUS_OUT,
        "English and pinyin readings two places share, with each place's province.",
        ["latin", "short", "province"],
        ambiguous,
    )
    print(f"{len(ambiguous)} places of ambiguous names -> {AMBIGUOUS_OUT.relative_to(ROOT)}")


def _province_of(row: dict[str, str], by_code: dict[str, dict[str, str]]) -> str:
    while row["parent"]:
        row = by_code[row["parent"]]
    return row["short"]


def _write(path: Path, what: str, header: list[str], rows: list[tuple[object, ...]]) -> None:
    """A table with the two comment lines that say what it is and that it is generated."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            f"# {what}\n"
            "# Built by scripts/build_latin_places.py from gazetteer.csv with pypinyin;"
            " do not edit by hand.\n"
        )
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    main(review="--review" in sys.argv[1:])
