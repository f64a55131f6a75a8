"""The one event hub of a workitem store: every transport that changes a workitem publishes the
operation's :class:`~dicomkit.workitems.store.Event` s here, and every transport that delivers
events listens here, so that a change made over DIMSE reaches UPS-RS subscribers and the other
way round (PS3.4 CC.2.4.3: "Subscribed SCUs" are the DIMSE subscribers and the UPS-RS user
agents alike; CC.2.3.3).

A listener is an async callable taking the events of one operation, in order.  The listeners
of one publication run concurrently (a DIMSE delivery that waits for a peer does not hold back
a WebSocket); a listener that fails with a :class:`~dicomkit.errors.DicomError` is logged and
the others still run.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

import anyio

from dicomkit.errors import DicomError
from dicomkit.workitems.store import Event

__all__ = ["EventHub", "Listener"]

log = logging.getLogger("dicomkit.workitems.hub")

#: What listens to a hub: called with the events of one operation.
Listener = Callable[[Sequence[Event]], Awaitable[None]]


class EventHub:
    """The listeners of a workitem store's events (see the module)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    @property
    def listeners(self) -> tuple[Listener, ...]:
        """The listeners, in the order they were added."""
        return tuple(self._listeners)

    def listen(self, listener: Listener) -> None:
        """Add ``listener`` (once: adding it again changes nothing)."""
        if listener not in self._listeners:
            self._listeners.append(listener)

    def unlisten(self, listener: Listener) -> None:
        """Remove ``listener`` (nothing when it is not listening)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    async def publish(self, events: Sequence[Event]) -> None:
        """Hand ``events`` to every listener, concurrently; returns when all are done."""
        if not events or not self._listeners:
            return
        batch = tuple(events)

        async def run(listener: Listener) -> None:
            try:
                await listener(batch)
            except DicomError as exc:
                log.warning("UPS events not delivered by %r: %s", listener, exc)

        async with anyio.create_task_group() as tg:
            for listener in list(self._listeners):
                tg.start_soon(run, listener)
