"""`catalog-app export ...`: galleries, evidence packages, GeoJSON, KML and CSV."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from catalog_app import i18n
from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.cli.progress import drive
from catalog_app.cli.terminal import safe
from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import ExitCode, IncidentNotFound
from catalog_app.export.selection import Selection
from catalog_app.i18n import _


def _add_export(export: argparse.ArgumentParser) -> None:
    export.description = _(
        "Galleries are safe to publish by default: keepers only, never restricted photos, all "
        "camera metadata and positions removed, no original file names or times.")
    export.set_defaults(handler=run)
    kinds = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    choose = argparse.ArgumentParser(add_help=False)
    choose.add_argument("--incident", metavar="ID", type=int, action="append", default=[],
                        help=_("only this incident (repeat for more)"))
    choose.add_argument("--photo", metavar="ID", type=int, action="append", default=[],
                        help=_("only this photo (repeat for more)"))
    choose.add_argument("--from", dest="date_from", metavar="DATE", type=date.fromisoformat,
                        help=_("first capture date, YYYY-MM-DD (corrected local time)"))
    choose.add_argument("--to", dest="date_to", metavar="DATE", type=date.fromisoformat,
                        help=_("last capture date, YYYY-MM-DD"))
    choose.add_argument("--json", action="store_true", help=_("print what was done as JSON"))

    gallery = kinds.add_parser("gallery", parents=[choose],
                               help=_("a static HTML gallery, a page per incident"))
    gallery.add_argument("out", metavar="OUT", type=Path, help=_("an empty folder, or an "
                         "earlier gallery export to update"))
    gallery.add_argument("--keep-location", action="store_true",
                         help=_("keep GPS positions in the images and pages (off by default)"))
    gallery.add_argument("--max-size", metavar="PX", type=int, default=2048,
                         help=_("longest side of the published images (default 2048)"))
    gallery.add_argument("--include-untagged", action="store_true",
                         help=_("also publish photos not tagged to an incident"))
    gallery.add_argument("--all-copies", action="store_true",
                         help=_("publish every member of an unresolved duplicate group, not only "
                              "its suggested keeper (copies of restricted photos stay out)"))
    gallery.add_argument("--credit", metavar="TEXT", default="",
                         help=_("credit line shown on the pages and written into each image"))
    gallery.add_argument("--title", metavar="TEXT", default="",
                         help=_('the gallery\'s title (default: "Documented incidents" in the '
                         "gallery's language)"))
    gallery.add_argument("--theme", metavar="DIR", type=Path, default=None,
                         help=_("a theme folder whose templates override the default theme"))
    gallery.add_argument("--workers", metavar="N", type=int, default=None,
                         help=_("processes to encode images with (default: every core)"))
    gallery.add_argument("--sign", metavar="KEYFILE", type=Path, default=None,
                         help=_("sign SHA256SUMS with this Ed25519 key (see `keygen`)"))

    _add_language(gallery, _("the language of the pages: {languages} (default: the "
                                   "command's language, from LANG)"))
    package = kinds.add_parser("package", parents=[choose],
                               help=_("originals, SHA256SUMS, manifest and custody record"))
    package.add_argument("out", metavar="OUT", type=Path, help=_("an empty folder"))
    package.add_argument("--zip", action="store_true", help=_("also write OUT.zip"))
    package.add_argument("--redacted-copies", action="store_true",
                         help=_("also write redacted/: full-size copies of the photos that have "
                         "redaction regions, with the regions hidden"))
    package.add_argument("--sign", metavar="KEYFILE", type=Path, default=None,
                         help=_("sign SHA256SUMS with this Ed25519 key (see `keygen`)"))
    package.add_argument("--include-untagged", action="store_true",
                         help=_("also take photos not tagged to an incident"))
    package.add_argument("--include-restricted", action="store_true",
                         help=_("take restricted photos and copies of them too (marked in the "
                         "manifest, recorded in the custody log)"))
    _add_language(package, _("the language of the README: {languages} (default: the "
                                   "command's language, from LANG)"))
    for kind, what in (("geojson", _("photo positions as GeoJSON")),
                       ("kml", _("photo positions as KML")),
                       ("csv", _("the catalogue as a CSV table"))):
        table = kinds.add_parser(kind, parents=[choose], help=what)
        table.add_argument("file", metavar="FILE", type=Path)
        table.add_argument("--include-restricted", action="store_true",
                           help=_("take restricted photos and copies of them too"))


def _add_language(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--language", metavar="LANG", choices=i18n.LANGUAGES, default=None,
                        help=help_text.format(languages=", ".join(i18n.LANGUAGES)))


COMMANDS = {"export": _add_export}


def run(args: argparse.Namespace) -> int:
    if getattr(args, "max_size", 2048) < 64:
        say(_("--max-size must be at least 64 pixels."))
        return ExitCode.USAGE
    with open_catalogue(args) as catalogue:
        return _run(args, catalogue)


def _run(args: argparse.Namespace, catalogue: Catalogue) -> int:
    known = {i.id for i in catalogue.incidents(include_archived=True)}
    for incident_id in args.incident:
        if incident_id not in known:
            raise IncidentNotFound(incident_id)
    chosen = Selection(tuple(args.incident), tuple(args.photo), args.date_from, args.date_to,
                       include_untagged=getattr(args, "include_untagged", False),
                       include_restricted=getattr(args, "include_restricted", False),
                       all_copies=getattr(args, "all_copies", False))
    who = actor(args)
    if args.kind == "gallery":
        return _gallery(args, catalogue, chosen, who)
    if args.kind == "package":
        return _package(args, catalogue, chosen, who)
    return _file(args, catalogue, chosen, who)


def _gallery(args: argparse.Namespace, catalogue: Catalogue, chosen: Selection,
             who: Actor) -> int:
    from catalog_app.export.gallery import GalleryExport, GalleryOptions
    from catalog_app.export.package import withheld_sentence_in
    from catalog_app.export.selection import WITHHELD, withheld_sentence

    options = GalleryOptions(chosen, args.keep_location, args.max_size, args.credit,
                             args.title, args.theme, args.sign,
                             language=args.language or i18n.current())
    job = GalleryExport(catalogue, args.out, options, who, workers=args.workers)
    drive(job.run(), "Exporting", enabled=not args.json)
    s = job.summary
    if args.json:
        print_json({"out": str(args.out), "exported": s.exported, "reused": s.reused,
                    "signed_by": s.signed_by,
                    "failed": [{"photo": p, "reason": r} for p, r in s.failed or []],
                    "left_out": s.left_out, "withheld": withheld_sentence(s.left_out),
                    "gated_as_copies_of_graphic": s.gated})
    else:
        made, reused = s.exported + s.reused, i18n.number(s.reused)
        print(i18n.counted(
            "Gallery written to {out}: {n} photo ({reused} unchanged since the last export).",
            "Gallery written to {out}: {n} photos ({reused} unchanged since the last export).",
            made, out=safe(args.out), reused=reused) if args.keep_location else
            i18n.counted(
            "Gallery written to {out}: {n} photo ({reused} unchanged since the last export), "
            "locations removed.",
            "Gallery written to {out}: {n} photos ({reused} unchanged since the last export), "
            "locations removed.", made, out=safe(args.out), reused=reused))
        withheld = withheld_sentence_in(s.left_out, i18n.current())
        if withheld:
            print(f"  {withheld}.")
        if s.gated:
            print("  " + i18n.counted(
                "{n} copy of a graphic photo published blurred, behind the warning.",
                "{n} copies of graphic photos published blurred, behind the warning.", s.gated))
        for reason, count in sorted((s.left_out or {}).items()):
            if reason not in WITHHELD:  # those are in the sentence above
                print("  " + _("left out: {count} {reason}").format(count=count, reason=reason))
        for photo_id, reason in s.failed or []:
            print("  " + _("failed: photo {photo}: {reason}").format(photo=photo_id,
                                                                    reason=reason))
    return ExitCode.SOME_FAILED if s.failed else ExitCode.OK


def _package(args: argparse.Namespace, catalogue: Catalogue, chosen: Selection,
             who: Actor) -> int:
    from babel.numbers import format_decimal

    from catalog_app.export.package import PackageExport, withheld_sentence_in

    if args.zip and not args.out.absolute().name:
        say(_("{out} has no name to give the zip file; name the package folder, e.g. "
              "`export package evidence --zip`.").format(out=args.out))
        return ExitCode.USAGE
    if args.zip:  # `.` has no name of its own for OUT.zip; its full path has
        args.out = args.out.absolute()
    job = PackageExport(catalogue, args.out, chosen, who, make_zip=args.zip,
                        sign_with=args.sign, redacted=args.redacted_copies,
                        language=args.language or i18n.current())
    drive(job.run(), "Copying originals", enabled=not args.json)
    s = job.summary
    if args.json:
        print_json({"out": str(args.out), "photos": s.photos, "withheld": s.withheld,
                    "bytes": s.bytes_copied, "zip": s.zip_path, "left_out": s.left_out,
                    "signed_by": s.signed_by, "redacted_copies": s.redacted})
    else:
        print(i18n.counted(
            "Evidence package written to {out}: {n} original ({mb} MB); check it with "
            "`sha256sum -c SHA256SUMS` inside it.",
            "Evidence package written to {out}: {n} originals ({mb} MB); check it with "
            "`sha256sum -c SHA256SUMS` inside it.", s.photos, out=args.out,
            mb=format_decimal(round(s.bytes_copied / 1e6, 1), "0.0", locale=i18n.current())))
        if s.withheld:
            print("  " + _("{withheld} (listed by hash in withheld.csv; --include-restricted "
                           "takes them).").format(
                withheld=withheld_sentence_in(s.left_out, i18n.current())))
        if args.redacted_copies:
            print("  " + i18n.counted(
                "{n} redacted copy in redacted/ (tied to the originals in "
                "redacted/manifest.json)",
                "{n} redacted copies in redacted/ (tied to the originals in "
                "redacted/manifest.json)", s.redacted))
        if s.signed_by:
            print("  " + _("signed: SHA256SUMS.sig, key fingerprint {key}").format(
                key=s.signed_by))
        if s.zip_path:
            print("  " + _("also as {zip}").format(zip=s.zip_path))
    return ExitCode.OK


def _file(args: argparse.Namespace, catalogue: Catalogue, chosen: Selection,
          who: Actor) -> int:
    from catalog_app.export import tables
    from catalog_app.export.package import withheld_sentence_in

    made = tables.export_file(catalogue, args.kind, args.file, chosen, who)
    if args.json:
        print_json({"file": str(args.file), "photos": made.photos, "withheld": made.withheld,
                    "left_out": made.left_out})
    else:
        withheld = withheld_sentence_in(made.left_out, i18n.current())
        if args.kind == "csv":
            said = i18n.counted("Wrote {n} photo to {file}", "Wrote {n} photos to {file}",
                                made.photos, file=args.file)
        else:
            said = i18n.counted("Wrote {n} photo to {file} (photos with a position)",
                                "Wrote {n} photos to {file} (photos with a position)",
                                made.photos, file=args.file)
        if withheld:
            said = _("{said}; {withheld} (--include-restricted takes them)").format(
                said=said, withheld=withheld)
        print(f"{said}.")
    return ExitCode.OK
