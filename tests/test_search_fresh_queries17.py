"""Behaviours added after the twentieth batch of the real-document relevance set
(r1331-r1410, issue 13): questions in everyday words for the documents' wording (民间资本
办养老院 for 社会资本兴办养老设施, 芯片 封测 for 集成电路封装测试, 科创中心 for 科技创新中心 …),
and a paraphrase typed as one run whose documents' form shares only some of its words (生娃补贴
for 育儿补贴). Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.gapped import gapped
from tests.conftest import engine_over, first_hit

# Each line a policy sentence in the documents' words, a distractor holding the other word
# of its query before it (the ranking's ties go to the earlier passage); the lines of a
# word and of its synonym are alike in length, as BM25 favours the shorter.
REPORT = (
    "某市政府工作报告\n"
    "过去一年，全市经济运行总体平稳，发展质量稳步提升。\n"
    "支持民间资本兴办村镇银行，发展普惠金融服务。\n"
    "鼓励社会资本兴办养老设施，发展居家社区养老。\n"
    "加快芯片设计企业集聚，培育一批具有核心竞争力的设计企业。\n"
    "推动集成电路封装测试项目落地。\n"
    "建设大湾区国际金融中心。\n"
    "建设大湾区国际科技创新中心。\n"
    "全省新能源汽车保有量突破50万辆，公共充电设施加快布局。\n"
    "新能源汽车渗透率保持全国前列。\n"
    "推动中小微企业数字化转型。\n"
    "进一步解决中小微企业融资难题，延续普惠金融政策。\n"
    "推进城市燃气安全治理。\n"
    "推进超高层建筑火灾隐患治理。\n"
    "企业开展跨境贸易投资合作。\n"
    "支持企业依托综合支援平台，加强法律咨询援助。\n"
    "加强食品安全监管。\n"
    "提高公众接受度，开展新型食品宣传推广。\n"
    "持续开发婴幼儿配方食品和特殊医学用途配方食品。\n"
    "推进未来产业创新发展，培育一批具有国际竞争力的领军企业。\n"
    "加大金融支持，引导产业投资基金支持未来产业。\n"
    "支持龙头企业上市融资。\n"
    "建设孵化器，支持初创企业融资。\n"
    "举办文化节和群众文艺汇演活动，丰富群众精神文化生活。\n"
    "提升公民科学素质，举办主题展览活动。\n"
    "卫生技术人员7.5万人。\n"
    "执业医师和执业助理医师3.0万人。\n"
    "医疗卫生机构4000个。\n"
    "医疗卫生机构床位数16.7万张。\n"
    "因城施策增加改善性住房供给，推动房地产市场平稳健康发展。\n"
    "统筹资金收购存量商品房用作保障性住房。\n"
    "坚持房子是用来住的、不是用来炒的定位，稳地价、稳房价、稳预期。\n"
    "推进水稻生产全程机械化。\n"
    "加快畜禽水产养殖全程机械化。\n"
    "加强外卖骑手职业技能培训，提升服务质量。\n"
    "为外卖骑手建设暖心驿站，提供饮水休息服务。\n"
    "推动商业保险产品创新，扩大保险覆盖面。\n"
    "将灵活就业人员、新就业群体纳入生育保险。\n"
    "支持企业开拓国际市场，扩大出口规模。\n"
    "综合施策降低企业用水、用地、融资等成本。\n"
    "提高生育保险待遇，落实稳岗补贴。\n"
    "发放育儿补贴，减轻家庭养育负担。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("fresh17"), {"report.txt": REPORT})


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("民间资本 办养老院", "社会资本兴办养老设施"),
        ("芯片 封测", "集成电路封装测试"),
        ("大湾区 科创中心", "国际科技创新中心"),
        ("新能源汽车 普及率", "渗透率"),
        ("小企业 贷款难", "融资难题"),
        ("高楼着火 治理", "超高层建筑火灾"),
        ("企业 打官司", "法律咨询援助"),
        ("婴儿奶粉", "婴幼儿配方食品"),
        ("钱从哪来", "加大金融支持"),
        ("创业公司 融资", "初创企业融资"),
        ("科普", "公民科学素质"),
        ("医生 有多少", "执业医师"),
        ("医疗卫生机构 病床", "床位数"),
        ("房子卖不掉 怎么办", "存量商品房"),
        ("养猪养鸡 机械化", "畜禽水产养殖"),
        ("歇脚", "暖心驿站"),
        ("骑手 保险", "新就业群体"),
        ("炒房 怎么定调", "不是用来炒的"),
        ("老百姓不信新食品怎么办", "公众接受度"),
    ],
)
def test_everyday_words_find_the_documents_wording(engine, query, wanted):
    assert wanted in first_hit(engine, query), query


def test_a_run_whose_form_shares_only_some_words_is_one_word(engine):
    # 生娃 reaches 生育 and 补贴 is itself; searched apart they find the line holding both
    # words apart. 育儿补贴 writes 补贴 but nothing of 生娃: the run is one word, its forms
    assert "育儿补贴" in first_hit(engine, "生娃补贴")


@pytest.mark.parametrize(
    ("query", "wanted"),
    [("民间资本", "村镇银行"), ("芯片", "芯片设计"), ("渗透率", "渗透率")],
)
def test_the_word_typed_ranks_above_its_synonyms(engine, query, wanted):
    assert wanted in first_hit(engine, query)


def test_a_phrase_written_with_a_list_before_its_last_word():
    pattern = gapped(("降低", "企业", "成本"))
    assert pattern.search("降低企业用电、用气、物流成本")
    assert pattern.search("降低企业用能、融资、物流、人力等成本")
    # a list is the gap, within one clause: not any words between
    assert not pattern.search("降低企业综合成本")
    assert not pattern.search("降低企业负担，控制成本")
    assert gapped(("企业", "成本")) is None  # two words: the phrase is written whole


def test_a_phrase_is_found_written_with_a_list(engine):
    # 降低企业成本, a phrase of three index terms, is found where the line writes it with
    # the kinds of cost listed before 成本 (降低企业用水、用地、融资等成本)
    searcher = engine.searcher
    alt = searcher._alternative("降低企业成本")
    pids, _ = searcher._hits.alternative_scores(alt)
    texts = searcher.index.passages_norm_texts(pids)
    assert any("融资等成本" in t for t in texts), texts
