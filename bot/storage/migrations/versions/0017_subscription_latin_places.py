"""subscriptions: a place stored in English or pinyin written as the Chinese region

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06

Data only. Before ``/subscribe`` read English and pinyin place names, ``/subscribe Shandong
GDP`` stored the keywords Shandong and GDP: a keyword is looked for in what a figure
measures, so the digest held nothing about 山东 (or, with GDP matching alone, every
province's GDP). ``/subscribe`` now writes such a name as the Chinese region
(``region:山东``), but a stored filter is never read again. Filters stored with
``region:Shandong`` were read as 山东 when the digest was composed, and said back as
"地区：Shandong". This rewrites both once, as ``/subscribe`` reads them now:

* a keyword that is wholly one English or pinyin place name the gazetteer reads as a
  region when subscribing (Shandong, shandong, Sichuan, Kaili: a province, a
  prefecture-level city, or a county one place carries) becomes ``region:<Chinese>``,
  placed where the filter's writer puts regions (as 0016 does); a name that is also an
  English word counts only capitalised (Heping, not heping), and a name two places share
  (Suzhou, Gulou) or that is a county's name carried by several (Changan) stays;
* a ``region:`` value that is wholly one such name (``region:Shandong``,
  ``region:"Inner Mongolia"``, ``region:sichuan province``) is written in Chinese in
  place (``region:山东``), a county too (``region:Pengxi`` -> ``region:蓬溪``);
* as in 0016, a filter that already has a ``region:`` keeps its bare words: a province
  after a place may say where it lies (``region:Suzhou Jiangsu`` was stored
  ``Jiangsu region:Suzhou``, one place; its ``region:Suzhou`` stays as typed too).

What the reader cannot read is left as it is. ``nothing_told_filter`` is rewritten
alike. Nothing else changes; ids stay.

Why the names are frozen here and the core's reader not imported: a migration runs on
every new database, from 0001, for as long as the project lives; importing
``bot.subscriptions.commands.places_as_regions`` (or ``bot.corpus.gazetteer``) would make a
released revision fail the day the reader is renamed, and rewrite a database upgraded
next year by next year's reading instead of this one. ``bot.storage`` also sits below
``bot.subscriptions`` and beside ``bot.corpus`` in the import contract (lint-imports does
not see ``versions/``, which is no package, but the layering holds). The table below is
the core's reading, generated from ``bot.corpus.gazetteer.latin_names`` and checked
against ``places_as_regions`` and ``region_words`` by
``tests/test_trial_left13_e2e.py``: ``key=中文``, ``*`` before a name read only
capitalised, ``!`` after a name read as a region after ``region:`` but left a keyword
when bare (a county's name several carry). Downgrade leaves the rows: 0016's code reads
``region:山东`` as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# a filter's words, a quoted one whole (as the filter parser reads them), a key's quoted
# value with its key (region:“Inner Mongolia”)
_QUOTED = r'"[^"]*"|“[^”]*”|\'[^\']*\'|「[^」]*」'
WORD = re.compile(rf"[^\s:：]+[:：](?:{_QUOTED})|{_QUOTED}|\S+")
KEYED = re.compile(r"^[A-Za-z_\u4e00-\u9fff]+[:：]")
REGION_KEYS = ("region:", "region：", "地区:", "地区：")
LATER_KEYS = ("doc:", "year:", "kind:", "confidence:", "value:")
QUOTES = "\"“”'「」"
LATIN = re.compile(r"^[A-Za-z][A-Za-z'’-]*$")
# the words of a Latin name, and the kind of place written after it (Sichuan Province)
LATIN_WORDS = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
SUFFIXES = frozenset(
    {"province", "sheng", "city", "shi", "municipality", "prefecture", "region", "sar",
     "autonomousregion", "specialadministrativeregion", "diqu", "zizhiqu"}
)  # fmt: skip
# English and pinyin place names as the gazetteer read them at this revision
_TABLE = """
*aba=阿坝 abaga=阿巴嘎 acheng=阿城 aershan=阿尔山 aheqi=阿合奇 aihui=爱辉 aimin=爱民
akesai=阿克塞 akesu=阿克苏 aketao=阿克陶 alaer=阿拉尔 alashan=阿拉善 alashankou=阿拉山口
alashanyou=阿拉善右 alashanzuo=阿拉善左 aleitai=阿勒泰 *ali=阿里 alukeerqin=阿鲁科尔沁 anci=安次
*anda=安达 anding=安定 anduo=安多 anfu=安福 angangxi=昂昂溪 angren=昂仁 anguo=安国 anhua=安化
anhui=安徽 anji=安吉 anju=安居 ankang=安康 anlong=安龙 anlu=安陆 anning=安宁! anping=安平
anqing=安庆 anqiu=安丘 anren=安仁 ansai=安塞 anshan=鞍山 anshun=安顺 antu=安图 anxi=安溪
anxiang=安乡 anxin=安新 anyang=安阳 anyi=安义 anyue=安岳 anze=安泽 anzhou=安州 aohan=敖汉
aomen=澳门 arong=阿荣 atushen=阿图什 awati=阿瓦提 babu=八步 bachu=巴楚 badong=巴东
bagongshan=八公山 baicheng=白城 baihe=白河 baijiantan=白碱滩 bailang=白朗 baiquan=拜泉
baise=百色 baisha=白沙 baishan=白山 baishui=白水 baita=白塔 baixiang=柏乡 baiyin=白银 baiyu=白玉
baiyun=白云! baiyunebokuang=白云鄂博矿 balikun=巴里坤 balinyou=巴林右 balinzuo=巴林左 bama=巴马
banan=巴南 *bange=班戈 bangshan=蚌山 banma=班玛 baoan=宝安 baode=保德 baodi=宝坻 baoding=保定
baofeng=宝丰 baohe=包河 baoji=宝鸡 baojing=保靖 baokang=保康 baoqing=宝清 baoshan=保山
baota=宝塔 baoting=保亭 baotou=包头 baoxing=宝兴 baoying=宝应 baqiao=灞桥 baqing=巴青 basu=八宿
batang=巴塘 bayan=巴彦 bayannaoer=巴彦淖尔 bayi=巴宜 bayinguoleng=巴音郭楞 bayuquan=鲅鱼圈
bazhong=巴中 *beian=北安 beibei=北碚 beichen=北辰 beichuan=北川 beidaihe=北戴河 beiguan=北关
beihai=北海 beihu=北湖 beijing=北京 beiliu=北流 beilun=北仑 beipiao=北票 beita=北塔 beitun=北屯
beizhen=北镇 bengbu=蚌埠 benxi=本溪 bianba=边坝 bijiang=碧江 bijie=毕节 bincheng=滨城
binchuan=宾川 binhai=滨海! binhu=滨湖 binjiang=滨江 binxian=宾县 binyang=宾阳 binzhou=滨州
*biru=比如 bishan=璧山 biyang=泌阳 boai=博爱 bobai=博白 boertala=博尔塔拉 bohu=博湖 *bole=博乐
boli=勃利 boluo=博罗 bomi=波密 boshan=博山 bowang=博望 boxing=博兴 boye=博野 bozhou=亳州
buerjin=布尔津 butuo=布拖 caidian=蔡甸 cangnan=苍南 cangshan=仓山 cangwu=苍梧 cangxi=苍溪
cangxian=沧县 cangyuan=沧源 cangzhou=沧州 caofeidian=曹妃甸 caoxian=曹县 ceheng=册亨 celei=策勒
cengdou=曾都 cengong=岑巩 cenxi=岑溪 chabuchaer=察布查尔 chahaeryouyihou=察哈尔右翼后
chahaeryouyiqian=察哈尔右翼前 chahaeryouyizhong=察哈尔右翼中 chaisang=柴桑 chaling=茶陵
chancheng=禅城 *changan=长安! changchun=长春 changde=常德 changdu=昌都 changji=昌吉
*changjiang=昌江! changli=昌黎 changping=昌平 changsha=长沙 changshan=常山 changshou=长寿
changshu=常熟 changting=长汀 changtu=昌图 changxing=长兴 changyi=昌邑! changzhi=长治
changzhou=常州 chanhehuizu=瀍河回族 chaoan=潮安 chaohu=巢湖 chaonan=潮南 chaotian=朝天
chaoyang=朝阳 chaozhou=潮州 chaya=察雅 chayu=察隅 chenbaerhu=陈巴尔虎 chencang=陈仓 chengan=成安
chengbei=城北 chengbu=城步 chengcheng=澄城 chengde=承德 chengdong=城东 chengdu=成都
chengduo=称多 *chenggong=呈贡 chenggu=城固 chengguan=城关! chenghai=澄海 chenghua=成华
chengjiang=澄江 chengkou=城口 chengmai=澄迈 chengqu=城区! chengwu=成武 chengxi=城西
chengxian=成县 *chengxiang=城厢 chengyang=城阳 chengzhong=城中! chengzihe=城子河 chenxi=辰溪
chenzhou=郴州 chibi=赤壁 chicheng=赤城 chifeng=赤峰 chikan=赤坎 chiping=茌平 chishui=赤水
chizhou=池州 chongchuan=崇川 chongli=崇礼 chongming=崇明 chongqing=重庆 chongren=崇仁
*chongxin=崇信 chongyang=崇阳 chongyi=崇义 chongzhou=崇州 chongzuo=崇左 chuanhui=川汇
chuanshan=船山 chuanying=船营 chunan=淳安 chunhua=淳化 chuxiong=楚雄 chuzhou=滁州 cili=慈利
*cixi=慈溪 cixian=磁县 conghua=从化 congjiang=从江 congtai=丛台 cuiping=翠屏 cuomei=措美
cuona=错那 cuoqin=措勤 daan=大安! dabancheng=达坂城 dabu=大埔 dachang=大厂 dacheng=大城
dachuan=达川 dadong=大东 dadukou=大渡口 daerhanmaominganlianhe=达尔罕茂明安联合 dafang=大方
dafeng=大丰 dahua=大化 daishan=岱山 daixian=代县 daiyue=岱岳 dalate=达拉特 *dali=大理
dalian=大连 *daming=大名 danba=丹巴 dancheng=郸城 dandong=丹东 danfeng=丹凤 dangchang=宕昌
dangshan=砀山 dangtu=当涂 dangxiong=当雄 dangyang=当阳 daning=大宁 danjiangkou=丹江口
danleng=丹棱 dantu=丹徒 danxian=单县 danyang=丹阳 danzhai=丹寨 danzhou=儋州 daocheng=稻城
daofu=道孚 *daoli=道里 daowai=道外 daoxian=道县 daozhen=道真 daqing=大庆 daqingshan=大箐山
*dari=达日 dashiqiao=大石桥 datian=大田 datong=大同 dawa=大洼 dawu=大悟 dawukou=大武口
daxiang=大祥 daxin=大新 *daxing=大兴 daxinganling=大兴安岭 dayao=大姚 daye=大冶 dayi=大邑
*daying=大英 dayu=大余 dazhou=达州 dazhu=大竹 dazi=达孜 dazu=大足 *dean=德安 debao=德保
dechang=德昌 decheng=德城 dege=德格 dehong=德宏 *dehua=德化 dehui=德惠 dejiang=德江
delingha=德令哈 dengfeng=登封 dengkou=磴口 dengta=灯塔 dengzhou=邓州 deqin=德钦 derong=得荣
dexing=德兴 deyang=德阳 dezhou=德州 dianbai=电白 dianjiang=垫江 dianjun=点军 diaobingshan=调兵山
didao=滴道 diebu=迭部 diecai=叠彩 dingan=定安 dingbian=定边 dingcheng=鼎城 dinghai=定海
dinghu=鼎湖 dingjie=定结 dingnan=定南 dingqing=丁青 dingri=定日 dingtao=定陶 dingxi=定西
dingxiang=定襄 dingxing=定兴 dingyuan=定远 dingzhou=定州 diqing=迪庆 dongan=东安! dongbao=东宝
dongchang=东昌 dongchangfu=东昌府 dongcheng=东城 dongchuan=东川 donge=东阿 *dongfang=东方
donggang=东港! dongguan=东莞 dongguang=东光 donghai=东海 donghe=东河 donghu=东湖 dongkou=洞口
donglan=东兰 *dongli=东丽 dongliao=东辽 dongming=东明 dongning=东宁 dongping=东平 dongpo=东坡
dongqu=东区 dongshan=东山! dongsheng=东胜 *dongtai=东台 dongtou=洞头 dongwuzhumuqin=东乌珠穆沁
dongxiang=东乡 dongxiangzu=东乡族 dongxihu=东西湖 dongxing=东兴! dongyang=东阳 dongying=东营
dongyuan=东源 dongzhi=东至 dongzhou=东洲 douan=都安 douchang=都昌 doulan=都兰 doumen=斗门
douyun=都匀 duanzhou=端州 duerbote=杜尔伯特 duilongdeqing=堆龙德庆 duji=杜集 dujiangyan=都江堰
dunhua=敦化 dunhuang=敦煌 duodao=掇刀 duolun=多伦 dushan=独山 dushanzi=独山子 ebian=峨边
echeng=鄂城 eerduosi=鄂尔多斯 eerguna=额尔古纳 ejina=额济纳 elunchun=鄂伦春 emeishan=峨眉山
emin=额敏 enping=恩平 enshi=恩施 enyang=恩阳 erdao=二道 erdaojiang=二道江 erlianhaote=二连浩特
erqi=二七 eryuan=洱源 eshan=峨山 etuoke=鄂托克 etuokeqian=鄂托克前 ewenkezu=鄂温克族 ezhou=鄂州
faku=法库 fanchang=繁昌 fancheng=樊城 fangchenggang=防城港 fangxian=房县 fangzheng=方正
*fangzi=坊子 fanxian=范县 *fanzhi=繁峙 feicheng=肥城 feidong=肥东 feixi=肥西 feixian=费县
feixiang=肥乡 fengdou=丰都 fengfengkuang=峰峰矿 fenggang=凤冈 fenghua=奉化 fenghuang=凤凰
fengjie=奉节 fengkai=封开 fenglin=丰林 fengman=丰满 fengnan=丰南 fengning=丰宁 fengqing=凤庆
fengqiu=封丘 fengquan=凤泉 fengrun=丰润 fengshan=凤山 fengshun=丰顺 fengxiang=凤翔 fengxin=奉新
fengyang=凤阳 fengze=丰泽 fengzhen=丰镇 *fenxi=汾西 fenyang=汾阳 fenyi=分宜 foshan=佛山
fuan=福安 fuchuan=富川 fuding=福鼎 fufeng=扶风 fugang=佛冈 fugong=福贡 fugou=扶沟 fugu=府谷
fuhai=福海 fujian=福建 *fujin=富锦 fukang=阜康 fulaerji=富拉尔基 fuliang=浮梁 fuling=涪陵
fumian=福绵 fumin=富民 funan=阜南 fuqing=福清 fuquan=福泉 furong=芙蓉 fushun=抚顺 fusong=抚松
fusui=扶绥 futian=福田 fuxian=富县 fuxin=阜新 fuxing=复兴 fuyang=阜阳 fuyun=富蕴 gaer=噶尔
gaize=改则 gaizhou=盖州 gande=甘德 gangba=岗巴 gangbei=港北 gangcha=刚察 gangcheng=钢城
*gangkou=港口 gangnan=港南 gangu=甘谷 ganjingzi=甘井子 ganluo=甘洛 gannan=甘南 ganquan=甘泉
gansu=甘肃 ganxian=赣县 ganyu=赣榆 ganzhou=赣州 ganzi=甘孜 gaoan=高安 gaobeidian=高碑店
gaochang=高昌 gaocheng=藁城 gaochun=高淳 gaogang=高港 gaolan=皋兰 gaoling=高陵 gaomi=高密
gaoming=高明 gaoqing=高青 gaotai=高台 gaotang=高唐 gaoxian=高县 gaoyang=高阳 gaoyao=高要
gaoyi=高邑 gaoyou=高邮 gaozhou=高州 gashi=伽师 geermu=格尔木 *geji=革吉 gejiu=个旧 gengma=耿马
genhe=根河 *gongan=公安 gongbujiangda=工布江达 *gongcheng=恭城 gongga=贡嘎 gonghe=共和
gongjing=贡井 gongjue=贡觉 gongliu=巩留 gongnong=工农 gongqingcheng=共青城 gongshan=贡山
gongshu=拱墅 *gongxian=珙县 *gongyi=巩义 gongzhangling=弓长岭 gongzhuling=公主岭 guan=固安
guanchenghuizu=管城回族 guandu=官渡 guangan=广安 *guangchang=广昌 guangde=广德 guangdong=广东
guangfeng=广丰 guanghan=广汉 guanghe=广河 guangming=光明 guangnan=广南 guangning=广宁
guangping=广平 guangrao=广饶 guangshan=光山 guangshui=广水 guangxi=广西 guangxin=广信
guangyang=广阳 guangyuan=广元 guangze=光泽 guangzhou=广州 guangzong=广宗 guanling=关岭
guannan=灌南 guanshanhu=观山湖 guantao=馆陶 guanxian=冠县 guanyang=灌阳 guanyun=灌云
guazhou=瓜州 guichi=贵池 *guide=贵德 *guiding=贵定 guidong=桂东 guigang=贵港 guilin=桂林
guinan=贵南 guiping=桂平 guixi=贵溪 guiyang=贵阳 guizhou=贵州 gujiao=古交 gulang=古浪 gulin=古蔺
gulou=鼓楼! guoluo=果洛 *gushi=固始 gusu=姑苏 guta=古塔 gutian=古田 guxian=古县 guyang=固阳
guye=古冶 guyuan=固原 guzhang=古丈 guzhen=固镇 habahe=哈巴河 haerbin=哈尔滨 haian=海安
haibei=海北 haibowan=海勃湾 haicang=海沧 haicheng=海城! haidian=海淀 haidong=海东 haifeng=海丰
haigang=海港 haikou=海口 hailaer=海拉尔 hailin=海林 hailing=海陵 hailun=海伦 haimen=海门
hainan=海南 haining=海宁 haishu=海曙 haitang=海棠 haixi=海西 haixing=海兴 *haiyang=海阳
haiyuan=海原 haizhou=海州! haizhu=海珠 hami=哈密 hanbin=汉滨 hancheng=韩城 hanchuan=汉川
handan=邯郸 hangjin=杭锦 hangjinhou=杭锦后 hangzhou=杭州 hannan=汉南 hanshou=汉寿 hantai=汉台
hanting=寒亭 hanyang=汉阳 hanyin=汉阴 hanyuan=汉源 hanzhong=汉中 haojiang=濠江 harbin=哈尔滨
hebei=河北 *hebi=鹤壁 hebukesaier=和布克赛尔 *hecheng=鹤城 hechi=河池 hechuan=合川 hedong=河东!
hefei=合肥 hefeng=鹤峰 hegang=鹤岗 heihe=黑河 heilongjiang=黑龙江 heishan=黑山 heishui=黑水
hejian=河间 hejiang=合江 hejin=河津 hejing=和静 hekou=河口! *helan=贺兰 helingeer=和林格尔
helong=和龙 henan=河南 hengdong=衡东 hengfeng=横峰 hengnan=衡南 hengshui=衡水 hengxian=横县
hengyang=衡阳 *heping=和平! hepu=合浦 heqing=鹤庆 hequ=河曲 heshui=合水 heshun=和顺 heshuo=和硕
hetang=荷塘 hetian=和田 hexi=河西 hexian=和县 heyang=合阳 heyuan=河源 heze=菏泽 hezhang=赫章
hezheng=和政 hezhou=贺州 *hezuo=合作 hohhot=呼和浩特 hongan=红安 hongdong=洪洞 honggang=红岗
honggu=红古 honggutan=红谷滩 honghe=红河 honghu=洪湖 honghuagang=红花岗 hongjiang=洪江
hongkong=香港 hongkou=虹口 hongqi=红旗 hongqiao=红桥 hongsibao=红寺堡 hongta=红塔 hongwei=宏伟
hongya=洪雅 hongyuan=红原 hongze=洪泽 houma=侯马 huaan=华安 huachi=华池 huachuan=桦川 huade=化德
huadian=桦甸 huadou=花都 huaian=淮安 huaibei=淮北 huaibin=淮滨 huaihua=怀化 huaiji=怀集
huailai=怀来 huainan=淮南 huaining=怀宁 huairen=怀仁 huairou=怀柔 huaishang=淮上 huaiyang=淮阳
huaiyuan=怀远 huanan=桦南 huancui=环翠 huangchuan=潢川 huangdao=黄岛 huanggang=黄冈 huanggu=皇姑
huanghua=黄骅 huangling=黄陵 huanglong=黄龙 huangmei=黄梅 huangnan=黄南 huangpi=黄陂
huangping=黄平 huangshan=黄山 huangshi=黄石 huangshigang=黄石港 huangyan=黄岩 huangyuan=湟源
huangzhong=湟中 huangzhou=黄州 huaning=华宁 huanjiang=环江 huanren=桓仁 huantai=桓台
huanxian=环县 huaping=华坪 huarong=华容! huashan=花山 huating=华亭 huaxi=花溪 huaxian=滑县
huayin=华阴 huaying=华蓥 huayuan=花垣 hubei=湖北 hubin=湖滨 huguan=壶关 huhehaote=呼和浩特
huian=惠安 huichang=会昌 huicheng=惠城 huichuan=汇川 huichun=珲春 huiji=惠济 *huilai=惠来
huili=会理 huinan=辉南 huining=会宁 huinong=惠农 huishan=惠山 huishui=惠水 huitong=会同
huiyang=惠阳 huize=会泽 huizhou=惠州 hukou=湖口 hulan=呼兰 huli=湖里 hulin=虎林 huludao=葫芦岛
hulunbeier=呼伦贝尔 huma=呼玛 hunan=湖南 hunjiang=浑江 hunnan=浑南 hunyuan=浑源 huocheng=霍城
huoerguosi=霍尔果斯 huojia=获嘉 huolinguolei=霍林郭勒 huoqiu=霍邱 huoshan=霍山 huozhou=霍州
huqiu=虎丘 hutubi=呼图壁 huyanghe=胡杨河 huyi=鄠邑 huzhou=湖州 huzhu=互助 innermongolia=内蒙古
jiacha=加查 jiading=嘉定 jiahe=嘉禾 jiajiang=夹江 *jiali=嘉黎 jialing=嘉陵 jiamusi=佳木斯
*jian=吉安 jianan=建安 jiancaoping=尖草坪 jianchang=建昌 jianchuan=剑川 jiande=建德
jiangbei=江北! jiangcheng=江城! jiangchuan=江川 jiangda=江达 jiangdu=江都 jiange=剑阁
jianggan=江干 jianghai=江海 jianghan=江汉 *jianghua=江华 jiangjin=江津 jiangkou=江口
jiangle=将乐 *jiangling=江陵 jiangmen=江门 *jiangnan=江南 jiangning=江宁 jiangshan=江山
jiangsu=江苏 jiangxi=江西 jiangxia=江夏 jiangxian=绛县 jiangyan=姜堰 jiangyang=江阳
jiangyin=江阴 jiangyong=江永 jiangyou=江油 jiangyuan=江源 jiangzhou=江州 jiangzi=江孜
jianhe=剑河 jianhu=建湖 jianhua=建华 *jianli=监利 jianning=建宁 jianou=建瓯 jianping=建平
jianshan=尖山 jianshi=建始 jianshui=建水 jianxi=涧西 jianye=建邺 jianzha=尖扎 jiaohe=蛟河
jiaojiang=椒江 jiaokou=交口 jiaoling=蕉岭 jiaoqu=郊区! jiaozhou=胶州 jiaozuo=焦作 jiashan=嘉善
jiawang=贾汪 jiaxiang=嘉祥 jiaxing=嘉兴 jiayin=嘉荫 jiayu=嘉鱼 jiayuguan=嘉峪关 *jidong=鸡东
jiedong=揭东 *jiefang=解放 *jieshou=界首 jiexi=揭西 jiexiu=介休 jieyang=揭阳 *jiguan=鸡冠
jili=吉利 jilin=吉林 jilong=吉隆 jimei=集美 jimo=即墨 jimunai=吉木乃 jimusaer=吉木萨尔
jinan=济南 jinchang=金昌 jincheng=晋城 jinchengjiang=金城江 jinchuan=金川! jindong=金东
jinfeng=金凤 jingbian=靖边 jingchuan=泾川 jingde=旌德 jingdezhen=景德镇 jingdong=景东
jinggangshan=井冈山 jinggu=景谷 jinghai=静海 jinghe=精河 jinghong=景洪 jinghu=镜湖
jingjiang=靖江 jingkou=京口 jingle=静乐 jingmen=荆门 jingshan=京山 jingtai=景泰 jingxi=靖西
jingxing=井陉 jingxingkuang=井陉矿 jingxiu=竞秀 *jingyan=井研 jingyu=靖宇 jingzhou=荆州
jinhu=金湖 jinhua=金华 jining=济宁 jinkouhe=金口河 jinlin=金林 jinmen=金门 jinnan=津南
jinning=晋宁 jinniu=金牛 jinsha=金沙 jinshan=金山 *jinshi=津市 jinshui=金水 jinta=金塔
jintai=金台 jintan=金坛 jintang=金堂 jinwan=金湾 jinxi=金溪 jinxian=进贤 jinxiang=金乡
jinxiu=金秀 jinyang=金阳 jinyuan=晋源 jinyun=缙云 jinzhai=金寨 jinzhong=晋中 jinzhou=锦州
jishan=稷山 jishishan=积石山 jishou=吉首 jishui=吉水 jiujiang=九江 jiulong=九龙 jiulongpo=九龙坡
jiuquan=酒泉 jiutai=九台 jiuyuan=九原 jiuzhaigou=九寨沟 jiuzhi=久治 jixi=鸡西 jiyuan=济源
jize=鸡泽 juancheng=鄄城 julu=巨鹿 junan=莒南 junshan=君山 junxian=浚县 jurong=句容 juxian=莒县
juye=巨野 kaifeng=开封 kaifu=开福 kaihua=开化 kaijiang=开江 kaili=凯里 kailu=开鲁 kaiping=开平!
kaiyang=开阳 kaizhou=开州 kalaqin=喀喇沁 kalaqinzuoyi=喀喇沁左翼 kangbao=康保 kangbashen=康巴什
kangding=康定 kangle=康乐 kangma=康马 kangping=康平 kangxian=康县 karuo=卡若 kashi=喀什
*kecheng=柯城 kedong=克东 keerqin=科尔沁 keerqinyouyiqian=科尔沁右翼前
keerqinyouyizhong=科尔沁右翼中 keerqinzuoyihou=科尔沁左翼后 keerqinzuoyizhong=科尔沁左翼中
kekedala=可克达拉 kelamayi=克拉玛依 kelan=岢岚 kenli=垦利 keping=柯坪 keqiao=柯桥 keshan=克山
keshenketeng=克什克腾 kezileisu=克孜勒苏 kongdong=崆峒 kuancheng=宽城! kuandian=宽甸
kuangqu=矿区 kuche=库车 kuerlei=库尔勒 kuitun=奎屯 kuiwen=奎文 kulun=库伦 kundoulun=昆都仑
kunming=昆明 kunshan=昆山 kunyu=昆玉 laian=来安 laibin=来宾 laifeng=来凤 laishan=莱山
laishui=涞水 laiwu=莱芜 laixi=莱西 laiyang=莱阳 *laiyuan=涞源 laizhou=莱州 lancang=澜沧
langao=岚皋 langfang=廊坊 langqiazi=浪卡子 langxi=郎溪 langxian=朗县 langya=琅琊 langzhong=阆中
lankao=兰考 lanling=兰陵 lanping=兰坪 lantian=蓝田 lanxian=岚县 lanzhou=兰州 laobian=老边
laocheng=老城 laohekou=老河口 laoshan=崂山 laoting=乐亭 lasa=拉萨 lazi=拉孜 *lean=乐安
lechang=乐昌 ledong=乐东 ledu=乐都 leibo=雷波 leishan=雷山 leiwuqi=类乌齐 leiyang=耒阳
leizhou=雷州 leling=乐陵 lengshuijiang=冷水江 lengshuitan=冷水滩 leping=乐平 leshan=乐山
leye=乐业 lezhi=乐至 lhasa=拉萨 liancheng=连城 lianchi=莲池 liandou=莲都 liangcheng=凉城
liangdang=两当 lianghe=梁河 liangping=梁平 liangqing=良庆 liangshan=凉山 liangxi=梁溪
liangyuan=梁园 liangzhou=凉州 liangzihu=梁子湖 lianhu=莲湖 lianhua=莲花 liannan=连南
lianping=连平 lianshan=连山! lianshui=涟水 *lianxi=濂溪 lianyuan=涟源 lianyun=连云
lianyungang=连云港 lianzhou=连州 liaocheng=聊城 liaoning=辽宁 liaoyang=辽阳 liaoyuan=辽源
liaozhong=辽中 libo=荔波 licang=李沧 lieshan=烈山 lijiang=丽江 lijin=利津 liling=醴陵 linan=临安
lincang=临沧 lincheng=临城 linchuan=临川 lindian=林甸 linfen=临汾 lingao=临高 lingbao=灵宝
lingbi=灵璧 lingcheng=陵城 lingdong=岭东 linghai=凌海 linghe=凌河 lingling=零陵 lingqiu=灵丘
lingshan=灵山 lingshi=灵石 lingshou=灵寿 lingshuilizu=陵水黎族 lingtai=灵台 lingui=临桂
lingwu=灵武 lingyuan=凌源 lingyun=凌云 linhai=临海 linhe=临河 linjiang=临江 linkou=林口
linli=临澧 linqing=临清 *linqu=临朐 linquan=临泉 linshu=临沭 linshui=邻水 lintan=临潭
lintao=临洮 lintong=临潼 linwei=临渭 linwu=临武 linxia=临夏 linxian=临县 linyi=临沂 linying=临颍
linyou=麟游 linze=临泽 linzhang=临漳 linzhi=林芝 linzi=临淄 liping=黎平 lipu=荔浦 liquan=礼泉
lishan=立山 *lishi=离石 lishu=梨树! lishui=丽水 litang=理塘 litong=利通 liuan=六安 liuba=留坝
liubei=柳北 liucheng=柳城 liujiang=柳江 liulin=柳林 liunan=柳南 liupanshui=六盘水 liuyang=浏阳
liuzhite=六枝特 liuzhou=柳州 liwan=荔湾 lixia=历下 lixin=利辛 liyang=溧阳 lizhou=利州
longchang=隆昌 longcheng=龙城 longde=隆德 longfeng=龙凤 longhai=龙海 longhu=龙湖 longhui=隆回
longjiang=龙江 longjing=龙井 longkou=龙口 longli=龙里 longlin=隆林 longling=龙陵
longmatan=龙马潭 longmen=龙门 longnan=陇南 longquan=龙泉 longquanyi=龙泉驿 longsha=龙沙
longshan=龙山! longsheng=龙胜 longtan=龙潭 longting=龙亭 longwan=龙湾 longwei=龙圩 longwen=龙文
longxi=陇西 longxian=陇县 longyan=龙岩 longyang=隆阳 longyao=隆尧 longyou=龙游 longzhou=龙州
longzi=隆子 longzihu=龙子湖 loudi=娄底 loufan=娄烦 louxing=娄星 *luan=六安 luancheng=栾城
luanchuan=栾川 luannan=滦南 luanping=滦平 luanzhou=滦州 lubei=路北 luchuan=陆川 ludian=鲁甸
luding=泸定 luhe=陆河 luhuo=炉霍 lujiang=庐江 lukou=渌口 luliang=吕梁 lulong=卢龙 lunan=路南
luntai=轮台 luobei=萝北 luocheng=罗城 luochuan=洛川 luodian=罗甸 luoding=罗定 luohu=罗湖
luonan=洛南 luoning=洛宁 luoping=罗平 luopu=洛浦 luoshan=罗山 luotian=罗田 luoyang=洛阳
luoyuan=罗源 luozha=洛扎 luozhuang=罗庄 luqiao=路桥 *luqu=碌曲 lushi=卢氏 lushui=泸水
lusong=芦淞 *luxian=泸县 luyang=庐阳 luyi=鹿邑 luzhai=鹿寨 luzhou=泸州 lvchun=绿春 lveyang=略阳
lvliang=吕梁 lvshunkou=旅顺口 lvyuan=绿园 maanshan=马鞍山 mabian=马边 macao=澳门 macau=澳门
macheng=麻城 macun=马村 maduo=玛多 maerkang=马尔康 maguan=马关 maigaiti=麦盖提 maiji=麦积
majiang=麻江 malipo=麻栗坡 malong=马龙 manasi=玛纳斯 mancheng=满城 mangkang=芒康 mangshi=芒市
mangya=茫崖 manzhouli=满洲里 maojian=茅箭 maoming=茂名 maonan=茂南 maoxian=茂县 maqin=玛沁
maqu=玛曲 mayang=麻阳 mayi=马尾 mazhang=麻章 meigu=美姑 meihekou=梅河口 meijiang=梅江
meilan=美兰 meilie=梅列 meilisidawoerzu=梅里斯达斡尔族 meishan=眉山 meitan=湄潭 meizhou=梅州
mengcheng=蒙城 mengcun=孟村 menghai=勐海 mengjin=孟津 mengla=勐腊 menglian=孟连 mengshan=蒙山
mengyin=蒙阴 mengzhou=孟州 mengzi=蒙自 mentougou=门头沟 menyuan=门源 mianchi=渑池 mianning=冕宁
mianxian=勉县 mianyang=绵阳 mianzhu=绵竹 midong=米东 *midu=弥渡 *mile=弥勒 milin=米林 miluo=汨罗
minfeng=民丰 mingguang=明光 mingshui=明水 mingxi=明溪 minhe=民和 minhou=闽侯 minqin=民勤
minqing=闽清 minquan=民权 minxian=岷县 minxing=闵行 minyue=民乐 mishan=密山 miyi=米易 miyun=密云
mizhi=米脂 mohe=漠河 mojiang=墨江 molidawa=莫力达瓦 motuo=墨脱 mouding=牟定 moyu=墨玉
mozhugongka=墨竹工卡 muchuan=沐川 mudan=牡丹 mudanjiang=牡丹江 mulan=木兰 mulei=木垒 muleng=穆棱
muli=木里 muping=牟平 muye=牧野 naidong=乃东 naiman=奈曼 nanao=南澳 *nanbu=南部 nancha=南岔
nanchang=南昌 nancheng=南城 nanchong=南充 nanchuan=南川 nandan=南丹 nanfen=南芬 nanfeng=南丰
nangang=南岗 nangong=南宫 nangqian=囊谦 nanguan=南关 *nanhai=南海 nanhe=南和 nanhu=南湖
nanhua=南华 nanjian=南涧 nanjiang=南江 nanjing=南京 nankai=南开 nankang=南康 nanling=南陵
nanming=南明 nanmulin=南木林 nanning=南宁 nanpi=南皮 nanpiao=南票 nanping=南平 nanqiao=南谯
nansha=南沙 nanshan=南山! nanshaqundao=南沙群岛 nantong=南通 nanxi=南溪 nanxian=南县
nanxiong=南雄 nanxun=南浔 nanyang=南阳 nanzhang=南漳 nanzhao=南召 nanzheng=南郑 napo=那坡
naqu=那曲 naxi=纳溪 nayong=纳雍 nehe=讷河 neihuang=内黄 neijiang=内江 neimenggu=内蒙古
neimongol=内蒙古 neiqiu=内丘 neixiang=内乡 nenjiang=嫩江 nianzishan=碾子山 nielamu=聂拉木
nierong=聂荣 nileike=尼勒克 *nima=尼玛 nimu=尼木 ningan=宁安 ningbo=宁波 ningcheng=宁城
ningde=宁德 ningdou=宁都 ninger=宁洱 ningguo=宁国 ninghai=宁海 ninghe=宁河 ninghua=宁化
ningjiang=宁江 ninglang=宁蒗 ningling=宁陵 ningming=宁明 ningnan=宁南 ningqiang=宁强
ningshan=宁陕 ningwu=宁武 ningxia=宁夏 ningxian=宁县 ningxiang=宁乡 ningyang=宁阳 ningyuan=宁远
nongan=农安 nujiang=怒江 ouhai=瓯海 panan=磐安 panji=潘集 panjin=盘锦 panlong=盘龙 panshan=盘山
panshi=磐石 panyu=番禺 panzhihua=攀枝花 panzhou=盘州 peixian=沛县 pengan=蓬安 pengjiang=蓬江
penglai=蓬莱 pengshan=彭山 pengshuimiaozutujiazu=彭水苗族土家族 pengxi=蓬溪 pengyang=彭阳
pengze=彭泽 pengzhou=彭州 pianguan=偏关 pidou=郫都 pingan=平安 pingba=平坝 pingbian=屏边
pingchang=平昌 pingcheng=平城 pingchuan=平川 pingding=平定 pingdingshan=平顶山 pingdu=平度
pingfang=平房 pinggu=平谷 pinggui=平桂 pingguo=平果 pinghe=平和 pinghu=平湖 pingjiang=平江
pingle=平乐 pingli=平利 pingliang=平凉 pingluo=平罗 pingqiao=平桥 pingquan=平泉 pingshun=平顺
pingtan=平潭 pingtang=平塘 pingwu=平武 pingxiang=萍乡 pingyang=平阳 pingyao=平遥 pingyi=平邑
pingyin=平阴 pingyu=平舆 pishan=皮山 pizhou=邳州 poyang=鄱阳 puan=普安 pubei=浦北 puding=普定
pudong=浦东 puer=普洱 puge=普格 pukou=浦口 pulan=普兰 pulandian=普兰店 puning=普宁 putian=莆田
putuo=普陀! puxian=蒲县 puyang=濮阳 qiandongnan=黔东南 qianfeng=前锋 qianguoerluosi=前郭尔罗斯
*qianjin=前进 qiannan=黔南 qianwei=犍为 qianxian=乾县 qianxinan=黔西南 qianyang=千阳
qiaocheng=谯城 qiaodong=桥东 qiaojia=巧家 qiaokou=硚口 qiaoxi=桥西! qibin=淇滨 qichun=蕲春
qiemo=且末 qiezihe=茄子河 qihe=齐河 qijiang=綦江 qilian=祁连 qilihe=七里河 qilin=麒麟 qimen=祁门
qinan=秦安 qinbei=钦北 qindou=秦都 qingan=庆安 qingbaijiang=青白江 qingchuan=青川 qingdao=青岛
qingfeng=清丰 qinggang=青冈 qinghai=青海 qinghemen=清河门 qingjian=清涧 qingjiangpu=清江浦
qingliu=清流 qingpu=青浦 qingshan=青山! qingshanhu=青山湖 qingshen=青神 qingshui=清水
qingshuihe=清水河 qingtian=青田 qingtongxia=青铜峡 qingxian=青县 qingxinqu=清新区 qingxiu=青秀
*qingxu=清徐 qingyang=庆阳 qingyuan=清远 qingyun=庆云 qingyunpu=青云谱 qingzhen=清镇
qingzhou=青州 qinhuai=秦淮 qinhuangdao=秦皇岛 qinnan=钦南 qinshui=沁水 qinxian=沁县 qinyang=沁阳
qinyuan=沁源 qinzhou=钦州 qionghai=琼海 qiongjie=琼结 qionglai=邛崃 qiongshan=琼山
qiongzhong=琼中 qiqihaer=齐齐哈尔 qishan=岐山 qitai=奇台 qitaihe=七台河 qiubei=丘北 qiuxian=邱县
qixia=栖霞! qixing=七星 qixingguan=七星关 qiyang=祁阳 quangang=泉港 quanjiao=全椒 quannan=全南
quanshan=泉山 quanzhou=泉州 queshan=确山 qufu=曲阜 qujing=曲靖 qumalai=曲麻莱 qushui=曲水
qusong=曲松 quwo=曲沃 quxian=渠县 quyang=曲阳 quzhou=衢州 ranghulu=让胡路 rangtang=壤塘
raohe=饶河 raoping=饶平 raoyang=饶阳 renbu=仁布 rencheng=任城 *renhe=仁和 renhua=仁化
renhuai=仁怀 renqiu=任丘 renshou=仁寿 renze=任泽 rikaze=日喀则 ritu=日土 rizhao=日照 rongan=融安
rongchang=荣昌 rongjiang=榕江 rongshuimiaozu=融水苗族 rucheng=汝城 rudong=如东 rugao=如皋
ruian=瑞安 ruichang=瑞昌 ruicheng=芮城 ruijin=瑞金 ruili=瑞丽 runan=汝南 runzhou=润州
ruoergai=若尔盖 ruoqiang=若羌 rushan=乳山 ruyang=汝阳 ruyuan=乳源 ruzhou=汝州 saertu=萨尔图
*saga=萨嘎 saihan=赛罕 sajia=萨迦 sandou=三都 sangri=桑日 sangzhi=桑植 sangzhuzi=桑珠孜
sanhe=三河 sanjiang=三江 sanmen=三门 sanmenxia=三门峡 sanming=三明 sansha=三沙 sanshui=三水
sansui=三穗 santai=三台 sanya=三亚 *seda=色达 *seni=色尼 shaanxi=陕西 shache=莎车 shahe=沙河
shahekou=沙河口 shancheng=山城 shandan=山丹 shandong=山东 shangcai=上蔡 shangdang=上党
shangdou=商都 shanggao=上高 shanghai=上海 shanghang=上杭 shanghe=商河 shangjie=上街 shangli=上栗
shanglin=上林 shangluo=商洛 shangnan=商南 shangqiu=商丘 shangrao=上饶 shangshui=商水
shangsi=上思 shangyi=尚义 shangyou=上犹 shangyu=上虞 shangzhi=尚志 shangzhou=商州
shanhaiguan=山海关 shannan=山南 shanshan=鄯善 shanting=山亭 shantou=汕头 shanwei=汕尾
shanxi=山西 shanyang=山阳! shanyin=山阴 shanzhou=陕州 shaodong=邵东 shaoguan=韶关 shaoshan=韶山
shaowu=邵武 shaoxing=绍兴 shaoyang=邵阳 shapingba=沙坪坝 shapotou=沙坡头 shashi=沙市
shawan=沙湾! shaxian=沙县 shaya=沙雅 shayang=沙洋 shayibake=沙依巴克 shehong=射洪 shenbei=沈北
shenchi=神池 shenfang=什邡 shengsi=嵊泗 shengzhou=嵊州 shenhe=沈河 shenmu=神木
shennongjialin=神农架林 shenqiu=沈丘 shenxian=莘县 shenyang=沈阳 shenze=深泽 shenzha=申扎
shenzhen=深圳 shenzhou=深州 sheqi=社旗 sheyang=射阳 shibei=市北 *shibing=施秉 shicheng=石城
shidian=施甸 shifeng=石峰 shigatse=日喀则 shigu=石鼓 shiguai=石拐 *shihe=浉河 shihezi=石河子
shijiazhuang=石家庄 shijingshan=石景山 shilin=石林 shilong=石龙 shilou=石楼 shimen=石门
shimian=石棉 shinan=市南 shiping=石屏 shiqian=石阡 *shiqu=石渠 shiquan=石泉 *shishi=石狮
*shishou=石首 shitai=石台 *shixing=始兴 shiyan=十堰 *shizhong=市中! shizhu=石柱 shizong=师宗
shizuishan=石嘴山 shouguang=寿光 shouning=寿宁 *shouxian=寿县 shouyang=寿阳 shuangbai=双柏
shuangcheng=双城 shuangfeng=双峰 shuanghe=双河 shuanghu=双湖 shuangjiang=双江 shuangliao=双辽
shuangliu=双流 shuangluan=双滦 shuangpai=双牌 shuangqiao=双桥 shuangqing=双清 shuangta=双塔
shuangtaizi=双台子 shuangyang=双阳 shuangyashan=双鸭山 shucheng=舒城 shufu=疏附 shuicheng=水城
shuifu=水富 shuimogou=水磨沟 shulan=舒兰 shule=疏勒 shunchang=顺昌 shuncheng=顺城 shunde=顺德
shunhehuizu=顺河回族 shunping=顺平 shunqing=顺庆 shunyi=顺义 shuocheng=朔城 shuozhou=朔州
shushan=蜀山 shuyang=沭阳 sichuan=四川 sifangtai=四方台 sihong=泗洪 sihui=四会 simao=思茅
siming=思明 sinan=思南 siping=四平 sishui=泗水 sixian=泗县 siyang=泗阳 siziwang=四子王
songbei=松北 *songjiang=松江 songming=嵩明 songpan=松潘 songshan=松山 songtao=松桃 songxi=松溪
songxian=嵩县 songyang=松阳 songyuan=松原 songzi=松滋 subei=肃北 sucheng=宿城 suibin=绥滨
suichang=遂昌 suichuan=遂川 suide=绥德 suifenhe=绥芬河 suihua=绥化 suijiang=绥江 suileng=绥棱
suining=遂宁 suiping=遂平 suizhong=绥中 suizhou=随州 sujiatun=苏家屯 sunan=肃南 suning=肃宁
suniteyou=苏尼特右 sunitezuo=苏尼特左 sunwu=孙吴 suoxian=索县 suqian=宿迁 susong=宿松
suxian=苏仙 suyu=宿豫 tacheng=塔城 *tahe=漯河 taian=泰安 taibai=太白 taicang=太仓
taierzhuang=台儿庄 taigu=太谷 taihu=太湖 taijiang=台江! taikang=太康 tailai=泰来 taining=泰宁
taiping=太平 taipusi=太仆寺 taiqian=台前 taishun=泰顺 taiwan=台湾 taixing=泰兴 taiyuan=太原
taizihe=太子河 tancheng=郯城 tanghe=唐河 tangshan=唐山 tangwang=汤旺 tangxian=唐县 tangyin=汤阴
tangyuan=汤原 tantang=覃塘 taobei=洮北 taocheng=桃城 taojiang=桃江 taonan=洮南 taoshan=桃山
taoyuan=桃源 tashenkuergan=塔什库尔干 tekesi=特克斯 tengchong=腾冲 tengxian=藤县 tengzhou=滕州
tiandeng=天等 tiandong=田东 tiane=天峨 tianhe=天河 tianjiaan=田家庵 tianjin=天津 tianjun=天峻
tianlin=田林 *tianmen=天门 tianning=天宁 tianqiao=天桥 tianquan=天全 tianshan=天山 tianshui=天水
tiantai=天台 tianxin=天心 tianya=天涯 tianyang=田阳 tianyuan=天元 tianzhang=天长 tianzhen=天镇
tibet=西藏 tiedong=铁东! tiefeng=铁锋 tieli=铁力 tieling=铁岭 tiemenguan=铁门关 tieshan=铁山
tieshangang=铁山港 tiexi=铁西! tinghu=亭湖 tongan=同安 tongbai=桐柏 tongchuan=铜川 *tongdao=通道
tongde=同德 tonggu=铜鼓 tonghai=通海 tonghe=通河 tonghua=通化 tongliang=铜梁 tongliao=通辽
tongling=铜陵 tonglu=桐庐 tongnan=潼南 tongren=铜仁 tongwei=通渭 tongxiang=桐乡 *tongxin=同心
tongxu=通许 tongyu=通榆 tongzhou=通州! tongzi=桐梓 toutunhe=头屯河 tuanfeng=团风 tulufan=吐鲁番
tumen=图们 tumoteyou=土默特右 tumotezuo=土默特左 tumushuke=图木舒克 tunchang=屯昌 tunliu=屯留
tunxi=屯溪 tuoketuo=托克托 tuokexun=托克逊 tuoli=托里 tuquan=突泉 urumqi=乌鲁木齐
wafangdian=瓦房店 wanan=万安 wanbolin=万柏林 *wancheng=宛城 wangcang=旺苍 wangcheng=望城
wangdou=望都 wanghua=望花 wangjiang=望江 wangkui=望奎 wangmo=望谟 wangqing=汪清 wangyi=王益
wannian=万年 wanning=万宁 *wanquan=万全 wanrong=万荣 *wanshan=万山 wanxiu=万秀 *wanyuan=万源
wanzai=万载 wanzhi=湾沚 wanzhou=万州 weichang=围场 weidong=卫东 weidou=魏都 weifang=潍坊
weihai=威海 weihui=卫辉 weinan=渭南 weining=威宁 weishi=尉氏 weixi=维西 weixin=威信 weiyang=未央
wenan=文安 wenchang=文昌 wencheng=文成 wenchuan=汶川 wendeng=文登 wenfeng=文峰 wengan=瓮安
wengniute=翁牛特 wengyuan=翁源 wenjiang=温江 wenling=温岭 wenquan=温泉 wenshan=文山
wenshang=汶上 wensheng=文圣 wenshui=文水 wensu=温宿 wenxi=闻喜 wenzhou=温州 wolong=卧龙
woyang=涡阳 wuan=武安 *wubu=吴堡 wucui=乌翠 wuda=乌达 wudalianchi=五大连池 wudang=乌当 wudi=无棣
wuding=武定 wudou=武都 wuerhe=乌尔禾 wufeng=五峰 *wugong=武功 wuhai=乌海 wuhan=武汉 wuhe=五河
wuhou=武侯 wuhu=芜湖 wuhua=五华! wuji=无极 wujiagang=伍家岗 wujiaqu=五家渠 wujin=武进 wulan=乌兰
wulanchabu=乌兰察布 wulanhaote=乌兰浩特 wulatehou=乌拉特后 wulateqian=乌拉特前
wulatezhong=乌拉特中 wulian=五莲 wuling=武陵 wulingyuan=武陵源 wulong=武隆 wulumuqi=乌鲁木齐
wuming=武鸣 wuning=武宁 wuping=武平 *wuqi=吴起 wuqia=乌恰 wuqiang=武强 wuqiao=吴桥 wuqing=武清
wusheng=武胜 wusu=乌苏 wutai=五台 wutongqiao=五通桥 wuwei=武威 wuxi=无锡 wuxiang=武乡
wuxing=吴兴 wuxuan=武宣 wuxue=武穴 wuyang=舞阳 wuyishan=武夷山 wuzhai=五寨 *wuzhi=武陟
wuzhishan=五指山 wuzhong=吴忠 wuzhou=梧州 xiacheng=下城 xiahe=夏河 xiahuayuan=下花园
*xiajiang=峡江 xiajin=夏津 xialu=下陆 xiamen=厦门 *xian=西安 xianan=咸安 xianfeng=咸丰
xiangan=翔安 xiangdong=湘东 xiangdou=襄都 xiangfang=香坊 xiangfen=襄汾 xiangfu=祥符
xianggang=香港 xianggelila=香格里拉 xianghe=香河 xianghuang=镶黄 xiangning=乡宁 xiangqiao=湘桥
xiangshui=响水 xiangtan=湘潭 xiangxi=湘西 *xiangxiang=湘乡 xiangyang=襄阳 xiangyin=湘阴
xiangyuan=襄垣 xiangyun=祥云 xianju=仙居 xianning=咸宁 *xiantao=仙桃 xianxian=献县 xianyang=咸阳
*xianyou=仙游 xiaochang=孝昌 xiaodian=小店 xiaogan=孝感 xiaojin=小金 xiaonan=孝南 xiaoshan=萧山
xiaoting=猇亭 xiaoxian=萧县 *xiaoyi=孝义 xiapu=霞浦 xiashan=霞山 xiaxian=夏县 xiayi=夏邑
xichang=西昌 xicheng=西城 xichong=西充 xichou=西畴 xichuan=淅川 xide=喜德 xiejiaji=谢家集
xietongmen=谢通门 xigang=西岗 xigong=西工 xigu=西固 xihua=西华 xiji=西吉 xilin=西林 xiling=西陵
xilinguolei=锡林郭勒 xilinhaote=锡林浩特 ximeng=西盟 *xinan=新安 xinbaerhuyou=新巴尔虎右
xinbaerhuzuo=新巴尔虎左 xinbei=新北 xinbin=新宾 xincai=新蔡 xinchang=新昌 xingan=兴安
xingbin=兴宾 *xingcheng=兴城 xingguo=兴国 xinghai=兴海 xinghe=兴和 xinghua=兴化
xinghualing=杏花岭 xingjing=荥经 xinglong=兴隆 xinglongtai=兴隆台 xingning=兴宁! xingping=兴平
xingqing=兴庆 xingren=兴仁 xingshan=兴山! xingtai=邢台 xingtang=行唐 xingwen=兴文 xingxian=兴县
xingyang=荥阳 xingye=兴业 xingyi=兴义 xinhuang=新晃 xinhui=新会 xining=西宁 xinji=辛集
xinjian=新建 xinjiang=新疆 xinjin=新津 xinle=新乐 xinlong=新龙 xinluo=新罗 xinmi=新密
xinmin=新民 xinning=新宁 xinping=新平 xinqiu=新邱 xinrong=新荣 xinshao=新邵 xinshi=新市
xintai=新泰 xintian=新田 xinwu=新吴 xinxian=新县 xinxiang=新乡 xinyang=信阳 xinye=新野
xinyu=新余 xinyuan=新源 xinzheng=新郑 xinzhou=忻州 xiongxian=雄县 xiping=西平 xiqing=西青
xiqu=西区 xisaishan=西塞山 xishaqundao=西沙群岛 xishi=西市 xishuangbanna=西双版纳 xiufeng=秀峰
xiuning=休宁 xiushan=秀山 xiushui=修水 xiuwen=修文 xiuwu=修武 xiuyan=岫岩 xiuying=秀英
xiuyu=秀屿 xiuzhou=秀洲 xiwuzhumuqin=西乌珠穆沁 xixiang=西乡 xixiangtang=西乡塘 xixiu=西秀
xiyang=昔阳 xizang=西藏 xuancheng=宣城 xuanen=宣恩 xuanhan=宣汉 xuanhua=宣化 xuanwei=宣威
xuanwu=玄武 xuanzhou=宣州 xuchang=许昌 xuecheng=薛城 xuhui=徐汇 xundian=寻甸 xunhua=循化
xunke=逊克 xunwu=寻乌 xunyi=旬邑 xupu=溆浦 xushui=徐水 xuwen=徐闻 xuyi=盱眙 xuyong=叙永
xuzhou=徐州 yaan=雅安 yadong=亚东 yajiang=雅江 yakeshi=牙克石 yanan=延安 yanbian=延边
yanchang=延长 yancheng=盐城 yanchi=盐池 yanchuan=延川 yandou=盐都 yanfeng=雁峰 yangbi=漾濞
yangcheng=阳城 yangchun=阳春 yangdong=阳东 yanggao=阳高 yanggu=阳谷 yangjiang=阳江 yangling=杨陵
yangming=阳明 yangpu=杨浦 yangqu=阳曲 yangquan=阳泉 yangshan=阳山 yangshuo=阳朔 yangxi=阳西
yangxian=洋县 yangyuan=阳原 yangzhong=扬中 yangzhou=扬州 yanhe=沿河 yanhu=盐湖 yanji=延吉
yanjiang=雁江 yanliang=阎良 yanping=延平 yanqi=焉耆 yanqing=延庆 *yanshi=偃师 yanshou=延寿
yanta=雁塔 yantai=烟台 yantan=沿滩 yantian=盐田 yanting=盐亭 *yanyuan=盐源 yanzhou=兖州
yaoan=姚安 yaodou=尧都 yaohai=瑶海 yaozhou=耀州 *yazhou=崖州 yecheng=叶城 yeji=叶集 yexian=叶县
yibin=宜宾 yichang=宜昌 yidou=宜都 yifeng=宜丰 yihuang=宜黄 yijiang=弋江 yijinhuoluo=伊金霍洛
yijun=宜君 yilan=依兰 *yili=伊犁 yiling=夷陵 yilong=仪陇 yima=义马 yimei=伊美 *yimen=易门
yinan=沂南 yinchuan=银川 yindou=殷都 yingcheng=应城 yingde=英德 yingdong=颍东 yingjisha=英吉沙
yingkou=营口 yingquan=颍泉 yingshang=颍上 yingshouyingzikuang=鹰手营子矿 yingtan=鹰潭
yingxian=应县 yingze=迎泽 yingzhou=颍州 yinhai=银海 yining=伊宁! yinjiang=印江 yintai=印台
yishui=沂水 yitong=伊通 yixing=宜兴 yixiu=宜秀 yiyang=益阳 *yiyuan=沂源 *yizhang=宜章
yizheng=仪征 yongan=永安 yongchang=永昌 yongcheng=永城 yongchuan=永川 yongchun=永春 yongde=永德
yongdeng=永登 yongding=永定! yongfeng=永丰 yongfu=永福 yonghe=永和 yongjia=永嘉 yongjing=永靖
yongkang=永康 yongnian=永年 yongping=永平 yongqiao=埇桥 yongqing=永清 yongren=永仁 yongshan=永善
yongsheng=永胜 yongshou=永寿 yongshun=永顺 yongtai=永泰 yongxin=永新 yongxing=永兴 yongxiu=永修
yongzhou=永州 *youhao=友好 youjiang=右江 *youxi=尤溪 youyang=酉阳 youyi=友谊 *youyu=右玉
yuanan=远安 yuanbao=元宝 yuanbaoshan=元宝山 yuancheng=源城 yuanhui=源汇 yuanling=沅陵
yuanmou=元谋 yuanping=原平 yuanqu=垣曲 *yuanshi=元氏 yubei=渝北 yuci=榆次 yudou=于都
yuecheng=越城 yuechi=岳池 yuehu=月湖 yuelu=岳麓 yuepuhu=岳普湖 yueqing=乐清 yuetang=岳塘
yuexiu=越秀 yueyang=岳阳 yueyanglou=岳阳楼 yufeng=鱼峰 yugan=余干 yuhang=余杭 yuhong=于洪
yuhu=雨湖 yuhuan=玉环 yuhuatai=雨花台 yuhui=禹会 yujiang=余江 yuli=尉犁 yulong=玉龙 yumen=玉门
yumin=裕民 yuncheng=运城 yunfu=云浮 yungang=云冈 yunlian=筠连 yunlong=云龙! yunmeng=云梦
yunnan=云南 yunxian=云县 yunxiao=云霄 yunyan=云岩 yunzhou=云州 yuping=玉屏 yuqing=余庆
yuquan=玉泉 yushe=榆社 yushu=玉树 yushui=渝水 yutai=鱼台 yuwangtai=禹王台 yuxi=玉溪 yuyang=榆阳
yuyao=余姚 zaduo=杂多 zanhuang=赞皇 zaoqiang=枣强 zaoyang=枣阳 zaozhuang=枣庄 zeku=泽库
zengcheng=增城 zepu=泽普 zezhou=泽州 zhada=札达 zhalainuoer=扎赉诺尔 zhalaite=扎赉特
zhalantun=扎兰屯 zhalute=扎鲁特 zhanang=扎囊 zhangbaichaoxianzu=长白朝鲜族 zhangbei=张北
zhangdian=张店 zhangfeng=长丰 zhangge=长葛 zhanggong=章贡 zhanghai=长海 zhangjiachuan=张家川
zhangjiagang=张家港 zhangjiajie=张家界 zhangjiakou=张家口 zhangling=长岭 zhangning=长宁!
zhangping=漳平 zhangpu=漳浦 zhangqing=长清 zhangqiu=章丘 zhangshu=樟树 zhangshun=长顺
zhangtai=长泰 zhangwan=张湾 zhangxian=漳县 zhangyang=长阳 zhangye=张掖 zhangyuan=长垣
zhangzhou=漳州 zhangzi=长子 zhanhe=湛河 zhanhua=沾化 zhanjiang=湛江 zhanqian=站前 *zhanyi=沾益
zhaoan=诏安 zhaodong=肇东 zhaohua=昭化 zhaojue=昭觉 zhaoling=召陵 zhaoping=昭平 zhaoqing=肇庆
zhaosu=昭苏 zhaotong=昭通 zhaoxian=赵县 zhaoyang=昭阳 zhaozhou=肇州 zhashui=柞水 zhecheng=柘城
zhejiang=浙江 zhenba=镇巴 zhenfeng=贞丰 zhengan=正安 zhengding=正定 zhenghe=政和 zhenglan=正蓝
zhengning=正宁 zhengxiang=蒸湘 zhengxiangbai=正镶白 zhengyang=正阳 zhengzhou=郑州 zhenhai=镇海
zhenjiang=镇江 zhenkang=镇康 zhenlai=镇赉 zhenning=镇宁 zhenxing=振兴 zhenxiong=镇雄
zherong=柘荣 zhidan=志丹 zhiduo=治多 *zhifu=芝罘 *zhijin=织金 zhongba=仲巴 zhongfang=中方
zhongjiang=中江 zhonglou=钟楼 zhongmu=中牟 zhongning=中宁 zhongshan=中山
zhongshaqundaodedaojiaojiqihaiyu=中沙群岛的岛礁及其海域 zhongwei=中卫 zhongxian=忠县
zhongxiang=钟祥 *zhongyang=中阳 *zhongyuan=中原 zhongzhan=中站 zhoucun=周村 zhoukou=周口
zhouning=周宁 zhouqu=舟曲 zhoushan=舟山 zhouzhi=周至 zhuanghe=庄河 zhuanglang=庄浪 zhucheng=诸城
zhuhai=珠海 zhuhui=珠晖 zhuji=诸暨 zhumadian=驻马店 zhungeer=准格尔 zhuolu=涿鹿 zhuoni=卓尼
zhuozhou=涿州 *zhuozi=卓资 *zhuxi=竹溪 zhuzhou=株洲 zibo=淄博 zichuan=淄川 zigong=自贡
zigui=秭归 *zijin=紫金 ziliujing=自流井 zitong=梓潼 *zixi=资溪 *zixing=资兴 ziyang=资阳
*ziyuan=资源 ziyun=紫云 zizhang=子长 zizhong=资中 zizhou=子洲 zongyang=枞阳 zoucheng=邹城
zouping=邹平 zunhua=遵化 zunyi=遵义 zuogong=左贡 zuoquan=左权 zuoyun=左云
"""


def _table() -> dict[str, tuple[str, bool, bool]]:
    """key -> (Chinese short name, read only capitalised, read as a region when bare)."""
    out: dict[str, tuple[str, bool, bool]] = {}
    for entry in _TABLE.split():
        key, _, short = entry.partition("=")
        out[key.lstrip("*")] = (short.rstrip("!"), key.startswith("*"), not short.endswith("!"))
    return out


NAMES = _table()


def _key(words: list[str]) -> str:
    return "".join(words).lower().replace("'", "").replace("’", "")


def latin_place(text: str, *, bare: bool) -> str | None:
    """The Chinese name of ``text`` when it is wholly one English or pinyin place name (a
    suffix word such as Province after it allowed where ``region:`` said it is a place),
    else None. ``bare``: a keyword, read as a region only as /subscribe reads one."""
    words = LATIN_WORDS.findall(text)
    if not words or LATIN_WORDS.sub("", text).strip(" -") != "":
        return None
    for cut in range(len(words), 0, -1):
        if cut < len(words) and (bare or _key(words[cut:]) not in SUFFIXES):
            continue
        found = NAMES.get(_key(words[:cut]))
        if found is None:
            continue
        short, capital_only, as_keyword = found
        suffixed = cut < len(words)
        if capital_only and not suffixed and not words[0][:1].isupper():
            return None
        if bare and not as_keyword:
            return None
        return short
    return None


def rewritten(filter_text: str | None) -> str | None:
    """``filter_text`` with its English and pinyin places as Chinese regions; None when
    nothing changes."""
    if not filter_text:
        return None
    words = WORD.findall(filter_text)
    has_region = any(w.lower().startswith(REGION_KEYS) for w in words)
    kept: list[str] = []
    regions: list[str] = []
    changed = False
    for word in words:
        if word.lower().startswith(REGION_KEYS):
            value = re.split("[:：]", word, maxsplit=1)[1]
            place = latin_place(value.strip(QUOTES), bare=False)
            if place is not None:
                word, changed = f"region:{place}", True
        elif not has_region and not KEYED.match(word) and LATIN.match(word):
            place = latin_place(word, bare=True)
            if place is not None:
                regions.append(f"region:{place}")
                continue
        kept.append(word)
    if not regions and not changed:
        return None
    at = next((i for i, w in enumerate(kept) if w.lower().startswith(LATER_KEYS)), len(kept))
    return " ".join(kept[:at] + list(dict.fromkeys(regions)) + kept[at:])


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
    pass  # the rows stay as written: 0016's code reads region:山东 too
