"""The Query/Retrieve SCP over an archive (dicomkit.net.services.qr.scp), asked by dicomkit's
own Q/R SCU: C-FIND at every level of Patient Root and Study Root with wild cards, date ranges
and UID lists, refusals (A900H), C-CANCEL (FE00H); C-MOVE into a dicomkit Storage SCP with
unknown destinations refused (A801H); C-GET on the same association; what arrives compared
with the pinned pydicom samples stored first (tests/samples.py via tests/net/qr_peers.py)."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.archive import Archive, AsyncArchive
from dicomkit.core.dataset import Dataset
from dicomkit.generated import uids
from dicomkit.io.reader import read
from dicomkit.io.writer import encode_dataset
from dicomkit.net import ApplicationEntity, PresentationContext
from dicomkit.net.dimse import build, classify_status
from dicomkit.net.services import qr
from dicomkit.net.services.qr.scp import (
    FIND_CANCEL,
    FIND_NOT_MATCH,
    GET_CANCEL,
    GET_WARNING,
    MOVE_CANCEL,
    MOVE_NO_SUBOPERATIONS,
)
from dicomkit.net.services.qr.server import archive_entity
from dicomkit.net.services.storage import store_on
from tests.archive import make
from tests.net.peers import free_port
from tests.net.qr_peers import QR_SAMPLES, qr_files
from tests.net.qr_scp import FAST
from tests.net.test_qr_interop import same_data_sets, storage_scp

pytestmark = pytest.mark.anyio

PATIENTS = {pid for _, pid, _ in QR_SAMPLES}


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def client() -> ApplicationEntity:
    return ApplicationEntity("DKSCU", timeouts=FAST)


def contexts(*operations: str) -> list[PresentationContext]:
    return qr.query_contexts(("Study Root", "Patient Root"), operations or ("C-FIND",))


@contextlib.asynccontextmanager
async def qrscp(folder: Path, *, destinations: dict[str, tuple[str, int]] | None = None,
                files: list[Path] | None = None, relational: bool = False
                ) -> AsyncIterator[tuple[str, int]]:
    """Our Q/R SCP titled DKQR over an archive in ``folder`` holding ``files`` (the Q/R
    samples by default), on a free loopback port for the block."""
    archive = Archive(folder)
    for f in qr_files() if files is None else files:
        archive.insert_file(f)
    ae = archive_entity(AsyncArchive(archive), ae_title="DKQR", destinations=destinations,
                        timeouts=FAST, relational=relational)
    try:
        async with anyio.create_task_group() as tg:
            addr = await tg.start(ae.serve, "127.0.0.1", 0)
            yield addr
            tg.cancel_scope.cancel()
    finally:
        archive.close()


async def test_find_at_every_level_of_both_models(tmp_path: Path) -> None:
    files = qr_files()
    async with qrscp(tmp_path / "a") as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=contexts()) as assoc:
        patients = await qr.find_all(assoc, level="PATIENT", model="Patient Root")
        assert {str(p.PatientID) for p in patients} == PATIENTS
        studies = await qr.find_all(assoc, level="STUDY", model="Study Root",
                                    return_keys=["StudyDescription"])
        assert len(studies) == len(QR_SAMPLES)
        assert all(str(s.RetrieveAETitle) == "DKQR" for s in studies)
        one = next(s for s in studies if str(s.PatientID) == "1CT1")
        series = await qr.find_all(assoc, level="SERIES", StudyInstanceUID=one.StudyInstanceUID,
                                   return_keys=["Modality"])
        assert [str(s.Modality) for s in series] == ["CT"]
        instances = await qr.find_all(assoc, level="IMAGE",
                                      StudyInstanceUID=one.StudyInstanceUID,
                                      SeriesInstanceUID=series[0].SeriesInstanceUID,
                                      return_keys=["SOPClassUID"])
        ct = read(files[0], stop_before_pixels=True)
        assert [str(i.SOPInstanceUID) for i in instances] == [str(ct.SOPInstanceUID)]
        assert str(instances[0].SOPClassUID) == str(ct.SOPClassUID)
        theirs = await qr.find_all(assoc, level="STUDY", model="Patient Root", PatientID="4MR1")
        assert len(theirs) == 1 and str(theirs[0].PatientID) == "4MR1"
        # the derived keys of PS3.4 Table C.3-1, computed by the index
        counted = await qr.find_all(assoc, level="STUDY", model="Study Root",
                                    StudyInstanceUID=one.StudyInstanceUID,
                                    return_keys=["NumberOfStudyRelatedInstances",
                                                 "ModalitiesInStudy"])
        assert str(counted[0].NumberOfStudyRelatedInstances).strip() == "1"
        assert str(counted[0].ModalitiesInStudy) == "CT"


async def test_find_with_wildcards_ranges_and_uid_lists(tmp_path: Path) -> None:
    async with qrscp(tmp_path / "a") as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=contexts()) as assoc:
        wild = await qr.find_all(assoc, level="STUDY", PatientID="id*")
        assert {str(s.PatientID) for s in wild} == {"id00001", "id11111"}
        question = await qr.find_all(assoc, level="STUDY", PatientID="?MR?")
        assert {str(s.PatientID) for s in question} == {"4MR1"}
        ranged = await qr.find_all(assoc, level="STUDY", StudyDate=qr.Range(
            datetime.date(2003, 7, 1), datetime.date(2004, 12, 31)))
        assert {str(s.PatientID) for s in ranged} == {
            pid for _, pid, day in QR_SAMPLES if "20030701" <= day <= "20041231"}
        before = await qr.find_all(assoc, level="STUDY",
                                   StudyDate=(None, datetime.date(2003, 12, 31)))
        assert {str(s.PatientID) for s in before} == {
            pid for _, pid, day in QR_SAMPLES if day <= "20031231"}
        every = await qr.find_all(assoc, level="STUDY")
        pick = [str(s.StudyInstanceUID) for s in every[:2]]
        listed = await qr.find_all(assoc, level="STUDY", StudyInstanceUID=pick)
        assert sorted(str(s.StudyInstanceUID) for s in listed) == sorted(pick)
        modality = await qr.find_all(assoc, level="STUDY", ModalitiesInStudy="MR")
        assert {str(s.PatientID) for s in modality} == {"4MR1", "021234567"}
        rt = await qr.find_all(assoc, level="STUDY", ModalitiesInStudy=["RTPLAN", "ECG"])
        assert {str(s.PatientID) for s in rt} == {"id00001", "642341"}
        nobody = await qr.find_all(assoc, level="STUDY", PatientID="NOBODY")
        assert nobody == []


def _raw_identifier(**values: str) -> bytes:
    ds = Dataset()
    for kw, v in values.items():
        setattr(ds, kw, v)
    return encode_dataset(ds, uids.ImplicitVRLittleEndian)


async def test_find_refuses_a_key_below_the_level_with_a900(tmp_path: Path) -> None:
    """PS3.4 C.4.1.3.1.1: a key of a level below the query's level is an error; Table C.4-1:
    Error: Data Set does not match SOP Class."""
    async with qrscp(tmp_path / "a", relational=True) as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=contexts(),
                             sop_class_extended=qr.relational_extended()) as assoc:
        with pytest.raises(qr.QueryFailed) as caught:  # (relational: no SCU check of levels)
            await qr.find_all(assoc, level="PATIENT", model="Patient Root", defaults=False,
                              relational=True, PatientID="*", Modality="CT")
        assert caught.value.status == FIND_NOT_MATCH


async def test_find_honours_c_cancel_between_responses(tmp_path: Path) -> None:
    """PS3.4 C.4.1.2.3: a C-CANCEL ends the matching with status Cancel (FE00H), before every
    match is sent (400 studies: far more than the responses in flight)."""
    async with qrscp(tmp_path / "a", files=[]) as addr:
        archive = Archive(tmp_path / "a")
        try:
            for n in range(400):
                archive.insert_bytes(make.instance(f"1.2.3.{n}", f"1.2.3.{n}.1",
                                                   f"1.2.3.{n}.1.1", patient=f"P{n}"))
        finally:
            archive.close()
        async with client().connect(*addr, called_ae="DKQR", contexts=contexts()) as assoc:
            seen = 0
            async with qr.find(assoc, level="STUDY", model="Study Root") as results:
                async for _first in results:
                    seen += 1
                    if seen == 3:
                        break
            assert results.cancelled and results.status == FIND_CANCEL
            assert results.count < 400
            # the association is still usable afterwards
            assert len(await qr.find_all(assoc, level="STUDY")) == 400


async def test_move_into_a_dicomkit_storage_scp_and_unknown_destination(tmp_path: Path) -> None:
    files = qr_files()
    async with storage_scp(tmp_path / "received") as (store_addr, scp), \
            qrscp(tmp_path / "a", destinations={"DKSTORE": store_addr}) as addr, \
            client().connect(*addr, called_ae="DKQR",
                             contexts=contexts("C-FIND", "C-MOVE")) as assoc:
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
    assert all(r.ok and r.completed == 1 for r in results), results
    stored = scp.handler.stored  # type: ignore[attr-defined]
    same_data_sets(list(stored), files)


async def test_get_on_the_same_association(tmp_path: Path) -> None:
    files = qr_files()
    classes = sorted({str(read(f, stop_before_pixels=True).SOPClassUID) for f in files})
    async with qrscp(tmp_path / "a") as addr, \
            client().connect(*addr, called_ae="DKQR",
                             contexts=qr.get_contexts(("Study Root",), storage=classes)) as assoc:
        studies = await qr.find_all(assoc, level="STUDY")
        stored: list[Path] = []
        for study in studies:
            result = await qr.get_all(assoc, store=tmp_path / "got",
                                      StudyInstanceUID=study.StudyInstanceUID)
            assert result.ok and result.completed == 1, result
            stored += result.stored
    same_data_sets(stored, files)


def _identifier_bytes() -> bytes:
    ds = Dataset()
    ds.QueryRetrieveLevel = "STUDY"
    ds.PatientID = "1CT1"
    ds.StudyInstanceUID = ""
    ds.PatientName = "DOE^*"
    return encode_dataset(ds, uids.ExplicitVRLittleEndian)


async def _raw_request(assoc: Any, operation: str, sop_class: str, data: bytes
                       ) -> list[int]:
    """Statuses of the responses to ``operation`` with ``data`` as its identifier."""
    context = next(cid for cid, c in assoc.contexts.items() if c.abstract_syntax == sop_class)
    fields: dict[str, Any] = {"AffectedSOPClassUID": sop_class, "Priority": 0}
    if operation == "C-MOVE":
        fields["MoveDestination"] = "NOBODY"
    message = build(f"{operation}-RQ", data_set=True, **fields)
    return [r.status async for r in assoc.dimse.request(context, message, data)]


_MUTATED = st.tuples(st.integers(0, 200), st.binary(min_size=0, max_size=8))


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_random_and_mutated_identifiers_get_failure_statuses(tmp_path: Path) -> None:
    """Bytes that are no identifier, or a broken one, are answered with a failure status of
    the operation's table (PS3.4 C.4.1.1.4, C.4.2.1.5, C.4.3.1.4) and the association goes
    on: nothing the peer sends reaches past the library's own errors."""
    good = _identifier_bytes()
    cases: list[bytes] = []

    @settings(max_examples=60, deadline=None, database=None)
    @given(st.one_of(st.binary(max_size=64), _MUTATED.map(
        lambda m: good[:m[0]] + m[1] + good[m[0] + len(m[1]):])))
    def draw(data: bytes) -> None:
        cases.append(data)

    draw()
    find_class, move_class = uids.StudyRootQueryRetrieveInformationModelFind, \
        uids.StudyRootQueryRetrieveInformationModelMove
    async with qrscp(tmp_path / "a") as addr, \
            client().connect(*addr, called_ae="DKQR",
                             contexts=contexts("C-FIND", "C-MOVE")) as assoc:
        for data in cases:
            for operation, sop_class in (("C-FIND", find_class), ("C-MOVE", move_class)):
                statuses = await _raw_request(assoc, operation, sop_class, data)
                final = statuses[-1]
                assert classify_status(final) in ("success", "failure"), (data, statuses)
                assert all(classify_status(s) == "pending" for s in statuses[:-1])
        assert len(await qr.find_all(assoc, level="STUDY")) == len(QR_SAMPLES)


