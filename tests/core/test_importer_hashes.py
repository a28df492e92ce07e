"""The import's own pHash and dHash are imagehash's, bit for bit: photos imported before and
after compare. Real photos, and the flat and symmetric pictures where the DCT's rounding could
tip a bit (those are handed to imagehash itself)."""

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


def test_phash_and_dhash_equal_imagehash(pictures) -> None:
    differ = []
    for name, small in pictures:
        grey = imaging.phash_input(small)
        expected_p = int(str(imagehash.phash(grey)), 16)
        expected_d = int(str(imagehash.dhash(small)), 16)
        if imaging._phash(np.asarray(grey)) != expected_p:
            differ.append((name, "phash"))
        if imaging._dhash(small.convert("L")) != expected_d:
            differ.append((name, "dhash"))
    assert differ == []


def test_canonical_poses_hash_like_imagehash(pictures) -> None:
    for name, small in pictures[:40]:
        grey = imaging.phash_input(small)
        for pose in imaging.canonical_phashes(grey):
            turned = [int(str(imagehash.phash(grey if t is None else grey.transpose(t))), 16)
                      for t in imaging._DIHEDRAL]
            assert pose in turned, name
