"""Modality Worklist (PS3.4 Annex K): our SCU against dcmtk's ``wlmscpfs`` (entries written by
our writer), dcmtk's ``findscu -W`` and pynetdicom's MWL SCU against our SCP, ours against
ours (sequence matching on the Scheduled Procedure Step Sequence, C-CANCEL, a bad identifier),
``dicomkit qrscp --worklist`` with the blocking facade and ``dicomkit worklist``, the store."""

from __future__ import annotations

import contextlib
import datetime
import json
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids
from dicomkit.generated.service_statuses import status_code
from dicomkit.generated.workflow import WORKLIST_SOP_CLASS
from dicomkit.io.reader import read
from dicomkit.net import ApplicationEntity, PresentationContext, connect
from dicomkit.net.services.qr import QueryFailed, Range
from dicomkit.net.services.qr.find import FindResults
from dicomkit.net.services.worklist import (
    WorklistSCP,
    WorklistStore,
    WorklistStoreError,
    find_worklist,
    find_worklist_all,
    worklist_identifier,
)
from tests.net.peers import HERE, _server, dcmtk_tool, have_pynetdicom
from tests.net.qr_scp import FAST
from tests.net.worklist_peers import dcmtk_worklist_peers, entries, entry, wlmscpfs

pytestmark = pytest.mark.anyio
__all__ = ["dcmtk_worklist_peers"]

CONTEXT = [PresentationContext(1, WORKLIST_SOP_CLASS,
                               (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian))]
CANCEL = status_code("K.4-1", "Matching terminated due to Cancel request")
NOT_MATCH = status_code("K.4-1", "Error: Data Set does not match SOP Class")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def client() -> ApplicationEntity:
    return ApplicationEntity("DKSCU", timeouts=FAST)


def step_ids(found: list[Dataset]) -> dict[str, list[str]]:
    """Patient ID -> the Scheduled Procedure Step IDs of its returned items."""
    return {str(ds.PatientID): sorted(str(i.ScheduledProcedureStepID)
                                      for i in ds.ScheduledProcedureStepSequence)
            for ds in found}


def steps(found: list[Dataset]) -> list[tuple[str, str]]:
    """(Patient ID, Scheduled Procedure Step ID) of every returned item, sorted."""
    return sorted((str(ds.PatientID), str(i.ScheduledProcedureStepID))
                  for ds in found for i in ds.ScheduledProcedureStepSequence)


def store_of(folder: Path, data: list[Dataset] | None = None) -> WorklistStore:
    store = WorklistStore(folder)
    for n, ds in enumerate(entries() if data is None else data):
        store.add(ds, f"e{n:05d}", format="json" if n % 2 else "dcm")
    return store


@contextlib.asynccontextmanager
async def serving(store: WorklistStore) -> AsyncIterator[tuple[str, int]]:
    ae = ApplicationEntity("DKMWL", timeouts=FAST)
    ae.add_service(WorklistSCP(store))
    async with anyio.create_task_group() as tg:
        addr = await tg.start(ae.serve, "127.0.0.1", 0)
        yield addr
        tg.cancel_scope.cancel()


# -- our SCU against dcmtk wlmscpfs -------------------------------------------------------------

@pytest.mark.usefixtures("dcmtk_worklist_peers")
async def test_our_scu_against_dcmtk_wlmscpfs(tmp_path: Path) -> None:
    with wlmscpfs(tmp_path, entries(one_step_each=True)) as peer:
        async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                    contexts=CONTEXT) as assoc:
            ct = await find_worklist_all(assoc, Modality="CT")
            window = await find_worklist_all(
                assoc, ScheduledProcedureStepStartDate=Range(
                    datetime.date(2024, 1, 6), datetime.date(2024, 1, 7)))
            named = await find_worklist_all(assoc, PatientName="DOE*", Modality="MR")
            station = await find_worklist_all(assoc, ScheduledStationAETitle="MR1")
    assert steps(ct) == [("P1", "S1"), ("P3", "S3")]
    assert steps(window) == [("P3", "S3"), ("P3", "S4")]
    assert steps(named) == [("P3", "S4")]
    assert steps(station) == [("P2", "S2"), ("P3", "S4")]
    # the keys of Return Key Type 1 asked by default came back with the entries' values
    p1 = next(ds for ds in ct if str(ds.PatientID) == "P1")
    assert str(p1.RequestedProcedureID) == "RP1"
    assert str(p1.ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate) == \
        "20240105"


