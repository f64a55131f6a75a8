"""The public base URL of the server, for Retrieve URLs (0008,1190) and BulkDataURIs, which
PS3.18 wants absolute (F.2.6, 10.6.3.3): the configured one, else what a proxy says in
``Forwarded`` (RFC 7239) or ``X-Forwarded-Proto`` / ``-Host`` / ``-Prefix``, else the request's
own scheme, Host and root path."""

from __future__ import annotations

import re

from starlette.requests import Request

__all__ = ["base_url", "instance_url", "series_url", "study_url"]

_PAIR = re.compile(r'\s*([A-Za-z]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;,]*)')
_HOST = re.compile(r"^[A-Za-z0-9.\-:\[\]]+$")
_PROTO = frozenset(("http", "https"))
#: path segments of RFC 3986 3.3 (pchar), no dot segments
_PREFIX = re.compile(r"^(/[A-Za-z0-9_~!$&'()*+,;=:@%-][A-Za-z0-9._~!$&'()*+,;=:@%-]*)+/?$")


def _forwarded(value: str) -> dict[str, str]:
    """The first element of a Forwarded value (the proxy nearest the client)."""
    first = value.split(",", 1)[0]
    out: dict[str, str] = {}
    for part in first.split(";"):
        m = _PAIR.match(part)
        if m:
            v = m.group(2).strip()
            if v.startswith('"') and v.endswith('"') and len(v) >= 2:
                v = v[1:-1]
            out[m.group(1).lower()] = v
    return out


def base_url(request: Request, public_url: str | None) -> str:
    """The base URL (no trailing ``/``) clients reach the server at (see the module).  Host
    and scheme values that are not a host name or ``http``/``https`` are ignored (a Host that is
    not one gives the address the request came to)."""
    if public_url:
        return public_url.rstrip("/")
    h = request.headers
    scheme = request.url.scheme
    host = h.get("host", "")
    if not _HOST.match(host):  # absent, or not a host name: the address the request came to
        server = request.scope.get("server") or ("localhost", None)
        host = server[0] if server[1] is None else f"{server[0]}:{server[1]}"
    prefix = request.scope.get("root_path", "")
    fwd = h.get("forwarded")
    if fwd:
        f = _forwarded(fwd)
        if f.get("proto", "").lower() in _PROTO:
            scheme = f["proto"].lower()
        if f.get("host") and _HOST.match(f["host"]):
            host = f["host"]
    else:
        proto = h.get("x-forwarded-proto", "").split(",")[0].strip().lower()
        if proto in _PROTO:
            scheme = proto
        xhost = h.get("x-forwarded-host", "").split(",")[0].strip()
        if xhost and _HOST.match(xhost):
            host = xhost
    xprefix = h.get("x-forwarded-prefix", "").split(",")[0].strip()
    if _PREFIX.match(xprefix):
        prefix = xprefix.rstrip("/") + prefix
    return f"{scheme}://{host}{prefix}".rstrip("/")


def study_url(base: str, study: str) -> str:
    """``{base}/studies/{study}``."""
    return f"{base}/studies/{study}"


def series_url(base: str, study: str, series: str) -> str:
    """``{base}/studies/{study}/series/{series}``."""
    return f"{base}/studies/{study}/series/{series}"


def instance_url(base: str, study: str, series: str, instance: str) -> str:
    """``{base}/studies/{study}/series/{series}/instances/{instance}``."""
    return f"{base}/studies/{study}/series/{series}/instances/{instance}"
