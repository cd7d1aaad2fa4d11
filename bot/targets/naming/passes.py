"""The passes over a sentence's named figures, in the order the extractor runs them.

:func:`~bot.targets.naming.sentence.name_figures` names each figure of a sentence from
its own clause; a pass then corrects the names that only the whole sentence (or the
sentence before it) shows, each pass one job of one module of this package. Here every
pass has one signature, :data:`Pass`: ``(sentence, named) -> named``, the
:class:`Sentence` holding all a pass may read besides the figures (its text, the
indicator table, the figureless sentence before it). :func:`run_passes` runs
a stage in order; the extractor runs both once per sentence with figures.

The order is the one the extractor's loop had when they were gathered here; a pass reads
the names the earlier ones gave. Two places are known to matter (moving each pass first
and last breaks a test or changes a record of the bundled, dev or probe documents only
for these): ``share_the_kind`` before ``through_listed_kinds`` and ``named_by_list``
before ``described_count``; their comments say why. The other passes act on cues that rarely
meet in one sentence, and no test or record tells their order apart yet (nor the places
of ``kinds_of_the_set`` and ``rate_of_the_new``, added since): keep it. To add
a pass: a module of its own, then one line here, with a test of its sentence.

Two stages: :data:`PASSES`, then :data:`AFTER_PAIRS` once the extractor has read the
``分别`` pairs (:func:`~bot.targets.naming.respective.respective_pairs`: each rate's
record takes its level's final name), because the later passes may rename a level.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import wraps
from operator import is_

from bot.targets.indicators import IndicatorTable
from bot.targets.naming.abbreviations import by_short_name
from bot.targets.naming.activities import by_activity
from bot.targets.naming.alternates import alternates_as_written
from bot.targets.naming.aspect import without_aspect
from bot.targets.naming.averages import carry_the_set
from bot.targets.naming.awards import name_awards
from bot.targets.naming.batches import batch_owner
from bot.targets.naming.benchmark_gaps import gap_to_the_benchmark
from bot.targets.naming.beneficiaries import beneficiaries_of_the_work
from bot.targets.naming.bracket_names import named_in_brackets
from bot.targets.naming.budget_rates import budget_completion
from bot.targets.naming.capacity import yearly_capacity
from bot.targets.naming.carry import carry_the_topic
from bot.targets.naming.comparison_bases import measure_of_the_difference
from bot.targets.naming.conversions import without_conversion_verb
from bot.targets.naming.coordinated import coordination_whole
from bot.targets.naming.counted import counted_thing
from bot.targets.naming.counted_owners import count_without_measure
from bot.targets.naming.coverage import named_by_covering, named_by_programme
from bot.targets.naming.deviations import deviation_of_the_measure_before
from bot.targets.naming.doing_verbs import without_doing_verb
from bot.targets.naming.enrolled import named_by_list
from bot.targets.naming.events import (
    counted_at_the_event,
    named_by_event,
    plenums_of_the_committee,
)
from bot.targets.naming.examples import without_examples
from bot.targets.naming.first_subject import carry_the_first_subject
from bot.targets.naming.funds import fund_size
from bot.targets.naming.gaps import gap_of_the_rate_before
from bot.targets.naming.grants import given_from_above
from bot.targets.naming.invested import invested_with_the_verb
from bot.targets.naming.known_de import known_without_de
from bot.targets.naming.level_classes import level_shares_the_kind
from bot.targets.naming.level_floors import floor_in_the_name
from bot.targets.naming.level_parts import level_part_of_the_whole
from bot.targets.naming.list_scope import group_shared
from bot.targets.naming.listed_acts import shares_of_a_listed_act
from bot.targets.naming.listed_measure import measure_after_respectively
from bot.targets.naming.listed_set import kinds_of_the_set
from bot.targets.naming.listings import by_listing
from bot.targets.naming.markers import without_list_marker
from bot.targets.naming.modifiers import classed_before, counted_in_a_class, through_listed_kinds
from bot.targets.naming.multiples import multiple_of_the_figure_before
from bot.targets.naming.needs import chars_search, key_chars
from bot.targets.naming.new_ones import rate_of_the_new
from bot.targets.naming.part_acts import parts_of_the_act
from bot.targets.naming.part_shares import share_of_the_whole, share_within_its_kind
from bot.targets.naming.payers import fund_without_its_payer
from bot.targets.naming.place_measures import places_share_the_measure
from bot.targets.naming.place_only import place_is_no_name
from bot.targets.naming.plan_targets import plan_target_of_the_result
from bot.targets.naming.population_parts import population_parts
from bot.targets.naming.ports import throughput_of_the_port
from bot.targets.naming.poverty import poor_counted_by_the_act
from bot.targets.naming.programme_tiers import tier_with_its_programme
from bot.targets.naming.programmes import with_programme_topic
from bot.targets.naming.purposes import fund_for_its_purpose
from bot.targets.naming.qualities import named_past_qualities
from bot.targets.naming.quotas import built_with_the_housing
from bot.targets.naming.quoted_modes import named_by_the_way
from bot.targets.naming.rank_runs import rank_of_what_was_said
from bot.targets.naming.ranked_counts import ranked_things
from bot.targets.naming.reach import share_reached
from bot.targets.naming.relative_counts import described_count
from bot.targets.naming.relief import burden_of_the_relief
from bot.targets.naming.repeated_verbs import same_verb_same_subject
from bot.targets.naming.respective import rates_of_the_listed, respective_rates
from bot.targets.naming.said_shares import share_said_bare
from bot.targets.naming.scales import share_the_kind
from bot.targets.naming.section_subject import subject_of_the_section
from bot.targets.naming.sectors import with_field
from bot.targets.naming.sentence import Named
from bot.targets.naming.served import served_by_the_act
from bot.targets.naming.shared_acts import counted_by_the_count_before
from bot.targets.naming.sibling_shares import share_of_the_sibling_whole, shares_of_one_whole
from bot.targets.naming.signed import signed_projects
from bot.targets.naming.size_classes import classes_share_the_measure
from bot.targets.naming.states import after_a_state
from bot.targets.naming.supported import supported_set
from bot.targets.naming.tasks import work_of_the_task
from bot.targets.naming.thresholds import threshold_in_the_name
from bot.targets.naming.tiers import tiers_share_the_standard
from bot.targets.naming.time_parts import parts_of_the_year
from bot.targets.naming.times import named_by_act
from bot.targets.naming.topic_kinds import kinds_of_the_work
from bot.targets.naming.totals import total_is_the_level
from bot.targets.naming.transport_modes import traffic_after_the_mode, traffic_of_the_mode
from bot.targets.naming.villages import counted_villages
from bot.targets.naming.zone_items import zone_owns_the_list
from bot.targets.numbers import Figure


@dataclass(frozen=True, slots=True)
class Sentence:
    """What a pass may read besides the named figures: made once per sentence."""

    text: str
    table: IndicatorTable
    plain: str = ""  # the sentence before, when it gave no figure (a topic sentence?)
    heading: str = ""  # the heading of the sentence's section (二、义务教育), "" when none
    earlier: str = ""  # the 。-sentence's parts before this one (its clauses up to a ；)
    # the paragraph before and after this one's 。-sentence: a short act among sentences
    # of acts (新建卫生室12所。招聘乡村医生9名。改造危房86户。) is one of a list
    around: tuple[str, str] = ("", "")


Pass = Callable[[Sentence, list[Named]], list[Named]]


# The adapters: each pass module keeps its own arguments; these give it the one signature.
# Each marks its step with the arguments it passes on, so that run_passes can call the pass
# itself (a wrapper frame less per pass and sentence, about 1.2 M over the 10 MB tier).
_TEXT, _TEXT_TABLE, _FIGURES, _FIGURES_TABLE, _SENTENCE = range(5)


def _text(f: Callable[[str, list[Named]], list[Named]]) -> Pass:
    """A pass of the sentence's text and its figures."""

    @wraps(f)
    def step(s: Sentence, named: list[Named]) -> list[Named]:
        return f(s.text, named)

    step.args = _TEXT  # type: ignore[attr-defined]
    return step


