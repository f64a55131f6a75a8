"""The archive for async code (anyio: asyncio and trio): every database and file operation
runs in a worker thread (``anyio.to_thread``), never on the event loop.

SQLAlchemy's own async engine is not used: it runs on asyncio only, not on trio.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterable
from functools import partial
from itertools import islice
from typing import Any, TypeVar

import anyio
import sqlalchemy as sa

from dicomkit.archive.index import Outcome
from dicomkit.archive.store import Archive, CheckReport, IndexReport

__all__ = ["AsyncArchive"]

T = TypeVar("T")


class AsyncArchive:
    """:class:`~dicomkit.archive.store.Archive` with awaitable methods (same arguments).

    Open it with :meth:`open` (the database is opened in a worker thread), or wrap an
    :class:`Archive` you already have.
    """

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    @classmethod
    async def open(cls, root: str | os.PathLike[str], **options: Any) -> AsyncArchive:
        """Open (or create) the archive at ``root`` (options as :class:`Archive`'s)."""
        return cls(await anyio.to_thread.run_sync(partial(Archive, root, **options)))

    async def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs))

    async def aclose(self) -> None:
        """Close the index's connections."""
        await self._run(self.archive.close)

    async def __aenter__(self) -> AsyncArchive:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def insert_bytes(self, data: bytes, *, policy: str | None = None,
                           source: str = "") -> Outcome:
        """:meth:`Archive.insert_bytes`."""
        return await self._run(self.archive.insert_bytes, data, policy=policy, source=source)

    async def insert_file(self, path: str | os.PathLike[str], *, policy: str | None = None
                          ) -> Outcome:
        """:meth:`Archive.insert_file`."""
        return await self._run(self.archive.insert_file, path, policy=policy)

    async def index_folder(self, **options: Any) -> IndexReport:
        """:meth:`Archive.index_folder` (``progress`` is called from the worker thread)."""
        return await self._run(self.archive.index_folder, **options)

    async def delete(self, level: str, uid: str) -> int:
        """:meth:`Archive.delete`."""
        return await self._run(self.archive.delete, level, uid)

    async def delete_patient(self, patient_id: str, issuer: str | None = None) -> int:
        """:meth:`Archive.delete_patient`."""
        return await self._run(self.archive.delete_patient, patient_id, issuer)

    async def check(self, **options: Any) -> CheckReport:
        """:meth:`Archive.check`."""
        return await self._run(self.archive.check, **options)

    async def find(self, level: str, **keys: Any) -> list[dict[str, Any]]:
        """:meth:`Archive.find`."""
        return await self._run(self.archive.find, level, **keys)

    async def count(self, level: str) -> int:
        """:meth:`Archive.count`."""
        return await self._run(self.archive.count, level)

    def columns(self, level: str) -> dict[str, sa.Column[Any]]:
        """:meth:`Archive.columns` (no I/O)."""
        return self.archive.columns(level)

    async def select(self, level: str, where: sa.ColumnElement[bool] | None = None, *,
                     keywords: Iterable[str] | None = None, order_by: Iterable[str] = (),
                     batch: int = 500) -> AsyncIterator[dict[str, Any]]:
        """:meth:`Archive.select` as an async iterator: rows are fetched ``batch`` at a time
        in a worker thread; leaving the loop early closes the cursor."""
        rows = self.archive.select(level, where, keywords=keywords, order_by=order_by,
                                   batch=batch)
        try:
            while True:
                chunk = await anyio.to_thread.run_sync(lambda: list(islice(rows, batch)))
                for row in chunk:
                    yield row
                if len(chunk) < batch:
                    return
        finally:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(rows.close)
