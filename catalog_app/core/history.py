"""One custody log entry in words a person reads: when, who, what, and its old and new value.

The words are in the current language (catalog_app.i18n); the entry itself (its action and
details, what the log's hashes cover) is read, never changed. Values from the entry (captions,
names, paths, reasons as stored) are shown as they were written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

from catalog_app.core.labels import camera_label
from catalog_app.core.models import Camera, CustodyEntry, Flag
from catalog_app.core.reasons import describe_reason
from catalog_app.i18n import N_, _, counted, number

NONE = N_("(none)")  # how an empty value is shown, so "" is never mistaken for a missing column
_INCIDENT_FIELDS = {"name": N_("name"), "kind": N_("kind"), "place": N_("place"),
                    "lat": N_("latitude"), "lon": N_("longitude"), "radius_m": N_("radius (m)"),
                    "starts_at": N_("starts"), "ends_at": N_("ends"),
                    "description": N_("description"), "sources": N_("sources"),
                    "notes": N_("notes"), "archived": N_("archived")}
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
        said = self.sentence or self.what
        if photo and self.photo_id is not None:
            said = _("photo {id}: {said}").format(id=self.photo_id, said=said)
        return one_line(f"{self.when}  {self.who}  {said}")


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
            return (_("{what} (was {old})").format(what=self.what, old=self.old)
                    if self.old is not None else self.what)
        if self.old is not None:
            return _("{what}: {old} → {new}").format(
                what=self.what, old=self.old, new=self.new if self.new is not None else _(NONE))
        return (_("{what}: {new}").format(what=self.what, new=self.new)
                if self.new is not None else self.what)


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
        shown = _("{text} (not a time)").format(text=at_text)
        return shown, shown
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
            return _("no incident")
        name = self._names.get(incident_id)
        return _named_incident(incident_id, name)


def _named_incident(incident_id: object, name: str | None) -> str:
    return (_("incident {id} {name}").format(id=incident_id, name=_quote(name)) if name
            else _("incident {id}").format(id=incident_id))


def _quote(text: str) -> str:
    return _("'{suffix}'").format(suffix=text)  # «…» in Ukrainian


def _value(value: Any) -> str:
    if value is None or value == "":
        return _(NONE)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value) or _(NONE)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v)}" for k, v in value.items()) or _(NONE)
    return str(value)


def _seconds(offset: int | None) -> str:
    return _("no correction") if offset is None else _("{offset} s").format(offset=f"{offset:+d}")


def _ids(values: list[int]) -> str:
    return ", ".join(str(v) for v in values)


def _unknown(action: str, details: dict) -> str:
    return f"{action}: {_value(details)}" if details else action


def _in_field_order(keys: Iterable[str]) -> list[str]:
    order = list(_INCIDENT_FIELDS)
    return sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), k))


def _fields(values: Mapping[str, Any]) -> str:
    """An incident's fields as "name: …; place: …", in the order the app shows them."""
    return "; ".join(f"{_field(k)}: {_value(values[k])}" for k in _in_field_order(values))


def _field(key: str) -> str:
    return _(_INCIDENT_FIELDS[key]) if key in _INCIDENT_FIELDS else key


def _photos(n: int) -> str:
    return counted("{n} photo", "{n} photos", n)


def _originals(n: int) -> str:
    return counted("{n} original", "{n} originals", n)


def _problems(n: int) -> str:
    return counted("{n} problem", "{n} problems", n)


# -- one function per action the app writes (db/ and services/, every log.append) ---------
Describer = Callable[[dict, _Names, str], _Said]


def _caption(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("caption changed"), d["old"] or _(NONE), d["new"] or _(NONE))


def _flag(d: dict, _n: _Names, _a: str) -> _Said:
    label = Flag(d["flag"]).label if d["flag"] in set(Flag) else d["flag"]
    what = (_("flag {flag} set") if d["new"] else _("flag {flag} cleared")).format(flag=label)
    return _Said(what, _("set") if d["old"] else _("not set"),
                 _("set") if d["new"] else _("not set"), named=True)


def _tag(d: dict, n: _Names, _a: str) -> _Said:
    return _Said(_("tagged to {incident}").format(incident=n.incident(d["incident"])),
                 n.incident(d.get("previous")),
                 n.incident(d["incident"]), named=True)


def _untag(d: dict, n: _Names, _a: str) -> _Said:
    previous = d.get("previous")
    return _Said(_("untagged from {incident}").format(incident=n.incident(previous))
                 if previous is not None else _("untagged"),
                 n.incident(previous), n.incident(None), named=previous is not None)


