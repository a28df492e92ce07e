"""The record and its checks: `verify`, `backup`, `log`, `head`, `verify-package`."""

from __future__ import annotations

import argparse
from pathlib import Path

from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.cli.progress import drive
from catalog_app.cli.repair import not_logged_code
from catalog_app.cli.terminal import safe
from catalog_app.errors import ExitCode
from catalog_app.i18n import _, counted


def _add_verify(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Re-hashes every original on all cores against the SHA-256 its import entry records "
        "(and its content-addressed name; an original must live in the catalogue, not be a "
        "link out of it), and every thumbnail against its recorded hash; names unknown files "
        "among the originals and thumbnails; checks the custody log's hash chain; replays the "
        "log from its first entry and compares the state it records with every table, field "
        "by field (an entry the app never writes is named too); checks the SQL schema and its "
        "append-only triggers and runs SQLite's integrity check. Then says how far the "
        "history is proven: by signed checkpoints of keys you trust (--key, --trusted-keys, "
        "your trusted-keys file, which keygen and `key trust` add to) and time-stamp tokens "
        "of authorities you trust (--tsa-ca, your trusted-TSA file, which `timestamp --ca` "
        "adds to, the system's CAs); a key or CA the catalogue merely holds proves nothing. "
        "Each problem is one line; exit 1 if any. The verification is recorded in the "
        "custody log with the anchors it saw, so a later verify names any removed since.")
    parser.add_argument("--json", action="store_true", help=_("print a JSON report"))
    parser.add_argument("--repair", action="store_true",
                        help=_("rebuild missing or changed thumbnails from their originals, "
                               "adopt the originals an interrupted import stored but never "
                               "recorded, and move any other unknown file among the originals "
                               "to quarantine/ (all logged; nothing is deleted)"))
    parser.add_argument("--against", type=Path, metavar="FILE", help=_(
        "instead, check the log against what was given out: a signed head.txt, a package or "
        "a gallery"))
    _add_trust(parser)
    parser.add_argument("--tsa-ca", dest="tsa_ca", type=Path, metavar="FILE", action="append",
                        default=[], help=_(
                            "a time-stamping authority's CA certificate (PEM) to trust "
                            "(repeatable; your trusted-TSA file, which `timestamp --ca` adds "
                            "to, and the system's CAs are always read; the CA a catalogue "
                            "stores never counts by itself)"))
    parser.set_defaults(handler=verify)


