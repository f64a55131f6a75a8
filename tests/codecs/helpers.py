"""Shared helpers of the codec tests: layouts, random images, the codec library check."""

from __future__ import annotations

import importlib.util
from typing import Any

import numpy as np
from hypothesis import strategies as st

from dicomkit.generated import uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.info import PixelInfo
from tests.conftest import missing

#: Deflated Image Frame Compression has no keyword in PS3.6; found by its name.
DEFLATED_FRAMES = next(u for u, t in TRANSFER_SYNTAXES.items()
                       if t.name == "Deflated Image Frame Compression")
ENCAPSULATED_UNCOMPRESSED = uids.EncapsulatedUncompressedExplicitVRLittleEndian


def need_imagecodecs() -> None:
    """Skip (fail in CI) when the codec library is not installed."""
    if importlib.util.find_spec("imagecodecs") is None:
        missing("the imagecodecs codec library (pip install 'dicomkit[codecs]')")


def layout(rows: int, columns: int, *, samples: int = 1, bits: int = 8, stored: int | None = None,
           signed: bool = False, ts: str = uids.RLELossless, photometric: str | None = None,
           frames: int = 1) -> PixelInfo:
    """A PixelInfo for tests."""
    stored = bits if stored is None else stored
    return PixelInfo(rows=rows, columns=columns, samples_per_pixel=samples, bits_allocated=bits,
                     bits_stored=stored, high_bit=stored - 1, pixel_representation=int(signed),
                     photometric_interpretation=photometric or ("RGB" if samples == 3 else "MONOCHROME2"),
                     transfer_syntax=ts, number_of_frames=frames)


def random_image(info: PixelInfo, seed: int) -> np.ndarray[Any, Any]:
    """Random samples covering the whole range of Bits Stored, signed or not."""
    rng = np.random.default_rng(seed)
    if info.pixel_representation:
        low, high = -(1 << (info.bits_stored - 1)), (1 << (info.bits_stored - 1)) - 1
    else:
        low, high = 0, (1 << info.bits_stored) - 1
    return rng.integers(low, high, size=info.shape, endpoint=True).astype(info.dtype)


def smooth_image(info: PixelInfo, seed: int) -> np.ndarray[Any, Any]:
    """A smooth gradient with a little noise: what lossy codecs are made for."""
    rng = np.random.default_rng(seed)
    top = (1 << info.bits_stored) - 1
    y, x = np.mgrid[0:info.rows, 0:info.columns]
    base = (x * 3 + y * 2) * top / (3 * info.columns + 2 * info.rows)
    planes = [base if s == 0 else top - base if s == 1 else base / 2 for s in range(info.samples_per_pixel)]
    image = np.stack(planes, axis=-1) if info.samples_per_pixel > 1 else planes[0]
    image = image + rng.normal(0, top / 500, size=image.shape)
    return np.clip(np.rint(image), 0, top).astype(info.dtype)


#: (bits allocated, bits stored, signed) of the property tests: 8, 12 in 16 and 16 bits.
DEPTHS = [(8, 8, False), (8, 8, True), (16, 12, False), (16, 12, True), (16, 16, False), (16, 16, True)]

images = st.tuples(st.integers(1, 24), st.integers(1, 24), st.sampled_from([1, 3]),
                   st.sampled_from(DEPTHS), st.integers(0, 2**32 - 1))

