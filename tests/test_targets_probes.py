"""The extractor against the probe sets of ``tests/data/probes/`` (issue 11): invented
excerpts written, and annotated, before the extractor ran on them.

- ``bulletins``: statistical bulletin excerpts of a province, a prefecture city, a county,
  a district and an autonomous prefecture in other places' styles (built from ``source/``
  by its ``build_probes.py``). Floors: the figures at the end of the ``naming-bulletins``
  branch (P 0.937, R 0.937), less 0.01; every figure of a bulletin is an achievement.
- ``reports``: nine work reports, a congress report, speeches and a national plan report.
  First round (157 records) unseen: P 0.886 R 0.892 (140); 0.936 / 0.936 (147) after the
  report-naming rules of 2026-12-05. Second round (60 records) unseen, after them: 49 found
  and named right. Both rounds at the session's end: P 0.931 R 0.931 (202 of 217); the
  floors are those less 0.01.
- ``forms``: kinds and forms the other sets lack (a city's 十五五 plan outline with its
  indicator table, a provincial action plan, news on half-year data, a county party
  congress report in Chinese numerals, a district work report with 预计, a provincial
  speech citing national figures). Round 1 (197 records) at first sight: P 0.824, R 0.807,
  kind 0.929; after its fixes P 0.892, R 0.878. Round 2 (36 records, written after those
  fixes) unseen: 29 right (0.806), every miss a name. Both rounds at the end of the session
  that wrote them: P 0.878, R 0.867 (202 of 233), kind 1.000; after the naming pass fitted
  to its misses (``naming-forms``) P 0.943, R 0.931 (217 of 233); the floors are those
  less 0.01.
- ``kinds``: document kinds the other sets lack (a provincial budget report, a city's
  plan-execution report, a city's 十五五 规划建议, a township work report, a provincial
  education bulletin, a press-conference transcript on the first quarter). 228 records at
  first sight (main ``f497987``): P 0.766, R 0.776, kind 0.989; 229 after two annotation
  slips were corrected (its README lists them). The floors are the figures at the end of
  the session that wrote them (``probes-round4``) less 0.01.
- ``round5``: kinds and levels the others lack (the national bulletin, an autonomous
  region's work report, a northeastern city's report, a city's 十五五 elderly-care plan with
  its indicator table, a 省委书记's economic work conference speech, a ministries' action
  plan, a provincial paper's news on three quarters). 280 records at first sight (main
  ``050e791``): P 0.845, R 0.836, kind 1.000; 281 after the slips its README lists. The
  floors were the figures at the end of ``probes-round5`` less 0.01; since the session's
  naming passes (``naming-wholes``, ``naming-round5``, fitted to this set) they are the
  figures after them less 0.01 (round5 0.936 / 0.933, kinds 0.890 / 0.893).
- ``round6``: kinds and levels still unprobed (the State Council's work report, a
  municipality's, a city's 民生实事 list, a provincial 人社 bulletin, a city's ecology
  bulletin, a department's half-year summary, a western county's report). 226 records at
  first sight (main ``424d984``): P 0.628, R 0.628, kind 0.816; a second round (a 水资源公报,
  a district NDRC's summary and plan, 38 records) written after round 1's fixes: 26 of 38
  right. Both rounds at the end of ``probes-round6``: P 0.816, R 0.822 (217 of 264), kind
  1.000; since the naming pass ``naming-round6`` (fitted to this set): P 0.857, R 0.864
  (228 of 264), and the floors are those less 0.01.
- ``round7``: kinds and levels still unprobed (a province's 十五五 outline with its
  indicator table, a province's plan-execution report, a city's budget report, a city's
  congress report, a county-level city's bulletin with its towns, a city's economic work
  conference speech, a provincial action plan by year steps). 251 records at first sight
  (main ``3772785``): P 0.851, R 0.845, kind 0.995; a second round (a city's outline, a
  county-level city's budget report, 41 records) written after round 1's fixes: 36 of 41
  right (main's code: 27). Both rounds at the end of ``probes-round7``: P 0.945, R 0.945
  (276 of 292), kind 1.000; the floors are those less 0.01.
- ``round8``: the two kinds the held-out split names worst, work reports (a big city's
  district, an agricultural county, a province in long chained sentences) and bulletins
  (a province's health and environment bulletins, a city's human-resources bulletin, a
  western city's terse statistical bulletin). 264 records at first sight (main
  ``5fc75c4``): P 0.732, R 0.723, kind 0.995; a second round (a city's health bulletin, a
  district's work report, 51 records) written after round 1's rules: 43 of 51 right (main's
  code: 27). Both rounds at the end of ``probes-round8``: P 0.815, R 0.813 (256 of 315),
  kind 1.000; the floors are those less 0.01.
- ``round9``: work reports of kinds the other sets lack (an industrial prefecture-level
  city, a provincial capital, an autonomous prefecture, a municipality's district) and a
  ministry's national work-conference speech. 224 records at first sight (main
  ``c7309a6``, after the gold's canonical-name slips were fixed): P 0.768, R 0.768, kind
  1.000; a second round (an industrial city, an autonomous county, 73 records) written
  after round 1's rules: 60 of 73 right (main's code: 57). Both rounds at the end of
  ``probes-round9``: P 0.842, R 0.842 (250 of 297), kind 1.000; at the end of
  ``naming-left10`` (a sector before a known statistic and its parts after 其中): P 0.852,
  R 0.852 (253 of 297); the floors are those less 0.01.
- ``round10`` and ``round10b``: kinds and eras the other sets lack (a 2018 county work
  report of the 脱贫攻坚 years, a national outline with a 专栏, a provincial sector action
  plan, a provincial economic work conference speech of December, a 2016 city party
  congress report, a terse 2017 county bulletin). 237 records at first sight (main
  ``5279829``, after the gold's slips were fixed): P 0.828, R 0.793, kind 0.965; at the end
  of ``probes-round10``: P 0.916, R 0.878 (208), kind 1.000. ``round10b``, the second round
  (a 2019 district work report, a city digital-economy action plan, 63 records), written
  and committed before the extractor ran on round 1: 49 of 63 right on main's code and on
  round 1's rules alike; 53 (P 0.869, R 0.841) after four rules from its own misses. The
  floors were the end figures less 0.01; since ``targets-zhuanlan`` read the forms round 10
  found unread (专栏 rows written as prose, ``缩短至11个月``): round10 P 0.920, R 0.924
  (219), round10b P 0.871, R 0.857 (54), and the floors are those less 0.01.
- ``round11`` and ``round11b``: work reports weighted most (a provincial report of the
  pandemic year with 六稳六保, a national report of 2018 reviewing five years, a district
  report closing the 十三五, a 2021 city party congress report, a December provincial
  plenary speech), a national culture outline and a city bulletin dense with 其中 lists.
  279 records at first sight (main ``5b5cba2``, after the gold's canonical-name slips
  were fixed): P 0.887, R 0.875, kind 0.984; at the end of ``probes-round11`` (a measure
  said bare after its owner's figure, a bare coverage rate after the clause that builds
  what covers): P 0.895, R 0.882 (246). ``round11b``, the second round (a provincial work
  report, a city bulletin, a district work report, 87 records), written and committed
  before the extractor ran on round 1: 84 of 87 on main's code and on the branch alike
  (the rules' shapes are not in it). The floors are those less 0.01.
- ``round12`` and ``round12b``: the hard class of work-report figures, things counted that
  no statistic names (projects, facilities, households, kilometres of road, people
  screened or trained, funds paid out): review paragraphs and task lists of a provincial
  report of 2019, city reports of 2023, a county report of 2024, a district report of
  2026 closing the 十四五, a 2022 民生实事 list and a 2021 city party congress report.
  218 records at first sight (main ``4eda41f``, no slip fixed): P 0.724, R 0.720, kind
  0.867 (a standalone 民生实事 list read as a review: 31 targets called achievements); at
  the end of ``probes-round12`` (a poor county's or village's leaving the list after its
  count is no part of its name): P 0.728, R 0.725 (158). ``round12b``, the second round
  (a provincial report of 2025, a county report of 2018, 65 records), written and
  committed before the extractor ran on round 1: P 0.730, R 0.708 on main's code and on
  the branch alike. The floors are those less 0.01.
- ``round12c``: the same hard class where it is hardest, short verb-noun-number clauses
  (a county report of 2017 of the poverty years, a district report of 2023 with its
  民生实事, a county's 2024 review of 脱贫 and 乡村振兴 work; 80 records), written and
  committed before anything ran on it: P 0.613, R 0.575 on main's code (``cd84160``),
  P 0.640, R 0.600 at the end of ``naming-left12`` (a plain verb opening a listed act's
  clause is its change); P 0.765, R 0.775 at the end of ``naming-left14``. The floors are
  those less 0.01.
- ``round12d``: the fourth round of that class (a township report of 2020 with eight
  民生实事, a county secretary's speech of December 2023 under 关于今年工作 / 关于明年工作
  headings with two fractions in words, a county's 2025 乡村振兴 review with a table whose
  cells carry measure words; 96 records), written and committed before anything ran on it:
  P 0.525, R 0.438 on main's code (``9ba7468``; the table's 16 cells in 眼 口 盏 … not read),
  P 0.625, R 0.625, kind 0.857 at the end of ``naming-left13``; P 0.667, R 0.667, kind
  0.863 at the end of ``naming-left14``. The floors are those less 0.01.
- ``round12e``: the fifth round (a township report of 2021 and a county report of 2025
  whose review paragraphs are written one act a sentence, mixed with levels, rates, stocks,
  ranks and money; 56 records), written and committed before anything ran on it (three
  names then written as the table's canonical ones, as every probe gold is): P 0.839,
  R 0.839 on main's code (``492bc2c``), P 0.911, R 0.911, kind 1.000 at the end of
  ``naming-left14`` (a verb-led clause standing alone among the paragraph's sentences of
  acts). The floors are those less 0.01.
- ``round13`` and ``round13b``: kinds and levels the held-out split names worst, written
  as drafters write (run-on review paragraphs, owners said once, 其中, 分别, ranks,
  shares): an old urban district's report of 2024, a provincial economic-work speech of
  2018, a prefecture city's bulletin of 2021 (every section), a national report of 2014,
  a 2024–2027 action plan, a township report of 2023; 340 records, committed before the
  extractor ran (the first national excerpt, which paraphrased the real 2015 report of
  the dev split from memory, was replaced before its misses were studied; three
  annotation slips fixed after the run). Main's code (``9ba7468``): P 0.912, R 0.915;
  at the end of ``probes-round13`` (a run-in lead phrase is no owner of the acts' counts;
  a free check names those who got it): P 0.915, R 0.918. ``round13b`` (a city bulletin
  of 2022, a district report of 2019; 81 records), written with round 1 and not looked
  at until the end: P 0.938, R 0.938 on main's code and on the branch alike. The floors
  are those less 0.01.
- ``round14c``: the class the last sessions left open (a township report of 2018, a
  county's report on its 2023 民生实事 and those of 2024, a district's 2025 乡村振兴
  review: people visited or funded in 户 / 人次, money put in beside the acts it paid for,
  a verbal noun before a line's noun, 现有 before a stock, a 化 kind before a known name;
  75 records), written and committed before anything ran on it: P 0.813, R 0.813 on
  main's code (``7e9a69e``), P 0.920, R 0.920, kind 1.000 at the end of
  ``naming-left16``. The floors are those less 0.01.
- ``round14`` and ``round14b``: the short clauses of county, district and township
  reports (acts with their objects and counts, 民生实事 lists, money beside acts, people
  reached in 户 and 人次) and a county bulletin's prose sections; a southwestern
  mountain county of 2018, a northern grain county of 2021, a coastal county-level city
  of 2024, an urban district of 2019, a township of 2020, a county bulletin of 2019 (319
  records), committed before the extractor ran. Main's code (``7e9a69e``): P 0.871,
  R 0.868; at the end of ``probes-round14`` (慰问, 资助 done to the people counted; people
  served after 为 in a list, after 辖区, 全镇; 安装 for them): P 0.884, R 0.881.
  ``round14b`` (a county report of 2025, a township report of 2024; 81 records), written
  with round14: P 0.787, R 0.778 on main's code, P 0.812, R 0.802 on the branch. The
  floors are those less 0.01.
- ``round14d``: runs of short act clauses opening with a verb or 新 and a verb (新修,
  安装, 调减, 新种植, 新引进, 配套建设) beside 硬化, an owner across ；, 羽 and 担 (a
  township report of 2021, a county's 2021 agriculture summary; 53 records), committed
  before anything ran on it: P 0.660, R 0.623 on main's code (``12f80ce``), P 0.660,
  R 0.660, kind 1.000 at the end of ``naming-left17``. The floors are those less 0.01.
- ``bulletins16``: city, county and district statistical bulletins written like real ones
  (sections of table-like prose, an owner said once before a ``；``-list, ``其中``,
  ``分别``, shares, 个百分点, product lists, tables copied as space-separated rows, notes);
  a central city of 2023, a southern hill county of 2022, a coastal district of 2021, a
  northern county-level city of 2020 (524 records), committed before the extractor ran.
  Main's code (``55176c6``): P 0.918, R 0.859 (after the gold's alias names were written
  canonically); at the end of ``probes-bulletins16`` (上缴税金 after a ``；``-list, a new
  thing an owner built or opened, a crop's 综合产值): P 0.929, R 0.868.
  ``bulletins16b`` (a highland county of 2023; 92 records), written with it and not looked
  at until the rules were done: P 0.901, R 0.891 on main's code, P 0.901, R 0.891 on the
  branch. The floors are those less 0.01.
- ``round15a``: a county work report's infrastructure, 民生 and farming acts one a
  sentence with no verb of the verb table (新修, 拓宽, 硬化, 安装, 配套建设, 调减), bare money
  before its purpose, people a problem was solved for, and a county bulletin's prose
  (transport, schools, health, farming, incomes) with owners said once before ``；``
  pieces (73 records), committed before anything ran on it: P 0.671, R 0.671 on main's
  code (``55176c6``), P 0.836, R 0.836, kind 1.000 at the end of ``naming-left18``. The
  floors are those less 0.01.
- ``round15`` and ``round15b``: the texts of the held-out split's other kinds (a national
  work report's review and targets, an inland province's report with its 十三五 review and
  十四五 goals, a northern district's report with 民生实事, a provincial party secretary's
  economic work conference speech, a national energy plan outline's 2025/2030/2035
  targets, a provincial biomedicine action plan; 226 records), committed before the
  extractor ran. Main's code (``55176c6``, after one annotation slip): P 0.825, R 0.814;
  at the end of ``probes-round15`` (涉及 people named by the work, a rank said alone,
  tenths after 到/在/至, no heading marker in a name): P 0.832, R 0.832. ``round15b`` (a
  provincial report of 2020, a provincial plan outline; 83 records), written with round15:
  after one slip in its gold, P 0.904, R 0.904 on main's code and on the branch alike. The
  floors are those less 0.01.
- ``round16`` and ``round16b``: the held-out split's kinds again, in shapes the earlier
  rounds rarely wrote (a national report opening 十三五 with 过去五年 and 年均, a pastoral
  district's 牲畜存栏 and 旅游人次, a province opening 十五五, a leader's speech with 位次,
  占全国比重 and figures said loosely, a national consumption strategy outline, a
  provincial medical equipment action plan; 279 records after three slips), committed
  before the extractor ran: P 0.822, R 0.814 on main's code (``abc5a6a``), P 0.842,
  R 0.839 at the end of ``probes-round16`` (tenths after a change verb, 两位数 no rank,
  前年 a multiple's base, an adverb before a rank verb, 经济总量 ranked as the output, a
  quoted count of tasks, 棚户区住房 the table's 棚户区, people in a bare 万 with 以上 after
  it). ``round16b`` (a city and a county statistical bulletin; 106 records), written with
  round16: P 0.991, R 0.991 on main's code and on the branch alike. ``round11``,
  ``round13b`` and ``round15`` rose with them (棚户区住房, 1000万以上, 经济总量继续位居全市
  第三). The floors are those less 0.01.
- ``round17``: five excerpts worded as real documents word them (a prefecture city's and a
  county's work reports, a provincial transport department's summary, a health ministry's
  press conference, a municipal bulletin's sector sections; 296 records), committed before
  the extractor ran: P 0.724, R 0.716 at first sight on main (``b0cfc42``); after four
  slips in the gold (three names that kept a verb the other golds leave to ``change``,
  中心城区 dropped where the dev gold keeps it), P 0.758, R 0.750 on main and P 0.802,
  R 0.794 at the end of ``probes-round17`` (the count of a list's members names none of
  them, 规模工业 the table's 规模以上工业, 为…发放 a payment with its amount, a scope before
  those served, a rate's change takes the rate's completed name, 较上年 read as 比上年).
  Its kind accuracy, 0.944, is held down by the press conference (重点工作进展 read as the
  plan part, 全年 as this year). The floors are those less 0.01.
- ``round18b``: six excerpts of the types other than work reports (two city bulletins'
  later sections, a provincial three-year action plan, a ``“十四五”`` education plan, a
  city party congress report, a provincial leader's speech at a rural work conference;
  342 records), committed before the extractor ran: P 0.894, R 0.892 at first sight on main
  (``bb1ee49e``); after three slips in the gold (a rank's scope, 规模 kept as the dev golds
  keep it), P 0.906, R 0.904 on main and P 0.927, R 0.927 at the end of
  ``probes-round18b`` (a share's scope kept or dropped by the table's measure, 集聚区 one
  word, a gap to urban residents or the farmers' average, 超过年度目标任务, 国考、省考断面 one
  count, a range with its measure said once, a mode of transport's traffic). The floors
  are those less 0.01.
- ``round19``: six excerpts of the types and levels the earlier rounds wrote least (a
  national ``规划纲要`` to 2035, ministries' ``实施意见``, a provincial industry
  ``行动计划``, a city newspaper's trade report, a provincial leader's speech at the
  economic work conference, a ministry's press conference; 252 records), committed before
  the extractor ran: P 0.763, R 0.754 at first sight on main (``22f54b1c``); after one slip
  in the gold (万名 kept as the other golds write it), P 0.767, R 0.758 on main and
  P 0.806, R 0.806 at the end of ``probes-round19`` (降幅比…收窄 the falling measure's,
  去年全年 the year before, 农村饮水安全人口, a coefficient raised to a hedged level, a
  payment's 水平 the payment's). The floors are those less 0.01.

- ``round18``: five government work reports worded as real ones are, at the levels the
  earlier rounds wrote least (a prefecture city's, a county's and a municipal district's
  reports, a province's review with its 五年 retrospective and 今后五年 goals, a water
  ministry's work conference report; 291 records), committed before the extractor ran: P
  0.893, R 0.893 at first sight on main (``bb1ee49e``), 0.904 after a field shifted in
  three comparison records was set right, 0.911 after 重点民生实事 was written as the
  table's 民生实事; P 0.942, R 0.942 at the end of ``probes-round18`` (a statistic after
  其中…； keeps its own measure, money named by its source takes no frame's 投资, 修订完善
  and 排查整治 one change, 入库 and 除险加固 after the counted things their act, a
  baseline's year dates nothing, 座次 and 架次 units, 种植面积 an attribute). The floors
  are those less 0.01.

- ``round20``: four long, dense government work reports (the nation's, opening the
  十五五 with a 十四五 review and the fiscal paragraph; a province's; an Inner Mongolian
  banner's; a prefecture city's with a 13-indicator targets sentence; 321 records),
  committed before the extractor ran: P 0.891, R 0.888 at first sight on main
  (``88bdc26b``); P 0.928, R 0.925 at the end of ``probes-round20`` (头只 one unit, 全旗
  a scope, a stretch's end year dating its own clause only, 托育 and 嘎查 narrowing a
  table name, ranks said 分别 after figures named one by one, 、占比 the measure's share,
  short industries listed before the last one's 产业, 农村牧区 one word). The floors are
  those less 0.01.

- ``round21``: five documents of the lowest levels (a county's statistical bulletin; a
  high-tech zone's work summary and next-year plan; a city street's report; a county
  party congress report of 过去五年 and 今后五年; a city housing bureau's half-year summary
  of the year's 民生实事; 383 records), committed before the extractor ran: P 0.903,
  R 0.903 at first sight on main (``4d09c02e``; 382 records then, two annotation errors
  mended after); P 0.924, R 0.922 at the end of ``probes-round21`` (协议总投资 a signed
  set's, 转移农村劳动力就业 the table's, a share held 保持在 after its subject's figure, the
  people a work reached past its goal share, 五年 before a work's verb a time, whom events
  served the events', 实际进资 a sum of its own). The floors are those less 0.01.

- ``round23``: six documents of the 十二五/十三五 era, 2015-2019 (a northern district's
  report of 2019, a county's of 2017, a prefecture city's of 2016 opening the 十三五 with its
  十二五 review, a province's 换届 report of 2018 heavy with 脱贫攻坚 and 去产能, a State
  Council 十三五 poverty plan with its indicator table, a city's bulletin of 2015; 408
  records), committed before the extractor ran: P 0.941, R 0.931 at first sight on main
  (``a407576d``); P 0.955, R 0.946 at the end of ``probes-round23`` (取缔 and 关闭 acts,
  整村脱贫/脱贫出列 a village leaving the list, 集中安置点 a kind of site, 易地扶贫搬迁…户
  its 户数, what left the list after a stretch of the stretch, a yearly average after a
  level's year of the 过去五年 span, a cut in the five-year goals of the goals' span). The
  floors are those less 0.01.
- ``round22``: six sector action plans and implementation plans of provinces and large
  cities (a province's 生物医药 action plan, a city's 人工智能 and 低空经济 action plans, a
  province's 数字经济 and 新型储能 implementation plans, a city's 文旅消费 若干措施; 251
  records), committed before the extractor ran: P 0.659, R 0.661 at first sight on main
  (``a407576d``); 15 records then corrected to the dev golds' conventions (P 0.718,
  R 0.721); P 0.867, R 0.861 at the end of ``probes-round22`` (a review paragraph's
  opening year, a span a sentence opens with, “十四五”以来, awards given as a rate, a cap
  or 分别, thresholds listed before the receivers, a plan's 每年 with no period, 同比
  growth a result, a locative lead, PFLOPS). The floors are those less 0.01.
- ``round24``: six texts written unlike work reports (a provincial party secretary's speech
  at the economic work conference, a State Council Information Office press conference, a
  provincial statistics office's release on the first half, a news agency story on a
  three-year plan, a policy interpretation in questions and answers and a mayor's speech at
  a project signing; 252 records), committed before the extractor ran: P 0.754, R 0.766 at
  first sight on main (``a407576d``); P 0.832, R 0.845 at the end of ``probes-round24`` (a
  part-year release a story of its time, 6月末 a time word, a background part a review, a
  dateline no cue, 今年以来 and 完成全年目标任务的…% results, a clause's 去年, the speaker 我们
  no name, 本次集中签约项目 a set there now, a dated speech's undated figures of its year,
  今年前2个月 no goal, “十四五”以来 the plan's years so far). Three records were then aligned
  with conventions settled after it (``gold-align``: 6.8.11 and 6.8.15, its README lists
  them): P 0.874, R 0.877 on main ``53db6608``'s extractor; the floors are those less 0.01.
- ``round25``: six sector plans written after round22's rules, in other industries and
  shapes (five ministries' 绿色建材 指导意见, a province's 高端装备 cluster action plan, a
  city's 民营经济 若干政策措施, a province's 氢能 plan with a text-written indicator table, a
  city's “十四五” transport plan mid-term evaluation, a province's rural three-year plan; 254
  records), committed before the extractor ran: P 0.690, R 0.693 at first sight on main
  (``e69a54bf``); five year slips then corrected to 6.6 (no figure moves); P 0.729,
  R 0.732 at the end of ``probes-round25`` (一次性 no part of a named award, 贴息 an award
  kind and its rate, a firms' research intensity, the 衔接推进 fund's whole name, a giving
  after a lead, the parts of a yearly whole, 攻克/拆除/联系服务 acts); P 0.784, R 0.787
  after ``probes-round26``'s rules (its evaluation 徐州 and 河北 moved). The floors are those
  less 0.01.
- ``round26``: a third sector set, of the shapes round25 left (a province's 生态环境 and a
  city's 卫生健康 “十四五” plan mid-term evaluations, a province's 若干措施 with per-unit
  subsidies, a city's 产业链 action plan with a bracketed-unit text table, a ministry's
  工作要点, a province's 专项资金管理办法; 251 records), committed before the extractor ran:
  P 0.609, R 0.614 at first sight on main (``20f549b9``); P 0.735, R 0.741 at the end of
  ``probes-round26`` (a restated plan target, its gap and completion named by the result's
  measure, dated by the plan's end; an evaluation's undated results and sums; a table row's
  ``（万吨/年）``; a sum per unit after its base; 新建 an act; the plan's 2025年目标 no
  goal year; an evaluation's 实施情况 and 存在问题 parts reviews). The floors are those less 0.01.
- ``round27``: six statistical bulletins written whole, of the levels the earlier sets
  wrote least (a central prefecture city, a southern county, a pastoral autonomous
  prefecture, a services-heavy district, a county-level city in 2020, a province's later
  sections; 720 records), committed before the extractor ran: P 0.957, R 0.956 at first
  sight on main (``20f549b9``); P 0.965, R 0.964 at the end of ``probes-round27`` (a part
  with a measure of its own keeps it, 规模以上工业企业(总)产值 the table's). ``round27b``:
  one bulletin that is mostly its tables (``#`` and indented sub-rows, 单位 lines, growth-only
  and three-measure tables; 57 records after one annotation slip): P 0.281, R 0.281 on
  main, P 0.649, R 0.649 once captions no longer make it look hard-wrapped. The floors
  are those less 0.01.
- ``round28``: a fourth sector set after round22's, round25's and round26's rules (a
  province's 公共卫生和医疗服务 action plan, a city's 城市更新和老旧小区改造 plan, a ministry's
  数字政府 指导意见, a province's 外贸 若干措施, a city's 人才 policy, a province's 碳达峰
  实施方案; 254 records), committed before the extractor ran: P 0.500, R 0.496 at first sight
  on main (``5c33604f``, on the gold after its 28 listed slips); P 0.655, R 0.650 at the end
  of ``probes-round28`` (a plan's sentence or paragraph opening with a year already over is
  its base; per-head and per-month awards, what an award pays for, sums given 分别, rates per
  unit said before the giving, caps per firm; a span a sentence opens with holds what is done
  in it). The floors are those less 0.01.
- ``round29``: documents of the 2025-2026 turn (a province's 2026 work report reviewing the
  十四五, a prefecture city's and a county's, a province's 十五五 纲要 with its indicator
  table, a city's 2025 bulletin with 十四五 totals, a province's 两会 press conference; 513
  records), committed before the extractor ran: P 0.897, R 0.897 at first sight on main
  (``930704f8``); P 0.916, R 0.918 at the end of ``probes-round29`` (a payment's fund before
  whom it reached, rules counted by what they hinder, a bulletin's 全年/年末 paragraph after
  its 十四五 one, a press conference's title year, a streak's year kept to its clause, funds
  paid by a level, a ratio narrowed to a level). The floors are those less 0.01.
- ``round30``: party congress reports and party documents (a province's 党代会报告 written
  in Chinese numerals, a prefecture city's with both kinds of numeral, a county's of 2016, a
  provincial 全会公报, a city party secretary's December 经济工作会议 speech, a national
  congress report excerpt; 256 records after three listed slips), committed before the
  extractor ran: P 0.953, R 0.949 at first sight on main (``efedd8c9``, on the gold with its
  slips fixed), the same at the end of ``probes-round30``, whose rules are of years (a
  part's heading's five years for a yearly average, a goals paragraph's years past its
  first 。, a December speech's own year, 五年内 in a part about as many years ahead: year
  of the found 0.854 to 0.961). The floors are those less 0.01.
- ``round33``: officials' speeches (a governor's at a 全省经济工作会议, a party secretary's at
  a 民营经济 and 招商 conference quoting the nation's and other provinces' figures, a mayor's
  at a 项目建设 mobilisation) and district, county and city work reports of 2018-2020 (a
  十三五 review, a 过去五年 review with 年均 and ranks, a poverty section, the towns'
  figures; 274 records after one listed slip), committed before the extractor ran: P 0.790,
  R 0.836 at first sight on main (``59638ead``), P 0.849, R 0.880 at the end of
  ``probes-round33`` (a rank moved with 前移至 and placed 在全国/在全省的位次, other places'
  figures set beside ours, the poor counted after 脱贫/减贫, 新签约项目, a plan's 年均). The
  floors are those less 0.01.
- ``bulletins34``: six statistical bulletins written as they come off real websites (a
  county's tables flattened into space-separated lines, a city's 其中 chains three deep and
  its counties' figures, a district's product list and tab table with a unit column, a 州's
  note markers and notes, a development zone's measures, a county of 2017 with 持平; 444
  records after two listed slips), committed before the extractor ran: P 0.923, R 0.921 at
  first sight (443 records) on main (``909f92fe``), P 0.950, R 0.950 (444 records) at the end of
  ``probes-bulletins34`` (a product list's lead, a place's investment, a school set after a
  ；, the members that grew among a set). The floors are those less 0.01.
- ``round34``: real provincial documents written as remembered (four work reports of
  2023-2025: Zhejiang, Henan with its 过去五年, Xinjiang, Chongqing; the Guangdong 十四五
  plan outline with its 主要指标 table; the Jiangsu party congress report of 2021; 508
  records after 35 listed slips, names written by a table alias), committed before the
  extractor ran: P 0.819, R 0.821 at first sight on main (``d8e56d0d``, on the gold with its
  slips fixed), P 0.888, R 0.890 at the end of ``probes-round34`` (an undated five-year plan
  outline not dated by its title's 2035, steps crossed in turn, the poor all out of poverty
  over a review's years, a rank in 中部地区 or among 全国各省区). The floors are those less 0.01.
- ``round35``: provincial documents other than work reports, written as remembered (a 湖南
  省委经济工作会议 speech of December 2024, the 浙江 新春第一会 speech of January 2023, the
  广东 low-altitude economy action plan for 2024-2026 with its 主要指标 table, the 江苏
  equipment-renewal and trade-in plan, the 山东 silver-economy opinions, a 江西 news report of
  a January 2025 press conference on 2024; 306 records after 6 listed slips), committed before
  the extractor ran: P 0.838, R 0.827 at first sight on main (``f186d0a9``, on the gold with its
  slips fixed), P 0.887, R 0.876 at the end of ``probes-round35`` (an undated plan not dated by
  its base or goal years, a story on a whole year's data told in the year after, a provincial
  press office's story, a table row counted in a unit of its own, the nation's statistic
  quoted, a named set of counties), P 0.901, R 0.889 after ``targets-left35`` (a place-by-place
  sentence's later places, a streak rank in a 过去一年 review, a 其中 paragraph's year; one
  gold name written as the table's 城乡居民收入比). The floors are those less 0.01.
- ``round36``: sector action plans and 实施方案 of provinces and cities, written as
  remembered (a 河南 manufacturing digital-transformation plan for 2023-2025 with its 主要指标
  table, a 福建 new-energy-vehicle three-year plan with yearly milestones, a 苏州 biomedicine
  plan, 杭州's AI 若干措施 with money support, a 贵州 data-element plan, a 河北 elderly-care plan;
  250 records after 7 listed slips), committed before the extractor ran: P 0.867, R 0.860 at
  first sight on main (``7ebde7ac``, on the gold with its slips fixed), P 0.887, R 0.880 at the
  end of ``probes-round36`` (a level its subject reached takes no topic, a scale before a known
  name selects, a sum per named unit is the receivers' award, an area quota per household).
  The floors are those less 0.01.
- ``round37``: long-horizon outlines, older work reports and a city congress report, written
  as remembered (《“健康中国2030”规划纲要》 with its 2015/2020/2030 table, 浙江's “十四五” outline
  with its 2035 goals and 主要指标 table, the national 2019, 山东 2021 and 长兴县 2020 work
  reports, 成都's 2022 congress report; 388 records after 1 listed slip), committed before the
  extractor ran: P 0.881, R 0.879 at first sight on main (``690ebf55``), P 0.899, R 0.897 at
  the end of ``probes-round37`` (a caption naming a set of indicators owns no row, a share's
  base spelled 生产总值, 比去年预算高 a base); P 0.907, R 0.905 at the end of
  ``targets-left37`` (a table row's share without the base's 的). The floors are those less
  0.01.
- ``round37b``: two congress reports given in spring (德清县 May 2021, 杭州 February 2022),
  written as remembered (73 records), committed before the extractor ran: P 1.000, R 1.000
  at first sight once 4 alias names were written canonically (the review's 40 years wrong,
  which this score does not weigh) and at the end of ``targets-left37`` (a congress report
  dated before July reviews the years before it, GOLD_GUIDELINES 6.8.56). The floors are
  those less 0.01.

Scored as the bundled gold is (``bench/eval_targets.py``: doc, indicator, value, unit and
kind, one to one), so a wrong name is a false positive and a false negative. The gold of
``reports``, ``forms``, ``kinds``, ``round5`` to ``round9``, ``round10`` to ``round18``,
``round18b``, ``round19`` to ``round26``, ``round27``, ``round27b``, ``round28``, ``round29``,
``round30``, ``round31``, ``round31b``, ``round32``, ``round33``, ``round34``, ``round35``,
``round36``, ``round37``, ``round37b``, ``bulletins34``, ``bulletins16`` and ``bulletins16b``
is what ``tests/data/probes/annotation.py`` builds from their ``annotations.txt``.
"""

