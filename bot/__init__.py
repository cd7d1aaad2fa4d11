"""Policy Brief Bot: search and key-target briefings over Chinese policy documents.

The ``bot`` package is the core; it has no Telegram code so that it can be used
from the command line and tested directly. Telegram handlers live in ``handlers``.
"""

__version__ = "0.1.0"