def _text_table(f: Callable[[str, list[Named], IndicatorTable], list[Named]]) -> Pass:
    """A pass of the text, the figures and the indicator table."""

    @wraps(f)
    def step(s: Sentence, named: list[Named]) -> list[Named]:
        return f(s.text, named, s.table)

    step.args = _TEXT_TABLE  # type: ignore[attr-defined]
    return step


def _figures(f: Callable[[list[Named]], list[Named]]) -> Pass:
    """A pass of the figures alone."""

    @wraps(f)
    def step(s: Sentence, named: list[Named]) -> list[Named]:
        return f(named)

    step.args = _FIGURES  # type: ignore[attr-defined]
    return step


def _figures_table(f: Callable[[list[Named], IndicatorTable], list[Named]]) -> Pass:
    """A pass of the figures and the indicator table."""

    @wraps(f)
    def step(s: Sentence, named: list[Named]) -> list[Named]:
        return f(named, s.table)

    step.args = _FIGURES_TABLE  # type: ignore[attr-defined]
    return step


@wraps(subject_of_the_section)
def _subject_of_the_section(s: Sentence, named: list[Named]) -> list[Named]:
    """The one pass that reads the section's heading (二、义务教育: 招生 -> 义务教育招生)."""
    return subject_of_the_section(s.text, s.heading, named)


