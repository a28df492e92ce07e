"""Typed exceptions: one base with its exit code; only cli/ and gui/ turn them into sentences."""

from __future__ import annotations

from enum import IntEnum
from typing import ClassVar

from catalog_app.i18n import _


class ExitCode(IntEnum):
    """What the command line's exit status means (the same in every language)."""

    OK = 0
    SOME_FAILED = 1  # the rest was done; what failed is listed
    USAGE = 2  # a bad argument, an unknown id, a value that cannot be read
    CATALOGUE = 3  # the catalogue is missing, read-only, too new, busy, full or damaged
    INTERNAL = 4
    NO_DISPLAY = 5
    OUTPUT = 6  # an export cannot be written where asked
    TIMESTAMP = 7  # the time-stamping authority was unreachable, refused, or its reply failed
    INTERRUPTED = 130


class AppError(Exception):
    """Anything library code reports to a person: the message is one sentence, plus an exit code.

    The sentence is in the language current when it is raised (never stored, never in JSON).

    The message never names a face's controls (a CLI flag, a menu); each face adds its own hint.
    """

    exit_code: ClassVar[ExitCode] = ExitCode.SOME_FAILED


class UsageError(AppError):
    """What was asked for cannot be done as asked: an unknown id, a value that cannot be read."""

    exit_code = ExitCode.USAGE


class NotFound(UsageError, LookupError):
    """Something named by id is not in the catalogue."""


class CatalogueError(AppError):
    """A catalogue cannot be opened or used; the message is one sentence for a person."""

    exit_code = ExitCode.CATALOGUE


class CatalogueMissing(CatalogueError):
    """The catalogue folder does not exist and was not asked to be created."""


class CatalogueReadOnly(CatalogueError):
    """The catalogue folder or its database cannot be written."""


class CatalogueTooNew(CatalogueError):
    """The catalogue was written by a newer version of the app."""


class CatalogueLocked(CatalogueError):
    """Another running instance holds the catalogue's write lock."""


class CatalogueFull(CatalogueError):
    """The disk holding the catalogue is full; the work stopped with nothing half written."""


class CatalogueBusy(CatalogueError):
    """Another instance kept the catalogue's write lock for longer than we wait."""


class PhotoNotFound(NotFound):
    """No photo with that id is in the catalogue."""

    def __init__(self, photo_id: int) -> None:
        super().__init__(_("No photo with id {id} is in this catalogue.").format(id=photo_id))
        self.photo_id = photo_id


class IncidentNotFound(NotFound):
    """No incident with that id is in the catalogue."""

    def __init__(self, incident_id: int) -> None:
        super().__init__(_("No incident with id {id} is in this catalogue.").format(
            id=incident_id))
        self.incident_id = incident_id


class GroupNotFound(NotFound):
    """No duplicate group with that id at that threshold."""

    def __init__(self, group_id: int) -> None:
        super().__init__(_("There is no duplicate group {id} at this threshold.").format(
            id=group_id))
        self.group_id = group_id


class UnreadableImage(Exception):
    """A file could not be read as an image; the message is the one-line reason recorded.

    Not an AppError: an import records it as the file's reason and goes on.
    """


class ExportError(AppError):
    """An export cannot be written where asked; the message is one sentence for a person."""

    exit_code = ExitCode.OUTPUT
