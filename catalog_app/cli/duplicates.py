"""`catalog-app duplicates`: list duplicate groups, resolve one, accept the suggested keepers."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from catalog_app import jsonout
from catalog_app.cli.common import actor, open_catalogue, pgettext, print_json, say
from catalog_app.core import dedup
from catalog_app.core.hash_index import EXHAUSTIVE_RADIUS
from catalog_app.errors import ExitCode
from catalog_app.i18n import N_, _, counted
from catalog_app.services import duplicates as duplicate_service

if TYPE_CHECKING:
    from catalog_app.db.catalogue import Catalogue


def _threshold(text: str) -> int:
    try:
        return dedup.parse_threshold(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("use strict, normal, loose or a number of bits from 0 to {most}").format(
                most=EXHAUSTIVE_RADIUS)) from None


def threshold_help() -> str:
    return _("strict ({strict}), normal ({normal}, the default), loose ({loose}; searches "
             "exhaustively, slower on big catalogues) or bits 0-{most}").format(
        strict=dedup.THRESHOLDS["strict"], normal=dedup.THRESHOLDS["normal"],
        loose=dedup.THRESHOLDS["loose"], most=EXHAUSTIVE_RADIUS)


def _add_duplicates(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Exact copies, same-pixel copies and near copies (resized, recompressed, re-encoded, "
        "rotated, mirrored; screenshots, borders, status bars and crops confirmed by local "
        "features on the thumbnails), grouped. Nothing is deleted: a duplicate is linked to "
        "the photo kept. Suggested keeper: {rule}.").format(
        rule=_(KEEPER_RULE) if dedup.KEEPER_RULE == KEEPER_RULE else dedup.KEEPER_RULE)
    threshold = argparse.ArgumentParser(add_help=False)
    threshold.add_argument("--threshold", type=_threshold, default=dedup.DEFAULT_THRESHOLD,
                           metavar="T", help=threshold_help())
    parser.add_argument("--threshold", type=_threshold, default=dedup.DEFAULT_THRESHOLD,
                        metavar="T", help=threshold_help())
    parser.add_argument("--similar", action="store_true",
                        help=_("also list the weaker tier: distinct shots of one scene"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON list"))
    parser.add_argument("--why", action="store_true",
                        help=_("under each group, why each member is in it"))
    parser.set_defaults(handler=list_groups)
    actions = parser.add_subparsers(dest="dup_action", metavar="ACTION")
    resolve = actions.add_parser("resolve", parents=[threshold],
                                 help=_("decide one group: keep a photo, or not duplicates"))
    resolve.add_argument("group", type=int, metavar="GROUP",
                         help=_("the group's number, as `catalog-app duplicates` lists it"))
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keeper", type=int, metavar="ID",
                        help=_("keep this photo; link the others to it"))
    choice.add_argument("--not-duplicate", action="store_true",
                        help=_("these photos are distinct: never group them again"))
    resolve.set_defaults(handler=resolve_group)
    accept = actions.add_parser("accept", parents=[threshold],
                                help=_("keep the suggested keeper of every group within a "
                                       "distance"))
    accept.add_argument("--max-distance", type=int, default=4, metavar="N",
                        help=_("only groups whose members are all within N bits (default 4)"))
    accept.set_defaults(handler=accept_suggested)


COMMANDS = {"duplicates": _add_duplicates}



def _kind(kind: str) -> str:
    """How the table names a kind of group (the JSON keeps the kind itself)."""
    return {"same-bytes": pgettext("duplicate group", "same-bytes"),
            "same-pixels": pgettext("duplicate group", "same-pixels"),
            "near": pgettext("duplicate group", "near"),
            "similar": pgettext("duplicate group", "similar")}.get(kind, kind)

# dedup.KEEPER_RULE, marked here for translation (a test keeps the two the same)
KEEPER_RULE = N_("largest pixel count, then the original over re-encodings (camera EXIF or "
                 "capture time kept, then HEIF/raw/JPEG over PNG/WebP, then the larger file), "
                 "then earliest capture time, then has GPS")


def _hashed(catalogue: Catalogue) -> None:
    missing = catalogue.photos_missing_hashes()
    if missing:
        say(counted("Computing duplicate hashes for {n} photo imported before they existed "
                    "(once only).",
                    "Computing duplicate hashes for {n} photos imported before they existed "
                    "(once only).", len(missing)))
        duplicate_service.ensure_hashes(catalogue)


def resolve_group(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        _hashed(catalogue)
        group = duplicate_service.find_group(catalogue, args.group, args.threshold)
        if args.not_duplicate:
            duplicate_service.not_duplicates(catalogue, group, actor(args))
            print(_("Group {id}: recorded as not duplicates; it will not come back.").format(
                id=group.id))
        else:
            duplicate_service.keep(catalogue, group, args.keeper, actor(args))
            print(counted("Group {id}: keeping photo {keeper}; {n} linked to it as a "
                          "duplicate.",
                          "Group {id}: keeping photo {keeper}; {n} linked to it as duplicates.",
                          len(group.members) - 1, id=group.id, keeper=args.keeper))
    return ExitCode.OK


def accept_suggested(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        _hashed(catalogue)
        count = duplicate_service.accept_suggested(catalogue, args.max_distance, actor(args),
                                                   args.threshold)
    print(counted("Accepted the suggested keeper of {n} group.",
                  "Accepted the suggested keeper of {n} groups.", count))
    return ExitCode.OK


def list_groups(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        _hashed(catalogue)
        found = duplicate_service.groups(catalogue, args.threshold, args.similar)
    if args.json:
        print_json([jsonout.duplicate_group(g) for g in found])
        return ExitCode.OK
    for g in found:
        state = (pgettext("duplicate group", "resolved") if g.resolved
                 else pgettext("duplicate group", "open"))
        members = ", ".join(f"{m.photo}" + ("*" if m.photo == g.keeper else f" ({m.distance})")
                            for m in g.members)
        print(_("group {id:>6}  {kind:<11} {state:<8}  {members}").format(
            id=g.id, kind=_kind(str(g.kind)), state=state, members=members))
        if args.why:
            for m in g.members:
                print(f"{'':14}" + _("photo {id}: {reason}").format(id=m.photo, reason=m.reason))
    print(counted("{n} group; * marks the suggested or chosen keeper, (n) its distance in bits.",
                  "{n} groups; * marks the suggested or chosen keeper, (n) its distance in bits.",
                  len(found)))
    return ExitCode.OK
