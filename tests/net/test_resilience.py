"""Retry policies, the circuit breaker and the failure classification (dicomkit.net.resilience),
on a fake clock."""

from __future__ import annotations

import random

import anyio
import pytest

from dicomkit.generated.service_statuses import status_code
from dicomkit.net.errors import (
    AssociationAborted,
    AssociationRejected,
    ConnectionClosed,
    NetworkTimeout,
)
from dicomkit.net.resilience import (
    CircuitBreaker,
    CircuitOpen,
    FakeClock,
    RetryPolicy,
    classify_error,
    classify_status,
)


def test_fixed_linear_exponential_schedules_follow_their_formula() -> None:
    assert RetryPolicy("fixed", base=5, max_attempts=4).schedule() == [5, 5, 5]
    assert RetryPolicy("linear", base=2, max_attempts=5).schedule() == [2, 4, 6, 8]
    assert RetryPolicy("exponential", base=1, factor=2, max_attempts=6).schedule() == \
        [1, 2, 4, 8, 16]
    assert RetryPolicy("exponential", base=1, cap=5, max_attempts=6).schedule() == \
        [1, 2, 4, 5, 5]


def test_full_jitter_stays_between_zero_and_the_exponential_delay() -> None:
    policy = RetryPolicy("full-jitter", base=1, cap=100, max_attempts=0, rng=random.Random(7))
    for attempt in range(1, 12):
        for _ in range(20):
            d = policy.delay(attempt)
            assert 0 <= d <= min(100, 2 ** (attempt - 1))
    # jittered: not all the same
    assert len({round(policy.delay(6), 6) for _ in range(20)}) > 10


def test_policy_gives_up_at_max_attempts_and_max_age() -> None:
    p = RetryPolicy(max_attempts=3)
    assert not p.gives_up(2, 0, 10)
    assert p.gives_up(3, 0, 10)
    aged = RetryPolicy(max_attempts=0, max_age=60)
    assert not aged.gives_up(100, 0, 59.9)
    assert aged.gives_up(1, 0, 60)


@pytest.mark.parametrize("bad", [{"backoff": "random"}, {"base": -1}, {"factor": 0.5},
                                 {"max_attempts": -1}])
def test_bad_policies_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**bad)  # type: ignore[arg-type]


def test_policy_from_mapping_refuses_unknown_fields() -> None:
    assert RetryPolicy.from_mapping({"backoff": "linear", "base": 3, "max_attempts": 2}) == \
        RetryPolicy("linear", base=3.0, max_attempts=2)
    with pytest.raises(ValueError, match="unknown"):
        RetryPolicy.from_mapping({"bse": 1})


def test_statuses_are_classified_from_the_generated_tables() -> None:
    out_of_resources = status_code("B.2-1", "Refused: Out of resources")
    assert classify_status(out_of_resources) == "transient"
    assert classify_status(out_of_resources | 0x0042) == "transient"  # A7xx is a range
    assert classify_status(0xA701) == "transient"  # C-MOVE's unable to calculate (C.4-2)
    assert classify_status(status_code("B.2-1", "Error: Data Set does not match SOP Class")) \
        == "permanent"
    assert classify_status(status_code("B.2-1", "Error: Cannot understand")) == "permanent"
    assert classify_status(0x0122) == "permanent"  # SOP Class not supported (PS3.7 C.5.6)
    assert classify_status(0x0213) == "transient"  # Resource Limitation (PS3.7 C.5.22)
    assert classify_status(0x0000) is None
    assert classify_status(0xB000) is None  # warning: stored
    assert classify_status(0x7777) == "permanent"  # in no class (PS3.7 Annex C)


def test_network_errors_are_classified() -> None:
    assert classify_error(AssociationRejected(2, 1, 2)).transient  # rejected-transient
    assert not classify_error(AssociationRejected(1, 1, 3)).transient  # rejected-permanent
    assert classify_error(NetworkTimeout("x")).transient
    assert classify_error(ConnectionClosed("x")).transient
    assert classify_error(AssociationAborted(2, 0)).transient
    assert classify_error(ConnectionResetError()).transient
    assert classify_error(ConnectionRefusedError()).transient
    assert not classify_error(ValueError("bad")).transient


def test_breaker_opens_after_threshold_goes_half_open_and_closes_on_probe() -> None:
    clock = FakeClock()
    changes: list[tuple[str, str]] = []
    b = CircuitBreaker(3, 30, clock=clock, on_change=lambda a, c: changes.append((a, c)))
    for _ in range(2):
        b.record_failure()
        assert b.state == "closed" and b.allow()
    b.record_failure()
    assert b.state == "open" and not b.allow()
    with pytest.raises(CircuitOpen):
        b.check()
    assert b.retry_at() == clock.now() + 30
    clock.advance(29.9)
    assert b.state == "open"
    clock.advance(0.2)
    assert b.state == "half-open"
    assert b.allow()  # the probe
    assert not b.allow()  # only one
    b.record_failure()  # the probe failed: open again for another cool-down
    assert b.state == "open"
    clock.advance(30)
    assert b.allow()
    b.record_success()
    assert b.state == "closed" and b.failures == 0
    assert changes == [("closed", "open"), ("open", "half-open"), ("half-open", "open"),
                       ("open", "half-open"), ("half-open", "closed")]


def test_a_success_resets_the_run_of_failures() -> None:
    b = CircuitBreaker(2, 1, clock=FakeClock())
    b.record_failure()
    b.record_success()
    b.record_failure()
    assert b.state == "closed"


def test_fake_clock_sleep_advances_without_waiting() -> None:
    clock = FakeClock(100)

    async def main() -> None:
        with anyio.fail_after(5):
            await clock.sleep(3600)

    anyio.run(main)
    assert clock.now() == 3700 and clock.sleeps == [3600]
