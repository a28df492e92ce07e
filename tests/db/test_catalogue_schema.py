"""Schema versions, backups before migration, and the rules the database itself enforces."""

from __future__ import annotations

import sqlite3

import pytest

from catalog_app.db import migrate
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import CatalogueError, CatalogueMissing, CatalogueTooNew
from tests.conftest import ACTOR, CORPUS


def _with_one_photo(root):
    from catalog_app.services.importing import ImportJob

    catalogue = Catalogue.open(root, create=True)
    list(ImportJob(catalogue, [str(CORPUS / "exif-samples/jpg/Canon_40D.jpg")], ACTOR,
                   workers=0).run())
    return catalogue


def test_a_new_catalogue_is_at_the_latest_version_with_wal_and_foreign_keys(tmp_path) -> None:
    with Catalogue.open(tmp_path / "c", create=True) as catalogue:
        conn = catalogue._conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrate.latest_version()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (tmp_path / "c" / "ABOUT-THIS-FOLDER.txt").read_text().startswith("This folder")


def test_opening_a_missing_catalogue_without_create_is_refused(tmp_path) -> None:
    with pytest.raises(CatalogueMissing):
        Catalogue.open(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()


def test_a_newer_schema_is_refused(tmp_path) -> None:
    _with_one_photo(tmp_path / "c").close()
    with sqlite3.connect(tmp_path / "c" / "catalogue.sqlite") as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(CatalogueTooNew, match="newer version"):
        Catalogue.open(tmp_path / "c")


def test_migration_backs_up_first_and_runs_in_one_transaction(tmp_path, monkeypatch) -> None:
    _with_one_photo(tmp_path / "c").close()
    shipped = migrate.available()
    step = (shipped[-1][0] + 1, "ALTER TABLE photos ADD COLUMN test_step_column TEXT;")
    monkeypatch.setattr(migrate, "available", lambda: [*shipped, step])
    with Catalogue.open(tmp_path / "c") as catalogue:
        conn = catalogue._conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == step[0]
        assert conn.execute("SELECT test_step_column FROM photos").fetchall() == [(None,)]
    backups = list((tmp_path / "c" / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == shipped[-1][0]
        assert old.execute("SELECT count(*) FROM photos").fetchone()[0] == 1

    broken = (step[0] + 1,
              "ALTER TABLE photos ADD COLUMN test_broken_column TEXT; SELECT no_such_fn();")
    monkeypatch.setattr(migrate, "available", lambda: [*shipped, step, broken])
    with pytest.raises(CatalogueError, match="left unchanged"):
        Catalogue.open(tmp_path / "c")
    with sqlite3.connect(tmp_path / "c" / "catalogue.sqlite") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == step[0]
        columns = {row[1] for row in conn.execute("PRAGMA table_info(photos)")}
        assert "test_broken_column" not in columns  # the failed step left nothing behind


def test_custody_log_is_append_only_and_photos_cannot_be_deleted(tmp_path) -> None:
    with _with_one_photo(tmp_path / "c") as catalogue:
        conn = catalogue._conn
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE custody_log SET operator = 'someone else'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM custody_log")
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            conn.execute("DELETE FROM photos")
        assert catalogue.count_photos() == 1


def test_a_photo_has_at_most_one_incident(tmp_path) -> None:
    from catalog_app.core.models import Incident
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.services.importing import ImportJob
    from tests.conftest import ACTOR
    from tests.support.synthetic import make_jpegs

    make_jpegs(tmp_path / "card", 3)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
        first = catalogue.add_incident(Incident(0, "First"), ACTOR)
        second = catalogue.add_incident(Incident(0, "Second"), ACTOR)
        ids = [p.id for p in catalogue.photos()]
        assert catalogue.tag(ids, first, ACTOR) == 3
        assert catalogue.tag(ids[:1], second, ACTOR) == 1  # moves it: never in both
        counts = {i.name: i.photo_count for i in catalogue.incidents()}
        assert counts == {"First": 2, "Second": 1}
        moved = [e for e in catalogue.custody_log(ids[0]) if e.action == "tag"][-1]
        assert moved.details == {"incident": second, "previous": first}


def test_keywords_are_kept_as_typed_but_for_their_spacing(tmp_path) -> None:
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.services.importing import ImportJob
    from tests.conftest import ACTOR
    from tests.support.synthetic import make_jpegs

    make_jpegs(tmp_path / "card", 1)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
        (photo,) = catalogue.photos()
        catalogue.change_keywords([photo.id], ["  grave   marker ", "ворон\x1fка", " ", "«A&B»"],
                                  [], ACTOR)
        assert catalogue.photo(photo.id).keywords == ("grave marker", "«A&B»", "ворон ка")
        catalogue.change_keywords([photo.id], [], ["grave  marker"], ACTOR)
        assert catalogue.photo(photo.id).keywords == ("«A&B»", "ворон ка")


def test_every_trigger_the_app_makes_has_its_own_explanation() -> None:
    from catalog_app.db import schema_check

    triggers = {name for kind, name in schema_check.expected() if kind == "trigger"}
    assert triggers, "the migrations make no trigger"
    missing = triggers - schema_check._TRIGGER_WHY.keys()
    assert not missing, (f"add the rule of trigger(s) {sorted(missing)} to _TRIGGER_WHY in "
                         "catalog_app/db/schema_check.py")
    assert len(set(schema_check._TRIGGER_WHY.values())) == len(schema_check._TRIGGER_WHY)
