"""Fold the custody log, from its first entry, into the state it records (pure)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from catalog_app.core import clock
from catalog_app.core.labels import counted
from catalog_app.core.models import TimeSource
from catalog_app.core.record import (
    CLOCK_FIELDS,
    FAILURE_FIELDS,
    IMPORT_FIELDS,
    INCIDENT_FIELDS,
    LINK_FIELDS,
    NOT_DUPLICATE_FIELDS,
    PHOTO_ANNOTATIONS,
    PHOTO_RECORD,
    POSITION_FIELDS,
    State,
    empty_state,
)

# One entry as replay reads it: (id, at, operator, machine, app_version, action, photo_id,
# details as text or as a dict).
Row = tuple[int, str, str, str, str, str, int | None, Any]
BASELINE = "baseline"  # the first entry of the baseline an upgraded catalogue was given
VERIFY = "verify"  # a verification: changes nothing, records what it saw of the anchors
_FLAGS = ("graphic", "restricted", "caption_review")
_PHOTO_BLANK: dict[str, Any] = {**dict.fromkeys(PHOTO_RECORD), **PHOTO_ANNOTATIONS}
# Actions that record an event and change no value of the state: replay passes over them. An
# action in neither this set nor _Folder's handlers is a problem (no writer makes it). A new
# action goes in one of the two: a handler in _Folder.__init__ if it changes what a table
# holds, else here (tests/core/test_replay.py fails until it is in one).
UNCHANGING = frozenset({
    "verify", "backup", "head-signed", "key-registered", "timestamped", "adopt-original",
    "quarantine-original", "export-package", "export-gallery", "export-csv", "export-geojson",
    "export-kml",
})
# Of those, the ones that only record a verification, an export or an anchor: entries of
# these after the last anchor leave the history it proves proven (verify's own record).
RECORDS_ONLY = frozenset({
    "verify", "backup", "head-signed", "timestamped", "export-package", "export-gallery",
    "export-csv", "export-geojson", "export-kml"})
_BASELINE_PARTS = frozenset({
    "import-baseline", "photo-baseline", "source-baseline", "incident-baseline",
    "failure-baseline", "clock-baseline", "duplicate-link-baseline", "not-duplicate-baseline"})
_SCAN = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # canonical: no spaces


def _loads(text: str) -> Any:
    """json.loads of canonical text, without its white-space matching (a million entries)."""
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        return json.loads(text)  # not canonical: let json say what is wrong
    return value if end == len(text) else json.loads(text)


@dataclass(slots=True)
class Replayed:
    """The state the log records, what did not apply, and from which entry it is proven."""

    state: State = field(default_factory=empty_state)
    problems: list[str] = field(default_factory=list)
    entries: int = 0
    proven_from: int = 1  # the first entry the state rests on
    baseline_at: str | None = None  # when the baseline was recorded, if the state rests on one
    last_change: int = 0  # the last entry not in RECORDS_ONLY (later ones change nothing)
    # the last verification recorded: (entry, at, its details: what it saw of the anchors)
    last_verify: tuple[int, str, dict[str, Any]] | None = None


class _Folder:
    """Applies entries one by one; each handler reads what its writer put in the details."""

    def __init__(self) -> None:
        self.result = Replayed()
        self.max_photo = 0
        self.imported: dict[int, int] = {}  # import id -> import entries seen
        self.valued = False  # an entry carried a photo's values: no baseline may follow
        self.in_baseline = False  # inside the entries of the one baseline an upgrade records
        s = self.result.state
        self.photos, self.sources, self.keywords = s["photos"], s["sources"], s["photo_keywords"]
        self.clocks, self.links, self.not_dups = (s["camera_clocks"], s["duplicate_links"],
                                                  s["not_duplicates"])
        self.incidents, self.imports, self.failures = (s["incidents"], s["imports"],
                                                       s["import_failures"])
        self.redactions = s["redactions"]
        self.face_scans = s["face_scans"]
        self.handlers: dict[str, Callable[[Row, dict], None]] = {
            "import-started": self._import_started, "import": self._import,
            "add-source": self._add_source, "import-failed": self._import_failed,
            "import-finished": self._import_ended, "import-cancelled": self._import_ended,
            "import-interrupted": self._import_ended,
            "caption": self._caption, "tag": self._tag, "untag": self._tag,
            "flag": self._flag, "keywords": self._keywords,
            "clock-correction": self._clock, "duplicate-marked": self._marked,
            "duplicate-unlinked": self._unlinked, "not-duplicate": self._not_duplicate,
            "duplicate-hashes": self._hashes, "thumbnail-rebuilt": self._thumbnail,
            "faces-scanned": self._faces_scanned, "faces-reviewed": self._faces_decided,
            "faces-published-anyway": self._faces_decided,
            "incident-added": self._incident_added, "incident-edited": self._incident_edited,
            "incident-merged": self._incident_merged,
            "incident-deleted": self._incident_deleted,
            "import-baseline": self._import_baseline, "photo-baseline": self._photo_baseline,
            "source-baseline": self._source_baseline,
            "incident-baseline": self._incident_baseline,
            "failure-baseline": self._failure_baseline, "clock-baseline": self._clock_baseline,
            "duplicate-link-baseline": self._link_baseline,
            "not-duplicate-baseline": self._not_duplicate_baseline,
            "redaction-added": self._redaction_added,
            "redaction-removed": self._redaction_removed,
            "redaction-reviewed": self._redaction_reviewed,
            "same-shot": self._same_shot,
            "position-set": self._position_set,
        }

    def fold(self, rows: Iterable[Row]) -> Replayed:
        handlers = self.handlers
        count = last_change = 0
        last_verify: Row | None = None
        for row in rows:
            count += 1
            action = row[5]
            handler = handlers.get(action)
            if handler is not None:
                last_change = row[0]
                if action in _BASELINE_PARTS:
                    if not self.in_baseline:
                        self._problem(row, "it restates a value outside the baseline an "
                                           "upgrade records, so it was not written by the app")
                        continue
                else:
                    self.in_baseline = False
                details = row[7]
                try:
                    handler(row, _loads(details) if isinstance(details, str) else details)
                except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
                    self._problem(row, "its details are not what the app writes "
                                       f"({type(exc).__name__}: {str(exc)[:80]})")
            elif action == BASELINE:
                last_change = row[0]
                self._baseline(row)
            elif action == VERIFY:
                last_verify = row
            elif action not in UNCHANGING:
                last_change = row[0]
                self._problem(row, "no version of the app writes this action, so the "
                                   "entry was not written by the app")
            elif action not in RECORDS_ONLY:  # a key registered, a file quarantined
                last_change = row[0]
        self.result.entries, self.result.last_change = count, last_change
        if last_verify is not None:
            try:
                details = last_verify[7]
                seen = _loads(details) if isinstance(details, str) else details
            except ValueError:
                seen = None
            if isinstance(seen, dict):
                self.result.last_verify = (last_verify[0], last_verify[1], seen)
        return self.result

    def _same_shot(self, row: Row, d: dict) -> None:
        if self._photo(row) is not None:
            self.result.state["shot_links"][row[6]] = {"partner_id": d["partner"],
                                                       "linked_at": d["linked_at"]}

    def _problem(self, row: Row, text: str) -> None:
        self.result.problems.append(f"custody log entry {row[0]} ({row[5]}): {text}")

    def _photo(self, row: Row) -> dict[str, Any] | None:
        """The photo an entry is about, or None (with a problem) if the log never imported it."""
        photo = self.photos.get(row[6])
        if photo is None:
            self._problem(row, f"it is about photo {row[6]}, which no earlier entry imports")
        return photo

    # -- a baseline: the state of a catalogue upgraded from a version that logged less ------
    def _baseline(self, row: Row) -> None:
        if self.result.baseline_at is not None or self.valued:
            self._problem(row, "a baseline is recorded only once, by the upgrade of a "
                               "catalogue whose log held no values, but " + (
                                   f"entry {self.result.proven_from} is one already"
                                   if self.result.baseline_at is not None else
                                   "earlier entries already record the state")
                          + ": it is not applied (it would replace what they record)")
            self.in_baseline = False
            return
        entries = self.result.entries
        self.__init__()  # type: ignore[misc]  # the state before it rests on the baseline
        self.result.entries = entries
        self.result.proven_from, self.result.baseline_at = row[0], row[1]
        self.in_baseline = True

    def _import_baseline(self, row: Row, d: dict) -> None:
        self.imports[d["import"]] = {k: d["values"].get(k) for k in IMPORT_FIELDS}

    def _photo_baseline(self, row: Row, d: dict) -> None:
        pid = row[6] or 0
        self.photos[pid] = {**{k: d["photo"].get(k) for k in PHOTO_RECORD},
                            "caption": d["caption"], "incident_id": d["incident"],
                            **{flag: int(d[flag]) for flag in _FLAGS}}
        self.max_photo = max(self.max_photo, pid)
        for word in d["keywords"]:
            self.keywords[(pid, word)] = {}

    def _source_baseline(self, row: Row, d: dict) -> None:
        if self._photo(row) is not None:
            self._put_source(row[6], d["source"])

    def _incident_baseline(self, row: Row, d: dict) -> None:
        self.incidents[d["incident"]] = {k: d["values"].get(k) for k in INCIDENT_FIELDS}

    def _failure_baseline(self, row: Row, d: dict) -> None:
        self.failures[d["failure"]] = {k: d["values"].get(k) for k in FAILURE_FIELDS}

    def _clock_baseline(self, row: Row, d: dict) -> None:
        camera = d["camera"]
        key = (camera["make"], camera["model"], camera["serial"])
        self.clocks[key] = {k: d["values"].get(k) for k in CLOCK_FIELDS}

    def _link_baseline(self, row: Row, d: dict) -> None:
        self.links[row[6]] = {k: d["values"].get(k) for k in LINK_FIELDS}

    def _not_duplicate_baseline(self, row: Row, d: dict) -> None:
        self.not_dups[(d["a"], d["b"])] = {k: d["values"].get(k) for k in NOT_DUPLICATE_FIELDS}

    # -- imports ---------------------------------------------------------------------------
    def _import_started(self, row: Row, d: dict) -> None:
        self.imports[d["import"]] = {
            "started_at": d.get("started_at"), "finished_at": None, "status": "running",
            "operator": row[2], "machine": row[3], "app_version": row[4],
            "in_place": int(d["in_place"]),
            "paths": json.dumps(d["paths"], ensure_ascii=False),
            "imported": 0, "already_present": 0, "failed": 0}
        self.imported[d["import"]] = 0

    def _import(self, row: Row, d: dict) -> None:
        pid = row[6] or 0
        record = d.get("photo")
        if record is None:
            self._problem(row, f"it records photo {pid} without its values (written by an "
                               "older version: upgrade the catalogue to record a baseline)")
            return
        if pid in self.photos:
            self._problem(row, f"photo {pid} was already imported by an earlier entry")
        elif pid != self.max_photo + 1:
            first, last = self.max_photo + 1, pid - 1
            lost = (f"the entry importing photo {first} is" if first == last else
                    f"the entries importing photos {first} to {last} are")
            self._problem(row, f"photo {pid} follows photo {self.max_photo}: {lost} "
                               "missing from the log")
        self.max_photo = max(self.max_photo, pid)
        self.valued = True
        # (a key no writer makes is kept: the comparison then names no field for it)
        self.photos[pid] = {**_PHOTO_BLANK, **record, **PHOTO_ANNOTATIONS}
        if d["import"] in self.imported:
            self.imported[d["import"]] += 1
        self._put_source(pid, d["source"])

    def _put_source(self, pid: int | None, source: dict) -> None:
        self.sources[(pid, source["path_raw"])] = {
            "path": source["path"], "size_bytes": source["size_bytes"],
            "mtime": source["mtime"], "import_id": source["import_id"],
            "recorded_at": source["recorded_at"]}

    def _add_source(self, row: Row, d: dict) -> None:
        if "source" in d and self._photo(row) is not None:
            self._put_source(row[6], d["source"])

    def _import_failed(self, row: Row, d: dict) -> None:
        if "failure" in d:
            self.failures[d["failure"]] = {
                "import_id": d["import"], "path": d["path"], "path_raw": d["path_raw"],
                "sha256": d["sha256"], "reason": d["reason"], "recorded_at": d["recorded_at"]}

    def _import_ended(self, row: Row, d: dict) -> None:
        run = self.imports.get(d["import"])
        if run is None:
            self._problem(row, f"it ends import {d['import']}, which no entry started")
            return
        run.update(finished_at=d.get("finished_at"), status=row[5].removeprefix("import-"),
                   imported=d["imported"], already_present=d["already_present"],
                   failed=d["failed"])
        seen = self.imported.get(d["import"])
        if seen is not None and seen != d["imported"]:
            self._problem(row, f"import {d['import']} says it imported "
                               f"{counted(d['imported'], 'photo')}, but the log "
                               f"holds {counted(seen, 'import entry', 'import entries')} "
                               "for it")

    # -- what people change ------------------------------------------------------------------
    def _caption(self, row: Row, d: dict) -> None:
        photo = self._photo(row)
        if photo is not None:
            if photo["caption"] != d["old"]:
                self._problem(row, f"photo {row[6]}'s caption was {photo['caption']!r} by the "
                                   f"log, not {d['old']!r} as this entry says")
            photo["caption"] = d["new"]

    def _tag(self, row: Row, d: dict) -> None:
        photo = self._photo(row)
        if photo is not None:
            if d["incident"] is not None and d["incident"] not in self.incidents:
                self._problem(row, f"it tags photo {row[6]} to incident {d['incident']}, which "
                                   "no earlier entry adds")
            photo["incident_id"] = d["incident"]

    def _flag(self, row: Row, d: dict) -> None:
        photo = self._photo(row)
        if photo is not None:
            photo[d["flag"]] = int(d["new"])

    def _keywords(self, row: Row, d: dict) -> None:
        if self._photo(row) is None:
            return
        for word in d["added"]:
            self.keywords[(row[6], word)] = {}
        for word in d["removed"]:
            self.keywords.pop((row[6], word), None)

    def _clock(self, row: Row, d: dict) -> None:
        camera = d["camera"]
        key = (camera["make"] or "", camera["model"] or "", camera["serial"] or "")
        if d["new_offset_s"] is None:
            self.clocks.pop(key, None)
        else:
            self.clocks[key] = {"offset_s": d["new_offset_s"], "reason": d["reason"],
                                "set_at": d.get("set_at"), "operator": row[2]}

    def _marked(self, row: Row, d: dict) -> None:
        if self._photo(row) is None:
            return
        self.links.pop(d["keeper"], None)
        self.links[row[6]] = {"keeper_id": d["keeper"], "kind": d["kind"],
                              "distance": d["distance"], "decided_at": d.get("decided_at"),
                              "operator": row[2]}

    def _unlinked(self, row: Row, d: dict) -> None:
        self.links.pop(d["keeper"], None)

    def _not_duplicate(self, row: Row, d: dict) -> None:
        ids = d["photos"]
        for n, a in enumerate(ids):
            for b in ids[n + 1:]:
                self.not_dups.setdefault((a, b), {"decided_at": d.get("decided_at"),
                                                  "operator": row[2]})
        members = set(ids)
        for pid in [p for p, link in self.links.items()
                    if p in members and link["keeper_id"] in members]:
            del self.links[pid]

    def _hashes(self, row: Row, d: dict) -> None:
        photo = self._photo(row)
        if photo is not None:
            photo["phash_canonical"], photo["pixel_hash"] = d["phash_canonical"], d["pixel_hash"]

    def _thumbnail(self, row: Row, d: dict) -> None:
        photo = self._photo(row)
        if photo is not None:
            photo["thumbnail_path"] = d["thumbnail_path"]
            photo["thumbnail_sha256"] = d["thumbnail_sha256"]

    # -- redaction regions (db/redactions.py) ------------------------------------------------
    def _redaction_added(self, row: Row, d: dict) -> None:
        if self._photo(row) is not None:
            self.redactions[d["redaction"]] = {"photo_id": row[6], **d["region"],
                                               "created_by": row[2],
                                               "created_at": d["created_at"]}

    def _redaction_removed(self, row: Row, d: dict) -> None:
        if self.redactions.pop(d["redaction"], None) is None:
            self._problem(row, f"it removes redaction region {d['redaction']}, which no "
                               "earlier entry adds")

    def _redaction_reviewed(self, row: Row, d: dict) -> None:
        region = self.redactions.get(d["redaction"])
        if region is None:
            self._problem(row, f"it reviews redaction region {d['redaction']}, which no "
                               "earlier entry adds")
        else:
            region["status"] = d["new"]

    # -- assigned positions (db/positions.py) ----------------------------------------------
    def _position_set(self, row: Row, d: dict) -> None:
        if self._photo(row) is None:
            return
        positions = self.result.state["photo_positions"]
        if d["new"] is None:
            if positions.pop(row[6], None) is None:
                self._problem(row, f"it removes photo {row[6]}'s assigned position, which no "
                                   "earlier entry set")
        else:
            positions[row[6]] = {name: d["new"].get(name) for name in POSITION_FIELDS}

    # -- face scans (db/faces.py) ---------------------------------------------------------
    def _faces_scanned(self, row: Row, d: dict) -> None:
        if self._photo(row) is not None:
            self.face_scans[row[6]] = {
                "detector": d["detector"], "detector_version": d["version"],
                "scanned_at": d["scanned_at"], "faces": d["faces"],
                "boxes": json.dumps(d["boxes"], ensure_ascii=False, sort_keys=True,
                                    separators=(",", ":")),  # as core/faces.boxes_text
                **dict.fromkeys(("reviewed_by", "reviewed_at", "published_anyway_by",
                                 "published_anyway_at"))}

    def _faces_decided(self, row: Row, d: dict) -> None:
        scan = self.face_scans.get(row[6])
        if scan is None:
            self._problem(row, f"it decides about photo {row[6]}'s faces, which no earlier "
                               "entry scans")
            return
        column = "reviewed" if row[5] == "faces-reviewed" else "published_anyway"
        scan[f"{column}_by"], scan[f"{column}_at"] = row[2], d[f"{column}_at"]

    # -- incidents -------------------------------------------------------------------------
    def _incident_added(self, row: Row, d: dict) -> None:
        self.incidents[d["incident"]] = {**{k: d.get(k) for k in INCIDENT_FIELDS},
                                         "archived": 0}

    def _incident(self, row: Row, incident_id: int) -> dict[str, Any] | None:
        found = self.incidents.get(incident_id)
        if found is None:
            self._problem(row, f"it is about incident {incident_id}, which no earlier entry "
                               "adds")
        return found

    def _incident_edited(self, row: Row, d: dict) -> None:
        incident = self._incident(row, d["incident"])
        if incident is not None:
            for name, value in d["new"].items():
                incident[name] = int(value) if name == "archived" else value

    def _incident_merged(self, row: Row, d: dict) -> None:
        incident = self._incident(row, d["incident"])
        if incident is not None:
            incident["archived"] = 1

    def _incident_deleted(self, row: Row, d: dict) -> None:
        if self._incident(row, d["incident"]) is not None:
            del self.incidents[d["incident"]]


def state_actions() -> frozenset[str]:
    """Every action replay applies to the state (its handlers, and the baseline's start)."""
    return frozenset(_Folder().handlers) | {BASELINE}


def replay(rows: Iterable[Row]) -> Replayed:
    """The state the entries record, folded from the first: see `Replayed`."""
    return _Folder().fold(rows)


def derived_times(state: State) -> dict[object, tuple[str | None, str | None]]:
    """Each photo's (sort_time, corrected_local) by core/clock.py's rule over the state, as
    db/sort_order.py writes them."""
    photos = state["photos"]
    offsets = {key: row["offset_s"] for key, row in state["camera_clocks"].items()}
    positions = {i: (r["lat"], r["lon"]) for i, r in state["incidents"].items()
                 if r["lat"] is not None and r["lon"] is not None}

    def key_of(p: dict[str, Any]) -> tuple[str, str, str]:
        return (p["camera_make"] or "", p["camera_model"] or "", p["camera_serial"] or "")

    known: dict[tuple[str, str, str], list[tuple[datetime, TimeSource]]] = {}
    for p in photos.values():
        if p["taken_at"] is not None and p["taken_at_utc"] is not None:
            known.setdefault(key_of(p), []).append(
                (datetime.fromisoformat(p["taken_at"]), TimeSource(p["time_source"])))
    zones: dict[tuple[str, str, str], clock.CameraZones] = {}
    found: dict[object, tuple[str | None, str | None]] = {}
    for pid, p in photos.items():
        if p["taken_at"] is None:
            found[pid] = (None, None)
            continue
        key = key_of(p)
        offset = offsets.get(key)
        when, kind = datetime.fromisoformat(p["taken_at"]), TimeSource(p["time_source"])
        moved = clock.corrected_time(when, kind, offset or 0)
        zone = None
        if when.tzinfo is None:
            camera = None
            if key != ("", "", ""):
                if key not in zones:
                    zones[key] = clock.CameraZones(known.get(key, []), offsets.get(key, 0))
                camera = zones[key]
            zone, _ = clock.assumed_zone(moved, camera, positions.get(p["incident_id"]))
        local = moved.replace(tzinfo=None).isoformat() if offset is not None else None
        found[pid] = (clock.sort_key(when, kind, offset or 0, zone), local)
    return found