async def test_get_counts_a_storage_class_not_negotiated_as_failed(tmp_path: Path) -> None:
    """PS3.4 C.4.3.3.1: a sub-operation the SCP cannot perform (no context for its SOP class)
    is failed; the final status is Warning, one or more failures (B000H), with the Failed SOP
    Instance UID List (C.4.3.1.3.1)."""
    files = qr_files()
    ct = read(files[0], stop_before_pixels=True)
    mr = read(files[1], stop_before_pixels=True)
    both = [files[0], files[1]]
    async with qrscp(tmp_path / "a", files=both) as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=qr.get_contexts(
                ("Patient Root",), storage=[str(ct.SOPClassUID)])) as assoc:
        for uid in (ct.StudyInstanceUID, mr.StudyInstanceUID):
            result = await qr.get_all(assoc, store=tmp_path / "got", model="Patient Root",
                                      PatientID=str(read(files[0] if uid == ct.StudyInstanceUID
                                                         else files[1]).PatientID),
                                      StudyInstanceUID=uid)
            if uid == ct.StudyInstanceUID:
                assert result.ok and result.completed == 1
            else:
                assert result.status == GET_WARNING and result.failed == 1
                assert result.failed_instances == (str(mr.SOPInstanceUID),)


async def test_move_at_patient_level_and_to_a_destination_that_is_down(tmp_path: Path) -> None:
    """Patient Root, PATIENT level: every instance of the patient (PS3.4 C.4.2.2.1); a known
    destination that refuses the connection: Refused, unable to perform sub-operations
    (A702H) with every instance failed."""
    files = qr_files()
    ct = read(files[0], stop_before_pixels=True)
    async with storage_scp(tmp_path / "received") as (store_addr, scp), \
            qrscp(tmp_path / "a", destinations={"DKSTORE": store_addr,
                                                "DOWN": ("127.0.0.1", free_port())}) as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=qr.query_contexts(
                ("Patient Root",), ("C-MOVE",))) as assoc:
        result = await qr.move_all(assoc, "DKSTORE", level="PATIENT", model="Patient Root",
                                   PatientID=str(ct.PatientID))
        assert result.ok and result.completed == 1
        with pytest.raises(qr.RetrieveFailed) as caught:
            await qr.move_all(assoc, "DOWN", level="PATIENT", model="Patient Root",
                              PatientID=str(ct.PatientID))
        assert caught.value.status == MOVE_NO_SUBOPERATIONS
    same_data_sets(list(scp.handler.stored), [files[0]])  # type: ignore[attr-defined]


