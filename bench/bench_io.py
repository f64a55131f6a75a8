"""Benchmark: reading and writing Part 10 files, dicomkit against pydicom in the same run.

Run: ``python bench/bench_io.py [--quick] [--repeat N] [--profile] [--no-memory]``.

On every sample file pydicom bundles (subfolders too; from ``tests/samples.py``, checked
against their pinned sha256s) that both libraries read, it times, as the median of N passes over all files:

1. metadata-only reads: ``dicomkit.read(f, stop_before_pixels=True)`` against
   ``pydicom.dcmread(f, stop_before_pixels=True)`` (target: dicomkit >= 2x faster);
2. full reads with every value decoded: dicomkit touches ``.value`` of every element,
   recursively; pydicom takes ``str()`` of every value but pixel data (the measure of
   ``/work/shared/ANCHORS.md``) (target >= 1.5x);
3. writes of the data sets read in (2) to a ``BytesIO``: ``dicomkit.write`` against
   ``Dataset.save_as`` (target >= 1.5x);
4. memory: a ~1 GB multi-frame file (16-bit 512x512, 2000 frames; 200 with ``--quick``) written
   in a temporary directory without holding it in memory, then read in a fresh process with
   ``defer_size="1 MB"``; the peak RSS of that process (``ru_maxrss``) is reported next to the
   same read by pydicom (target < 100 MB).

Results are printed as files/s and as the ratio dicomkit/pydicom (speed, higher is better).
``--profile`` prints the cProfile top of dicomkit's metadata-only and full reads.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dicomkit
from dicomkit.core.uid import generate_uid
from dicomkit.io.writer import encode_file

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.samples
import tests.samples  # noqa: E402 - pydicom's bundled files, checked against their pins

_SKIP_SUFFIXES = (".icc", ".dump", ".txt", ".json", ".py", ".md", ".gz", ".zip", ".bz2")


def sample_files() -> list[str]:
    """The pydicom sample files that both libraries read."""
    import pydicom

    found = []
    for f in map(str, tests.samples.samples(recursive=True)):
        if f.endswith(_SKIP_SUFFIXES) or "README" in f:
            continue
        try:
            pydicom.dcmread(f)
            dicomkit.read(f)
        except Exception:  # noqa: BLE001, S112 - not DICOM, or one library refuses it
            continue
        found.append(f)
    return found


def _median_seconds(run: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _touch(ds: dicomkit.Dataset) -> None:
    for elem in ds.elements():
        value = elem.value
        if elem.vr == "SQ":
            for item in value:
                _touch(item)


def _pydicom_touch(ds: Any) -> None:
    for elem in ds:
        if elem.tag == 0x7FE00010:
            continue
        if elem.VR == "SQ":
            for item in elem.value:
                _pydicom_touch(item)
        else:
            str(elem.value)


def dk_meta(files: list[str]) -> None:
    for f in files:
        dicomkit.read(f, stop_before_pixels=True)


def pd_meta(files: list[str]) -> None:
    import pydicom

    for f in files:
        pydicom.dcmread(f, stop_before_pixels=True)


def dk_full(files: list[str]) -> None:
    for f in files:
        _touch(dicomkit.read(f))


def pd_full(files: list[str]) -> None:
    import pydicom

    for f in files:
        _pydicom_touch(pydicom.dcmread(f))


def _row(what: str, n: int, ours: float, theirs: float, target: float) -> str:
    ratio = theirs / ours
    mark = "ok" if ratio >= target else "BELOW TARGET"
    return (f"{what:<26} {n / ours:>10.0f} {n / theirs:>10.0f} {ratio:>7.2f}x"
            f"   (target >= {target}x: {mark})")


def speed(files: list[str], repeat: int) -> list[str]:
    """Rows of the three timed comparisons."""
    import pydicom

    n = len(files)
    header = (f"{'':<26} {'dicomkit':>10} {'pydicom':>10} {'ratio':>8}   files/s, {n} files, "
              f"median of {repeat}")
    rows = [header]
    rows.append(_row("metadata-only read", n, _median_seconds(lambda: dk_meta(files), repeat),
                     _median_seconds(lambda: pd_meta(files), repeat), 2.0))
    rows.append(_row("full read, values decoded", n,
                     _median_seconds(lambda: dk_full(files), repeat),
                     _median_seconds(lambda: pd_full(files), repeat), 1.5))
    ours = []
    theirs = []
    for f in files:
        ds = dicomkit.read(f)
        _touch(ds)
        pds = pydicom.dcmread(f)
        _pydicom_touch(pds)
        try:  # Part 10 needs SOP Class/Instance UIDs, which a few samples lack
            dicomkit.write(io.BytesIO(), ds)
            pds.save_as(io.BytesIO())
        except Exception:  # noqa: BLE001, S112 - one of the two refuses: not comparable
            continue
        ours.append(ds)
        theirs.append(pds)

    def dk_write() -> None:
        for ds in ours:
            dicomkit.write(io.BytesIO(), ds)

    def pd_write() -> None:
        for ds in theirs:
            ds.save_as(io.BytesIO())

    rows.append(_row(f"write to BytesIO ({len(ours)})", len(ours), _median_seconds(dk_write, repeat),
                     _median_seconds(pd_write, repeat), 1.5))
    return rows


def profile(files: list[str]) -> None:
    """Print the cProfile top of dicomkit's metadata-only and full reads."""
    for name, run in (("metadata-only", dk_meta), ("full", dk_full)):
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(3):
            run(files)
        prof.disable()
        print(f"\n--- cProfile: dicomkit {name} read, 3 passes ---")
        pstats.Stats(prof).sort_stats("tottime").print_stats(12)


