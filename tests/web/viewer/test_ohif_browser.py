"""The OHIF viewer (npm @ohif/app 3.13) in Debian's headless Chromium, served by
dicomkit.web.viewer with DICOMweb at the same origin: the study list shows the stored studies, a
study opens, thumbnails and the first image render.  Screenshots, the browser's requests and the
DICOMweb request log stay in the test's tmp_path.

The DICOMweb server behind the viewer is the ``dicomweb_server`` fixture's parameter: Orthanc's
DICOMweb plugin, and dicomkit's own server (``dicomkit.web.server``), with the same checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from dicomkit.io.reader import read
from dicomkit.web.client.blocking import BlockingDicomWebClient
from tests.samples import sample
from tests.web.ohif import Harness, ohif_harness, run_browser, viewer_site  # noqa: F401  (fixture)
from tests.web.orthanc import orthanc

pytestmark = pytest.mark.slow

#: A CT, an MR and a four-image MR series, each its own study.
SAMPLES = ["CT_small.dcm", "MR_small.dcm", *(f"dicomdirtests/98892003/MR2/{n}"
                                            for n in ("4950", "4981", "5011", "6273"))]


@dataclass(frozen=True)
class Server:
    """A DICOMweb server under test: its root and the viewer options that suit it."""

    root: str
    viewer_options: dict[str, Any]


@pytest.fixture(scope="module", params=["orthanc", "dicomkit"])
def dicomweb_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                    ) -> Iterator[Server]:
    """A DICOMweb server holding :data:`SAMPLES`, stored with our DICOMweb client's STOW-RS.

    Orthanc's plugin (1.7) has no ``/thumbnail`` resource (404) but ``/rendered``: its thumbnails
    are asked for as ``rendered``."""
    if request.param == "orthanc":
        with orthanc(tmp_path_factory.mktemp("orthanc")) as root:
            with BlockingDicomWebClient(root) as web:
                result = web.store([sample(n) for n in SAMPLES])
                assert all(o.status == "stored" for o in result.outcomes), result
            yield Server(root, {"thumbnail_rendering": "rendered"})
    elif request.param == "dicomkit":
        from tests.web.server.running import archive_of, running

        archive = archive_of(tmp_path_factory.mktemp("dicomkit"))
        try:
            with running(archive) as root:
                with BlockingDicomWebClient(root) as web:
                    result = web.store([sample(n) for n in SAMPLES])
                    assert all(o.status == "stored" for o in result.outcomes), result
                # ours has /thumbnail (PS3.18 10.4.1.1.3): the viewer's default rendering
                yield Server(root, {})
        finally:
            archive.close()
    else:  # pragma: no cover - a server not set up here
        raise AssertionError(f"no DICOMweb server {request.param!r}")


def _study_texts() -> tuple[list[dict[str, Any]], str]:
    studies: dict[str, dict[str, Any]] = {}
    for name in SAMPLES:
        ds = read(sample(name))
        uid = str(ds.StudyInstanceUID)
        # the study list shows each study's patient as "Family, Given"
        family, _, given = str(ds.PatientName).partition("^")
        studies.setdefault(uid, {"uid": uid, "texts": [f"{family}, {given}"]})
    ct = str(read(sample("CT_small.dcm")).StudyInstanceUID)
    n = len(studies)
    return [*studies.values(), {"uid": None, "texts": [f"1-{n} of {n}"]}], ct  # its row count


def test_ohif_study_list_study_thumbnails_and_first_image(
        ohif_harness: Harness, dicomweb_server: Server, tmp_path: Path) -> None:  # noqa: F811
    studies, ct = _study_texts()
    with viewer_site(ohif_harness, dicomweb_server.root, **dicomweb_server.viewer_options) as (site, log):
        run = run_browser(ohif_harness, site, tmp_path, studies=studies, viewer_uid=ct,
                          filter_text="Doe", filter_expect=["1-2 of 2"], filter_request="PatientName=")
        log.write(tmp_path / "dicomweb-requests.log")
    assert not run.failed(), (run.failed(), f"see {tmp_path}")
    paths = log.paths()
    assert any(p.startswith("/studies?limit=101&offset=0&fuzzymatching=false&includefield=") for p in paths)
    assert any(p.startswith(f"/studies/{ct}/series?includefield=") for p in paths), paths
    assert any(p.startswith(f"/studies/{ct}/series/") and p.endswith("/metadata") for p in paths), paths
    assert any(p.endswith("/frames/1") for p in paths), paths
    assert any("PatientName=%2ADoe%2A" in p or "PatientName=*Doe*" in p for p in paths), paths
    if dicomweb_server.viewer_options.get("thumbnail_rendering") == "rendered":
        assert any("/rendered" in p for p in paths), paths
    else:
        assert any("/thumbnail" in p for p in paths), paths
    assert all(e["status"] < 400 for e in log.entries), [e for e in log.entries if e["status"] >= 400]
    for shot in ("study-list.png", "viewer.png"):
        assert (tmp_path / shot).stat().st_size > 10_000


def test_ohif_viewer_link_with_token_reaches_dicomweb_behind_bearer_auth(
        ohif_harness: Harness, dicomweb_server: Server, tmp_path: Path) -> None:  # noqa: F811
    """The viewer's ``?token=`` link: OHIF takes the token from its URL and sends it as
    ``Authorization: Bearer`` on every DICOMweb request, which BearerAuth checks."""
    from starlette.middleware import Middleware

    from dicomkit.web.security import BearerAuth, KeySet, TokenVerifier
    from tests.web.security import tokens

    _, ct = _study_texts()
    verifier = TokenVerifier(KeySet.from_jwks(tokens.jwks()), issuer=tokens.ISSUER,
                             audience=tokens.AUDIENCE)
    auth = [Middleware(BearerAuth, verifier=verifier, policy=lambda claims, uid: uid in claims["studies"])]
    token = tokens.mint(studies=[ct])
    with viewer_site(ohif_harness, dicomweb_server.root, dicomweb_middleware=auth,
                     **dicomweb_server.viewer_options) as (site, log):
        assert httpx.get(f"{site}/dicom-web/studies").status_code == 401
        run = run_browser(ohif_harness, site, tmp_path, studies=[], viewer_uid=ct,
                          viewer_query=f"&token={token}")
        log.write(tmp_path / "dicomweb-requests.log")
    assert not run.failed(), (run.failed(), f"see {tmp_path}")
    dicomweb = [r for r in run.requests if "/dicom-web/" in r["url"]]
    assert dicomweb and all(r["authorization"] and r["status"] == 200 for r in dicomweb), dicomweb
    assert any(e["target"].endswith("/frames/1") for e in log.entries)