def _keywords(d: dict, _n: _Names, _a: str) -> _Said:
    added, removed = list(d.get("added") or []), list(d.get("removed") or [])
    parts = ([_("keywords added: {keywords}").format(keywords=", ".join(added))]
             if added else []) \
        + ([_("keywords removed: {keywords}").format(keywords=", ".join(removed))]
           if removed else [])
    return _Said("; ".join(parts) or _("keywords unchanged"),
                 ", ".join(removed) if removed else None, ", ".join(added) if added else None,
                 named=True)


def _clock(d: dict, _n: _Names, _a: str) -> _Said:
    camera = d["camera"]
    cam = Camera(camera.get("make"), camera.get("model"), camera.get("serial"))
    name = camera_label(cam) or _("an unnamed camera")
    if cam.serial:
        name += f" #{cam.serial}"
    new = d.get("new_offset_s")
    what = (_("clock correction for {camera}: {offset}").format(camera=name,
                                                                 offset=_seconds(new))
            if new is not None else _("clock correction for {camera} cleared").format(camera=name))
    was = _seconds(d.get("old_offset_s"))
    line = (_("{what} (was {old}; {photos})").format(what=what, old=was,
                                                     photos=_photos(d["photos"]))
            if d.get("photos") is not None else
            _("{what} (was {old})").format(what=what, old=was))
    if d.get("reason"):
        line = _("{said}, reason: {reason}").format(said=line, reason=d["reason"])
    return _Said(what, _seconds(d.get("old_offset_s")), _seconds(new), line=line)


def _incident_added(d: dict, n: _Names, _a: str) -> _Said:
    values = {k: v for k, v in d.items()
              if k not in ("incident", "created_at") and v not in (None, "")}
    return _Said(_("incident {id} {name} added").format(id=d["incident"],
                                                        name=_quote(d.get("name") or "")), None,
                 _fields(values) or None)


def _incident_edited(d: dict, n: _Names, _a: str) -> _Said:
    old, new = dict(d["old"]), dict(d["new"])
    subject = n.incident(d["incident"])
    if set(new) == {"archived"}:
        return _Said((_("{incident} archived") if new["archived"] else
                      _("{incident} restored from the archive")).format(incident=subject),
                     _archived(old.get("archived")), _archived(new["archived"]), named=True)
    names = ", ".join(_field(k) for k in _in_field_order(new))
    return _Said(_("{incident} edited: {fields}").format(incident=subject, fields=names),
                 _fields({k: old.get(k) for k in new}),
                 _fields(new))


def _archived(value: Any) -> str:
    return _("archived") if value else _("active")


def _incident_merged(d: dict, n: _Names, _a: str) -> _Said:
    moved = d.get("photos", 0)
    moved = len(moved) if isinstance(moved, list) else int(moved)
    return _Said(counted("{incident} merged into {into} ({n} photo moved)",
                                 "{incident} merged into {into} ({n} photos moved)", moved,
                                 incident=n.incident(d["incident"]), into=n.incident(d["into"])))


def _incident_deleted(d: dict, n: _Names, _a: str) -> _Said:
    values = dict(d.get("values") or {})
    name = values.get("name")
    subject = _named_incident(d["incident"], name) if name else n.incident(d["incident"])
    shown = {k: v for k, v in values.items() if v not in (None, "") and k != "archived"}
    return _Said(counted("{incident} deleted ({n} photo untagged)",
                                 "{incident} deleted ({n} photos untagged)",
                                 d.get("untagged", 0), incident=subject),
                 _fields(shown) or None, None)


def _duplicate(d: dict, _n: _Names, _a: str) -> _Said:
    if d.get("distance") is not None:
        return _Said(_("marked as duplicate of photo {keeper} ({kind}, distance {distance})")
                     .format(keeper=d["keeper"], kind=d["kind"], distance=d["distance"]))
    return _Said(_("marked as duplicate of photo {keeper} ({kind})")
                 .format(keeper=d["keeper"], kind=d["kind"]))


def _not_duplicate(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("marked as not duplicates of each other: photos {ids}")
                 .format(ids=_ids(d["photos"])))


def _same_shot(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("linked as one shot with photo {partner} (a camera raw and the JPEG the "
                   "camera wrote beside it: not duplicates)").format(partner=d["partner"]))


def _import(d: dict, _n: _Names, _a: str) -> _Said:
    stored = d.get("stored_path")
    return _Said(_("imported from {path} (import {id})").format(path=d["path"], id=d["import"]),
                 None, _("SHA-256 {hash}, stored as {path}").format(hash=d["sha256"], path=stored)
                 if stored else f"SHA-256 {d['sha256']}")


