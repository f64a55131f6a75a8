"""dicomkit's DICOMweb client (dicomkit.web.client) against the dicomkit server: every
resource, STOW then WADO byte for byte, on asyncio and on trio."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import dicomkit
from dicomkit.generated import tags, uids
from dicomkit.web.bulkdata import BulkDataURI
from dicomkit.web.client import BlockingDicomWebClient
from tests.archive.make import instance, uid
from tests.web.server.running import archive_of, running


@pytest.fixture(params=["asyncio", "trio"])
def web(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[BlockingDicomWebClient]:
    archive = archive_of(tmp_path)
    try:
        with running(archive) as url, BlockingDicomWebClient(url, backend=request.param) as client:
            yield client
    finally:
        archive.close()


def test_own_client_store_then_every_resource(web: BlockingDicomWebClient, tmp_path: Path) -> None:
    st, se = uid(), uid()
    files = {s: instance(st, se, s, number=n) for n, s in enumerate((uid(), uid(), uid()), 1)}
    result = web.store(list(files.values()))
    assert {o.sop_instance_uid for o in result.outcomes if o.status == "stored"} == set(files)
    assert result.http_statuses == [200]
    # STOW then WADO byte for byte, streamed to files
    written = web.retrieve_to(tmp_path / "out", st, transfer_syntax="*")
    assert {p.name[:-4]: p.read_bytes() for p in written} == files
    assert len(web.retrieve(st, se)) == 3
    sop = next(iter(files))
    [one] = web.retrieve(st, se, sop, transfer_syntax=uids.ExplicitVRLittleEndian)
    assert one.SOPInstanceUID == sop
    # QIDO at the three levels
    assert [d.StudyInstanceUID for d in web.search_studies({"StudyInstanceUID": st})] == [st]
    assert [d.SeriesInstanceUID for d in web.search_series(study=st)] == [se]
    assert len(web.search_instances(study=st, series=se)) == 3
    assert len(web.search_instances(study=st, page_size=1)) == 3
    # metadata and its bulk data
    meta = web.retrieve_metadata(st, se, sop)
    [ds] = meta
    ref = ds[tags.PixelData].value
    assert isinstance(ref, BulkDataURI)
    pixels = dicomkit.read(files[sop])[tags.PixelData].value
    assert web.retrieve_bulkdata(ref.uri) == pixels
    assert web.retrieve_bulkdata(ref.uri, byte_range=(2, 9)) == pixels[2:10]
    assert len(web.retrieve_metadata(st)) == 3
    assert len(web.retrieve_metadata(st, xml=True)) == 3
    # frames, rendered, thumbnail
    [frame] = web.retrieve_frames(st, se, sop, 1)
    assert frame.data == pixels and frame.transfer_syntax == uids.ExplicitVRLittleEndian
    [rle] = web.retrieve_frames(st, se, sop, [1], media_type="image/dicom-rle")
    assert rle.transfer_syntax == uids.RLELossless
    assert web.retrieve_rendered(st, se, sop, media_type="image/png")[:4] == b"\x89PNG"
    assert web.retrieve_thumbnail(st, se)[:2] == b"\xff\xd8"
    assert web.retrieve_rendered(st, se, sop, window=(40.0, 400.0, "linear"),
                                 viewport=(64, 64), quality=50)[:2] == b"\xff\xd8"
