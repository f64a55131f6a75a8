"""Storage Commitment Push Model (dicomkit.net.services.commitment, PS3.4 Annex J): our SCU
against our SCP over an archive (all committed; missing instances in the Failed SOP Sequence
with 0112H, a wrong SOP class with 0119H), the report on a new association to a listener,
an unknown Action Type refused, the SCU's timeout; and against pynetdicom both ways (its
SCP, tests/net/pynetdicom_commit_scp.py, and its SCU, tests/net/pynetdicom_commit_scu.py)."""

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
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.archive import Archive, AsyncArchive
from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.generated import uids
from dicomkit.generated.commitment_reasons import NActionStatus
from dicomkit.io.reader import read
from dicomkit.net import ApplicationEntity, PresentationContext, connect
from dicomkit.net.dimse import build
from dicomkit.net.services.commitment import (
    CLASS_INSTANCE_CONFLICT,
    NO_SUCH_OBJECT_INSTANCE,
    CommitmentError,
    CommitmentListener,
    CommitmentRefused,
    CommitmentSCP,
    CommitmentTimeout,
    request_commitment,
)
from dicomkit.net.services.commitment.datasets import (
    decode,
    encode,
    read_report,
    report_data_set,
    request_data_set,
)
from dicomkit.net.services.qr.server import archive_entity
from tests.net.peers import HERE, _server, free_port, have_pynetdicom
from tests.net.qr_peers import qr_files
from tests.net.qr_scp import FAST

pytestmark = pytest.mark.anyio

CONTEXT = [PresentationContext(1, uids.StorageCommitmentPushModel,
                               (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian))]


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def references() -> list[tuple[str, str]]:
    """(SOP class, SOP instance) of the Q/R samples (pinned pydicom files)."""
    out = []
    for f in qr_files():
        ds = read(f, stop_before_pixels=True)
        out.append((str(ds.SOPClassUID), str(ds.SOPInstanceUID)))
    return out


@contextlib.asynccontextmanager
async def archive_scp(folder: Path, *, requestors: dict[str, tuple[str, int]] | None = None,
                      ) -> AsyncIterator[tuple[str, int]]:
    """``dicomkit qrscp``'s entity (archive_entity, titled DKQR) over the Q/R samples."""
    archive = Archive(folder)
    for f in qr_files():
        archive.insert_file(f)
    ae = archive_entity(AsyncArchive(archive), ae_title="DKQR", timeouts=FAST,
                        destinations=requestors)
    try:
        async with anyio.create_task_group() as tg:
            addr = await tg.start(ae.serve, "127.0.0.1", 0)
            yield addr
            tg.cancel_scope.cancel()
    finally:
        archive.close()


@contextlib.asynccontextmanager
async def scp(provider: CommitmentSCP) -> AsyncIterator[tuple[str, int]]:
    ae = ApplicationEntity("DKSC", timeouts=FAST)
    ae.add_service(provider)
    async with anyio.create_task_group() as tg:
        addr = await tg.start(ae.serve, "127.0.0.1", 0)
        yield addr
        tg.cancel_scope.cancel()


async def test_all_held_instances_are_committed_on_the_same_association(tmp_path: Path) -> None:
    refs = references()
    async with archive_scp(tmp_path / "a") as addr, ApplicationEntity(
            "DKSCU", timeouts=FAST).connect(*addr, called_ae="DKQR", contexts=CONTEXT) as assoc:
        result = await request_commitment(assoc, refs, timeout=10)
    assert result.event_type == 1 and result.all_committed
    assert result.retrieve_ae_title == "DKQR"  # PS3.4 J.3.3.1.1.1
    assert sorted(result.committed) == sorted(refs)
    assert result.failed == ()


