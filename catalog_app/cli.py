"""The command line: argparse subcommands over the core services; the only place that prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from catalog_app import (
    __version__,
    cli_custody,
    cli_export,
    cli_incidents,
    cli_tagging,
    jsonout,
    settings,
)
from catalog_app.cli_common import (
    EPILOG,
    EXIT_CATALOGUE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    open_catalogue,
    print_json,
    say,
)
from catalog_app.core import dedup
from catalog_app.core.hash_index import EXHAUSTIVE_RADIUS
from catalog_app.core.models import Photo
from catalog_app.core.signing import SigningError
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import CatalogueError, ExportError, IncidentNotFound, PhotoNotFound
from catalog_app.services import duplicates as duplicate_service
from catalog_app.services.importing import ImportJob, default_workers


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catalog-app",
        description="Catalogue a mission's photos as evidence: import, inspect, find "
                    "duplicates, tag to incidents, caption, export, sign, verify, back up.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"catalog_app {__version__}")
    parser.add_argument(
        "--catalogue", metavar="DIR", type=Path, default=None,
        help=f"catalogue folder (default: ${settings.CATALOGUE_ENV} or "
             f"{settings.default_catalogue()})",
    )
    parser.add_argument(
        "--operator", metavar="NAME", default=None,
        help=f"name recorded with every change (default: ${settings.OPERATOR_ENV} or login)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = commands.add_parser("import", help="import photos from files and folders",
                              description="Import photos: copy (or reference) each file, "
                              "record its SHA-256 and metadata. Originals are never altered.")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    imp.add_argument("--in-place", action="store_true",
                     help="reference files where they are instead of copying them in")
    imp.add_argument("--json", action="store_true", help="print a JSON summary, no progress bar")
    imp.add_argument("--workers", type=int, default=None, metavar="N",
                     help=f"reading processes (default: every core, {default_workers()})")

    photos = commands.add_parser("photos", help="list photos in capture-time order")
    photos.add_argument("--json", action="store_true", help="print a JSON list")
    photos.add_argument("--limit", type=int, default=None, metavar="N")

    show = commands.add_parser("show", help="show everything known about one photo")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true", help="print a JSON object")
    _duplicates_parser(commands)
    cli_incidents.add_parsers(commands)
    cli_export.add_parser(commands)
    cli_tagging.add_parsers(commands)
    cli_custody.add_parsers(commands)
    verify = commands.add_parser(
        "verify", help="re-hash every original and check the catalogue's record",
        description="Re-hashes every stored original on all cores, checks that every listed "
        "file exists and no unknown file sits among the originals, checks the custody log's "
        "hash chain and runs SQLite's integrity check. Each problem is one line; exit 1 if any.")
    verify.add_argument("--json", action="store_true", help="print a JSON report")
    demo = commands.add_parser(
        "demo", help="make the demo mission's catalogue (made-up photos, incidents, captions)")
    demo.add_argument("--json", action="store_true")
    backup = commands.add_parser(
        "backup", help="copy the catalogue, consistently, while it may be in use",
        description="Copies the database with SQLite's backup API, then every original it "
        "lists, each re-hashed against its SHA-256. DEST must be new or empty.")
    backup.add_argument("destination", type=Path, metavar="DEST")
    backup.add_argument("--json", action="store_true", help="print a JSON report")
    log = commands.add_parser("log", help="show the custody log (every recorded action)")
    log.add_argument("--photo", type=int, metavar="ID", help="only this photo's history")
    log.add_argument("--json", action="store_true")
    return parser


def _threshold(text: str) -> int:
    try:
        return dedup.parse_threshold(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"use strict, normal, loose or a number of bits from 0 to {EXHAUSTIVE_RADIUS}"
        ) from None


def _duplicates_parser(commands) -> None:
    dup = commands.add_parser(
        "duplicates", help="list duplicate groups; resolve them",
        description="Exact copies, same-pixel copies and near copies (resized, recompressed, "
        "re-encoded, rotated, mirrored), grouped. Nothing is deleted: a duplicate is linked to "
        f"the photo kept. Suggested keeper: {dedup.KEEPER_RULE}.")
    threshold = argparse.ArgumentParser(add_help=False)
    threshold.add_argument(
        "--threshold", type=_threshold, default=dedup.DEFAULT_THRESHOLD, metavar="T",
        help=f"strict ({dedup.THRESHOLDS['strict']}), normal ({dedup.THRESHOLDS['normal']}, "
             f"the default), loose ({dedup.THRESHOLDS['loose']}; searches exhaustively, slower "
             f"on big catalogues) or bits 0-{EXHAUSTIVE_RADIUS}")
    dup.add_argument("--threshold", type=_threshold, default=dedup.DEFAULT_THRESHOLD,
                     metavar="T", help=threshold._actions[0].help)
    dup.add_argument("--similar", action="store_true",
                     help="also list the weaker tier: distinct shots of one scene")
    dup.add_argument("--json", action="store_true", help="print a JSON list")
    actions = dup.add_subparsers(dest="dup_action", metavar="ACTION")
    resolve = actions.add_parser("resolve", parents=[threshold],
                                 help="decide one group: keep a photo, or not duplicates")
    resolve.add_argument("group", type=int, metavar="GROUP")
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keeper", type=int, metavar="ID",
                        help="keep this photo; link the others to it")
    choice.add_argument("--not-duplicate", action="store_true",
                        help="these photos are distinct: never group them again")
    accept = actions.add_parser("accept", parents=[threshold],
                                help="keep the suggested keeper of every group within a distance")
    accept.add_argument("--max-distance", type=int, default=4, metavar="N",
                        help="only groups whose members are all within N bits (default 4)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from catalog_app.gui.launch import launch

            chosen = args.catalogue or (settings.default_catalogue()
                                        if os.environ.get(settings.CATALOGUE_ENV) else None)
            return launch(chosen, args.operator)
        handler = {"import": _import, "photos": _photos, "show": _show,
                   "duplicates": _duplicates, "incidents": cli_incidents.incidents,
                   "tag": cli_incidents.tag, "untag": cli_incidents.tag,
                   "caption": cli_incidents.caption, "verify": _verify, "log": _log,
                   "backup": _backup, "export": _export, "demo": _demo,
                   **dict.fromkeys(("flag", "keywords", "captions", "suggest", "clock"),
                                   _tagging),
                   "keygen": cli_custody.keygen, "verify-package": cli_custody.verify_package,
                   "head": _head}[args.command]
        return handler(args)
    except CatalogueError as exc:
        say(str(exc))
        return EXIT_CATALOGUE
    except ExportError as exc:
        say(str(exc))
        return EXIT_OUTPUT
    except SigningError as exc:
        say(str(exc))
        return EXIT_USAGE
    except (PhotoNotFound, IncidentNotFound, duplicate_service.GroupNotFound,
            duplicate_service.NotInGroup) as exc:
        say(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        say("Interrupted; what was recorded stays. Run the same command again to finish.")
        return EXIT_INTERRUPTED
    except Exception as exc:
        if os.environ.get("CATALOG_APP_DEBUG"):
            raise
        say(f"catalog_app hit an internal error ({type(exc).__name__}: {exc}); "
             "please report it with the command you ran (CATALOG_APP_DEBUG=1 shows details).")
        return EXIT_INTERNAL


def _demo(args: argparse.Namespace) -> int:
    from catalog_app.services import demo

    folder = demo.sample_mission()
    if folder is None:
        say("The demo mission's photos are not installed with this copy of catalog_app.")
        return EXIT_USAGE
    root = args.catalogue or settings.demo_catalogue()
    actor = settings.actor(args.operator)
    with Catalogue.open(root, create=True) as catalogue:
        job = ImportJob(catalogue, [str(folder)], actor)
        _drive(job, not args.json and sys.stderr.isatty())
        tagged = demo.apply_mission(catalogue, actor)
        count = catalogue.count_photos()
    if args.json:
        print_json({"catalogue": str(root), "photos": count, "tagged": tagged})
    else:
        print(f"The demo mission is in {root}: {count} photos, {tagged} newly tagged to "
              "its incidents. Open it with: catalog-app --catalogue " + str(root))
    return EXIT_OK


def _head(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        return cli_custody.head(args, catalogue)


def _tagging(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        return cli_tagging.run(args, catalogue)


def _export(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        return cli_export.run(args, catalogue)


def _import(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 0:
        say("--workers must be 0 or more.")
        return EXIT_USAGE
    with open_catalogue(args, create=True) as catalogue:
        job = ImportJob(catalogue, args.paths, settings.actor(args.operator),
                        in_place=args.in_place, workers=args.workers)
        show_bar = not args.json and sys.stderr.isatty()
        try:
            _drive(job, show_bar)
        except KeyboardInterrupt:
            say(f"Import interrupted: {job.summary.imported} photos recorded so far stay in "
                 "the catalogue. Run the same command again to finish the rest.")
            return EXIT_INTERRUPTED
        summary = job.summary
        if args.json:
            print_json(jsonout.import_summary(summary, job.import_id))
        else:
            _print_import_summary(job)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _drive(job: ImportJob, show_bar: bool) -> None:
    from tqdm import tqdm

    bar = None
    try:
        for event in job.run():
            if not show_bar:
                continue
            if bar is None:
                bar = tqdm(total=event.total, unit="photo", file=sys.stderr, dynamic_ncols=True,
                           desc="Importing", smoothing=0.1)
            bar.update(event.done - bar.n)
            if event.current:
                bar.set_postfix_str(Path(event.current).name[-40:], refresh=False)
    finally:
        if bar is not None:
            bar.close()


def _print_import_summary(job: ImportJob) -> None:
    s = job.summary
    print(f"Imported {s.imported} photo{'s' * (s.imported != 1)}; "
          f"{s.already_present} already in the catalogue; {len(s.failed)} failed.")
    if s.near_duplicates:
        print(f"{len(s.near_duplicates)} new photo(s) nearly duplicate photos already here "
              "(`catalog-app duplicates` lists the groups).")
    for failure in s.failed:
        print(f"  failed: {failure.path}: {failure.reason}")
    if s.skipped:
        print(f"{len(s.skipped)} file(s) skipped as not photos (--json lists them).")
    if s.warnings:
        print(f"{len(s.warnings)} metadata warning(s) recorded with the photos "
              "(`catalog-app show ID` lists them).")


def _photos(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        items = catalogue.photos(limit=args.limit)
        if args.json:
            print_json([jsonout.photo(p, catalogue.layout) for p in items])
            return EXIT_OK
        print(f"{'ID':>6}  {'TAKEN':<25}  {'CAMERA':<28}  {'SIZE':>11}  GPS  FORMAT  SOURCE")
        for p in items:
            print(_row(p))
        print(f"{len(items)} of {catalogue.count_photos()} photos.")
        if any(p.taken_at_corrected for p in items):
            print("* the camera's clock correction is applied (`show ID` gives the time as "
                  "recorded).")
    return EXIT_OK


def _row(p: Photo) -> str:
    when = p.best_time
    taken = when.isoformat(sep=" ") + ("*" if p.taken_at_corrected else "") if when else "—"
    camera = " ".join(x for x in (p.capture.camera.make, p.capture.camera.model) if x) or "—"
    size = f"{p.width}×{p.height}" if p.width else "—"
    source = Path(p.sources[0].path).name if p.sources else "—"
    gps = "yes" if p.capture.gps else "no "
    return f"{p.id:>6}  {taken[:25]:<25}  {camera[:28]:<28}  {size:>11}  {gps}  " \
           f"{p.format:<6}  {source}"


def _show(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        data = jsonout.photo(catalogue.photo(args.id), catalogue.layout)
    if args.json:
        print_json(data)
        return EXIT_OK
    for key, value in data.items():
        if key == "source_files":
            continue
        if isinstance(value, list):
            print(f"{key}:")
            for entry in value:
                print(f"  {entry}")
        else:
            print(f"{key}: {_plain(value)}")
    return EXIT_OK


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_plain(v)}" for k, v in value.items())
    return str(value)


def _duplicates(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        missing = catalogue.photos_missing_hashes()
        if missing:
            say(f"Computing duplicate hashes for {len(missing)} photos imported before they "
                 "existed (once only).")
            duplicate_service.ensure_hashes(catalogue)
        actor = settings.actor(args.operator)
        if args.dup_action == "resolve":
            group = duplicate_service.find_group(catalogue, args.group, args.threshold)
            if args.not_duplicate:
                duplicate_service.not_duplicates(catalogue, group, actor)
                print(f"Group {group.id}: recorded as not duplicates; it will not come back.")
            else:
                duplicate_service.keep(catalogue, group, args.keeper, actor)
                print(f"Group {group.id}: keeping photo {args.keeper}; "
                      f"{len(group.members) - 1} linked to it as duplicates.")
            return EXIT_OK
        if args.dup_action == "accept":
            count = duplicate_service.accept_suggested(catalogue, args.max_distance, actor,
                                                   args.threshold)
            print(f"Accepted the suggested keeper of {count} group(s).")
            return EXIT_OK
        found = duplicate_service.groups(catalogue, args.threshold, args.similar)
    if args.json:
        print_json([jsonout.duplicate_group(g) for g in found])
        return EXIT_OK
    for g in found:
        state = "resolved" if g.resolved else "open"
        members = ", ".join(f"{m.photo}" + ("*" if m.photo == g.keeper else f" ({m.distance})")
                            for m in g.members)
        print(f"group {g.id:>6}  {g.kind:<11} {state:<8}  {members}")
    print(f"{len(found)} group(s); * marks the suggested or chosen keeper, (n) its distance in "
          "bits.")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from catalog_app.services.verify import VerifyJob

    with open_catalogue(args) as catalogue:
        job = VerifyJob(catalogue)
        bar = None
        for event in job.run():
            if args.json or not sys.stderr.isatty():
                continue
            if bar is None:
                bar = tqdm(total=event.total, unit="file", file=sys.stderr, desc="Verifying")
            bar.update(event.done - bar.n)
        if bar is not None:
            bar.close()
        report = job.report
        catalogue.record_event("verify", {"checked": report.checked,
                                          "problems": len(report.problems)},
                               settings.actor(args.operator))
        entries, head = catalogue.custody_head()
    if args.json:
        print_json({"ok": report.ok, "checked": report.checked, "problems": report.problems,
                     "custody_head": {"entries": entries, "sha256": head}})
    else:
        for problem in report.problems:
            print(problem)
        print(f"Verified {report.checked} originals: "
              f"{'no problems' if report.ok else f'{len(report.problems)} problem(s)'}. "
              f"Custody log head: {entries} entries, {head}.")
    return EXIT_OK if report.ok else EXIT_SOME_FAILED


def _backup(args: argparse.Namespace) -> int:
    from catalog_app.services.backup import BackupRun, BackupTargetError

    with open_catalogue(args) as catalogue:
        run = BackupRun(catalogue, args.destination)
        try:
            for _ in run.run():
                pass
        except BackupTargetError as exc:
            say(str(exc))
            return EXIT_USAGE
        report = run.report
        catalogue.record_event("backup", {"destination": str(run.destination),
                                          "copied": report.copied,
                                          "problems": len(report.problems)},
                               settings.actor(args.operator))
    if args.json:
        print_json({"destination": str(run.destination), "copied": report.copied,
                     "referenced_in_place": report.referenced, "problems": report.problems})
    else:
        for problem in report.problems:
            print(problem)
        print(f"Backed up the catalogue to {run.destination}: {report.copied} originals "
              f"copied and verified" + (f", {report.referenced} referenced in place"
                                        if report.referenced else "") + ".")
    return EXIT_SOME_FAILED if report.problems else EXIT_OK


def _log(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        if args.photo is not None:
            catalogue.photo(args.photo)  # an unknown id is a usage error
        entries = catalogue.custody_log(args.photo)
    if args.json:
        print_json([{"id": e.id, "at": e.at, "operator": e.operator, "machine": e.machine,
                      "app_version": e.app_version, "action": e.action, "photo": e.photo_id,
                      "details": e.details, "prev_hash": e.prev_hash,
                      "entry_hash": e.entry_hash} for e in entries])
        return EXIT_OK
    for e in entries:
        photo = f" photo {e.photo_id}" if e.photo_id is not None else ""
        print(f"{e.id:>6}  {e.at}  {e.operator}@{e.machine}  {e.action}{photo}  "
              f"{json.dumps(e.details, ensure_ascii=False)}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
