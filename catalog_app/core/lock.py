"""A lock that keeps two windows off one catalogue (the kernel drops it if the process dies)."""

from __future__ import annotations

import os
from pathlib import Path

from catalog_app.errors import CatalogueLocked

LOCK_NAME = ".window.lock"


class WindowLock:
    """Held while a window has the catalogue open; the command line does not need it."""

    def __init__(self, root: Path) -> None:
        self.path = root / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl
        except ImportError:  # Windows: not enforced there yet
            self._fd = fd
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise CatalogueLocked(
                f"The catalogue at {self.path.parent} is already open in another catalog_app "
                "window; close it there, or open another catalogue."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