async def test_missing_and_mistyped_instances_fail_with_their_reasons(tmp_path: Path) -> None:
    refs = references()
    missing = (uids.CTImageStorage, generate_uid())
    cls, inst = refs[0]
    other = uids.MRImageStorage if cls != uids.MRImageStorage else uids.CTImageStorage
    uid = generate_uid()
    async with archive_scp(tmp_path / "a") as addr, ApplicationEntity(
            "DKSCU", timeouts=FAST).connect(*addr, called_ae="DKQR", contexts=CONTEXT) as assoc:
        result = await request_commitment(assoc, [*refs[1:], missing, (other, inst)],
                                          timeout=10, transaction_uid=uid)
    assert result.transaction_uid == uid
    assert result.event_type == 2  # PS3.4 Table J.3-2: Complete - Failures Exist
    assert sorted(result.committed) == sorted(refs[1:])
    # PS3.4 J.3.3: 0112H No such object instance, 0119H Class / Instance conflict
    assert set(result.failed) == {(*missing, NO_SUCH_OBJECT_INSTANCE),
                                  (other, inst, CLASS_INSTANCE_CONFLICT)}
    assert NO_SUCH_OBJECT_INSTANCE == 0x0112 and CLASS_INSTANCE_CONFLICT == 0x0119


async def test_report_on_a_new_association_to_a_listening_requestor() -> None:
    listener = CommitmentListener()
    ours = ApplicationEntity("DKSCU", timeouts=FAST)
    ours.add_service(listener, scu_role=True, scp_role=False)
    held = {"1.2.3.4"}
    async with anyio.create_task_group() as tg:
        listen = await tg.start(ours.serve, "127.0.0.1", 0)
        provider = CommitmentSCP(lambda c, i: i in held, ae_title="DKSC",
                                 requestors={"DKSCU": listen}, same_association=False,
                                 timeouts=FAST)
        async with scp(provider) as addr:
            async with ours.connect(*addr, called_ae="DKSC", contexts=CONTEXT) as assoc:
                sent = await request_commitment(
                    assoc, [(uids.CTImageStorage, "1.2.3.4"), (uids.CTImageStorage, "1.2.5")],
                    timeout=10, listener=listener, wait=False)
            # released: the report comes on an association the SCP opens to us
            result = await listener.wait(sent.transaction_uid, 10)
        tg.cancel_scope.cancel()
    assert result.committed == ((uids.CTImageStorage, "1.2.3.4"),)
    assert result.failed == ((uids.CTImageStorage, "1.2.5", NO_SUCH_OBJECT_INSTANCE),)
    assert result.peer is not None and result.peer != addr


async def test_a_report_that_does_not_come_times_out() -> None:
    async def slow(sop_class: str, sop_instance: str) -> bool:
        await anyio.sleep(30)
        return True

    async with scp(CommitmentSCP(slow)) as addr, ApplicationEntity(
            "DKSCU", timeouts=FAST).connect(*addr, called_ae="DKSC", contexts=CONTEXT) as assoc:
        with anyio.fail_after(10):
            with pytest.raises(CommitmentTimeout, match="no N-EVENT-REPORT within 0.3 s"):
                await request_commitment(assoc, [(uids.CTImageStorage, "1.2.3")], timeout=0.3)


async def test_unknown_action_type_is_refused_and_nothing_reported() -> None:
    provider = CommitmentSCP(lambda c, i: True)
    async with scp(provider) as addr, ApplicationEntity(
            "DKSCU", timeouts=FAST).connect(*addr, called_ae="DKSC", contexts=CONTEXT) as assoc:
        assert assoc.dimse is not None
        msg = build("N-ACTION-RQ", data_set=True,
                    RequestedSOPClassUID=uids.StorageCommitmentPushModel,
                    RequestedSOPInstanceUID=uids.StorageCommitmentPushModelInstance,
                    ActionTypeID=7)
        ts = assoc.contexts[1].transfer_syntax
        rsp = await assoc.dimse.request_one(1, msg, encode(request_data_set(
            "1.2.3", [(uids.CTImageStorage, "1.2.3.4")]), ts))
    assert rsp.status == 0x0123  # PS3.7 C.5.24 No such Action Type
    assert not provider.reports


async def test_no_references_and_no_context_are_refused_locally(tmp_path: Path) -> None:
    async with archive_scp(tmp_path / "a") as addr:
        ctx = [PresentationContext(1, uids.Verification, (uids.ImplicitVRLittleEndian,))]
        async with ApplicationEntity("DKSCU", timeouts=FAST).connect(
                *addr, called_ae="DKQR", contexts=ctx) as assoc:
            with pytest.raises(CommitmentError, match="no Storage Commitment"):
                await request_commitment(assoc, [("1.2", "1.2.3")], timeout=1)
            with pytest.raises(CommitmentError, match="nothing to commit"):
                await request_commitment(assoc, [], timeout=1)


