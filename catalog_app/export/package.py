"""Export an evidence package: originals byte for byte, hashes, manifest, custody record."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from catalog_app import __version__
from catalog_app.core import signing, testpoints
from catalog_app.core.custody import now_utc
from catalog_app.core.models import Actor, CustodyEntry, Photo
from catalog_app.core.store import sha256_file
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import ExportError
from catalog_app.export import (
    folder,
    geo,
    package_anchors,
    records,
    redacted_copies,
    selection,
    texts,
)
from catalog_app.export.gallery import ExportProgress
from catalog_app.export.selection import Selection

# The package's anchors: its log's signed checkpoints and RFC 3161 tokens (package_anchors.py).
ANCHORS = package_anchors.FOLDER

# One line each in the README, so that it can be pasted as it is.
PKEYUTL = ("openssl pkeyutl -verify -pubin -inkey {key} -rawin -in {data} "
           "-sigfile {sig}")

TS_VERIFY = "openssl ts -verify -data {data} -in {token} -CAfile {ca}"

# What custody_log.jsonl carries, named in the manifest so that a check knows which manifest
# values the log must support (packages made before listed none of these).
LOG_COVERS = ("photos", "incidents", "camera clocks", "duplicate decisions")

README = texts.G_("""EVIDENCE PACKAGE
================

Made by catalog_app {version} on {made_at} (UTC) by {operator} on {machine}.
Photos: {count}. Incidents: {incidents}.{withheld_line}

What each file is
-----------------
originals/            The photos exactly as they were imported, byte for byte, each named
                      by its SHA-256 (its original names are in the manifest).
SHA256SUMS            The SHA-256 of every other file in this package.
manifest.csv          One row per photo: hashes, original names and source paths, capture
manifest.json         time as recorded, in UTC (with where its zone came from) and corrected,
                      GPS, camera and serial, incident, caption, keywords, flags, duplicate
                      links, import time and operator. The JSON has the same fields.
                      Restricted photos (restricted: yes) and copies of them
                      (copy_of_restricted: the restricted photos a row is a copy of) are
                      here only when they were taken on purpose.
incidents.json        The incidents these photos document: descriptions, places, dates, sources.
custody_log.jsonl     The catalogue's record of every action on these photos and incidents
                      (with their cameras' clock corrections and the duplicate decisions
                      about them), one JSON entry per line, each with the SHA-256 of the
                      entry before it in the catalogue's whole log (a hash chain).
custody_head.txt      The id and hash of the last entry of the catalogue's log when this
                      package was made; the catalogue's own log can later be checked against it.
positions.geojson     Photo positions for QGIS and other GIS tools (GeoJSON, RFC 7946).
positions.kml         The same for Google Earth (KML 2.2), one folder per incident.
withheld.csv          Photos marked restricted, and copies of them (near copies, similar
                      shots, marked duplicates), that were left out, by id and SHA-256 only.
SHA256SUMS.sig        When the package is signed: the Ed25519 signature of SHA256SUMS, made
signing-key.pub       with the team's key; the public key to check it with.
anchors/              When present: what proves the catalogue's log held a head, from
                      outside the catalogue: head-N.txt (the exact text signed and stamped
                      for entry N), head-N.sig (an operator's signed checkpoint of it, by
                      the key in key-FINGERPRINT.pub), token-N.tsr (an RFC 3161 time-stamp
                      token of it) and tsa-ca-N.pem (the authority's certificate, as the
                      catalogue stored it); anchors.json lists them. Every checkpoint and
                      token of the log up to custody_head.txt is here.

How to verify
-------------
Nothing here needs catalog_app; these are the plain commands (Linux, macOS, WSL).

1. Every file is as it was made. In this folder run:
    sha256sum -c SHA256SUMS
   Every line must say OK (on macOS: shasum -a 256 -c SHA256SUMS).

2. Who made it. When the package is signed:
    {check_sums}
   must print "Signature Verified Successfully". That only shows the package was signed by
   the key in signing-key.pub, which anyone could have put there: compare its fingerprint
    openssl pkey -pubin -in signing-key.pub -outform DER | tail -c 32 | sha256sum
   with the one the team gave you by another channel (a call, a letter, their website).

