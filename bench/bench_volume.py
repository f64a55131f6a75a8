"""Benchmark: assembling a volume, dicomkit against highdicom in the same run.

Run: ``python bench/bench_volume.py [--slices N] [--repeat R]``.

From pydicom's bundled CT_small.dcm (128 x 128, checked against its pin by ``tests/samples.py``)
the bench makes a series of N single-frame CT files (default 200) 2 mm apart, written in a
shuffled order into a temporary folder, and one Enhanced CT instance of N frames with
per-frame positions and rescale (``tests/objects/enhanced.py``).  It times, median of R runs
(default 5), each as dicomkit / highdicom time (below 1: dicomkit faster):

1. files to volume: ``dicomkit.read`` of every file + ``volume_from_series`` against
   ``pydicom.dcmread`` + ``highdicom.get_volume_from_series``;
2. assembly only, the data sets already read: ``volume_from_series`` against
   ``get_volume_from_series``;
3. one enhanced instance, already read: ``volume_from_frames`` against
   ``highdicom.Image.from_dataset(...).get_volume()``.

Both give float64 arrays with the modality rescale applied; the bench checks they are equal
and their affines agree before timing.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import dicomkit
from dicomkit.core.uid import generate_uid
from dicomkit.objects.volume import volume_from_frames, volume_from_series

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.*
import tests.samples  # noqa: E402 - pydicom's bundled files, checked against their pins
from tests.objects.enhanced import enhanced_ct, to_bytes  # noqa: E402


def make_series(folder: Path, n: int) -> list[Path]:
    template = tests.samples.sample("CT_small.dcm").read_bytes()
    series = generate_uid()
    rng = np.random.default_rng(3)
    paths = []
    for slot, k in enumerate(rng.permutation(n)):
        ds = dicomkit.read(io.BytesIO(template))
        ds.SeriesInstanceUID = series
        ds.SOPInstanceUID = generate_uid()
        ds.ImagePositionPatient = [-158.135803, -179.035797, -75.7 + 2.0 * float(k)]
        ds.InstanceNumber = int(k) + 1
        if ds.file_meta is not None:
            ds.file_meta[0x00020003].value = ds.SOPInstanceUID
        path = folder / f"{slot:05d}.dcm"
        dicomkit.write(path, ds)
        paths.append(path)
    return paths


def timed(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slices", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import highdicom as hd
    import pydicom

    warnings.simplefilter("ignore")
    print(f"highdicom {hd.__version__}, pydicom {pydicom.__version__}; {args.slices} slices "
          f"of 128 x 128, median of {args.repeat}")
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_series(Path(tmp), args.slices)

        def ours_files() -> Any:
            return volume_from_series([dicomkit.read(p) for p in paths])

        def theirs_files() -> Any:
            return hd.get_volume_from_series([pydicom.dcmread(p) for p in paths])

        a, b = ours_files(), theirs_files()
        assert np.array_equal(a.array, b.array) and np.allclose(a.affine, b.affine)
        ours_t, _ = timed(ours_files, args.repeat)
        theirs_t, _ = timed(theirs_files, args.repeat)
        print(f"files to volume      dicomkit {ours_t * 1e3:8.1f} ms  highdicom "
              f"{theirs_t * 1e3:8.1f} ms  ratio {ours_t / theirs_t:.2f}")

        ours_ds = [dicomkit.read(p) for p in paths]
        theirs_ds = [pydicom.dcmread(p) for p in paths]
        ours_t, _ = timed(lambda: volume_from_series(ours_ds), args.repeat)
        theirs_t, _ = timed(lambda: hd.get_volume_from_series(theirs_ds), args.repeat)
        print(f"assembly (read)      dicomkit {ours_t * 1e3:8.1f} ms  highdicom "
              f"{theirs_t * 1e3:8.1f} ms  ratio {ours_t / theirs_t:.2f}")

    raw = to_bytes(enhanced_ct(slices=args.slices, times=1,
                               orientation=(1.0, 0.0, 0.0, 0.0, 1.0, 0.0)))
    ours_e = dicomkit.read(raw)
    theirs_e = pydicom.dcmread(io.BytesIO(raw))
    a = volume_from_frames(ours_e)
    b = hd.Image.from_dataset(theirs_e).get_volume()
    assert np.array_equal(a.array, b.array) and np.allclose(a.affine, b.affine)
    ours_t, _ = timed(lambda: volume_from_frames(ours_e), args.repeat)
    theirs_t, _ = timed(lambda: hd.Image.from_dataset(theirs_e).get_volume(), args.repeat)
    print(f"enhanced, {args.slices} frames dicomkit {ours_t * 1e3:8.1f} ms  highdicom "
          f"{theirs_t * 1e3:8.1f} ms  ratio {ours_t / theirs_t:.2f}")


if __name__ == "__main__":
    main()