def _add_backup(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Copies the database with SQLite's backup API, then every original it lists, each "
        "re-hashed against its SHA-256. DEST must be new or empty.")
    parser.add_argument("destination", type=Path, metavar="DEST",
                        help=_("the backup's folder (new or empty)"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON report"))
    parser.set_defaults(handler=backup)


def _add_log(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--photo", type=int, metavar="ID", help=_("only this photo's history"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON list"))
    parser.set_defaults(handler=log)


def _add_head(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sign", type=Path, metavar="KEYFILE",
                        help=_("sign the head with this private key (logged)"))
    parser.add_argument("--passphrase-file", dest="passphrase_file", type=Path, metavar="FILE",
                        default=argparse.SUPPRESS, help=_("the signing key's passphrase"))
    parser.add_argument("--out", type=Path, metavar="DIR", help=_(
        "where to write head.txt, head.txt.sig and signing-key.pub (default: current folder)"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON object"))
    parser.set_defaults(handler=head)


def _add_verify_package(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Checks a package or gallery as its recipient would: every file against SHA256SUMS, "
        "the signature and whether its key is one you trust, each custody entry's own hash, "
        "every manifest value against the package's custody log, and the anchors it carries "
        "(signed checkpoints, time-stamp tokens) against that log, saying how far its history "
        "is proven. Exit 1 on any problem, a signature by a key you have not said to trust "
        "included.")
    parser.add_argument("folder", type=Path, metavar="FOLDER", help=_(
        "the package or gallery folder, or a package's .zip"))
    _add_trust(parser)
    parser.add_argument("--tsa-ca", dest="tsa_ca", type=Path, metavar="FILE", help=_(
        "the time-stamping authority's CA certificate (PEM), obtained from it; default: the "
        "one the package carries"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON report"))
    parser.set_defaults(handler=verify_package)


def _add_trust(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--key", type=Path, metavar="PUBFILE", action="append", default=[],
                        help=_("a public key to trust (repeatable); a signature is then "
                               "expected"))
    parser.add_argument("--trusted-keys", type=Path, metavar="FILE", action="append",
                        default=[], help=_(
                            "a file of trusted keys, one PEM or SHA-256 fingerprint per entry "
                            "(the default one in your config folder is always read)"))


COMMANDS = {"verify": _add_verify, "backup": _add_backup, "log": _add_log,
            "head": _add_head, "verify-package": _add_verify_package}


def verify(args: argparse.Namespace) -> int:
    from catalog_app.services.verify import VerifyJob, run_and_record
    from catalog_app.services.verify_text import report_lines

    if args.against is not None:
        return verify_against(args)
    trust = _trust(args)
    with open_catalogue(args) as catalogue:
        if args.repair:
            from catalog_app.cli.repair import print_repair
            from catalog_app.services.repair import repair_originals

            print_repair(repair_originals(catalogue, actor(args)), args.json)
        from catalog_app.services.timestamps import trusted_roots

        job = VerifyJob(catalogue, repair=args.repair, trusted=trust.fingerprints,
                        strict=trust.expected, tsa_roots=trusted_roots(args.tsa_ca))
        drive(run_and_record(job, actor(args)), _("Verifying"), unit="file", enabled=not args.json)
        report = job.report
        entries, head_hash = catalogue.custody_head()
    if args.json:
        print_json({"ok": report.ok, "checked": report.checked, "problems": report.problems,
                    "state": report.state, "repaired": report.repaired,
                    "history": report.history, "history_anchored": report.anchored,
                    "notes": report.notes,
                    "custody_head": {"entries": entries, "sha256": head_hash},
                    "logged": not report.not_logged, "not_logged": report.not_logged or None})
    else:
        print("\n".join(report_lines(report, (entries, head_hash))))
    code = not_logged_code(report.not_logged)  # 0, or 3 when the log could not be written
    return ExitCode.SOME_FAILED if not report.ok else code


def backup(args: argparse.Namespace) -> int:
    from catalog_app.services.backup import BackupRun

    with open_catalogue(args) as catalogue:
        run = BackupRun(catalogue, args.destination)
        # BackupTargetError (not empty, not writable) is a usage error like any AppError
        events = run.run()
        drive(events, _("Backing up"), unit="file", enabled=not args.json)
        report = run.report
        catalogue.record_event("backup", {"destination": str(run.destination),
                                          "copied": report.copied,
                                          "problems": len(report.problems)}, actor(args))
    if args.json:
        print_json({"destination": str(run.destination), "copied": report.copied,
                    "referenced_in_place": report.referenced, "problems": report.problems})
    else:
        for problem in report.problems:
            print(problem)
        if report.referenced:
            print(counted("Backed up the catalogue to {folder}: {n} original copied and "
                          "verified, {referenced} referenced in place.",
                          "Backed up the catalogue to {folder}: {n} originals copied and "
                          "verified, {referenced} referenced in place.", report.copied,
                          folder=run.destination, referenced=report.referenced))
        else:
            print(counted("Backed up the catalogue to {folder}: {n} original copied and "
                          "verified.",
                          "Backed up the catalogue to {folder}: {n} originals copied and "
                          "verified.", report.copied, folder=run.destination))
    return ExitCode.SOME_FAILED if report.problems else ExitCode.OK


def log(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        if args.photo is not None:
            catalogue.photo(args.photo)  # an unknown id is a usage error
        entries = catalogue.custody_log(args.photo)
        names = {i.id: i.name for i in catalogue.incidents(include_archived=True)}
    if args.json:
        print_json([{"id": e.id, "at": e.at, "operator": e.operator, "machine": e.machine,
                     "app_version": e.app_version, "action": e.action, "photo": e.photo_id,
                     "details": e.details, "prev_hash": e.prev_hash,
                     "entry_hash": e.entry_hash} for e in entries])
        return ExitCode.OK
    from catalog_app.core.history import describe

    for e in entries:
        print(safe(f"{e.id:>6}  {describe(e, names).text()}"))
    return ExitCode.OK


def head(args: argparse.Namespace) -> int:
    out = args.out or Path.cwd()
    with open_catalogue(args) as catalogue:
        if args.sign is None:
            head_id, head_hash = catalogue.custody_head()
            signed_by = None
        else:
            from catalog_app.services.head import sign_head

            signed = sign_head(catalogue, args.sign, out, actor(args))
            head_id, head_hash, signed_by = signed.entry, signed.sha256, signed.signed_by
    if args.json:
        print_json({"entry": head_id, "hash": head_hash, "signed_by": signed_by})
    else:
        print(f"{head_id} {head_hash}")
        if signed_by:
            print(_("Signed head.txt written to {folder} (key {key}).").format(
                folder=out, key=signed_by))
    return ExitCode.OK


def _trust(args: argparse.Namespace):
    from catalog_app import settings
    from catalog_app.export.trust import load

    return load(args.key, args.trusted_keys, settings.trusted_keys_file())


def verify_package(args: argparse.Namespace) -> int:
    import zipfile

    from catalog_app.export.check import check_package, opened

    if not args.folder.is_dir() and not zipfile.is_zipfile(args.folder):
        say(_("{path} is neither a folder nor a package's .zip.").format(path=args.folder))
        return ExitCode.USAGE
    trust = _trust(args)
    tsa_ca = None
    if args.tsa_ca is not None:
        try:
            tsa_ca = args.tsa_ca.read_bytes()
        except OSError as exc:
            say(_("The CA file {path} cannot be read ({error}).").format(
                path=args.tsa_ca, error=exc.strerror))
            return ExitCode.USAGE
    with opened(args.folder) as folder:
        report = check_package(folder, trust, tsa_ca)
    if args.json:
        print_json({"files": report.files, "signature": report.signature.value,
                    "key": report.key, "signed_by": report.signed_by,
                    "anchors": report.anchors, "history": report.history or None,
                    "history_proven": report.history_proven,
                    "problems": report.problems, "notes": report.notes, "ok": report.ok})
    else:
        for line in (*report.problems, *report.notes):
            print(line)
        if report.history:
            print(report.history)
        signature = {"trusted": _("signed by trusted key {key}"),
                     "untrusted": _("signed by key {key}, which you have not said to trust"),
                     "invalid": _("its signature does not verify"),
                     "unsigned": _("not signed")}[report.signature.value].format(key=report.key)
        verdict = counted("{n} problem", "{n} problems", len(report.problems))
        if report.ok:
            verdict = (_("no problems") if report.history_proven or not report.history else
                       _("no problems found, but its history is not proven"))
        print(counted("Checked {n} file against SHA256SUMS; {signature}: {verdict}.",
                      "Checked {n} files against SHA256SUMS; {signature}: {verdict}.",
                      report.files, signature=signature, verdict=verdict))
    return ExitCode.OK if report.ok else ExitCode.SOME_FAILED


def verify_against(args: argparse.Namespace) -> int:
    from catalog_app.services.against import check_against

    trust = _trust(args)
    with open_catalogue(args) as catalogue:
        report = check_against(catalogue, args.against, trust)
        entries, head_hash = catalogue.custody_head()
    if args.json:
        print_json({"ok": report.ok, "against": str(args.against), "kind": report.kind,
                    "given_head": {"entries": report.head_entries, "sha256": report.head_hash},
                    "signature": report.signature.value if report.signature else None,
                    "key": report.key, "held_at": report.held_at,
                    "parted_at": report.parted_at, "parted_exactly": report.parted_exactly,
                    "compared": report.compared, "problems": report.problems,
                    "notes": report.notes,
                    "custody_head": {"entries": entries, "sha256": head_hash}})
    else:
        for line in (*report.problems, *report.notes):
            print(line)
        verdict = (_("this catalogue extends it") if report.ok else
                   counted("{n} problem", "{n} problems", len(report.problems)))
        checked = {"signed head": _("Checked against the signed head {path}: {verdict}."),
                   "evidence package": _("Checked against the evidence package {path}: "
                                         "{verdict}."),
                   "gallery": _("Checked against the gallery {path}: {verdict}.")}.get(
            report.kind, _("Checked against the {kind} {path}: {verdict}."))
        print(checked.format(kind=report.kind, path=args.against, verdict=verdict) + " "
              + counted("Custody log head: {n} entry, {hash}.",
                        "Custody log head: {n} entries, {hash}.", entries, hash=head_hash))
    return ExitCode.OK if report.ok else ExitCode.SOME_FAILED
