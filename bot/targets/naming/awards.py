"""Awards and subsidies a plan promises: ``对新认定的国家级专精特新“小巨人”企业，给予
一次性奖励100万元``.

Action plans and implementation opinions state their support as money given to whom
(``对…的X，给予每人最高2000元的一次性补贴``, ``对首次入选的企业给予最高50万元奖励``).
The clause before the money holds only the giving (``给予每人最高``, or the award said as
the verb: ``对…的X，一次性奖励50万元``): the money is the
award, named by its kind and by who receives it (``国家级专精特新小巨人企业一次性奖励``,
``养老护理员一次性补贴``), or by its kind alone when the receivers are only ``企业``; a
cap per single unit said with no receiver keeps the unit (``单个项目奖励不超过5000万元`` ->
``单个项目奖励``).

The same award said in the other shapes plans use (round22, round19, round15, round7):
a rate of a base (``对…按售价的30%给予奖励`` -> ``…奖励比例``; a base of research spending
is said, ``一类新药研发投入补助比例``); a cap in a clause of its own after the giving
(``单台最高不超过1000万元`` -> ``单台奖励``, ``单个企业每年不超过300万元`` after ``给予运营补贴``
-> ``单个企业运营补贴``; ``最高不超过500万元`` with no unit -> the receiver's award); sums
given ``分别`` (each the receivers' award); and receivers said by what they did
(``首次取得三类医疗器械注册证的产品``, ``购买一级能效家电的，``, ``新评定为国家5A级旅游景区的``:
what the act is done to).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import GENERIC_NAMES
from bot.targets.naming.needs import needs
from bot.targets.naming.words import CLAUSE_MARKS, _is_name, _is_verb, after_mark

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# 贴息: interest paid on a loan is support given as the others are (给予贴息, 单个项目最高贴息)
_KINDS = r"奖励|补贴|补助|奖补|资助|扶持资金|补助资金|奖励资金|贴息"
_PER = (
    # (每款: one model of an aircraft or a product, 每款给予最高300万元奖励)
    r"每人次|每人|每户|每家|每个|每项|每场|每辆|每件|每台|每套|每条|每部|每处|每座|每款|每年|每月"
    r"|单个项目|单家企业|单个企业"
)
# who is paid, said after 给予 (研制企业, 研发企业, 建设主体, 项目业主, 运营单位)
_PAYEE = r"[\u4e00-\u9fff]{0,4}?(?:企业|主体|单位|业主)"
# (每人每月, 每人每年: a sum per head and per stretch of time)
_CAP = rf"(?:{_PER}){{0,2}}(?:最高|不超过|最多|最高不超过)?"
# a cap per single unit, said where no receiver is: the award of one (单个项目奖励)
_SINGLE_RE = re.compile(r"单个项目|单家企业|单个企业")
# the giving, with who receives it in the same clause or not: (对…)给予每人最高(一次性)(奖励);
# 每个给予, 分别给予最高500万元、1000万元…奖励 (a list of sums, each the award), 一次性给予
# (the giving's manner: no part of the award's name)
_GIVING_RE = re.compile(
    # a rate per unit, with the level that pays it before (市级按照每平方米200元的标准给予补助),
    # or per a step of a measure (按每新增100万美元给予1万元奖励, 每引进1名…人才给予奖励5万元)
    rf"(?:对(?P<who>[^，。；：]{{2,40}}?))?(?P<per>(?:[省市县区]级(?:财政)?)?"
    rf"(?:按(?:照)?)?每(?:新增|增加|引进)?\d+(?:\.\d+)?[万亿]?[\u4e00-\u9fff]{{1,8}}?给予"
    rf"|(?:[省市县区]级(?:财政)?)?按(?:照)?每[\u4e00-\u9fff]{{1,8}}?)?"
    # a sum per unit of the receivers, the unit named (对新获批的三类医疗器械，每个产品给予最高
    # 500万元奖励; 每个项目给予最高800万元支持): the receivers' award, capped per unit
    rf"(?:每[个家项台套件款部座][\u4e00-\u9fff]{{1,4}}?(?=(?:一次性)?给予))?"
    rf"(?:分别|一次性(?=给予))?{_CAP}(?P<give>给予)?"
    # the party paid, when it is not the receiver the clause before names (对…的载人eVTOL
    # 产品，给予研制企业最高2000万元奖励; 给予建设主体1000万元补助): no part of the award
    rf"(?:(?<=给予){_PAYEE})?{_CAP}"
    # a sum per unit of what is measured, said after the giving: 给予每千瓦时0.2元的运营补贴
    rf"(?P<unit_per>(?<=给予)每[\u4e00-\u9fff]{{1,5}})?"
    # what the award pays for, before its kind (给予生活补贴, 给予一次性面试补贴)
    rf"(?P<once>一次性)?{_CAP}(?:(?P<gmod>[\u4e00-\u9fff]{{1,4}}?)?(?P<kind>{_KINDS}))?{_CAP}"
    rf"(?:\d+(?:\.\d+)?[万亿]?元[、和])*$"
)
_KIND_RE = re.compile(_KINDS)
# the award said after the money (and the sums listed with it): (的)(一次性)补贴
_KIND_AFTER_RE = re.compile(
    rf"(?:[、和]\d+(?:\.\d+)?[万亿]?元)*(?:的标准)?(?P<given>给予(?P<mod>[\u4e00-\u9fff]{{0,4}}?))?"
    # (30万元建设补助, 1亿元项目资助: what the award pays for, written before its kind;
    # 按每万美元100元给予支持: support, the award a rate per unit gives)
    rf"的?(?P<once>一次性)?(?P<mod2>[\u4e00-\u9fff]{{0,2}}?)(?P<kind>{_KINDS}|(?<=给予)支持)"
)
# a lead before the giving in its clause: a rate of a base, or what the award adds to, or
# the measure a sum per unit is paid on (按实际放电量给予每千瓦时0.2元的运营补贴)
_LEAD_RE = re.compile(
    r"按(?:照)?[^，。；：]{1,14}?的\d+(?:\.\d+)?%|在[^，。；：]{1,12}?基础上"
    r"|按(?:照)?[^，。；：给每\d]{2,10}?(?=给予每)"
)
# the award said after a sum per unit, with what it pays for: 0.2元的运营补贴, 200元的一次性建设补助
_KIND_AFTER_PER_RE = re.compile(rf"的(?:一次性)?(?P<mod>[\u4e00-\u9fff]{{0,4}}?)(?P<kind>{_KINDS})")
# who receives it, said in the clause before: 对…的X，; or a clause of who qualifies with no
# 对 (购买一级能效家电的，按售价的15%给予补贴)
_WHO_BEFORE_RE = re.compile(r"对(?P<who>[^，。；：]{2,40})[，,]$")
_WHO_CLAUSE_RE = re.compile(r"(?:^|[，,；;。])(?P<who>[^，,。；;：对]{2,30}的)[，,]$")
# the act that makes one a receiver, before what it is done to (首次取得三类医疗器械注册证,
# 购买新能源乘用车, 新评定为国家5A级旅游景区): the thing named, not the act
_ACT_RE = re.compile(
    r"^.*?(?:新评定为|评定为|新认定为|认定为|新取得|首次取得|取得|获得|购买|购置|采购|租用|开通|新增|新建"
    # chosen for a list or a title (新获批国家中医药传承创新中心, 获评国家…先导区, 新入选省级
    # …集聚区): the list names them (GOLD_GUIDELINES 6.8.25)
    r"|获评|获批|入选)"
)
# a share of a base given as the award (对…按售价的30%给予奖励): the award's rate; the base
# of research spending is said (一类新药研发投入补助比例), the price or amount is not
_RATE_RE = re.compile(r"(?:对(?P<who>[^，。；：]{2,40}?))?按(?:照)?(?P<base>[^，。；：]{1,12}?)的$")
# who receives it, said where the giving's clause opens (对储能电池企业研发投入按…)
_WHO_OPENING_RE = re.compile(r"对(?P<who>[^，。；：]{2,40}?)(?:按|给予|，)")
_RATE_KIND_RE = re.compile(
    rf"给予(?:(?P<mod>[\u4e00-\u9fff]{{1,3}}?)(?P<kind>{_KINDS})|[^，。；]{{0,14}}?(?P<kind2>{_KINDS}))"
)
# a cap said in a clause of its own after the giving (单台最高不超过1000万元, 单个企业每年最高200
# 万元, 每件最高2000元, 最高不超过500万元): the award of one unit, or the receiver's
_CAP_CLAUSE_RE = re.compile(
    # (每家企业每年最高200万元: one firm's, as 单家企业 is)
    # (单站最高500万元, 每座每年最高200万元, 每个起降场最高50万元: one station's, one site's)
    r"(?P<unit>(?:单[个家台套项站座]|每[家个座站])[\u4e00-\u9fff]{0,4}?)?(?:每[件台辆套个]|每年|每人次)?"
    r"(?P<year>年度)?(?:累计)?(?P<own>支持|奖励|补贴|补助|奖补|贴息)?(?:每年)?(?:最高|最多)?(?:不超过)?"
    # the kind said after the cap (单个项目最高贴息300万元)
    r"(?P<own2>奖励|补贴|补助|奖补|贴息)?$"
)
_GIVEN_KIND_RE = re.compile(
    rf"给予(?:(?P<mod>[\u4e00-\u9fff]{{1,3}}?)(?P<kind>{_KINDS})|[^，。；]{{0,14}}?"
    # a sum per unit's award with what it pays for: 给予每千瓦时0.2元的运营补贴
    rf"(?:元的(?:一次性)?(?P<mod2>[\u4e00-\u9fff]{{1,4}}?))?(?P<kind2>{_KINDS}))"
    rf"|(?P<bare>{_KINDS})"
    # 按每万美元100元给予支持，单个企业最高200万元: support, the award given
    r"|(?<=给予)(?P<support>支持)"
)


# a class said by a threshold it passes (出口额达到500万美元以上, 节能率达到15%以上)
_THRESHOLD_RE = re.compile(r"(?:达到|超过|突破)\d")


# receivers first chosen for a list or a title, the award's occasion (首次入选中国民营企业500强,
# 首次认定为国家级专精特新“小巨人”, 首次纳入规模以上工业企业): the list names them (GOLD_GUIDELINES
# 6.8.25, 6.8.37); a rank cut (进入…销量前十位, 进入…行列) is a condition the receivers pass,
# and a pool or a stage entered (纳入省重点项目库的制造业项目, 进入临床试验的一类新药) no title
_LIST_ACT_RE = re.compile(r"(?:首次|新)(?:入选|进入|认定为|纳入)(?P<list>[^的，,。；;]{3,30})$")
_RANK_CUT_RE = re.compile(r"前[\d一二三四五六七八九十百]{1,4}[位名]?$|行列$")


def _chosen_for_a_list(body: str, head: str) -> str:
    """The list receivers were chosen for, named as 6.8.25 names things chosen so: alone
    when it names them (中国民营企业500强, 规模以上工业企业) or when the receivers are only
    ``企业``; else before their noun (国家级专精特新小巨人 + 企业, the firms' own trade
    dropped; 国家绿色低碳先进技术目录 + 技术成果). ``""`` when no list is said."""
    chosen = _LIST_ACT_RE.search(body)
    if not chosen or _RANK_CUT_RE.search(chosen["list"]) or not (head == "企业" or _is_name(head)):
        return ""
    title = chosen["list"]
    if head == "企业" or title.endswith((head[-2:], "强")):
        return title
    return title + ("企业" if head.endswith("企业") else head)


def _receiver(who: str) -> str:
    """The head of ``who`` (新认定的国家级…企业 -> 国家级…企业), ``""`` when it says
    nothing of its own (企业); a class said by what it did (首次取得…注册证的产品,
    新评定为国家5A级旅游景区的) is named by what the act is done to."""
    who = who.replace("“", "").replace("”", "")
    if who.endswith("的"):  # 对新评定为国家5A级旅游景区的，: the class the clause names
        head = _ACT_RE.sub("", who[:-1]).rsplit("的", 1)[-1]
        # (对…出口额达到500万美元以上的，: a class by a threshold names no receiver)
        return head if _is_name(head) and len(head) > 2 and not _THRESHOLD_RE.search(head) else ""
    body, _, head = who.rpartition("的")
    head = head.split("给予", 1)[0]  # 对…技改项目给予补助，单个…: who, not the giving
    listed = _chosen_for_a_list(body, head)
    if listed:
        return listed
    head = _ACT_RE.sub("", head)  # 新增限额以上住宿餐饮企业: the firms, not their coming
    if head.startswith("企业") and len(head) > 4:
        head = head[2:]  # 企业设备更新: the renewal the firms make
    if (not _is_name(head) or len(head) <= 2) and body:
        # 获得…注册证的产品, 开通低空物流航线的企业: what the act is done to
        head = _ACT_RE.sub("", body).rsplit("的", 1)[-1]
        return head if _ACT_RE.match(body) and _is_name(head) and len(head) > 2 else ""
    return head if _is_name(head) and head not in GENERIC_NAMES and len(head) > 2 else ""


_SUMS_BEFORE_RE = re.compile(r"元[、和]")
# a level said once before listed receivers, theirs all
_SHARED_LEVEL_RE = re.compile(r"国家级|省级|市级|县级|全日制")
_SUMS_AFTER_RE = re.compile(r"(?:[、和]\d+(?:\.\d+)?[万亿]?元)*")


def _respective(receiver: str, giving: str, sentence: str, end: int) -> str:
    """One of receivers listed with ``、`` when sums are given to them ``分别``, as many
    sums as receivers (``对博士、硕士，分别给予安家补贴20万元、10万元``): the one in the
    figure's place; else ``receiver`` as it is."""
    if "分别" not in giving or "、" not in receiver:
        return receiver
    items = receiver.split("、")
    index = len(_SUMS_BEFORE_RE.findall(giving))
    after = _SUMS_AFTER_RE.match(sentence, end)
    total = index + 1 + (after.group().count("元") if after else 0)
    if total != len(items) or not all(len(item) >= 2 for item in items):
        return receiver
    item = items[index]
    first = _SHARED_LEVEL_RE.match(items[0])
    if first and index and not _SHARED_LEVEL_RE.match(item):
        # 国家级绿色工厂、绿色工业园区 / 全日制博士研究生、硕士研究生: the level the first
        # item says is the list's (round26's and round28's golds)
        item = first.group() + item
    return item


