"""Builders of the DICOM specific audit messages of PS3.15 A.5.3, one function per message.

Each builder fills what its table of A.5.3 makes mandatory (Event ID, EventActionCode,
EventTypeCode, the RoleIDCode of each participant, the ParticipantObjectIDTypeCode and type
codes of each object), reading the codes and values from the generated tables
(``dicomkit.generated.audit.MESSAGES``), and takes the rest as arguments.

A DICOM application is an :class:`Endpoint` (PS3.15 A.5.2.1, A.5.2.2: its UserID the process
or node, its AlternativeUserID ``"AETITLES=..."``, its network access point the host name
or IP address).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dicomkit.audit.errors import AuditMessageError
from dicomkit.audit.message import (
    ActiveParticipant,
    AuditMessage,
    AuditSource,
    ObjectDescription,
    ParticipantObject,
    SOPClassDescription,
    rfc3881_code,
)
from dicomkit.generated import audit as spec
from dicomkit.generated.audit import AuditCode
from dicomkit.generated.context_groups import CONTEXT_GROUPS

__all__ = ["Endpoint", "Media", "Patient", "Study", "application_activity", "audit_log_used",
           "begin_transferring", "data_export", "data_import", "instances_accessed",
           "instances_transferred", "media_type", "network_entry", "order_record",
           "patient_record", "procedure_record", "query", "security_alert",
           "security_alert_type", "study_deleted", "user_authentication"]

SUCCESS = "0"
MINOR_FAILURE = "4"
SERIOUS_FAILURE = "8"
MAJOR_FAILURE = "12"


def _rule(message: str, entity: str, name: str, participant: str = "") -> spec.FieldRule:
    for r in spec.MESSAGES[message].rules:
        if r.entity == entity and r.name == name and (not participant or
                                                      r.participant == participant):
            return r
    raise LookupError(f"PS3.15 {spec.MESSAGES[message].table} has no {entity} {name}")


def _shall_be(message: str, entity: str, name: str, participant: str = "") -> str:
    """The one value a "Shall be" list of the message's table gives."""
    rule = _rule(message, entity, name, participant)
    if len(rule.values) != 1:
        raise LookupError(f"PS3.15 {spec.MESSAGES[message].table} {name}: {rule.values}")
    return rule.values[0]


def _cid(cid: int) -> dict[str, AuditCode]:
    return {c.value: AuditCode(c.value, c.scheme, c.meaning)
            for c in CONTEXT_GROUPS[cid].codes}


def security_alert_type(code: str) -> AuditCode:
    """A Security Alert EventTypeCode of CID 403 (PS3.16), which PS3.15 Table A.5.3.11-1
    names, by its code value (``"110126"`` Node Authentication)."""
    types = _cid(_rule("SECURITY_ALERT", "EventIdentification", "EventTypeCode").cid)
    if code not in types:
        raise AuditMessageError("EventTypeCode", f"{code!r} is not in CID 403")
    return types[code]


def _now(when: dt.datetime | None) -> dt.datetime:
    return when if when is not None else dt.datetime.now(dt.UTC)


