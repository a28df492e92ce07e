"""Typed exceptions raised by library code; only cli.py and gui/ turn them into sentences."""


class CatalogueError(Exception):
    """A catalogue cannot be opened or used; the message is one sentence for a person."""


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


class PhotoNotFound(LookupError):
    """No photo with that id is in the catalogue."""

    def __init__(self, photo_id: int) -> None:
        super().__init__(f"No photo with id {photo_id} is in this catalogue.")
        self.photo_id = photo_id


class UnreadableImage(Exception):
    """A file could not be read as an image; the message is the one-line reason recorded."""


class IncidentNotFound(LookupError):
    """No incident with that id is in the catalogue."""

    def __init__(self, incident_id: int) -> None:
        super().__init__(f"No incident with id {incident_id} is in this catalogue.")
        self.incident_id = incident_id


class ExportError(Exception):
    """An export cannot be written where asked; the message is one sentence for a person."""
