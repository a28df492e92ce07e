"""Catalogue: open a catalogue folder, run its migrations, read and write photos in batches."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from catalog_app.core import record, state_diff, testpoints
from catalog_app.core.dedup import Decisions, DupPhoto
from catalog_app.core.layout import Layout
from catalog_app.core.lock import ImportLock
from catalog_app.core.log_filter import LogFilter
from catalog_app.core.models import (
    Actor,
    BatchItem,
    CustodyEntry,
    Failed,
    GridRow,
    ImportFailure,
    Outcome,
    OutcomeStatus,
    Photo,
    PhotoFilter,
    Recorded,
)
from catalog_app.core.queues import ReviewQueues
from catalog_app.core.state_diff import StateCheck
from catalog_app.db import (
    baseline,
    custody,
    duplicates,
    log_query,
    migrate,
    photo_annotations,
    photos,
    queries,
    review_queues,
    rows,
    schema_check,
    sort_order,
    state,
)
from catalog_app.db.checkpoints import CheckpointsMixin
from catalog_app.db.faces import FacesMixin
from catalog_app.db.interface import CatalogueStore
from catalog_app.db.positions import PositionsMixin
from catalog_app.db.redactions import RedactionsMixin
from catalog_app.db.tagging import TaggingMixin
from catalog_app.db.timestamps import TimestampsMixin
from catalog_app.db.unit_of_work import UnitOfWork
from catalog_app.errors import (
    CatalogueBusy,
    CatalogueError,
    CatalogueFull,
    CatalogueMissing,
    CatalogueReadOnly,
    CatalogueTooNew,
)
from catalog_app.i18n import _

_README = "ABOUT-THIS-FOLDER.txt"
_SYSTEM = baseline.SYSTEM_ACTOR  # who a write no person asked for is logged as


class Catalogue(TaggingMixin, CheckpointsMixin, TimestampsMixin, RedactionsMixin,
                FacesMixin, PositionsMixin):
    """One catalogue folder: its SQLite database plus the originals and thumbnails beside it."""

    read_only = False  # opened for reading only: every write refuses with a sentence
    on_read_only_media = False  # the folder or the database file cannot be written

    def __init__(self, layout: Layout, conn: sqlite3.Connection) -> None:
        self.layout = layout
        self._conn = conn

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path, *, create: bool = False, read_only: bool = False,
             busy_timeout_s: float = 30.0, actor: Actor | None = None) -> Catalogue:
        """Open (or create) the catalogue in folder `root`, bringing its schema up to date.

        `read_only` opens it for reading only: nothing is migrated, no write can start (each
        says so in a sentence), and on read-only media SQLite opens the file as immutable.
        Opened for writing with an `actor`, imports that a killed process left marked
        running are marked interrupted, logged under that actor.
        """
        layout = Layout(Path(root).expanduser().absolute())
        exists = layout.db_path.is_file()
        if not exists and not create:
            raise CatalogueMissing(_("There is no catalogue at {root}.").format(root=layout.root))
        if not exists:
            _create_folder(layout)
        on_read_only_media = cannot_be_written(layout.root)
        if not read_only and on_read_only_media:
            raise CatalogueReadOnly(_(
                "The catalogue at {root} cannot be written (it is on read-only media, "
                "or its folder or database is write-protected); copy the folder somewhere "
                "writable to change it.").format(root=layout.root))
        conn = _connect(layout.db_path, read_only, busy_timeout_s,
                        immutable=read_only and on_read_only_media)
        try:
            if not read_only:
                migrate.migrate(conn, layout.db_path, layout.backups)
            else:
                _check_readable_version(conn, layout, on_read_only_media)
            conn.execute("PRAGMA foreign_keys = ON")  # after the migrations, as SQLite asks
        except BaseException:
            conn.close()
            raise
        catalogue = cls(layout, conn)
        catalogue.read_only = read_only
        catalogue.on_read_only_media = on_read_only_media
        if not read_only and actor is not None:
            # busy or full: they are marked at a later open, and this one goes on
            with suppress(CatalogueBusy, CatalogueFull):
                catalogue.mark_interrupted_imports(actor)
        return catalogue

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; BEGIN IMMEDIATE takes SQLite's write lock up front."""
        if self.read_only:  # before any writer (the custody log's included) is reached
            raise self._refused_write()
        if self._conn.in_transaction:  # a use case must write through the unit it opened
            raise RuntimeError("a write was started inside another unit of work; use the "
                               "repositories of the open unit instead")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise CatalogueBusy(_(
                    "The catalogue at {root} is busy: another catalog_app is "
                    "writing to it; try again when it has finished.").format(
                        root=self.layout.root)) from exc
            raise
        try:
            yield self._conn
            self._checkpoint(self._conn)  # the session key signs the head, in this transaction
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.rollback()
            if isinstance(exc, sqlite3.OperationalError) and \
                    getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
                raise CatalogueFull(_(
                    "The disk holding the catalogue at {root} is full; nothing "
                    "of this change was written. Free some space and try again.").format(
                        root=self.layout.root)) from exc
            raise

    @contextmanager
    def unit_of_work(self, actor: Actor) -> Iterator[UnitOfWork]:
        """One transaction with its custody log writer: all of a change is kept, or none."""
        with self._write() as conn:
            yield UnitOfWork(conn, actor)
            testpoints.reached("unit-of-work")  # all written, not yet committed

    # -- imports -------------------------------------------------------------------------
    def begin_import(self, paths: Sequence[str], in_place: bool, actor: Actor) -> int:
        with self._write() as conn:
            started = custody.now_utc()
            cursor = conn.execute(
                "INSERT INTO imports (started_at, status, operator, machine, app_version,"
                " in_place, paths) VALUES (?, 'running', ?, ?, ?, ?, ?)",
                (started, actor.operator, actor.machine, actor.app_version,
                 int(in_place), json.dumps(list(paths), ensure_ascii=False)),
            )
            import_id = int(cursor.lastrowid or 0)
            custody.CustodyWriter(conn, actor).append(
                "import-started", {"import": import_id, "paths": list(paths),
                                   "in_place": in_place, "started_at": started})
        return import_id

    def record_batch(
        self, import_id: int, items: Sequence[BatchItem], actor: Actor
    ) -> list[Outcome]:
        """Record a batch of import results in one transaction, with custody entries."""
        outcomes = []
        with self._write() as conn:
            log = custody.CustodyWriter(conn, actor)
            for item in items:
                outcomes.append(self._record(conn, log, import_id, item))
            sort_order.after_import(conn, [o.photo_id for o in outcomes if o.photo_id is not None
                                           and o.status is OutcomeStatus.IMPORTED])
            testpoints.reached("import-batch")  # the batch written, not yet committed
        return outcomes

    def _record(self, conn: sqlite3.Connection, log: custody.CustodyWriter, import_id: int,
                item: BatchItem) -> Outcome:
        now = custody.now_utc()
        src = item.source
        if isinstance(item, Failed):
            cursor = conn.execute(
                "INSERT INTO import_failures (import_id, path, path_raw, sha256, reason,"
                " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                (import_id, src.path, src.path_raw, item.sha256, item.reason, now),
            )
            log.append("import-failed", {"import": import_id, "path": src.path,
                                         "sha256": item.sha256, "reason": item.reason,
                                         "failure": cursor.lastrowid,
                                         "path_raw": bytes(src.path_raw).hex(),
                                         "recorded_at": now})
            return Outcome(OutcomeStatus.FAILED, None)
        sha = item.photo.sha256 if isinstance(item, Recorded) else item.sha256
        status = OutcomeStatus.PRESENT
        source = {"path": src.path, "path_raw": bytes(src.path_raw).hex(),
                  "size_bytes": src.size_bytes, "mtime": src.mtime, "import_id": import_id,
                  "recorded_at": now}
        if isinstance(item, Recorded):
            values = rows.photo_values(item.photo, now, import_id)
            names = ", ".join(values)
            marks = ", ".join(f":{k}" for k in values)
            cursor = conn.execute(
                f"INSERT INTO photos ({names}) VALUES ({marks}) ON CONFLICT (sha256) DO NOTHING",
                values,
            )
            if cursor.rowcount == 1:
                status = OutcomeStatus.IMPORTED
                log.append("import", {"import": import_id, "sha256": sha, "path": src.path,
                                      "stored_path": item.photo.stored_path,
                                      "photo": record.photo_record(values),
                                      "source": source},
                           photo_id=cursor.lastrowid)
        row = conn.execute("SELECT id FROM photos WHERE sha256 = ?", (sha,)).fetchone()
        if row is None:  # the worker saw it, then it vanished: only possible if tampered with
            raise CatalogueError(f"Photo {sha[:12]}… disappeared from the catalogue mid-import.")
        photo_id = row[0]
        added = conn.execute(
            "INSERT INTO sources (photo_id, path, path_raw, size_bytes, mtime, import_id,"
            " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (photo_id, src.path, src.path_raw, src.size_bytes, src.mtime, import_id, now),
        ).rowcount
        if added and status is OutcomeStatus.PRESENT:
            log.append("add-source", {"import": import_id, "sha256": sha, "path": src.path,
                                      "source": source}, photo_id=photo_id)
        return Outcome(status, photo_id)

    def link_shots(self, photo_ids: Sequence[int], actor: Actor) -> list[tuple[int, int]]:
        """Link new raws and JPEGs of the same shot (db/shots.py), in one unit of work."""
        from catalog_app.db import shots

        with self._write() as conn:
            return shots.link(conn, custody.CustodyWriter(conn, actor), photo_ids)

    def finish_import(self, import_id: int, imported: int, present: int, failed: int,
                      cancelled: bool, actor: Actor) -> None:
        status = "cancelled" if cancelled else "finished"
        with self._write() as conn:
            finished = custody.now_utc()
            conn.execute(
                "UPDATE imports SET finished_at = ?, status = ?, imported = ?,"
                " already_present = ?, failed = ? WHERE id = ?",
                (finished, status, imported, present, failed, import_id),
            )
            custody.CustodyWriter(conn, actor).append(
                f"import-{status}", {"import": import_id, "imported": imported,
                                     "already_present": present, "failed": failed,
                                     "finished_at": finished})

    # -- reading -------------------------------------------------------------------------
    def contains_sha256(self, sha256: str) -> bool:
        query = "SELECT 1 FROM photos WHERE sha256 = ?"
        return self._conn.execute(query, (sha256,)).fetchone() is not None

    def count_photos(self) -> int:
        return self._conn.execute("SELECT count(*) FROM photos").fetchone()[0]

    def photos(self, limit: int | None = None, offset: int = 0) -> list[Photo]:
        """Photos in capture-time order (unknown times last), each with its sources."""
        return photos.listed(self._conn, limit, offset)

    def photo(self, photo_id: int) -> Photo:
        return photos.get(self._conn, photo_id)

    def failures(self, import_id: int | None = None) -> list[ImportFailure]:
        sql = "SELECT path, reason FROM import_failures"
        params: tuple = ()
        if import_id is not None:
            sql += " WHERE import_id = ?"
            params = (import_id,)
        return [ImportFailure(p, r) for p, r in self._conn.execute(sql + " ORDER BY id", params)]

    def custody_log(self, photo_id: int | None = None) -> list[CustodyEntry]:
        return custody.read_entries(self._conn, photo_id)

    def grid_rows(self, spec: PhotoFilter, limit: int | None = None) -> list[GridRow]:
        return queries.grid_rows(self._conn, spec, limit)

    def collection_counts(self) -> dict[str, int]:
        return queries.collection_counts(self._conn)

    def cameras(self) -> list[tuple[str, str, int]]:
        return queries.cameras(self._conn)

    def date_range(self) -> tuple[str | None, str | None]:
        """The first and last capture dates ('YYYY-MM-DD'), None without any capture time."""
        return queries.date_range(self._conn)
    def log_entries(self, spec: LogFilter) -> tuple[list[CustodyEntry], int]:
        """The newest custody entries matching `spec` (oldest first) and how many match."""
        return log_query.entries(self._conn, spec)

    def log_facets(self) -> tuple[list[str], list[str]]:
        """Every action and operator in the custody log."""
        return log_query.facets(self._conn)

    def review_queues(self) -> ReviewQueues:
        """Keywords, cameras and archived incidents, each with its photos' count."""
        return ReviewQueues(review_queues.keyword_counts(self._conn),
                            review_queues.camera_counts(self._conn),
                            review_queues.archived_incidents(self._conn))

    def open_failures(self) -> list[tuple[str, str, str]]:
        return queries.open_failures(self._conn)

    # -- duplicates ----------------------------------------------------------------------
    def duplicate_inputs(self, photo_ids: Sequence[int] | None = None) -> list[DupPhoto]:
        return duplicates.inputs(self._conn, photo_ids)

    def duplicate_decisions(self) -> Decisions:
        return duplicates.decisions(self._conn)

    def photos_missing_hashes(self) -> list[tuple[int, str]]:
        return duplicates.missing_hashes(self._conn)

    def set_duplicate_hashes(self, values: Sequence[tuple[int, bytes, str | None]],
                             actor: Actor | None = None) -> None:
        """Fill in duplicate hashes of photos imported before they existed (each logged)."""
        with self.unit_of_work(actor or _SYSTEM) as uow:
            uow.duplicates.set_hashes(values)

    def mark_duplicates(self, keeper: int, members: Sequence[tuple[int, str, int]],
                        actor: Actor) -> None:
        """Keep `keeper`; link the other (photo, kind, distance) members to it."""
        with self.unit_of_work(actor) as uow:
            uow.duplicates.mark(keeper, members)

    def mark_not_duplicates(self, photo_ids: Sequence[int], actor: Actor) -> None:
        with self.unit_of_work(actor) as uow:
            uow.duplicates.unmark(photo_ids)

    def stored_files(self) -> list[tuple[int, str, str]]:
        """(photo id, SHA-256, stored path) for every photo."""
        return self._conn.execute("SELECT id, sha256, stored_path FROM photos ORDER BY id"
                                  ).fetchall()

    def backup_database(self, target: Path) -> None:
        """A consistent copy of the database (SQLite's backup API: safe while others write)."""
        copy = sqlite3.connect(target)
        try:
            self._conn.backup(copy)
        finally:
            copy.close()

    def record_event(self, action: str, details: dict, actor: Actor) -> None:
        """Append an action that changes no row (a verification, an export) to the log."""
        with self.unit_of_work(actor) as uow:
            uow.record_event(action, details)

    def state_check(self) -> StateCheck:
        """Replay the log (checking its chain in the same pass) and compare the state it
        records with every table, the derived times and the schema."""
        self._conn.execute("BEGIN")  # one snapshot of the log and the tables (WAL)
        try:
            replayed, chain = state.replay_log(self._conn, self.layout.db_path)
            held, times = state.held(self._conn), state.held_times(self._conn)
            schema = schema_check.problems(self._conn)
        finally:
            self._conn.execute("ROLLBACK")
        found = state_diff.check(replayed, held, times)
        found.chain_problems, found.schema_problems = chain, schema
        return found

    def record_thumbnail(self, photo_id: int, thumbnail_path: str, sha256: str,
                         actor: Actor) -> None:
        """A thumbnail rebuilt from its original: its path and new hash, logged."""
        with self.unit_of_work(actor) as uow:
            photo_annotations.set_thumbnail(uow.connection, uow.log, photo_id,
                                            thumbnail_path, sha256)

    def custody_chain_problems(self) -> list[str]:
        return custody.chain_problems(self._conn)

    def custody_head(self) -> tuple[int, str]:
        return custody.head(self._conn)

    def integrity_problems(self) -> list[str]:
        """What SQLite's own integrity and foreign-key checks report; empty when sound."""
        problems = [r[0] for r in self._conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"broken reference in {r[0]} row {r[1]}"
                     for r in self._conn.execute("PRAGMA foreign_key_check")]
        return problems

    def import_status(self, import_id: int) -> str:
        row = self._conn.execute("SELECT status FROM imports WHERE id = ?", (import_id,))
        found = row.fetchone()
        return found[0] if found else "unknown"

    def interrupted_imports(self) -> list[tuple[int, str, str | None]]:
        """(id, started at, found interrupted at) of every import a killed process left; one
        not yet marked (read-only, or opened with no one to log it) has None as the last,
        and is listed only when no import process is alive."""
        rows = self._conn.execute(
            "SELECT id, started_at, finished_at, status FROM imports"
            " WHERE status IN ('interrupted', 'running') ORDER BY id").fetchall()
        dead = any(r[3] == "running" for r in rows) and \
            ImportLock(self.layout.root).none_alive_now()
        return [(i, started, found if status == "interrupted" else None)
                for i, started, found, status in rows if status == "interrupted" or dead]

    def mark_interrupted_imports(self, actor: Actor) -> list[int]:
        """Mark imports left running by a process that died as interrupted, each with a logged
        `import-interrupted` entry saying when it started and how far it got; the ids marked.

        Only when no import process is alive (core/lock.py's ImportLock): a live import in
        another process is never marked.
        """
        if self.read_only or not self._conn.execute(
                "SELECT 1 FROM imports WHERE status = 'running' LIMIT 1").fetchone():
            return []
        with ImportLock(self.layout.root) as lock:
            if not lock.no_import_alive():
                return []
            with self._write() as conn:
                log = custody.CustodyWriter(conn, actor)
                marked = []
                for import_id, started_at in conn.execute(
                        "SELECT id, started_at FROM imports WHERE status = 'running'"
                        " ORDER BY id").fetchall():
                    got = import_progress(conn, import_id)
                    found_at = custody.now_utc()
                    conn.execute(
                        "UPDATE imports SET status = 'interrupted', finished_at = ?,"
                        " imported = ?, already_present = ?, failed = ? WHERE id = ?",
                        (found_at, got["imported"], got["already_present"],
                         got["failed"], import_id))
                    log.append("import-interrupted", {"import": import_id,
                                                      "started_at": started_at,
                                                      "finished_at": found_at, **got})
                    marked.append(import_id)
        return marked

    def _refused_write(self) -> CatalogueReadOnly:
        if self.on_read_only_media:
            text = _("The catalogue at {root} is open read-only (it is on read-only media), "
                     "so nothing was changed or logged; copy the folder somewhere writable "
                     "to change it.")
        else:
            text = _("The catalogue at {root} is open read-only, so nothing was changed or "
                     "logged; copy the folder somewhere writable to change it.")
        return CatalogueReadOnly(text.format(root=self.layout.root))


