"""Verify a catalogue: every original re-hashed against its import record, the log replayed and
compared with every table, the chain, the schema and the database checked."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Collection, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from catalog_app import i18n
from catalog_app.core import raw, store, testpoints
from catalog_app.core.anchors import Anchor, proof_sentence
from catalog_app.core.labels import counted
from catalog_app.core.models import Actor
from catalog_app.core.progress import Progress
from catalog_app.core.state_diff import StateCheck
from catalog_app.core.store import sha256_file
from catalog_app.core.workers import default_workers, spawn_pool
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import CatalogueFull, UnreadableImage
from catalog_app.i18n import _
from catalog_app.services import repair

VerifyProgress = Progress  # the one progress value every job yields (core/progress.py)


@dataclass(slots=True)
class VerifyReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    cancelled: bool = False  # stopped (cancel()) before every original was checked
    state: str = ""  # "state matches the log (from entry 1)", or says it does not (English)
    state_shown: str = ""  # the same in the current language, for a person
    repaired: list[str] = field(default_factory=list)  # what --repair rebuilt (and logged)
    state_check: StateCheck | None = None  # the replay's findings: entries, proven from
    history: str = ""  # what the anchors prove: "History proven up to entry N (…)", in English
    history_shown: str = ""  # the same sentence in the current language, for a person
    anchored: bool = False  # every entry checked is covered by a valid anchor
    not_logged: str = ""  # why this run is not in the custody log (read-only, a full disk)
    notes: list[str] = field(default_factory=list)  # anchors by no one the user trusts
    anchors_seen: dict[str, int] = field(default_factory=dict)  # counted: in the run's record

    @property
    def ok(self) -> bool:
        return not self.problems


def _proof(anchors: list[Anchor], found: StateCheck, untrusted: bool) -> tuple[str, bool]:
    """proof_sentence in the current language, where entries after the top anchor that change
    nothing (verifications, exports, signed heads, time-stamps) leave the history proven."""
    if not anchors and untrusted and not found.chain_problems:
        return (_("History unproven: no signed checkpoint or time-stamp by a key or authority "
                  "you trust anchors this log (see above), so a consistent rewrite by someone "
                  "holding the catalogue's files would not be seen."), found.entries == 0)
    return proof_sentence(anchors, found.entries, not found.chain_problems,
                          last_change=found.last_change)


def _state_shown(found: StateCheck, differ: int) -> str:
    """The state sentence in the current language (whole sentences, for translation)."""
    if differ:
        return i18n.counted(
            "state does not match the log: {n} difference (replayed {entries} entries)",
            "state does not match the log: {n} differences (replayed {entries} entries)",
            differ, entries=found.entries)
    if found.baseline_at is not None:
        return _("state matches the log (from the baseline at entry {n}, recorded when this "
                 "catalogue was upgraded on {day})").format(n=found.proven_from,
                                                             day=found.baseline_at[:10])
    return _("state matches the log (from entry {n})").format(n=found.proven_from)


def _outside(root: Path, path: Path) -> bool:
    """Whether a stored original is a symbolic link, or resolves outside the catalogue."""
    try:
        return path.is_symlink() or not path.resolve().is_relative_to(root.resolve())
    except OSError:
        return False  # unreadable: the hash says so


def _hash(path: str) -> tuple[str, str | None, str | None]:
    try:
        return path, sha256_file(Path(path)), None
    except FileNotFoundError:
        return path, None, "missing"
    except OSError as exc:
        return path, None, (exc.strerror or type(exc).__name__).lower()


class VerifyJob:
    """Iterate run() for progress; read `report` at the end."""

    def __init__(self, catalogue: CatalogueStore, workers: int | None = None, *,
                 repair: bool = False, actor: Actor | None = None,
                 trusted: Collection[str] | None = None, strict: bool = False,
                 tsa_roots: list | None = None) -> None:
        self.catalogue = catalogue
        self.workers = workers or default_workers()
        self.report = VerifyReport()
        self.repair = repair
        # key fingerprints a checkpoint must be by to prove anything (None: the operator's own
        # trusted-keys file); `strict`: they were named for this run, another key's checkpoint
        # is a problem, not a note
        self.trusted, self.strict = trusted, strict
        self.tsa_roots = tsa_roots  # trusted TSA CAs (None: timestamps.trusted_roots())
        self.actor = actor
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the files being hashed now (from any thread): `report.cancelled`."""
        self._cancel.set()

    def run(self) -> Iterator[VerifyProgress]:
        layout = self.catalogue.layout
        expected = {str(layout.resolve(stored)): (photo_id, sha)
                    for photo_id, sha, stored in self.catalogue.stored_files()}
        digests: dict[int, str] = {}  # photo id -> SHA-256 of its file's bytes, as read now
        total = len(expected)
        yield VerifyProgress(0, total, "")
        with spawn_pool(self.workers) as pool:  # lean workers that die with verify
            for done, (path, digest, error) in enumerate(
                    pool.map(_hash, expected, chunksize=16), start=1):
                photo_id, sha = expected[path]
                if error == "missing":
                    self._problem(f"photo {photo_id}: its original is missing ({path})")
                elif error:
                    self._problem(f"photo {photo_id}: its original cannot be read ({error}: "
                                  f"{path})")
                elif digest is None or digest != sha:
                    self._problem(f"photo {photo_id}: its original was changed (SHA-256 is "
                                  f"{(digest or '')[:16]}…, recorded {sha[:16]}…: {path})")
                if digest is not None:
                    digests[photo_id] = digest
                self.report.checked = done
                testpoints.reached("verify-file")  # hashed on a worker, reported here
                yield VerifyProgress(done, total, path)
                if self._cancel.is_set():
                    self.report.cancelled = True
                    pool.shutdown(cancel_futures=True)
                    return
            for problem in repair.stray_problems(self.catalogue, self._strays(set(expected))):
                self._problem(problem)
            found = self.report.state_check = self.catalogue.state_check()
            for problem in found.chain_problems:
                self._problem(f"custody log: {problem}")
            for problem in found.schema_problems:
                self._problem(problem)
            for problem in found.problems:
                self._problem(problem)
            self._against_record(found, digests, {pid: sha for pid, sha in expected.values()})
            self._thumbnails(found, pool)
        for problem in self.catalogue.integrity_problems():
            self._problem(f"database: {problem}")
        self._anchors(found)
        differ = len(found.problems) + len(found.schema_problems)
        self.report.state = (f"state matches the log ({found.proven()})" if not differ else
                             f"state does not match the log: {counted(differ, 'difference')} "
                             f"(replayed {found.entries} entries {found.proven()})")
        self.report.state_shown = _state_shown(found, differ)

    def _anchors(self, found: StateCheck) -> None:
        """Signed checkpoints and time-stamp tokens: what they prove of the history."""
        from catalog_app.services.anchors import check_checkpoints
        from catalog_app.services.timestamps import check_timestamps, trusted_roots

        trusted = self.trusted
        if trusted is None:  # the operator's own trusted keys: never the catalogue's word
            from catalog_app import settings
            from catalog_app.export.trust import load

            trusted = load((), (), settings.trusted_keys_file()).fingerprints
        roots = self.tsa_roots if self.tsa_roots is not None else trusted_roots()
        anchors = []
        for findings in (check_checkpoints(self.catalogue, trusted, self.strict),
                         check_timestamps(self.catalogue, trusted=roots)):
            anchors += findings.anchors
            self.report.notes += findings.notes
            for problem in findings.problems:
                self._problem(problem)
        self._anchors_seen(found)
        untrusted = bool(self.report.notes)
        with i18n.using("en"):  # the machine form (JSON, the run's record) is English
            self.report.history, self.report.anchored = _proof(anchors, found, untrusted)
        self.report.history_shown = _proof(anchors, found, untrusted)[0]

    def _anchors_seen(self, found: StateCheck) -> None:
        """Count the anchors stored now, for this run's record, and name any the last
        recorded verification saw that are gone (deleted behind the app's back)."""
        rows = [(c.entry,) for c, _ in self.catalogue.checkpoints()]
        tokens = [(t.entry_id,) for t in self.catalogue.timestamps() if t.token is not None]
        seen = self.report.anchors_seen = {
            "checkpoints": len(rows), "tokens": len(tokens),
            "anchor_top": max((e for (e,) in rows + tokens), default=0)}
        if found.last_verify is None:
            return
        entry, at, before = found.last_verify
        by = f"the verification of {at} (custody log entry {entry})"
        for name, words in (("checkpoints", "signed checkpoint"),
                            ("tokens", "time-stamp token")):
            had = before.get(name)
            if isinstance(had, int) and had > seen[name]:
                gone = had - seen[name]
                self._problem(f"{counted(gone, words)} recorded by {by} "
                              f"{'is' if gone == 1 else 'are'} gone: "
                              f"removed from the catalogue since ({had} then, {seen[name]} "
                              "now)")
        top = before.get("anchor_top")
        if isinstance(top, int) and top > seen["anchor_top"]:
            self._problem(f"{by} saw anchors up to entry {top}; the highest now is entry "
                          f"{seen['anchor_top']}: the anchors above it were removed")

    def _against_record(self, found: StateCheck, digests: dict[int, str],
                        columns: dict[int, str]) -> None:
        """The SHA-256 in each import entry, the content-addressed name and the bytes agree."""
        for pid, (sha, stored, in_place, _r, _s) in sorted(found.files.items()):
            digest = digests.get(pid)
            if digest is not None and digest != sha and digest == columns.get(pid):
                self._problem(f"photo {pid}: its original is not the one its import recorded "
                              f"(its SHA-256 is {digest[:16]}…, the import entry records "
                              f"{sha[:16]}…)")
            if not in_place and _outside(self.catalogue.layout.root,
                                         self.catalogue.layout.resolve(stored)):
                self._problem(f"photo {pid}: its original no longer lives in the catalogue (it "
                              f"is a link, or resolves outside {self.catalogue.layout.root}): "
                              "whoever holds the file it points to can change the evidence")
            if not in_place and not Path(stored).name.startswith(sha):
                self._problem(f"photo {pid}: its stored name {Path(stored).name} is not the "
                              f"SHA-256 its import recorded ({sha[:16]}…)")

    def _thumbnails(self, found: StateCheck, pool: ProcessPoolExecutor) -> None:
        """Each recorded thumbnail hash against the file; --repair rebuilds a bad one."""
        layout = self.catalogue.layout
        wanted = {str(layout.resolve(thumb)): (pid, thumb_sha)
                  for pid, (_, _, _, thumb, thumb_sha) in found.files.items()
                  if thumb and thumb_sha}
        bad: list[int] = []
        for path, digest, error in pool.map(_hash, wanted, chunksize=64):
            pid, thumb_sha = wanted[path]
            if digest == thumb_sha:
                continue
            bad.append(pid)
            if not self.repair:
                self._problem(f"photo {pid}: its thumbnail " + (
                    "is missing" if error == "missing" else f"cannot be read ({error})" if error
                    else f"was changed (SHA-256 is {(digest or '')[:16]}…, recorded "
                         f"{thumb_sha[:16]}…)") + f": {path}; verify --repair rebuilds it")
        for pid in sorted(bad) if self.repair else ():
            self._rebuild_thumbnail(pid, found)
        known = {str(layout.resolve(thumb)) for _, _, _, thumb, _ in found.files.values()
                 if thumb}
        folder = layout.thumbnails
        # an original stored but not recorded (an interrupted import) is named among the
        # originals; its thumbnail, named for the same SHA-256, goes with it
        originals = {p.name.split(".", 1)[0] for p in layout.originals.rglob("*")
                     if p.is_file()} if layout.originals.is_dir() else set()
        for path in sorted(str(p) for p in folder.rglob("*")
                           if p.is_file() and str(p) not in known
                           and p.name.split(".", 1)[0] not in originals
                           ) if folder.is_dir() else ():
            if self.repair:
                self._quarantine_thumbnail(Path(path))
            else:
                self._problem(f"unknown file among the thumbnails (no photo records it): "
                              f"{path}; verify --repair moves it to quarantine/")

    def _quarantine_thumbnail(self, path: Path) -> None:
        """Move a file no photo records out of thumbnails/ into quarantine/, logged."""
        root = self.catalogue.layout.root
        relative = path.relative_to(root)
        target = root / repair.QUARANTINE / relative
        n = 1
        while target.exists():
            target = target.with_name(f"{path.name}.{n}")
            n += 1
        if self.actor is None:
            raise ValueError("verify --repair needs the operator to log the repair")
        try:
            digest = sha256_file(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError as exc:
            self._problem(f"unknown file among the thumbnails could not be moved to "
                          f"quarantine ({exc.strerror}): {path}")
            return
        try:
            self.catalogue.record_event("quarantine-original", {
                "path": str(relative), "moved_to": str(target.relative_to(root)),
                "sha256": digest, "reason": "a file among the thumbnails that no photo "
                                            "records"}, self.actor)
        except BaseException:
            os.replace(target, path)  # not logged: not moved
            raise
        self.report.repaired.append(f"unknown file among the thumbnails moved to {target} "
                                    "(logged)")

    def _rebuild_thumbnail(self, pid: int, found: StateCheck) -> None:
        sha, stored, _, _, _ = found.files[pid]
        layout = self.catalogue.layout
        try:
            data = Path(layout.resolve(stored)).read_bytes()
            if hashlib.sha256(data).hexdigest() != sha:
                self._problem(f"photo {pid}: its thumbnail was not rebuilt: its original does "
                              "not match its import record")
                return
            jpeg = raw.analyse_stored(Path(layout.resolve(stored)), data).thumbnail_jpeg
            rel = store.store_thumbnail(layout, sha, jpeg)
        except (OSError, UnreadableImage) as exc:
            self._problem(f"photo {pid}: its thumbnail could not be rebuilt ({exc})")
            return
        if self.actor is None:
            raise ValueError("verify --repair needs the operator to log the repair")
        self.catalogue.record_thumbnail(pid, rel, hashlib.sha256(jpeg).hexdigest(), self.actor)
        self.report.repaired.append(f"photo {pid}: thumbnail rebuilt from its original "
                                    "(logged)")

    def _strays(self, known: set[str]) -> list[str]:
        folder = self.catalogue.layout.originals
        if not folder.is_dir():
            return []
        return sorted(str(p) for p in folder.rglob("*") if p.is_file() and str(p) not in known)

    def _problem(self, text: str) -> None:
        self.report.problems.append(text)


def run_and_record(job: VerifyJob, actor: Actor) -> Iterator[VerifyProgress]:
    """Run `job` for its progress, then record the verification in the custody log.

    Both faces verify through this, so a verification is always in the record: what was
    checked and how many problems were found (the report itself is `job.report`). A verify
    stopped before its end (Ctrl-C, a closed window, cancel()) records nothing; a read-only
    catalogue, or a full disk, leaves the report with `not_logged` saying why.
    """
    if job.repair and job.actor is None:
        job.actor = actor
    yield from job.run()
    if job.report.cancelled:
        return
    if job.catalogue.read_only:  # the custody writer is never reached
        job.report.not_logged = "this run was not logged (read-only)"
        return
    try:
        job.catalogue.record_event("verify", {"checked": job.report.checked,
                                              "problems": len(job.report.problems),
                                              **job.report.anchors_seen}, actor)
    except CatalogueFull as exc:  # the report stands; the faces say it was not logged
        job.report.not_logged = f"this run could not be logged: {exc}"

