"""What a line of a rebuilt table looks like, apart from the table reader: the
one-per-figure rule (:mod:`bot.targets.dedupe`) asks it of every record it serves, and
importing the reader (with the number parsers) for that cost each ``briefbot targets``
and ``compare`` about 70 ms."""

from __future__ import annotations


def is_table_row(line: str) -> bool:
    """A line of a table rebuilt from PDF or HTML: cells separated by tabs."""
    return "\t" in line.strip()
