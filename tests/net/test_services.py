"""Verification and Storage services (PS3.4 Annexes A, B): SCP and SCU logic against an
in-memory association, then SCU against SCP over loopback with the real upper layer."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.generated import uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.io.writer import encode_dataset
from dicomkit.net import AcceptedContext, AcceptPolicy, Timeouts
from dicomkit.net.dimse import (
    DimseMessage,
    build,
    c_echo_rq,
    c_store_rq,
    decode_command,
)
from dicomkit.net.services import (
    FolderStorage,
    StorageHandler,
    StorageSCP,
    StorageSCU,
    StoreResult,
    echo,
    store_on,
)
from dicomkit.net.services.storage import CANNOT_UNDERSTAND, OUT_OF_RESOURCES
from dicomkit.net.services.storage.folder import LANES
from tests.net.fakes import FakeAssociation, incoming
from tests.samples import sample_str, samples

IMPLICIT = uids.ImplicitVRLittleEndian
EXPLICIT = uids.ExplicitVRLittleEndian
CT = uids.CTImageStorage
JPEG = uids.JPEGBaseline8Bit
FAST = Timeouts(connect=5, artim=2.0, acse=5, dimse=20, network=10)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_ct(n: int = 1, patient: str = "PAT1", series: str = "1.2.3.4") -> Dataset:
    ds = Dataset()
    ds.SOPClassUID = CT
    ds.SOPInstanceUID = f"1.2.826.0.1.3680043.9.{n}"
    ds.PatientID = patient
    ds.PatientName = "Doe^John"
    ds.StudyInstanceUID = "1.2.3"
    ds.SeriesInstanceUID = series
    ds.Rows = 2
    ds.Columns = 2
    ds.BitsAllocated = 16
    ds.add_new(0x7FE00010, "OW", b"\x01\x00\x02\x00\x03\x00\x04\x00")
    return ds


def sent_messages(assoc: FakeAssociation) -> list[DimseMessage]:
    return [decode_command(command) for _, command, _ in assoc.sent]


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


# ------------------------------------------------------------------------------- SCP

@pytest.mark.anyio
async def test_scp_answers_c_echo_with_success() -> None:
    assoc = FakeAssociation({1: uids.Verification})
    assoc.deliver(incoming(1, c_echo_rq(9).encode(), None))
    await StorageSCP(StoreAll()).serve_association(assoc)  # type: ignore[arg-type]
    [rsp] = sent_messages(assoc)
    assert rsp.name == "C-ECHO-RSP" and rsp.status == 0
    assert rsp.message_id_being_responded_to == 9


class StoreAll(StorageHandler):
    def __init__(self) -> None:
        self.received: list[Dataset] = []

    def did_receive(self, received: Path | Dataset, command: DimseMessage) -> int:
        assert isinstance(received, Dataset)
        self.received.append(received)
        return 0


@pytest.mark.anyio
async def test_scp_stores_in_patient_study_series_folders(tmp_path: Path) -> None:
    assoc = FakeAssociation({1: CT})
    ds = make_ct()
    data = encode_dataset(ds, IMPLICIT)
    rq = c_store_rq(1, CT, ds.SOPInstanceUID)
    assoc.deliver(incoming(1, rq.encode(), [data[:10], data[10:30], data[30:]]))
    await StorageSCP(tmp_path).serve_association(assoc)  # type: ignore[arg-type]
    [rsp] = sent_messages(assoc)
    assert rsp.name == "C-STORE-RSP" and rsp.status == 0
    assert rsp.affected_sop_instance_uid == ds.SOPInstanceUID
    expected = tmp_path / "PAT1" / "1.2.3" / "1.2.3.4" / f"{ds.SOPInstanceUID}.dcm"
    assert all_files(tmp_path) == [expected]
    back = dicomkit.read(expected)
    assert back == ds
    assert str(back.file_meta[0x00020010].value) == IMPLICIT
    assert str(back.file_meta[0x00020003].value) == ds.SOPInstanceUID


@pytest.mark.anyio
async def test_scp_places_the_files_of_an_association_on_one_reused_worker_thread(
        tmp_path: Path) -> None:
    # the blocking work (write, close, link into place) is off the event loop, on one
    # long-lived lane thread for files sent in turn (net/workers.py), not a pool round per file
    threads: list[tuple[int, str]] = []
    assoc = FakeAssociation({1: CT})
    datasets = [make_ct(n) for n in range(6)]
    for ds in datasets:
        data = encode_dataset(ds, IMPLICIT)
        assoc.deliver(incoming(1, c_store_rq(1, CT, ds.SOPInstanceUID).encode(), [data]))
    storage = FolderStorage(tmp_path, on_stored=lambda path, size: threads.append(
        (threading.get_ident(), threading.current_thread().name)))
    await StorageSCP(storage).serve_association(assoc)  # type: ignore[arg-type]
    assert [rsp.status for rsp in sent_messages(assoc)] == [0] * len(datasets)
    assert len(all_files(tmp_path)) == len(datasets)
    assert len(threads) == len(datasets)
    assert len(set(threads)) == 1
    assert threads[0][0] != threading.get_ident()
    assert threads[0][1] == f"{LANES.name}-lane"


@pytest.mark.anyio
async def test_scp_keeps_nothing_when_the_association_aborts_mid_data_set(tmp_path: Path
                                                                          ) -> None:
    assoc = FakeAssociation({1: CT})
    data = encode_dataset(make_ct(), IMPLICIT)
    rq = c_store_rq(1, CT, make_ct().SOPInstanceUID)
    assoc.deliver(incoming(1, rq.encode(), [data[:20], data[20:40], data[40:]], fail_after=2))
    await StorageSCP(tmp_path).serve_association(assoc)  # type: ignore[arg-type]
    assert assoc.sent == []
    assert all_files(tmp_path) == []


@pytest.mark.anyio
async def test_scp_answers_cannot_understand_for_unparsable_data(tmp_path: Path) -> None:
    assoc = FakeAssociation({1: CT})
    rq = c_store_rq(1, CT, "1.2.3.9")
    assoc.deliver(incoming(1, rq.encode(), b"\x08\x00\x18\x00\xff\xff\xff\x7f1.2"))
    await StorageSCP(tmp_path).serve_association(assoc)  # type: ignore[arg-type]
    [rsp] = sent_messages(assoc)
    assert rsp.status == CANNOT_UNDERSTAND and rsp.status_category == "failure"
    assert all_files(tmp_path) == []


@pytest.mark.anyio
async def test_scp_answers_out_of_resources_on_disk_errors_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def full_disk(fd: int, buffers: Any) -> int:  # every write of a part file: ENOSPC
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "writev", full_disk)
    assoc = FakeAssociation({1: CT})
    ds = make_ct()
    data = encode_dataset(ds, IMPLICIT)
    assoc.deliver(incoming(1, c_store_rq(1, CT, ds.SOPInstanceUID).encode(),
                           [data[:20], data[20:]]))
    assoc.deliver(incoming(1, c_echo_rq(2).encode(), None))
    await StorageSCP(tmp_path).serve_association(assoc)  # type: ignore[arg-type]
    rsp, echo_rsp = sent_messages(assoc)
    assert rsp.status == OUT_OF_RESOURCES and "No space" in str(rsp.get("ErrorComment"))
    assert echo_rsp.status == 0  # the association stays usable: the data set was drained
    assert all_files(tmp_path) == []


@pytest.mark.anyio
async def test_scp_makes_its_folder_again_when_it_was_removed_while_serving(
        tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "in"
    scp = StorageSCP(root)
    shutil.rmtree(root)  # e.g. a clean-up job emptied the storage area
    assoc = FakeAssociation({1: CT})
    ds = make_ct()
    assoc.deliver(incoming(1, c_store_rq(1, CT, ds.SOPInstanceUID).encode(),
                           [encode_dataset(ds, IMPLICIT)]))
    await scp.serve_association(assoc)  # type: ignore[arg-type]
    [rsp] = sent_messages(assoc)
    assert rsp.status == 0
    [stored] = all_files(root)
    assert dicomkit.read(stored) == ds


@pytest.mark.anyio
async def test_will_receive_answers_before_the_data_set_and_drains_it() -> None:
    class Refuse(StoreAll):
        def will_receive(self, command: DimseMessage) -> int | None:
            return 0xA711

    handler = Refuse()
    assoc = FakeAssociation({1: CT})
    data = encode_dataset(make_ct(), IMPLICIT)
    assoc.deliver(incoming(1, c_store_rq(1, CT, "1.2.3.4.5").encode(), data))
    assoc.deliver(incoming(1, c_store_rq(2, CT, "1.2.3.4.6").encode(), data))
    await StorageSCP(handler).serve_association(assoc)  # type: ignore[arg-type]
    assert [m.status for m in sent_messages(assoc)] == [0xA711, 0xA711]
    assert handler.received == []


@pytest.mark.anyio
async def test_handler_gets_the_parsed_data_set_in_memory() -> None:
    handler = StoreAll()
    assoc = FakeAssociation({1: AcceptedContext(1, CT, EXPLICIT, 0)})
    ds = make_ct()
    assoc.deliver(incoming(1, c_store_rq(1, CT, ds.SOPInstanceUID).encode(),
                           encode_dataset(ds, EXPLICIT)))
    await StorageSCP(handler).serve_association(assoc)  # type: ignore[arg-type]
    assert handler.received == [ds]


@pytest.mark.anyio
async def test_refused_association_is_aborted() -> None:
    class Nobody(StoreAll):
        def accept_association(self, assoc: Any) -> bool:
            return False

    assoc = FakeAssociation({1: CT})
    assoc.deliver(incoming(1, c_echo_rq(1).encode(), None))
    await StorageSCP(Nobody()).serve_association(assoc)  # type: ignore[arg-type]
    assert assoc.aborted and assoc.sent == []


@pytest.mark.anyio
async def test_scp_answers_requests_it_does_not_serve_with_unrecognized_operation() -> None:
    assoc = FakeAssociation({1: CT})
    rq = build("N-DELETE-RQ", MessageID=4, RequestedSOPClassUID=CT,
               RequestedSOPInstanceUID="1.2.3")
    assoc.deliver(incoming(1, rq.encode(), None))
    await StorageSCP(StoreAll()).serve_association(assoc)  # type: ignore[arg-type]
    [rsp] = sent_messages(assoc)
    assert rsp.name == "N-DELETE-RSP" and rsp.status == 0x0211


# ------------------------------------------------------------------------------- SCU

class FakeStoreSCP:
    """``connect`` for StorageSCU: accepts the first syntax of each context (or those given)
    and answers C-STOREs with ``status_for``; can abort after some operations."""

    def __init__(self, accept: dict[str, str] | None = None,
                 status_for: Any = lambda uid: 0, abort_after: int | None = None) -> None:
        self.accept = accept or {}
        self.status_for = status_for
        self.abort_after = abort_after
        self.associations: list[FakeAssociation] = []
        self.proposed: list[list[Any]] = []

    async def __call__(self, contexts: Any) -> FakeAssociation:
        self.proposed.append(list(contexts))
        accepted = {}
        for pc in contexts:
            ts = self.accept.get(pc.abstract_syntax, pc.transfer_syntaxes[0])
            if ts in pc.transfer_syntaxes:
                accepted[pc.id] = AcceptedContext(pc.id, pc.abstract_syntax, ts, 0)
        assoc = FakeAssociation(accepted, requestor=True, ends_when_empty=False)
        assoc.on_send = self.answer
        self.associations.append(assoc)
        return assoc

    def answer(self, assoc: FakeAssociation, context_id: int, command: bytes,
               data: bytes | None) -> None:
        rq = decode_command(command)
        if self.abort_after is not None and len(assoc.sent) > self.abort_after:
            assoc.drop()
            self.abort_after = None
            return
        rsp = rq.response(self.status_for(rq.affected_sop_instance_uid))
        assoc.deliver(incoming(context_id, rsp.encode(), None))


def cts(n: int) -> list[Dataset]:
    return [make_ct(i) for i in range(n)]


@pytest.mark.anyio
async def test_scu_reports_each_file_and_reassociates_after_max_operations() -> None:
    peer = FakeStoreSCP()
    progress: list[tuple[str, int, int]] = []
    scu = StorageSCU(connect=peer, max_operations=3,
                     progress=lambda r, done, total: progress.append(
                         (r.sop_instance_uid, done, total)))
    datasets = cts(7)
    results = await scu.store(datasets)
    assert [r.sop_instance_uid for r in results] == [d.SOPInstanceUID for d in datasets]
    assert all(r.status == 0 and r.category == "success" and r.ok for r in results)
    # a data set made in memory is explicit VR little endian, proposed and accepted first
    assert [r.bytes for r in results] == [len(encode_dataset(d, EXPLICIT)) for d in datasets]
    assert [len(a.sent) for a in peer.associations] == [3, 3, 1]
    assert all(a.released for a in peer.associations)
    assert [p[1:] for p in progress] == [(i, 7) for i in range(1, 8)]


@pytest.mark.anyio
async def test_scu_continues_after_failures_or_stops_when_fail_fast() -> None:
    bad = make_ct(1).SOPInstanceUID
    peer = FakeStoreSCP(status_for=lambda uid: 0xA700 if uid == bad else 0)
    results = await StorageSCU(connect=peer).store(cts(4))
    assert [r.category for r in results] == ["success", "failure", "success", "success"]
    assert results[1].status == 0xA700 and "0xA700" in results[1].error

    peer = FakeStoreSCP(status_for=lambda uid: 0xA700 if uid == bad else 0)
    results = await StorageSCU(connect=peer, continue_on_error=False).store(cts(4))
    assert [r.category for r in results] == ["success", "failure", "skipped", "skipped"]
    assert len(peer.associations[0].sent) == 2


@pytest.mark.anyio
async def test_scu_reassociates_when_the_association_is_lost() -> None:
    peer = FakeStoreSCP(abort_after=2)
    results = await StorageSCU(connect=peer).store(cts(5))
    assert [r.category for r in results] == ["success", "success", "error", "success",
                                             "success"]
    assert "association lost" in results[2].error
    assert len(peer.associations) == 2


@pytest.mark.anyio
async def test_scu_reports_every_file_of_a_batch_whose_association_fails() -> None:
    from dicomkit.net import AssociationRejected

    async def refuse(contexts: Any) -> Any:
        raise AssociationRejected(1, 1, 7)

    results = await StorageSCU(connect=refuse, max_operations=2).store(cts(3))
    assert [r.category for r in results] == ["error", "error", "error"]
    assert all("no association" in r.error for r in results)
    results = await StorageSCU(connect=refuse, continue_on_error=False).store(cts(3))
    assert [r.category for r in results] == ["error", "error", "error"]


@pytest.mark.anyio
async def test_scu_reports_unreadable_files_and_keeps_going(tmp_path: Path) -> None:
    junk = tmp_path / "junk.dcm"
    junk.write_bytes(b"not dicom at all")
    no_uid = Dataset()
    no_uid.PatientID = "X"
    results = await StorageSCU(connect=FakeStoreSCP()).store([make_ct(1), junk, no_uid,
                                                              make_ct(2)])
    assert [r.category for r in results] == ["success", "error", "error", "success"]
    assert "SOP Class UID" in results[2].error


def test_scu_proposes_each_files_syntax_with_native_alternatives() -> None:
    contexts = StorageSCU.contexts_for([(CT, uids.ExplicitVRBigEndian), (CT, IMPLICIT),
                                        (CT, JPEG), (uids.MRImageStorage, EXPLICIT),
                                        (CT, JPEG), (CT, IMPLICIT)])
    shown = [(c.id, c.abstract_syntax, c.transfer_syntaxes) for c in contexts]
    assert shown == [
        (1, CT, (uids.ExplicitVRBigEndian, EXPLICIT, IMPLICIT)),
        (3, CT, (IMPLICIT, EXPLICIT)),
        (5, CT, (JPEG,)),
        (7, uids.MRImageStorage, (EXPLICIT, IMPLICIT)),
    ]
    # a compressed syntax alone gets a native context too, to send it decompressed if refused
    alone = StorageSCU.contexts_for([(CT, JPEG)])
    assert [(c.id, c.transfer_syntaxes) for c in alone] == [(1, (JPEG,)), (3, (EXPLICIT, IMPLICIT))]


@pytest.mark.anyio
async def test_scu_re_encodes_native_data_sets_in_the_accepted_syntax() -> None:
    peer = FakeStoreSCP(accept={CT: EXPLICIT})
    ds = make_ct()
    [result] = await StorageSCU(connect=peer).store([ds])
    assert result.ok and result.transfer_syntax == EXPLICIT
    [(_, _, data)] = peer.associations[0].sent
    assert data == encode_dataset(ds, EXPLICIT)


@pytest.mark.anyio
async def test_scu_decompresses_a_data_set_whose_syntax_the_peer_refused() -> None:
    from dicomkit.pixels.transcode import transcode

    path = sample_str("SC_rgb_rle.dcm")
    peer = FakeStoreSCP(accept={uids.SecondaryCaptureImageStorage: EXPLICIT})
    [result] = await StorageSCU(connect=peer).store([path])
    assert result.ok and result.transfer_syntax == EXPLICIT
    [(_, _, data)] = peer.associations[0].sent
    expected = transcode(dicomkit.read(path), EXPLICIT)
    assert data == encode_dataset(expected, EXPLICIT)
    assert np.array_equal(dicomkit.read(path).pixel_array, expected.pixel_array)


@pytest.mark.anyio
async def test_scu_transcodes_into_another_lossless_syntax_the_peer_accepted() -> None:
    """The peer takes MR only in JPEG 2000 Lossless (proposed for the second file): the RLE file
    goes transcoded into it, pixel values unchanged."""
    from dicomkit.pixels.transcode import transcode

    rle, j2k = sample_str("MR_small_RLE.dcm"), sample_str("MR_small_jp2klossless.dcm")
    peer = FakeStoreSCP(accept={uids.MRImageStorage: uids.JPEG2000Lossless})
    results = await StorageSCU(connect=peer).store([rle, j2k])
    assert [(r.ok, r.transfer_syntax) for r in results] == [(True, uids.JPEG2000Lossless)] * 2
    (_, _, data), _ = peer.associations[0].sent
    expected = transcode(dicomkit.read(rle), uids.JPEG2000Lossless)
    assert data == encode_dataset(expected, uids.JPEG2000Lossless)
    assert np.array_equal(expected.pixel_array, dicomkit.read(rle).pixel_array)


@pytest.mark.anyio
async def test_scu_says_why_when_no_accepted_syntax_can_take_the_data_set() -> None:
    """Accepted only in a lossy syntax other than the file's own: not converted (that would
    lose information without the user asking), an error result, nothing sent for it."""
    from dicomkit.pixels.transcode import transcode

    baseline, rgb = sample_str("SC_rgb_jpeg_dcmtk.dcm"), sample_str("SC_rgb_small_odd.dcm")
    lossy_j2k = transcode(dicomkit.read(rgb), uids.JPEG2000, ratio=4)
    peer = FakeStoreSCP(accept={uids.SecondaryCaptureImageStorage: uids.JPEG2000})
    first, second = await StorageSCU(connect=peer).store([baseline, lossy_j2k])
    assert first.category == "error" and "cannot be converted" in first.error
    assert second.ok and second.transfer_syntax == uids.JPEG2000
    assert len(peer.associations[0].sent) == 1


# ------------------------------------------------------------------ loopback, real upper layer

def sample_files() -> Iterator[str]:
    for path in samples(recursive=True):  # dicomdirtests/ holds most of the > 100 storable files
        f, name = str(path), path.name
        if name.endswith((".icc", ".dump", ".txt", ".json", ".py")) or \
                name.startswith("README"):
            continue
        yield f


def storable(path: str) -> Dataset | None:
    """The data set of a sample file that can be C-STOREd (readable, with SOP UIDs)."""
    try:
        ds = dicomkit.read(path)
    except dicomkit.DicomError:
        return None
    return ds if _has_uids(ds) else None


def _has_uids(ds: Dataset) -> bool:
    try:
        StorageSCU.load(ds)
    except dicomkit.DicomError:
        return False
    return True


def accepted_by_a_checking_scp(ds: Dataset) -> bool:
    """Whether our SCP stores ``ds``: whole (no read warnings), its SOP UIDs in the data set,
    pixel data in an image (see dicomkit.net.services.storage.folder)."""
    from dicomkit.net.services.storage.folder import NEEDS_PIXELS

    if ds.warnings or "SOPClassUID" not in ds or "SOPInstanceUID" not in ds:
        return False
    pixels = any(t in ds for t in (0x7FE00010, 0x7FE00008, 0x7FE00009))
    return pixels or str(ds.SOPClassUID) not in NEEDS_PIXELS


@pytest.mark.anyio
async def test_echo_over_loopback() -> None:
    scp = StorageSCP(StoreAll())
    async with anyio.create_task_group() as tg:
        host, port = await tg.start(_serve, scp, AcceptPolicy(ae_title="STORE"))
        assert await echo(host, port, called_ae="STORE", timeouts=FAST) == 0
        tg.cancel_scope.cancel()


async def _serve(scp: StorageSCP, policy: AcceptPolicy | None,
                 task_status: Any = anyio.TASK_STATUS_IGNORED) -> None:
    await scp.serve("127.0.0.1", 0, policy=policy, timeouts=FAST, task_status=task_status)


@pytest.mark.slow
@pytest.mark.anyio
async def test_every_pydicom_sample_file_is_stored_over_loopback_and_reads_back_equal(
        tmp_path: Path) -> None:
    """Every sample the checking SCP accepts is stored and reads back equal; the others
    (truncated, no SOP UIDs in the data set, images without pixels) are refused with a
    failure status and leave nothing; one instance sent in several encodings keeps each."""
    files = list(sample_files())
    originals = {f: storable(f) for f in files}
    sendable = [f for f, ds in originals.items() if ds is not None]
    assert len(sendable) > 100
    assert any(TRANSFER_SYNTAXES[dicomkit.io.writer.transfer_syntax_of(originals[f])].encapsulated
               for f in sendable)  # type: ignore[arg-type]
    scp = StorageSCP(tmp_path / "in")
    async with anyio.create_task_group() as tg:  # the default policy: every syntax as sent
        host, port = await tg.start(_serve, scp, None)
        scu = StorageSCU(host, port, called_ae="ANYTHING", timeouts=FAST, max_operations=60)
        results = await scu.store(sendable)
        tg.cancel_scope.cancel()
    assert scu.associations == -(-len(sendable) // 60)
    good = [r for r in results if accepted_by_a_checking_scp(originals[r.source])]  # type: ignore[arg-type]
    refused = [r for r in results if r not in good]
    assert len(good) > 90 and refused
    assert [(r.source, r.error) for r in good if not r.ok] == []
    # read warnings need not mean damage on the wire (a re-encoded file is whole)
    assert all(r.ok or r.status in (CANNOT_UNDERSTAND, 0xA900) for r in refused)
    assert len([r for r in refused if not r.ok]) > 40
    good += [r for r in refused if r.ok]
    refused = [r for r in refused if not r.ok]
    stored: dict[str, list[Dataset]] = {}
    for path in all_files(tmp_path / "in"):
        back = dicomkit.read(path)
        stored.setdefault(str(back.SOPInstanceUID), []).append(back)
    for result in good:
        original = originals[result.source]
        assert original is not None
        assert result.transfer_syntax == dicomkit.io.writer.transfer_syntax_of(original)
        copies = stored.get(result.sop_instance_uid, [])
        assert any(back == original and encode_dataset(back, result.transfer_syntax) ==
                   encode_dataset(original, result.transfer_syntax) for back in copies), \
            result.source
    assert sum(len(v) for v in stored.values()) <= len(good)
    assert not [r for r in refused if r.sop_instance_uid in stored and not any(
        g.sop_instance_uid == r.sop_instance_uid for g in good)]


def _rq(result: StoreResult) -> DimseMessage:
    return c_store_rq(1, result.sop_class_uid, result.sop_instance_uid)


@pytest.mark.anyio
async def test_an_abort_mid_data_set_over_loopback_leaves_no_file(tmp_path: Path) -> None:
    from dicomkit.net import PresentationContext, associate
    from dicomkit.net.services.storage.folder import FLUSH_BYTES

    ds = make_ct()
    ds.add_new(0x7FE00010, "OW", bytes(4 * FLUSH_BYTES))
    data = encode_dataset(ds, IMPLICIT)

    async def half() -> Any:
        yield data[:2 * FLUSH_BYTES]  # past what the SCP holds in memory: a part file
        with anyio.fail_after(5):  # the SCP is writing the first fragments
            while not [p for p in (tmp_path / "in").iterdir() if p.name.startswith(".incoming")]:
                await anyio.sleep(0.02)
        raise RuntimeError("the sender gives up")

    scp = StorageSCP(tmp_path / "in")
    async with anyio.create_task_group() as tg:
        host, port = await tg.start(_serve, scp, None)
        assoc = await associate(host, port, called_ae="X", timeouts=FAST,
                                contexts=[PresentationContext(1, CT, (IMPLICIT,))],
                                max_pdu=16384)
        with pytest.raises(RuntimeError):
            async with assoc:
                await assoc.send_message(1, c_store_rq(1, CT, ds.SOPInstanceUID).encode(),
                                         half())
        with anyio.fail_after(5):
            while any((tmp_path / "in").iterdir()):
                await anyio.sleep(0.05)
        tg.cancel_scope.cancel()
    assert all_files(tmp_path / "in") == []


@pytest.mark.anyio
async def test_before_send_keeps_refused_sources_from_being_sent() -> None:
    """A before_send hook that raises a DicomError turns the source into an error result and it
    is not sent; the others still go, in order."""
    from dicomkit.validate import require_valid

    peer = FakeStoreSCP(accept={CT: EXPLICIT})
    checked: list[object] = []

    def only_even(source: object) -> None:
        checked.append(source)
        assert isinstance(source, Dataset)
        if source.SOPInstanceUID.endswith(("1", "3")):
            raise dicomkit.DicomError("odd instances are refused")

    results = await StorageSCU(connect=peer, before_send=only_even).store(
        [make_ct(1), make_ct(2), make_ct(3)])
    assert [r.category for r in results] == ["error", "success", "error"]
    assert "odd instances are refused" in results[0].error
    assert len(peer.associations[0].sent) == 1
    # the validator as the hook: make_ct's bare data set lacks most of the CT Image IOD
    [result] = await StorageSCU(connect=FakeStoreSCP(accept={CT: EXPLICIT}),
                                before_send=require_valid).store([make_ct(4)])
    assert result.category == "error" and "validation error" in result.error


# ------------------------------------------------------------- SCP fast paths (storage/)

def _folder_values(ds: Dataset | None) -> list[str | None] | None:
    from dicomkit.net.services.storage.folder import FOLDER_TAGS

    if ds is None:
        return None
    return [None if ds.get(t) is None else str(ds.get(t).value) for t in FOLDER_TAGS]


def _sample_files() -> list[str]:
    return [str(p) for p in samples(recursive=True) if p.suffix not in (".icc", ".dump")]


def _scan(data: bytes, syntax: str, step: int) -> list[str | None]:
    from dicomkit.io.scan import scanner_for
    from dicomkit.net.services.storage.folder import FOLDER_TAGS

    scanner = scanner_for(syntax, capture=FOLDER_TAGS)
    for i in range(0, len(data), step):
        scanner.feed(data[i:i + step])
    scanner.finish()
    return [None if t not in scanner.captured else
            scanner.captured[t][1].decode("latin-1").strip("\x00 ") for t in FOLDER_TAGS]


@pytest.mark.parametrize("step", [1 << 16, 700, 1])
def test_the_scanner_finds_what_a_full_header_read_finds_on_every_sample(step: int) -> None:
    import io

    from dicomkit.errors import DicomError
    from dicomkit.net.services.storage.folder import FOLDER_TAGS
    from dicomkit.net.services.storage.negotiation import syntax_of

    scanned = 0
    for name in _sample_files():
        try:
            ds = dicomkit.read(name)  # whole: pixel data cut short is a warning
        except DicomError:
            continue
        if ds.file_meta is None or ds.warnings:
            continue
        raw = Path(name).read_bytes()
        if step == 1 and len(raw) > 50_000:
            continue
        try:
            reference = _folder_values(dicomkit.read(io.BytesIO(raw), stop_before_pixels=True,
                                                     strict=True, specific_tags=FOLDER_TAGS))
        except DicomError:
            continue
        got = _scan(raw[ds.data_offset:], syntax_of(ds), step)
        assert got == reference, name
        scanned += 1
    assert scanned > 40


@pytest.mark.parametrize("syntax", [IMPLICIT, EXPLICIT, uids.ExplicitVRBigEndian])
def test_the_scanner_follows_sequences_and_accepts_cuts_only_between_elements(syntax: str
                                                                            ) -> None:
    """Every prefix of a data set with undefined-length sequences is refused unless it ends
    between two top-level elements (then it reads as the first elements of the data set)."""
    import io

    from dicomkit.io.scan import ScanError, scanner_for

    ds = make_ct()
    item = Dataset()
    item.ReferencedSOPInstanceUID = "1.2.3.4.5"
    ds.ReferencedImageSequence = [item, Dataset()]
    data = encode_dataset(ds, syntax, undefined_length_sequences=True)
    assert _scan(data, syntax, 5) == ["PAT1", "1.2.3", "1.2.3.4"]
    tags = [e.tag for e in ds.elements()]
    accepted = 0
    for cut in range(len(data)):
        scanner = scanner_for(syntax)
        try:
            scanner.feed(data[:cut])
            scanner.finish()
        except ScanError:
            continue
        accepted += 1
        head = b"\x00" * 128 + b"DICM" + _meta(syntax)
        prefix = [e.tag for e in dicomkit.read(io.BytesIO(head + data[:cut]),
                                               strict=True).elements()]
        assert prefix == tags[:len(prefix)], cut
    assert accepted <= len(tags) + 1


def test_the_scanner_refuses_a_cut_deflated_data_set() -> None:
    from dicomkit.io.scan import ScanError, scanner_for

    syntax = uids.DeflatedExplicitVRLittleEndian
    data = encode_dataset(make_ct(), syntax)
    assert _scan(data, syntax, 3) == ["PAT1", "1.2.3", "1.2.3.4"]
    scanner = scanner_for(syntax)
    with pytest.raises(ScanError):
        scanner.feed(data[:len(data) // 2])
        scanner.feed(b"\x00garbage")
        scanner.finish()


def _meta(syntax: str) -> bytes:
    from dicomkit.net.services.storage.filemeta import encode_head

    return encode_head(CT, "1.2.3.9", syntax)[132:]


@pytest.mark.anyio
async def test_a_damaged_folder_element_answers_cannot_understand(tmp_path: Path) -> None:
    ds = make_ct()
    data = bytearray(encode_dataset(ds, IMPLICIT))
    at = data.find(b"\x20\x00\x0d\x00")  # Study Instance UID's header: give it an odd length
    data[at + 4:at + 8] = (5).to_bytes(4, "little")
    assoc = FakeAssociation({1: CT})
    assoc.deliver(incoming(1, c_store_rq(1, CT, ds.SOPInstanceUID).encode(), bytes(data)))
    await StorageSCP(tmp_path).serve_association(assoc)  # type: ignore[arg-type]
    [rsp] = sent_messages(assoc)
    assert rsp.status == CANNOT_UNDERSTAND
    assert all_files(tmp_path) == []


@given(st.lists(st.integers(0, 2**64), min_size=1, max_size=4).map(
    lambda parts: ".".join(str(p) for p in [1, 2, *parts])),
       st.sampled_from([IMPLICIT, EXPLICIT, JPEG]))
@settings(max_examples=60, deadline=None)
def test_the_cached_file_meta_equals_a_full_encoding(instance: str, syntax: str) -> None:
    from dicomkit.net.services.storage.filemeta import encode_head, part10_head

    assert part10_head(CT, instance, syntax) == encode_head(CT, instance, syntax)
    assert part10_head(CT, instance, syntax) == encode_head(CT, instance, syntax)  # cached
    # not a UID: encoded in full, not cached
    assert part10_head(CT, instance + "x", syntax) == encode_head(CT, instance + "x", syntax)


@pytest.mark.anyio
async def test_folder_elements_after_a_long_private_value_name_the_folders(
        tmp_path: Path) -> None:
    ds = make_ct()
    ds.add_new(0x00090010, "LO", "BIG CREATOR")
    ds.add_new(0x00091010, "OB", bytes(70_000))  # before Patient ID, longer than what is kept
    data = encode_dataset(ds, EXPLICIT)
    assoc = FakeAssociation({1: CT}, EXPLICIT)
    assoc.deliver(incoming(1, c_store_rq(1, CT, ds.SOPInstanceUID).encode(),
                           [data[i:i + 16000] for i in range(0, len(data), 16000)]))
    await StorageSCP(tmp_path).serve_association(assoc)  # type: ignore[arg-type]
    [rsp] = sent_messages(assoc)
    assert rsp.status == 0
    assert all_files(tmp_path) == [tmp_path / "PAT1" / "1.2.3" / "1.2.3.4" /
                                   f"{ds.SOPInstanceUID}.dcm"]


@pytest.mark.anyio
async def test_a_handler_overriding_did_receive_does_not_pile_up_kept_bytes(
        tmp_path: Path) -> None:
    from dicomkit.net.services.storage.folder import PENDING_LIMIT as _PENDING_LIMIT

    class Counting(FolderStorage):
        def did_receive(self, received: Path | Dataset, command: DimseMessage) -> int:
            assert isinstance(received, Path)
            received.unlink()
            return 0

    handler = Counting(tmp_path)
    assoc = FakeAssociation({1: CT})
    for n in range(_PENDING_LIMIT + 5):
        ds = make_ct(n)
        assoc.deliver(incoming(1, c_store_rq(n + 1, CT, ds.SOPInstanceUID).encode(),
                               encode_dataset(ds, IMPLICIT)))
    await StorageSCP(handler).serve_association(assoc)  # type: ignore[arg-type]
    assert [m.status for m in sent_messages(assoc)] == [0] * (_PENDING_LIMIT + 5)
    assert len(handler._received) == _PENDING_LIMIT


def test_part_files_are_written_whole_across_short_writes(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """writev may write less than asked: the rest follows; a write of nothing is an error."""
    from dicomkit.net.services.storage import folder

    real = os.writev
    calls: list[int] = []

    def short(fd: int, buffers: Any) -> int:  # at most 7 bytes a call
        calls.append(len(buffers))
        first = bytes(buffers[0])[:7]
        return real(fd, [first])

    monkeypatch.setattr(os, "writev", short)
    part = folder._Part(tmp_path)
    parts = [b"head", b"", b"x" * 20, b"tail"]
    part.write(parts)
    part.close()
    assert part.path.read_bytes() == b"".join(parts) and part.size == 28
    assert len(calls) > 3
    monkeypatch.setattr(os, "writev", lambda fd, buffers: 0)
    stuck = folder._Part(tmp_path)
    with pytest.raises(OSError):
        stuck.write([b"data"])
    stuck.discard()


# ------------------------------------------------------------ files known by an index


def _written(tmp_path: Path, syntax: str = EXPLICIT) -> tuple[Path, Dataset]:
    ds = make_ct(7)
    path = tmp_path / "ct.dcm"
    dicomkit.write(path, ds, transfer_syntax=syntax)
    return path, dicomkit.read(path)


def test_the_data_set_offset_is_where_the_file_meta_group_length_says(tmp_path: Path) -> None:
    """PS3.10 7.1: (0002,0000) counts the file meta bytes after it."""
    from dicomkit.net.services.storage.filemeta import data_set_offset, read_data_set

    path, ds = _written(tmp_path)
    raw = path.read_bytes()
    assert data_set_offset(raw) == ds.data_offset > 144
    assert data_set_offset(raw[:ds.data_offset]) is None  # the meta's end not read
    assert read_data_set(str(path)) == raw[ds.data_offset:]
    assert data_set_offset(raw[:143]) is None  # too short
    assert data_set_offset(b"\0" * 128 + b"DICX" + raw[132:144]) is None  # no DICM
    no_length = raw[:132] + b"\x02\x00\x01\x00OB" + raw[138:]  # first element not (0002,0000)
    assert data_set_offset(no_length) is None
    short = bytearray(raw)  # a group length that ends inside the file meta
    short[140:144] = (10).to_bytes(4, "little")
    (tmp_path / "short.dcm").write_bytes(bytes(short))
    assert read_data_set(str(tmp_path / "short.dcm")) is None
    beyond = bytearray(raw)
    beyond[140:144] = (len(raw)).to_bytes(4, "little")
    (tmp_path / "beyond.dcm").write_bytes(bytes(beyond))
    assert read_data_set(str(tmp_path / "beyond.dcm")) is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_the_data_set_offset_of_random_bytes_is_none_or_past_the_meta(data: bytes) -> None:
    from dicomkit.net.services.storage.filemeta import data_set_offset

    found = data_set_offset(data)
    assert found is None or found >= 144


@pytest.mark.anyio
@pytest.mark.parametrize("accepted", [EXPLICIT, IMPLICIT])
async def test_an_indexed_file_is_sent_as_stored_or_re_encoded(tmp_path: Path,
                                                               accepted: str) -> None:
    """An archive's file (identity from the index, nothing read before): its own bytes after
    the file meta when its syntax was accepted, else re-encoded in the accepted one."""
    from dicomkit.net.services.storage.negotiation import contexts_for
    from dicomkit.net.services.storage.scu import indexed_item

    path, ds = _written(tmp_path)
    peer = FakeStoreSCP(accept={CT: accepted})
    assoc = await peer(contexts_for([(CT, EXPLICIT)]))
    [result] = await store_on(assoc, [indexed_item(path, CT, ds.SOPInstanceUID, EXPLICIT)])
    assert result.ok and result.transfer_syntax == accepted
    [(_, _, data)] = peer.associations[0].sent
    expected = path.read_bytes()[ds.data_offset:] if accepted == EXPLICIT else \
        encode_dataset(dicomkit.read(path), IMPLICIT)
    assert data == expected


@pytest.mark.anyio
async def test_an_indexed_file_with_a_wrong_group_length_is_read_in_full(tmp_path: Path
                                                                         ) -> None:
    from dicomkit.net.services.storage.negotiation import contexts_for
    from dicomkit.net.services.storage.scu import indexed_item

    path, ds = _written(tmp_path)
    raw = bytearray(path.read_bytes())
    raw[140:144] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    peer = FakeStoreSCP()
    assoc = await peer(contexts_for([(CT, EXPLICIT)]))
    [result] = await store_on(assoc, [indexed_item(path, CT, ds.SOPInstanceUID, EXPLICIT)])
    assert result.ok
    [(_, _, data)] = peer.associations[0].sent
    assert data == encode_dataset(dicomkit.read(path), EXPLICIT)  # not the bytes as stored


@pytest.mark.anyio
async def test_an_indexed_file_that_vanished_is_an_error_result_and_the_rest_go(
        tmp_path: Path) -> None:
    from dicomkit.net.services.storage.negotiation import contexts_for
    from dicomkit.net.services.storage.scu import indexed_item

    path, ds = _written(tmp_path)
    peer = FakeStoreSCP()
    assoc = await peer(contexts_for([(CT, EXPLICIT)]))
    gone = indexed_item(tmp_path / "gone.dcm", CT, "1.2.3.999", EXPLICIT)
    first, second = await store_on(assoc, [gone, indexed_item(path, CT, ds.SOPInstanceUID,
                                                                EXPLICIT)])
    assert first.category == "error" and "cannot read" in first.error
    assert second.ok and second.sop_instance_uid == ds.SOPInstanceUID
