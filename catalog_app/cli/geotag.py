"""`catalog-app geotag` (positions from a GPX track) and `catalog-app place` (by hand)."""

from __future__ import annotations

import argparse
from pathlib import Path

from catalog_app.cli.common import actor, open_catalogue, print_json, say
from catalog_app.cli.terminal import safe
from catalog_app.core import geotrack
from catalog_app.errors import ExitCode, UsageError
from catalog_app.i18n import _, counted


def _add_geotag(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Gives photos without a position one from a GPS track (GPX from a phone or logger), "
        "interpolated at each photo's capture time corrected by its camera's clock correction. "
        "Without --apply it only shows what it would do. With --apply the positions are recorded "
        "in one logged step as \"position from track FILE (sha256), interpolated between points "
        "at T1 and T2\", apart from the camera's GPS, which is never changed; `catalog-app place "
        "--remove ID...` takes them away again (logged).")
    parser.add_argument("--track", type=Path, required=True, metavar="FILE.gpx",
                        help=_("the GPS track (GPX)"))
    parser.add_argument("--max-gap", type=float, default=geotrack.DEFAULT_MAX_GAP_S,
                        metavar="SECONDS", help=_(
                            "never interpolate between points further apart than this "
                            "(default {seconds})").format(seconds=geotrack.DEFAULT_MAX_GAP_S))
    parser.add_argument("--max-distance", type=float, default=geotrack.DEFAULT_MAX_DISTANCE_S,
                        metavar="SECONDS", help=_(
                            "otherwise, take the nearest point only if the photo is this close "
                            "to it in time (default {seconds})").format(
                            seconds=geotrack.DEFAULT_MAX_DISTANCE_S))
    parser.add_argument("--known-place", nargs=3, metavar=("ID", "LAT", "LON"),
                        help=_("photo ID was taken at LAT LON on the track: work out its "
                               "camera's clock offset from it (like darktable) and use it for "
                               "that camera"))
    parser.add_argument("--zone", metavar="+HH:MM", default=None,
                        help=_("the UTC offset photos whose time has no zone were taken in"))
    parser.add_argument("--apply", action="store_true",
                        help=_("record the positions (logged)"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON object"))
    parser.set_defaults(handler=geotag)


def _add_place(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Places photos at a position by hand, recorded as \"placed by hand by <operator>\" "
        "(logged), apart from the camera's GPS: a photo with its camera's GPS is refused. "
        "--remove takes assigned positions away (logged), which undoes a placing or a geotag.")
    parser.add_argument("photo_ids", type=int, nargs="+", metavar="ID", help=_("photo ids"))
    parser.add_argument("--lat", type=float,
                        help=_("latitude, decimal degrees (south negative)"))
    parser.add_argument("--lon", type=float,
                        help=_("longitude, decimal degrees (west negative)"))
    parser.add_argument("--remove", action="store_true",
                        help=_("remove the photos' assigned positions instead"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON object"))
    parser.set_defaults(handler=place)


COMMANDS = {"geotag": _add_geotag, "place": _add_place}


def geotag(args: argparse.Namespace) -> int:
    from catalog_app.core import timezones
    from catalog_app.services import geotag as service

    track = service.load_track(args.track)
    zone = timezones.parse_offset(args.zone) if args.zone else None
    if args.zone and zone is None:
        raise UsageError(_("{zone} is not a UTC offset such as +03:00.").format(
            zone=repr(args.zone)))
    with open_catalogue(args) as catalogue:
        derived = None
        offsets = {}
        if args.known_place:
            pid, lat, lon = args.known_place
            try:
                photo_id, lat_f, lon_f = int(pid), float(lat), float(lon)
            except ValueError:
                raise UsageError(_("--known-place takes a photo id, a latitude and a "
                                   "longitude.")) from None
            derived = service.derive_offset(catalogue, track, photo_id, lat_f, lon_f, zone)
            offsets[derived.camera] = derived.offset_s
        found = service.preview(catalogue, track, max_gap_s=args.max_gap,
                                max_distance_s=args.max_distance, offsets=offsets, zone=zone)
        placed = [p for p in found if p.fix is not None]
        changed = service.apply(catalogue, track, placed, actor(args)) if args.apply else {}
    if args.json:
        print_json({
            "track": {"file": track.name, "sha256": track.sha256, "points": len(track.points),
                      "starts": _iso(track.starts), "ends": _iso(track.ends)},
            "derived_offset": None if derived is None else {
                "photo": derived.photo_id, "offset_s": derived.offset_s,
                "off_track_m": round(derived.off_track_m, 1)},
            "applied": args.apply, "changed": len(changed),
            "photos": [{"id": p.photo_id, "camera": p.camera,
                        "time_utc": _iso(p.time_utc) if p.time_utc else None,
                        "lat": p.fix.lat if p.fix else None, "lon": p.fix.lon if p.fix else None,
                        "detail": p.fix.detail(track) if p.fix else None,
                        "not_placed": p.reason} for p in found]})
        return ExitCode.OK
    print(counted("Track {name}: {n} point, {starts} to {ends} (SHA-256 {sha256}).",
                  "Track {name}: {n} points, {starts} to {ends} (SHA-256 {sha256}).",
                  len(track.points), name=safe(track.name), starts=_iso(track.starts),
                  ends=_iso(track.ends), sha256=track.sha256))
    if derived is not None:
        print(_("Clock offset of photo {id}'s camera from its known place: {offset:+d} s (the "
                "place is {metres:.0f} m from the track).").format(
            id=derived.photo_id, offset=derived.offset_s, metres=derived.off_track_m))
    for p in found:
        if p.fix is not None:
            print(_("photo {id}: {lat:.6f}, {lon:.6f} ({detail})").format(
                id=p.photo_id, lat=p.fix.lat, lon=p.fix.lon,
                detail=safe(p.fix.detail(track).split(", ", 1)[1])))
        else:
            print(_("photo {id}: not placed: {reason}").format(id=p.photo_id, reason=p.reason))
    if args.apply:
        print(counted("Recorded {n} position from the track (logged).",
                      "Recorded {n} positions from the track (logged).", len(changed)))
    else:
        print(counted("{placed} of {n} photo without a position would be placed; nothing was "
                      "recorded (add --apply).",
                      "{placed} of {n} photos without a position would be placed; nothing was "
                      "recorded (add --apply).", len(found), placed=len(placed)))
    return ExitCode.OK


def place(args: argparse.Namespace) -> int:
    from catalog_app.services import geotag as service

    if not args.remove and (args.lat is None or args.lon is None):
        raise UsageError(_("Give --lat and --lon to place photos, or --remove."))
    with open_catalogue(args) as catalogue:
        if args.remove:
            changed = service.remove(catalogue, args.photo_ids, actor(args))
        else:
            changed = service.place_by_hand(catalogue, args.photo_ids, args.lat, args.lon,
                                            actor(args))
    if args.json:
        print_json({"changed": sorted(changed)})
    elif args.remove:
        print(counted("Removed the assigned position of {n} photo (logged).",
                      "Removed the assigned position of {n} photos (logged).", len(changed)))
    else:
        print(counted("Placed {n} photo at {lat:.6f}, {lon:.6f} by hand (logged).",
                      "Placed {n} photos at {lat:.6f}, {lon:.6f} by hand (logged).",
                      len(changed), lat=args.lat, lon=args.lon))
    if not changed:
        say(_("Nothing changed."))
    return ExitCode.OK


def _iso(moment) -> str:  # type: ignore[no-untyped-def]
    return moment.isoformat().replace("+00:00", "Z")
