"""Which settings the chat may change (``/config set KEY VALUE``) and what values they take.

A key is normalised and checked (:func:`check_key`, with a suggestion for a near miss); a
value typed in the chat is validated by :class:`~bot.config.Settings` itself (its field
constraints and validators, via pydantic's ``validate_assignment``), so the chat accepts
exactly what a config file would, and a refusal is a :class:`SettingError` a chat user can
act on. :mod:`bot.admin.runtime` keeps and applies the values (and re-exports these names).
"""

from __future__ import annotations

import unicodedata
from typing import Any, Literal, get_args, get_origin

from annotated_types import Ge, Gt, Le, Lt
from pydantic import ValidationError

from bot.config import Settings
from bot.errors import CodedError
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.text.echo import said_back

# The only settings the chat may change; what each is: the catalogue's ``settings.<key>``
# (:func:`setting_description`).
RUNTIME_KEYS: tuple[str, ...] = (
    "default_digest_time",
    "default_timezone",
    "results_per_page",
    "snippet_chars",
    "fuzzy_threshold",
    "max_query_chars",
    "digest_cap",
    "digest_grace_hours",
    "delivery_uncertain",
    "flood_rate",
    "flood_burst",
)

RAW_VALUE_MAX_CHARS = 200
_SUGGEST_CUTOFF = 60


class SettingError(CodedError):
    """A refused ``/config`` change: a ``setting.*`` code for the chat, a Chinese / English
    sentence for logs and the command line."""


