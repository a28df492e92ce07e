"""The part of a picture that is the photo (borders, bars, status bars trimmed) and its part hashes.

A screenshot or a shared copy often holds the photo inside a border, between letterbox or
pillarbox bars, or under a phone's status bar. `content_box` trims, from each side, rows or
columns that are mostly one colour (a few rounds, so a status bar then a white background both
go). The content area's canonical pHashes are compared like the whole frame's. Window hashes
(the centre and the corners at 90 % of each side, the centre at 95 %, in the pose the whole
frame was given) let a cropped copy's whole frame meet its original's window; they only find
candidates, which grouping confirms by local features (core/local_match.py).

Stored in the same phash_canonical value, after the whole frame's hashes:
    whole..., SEPARATOR, content..., SEPARATOR, windows...
SEPARATOR (0) is a hash of no information, which nothing real can be. No schema change, and a
catalogue hashed before issue 16 reads as whole-frame hashes only.
"""

from __future__ import annotations

import imagehash
import numpy as np
from PIL import Image

SEPARATOR = 0
TOLERANCE = 20  # grey levels from a side's colour still counted as that border
BORDER_SHARE = 0.75  # a row or column is border when this share of it is the side's colour
ROUNDS = 3  # border colours trimmed in turn from each side (status bar, background, mat)
MAX_GAP = 0.03  # lines of text on a bar or background, up to this share of the side
MIN_TRIM = 0.015  # less than this of a side trimmed is not a border
MIN_KEEP = 0.2  # a content area smaller than this share of a side is not believed
PLAIN_STD = 2.0  # grey standard deviation (0-255) of the 32x32 block: below, too little detail
# (a low-contrast real photo of the corpus has 3.8; uniform, 1x1 and blown-out frames under 0.5)
MIN_ONES, MAX_ONES = 10, 54  # a pHash is median-split (about 32 ones); outside: no information
_GRID = 128  # the working square the part windows are cut from
_WINDOWS = ((0.05, 0.05, 0.95, 0.95), (0.0, 0.0, 0.9, 0.9), (0.1, 0.0, 1.0, 0.9),
            (0.0, 0.1, 0.9, 1.0), (0.1, 0.1, 1.0, 1.0), (0.025, 0.025, 0.975, 0.975))
_DIHEDRAL = (None, Image.Transpose.FLIP_LEFT_RIGHT, Image.Transpose.FLIP_TOP_BOTTOM,
             Image.Transpose.ROTATE_180, Image.Transpose.TRANSPOSE, Image.Transpose.ROTATE_90,
             Image.Transpose.ROTATE_270, Image.Transpose.TRANSVERSE)
_AMBIGUOUS = 0.01


def informative(value: int) -> bool:
    """A pHash that carries information: a plain picture's has almost all bits alike."""
    return MIN_ONES <= (value & ((1 << 64) - 1)).bit_count() <= MAX_ONES


def too_plain(grey32: Image.Image) -> bool:
    """Uniform, 1x1, over- or under-exposed: too little detail to compare for duplicates."""
    return float(np.asarray(grey32, dtype=np.float32).std()) < PLAIN_STD