# -- memory ------------------------------------------------------------------------------------

def make_big_file(path: Path, frames: int, rows: int = 512, columns: int = 512) -> int:
    """Write a 16-bit multi-frame CT file of ``frames`` frames, one frame in memory at a time.

    dicomkit encodes everything but the pixel data; the Pixel Data element (explicit VR little
    endian OW, PS3.5 7.1.2) is then appended frame by frame.
    """
    ds = dicomkit.Dataset.new("CTImageStorage")
    ds.PatientName = "Bench^Memory"
    ds.PatientID = "BENCH"
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.Modality = "CT"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.NumberOfFrames = frames
    ds.Rows = rows
    ds.Columns = columns
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 0
    head = encode_file(ds, "1.2.840.10008.1.2.1")
    frame = bytes(range(256)) * (rows * columns * 2 // 256)
    length = len(frame) * frames
    with open(path, "wb") as fh:
        fh.write(head)
        fh.write(b"\xe0\x7f\x10\x00OW\x00\x00" + length.to_bytes(4, "little"))
        fh.writelines(frame for _ in range(frames))
    return os.path.getsize(path)


_MEASURE = """
import resource, sys
which, path = sys.argv[1], sys.argv[2]
if which == "dicomkit":
    import dicomkit
    ds = dicomkit.read(path, defer_size="1 MB")
    assert ds[0x7FE00010].is_deferred and ds.Rows == 512
else:
    import pydicom
    ds = pydicom.dcmread(path, defer_size="1 MB")
    assert ds.Rows == 512
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, hwm)
"""


def _peak_rss_mb(which: str, path: Path, baseline: bool = False) -> tuple[float, float]:
    code = _MEASURE if not baseline else (
        "import resource, sys\nimport " + which + "\nhwm = [l for l in open('/proc/self/status')"
        " if l.startswith('VmHWM')][0].split()[1]"
        "\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, hwm)")
    out = subprocess.run([sys.executable, "-c", code, which, str(path)], check=True,
                         capture_output=True, text=True).stdout
    maxrss, hwm = out.split()[-2:]
    # both in KiB on Linux; ru_maxrss can carry the high-water mark of the forking parent,
    # VmHWM is this process image's own peak
    return int(maxrss) / 1024, int(hwm) / 1024


def memory(frames: int) -> list[str]:
    """Rows of the peak-RSS comparison on a big multi-frame file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.dcm"
        t0 = time.perf_counter()
        size = make_big_file(path, frames)
        made = time.perf_counter() - t0
        rows = [(f"big file: {size / 1e9:.2f} GB, {frames} frames of 512x512x16 bit, "
                 f"written in {made:.1f} s")]
        for which in ("dicomkit", "pydicom"):
            t0 = time.perf_counter()
            peak, hwm = _peak_rss_mb(which, path)
            took = time.perf_counter() - t0
            base, base_hwm = _peak_rss_mb(which, path, baseline=True)
            rows.append(f"{which:<9} read, defer_size='1 MB': peak RSS {peak:6.1f} MB "
                        f"(VmHWM {hwm:5.1f} MB; import alone {base:5.1f} / {base_hwm:5.1f} MB), "
                        f"{took:.2f} s"
                        + ("   (target < 100 MB: " + ("ok" if peak < 100 else "ABOVE TARGET")
                           + ")" if which == "dicomkit" else ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="3 passes and a 0.1 GB memory file instead of 7 and 1 GB")
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--profile", action="store_true", help="cProfile the dicomkit reads")
    parser.add_argument("--no-memory", action="store_true", help="skip the big-file test")
    args = parser.parse_args()
    repeat = args.repeat or (3 if args.quick else 7)
    warnings.simplefilter("ignore")  # pydicom warns about the invalid values of its samples
    import logging

    logging.getLogger("pydicom").setLevel(logging.ERROR)
    import pydicom

    memory_rows = memory(200 if args.quick else 2000) if not args.no_memory else []
    files = sample_files()
    print(f"dicomkit {dicomkit.__version__}, pydicom {pydicom.__version__}, Python "
          f"{sys.version.split()[0]}; {len(files)} sample files "
          f"({sum(os.path.getsize(f) for f in files) / 1e6:.0f} MB)")
    for row in speed(files, repeat):
        print(row)
    for row in memory_rows:  # measured first, while this process is still small
        print(row)
    if args.profile:
        profile(files)


if __name__ == "__main__":
    main()
