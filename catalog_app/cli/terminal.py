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


def quiet_broken_pipe() -> int:
    """The reader of our output went away (`catalog-app log | head -1`): stop quietly.

    Python flushes stdout again at exit; pointing it at /dev/null keeps that flush from
    printing a second BrokenPipeError. Exit 0: the reader took all it wanted.
    """
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test's capture): nothing to do
        pass
    return 0
