"""A region the query names wins over plain word overlap (issue 13: "documents whose
metadata match rank first, a strong boost, not a hard filter"): a passage of the named
region's documents (or of a place inside it) ranks above another place's passage that
holds more of the query's words, and the other places still answer after them, or alone
when no document of the region matches. All documents here are invented."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search.region_first import lift, within
from tests.conftest import engine_over

REPORTS = {
    # the province asked: one line on private firms, fewer of the query's words
    "anhui_2024.txt": (
        "2024年安徽省政府工作报告\n安徽省人民政府\n"
        "一、今年重点工作\n"
        "大力提振民营企业发展信心，落实减税降费措施。\n"
        "加快建设现代化产业体系，培育壮大新兴产业。\n"
    ),
    # a city inside it (山东 covers 烟台: here 安徽 covers 芜湖)
    "wuhu_2024.txt": (
        "2024年芜湖市政府工作报告\n芜湖市人民政府\n"
        "一、今年重点工作\n"
        "扎实推进城市更新，改善人居环境。\n"
    ),
    # another province: a line holding every word of the question
    "jiangxi_2024.txt": (
        "2024年江西省政府工作报告\n江西省人民政府\n"
        "一、今年重点工作\n"
        "出台支持民营企业发展的政策措施，支持民营企业参与重大项目，支持政策落实到位。\n"
        "推进乡村全面振兴，提高农业综合生产能力。\n"
    ),
    "hunan_2024.txt": (
        "2024年湖南省政府工作报告\n湖南省人民政府\n"
        "一、今年重点工作\n"
        "完善城市更新支持政策，推进人居环境整治，改善城市面貌。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("region_first"), REPORTS)


def test_the_region_named_outranks_a_passage_with_more_of_the_words(engine):
    # 江西's line holds 民营企业, 重大 and 项目; 安徽's only 民营企业
    resp = engine.search("安徽 民营企业 重大项目", page_size=5)
    files = [h.filename for h in resp.hits]
    assert files[0] == "anhui_2024.txt", files
    # a strong boost, not a filter: the other province's line still answers after it
    assert "jiangxi_2024.txt" in files[1:], files


def test_a_place_inside_the_region_named_ranks_before_other_provinces(engine):
    # 湖南's line holds every word; 芜湖 (in 安徽) only 城市更新 and 人居环境
    resp = engine.search("安徽 城市更新 人居环境 支持政策 整治 城市面貌", page_size=5)
    files = [h.filename for h in resp.hits]
    assert files[0] == "wuhu_2024.txt", files
    assert "hunan_2024.txt" in files[1:], files


def test_a_place_no_document_is_about_ranks_the_city_around_it_first(engine):
    # no document is about 鸠江区: the report of 芜湖, the city around it, answers first
    resp = engine.search("鸠江区 城市更新 人居环境 支持政策 整治 城市面貌", page_size=5)
    files = [h.filename for h in resp.hits]
    assert files[0] == "wuhu_2024.txt", files
    assert "hunan_2024.txt" in files[1:], files


def test_a_region_with_no_matching_passage_still_answers(engine):
    # 芜湖's report says nothing of private firms: the other provinces answer
    resp = engine.search("芜湖 民营企业 重大项目", page_size=5)
    files = [h.filename for h in resp.hits]
    assert files and files[0] == "jiangxi_2024.txt", files


def test_lift_raises_only_the_candidates_of_the_region():
    level = np.array([0, 3, 5, 0, 2, 4], dtype=np.int32)
    p_doc = np.array([0, 0, 1, 2, 3, 3], dtype=np.int32)
    home = [np.array([0], dtype=np.intp), np.array([3], dtype=np.intp)]
    got = lift(level.copy(), p_doc, home, 10)
    # passage 0 is in the region but no candidate: it stays out
    assert got.tolist() == [0, 13, 5, 0, 12, 14]
    assert [within(int(v), 10) for v in got] == level.tolist()
    assert lift(level.copy(), p_doc, [], 10).tolist() == level.tolist()


def test_a_few_documents_are_lifted_by_their_slices_as_by_the_whole_pass() -> None:
    """The sliced lift (documents' passages contiguous, ``first_pid``) gives the levels
    the whole-corpus pass gives, for a few documents and for many."""
    rng = np.random.default_rng(7)
    first_pid = [0, 4, 9, 15, 22, 30]
    n = 37
    p_doc = np.repeat(np.arange(6), np.diff([*first_pid, n])).astype(np.uint32)
    level = np.where(rng.random(n) < 0.4, rng.integers(1, 9, n), 0).astype(np.int32)
    for home in ([np.array([1, 4])], [np.array([5]), np.array([0, 5])], [np.arange(6)]):
        whole = lift(level.copy(), p_doc, home, 100)
        sliced = lift(level.copy(), p_doc, home, 100, first_pid)
        assert (whole == sliced).all(), home
        assert (sliced[level == 0] == 0).all()
