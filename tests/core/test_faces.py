"""The face detector: the astronaut's face is found where a person sees it; no face, no box."""

from __future__ import annotations

import io

from PIL import Image

from catalog_app.core import faces
from tests.support import face_photos as fp


def best_iou(boxes: list[faces.Box], truth: fp.Box, size: tuple[int, int]) -> float:
    want = fp.normalised(truth, size)
    return max((faces.iou((b.x, b.y, b.w, b.h), want) for b in boxes), default=0.0)


def test_the_astronauts_face_is_found_where_a_person_sees_it() -> None:
    photo = fp.astronaut()
    found = faces.detect(photo.image)
    assert len(found) == 1
    assert best_iou(found, fp.ASTRONAUT_FACE, photo.image.size) > 0.5
    box = found[0]
    assert 0 <= box.x < box.x + box.w <= 1 and 0 <= box.y < box.y + box.h <= 1


def test_scenes_with_no_face_give_none() -> None:
    for name in ("coffee", "rocket", "chelsea"):
        assert faces.detect(fp.sample(name)) == [], name
    assert faces.detect(Image.new("RGB", (800, 600), (90, 120, 60))) == []


def test_boxes_are_on_the_upright_image() -> None:
    """A JPEG stored turned, with EXIF orientation 6: the box is where the face is seen."""
    photo = fp.astronaut()
    exif = Image.Exif()
    exif[0x0112] = 6  # shown turned 90° clockwise
    data = io.BytesIO()
    photo.image.transpose(Image.Transpose.ROTATE_90).save(data, "JPEG", quality=92,
                                                          exif=exif.tobytes())
    with Image.open(io.BytesIO(data.getvalue())) as stored:
        found = faces.detect(stored)
    assert best_iou(found, fp.ASTRONAUT_FACE, photo.image.size) > 0.5


def test_a_small_face_in_a_12_megapixel_scene_is_found() -> None:
    photo = fp.composite(7, size=(4000, 3000), faces=1, face_px=(110, 130), max_turn=6,
                         background="coffee", source=0)
    assert len(photo.faces) == 1
    found = faces.detect(photo.image)
    assert best_iou(found, photo.faces[0], photo.image.size) > 0.5


def test_a_face_seen_by_both_cascades_is_one_box() -> None:
    a = faces.Box(0.1, 0.1, 0.2, 0.2, 9, "frontal")
    b = faces.Box(0.11, 0.12, 0.19, 0.2, 4, "profile")
    far = faces.Box(0.6, 0.6, 0.1, 0.1, 3, "profile")
    assert faces.merge([b, far, a]) == [a, far]


def test_boxes_keep_their_values_through_their_stored_text() -> None:
    boxes = [faces.Box(0.12345678, 0.5, 0.25, 0.3333333, 12.0, "profile")]
    data = faces.boxes_data(boxes)
    assert faces.boxes_from(data) == [faces.Box(0.1235, 0.5, 0.25, 0.3333, 12.0, "profile")]
    assert faces.boxes_text(data) == (
        '[{"h":0.3333,"kind":"profile","score":12.0,"w":0.25,"x":0.1235,"y":0.5}]')


def test_a_scan_says_what_was_decided() -> None:
    box = faces.Box(0.1, 0.1, 0.2, 0.2, 9)
    scan = faces.FaceScan(3, "opencv-haar", "v", "2026-12-02T00:00:00Z", (box, box))
    assert scan.unreviewed and scan.status() == "2 faces found, not reviewed"
    done = faces.FaceScan(3, "opencv-haar", "v", "t", (box,), "ana", "2026-12-02T01:00:00Z")
    assert not done.unreviewed
    assert done.status() == "1 face found, reviewed by ana on 2026-12-02"
    assert not faces.FaceScan(3, "opencv-haar", "v", "t", ()).unreviewed
