"""What a figure measures: the indicator name, and the verb that governs it.

For each figure of a sentence (see :mod:`bot.targets.numbers`) the name is looked for

* before the figure, in the same clause (``规模以上工业增加值增长11.5%``,
  ``新增城镇就业10.9万人``);
* after it, for counts and physical sizes (``新增1家国家级工业设计中心``,
  ``建设20万吨高端轻量化铝材项目``);
* in the previous figure of the sentence when the clause only has a verb or an
  attribute (``完成一般公共预算收入673.9亿元，增长6.1%``, ``实施40个重点交通项目，
  完成投资309亿元`` -> 重点交通项目完成投资);
* in a list the figures are paired with (``港口货物吞吐量、集装箱吞吐量分别达到4.9亿吨、
  463万标箱``; ``城乡低保标准分别提高5%和7.4%`` -> 城镇…, 农村…).

Known names are mapped to their canonical form with the indicator table (aliases,
longest match nearest the figure, refusing an alias that cannot carry the unit).
Unknown names are the document's own words with verbs, time and scope words removed,
so unseen documents still get a usable name.

The package, one job per module; each imports only from the ones listed before it:

* :mod:`~bot.targets.naming.words`: jieba's segmentation, word bounds, verbs, what a
  name is;
* :mod:`~bot.targets.naming.clean`: :func:`strip_noise`, :func:`clean_name`;
* :mod:`~bot.targets.naming.list_leads`: a partner or a channel said before a list's
  first item, for every item;
* :mod:`~bot.targets.naming.zones`: the zone a sentence describes, for its bare areas;
* :mod:`~bot.targets.naming.averages`: averages over one set, clause after clause;
* :mod:`~bot.targets.naming.sectors`: the field of firms counted by their technology;
* :mod:`~bot.targets.naming.scales`: counts of scale classes listed before their kind;
* :mod:`~bot.targets.naming.capacity`: yearly capacities (年产…的制造能力);
* :mod:`~bot.targets.naming.awards`: awards and subsidies a plan gives (给予…奖励);
* :mod:`~bot.targets.naming.states`: a state of one measure, then the next's figure;
* :mod:`~bot.targets.naming.listings`: firms counted by where they list (…上市企业);
* :mod:`~bot.targets.naming.part_shares`: a part's bare share of its whole (其中…占比);
* :mod:`~bot.targets.naming.said_shares`: a share said with a bare 占 (…中，Y占到三分之一);
* :mod:`~bot.targets.naming.alternates`: a short alternate inside a word keeps its brackets
  (执业（助理）医师);
* :mod:`~bot.targets.naming.reach`: the share of places a network reaches (通达…的市县);
* :mod:`~bot.targets.naming.funds`: money sized before a fund (设立总规模…的…基金);
* :mod:`~bot.targets.naming.programmes`: programmes counted inside their name (实施…
  九项重点工程);
* :mod:`~bot.targets.naming.abbreviations`: things counted under the short name given
  them (以下简称“…”);
* :mod:`~bot.targets.naming.topic`: the document's place as a sentence's topic;
* :mod:`~bot.targets.naming.modifiers`: kinds listed before the thing (侵入式、半侵入式…);
* :mod:`~bot.targets.naming.clauses`: clause bounds, verbs and attributes of a clause;
  :mod:`~bot.targets.naming.after_count`: the noun after a figure;
  :mod:`~bot.targets.naming.counted_predicates`: what counted things did, narrowing them;
  :mod:`~bot.targets.naming.list_items`: list splitting;
* :mod:`~bot.targets.naming.resolve`: names against the indicator table (:func:`lookup`,
  :func:`compatible`);
* :mod:`~bot.targets.naming.confidence`: :func:`name_confidence` and the reader-trust
  checks;
* :mod:`~bot.targets.naming.forms_compare`, :mod:`~bot.targets.naming.forms_lists`,
  :mod:`~bot.targets.naming.forms_phrases`, :mod:`~bot.targets.naming.forms_number`: the
  forms of a figure, mixins of the sentence namer;
  :mod:`~bot.targets.naming.count_names_after`: a count's name read after it;
  :mod:`~bot.targets.naming.measure_words`: 人数, 户, 面积, 里程 after an activity;
  :mod:`~bot.targets.naming.openings`: the sector, contributor, measure a sentence opens with;
* :mod:`~bot.targets.naming.sentence`: :func:`name_figures` over one sentence.
"""

from bot.targets.naming.clauses import MAX_CLAUSE_LOOKBACK, clause_end, clause_start, predicated
from bot.targets.naming.clean import clean_name, strip_noise
from bot.targets.naming.confidence import (
    LOW,
    a_share_of_nothing,
    carries_its_unit,
    counts_a_quality,
    counts_people_of_a_thing,
    counts_the_noun_after,
    counts_things_named_by_people,
    cuts_a_word,
    money_named_by_a_thing,
    name_confidence,
)
from bot.targets.naming.resolve import compatible, lookup
from bot.targets.naming.sentence import Named, NamingContext, clear_caches, name_figures
from bot.targets.naming.words import plain_verbs, word_bounds, word_end

__all__ = [
    "LOW",
    "MAX_CLAUSE_LOOKBACK",
    "Named",
    "NamingContext",
    "a_share_of_nothing",
    "carries_its_unit",
    "clause_end",
    "clause_start",
    "clean_name",
    "clear_caches",
    "compatible",
    "counts_a_quality",
    "counts_people_of_a_thing",
    "counts_the_noun_after",
    "counts_things_named_by_people",
    "cuts_a_word",
    "lookup",
    "money_named_by_a_thing",
    "name_confidence",
    "name_figures",
    "plain_verbs",
    "predicated",
    "strip_noise",
    "word_bounds",
    "word_end",
]
