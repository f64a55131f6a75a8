"""The DICOMweb client against small in-test servers, each misbehaving one way users meet
(PS3.18 8 and the servers' issue trackers): 204 or ``[]`` for no results, Warning 299,
``; charset=utf-8``, 202 and 409 Store answers, header names in odd case, quoted and unquoted
boundaries, frames without ``transfer-syntax``, 406, 429/503 before 200, connection refused.
"""

from __future__ import annotations

import base64
import datetime
import json
import socket
from pathlib import Path

import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids
from dicomkit.io.reader import read
from dicomkit.web import json_model
from dicomkit.web.client import (
    BasicAuth,
    BearerAuth,
    BlockingDicomWebClient,
    DicomWebClient,
    RetryPolicy,
)
from dicomkit.web.errors import DicomWebConnectionError, DicomWebError, MultipartError
from tests.samples import sample
from tests.web.quirk_server import Answer, QuirkServer, Request

FAST = RetryPolicy(attempts=3, backoff=0.01, max_backoff=0.05)


def _study(uid: str) -> Dataset:
    ds = Dataset()
    ds.StudyInstanceUID = uid
    ds.PatientID = "P" + uid[-1]
    return ds


def _json(datasets: list[Dataset], content_type: str = "application/dicom+json") -> Answer:
    body = ("[" + ",".join(json_model.dumps(d) for d in datasets) + "]").encode()
    return 200, [("Content-Type", content_type)], body


def _client(server: QuirkServer, **options: object) -> BlockingDicomWebClient:
    options.setdefault("retry", FAST)
    options.setdefault("timeout", 10.0)
    return BlockingDicomWebClient(server.url, **options)  # type: ignore[arg-type]


# ------------------------------------------------------------------ QIDO-RS
@pytest.mark.parametrize("answer", [
    (204, [], b""),
    (200, [("Content-Type", "application/dicom+json")], b"[]"),
    (200, [("Content-Type", "application/dicom+json")], b""),
    (200, [("Content-Type", "application/dicom+json")], b"  \r\n"),
], ids=["204", "empty-array", "empty-body", "blank-body"])
def test_search_with_no_results_is_empty_whether_204_or_empty_array(answer: Answer) -> None:
    with QuirkServer(lambda r: answer) as server, _client(server) as web:
        found = web.search_studies({"PatientID": "nobody"})
    assert list(found) == [] and found.warnings == []


def test_search_results_are_data_sets_and_accept_is_dicom_json() -> None:
    studies = [_study("1.2.3.1"), _study("1.2.3.2")]
    with QuirkServer(lambda r: _json(studies, "application/dicom+json; charset=utf-8")) as server, \
            _client(server) as web:
        found = web.search_studies()
    assert [d.StudyInstanceUID for d in found] == ["1.2.3.1", "1.2.3.2"]
    assert server.requests[0].path == "/dicom-web/studies"
    assert server.requests[0].header("accept") == "application/dicom+json"


def test_warning_299_of_a_search_is_surfaced_with_the_results() -> None:
    warning = '299 pacs "The fuzzymatching parameter is not supported. Only literal matching has been performed."'

    def handler(r: Request) -> Answer:
        status, headers, body = _json([_study("1.2.3.1")])
        return status, headers + [("Warning", warning)], body

    with QuirkServer(handler) as server, _client(server) as web:
        found = web.search_studies({"PatientName": "DOE"}, fuzzymatching=True)
    assert len(found) == 1 and found.warnings == [warning]
    assert ("fuzzymatching", "true") in server.requests[0].query


def test_query_keys_by_keyword_and_tag_with_dates_ranges_uid_lists_wildcards() -> None:
    with QuirkServer(lambda r: (204, [], b"")) as server, _client(server) as web:
        web.search_instances({
            "PatientName": "DOE^J*",
            tags.StudyDate: (datetime.date(2024, 1, 2), datetime.date(2024, 3, 4)),
            "00080030": (datetime.time(7, 30), None),
            "SOPInstanceUID": ["1.2.3", "1.2.4"],
            "ReferencedSeriesSequence.SeriesInstanceUID": "9.9",
            "AccessionNumber": "",
        }, study="1.2", series="3.4", includefield=["StudyDescription", 0x00081030],
            limit=5, offset=10)
    r = server.requests[0]
    assert r.path == "/dicom-web/studies/1.2/series/3.4/instances"
    assert r.query == [("PatientName", "DOE^J*"), ("StudyDate", "20240102-20240304"),
                       ("StudyTime", "073000-"), ("SOPInstanceUID", "1.2.3,1.2.4"),
                       ("ReferencedSeriesSequence.SeriesInstanceUID", "9.9"),
                       ("AccessionNumber", ""), ("includefield", "StudyDescription"),
                       ("includefield", "StudyDescription"), ("limit", "5"), ("offset", "10")]
    # the wildcard and the UID list travel unescaped where RFC 3986 allows (PS3.18 8.3.4.1)
    assert "DOE%5EJ*" in r.raw_query and "1.2.3,1.2.4" in r.raw_query


