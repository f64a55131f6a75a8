"""The audit trail: a background sender that takes messages without blocking and delivers
each to every sink (files, syslog collectors).

:meth:`AuditTrail.emit` only puts the message on a bounded queue, so it can be called from an
event loop or a network observer.  A thread writes each message to each sink, retrying a
failing sink (``retries`` times, ``retry_delay`` apart, doubling); a message a sink still
cannot take goes to the ``fallback`` sink when there is one, and is counted and logged (its
JSON with it) in any case.  When the queue is full the message is not queued: it is counted
in ``dropped`` and logged at WARNING on ``dicomkit.audit``, with its JSON, so that no message is
lost silently.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from dicomkit.audit.errors import AuditError
from dicomkit.audit.message import AuditMessage

__all__ = ["AuditSink", "AuditTrail", "TrailCounts"]

log = logging.getLogger("dicomkit.audit")


class AuditSink(Protocol):
    """Where messages go: :class:`~dicomkit.audit.files.AuditFile`,
    :class:`~dicomkit.audit.syslog.UdpSyslog`, :class:`~dicomkit.audit.syslog.TlsSyslog`."""

    @property
    def target(self) -> str: ...

    def write(self, message: AuditMessage) -> None: ...

    def close(self) -> None: ...


@dataclass
class TrailCounts:
    """What the trail did: messages accepted (queued), dropped (queue full), and by sink
    target those delivered, retried and failed (given up, then to the fallback)."""

    accepted: int = 0
    dropped: int = 0
    delivered: dict[str, int] = field(default_factory=dict)
    retried: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)


_STOP = object()


class AuditTrail:
    """A non-blocking audit trail over sinks.

    Parameters
    ----------
    sinks
        Where every message goes.
    maxsize
        Messages the queue holds; beyond, :meth:`emit` drops (counted, logged).
    retries, retry_delay
        Further attempts at a failing sink, the first after ``retry_delay`` seconds, each
        next after twice as long.
    fallback
        A sink for the messages another sink gave up on (a local file).
    on_count
        Called ``on_count(event, target)`` for ``"accepted"``, ``"dropped"``, ``"delivered"``,
        ``"retried"``, ``"failed"`` (the metrics registry's hook).
    """

    def __init__(self, sinks: Iterable[AuditSink], *, maxsize: int = 10_000, retries: int = 3,
                 retry_delay: float = 0.5, fallback: AuditSink | None = None,
                 on_count: Callable[[str, str], None] | None = None) -> None:
        self.sinks = tuple(sinks)
        self.fallback = fallback
        self.retries = retries
        self.retry_delay = retry_delay
        self.counts = TrailCounts()
        self._on_count = on_count
        self._queue: queue.Queue[object] = queue.Queue(maxsize=maxsize)
        self._lock = threading.Lock()
        self._last_drop_log = 0.0
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="dicomkit-audit", daemon=True)
        self._thread.start()

    # ----------------------------------------------------------------- counting
    def _count(self, event: str, target: str = "") -> None:
        with self._lock:
            if event in ("accepted", "dropped"):
                setattr(self.counts, event, getattr(self.counts, event) + 1)
            else:
                table: dict[str, int] = getattr(self.counts, event)
                table[target] = table.get(target, 0) + 1
        if self._on_count is not None:
            try:
                self._on_count(event, target)
            except Exception:
                log.exception("audit count hook failed")

    # ----------------------------------------------------------------- the API
    def emit(self, message: AuditMessage) -> bool:
        """Queue ``message`` for every sink; never blocks.  False when it was dropped (the
        queue full, or the trail closed): counted and logged with the message."""
        if self._closed:
            self._count("dropped")
            log.error("audit trail closed: message dropped: %s", message.to_json())
            return False
        try:
            self._queue.put_nowait(message)
        except queue.Full:
            self._count("dropped")
            now = time.monotonic()
            if now - self._last_drop_log >= 1.0:  # one warning a second at most ...
                self._last_drop_log = now
                log.warning("audit queue full (%d messages): %d dropped so far",
                            self._queue.maxsize, self.counts.dropped)
            # ... and each dropped message itself on a logger of its own
            logging.getLogger("dicomkit.audit.dropped").warning("%s", message.to_json())
            return False
        self._count("accepted")
        return True

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued message was handled; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._queue.unfinished_tasks:
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        return True

    def close(self, timeout: float | None = 30.0) -> None:
        """Deliver what is queued (up to ``timeout``), stop the thread, close the sinks."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join(timeout)
        for sink in (*self.sinks, *([self.fallback] if self.fallback else [])):
            try:
                sink.close()
            except Exception:
                log.exception("closing audit sink %s failed", sink.target)

    def __enter__(self) -> AuditTrail:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- the thread
    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _STOP:
                    return
                assert isinstance(item, AuditMessage)
                for sink in self.sinks:
                    self._deliver(sink, item)
            finally:
                self._queue.task_done()

    def _deliver(self, sink: AuditSink, message: AuditMessage) -> None:
        delay = self.retry_delay
        for attempt in range(self.retries + 1):
            try:
                sink.write(message)
            except (AuditError, OSError) as exc:
                if attempt < self.retries and not self._closed:
                    self._count("retried", sink.target)
                    log.warning("audit sink %s failed (%s); retrying in %.2f s",
                                sink.target, exc, delay)
                    time.sleep(delay)
                    delay *= 2
                    continue
                self._count("failed", sink.target)
                log.error("audit sink %s gave up on a message: %s: %s", sink.target, exc,
                          message.to_json())
                if self.fallback is not None and sink is not self.fallback:
                    self._deliver(self.fallback, message)
                return
            except Exception:
                self._count("failed", sink.target)
                log.exception("audit sink %s failed: %s", sink.target, message.to_json())
                return
            self._count("delivered", sink.target)
            return
