"""Commands that describe photos: flags, keywords, caption templates, suggestions, clocks."""

from __future__ import annotations

import argparse
from datetime import datetime

from catalog_app import settings
from catalog_app.cli_common import EXIT_OK, EXIT_USAGE, print_json, say
from catalog_app.core import captions, clock, suggest
from catalog_app.core.models import Camera
from catalog_app.db.catalogue import Catalogue

FLAG_OPTIONS = {  # option -> (flag, value)
    "graphic": ("graphic", True), "not_graphic": ("graphic", False),
    "restricted": ("restricted", True), "not_restricted": ("restricted", False),
    "needs_review": ("caption_review", True), "reviewed": ("caption_review", False),
}


def add_parsers(commands) -> None:
    flag = commands.add_parser(
        "flag", help="mark photos graphic or restricted, or their captions as needing review",
        description="graphic: blurred behind a warning in galleries. restricted: never leaves "
        "the catalogue (no gallery; evidence packages only with --include-restricted).")
    flag.add_argument("photos", type=int, nargs="+", metavar="PHOTO")
    for option in FLAG_OPTIONS:
        flag.add_argument(f"--{option.replace('_', '-')}", dest=option, action="store_true")

    keywords = commands.add_parser("keywords", help="add or remove keywords, or list them")
    keywords.add_argument("photos", type=int, nargs="*", metavar="PHOTO")
    keywords.add_argument("--add", action="append", default=[], metavar="WORD")
    keywords.add_argument("--remove", action="append", default=[], metavar="WORD")
    keywords.add_argument("--json", action="store_true", help="list every keyword as JSON")

    template = commands.add_parser(
        "captions", help="caption several photos from a template",
        description="Fields: " + ", ".join(f"{{{f}}}" for f in captions.FIELDS) + ". "
        "{n} counts the photos from 1 in the order given; {caption} is the current caption.")
    template.add_argument("template", metavar="TEMPLATE")
    template.add_argument("photos", type=int, nargs="+", metavar="PHOTO")
    template.add_argument("--needs-review", action="store_true",
                          help="also mark the new captions as needing review")

    hint = commands.add_parser(
        "suggest", help="suggest incidents for untagged photos (area and dates, same camera)")
    hint.add_argument("--apply", action="store_true", help="tag each photo to its first "
                      "suggestion")
    hint.add_argument("--json", action="store_true")

    clocks = commands.add_parser(
        "clock", help="correct a camera's clock (the recorded times are never changed)",
        description="CAMERA is a photo id (its camera) or the camera's 'make model [serial]' "
        "as `clock --list` shows it. Give --offset, or --true-time for one photo.")
    clocks.add_argument("camera", nargs="?", metavar="CAMERA")
    clocks.add_argument("--offset", metavar="OFFSET", help="e.g. '+1 h 03 min', '-00:05:30'")
    clocks.add_argument("--true-time", metavar="ISO", help="the true time of photo CAMERA, "
                        "e.g. 2024-07-15T09:31:55: the offset is derived from it")
    clocks.add_argument("--from-gps", action="store_true", help="derive the offset from the "
                        "GPS time stamp of photo CAMERA (a satellite's UTC time)")
    clocks.add_argument("--clear", action="store_true", help="remove the correction")
    clocks.add_argument("--reason", default="", metavar="TEXT",
                        help="why (recorded in the custody log)")
    clocks.add_argument("--list", action="store_true", help="list cameras and their offsets")
    clocks.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, catalogue: Catalogue) -> int:
    return {"flag": _flag, "keywords": _keywords, "captions": _captions,
            "suggest": _suggest, "clock": _clock}[args.command](args, catalogue)


def _flag(args, catalogue: Catalogue) -> int:
    chosen = [FLAG_OPTIONS[o] for o in FLAG_OPTIONS if getattr(args, o)]
    flags = [f for f, _ in chosen]
    if not chosen or len(set(flags)) != len(flags):
        say("Give one of --graphic/--not-graphic, --restricted/--not-restricted, "
            "--needs-review/--reviewed (one per flag).")
        return EXIT_USAGE
    actor = settings.actor(args.operator)
    for flag, value in chosen:
        changed = catalogue.set_flag(args.photos, flag, value, actor)
        label = {"caption_review": "caption needs review"}.get(flag, flag)
        print(f"{label} {'on' if value else 'off'}: {changed} photo(s) changed, "
              f"{len(args.photos) - changed} already were.")
    return EXIT_OK


def _keywords(args, catalogue: Catalogue) -> int:
    if not args.photos:
        listed = catalogue.keywords()
        if args.json:
            print_json([{"keyword": k, "photos": n} for k, n in listed])
        else:
            for keyword, count in listed:
                print(f"{count:>7}  {keyword}")
        return EXIT_OK
    if not any(w.strip() for w in args.add + args.remove):
        say("Give --add WORD or --remove WORD (not empty) for the photos.")
        return EXIT_USAGE
    changed = catalogue.change_keywords(args.photos, args.add, args.remove,
                                        settings.actor(args.operator))
    print(f"Keywords changed on {changed} photo(s).")
    return EXIT_OK


