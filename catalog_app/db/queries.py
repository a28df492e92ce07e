"""Read-only queries behind the browsing views: filtered grid rows, counts, cameras."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from catalog_app.core.models import GridRow, PhotoFilter
from catalog_app.db import badges, review_queues, search

_LINKED = "p.id IN (SELECT photo_id FROM duplicate_links)"
# Photos marked as duplicates of a keeper are kept but shown only in their own collection.
_COLLECTIONS = {
    "all": f"NOT {_LINKED}",
    "no-gps": f"p.gps_lat IS NULL AND NOT {_LINKED}",
    "no-time": f"p.taken_at IS NULL AND NOT {_LINKED}",
    "untagged": f"p.incident_id IS NULL AND NOT {_LINKED}",
    "marked-duplicates": _LINKED,
    **review_queues.QUEUES,  # graphic, restricted, caption to check, redaction not reviewed
}
_CAMERA = "trim(coalesce(p.camera_make, '') || ' ' || coalesce(p.camera_model, ''))"
_FIRST_SOURCE = "(SELECT path FROM sources s WHERE s.photo_id = p.id ORDER BY s.id LIMIT 1)"


def grid_rows(conn: sqlite3.Connection, spec: PhotoFilter,
              limit: int | None = None) -> list[GridRow]:
    """Photos matching `spec`, in capture-time order (unknown times last).

    The order (sort_time) and the corrected local time (corrected_local) are written by
    db/sort_order.py with core/clock.py's rule; a corrected time is marked with " *" (the
    recorded one is in the inspector).
    """
    where, params = _where(spec)
    sql = (f"SELECT p.id, p.thumbnail_path, coalesce(p.corrected_local, p.taken_at),"
           f" p.corrected_local IS NOT NULL, {_FIRST_SOURCE}, {badges.BADGES}, p.incident_id,"
           f" p.imported_at FROM photos p"
           f" WHERE {where} ORDER BY (p.sort_time IS NULL), p.sort_time, p.id LIMIT ?")
    rows = []
    with _collections_paused():
        for pid, thumb, taken, corrected, source, bits, incident, imported in conn.execute(
                sql, [*params, -1 if limit is None else limit]):
            name = (source or "").rsplit("/", 1)[-1]
            label = (taken[:19].replace("T", " ") + (" *" if corrected else "")) if taken \
                else name
            rows.append(GridRow(pid, thumb, label, name, bits, incident, imported))
    return rows


@contextmanager
def _collections_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while 100,000 small rows are made.

    The rows hold no cycles, so a collection finds nothing to free; but every few hundred new
    objects it would walk the whole heap again (0.15 s of a 100,000-row grid).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def collection_counts(conn: sqlite3.Connection) -> dict[str, int]:
    counts = {name: conn.execute(f"SELECT count(*) FROM photos p WHERE {cond}").fetchone()[0]
              for name, cond in _COLLECTIONS.items()}
    counts["failed"] = conn.execute(
        "SELECT count(DISTINCT path_raw) FROM import_failures f WHERE NOT EXISTS"
        " (SELECT 1 FROM sources s WHERE s.path_raw = f.path_raw)").fetchone()[0]
    return counts


def cameras(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(make, model, photo count) of every camera recorded ('' for a missing part)."""
    return review_queues.camera_counts(conn)


def missing_photo_ids(conn: sqlite3.Connection, photo_ids: Sequence[int]) -> list[int]:
    """Those of `photo_ids` that are not in the catalogue, in the order given."""
    wanted = list(dict.fromkeys(photo_ids))
    present: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        present |= {r[0] for r in conn.execute(f"SELECT id FROM photos WHERE id IN ({marks})",
                                               chunk)}
    return [pid for pid in wanted if pid not in present]


def incidents_of(conn: sqlite3.Connection, photo_ids: Sequence[int]) -> dict[int, int | None]:
    """Each photo's incident id (None when untagged)."""
    found: dict[int, int | None] = {}
    wanted = list(dict.fromkeys(photo_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(conn.execute(f"SELECT id, incident_id FROM photos WHERE id IN ({marks})",
                                  chunk).fetchall())
    return found


def open_failures(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(path, reason, when) for failed files never imported since, newest first."""
    return conn.execute(
        "SELECT path, reason, max(recorded_at) FROM import_failures f WHERE NOT EXISTS"
        " (SELECT 1 FROM sources s WHERE s.path_raw = f.path_raw)"
        " GROUP BY path_raw ORDER BY max(recorded_at) DESC").fetchall()


# The local capture date: the corrected one when the camera's clock is corrected (kept by
# db/sort_order.py with core/clock.py's rule), else as recorded.
_LOCAL_DATE = "substr(coalesce(p.corrected_local, p.taken_at), 1, 10)"


def date_range(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """The first and last capture dates (local, corrected where set) of the photos shown."""
    row = conn.execute(f"SELECT min({_LOCAL_DATE}), max({_LOCAL_DATE}) FROM photos p"
                       f" WHERE NOT {_LINKED}").fetchone()
    return (row[0], row[1]) if row else (None, None)


def _where(spec: PhotoFilter) -> tuple[str, list]:
    params: list = []
    queue = review_queues.collection_clause(spec.collection)
    if queue is not None:  # a keyword's, a camera's or an archived incident's photos
        clauses = [queue[0]]
        params += queue[1]
    elif spec.collection.startswith("incident:"):  # one incident's photos
        clauses = [f"p.incident_id = ? AND NOT {_LINKED}"]
        params.append(int(spec.collection.split(":", 1)[1]))
    else:
        clauses = [_COLLECTIONS.get(spec.collection, "1")]
    words = search.search_clause(spec.text)
    if words is not None:  # the full-text index (captions, keywords, incidents, cameras, ...)
        clauses.append(words[0])
        params += words[1]
    elif spec.text.strip():  # only punctuation typed: a substring of captions or paths
        clauses.append("(p.caption LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM sources s"
                       " WHERE s.photo_id = p.id AND s.path LIKE ? ESCAPE '\\'))")
        escaped = spec.text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params += [f"%{escaped}%", f"%{escaped}%"]
    if spec.camera:
        clauses.append(f"{_CAMERA} = ?")
        params.append(spec.camera)
    if spec.has_gps is not None:
        clauses.append("p.gps_lat IS NOT NULL" if spec.has_gps else "p.gps_lat IS NULL")
    if spec.date_from:
        clauses.append(f"{_LOCAL_DATE} >= ?")
        params.append(spec.date_from)
    if spec.date_to:
        clauses.append(f"{_LOCAL_DATE} <= ?")
        params.append(spec.date_to)
    return " AND ".join(clauses), params
