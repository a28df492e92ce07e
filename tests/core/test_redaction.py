"""Redaction regions: where they fall on any size, what each method leaves, what they refuse."""

from __future__ import annotations

import numpy as np
import pytest
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
