"""What ``trial-left12``, ``user-trial12`` and ``card-region`` (``bench/RESULTS.md``) left,
through the fake Bot API server (the real Application, as ``tests/e2e.py`` drives it), and
unit cases on invented text: places stored in English or pinyin, a report pasted in
several messages, a county and its province subscribed, the way to become an admin."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from bot.digest.filters import format_filter, parse_filter
from bot.storage import Database
from bot.storage.db import MIGRATIONS_DIR
from bot.subscriptions.commands import typed_filter
from tests.conftest import utc_literal


def _migration(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name[:4], MIGRATIONS_DIR / "versions" / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- places stored in English or pinyin ---------------------------------------------------------
def test_migration_0017_writes_stored_latin_places_as_subscribe_reads_them_now(db_url) -> None:
    """Subscriptions stored with ``Shandong GDP`` (a keyword: nothing about 山东 came) or
    ``region:Shandong`` (said back as "地区：Shandong") read after 0017 as ``/subscribe``
    reads the same words now; what the reader cannot read stays. Every other column and
    every id is kept; downgrade keeps the rows."""
    from sqlalchemy import text

    stored = {  # id -> the filter as the writer of then stored it
        3: "Shandong GDP",
        4: "GDP shandong kind:all",  # lower case: a province's name is read so too
        5: "region:Shandong",
        6: "region:sichuan",
        7: "Beijing Shanghai 就业 year:2025",
        8: "GDP region:“Inner Mongolia”",
        9: "Kaili 财政收入 value:>5",  # a county one place carries
        10: "region:Pengxi",  # a county after region:
    }
    left = {
        11: "Jiangsu region:Suzhou",  # typed region:Suzhou Jiangsu: a name two places share
        12: "Suzhou GDP",  # shared, nothing tells which
        13: "GDP heping",  # an English word, a county's name only capitalised
        14: "GDP Changan",  # a county's name several carry
        15: "+Sichuan GDP",  # a required word: left, as 0016 left +四川
        16: "GDP Guangdong region:广州",  # a region named already: the province says where
        17: "housing GDP",  # no place at all
    }
    told = {3: "Shandong GDP", 12: "Suzhou GDP"}
    db = Database(db_url)
    try:
        db.upgrade("0016")
        at = utc_literal(db, "2025-03-01 00:00:00.000000")
        with db.engine.begin() as conn:
            for sub_id, filter_text in (stored | left).items():
                conn.execute(
                    text(
                        "INSERT INTO subscriptions (id, chat_id, chat_type, chat_title, "
                        "created_by, filter_text, schedule_kind, schedule_expr, timezone, "
                        "quiet_when_empty, active, paused, deactivated_reason, "
                        "last_delivered_at, created_at, updated_at, nothing_told_filter) "
                        "VALUES (:id, :chat, 'private', NULL, 7, :filter, 'daily', '08:00', "
                        "'Asia/Shanghai', FALSE, TRUE, FALSE, NULL, :at, :at, :at, :told)"
                    ),
                    {
                        "id": sub_id,
                        "chat": 40 + sub_id,
                        "filter": filter_text,
                        "at": at,
                        "told": told.get(sub_id),
                    },
                )

        def rows() -> dict[int, dict]:
            with db.engine.connect() as conn:
                found = conn.execute(text("SELECT * FROM subscriptions")).mappings()
                return {row["id"]: dict(row) for row in found}

        before = rows()
        db.upgrade("0017")
        after = rows()
        assert after.keys() == before.keys()
        filters = ("filter_text", "nothing_told_filter")
        for sub_id, row in after.items():
            rest = {k: v for k, v in row.items() if k not in filters}
            assert rest == {k: v for k, v in before[sub_id].items() if k not in filters}
        # what /subscribe stores for the same words today
        now = {i: format_filter(parse_filter(typed_filter(t))) for i, t in stored.items()}
        assert {i: after[i]["filter_text"] for i in stored} == now
        assert after[3]["filter_text"] == "GDP region:山东"
        assert after[3]["nothing_told_filter"] == "GDP region:山东"
        assert after[4]["filter_text"] == "GDP region:山东 kind:all"
        assert after[5]["filter_text"] == "region:山东"
        assert after[7]["filter_text"] == "就业 region:北京 region:上海 year:2025"
        assert after[8]["filter_text"] == "GDP region:内蒙古"
        assert after[9]["filter_text"] == "财政收入 region:凯里 value:>5"
        assert after[10]["filter_text"] == "region:蓬溪"
        for untouched in left:
            assert after[untouched] == before[untouched], untouched
        db.downgrade("0016")  # the rows stay as written
        assert {i: r["filter_text"] for i, r in rows().items()} == {
            i: r["filter_text"] for i, r in after.items()
        }
    finally:
        db.close()


def test_the_frozen_latin_names_are_read_as_the_core_reads_them_today() -> None:
    """0017 writes nothing ``/subscribe`` would not: every English or pinyin name it holds
    is read, capitalised and in lower case, bare and after ``region:``, as the core's
    place reader reads it today; and every province's and prefecture-level city's Latin
    name the core reads is among them."""
    from bot.corpus.gazetteer import default_gazetteer, latin_names, region_words
    from bot.subscriptions.commands import places_as_regions

    module = _migration("0017_subscription_latin_places.py")
    gazetteer = default_gazetteer()
    for key, (short, capital_only, as_keyword) in module.NAMES.items():
        for typed in (key.capitalize(), key):
            read = not (capital_only and typed == key)
            bare = places_as_regions([typed], gazetteer) == [f"region:{short}"]
            assert bare == (read and as_keyword), (typed, short)
            assert module.latin_place(typed, bare=True) == (short if bare else None)
            after_region = region_words(typed) == [short]
            assert after_region == read, (typed, short)
            assert module.latin_place(typed, bare=False) == (short if read else None)
    levels = {p.short: p.level for p in gazetteer.by_code.values()}
    wider = {k for k, (short, _, _) in latin_names().items() if levels.get(short) != "county"}
    assert len(wider) > 300 and wider <= module.NAMES.keys()
    assert module.latin_place("Sichuan Province", bare=False) == "四川"
    assert module.latin_place("Sichuan Province", bare=True) is None  # two keywords then
    assert module.rewritten("subscriptions.filter_text #0：碳达峰 “引号” 'q' 📭") is None
    assert module.rewritten("") is None and module.rewritten(None) is None
