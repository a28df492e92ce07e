"""A package's manifest and incidents checked against its own custody log (pure: a fold)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Columns of `photos` an `import` (or `photo-baseline`) entry records under "photo", as the
# manifest names them (the same names).
RECORDED_COLUMNS = (
    "sha256", "format", "size_bytes", "width", "height", "taken_at", "taken_at_utc",
    "time_source", "gps_lat", "gps_lon", "gps_alt", "camera_make", "camera_model",
    "camera_serial",
)
# What people set on a photo after its import: the manifest's name -> the fold's name.
ANNOTATIONS = {"caption": "caption", "incident_id": "incident", "graphic": "graphic",
               "restricted": "restricted", "caption_needs_review": "caption_review",
               "keywords": "keywords"}
_STARTS: dict[str, Any] = {"caption": "", "incident": None, "graphic": False,
                           "restricted": False, "caption_review": False, "keywords": ()}
# incidents.json's name -> the incidents table's (and the log's) name
INCIDENT_FIELDS = {"name": "name", "kind": "kind", "place": "place", "lat": "lat", "lon": "lon",
                   "radius_m": "radius_m", "start": "starts_at", "end": "ends_at",
                   "description": "description", "sources": "sources", "notes": "notes",
                   "archived": "archived"}
_TIMES = {"taken_at", "taken_at_utc", "starts_at", "ends_at"}


@dataclass(slots=True)
class PhotoState:
    """One photo as its custody entries make it: where each value was last set (entry id)."""

    entry: int                      # the import or baseline entry
    columns: dict[str, Any] | None  # None: the entry predates the log recording them
    values: dict[str, Any] = field(default_factory=lambda: dict(_STARTS))
    set_by: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class LogState:
    photos: dict[int, PhotoState] = field(default_factory=dict)
    incidents: dict[int, dict[str, Any]] = field(default_factory=dict)
    incident_set_by: dict[int, int] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    clocks: dict[tuple[str, str, str], tuple[int, int]] = field(default_factory=dict)
    clock_set_by: dict[tuple[str, str, str], int] = field(default_factory=dict)
    links: dict[Any, tuple[Any, int]] = field(default_factory=dict)  # copy -> (keeper, entry)


@dataclass(slots=True)
class ManifestFindings:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def fold(entries: Iterable[Mapping[str, Any]]) -> LogState:
    """Replay a package's custody entries (dicts as custody_log.jsonl holds them), in order."""
    state = LogState()
    for entry in sorted(entries, key=lambda e: e.get("id") or 0):
        action, details = entry.get("action"), entry.get("details") or {}
        number, photo_id = entry.get("id") or 0, entry.get("photo_id")
        if action in ("import", "photo-baseline") and photo_id is not None:
            _start(state, photo_id, number, action, details)
        elif action and action.startswith("incident-"):
            _incident(state, number, action, details)
        elif action in ("clock-correction", "clock-baseline"):
            _clock(state, number, action, details)
        elif action in ("duplicate-marked", "duplicate-unlinked", "duplicate-link-baseline",
                        "not-duplicate"):
            _link(state, number, action, photo_id, details)
        elif photo_id in state.photos:
            _annotate(state.photos[photo_id], number, action, details)
    return state


def camera_key(make: Any, model: Any, serial: Any) -> tuple[str, str, str]:
    """A camera as camera_clocks keys it: '' for a missing value."""
    return str(make or ""), str(model or ""), str(serial or "")


def _clock(state: LogState, number: int, action: str, details: dict) -> None:
    camera = details.get("camera") or {}
    key = camera_key(camera.get("make"), camera.get("model"), camera.get("serial"))
    offset = (details.get("new_offset_s") if action == "clock-correction"
              else (details.get("values") or {}).get("offset_s"))
    if offset is None:
        state.clocks.pop(key, None)
    else:
        state.clocks[key] = (offset, number)
    state.clock_set_by[key] = number


def _link(state: LogState, number: int, action: str, photo_id: int | None,
          details: dict) -> None:
    if action == "duplicate-marked" and photo_id is not None:
        state.links.pop(details.get("keeper"), None)  # a keeper is linked to nothing
        state.links[photo_id] = (details.get("keeper"), number)
    elif action == "duplicate-unlinked":
        state.links.pop(details.get("keeper"), None)
    elif action == "duplicate-link-baseline" and photo_id is not None:
        state.links[photo_id] = ((details.get("values") or {}).get("keeper_id"), number)
    elif action == "not-duplicate":
        members = set(details.get("photos") or ())
        for copy in [c for c, (keeper, _) in state.links.items()
                     if c in members and keeper in members]:
            del state.links[copy]


