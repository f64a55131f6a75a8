"""Overlays (PS3.3 C.9.2): Overlay Data bits, multi-frame overlays and overlays embedded in the
high bits of Pixel Data, against pydicom where it reads them."""

from __future__ import annotations

import numpy as np
import pydicom
import pytest
from pydicom.overlays.numpy_handler import get_overlay_array

import dicomkit
from dicomkit.core.element import DataElement, EncodingContext
from dicomkit.pixels.info import PixelDataError
from dicomkit.pixels.overlay import overlay_array, overlay_groups
from tests.samples import sample_str


def _overlay_ds(planes: np.ndarray, group: int = 0x6000, origin: int = 1) -> dicomkit.Dataset:
    frames, rows, columns = planes.shape
    ds = dicomkit.Dataset()
    base = group << 16
    ds.add_new(base | 0x0010, "US", rows)
    ds.add_new(base | 0x0011, "US", columns)
    ds.add_new(base | 0x0015, "IS", str(frames))
    ds.add_new(base | 0x0040, "CS", "G")
    ds.add_new(base | 0x0050, "SS", [1, 1])
    ds.add_new(base | 0x0051, "US", origin)
    ds.add_new(base | 0x0100, "US", 1)
    ds.add_new(base | 0x0102, "US", 0)
    bits = np.packbits(planes.astype(np.uint8).ravel(), bitorder="little").tobytes()
    # OW bytes said to be little endian, so a big endian writer swaps them (PS3.5 7.3)
    ds[base | 0x3000] = DataElement(base | 0x3000, "OW", raw=bits + b"\x00" * (len(bits) % 2),
                                    context=EncodingContext(little_endian=True))
    return ds


def test_the_sample_overlay_equals_pydicoms() -> None:
    path = sample_str("examples_overlay.dcm")
    ds = dicomkit.read(path)
    assert overlay_groups(ds) == [0x6000]
    assert np.array_equal(overlay_array(ds, 0x6000), get_overlay_array(pydicom.dcmread(path), 0x6000))


def test_multi_frame_overlay_frames_follow_image_frame_origin() -> None:
    rng = np.random.default_rng(3)
    planes = rng.integers(0, 2, (3, 5, 7), dtype=np.uint8)  # 35 bits a frame: not byte aligned
    ds = _overlay_ds(planes, group=0x6002, origin=2)
    assert overlay_groups(ds) == [0x6002]
    assert np.array_equal(overlay_array(ds, 0x6002), planes)
    assert np.array_equal(overlay_array(ds, 0x6002, frame=3), planes[2])  # image frame 3 -> 3rd
    with pytest.raises(PixelDataError, match="covers image frames 1 to 3"):
        overlay_array(ds, 0x6002, frame=0)


def test_overlay_written_and_read_back_big_endian_is_the_same() -> None:
    import io

    from dicomkit.generated import uids

    planes = np.random.default_rng(4).integers(0, 2, (1, 9, 13), dtype=np.uint8)
    ds = _overlay_ds(planes)
    ds.SOPClassUID = uids.SecondaryCaptureImageStorage
    ds.SOPInstanceUID = "1.2.3.4"
    out = io.BytesIO()
    dicomkit.write(out, ds, transfer_syntax=uids.ExplicitVRBigEndian)
    back = dicomkit.read(out.getvalue())
    assert np.array_equal(overlay_array(back), planes[0])


def test_overlay_embedded_in_the_high_bits_of_pixel_data() -> None:
    rng = np.random.default_rng(5)
    image = rng.integers(0, 4096, (6, 8), dtype=np.uint16)
    plane = rng.integers(0, 2, (6, 8), dtype=np.uint16)
    ds = dicomkit.Dataset()
    ds.Rows, ds.Columns, ds.SamplesPerPixel = 6, 8, 1
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.add_new(0x7FE00010, "OW", (image | (plane << 15)).astype("<u2").tobytes())
    ds.add_new(0x60000010, "US", 6)
    ds.add_new(0x60000011, "US", 8)
    ds.add_new(0x60000100, "US", 16)
    ds.add_new(0x60000102, "US", 15)
    assert np.array_equal(overlay_array(ds), plane)
    assert np.array_equal(ds.pixel_array, image)  # the overlay bit is masked off the image


def test_missing_overlay_and_short_data_are_clear_errors() -> None:
    with pytest.raises(PixelDataError, match="no overlay in group 6000"):
        overlay_array(dicomkit.Dataset())
    with pytest.raises(PixelDataError, match="not an overlay group"):
        overlay_array(dicomkit.Dataset(), 0x6001)
    ds = _overlay_ds(np.ones((1, 4, 4), dtype=np.uint8))
    ds.add_new(0x60000010, "US", 40)
    with pytest.raises(PixelDataError, match="Overlay Data holds"):
        overlay_array(ds)