def _series(tmp_path: Path, n: int) -> list[Path]:
    """``n`` instances of one study and series, as files."""
    folder = tmp_path / "series"
    folder.mkdir()
    out = []
    for i in range(n):
        path = folder / f"{i}.dcm"
        path.write_bytes(make.instance("1.2.41", "1.2.41.1", f"1.2.41.1.{i}", patient="BIG"))
        out.append(path)
    return out


async def test_move_honours_c_cancel_between_sub_operations(tmp_path: Path) -> None:
    """PS3.4 C.4.2.3.1: after a C-CANCEL the SCP ends the sub-operations and answers Cancel
    (FE00H) with the counts so far."""
    files = _series(tmp_path, 40)
    async with storage_scp(tmp_path / "received") as (store_addr, scp), \
            qrscp(tmp_path / "a", destinations={"DKSTORE": store_addr}, files=files) as addr, \
            client().connect(*addr, called_ae="DKQR",
                             contexts=contexts("C-FIND", "C-MOVE")) as assoc:
        retrieve = qr.move(assoc, "DKSTORE", StudyInstanceUID="1.2.41")
        async with retrieve:
            async for _progress in retrieve:
                await retrieve.cancel()
                break
        result = retrieve.result
        assert result.cancelled and result.status == MOVE_CANCEL, result
        assert result.completed is not None and result.completed < 40
        assert result.remaining is not None and result.remaining > 0
    assert 0 < len(scp.handler.stored) < 40  # type: ignore[attr-defined]


