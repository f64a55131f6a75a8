"""The UPS-RS service stops listening on the workitem store's event hub when its server stops:
a store that outlives several apps (a test run, a supervisor restarting the web server) must
not keep publishing into the connection sets of apps that are gone."""

from __future__ import annotations

from pathlib import Path

from anyio.from_thread import start_blocking_portal
from starlette.testclient import TestClient

from dicomkit.archive import Archive
from dicomkit.web.server import create_app
from dicomkit.workitems import AsyncWorkitemStore


def test_stopped_server_no_longer_listens_and_a_running_one_still_does(tmp_path: Path) -> None:
    with start_blocking_portal("asyncio") as portal:
        store = portal.call(AsyncWorkitemStore.open, str(tmp_path / "ups.sqlite"))
        archive = Archive(tmp_path / "archive")
        try:
            first = create_app(archive, workitems=store)
            second = create_app(archive, workitems=store)
            one, two = first.state.ups_rs.connections.publish, second.state.ups_rs.connections.publish
            # listening from creation: events before the server's startup are not lost
            assert store.hub.listeners == (one, two)
            with TestClient(first) as client:
                assert client.options("/").status_code == 200
                assert one in store.hub.listeners
            assert store.hub.listeners == (two,)
            with TestClient(second):
                pass
            assert store.hub.listeners == ()
        finally:
            portal.call(store.aclose)
            archive.close()


def test_app_without_workitems_has_a_lifespan_that_does_nothing(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    try:
        app = create_app(archive)
        assert app.state.ups_rs is None
        with TestClient(app) as client:
            assert client.options("/").status_code == 200
    finally:
        archive.close()
