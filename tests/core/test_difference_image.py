"""The difference highlight: aligned copies come out dark, different pictures bright."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageStat

from catalog_app.core.imaging import difference_image
from tests.conftest import CORPUS

PHOTO = CORPUS / "exif-samples/jpg/hdr/canon_hdr_NO.jpg"
OTHER = CORPUS / "exif-samples/jpg/mobile/jolla.jpg"


def _thumb(source, path, change=lambda im: im):
    with Image.open(source) as image:
        image = image.convert("RGB")
        image.thumbnail((320, 320))
        change(image).save(path, "JPEG", quality=85)
    return path


def _mean(image: Image.Image) -> float:
    return ImageStat.Stat(image).mean[0]


def test_rotated_copy_aligns_and_an_edit_shows_up(tmp_path) -> None:
    keeper = _thumb(PHOTO, tmp_path / "keeper.jpg")
    rotated = _thumb(PHOTO, tmp_path / "rotated.jpg",
                     lambda im: im.transpose(Image.Transpose.ROTATE_90))

    def edited(image):
        ImageDraw.Draw(image).rectangle((20, 20, 120, 100), fill=(255, 0, 0))
        return image

    patched = _thumb(PHOTO, tmp_path / "patched.jpg", edited)
    other = _thumb(OTHER, tmp_path / "other.jpg")
    same = _mean(difference_image(keeper, rotated))
    patch = difference_image(keeper, patched)
    assert same < 10  # the rotation was undone before comparing
    assert _mean(patch.crop((30, 30, 110, 90))) > 4 * _mean(patch.crop((150, 120, 300, 200)))
    assert _mean(difference_image(keeper, other)) > 3 * same