def test_includefield_all_and_search_paths_of_each_level() -> None:
    with QuirkServer(lambda r: (204, [], b"")) as server, _client(server) as web:
        web.search_studies(includefield="all")
        web.search_series()
        web.search_series(study="1.2")
        web.search_instances()
        web.search_instances(study="1.2")
    assert server.requests[0].query == [("includefield", "all")]
    assert [r.path for r in server.requests] == [
        "/dicom-web/studies", "/dicom-web/series", "/dicom-web/studies/1.2/series",
        "/dicom-web/instances", "/dicom-web/studies/1.2/instances"]


def _paging_server(total: int, *, honour_offset: bool = True, honour_limit: bool = True):  # type: ignore[no-untyped-def]
    studies = [_study(f"1.2.3.{i}") for i in range(total)]

    def handler(r: Request) -> Answer:
        q = dict(r.query)
        off = int(q.get("offset", 0)) if honour_offset else 0
        lim = int(q["limit"]) if honour_limit and "limit" in q else total
        page = studies[off:off + lim]
        return _json(page) if page else (204, [], b"")

    return handler


def test_automatic_paging_stops_on_a_short_page() -> None:
    with QuirkServer(_paging_server(5)) as server, _client(server) as web:
        found = web.search_studies(page_size=2)
    assert [d.StudyInstanceUID for d in found] == [f"1.2.3.{i}" for i in range(5)]
    assert [dict(r.query)["offset"] for r in server.requests] == ["0", "2", "4"]


def test_automatic_paging_honours_an_overall_limit() -> None:
    with QuirkServer(_paging_server(10)) as server, _client(server) as web:
        found = web.search_studies(page_size=3, limit=7, offset=1)
    assert [d.StudyInstanceUID for d in found] == [f"1.2.3.{i}" for i in range(1, 8)]
    assert [(dict(r.query)["limit"], dict(r.query)["offset"]) for r in server.requests] == [
        ("3", "1"), ("3", "4"), ("1", "7")]


def test_automatic_paging_does_not_loop_on_a_server_that_ignores_offset() -> None:
    with QuirkServer(_paging_server(5, honour_offset=False)) as server, _client(server) as web:
        found = web.search_studies(page_size=2)
    assert [d.StudyInstanceUID for d in found] == ["1.2.3.0", "1.2.3.1"]
    assert len(server.requests) == 2
    assert any("ignored offset" in w for w in found.warnings)


def test_automatic_paging_stops_when_the_server_ignores_limit() -> None:
    with QuirkServer(_paging_server(5, honour_limit=False)) as server, _client(server) as web:
        found = web.search_studies(page_size=2)
    assert len(found) == 2 and len(server.requests) == 1
    assert any("ignored limit" in w for w in found.warnings)


def test_a_search_answer_that_is_not_dicom_json_raises_the_models_error() -> None:
    with QuirkServer(lambda r: (200, [("Content-Type", "application/dicom+json")], b"[{]")) as server, \
            _client(server) as web, pytest.raises(Exception) as info:
        web.search_studies()
    from dicomkit.errors import DicomError
    assert isinstance(info.value, DicomError)


# ------------------------------------------------------------------ errors, retries, auth
def test_406_raises_a_dicomweb_error_naming_the_accept_header() -> None:
    answer = (406, [("Content-Type", "text/plain"), ("Warning", '299 x "no such syntax"')],
              b"only application/dicom with 1.2.840.10008.1.2.1")
    with QuirkServer(lambda r: answer) as server, _client(server) as web, \
            pytest.raises(DicomWebError) as info:
        web.retrieve_frames("1", "2", "3", [1], transfer_syntax=uids.JPEGBaseline8Bit)
    e = info.value
    assert e.status == 406 and e.method == "GET" and e.url.endswith("/frames/1")
    assert "transfer-syntax=1.2.840.10008.1.2.4.50" in str(e)
    assert e.warning == '299 x "no such syntax"' and "only application/dicom" in e.body


