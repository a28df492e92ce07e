"""Small files crafted to hold each metadata layout issue 13 found on real files."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image, TiffImagePlugin
from PIL.PngImagePlugin import PngInfo
from PIL.TiffImagePlugin import IFDRational as R

EXIF_IFD, GPS_IFD = 0x8769, 0x8825
XMP_HEAD = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
            'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
            'xmlns:exif="http://ns.adobe.com/exif/1.0/" '
            'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"')
XMP_TAIL = "</rdf:Description></rdf:RDF></x:xmpmeta>"


def _picture(size: tuple[int, int] = (48, 32)) -> Image.Image:
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((200, 30, 30), (0, 0, size[0] // 3, size[1] // 3))
    return image


def _exif(ifd0: dict | None = None, exif: dict | None = None, gps: dict | None = None
          ) -> Image.Exif:
    block = Image.Exif()
    for tag, value in (ifd0 or {}).items():
        block[tag] = value
    if exif:
        block.get_ifd(EXIF_IFD).update(exif)
    if gps:
        block.get_ifd(GPS_IFD).update(gps)
    return block


def _ascii_gps_block(ifd0: dict[int, str], dto: str, gps: dict[int, str]) -> bytes:
    """An EXIF block (little-endian TIFF) whose GPS coordinates are ASCII text, as some
    devices write them; Pillow's writer insists on rationals, so it is laid out here."""
    import struct

    def ifd(entries: list[tuple[int, int, bytes]], start: int, next_ifd: int = 0) -> bytes:
        head = struct.pack("<H", len(entries))
        data_at = start + 2 + 12 * len(entries) + 4
        body, extra = b"", b""
        for tag, kind, value in sorted(entries):
            count = len(value) if kind == 2 else len(value) // 4
            if len(value) <= 4:
                body += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
            else:
                body += struct.pack("<HHII", tag, kind, count, data_at + len(extra))
                extra += value + b"\x00" * (len(value) % 2)
        return head + body + struct.pack("<I", next_ifd) + extra

    def text(value: str) -> bytes:
        return value.encode("ascii") + b"\x00"

    zero = [(tag, 2, text(v)) for tag, v in ifd0.items()]
    size0 = len(ifd([*zero, (EXIF_IFD, 4, b"\x00" * 4), (GPS_IFD, 4, b"\x00" * 4)], 8))
    exif_entries = [(0x9003, 2, text(dto))]
    exif_at = 8 + size0
    gps_at = exif_at + len(ifd(exif_entries, exif_at))
    zero += [(EXIF_IFD, 4, struct.pack("<I", exif_at)), (GPS_IFD, 4, struct.pack("<I", gps_at))]
    gps_entries = [(tag, 2, text(v)) for tag, v in gps.items()]
    return (b"Exif\x00\x00II*\x00" + struct.pack("<I", 8) + ifd(zero, 8)
            + ifd(exif_entries, exif_at) + ifd(gps_entries, gps_at))


def _jpeg(exif: Image.Exif | bytes | None = None, xmp: str | None = None,
          iptc: list[tuple[int, int, bytes]] | None = None) -> bytes:
    out = io.BytesIO()
    options: dict = {"quality": 80}
    if exif is not None:
        options["exif"] = exif if isinstance(exif, bytes) else exif.tobytes()
    if xmp is not None:
        options["xmp"] = xmp.encode("utf-8")
    _picture().save(out, "JPEG", **options)
    data = out.getvalue()
    if iptc:
        data = data[:2] + _app13(iptc) + data[2:]
    return data


def _xmp(attributes: str = "", body: str = "") -> str:
    return f"{XMP_HEAD} {attributes}>{body}{XMP_TAIL}"


