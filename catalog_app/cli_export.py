"""`catalog-app export ...`: galleries, evidence packages, GeoJSON, KML and CSV."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from catalog_app import settings
from catalog_app.cli_common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, print_json, say
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import IncidentNotFound
from catalog_app.export import tables
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection


def add_parser(commands) -> None:
    export = commands.add_parser(
        "export", help="export a gallery to publish, an evidence package, positions, a table",
        description="Galleries are safe to publish by default: keepers only, never restricted "
        "photos, all camera metadata and positions removed, no original file names or times.")
    kinds = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    choose = argparse.ArgumentParser(add_help=False)
    choose.add_argument("--incident", metavar="ID", type=int, action="append", default=[],
                        help="only this incident (repeat for more)")
    choose.add_argument("--photo", metavar="ID", type=int, action="append", default=[],
                        help="only this photo (repeat for more)")
    choose.add_argument("--from", dest="date_from", metavar="DATE", type=date.fromisoformat,
                        help="first capture date, YYYY-MM-DD (corrected local time)")
    choose.add_argument("--to", dest="date_to", metavar="DATE", type=date.fromisoformat,
                        help="last capture date, YYYY-MM-DD")
    choose.add_argument("--json", action="store_true", help="print what was done as JSON")

    gallery = kinds.add_parser("gallery", parents=[choose],
                               help="a static HTML gallery, a page per incident")
    gallery.add_argument("out", metavar="OUT", type=Path, help="an empty folder, or an "
                         "earlier gallery export to update")
    gallery.add_argument("--keep-location", action="store_true",
                         help="keep GPS positions in the images and pages (off by default)")
    gallery.add_argument("--max-size", metavar="PX", type=int, default=2048,
                         help="longest side of the published images (default 2048)")
    gallery.add_argument("--include-untagged", action="store_true",
                         help="also publish photos not tagged to an incident")
    gallery.add_argument("--credit", metavar="TEXT", default="",
                         help="credit line shown on the pages and written into each image")
    gallery.add_argument("--title", metavar="TEXT", default="Documented incidents")
    gallery.add_argument("--theme", metavar="DIR", type=Path, default=None,
                         help="a theme folder whose templates override the default theme")
    gallery.add_argument("--workers", metavar="N", type=int, default=None,
                         help="processes to encode images with (default: every core)")
    gallery.add_argument("--sign", metavar="KEYFILE", type=Path, default=None,
                         help="sign SHA256SUMS with this Ed25519 key (see `keygen`)")

    package = kinds.add_parser("package", parents=[choose],
                               help="originals, SHA256SUMS, manifest and custody record")
    package.add_argument("out", metavar="OUT", type=Path, help="an empty folder")
    package.add_argument("--zip", action="store_true", help="also write OUT.zip")
    package.add_argument("--sign", metavar="KEYFILE", type=Path, default=None,
                         help="sign SHA256SUMS with this Ed25519 key (see `keygen`)")
    package.add_argument("--include-untagged", action="store_true",
                         help="also take photos not tagged to an incident")
    package.add_argument("--include-restricted", action="store_true",
                         help="take restricted photos too (recorded in the custody log)")
    for kind, what in (("geojson", "photo positions as GeoJSON"),
                       ("kml", "photo positions as KML"),
                       ("csv", "the catalogue as a CSV table")):
        table = kinds.add_parser(kind, parents=[choose], help=what)
        table.add_argument("file", metavar="FILE", type=Path)
        table.add_argument("--include-restricted", action="store_true",
                           help="take restricted photos too")


def run(args: argparse.Namespace, catalogue: Catalogue) -> int:
    if getattr(args, "max_size", 2048) < 64:
        say("--max-size must be at least 64 pixels.")
        return EXIT_USAGE
    known = {i.id for i in catalogue.incidents(include_archived=True)}
    for incident_id in args.incident:
        if incident_id not in known:
            raise IncidentNotFound(incident_id)
    chosen = Selection(tuple(args.incident), tuple(args.photo), args.date_from, args.date_to,
                       include_untagged=getattr(args, "include_untagged", False),
                       include_restricted=getattr(args, "include_restricted", False))
    actor = settings.actor(args.operator)
    if args.kind == "gallery":
        return _gallery(args, catalogue, chosen, actor)
    if args.kind == "package":
        return _package(args, catalogue, chosen, actor)
    return _file(args, catalogue, chosen, actor)


def _gallery(args, catalogue: Catalogue, chosen: Selection, actor) -> int:
    options = GalleryOptions(chosen, args.keep_location, args.max_size, args.credit,
                             args.title, args.theme, args.sign)
    job = GalleryExport(catalogue, args.out, options, actor, workers=args.workers)
    _drive(job.run(), "Exporting", not args.json)
    s = job.summary
    if args.json:
        print_json({"out": str(args.out), "exported": s.exported, "reused": s.reused,
                    "signed_by": s.signed_by,
                    "failed": [{"photo": p, "reason": r} for p, r in s.failed or []],
                    "left_out": s.left_out})
    else:
        print(f"Gallery written to {args.out}: {s.exported + s.reused} photos "
              f"({s.reused} unchanged since the last export)"
              f"{'' if args.keep_location else ', locations removed'}.")
        for reason, count in sorted((s.left_out or {}).items()):
            print(f"  left out: {count} {reason}")
        for photo_id, reason in s.failed or []:
            print(f"  failed: photo {photo_id}: {reason}")
    return EXIT_SOME_FAILED if s.failed else EXIT_OK


def _package(args, catalogue: Catalogue, chosen: Selection, actor) -> int:
    job = PackageExport(catalogue, args.out, chosen, actor, make_zip=args.zip,
                        sign_with=args.sign)
    _drive(job.run(), "Copying originals", not args.json)
    s = job.summary
    if args.json:
        print_json({"out": str(args.out), "photos": s.photos, "withheld": s.withheld,
                    "bytes": s.bytes_copied, "zip": s.zip_path, "left_out": s.left_out,
                    "signed_by": s.signed_by})
    else:
        print(f"Evidence package written to {args.out}: {s.photos} originals "
              f"({s.bytes_copied / 1e6:.1f} MB); check it with `sha256sum -c SHA256SUMS` "
              "inside it.")
        if s.withheld:
            print(f"  {s.withheld} restricted photo(s) withheld (listed by hash in "
                  "withheld.csv; --include-restricted takes them).")
        if s.signed_by:
            print(f"  signed: SHA256SUMS.sig, key fingerprint {s.signed_by}")
        if s.zip_path:
            print(f"  also as {s.zip_path}")
    return EXIT_OK


def _file(args, catalogue: Catalogue, chosen: Selection, actor) -> int:
    made = tables.export_file(catalogue, args.kind, args.file, chosen, actor)
    if args.json:
        print_json({"file": str(args.file), "photos": made.photos, "withheld": made.withheld})
    else:
        print(f"Wrote {made.photos} photo{'s' * (made.photos != 1)} to {args.file}"
              f"{'' if args.kind == 'csv' else ' (photos with a position)'}"
              f"{f'; {made.withheld} restricted withheld' if made.withheld else ''}.")
    return EXIT_OK


def _drive(events, label: str, allowed: bool) -> None:
    from tqdm import tqdm

    show = allowed and sys.stderr.isatty()
    bar = None
    try:
        for event in events:
            if not show:
                continue
            if bar is None:
                bar = tqdm(total=event.total, unit="photo", file=sys.stderr, desc=label,
                           dynamic_ncols=True)
            bar.update(event.done - bar.n)
    finally:
        if bar is not None:
            bar.close()
