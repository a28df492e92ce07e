"""Attempts to undo a redaction (deblurring, sharpening, upscaling) and how much comes back."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PIL import Image, ImageFilter
from scipy import ndimage


def grey(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L"), dtype=np.float64)


def _wiener(blurred: np.ndarray, sigma: float, k: float) -> np.ndarray:
    """Wiener deconvolution with a Gaussian point-spread function of `sigma` pixels."""
    h, w = blurred.shape
    fy, fx = np.fft.fftfreq(h)[:, None], np.fft.fftfreq(w)[None, :]
    otf = np.exp(-2 * (np.pi * sigma) ** 2 * (fx ** 2 + fy ** 2))  # FT of the Gaussian
    restored = np.fft.ifft2(np.fft.fft2(blurred) * otf / (otf ** 2 + k))
    return np.real(restored)


def attempts(published: np.ndarray) -> Iterator[tuple[str, np.ndarray]]:
    """The published region as is, and every restoration tried on it."""
    short = min(published.shape)
    yield "as published", published
    image = Image.fromarray(np.clip(published, 0, 255).astype(np.uint8), "L")
    for radius in (2, 5, max(2, short // 8)):
        yield f"unsharp r={radius}", grey(image.filter(
            ImageFilter.UnsharpMask(radius=radius, percent=400, threshold=0)))
    denoised = ndimage.median_filter(published, size=5)
    for sigma in (1.5, 3.0, short / 16, short / 8, short / 4):
        for k in (1e-1, 1e-2, 1e-3):
            yield f"wiener s={sigma:.1f} k={k}", _wiener(published, sigma, k)
            yield f"median+wiener s={sigma:.1f} k={k}", _wiener(denoised, sigma, k)
    for cells in (4, 8, 16):
        small = image.resize((max(1, image.width * cells // short),
                              max(1, image.height * cells // short)), Image.Resampling.BOX)
        for method in (Image.Resampling.BICUBIC, Image.Resampling.LANCZOS):
            yield f"upscale {cells} {method.name}", grey(small.resize(image.size, method))


def detail(values: np.ndarray, sigma: float) -> np.ndarray:
    """What is finer than `sigma` pixels: the values less their Gaussian-smoothed selves."""
    return values - ndimage.gaussian_filter(values, sigma)


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a.ravel() - a.mean(), b.ravel() - b.mean()
    norm = float(np.sqrt((a @ a) * (b @ b)))
    return float(a @ b) / norm if norm else 0.0


def best_recovery(original: np.ndarray, published: np.ndarray, sigma: float, margin: int
                  ) -> tuple[float, str]:
    """The highest correlation between the original's detail and an attempt's detail, inside
    the region less `margin` pixels (where JPEG's blocks mix in the pixels around it, which
    are published anyway)."""
    inner = (slice(margin, -margin), slice(margin, -margin))
    want = detail(original[inner], sigma)
    return max((abs(correlation(want, detail(tried, sigma))), name)
               for name, tried in attempts(published[inner]))
