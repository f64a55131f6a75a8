"""The audit trail as an observer of the network: which DICOM audit messages (PS3.15 A.5.3)
an application entity's activity gives.

:class:`AuditObserver` has the methods of ``dicomkit.net.events.NetObserver`` (without
importing the network layer, which sits above this one): pass it to
``ApplicationEntity(events=...)``.  It also takes the hooks of the services that see data sets
(``FolderStorage(folder, on_stored=observer.stored_file)`` behind a Storage SCP,
``FindSCP(on_query=observer.query_received)``, ``StorageSCU(progress=observer.store_progress)``
or ``store_on(..., progress=observer.store_progress)``; :meth:`AuditObserver.note_source` for
any other handler), because the command sets the network
carries name no patient or study.

What it reports:

- DICOM Instances Transferred (A.5.3.7) when an association that carried C-STORE operations
  ends: one message per patient and per outcome (A.5.2: success and failure apart), sender
  and receiver by the side that sent the C-STORE-RQ, the requestor being the association's
  requestor;
- Query (A.5.3.10) when a C-FIND we answered gets its final response, with its identifier;
- Security Alert (A.5.3.11): an association we rejected (Access Control Decision) or a TLS
  handshake that failed (Node Authentication), both minor failures;
- User Authentication (A.5.3.12): an association whose requestor gave a user identity
  (PS3.7 D.3.3.7) that we accepted;
- Application Activity (A.5.3.1) when an application entity starts and stops serving
  (``ApplicationEntity.serve``), or when :meth:`AuditObserver.application_started` and
  :meth:`AuditObserver.application_stopped` are called.

PS3.15 A.5.3 defines no message for an association's establishment or release as such:
those are counted by the metrics and logged (``dicomkit.net``), not audited.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dicomkit.audit import builders
from dicomkit.audit.builders import Endpoint, Patient, Study
from dicomkit.audit.message import AuditMessage, AuditSource
from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.io.reader import read

__all__ = ["AuditObserver", "InstanceFacts"]

_STATUS_OK = ("success", "warning")
_FACT_TAGS = (tags.SOPInstanceUID, tags.StudyInstanceUID, tags.PatientID, tags.PatientName)
_NODE_AUTHENTICATION = "110126"  # CID 403
_ACCESS_CONTROL_DECISION = "110147"  # CID 403


class _Assoc(Protocol):
    """What is read of an association (``dicomkit.net.association.Association``)."""

    calling_ae: str
    called_ae: str
    peer_address: tuple[str, int]

    @property
    def is_requestor(self) -> bool: ...


class _Message(Protocol):
    """What is read of a DIMSE message (``dicomkit.net.dimse.DimseMessage``)."""

    name: str

    @property
    def message_id(self) -> int | None: ...

    @property
    def status(self) -> int | None: ...

    @property
    def status_category(self) -> str | None: ...

    @property
    def affected_sop_class_uid(self) -> str | None: ...

    @property
    def affected_sop_instance_uid(self) -> str | None: ...


@dataclass(frozen=True)
class InstanceFacts:
    """What an audit message says of an instance beyond its UIDs: study and patient."""

    study_uid: str
    patient_id: str
    patient_name: str = ""


def _text(ds: Dataset, tag: int) -> str:
    el = ds.get(tag)
    value = None if el is None else el.value
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return "" if value is None else str(value).strip("\x00 ")


def facts_of(source: Dataset | str | os.PathLike[str]) -> tuple[str, InstanceFacts] | None:
    """(SOP Instance UID, facts) of a data set or a DICOM file (its header only), or None
    when it cannot be read."""
    if isinstance(source, Dataset):
        ds = source
    else:
        try:
            ds = read(os.fspath(source), stop_before_pixels=True, specific_tags=_FACT_TAGS)
        except (DicomError, OSError):
            return None
    uid = _text(ds, tags.SOPInstanceUID)
    if not uid and ds.file_meta is not None:
        uid = _text(ds.file_meta, tags.MediaStorageSOPInstanceUID)
    if not uid:
        return None
    return uid, InstanceFacts(_text(ds, tags.StudyInstanceUID), _text(ds, tags.PatientID),
                              _text(ds, tags.PatientName))


@dataclass
class _Transfers:
    """The C-STORE operations of one association: (role, ok) -> [(sop class, instance)]."""

    ops: dict[tuple[str, bool], list[tuple[str, str]]] = field(default_factory=dict)


class AuditObserver:
    """Audit messages from an application entity's activity (see the module).

    Parameters
    ----------
    emit
        Where messages go: an :class:`~dicomkit.audit.trail.AuditTrail`'s ``emit`` (or any
        callable taking an :class:`~dicomkit.audit.message.AuditMessage`).
    ae_title
        Our AE title (AlternativeUserID of our participant, A.5.2.2).
    host
        Our network access point (A.5.2.4): one name or address for every message.
    source
        The AuditSourceIdentification (default: ``AuditSourceID`` the AE title, type 4).
    list_instances
        Whether Instances Transferred lists each SOP Instance UID (optional in A.5.3.7;
        large transfers may leave them out and give only the counts).
    """

    def __init__(self, emit: Callable[[AuditMessage], object], *, ae_title: str = "DICOMKIT",
                 host: str = "", source: AuditSource | None = None,
                 list_instances: bool = True, max_facts: int = 100_000) -> None:
        self.emit = emit
        self.ae_title = ae_title
        self.host = host or socket.gethostname()
        self.source = source or AuditSource(ae_title, type_codes=("4",))
        self.list_instances = list_instances
        self.max_facts = max_facts
        self.local = Endpoint.local(ae_title, self.host)
        self._facts: dict[str, InstanceFacts] = {}
        self._open: dict[int, _Transfers] = {}
        self._queries: dict[tuple[int, int], tuple[str, bytes, str]] = {}
        self._lock = threading.Lock()

    # ----------------------------------------------------------------- facts
    def note(self, sop_instance_uid: str, facts: InstanceFacts) -> None:
        """Tell the study and patient of an instance (kept until its association ends)."""
        with self._lock:
            if len(self._facts) >= self.max_facts:
                self._facts.pop(next(iter(self._facts)))
            self._facts[sop_instance_uid] = facts

    def note_source(self, source: Dataset | str | os.PathLike[str]) -> None:
        """:meth:`note` from a data set or a DICOM file."""
        found = facts_of(source)
        if found is not None:
            self.note(*found)

    def stored_file(self, path: Path, size: int = 0) -> None:
        """``FolderStorage(folder, on_stored=...)``: a file the Storage SCP placed."""
        self.note_source(path)

    def archived_in(self, root: str | os.PathLike[str]) -> Callable[[Any], None]:
        """``ArchiveStorage(archive, on_stored=observer.archived_in(archive.root))``: each
        insert's outcome (its ``path`` relative to the archive's folder)."""
        base = Path(root)

        def archived(outcome: Any) -> None:
            path = getattr(outcome, "path", "")
            if path:
                self.note_source(base / path)

        return archived

    def store_progress(self, result: Any, done: int = 0, total: int = 0) -> None:
        """``StorageSCU(progress=...)``: a source the Storage SCU sent (a ``StoreResult``)."""
        source = getattr(result, "source", "")
        if source and Path(source).is_file():
            self.note_source(source)

    def query_received(self, assoc: Any, request: Any, identifier: bytes,
                       transfer_syntax: str) -> None:
        """``FindSCP(on_query=...)``: a C-FIND identifier received (audited when the
        operation ends, with its outcome)."""
        mid = request.message_id
        if mid is not None:
            with self._lock:
                self._queries[(id(assoc), mid)] = (request.affected_sop_class_uid or "",
                                                   bytes(identifier), transfer_syntax)

    # ----------------------------------------------------------------- endpoints
    def _peer(self, assoc: _Assoc) -> Endpoint:
        host, port = assoc.peer_address
        title = assoc.called_ae if assoc.is_requestor else assoc.calling_ae
        return Endpoint.remote(title, host, port)

    def _local(self, assoc: _Assoc) -> Endpoint:
        title = assoc.calling_ae if assoc.is_requestor else assoc.called_ae
        return Endpoint(self.local.user_id, (title,), self.host, self.local.name)

    def _send(self, message: AuditMessage) -> None:
        self.emit(message)

    # ----------------------------------------------------------------- application
    def _application(self, ae_title: str | None) -> Endpoint:
        return Endpoint(self.local.user_id, (ae_title or self.ae_title,), self.host,
                        self.local.name)

    def application_started(self, ae_title: str | None = None) -> None:
        """Application Activity, Application Start (PS3.15 A.5.3.1); told by
        ``ApplicationEntity.serve`` when the entity starts serving."""
        self._send(builders.application_activity(True, self._application(ae_title),
                                                 source=self.source))

    def application_stopped(self, ae_title: str | None = None) -> None:
        """Application Activity, Application Stop (PS3.15 A.5.3.1)."""
        self._send(builders.application_activity(False, self._application(ae_title),
                                                 source=self.source))

    # ----------------------------------------------------------------- net events
    def association_established(self, assoc: Any) -> None:
        with self._lock:
            self._open[id(assoc)] = _Transfers()
        identity = getattr(assoc, "user_identity", None)
        if identity is not None and not assoc.is_requestor:
            name = bytes(getattr(identity, "primary", b"")).decode("utf-8", "replace")
            user = Endpoint(name if int(getattr(identity, "identity_type", 0)) in (1, 2)
                            else f"user-identity-type-{identity.identity_type}",
                            (assoc.calling_ae,), assoc.peer_address[0])
            self._send(builders.user_authentication(True, user, source=self.source,
                                                    node=self._local(assoc)))

    def operation_completed(self, assoc: Any, role: str, request: Any, response: Any,
                            duration: float) -> None:
        if request.name == "C-STORE-RQ":
            ok = response.status_category in _STATUS_OK
            with self._lock:
                record = self._open.setdefault(id(assoc), _Transfers())
                record.ops.setdefault((role, ok), []).append(
                    (request.affected_sop_class_uid or "", request.affected_sop_instance_uid or ""))
        elif request.name == "C-FIND-RQ" and role == "scp":
            mid = request.message_id
            with self._lock:
                query = self._queries.pop((id(assoc), mid), None) if mid is not None else None
            if query is not None:
                ok = response.status_category in _STATUS_OK
                self._query(assoc, query, builders.SUCCESS if ok else builders.MINOR_FAILURE)

    def _query(self, assoc: Any, query: tuple[str, bytes, str], outcome: str) -> None:
        sop_class, identifier, ts = query
        self._send(builders.query(self._peer(assoc), self._local(assoc), sop_class, identifier,
                                  ts, source=self.source, outcome=outcome))

    def association_ended(self, assoc: Any, error: BaseException | None,
                          duration: float) -> None:
        key = id(assoc)
        with self._lock:
            record = self._open.pop(key, None)
            queries = [(k, v) for k, v in self._queries.items() if k[0] == key]
            for k, _ in queries:
                del self._queries[k]
        for _, query in queries:  # a C-FIND the association's end cut short
            self._query(assoc, query, builders.SERIOUS_FAILURE)
        if record is None:
            return
        for (role, ok), ops in sorted(record.ops.items()):
            self._transferred(assoc, role, ok, ops)

    def _transferred(self, assoc: Any, role: str, ok: bool, ops: list[tuple[str, str]]) -> None:
        local, peer = self._local(assoc), self._peer(assoc)
        sender, receiver = (local, peer) if role == "scu" else (peer, local)
        requestor = ("sender" if role == "scu" else "receiver") if assoc.is_requestor else (
            "receiver" if role == "scu" else "sender")
        by_patient: dict[tuple[str, str], dict[str, dict[str, list[str]]]] = {}
        with self._lock:
            facts = [(sop_class, uid, self._facts.pop(uid, None)) for sop_class, uid in ops]
        for sop_class, uid, fact in facts:
            fact = fact or InstanceFacts("", "")
            studies = by_patient.setdefault((fact.patient_id, fact.patient_name), {})
            studies.setdefault(fact.study_uid, {}).setdefault(sop_class, []).append(uid)
        for (patient_id, name), studies in sorted(by_patient.items()):
            self._send(builders.instances_transferred(
                sender, receiver,
                [Study(uid, instances, list_instances=self.list_instances)
                 for uid, instances in sorted(studies.items())],
                Patient(patient_id, name), source=self.source, requestor=requestor,
                outcome=builders.SUCCESS if ok else builders.MINOR_FAILURE,
                # Table A.5.3.7-1: "R" when the source does not know whether the receiver
                # held copies before (the storage handler does not say)
                action="R"))

    def association_rejected(self, peer: tuple[str, int], request: Any, rejection: Any) -> None:
        performer = Endpoint.remote(getattr(request, "calling_ae", "") if request else "", *peer)
        self._send(builders.security_alert(
            builders.security_alert_type(_ACCESS_CONTROL_DECISION), self.local,
            source=self.source, subjects=[f"dicom://{peer[0]}:{peer[1]}"],
            performers=[performer],
            description=f"A-ASSOCIATE-RJ result {rejection.result} source {rejection.source} "
                        f"reason {rejection.reason} (PS3.8 Table 9-21)"))

    def handshake_failed(self, peer: tuple[str, int], why: str) -> None:
        self._send(builders.security_alert(
            builders.security_alert_type(_NODE_AUTHENTICATION), self.local, source=self.source,
            subjects=[f"dicom://{peer[0]}:{peer[1]}"],
            performers=[Endpoint.remote("", *peer)], description=f"TLS handshake: {why}"))
