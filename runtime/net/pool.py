"""A pool of associations to one remote AE (PS3.8 7.1): reused across calls, each with a DIMSE
provider reading it, at most ``size`` open at once.

An association is leased for one operation (or a batch of them) and given back; an idle one
is released after ``idle_timeout`` seconds, checked before reuse when it has been idle longer
than ``check_after`` (the ``health_check`` callable, a C-ECHO for the clients here: the
service layer passes it, this layer does not know the services), and released after
``max_operations`` leases.  An association is reused only for a request whose presentation
contexts it has (``fits``); otherwise the idle ones are released (many SCPs serve one
association at a time) and a new one is opened with the contexts asked for.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import anyio
import anyio.abc

from dicomkit.errors import DicomError
from dicomkit.net.acse import PresentationContext
from dicomkit.net.association import Association
from dicomkit.net.dimse_provider import DimseProvider, HandlerLookup
from dicomkit.net.errors import NetworkError
from dicomkit.net.resilience import Clock, SystemClock

__all__ = ["AssociationPool", "Pooled"]

Opener = Callable[[Sequence[PresentationContext]], Awaitable[Association]]
HealthCheck = Callable[[Association], Awaitable[Any]]


@dataclass(eq=False)
class Pooled:
    """A pooled association: how many operations it carried, when it was last given back."""

    association: Association
    operations: int = 0
    last_used: float = 0.0
    closed: anyio.Event = field(default_factory=anyio.Event)
    done: anyio.Event = field(default_factory=anyio.Event)

    @property
    def usable(self) -> bool:
        """True while established and not ended."""
        return self.association.is_established and self.association.ended is None

    def abstract_syntaxes(self) -> set[str]:
        """The SOP classes the peer accepted on it."""
        return {c.abstract_syntax for c in self.association.contexts.values()}


class AssociationPool:
    """Associations to one AE, opened by ``open(contexts)`` (see the module).

    Use as ``async with AssociationPool(open) as pool:`` and ``async with pool.lease(...)``.
    """

    def __init__(self, open: Opener, *, size: int = 2, idle_timeout: float = 60.0,
                 check_after: float = 30.0, max_operations: int | None = None,
                 health_check: HealthCheck | None = None, clock: Clock | None = None,
                 handlers: HandlerLookup | None = None) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        if max_operations is not None and max_operations < 1:
            raise ValueError("max_operations must be at least 1")
        self._open = open
        self.size = size
        self.idle_timeout = idle_timeout
        self.check_after = check_after
        self.max_operations = max_operations
        self.health_check = health_check
        self.clock: Clock = clock or SystemClock()
        self.handlers = handlers
        self._slots = anyio.Semaphore(size)
        self._idle: list[Pooled] = []
        self._tg: anyio.abc.TaskGroup | None = None
        #: associations opened, and reused, since the pool started
        self.opened = 0
        self.reused = 0

    async def __aenter__(self) -> AssociationPool:
        self._tg = anyio.create_task_group()
        await self._tg.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> bool | None:
        with anyio.CancelScope(shield=True):
            await self.close_idle()
        assert self._tg is not None
        tg, self._tg = self._tg, None
        return await tg.__aexit__(*exc)

    @property
    def idle(self) -> int:
        """Idle associations kept."""
        return len(self._idle)

    async def _run(self, pooled: Pooled, *, task_status: anyio.abc.TaskStatus[None]) -> None:
        try:
            async with DimseProvider(pooled.association, self.handlers):
                task_status.started()
                await pooled.closed.wait()
        finally:
            pooled.done.set()

    async def _close(self, pooled: Pooled, *, abort: bool = False) -> None:
        assoc = pooled.association
        with anyio.CancelScope(shield=True):
            try:
                if abort or not pooled.usable:
                    await assoc.abort()
                else:
                    with anyio.move_on_after(10):
                        await assoc.release()
            except (NetworkError, OSError):
                with contextlib.suppress(NetworkError, OSError):
                    await assoc.abort()
            pooled.closed.set()
            await pooled.done.wait()

    async def close_idle(self, older_than: float = 0.0) -> None:
        """Release the idle associations unused for ``older_than`` seconds (all with 0)."""
        now = self.clock.now()
        keep: list[Pooled] = []
        drop: list[Pooled] = []
        for p in self._idle:
            (drop if now - p.last_used >= older_than else keep).append(p)
        self._idle = keep
        for p in drop:
            await self._close(p)

    async def _take(self, fits: Callable[[Pooled], bool]) -> Pooled | None:
        await self.close_idle(self.idle_timeout)
        while True:
            found = next((p for p in reversed(self._idle) if p.usable and fits(p)), None)
            for p in [p for p in self._idle if not p.usable]:
                self._idle.remove(p)
                await self._close(p, abort=True)
            if found is None:
                return None
            self._idle.remove(found)
            if self.health_check is not None and \
                    self.clock.now() - found.last_used >= self.check_after:
                try:
                    await self.health_check(found.association)
                except (DicomError, OSError):
                    await self._close(found, abort=True)
                    continue
            return found

    async def acquire(self, contexts: Sequence[PresentationContext],
                      fits: Callable[[Pooled], bool] | None = None) -> Pooled:
        """An association that ``fits`` (default: accepted every SOP class of ``contexts``),
        reused or opened with ``contexts``; give it back with :meth:`give_back`.

        Raises
        ------
        NetworkError, OSError
            When a new association cannot be opened.
        """
        if self._tg is None:
            raise RuntimeError("use the pool as 'async with AssociationPool(...) as pool'")
        wanted = {c.abstract_syntax for c in contexts}

        def accepted_all(p: Pooled) -> bool:
            return wanted <= p.abstract_syntaxes()

        await self._slots.acquire()
        try:
            found = await self._take(fits or accepted_all)
            if found is not None:
                self.reused += 1
                return found
            # idle associations that do not fit are released before a new one is opened:
            # many SCPs serve one association at a time (dcmtk's storescp without --fork)
            while self._idle:
                await self._close(self._idle.pop(0))
            assoc = await self._open(contexts)
            pooled = Pooled(assoc, last_used=self.clock.now())
            try:
                await self._tg.start(self._run, pooled)
            except BaseException:
                with anyio.CancelScope(shield=True):
                    await assoc.abort()
                raise
            self.opened += 1
            return pooled
        except BaseException:
            self._slots.release()
            raise

    async def give_back(self, pooled: Pooled, *, broken: bool = False,
                        operations: int = 1) -> None:
        """Return a leased association; ``broken`` (or past ``max_operations``, or ended)
        closes it instead of keeping it idle."""
        try:
            pooled.operations += operations
            pooled.last_used = self.clock.now()
            spent = self.max_operations is not None and pooled.operations >= self.max_operations
            if broken or spent or not pooled.usable:
                await self._close(pooled, abort=broken)
            else:
                self._idle.append(pooled)
                while len(self._idle) > self.size:
                    await self._close(self._idle.pop(0))
        finally:
            self._slots.release()

    @contextlib.asynccontextmanager
    async def lease(self, contexts: Sequence[PresentationContext],
                    fits: Callable[[Pooled], bool] | None = None, *,
                    operations: int = 1) -> AsyncIterator[Association]:
        """An association for the block (see :meth:`acquire`); closed when the block raises."""
        pooled = await self.acquire(contexts, fits)
        try:
            yield pooled.association
        except BaseException:
            await self.give_back(pooled, broken=True, operations=operations)
            raise
        await self.give_back(pooled, operations=operations)