from __future__ import annotations

import pytest

from bench.eval_targets import load_gold
from tests.data.probes.annotation import as_jsonl, build
from tests.probes import PROBES, probe_report, said

# set: (records in its gold or None, precision floor, recall floor, kind accuracy floor);
# raised at the end of the fifteenth session to each set's level less 0.01 (gold names held
# canonical, gold readings settled by majority, and that session's rules), never lowered;
# round11, round12b and round12c raised again by verb-clauses (measure words and the verb-led
# clauses they count), to their new level less 0.01; round8, round12, round12b and round12c
# raised by naming-left13 (acts the dictionary calls nouns, 新 before a verb, people named by
# what reached them), round12d its check set, to their level less 0.01; round12c again by
# probes-round13, round13 and round13b its sets; round12c and round12d raised by naming-left14
# (a verb-led clause alone among sentences of acts), round12e its check set; bulletins,
# kinds, round8, round11 and round12d by targets-left12 (a year-end speech's parts, a bare
# 占's share, alternates in brackets); round12d again to its merged level less 0.01;
# round12b-round12e and round13 by naming-left16 (people cared for, money put in among
# acts, a verbal noun before a line's noun, 化 kinds, 现有), round14c its check set
# round14 and round14b by probes-round14 (short county, district and township clauses)
# round12c, round12d, round13, round14 and round14b to their merged levels less 0.01 after
# naming-left17 (acts the dictionary files as nouns in a run, 新 + verb, 羽 and 担)
# round14d by naming-left17 (its check set: verbs at the head of names in runs of acts)
# bulletins16 and bulletins16b by probes-bulletins16 (statistical bulletins written like
# real ones)
# round15a by naming-left18 (its check set: acts no table holds, bare money, owners once)
# round15 and round15b by probes-round15 (national, provincial and district reports, a
# speech, plans: 涉及 people, a rank said alone, tenths after 到/在/至)
# kinds, round12, round12d, round14, round14b, round14c and round14d to their merged levels
# less 0.01 after naming-left18, probes-bulletins16 and probes-round15
# bulletins16 and bulletins16b by targets-left15 (scoped firms own the measures after their
# 工业总产值; a bare 发电量 is no earlier product's or part's)
# bulletins16 recall to its merged level less 0.01 with parse-rows16 (rows separated by spaces)
# round16 and round16b by probes-round16 (national, provincial and district reports, a speech,
# an outline and an action plan written in shapes the earlier rounds rarely wrote), and
# round11, round13b and round15 raised with them to their new levels less 0.01
# round17 by probes-round17 (reports, a department's summary, a press conference and a
# bulletin worded as real ones are)
# round12 and round17 raised by kinds-years to their new levels less 0.01 (a year's list of
# 民生实事 is a plan; a January press conference on the year before)
# round18b by probes-round18b (two city bulletins' later sections, a provincial action plan,
# a sector plan, a congress report and a leader's speech worded as real ones are)
# round18b raised by targets-left22 to its measure less 0.01 (0.944: a field before the act,
# a mode's traffic past ；)
# round18 by probes-round18 (government work reports of a city, a county, a district, a
# province's five-year review and a ministry's work conference, worded as real ones are)
# round19 by probes-round19 (a national outline, ministries' opinions, an industry action plan,
# a newspaper's report, an economic work conference speech and a press conference)
# round20 by probes-round20 (long, dense work reports of the nation, a province, a pastoral
# banner and a prefecture city)
# round21 by probes-round21 (a county bulletin, a high-tech zone's summary, a street's report,
# a county party congress report and a city bureau's half-year summary)
# round23 by probes-round23 (work reports of a district, a county, a city and a province,
# a 十三五 plan and a bulletin, of 2015-2019)
# round22 by probes-round22 (sector action and implementation plans of provinces and cities)
# round24 by probes-round24 (a provincial speech, a SCIO press conference, a statistics
# release, a news agency story, a policy interpretation and a mayor's signing speech)
# round25 by probes-round25 (sector plans again, other industries and shapes, after round22)
# round26 by probes-round26 (two mid-term evaluations, support measures, a chain plan's
# bracketed table, a ministry's 工作要点, a fund's 管理办法); round25 raised by its rules
# round27, round27b by probes-round27 (six bulletins written whole; a bulletin of tables)
# round28 by probes-round28 (health services, urban renewal, digital government, foreign
# trade, talent and carbon peak plans and measures)
# round5, round6, round15, round18b, round22, round25–round28 raised by gold-conventions3
# (GOLD_GUIDELINES 6.8.20–27: golds rewritten to the conventions and the extractor's rules)
# round29 by probes-round29 (documents of the 2025-2026 turn: 2026 reports reviewing the
# 十四五, a 十五五 纲要, a 2025 bulletin, a 两会 press conference)
# round30 by probes-round30 (party congress reports of a province, a city and a county, a
# plenum communiqué, a December economic work speech, a national congress report excerpt)
# bulletins, bulletins16, round6-round10, round12, round14, round18, round18b, round20-round22,
# round25-round29 raised by gold-conventions4 (the figure key sets quotation marks aside,
# GOLD_GUIDELINES 6.8.28; golds and the extractor to 6.8.29-32)
# round31 by probes-round31 (national documents: a congress report, a work report, an
# economic work conference communiqué, a budget report, a press conference, a plan outline)
# bulletins, forms, kinds, round6, round8, round13, round17, round20, round24, round27b, round31
# raised by families-variants
# (variants of one measure joined in the indicator table: education counts, doctors and nurses
# per thousand people, wind and solar capacity, online retail sales, 赤字, 减税降费及退税缓费,
# 中小学和幼儿园)
# round33 by probes-round33 (officials' speeches: a governor's, a party secretary's, a
# mayor's; district, county and city work reports of 2018-2020)
# round32 by probes-round32 (provincial and city sector plans: an AI action plan, low-altitude
# opinions, an NEV three-year plan, a TCM plan with a prose and a table 主要指标, a tourism
# plan, a 若干措施 list)
# round31b by targets-left30 (two press conferences: the transport ministry at 国新办, a
# province's 新闻发布会); round31 raised by it (a January press conference's 今年, figures
# at an event the sentence opens on, 新设立外商投资企业 written as the dev golds write it)
# round34 by probes-round34 (real provincial documents written as remembered: four work
# reports, a 十四五 plan outline with its table, a party congress report)
# bulletins34 by probes-bulletins34 (bulletins as they come off real websites: flattened
# tables, 其中 chains, county figures, notes, a development zone, a county of 2017)
# round35 by probes-round35 (provincial documents other than work reports written as
# remembered: two leaders' speeches, two action plans, an opinions text, a news report)
# round36 by probes-round36 (sector action plans and 实施方案 of provinces and cities
# written as remembered: a table, yearly milestones, 若干措施 with money support)
# round37 by probes-round37 (long-horizon outlines, older work reports and a city congress
# report written as remembered)
# round37b by targets-left37 (two congress reports given in spring, written as remembered)
FLOORS = {
    "bulletins": (None, 0.955, 0.955, 1.0),
    "reports": (217, 0.958, 0.958, 0.99),
    "forms": (233, 0.963, 0.951, 0.99),
    "kinds": (271, 0.935, 0.938, 0.99),
    "round5": (328, 0.953, 0.95, 0.99),
    "round6": (264, 0.904, 0.91, 0.99),
    "round7": (292, 0.942, 0.942, 0.99),
    "round8": (315, 0.907, 0.907, 0.99),
    "round9": (297, 0.882, 0.882, 0.99),
    "round10": (237, 0.948, 0.952, 0.99),
    "round10b": (63, 0.909, 0.895, 0.99),
    "round11": (279, 0.929, 0.925, 0.99),
    "round11b": (87, 0.956, 0.956, 0.99),
    "round12": (218, 0.934, 0.929, 0.99),
    "round12b": (65, 0.882, 0.882, 0.99),
    "round12c": (80, 0.867, 0.877, 0.99),
    "round12d": (96, 0.875, 0.875, 0.99),
    "round12e": (56, 0.972, 0.972, 0.99),
    "round13": (340, 0.934, 0.937, 0.99),
    "round13b": (81, 0.953, 0.953, 0.99),
    "round14c": (75, 0.937, 0.937, 0.99),
    "round14": (319, 0.943, 0.943, 0.99),
    "round14b": (81, 0.867, 0.867, 0.99),
    "round14d": (53, 0.896, 0.896, 0.99),
    "bulletins16": (530, 0.964, 0.964, 0.99),
    "bulletins16b": (92, 0.99, 0.979, 0.99),
    "round15a": (73, 0.88, 0.88, 0.99),
    "round15": (226, 0.893, 0.893, 0.99),
    "round15b": (83, 0.918, 0.918, 0.99),
    "round16": (279, 0.878, 0.875, 0.99),
    "round16b": (106, 0.99, 0.99, 0.99),
    "round17": (296, 0.891, 0.882, 0.99),
    "round18b": (342, 0.949, 0.949, 0.99),
    "round18": (291, 0.942, 0.945, 0.99),
    "round19": (252, 0.823, 0.823, 0.99),
    "round20": (321, 0.953, 0.953, 0.99),
    "round21": (383, 0.925, 0.922, 0.99),
    "round22": (251, 0.898, 0.894, 0.99),
    "round23": (408, 0.955, 0.946, 0.985),
    "round24": (252, 0.891, 0.894, 0.981),
    "round25": (254, 0.82, 0.816, 0.985),
    "round26": (251, 0.767, 0.77, 0.979),
    "round27": (720, 0.966, 0.965, 0.99),
    "round27b": (57, 0.85, 0.85, 0.99),
    "round28": (254, 0.704, 0.698, 0.961),
    "round29": (513, 0.937, 0.939, 0.984),
    "round30": (256, 0.943, 0.939, 0.99),
    "round31": (252, 0.827, 0.823, 0.99),
    "round31b": (92, 0.945, 0.914, 0.99),
    "round32": (251, 0.91, 0.91, 0.99),
    "round33": (274, 0.839, 0.87, 0.97),
    "bulletins34": (444, 0.94, 0.94, 0.99),
    "round34": (508, 0.878, 0.88, 0.986),
    "round35": (306, 0.891, 0.879, 0.99),
    "round36": (250, 0.877, 0.87, 0.99),
    "round37": (388, 0.897, 0.895, 0.976),
    "round37b": (73, 0.99, 0.99, 0.99),
}


