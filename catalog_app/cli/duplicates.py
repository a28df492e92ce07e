"""`catalog-app duplicates`: list duplicate groups, resolve one, accept the suggested keepers."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from catalog_app import jsonout
from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.core import dedup
from catalog_app.core.hash_index import EXHAUSTIVE_RADIUS
from catalog_app.core.labels import counted
from catalog_app.errors import ExitCode
from catalog_app.services import duplicates as duplicate_service

if TYPE_CHECKING:
    from catalog_app.db.catalogue import Catalogue


def _threshold(text: str) -> int:
    try:
        return dedup.parse_threshold(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"use strict, normal, loose or a number of bits from 0 to {EXHAUSTIVE_RADIUS}"
        ) from None


THRESHOLD_HELP = (
    f"strict ({dedup.THRESHOLDS['strict']}), normal ({dedup.THRESHOLDS['normal']}, the "
    f"default), loose ({dedup.THRESHOLDS['loose']}; searches exhaustively, slower on big "
    f"catalogues) or bits 0-{EXHAUSTIVE_RADIUS}")


def _add_duplicates(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Exact copies, same-pixel copies and near copies (resized, recompressed, re-encoded, "
        "rotated, mirrored; screenshots, borders, status bars and crops confirmed by local "
        "features on the thumbnails), grouped. Nothing is deleted: a duplicate is linked to "
        f"the photo kept. Suggested keeper: {dedup.KEEPER_RULE}.")
    threshold = argparse.ArgumentParser(add_help=False)
    threshold.add_argument("--threshold", type=_threshold, default=dedup.DEFAULT_THRESHOLD,
                           metavar="T", help=THRESHOLD_HELP)
    parser.add_argument("--threshold", type=_threshold, default=dedup.DEFAULT_THRESHOLD,
                        metavar="T", help=THRESHOLD_HELP)
    parser.add_argument("--similar", action="store_true",
                        help="also list the weaker tier: distinct shots of one scene")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--why", action="store_true",
                        help="under each group, why each member is in it")
    parser.set_defaults(handler=list_groups)
    actions = parser.add_subparsers(dest="dup_action", metavar="ACTION")
    resolve = actions.add_parser("resolve", parents=[threshold],
                                 help="decide one group: keep a photo, or not duplicates")
    resolve.add_argument("group", type=int, metavar="GROUP")
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keeper", type=int, metavar="ID",
                        help="keep this photo; link the others to it")
    choice.add_argument("--not-duplicate", action="store_true",
                        help="these photos are distinct: never group them again")
    resolve.set_defaults(handler=resolve_group)
    accept = actions.add_parser("accept", parents=[threshold],
                                help="keep the suggested keeper of every group within a distance")
    accept.add_argument("--max-distance", type=int, default=4, metavar="N",
                        help="only groups whose members are all within N bits (default 4)")
    accept.set_defaults(handler=accept_suggested)


COMMANDS = {"duplicates": _add_duplicates}


def _hashed(catalogue: Catalogue) -> None:
    missing = catalogue.photos_missing_hashes()
    if missing:
        say(f"Computing duplicate hashes for {len(missing)} photos imported before they "
            "existed (once only).")
        duplicate_service.ensure_hashes(catalogue)


def resolve_group(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        _hashed(catalogue)
        group = duplicate_service.find_group(catalogue, args.group, args.threshold)
        if args.not_duplicate:
            duplicate_service.not_duplicates(catalogue, group, actor(args))
            print(f"Group {group.id}: recorded as not duplicates; it will not come back.")
        else:
            duplicate_service.keep(catalogue, group, args.keeper, actor(args))
            print(f"Group {group.id}: keeping photo {args.keeper}; "
                  f"{len(group.members) - 1} linked to it as duplicates.")
    return ExitCode.OK


def accept_suggested(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        _hashed(catalogue)
        count = duplicate_service.accept_suggested(catalogue, args.max_distance, actor(args),
                                                   args.threshold)
    print(f"Accepted the suggested keeper of {counted(count, 'group')}.")
    return ExitCode.OK


def list_groups(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        _hashed(catalogue)
        found = duplicate_service.groups(catalogue, args.threshold, args.similar)
    if args.json:
        print_json([jsonout.duplicate_group(g) for g in found])
        return ExitCode.OK
    for g in found:
        state = "resolved" if g.resolved else "open"
        members = ", ".join(f"{m.photo}" + ("*" if m.photo == g.keeper else f" ({m.distance})")
                            for m in g.members)
        print(f"group {g.id:>6}  {g.kind:<11} {state:<8}  {members}")
        if args.why:
            for m in g.members:
                print(f"{'':14}photo {m.photo}: {m.reason}")
    print(f"{counted(len(found), 'group')}; * marks the suggested or chosen keeper, (n) its "
          "distance in bits.")
    return ExitCode.OK
