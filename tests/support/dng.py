"""Write small camera DNGs for tests and benchmarks (tifffile), with or without a preview."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import tifffile

_CFA = 32803  # PhotometricInterpretation: colour filter array


def sensor_pattern(width: int, height: int, seed: int = 0) -> np.ndarray:
    """A 12-bit RGGB mosaic of a picture with shapes in it (so hashes have something to see)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    picture = (1500 + 1200 * np.sin(x / (width / 5 + seed)) * np.cos(y / (height / 3))
               + 800 * ((x // (width // 4) + y // (height // 3)) % 2))
    picture += rng.normal(0, 20, picture.shape)
    return np.clip(picture, 0, 4095).astype(np.uint16)


def write_dng(path: Path, width: int = 1200, height: int = 800, *, preview_px: int = 0,
              make: str = "Testcam", model: str = "T-24", taken: str = "2024:05:06 07:08:09",
              seed: int = 0) -> Path:
    """A DNG with a CFA sensor image of width x height; with `preview_px`, an RGB preview of
    that long side as IFD0 (the raw in a SubIFD, as cameras write them)."""
    mosaic = sensor_pattern(width, height, seed)
    camera = [(271, "s", 0, make, True), (272, "s", 0, model, True),
              (306, "s", 0, taken, True), (36867, "s", 0, taken, True),  # DateTimeOriginal
              (50706, "B", 4, (1, 4, 0, 0), True),  # DNGVersion
              (50708, "s", 0, f"{make} {model}", True)]  # UniqueCameraModel
    identity = (1, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 1)  # 3x3, as rationals
    colour = [(50721, "2i", 9, identity, True),  # ColorMatrix1
              (50778, "H", 1, 21, True),  # CalibrationIlluminant1: D65
              (50728, "2I", 3, (1, 1, 1, 1, 1, 1), True)]  # AsShotNeutral
    raw_tags = [(33421, "H", 2, (2, 2), True), (33422, "B", 4, (0, 1, 1, 2), True),
                (50717, "I", 1, 4095, True), (50714, "I", 1, 0, True)]  # White/BlackLevel
    with tifffile.TiffWriter(path) as tif:
        if preview_px:
            scale = preview_px / max(width, height)
            ph, pw = max(1, round(height * scale)), max(1, round(width * scale))
            small = mosaic[:: max(1, height // ph), :: max(1, width // pw)][:ph, :pw]
            rgb = np.repeat((small >> 4).astype(np.uint8)[..., None], 3, axis=2)
            tif.write(rgb, photometric="rgb", subfiletype=1, subifds=1,
                      extratags=camera + colour)
            tif.write(mosaic, photometric=_CFA, subfiletype=0, extratags=raw_tags)
        else:
            tif.write(mosaic, photometric=_CFA, subfiletype=0,
                      extratags=camera + colour + raw_tags)
    return path
