"""A word of the query the corpus never writes, searched by the parts of it it writes
(lane search-halves44): soft, said back, never in place of a word written whole.
Invented texts only."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search.concepts import Concept
from bot.search.parts_written import parts_written
from tests.conftest import engine_over

# Two reports name city roads; one line of one of them says the ring road, in a word of its
# own (外环) that the query writes inside a longer one (外环路), which no line writes.
PLAN = (
    "某市政府工作报告\n一、城市建设\n"
    "城市道路改造完成，外环建成通车，城市交通更加顺畅。\n"
    "二、重点任务\n推进城市道路和地下管网建设，提升城市品质。\n"
)
OTHER = "某县政府工作报告\n一、城乡建设\n加快城市道路建设，完善城市功能。\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    docs = {"plan.txt": PLAN, "other.txt": OTHER}
    return engine_over(tmp_path_factory.mktemp("halves44"), docs)


def test_an_unwritten_word_is_searched_by_its_written_part_and_said_so(engine):
    response = engine.search("城市道路 外环路", page_size=5)
    assert "外环建成" in response.hits[0].text
    notes = {n.code: dict(n.params) for n in response.notes}
    # the whole word is still said unfound, and what was searched for it is said too
    assert notes["word_unfound_known"] == {"words": "外环路"}
    assert notes["word_parts"] == {"word": "外环路", "parts": "外环"}
    # soft: the passages holding only 城市道路 are still found
    assert response.total >= 3


def test_a_word_written_whole_is_not_read_by_its_parts(engine):
    response = engine.search("城市道路 外环", page_size=5)
    assert "外环建成" in response.hits[0].text
    assert "word_parts" not in {n.code for n in response.notes}


def _hits(found: set[str]):
    def hits_of(c: Concept) -> tuple[np.ndarray, np.ndarray]:
        n = 1 if any(a in found for a in [c.label]) else 0
        return np.arange(n), np.ones(n, dtype=np.float32)

    return hits_of


def _plan(concepts: list[Concept], found: set[str], held: set[str], cut: dict[str, list[str]]):
    return parts_written(
        concepts,
        hits_of=_hits(found),
        cut=lambda w: cut.get(w, [w]),
        held=held.__contains__,
        concept_of=lambda w: Concept(w, []),
        left_out={"多少"},
        is_word=lambda w: True,
    )


def test_only_a_word_nothing_is_found_for_gets_its_parts_soft():
    cut = {"瘫痪病人": ["瘫痪", "病人", "瘫痪病人"], "外环路": ["外环", "环路", "外环路"]}
    words = [Concept("脑机接口", []), Concept("瘫痪病人", []), Concept("外环路", [])]
    out = _plan(words, found={"脑机接口", "瘫痪", "外环"}, held={"瘫痪", "外环"}, cut=cut)
    added = out[len(words) :]
    # 病人 and 环路: not held by the index, so not searched
    assert [(c.label, c.part_of, c.soft) for c in added] == [
        ("瘫痪", "瘫痪病人", True),
        ("外环", "外环路", True),
    ]


def test_a_part_already_asked_an_asking_word_or_a_found_word_adds_nothing():
    cut = {"瘫痪病人": ["瘫痪", "病人"], "增长多少": ["增长", "多少"]}
    asked = [Concept("瘫痪病人", []), Concept("瘫痪", [])]
    assert _plan(asked, found={"瘫痪"}, held={"瘫痪", "病人"}, cut=cut) == asked
    asking = [Concept("增长多少", [])]
    out = _plan(asking, found={"多少"}, held={"多少"}, cut=cut)
    assert out == asking
    written = [Concept("瘫痪病人", [])]
    assert _plan(written, found={"瘫痪病人", "瘫痪"}, held={"瘫痪"}, cut=cut) == written


def test_a_counting_part_is_not_searched_for_the_word():
    # 一年 of 上一年, 第三 and 三条 of 第三条: a count or an ordinal, not what is asked about
    cut = {"上一年": ["一年", "上一年"], "第三条": ["第三", "三条", "第三条"]}
    words = [Concept("上一年", []), Concept("第三条", [])]
    held = {"一年", "第三", "三条"}
    assert _plan(words, found=held, held=held, cut=cut) == words