def setting_description(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """What the runtime setting ``key`` is, in ``lang``; ``""`` for any other key."""
    return tr(lang, f"settings.{key}") if key in RUNTIME_KEYS else ""


def settable_keys_text() -> str:
    return ", ".join(RUNTIME_KEYS)


def normalise_key(key: str) -> str:
    """``" Results-Per-Page"`` -> ``"results_per_page"``."""
    return unicodedata.normalize("NFKC", key).strip().lower().replace("-", "_")


def check_key(key: str) -> str:
    """The normalised key if it may be set from the chat; SettingError (with a hint) if not."""
    if not isinstance(key, str):
        raise TypeError(f"key must be a str, not {type(key).__name__}")
    name = normalise_key(key)
    if name in RUNTIME_KEYS:
        return name
    shown = said_back(name)
    if name in Settings.model_fields or name in {"token", "bot_token", "telegram_bot_token"}:
        raise SettingError(
            f"“{shown}”不能在聊天中修改（请改配置文件或环境变量）/ {shown} cannot be changed "
            f"from the chat (use the config file or the environment). "
            f"可修改 / settable: {settable_keys_text()}",
            "setting.not_settable",
            key=shown,
            settable=settable_keys_text(),
        )
    hint = ""
    try:
        from rapidfuzz import fuzz, process

        match = process.extractOne(
            name, list(RUNTIME_KEYS), scorer=fuzz.WRatio, score_cutoff=_SUGGEST_CUTOFF
        )
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency
        match = None
    if match is not None:
        hint = f"你是不是想输入 / did you mean: {match[0]}? "
    raise SettingError(
        f"未知的设置“{shown}” / unknown setting {shown!r}. {hint}"
        f"可修改 / settable: {settable_keys_text()}",
        "setting.unknown_suggest" if match is not None else "setting.unknown",
        key=shown,
        suggestion=match[0] if match is not None else "",
        settable=settable_keys_text(),
    )


# -- validation ---------------------------------------------------------------------------------
def _bounds(key: str) -> list[str]:
    """The field's bounds, each an operator and a number: ``["≥ 1", "≤ 50"]``."""
    parts = []
    ops = ((Ge, "ge", "≥"), (Gt, "gt", ">"), (Le, "le", "≤"), (Lt, "lt", "<"))
    for item in Settings.model_fields[key].metadata:
        for kind, attr, op in ops:
            if isinstance(item, kind):
                parts.append(f"{op} {getattr(item, attr):g}")
    return parts


def _range_text(key: str) -> tuple[str, str]:
    """The field's bounds, e.g. ``("≥ 1 且 ≤ 50", "≥ 1 and ≤ 50")``."""
    parts = _bounds(key)
    return " 且 ".join(parts), " and ".join(parts)


# The refusal of a field validator of ``bot.config.Settings`` (an English sentence, kept in
# the log line) as the catalogue's code: said in the reader's language in the chat.
_VALIDATOR_CODES = {
    "default_digest_time": "setting.not_a_time",
    "default_timezone": "setting.not_a_timezone",
    "source_default_every": "setting.not_an_interval",
}


def _range_code(key: str) -> tuple[str, dict[str, str]]:
    """``setting.out_of_range`` with the field's two bounds (``low`` ≥ 1, ``high`` ≤ 50),
    each an operator and a number, the same in every language; one bound alone:
    ``setting.out_of_bound``."""
    parts = _bounds(key)
    if len(parts) == 2:
        return "setting.out_of_range", {"low": parts[0], "high": parts[1]}
    return "setting.out_of_bound", {"bound": parts[0] if parts else ""}


def _choices(key: str) -> str:
    """The values a ``Literal`` field takes, ``resend, skip``; ``""`` for other fields."""
    annotation = Settings.model_fields[key].annotation
    if get_origin(annotation) is not Literal:
        return ""
    return ", ".join(str(choice) for choice in get_args(annotation))


def _readable(key: str, raw: Any, exc: ValidationError) -> SettingError:
    """One line a chat user can act on, instead of pydantic's report."""
    shown = said_back(str(raw))
    reasons = []
    codes: list[tuple[str, dict[str, str]]] = []
    for error in exc.errors(include_url=False):
        kind = error.get("type", "")
        if kind == "int_parsing" or kind == "int_from_float" or kind == "int_type":
            reasons.append("须为整数 / must be a whole number")
            codes.append(("setting.not_integer", {}))
        elif kind in ("float_parsing", "float_type", "finite_number"):
            reasons.append("须为数字 / must be a number")
            codes.append(("setting.not_number", {}))
        elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            zh, en = _range_text(key)
            reasons.append(f"须 {zh} / must be {en}")
            codes.append(_range_code(key))
        elif kind == "value_error":
            detail = str(error.get("msg", "")).removeprefix("Value error, ")
            reasons.append(detail)
            codes.append((_VALIDATOR_CODES.get(key, "setting.invalid"), {"detail": detail}))
        elif kind == "literal_error" and (choices := _choices(key)):
            reasons.append(str(error.get("msg", kind)))
            codes.append(("setting.one_of", {"choices": choices}))
        elif kind in ("string_type",):
            reasons.append("须为文本 / must be text")
            codes.append(("setting.not_text", {}))
        else:
            reasons.append(str(error.get("msg", kind)))
            codes.append(("setting.invalid", {"detail": str(error.get("msg", kind))}))
    code, params = codes[0] if codes else ("setting.invalid", {"detail": ""})
    return SettingError(
        f"{key} 的值“{shown}”无效 / invalid value for {key}: {'; '.join(reasons)}",
        code,
        key=key,
        value=shown,
        **params,
    )


def validate_value(key: str, value: Any, base: Settings | None = None) -> Any:
    """``value`` for ``key`` as ``Settings`` would accept it (normalised), or SettingError.

    Runs the field's constraints and validators (e.g. ``_timezone``) on a copy of
    ``base``; nothing is changed.
    """
    if key not in Settings.model_fields:
        raise SettingError(
            f"未知的设置 / unknown setting {key!r}",
            "setting.unknown",
            key=key,
            suggestion="",
            settable=settable_keys_text(),
        )
    copy = (base if base is not None else Settings.model_construct()).model_copy()
    try:
        Settings.__pydantic_validator__.validate_assignment(copy, key, value)
    except ValidationError as exc:
        raise _readable(key, value, exc) from None
    return getattr(copy, key)


def parse_value(key: str, raw: str, base: Settings | None = None) -> Any:
    """A chat-typed value (full-width digits and colons allowed) validated for ``key``."""
    if not isinstance(raw, str):
        raise TypeError(f"raw value must be a str, not {type(raw).__name__}")
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        raise SettingError(
            f"{key} 缺少值 / a value for {key} is missing", "setting.missing", key=key
        )
    if len(text) > RAW_VALUE_MAX_CHARS:
        raise SettingError(
            f"{key} 的值太长 / the value for {key} is too long", "setting.too_long", key=key
        )
    return validate_value(key, text, base)