def _who_before(sentence: str, start: int) -> str:
    """Who receives the award, said in the clause before ``start`` (对…，, or …的，)."""
    before = _WHO_BEFORE_RE.search(sentence, 0, start) or _WHO_CLAUSE_RE.search(sentence, 0, start)
    return before["who"] if before else ""


# words before an award that say how it is paid, not what it is (给予一次性奖励, 给予资金补助)
_PLAIN_MODS = frozenset({"一次性", "资金", "财政", "适当", "一定", "相应", "最高", "全额"})


def _rate_name(sentence: str, start: int, n: Named) -> str:
    """A share of a base given as the award: the receiver's award rate, or ``""``."""
    fig = n.figure
    rate = _RATE_RE.match(sentence, start, fig.start)
    given = _RATE_KIND_RE.match(sentence, fig.end)
    if fig.unit != "%" or not rate or not given:
        return ""
    kind = (given["mod"] or "") + (given["kind"] or given["kind2"])
    if given["mod"] and len(given["mod"]) >= 2 and given["mod"] not in _PLAIN_MODS:
        # 按合同金额的30%给予算力券补贴: the award names itself by what it is (a voucher), so
        # its rate is that award's, whoever receives it (round22 hefei, round32 shaanxi golds)
        return kind + "比例"
    receiver = _receiver(rate["who"] or _who_before(sentence, start))
    if not receiver:
        return ""
    if rate["base"].startswith("研发") and "研发" not in receiver:
        receiver += "研发投入"  # 对…一类新药按研发投入的20%给予补助: a share of research
    return receiver + kind + "比例"


