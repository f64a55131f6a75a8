"""A maximum response size as ASGI middleware.

A response that announces a ``Content-Length`` over the limit is replaced, before anything is
sent, by HTTP 413 and a message saying to ask for less.  A streamed response (no
``Content-Length``, e.g. a multipart WADO-RS retrieval) is counted as it goes; once past the limit
it is cut off: :class:`ResponseTooLargeError` is raised to the server, which closes the connection
so that the client sees an incomplete response, never a complete-looking truncated one.
"""

from __future__ import annotations

from collections.abc import Sequence

from dicomkit.web.security.asgi import ASGIApp, Message, Receive, Scope, Send, refuse, request_url
from dicomkit.web.security.errors import ResponseTooLargeError

__all__ = ["ResponseSizeLimit"]


class ResponseSizeLimit:
    """ASGI middleware refusing responses of more than ``max_bytes``.

    Parameters
    ----------
    app
        The application behind it.
    max_bytes
        The largest body allowed.
    exempt
        Path prefixes not limited (e.g. whole-study retrievals, the viewer's files).
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int, exempt: Sequence[str] = ()) -> None:
        if max_bytes < 0:
            raise ValueError(f"max_bytes must be >= 0, not {max_bytes}")
        self.app = app
        self.max_bytes = max_bytes
        self.exempt = tuple(exempt)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or any(str(scope.get("path", "")).startswith(p) for p in self.exempt):
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        method, url = str(scope.get("method", "GET")), request_url(scope)
        sent = 0
        refused = False

        async def guarded(message: Message) -> None:
            nonlocal sent, refused
            if refused:
                return  # the app goes on writing the body of a response replaced by 413
            if message["type"] == "http.response.start":
                for k, v in message.get("headers", ()):
                    if bytes(k).lower() == b"content-length" and bytes(v).strip().isdigit() \
                            and int(v) > limit:
                        refused = True
                        err = ResponseTooLargeError(int(v), limit, method=method, url=url)
                        await refuse(scope, send, 413, str(err))
                        return
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
                if sent > limit:
                    raise ResponseTooLargeError(sent, limit, method=method, url=url)
            await send(message)

        await self.app(scope, receive, guarded)
