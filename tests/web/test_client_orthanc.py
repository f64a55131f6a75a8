"""The DICOMweb client against a real Orthanc 1.10.1 with its DICOMweb plugin 1.7 (Debian),
started on free loopback ports for this module: STOW the pydicom sample files, QIDO at every
level with each query form, WADO them back (Part 10 byte for byte in the original syntax,
metadata equal to the data sets sent, frames equal to the pixel data), rendered and thumbnail.

Orthanc differs from PS3.18 where noted: it answers a Store with an instance it could not
store with 400 rather than 409 or 202 (PS3.18 10.5.3), with a Store Instances Response naming
the instances it did store; the client reads it into per-instance outcomes.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.io.reader import read
from dicomkit.web import json_model
from dicomkit.web.client import BlockingDicomWebClient
from dicomkit.web.errors import DicomWebError
from tests.samples import sample, samples
from tests.web.orthanc import orthanc

#: Samples every Orthanc of this version stores (the test fails if one is refused).
MUST_STORE = ("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "waveform_ecg.dcm")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with orthanc(tmp_path_factory.mktemp("orthanc")) as url:
        yield url


@pytest.fixture(scope="module")
def web(server: str) -> Iterator[BlockingDicomWebClient]:
    with BlockingDicomWebClient(server) as client:
        yield client


def _unique_samples() -> list[tuple[Path, Dataset]]:
    """The first sample file of each SOP Instance UID (many samples share one) that we read."""
    seen: set[str] = set()
    out = []
    for path in samples("*.dcm"):
        try:
            ds = read(path)
            uid = str(ds.SOPInstanceUID)
            str(ds.StudyInstanceUID), str(ds.SeriesInstanceUID)
        except (DicomError, AttributeError):
            continue
        if uid and uid not in seen:
            seen.add(uid)
            out.append((path, ds))
    return out


@pytest.fixture(scope="module")
def stored(web: BlockingDicomWebClient) -> list[tuple[Path, Dataset]]:
    """STOW every unique sample, one request each; the ones Orthanc stored."""
    kept = []
    for path, ds in _unique_samples():
        result = web.store([path])
        if result.http_statuses == [400]:  # refused, with a Store response naming nothing
            assert [o.status for o in result.outcomes] in (["unknown"], ["failed"]), result
            continue
        assert result.http_statuses == [200], (path.name, result)
        (outcome,) = result.outcomes
        assert outcome.sop_instance_uid == str(ds.SOPInstanceUID)
        assert outcome.status == "stored" and outcome.retrieve_url, (path.name, outcome)
        kept.append((path, ds))
    names = {p.name for p, _ in kept}
    assert set(MUST_STORE) <= names, set(MUST_STORE) - names
    return kept


def _ids(ds: Dataset) -> tuple[str, str, str]:
    return str(ds.StudyInstanceUID), str(ds.SeriesInstanceUID), str(ds.SOPInstanceUID)


def test_orthanc_400_for_a_partly_stored_batch_gives_outcomes(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    ct = sample("CT_small.dcm")
    bad = sample("no_meta.dcm")  # no file meta: Orthanc refuses it
    result = web.store([bad, ct])
    assert result.http_statuses == [400] and not result.ok
    first, second = result.outcomes
    assert first.status == "unknown"  # Orthanc names neither it nor a failure
    assert (second.sop_instance_uid, second.status) == (str(read(ct).SOPInstanceUID), "stored")


def test_orthanc_stow_of_data_sets_in_a_batch_reports_each_instance(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    # storing again what is stored: Orthanc answers 200 with each instance referenced
    batch = [ds for _, ds in stored[:5]]
    result = web.store(batch, batch_size=2)
    assert result.http_statuses == [200, 200, 200] and result.ok
    assert [o.sop_instance_uid for o in result.outcomes] == [_ids(d)[2] for d in batch]


# ------------------------------------------------------------------ QIDO-RS
def test_orthanc_qido_finds_every_stored_instance_at_each_level(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    studies = {_ids(d)[0] for _, d in stored}
    series = {_ids(d)[1] for _, d in stored}
    instances = {_ids(d)[2] for _, d in stored}
    assert {str(d.StudyInstanceUID) for d in web.search_studies()} == studies
    assert {str(d.SeriesInstanceUID) for d in web.search_series()} == series
    assert {str(d.SOPInstanceUID) for d in web.search_instances()} == instances
    path, ds = next(p for p in stored if p[0].name == "CT_small.dcm")
    st, se, si = _ids(ds)
    assert [str(d.SeriesInstanceUID) for d in web.search_series(study=st)] == [se]
    in_study = {str(d.SOPInstanceUID) for d in web.search_instances(study=st)}
    in_series = {str(d.SOPInstanceUID) for d in web.search_instances(study=st, series=se)}
    want = {_ids(d)[2] for _, d in stored if _ids(d)[1] == se}
    assert si in in_series and in_series == want and want <= in_study


def test_orthanc_qido_query_forms(web: BlockingDicomWebClient,
                                  stored: list[tuple[Path, Dataset]]) -> None:
    _, ct = next(p for p in stored if p[0].name == "CT_small.dcm")
    st = str(ct.StudyInstanceUID)
    # exact, by keyword and by tag
    assert [str(d.StudyInstanceUID) for d in web.search_studies({"PatientID": ct.PatientID})
            if str(d.StudyInstanceUID) == st] == [st]
    assert st in {str(d.StudyInstanceUID) for d in
                  web.search_studies({tags.StudyInstanceUID: st})}
    # wildcard on a name
    family = str(ct.PatientName).split("^")[0]
    found = web.search_studies({"PatientName": family[:3] + "*"})
    assert st in {str(d.StudyInstanceUID) for d in found}
    # a date range from Python dates, open and closed
    day = datetime.datetime.strptime(str(ct.StudyDate), "%Y%m%d").date()
    inside = web.search_studies({"StudyDate": (day, day)})
    outside = web.search_studies({"StudyDate": (None, day - datetime.timedelta(days=1))})
    assert st in {str(d.StudyInstanceUID) for d in inside}
    assert st not in {str(d.StudyInstanceUID) for d in outside}
    # a UID list
    two = sorted({_ids(d)[0] for _, d in stored})[:2]
    assert {str(d.StudyInstanceUID) for d in web.search_studies({"StudyInstanceUID": two})} == set(two)
    # includefield: a key Orthanc does not return by default, then all
    plain = web.search_studies({"StudyInstanceUID": st})[0]
    more = web.search_studies({"StudyInstanceUID": st}, includefield=["StudyDescription"])[0]
    every = web.search_studies({"StudyInstanceUID": st}, includefield="all")[0]
    assert tags.StudyDescription not in plain and tags.StudyDescription in more
    # Orthanc's plugin 1.7 takes includefield=all (PS3.18 8.3.4.3) as no includefield
    assert set(every) >= set(plain)


def test_orthanc_qido_paging_gives_the_same_results_as_one_request(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    whole = [str(d.SOPInstanceUID) for d in web.search_instances()]
    paged = [str(d.SOPInstanceUID) for d in web.search_instances(page_size=7)]
    assert sorted(paged) == sorted(whole) and len(paged) == len(whole) == len(stored)
    limited = web.search_instances(limit=3, offset=2)
    assert len(limited) == 3


# ------------------------------------------------------------------ WADO-RS
def test_orthanc_wado_instances_come_back_byte_for_byte(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]], tmp_path: Path) -> None:
    differ = []
    for path, ds in stored:
        st, se, si = _ids(ds)
        (got,) = web.retrieve_to(tmp_path / si, st, se, si, transfer_syntax="*")
        assert got.name == f"{si}.dcm"
        if got.read_bytes() != path.read_bytes():
            differ.append(path.name)
    assert differ == []


def test_orthanc_wado_series_and_study_as_data_sets(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    _, ds = next(p for p in stored if p[0].name == "CT_small.dcm")
    st, se, si = _ids(ds)
    want = {_ids(d)[2] for _, d in stored if _ids(d)[0] == st}
    got = web.retrieve(st, transfer_syntax="*")
    assert {str(d.SOPInstanceUID) for d in got} == want
    series = web.retrieve(st, se, transfer_syntax="*")
    assert si in {str(d.SOPInstanceUID) for d in series}
    assert next(d for d in got if str(d.SOPInstanceUID) == si) == ds


def _comparable(d: dict[str, Any]) -> dict[str, Any]:
    """An element map without what Orthanc sends by reference (any BulkDataURI inside) and
    without binary values (Orthanc chooses InlineBinary or BulkDataURI by its own size rule)."""
    return {k: v for k, v in d.items()
            if "BulkDataURI" not in json.dumps(v) and "InlineBinary" not in json.dumps(v)}


def test_orthanc_metadata_parses_to_the_data_set_sent(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    differ = {}
    for path, ds in stored:
        st, se, si = _ids(ds)
        (meta,) = web.retrieve_metadata(st, se, si)
        got = _comparable(json_model.to_json_dict(meta))
        want = _comparable(json_model.to_json_dict(ds))
        keys = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
        if keys:
            differ[path.name] = keys
    # Where Orthanc's JSON differs from the file, and we hold to the standard:
    # - J2K_pixelrep_mismatch.dcm declares ISO 2022 IR 13 \\ ISO 2022 IR 87: Orthanc decodes 05/12
    #   as YEN SIGN and so keeps multi-valued strings as one value ("ORIGINAL¥PRIMARY...") and
    #   drops the DS/IS values; 05/12 is the value delimiter in every repertoire (PS3.5 6.2,
    #   6.1.2.5.3), which is how we read them.
    # - badVR.dcm has Number of Frames "1A", not an IS (PS3.5 6.2): Orthanc drops the value, we
    #   keep the value the file holds.
    assert set(differ) == {"J2K_pixelrep_mismatch.dcm", "badVR.dcm"}, differ
    assert differ["badVR.dcm"] == ["00280008"]
    assert "00080008" in differ["J2K_pixelrep_mismatch.dcm"]


def test_orthanc_study_metadata_has_every_instance(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    _, ds = next(p for p in stored if p[0].name == "CT_small.dcm")
    st = _ids(ds)[0]
    want = {_ids(d)[2] for _, d in stored if _ids(d)[0] == st}
    assert {str(d.SOPInstanceUID) for d in web.retrieve_metadata(st)} == want


def test_orthanc_frames_equal_the_native_pixel_data(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    path, ds = next(p for p in stored if p[0].name == "CT_small.dcm")
    st, se, si = _ids(ds)
    (frame,) = web.retrieve_frames(st, se, si, 1)
    assert frame.transfer_syntax == uids.ExplicitVRLittleEndian
    assert frame.data == ds[tags.PixelData].value


def test_orthanc_bulkdata_of_metadata_resolves_to_the_pixel_data(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    _, ds = next(p for p in stored if p[0].name == "CT_small.dcm")
    (meta,) = web.retrieve_metadata(*_ids(ds))
    uri = str(meta[tags.PixelData].value)
    assert web.retrieve_bulkdata(uri) == ds[tags.PixelData].value


def test_orthanc_rendered_and_thumbnail_are_images(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    _, ds = next(p for p in stored if p[0].name == "CT_small.dcm")
    st, se, si = _ids(ds)
    png = web.retrieve_rendered(st, se, si, media_type="image/png")
    jpeg = web.retrieve_rendered(st, se, si, frames=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and jpeg[:2] == b"\xff\xd8"
    from dicomkit.web.client.images import as_array, as_image

    assert as_image(png).size == (int(ds.Columns), int(ds.Rows))
    assert as_array(jpeg).shape[:2] == (int(ds.Rows), int(ds.Columns))
    with pytest.raises(DicomWebError):
        as_image(b"not an image")


def test_orthanc_wado_uri_gives_the_stored_file(
        server: str, stored: list[tuple[Path, Dataset]]) -> None:
    path, ds = next(p for p in stored if p[0].name == "CT_small.dcm")
    wado = server.replace("/dicom-web", "/wado")
    with BlockingDicomWebClient(server, wado_uri=wado) as web:
        assert web.retrieve_wado_uri(*_ids(ds)) == path.read_bytes()
        jpeg = web.retrieve_wado_uri(*_ids(ds), content_type="image/jpeg")
    assert jpeg[:2] == b"\xff\xd8"


def test_orthanc_unknown_study_is_a_404_dicomweb_error(web: BlockingDicomWebClient,
                                                       server: str) -> None:
    with pytest.raises(DicomWebError) as info:
        web.retrieve_metadata("1.2.3.4.5.6.7.8.9")
    assert info.value.status == 404 and info.value.url.startswith(server)


def test_orthanc_sample_paths_are_pinned() -> None:
    assert sample("CT_small.dcm").is_file()


def test_orthanc_with_basic_authentication(tmp_path: Path) -> None:
    from dicomkit.web.client import BasicAuth

    with orthanc(tmp_path, users={"alice": "s3cret"}) as url:
        with BlockingDicomWebClient(url, auth=BasicAuth("alice", "s3cret")) as web:
            result = web.store([sample("CT_small.dcm")])
            assert result.ok and len(web.search_studies()) == 1
        for auth in (None, BasicAuth("alice", "wrong")):
            with BlockingDicomWebClient(url, auth=auth) as web, \
                    pytest.raises(DicomWebError) as info:
                web.search_studies()
            assert info.value.status == 401 and "credentials" in str(info.value)


def test_orthanc_frames_of_lossless_compressed_instances_decode_to_our_pixel_arrays(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    """Frames asked for without transfer-syntax come uncompressed (Explicit VR Little Endian,
    PS3.18 8.7.3.3.1): Orthanc decodes them, and they equal what we decode from the file; with
    ``transfer-syntax=*`` they come in the stored syntax, the part saying which."""
    from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES

    compared, undecodable = [], []
    for path, ds in stored:
        syntax = TRANSFER_SYNTAXES.get(str(ds.file_meta.TransferSyntaxUID)) if ds.file_meta else None
        if syntax is None or not syntax.encapsulated or syntax.lossless is not True \
                or int(ds.get(tags.NumberOfFrames).value if ds.get(tags.NumberOfFrames) else 1) != 1:
            continue
        try:
            want = ds.pixel_array.tobytes()
        except DicomError:
            continue
        ids = _ids(ds)
        try:
            (frame,) = web.retrieve_frames(*ids, 1)
        except DicomWebError as exc:
            assert exc.status == 500, exc  # Orthanc 1.10.1 without a decoder for this syntax
            undecodable.append(path.name)
            continue
        assert frame.transfer_syntax == uids.ExplicitVRLittleEndian
        assert frame.data == want, path.name
        (native,) = web.retrieve_frames(*ids, 1, transfer_syntax="*")
        assert native.transfer_syntax == syntax.uid, path.name
        compared.append(path.name)
    # (the RLE samples share their SOP Instance UIDs with uncompressed ones stored first)
    assert "SC_rgb_jpeg_gdcm.dcm" in compared, (compared, undecodable)


def test_orthanc_xml_metadata_puts_empty_values_among_sequence_items(
        web: BlockingDicomWebClient, stored: list[tuple[Path, Dataset]]) -> None:
    """Orthanc 1.10.1's Native DICOM XML writes an empty ``<Value number="n"/>`` after each
    ``<Item>`` of a sequence; PS3.19 A.1.6 allows one kind of child per DicomAttribute, so the
    reader refuses it, naming the attribute (CT_small's Other Patient IDs Sequence)."""
    from dicomkit.web.errors import XmlModelError

    _, ds = next(p for p in stored if p[0].name == "CT_small.dcm")
    with pytest.raises(XmlModelError, match="00101002") as info:
        web.retrieve_metadata(*_ids(ds), xml=True)
    assert "Item" in str(info.value) and "Value" in str(info.value)
    # the same instance's DICOM JSON has the sequence as sent
    (meta,) = web.retrieve_metadata(*_ids(ds))
    assert meta[tags.OtherPatientIDsSequence] == ds[tags.OtherPatientIDsSequence]


def test_orthanc_the_default_transport_runs_on_trio(
        server: str, stored: list[tuple[Path, Dataset]], tmp_path: Path) -> None:
    path, ds = next(p for p in stored if p[0].name == "MR_small.dcm")
    st, se, si = _ids(ds)
    with BlockingDicomWebClient(server, backend="trio") as web:
        assert si in {str(d.SOPInstanceUID) for d in web.search_instances(study=st)}
        (got,) = web.retrieve_to(tmp_path, st, se, si, transfer_syntax="*")
        assert got.read_bytes() == path.read_bytes()
        result = web.store([path])
    assert result.ok
