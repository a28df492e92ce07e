"""Keep C libraries' raw messages (libtiff's among them) off the terminal: capture fd 2."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

_KEEP_BYTES = 16 * 1024  # of what a decoder printed, enough to know it complained


@contextmanager
def captured_stderr() -> Iterator[list[str]]:
    """Redirect file descriptor 2 to a private file while the block runs.

    C code (libtiff's default warning and error handlers) writes to fd 2 directly, past
    sys.stderr, so only a redirect at the descriptor keeps it off the terminal. The list given
    to the block is filled, when the block ends, with the lines that were written.
    """
    lines: list[str] = []
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no fd 2 to redirect (a windowed app): nothing to capture
        yield lines
        return
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield lines
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            text = sink.read(_KEEP_BYTES).decode("utf-8", "replace")
            lines.extend(line for line in text.splitlines() if line.strip())
