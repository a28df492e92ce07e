"""Defaults that come from the environment: catalogue location, operator, machine."""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from catalog_app import APP_NAME, __version__

if TYPE_CHECKING:  # core.models costs ~15 ms to import; `--version` and `--help` need none of it
    from catalog_app.core.models import Actor

CATALOGUE_ENV = "CATALOG_APP_CATALOGUE"
OPERATOR_ENV = "CATALOG_APP_OPERATOR"


def default_catalogue() -> Path:
    """$CATALOG_APP_CATALOGUE, else a 'catalogue' folder in the platform's user data folder."""
    chosen = os.environ.get(CATALOGUE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "catalogue"


def demo_catalogue() -> Path:
    """Where the demo mission is unpacked: a catalogue of its own, never the team's."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "demo-mission"


def actor(operator: str | None = None) -> Actor:
    """Who is acting: the given name, else $CATALOG_APP_OPERATOR, else the login name."""
    from catalog_app.core.models import Actor

    name = operator or os.environ.get(OPERATOR_ENV)
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "unknown"
    return Actor(operator=name, machine=socket.gethostname() or "unknown",
                 app_version=__version__)


def trusted_keys_file() -> Path:
    """The operator's own list of signing keys to trust (one PEM or fingerprint per entry)."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "trusted-keys"


def trusted_tsa_file() -> Path:
    """The operator's own list of time-stamping authorities' CA certificates to trust (PEM)."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "trusted-tsa-cas.pem"
