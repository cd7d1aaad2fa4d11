"""The core's bookkeeping of a text pasted in several messages (``bot.text.pasted_parts``),
on invented texts and invented Telegram dates: which message is the next part of which
text, in what order the parts join, when a text is no longer joined to, how many chats
are remembered."""

from __future__ import annotations

import pytest

from bot.text.pasted import CUT_MIN_CHARS, PART_WINDOW_SECONDS
from bot.text.pasted_parts import LastPart, PastedMessage, PastedParts

CHAT, USER = 501, 77
T0 = 1_800_000_000.0
# invented parts of one long notice, as a client cuts it: the first two near the limit
FIRST = "某市2030年农村供水保障方案\n" + "全市农村自来水普及率达到98%，供水覆盖率提升。\n" * 130
SECOND = "二、保障措施\n" + "各县区落实水源保护责任，每年开展水质检测不少于两次。\n" * 130
THIRD = "本方案自印发之日起施行。"


def _msg(text: str, seconds: float, message_id: int) -> PastedMessage:
    return PastedMessage(text, T0 + seconds, message_id)


def test_the_invented_parts_are_as_long_as_cut_ones() -> None:
    assert len(FIRST.strip()) >= CUT_MIN_CHARS and len(SECOND.strip()) >= CUT_MIN_CHARS
    assert len(THIRD) < CUT_MIN_CHARS


def test_parts_in_order_join_after_the_text_kept() -> None:
    parts = PastedParts()
    parts.keep(CHAT, USER, "tok1", _msg(FIRST, 0, 10))
    joining = parts.follows(CHAT, USER, _msg(SECOND, 1, 11))
    assert joining is not None and not joining.earlier and joining.token == "tok1"
    assert joining.whole(FIRST) == FIRST.rstrip("\n") + "\n" + SECOND
    assert joining.filename is None  # the first line is still the first part's
    assert joining.last == LastPart("tok1", len(SECOND.strip()), T0 + 1, 11)
    # nothing remembered until the text took the part
    assert parts.last(CHAT, USER) == LastPart("tok1", len(FIRST.strip()), T0, 10)
    parts.joined(joining, taken=True)
    assert parts.last(CHAT, USER) == joining.last
    # the third follows the second (as long as a cut one), not the first
    third = parts.follows(CHAT, USER, _msg(THIRD, 2, 12))
    assert third is not None and not third.earlier
    parts.joined(third, taken=True)
    # after a short part, nothing more is joined: it was the text's end
    assert parts.follows(CHAT, USER, _msg("还有一句。", 3, 13)) is None


def test_a_later_part_kept_first_is_joined_before() -> None:
    """The second part was handled first (kept as a text of its own); the first comes
    after it: it goes before, renames the text by its first line, and the text's last
    part stays the second, which the third then follows."""
    parts = PastedParts()
    parts.keep(CHAT, USER, "tok2", _msg(SECOND, 1, 11))
    joining = parts.follows(CHAT, USER, _msg(FIRST, 0, 10))
    assert joining is not None and joining.earlier
    assert joining.whole(SECOND) == FIRST.rstrip("\n") + "\n" + SECOND
    assert joining.filename == "某市2030年农村供水保障方案.txt"
    assert joining.last == LastPart("tok2", len(SECOND.strip()), T0 + 1, 11)
    parts.joined(joining, taken=True)
    third = parts.follows(CHAT, USER, _msg(THIRD, 2, 12))
    assert third is not None and not third.earlier and third.token == "tok2"


def test_an_earlier_part_must_itself_be_as_long_as_a_cut_one() -> None:
    parts = PastedParts()
    parts.keep(CHAT, USER, "tok", _msg(SECOND, 1, 11))
    # a short message with a lower id was no part cut from this text: it was sent whole
    assert parts.follows(CHAT, USER, _msg(THIRD, 0, 10)) is None
    # nor one sent long before
    late = PART_WINDOW_SECONDS + 1
    assert parts.follows(CHAT, USER, _msg(FIRST, 1 - late, 10)) is None


@pytest.mark.parametrize("seconds", [PART_WINDOW_SECONDS + 0.5, 60, -1])
def test_a_message_out_of_the_window_stands_alone(seconds: float) -> None:
    parts = PastedParts()
    parts.keep(CHAT, USER, "tok", _msg(FIRST, 0, 10))
    assert parts.follows(CHAT, USER, _msg(SECOND, seconds, 11)) is None


def test_a_message_after_a_short_text_stands_alone() -> None:
    parts = PastedParts()
    parts.keep(CHAT, USER, "tok", _msg(THIRD, 0, 10))
    assert parts.follows(CHAT, USER, _msg(SECOND, 1, 11)) is None


def test_an_expired_or_added_text_is_forgotten() -> None:
    """The text was added (its button pressed) or expired on disk between the part's
    decision and its joining: the part stands alone and the chat's text is forgotten, so
    the part after it is not joined to a text that is gone."""
    parts = PastedParts()
    parts.keep(CHAT, USER, "gone", _msg(FIRST, 0, 10))
    joining = parts.follows(CHAT, USER, _msg(SECOND, 1, 11))
    assert joining is not None
    parts.joined(joining, taken=False)
    assert parts.last(CHAT, USER) is None
    assert parts.follows(CHAT, USER, _msg(THIRD, 2, 12)) is None


def test_texts_are_kept_per_chat_and_sender() -> None:
    parts = PastedParts()
    parts.keep(CHAT, USER, "mine", _msg(FIRST, 0, 10))
    assert parts.follows(CHAT, USER + 1, _msg(SECOND, 1, 11)) is None
    assert parts.follows(CHAT + 1, USER, _msg(SECOND, 1, 11)) is None
    # a new paste in the chat replaces the text its parts join
    parts.keep(CHAT, USER, "next", _msg(SECOND, 30, 20))
    joining = parts.follows(CHAT, USER, _msg(THIRD, 31, 21))
    assert joining is not None and joining.token == "next"


def test_the_chats_kept_are_bounded_the_least_recent_first() -> None:
    parts = PastedParts(kept=3)
    for chat in (1, 2, 3):
        parts.keep(chat, USER, f"t{chat}", _msg(FIRST, chat, 10))
    # chat 1 joins a part: now the most recent; a fourth chat forgets chat 2
    joining = parts.follows(1, USER, _msg(SECOND, 2, 11))
    assert joining is not None
    parts.joined(joining, taken=True)
    parts.keep(4, USER, "t4", _msg(FIRST, 4, 10))
    assert len(parts) == 3
    assert parts.last(2, USER) is None
    assert [parts.last(c, USER).token for c in (1, 3, 4)] == ["t1", "t3", "t4"]
    # a chat already remembered pasting again forgets nobody
    parts.keep(3, USER, "t3b", _msg(FIRST, 5, 12))
    assert len(parts) == 3 and parts.last(1, USER) is not None


def test_a_bound_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        PastedParts(kept=0)