@wraps(carry_the_topic)
def _carry_the_topic(s: Sentence, named: list[Named]) -> list[Named]:
    """The one pass that reads the sentence before (its topic, 中老铁路发展远超预期)."""
    return carry_the_topic(s.text, named, s.table, s.plain)


@wraps(traffic_after_the_mode)
def _traffic_after_the_mode(s: Sentence, named: list[Named]) -> list[Named]:
    """A pass reading the 。-sentence's part before a ；: the mode whose traffic it gave."""
    return traffic_after_the_mode(s.text, s.earlier, named)


@wraps(counted_at_the_event)
def _counted_at_the_event(s: Sentence, named: list[Named]) -> list[Named]:
    """A pass reading the 。-sentence's opening (its parts before a ； too): the event."""
    return counted_at_the_event(s.earlier + s.text, named)


@wraps(without_doing_verb)
def _without_doing_verb(s: Sentence, named: list[Named]) -> list[Named]:
    """The one pass that reads the 。-sentence's clauses before a ； and the 。-sentences
    around it (acts listed there)."""
    return without_doing_verb(s.text, s.earlier, named, s.table, s.around)


PASSES: tuple[Pass, ...] = (
    _text(carry_the_set),  # averages: averages said clause after clause share the set
    # scales before modifiers.through_listed_kinds: scale classes listed before their kind
    # take it first (2个千亿级、5个百亿级产业集群 -> 千亿级产业集群, 百亿级产业集群)
    _text(share_the_kind),  # scales: 千亿级、百亿级…产业集群
    _text(level_shares_the_kind),  # level_classes: 3个国家级、12个省级…产业园
    _carry_the_topic,  # carry: the sentence's topic or the figure before's subject
    _text(carry_the_first_subject),  # first_subject: 平台超过40个，…，服务企业… -> 平台服务企业
    _text_table(same_verb_same_subject),  # repeated_verbs: 中考录取…，录取职校学生…
    _text_table(parts_of_the_act),  # part_acts: 转移就业…，其中省内转移… -> 农村劳动力省内转移就业
    _text_table(named_by_programme),  # coverage: what a programme covers (驻村帮扶覆盖乡镇)
    _text_table(named_by_covering),  # coverage: 推进…建设，覆盖率… -> what covers
    _text_table(named_by_event),  # events: who took part (江州运动会参赛运动员)
    _text_table(named_by_act),  # times: a count of times named by the act (商业航天发射)
    _text_table(counted_thing),  # counted: a count's noun ends at the thing
    _text(count_without_measure),  # counted_owners: 12个重点园区营业收入增长15%
    _text_table(by_activity),  # activities: 推动6000家工业企业开展技改 -> 技改工业企业
    _text_table(served_by_the_act),  # served: 为2万名老年人提供上门服务 -> 获上门服务的老年人
    # enrolled before relative_counts.described_count: 列入市重点的68个项目 is named by
    # the list first (市重点项目), the name the measure after the count then takes
    # (完成投资215.4亿元 -> 市重点项目完成投资)
    _text(named_by_list),  # enrolled: things counted after the list they were entered in
    _text(gap_of_the_rate_before),  # gaps: a gap to a benchmark is the rate before's
    _text(gap_to_the_benchmark),  # benchmark_gaps: …，低于省定目标2微克/立方米
    _text(measure_of_the_difference),  # comparison_bases: 比五年前增加41家 is the count's
    _text(parts_of_the_year),  # time_parts: 其中6月份增长8.1% is the statistic's
    _figures_table(total_is_the_level),  # totals: a known statistic's 总量 is its level
    _text(rates_of_the_listed),  # respective: 接待游客…、实现旅游收入…，分别增长18%和21%
    _text(beneficiaries_of_the_work),  # beneficiaries: 惠及居民 after a counted work
    _text(multiple_of_the_figure_before),  # multiples: 是五年前的2.6倍 is the figure's
    _figures(without_examples),  # examples: 燃气、供水、排水等老旧管网 -> 老旧管网
    _figures(tier_with_its_programme),  # programme_tiers: “小巨人”企业 -> 专精特新小巨人企业
    _without_doing_verb,  # doing_verbs: 推广高效节能电机1.2亿千瓦 -> 高效节能电机
    # after examples, where it was added: a noun after the count (等20个重点片区) names
    # the set there, the kinds only the counts with no noun of their own
    _text(kinds_of_the_set),  # listed_set: 新组建省实验室、产业创新研究院等10家
    _text_table(invested_with_the_verb),  # invested: 省重点项目完成投资
    _figures_table(known_without_de),  # known_de: 投资10亿元以上的项目 -> 10亿元以上项目
    _text(threshold_in_the_name),  # thresholds: 产值超千亿元的产业集群
    _text(yearly_capacity),  # capacity: 年产…能力
    _text(through_listed_kinds),  # modifiers: kinds listed before their noun
    _text(counted_in_a_class),  # modifiers: a count in a size class
    _text(classed_before),  # modifiers: a size class before the count
    _figures(classes_share_the_measure),  # size_classes: 过亿元的… after 过十亿元的…营业收入
    _text(described_count),  # relative_counts: 列入省重点的120个项目完成投资…
    _figures(population_parts),  # population_parts: 其中男性… -> 男性人口
    _text(with_programme_topic),  # programmes: 实施…九项重点工程
    _text_table(kinds_of_the_work),  # topic_kinds: 深化…改革，形成10个典型案例
    _text(by_short_name),  # abbreviations: things counted under their 以下简称
    _text(fund_size),  # funds: 设立总规模100亿元的…基金
    _text(name_awards),  # awards: 给予…一次性奖励
    _text(built_with_the_housing),  # quotas: 按每百户不少于20平方米配建养老服务用房
    _figures(after_a_state),  # states: 粮食播种面积保持稳定、产量达到… -> 粮食产量
    _text(by_listing),  # listings: 支持30家企业在境内外上市 -> 境内外上市企业
    _text(share_of_the_whole),  # part_shares: a part's bare 占比 after 其中
    _text_table(share_within_its_kind),  # part_shares: 占幼儿园总数的90% -> 普惠性幼儿园占比
    _text(share_of_the_sibling_whole),  # sibling_shares: a bare 占比 after a sibling's
    _text(shares_of_one_whole),  # sibling_shares: parts that 分别占 one whole
    _text(share_said_bare),  # said_shares: 高新技术企业占到三分之一 -> …占比
    _text(share_reached),  # reach: 高铁通达90%以上的市县 -> 高铁通达市县比例
    _text_table(ranked_things),  # ranked_counts: 8项指标居全省第一 -> 居全省第一的指标
    _text_table(group_shared),  # list_scope: 民族地区地区生产总值、一般公共预算收入
    _text(zone_owns_the_list),  # zone_items: 高新区新增企业…、新增注册资本… -> 高新区注册资本
    _text_table(named_in_brackets),  # bracket_names: …（常住人口城镇化率）为65.6%
    # late, where it was added: it copies the count before's final name
    _text_table(counted_by_the_count_before),  # shared_acts: 新开工项目210个，竣工98个
    _text(shares_of_a_listed_act),  # listed_acts: A、B、C整合分别完成30%、40%、60%
    _text(named_past_qualities),  # qualities: 40个吸引力强、带动面广的消费场景 -> 消费场景
    _text(work_of_the_task),  # tasks: 完成12.5万平方米的绿化任务 -> 绿化面积
    _text(batch_owner),  # batches: 江州综合改革试点首批30项授权事项 -> 江州综合改革试点授权事项
    _text(named_by_the_way),  # quoted_modes: 100项高频事项“跨省通办” -> 跨省通办高频事项
    _text(floor_in_the_name),  # level_floors: 省级以上智能工厂30家、数字化车间100个
    _text(level_part_of_the_whole),  # level_parts: 省级以上创新平台…，其中国家级平台5个
    _text(throughput_of_the_port),  # ports: 江州港完成集装箱吞吐量… -> 江州港集装箱吞吐量
    _text(traffic_of_the_mode),  # transport_modes: 公路完成货运量… -> 公路货运量
    _traffic_after_the_mode,  # transport_modes: …；货物周转量 after 公路…'s part
    _text(fund_without_its_payer),  # payers: 市级财政每年安排专项资金2亿元 -> 专项资金
    _text(poor_counted_by_the_act),  # poverty: 累计脱贫2.86万户9.71万人 -> 贫困户, 农村贫困人口
    _text(signed_projects),  # signed: 新签约项目86个 -> 签约项目
    _text(given_from_above),  # grants: 财政部下达我市新增…债务限额 -> 新增…债务限额
    _text(plenums_of_the_committee),  # events: 党中央召开七次全会 -> 中央全会
    _text(fund_for_its_purpose),  # purposes: 统筹资金46亿元支持…发展 -> …发展资金
    _text(supported_set),  # supported: 支持“两重”建设项目312个 -> “两重”建设项目
    _text(budget_completion),  # budget_rates: 收入812亿元，完成预算的102.4% -> 收入预算完成率
    _text(plan_target_of_the_result),  # plan_targets: …612公里，完成规划目标680公里的90%
    _text(counted_villages),  # villages: 完成8个村的饮水安全巩固提升 -> 饮水安全巩固提升村
    _text(coordination_whole),  # coordinated: 新增和更新车辆… is never 和更新车辆…
    # added late: a conversion first, so that a deviation after it copies the name cleaned
    _figures(without_conversion_verb),  # conversions: 折合降水总量 -> 降水总量
    _text(deviation_of_the_measure_before),  # deviations: …，比常年偏少2.4% is the figure before's
    _figures(tiers_share_the_standard),  # tiers: 最低工资标准最高档…，最低档… -> 最低工资标准
    # last before the 分别 pairs are read: it renames only the rates, which the pairs
    # give the levels' final names anyway
    _text(measure_after_respectively),  # listed_measure: A、B分别实现产值… -> A产值, B产值
    _text(respective_rates),  # respective: 蔬菜产量…，水果产量…，分别增长2.6%和4.3%
)

