"""multipart/related reading and writing (RFC 2046 5.1, RFC 2387, PS3.18 8.6), streaming."""

from __future__ import annotations

from typing import Any

import anyio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.web.errors import MultipartError
from dicomkit.web.multipart import (
    MultipartParser,
    Part,
    PartData,
    aiter_multipart,
    aiter_parts,
    boundary_of,
    content_type,
    iter_multipart,
    iter_parts,
    make_boundary,
    read_parts,
)

_BCHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?"
_boundaries = st.builds(lambda a, b: a + b, st.text(alphabet=_BCHARS + " ", max_size=69),
                        st.text(alphabet=_BCHARS, min_size=1, max_size=1))
_parts = st.lists(st.tuples(st.binary(max_size=300),
                            st.sampled_from([None, "application/dicom", 'application/octet-stream; '
                                             'transfer-syntax=1.2.840.10008.1.2.1']),
                            st.one_of(st.none(), st.text(alphabet=_BCHARS, min_size=1, max_size=20))),
                  min_size=1, max_size=5)


def _split(body: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(body) + 1) for c in cuts} | {0, len(body)})
    return [body[a:b] for a, b in zip(points, points[1:])]


@settings(max_examples=300, deadline=None)
@given(parts=_parts, boundary=_boundaries, cuts=st.lists(st.integers(0, 10 ** 6), max_size=12),
       preamble=st.sampled_from([b"", b"This is a preamble.\r\n"]),
       epilogue=st.sampled_from([b"", b"epilogue\r\n"]))
def test_written_parts_are_read_back_whatever_the_boundary_and_chunking(
        parts: list[tuple[bytes, str | None, str | None]], boundary: str, cuts: list[int],
        preamble: bytes, epilogue: bytes) -> None:
    # RFC 2046 5.1.1: the boundary must not occur in the bodies; the writer's caller ensures it
    bodies = []
    for b, _, _ in parts:
        while boundary.encode() in b:
            b = b.replace(boundary.encode(), b"")
        bodies.append(b)
    written = [Part(body, content_type=ct, content_location=loc)
               for body, (_, ct, loc) in zip(bodies, parts)]
    body = preamble + b"".join(iter_multipart(written, boundary)) + epilogue
    got = [(p.headers, p.read()) for p in iter_parts(_split(body, cuts), boundary)]
    assert [b for _, b in got] == bodies
    for (headers, data), (_, ct, loc) in zip(got, parts):
        assert headers.get("content-type") == ct and headers.content_location == loc
        assert headers.content_length == len(data)


def test_header_names_in_any_case_folded_lines_and_padding_after_a_delimiter() -> None:
    body = (b"--b\t \r\ncontent-TYPE: application/dicom\r\nCONTENT-LOCATION: /x\r\n"
            b"X-Long: a\r\n  b\r\n\r\nDATA\r\n--b\r\n\r\nno headers\r\n--b--")
    (h1, d1), (h2, d2) = read_parts(body, "b")
    assert h1["Content-Type"] == "application/dicom" and h1.content_location == "/x"
    assert h1.get("x-long") == "a b" and d1 == b"DATA"
    assert h1.transfer_syntax is None
    assert len(h2) == 0 and d2 == b"no headers"


def test_quoted_boundaries_with_equals_and_spaces_from_the_content_type() -> None:
    b = "simple boundary=with:chars?"
    ct = content_type(b, "application/dicom", start="<1@x>", transfer_syntax="1.2.840.10008.1.2.1")
    assert ct == ('multipart/related; type="application/dicom"; start="<1@x>"; '
                  'transfer-syntax=1.2.840.10008.1.2.1; boundary="simple boundary=with:chars?"')
    assert boundary_of(ct) == b
    assert boundary_of("multipart/related; boundary=abc; type=application/dicom") == "abc"
    body = b"".join(iter_multipart([Part(b"x", content_type='application/octet-stream; '
                                          'transfer-syntax="1.2.840.10008.1.2.4.50"')], b))
    (headers, data), = read_parts(body, boundary_of(ct))
    assert data == b"x" and headers.transfer_syntax == "1.2.840.10008.1.2.4.50"


def test_boundary_checks() -> None:
    assert len(make_boundary()) <= 70
    for bad in ("", "x" * 71, "ends with space ", "bad\"quote"):
        with pytest.raises(MultipartError):
            list(iter_multipart([Part(b"")], bad))
    with pytest.raises(MultipartError, match="not multipart"):
        boundary_of("application/dicom")
    with pytest.raises(MultipartError, match="no boundary"):
        boundary_of("multipart/related; type=application/dicom")


def test_a_nested_multipart_is_read_from_its_parts_body() -> None:
    inner = b"".join(iter_multipart([Part(b"one"), Part(b"two")], "inner"))
    outer = b"".join(iter_multipart([Part(inner, content_type=content_type("inner")),
                                     Part(b"after")], "outer"))
    parts = iter_parts([outer], "outer")
    first = next(parts)
    nested = [p.read() for p in iter_parts(first.chunks(), boundary_of(first.content_type))]
    assert nested == [b"one", b"two"]
    assert next(parts).read() == b"after"


