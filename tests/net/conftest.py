"""Fixtures of the networking tests: the real peers (dcmtk, pynetdicom) of :mod:`tests.net.peers`."""

from typing import Any

import pytest

from tests.net.peers import dcmtk_peers, dcmtk_tls_peers, pynetdicom_peer, tls_files

__all__ = ["BACKENDS", "ASYNCIO_LOOPS", "dcmtk_peers", "dcmtk_tls_peers", "pynetdicom_peer",
           "tls_files", "backend_param"]

#: The event loops the networking code runs on: asyncio's own, asyncio on uvloop (what the
#: blocking entry points choose when it is installed, dicomkit.net.loop), and trio.
ASYNCIO_LOOPS = ("asyncio", "asyncio+uvloop")
BACKENDS = (*ASYNCIO_LOOPS, "trio")


def backend_param(name: str) -> Any:
    """anyio's backend (and options) for one of :data:`BACKENDS`; a missing uvloop or trio
    fails under DICOMKIT_REQUIRE_ALL (skips otherwise)."""
    if name == "asyncio+uvloop":
        try:
            import uvloop  # noqa: F401
        except ImportError:
            from tests.conftest import missing

            missing("uvloop (pip install -e '.[test]')")
        return ("asyncio", {"use_uvloop": True})
    if name == "trio":
        from tests.test_network_guard import trio_for_anyio

        trio_for_anyio()
    return name


@pytest.fixture(params=BACKENDS)
def any_backend(request: pytest.FixtureRequest) -> Any:
    """Use as ``anyio_backend = any_backend`` in a module: its tests run on every loop."""
    return backend_param(request.param)
