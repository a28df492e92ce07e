"""What a repair makes of each stray file among the originals: adopted only when its bytes
hash to its content-addressed name and it was stored in an interrupted import's window;
everything else quarantined, logged, never deleted."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import CatalogueReadOnly
from catalog_app.services.repair import examine, repair_originals
from tests.conftest import ACTOR
from tests.support.synthetic import make_jpegs


def _place(root: Path, data: bytes, name: str | None = None, folder: str | None = None) -> Path:
    """`data` under originals/, by default where the store puts it (its SHA-256 names it)."""
    sha = hashlib.sha256(data).hexdigest()
    path = root / "originals" / (folder or sha[:2]) / (name or f"{sha}.jpg")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(0o444)
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A catalogue with an import whose process "died" (still marked running)."""
    root = tmp_path / "cat"
    with Catalogue.open(root, create=True) as made:
        made.begin_import(["/card"], False, ACTOR)
    return root


def _marked(root: Path) -> Catalogue:
    """Opened for writing after the files were placed: the window ends at this open."""
    opened = Catalogue.open(root, actor=ACTOR)
    assert opened.import_status(1) == "interrupted"
    return opened


def test_each_kind_of_stray_is_named_and_repaired(root: Path, tmp_path: Path) -> None:
    jpeg_a, jpeg_b = (p.read_bytes() for p in make_jpegs(tmp_path / "card", 2, size=(96, 72)))
    left = _place(root, jpeg_a)  # what a killed import stored
    sha_b = hashlib.sha256(jpeg_b).hexdigest()
    wrong = _place(root, b"other bytes", f"{sha_b}.jpg", sha_b[:2])  # its name lies
    part = _place(root, jpeg_b[:100], f".{sha_b}.jpg.4242.part", sha_b[:2])  # cut short
    planted = _place(root, b"planted", "notes.txt")
    with _marked(root) as catalogue:
        _named_and_repaired(catalogue, root, jpeg_a, left, wrong, part, planted)


def _named_and_repaired(catalogue: Catalogue, root: Path, jpeg_a: bytes, left: Path,
                        wrong: Path, part: Path, planted: Path) -> None:
    found = {s.path: s for s in examine(catalogue, [left, wrong, part, planted])}
    started, when = catalogue.interrupted_imports()[0][1:]
    by = f"import 1 (started {started}, found interrupted {when})"
    assert found[left].sentence() == (f"original stored by {by} but never recorded (it was "
                                      f"killed first): {left}")
    assert found[wrong].sentence() == (f"file named like an original stored by {by}, but its "
                                       f"bytes do not match its name: {wrong}")
    assert found[part].sentence() == f"unfinished copy left by {by}: {part}"
    assert found[planted].sentence() == f"unknown file among the originals: {planted}"
    assert [p for p, s in found.items() if s.adoptable] == [left]

    report = repair_originals(catalogue, ACTOR)
    (adopted_path, photo_id), = report.adopted
    assert adopted_path == str(left)
    photo = catalogue.photo(photo_id)
    assert photo.sha256 == hashlib.sha256(jpeg_a).hexdigest() and left.read_bytes() == jpeg_a
    assert sorted(Path(p).name for p, _ in report.quarantined) == sorted(
        [wrong.name, part.name, planted.name])
    for path, moved_to in report.quarantined:
        assert not Path(path).exists() and Path(moved_to).is_file()
        assert Path(moved_to).is_relative_to(root / "quarantine")
    actions = [e.action for e in catalogue.custody_log()][-5:]  # in the strays' path order
    assert sorted(actions) == ["adopt-original", "import", "quarantine-original",
                               "quarantine-original", "quarantine-original"]
    assert actions[actions.index("import") + 1] == "adopt-original"
    assert catalogue.custody_chain_problems() == []
    assert repair_originals(catalogue, ACTOR).adopted == []  # nothing left to do


def test_a_file_stored_outside_every_interrupted_window_is_not_adopted(
        root: Path, tmp_path: Path) -> None:
    catalogue = _marked(root)
    with sqlite3.connect(catalogue.layout.db_path) as conn:  # the import ran in 2020
        conn.execute("UPDATE imports SET started_at = '2020-01-01T00:00:00.000000Z',"
                     " finished_at = '2020-01-01T01:00:00.000000Z'")
    conn.close()
    jpeg = make_jpegs(tmp_path / "card", 1, size=(96, 72))[0].read_bytes()
    stray = _place(catalogue.layout.root, jpeg)  # stored now: no interrupted import did
    assert [s.sentence() for s in examine(catalogue, [stray])] == [
        f"unknown file among the originals: {stray}"]
    report = repair_originals(catalogue, ACTOR)
    assert report.adopted == [] and len(report.quarantined) == 1
    assert catalogue.count_photos() == 0
    catalogue.close()


def test_a_read_only_catalogue_is_not_repaired(root: Path) -> None:
    stray = _place(root, b"planted", "notes.txt")
    with Catalogue.open(root, read_only=True) as reading, \
            pytest.raises(CatalogueReadOnly, match="is open read-only"):
        repair_originals(reading, ACTOR)
    assert stray.is_file()
