"""`catalog-app demo`: make the demo mission's catalogue (made-up photos, incidents, captions)."""

from __future__ import annotations

import argparse

from catalog_app import i18n
from catalog_app.cli.common import actor, print_json, say
from catalog_app.cli.progress import drive
from catalog_app.errors import ExitCode


def _add_demo(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--language", choices=i18n.LANGUAGES, default=None,
                        help=i18n._("the language of the demo's incidents and captions "
                                    "(default: the language of the messages)"))
    parser.set_defaults(handler=demo)


COMMANDS = {"demo": _add_demo}


def demo(args: argparse.Namespace) -> int:
    from catalog_app import settings
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.services import demo as mission
    from catalog_app.services.importing import ImportJob

    folder = mission.sample_mission()
    if folder is None:
        say(i18n._("The demo mission's photos are not installed with this copy of "
                   "catalog_app."))
        return ExitCode.USAGE
    root = args.catalogue or settings.demo_catalogue()
    who = actor(args)
    with Catalogue.open(root, create=True) as catalogue:
        drive(ImportJob(catalogue, [str(folder)], who).run(), i18n._("Importing"),
              enabled=not args.json)
        tagged = mission.apply_mission(catalogue, who, language=args.language)
        count = catalogue.count_photos()
    if args.json:
        print_json({"catalogue": str(root), "photos": count, "tagged": tagged})
    else:
        print(i18n.counted(
            "The demo mission is in {root}: {n} photo, {tagged} newly tagged to its "
            "incidents. Open it with: catalog-app --catalogue {root}",
            "The demo mission is in {root}: {n} photos, {tagged} newly tagged to its "
            "incidents. Open it with: catalog-app --catalogue {root}",
            count, root=root, tagged=i18n.number(tagged)))
    return ExitCode.OK
