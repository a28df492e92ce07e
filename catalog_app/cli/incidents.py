"""`catalog-app incidents ...`, `tag`, `untag` and `caption`: sites, events and what photos show."""

from __future__ import annotations

import argparse
import sys

from catalog_app import jsonout
from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.cli.terminal import safe
from catalog_app.core import incident_fields
from catalog_app.core.labels import counted
from catalog_app.core.models import Incident
from catalog_app.errors import ExitCode, IncidentNotFound


def _incident_fields(parser: argparse.ArgumentParser, editing: bool) -> None:
    parser.add_argument("--name", required=not editing)
    parser.add_argument("--kind", help="e.g. mass grave, strike on a hospital, destroyed housing")
    parser.add_argument("--place", help="place name")
    parser.add_argument("--lat", type=float)
    parser.add_argument("--lon", type=float)
    parser.add_argument("--radius-m", type=float, help="radius of the site in metres")
    parser.add_argument("--start", metavar="ISO", help="start date-time, ISO 8601 with offset")
    parser.add_argument("--end", metavar="ISO", help="end date-time, ISO 8601 with offset")
    parser.add_argument("--description", default=None if editing else "")
    parser.add_argument("--sources", default=None if editing else "",
                        help="reports, links, witness references")
    parser.add_argument("--json", action="store_true", help='print {"id": N}')


def _add_incidents(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="incident_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add an incident; prints its id")
    _incident_fields(add, editing=False)
    edit = actions.add_parser("edit", help="change fields of an incident")
    edit.add_argument("id", type=int, metavar="ID")
    _incident_fields(edit, editing=True)
    listing = actions.add_parser("list", help="list incidents with their photo counts")
    listing.add_argument("--all", action="store_true", help="archived ones too")
    listing.add_argument("--json", action="store_true")
    merge = actions.add_parser("merge", help="move an incident's photos into another and "
                               "archive it")
    merge.add_argument("id", type=int, metavar="ID")
    merge.add_argument("--into", type=int, required=True, metavar="ID")
    archive = actions.add_parser("archive", help="hide an incident from the lists (its "
                                 "photos stay tagged); --restore brings it back")
    archive.add_argument("id", type=int, metavar="ID")
    archive.add_argument("--restore", action="store_true")
    delete = actions.add_parser("delete", help="delete an incident; its photos are untagged, "
                                "never deleted")
    delete.add_argument("id", type=int, metavar="ID")
    delete.add_argument("--yes", action="store_true",
                        help="do it even if photos are tagged to it (they are untagged)")
    parser.set_defaults(handler=incidents)


def _add_tag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--incident", type=int, required=True, metavar="ID")
    parser.add_argument("photos", type=int, nargs="+", metavar="PHOTO")
    parser.set_defaults(handler=tag)


def _add_untag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("photos", type=int, nargs="+", metavar="PHOTO")
    parser.set_defaults(handler=tag, incident=None)


def _add_caption(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("photo", type=int, metavar="PHOTO")
    parser.add_argument("text", metavar="TEXT")
    parser.set_defaults(handler=caption)


COMMANDS = {"incidents": _add_incidents, "tag": _add_tag, "untag": _add_untag,
            "caption": _add_caption}


def incidents(args: argparse.Namespace) -> int:
    if args.incident_action == "list":
        with open_catalogue(args) as catalogue:
            found = catalogue.incidents(include_archived=args.all)
        if args.json:
            print_json([jsonout.incident(i) for i in found])
        else:
            for i in found:
                print(safe(f"{i.id:>5}  {i.name}  ({i.photo_count} photos)"
                           + (f"  {i.place}" if i.place else "") + ("  [archived]" if i.archived
                                                                    else "")))
        return ExitCode.OK
    if args.incident_action in {"merge", "archive", "delete"}:
        return _incident_lifecycle(args)
    _check_fields(args)  # BadIncident is a usage error, in one sentence
    if args.incident_action == "edit":
        fields = {"name": args.name, "kind": args.kind, "place": args.place, "lat": args.lat,
                  "lon": args.lon, "radius_m": args.radius_m, "starts_at": args.start,
                  "ends_at": args.end, "description": args.description,
                  "sources": args.sources}
        changes = {k: v for k, v in fields.items() if v is not None}
        with open_catalogue(args) as catalogue:
            catalogue.edit_incident(args.id, changes, actor(args))
        if args.json:
            print_json({"id": args.id})
        else:
            print(f"Incident {args.id}: {counted(len(changes), 'field')} changed.")
        return ExitCode.OK
    incident = Incident(id=0, name=args.name.strip(), kind=args.kind, place=args.place,
                        lat=args.lat, lon=args.lon, radius_m=args.radius_m,
                        starts_at=args.start, ends_at=args.end, description=args.description,
                        sources=args.sources)
    with open_catalogue(args, create=True) as catalogue:
        new_id = catalogue.add_incident(incident, actor(args))
    if args.json:
        print_json({"id": new_id})
    else:
        print(f"Added incident {new_id}: {incident.name}.")
    return ExitCode.OK


def _incident_lifecycle(args: argparse.Namespace) -> int:
    who = actor(args)
    with open_catalogue(args) as catalogue:
        if args.incident_action == "archive":
            catalogue.edit_incident(args.id, {"archived": 0 if args.restore else 1}, who)
            print(f"Incident {args.id} {'restored' if args.restore else 'archived'}.")
            return ExitCode.OK
        if args.incident_action == "merge":
            if args.id == args.into:
                say("An incident cannot be merged into itself.")
                return ExitCode.USAGE
            moved = catalogue.merge_incidents(args.id, args.into, who)
            print(f"Incident {args.id} merged into {args.into}: {counted(moved, 'photo')} moved; "
                  f"incident {args.id} is archived.")
            return ExitCode.OK
        count = next((i.photo_count for i in catalogue.incidents(include_archived=True)
                      if i.id == args.id), None)
        if count is None:
            raise IncidentNotFound(args.id)
        if count and not args.yes and not _confirmed(
                f"Incident {args.id} has {counted(count, 'photo')}. Untag them and delete the "
                "incident? Photos are never deleted. [y/N] "):
            say(f"Incident {args.id} has {counted(count, 'photo')}; nothing was deleted (add "
                "--yes to untag them and delete it).")
            return ExitCode.USAGE
        untagged = catalogue.delete_incident(args.id, who)
    print(f"Incident {args.id} deleted; {counted(untagged, 'photo')} untagged (its values are "
          "kept in the custody log).")
    return ExitCode.OK


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    return input(question).strip().lower() in {"y", "yes"}


def _check_fields(args: argparse.Namespace) -> None:
    found = incident_fields.problem(name=args.name, lat=args.lat, lon=args.lon,
                                    starts_at=args.start, ends_at=args.end)
    if found:
        raise incident_fields.BadIncident(found)


def caption(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        changed = catalogue.set_caption(args.photo, args.text, actor(args))
    print(f"Photo {args.photo}: caption {'set' if changed else 'unchanged'}.")
    return ExitCode.OK


def tag(args: argparse.Namespace) -> int:
    incident = args.incident  # None for `untag`
    with open_catalogue(args) as catalogue:
        changed = catalogue.tag(args.photos, incident, actor(args))
    where = f"incident {incident}" if incident is not None else "no incident"
    print(f"{counted(changed, 'photo')} now in {where}; {len(args.photos) - changed} already were.")
    return ExitCode.OK