def _captions(args, catalogue: Catalogue) -> int:
    try:
        captions.check(args.template)
    except captions.BadTemplate as exc:
        say(str(exc))
        return EXIT_USAGE
    photos = [catalogue.photo(i) for i in dict.fromkeys(args.photos)]
    incidents = {i.id: i for i in catalogue.incidents(include_archived=True)}
    pairs = captions.render(args.template, photos, incidents)
    actor = settings.actor(args.operator)
    changed = catalogue.set_captions(pairs, actor)
    if args.needs_review:
        catalogue.set_flag([p for p, _ in pairs], "caption_review", True, actor)
    print(f"{changed} caption(s) set from the template; {len(pairs) - changed} unchanged.")
    return EXIT_OK


def _suggest(args, catalogue: Catalogue) -> int:
    found = suggest.suggest(catalogue.photos(), catalogue.incidents())
    applied = 0
    if args.apply:
        first: dict[int, int] = {}
        for item in found:
            first.setdefault(item.photo, item.incident)
        actor = settings.actor(args.operator)
        for incident in set(first.values()):
            applied += catalogue.tag([p for p, i in first.items() if i == incident], incident,
                                     actor)
    if args.json:
        print_json([{"photo": s.photo, "incident": s.incident, "distance_m": s.distance_m,
                     "reason": s.reason} for s in found])
        return EXIT_OK
    for s in found:
        print(f"photo {s.photo} → incident {s.incident} ({s.incident_name}): {s.reason}")
    print(f"{len({s.photo for s in found})} untagged photo(s) have suggestions"
          + (f"; {applied} tagged to their first suggestion." if args.apply else
             "; --apply tags each to its first."))
    return EXIT_OK


def _clock(args, catalogue: Catalogue) -> int:
    if args.list or not args.camera:
        rows = catalogue.camera_clocks()
        if args.json:
            print_json([{"make": c.make, "model": c.model, "serial": c.serial, "photos": n,
                         "offset_s": off} for c, n, off in rows])
        else:
            for cam, n, off in rows:
                label = _label(cam) or "(no camera recorded)"
                shown = clock.describe_offset(off) if off is not None else "—"
                print(f"{n:>7}  {shown:>16}  {label}")
        return EXIT_OK
    camera, photo = _find_camera(args.camera, catalogue)
    if camera is None:
        say(f"No camera matches '{args.camera}'; `catalog-app clock --list` shows them.")
        return EXIT_USAGE
    given = [x for x in (args.offset, args.true_time, args.clear, args.from_gps) if x]
    if len(given) != 1:
        say("Give exactly one of --offset, --true-time, --from-gps or --clear.")
        return EXIT_USAGE
    if args.from_gps and photo is None:
        say("--from-gps needs CAMERA to be a photo id whose GPS time stamp is recorded.")
        return EXIT_USAGE
    try:
        if args.clear:
            offset = None
        elif args.offset:
            offset = clock.parse_offset(args.offset)
        elif args.from_gps:
            data = catalogue.layout.resolve(photo.stored_path).read_bytes()
            offset = clock.offset_from_gps(data, photo)
        else:
            if photo is None or photo.capture.taken_at is None:
                say("--true-time needs CAMERA to be a photo id whose capture time is recorded.")
                return EXIT_USAGE
            offset = clock.offset_from(photo.capture.taken_at,
                                       datetime.fromisoformat(args.true_time))
    except (clock.BadOffset, ValueError) as exc:
        say(str(exc) if isinstance(exc, clock.BadOffset) else
            f"'{args.true_time}' is not an ISO 8601 time such as 2024-07-15T09:31:55.")
        return EXIT_USAGE
    reason = args.reason or (f"true time of photo {photo.id} is {args.true_time}"
                             if args.true_time and photo else
                             f"GPS time stamp of photo {photo.id}" if args.from_gps and photo
                             else "")
    count = catalogue.set_clock(camera, offset, reason, settings.actor(args.operator))
    shown = "removed" if offset is None else f"set to {clock.describe_offset(offset)}"
    print(f"Clock correction for {_label(camera)} {shown}; it applies to {count} photo(s). "
          "The recorded times are kept.")
    return EXIT_OK


def _label(camera: Camera) -> str:
    return " ".join(x for x in (camera.make, camera.model, camera.serial) if x)


def _find_camera(text: str, catalogue: Catalogue):
    if text.isdigit():
        photo = catalogue.photo(int(text))
        return photo.capture.camera, photo
    wanted = " ".join(text.split()).casefold()
    cameras = [c for c, _, _ in catalogue.camera_clocks()]
    exact = [c for c in cameras if _label(c).casefold() == wanted]
    if len(exact) == 1:
        return exact[0], None
    loose = [c for c in cameras
             if " ".join(x for x in (c.make, c.model) if x).casefold() == wanted]
    return (loose[0], None) if len(loose) == 1 else (None, None)
