"""Export the demo mission's gallery and shoot it in headless Chromium (pages saved to docs/)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.export import folder
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.services.demo import apply_mission, sample_mission
from catalog_app.services.importing import ImportJob

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


# the title and credit are the user's text: given in the gallery's language, never translated
TITLE = {"en": "Demo mission, July 2024", "uk": "Демонстраційна місія, липень 2024"}
CREDIT = {"en": "Demo field team", "uk": "Демонстраційна польова команда"}


def shoot(browser: str, page: Path, png: Path, size: str, profile: Path) -> None:
    subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                    f"--window-size={size}", f"--screenshot={png}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--keep", type=Path, help="also keep the exported gallery here")
    parser.add_argument("--language", choices=("en", "uk"), default="en",
                        help="the gallery's language; uk names the files gallery-*-uk.png")
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium is not installed (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    actor = Actor("screenshot", "docs", "docs")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        with Catalogue.open(work / "demo", create=True) as catalogue:
            list(ImportJob(catalogue, [str(sample_mission())], actor).run())
            apply_mission(catalogue, actor, language=args.language)
            site = args.keep or work / "site"
            list(GalleryExport(catalogue, site, GalleryOptions(
                credit=CREDIT[args.language], title=TITLE[args.language],
                language=args.language), actor).run())
            hospital = next(i for i in catalogue.incidents()
                    if "Okhmatdyt" in i.name or "Охматдит" in i.name)
            graphic = next(p for p in catalogue.photos() if p.graphic)
            names = folder.NameMap.for_export(catalogue.layout.root, folder.read_marker(site))
            graphic_page = site / "photos" / f"{names.token(graphic.id)}.html"
        args.out.mkdir(parents=True, exist_ok=True)
        profile = work / "chromium-profile"
        suffix = "" if args.language == "en" else f"-{args.language}"
        shoot(browser, site / "index.html", args.out / f"gallery-index{suffix}.png",
              "1280,1100", profile)
        shoot(browser, site / f"incident-{hospital.id}.html",
              args.out / f"gallery-incident{suffix}.png", "1280,1300", profile)
        shoot(browser, graphic_page,
              args.out / f"gallery-graphic-photo-phone{suffix}.png", "390,844", profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
