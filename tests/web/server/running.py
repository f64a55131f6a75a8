"""A dicomkit DICOMweb server run by uvicorn in a thread on a free loopback port, over an
archive in a temporary folder, stopped after the test."""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import uvicorn

from dicomkit.archive import Archive
from dicomkit.web.server import ServerConfig, create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running(archive: Archive, config: ServerConfig | None = None, *,
            middleware: Sequence[Any] = (), mounts: Sequence[Any] = (),
            prefix: str = "", public: bool = False) -> Iterator[str]:
    """Serve ``archive``; yields the base URL (``http://127.0.0.1:PORT``).  ``public``: set
    it as the configured public URL."""
    port = free_port()
    if public:
        config = dataclasses.replace(config or ServerConfig(),
                                     public_url=f"http://127.0.0.1:{port}{prefix}")
    app = create_app(archive, config, middleware=middleware, mounts=mounts, prefix=prefix)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise AssertionError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        server.should_exit = True
        thread.join(10)


def archive_of(folder: Path, files: Sequence[bytes] = (), **options: Any) -> Archive:
    """An archive in ``folder`` holding these Part 10 files."""
    archive = Archive(folder / "archive", **options)
    for data in files:
        archive.insert_bytes(data)
    return archive