def _connect(db_path: Path, read_only: bool, busy_timeout_s: float,
             immutable: bool = False) -> sqlite3.Connection:
    """A connection; `immutable` for read-only media, where SQLite cannot make the -shm file a
    WAL database needs (immutable reads only the database file, so it is refused when the
    write-ahead log holds changes not yet in it and the -shm file is not there to read it)."""
    uri = f"{db_path.as_uri()}?mode={'ro' if read_only else 'rwc'}"
    wal = db_path.with_name(db_path.name + "-wal")
    if immutable and wal.is_file() and wal.stat().st_size > 0:
        immutable = False  # the log must be read: mode=ro can, if its -shm file is there
    if immutable:
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout_s,
                               check_same_thread=False)
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file now
    except sqlite3.DatabaseError as exc:
        if read_only and not immutable and wal.is_file() and cannot_be_written(db_path.parent):
            raise CatalogueReadOnly(
                f"The catalogue at {db_path.parent} holds changes still in its write-ahead log "
                f"({wal.name}), which cannot be read on read-only media without its "
                f"{db_path.name}-shm file; copy the folder somewhere writable and open the copy."
            ) from exc
        raise CatalogueError(
            f"The catalogue database {db_path} cannot be opened ({exc})."
        ) from exc
    return conn


def cannot_be_written(root: Path) -> bool:
    """True when the catalogue folder, or its database file, cannot be written (read-only
    media, a write-protected folder or file); the kernel's answer, so a read-only mount is
    seen even by root."""
    db_path = Layout(root).db_path
    if not os.access(root, os.W_OK):
        return True
    if db_path.exists() and not os.access(db_path, os.W_OK):
        return True
    try:
        return bool(os.statvfs(root).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows)
        return False


