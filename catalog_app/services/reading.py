"""Read one file for import (runs in a worker process): hash, EXIF, one decode, copy, thumbnail."""

from __future__ import annotations

import atexit
import contextlib
import errno
import hashlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from catalog_app.core import imaging, metadata, raw, signatures, store
from catalog_app.core.layout import Layout
from catalog_app.core.models import (
    AlreadyPresent,
    BatchItem,
    CaptureInfo,
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

# Read whole up to this size; a larger file (of any size) is hashed and copied in chunks and
# decoded from its verified copy, so no file is held in memory whole.
WHOLE_BYTES = 64 * 1024**2
METADATA_BYTES = 32 * 1024**2  # how much of a streamed file its metadata is read from
PRESERVED = "original preserved, no preview"
# The format a signature names, before any decode (signatures.kind_of's names)
_KIND_FORMATS = {"BigTIFF": "TIFF", "ISO-BMFF": "HEIF"}
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
                if info.st_size <= WHOLE_BYTES:
                    whole = handle.read()
                    data: bytes | None = whole
                    head = whole[:signatures.HEAD_BYTES]
                    sha = hashlib.sha256(whole).hexdigest()
                else:  # streamed: hashed in chunks, copied from the file, decoded from the copy
                    data = None
                    head = handle.read(signatures.HEAD_BYTES)
                    handle.seek(0)
                    sha = store.sha256_stream(handle)
        except OSError as exc:
            reason = store.os_reason(exc)
            if not isinstance(exc, PermissionError | store.NotRegularFile):
                reason = f"file cannot be read ({reason})"
            return Failed(SourceFile(shown, os.fsencode(path), 0, None), reason)
        if not head:
            return Failed(source, "empty file (0 bytes)")
        if self._catalogue.contains_sha256(sha):
            return AlreadyPresent(source, sha)
        return self._read_new(path, source, sha, data, head, info.st_mtime_ns)

    def _read_new(self, path: str, source: SourceFile, sha: str, data: bytes | None,
                  head: bytes, mtime_ns: int) -> BatchItem:
        """Preserve, then read: a file with an image or camera-raw signature is copied and
        recorded even when none of its pixels decode; anything else is refused."""
        suffix = os.path.splitext(path)[1].lower()
        kind = signatures.kind_of(head)
        raw_fmt = raw.raw_format(kind, suffix, head)
        copy: list[tuple[store.PendingOriginal, Future[None]]] = []
        refused: list[OSError] = []

        def start_copy(fmt: str) -> None:
            """Once the format is known: copy the original while the pixels decode."""
            if self.in_place or copy or refused:
                return
            try:
                original = store.begin_original(self.layout, sha, path if data is None
                                                else data, _extension(suffix, fmt), mtime_ns)
            except OSError as exc:
                refused.append(exc)
                return
            copy.append((original, self._copier.submit(original.write)))

        if kind is not None:  # an image's signature: it is kept whatever the decode says
            start_copy(raw_fmt or _signature_format(kind, head))
        rendition: imaging.Rendition | None = None
        no_preview: str | None = None
        try:
            with captured_stderr() as decoder_said:  # libtiff and LibRaw print to fd 2
                rendition = self._decode(path, data, raw_fmt, copy, start_copy)
        except UnreadableImage as exc:
            if kind is None:
                _drop(copy)  # no image signature and nothing decodes: not an image at all
                return Failed(source, "not an image: no known image or camera raw signature"
                              if str(exc).startswith("not an image") else str(exc), sha)
            no_preview = str(exc)
        except OSError as exc:  # the copy a raw or large file is decoded from failed
            _drop(copy)
            return _not_written(source, sha, exc)
        except BaseException:
            _drop(copy)
            raise
        capture = self._metadata(path, data, copy)
        warnings = [*capture.warnings, *(rendition.warnings if rendition else ())]
        if no_preview is not None:
            warnings.append(f"{PRESERVED}: {no_preview}")
        elif any("error" in line.lower() for line in decoder_said):
            warnings.append("the image decoder reported damage in this file")
        fmt = raw_fmt or (rendition.format if rendition else _signature_format(kind or "", head))
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
            thumb = (store.store_thumbnail(self.layout, sha, rendition.thumbnail_jpeg)
                     if rendition else None)
        except OSError as exc:
            _drop(copy)
            return _not_written(source, sha, exc)
        except BaseException:
            _drop(copy)
            raise
        return Recorded(source, NewPhoto(
            sha256=sha, stored_path=stored, in_place=self.in_place, format=fmt,
            size_bytes=source.size_bytes,
            width=rendition.width if rendition else None,
            height=rendition.height if rendition else None,
            capture=capture, phash=rendition.phash if rendition else 0,
            dhash=rendition.dhash if rendition else 0, thumbnail_path=thumb,
            warnings=tuple(warnings),
            thumbnail_sha256=hashlib.sha256(rendition.thumbnail_jpeg).hexdigest()
            if rendition else None,
            canonical_phashes=rendition.canonical_phashes if rendition else (),
            pixel_hash=rendition.pixel_hash if rendition else None,
            preview_missing=no_preview,
        ))

    def _decode(self, path: str, data: bytes | None, raw_fmt: str | None,
                copy: list[tuple[store.PendingOriginal, Future[None]]],
                start_copy: Callable[[str], None]) -> imaging.Rendition:
        """One decode: from the bytes in memory, else from the verified copy (or, in place,
        the file itself). A camera raw goes to LibRaw, which reads a file."""
        if data is not None and raw_fmt is None:
            return imaging.analyse_image(data, on_header=start_copy)
        readable = path
        if copy:
            original, writing = copy[0]
            writing.result()  # the copy is written and verified: decode what was kept
            readable = str(original.part_path)
        if raw_fmt is not None:
            return raw.analyse_raw(readable, raw_fmt)
        return imaging.analyse_image(readable, on_header=start_copy)

    def _metadata(self, path: str, data: bytes | None,
                  copy: list[tuple[store.PendingOriginal, Future[None]]]) -> CaptureInfo:
        """EXIF, XMP and IPTC: from the bytes, or from the first METADATA_BYTES of a file
        too large to hold (where every camera writes them)."""
        if data is not None:
            return metadata.read_metadata(data)
        readable = str(copy[0][0].part_path) if copy else path
        try:
            with store.open_regular(readable) as handle:
                return metadata.read_metadata(handle.read(METADATA_BYTES))
        except OSError:
            return CaptureInfo(warnings=("its metadata could not be read",))


def _not_written(source: SourceFile, sha: str, exc: OSError) -> Failed:
    """A file the catalogue could not take (a full disk stops the import)."""
    full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return Failed(source, f"could not write into the catalogue ({store.os_reason(exc)})", sha,
                  disk_full=full)


def _extension(suffix: str, fmt: str) -> str:
    """The stored original's extension: a raw file's own, the file's if it names its format."""
    if fmt in raw.RAW_BY_SUFFIX.values():
        return suffix if raw.RAW_BY_SUFFIX.get(suffix) == fmt else f".{fmt.lower()}"
    if suffix in RAW_SUFFIXES and fmt == "TIFF":
        return suffix
    return suffix if _SUFFIX_FORMATS.get(suffix) == fmt else _CANONICAL.get(fmt, ".bin")


def _signature_format(kind: str, head: bytes) -> str:
    """The format a signature names, before any decode."""
    if kind == "ISO-BMFF":
        return "AVIF" if b"avif" in head or b"avis" in head else "HEIF"
    return _KIND_FORMATS.get(kind, kind)


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
