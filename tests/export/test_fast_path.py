"""The gallery's fast path (DCT-scaled decode, turn after resize) against the full-size path."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from catalog_app.core.models import Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.export import public_image
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.public_image import THUMB_PX, dct_scale, fit, upright
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR, CORPUS
from tests.support.full_path import full_path, psnr
from tests.support.gallery_names import tokens

ORIENTATION = CORPUS / "exif-samples" / "jpg" / "orientation"
# real camera photos large enough for a DCT-scaled decode at 2048 px
EXIF_PY = CORPUS / "exif-py" / "tests" / "resources" / "jpg"
CAMERAS = [EXIF_PY / "tests" / "Xiaomi_Mi_9T_KeyError.jpg",
           CORPUS / "exif-samples" / "jpg" / "tests" / "42_IndexError.jpg",
           CORPUS / "metadata-extractor-images" / "jpg" / "Oppo R7 Plus.jpg",
           CORPUS / "exif-samples" / "jpg" / "mobile" / "HMD_Nokia_8.3_5G.jpg"]


def test_the_scale_is_chosen_from_the_long_side() -> None:
    assert dct_scale((4000, 3000), 2048) == 2  # 2000 px, enlarged by 2.4 %
    assert dct_scale((3000, 4000), 2048) == 2
    assert dct_scale((3872, 2403), 2048) == 1  # 1936 px would be enlarged by 5.8 %
    assert dct_scale((8000, 6000), 2048) == 4
    assert dct_scale((600, 450), 2048) == 1
    assert dct_scale((600, 450), 200) == 2


def test_a_12_megapixel_jpeg_is_decoded_at_half_size(monkeypatch, tmp_path: Path) -> None:
    """The decode itself is smaller (the speed-up), and the result still has the full size."""
    path = tmp_path / "big.jpg"
    Image.linear_gradient("L").convert("RGB").resize((4000, 3000)).save(path, quality=80)
    decoded: list[tuple[int, int]] = []
    resize = Image.Image.resize

    def spy(self: Image.Image, size, *args, **kwargs) -> Image.Image:
        decoded.append(self.size)
        return resize(self, size, *args, **kwargs)

    cubic = public_image._cubic

    def spy_cubic(picture: Image.Image, size) -> Image.Image:
        decoded.append(picture.size)
        return cubic(picture, size)

    monkeypatch.setattr(Image.Image, "resize", spy)
    monkeypatch.setattr(public_image, "_cubic", spy_cubic)  # the near-1:1 step (OpenCV)
    assert upright(path, 2048).size == (2048, 1536)
    assert decoded == [(2000, 1500)]


@pytest.mark.parametrize("size", [(4000, 3000), (3000, 4000), (4001, 2999), (2048, 2049),
                                  (1391, 2463), (4608, 1976), (7, 3000), (3000, 7), (900, 900)])
def test_sizes_are_rounded_as_image_thumbnail_rounds(size: tuple[int, int]) -> None:
    for max_px in (2048, THUMB_PX, 200):
        probe = Image.new("1", size)
        probe.thumbnail((max_px, max_px), Image.Resampling.NEAREST)
        assert fit(size, max_px) == probe.size


def test_a_turned_photo_is_sized_as_shown(tmp_path: Path) -> None:
    """5983 x 1728 turned by EXIF: Image.thumbnail of the upright 1728 x 5983 gives 591 px,
    of the stored picture 592; the published size is the upright one's, like the full path."""
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "panorama.jpg"
    Image.linear_gradient("L").convert("RGB").resize((5983, 1728)).save(path, exif=exif)
    assert fit((5983, 1728), 2048) == (2048, 592) and fit((1728, 5983), 2048) == (591, 2048)
    assert upright(path, 2048).size == full_path(path, 2048).size == (591, 2048)


def test_an_mpo_is_decoded_dct_scaled_too(tmp_path: Path) -> None:
    """Phones write MPO (a JPEG with a second picture after it); Pillow names its format."""
    path = tmp_path / "phone.jpg"
    first = Image.radial_gradient("L").convert("RGB").resize((1200, 900))
    first.save(path, "MPO", save_all=True, append_images=[first.rotate(90)])
    with Image.open(path) as image:
        assert image.format == "MPO"
    fast = upright(path, 300)
    assert fast.size == (300, 225) and psnr(fast, full_path(path, 300)) >= 38


@pytest.mark.parametrize("name", sorted(p.name for p in ORIENTATION.glob("*.jpg")))
def test_every_orientation_comes_out_upright_at_the_right_size(name: str) -> None:
    """All 8 EXIF orientations, landscape and portrait, through the DCT-scaled decode (600 px
    at scale 1/2 for 200 px): the size and the picture match the full path's. A wrong turn or
    mirror of these arrow pictures costs far more than the 30 dB asked here."""
    path = ORIENTATION / name
    with Image.open(path) as image:
        assert dct_scale(image.size, 200) == 2
    fast, full = upright(path, 200), full_path(path, 200)
    assert fast.size == full.size == ((200, 150) if name.startswith("landscape") else (150, 200))
    assert fast.mode == "RGB" and not fast.info
    assert psnr(fast, full) >= 30
    for turned in (Image.Transpose.ROTATE_90, Image.Transpose.FLIP_LEFT_RIGHT):
        wrong = full.transpose(turned)
        if wrong.size == fast.size:
            assert psnr(fast, wrong) < 20


