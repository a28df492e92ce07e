"""Draw the demo mission's photos (made-up scenes, each marked DEMO) into sample_data/photos/.

Run from the repository root: `.venv/bin/python sample_data/make_sample.py`. The output is
committed; rerunning it gives the same pictures (fixed seeds).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from fractions import Fraction
from pathlib import Path

import pillow_heif
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).parent
OUT = HERE / "photos"
SIZE = (1200, 900)
KYIV = timezone(timedelta(hours=3))  # EEST, summer 2024


@dataclass(frozen=True)
class Device:
    make: str
    model: str
    serial: str
    writes_offset: bool  # OffsetTimeOriginal
    has_gps: bool
    clock_error: timedelta  # what its clock adds to the true time
    heic: bool = False


CAMERA = Device("DemoCam", "Field A", "DEMO-A-0001", True, False, timedelta(0))
PHONE = Device("DemoPhone", "12 Pro", "", False, True, timedelta(0), heic=True)
OLD_CAMERA = Device("DemoCam", "Field B", "DEMO-B-0002", False, False,
                    timedelta(hours=-1, minutes=-3))  # its clock was never set to summer time

# (scene, place, lat, lon, true local time, device, note)
SHOTS = [
    ("forest", "Izyum forest", 49.18380, 37.23050, "2024-07-15 09:12:04", PHONE, "graves"),
    ("forest", "Izyum forest", 49.18392, 37.23071, "2024-07-15 09:14:40", PHONE, "crosses"),
    ("forest", "Izyum forest", 49.18371, 37.23022, "2024-07-15 09:20:13", CAMERA, "wide"),
    ("forest", "Izyum forest", 49.18402, 37.23110, "2024-07-15 09:31:55", OLD_CAMERA, "trench"),
    ("trench", "Izyum forest", 49.18510, 37.22870, "2024-07-15 10:02:31", PHONE, "trench"),
    ("trench", "Izyum forest", 49.18522, 37.22851, "2024-07-15 10:05:09", CAMERA, "gear"),
    ("housing", "Bucha", 50.53700, 30.23300, "2024-07-17 11:05:00", PHONE, "street"),
    ("housing", "Bucha", 50.53712, 30.23342, "2024-07-17 11:07:45", CAMERA, "facade"),
    ("housing", "Bucha", 50.53690, 30.23280, "2024-07-17 11:15:22", OLD_CAMERA, "yard"),
    ("bridge", "Irpin", 50.51250, 30.26650, "2024-07-17 15:40:10", PHONE, "bridge"),
    ("bridge", "Irpin", 50.51262, 30.26631, "2024-07-17 15:42:57", CAMERA, "span"),
    ("housing", "Irpin", 50.51810, 30.24190, "2024-07-17 16:20:33", PHONE, "block"),
    ("hospital", "Kyiv, Okhmatdyt", 50.45340, 30.47240, "2024-07-08 13:02:11", PHONE, "wing"),
    ("hospital", "Kyiv, Okhmatdyt", 50.45352, 30.47261, "2024-07-08 13:05:48", CAMERA, "debris"),
    ("hospital", "Kyiv, Okhmatdyt", 50.45331, 30.47219, "2024-07-08 13:11:26", PHONE, "rescue"),
    ("hospital", "Kyiv, Okhmatdyt", 50.45360, 30.47230, "2024-07-09 08:45:03", OLD_CAMERA,
     "next day"),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    pillow_heif.register_heif_opener()
    written = []
    for n, (scene, place, lat, lon, when, device, note) in enumerate(SHOTS, start=1):
        image = draw_scene(scene, n, f"{place} · {note}")
        true_time = datetime.fromisoformat(when).replace(tzinfo=KYIV)
        exif = make_exif(device, true_time, lat, lon)
        name = f"DEMO_{n:03d}.{'HEIC' if device.heic else 'JPG'}"
        path = OUT / name
        if device.heic:
            image.save(path, "HEIF", quality=60, exif=exif.tobytes())
        else:
            image.save(path, "JPEG", quality=82, exif=exif.tobytes())
        written.append(path)
    # Near-duplicates, as messengers and people make them:
    first = Image.open(OUT / "DEMO_002.HEIC").convert("RGB")
    sent = first.resize((first.width // 4, first.height // 4), Image.Resampling.BILINEAR)
    sent.save(OUT / "WhatsApp Image 2024-07-15 at 09.20.11.jpeg", "JPEG", quality=35)
    wide = Image.open(OUT / "DEMO_014.JPG")
    wide.convert("RGB").save(OUT / "DEMO_014 (copy).png", "PNG")
    bridge = Image.open(OUT / "DEMO_010.HEIC").convert("RGB")
    buffer = io.BytesIO()
    bridge.save(buffer, "JPEG", quality=60)
    (OUT / "signal-2024-07-17-154500.jpg").write_bytes(buffer.getvalue())
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"{len(list(OUT.iterdir()))} files, {total / 1e6:.1f} MB in {OUT}")


def draw_scene(scene: str, seed: int, caption: str) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    w, h = SIZE
    horizon = int(h * rng.uniform(0.45, 0.6))
    for y in range(horizon):  # sky
        t = y / horizon
        draw.line([(0, y), (w, y)], fill=(int(120 + 80 * t), int(150 + 70 * t), int(200 + 40 * t)))
    ground = {"forest": (70, 85, 50), "trench": (105, 85, 60), "housing": (110, 110, 105),
              "bridge": (90, 95, 100), "hospital": (120, 118, 112)}[scene]
    draw.rectangle([0, horizon, w, h], fill=ground)
    if scene in ("forest", "trench"):
        for _ in range(40):
            x = rng.randrange(-50, w + 50)
            top = horizon - rng.randrange(150, 380)
            half = rng.randrange(25, 60)
            green = (rng.randrange(25, 55), rng.randrange(60, 95), rng.randrange(25, 50))
            draw.polygon([(x, top), (x - half, horizon + 10), (x + half, horizon + 10)], green)
        if scene == "forest":
            for i in range(rng.randrange(5, 9)):
                x = 150 + i * 120 + rng.randrange(-20, 20)
                y = horizon + 120 + rng.randrange(0, 120)
                draw.rectangle([x - 4, y - 70, x + 4, y + 20], fill=(60, 45, 30))
                draw.rectangle([x - 28, y - 52, x + 28, y - 44], fill=(60, 45, 30))
                draw.ellipse([x - 60, y + 10, x + 60, y + 50], fill=(85, 65, 45))
        else:
            draw.polygon([(0, h - 220), (w, h - 300), (w, h - 200), (0, h - 120)], (60, 45, 30))
    elif scene in ("housing", "hospital"):
        for i in range(3):
            left = 60 + i * 380 + rng.randrange(-20, 20)
            top = horizon - rng.randrange(220, 380)
            draw.rectangle([left, top, left + 320, horizon + 40], fill=(170, 165, 155))
            for row in range(top + 20, horizon, 46):
                for col in range(left + 20, left + 300, 52):
                    burnt = rng.random() < 0.35
                    draw.rectangle([col, row, col + 30, row + 26],
                                   fill=(25, 22, 20) if burnt else (90, 120, 150))
        if scene == "hospital":
            cx, cy = 640, horizon - 330
            draw.rectangle([cx - 45, cy - 15, cx + 45, cy + 15], fill=(200, 30, 30))
            draw.rectangle([cx - 15, cy - 45, cx + 15, cy + 45], fill=(200, 30, 30))
        for _ in range(60):  # debris
            x, y = rng.randrange(w), rng.randrange(horizon + 40, h)
            r = rng.randrange(4, 22)
            draw.rectangle([x, y, x + r, y + r // 2], fill=(rng.randrange(60, 140),) * 3)
    elif scene == "bridge":
        draw.rectangle([0, horizon + 40, w, h], fill=(70, 90, 110))  # river
        draw.polygon([(0, horizon - 20), (520, horizon + 10), (520, horizon + 40),
                      (0, horizon + 20)], (95, 95, 95))
        draw.polygon([(680, horizon + 90), (w, horizon - 20), (w, horizon + 20),
                      (680, horizon + 130)], (95, 95, 95))
        for x in (200, 420, 900, 1100):
            draw.rectangle([x, horizon, x + 30, h - 120], fill=(80, 80, 80))
    mark(image, caption)
    return image


def mark(image: Image.Image, caption: str) -> None:
    """A large DEMO watermark and a caption bar: nobody can mistake these for evidence."""
    font_big = ImageFont.load_default(size=220)
    font_small = ImageFont.load_default(size=26)
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.text((image.width // 2, image.height // 2), "DEMO", font=font_big, anchor="mm",
              fill=(255, 255, 255, 90), stroke_width=4, stroke_fill=(0, 0, 0, 90))
    draw.rectangle([0, image.height - 44, image.width, image.height], fill=(0, 0, 0, 170))
    draw.text((14, image.height - 22), f"catalog_app demo mission, not real evidence · {caption}",
              font=font_small, anchor="lm", fill=(255, 255, 255, 255))
    image.paste(Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB"))


def make_exif(device: Device, true_time: datetime, lat: float, lon: float) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = device.make
    exif[0x0110] = device.model
    exif[0x0131] = "catalog_app sample_data/make_sample.py"
    clock = (true_time + device.clock_error).replace(tzinfo=None)
    stamp = clock.strftime("%Y:%m:%d %H:%M:%S")
    exif[0x0132] = stamp
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = stamp  # DateTimeOriginal
    sub[0x9004] = stamp  # DateTimeDigitized
    if device.writes_offset:
        sub[0x9011] = "+03:00"  # OffsetTimeOriginal
    if device.serial:
        sub[0xA431] = device.serial  # BodySerialNumber
    if device.has_gps:
        gps = exif.get_ifd(0x8825)
        utc = true_time.astimezone(UTC)
        gps[1], gps[2] = ("N" if lat >= 0 else "S"), _dms(abs(lat))
        gps[3], gps[4] = ("E" if lon >= 0 else "W"), _dms(abs(lon))
        gps[5], gps[6] = 0, Fraction(150, 1)
        gps[7] = (Fraction(utc.hour), Fraction(utc.minute), Fraction(utc.second))
        gps[29] = utc.strftime("%Y:%m:%d")
    return exif


def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = Fraction(round(((value - degrees) * 60 - minutes) * 60 * 1000), 1000)
    return Fraction(degrees), Fraction(minutes), seconds


if __name__ == "__main__":
    main()
