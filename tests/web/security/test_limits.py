"""ResponseSizeLimit: 413 for an announced size over the limit, a cut-off connection for a
streamed body that outgrows it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from dicomkit.web.security import ResponseSizeLimit, ResponseTooLargeError
from tests.web.uvicorn_server import serve


async def sized(request: Request) -> Response:
    return Response(b"x" * int(request.query_params["n"]))


async def streamed(request: Request) -> StreamingResponse:
    async def body() -> AsyncIterator[bytes]:
        for _ in range(int(request.query_params["parts"])):
            yield b"y" * 100
    return StreamingResponse(body())


def app() -> Starlette:
    return Starlette(routes=[Route("/sized", sized), Route("/streamed", streamed),
                             Route("/free/sized", sized)],
                     middleware=[Middleware(ResponseSizeLimit, max_bytes=1000, exempt=["/free"])])


def test_announced_size_over_the_limit_gives_413_before_any_body() -> None:
    client = TestClient(app())
    assert client.get("/sized?n=1000").status_code == 200
    r = client.get("/sized?n=1001")
    assert r.status_code == 413
    assert "1001 bytes" in r.text and "limit of 1000" in r.text and "narrower query" in r.text
    assert client.get("/free/sized?n=5000").status_code == 200


def test_streamed_body_over_the_limit_raises_to_the_server() -> None:
    client = TestClient(app())
    assert len(client.get("/streamed?parts=10").content) == 1000
    with pytest.raises(ResponseTooLargeError) as info:
        client.get("/streamed?parts=11")
    assert info.value.limit == 1000 and info.value.size == 1100


def test_uvicorn_cuts_the_streamed_response_off() -> None:
    with serve(app()) as port:
        with pytest.raises(httpx.HTTPError):  # the chunked body never ends properly
            httpx.get(f"http://127.0.0.1:{port}/streamed?parts=50")
        assert httpx.get(f"http://127.0.0.1:{port}/sized?n=2000").status_code == 413