AFTER_PAIRS: tuple[Pass, ...] = (
    # after the 分别 passes, where it was added: a rate named by them keeps the 新增
    _text(rate_of_the_new),  # new_ones: 新增外资企业320家，增长6.2% -> 新增外资企业
    _text(burden_of_the_relief),  # relief: 为经营主体减负1000亿元 -> 经营主体负担
    _text(with_field),  # sectors: 脑机接口自主创新企业 (the field of the technology held)
    _subject_of_the_section,  # section_subject: 二、义务教育 … 招生 -> 义务教育招生
    _counted_at_the_event,  # events: 第四届…博览会期间，签约项目… -> …博览会签约项目
    _figures(without_aspect),  # aspect: 通了高速公路的旗市 -> 通高速公路的旗市
    _text(places_share_the_measure),  # place_measures: 成都市GDP…，绵阳增长7.2%
    _text(place_is_no_name),  # place_only: …，合肥增长5.4% -> 合肥, not confident
    _text(rank_of_what_was_said),  # rank_runs: …，居全市第3位 after a growth's gap
    _text(without_list_marker),  # markers: （四）社会保险基金… -> 社会保险基金…
    _text(alternates_as_written),  # alternates: 执业助理医师 -> 执业（助理）医师, last
)


def _plan(passes: tuple[Pass, ...]) -> tuple[tuple[int, Callable, frozenset[str] | None, int], ...]:
    """Each step of ``passes`` as the arguments it takes, the function to call (the pass
    itself behind an adapter, the step when it reads the sentence otherwise), the
    characters keying the words it needs (None: no words declared) and the number of
    figures it needs (:mod:`~bot.targets.naming.needs`)."""
    plan = []
    for step in passes:
        args, f = (step.args, step.__wrapped__) if hasattr(step, "args") else (_SENTENCE, step)
        words = getattr(f, "needs_words", ())
        figures = getattr(f, "needs_figures", 0)  # undeclared: runs even on no figure
        plan.append((args, f, key_chars(words) if words else None, figures))
    return tuple(plan)


