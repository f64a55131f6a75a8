"""A request rate limit per client as ASGI middleware: one token bucket per client key, HTTP 429
with ``Retry-After`` (RFC 6585 4, RFC 9110 10.2.3) when a client's bucket is empty.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

from dicomkit.web.security.asgi import ASGIApp, Receive, Scope, Send, client_address, refuse, request_url
from dicomkit.web.security.errors import RateLimitError

__all__ = ["RateLimit", "TokenBucket", "client_key"]


def client_key(scope: Scope) -> str:
    """The default key: the authenticated subject when :class:`BearerAuth` ran before, else the
    client's address."""
    state = scope.get("state") or {}
    auth = state.get("auth") if isinstance(state, dict) else None
    subject = getattr(auth, "subject", "")
    return f"sub:{subject}" if subject else f"addr:{client_address(scope)}"


class TokenBucket:
    """Buckets of ``burst`` tokens refilled at ``rate`` a second, one per key.

    At most ``max_clients`` buckets are kept; the least recently used is forgotten first (it was
    full again, or nearly).  Not thread-safe: it is used from one event loop, without awaits
    between reading and updating a bucket.
    """

    def __init__(self, rate: float, burst: float, *, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError(f"rate must be > 0 and burst >= 1 (got rate={rate}, burst={burst})")
        self.rate = rate
        self.burst = burst
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str, cost: float = 1.0) -> float:
        """Take ``cost`` tokens from ``key``'s bucket: 0.0 when taken, else the seconds to wait
        until they would be there (nothing is taken then)."""
        now = self.clock()
        tokens, last = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= cost:
            self._buckets[key] = (tokens - cost, now)
            wait = 0.0
        else:
            self._buckets[key] = (tokens, now)
            wait = (cost - tokens) / self.rate
        self._buckets.move_to_end(key)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait


class RateLimit:
    """ASGI middleware limiting each client to ``rate`` requests a second, ``burst`` at once.

    Parameters
    ----------
    app
        The application behind it.
    rate, burst
        Sustained requests per second and the bucket size.
    key
        The client key of a request (:func:`client_key` by default: the token's subject when an
        auth middleware ran first, else the address).
    exempt
        Path prefixes not counted.
    """

    def __init__(self, app: ASGIApp, *, rate: float, burst: float, key: Callable[[Scope], str] = client_key,
                 exempt: Sequence[str] = (), max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.bucket = TokenBucket(rate, burst, max_clients=max_clients, clock=clock)
        self.key = key
        self.exempt = tuple(exempt)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or any(
                str(scope.get("path", "")).startswith(p) for p in self.exempt):
            await self.app(scope, receive, send)
            return
        key = self.key(scope)
        wait = self.bucket.take(key)
        if wait > 0:
            err = RateLimitError(key, wait, method=str(scope.get("method", "GET")), url=request_url(scope))
            await refuse(scope, send, 429, str(err), [("Retry-After", str(max(1, math.ceil(wait))))])
            return
        await self.app(scope, receive, send)
