"""The dicomkit DICOMweb server against Orthanc's DICOMweb plugin over the same instances in one run.

    python bench/bench_web_server.py [--studies 300] [--seconds 5]

Starts ``dicomkit serve --no-dimse`` (a process, SQLite index) and Orthanc 1.10.1 + DICOMweb
plugin (Debian, tests/web/orthanc.py), both empty on free loopback ports, then measures with
the same aiohttp client in this process:

- STOW-RS instances/s: ``--studies`` studies of 2 series x 2 instances (CT_small.dcm's header,
  64 x 64 pixels, new UIDs, names, dates), 20 instances per request, 4 requests at a time --
  this fills both servers with the same instances;
- QIDO-RS study search as OHIF's study list asks it (``limit=101``, its ``includefield``s):
  requests/s and p50 / p99 latency with 1 and with 32 concurrent clients, from a second
  ``dicomkit serve`` over the same archive without the Search cache (``uncached``) and from
  the first one (``cached``: the answer reused while the archive is unchanged);
- series metadata (WADO-RS ``/studies/{S}/series/{SE}/metadata``), random series, 8 clients;
- frames/s (``/frames/1``, ``transfer-syntax=*``, uncompressed), random instances, 8 clients.

Each load runs ``--seconds`` seconds per server.  Prints one line per measure and the ratio
dicomkit / Orthanc (above 1: dicomkit faster).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import aiohttp  # noqa: E402

import dicomkit  # noqa: E402
from dicomkit.web.multipart import Part, content_type, iter_multipart, make_boundary  # noqa: E402
from tests.archive.make import dataset, uid  # noqa: E402
from tests.web.orthanc import orthanc  # noqa: E402

OHIF_STUDIES = ("/studies?limit=101&offset=0&fuzzymatching=false"
                "&includefield=00081030,00080060,00080090,00100030")
FRAMES_ACCEPT = "multipart/related; type=application/octet-stream; transfer-syntax=*"


def make_instances(studies: int) -> tuple[list[bytes], list[tuple[str, str]],
                                           list[tuple[str, str, str]]]:
    files: list[bytes] = []
    series_list: list[tuple[str, str]] = []
    instances: list[tuple[str, str, str]] = []
    rng = random.Random(7)
    for n in range(studies):
        st = uid()
        for _s in range(2):
            se = uid()
            series_list.append((st, se))
            for i in range(2):
                sop = uid()
                ds = dataset(st, se, sop, patient=f"P{n:05d}", number=i + 1, size=64)
                ds.PatientName = f"NAME{n:05d}^GIVEN"
                ds.StudyDate = f"20{rng.randint(10, 24)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                out = io.BytesIO()
                dicomkit.write(out, ds)
                files.append(out.getvalue())
                instances.append((st, se, sop))
    return files, series_list, instances


def start_dicomkit(folder: Path, *extra: str) -> tuple[str, subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "dicomkit.cli.main", "serve", str(folder / "archive"),
         "--http-port", "0", "--no-dimse", "--quiet", *extra],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    while True:
        line = proc.stderr.readline()
        if not line:
            raise SystemExit("dicomkit serve did not start")
        m = re.search(r"DICOMweb on (http://\S+),", line)
        if m:
            return m.group(1), proc


async def stow(session: aiohttp.ClientSession, url: str, files: list[bytes]) -> float:
    batches = [files[i:i + 20] for i in range(0, len(files), 20)]
    sem = asyncio.Semaphore(4)

    async def one(batch: list[bytes]) -> None:
        boundary = make_boundary()
        body = b"".join(iter_multipart([Part(f, content_type="application/dicom") for f in batch],
                                       boundary))
        async with sem, session.post(url + "/studies", data=body, headers={
                "Content-Type": content_type(boundary, "application/dicom"),
                "Accept": "application/dicom+json"}) as r:
            await r.read()
            assert r.status == 200, (url, r.status)

    start = time.perf_counter()
    await asyncio.gather(*(one(b) for b in batches))
    return len(files) / (time.perf_counter() - start)


async def load(session: aiohttp.ClientSession, make_url: Callable[[], str], headers: dict[str, str],
               clients: int, seconds: float) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) of ``clients`` loops of GETs for ``seconds``."""
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        while time.perf_counter() < deadline:
            t = time.perf_counter()
            async with session.get(make_url(), headers=headers) as r:
                await r.read()
                assert r.status == 200, (make_url(), r.status)
            latencies.append(time.perf_counter() - t)

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / elapsed, statistics.median(latencies) * 1000, p99 * 1000


