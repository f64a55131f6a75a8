"""C-FIND result streams of ``dicomkit qrscp``: CPU time of the SCP process per result and
results/s, for this checkout and (``--base DIR``, optional) another checkout of dicomkit run
alternately in the same run over the same archive (issue 14).

The archive is ``bench_qr.make_archive``'s (``--studies`` single-instance studies and one
series of ``--instances`` instances), indexed once into SQLite and served by each checkout's
``dicomkit qrscp`` process in turn.  The client is dicomkit's Q/R SCU (one association per
stream).  The SCP's CPU time is read from ``/proc/PID/stat`` (user + system, every thread)
before and after each stream: on a loaded machine it moves much less than the wall time.
Not a test: nothing here fails.

    python bench/bench_find_stream.py [--studies 1500] [--instances 1500] [--rounds 3]
        [--base /path/to/other/checkout]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

import anyio  # noqa: E402
from bench_qr import make_archive  # noqa: E402

from dicomkit.archive import Archive  # noqa: E402
from tests.net import peers  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (all its threads), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


@contextlib.contextmanager
def qrscp(name: str, archive: Path, logs: Path, package: Path | None) -> Iterator[peers.Peer]:
    """``dicomkit qrscp`` over ``archive``; with ``package`` the ``dicomkit`` found there
    (a folder holding a ``dicomkit`` link to another checkout's ``runtime``) is run."""
    env = dict(os.environ)
    if package is not None:
        env["PYTHONPATH"] = str(package)

    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "qrscp", str(port), "--archive",
                str(archive), "--aet", "DKQR", "--bind", peers.HOST, "-q"]

    with peers._server(name, argv, logs / name, "DKQR", logs, env=env) as peer:
        yield peer


async def _stream(port: int, aec: str, level: str, keys: dict[str, Any]) -> tuple[int, float]:
    from dicomkit.net import ApplicationEntity
    from dicomkit.net.services import qr

    ae = ApplicationEntity("BENCH")
    contexts = qr.query_contexts(("Study Root",), ("C-FIND",))
    async with ae.connect(peers.HOST, port, called_ae=aec, contexts=contexts) as assoc:
        t0 = time.perf_counter()
        found = await qr.find_all(assoc, level=level, **keys)
        return len(found), time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=1500)
    parser.add_argument("--instances", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base", type=Path, default=None,
                        help="another dicomkit checkout (its runtime/ is run as dicomkit)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-find-") as tmp:
        root = Path(tmp)
        files, _studies, big = make_archive(root / "files", args.studies, args.instances)
        archive = Archive(root / "archive", fsync=False)
        try:
            for path in files:
                archive.insert_file(path)
        finally:
            archive.close()
        servers: list[tuple[str, Path | None]] = [("this", None)]
        if args.base is not None:
            package = root / "base-package"
            package.mkdir()
            (package / "dicomkit").symlink_to(args.base.resolve() / "runtime")
            servers.insert(0, ("base", package))
        streams = {
            "study *": ("STUDY", {"PatientName": "*", "StudyDate": "", "PatientID": "",
                                  "AccessionNumber": "", "StudyDescription": "",
                                  "ModalitiesInStudy": ""}),
            "image series": ("IMAGE", {"StudyInstanceUID": big[0], "SeriesInstanceUID": big[1],
                                       "SOPClassUID": "", "InstanceNumber": ""}),
        }
        rows: list[tuple[str, str, int, float, float, str]] = []
        with contextlib.ExitStack() as stack:
            running = {name: stack.enter_context(qrscp(name, root / "archive", root / "logs",
                                                       package))
                       for name, package in servers}
            for name, _package in servers:  # warm up: imports, caches, the first plan
                for level, keys in streams.values():
                    anyio.run(_stream, running[name].port, "DKQR", level, keys)
            for _ in range(args.rounds):
                for label, (level, keys) in streams.items():
                    for name, _package in servers:
                        peer = running[name]
                        c0 = cpu_seconds(peer.process.pid)
                        n, wall = anyio.run(_stream, peer.port, peer.aet, level, keys)
                        cpu = cpu_seconds(peer.process.pid) - c0
                        load = Path("/proc/loadavg").read_text().split()[0]
                        rows.append((label, name, n, wall, cpu, load))
                        print(f"{label:<14}{name:<6}{n:7d} results {n / wall:8.0f}/s "
                              f"SCP CPU {cpu * 1e6 / n:7.0f} us/result  load {load}",
                              flush=True)
        if args.base is not None:
            print("\nratios (this / base), by stream: results/s and SCP CPU per result")
            for label in streams:
                mine = [r for r in rows if r[0] == label and r[1] == "this"]
                base = [r for r in rows if r[0] == label and r[1] == "base"]
                for a, b in zip(mine, base, strict=True):
                    speed = (a[2] / a[3]) / (b[2] / b[3])
                    cpu = (a[4] / a[2]) / (b[4] / b[2]) if b[4] else float("nan")
                    print(f"{label:<14} results/s {speed:5.2f}x  CPU/result {cpu:5.2f}x "
                          f"(load {a[5]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
