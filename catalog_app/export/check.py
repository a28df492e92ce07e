"""Check an evidence package (or a signed gallery) as a recipient would: every hash, the
signature and whose it is, each custody entry's own hash, the manifest against that log."""

from __future__ import annotations

import json
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from catalog_app.core import signing
from catalog_app.core.custody import entry_hash
from catalog_app.core.models import Actor
from catalog_app.core.store import sha256_file
from catalog_app.errors import ExportError
from catalog_app.export import anchor_check, manifest_check
from catalog_app.export.folder import MARKER
from catalog_app.export.trust import Signature, Trust, signature_of, untrusted_sentence

__all__ = ["PackageReport", "Signature", "check_package", "opened", "signature_of",
           "sums_for", "untrusted_sentence"]

NOT_LISTED = {"SHA256SUMS", "SHA256SUMS.sig", signing.PUBLIC_NAME, MARKER}


@dataclass(slots=True)
class PackageReport:
    files: int = 0
    signature: Signature = Signature.UNSIGNED
    key: str | None = None  # the fingerprint of the key the signature verifies with
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be checked, not wrong
    anchors: int = 0         # signed checkpoints and time-stamp tokens carried
    history: str = ""        # what the anchors prove of the package's log, in one sentence
    history_proven: bool = False  # every entry it carries is reached by an anchor

    @property
    def signed_by(self) -> str | None:
        """The signing key's fingerprint, only when that key is trusted."""
        return self.key if self.signature is Signature.TRUSTED else None

    @property
    def ok(self) -> bool:
        return not self.problems


@contextmanager
def opened(given: Path, originals: bool = True) -> Iterator[Path]:
    """The folder of an export as given: the folder itself, or a package's .zip unpacked into
    a temporary folder (removed after), whose one top folder is the package; without
    `originals`, its originals/ are not unpacked."""
    given = Path(given)
    if given.is_dir() or not zipfile.is_zipfile(given):
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="catalog-app-check-") as scratch:
        try:
            with zipfile.ZipFile(given) as archive:
                names = [n for n in archive.namelist()
                         if originals or "/originals/" not in f"/{n}"]
                archive.extractall(scratch, names)  # zipfile makes names that leave it safe
        except (OSError, zipfile.BadZipFile, ValueError) as exc:
            raise ExportError(f"{given} cannot be unpacked ({exc}).") from exc
        tops = [p for p in Path(scratch).iterdir()]
        yield tops[0] if len(tops) == 1 and tops[0].is_dir() else Path(scratch)


def check_package(folder: Path, trust: Trust | None = None,
                  tsa_ca: bytes | None = None) -> PackageReport:
    """Check every hash, the signature against `trust`, the package's custody entries, its
    anchors (checkpoints against `trust`, tokens against `tsa_ca`, else the CA carried) and,
    for an evidence package, its manifest and incidents against that custody log."""
    folder = Path(folder)
    trust = trust or Trust()
    report = PackageReport()
    sums = folder / "SHA256SUMS"
    if not sums.is_file():
        report.problems.append(f"{folder} has no SHA256SUMS: it is not a complete export.")
        return report
    listed = set()
    for number, line in enumerate(sums.read_text(encoding="utf-8").splitlines(), start=1):
        digest, _, name = line.partition("  ")
        target = (folder / name).resolve()
        if len(digest) != 64 or not name or not target.is_relative_to(folder.resolve()):
            report.problems.append(f"SHA256SUMS line {number} is not 'hash  file' inside "
                                   "the package.")
            continue
        listed.add(name)
        if not target.is_file():
            report.problems.append(f"{name} is listed but missing.")
        elif _hash(target) != digest:
            report.problems.append(f"{name} was changed (its SHA-256 no longer matches).")
        elif name.startswith("originals/") and not Path(name).name.startswith(digest):
            report.problems.append(f"{name} is not named by its SHA-256.")
        report.files += 1
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if name not in listed and name not in NOT_LISTED:
            report.problems.append(f"{name} is not listed in SHA256SUMS (added afterwards).")
    _check_signature(folder, sums, trust, report)
    before = len(report.problems)
    entries = _check_custody(folder / "custody_log.jsonl", report)
    if entries is not None:
        _check_links(entries, folder / "custody_head.txt", report)
        _check_anchors(folder, entries, trust, tsa_ca, report,
                       chain_intact=len(report.problems) == before)
    if entries is not None and (folder / "manifest.json").is_file():
        _check_manifest(folder, entries, report)
    return report


def _check_signature(folder: Path, sums: Path, trust: Trust, report: PackageReport) -> None:
    sig, public = folder / "SHA256SUMS.sig", folder / signing.PUBLIC_NAME
    report.signature, fingerprint = signature_of(sums, sig, public, trust)
    report.key = fingerprint
    if report.signature is Signature.UNSIGNED:
        if trust.expected:
            report.problems.append("The package is not signed, but a key to check it with "
                                   "was given.")
    elif report.signature is Signature.INVALID:
        report.problems.append("The signature of SHA256SUMS does not verify: the files or "
                               "the signature were changed after signing.")
    elif report.signature is Signature.UNTRUSTED:
        report.problems.append(untrusted_sentence("SHA256SUMS", fingerprint or "?"))
    elif public.is_file() and fingerprint is not None and _fingerprint_of(public) not in (
            fingerprint, None):
        report.problems.append(f"{signing.PUBLIC_NAME} is not the key that signed "
                               "SHA256SUMS (a trusted key did).")


