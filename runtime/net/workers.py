"""Long-lived worker threads for the blocking file work of a receiver (one hop per call).

A Storage SCP hands each received data set to a worker thread (writing, closing and linking
the file into place must not block the event loop).  ``anyio.to_thread.run_sync`` does that
with a general pool: a capacity limiter, a checkpoint that yields one loop iteration, a
``queue.Queue`` (lock and condition) per call.  :class:`WorkerLanes` keeps the threads and hands
each call to an idle one through a :class:`queue.SimpleQueue`; the result comes back through
``loop.call_soon_threadsafe``.  One association sending files in turn always uses the same
thread; concurrent callers get a thread each, up to ``limit`` (then anyio's pool).  A thread
idle for ``idle_seconds`` ends.

Semantics are those of ``anyio.to_thread.run_sync`` (``abandon_on_cancel=False``): the call
runs in the caller's context (``contextvars``), a cancellation does not leave it running
behind the caller's back (the caller waits for it, shielded, and the cancellation is delivered
at the caller's next checkpoint), and its exception is raised in the caller.  On an event loop
other than asyncio's (trio), calls go to anyio's pool.
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import queue
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import anyio.lowlevel

__all__ = ["WorkerLanes"]

_T = TypeVar("_T")

#: (function, arguments, context, loop, future) for a lane; None ends it
_Item = tuple[Callable[..., Any], tuple[Any, ...], contextvars.Context,
              asyncio.AbstractEventLoop, "asyncio.Future[Any]"] | None


def _settle(fut: asyncio.Future[Any], ok: bool, value: Any) -> None:
    if fut.done():  # pragma: no cover - the caller waits shielded: never cancelled
        return
    if ok:
        fut.set_result(value)
    else:
        fut.set_exception(value)


class _Lane:
    """One worker thread fed through a SimpleQueue."""

    def __init__(self, pool: WorkerLanes) -> None:
        self.queue: queue.SimpleQueue[_Item] = queue.SimpleQueue()
        self.pool = pool
        self.thread = threading.Thread(target=self._run, name=f"{pool.name}-lane", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        pool = self.pool
        while True:
            try:
                item = self.queue.get(timeout=pool.idle_seconds)
            except queue.Empty:
                if pool.retire(self):
                    return
                continue
            if item is None:
                return
            func, args, ctx, loop, fut = item
            del item
            ok = False
            value: Any = None
            try:
                value = ctx.run(func, *args)
                ok = True
            except BaseException as exc:  # handed to the caller, raised there
                value = exc
            del func, args, ctx
            try:
                loop.call_soon_threadsafe(_settle, fut, ok, value)
            except RuntimeError:  # pragma: no cover - the loop closed under a running call
                pass
            del loop, fut, value


def _forget(ref: weakref.ref[WorkerLanes]) -> None:
    lanes = ref()
    if lanes is not None:
        lanes._forget_threads()


class WorkerLanes:
    """Worker threads for blocking calls of async code (see the module).

    Parameters
    ----------
    name
        The threads' name prefix (for debuggers and ``py-spy``).
    limit
        Threads at most; callers beyond it use anyio's thread pool.
    idle_seconds
        How long an idle thread waits for work before it ends.
    """

    def __init__(self, name: str = "dicomkit-worker", *, limit: int = 16,
                 idle_seconds: float = 10.0) -> None:
        self.name = name
        self.limit = limit
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._idle: list[_Lane] = []
        self._count = 0
        if hasattr(os, "register_at_fork"):  # a forked child has none of the threads
            ref = weakref.ref(self)
            os.register_at_fork(after_in_child=lambda: _forget(ref))

    def _forget_threads(self) -> None:
        self._lock = threading.Lock()
        self._idle = []
        self._count = 0

    def _take(self) -> _Lane | None:
        with self._lock:
            if self._idle:
                return self._idle.pop()
            if self._count >= self.limit:
                return None
            self._count += 1
        try:
            return _Lane(self)
        except BaseException:
            with self._lock:
                self._count -= 1
            raise

    def _give_back(self, lane: _Lane) -> None:
        with self._lock:
            self._idle.append(lane)

    def retire(self, lane: _Lane) -> bool:
        """Called by an idle lane's thread: True when it is removed (and must end)."""
        with self._lock:
            if lane in self._idle and lane.queue.empty():
                self._idle.remove(lane)
                self._count -= 1
                return True
            return False

    @property
    def threads(self) -> int:
        """How many lane threads exist now."""
        return self._count

    async def run(self, func: Callable[..., _T], *args: Any) -> _T:
        """``func(*args)`` in a worker thread; its result (or its exception, raised here)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (trio): anyio's pool
            return await anyio.to_thread.run_sync(func, *args)
        await anyio.lowlevel.checkpoint_if_cancelled()
        lane = self._take()
        if lane is None:
            return await anyio.to_thread.run_sync(func, *args)
        fut: asyncio.Future[_T] = loop.create_future()
        try:
            lane.queue.put((func, args, contextvars.copy_context(), loop, fut))
            with anyio.CancelScope(shield=True):
                await fut
        finally:
            if fut.done():
                self._give_back(lane)
            else:  # pragma: no cover - only if the shielded wait itself failed
                lane.queue.put(None)
                with self._lock:
                    self._count -= 1
        return fut.result()

    def close(self) -> None:
        """End the idle threads (busy ones end after their call, when next idle too long)."""
        with self._lock:
            idle, self._idle = self._idle, []
            self._count -= len(idle)
        for lane in idle:
            lane.queue.put(None)