def test_429_then_200_is_retried_after_retry_after() -> None:
    answers = [(429, [("Retry-After", "0")], b"slow down"), (503, [], b""),
               _json([_study("1.2.3.1")])]

    with QuirkServer(lambda r: answers.pop(0)) as server, _client(server) as web:
        found = web.search_studies()
    assert len(found) == 1 and len(server.requests) == 3


def test_retries_give_up_after_the_policy_attempts_with_the_last_status() -> None:
    with QuirkServer(lambda r: (503, [], b"maintenance")) as server, _client(server) as web, \
            pytest.raises(DicomWebError) as info:
        web.search_studies()
    assert info.value.status == 503 and len(server.requests) == FAST.attempts
    assert "maintenance" in info.value.body


def test_store_is_not_retried_because_post_is_not_idempotent() -> None:
    with QuirkServer(lambda r: (503, [], b"")) as server, _client(server) as web, \
            pytest.raises(DicomWebError) as info:
        web.store([sample("CT_small.dcm")])
    assert info.value.status == 503 and len(server.requests) == 1


def test_connection_refused_raises_a_connection_error_after_retries() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with BlockingDicomWebClient(f"http://127.0.0.1:{port}/dicom-web", retry=FAST) as web, \
            pytest.raises(DicomWebConnectionError) as info:
        web.search_studies()
    assert info.value.status == -1 and f":{port}/" in info.value.url


