"""The Telegram layer: everything that knows about Telegram, on top of the core (``bot``).

:mod:`handlers.app` builds the python-telegram-bot ``Application`` (services, handlers,
rate limits, scheduler); one module per concern holds its handlers (:mod:`~handlers.basic`,
:mod:`~handlers.search`, :mod:`~handlers.documents`, :mod:`~handlers.targets`,
:mod:`~handlers.subscriptions`, :mod:`~handlers.membership`, :mod:`~handlers.admin`,
:mod:`~handlers.admin_documents`) and registers them; :mod:`handlers.format` turns core
results into Telegram HTML;
:mod:`handlers.context` is the typed context handlers receive; :mod:`handlers.delivery`
sends digests, :mod:`handlers.ratelimit` and :mod:`handlers.flood` limit the traffic;
:mod:`handlers.console` is the offline console's front end (with ``console_chat``,
``console_render`` and ``console_stdin``).
"""