# the award's rate said as its own name, a share of another rate (贴息比例为贷款市场报价利率的
# 30%, 贴息比例不超过…的50%): the rate of the award, not a part of that base
_OWN_RATE_RE = re.compile(
    rf"(?P<kind>{_KINDS})比例(?:为|不超过|不低于|不高于|最高为?|最高不超过)?[^，。；：]{{1,14}}?的$"
)
# who the award is given to, in the clause that gives it: 对民营小微企业贷款给予贴息
_GIVEN_TO_RE = re.compile(rf"对(?P<who>[^，。；：]{{2,30}}?)给予(?P<kind>{_KINDS})[，,]")


def _own_rate_name(sentence: str, start: int, n: Named) -> str:
    """An award's rate named in its clause (贴息比例为…的30%) after the clause giving it to
    whom (对…贷款给予贴息，): that receiver's award rate, or ``""``."""
    fig = n.figure
    rate = _OWN_RATE_RE.match(sentence, start, fig.start)
    if fig.unit != "%" or not rate:
        return ""
    given = [g for g in _GIVEN_TO_RE.finditer(sentence, 0, start) if g["kind"] == rate["kind"]]
    receiver = _receiver(given[-1]["who"]) if given else ""
    return receiver + rate["kind"] + "比例" if receiver else ""


