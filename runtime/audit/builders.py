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

__all__ = ["Endpoint", "Patient", "Study", "application_activity", "begin_transferring",
           "instances_transferred", "network_entry", "query", "security_alert",
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

    def participant(self, message: str) -> ParticipantObject:
        entity = "ParticipantObjectIdentification"
        return ParticipantObject(
            object_id=self.patient_id,
            id_type=rfc3881_code(_id_type_value(message, "Patient")),
            name=self.name or self.patient_id,
            type_code=_shall_be(message, entity, "ParticipantObjectTypeCode", "Patient"),
            role=_shall_be(message, entity, "ParticipantObjectTypeCodeRole", "Patient"))


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
