"""Files above the memory-mapping threshold read the same as from bytes, and a deferred frame is
read alone from the file."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import dicomkit
from dicomkit.generated import uids
from dicomkit.io import reader
from dicomkit.pixels.array import pixel_array


def _big_file(path: Path) -> np.ndarray:
    frames = np.random.default_rng(2).integers(0, 4096, (40, 256, 256), dtype=np.uint16)
    ds = dicomkit.Dataset.new("MultiFrameGrayscaleWordSecondaryCaptureImageStorage")
    ds.Rows = ds.Columns = 256
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.NumberOfFrames = "40"
    ds.add_new(0x7FE00010, "OW", frames.astype("<u2").tobytes())
    dicomkit.write(path, ds, transfer_syntax=uids.ExplicitVRLittleEndian)
    return frames


def test_a_file_above_the_mmap_threshold_reads_like_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.dcm"
    frames = _big_file(path)
    assert path.stat().st_size >= reader._MMAP_THRESHOLD
    mapped = dicomkit.read(path)
    in_memory = dicomkit.read(path.read_bytes())
    assert mapped == in_memory
    assert np.array_equal(pixel_array(mapped), frames)


def test_one_deferred_frame_of_a_big_file_is_read_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.dcm"
    frames = _big_file(path)
    ds = dicomkit.read(path, defer_size="64 KB")
    assert np.array_equal(pixel_array(ds, frame=7), frames[7])
    assert ds[0x7FE00010].is_deferred