def _access_point_type(host: str) -> str:
    """``"2"`` for an IP address, ``"1"`` for a machine name (PS3.15 Table A.5.1.2.5-1)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return "1"
    return "2"


@dataclass(frozen=True)
class Endpoint:
    """A DICOM application or node taking part: its UserID (a process ID, node name or URI,
    PS3.15 A.5.2.1), AE titles (A.5.2.2), process name (A.5.2.3) and host (A.5.2.4)."""

    user_id: str
    ae_titles: tuple[str, ...] = ()
    host: str = ""
    name: str = ""

    @classmethod
    def local(cls, ae_title: str = "", host: str = "", name: str = "dicomkit") -> Endpoint:
        """This process: its process ID as UserID (as in the system logs, A.5.2.1)."""
        return cls(str(os.getpid()), (ae_title,) if ae_title else (), host, name)

    @classmethod
    def remote(cls, ae_title: str, host: str, port: int = 0) -> Endpoint:
        """A peer of an association: its AE title, address (UserID ``host:port``)."""
        return cls(f"{host}:{port}" if port else host, (ae_title,) if ae_title else (), host)

    def participant(self, requestor: bool, roles: Sequence[AuditCode] = ()) -> ActiveParticipant:
        """As an ActiveParticipant with these RoleIDCodes."""
        titles = [t.strip() for t in self.ae_titles if t.strip()]
        return ActiveParticipant(
            user_id=self.user_id, user_is_requestor=requestor,
            alternative_user_id="AETITLES=" + ";".join(titles) if titles else "",
            user_name=self.name, roles=tuple(roles),
            network_access_point_id=self.host,
            network_access_point_type=_access_point_type(self.host) if self.host else "")


@dataclass(frozen=True)
class Study:
    """A study taking part: its Study Instance UID and, by SOP class, its instances."""

    uid: str
    instances: Mapping[str, Sequence[str]]
    accessions: tuple[str, ...] = ()
    list_instances: bool = True

    def participant(self, message: str, participant: str) -> ParticipantObject:
        sop = tuple(SOPClassDescription(cls, len(uids), tuple(uids) if self.list_instances
                                        else ())
                    for cls, uids in sorted(self.instances.items()))
        return ParticipantObject(
            object_id=self.uid, id_type=spec.STUDY_INSTANCE_UID,
            type_code=_shall_be(message, "ParticipantObjectIdentification",
                                "ParticipantObjectTypeCode", participant),
            role=_shall_be(message, "ParticipantObjectIdentification",
                           "ParticipantObjectTypeCodeRole", participant),
            descriptions=(ObjectDescription(accessions=self.accessions, sop_classes=sop),))


@dataclass(frozen=True)
class Patient:
    """The patient: Patient ID (0010,0020) and name."""

    patient_id: str
    name: str = ""

    def participant(self, message: str, participant: str = "Patient") -> ParticipantObject:
        """As the participant object ``participant`` of ``message``'s table (``"Patients"``
        in Data Export and Import)."""
        entity = "ParticipantObjectIdentification"
        return ParticipantObject(
            object_id=self.patient_id,
            id_type=rfc3881_code(_id_type_value(message, participant)),
            name=self.name or self.patient_id,
            type_code=_shall_be(message, entity, "ParticipantObjectTypeCode", participant),
            role=_shall_be(message, entity, "ParticipantObjectTypeCodeRole", participant))


def media_type(code: str) -> AuditCode:
    """A MediaType of CID 405 (PS3.16), which PS3.15 Tables A.5.3.4-1 and A.5.3.5-1 name, by
    its code value (``"110032"`` CD); the named constants (``audit.CD``, ``audit.URI``) are
    the same codes."""
    types = _cid(_rule("DATA_EXPORT", "ActiveParticipant", "MediaType", "Media").cid)
    if code not in types:
        raise AuditMessageError("MediaType", f"{code!r} is not in CID 405")
    return types[code]


@dataclass(frozen=True)
class Media:
    """The media of a Data Export or Data Import (PS3.15 A.5.3.4, A.5.3.5): its identifier as
    the UserID (a volume ID or URI, A.5.2.1), its type (CID 405) and, for media on the network
    (a share, an e-mail server), the host.  Table A.5.3.4-1 wants a MediaType when there is no
    network access point."""

    identifier: str
    type: AuditCode | None = None
    host: str = ""

    def __post_init__(self) -> None:
        if not self.identifier:
            raise AuditMessageError("UserID", "a media participant needs its identifier "
                                    "(volume ID, URI; PS3.15 A.5.2.1)")
        if self.type is None and not self.host:
            raise AuditMessageError("MediaType", "required when the media has no network "
                                    "access point (PS3.15 Table A.5.3.4-1)")

    def participant(self, message: str, name: str, role: AuditCode) -> ActiveParticipant:
        """As the media participant ``name`` of ``message``'s table, in ``role`` (a code of the
        context group the table names for its RoleIDCode, checked)."""
        group = _rule(message, "ActiveParticipant", "RoleIDCode", name).cid
        if role not in spec.CONTEXT_GROUP_CODES[group]:
            raise AuditMessageError("RoleIDCode", f"{role} is not in CID {group}")
        return ActiveParticipant(
            user_id=self.identifier, roles=(role,),
            user_is_requestor=_shall_be(message, "ActiveParticipant", "UserIsRequestor",
                                        name) == "true",
            network_access_point_id=self.host,
            network_access_point_type=_access_point_type(self.host) if self.host else "",
            media_type=self.type)


def _id_type_value(message: str, participant: str) -> str:
    """The RFC 3881 value a "Shall be: Patient Number" names, resolved through Table
    A.5.1.2.4-1 (the table cell gives the meaning, the value set the number)."""
    rule = _rule(message, "ParticipantObjectIdentification", "ParticipantObjectIDTypeCode",
                 participant)
    meanings = {m: v for v, m in spec.VALUE_SETS["ParticipantObjectIDTypeCode"].values}
    for value in rule.values:
        if value in meanings:
            return meanings[value]
        if value in dict(spec.VALUE_SETS["ParticipantObjectIDTypeCode"].values):
            return value
    raise LookupError(f"PS3.15 {spec.MESSAGES[message].table}: {participant} ID type "
                      f"{rule.values}")


def _source(source: AuditSource | str) -> AuditSource:
    return source if isinstance(source, AuditSource) else AuditSource(source, type_codes=("4",))


# ----------------------------------------------------------------------- A.5.3.1

def application_activity(started: bool, application: Endpoint, *, source: AuditSource | str,
                         launchers: Iterable[Endpoint] = (), outcome: str = SUCCESS,
                         when: dt.datetime | None = None) -> AuditMessage:
    """Application Activity (PS3.15 A.5.3.1): ``application`` started or stopped.

    Sent when an application entity starts or stops serving (``dicomkit storescp``,
    ``qrscp``); ``launchers`` are the persons or processes that started it.
    """
    m = "APPLICATION_ACTIVITY"
    types = _rule(m, "EventIdentification", "EventTypeCode").codes
    kind = next(c for c in types if c == (spec.APPLICATION_START if started
                                          else spec.APPLICATION_STOP))
    app_role = _rule(m, "ActiveParticipant", "RoleIDCode", "Application started").codes
    launcher_role = _rule(m, "ActiveParticipant", "RoleIDCode",
                          "Persons and or processes starting the application").codes
    people = [e.participant(False, launcher_role) for e in launchers]
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_shall_be(m, "EventIdentification", "EventActionCode"), event_types=(kind,),
        participants=(application.participant(False, app_role), *people),
        source=_source(source))


# ----------------------------------------------------------------------- A.5.3.9

def network_entry(attach: bool, node: Endpoint, *, source: AuditSource | str,
                  outcome: str = SUCCESS, when: dt.datetime | None = None) -> AuditMessage:
    """Network Entry (PS3.15 A.5.3.9): ``node`` attaching to or detaching from the network."""
    m = "NETWORK_ENTRY"
    kind = spec.ATTACH if attach else spec.DETACH
    requestor = _shall_be(m, "ActiveParticipant", "UserIsRequestor") == "true"
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_shall_be(m, "EventIdentification", "EventActionCode"), event_types=(kind,),
        participants=(node.participant(requestor),), source=_source(source))


# ----------------------------------------------------------------------- A.5.3.3, A.5.3.7

def _transfer(m: str, sender: Endpoint, receiver: Endpoint, studies: Sequence[Study],
              patient: Patient, requestor: str, source: AuditSource | str, outcome: str,
              action: str, when: dt.datetime | None,
              sender_role: tuple[AuditCode, ...], receiver_role: tuple[AuditCode, ...],
              studies_name: str) -> AuditMessage:
    if requestor not in ("sender", "receiver", ""):
        raise AuditMessageError("UserIsRequestor", f"requestor {requestor!r}: 'sender', "
                                "'receiver' or '' (unknown)")
    if not studies:
        raise AuditMessageError("ParticipantObjectIdentification",
                                f"{spec.MESSAGES[m].title} names one study or more (1..N)")
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=action,
        participants=(sender.participant(requestor == "sender", sender_role),
                      receiver.participant(requestor == "receiver", receiver_role)),
        source=_source(source),
        objects=(*(s.participant(m, studies_name) for s in studies), patient.participant(m)))


def begin_transferring(sender: Endpoint, receiver: Endpoint, studies: Sequence[Study],
                       patient: Patient, *, source: AuditSource | str, requestor: str = "",
                       outcome: str = SUCCESS, when: dt.datetime | None = None) -> AuditMessage:
    """Begin Transferring DICOM Instances (PS3.15 A.5.3.3)."""
    m = "BEGIN_TRANSFERRING_DICOM_INSTANCES"
    return _transfer(
        m, sender, receiver, studies, patient, requestor, source, outcome,
        _shall_be(m, "EventIdentification", "EventActionCode"), when,
        _rule(m, "ActiveParticipant", "RoleIDCode", "Process sending the data").codes,
        _rule(m, "ActiveParticipant", "RoleIDCode", "Process receiving the data").codes,
        "Studies being transferred")


def instances_transferred(sender: Endpoint, receiver: Endpoint, studies: Sequence[Study],
                          patient: Patient, *, source: AuditSource | str, action: str = "R",
                          requestor: str = "", outcome: str = SUCCESS,
                          when: dt.datetime | None = None) -> AuditMessage:
    """DICOM Instances Transferred (PS3.15 A.5.3.7): one patient's instances, sent by
    ``sender`` to ``receiver``.

    ``action`` is ``"C"`` when the receiver did not hold copies, ``"U"`` when it updated
    them, ``"R"`` (the default) when it already held them or the source does not know
    (Table A.5.3.7-1).  Successes and failures go in separate messages (A.5.2
    EventOutcomeIndicator).
    """
    m = "DICOM_INSTANCES_TRANSFERRED"
    allowed = _rule(m, "EventIdentification", "EventActionCode").values
    if action not in allowed:
        raise AuditMessageError("EventActionCode", f"{action!r} is none of {allowed} "
                                f"(PS3.15 Table {spec.MESSAGES[m].table})")
    # Table A.5.3.7-1 refers the roles to A.5.2.7: Source and Destination Role ID
    return _transfer(m, sender, receiver, studies, patient, requestor, source, outcome, action,
                     when, (spec.SOURCE_ROLE_ID,), (spec.DESTINATION_ROLE_ID,),
                     "Studies being transferred")


# ----------------------------------------------------------------------- A.5.3.8

def study_deleted(deleter: Endpoint, studies: Sequence[Study], patient: Patient, *,
                  source: AuditSource | str, outcome: str = SUCCESS,
                  when: dt.datetime | None = None) -> AuditMessage:
    """DICOM Study Deleted (PS3.15 A.5.3.8): ``deleter`` deleted these studies."""
    m = "DICOM_STUDY_DELETED"
    if not studies:
        raise AuditMessageError("ParticipantObjectIdentification", "one study or more (1..N)")
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_shall_be(m, "EventIdentification", "EventActionCode"),
        participants=(deleter.participant(True),), source=_source(source),
        objects=(*(s.participant(m, "Studies being deleted") for s in studies),
                 patient.participant(m)))


# ----------------------------------------------------------------------- A.5.3.10

def query(requestor: Endpoint, responder: Endpoint, sop_class: str, identifier: bytes,
          transfer_syntax: str, *, source: AuditSource | str, outcome: str = SUCCESS,
          when: dt.datetime | None = None) -> AuditMessage:
    """Query (PS3.15 A.5.3.10): ``requestor`` queried ``responder`` with the C-FIND
    identifier ``identifier`` (its data set bytes, in ``transfer_syntax``) of ``sop_class``.
    """
    m = "QUERY"
    entity = "ParticipantObjectIdentification"
    who = "SOP Class queried and the query"
    id_type = _rule(m, entity, "ParticipantObjectIDTypeCode", who).codes
    obj = ParticipantObject(
        object_id=sop_class, id_type=id_type[0], query=identifier,
        type_code=_shall_be(m, entity, "ParticipantObjectTypeCode", who),
        role=_shall_be(m, entity, "ParticipantObjectTypeCodeRole", who),
        # Table A.5.3.10-1: a ParticipantObjectDetail "TransferSyntax" with the UID
        details=(("TransferSyntax", transfer_syntax.encode("ascii")),))
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_shall_be(m, "EventIdentification", "EventActionCode"),
        participants=(
            requestor.participant(True, _rule(m, "ActiveParticipant", "RoleIDCode",
                                              "Process issuing the query").codes),
            responder.participant(False, _rule(m, "ActiveParticipant", "RoleIDCode",
                                               "The process that will respond to the "
                                               "query").codes)),
        source=_source(source), objects=(obj,))


# ----------------------------------------------------------------------- A.5.3.11

def security_alert(event_type: AuditCode, reporter: Endpoint, *, source: AuditSource | str,
                   subjects: Iterable[str] = (), performers: Iterable[Endpoint] = (),
                   outcome: str = MINOR_FAILURE, description: str = "",
                   when: dt.datetime | None = None) -> AuditMessage:
    """Security Alert (PS3.15 A.5.3.11), e.g. a node authentication failure
    (:func:`security_alert_type` ``"110126"``) or an access control decision (``"110147"``).

    ``subjects`` are the URIs the alert concerns (a peer ``dicom://host:port``), participant
    objects with ID type URI (Table A.5.1.2.4-1, a Defined Term of Table A.5.3.11-1).
    """
    m = "SECURITY_ALERT"
    entity = "ParticipantObjectIdentification"
    id_type = rfc3881_code(_id_type_value(m, "Alert subject"))
    rule = _rule(m, entity, "ParticipantObjectTypeCode", "Alert subject")
    objects = tuple(ParticipantObject(object_id=s, id_type=id_type,
                                      type_code=rule.values[0] if rule.values else "")
                    for s in subjects)
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_shall_be(m, "EventIdentification", "EventActionCode"),
        event_types=(event_type,), outcome_description=description,
        participants=(reporter.participant(True),
                      *(p.participant(False) for p in performers)),
        source=_source(source), objects=objects)


# ----------------------------------------------------------------------- A.5.3.12

def user_authentication(login: bool, user: Endpoint, *, source: AuditSource | str,
                        node: Endpoint | None = None, outcome: str = SUCCESS,
                        description: str = "", when: dt.datetime | None = None
                        ) -> AuditMessage:
    """User Authentication (PS3.15 A.5.3.12): ``user`` logged in or out (a DICOM User
    Identity negotiation, PS3.7 D.3.3.7, is a login), checked by ``node``."""
    m = "USER_AUTHENTICATION"
    kind = spec.LOGIN if login else spec.LOGOUT
    participants = [user.participant(True)]
    if node is not None:
        participants.append(node.participant(False))
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_shall_be(m, "EventIdentification", "EventActionCode"), event_types=(kind,),
        outcome_description=description, participants=tuple(participants),
        source=_source(source))


# ----------------------------------------------------------------------- A.5.3.2

def _people(people: Endpoint | Sequence[Endpoint], what: str, most: int | None = 2
            ) -> tuple[Endpoint, ...]:
    """The 1..``most`` (1..N for None) persons and/or processes of a participant row ("if
    both are known, then two active participants shall be included")."""
    found = (people,) if isinstance(people, Endpoint) else tuple(people)
    if not found or (most is not None and len(found) > most):
        raise AuditMessageError("ActiveParticipant", f"{what}: one to {most or 'N'} "
                                f"participants (the person and/or the process), not "
                                f"{len(found)}")
    return found


def _action(m: str, action: str) -> str:
    allowed = _rule(m, "EventIdentification", "EventActionCode").values
    if action not in allowed:
        raise AuditMessageError("EventActionCode", f"{action!r} is none of {allowed} "
                                f"(PS3.15 Table {spec.MESSAGES[m].table})")
    return action


def audit_log_used(accessors: Endpoint | Sequence[Endpoint], log_uri: str, *,
                   source: AuditSource | str, outcome: str = SUCCESS,
                   when: dt.datetime | None = None) -> AuditMessage:
    """Audit Log Used (PS3.15 A.5.3.2): ``accessors`` (the person and/or process) read the
    audit log at ``log_uri``; the first of them is the requestor."""
    m = "AUDIT_LOG_USED"
    entity = "ParticipantObjectIdentification"
    who = "Identity of the audit log"
    people = _people(accessors, "the person and/or process accessing the audit trail")
    log = ParticipantObject(
        object_id=log_uri, id_type=rfc3881_code(_id_type_value(m, who)),
        name=_shall_be(m, entity, "ParticipantObjectName", who),
        type_code=_shall_be(m, entity, "ParticipantObjectTypeCode", who),
        role=_shall_be(m, entity, "ParticipantObjectTypeCodeRole", who))
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_shall_be(m, "EventIdentification", "EventActionCode"),
        participants=tuple(p.participant(i == 0) for i, p in enumerate(people)),
        source=_source(source), objects=(log,))


# ----------------------------------------------------------------------- A.5.3.4, A.5.3.5

def _patients(m: str, patients: Sequence[Patient]) -> tuple[ParticipantObject, ...]:
    if not patients:
        raise AuditMessageError("ParticipantObjectIdentification",
                                f"{spec.MESSAGES[m].title} names one patient or more (1..N)")
    return tuple(p.participant(m, "Patients") for p in patients)


def _media_message(m: str, local: tuple[Endpoint, ...], local_row: str,
                   remote: Sequence[Endpoint], remote_row: str, media: Media, media_row: str,
                   media_role: AuditCode, requestor: str, names: tuple[str, str],
                   patients: Sequence[Patient], studies: Sequence[Study],
                   source: AuditSource | str, outcome: str, when: dt.datetime | None
                   ) -> AuditMessage:
    """Data Export and Data Import: the local and remote participants (the first of the one
    ``requestor`` names, ``names`` = (local word, remote word), is the requestor), the media,
    the studies and patients."""
    if requestor not in (*names, ""):
        raise AuditMessageError("UserIsRequestor", f"requestor {requestor!r}: "
                                f"{names[0]!r}, {names[1]!r} or ''")
    if requestor == names[1] and not remote:
        raise AuditMessageError("UserIsRequestor", f"the requestor is a {names[1]}, and "
                                "none is given")
    local_role = _rule(m, "ActiveParticipant", "RoleIDCode", local_row).codes
    remote_role = _rule(m, "ActiveParticipant", "RoleIDCode", remote_row).codes
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_shall_be(m, "EventIdentification", "EventActionCode"),
        participants=(
            *(p.participant(requestor == names[0] and i == 0, local_role)
              for i, p in enumerate(local)),
            *(p.participant(requestor == names[1] and i == 0, remote_role)
              for i, p in enumerate(remote)),
            media.participant(m, media_row, media_role)),
        source=_source(source),
        objects=(*(s.participant(m, "Studies") for s in studies), *_patients(m, patients)))


