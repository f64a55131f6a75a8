"""Retry policies, circuit breakers and the classification of failures, for every caller that
talks to a remote AE again and again (:class:`dicomkit.net.services.client.DicomClient`, the
store-and-forward queue of :mod:`dicomkit.forward`).

* :class:`RetryPolicy`: fixed, linear, exponential, or exponential with full jitter delays
  between attempts; a maximum number of attempts and a maximum age after which a job is given up.
* :func:`classify_error` and :func:`classify_status`: whether a failure is worth retrying.
  Transient: an association rejected transiently (PS3.8 Table 9-21, result 2), a timeout, a
  lost or reset connection, an A-ABORT, a refusal "Out of resources" of the service class
  (PS3.4 Table B.2-1 A7xx and its kin in C.4-2, C.4-3, PS3.7 C.5.5) or "Resource Limitation"
  (PS3.7 C.5.22).  Permanent: every other failure status (SOP Class not supported, PS3.7 C.5.6;
  Data Set does not match SOP Class, PS3.4 B.2.3 A9xx; Cannot understand, Cxxx; ...) and an
  association rejected permanently (result 1).  The codes come from the generated tables
  (:mod:`dicomkit.generated.statuses`, :mod:`dicomkit.generated.service_statuses`).
* :class:`CircuitBreaker`: closed, open after a run of failures, half-open after a cool-down
  (one probe is let through, a C-ECHO for the callers here), closed again on success.
* :class:`Clock`: the time source of both; :class:`FakeClock` for tests.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, Literal, Protocol

import anyio

from dicomkit.errors import DicomError
from dicomkit.generated.service_statuses import SERVICE_STATUSES
from dicomkit.generated.statuses import SERVICE_CLASS_STATUSES, STATUSES
from dicomkit.net.dimse import classify_status as _status_class
from dicomkit.net.errors import (
    AssociationAborted,
    AssociationRejected,
    ConnectionClosed,
    NetworkError,
    NetworkTimeout,
)

__all__ = [
    "BACKOFFS", "CircuitBreaker", "CircuitOpen", "Clock", "FakeClock", "Failure",
    "RetryPolicy", "SystemClock", "classify_error", "classify_status",
]

Kind = Literal["transient", "permanent"]
#: The delay schedules of :class:`RetryPolicy`.
BACKOFFS: Final = ("fixed", "linear", "exponential", "full-jitter")

# -- time ------------------------------------------------------------------------------------


class Clock(Protocol):
    """A time source: ``now()`` in seconds (wall clock, so that times survive a restart) and
    ``sleep(seconds)``."""

    def now(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real time (:func:`time.time`, :func:`anyio.sleep`)."""

    def now(self) -> float:
        """Seconds since the epoch."""
        return time.time()

    async def sleep(self, seconds: float) -> None:
        """Sleep for real."""
        await anyio.sleep(max(0.0, seconds))


