"""The demo mission: its incidents, tags, captions, flags and a clock correction, applied
to a catalogue after its photos were imported (everything logged like a person's work).

The mission is written in English (mission.json) and Ukrainian (mission.uk.json, the same
incidents by key and photos by name). It is created in one language, the current one unless
asked; once created its texts are the user's data, never translated again."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

from catalog_app import i18n
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


MISSION_LANGUAGES = ("en", "uk")
_TEXTS = ("name", "kind", "place", "description", "sources", "notes")


def _read(name: str) -> dict[str, Any]:
    text = resources.files("catalog_app.sample_data").joinpath(name)
    return json.loads(text.read_text(encoding="utf-8"))


def mission(language: str | None = None) -> dict[str, Any]:
    """The demo mission in `language` (the current one if None; English for a language the
    mission is not written in): the same incidents, photos, flags and clocks in each."""
    language = i18n.normalise(language or i18n.current()) or i18n.DEFAULT
    data = _read("mission.json")
    if language == "en" or language not in MISSION_LANGUAGES:
        return data
    try:
        texts = _read(f"mission.{language}.json")
    except FileNotFoundError:  # a copy installed without it: the mission as written
        return data
    for item in data["incidents"]:
        item.update({k: v for k, v in texts["incidents"][item["key"]].items() if k in _TEXTS})
    for name, spec in data["photos"].items():
        spec.update({k: v for k, v in texts["photos"].get(name, {}).items()
                     if k in ("caption", "keywords")})
    reasons = {c["serial"]: c["reason"] for c in texts.get("clocks", [])}
    for clock in data.get("clocks", []):
        clock["reason"] = reasons.get(clock["serial"], clock["reason"])
    return data


def incident_names() -> dict[str, set[str]]:
    """Each demo incident's key -> its names in every language the mission is written in."""
    names: dict[str, set[str]] = {}
    for language in MISSION_LANGUAGES:
        for item in mission(language)["incidents"]:
            names.setdefault(item["key"], set()).add(item["name"])
    return names


def apply_mission(catalogue: CatalogueStore, actor: Actor, language: str | None = None) -> int:
    """Describe the imported demo photos in `language` (the current one if None); returns
    how many were tagged. Running it twice adds nothing, in either language (incidents are
    matched by their name in any language; a photo already tagged is left as it is)."""
    data = mission(language)
    have = {i.name: i.id for i in catalogue.incidents(include_archived=True)}
    for names in incident_names().values():  # made before in another language
        found = next((have[n] for n in sorted(names) if n in have), None)
        if found is not None:
            have.update({n: found for n in names})
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
        if photo is None or photo.incident is not None:  # described before: left as it is
            continue
        with catalogue.unit_of_work(actor) as uow:  # a photo is described whole, or not
            tagged += uow.incidents.tag([photo.id], keys[spec["incident"]])
            uow.annotations.set_caption(photo.id, spec.get("caption", ""))
            if spec.get("keywords"):
                uow.annotations.change_keywords([photo.id], spec["keywords"], [])
            for flag in Flag:
                if spec.get(flag.value):
                    uow.annotations.set_flag([photo.id], flag, True)
    corrected = {camera for camera, _, offset in catalogue.camera_clocks()
                 if offset is not None}
    for clock in data.get("clocks", []):
        if Camera(clock["make"], clock["model"], clock["serial"]) in corrected:
            continue  # corrected before (by the demo or by hand): left as it is
        catalogue.set_clock(Camera(clock["make"], clock["model"], clock["serial"]),
                            clock["offset_s"], clock["reason"], actor)
    duplicate_service.accept_suggested(catalogue, 10, actor)
    return tagged
