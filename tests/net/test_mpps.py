"""Modality Performed Procedure Step (PS3.4 F.7) as SCU and SCP: pynetdicom's MPPS SCU
(tests/net/pynetdicom_workflow_scu.py) against our SCP, our SCU against pynetdicom's SCP
(tests/net/pynetdicom_workflow_scp.py), and ours against ours for the state rules of F.7.2."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.core.uid import generate_uid
from dicomkit.generated import tags, uids
from dicomkit.generated.workflow import MPPS_STATES
from dicomkit.io.reader import read
from dicomkit.net import ApplicationEntity, PresentationContext, connect
from dicomkit.net.dimse import status_code_named
from dicomkit.net.services.mpps import (
    MppsRefused,
    MppsRuleError,
    MppsSCP,
    MppsStore,
    create_mpps,
    in_progress,
    set_mpps,
)
from tests.net.peers import HERE, _server, have_pynetdicom
from tests.net.qr_scp import FAST

pytestmark = pytest.mark.anyio

CONTEXT = [PresentationContext(1, uids.ModalityPerformedProcedureStep,
                               (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian))]
SUCCESS = status_code_named("Success")
DUPLICATE = status_code_named("Duplicate SOP Instance")
NO_SUCH_INSTANCE = status_code_named("No such SOP Instance")
NO_SUCH_ATTRIBUTE = status_code_named("No such Attribute")
INVALID_VALUE = status_code_named("Invalid Attribute Value")
MISSING = status_code_named("Missing Attribute")
MISSING_VALUE = status_code_named("Missing Attribute Value")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def need_pynetdicom() -> None:
    if not have_pynetdicom():
        from tests.conftest import missing

        missing("pynetdicom (pip install -e '.[test]')")


def step() -> Dataset:
    """The Attribute List of an N-CREATE: the Type 1 attributes of Table F.7.2-1, the Type 2
    ones by :func:`in_progress`."""
    ds = Dataset()
    item = Dataset()
    item.add_new(tags.StudyInstanceUID, "UI", generate_uid())
    ds.add_new(tags.ScheduledStepAttributesSequence, "SQ", Sequence([item]))
    ds.add_new(tags.PatientName, "PN", "DOE^JANE")
    ds.add_new(tags.PatientID, "LO", "P7")
    ds.add_new(tags.PerformedProcedureStepID, "SH", "PPS7")
    ds.add_new(tags.PerformedStationAETitle, "AE", "CT1")
    ds.add_new(tags.PerformedProcedureStepStartDate, "DA", "20240105")
    ds.add_new(tags.PerformedProcedureStepStartTime, "TM", "080000")
    ds.add_new(tags.Modality, "CS", "CT")
    return in_progress(ds)


def series() -> Dataset:
    item = Dataset()
    item.add_new(tags.ProtocolName, "LO", "Chest")
    item.add_new(tags.SeriesInstanceUID, "UI", generate_uid())
    item.add_new(tags.PerformingPhysicianName, "PN", "")
    item.add_new(tags.OperatorsName, "PN", "")
    item.add_new(tags.SeriesDescription, "LO", "")
    item.add_new(tags.RetrieveAETitle, "AE", "")
    item.add_new(tags.ReferencedImageSequence, "SQ", Sequence([]))
    item.add_new(tags.ReferencedNonImageCompositeSOPInstanceSequence, "SQ", Sequence([]))
    return item


@contextlib.asynccontextmanager
async def serving(store: MppsStore) -> AsyncIterator[tuple[str, int]]:
    ae = ApplicationEntity("DKMPPS", timeouts=FAST)
    ae.add_service(MppsSCP(store))
    async with anyio.create_task_group() as tg:
        addr = await tg.start(ae.serve, "127.0.0.1", 0)
        yield addr
        tg.cancel_scope.cancel()


def run_pynetdicom_scu(what: str, host: str, port: int, *extra: str) -> Any:
    argv = [sys.executable, str(HERE / "pynetdicom_workflow_scu.py"), what, host, str(port),
            "--aec", "DKMPPS", *extra]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


async def test_pynetdicom_mpps_scu_against_our_scp_state_rules(tmp_path: Path) -> None:
    need_pynetdicom()
    store = MppsStore(tmp_path / "mpps")
    async with serving(store) as addr:
        report = await anyio.to_thread.run_sync(run_pynetdicom_scu, "mpps", *addr)
    uid = report.pop()["uid"]
    got = {r["op"]: r for r in report}
    assert got["create"]["status"] == SUCCESS
    assert got["create duplicate"]["status"] == DUPLICATE
    # PS3.4 F.7.2.1.3: an N-CREATE not IN PROGRESS is answered 0106H
    assert got["create completed"]["status"] == INVALID_VALUE
    assert got["set unknown"]["status"] == NO_SUCH_INSTANCE
    # Patient's Name: "Not allowed" in the N-SET column of Table F.7.2-1
    assert got["set not allowed"]["status"] == NO_SUCH_ATTRIBUTE
    assert got["set not allowed"]["attributes"] == [tags.PatientName]
    assert got["set series"]["status"] == SUCCESS
    # F.7.2.2.2: End Date and Time are Type 1 in the final state
    assert got["set completed without end"]["status"] == MISSING_VALUE
    assert got["set completed"]["status"] == SUCCESS
    # F.7.2.2.3 and Table F.7.2-2: no change after the final state
    assert got["set after final"]["status"] == MPPS_STATES.failure_status == 0x0110
    assert got["set after final"]["error_id"] == MPPS_STATES.failure_error_id == 0xA710
    assert got["set after final"]["comment"] == MPPS_STATES.failure_comment
    # the record, a Part 10 file, holds what was created and set
    record = read(store.path(uid))
    assert record.file_meta is not None
    assert str(record.SOPClassUID) == uids.ModalityPerformedProcedureStep
    assert str(record.SOPInstanceUID) == uid
    assert str(record.PerformedProcedureStepStatus) == "COMPLETED"
    assert str(record.PerformedProcedureStepEndTime) == "083000"
    assert str(record.PerformedProcedureStepDescription) == ""  # the late N-SET was refused
    assert str(record.PatientName) == "DOE^JOHN"
    assert len(record.PerformedSeriesSequence) == 1
    assert store.uids() == [uid]


async def test_our_scu_against_pynetdicom_mpps_scp(tmp_path: Path) -> None:
    need_pynetdicom()
    out = tmp_path / "received"
    out.mkdir()

    def argv(port: int) -> list[str]:
        return [sys.executable, str(HERE / "pynetdicom_workflow_scp.py"), str(port), str(out)]

    with _server("pynetdicom-workflow-scp", argv, tmp_path / "o", "PYNETDICOM",
                 tmp_path / "logs") as peer:
        async with ApplicationEntity("DKSCU", timeouts=FAST).connect(
                peer.host, peer.port, called_ae="PYNETDICOM", contexts=CONTEXT) as assoc:
            created = await create_mpps(assoc, step())
            done = Dataset()
            done.add_new(tags.PerformedProcedureStepStatus, "CS", "COMPLETED")
            done.add_new(tags.PerformedProcedureStepEndDate, "DA", "20240105")
            done.add_new(tags.PerformedProcedureStepEndTime, "TM", "090000")
            done.add_new(tags.PerformedSeriesSequence, "SQ", Sequence([series()]))
            final = await set_mpps(assoc, created.instance_uid, done)
            with pytest.raises(MppsRefused) as refused:
                await set_mpps(assoc, generate_uid(), done)
    assert created.status == final.status == SUCCESS
    assert refused.value.status == NO_SUCH_INSTANCE
    files = sorted(out.glob("*.json"))
    assert [f.name.split("-", 1)[1] for f in files] == ["N-CREATE.json", "N-SET.json"]
    first, second = (json.loads(f.read_text()) for f in files)
    assert first["uid"] == second["uid"] == created.instance_uid
    assert first["sop_class"] == uids.ModalityPerformedProcedureStep
    assert first["data"]["00400252"]["Value"] == ["IN PROGRESS"]
    # in_progress() sent the Type 2 attributes of Table F.7.2-1, zero length
    assert "Value" not in first["data"]["00400250"]  # Performed Procedure Step End Date
    assert second["data"]["00400252"]["Value"] == ["COMPLETED"]


@pytest.mark.parametrize("anyio_backend", ["asyncio", ("asyncio", {"use_uvloop": True}),
                                           "trio"], ids=["asyncio", "uvloop", "trio"])
async def test_our_scu_and_scp_every_transition(tmp_path: Path) -> None:
    """IN PROGRESS -> IN PROGRESS, -> COMPLETED, -> DISCONTINUED succeed; nothing changes a
    final step (PS3.4 F.7.2.2.3)."""
    store = MppsStore(tmp_path / "mpps")
    async with serving(store) as addr, ApplicationEntity("DKSCU", timeouts=FAST).connect(
            *addr, called_ae="DKMPPS", contexts=CONTEXT) as assoc:
        for final in MPPS_STATES.final:
            created = await create_mpps(assoc, step())
            uid = created.instance_uid
            again = Dataset()
            again.add_new(tags.PerformedProcedureStepStatus, "CS", MPPS_STATES.create)
            again.add_new(tags.PerformedProcedureStepDescription, "LO", "running")
            assert (await set_mpps(assoc, uid, again)).status == SUCCESS
            bad = Dataset()
            bad.add_new(tags.PerformedProcedureStepStatus, "CS", "SCHEDULED")
            with pytest.raises(MppsRefused) as refused:
                await set_mpps(assoc, uid, bad)
            assert refused.value.status == INVALID_VALUE
            end = Dataset()
            end.add_new(tags.PerformedProcedureStepStatus, "CS", final)
            end.add_new(tags.PerformedProcedureStepEndDate, "DA", "20240105")
            end.add_new(tags.PerformedProcedureStepEndTime, "TM", "090000")
            empty = end.copy()
            empty.add_new(tags.PerformedSeriesSequence, "SQ", Sequence([]))
            with pytest.raises(MppsRefused) as refused:  # F.7.2.1.1: may not be empty
                await set_mpps(assoc, uid, empty)
            assert refused.value.status == MISSING_VALUE
            assert refused.value.attributes == ()
            end.add_new(tags.PerformedSeriesSequence, "SQ", Sequence([series()]))
            assert (await set_mpps(assoc, uid, end)).status == SUCCESS
            for status in (MPPS_STATES.create, *MPPS_STATES.final):
                later = Dataset()
                later.add_new(tags.PerformedProcedureStepStatus, "CS", status)
                with pytest.raises(MppsRefused) as refused:
                    await set_mpps(assoc, uid, later)
                assert refused.value.status == MPPS_STATES.failure_status
                assert refused.value.error_id == MPPS_STATES.failure_error_id
            record = store.get(uid)
            assert str(record.PerformedProcedureStepStatus) == final
            assert str(record.PerformedProcedureStepDescription) == "running"
        # a Type 1 attribute of the N-CREATE missing: 0120H with the Attribute Identifier List
        lacking = step()
        del lacking[tags.PerformedStationAETitle]
        with pytest.raises(MppsRefused) as refused:
            await create_mpps(assoc, lacking, check=False)
        assert refused.value.status == MISSING
        assert refused.value.attributes == (tags.PerformedStationAETitle,)
        # a Type 1 item attribute of a sequence given: its item is checked too
        nested = step()
        nested[tags.ScheduledStepAttributesSequence].value[0][tags.StudyInstanceUID].value = ""
        with pytest.raises(MppsRefused) as refused:
            await create_mpps(assoc, nested, check=False)
        assert refused.value.status == MISSING_VALUE


def test_the_scu_checks_the_create_rules_before_sending() -> None:
    ds = step()
    ds[tags.PerformedProcedureStepStatus].value = "COMPLETED"
    from dicomkit.net.services.mpps import check_create

    with pytest.raises(MppsRuleError) as err:
        check_create(ds)
    assert err.value.status == INVALID_VALUE
    assert err.value.attributes == (tags.PerformedProcedureStepStatus,)


def test_store_writes_atomically_and_refuses_a_second_create(tmp_path: Path) -> None:
    from dicomkit.net.services.mpps import MppsRecordExists, MppsStoreError

    store = MppsStore(tmp_path)
    uid = generate_uid()
    store.create(uid, step())
    with pytest.raises(MppsRecordExists):
        store.create(uid, step())
    with pytest.raises(MppsStoreError):
        store.path("../etc/passwd")
    with pytest.raises(MppsStoreError):
        store.get(generate_uid())
    assert [p.name for p in tmp_path.iterdir()] == [f"{uid}.dcm"]  # no temporary left


def test_qrscp_mpps_with_the_blocking_facade(tmp_path: Path) -> None:
    """``dicomkit qrscp --mpps DIR`` (a process) keeps the records in DIR."""
    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "qrscp", str(port), "--archive",
                str(tmp_path / "archive"), "--aet", "DKQR", "--bind", "127.0.0.1",
                "--mpps", str(tmp_path / "mpps")]

    with _server("qrscp", argv, tmp_path / "out", "DKQR", tmp_path / "logs") as peer:
        with connect(peer.host, peer.port, called_ae="DKQR", contexts=CONTEXT,
                     timeouts=FAST) as assoc:
            created = assoc.create_mpps(step())
            stop = Dataset()
            stop.add_new(tags.PerformedProcedureStepStatus, "CS", "DISCONTINUED")
            stop.add_new(tags.PerformedProcedureStepEndDate, "DA", "20240105")
            stop.add_new(tags.PerformedProcedureStepEndTime, "TM", "081500")
            stop.add_new(tags.PerformedSeriesSequence, "SQ", Sequence([series()]))
            assoc.set_mpps(created.instance_uid, stop)
            with pytest.raises(MppsRefused) as refused:
                assoc.set_mpps(created.instance_uid, stop)
    assert refused.value.error_id == MPPS_STATES.failure_error_id
    record = read(tmp_path / "mpps" / f"{created.instance_uid}.dcm")
    assert str(record.PerformedProcedureStepStatus) == "DISCONTINUED"


def test_every_attribute_not_allowed_in_an_n_set_is_refused() -> None:
    """Each top-level row of Table F.7.2-1 whose N-SET column says "Not allowed"."""
    from dicomkit.core.dataset import dictionary_vr
    from dicomkit.generated.workflow import MPPS_ATTRIBUTES, attributes_at
    from dicomkit.net.services.mpps import check_set

    current = step()
    refused = [a for a in attributes_at(MPPS_ATTRIBUTES, ()) if not a.set_scu]
    assert {tags.PatientName, tags.Modality, tags.PerformedStationAETitle} <= {
        a.tag for a in refused}
    for attr in refused:
        vr = dictionary_vr(attr.tag)
        mods = Dataset()
        mods.add_new(attr.tag, vr, Sequence([]) if vr == "SQ" else None)
        with pytest.raises(MppsRuleError) as err:
            check_set(current, mods)
        assert err.value.status == NO_SUCH_ATTRIBUTE
        assert err.value.attributes == (attr.tag,)
