"""The gateway's forwarding lanes in a process of their own (:mod:`dicomkit.forward.lanes`):
the wake-up pipe, the child's life bound to the gateway's, restarts, and the leases of live
and dead processes at recovery."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.forward import Forwarder, ForwardQueue, Spool, load_rules
from dicomkit.forward.forwarder import owner_alive
from dicomkit.forward.lanes import MAX_NAME, WakePipe, listen, parse_wakes
from dicomkit.forward.queue import SENDING
from tests.forward.conftest import make_files
from tests.net.peers import dcmtk_storescp, free_port, run_storescu, stop, wait_listening

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# -- the wake-up lines ---------------------------------------------------------------------

def test_wake_lines_give_names_and_keep_an_unfinished_line() -> None:
    names, rest = parse_wakes(b"CT_ARCHIVE\nPACS\nHALF")
    assert names == {"CT_ARCHIVE", "PACS"} and rest == b"HALF"
    names, rest = parse_wakes(b"WAY\n", rest)
    assert names == {"HALFWAY"} and rest == b""


def test_wake_lines_drop_what_is_not_a_name() -> None:
    too_long = b"X" * (MAX_NAME + 1)
    names, rest = parse_wakes(b"\n\xff\xfe\n" + too_long + b"\nOK\n")
    assert names == {"OK"} and rest == b""


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=600), max_size=8))
def test_random_bytes_on_the_pipe_never_raise(chunks: list[bytes]) -> None:
    rest = b""
    for chunk in chunks:
        names, rest = parse_wakes(chunk, rest)
        assert all(0 < len(n.encode()) <= MAX_NAME for n in names)
        assert len(rest) <= MAX_NAME + 1


@pytest.mark.anyio
async def test_listen_hands_over_names_and_returns_when_the_writer_closes() -> None:
    pipe = WakePipe()
    got: list[set[str]] = []
    try:
        with anyio.fail_after(10):  # listen() returns at end-of-file: the group ends
            async with anyio.create_task_group() as tg:
                tg.start_soon(listen, pipe.child_fd, got.append)
                pipe.wake(["A", "B"])
                await anyio.sleep(0.05)
                pipe.wake(["C"])
                await anyio.sleep(0.05)
                pipe.close_writer()  # the gateway ends: the write end closes
    finally:
        pipe.close()
    assert set().union(*got) == {"A", "B", "C"}


def test_a_full_pipe_drops_wake_ups_without_blocking() -> None:
    pipe = WakePipe()
    try:
        start = time.monotonic()
        for _ in range(20000):  # far more than a pipe holds (64 kB on Linux)
            pipe.wake(["DESTINATION"])
        assert time.monotonic() - start < 30
        assert pipe.dropped > 0
    finally:
        pipe.close()


# -- leases of live and dead processes ------------------------------------------------------

def test_owner_alive_tells_live_dead_and_foreign_owners() -> None:
    node = os.uname().nodename
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert owner_alive(f"{node}:{sleeper.pid}:abcd")
    finally:
        sleeper.kill()
        sleeper.wait()
    assert not owner_alive(f"{node}:{sleeper.pid}:abcd")
    assert owner_alive("another-host:1:abcd")  # cannot be seen from here: kept
    assert not owner_alive("")
    assert not owner_alive("garbage")


def test_recover_keeps_the_leases_of_a_live_process_and_frees_a_dead_ones(
        tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[destinations.D]\nhost = "127.0.0.1"\nport = 1\ncalled_ae = "X"\n'
                     '[[rules]]\ndestinations = ["D"]\n')
    queue = ForwardQueue(f"sqlite:///{tmp_path / 'queue.sqlite'}")
    fwd = Forwarder(queue, Spool(tmp_path / "spool"), load_rules(rules))
    node = os.uname().nodename
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        a, b = make_files(tmp_path / "src", 2)
        fwd.add(a, ["D"])
        fwd.add(b, ["D"])
        live, dead = f"{node}:{sleeper.pid}:live", f"{node}:{2 ** 22 + 7}:gone"
        assert not owner_alive(dead)
        assert len(queue.claim("D", 1, owner=live)) == 1
        assert len(queue.claim("D", 1, owner=dead)) == 1
        done = fwd.recover()
        assert done.released == 1
        assert len(queue.jobs_of("D", SENDING)) == 1
        assert queue.lease_owners() == {live}
    finally:
        sleeper.kill()
        sleeper.wait()
        fwd.close()


# -- the gateway and its forwarding process ------------------------------------------------

def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _wait(predicate: object, what: str, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"{what}; gateway log:\n{log.read_text()}"
        time.sleep(0.1)


def _uids(folder: Path) -> set[str]:
    return {str(dicomkit.read(p, stop_before_pixels=True).SOPInstanceUID)
            for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")}


@contextlib.contextmanager
def _gateway(tmp_path: Path, out: Path, *extra: str
             ) -> Iterator[tuple[subprocess.Popen[bytes], int, Path]]:
    """dcmtk's storescp storing in ``out`` and ``dicomkit storescp --forward`` to it: (the
    gateway's process, its port, its log)."""
    with dcmtk_storescp(out) as peer:
        rules = tmp_path / "rules.toml"
        rules.write_text(f'[destinations.SINK]\nhost = "127.0.0.1"\nport = {peer.port}\n'
                         f'called_ae = "{peer.aet}"\n[[rules]]\ndestinations = ["SINK"]\n')
        port = free_port()
        log = tmp_path / "gateway.log"
        proc = subprocess.Popen(
            [sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port), "--bind",
             "127.0.0.1", "--forward", str(rules), "--spool", str(tmp_path / "spool"), *extra],
            stdout=subprocess.DEVNULL, stderr=open(log, "wb"), cwd=PROJECT)
        try:
            wait_listening(proc, port, log, timeout=60)
            yield proc, port, log
        finally:
            stop(proc)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_gateway_forwards_from_its_own_process_which_wakes_restarts_and_dies_with_it(
        tmp_path: Path, dcmtk_peers: None) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with _gateway(tmp_path, out) as (proc, port, log):
        _wait(lambda: len(_children(proc.pid)) == 1, "no forwarding process", log)
        (lanes,) = _children(proc.pid)
        want: set[str] = set()
        # three rounds with pauses: the lanes go idle between them and must be woken
        # (or poll) for each new round
        for round_ in range(3):
            files = make_files(tmp_path / f"src{round_}", 5, patient=f"P{round_}")
            want |= {str(dicomkit.read(f).SOPInstanceUID) for f in files}
            run_storescu("127.0.0.1", port, files)
            _wait(lambda w=frozenset(want): _uids(out) == w,  # type: ignore[misc]
                  f"round {round_} not delivered", log)
            time.sleep(1.5)
        # the forwarding process dies: the gateway starts another, which delivers
        os.kill(lanes, signal.SIGKILL)
        _wait(lambda: [p for p in _children(proc.pid) if p != lanes and _alive(p)],
              "the forwarding process was not restarted", log)
        (again,) = [p for p in _children(proc.pid) if p != lanes and _alive(p)]
        files = make_files(tmp_path / "src-after", 4, patient="PX")
        want |= {str(dicomkit.read(f).SOPInstanceUID) for f in files}
        run_storescu("127.0.0.1", port, files)
        _wait(lambda: _uids(out) == want, "not delivered after the restart", log)
        # the gateway is killed: its forwarding process stops too (no orphan)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        _wait(lambda: not _alive(again), "the forwarding process outlived the gateway",
              log, timeout=30)
    assert "ended with status" in log.read_text()


def test_gateway_in_process_still_forwards(tmp_path: Path, dcmtk_peers: None) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with _gateway(tmp_path, out, "--forward-in-process") as (proc, port, log):
        files = make_files(tmp_path / "src", 5)
        run_storescu("127.0.0.1", port, files)
        want = {str(dicomkit.read(f).SOPInstanceUID) for f in files}
        _wait(lambda: _uids(out) == want, "not delivered", log)
        assert _children(proc.pid) == []
    assert proc.returncode == 0, log.read_text()


@pytest.mark.anyio
async def test_a_forwarding_process_that_cannot_start_is_a_forward_error(tmp_path: Path) -> None:
    from dicomkit.forward.errors import ForwardError
    from dicomkit.forward.lanes import LaneProcess

    lanes = LaneProcess(lambda fd: [str(tmp_path / "no-such-program"), str(fd)])
    with pytest.raises(ForwardError, match="cannot start the forwarding process"):
        await lanes.run()
    lanes.wake(["SINK"])  # no pipe: nothing to wake, no error
