"""``dicomkit serve`` as a process: DIMSE and DICOMweb over one archive.  pynetdicom stores an
instance by C-STORE that QIDO-RS then finds; an instance stored by STOW-RS is found by
pynetdicom's C-FIND; SIGTERM stops both with status 0."""

from __future__ import annotations

import contextlib
import io
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dicomkit.web.multipart import Part, content_type, iter_multipart, make_boundary
from tests.archive.make import instance, uid


@contextlib.contextmanager
def serve(folder: Path, *extra: str) -> Iterator[tuple[str, int, subprocess.Popen[str]]]:
    """``dicomkit serve`` on free loopback ports: (DICOMweb URL, DIMSE port, process)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "dicomkit.cli.main", "serve", str(folder / "archive"),
         "--http-port", "0", "--dimse-port", "0", "--aet", "DKSERVE", "--quiet", *extra],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    url, seen = None, []
    port: int | None = 0 if "--no-dimse" in extra else None
    try:
        deadline = time.monotonic() + 60
        assert proc.stderr is not None
        while url is None or port is None:
            line = proc.stderr.readline()
            seen.append(line)
            if not line and proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("dicomkit serve did not start: " + "".join(seen))
            m = re.search(r"DICOMweb on (https?://\S+),", line)
            if m:
                url = m.group(1)
            m = re.search(r"DIMSE on [\d.]+:(\d+) as", line)
            if m:
                port = int(m.group(1))
        yield url, port, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_serve_runs_dimse_and_dicomweb_over_one_archive(tmp_path: Path) -> None:
    pynetdicom = pytest.importorskip("pynetdicom")
    import pydicom
    from pynetdicom.sop_class import CTImageStorage, StudyRootQueryRetrieveInformationModelFind

    st1, st2 = uid(), uid()
    with serve(tmp_path) as (url, port, proc):
        ae = pynetdicom.AE(ae_title="PYNET")
        ae.add_requested_context(CTImageStorage)
        ae.add_requested_context(StudyRootQueryRetrieveInformationModelFind)
        assoc = ae.associate("127.0.0.1", port, ae_title="DKSERVE")
        assert assoc.is_established
        ds = pydicom.dcmread(io.BytesIO(instance(st1, uid(), uid())))
        assert assoc.send_c_store(ds).Status == 0
        # DICOMweb finds what DIMSE stored
        found = httpx.get(f"{url}/studies", params={"StudyInstanceUID": st1})
        assert found.status_code == 200 and st1 in found.text
        # ... and DIMSE finds what DICOMweb stored
        boundary = make_boundary()
        body = b"".join(iter_multipart([Part(instance(st2, uid(), uid()),
                                             content_type="application/dicom")], boundary))
        r = httpx.post(f"{url}/studies", content=body,
                       headers={"Content-Type": content_type(boundary, "application/dicom")})
        assert r.status_code == 200, r.text
        query = pydicom.Dataset()
        query.QueryRetrieveLevel = "STUDY"
        query.StudyInstanceUID = ""
        answers = [i.StudyInstanceUID for s, i in
                   assoc.send_c_find(query, StudyRootQueryRetrieveInformationModelFind)
                   if s.Status in (0xFF00, 0xFF01)]
        assert sorted(answers) == sorted([st1, st2])
        assoc.release()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0


def test_serve_refuses_a_port_in_use(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "dicomkit.cli.main", "serve", str(tmp_path / "a"),
             "--http-port", str(busy), "--no-dimse"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "cannot listen" in result.stderr


# -- the viewer, bearer tokens and TLS (issue 16) ----------------------------------------------

def test_serve_viewer_puts_ohif_at_the_root_and_dicomweb_under_dicom_web(tmp_path: Path) -> None:
    """``--viewer``: the OHIF build at ``/`` with an app-config.js naming ``/dicom-web``, where
    DICOMweb is (the browser test, tests/web/viewer, runs the viewer itself)."""
    from tests.conftest import missing
    from tests.web.ohif import dist_dir

    if not (dist_dir() / "index.html").is_file():
        missing(f"the OHIF viewer in {dist_dir()} (python -m tests.web.ohif install)")
    with serve(tmp_path, "--no-dimse", "--viewer", "--viewer-dir", str(dist_dir())) as (url, _, _p):
        assert url.endswith("/dicom-web")
        site = url[: -len("/dicom-web")]
        index = httpx.get(site + "/", timeout=30)
        assert index.status_code == 200 and "<html" in index.text.lower()
        config = httpx.get(site + "/app-config.js", timeout=30).text
        assert '"/dicom-web"' in config
        # a client route of the viewer falls back to index.html; DICOMweb answers under its prefix
        assert httpx.get(site + "/viewer?StudyInstanceUIDs=1.2.3", timeout=30).status_code == 200
        assert httpx.get(url + "/studies", timeout=30).status_code == 204


def test_serve_without_the_viewer_installed_says_how_to_install_it(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "dicomkit.cli.main", "serve", str(tmp_path / "archive"), "--no-dimse",
         "--http-port", "0", "--viewer", "--viewer-dir", str(tmp_path / "nothing")],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1
    assert "OHIF viewer is not installed" in proc.stderr and "npm" in proc.stderr


def test_serve_jwks_requires_bearer_tokens(tmp_path: Path) -> None:
    import json

    from tests.web.security import tokens

    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps(tokens.jwks()))
    with serve(tmp_path, "--no-dimse", "--jwks", str(jwks), "--issuer", tokens.ISSUER,
               "--audience", tokens.AUDIENCE) as (url, _, _p):
        refused = httpx.get(url + "/studies", timeout=30)
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith("Bearer")
        ok = httpx.get(url + "/studies", timeout=30,
                       headers={"Authorization": f"Bearer {tokens.mint()}"})
        assert ok.status_code == 204
        expired = httpx.get(url + "/studies", timeout=30,
                            headers={"Authorization": f"Bearer {tokens.mint(lifetime=-3600)}"})
        assert expired.status_code == 401 and "expired" in expired.headers["www-authenticate"]


def test_serve_https_and_mutual_tls(tmp_path: Path) -> None:
    import ssl

    from tests.web.security.pki import make_pki

    pki = make_pki(tmp_path)
    with serve(tmp_path, "--no-dimse", "--cert", str(pki.server_cert), "--key",
               str(pki.server_key), "--ca", str(pki.ca)) as (url, _, _p):
        assert url.startswith("https://")
        ctx = ssl.create_default_context(cafile=str(pki.ca))
        ctx.load_cert_chain(pki.client_cert, pki.client_key)
        assert httpx.get(url + "/studies", verify=ctx, timeout=30).status_code == 204
        bare = ssl.create_default_context(cafile=str(pki.ca))
        with pytest.raises((httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError)):
            httpx.get(url + "/studies", verify=bare, timeout=30)


def test_serve_ups_one_store_over_dimse_and_ups_rs(tmp_path: Path) -> None:
    """``--ups``: a workitem created over DIMSE is retrieved and claimed over UPS-RS, and the
    claim's UPS State Report reaches a WebSocket subscriber (PS3.18 8.10.5)."""
    import anyio
    import orjson
    from websockets.sync.client import connect

    from dicomkit.core.uid import generate_uid
    from dicomkit.net import ApplicationEntity
    from dicomkit.net.services.ups import UpsClient, contexts
    from tests.workitems.items import new_workitem

    json_type = "application/dicom+json"
    with serve(tmp_path, "--ups", str(tmp_path / "ups.sqlite")) as (url, port, _):
        async def create_over_dimse() -> str:
            ours = ApplicationEntity("CLIUPS")
            async with ours.connect("127.0.0.1", port, called_ae="DKSERVE",
                                    contexts=contexts()) as assoc:
                return await UpsClient(assoc).create(new_workitem(label="via DIMSE"))

        uid = anyio.run(create_over_dimse)
        got = httpx.get(f"{url}/workitems/{uid}", headers={"Accept": json_type})
        assert got.status_code == 200
        assert got.json()[0]["00741204"]["Value"] == ["via DIMSE"]
        sub = httpx.post(f"{url}/workitems/{uid}/subscribers/CLIWS")
        assert sub.status_code == 201
        with connect(sub.headers["content-location"], open_timeout=20) as ws:
            claim = [{"00741000": {"vr": "CS", "Value": ["IN PROGRESS"]},
                      "00081195": {"vr": "UI", "Value": [generate_uid()]}}]
            r = httpx.put(f"{url}/workitems/{uid}/state", content=orjson.dumps(claim),
                          headers={"Content-Type": json_type})
            assert r.status_code == 200, r.text
            states: list[str] = []  # the subscription's initial SCHEDULED report may come
            while "IN PROGRESS" not in states:
                frame = orjson.loads(ws.recv(timeout=20))
                states.append(frame["00741000"]["Value"][0])
