"""The persistent queue (dicomkit.forward.queue) on SQLite and PostgreSQL, and the spool."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dicomkit.forward import ForwardQueue, NewJob, Outcome, QueueError, Spool
from dicomkit.forward.queue import PRIORITIES


def _job(file: str, dest: str = "A", priority: int = 0) -> NewJob:
    return NewJob(file, dest, "1.2.3", f"1.2.3.{file}", 10, priority)


def test_claim_gives_stat_before_routine_then_oldest_first(db_url: str) -> None:
    q = ForwardQueue(db_url)
    q.enqueue([_job("r1")], now=100)
    q.enqueue([_job("r2")], now=101)
    q.enqueue([_job("s1", priority=PRIORITIES["stat"])], now=102)
    q.enqueue([_job("b1", dest="B")], now=100)
    jobs = q.claim("A", 10, owner="me", now=200)
    assert [j.file for j in jobs] == ["s1", "r1", "r2"]
    assert all(j.state == "queued" for j in jobs)  # as read before the lease
    assert q.claim("A", 10, owner="other", now=201) == []  # leased
    assert [j.file for j in q.claim("B", 10, owner="me", now=200)] == ["b1"]
    q.close()


def test_a_lease_that_ran_out_is_claimed_again(db_url: str) -> None:
    q = ForwardQueue(db_url)
    q.enqueue([_job("x")], now=0)
    assert len(q.claim("A", 1, owner="p1", lease=60, now=10)) == 1
    assert q.claim("A", 1, owner="p2", lease=60, now=69) == []
    again = q.claim("A", 1, owner="p2", lease=60, now=71)
    assert [j.file for j in again] == ["x"]
    q.close()


def test_release_leases_puts_sending_jobs_back(db_url: str) -> None:
    q = ForwardQueue(db_url)
    q.enqueue([_job("x"), _job("y")], now=0)
    q.claim("A", 5, owner="dead-process", now=1)
    assert q.count("sending") == 2
    assert q.release_leases() == 2
    assert len(q.claim("A", 5, owner="new", now=2)) == 2
    assert q.pending("A") == 2 and q.pending("B") == 0
    q.close()


def test_finish_deletes_done_reschedules_and_dead_letters(db_url: str) -> None:
    q = ForwardQueue(db_url)
    q.enqueue([_job("f1"), _job("f2"), _job("f3"), _job("f1", dest="B")], now=0)
    a = {j.file: j for j in q.claim("A", 5, owner="me", now=1)}
    gone = q.finish([Outcome(a["f1"], "done"), Outcome(a["f2"], "retry", "busy", 50.0),
                     Outcome(a["f3"], "dead", "SOP class not supported")], now=2)
    assert gone == []  # f1 is still needed by B
    assert q.claim("A", 5, owner="me", now=49) == []
    (f2,) = q.claim("A", 5, owner="me", now=50)
    assert f2.file == "f2" and f2.attempts == 1 and f2.last_error == "busy"
    (dead,) = q.jobs_of("A", "dead")
    assert dead.file == "f3" and dead.last_error == "SOP class not supported"
    (b,) = q.claim("B", 5, owner="me", now=3)
    assert q.finish([Outcome(b, "done")]) == ["f1"]  # no job names f1 now
    status = {s.name: s for s in q.status()}
    assert status["A"].sent == 1 and status["A"].failed == 1 and status["A"].dead_lettered == 1
    assert status["A"].dead == 1 and status["A"].sending == 1 and status["B"].sent == 1
    assert status["A"].bytes == 10
    q.close()


def test_pause_resume_retry_now_and_clear(db_url: str) -> None:
    q = ForwardQueue(db_url)
    q.enqueue([_job("a"), _job("b")], now=0)
    q.set_paused("A", True)
    assert q.claim("A", 5, owner="me", now=1) == []
    assert q.status()[0].paused
    q.set_paused("A", False)
    a, b = q.claim("A", 5, owner="me", now=1)
    q.finish([Outcome(a, "retry", "later", 1000.0), Outcome(b, "dead", "no")])
    assert q.claim("A", 5, owner="me", now=2) == []
    assert q.retry_now("A", now=3) == 2
    jobs = q.claim("A", 5, owner="me", now=3)
    assert sorted(j.file for j in jobs) == ["a", "b"]
    assert {j.file: j.attempts for j in jobs} == {"a": 1, "b": 0}  # a dead letter restarts
    q.release_leases()
    assert sorted(q.clear("A")) == ["a", "b"]
    assert q.count() == 0
    q.close()


def test_queue_survives_reopening(db_url: str) -> None:
    q = ForwardQueue(db_url)
    q.enqueue([_job("keep")], now=0)
    q.close()
    q2 = ForwardQueue(db_url)
    assert [j.file for j in q2.jobs_of()] == ["keep"]
    q2.close()


def test_sqlite_queue_is_in_wal_mode(tmp_path: Path) -> None:
    q = ForwardQueue(f"sqlite:///{tmp_path / 'q.sqlite'}")
    with q.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    q.close()


def test_bad_queue_urls_are_queue_errors(tmp_path: Path) -> None:
    with pytest.raises(QueueError, match="SQLite"):
        ForwardQueue("mysql://x@y/z")
    with pytest.raises(QueueError):
        ForwardQueue("not a url")
    with pytest.raises(QueueError, match="cannot open"):
        ForwardQueue(f"sqlite:///{tmp_path / 'missing' / 'dir' / 'q.sqlite'}")


def test_spool_accepts_atomically_and_sweeps_orphans(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    src = tmp_path / "in.dcm"
    src.write_bytes(b"DICM" * 100)
    name = spool.accept_file(src)
    assert spool.path(name).read_bytes() == src.read_bytes() and src.exists()
    moved = spool.accept_file(src, move=True)
    assert not src.exists() and spool.names() == {name, moved}
    (spool.root / ".tmp-half.dcm").write_bytes(b"half")  # a crash mid-accept
    (spool.root / "queue.sqlite").write_bytes(b"the queue may live here")
    orphan = spool.accept_bytes(b"no job")
    old = 1_000_000_000
    for n in (orphan, ".tmp-half.dcm"):
        os.utime(spool.root / n, (old, old))
    removed = spool.sweep({name, moved})
    assert sorted(removed) == sorted([orphan, ".tmp-half.dcm"])
    assert spool.names() == {name, moved} and (spool.root / "queue.sqlite").exists()
    young = spool.accept_bytes(b"accept under way")
    assert spool.sweep({name, moved}) == [] and young in spool.names()


def test_spool_refuses_with_a_spool_error(tmp_path: Path) -> None:
    from dicomkit.forward import SpoolError

    spool = Spool(tmp_path / "s")
    with pytest.raises(SpoolError, match="missing.dcm"):
        spool.accept_file(tmp_path / "missing.dcm")
    assert list(spool.root.iterdir()) == []