def _add_source(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("also found at {path} (import {id}, already in the catalogue)")
                 .format(path=d["path"], id=d["import"]))


def _import_started(d: dict, _n: _Names, _a: str) -> _Said:
    started = (_("import {id} started from {paths} (referenced in place)") if d.get("in_place")
               else _("import {id} started from {paths}"))
    return _Said(started.format(id=d["import"], paths=", ".join(d["paths"])))


def _import_failed(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("import {id} could not take {path}: {reason}").format(
        id=d["import"], path=d["path"], reason=describe_reason(d["reason"])))


def _import_ended(d: dict, _n: _Names, action: str) -> _Said:
    how = {"import-cancelled": N_("import {id} cancelled: {imported} imported, {present} "
                                  "already present, {failed} failed"),
           "import-interrupted": N_("import {id} found interrupted (its process had died): "
                                    "{imported} imported, {present} already present, "
                                    "{failed} failed")}.get(
        action, N_("import {id} finished: {imported} imported, {present} already present, "
                   "{failed} failed"))
    return _Said(_(how).format(id=d["import"], imported=number(d["imported"]),
                               present=number(d["already_present"]),
                               failed=number(d["failed"])))


def _verify(d: dict, _n: _Names, _a: str) -> _Said:
    problems = d["problems"]
    found = _("no problems") if not problems else _problems(problems)
    return _Said(_("catalogue verified: {originals} checked, {found}").format(
        originals=_originals(d["checked"]), found=found))


def _head_signed(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("custody log head signed at entry {entry} (key {key}, hash {hash})")
                 .format(entry=d["entry"], key=d["signed_by"], hash=d["hash"]))


def _signed(d: dict) -> str:
    return (_(", signed by key {key}").format(key=d["signed_by"]) if d.get("signed_by")
            else _(", not signed"))


def _withheld(d: dict) -> str:
    withheld = d.get("withheld") or []
    return _(" ({n} withheld)").format(n=number(len(withheld))) if withheld else ""


def _package(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("evidence package exported to {destination}: {photos}").format(
        destination=d["destination"], photos=_photos(len(d["photos"])))
        + _withheld(d) + _signed(d))


def _gallery(d: dict, _n: _Names, _a: str) -> _Said:
    done = (_("gallery exported to {destination}: {photos} (with locations)")
            if d.get("keep_location") else
            _("gallery exported to {destination}: {photos} (locations removed)"))
    return _Said(done.format(destination=d["destination"], photos=_photos(len(d["photos"])))
                 + _signed(d))


def _file_export(d: dict, _n: _Names, action: str) -> _Said:
    kind = action.removeprefix("export-")
    return _Said(_("{format} exported to {destination}: {photos}").format(
        format=_FILE_EXPORTS.get(kind, kind), destination=d["destination"],
        photos=_photos(len(d["photos"]))) + _withheld(d))


def _backup(d: dict, _n: _Names, _a: str) -> _Said:
    problems = d.get("problems", 0)
    done = _("backed up to {destination}: {originals} copied").format(
        destination=d["destination"], originals=_originals(d["copied"]))
    return _Said(_("{said}, {problems}").format(said=done, problems=_problems(problems))
                 if problems else done)


def _key_registered(d: dict, _n: _Names, _a: str) -> _Said:
    sentences = {(True, True): N_("signing key {key} registered for {operator} (its private key "
                             "protected by a passphrase)"),
            (True, False): N_("signing key {key} registered for {operator} (its private key "
                              "stored WITHOUT a passphrase)"),
            (False, True): N_("signing key {key} registered (its private key protected by a "
                              "passphrase)"),
            (False, False): N_("signing key {key} registered (its private key stored WITHOUT "
                               "a passphrase)")}
    said = sentences[(bool(d.get("operator")), bool(d.get("protected")))]
    return _Said(_(said).format(key=d["fingerprint"], operator=d.get("operator")))


def _timestamped(d: dict, _n: _Names, _a: str) -> _Said:
    by = d.get("tsa_name") or d.get("tsa") or _("a time-stamping authority")
    return _Said(_("custody log head at entry {entry} time-stamped by {by} at {time} (serial "
                   "{serial}, token SHA-256 {hash})").format(
        entry=d["entry"], by=by, time=d["gen_time"], serial=d.get("serial"),
        hash=d.get("token_sha256")))


