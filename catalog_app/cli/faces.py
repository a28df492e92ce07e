"""`catalog-app faces detect|list|review|publish-anyway`: faces found offline, and their review."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.cli.progress import drive
from catalog_app.errors import ExitCode
from catalog_app.i18n import _, counted

if TYPE_CHECKING:
    from catalog_app.db.catalogue import Catalogue


def _ids(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("photo_ids", type=int, nargs="+", metavar="ID", help=_("photo ids"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON object"))


def _add_faces(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Looks for faces in the originals with OpenCV's bundled cascades (frontal and profile; "
        "nothing is downloaded) on worker processes, and records the boxes it proposes. A "
        "gallery withholds a photo with faces found as 'redaction not reviewed' until a person "
        "reviews it, or says to publish it anyway (both logged).")
    actions = parser.add_subparsers(dest="faces_action", metavar="ACTION", required=True)
    detect = actions.add_parser("detect", help=_("scan photos for faces (all not yet scanned)"),
                                description=_("Scans every photo not yet scanned by this "
                                              "detector (or those named with --photo)."))
    detect.add_argument("--photo", dest="photo_ids", type=int, action="append", metavar="ID",
                        help=_("scan this photo (repeatable; default: every photo)"))
    detect.add_argument("--again", action="store_true",
                        help=_("scan photos already scanned by this detector too"))
    detect.add_argument("--workers", type=int, default=None, metavar="N",
                        help=_("worker processes (default: one per core; 0: in this process)"))
    detect.add_argument("--json", action="store_true", help=_("print a JSON object"))
    detect.set_defaults(action_handler=detect_faces)
    listing = actions.add_parser("list", help=_("photos whose faces are not reviewed (--all: "
                                                "every scanned photo)"))
    listing.add_argument("--all", action="store_true",
                         help=_("every photo scanned, with status"))
    listing.add_argument("--json", action="store_true", help=_("print a JSON list"))
    listing.set_defaults(action_handler=list_faces)
    review = actions.add_parser("review", help=_("mark photos' proposed faces as reviewed "
                                                 "(logged): galleries may publish them"))
    _ids(review)
    review.set_defaults(action_handler=review_faces)
    anyway = actions.add_parser("publish-anyway", help=_("publish photos with faces found, "
                                                         "unreviewed and unredacted (logged)"))
    _ids(anyway)
    anyway.set_defaults(action_handler=publish_anyway)
    parser.set_defaults(handler=lambda args: args.action_handler(args))


COMMANDS = {"faces": _add_faces}


def detect_faces(args: argparse.Namespace) -> int:
    from catalog_app.services.faces import FaceJob

    with open_catalogue(args) as catalogue:
        job = FaceJob(catalogue, actor(args), args.photo_ids, again=args.again,
                      workers=args.workers)
        drive(job.run(), _("Looking for faces"), enabled=not args.json)
        s = job.summary
        unreviewed = len(catalogue.faces_unreviewed())
    if args.json:
        print_json({"scanned": s.scanned, "with_faces": s.with_faces, "faces": s.faces,
                    "skipped": s.skipped, "changed": s.changed, "unreviewed": unreviewed,
                    "failed": [{"photo": p, "reason": r} for p, r in s.failed],
                    "cancelled": s.cancelled})
    else:
        faces = counted("{n} face", "{n} faces", s.faces)
        scanned = (counted("Scanned {n} photo: {faces} found in {with_faces}; {skipped} "
                           "already scanned.",
                           "Scanned {n} photos: {faces} found in {with_faces}; {skipped} "
                           "already scanned.", s.scanned, faces=faces,
                           with_faces=s.with_faces, skipped=s.skipped) if s.skipped else
                   counted("Scanned {n} photo: {faces} found in {with_faces}.",
                           "Scanned {n} photos: {faces} found in {with_faces}.", s.scanned,
                           faces=faces, with_faces=s.with_faces))
        print(scanned + " " + counted(
            "{n} photo with faces not reviewed: galleries withhold it until reviewed "
            "(`catalog-app faces review ID…`) or published anyway.",
            "{n} photos with faces not reviewed: galleries withhold them until reviewed "
            "(`catalog-app faces review ID…`) or published anyway.", unreviewed))
        for photo_id, reason in s.failed:
            say(_("photo {id}: {reason}").format(id=photo_id, reason=reason))
    return ExitCode.SOME_FAILED if s.failed else ExitCode.OK


def scan_imported(catalogue: Catalogue, args: argparse.Namespace,
                  photo_ids: Sequence[int]) -> None:
    """`import --faces`: scan the photos this import added, on the import's workers; one
    line after the import's summary (none with --json: `faces list --json` says it all)."""
    from catalog_app.services.faces import FaceJob

    if not photo_ids:
        return
    job = FaceJob(catalogue, actor(args), photo_ids, workers=args.workers)
    drive(job.run(), _("Looking for faces"), enabled=not args.json)
    s = job.summary
    if not args.json:
        print(counted("Faces: {faces} found in {with_faces} of the {n} new photo; galleries "
                      "withhold them until reviewed (`catalog-app faces list`).",
                      "Faces: {faces} found in {with_faces} of the {n} new photos; galleries "
                      "withhold them until reviewed (`catalog-app faces list`).", s.scanned,
                      faces=s.faces, with_faces=s.with_faces))
    for photo_id, reason in s.failed:
        say(_("photo {id}: {reason}").format(id=photo_id, reason=reason))


