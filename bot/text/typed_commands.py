"""Pure: a message that means a command but did not reach the bot as one.

Telegram makes a message a command only when it starts with an ASCII ``/`` followed by
Latin letters and a space or the end. From a phone with a Chinese keyboard people send:

- ``／docs`` (the full-width slash of the Chinese layout) or ``、docs`` (the key that is
  ``/`` in English mode gives ``、`` in Chinese mode);
- ``/subscribe每周一`` (no space after the command: Telegram sees no command);
- ``/订阅 就业`` (the command's name in Chinese);
- ``帮助``, ``你好``, ``怎么订阅`` (asking, with no command at all);
- ``subscribe GDP`` (the command's name with no slash: a search for "subscribe");
- ``我订阅了什么``, ``下次推送是什么时候`` (asking what the chat is subscribed to);
- ``谁是管理员``, ``who are the admins`` (asking for the bot's admins: /admin list).

Each was searched as words (``你好`` was "corrected" to 利好). :func:`typed_command`
says which command was meant and how: ``typed`` when the command's own name was typed
(the interface runs it as if typed right), ``chinese`` for its name in Chinese (the
interface says which command to send), ``asked`` for a question or greeting (the
interface answers with the help, the command's usage or, for the subscriptions, the
list), ``bare`` for a command's name with no slash (the interface runs a command that
only reads, and says how to send one that changes something, without doing it).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

__all__ = ["TypedCommand", "closest_command", "typed_command"]


@dataclass(frozen=True, slots=True)
class TypedCommand:
    """The command ``name`` meant with its arguments ``args``, and ``how`` it was said:
    ``typed`` (its own name, a wrong slash or no space: running it is what was asked),
    ``chinese`` (``/订阅``), ``asked`` (``帮助``, ``怎么订阅``, ``我订阅了什么``), ``bare``
    (``subscribe GDP``: no slash; :attr:`reads_only` says whether running it is safe)."""

    name: str
    args: str
    how: Literal["typed", "chinese", "asked", "bare"]
    said: str = ""
    """The word typed for the command (``订阅`` of ``/订阅 就业``), for saying it back."""

    @property
    def reads_only(self) -> bool:
        """Whether the command only shows something: run on a guess (``targets GDP`` with
        no slash) it can cost nothing; one that changes state is never run on a guess."""
        return self.name in READ_ONLY


# Commands that change nothing: what a guess may run. Any other (subscribe, unsubscribe,
# region, lang, remove …) is only said back as the command to send.
READ_ONLY = frozenset(
    {
        "start", "help", "search", "docs", "doc", "targets", "compare", "subscriptions",
        "digest", "scorecard", "changes", "chart",
    }
)  # fmt: skip


# The slash as a Chinese keyboard types it: ASCII, full width, the enumeration comma of
# the / key in Chinese mode, a backslash.
_SLASH = "/／、\\＼"
_LATIN_COMMAND = re.compile(
    rf"^[{re.escape(_SLASH)}]\s*([A-Za-z][A-Za-z0-9_]*)(?:@[A-Za-z0-9_]+)?(.*)$", re.S
)

# The commands' names as a Chinese user says them (longest first where one holds another).
_CHINESE_NAMES: dict[str, str] = {
    "取消订阅": "unsubscribe",
    "退订": "unsubscribe",
    "我的订阅": "subscriptions",
    "订阅列表": "subscriptions",
    "订阅": "subscribe",
    "搜索": "search",
    "检索": "search",
    "查询": "search",
    "文件列表": "docs",
    "文件": "docs",
    "文库": "docs",
    "目标": "targets",
    "指标": "targets",
    "对比": "compare",
    "比较": "compare",
    "时区": "timezone",
    "语言": "lang",
    "预览": "digest",
    "简报": "digest",
    "暂停": "pause",
    "恢复": "resume",
    "帮助": "help",
    "说明": "help",
    "开始": "start",
}
_CHINESE_COMMAND = re.compile(
    rf"^[{re.escape(_SLASH)}]\s*({'|'.join(sorted(_CHINESE_NAMES, key=len, reverse=True))})(.*)$",
    re.S,
)

# A whole message asking for help or saying hello; or asking how to (un)subscribe. Only
# whole messages: 帮助 and 订阅 inside a query are words to search for (帮助企业纾困).
_HELP_MESSAGES = frozenset(
    {
        "帮助", "使用帮助", "使用说明", "说明", "怎么用", "如何使用", "怎么使用", "菜单",
        "你好", "您好", "在吗", "help", "hi", "hello", "start", "开始", "menu",
    }
)  # fmt: skip
_ASKING = re.compile(r"^(?:请问)?(?:怎么|如何|怎样|咋)(取消订阅|退订|订阅)(?:啊|呢|呀)?$")
# A whole message asking to pause, resume or re-time the digests (暂停推送, 怎么改推送时间:
# searched, "did you mean 推进、推动", user-trial16): the command's usage.
_ASKING_DIGESTS = re.compile(
    r"^(?:请问)?(?:我)?(?:想|要)?(?:怎么|如何|怎样|咋)?(?:才能|可以|能)?"
    r"(?:(暂停|停止|先停|恢复|重新开始|继续)(?:一下)?(?:推送|订阅|简报|发送)?"
    r"|(?:改|修改|更改|调整|换)(?:一下)?(?:推送|订阅|简报)(?:的)?(?:时间|日期)"
    r"|(?:推送|订阅|简报)(?:的)?时间(?:怎么|如何)?(?:改|修改|更改|调整))"
    r"(?:啊|呢|呀|吗)?$"
)
# A whole message asking to move the digests to a time (改成每周五下午五点推送, 推送时间改为
# 早上8点, 把简报换到周一: searched, admin-trial19): /reschedule's usage, which names the
# subscription's number it needs.
_RETIME = re.compile(
    r"^(?:请)?(?:帮我)?(?:把|将)?(?:推送|简报|订阅)?(?:的)?(?:时间)?"
    r"(?:改成|改为|改到|改在|换成|换到|调到|调整到|调整为|挪到)(?:每)?"
    r"(?:周|星期|礼拜|每天|天天|工作日|早上|上午|中午|下午|晚上|\d{1,2}(?:[:：]|点))"
    r"[^，。,]{0,16}?(?:推送|发送|发|推)?$"
)
_DIGEST_VERBS = {"暂停": "pause", "停止": "pause", "先停": "pause", "恢复": "resume"}
_DIGEST_VERBS |= {"重新开始": "resume", "继续": "resume"}
# said alone these are other things first (继续: the next page; 停止: stop anything)
_WORDS_ALONE = frozenset({"继续", "停止", "先停", "重新开始"})
_ENDING = "?？!！。.~～ "
# A whole message asking what the chat is subscribed to, or when the next digest comes.
_ASKING_SUBSCRIPTIONS = re.compile(
    r"^(?:请问)?(?:"
    r"(?:查看|看看|列出)?我的订阅(?:列表)?|(?:查看|看看|列出)订阅(?:列表)?|订阅列表"
    r"|我(?:都|已经)?订(?:阅)?了(?:什么|哪些|啥|几个)(?:订阅|内容)?|我订阅的(?:内容|东西|是什么)?"
    r"|下次(?:什么时候|几点|何时)?推送(?:是)?(?:什么时候|几点|何时|时间)?"
    r"|(?:什么时候|几点|何时)(?:推送|发推送|发简报)|推送时间"
    r")(?:啊|呢|呀|吗)?$"
)
# A whole message asking who the bot's admins are (谁是管理员: searched, and "corrected"
# to 管理云); answered by /admin list, which says itself who may see it.
_ASKING_ADMINS = re.compile(
    r"^(?:请问)?(?:"
    r"谁是管理员|管理员(?:是谁|有哪些|有谁|都有谁|列表|名单)|(?:有)?哪些(?:人是)?管理员"
    r"|(?:查看|看看|列出)管理员(?:列表|名单)?"
    r"|who(?: are|'re| is)? the (?:bot'?s )?admin(?:istrator)?s?|list (?:the )?admins"
    r")(?:啊|呢|呀|吗)?$"
)
# A whole message asking how one becomes an admin: the same list, whose refusal to a
# non-admin names the owners who add admins (怎么才能成为管理员 was searched, "corrected"
# to 管理云).
_ASKING_TO_BE_ADMIN = re.compile(
    r"^(?:请问)?(?:我)?(?:怎么|如何|怎样|咋)(?:才能|才可以|能|可以)?(?:成为|当|做|申请)管理员"
    r"|^(?:我)?(?:想|要|申请)(?:成为|当|做)?管理员|^(?:请)?(?:把我|将我)?(?:设|加|添加)(?:我)?(?:为|成)管理员"
    r"|^how (?:do i|can i|to) become an? admin"
)
# A whole message asking how to add a document to the library (怎么添加文件, 如何上传报告:
# searched, the bundled reports' passages on 文件 shown, user-trial16): /add's usage,
# which says to send the file (admins) or paste the text.
_ASKING_TO_ADD = re.compile(
    r"^(?:请问)?(?:我)?(?:要)?(?:怎么|如何|怎样|咋)(?:才能|才可以|能|可以)?(?:往文库里?|向文库)?"
    r"(?:添加|上传|导入|加入|增加|加|传|发|提交)(?:新的|一个|一份|一篇)?"
    r"(?:文件|文档|报告|材料|资料|政策文件)(?:到文库|进文库|到机器人)?"
    r"|^how (?:do i|can i|to) (?:add|upload) (?:a |new |my )?(?:documents?|files?|reports?)"
)
# A whole message asking what the bot does (你能做什么: searched, 你好 "corrected" to 利好).
_ASKING_ABILITIES = re.compile(
    r"^(?:(?:你好|您好|hi|hello)[,，!！\s]*)?(?:请问)?"
    r"(?:你|您|机器人|这个机器人|本机器人|政策简报机器人|这个bot|bot)?(?:都|还|主要)?"
    r"(?:(?:能|可以|会)(?:帮我|帮忙|为我)?(?:做|干|提供)?(?:些|点)?(?:什么|啥|哪些)(?:事情|事|功能|服务)?"
    r"|有(?:什么|哪些|啥)功能|(?:的)?功能(?:有哪些|是什么|介绍)|(?:怎么|如何)用)"
    r"(?:啊|呢|呀|吗)?"
    r"|^what can (?:you|this bot|the bot) do|^what do you do"
)
# A command's name with no slash, then its arguments: ``subscribe GDP``. Not an English
# sentence that opens with a command's word (``changes in the GDP target``,
# ``source of the data``): the words that glue a sentence keep it a search.
_BARE_COMMAND = re.compile(r"^([A-Za-z][A-Za-z_]*)(?:\s+(.*))?$", re.S)
_SENTENCE_WORDS = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "is", "are", "was",
        "what", "which", "how", "with", "by", "from", "about", "between", "vs", "versus",
        "this", "that", "its", "their", "my", "me", "i", "you", "do", "does",
    }
)  # fmt: skip
# Command names that are plain words first: typed with no slash they are not read as the
# command (``next`` alone asks for the next page more often than for /next's schedule).
_WORDS_FIRST = frozenset({"next"})


def typed_command(text: str, commands: Collection[str]) -> TypedCommand | None:
    """The command ``text`` (a whole message that Telegram did not mark as a command)
    means, or None for a message that is not one. ``commands``: the names the bot answers;
    a Latin name the bot does not know stays None (``、GDP``: searched as typed)."""
    said = text.strip()
    latin = _LATIN_COMMAND.match(unicodedata.normalize("NFKC", said[:1]) + said[1:])
    if latin and latin.group(1).lower() in commands:
        name = latin.group(1).lower()
        return TypedCommand(name, latin.group(2).strip(), "typed", latin.group(1))
    chinese = _CHINESE_COMMAND.match(said)
    if chinese:
        word = chinese.group(1)
        return TypedCommand(_CHINESE_NAMES[word], chinese.group(2).strip(), "chinese", word)
    whole = unicodedata.normalize("NFKC", said).strip(_ENDING).lower()
    if whole in _HELP_MESSAGES:
        return TypedCommand("help", "", "asked", said)
    asking = _ASKING.match(whole)
    if asking or whole in ("订阅", "取消订阅", "退订"):
        word = asking.group(1) if asking else whole
        return TypedCommand(_CHINESE_NAMES[word], "", "asked", said)
    digests = _ASKING_DIGESTS.match(whole)
    if digests and whole.rstrip("啊呢呀吗") not in _WORDS_ALONE:
        # 暂停推送 → /pause's usage; 怎么改推送时间 → /reschedule's, or /subscribe's (it
        # says how) where there is no /reschedule
        retime = "reschedule" if "reschedule" in commands else "subscribe"
        name = _DIGEST_VERBS[digests.group(1)] if digests.group(1) else retime
        return TypedCommand(name, "", "asked", said)
    if "reschedule" in commands and _RETIME.match(whole.rstrip("吧啊呀")):
        return TypedCommand("reschedule", "", "asked", said)
    if _ASKING_SUBSCRIPTIONS.match(whole):
        return TypedCommand("subscriptions", "", "asked", said)
    if "admin" in commands and _ASKING_ADMINS.match(whole):
        return TypedCommand("admin", "list", "asked", said)
    if "admin" in commands and _ASKING_TO_BE_ADMIN.fullmatch(whole.rstrip(_ENDING + "呢啊呀吗")):
        # ``who``: the list, and to a non-admin whom to ask (the command's own refusal
        # stays the one line every admin command gives)
        return TypedCommand("admin", "who", "asked", said)
    if "add" in commands and _ASKING_TO_ADD.fullmatch(whole.rstrip(_ENDING + "呢啊呀吗")):
        return TypedCommand("help", "add", "asked", said)
    if _ASKING_ABILITIES.fullmatch(whole.rstrip(_ENDING)):
        return TypedCommand("help", "", "asked", said)
    bare = _BARE_COMMAND.match(unicodedata.normalize("NFKC", said))
    if (
        bare
        and bare.group(1).lower() in commands
        and bare.group(1).lower() not in _WORDS_FIRST
        and not _SENTENCE_WORDS.intersection(re.findall(r"[a-z]+", (bare.group(2) or "").lower()))
    ):
        return TypedCommand(bare.group(1).lower(), (bare.group(2) or "").strip(), "bare", said)
    return None


# Names other bots and apps give what a command here does: /schedule 9:00 (a digest's
# time is set with /subscribe) was "unknown command" with nothing said of where it goes.
_OTHER_NAMES: dict[str, str] = {
    "schedule": "subscribe",
    "alert": "subscribe",
    "alerts": "subscribe",
    "remind": "subscribe",
    "reminder": "subscribe",
    "notify": "subscribe",
    "schedules": "subscriptions",
    "mysubscriptions": "subscriptions",
    "find": "search",
    "query": "search",
    "lookup": "search",
    "unsub": "unsubscribe",
    "delete": "remove",
    "del": "remove",
    "rm": "remove",
    "retime": "reschedule",
    "settime": "reschedule",
    "changetime": "reschedule",
    # a document's year or place guessed wrong (trial21: /setyear 规划.docx 2025)
    "setyear": "meta",
    "setregion": "meta",
    "setmeta": "meta",
    "metadata": "meta",
    "correct": "meta",
}
# Names for changing something, which with a subscription's number first mean its time
# (``/schedule 1 08:00``, ``/edit 1 每周五 17:00``): read as /subscribe, the number was
# subscribed to as a keyword (admin-trial19).
_CHANGING = frozenset({"schedule", "edit", "change", "modify", "update", "subscribe"})
_NUMBER_FIRST = re.compile(r"^\s*(?:@\w+\s+)?#?\d{1,9}\s+\S")


def closest_command(name: str, commands: Collection[str], args: str = "") -> str | None:
    """The command ``name`` (an unknown command, ``targes``) was most likely meant to be:
    the one another app names so (``schedule``: ``subscribe``), else by spelling
    (``targets``, and ``schedual`` of ``schedule``); None when none is close (``foo``).
    ``args``: what was typed after it; a subscription's number and more after a name for
    changing or scheduling (``/schedule 1 08:00``) means ``/reschedule``."""
    if "reschedule" in commands and _NUMBER_FIRST.match(args):
        close = difflib.get_close_matches(name.lower(), sorted(_CHANGING), n=1, cutoff=0.75)
        if close:
            return "reschedule"
    names = {c: c for c in commands}
    names.update({o: c for o, c in _OTHER_NAMES.items() if c in commands and o not in names})
    found = difflib.get_close_matches(name.lower(), sorted(names), n=1, cutoff=0.75)
    return names[found[0]] if found else None