def data_export(exporters: Endpoint | Sequence[Endpoint], media: Media,
                patients: Sequence[Patient], *, source: AuditSource | str,
                studies: Sequence[Study] = (), recipients: Sequence[Endpoint] = (),
                requestor: str = "exporter", outcome: str = SUCCESS,
                when: dt.datetime | None = None) -> AuditMessage:
    """Data Export (PS3.15 A.5.3.4): ``exporters`` (the local person and/or process) wrote
    these patients' studies to ``media`` (a CD, a folder, a mail), for ``recipients``.

    ``requestor`` names who initiated the export (A.5.3.4.1): ``"exporter"`` (the first
    exporter), ``"recipient"`` (the first recipient) or ``""`` (not known).
    """
    local = _people(exporters, "the user and/or process exporting the data")
    return _media_message("DATA_EXPORT", local, "User and/or process exporting the data",
                          recipients, "Remote users and/or processes", media, "Media",
                          spec.DESTINATION_MEDIA, requestor, ("exporter", "recipient"),
                          patients, studies, source, outcome, when)


def data_import(importers: Endpoint | Sequence[Endpoint], media: Media,
                patients: Sequence[Patient], *, source: AuditSource | str,
                studies: Sequence[Study] = (), senders: Sequence[Endpoint] = (),
                requestor: str = "importer", outcome: str = SUCCESS,
                when: dt.datetime | None = None) -> AuditMessage:
    """Data Import (PS3.15 A.5.3.5): ``importers`` (the local persons and/or processes) read
    these patients' studies from ``media``, which ``senders`` made (the source, when known).

    ``requestor`` is ``"importer"`` (the first importer), ``"sender"`` or ``""``.
    """
    local = _people(importers, "the users and/or processes importing the data", most=None)
    return _media_message("DATA_IMPORT", local, "Users and/or processes importing the data",
                          senders, "Source", media, "Source Media", spec.SOURCE_MEDIA,
                          requestor, ("importer", "sender"), patients, studies, source,
                          outcome, when)


