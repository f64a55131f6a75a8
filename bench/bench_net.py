"""Networking benchmark on loopback: dicomkit against pynetdicom and dcmtk in the same run.

    python bench/bench_net.py            # 500 C-ECHOs, 500 C-STOREs of a 39 kB CT image
    python bench/bench_net.py --echoes 2000 --files 1000

C-ECHO: round trips per second on one association, for ours->ours, ours->dcmtk storescp,
pynetdicom->pynetdicom and dcmtk echoscu->dcmtk storescp.  Clients that only run as whole
processes (echoscu, the pynetdicom script) are timed as (t(N) - t(1)) / (N - 1), which takes out
start-up, association and release; ours is timed around the echo loop.

C-STORE: N copies of pydicom's ``CT_small.dcm`` (39 kB, each with a new SOP Instance UID) sent
over one association, files/s and MB/s (file bytes), for ours->ours, dcmtk storescu->ours,
ours->dcmtk storescp, dcmtk storescu->storescp and pynetdicom->pynetdicom (``--only`` picks
some).  Every SCP writes the files to disk.  The times cover association, transfers and
release.  All servers run for the whole benchmark and the pairings take turns within each
pass; before each run the SCP's output folder is emptied and ``os.sync()`` flushes the disk, so
no run pays for the write-back of another's files.

Concurrency: ``--associations`` dcmtk storescu processes at once (default 50), each sending
``--per-association`` files (default 20) over its own association, to ours and to dcmtk's
storescp; total files/s, and how many stored files hold their source's data set.

Targets (issue 13): C-ECHO ours->ours at least 0.35x dcmtk->dcmtk; C-STORE ours->ours and
dcmtk->ours at least 0.9x dcmtk->dcmtk, ours->dcmtk at least 1x; 2x pynetdicom throughout.
Not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))


import dicomkit  # noqa: E402
from dicomkit.core.uid import generate_uid  # noqa: E402
from tests.net import peers  # noqa: E402
from tests.samples import sample  # noqa: E402


def make_copies(folder: Path, n: int) -> list[Path]:
    """``n`` copies of CT_small.dcm, each with its own SOP Instance UID."""
    source = sample("CT_small.dcm")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        ds = dicomkit.read(source)
        uid = generate_uid()
        ds.SOPInstanceUID = uid
        ds.file_meta.MediaStorageSOPInstanceUID = uid
        path = folder / f"ct{i:05d}.dcm"
        dicomkit.write(path, ds)
        paths.append(path)
    return paths


@contextlib.contextmanager
def our_storescp(out: Path) -> Iterator[peers.Peer]:
    """``dicomkit storescp`` in a subprocess (the CLI, with its default handler)."""
    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port), "--out",
                str(out), "--aet", "DICOMKIT", "--bind", peers.HOST, "--quiet"]

    with peers._server("dicomkit-storescp", argv, out, "DICOMKIT", out.parent / "logs") as p:
        yield p


# -- our clients (in process) ------------------------------------------------------------------

async def _our_echo_loop(port: int, aec: str, n: int) -> float:
    from dicomkit.generated import uids
    from dicomkit.net import ApplicationEntity, PresentationContext
    from dicomkit.net.services.verification import echo_on

    contexts = [PresentationContext(1, uids.Verification, (uids.ImplicitVRLittleEndian,))]
    ae = ApplicationEntity("BENCH")
    async with ae.connect(peers.HOST, port, called_ae=aec, contexts=contexts) as assoc:
        start = time.perf_counter()
        for i in range(1, n + 1):
            status = await echo_on(assoc, i)
            if status != 0:
                raise RuntimeError(f"C-ECHO status {status:04X}")
        return time.perf_counter() - start


def our_echo(port: int, aec: str, n: int) -> float:
    """Round trips per second, ours as SCU."""
    from dicomkit.net import loop

    return n / loop.run(_our_echo_loop, port, aec, n)  # the loop our entry points run on


def our_store(port: int, aec: str, files: list[Path]) -> float:
    """Seconds to store ``files`` over one association, ours as SCU."""
    from dicomkit.net.services.storage import StorageSCU

    scu = StorageSCU(peers.HOST, port, called_ae=aec, calling_ae="BENCH")
    start = time.perf_counter()
    results = scu.store_blocking(files)
    seconds = time.perf_counter() - start
    bad = [r for r in results if not r.ok]
    if bad or len(results) != len(files):
        raise RuntimeError(f"{len(bad)} failed, {len(results)} of {len(files)} results")
    return seconds


# -- their clients (subprocesses) --------------------------------------------------------------

def _timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def dcmtk_echo(port: int, aec: str, n: int) -> float:
    t1 = min(_timed(lambda: peers.run_echoscu(peers.HOST, port, aec=aec, repeat=1))
             for _ in range(3))
    tn = _timed(lambda: peers.run_echoscu(peers.HOST, port, aec=aec, repeat=n))
    return (n - 1) / (tn - t1)


def pynetdicom_echo(port: int, aec: str, n: int) -> float:
    t1 = min(peers.run_pynetdicom_scu("echo", peers.HOST, port, aec=aec)["seconds"]
             for _ in range(3))
    tn = peers.run_pynetdicom_scu("echo", peers.HOST, port, aec=aec, repeat=n)["seconds"]
    return float((n - 1) / (tn - t1))


def dcmtk_store(port: int, aec: str, files: list[Path]) -> float:
    return _timed(lambda: peers.run_storescu(peers.HOST, port, files, aec=aec))


def pynetdicom_store(port: int, aec: str, files: list[Path]) -> float:
    return float(peers.run_pynetdicom_scu("store", peers.HOST, port, files, aec=aec)["seconds"])


STORE_PAIRINGS = ("ours->ours", "dcmtk->ours", "ours->dcmtk", "dcmtk->dcmtk",
                  "pynetdicom->pynetdicom")


def _empty(folder: Path) -> None:
    """Remove what an SCP stored (outside the timing), so every pass creates new files."""
    for child in folder.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def concurrent_store(port: int, aec: str, files: list[Path], associations: int) -> float:
    """Seconds for ``associations`` dcmtk storescu processes at once, each sending its share
    of ``files`` over its own association (the load of issue 13's concurrency check)."""
    from concurrent.futures import ThreadPoolExecutor

    per = len(files) // associations
    groups = [files[i * per:(i + 1) * per] for i in range(associations)]
    start = time.perf_counter()
    with ThreadPoolExecutor(associations) as pool:  # each thread waits for one process
        results = list(pool.map(lambda group: peers.run_storescu(
            peers.HOST, port, group, aec=aec, proposal="-xs", check=False), groups))
    seconds = time.perf_counter() - start
    failed = [r for r in results if r.returncode != 0]
    if failed:
        raise RuntimeError(f"{len(failed)} storescu runs failed: {failed[0].stderr[-500:]}")
    return seconds


def check_intact(sources: list[Path], out_dir: Path) -> int:
    """How many stored files carry the data set of a source (SOP Instance UID and pixels)."""
    wanted = {}
    for path in sources:
        ds = dicomkit.read(path)
        wanted[str(ds.SOPInstanceUID)] = bytes(ds["PixelData"].value)
    intact = 0
    for path in out_dir.rglob("*"):
        if path.is_file() and not path.name.endswith(".part"):
            ds = dicomkit.read(path)
            if wanted.get(str(ds.SOPInstanceUID)) == bytes(ds["PixelData"].value):
                intact += 1
    return intact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--echoes", type=int, default=500)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--passes", type=int, default=3, help="best of N for each measure")
    parser.add_argument("--only", nargs="+", choices=STORE_PAIRINGS, default=None,
                        help="C-STORE pairings to run (default all; C-ECHO runs for the "
                             "servers they need)")
    parser.add_argument("--associations", type=int, default=50,
                        help="concurrent dcmtk storescu associations of the concurrency run "
                             "(0: leave it out)")
    parser.add_argument("--per-association", type=int, default=20, metavar="N",
                        help="files each of them sends")
    args = parser.parse_args()
    wanted = set(args.only or STORE_PAIRINGS)
    have_dcmtk = all(peers.dcmtk_tool(t) for t in ("echoscu", "storescu", "storescp"))
    have_pynetdicom = peers.have_pynetdicom()
    if not have_dcmtk:
        print("dcmtk not installed: its pairings are left out")
        wanted -= {"dcmtk->ours", "ours->dcmtk", "dcmtk->dcmtk"}
    if not have_pynetdicom:
        print("pynetdicom not installed: its pairings are left out")
        wanted.discard("pynetdicom->pynetdicom")
    with tempfile.TemporaryDirectory() as tmp_name, contextlib.ExitStack() as stack:
        tmp = Path(tmp_name)
        files = make_copies(tmp / "src", args.files)
        size = sum(os.path.getsize(f) for f in files)
        print(f"{len(files)} files, {size / len(files) / 1000:.1f} kB each, {size / 1e6:.1f} MB; "
              f"best of {args.passes}, pairings taking turns in each pass")
        echo: dict[str, float] = {}
        store: dict[str, float] = {}
        servers: dict[str, peers.Peer] = {}
        # every server runs for the whole benchmark, so the passes of all pairings can take
        # turns (the machine's state, e.g. disk write-back, then weighs on all of them alike)
        if wanted & {"ours->ours", "dcmtk->ours"}:
            (tmp / "ours").mkdir()
            servers["ours"] = stack.enter_context(our_storescp(tmp / "ours"))
        if wanted & {"ours->dcmtk", "dcmtk->dcmtk"}:
            (tmp / "dcmtk").mkdir()
            servers["dcmtk"] = stack.enter_context(peers.dcmtk_storescp(tmp / "dcmtk"))
        if "pynetdicom->pynetdicom" in wanted:
            (tmp / "pynetdicom").mkdir()
            servers["pynetdicom"] = stack.enter_context(peers.pynetdicom_scp(tmp / "pynetdicom"))

        clients: dict[str, tuple[Any, Any]] = {
            "ours": (our_echo, our_store), "dcmtk": (dcmtk_echo, dcmtk_store),
            "pynetdicom": (pynetdicom_echo, pynetdicom_store)}
        echo_pairings = [p for p in ("ours->ours", "ours->dcmtk", "dcmtk->dcmtk",
                                     "pynetdicom->pynetdicom") if p.split("->")[1] in servers
                         and (p.split("->")[0] == "ours" or p in wanted)]
        for _ in range(args.passes):
            for pairing in echo_pairings:
                client, server = pairing.split("->")
                scp = servers[server]
                rate = clients[client][0](scp.port, scp.aet, args.echoes)
                echo[pairing] = max(echo.get(pairing, 0.0), rate)
            for pairing in STORE_PAIRINGS:
                if pairing not in wanted:
                    continue
                client, server = pairing.split("->")
                scp = servers[server]
                _empty(scp.out_dir)
                os.sync()  # the previous pass's files are on disk before the clock starts
                seconds = clients[client][1](scp.port, scp.aet, files)
                store[pairing] = min(store.get(pairing, float("inf")), seconds)

        concurrent: dict[str, tuple[float, int]] = {}
        if args.associations and have_dcmtk:
            many = make_copies(tmp / "many", args.associations * args.per_association)
            for _ in range(args.passes):
                for server in ("ours", "dcmtk"):
                    if server not in servers:
                        continue
                    scp = servers[server]
                    _empty(scp.out_dir)
                    os.sync()
                    seconds = concurrent_store(scp.port, scp.aet, many, args.associations)
                    intact = check_intact(many, scp.out_dir)
                    best = concurrent.get(server)
                    if best is None or seconds < best[0]:
                        concurrent[server] = (seconds, intact)

    print(f"\nC-ECHO, {args.echoes} round trips on one association")
    print(f"{'pairing':<26}{'echoes/s':>10}")
    for name, rate in echo.items():
        print(f"{name:<26}{rate:>10.0f}")
    print(f"\nC-STORE, {len(files)} files on one association")
    print(f"{'pairing':<26}{'files/s':>10}{'MB/s':>8}{'seconds':>9}")
    for name, seconds in store.items():
        print(f"{name:<26}{len(files) / seconds:>10.0f}{size / 1e6 / seconds:>8.1f}{seconds:>9.2f}")
    if concurrent:
        total = args.associations * args.per_association
        print(f"\n{args.associations} concurrent dcmtk storescu associations x "
              f"{args.per_association} files")
        print(f"{'server':<26}{'files/s':>10}{'intact':>10}")
        for name, (seconds, intact) in concurrent.items():
            print(f"{name:<26}{total / seconds:>10.0f}{intact:>6}/{total}")
        if {"ours", "dcmtk"} <= set(concurrent):
            print(f"concurrent ours / dcmtk storescp: "
                  f"{concurrent['dcmtk'][0] / concurrent['ours'][0]:.2f}x")
    print("\nratios (>1: ours faster; targets of issue 13)")
    for label, table, higher_better, rows in (
            ("C-ECHO", echo, True, (("ours->ours", "dcmtk->dcmtk", ">= 0.35"),
                                    ("ours->ours", "pynetdicom->pynetdicom", ">= 2"))),
            ("C-STORE", store, False, (("ours->ours", "dcmtk->dcmtk", ">= 0.9"),
                                       ("dcmtk->ours", "dcmtk->dcmtk", ">= 0.9"),
                                       ("ours->dcmtk", "dcmtk->dcmtk", ">= 1"),
                                       ("ours->ours", "pynetdicom->pynetdicom", ">= 2")))):
        for ours, other, target in rows:
            if ours in table and other in table:
                ratio = table[ours] / table[other] if higher_better else table[other] / table[ours]
                print(f"{label} {ours} / {other}: {ratio:.2f}x (target {target})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