# -- pynetdicom ------------------------------------------------------------------------------

def need_pynetdicom() -> None:
    if not have_pynetdicom():
        from tests.conftest import missing

        missing("pynetdicom (pip install -e '.[test]')")


async def test_our_scu_against_pynetdicom_scp(tmp_path: Path) -> None:
    need_pynetdicom()
    have = "1.2.826.0.1.3680043.2.1125.1"

    def argv(port: int) -> list[str]:
        return [sys.executable, str(HERE / "pynetdicom_commit_scp.py"), str(port),
                "--have", have]

    with _server("pynetdicom-commit-scp", argv, tmp_path / "out", "PYNETDICOM",
                 tmp_path / "logs") as peer:
        async with ApplicationEntity("DKSCU", timeouts=FAST).connect(
                peer.host, peer.port, called_ae="PYNETDICOM", contexts=CONTEXT) as assoc:
            result = await request_commitment(
                assoc, [(uids.CTImageStorage, have), (uids.CTImageStorage, "1.2.3.999")],
                timeout=10)
    assert result.event_type == 2
    assert result.committed == ((uids.CTImageStorage, have),)
    assert result.failed == ((uids.CTImageStorage, "1.2.3.999", NO_SUCH_OBJECT_INSTANCE),)


def run_pynetdicom_commit_scu(host: str, port: int, refs: list[tuple[str, str]],
                              *extra: str) -> dict[str, Any]:
    argv = [sys.executable, str(HERE / "pynetdicom_commit_scu.py"), host, str(port),
            *(f"{c}:{i}" for c, i in refs), "--aec", "DKQR", *extra]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


async def test_pynetdicom_scu_against_our_archive_scp(tmp_path: Path) -> None:
    need_pynetdicom()
    refs = references()
    missing = (uids.CTImageStorage, generate_uid())
    async with archive_scp(tmp_path / "a") as addr:
        report = await anyio.to_thread.run_sync(run_pynetdicom_commit_scu, addr[0], addr[1],
                                                [*refs, missing])
    assert report["action_status"] == 0
    assert report["transaction_uid"] == report["sent_transaction_uid"]
    assert report["event_type"] == 2
    assert sorted(map(tuple, report["committed"])) == sorted(refs)
    assert report["failed"] == [[*missing, NO_SUCH_OBJECT_INSTANCE]]


async def test_our_scp_reports_to_a_listening_pynetdicom_scu_on_a_new_association() -> None:
    need_pynetdicom()
    listen = free_port()
    provider = CommitmentSCP(lambda c, i: i == "1.2.3.4", ae_title="DKQR",
                             requestors={"PYNETDICOM": ("127.0.0.1", listen)},
                             same_association=False, timeouts=FAST)
    async with scp(provider) as addr:
        report = await anyio.to_thread.run_sync(
            run_pynetdicom_commit_scu, addr[0], addr[1],
            [(uids.CTImageStorage, "1.2.3.4"), (uids.CTImageStorage, "1.2.3.5")],
            "--listen", str(listen), "--aec", "DKSC")
    assert report["transaction_uid"] == report["sent_transaction_uid"]
    assert report["event_type"] == 2
    assert report["committed"] == [[uids.CTImageStorage, "1.2.3.4"]]
    assert report["failed"] == [[uids.CTImageStorage, "1.2.3.5", NO_SUCH_OBJECT_INSTANCE]]