# ----------------------------------------------------------------------- A.5.3.6

def instances_accessed(accessors: Endpoint | Sequence[Endpoint], studies: Sequence[Study],
                       patient: Patient, *, action: str, source: AuditSource | str,
                       outcome: str = SUCCESS, when: dt.datetime | None = None
                       ) -> AuditMessage:
    """DICOM Instances Accessed (PS3.15 A.5.3.6): ``accessors`` created (``"C"``), read
    (``"R"``), updated (``"U"``) or deleted (``"D"``) instances of these studies of one
    patient, without transferring them (a viewer, a DICOMweb request served locally)."""
    m = "DICOM_INSTANCES_ACCESSED"
    if not studies:
        raise AuditMessageError("ParticipantObjectIdentification", "one study or more (1..N)")
    people = _people(accessors, "the person and/or process accessing the data")
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_action(m, action),
        participants=tuple(p.participant(i == 0) for i, p in enumerate(people)),
        source=_source(source),
        objects=(*(s.participant(m, "Studies") for s in studies), patient.participant(m)))


# ----------------------------------------------------------------------- A.5.3.13 - A.5.3.15

def _record(m: str, accessors: Endpoint | Sequence[Endpoint], patient: Patient, action: str,
            source: AuditSource | str, outcome: str, when: dt.datetime | None,
            studies: Sequence[Study] = ()) -> AuditMessage:
    people = _people(accessors, "the person and/or process accessing or manipulating the data")
    return AuditMessage(
        event_id=spec.MESSAGES[m].event_id, event_time=_now(when), outcome=outcome,
        action=_action(m, action),
        participants=tuple(p.participant(i == 0) for i, p in enumerate(people)),
        source=_source(source),
        objects=(*(s.participant(m, "Study") for s in studies), patient.participant(m)))


