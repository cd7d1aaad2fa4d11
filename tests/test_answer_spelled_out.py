"""A short name a plan defines in its sentence (（以下简称“三新食品”）) is named, for the answer
card, by what it stands for: a question asks in the long words (新食品原料 获批数量 目标),
never in the plan's own short name (twenty-third quality batch, issue 13)."""

from __future__ import annotations

from bot.library.answers import named_in, spelled_out
from tests.conftest import engine_over

SENTENCE = (
    "研制并获批4—6种新型饲料原料、饲料添加剂新品种（以下简称“两新饲料”），开发2个特殊用途饲料。"
)


def test_a_defined_name_stands_for_the_text_before_its_definition():
    assert spelled_out("两新饲料", SENTENCE) == "研制并获批4—6种新型饲料原料、饲料添加剂新品种"
    # a name the sentence does not define stands for nothing more
    assert spelled_out("特殊用途饲料", SENTENCE) == ""
    assert spelled_out("两新饲料", "研制两新饲料4种。") == ""


def test_the_question_names_the_record_by_what_it_stands_for():
    words = ["新型饲料原料", "获批", "数量"]
    assert named_in(words, "两新饲料") == 0
    assert named_in(words, spelled_out("两新饲料", SENTENCE)) == 8


PLAN = (
    "某市饲料科技创新行动方案（2026—2028年）\n"
    "一、主要目标\n"
    "到2028年，饲料科技创新能力显著提升。" + SENTENCE + "\n"
)


def test_the_card_answers_with_the_defined_record(tmp_path):
    engine = engine_over(tmp_path, {"plan.txt": PLAN})
    answer = engine.search("新型饲料原料 获批数量 目标", page_size=3).answer
    assert answer is not None and answer.value == 4.0, answer