async def test_find_answers_ff01_for_keys_no_level_lists(tmp_path: Path) -> None:
    """PS3.4 C.2.2.1.3, Table C.4-1: a key the information model does not list is not matched;
    the matches are pending FF01H (optional keys not supported), the key returned empty."""
    async with qrscp(tmp_path / "a") as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=contexts()) as assoc:
        async with qr.find(assoc, level="STUDY", model="Study Root", PatientID="4MR1",
                           InstitutionName="NOWHERE") as results:
            found = [ds async for ds in results]
        assert len(found) == 1 and results.warnings == [0]
        assert str(found[0].PatientID) == "4MR1"


async def test_concurrent_moves_on_several_associations(tmp_path: Path) -> None:
    """Moves requested at the same time on four associations each get their own sub-operation
    association and every instance arrives once per request."""
    files = qr_files()
    studies = [str(read(f, stop_before_pixels=True).StudyInstanceUID) for f in files]
    results: list[Any] = []
    async with storage_scp(tmp_path / "received") as (store_addr, scp), \
            qrscp(tmp_path / "a", destinations={"DKSTORE": store_addr}) as addr:

        async def mover(picked: list[str]) -> None:
            async with client().connect(*addr, called_ae="DKQR",
                                        contexts=contexts("C-MOVE")) as assoc:
                results.append(await qr.move_all(assoc, "DKSTORE", StudyInstanceUID=picked))

        async with anyio.create_task_group() as tg:
            for _ in range(4):
                tg.start_soon(mover, studies)
    assert [r.completed for r in results] == [len(files)] * 4 and all(r.ok for r in results)
    received = [str(read(p, stop_before_pixels=True).SOPInstanceUID)
                for p in scp.handler.stored]  # type: ignore[attr-defined]
    assert sorted(set(received)) == sorted(str(read(f, stop_before_pixels=True).SOPInstanceUID)
                                           for f in files)


