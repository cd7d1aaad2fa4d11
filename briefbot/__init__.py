"""The ``briefbot`` program: the command line that wires the core (``bot``) and the
Telegram layer (``handlers``) together. See :mod:`briefbot.cli`."""
