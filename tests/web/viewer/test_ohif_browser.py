"""The OHIF viewer (npm @ohif/app 3.13) in Debian's headless Chromium, served by
dicomkit.web.viewer with DICOMweb at the same origin: the study list shows the stored studies, a
study opens, thumbnails and the first image render.  Screenshots, the browser's requests and the
DICOMweb request log stay in the test's tmp_path.

The DICOMweb server behind the viewer is the ``dicomweb_root`` fixture's parameter: Orthanc's
DICOMweb plugin now; adding ``"dicomkit"`` to its params (and a branch starting our server) runs
the same checks against ours.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="module", params=["orthanc"])
def dicomweb_root(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[str]:
    """A DICOMweb root holding :data:`SAMPLES`, stored with our DICOMweb client's STOW-RS."""
    if request.param == "orthanc":
        with orthanc(tmp_path_factory.mktemp("orthanc")) as root:
            with BlockingDicomWebClient(root) as web:
                result = web.store([sample(n) for n in SAMPLES])
                assert all(o.status == "stored" for o in result.outcomes), result
            yield root
    else:  # pragma: no cover - the next server
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
        ohif_harness: Harness, dicomweb_root: str, tmp_path: Path) -> None:  # noqa: F811
    studies, ct = _study_texts()
    with viewer_site(ohif_harness, dicomweb_root, thumbnail_rendering="wadors") as (site, log):
        run = run_browser(ohif_harness, site, tmp_path, studies=studies, viewer_uid=ct)
        log.write(tmp_path / "dicomweb-requests.log")
    assert not run.failed(), (run.failed(), f"see {tmp_path}")
    paths = log.paths()
    assert any(p.startswith("/studies?") and "limit=" in p for p in paths), paths
    assert any(p.startswith(f"/studies/{ct}/series") for p in paths), paths
    assert any("/metadata" in p for p in paths), paths
    assert any("/frames/" in p for p in paths), paths
    assert all(e["status"] < 400 for e in log.entries if "/frames/" in e["target"]), log.entries
    assert not [u for u in run.blocked if "127.0.0.1" in u], run.blocked
    for shot in ("study-list.png", "viewer.png"):
        assert (tmp_path / shot).stat().st_size > 10_000
