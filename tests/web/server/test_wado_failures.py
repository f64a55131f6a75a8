"""WADO-RS retrieves that fail while they are being made (PS3.18 10.4): a transcode the codecs
cannot do is refused before the answer starts (406); one that fails on damaged pixel data is
406 when it is the first part, and cuts the answer off (no last chunk, no close delimiter,
logged with the instance) when it is a later one."""

from __future__ import annotations

import io
import logging
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

import dicomkit
from dicomkit.archive import Archive
from dicomkit.generated import uids
from dicomkit.pixels.transcode import transcode, transcode_obstacle
from dicomkit.web.multipart import MultipartParser, PartEnd, boundary_of
from tests.archive.make import dataset, instance, uid
from tests.web.server.running import archive_of, running

RETRIEVE = 'multipart/related; type="application/dicom"'


def damaged_rle(study: str, series: str, sop: str, number: int) -> bytes:
    """An RLE Lossless instance whose RLE header names 200 segments (PS3.5 G.5)."""
    ds = transcode(dataset(study, series, sop, number=number), uids.RLELossless)
    out = io.BytesIO()
    dicomkit.write(out, ds)  # type: ignore[arg-type]
    data = bytearray(out.getvalue())
    at = data.index(b"\xe0\x7f\x10\x00OB\x00\x00\xff\xff\xff\xff") + 12
    _tag, bot = struct.unpack_from("<II", data, at)
    struct.pack_into("<I", data, at + 8 + bot + 8, 200)
    return bytes(data)


@dataclass
class Study:
    url: str
    study: str
    series: str
    good: list[str]
    bad: str
    first: bytes


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    st, se = uid(), uid()
    good = [uid(), uid()]
    bad = uid()
    files = [instance(st, se, good[0], number=1), damaged_rle(st, se, bad, 2),
             instance(st, se, good[1], number=3)]
    archive: Archive = archive_of(tmp_path, files)
    try:
        with running(archive) as url:
            yield Study(url, st, se, good, bad, files[0])
    finally:
        archive.close()


def test_damaged_instance_later_in_the_stream_cuts_the_answer_off(
        study: Study, caplog: pytest.LogCaptureFixture) -> None:
    received = bytearray()
    with caplog.at_level(logging.ERROR, logger="dicomkit.web.server"), \
            httpx.stream("GET", f"{study.url}/studies/{study.study}",
                         headers={"Accept": RETRIEVE}, timeout=30) as r:
        assert r.status_code == 200  # the first instance needed no transcode: it started
        boundary = boundary_of(r.headers["content-type"])
        with pytest.raises(httpx.RemoteProtocolError):  # no last chunk: incomplete
            for chunk in r.iter_raw():
                received += chunk
    parser = MultipartParser(boundary)
    events = parser.feed(bytes(received))
    assert not parser.done  # no close delimiter
    assert not any(isinstance(e, PartEnd) for e in events)  # nor the next part's delimiter
    assert study.first in bytes(received)  # what was sent before is whole
    assert not received.rstrip().endswith(f"--{boundary}--".encode())
    logged = [r.getMessage() for r in caplog.records if "cut off" in r.getMessage()]
    assert len(logged) == 1 and study.bad in logged[0] and study.study in logged[0]


def test_damaged_first_instance_gets_its_status(study: Study) -> None:
    url = f"{study.url}/studies/{study.study}/series/{study.series}/instances/{study.bad}"
    r = httpx.get(url, headers={"Accept": RETRIEVE}, timeout=30)
    assert r.status_code == 406
    assert study.bad in r.text and "transfer-syntax=*" in r.text
    # as stored it is sent: the server does not decode it
    r = httpx.get(url, headers={"Accept": RETRIEVE + "; transfer-syntax=*"}, timeout=30)
    assert r.status_code == 200 and r.content.rstrip().endswith(b"--")


def test_transcode_without_a_codec_is_refused_before_streaming(study: Study) -> None:
    target = uids.MPEG2MPML  # dicomkit has no MPEG-2 encoder
    assert transcode_obstacle(uids.ExplicitVRLittleEndian, target) is not None
    r = httpx.get(f"{study.url}/studies/{study.study}", timeout=30,
                  headers={"Accept": f"{RETRIEVE}; transfer-syntax={target}"})
    assert r.status_code == 406
    assert "no installed codec encodes" in r.text and study.good[0] in r.text


def test_transcode_obstacle() -> None:
    evrle, rle = uids.ExplicitVRLittleEndian, uids.RLELossless
    assert transcode_obstacle(evrle, uids.ImplicitVRLittleEndian) is None
    assert transcode_obstacle(rle, evrle) is None and transcode_obstacle(evrle, rle) is None
    assert "JPIP" in (transcode_obstacle(evrle, uids.JPIPReferenced) or "")
    assert transcode_obstacle(evrle, "1.2.3.4") is not None
    assert "decodes" in (transcode_obstacle(uids.MPEG2MPML, evrle) or "")


def test_rendered_series_with_an_undecodable_instance_later_is_cut_off(
        study: Study, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="dicomkit.web.server"), \
            httpx.stream("GET", f"{study.url}/studies/{study.study}/series/{study.series}"
                         "/rendered", headers={"Accept": 'multipart/related; type="image/png"'},
                         timeout=30) as r:
        assert r.status_code == 200
        with pytest.raises(httpx.RemoteProtocolError):
            for _chunk in r.iter_raw():
                pass
    assert any(study.bad in r.getMessage() for r in caplog.records)
