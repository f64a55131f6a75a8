"""The audit trail and the metrics as observers of real associations: our Storage SCU to
dcmtk's storescp, pynetdicom's SCU to our Storage SCP, C-FIND to our Q/R SCP, a rejected
association; the audit messages (validated against the PS3.15 schema) and the metrics they
give."""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest
from lxml import etree

from dicomkit.archive import Archive, AsyncArchive
from dicomkit.audit import AuditFile, AuditMessage, AuditObserver, AuditTrail, read_log
from dicomkit.generated import audit as spec
from dicomkit.io.reader import read
from dicomkit.metrics import NetworkMetrics, Registry
from dicomkit.net import AcceptPolicy, ApplicationEntity
from dicomkit.net.errors import AssociationRejected
from dicomkit.net.events import LoggingObserver
from dicomkit.net.services import qr
from dicomkit.net.services.qr.server import archive_entity
from dicomkit.net.services.storage import StorageSCP, store_on
from dicomkit.net.services.storage.folder import FolderStorage
from dicomkit.net.services.storage.negotiation import contexts_for
from dicomkit.net.services.storage.scu import load
from dicomkit.net.services.verification import VerificationSCP
from tests.audit.schema import assert_valid
from tests.net.peers import dcmtk_peers, dcmtk_storescp, pynetdicom_peer, run_pynetdicom_scu
from tests.net.qr_peers import qr_files
from tests.net.qr_scp import FAST
from tests.samples import sample

pytestmark = pytest.mark.anyio
__all__ = ["dcmtk_peers", "pynetdicom_peer"]

FILES = [sample("CT_small.dcm"), sample("MR_small.dcm"), sample("rtplan.dcm")]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class _Setup:
    def __init__(self, folder: Path, ae_title: str) -> None:
        self.log_path = folder / "audit.xml.log"
        self.trail = AuditTrail([AuditFile(self.log_path)])
        self.observer = AuditObserver(self.trail.emit, ae_title=ae_title, host="127.0.0.1")
        self.registry = Registry()
        self.metrics = NetworkMetrics(self.registry)
        self.events = [self.observer, self.metrics, LoggingObserver()]

    def messages(self) -> list[AuditMessage]:
        assert self.trail.flush(10)
        for line in self.log_path.read_bytes().splitlines():
            assert_valid(line)
        return list(read_log(self.log_path))


def _facts(path: Path) -> tuple[str, str, str]:
    ds = read(path, stop_before_pixels=True)
    return str(ds.SOPInstanceUID), str(ds.StudyInstanceUID), str(ds.PatientID)


def _instances(msg: AuditMessage) -> dict[str, set[str]]:
    """Study UID -> SOP Instance UIDs listed."""
    return {o.object_id: {uid for d in o.descriptions for s in d.sop_classes for uid in s.instances}
            for o in msg.objects if o.id_type == spec.STUDY_INSTANCE_UID}


async def test_our_storage_scu_to_dcmtk_storescp_audits_instances_transferred_and_counts(
        dcmtk_peers: None, tmp_path: Path) -> None:
    s = _Setup(tmp_path, "DKSCU")
    ae = ApplicationEntity("DKSCU", timeouts=FAST, events=s.events)
    items = [load(f) for f in FILES]
    contexts = contexts_for({(i.sop_class, i.transfer_syntax) for i in items})
    with dcmtk_storescp(tmp_path / "out") as peer:
        async with ae.connect(peer.host, peer.port, called_ae=peer.aet, contexts=contexts) as assoc:
            results = await store_on(assoc, FILES, progress=s.observer.store_progress)
    assert all(r.ok for r in results)
    messages = s.messages()
    transferred = [m for m in messages if m.event_id == spec.DICOM_INSTANCES_TRANSFERRED]
    facts = [_facts(f) for f in FILES]
    assert {m.objects[-1].object_id for m in transferred} == {pid for _, _, pid in facts}
    assert len(transferred) == len({pid for _, _, pid in facts})  # one message per patient
    for m in transferred:
        sender, receiver = m.participants
        assert sender.alternative_user_id == "AETITLES=DKSCU" and sender.user_is_requestor
        assert spec.SOURCE_ROLE_ID in sender.roles
        assert receiver.alternative_user_id == f"AETITLES={peer.aet}"
        assert spec.DESTINATION_ROLE_ID in receiver.roles and not receiver.user_is_requestor
        assert receiver.network_access_point_id == peer.host
        assert m.outcome == "0" and m.action == "R"
    listed = {}
    for m in transferred:
        listed.update(_instances(m))
    assert listed == {study: {uid for uid, st, _ in facts if st == study} for _, study, _ in facts}
    # the metrics of the same association
    assert s.metrics.associations.value(side="requestor", outcome="released") == 1
    assert s.metrics.active.value(side="requestor") == 0
    assert s.metrics.messages.value(command="C-STORE-RQ", direction="sent") == 3
    assert s.metrics.messages.value(command="C-STORE-RSP", direction="received") == 3
    assert s.metrics.bytes.value(direction="sent") > sum(f.stat().st_size for f in FILES) * 0.9
    assert s.metrics.latency.snapshot(command="C-STORE-RQ", role="scu")["count"] == 3
    assert s.metrics.failures.values() == {}
    s.trail.close()


