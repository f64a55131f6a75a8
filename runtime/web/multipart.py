"""multipart/related bodies (RFC 2046 5.1, RFC 2387; PS3.18 8.6), read and written streaming.

DICOMweb sends instances, bulk data and frames as the parts of a ``multipart/related`` body
(PS3.18 8.6.1, 8.7).  Neither direction holds a whole body: :func:`iter_multipart` /
:func:`aiter_multipart` yield the body in chunks from parts whose bodies are bytes or (async)
iterables of bytes, and :func:`iter_parts` / :func:`aiter_parts` yield the parts of a body
arriving in chunks, each part's body itself a stream of chunks (read one part's body before
asking for the next; what is left of it is skipped).  Under them is
:class:`MultipartParser`, a push parser fed bytes of any size that finds delimiters with
``bytes.find`` and passes body bytes through as soon as they cannot be the start of a
delimiter.

What RFC 2046 allows is accepted: a boundary of 1 to 70 characters of its set, quoted or not in
the Content-Type (with ``=``, spaces, ...), a preamble and an epilogue, transport padding after
a delimiter, header names in any case and folded header lines; a part whose Content-Type is
multipart is read by calling :func:`iter_parts` on its body (nested multiparts).  A body that
ends before its close delimiter, or has no delimiter at all, raises :class:`MultipartError`
with the byte offset.  The choice of this parser over python-multipart is measured in
``bench/bench_web_models.py`` (see bench/README.md).
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from dicomkit.web import media_types
from dicomkit.web.errors import MediaTypeError, MultipartError

__all__ = ["BodyPart", "AsyncBodyPart", "Headers", "MultipartParser", "Part", "PartData",
           "PartEnd", "PartStart", "aiter_multipart", "aiter_parts", "boundary_of",
           "content_type", "file_body", "iter_multipart", "iter_parts", "make_boundary", "read_parts"]

#: The characters RFC 2046 5.1.1 allows in a boundary (bchars, and space but not last).
_BCHARS = re.compile(r"^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$")
_MAX_HEADER_BLOCK = 64 * 1024
#: What readers are fed: any bytes-like chunk.
Chunk = bytes | bytearray | memoryview
_CRLF = b"\r\n"


class Headers:
    """The header fields of a part: names compared case-insensitively (RFC 5322, 2045).

    ``headers["content-type"]``, ``headers.get("Content-Location")``; :attr:`items` keeps them
    as sent.
    """

    __slots__ = ("items", "_index")

    def __init__(self, items: Sequence[tuple[str, str]] = ()) -> None:
        self.items: tuple[tuple[str, str], ...] = tuple(items)
        self._index: dict[str, str] = {}
        for k, v in self.items:
            self._index.setdefault(k.lower(), v)

    def get(self, name: str, default: str | None = None) -> str | None:
        """The first value of header ``name`` (any case), or ``default``."""
        return self._index.get(name.lower(), default)

    def __getitem__(self, name: str) -> str:
        try:
            return self._index[name.lower()]
        except KeyError:
            raise KeyError(name) from None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._index

    def __len__(self) -> int:
        return len(self.items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Headers) and self.items == other.items

    def __repr__(self) -> str:
        return f"Headers({list(self.items)!r})"

    @property
    def content_type(self) -> media_types.ContentType | None:
        """The parsed Content-Type, or None when absent (RFC 2046 5.1: then text/plain)."""
        text = self.get("content-type")
        return media_types.parse(text) if text is not None else None

    @property
    def transfer_syntax(self) -> str | None:
        """The ``transfer-syntax`` parameter of the Content-Type (PS3.18 8.7.3.5.2), or None
        (a frame without one is in Explicit VR Little Endian, PS3.18 8.7.3.3.1)."""
        ct = self.content_type
        return ct.param("transfer-syntax") if ct is not None else None

    @property
    def content_length(self) -> int | None:
        """Content-Length when present and a number, else None."""
        text = self.get("content-length")
        if text is None or not text.strip().isdigit():
            return None
        return int(text.strip())

    @property
    def content_location(self) -> str | None:
        """Content-Location (PS3.18 8.6.1.2), or None."""
        return self.get("content-location")

    @property
    def content_id(self) -> str | None:
        """Content-ID (RFC 2387, the ``start`` parameter names it), or None."""
        return self.get("content-id")


# --------------------------------------------------------------------------- writing

def make_boundary() -> str:
    """A fresh random boundary (RFC 2046 5.1.1: one that cannot occur in the bodies)."""
    return "dicomkit-" + secrets.token_hex(16)


def _check_boundary(boundary: str) -> bytes:
    if not _BCHARS.match(boundary):
        raise MultipartError(f"boundary {boundary!r} is not 1 to 70 characters of RFC 2046 "
                             "5.1.1 (letters, digits, '()+_,-./:=? and inner spaces)")
    return boundary.encode("ascii")


def content_type(boundary: str, type: str | None = None, *, start: str | None = None,
                 **params: str) -> str:
    """The Content-Type of a multipart/related body: ``multipart/related;
    type="application/dicom"; boundary=...`` (RFC 2387 3; PS3.18 8.6.1.1).  More parameters
    by keyword (``transfer_syntax=`` gives ``transfer-syntax``)."""
    _check_boundary(boundary)
    ct = media_types.ContentType("multipart", "related")
    values: dict[str, str] = {}
    if type is not None:
        values["type"] = type
    if start is not None:
        values["start"] = start
    values.update(params)
    values["boundary"] = boundary
    return str(ct.with_params(**values))


@dataclass
class Part:
    """One part to write: its body (bytes, or an iterable or async iterable of bytes) and
    headers.  ``content_type``, ``content_location``, ``content_id`` and ``content_length``
    are the common headers; ``headers`` adds any others, written as given."""

    body: bytes | Iterable[bytes] | AsyncIterable[bytes]
    content_type: str | None = None
    content_location: str | None = None
    content_id: str | None = None
    content_length: int | None = None
    headers: Sequence[tuple[str, str]] = field(default_factory=tuple)

    def header_bytes(self) -> bytes:
        """The header block of the part, the empty line included."""
        lines = []
        for name, value in (("Content-Type", self.content_type),
                            ("Content-Location", self.content_location),
                            ("Content-ID", self.content_id)):
            if value is not None:
                lines.append(f"{name}: {value}")
        length = self.content_length
        if length is None and isinstance(self.body, bytes | bytearray | memoryview):
            length = len(self.body)
        if length is not None:
            lines.append(f"Content-Length: {length}")
        lines.extend(f"{k}: {v}" for k, v in self.headers)
        for line in lines:
            if "\r" in line or "\n" in line:
                raise MultipartError(f"header {line!r} has a line break")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") if lines else _CRLF


def iter_multipart(parts: Iterable[Part], boundary: str) -> Iterator[bytes]:
    """The body of a multipart made of ``parts``, in chunks: the header block of each part,
    then its body's chunks as given, then the delimiters.  Bodies must be bytes or iterables
    of bytes (use :func:`aiter_multipart` for async ones)."""
    b = _check_boundary(boundary)
    opening = b"--" + b
    first = True
    for part in parts:
        yield (opening if first else _CRLF + opening) + _CRLF + part.header_bytes()
        first = False
        body = part.body
        if isinstance(body, bytes | bytearray | memoryview):
            if body:
                yield bytes(body)
        elif isinstance(body, AsyncIterable):
            raise MultipartError("an async body needs aiter_multipart")
        else:
            for chunk in body:
                if chunk:
                    yield bytes(chunk)
    yield (opening if first else _CRLF + opening) + b"--" + _CRLF


async def file_body(path: str | os.PathLike[str], chunk_size: int = 1 << 20) -> AsyncIterator[bytes]:
    """The bytes of a file in chunks, read without blocking the event loop (``anyio``): the
    body of a :class:`Part` of a STOW-RS request made from a file of any size."""
    import anyio  # the async readers and writers only; the sync API does not import it

    async with await anyio.open_file(path, "rb") as fh:
        while True:
            chunk = await fh.read(chunk_size)
            if not chunk:
                return
            yield chunk


async def aiter_multipart(parts: Iterable[Part] | AsyncIterable[Part],
                          boundary: str) -> AsyncIterator[bytes]:
    """:func:`iter_multipart` for async code: parts and their bodies may be async iterables."""
    b = _check_boundary(boundary)
    opening = b"--" + b
    first = True

    async def each() -> AsyncIterator[Part]:
        if isinstance(parts, AsyncIterable):
            async for p in parts:
                yield p
        else:
            for p in parts:
                yield p

    async for part in each():
        yield (opening if first else _CRLF + opening) + _CRLF + part.header_bytes()
        first = False
        body = part.body
        if isinstance(body, bytes | bytearray | memoryview):
            if body:
                yield bytes(body)
        elif isinstance(body, AsyncIterable):
            async for chunk in body:
                if chunk:
                    yield bytes(chunk)
        else:
            for chunk in body:
                if chunk:
                    yield bytes(chunk)
    yield (opening if first else _CRLF + opening) + b"--" + _CRLF


# --------------------------------------------------------------------------- parsing

@dataclass(frozen=True)
class PartStart:
    """A part begins: its headers, and the offset of its body in the multipart body."""

    headers: Headers
    offset: int


@dataclass(frozen=True)
class PartData:
    """Bytes of the current part's body."""

    data: bytes


