"""dicomweb-client (PyPI) against the dicomkit server: every method it has."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest
from dicomweb_client import DICOMwebClient

from dicomkit.generated import uids
from dicomkit.web.server import ServerConfig
from tests.archive.make import instance, uid
from tests.web.server.conftest import make_files
from tests.web.server.running import archive_of, running


@pytest.fixture
def peer(tmp_path: Path) -> Iterator[tuple[DICOMwebClient, dict[str, bytes], list[str],
                                           dict[str, list[str]]]]:
    files, studies, series = make_files()
    archive = archive_of(tmp_path, list(files.values()))
    try:
        # public: dicomweb-client 0.61 sends a Host header without the port (RFC 7230 5.4 wants
        # it), so BulkDataURIs built from Host would name port 80; the configured URL is right
        with running(archive, ServerConfig(allow_delete=True, max_results=2), public=True) as url:
            yield DICOMwebClient(url), files, studies, series
    finally:
        archive.close()


def test_dicomweb_client_search_with_get_remaining_pages_past_the_servers_maximum(peer) -> None:  # type: ignore[no-untyped-def]
    client, files, studies, _series = peer
    assert len(client.search_for_instances()) == 2  # the server's maximum, with a warning
    found = client.search_for_instances(get_remaining=True)
    assert {i["00080018"]["Value"][0] for i in found} == set(files)
    paged = client.search_for_instances(limit=1, offset=4)
    assert len(paged) == 1
    studies_found = client.search_for_studies(search_filters={"PatientID": "P1"},
                                              fields=["StudyDescription"])
    assert [s["0020000D"]["Value"][0] for s in studies_found] == [studies[0]]
    assert len(client.search_for_series(study_instance_uid=studies[0])) == 2
    assert client.search_for_studies(search_filters={"PatientID": "nobody"}) == []
    assert len(client.search_for_studies(fuzzymatching=True,
                                         search_filters={"PatientName": "Smyth^Jon"})) == 1


def test_dicomweb_client_retrieve_and_metadata(peer) -> None:  # type: ignore[no-untyped-def]
    client, files, studies, series = peer
    st = studies[0]
    se = series[st][0]
    study = client.retrieve_study(st)
    assert len(study) == 5
    assert {ds.SOPInstanceUID for ds in client.iter_study(st)} == {ds.SOPInstanceUID for ds in study}
    assert len(client.retrieve_series(st, se)) == 3
    assert len(list(client.iter_series(st, se))) == 3
    sop = study[0].SOPInstanceUID
    inst = client.retrieve_instance(st, study[0].SeriesInstanceUID, sop,
                                    media_types=(("application/dicom", "*"),))
    stored = pydicom.dcmread(io.BytesIO(files[sop]))
    assert inst.PixelData == stored.PixelData
    assert len(client.retrieve_study_metadata(st)) == 5
    assert len(client.retrieve_series_metadata(st, se)) == 3
    meta = client.retrieve_instance_metadata(st, study[0].SeriesInstanceUID, sop)
    uri = meta["7FE00010"]["BulkDataURI"]
    [bulk] = client.retrieve_bulkdata(uri)
    assert bulk == stored.PixelData
    assert list(client.iter_bulkdata(uri)) == [stored.PixelData]


def test_dicomweb_client_frames_and_rendered(peer) -> None:  # type: ignore[no-untyped-def]
    client, files, studies, series = peer
    st = studies[1]
    se = series[st][0]
    sop = client.search_for_instances(st, se)[0]["00080018"]["Value"][0]
    stored = pydicom.dcmread(io.BytesIO(files[sop]))
    [frame] = client.retrieve_instance_frames(st, se, sop, [1])
    assert frame == stored.PixelData
    [frame] = client.retrieve_instance_frames(
        st, se, sop, [1], media_types=(("application/octet-stream", "*"),))
    assert frame == stored.PixelData
    assert list(client.iter_instance_frames(st, se, sop, [1])) == [stored.PixelData]
    [rle] = client.retrieve_instance_frames(st, se, sop, [1],
                                            media_types=(("image/dicom-rle", uids.RLELossless),))
    assert rle != stored.PixelData
    jpeg = client.retrieve_instance_rendered(st, se, sop)
    assert jpeg[:2] == b"\xff\xd8"
    png = client.retrieve_instance_frames_rendered(st, se, sop, [1], media_types=("image/png",))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.retrieve_series_rendered(st, se)[:2] in (b"\xff\xd8", b"--")


def test_dicomweb_client_store_and_delete(peer) -> None:  # type: ignore[no-untyped-def]
    client, _files, _studies, _series = peer
    st, se, sop = uid(), uid(), uid()
    ds = pydicom.dcmread(io.BytesIO(instance(st, se, sop)))
    answer = client.store_instances([ds])
    assert answer.ReferencedSOPSequence[0].ReferencedSOPInstanceUID == sop
    assert client.retrieve_instance_metadata(st, se, sop)["00080018"]["Value"] == [sop]
    answer = client.store_instances([ds], study_instance_uid=st)
    assert answer.ReferencedSOPSequence[0].ReferencedSOPInstanceUID == sop
    client.delete_instance(st, se, sop)
    assert client.search_for_instances(st) == []
    other = pydicom.dcmread(io.BytesIO(instance(st, se, uid())))
    client.store_instances([other])
    client.delete_series(st, se)
    client.store_instances([other])
    client.delete_study(st)
    assert client.search_for_studies(search_filters={"StudyInstanceUID": st}) == []


def test_dicomweb_client_command_line_searches_retrieves_and_stores(peer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """dicomweb-client's own command (``dicomweb_client``) against our server: search with
    filters and fields, retrieve an instance and its metadata, store a file."""
    import json
    import shutil
    import subprocess

    client, files, studies, series = peer
    exe = shutil.which("dicomweb_client")
    if exe is None:
        from tests.conftest import missing
        missing("dicomweb-client's command (pip install -e '.[test]')")
    url = client.base_url

    def run(*args: str) -> str:
        done = subprocess.run([str(exe), "--url", url, *args], capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    found = json.loads(run("search", "studies", "--filter", "PatientID=P1", "--field",
                           "StudyDescription"))
    assert [s["0020000D"]["Value"][0] for s in found] == [studies[0]]
    sop = next(iter(files))
    ds = pydicom.dcmread(io.BytesIO(files[sop]))
    meta = run("retrieve", "instances", "--study", str(ds.StudyInstanceUID), "--series",
               str(ds.SeriesInstanceUID), "--instance", sop, "metadata")
    assert sop in meta
    out = tmp_path / "retrieved"
    out.mkdir()
    run("retrieve", "instances", "--study", str(ds.StudyInstanceUID), "--series",
        str(ds.SeriesInstanceUID), "--instance", sop, "full", "--save", "--output-dir", str(out))
    (saved,) = list(out.iterdir())
    assert pydicom.dcmread(saved).SOPInstanceUID == sop
    new = pydicom.dcmread(io.BytesIO(files[sop]))
    new.SOPInstanceUID = new.file_meta.MediaStorageSOPInstanceUID = uid()
    path = tmp_path / "new.dcm"
    new.save_as(path)
    run("store", "instances", str(path))
    assert any(i["00080018"]["Value"][0] == new.SOPInstanceUID
               for i in client.search_for_instances(get_remaining=True))
