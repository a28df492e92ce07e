"""`catalog-app faces detect|list|review|publish-anyway`; the gallery withholds until then."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli_contract import assert_one_sentence, run
from tests.support import face_photos as fp


def test_faces_from_the_command_line(tmp_path: Path) -> None:
    card, root = tmp_path / "card", tmp_path / "catalogue"
    card.mkdir()
    fp.astronaut().image.save(card / "astronaut.jpg", "JPEG", quality=92)
    fp.sample("rocket").reduce(2).save(card / "rocket.jpg", "JPEG", quality=92)  # no face
    assert run("import", str(card), catalogue=root).returncode == 0
    ids = {Path(p["sources"][0]).stem: p["id"]
           for p in json.loads(run("photos", "--json", catalogue=root).stdout)}
    astronaut, rocket = ids["astronaut"], ids["rocket"]

    not_yet = run("faces", "review", str(astronaut), catalogue=root)
    assert not_yet.returncode == 2
    assert_one_sentence(not_yet.stderr)
    assert "has not been scanned for faces" in not_yet.stderr

    found = run("faces", "detect", "--json", catalogue=root)
    assert found.returncode == 0, found.stderr
    summary = json.loads(found.stdout)
    assert (summary["scanned"], summary["with_faces"], summary["unreviewed"]) == (2, 1, 1)
    said = run("faces", "detect", "--photo", str(rocket), catalogue=root)
    assert said.returncode == 0
    assert "0 faces found in 0; 1 already scanned" in said.stdout

    listed = run("faces", "list", catalogue=root)
    assert listed.stdout.splitlines() == [f"photo {astronaut}: 1 face found, not reviewed"]
    (one,) = json.loads(run("faces", "list", "--json", catalogue=root).stdout)
    assert one["photo"] == astronaut and len(one["boxes"]) == 1

    gallery = run("export", "gallery", str(tmp_path / "site"), "--include-untagged",
                  catalogue=root)
    assert gallery.returncode == 0, gallery.stderr
    assert "1 photo withheld: 1 redaction not reviewed (faces found)." in gallery.stdout

    reviewed = run("faces", "review", str(astronaut), catalogue=root)
    assert reviewed.returncode == 0 and "1 photo marked reviewed." in reviewed.stdout
    assert "marked reviewed; 1 already were" in run(
        "faces", "review", str(astronaut), catalogue=root).stdout
    assert run("faces", "list", catalogue=root).stdout.startswith("No photo with faces waits")
    log = run("log", catalogue=root).stdout
    assert "1 face found marked reviewed" in log and "scanned for faces by opencv-haar" in log

    again = run("export", "gallery", str(tmp_path / "site"), "--include-untagged",
                catalogue=root)
    assert again.returncode == 0 and "withheld" not in again.stdout
    assert run("faces", "publish-anyway", "999", catalogue=root).returncode == 2


def test_import_with_faces_scans_the_new_photos(tmp_path: Path) -> None:
    card, root = tmp_path / "card", tmp_path / "catalogue"
    card.mkdir()
    fp.astronaut().image.save(card / "astronaut.jpg", "JPEG", quality=92)
    done = run("import", str(card), "--faces", "--workers", "1", catalogue=root)
    assert done.returncode == 0, done.stderr
    assert "Faces: 1 found in 1 of the 1 new photo" in done.stdout
    (one,) = json.loads(run("faces", "list", "--json", catalogue=root).stdout)
    assert one["unreviewed"] is True
    plain = run("import", str(card), catalogue=tmp_path / "other")
    assert "Faces:" not in plain.stdout  # off by default
