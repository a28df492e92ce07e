"""Redaction regions: where they fall on any size, what each method leaves, what they refuse."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from catalog_app.core.redaction import (
    BadRegion,
    Method,
    Region,
    Shape,
    Status,
    apply,
    from_values,
)


def _noise(size: tuple[int, int]) -> Image.Image:
    return Image.fromarray(np.random.default_rng(3).integers(0, 256, (size[1], size[0], 3),
                                                             dtype=np.uint8), "RGB")


def test_a_region_covers_the_same_part_of_the_photo_at_any_size() -> None:
    region = Region(Shape.RECTANGLE, 0.25, 0.5, 0.5, 0.25)
    assert region.box((400, 200)) == (100, 100, 300, 150)
    assert region.box((4000, 2000)) == (1000, 1000, 3000, 1500)
    assert region.box((3, 3)) == (0, 1, 3, 3)  # rounded outwards: never less than asked


@pytest.mark.parametrize("box", [(-0.1, 0, 0.5, 0.5), (0.6, 0, 0.5, 0.5), (0, 0, 0, 0.5),
                                 (0, 0, float("nan"), 0.5), (1.0, 0, 0.1, 0.1)])
def test_a_region_outside_the_photo_or_without_size_is_refused(box) -> None:
    with pytest.raises(BadRegion):
        Region(Shape.RECTANGLE, *box)


def test_fill_hides_the_rectangle_and_leaves_the_rest_untouched() -> None:
    image = _noise((200, 100))
    out = apply(image, [Region(Shape.RECTANGLE, 0.1, 0.2, 0.3, 0.4, Method.FILL)])
    pixels, before = np.asarray(out), np.asarray(image)
    assert (pixels[20:60, 20:80] == 0).all()
    outside = np.ones(pixels.shape[:2], bool)
    outside[20:60, 20:80] = False
    assert (pixels[outside] == before[outside]).all()
    assert np.asarray(image).tobytes() == before.tobytes()  # the input is not changed


def test_an_ellipse_leaves_the_corners_of_its_box() -> None:
    image = _noise((100, 100))
    out = np.asarray(apply(image, [Region(Shape.ELLIPSE, 0, 0, 1, 1, Method.FILL)]))
    assert (out[50, 50] == 0).all()
    assert (out[0, 0] == np.asarray(image)[0, 0]).all()


def test_pixelation_blocks_are_an_eighth_of_the_short_side_at_least() -> None:
    image = _noise((320, 160))
    out = np.asarray(apply(image, [Region(Shape.RECTANGLE, 0, 0, 1, 1, Method.PIXELATE)]))
    block = 160 // 8
    assert len(np.unique(out[:block, :block].reshape(-1, 3), axis=0)) == 1
    assert len(np.unique(out[:, :, 0])) <= (320 // block) * (160 // block)


def test_proposed_regions_are_not_applied() -> None:
    image = _noise((50, 50))
    region = Region(Shape.RECTANGLE, 0, 0, 1, 1, Method.FILL, Status.PROPOSED)
    assert np.array_equal(np.asarray(apply(image, [region])), np.asarray(image))
    hidden = apply(image, [region.with_status(Status.CONFIRMED)])
    assert (np.asarray(hidden) == 0).all()


def test_the_result_carries_nothing_of_the_originals_info() -> None:
    image = _noise((40, 40))
    image.info["exif"] = b"Exif\x00\x00thumbnail of the face"
    assert apply(image, [Region(Shape.RECTANGLE, 0, 0, 0.5, 0.5)]).info == {}


def test_values_round_trip() -> None:
    region = Region(Shape.ELLIPSE, 0.125, 0.3, 0.2, 0.1, Method.PIXELATE, Status.PROPOSED)
    assert from_values(region.values()) == region


@given(x=st.floats(0, 0.999), y=st.floats(0, 0.999), w=st.floats(1e-6, 1), h=st.floats(1e-6, 1),
       width=st.integers(1, 5000), height=st.integers(1, 5000))
def test_a_box_always_lies_in_the_image_and_covers_the_region(x, y, w, h, width,
                                                               height) -> None:
    w, h = min(w, 1 - x), min(h, 1 - y)
    if w <= 0 or h <= 0:
        return
    left, top, right, bottom = Region(Shape.RECTANGLE, x, y, w, h).box((width, height))
    assert 0 <= left < right <= width and 0 <= top < bottom <= height
    assert left <= x * width + 1e-6 and right >= min(width, (x + w) * width - 1e-6)
    assert top <= y * height + 1e-6 and bottom >= min(height, (y + h) * height - 1e-6)


def test_regions_are_in_the_upright_photo(tmp_path) -> None:
    """A photo stored on its side (EXIF orientation 6) is redacted where it is seen upright."""
    from catalog_app.export.public_image import RenderTask, render

    upright = Image.new("RGB", (400, 300), (200, 200, 200))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what the sensor wrote
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to show"
    stored.save(tmp_path / "side.jpg", quality=95, exif=exif.tobytes())
    task = RenderTask(str(tmp_path / "side.jpg"), str(tmp_path / "out.jpg"),
                      str(tmp_path / "thumb.jpg"), 400, "", "", None, False,
                      regions=(Region(Shape.RECTANGLE, 0, 0, 0.5, 0.5, Method.FILL),))
    assert render(task).error is None
    out = np.asarray(Image.open(tmp_path / "out.jpg").convert("L"), dtype=float)
    assert out.shape == (300, 400)  # upright
    assert out[20:130, 20:180].mean() < 10  # the top-left quarter as seen
    assert out[170:, 220:].mean() > 150 and out[20:130, 220:].mean() > 150
