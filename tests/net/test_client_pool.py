"""``DicomClient`` (dicomkit.net.services.client) and its association pool
(dicomkit.net.pool): reuse, the operations limit, idle timeout, C-ECHO health check, retries of
transient failures and the circuit breaker; against dcmtk storescp, our Storage SCP and the
scripted Q/R SCP; asynchronous and blocking."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import anyio.from_thread
import pytest

import dicomkit
from dicomkit.generated import uids
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.errors import AssociationRejected, NetworkError
from dicomkit.net.resilience import CircuitBreaker, CircuitOpen, FakeClock, RetryPolicy
from dicomkit.net.services.client import BlockingDicomClient, DicomClient
from dicomkit.net.services.storage import OUT_OF_RESOURCES, FolderStorage, StorageSCP
from tests.forward.conftest import make_files
from tests.net.peers import dcmtk_storescp, free_port
from tests.net.qr_scp import ScriptedFind, ScriptedMove, StoringGet, scripted_ae, serving
from tests.net.test_qr_scu import study
from tests.samples import sample

pytestmark = pytest.mark.anyio


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


async def test_dcmtk_storescp_pool_reuses_associations_and_limits_operations(
        tmp_path: Path, dcmtk_peers: None) -> None:
    files = make_files(tmp_path / "src", 6)
    out = tmp_path / "out"
    out.mkdir()
    with dcmtk_storescp(out) as peer:
        async with DicomClient("127.0.0.1", peer.port, called_ae=peer.aet,
                               max_operations=3) as client:
            assert await client.echo() == 0
            for f in files[:2]:
                (r,) = await client.store([f])
                assert r.ok
            # echo: Verification only; the stores need CT: a second association, reused
            assert client.pool.opened == 2 and client.pool.reused == 1
            results = await client.store(files[2:])  # 4 C-STOREs: 2 + 4 >= 3, then closed
            assert all(r.ok for r in results)
            assert client.pool.opened == 2 and client.pool.reused == 2
            (r,) = await client.store([files[0]])
            assert r.ok and client.pool.opened == 3
    assert len([p for p in out.iterdir() if p.is_file()]) == 6


async def test_idle_associations_are_checked_by_echo_and_dropped_after_idle_timeout(
        dcmtk_peers: None, tmp_path: Path) -> None:
    clock = FakeClock()
    out = tmp_path / "out"
    out.mkdir()
    with dcmtk_storescp(out) as peer:
        async with DicomClient("127.0.0.1", peer.port, called_ae=peer.aet, clock=clock,
                               idle_timeout=60, check_after=10) as client:
            await client.echo()
            clock.advance(20)  # idle past check_after: checked with C-ECHO, reused
            await client.echo()
            assert client.pool.opened == 1 and client.pool.reused == 1
            clock.advance(61)  # past idle_timeout: released, a new one is opened
            await client.echo()
            assert client.pool.opened == 2


class Flaky(FolderStorage):
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


async def test_store_retries_files_answered_out_of_resources(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src", 3)
    clock = FakeClock()
    storage = Flaky(tmp_path / "out", refuse=2)
    async with anyio.create_task_group() as tg:
        _h, port = await tg.start(lambda task_status: StorageSCP(storage).serve(
            "127.0.0.1", 0, task_status=task_status))
        async with DicomClient("127.0.0.1", port, clock=clock,
                               retry=RetryPolicy("linear", base=5, max_attempts=4)) as client:
            results = await client.store(files)
        tg.cancel_scope.cancel()
    assert all(r.ok for r in results)
    assert storage.calls == 5 and clock.sleeps == [5.0]  # one round of retries, after 5 s


async def test_a_down_peer_is_retried_then_the_breaker_opens() -> None:
    clock = FakeClock()
    port = free_port()
    breaker = CircuitBreaker(3, 30, clock=clock)
    async with DicomClient("127.0.0.1", port, called_ae="QRSCP", clock=clock, breaker=breaker,
                           retry=RetryPolicy("exponential", base=1, max_attempts=3)) as client:
        with pytest.raises(NetworkError, match="cannot connect"):
            await client.echo()
        assert clock.sleeps == [1.0, 2.0] and client.attempts == 3
        assert breaker.state == "open"
        with pytest.raises(CircuitOpen):  # refused without touching the network
            await client.call([], lambda a: anyio.sleep(0))
        # the peer is back after the cool-down: the half-open probe (C-ECHO) closes it
        async with serving(scripted_ae()) as (_h, up):
            client.port = up
            clock.advance(31)
            assert await client.echo() == 0
        assert breaker.state == "closed"


async def test_a_permanent_rejection_is_not_retried() -> None:
    clock = FakeClock()
    async with serving(scripted_ae()) as (host, port):  # answers only QRSCP
        async with DicomClient(host, port, called_ae="WRONG", clock=clock) as client:
            with pytest.raises(AssociationRejected):
                await client.echo()
    assert clock.sleeps == [] and client.attempts == 1


async def test_find_move_get_through_the_client(tmp_path: Path) -> None:
    find = ScriptedFind([study(i) for i in range(5)])
    move = ScriptedMove([(1, 0, 0, 0), (0, 1, 0, 0)])
    files = [sample("CT_small.dcm")]
    ae = scripted_ae(find, move, StoringGet(files), storage_scu=[uids.CTImageStorage])
    async with serving(ae) as (host, port):
        async with DicomClient(host, port, called_ae="QRSCP") as client:
            found = await client.find(level="STUDY", PatientName="DOE*")
            moved = await client.move("DEST", StudyInstanceUID="1.2.3")
            got = await client.get(StudyInstanceUID="1.2.3", store=tmp_path)
    assert len(found) == 5 and moved.ok and got.ok and len(got.stored) == 1


@contextlib.asynccontextmanager
async def storage_server(storage: FolderStorage) -> AsyncIterator[int]:
    async with anyio.create_task_group() as tg:
        _h, port = await tg.start(lambda task_status: StorageSCP(storage).serve(
            "127.0.0.1", 0, task_status=task_status))
        yield port
        tg.cancel_scope.cancel()


def test_blocking_client_echo_store_find(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src", 2)
    storage = FolderStorage(tmp_path / "out")
    ae = scripted_ae(ScriptedFind([study(1)]))
    with anyio.from_thread.start_blocking_portal() as portal, \
            portal.wrap_async_context_manager(serving(ae)) as (host, port):
        with BlockingDicomClient(host, port, called_ae="QRSCP") as client:
            assert client.echo() == 0
            assert len(client.find(level="STUDY")) == 1
        with portal.wrap_async_context_manager(storage_server(storage)) as scp_port, \
                BlockingDicomClient("127.0.0.1", scp_port) as client:
            results = client.store(files)
            assert all(r.ok for r in results)
            assert client.client is not None and client.client.pool.opened == 1
    assert {str(dicomkit.read(p).SOPInstanceUID) for p in storage.stored} == \
        {str(dicomkit.read(f).SOPInstanceUID) for f in files}
