"""Benchmark corpora and benchmark queries, built from the bundled corpus.

Tiers
-----
``small``
    The bundled corpus itself (``corpus/*.txt``, about 0.14 MB), copied as is.
``real10mb``
    The 35 real documents of ``tests/data/real/docs`` copied until 10 MB, each copy
    another province's (its own province swapped) and another year's (its years
    shifted), figures perturbed: realistic region and year metadata for searches that
    name them.
``10mb`` / ``100mb``
    Synthetic but realistic documents of 100–200 KB each. Every document is a
    sequence of runs of consecutive paragraphs sampled from the bundled documents
    (so headings stay followed by their paragraphs), each paragraph perturbed:
    city/district names swapped (one consistent choice per document), numbers and
    percentages changed, sentence order shuffled, a sentence dropped or duplicated,
    some terms replaced by synonyms. No two documents are identical, yet the
    vocabulary, paragraph lengths and term statistics stay those of real policy text.

Everything is deterministic (fixed seed; one ``random.Random`` per document) and
cached: a tier folder holds a ``MANIFEST.json`` and is reused as long as the
manifest matches (generator version, seed, hash of the bundled corpus, file sizes).

Queries
-------
:func:`make_queries` draws 1- and 2-term queries from the bundled corpus vocabulary
(jieba with part-of-speech tags): content words of 2–6 CJK characters, stop words
excluded, plus frequent adjacent compounds such as ``乡村振兴``; 1-term queries are
sampled by frequency, 2-term queries are pairs of terms that co-occur in a paragraph.

Also here: :func:`fallback_passages`, the "each non-empty line of each file"
passage split used while ``bot.library`` is not implemented.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import itertools
import json
import logging
import math
import random
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = ROOT / "corpus"
GENERATOR_VERSION = 1
DEFAULT_SEED = 20240601

TIERS: dict[str, int] = {
    "small": 0,
    "10mb": 10 * 2**20,
    "100mb": 100 * 2**20,
    "real10mb": 10 * 2**20,
}
# The real documents (tests/data/real/docs) the ``real10mb`` tier is made of.
REAL_DOCS = ROOT / "tests" / "data" / "real" / "docs"
# Provinces a real document's own province is swapped with (one per copy).
PROVINCE_POOL = (
    "山东", "江苏", "浙江", "广东", "河南", "四川", "湖北", "湖南", "安徽", "福建", "河北",
    "江西", "陕西", "云南", "贵州", "广西", "山西", "辽宁", "吉林", "甘肃", "海南", "宁夏",
)  # fmt: skip
DOC_MIN_BYTES = 100 * 1024
DOC_MAX_BYTES = 200 * 1024

# Place names found in the bundled documents, and the pools they are swapped with.
CITY_NAMES = ("青岛", "烟台", "济南")
CITY_POOL = (
    "青岛", "烟台", "济南", "潍坊", "淄博", "威海", "日照", "临沂", "济宁", "泰安",
    "德州", "聊城", "滨州", "菏泽", "枣庄", "东营", "苏州", "无锡", "宁波", "温州",
    "合肥", "芜湖", "郑州", "洛阳", "成都", "绵阳", "长沙", "株洲", "南昌", "赣州",
    "福州", "厦门", "泉州", "大连", "沈阳", "石家庄", "唐山", "太原", "西安", "宝鸡",
)  # fmt: skip
DISTRICT_NAMES = (
    "市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区", "即墨区", "胶州市",
    "平度市", "莱西市", "芝罘区", "福山区", "莱山区", "牟平区", "蓬莱区", "龙口市",
)  # fmt: skip
DISTRICT_POOL = (
    "东城区", "西城区", "南湖区", "北湖区", "高新区", "经开区", "滨海新区", "临港新区",
    "城关区", "新华区", "和平区", "长安区", "龙山区", "金山区", "鼓楼区", "开发区",
    "江北区", "江南区", "河东区", "河西区", "东山县", "青山县", "平原县", "丰城市",
)  # fmt: skip

# Near-synonyms common in policy prose; each pair is used in both directions.
SYNONYM_PAIRS = (
    ("推进", "推动"),
    ("加强", "强化"),
    ("提升", "提高"),
    ("完善", "健全"),
    ("加快", "加速"),
    ("持续", "不断"),
    ("积极", "大力"),
    ("深入", "深化"),
    ("群众", "居民"),
    ("企业", "市场主体"),
    ("打造", "建设"),
    ("落实", "实施"),
    ("重点", "重要"),
    ("措施", "举措"),
    ("目标", "任务"),
    ("支持", "扶持"),
)
_SYNONYMS: dict[str, list[str]] = collections.defaultdict(list)
for _a, _b in SYNONYM_PAIRS:
    _SYNONYMS[_a].append(_b)
    _SYNONYMS[_b].append(_a)
_SYN_RE = re.compile("|".join(sorted(map(re.escape, _SYNONYMS), key=len, reverse=True)))
_NUM_RE = re.compile(r"\d+(?:\.\d+)?")
_SENT_RE = re.compile(r"[^。！？；!?;]+[。！？；!?;]*")
_CITY_RE = re.compile("|".join(CITY_NAMES))
_DISTRICT_RE = re.compile("|".join(DISTRICT_NAMES))

TITLE_KINDS = (
    "政府工作报告",
    "关于推动高质量发展的实施意见",
    "国民经济和社会发展统计公报",
    "关于进一步优化营商环境的若干措施",
    "党代会报告",
    "重点工作任务分解方案",
    "关于加快建设现代化产业体系的意见",
    "年度工作要点",
)

log = logging.getLogger("bench.corpora")


# --------------------------------------------------------------------------- sources


def _source_files(source: Path = BUNDLED_CORPUS) -> list[Path]:
    files = sorted(p for p in source.glob("*.txt") if p.is_file())
    if not files:
        raise FileNotFoundError(f"no .txt files in {source}")
    return files


def _source_hash(files: list[Path]) -> str:
    h = hashlib.sha256()
    for p in files:
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def _paragraphs(files: list[Path]) -> list[list[str]]:
    """Non-empty lines (stripped) of each source document."""
    out = []
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        paras = [line.strip() for line in text.splitlines() if line.strip()]
        if paras:
            out.append(paras)
    return out


def fallback_passages(corpus_dir: Path) -> Iterator[tuple[str, int, str]]:
    """``(filename, ordinal, text)`` for each non-empty line of each ``*.txt`` file.

    Stand-in for ``Engine.passages()`` while the engine is not implemented.
    """
    for p in sorted(Path(corpus_dir).glob("*.txt")):
        text = p.read_text(encoding="utf-8", errors="replace")
        ordinal = 0
        for line in text.splitlines():
            line = line.strip()
            if line:
                yield p.name, ordinal, line
                ordinal += 1


# --------------------------------------------------------------------------- perturbation


def _perturb_number(rng: random.Random, m: re.Match[str]) -> str:
    s = m.group(0)
    if rng.random() < 0.4:
        return s
    if "." in s:
        whole, frac = s.split(".")
        hi = max(1, 10 ** max(1, len(whole)) - 1)
        return f"{rng.randint(0, hi)}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
    n = int(s)
    if len(s) == 4 and 1949 <= n <= 2035:  # a year: stay plausible
        return str(rng.randint(2018, 2026))
    lo = 10 ** (len(s) - 1) if len(s) > 1 else 1
    return str(rng.randint(lo, 10 ** len(s) - 1))


def _perturb_paragraph(rng: random.Random, para: str, city: str, districts: dict[str, str]) -> str:
    para = _CITY_RE.sub(city, para)
    para = _DISTRICT_RE.sub(lambda m: districts[m.group(0)], para)
    para = _NUM_RE.sub(lambda m: _perturb_number(rng, m), para)
    para = _SYN_RE.sub(
        lambda m: rng.choice(_SYNONYMS[m.group(0)]) if rng.random() < 0.3 else m.group(0), para
    )
    sentences = _SENT_RE.findall(para)
    if len(sentences) >= 2:
        if rng.random() < 0.5:
            rng.shuffle(sentences)
        r = rng.random()
        if r < 0.15 and len(sentences) >= 3:
            del sentences[rng.randrange(len(sentences))]
        elif r < 0.25:
            i = rng.randrange(len(sentences))
            sentences.insert(i, sentences[i])
        para = "".join(sentences)
    return para


def _make_document(rng: random.Random, sources: list[list[str]], index: int) -> str:
    city = rng.choice(CITY_POOL)
    districts = {d: rng.choice(DISTRICT_POOL) for d in DISTRICT_NAMES}
    year = rng.randint(2018, 2026)
    target = rng.randint(DOC_MIN_BYTES, DOC_MAX_BYTES)
    sep = "\n\n" if rng.random() < 0.5 else "\n"
    parts = [f"{city}市{year}年{rng.choice(TITLE_KINDS)}（第{index + 1}号）"]
    size = len(parts[0].encode())
    weights = [len(doc) for doc in sources]
    while size < target:
        doc = rng.choices(sources, weights=weights)[0]
        start = rng.randrange(len(doc))
        run = doc[start : start + rng.randint(3, 15)]
        for para in run:
            text = _perturb_paragraph(rng, para, city, districts)
            parts.append(text)
            size += len(text.encode()) + len(sep)
    return sep.join(parts) + "\n"


def _real_copy(rng: random.Random, text: str) -> str:
    """A real document as another province's and another year's: its own province
    (the first one it names) and its years shifted consistently, figures perturbed, so
    region and year metadata stay realistic and differ between copies."""
    own = next((p for p in PROVINCE_POOL if p in text[:2000]), None)
    if own:
        text = text.replace(own, rng.choice(PROVINCE_POOL))
    shift = rng.randint(-4, 2)
    text = re.sub(r"(?<!\d)(20[0-4]\d)(?=\s*年)", lambda m: str(int(m.group(1)) + shift), text)
    return _NUM_RE.sub(
        lambda m: m.group(0) if len(m.group(0)) == 4 else _perturb_number(rng, m), text
    )


def _write_real_tier(out: Path, target: int, seed: int) -> list[tuple[str, int]]:
    sources = sorted(REAL_DOCS.glob("*.txt"))
    written: list[tuple[str, int]] = []
    total = 0
    i = 0
    while total < target:
        src = sources[i % len(sources)]
        rng = random.Random(f"{seed}:real:{i}")
        data = _real_copy(rng, src.read_text(encoding="utf-8")).encode("utf-8")
        name = f"real_{i:05d}_{src.name}"
        (out / name).write_bytes(data)
        written.append((name, len(data)))
        total += len(data)
        i += 1
    return written


# --------------------------------------------------------------------------- tiers


def _manifest_ok(out_dir: Path, expected: dict) -> bool:
    try:
        manifest = json.loads((out_dir / "MANIFEST.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if any(manifest.get(k) != v for k, v in expected.items()):
        return False
    files = manifest.get("files") or []
    if not files:
        return False
    for name, size in files:
        p = out_dir / name
        if not p.is_file() or p.stat().st_size != size:
            return False
    present = {p.name for p in out_dir.glob("*.txt")}
    return present == {name for name, _ in files}


def build_corpus(
    tier: str, out_dir: Path, *, seed: int = DEFAULT_SEED, source: Path = BUNDLED_CORPUS
) -> Path:
    """Write the ``tier`` corpus as ``*.txt`` files into ``out_dir`` and return it.

    Reuses ``out_dir`` when its ``MANIFEST.json`` matches; otherwise the folder is
    (re)generated in a temporary sibling and swapped in, so an interrupted run never
    leaves a half-written tier that looks complete.
    """
    if tier not in TIERS:
        raise ValueError(f"unknown tier {tier!r}; expected one of {sorted(TIERS)}")
    out_dir = Path(out_dir)
    files = _source_files(REAL_DOCS if tier.startswith("real") else source)
    expected = {
        "generator_version": GENERATOR_VERSION,
        "tier": tier,
        "seed": seed,
        "source_sha256": _source_hash(files),
    }
    if _manifest_ok(out_dir, expected):
        log.info("corpus %s: reusing %s", tier, out_dir)
        return out_dir

    t0 = time.perf_counter()
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    written: list[tuple[str, int]] = []
    if tier == "small":
        for p in files:
            shutil.copyfile(p, tmp / p.name)
            written.append((p.name, p.stat().st_size))
    elif tier.startswith("real"):
        written = _write_real_tier(tmp, TIERS[tier], seed)
    else:
        sources = _paragraphs(files)
        target = TIERS[tier]
        total = 0
        i = 0
        last_log = time.monotonic()
        while total < target:
            rng = random.Random(f"{seed}:{tier}:{i}")
            data = _make_document(rng, sources, i).encode("utf-8")
            name = f"{tier}_{i:05d}.txt"
            (tmp / name).write_bytes(data)
            written.append((name, len(data)))
            total += len(data)
            i += 1
            if time.monotonic() - last_log > 5:
                log.info("corpus %s: %.1f / %.0f MB", tier, total / 2**20, target / 2**20)
                last_log = time.monotonic()
    manifest = dict(expected, files=written, total_bytes=sum(s for _, s in written))
    (tmp / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp.rename(out_dir)
    log.info(
        "corpus %s: wrote %d files, %.1f MB in %.1fs",
        tier,
        len(written),
        manifest["total_bytes"] / 2**20,
        time.perf_counter() - t0,
    )
    return out_dir


# --------------------------------------------------------------------------- queries

# Function words and generic verbs that are not search terms.
_STOP_WORDS_TEXT = """
    我们 你们 他们 它们 这个 那个 这些 那些 这里 那里 这样 那样 一个 一些 一批 一种
    以及 及其 并且 而且 或者 还是 但是 因为 所以 因此 如果 虽然 通过 进行 开展 实现
    按照 根据 对于 关于 为了 其中 之一 同时 目前 当前 今后 已经 正在 将要 可以 能够
    需要 必须 应该 不断 继续 进一步 更加 更好 主要 有关 相关 各类 各项 有效 切实
    坚持 推动 推进 加强 加快 提升 提高 完善 强化 促进 深化 实施 落实 做好 抓好
    取得 形成 成为 作为 达到 增长 方面 工作 问题 情况 全市 全省 全面 我市 本市
    同志 各位 代表 今年 去年 明年 过去 五年 一年 年度 以上 以下 左右 亿元 万元
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_CONTENT_FLAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nw", "vn", "an", "l", "i", "j"})
_COMPOUND_TAIL_FLAGS = frozenset({"n", "nz", "vn", "v", "j", "l"})
_CJK_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")


