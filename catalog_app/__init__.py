"""catalog_app: a catalogue of evidence photos for human-rights field teams."""

__version__ = "0.1.0"
APP_NAME = "catalog_app"