@dataclass(frozen=True)
class PartEnd:
    """The current part's body is complete."""


Event = PartStart | PartData | PartEnd
_PART_END = PartEnd()
_PREAMBLE, _AFTER_DELIMITER, _HEADERS, _BODY, _EPILOGUE = range(5)


def _copy(view: bytes | bytearray, start: int, end: int) -> bytes:
    """``bytes(view[start:end])`` with one copy."""
    if type(view) is bytes:
        return view[start:end]
    return bytes(memoryview(view)[start:end])


def _parse_headers(block: bytes, offset: int) -> Headers:
    items: list[tuple[str, str]] = []
    text = block.decode("utf-8", "replace")
    for line in re.split(r"\r?\n", text):
        if not line:
            continue
        if line[0] in " \t":  # a folded line continues the previous field (RFC 5322 2.2.3)
            if not items:
                raise MultipartError("a part's header block starts with a folded line", offset)
            name, value = items[-1]
            items[-1] = (name, f"{value} {line.strip()}")
            continue
        name, sep, value = line.partition(":")
        if not sep or not name.strip():
            raise MultipartError(f"header line {line[:80]!r} is not 'Name: value'", offset)
        items.append((name.strip(), value.strip()))
    return Headers(items)


class MultipartParser:
    """A push parser of a multipart body: :meth:`feed` it bytes, get :class:`PartStart`,
    :class:`PartData` and :class:`PartEnd` events; :meth:`close` at the end of the body.

    Parameters
    ----------
    boundary
        The boundary parameter of the Content-Type (unquoted; see :func:`boundary_of`).
    max_header_block
        The longest header block of a part accepted, in bytes.
    """

    __slots__ = ("_delimiter", "_dash", "_buf", "_offset", "_state", "_keep", "_max_headers",
                 "parts")

    def __init__(self, boundary: str | bytes, *, max_header_block: int = _MAX_HEADER_BLOCK) -> None:
        b = boundary.encode("latin-1") if isinstance(boundary, str) else bytes(boundary)
        if not b:
            raise MultipartError("the boundary is empty")
        self._dash = b"--" + b
        self._delimiter = _CRLF + self._dash
        self._buf = bytearray()
        self._offset = 0  # offset in the body of _buf[0]
        self._state = _PREAMBLE
        self._keep = len(self._delimiter) - 1
        self._max_headers = max_header_block
        #: the number of parts begun
        self.parts = 0

    @property
    def done(self) -> bool:
        """True once the close delimiter was read."""
        return self._state == _EPILOGUE

    def feed(self, data: Chunk) -> list[Event]:
        """The events completed by ``data``.

        Raises
        ------
        MultipartError
            For a malformed body, with the byte offset.
        """
        out: list[Event] = []
        if self._state == _EPILOGUE:
            return out  # the epilogue is ignored (RFC 2046 5.1.1)
        if type(data) is not bytes and not isinstance(data, bytearray):
            data = bytes(data)  # a memoryview (or other buffer) as some HTTP clients give
        buf = self._buf
        if buf:
            buf += data
            view: bytes | bytearray = buf
        else:
            view = data
        pos = 0
        n = len(view)
        while True:
            state = self._state
            if state == _BODY:
                i = view.find(self._delimiter, pos)
                if i < 0:
                    end = self._held_from(view, pos, n)
                    if end > pos:
                        out.append(PartData(view if end - pos == len(view) and
                                            type(view) is bytes else _copy(view, pos, end)))
                        pos = end
                    break
                if i > pos:
                    out.append(PartData(_copy(view, pos, i)))
                out.append(_PART_END)
                pos = i + len(self._delimiter)
                self._state = _AFTER_DELIMITER
            elif state == _AFTER_DELIMITER:
                if n - pos < 2:
                    break
                if view[pos:pos + 2] == b"--":
                    self._state = _EPILOGUE
                    pos = n
                    break
                j = pos
                while j < n and view[j] in b" \t":  # transport padding
                    j += 1
                if n - j < 2:
                    break
                if view[j:j + 2] != _CRLF:
                    raise MultipartError("a delimiter is followed by other than a line break "
                                         "(or the boundary occurs in the data)",
                                         self._offset + j)
                pos = j + 2
                self._state = _HEADERS
            elif state == _HEADERS:
                if view[pos:pos + 2] == _CRLF:  # no header fields
                    block_end, skip = pos, 2
                elif n - pos < 2:
                    break
                else:
                    block_end = view.find(b"\r\n\r\n", pos)
                    skip = 4
                    if block_end < 0:
                        if n - pos > self._max_headers:
                            raise MultipartError(f"a part's header block is longer than "
                                                 f"{self._max_headers} bytes",
                                                 self._offset + pos)
                        break
                if block_end - pos > self._max_headers:
                    raise MultipartError(f"a part's header block is longer than "
                                         f"{self._max_headers} bytes", self._offset + pos)
                headers = _parse_headers(bytes(view[pos:block_end]), self._offset + pos)
                pos = block_end + skip
                self.parts += 1
                out.append(PartStart(headers, self._offset + pos))
                self._state = _BODY
            elif state == _PREAMBLE:
                if self._offset == 0 and pos == 0 and n >= len(self._dash) \
                        and view[:len(self._dash)] == self._dash:
                    pos = len(self._dash)
                    self._state = _AFTER_DELIMITER
                    continue
                if self._offset == 0 and pos == 0 and n < len(self._dash) \
                        and self._dash.startswith(bytes(view)):
                    break
                i = view.find(self._delimiter, pos)
                if i < 0:
                    pos = max(pos, n - self._keep)
                    break
                pos = i + len(self._delimiter)
                self._state = _AFTER_DELIMITER
            else:
                pos = n
                break
        rest = view[pos:]
        if buf:
            del buf[:pos]
        else:
            buf += rest
        self._offset += pos
        return out

    def _held_from(self, view: bytes | bytearray, pos: int, n: int) -> int:
        """Where the bytes that may begin a delimiter split by the chunk's end start (``n``
        when none may): the longest end of the chunk that is a start of the delimiter, which
        begins with CR, so only the CRs among the last bytes are looked at."""
        d = self._delimiter
        j = view.find(b"\r", max(pos, n - self._keep))
        while j >= 0:
            if d.startswith(view[j:n]):
                return j
            j = view.find(b"\r", j + 1)
        return n

    def close(self) -> None:
        """Check that the body ended with its close delimiter.

        Raises
        ------
        MultipartError
            When it did not: no delimiter at all, or a truncated part (with the offset).
        """
        end = self._offset + len(self._buf)
        if self._state == _EPILOGUE:
            return
        if self._state == _PREAMBLE:
            raise MultipartError(f"no boundary {self._dash[2:]!r} in the body", end)
        raise MultipartError("the body is truncated: it ends before the close delimiter "
                             f"(part {self.parts})", end)


