"""Edits behind the app's back (the sqlite3 module, plain file writes), each found by verify."""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from catalog_app.cli import main
from catalog_app.core.custody import GENESIS, entry_hash
from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue

TRIGGERS = {
    "custody_log_no_update": "CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON "
    "custody_log\nBEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;",
    "custody_log_no_delete": "CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON "
    "custody_log\nBEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;",
    "photos_no_delete": "CREATE TRIGGER photos_no_delete BEFORE DELETE ON photos\n"
    "BEGIN SELECT RAISE(ABORT, 'photos are evidence and are never deleted'); END;",
}


@pytest.fixture(scope="module")
def demo_catalogue(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("demo") / "catalogue"
    assert main(["--catalogue", str(root), "--operator", "tester", "demo", "--json"]) == 0
    return root


@pytest.fixture
def root(demo_catalogue: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo catalogue for one tampering."""
    copy = tmp_path / "catalogue"
    shutil.copytree(demo_catalogue, copy)
    return copy


def verify(root: Path, capsys, *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--catalogue", str(root), "--operator", "tester", "verify", *extra])
    return code, capsys.readouterr().out


def sql(root: Path, statement: str, params: tuple = ()) -> None:
    """An edit with the sqlite3 module, as anyone holding the folder could make it."""
    conn = sqlite3.connect(root / "catalogue.sqlite")
    with conn:
        conn.execute(statement, params)
    conn.close()


def one(root: Path, query: str, params: tuple = ()):
    conn = sqlite3.connect(root / "catalogue.sqlite")
    try:
        return conn.execute(query, params).fetchone()
    finally:
        conn.close()


def test_an_untouched_catalogue_passes(root: Path, capsys) -> None:
    code, out = verify(root, capsys)
    assert code == 0, out
    assert "State matches the log (from entry 1)." in out
    # nothing outside the files anchors the demo's log: it is never "no problems" bare
    assert "History unproven: no signed checkpoint or time-stamp" in out
    assert "no problems found, but the history is not proven" in out


def test_a_changed_caption_is_found(root: Path, capsys) -> None:
    pid, caption = one(root, "SELECT id, caption FROM photos WHERE caption != '' LIMIT 1")
    sql(root, "UPDATE photos SET caption = 'nothing happened here' WHERE id = ?", (pid,))
    code, out = verify(root, capsys)
    assert code == 1
    assert (f"photo {pid}: caption differs from its custody record: log says {caption!r}, "
            "catalogue says 'nothing happened here'") in out
    assert "State does not match the log" in out


def test_a_changed_incident_is_found(root: Path, capsys) -> None:
    pid, incident = one(root, "SELECT id, incident_id FROM photos WHERE incident_id IS NOT NULL"
                              " LIMIT 1")
    other = one(root, "SELECT id FROM incidents WHERE id != ? LIMIT 1", (incident,))[0]
    sql(root, "UPDATE photos SET incident_id = ? WHERE id = ?", (other, pid))
    code, out = verify(root, capsys)
    assert code == 1
    assert (f"photo {pid}: incident_id differs from its custody record: log says {incident}, "
            f"catalogue says {other}") in out


def test_a_changed_gps_position_is_found(root: Path, capsys) -> None:
    sql(root, "UPDATE photos SET gps_lat = 10.5, gps_lon = 20.25 WHERE id = 1")
    code, out = verify(root, capsys)
    assert code == 1
    assert "photo 1: gps_lat differs from its custody record" in out
    assert "photo 1: gps_lon differs from its custody record" in out


@pytest.mark.parametrize("column", ["taken_at", "taken_at_utc", "sort_time"])
def test_a_changed_capture_time_is_found(root: Path, capsys, column: str) -> None:
    pid = one(root, f"SELECT id FROM photos WHERE {column} IS NOT NULL LIMIT 1")[0]
    value = "2020-01-01T00:00:00Z" if column != "taken_at" else "2020-01-01T00:00:00"
    sql(root, f"UPDATE photos SET {column} = ? WHERE id = ?", (value, pid))
    code, out = verify(root, capsys)
    assert code == 1
    assert f"photo {pid}: {column} differs from" in out
    assert f"catalogue says {value!r}" in out


@pytest.mark.parametrize("column", ["description", "sources"])
def test_a_changed_incident_text_is_found(root: Path, capsys, column: str) -> None:
    incident = one(root, "SELECT id FROM incidents LIMIT 1")[0]
    sql(root, f"UPDATE incidents SET {column} = 'rewritten' WHERE id = ?", (incident,))
    code, out = verify(root, capsys)
    assert code == 1
    assert (f"incident {incident}: {column} differs from its custody record" in out
            and "catalogue says 'rewritten'" in out)


@pytest.mark.parametrize("flag", ["restricted", "graphic"])
def test_a_cleared_flag_is_found(root: Path, capsys, flag: str) -> None:
    found = one(root, f"SELECT id FROM photos WHERE {flag} = 1 LIMIT 1")
    if found is None:  # the demo may set neither: set it through the app first
        with Catalogue.open(root) as catalogue:
            catalogue.set_flag([2], flag, True, Actor("tester", "m", "t"))
        found = (2,)
    sql(root, f"UPDATE photos SET {flag} = 0 WHERE id = ?", found)
    code, out = verify(root, capsys)
    assert code == 1
    assert (f"photo {found[0]}: {flag} differs from its custody record: log says 1, "
            "catalogue says 0") in out


def _drop_triggers(conn: sqlite3.Connection) -> None:
    for name in TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")


def _relink(conn: sqlite3.Connection) -> None:
    """Renumber the log from 1 and recompute every hash: a consistent chain again."""
    rows = conn.execute("SELECT id, at, operator, machine, app_version, action, photo_id,"
                        " details FROM custody_log ORDER BY id").fetchall()
    conn.execute("DELETE FROM custody_log")
    previous = GENESIS
    for number, (_, at, operator, machine, version, action, photo_id, details) in enumerate(
            rows, start=1):
        digest = entry_hash(previous, at, Actor(operator, machine, version), action, photo_id,
                            details)
        conn.execute("INSERT INTO custody_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (number, at, operator, machine, version, action, photo_id, details,
                      previous, digest))
        previous = digest


def test_an_erased_photo_with_its_entries_and_a_relinked_chain_is_found(root: Path,
                                                                        capsys) -> None:
    victim = 3
    conn = sqlite3.connect(root / "catalogue.sqlite")
    with conn:
        _drop_triggers(conn)
        for table, column in (("sources", "photo_id"), ("photo_keywords", "photo_id"),
                              ("duplicate_links", "photo_id"), ("duplicate_links", "keeper_id"),
                              ("not_duplicates", "a"), ("not_duplicates", "b")):
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (victim,))
        conn.execute("DELETE FROM photos WHERE id = ?", (victim,))
        conn.execute("DELETE FROM custody_log WHERE photo_id = ? OR details LIKE ?",
                     (victim, f'%"keeper":{victim},%'))
        _relink(conn)
        for sql_text in TRIGGERS.values():
            conn.execute(sql_text)
    conn.close()
    code, out = verify(root, capsys)
    assert code == 1
    assert "custody log:" not in out  # the chain itself is consistent again
    assert "photo 4 follows photo 2: the entry importing photo 3 is missing" in out
    assert "holds 18 import entries for it" in out


def test_a_planted_photo_is_found(root: Path, capsys) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "JPEG")
    data = buffer.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    rel = f"originals/{sha[:2]}/{sha}.jpg"
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(data)
    conn = sqlite3.connect(root / "catalogue.sqlite")
    with conn:
        new = conn.execute(
            "INSERT INTO photos (sha256, stored_path, format, size_bytes, time_source, phash,"
            " dhash, imported_at, import_id) SELECT ?, ?, 'JPEG', ?, 'none', 0, 0, imported_at,"
            " import_id FROM photos WHERE id = 1", (sha, rel, len(data))).lastrowid
        conn.execute("INSERT INTO sources (photo_id, path, path_raw, size_bytes, import_id,"
                     " recorded_at) VALUES (?, '/card/x.jpg', ?, ?, 1, 'now')",
                     (new, b"/card/x.jpg", len(data)))
    conn.close()
    code, out = verify(root, capsys)
    assert code == 1
    assert f"photo {new} is in the catalogue but no custody entry records its import" in out
    assert f"photo {new}: a source file (/card/x.jpg) is in the catalogue but no custody" in out


def test_a_replaced_original_with_its_column_and_name_updated_is_found(root: Path,
                                                                       capsys) -> None:
    pid, old_sha, stored = one(root, "SELECT id, sha256, stored_path FROM photos WHERE id = 2")
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 200, 30)).save(buffer, "JPEG")
    data = buffer.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    rel = f"originals/{sha[:2]}/{sha}.jpg"
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(data)
    (root / stored).chmod(0o644)
    (root / stored).unlink()
    sql(root, "UPDATE photos SET sha256 = ?, stored_path = ?, size_bytes = ? WHERE id = ?",
        (sha, rel, len(data), pid))
    code, out = verify(root, capsys)
    assert code == 1
    assert (f"photo {pid}: sha256 differs from its custody record: log says {old_sha!r}, "
            f"catalogue says {sha!r}") in out
    assert f"photo {pid}: stored_path differs from its custody record" in out
    assert f"photo {pid}: its original is not the one its import recorded" in out


def test_a_replaced_thumbnail_is_found_and_repair_rebuilds_it(root: Path, capsys) -> None:
    thumb = one(root, "SELECT thumbnail_path FROM photos WHERE id = 5")[0]
    Image.new("RGB", (32, 32), (0, 0, 0)).save(root / thumb, "JPEG")
    code, out = verify(root, capsys)
    assert code == 1
    assert "photo 5: its thumbnail was changed" in out
    code, out = verify(root, capsys, "--repair")
    assert code == 0, out
    assert "photo 5: thumbnail rebuilt from its original (logged)" in out
    with Catalogue.open(root) as catalogue:
        entry = [e for e in catalogue.custody_log(5) if e.action == "thumbnail-rebuilt"][-1]
    assert entry.details["thumbnail_sha256"] == hashlib.sha256((root / thumb).read_bytes()
                                                                ).hexdigest()
    code, out = verify(root, capsys)
    assert code == 0, out


def test_a_missing_thumbnail_is_rebuilt_by_repair(root: Path, capsys) -> None:
    thumb = one(root, "SELECT thumbnail_path FROM photos WHERE id = 6")[0]
    (root / thumb).unlink()
    code, out = verify(root, capsys)
    assert code == 1 and "photo 6: its thumbnail is missing" in out
    code, out = verify(root, capsys, "--repair")
    assert code == 0, out
    assert (root / thumb).is_file()


def test_dropped_append_only_triggers_are_found(root: Path, capsys) -> None:
    conn = sqlite3.connect(root / "catalogue.sqlite")
    _drop_triggers(conn)
    conn.close()
    code, out = verify(root, capsys)
    assert code == 1
    assert "schema: trigger custody_log_no_update is missing" in out
    assert "schema: trigger photos_no_delete is missing" in out


def test_an_altered_trigger_is_found(root: Path, capsys) -> None:
    conn = sqlite3.connect(root / "catalogue.sqlite")
    conn.execute("DROP TRIGGER custody_log_no_update")
    conn.execute("CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log"
                 " WHEN 0 BEGIN SELECT RAISE(ABORT, 'no'); END")
    conn.close()
    code, out = verify(root, capsys)
    assert code == 1
    assert "schema: trigger custody_log_no_update differs from what the app makes" in out


def test_keywords_clocks_links_and_imports_changed_behind_the_back_are_found(root: Path,
                                                                              capsys) -> None:
    sql(root, "INSERT INTO photo_keywords VALUES (1, 'planted')")
    sql(root, "UPDATE camera_clocks SET offset_s = offset_s + 60")
    sql(root, "UPDATE imports SET imported = 3")
    code, out = verify(root, capsys)
    assert code == 1
    assert ("photo 1: keyword 'planted' is in the catalogue but no custody entry records it"
            in out)
    assert "offset_s differs from its custody record" in out
    assert "import 1: imported differs from its custody record" in out


def test_a_row_deleted_behind_the_back_is_found(root: Path, capsys) -> None:
    incident = one(root, "SELECT id FROM incidents WHERE id NOT IN (SELECT incident_id FROM"
                         " photos WHERE incident_id IS NOT NULL) LIMIT 1")
    if incident is None:
        with Catalogue.open(root) as catalogue:
            from catalog_app.core.models import Incident
            incident = (catalogue.add_incident(Incident(0, "Spare"), Actor("t", "m", "v")),)
    sql(root, "DELETE FROM incidents WHERE id = ?", incident)
    code, out = verify(root, capsys)
    assert code == 1
    assert (f"incident {incident[0]}: the custody log records it, but the catalogue does not "
            "hold it") in out


def test_a_cut_off_log_tail_is_found(root: Path, capsys) -> None:
    conn = sqlite3.connect(root / "catalogue.sqlite")
    with conn:
        conn.execute("DROP TRIGGER custody_log_no_delete")
        last = conn.execute("SELECT max(id) FROM custody_log").fetchone()[0]
        cut = conn.execute("SELECT min(id) FROM custody_log WHERE action = 'caption'"
                           ).fetchone()[0]
        conn.execute("DELETE FROM custody_log WHERE id >= ?", (cut,))
        conn.execute(TRIGGERS["custody_log_no_delete"])
    conn.close()
    assert last > cut
    code, out = verify(root, capsys)
    assert code == 1
    assert "custody log:" not in out  # what is left is a sound chain
    assert "caption differs from its custody record: log says ''" in out
