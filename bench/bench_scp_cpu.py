"""CPU time per received file of the Storage SCP process: ``dicomkit storescp`` against dcmtk's.

    python bench/bench_scp_cpu.py                  # 1000 files, 3 passes
    python bench/bench_scp_cpu.py --files 3000 --passes 5 --strace

Both SCPs run as processes for the whole benchmark, each writing into its own folder; dcmtk
``storescu`` sends N copies of pydicom's ``CT_small.dcm`` (39 kB, each with its own SOP Instance
UID) over one association, to ours and to dcmtk's ``storescp`` in turn within each pass.  The
SCP's CPU time is read from ``/proc/PID/stat`` (utime + stime, in clock ticks) before and after
the send, so the figure covers association, transfers, writes and release, and nothing of the
client.  Wall-clock files/s is printed too, but under a loaded machine CPU ms per file is the
figure to compare (issue 13 and issue 18: the gateway shares this receive path); it is
printed split into user and system time, because the system time of creating a file grows
with the files deleted just before (ext4's inode allocator skips recently deleted inodes,
``recently_deleted`` in ``perf``), for every SCP alike, from pass to pass.  Before each
run the output folder is emptied and ``os.sync()`` flushes the disk.  ``--strace`` attaches
``strace -c -f`` to each SCP for one extra run and prints the system calls per file.

``--baseline DIR`` runs a third SCP: ``dicomkit storescp`` imported from ``DIR`` (a folder holding
a ``dicomkit`` package, e.g. another commit's ``runtime/`` with its ``generated/`` inside, put
first on ``PYTHONPATH``), in turn with the two others: before/after figures from one run.

dcmtk runs with ``TCP_NODELAY=1`` (tests/net/peers.py ``DCMTK_ENV``).  Not a test: nothing here
fails.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from bench_net import _empty, make_copies, our_storescp  # noqa: E402

from tests.net import peers  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """(utime, stime) of process ``pid`` (all its threads), in seconds (``proc(5)``)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) "
    return int(fields[11]) / TICKS, int(fields[12]) / TICKS


@contextlib.contextmanager
def baseline_storescp(out: Path, package_dir: Path) -> Iterator[peers.Peer]:
    """``dicomkit storescp`` as our_storescp runs it, importing dicomkit from ``package_dir``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(package_dir), *filter(None, [os.environ.get("PYTHONPATH")])])}

    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port), "--out",
                str(out), "--aet", "DICOMKIT", "--bind", peers.HOST, "--quiet"]

    with peers._server("baseline-storescp", argv, out, "DICOMKIT", out.parent / "logs",
                       env) as p:
        yield p


def load() -> str:
    """The 1-minute load average."""
    return Path("/proc/loadavg").read_text().split()[0]


Run = tuple[float, float, str, float, float]


def one_run(peer: peers.Peer, files: list[Path]) -> Run:
    """(CPU ms per file of the SCP, wall files/s, load average, user ms/file, system ms/file)
    for one storescu run."""
    _empty(peer.out_dir)
    os.sync()
    before = cpu_seconds(peer.process.pid)
    start = time.perf_counter()
    peers.run_storescu(peer.host, peer.port, files, aec=peer.aet)
    wall = time.perf_counter() - start
    time.sleep(0.2)  # let the SCP finish the release after storescu exits
    after = cpu_seconds(peer.process.pid)
    user, system = after[0] - before[0], after[1] - before[1]
    stored = sum(1 for p in peer.out_dir.rglob("*") if p.is_file() and not p.name.endswith(".part"))
    if stored != len(files):
        raise RuntimeError(f"{peer.name} stored {stored} of {len(files)} files")
    n = len(files)
    return 1000.0 * (user + system) / n, n / wall, load(), 1000.0 * user / n, 1000.0 * system / n


def strace_run(peer: peers.Peer, files: list[Path], log: Path) -> str:
    """``strace -c -f`` attached to the SCP for one run; the summary's header and top lines."""
    _empty(peer.out_dir)
    os.sync()
    tracer = subprocess.Popen(["strace", "-c", "-f", "-o", str(log), "-p", str(peer.process.pid)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # attach to every thread
    peers.run_storescu(peer.host, peer.port, files, aec=peer.aet)
    time.sleep(0.3)
    tracer.terminate()
    tracer.wait(10)
    lines = log.read_text().splitlines()
    total = next((ln for ln in lines if ln.strip().endswith("total")), "")
    calls = int(total.split()[3]) if total else 0
    top = [ln for ln in lines[2:10] if ln.strip() and not ln.startswith("---")]
    return f"{calls / len(files):.1f} syscalls/file\n    " + "\n    ".join(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--strace", action="store_true", help="one extra run under strace -c -f")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="a folder with another dicomkit package: a third SCP, 'baseline'")
    args = parser.parse_args()
    if not all(peers.dcmtk_tool(t) for t in ("storescu", "storescp")):
        print("dcmtk storescu/storescp not found")
        return 1
    with tempfile.TemporaryDirectory(prefix="bench_scp_cpu_") as tmp:
        root = Path(tmp)
        files = make_copies(root / "src", args.files)
        results: dict[str, list[Run]] = {"dicomkit": [], "dcmtk": []}
        with contextlib.ExitStack() as stack:
            servers = [("dicomkit", stack.enter_context(our_storescp(root / "ours"))),
                       ("dcmtk", stack.enter_context(peers.dcmtk_storescp(root / "dcmtk")))]
            if args.baseline is not None:
                servers.insert(1, ("baseline", stack.enter_context(
                    baseline_storescp(root / "baseline", args.baseline.resolve()))))
                results["baseline"] = []
            for _name, peer in servers:  # warm up
                peers.run_storescu(peer.host, peer.port, files[:20], aec=peer.aet)
            for i in range(args.passes):
                order = servers[i % len(servers):] + servers[:i % len(servers)]
                for name, peer in order:
                    res = one_run(peer, files)
                    results[name].append(res)
                    print(f"pass {i + 1} {name:9s} {res[0]:6.3f} CPU ms/file (user {res[3]:.3f}"
                          f" sys {res[4]:.3f})  {res[1]:7.0f} files/s  load {res[2]}",
                          flush=True)
            if args.strace and shutil.which("strace"):
                for name, peer in servers:
                    print(f"strace {name}: {strace_run(peer, files, root / f'strace-{name}')}")
        print(f"\n{args.files} files x {args.passes} passes (dcmtk storescu -> SCP)")
        for name, rows in results.items():
            cpus = sorted(r[0] for r in rows)
            walls = sorted(r[1] for r in rows)
            users = sorted(r[3] for r in rows)
            print(f"  {name:9s} CPU ms/file min {cpus[0]:.3f} median {cpus[len(cpus) // 2]:.3f}"
                  f"  user median {users[len(users) // 2]:.3f}"
                  f"   files/s median {walls[len(walls) // 2]:.0f}")
        medians = {name: sorted(r[0] for r in rows)[len(rows) // 2]
                   for name, rows in results.items()}
        for name in results:
            if name != "dcmtk":
                print(f"  ratio CPU/file {name}/dcmtk (medians): "
                      f"{medians[name] / medians['dcmtk']:.2f}x")
        if "baseline" in medians:
            user = {name: sorted(r[3] for r in results[name])[args.passes // 2]
                    for name in ("dicomkit", "baseline")}
            print(f"  ratio CPU/file dicomkit/baseline (medians): "
                  f"{medians['dicomkit'] / medians['baseline']:.2f}x, user CPU only "
                  f"{user['dicomkit'] / user['baseline']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
