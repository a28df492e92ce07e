"""Second duplicate stage: do two pictures show one photo? ORB keypoints + RANSAC homography.

Used only on candidate pairs (a part hash met a whole frame), on the stored thumbnails. It
confirms crops, borders, status bars, burned-in text and screens shot at an angle, and says
how much of each picture the other covers (the matched area, a box on each).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

MIN_POINTS = 30  # inliers of the homography needed to call it the same photo
MIN_INLIER_SHARE = 0.3  # of the ratio-test matches
RATIO = 0.8  # Lowe's ratio test
RANSAC_PX = 4.0
FULL = 0.97  # a matched share at least this is the whole picture
PLAIN_TOLERANCE, PLAIN_SHARE = 20, 0.7  # outside a match, this share this near one colour
_ORB = None


@dataclass(frozen=True, slots=True)
class Features:
    size: tuple[int, int]  # (width, height)
    points: np.ndarray  # float32 (n, 2)
    descriptors: np.ndarray | None  # uint8 (n, 32)
    grey: np.ndarray  # the picture: is what lies outside a match plain (a border)?


@dataclass(frozen=True, slots=True)
class LocalMatch:
    points: int  # inliers of the homography
    area_a: float  # share of a's area that b shows
    area_b: float  # share of b's area that shows a
    box_a: tuple[float, float, float, float]  # where b's picture lies on a: x, y, w, h (0..1)
    box_b: tuple[float, float, float, float]  # where a's picture lies on b
    framed_a: bool = False  # what of a lies outside b is plain (a border, a bar), not photo
    framed_b: bool = False

    def swapped(self) -> LocalMatch:
        return LocalMatch(self.points, self.area_b, self.area_a, self.box_b, self.box_a,
                          self.framed_b, self.framed_a)

    @property
    def contained(self) -> bool:
        """One picture lies wholly in the other, as a copy does (a crop, a framed copy); two
        shots of a panning burst only overlap."""
        return max(self.area_a, self.area_b) >= FULL

    def relation(self) -> str:
        """What b is to a: 'crop' (part of it), 'framed' (it in a border or on a screen),
        'cropped-from' / 'frame-of' (the same, the other way round) or 'altered'."""
        if self.area_a < FULL and not self.framed_a:
            return "crop"
        if self.area_b < FULL and self.framed_b:
            return "framed"
        if self.area_b < FULL:
            return "cropped-from"
        if self.area_a < FULL:
            return "frame-of"
        return "altered"


def features_of_file(path: str | Path) -> Features | None:
    """Keypoints of a stored picture (a thumbnail), or None if it cannot be read."""
    try:
        with Image.open(path) as image:
            grey = np.asarray(image.convert("L"))
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    return features(grey)


def features(grey: np.ndarray) -> Features:
    """ORB keypoints of a greyscale picture (uint8, height x width)."""
    global _ORB
    if _ORB is None:
        _ORB = cv2.ORB_create(  # type: ignore[attr-defined]
            nfeatures=500, edgeThreshold=15, patchSize=15, fastThreshold=10)
    keypoints, descriptors = _ORB.detectAndCompute(grey, None)
    points = np.array([k.pt for k in keypoints], dtype=np.float32).reshape(-1, 2)
    return Features((grey.shape[1], grey.shape[0]), points, descriptors, grey)


def match(a: Features, b: Features) -> LocalMatch | None:
    """The geometric match of two pictures, or None when they do not show the same photo."""
    if a.descriptors is None or b.descriptors is None or len(a.points) < MIN_POINTS \
            or len(b.points) < MIN_POINTS:
        return None
    pairs = cv2.BFMatcher(cv2.NORM_HAMMING).knnMatch(a.descriptors, b.descriptors, k=2)
    good = [m[0] for m in pairs if len(m) == 2 and m[0].distance < RATIO * m[1].distance]
    if len(good) < MIN_POINTS:
        return None
    src = a.points[[m.queryIdx for m in good]]
    dst = b.points[[m.trainIdx for m in good]]
    homography, mask = cv2.findHomography(src, dst, cv2.RANSAC, RANSAC_PX)
    if homography is None:
        return None
    inliers = int(mask.sum())
    if inliers < MIN_POINTS or inliers < MIN_INLIER_SHARE * len(good) \
            or not _plausible(homography):
        return None
    box_b, area_b = _projected(homography, a.size, b.size)
    box_a, area_a = _projected(np.linalg.inv(homography), b.size, a.size)
    if area_a < 0.05 or area_b < 0.05:
        return None
    return LocalMatch(inliers, area_a, area_b, box_a, box_b,
                      _plain_outside(a, np.linalg.inv(homography), b.size, area_a),
                      _plain_outside(b, homography, a.size, area_b))


def _plain_outside(f: Features, h: np.ndarray, other: tuple[int, int], share: float) -> bool:
    """Whether what of f's picture lies outside the other's is plain: mostly one colour (a
    border, bars, a screen's background, a status bar), not more of the photo."""
    if share >= FULL:
        return False
    w, h_ = other
    corners = np.array([[[0, 0]], [[w, 0]], [[w, h_]], [[0, h_]]], dtype=np.float32)
    polygon = cv2.perspectiveTransform(corners, h).reshape(-1, 2)
    mask = np.ones(f.grey.shape, dtype=np.uint8)
    cv2.fillPoly(mask, [np.round(polygon).astype(np.int32)], 0)
    outside = f.grey[mask.astype(bool)].astype(np.int16)
    if outside.size < 0.01 * f.grey.size:
        return False
    colour = int(np.median(outside))
    return float((np.abs(outside - colour) <= PLAIN_TOLERANCE).mean()) >= PLAIN_SHARE


def _plausible(h: np.ndarray) -> bool:
    """A picture seen again, maybe scaled, turned or at an angle: not folded or collapsed."""
    det = float(np.linalg.det(h[:2, :2]))
    return 0.01 < abs(det) < 100 and abs(float(h[2, 0])) < 0.01 and abs(float(h[2, 1])) < 0.01


def _projected(h: np.ndarray, source: tuple[int, int], target: tuple[int, int]
               ) -> tuple[tuple[float, float, float, float], float]:
    """Where `source`'s frame falls on `target` (a clipped box, 0..1) and the share it covers."""
    w, h_ = source
    corners = np.array([[[0, 0]], [[w, 0]], [[w, h_]], [[0, h_]]], dtype=np.float32)
    placed = cv2.perspectiveTransform(corners, h).reshape(-1, 2)
    tw, th = target
    clipped = _clip(placed, tw, th)
    if len(clipped) < 3:
        return (0.0, 0.0, 0.0, 0.0), 0.0
    area = float(cv2.contourArea(clipped.astype(np.float32))) / (tw * th)
    x0, y0 = clipped.min(axis=0)
    x1, y1 = clipped.max(axis=0)
    box = (round(float(x0) / tw, 4), round(float(y0) / th, 4),
           round(float(x1 - x0) / tw, 4), round(float(y1 - y0) / th, 4))
    return box, min(area, 1.0)


def _clip(polygon: np.ndarray, width: float, height: float) -> np.ndarray:
    """Sutherland-Hodgman: the polygon inside the target's frame."""
    points = [tuple(p) for p in polygon.tolist()]
    edges = ((0, 0.0, 1), (0, width, -1), (1, 0.0, 1), (1, height, -1))
    for axis, limit, sign in edges:
        if not points:
            break
        out = []
        for n, current in enumerate(points):
            previous = points[n - 1]
            inside_c = sign * (current[axis] - limit) >= 0
            inside_p = sign * (previous[axis] - limit) >= 0
            if inside_c != inside_p:
                t = (limit - previous[axis]) / (current[axis] - previous[axis])
                out.append((previous[0] + t * (current[0] - previous[0]),
                            previous[1] + t * (current[1] - previous[1])))
            if inside_c:
                out.append(current)
        points = out
    return np.array(points, dtype=np.float32).reshape(-1, 2)
