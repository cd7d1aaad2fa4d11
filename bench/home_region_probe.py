"""How much a chat's own place (``/region``) gives back: dev queries naming one place, asked
again with that place said as 我县 / 我市 / 我省 (the word of its level), with the place set
(``home``) and without.

For each dev judgement whose query is understood to name exactly one place (a county, a
city or a province; not 全国), the place's name as typed is replaced by the home word of
its level and the query is searched three ways: as typed, with the home word and the place
set, with the home word and no place. Scored as ``bench/eval_search.py`` scores (MRR@10,
recall@5). With the place set the home-word query should score as the query as typed.

    python bench/home_region_probe.py --relevance tests/data/real/relevance.jsonl \\
        --corpus DEV_DOCS_FOLDER --split dev

``--corpus`` is a folder of the documents to index (for dev: the dev documents only).
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_search import load_judgements, score
from bot.config import Settings
from bot.corpus.gazetteer import NATIONAL, default_gazetteer
from bot.corpus.home import home_of
from bot.library import Engine
from bot.search.home_words import HomeReading
from bot.text.normalize import normalize

_SUFFIXES = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "州", "区", "县", "盟", "旗")


def home_word(place) -> str:
    """The word an official of ``place`` writes for it: 我县, 我区, 我市, 本州, 我省."""
    if place.level == "county":
        return (
            "我区" if place.name.endswith("区") else "我市" if place.name.endswith("市") else "我县"
        )
    if place.level == "city":
        return "本州" if place.name.endswith("州") and not place.name.endswith("市") else "我市"
    if place.name.endswith("自治区"):
        return "我区"
    return "我市" if place.name.endswith("市") else "我省"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relevance", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--split", default="dev")
    args = ap.parse_args()
    if args.split == "test":
        raise SystemExit("the test split is not probed")
    judgements = [j for j in load_judgements(args.relevance) if j.split == args.split]
    gazetteer = default_gazetteer()
    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine.open(Settings(corpus_dir=args.corpus, data_dir=Path(tmp) / "data"))
        names: dict[str, set[str]] = collections.defaultdict(set)
        for d in engine.documents():
            names[d.doc_id].update({d.filename, Path(d.filename).name})
        known = {Path(d.filename).name for d in engine.documents()}
        probed = []
        for j in judgements:
            if not all(doc in known for doc, _ in j.relevant):
                continue  # a document not in this corpus
            facets = engine.searcher.understand(j.query).facets
            if not facets.region or facets.region == NATIONAL or facets.regions:
                continue
            text = normalize(j.query)
            mentions = [m for m in gazetteer.mentions(text) if m.place.short == facets.region]
            if len(mentions) != 1:
                continue
            m = mentions[0]
            end = m.end
            for suffix in _SUFFIXES:
                if text.startswith(suffix, end) and m.place.name.endswith(suffix):
                    end += len(suffix)
                    break
            said = text[: m.start] + home_word(m.place) + text[end:]
            probed.append((j, said, home_of(m.place, gazetteer)))
        ranked: dict[str, dict[str, list[tuple[str, str]]]] = {
            "as typed": {},
            "home word, place set": {},
            "home word, no place": {},
            "home word, not read": {},
        }
        for j, said, home in probed:
            for name, query, place in (
                ("as typed", j.query, None),
                ("home word, place set", said, home),
                ("home word, no place", said, None),
            ):
                resp = engine.search(query, page_size=10, home=place)
                ranked[name][j.id] = [(h.doc_id, h.text) for h in resp.hits]
        # before /region: the home word searched as a word of the text (and corrected)
        engine.read_home = lambda text, home, as_filter=False: HomeReading(text)
        for j, said, _home in probed:
            resp = engine.search(said, page_size=10)
            ranked["home word, not read"][j.id] = [(h.doc_id, h.text) for h in resp.hits]
        js = [j for j, _, _ in probed]
        levels = collections.Counter(home_word(gazetteer.by_code[h.code]) for _, _, h in probed)
        said = f"{len(probed)} of {len(judgements)} {args.split} queries name one place"
        print(f"{said}: {dict(levels)}")
        for name, r in ranked.items():
            s = score(name, r, js, names, k=10, recall_k=5)
            print(f"{name:24} MRR@10 {s.mrr:.3f}  recall@5 {s.recall_at:.3f}")
        worse = [
            (j.id, said)
            for j, said, _ in probed
            if ranked["home word, place set"][j.id][:1] != ranked["as typed"][j.id][:1]
        ]
        print(f"first hit differs with the place set: {len(worse)}")
        for jid, said in worse[:15]:
            print(" ", jid, said)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