@pytest.mark.parametrize("path", CAMERAS, ids=lambda p: p.name)
def test_real_photos_stay_within_38_db_of_the_full_path(path: Path) -> None:
    with Image.open(path) as image:
        assert dct_scale(image.size, 2048) == 2  # the fast path is the one measured
    fast, full = upright(path, 2048), full_path(path, 2048)
    assert fast.size == full.size and max(fast.size) == 2048
    assert psnr(fast, full) >= 38


@pytest.mark.parametrize("mode", ["L", "CMYK", "P", "RGBA", "I;16"])
def test_other_pixel_modes_come_out_rgb(mode: str, tmp_path: Path) -> None:
    picture = Image.radial_gradient("L").resize((900, 600))
    source = picture.convert("RGB").convert(mode) if mode != "I;16" else picture.convert("I;16")
    path = tmp_path / ("p.jpg" if mode in ("L", "CMYK") else "p.png")
    source.save(path)
    fast = upright(path, 300)
    assert fast.mode == "RGB" and fast.size == (300, 200) and not fast.info
    assert psnr(fast, full_path(path, 300)) >= 30


def test_an_icc_profile_is_applied_at_the_small_size(tmp_path: Path) -> None:
    """Apple's gamma-1.8 profile (from a corpus photo), applied after the DCT-scaled decode
    and the resize: the grey is published as the sRGB grey it means."""
    with Image.open(ORIENTATION / "landscape_3.jpg") as tagged:
        icc = tagged.info["icc_profile"]
    path = tmp_path / "grey.jpg"
    Image.new("RGB", (1000, 800), (100, 100, 100)).save(path, quality=100, icc_profile=icc)
    with Image.open(path) as original:
        expected = ImageCms.profileToProfile(
            original, ImageCms.ImageCmsProfile(io.BytesIO(icc)),
            ImageCms.createProfile("sRGB")).getpixel((10, 10))
    fast = upright(path, 250)
    assert dct_scale((1000, 800), 250) == 4 and fast.size == (250, 200) and not fast.info
    assert abs(expected[0] - 100) > 10  # the conversion changes this grey visibly ...
    got = fast.getpixel((100, 100))
    assert all(abs(a - b) <= 2 for a, b in zip(got, expected, strict=True))  # ... and is done


def orientation_gallery(catalogue: Catalogue, out: Path, max_px: int) -> GalleryExport:
    job = GalleryExport(catalogue, out, GalleryOptions(max_px=max_px), ACTOR, workers=0)
    list(job.run())
    return job


@pytest.fixture
def oriented(new_catalogue: Catalogue) -> Catalogue:
    list(ImportJob(new_catalogue, [str(ORIENTATION)], ACTOR, workers=0).run())
    incident = new_catalogue.add_incident(Incident(0, "Orientation"), ACTOR)
    photos = new_catalogue.photos()
    new_catalogue.tag([p.id for p in photos], incident, ACTOR)
    for photo in photos:
        new_catalogue.set_caption(photo.id, f"Photo {photo.id}", ACTOR)
    return new_catalogue


def test_the_gallery_publishes_upright_images_and_thumbnails(oriented: Catalogue,
                                                             tmp_path: Path) -> None:
    """Unresolved duplicate groups publish their keeper only, so the 16 files give 2 images;
    each is the full path's rendition (size and pixels), its thumbnail made from it."""
    out = tmp_path / "site"
    job = orientation_gallery(oriented, out, 200)
    assert job.summary.exported >= 1 and not job.summary.failed
    names = tokens(oriented.layout.root, out)
    by_id = {p.id: p for p in oriented.photos()}
    for photo_id, token in names.items():
        source = oriented.layout.resolve(by_id[photo_id].stored_path)
        with Image.open(out / "images" / f"{token}.jpg") as image:
            published = image.convert("RGB")
        with Image.open(out / "thumbs" / f"{token}.jpg") as thumb:
            assert thumb.size == fit(published.size, THUMB_PX)
        reference = full_path(source, 200)
        assert published.size == reference.size
        assert psnr(published, reference) >= 28  # a JPEG encode and the fast path apart


def test_a_re_export_reuses_every_image(oriented: Catalogue, tmp_path: Path,
                                        monkeypatch) -> None:
    out = tmp_path / "site"
    first = orientation_gallery(oriented, out, 2048)
    before = {p.name: p.read_bytes() for p in (out / "images").iterdir()}
    monkeypatch.setattr(public_image, "upright", lambda *a: pytest.fail("decoded again"))
    again = orientation_gallery(oriented, out, 2048)
    assert again.summary.exported == 0 and again.summary.reused == first.summary.exported
    assert {p.name: p.read_bytes() for p in (out / "images").iterdir()} == before