async def test_pynetdicom_scu_to_our_storage_scp_audits_instances_received(
        pynetdicom_peer: None, tmp_path: Path) -> None:
    s = _Setup(tmp_path, "DKSTORE")
    ae = ApplicationEntity("DKSTORE", policy=AcceptPolicy(ae_title=None, transfer_syntaxes=None),
                           timeouts=FAST, events=s.events)
    ae.add_service(StorageSCP(FolderStorage(tmp_path / "in", on_stored=s.observer.stored_file)))
    ae.add_service(VerificationSCP(), supported=False)
    async with anyio.create_task_group() as tg:
        host, port = await tg.start(ae.serve, "127.0.0.1", 0)
        report = await anyio.to_thread.run_sync(
            lambda: run_pynetdicom_scu("store", host, port, FILES, aec="DKSTORE", aet="PYNSCU"))
        await anyio.sleep(0.2)  # the association's end reaches the observer
        tg.cancel_scope.cancel()
    assert report["statuses"] == [0, 0, 0]
    transferred = [m for m in s.messages() if m.event_id == spec.DICOM_INSTANCES_TRANSFERRED]
    facts = [_facts(f) for f in FILES]
    assert {m.objects[-1].object_id for m in transferred} == {pid for _, _, pid in facts}
    for m in transferred:
        sender, receiver = m.participants
        assert sender.alternative_user_id == "AETITLES=PYNSCU" and sender.user_is_requestor
        assert receiver.alternative_user_id == "AETITLES=DKSTORE"
        assert receiver.user_id == str(__import__("os").getpid())  # our process (A.5.2.1)
    assert sum(len(v) for m in transferred for v in _instances(m).values()) == 3
    assert s.metrics.associations.value(side="acceptor", outcome="released") == 1
    assert s.metrics.messages.value(command="C-STORE-RQ", direction="received") == 3
    assert s.metrics.latency.snapshot(command="C-STORE-RQ", role="scp")["count"] == 3
    s.trail.close()


async def test_c_find_to_our_qr_scp_audits_the_query_with_its_identifier(tmp_path: Path) -> None:
    s = _Setup(tmp_path, "DKQR")
    archive = Archive(tmp_path / "archive")
    for f in qr_files():
        archive.insert_file(f)
    ae = archive_entity(AsyncArchive(archive), ae_title="DKQR", timeouts=FAST, events=s.events,
                        on_query=s.observer.query_received)
    contexts = qr.query_contexts(("Study Root",), ("C-FIND",))
    try:
        async with anyio.create_task_group() as tg:
            addr = await tg.start(ae.serve, "127.0.0.1", 0)
            async with ApplicationEntity("DKSCU", timeouts=FAST).connect(
                    *addr, called_ae="DKQR", contexts=contexts) as assoc:
                studies = await qr.find_all(assoc, level="STUDY", model="Study Root",
                                            PatientID="4MR1")
            await anyio.sleep(0.2)
            tg.cancel_scope.cancel()
    finally:
        archive.close()
    assert len(studies) == 1
    (query,) = [m for m in s.messages() if m.event_id == spec.QUERY]
    requestor, responder = query.participants
    assert requestor.alternative_user_id == "AETITLES=DKSCU" and requestor.user_is_requestor
    assert spec.SOURCE_ROLE_ID in requestor.roles and spec.DESTINATION_ROLE_ID in responder.roles
    (obj,) = query.objects
    assert obj.object_id == "1.2.840.10008.5.1.4.1.2.2.1" and obj.id_type == spec.SOP_CLASS_UID
    assert obj.query is not None and b"4MR1" in obj.query  # the identifier as received
    assert dict(obj.details)["TransferSyntax"].startswith(b"1.2.840.10008.1.2")
    assert query.outcome == "0"
    assert s.metrics.latency.snapshot(command="C-FIND-RQ", role="scp")["count"] == 1
    s.trail.close()