def _cap_name(sentence: str, start: int, n: Named) -> str:
    """A cap in a clause of its own after the giving: ``""`` unless it is one."""
    fig = n.figure
    cap = _CAP_CLAUSE_RE.fullmatch(sentence, start, fig.start)
    said = sentence[start : fig.start]
    if not cap or not re.search("最高|最多|不超过|单[个家台套项]", said):
        return ""
    given = list(_GIVEN_KIND_RE.finditer(sentence, 0, start))
    if not given:
        return ""
    last = given[-1]
    kind = (
        cap["own"]
        or cap["own2"]
        or (last["mod"] or last["mod2"] or "")
        + (last["kind"] or last["kind2"] or last["bare"] or last["support"])
    )
    if cap["unit"]:  # 单台最高不超过1000万元: one unit's award
        return cap["unit"] + (cap["year"] or "") + kind
    # 每件最高2000元, 最高不超过500万元: the receiver's award, capped; the receiver is said
    # where the giving's clause opens, or in the clause before it
    opens = after_mark(sentence, last.start(), CLAUSE_MARKS)
    who = _WHO_OPENING_RE.match(sentence, opens, last.start() + 2)
    receiver = _receiver(who["who"] if who else _who_before(sentence, opens))
    return receiver + kind if receiver else ""