class FakeClock:
    """A clock that moves only when told (:meth:`advance`) or slept on: ``sleep`` advances it at
    once, so schedules can be checked without waiting; ``sleeps`` records every sleep."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.time = start
        self.sleeps: list[float] = []

    def now(self) -> float:
        """The fake time."""
        return self.time

    def advance(self, seconds: float) -> None:
        """Move the time on."""
        self.time += seconds

    async def sleep(self, seconds: float) -> None:
        """Record the sleep and advance by it (a checkpoint, so other tasks run)."""
        self.sleeps.append(seconds)
        self.time += max(0.0, seconds)
        await anyio.lowlevel.checkpoint()


# -- failures --------------------------------------------------------------------------------

def _masks(meanings: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """(mask, value) of every PS3.4 status whose meaning is one of ``meanings`` ("A7xx" ->
    0xFF00, 0xA700), and of the PS3.7 Annex C fixed codes with those names."""
    out = {(int("".join("0" if c == "x" else "F" for c in pattern), 16),
            int(pattern.replace("x", "0"), 16))
           for _label, _caption, _section, _status, meaning, pattern, _rel in SERVICE_STATUSES
           if meaning in meanings}
    out |= {(0xFFFF, code) for code, entry in STATUSES.items() if entry[0] in meanings}
    return tuple(sorted(out))


#: The status names that mean "not now": out of resources (PS3.7 C.5.5 and the service
#: classes' A7xx ranges, PS3.4 B.2-1, C.4-2, C.4-3) and resource limitation (PS3.7 C.5.22).
_TRANSIENT_NAMES: Final = frozenset({
    "Refused: Out of resources",
    "Refused: Out of resources - Unable to calculate number of matches",
    "Refused: Out of resources - Unable to perform sub-operations",
    "Resource Limitation",
})
assert "Refused: Out of resources" in SERVICE_CLASS_STATUSES, "PS3.7 C.5.5 is generated"
assert any(e[0] == "Resource Limitation" for e in STATUSES.values()), "PS3.7 C.5.22"
#: (mask, value) of the transient failure statuses.
TRANSIENT_STATUSES: Final = _masks(_TRANSIENT_NAMES)


@dataclass(frozen=True)
class Failure:
    """A classified failure: ``kind`` transient (retry later) or permanent (give up now), and
    the reason as text."""

    kind: Kind
    reason: str

    @property
    def transient(self) -> bool:
        """True when worth retrying."""
        return self.kind == "transient"


def classify_status(status: int) -> Kind | None:
    """None for a success or warning status (the peer took the request), else whether the
    failure is transient or permanent (see the module)."""
    try:
        category = _status_class(status)
    except DicomError:  # outside every class (PS3.7 Annex C): the peer's error, permanent
        return "permanent"
    if category in ("success", "warning", "pending"):
        return None
    if any(status & mask == value for mask, value in TRANSIENT_STATUSES):
        return "transient"
    return "permanent"


def classify_error(exc: BaseException) -> Failure:
    """Whether an exception of a network call is transient (see the module)."""
    text = str(exc) or type(exc).__name__
    if isinstance(exc, AssociationRejected):
        return Failure("transient" if exc.transient else "permanent", text)
    if isinstance(exc, (NetworkTimeout, ConnectionClosed, AssociationAborted, TimeoutError,
                        ConnectionError, CircuitOpen)):
        return Failure("transient", text)
    if isinstance(exc, OSError):  # refused, unreachable, reset: the peer may come back
        return Failure("transient", text)
    if isinstance(exc, NetworkError):  # protocol errors: the peer misbehaved, may recover
        return Failure("transient", text)
    # a DIMSE error (no accepted presentation context for the SOP class), a data set that
    # cannot be read or converted: sending it again would fail again
    return Failure("permanent", text)


# -- retry policy ----------------------------------------------------------------------------

@dataclass(frozen=True)
class RetryPolicy:
    """When to try again, and when to give up.

    Parameters
    ----------
    backoff
        ``"fixed"`` (``base`` every time), ``"linear"`` (``base * n``), ``"exponential"``
        (``base * factor ** (n - 1)``) or ``"full-jitter"`` (uniform in 0 .. the exponential
        delay, AWS's "full jitter"), for the delay after the ``n``-th failed attempt, at most
        ``cap`` seconds.
    max_attempts
        Attempts in all (the first one counts); 0 for no limit.
    max_age
        Seconds after the first attempt past which no new attempt is made; None for no limit.
    rng
        The random source of the jitter (seeded in tests).
    """

    backoff: str = "exponential"
    base: float = 1.0
    factor: float = 2.0
    cap: float = 300.0
    max_attempts: int = 10
    max_age: float | None = None
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.backoff not in BACKOFFS:
            raise ValueError(f"backoff must be one of {', '.join(BACKOFFS)}, not "
                             f"{self.backoff!r}")
        if self.base < 0 or self.cap < 0 or self.factor < 1 or self.max_attempts < 0:
            raise ValueError("base and cap must be >= 0, factor >= 1, max_attempts >= 0")

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1 for the first)."""
        n = max(1, attempt)
        if self.backoff == "fixed":
            return min(self.cap, self.base)
        if self.backoff == "linear":
            return min(self.cap, self.base * n)
        exp = min(self.cap, self.base * self.factor ** min(n - 1, 64))
        if self.backoff == "exponential":
            return exp
        return self.rng.uniform(0.0, exp)

    def gives_up(self, attempts: int, first_attempt: float, now: float) -> bool:
        """True when, after ``attempts`` failed attempts, the first at ``first_attempt``, no
        further attempt is to be made at ``now``."""
        if self.max_attempts and attempts >= self.max_attempts:
            return True
        return self.max_age is not None and now - first_attempt >= self.max_age

    def schedule(self, attempts: int = 0) -> list[float]:
        """The delays between all the attempts the policy allows (``attempts``, or
        ``max_attempts``, of them)."""
        count = attempts or self.max_attempts
        return [self.delay(n) for n in range(1, count)]

    @classmethod
    def from_mapping(cls, spec: dict[str, object]) -> RetryPolicy:
        """A policy from a mapping of its fields (a routing file's ``[retry]`` table).

        Raises
        ------
        ValueError
            For an unknown field or a bad value.
        """
        known = {"backoff", "base", "factor", "cap", "max_attempts", "max_age"}
        unknown = set(spec) - known
        if unknown:
            raise ValueError(f"unknown retry policy field(s): {', '.join(sorted(unknown))}")
        kwargs: dict[str, object] = {}
        for key, value in spec.items():
            if key == "backoff":
                kwargs[key] = str(value)
            elif key == "max_attempts":
                kwargs[key] = int(str(value))
            elif value is None:
                kwargs[key] = None
            else:
                kwargs[key] = float(str(value))
        return cls(**kwargs)  # type: ignore[arg-type]


# -- circuit breaker -------------------------------------------------------------------------

class CircuitOpen(NetworkError):
    """A call refused without trying: the destination's circuit breaker is open."""


State = Literal["closed", "open", "half-open"]


class CircuitBreaker:
    """A circuit breaker for one remote AE.

    ``closed``: calls go through; ``failure_threshold`` failures in a row open it.  ``open``:
    calls are refused (:class:`CircuitOpen`) for ``reset_timeout`` seconds, then it is
    ``half-open``: one probe is let through (:meth:`allow` returns True once); its success
    closes the breaker, its failure opens it again for another ``reset_timeout``.

    ``on_change`` is called with (old state, new state) on each change.
    """

    def __init__(self, failure_threshold: int = 5, reset_timeout: float = 30.0, *,
                 clock: Clock | None = None,
                 on_change: Callable[[str, str], None] | None = None) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout
        self.clock: Clock = clock or SystemClock()
        self.on_change = on_change
        self._state: State = "closed"
        self.failures = 0
        self.opened_at = 0.0
        self._probing = False
        #: (time, new state) of every change, for status displays and tests
        self.history: list[tuple[float, str]] = []

    def _set(self, state: State) -> None:
        if state != self._state:
            old, self._state = self._state, state
            self.history.append((self.clock.now(), state))
            if self.on_change is not None:
                self.on_change(old, state)

    @property
    def state(self) -> State:
        """The state now (an open breaker whose cool-down is over reads half-open)."""
        if self._state == "open" and self.clock.now() - self.opened_at >= self.reset_timeout:
            self._set("half-open")
            self._probing = False
        return self._state

    def retry_at(self) -> float:
        """When an open breaker lets a probe through (now when it is not open)."""
        if self.state == "open":
            return self.opened_at + self.reset_timeout
        return self.clock.now()

    def allow(self) -> bool:
        """Whether a call may go now: always when closed; once (the probe) when half-open."""
        state = self.state
        if state == "closed":
            return True
        if state == "half-open" and not self._probing:
            self._probing = True
            return True
        return False

    def record_success(self) -> None:
        """A call succeeded: closed, the failure count reset."""
        self.failures = 0
        self._probing = False
        self._set("closed")

    def record_failure(self) -> None:
        """A call failed (transiently: permanent failures say nothing of the AE's health)."""
        self.failures += 1
        self._probing = False
        if self._state == "half-open" or self.failures >= self.failure_threshold:
            self.opened_at = self.clock.now()
            self._set("open")

    def check(self, peer: tuple[str, int] | None = None) -> None:
        """Raise :class:`CircuitOpen` unless :meth:`allow`."""
        if not self.allow():
            raise CircuitOpen(f"circuit breaker open after {self.failures} failure(s); next "
                              f"probe in {max(0.0, self.retry_at() - self.clock.now()):.1f} s",
                              peer=peer)
