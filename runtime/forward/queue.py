"""The persistent queue of delivery jobs: SQLite (WAL) by default, PostgreSQL to share it.

A job is one spool file for one destination: its priority, attempts, next attempt, last error
and state (``queued``, ``sending`` under a lease, ``dead``).  Every change is one transaction:

* :meth:`ForwardQueue.enqueue` commits the jobs of a file already in the spool (the spool
  writes and flushes it first, :mod:`dicomkit.forward.spool`);
* :meth:`ForwardQueue.claim` leases the next due jobs of a destination (highest priority
  first, then the oldest due), ``sending`` until ``lease_until``; PostgreSQL's ``FOR UPDATE
  SKIP LOCKED`` lets several processes claim from one queue, SQLite's ``BEGIN IMMEDIATE``
  serializes the claims;
* :meth:`ForwardQueue.finish` records a batch's outcomes: delivered jobs deleted (and the spool
  files no job names any more returned, to be removed after the commit), failed ones
  rescheduled or dead-lettered with the reason.

A process killed at any moment leaves jobs ``queued`` or ``sending``; a lease that ran out is
claimed again (:meth:`release_leases` frees them at once when one process owns the queue), so
no job is lost, and one whose C-STORE succeeded before its completion was recorded is sent
again: the receiver gets the same SOP Instance UID (the same object), which is how DICOM
stays idempotent (PS3.4 B.4.1: a Storage SCP may keep or replace an instance received twice).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as _pg_insert
from sqlalchemy.dialects.sqlite import insert as _sqlite_insert

from dicomkit.forward.errors import QueueError

__all__ = ["PRIORITIES", "DestinationStatus", "ForwardQueue", "Job", "NewJob", "Outcome",
           "queue_url"]

#: Job priorities, most urgent first: STAT before routine (stored as numbers, higher first).
PRIORITIES: dict[str, int] = {"stat": 2, "high": 1, "routine": 0, "low": -1}
QUEUED, SENDING, DEAD = "queued", "sending", "dead"


def queue_url(url: str) -> sa.URL:
    """``url`` as SQLAlchemy takes it (``postgresql://`` -> ``postgresql+psycopg://``).

    Raises
    ------
    QueueError
        When it is neither a SQLite nor a PostgreSQL URL.
    """
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise QueueError(f"not a database URL: {exc}", url=url) from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise QueueError("the queue is SQLite (sqlite:///PATH) or PostgreSQL "
                         "(postgresql://...)", url=parsed.render_as_string(hide_password=True))
    return parsed


@dataclass(frozen=True)
class NewJob:
    """A job to enqueue: a spool file for a destination."""

    file: str
    destination: str
    sop_class: str
    sop_instance: str
    size: int
    priority: int = 0
    #: transfer syntax the rule asks for ("" : the file's own, or a lossless one accepted)
    syntax: str = ""
    #: the rule allows a lossy ``syntax``
    lossy: bool = False


@dataclass(frozen=True)
class Job:
    """A queued job as read back."""

    id: int
    file: str
    destination: str
    sop_class: str
    sop_instance: str
    size: int
    priority: int
    syntax: str
    lossy: bool
    state: str
    attempts: int
    created: float
    first_attempt: float | None
    next_attempt: float
    last_error: str


@dataclass(frozen=True)
class Outcome:
    """What became of a claimed job: ``done`` (delivered), ``retry`` at ``next_attempt``, or
    ``dead`` (dead-lettered); ``error`` says why."""

    job: Job
    result: str
    error: str = ""
    next_attempt: float = 0.0


@dataclass(frozen=True)
class DestinationStatus:
    """Counts and rates of one destination (:meth:`ForwardQueue.status`)."""

    name: str
    queued: int
    sending: int
    dead: int
    due: int
    paused: bool
    sent: int
    failed: int
    dead_lettered: int
    bytes: int
    breaker: str
    rate: float
    byte_rate: float
    oldest: float | None


def _tables(md: sa.MetaData) -> tuple[sa.Table, sa.Table]:
    jobs = sa.Table(
        "forward_jobs", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("file", sa.String(80), nullable=False),
        sa.Column("destination", sa.String(64), nullable=False),
        sa.Column("sop_class", sa.String(64), nullable=False),
        sa.Column("sop_instance", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("priority", sa.Integer, nullable=False),
        sa.Column("syntax", sa.String(64), nullable=False),
        sa.Column("lossy", sa.Boolean, nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("created", sa.Float, nullable=False),
        sa.Column("first_attempt", sa.Float, nullable=True),
        sa.Column("next_attempt", sa.Float, nullable=False),
        sa.Column("lease_until", sa.Float, nullable=False),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Index("forward_jobs_due", "destination", "state", "priority", "next_attempt"),
        sa.Index("forward_jobs_file", "file"),
    )
    dests = sa.Table(
        "forward_destinations", md,
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("paused", sa.Boolean, nullable=False),
        sa.Column("sent", sa.BigInteger, nullable=False),
        sa.Column("failed", sa.BigInteger, nullable=False),
        sa.Column("dead", sa.BigInteger, nullable=False),
        sa.Column("bytes", sa.BigInteger, nullable=False),
        sa.Column("breaker", sa.String(16), nullable=False),
        sa.Column("rate", sa.Float, nullable=False),
        sa.Column("byte_rate", sa.Float, nullable=False),
        sa.Column("updated", sa.Float, nullable=False),
    )
    return jobs, dests


def _sqlite_connect(synchronous: str) -> Any:
    def connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions begun by _sqlite_begin
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.close()
    return connect


def _sqlite_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


class ForwardQueue:
    """The queue database at ``url`` (see the module).

    Parameters
    ----------
    url
        ``sqlite:///PATH`` or ``postgresql://USER@HOST:PORT/DB``.
    durable
        SQLite: ``synchronous=FULL`` (each commit flushed to disk: nothing committed is lost on
        a power cut); False: ``NORMAL`` (safe against a killed process, not a power cut).
    """

    def __init__(self, url: str, *, durable: bool = True) -> None:
        parsed = queue_url(url)
        self.url = parsed.render_as_string(hide_password=True)
        self.sqlite = parsed.get_backend_name() == "sqlite"
        md = sa.MetaData()
        self.jobs, self.dests = _tables(md)
        self._write_lock = threading.Lock()
        try:
            if self.sqlite:
                self.engine = sa.create_engine(parsed, connect_args={
                    "check_same_thread": False, "timeout": 60.0})
                sa.event.listen(self.engine, "connect",
                                _sqlite_connect("FULL" if durable else "NORMAL"))
                sa.event.listen(self.engine, "begin", _sqlite_begin)
            else:
                self.engine = sa.create_engine(parsed, pool_pre_ping=True)
            md.create_all(self.engine)
        except (sa.exc.OperationalError, sa.exc.InterfaceError, ImportError) as exc:
            raise QueueError(f"cannot open the queue: {exc}", url=self.url) from None

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    @contextmanager
    def _tx(self) -> Iterator[sa.Connection]:
        try:
            # one writer at a time in this process: SQLite's busy handler would otherwise
            # make concurrent threads sleep for their turn (PostgreSQL takes them all)
            with self._write_lock if self.sqlite else contextlib.nullcontext(), \
                    self.engine.begin() as conn:
                yield conn
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise QueueError(f"queue transaction failed: {exc}", url=self.url) from None

    def _ensure(self, conn: sa.Connection, names: Iterable[str]) -> None:
        wanted = set(names)
        have = {r[0] for r in conn.execute(sa.select(self.dests.c.name).where(
            self.dests.c.name.in_(list(wanted))))}
        insert = _pg_insert if not self.sqlite else _sqlite_insert
        for name in sorted(wanted - have):  # (another process may insert it meanwhile)
            conn.execute(insert(self.dests).on_conflict_do_nothing().values(
                name=name, paused=False, sent=0, failed=0, dead=0, bytes=0, breaker="closed",
                rate=0.0, byte_rate=0.0, updated=time.time()))

    # ----------------------------------------------------------------- jobs

    def enqueue(self, jobs: Sequence[NewJob], *, now: float | None = None) -> list[int]:
        """Commit new jobs (their spool files are written already); their IDs."""
        if not jobs:
            return []
        t = time.time() if now is None else now
        with self._tx() as conn:
            self._ensure(conn, (j.destination for j in jobs))
            ids = []
            for j in jobs:
                row = conn.execute(sa.insert(self.jobs).values(
                    file=j.file, destination=j.destination, sop_class=j.sop_class,
                    sop_instance=j.sop_instance, size=j.size, priority=j.priority,
                    syntax=j.syntax, lossy=j.lossy, state=QUEUED, attempts=0, created=t,
                    first_attempt=None, next_attempt=t, lease_until=0.0, owner="",
                    last_error="").returning(self.jobs.c.id)).scalar_one()
                ids.append(int(row))
        return ids

    def _job(self, row: Any) -> Job:
        m = row._mapping
        return Job(int(m["id"]), m["file"], m["destination"], m["sop_class"],
                   m["sop_instance"], int(m["size"]), int(m["priority"]), m["syntax"],
                   bool(m["lossy"]), m["state"], int(m["attempts"]), float(m["created"]),
                   None if m["first_attempt"] is None else float(m["first_attempt"]),
                   float(m["next_attempt"]), m["last_error"])

    def _due(self, destination: str, now: float) -> Any:
        j = self.jobs.c
        return sa.and_(j.destination == destination, sa.or_(
            sa.and_(j.state == QUEUED, j.next_attempt <= now),
            sa.and_(j.state == SENDING, j.lease_until < now)))

    def claim(self, destination: str, limit: int, *, owner: str, lease: float = 300.0,
              now: float | None = None) -> list[Job]:
        """Lease up to ``limit`` due jobs of ``destination``, most urgent first (nothing while
        the destination is paused)."""
        t = time.time() if now is None else now
        j = self.jobs.c
        with self._tx() as conn:
            paused = conn.execute(sa.select(self.dests.c.paused).where(
                self.dests.c.name == destination)).scalar()
            if paused:
                return []
            rows = conn.execute(
                sa.select(self.jobs).where(self._due(destination, t))
                .order_by(j.priority.desc(), j.next_attempt, j.id).limit(limit)
                .with_for_update(skip_locked=True)).all()
            if not rows:
                return []
            ids = [r._mapping["id"] for r in rows]
            conn.execute(sa.update(self.jobs).where(j.id.in_(ids)).values(
                state=SENDING, lease_until=t + lease, owner=owner,
                first_attempt=sa.func.coalesce(j.first_attempt, t)))
        return [self._job(r) for r in rows]

    def next_due(self, destination: str) -> float | None:
        """When the next queued job of ``destination`` is due (None: none queued)."""
        j = self.jobs.c
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(sa.func.min(j.next_attempt)).where(
                j.destination == destination, j.state == QUEUED)).scalar()
            lease = conn.execute(sa.select(sa.func.min(j.lease_until)).where(
                j.destination == destination, j.state == SENDING)).scalar()
        times = [float(v) for v in (value, lease) if v is not None]
        return min(times) if times else None

    def finish(self, outcomes: Sequence[Outcome], *, now: float | None = None) -> list[str]:
        """Record the outcomes of claimed jobs in one transaction; the spool files no job
        names any more (remove them after this returns)."""
        if not outcomes:
            return []
        t = time.time() if now is None else now
        j = self.jobs.c
        done = [o for o in outcomes if o.result == "done"]
        files = {o.job.file for o in done}
        with self._tx() as conn:
            if done:
                conn.execute(sa.delete(self.jobs).where(j.id.in_([o.job.id for o in done])))
            for o in outcomes:
                if o.result == "retry":
                    conn.execute(sa.update(self.jobs).where(j.id == o.job.id).values(
                        state=QUEUED, attempts=j.attempts + 1, next_attempt=o.next_attempt,
                        lease_until=0.0, owner="", last_error=o.error[:2000]))
                elif o.result == "dead":
                    conn.execute(sa.update(self.jobs).where(j.id == o.job.id).values(
                        state=DEAD, attempts=j.attempts + 1, lease_until=0.0, owner="",
                        last_error=o.error[:2000]))
            by_dest: dict[str, list[Outcome]] = {}
            for o in outcomes:
                by_dest.setdefault(o.job.destination, []).append(o)
            d = self.dests.c
            for name, items in by_dest.items():
                sent = [o for o in items if o.result == "done"]
                conn.execute(sa.update(self.dests).where(d.name == name).values(
                    sent=d.sent + len(sent),
                    failed=d.failed + sum(o.result == "retry" for o in items),
                    dead=d.dead + sum(o.result == "dead" for o in items),
                    bytes=d.bytes + sum(o.job.size for o in sent), updated=t))
            if not files:
                return []
            still = {r[0] for r in conn.execute(sa.select(j.file).where(
                j.file.in_(list(files))).distinct())}
        return sorted(files - still)

    def release_leases(self, owner: str | None = None) -> int:
        """Put ``sending`` jobs (of ``owner``, or all) back to ``queued`` now: what a single
        process owning the queue does when it starts after a crash; how many."""
        j = self.jobs.c
        cond = j.state == SENDING if owner is None else sa.and_(j.state == SENDING,
                                                                 j.owner == owner)
        with self._tx() as conn:
            return int(conn.execute(sa.update(self.jobs).where(cond).values(
                state=QUEUED, lease_until=0.0, owner="")).rowcount)

    def lease_owners(self) -> set[str]:
        """The owners of the jobs being sent (``host:pid:tag`` of the process that claimed
        them, see :attr:`dicomkit.forward.Forwarder.owner`)."""
        j = self.jobs.c
        with self.engine.connect() as conn:
            return {r[0] for r in conn.execute(
                sa.select(j.owner).where(j.state == SENDING).distinct())}

    def jobs_of(self, destination: str | None = None, state: str | None = None,
                limit: int = 1000) -> list[Job]:
        """Jobs (of a destination, in a state), most urgent first."""
        j = self.jobs.c
        q = sa.select(self.jobs)
        if destination is not None:
            q = q.where(j.destination == destination)
        if state is not None:
            q = q.where(j.state == state)
        with self.engine.connect() as conn:
            rows = conn.execute(q.order_by(j.priority.desc(), j.next_attempt, j.id)
                                .limit(limit)).all()
        return [self._job(r) for r in rows]

    def files(self) -> set[str]:
        """Every spool file a job names."""
        with self.engine.connect() as conn:
            return {r[0] for r in conn.execute(sa.select(self.jobs.c.file).distinct())}

    # ----------------------------------------------------------------- operator actions

    def set_paused(self, destination: str, paused: bool) -> None:
        """Pause (no new claims) or resume a destination."""
        with self._tx() as conn:
            self._ensure(conn, [destination])
            conn.execute(sa.update(self.dests).where(self.dests.c.name == destination)
                         .values(paused=paused))

    def retry_now(self, destination: str | None = None, *, dead: bool = True,
                  now: float | None = None) -> int:
        """Make queued jobs (of a destination) due now and, with ``dead``, put dead-lettered
        ones back in the queue with their attempts reset; how many."""
        t = time.time() if now is None else now
        j = self.jobs.c
        states = [QUEUED, DEAD] if dead else [QUEUED]
        cond: Any = j.state.in_(states)
        if destination is not None:
            cond = sa.and_(cond, j.destination == destination)
        with self._tx() as conn:
            n = conn.execute(sa.update(self.jobs).where(cond).values(
                state=QUEUED, next_attempt=t, first_attempt=sa.case(
                    (j.state == DEAD, None), else_=j.first_attempt),
                attempts=sa.case((j.state == DEAD, 0), else_=j.attempts))).rowcount
        return int(n)

    def clear(self, destination: str | None = None, state: str | None = None) -> list[str]:
        """Delete jobs (of a destination, in a state; not those being sent); the spool files
        no job names any more."""
        j = self.jobs.c
        cond: Any = j.state != SENDING
        if destination is not None:
            cond = sa.and_(cond, j.destination == destination)
        if state is not None:
            cond = sa.and_(cond, j.state == state)
        with self._tx() as conn:
            files = {r[0] for r in conn.execute(sa.select(j.file).where(cond).distinct())}
            conn.execute(sa.delete(self.jobs).where(cond))
            if not files:
                return []
            still = {r[0] for r in conn.execute(sa.select(j.file).where(
                j.file.in_(list(files))).distinct())}
        return sorted(files - still)

    def report(self, destination: str, *, breaker: str, rate: float, byte_rate: float) -> None:
        """Record a running worker's breaker state and rates (for :meth:`status`)."""
        with self._tx() as conn:
            self._ensure(conn, [destination])
            conn.execute(sa.update(self.dests).where(self.dests.c.name == destination).values(
                breaker=breaker, rate=rate, byte_rate=byte_rate, updated=time.time()))

    def status(self, *, now: float | None = None) -> list[DestinationStatus]:
        """Counts by destination and state, counters, breaker states and rates."""
        t = time.time() if now is None else now
        j = self.jobs.c
        with self.engine.connect() as conn:
            counts: dict[tuple[str, str], int] = {}
            for dest, state, n in conn.execute(sa.select(
                    j.destination, j.state, sa.func.count()).group_by(j.destination, j.state)):
                counts[(dest, state)] = int(n)
            due: dict[str, int] = dict(conn.execute(sa.select(j.destination, sa.func.count()).where(
                j.state == QUEUED, j.next_attempt <= t).group_by(j.destination)).all())
            oldest: dict[str, float] = dict(conn.execute(sa.select(j.destination, sa.func.min(j.created))
                                       .where(j.state != DEAD).group_by(j.destination)).all())
            rows = conn.execute(sa.select(self.dests).order_by(self.dests.c.name)).all()
        out = []
        for r in rows:
            m = r._mapping
            name = m["name"]
            out.append(DestinationStatus(
                name, counts.get((name, QUEUED), 0), counts.get((name, SENDING), 0),
                counts.get((name, DEAD), 0), int(due.get(name, 0)), bool(m["paused"]),
                int(m["sent"]), int(m["failed"]), int(m["dead"]), int(m["bytes"]),
                m["breaker"], float(m["rate"]), float(m["byte_rate"]),
                None if oldest.get(name) is None else float(oldest[name])))
        return out

    def pending(self, destination: str) -> int:
        """Jobs of ``destination`` still to deliver (queued or being sent, not dead)."""
        j = self.jobs.c
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(self.jobs).where(
                j.destination == destination, j.state != DEAD)).scalar_one())

    def count(self, state: str | None = None) -> int:
        """Jobs in all (in a state)."""
        q = sa.select(sa.func.count()).select_from(self.jobs)
        if state is not None:
            q = q.where(self.jobs.c.state == state)
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())