def boundary_of(content_type_value: str | media_types.ContentType) -> str:
    """The boundary parameter of a multipart Content-Type (quoted or not).

    Raises
    ------
    MultipartError
        When the media type is not multipart or has no boundary.
    """
    try:
        ct = media_types.parse(content_type_value) if isinstance(content_type_value, str) \
            else content_type_value
    except MediaTypeError as exc:
        raise MultipartError(f"Content-Type: {exc}") from None
    if ct.type != "multipart":
        raise MultipartError(f"Content-Type {ct.mime} is not multipart")
    b = ct.param("boundary")
    if not b:
        raise MultipartError(f"Content-Type {ct} has no boundary parameter (RFC 2046 5.1.1)")
    return b


class _Pull:
    """Events of a parser fed from a byte iterator, one at a time."""

    __slots__ = ("parser", "chunks", "events", "index")

    def __init__(self, parser: MultipartParser, chunks: Iterator[Chunk]) -> None:
        self.parser = parser
        self.chunks = chunks
        self.events: list[Event] = []
        self.index = 0

    def next(self) -> Event | None:
        while self.index >= len(self.events):
            chunk = next(self.chunks, None)
            if chunk is None:
                self.parser.close()
                return None
            self.events = self.parser.feed(chunk)
            self.index = 0
        ev = self.events[self.index]
        self.index += 1
        return ev


