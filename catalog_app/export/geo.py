"""Photo positions as GeoJSON (RFC 7946) and KML 2.2, one point per photo, by incident."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from itertools import groupby
from typing import Any

KML_NS = "http://www.opengis.net/kml/2.2"
# what XML 1.0 cannot carry at all, not even as a character reference (section 2.2)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 forbids (VT, FF, ESC, NUL, ...) written as a
    visible escape like \\x0b, so the file stays well-formed and the text stays readable."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def _located(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r.get("gps_lat") is not None and r.get("gps_lon") is not None]


def _when(record: dict[str, Any]) -> str | None:
    """The time to show: corrected when the camera's clock is corrected, else as recorded."""
    return record.get("taken_at_corrected") or record.get("taken_at")


def _when_utc(record: dict[str, Any]) -> str | None:
    """`_when` in UTC (Photo.best_time_utc): the same moment, None when its zone is unknown."""
    if record.get("taken_at_corrected"):
        return record.get("taken_at_corrected_utc")
    return record.get("taken_at_utc")


def geojson(records: Iterable[dict[str, Any]]) -> str:
    """A FeatureCollection of Points ([lon, lat, alt]) with id, incident, caption and time."""
    features = []
    for r in _located(records):
        coordinates = [r["gps_lon"], r["gps_lat"]]
        if r.get("gps_alt") is not None:
            coordinates.append(r["gps_alt"])
        features.append({
            "type": "Feature", "id": r["id"],
            "geometry": {"type": "Point", "coordinates": coordinates},
            "properties": {"photo": r["id"], "sha256": r["sha256"],
                           "incident_id": r.get("incident_id"), "incident": r.get("incident"),
                           "caption": r.get("caption", ""), "taken_at": _when(r),
                           "taken_at_utc": _when_utc(r)},
        })
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, indent=1) + "\n"


def kml(records: Iterable[dict[str, Any]], title: str = "Photo positions") -> str:
    """A KML Document with one Folder per incident and one Placemark per photo."""
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    document = ET.SubElement(root, f"{{{KML_NS}}}Document")
    ET.SubElement(document, f"{{{KML_NS}}}name").text = xml_text(title)
    located = sorted(_located(records), key=lambda r: (r.get("incident") is None,
                                                       r.get("incident") or "", r["id"]))
    for name, items in groupby(located, key=lambda r: r.get("incident")):
        box = ET.SubElement(document, f"{{{KML_NS}}}Folder")
        ET.SubElement(box, f"{{{KML_NS}}}name").text = xml_text(
            name or "Not assigned to an incident")
        for r in items:
            mark = ET.SubElement(box, f"{{{KML_NS}}}Placemark", id=f"photo-{r['id']}")
            ET.SubElement(mark, f"{{{KML_NS}}}name").text = f"Photo {r['id']}"
            ET.SubElement(mark, f"{{{KML_NS}}}description").text = xml_text(
                r.get("caption") or "")
            when = _when_utc(r) or _when(r)
            if when:
                stamp = ET.SubElement(mark, f"{{{KML_NS}}}TimeStamp")
                ET.SubElement(stamp, f"{{{KML_NS}}}when").text = xml_text(when)
            point = ET.SubElement(mark, f"{{{KML_NS}}}Point")
            alt = r.get("gps_alt")
            ET.SubElement(point, f"{{{KML_NS}}}coordinates").text = (
                f"{r['gps_lon']},{r['gps_lat']}" + (f",{alt}" if alt is not None else ""))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
