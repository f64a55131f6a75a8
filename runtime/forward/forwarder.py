"""The forwarder: workers per destination deliver the queue's jobs with C-STORE (PS3.4 B.2).

Each destination has ``concurrency`` lanes sharing one pool of associations
(:class:`~dicomkit.net.pool.AssociationPool`: reused across batches, at most
``max_operations`` C-STOREs each), a circuit breaker and, when configured, a token bucket
and time windows.  A lane claims a batch of due jobs (STAT first), sends them over one
association and records every outcome in one transaction (:meth:`ForwardQueue.finish`):

* delivered (success or warning status, PS3.4 B.2.3): the job is deleted, its spool file
  removed when no other destination still needs it;
* a transient failure (:mod:`dicomkit.net.resilience`: association rejected transiently,
  timeout, lost connection, Out of resources): tried again after the retry policy's delay
  (per SOP class, per destination, or the default), dead-lettered once the policy gives up;
* a permanent failure (SOP class not supported, Data Set does not match SOP Class, Cannot
  understand, a file that cannot be converted to what the destination accepts): dead-lettered
  at once with the reason.

While the breaker is open nothing is claimed; when half-open a C-ECHO on a new association
probes the destination and closes the breaker (or opens it again).  Files go in their own
transfer syntax when the destination accepts it, else converted losslessly
(:mod:`dicomkit.net.services.storage.scu`); a rule's ``transfer_syntax`` is applied before
sending (:func:`dicomkit.pixels.transcode.transcode`), lossy only where the rule allows it.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import anyio
import anyio.abc
import anyio.from_thread
import anyio.lowlevel

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.forward.committer import JobCommitter
from dicomkit.forward.limits import TokenBucket, closed_for
from dicomkit.forward.queue import PRIORITIES, ForwardQueue, Job, NewJob, Outcome
from dicomkit.forward.rules import Destination, Route, Routing
from dicomkit.forward.spool import Spool
from dicomkit.generated import tags, uids
from dicomkit.net.acse import PresentationContext
from dicomkit.net.association import Association
from dicomkit.net.client import associate
from dicomkit.net.dimse import Priority
from dicomkit.net.pool import AssociationPool, Pooled
from dicomkit.net.resilience import (
    CircuitBreaker,
    Clock,
    SystemClock,
    classify_error,
    classify_status,
)
from dicomkit.net.services.storage.negotiation import contexts_for, syntax_of
from dicomkit.net.services.storage.scu import Item, StoreResult, load, store_on
from dicomkit.net.services.verification import echo_on
from dicomkit.net.ul import Timeouts

__all__ = ["DestinationWorker", "Forwarder", "Recovered", "owner_alive"]

log = logging.getLogger(__name__)

_VERIFICATION = PresentationContext(1, uids.Verification, (uids.ExplicitVRLittleEndian,
                                                           uids.ImplicitVRLittleEndian))
#: Seconds a lane with nothing to do waits before looking again (an enqueue in this process
#: wakes it at once).
POLL = 1.0
#: Seconds an idle lane woken by new jobs waits before it claims them, so that the files a
#: receiver accepts meanwhile go in the same batch (one claim, one association turn, one
#: finish for many files instead of one each).
LINGER = 0.03
#: Seconds an association with nothing to send is kept open for the next jobs.
IDLE_RELEASE = 2.0
#: The window of the rates in the status (seconds).
RATE_WINDOW = 60.0


@dataclass
class _Sendable:
    job: Job
    source: Item | Dataset
    sop_class: str
    syntax: str


class DestinationWorker:
    """The lanes of one destination (see the module)."""

    def __init__(self, forwarder: Forwarder, destination: Destination) -> None:
        self.fwd = forwarder
        self.dest = destination
        clock = forwarder.clock
        self.breaker = CircuitBreaker(destination.failure_threshold, destination.reset_timeout,
                                      clock=clock)
        self.bucket = TokenBucket(destination.bandwidth, clock=clock) \
            if destination.bandwidth else None
        self.pool = AssociationPool(self._open, size=destination.concurrency,
                                    max_operations=destination.max_operations,
                                    health_check=echo_on, idle_timeout=30.0, check_after=10.0,
                                    clock=clock)
        self.wake = anyio.Event()
        self._idle = False  # a lane waits in _wait (a poke has someone to wake)
        self._poked = False  # new jobs since the last claim (a lane about to wait looks)
        self._sent: deque[tuple[float, int]] = deque()
        self.probes = 0

    async def _open(self, contexts: Sequence[PresentationContext]) -> Association:
        d = self.dest
        t = Timeouts(connect=d.timeout, acse=d.timeout, dimse=max(d.timeout, 60.0))
        ctx = [c for c in contexts if c.abstract_syntax != uids.Verification]
        ctx.append(PresentationContext(max((c.id for c in ctx), default=-1) + 2,
                                       uids.Verification, _VERIFICATION.transfer_syntaxes))
        return await associate(d.host, d.port, called_ae=d.called_ae,
                               calling_ae=d.calling_ae, contexts=ctx, timeouts=t)

    # ----------------------------------------------------------------- rates

    def rates(self) -> tuple[float, float]:
        """(files/s, bytes/s) over the last :data:`RATE_WINDOW` seconds."""
        now = time.monotonic()
        while self._sent and now - self._sent[0][0] > RATE_WINDOW:
            self._sent.popleft()
        if not self._sent:
            return 0.0, 0.0
        span = max(1.0, now - self._sent[0][0])
        return len(self._sent) / span, sum(b for _, b in self._sent) / span

    async def report(self) -> None:
        """Write the breaker state and rates into the queue (for ``forward status``)."""
        rate, byte_rate = self.rates()
        await anyio.to_thread.run_sync(lambda: self.fwd.queue.report(
            self.dest.name, breaker=self.breaker.state, rate=rate, byte_rate=byte_rate))

    # ----------------------------------------------------------------- lanes

    async def run(self, *, drain: bool = False) -> None:
        """Run ``concurrency`` lanes until cancelled (or, with ``drain``, until the
        destination has no job left but dead ones)."""
        async with self.pool, anyio.create_task_group() as tg:
            async def reporter() -> None:
                while True:
                    await self.report()
                    await anyio.sleep(2.0)

            tg.start_soon(reporter)
            async with anyio.create_task_group() as lanes:
                for _ in range(self.dest.concurrency):
                    lanes.start_soon(self._lane, drain)
            await self.report()
            tg.cancel_scope.cancel()

    def poke(self, token: anyio.lowlevel.EventLoopToken | None = None) -> None:
        """Wake the idle lanes (new jobs): from the event loop, a worker thread of it, any
        thread given the loop's ``token``, or blocking code with no loop running."""
        self._poked = True
        if not self._idle:
            return  # the lanes are busy: they see _poked before they wait
        try:
            anyio.from_thread.run_sync(self.wake.set, token=token)
        except RuntimeError:  # on the loop's own thread, or no loop at all (or it ended)
            self.wake.set()

    async def _wait(self, seconds: float, *, linger: bool = False) -> None:
        self.wake = wake = anyio.Event()
        self._idle = True  # (before _poked is read: a poke meanwhile sets the new event)
        try:
            if linger and self._poked:  # jobs came since the claim that found none
                wake.set()
            else:
                with anyio.move_on_after(max(0.0, min(seconds, POLL))):
                    await wake.wait()
        finally:
            self._idle = False
        if linger and wake.is_set():
            await anyio.sleep(LINGER)

    async def _lane(self, drain: bool) -> None:
        clock = self.fwd.clock
        queue = self.fwd.queue
        while True:
            closed = closed_for(self.dest.windows, clock)
            if closed > 0:
                await clock.sleep(min(closed, 60.0))
                continue
            if not self.breaker.allow():
                await self._wait(self.breaker.retry_at() - clock.now())
                continue
            if self.breaker.state == "half-open":
                await self._probe()
                continue
            self._poked = False
            jobs = await anyio.to_thread.run_sync(lambda: queue.claim(
                self.dest.name, self.dest.batch, owner=self.fwd.owner, lease=self.dest.lease,
                now=clock.now()))
            if not jobs:
                # nothing to send: give idle associations back soon (many SCPs serve one
                # association at a time, and others may be waiting for it)
                await self.pool.close_idle(IDLE_RELEASE)
                if drain and await anyio.to_thread.run_sync(self._empty):
                    return
                due = await anyio.to_thread.run_sync(queue.next_due, self.dest.name)
                # nothing claimable although due: paused, or leased by another lane/process
                await self._wait(POLL if due is None or due <= clock.now()
                                 else due - clock.now(), linger=True)
                continue
            outcomes = await self.deliver(jobs)
            await anyio.to_thread.run_sync(self._finish, outcomes, clock.now())
            if len(jobs) < self.dest.batch:
                await anyio.sleep(LINGER)  # a short batch: let the next one fill

    def _finish(self, outcomes: Sequence[Outcome], now: float) -> None:
        """Record the outcomes, then remove the spool files no job needs (one thread call)."""
        self.fwd.spool.remove(self.fwd.queue.finish(outcomes, now=now))

    def _empty(self) -> bool:
        return self.fwd.queue.pending(self.dest.name) == 0

    async def _probe(self) -> None:
        """The half-open breaker's probe: C-ECHO on a new association (PS3.4 A.4)."""
        self.probes += 1
        try:
            async with self.pool.lease([_VERIFICATION], lambda p: False) as assoc:
                await echo_on(assoc)
        except (DicomError, OSError):
            self.breaker.record_failure()
            return
        self.breaker.record_success()

    # ----------------------------------------------------------------- delivery

    def _prepare(self, jobs: Sequence[Job]) -> list[_Sendable | Outcome]:
        """In a worker thread: each job's source (a spool path, or the data set converted to
        the rule's transfer syntax), or its dead-letter outcome when it cannot be sent."""
        out: list[_Sendable | Outcome] = []
        for job in jobs:
            path = self.fwd.spool.path(job.file)
            try:
                item = load(path)
                if job.syntax and item.transfer_syntax != job.syntax:
                    from dicomkit.io.reader import read
                    from dicomkit.pixels.transcode import transcode

                    ds = transcode(read(path), job.syntax)
                    out.append(_Sendable(job, ds, item.sop_class, syntax_of(ds)))
                else:
                    # the item: store_on does not read the file's header again
                    out.append(_Sendable(job, item, item.sop_class, item.transfer_syntax))
            except (DicomError, OSError) as exc:
                out.append(Outcome(job, "dead", f"cannot be sent as stored: {exc}"))
        return out

    def _failed(self, job: Job, error: str, kind: str) -> Outcome:
        now = self.fwd.clock.now()
        if kind == "permanent":
            return Outcome(job, "dead", f"permanent failure: {error}")
        policy = self.fwd.routing.policy(job.destination, job.sop_class)
        attempts = job.attempts + 1
        if policy.gives_up(attempts, job.first_attempt if job.first_attempt is not None
                           else now, now):
            return Outcome(job, "dead", f"gave up after {attempts} attempt(s): {error}")
        return Outcome(job, "retry", error, now + policy.delay(attempts))

    def _outcome(self, item: _Sendable, result: StoreResult) -> Outcome:
        if result.ok:
            return Outcome(item.job, "done")
        if result.status is not None:
            kind = classify_status(result.status) or "permanent"
            return self._failed(item.job, result.error or f"status 0x{result.status:04X}",
                                kind)
        return self._failed(item.job, result.error, "permanent")

    async def deliver(self, jobs: Sequence[Job]) -> list[Outcome]:
        """Send claimed jobs over one pooled association; one outcome each."""
        prepared = await anyio.to_thread.run_sync(self._prepare, jobs)
        outcomes: dict[int, Outcome] = {o.job.id: o for o in prepared if isinstance(o, Outcome)}
        items = [p for p in prepared if isinstance(p, _Sendable)]
        if not items:
            return list(outcomes.values())
        contexts = contexts_for(sorted({(i.sop_class, i.syntax) for i in items}))
        wanted = {(i.sop_class, i.syntax) for i in items}

        def fits(p: Pooled) -> bool:
            have = {(c.abstract_syntax, c.transfer_syntax)
                    for c in p.association.contexts.values()}
            classes = {c[0] for c in have}
            return all(pair in have or sop in classes for pair, sop in
                       ((w, w[0]) for w in wanted))

        priority = Priority.HIGH if max(i.job.priority for i in items) >= PRIORITIES["stat"] \
            else Priority.MEDIUM
        done = 0
        transient = False
        limit = self.dest.max_operations

        def record(item: _Sendable, result: StoreResult) -> None:
            nonlocal done
            outcomes[item.job.id] = self._outcome(item, result)
            done += 1
            if result.ok:
                self._sent.append((time.monotonic(), result.bytes))

        try:
            while done < len(items):
                pooled = await self.pool.acquire(contexts, fits)
                room = len(items) - done if limit is None else limit - pooled.operations
                chunk = items[done:done + max(1, room)]
                try:
                    if self.bucket is None:
                        def progress(result: StoreResult, n: int, _total: int,
                                     chunk: list[_Sendable] = chunk) -> None:
                            record(chunk[n - 1], result)

                        await store_on(pooled.association, [i.source for i in chunk],
                                       priority=priority, progress=progress)
                    else:
                        for item in chunk:
                            await self.bucket.take(item.job.size)
                            (result,) = await store_on(pooled.association, [item.source],
                                                       priority=priority)
                            record(item, result)
                except BaseException:
                    await self.pool.give_back(pooled, broken=True, operations=len(chunk))
                    raise
                await self.pool.give_back(pooled, operations=len(chunk))
        except (DicomError, OSError) as exc:
            failure = classify_error(exc)
            transient = transient or failure.transient
            for item in items[done:]:
                outcomes[item.job.id] = self._failed(item.job, failure.reason, failure.kind)
        results = [outcomes[i.job.id].result for i in items]
        if transient or "retry" in results:  # the destination failed (or refused for now)
            self.breaker.record_failure()
        elif "done" in results:
            self.breaker.record_success()
        return [outcomes[j.id] for j in jobs]


