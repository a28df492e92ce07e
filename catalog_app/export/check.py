"""Check an evidence package (or a signed gallery) as a recipient would: every hash, the
signature, and each custody entry's own hash. Needs nothing but the folder."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from catalog_app.core import signing
from catalog_app.core.custody import entry_hash
from catalog_app.core.models import Actor
from catalog_app.core.store import sha256_file
from catalog_app.export.folder import MARKER

NOT_LISTED = {"SHA256SUMS", "SHA256SUMS.sig", signing.PUBLIC_NAME, MARKER}


@dataclass(slots=True)
class PackageReport:
    files: int = 0
    signed_by: str | None = None  # the key's fingerprint when the signature checks out
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_package(folder: Path, expected_key: bytes | None = None) -> PackageReport:
    folder = Path(folder)
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
    _check_signature(folder, sums, expected_key, report)
    _check_custody(folder / "custody_log.jsonl", report)
    return report


def _check_signature(folder: Path, sums: Path, expected: bytes | None,
                     report: PackageReport) -> None:
    sig, public = folder / "SHA256SUMS.sig", folder / signing.PUBLIC_NAME
    if not sig.is_file():
        if expected is not None:
            report.problems.append("The package is not signed, but a key was given.")
        return
    try:
        key = signing.load_public(expected if expected is not None else public.read_bytes())
    except (OSError, signing.SigningError) as exc:
        report.problems.append(f"The public key cannot be read ({exc}).")
        return
    if expected is not None and public.is_file() and public.read_bytes() != expected:
        report.problems.append(f"{signing.PUBLIC_NAME} is not the key given.")
    if signing.check_file(sums, sig, key):
        report.signed_by = signing.fingerprint(key)
    else:
        report.problems.append("The signature of SHA256SUMS does not verify with that key.")


def _check_custody(log: Path, report: PackageReport) -> None:
    if not log.is_file():
        return
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

