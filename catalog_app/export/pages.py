"""The gallery's pages: plain view values for the theme's Jinja2 templates (autoescaped)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from catalog_app.core.models import Incident, Photo
from catalog_app.export import texts

DEFAULT_THEME = "default"
_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


@dataclass(slots=True)
class PhotoView:
    token: str  # the only name this photo has in the export: random, kept per folder
    caption: str
    alt: str
    when: str
    where: str
    graphic: bool
    width: int = 0
    height: int = 0
    number: int = 0
    prev: str | None = None
    next: str | None = None
    section: SectionView | None = None


@dataclass(slots=True)
class SectionView:
    page: str  # file name of its page
    name: str
    kind: str
    place: str
    dates: str
    description: str
    sources: str
    starts_at: str = ""  # for ordering: ISO 8601
    photos: list[PhotoView] = field(default_factory=list)

    @property
    def cover(self) -> PhotoView | None:
        """The first photo that is not graphic (a graphic one only if it is all there is)."""
        return next((p for p in self.photos if not p.graphic), None) or \
            (self.photos[0] if self.photos else None)


def environment(theme_dir: Path | None = None, lang: str = "en") -> jinja2.Environment:
    """Templates from an organisation's theme folder first, then the built-in default theme;
    their fixed texts ({% trans %}, _()) in `lang`, the "gallery" gettext domain."""
    loaders: list[jinja2.BaseLoader] = []
    if theme_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(theme_dir)))
    loaders.append(jinja2.PackageLoader("catalog_app.resources", f"themes/{DEFAULT_THEME}"))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True,
                             extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(texts.translation(lang), newstyle=True)  # type: ignore[attr-defined]
    env.policies["ext.i18n.trimmed"] = True
    env.globals["lang"] = texts.language(lang)
    env.globals["direction"] = texts.text_direction(lang)
    env.filters["linkify"] = linkify
    return env


def static_files(theme_dir: Path | None = None) -> dict[str, bytes]:
    """The theme's static/ files (styles, script, fonts), an organisation's overriding ours."""
    found: dict[str, bytes] = {}
    default = resources.files("catalog_app.resources").joinpath(
        f"themes/{DEFAULT_THEME}/static")
    for entry in default.iterdir():
        if entry.is_file():
            found[entry.name] = entry.read_bytes()
    if theme_dir is not None and (theme_dir / "static").is_dir():
        for path in (theme_dir / "static").iterdir():
            if path.is_file():
                found[path.name] = path.read_bytes()
    return found


def linkify(text: str) -> Markup:
    """Escape text, then make its http(s) addresses links (the address itself escaped)."""
    parts, last = [], 0
    for match in _URL.finditer(text):
        parts.append(escape(text[last:match.start()]))
        url = escape(match.group(0))
        parts.append(Markup(f'<a href="{url}" rel="noopener noreferrer">{url}</a>'))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def section(incident: Incident | None, lang: str = "en") -> SectionView:
    G_, _GN = texts.for_language(lang)
    if incident is None:
        return SectionView("untagged.html", G_("Not yet assigned to an incident"), "", "", "",
                           "", "")
    return SectionView(f"incident-{incident.id}.html", incident.name, incident.kind or "",
                       incident.place or "",
                       date_span(incident.starts_at, incident.ends_at, lang),
                       incident.description, incident.sources, incident.starts_at or "")


def photo_view(photo: Photo, token: str, keep_location: bool, lang: str = "en") -> PhotoView:
    G_, _GN = texts.for_language(lang)
    when = describe_time(photo.best_time, lang)
    where = ""
    gps = photo.capture.gps
    if keep_location and gps is not None:
        where = f"{gps.lat:.5f}, {gps.lon:.5f}"
    caption = photo.caption.strip()
    alt = caption or (G_("Photo taken {when}").format(when=when) if when
                      else G_("Photo without a caption"))
    return PhotoView(token, caption, alt, when, where, photo.graphic)


def describe_time(moment: datetime | None, lang: str = "en") -> str:
    if moment is None:
        return ""
    G_, _GN = texts.for_language(lang)
    text = texts.day_and_time(moment, lang)
    if moment.tzinfo is None:
        return G_("{time} (local time; zone unknown)").format(time=text)
    offset = moment.strftime("%z")
    return f"{text} (UTC{offset[:3]}:{offset[3:]})"


def date_span(start: str | None, end: str | None, lang: str = "en") -> str:
    def day(value: str | None) -> str:
        if not value:
            return ""
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        return texts.day(moment, lang)

    first, last = day(start), day(end)
    if first and last and first != last:
        return f"{first} – {last}"
    return first or last
