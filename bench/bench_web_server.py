"""The dicomkit DICOMweb server against Orthanc's DICOMweb plugin over the same instances in one run.

    python bench/bench_web_server.py [--studies 300] [--seconds 5] [--series-per-study 2]
        [--instances-per-series 2] [--j2k 100] [--big-study-mb 1024]

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
- frames/s (``/frames/1``, ``transfer-syntax=*``, uncompressed), random instances, 8 clients;
- JPEG 2000 frames (``--j2k`` instances of 256 x 256 stored in JPEG 2000 Lossless): as stored
  (``transfer-syntax=*``) and decoded (no ``transfer-syntax``: Explicit VR Little Endian),
  8 clients;
- rendered/s (``/rendered`` as ``image/jpeg``), random 64 x 64 instances, 8 clients;
- memory while a study of ``--big-study-mb`` MB (16 MB instances) is retrieved whole
  (WADO-RS ``/studies/{S}``, ``transfer-syntax=*``, read and dropped by the client): each
  server process's resident set (``VmRSS``) sampled every 20 ms, before and at its peak.

``--series-per-study`` and ``--instances-per-series`` shape the archive (2 x 2 by default;
``--studies 10000 --series-per-study 1 --instances-per-series 1`` for the issue's 10,000-study
archive).  A measure a server cannot answer (not 200) is printed as such, not as a rate.

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


def make_instances(studies: int, per_study: int = 2, per_series: int = 2
                   ) -> tuple[list[bytes], list[tuple[str, str]], list[tuple[str, str, str]]]:
    files: list[bytes] = []
    series_list: list[tuple[str, str]] = []
    instances: list[tuple[str, str, str]] = []
    rng = random.Random(7)
    for n in range(studies):
        st = uid()
        for _s in range(per_study):
            se = uid()
            series_list.append((st, se))
            for i in range(per_series):
                sop = uid()
                ds = dataset(st, se, sop, patient=f"P{n:05d}", number=i + 1, size=64)
                ds.PatientName = f"NAME{n:05d}^GIVEN"
                ds.StudyDate = f"20{rng.randint(10, 24)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                out = io.BytesIO()
                dicomkit.write(out, ds)
                files.append(out.getvalue())
                instances.append((st, se, sop))
    return files, series_list, instances


def make_j2k(count: int) -> tuple[list[bytes], list[tuple[str, str, str]]]:
    """``count`` 256 x 256 instances stored in JPEG 2000 Lossless, 10 a series."""
    from dicomkit.generated import uids
    from dicomkit.pixels.transcode import transcode

    files: list[bytes] = []
    instances: list[tuple[str, str, str]] = []
    st = uid()
    se = uid()
    for i in range(count):
        if i % 10 == 0:
            se = uid()
        sop = uid()
        ds = dataset(st, se, sop, patient="J2K", number=i + 1, size=256)
        out = io.BytesIO()
        dicomkit.write(out, transcode(ds, uids.JPEG2000Lossless))
        files.append(out.getvalue())
        instances.append((st, se, sop))
    return files, instances


BIG_SIZE = 2896  # 2896 x 2896 x 16 bits: 16.8 MB an instance


def big_instance(study: str, series: str, number: int) -> bytes:
    ds = dataset(study, series, uid(), patient="BIG", number=number, size=BIG_SIZE)
    out = io.BytesIO()
    dicomkit.write(out, ds)
    return out.getvalue()


def rss_kb(pid: int) -> int:
    """The resident set of process ``pid`` (``VmRSS``, kB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def pid_of(marker: str) -> int:
    """The process whose command line names ``marker`` (Orthanc's configuration file)."""
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker in (proc / "cmdline").read_bytes().decode(errors="replace"):
                    return int(proc.name)
            except OSError:
                continue
    raise RuntimeError(f"no process runs with {marker}")


async def retrieve_memory(session: aiohttp.ClientSession, url: str, study: str,
                          pid: int) -> tuple[float, int, int, float]:
    """(MB received, RSS before kB, peak RSS kB, seconds) of a whole-study retrieve."""
    before = rss_kb(pid)
    peak = before
    done = False

    async def sample() -> None:
        nonlocal peak
        while not done:
            peak = max(peak, rss_kb(pid))
            await asyncio.sleep(0.02)

    sampler = asyncio.create_task(sample())
    received = 0
    start = time.perf_counter()
    try:
        async with session.get(f"{url}/studies/{study}", headers={
                "Accept": 'multipart/related; type="application/dicom"; transfer-syntax=*'},
                timeout=aiohttp.ClientTimeout(total=1800)) as r:
            assert r.status == 200, (url, r.status)
            async for chunk in r.content.iter_chunked(1 << 20):
                received += len(chunk)
    finally:
        done = True
        await sampler
    return received / 1e6, before, peak, time.perf_counter() - start


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


async def stow(session: aiohttp.ClientSession, url: str, files: list[bytes], per: int = 20,
               parallel: int = 4) -> float:
    batches = [files[i:i + per] for i in range(0, len(files), per)]
    sem = asyncio.Semaphore(parallel)

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


class Refused(Exception):
    """A server answered a measure's request with another status than 200."""


async def load(session: aiohttp.ClientSession, make_url: Callable[[], str], headers: dict[str, str],
               clients: int, seconds: float) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) of ``clients`` loops of GETs for ``seconds``.

    Raises
    ------
    Refused
        When an answer is not 200 (the status and the start of its body).
    """
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        while time.perf_counter() < deadline:
            t = time.perf_counter()
            url = make_url()
            async with session.get(url, headers=headers) as r:
                body = await r.read()
                if r.status != 200:
                    raise Refused(f"{r.status} {body[:120]!r}")
            latencies.append(time.perf_counter() - t)

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / elapsed, statistics.median(latencies) * 1000, p99 * 1000


async def measure(results: dict[str, dict[str, float | str]], label: str,
                  session: aiohttp.ClientSession, servers: dict[str, str],
                  make: Callable[[str], Callable[[], str]], headers: dict[str, str],
                  clients: int, seconds: float) -> None:
    for name, url in servers.items():
        try:
            await load(session, make(url), headers, clients, min(0.5, seconds))  # warm up
            rps, p50, p99 = await load(session, make(url), headers, clients, seconds)
        except Refused as exc:
            results[name][label] = f"refused: {exc}"
            continue
        results[name][label] = rps
        results[name][label + " p50"] = p50
        results[name][label + " p99"] = p99


def report(results: dict[str, dict[str, float | str]]) -> None:
    labels = list(dict.fromkeys([*results["dicomkit"], *results["orthanc"]]))
    for label in labels:
        ours, theirs = results["dicomkit"].get(label), results["orthanc"].get(label)
        if label.endswith("(MB)") and isinstance(ours, float) and isinstance(theirs, float):
            print(f"{label:44s} dicomkit {ours:9.1f} MB  orthanc {theirs:9.1f} MB")
            continue
        if not isinstance(ours, float) or not isinstance(theirs, float):
            def shown(v: float | str | None) -> str:
                return f"{v:9.1f}" if isinstance(v, float) else str(v)
            print(f"{label:44s} dicomkit {shown(ours)}  orthanc {shown(theirs)}")
            continue
        latency = label.endswith(("p50", "p99"))
        ratio = theirs / ours if latency else ours / theirs
        unit = " ms" if latency else "/s"
        print(f"{label:44s} dicomkit {ours:9.1f}{unit}  orthanc {theirs:9.1f}{unit}"
              f"  ratio {ratio:5.2f}")


async def bench(args: argparse.Namespace) -> None:
    files, series, instances = make_instances(args.studies, args.series_per_study,
                                              args.instances_per_series)
    j2k_files, j2k = make_j2k(args.j2k)
    print(f"{len(files)} instances in {args.studies} studies, {len(series)} series; "
          f"{len(j2k_files)} JPEG 2000 instances", flush=True)
    json_accept = {"Accept": "application/dicom+json"}
    with tempfile.TemporaryDirectory() as tmp:
        ours_url, proc = start_dicomkit(Path(tmp) / "dicomkit")
        procs = [proc]
        try:
            with orthanc(Path(tmp) / "orthanc") as orthanc_url:
                orthanc_pid = pid_of(str(Path(tmp) / "orthanc" / "orthanc.json"))
                servers = {"dicomkit": ours_url, "orthanc": orthanc_url}
                connector = aiohttp.TCPConnector(limit=64)
                async with aiohttp.ClientSession(connector=connector) as session:
                    results: dict[str, dict[str, float | str]] = {k: {} for k in servers}
                    for name, url in servers.items():
                        results[name]["STOW instances/s"] = await stow(session, url, files)
                        if j2k_files:
                            await stow(session, url, j2k_files)
                        print(f"{name}: stored", flush=True)
                    # a second dicomkit process over the same archive, without the Search cache
                    nocache_url, nocache = start_dicomkit(Path(tmp) / "dicomkit",
                                                          "--search-cache-seconds", "0")
                    procs.append(nocache)
                    rng = random.Random(1)
                    for clients in (1, 32):
                        label = f"QIDO studies, uncached, {clients} client(s)"
                        await measure(results, label, session,
                                      {"dicomkit": nocache_url, "orthanc": orthanc_url},
                                      lambda u: lambda: u + OHIF_STUDIES, json_accept, clients,
                                      args.seconds)
                    nocache.send_signal(signal.SIGTERM)
                    nocache.wait(20)
                    procs.remove(nocache)

                    def frame_of(pool: list[tuple[str, str, str]]) -> Callable[[str], Callable[[], str]]:
                        return lambda u: lambda: u + "/studies/{}/series/{}/instances/{}/frames/1".format(
                            *rng.choice(pool))

                    measures: list[tuple[str, Callable[[str], Callable[[], str]],
                                         dict[str, str], int]] = [
                        ("QIDO studies, cached, 1 client", lambda u: lambda: u + OHIF_STUDIES,
                         json_accept, 1),
                        ("QIDO studies, cached, 32 clients", lambda u: lambda: u + OHIF_STUDIES,
                         json_accept, 32),
                        ("series metadata, 8 clients",
                         lambda u: lambda: u + "/studies/{}/series/{}/metadata".format(
                             *rng.choice(series)), json_accept, 8),
                        ("frames, 8 clients", frame_of(instances), {"Accept": FRAMES_ACCEPT}, 8),
                        ("rendered JPEG, 8 clients",
                         lambda u: lambda: u + "/studies/{}/series/{}/instances/{}/rendered".format(
                             *rng.choice(instances)), {"Accept": "image/jpeg"}, 8),
                    ]
                    if j2k:
                        measures += [
                            ("JPEG 2000 frames as stored, 8 clients", frame_of(j2k),
                             {"Accept": FRAMES_ACCEPT}, 8),
                            ("JPEG 2000 frames decoded, 8 clients", frame_of(j2k),
                             {"Accept": "multipart/related; type=application/octet-stream"}, 8),
                        ]
                    for label, make, headers, clients in measures:
                        await measure(results, label, session, servers, make, headers, clients,
                                      args.seconds)
                        print(f"{label}: done", flush=True)
                    report(results)  # what is measured so far, in case the rest fails
                    results = {k: {} for k in servers}
                    if args.big_study_mb:
                        count = max(1, round(args.big_study_mb * 1e6 / (BIG_SIZE * BIG_SIZE * 2)))
                        st, se = uid(), uid()
                        pids = {"dicomkit": proc.pid, "orthanc": orthanc_pid}
                        # new connections for each request: a server may have closed an
                        # idle kept-alive one while the other was being filled
                        fresh = aiohttp.ClientSession(
                            connector=aiohttp.TCPConnector(force_close=True),
                            timeout=aiohttp.ClientTimeout(total=1800))
                        async with fresh:
                            for url in servers.values():
                                for n in range(count):  # one instance a request, made as sent
                                    await stow(fresh, url, [big_instance(st, se, n + 1)], 1, 1)
                        for name, url in servers.items():
                            fresh = aiohttp.ClientSession(
                                connector=aiohttp.TCPConnector(force_close=True))
                            async with fresh:
                                mb, before, peak, secs = await retrieve_memory(fresh, url, st,
                                                                               pids[name])
                            results[name][f"study of {mb:.0f} MB retrieved: MB/s"] = mb / secs
                            results[name]["  RSS before (MB)"] = before / 1024
                            results[name]["  RSS peak (MB)"] = peak / 1024
                            results[name]["  RSS growth (MB)"] = (peak - before) / 1024
                            print(f"{name}: {mb:.0f} MB in {secs:.1f} s, RSS {before / 1024:.0f}"
                                  f" -> {peak / 1024:.0f} MB", flush=True)
                    report(results)
        finally:
            for p in procs:
                p.send_signal(signal.SIGTERM)
                p.wait(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--series-per-study", type=int, default=2)
    parser.add_argument("--instances-per-series", type=int, default=2)
    parser.add_argument("--j2k", type=int, default=100,
                        help="JPEG 2000 instances for the JPEG 2000 frames measures (0: none)")
    parser.add_argument("--big-study-mb", type=float, default=0,
                        help="size of the study retrieved for the memory measure (0: none)")
    asyncio.run(bench(parser.parse_args()))


if __name__ == "__main__":
    main()