@pytest.mark.parametrize("name", FLOORS)
def test_probe_precision_and_recall(table, name):
    n_gold, min_precision, min_recall, min_kind = FLOORS[name]
    report = probe_report(name, table)
    missed, extra = said(report.false_negatives), said(report.false_positives)
    if n_gold is not None:
        assert report.total.n_gold == n_gold
    assert report.total.precision >= min_precision, extra
    assert report.total.recall >= min_recall, missed
    assert report.kind_accuracy >= min_kind


@pytest.mark.parametrize(
    "name",
    [
        "reports",
        "forms",
        "kinds",
        "round5",
        "round6",
        "round7",
        "round8",
        "round9",
        "round10",
        "round10b",
        "round11",
        "round11b",
        "round12",
        "round12b",
        "round12c",
        "round12d",
        "round12e",
        "round13",
        "round13b",
        "round14c",
        "round14",
        "round14b",
        "round14d",
        "bulletins16",
        "bulletins16b",
        "round15a",
        "round15",
        "round15b",
        "round16",
        "round16b",
        "round17",
        "round18b",
        "round18",
        "round19",
        "round20",
        "round21",
        "round22",
        "round23",
        "round24",
        "round25",
        "round26",
        "round27",
        "round27b",
        "round28",
        "round29",
        "round30",
        "round31",
        "round33",
        "round32",
        "round31b",
        "bulletins34",
        "round34",
        "round35",
        "round36",
        "round37",
        "round37b",
    ],
)
def test_the_gold_is_what_the_annotation_builds(name):
    folder = PROBES / name
    assert (folder / "gold.jsonl").read_text(encoding="utf-8") == as_jsonl(build(folder))


@pytest.mark.parametrize("name", FLOORS)
def test_gold_names_the_table_knows_are_written_canonically(table, name):
    # the probe scorer compares names as written and the extractor writes the table's
    # canonical name: a gold record named by an alias (城镇新增就业 for 新增城镇就业) could
    # never be matched, however the figure is named
    aliased = [
        (r["indicator"], canonical)
        for r in load_gold(PROBES / name / "gold.jsonl")
        if (canonical := table.canonical(r["indicator"])) and canonical != r["indicator"]
    ]
    assert aliased == []


def test_the_bulletin_probe_documents_are_built_from_their_sources():
    from tests.data.probes.bulletins.build_probes import build as build_bulletin

    folder = PROBES / "bulletins"
    for source in sorted((folder / "source").glob("*.txt")):
        text, _ = build_bulletin(source)
        assert (folder / "docs" / source.name).read_text(encoding="utf-8") == text
