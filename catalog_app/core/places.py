"""Where a position is, offline: the nearest town, its region and country (GeoNames data
shipped by the reverse-geocode package), and distances on the Earth's surface."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from catalog_app import i18n
from catalog_app.i18n import N_, _

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)
# How far and which way a position is from a town, one whole sentence per compass point
_DIRECTIONS = {"N": N_("{km} km N of {place}"), "NE": N_("{km} km NE of {place}"),
               "E": N_("{km} km E of {place}"), "SE": N_("{km} km SE of {place}"),
               "S": N_("{km} km S of {place}"), "SW": N_("{km} km SW of {place}"),
               "W": N_("{km} km W of {place}"), "NW": N_("{km} km NW of {place}")}


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> str:
    """The compass point (N, NE, ...) from the first position towards the second."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    degrees = (math.degrees(math.atan2(y, x)) + 360) % 360
    return ("N", "NE", "E", "SE", "S", "SW", "W", "NW")[round(degrees / 45) % 8]


@dataclass(frozen=True, slots=True)
class Place:
    town: str
    region: str
    country: str
    distance_m: float  # from the position to the town's centre
    direction: str  # of the position, seen from the town

    def describe(self) -> str:
        """E.g. 'Izium, Kharkivs'ka Oblast', Ukraine' or '3.6 km NE of Izium, ...'."""
        where = ", ".join(x for x in (self.town, self.region, self.country) if x)
        if self.distance_m < 1000:
            return where
        sentence = _DIRECTIONS.get(self.direction, N_("{km} km {direction} of {place}"))
        return _(sentence).format(km=_km(self.distance_m), direction=self.direction, place=where)

    def name(self) -> str:
        """A place name for an incident: town, region, country."""
        return ", ".join(x for x in (self.town, self.region, self.country) if x)


def nearest_place(lat: float, lon: float) -> Place:
    """The nearest GeoNames town (population 1,000 or more) to a position."""
    found = _geocoder().get((lat, lon))
    return Place(found.get("city", ""), found.get("state", ""), found.get("country", ""),
                 distance_m(found["latitude"], found["longitude"], lat, lon),
                 bearing(found["latitude"], found["longitude"], lat, lon))


@cache
def _geocoder():
    import reverse_geocode  # loads its data (about half a second) on first use

    return reverse_geocode


def _km(metres: float) -> str:
    """'3.6' (English), '3,6' (Ukrainian): kilometres to one decimal, the language's way."""
    if i18n.current() == i18n.DEFAULT:
        return f"{metres / 1000:.1f}"
    from babel.numbers import format_decimal
    return format_decimal(round(metres / 1000, 1), format="#,##0.0", locale=i18n.current())
