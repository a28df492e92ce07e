"""Commands that describe photos: flags, keywords, caption templates, suggestions, clocks."""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Callable
from datetime import datetime

from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.cli.terminal import safe
from catalog_app.core import captions, clock
from catalog_app.core.labels import camera_label
from catalog_app.core.models import Camera, Flag, Photo
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import ExitCode, UsageError
from catalog_app.i18n import _, counted
from catalog_app.services import tagging

FLAG_OPTIONS = {  # option -> (flag, value)
    "graphic": (Flag.GRAPHIC, True), "not_graphic": (Flag.GRAPHIC, False),
    "restricted": (Flag.RESTRICTED, True), "not_restricted": (Flag.RESTRICTED, False),
    "needs_review": (Flag.CAPTION_REVIEW, True), "reviewed": (Flag.CAPTION_REVIEW, False),
}


def _add_flag(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "graphic: blurred behind a warning in galleries. restricted: never leaves the "
        "catalogue (no gallery; evidence packages only with --include-restricted).")
    parser.add_argument("photos", type=int, nargs="+", metavar="PHOTO", help=_("photo ids"))
    helps = {"graphic": _("mark the photos graphic"),
             "not_graphic": _("take the graphic flag off"),
             "restricted": _("mark the photos restricted"),
             "not_restricted": _("take the restricted flag off"),
             "needs_review": _("mark the captions as needing review"),
             "reviewed": _("mark the captions as reviewed")}
    for option in FLAG_OPTIONS:
        parser.add_argument(f"--{option.replace('_', '-')}", dest=option, action="store_true",
                            help=helps[option])
    parser.set_defaults(handler=_with_catalogue(_flag))