def test_unread_bodies_are_skipped_and_a_body_reads_once() -> None:
    body = b"".join(iter_multipart([Part(b"a" * 1000), Part(b"b")], "x"))
    parts = list(iter_parts([body[i:i + 7] for i in range(0, len(body), 7)], "x"))
    assert len(parts) == 2
    p = next(iter_parts([body], "x"))
    p.read()
    with pytest.raises(MultipartError, match="once"):
        p.read()


@pytest.mark.parametrize("body, reason", [
    (b"no delimiter at all", "no boundary"),
    (b"--x\r\n\r\nbody without end", "truncated"),
    (b"--x\r\nContent-Type: a\r\n", "truncated"),
    (b"--xjunk\r\n\r\n\r\n--x--", "line break"),
    (b"--x\r\nno colon here\r\n\r\n\r\n--x--", "Name: value"),
])
def test_malformed_bodies_raise_multipart_errors_with_the_offset(body: bytes, reason: str) -> None:
    with pytest.raises(MultipartError, match=reason) as info:
        read_parts(body, "x")
    assert info.value.offset >= 0


def test_chunks_may_be_any_bytes_like_object() -> None:
    body = b"".join(iter_multipart([Part(b"abc"), Part(b"de")], "m"))
    chunks = [memoryview(body)[:9], bytearray(body[9:20]), body[20:]]
    assert [p.read() for p in iter_parts(chunks, "m")] == [b"abc", b"de"]


def test_the_parser_streams_body_bytes_before_the_part_ends() -> None:
    p = MultipartParser("x")
    events = p.feed(b"--x\r\n\r\n" + b"y" * 10000)
    data = sum(len(e.data) for e in events if isinstance(e, PartData))
    assert data >= 10000 - len(b"\r\n--x")  # only a possible delimiter's length is held back
    assert not p.done


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=300), boundary=st.sampled_from(["x", "a b", "--"]))
def test_random_bytes_give_only_multipart_errors(data: bytes, boundary: str) -> None:
    try:
        read_parts(data, boundary)
    except MultipartError:
        pass


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_mutated_bodies_give_only_multipart_errors(data: st.DataObject) -> None:
    body = bytearray(b"".join(iter_multipart(
        [Part(b"abc", content_type="application/dicom"), Part(b"defg")], "bnd")))
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(body) - 1))
        body[i] = data.draw(st.sampled_from(b"-\r\n:bnd x"))
    try:
        read_parts(bytes(body), "bnd")
    except MultipartError:
        pass


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_async_writer_and_reader_under_anyio(backend: str) -> None:
    async def body_chunks() -> Any:
        for i in range(5):
            await anyio.sleep(0)
            yield bytes([65 + i]) * 1000

    async def main() -> list[tuple[str | None, bytes]]:
        parts = [Part(body_chunks(), content_type="application/octet-stream"), Part(b"tail")]
        body = [c async for c in aiter_multipart(parts, "ab")]

        async def chunks() -> Any:
            for c in body:
                for i in range(0, len(c), 333):
                    yield c[i:i + 333]

        return [(p.headers.get("content-type"), await p.read())
                async for p in aiter_parts(chunks(), "ab")]

    got = anyio.run(main, backend=backend)
    assert got == [("application/octet-stream", b"".join(bytes([65 + i]) * 1000 for i in range(5))),
                   (None, b"tail")]


def test_a_large_body_is_streamed_with_bounded_memory() -> None:
    chunk = b"\x00" * (1 << 20)
    total = 256  # 256 MiB: written and read without holding it

    def body() -> Any:
        for _ in range(total):
            yield chunk

    seen = 0
    biggest = 0
    stream = iter_multipart([Part(body()), Part(b"end")], "big")
    parts = iter_parts(stream, "big")
    first = next(parts)
    for c in first.chunks():
        seen += len(c)
        biggest = max(biggest, len(c))
    assert seen == total * len(chunk) and biggest <= 2 * len(chunk)
    assert next(parts).read() == b"end"


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_a_file_is_sent_as_a_part_without_blocking_the_loop(backend: str, tmp_path: Any) -> None:
    from dicomkit.web.multipart import file_body

    path = tmp_path / "x.dcm"
    data = bytes(range(256)) * 5000
    path.write_bytes(data)

    async def main() -> bytes:
        body = b"".join([c async for c in aiter_multipart(
            [Part(file_body(path, 4096), content_type="application/dicom")], "f")])
        return read_parts(body, "f")[0][1]

    assert anyio.run(main, backend=backend) == data


def test_an_overlong_header_block_is_refused() -> None:
    body = b"--x\r\nX: " + b"a" * 70000 + b"\r\n\r\nbody\r\n--x--"
    with pytest.raises(MultipartError, match="header block"):
        read_parts(body, "x")
    with pytest.raises(MultipartError, match="header block"):  # arriving in two chunks
        list(iter_parts([body[:20000], body[20000:]], "x"))
