"""Output folders: refuse a folder that holds anything but an earlier export of the same kind."""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog_app.errors import ExportError

MARKER = ".catalog-app-export.json"


def prepare(out: Path, kind: str, *, updatable: bool) -> dict[str, Any]:
    """Create `out` if needed and return the earlier export's record (empty for a new folder).

    A folder is accepted when it is empty, or (for kinds that update in place) when it holds an
    earlier export of the same kind. Anything else is refused: an export never writes among a
    person's own files.
    """
    out = Path(out)
    if out.is_symlink():
        raise ExportError(f"{out} is a symbolic link; choose a real folder for the export "
                          "(an export never writes through a link).")
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file, not a folder; choose a folder for the export.")
    try:
        out.mkdir(parents=True, exist_ok=True)
        entries = [e.name for e in os.scandir(out)]
    except OSError as exc:
        raise output_error(exc, out) from exc
    if not entries:
        return {}
    if MARKER in entries:
        linked = _first_link(out)
        if linked is not None:
            raise ExportError(f"{linked} inside the earlier export is a symbolic link; "
                              "nothing was written. Remove the link or choose an empty folder.")
        record = read_marker(out)
        if record.get("kind") == kind and updatable:
            return record
        if record.get("complete") is False:
            raise ExportError(f"{out} holds an unfinished {record.get('kind')} export (it "
                              "was interrupted); delete that folder or choose another.")
        what = record.get("kind", "another")
        raise ExportError(f"{out} already holds a {what} export; choose an empty folder "
                          f"for this {kind}.")
    raise ExportError(f"{out} is not empty and is not an earlier export; choose an empty "
                      "folder.")


def _first_link(out: Path) -> Path | None:
    """The first symbolic link anywhere inside `out` (links are never followed), or None."""
    for top, dirs, files in os.walk(out, followlinks=False):
        for name in sorted(dirs + files):
            if os.path.islink(os.path.join(top, name)):
                return Path(top) / name
    return None


def read_marker(out: Path) -> dict[str, Any]:
    try:
        return json.loads((out / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_marker(out: Path, record: dict[str, Any]) -> None:
    write_text(out / MARKER, json.dumps(record, ensure_ascii=False, indent=1))


def write_text(path: Path, text: str) -> None:
    """Write a text file whole or not at all (through a temporary name)."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    part = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(data)
        os.replace(part, path)
    except OSError as exc:
        raise output_error(exc, path) from exc


def output_error(exc: OSError, path: Path) -> ExportError:
    """One sentence for an OSError met while writing an export."""
    if exc.errno == errno.ENOSPC:
        return ExportError(f"The disk holding {path} is full; free some space and run the "
                           "export again (what was written so far is kept and reused).")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(f"{path} cannot be written ({exc.strerror}); choose another "
                           "folder.")
    return ExportError(f"Writing {path} failed ({exc.strerror or exc}).")


def inside(root: Path, relative: str) -> Path:
    """root/relative, refusing any name that would land outside root."""
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        raise ExportError(f"Refusing to write {relative!r} outside the export folder.")
    return target


_TOKEN = re.compile(r"[0-9a-f]{32}")


@dataclass(slots=True)
class NameMap:
    """A gallery folder's image names and what each image was made from, kept on the
    catalogue's side: the published folder holds only a random export id that finds them."""

    path: Path
    export_id: str
    names: dict[str, str] = field(default_factory=dict)  # photo id (as text) -> image name
    keys: dict[str, str] = field(default_factory=dict)  # image name -> what it was made from

    @classmethod
    def for_export(cls, catalogue_root: Path, earlier: dict[str, Any]) -> NameMap:
        """The map an earlier export into the folder left, or a new one (new names)."""
        export_id = earlier.get("export_id")
        if not isinstance(export_id, str) or not _TOKEN.fullmatch(export_id):
            export_id = secrets.token_hex(16)  # a name for the folder, derived from nothing
        path = Path(catalogue_root) / "exports" / "galleries" / f"{export_id}.json"
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        return cls(path, export_id, dict(stored.get("names", {})), dict(stored.get("keys", {})))

    def token(self, photo_id: int) -> str:
        """The photo's image name in this folder: the same on every re-export."""
        name = self.names.get(str(photo_id))
        if name is None:
            taken = set(self.names.values())
            while name is None or name in taken:
                name = secrets.token_hex(8)
            self.names[str(photo_id)] = name
        return name

    def save(self, keys: dict[str, str]) -> None:
        self.keys = dict(keys)
        write_text(self.path, json.dumps({"export_id": self.export_id, "names": self.names,
                                          "keys": self.keys}, indent=1))