async def test_get_honours_c_cancel_between_sub_operations(tmp_path: Path) -> None:
    """PS3.4 C.4.3.3.1: a C-CANCEL ends the C-GET's sub-operations with Cancel (FE00H)."""
    files = _series(tmp_path, 40)
    sop_class = str(read(files[0], stop_before_pixels=True).SOPClassUID)
    async with qrscp(tmp_path / "a", files=files) as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=qr.get_contexts(
                ("Study Root",), storage=[sop_class])) as assoc:
        retrieve = qr.get(assoc, store=tmp_path / "got", StudyInstanceUID="1.2.41")
        async with retrieve:
            async for _progress in retrieve:
                await retrieve.cancel()
                break
        result = retrieve.result
        assert result.cancelled and result.status == GET_CANCEL, result
        assert result.completed is not None and 0 < result.completed < 40


async def test_store_while_a_find_is_streaming(tmp_path: Path) -> None:
    """A C-STORE into the archive completes while a C-FIND on another association is in the
    middle of its responses (the index reads in a snapshot; WAL on SQLite), and the next
    C-FIND finds the new instance."""
    files = qr_files()
    async with qrscp(tmp_path / "a", files=files[1:]) as addr:
        archive = Archive(tmp_path / "a")
        try:
            for n in range(300):
                archive.insert_bytes(make.instance(f"1.2.42.{n}", f"1.2.42.{n}.1",
                                                   f"1.2.42.{n}.1.1", patient=f"Q{n}"))
        finally:
            archive.close()
        storage = [PresentationContext(1, str(read(files[0], stop_before_pixels=True)
                                              .SOPClassUID), (uids.ExplicitVRLittleEndian,
                                                              uids.ImplicitVRLittleEndian))]
        async with client().connect(*addr, called_ae="DKQR", contexts=contexts()) as finder, \
                client().connect(*addr, called_ae="DKQR", contexts=storage) as storer:
            seen = 0
            async with qr.find(finder, level="STUDY", model="Study Root") as results:
                async for _ds in results:
                    seen += 1
                    if seen == 5:
                        stored = await store_on(storer, [files[0]])
                        assert stored[0].ok, stored
            assert results.status == 0 and seen == 300 + len(files) - 1
            ct = read(files[0], stop_before_pixels=True)
            again = await qr.find_all(finder, level="STUDY",
                                      StudyInstanceUID=str(ct.StudyInstanceUID))
            assert len(again) == 1


