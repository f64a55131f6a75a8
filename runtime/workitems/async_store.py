"""The workitem store for async code (anyio: asyncio and trio): every database operation runs
in a worker thread (``anyio.to_thread``), never on the event loop, one at a time (the store's
transactions are short; SQLite takes one writer anyway).  It holds the store's one
:class:`~dicomkit.workitems.hub.EventHub`: the transports publish the events of their operations
there (:meth:`AsyncWorkitemStore.publish`) and deliver what they hear from it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

import anyio

from dicomkit.core.dataset import Dataset
from dicomkit.workitems.hub import EventHub
from dicomkit.workitems.store import Event, Outcome, WorkitemStore

__all__ = ["AsyncWorkitemStore"]

T = TypeVar("T")


class AsyncWorkitemStore:
    """:class:`~dicomkit.workitems.store.WorkitemStore` with awaitable methods (same
    arguments), and the event hub of every transport over it.

    Attributes
    ----------
    hub
        The :class:`~dicomkit.workitems.hub.EventHub` the DIMSE SCP and UPS-RS listen on.
    """

    def __init__(self, store: WorkitemStore, hub: EventHub | None = None) -> None:
        self.store = store
        self.hub = hub or EventHub()
        self._lock = anyio.Lock()

    async def publish(self, events: Sequence[Event]) -> None:
        """Hand the events of an operation to every transport listening on :attr:`hub`."""
        await self.hub.publish(events)

    @classmethod
    async def open(cls, url: str = ":memory:", **options: Any) -> AsyncWorkitemStore:
        """Open (or create) the store at ``url`` in a worker thread."""
        return cls(await anyio.to_thread.run_sync(partial(WorkitemStore, url, **options)))

    async def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        async with self._lock:
            return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs))

    async def aclose(self) -> None:
        """Close the database connections."""
        await self._run(self.store.close)

    async def create(self, ds: Dataset, uid: str | None = None) -> Outcome:
        """:meth:`WorkitemStore.create`."""
        return await self._run(self.store.create, ds, uid)

    async def get(self, uid: str, attributes: tuple[int, ...] = ()) -> Dataset:
        """:meth:`WorkitemStore.get`."""
        return await self._run(self.store.get, uid, attributes)

    async def find(self, identifier: Dataset) -> list[Dataset]:
        """:meth:`WorkitemStore.find`, the matches as a list."""
        def run() -> list[Dataset]:
            return list(self.store.find(identifier))
        return await self._run(run)

    async def set(self, uid: str, changes: Dataset) -> Outcome:
        """:meth:`WorkitemStore.set`."""
        return await self._run(self.store.set, uid, changes)

    async def change_state(self, uid: str, requested: str, transaction_uid: str) -> Outcome:
        """:meth:`WorkitemStore.change_state`."""
        return await self._run(self.store.change_state, uid, requested, transaction_uid)

    async def request_cancel(self, uid: str, requesting_ae: str,
                             info: Dataset | None = None) -> Outcome:
        """:meth:`WorkitemStore.request_cancel`."""
        return await self._run(self.store.request_cancel, uid, requesting_ae, info)

    async def subscribe(self, ae: str, uid: str, *, deletion_lock: bool,
                        keys: Dataset | None = None) -> Outcome:
        """:meth:`WorkitemStore.subscribe`."""
        return await self._run(partial(self.store.subscribe, ae, uid,
                                       deletion_lock=deletion_lock, keys=keys))

    async def unsubscribe(self, ae: str, uid: str) -> Outcome:
        """:meth:`WorkitemStore.unsubscribe`."""
        return await self._run(self.store.unsubscribe, ae, uid)

    async def suspend_global(self, ae: str) -> Outcome:
        """:meth:`WorkitemStore.suspend_global`."""
        return await self._run(self.store.suspend_global, ae)

    async def purge(self) -> list[str]:
        """:meth:`WorkitemStore.purge`."""
        return await self._run(self.store.purge)

    async def subscriptions(self, ae: str | None = None) -> list[tuple[str, str, bool]]:
        """:meth:`WorkitemStore.subscriptions`."""
        return await self._run(self.store.subscriptions, ae)

    async def subscribed_aes(self) -> list[str]:
        """:meth:`WorkitemStore.subscribed_aes`."""
        return await self._run(self.store.subscribed_aes)
