"""A dicomkit DICOMweb server run by hypercorn (dicomkit.web.server.serving) in a thread on a
free loopback port, on asyncio or trio, stopped after the test (or the benchmark)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import anyio

from dicomkit.archive import Archive
from dicomkit.web.server import create_app
from dicomkit.web.server.serving import HypercornOptions, listen_socket, serve_hypercorn

__all__ = ["hypercorn_running"]


@contextlib.contextmanager
def hypercorn_running(archive: Archive, backend: str, options: HypercornOptions
                      ) -> Iterator[str]:
    """Serve ``archive`` through hypercorn on ``backend`` in a thread; yields the base URL."""
    sock = listen_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    stop = threading.Event()
    failed: list[BaseException] = []

    async def main() -> None:
        shutdown = anyio.Event()

        async def watch() -> None:
            while not stop.is_set():
                await anyio.sleep(0.05)
            shutdown.set()

        async with anyio.create_task_group() as tg:
            tg.start_soon(watch)
            await serve_hypercorn(create_app(archive), sock, options, shutdown=shutdown)

    def run() -> None:
        try:
            anyio.run(main, backend=backend)
        except BaseException as exc:  # reported by the test
            failed.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"{'https' if options.tls else 'http'}://127.0.0.1:{port}"
    finally:
        stop.set()
        thread.join(20)
    assert not thread.is_alive(), "hypercorn did not stop"
    assert not failed, failed