# A sum per head of a subsidy the clause before names (发放育儿补贴，对3周岁以下婴幼儿每人每年
# 补贴3600元; 落实国家育儿补贴制度，对…每人每年发放补贴3600元) is that subsidy's standard
# (GOLD_GUIDELINES 6.8.33), as 低保标准 is; a subsidy named in the sum's own clause
# (每人每月给予岗位补贴800元) is named by it and its receivers, as above.
_PER_HEAD_SUM_RE = re.compile(
    r"(?:对[^，。；：]{2,30}?)?每人(?:每年|每月)?(?:发放|给予)?(?:补贴|补助)"
)
# the subsidy named by the clause before, less who acts and how (落实国家育儿补贴制度)
_SCHEME_CLAUSE_RE = re.compile(
    r"(?:我们|我省|我市|我区|我县)?(?:将|要)?(?:全面|继续|持续|进一步)?"
    r"(?:落实|发放|实施|兑现|执行|建立|完善|推行)?(?:国家|省级|市级|县级)?"
    r"(?P<what>[\u4e00-\u9fff]{2,8}?(?:补贴|补助))(?:制度|政策)?[，,]"
)


def _standard_name(sentence: str, start: int, end: int) -> str:
    """``育儿补贴标准`` for the per-head sum ending at ``end`` whose clause opens at ``start``,
    ``""`` when it is no sum per head of a subsidy named just before."""
    if not _PER_HEAD_SUM_RE.fullmatch(sentence, start, end):
        return ""
    opens = after_mark(sentence, max(start - 1, 0), CLAUSE_MARKS)
    m = _SCHEME_CLAUSE_RE.fullmatch(sentence, opens, start)
    if not m or _is_verb(m["what"][:2]) or not _is_name(m["what"]):
        return ""
    return m["what"] + "标准"


