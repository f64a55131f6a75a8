"""Query/Retrieve SCP benchmark on loopback: ``dicomkit qrscp`` against dcmtk's ``dcmqrscp``
(the anchor) over the same files in one run, both asked by the same client (dicomkit's Q/R
SCU, one association): C-FIND of every study (results/s), of the instances of one large
series (results/s), exact matches by Study Instance UID (p50 / p99 ms), C-MOVE of
single-instance studies into dcmtk ``storescp`` discarding what it receives (moves/s); the
large series moved there and fetched with C-GET into a folder (files/s); C-GET of each
single-instance study (gets/s).  With ``--studies 10000`` dcmqrscp gets only
``--dcmqrscp-studies`` of them (its limit is 500 per storage area).

The files are ``bench_qr.make_archive``'s (CT_small.dcm's header, new UIDs, names and dates);
dcmqrscp gets them with dcmqridx / storescu (tests/net/qr_peers.py), ours with
``Archive.insert_file`` into a SQLite index before it starts.  Not a test: nothing here fails.

    python bench/bench_qr_scp.py [--studies 400] [--instances 2000] [--queries 200] [--moves 50]
"""

from __future__ import annotations

import argparse
import contextlib
import random
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
from bench_qr import _ours, make_archive, percentiles  # noqa: E402

from dicomkit.archive import Archive  # noqa: E402
from tests.net import peers  # noqa: E402
from tests.net.qr_peers import dcmqrscp, pynetdicom_qr_scp  # noqa: E402

QRSCP_LOG = ["-q"]


