"""Build ``bot/corpus/data/latin_places.csv``: the English and pinyin names of China's
provinces and prefecture-level cities, so that ``Sichuan``, ``region:Chengdu`` or
``Shandong 2024 GDP`` name the places ``四川``, ``成都`` and ``山东``.

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
ENGLISH_WORDS = frozenset({"ali", "aba", "luan", "jian", "xian", "yili", "tahe", "hebi", "dali"})


def reading(short: str) -> str:
    return "".join(lazy_pinyin(short, style=Style.NORMAL)).lower().replace("ü", "v")


def main() -> None:
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
    _write(
        OUT,
        "English and pinyin names of provinces and prefecture-level cities.",
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
    main()