def test_pynetdicom_scu_against_dicomkit_qrscp_process(tmp_path: Path) -> None:
    """``dicomkit qrscp`` (a process) serves Storage Commitment over its archive."""
    need_pynetdicom()
    archive = Archive(tmp_path / "archive")
    for f in qr_files():
        archive.insert_file(f)
    archive.close()
    refs = references()

    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "qrscp", str(port), "--archive",
                str(tmp_path / "archive"), "--aet", "DKQR", "--bind", "127.0.0.1",
                "--commitment-outbox", str(tmp_path / "outbox")]

    with _server("qrscp", argv, tmp_path / "out", "DKQR", tmp_path / "logs") as peer:
        report = run_pynetdicom_commit_scu(peer.host, peer.port, [*refs, (refs[0][0], "1.2.9")])
        # and our blocking facade against the same process
        with connect(peer.host, peer.port, called_ae="DKQR", contexts=CONTEXT,
                     timeouts=FAST) as assoc:
            ours = assoc.commit(refs[:1], timeout=10)
    assert ours.committed == tuple(refs[:1]) and ours.event_type == 1
    assert report["event_type"] == 2
    assert sorted(map(tuple, report["committed"])) == sorted(refs)
    assert report["failed"] == [[refs[0][0], "1.2.9", NO_SUCH_OBJECT_INSTANCE]]
    assert list((tmp_path / "outbox").iterdir()) == []  # every report went: none kept


async def test_report_falls_back_to_a_new_association_when_the_first_closed() -> None:
    """PS3.4 J.3.3: the SCP may report on a new association once the requestor released."""
    listener = CommitmentListener()
    ours = ApplicationEntity("DKSCU", timeouts=FAST)
    ours.add_service(listener, scu_role=True, scp_role=False)
    released = anyio.Event()

    async def after_release(sop_class: str, sop_instance: str) -> bool:
        await released.wait()
        await anyio.sleep(0.05)
        return True

    async with anyio.create_task_group() as tg:
        listen = await tg.start(ours.serve, "127.0.0.1", 0)
        provider = CommitmentSCP(after_release, ae_title="DKSC", requestors={"DKSCU": listen},
                                 timeouts=FAST)
        async with scp(provider) as addr:
            async with ours.connect(*addr, called_ae="DKSC", contexts=CONTEXT) as assoc:
                sent = await request_commitment(assoc, [(uids.CTImageStorage, "1.2.3")],
                                                timeout=10, listener=listener, wait=False)
            released.set()
            result = await listener.wait(sent.transaction_uid, 10)
        tg.cancel_scope.cancel()
    assert result.event_type == 1 and result.committed == ((uids.CTImageStorage, "1.2.3"),)


# -- the data sets ---------------------------------------------------------------------------

_UID = st.from_regex(r"\A[1-9][0-9]{0,5}(\.[1-9][0-9]{0,5}){1,6}\Z")
_SYNTAX = st.sampled_from([uids.ImplicitVRLittleEndian, uids.ExplicitVRLittleEndian,
                           uids.ExplicitVRBigEndian])


@settings(max_examples=60, deadline=None)
@given(_UID, st.lists(st.tuples(_UID, _UID), max_size=5),
       st.lists(st.tuples(_UID, _UID, st.sampled_from([0x0110, 0x0112, 0x0119, 0x0122])),
                max_size=5), _SYNTAX)
def test_event_information_round_trips(transaction: str, committed: list[tuple[str, str]],
                                       failed: list[tuple[str, str, int]], syntax: str) -> None:
    data = encode(report_data_set(transaction, committed, failed), syntax)
    result = read_report(decode(data, syntax, uids.StorageCommitmentPushModel),
                         2 if failed else 1)
    assert result.transaction_uid == transaction
    assert result.committed == tuple(committed) and result.failed == tuple(failed)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_event_information_raises_only_our_errors(data: st.DataObject) -> None:
    good = bytearray(encode(report_data_set("1.2.3", [("1.2", "1.2.3.4")],
                                            [("1.2", "1.2.5", 0x0112)]),
                            uids.ExplicitVRLittleEndian))
    for _ in range(data.draw(st.integers(1, 4))):
        good[data.draw(st.integers(0, len(good) - 1))] = data.draw(st.integers(0, 255))
    cut = bytes(good[:data.draw(st.integers(0, len(good)))])
    try:
        read_report(decode(cut, uids.ExplicitVRLittleEndian, uids.StorageCommitmentPushModel), 2)
    except DicomError:
        pass


