"""The forwarder against destinations that misbehave: our own Storage SCP (dicomkit.net)
answering Out of resources, then Success; refusing for good; aborting mid-transfer; not
accepting the SOP class; down, then up (the breaker opens and closes).  Real time, short
delays; the retry schedule is checked on a fake clock."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import pytest

from dicomkit.forward import Forwarder, ForwardQueue, Spool, parse_rules
from dicomkit.generated import uids
from dicomkit.net.acse import AcceptPolicy
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.dimse_provider import Request
from dicomkit.net.resilience import FakeClock, RetryPolicy
from dicomkit.net.services.storage import (
    DATA_SET_DOES_NOT_MATCH,
    OUT_OF_RESOURCES,
    FolderStorage,
    StorageSCP,
)
from tests.forward.conftest import make_files
from tests.net.peers import free_port

pytestmark = pytest.mark.anyio


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


class Flaky(FolderStorage):
    """Answers Refused: Out of resources (A700, PS3.4 B.2-1) to the first ``refuse`` C-STOREs."""

    def __init__(self, root: Path, refuse: int) -> None:
        super().__init__(root)
        self.refuse = refuse
        self.calls = 0

    def did_receive(self, received: Any, command: DimseMessage) -> int:
        self.calls += 1
        if self.calls <= self.refuse:
            Path(received).unlink(missing_ok=True)
            return OUT_OF_RESOURCES
        return super().did_receive(received, command)


class Refusing(FolderStorage):
    """Answers Error: Data Set does not match SOP Class (A900) to everything."""

    def did_receive(self, received: Any, command: DimseMessage) -> int:
        Path(received).unlink(missing_ok=True)
        return DATA_SET_DOES_NOT_MATCH


class Aborting(StorageSCP):
    """Aborts the association at its ``at``-th C-STORE, once."""

    def __init__(self, root: Path, at: int) -> None:
        super().__init__(FolderStorage(root))
        self.at = at
        self.calls = 0
        self.aborted = 0

    async def handle(self, request: Request) -> int | None:
        self.calls += 1
        if self.calls == self.at:
            self.aborted += 1
            await request.association.abort()
            raise RuntimeError("abort the association mid-transfer")
        return await super().handle(request)


@contextlib.asynccontextmanager
async def server(scp: StorageSCP, port: int = 0,
                 policy: AcceptPolicy | None = None) -> AsyncIterator[int]:
    async with anyio.create_task_group() as tg:
        _host, bound = await tg.start(lambda task_status: scp.serve(
            "127.0.0.1", port, policy=policy, task_status=task_status))
        yield bound
        tg.cancel_scope.cancel()


def forwarder(tmp_path: Path, port: int, *, retry: dict[str, Any] | None = None,
              clock: Any = None, **dest: Any) -> Forwarder:
    routing = parse_rules({
        "defaults": {"retry": retry or {"backoff": "fixed", "base": 0.05, "max_attempts": 10}},
        "destinations": {"D": {"host": "127.0.0.1", "port": port, "called_ae": "ANY",
                               "timeout": 5, **dest}},
        "rules": [{"destinations": ["D"]}]})
    return Forwarder(ForwardQueue(f"sqlite:///{tmp_path / 'q.sqlite'}"),
                     Spool(tmp_path / "spool"), routing, clock=clock)


def received(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.dcm") if not p.name.startswith(".")]


async def test_transient_refusals_are_retried_until_accepted(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src", 6)
    storage = Flaky(tmp_path / "out", refuse=4)
    async with server(StorageSCP(storage)) as port:
        fwd = forwarder(tmp_path, port, batch=3)
        for f in files:
            fwd.add(f)
        with anyio.fail_after(60):
            await fwd.run(drain=True)
    assert len(received(tmp_path / "out")) == 6
    assert fwd.queue.count() == 0 and fwd.spool.names() == set()
    (status,) = fwd.queue.status()
    assert status.sent == 6 and status.failed == 4 and status.dead_lettered == 0


async def test_permanent_failures_are_dead_lettered_at_once_with_the_reason(
        tmp_path: Path) -> None:
    files = make_files(tmp_path / "src", 3)
    async with server(StorageSCP(Refusing(tmp_path / "out"))) as port:
        fwd = forwarder(tmp_path, port)
        for f in files:
            fwd.add(f)
        with anyio.fail_after(60):
            await fwd.run(drain=True)
    dead = fwd.queue.jobs_of(state="dead")
    assert len(dead) == 3 and all(j.attempts == 1 for j in dead)
    assert all("permanent" in j.last_error and "A900" in j.last_error for j in dead)
    assert fwd.spool.names() != set()  # kept for a retry from the dead letters


async def test_a_sop_class_the_destination_does_not_accept_is_dead_lettered(
        tmp_path: Path) -> None:
    files = make_files(tmp_path / "src", 2)
    policy = AcceptPolicy(ae_title=None, transfer_syntaxes=None,
                          abstract_syntaxes=frozenset({uids.Verification, uids.MRImageStorage}))
    async with server(StorageSCP(FolderStorage(tmp_path / "out")), policy=policy) as port:
        fwd = forwarder(tmp_path, port)
        for f in files:
            fwd.add(f)
        with anyio.fail_after(60):
            await fwd.run(drain=True)
    dead = fwd.queue.jobs_of(state="dead")
    assert len(dead) == 2 and all("presentation context" in j.last_error for j in dead)


async def test_an_abort_mid_transfer_loses_nothing(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src", 10)
    scp = Aborting(tmp_path / "out", at=4)
    async with server(scp) as port:
        fwd = forwarder(tmp_path, port, batch=10)
        for f in files:
            fwd.add(f)
        with anyio.fail_after(60):
            await fwd.run(drain=True)
    assert scp.aborted == 1
    got = received(tmp_path / "out")
    assert len(got) == 10  # three before the abort, the rest after the retry
    assert fwd.queue.count() == 0
    (status,) = fwd.queue.status()
    assert status.failed >= 1 and status.sent == 10


async def test_a_destination_that_is_down_opens_the_breaker_which_closes_when_it_is_back(
        tmp_path: Path) -> None:
    files = make_files(tmp_path / "src", 4)
    port = free_port()
    fwd = forwarder(tmp_path, port, breaker={"failure_threshold": 2, "reset_timeout": 0.5},
                    retry={"backoff": "fixed", "base": 0.05, "max_attempts": 100})
    for f in files:
        fwd.add(f)
    worker = fwd.workers["D"]
    async with anyio.create_task_group() as tg:
        tg.start_soon(lambda: fwd.run(drain=True))
        with anyio.fail_after(30):
            while worker.breaker.state != "open":
                await anyio.sleep(0.02)
        assert fwd.queue.count() == 4
        await anyio.sleep(1.2)  # at least one failed probe while still down
        probes_while_down = worker.probes
        async with server(StorageSCP(FolderStorage(tmp_path / "out")), port=port):
            with anyio.fail_after(30):
                while fwd.queue.count():
                    await anyio.sleep(0.05)
        tg.cancel_scope.cancel()
    states = [s for _t, s in worker.breaker.history]
    assert states[0] == "open" and "half-open" in states and states[-1] == "closed"
    assert probes_while_down >= 1
    assert len(received(tmp_path / "out")) == 4


async def test_retry_schedule_matches_the_policy_on_a_fake_clock(tmp_path: Path) -> None:
    (f,) = make_files(tmp_path / "src", 1)
    clock = FakeClock(1_000_000)
    policy = {"backoff": "exponential", "base": 10, "factor": 3, "max_attempts": 5}
    async with server(StorageSCP(Flaky(tmp_path / "out", refuse=1000))) as port:
        fwd = forwarder(tmp_path, port, retry=policy, clock=clock)
        fwd.add(f)
        worker = fwd.workers["D"]
        expected = RetryPolicy.from_mapping(policy)
        schedule = []
        async with worker.pool:
            for attempt in range(1, 6):
                (job,) = fwd.queue.claim("D", 5, owner="t", now=clock.now())
                assert job.attempts == attempt - 1
                (outcome,) = await worker.deliver([job])
                fwd.queue.finish([outcome], now=clock.now())
                if attempt < 5:
                    assert outcome.result == "retry"
                    schedule.append(outcome.next_attempt - clock.now())
                    # not due a moment before its time
                    clock.advance(schedule[-1] - 0.001)
                    assert fwd.queue.claim("D", 5, owner="t", now=clock.now()) == []
                    clock.advance(0.001)
                else:
                    assert outcome.result == "dead" and "gave up after 5" in outcome.error
    assert schedule == pytest.approx(expected.schedule())
    assert schedule == pytest.approx([10, 30, 90, 270])


async def test_max_age_dead_letters_on_a_fake_clock(tmp_path: Path) -> None:
    (f,) = make_files(tmp_path / "src", 1)
    clock = FakeClock(0)
    async with server(StorageSCP(Flaky(tmp_path / "out", refuse=1000))) as port:
        fwd = forwarder(tmp_path, port, clock=clock,
                        retry={"backoff": "fixed", "base": 100, "max_attempts": 0,
                               "max_age": 250})
        fwd.add(f)
        worker = fwd.workers["D"]
        results = []
        async with worker.pool:
            for _ in range(4):
                (job,) = fwd.queue.claim("D", 1, owner="t", now=clock.now())
                (outcome,) = await worker.deliver([job])
                fwd.queue.finish([outcome], now=clock.now())
                results.append(outcome.result)
                if outcome.result == "dead":
                    break
                clock.advance(100)
    assert results == ["retry", "retry", "retry", "dead"]  # t = 0, 100, 200, 300 >= 250


async def test_stat_jobs_go_before_routine_ones(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src", 6)
    order: list[str] = []

    class Recording(FolderStorage):
        def did_receive(self, received: Any, command: DimseMessage) -> int:
            order.append(command.affected_sop_instance_uid or "")
            return super().did_receive(received, command)

    async with server(StorageSCP(Recording(tmp_path / "out"))) as port:
        fwd = forwarder(tmp_path, port, batch=2)
        fwd.queue.set_paused("D", True)
        for f in files[:4]:
            fwd.add(f, ["D"], priority="routine")
        stat = [fwd.add(f, ["D"], priority="stat") for f in files[4:]]
        assert all(stat)
        fwd.queue.set_paused("D", False)
        with anyio.fail_after(60):
            await fwd.run(drain=True)
    import dicomkit

    uids_of = [str(dicomkit.read(f, stop_before_pixels=True).SOPInstanceUID) for f in files]
    assert order[:2] == uids_of[4:] and sorted(order[2:]) == sorted(uids_of[:4])


async def test_bandwidth_limit_paces_delivery(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src", 4)
    size = files[0].stat().st_size
    async with server(StorageSCP(FolderStorage(tmp_path / "out"))) as port:
        fwd = forwarder(tmp_path, port, bandwidth=size * 2.0)
        for f in files:
            fwd.add(f)
        start = anyio.current_time()
        with anyio.fail_after(60):
            await fwd.run(drain=True)
        took = anyio.current_time() - start
    assert len(received(tmp_path / "out")) == 4
    assert took >= 0.9  # 4 files at 2 files/s with a burst of 2: >= 1 s of pacing
