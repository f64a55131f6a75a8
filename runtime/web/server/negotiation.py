"""Content negotiation of the server (PS3.18 8.7): the ``accept`` query parameter over the
Accept header field, q-values, quoted and unquoted parameters, several header fields merged.

* :func:`accept_text` - what the request accepts (8.7.1: the ``accept`` query parameter, when
  given, replaces the Accept header field; several fields are one list, RFC 7230 3.2.2);
* :func:`choose` - the best of single-part media types offered (406 when none fits, 8.7.8);
* :func:`choose_multipart` - the best ``multipart/related`` part type and transfer syntax
  (8.7.3.5: ``transfer-syntax=*`` asks for the stored one, no parameter for the default).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from starlette.requests import Request

from dicomkit.web import media_types
from dicomkit.web.errors import MediaTypeError
from dicomkit.web.media_types import AcceptItem, ContentType
from dicomkit.web.server.errors import HttpError

__all__ = ["accept_items", "accept_text", "choose", "choose_multipart"]

#: ``can(part_type, transfer_syntax_param) -> transfer syntax UID or None``
SyntaxChooser = Callable[[str, "str | None"], "str | None"]


def accept_text(request: Request) -> str:
    """The Accept value of ``request``: its ``accept`` query parameters (comma-joined) if any
    (PS3.18 8.3.3.1), else its Accept header fields merged, else ``*/*``."""
    given = request.query_params.getlist("accept")
    if given:
        return ", ".join(given)
    fields = request.headers.getlist("accept")
    return ", ".join(fields) if fields else "*/*"


def accept_items(request: Request) -> list[AcceptItem]:
    """The parsed media ranges of :func:`accept_text`, best first.

    Raises
    ------
    HttpError
        400 for an Accept value that is not a list of media ranges.
    """
    text = accept_text(request)
    try:
        return media_types.parse_accept(text)
    except MediaTypeError as exc:
        raise HttpError(400, f"the Accept value is malformed: {exc}", url=request.url.path) from None


def _refused(request: Request, offers: Sequence[str]) -> HttpError:
    return HttpError(406, f"none of the accepted media types ({accept_text(request)!r}) can "
                     f"be sent for this resource; it offers {', '.join(offers)} (PS3.18 8.7.8)",
                     url=request.url.path)


def choose(request: Request, offers: Sequence[str]) -> str:
    """The offered media type the request prefers (the server's order breaks ties).

    Raises
    ------
    HttpError
        406 when it accepts none of them, 400 for a malformed Accept value.
    """
    items = accept_items(request)
    chosen = media_types.negotiate(items, offers)
    if chosen is None:
        raise _refused(request, offers)
    return chosen.mime


def _covers(rng: ContentType, mime: str) -> bool:
    t, _, s = mime.partition("/")
    return (rng.type in ("*", t)) and (rng.subtype in ("*", s))


def choose_multipart(request: Request, part_types: Sequence[str],
                     can: SyntaxChooser) -> tuple[str, str]:
    """The part media type and transfer syntax of a ``multipart/related`` answer.

    Each accepted range, best first, is tried: ``multipart/related`` with a ``type`` among
    ``part_types`` (no ``type``: the first, the resource's default; PS3.18 8.7.3.5), ``*/*`` or
    ``multipart/*`` (the default); its ``transfer-syntax`` parameter (absent, ``*`` or a UID)
    is passed to ``can``, which gives the syntax to send or None when it cannot.

    Raises
    ------
    HttpError
        406 when no range can be answered.
    """
    items = accept_items(request)
    offers = [f'multipart/related; type="{t}"' for t in part_types]
    for item in items:
        if item.q <= 0:
            continue
        rng = item.range
        if not _covers(rng, "multipart/related"):
            continue
        wanted = rng.param("type")
        if rng.type == "*" or rng.subtype == "*" or wanted is None:
            candidates = list(part_types[:1]) if wanted is None else []
        else:
            candidates = []
        if wanted is not None:
            try:
                want = media_types.parse(wanted)
            except MediaTypeError:
                continue
            candidates = [t for t in part_types if _covers(want, t)]
        for part in candidates:
            ts = can(part, rng.param("transfer-syntax"))
            if ts is not None:
                return part, ts
    raise _refused(request, offers)
