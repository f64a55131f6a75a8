"""Delivery limits of a destination: a bandwidth limit (token bucket, bytes per second) and
time windows (``"20:00-06:00"``: only at night)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dicomkit.net.resilience import Clock, SystemClock

__all__ = ["TimeWindow", "TokenBucket"]


class TokenBucket:
    """``rate`` bytes per second with bursts up to ``burst`` bytes (default one second's
    worth).  :meth:`take` waits until the bytes are available; a request larger than the
    bucket waits for the bucket to be full and takes it into debt, so big files pass at the
    average rate."""

    def __init__(self, rate: float, burst: float | None = None, *,
                 clock: Clock | None = None) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive (bytes per second)")
        self.rate = float(rate)
        self.burst = float(burst if burst is not None else rate)
        self.clock: Clock = clock or SystemClock()
        self.tokens = self.burst
        self.stamp = self.clock.now()

    def _refill(self) -> None:
        now = self.clock.now()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now

    def wait_for(self, size: int) -> float:
        """Seconds until ``size`` bytes may go (0 when they may now)."""
        self._refill()
        need = min(float(size), self.burst)
        return 0.0 if self.tokens >= need else (need - self.tokens) / self.rate

    async def take(self, size: int) -> None:
        """Wait until ``size`` bytes may be sent, then spend them."""
        while True:
            delay = self.wait_for(size)
            if delay <= 0:
                break
            await self.clock.sleep(delay)
        self.tokens -= size  # may go below zero for a file larger than the bucket


@dataclass(frozen=True)
class TimeWindow:
    """Local times of day between which deliveries may run; ``start > end`` crosses
    midnight (``20:00-06:00``)."""

    start: dt.time
    end: dt.time

    @classmethod
    def parse(cls, text: str) -> TimeWindow:
        """``"HH:MM-HH:MM"``.

        Raises
        ------
        ValueError
            When it is not of that form.
        """
        try:
            a, b = text.split("-")
            return cls(dt.time.fromisoformat(a.strip()), dt.time.fromisoformat(b.strip()))
        except ValueError:
            raise ValueError(f"a time window is HH:MM-HH:MM (e.g. 20:00-06:00), not "
                             f"{text!r}") from None

    def contains(self, moment: dt.time) -> bool:
        """Whether ``moment`` is inside."""
        if self.start == self.end:
            return True
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def opens_in(self, when: dt.datetime) -> float:
        """Seconds from ``when`` until the window is open (0 when it is)."""
        if self.contains(when.time()):
            return 0.0
        start = when.replace(hour=self.start.hour, minute=self.start.minute,
                             second=self.start.second, microsecond=0)
        if start <= when:
            start += dt.timedelta(days=1)
        return (start - when).total_seconds()

    def __str__(self) -> str:
        return f"{self.start.strftime('%H:%M')}-{self.end.strftime('%H:%M')}"


def closed_for(windows: tuple[TimeWindow, ...], clock: Clock | None = None) -> float:
    """Seconds until one of ``windows`` is open (0 when one is, or when there are none)."""
    if not windows:
        return 0.0
    now = dt.datetime.fromtimestamp((clock or SystemClock()).now())
    return min(w.opens_in(now) for w in windows)
