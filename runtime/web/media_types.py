"""Media types with parameters and Accept headers with q-values (RFC 7231 3.1.1.1, 5.3.1, 5.3.2).

DICOMweb negotiates representations by media type and parameters (PS3.18 8.7: ``type`` of a
multipart, ``transfer-syntax``, ``charset``) and q-values (PS3.18 8.7.8).  :func:`parse` reads
a Content-Type value (quoted strings with escapes, parameters in any case), :func:`parse_accept`
an Accept value into media ranges, best first, and :func:`negotiate` picks the best of what a
server offers.  Parameter names are compared case-insensitively, values as they are except
``type`` and ``charset`` (media types and charsets are case-insensitive, RFC 7231 3.1.1.1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from dicomkit.web.errors import MediaTypeError

__all__ = ["AcceptItem", "ContentType", "negotiate", "parse", "parse_accept"]

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
#: an unquoted parameter value: a token by RFC 7231, but servers also send media types
#: (``type=application/dicom``) and boundaries with '=' unquoted, so up to ; , or a space
_BARE_VALUE = re.compile(r'[^;,\s"]+')
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)
_WS = re.compile(r"[ \t]*")
_Q = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")
_CASELESS_PARAMS = frozenset(("type", "charset"))


@dataclass(frozen=True)
class ContentType:
    """A media type and its parameters: ``multipart/related; type="application/dicom"``.

    ``type`` and ``subtype`` are lower case; ``params`` keeps the order given, names lower
    case.  ``str()`` writes it back, quoting values that are not tokens.
    """

    type: str
    subtype: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def mime(self) -> str:
        """``"type/subtype"``."""
        return f"{self.type}/{self.subtype}"

    def param(self, name: str, default: str | None = None) -> str | None:
        """The value of parameter ``name`` (any case), or ``default``."""
        low = name.lower()
        for k, v in self.params:
            if k == low:
                return v
        return default

    def with_params(self, **params: str) -> ContentType:
        """A copy with these parameters set (``transfer_syntax=`` for ``transfer-syntax``)."""
        names = {k.replace("_", "-").lower(): v for k, v in params.items()}
        kept = tuple((k, v) for k, v in self.params if k not in names)
        return ContentType(self.type, self.subtype, kept + tuple(names.items()))

    def matches(self, other: ContentType) -> bool:
        """True when this media range (``*/*``, ``image/*`` or a type, with parameters that must
        agree) includes ``other``."""
        if self.type != "*" and self.type != other.type:
            return False
        if self.subtype != "*" and self.subtype != other.subtype:
            return False
        for k, v in self.params:
            if k == "q":
                continue
            theirs = other.param(k)
            if theirs is None or _norm(k, theirs) != _norm(k, v):
                return False
        return True

    def __str__(self) -> str:
        out = [self.mime]
        for k, v in self.params:
            out.append(f"{k}={v}" if _TOKEN.fullmatch(v) else
                       '{}="{}"'.format(k, v.replace("\\", "\\\\").replace('"', '\\"')))
        return "; ".join(out)


def _norm(name: str, value: str) -> str:
    return value.lower() if name in _CASELESS_PARAMS else value


@dataclass(frozen=True)
class AcceptItem:
    """One media range of an Accept header with its weight (RFC 7231 5.3.1)."""

    range: ContentType
    q: float = 1.0
    #: position in the header, to keep the client's order among equals
    index: int = field(default=0, compare=False)

    @property
    def specificity(self) -> int:
        """0 for ``*/*``, 1 ``type/*``, 2 a type and one more per parameter: the more specific
        range takes precedence (RFC 7231 5.3.2)."""
        r = self.range
        if r.type == "*":
            return 0
        if r.subtype == "*":
            return 1
        return 2 + sum(1 for k, _ in r.params if k != "q")


def _parse_at(text: str, pos: int) -> tuple[ContentType, int]:
    """One media type at ``pos``; returns it and the position after it (at ``,`` or end)."""
    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
    m = _TOKEN.match(text, pos)
    if m is None:
        raise MediaTypeError("expected a type", text, pos)
    typ = m.group().lower()
    pos = m.end()
    if pos >= len(text) or text[pos] != "/":
        raise MediaTypeError("expected '/' after the type", text, pos)
    m = _TOKEN.match(text, pos + 1)
    if m is None:
        raise MediaTypeError("expected a subtype", text, pos + 1)
    sub = m.group().lower()
    pos = m.end()
    params: list[tuple[str, str]] = []
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text) or text[pos] == ",":
            break
        if text[pos] != ";":
            raise MediaTypeError("expected ';' before a parameter", text, pos)
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if pos >= len(text) or text[pos] in ",;":
            continue  # an empty parameter (";;", a trailing ";"), which servers send
        m = _TOKEN.match(text, pos)
        if m is None:
            raise MediaTypeError("expected a parameter name", text, pos)
        name = m.group().lower()
        pos = _WS.match(text, m.end()).end()  # type: ignore[union-attr]
        if pos >= len(text) or text[pos] != "=":
            raise MediaTypeError(f"expected '=' after parameter {name!r}", text, pos)
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if pos < len(text) and text[pos] == '"':
            q = _QUOTED.match(text, pos)
            if q is None:
                raise MediaTypeError("unterminated quoted string", text, pos)
            value = re.sub(r"\\(.)", r"\1", q.group(1), flags=re.DOTALL)
            pos = q.end()
        else:
            m = _BARE_VALUE.match(text, pos)
            if m is None:
                raise MediaTypeError(f"expected a value of parameter {name!r}", text, pos)
            value = m.group()
            pos = m.end()
        params.append((name, value))
    return ContentType(typ, sub, tuple(params)), pos


def parse(text: str) -> ContentType:
    """A Content-Type value: ``multipart/related; type="application/dicom"; boundary=x``.

    Raises
    ------
    MediaTypeError
        For text that is not one media type (with the character position).
    """
    ct, pos = _parse_at(text, 0)
    if pos != len(text):
        raise MediaTypeError("text after the media type", text, pos)
    return ct


def parse_accept(text: str) -> list[AcceptItem]:
    """The media ranges of an Accept value, best first: by q-value, then the more specific
    (RFC 7231 5.3.2), then in the order given.  Ranges with ``q=0`` (not acceptable) are kept,
    last, so that :func:`negotiate` can refuse them.  An empty value gives ``[*/*]``.

    Raises
    ------
    MediaTypeError
        For a malformed range or q-value.
    """
    items: list[AcceptItem] = []
    pos = 0
    index = 0
    if not text.strip():
        return [AcceptItem(ContentType("*", "*"))]
    while pos < len(text):
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos < len(text) and text[pos] == ",":
            pos += 1
            continue
        if pos >= len(text):
            break
        start = pos
        ct, pos = _parse_at(text, pos)
        q = 1.0
        qtext = ct.param("q")
        if qtext is not None:
            if not _Q.match(qtext):
                raise MediaTypeError(f"q-value {qtext!r} is not 0 to 1 with up to three "
                                     "decimals (RFC 7231 5.3.1)", text, start)
            q = float(qtext)
            ct = ContentType(ct.type, ct.subtype, tuple(p for p in ct.params if p[0] != "q"))
        if ct.type == "*" and ct.subtype != "*":
            raise MediaTypeError("'*/subtype' is not a media range", text, start)
        items.append(AcceptItem(ct, q, index))
        index += 1
    return sorted(items, key=lambda i: (-i.q, -i.specificity, i.index))


def negotiate(accept: str | Iterable[AcceptItem],
              offered: Iterable[ContentType | str]) -> ContentType | None:
    """The offered media type the Accept value prefers, or None when it accepts none (a 406,
    PS3.18 8.7.8).

    Each offer gets the q-value of the most specific range including it (RFC 7231 5.3.2);
    the best offer wins, ties going to the server's order.
    """
    items = parse_accept(accept) if isinstance(accept, str) else list(accept)
    best: tuple[float, int, ContentType] | None = None
    for n, offer in enumerate(offered):
        ct = parse(offer) if isinstance(offer, str) else offer
        matching = [i for i in items if i.range.matches(ct)]
        if not matching:
            continue
        top = max(matching, key=lambda i: (i.specificity, -i.index))
        if top.q <= 0:
            continue
        if best is None or top.q > best[0]:
            best = (top.q, n, ct)
    return best[2] if best else None
