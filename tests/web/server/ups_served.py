"""A dicomkit UPS origin server for the tests, as ``dicomkit serve --ups`` runs it: one
workitem store with UPS-RS on the DICOMweb server (uvicorn) and the DIMSE UPS SCP, on one event
loop (asyncio, in a thread: a blocking portal) on free loopback ports, stopped after the test."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import uvicorn
from anyio.from_thread import BlockingPortal, start_blocking_portal

from dicomkit.archive import Archive
from dicomkit.net import ApplicationEntity
from dicomkit.net.services.ups import UpsSCP
from dicomkit.web.server import create_app
from dicomkit.web.server.ups_rs import UpsRsService
from dicomkit.workitems import AsyncWorkitemStore
from tests.net.qr_scp import FAST
from tests.web.server.running import free_port

#: The origin server's AE title (DIMSE and UPS-RS).
AET = "DKWEB"


@dataclass
class UpsServed:
    """A running UPS origin server."""

    url: str                       # the DICOMweb base URL (http://127.0.0.1:PORT[prefix])
    dimse: tuple[str, int]         # the DIMSE SCP's address
    store: AsyncWorkitemStore
    scp: UpsSCP
    service: UpsRsService
    portal: BlockingPortal

    def connected(self, ae: str) -> bool:
        """Whether ``ae`` has a Notification Connection open."""
        return self.service.connections.connected(ae)


@contextlib.contextmanager
def ups_served(folder: Path, *, receivers: Mapping[str, tuple[str, int]] | None = None,
               prefix: str = "", **scp_options: Any) -> Iterator[UpsServed]:
    """Serve a new workitem store in ``folder`` over UPS-RS and DIMSE (see the module)."""
    with start_blocking_portal("asyncio") as portal:
        store = portal.call(AsyncWorkitemStore.open, str(folder / "ups.sqlite"))
        archive = Archive(folder / "archive")
        app = create_app(archive, prefix=prefix, workitems=store, ae_title=AET)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                               log_level="warning", lifespan="off"))
        web = portal.start_task_soon(server.serve)
        scp = UpsSCP(store, ae_title=AET, receivers=receivers or {}, timeouts=FAST,
                     **scp_options)
        entity = ApplicationEntity(AET, timeouts=FAST)
        entity.add_service(scp)
        dimse, addr = portal.start_task(entity.serve, "127.0.0.1", 0)
        deadline = time.monotonic() + 20
        while not server.started:
            if web.done() or time.monotonic() > deadline:
                raise AssertionError("uvicorn did not start")
            time.sleep(0.02)
        try:
            yield UpsServed(f"http://127.0.0.1:{port}{prefix}", (addr[0], addr[1]), store,
                            scp, app.state.ups_rs, portal)
        finally:
            server.should_exit = True
            dimse.cancel()
            with contextlib.suppress(Exception):
                web.result(10)
            portal.call(store.aclose)
            archive.close()


async def wait_connected(served: UpsServed, ae: str, seconds: float = 20) -> None:
    """Wait until ``ae``'s Notification Connection is open on the server."""
    with anyio.fail_after(seconds):
        while not served.connected(ae):
            await anyio.sleep(0.01)