def _is_term(word: str, flag: str) -> bool:
    return flag in _CONTENT_FLAGS and bool(_CJK_RE.match(word)) and word not in STOP_WORDS


def _weighted_sample(rng: random.Random, items: list, weights: list[float], k: int) -> list:
    """``k`` distinct items, drawn with probability proportional to weight (A-Res)."""
    keyed = sorted(
        ((math.log(rng.random() or 1e-300) / w, i) for i, w in enumerate(weights) if w > 0),
        reverse=True,
    )
    return [items[i] for _, i in keyed[:k]]


def _corpus_terms(source: Path) -> tuple[collections.Counter, list[list[str]]]:
    """Term frequencies and, per paragraph, the distinct terms in order of appearance."""
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    freq: collections.Counter = collections.Counter()
    compounds: collections.Counter = collections.Counter()
    para_tokens: list[list[tuple[str, str]]] = []
    for paras in _paragraphs(_source_files(source)):
        for para in paras:
            toks = [(p.word, p.flag) for p in pseg.cut(para)]
            para_tokens.append(toks)
            for (w1, f1), (w2, f2) in itertools.pairwise(toks):
                if (
                    f1 in _CONTENT_FLAGS
                    and f2 in _COMPOUND_TAIL_FLAGS
                    and len(w1) >= 2
                    and len(w2) >= 2
                    and w1 != w2
                ):
                    compounds[w1 + w2] += 1
            for w, f in toks:
                if _is_term(w, f):
                    freq[w] += 1
    # Frequent adjacent compounds (乡村+振兴 -> 乡村振兴) are what people type.
    for word, count in compounds.items():
        if count >= 3 and _CJK_RE.match(word) and len(word) >= 4:
            freq[word] += count
    per_para: list[list[str]] = []
    for toks in para_tokens:
        seen: dict[str, None] = {}
        for j, (w, f) in enumerate(toks):
            if _is_term(w, f):
                seen.setdefault(w, None)
            if j + 1 < len(toks):
                comp = w + toks[j + 1][0]
                if comp in freq and len(w) >= 2 and len(toks[j + 1][0]) >= 2:
                    seen.setdefault(comp, None)
        per_para.append([w for w in seen if w in freq])
    return freq, per_para