def order_record(accessors: Endpoint | Sequence[Endpoint], patient: Patient, *, action: str,
                 source: AuditSource | str, outcome: str = SUCCESS,
                 when: dt.datetime | None = None) -> AuditMessage:
    """Order Record (PS3.15 A.5.3.13): an order of ``patient`` created, read, updated or
    deleted (``action`` ``"C"``, ``"R"``, ``"U"``, ``"D"``), e.g. a worklist entry."""
    return _record("ORDER_RECORD", accessors, patient, action, source, outcome, when)


def patient_record(accessors: Endpoint | Sequence[Endpoint], patient: Patient, *,
                   action: str, source: AuditSource | str, outcome: str = SUCCESS,
                   when: dt.datetime | None = None) -> AuditMessage:
    """Patient Record (PS3.15 A.5.3.14): ``patient``'s record created, read, updated or
    deleted (``action`` ``"C"``, ``"R"``, ``"U"``, ``"D"``)."""
    return _record("PATIENT_RECORD", accessors, patient, action, source, outcome, when)


def procedure_record(accessors: Endpoint | Sequence[Endpoint], patient: Patient, *,
                     action: str, source: AuditSource | str, studies: Sequence[Study] = (),
                     outcome: str = SUCCESS, when: dt.datetime | None = None
                     ) -> AuditMessage:
    """Procedure Record (PS3.15 A.5.3.15): a procedure record of ``patient`` (and of these
    studies) created, read, updated or deleted: an MPPS or a UPS workitem, for example."""
    return _record("PROCEDURE_RECORD", accessors, patient, action, source, outcome, when,
                   studies)