3. That the custody log was not rewritten after it was anchored.
   {anchors_line}
   A signed checkpoint is an operator's signature of head-N.txt; check it as in 2:
    {check_anchor}
   must print "Signature Verified Successfully"; compare that key's fingerprint (as in 2)
   with the one the operator gave you. A time-stamp token is an authority's signature of
   head-N.txt at the time it names:
    {check_token}
   must print "Verification: OK". The CA file given with -CAfile is the one the catalogue
   stored; to prove anything it must be the authority's own certificate, obtained from that
   authority yourself. Then check that head-N.txt names the entry_hash of entry N in
   custody_log.jsonl (or the hash in custody_head.txt, for the head): entry N and the
   entries before it, back to the first gap in the ids this package carries (each names
   the one before by its prev_hash), are then the ones the operator signed and the
   authority stamped. The package carries only its own photos' entries, so an entry
   before a gap is proven only by an anchor after it and before that gap.

`catalog-app verify-package FOLDER --key TEAM.pub [--tsa-ca TSA-CA.pem]` does checks 1 to 3
for every anchor, and checks every value of the manifest against the custody log and the
originals' EXIF. Each file in originals/ is also named by its own SHA-256:
    sha256sum originals/*
prints each name's hash in front of it.

Whoever holds a catalogue can later be asked to show that its log still holds everything
this package carries: `catalog-app verify --against FOLDER` names the first entry where the
catalogue's history and this package's part.

An entry of custody_log.jsonl is the SHA-256 of the JSON array
[prev_hash, at, operator, machine, app_version, action, photo_id, details] written with
no spaces (separators "," and ":") and non-ASCII characters as they are (UTF-8), where
details is itself that entry's "details" written as JSON text the same way with its keys
sorted. Each entry's prev_hash is the entry_hash of the entry before it in the catalogue.
""")


@dataclass(slots=True)
class PackageSummary:
    photos: int = 0
    withheld: int = 0
    bytes_copied: int = 0
    zip_path: str | None = None
    signed_by: str | None = None  # the signing key's fingerprint
    left_out: dict[str, int] = field(default_factory=dict)
    cancelled: bool = False
    redacted: int = 0  # redacted copies written (--redacted-copies)


class PackageExport:
    """Iterate run() for progress; `summary` tells what was done. cancel() from any thread."""

    def __init__(self, catalogue: CatalogueStore, out: Path, selection_: Selection, actor: Actor,
                 make_zip: bool = False, sign_with: Path | None = None,
                 redacted: bool = False, language: str = "") -> None:
        self.catalogue, self.out, self.selection, self.actor = (
            catalogue, Path(out), selection_, actor)
        self.make_zip = make_zip
        self.sign_with = sign_with
        self.redacted = redacted
        self.language = texts.language(language)  # README.txt in English, and one in this
        self._copies: list[redacted_copies.Copy] = []
        self._copies_of_restricted: dict[int, list[int]] = {}  # taken on purpose: marked
        self.summary = PackageSummary()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> Iterator[ExportProgress]:
        try:
            yield from self._run()
        except OSError as exc:  # a full disk or a folder that became unwritable
            raise folder.output_error(exc, self.out) from exc

    def _run(self) -> Iterator[ExportProgress]:
        key = None
        if self.sign_with is not None:  # before any work: a wrong key fails at once
            signing.outside(self.sign_with, self.catalogue.layout.root)
            key = signing.load_private(self.sign_with)
        folder.prepare(self.out, "package", updatable=False)
        folder.write_marker(self.out, {"kind": "package", "complete": False})
        chosen = selection.for_package(self.catalogue.photos(), self.selection,
                                       selection.copy_groups(self.catalogue))
        self._copies_of_restricted = chosen.copies_of_restricted
        self.summary.left_out = dict(chosen.left_out)
        self.summary.withheld = len(chosen.withheld)
        total = len(chosen.photos)
        files: dict[int, str] = {}
        yield ExportProgress(0, total, "")
        for done, photo in enumerate(chosen.photos, start=1):
            if self._cancel.is_set():
                self.summary.cancelled = True
                return  # the marker still says incomplete: a half package is never mistaken
            files[photo.id] = self._copy(photo)
            yield ExportProgress(done, total, photo.sha256[:12])
            testpoints.reached("export-package-copied")
        if self.redacted:
            self._copies = self._redacted_copies(chosen.photos, files)
        head, carried = self._write_texts(chosen.photos, chosen.withheld, files)
        self.summary.photos = total
        if key is not None:
            _, self.summary.signed_by = signing.sign_file(key, self.out / "SHA256SUMS")
        folder.write_marker(self.out, {"kind": "package", "complete": True})
        manifest = sha256_file(self.out / "manifest.json")
        self.catalogue.record_event("export-package", {
            "destination": str(self.out.absolute()), "photos": sorted(files),
            "withheld": [p.id for p in chosen.withheld], "manifest_sha256": manifest,
            "sha256sums_sha256": sha256_file(self.out / "SHA256SUMS"),
            "signed_by": self.summary.signed_by,
            "custody_head": {"entries": head[0], "sha256": head[1]},
            "anchors": {"checkpoints": carried.checkpoints, "timestamps": carried.timestamps},
            **({"redacted_copies": {str(c.photo_id): c.sha256 for c in self._copies}}
               if self.redacted else {})}, self.actor)
        if self.make_zip:
            self.summary.zip_path = str(self._zip())

    def _redacted_copies(self, photos: list[Photo], files: dict[int, str]
                         ) -> list[redacted_copies.Copy]:
        regions = self.catalogue.redactions([p.id for p in photos])
        made = []
        for photo in photos:
            applied = tuple(r for r in regions.get(photo.id, ()) if r.applied)
            if applied:
                made.append(redacted_copies.make(
                    self.out, photo, self.catalogue.layout.resolve(photo.stored_path),
                    files[photo.id], applied))
        self.summary.redacted = len(made)
        return made

    def _copy(self, photo: Photo) -> str:
        source = self.catalogue.layout.resolve(photo.stored_path)
        relative = f"originals/{photo.sha256}{PurePath(photo.stored_path).suffix.lower()}"
        target = folder.inside(self.out, relative)
        try:
            target.parent.mkdir(exist_ok=True)
            part = target.with_name(target.name + ".part")
            shutil.copyfile(source, part)
            with open(part, "rb") as handle:
                os.fsync(handle.fileno())
            if sha256_file(part) != photo.sha256:
                part.unlink()
                raise ExportError(f"Photo {photo.id}'s stored original no longer matches its "
                                  "SHA-256; verify the catalogue before exporting.")
            os.replace(part, target)
        except FileNotFoundError as exc:
            raise ExportError(f"Photo {photo.id}'s stored original is missing ({source}); "
                              "verify the catalogue.") from exc
        except OSError as exc:
            raise folder.output_error(exc, target) from exc
        self.summary.bytes_copied += photo.size_bytes
        return relative

    def _write_texts(self, photos: list[Photo], withheld: list[Photo],
                     files: dict[int, str]
                     ) -> tuple[tuple[int, str], package_anchors.CarriedAnchors]:
        """Write the manifest, log, anchors and other texts and SHA256SUMS; returns the
        custody head (entries, hash) the package was made from, and the anchors carried."""
        ids = {p.id for p in photos}
        log = self.catalogue.custody_log()
        head_id, head_hash = self.catalogue.custody_head()
        carried = package_anchors.collect(self.catalogue, (head_id, head_hash))
        incident_ids = {p.incident[0] for p in photos if p.incident}
        cameras = {_camera_key(p.capture.camera.make, p.capture.camera.model,
                               p.capture.camera.serial) for p in photos}
        incidents = [i for i in self.catalogue.incidents(include_archived=True)
                     if i.id in incident_ids]
        who = records.importers(log)
        copies = records.duplicate_map(photos)
        rows = [records.photo_record(
            p, package_file=files[p.id], duplicates=copies.get(p.id, ()),
            imported_by=who.get(p.id),
            copy_of_restricted=self._copies_of_restricted.get(p.id, ())) for p in photos]
        texts = {
            "manifest.json": records.to_json({"format": "catalog_app evidence manifest 1",
                                              "custody_log_covers": list(LOG_COVERS),
                                              "photos": rows}),
            "manifest.csv": records.to_csv(rows),
            "incidents.json": records.to_json([_incident(i) for i in incidents]),
            "custody_log.jsonl": "".join(json.dumps(_entry(e), ensure_ascii=False) + "\n"
                                         for e in log
                                         if _concerns(e, ids, incident_ids, cameras)),
            "custody_head.txt": f"{head_id} {head_hash}\n",
            "positions.geojson": geo.geojson(rows),
            "positions.kml": geo.kml(rows, "Evidence package photo positions"),
        }
        if withheld:
            texts["withheld.csv"] = "id,sha256,reason\r\n" + "".join(
                f"{p.id},{p.sha256},"
                f"{selection.RESTRICTED if p.restricted else selection.RESTRICTED_COPY}\r\n"
                for p in withheld)
        for lang in dict.fromkeys(("en", self.language)):
            name = "README.txt" if lang == "en" else f"README.{lang}.txt"
            texts[name] = self._readme(lang, len(photos), len(incidents), bool(withheld),
                                       carried)
        if self.redacted:
            texts[redacted_copies.MANIFEST] = redacted_copies.manifest(self._copies)
        blobs = {name: text.encode("utf-8") for name, text in texts.items()}
        blobs.update(carried.files)
        for name, data in blobs.items():
            folder.write_bytes(folder.inside(self.out, name), data)
        sums = [(relative, sha) for relative, sha in
                ((files[p.id], p.sha256) for p in photos)]
        sums += [(c.file, c.sha256) for c in self._copies]
        sums += [(name, hashlib.sha256(data).hexdigest()) for name, data in sorted(blobs.items())]
        folder.write_text(self.out / "SHA256SUMS",
                          "".join(f"{sha}  {relative}\n" for relative, sha in sums))
        return (head_id, head_hash), carried

    def _readme(self, lang: str, count: int, incidents: int, withheld: bool,
                carried: package_anchors.CarriedAnchors) -> str:
        """The README in `lang` (file names, commands and column names stay as they are)."""
        G_, _GN = texts.for_language(lang)
        withheld_line = ""
        if withheld:
            withheld_line = "\n" + G_("{withheld}; see withheld.csv.").format(
                withheld=withheld_sentence_in(self.summary.left_out, lang))
        text = G_(README).format(
            version=__version__, made_at=now_utc(), operator=self.actor.operator,
            machine=self.actor.machine, count=count, incidents=incidents,
            withheld_line=withheld_line,
            check_sums=PKEYUTL.format(key=signing.PUBLIC_NAME, data="SHA256SUMS",
                                      sig="SHA256SUMS.sig"),
            **_anchor_commands(carried, lang))
        if self.redacted:
            text += G_("\nRedacted copies\n---------------\n") \
                + G_(redacted_copies.README_LINES)
        return text

    def _zip(self) -> Path:
        target = self.out.with_name(self.out.name + ".zip")
        part = target.with_name(target.name + ".part")
        try:
            with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                for path in sorted(self.out.rglob("*")):
                    if path.is_file() and path.name != folder.MARKER:
                        stored = path.parent.name == "originals"
                        archive.write(path, f"{self.out.name}/{path.relative_to(self.out)}",
                                      zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
            os.replace(part, target)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise folder.output_error(exc, target) from exc
        return target


def withheld_sentence_in(left_out: dict[str, int], lang: str) -> str:
    """selection.withheld_sentence in `lang`: "3 photos withheld: 2 copies of ..."."""
    _G, GN_ = texts.for_language(lang)
    label = {
        selection.RESTRICTED: lambda n: GN_("{n} restricted photo", "{n} restricted photos", n),
        selection.RESTRICTED_COPY: lambda n: GN_("{n} copy of a restricted photo",
                                                 "{n} copies of restricted photos", n),
        selection.UNRESOLVED: lambda n: GN_("{n} unresolved duplicate",
                                            "{n} unresolved duplicates", n),
        selection.REDACTED_COPY: lambda n: GN_("{n} copy of a redacted photo",
                                               "{n} copies of redacted photos", n),
        selection.FACES_UNREVIEWED: lambda n: GN_(
            "{n} redaction not reviewed (faces found)",
            "{n} redactions not reviewed (faces found)", n),
        selection.NO_PREVIEW: lambda n: GN_(
            "{n} photo with no preview (nothing in it decodes; its original is kept)",
            "{n} photos with no preview (nothing in them decodes; their originals are kept)",
            n)}
    parts = [(left_out[r], label[r](left_out[r])) for r in selection.WITHHELD
             if left_out.get(r)]
    total = sum(n for n, _ in parts)
    if not total:
        return ""
    listed = ", ".join(what for _, what in parts)
    return GN_("{n} photo withheld: {listed}", "{n} photos withheld: {listed}", total,
               listed=listed)


def _anchor_commands(carried: package_anchors.CarriedAnchors, lang: str = "en"
                     ) -> dict[str, str]:
    """The README's commands for one anchor of each kind (the last), ready to paste; with
    placeholders when the package carries none of that kind."""
    G_, GN_ = texts.for_language(lang)
    index = json.loads(carried.files[package_anchors.INDEX]) if carried.files else {}
    checkpoints, tokens = index.get("checkpoints") or [], index.get("timestamps") or []
    said = G_("This package carries {checkpoints} and {tokens} of its log (anchors/).").format(
        checkpoints=GN_("{n} signed checkpoint", "{n} signed checkpoints", len(checkpoints)),
        tokens=GN_("{n} time-stamp token", "{n} time-stamp tokens", len(tokens)))
    if not checkpoints and not tokens:
        said += G_("\n   With none, its history is unproven: nothing outside the catalogue "
                   "vouches\n   that its custody log was not rewritten before it was made.")
    last = checkpoints[-1] if checkpoints else {}
    token = tokens[-1] if tokens else {}
    return {
        "anchors_line": said,
        "check_anchor": PKEYUTL.format(key=last.get("key", f"{ANCHORS}/key-FINGERPRINT.pub"),
                                       data=last.get("head", f"{ANCHORS}/head-N.txt"),
                                       sig=last.get("signature", f"{ANCHORS}/head-N.sig")),
        "check_token": TS_VERIFY.format(data=token.get("head", f"{ANCHORS}/head-N.txt"),
                                        token=token.get("token", f"{ANCHORS}/token-N.tsr"),
                                        ca=token.get("ca", f"{ANCHORS}/tsa-ca-N.pem")),
    }


def _concerns(entry: CustodyEntry, photo_ids: set[int], incident_ids: set[int],
              cameras: set[tuple[str, str, str]]) -> bool:
    """Whether the package carries an entry: its photos', their incidents', their cameras'
    clock corrections and the duplicate decisions about them (see LOG_COVERS)."""
    if entry.photo_id is not None:
        return entry.photo_id in photo_ids
    if entry.action in ("clock-correction", "clock-baseline"):
        camera = entry.details.get("camera") or {}
        return _camera_key(camera.get("make"), camera.get("model"),
                           camera.get("serial")) in cameras
    if entry.action == "not-duplicate":
        return bool(photo_ids.intersection(entry.details.get("photos") or ()))
    return entry.action.startswith("incident-") and entry.details.get("incident") in incident_ids


def _camera_key(make: str | None, model: str | None, serial: str | None) -> tuple[str, str, str]:
    return make or "", model or "", serial or ""


def _entry(entry: CustodyEntry) -> dict:
    return {"id": entry.id, "at": entry.at, "operator": entry.operator,
            "machine": entry.machine, "app_version": entry.app_version,
            "action": entry.action, "photo_id": entry.photo_id, "details": entry.details,
            "prev_hash": entry.prev_hash, "entry_hash": entry.entry_hash}


def _incident(incident) -> dict:
    from catalog_app import jsonout

    return jsonout.incident(incident)
