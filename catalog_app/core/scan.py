"""Find the files to import under the paths a person named, without following loops."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from catalog_app.core.signatures import kind_of, read_head

# Files under a folder are imported when their name ends in one of these or their first bytes
# are an image's (an '.mpo', a file named only '.jpg'); anything named explicitly is always
# tried. Other files are listed as skipped, never dropped silently.
RAW_SUFFIXES = frozenset({
    ".dng", ".arw", ".nef", ".nrw", ".cr2", ".cr3", ".crw", ".orf", ".rw2", ".raf", ".pef",
    ".srw", ".x3f", ".3fr", ".iiq",
})
PHOTO_SUFFIXES = RAW_SUFFIXES | {
    ".jpg", ".jpeg", ".jpe", ".jfif", ".heic", ".heif", ".hif", ".avif", ".png", ".tif",
    ".tiff", ".webp", ".gif", ".bmp", ".jxl",
}
_NOT_REGULAR = "not a regular file (a device, pipe or socket)"
OWN_FOLDER = "the catalogue's own folder (never imported into itself)"


@dataclass(frozen=True, slots=True)
class Found:
    """A file to import."""

    path: str  # as the OS gives it (may hold surrogate escapes for non-UTF-8 names)
    note: str | None = None  # what the import should record beside it (a link's target)


@dataclass(frozen=True, slots=True)
class Passed:
    """A path not imported, with why; `failed` marks a problem rather than a choice."""

    path: str
    reason: str
    failed: bool


def display_path(path: str) -> str:
    """A printable form of a path; undecodable bytes shown as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def scan(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Found | Passed]:
    """Yield every file to import under `paths`, each once, in a stable order.

    Folders in `exclude` (the catalogue's own) are never entered: each is listed as skipped.
    """
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    excluded: set[tuple[int, int]] = set()
    excluded_paths = []
    for folder in exclude:
        try:
            info = os.stat(folder)
        except OSError:
            continue
        excluded.add((info.st_dev, info.st_ino))
        excluded_paths.append(os.path.realpath(folder))
    for given in map(os.fspath, paths):
        if any(_within(os.path.realpath(given), e) for e in excluded_paths):
            yield Passed(given, OWN_FOLDER, False)
            continue
        yield from _scan_one(given, seen_files, seen_dirs, excluded)


def inside(folder: str, paths: Iterable[str]) -> str | None:
    """The first of `paths` that is `folder` or holds it (after links are resolved), or None."""
    real = os.path.realpath(folder)
    for given in paths:
        base = os.path.realpath(given)
        if os.path.isdir(base) and _within(real, base):
            return given
    return None


def _within(path: str, base: str) -> bool:
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)


def _scan_one(path: str, seen_files: set, seen_dirs: set, excluded: set
              ) -> Iterator[Found | Passed]:
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
        yield from _walk(path, info, seen_files, seen_dirs, excluded, os.path.realpath(path),
                         False)
    elif not stat.S_ISREG(info.st_mode):
        yield Passed(path, _NOT_REGULAR, failed=True)
    elif _first_time(info, seen_files):
        yield Found(path)


def _walk(folder: str, info: os.stat_result, seen_files: set, seen_dirs: set, excluded: set,
          root: str, via_link: bool) -> Iterator[Found | Passed]:
    """Walk a folder under `root` (the real path of the folder named); `via_link` when the
    walk reached it through a symbolic link (its files may then lie outside `root`)."""
    key = (info.st_dev, info.st_ino)
    if key in excluded:
        yield Passed(folder, OWN_FOLDER, False)
        return
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
        linked = via_link or entry.is_symlink()
        if stat.S_ISDIR(entry_info.st_mode):
            yield from _walk(entry.path, entry_info, seen_files, seen_dirs, excluded, root,
                             linked)
            continue
        if not stat.S_ISREG(entry_info.st_mode):
            yield Passed(entry.path, _NOT_REGULAR, failed=False)
            continue
        suffix = os.path.splitext(entry.name)[1].lower()
        if entry.name.startswith("._"):
            yield Passed(entry.path, "macOS resource-fork file, not a photo", failed=False)
        elif suffix not in PHOTO_SUFFIXES and not _image_content(entry.path):
            kind = f"'{suffix}'" if suffix else "no extension"
            yield Passed(entry.path, f"not a photo file type ({kind}), and its content is not "
                                     "an image", failed=False)
        elif _first_time(entry_info, seen_files):
            yield Found(entry.path, _outside_note(entry.path, root) if linked else None)


def _image_content(path: str) -> bool:
    """Whether a file's first bytes are an image's, whatever its name."""
    try:
        return kind_of(read_head(path)) is not None
    except OSError:
        return False


def _outside_note(path: str, root: str) -> str | None:
    """For a file reached through a symbolic link: its target, when that lies outside the
    folder being imported (the photo is then not on the card itself)."""
    target = os.path.realpath(path)
    if _within(target, root):
        return None
    return (f"on the card only as a symbolic link to {display_path(target)}, outside the "
            "folder imported: the bytes recorded are the link target's")


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