def _baseline(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("state recorded as a baseline when the catalogue was upgraded"), None,
                 _value(d) if d else None)


def _duplicate_hashes(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("duplicate-finding hashes recorded"), None,
                 _("pixel hash {hash}").format(hash=d.get("pixel_hash") or _("none")))


def _duplicate_unlinked(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("photo {keeper} kept as the group's keeper: no longer marked as a "
                   "duplicate itself").format(keeper=d["keeper"]))


def _thumbnail_rebuilt(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("thumbnail rebuilt from its original by verify --repair"),
                 f"SHA-256 {d.get('old_sha256') or _('none')}",
                 f"SHA-256 {d.get('thumbnail_sha256')}")


def _region_words(d: dict) -> str:
    from catalog_app.core.redaction import from_values

    try:
        return from_values(d["region"]).describe()
    except (KeyError, ValueError, TypeError):
        return _value(d.get("region"))


def _redaction_added(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("redaction region {id} added").format(id=d["redaction"]), None,
                 _region_words(d))


def _redaction_removed(d: dict, _n: _Names, _a: str) -> _Said:
    reason = d.get("reason") or "removed"
    words = {"removed": N_("redaction region {id} removed"),
             "replaced": N_("redaction region {id} replaced")}
    what = (_(words[reason]).format(id=d["redaction"]) if reason in words
            else _("redaction region {id} {status}").format(id=d["redaction"], status=reason))
    return _Said(what, _region_words(d), None)


def _redaction_reviewed(d: dict, _n: _Names, _a: str) -> _Said:
    words = {"confirmed": N_("redaction region {id} confirmed"),
             "proposed": N_("redaction region {id} proposed")}
    what = (_(words[d["new"]]).format(id=d["redaction"]) if d["new"] in words
            else _("redaction region {id} {status}").format(id=d["redaction"], status=d["new"]))
    return _Said(what, _status(d["old"]), _status(d["new"]))


def _baseline_start(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("catalogue upgraded: its state at that time recorded as a baseline"), None,
                 _value(d) if d else None)


def _adopted(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("original adopted as photo {photo} by verify --repair: {reason}").format(
        photo=d["photo"], reason=describe_reason(d["reason"])), None,
        _("SHA-256 {hash}, stored as {path}").format(hash=d["sha256"], path=d["stored_path"]))


def _quarantined(d: dict, _n: _Names, _a: str) -> _Said:
    return _Said(_("unknown file moved to quarantine by verify --repair ({reason})").format(
        reason=describe_reason(d["reason"])), d["path"], d["moved_to"])


def _faces_scanned(d: dict, _n: _Names, _a: str) -> _Said:
    n, old = d["faces"], d.get("old_faces")
    first = (counted("scanned for faces by {detector} ({version}): {n} face found",
                             "scanned for faces by {detector} ({version}): {n} faces found", n,
                             detector=d["detector"], version=d["version"]) if n else
             _("scanned for faces by {detector} ({version}): no face found").format(
                 detector=d["detector"], version=d["version"]))
    again = None
    if old is not None:
        again = (counted("scanned for faces again by {detector}: {n} face found (was "
                                 "{old}); review cleared",
                                 "scanned for faces again by {detector}: {n} faces found (was "
                                 "{old}); review cleared", n, detector=d["detector"], old=old)
                 if n else _("scanned for faces again by {detector}: no face found (was {old}); "
                             "review cleared").format(detector=d["detector"], old=old))
    return _Said(first, None if old is None else str(old), str(n), line=again)


def _faces_decided(d: dict, _n: _Names, action: str) -> _Said:
    n = d.get("faces", 0)
    if action == "faces-reviewed":
        return _Said(counted("{n} face found marked reviewed",
                                     "{n} faces found marked reviewed", n))
    return _Said(counted("{n} face found marked to be published anyway, unredacted",
                                 "{n} faces found marked to be published anyway, unredacted", n))


def _place_words(p: dict | None) -> str | None:
    if p is None:
        return None
    return f"{p['lat']:.6f}, {p['lon']:.6f} ({p['detail']})"


def _position_set(d: dict, _n: _Names, _a: str) -> _Said:
    new = d["new"]
    what = _("assigned position removed") if new is None else (
        _("position placed by hand") if new["source"] == "hand" else _("position from a track"))
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


def _status(value: Any) -> str:
    """A redaction region's review status ('confirmed', 'rejected'...) in words."""
    words = {"proposed": N_("proposed"), "confirmed": N_("confirmed")}
    return _(words[value]) if value in words else str(value)
