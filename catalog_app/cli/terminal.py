"""Text for the terminal: control characters from file names and metadata shown, never run."""

from __future__ import annotations

import unicodedata


def safe(value: object) -> str:
    """`value` as one line a terminal shows as it is: every control character (ESC, OSC, BEL,
    newline, carriage return, the C1 set, bidi overrides) written as a visible escape."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    if ch in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch]
    if unicodedata.category(ch) == "Zs":  # a space other than ' ' is harmless
        return ch
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