def _add_keywords(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("photos", type=int, nargs="*", metavar="PHOTO",
                        help=_("photo ids (none: list every keyword)"))
    parser.add_argument("--add", action="append", default=[], metavar="WORD",
                        help=_("add this keyword (repeatable)"))
    parser.add_argument("--remove", action="append", default=[], metavar="WORD",
                        help=_("remove this keyword (repeatable)"))
    parser.add_argument("--json", action="store_true", help=_("list every keyword as JSON"))
    parser.set_defaults(handler=_with_catalogue(_keywords))


def _add_captions(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        _("Fields: {fields}.").format(fields=", ".join(f"{{{f}}}" for f in captions.FIELDS))
        + " " + _("{n} counts the photos from 1 in the order given; {caption} is the current "
                  "caption. Captions made from a template are always marked as needing "
                  "review."))
    parser.add_argument("template", metavar="TEMPLATE", help=_("the caption template"))
    parser.add_argument("photos", type=int, nargs="+", metavar="PHOTO", help=_("photo ids"))
    parser.add_argument("--needs-review", action="store_true",
                        help=_("accepted for older scripts: template captions are always "
                               "marked as needing review"))
    parser.set_defaults(handler=_with_catalogue(_captions))


def _add_suggest(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--apply", action="store_true",
                        help=_("tag each photo to its first suggestion"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON list"))
    parser.set_defaults(handler=_with_catalogue(_suggest))


def _add_clock(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = _(
        "Correct one camera's clock; the recorded times are never changed.\n\n"
        "CAMERA names the camera in one of two ways:\n"
        "  a photo id (that photo's camera), e.g. 17\n"
        "  its label as `clock --list` shows it: 'make model serial', or 'make model'\n"
        "  when only one camera has that make and model (the camera column of\n"
        "  `catalog-app photos`), e.g. 'Canon EOS 40D 1234' (quote it: it has spaces).\n\n"
        "Give one of --offset, --true-time, --from-gps (the last two need a photo id) or\n"
        "--clear. A correction over {hours} h is refused without --yes.\n"
        "--from-gps takes a GPS date stamp that is a day off (offset within "
        "{minutes} min of 24 h) as wrong\nand uses its time of day only.").format(
        hours=clock.CONFIRM_OVER_S // 3600, minutes=clock.DAY_SLACK_S // 60)
    parser.epilog = (
        _("examples:") + "\n"
        "  catalog-app clock --list\n"
        "  catalog-app clock 'Canon EOS 40D 1234' --offset '+1 h 03 min' --reason 'slow'\n"
        "  catalog-app clock 17 --true-time 2024-07-15T09:31:55\n"
        "  catalog-app clock 17 --from-gps")
    parser.add_argument("camera", nargs="?", metavar="CAMERA",
                        help=_("a photo id, or the camera's label as `clock --list` shows it"))
    parser.add_argument("--offset", metavar="OFFSET",
                        help=_("e.g. '+1 h 03 min', '-00:05:30'"))
    parser.add_argument("--true-time", metavar="ISO", help=_(
        "the true time of photo CAMERA, e.g. 2024-07-15T09:31:55: the offset is derived from "
        "it"))
    parser.add_argument("--from-gps", action="store_true", help=_(
        "derive the offset from the GPS time stamp of photo CAMERA (a satellite's UTC time)"))
    parser.add_argument("--clear", action="store_true", help=_("remove the correction"))
    parser.add_argument("--yes", action="store_true",
                        help=_("apply a correction over {hours} h").format(
                            hours=clock.CONFIRM_OVER_S // 3600))
    parser.add_argument("--reason", default="", metavar="TEXT",
                        help=_("why (recorded in the custody log)"))
    parser.add_argument("--list", action="store_true",
                        help=_("list cameras and their offsets"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON list"))
    parser.set_defaults(handler=_with_catalogue(_clock))


COMMANDS = {"flag": _add_flag, "keywords": _add_keywords, "captions": _add_captions,
            "suggest": _add_suggest, "clock": _add_clock}


def _with_catalogue(
        run: Callable[[argparse.Namespace, Catalogue], int]) -> Callable[[argparse.Namespace], int]:
    """A handler that runs `run` on the catalogue the command names."""
    def handler(args: argparse.Namespace) -> int:
        with open_catalogue(args) as catalogue:
            return run(args, catalogue)

    return handler


def _flag(args: argparse.Namespace, catalogue: Catalogue) -> int:
    chosen = [FLAG_OPTIONS[o] for o in FLAG_OPTIONS if getattr(args, o)]
    flags = [f for f, _ in chosen]
    if not chosen or len(set(flags)) != len(flags):
        say(_("Give one of --graphic/--not-graphic, --restricted/--not-restricted, "
              "--needs-review/--reviewed (one per flag)."))
        return ExitCode.USAGE
    who = actor(args)
    for flag, value in chosen:
        changed = catalogue.set_flag(args.photos, flag, value, who)
        print(_flag_done(flag, value, changed, len(args.photos) - changed))
    return ExitCode.OK


def _keywords(args: argparse.Namespace, catalogue: Catalogue) -> int:
    if not args.photos:
        listed = catalogue.keywords()
        if args.json:
            print_json([{"keyword": k, "photos": n} for k, n in listed])
        else:
            for keyword, count in listed:
                print(safe(f"{count:>7}  {keyword}"))
        return ExitCode.OK
    if not any(w.strip() for w in args.add + args.remove):
        say(_("Give --add WORD or --remove WORD (not empty) for the photos."))
        return ExitCode.USAGE
    changed = catalogue.change_keywords(args.photos, args.add, args.remove, actor(args))
    print(counted("Keywords changed on {n} photo.", "Keywords changed on {n} photos.", changed))
    return ExitCode.OK


def _captions(args: argparse.Namespace, catalogue: Catalogue) -> int:
    done = tagging.caption_from_template(catalogue, args.photos, args.template, actor(args))
    print(counted("{n} caption set from the template; {unchanged} unchanged; {marked} newly "
                  "marked as needing review.",
                  "{n} captions set from the template; {unchanged} unchanged; {marked} newly "
                  "marked as needing review.", done.changed,
                  unchanged=done.photos - done.changed, marked=done.marked_for_review))
    return ExitCode.OK


def _suggest(args: argparse.Namespace, catalogue: Catalogue) -> int:
    found = tagging.suggestions(catalogue)
    applied = 0
    if args.apply:
        applied = tagging.apply_suggestions(catalogue, tagging.first_choices(found),
                                            actor(args))
    if args.json:
        print_json([{"photo": s.photo, "incident": s.incident, "distance_m": s.distance_m,
                     "reason": s.reason} for s in found])
        return ExitCode.OK
    for s in found:
        print(safe(_("photo {photo} → incident {incident} ({name}): {reason}").format(
            photo=s.photo, incident=s.incident, name=s.incident_name, reason=s.reason)))
    shown = len({s.photo for s in found})
    if args.apply:
        print(counted("{n} untagged photo has suggestions; {applied} tagged to their first "
                      "suggestion.",
                      "{n} untagged photos have suggestions; {applied} tagged to their first "
                      "suggestion.", shown, applied=applied))
    else:
        print(counted("{n} untagged photo has suggestions; --apply tags each to its first.",
                      "{n} untagged photos have suggestions; --apply tags each to its first.",
                      shown))
    return ExitCode.OK


def _clock(args: argparse.Namespace, catalogue: Catalogue) -> int:
    if args.list or not args.camera:
        rows = catalogue.camera_clocks()
        if args.json:
            print_json([{"make": c.make, "model": c.model, "serial": c.serial, "photos": n,
                         "offset_s": off} for c, n, off in rows])
        else:
            for cam, n, off in rows:
                label = camera_label(cam, serial=True) or _("(no camera recorded)")
                shown = clock.describe_offset(off) if off is not None else "—"
                print(safe(f"{n:>7}  {shown:>16}  {label}"))
        return ExitCode.OK
    given = [x for x in (args.offset, args.true_time, args.clear, args.from_gps) if x]
    if len(given) != 1:
        say(_("Give exactly one of --offset, --true-time, --from-gps or --clear."))
        return ExitCode.USAGE
    camera, photo = _find_camera(args.camera, catalogue)
    if args.from_gps and photo is None:
        say(_("--from-gps needs CAMERA to be a photo id whose GPS time stamp is recorded."))
        return ExitCode.USAGE
    offset: int | None
    evidence = ""  # what the offset rests on, for the >12 h refusal
    if args.clear:
        offset = None
    elif args.offset:
        offset = clock.parse_offset(args.offset)  # BadOffset is a usage error
        evidence = f"--offset {args.offset}"
    elif args.from_gps and photo is not None:
        data = catalogue.layout.resolve(photo.stored_path).read_bytes()
        reading = clock.read_gps_offset(data, photo)
        offset = reading.offset_s
        evidence = reading.evidence()
        if reading.date_stamp_off:
            print(safe(_(
                "The GPS date stamp of photo {id} is taken as a day off ({evidence}, {raw} "
                "apart), so only its time of day is used: {offset}.").format(
                id=photo.id, evidence=reading.evidence(),
                raw=clock.describe_offset(reading.raw_offset_s),
                offset=clock.describe_offset(offset))))
    else:
        if photo is None or photo.capture.taken_at is None:
            say(_("--true-time needs CAMERA to be a photo id whose capture time is "
                  "recorded."))
            return ExitCode.USAGE
        try:
            true_time = datetime.fromisoformat(args.true_time)
        except ValueError:
            say(_("'{text}' is not an ISO 8601 time such as 2024-07-15T09:31:55.").format(
                text=args.true_time))
            return ExitCode.USAGE
        offset = clock.offset_from(photo.capture.taken_at, true_time)
        evidence = _("photo {id}: camera {camera_time}, true time {true_time}").format(
            id=photo.id, camera_time=photo.capture.taken_at.replace(tzinfo=None).isoformat(
                sep=" "), true_time=true_time.isoformat(sep=" "))
    if offset is not None and clock.needs_confirmation(offset) and not args.yes:
        say(safe(_("A correction of {offset} for {camera} is over {hours} h ({evidence}); "
                   "check it and run the same command with --yes to apply it.").format(
            offset=clock.describe_offset(offset),
            camera=camera_label(camera, serial=True) or _("the photos with no camera"),
            hours=clock.CONFIRM_OVER_S // 3600, evidence=evidence)))
        return ExitCode.USAGE
    reason = args.reason or (f"true time of photo {photo.id} is {args.true_time}"
                             if args.true_time and photo else
                             f"GPS time stamp of photo {photo.id}" if args.from_gps and photo
                             else "")
    count = catalogue.set_clock(camera, offset, reason, actor(args))
    if offset is None:
        done = counted("Clock correction for {camera} removed; it applies to {n} photo. The "
                       "recorded times are kept.",
                       "Clock correction for {camera} removed; it applies to {n} photos. The "
                       "recorded times are kept.", count, camera=camera_label(camera, serial=True))
    else:
        done = counted("Clock correction for {camera} set to {offset}; it applies to {n} "
                       "photo. The recorded times are kept.",
                       "Clock correction for {camera} set to {offset}; it applies to {n} "
                       "photos. The recorded times are kept.", count,
                       camera=camera_label(camera, serial=True),
                       offset=clock.describe_offset(offset))
    print(safe(done))
    return ExitCode.OK


def _find_camera(text: str, catalogue: Catalogue) -> tuple[Camera, Photo | None]:
    """The camera CAMERA names (a photo id or a label), or a usage error saying what is near."""
    if text.strip().isdigit():
        photo = catalogue.photo(int(text))  # PhotoNotFound is a usage error
        return photo.capture.camera, photo
    wanted = " ".join(text.split()).casefold()
    cameras = [c for c, _, _ in catalogue.camera_clocks()]
    exact = [c for c in cameras if wanted in _names(c, serial=True)]
    if len(exact) == 1:
        return exact[0], None
    loose = [c for c in cameras if wanted in _names(c, serial=False)]
    if len(loose) == 1:
        return loose[0], None
    if len(loose) > 1:
        named = ", ".join(f"'{camera_label(c, serial=True)}'" for c in loose)
        raise UsageError(safe(counted(
            "'{text}' names {n} camera ({named}); give the serial too, or a photo id.",
            "'{text}' names {n} cameras ({named}); give the serial too, or a photo id.",
            len(loose), text=text, named=named)))
    raise UsageError(safe(_("No camera is named '{text}'; {near} (`catalog-app clock --list` "
                            "shows every camera, or give a photo id).").format(
        text=text, near=_near(wanted, cameras))))


def _names(camera: Camera, *, serial: bool) -> set[str]:
    """What a person may type for a camera: its readable name as listed, or its make and model
    as recorded ('Canon Canon DIGITAL IXUS 40'), any case."""
    recorded = (camera.make, camera.model, camera.serial if serial else None)
    return {camera_label(camera, serial=serial).casefold(),
            " ".join(" ".join(p for p in recorded if p).split()).casefold()}


def _near(wanted: str, cameras: list[Camera]) -> str:
    """'close matches: 'A', 'B'' or 'none is close' for a camera name that matched none."""
    labels = {camera_label(c, serial=True) for c in cameras} | {camera_label(c) for c in cameras}
    by_fold = {label.casefold(): label for label in labels if label}
    close = difflib.get_close_matches(wanted, list(by_fold), n=3, cutoff=0.6)
    close += [f for f in by_fold if wanted and wanted in f and f not in close][:3 - len(close)]
    if not close:
        return _("no camera's name is close to it")
    return _("close matches: {names}").format(
        names=", ".join(f"'{by_fold[f]}'" for f in close))


def _flag_done(flag: Flag, value: bool, n: int, already: int) -> str:
    """'graphic on: 2 photos changed, 1 already were.'"""
    if flag is Flag.GRAPHIC:
        return (counted("graphic on: {n} photo changed, {already} already were.",
                        "graphic on: {n} photos changed, {already} already were.", n,
                        already=already) if value else
                counted("graphic off: {n} photo changed, {already} already were.",
                        "graphic off: {n} photos changed, {already} already were.", n,
                        already=already))
    if flag is Flag.RESTRICTED:
        return (counted("restricted on: {n} photo changed, {already} already were.",
                        "restricted on: {n} photos changed, {already} already were.", n,
                        already=already) if value else
                counted("restricted off: {n} photo changed, {already} already were.",
                        "restricted off: {n} photos changed, {already} already were.", n,
                        already=already))
    return (counted("caption needs review on: {n} photo changed, {already} already were.",
                    "caption needs review on: {n} photos changed, {already} already were.", n,
                    already=already) if value else
            counted("caption needs review off: {n} photo changed, {already} already were.",
                    "caption needs review off: {n} photos changed, {already} already were.",
                    n, already=already))
