"""RateLimit: a token bucket per client key, 429 with Retry-After (RFC 6585 4)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from dicomkit.web.security import RateLimit, TokenBucket
from tests.web.uvicorn_server import serve


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_a_burst_then_refills_at_the_rate() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=2.0, burst=3, clock=clock)
    assert [bucket.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take("a") == pytest.approx(0.5)
    assert bucket.take("b") == 0.0  # another client has its own bucket
    clock.now += 0.5
    assert bucket.take("a") == 0.0
    clock.now += 100
    assert [bucket.take("a") for _ in range(4)][-1] > 0  # refilled only up to the burst


def test_bucket_forgets_the_least_recently_used_clients() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=1.0, burst=1, max_clients=2, clock=clock)
    for key in ("a", "b", "c"):
        assert bucket.take(key) == 0.0
    assert bucket.take("a") == 0.0  # forgotten, so a full bucket again
    assert bucket.take("c") > 0


@pytest.mark.parametrize("rate, burst", [(0, 1), (1, 0.5)])
def test_bad_settings_are_refused(rate: float, burst: float) -> None:
    with pytest.raises(ValueError):
        TokenBucket(rate, burst)


async def hello(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


def app(clock: Any, **options: Any) -> Starlette:
    return Starlette(routes=[Route("/{p:path}", hello)],
                     middleware=[Middleware(RateLimit, rate=1.0, burst=2, clock=clock, **options)])


def test_over_the_limit_gives_429_with_retry_after() -> None:
    clock = Clock()
    client = TestClient(app(clock))
    assert [client.get("/studies").status_code for _ in range(2)] == [200, 200]
    r = client.get("/studies")
    assert r.status_code == 429 and r.headers["retry-after"] == "1"
    assert "too many requests from addr:testclient" in r.text
    clock.now += 1.0
    assert client.get("/studies").status_code == 200


def test_exempt_paths_and_custom_keys() -> None:
    clock = Clock()
    client = TestClient(app(clock, exempt=["/viewer"], key=lambda s: dict(s["headers"]).get(b"x-key", b"").decode()))
    assert all(client.get("/viewer/a.js").status_code == 200 for _ in range(5))
    assert [client.get("/s", headers={"x-key": "1"}).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/s", headers={"x-key": "2"}).status_code == 200


def test_uvicorn_client_over_the_limit() -> None:
    clock = Clock()
    with serve(app(clock)) as port, httpx.Client(base_url=f"http://127.0.0.1:{port}") as c:
        codes = [c.get("/studies").status_code for _ in range(4)]
        assert codes == [200, 200, 429, 429]
