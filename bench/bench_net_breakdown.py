"""Where the time of a C-ECHO round trip goes: both ends in one process, profiled, by layer.

    python bench/bench_net_breakdown.py            # 3,000 round trips
    python bench/bench_net_breakdown.py --echoes 10000

The SCU (``echo_on`` on an association) and the SCP (an ``ApplicationEntity`` with the
Verification SCP) run on one asyncio loop, so one process holds every microsecond of the
round trip but the kernel's loopback.  The run is timed without a profiler first (round trips
per second, microseconds each), then sampled: with py-spy when it is installed (``pip install
py-spy``; a sampling profiler, no cost per call), each sample goes to the layer of the
innermost frame and the layers' shares of the busy samples split the unprofiled round trip.
Without py-spy the run is profiled with cProfile; each function's own time is
put in the layer of the module it belongs to.  cProfile adds a cost to every call, which
inflates layers of many small calls: that cost is estimated as (profiled time - unprofiled
time) / (calls made + calls received) and taken off each layer per call it made or received,
and what is left is scaled to the unprofiled round trip.  The split is an estimate; the total
is measured.  Not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import anyio  # noqa: E402

from dicomkit.generated import uids  # noqa: E402
from dicomkit.net.acse import AcceptPolicy, PresentationContext  # noqa: E402
from dicomkit.net.ae import ApplicationEntity  # noqa: E402
from dicomkit.net.client import associate  # noqa: E402
from dicomkit.net.services.verification import VerificationSCP, echo_on  # noqa: E402

#: (layer, what identifies its functions in a profile's file names), first match wins.
LAYERS = (
    ("DIMSE messages: build, encode, decode (net/dimse.py)", ("/net/dimse.py",)),
    ("core values and data set (core/)", ("/core/",)),
    ("DIMSE provider: routing, requests, handlers", ("/net/dimse_provider.py",
                                                     "/services/verification.py", "/net/ae.py")),
    ("association: messages <-> PDVs (net/association.py)", ("/net/association.py",)),
    ("upper layer and state machine (ul, statemachine, pdu)", ("/net/ul.py",
                                                               "/net/statemachine.py",
                                                               "/net/pdu.py")),
    ("transport: buffer, protocol (transport, asyncio_socket)", ("/net/transport.py",
                                                                "/net/asyncio_socket.py")),
    ("anyio (task groups, cancel scopes, events)", ("/anyio/",)),
    ("asyncio event loop", ("/asyncio/", "selectors.py")),
    ("socket system calls (send, recv)", ("~:0(<method 'send'", "~:0(<method 'recv'")),
)
_EPOLL = "~:0(<method 'poll' of 'select.epoll' objects>)"


async def _round_trips(n: int, profile: cProfile.Profile | None) -> float:
    ae = ApplicationEntity("SCP", policy=AcceptPolicy(ae_title="SCP"))
    ae.add_service(VerificationSCP())
    async with anyio.create_task_group() as tg:
        host, port = await tg.start(ae.serve, "127.0.0.1", 0)
        ctx = PresentationContext(1, uids.Verification, (uids.ImplicitVRLittleEndian,))
        assoc = await associate(host, port, called_ae="SCP", calling_ae="BENCH", contexts=[ctx])
        async with assoc:
            for i in range(50):  # warm up
                await echo_on(assoc, i + 1)
            if profile is not None:
                profile.enable()
            start = time.perf_counter()
            for i in range(n):
                await echo_on(assoc, i % 60000 + 100)
            seconds = time.perf_counter() - start
            if profile is not None:
                profile.disable()
        tg.cancel_scope.cancel()
    return seconds


def _layer(key: tuple[str, int, str]) -> str:
    filename, _line, name = key
    text = f"{filename}:{_line}({name}" if filename != "~" else f"~:0({name}"
    for layer, marks in LAYERS:
        if any(mark in text for mark in marks):
            return layer
    return "other (Python built-ins, contextlib, ...)"


def _frame_layer(frame: str) -> str:
    """The layer of a py-spy frame ``function (file:line)``."""
    name, _, where = frame.rpartition(" (")
    filename = where.rsplit(":", 1)[0]
    if filename.endswith(("socket.py", "selector_events.py")) and name.startswith(
            ("_SelectorSocketTransport.write", "_SelectorSocketTransport._read_ready")):
        return LAYERS[-1][0]  # the transport's send and recv system calls
    return _layer(("/" + filename, 0, name))


def _sampled(n: int, per: float, spy: str) -> bool:
    """The split by py-spy samples of a child doing ``n`` round trips; False if it failed."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "samples.txt"
        run = subprocess.run([spy, "record", "-r", "2000", "-f", "raw", "-o", str(out), "--",
                              sys.executable, __file__, "--child", str(n)],
                             capture_output=True, text=True)
        if run.returncode != 0 or not out.exists():
            print(f"py-spy failed ({run.returncode}): {run.stderr[-300:]}; using cProfile")
            return False
        samples: dict[str, int] = defaultdict(int)
        others: dict[str, int] = defaultdict(int)
        for line in out.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            frames = stack.split(";")
            if not count.isdigit() or "run_forever" not in stack or "associate" in stack \
                    or "_call_with_frames_removed" in stack:
                continue  # start-up, imports, the association's set-up
            layer = _frame_layer(frames[-1])
            samples[layer] += int(count)
            if layer.startswith("other"):
                others[frames[-1].rpartition(" (")[0]] += int(count)
    busy = sum(samples.values()) or 1
    print(f"{'layer (py-spy samples at 2 kHz)':<62}{'share':>7}{'us':>7}")
    for layer, count in sorted(samples.items(), key=lambda kv: -kv[1]):
        print(f"{layer:<62}{count / busy:>7.0%}{count / busy * per:>7.0f}")
    top = sorted(others.items(), key=lambda kv: -kv[1])[:6]
    print("  other, most sampled: " + ", ".join(f"{name} {n / busy:.0%}" for name, n in top))
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--echoes", type=int, default=3000)
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # the process py-spy samples
        anyio.run(_round_trips, args.child, None)
        return 0
    n = args.echoes
    seconds = min(anyio.run(_round_trips, n, None) for _ in range(3))
    per = seconds / n * 1e6
    print(f"C-ECHO round trip, both ends in one process: {n / seconds:.0f}/s, {per:.0f} us "
          "(unprofiled, best of 3)")
    import shutil

    spy = shutil.which("py-spy")
    if spy is not None and _sampled(n, per, spy):
        return 0
    profile = cProfile.Profile()
    profiled = anyio.run(_round_trips, n, profile)
    stats = pstats.Stats(profile)
    own: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    idle = 0.0
    events: dict[str, int] = defaultdict(int)  # profiler events charged to each layer
    for key, (_cc, ncalls, tottime, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if key[0] == "~" and key[2] == "<method 'poll' of 'select.epoll' objects>":
            idle += tottime
            continue
        own[_layer(key)] += tottime
        calls[_layer(key)] += ncalls
        events[_layer(key)] += ncalls
        for caller, (_c, caller_calls, _t, _ct2) in callers.items():
            events[_layer(caller)] += caller_calls  # the call's hook time lands in the caller
    # the profiler's own cost per event, from the profiled and unprofiled times
    per_call = max(0.0, (profiled - seconds) / max(1, sum(events.values())))
    net = {layer: max(0.0, value - per_call * events[layer]) for layer, value in own.items()}
    busy = sum(net.values()) or 1.0
    print(f"cProfile: {sum(calls.values()) / n:.0f} profiled calls per round trip, "
          f"{per_call * 1e6:.2f} us of profiler cost per call made or received taken off")
    print(f"{'layer':<62}{'share':>7}{'us':>7}{'calls':>7}")
    for layer, value in sorted(net.items(), key=lambda kv: -kv[1]):
        print(f"{layer:<62}{value / busy:>7.0%}{value / busy * per:>7.0f}"
              f"{calls[layer] / n:>7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
