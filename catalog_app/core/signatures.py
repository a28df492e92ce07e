"""What a file is by its first bytes (magic numbers), whatever its name says."""

from __future__ import annotations

import os
import stat

HEAD_BYTES = 32  # enough for every signature below
# (offset, bytes) -> a short name of the kind. TIFF's covers DNG and most camera raws
# (NEF, CR2, ARW, PEF, SRW, 3FR, IIQ, ...), ISO-BMFF's ftyp covers HEIF, AVIF and CR3.
_SIGNATURES = (
    (0, b"\xff\xd8\xff", "JPEG"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG"),
    (0, b"GIF87a", "GIF"),
    (0, b"GIF89a", "GIF"),
    (0, b"II*\x00", "TIFF"),
    (0, b"MM\x00*", "TIFF"),
    (0, b"II+\x00", "BigTIFF"),
    (0, b"MM\x00+", "BigTIFF"),
    (0, b"IIRO", "ORF"),
    (0, b"IIRS", "ORF"),
    (0, b"MMOR", "ORF"),
    (0, b"IIU\x00", "RW2"),
    (0, b"FUJIFILMCCD-RAW", "RAF"),
    (0, b"II\x1a\x00\x00\x00HEAPCCDR", "CRW"),
    (0, b"FOVb", "X3F"),
    (0, b"\x00MRM", "MRW"),
    (0, b"\xff\x0a", "JXL"),
    (0, b"\x00\x00\x00\x0cJXL \r\n\x87\n", "JXL"),
    (0, b"BM", "BMP"),
)
# ISO-BMFF files start with an ftyp box for images (HEIF, AVIF, Canon CR3) and for videos
# (MP4, MOV) alike: only these brands, major or compatible, are images.
_IMAGE_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm",
                           b"hevs", b"mif1", b"msf1", b"avif", b"avis", b"crx "})


def kind_of(head: bytes) -> str | None:
    """The image kind a file's first bytes announce ('JPEG', 'TIFF', ...), or None."""
    for offset, magic, kind in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            if kind == "BMP" and not _plausible_bmp(head):
                continue
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        brands = {head[i:i + 4] for i in range(8, len(head) - 3, 4)}
        if brands & _IMAGE_BRANDS:
            return "ISO-BMFF"
    return None


def read_head(path: str) -> bytes:
    """A regular file's first HEAD_BYTES, opened without blocking (a FIFO never stalls it)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, HEAD_BYTES)
    finally:
        os.close(fd)


def _plausible_bmp(head: bytes) -> bool:
    """'BM' starts many text files too: a BMP also has a known header size at offset 14."""
    return len(head) >= 18 and int.from_bytes(head[14:18], "little") in (12, 40, 52, 56, 64,
                                                                           108, 124)
