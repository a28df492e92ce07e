"""`catalog-app faces detect|list|review|publish-anyway`: faces found offline, and their review."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.cli.progress import drive
from catalog_app.core.labels import counted
from catalog_app.errors import ExitCode

if TYPE_CHECKING:
    from catalog_app.db.catalogue import Catalogue


def _ids(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("photo_ids", type=int, nargs="+", metavar="ID")
    parser.add_argument("--json", action="store_true")


def _add_faces(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Looks for faces in the originals with OpenCV's bundled cascades (frontal and profile; "
        "nothing is downloaded) on worker processes, and records the boxes it proposes. A "
        "gallery withholds a photo with faces found as 'redaction not reviewed' until a person "
        "reviews it, or says to publish it anyway (both logged).")
    actions = parser.add_subparsers(dest="faces_action", metavar="ACTION", required=True)
    detect = actions.add_parser("detect", help="scan photos for faces (all not yet scanned)",
                                description="Scans every photo not yet scanned by this "
                                            "detector (or those named with --photo).")
    detect.add_argument("--photo", dest="photo_ids", type=int, action="append", metavar="ID",
                        help="scan this photo (repeatable; default: every photo)")
    detect.add_argument("--again", action="store_true",
                        help="scan photos already scanned by this detector too")
    detect.add_argument("--workers", type=int, default=None, metavar="N",
                        help="worker processes (default: one per core; 0: in this process)")
    detect.add_argument("--json", action="store_true")
    detect.set_defaults(action_handler=detect_faces)
    listing = actions.add_parser("list", help="photos whose faces are not reviewed (--all: "
                                              "every scanned photo)")
    listing.add_argument("--all", action="store_true", help="every photo scanned, with status")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(action_handler=list_faces)
    review = actions.add_parser("review", help="mark photos' proposed faces as reviewed "
                                               "(logged): galleries may publish them")
    _ids(review)
    review.set_defaults(action_handler=review_faces)
    anyway = actions.add_parser("publish-anyway", help="publish photos with faces found, "
                                                       "unreviewed and unredacted (logged)")
    _ids(anyway)
    anyway.set_defaults(action_handler=publish_anyway)
    parser.set_defaults(handler=lambda args: args.action_handler(args))


COMMANDS = {"faces": _add_faces}


def detect_faces(args: argparse.Namespace) -> int:
    from catalog_app.services.faces import FaceJob

    with open_catalogue(args) as catalogue:
        job = FaceJob(catalogue, actor(args), args.photo_ids, again=args.again,
                      workers=args.workers)
        drive(job.run(), "Looking for faces", enabled=not args.json)
        s = job.summary
        unreviewed = len(catalogue.faces_unreviewed())
    if args.json:
        print_json({"scanned": s.scanned, "with_faces": s.with_faces, "faces": s.faces,
                    "skipped": s.skipped, "changed": s.changed, "unreviewed": unreviewed,
                    "failed": [{"photo": p, "reason": r} for p, r in s.failed],
                    "cancelled": s.cancelled})
    else:
        print(f"Scanned {counted(s.scanned, 'photo')}: {counted(s.faces, 'face')} found in "
              f"{s.with_faces}{f'; {s.skipped} already scanned' if s.skipped else ''}. "
              f"{counted(unreviewed, 'photo')} "
              "with faces not reviewed: galleries withhold them until reviewed "
              "(`catalog-app faces review ID…`) or published anyway.")
        for photo_id, reason in s.failed:
            say(f"photo {photo_id}: {reason}")
    return ExitCode.SOME_FAILED if s.failed else ExitCode.OK


def scan_imported(catalogue: Catalogue, args: argparse.Namespace,
                  photo_ids: Sequence[int]) -> None:
    """`import --faces`: scan the photos this import added, on the import's workers; one
    line after the import's summary (none with --json: `faces list --json` says it all)."""
    from catalog_app.services.faces import FaceJob

    if not photo_ids:
        return
    job = FaceJob(catalogue, actor(args), photo_ids, workers=args.workers)
    drive(job.run(), "Looking for faces", enabled=not args.json)
    s = job.summary
    if not args.json:
        print(f"Faces: {s.faces} found in {s.with_faces} of the {counted(s.scanned, 'new photo')}; "
              "galleries withhold them until reviewed (`catalog-app faces list`).")
    for photo_id, reason in s.failed:
        say(f"photo {photo_id}: {reason}")


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
        print(f"photo {scan.photo_id}: {scan.status()}")
    if not scans:
        print("No photo with faces waits for review." if not args.all
              else "No photo has been scanned for faces (`catalog-app faces detect`).")
    return ExitCode.OK


def _decide(args: argparse.Namespace, anyway: bool) -> int:
    with open_catalogue(args) as catalogue:
        who = actor(args)
        changed = (catalogue.publish_faces_anyway(args.photo_ids, who) if anyway
                   else catalogue.mark_faces_reviewed(args.photo_ids, who))
    if args.json:
        print_json({"changed": changed, "photos": args.photo_ids})
    else:
        what = "to be published anyway (logged)" if anyway else "reviewed"
        already = len(set(args.photo_ids)) - changed
        print(f"{counted(changed, 'photo')} marked {what}"
              f"{f'; {already} already were' if already else ''}.")
    return ExitCode.OK


def review_faces(args: argparse.Namespace) -> int:
    return _decide(args, anyway=False)


def publish_anyway(args: argparse.Namespace) -> int:
    return _decide(args, anyway=True)
