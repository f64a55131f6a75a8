"""``DicomClient``: one object for a remote AE, with a pool of associations
(:class:`~dicomkit.net.pool.AssociationPool`), a retry policy and a circuit breaker
(:mod:`dicomkit.net.resilience`) applied to every call: C-ECHO (PS3.4 A), C-STORE (B),
C-FIND, C-MOVE, C-GET (C.4).  Asynchronous (``async with DicomClient(...)``) and blocking
(:class:`BlockingDicomClient`, one event loop thread for the client's life)::

    with BlockingDicomClient("pacs", 104, called_ae="PACS") as pacs:
        pacs.echo()
        pacs.store(paths)
        studies = pacs.find(level="STUDY", PatientID="123")

A call that fails transiently (:func:`~dicomkit.net.resilience.classify_error`; for C-STORE
also each file answered with a transient status) is tried again after the policy's delay
until the policy gives up; a permanent failure is raised (or returned, for C-STORE results)
at once.  The breaker counts transient failures of the AE; while it is open calls fail at
once with :class:`~dicomkit.net.resilience.CircuitOpen` without touching the network (a retry
that would wait past the breaker's cool-down waits for it), and when half-open
a C-ECHO probes the AE before the call.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import anyio
import anyio.from_thread

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import uids
from dicomkit.net import loop
from dicomkit.net.acse import PresentationContext
from dicomkit.net.association import Association
from dicomkit.net.client import associate
from dicomkit.net.pool import AssociationPool, Pooled
from dicomkit.net.resilience import (
    CircuitBreaker,
    CircuitOpen,
    Clock,
    RetryPolicy,
    SystemClock,
    classify_error,
    classify_status,
)
from dicomkit.net.services.qr import get_contexts, query_contexts
from dicomkit.net.services.qr.find import find_all
from dicomkit.net.services.qr.retrieve import RetrieveResult, get_all, move_all
from dicomkit.net.services.storage.negotiation import MAX_CONTEXTS, contexts_for
from dicomkit.net.services.storage.scu import StoreResult, load, store_on
from dicomkit.net.services.verification import echo_on
from dicomkit.net.ul import Timeouts

__all__ = ["BlockingDicomClient", "DicomClient"]

_T = TypeVar("_T")
_SYNTAXES = (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)
VERIFICATION = PresentationContext(1, uids.Verification, _SYNTAXES)


def _with_verification(contexts: Sequence[PresentationContext]) -> list[PresentationContext]:
    """``contexts`` and Verification (the pool's health check and the breaker's probe); when
    the 128 contexts of an association (PS3.8 9.3.2.2) are taken, it takes the last one's
    place."""
    out = [c for c in contexts if c.abstract_syntax != uids.Verification][:MAX_CONTEXTS - 1]
    last = max((c.id for c in out), default=-1)
    return [*out, PresentationContext(last + 2, uids.Verification, _SYNTAXES)]


class DicomClient:
    """A remote AE (see the module).

    Parameters
    ----------
    host, port, called_ae, calling_ae, timeouts, ssl_context
        Where and how to associate (:func:`dicomkit.net.associate`).
    pool_size, idle_timeout, check_after, max_operations
        The pool (:class:`~dicomkit.net.pool.AssociationPool`): associations open at most,
        seconds an idle one is kept, idle seconds after which it is checked by C-ECHO
        before reuse, leases per association.
    retry
        The retry policy (default: 3 attempts, exponential from 0.5 s); None: one attempt.
    breaker
        The circuit breaker (default: opens after 5 transient failures in a row for 30 s);
        None: none.
    clock
        Time source of the delays (a :class:`~dicomkit.net.resilience.FakeClock` in tests).
    """

    def __init__(self, host: str, port: int, *, called_ae: str = "ANY-SCP",
                 calling_ae: str = "DICOMKIT", timeouts: Timeouts | None = None,
                 ssl_context: ssl.SSLContext | None = None, pool_size: int = 2,
                 idle_timeout: float = 60.0, check_after: float = 30.0,
                 max_operations: int | None = None,
                 retry: RetryPolicy | None | str = "default",
                 breaker: CircuitBreaker | None | str = "default",
                 clock: Clock | None = None) -> None:
        self.host, self.port = host, port
        self.called_ae, self.calling_ae = called_ae, calling_ae
        self.timeouts = timeouts or Timeouts()
        self.ssl_context = ssl_context
        self.clock: Clock = clock or SystemClock()
        self.retry = (RetryPolicy(base=0.5, max_attempts=3) if retry == "default"
                      else retry if isinstance(retry, RetryPolicy) else RetryPolicy(max_attempts=1))
        self.breaker: CircuitBreaker | None = (
            CircuitBreaker(clock=self.clock) if breaker == "default"
            else breaker if isinstance(breaker, CircuitBreaker) else None)
        self.pool = AssociationPool(self._open, size=pool_size, idle_timeout=idle_timeout,
                                    check_after=check_after, max_operations=max_operations,
                                    health_check=echo_on, clock=self.clock)
        #: attempts made and retries (attempts after the first) since the client started
        self.attempts = 0
        self.retries = 0

    @property
    def peer(self) -> tuple[str, int]:
        """(host, port)."""
        return self.host, self.port

    async def _open(self, contexts: Sequence[PresentationContext]) -> Association:
        return await associate(self.host, self.port, called_ae=self.called_ae,
                               calling_ae=self.calling_ae,
                               contexts=_with_verification(contexts),
                               ssl_context=self.ssl_context, timeouts=self.timeouts)

    async def __aenter__(self) -> DicomClient:
        await self.pool.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> bool | None:
        return await self.pool.__aexit__(*exc)

    # ----------------------------------------------------------------- the retry loop

    async def _probe(self) -> None:
        """A half-open breaker's probe: a C-ECHO on a new association."""
        async with self.pool.lease([VERIFICATION], lambda p: False) as assoc:
            await echo_on(assoc)

    async def _attempt(self, contexts: Sequence[PresentationContext],
                       op: Callable[[Association], Awaitable[_T]], operations: int) -> _T:
        if self.breaker is not None:
            self.breaker.check(self.peer)
            if self.breaker.state == "half-open":
                await self._probe()
        async with self.pool.lease(contexts, operations=operations) as assoc:
            return await op(assoc)

    async def call(self, contexts: Sequence[PresentationContext],
                   op: Callable[[Association], Awaitable[_T]], *, operations: int = 1) -> _T:
        """Run ``op`` on a pooled association with ``contexts``, under the retry policy and
        the breaker (the loop every method here goes through); ``operations`` is what it
        counts against the pool's ``max_operations``."""
        first = self.clock.now()
        attempt = 0
        while True:
            attempt += 1
            self.attempts += 1
            if attempt > 1:
                self.retries += 1
            try:
                result = await self._attempt(contexts, op, operations)
            except CircuitOpen:
                raise  # fail fast while the breaker is open
            except (DicomError, OSError) as exc:
                failure = classify_error(exc)
                if failure.transient and self.breaker is not None:
                    self.breaker.record_failure()
                if not failure.transient or self.retry.gives_up(attempt, first,
                                                                self.clock.now()):
                    raise
                await self._wait(attempt)
                continue
            if self.breaker is not None:
                self.breaker.record_success()
            return result

    async def _wait(self, attempt: int) -> None:
        delay = self.retry.delay(attempt)
        if self.breaker is not None and self.breaker.state == "open":
            delay = max(delay, self.breaker.retry_at() - self.clock.now())
        await self.clock.sleep(delay)

    # ----------------------------------------------------------------- operations

    async def echo(self) -> int:
        """C-ECHO (PS3.4 A.4); the status."""
        return await self.call([VERIFICATION], echo_on)

    async def store(self, sources: Iterable[str | os.PathLike[str] | Dataset]
                    ) -> list[StoreResult]:
        """C-STORE every source (PS3.4 B.2); one result each, in order.  Files answered with
        a transient failure status are sent again under the retry policy; the results are
        the last answers."""
        todo = list(sources)
        items = await anyio.to_thread.run_sync(lambda: [_safe_load(s) for s in todo])
        pairs = sorted({(i.sop_class, i.transfer_syntax) for i in items if i is not None})
        contexts = contexts_for(pairs) if pairs else [VERIFICATION]
        results: dict[int, StoreResult] = {}
        pending = list(range(len(todo)))
        first = self.clock.now()
        attempt = 0
        while True:
            attempt += 1
            batch = [todo[i] for i in pending]

            async def send(assoc: Association, batch: list[Any] = batch) -> list[StoreResult]:
                return await store_on(assoc, batch)

            sent = await self.call(contexts, send, operations=len(batch))
            again = []
            for index, result in zip(pending, sent, strict=True):
                results[index] = result
                if result.status is not None and classify_status(result.status) == "transient":
                    again.append(index)
            if not again or self.retry.gives_up(attempt, first, self.clock.now()):
                break
            pending = again
            await self._wait(attempt)
        return [results[i] for i in range(len(todo))]

    async def find(self, keys: Mapping[object, Any] | None = None, *, level: str = "STUDY",
                   model: str | None = None, **options: Any) -> list[Dataset]:
        """C-FIND (PS3.4 C.4.1): every identifier, as a list (see
        :func:`dicomkit.net.services.qr.find` for the arguments)."""
        contexts = query_contexts()
        return await self.call(contexts, lambda a: find_all(a, keys, level=level, model=model,
                                                            **options))

    async def move(self, destination: str, keys: Mapping[object, Any] | None = None,
                   **options: Any) -> RetrieveResult:
        """C-MOVE to ``destination`` (PS3.4 C.4.2) to its end."""
        contexts = query_contexts(operations=("C-MOVE",))
        return await self.call(contexts, lambda a: move_all(a, destination, keys, **options))

    async def get(self, keys: Mapping[object, Any] | None = None, *,
                  store: str | os.PathLike[str] = ".", **options: Any) -> RetrieveResult:
        """C-GET into the folder ``store`` (PS3.4 C.4.3) to its end.  C-GET needs the
        Storage SCP role on its association: it is not pooled (a new one each call)."""
        contexts = get_contexts(find=False)

        def fresh(_p: Pooled) -> bool:
            return False

        async def run(a: Association) -> RetrieveResult:
            return await get_all(a, keys, store=store, **options)

        return await self._retry_fresh(contexts, fresh, run)

    async def _retry_fresh(self, contexts: Sequence[PresentationContext],
                           fits: Callable[[Pooled], bool],
                           op: Callable[[Association], Awaitable[_T]]) -> _T:
        first = self.clock.now()
        attempt = 0
        while True:
            attempt += 1
            try:
                if self.breaker is not None:
                    self.breaker.check(self.peer)
                async with self.pool.lease(contexts, fits, operations=1 << 30) as assoc:
                    result = await op(assoc)
            except (DicomError, OSError) as exc:
                failure = classify_error(exc)
                if failure.transient and self.breaker is not None:
                    self.breaker.record_failure()
                if not failure.transient or self.retry.gives_up(attempt, first,
                                                                self.clock.now()):
                    raise
                await self._wait(attempt)
                continue
            if self.breaker is not None:
                self.breaker.record_success()
            return result


