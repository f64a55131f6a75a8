"""Hostile and broken peers against our Storage SCP, on loopback and bounded in time: damaged
data sets are refused and leave nothing, failure paths leak no file descriptor or part file,
a huge A-ASSOCIATE-RQ does not hold up other associations, silent PDU bodies time out, odd
values make injective names, and a different file is never replaced."""

from __future__ import annotations

import contextlib
import os
import struct
import time
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.generated import uids
from dicomkit.io.writer import encode_dataset
from dicomkit.net import (
    AcceptPolicy,
    Association,
    AssociationAborted,
    PresentationContext,
    Timeouts,
    associate,
)
from dicomkit.net.dimse import c_echo_rq, c_store_rq, decode_command
from dicomkit.net.pdu import decode_pdu
from dicomkit.net.services.storage import CANNOT_UNDERSTAND, DATA_SET_DOES_NOT_MATCH, StorageSCP

pytestmark = pytest.mark.anyio
IMPLICIT = uids.ImplicitVRLittleEndian
EXPLICIT = uids.ExplicitVRLittleEndian
BIG = uids.ExplicitVRBigEndian
CT = uids.CTImageStorage
FAST = Timeouts(connect=5, artim=2.0, acse=5, dimse=10, network=5, pdu_body=1.0)
FAILURES = (CANNOT_UNDERSTAND, DATA_SET_DOES_NOT_MATCH)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_ct(n: int = 1, patient: str = "PAT1") -> Dataset:
    ds = Dataset()
    ds.SOPClassUID = CT
    ds.SOPInstanceUID = f"1.2.826.0.1.3680043.9.7.{n}"
    ds.PatientID = patient
    ds.StudyInstanceUID = "1.2.3"
    ds.SeriesInstanceUID = "1.2.3.4"
    ds.Rows = ds.Columns = 16
    ds.BitsAllocated = 16
    ds.add_new(0x7FE00010, "OW", bytes(range(256)) * 2)
    return ds


@contextlib.asynccontextmanager
async def scp(root: Path, timeouts: Timeouts = FAST) -> AsyncIterator[tuple[str, int]]:
    server = StorageSCP(root)
    async with anyio.create_task_group() as tg:
        addr = await tg.start(lambda task_status: server.serve(
            "127.0.0.1", 0, policy=AcceptPolicy(ae_title=None, transfer_syntaxes=None),
            timeouts=timeouts, task_status=task_status))
        yield addr
        tg.cancel_scope.cancel()


async def open_assoc(addr: tuple[str, int], syntax: str = IMPLICIT) -> Association:
    return await associate(*addr, called_ae="SCP", timeouts=FAST, contexts=[
        PresentationContext(1, CT, (syntax,)), PresentationContext(3, uids.Verification,
                                                                   (IMPLICIT,))])


async def store_raw(assoc: Association, command: bytes, data: bytes) -> int:
    await assoc.send_message(1, command, data)
    reply = await assoc.receive_message()
    status = decode_command(reply.command).status
    assert status is not None
    return status


def files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def fd_count() -> int:
    return len(os.listdir("/proc/self/fd"))


def _cut_inside_pixel_header(data: bytes) -> bytes:
    return data[:data.rfind(b"\xe0\x7f\x10\x00") + 3]


def _cut_after_series(data: bytes) -> bytes:
    at = data.find(b"\x20\x00\x0e\x00")
    length = struct.unpack_from("<I", data, at + 4)[0]
    return data[:at + 8 + length]


