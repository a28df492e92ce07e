"""Catalogues opened read-only: every command that only reads works with --read-only (and by
itself on read-only media), writes nothing, and a write is refused in one sentence."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from catalog_app.db import custody
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import CatalogueReadOnly
from tests.cli.test_cli_contract import assert_one_sentence, run
from tests.conftest import ACTOR
from tests.support import read_only_media

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"
# every command that only reads, with the arguments it needs
READS = [("photos",), ("photos", "--json"), ("show", "1"), ("log",), ("log", "--photo", "1"),
         ("verify",), ("verify", "--json"), ("head",), ("duplicates",),
         ("incidents", "list"), ("keywords",)]


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("ro") / "cat"
    assert run("import", "--json", str(SAMPLE), catalogue=root).returncode == 0
    assert run("caption", "1", "a caption", catalogue=root).returncode == 0
    assert run("incidents", "add", "--name", "Shelling", catalogue=root).returncode == 0
    assert run("keywords", "1", "--add", "shelling", catalogue=root).returncode == 0
    return root


def _state(root: Path) -> dict[str, tuple[str, int]]:
    """Bytes (hashed) and modification time of every file of the catalogue folder, the
    database's included. SQLite's -shm index and an empty -wal file, which a reader opening
    a WAL database on writable media may create, hold nothing: they are left out, and a
    -wal file that holds anything is kept in."""
    return {str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                       p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file() and not p.name.endswith("-shm")
            and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


def _entries(root: Path) -> int:
    # read-only and closed at once: a writable connection left to the garbage collector
    # checkpoints the -wal file into the database whenever it is closed, which changed the
    # very files the tests compare (it failed a later test, depending on test order)
    conn = sqlite3.connect(f"{(root / 'catalogue.sqlite').as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM custody_log").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("command", READS, ids=" ".join)
@pytest.mark.parametrize("where", ["before", "after"])
def test_every_read_command_runs_read_only_and_writes_nothing(catalogue, command,
                                                              where) -> None:
    before, entries = _state(catalogue), _entries(catalogue)
    name, *rest = command
    args = ["--read-only", *command] if where == "before" else [name, "--read-only", *rest]
    result = run(*args, catalogue=catalogue)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stdout
    assert _state(catalogue) == before  # the database's bytes and mtime too
    assert _entries(catalogue) == entries


def test_verify_read_only_says_the_run_was_not_logged(catalogue) -> None:
    text = run("verify", "--read-only", catalogue=catalogue)
    assert text.returncode == 0
    assert text.stdout.splitlines()[-1] == "This run was not logged (read-only)."
    report = json.loads(run("verify", "--read-only", "--json", catalogue=catalogue).stdout)
    assert (report["ok"], report["logged"], report["not_logged"]) == (
        True, False, "this run was not logged (read-only)")
    logged = json.loads(run("verify", "--json", catalogue=catalogue).stdout)
    assert (logged["logged"], logged["not_logged"]) == (True, None)  # a writable run is


@pytest.mark.parametrize("command", [("tag", "--incident", "1", "1"), ("caption", "1", "x"),
                                     ("import", str(SAMPLE)), ("backup", "/tmp/nowhere"),
                                     ("export", "csv", "/tmp/nowhere.csv"),
                                     ("head", "--sign", "/tmp/nokey")], ids=" ".join)
def test_a_command_that_writes_refuses_read_only(catalogue, command) -> None:
    before = _state(catalogue)
    result = run("--read-only", *command, catalogue=catalogue)
    assert result.returncode == 2
    assert_one_sentence(result.stderr)
    assert "cannot run read-only" in result.stderr
    assert _state(catalogue) == before


def test_a_write_on_a_read_only_catalogue_never_reaches_the_custody_writer(
        catalogue, monkeypatch) -> None:
    reached = []
    monkeypatch.setattr(custody.CustodyWriter, "append",
                        lambda self, *a, **k: reached.append(a))
    with Catalogue.open(catalogue, read_only=True) as opened:
        for change in (lambda: opened.set_caption(1, "changed", ACTOR),
                       lambda: opened.record_event("verify", {}, ACTOR),
                       lambda: opened.tag([1], None, ACTOR)):
            with pytest.raises(CatalogueReadOnly, match=r"is open read-only, so nothing was "
                                                        r"changed or logged"):
                change()
        assert opened.photo(1).caption == "a caption"
    assert reached == []


@pytest.fixture(scope="module")
def media() -> None:
    why = read_only_media.unavailable()
    if why:
        pytest.skip(f"no read-only media can be made here: {why}")


def _on_media(root: Path, tmp_path: Path, *args: str):
    mount = tmp_path / "mnt"
    return read_only_media.run_read_only(
        root, mount, [sys.executable, "-m", "catalog_app", "--catalogue", str(mount), *args],
        env={"CATALOG_APP_OPERATOR": "cli-tester"}), mount


@pytest.mark.parametrize("command", [("photos",), ("show", "2"), ("log",), ("verify",),
                                     ("head",), ("keywords",)], ids=" ".join)
def test_read_only_media_are_opened_read_only_by_themselves(catalogue, tmp_path, media,
                                                            command) -> None:
    entries, before = _entries(catalogue), _state(catalogue)
    result, mount = _on_media(catalogue, tmp_path, *command)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (f"catalog-app: The catalogue at {mount} is on read-only media (or "
                             "write-protected): opened read-only; nothing will be changed or "
                             "logged.\n")
    assert result.stdout
    if command == ("verify",):
        assert "State matches the log (from entry 1)." in result.stdout
        assert "Verified 19 originals: no problems found, but the history is not proven" \
            in result.stdout
        assert result.stdout.splitlines()[-1] == "This run was not logged (read-only)."
    assert _state(catalogue) == before and _entries(catalogue) == entries


def test_a_write_on_read_only_media_is_refused_in_one_sentence(catalogue, tmp_path,
                                                               media) -> None:
    result, mount = _on_media(catalogue, tmp_path, "caption", "1", "changed")
    assert result.returncode == 3
    assert_one_sentence(result.stderr)
    assert f"The catalogue at {mount} cannot be written (it is on read-only media" in \
        result.stderr
    assert "open it read-only" not in result.stderr
    refused, _ = _on_media(catalogue, tmp_path, "verify", "--repair")
    assert refused.returncode == 3 and "is open read-only (it is on read-only media)" in \
        refused.stderr


def test_changes_still_in_the_write_ahead_log_are_not_hidden(catalogue, tmp_path,
                                                             media) -> None:
    """A catalogue copied while open keeps its last changes in the -wal file: read with its
    -shm file they are shown; without it, a sentence says so (never an older state)."""
    copy = tmp_path / "copy"
    copy.mkdir()
    with sqlite3.connect(catalogue / "catalogue.sqlite") as source, \
            sqlite3.connect(copy / "catalogue.sqlite") as target:
        source.backup(target)
    target.close()
    source.close()
    entries = _entries(copy)
    writer = Catalogue.open(copy)  # open, as when a disk is copied from a running laptop
    try:
        writer._conn.execute("PRAGMA wal_autocheckpoint = 0")
        writer.set_caption(2, "only in the write-ahead log", ACTOR)
        assert (copy / "catalogue.sqlite-wal").stat().st_size > 0
        shown, _ = _on_media(copy, tmp_path, "log", "--json")
        assert shown.returncode == 0, shown.stderr
        assert len(json.loads(shown.stdout)) == entries + 1  # the change in the log is read
        (copy / "catalogue.sqlite-shm").unlink()
        refused, mount = _on_media(copy, tmp_path, "log")
    finally:
        writer.close()
    assert refused.returncode == 3
    assert_one_sentence(refused.stderr.splitlines()[-1] + "\n")
    assert (f"The catalogue at {mount} holds changes still in its write-ahead log "
            "(catalogue.sqlite-wal), which cannot be read on read-only media") in refused.stderr


def test_an_older_schema_read_only_asks_for_a_writable_copy(catalogue, tmp_path) -> None:
    copy = tmp_path / "old"
    copy.mkdir()
    with sqlite3.connect(catalogue / "catalogue.sqlite") as source, \
            sqlite3.connect(copy / "catalogue.sqlite") as target:
        source.backup(target)
        target.execute("PRAGMA user_version = 6")  # as an earlier version left it
    target.close()
    source.close()
    result = run("photos", "--read-only", catalogue=copy)
    assert result.returncode == 3
    assert_one_sentence(result.stderr)
    assert "was written by an earlier version of catalog_app (schema 6) and needs a schema " \
           "update to be read; open it once for writing first." in result.stderr