def _present(search: Callable[[str], list[str]], text: str, named: list[Named]) -> set[str]:
    """The key characters found in the sentence's text, its figures' names and units (one
    search over them joined: the keys are single characters, so no joint makes one)."""
    return set(search(text + "".join([n.indicator + n.figure.unit for n in named])))


def run_passes(passes: tuple[Pass, ...], sentence: Sentence, named: list[Named]) -> list[Named]:
    """``named`` through ``passes`` (:data:`PASSES` or :data:`AFTER_PAIRS`), in order.

    The same calls as ``step(sentence, named)`` for each step, made without the adapter's
    frame, less the calls of passes whose declared needs the sentence does not meet
    (:mod:`~bot.targets.naming.needs`: such a pass would return its figures as given): the
    passes run for every sentence with figures, most only to look. What they need is
    looked for once, and again only after a pass changed a figure."""
    kept = _PLANS.get(id(passes))
    if kept is None or kept[0] is not passes:
        for step in passes:
            named = step(sentence, named)
        return named
    given = named
    text, table = sentence.text, sentence.table
    steps, masks = kept[1], kept[3]
    count = len(named)
    # the steps to run, one bit each (bit k: step k): those whose needs are met
    run = masks.runnable(_present(kept[2], text, named), count)
    while run:
        low = run & -run
        run ^= low
        args, f = steps[low.bit_length() - 1][:2]
        if args is _TEXT:
            out = f(text, named)
        elif args is _TEXT_TABLE:
            out = f(text, named, table)
        elif args is _FIGURES:
            out = f(named)
        elif args is _FIGURES_TABLE:
            out = f(named, table)
        else:
            out = f(sentence, named)
        # a name or a unit changed: what the later passes need is looked for again (no
        # pass changes the list it is given, so the input still holds the figures given)
        if out is not named and (len(out) != count or not all(map(is_, out, named))):
            count = len(out)
            run = masks.runnable(_present(kept[2], text, out), count) & ~((low << 1) - 1)
        named = out
    # a list of its own, as when the last pass built one: the caller's is not shared
    return list(named) if named is given else named


