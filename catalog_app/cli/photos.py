"""`catalog-app import`, `photos` and `show`: bring photos in, list them, show one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalog_app.cli.common import actor, open_catalogue, pgettext, print_json, say
from catalog_app.cli.progress import drive
from catalog_app.cli.terminal import safe
from catalog_app.core.labels import camera_label
from catalog_app.errors import ExitCode
from catalog_app.i18n import _, counted, ngettext

if TYPE_CHECKING:
    from catalog_app.core.models import Photo
    from catalog_app.services.importing import ImportJob


def _add_import(parser: argparse.ArgumentParser) -> None:
    from catalog_app.core.workers import default_workers

    parser.description = _("Import photos: copy (or reference) each file, record its SHA-256 "
                           "and metadata. Originals are never altered.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=_("files or folders (recursive)"))
    parser.add_argument("--in-place", action="store_true",
                        help=_("reference files where they are instead of copying them in"))
    parser.add_argument("--json", action="store_true",
                        help=_("print a JSON summary, no progress bar"))
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help=_("reading processes (default: every core, {n})").format(
                            n=default_workers()))
    parser.add_argument("--faces", action="store_true",
                        help=_("then look for faces in the new photos (seconds a photo, so off "
                               "by default; see `catalog-app faces`)"))
    parser.set_defaults(handler=import_photos)


def _add_photos(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print a JSON list"))
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help=_("list at most N photos"))
    parser.set_defaults(handler=photos)


def _add_show(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="ID", help=_("the photo's id"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON object"))
    parser.set_defaults(handler=show)


COMMANDS = {"import": _add_import, "photos": _add_photos, "show": _add_show}


def import_photos(args: argparse.Namespace) -> int:
    from catalog_app import jsonout
    from catalog_app.services.importing import ImportJob

    if args.workers is not None and args.workers < 0:
        say(_("--workers must be 0 or more."))
        return ExitCode.USAGE
    _refuse_catalogue_inside(args)
    with open_catalogue(args, create=True) as catalogue:
        job = ImportJob(catalogue, args.paths, actor(args), in_place=args.in_place,
                        workers=args.workers)
        try:
            drive(job.run(), _("Importing"), enabled=not args.json)
        except KeyboardInterrupt:
            say(counted("Import interrupted: {n} photo recorded so far stays in the "
                        "catalogue. Run the same command again to finish the rest.",
                        "Import interrupted: {n} photos recorded so far stay in the "
                        "catalogue. Run the same command again to finish the rest.",
                        job.summary.imported))
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
        raise UsageError(_("A new catalogue cannot be made at {folder}: it is in {holder}, "
                           "the folder being imported. Choose a catalogue folder outside it."
                           ).format(folder=root, holder=holder))


def _print_import_summary(job: ImportJob) -> None:
    s = job.summary
    if s.failed:  # first, and each file it means
        print(counted("Do not wipe the card yet: {n} file was not preserved:",
                      "Do not wipe the card yet: {n} files were not preserved:", len(s.failed)))
        for failure in s.failed:
            print(_("  not preserved: {path}: {reason}").format(
                path=safe(failure.path), reason=safe(failure.reason)))
    print(counted("Imported {n} photo; {present} already in the catalogue; {failed} failed.",
                  "Imported {n} photos; {present} already in the catalogue; {failed} failed.",
                  s.imported, present=s.already_present, failed=len(s.failed)))
    if s.near_duplicates:
        print(counted("{n} new photo nearly duplicates photos already here (`catalog-app "
                      "duplicates` lists the groups).",
                      "{n} new photos nearly duplicate photos already here (`catalog-app "
                      "duplicates` lists the groups).", len(s.near_duplicates)))
    if s.skipped:
        print(counted("{n} file skipped as not a photo (--json lists it).",
                      "{n} files skipped as not photos (--json lists them).", len(s.skipped)))
    if s.warnings:
        print(counted("{n} metadata warning recorded with the photos (`catalog-app show ID` "
                      "lists them).",
                      "{n} metadata warnings recorded with the photos (`catalog-app show ID` "
                      "lists them).", len(s.warnings)))


def photos(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        items = catalogue.photos(limit=args.limit)
        if args.json:
            from catalog_app import jsonout

            print_json([jsonout.photo(p, catalogue.layout) for p in items])
            return ExitCode.OK
        print(heading())
        for p in items:
            print(row(p))
        total = catalogue.count_photos()
        print(ngettext("{shown} of {n} photo.", "{shown} of {n} photos.", total).format(
            shown=number(len(items)), n=number(total)))
        if any(p.taken_at_corrected for p in items):
            print(_("* the camera's clock correction is applied (`show ID` gives the time as "
                    "recorded)."))
    return ExitCode.OK


def heading() -> str:
    """The headings of the `photos` table, in the columns of row()."""
    ids, taken = pgettext("photos table", "ID"), pgettext("photos table", "TAKEN")
    camera, size = pgettext("photos table", "CAMERA"), pgettext("photos table", "SIZE")
    gps, kind = pgettext("photos table", "GPS"), pgettext("photos table", "FORMAT")
    source = pgettext("photos table", "SOURCE")
    return f"{ids:>6}  {taken:<25}  {camera:<28}  {size:>11}  {gps:<3}  {kind:<6}  {source}"


def number(n: int) -> str:
    from catalog_app.i18n import number as grouped

    return grouped(n)


def row(p: Photo) -> str:
    """One line of the `photos` table."""
    when = p.best_time
    taken = when.isoformat(sep=" ") + ("*" if p.taken_at_corrected else "") if when else "—"
    camera = safe(camera_label(p.capture.camera) or "—")
    size = f"{p.width}×{p.height}" if p.width else "—"
    source = safe(Path(p.sources[0].path).name if p.sources else "—")
    has_gps = pgettext("has GPS", "yes") if p.capture.gps else pgettext("has GPS", "no")
    gps = has_gps.ljust(max(3, len(pgettext("photos table", "GPS"))))
    marks = " " + _("(original preserved, no preview)") if p.preview_missing else ""
    if p.same_shot is not None:
        marks += " " + _("(same shot as {id})").format(id=p.same_shot)
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
            print(f"{_label(key)}:")
            for entry in value:
                print(f"  {safe(_plain(entry))}")
        else:
            print(f"{_label(key)}: {safe(_plain(value))}")
    return ExitCode.OK


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{_label(k)} {_plain(v)}" for k, v in value.items())
    if value is True or value is False:
        return pgettext("photo field", "True") if value else pgettext("photo field", "False")
    return str(value)


# what `show` calls each field of the photo's JSON object (in English: the key itself)
def _labels() -> dict[str, str]:
    return {
        "id": pgettext("photo field", "id"),
        "sha256": pgettext("photo field", "sha256"),
        "sources": pgettext("photo field", "sources"),
        "stored_path": pgettext("photo field", "stored_path"),
        "in_place": pgettext("photo field", "in_place"),
        "format": pgettext("photo field", "format"),
        "size_bytes": pgettext("photo field", "size_bytes"),
        "width": pgettext("photo field", "width"),
        "height": pgettext("photo field", "height"),
        "taken_at": pgettext("photo field", "taken_at"),
        "taken_at_utc": pgettext("photo field", "taken_at_utc"),
        "time_source": pgettext("photo field", "time_source"),
        "gps": pgettext("photo field", "gps"),
        "camera": pgettext("photo field", "camera"),
        "orientation": pgettext("photo field", "orientation"),
        "phash": pgettext("photo field", "phash"),
        "dhash": pgettext("photo field", "dhash"),
        "preview_missing": pgettext("photo field", "preview_missing"),
        "imported_at": pgettext("photo field", "imported_at"),
        "incident": pgettext("photo field", "incident"),
        "caption": pgettext("photo field", "caption"),
        "caption_needs_review": pgettext("photo field", "caption_needs_review"),
        "keywords": pgettext("photo field", "keywords"),
        "graphic": pgettext("photo field", "graphic"),
        "restricted": pgettext("photo field", "restricted"),
        "duplicate_of": pgettext("photo field", "duplicate_of"),
        "same_shot": pgettext("photo field", "same_shot"),
        "clock_offset_s": pgettext("photo field", "clock_offset_s"),
        "taken_at_corrected": pgettext("photo field", "taken_at_corrected"),
        "taken_at_corrected_utc": pgettext("photo field", "taken_at_corrected_utc"),
        "thumbnail_path": pgettext("photo field", "thumbnail_path"),
        "metadata_warnings": pgettext("photo field", "metadata_warnings"),
        "make": pgettext("photo field", "make"),
        "model": pgettext("photo field", "model"),
        "serial": pgettext("photo field", "serial"),
        "lat": pgettext("photo field", "lat"),
        "lon": pgettext("photo field", "lon"),
        "alt": pgettext("photo field", "alt"),
        "source": pgettext("photo field", "source"),
        "detail": pgettext("photo field", "detail"),
        "name": pgettext("photo field", "name"),
    }


def _label(key: str) -> str:
    return _labels().get(key, key)
