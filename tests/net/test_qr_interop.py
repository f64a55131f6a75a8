"""The Query/Retrieve SCU against real peers started on free loopback ports: dcmtk's
``dcmqrscp`` (config and ``dcmqridx`` index made here) and pynetdicom's Q/R SCP
(``pynetdicom_qr_scp.py``): C-FIND at every level of Patient Root, Study Root and
Patient/Study Only with wild cards, ranges and UID lists; C-MOVE into a dicomkit Storage SCP
started here; C-GET into a folder on the same association; C-CANCEL; what arrives compared
with the source files data set for data set."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids
from dicomkit.io.reader import read
from dicomkit.net import AcceptPolicy, ApplicationEntity
from dicomkit.net.services import qr
from dicomkit.net.services.storage import StorageSCP
from dicomkit.net.services.verification import VerificationSCP
from tests.net.qr_peers import QR_SAMPLES, dcmqrscp, dcmqrscp_peer, pynetdicom_qr_scp, qr_files
from tests.net.qr_scp import FAST, FIND_CANCELLED

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("dcmqrscp_peer")]
__all__ = ["dcmqrscp_peer"]

PATIENTS = {pid for _, pid, _ in QR_SAMPLES}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def client() -> ApplicationEntity:
    return ApplicationEntity("DKSCU", timeouts=FAST)


@contextlib.asynccontextmanager
async def storage_scp(folder: Path) -> AsyncIterator[tuple[tuple[str, int], StorageSCP]]:
    """A dicomkit Storage SCP (any SOP class, data sets kept as sent) for C-MOVE."""
    scp = StorageSCP(folder)
    ae = ApplicationEntity("DKSTORE", policy=AcceptPolicy(ae_title=None, transfer_syntaxes=None),
                           timeouts=FAST)
    ae.add_service(scp)
    ae.add_service(VerificationSCP(), supported=False)
    async with anyio.create_task_group() as tg:
        addr = await tg.start(ae.serve, "127.0.0.1", 0)
        yield addr, scp
        tg.cancel_scope.cancel()


def _without_padding(path: Path) -> Dataset:
    ds = read(path)
    if tags.DataSetTrailingPadding in ds:
        # "has no significance and shall be ignored by all DICOM implementations reading this
        # Data Set" (PS3.10 7.2): dcmtk drops it when it sends a file
        del ds[tags.DataSetTrailingPadding]
    return ds


def same_data_sets(stored: list[Path], sources: list[Path]) -> None:
    """Data set for data set.  Not byte for byte: dcmtk re-encodes what it sends (group
    lengths, retired in PS3.5 7.2, and trailing padding dropped; implicit VR files sent in
    explicit VR when the receiver prefers it), so equal data sets are what both sides owe."""
    by_uid = {str(read(p, stop_before_pixels=True).SOPInstanceUID): p for p in stored}
    assert len(by_uid) == len(sources) == len(stored)
    for source in sources:
        original = _without_padding(source)
        received = _without_padding(by_uid[str(original.SOPInstanceUID)])
        assert received == original


def qr_contexts(*operations: str) -> list:  # type: ignore[type-arg]
    models = ("Study Root", "Patient Root", "Patient/Study Only")
    return qr.query_contexts(models, operations or ("C-FIND",))


# ----------------------------------------------------------------- dcmtk dcmqrscp

async def test_dcmtk_dcmqrscp_find_at_every_level(tmp_path: Path) -> None:
    files = qr_files()
    with dcmqrscp(tmp_path, files) as peer:
        async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                    contexts=qr_contexts()) as assoc:
            patients = await qr.find_all(assoc, level="PATIENT", model="Patient Root")
            assert {str(p.PatientID) for p in patients} == PATIENTS
            studies = await qr.find_all(assoc, level="STUDY", model="Study Root",
                                        return_keys=["StudyDescription"])
            assert len(studies) == len(QR_SAMPLES)
            one = next(s for s in studies if str(s.PatientID) == "1CT1")
            series = await qr.find_all(assoc, level="SERIES",
                                       StudyInstanceUID=one.StudyInstanceUID,
                                       return_keys=["Modality"])
            assert [str(s.Modality) for s in series] == ["CT"]
            instances = await qr.find_all(assoc, level="IMAGE",
                                          StudyInstanceUID=one.StudyInstanceUID,
                                          SeriesInstanceUID=series[0].SeriesInstanceUID,
                                          return_keys=["SOPClassUID"])
            ct = read(files[0], stop_before_pixels=True)
            assert [str(i.SOPInstanceUID) for i in instances] == [str(ct.SOPInstanceUID)]
            # Patient Root hierarchy: the studies of one patient
            theirs = await qr.find_all(assoc, level="STUDY", model="Patient Root",
                                       PatientID="4MR1")
            assert len(theirs) == 1
            # the retired Patient/Study Only model, which dcmqrscp still offers
            pso = await qr.find_all(assoc, level="PATIENT", model="Patient/Study Only")
            assert {str(p.PatientID) for p in pso} == PATIENTS


async def test_dcmtk_dcmqrscp_find_with_wildcards_ranges_and_uid_lists(tmp_path: Path) -> None:
    with dcmqrscp(tmp_path, qr_files()) as peer:
        async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                    contexts=qr_contexts()) as assoc:
            wild = await qr.find_all(assoc, level="STUDY", PatientID="id*")
            assert {str(s.PatientID) for s in wild} == {"id00001", "id11111"}
            question = await qr.find_all(assoc, level="STUDY", PatientID="?MR?")
            assert {str(s.PatientID) for s in question} == {"4MR1"}
            ranged = await qr.find_all(assoc, level="STUDY", StudyDate=qr.Range(
                datetime.date(2003, 7, 1), datetime.date(2004, 12, 31)))
            expected = {pid for _, pid, day in QR_SAMPLES if "20030701" <= day <= "20041231"}
            assert {str(s.PatientID) for s in ranged} == expected
            before = await qr.find_all(assoc, level="STUDY",
                                       StudyDate=(None, datetime.date(2003, 12, 31)))
            assert {str(s.PatientID) for s in before} == {
                pid for _, pid, day in QR_SAMPLES if day <= "20031231"}
            every = await qr.find_all(assoc, level="STUDY")
            pick = [str(s.StudyInstanceUID) for s in every[:2]]
            listed = await qr.find_all(assoc, level="STUDY", StudyInstanceUID=pick)
            assert sorted(str(s.StudyInstanceUID) for s in listed) == sorted(pick)


async def test_dcmtk_dcmqrscp_move_into_a_dicomkit_storage_scp(tmp_path: Path) -> None:
    files = qr_files()
    async with storage_scp(tmp_path / "received") as (addr, scp):
        with dcmqrscp(tmp_path / "qr", files, destinations={"DKSTORE": addr}) as peer:
            async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                        contexts=qr_contexts("C-FIND", "C-MOVE")) as assoc:
                studies = await qr.find_all(assoc, level="STUDY")
                results = []
                for study in studies:
                    async with qr.move(assoc, "DKSTORE",
                                       StudyInstanceUID=study.StudyInstanceUID) as retrieve:
                        async for _progress in retrieve:
                            pass
                    results.append(retrieve.result)
                unknown = qr.move(assoc, "NOBODY", StudyInstanceUID=studies[0].StudyInstanceUID)
                with pytest.raises(qr.RetrieveFailed, match="Move Destination unknown"):
                    async with unknown as retrieve:
                        async for _progress in retrieve:
                            pass
    assert all(r.ok and r.completed == 1 for r in results)
    stored = scp.handler.stored  # type: ignore[attr-defined]
    same_data_sets(list(stored), files)


async def test_dcmtk_dcmqrscp_get_into_a_folder_on_the_same_association(tmp_path: Path) -> None:
    files = qr_files()
    classes = sorted({str(read(f, stop_before_pixels=True).SOPClassUID) for f in files})
    contexts = qr.get_contexts(("Study Root",), storage=classes)
    with dcmqrscp(tmp_path / "qr", files) as peer:
        async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                    contexts=contexts) as assoc:
            studies = await qr.find_all(assoc, level="STUDY")
            stored: list[Path] = []
            for study in studies:
                result = await qr.get_all(assoc, store=tmp_path / "got",
                                          StudyInstanceUID=study.StudyInstanceUID)
                assert result.ok and result.completed == 1, result
                stored += result.stored
    same_data_sets(stored, files)


# ----------------------------------------------------------------- pynetdicom

@pytest.mark.usefixtures("pynetdicom_peer")
async def test_pynetdicom_qr_scp_find_move_get(tmp_path: Path) -> None:
    files = qr_files()
    classes = sorted({str(read(f, stop_before_pixels=True).SOPClassUID) for f in files})
    async with storage_scp(tmp_path / "received") as (addr, scp):
        with pynetdicom_qr_scp(tmp_path / "pyn", files, destinations={"DKSTORE": addr}) as peer:
            contexts = qr.get_contexts(("Study Root", "Patient Root"), storage=classes,
                                       move=True)
            async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                        contexts=contexts) as assoc:
                studies = await qr.find_all(assoc, level="STUDY", PatientName="*^*")
                assert {str(s.PatientID) for s in studies} <= PATIENTS and studies
                ranged = await qr.find_all(assoc, level="STUDY", StudyDate=qr.Range(
                    datetime.date(2004, 1, 1), None))
                assert {str(s.PatientID) for s in ranged} == {
                    pid for _, pid, day in QR_SAMPLES if day >= "20040101"}
                target = next(s for s in studies if str(s.PatientID) == "1CT1")
                moved = await qr.move_all(assoc, "DKSTORE",
                                          StudyInstanceUID=target.StudyInstanceUID)
                got = await qr.get_all(assoc, store=tmp_path / "got", level="PATIENT",
                                       model="Patient Root", PatientID="4MR1")
    assert moved.ok and moved.completed == 1
    assert got.ok and got.completed == 1
    same_data_sets(list(scp.handler.stored), [files[0]])  # type: ignore[attr-defined]
    same_data_sets(got.stored, [files[1]])


@pytest.mark.usefixtures("pynetdicom_peer")
async def test_pynetdicom_qr_scp_stops_on_our_c_cancel(tmp_path: Path) -> None:
    files = qr_files()
    with pynetdicom_qr_scp(tmp_path / "pyn", files, pending_delay=0.2) as peer:
        async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                    contexts=qr.query_contexts(("Study Root",))) as assoc:
            async with qr.find_studies(assoc) as results:
                async for _study in results:
                    break
            # Matching terminated due to Cancel request (PS3.4 Table C.4-1)
            assert results.cancelled and results.status == FIND_CANCELLED
            again = await qr.find_all(assoc, level="STUDY", PatientID="1CT1")
            assert len(again) == 1


@pytest.mark.usefixtures("pynetdicom_peer")
async def test_pynetdicom_qr_scp_extended_negotiation_reports_what_it_accepted(
        tmp_path: Path) -> None:
    find = uids.StudyRootQueryRetrieveInformationModelFind
    move = uids.StudyRootQueryRetrieveInformationModelMove
    offer = {find: qr.extended_negotiation("C-FIND", relational_queries=True,
                                           date_time_matching=True),
             move: qr.extended_negotiation("C-MOVE", relational_retrieval=True)}
    with pynetdicom_qr_scp(tmp_path / "pyn", qr_files(), relational=True) as peer:
        async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                    contexts=qr_contexts("C-FIND", "C-MOVE"),
                                    sop_class_extended=offer) as assoc:
            found = qr.accepted_options(assoc, find)
            moved = qr.accepted_options(assoc, move)
            # a relational query: a series-level key without the study's unique key
            with pytest.raises(qr.QueryKeyError, match="C.4.1.2.1"):
                qr.find_series(assoc, Modality="CT")  # not hierarchical
            series = await qr.find_all(assoc, level="SERIES", Modality="CT", relational=True,
                                       return_keys=["SeriesInstanceUID"])
    assert found["relational_queries"] and not found["date_time_matching"]
    assert moved["relational_retrieval"]
    assert len(series) == 1


async def test_dcmtk_dcmqrscp_answers_no_extended_negotiation(tmp_path: Path) -> None:
    find = uids.StudyRootQueryRetrieveInformationModelFind
    with dcmqrscp(tmp_path, qr_files()) as peer:
        async with client().connect(
                peer.host, peer.port, called_ae=peer.aet, contexts=qr_contexts(),
                sop_class_extended={find: qr.extended_negotiation(
                    "C-FIND", relational_queries=True)}) as assoc:
            options = qr.accepted_options(assoc, find)
            assert len(await qr.find_all(assoc, level="STUDY")) == len(QR_SAMPLES)
    # no sub-item in the A-ASSOCIATE-AC: the default conditions hold (PS3.4 C.5.1.1)
    assert options and not any(options.values())


@pytest.mark.usefixtures("pynetdicom_peer")
async def test_storage_classes_found_by_c_find_before_a_get(tmp_path: Path) -> None:
    """pynetdicom returns SOP Class UID at the IMAGE level; dcmqrscp does not (an optional
    key, PS3.4 Table C.6-4): its instances are counted as unknown."""
    from dicomkit.net.services.qr.retrieve import storage_classes_of

    files = qr_files()
    classes = {str(read(f, stop_before_pixels=True).SOPClassUID) for f in files}
    with pynetdicom_qr_scp(tmp_path / "pyn", files) as peer:
        async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                    contexts=qr_contexts()) as assoc:
            found = await storage_classes_of(assoc, level="STUDY", PatientID="*")
    assert {uid for uid, _ in found.pairs} == classes and found.unknown == 0
    with dcmqrscp(tmp_path / "dcmtk", files) as peer:
        async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                    contexts=qr_contexts()) as assoc:
            found = await storage_classes_of(assoc, level="PATIENT", model="Patient Root",
                                             PatientID="id*")
    assert found.pairs == () and found.unknown == 2
