"""Verification and Storage over real loopback associations on every loop the networking code
runs on: asyncio (the protocol connection of net/asyncio_socket.py), asyncio on uvloop (what
the blocking entry points choose, net/loop.py), and trio (anyio's streams)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio
import pytest

import dicomkit
from dicomkit.net.acse import AcceptPolicy
from dicomkit.net.services.storage import StorageSCP, StorageSCU
from dicomkit.net.services.verification import echo
from tests.net.conftest import BACKENDS, backend_param
from tests.net.test_services import make_ct

pytestmark = pytest.mark.anyio


@pytest.fixture(params=BACKENDS)
def anyio_backend(request: pytest.FixtureRequest) -> Any:
    return backend_param(request.param)


async def test_echo_and_store_round_trip_on_every_loop(tmp_path: Path) -> None:
    scp = StorageSCP(tmp_path / "in")
    datasets = [make_ct(n) for n in range(5)]
    big = make_ct(9)
    big.add_new(0x7FE00010, "OW", bytes(range(256)) * 4096)  # 1 MiB: many PDUs, the cork's limit
    big.Rows, big.Columns = 512, 1024
    datasets.append(big)
    async with anyio.create_task_group() as tg:
        host, port = await tg.start(lambda task_status: scp.serve(
            "127.0.0.1", 0, policy=AcceptPolicy(ae_title=None), task_status=task_status))
        assert await echo(host, port, called_ae="ANY") == 0
        results = await StorageSCU(host, port, called_ae="ANY").store(datasets)
        tg.cancel_scope.cancel()
    assert [r.status for r in results] == [0] * len(datasets)
    stored = sorted(p for p in (tmp_path / "in").rglob("*.dcm"))
    back = {str(d.SOPInstanceUID): d for d in map(dicomkit.read, stored)}
    assert len(back) == len(datasets)
    for ds in datasets:
        assert back[str(ds.SOPInstanceUID)] == ds


def test_the_blocking_entry_points_choose_uvloop_unless_turned_off(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from dicomkit.net import loop

    backend_param("asyncio+uvloop")  # uvloop installed (a failure under DICOMKIT_REQUIRE_ALL)
    monkeypatch.delenv("DICOMKIT_UVLOOP", raising=False)
    assert loop.uses_uvloop() and loop.backend_options() == {"use_uvloop": True}
    monkeypatch.setenv("DICOMKIT_UVLOOP", "0")
    assert not loop.uses_uvloop() and loop.backend_options() == {}

    async def which() -> str:
        import asyncio

        return type(asyncio.get_running_loop()).__module__

    assert loop.run(which).startswith("asyncio")
    monkeypatch.delenv("DICOMKIT_UVLOOP")
    assert loop.run(which).startswith("uvloop")