async def bench(args: argparse.Namespace) -> None:
    files, series, instances = make_instances(args.studies)
    print(f"{len(files)} instances in {args.studies} studies, {len(series)} series")
    with tempfile.TemporaryDirectory() as tmp:
        ours_url, proc = start_dicomkit(Path(tmp) / "dicomkit")
        procs = [proc]
        try:
            with orthanc(Path(tmp) / "orthanc") as orthanc_url:
                servers = {"dicomkit": ours_url, "orthanc": orthanc_url}
                connector = aiohttp.TCPConnector(limit=64)
                async with aiohttp.ClientSession(connector=connector) as session:
                    results: dict[str, dict[str, float]] = {k: {} for k in servers}
                    for name, url in servers.items():
                        results[name]["STOW instances/s"] = await stow(session, url, files)
                    # a second dicomkit process over the same archive, without the Search cache
                    nocache_url, nocache = start_dicomkit(Path(tmp) / "dicomkit",
                                                          "--search-cache-seconds", "0")
                    procs.append(nocache)
                    rng = random.Random(1)
                    measures: list[tuple[str, Callable[[str], Callable[[], str]],
                                         dict[str, str], int]] = [
                        ("QIDO studies, cached, 1 client", lambda u: lambda: u + OHIF_STUDIES,
                         {"Accept": "application/dicom+json"}, 1),
                        ("QIDO studies, cached, 32 clients", lambda u: lambda: u + OHIF_STUDIES,
                         {"Accept": "application/dicom+json"}, 32),
                        ("series metadata, 8 clients",
                         lambda u: lambda: u + "/studies/{}/series/{}/metadata".format(
                             *rng.choice(series)), {"Accept": "application/dicom+json"}, 8),
                        ("frames, 8 clients",
                         lambda u: lambda: u + "/studies/{}/series/{}/instances/{}/frames/1".format(
                             *rng.choice(instances)), {"Accept": FRAMES_ACCEPT}, 8),
                    ]
                    for clients in (1, 32):
                        label = f"QIDO studies, uncached, {clients} client(s)"
                        for name, url in (("dicomkit", nocache_url), ("orthanc", orthanc_url)):
                            make = (lambda u: lambda: u + OHIF_STUDIES)(url)
                            await load(session, make, {"Accept": "application/dicom+json"},
                                       clients, 0.5)
                            rps, p50, p99 = await load(session, make, {
                                "Accept": "application/dicom+json"}, clients, args.seconds)
                            results[name][label] = rps
                            results[name][label + " p50"] = p50
                            results[name][label + " p99"] = p99
                    for label, make, headers, clients in measures:
                        for name, url in servers.items():
                            await load(session, make(url), headers, clients, 0.5)  # warm up
                            rps, p50, p99 = await load(session, make(url), headers, clients,
                                                       args.seconds)
                            results[name][label] = rps
                            results[name][label + " p50"] = p50
                            results[name][label + " p99"] = p99
                    for label in results["dicomkit"]:
                        ours, theirs = results["dicomkit"][label], results["orthanc"][label]
                        latency = label.endswith(("p50", "p99"))
                        ratio = theirs / ours if latency else ours / theirs
                        unit = " ms" if latency else "/s"
                        print(f"{label:36s} dicomkit {ours:9.1f}{unit}  orthanc {theirs:9.1f}{unit}"
                              f"  ratio {ratio:5.2f}")
        finally:
            for p in procs:
                p.send_signal(signal.SIGTERM)
                p.wait(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=5.0)
    asyncio.run(bench(parser.parse_args()))


if __name__ == "__main__":
    main()