@needs("给予", "奖励", "补贴", "补助", "奖补", "资助", "扶持资金", "贴息")
def name_awards(sentence: str, named: list[Named]) -> list[Named]:
    """Money given as an award or a subsidy is named by its kind and its receivers."""
    if "给予" not in sentence and not _KIND_RE.search(sentence):
        return list(named)  # nothing given
    out: list[Named] = []
    for n in named:
        fig = n.figure
        start = after_mark(sentence, fig.start, CLAUSE_MARKS)
        # the giving may follow a lead in its clause: the rate given first (按研发投入的30%
        # 给予最高1000万元奖励) or the subsidy it adds to (在中央补贴基础上按每台最高3万元…)
        if fig.unit_class == "money" and (standard := _standard_name(sentence, start, fig.start)):
            out.append(replace(n, indicator=standard, confidence=max(n.confidence, 0.75)))
            continue
        lead = _LEAD_RE.match(sentence, start, fig.start)
        opens = lead.end() if lead else start
        giving = _GIVING_RE.search(sentence, opens, fig.start)
        if giving and giving["gmod"] and not (giving["give"] or giving["once"]):
            giving = None  # 发放高龄补贴: what is paid out, with no giving of an award
        if (
            fig.unit_class == "money"
            and giving
            and giving.start() == opens
            and (giving["give"] or giving["kind"] or giving["per"])  # 给予, or the award as
            # the verb, or a sum per unit given after it (按每条航线每年20万元给予运营补贴)
        ):
            after = _KIND_AFTER_RE.match(sentence, fig.end)
            if after and after["given"] and not giving["per"]:
                after = None  # …万元给予奖励 with no rate per unit before: not this award
            if after is None and giving["unit_per"]:
                after = _KIND_AFTER_PER_RE.match(sentence, fig.end)
            kind = (
                (giving["gmod"] or "") + giving["kind"]
                if giving["kind"]
                else (
                    (after["mod"] or "") + (after.groupdict().get("mod2") or "") + after["kind"]
                    if after
                    else ""
                )
            )
            once = giving["once"] or (after.groupdict().get("once") if after else "")
            if kind:
                receiver = _receiver(giving["who"] or _who_before(sentence, start))
                receiver = _respective(receiver, giving.group(), sentence, fig.end)
                single = _SINGLE_RE.search(giving.group()) if not receiver else None
                # 中央财政…给予奖励，单个项目奖励不超过5000万元: the cap of one project's
                receiver = single.group() if single else receiver
                # 一次性 is the giving's manner: the golds name an award with its receiver
                # without it (9 records of round10b, round22, round25, none with it), the
                # bare kind with it (forms' 一次性奖励), which alone says little
                name = receiver + kind if receiver else (once or "") + kind
                n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        elif (
            name := _rate_name(sentence, start, n)
            or _own_rate_name(sentence, start, n)
            or (_cap_name(sentence, start, n) if fig.unit_class == "money" else "")
        ):
            n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