def _check_anchors(folder: Path, entries: list[dict], trust: Trust, tsa_ca: bytes | None,
                   report: PackageReport, chain_intact: bool) -> None:
    """The anchors carried, and what they prove of the custody log carried with them."""
    found = anchor_check.check_anchors(folder, trust, tsa_ca)
    report.anchors = found.carried
    report.problems += found.problems + found.untrusted
    report.notes += found.notes
    problems, report.history, report.history_proven = anchor_check.tie(
        found.anchors, entries, _head_of(folder / "custody_head.txt"))
    report.problems += problems
    if not chain_intact:
        report.history = ("This package's history is unproven: its custody log does not hold "
                          "together (see above), so no anchor can vouch for it.")
        report.history_proven = False


def _head_of(head_file: Path) -> tuple[int, str] | None:
    try:
        number, digest = head_file.read_text(encoding="utf-8").split()[:2]
        return int(number), digest
    except (OSError, ValueError):
        return None


def _fingerprint_of(public: Path) -> str | None:
    try:
        return signing.fingerprint(signing.load_public(public.read_bytes()))
    except (OSError, signing.SigningError):
        return None


def _check_manifest(folder: Path, entries: list[dict], report: PackageReport) -> None:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        rows = manifest["photos"]
        incidents_file = folder / "incidents.json"
        incidents = (json.loads(incidents_file.read_text(encoding="utf-8"))
                     if incidents_file.is_file() else [])
    except (OSError, ValueError, KeyError, TypeError):
        report.problems.append("manifest.json (or incidents.json) cannot be read.")
        return
    found = manifest_check.check(rows, incidents, entries,
                                 manifest.get("custody_log_covers") or ())
    report.problems += found.problems
    report.notes += found.notes
    for row in rows:
        exif = _exif_of(folder, row.get("package_file"))
        if exif is not None:
            report.problems += manifest_check.compare_exif(row, exif)


def _exif_of(folder: Path, relative: object) -> dict | None:
    """What the original's EXIF says, by the manifest's names (None: no such original)."""
    from catalog_app.core.metadata import read_metadata

    if not isinstance(relative, str) or not relative.startswith("originals/"):
        return None
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()) or not target.is_file():
        return None  # a missing original is reported against SHA256SUMS already
    try:
        with open(target, "rb") as handle:
            capture = read_metadata(handle)
    except OSError:
        return None
    gps = capture.gps
    return {"gps_lat": gps.lat if gps else None, "gps_lon": gps.lon if gps else None,
            "gps_alt": gps.alt if gps else None, "camera_make": capture.camera.make,
            "camera_model": capture.camera.model, "camera_serial": capture.camera.serial,
            "taken_at": capture.taken_at.isoformat() if capture.taken_at else None}


def _check_custody(log: Path, report: PackageReport) -> list[dict] | None:
    """Check each entry's own hash; returns the entries read (None without a log)."""
    if not log.is_file():
        return None
    entries = []
    for number, line in enumerate(log.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            e = json.loads(line)
            details = json.dumps(e["details"], ensure_ascii=False, sort_keys=True,
                                 separators=(",", ":"))
            digest = entry_hash(e["prev_hash"], e["at"],
                                Actor(e["operator"], e["machine"], e["app_version"]),
                                e["action"], e["photo_id"], details)
        except (ValueError, KeyError, TypeError):
            report.problems.append(f"custody_log.jsonl line {number} cannot be read.")
            continue
        if digest != e["entry_hash"]:
            report.problems.append(f"custody_log.jsonl entry {e.get('id')} does not match its "
                                   "own hash (edited).")
        entries.append(e)
    return entries


def _check_links(entries: list[dict], head_file: Path, report: PackageReport) -> None:
    """The entries a package carries are a part of one chain: consecutive ones link, and none
    lies beyond the head it names (the last entry, when carried, is that head)."""
    hashes = {e.get("id"): e.get("entry_hash") for e in entries}
    for e in entries:
        before = hashes.get((e.get("id") or 0) - 1)
        if before is not None and e.get("prev_hash") != before:
            report.problems.append(f"custody_log.jsonl entry {e.get('id')} does not follow "
                                   f"entry {e['id'] - 1} (it names another hash before it).")
    try:
        number_text, digest = head_file.read_text(encoding="utf-8").split()[:2]
        number = int(number_text)
    except (OSError, ValueError):
        if head_file.exists() or entries:
            report.problems.append("custody_head.txt is missing or cannot be read.")
        return
    beyond = [i for i in hashes if isinstance(i, int) and i > number]
    if beyond:
        report.problems.append(f"custody_log.jsonl holds entry {min(beyond)}, beyond the head "
                               f"(entry {number}) custody_head.txt names.")
    if number in hashes and hashes[number] != digest:
        report.problems.append(f"custody_head.txt names another hash for entry {number} than "
                               "custody_log.jsonl gives it.")


def _hash(path: Path) -> str | None:
    try:
        return sha256_file(path)
    except OSError:
        return None  # unreadable: reported as changed, since its hash cannot be matched


def sums_for(folder: Path, skip: set[str] | None = None) -> str:
    """SHA256SUMS text for every file in a folder (sorted), but the listed-apart ones."""
    lines = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if name in NOT_LISTED or name in (skip or set()) or name.endswith(".part"):
            continue
        lines.append(f"{sha256_file(path)}  {name}\n")
    return "".join(lines)

