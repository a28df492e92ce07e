"""Read one file for import (runs in a worker process): hash, EXIF, one decode, copy, thumbnail."""

from __future__ import annotations

import atexit
import contextlib
import errno
import hashlib
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from catalog_app.core import imaging, metadata, store
from catalog_app.core.layout import Layout
from catalog_app.core.models import (
    AlreadyPresent,
    BatchItem,
    Failed,
    NewPhoto,
    Recorded,
    SourceFile,
)
from catalog_app.core.scan import RAW_SUFFIXES, display_path
from catalog_app.core.stderr_capture import captured_stderr
from catalog_app.core.workers import guard_worker, init_lean_worker, spawn_context
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import UnreadableImage

MAX_FILE_BYTES = 2 * 1024**3
_CANONICAL = {"JPEG": ".jpg", "MPO": ".jpg", "HEIF": ".heic", "AVIF": ".avif", "PNG": ".png",
              "TIFF": ".tif", "JXL": ".jxl", "WEBP": ".webp", "GIF": ".gif", "BMP": ".bmp"}
_SUFFIX_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".jpe": "JPEG", ".jfif": "JPEG",
                   ".heic": "HEIF", ".heif": "HEIF", ".hif": "HEIF", ".tif": "TIFF",
                   ".tiff": "TIFF"}


class FileReader:
    """Reads files into batch items for one catalogue; one per worker process."""

    def __init__(self, root: Path, in_place: bool) -> None:
        self.layout = Layout(root)
        self.in_place = in_place
        self._catalogue = Catalogue.open(root, read_only=True)
        # One thread writes, fsyncs and reads back each original while the image decodes:
        # that time is waiting on the disk, so overlapping it costs no CPU.
        self._copier = ThreadPoolExecutor(1, thread_name_prefix="copy-original")
        imaging.register_decoders()

    def close(self) -> None:
        """End the copying thread and the database connection (a worker's end at exit)."""
        self._copier.shutdown(wait=True)
        self._catalogue.close()

    def read(self, path: str) -> BatchItem:
        shown = display_path(path)
        try:
            with store.open_regular(path) as handle:  # a FIFO swapped in is refused
                info = os.fstat(handle.fileno())
                source = _source(path, info)
                if info.st_size > MAX_FILE_BYTES:
                    return Failed(source, "file is larger than 2 GiB, too large for a photo")
                data = handle.read()
        except OSError as exc:
            reason = store.os_reason(exc)
            if not isinstance(exc, PermissionError | store.NotRegularFile):
                reason = f"file cannot be read ({reason})"
            return Failed(SourceFile(shown, os.fsencode(path), 0, None), reason)
        if not data:
            return Failed(source, "empty file (0 bytes)")
        sha = hashlib.sha256(data).hexdigest()
        if self._catalogue.contains_sha256(sha):
            return AlreadyPresent(source, sha)
        return self._read_new(path, source, sha, data, info.st_mtime_ns)

    def _read_new(self, path: str, source: SourceFile, sha: str, data: bytes,
                  mtime_ns: int) -> BatchItem:
        suffix = os.path.splitext(path)[1].lower()
        copy: list[tuple[store.PendingOriginal, Future[None]]] = []
        refused: list[OSError] = []

        def start_copy(fmt: str) -> None:
            """Once the header names the format: copy the original while the pixels decode."""
            if self.in_place:
                return
            try:
                original = store.begin_original(self.layout, sha, data,
                                                _extension(suffix, fmt), mtime_ns)
            except OSError as exc:
                refused.append(exc)
                return
            copy.append((original, self._copier.submit(original.write)))

        try:
            with captured_stderr() as decoder_said:  # libtiff prints past Python to fd 2
                rendition = imaging.analyse_image(data, on_header=start_copy)
        except UnreadableImage as exc:
            _drop(copy)  # an unreadable image is recorded as failed, not kept
            reason = str(exc)
            if suffix in RAW_SUFFIXES and reason.startswith("not an image"):
                reason = f"camera raw format '{suffix}' cannot be decoded by this version"
            return Failed(source, reason, sha)
        except BaseException:
            _drop(copy)
            raise
        capture = metadata.read_metadata(data)
        warnings = [*capture.warnings, *rendition.warnings]
        if any("error" in line.lower() for line in decoder_said):
            warnings.append("the image decoder reported damage in this file")
        fmt = rendition.format
        if suffix in RAW_SUFFIXES and fmt == "TIFF":
            fmt = suffix.lstrip(".").upper()
            warnings.append("camera raw: size, hashes and thumbnail come from its embedded preview")
        try:
            if self.in_place:
                stored = display_path(os.path.abspath(path))
            else:
                if refused:
                    raise refused[0]
                original, writing = copy[0]
                writing.result()  # raises what writing raised (a full disk, a bad read-back)
                stored, warning = original.commit()
                if warning:
                    warnings.append(warning)
            thumb = store.store_thumbnail(self.layout, sha, rendition.thumbnail_jpeg)
        except OSError as exc:
            _drop(copy)
            full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
            return Failed(source, f"could not write into the catalogue ({store.os_reason(exc)})",
                          sha, disk_full=full)
        except BaseException:
            _drop(copy)
            raise
        return Recorded(source, NewPhoto(
            sha256=sha, stored_path=stored, in_place=self.in_place, format=fmt,
            size_bytes=len(data), width=rendition.width, height=rendition.height,
            capture=capture, phash=rendition.phash, dhash=rendition.dhash,
            thumbnail_path=thumb, warnings=tuple(warnings),
            canonical_phashes=rendition.canonical_phashes, pixel_hash=rendition.pixel_hash,
        ))