async def test_non_ascii_names_are_matched_and_returned_in_utf8(tmp_path: Path) -> None:
    """A Latin-1 name (ISO_IR 100) is indexed decoded; a UTF-8 query (ISO_IR 192) with a wild
    card finds it, and the response, in ISO_IR 192, gives the name back (PS3.4 C.2.2.2: values
    compared as characters, whatever each side's character set)."""
    ds = make.dataset("1.2.43", "1.2.43.1", "1.2.43.1.1", patient="LATIN")
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.PatientName = "MÜLLER^HANS"
    path = tmp_path / "latin.dcm"
    dicomkit.write(path, ds)
    async with qrscp(tmp_path / "a", files=[path, *qr_files()[:2]]) as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=contexts()) as assoc:
        found = await qr.find_all(assoc, level="STUDY", PatientName="MÜL*")
        assert [str(s.PatientName) for s in found] == ["MÜLLER^HANS"]
        assert str(found[0].SpecificCharacterSet) == "ISO_IR 192"  # the index's text: UTF-8
        assert str(found[0].SpecificCharacterSet) == "ISO_IR 192"  # the index's text: UTF-8


# ------------------------------------------------------- relational queries (PS3.4 C.4.1.2.2)

STUDY_FIND = uids.StudyRootQueryRetrieveInformationModelFind
STUDY_GET = uids.StudyRootQueryRetrieveInformationModelGet


def _series_by_modality() -> bytes:
    """A SERIES-level identifier without the Study Instance UID above it: relational only."""
    ds = Dataset()
    ds.QueryRetrieveLevel = "SERIES"
    ds.Modality = "MR"
    ds.SeriesInstanceUID = ""
    return encode_dataset(ds, uids.ExplicitVRLittleEndian)


async def test_relational_queries_are_accepted_and_answered_when_configured(
        tmp_path: Path) -> None:
    """C.5.1.1.2: the SCP accepts relational-queries (byte 1) when asked and configured, and
    refuses the other options it was asked for (0); C.4.1.2.2: a series-level query with a
    key of the study level (Patient ID) and no Study Instance UID; each match carries the
    unique key of the level above (C.4.1.3.2.1)."""
    offer = {**qr.relational_extended(operations=("C-FIND", "C-GET")),
             STUDY_FIND: qr.extended_negotiation("C-FIND", relational_queries=True,
                                                 fuzzy_semantic_matching_of_person_names=True)}
    ct = read(qr_files()[0], stop_before_pixels=True)
    async with qrscp(tmp_path / "a", relational=True) as addr, \
            client().connect(*addr, called_ae="DKQR", sop_class_extended=offer,
                             contexts=qr.get_contexts(storage=[str(ct.SOPClassUID)])) as assoc:
        options = qr.accepted_options(assoc, STUDY_FIND)
        assert options["relational_queries"]
        assert not options["fuzzy_semantic_matching_of_person_names"]
        assert qr.accepted_options(assoc, STUDY_GET)["relational_retrieval"]
        series = await qr.find_all(assoc, level="SERIES", model="Study Root", relational=True,
                                   PatientID="1CT1", return_keys=["Modality"])
        assert [(str(s.Modality), str(s.StudyInstanceUID)) for s in series] == [
            ("CT", str(ct.StudyInstanceUID))]
        images = await qr.find_all(assoc, level="IMAGE", model="Patient Root", relational=True,
                                   PatientID="4MR1", Modality="MR")
        assert len(images) == 1 and str(images[0].PatientID) == "4MR1"
        assert str(images[0].StudyInstanceUID) and str(images[0].SeriesInstanceUID)
        # relational retrieval (C.4.3.2.2): a series by its UID alone, no study UID
        got = await qr.get_all(assoc, level="SERIES", model="Study Root", relational=True,
                               store=tmp_path / "got",
                               SeriesInstanceUID=str(ct.SeriesInstanceUID))
        assert got.ok and got.completed == 1