def _app13(datasets: list[tuple[int, int, bytes]]) -> bytes:
    """A Photoshop 3.0 APP13 segment holding IPTC-IIM datasets (UTF-8 declared)."""
    iim = b"\x1c\x01\x5a\x00\x03\x1b%G"
    for record, number, value in datasets:
        iim += bytes([0x1C, record, number]) + len(value).to_bytes(2, "big") + value
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM\x04\x04\x00\x00" + len(iim).to_bytes(4, "big") + iim
    body = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + (len(body) + 2).to_bytes(2, "big") + body


def _png(exif: Image.Exif | None = None, text: dict[str, str] | None = None) -> bytes:
    out = io.BytesIO()
    info = PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value, zip=True)
    options: dict = {"pnginfo": info}
    if exif is not None:
        options["exif"] = exif.tobytes()
    _picture().save(out, "PNG", **options)
    return out.getvalue()


def _raw_profile(exif: Image.Exif) -> str:
    """ImageMagick's 'Raw profile type exif': a name, the length, then the bytes in hex."""
    data = exif.tobytes()  # b"Exif\0\0" + TIFF, as ImageMagick writes it
    hexed = data.hex()
    lines = "\n".join(hexed[i:i + 72] for i in range(0, len(hexed), 72))
    return f"\nexif\n{len(data):8d}\n{lines}\n"


def _tiff(tags: dict[int, tuple[int, object]], size: tuple[int, int] = (60, 40)) -> bytes:
    ifd = TiffImagePlugin.ImageFileDirectory_v2()
    for tag, (kind, value) in tags.items():
        ifd[tag] = value
        ifd.tagtype[tag] = kind
    out = io.BytesIO()
    _picture(size).save(out, "TIFF", tiffinfo=ifd)
    return out.getvalue()


NIKON_GPS = {1: "N", 2: (R(48, 1), R(5332358, 100000), R(0, 0)), 3: "E",
             4: (R(21, 1), R(259507, 100000), R(0, 0)), 5: b"\x00", 6: R(324145, 1000)}
TWO_PARTS_GPS = {1: "N", 2: (R(48, 1), R(5332358, 100000)), 3: "E",
                 4: (R(21, 1), R(259507, 100000)), 5: b"\x00", 6: R(324145, 1000)}
NIKON = {0x010F: "NIKON CORPORATION", 0x0110: "NIKON D5000"}
DTO = {0x9003: "2011:03:12 15:36:11"}

