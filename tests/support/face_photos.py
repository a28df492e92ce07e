"""Licence-clean photos with faces at known boxes: scikit-image's samples and composites of them."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PIL import Image, ImageOps

Box = tuple[float, float, float, float]  # x, y, w, h in pixels

# Stated by eye on the 512 x 512 samples (brow to chin, ear to cheek), not by the detector.
ASTRONAUT_FACE: Box = (172, 62, 100, 100)  # Eileen Collins, frontal (NASA, public domain)
CAMERAMAN_FACE: Box = (170, 90, 85, 95)  # the cameraman, in profile, looking right
# scikit-image samples with no human face in them
NO_FACE = ("coffee", "rocket", "chelsea", "hubble_deep_field", "coins", "immunohistochemistry",
           "brick", "grass", "gravel", "page", "horse", "logo", "colorwheel")


@dataclass(frozen=True, slots=True)
class FacePhoto:
    name: str
    image: Image.Image
    faces: tuple[Box, ...]
    kinds: tuple[str, ...] = ()  # "frontal" or "profile", one per face


def sample(name: str) -> Image.Image:
    import skimage.data

    return Image.fromarray(getattr(skimage.data, name)()).convert("RGB")


def astronaut() -> FacePhoto:
    return FacePhoto("astronaut", sample("astronaut"), (ASTRONAUT_FACE,), ("frontal",))


def cameraman() -> FacePhoto:
    return FacePhoto("camera", sample("camera"), (CAMERAMAN_FACE,), ("profile",))


def _crop(photo: FacePhoto, margin: float = 0.6) -> tuple[Image.Image, Box]:
    """The face with `margin` of its size around it, and the face's box in the crop."""
    x, y, w, h = photo.faces[0]
    left, top = max(0, int(x - margin * w)), max(0, int(y - margin * h))
    right = min(photo.image.width, int(x + w + margin * w))
    bottom = min(photo.image.height, int(y + h + margin * h))
    return photo.image.crop((left, top, right, bottom)), (x - left, y - top, w, h)


def face_sources() -> list[tuple[Image.Image, Box]]:
    """Each face crop, and its mirror (a profile looking the other way): the astronaut's
    (frontal) first, then the cameraman's (profile)."""
    found = []
    for photo in (astronaut(), cameraman()):
        crop, (x, y, w, h) = _crop(photo)
        found.append((crop, (x, y, w, h)))
        found.append((ImageOps.mirror(crop), (crop.width - x - w, y, w, h)))
    return found


def composite(seed: int, size: tuple[int, int] = (4000, 3000), faces: int = 4,
              face_px: tuple[int, int] = (60, 320), max_turn: float = 8.0,
              background: str | None = None, source: int | None = None) -> FacePhoto:
    """A scene (a no-face sample, enlarged) with `faces` faces pasted small, each turned a
    little, none overlapping; the boxes are where the faces landed. `source` picks one face of
    face_sources() (0: the astronaut) instead of any."""
    rng = random.Random(seed)
    name = background or rng.choice(NO_FACE[:9])
    scene = sample(name).resize(size, Image.Resampling.BICUBIC)
    sources = face_sources()
    boxes: list[Box] = []
    kinds: list[str] = []
    for _ in range(faces * 20):
        if len(boxes) == faces:
            break
        pick = source if source is not None else rng.randrange(len(sources))
        crop, (fx, fy, fw, fh) = sources[pick]
        width = rng.randint(*face_px)  # the face's own width in the scene
        scale = width / fw
        piece = crop.resize((max(1, round(crop.width * scale)), max(1, round(crop.height * scale))),
                            Image.Resampling.LANCZOS)
        turn = rng.uniform(-max_turn, max_turn)
        turned = piece.rotate(turn, Image.Resampling.BICUBIC, expand=True)
        if turned.width >= size[0] or turned.height >= size[1]:
            continue
        px, py = rng.randrange(size[0] - turned.width), rng.randrange(size[1] - turned.height)
        # the face's centre, carried through the turn (rotate keeps the centre in the middle
        # and turns counter-clockwise as seen)
        dx = (fx + fw / 2) * scale - piece.width / 2
        dy = (fy + fh / 2) * scale - piece.height / 2
        a = math.radians(turn)
        cx = px + turned.width / 2 + dx * math.cos(a) + dy * math.sin(a)
        cy = py + turned.height / 2 - dx * math.sin(a) + dy * math.cos(a)
        box = (cx - fw * scale / 2, cy - fh * scale / 2, fw * scale, fh * scale)
        outer = (px, py, turned.width, turned.height)
        if any(_overlaps(outer, b, 1.8) for b in boxes):
            continue
        mask = Image.new("L", piece.size, 255).rotate(turn, expand=True)
        scene.paste(turned, (px, py), mask)
        boxes.append(box)
        kinds.append("frontal" if pick < 2 else "profile")
    return FacePhoto(f"composite-{seed}-{name}", scene, tuple(boxes), tuple(kinds))


def _overlaps(outer: Box, face: Box, grow: float) -> bool:
    x, y, w, h = face
    gx, gy = x - (grow - 1) * w, y - (grow - 1) * h
    gw, gh = w * (2 * grow - 1), h * (2 * grow - 1)
    return not (outer[0] + outer[2] < gx or gx + gw < outer[0] or outer[1] + outer[3] < gy
                or gy + gh < outer[1])


def normalised(box: Box, size: tuple[int, int]) -> Box:
    return (box[0] / size[0], box[1] / size[1], box[2] / size[0], box[3] / size[1])