@pytest.mark.usefixtures("dcmtk_worklist_peers")
async def test_our_scu_cancel_against_dcmtk_wlmscpfs(tmp_path: Path) -> None:
    many = [entry(f"P{n}", f"MANY^{n}", [("CT", "20240105", "CT1", f"S{n}")], n)
            for n in range(300)]
    with wlmscpfs(tmp_path, many) as peer:
        async with client().connect(peer.host, peer.port, called_ae=peer.aet,
                                    contexts=CONTEXT) as assoc:
            async with find_worklist(assoc, Modality="CT") as results:
                async for _ds in results:
                    break
            # the association is still good after the cancelled query
            again = await find_worklist_all(assoc, PatientID="P7")
    assert results.count == 1
    assert results.cancelled
    assert results.status in (CANCEL, 0x0000)  # wlmscpfs may have finished meanwhile
    assert [str(ds.PatientID) for ds in again] == ["P7"]


# -- peers against our SCP ----------------------------------------------------------------------

@pytest.mark.usefixtures("dcmtk_worklist_peers")
async def test_dcmtk_findscu_W_against_our_scp(tmp_path: Path) -> None:
    store = store_of(tmp_path / "wl")
    out = tmp_path / "rsp"
    out.mkdir()
    findscu = dcmtk_tool("findscu")
    assert findscu is not None
    async with serving(store) as (host, port):
        done = await anyio.to_thread.run_sync(lambda: subprocess.run(
            [findscu, "-W", "-aec", "DKMWL", "-X", "-od", str(out), host, str(port),
             "-k", "ScheduledProcedureStepSequence[0].Modality=MR",
             "-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID",
             "-k", "PatientName", "-k", "PatientID"],
            capture_output=True, text=True, timeout=60))
    assert done.returncode == 0, done.stdout + done.stderr
    found = [read(p) for p in sorted(out.glob("rsp*.dcm"))]
    # sequence matching (PS3.4 C.2.2.2.6): P3's MR item only, not its CT item
    assert step_ids(found) == {"P2": ["S2"], "P3": ["S4"]}