async def test_without_relational_negotiation_a_relational_query_is_refused(
        tmp_path: Path) -> None:
    """Not configured (the default): the offer is answered 0, and an identifier with a key of
    a level above that is not its Unique Key, or without the Unique Key above, is answered
    Error: Data Set does not match SOP Class (A900H; C.4.1.2.1, Table C.4-1).  Our SCU says
    so before sending (QueryRetrieveError)."""
    async with qrscp(tmp_path / "a") as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=contexts("C-FIND"),
                             sop_class_extended=qr.relational_extended()) as assoc:
        assert not qr.accepted_options(assoc, STUDY_FIND)["relational_queries"]
        with pytest.raises(qr.QueryRetrieveError, match="relational queries"):
            qr.find_series(assoc, relational=True, Modality="MR")
        assert await _raw_request(assoc, "C-FIND", STUDY_FIND, _series_by_modality()) == [
            FIND_NOT_MATCH]
    # configured, but not asked for by this requestor: hierarchical too
    async with qrscp(tmp_path / "b", relational=True) as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=contexts("C-FIND")) as assoc:
        assert await _raw_request(assoc, "C-FIND", STUDY_FIND, _series_by_modality()) == [
            FIND_NOT_MATCH]
        negotiated = await _raw_request(assoc, "C-FIND", STUDY_FIND, _identifier_bytes())
        assert negotiated[-1] == 0 and all(s in (0xFF00, 0xFF01) for s in negotiated[:-1])


async def test_an_entity_without_a_value_matches_every_value_of_that_key(tmp_path: Path
                                                                        ) -> None:
    """PS3.4 C.2.2.1.2 (2024c): "If a C-FIND SCP manages an entity with a Required Key of zero
    length, the value is considered unknown and all matching against the zero length Required
    Key shall be considered a successful match" - the SCP's default (MatchOptions.
    unknown_matches), through the index's SQL: a study without Study Date is returned for a
    date range and for a single date, beside the studies whose date matches.  A zero length
    key in the query is Universal Matching (C.2.2.2.3): every study.  Unique keys are never
    zero length, so an exact Study Instance UID finds that study alone.  ``""`` without Empty
    Value Matching negotiated (C.2.2.2.7) is no request for empty values: on a DA key it is
    no date at all, refused (A900H)."""
    studies = {"dated": make.uid(), "undated": make.uid(), "old": make.uid()}
    files = []
    for name, study in studies.items():
        ds = make.dataset(study, make.uid(), make.uid(), patient=name.upper())
        if name == "undated":
            del ds[0x00080020]  # Study Date
        elif name == "old":
            ds.StudyDate = "19990101"
        else:
            ds.StudyDate = "20040119"
        files.append(tmp_path / f"{name}.dcm")
        dicomkit.write(files[-1], ds)
    async with qrscp(tmp_path / "a", files=files) as addr, \
            client().connect(*addr, called_ae="DKQR", contexts=contexts()) as assoc:
        async def ids(**keys: Any) -> set[str]:
            found = await qr.find_all(assoc, level="STUDY", model="Study Root",
                                      return_keys=["PatientID"], **keys)
            return {str(s.PatientID) for s in found}

        assert await ids(StudyDate="20040101-20041231") == {"DATED", "UNDATED"}
        assert await ids(StudyDate="20040119") == {"DATED", "UNDATED"}
        assert await ids(StudyDate="") == {"DATED", "UNDATED", "OLD"}
        assert await ids(StudyInstanceUID=studies["dated"]) == {"DATED"}
        with pytest.raises(qr.QueryFailed) as caught:  # no DA value, and not negotiated
            await ids(StudyDate='""')
        assert caught.value.status == FIND_NOT_MATCH