def _extension(suffix: str, fmt: str) -> str:
    """The stored original's extension: a raw file's own, the file's if it names its format."""
    if suffix in RAW_SUFFIXES and fmt == "TIFF":
        return suffix
    return suffix if _SUFFIX_FORMATS.get(suffix) == fmt else _CANONICAL.get(fmt, ".bin")


def _drop(copy: list[tuple[store.PendingOriginal, Future[None]]]) -> None:
    """Wait for a copy that will not be kept to stop writing, then remove its part file."""
    for original, writing in copy:
        with contextlib.suppress(Exception):  # its error is not the one being reported
            writing.result()
        original.abort()


def _source(path: str, info: os.stat_result) -> SourceFile:
    mtime = datetime.fromtimestamp(info.st_mtime, UTC).isoformat().replace("+00:00", "Z")
    return SourceFile(display_path(os.path.abspath(path)), os.fsencode(os.path.abspath(path)),
                      info.st_size, mtime)


# -- process-pool glue: one FileReader per worker process -----------------------------------
_reader: FileReader | None = None


def init_worker(root: str, in_place: bool) -> None:
    """Pool initializer: guard the worker (see workers.guard_worker), build its reader.

    A reader holds nothing that needs tearing down when its process ends: each file's copy
    and thumbnail are closed before its result is sent, results are sent as they are made,
    and its database connection only reads. So the worker skips the interpreter's clean-up
    at exit (0.1-0.3 s with NumPy and Pillow loaded, which the import waited for).
    """
    global _reader
    guard_worker()
    _reader = FileReader(Path(root), in_place)
    if multiprocessing.parent_process() is not None:  # only ever in a worker process
        atexit.register(os._exit, 0)


def reader_pool(root: str, in_place: bool, workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` lean processes (workers.spawn_context), each with its FileReader."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=spawn_context(), initializer=init_lean_worker,
        initargs=(f"{__name__}:{init_worker.__name__}", root, in_place))


def read_in_worker(path: str) -> BatchItem:
    assert _reader is not None, "init_worker was not run in this process"
    return _reader.read(path)
