"""Benchmark: de-identifying files with the Basic Profile, dicomkit against dicom-anonymizer.

Run: ``python bench/bench_deid.py [--copies N] [--repeat N]``.

The input folder holds ``--copies`` copies of each of pydicom's pinned samples that both tools
read (CT, MR, RT plan/structure set/dose, JPEG 2000, RLE, overlay, enhanced MR, waveform, SR).
Timed, in the same process and run, taking turns: ``dicomkit.deid.deidentify_files`` (read,
Basic Profile, HMAC UID mapping, write through a temporary name) into a fresh folder, and
dicom-anonymizer 2.1's ``anonymize_dicom_file`` (its 2026c rules, private tags removed) on each
file into a fresh folder.  Printed: median files per second of each and the ratio
dicomkit / dicom-anonymizer (higher is better).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.samples
from tests.deid.helpers import SAMPLES  # noqa: E402
from tests.samples import sample  # noqa: E402

NAMES = [n for n in SAMPLES if n not in ("nested_priv_SQ.dcm", "priv_SQ.dcm", "rtstruct.dcm")]


def make_inputs(folder: Path, copies: int) -> list[Path]:
    """``copies`` copies of each sample in ``folder``."""
    out = []
    for name in NAMES:
        src = sample(name)
        for i in range(copies):
            dest = folder / f"{i:03d}_{name}"
            shutil.copyfile(src, dest)
            out.append(dest)
    return out


def run_dicomkit(files: list[Path], out: Path) -> float:
    from dicomkit.deid import Deidentifier, Mapper, Profile, deidentify_files

    start = time.perf_counter()
    reports = list(deidentify_files(files, out, Deidentifier(Profile(), Mapper("bench"))))
    took = time.perf_counter() - start
    failed = [r for r in reports if r.error]
    if failed:
        raise SystemExit(f"dicomkit failed on {failed[0].source}: {failed[0].error}")
    return took


def run_anonymizer(files: list[Path], out: Path) -> float:
    from dicomanonymizer import simpledicomanonymizer as anon

    rules = lambda: anon.initialize_actions("dicomfields_2026c")  # noqa: E731
    start = time.perf_counter()
    for f in files:
        anon.anonymize_dicom_file(str(f), str(out / f.name), base_rules_gen=rules)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        files = make_inputs(root / "in", args.copies)
        times: dict[str, list[float]] = {"dicomkit": [], "dicom-anonymizer": []}
        for r in range(args.repeat):
            for name, fn in (("dicomkit", run_dicomkit), ("dicom-anonymizer", run_anonymizer)):
                out = root / f"{name}-{r}"
                out.mkdir()
                times[name].append(fn(files, out))
                shutil.rmtree(out)
    rates = {k: len(files) / statistics.median(v) for k, v in times.items()}
    print(f"{len(files)} files ({len(NAMES)} samples x {args.copies}), median of {args.repeat}")
    for k, v in rates.items():
        print(f"  {k:18s} {v:8.1f} files/s")
    print(f"  dicomkit / dicom-anonymizer: {rates['dicomkit'] / rates['dicom-anonymizer']:.2f}")


if __name__ == "__main__":
    main()