def test_a_server_that_never_answers_is_a_timeout_after_retries() -> None:
    """The read timeout (``timeout=``) ends a request a server accepted and never answered; a
    search is idempotent, so it is retried, then the error names the URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)  # connections are accepted by the kernel, never answered
        port = s.getsockname()[1]
        with BlockingDicomWebClient(f"http://127.0.0.1:{port}/dicom-web", retry=FAST,
                                    timeout=0.2) as web, \
                pytest.raises(DicomWebConnectionError) as info:
            web.search_studies()
    assert info.value.status == -1 and f":{port}/dicom-web/studies" in info.value.url
    assert "Timeout" in str(info.value)


def test_basic_and_bearer_credentials_are_sent_on_every_request() -> None:
    tokens = iter(["t1", "t2"])
    with QuirkServer(lambda r: (204, [], b"")) as server:
        with _client(server, auth=BasicAuth("alice", "s3cret:x")) as web:
            web.search_studies()
        with _client(server, auth=BearerAuth(lambda: next(tokens))) as web:
            web.search_studies()
            web.search_series()
    auth = [r.header("authorization") for r in server.requests]
    assert auth[0] == "Basic " + base64.b64encode(b"alice:s3cret:x").decode()
    assert auth[1:] == ["Bearer t1", "Bearer t2"]


def test_401_says_to_check_the_credentials() -> None:
    with QuirkServer(lambda r: (401, [("WWW-Authenticate", "Basic")], b"")) as server, \
            _client(server) as web, pytest.raises(DicomWebError, match="credentials") as info:
        web.search_studies()
    assert info.value.status == 401


# ------------------------------------------------------------------ WADO-RS
def _multipart(parts: list[tuple[list[tuple[str, str]], bytes]], boundary: str) -> bytes:
    out = b""
    for headers, body in parts:
        out += b"--" + boundary.encode() + b"\r\n"
        out += b"".join(f"{k}: {v}\r\n".encode() for k, v in headers) + b"\r\n" + body + b"\r\n"
    return out + b"--" + boundary.encode() + b"--\r\n"


@pytest.mark.parametrize("content_type", [
    'multipart/related; type="application/dicom"; boundary="a b=c:d"',
    "MULTIPART/RELATED; boundary=plainBoundary; type=application/dicom",
], ids=["quoted", "unquoted"])
def test_retrieve_reads_parts_with_quoted_or_unquoted_boundaries_and_odd_header_case(
        content_type: str, tmp_path: Path) -> None:
    boundary = "a b=c:d" if "a b=c:d" in content_type else "plainBoundary"
    files = [sample("CT_small.dcm"), sample("MR_small.dcm")]
    body = _multipart([([("CONTENT-type", "application/dicom")], f.read_bytes()) for f in files],
                      boundary)
    with QuirkServer(lambda r: (200, [("content-TYPE", content_type)], body)) as server, \
            _client(server) as web:
        datasets = web.retrieve("1.2")
        paths = web.retrieve_to(tmp_path, "1.2")
    assert [d.SOPInstanceUID for d in datasets] == [read(f).SOPInstanceUID for f in files]
    assert [p.read_bytes() for p in paths] == [f.read_bytes() for f in files]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{read(f).SOPInstanceUID}.dcm" for f in files)
    assert server.requests[0].header("accept") == 'multipart/related; type="application/dicom"'


def test_retrieve_to_leaves_no_file_when_the_body_breaks_off(tmp_path: Path) -> None:
    data = sample("CT_small.dcm").read_bytes()
    body = b"--b\r\nContent-Type: application/dicom\r\n\r\n" + data[:5000]
    with QuirkServer(lambda r: (200, [("Content-Type", "multipart/related; boundary=b")], body)) as server, \
            _client(server) as web, pytest.raises(MultipartError):
        web.retrieve_to(tmp_path, "1.2", transfer_syntax="*")
    assert list(tmp_path.iterdir()) == []
    assert "transfer-syntax=*" in (server.requests[0].header("accept") or "")


def test_frames_without_transfer_syntax_are_explicit_vr_little_endian() -> None:
    boundary = "f"
    body = _multipart([([("Content-Type", "application/octet-stream")], b"\x01\x02"),
                       ([("content-type", "application/octet-stream; transfer-syntax=1.2.840.10008.1.2")],
                        b"\x03\x04")], boundary)
    ct = "multipart/related; type=application/octet-stream; boundary=f"
    with QuirkServer(lambda r: (200, [("Content-Type", ct)], body)) as server, _client(server) as web:
        frames = web.retrieve_frames("1", "2", "3", [1, 2])
    assert [(f.data, f.transfer_syntax) for f in frames] == [
        (b"\x01\x02", uids.ExplicitVRLittleEndian), (b"\x03\x04", uids.ImplicitVRLittleEndian)]
    assert server.requests[0].path == "/dicom-web/studies/1/series/2/instances/3/frames/1,2"
    assert server.requests[0].header("accept") == 'multipart/related; type="application/octet-stream"'


def test_a_single_frame_sent_without_multipart_is_still_one_frame() -> None:
    with QuirkServer(lambda r: (200, [("Content-Type", "application/octet-stream")], b"\x09" * 8)) as server, \
            _client(server) as web:
        frames = web.retrieve_frames("1", "2", "3", 1)
    assert frames[0].data == b"\x09" * 8 and frames[0].transfer_syntax == uids.ExplicitVRLittleEndian


def test_bulkdata_is_fetched_relative_or_absolute_with_a_range() -> None:
    body = _multipart([([("Content-Type", "application/octet-stream")], b"abc")], "q")
    with QuirkServer(lambda r: (200, [("Content-Type", "multipart/related; boundary=q")], body)) as server, \
            _client(server) as web:
        assert web.retrieve_bulkdata("studies/1/bulk/7fe00010", byte_range=(0, 2)) == b"abc"
        assert web.retrieve_bulkdata(server.url + "/x/y") == b"abc"
    assert server.requests[0].path == "/dicom-web/studies/1/bulk/7fe00010"
    assert server.requests[0].header("range") == "bytes=0-2"
    assert server.requests[1].path == "/dicom-web/x/y"


def test_rendered_and_thumbnail_send_their_parameters_and_return_bytes() -> None:
    with QuirkServer(lambda r: (200, [("Content-Type", "image/png")], b"\x89PNG...")) as server, \
            _client(server) as web:
        got = web.retrieve_rendered("1", "2", "3", frames=1, media_type="image/png",
                                    window=(40, 400, "linear"), viewport=(64, 64), quality=90)
        web.retrieve_thumbnail("1", viewport=(32, 32))
    assert got == b"\x89PNG..."
    r, t = server.requests
    assert r.path == "/dicom-web/studies/1/series/2/instances/3/frames/1/rendered"
    assert r.query == [("window", "40,400,linear"), ("viewport", "64,64"), ("quality", "90")]
    assert r.header("accept") == "image/png"
    assert t.path == "/dicom-web/studies/1/thumbnail" and t.query == [("viewport", "32,32")]


# ------------------------------------------------------------------ STOW-RS
def _store_answer(status: int, referenced: list[tuple[str, str, int | None]],
                  failed: list[tuple[str, str, int]], content_type: str) -> Answer:
    ds = Dataset()
    if referenced:
        items = []
        for cls, uid, warn in referenced:
            item = Dataset()
            item.ReferencedSOPClassUID = cls
            item.ReferencedSOPInstanceUID = uid
            item.RetrieveURL = f"http://x/{uid}"
            if warn is not None:
                item.WarningReason = warn
            items.append(item)
        ds.ReferencedSOPSequence = items
    if failed:
        items = []
        for cls, uid, reason in failed:
            item = Dataset()
            item.ReferencedSOPClassUID = cls
            item.ReferencedSOPInstanceUID = uid
            item.FailureReason = reason
            items.append(item)
        ds.FailedSOPSequence = items
    return status, [("Content-Type", content_type)], json_model.dumps(ds).encode()


def _ids(path: Path) -> tuple[str, str]:
    ds = read(path)
    return str(ds.SOPClassUID), str(ds.SOPInstanceUID)


def test_store_202_with_charset_gives_an_outcome_per_instance() -> None:
    ct, mr = sample("CT_small.dcm"), sample("MR_small.dcm")
    (c1, u1), (c2, u2) = _ids(ct), _ids(mr)
    answer = _store_answer(202, [(c1, u1, 0xB000)], [(c2, u2, 0xA700)],
                           "application/dicom+json; charset=utf-8")
    with QuirkServer(lambda r: answer) as server, _client(server) as web:
        result = web.store([ct, mr], study=None)
    assert result.http_statuses == [202] and not result.ok
    first, second = result.outcomes
    assert (first.sop_instance_uid, first.status, first.reason) == (u1, "warning", 0xB000)
    assert first.reason_info is not None and first.reason_info.pattern == "B000"
    assert (second.sop_instance_uid, second.status, second.reason) == (u2, "failed", 0xA700)
    assert second.reason_info is not None and second.reason_info.pattern == "A7xx"
    # what went out: one multipart/related body of both files, byte for byte
    req = server.requests[0]
    assert req.method == "POST" and req.path == "/dicom-web/studies"
    ctype = req.header("content-type") or ""
    assert ctype.startswith('multipart/related; type="application/dicom"; boundary=')
    from dicomkit.web.multipart import boundary_of, read_parts
    parts = read_parts(req.body, boundary_of(ctype))
    assert [body for _, body in parts] == [ct.read_bytes(), mr.read_bytes()]


def test_store_409_returns_failures_instead_of_raising() -> None:
    ct = sample("CT_small.dcm")
    c1, u1 = _ids(ct)
    answer = _store_answer(409, [], [(c1, u1, 0x0122)], "application/dicom+json")
    with QuirkServer(lambda r: answer) as server, _client(server) as web:
        result = web.store([ct], study="1.2.3")
    assert result.http_statuses == [409] and [o.status for o in result.outcomes] == ["failed"]
    assert server.requests[0].path == "/dicom-web/studies/1.2.3"


def test_store_in_batches_of_data_sets_and_bytes_with_progress() -> None:
    files = [sample("CT_small.dcm"), sample("MR_small.dcm"), sample("rtplan.dcm")]
    ids = [_ids(f) for f in files]

    def handler(r: Request) -> Answer:
        from dicomkit.web.multipart import boundary_of, read_parts
        got = [read(body) for _, body in read_parts(r.body, boundary_of(r.header("content-type") or ""))]
        return _store_answer(200, [(str(d.SOPClassUID), str(d.SOPInstanceUID), None) for d in got],
                             [], "application/dicom+json")

    progress: list[tuple[int, int]] = []
    with QuirkServer(handler) as server, _client(server) as web:
        result = web.store([read(files[0]), files[1].read_bytes(), files[2]], batch_size=2,
                           progress=lambda a, b: progress.append((a, b)))
    assert len(server.requests) == 2 and progress == [(2, 3), (3, 3)]
    assert result.ok and [(o.sop_class_uid, o.sop_instance_uid) for o in result.outcomes] == ids
    assert all(o.retrieve_url.endswith(o.sop_instance_uid) for o in result.outcomes)


def test_store_response_array_of_one_and_missing_instances_are_unknown() -> None:
    ct = sample("CT_small.dcm")
    _, body_headers_body = None, _store_answer(200, [("1.2", "9.9.9", None)], [], "application/json")
    status, headers, body = body_headers_body
    with QuirkServer(lambda r: (status, headers, b"[" + body + b"]")) as server, _client(server) as web:
        result = web.store([ct])
    assert [o.status for o in result.outcomes] == ["unknown", "stored"]
    assert result.outcomes[1].sop_instance_uid == "9.9.9"


@pytest.mark.parametrize("body", [b"{", b"<not json", b"[1, 2]", json.dumps({"0008": 3}).encode()])
def test_a_store_response_that_is_not_a_store_response_raises_dicomweb_error(body: bytes) -> None:
    with QuirkServer(lambda r: (200, [("Content-Type", "application/dicom+json")], body)) as server, \
            _client(server) as web, pytest.raises(DicomWebError) as info:
        web.store([sample("CT_small.dcm")])
    assert info.value.status == 200 and info.value.method == "POST"


# ------------------------------------------------------------------ async, on both backends
@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.anyio
async def test_async_client_runs_on_asyncio_and_trio() -> None:
    with QuirkServer(_paging_server(3)) as server:
        async with DicomWebClient(server.url, retry=FAST) as web:
            found = await web.search_studies(page_size=2)
            streamed = [d.StudyInstanceUID async for d in web.aiter_search("/studies")]
    assert [d.StudyInstanceUID for d in found] == streamed == ["1.2.3.0", "1.2.3.1", "1.2.3.2"]


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_blocking_client_keeps_one_client_open_on_either_backend(backend: str) -> None:
    with QuirkServer(lambda r: (204, [], b"")) as server, \
            BlockingDicomWebClient(server.url, backend=backend) as web:
        first = web.client
        web.search_studies()
        web.search_series()
        assert web.client is first
    assert len(server.requests) == 2
    web.close()  # closing twice is harmless


# ------------------------------------------------------------------ TLS
def _tls_server_context(tmp_path: Path):  # type: ignore[no-untyped-def]
    import ssl

    from tests.net.peers import make_tls_files

    pki = make_tls_files(tmp_path)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=str(pki.ca_cert))
    ctx.load_cert_chain(str(pki.server_cert), str(pki.server_key))
    ctx.verify_mode = ssl.CERT_REQUIRED
    return pki, ctx


def test_tls_with_a_private_ca_and_a_client_certificate(tmp_path: Path) -> None:
    from dicomkit.web.client import TlsOptions

    pki, ctx = _tls_server_context(tmp_path)
    with QuirkServer(lambda r: (204, [], b""), ssl_context=ctx) as server:
        tls = TlsOptions(ca_file=pki.ca_cert, cert_file=pki.client_cert, key_file=pki.client_key)
        with _client(server, tls=tls) as web:
            assert list(web.search_studies()) == []
        # the server asks for a client certificate: without one the handshake fails
        with _client(server, tls=TlsOptions(ca_file=pki.ca_cert)) as web, \
                pytest.raises(DicomWebConnectionError):
            web.search_studies()
        # a server certificate from a CA we were not told to trust is refused
        with _client(server, tls=TlsOptions(cert_file=pki.client_cert, key_file=pki.client_key)) as web, \
                pytest.raises(DicomWebConnectionError):
            web.search_studies()
    assert len(server.requests) == 1


def test_xml_metadata_parts_are_read_as_data_sets() -> None:
    from dicomkit.web.xml_model import to_xml

    a, b = _study("1.2.3.1"), _study("1.2.3.2")
    body = _multipart([([("Content-Type", "application/dicom+xml; charset=utf-8")], to_xml(x))
                       for x in (a, b)], "x")
    ct = 'multipart/related; type="application/dicom+xml"; boundary=x'
    with QuirkServer(lambda r: (200, [("Content-Type", ct)], body)) as server, _client(server) as web:
        got = web.retrieve_metadata("1.2", xml=True)
    assert got == [a, b]
    assert server.requests[0].path == "/dicom-web/studies/1.2/metadata"
    assert server.requests[0].header("accept") == 'multipart/related; type="application/dicom+xml"'


# ------------------------------------------------------------------ OAuth 2.0
def test_oauth2_client_credentials_token_is_fetched_reused_and_refreshed_before_expiry() -> None:
    from urllib.parse import parse_qsl

    from dicomkit.web.client import OAuth2ClientCredentials

    issued: list[str] = []
    now = [0.0]

    def handler(r: Request) -> Answer:
        if r.path == "/token":
            assert r.method == "POST"
            assert dict(parse_qsl(r.body.decode())) == {"grant_type": "client_credentials",
                                                        "scope": "dicomweb"}
            assert r.header("authorization") == "Basic " + base64.b64encode(b"app:pw").decode()
            issued.append(f"tok{len(issued) + 1}")
            return 200, [("Content-Type", "application/json")], json.dumps(
                {"access_token": issued[-1], "token_type": "Bearer", "expires_in": 100}).encode()
        if r.header("authorization") != f"Bearer {issued[-1]}" or r.query == [("revoked", "1")]:
            return 401, [], b""
        return 204, [], b""

    with QuirkServer(handler) as server:
        token_url = server.url.replace("/dicom-web", "/token")
        auth = OAuth2ClientCredentials(token_url, "app", "pw", scope="dicomweb",
                                       refresh_margin=30, clock=lambda: now[0])
        with _client(server, auth=auth) as web:
            web.search_studies()            # t=0: first token
            now[0] = 50.0
            web.search_studies()            # still valid: reused
            now[0] = 75.0
            web.search_studies()            # 25 s left, under the margin: refreshed
            with pytest.raises(DicomWebError) as info:
                web.search_studies(extra={"revoked": "1"})  # 401 again with a new token
    assert issued == ["tok1", "tok2", "tok3"]
    assert info.value.status == 401
    calls = [(r.path, r.header("authorization")) for r in server.requests if r.path != "/token"]
    assert [a for _, a in calls] == ["Bearer tok1", "Bearer tok1", "Bearer tok2", "Bearer tok2",
                                     "Bearer tok3"]


def test_oauth2_token_endpoint_refusal_is_a_dicomweb_error() -> None:
    from dicomkit.web.client import OAuth2ClientCredentials

    with QuirkServer(lambda r: (400, [("Content-Type", "application/json")],
                                b'{"error":"invalid_client"}')) as server:
        auth = OAuth2ClientCredentials(server.url + "/token", "app", "bad")
        with _client(server, auth=auth) as web, pytest.raises(DicomWebError) as info:
            web.search_studies()
    assert info.value.status == 400 and "invalid_client" in info.value.body
    assert len(server.requests) == 1


def test_store_batches_by_bytes_and_a_large_instance_goes_alone() -> None:
    files = [sample("CT_small.dcm"), sample("MR_small.dcm"), sample("rtplan.dcm")]
    sizes = [f.stat().st_size for f in files]

    def handler(r: Request) -> Answer:
        from dicomkit.web.multipart import boundary_of, read_parts
        got = [read(body) for _, body in read_parts(r.body, boundary_of(r.header("content-type") or ""))]
        return _store_answer(200, [(str(d.SOPClassUID), str(d.SOPInstanceUID), None) for d in got],
                             [], "application/dicom+json")

    with QuirkServer(handler) as server, _client(server) as web:
        # CT (39 KB) alone: with MR it would pass the limit; MR and the small plan together
        result = web.store(files, batch_bytes=sizes[1] + sizes[2])
    from dicomkit.web.multipart import boundary_of, read_parts
    counts = [len(read_parts(r.body, boundary_of(r.header("content-type") or ""))) for r in server.requests]
    assert sizes[0] + sizes[1] > sizes[1] + sizes[2]
    assert counts == [1, 2] and result.ok and len(result.outcomes) == 3


def test_wado_uri_sends_the_uri_service_parameters() -> None:
    data = sample("CT_small.dcm").read_bytes()
    with QuirkServer(lambda r: (200, [("Content-Type", "application/dicom")], data)) as server:
        wado = server.url.replace("/dicom-web", "/wado")
        with _client(server, wado_uri=wado) as web:
            got = web.retrieve_wado_uri("1.2", "3.4", "5.6", transfer_syntax=uids.ExplicitVRLittleEndian,
                                        anonymize=True)
        with _client(server) as web, pytest.raises(ValueError):
            web.retrieve_wado_uri("1.2", "3.4", "5.6")
    assert got == data
    r = server.requests[0]
    assert r.path == "/wado" and r.header("accept") == "application/dicom"
    assert r.query == [("requestType", "WADO"), ("studyUID", "1.2"), ("seriesUID", "3.4"),
                       ("objectUID", "5.6"), ("contentType", "application/dicom"),
                       ("transferSyntax", uids.ExplicitVRLittleEndian), ("anonymize", "yes")]


def test_frames_with_an_accept_of_several_ranges_and_q_values() -> None:
    from dicomkit.web.client import multipart_accept

    body = _multipart([([("Content-Type", f"image/jls; transfer-syntax={uids.JPEGLSLossless}")], b"\xff\xd8")], "j")
    accept = multipart_accept([("image/jls", uids.JPEGLSLossless, 1.0),
                               ("application/octet-stream", None, 0.5)])
    with QuirkServer(lambda r: (200, [("Content-Type", "multipart/related; boundary=j")], body)) as server, \
            _client(server) as web:
        (frame,) = web.retrieve_frames("1", "2", "3", range(1, 2), accept=accept)
    assert (frame.media_type, frame.transfer_syntax) == ("image/jls", uids.JPEGLSLossless)
    sent = server.requests[0].header("accept") or ""
    assert sent == (f'multipart/related; type="image/jls"; transfer-syntax={uids.JPEGLSLossless}, '
                    'multipart/related; type="application/octet-stream"; q=0.5')
    from dicomkit.web import media_types
    ranges = media_types.parse_accept(sent)
    assert [(r.range.param("type"), r.q) for r in ranges] == [("image/jls", 1.0), ("application/octet-stream", 0.5)]
    with pytest.raises(ValueError):
        multipart_accept([("image/jls", None, 1.5)])


@pytest.mark.parametrize("body", [b"[]", b"", b"[{}, {}]", b"[1]", b"{}", b"[{]"])
def test_search_answers_parse_alike_whole_or_streamed(body: bytes) -> None:
    """A Search answer with a Content-Length is parsed whole, one without (chunked) streamed:
    the same data sets, or a JsonModelError, either way."""
    from dicomkit.web.errors import JsonModelError

    outcomes = []
    for sized in (True, False):
        headers = [("Content-Type", "application/dicom+json")]
        if not sized:
            headers.append(("Transfer-Encoding", "chunked"))
        payload = body if sized else (f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n" if body
                                      else b"0\r\n\r\n")
        answer = (200, headers + ([("Content-Length", str(len(body)))] if sized else []), payload)
        with QuirkServer(lambda r, a=answer: a) as server, _client(server) as web:  # type: ignore[misc]
            try:
                outcomes.append(len(web.search_studies()))
            except JsonModelError:
                outcomes.append(-1)
    assert outcomes[0] == outcomes[1]


def test_keys_a_server_need_not_support_on_a_resource_are_named() -> None:
    """PS3.18 Tables 10.6.1-4/-5: All Studies supports the Study keys only, All Instances the
    keys of all three levels; a key outside them may be ignored by the server."""
    from dicomkit.web.client import unlisted_keys

    with QuirkServer(lambda r: (204, [], b"")) as server, _client(server) as web:
        found = web.search_studies({"PatientID": "1", "Modality": "CT", tags.StudyDate: "2024"})
        everywhere = web.search_instances({"PatientID": "1", "Modality": "CT"})
    assert found.unlisted_keys == ["Modality"] and everywhere.unlisted_keys == []
    assert unlisted_keys("Study's Series' Instances", {"SOPInstanceUID": "1", "PatientName": "x"}) == [
        "PatientName"]
    with pytest.raises(KeyError):
        unlisted_keys("No Such Resource", {})


def test_store_400_with_a_store_response_gives_outcomes_and_without_one_raises() -> None:
    ct, mr = sample("CT_small.dcm"), sample("MR_small.dcm")
    (c1, u1), (_, u2) = _ids(ct), _ids(mr)
    answers = [_store_answer(400, [(c1, u1, None)], [], "application/dicom+json"),
               (400, [("Content-Type", "text/plain")], b"malformed multipart")]
    with QuirkServer(lambda r: answers.pop(0)) as server, _client(server) as web:
        result = web.store([ct, mr])
        with pytest.raises(DicomWebError) as info:
            web.store([ct])
    assert result.http_statuses == [400] and not result.ok
    assert [(o.sop_instance_uid, o.status) for o in result.outcomes] == [(u1, "stored"), (u2, "unknown")]
    assert info.value.status == 400 and "malformed multipart" in info.value.body