async def test_concurrent_requests_on_one_association_each_get_their_report() -> None:
    async def slow_second(sop_class: str, sop_instance: str) -> bool:
        await anyio.sleep(0.6 if sop_instance == "1.2.2" else 0.2)  # the first ends first
        return True

    results: dict[str, Any] = {}
    async with scp(CommitmentSCP(slow_second)) as addr, ApplicationEntity(
            "DKSCU", timeouts=FAST).connect(*addr, called_ae="DKSC", contexts=CONTEXT,
                                            async_ops=(4, 4)) as assoc:
        async def one(instance: str) -> None:
            results[instance] = await request_commitment(
                assoc, [(uids.CTImageStorage, instance)], timeout=10)

        async with anyio.create_task_group() as tg:
            tg.start_soon(one, "1.2.1")
            await anyio.sleep(0.05)
            tg.start_soon(one, "1.2.2")
        assert assoc.dimse is not None
        # the report handler put in front of the provider's own is gone again
        assert assoc.dimse.handlers is not None
        assert assoc.dimse.handlers.__name__ != "lookup"
    assert {i: r.committed for i, r in results.items()} == {
        i: ((uids.CTImageStorage, i),) for i in ("1.2.1", "1.2.2")}


async def test_a_report_the_requestor_cannot_take_is_kept_and_sent_after_a_restart(
        tmp_path: Path) -> None:
    """PS3.4 J.3.3: the report may go on a different association.  The requestor released and
    is not listening: the report is kept in the outbox (a file); an SCP started again over the
    same outbox sends it once the requestor listens, and forgets it."""
    listener = CommitmentListener()
    ours = ApplicationEntity("DKSCU", timeouts=FAST)
    ours.add_service(listener, scu_role=True, scp_role=False)
    outbox = tmp_path / "outbox"
    closed = ("127.0.0.1", free_port())  # nobody listens here
    provider = CommitmentSCP(lambda c, i: i == "1.2.3.4", ae_title="DKSC",
                             requestors={"DKSCU": closed}, same_association=False,
                             timeouts=FAST, outbox=outbox)
    async with scp(provider) as addr:
        async with ours.connect(*addr, called_ae="DKSC", contexts=CONTEXT) as assoc:
            sent = await request_commitment(
                assoc, [(uids.CTImageStorage, "1.2.3.4"), (uids.CTImageStorage, "1.2.5")],
                timeout=10, listener=listener, wait=False)
        with anyio.fail_after(10):
            while not list(outbox.glob("*.json")):
                await anyio.sleep(0.02)
    assert await provider.resend() == 0  # still nobody there: kept
    assert len(list(outbox.glob("*.json"))) == 1
    async with anyio.create_task_group() as tg:
        listen = await tg.start(ours.serve, "127.0.0.1", 0)
        again = CommitmentSCP(lambda c, i: True, ae_title="DKSC",
                              requestors={"DKSCU": listen}, timeouts=FAST, outbox=outbox)
        await tg.start(again.run_resend, 0.05)
        result = await listener.wait(sent.transaction_uid, 10)
        with anyio.fail_after(10):  # forgotten once the report's response came
            while list(outbox.iterdir()):
                await anyio.sleep(0.02)
        tg.cancel_scope.cancel()
    # the report made before the restart (the second checker commits everything)
    assert result.committed == ((uids.CTImageStorage, "1.2.3.4"),)
    assert result.failed == ((uids.CTImageStorage, "1.2.5", NO_SUCH_OBJECT_INSTANCE),)


