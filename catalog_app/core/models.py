"""Domain values: capture metadata, photos and import results (plain frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from catalog_app.i18n import N_, _


class TimeSource(StrEnum):
    """Where the time zone of a capture time came from (for XMP and IPTC: the time as well)."""

    EXIF_OFFSET = "exif-offset"  # OffsetTimeOriginal (or OffsetTime*) written by the camera
    GPS_TIME = "gps-time"  # difference between the local clock and the GPS UTC time stamp
    GPS_POSITION = "gps-position"  # the time zone in force at the GPS position (offline lookup)
    UNKNOWN = "unknown"  # a local time whose zone cannot be known
    # The EXIF has no capture time: it was read from XMP (exif:DateTimeOriginal, xmp:CreateDate,
    # photoshop:DateCreated) or IPTC (DateCreated + TimeCreated), with the zone written there,
    # else the zone at the GPS position, else none. Not from the clock: corrections leave it.
    XMP = "xmp"
    IPTC = "iptc"
    NONE = "none"  # no capture time recorded at all


class Collection(StrEnum):
    """The fixed collections of the browser (an incident's is 'incident:<id>')."""

    ALL = "all"
    NO_GPS = "no-gps"
    NO_TIME = "no-time"
    UNTAGGED = "untagged"
    MARKED_DUPLICATES = "marked-duplicates"
    DUPLICATES = "duplicates"  # the review of groups, not a list of photos
    FAILED = "failed"  # files that could not be imported
    # review queues (issue 15): photos a person still has to look at
    GRAPHIC = "graphic"
    RESTRICTED = "restricted"
    CAPTION_REVIEW = "caption-review"
    REDACTION_UNREVIEWED = "redaction-unreviewed"  # proposed regions or faces not decided


class Flag(StrEnum):
    """What a photo may be flagged as; the value is the column and the log's word."""

    GRAPHIC = "graphic"  # blurred behind a warning when published
    RESTRICTED = "restricted"  # never leaves the catalogue
    CAPTION_REVIEW = "caption_review"  # the caption needs checking before it is published

    @property
    def label(self) -> str:
        """The flag in plain words, as both faces show it, in the current language (the value
        is what the catalogue and the log keep)."""
        return _({"graphic": N_("graphic"), "restricted": N_("restricted"),
                  "caption_review": N_("caption needs review")}[self.value])


class OutcomeStatus(StrEnum):
    """What recording one import item did."""

    IMPORTED = "imported"
    PRESENT = "present"
    FAILED = "failed"


class ExportKind(StrEnum):
    """What an export writes."""

    GALLERY = "gallery"
    PACKAGE = "package"
    GEOJSON = "geojson"
    KML = "kml"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class GeoPoint:
    """A position in signed decimal degrees (south and west negative), altitude in metres."""

    lat: float
    lon: float
    alt: float | None = None


class PositionSource(StrEnum):
    """Where a photo's position came from: the camera's own GPS, or assigned after import."""

    CAMERA = "camera"
    TRACK = "track"  # interpolated from a GPS track (core/geotrack.py)
    HAND = "hand"  # placed by hand by an operator


@dataclass(frozen=True, slots=True)
class AssignedPosition:
    """A position given to a photo after its import; never stored as the camera's GPS."""

    lat: float
    lon: float
    source: PositionSource
    detail: str  # "position from track FILE (sha256), interpolated ..." / "placed by hand by X"
    track_sha256: str | None = None
    set_by: str = ""
    set_at: str = ""

    def values(self) -> dict[str, object]:
        """The fields as the table and the custody entry hold them."""
        return {"lat": self.lat, "lon": self.lon, "source": self.source.value,
                "detail": self.detail, "track_sha256": self.track_sha256,
                "set_by": self.set_by, "set_at": self.set_at}


@dataclass(frozen=True, slots=True)
class Camera:
    """The device that made a photo, as its EXIF names it."""

    make: str | None = None
    model: str | None = None
    serial: str | None = None


@dataclass(frozen=True, slots=True)
class CaptureInfo:
    """Everything read from a file's EXIF that the catalogue keeps as typed values."""

    taken_at: datetime | None = None  # as recorded; aware when its zone is known
    time_source: TimeSource = TimeSource.NONE
    gps: GeoPoint | None = None
    camera: Camera = field(default_factory=Camera)
    orientation: int | None = None
    warnings: tuple[str, ...] = ()

    @property
    def taken_at_utc(self) -> datetime | None:
        """The capture time in UTC, or None when its zone is unknown."""
        if self.taken_at is None or self.taken_at.tzinfo is None:
            return None
        from datetime import UTC

        return self.taken_at.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Source:
    """One place a photo was imported from."""

    path: str
    size_bytes: int
    mtime: str | None
    recorded_at: str


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo as the catalogue holds it."""

    id: int
    sha256: str
    stored_path: str
    in_place: bool
    format: str
    size_bytes: int
    width: int | None
    height: int | None
    capture: CaptureInfo
    phash: int
    dhash: int
    thumbnail_path: str | None
    imported_at: str
    sources: tuple[Source, ...] = ()
    incident: tuple[int, str] | None = None  # (id, name)
    caption: str = ""
    keywords: tuple[str, ...] = ()
    graphic: bool = False  # blurred behind a warning when published
    restricted: bool = False  # never leaves the catalogue
    caption_review: bool = False  # the caption needs checking before it is published
    duplicate_of: int | None = None  # the keeper this photo is linked to, if marked
    clock_offset_s: int | None = None  # its camera's clock correction, when one is set
    preview_missing: str | None = None  # why no pixel decoded: original preserved, no preview
    same_shot: int | None = None  # the raw or JPEG the camera wrote of the same shot
    assigned: AssignedPosition | None = None  # from a track or by hand (not the camera's GPS)

    @property
    def position(self) -> tuple[GeoPoint, PositionSource] | None:
        """Where to show it: the camera's GPS when recorded, else an assigned position."""
        if self.capture.gps is not None:
            return self.capture.gps, PositionSource.CAMERA
        if self.assigned is not None:
            return GeoPoint(self.assigned.lat, self.assigned.lon), self.assigned.source
        return None

    @property
    def taken_at_corrected(self) -> datetime | None:
        """The capture time with the camera's clock correction added (None without one)."""
        if self.clock_offset_s is None or self.capture.taken_at is None:
            return None
        from catalog_app.core import clock  # the one rule (core/clock.py imports this module)

        return clock.corrected_time(self.capture.taken_at, self.capture.time_source,
                                    self.clock_offset_s)

    @property
    def best_time(self) -> datetime | None:
        """The time to show and use: corrected when a correction is set, else as recorded."""
        return self.taken_at_corrected or self.capture.taken_at

    @property
    def best_time_utc(self) -> datetime | None:
        """`best_time` in UTC (corrected when a correction is set), None when the zone is
        unknown: it always names the same moment as `best_time`."""
        best = self.best_time
        if best is None or best.tzinfo is None:
            return None
        from datetime import UTC

        return best.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class ImportFailure:
    """A file that could not be imported, with the one-line reason recorded for it."""

    path: str
    reason: str


@dataclass(slots=True)
class ImportSummary:
    """What an import did, filled in as it runs."""

    imported: int = 0
    already_present: int = 0
    failed: list[ImportFailure] = field(default_factory=list)
    skipped: list[ImportFailure] = field(default_factory=list)
    warnings: list[ImportFailure] = field(default_factory=list)
    cancelled: bool = False
    photo_ids: list[int] = field(default_factory=list)
    new_photo_ids: list[int] = field(default_factory=list)
    near_duplicates: dict[int, list[int]] = field(default_factory=dict)  # new -> existing
    shots: list[tuple[int, int]] = field(default_factory=list)  # (raw, JPEG) linked as one


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does something to the catalogue, recorded with every change."""

    operator: str
    machine: str
    app_version: str


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file as found on a card or folder at import time."""

    path: str  # printable
    path_raw: bytes  # exact bytes of the name
    size_bytes: int
    mtime: str | None  # ISO 8601 UTC, as the file system reported it


@dataclass(frozen=True, slots=True)
class NewPhoto:
    """A fully read file, ready to be recorded as a photo."""

    sha256: str
    stored_path: str
    in_place: bool
    format: str
    size_bytes: int
    width: int | None  # None: no size could be read (original preserved, no preview)
    height: int | None
    capture: CaptureInfo
    phash: int
    dhash: int
    thumbnail_path: str | None  # None with preview_missing
    warnings: tuple[str, ...]
    canonical_phashes: tuple[int, ...] = ()
    pixel_hash: str | None = None
    thumbnail_sha256: str | None = None  # of the thumbnail's bytes, recorded in its import entry
    preview_missing: str | None = None  # why no pixel decoded, in plain words


@dataclass(frozen=True, slots=True)
class CustodyEntry:
    """One line of the append-only, hash-chained custody log."""

    id: int
    at: str
    operator: str
    machine: str
    app_version: str
    action: str
    photo_id: int | None
    details: dict
    prev_hash: str
    entry_hash: str


@dataclass(frozen=True, slots=True)
class Recorded:
    """A file read in full and ready to become a photo (or a new source of a known one)."""

    source: SourceFile
    photo: NewPhoto


@dataclass(frozen=True, slots=True)
class AlreadyPresent:
    """A file whose SHA-256 the catalogue already holds."""

    source: SourceFile
    sha256: str


@dataclass(frozen=True, slots=True)
class Failed:
    """A file that could not be imported."""

    source: SourceFile
    reason: str
    sha256: str | None = None
    disk_full: bool = False  # not the file's fault: the import stops and it is read next time


BatchItem = Recorded | AlreadyPresent | Failed


@dataclass(frozen=True, slots=True)
class Outcome:
    """What recording one batch item did."""

    status: OutcomeStatus
    photo_id: int | None


@dataclass(frozen=True, slots=True)
class PhotoFilter:
    """What the grid shows: a collection narrowed by text, camera, position and dates."""

    collection: str = "all"  # "all" | "no-gps" | "no-time"
    text: str = ""  # matched against source file paths
    camera: str | None = None  # "make model" as GridRow.camera shows it
    has_gps: bool | None = None
    date_from: str | None = None  # ISO date, inclusive, compared with the local capture date
    date_to: str | None = None


@dataclass(frozen=True, slots=True)
class GridRow:
    """The little the thumbnail grid needs per photo (kept small: 100,000 of them in memory)."""

    id: int
    thumbnail_path: str | None
    label: str  # capture time as recorded, or the file name
    name: str  # first source's file name
    badges: int = 0  # core/badges.py's Badge bits
    incident_id: int | None = None
    imported_at: str = ""  # for sorting by import time


@dataclass(frozen=True, slots=True)
class Incident:
    """A site and an event that photos document."""

    id: int
    name: str
    kind: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    radius_m: float | None = None
    starts_at: str | None = None
    ends_at: str | None = None
    description: str = ""
    sources: str = ""
    notes: str = ""
    archived: bool = False
    photo_count: int = 0
