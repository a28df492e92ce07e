"""An evidence package's redacted/ folder: full-size copies with their regions hidden."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from catalog_app.core import redaction
from catalog_app.core.models import Photo
from catalog_app.export import folder, records, texts
from catalog_app.export.public_image import upright

FOLDER = "redacted"
MANIFEST = f"{FOLDER}/manifest.json"
FULL_SIZE = 1_000_000  # no resize: the copy keeps every pixel of the upright original
QUALITY = 95

README_LINES = texts.G_("""\
redacted/             For each photo with redaction regions, a full-size JPEG of its
                      pixels alone (no metadata) with the regions hidden, named by the
                      copy's SHA-256. redacted/manifest.json ties each copy to its original
                      (the SHA-256 of both) and lists the regions. The originals in
                      originals/ are untouched.
""")


@dataclass(frozen=True, slots=True)
class Copy:
    photo_id: int
    original_sha256: str
    original_file: str
    file: str  # relative to the package
    sha256: str
    regions: tuple[redaction.Region, ...]


def make(out: Path, photo: Photo, source: Path, original_file: str,
         regions: tuple[redaction.Region, ...]) -> Copy:
    """Write one redacted copy into the package at `out`."""
    picture = redaction.apply(upright(source, FULL_SIZE), regions)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=QUALITY, optimize=True)
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    relative = f"{FOLDER}/{digest}.jpg"
    folder.write_bytes(folder.inside(out, relative), data)
    return Copy(photo.id, photo.sha256, original_file, relative, digest, regions)


def manifest(copies: list[Copy]) -> str:
    return records.to_json({
        "format": "catalog_app redacted copies 1",
        "copies": [{"photo_id": c.photo_id, "original": c.original_file,
                    "original_sha256": c.original_sha256, "copy": c.file,
                    "copy_sha256": c.sha256,
                    "regions": [{"id": r.id, **r.values(), "by": r.created_by,
                                 "at": r.created_at} for r in c.regions]}
                   for c in copies]})
