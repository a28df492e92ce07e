"""Locks on a catalogue folder that the kernel drops when their process dies: one window at a
time, and a mark that an import is running (so a dead one can be told from a live one)."""

from __future__ import annotations

import os
from pathlib import Path

from catalog_app.errors import CatalogueLocked
from catalog_app.i18n import _

LOCK_NAME = ".window.lock"
IMPORT_LOCK_NAME = ".import.lock"

try:
    import fcntl
except ImportError:  # Windows: not enforced there yet
    fcntl = None  # type: ignore[assignment]


class WindowLock:
    """Held while a window has the catalogue open; the command line does not need it.

    On read-only media the lock file cannot be made, and no one can write there either: an
    existing one is locked for reading, else the window opens without one.
    """

    def __init__(self, root: Path) -> None:
        self.path = root / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            writable = True
        except OSError:  # read-only media (or a folder this user cannot write)
            try:
                fd = os.open(self.path, os.O_RDONLY)
            except OSError:
                return
            writable = False
        if fcntl is None:
            self._fd = fd
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise CatalogueLocked(
                _("The catalogue at {path} is already open in another catalog_app window; "
                  "close it there, or open another catalogue.").format(path=self.path.parent)
            ) from None
        if writable:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class ImportLock:
    """Every running import holds this lock shared; whoever can take it exclusively knows that
    no import process is alive, so an import still marked running was killed."""

    def __init__(self, root: Path) -> None:
        self.path = root / IMPORT_LOCK_NAME
        self._fd: int | None = None

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)

    def hold(self) -> None:
        """Mark this process as importing until release() (or its death); waits only while
        another process is marking dead imports, a moment."""
        fd = self._open()
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_SH)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def no_import_alive(self) -> bool:
        """Take the lock exclusively if no import holds it (True, held until release()); False
        while any import process lives. Without flock (Windows) nothing can be told: False."""
        if fcntl is None:
            return False
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def none_alive_now(self) -> bool:
        """Whether no import process lives, asked without creating anything (read-only media
        included): no lock file means no import of this version ever ran here."""
        if fcntl is None:
            return False
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return True
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        finally:
            os.close(fd)  # the lock, if taken, goes with it
        return True

    def __enter__(self) -> ImportLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
