"""Write originals (verified, read-only, content-addressed) and thumbnails into a catalogue."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from catalog_app.core.layout import Layout

_CHUNK = 1 << 20
READ_ONLY = 0o444


class StoreError(OSError):
    """A copy into the catalogue could not be written or did not verify."""


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

    The copy is fsync'd, dropped from the page cache and read back from the disk: its SHA-256
    must equal `sha256` (that of the bytes read from the source) before it is renamed into
    place, so a copy the disk does not return intact never enters the catalogue.

    Returns (relative stored path, warning or None). A file already at that place is kept if it
    hashes right; one that does not is moved aside as '.damaged-<time>' (never deleted) and
    replaced with a good copy, with a warning saying so.
    """
    rel = layout.original_relpath(sha256, ext)
    final = layout.root / rel
    warning = None
    if final.exists():
        if sha256_file(final) == sha256:
            return rel, None
        aside = final.with_name(f"{final.name}.damaged-{time.time_ns()}")
        os.replace(final, aside)
        warning = f"a damaged earlier copy was found and kept as {aside.name}"
    _write_atomically(final, data, durable=True, sha256=sha256, mtime_ns=mtime_ns)
    return rel, warning


def store_thumbnail(layout: Layout, sha256: str, jpeg: bytes) -> str:
    """Write a thumbnail atomically (derived data: it can always be made again)."""
    rel = layout.thumbnail_relpath(sha256)
    _write_atomically(layout.root / rel, jpeg, durable=False)
    return rel


def _write_atomically(final: Path, data: bytes, *, durable: bool, sha256: str | None = None,
                      mtime_ns: int | None = None) -> None:
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
            if durable:
                os.fsync(handle.fileno())
            if sha256 is not None and sha256_file(part, from_disk=durable) != sha256:
                raise StoreError(f"the copy of {sha256[:12]}… did not verify against its SHA-256")
            if mtime_ns is not None:
                os.utime(part, ns=(mtime_ns, mtime_ns))
            if sha256 is not None:
                os.chmod(part, READ_ONLY)
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