async def _searches(port: int, aec: str, rounds: int) -> dict[str, list[float]]:
    """Latencies (s) of a wild-card and a date-range C-FIND at study level, ``rounds`` each."""
    import datetime

    from dicomkit.net import ApplicationEntity
    from dicomkit.net.services import qr

    out: dict[str, list[float]] = {"wildcard": [], "range": []}
    ae = ApplicationEntity("BENCH")
    contexts = qr.query_contexts(("Study Root",), ("C-FIND",))
    async with ae.connect(peers.HOST, port, called_ae=aec, contexts=contexts) as assoc:
        for i in range(rounds):
            t0 = time.perf_counter()
            await qr.find_all(assoc, level="STUDY", PatientName=f"BENCH^{'ABCDEFGH'[i % 8]}0001*")
            out["wildcard"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            year = 1995 + i % 30
            await qr.find_all(assoc, level="STUDY", StudyDate=qr.Range(
                datetime.date(year, 3, 1), datetime.date(year, 3, 20)))
            out["range"].append(time.perf_counter() - t0)
    return out


async def _retrieves(port: int, aec: str, dest: str, big: tuple[str, str], studies: list[str],
                     sink: Path) -> dict[str, float]:
    """Seconds for: C-MOVE of the large series into ``dest``; C-GET of it (sub-operations
    written to ``sink`` by :class:`FolderStorage`, as ``dicomkit get`` does); C-GET of each of
    ``studies`` (one instance each), all on one association."""
    from dicomkit.generated import uids
    from dicomkit.net import ApplicationEntity
    from dicomkit.net.services import qr

    ae = ApplicationEntity("BENCH")
    contexts = qr.get_contexts(("Study Root",), storage=[uids.CTImageStorage], find=False,
                               move=True)
    out: dict[str, float] = {}
    async with ae.connect(peers.HOST, port, called_ae=aec, contexts=contexts) as assoc:
        t0 = time.perf_counter()
        result = await qr.move_all(assoc, dest, level="SERIES", StudyInstanceUID=big[0],
                                   SeriesInstanceUID=big[1])
        out["move series"] = time.perf_counter() - t0
        out["move series ok"] = float(result.completed or 0)
        t0 = time.perf_counter()
        result = await qr.get_all(assoc, level="SERIES", store=sink / "series",
                                  StudyInstanceUID=big[0], SeriesInstanceUID=big[1])
        out["get series"] = time.perf_counter() - t0
        out["get series ok"] = float(result.completed or 0)
        t0 = time.perf_counter()
        for uid in studies:
            result = await qr.get_all(assoc, store=sink / "studies", StudyInstanceUID=uid)
            assert result.ok, (aec, result)
        out["gets"] = time.perf_counter() - t0
    return out


@contextlib.contextmanager
def dicomkit_qrscp(folder: Path, files: list[Path], destinations: dict[str, tuple[str, int]]
                   ) -> Iterator[peers.Peer]:
    """``dicomkit qrscp`` (a process, as users run it) over an archive of ``files``."""
    archive = Archive(folder / "archive", fsync=False)
    try:
        for path in files:
            archive.insert_file(path)
    finally:
        archive.close()
    moves = [a for k, (h, p) in destinations.items() for a in ("--move", f"{k}={h}:{p}")]

    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "qrscp", str(port), "--archive",
                str(folder / "archive"), "--aet", "DKQR", "--bind", peers.HOST, *QRSCP_LOG, *moves]

    with peers._server("qrscp", argv, folder / "out", "DKQR", folder / "logs") as peer:
        yield peer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=400)
    parser.add_argument("--instances", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--moves", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2, help="runs of each SCP, alternating")
    parser.add_argument("--searches", type=int, default=40,
                        help="wild-card and date-range queries per round")
    parser.add_argument("--dcmqrscp-studies", type=int, default=450,
                        help="dcmqrscp keeps at most 500 studies per storage area (dcmtk's "
                             "DB_UpperMaxStudies): it gets the first N single-instance studies "
                             "and the large one; the others get every study")
    parser.add_argument("--no-pynetdicom", action="store_true",
                        help="leave pynetdicom's SCP out (at 10,000 studies its wild-card "
                             "queries take minutes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-qrscp-") as tmp:
        root = Path(tmp)
        files, studies, big = make_archive(root / "files", args.studies, args.instances,
                                           pixels=True)
        rng = random.Random(7)
        exact = rng.sample(studies, min(args.queries, len(studies)))
        moves = rng.sample(studies, min(args.moves, len(studies)))
        results: dict[str, list[dict[str, Any]]] = {"dicomkit qrscp": [], "dcmqrscp": [],
                                                    "pynetdicom": []}
        with contextlib.ExitStack() as stack:
            store = stack.enter_context(peers.dcmtk_storescp(root / "store", discard=True))
            dest = {"STORESCP": (store.host, store.port)}
            t0 = time.perf_counter()
            capped = [f for i, f in enumerate(files)
                      if i < args.dcmqrscp_studies or i >= len(studies)]
            theirs = stack.enter_context(dcmqrscp(root / "dcmqrscp", capped, destinations=dest))
            t1 = time.perf_counter()
            ours = stack.enter_context(dicomkit_qrscp(root / "ours", files, dest))
            t2 = time.perf_counter()
            pyn = None if args.no_pynetdicom else stack.enter_context(
                pynetdicom_qr_scp(root / "pyn", files, destinations=dest))
            print(f"{len(files)} files loaded: dcmqrscp {t1 - t0:.1f} s, "
                  f"dicomkit archive {t2 - t1:.1f} s")
            for _ in range(args.rounds):
                for name, peer in (("dicomkit qrscp", ours), ("dcmqrscp", theirs),
                                   ("pynetdicom", pyn)):
                    if peer is None:
                        continue
                    asked = exact if name != "dcmqrscp" else [
                        u for u in exact if studies.index(u) < args.dcmqrscp_studies] or exact[:1]
                    moved = moves if name != "dcmqrscp" else [
                        u for u in moves if studies.index(u) < args.dcmqrscp_studies] or moves[:1]
                    try:
                        run = anyio.run(_ours, peer.port, peer.aet, asked, moved, "STORESCP",
                                        big)
                        run["asked"], run["moved"] = len(asked), len(moved)
                        run.update(anyio.run(_searches, peer.port, peer.aet, args.searches))
                        with tempfile.TemporaryDirectory(dir=root) as sink:
                            run.update(anyio.run(_retrieves, peer.port, peer.aet, "STORESCP",
                                                 big, moved, Path(sink)))
                    except BaseException as exc:  # a peer that aborts: say so, go on
                        if isinstance(exc, KeyboardInterrupt):
                            raise
                        print(f"{name}: round failed: {exc!r}"[:400], flush=True)
                        continue
                    print(f"{name}: round done", flush=True)
                    results[name].append(run)
    m = args.instances
    print(f"\nSCP asked by dicomkit's SCU: all studies, the {m} instances of one series "
          f"(results/s); exact matches (ms); single-instance C-MOVEs (moves/s); the series "
          f"moved into storescp and got with C-GET (files/s); single-instance C-GETs (gets/s)")
    print(f"{'SCP':<16}{'studies':>8}{'studies/s':>10}{'images/s':>10}{'p50':>8}{'p99':>8}"
          f"{'wild p50':>9}{'range p50':>10}{'moves/s':>9}{'move f/s':>9}{'get f/s':>9}"
          f"{'gets/s':>8}")
    best: dict[str, tuple[float, ...]] = {}
    for name, runs in results.items():
        for run in runs:
            p50, p99 = percentiles(run["exact"])
            n = run["all"][0]
            row = (n / run["all"][1], m / run["images"][1], p50, p99,
                   percentiles(run["wildcard"])[0], percentiles(run["range"])[0],
                   run["moved"] / run["moves"], run["move series ok"] / run["move series"],
                   run["get series ok"] / run["get series"], run["moved"] / run["gets"])
            print(f"{name:<16}{n:8d}{row[0]:10.0f}{row[1]:10.0f}{row[2]:8.2f}{row[3]:8.2f}"
                  f"{row[4]:9.2f}{row[5]:10.2f}{row[6]:9.1f}{row[7]:9.0f}{row[8]:9.0f}"
                  f"{row[9]:8.1f}"
                  + ("" if run["images"][0] == m and run["get series ok"] == m else
                     f"  (found {run['images'][0]} images, got {run['get series ok']:.0f})"))
            prev = best.get(name)
            best[name] = row if prev is None or row[2] < prev[2] else prev
    a = best.get("dicomkit qrscp")
    for other in ("dcmqrscp", "pynetdicom"):
        b = best.get(other)
        if a is None or b is None:
            continue
        print(f"dicomkit / {other} (best round by p50): studies/s {a[0] / b[0]:.2f}, images/s "
              f"{a[1] / b[1]:.2f}; how many times faster at p50: exact {b[2] / a[2]:.2f}, "
              f"wild card {b[4] / a[4]:.2f}, range {b[5] / a[5]:.2f}; moves/s {a[6] / b[6]:.2f}; "
              f"series C-MOVE files/s {a[7] / b[7]:.2f}, C-GET files/s {a[8] / b[8]:.2f}, "
              f"gets/s {a[9] / b[9]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
