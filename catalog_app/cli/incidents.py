"""`catalog-app incidents ...`, `tag`, `untag` and `caption`: sites, events and what photos show."""

from __future__ import annotations

import argparse
import sys

from catalog_app import jsonout
from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.cli.terminal import safe
from catalog_app.core import incident_fields
from catalog_app.core.models import Incident
from catalog_app.errors import ExitCode, IncidentNotFound
from catalog_app.i18n import _, counted


def _incident_fields(parser: argparse.ArgumentParser, editing: bool) -> None:
    parser.add_argument("--name", required=not editing, help=_("the incident's name"))
    parser.add_argument("--kind",
                        help=_("e.g. mass grave, strike on a hospital, destroyed housing"))
    parser.add_argument("--place", help=_("place name"))
    parser.add_argument("--lat", type=float, help=_("latitude of the site, decimal degrees"))
    parser.add_argument("--lon", type=float, help=_("longitude of the site, decimal degrees"))
    parser.add_argument("--radius-m", type=float, help=_("radius of the site in metres"))
    parser.add_argument("--start", metavar="ISO",
                        help=_("start date-time, ISO 8601 with offset"))
    parser.add_argument("--end", metavar="ISO", help=_("end date-time, ISO 8601 with offset"))
    parser.add_argument("--description", default=None if editing else "",
                        help=_("what happened"))
    parser.add_argument("--sources", default=None if editing else "",
                        help=_("reports, links, witness references"))
    parser.add_argument("--json", action="store_true", help=_('print {"id": N}'))


def _add_incidents(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="incident_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_("add an incident; prints its id"))
    _incident_fields(add, editing=False)
    edit = actions.add_parser("edit", help=_("change fields of an incident"))
    edit.add_argument("id", type=int, metavar="ID", help=_("the incident's id"))
    _incident_fields(edit, editing=True)
    listing = actions.add_parser("list", help=_("list incidents with their photo counts"))
    listing.add_argument("--all", action="store_true", help=_("archived ones too"))
    listing.add_argument("--json", action="store_true", help=_("print a JSON list"))
    merge = actions.add_parser("merge", help=_("move an incident's photos into another and "
                                               "archive it"))
    merge.add_argument("id", type=int, metavar="ID", help=_("the incident merged (archived)"))
    merge.add_argument("--into", type=int, required=True, metavar="ID",
                       help=_("the incident that takes its photos"))
    archive = actions.add_parser("archive", help=_("hide an incident from the lists (its "
                                                   "photos stay tagged); --restore brings it "
                                                   "back"))
    archive.add_argument("id", type=int, metavar="ID", help=_("the incident's id"))
    archive.add_argument("--restore", action="store_true",
                         help=_("bring an archived incident back"))
    delete = actions.add_parser("delete", help=_("delete an incident; its photos are untagged, "
                                                 "never deleted"))
    delete.add_argument("id", type=int, metavar="ID", help=_("the incident's id"))
    delete.add_argument("--yes", action="store_true",
                        help=_("do it even if photos are tagged to it (they are untagged)"))
    parser.set_defaults(handler=incidents)


def _add_tag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--incident", type=int, required=True, metavar="ID",
                        help=_("the incident's id"))
    parser.add_argument("photos", type=int, nargs="+", metavar="PHOTO", help=_("photo ids"))
    parser.set_defaults(handler=tag)


def _add_untag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("photos", type=int, nargs="+", metavar="PHOTO", help=_("photo ids"))
    parser.set_defaults(handler=tag, incident=None)


def _add_caption(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("photo", type=int, metavar="PHOTO", help=_("the photo's id"))
    parser.add_argument("text", metavar="TEXT", help=_("the caption (\"\" clears it)"))
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
                count = counted("({n} photo)", "({n} photos)", i.photo_count)
                print(safe(f"{i.id:>5}  {i.name}  {count}"
                           + (f"  {i.place}" if i.place else "")
                           + ("  " + _("[archived]") if i.archived else "")))
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
            print(counted("Incident {id}: {n} field changed.",
                          "Incident {id}: {n} fields changed.", len(changes), id=args.id))
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
        print(_("Added incident {id}: {name}.").format(id=new_id, name=incident.name))
    return ExitCode.OK


def _incident_lifecycle(args: argparse.Namespace) -> int:
    who = actor(args)
    with open_catalogue(args) as catalogue:
        if args.incident_action == "archive":
            catalogue.edit_incident(args.id, {"archived": 0 if args.restore else 1}, who)
            print((_("Incident {id} restored.") if args.restore else
                   _("Incident {id} archived.")).format(id=args.id))
            return ExitCode.OK
        if args.incident_action == "merge":
            if args.id == args.into:
                say(_("An incident cannot be merged into itself."))
                return ExitCode.USAGE
            moved = catalogue.merge_incidents(args.id, args.into, who)
            print(counted("Incident {id} merged into {into}: {n} photo moved; incident {id} "
                          "is archived.",
                          "Incident {id} merged into {into}: {n} photos moved; incident {id} "
                          "is archived.", moved, id=args.id, into=args.into))
            return ExitCode.OK
        count = next((i.photo_count for i in catalogue.incidents(include_archived=True)
                      if i.id == args.id), None)
        if count is None:
            raise IncidentNotFound(args.id)
        if count and not args.yes and not _confirmed(counted(
                "Incident {id} has {n} photo. Untag it and delete the incident? Photos are "
                "never deleted. [y/N] ",
                "Incident {id} has {n} photos. Untag them and delete the incident? Photos are "
                "never deleted. [y/N] ", count, id=args.id)):
            say(counted("Incident {id} has {n} photo; nothing was deleted (add --yes to untag "
                        "it and delete the incident).",
                        "Incident {id} has {n} photos; nothing was deleted (add --yes to untag "
                        "them and delete it).", count, id=args.id))
            return ExitCode.USAGE
        untagged = catalogue.delete_incident(args.id, who)
    print(counted("Incident {id} deleted; {n} photo untagged (its values are kept in the "
                  "custody log).",
                  "Incident {id} deleted; {n} photos untagged (its values are kept in the "
                  "custody log).", untagged, id=args.id))
    return ExitCode.OK


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    # TRANSLATORS: the answers that say yes to a [y/N] question, separated by "|"
    answers = {"y", "yes", *_("y|yes").split("|")}
    return input(question).strip().lower() in answers


def _check_fields(args: argparse.Namespace) -> None:
    found = incident_fields.problem(name=args.name, lat=args.lat, lon=args.lon,
                                    starts_at=args.start, ends_at=args.end)
    if found:
        raise incident_fields.BadIncident(found)


def caption(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        changed = catalogue.set_caption(args.photo, args.text, actor(args))
    print((_("Photo {id}: caption set.") if changed else
           _("Photo {id}: caption unchanged.")).format(id=args.photo))
    return ExitCode.OK


def tag(args: argparse.Namespace) -> int:
    incident = args.incident  # None for `untag`
    with open_catalogue(args) as catalogue:
        changed = catalogue.tag(args.photos, incident, actor(args))
    already = len(args.photos) - changed
    if incident is not None:
        print(counted("{n} photo now in incident {incident}; {already} already were.",
                      "{n} photos now in incident {incident}; {already} already were.",
                      changed, incident=incident, already=already))
    else:
        print(counted("{n} photo now in no incident; {already} already were.",
                      "{n} photos now in no incident; {already} already were.",
                      changed, already=already))
    return ExitCode.OK
