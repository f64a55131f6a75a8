"""Bearer-token authentication and authorization for DICOMweb as ASGI middleware (RFC 6750).

The token comes from the ``Authorization: Bearer`` header (RFC 6750 2.1) or, where allowed, from
the ``access_token`` (RFC 6750 2.3) or ``token`` query parameter (a WebSocket cannot send headers
from a browser; the OHIF viewer's ``?token=`` link).  The query parameter is removed before the
request goes on, so that the application (a QIDO-RS search) never sees it as a query key.

Each request then needs the scope its method maps to (:class:`ScopeMap`), and, when its path
names a study, the approval of the access policy, a callable given the token's claims and the
Study Instance UID.  CORS preflight requests (``OPTIONS`` with ``Access-Control-Request-Method``)
pass without a token: a browser never sends credentials with them (Fetch standard, CORS-preflight
fetch), so the CORS middleware in front must be able to answer them.

Refusals follow RFC 6750 3: 401 with ``WWW-Authenticate: Bearer realm=..., error="invalid_token",
error_description=...``; 400 ``invalid_request`` for a token sent twice; 403
``insufficient_scope`` with the scope needed.  The verified claims are put in the ASGI scope's
``state`` as ``state["auth"]`` (:class:`AuthContext`; Starlette's ``request.state.auth``).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_plus

from dicomkit.web.security.asgi import ASGIApp, Receive, Scope, Send, header, refuse, request_url
from dicomkit.web.security.errors import AuthenticationError, InsufficientScopeError, StudyAccessDeniedError
from dicomkit.web.security.peer import PeerCertificate, peer_certificate
from dicomkit.web.security.scopes import ScopeMap, study_uid_from_path
from dicomkit.web.security.tokens import TokenVerifier, token_scopes

__all__ = ["AuthContext", "BearerAuth", "StudyPolicy"]

#: ``policy(claims, study_uid)`` -> whether the token's holder may make this request on the study;
#: may be async.  A policy with a ``peer`` keyword parameter is also given the client's
#: certificate of mutual TLS (:class:`~dicomkit.web.security.peer.PeerCertificate`, or None).
StudyPolicy = Callable[[Mapping[str, Any], str], "bool | Awaitable[bool]"]

_QUERY_NAMES = ("access_token", "token")
_DEFAULT_SCOPES = ScopeMap()


@dataclass(frozen=True)
class AuthContext:
    """What the application learns about the caller.

    Attributes
    ----------
    claims
        The verified token's claims.
    scopes
        The scopes it grants.
    subject
        Its ``sub`` claim, ``""`` when absent.
    token
        The token itself (to pass on to another service).
    peer
        The client certificate of a mutual TLS connection, when the server gives it
        (:func:`~dicomkit.web.security.peer.peer_certificate`).
    """

    claims: Mapping[str, Any]
    scopes: frozenset[str]
    subject: str
    token: str
    peer: PeerCertificate | None = None


def _takes_peer(policy: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(policy).parameters
    except (TypeError, ValueError):  # a builtin or C callable: the two-argument form
        return False
    p = params.get("peer")
    return p is not None and p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD) or any(
        q.kind is q.VAR_KEYWORD for q in params.values())


def _quote(text: str) -> str:
    # RFC 6750 3: error_description is %x20-21 / %x23-5B / %x5D-7E (no quote, no backslash)
    return "".join(c if 0x20 <= ord(c) <= 0x7E and c not in '"\\' else "'" if c == '"' else "?"
                   for c in text)


class BearerAuth:
    """ASGI middleware that lets through only requests with a valid bearer token.

    Parameters
    ----------
    app
        The application behind it (e.g. the DICOMweb server).
    verifier
        Checks tokens (:class:`TokenVerifier`).
    scopes
        Scope needed per method and path; ``None`` checks no scope (any valid token will do).
    policy
        Study-level access rule, called for requests whose path names a study; ``None`` allows
        every study.  ``policy(claims, study_uid)``, or ``policy(claims, study_uid, peer=...)``
        when it takes ``peer``: the client certificate of mutual TLS or None.
    query_token
        Accept the token in the ``access_token`` / ``token`` query parameter on HTTP requests
        (WebSocket connections always accept it).
    exempt
        Path prefixes (below the mount) that need no token, e.g. the viewer's static files.
    realm
        The ``realm`` of the ``WWW-Authenticate`` challenge.
    """

    def __init__(self, app: ASGIApp, *, verifier: TokenVerifier, scopes: ScopeMap | None = _DEFAULT_SCOPES,
                 policy: StudyPolicy | None = None, query_token: bool = True,
                 exempt: Sequence[str] = (), realm: str = "dicomkit") -> None:
        self.app = app
        self.verifier = verifier
        self.scopes = scopes
        self.policy = policy
        self._policy_takes_peer = policy is not None and _takes_peer(policy)
        self.query_token = query_token
        self.exempt = tuple(exempt)
        self.realm = realm

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        method = str(scope.get("method", "GET")) if scope["type"] == "http" else "GET"
        path = str(scope.get("path", ""))
        root = str(scope.get("root_path", ""))
        if root and path.startswith(root):  # below a Starlette Mount: the path within it
            path = path[len(root):]
        if method == "OPTIONS" and header(scope, b"access-control-request-method") is not None:
            await self.app(scope, receive, send)  # CORS preflight: never carries credentials
            return
        if any(path.startswith(p) for p in self.exempt):
            await self.app(scope, receive, send)
            return
        scope, token_from_query = self._strip_query_token(scope)
        url = request_url(scope)
        try:
            context = await self._authorize(scope, method, path, token_from_query, url)
        except AuthenticationError as exc:
            challenge = f'Bearer realm="{_quote(self.realm)}"'
            if exc.error:
                challenge += f', error="{exc.error}", error_description="{_quote(exc.reason)}"'
            await refuse(scope, send, exc.status, str(exc), [("WWW-Authenticate", challenge)])
            return
        except InsufficientScopeError as exc:
            challenge = (f'Bearer realm="{_quote(self.realm)}", error="insufficient_scope", '
                         f'error_description="{_quote(exc.reason)}", scope="{_quote(exc.scope)}"')
            await refuse(scope, send, 403, str(exc), [("WWW-Authenticate", challenge)])
            return
        except StudyAccessDeniedError as exc:
            await refuse(scope, send, 403, str(exc))
            return
        state = scope.get("state")
        if state is None:
            state = scope["state"] = {}
        state["auth"] = context
        await self.app(scope, receive, send)

    def _strip_query_token(self, scope: Scope) -> tuple[Scope, list[str]]:
        qs = bytes(scope.get("query_string", b""))
        if not any(n.encode() + b"=" in qs for n in _QUERY_NAMES):
            return scope, []
        kept: list[bytes] = []
        tokens: list[str] = []
        for part in qs.split(b"&"):
            name, eq, value = part.partition(b"=")
            if eq and unquote_plus(name.decode("latin-1")) in _QUERY_NAMES:
                tokens.append(unquote_plus(value.decode("latin-1")))
            else:
                kept.append(part)  # the other parameters byte for byte, as the client wrote them
        if not tokens:
            return scope, []
        scope = dict(scope)
        scope["query_string"] = b"&".join(kept)
        return scope, tokens

    async def _authorize(self, scope: Scope, method: str, path: str, from_query: list[str],
                         url: str) -> AuthContext:
        authorization = header(scope, b"authorization")
        allow_query = self.query_token or scope["type"] == "websocket"
        if from_query and not allow_query:
            raise AuthenticationError("a token in the query string is not accepted here; send it in "
                                      "the Authorization header", error="invalid_request",
                                      method=method, url=url)
        if from_query and authorization is not None or len(from_query) > 1:
            raise AuthenticationError("the token was sent in more than one way (RFC 6750 2)",
                                      error="invalid_request", method=method, url=url)
        if authorization is not None:
            kind, _, token = authorization.strip().partition(" ")
            if kind.lower() != "bearer":
                raise AuthenticationError(f"the Authorization scheme is {kind!r}; send "
                                          "'Authorization: Bearer TOKEN'", error="invalid_request",
                                          method=method, url=url)
            token = token.strip()
            if not token:
                raise AuthenticationError("the Authorization header has no token",
                                          error="invalid_request", method=method, url=url)
        elif from_query:
            token = from_query[0]
        else:
            raise AuthenticationError("this request needs a bearer token (Authorization: Bearer "
                                      "TOKEN)", error="", method=method, url=url)
        try:
            claims = self.verifier.verify(token)
        except AuthenticationError as exc:
            raise AuthenticationError(exc.reason, method=method, url=url) from exc
        granted = token_scopes(claims)
        if self.scopes is not None:
            ok, needed = self.scopes.allows(granted, method, path)
            if not ok:
                raise InsufficientScopeError(needed, granted, method=method, url=url)
        subject = str(claims.get("sub", ""))
        study = study_uid_from_path(path)
        peer = peer_certificate(scope)
        if self.policy is not None and study is not None:
            verdict = (self.policy(claims, study, peer=peer)  # type: ignore[call-arg]
                       if self._policy_takes_peer else self.policy(claims, study))
            if inspect.isawaitable(verdict):
                verdict = await verdict
            if verdict is not True:
                raise StudyAccessDeniedError(study, subject, method=method, url=url)
        return AuthContext(claims=claims, scopes=granted, subject=subject, token=token, peer=peer)
