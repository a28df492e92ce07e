"""Write originals (verified, read-only, content-addressed) and thumbnails into a catalogue."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import time
from pathlib import Path
from typing import BinaryIO

from catalog_app.core.layout import Layout

_CHUNK = 1 << 20
READ_ONLY = 0o444


class StoreError(OSError):
    """A copy into the catalogue could not be written or did not verify."""


class NotRegularFile(OSError):
    """A path that is no longer a regular file (a FIFO or device swapped in after the scan)."""


def open_regular(path: str) -> BinaryIO:
    """Open a file for reading only if it is a regular file, without ever blocking.

    The open is non-blocking (a FIFO with no writer would otherwise wait for ever) and the
    descriptor is checked with fstat before a byte is read; NotRegularFile otherwise.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file (it was replaced by a device,"
                                 " pipe or socket after the folder was scanned)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in plain words (no Python exception text)."""
    if isinstance(exc, NotRegularFile | StoreError):
        return exc.strerror or str(exc)
    return (exc.strerror or "a disk error").lower()


def sha256_file(path: Path, *, from_disk: bool = False) -> str:
    """SHA-256 of a file's bytes, read in chunks.

    With `from_disk`, the file's pages are first dropped from the page cache (they must be
    clean: fsync first), so the bytes hashed are the ones the storage device gives back, not
    the ones still in memory. Where the OS has no posix_fadvise (Windows, macOS) the read may
    come from memory and then checks only that the copy was written whole.
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        if from_disk and hasattr(os, "posix_fadvise"):
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def store_original(
    layout: Layout, sha256: str, data: bytes, ext: str, mtime_ns: int | None
) -> tuple[str, str | None]:
    """Copy bytes to their content-addressed place, verify the copy, make it read-only.

    Returns (relative stored path, warning or None). See PendingOriginal for the steps; this
    runs them one after the other.
    """
    original = begin_original(layout, sha256, data, ext, mtime_ns)
    try:
        original.write()
        return original.commit()
    finally:
        original.abort()


def begin_original(layout: Layout, sha256: str, data: bytes | str, ext: str,
                   mtime_ns: int | None) -> PendingOriginal:
    """An original to copy into the catalogue: write() it (in any thread), then commit().

    `data` is the file's bytes, or the path of a regular file to copy in chunks (a large
    file is never held in memory whole).
    """
    return PendingOriginal(layout, sha256, data, ext, mtime_ns)


def sha256_stream(handle: BinaryIO) -> str:
    """SHA-256 of what is left to read of an open file, read in chunks."""
    digest = hashlib.sha256()
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


class PendingOriginal:
    """The copy of one original, in two steps, so the slow one can overlap the decode.

    write(): the bytes go to a locked '.part' file beside their content-addressed place,
    are fsync'd, dropped from the page cache and read back from the disk; their SHA-256 must
    equal `sha256` (that of the bytes read from the source), else StoreError. It touches
    nothing but the part file, so it may start before the image is known to decode.
    commit(): the part file becomes the read-only original (its modification time that of the
    source). A file already at that place is kept if it hashes right; one that does not is moved
    aside as '.damaged-<time>' (never deleted) and replaced, with a warning saying so.
    abort(): drops the part file (an image that turned out unreadable is not kept).
    """

    def __init__(self, layout: Layout, sha256: str, data: bytes | str, ext: str,
                 mtime_ns: int | None) -> None:
        self.rel = layout.original_relpath(sha256, ext)
        self.sha256 = sha256
        self._final = layout.root / self.rel
        self._part = self._final.with_name(f".{self._final.name}.{os.getpid()}.part")
        self._data: bytes | str | None = data
        self._mtime_ns = mtime_ns
        self._handle: BinaryIO | None = None  # open (and locked) until commit or abort
        self._written = False

    def write(self) -> None:
        data, self._data = self._data, None
        assert data is not None, "write() runs once"
        self._final.parent.mkdir(parents=True, exist_ok=True)
        self._handle = open(self._part, "xb")  # noqa: SIM115  (closed by commit or abort)
        _lock(self._handle.fileno(), blocking=True)
        if isinstance(data, str):  # a path: copied in chunks, never read whole
            with open_regular(data) as source:
                while chunk := source.read(_CHUNK):
                    self._handle.write(chunk)
        else:
            self._handle.write(data)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        if sha256_file(self._part, from_disk=True) != self.sha256:
            raise StoreError(f"the copy of {self.sha256[:12]}… did not verify against its SHA-256")
        self._written = True

    @property
    def part_path(self) -> Path:
        """The copy being written (complete and verified once write() returns)."""
        return self._part

    def commit(self) -> tuple[str, str | None]:
        assert self._written, "write() first"
        warning = None
        if self._final.exists():
            if sha256_file(self._final) == self.sha256:
                self.abort()
                return self.rel, None
            aside = self._final.with_name(f"{self._final.name}.damaged-{time.time_ns()}")
            os.replace(self._final, aside)
            warning = f"a damaged earlier copy was found and kept as {aside.name}"
        if self._mtime_ns is not None:
            os.utime(self._part, ns=(self._mtime_ns, self._mtime_ns))
        os.chmod(self._part, READ_ONLY)
        os.replace(self._part, self._final)
        self._close()
        return self.rel, warning

    def abort(self) -> None:
        """Remove the part file if it is still there (idempotent)."""
        if self._handle is None:
            return
        try:
            if self._part.exists():
                os.chmod(self._part, 0o600)
                self._part.unlink()
        finally:
            self._close()

    def _close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def store_thumbnail(layout: Layout, sha256: str, jpeg: bytes) -> str:
    """Write a thumbnail atomically (derived data: it can always be made again)."""
    rel = layout.thumbnail_relpath(sha256)
    _write_atomically(layout.root / rel, jpeg)
    return rel


def _write_atomically(final: Path, data: bytes) -> None:
    """Write to a locked '.part' file beside `final`, then rename it into place.

    The lock lives as long as the writing process: remove_partial_files() uses it to tell a
    part file being written from one a killed process left behind.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    part = final.with_name(f".{final.name}.{os.getpid()}.part")
    try:
        with open(part, "xb") as handle:
            _lock(handle.fileno(), blocking=True)
            handle.write(data)
            handle.flush()
            os.replace(part, final)
    finally:
        if part.exists():
            os.chmod(part, 0o600)
            part.unlink()


def remove_partial_files(layout: Layout) -> int:
    """Delete '.part' files that a killed process left behind; returns how many.

    Part files still locked by a live writer (another instance importing into the same
    catalogue) are left alone.
    """
    count = 0
    for folder in (layout.originals, layout.thumbnails):
        if not folder.is_dir():
            continue
        for part in folder.glob("*/.*.part"):
            try:
                with open(part, "rb") as handle:
                    if not _lock(handle.fileno(), blocking=False):
                        continue
                    os.chmod(part, 0o600)
                    part.unlink()
                    count += 1
            except FileNotFoundError:
                continue
    return count


def _lock(fd: int, *, blocking: bool) -> bool:
    """An exclusive advisory lock on an open file; False if another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: an open file cannot be deleted, which protects it as well
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True
