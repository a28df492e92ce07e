"""Find the files to import under the paths a person named, without following loops."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Files under a folder are imported when their name ends in one of these; anything named
# explicitly is always tried. Other files are listed as skipped, never dropped silently.
RAW_SUFFIXES = frozenset({
    ".dng", ".arw", ".nef", ".nrw", ".cr2", ".cr3", ".crw", ".orf", ".rw2", ".raf", ".pef",
    ".srw", ".x3f", ".3fr", ".iiq",
})
PHOTO_SUFFIXES = RAW_SUFFIXES | {
    ".jpg", ".jpeg", ".jpe", ".jfif", ".heic", ".heif", ".hif", ".avif", ".png", ".tif",
    ".tiff", ".webp", ".gif", ".bmp", ".jxl",
}
_NOT_REGULAR = "not a regular file (a device, pipe or socket)"


@dataclass(frozen=True, slots=True)
class Found:
    """A file to import."""

    path: str  # as the OS gives it (may hold surrogate escapes for non-UTF-8 names)


@dataclass(frozen=True, slots=True)
class Passed:
    """A path not imported, with why; `failed` marks a problem rather than a choice."""

    path: str
    reason: str
    failed: bool


def display_path(path: str) -> str:
    """A printable form of a path; undecodable bytes shown as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def scan(paths: Iterable[str]) -> Iterator[Found | Passed]:
    """Yield every file to import under `paths`, each once, in a stable order."""
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        yield from _scan_one(os.fspath(given), seen_files, seen_dirs)


def _scan_one(path: str, seen_files: set, seen_dirs: set) -> Iterator[Found | Passed]:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            yield Passed(path, "broken symbolic link", failed=True)
        else:
            yield Passed(path, "no such file or folder", failed=True)
        return
    except OSError as exc:
        yield Passed(path, _os_reason(exc), failed=True)
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, info, seen_files, seen_dirs)
    elif not stat.S_ISREG(info.st_mode):
        yield Passed(path, _NOT_REGULAR, failed=True)
    elif _first_time(info, seen_files):
        yield Found(path)


def _walk(folder: str, info: os.stat_result, seen_files: set, seen_dirs: set):
    key = (info.st_dev, info.st_ino)
    if key in seen_dirs:
        yield Passed(folder, "folder already scanned (a symbolic link loop or repeat)", False)
        return
    seen_dirs.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Passed(folder, f"folder cannot be read ({_os_reason(exc)})", failed=True)
        return
    for entry in entries:
        try:
            entry_info = entry.stat(follow_symlinks=True)
        except FileNotFoundError:
            yield Passed(entry.path, "broken symbolic link", failed=True)
            continue
        except OSError as exc:
            yield Passed(entry.path, _os_reason(exc), failed=True)
            continue
        if stat.S_ISDIR(entry_info.st_mode):
            yield from _walk(entry.path, entry_info, seen_files, seen_dirs)
            continue
        if not stat.S_ISREG(entry_info.st_mode):
            yield Passed(entry.path, _NOT_REGULAR, failed=False)
            continue
        suffix = os.path.splitext(entry.name)[1].lower()
        if entry.name.startswith("._"):
            yield Passed(entry.path, "macOS resource-fork file, not a photo", failed=False)
        elif suffix not in PHOTO_SUFFIXES:
            kind = f"'{suffix}'" if suffix else "no extension"
            yield Passed(entry.path, f"not a photo file type ({kind})", failed=False)
        elif _first_time(entry_info, seen_files):
            yield Found(entry.path)


def _first_time(info: os.stat_result, seen_files: set) -> bool:
    key = (info.st_dev, info.st_ino)
    if key in seen_files:
        return False
    seen_files.add(key)
    return True


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    return (exc.strerror or type(exc).__name__).lower()