def list_faces(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        ids = ([p.id for p in catalogue.photos()] if args.all else catalogue.faces_unreviewed())
        scans = [s for s in (catalogue.face_scan(i) for i in sorted(ids)) if s is not None]
    if args.json:
        print_json([{"photo": s.photo_id, "faces": len(s.boxes), "unreviewed": s.unreviewed,
                     "reviewed_by": s.reviewed_by, "reviewed_at": s.reviewed_at,
                     "published_anyway_by": s.published_anyway_by,
                     "published_anyway_at": s.published_anyway_at,
                     "boxes": [{"x": b.x, "y": b.y, "w": b.w, "h": b.h, "score": b.score,
                                "kind": b.kind} for b in s.boxes]} for s in scans])
        return ExitCode.OK
    for scan in scans:
        print(_("photo {id}: {reason}").format(id=scan.photo_id, reason=scan.status()))
    if not scans:
        print(_("No photo with faces waits for review.") if not args.all
              else _("No photo has been scanned for faces (`catalog-app faces detect`)."))
    return ExitCode.OK


def _decide(args: argparse.Namespace, anyway: bool) -> int:
    with open_catalogue(args) as catalogue:
        who = actor(args)
        changed = (catalogue.publish_faces_anyway(args.photo_ids, who) if anyway
                   else catalogue.mark_faces_reviewed(args.photo_ids, who))
    if args.json:
        print_json({"changed": changed, "photos": args.photo_ids})
    else:
        already = len(set(args.photo_ids)) - changed
        if anyway and already:
            text = counted("{n} photo marked to be published anyway (logged); {already} "
                           "already were.",
                           "{n} photos marked to be published anyway (logged); {already} "
                           "already were.", changed, already=already)
        elif anyway:
            text = counted("{n} photo marked to be published anyway (logged).",
                           "{n} photos marked to be published anyway (logged).", changed)
        elif already:
            text = counted("{n} photo marked reviewed; {already} already were.",
                           "{n} photos marked reviewed; {already} already were.", changed,
                           already=already)
        else:
            text = counted("{n} photo marked reviewed.", "{n} photos marked reviewed.", changed)
        print(text)
    return ExitCode.OK


def review_faces(args: argparse.Namespace) -> int:
    return _decide(args, anyway=False)


def publish_anyway(args: argparse.Namespace) -> int:
    return _decide(args, anyway=True)
