"""One custody log entry in words a person reads: when, who, what, and its old and new value."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

from catalog_app.core.labels import camera_label
from catalog_app.core.models import Camera, CustodyEntry, Flag

NONE = "(none)"  # how an empty value is shown, so "" is never mistaken for a missing column
_INCIDENT_FIELDS = {"name": "name", "kind": "kind", "place": "place", "lat": "latitude",
                    "lon": "longitude", "radius_m": "radius (m)", "starts_at": "starts",
                    "ends_at": "ends", "description": "description", "sources": "sources",
                    "notes": "notes", "archived": "archived"}
_FLAG_LABELS = {flag.value: flag.label for flag in Flag}
_FILE_EXPORTS = {"csv": "CSV", "geojson": "GeoJSON", "kml": "KML"}


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """An entry described: `old` and `new` are None where the entry carries no such value."""

    entry_id: int
    photo_id: int | None
    local: str  # "2026-12-02 00:40:12 +01:00", in the viewer's time zone
    utc: str  # "2026-12-01 23:40:12 UTC"
    who: str  # "operator@machine"
    what: str
    old: str | None = None
    new: str | None = None
    sentence: str = ""  # what, with its old and new value, in one sentence

    @property
    def when(self) -> str:
        return f"{self.local} ({self.utc})"

    def text(self, *, photo: bool = True) -> str:
        """The whole line; `photo` names the photo an entry is about (a log of many photos)."""
        subject = f"photo {self.photo_id}: " if photo and self.photo_id is not None else ""
        return one_line(f"{self.when}  {self.who}  {subject}{self.sentence or self.what}")


def one_line(text: str) -> str:
    """`text` with its line breaks shown as ⏎, so a value never spills onto the next line."""
    return " ⏎ ".join(text.splitlines()) if "\n" in text or "\r" in text else text


@dataclass(frozen=True, slots=True)
class _Said:
    what: str
    old: str | None = None
    new: str | None = None
    named: bool = False  # `what` already names the new value: the sentence adds only the old
    line: str | None = None  # the sentence, where it says more than `what` and the values

    def sentence(self) -> str:
        if self.line is not None:
            return self.line
        if self.named:
            return f"{self.what} (was {self.old})" if self.old is not None else self.what
        if self.old is not None:
            return f"{self.what}: {self.old} → {self.new if self.new is not None else NONE}"
        return f"{self.what}: {self.new}" if self.new is not None else self.what


def describe(entry: CustodyEntry, incidents: Mapping[int, str] | None = None,
             zone: tzinfo | None = None) -> HistoryLine:
    """`entry` in words; `incidents` names incidents by id; `zone` is the viewer's time zone
    (None: this computer's). An action this module does not know is shown by its name and its
    details, never dropped."""
    local, utc = _times(str(entry.at), zone)
    describer = _describer(entry.action)
    said = None
    if describer is not None:
        try:
            said = describer(entry.details, _Names(incidents or {}), entry.action)
        except (KeyError, TypeError, ValueError, AttributeError):
            said = None  # details not in the shape this version writes: shown as they are
    if said is None:
        said = _Said(_unknown(entry.action, entry.details))
    return HistoryLine(entry.id, entry.photo_id, local, utc,
                       f"{entry.operator}@{entry.machine}", said.what, said.old, said.new,
                       said.sentence())


def _times(at_text: str, zone: tzinfo | None) -> tuple[str, str]:
    """("2026-12-02 01:40:12 +02:00", "2026-12-01 23:40:12 UTC"); a time that is not one
    (only a hand-edited log holds such) is shown as written."""
    try:
        at = datetime.fromisoformat(at_text.replace("Z", "+00:00"))
    except ValueError:
        return f"{at_text} (not a time)", f"{at_text} (not a time)"
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    local = (at.astimezone(zone) if zone is not None else at.astimezone()).isoformat(
        sep=" ", timespec="seconds")  # "2026-12-02 01:40:12+02:00"
    utc = at.astimezone(UTC).isoformat(sep=" ", timespec="seconds")[:19]
    return f"{local[:19]} {local[19:]}", f"{utc} UTC"


def describe_all(entries: list[CustodyEntry], incidents: Mapping[int, str] | None = None,
                 zone: tzinfo | None = None) -> list[HistoryLine]:
    return [describe(e, incidents, zone) for e in entries]


class _Names:
    def __init__(self, names: Mapping[int, str]) -> None:
        self._names = names

    def incident(self, incident_id: int | None) -> str:
        if incident_id is None:
            return "no incident"
        name = self._names.get(incident_id)
        return f"incident {incident_id} {_quote(name)}" if name else f"incident {incident_id}"


def _quote(text: str) -> str:
    return f"'{text}'"


def _value(value: Any) -> str:
    if value is None or value == "":
        return NONE
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value) or NONE
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v)}" for k, v in value.items()) or NONE
    return str(value)


def _seconds(offset: int | None) -> str:
    return "no correction" if offset is None else f"{offset:+d} s"


def _ids(values: list[int]) -> str:
    return ", ".join(str(v) for v in values)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _unknown(action: str, details: dict) -> str:
    return f"{action}: {_value(details)}" if details else action


def _in_field_order(keys: Iterable[str]) -> list[str]:
    order = list(_INCIDENT_FIELDS)
    return sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), k))


def _fields(values: Mapping[str, Any]) -> str:
    """An incident's fields as "name: …; place: …", in the order the app shows them."""
    return "; ".join(f"{_INCIDENT_FIELDS.get(k, k)}: {_value(values[k])}"
                     for k in _in_field_order(values))


# -- one function per action the app writes (db/ and services/, every log.append) ---------
Describer = Callable[[dict, _Names, str], _Said]


def _caption(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said("caption changed", d["old"] or NONE, d["new"] or NONE)


def _flag(d: dict, _n: _Names, _a: str) -> _Said:
    label = _FLAG_LABELS.get(d["flag"], d["flag"])
    return _Said(f"flag {label} {'set' if d['new'] else 'cleared'}",
                 "set" if d["old"] else "not set", "set" if d["new"] else "not set", named=True)


def _tag(d: dict, n: _Names, _a: str) -> _Said:
    return _Said(f"tagged to {n.incident(d['incident'])}", n.incident(d.get("previous")),
                 n.incident(d["incident"]), named=True)


def _untag(d: dict, n: _Names, _a: str) -> _Said:
    previous = d.get("previous")
    return _Said(f"untagged from {n.incident(previous)}" if previous is not None else "untagged",
                 n.incident(previous), n.incident(None), named=previous is not None)


def _keywords(d: dict, _n: _Names, _a: str) -> _Said:
    added, removed = list(d.get("added") or []), list(d.get("removed") or [])
    parts = ([f"keywords added: {', '.join(added)}"] if added else []) \
        + ([f"keywords removed: {', '.join(removed)}"] if removed else [])
    return _Said("; ".join(parts) or "keywords unchanged",
                 ", ".join(removed) if removed else None, ", ".join(added) if added else None,
                 named=True)


def _clock(d: dict, _n: _Names, _a: str) -> _Said:
    camera = d["camera"]
    cam = Camera(camera.get("make"), camera.get("model"), camera.get("serial"))
    name = camera_label(cam) or "an unnamed camera"
    if cam.serial:
        name += f" #{cam.serial}"
    new = d.get("new_offset_s")
    what = (f"clock correction for {name}: {_seconds(new)}" if new is not None
            else f"clock correction for {name} cleared")
    line = f"{what} (was {_seconds(d.get('old_offset_s'))}"
    if d.get("photos") is not None:
        line += f"; {_count(d['photos'], 'photo')}"
    line += ")" + (f", reason: {d['reason']}" if d.get("reason") else "")
    return _Said(what, _seconds(d.get("old_offset_s")), _seconds(new), line=line)


def _incident_added(d: dict, n: _Names, _a: str) -> _Said:
    values = {k: v for k, v in d.items()
              if k not in ("incident", "created_at") and v not in (None, "")}
    return _Said(f"incident {d['incident']} {_quote(d.get('name') or '')} added", None,
                 _fields(values) or None)


def _incident_edited(d: dict, n: _Names, _a: str) -> _Said:
    old, new = dict(d["old"]), dict(d["new"])
    subject = n.incident(d["incident"])
    if set(new) == {"archived"}:
        return _Said(f"{subject} {'archived' if new['archived'] else 'restored from the archive'}",
                     _archived(old.get("archived")), _archived(new["archived"]), named=True)
    names = ", ".join(_INCIDENT_FIELDS.get(k, k) for k in _in_field_order(new))
    return _Said(f"{subject} edited: {names}", _fields({k: old.get(k) for k in new}),
                 _fields(new))


def _archived(value: Any) -> str:
    return "archived" if value else "active"


def _incident_merged(d: dict, n: _Names, _a: str) -> _Said:
    moved = d.get("photos", 0)
    moved = len(moved) if isinstance(moved, list) else int(moved)
    return _Said(f"{n.incident(d['incident'])} merged into {n.incident(d['into'])} "
                 f"({_count(moved, 'photo')} moved)")


def _incident_deleted(d: dict, n: _Names, _a: str) -> _Said:
    values = dict(d.get("values") or {})
    name = values.get("name")
    subject = f"incident {d['incident']} {_quote(name)}" if name else n.incident(d["incident"])
    shown = {k: v for k, v in values.items() if v not in (None, "") and k != "archived"}
    return _Said(f"{subject} deleted ({_count(d.get('untagged', 0), 'photo')} untagged)",
                 _fields(shown) or None, None)


def _duplicate(d: dict, _n: _Names, _a: str) -> _Said:
    kind = f"{d['kind']}" + (f", distance {d['distance']}" if d.get("distance") is not None
                             else "")
    return _Said(f"marked as duplicate of photo {d['keeper']} ({kind})")


def _not_duplicate(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"marked as not duplicates of each other: photos {_ids(d['photos'])}")


def _same_shot(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"linked as one shot with photo {d['partner']} (a camera raw and the JPEG "
                 "the camera wrote beside it: not duplicates)")


def _import(d: dict, _n: _Names, _a: str) -> _Said:
    stored = d.get("stored_path")
    return _Said(f"imported from {d['path']} (import {d['import']})", None,
                 f"SHA-256 {d['sha256']}" + (f", stored as {stored}" if stored else ""))


def _add_source(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"also found at {d['path']} (import {d['import']}, already in the catalogue)")


def _import_started(d: dict, _n: _Names, _a: str) -> _Said:
    place = " (referenced in place)" if d.get("in_place") else ""
    return _Said(f"import {d['import']} started from {', '.join(d['paths'])}{place}")


def _import_failed(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"import {d['import']} could not take {d['path']}: {d['reason']}")


def _import_ended(d: dict, _n: _Names, action: str) -> _Said:
    how = {"import-cancelled": "cancelled", "import-interrupted":
           "found interrupted (its process had died)"}.get(action, "finished")
    return _Said(f"import {d['import']} {how}: {d['imported']:,} imported, "
                 f"{d['already_present']:,} already present, {d['failed']:,} failed")


def _verify(d: dict, _n: _Names, _a: str) -> _Said:
    problems = d["problems"]
    found = "no problems" if not problems else _count(problems, "problem")
    return _Said(f"catalogue verified: {_count(d['checked'], 'original')} checked, {found}")


def _head_signed(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"custody log head signed at entry {d['entry']} (key {d['signed_by']}, "
                 f"hash {d['hash']})")


def _signed(d: dict) -> str:
    return f", signed by key {d['signed_by']}" if d.get("signed_by") else ", not signed"


def _withheld(d: dict) -> str:
    withheld = d.get("withheld") or []
    return f" ({len(withheld):,} withheld)" if withheld else ""


def _package(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"evidence package exported to {d['destination']}: "
                 f"{_count(len(d['photos']), 'photo')}{_withheld(d)}{_signed(d)}")


def _gallery(d: dict, _n: _Names, _a: str) -> _Said:
    where = "with locations" if d.get("keep_location") else "locations removed"
    return _Said(f"gallery exported to {d['destination']}: "
                 f"{_count(len(d['photos']), 'photo')} ({where}){_signed(d)}")


def _file_export(d: dict, _n: _Names, action: str) -> _Said:
    kind = action.removeprefix("export-")
    return _Said(f"{_FILE_EXPORTS.get(kind, kind)} exported to {d['destination']}: "
                 f"{_count(len(d['photos']), 'photo')}{_withheld(d)}")


def _backup(d: dict, _n: _Names, _a: str) -> _Said:
    problems = d.get("problems", 0)
    return _Said(f"backed up to {d['destination']}: {_count(d['copied'], 'original')} copied"
                 + (f", {_count(problems, 'problem')}" if problems else ""))


def _key_registered(d: dict, _n: _Names, _a: str) -> _Said:
    protected = ("protected by a passphrase" if d.get("protected")
                 else "stored WITHOUT a passphrase")
    who = f" for {d['operator']}" if d.get("operator") else ""
    return _Said(f"signing key {d['fingerprint']} registered{who} (its private key "
                 f"{protected})")


def _timestamped(d: dict, _n: _Names, _a: str) -> _Said:
    by = d.get("tsa_name") or d.get("tsa") or "a time-stamping authority"
    return _Said(f"custody log head at entry {d['entry']} time-stamped by {by} at "
                 f"{d['gen_time']} (serial {d.get('serial')}, token SHA-256 "
                 f"{d.get('token_sha256')})")


def _baseline(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said("state recorded as a baseline when the catalogue was upgraded", None,
                 _value(d) if d else None)


def _duplicate_hashes(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said("duplicate-finding hashes recorded", None,
                 f"pixel hash {d.get('pixel_hash') or 'none'}")


def _duplicate_unlinked(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"photo {d['keeper']} kept as the group's keeper: no longer marked as a "
                 "duplicate itself")


def _thumbnail_rebuilt(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said("thumbnail rebuilt from its original by verify --repair",
                 f"SHA-256 {d.get('old_sha256') or 'none'}",
                 f"SHA-256 {d.get('thumbnail_sha256')}")


def _region_words(d: dict) -> str:
    from catalog_app.core.redaction import from_values

    try:
        return from_values(d["region"]).describe()
    except (KeyError, ValueError, TypeError):
        return _value(d.get("region"))


def _redaction_added(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"redaction region {d['redaction']} added", None, _region_words(d))


def _redaction_removed(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"redaction region {d['redaction']} {d.get('reason') or 'removed'}",
                 _region_words(d), None)


def _redaction_reviewed(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"redaction region {d['redaction']} {d['new']}", d["old"], d["new"])


def _baseline_start(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said("catalogue upgraded: its state at that time recorded as a baseline", None,
                 _value(d) if d else None)


def _adopted(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"original adopted as photo {d['photo']} by verify --repair: {d['reason']}",
                 None, f"SHA-256 {d['sha256']}, stored as {d['stored_path']}")


def _quarantined(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(f"unknown file moved to quarantine by verify --repair ({d['reason']})",
                 d["path"], d["moved_to"])


def _faces_scanned(d: dict, _n: _Names, _a: str) -> _Said:
    n, old = d["faces"], d.get("old_faces")
    found = f"{n} face{'s' * (n != 1)}" if n else "no face"
    return _Said(f"scanned for faces by {d['detector']} ({d['version']}): {found} found",
                 None if old is None else str(old), str(n),
                 line=None if old is None else f"scanned for faces again by {d['detector']}: "
                                               f"{found} found (was {old}); review cleared")


def _faces_decided(d: dict, _n: _Names, action: str) -> _Said:
    n = d.get("faces", 0)
    what = "reviewed" if action == "faces-reviewed" else "to be published anyway, unredacted"
    return _Said(f"{n} face{'s' * (n != 1)} found marked {what}")


def _place_words(p: dict | None) -> str | None:
    if p is None:
        return None
    return f"{p['lat']:.6f}, {p['lon']:.6f} ({p['detail']})"


def _position_set(d: dict, _n: _Names, _a: str) -> _Said:
    new = d["new"]
    what = "assigned position removed" if new is None else (
        "position placed by hand" if new["source"] == "hand" else "position from a track")
    return _Said(what, _place_words(d.get("old")), _place_words(new))


_DESCRIBERS: dict[str, Describer] = {
    "import-interrupted": _import_ended, "adopt-original": _adopted,
    "quarantine-original": _quarantined,
    "faces-scanned": _faces_scanned, "faces-reviewed": _faces_decided,
    "faces-published-anyway": _faces_decided,
    "duplicate-hashes": _duplicate_hashes, "duplicate-unlinked": _duplicate_unlinked,
    "thumbnail-rebuilt": _thumbnail_rebuilt, "baseline": _baseline_start,
    "caption": _caption, "flag": _flag, "tag": _tag, "untag": _untag, "keywords": _keywords,
    "clock-correction": _clock, "incident-added": _incident_added,
    "incident-edited": _incident_edited, "incident-merged": _incident_merged,
    "incident-deleted": _incident_deleted, "duplicate-marked": _duplicate,
    "not-duplicate": _not_duplicate, "import": _import, "add-source": _add_source,
    "import-started": _import_started, "import-failed": _import_failed,
    "import-finished": _import_ended, "import-cancelled": _import_ended, "verify": _verify,
    "head-signed": _head_signed, "export-package": _package, "export-gallery": _gallery,
    "backup": _backup, "photo-baseline": _baseline, "key-registered": _key_registered,
    "timestamped": _timestamped, "redaction-added": _redaction_added,
    "redaction-removed": _redaction_removed, "redaction-reviewed": _redaction_reviewed,
    "same-shot": _same_shot, "position-set": _position_set,
    **{f"export-{kind}": _file_export for kind in _FILE_EXPORTS},
}


def _describer(action: str) -> Describer | None:
    found = _DESCRIBERS.get(action)
    if found is None and action.endswith("-baseline"):  # photo-, incident-, clock-baseline…
        found = _baseline
    return found


def is_described(action: str) -> bool:
    """Whether `action` has its own words here (else it is shown by its name and details)."""
    return _describer(action) is not None
