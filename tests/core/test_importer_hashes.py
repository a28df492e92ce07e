"""The import's pHash and dHash are imagehash's of its one small decode, so photos imported
before and after compare; every canonical pose is one of the picture's eight turned hashes."""

from __future__ import annotations

from pathlib import Path

import imagehash
import numpy as np
import pytest
from PIL import Image

from catalog_app.core import imaging
from tests.conftest import corpus_files


def _small(path_or_image: Path | Image.Image) -> Image.Image:
    """The RGB image the import hashes (1/8-scale decode for JPEG)."""
    image = Image.open(path_or_image) if isinstance(path_or_image, Path) else path_or_image
    with image:
        if image.format == "JPEG":
            image.draft("RGB", (imaging.THUMBNAIL_PX, imaging.THUMBNAIL_PX))
        image.load()
        return imaging._reduce(image.convert("RGB"))


def _pictures() -> list[tuple[str, Image.Image]]:
    pictures = []
    for path in corpus_files():
        try:
            pictures.append((path.name, _small(path)))
        except Exception:  # not every corpus file is an image Pillow opens
            continue
    ramp = np.tile(np.linspace(0, 255, 640), (480, 1))
    mirrored = np.minimum(ramp, ramp[:, ::-1])
    for name, pixels in (("black", np.zeros((480, 640))), ("grey", np.full((480, 640), 128.0)),
                         ("ramp", ramp), ("mirrored ramp", mirrored),
                         ("quartered", np.minimum(mirrored, mirrored[::-1, :]))):
        pictures.append((name, Image.fromarray(pixels.astype(np.uint8), "L").convert("RGB")))
    return pictures


@pytest.fixture(scope="module")
def pictures(corpus) -> list[tuple[str, Image.Image]]:
    found = _pictures()
    assert len(found) > 50
    return found


def test_import_hashes_are_imagehash_of_the_small_decode(pictures) -> None:
    import io

    differ = []
    for name, small in pictures[-5:] + pictures[:20]:
        buffer = io.BytesIO()
        small.save(buffer, "PNG")  # no EXIF, no orientation: the import sees these pixels
        rendition = imaging.analyse_image(buffer.getvalue())
        reduced = imaging._reduce(small)
        if rendition.phash != int(str(imagehash.phash(imaging.phash_input(reduced))), 16):
            differ.append((name, "phash"))
        if rendition.dhash != int(str(imagehash.dhash(reduced)), 16):
            differ.append((name, "dhash"))
    assert differ == []


def test_canonical_poses_hash_like_imagehash(pictures) -> None:
    for name, small in pictures[:40]:
        grey = imaging.phash_input(small)
        for pose in imaging.canonical_phashes(grey):
            turned = [int(str(imagehash.phash(grey if t is None else grey.transpose(t))), 16)
                      for t in imaging._DIHEDRAL]
            assert pose in turned, name
