"""How keywords compare: Unicode case folding, so "church", "Church" and "CHURCH" are one."""

from __future__ import annotations

import unicodedata


def keyword_key(word: str) -> str:
    """What two spellings of one keyword share ('Церква' and 'церква' too)."""
    return unicodedata.normalize("NFC", word).casefold()