def _start(state: LogState, photo_id: int, number: int, action: str, details: dict) -> None:
    columns = details.get("photo")
    recorded = dict(columns) if isinstance(columns, dict) else None
    if recorded is not None and "sha256" not in recorded and "sha256" in details:
        recorded["sha256"] = details["sha256"]
    photo = PhotoState(number, recorded)
    if recorded is None and "sha256" in details:  # an import entry of before: its hash only
        photo.values["sha256"] = details["sha256"]
        photo.set_by["sha256"] = number
    if action == "photo-baseline":
        for name in ("caption", "incident", "graphic", "restricted", "caption_review"):
            if name in details:
                photo.values[name] = details[name]
                photo.set_by[name] = number
        if "keywords" in details:
            photo.values["keywords"] = tuple(details["keywords"])
            photo.set_by["keywords"] = number
    state.photos[photo_id] = photo


def _annotate(photo: PhotoState, number: int, action: str | None, details: dict) -> None:
    if action == "caption":
        _set(photo, "caption", details.get("new"), number)
    elif action in ("tag", "untag"):
        _set(photo, "incident", details.get("incident"), number)
    elif action == "flag" and details.get("flag") in ("graphic", "restricted",
                                                      "caption_review"):
        _set(photo, str(details["flag"]), bool(details.get("new")), number)
    elif action == "keywords":
        words = dict.fromkeys(photo.values["keywords"])
        words.update(dict.fromkeys(details.get("added") or ()))
        for gone in details.get("removed") or ():
            words.pop(gone, None)
        _set(photo, "keywords", tuple(words), number)


def _set(photo: PhotoState, name: str, value: Any, number: int) -> None:
    photo.values[name] = value
    photo.set_by[name] = number


def _incident(state: LogState, number: int, action: str, details: dict) -> None:
    incident = details.get("incident")
    if not isinstance(incident, int):
        return
    if action == "incident-added":
        state.incidents[incident] = {**{k: details.get(k) for k in INCIDENT_FIELDS.values()},
                                     "archived": False}
        state.deleted.discard(incident)
    elif action == "incident-baseline":  # an upgraded catalogue's incident, as it stood
        values = details.get("values") or {}
        state.incidents[incident] = {k: values.get(k) for k in INCIDENT_FIELDS.values()}
        state.incidents[incident]["archived"] = bool(values.get("archived"))
        state.deleted.discard(incident)
    elif incident not in state.incidents:
        return
    elif action == "incident-edited":
        state.incidents[incident].update(details.get("new") or {})
    elif action == "incident-merged":
        state.incidents[incident]["archived"] = True
    elif action == "incident-deleted":
        state.deleted.add(incident)
    state.incident_set_by[incident] = number


def check(rows: Iterable[Mapping[str, Any]], incidents: Iterable[Mapping[str, Any]],
          entries: Iterable[Mapping[str, Any]], covers: Iterable[str] = ()) -> ManifestFindings:
    """Every manifest and incidents.json value the log records, compared with the log.
    `covers` is the manifest's custody_log_covers: clock offsets and duplicate links are
    compared only when the package says its log carries their entries."""
    state = fold(entries)
    covered = set(covers)
    found = ManifestFindings()
    unrecorded: list[int] = []
    for row in rows:
        photo_id = row.get("id")
        photo = state.photos.get(photo_id) if isinstance(photo_id, int) else None
        if photo is None:
            found.problems.append(f"Manifest row for p{photo_id} has no import entry in the "
                                  "package's custody log.")
            continue
        if photo.columns is None:
            unrecorded.append(photo_id)  # type: ignore[arg-type]
        _compare_photo(photo_id, row, photo, state, found)  # type: ignore[arg-type]
        _compare_decisions(photo_id, row, state, covered, found)  # type: ignore[arg-type]
    if unrecorded:
        unrecorded.sort()
        shown = ", ".join(f"p{i}" for i in unrecorded[:5]) + (
            f" and {len(unrecorded) - 5} more" if len(unrecorded) > 5 else "")
        found.notes.append(f"The capture metadata (time, GPS, camera) of {shown} is not "
                           "recorded in the log: their import entries were made before the "
                           "log recorded it, so those manifest values are unchecked.")
    for item in incidents:
        _compare_incident(item, state, found)
    return found


def _compare_photo(photo_id: int, row: Mapping[str, Any], photo: PhotoState,
                   state: LogState, found: ManifestFindings) -> None:
    where = f"its custody record (entry {photo.entry})"
    if photo.columns is not None:
        for name in RECORDED_COLUMNS:
            if name not in row:
                continue
            if name not in photo.columns:
                found.problems.append(f"Manifest row for p{photo_id} gives {name} "
                                      f"{_show(row[name])}, which {where} does not record.")
            elif not _same(name, row[name], photo.columns[name]):
                found.problems.append(_differs(photo_id, name, row[name],
                                               photo.columns[name], where))
    elif "sha256" in photo.values and row.get("sha256") != photo.values["sha256"]:
        found.problems.append(_differs(photo_id, "sha256", row.get("sha256"),
                                       photo.values["sha256"], where))
    for shown, name in ANNOTATIONS.items():
        if shown not in row:
            continue
        logged = photo.values[name]
        if not _same(name, row[shown], logged):
            by = photo.set_by.get(name, photo.entry)
            found.problems.append(_differs(photo_id, shown, row[shown], logged,
                                           f"its custody record (entry {by})"))
    incident = photo.values["incident"]
    if row.get("incident") is not None and incident is not None:
        logged_name = state.incidents.get(incident, {}).get("name")
        if incident not in state.incidents:
            found.problems.append(f"Manifest row for p{photo_id} names incident {incident}, "
                                  "which the package's custody log never added.")
        elif row["incident"] != logged_name:
            found.problems.append(_differs(photo_id, "incident", row["incident"], logged_name,
                                           f"incident {incident}'s custody record"))