def run_passes_checked(
    passes: tuple[Pass, ...], sentence: Sentence, named: list[Named]
) -> list[Named]:
    """:func:`run_passes` running every pass, each one it would skip checked to change
    nothing (its output the same figures as its input): what the test of the declared needs
    puts in the extractor's place. Raises :class:`AssertionError` naming the pass."""
    search = _PLANS[id(passes)][2]
    for step, (_, f, keys, figures) in zip(passes, _PLANS[id(passes)][1], strict=True):
        present = _present(search, sentence.text, named)
        skipped = len(named) < figures or (keys is not None and keys.isdisjoint(present))
        was = tuple(named)
        out = step(sentence, named)
        if skipped and (len(out) != len(was) or not all(map(is_, out, was))):
            raise AssertionError(f"{f.__name__} changed {sentence.text!r} without its needs")
        named = out
    return named


def run_passes_tagged(
    passes: tuple[Pass, ...], sentence: Sentence, named: list[Named]
) -> list[Named]:
    """:func:`run_passes`, each figure a pass renames tagged with the pass's name
    (:attr:`Named.named_by`): what ``bench.naming_passes`` runs in the extractor's place.

    Not the extractor's own: the snapshot before each pass costs about 7 % of the
    extraction time (the passes mostly look and leave), for a tag no record carries.
    """
    for step in passes:
        # a snapshot, not the list: a pass may change the list it is given in place; the
        # figures are frozen, so the same objects mean the same names (checked at C speed)
        was = tuple(named)
        out = step(sentence, named)
        if len(out) != len(was) or not all(map(is_, out, was)):
            out = _tagged(step.__name__, was, out)
        named = out
    return named


