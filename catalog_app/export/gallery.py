"""Export a captioned gallery: a static site per incident, safe to publish by default."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from catalog_app.core import redaction, signing, testpoints
from catalog_app.core.models import Actor, Incident, Photo
from catalog_app.core.progress import Progress
from catalog_app.core.store import sha256_file
from catalog_app.core.workers import default_workers, run_tasks, spawn_pool
from catalog_app.db.interface import CatalogueStore
from catalog_app.export import check, folder, pages, selection, texts
from catalog_app.export.public_image import RenderTask, render
from catalog_app.export.selection import NothingToPublish, Selection

FORMAT_VERSION = 2  # 2: random image names; names and image keys kept in the catalogue


@dataclass(frozen=True, slots=True)
class GalleryOptions:
    selection: Selection = field(default_factory=Selection)
    keep_location: bool = False  # publishing positions must be a choice, never a default
    max_px: int = 2048
    credit: str = ""
    title: str = ""  # empty: "Documented incidents" in the gallery's language
    theme_dir: Path | None = None
    sign_with: Path | None = None  # an Ed25519 private key, kept outside the catalogue
    language: str = ""  # the pages' fixed texts and dates: "en", "uk"; empty: i18n.current()


ExportProgress = Progress  # the one progress value every job yields (core/progress.py)


@dataclass(slots=True)
class ExportSummary:
    exported: int = 0
    reused: int = 0  # images already up to date from an earlier export into the folder
    failed: list[tuple[int, str]] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)
    gated: int = 0  # blurred behind the warning as copies of a graphic photo
    cancelled: bool = False
    signed_by: str | None = None


class GalleryExport:
    """Iterate run() for progress; `summary` tells what was done. cancel() from any thread."""

    def __init__(self, catalogue: CatalogueStore, out: Path, options: GalleryOptions, actor: Actor,
                 workers: int | None = None) -> None:
        self.catalogue, self.out, self.options, self.actor = catalogue, Path(out), options, actor
        self.workers = default_workers() if workers is None else workers
        self.summary = ExportSummary()
        self._cancel = threading.Event()
        self._written: list[str] = []  # pages, relative to the folder
        self._tokens: dict[int, str] = {}  # photo id -> its image name in this folder
        self._regions: dict[int, tuple[redaction.Region, ...]] = {}  # hidden when published

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> Iterator[ExportProgress]:
        try:
            yield from self._run()
        except OSError as exc:  # a full disk or a folder that became unwritable
            raise folder.output_error(exc, self.out) from exc

    def _run(self) -> Iterator[ExportProgress]:
        key = None
        if self.options.sign_with is not None:
            signing.outside(self.options.sign_with, self.catalogue.layout.root)
            key = signing.load_private(self.options.sign_with)
        groups = selection.copy_groups(self.catalogue)
        self._regions = {pid: applied for pid, regions in self.catalogue.redactions().items()
                         if (applied := tuple(r for r in regions if r.applied))}
        chosen = selection.for_gallery(self.catalogue.photos(), self.options.selection, groups,
                                       redacted=frozenset(self._regions),
                                       faces_unreviewed=set(self.catalogue.faces_unreviewed()))
        self.summary.left_out = dict(chosen.left_out)
        self.summary.gated = chosen.gated
        if not chosen.photos:  # before the folder is touched: an earlier gallery stays as it is
            raise NothingToPublish(self.summary.left_out)
        earlier = folder.prepare(self.out, "gallery", updatable=True)
        # Image names are random and kept on the catalogue's side (exports/galleries/), with
        # what each image was made from: the folder shows neither ids, nor gaps, nor hashes.
        names = folder.NameMap.for_export(self.catalogue.layout.root, earlier)
        previous: dict[str, str] = names.keys
        self._tokens = {photo.id: names.token(photo.id) for photo in chosen.photos}
        owner = {token: photo_id for photo_id, token in self._tokens.items()}
        names.save(previous)  # the names exist before any image is written under them
        # Mark the folder as ours before the first image: a run killed half-way leaves a
        # folder the next run recognises and finishes, not "a folder that is not empty".
        earlier = {**earlier, "export_id": names.export_id,
                   "images": sorted({*_listed(earlier), *owner})}
        folder.write_marker(self.out, {**earlier, "kind": "gallery",
                                       "format": FORMAT_VERSION, "pages": False})
        incidents = {i.id: i for i in self.catalogue.incidents(include_archived=True)}
        tasks, keys, done_keys = [], {}, {}
        for photo in chosen.photos:
            task = self._task(photo)
            keys[task.image] = _key(photo, task)
            token = Path(task.image).stem
            if previous.get(token) == keys[task.image] and Path(task.image).is_file() \
                    and Path(task.thumb).is_file():
                done_keys[token] = keys[task.image]
                self.summary.reused += 1
            else:
                tasks.append(task)
        total = len(chosen.photos)
        done = self.summary.reused
        yield ExportProgress(done, total, "")
        sizes: dict[str, tuple[int, int]] = {}
        pool = spawn_pool(self.workers) if self.workers > 0 and len(tasks) > 1 else None
        try:
            for task, result in run_tasks(pool, render, tasks, self._cancel.is_set,
                                          inflight=max(4, 3 * self.workers)):
                done += 1
                token = Path(task.image).stem
                if result.error:
                    self.summary.failed.append((owner[token], result.error))
                else:
                    sizes[token] = (result.width, result.height)
                    done_keys[token] = keys[task.image]
                    self.summary.exported += 1
                yield ExportProgress(done, total, token)
                testpoints.reached("export-gallery-image")
        except BaseException:  # Ctrl-C, a full disk: keep the record of the images made
            names.save({**previous, **done_keys})
            folder.write_marker(self.out, {**earlier, "kind": "gallery", "pages": False,
                                           "images": sorted({*earlier["images"], *done_keys})})
            raise
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self.summary.cancelled = self._cancel.is_set() and done < total
        names.save({**previous, **done_keys} if self.summary.cancelled else done_keys)
        record = {"kind": "gallery", "format": FORMAT_VERSION, "export_id": names.export_id,
                  "images": sorted(done_keys)}
        if self.summary.cancelled:  # keep what was made: the next run reuses it
            folder.write_marker(self.out, {**earlier, **record, "pages": False,
                                           "images": sorted({*earlier["images"], *done_keys})})
            return
        failed = {pid for pid, _ in self.summary.failed}
        published = [p for p in chosen.photos if p.id not in failed]
        self._write_site(published, incidents, sizes, earlier)
        self._remove_stale(earlier, set(done_keys))
        folder.write_text(self.out / "SHA256SUMS", check.sums_for(self.out))
        for stale in ("SHA256SUMS.sig", signing.PUBLIC_NAME):
            (self.out / stale).unlink(missing_ok=True)
        if key is not None:
            _, self.summary.signed_by = signing.sign_file(key, self.out / "SHA256SUMS")
        folder.write_marker(self.out, {**record, "pages": True, "page_files": self._written,
                                       "custody_head": self.catalogue.custody_head()[1],
                                       "options": _options_record(self.options)})
        self.catalogue.record_event("export-gallery", {
            "destination": str(self.out.absolute()), "photos": [p.id for p in published],
            "keep_location": self.options.keep_location, "max_px": self.options.max_px,
            "left_out": self.summary.left_out,
            "sha256sums_sha256": sha256_file(self.out / "SHA256SUMS"),
            "signed_by": self.summary.signed_by}, self.actor)

    def _task(self, photo: Photo) -> RenderTask:
        token = self._tokens[photo.id]
        return RenderTask(
            source=str(self.catalogue.layout.resolve(photo.stored_path)),
            image=str(self.out / "images" / f"{token}.jpg"),
            thumb=str(self.out / "thumbs" / f"{token}.jpg"),
            max_px=self.options.max_px, caption=photo.caption, credit=self.options.credit,
            gps=photo.capture.gps if self.options.keep_location else None,
            graphic=photo.graphic, regions=self._regions.get(photo.id, ()))

    def _write_site(self, photos: list[Photo], incidents: dict[int, Incident],
                    sizes: dict[str, tuple[int, int]], earlier: dict) -> None:
        lang = texts.language(self.options.language)
        G_, _GN = texts.for_language(lang)
        sections: dict[int | None, pages.SectionView] = {}
        for photo in photos:
            key = photo.incident[0] if photo.incident else None
            if key not in sections:
                sections[key] = pages.section(incidents.get(key) if key is not None else None,
                                              lang)
            view = pages.photo_view(photo, self._tokens[photo.id], self.options.keep_location,
                                    lang)
            view.width, view.height = sizes.get(view.token) or _size_of(
                self.out / "images" / f"{view.token}.jpg")
            view.section = sections[key]
            sections[key].photos.append(view)
        ordered = sorted(sections.values(), key=lambda s: (
            s.page == "untagged.html", not s.starts_at, _utc(s.starts_at), s.name))
        env = pages.environment(self.options.theme_dir, lang)
        context = {"title": self.options.title or G_("Documented incidents"),
                   "credit": self.options.credit,
                   "keep_location": self.options.keep_location}
        self._page("index.html", env.get_template("index.html").render(
            sections=ordered, root="", **context))
        for sec in ordered:
            for number, view in enumerate(sec.photos, start=1):
                view.number = number
                view.prev = sec.photos[number - 2].token if number > 1 else None
                view.next = sec.photos[number].token if number < len(sec.photos) else None
            self._page(sec.page, env.get_template("incident.html").render(
                section=sec, root="", **context))
            for view in sec.photos:
                self._page(f"photos/{view.token}.html", env.get_template("photo.html").render(
                    photo=view, section=sec, root="../", **context))
        for name, data in pages.static_files(self.options.theme_dir).items():
            folder.write_bytes(folder.inside(self.out, f"assets/{name}"), data)

    def _page(self, relative: str, html: str) -> None:
        folder.write_text(folder.inside(self.out, relative), html)
        self._written.append(relative)

    def _remove_stale(self, earlier: dict, current: set[str]) -> None:
        """Drop pages and images an earlier export wrote that this one no longer has."""
        for token in set(earlier.get("images", ())) - current:
            for sub in ("images", "thumbs"):
                folder.inside(self.out, f"{sub}/{token}.jpg").unlink(missing_ok=True)
        for name in set(earlier.get("page_files", [])) - set(self._written):
            folder.inside(self.out, name).unlink(missing_ok=True)


def _key(photo: Photo, task: RenderTask) -> str:
    """What an exported image depends on: when it changes, the image is made again."""
    fields = asdict(task)
    fields.pop("image"), fields.pop("thumb"), fields.pop("source")
    fields["regions"] = [r.values() for r in task.regions]  # not who drew them, nor when
    fields["sha256"] = photo.sha256
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _listed(marker: dict) -> list[str]:
    """The image names an earlier export's marker lists (format 1 kept a dict of them)."""
    return sorted(marker.get("images") or ())


def _utc(moment: str) -> str:
    """An ISO 8601 time as sortable UTC text (naive times taken as they are)."""
    from datetime import UTC, datetime

    try:
        parsed = datetime.fromisoformat(moment)
    except ValueError:
        return moment
    return (parsed.astimezone(UTC) if parsed.tzinfo else parsed).isoformat()


def _size_of(path: Path) -> tuple[int, int]:
    from PIL import Image

    try:
        with Image.open(path) as image:
            return image.size
    except OSError:
        return (0, 0)


def _options_record(options: GalleryOptions) -> dict:
    return {"keep_location": options.keep_location, "max_px": options.max_px,
            "credit": options.credit, "title": options.title,
            "language": texts.language(options.language)}

