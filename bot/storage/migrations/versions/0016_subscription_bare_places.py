"""subscriptions: a bare place name in a filter stored before user-trial10 read as region:

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06

Data only. Until ``user-trial10`` ``/subscribe 四川 GDP`` stored the keywords 四川 and GDP:
a keyword is looked for in what a figure measures, so the digest held every province's
GDP (a place is no indicator's name and GDP matched alone). ``/subscribe`` now writes a
province or city named alone as ``region:四川`` (and 全国 as ``region:全国``), but a stored
filter is never read again, so the subscriptions made before kept the keyword. This
rewrites them once as ``/subscribe`` reads them now, where that reading is unambiguous:

* a keyword that is wholly a province's or prefecture-level city's name in Chinese
  characters, as the gazetteer (GB/T 2260) names it first (四川, 四川省, 苏州, 黔东南),
  or 全国 / 全國, becomes ``region:…``, placed where the filter's writer
  (``bot.digest.filters.format_filter``) puts regions: after the keywords and the
  ``+`` / ``!`` / ``indicator:`` words, before ``doc:``, ``year:``, ``kind:``,
  ``confidence:`` and ``value:``;
* a filter that already has a ``region:`` word is left whole: ``江苏 region:苏州`` was
  typed ``region:苏州 江苏``, the province saying where the city lies, which
  ``/subscribe`` keeps as a keyword today; without the gazetteer's tree the two
  readings cannot be told apart here;
* a word inside a longer keyword (四川GDP), a required or excluded word (+四川, !四川),
  a district or county name (长安, 鼓楼: words as much as places, left as typed by
  ``/subscribe`` too) and English or pinyin names (Sichuan) are left.

A place quoted on purpose ("四川", kept a keyword) lost its quotes when stored and cannot
be told apart: subscriptions made since ``user-trial10`` with a quoted province are read
as the region too. ``nothing_told_filter`` (the filter a matches-nothing notice was told
for) is rewritten alike, so the notice is not said twice. Nothing else changes; ids stay.

The names are frozen here (the gazetteer may move on, this file must not): the
732 names ``bot.subscriptions.commands.places_as_regions`` read as ``region:`` when the
revision was written. Downgrade leaves the rows: 0015's code reads ``region:`` as well.
Keep it self-contained: do not import bot.storage.models, the filter module or the
gazetteer here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# a filter's words, a quoted one whole (as the filter parser reads them)
WORD = re.compile(r'"[^"]*"|“[^”]*”|\'[^\']*\'|「[^」]*」|\S+')
# words of a key: and the keys written after the regions (format_filter's order)
KEYED = re.compile(r"^[A-Za-z_\u4e00-\u9fff]+[:：]")
REGION_KEYS = ("region:", "region：", "地区:", "地区：")
LATER_KEYS = ("doc:", "year:", "kind:", "confidence:", "value:")
COUNTRY = {"全国": "全国", "全國": "全国"}
# provinces and prefecture-level cities as /subscribe read them at this revision
_NAMES = """
    三亚 三明 三沙 上海 上饶 东莞 东营 中卫 中山 临夏 临汾 临沂 临沧
    丹东 丽水 丽江 乌海 乐山 九江 云南 云浮 亳州 伊春 伊犁 佛山 保定
    保山 信阳 儋州 六安 兰州 兴安 内江 凉山 包头 北京 北海 十堰 南京
    南充 南宁 南平 南昌 南通 南阳 厦门 台州 台湾 合肥 吉安 吉林 吕梁
    吴忠 周口 和田 咸宁 咸阳 哈密 唐山 商丘 商洛 喀什 嘉兴 四川 四平
    固原 塔城 大同 大庆 大理 大连 天水 天津 太原 威海 娄底 孝感 宁夏
    宁德 宁波 安庆 安康 安徽 安阳 安顺 定西 宜宾 宜昌 宜春 宝鸡 宣城
    宿州 宿迁 山东 山南 山西 岳阳 崇左 巴中 常州 常德 平凉 广东 广元
    广安 广州 广西 庆阳 廊坊 延安 延边 开封 张掖 徐州 德宏 德州 德阳
    忻州 怀化 怒江 恩施 惠州 成都 扬州 承德 抚州 抚顺 拉萨 揭阳 文山
    新乡 新余 新疆 无锡 日照 昆明 昌吉 昌都 昭通 晋中 晋城 普洱 曲靖
    朔州 朝阳 本溪 来宾 杭州 松原 林芝 果洛 枣庄 柳州 株洲 桂林 梅州
    梧州 楚雄 榆林 武威 武汉 毕节 永州 汉中 汕头 汕尾 江苏 江西 江门
    池州 沈阳 沧州 河北 河南 河池 河源 泉州 泰安 泰州 泸州 洛阳 济南
    济宁 浙江 海东 海北 海南 海口 海西 淄博 淮北 淮南 淮安 深圳 清远
    温州 渭南 湖北 湖南 湖州 湘潭 湘西 湛江 滁州 滨州 漯河 漳州 潍坊
    潮州 澳门 濮阳 烟台 焦作 玉林 玉树 玉溪 珠海 甘南 甘孜 甘肃 白城
    白山 白银 百色 益阳 盐城 盘锦 眉山 福州 福建 红河 绍兴 绥化 绵阳
    聊城 肇庆 自贡 舟山 芜湖 苏州 茂名 荆州 荆门 莆田 菏泽 萍乡 营口
    蚌埠 衡水 衡阳 衢州 襄阳 西宁 西安 西藏 许昌 贵州 贵港 贵阳 贺州
    资阳 赣州 赤峰 辽宁 辽源 辽阳 达州 运城 迪庆 通化 通辽 遂宁 遵义
    邢台 那曲 邯郸 邵阳 郑州 郴州 鄂州 酒泉 重庆 金华 金昌 钦州 铁岭
    铜仁 铜川 铜陵 银川 锦州 镇江 长春 长沙 长治 阜新 阜阳 阳江 阳泉
    阿坝 阿里 陇南 陕西 随州 雅安 青岛 青海 鞍山 韶关 香港 鸡西 鹤壁
    鹤岗 鹰潭 黄冈 黄南 黄山 黄石 黑河 黔南 龙岩 七台河 三亚市 三明市
    三沙市 三门峡 上海市 上饶市 东莞市 东营市 中卫市 中山市 临汾市 临沂市
    临沧市 丹东市 丽水市 丽江市 乌海市 乐山市 九江市 云南省 云浮市 亳州市
    伊春市 佛山市 佳木斯 保定市 保山市 信阳市 儋州市 六安市 六盘水 兰州市
    兴安盟 内江市 内蒙古 包头市 北京市 北海市 十堰市 南京市 南充市 南宁市
    南平市 南昌市 南通市 南阳市 厦门市 双鸭山 台州市 台湾省 合肥市 吉安市
    吉林市 吉林省 吐鲁番 吕梁市 吴忠市 周口市 咸宁市 咸阳市 哈密市 哈尔滨
    唐山市 商丘市 商洛市 嘉兴市 嘉峪关 四川省 四平市 固原市 大同市 大庆市
    大连市 天水市 天津市 太原市 威海市 娄底市 孝感市 宁德市 宁波市 安庆市
    安康市 安徽省 安阳市 安顺市 定西市 宜宾市 宜昌市 宜春市 宝鸡市 宣城市
    宿州市 宿迁市 山东省 山南市 山西省 岳阳市 崇左市 巴中市 常州市 常德市
    平凉市 平顶山 广东省 广元市 广安市 广州市 庆阳市 廊坊市 延安市 开封市
    张家口 张家界 张掖市 徐州市 德州市 德阳市 忻州市 怀化市 惠州市 成都市
    扬州市 承德市 抚州市 抚顺市 拉萨市 揭阳市 攀枝花 新乡市 新余市 无锡市
    日喀则 日照市 昆明市 昌都市 昭通市 晋中市 晋城市 普洱市 景德镇 曲靖市
    朔州市 朝阳市 本溪市 来宾市 杭州市 松原市 林芝市 枣庄市 柳州市 株洲市
    桂林市 梅州市 梧州市 榆林市 武威市 武汉市 毕节市 永州市 汉中市 汕头市
    汕尾市 江苏省 江西省 江门市 池州市 沈阳市 沧州市 河北省 河南省 河池市
    河源市 泉州市 泰安市 泰州市 泸州市 洛阳市 济南市 济宁市 浙江省 海东市
    海南省 海口市 淄博市 淮北市 淮南市 淮安市 深圳市 清远市 温州市 渭南市
    湖北省 湖南省 湖州市 湘潭市 湛江市 滁州市 滨州市 漯河市 漳州市 潍坊市
    潮州市 濮阳市 烟台市 焦作市 牡丹江 玉林市 玉溪市 珠海市 甘肃省 白城市
    白山市 白银市 百色市 益阳市 盐城市 盘锦市 眉山市 石嘴山 石家庄 福州市
    福建省 秦皇岛 绍兴市 绥化市 绵阳市 聊城市 肇庆市 自贡市 舟山市 芜湖市
    苏州市 茂名市 荆州市 荆门市 莆田市 菏泽市 萍乡市 营口市 葫芦岛 蚌埠市
    衡水市 衡阳市 衢州市 襄阳市 西宁市 西安市 许昌市 贵州省 贵港市 贵阳市
    贺州市 资阳市 赣州市 赤峰市 辽宁省 辽源市 辽阳市 达州市 运城市 连云港
    通化市 通辽市 遂宁市 遵义市 邢台市 那曲市 邯郸市 邵阳市 郑州市 郴州市
    鄂州市 酒泉市 重庆市 金华市 金昌市 钦州市 铁岭市 铜仁市 铜川市 铜陵市
    银川市 锦州市 镇江市 长春市 长沙市 长治市 阜新市 阜阳市 防城港 阳江市
    阳泉市 阿克苏 阿勒泰 阿拉善 陇南市 陕西省 随州市 雅安市 青岛市 青海省
    鞍山市 韶关市 马鞍山 驻马店 鸡西市 鹤壁市 鹤岗市 鹰潭市 黄冈市 黄山市
    黄石市 黑河市 黑龙江 黔东南 黔西南 龙岩市 七台河市 三门峡市 乌兰察布
    乌鲁木齐 佳木斯市 克孜勒苏 克拉玛依 六盘水市 博尔塔拉 双鸭山市 吐鲁番市
    呼伦贝尔 呼和浩特 和田地区 哈尔滨市 喀什地区 嘉峪关市 塔城地区 大兴安岭
    巴彦淖尔 巴音郭楞 平顶山市 张家口市 张家界市 攀枝花市 日喀则市 景德镇市
    牡丹江市 石嘴山市 石家庄市 秦皇岛市 葫芦岛市 西双版纳 连云港市 鄂尔多斯
    锡林郭勒 防城港市 阿拉善盟 阿里地区 马鞍山市 驻马店市 黑龙江省 齐齐哈尔
    乌兰察布市 乌鲁木齐市 克拉玛依市 呼伦贝尔市 呼和浩特市 巴彦淖尔市
    西藏自治区 鄂尔多斯市 锡林郭勒盟 阿克苏地区 阿勒泰地区 齐齐哈尔市
    内蒙古自治区 大兴安岭地区 临夏回族自治州 凉山彝族自治州 大理白族自治州
    宁夏回族自治区 广西壮族自治区 昌吉回族自治州 果洛藏族自治州 楚雄彝族自治州
    海北藏族自治州 海南藏族自治州 澳门特别行政区 玉树藏族自治州 甘南藏族自治州
    甘孜藏族自治州 迪庆藏族自治州 香港特别行政区 黄南藏族自治州 伊犁哈萨克自治州
    延边朝鲜族自治州 怒江傈僳族自治州 新疆维吾尔自治区 博尔塔拉蒙古自治州
    巴音郭楞蒙古自治州 文山壮族苗族自治州 西双版纳傣族自治州 阿坝藏族羌族自治州
    德宏傣族景颇族自治州 恩施土家族苗族自治州 海西蒙古族藏族自治州
    湘西土家族苗族自治州 红河哈尼族彝族自治州 黔东南苗族侗族自治州
    黔南布依族苗族自治州 克孜勒苏柯尔克孜自治州 黔西南布依族苗族自治州