def content_box(grey: np.ndarray) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of the photo inside borders and bars, or None if none."""
    height, width = grey.shape
    top, bottom, left, right = 0, height, 0, width
    for _ in range(ROUNDS):
        area = grey[top:bottom, left:right].astype(np.int16)
        t = _run(area)
        b = _run(area[::-1])
        lf = _run(area.T)
        r = _run(area.T[::-1])
        if not (t or b or lf or r):
            break
        top, bottom, left, right = top + t, bottom - b, left + lf, right - r
        if bottom - top < MIN_KEEP * height or right - left < MIN_KEEP * width:
            return None
    trimmed = (top, height - bottom, left, width - right)
    if max(trimmed[0] / height, trimmed[1] / height, trimmed[2] / width,
           trimmed[3] / width) < MIN_TRIM:
        return None
    return left, top, right, bottom


def _run(area: np.ndarray) -> int:
    """How many leading rows of `area` are a border: mostly one colour, allowing lines of text
    on it (gaps up to MAX_GAP of the side) and an edge row of mixed colour, as resampling
    leaves between a bar and what follows."""
    rows = area.shape[0]
    gap = max(2, round(MAX_GAP * rows))
    for skip in range(min(3, rows - 1)):
        colour = int(np.median(area[skip]))
        border = (np.abs(area[skip:] - colour) <= TOLERANCE).mean(axis=1) >= BORDER_SHARE
        if not border[0]:
            continue
        other = np.convolve(~border, np.ones(gap + 1, dtype=np.int32), "valid") == gap + 1
        end = int(np.argmax(other)) if other.any() else len(border)  # a long stretch of photo
        n = int(np.flatnonzero(border[:end]).max()) + 1
        if n >= max(2, MIN_TRIM * rows):
            return skip + n
    return 0


def _phash(grey32: Image.Image) -> int:
    return int(str(imagehash.phash(grey32)), 16)


def _pose(grey32: Image.Image) -> list[Image.Transpose | None]:
    """The turns that put a 32x32 block in canonical pose (as core/imaging.py chooses)."""
    turns = []
    for turn in _DIHEDRAL:
        posed = grey32 if turn is None else grey32.transpose(turn)
        pixels = np.asarray(posed, dtype=np.float32) / 255.0
        left_right = pixels[:, :16].mean() - pixels[:, 16:].mean()
        top_bottom = pixels[:16, :].mean() - pixels[16:, :].mean()
        if (left_right >= -_AMBIGUOUS and top_bottom >= -_AMBIGUOUS
                and abs(left_right) >= abs(top_bottom) - _AMBIGUOUS):
            turns.append(turn)
    return turns or [None]


def content_hashes(grey_small: Image.Image) -> tuple[int, ...]:
    """Canonical pHashes of the content area, when borders or bars were trimmed."""
    box = content_box(np.asarray(grey_small))
    if box is None:
        return ()
    grey32 = grey_small.crop(box).resize((32, 32), Image.Resampling.LANCZOS)
    if too_plain(grey32):
        return ()
    return tuple(_phash(grey32 if t is None else grey32.transpose(t)) for t in _pose(grey32))


def window_hashes(grey_small: Image.Image, grey32: Image.Image) -> tuple[int, ...]:
    """pHashes of windows of the whole frame (in its canonical pose): crops meet these."""
    square = grey_small.resize((_GRID, _GRID), Image.Resampling.BOX)
    turn = _pose(grey32)[0]
    posed = square if turn is None else square.transpose(turn)
    found = []
    for x0, y0, x1, y1 in _WINDOWS:
        window = posed.crop((round(x0 * _GRID), round(y0 * _GRID), round(x1 * _GRID),
                             round(y1 * _GRID)))
        found.append(_phash(window.resize((32, 32), Image.Resampling.LANCZOS)))
    return tuple(found)


def with_parts(whole: tuple[int, ...], grey_small: Image.Image,
               grey32: Image.Image) -> tuple[int, ...]:
    """What is stored for duplicates (see the module's docstring); nothing at all for a
    picture with too little detail."""
    if too_plain(grey32):
        return ()
    content = tuple(h for h in content_hashes(grey_small) if h not in whole)
    windows = tuple(h for h in dict.fromkeys(window_hashes(grey_small, grey32))
                    if h not in whole and informative(h))
    return (*whole, SEPARATOR, *content, SEPARATOR, *windows)


def split(stored: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """(whole-frame, content-area, window hashes) of a stored value, uninformative ones left
    out."""
    pieces: list[tuple[int, ...]] = [(), (), ()]
    kind = 0
    for value in stored:
        if value == SEPARATOR:
            kind = min(kind + 1, 2)
        elif informative(value):
            pieces[kind] += (value,)
    return pieces[0], pieces[1], pieces[2]
