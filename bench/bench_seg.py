"""Benchmark: creating and reading a Segmentation, dicomkit against highdicom, in the same run.

Run: ``python bench/bench_seg.py [--frames N] [--segments N] [--size N] [--repeat N]
[--profile]``.

The source is a CT series of ``--frames`` single-frame slices of ``--size`` x ``--size`` (200 of
512 x 512 by default) made from pydicom's CT_small.dcm.  The segmentation is a label map of
``--segments`` (100) non-overlapping boxes, each over 20 consecutive slices, BINARY, empty frames
left out (2,000 frames).  Timed:

* create: from the label map and the source data sets to the encoded file bytes (dicomkit
  ``create_segmentation`` + ``dicomkit.write``; highdicom ``Segmentation`` + ``save_as``);
* read: from the file bytes to a label map aligned with the sources in their order (dicomkit
  ``Segmentation(read(...)).label_map``; highdicom ``segread`` +
  ``get_pixels_by_source_instance(combine_segments=True)``).  Both read back masks equal to the
  label map (checked once).

Printed: median wall seconds and median CPU seconds of this process (`time.process_time`, which
the load of other jobs does not inflate), each with the ratio highdicom/dicomkit (higher is
better; target >= 5).
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import dicomkit
from dicomkit.core.uid import generate_uid
from dicomkit.objects.codes import find_code
from dicomkit.objects.seg import Segmentation, SegmentDescription, create_segmentation

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.samples
import tests.samples  # noqa: E402 - pydicom's bundled files, checked against their pins


def series(frames: int, size: int) -> list[dicomkit.Dataset]:
    """``frames`` CT slices of ``size`` x ``size``, 1.5 mm apart."""
    base = dicomkit.read(tests.samples.sample_str("CT_small.dcm"))
    base.Rows = base.Columns = size
    base.add_new("PixelData", "OW", np.zeros((size, size), np.int16).tobytes())
    series_uid, for_uid = generate_uid(), generate_uid()
    out = []
    for i in range(frames):
        ds = copy.deepcopy(base)
        ds.SOPInstanceUID = generate_uid()
        ds.SeriesInstanceUID = series_uid
        ds.FrameOfReferenceUID = for_uid
        ds.InstanceNumber = i + 1
        ds.ImagePositionPatient = [0.0, 0.0, i * 1.5]
        ds.ImageOrientationPatient = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
        assert ds.file_meta is not None
        ds.file_meta = copy.deepcopy(ds.file_meta)
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        out.append(ds)
    return out


def label_map(frames: int, size: int, segments: int) -> np.ndarray[Any, Any]:
    """Non-overlapping boxes, segment s over 20 slices starting at (s * 7) % (frames - 20)."""
    lm = np.zeros((frames, size, size), np.uint8)
    per_row = 10
    box = size // per_row
    for s in range(segments):
        r, c = (s // per_row) % per_row, s % per_row
        z = (s * 7) % max(1, frames - 20)
        lm[z:z + 20, r * box + 2:(r + 1) * box - 2, c * box + 2:(c + 1) * box - 2] = s + 1
    return lm


def dk_descriptions(n: int) -> list[SegmentDescription]:
    tissue, fat = find_code(7150, "Tissue"), find_code(7151, "Fat")
    return [SegmentDescription(f"segment {i + 1}", tissue, fat) for i in range(n)]


def hd_descriptions(n: int) -> list[Any]:
    import highdicom as hd
    from highdicom.sr.coding import CodedConcept

    tissue, fat = find_code(7150, "Tissue"), find_code(7151, "Fat")
    return [hd.seg.SegmentDescription(
        segment_number=i + 1, segment_label=f"segment {i + 1}",
        segmented_property_category=CodedConcept(tissue.value, tissue.scheme, tissue.meaning),
        segmented_property_type=CodedConcept(fat.value, fat.scheme, fat.meaning),
        algorithm_type=hd.seg.SegmentAlgorithmTypeValues.MANUAL) for i in range(n)]


def create_dicomkit(src: list[dicomkit.Dataset], lm: np.ndarray[Any, Any],
                    descs: list[SegmentDescription]) -> bytes:
    buf = io.BytesIO()
    dicomkit.write(buf, create_segmentation(src, lm, descs))
    return buf.getvalue()


def create_highdicom(src: list[Any], lm: np.ndarray[Any, Any], descs: list[Any]) -> bytes:
    import highdicom as hd

    seg = hd.seg.Segmentation(
        source_images=src, pixel_array=lm, segmentation_type="BINARY",
        segment_descriptions=descs, series_instance_uid=hd.UID(), series_number=2,
        sop_instance_uid=hd.UID(), instance_number=1, manufacturer="bench",
        manufacturer_model_name="bench", software_versions="1", device_serial_number="1")
    buf = io.BytesIO()
    seg.save_as(buf)
    return buf.getvalue()


def read_dicomkit(data: bytes, src: list[dicomkit.Dataset]) -> np.ndarray[Any, Any]:
    return Segmentation(dicomkit.read(data)).label_map(src)


def read_highdicom(data: bytes, uids: list[str]) -> np.ndarray[Any, Any]:
    import highdicom as hd

    seg = hd.seg.segread(io.BytesIO(data))
    out: np.ndarray[Any, Any] = seg.get_pixels_by_source_instance(
        source_sop_instance_uids=uids, combine_segments=True)
    return out


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds of this process (``time.process_time``:
    what the other jobs of a shared machine do not inflate) of ``repeat`` calls."""
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--segments", type=int, default=100)
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    import pydicom

    src = series(args.frames, args.size)
    lm = label_map(args.frames, args.size, args.segments)
    dk_desc, hd_desc = dk_descriptions(args.segments), hd_descriptions(args.segments)
    pd_src = []
    for ds in src:
        buf = io.BytesIO()
        dicomkit.write(buf, ds)
        pd_src.append(pydicom.dcmread(io.BytesIO(buf.getvalue())))
    uids = [str(s.SOPInstanceUID) for s in src]

    ours = create_dicomkit(src, lm, dk_desc)
    theirs = create_highdicom(pd_src, lm, hd_desc)
    assert (read_dicomkit(ours, src) == lm).all(), "dicomkit reads back other masks"
    assert (read_highdicom(ours, uids) == lm).all(), "highdicom reads ours back differently"
    assert (read_dicomkit(theirs, src) == lm).all(), "dicomkit reads highdicom's differently"
    frames = int(dicomkit.read(ours, stop_before_pixels=True).NumberOfFrames)
    print(f"{args.frames} slices of {args.size}x{args.size}, {args.segments} segments, "
          f"{frames} SEG frames; ours {len(ours) / 1e6:.1f} MB, highdicom's "
          f"{len(theirs) / 1e6:.1f} MB")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        create_dicomkit(src, lm, dk_desc)
        read_dicomkit(ours, src)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return
    rows = [
        ("create", lambda: create_dicomkit(src, lm, dk_desc),
         lambda: create_highdicom(pd_src, lm, hd_desc)),
        ("read into a label map", lambda: read_dicomkit(ours, src),
         lambda: read_highdicom(ours, uids)),
    ]
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'what':<24}{'dicomkit s':>12}{'highdicom s':>13}{'ratio':>8}"
          f"{'CPU: dicomkit s':>17}{'highdicom s':>13}{'ratio':>8}")
    for name, dk, hd_fn in rows:
        t_dk, c_dk = timed(dk, args.repeat)
        t_hd, c_hd = timed(hd_fn, args.repeat)
        print(f"{name:<24}{t_dk:>12.3f}{t_hd:>13.3f}{t_hd / t_dk:>8.1f}"
              f"{c_dk:>17.3f}{c_hd:>13.3f}{c_hd / c_dk:>8.1f}")


if __name__ == "__main__":
    main()
