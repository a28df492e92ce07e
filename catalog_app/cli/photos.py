"""`catalog-app import`, `photos` and `show`: bring photos in, list them, show one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.cli.progress import drive
from catalog_app.cli.terminal import safe
from catalog_app.core import labels
from catalog_app.core.labels import camera_label, counted
from catalog_app.errors import ExitCode

if TYPE_CHECKING:
    from catalog_app.core.models import Photo
    from catalog_app.services.importing import ImportJob


def _add_import(parser: argparse.ArgumentParser) -> None:
    from catalog_app.core.workers import default_workers

    parser.description = ("Import photos: copy (or reference) each file, record its SHA-256 "
                          "and metadata. Originals are never altered.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    parser.add_argument("--in-place", action="store_true",
                        help="reference files where they are instead of copying them in")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON summary, no progress bar")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help=f"reading processes (default: every core, {default_workers()})")
    parser.add_argument("--faces", action="store_true",
                        help="then look for faces in the new photos (seconds a photo, so off by "
                             "default; see `catalog-app faces`)")
    parser.set_defaults(handler=import_photos)


def _add_photos(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--limit", type=int, default=None, metavar="N")
    parser.set_defaults(handler=photos)


def _add_show(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.set_defaults(handler=show)


COMMANDS = {"import": _add_import, "photos": _add_photos, "show": _add_show}


def import_photos(args: argparse.Namespace) -> int:
    from catalog_app import jsonout
    from catalog_app.services.importing import ImportJob

    if args.workers is not None and args.workers < 0:
        say("--workers must be 0 or more.")
        return ExitCode.USAGE
    _refuse_catalogue_inside(args)
    with open_catalogue(args, create=True) as catalogue:
        job = ImportJob(catalogue, args.paths, actor(args), in_place=args.in_place,
                        workers=args.workers)
        try:
            drive(job.run(), "Importing", enabled=not args.json)
        except KeyboardInterrupt:
            say(f"Import interrupted: {job.summary.imported} photos recorded so far stay in "
                "the catalogue. Run the same command again to finish the rest.")
            return ExitCode.INTERRUPTED
        summary = job.summary
        if args.faces:
            from catalog_app.cli.faces import scan_imported

            scan_imported(catalogue, args, summary.new_photo_ids)
        if args.json:
            print_json(jsonout.import_summary(summary, job.import_id))
        else:
            _print_import_summary(job)
    return ExitCode.SOME_FAILED if summary.failed else ExitCode.OK


def _refuse_catalogue_inside(args: argparse.Namespace) -> None:
    """A new catalogue is never made inside a folder being imported (it would import itself)."""
    from catalog_app import settings
    from catalog_app.core.layout import Layout
    from catalog_app.core.scan import inside
    from catalog_app.errors import UsageError

    root = Path(args.catalogue or settings.default_catalogue()).expanduser().absolute()
    holder = inside(str(root), args.paths)
    if holder is not None and not Layout(root).db_path.is_file():
        raise UsageError(f"A new catalogue cannot be made at {root}: it is in {holder}, "
                         "the folder being imported. Choose a catalogue folder outside it.")


def _print_import_summary(job: ImportJob) -> None:
    s = job.summary
    warning = labels.wipe_warning(len(s.failed))
    if warning:  # first, and each file it means
        print(f"{warning}:")
        for failure in s.failed:
            print(f"  not preserved: {safe(failure.path)}: {safe(failure.reason)}")
    print(f"Imported {s.imported} photo{'s' * (s.imported != 1)}; "
          f"{s.already_present} already in the catalogue; {len(s.failed)} failed.")
    if s.near_duplicates:
        print(f"{counted(len(s.near_duplicates), 'new photo')} nearly duplicate photos already "
              "here (`catalog-app duplicates` lists the groups).")
    if s.skipped:
        print(f"{counted(len(s.skipped), 'file')} skipped as not photos (--json lists them).")
    if s.warnings:
        print(f"{counted(len(s.warnings), 'metadata warning')} recorded with the photos "
              "(`catalog-app show ID` lists them).")


def photos(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        items = catalogue.photos(limit=args.limit)
        if args.json:
            from catalog_app import jsonout

            print_json([jsonout.photo(p, catalogue.layout) for p in items])
            return ExitCode.OK
        print(f"{'ID':>6}  {'TAKEN':<25}  {'CAMERA':<28}  {'SIZE':>11}  GPS  FORMAT  SOURCE")
        for p in items:
            print(row(p))
        print(f"{len(items)} of {catalogue.count_photos()} photos.")
        if any(p.taken_at_corrected for p in items):
            print("* the camera's clock correction is applied (`show ID` gives the time as "
                  "recorded).")
    return ExitCode.OK


def row(p: Photo) -> str:
    """One line of the `photos` table."""
    when = p.best_time
    taken = when.isoformat(sep=" ") + ("*" if p.taken_at_corrected else "") if when else "—"
    camera = safe(camera_label(p.capture.camera) or "—")
    size = f"{p.width}×{p.height}" if p.width else "—"
    source = safe(Path(p.sources[0].path).name if p.sources else "—")
    gps = "yes" if p.capture.gps else "no "
    marks = " (original preserved, no preview)" if p.preview_missing else ""
    if p.same_shot is not None:
        marks += f" (same shot as {p.same_shot})"
    return f"{p.id:>6}  {taken[:25]:<25}  {camera[:28]:<28}  {size:>11}  {gps}  " \
           f"{safe(p.format):<6}  {source}{marks}"


def show(args: argparse.Namespace) -> int:
    from catalog_app import jsonout

    with open_catalogue(args) as catalogue:
        data = jsonout.photo(catalogue.photo(args.id), catalogue.layout)
    if args.json:
        print_json(data)
        return ExitCode.OK
    for key, value in data.items():
        if key == "source_files":
            continue
        if isinstance(value, list):
            print(f"{key}:")
            for entry in value:
                print(f"  {safe(_plain(entry))}")
        else:
            print(f"{key}: {safe(_plain(value))}")
    return ExitCode.OK


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_plain(v)}" for k, v in value.items())
    return str(value)