class BodyPart:
    """A part being read: its :attr:`headers`, and its body through :meth:`chunks` (once) or
    :meth:`read`."""

    def __init__(self, pull: _Pull, headers: Headers, offset: int) -> None:
        self._pull = pull
        self.headers = headers
        #: offset of the body in the multipart body
        self.offset = offset
        self._done = False
        self._started = False

    @property
    def content_type(self) -> media_types.ContentType | None:
        """The part's parsed Content-Type, or None."""
        return self.headers.content_type

    def chunks(self) -> Iterator[bytes]:
        """The body's bytes as they arrive (one pass)."""
        if self._started:
            raise MultipartError("a part's body can be read once", self.offset)
        self._started = True
        while not self._done:
            ev = self._pull.next()
            if ev is None:  # pragma: no cover - close() raises first
                raise MultipartError("the body is truncated", self.offset)
            if isinstance(ev, PartData):
                yield ev.data
            elif isinstance(ev, PartEnd):
                self._done = True

    def read(self) -> bytes:
        """The whole body."""
        return b"".join(self.chunks())

    def _skip(self) -> None:
        if not self._started:
            self._started = True
        while not self._done:
            ev = self._pull.next()
            if ev is None or isinstance(ev, PartEnd):
                self._done = True


def iter_parts(chunks: Iterable[Chunk], boundary: str) -> Iterator[BodyPart]:
    """The parts of a multipart body arriving as ``chunks``, each with its body a stream.

    Read (or not) each part's body before taking the next part: what is not read is skipped.
    A nested multipart is read with ``iter_parts(part.chunks(), boundary_of(part.content_type))``.

    Raises
    ------
    MultipartError
        For a malformed or truncated body (with the byte offset).
    """
    pull = _Pull(MultipartParser(boundary), iter(chunks))
    while True:
        ev = pull.next()
        if ev is None:
            return
        if isinstance(ev, PartStart):
            part = BodyPart(pull, ev.headers, ev.offset)
            yield part
            part._skip()


