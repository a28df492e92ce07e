"""Faces found offline: OpenCV's bundled Haar cascades over a PIL image -> proposed boxes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from functools import cache
from typing import Any

import numpy as np
from PIL import Image, ImageOps

# The cascades ship inside opencv-python-headless (Apache-2.0, the cascades under OpenCV's
# BSD-style licence); nothing is downloaded. OpenCV 5 no longer bundles them: pinned < 5.
FRONTAL = "haarcascade_frontalface_alt2.xml"
FRONTAL_ALT = "haarcascade_frontalface_alt.xml"
FRONTAL_DEFAULT = "haarcascade_frontalface_default.xml"
PROFILE = "haarcascade_profileface.xml"
# Faces are looked for on a copy whose long side is at most this (a 12 MP photo: 1600 x 1200,
# where a face 50 px wide in the original is 20 px, the cascades' smallest window).
MAX_SIDE = 1600
MIN_FACE_PX = 20  # smallest face searched for, in pixels of the scaled copy
SCALE_STEP = 1.15  # between the sizes searched (1.1: ~1.5x slower, finds a few more)
PROFILE_STEP = 1.25  # the profile cascade is the slow one, and it runs twice (mirrored)
NEIGHBOURS = 5  # overlapping hits a face needs (4: one more face found, 3 more false ones)
MERGE_IOU = 0.3  # a frontal and a profile hit overlapping this much are one face
VOTE_IOU = 0.3  # boxes of two cascades overlapping this much vote for one face


@dataclass(frozen=True, slots=True)
class Box:
    """A proposed face on the upright image, normalised to 0..1; `score` is how many
    overlapping hits the cascade made there (more: surer)."""

    x: float
    y: float
    w: float
    h: float
    score: float
    kind: str = "frontal"  # frontal | profile

    def iou(self, other: Box) -> float:
        return iou((self.x, self.y, self.w, self.h), (other.x, other.y, other.w, other.h))


@dataclass(frozen=True, slots=True)
class Detector:
    """Which cascades run: `name` and `version` are recorded with every scan."""

    name: str
    cascades: tuple[str, ...]  # FRONTAL..., PROFILE (run on the image and on its mirror)
    max_side: int = MAX_SIDE
    neighbours: int = NEIGHBOURS
    scale_step: float = SCALE_STEP
    profile_step: float = PROFILE_STEP
    profile_neighbours: int | None = None  # None: `neighbours`
    turns: tuple[float, ...] = ()  # degrees: the frontal cascades also run on copies turned so
    # None: each box stands alone. A number: the cascades report every box with at least
    # `neighbours` hits; a frontal box is kept when its hits and those of the boxes other
    # cascades made over it (IoU > VOTE_IOU) reach `votes`, a profile box when its own hits
    # reach `profile_neighbours`.
    votes: int | None = None

    def neighbours_for(self, cascade: str) -> int:
        if cascade == PROFILE and self.profile_neighbours is not None and self.votes is None:
            return self.profile_neighbours
        return self.neighbours

    @property
    def version(self) -> str:
        import cv2

        names = "+".join(c.removeprefix("haarcascade_").removesuffix(".xml")
                         for c in self.cascades)
        extra = (f"/pn{self.profile_neighbours}" if self.profile_neighbours is not None
                 else "") + ("/t" + ",".join(f"{t:g}" for t in self.turns) if self.turns
                             else "") + (f"/v{self.votes}" if self.votes is not None else "")
        return (f"{names}@{self.max_side}px/n{self.neighbours}/s{self.scale_step}"
                f"/p{self.profile_step}{extra}/opencv-{cv2.__version__}")


# Two frontal cascades that vote, and the profile one (on the image and its mirror) where it
# is sure: bench_faces.py measured it against PREVIOUS (recall 41 % at 92 % precision there).
DEFAULT = Detector("opencv-haar-voted", (FRONTAL, FRONTAL_ALT, PROFILE), neighbours=3,
                   scale_step=1.1, profile_step=1.1, profile_neighbours=14, votes=12)
# the detector before (frontal alt2 + profile, 5 hits each); the baseline is OpenCV's default
# frontal cascade alone
PREVIOUS = Detector("opencv-haar", (FRONTAL, PROFILE))
BASELINE = Detector("opencv-haar-default-frontal", (FRONTAL_DEFAULT,), neighbours=5)


def iou(a: Sequence[float], b: Sequence[float]) -> float:
    """Intersection over union of two (x, y, w, h) boxes."""
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


@cache
def _cascade(name: str) -> Any:
    import cv2

    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + name)  # type: ignore[attr-defined]
    if cascade.empty():  # pragma: no cover - a broken OpenCV install
        raise RuntimeError(f"OpenCV's cascade {name} could not be loaded")
    return cascade


def grey_for_detection(image: Image.Image, max_side: int = MAX_SIDE) -> tuple[np.ndarray, float]:
    """The upright image in grey, scaled so its long side is at most `max_side`, equalised;
    with the factor from its pixels back to the upright image's."""
    upright = ImageOps.exif_transpose(image) or image
    grey = upright.convert("L")
    longest = max(grey.size)
    factor = 1.0
    if longest > max_side:
        factor = longest / max_side
        size = (max(1, round(grey.width / factor)), max(1, round(grey.height / factor)))
        grey = grey.resize(size, Image.Resampling.BOX)
    import cv2

    return cv2.equalizeHist(np.asarray(grey)), factor


def detect(image: Image.Image, detector: Detector = DEFAULT) -> list[Box]:
    """Faces in `image` (EXIF orientation applied first), best first."""
    pixels, _ = grey_for_detection(image, detector.max_side)
    return detect_grey(pixels, detector)


