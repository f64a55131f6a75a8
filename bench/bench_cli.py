"""Benchmark: the process time of ``dicomkit dump FILE`` against ``dcmdump`` and a pydicom one-liner.

Run: ``python bench/bench_cli.py [--repeat N] [FILE]``.  Each command runs as a whole new process,
as a user types it (interpreter start, imports, reading, printing to a pipe), ``--repeat`` times
(default 21), taking turns so that drift hits all alike; the median and the best wall time are
printed, with the ratio of each anchor's median to dicomkit's (above 1: dicomkit is faster).
``.pyc`` files are written before timing (pip byte-compiles installed packages), into a
temporary ``PYTHONPYCACHEPREFIX`` with ``PYTHONDONTWRITEBYTECODE`` removed from the environment.  The default
file is pydicom's bundled ``CT_small.dcm`` (checked against its pinned sha256).

Anchors: dcmtk's ``dcmdump`` (C++, Debian's dcmtk) and
``python -c "import pydicom, sys; print(pydicom.dcmread(sys.argv[1]))" FILE``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from tests.samples import sample  # noqa: E402

PYDICOM_ONE_LINER = "import pydicom, sys; print(pydicom.dcmread(sys.argv[1]))"


def _commands(path: str) -> dict[str, list[str]]:
    dicomkit = shutil.which("dicomkit")
    commands = {
        "dicomkit dump": ([dicomkit] if dicomkit else
                          [sys.executable, "-c", "import sys; from dicomkit.cli.main import main; "
                           "sys.exit(main())"]) + ["dump", path],
        "pydicom one-liner": [sys.executable, "-c", PYDICOM_ONE_LINER, path],
    }
    dcmdump = shutil.which("dcmdump")
    if dcmdump:
        commands["dcmdump"] = [dcmdump, path]
    else:
        print("dcmdump not found (apt-get install dcmtk): its row is left out")
    return commands


def _run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="the file to dump (default: CT_small.dcm)")
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    path = args.file or str(sample("CT_small.dcm"))
    commands = _commands(path)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as pycache:
        env["PYTHONPYCACHEPREFIX"] = pycache
        for argv in commands.values():  # warm up: .pyc files, page cache
            _run(argv, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, argv in commands.items():
                times[name].append(_run(argv, env))
    ours = statistics.median(times["dicomkit dump"])
    print(f"{Path(path).name}, {args.repeat} runs each, whole processes")
    print(f"{'command':<20} {'median ms':>10} {'best ms':>9} {'anchor/dicomkit':>16}")
    for name, values in times.items():
        median = statistics.median(values)
        ratio = "" if name == "dicomkit dump" else f"{median / ours:.2f}"
        print(f"{name:<20} {median * 1e3:>10.1f} {min(values) * 1e3:>9.1f} {ratio:>16}")


if __name__ == "__main__":
    main()
