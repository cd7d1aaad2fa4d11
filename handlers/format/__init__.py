"""What the bot sends, as Telegram HTML: pure functions from core results to messages.

One module per concern: :mod:`~handlers.format.html` (escaping, splitting, callback data
limits: the conventions every other module follows), :mod:`~handlers.format.search`,
:mod:`~handlers.format.documents`, :mod:`~handlers.format.targets`,
:mod:`~handlers.format.help`, :mod:`~handlers.format.subscriptions`,
:mod:`~handlers.format.admin` and :mod:`~handlers.format.admin_documents`. The names
below are the everyday ones (search, documents, targets, help), for
``from handlers import format as fmt``.
"""

from handlers.format.documents import (
    doc_facts,
    doc_messages,
    docs_messages,
    document_not_found,
)
from handlers.format.help import command_usage_html, help_html, typed_command_hint
from handlers.format.html import (
    CALLBACK_LIMIT,
    TELEGRAM_LIMIT,
    escape,
    highlight_html,
    shown,
    split_html,
    utf16_len,
)
from handlers.format.search import (
    PAGE_PATTERN,
    PASSAGE_PATTERN,
    in_topic,
    mode_flags,
    page_data,
    passage_data,
    passage_keyboard,
    passage_messages,
    search_page,
)
from handlers.format.targets import (
    compare_messages,
    condition_line,
    condition_text,
    hidden_note,
    no_targets,
    places_like_line,
    target_line,
    targets_messages,
)

__all__ = [
    "CALLBACK_LIMIT",
    "PAGE_PATTERN",
    "PASSAGE_PATTERN",
    "TELEGRAM_LIMIT",
    "command_usage_html",
    "compare_messages",
    "condition_line",
    "condition_text",
    "doc_facts",
    "doc_messages",
    "docs_messages",
    "document_not_found",
    "escape",
    "help_html",
    "hidden_note",
    "highlight_html",
    "in_topic",
    "mode_flags",
    "no_targets",
    "page_data",
    "passage_data",
    "passage_keyboard",
    "passage_messages",
    "places_like_line",
    "search_page",
    "shown",
    "split_html",
    "target_line",
    "targets_messages",
    "typed_command_hint",
    "utf16_len",
]
