"""Full-text search over the photo_search index (migration 15): what a person types, as FTS5."""

from __future__ import annotations

import re

# unicode61 splits on everything that is not a letter or a digit (the underscore included)
_TOKEN = re.compile(r"[^\W_]+")


def match_expression(text: str) -> str | None:
    """Every word typed, as a prefix of a word in any searched column; None for no words.

    Each token is quoted, so FTS5's operators (AND, NEAR, column filters, quotes) typed by a
    person are searched for as words and never parsed as syntax.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def search_clause(text: str) -> tuple[str, list[str]] | None:
    """The WHERE clause (on photos aliased p) and its parameter for `text`; None for no words."""
    expression = match_expression(text)
    if expression is None:
        return None
    return "p.id IN (SELECT rowid FROM photo_search WHERE photo_search MATCH ?)", [expression]