def run_pynetdicom_scu(*argv: str) -> Any:
    done = subprocess.run([sys.executable, str(HERE / "pynetdicom_workflow_scu.py"), *argv],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


async def test_pynetdicom_mwl_scu_against_our_scp(tmp_path: Path) -> None:
    if not have_pynetdicom():
        from tests.conftest import missing

        missing("pynetdicom (pip install -e '.[test]')")
    store = store_of(tmp_path / "wl")
    async with serving(store) as (host, port):
        report = await anyio.to_thread.run_sync(
            run_pynetdicom_scu, "mwl", host, str(port), "--aec", "DKMWL", "--modality", "CT")
    assert report["status"] == 0x0000
    found = {ds["00100020"]["Value"][0]: [i["00400009"]["Value"][0]
                                          for i in ds["00400100"]["Value"]]
             for ds in report["identifiers"]}
    assert found == {"P1": ["S1"], "P3": ["S3"]}


# -- ours against ours --------------------------------------------------------------------------

@pytest.mark.parametrize("anyio_backend", ["asyncio", ("asyncio", {"use_uvloop": True}),
                                           "trio"], ids=["asyncio", "uvloop", "trio"])
async def test_our_scu_and_scp_sequence_matching(tmp_path: Path) -> None:
    store = store_of(tmp_path / "wl")
    async with serving(store) as addr, client().connect(*addr, called_ae="DKMWL",
                                                        contexts=CONTEXT) as assoc:
        mr_later = await find_worklist_all(
            assoc, Modality="MR", ScheduledProcedureStepStartDate=Range(
                datetime.date(2024, 1, 6), None))
        both = await find_worklist_all(assoc, PatientID="P3")
        none = await find_worklist_all(assoc, Modality="CT", ScheduledStationAETitle="MR1")
        listed = await find_worklist_all(
            assoc, {"ScheduledProcedureStepSequence": {"Modality": "US"}})
    assert step_ids(mr_later) == {"P3": ["S4"]}
    assert step_ids(both) == {"P3": ["S3", "S4"]}  # no item keys matched: every item
    assert none == []  # one item must match every item key (C.2.2.2.6)
    assert step_ids(listed) == {"P4": ["S5"]}


async def test_our_scp_honours_c_cancel(tmp_path: Path) -> None:
    many = [entry(f"P{n}", f"MANY^{n}", [("CT", "20240105", "CT1", f"S{n}")], n)
            for n in range(2000)]
    store = store_of(tmp_path / "wl", many)
    async with serving(store) as addr, client().connect(*addr, called_ae="DKMWL",
                                                        contexts=CONTEXT) as assoc:
        async with find_worklist(assoc, Modality="CT") as results:
            async for _ds in results:
                break
    assert results.cancelled and results.status == CANCEL
    assert results.count == 1


async def test_our_scp_refuses_an_identifier_it_cannot_match(tmp_path: Path) -> None:
    store = store_of(tmp_path / "wl")
    async with serving(store) as addr, client().connect(*addr, called_ae="DKMWL",
                                                        contexts=CONTEXT) as assoc:
        with pytest.raises(QueryFailed) as failed:
            await find_worklist_all(assoc, ScheduledProcedureStepStartDate="2024-01-05x")
    assert failed.value.status == NOT_MATCH
    assert failed.value.comment


def test_identifier_puts_step_keys_into_the_item() -> None:
    ds = worklist_identifier({"Modality": "CT", "PatientName": "DOE*"})
    item = ds.ScheduledProcedureStepSequence[0]
    assert str(item.Modality) == "CT" and tags.Modality not in ds
    # Matching Key Type R of Table K.6-1 asked by default, universal
    assert tags.ScheduledStationAETitle in item and tags.PatientID in ds
    bare = worklist_identifier({"PatientID": "P1"}, defaults=False)
    assert list(bare.keys()) == [tags.PatientID]


# -- dicomkit qrscp --worklist, the blocking facade, dicomkit worklist ------------------------

def test_qrscp_worklist_with_the_blocking_facade_and_the_cli(tmp_path: Path) -> None:
    folder = tmp_path / "wl"
    sources = []
    for n, ds in enumerate(entries()):
        path = tmp_path / f"in{n}.json"
        from dicomkit.core.json import to_json_dict

        path.write_text(json.dumps(to_json_dict(ds)))
        sources.append(str(path))
    added = subprocess.run([sys.executable, "-m", "dicomkit.cli.main", "worklist", "add",
                            str(folder), *sources], capture_output=True, text=True,
                           timeout=60)
    assert added.returncode == 0, added.stderr
    assert len(added.stdout.split()) == 4

    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "qrscp", str(port), "--archive",
                str(tmp_path / "archive"), "--aet", "DKQR", "--bind", "127.0.0.1",
                "--worklist", str(folder)]

    with _server("qrscp", argv, tmp_path / "out", "DKQR", tmp_path / "logs") as peer:
        with connect(peer.host, peer.port, called_ae="DKQR", contexts=CONTEXT,
                     timeouts=FAST) as assoc:
            found = list(assoc.find_worklist(Modality="MR"))
        cli = subprocess.run([sys.executable, "-m", "dicomkit.cli.main", "worklist", "find",
                              peer.host, str(peer.port), "--aec", "DKQR", "-k", "Modality=US",
                              "--json"], capture_output=True, text=True, timeout=60)
    assert step_ids(found) == {"P2": ["S2"], "P3": ["S4"]}
    assert cli.returncode == 0, cli.stderr
    [only] = json.loads(cli.stdout)
    assert only["00100020"]["Value"] == ["P4"]
    assert "1 entry, complete" in cli.stderr


# -- the store ----------------------------------------------------------------------------------

def test_store_reads_what_it_wrote_and_skips_broken_files(tmp_path: Path) -> None:
    store = store_of(tmp_path)
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "broken.wl").write_bytes(b"\x08\x00\x05\x00CS\xff\xff")
    (tmp_path / "notes.txt").write_text("not an entry")
    got = {str(e.dataset.PatientID): e.dataset for e in store.entries()}
    assert sorted(got) == ["P1", "P2", "P3", "P4"]
    original = {str(ds.PatientID): ds for ds in entries()}
    for pid, ds in got.items():
        assert ds.ScheduledProcedureStepSequence[-1].ScheduledProcedureStepID == \
            original[pid].ScheduledProcedureStepSequence[-1].ScheduledProcedureStepID
    assert sorted(Path(e.path).name for e in store.check()) == ["broken.json", "broken.wl"]
    with pytest.raises(WorklistStoreError):
        store.add(entries()[0], "e00000", format="dcm")
    store.remove("e00000.dcm")
    assert sorted(str(e.dataset.PatientID) for e in store.entries()) == ["P2", "P3", "P4"]
    with pytest.raises(WorklistStoreError):
        store.remove("e00000.dcm")
    with pytest.raises(WorklistStoreError):
        store.add(entries()[0], "../escape")
    assert not list(tmp_path.glob(".*"))  # no temporary file left


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".json", ".dcm", ".wl"]),
       mutate=st.booleans())