@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_serve_http2_over_tls_through_hypercorn(tmp_path: Path, backend: str) -> None:
    """``--http2``: hypercorn, ALPN h2 (RFC 9113 3.2); dicomkit's client with ``http2=True``
    stores and searches over HTTP/2, on asyncio and with ``--backend trio``."""
    import anyio

    from dicomkit.web.client import DicomWebClient, TlsOptions
    from tests.web.security.pki import make_pki

    pki = make_pki(tmp_path)
    st = uid()
    with serve(tmp_path, "--no-dimse", "--http2", "--backend", backend, "--cert",
               str(pki.server_cert), "--key", str(pki.server_key)) as (url, _, proc):
        assert url.startswith("https://")

        async def go() -> None:
            async with DicomWebClient(url, tls=TlsOptions(ca_file=pki.ca), http2=True) as web:
                result = await web.store([instance(st, uid(), uid())])
                assert [o.status for o in result.outcomes] == ["stored"]
                r = await web.request("GET", web.url_of("/studies"))
                await r.aclose()
                assert r.http_version == "HTTP/2" and r.status == 200
                assert [d.StudyInstanceUID for d in await web.search_studies()] == [st]

        anyio.run(go)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0


def test_serve_on_trio_runs_dimse_and_dicomweb(tmp_path: Path) -> None:
    """``--backend trio`` (hypercorn): the DIMSE application entity and DICOMweb on one trio
    loop; pynetdicom's C-ECHO and a QIDO-RS search, then SIGTERM stops both."""
    pynetdicom = pytest.importorskip("pynetdicom")
    from pynetdicom.sop_class import Verification

    with serve(tmp_path, "--backend", "trio") as (url, port, proc):
        ae = pynetdicom.AE(ae_title="PYNET")
        ae.add_requested_context(Verification)
        assoc = ae.associate("127.0.0.1", port, ae_title="DKSERVE")
        assert assoc.is_established
        assert assoc.send_c_echo().Status == 0
        assoc.release()
        r = httpx.get(f"{url}/studies")
        assert r.status_code == 204
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0


def test_serve_uvicorn_with_http2_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dicomkit.cli.main", "serve", str(tmp_path / "archive"),
         "--server", "uvicorn", "--http2"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "uvicorn serves neither HTTP/2 nor trio" in result.stderr
