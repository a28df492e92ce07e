"""The demo mission: its incidents, tags, captions, flags and a clock correction, applied
to a catalogue after its photos were imported (everything logged like a person's work)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

from catalog_app.core.models import Actor, Camera, Flag, Incident
from catalog_app.db.interface import CatalogueStore
from catalog_app.services import duplicates as duplicate_service


def sample_mission() -> Path | None:
    """The demo mission's photo folder shipped with the app, if present."""
    try:
        folder = Path(str(resources.files("catalog_app.sample_data") / "photos"))
    except ModuleNotFoundError:
        return None
    return folder if folder.is_dir() else None


def mission() -> dict[str, Any]:
    text = resources.files("catalog_app.sample_data").joinpath("mission.json")
    return json.loads(text.read_text(encoding="utf-8"))


def apply_mission(catalogue: CatalogueStore, actor: Actor) -> int:
    """Describe the imported demo photos; returns how many were tagged. Running it twice
    adds nothing (incidents are matched by name)."""
    data = mission()
    have = {i.name: i.id for i in catalogue.incidents(include_archived=True)}
    keys: dict[str, int] = {}
    for item in data["incidents"]:
        if item["name"] not in have:
            have[item["name"]] = catalogue.add_incident(Incident(
                0, item["name"], item.get("kind"), item.get("place"), item.get("lat"),
                item.get("lon"), item.get("radius_m"), item.get("start"), item.get("end"),
                item.get("description", ""), item.get("sources", ""), item.get("notes", "")),
                actor)
        keys[item["key"]] = have[item["name"]]
    by_name = {PurePath(s.path).name: p for p in catalogue.photos() for s in p.sources}
    tagged = 0
    for name, spec in data["photos"].items():
        photo = by_name.get(name)
        if photo is None:
            continue
        with catalogue.unit_of_work(actor) as uow:  # a photo is described whole, or not
            tagged += uow.incidents.tag([photo.id], keys[spec["incident"]])
            uow.annotations.set_caption(photo.id, spec.get("caption", ""))
            if spec.get("keywords"):
                uow.annotations.change_keywords([photo.id], spec["keywords"], [])
            for flag in Flag:
                if spec.get(flag.value):
                    uow.annotations.set_flag([photo.id], flag, True)
    for clock in data.get("clocks", []):
        catalogue.set_clock(Camera(clock["make"], clock["model"], clock["serial"]),
                            clock["offset_s"], clock["reason"], actor)
    duplicate_service.accept_suggested(catalogue, 10, actor)
    return tagged