def _text(ds: Dataset, tag: int) -> str:
    el = ds.get(tag)
    return "" if el is None or el.value is None else str(el.value).strip("\x00 ")


@dataclass(frozen=True)
class Recovered:
    """What :meth:`Forwarder.recover` did."""

    #: interrupted jobs (leased by a process that ended) queued again
    released: int
    #: spool files without a job (accepted, their jobs not committed yet) routed and queued
    queued: int
    #: spool files removed: no rule routes them, they cannot be read, or temporary files
    removed: int


def owner_alive(owner: str) -> bool:
    """Whether the process a lease owner names (``host:pid:tag``, :attr:`Forwarder.owner`)
    still runs: True for another host's (it cannot be seen from here) and for this
    process's own tag; False for a process of this host that has ended, or an owner that
    names none.  A process ID used again by a new process keeps the lease until it runs out
    (``lease`` of the destination), which delays those jobs, never loses them."""
    host, _, rest = owner.partition(":")
    pid_text, _, _tag = rest.partition(":")
    if not host or not pid_text.isdigit():
        return False
    if host != os.uname().nodename:
        return True
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # an earlier Forwarder of this process (e.g. one closed and re-made)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Forwarder:
    """Store-and-forward over a queue, a spool folder and routing rules.

    Parameters
    ----------
    queue
        The job queue (:class:`ForwardQueue`).
    spool
        The spool folder (:class:`Spool`).
    routing
        Destinations, rules and retry policies (:func:`dicomkit.forward.rules.load_rules`).
    clock
        Time source of delays, breakers and buckets.
    """

    def __init__(self, queue: ForwardQueue, spool: Spool, routing: Routing, *,
                 clock: Clock | None = None, owner: str | None = None) -> None:
        self.queue = queue
        self.spool = spool
        self.routing = routing
        self.clock: Clock = clock or SystemClock()
        self.owner = owner or f"{os.uname().nodename}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.workers = {name: DestinationWorker(self, d)
                        for name, d in routing.destinations.items()}
        self._token: anyio.lowlevel.EventLoopToken | None = None
        #: commits the jobs of files accepted by :meth:`submit`, in groups
        self.committer = JobCommitter(queue, now=self.clock.now, committed=self._committed)
        #: where the lanes run in another process (:mod:`dicomkit.forward.lanes`): called
        #: with the destinations that got jobs, instead of waking this process's workers
        self.wake_elsewhere: Callable[[set[str]], None] | None = None

    def _committed(self, jobs: Iterable[NewJob]) -> None:
        names = {j.destination for j in jobs}
        if self.wake_elsewhere is not None:
            self.wake_elsewhere(names)
            return
        self.wake(names, self._token)  # (the committer's thread)

    def wake(self, destinations: Iterable[str], token: anyio.lowlevel.EventLoopToken | None
             = None) -> None:
        """Wake the idle lanes of ``destinations`` (new jobs): on the event loop's thread
        with no ``token``, from another thread with the loop's (see
        :meth:`DestinationWorker.poke`)."""
        for name in destinations:
            worker = self.workers.get(name)
            if worker is not None:
                worker.poke(token)

    # ----------------------------------------------------------------- accepting

    def accept(self, path: str | os.PathLike[str], routes: Iterable[Route], *,
               move: bool = False, priority: int | None = None,
               identity: tuple[str, str] | None = None) -> list[int]:
        """Put a file in the spool (flushed) and commit its jobs for ``routes``; the job IDs
        (none, and nothing kept, when there is no route).  ``identity`` is its (SOP Class UID,
        SOP Instance UID) when the caller has read them (else they are read here).  Blocking:
        call it from a worker thread in async code."""
        routes = list(routes)
        if not routes:
            if move:
                Path(path).unlink(missing_ok=True)
            return []
        if identity is None:
            item = load(path)
            identity = (item.sop_class, item.sop_instance)
        sop_class, sop_instance = identity
        if not sop_class or not sop_instance:
            raise DicomError(f"{os.fspath(path)}: no SOP Class UID or SOP Instance UID; it "
                             "cannot be stored (PS3.4 B.2)")
        size = os.path.getsize(path)
        name = self.spool.accept_file(path, move=move)
        try:
            ids = self.queue.enqueue([
                NewJob(name, r.destination.name, sop_class, sop_instance, size,
                       r.priority if priority is None else priority, r.transfer_syntax,
                       r.lossy) for r in routes], now=self.clock.now())
        except BaseException:
            self.spool.remove([name])
            raise
        for r in routes:
            worker = self.workers.get(r.destination.name)
            if worker is not None:
                worker.poke()
        return ids

    def submit(self, name: str, routes: Iterable[Route], *, identity: tuple[str, str],
               size: int, priority: int | None = None) -> None:
        """Queue the jobs of ``name``, a file already durable in the spool
        (:meth:`Spool.adopt`), for ``routes``: committed soon, together with other files'
        (:class:`~dicomkit.forward.committer.JobCommitter`).  Until then a crash loses
        nothing: :meth:`recover` queues spool files that have no job."""
        sop_class, sop_instance = identity
        self.committer.submit([
            NewJob(name, r.destination.name, sop_class, sop_instance, size,
                   r.priority if priority is None else priority, r.transfer_syntax, r.lossy)
            for r in routes])

    def close(self) -> None:
        """Commit the jobs handed to :meth:`submit` and close the queue."""
        if not self.committer.close():
            log.error("jobs of %d accepted file(s) are not committed; they stay in the spool "
                      "and are queued at the next start", self.committer.pending)
        self.queue.close()

    def add(self, path: str | os.PathLike[str], destinations: Iterable[str] | None = None, *,
            priority: str = "routine", calling_ae: str = "") -> list[int]:
        """Enqueue a file: for the named destinations, or (None) where the rules send it."""
        if destinations is None:
            from dicomkit.io.reader import read

            ds = read(path, stop_before_pixels=True)
            routes = self.routing.route(ds, calling_ae)
            return self.accept(path, routes)
        routes = []
        for name in destinations:
            dest = self.routing.destinations.get(name)
            if dest is None:
                raise DicomError(f"no destination {name!r} in the routing rules")
            routes.append(Route(dest, PRIORITIES[priority], dest.transfer_syntax, dest.lossy))
        return self.accept(path, routes)

    # ----------------------------------------------------------------- running

    def recover(self, *, release_all: bool | None = None) -> Recovered:
        """After a restart: leases put back (all of them for a SQLite queue, which one
        process owns; a shared PostgreSQL queue waits for them to run out), spool files
        without a job routed and queued (the gateway had answered Success for them, see
        :mod:`dicomkit.forward.spool`; with a shared queue only those older than an hour,
        younger ones may be another process's commit under way), temporary files removed.

        A file whose jobs were all finished when the process ended before removing it is
        queued again too: its destinations receive the same SOP instance a second time,
        the DICOM way to be idempotent (issue 18: never a different object)."""
        from dicomkit.io.reader import read

        if release_all is None:
            release_all = self.queue.sqlite
        older_than = 0.0 if release_all else 3600.0
        released = 0
        if release_all:
            for owner in self.queue.lease_owners():
                if not owner_alive(owner):
                    released += self.queue.release_leases(owner)
        removed = len(self.spool.sweep_temporary(older_than=older_than))
        jobs: list[NewJob] = []
        unrouted: list[str] = []
        for name in self.spool.orphans(self.queue.files(), older_than=older_than):
            path = self.spool.path(name)
            try:
                ds = read(path, stop_before_pixels=True)
                routes = self.routing.route(ds, self.spool.calling_ae(name))
                sop_class, sop_instance = _text(ds, tags.SOPClassUID), _text(
                    ds, tags.SOPInstanceUID)
                size = path.stat().st_size
            except (DicomError, OSError) as exc:
                log.warning("spool file %s cannot be queued (%s); removed", name, exc)
                unrouted.append(name)
                continue
            if not routes or not sop_class or not sop_instance:
                unrouted.append(name)
                continue
            jobs.extend(NewJob(name, r.destination.name, sop_class, sop_instance, size,
                               r.priority, r.transfer_syntax, r.lossy) for r in routes)
        self.queue.enqueue(jobs, now=self.clock.now())
        self.spool.remove(unrouted)
        return Recovered(released, len({j.file for j in jobs}), removed + len(unrouted))

    def release_own_leases(self) -> int:
        """Put the jobs this forwarder claimed and did not finish back in the queue (a lane
        process stopping); how many."""
        return self.queue.release_leases(self.owner)

    async def run(self, *, drain: bool = False, recover: bool = True) -> None:
        """Run every destination's workers until cancelled (``drain``: until no job is left
        but dead-lettered ones)."""
        self._token = anyio.lowlevel.current_token()
        if recover:
            await anyio.to_thread.run_sync(self.recover)
        async with anyio.create_task_group() as tg:
            for worker in self.workers.values():
                tg.start_soon(partial(worker.run, drain=drain))

    def status(self) -> list[dict[str, object]]:
        """The queue's status by destination, with this process's breaker states."""
        out = []
        for s in self.queue.status():
            row: dict[str, object] = dict(s.__dict__)
            worker = self.workers.get(s.name)
            if worker is not None:
                row["breaker"] = worker.breaker.state
                row["rate"], row["byte_rate"] = worker.rates()
            out.append(row)
        return out