def test_the_outbox_renames_what_is_no_report_and_refuses_an_unwritable_folder(
        tmp_path: Path) -> None:
    from dicomkit.net.services.commitment.outbox import Outbox

    box = Outbox(tmp_path / "box")
    (tmp_path / "box" / "1.2.3.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "box" / "1.2.4.json").write_text('{"called_ae": "X"}', encoding="utf-8")
    assert box.pending() == []
    assert sorted(p.name for p in (tmp_path / "box").iterdir()) == ["1.2.3.bad", "1.2.4.bad"]
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(DicomError, match="outbox"):
        Outbox(tmp_path / "file" / "box")


async def test_pynetdicom_scu_reusing_an_active_transaction_uid_is_refused() -> None:
    """PS3.4 J.3.3.1.2: a Transaction UID is active until its N-EVENT-REPORT is sent.  A second
    N-ACTION with the Transaction UID of a request still being checked is refused with
    Invalid argument value (0115H): PS3.4 J.3.2.1.4 defines no Service Class specific status,
    and PS3.7 10.1.4.1.10 gives 0115H for "the action information value specified was ...
    otherwise inappropriate"; the Error Comment names Failure Reason 0131H Duplicate
    transaction UID (PS3.3 C.14.1.1).  The first request is reported as usual, and the UID
    is accepted again once its report is sent (it is no longer active on this SCP)."""
    need_pynetdicom()
    entered, release = anyio.Event(), anyio.Event()

    async def checker(sop_class: str, sop_instance: str) -> bool:
        entered.set()
        await release.wait()
        return True

    provider = CommitmentSCP(checker, ae_title="DKSC", timeouts=FAST)
    ref = [(uids.CTImageStorage, "1.2.3.4")]
    transaction = generate_uid()
    first: dict[str, Any] = {}

    async def run_first(host: str, port: int) -> None:
        first.update(await anyio.to_thread.run_sync(
            run_pynetdicom_commit_scu, host, port, ref, "--aec", "DKSC",
            "--transaction-uid", transaction))

    async with scp(provider) as addr, anyio.create_task_group() as tg:
        tg.start_soon(run_first, *addr)
        with anyio.fail_after(30):
            await entered.wait()
        assert transaction in await provider.active()
        second = await anyio.to_thread.run_sync(
            run_pynetdicom_commit_scu, addr[0], addr[1], ref, "--aec", "DKSC",
            "--transaction-uid", transaction)
        release.set()
    assert second["action_status"] == NActionStatus.INVALID_ARGUMENT_VALUE == 0x0115
    assert "0131H" in second["error_comment"]
    assert "event_type" not in second  # refused: nothing reported for it
    assert first["action_status"] == 0 and first["event_type"] == 1
    assert first["transaction_uid"] == transaction
    assert len(provider.reports) == 1
    assert transaction not in await provider.active()
    async with scp(provider) as addr:
        release.set()
        again = await anyio.to_thread.run_sync(
            run_pynetdicom_commit_scu, addr[0], addr[1], ref, "--aec", "DKSC",
            "--transaction-uid", transaction)
    assert again["action_status"] == 0 and again["event_type"] == 1


async def test_a_transaction_whose_report_waits_in_the_outbox_stays_active(
        tmp_path: Path) -> None:
    """PS3.4 J.3.3.1.2: the report kept in the outbox is not sent yet, so its Transaction
    UID is still active: our SCU's second N-ACTION with it is refused (CommitmentRefused,
    0115H), also by an SCP started again over the same outbox."""
    listener = CommitmentListener()
    ours = ApplicationEntity("DKSCU", timeouts=FAST)
    ours.add_service(listener, scu_role=True, scp_role=False)
    outbox = tmp_path / "outbox"
    closed = ("127.0.0.1", free_port())  # nobody listens here
    ref = [(uids.CTImageStorage, "1.2.3.4")]

    def make() -> CommitmentSCP:
        return CommitmentSCP(lambda c, i: True, ae_title="DKSC", requestors={"DKSCU": closed},
                             same_association=False, timeouts=FAST, outbox=outbox)

    provider = make()
    async with scp(provider) as addr:
        async with ours.connect(*addr, called_ae="DKSC", contexts=CONTEXT) as assoc:
            sent = await request_commitment(assoc, ref, timeout=10, listener=listener,
                                            wait=False)
        with anyio.fail_after(10):
            while not list(outbox.glob("*.json")):
                await anyio.sleep(0.02)
    for scp_now in (provider, make()):
        async with scp(scp_now) as addr, ours.connect(
                *addr, called_ae="DKSC", contexts=CONTEXT) as assoc:
            with pytest.raises(CommitmentRefused) as refused:
                await request_commitment(assoc, ref, timeout=10, listener=listener,
                                         wait=False, transaction_uid=sent.transaction_uid)
        assert refused.value.status == NActionStatus.INVALID_ARGUMENT_VALUE
        assert sent.transaction_uid in await scp_now.active()
    assert len(list(outbox.glob("*.json"))) == 1  # the refusal wrote nothing