def detect_grey(pixels: np.ndarray, detector: Detector = DEFAULT) -> list[Box]:
    """Faces in an upright grey image (grey_for_detection's), normalised to its size."""
    height, width = pixels.shape[:2]
    found: list[Box] = []
    by_cascade: list[tuple[str, Box]] = []
    for name in detector.cascades:
        before = len(found)
        kind = "profile" if name == PROFILE else "frontal"
        views = [(pixels, False)] + ([(np.ascontiguousarray(pixels[:, ::-1]), True)]
                                     if kind == "profile" else [])
        for view, mirrored in views:
            rects, hits = _cascade(name).detectMultiScale2(
                view, minNeighbors=detector.neighbours_for(name),
                scaleFactor=detector.profile_step if kind == "profile" else detector.scale_step,
                minSize=(MIN_FACE_PX, MIN_FACE_PX))
            for (x, y, w, h), n in zip(rects, hits, strict=True):
                left = width - x - w if mirrored else x
                found.append(Box(float(left) / width, float(y) / height, float(w) / width,
                                 float(h) / height, float(n), kind))
        if kind == "frontal":
            for turn in detector.turns:
                found += _turned_hits(pixels, name, turn, detector)
        by_cascade += [(name, box) for box in found[before:]]
    if detector.votes is not None:
        found = _voted(by_cascade, detector)
    return merge(found)


def _voted(boxes: Sequence[tuple[str, Box]], detector: Detector) -> list[Box]:
    """The boxes several cascades agree on (Detector.votes), scored by the hits for them."""
    assert detector.votes is not None
    profile_least = detector.profile_neighbours or detector.neighbours
    kept = []
    for cascade, box in boxes:
        if box.kind == "profile":
            if box.score >= profile_least:
                kept.append(box)
            continue
        support = sum(other.score for name, other in boxes
                      if name != cascade and other.iou(box) > VOTE_IOU)
        if box.score + support >= detector.votes:
            kept.append(replace(box, score=box.score + support))
    return kept


def _turned_hits(pixels: np.ndarray, cascade: str, turn: float, detector: Detector
                 ) -> list[Box]:
    """Frontal faces in a copy turned by `turn` degrees (a head tilted that much the other
    way is upright there), each box carried back to the upright image by its centre."""
    import cv2

    height, width = pixels.shape[:2]
    forward = cv2.getRotationMatrix2D((width / 2, height / 2), turn, 1.0)
    turned = cv2.warpAffine(pixels, forward, (width, height), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_REPLICATE)
    back = cv2.invertAffineTransform(forward)
    rects, hits = _cascade(cascade).detectMultiScale2(
        turned, minNeighbors=detector.neighbours_for(cascade),
        scaleFactor=detector.scale_step, minSize=(MIN_FACE_PX, MIN_FACE_PX))
    found = []
    for (x, y, w, h), n in zip(rects, hits, strict=True):
        cx, cy = back @ np.array([x + w / 2, y + h / 2, 1.0])
        left = min(max(0.0, float(cx) - w / 2), width - float(w))
        top = min(max(0.0, float(cy) - h / 2), height - float(h))
        found.append(Box(left / width, top / height, float(w) / width, float(h) / height,
                         float(n), "frontal"))
    return found


def merge(boxes: Sequence[Box], threshold: float = MERGE_IOU) -> list[Box]:
    """One box per face: the surest of boxes overlapping more than `threshold` (greedy NMS)."""
    kept: list[Box] = []
    for box in sorted(boxes, key=lambda b: (-b.score, b.kind != "frontal")):
        if all(box.iou(k) <= threshold and not _inside(box, k) for k in kept):
            kept.append(box)
    return kept


def _inside(a: Box, b: Box) -> bool:
    """`a` lies (almost) wholly within `b` or `b` within `a`: one face seen at two scales."""
    ix = max(0.0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0.0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    return ix * iy >= 0.8 * min(a.w * a.h, b.w * b.h)


def boxes_data(boxes: Sequence[Box]) -> list[dict[str, Any]]:
    """Boxes as the custody log records them (rounded to 1/10,000 of a side)."""
    return [{k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(b).items()}
            for b in boxes]


def boxes_text(data: list[dict[str, Any]]) -> str:
    """The one text form of boxes_data the catalogue stores (the log's canonical JSON)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def boxes_from(value: str | list[dict[str, Any]]) -> list[Box]:
    items = json.loads(value) if isinstance(value, str) else value
    return [Box(float(d["x"]), float(d["y"]), float(d["w"]), float(d["h"]), float(d["score"]),
                str(d.get("kind", "frontal"))) for d in items]


@dataclass(frozen=True, slots=True)
class FaceScan:
    """One photo's scan and what a person decided about it."""

    photo_id: int
    detector: str
    detector_version: str
    scanned_at: str
    boxes: tuple[Box, ...]
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    published_anyway_by: str | None = None
    published_anyway_at: str | None = None

    @property
    def unreviewed(self) -> bool:
        """Faces were found and no one has reviewed them or said to publish anyway."""
        return bool(self.boxes) and self.reviewed_at is None and self.published_anyway_at is None

    def status(self) -> str:
        """"2 faces found, not reviewed" (how both faces say it)."""
        n = len(self.boxes)
        found = f"{n} face{'s' * (n != 1)} found" if n else "no face found"
        if not n:
            return found
        if self.reviewed_at is not None:
            return f"{found}, reviewed by {self.reviewed_by} on {self.reviewed_at[:10]}"
        if self.published_anyway_at is not None:
            return (f"{found}, published anyway by {self.published_anyway_by} on "
                    f"{self.published_anyway_at[:10]}")
        return f"{found}, not reviewed"