def _compare_decisions(photo_id: int, row: Mapping[str, Any], state: LogState,
                       covered: set[str], found: ManifestFindings) -> None:
    """A camera's clock offset and a duplicate link, decided apart from the photo's entries."""
    if "camera clocks" in covered and "clock_offset_s" in row:
        key = camera_key(row.get("camera_make"), row.get("camera_model"),
                         row.get("camera_serial"))
        offset, by = state.clocks.get(key, (None, state.clock_set_by.get(key)))
        if not _same("clock_offset_s", row["clock_offset_s"], offset):
            where = (f"its camera's clock record (entry {by})" if by is not None else
                     "the package's custody log (no clock correction for its camera)")
            found.problems.append(_differs(photo_id, "clock_offset_s", row["clock_offset_s"],
                                           offset, where))
    if "duplicate decisions" in covered and "duplicate_of" in row:
        keeper, by = state.links.get(photo_id, (None, None))
        if row["duplicate_of"] != keeper:
            where = (f"its duplicate record (entry {by})" if by is not None else
                     "the package's custody log (no duplicate link for it)")
            found.problems.append(_differs(photo_id, "duplicate_of", row["duplicate_of"],
                                           keeper, where))


def _compare_incident(item: Mapping[str, Any], state: LogState,
                      found: ManifestFindings) -> None:
    incident = item.get("id")
    logged = state.incidents.get(incident) if isinstance(incident, int) else None
    if logged is None:
        found.problems.append(f"incidents.json holds incident {incident}, which the package's "
                              "custody log never added.")
        return
    if incident in state.deleted:
        found.problems.append(f"incidents.json holds incident {incident}, which its custody "
                              "record says was deleted.")
    where = f"its custody record (entry {state.incident_set_by[incident]})"  # type: ignore[index]
    for shown, name in INCIDENT_FIELDS.items():
        if shown in item and not _same(name, item[shown], logged.get(name)):
            found.problems.append(f"incidents.json says incident {incident}'s {shown} is "
                                  f"{_show(item[shown])}, {where} says "
                                  f"{_show(logged.get(name))}.")


def _differs(photo_id: int, name: str, manifest: Any, logged: Any, where: str) -> str:
    return (f"Manifest row for p{photo_id} says {name} {_show(manifest)}, {where} says "
            f"{_show(logged)}.")


def _same(name: str, shown: Any, logged: Any) -> bool:
    if shown == logged:
        return True
    if isinstance(shown, bool) or isinstance(logged, bool):
        return isinstance(logged, int | bool) and isinstance(shown, int | bool) \
            and bool(shown) == bool(logged)
    if isinstance(shown, int | float) and isinstance(logged, int | float):
        return math.isclose(shown, logged, rel_tol=0, abs_tol=1e-9)
    if isinstance(shown, list | tuple) and isinstance(logged, list | tuple):
        return sorted(map(str, shown)) == sorted(map(str, logged))
    if name in _TIMES and isinstance(shown, str) and isinstance(logged, str):
        return _moment(shown) is not None and _moment(shown) == _moment(logged)
    return False


def _moment(text: str) -> tuple[datetime, Any] | None:
    """A time as written, for comparing two spellings of it: the moment and its offset."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment, moment.utcoffset()


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        shown = value if len(value) <= 80 else value[:77] + "…"
        return repr(shown)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)


# What an original's EXIF gives directly, without a zone database or a reading rule that a
# later version may refine: position, camera, and the capture time's wall-clock reading.
EXIF_FIELDS = ("gps_lat", "gps_lon", "gps_alt", "camera_make", "camera_model",
               "camera_serial", "taken_at")


def compare_exif(row: Mapping[str, Any], exif: Mapping[str, Any]) -> list[str]:
    """A manifest row against what its original's EXIF says (`exif`: the same names; taken_at
    as ISO text). The capture time is compared as the camera's clock showed it."""
    problems = []
    for name in EXIF_FIELDS:
        if name not in row:
            continue
        shown, read = row[name], exif.get(name)
        if name == "taken_at":
            same = _wall_clock(shown) == _wall_clock(read)
        else:
            same = _same(name, shown, read)
        if not same:
            problems.append(f"Manifest row for p{row.get('id')} says {name} {_show(shown)}, "
                            f"its original's EXIF says {_show(read)}.")
    return problems


def _wall_clock(text: Any) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None
