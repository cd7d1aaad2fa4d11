"""/admin list names the admin who added another: the name kept when they did (migration
0013), else the username the list knows now, else the numeric id of someone never seen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from bot.admin import Admin, AdminStore
from bot.admin.store import actor_name
from bot.storage import Database
from bot.storage.models import ADDER_NAME_MAX_CHARS
from handlers.format.admin import admins_list
from tests.conftest import utc_literal

OWNER = 5001
AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("full_name", "username", "named"),
    [
        ("Wang Fang", "wangfang_gz", "@wangfang_gz"),
        ("Wang Fang", "@wangfang_gz ", "@wangfang_gz"),
        ("王  芳 ", None, "王 芳"),  # no username: the Telegram name, spaces as one
        ("王芳", "  ", "王芳"),
        ("", None, None),  # nothing known: the list shows the id
        (None, None, None),
        ("李\x00四", None, "李四"),  # what the database cannot keep is dropped
    ],
)
def test_actor_name(full_name, username, named):
    assert actor_name(full_name, username) == named


def test_a_long_name_is_cut_to_what_the_column_keeps():
    assert actor_name("长" * 300, None) == "长" * ADDER_NAME_MAX_CHARS


def test_the_store_keeps_the_first_adders_name(db, clock):
    admins = AdminStore(db, [OWNER, 5002], clock=clock)
    first = admins.add(42, username="li_si", added_by=OWNER, added_by_name="@zhang_owner")
    assert (first.added_by, first.added_by_name) == (OWNER, "@zhang_owner")
    again = admins.add(42, added_by=5002, added_by_name="@other_owner")  # first add kept
    assert (again.added_by, again.added_by_name) == (OWNER, "@zhang_owner")
    assert admins.get(42).added_by_name == "@zhang_owner"
    (listed,) = [a for a in admins.list() if not a.is_owner]
    assert listed.added_by_name == "@zhang_owner"
    assert admins.add(43, added_by=OWNER).added_by_name is None  # a caller that knows no name


def _admin(user_id, username=None, added_by=None, added_by_name=None, owner=False) -> Admin:
    return Admin(user_id, username, added_by, None if owner else AT, owner, added_by_name)


@pytest.mark.parametrize(
    ("lang", "kept", "known", "never_seen"),
    [
        ("zh", "，由 王芳（5001）添加", "，由 @zhang_owner（5002）添加", "，由 5003 添加"),
        ("en", ", by 王芳 (5001)", ", by @zhang_owner (5002)", ", by 5003"),
    ],
)
def test_the_list_names_the_adder(lang, kept, known, never_seen):
    listed = [
        _admin(5001, owner=True),
        _admin(5002, username="zhang_owner", owner=True),
        _admin(42, "li_si", added_by=5001, added_by_name="王芳"),  # kept when added
        _admin(43, added_by=5002),  # added before names were kept: the owner's username now
        _admin(44, added_by=5003),  # an adder the bot never saw: the id, as before
        _admin(45, added_by=5001, added_by_name="<b>&"),  # a name is text, not markup
        _admin(46),  # no adder recorded
    ]
    lines = admins_list(listed, "Asia/Shanghai", lang).split("\n")
    assert lines[3].endswith(kept + ("）" if lang == "zh" else ")"))
    assert known in lines[4]
    assert never_seen in lines[5] and "@" not in lines[5]
    assert "&lt;b&gt;&amp;" in lines[6] and "<b>&" not in lines[6]
    assert "5001" not in lines[7] and ("由" not in lines[7] and ", by" not in lines[7])


def test_migration_0013_keeps_the_admins_and_names_nobody_it_did_not_know(db_url):
    db = Database(db_url)
    try:
        db.upgrade("0012")
        at = utc_literal(db, "2026-03-01 08:00:00.000000")
        with db.engine.begin() as conn:  # plain SQL for the 0012 schema
            conn.execute(
                text(
                    "INSERT INTO admins (user_id, username, added_by, added_at) VALUES "
                    "(42, 'li_si', :owner, :at), (43, NULL, NULL, :at)"
                ),
                {"owner": OWNER, "at": at},
            )
        db.upgrade("0013")
        assert db.current_revision() == "0013"
        admins = AdminStore(db, [OWNER])
        stored = {a.user_id: a for a in admins.list() if not a.is_owner}
        assert sorted(stored) == [42, 43]
        assert (stored[42].username, stored[42].added_by, stored[42].added_by_name) == (
            "li_si",
            OWNER,
            None,
        )
        assert stored[42].added_at == datetime(2026, 3, 1, 8, tzinfo=UTC)
        shown = admins_list(admins.list(), "Asia/Shanghai", "en")
        assert f", by {OWNER})" in shown  # nobody knew the name then: the id, as before
        admins.add(44, added_by=OWNER, added_by_name="@zhang_owner")
        db.downgrade("0012")  # and back: the column goes, the admins stay
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT user_id, added_by FROM admins ORDER BY user_id"))
            assert [tuple(r) for r in rows] == [(42, OWNER), (43, None), (44, OWNER)]
    finally:
        db.close()
