"""Redaction regions over a photo and how they hide what is under them (pure: Pillow, numpy)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from catalog_app.errors import UsageError
from catalog_app.i18n import N_, _

BLUR_CELLS = 4  # a blurred region keeps this many cells across its short side, no more
PIXELATE_CELLS = 8  # pixelation blocks: at least 1/8 of the region's short side
BLUR_SMOOTH_PX = 64  # the short side a blurred region is smoothed at, before its full size
BLUR_NOISE = 20  # noise over a blurred region: uniform in ±20 of 255 (11.5 standard deviation)
FILL = (0, 0, 0)
_EPS = 1e-6  # of a pixel: 0.1 * 200 is 20, not the 20.000000000000004 floats make of it


class Shape(StrEnum):
    RECTANGLE = "rectangle"
    ELLIPSE = "ellipse"


class Method(StrEnum):
    BLUR = "blur"
    PIXELATE = "pixelate"
    FILL = "fill"


class Status(StrEnum):
    CONFIRMED = "confirmed"  # applied to every published derivative
    PROPOSED = "proposed"  # found by face detection, waiting for a person's review


# A region's shape and method in words (the values are what the catalogue and the log keep)
_WORDS = {"rectangle": N_("rectangle"), "ellipse": N_("ellipse"), "blur": N_("blur"),
          "pixelate": N_("pixelate"), "fill": N_("fill")}


class BadRegion(UsageError):
    """A region whose box or kind the app cannot use."""


@dataclass(frozen=True, slots=True)
class Region:
    """A box in the upright photo's normalised coordinates (0..1), so any resize keeps it."""

    shape: Shape
    x: float
    y: float
    w: float
    h: float
    method: Method = Method.BLUR
    status: Status = Status.CONFIRMED
    id: int | None = None  # the catalogue's id once stored
    created_by: str = ""
    created_at: str = ""

    def __post_init__(self) -> None:
        for name in ("x", "y", "w", "h"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not math.isfinite(value):
                raise BadRegion(_("A redaction region's {name} must be a number.")
                                .format(name=name))
        if not (0 <= self.x < 1 and 0 <= self.y < 1 and self.w > 0 and self.h > 0
                and self.x + self.w <= 1 + 1e-9 and self.y + self.h <= 1 + 1e-9):
            raise BadRegion(_("A redaction region must lie inside the photo and have a size."))
        object.__setattr__(self, "shape", Shape(self.shape))
        object.__setattr__(self, "method", Method(self.method))
        object.__setattr__(self, "status", Status(self.status))

    @property
    def applied(self) -> bool:
        return self.status is Status.CONFIRMED

    def box(self, size: tuple[int, int]) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) in pixels of an image of `size`, rounded outwards."""
        width, height = size
        left, top = math.floor(self.x * width + _EPS), math.floor(self.y * height + _EPS)
        right = min(width, max(left + 1, math.ceil((self.x + self.w) * width - _EPS)))
        bottom = min(height, max(top + 1, math.ceil((self.y + self.h) * height - _EPS)))
        return min(left, width - 1), min(top, height - 1), right, bottom

    def values(self) -> dict[str, Any]:
        """What the log records of a region (and what a re-export depends on)."""
        return {"shape": self.shape.value, "x": self.x, "y": self.y, "w": self.w, "h": self.h,
                "method": self.method.value, "status": self.status.value}

    def with_status(self, status: Status) -> Region:
        return replace(self, status=status)

    def describe(self) -> str:
        """The region in words, as the inspector and the history show it."""
        sentence = (N_("{shape} {w} % x {h} % at {x} %, {y} %: {method}") if self.applied else
                    N_("{shape} {w} % x {h} % at {x} %, {y} %: {method} (proposed, not "
                       "applied)"))
        return _(sentence).format(
            shape=_(_WORDS.get(self.shape.value, self.shape.value)),
            method=_(_WORDS.get(self.method.value, self.method.value)),
            w=f"{self.w * 100:.0f}", h=f"{self.h * 100:.0f}", x=f"{self.x * 100:.0f}",
            y=f"{self.y * 100:.0f}")


def from_values(values: Mapping[str, Any], **extra: Any) -> Region:
    """A region from what `Region.values` wrote (a log entry, a table row)."""
    return Region(shape=Shape(values["shape"]), x=float(values["x"]), y=float(values["y"]),
                  w=float(values["w"]), h=float(values["h"]), method=Method(values["method"]),
                  status=Status(values["status"]), **extra)


def apply(image: Image.Image, regions: Iterable[Region]) -> Image.Image:
    """The image with every confirmed region hidden (a new image; `image` is not changed).

    The result carries no `info` of the original: its EXIF, say, could hold a thumbnail of
    what the regions hide.
    """
    chosen = [r for r in regions if r.applied]
    if not chosen:
        return image
    out = image.convert("RGB") if image.mode != "RGB" else image.copy()
    out.info = {}
    for region in chosen:
        box = region.box(out.size)
        patch = out.crop(box)
        hidden = _hide(patch, region.method)
        out.paste(hidden, box[:2], _mask(patch.size, region.shape))
    return out


def _mask(size: tuple[int, int], shape: Shape) -> Image.Image | None:
    if shape is Shape.RECTANGLE:
        return None
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).ellipse((0, 0, size[0] - 1, size[1] - 1), fill=255)
    return mask


def _cells(size: tuple[int, int], across_short: int) -> tuple[int, int]:
    short = min(size)
    return (max(1, round(size[0] * across_short / short)),
            max(1, round(size[1] * across_short / short)))


def _hide(patch: Image.Image, method: Method) -> Image.Image:
    if method is Method.FILL:
        return Image.new("RGB", patch.size, FILL)
    if method is Method.PIXELATE:
        block = max(1, math.ceil(min(patch.size) / PIXELATE_CELLS))
        cells = (math.ceil(patch.width / block), math.ceil(patch.height / block))
        small = patch.resize(cells, Image.Resampling.BOX)
        return small.resize((cells[0] * block, cells[1] * block), Image.Resampling.NEAREST
                            ).crop((0, 0, *patch.size))
    # Blur: keep a few cells across the region (everything finer is gone), smooth them over
    # with a Gaussian of a quarter of the region, and add noise, so no deconvolution can
    # bring back detail that is simply not there.
    # (The smoothing runs at BLUR_SMOOTH_PX across: the same picture as at full size, since 4
    # cells hold nothing finer, for a hundredth of the work on a large region.)
    small = patch.resize(_cells(patch.size, BLUR_CELLS), Image.Resampling.BOX)
    middle = small.resize(_cells(patch.size, BLUR_SMOOTH_PX), Image.Resampling.BILINEAR)
    middle = middle.filter(ImageFilter.GaussianBlur(BLUR_SMOOTH_PX / 4))
    smooth = middle.resize(patch.size, Image.Resampling.BILINEAR)
    grain = Image.fromarray(np.random.default_rng().integers(
        0, 2 * BLUR_NOISE + 1, (patch.height, patch.width), dtype=np.uint8), "L")
    return ImageChops.add(smooth, Image.merge("RGB", (grain, grain, grain)),
                          offset=-BLUR_NOISE)  # uniform in ±BLUR_NOISE, clipped to 0..255