def _safe_load(source: str | os.PathLike[str] | Dataset) -> Any:
    try:
        return load(source)
    except DicomError:
        return None


class BlockingDicomClient:
    """:class:`DicomClient` for blocking code: the same arguments and methods, run on one event
    loop thread (an anyio blocking portal) kept for the client's life::

        with BlockingDicomClient("pacs", 104, called_ae="PACS") as pacs:
            pacs.echo()
    """

    def __init__(self, host: str, port: int, **options: Any) -> None:
        self._args = (host, port)
        self._options = options
        self.client: DicomClient | None = None
        self._portal_cm: Any = None
        self._portal: anyio.from_thread.BlockingPortal | None = None
        self._client_cm: Any = None

    def __enter__(self) -> BlockingDicomClient:
        self._portal_cm = anyio.from_thread.start_blocking_portal(
            backend_options=loop.backend_options())
        self._portal = self._portal_cm.__enter__()
        try:
            self.client = self._portal.call(self._make)
            # entered and left in one task of the portal (the pool's task group)
            self._client_cm = self._portal.wrap_async_context_manager(self.client)
            self._client_cm.__enter__()
        except BaseException:
            self._portal_cm.__exit__(None, None, None)
            raise
        return self

    async def _make(self) -> DicomClient:
        return DicomClient(*self._args, **self._options)

    def __exit__(self, *exc: Any) -> None:
        assert self._portal is not None and self.client is not None
        try:
            self._client_cm.__exit__(*exc)
        finally:
            self._portal_cm.__exit__(*exc)

    def _call(self, func: Callable[..., Awaitable[_T]], *args: Any, **kwargs: Any) -> _T:
        if self._portal is None:
            raise RuntimeError("use as 'with BlockingDicomClient(...) as client'")

        async def run() -> _T:
            return await func(*args, **kwargs)

        return self._portal.call(run)

    def echo(self) -> int:
        """:meth:`DicomClient.echo`."""
        assert self.client is not None
        return self._call(self.client.echo)

    def store(self, sources: Iterable[str | os.PathLike[str] | Dataset]) -> list[StoreResult]:
        """:meth:`DicomClient.store`."""
        assert self.client is not None
        return self._call(self.client.store, list(sources))

    def find(self, keys: Mapping[object, Any] | None = None, **options: Any) -> list[Dataset]:
        """:meth:`DicomClient.find`."""
        assert self.client is not None
        return self._call(self.client.find, keys, **options)

    def move(self, destination: str, keys: Mapping[object, Any] | None = None,
             **options: Any) -> RetrieveResult:
        """:meth:`DicomClient.move`."""
        assert self.client is not None
        return self._call(self.client.move, destination, keys, **options)

    def get(self, keys: Mapping[object, Any] | None = None, **options: Any) -> RetrieveResult:
        """:meth:`DicomClient.get`."""
        assert self.client is not None
        return self._call(self.client.get, keys, **options)