async def test_a_rejected_association_is_a_security_alert_and_counted(tmp_path: Path) -> None:
    s = _Setup(tmp_path, "DKSCP")
    ae = ApplicationEntity("DKSCP", timeouts=FAST, events=s.events)
    ae.add_service(VerificationSCP())
    async with anyio.create_task_group() as tg:
        addr = await tg.start(ae.serve, "127.0.0.1", 0)
        with pytest.raises(AssociationRejected):
            async with ApplicationEntity("INTRUDER", timeouts=FAST).connect(
                    *addr, called_ae="NOT-DKSCP",
                    contexts=qr.query_contexts(("Study Root",), ("C-FIND",))):
                pass
        await anyio.sleep(0.1)
        tg.cancel_scope.cancel()
    messages = s.messages()
    started, stopped = [m for m in messages if m.event_id == spec.APPLICATION_ACTIVITY]
    assert (started.event_types, stopped.event_types) == ((spec.APPLICATION_START,),
                                                          (spec.APPLICATION_STOP,))
    assert started.participants[0].alternative_user_id == "AETITLES=DKSCP"
    assert spec.APPLICATION in started.participants[0].roles
    (alert,) = [m for m in messages if m.event_id == spec.SECURITY_ALERT]
    assert alert.event_types[0].code == "110147" and alert.outcome == "4"
    assert alert.participants[1].alternative_user_id == "AETITLES=INTRUDER"
    assert alert.objects[0].object_id.startswith("dicom://127.0.0.1:")
    assert "A-ASSOCIATE-RJ" in alert.outcome_description
    assert s.metrics.rejections.value() == 1
    root = etree.fromstring(alert.to_xml())
    assert root.find("EventIdentification/EventTypeCode").get("originalText") == "Access Control Decision"
    s.trail.close()


async def test_a_failed_tls_handshake_is_a_node_authentication_security_alert(
        tmp_path: Path) -> None:
    import ssl

    from tests.net.peers import make_tls_files

    tls = make_tls_files(tmp_path / "tls")
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=str(tls.ca_cert))
    server_ctx.load_cert_chain(str(tls.server_cert), str(tls.server_key))
    server_ctx.verify_mode = ssl.CERT_REQUIRED  # mutual node authentication (PS3.15 B.1)
    s = _Setup(tmp_path, "DKTLS")
    ae = ApplicationEntity("DKTLS", timeouts=FAST, events=s.events)
    ae.add_service(VerificationSCP())
    client_ctx = ssl.create_default_context(cafile=str(tls.ca_cert))  # no client certificate
    async with anyio.create_task_group() as tg:
        host, port = await tg.start(lambda task_status: ae.serve(
            "127.0.0.1", 0, ssl_context=server_ctx, task_status=task_status))
        with pytest.raises(Exception):  # noqa: B017 - the client's side of a refused handshake
            async with ApplicationEntity("NOCERT", timeouts=FAST).connect(
                    host, port, called_ae="DKTLS", ssl_context=client_ctx,
                    server_hostname="localhost",
                    contexts=qr.query_contexts(("Study Root",), ("C-FIND",))) as assoc:
                await assoc.release()
        for _ in range(50):
            if s.metrics.handshakes.value():
                break
            await anyio.sleep(0.05)
        tg.cancel_scope.cancel()
    (alert,) = [m for m in s.messages() if m.event_id == spec.SECURITY_ALERT]
    assert alert.event_types[0].code == "110126"  # Node Authentication, CID 403
    assert alert.outcome == "4" and "TLS handshake" in alert.outcome_description
    assert alert.objects[0].object_id.startswith("dicom://127.0.0.1:")
    assert s.metrics.handshakes.value() == 1
    s.trail.close()


async def test_an_accepted_user_identity_is_a_user_authentication_login(tmp_path: Path) -> None:
    from dicomkit.net.acse import UserIdentity

    s = _Setup(tmp_path, "DKSCP")
    ae = ApplicationEntity("DKSCP", timeouts=FAST, events=s.events,
                           policy=AcceptPolicy(ae_title="DKSCP",
                                               authenticate=lambda identity: identity.primary == b"alice"))
    ae.add_service(VerificationSCP())
    from dicomkit.generated import uids
    from dicomkit.net import PresentationContext
    from dicomkit.net.services.verification import echo_on

    context = PresentationContext(1, uids.Verification, (uids.ImplicitVRLittleEndian,))
    async with anyio.create_task_group() as tg:
        addr = await tg.start(ae.serve, "127.0.0.1", 0)
        async with ApplicationEntity("ALICEAPP", timeouts=FAST).connect(
                *addr, called_ae="DKSCP", contexts=[context],
                user_identity=UserIdentity.username("alice")) as assoc:
            assert await echo_on(assoc) == 0
        await anyio.sleep(0.1)
        tg.cancel_scope.cancel()
    (login,) = [m for m in s.messages() if m.event_id == spec.USER_AUTHENTICATION]
    assert login.event_types == (spec.LOGIN,) and login.outcome == "0"
    user, node = login.participants
    assert user.user_id == "alice" and user.user_is_requestor
    assert user.alternative_user_id == "AETITLES=ALICEAPP"
    assert node.alternative_user_id == "AETITLES=DKSCP"
    s.trail.close()
