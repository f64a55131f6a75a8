"""The background audit trail: emit never blocks; every message reaches every sink, a failing
sink is retried and then the fallback takes the message; a full queue drops, counts and logs
(nothing is lost silently)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from dicomkit.audit import builders as b
from dicomkit.audit.errors import AuditTransportError
from dicomkit.audit.files import AuditFile, read_log
from dicomkit.audit.message import AuditMessage
from dicomkit.audit.trail import AuditTrail


def _msg(n: int) -> AuditMessage:
    return b.network_entry(True, b.Endpoint(f"node{n}"), source="X")


class _Flaky:
    """A sink failing its first ``failures`` writes."""

    target = "flaky://"

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.got: list[AuditMessage] = []

    def write(self, message: AuditMessage) -> None:
        if self.failures:
            self.failures -= 1
            raise AuditTransportError(self.target, "down")
        self.got.append(message)

    def close(self) -> None:
        pass


class _Blocked:
    target = "blocked://"

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.got: list[AuditMessage] = []

    def write(self, message: AuditMessage) -> None:
        self.gate.wait(10)
        self.got.append(message)

    def close(self) -> None:
        self.gate.set()


def test_every_message_reaches_every_sink_in_order(tmp_path: Path) -> None:
    a, c = _Flaky(0), AuditFile(tmp_path / "a.log", format="json")
    with AuditTrail([a, c]) as trail:
        for n in range(50):
            assert trail.emit(_msg(n))
        assert trail.flush(10)
    assert [m.participants[0].user_id for m in a.got] == [f"node{n}" for n in range(50)]
    assert [m.participants[0].user_id for m in read_log(tmp_path / "a.log", "json")] == [
        f"node{n}" for n in range(50)]
    assert trail.counts.accepted == 50 and trail.counts.delivered == {"flaky://": 50,
                                                                     str(tmp_path / "a.log"): 50}


def test_a_failing_sink_is_retried(tmp_path: Path) -> None:
    sink = _Flaky(2)
    with AuditTrail([sink], retries=3, retry_delay=0.01) as trail:
        trail.emit(_msg(1))
        trail.flush(10)
    assert len(sink.got) == 1 and trail.counts.retried == {"flaky://": 2}
    assert trail.counts.failed == {}


def test_a_sink_that_stays_down_hands_its_messages_to_the_fallback(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    down = _Flaky(10**9)
    fallback = AuditFile(tmp_path / "undelivered.log", format="json")
    with caplog.at_level(logging.ERROR, "dicomkit.audit"), \
            AuditTrail([down], retries=1, retry_delay=0.01, fallback=fallback) as trail:
        for n in range(3):
            trail.emit(_msg(n))
        trail.flush(10)
    assert trail.counts.failed == {"flaky://": 3}
    assert [m.participants[0].user_id for m in read_log(tmp_path / "undelivered.log", "json")] == [
        "node0", "node1", "node2"]
    assert sum("gave up" in r.message for r in caplog.records) == 3


def test_a_full_queue_drops_counts_and_logs_without_blocking(caplog: pytest.LogCaptureFixture) -> None:
    sink = _Blocked()
    counted: list[tuple[str, str]] = []
    trail = AuditTrail([sink], maxsize=5, on_count=lambda e, t: counted.append((e, t)))
    try:
        with caplog.at_level(logging.WARNING, "dicomkit.audit"):
            results = [trail.emit(_msg(n)) for n in range(20)]
        # one message may already be in the sink's hands, five wait in the queue
        assert results.count(True) in (5, 6) and trail.counts.dropped == results.count(False)
        assert any("audit queue full" in r.message for r in caplog.records)
        dropped_logged = [r for r in caplog.records if r.name == "dicomkit.audit.dropped"]
        assert len(dropped_logged) == trail.counts.dropped  # each dropped message, with its JSON
        assert '"UserID":"node19"' in dropped_logged[-1].getMessage()
    finally:
        sink.gate.set()
        trail.close()
    assert len(sink.got) == results.count(True)
    assert counted.count(("dropped", "")) == trail.counts.dropped


def test_emit_after_close_is_counted_as_dropped() -> None:
    trail = AuditTrail([_Flaky(0)])
    trail.close()
    assert not trail.emit(_msg(1))
    assert trail.counts.dropped == 1
