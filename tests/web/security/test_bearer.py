"""BearerAuth in front of a small Starlette app: RFC 6750 challenges, scopes per method, the
study-level policy, tokens in the query string (HTTP and WebSocket), CORS preflight without a
token; and once through a real uvicorn with httpx."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect

from dicomkit.web.security import BearerAuth, KeySet, ScopeMap, StudyPolicy, TokenVerifier
from tests.web.security import tokens
from tests.web.uvicorn_server import serve

STUDY = "1.2.840.113619.2.55.3.604688119.971.1"


async def echo(request: Request) -> JSONResponse:
    auth = request.state.auth
    return JSONResponse({"sub": auth.subject, "query": request.url.query,
                         "scopes": sorted(auth.scopes), "path": request.url.path})


async def ws(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text(websocket.state.auth.subject)
    await websocket.close()


def app(**options: Any) -> Starlette:
    options.setdefault("verifier", TokenVerifier(KeySet.from_jwks(tokens.jwks()), issuer=tokens.ISSUER,
                                                 audience=tokens.AUDIENCE))
    routes = [Route("/dicom-web/{rest:path}", echo, methods=["GET", "POST", "DELETE", "PUT", "OPTIONS"]),
              WebSocketRoute("/ws", ws)]
    return Starlette(routes=routes, middleware=[
        Middleware(CORSMiddleware, allow_origins=["http://viewer.test"], allow_methods=["*"],
                   allow_headers=["*"]),
        Middleware(BearerAuth, **options)])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_no_token_gives_401_with_a_challenge_without_error_code() -> None:
    r = TestClient(app()).get("/dicom-web/studies")
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == 'Bearer realm="dicomkit"'  # RFC 6750 3.1
    assert "needs a bearer token" in r.text


def test_expired_token_gives_401_invalid_token_with_a_description() -> None:
    r = TestClient(app()).get("/dicom-web/studies", headers=bearer(tokens.mint(lifetime=-3600)))
    assert r.status_code == 401
    challenge = r.headers["www-authenticate"]
    assert challenge.startswith('Bearer realm="dicomkit", error="invalid_token", error_description="')
    assert "expired" in challenge and "GET /dicom-web/studies" in r.text


def test_valid_token_reaches_the_app_with_its_claims() -> None:
    r = TestClient(app()).get("/dicom-web/studies?PatientID=1", headers=bearer(tokens.mint()))
    assert r.status_code == 200
    assert r.json() == {"sub": "alice", "query": "PatientID=1", "scopes": ["dicomweb.read"],
                        "path": "/dicom-web/studies"}


@pytest.mark.parametrize("name", ["token", "access_token"])
def test_query_token_is_accepted_and_removed_before_the_app(name: str) -> None:
    r = TestClient(app()).get(f"/dicom-web/studies?limit=101&{name}={tokens.mint()}&includefield=00081030"
                              "%2C00080060&PatientName=*Doe*&tokenish=1")
    assert r.status_code == 200, r.text
    # the other parameters reach the app byte for byte
    assert r.json()["query"] == "limit=101&includefield=00081030%2C00080060&PatientName=*Doe*&tokenish=1"


def test_token_in_header_and_query_is_an_invalid_request() -> None:
    r = TestClient(app()).get(f"/dicom-web/studies?token={tokens.mint()}", headers=bearer(tokens.mint()))
    assert r.status_code == 400
    assert 'error="invalid_request"' in r.headers["www-authenticate"]


def test_query_token_refused_for_http_when_turned_off_but_not_for_websocket() -> None:
    client = TestClient(app(query_token=False))
    r = client.get(f"/dicom-web/studies?token={tokens.mint()}")
    assert r.status_code == 400 and "Authorization header" in r.text
    with client.websocket_connect(f"/ws?token={tokens.mint()}") as s:
        assert s.receive_text() == "alice"


def test_websocket_without_a_token_is_closed_with_policy_violation() -> None:
    with pytest.raises(WebSocketDisconnect) as info, TestClient(app()).websocket_connect("/ws") as s:
        s.receive_text()
    assert info.value.code == 1008


def test_other_scheme_is_an_invalid_request() -> None:
    r = TestClient(app()).get("/dicom-web/studies", headers={"Authorization": "Basic YTpi"})
    assert r.status_code == 400 and "'Basic'" in r.text


@pytest.mark.parametrize("method, path, scope", [
    ("GET", "/dicom-web/studies", "dicomweb.read"),
    ("POST", "/dicom-web/studies", "dicomweb.write"),
    ("DELETE", f"/dicom-web/studies/{STUDY}", "dicomweb.delete")])
def test_each_method_needs_its_scope(method: str, path: str, scope: str) -> None:
    client = TestClient(app())
    others = " ".join(s for s in ("dicomweb.read", "dicomweb.write", "dicomweb.delete") if s != scope)
    refused = client.request(method, path, headers=bearer(tokens.mint(others)))
    assert refused.status_code == 403
    assert 'error="insufficient_scope"' in refused.headers["www-authenticate"]
    assert f'scope="{scope}"' in refused.headers["www-authenticate"]
    assert client.request(method, path, headers=bearer(tokens.mint(scope))).status_code == 200


def test_scope_names_and_scp_claim_are_configurable() -> None:
    client = TestClient(app(scopes=ScopeMap(read="user/ImagingStudy.read", admin="pacs.admin")))
    r = client.get("/dicom-web/studies", headers=bearer(tokens.mint(None, scp=["user/ImagingStudy.read"])))
    assert r.status_code == 200
    assert client.delete("/dicom-web/studies/1.2", headers=bearer(tokens.mint("pacs.admin"))).status_code == 200
    r = client.put("/dicom-web/studies", headers=bearer(tokens.mint("user/ImagingStudy.read")))
    assert r.status_code == 403 and "dicomweb.write" in r.text


def allowed_studies(claims: Mapping[str, Any], study_uid: str) -> bool:
    return study_uid in claims.get("studies", [])


async def async_allowed(claims: Mapping[str, Any], study_uid: str) -> bool:
    return allowed_studies(claims, study_uid)


@pytest.mark.parametrize("policy", [allowed_studies, async_allowed])
def test_study_policy_decides_per_study_from_the_claims(policy: StudyPolicy) -> None:
    client = TestClient(app(policy=policy))
    token = tokens.mint(studies=[STUDY])
    ok = client.get(f"/dicom-web/studies/{STUDY}/series/1.2.3/metadata", headers=bearer(token))
    assert ok.status_code == 200
    denied = client.get("/dicom-web/studies/1.2.3.4/series", headers=bearer(token))
    assert denied.status_code == 403
    assert "does not allow 'alice'" in denied.text and "1.2.3.4" in denied.text
    # a search above the study level is not the policy's to decide (the server filters results)
    assert client.get("/dicom-web/studies", headers=bearer(token)).status_code == 200


def test_cors_preflight_passes_without_a_token_and_401s_carry_cors_headers() -> None:
    client = TestClient(app())
    pre = client.options("/dicom-web/studies", headers={
        "Origin": "http://viewer.test", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization"})
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == "http://viewer.test"
    r = client.get("/dicom-web/studies", headers={"Origin": "http://viewer.test"})
    assert r.status_code == 401 and r.headers["access-control-allow-origin"] == "http://viewer.test"
    # a plain OPTIONS (not a preflight) is an ordinary request and needs the read scope
    assert client.options("/dicom-web/studies").status_code == 401


def test_exempt_paths_need_no_token() -> None:
    seen: list[str] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        seen.append(scope["path"])
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    verifier = TokenVerifier(KeySet.from_jwks(tokens.jwks()))
    client = TestClient(BearerAuth(inner, verifier=verifier, exempt=["/viewer"]))
    assert client.get("/viewer/index.html").status_code == 204
    assert client.get("/studies").status_code == 401
    assert seen == ["/viewer/index.html"]


def test_below_a_mount_exempt_prefixes_and_scope_paths_are_within_the_mount() -> None:
    from starlette.routing import Mount

    inner = Starlette(routes=[Route("/{rest:path}", echo, methods=["GET", "POST"])])
    verifier = TokenVerifier(KeySet.from_jwks(tokens.jwks()))
    mounted = BearerAuth(inner, verifier=verifier, scopes=ScopeMap(paths={"/workitems": "write"}))
    client = TestClient(Starlette(routes=[Mount("/dicom-web", app=mounted)]))
    read_token = bearer(tokens.mint("dicomweb.read"))
    assert client.get("/dicom-web/studies", headers=read_token).status_code == 200
    r = client.get("/dicom-web/workitems", headers=read_token)
    assert r.status_code == 403 and "dicomweb.write" in r.text


def test_uvicorn_with_httpx_bearer_and_query_token() -> None:
    with serve(app()) as port:
        base = f"http://127.0.0.1:{port}/dicom-web/studies"
        assert httpx.get(base).status_code == 401
        r = httpx.get(base, headers=bearer(tokens.mint(sub="carol")))
        assert r.status_code == 200 and r.json()["sub"] == "carol"
        r = httpx.get(base, params={"token": tokens.mint(), "limit": "5"})
        assert r.status_code == 200 and r.json()["query"] == "limit=5"


def _call(mw: BearerAuth, headers: list[tuple[bytes, bytes]], query: bytes) -> int:
    import anyio

    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": f"/studies/{STUDY}/series", "headers": headers,
             "query_string": query}
    anyio.run(mw, scope, receive, send)
    return int(sent[0]["status"])


async def _ok(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b""})


FUZZ_MW = BearerAuth(_ok, verifier=TokenVerifier(KeySet.from_jwks(tokens.jwks()), issuer=tokens.ISSUER,
                                                 audience=tokens.AUDIENCE),
                     policy=lambda claims, uid: True)
GOOD = tokens.mint(lifetime=3600)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=200), st.builds(lambda s: b"Bearer " + s, st.binary(max_size=200)),
                 st.builds(lambda i: b"Bearer " + GOOD.encode()[:i], st.integers(0, len(GOOD)))),
       st.binary(max_size=200))
def test_random_authorization_headers_and_query_strings_get_a_4xx_or_pass(header: bytes, query: bytes) -> None:
    status = _call(FUZZ_MW, [(b"authorization", header)], query)
    assert status in (200, 400, 401, 403)
    assert status != 200 or GOOD.encode() in header  # only the real token gets through
