"""Group commits of new jobs: the jobs of files already durable in the spool, committed
together by one thread.

The gateway (:mod:`dicomkit.forward.gateway`) answers a C-STORE once its file is flushed and
renamed into the spool (:meth:`dicomkit.forward.Spool.adopt`); the file is the durable record
of the accepted instance.  Its jobs are handed to a :class:`JobCommitter`, whose thread
commits everything handed over since its last commit in one transaction (while one commit
runs, the next files gather: one commit per file at most, fewer under load).  A crash before a
commit loses no file: :meth:`dicomkit.forward.Forwarder.recover` routes and queues every spool
file that has no job.  A failed commit is tried again (after :data:`RETRY_DELAY` seconds)
until it succeeds or the committer is closed; what is still uncommitted then stays in the
spool for the next recovery.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from dicomkit.errors import DicomError
from dicomkit.forward.queue import ForwardQueue, NewJob

__all__ = ["LINGER", "RETRY_DELAY", "JobCommitter"]

log = logging.getLogger(__name__)

#: Seconds between attempts at a commit that failed.
RETRY_DELAY = 0.5
#: Seconds the committer waits after the first job of a group before committing it, so
#: that the files accepted meanwhile share the transaction (a commit costs a few ms of CPU
#: and, durable, a flush of the log; Success does not wait for it).
LINGER = 0.02


class JobCommitter:
    """Commits handed-over jobs in groups, in a thread of its own (see the module).

    Parameters
    ----------
    queue
        The queue the jobs go in.
    now
        The clock of the jobs' creation and due times.
    committed
        Called (in the committer's thread) with the jobs of each successful commit: e.g. to
        wake the destinations' workers.
    """

    def __init__(self, queue: ForwardQueue, *, now: Callable[[], float],
                 committed: Callable[[Sequence[NewJob]], None] | None = None) -> None:
        self.queue = queue
        self._now = now
        self._committed = committed
        self._cond = threading.Condition()
        self._pending: list[NewJob] = []
        self._busy = False
        self._closed = False
        self._hurry = False
        self._thread: threading.Thread | None = None
        #: commits made and jobs committed (for the benchmark and the status)
        self.commits = 0
        self.jobs = 0

    def submit(self, jobs: Sequence[NewJob]) -> None:
        """Hand over the jobs of one accepted file (its spool file is durable already)."""
        if not jobs:
            return
        with self._cond:
            if self._closed:
                raise DicomError("the job committer is closed: the file stays in the spool "
                                 "and is queued when the forwarder next recovers")
            self._pending.extend(jobs)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="forward-committer",
                                                daemon=True)
                self._thread.start()
            self._cond.notify()

    @property
    def pending(self) -> int:
        """Jobs handed over and not committed yet."""
        with self._cond:
            return len(self._pending) + (1 if self._busy else 0)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if not self._pending:
                    return
                if not self._closed:  # let the group fill (close() and flush() cut it short)
                    self._cond.wait_for(lambda: self._closed or self._hurry, LINGER)
                self._hurry = False
                batch, self._pending = self._pending, []
                self._busy = True
            try:
                self.queue.enqueue(batch, now=self._now())
            except (DicomError, OSError) as exc:
                log.error("cannot commit %d job(s), trying again in %.1f s: %s", len(batch),
                          RETRY_DELAY, exc)
                with self._cond:
                    self._pending[:0] = batch
                    self._busy = False
                    self._cond.notify_all()
                    if self._closed:
                        return  # the files stay in the spool for the next recovery
                    self._cond.wait(RETRY_DELAY)
                continue
            with self._cond:
                self.commits += 1
                self.jobs += len(batch)
                self._busy = False
                self._cond.notify_all()
            if self._committed is not None:
                try:
                    self._committed(batch)
                except Exception:  # pragma: no cover - a waking callback that failed
                    log.exception("job commit callback failed")

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything handed over is committed; False if ``timeout`` ran out (or
        commits keep failing)."""
        with self._cond:
            self._hurry = True
            self._cond.notify_all()
            return self._cond.wait_for(lambda: not self._pending and not self._busy,
                                       timeout)

    def close(self, timeout: float | None = 30.0) -> bool:
        """Commit what was handed over (waiting up to ``timeout`` seconds) and stop the
        thread; False when jobs were left uncommitted (their files stay in the spool and are
        queued by the next recovery)."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
        with self._cond:
            return not self._pending and not self._busy