def _check_readable_version(conn: sqlite3.Connection, layout: Layout, media: bool) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    newest = migrate.latest_version()
    if version > newest:
        raise CatalogueTooNew(_(
            "This catalogue was written by a newer version of catalog_app (schema {version}, "
            "this version knows up to {newest}); update the app to open it.").format(
                version=version, newest=newest))
    if version != newest:
        where = ("it is on read-only media: copy the folder somewhere writable and open the "
                 "copy" if media else "open it once for writing first")
        raise CatalogueError(
            f"The catalogue at {layout.root} was written by an earlier version of catalog_app "
            f"(schema {version}) and needs a schema update to be read; {where}.")


def import_progress(conn: sqlite3.Connection, import_id: int) -> dict[str, object]:
    """How far an import got by what it recorded: photos, sources of photos already there,
    failures, and the time of its last record (None if it recorded nothing)."""
    imported, last_photo = conn.execute(
        "SELECT count(*), max(imported_at) FROM photos WHERE import_id = ?",
        (import_id,)).fetchone()
    present, last_source = conn.execute(
        "SELECT count(*), max(s.recorded_at) FROM sources s JOIN photos p ON p.id = s.photo_id"
        " WHERE s.import_id = ? AND p.import_id != ?", (import_id, import_id)).fetchone()
    failed, last_failure = conn.execute(
        "SELECT count(*), max(recorded_at) FROM import_failures WHERE import_id = ?",
        (import_id,)).fetchone()
    times = [t for t in (last_photo, last_source, last_failure) if t]
    return {"imported": imported, "already_present": present, "failed": failed,
            "last_recorded_at": max(times) if times else None}


def _create_folder(layout: Layout) -> None:
    try:
        for folder in (layout.root, layout.originals, layout.thumbnails):
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CatalogueReadOnly(_(
            "The catalogue folder {root} cannot be created ({reason})."
        ).format(root=layout.root, reason=exc.strerror)) from exc
    from importlib import resources

    text = resources.files("catalog_app.resources").joinpath("catalogue_readme.txt")
    (layout.root / _README).write_text(text.read_text(encoding="utf-8"), encoding="utf-8")


def _implements_the_interface(catalogue: Catalogue) -> CatalogueStore:
    """Never called: mypy checks here that Catalogue implements the engine interface."""
    return catalogue
