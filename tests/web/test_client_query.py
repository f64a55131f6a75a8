"""QIDO-RS query parameters (PS3.18 8.3.4) from keys and Python values, and the client's
parsers of outside input (search, retrieve and store response bodies) fed random and mutated
bytes through the transport seam: only the library's own errors may come out."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Sequence

import anyio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dicomkit.core.tag import TagError
from dicomkit.errors import DicomError
from dicomkit.generated import dictionary
from dicomkit.web.client import DicomWebClient, RetryPolicy
from dicomkit.web.client.query import key_name, query_params, value_text
from dicomkit.web.client.transport import Body
from dicomkit.web.multipart import Headers
from tests.samples import sample

_KEYWORDS = sorted(kw for _, _, _, kw, _ in dictionary.ELEMENTS.values() if kw)


@given(st.sampled_from(_KEYWORDS))
def test_key_name_of_a_keyword_or_its_tag_is_the_keyword(keyword: str) -> None:
    tag = dictionary.tag_for_keyword(keyword)
    assert tag is not None
    assert key_name(keyword) == key_name(tag) == key_name(f"{tag:08X}") == keyword


def test_key_name_of_private_and_unknown_tags_and_sequence_paths() -> None:
    assert key_name(0x00091001) == "00091001"
    assert key_name("ReferencedSeriesSequence.00200013") == "ReferencedSeriesSequence.InstanceNumber"
    with pytest.raises(TagError):
        key_name("NoSuchKeyword")


@given(st.dates(), st.dates())
def test_a_date_range_is_da_low_dash_high_and_reads_back(a: datetime.date, b: datetime.date) -> None:
    text = value_text((a, b))
    low, high = text.split("-")
    assert datetime.datetime.strptime(low, "%Y%m%d").date() == a
    assert datetime.datetime.strptime(high, "%Y%m%d").date() == b
    assert value_text((None, b)) == "-" + high and value_text((a, None)) == low + "-"


@given(st.datetimes())
def test_a_datetime_is_dt_and_reads_back(t: datetime.datetime) -> None:
    text = value_text(t)
    fmt = "%Y%m%d%H%M%S.%f" if "." in text else "%Y%m%d%H%M%S"
    assert datetime.datetime.strptime(text, fmt) == t


@given(st.lists(st.from_regex(r"\A[1-9][0-9]{0,5}(\.[0-9]{1,6}){1,5}\Z"), min_size=1, max_size=6))
def test_a_uid_list_is_comma_separated_in_order(uid_list: list[str]) -> None:
    assert value_text(uid_list).split(",") == uid_list


def test_bad_values_and_parameters_are_refused() -> None:
    with pytest.raises(TypeError):
        value_text(True)
    with pytest.raises(TypeError):
        value_text((1, 2, 3))
    with pytest.raises(ValueError):
        query_params(limit=-1)
    assert query_params(fuzzymatching=False, extra={"emptyvaluematching": "true"}) == [
        ("fuzzymatching", "false"), ("emptyvaluematching", "true")]


# ------------------------------------------------------------------ random bodies
class _Canned:
    """A response from memory, split into chunks."""

    def __init__(self, status: int, headers: Sequence[tuple[str, str]], body: bytes, chunk: int) -> None:
        self.status = status
        self.headers = Headers(list(headers))
        self._body = body
        self._chunk = chunk

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        for i in range(0, len(self._body), self._chunk):
            yield self._body[i:i + self._chunk]

    async def aclose(self) -> None:
        pass


class CannedTransport:
    """The transport seam filled from memory: every request gets the same answer."""

    def __init__(self, status: int, headers: Sequence[tuple[str, str]], body: bytes, chunk: int = 7) -> None:
        self.answer = (status, headers, body, chunk)

    async def request(self, method: str, url: str, headers: Sequence[tuple[str, str]],
                      body: Body = None, *, timeout: float | None = None) -> _Canned:
        if body is not None and not isinstance(body, bytes):
            async for _ in body:
                pass
        return _Canned(*self.answer)

    async def aclose(self) -> None:
        pass


_CT_SAMPLE = sample("CT_small.dcm").read_bytes()
_GOOD = {
    "search": (b'[{"0020000D":{"vr":"UI","Value":["1.2.3"]}}]', "application/dicom+json"),
    "retrieve": (b"--b\r\nContent-Type: application/dicom\r\n\r\n" + _CT_SAMPLE[:600] + b"\r\n--b--\r\n",
                 "multipart/related; type=application/dicom; boundary=b"),
    "frames": (b"--b\r\nContent-Type: application/octet-stream\r\n\r\n\x00\x01\r\n--b--\r\n",
               "multipart/related; boundary=b"),
    "store": (b'{"00081199":{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["1.2"]}}]}}',
              "application/dicom+json"),
}


async def _run(kind: str, transport: CannedTransport) -> None:
    async with DicomWebClient("http://127.0.0.1:1/dicom-web", transport=transport,
                              retry=RetryPolicy(attempts=1)) as web:
        if kind == "search":
            await web.search_studies(page_size=3)
        elif kind == "retrieve":
            await web.retrieve("1.2")
        elif kind == "frames":
            await web.retrieve_frames("1", "2", "3", [1, 2])
        else:
            await web.store([_CT_SAMPLE])


def _mutate(data: bytes, draws: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for pos, value in draws:
        if out:
            out[pos % len(out)] = value
    return bytes(out)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(_GOOD)),
       mutation=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=6),
       cut=st.integers(0, 10_000), chunk=st.integers(1, 64), random_body=st.none() | st.binary(max_size=200),
       sized=st.booleans())
def test_mutated_and_random_response_bodies_raise_only_dicom_errors(
        kind: str, mutation: list[tuple[int, int]], cut: int, chunk: int, random_body: bytes | None,
        sized: bool) -> None:
    good, ctype = _GOOD[kind]
    body = random_body if random_body is not None else _mutate(good, mutation)[:max(cut, len(good) // 2)]
    headers = [("Content-Type", ctype)] + ([("Content-Length", str(len(body)))] if sized else [])
    transport = CannedTransport(200, headers, body, chunk)
    try:
        anyio.run(_run, kind, transport)
    except DicomError:
        pass