def read_parts(body: bytes, boundary: str) -> list[tuple[Headers, bytes]]:
    """Every part of a body held in memory, as (headers, body) pairs."""
    return [(p.headers, p.read()) for p in iter_parts([body], boundary)]


class _APull:
    __slots__ = ("parser", "chunks", "events", "index")

    def __init__(self, parser: MultipartParser, chunks: AsyncIterator[Chunk]) -> None:
        self.parser = parser
        self.chunks = chunks
        self.events: list[Event] = []
        self.index = 0

    async def next(self) -> Event | None:
        while self.index >= len(self.events):
            try:
                chunk = await self.chunks.__anext__()
            except StopAsyncIteration:
                self.parser.close()
                return None
            self.events = self.parser.feed(chunk)
            self.index = 0
        ev = self.events[self.index]
        self.index += 1
        return ev


class AsyncBodyPart:
    """:class:`BodyPart` of :func:`aiter_parts`: ``async for chunk in part.chunks()``,
    ``await part.read()``."""

    def __init__(self, pull: _APull, headers: Headers, offset: int) -> None:
        self._pull = pull
        self.headers = headers
        self.offset = offset
        self._done = False
        self._started = False

    @property
    def content_type(self) -> media_types.ContentType | None:
        """The part's parsed Content-Type, or None."""
        return self.headers.content_type

    async def chunks(self) -> AsyncIterator[bytes]:
        """The body's bytes as they arrive (one pass)."""
        if self._started:
            raise MultipartError("a part's body can be read once", self.offset)
        self._started = True
        while not self._done:
            ev = await self._pull.next()
            if ev is None:  # pragma: no cover - close() raises first
                raise MultipartError("the body is truncated", self.offset)
            if isinstance(ev, PartData):
                yield ev.data
            elif isinstance(ev, PartEnd):
                self._done = True

    async def read(self) -> bytes:
        """The whole body."""
        return b"".join([c async for c in self.chunks()])

    async def _skip(self) -> None:
        self._started = True
        while not self._done:
            ev = await self._pull.next()
            if ev is None or isinstance(ev, PartEnd):
                self._done = True


async def aiter_parts(chunks: AsyncIterable[Chunk],
                      boundary: str) -> AsyncIterator[AsyncBodyPart]:
    """:func:`iter_parts` over an async byte stream (an HTTP response under anyio)."""
    pull = _APull(MultipartParser(boundary), aiter(chunks))
    while True:
        ev = await pull.next()
        if ev is None:
            return
        if isinstance(ev, PartStart):
            part = AsyncBodyPart(pull, ev.headers, ev.offset)
            yield part
            await part._skip()
