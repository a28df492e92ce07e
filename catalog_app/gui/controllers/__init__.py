"""Controllers: the window's behaviour, one per concern, each given only the session and the
view parts it drives (the composition root in gui/app.py wires them)."""

import re

_PLACE = re.compile(r"%(\d+)")


def fill(text: str, *values: object) -> str:
    """A translated text with Qt's %1, %2 … filled in, in one pass (PySide has no .arg())."""
    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if 0 < n <= len(values) else match.group(0)

    return _PLACE.sub(value, text)