@pytest.mark.parametrize("damage,syntax", [
    (lambda d: d[:-100], IMPLICIT),                      # inside Pixel Data
    (_cut_inside_pixel_header, IMPLICIT),                # inside its header
    (_cut_after_series, IMPLICIT),                       # after Series Instance UID
    (lambda d: d[:len(d) // 2], BIG),                    # a big-endian data set cut in half
    (lambda d: b"", IMPLICIT),                           # empty
    (lambda d: d[:len(d) // 2], EXPLICIT),
])
async def test_a_damaged_data_set_is_refused_and_nothing_is_stored(tmp_path: Path, damage: object,
                                                                  syntax: str) -> None:
    ds = make_ct()
    data = damage(encode_dataset(ds, syntax))  # type: ignore[operator]
    async with scp(tmp_path) as addr:
        async with await open_assoc(addr, syntax) as assoc:
            status = await store_raw(assoc, c_store_rq(1, CT, ds.SOPInstanceUID).encode(), data)
            assert status in FAILURES
            # the association is still sound: a whole data set is stored
            whole = make_ct(2)
            assert await store_raw(assoc, c_store_rq(2, CT, whole.SOPInstanceUID).encode(),
                                   encode_dataset(whole, syntax)) == 0
    assert [p.name for p in files(tmp_path)] == [f"{whole.SOPInstanceUID}.dcm"]


def _bad_uid_command(message_id: int) -> bytes:
    good = "1.2.3.4.5.6"
    cmd = c_store_rq(message_id, CT, good).encode()
    assert cmd.count(good.encode()) == 1
    bad = b"1.2.3\xe94.5.6"  # as long: a non-ASCII UID
    assert len(bad) == len(good)
    return cmd.replace(good.encode(), bad)


async def test_a_hundred_bad_uid_stores_leak_no_descriptor_and_no_part_file(tmp_path: Path
                                                                            ) -> None:
    data = encode_dataset(make_ct(), IMPLICIT)
    async with scp(tmp_path) as addr:
        async with await open_assoc(addr) as assoc:  # warm up: the first association
            assert await store_raw(assoc, _bad_uid_command(1), data) in FAILURES
        await anyio.sleep(0.2)
        before = fd_count()
        for round_ in range(10):
            async with await open_assoc(addr) as assoc:
                for n in range(10):
                    status = await store_raw(assoc, _bad_uid_command(n + 1), data)
                    assert status in FAILURES, (round_, n)
        await anyio.sleep(0.3)
        after = fd_count()
    assert after <= before
    assert files(tmp_path) == []


async def test_an_invalid_utf8_patient_id_is_stored_under_a_name_from_its_bytes(
        tmp_path: Path) -> None:
    ds = make_ct()
    ds.SpecificCharacterSet = "ISO_IR 192"
    data = bytearray(encode_dataset(ds, EXPLICIT))
    at = data.find(b"PAT1")
    data[at:at + 4] = b"P\xff\xfe1"
    async with scp(tmp_path) as addr:
        async with await open_assoc(addr, EXPLICIT) as assoc:
            before = fd_count()
            status = await store_raw(assoc, c_store_rq(1, CT, ds.SOPInstanceUID).encode(),
                                     bytes(data))
    assert status == 0
    [stored] = files(tmp_path)
    assert stored.relative_to(tmp_path).parts[0] == "P%FF%FE1~"
    assert fd_count() <= before + 1
    assert not list(tmp_path.rglob("*.part"))


async def test_folder_names_are_injective_and_a_different_file_is_never_replaced(
        tmp_path: Path) -> None:
    async with scp(tmp_path) as addr:
        async with await open_assoc(addr, EXPLICIT) as assoc:
            statuses = []
            for n, patient in enumerate(["A/B", "A_B", "../x", ".", "x" * 64 + "y",
                                         "x" * 64 + "z"]):
                ds = make_ct(n, patient)
                statuses.append(await store_raw(
                    assoc, c_store_rq(n + 1, CT, ds.SOPInstanceUID).encode(),
                    encode_dataset(ds, EXPLICIT)))
            same = make_ct(0, "A/B")
            statuses.append(await store_raw(assoc, c_store_rq(9, CT, same.SOPInstanceUID).encode(),
                                            encode_dataset(same, EXPLICIT)))  # identical again
            other = make_ct(0, "A/B")
            other.add_new(0x00081030, "LO", "another study description")
            statuses.append(await store_raw(
                assoc, c_store_rq(10, CT, other.SOPInstanceUID).encode(),
                encode_dataset(other, EXPLICIT)))  # same instance, different content
    assert statuses == [0] * 8
    stored = files(tmp_path)
    patients = sorted({p.relative_to(tmp_path).parts[0] for p in stored})
    assert len(patients) == 6 and all(p.resolve().is_relative_to(tmp_path.resolve())
                                      for p in stored)
    assert "A%2FB" in patients and "A_B" in patients
    assert len(stored) == 7  # the identical repeat is one file, the different one a second
    descriptions = sorted(str(dicomkit.read(p).get(0x00081030).value)
                          if dicomkit.read(p).get(0x00081030) else ""
                          for p in stored if p.relative_to(tmp_path).parts[0] == "A%2FB")
    assert descriptions == ["", "another study description"]


async def test_an_echo_is_answered_within_100_ms_while_a_1_mb_associate_rq_is_decoded(
        tmp_path: Path) -> None:
    # 250,000 unknown user information sub-items of 4 bytes each (PS3.8 9.3.2.3)
    app = b"\x10\x00" + struct.pack(">H", 21) + uids.DICOMApplicationContext.encode()
    subs = b"\x99\x00\x00\x00" * 249_990
    user = b"\x50\x00" + struct.pack(">H", len(subs) & 0xFFFF) + subs
    pc = (b"\x20\x00" + struct.pack(">H", 4 + 4 + 17 + 4 + 17) + b"\x01\x00\x00\x00"
          + b"\x30\x00\x00\x11" + b"1.2.840.10008.1.1" + b"\x40\x00\x00\x11"
          + b"1.2.840.10008.1.2")
    body = (b"\x00\x01\x00\x00" + b"SCP".ljust(16) + b"HOSTILE".ljust(16) + bytes(32)
            + app + pc + user)
    huge = b"\x01\x00" + struct.pack(">I", len(body)) + body
    assert len(huge) > 999_000
    async with scp(tmp_path) as addr:
        async with await open_assoc(addr) as assoc:
            async def hostile() -> None:
                stream = await anyio.connect_tcp(*addr)
                async with stream:
                    await stream.send(huge)
                    with anyio.move_on_after(5):
                        with contextlib.suppress(anyio.EndOfStream, anyio.BrokenResourceError,
                                                 ConnectionError):
                            await stream.receive()

            worst = 0.0
            async with anyio.create_task_group() as tg:
                tg.start_soon(hostile)
                end = time.perf_counter() + 1.0
                n = 0
                while time.perf_counter() < end:
                    n += 1
                    start = time.perf_counter()
                    await assoc.send_message(3, c_echo_rq(n).encode())
                    await assoc.receive_message()
                    worst = max(worst, time.perf_counter() - start)
    assert worst < 0.1, f"a C-ECHO took {worst * 1000:.0f} ms"


async def test_a_silent_pdu_body_times_out_per_the_setting(tmp_path: Path) -> None:
    slow_artim = Timeouts(connect=5, artim=30.0, acse=5, dimse=10, network=30, pdu_body=0.5)
    async with scp(tmp_path, slow_artim) as addr:
        stream = await anyio.connect_tcp(*addr)
        async with stream:
            await stream.send(b"\x01\x00" + struct.pack(">I", 1_000_000) + b"\x00\x01")
            start = time.perf_counter()
            with anyio.fail_after(5):
                with contextlib.suppress(anyio.EndOfStream, anyio.BrokenResourceError,
                                         ConnectionError):
                    while await stream.receive():
                        pass
            assert time.perf_counter() - start < 3
        # an established association: a P-DATA-TF header and then silence
        assoc = await open_assoc(addr)
        start = time.perf_counter()
        await assoc.ul.connection.send(b"\x04\x00" + struct.pack(">I", 16000) + b"\x00\x00")
        with pytest.raises(AssociationAborted):
            await assoc.receive_message(5)
        assert time.perf_counter() - start < 3


async def test_an_application_context_with_a_0xff_byte_gets_a_reject_or_an_abort(
        tmp_path: Path) -> None:
    from tests.net.test_provider import raw, rq

    data = bytearray(rq())
    at = data.find(uids.DICOMApplicationContext.encode())
    data[at + 3] = 0xFF
    async with scp(tmp_path) as addr:
        answer = decode_pdu(await raw(addr, bytes(data)))
        assert type(answer).__name__ in ("AAssociateRJ", "AAbort")
        zero = decode_pdu(await raw(addr, rq(contexts_=[])))
        assert type(zero).__name__ == "AAssociateRJ"


def test_the_storescp_cli_logs_an_abort_as_an_abort_and_a_rejection(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.net.peers import free_port, stop, wait_listening

    port = free_port()
    log = tmp_path / "log.txt"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port),
                                 "--out", str(tmp_path / "out"), "--bind", "127.0.0.1",
                                 "--aet", "SCP"], stdout=fh, stderr=subprocess.STDOUT)
    try:
        wait_listening(proc, port, log)

        async def clients() -> None:
            assoc = await open_assoc(("127.0.0.1", port))
            await assoc.abort()
            with pytest.raises(dicomkit.DicomError):
                await associate("127.0.0.1", port, called_ae="WRONG", timeouts=FAST,
                                contexts=[PresentationContext(1, CT, (IMPLICIT,))])
            await anyio.sleep(0.5)

        anyio.run(clients)
    finally:
        stop(proc)
    text = log.read_text()
    assert "association 1 aborted" in text and "association 1 released" not in text, text
    assert "rejected" in text and "called-AE-title-not-recognized" in text, text
    assert "all interfaces" in subprocess.run(
        [sys.executable, "-m", "dicomkit.cli.main", "storescp", "--help"],
        capture_output=True, text=True).stdout