"""
PLACES = frozenset(_NAMES.split())


def place_of(word: str) -> str | None:
    """The region a filter word is, whole, else None."""
    if word in COUNTRY:
        return COUNTRY[word]
    return word if word in PLACES else None


def rewritten(filter_text: str | None) -> str | None:
    """``filter_text`` with its bare places as ``region:``; None when nothing changes."""
    if not filter_text:
        return None
    words = WORD.findall(filter_text)
    if any(w.lower().startswith(REGION_KEYS) for w in words):
        return None  # a region named already: the bare place may say where it lies
    keywords = [w for w in words if not KEYED.match(w)]
    regions = [r for w in keywords if (r := place_of(w)) is not None]
    if not regions:
        return None
    kept = [w for w in words if KEYED.match(w) or place_of(w) is None]
    new = [f"region:{r}" for r in dict.fromkeys(regions)]
    at = next((i for i, w in enumerate(kept) if w.lower().startswith(LATER_KEYS)), len(kept))
    return " ".join(kept[:at] + new + kept[at:])


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, filter_text, nothing_told_filter FROM subscriptions")
    ).fetchall()
    for sub_id, filter_text, told in rows:
        new_filter, new_told = rewritten(filter_text), rewritten(told)
        if new_filter is None and new_told is None:
            continue
        bind.execute(
            sa.text(
                "UPDATE subscriptions SET filter_text = :filter, nothing_told_filter = :told "
                "WHERE id = :id"
            ),
            {
                "id": sub_id,
                "filter": new_filter if new_filter is not None else filter_text,
                "told": new_told if new_told is not None else told,
            },
        )


def downgrade() -> None:
    pass  # the rows stay as written: 0015's code reads region: too