def make_queries(
    n: int = 200, seed: int | str = DEFAULT_SEED, source: Path = BUNDLED_CORPUS
) -> list[str]:
    """``n`` distinct queries: ``n // 2`` single terms, the rest two co-occurring terms.

    Deterministic for a given ``seed`` and corpus. Terms are content words of 2–6 CJK
    characters (jieba POS-tagged nouns, verbal nouns, idioms, abbreviations; stop words
    excluded) seen at least twice, plus frequent adjacent compounds; single terms are
    sampled with probability proportional to frequency, pairs proportional to how many
    paragraphs contain both. Two-term queries are joined by a space, in text order.
    """
    rng = random.Random(f"queries:{seed}")
    freq, per_para = _corpus_terms(source)
    n_single, n_pair = n // 2, n - n // 2

    for min_count in (2, 1):
        vocab = [w for w, c in freq.items() if c >= min_count]
        if len(vocab) >= n_single:
            break
    vocab.sort()
    singles = _weighted_sample(rng, vocab, [float(freq[w]) for w in vocab], n_single)

    vocab_set = set(vocab)
    pairs: collections.Counter = collections.Counter()
    for terms in per_para:
        terms = [t for t in terms if t in vocab_set]
        for i, a in enumerate(terms):
            for b in terms[i + 1 :]:
                if a not in b and b not in a:
                    pairs[(a, b)] += 1
    pair_list = sorted(pairs)
    chosen = _weighted_sample(rng, pair_list, [float(pairs[p]) for p in pair_list], n_pair)
    queries = singles + [f"{a} {b}" for a, b in chosen]
    if len(queries) < n:
        raise ValueError(f"corpus too small for {n} distinct queries (got {len(queries)})")
    rng.shuffle(queries)
    return queries


# --------------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build benchmark corpora / show sample queries.")
    ap.add_argument("--tiers", default="small,10mb", help="comma-separated: small,10mb,100mb")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "corpora")
    ap.add_argument("--queries", type=int, default=0, help="also print N sample queries")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    for tier in filter(None, args.tiers.split(",")):
        path = build_corpus(tier.strip(), args.out / tier.strip())
        print(tier, path)
    if args.queries:
        for q in make_queries(args.queries):
            print(q)
    return 0


if __name__ == "__main__":
    sys.exit(main())
