"""Store-and-forward benchmark on loopback: dcmtk storescu -> ``dicomkit storescp --forward``
-> dcmtk storescp, against dcmtk storescu -> storescp directly, in the same run.

    python bench/bench_forward.py                # 500 files, 3 passes
    python bench/bench_forward.py --files 1000 --passes 5

Direct: dcmtk ``storescu`` sends N copies of pydicom's ``CT_small.dcm`` (39 kB, each with a new
SOP Instance UID) over one association to dcmtk ``storescp``; timed from the start of storescu
to its end.  Forwarded: the same storescu sends them to the gateway (``dicomkit storescp
--forward RULES --spool DIR``: every file flushed into the spool and its job committed,
SQLite in WAL mode with ``synchronous=FULL``, before Success is answered) which forwards them
to the same storescp; timed from the start of storescu until the last file has arrived at
storescp and the queue is empty.  Both sinks write to disk.  Ratio = forwarded / direct files/s
(target at least 0.8x, issue 18).

Queue overhead per file: :meth:`dicomkit.forward.Forwarder.accept` (copy into the spool, fsync
of the file and of the folder, one committed transaction) and the delivery bookkeeping (claim
and finish of a batch of 32), in process, durable and with ``--no-fsync``'s settings.
Not a test: nothing here fails.
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

import dicomkit  # noqa: E402
from dicomkit.forward import (  # noqa: E402
    Forwarder,
    ForwardQueue,
    Outcome,
    Spool,
    parse_rules,
)
from tests.forward.conftest import make_files  # noqa: E402
from tests.net import peers  # noqa: E402


def _count(folder: Path) -> int:
    return sum(1 for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _clear(folder: Path) -> None:
    for p in folder.iterdir():
        if p.is_file():
            p.unlink()


def direct(files: list[Path], sink: peers.Peer) -> float:
    _clear(sink.out_dir)
    t = time.perf_counter()
    peers.run_storescu(sink.host, sink.port, files, aec=sink.aet)
    took = time.perf_counter() - t
    assert _count(sink.out_dir) == len(files), "storescp did not store every file"
    return took


def forwarded(files: list[Path], sink: peers.Peer, gateway_port: int, queue: ForwardQueue
              ) -> float:
    _clear(sink.out_dir)
    t = time.perf_counter()
    peers.run_storescu("127.0.0.1", gateway_port, files, aec="GATEWAY")
    deadline = time.monotonic() + 600
    while _count(sink.out_dir) < len(files) or queue.count():
        if time.monotonic() > deadline:
            raise RuntimeError("forwarding did not finish in 10 minutes")
        time.sleep(0.005)
    return time.perf_counter() - t


def overhead(files: list[Path], tmp: Path, *, durable: bool) -> tuple[float, float]:
    """(accept, bookkeeping) seconds per file."""
    base = tmp / f"overhead-{durable}"
    shutil.rmtree(base, ignore_errors=True)
    spool = Spool(base / "spool", fsync=durable)
    queue = ForwardQueue(f"sqlite:///{base / 'spool' / 'q.sqlite'}", durable=durable)
    routing = parse_rules({"destinations": {"D": {"host": "127.0.0.1", "port": 1,
                                                  "called_ae": "D"}},
                           "rules": [{"destinations": ["D"]}]})
    fwd = Forwarder(queue, spool, routing)
    routes = routing.route  # every file goes to D
    t = time.perf_counter()
    for f in files:
        fwd.accept(f, routes(dicomkit.read(f, stop_before_pixels=True)))
    accept = (time.perf_counter() - t) / len(files)
    t = time.perf_counter()
    while True:
        jobs = queue.claim("D", 32, owner="bench")
        if not jobs:
            break
        spool.remove(queue.finish([Outcome(j, "done") for j in jobs]))
    book = (time.perf_counter() - t) / len(files)
    queue.close()
    return accept, book


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--no-fsync", action="store_true",
                    help="run the gateway with --no-fsync (accepts not flushed to disk)")
    ap.add_argument("--modes", nargs="+", choices=("process", "in-process"),
                    default=["process", "in-process"],
                    help="gateways to run: forwarding from a process of its own (the "
                         "default of `dicomkit storescp --forward`) and from the gateway's")
    args = ap.parse_args()
    if peers.dcmtk_tool("storescu") is None or peers.dcmtk_tool("storescp") is None:
        print("dcmtk storescu and storescp are needed", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="bench-forward-"))
    try:
        files = make_files(tmp / "src", args.files)
        out = tmp / "out"
        out.mkdir()
        with peers.dcmtk_storescp(out, extra=["--fork"]) as sink:
            rules = tmp / "rules.toml"
            rules.write_text(f"""
[destinations.SINK]
host = "127.0.0.1"
port = {sink.port}
called_ae = "{sink.aet}"
batch = 32

[[rules]]
destinations = ["SINK"]
""")
            modes = {"process": [], "in-process": ["--forward-in-process"]}
            modes = {m: modes[m] for m in args.modes}
            gateways: dict[str, tuple[subprocess.Popen[bytes], int, ForwardQueue]] = {}
            try:
                for mode, extra in modes.items():
                    spool = tmp / f"spool-{mode}"
                    port = peers.free_port()
                    log = tmp / f"gateway-{mode}.log"
                    gateway = subprocess.Popen(
                        [sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port),
                         "--bind", "127.0.0.1", "--quiet", "--forward", str(rules), "--spool",
                         str(spool), *(["--no-fsync"] if args.no_fsync else []), *extra],
                        stdout=subprocess.DEVNULL, stderr=open(log, "wb"), cwd=PROJECT)
                    peers.wait_listening(gateway, port, log, timeout=60)
                    gateways[mode] = (gateway, port, ForwardQueue(
                        f"sqlite:///{spool.resolve() / 'queue.sqlite'}"))
                d_times: list[float] = []
                f_times: dict[str, list[float]] = {m: [] for m in modes}
                for _ in range(args.passes):
                    d_times.append(direct(files, sink))
                    for mode, (_gw, port, queue) in gateways.items():
                        f_times[mode].append(forwarded(files, sink, port, queue))
            finally:
                for gateway, _port, queue in gateways.values():
                    queue.close()
                    peers.stop(gateway)
        d = args.files / statistics.median(d_times)
        print(f"{args.files} files of {files[0].stat().st_size} bytes, median of "
              f"{args.passes} passes, load average {os.getloadavg()[0]:.1f}")
        print(f"direct     dcmtk storescu -> storescp            {d:8.1f} files/s")
        for mode, times in f_times.items():
            f = args.files / statistics.median(times)
            print(f"forwarded  storescu -> dicomkit gateway ({mode:10}) -> storescp "
                  f"{f:6.1f} files/s  ratio {f / d:.2f}x (target >= 0.8x)")
        for durable in (True, False):
            accept, book = overhead(files, tmp, durable=durable)
            print(f"queue overhead per file ({'durable' if durable else 'no fsync'}): "
                  f"accept {accept * 1e3:.2f} ms, claim+finish {book * 1e3:.2f} ms")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