def test_store_fuzz_random_and_mutated_entry_files(tmp_path: Path, data: bytes, suffix: str,
                                                   mutate: bool) -> None:
    """A worklist folder is outside input: every file reads as an entry or is reported, with
    the library's own error only."""
    folder = tmp_path / "fuzz"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    if mutate:
        from dicomkit.io.writer import encode_dataset

        base = bytearray(encode_dataset(entries()[2]))
        for n, b in enumerate(data[:40]):
            base[(n * 37 + b) % len(base)] = b
        data = bytes(base)
    (folder / f"x{suffix}").write_bytes(data)
    store = WorklistStore(folder)
    good = store.entries()
    bad = store.check()
    assert len(good) + len(bad) == 1
    for err in bad:
        assert isinstance(err, WorklistStoreError)


async def test_keys_of_matching_key_type_dash_are_returned_not_matched(tmp_path: Path) -> None:
    """Table K.6-1: the Protocol Context Sequence "shall not be used for matching"."""
    from dicomkit.core.sequence import Sequence as DicomSequence

    ds = entries()[0]
    context = Dataset()
    context.add_new(tags.ValueType, "CS", "TEXT")
    context.add_new(tags.TextValue, "UT", "fasting")
    code = Dataset()
    code.add_new(tags.CodeValue, "SH", "P1")
    code.add_new(tags.CodingSchemeDesignator, "SH", "99LOCAL")
    code.add_new(tags.CodeMeaning, "LO", "Protocol one")
    code.add_new(tags.ProtocolContextSequence, "SQ", DicomSequence([context]))
    ds.ScheduledProcedureStepSequence[0].add_new(tags.ScheduledProtocolCodeSequence, "SQ",
                                                 DicomSequence([code]))
    store = store_of(tmp_path / "wl", [ds])
    query = {"ScheduledProtocolCodeSequence": [{
        "CodeValue": "P1", "ProtocolContextSequence": [{"ValueType": "NUMERIC",
                                                        "TextValue": None}]}]}
    other = {"ScheduledProtocolCodeSequence": [{"CodeValue": "P2"}]}
    async with serving(store) as addr, client().connect(*addr, called_ae="DKMWL",
                                                        contexts=CONTEXT) as assoc:
        found = await find_worklist_all(assoc, query)
        none = await find_worklist_all(assoc, other)
    [only] = found
    protocol = only.ScheduledProcedureStepSequence[0].ScheduledProtocolCodeSequence[0]
    assert str(protocol.ProtocolContextSequence[0].TextValue) == "fasting"
    assert none == []  # Code Value is matched (Matching Key Type O)


async def test_our_scp_answers_ff01_for_keys_it_does_not_support(tmp_path: Path) -> None:
    """PS3.4 C.2.2: an Optional Key whose existence the SCP does not support "shall not be
    returned"; Table K.4-1: the matches then come with Pending FF01H."""
    store = store_of(tmp_path / "wl")
    identifier = worklist_identifier({"PatientID": "P3"})
    identifier.add_new(0x00090010, "LO", "PRIVATE CREATOR")
    identifier.add_new(0x00091001, "LO", "")
    identifier.ScheduledProcedureStepSequence[0].add_new(0x00111001, "LO", "")
    plain = worklist_identifier({"PatientID": "P3"})
    async with serving(store) as addr, client().connect(*addr, called_ae="DKMWL",
                                                        contexts=CONTEXT) as assoc:
        async with FindResults(assoc, identifier, model=None, level="",
                               sop_class=WORKLIST_SOP_CLASS, priority=0, timeout=30,
                               cancel_grace=2) as results:
            found = [ds async for ds in results]
        async with FindResults(assoc, plain, model=None, level="",
                               sop_class=WORKLIST_SOP_CLASS, priority=0, timeout=30,
                               cancel_grace=2) as clean:
            same = [ds async for ds in clean]
    assert step_ids(found) == {"P3": ["S3", "S4"]}  # matched as without the private keys
    assert results.warnings == list(range(len(found)))  # every match FF01H
    assert all(0x00091001 not in ds and 0x00090010 not in ds for ds in found)
    assert all(0x00111001 not in i for ds in found for i in ds.ScheduledProcedureStepSequence)
    assert step_ids(same) == step_ids(found) and clean.warnings == []  # FF00H