def _tagged(tag: str, was: tuple[Named, ...], out: list[Named]) -> list[Named]:
    """``out`` with the figures whose name is none ``was`` gave them tagged ``tag``.

    By figure, not by place (a pass may reorder them), and by all the names of a figure:
    one figure may carry two names (城镇…、农村…均增长8%).
    """
    names: dict[Figure, set[str]] = {}
    for n in was:
        names.setdefault(n.figure, set()).add(n.indicator)
    return [n if n.indicator in names.get(n.figure, ()) else replace(n, named_by=tag) for n in out]


@dataclass(frozen=True, slots=True)
class _Masks:
    """The steps of a planned stage as bit masks (bit k: step k), so that the steps whose
    needs a sentence meets are found with a few ORs, not a test per step."""

    always: int  # the steps that declare no words
    by_key: dict[str, int]  # a key character -> the steps whose words it keys
    by_count: tuple[int, ...]  # k figures -> the steps needing k or fewer (the last: more)

    @classmethod
    def of(cls, steps: tuple[tuple[int, Callable, frozenset[str] | None, int], ...]) -> _Masks:
        always = 0
        by_key: dict[str, int] = {}
        most = max((figures for *_, figures in steps), default=0)
        by_count = [0] * (most + 1)
        for k, (_, _, keys, figures) in enumerate(steps):
            bit = 1 << k
            if keys is None:
                always |= bit
            else:
                for c in keys:
                    by_key[c] = by_key.get(c, 0) | bit
            for n in range(figures, most + 1):
                by_count[n] |= bit
        return cls(always, by_key, tuple(by_count))

    def runnable(self, present: set[str], count: int) -> int:
        """The steps to run for a sentence holding the key characters ``present`` and
        ``count`` named figures."""
        run = self.always
        by_key = self.by_key
        for c in present:
            run |= by_key[c]
        return run & self.by_count[min(count, len(self.by_count) - 1)]


_Plan = tuple[
    tuple[Pass, ...],
    tuple[tuple[int, Callable, frozenset[str] | None, int], ...],
    Callable[[str], list[str]],
    _Masks,
]


def _planned(passes: tuple[Pass, ...]) -> _Plan:
    """What :data:`_PLANS` keeps of ``passes``: the tuple, its steps planned, the one
    search for the key characters of all the words its passes need, and its masks."""
    steps = _plan(passes)
    search = chars_search(c for _, _, keys, _ in steps if keys for c in keys)
    return passes, steps, search, _Masks.of(steps)


# the extractor's two sequences planned once (kept with the tuple: an id is reused once
# its object is gone; any other tuple of passes runs step by step)
_PLANS: dict[int, _Plan] = {id(p): _planned(p) for p in (PASSES, AFTER_PAIRS)}