MAKERS: dict[str, Callable[[], bytes]] = {
    # degrees + decimal minutes with 0/0 seconds (Nikon, GPS loggers) ...
    "gps_decimal_minutes.jpg": lambda: _jpeg(_exif(NIKON, DTO, NIKON_GPS)),
    # ... and the same position with the unused part left out (exiftool reads this one)
    "gps_two_parts.jpg": lambda: _jpeg(_exif(NIKON, DTO, TWO_PARTS_GPS)),
    "gps_unusable.jpg": lambda: _jpeg(_exif(NIKON, DTO, {
        1: "N", 2: (R(48, 1), R(0, 0), R(30, 1)), 3: "E", 4: (R(21, 1), R(2, 1), R(3, 1))})),
    "gps_ascii.jpg": lambda: _jpeg(_ascii_gps_block(NIKON, DTO[0x9003], {
        1: "S", 2: "33.8688197", 3: "E", 4: "151 12 33.5"})),
    "png_exif_chunk.png": lambda: _png(_exif(
        {0x010F: "Lab 308", 0x0110: "Pilot PNG"}, {0x9003: "2020:02:03 04:05:06"},
        {1: "N", 2: (R(52, 1), R(31, 1), R(12, 1)), 3: "E", 4: (R(13, 1), R(24, 1), R(0, 1))})),
    "png_raw_profile.png": lambda: _png(text={"Raw profile type exif": _raw_profile(_exif(
        {0x010F: "Lab 308", 0x0110: "Raw Profile"}, {0x9003: "2021:03:04 05:06:07"}))}),
    "ifd0_dates.jpg": lambda: _jpeg(_exif({
        0x010F: "SAMSUNG", 0x0110: "SM-G900F", 0x0132: "2020:06:01 10:00:00",
        0x9003: "2011:04:02 18:30:10", 0x9004: "2011:04:02 18:30:11"})),
    "ifd0_digitized.jpg": lambda: _jpeg(_exif({
        0x010F: "SAMSUNG", 0x0132: "2020:06:01 10:00:00", 0x9004: "2011:04:02 18:30:11"})),
    "exif_ifd_make.jpg": lambda: _jpeg(_exif(exif={
        0x010F: "Lab 308", 0x0110: "Smart Pilot Cam", 0x9003: "2025:08:15 22:25:54"})),
    "dng_serial.tif": lambda: _tiff({0x010F: (2, "Nikon"), 0xC62F: (2, "3020326")}),
    "tiff_orientation6.tif": lambda: _tiff({0x0112: (3, 6)}),
    "xmp_dto_zone.jpg": lambda: _jpeg(xmp=_xmp(
        'exif:DateTimeOriginal="2019-05-04T10:20:30+03:00"')),
    "xmp_createdate.jpg": lambda: _jpeg(
        _exif(gps={1: "N", 2: (R(50, 1), R(27, 1), R(0, 1)), 3: "E",
                   4: (R(30, 1), R(31, 1), R(0, 1))}),
        xmp=_xmp(body="<xmp:CreateDate>2018-01-02T03:04:05</xmp:CreateDate>")),
    "xmp_photoshop_date.jpg": lambda: _jpeg(xmp=_xmp(
        'photoshop:DateCreated="2017-07-08T09:10:11.5-04:00" aux:SerialNumber="AUX-77"')),
    "xmp_date_only.jpg": lambda: _jpeg(xmp=_xmp('photoshop:DateCreated="2017-07-08"')),
    "xmp_gps.jpg": lambda: _jpeg(xmp=_xmp(
        'exif:GPSLatitude="48,53.323582N" exif:GPSLongitude="21,2.595070E" '
        'xmp:CreateDate="2011-03-12T15:36:11"')),
    "iptc_date.jpg": lambda: _jpeg(iptc=[
        (2, 5, b"Market square"), (2, 25, "März".encode()), (2, 25, b"crowd"),
        (2, 55, b"20160304"), (2, 60, b"121314+0530"),
        (2, 120, b"Crowd at the market, ca. 300 people")]),
    "xmp_captions.jpg": lambda: _jpeg(xmp=_xmp(body=(
        '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Checkpoint north</rdf:li>'
        "</rdf:Alt></dc:title>"
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Vehicles queue at the '
        "checkpoint</rdf:li></rdf:Alt></dc:description>"
        "<dc:subject><rdf:Bag><rdf:li>checkpoint</rdf:li><rdf:li>vehicles</rdf:li>"
        "</rdf:Bag></dc:subject>"))),
    "year_9999.jpg": lambda: _jpeg(_exif(exif={
        0x9003: "9999:12:31 23:30:00", 0x9011: "-12:00"})),
    "year_0001.jpg": lambda: _jpeg(_exif(exif={
        0x9003: "0001:01:01 00:10:00", 0x9011: "+14:00"})),
}


def _heif_orientation6() -> bytes:
    """A HEIF whose EXIF says orientation 6; exifread cannot find EXIF in pillow-heif's
    layout, and pillow-heif rewrites its own copy of the EXIF to orientation 1."""
    from catalog_app.core.imaging import register_decoders

    register_decoders()
    out = io.BytesIO()
    _picture((64, 48)).save(out, "HEIF", exif=_exif({0x010F: "Apple", 0x0112: 6}).tobytes(),
                            quality=50)
    return out.getvalue()


MAKERS["heif_orientation6.heic"] = _heif_orientation6


def make(name: str) -> bytes:
    """The bytes of one crafted file."""
    return MAKERS[name]()


def make_all(folder: Path) -> dict[str, Path]:
    """Write every crafted file into `folder`; name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, maker in MAKERS.items():
        path = folder / name
        path.write_bytes(maker())
        written[name] = path
    return written


