"""The DICOM audit message (PS3.15 A.5.1): its parts as frozen dataclasses, written as XML
per the schema of A.5.1.1 and as JSON, and read back from both.

Values are checked on construction against the schema's value sets (generated from PS3.15
2026c: ``dicomkit.generated.audit.VALUE_SETS``) and the general rules of A.5.2 (one requestor
at most, EventDateTime in UTC); what the schema requires is always written (every coded value
carries ``csd-code``, ``codeSystemName`` and ``originalText``; every participant object a
``ParticipantObjectName`` or a ``ParticipantObjectQuery``).

The JSON form has no standard of its own: it keeps the schema's element and attribute names
(``{"EventIdentification": {"EventID": {...}, "EventDateTime": ...}, ...}``), so that a line
of the JSON log says what the XML says, and :func:`from_json` reads it back.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

from dicomkit.audit.errors import AuditMessageError, AuditParseError
from dicomkit.generated.audit import VALUE_SETS, AuditCode

__all__ = ["ActiveParticipant", "AuditCode", "AuditMessage", "AuditSource", "ObjectDescription",
           "ParticipantObject", "SOPClassDescription", "from_json", "from_xml", "rfc3881_code"]

#: Characters XML 1.0 allows (XML 1.0 2.2 Char), less the C0 controls but tab, LF, CR.
_XML_TEXT = re.compile("^[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*$")
_TOKEN_SPACE = re.compile(r"[\t\n\r ]+")
_RFC3881 = "RFC-3881"


def _values(name: str) -> dict[str, str]:
    return dict(VALUE_SETS[name].values)


_ACTIONS = _values("EventActionCode")
_OUTCOMES = _values("EventOutcomeIndicator")
_OBJECT_TYPES = _values("ParticipantObjectTypeCode")
_OBJECT_ROLES = _values("ParticipantObjectTypeCodeRole")
_LIFE_CYCLES = _values("ParticipantObjectDataLifeCycle")
_ID_TYPES = _values("ParticipantObjectIDTypeCode")
_ACCESS_POINTS = _values("NetworkAccessPointTypeCode")
_SOURCE_TYPES = _values("AuditSourceTypeCode")


def rfc3881_code(value: str) -> AuditCode:
    """The ParticipantObjectIDTypeCode ``value`` of PS3.15 Table A.5.1.2.4-1 as a coded value
    (``"2"`` -> ``AuditCode("2", "RFC-3881", "Patient Number")``)."""
    if value not in _ID_TYPES:
        raise AuditMessageError("ParticipantObjectIDTypeCode",
                                f"{value!r} is none of {sorted(_ID_TYPES, key=int)} "
                                "(PS3.15 Table A.5.1.2.4-1)")
    return AuditCode(value, _RFC3881, _ID_TYPES[value])


def _text(where: str, value: str) -> None:
    if not isinstance(value, str):
        raise AuditMessageError(where, f"{value!r} is not text")
    if not _XML_TEXT.match(value):
        raise AuditMessageError(where, "has characters XML 1.0 cannot carry (control "
                                       "characters); encode such data in a "
                                       "ParticipantObjectDetail (base64)")


def _token(where: str, value: str) -> str:
    """An xsd:token: whitespace collapsed (its value space, XML Schema 2 3.3.2)."""
    _text(where, value)
    return _TOKEN_SPACE.sub(" ", value).strip(" ")


def _code(where: str, code: AuditCode) -> AuditCode:
    if not isinstance(code, tuple) or len(code) != 3:
        raise AuditMessageError(where, f"{code!r} is not an AuditCode")
    return AuditCode(_token(where + "@csd-code", code.code),
                     _token(where + "@codeSystemName", code.scheme),
                     _token(where + "@originalText", code.meaning))


def _one_of(where: str, value: str, allowed: Mapping[str, str], source: str) -> None:
    if value and value not in allowed:
        raise AuditMessageError(where, f"{value!r} is none of {list(allowed)} ({source})")


@dataclass(frozen=True)
class ActiveParticipant:
    """An ActiveParticipant (PS3.15 A.5.2): a user, process or node taking part.

    ``user_id`` is the process ID, user name or AE title as A.5.2.1 says; for a DICOM
    application ``alternative_user_id`` holds its AE titles (A.5.2.2, ``"AETITLES=A;B"``).
    ``network_access_point_type`` is a value of Table A.5.1.2.5-1 (``"1"`` machine name,
    ``"2"`` IP address).
    """

    user_id: str
    user_is_requestor: bool
    alternative_user_id: str = ""
    user_name: str = ""
    roles: tuple[AuditCode, ...] = ()
    network_access_point_id: str = ""
    network_access_point_type: str = ""
    media_type: AuditCode | None = None

    def __post_init__(self) -> None:
        _text("UserID", self.user_id)
        _text("AlternativeUserID", self.alternative_user_id)
        _text("UserName", self.user_name)
        object.__setattr__(self, "roles", tuple(_code("RoleIDCode", c) for c in self.roles))
        object.__setattr__(self, "network_access_point_id",
                           _token("NetworkAccessPointID", self.network_access_point_id))
        _one_of("NetworkAccessPointTypeCode", self.network_access_point_type, _ACCESS_POINTS,
                "PS3.15 Table A.5.1.2.5-1")
        if self.network_access_point_type and not self.network_access_point_id:
            raise AuditMessageError("NetworkAccessPointTypeCode",
                                    "given without a NetworkAccessPointID (PS3.15 A.5.2.4)")
        if self.media_type is not None:
            object.__setattr__(self, "media_type", _code("MediaType", self.media_type))


@dataclass(frozen=True)
class SOPClassDescription:
    """A SOPClass of a ParticipantObjectDescription: its UID, the number of instances and
    optionally their UIDs (PS3.15 A.5.1.1 ``DICOMObjectDescriptionContents``)."""

    uid: str
    number_of_instances: int
    instances: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "uid", _token("SOPClass@UID", self.uid))
        object.__setattr__(self, "instances",
                           tuple(_token("Instance@UID", u) for u in self.instances))
        if not isinstance(self.number_of_instances, int) or self.number_of_instances < 0:
            raise AuditMessageError("SOPClass@NumberOfInstances",
                                    f"{self.number_of_instances!r} is not a count")


@dataclass(frozen=True)
class ObjectDescription:
    """A ParticipantObjectDescription (PS3.15 A.5.1.1): MPPS UIDs, accession numbers, SOP
    classes with their instances, studies, encrypted and anonymized flags."""

    mpps: tuple[str, ...] = ()
    accessions: tuple[str, ...] = ()
    sop_classes: tuple[SOPClassDescription, ...] = ()
    studies: tuple[str, ...] = ()
    encrypted: bool | None = None
    anonymized: bool | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "mpps", tuple(_token("MPPS@UID", u) for u in self.mpps))
        object.__setattr__(self, "accessions",
                           tuple(_token("Accession@Number", u) for u in self.accessions))
        object.__setattr__(self, "studies", tuple(_token("StudyIDs@UID", u) for u in self.studies))


@dataclass(frozen=True)
class ParticipantObject:
    """A ParticipantObjectIdentification (PS3.15 A.5.2): a study, patient, query, node...

    ``id_type`` is a DCM code (``STUDY_INSTANCE_UID``) or an RFC 3881 one
    (:func:`rfc3881_code`); ``type_code``, ``role`` and ``life_cycle`` are values of the
    schema's value sets (``"2"`` System Object, ``"3"`` Report, ...).  The schema wants a
    ``name`` or a ``query``: without either, ``name`` is the ID.
    """

    object_id: str
    id_type: AuditCode
    name: str = ""
    query: bytes | None = None
    type_code: str = ""
    role: str = ""
    life_cycle: str = ""
    sensitivity: str = ""
    details: tuple[tuple[str, bytes], ...] = ()
    descriptions: tuple[ObjectDescription, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "object_id", _token("ParticipantObjectID", self.object_id))
        object.__setattr__(self, "id_type", _code("ParticipantObjectIDTypeCode", self.id_type))
        object.__setattr__(self, "name", _token("ParticipantObjectName", self.name))
        object.__setattr__(self, "sensitivity",
                           _token("ParticipantObjectSensitivity", self.sensitivity))
        if self.query is not None and not isinstance(self.query, bytes):
            raise AuditMessageError("ParticipantObjectQuery", "is not bytes")
        if self.query is not None and self.name:
            raise AuditMessageError("ParticipantObjectName", "given with a "
                                    "ParticipantObjectQuery: the schema takes one of them "
                                    "(PS3.15 A.5.1.1)")
        if self.query is None and not self.name:
            object.__setattr__(self, "name", self.object_id)
        _one_of("ParticipantObjectTypeCode", self.type_code, _OBJECT_TYPES, "PS3.15 A.5.1.1")
        _one_of("ParticipantObjectTypeCodeRole", self.role, _OBJECT_ROLES,
                "PS3.15 Table A.5.1.2.2-1")
        _one_of("ParticipantObjectDataLifeCycle", self.life_cycle, _LIFE_CYCLES,
                "PS3.15 Table A.5.1.2.3-1")
        details = []
        for kind, value in self.details:
            if not isinstance(value, bytes):
                raise AuditMessageError(f"ParticipantObjectDetail {kind!r}", "value is not bytes")
            details.append((_token("ParticipantObjectDetail@type", kind), value))
        object.__setattr__(self, "details", tuple(details))


@dataclass(frozen=True)
class AuditSource:
    """The AuditSourceIdentification: who detected the event (PS3.15 A.5.2).  ``type_codes``
    are values of Table A.5.1.2.1-1 (``"4"`` application server process)."""

    source_id: str
    enterprise_site_id: str = ""
    type_codes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_id", _token("AuditSourceID", self.source_id))
        object.__setattr__(self, "enterprise_site_id",
                           _token("AuditEnterpriseSiteID", self.enterprise_site_id))
        for code in self.type_codes:
            _one_of("AuditSourceTypeCode", code, _SOURCE_TYPES, "PS3.15 Table A.5.1.2.1-1")


def _utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise AuditMessageError("EventDateTime", "has no time zone; PS3.15 A.5.2.5 wants an "
                                "unambiguous time (give a UTC datetime)")
    return value.astimezone(dt.UTC)


@dataclass(frozen=True)
class AuditMessage:
    """A DICOM audit message (PS3.15 A.5.1): the event, the active participants, the audit
    source, the participant objects.

    ``outcome`` is the EventOutcomeIndicator (``"0"`` success, ``"4"`` minor, ``"8"``
    serious, ``"12"`` major failure); ``action`` the EventActionCode (``"C"``, ``"R"``,
    ``"U"``, ``"D"``, ``"E"``; ``""`` leaves it out).
    """

    event_id: AuditCode
    event_time: dt.datetime
    outcome: str
    participants: tuple[ActiveParticipant, ...]
    source: AuditSource
    objects: tuple[ParticipantObject, ...] = ()
    event_types: tuple[AuditCode, ...] = ()
    action: str = ""
    outcome_description: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "event_id", _code("EventID", self.event_id))
        object.__setattr__(self, "event_types",
                           tuple(_code("EventTypeCode", c) for c in self.event_types))
        object.__setattr__(self, "event_time", _utc(self.event_time))
        _one_of("EventActionCode", self.action, _ACTIONS, "PS3.15 A.5.1.1")
        if self.outcome not in _OUTCOMES:
            raise AuditMessageError("EventOutcomeIndicator",
                                    f"{self.outcome!r} is none of {list(_OUTCOMES)}")
        _text("EventOutcomeDescription", self.outcome_description)
        if not self.participants:
            raise AuditMessageError("ActiveParticipant", "a message has one or more "
                                    "(PS3.15 A.5.1.1)")
        if sum(p.user_is_requestor for p in self.participants) > 1:
            raise AuditMessageError("UserIsRequestor", "true for more than one participant; "
                                    "PS3.15 A.5.2: pick only one")

    # ------------------------------------------------------------------- XML
    def to_element(self) -> etree._Element:
        """The ``AuditMessage`` element."""
        root = etree.Element("AuditMessage")
        ev = etree.SubElement(root, "EventIdentification")
        if self.action:
            ev.set("EventActionCode", self.action)
        ev.set("EventDateTime", _format_time(self.event_time))
        ev.set("EventOutcomeIndicator", self.outcome)
        _coded(ev, "EventID", self.event_id)
        for c in self.event_types:
            _coded(ev, "EventTypeCode", c)
        if self.outcome_description:
            etree.SubElement(ev, "EventOutcomeDescription").text = self.outcome_description
        for p in self.participants:
            ap = etree.SubElement(root, "ActiveParticipant")
            ap.set("UserID", p.user_id)
            if p.alternative_user_id:
                ap.set("AlternativeUserID", p.alternative_user_id)
            if p.user_name:
                ap.set("UserName", p.user_name)
            ap.set("UserIsRequestor", "true" if p.user_is_requestor else "false")
            if p.network_access_point_id:
                ap.set("NetworkAccessPointID", p.network_access_point_id)
            if p.network_access_point_type:
                ap.set("NetworkAccessPointTypeCode", p.network_access_point_type)
            for c in p.roles:
                _coded(ap, "RoleIDCode", c)
            if p.media_type is not None:
                _coded(etree.SubElement(ap, "MediaIdentifier"), "MediaType", p.media_type)
        src = etree.SubElement(root, "AuditSourceIdentification")
        if self.source.enterprise_site_id:
            src.set("AuditEnterpriseSiteID", self.source.enterprise_site_id)
        src.set("AuditSourceID", self.source.source_id)
        for code in self.source.type_codes:
            etree.SubElement(src, "AuditSourceTypeCode").set("csd-code", code)
        for o in self.objects:
            po = etree.SubElement(root, "ParticipantObjectIdentification")
            po.set("ParticipantObjectID", o.object_id)
            if o.type_code:
                po.set("ParticipantObjectTypeCode", o.type_code)
            if o.role:
                po.set("ParticipantObjectTypeCodeRole", o.role)
            if o.life_cycle:
                po.set("ParticipantObjectDataLifeCycle", o.life_cycle)
            if o.sensitivity:
                po.set("ParticipantObjectSensitivity", o.sensitivity)
            _coded(po, "ParticipantObjectIDTypeCode", o.id_type)
            if o.query is not None:
                etree.SubElement(po, "ParticipantObjectQuery").text = _b64(o.query)
            else:
                etree.SubElement(po, "ParticipantObjectName").text = o.name
            for kind, value in o.details:
                d = etree.SubElement(po, "ParticipantObjectDetail")
                d.set("type", kind)
                d.set("value", _b64(value))
            for desc in o.descriptions:
                _description(etree.SubElement(po, "ParticipantObjectDescription"), desc)
        return root

    def to_xml(self, *, pretty: bool = False) -> bytes:
        """The message as an XML document in UTF-8 (PS3.15 A.5.1), on one line unless
        ``pretty`` (a line break in a text is then written as a character reference, so that
        one line of an XML log is one message)."""
        body = bytes(etree.tostring(self.to_element(), encoding="UTF-8", xml_declaration=False,
                                    pretty_print=pretty))
        if not pretty:
            body = body.replace(b"\n", b"&#10;")
        return b'<?xml version="1.0" encoding="UTF-8"?>' + (b"\n" if pretty else b"") + body

    # ------------------------------------------------------------------- JSON
    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the schema's element and attribute names, bytes in base64."""
        ev: dict[str, Any] = {"EventID": _code_dict(self.event_id),
                              "EventDateTime": _format_time(self.event_time),
                              "EventOutcomeIndicator": self.outcome}
        if self.action:
            ev["EventActionCode"] = self.action
        if self.event_types:
            ev["EventTypeCode"] = [_code_dict(c) for c in self.event_types]
        if self.outcome_description:
            ev["EventOutcomeDescription"] = self.outcome_description
        out: dict[str, Any] = {"EventIdentification": ev,
                               "ActiveParticipant": [_participant_dict(p)
                                                     for p in self.participants]}
        src: dict[str, Any] = {"AuditSourceID": self.source.source_id}
        if self.source.enterprise_site_id:
            src["AuditEnterpriseSiteID"] = self.source.enterprise_site_id
        if self.source.type_codes:
            src["AuditSourceTypeCode"] = list(self.source.type_codes)
        out["AuditSourceIdentification"] = src
        if self.objects:
            out["ParticipantObjectIdentification"] = [_object_dict(o) for o in self.objects]
        return out

    def to_json(self) -> str:
        """The JSON form on one line (keys sorted: one message, one text)."""
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":"))


# ----------------------------------------------------------------------- writing helpers

def _format_time(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _coded(parent: etree._Element, name: str, code: AuditCode) -> None:
    el = etree.SubElement(parent, name)
    el.set("csd-code", code.code)
    el.set("codeSystemName", code.scheme)
    el.set("originalText", code.meaning)


def _description(el: etree._Element, d: ObjectDescription) -> None:
    for uid in d.mpps:
        etree.SubElement(el, "MPPS").set("UID", uid)
    for number in d.accessions:
        etree.SubElement(el, "Accession").set("Number", number)
    for sc in d.sop_classes:
        s = etree.SubElement(el, "SOPClass")
        s.set("UID", sc.uid)
        s.set("NumberOfInstances", str(sc.number_of_instances))
        for uid in sc.instances:
            etree.SubElement(s, "Instance").set("UID", uid)
    if d.studies:
        contains = etree.SubElement(el, "ParticipantObjectContainsStudy")
        for uid in d.studies:
            etree.SubElement(contains, "StudyIDs").set("UID", uid)
    if d.encrypted is not None:
        etree.SubElement(el, "Encrypted").text = "true" if d.encrypted else "false"
    if d.anonymized is not None:
        etree.SubElement(el, "Anonymized").text = "true" if d.anonymized else "false"


def _code_dict(c: AuditCode) -> dict[str, str]:
    return {"csd-code": c.code, "codeSystemName": c.scheme, "originalText": c.meaning}


def _participant_dict(p: ActiveParticipant) -> dict[str, Any]:
    d: dict[str, Any] = {"UserID": p.user_id, "UserIsRequestor": p.user_is_requestor}
    for key, value in (("AlternativeUserID", p.alternative_user_id), ("UserName", p.user_name),
                       ("NetworkAccessPointID", p.network_access_point_id),
                       ("NetworkAccessPointTypeCode", p.network_access_point_type)):
        if value:
            d[key] = value
    if p.roles:
        d["RoleIDCode"] = [_code_dict(c) for c in p.roles]
    if p.media_type is not None:
        d["MediaIdentifier"] = {"MediaType": _code_dict(p.media_type)}
    return d


def _description_dict(desc: ObjectDescription) -> dict[str, Any]:
    d: dict[str, Any] = {}
    if desc.mpps:
        d["MPPS"] = list(desc.mpps)
    if desc.accessions:
        d["Accession"] = list(desc.accessions)
    if desc.sop_classes:
        d["SOPClass"] = [{"UID": s.uid, "NumberOfInstances": s.number_of_instances,
                          **({"Instance": list(s.instances)} if s.instances else {})}
                         for s in desc.sop_classes]
    if desc.studies:
        d["ParticipantObjectContainsStudy"] = list(desc.studies)
    if desc.encrypted is not None:
        d["Encrypted"] = desc.encrypted
    if desc.anonymized is not None:
        d["Anonymized"] = desc.anonymized
    return d


def _object_dict(o: ParticipantObject) -> dict[str, Any]:
    d: dict[str, Any] = {"ParticipantObjectID": o.object_id,
                         "ParticipantObjectIDTypeCode": _code_dict(o.id_type)}
    if o.query is not None:
        d["ParticipantObjectQuery"] = _b64(o.query)
    else:
        d["ParticipantObjectName"] = o.name
    for key, value in (("ParticipantObjectTypeCode", o.type_code),
                       ("ParticipantObjectTypeCodeRole", o.role),
                       ("ParticipantObjectDataLifeCycle", o.life_cycle),
                       ("ParticipantObjectSensitivity", o.sensitivity)):
        if value:
            d[key] = value
    if o.details:
        d["ParticipantObjectDetail"] = [{"type": k, "value": _b64(v)} for k, v in o.details]
    if o.descriptions:
        d["ParticipantObjectDescription"] = [_description_dict(x) for x in o.descriptions]
    return d


# ----------------------------------------------------------------------- reading

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          remove_blank_text=True, load_dtd=False)


class _Reader:
    """Reads the JSON-shaped dictionary of a message (from JSON, or built from the XML)."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> AuditParseError:
        return AuditParseError(message, source=self.source, where=where)

    def get(self, d: Any, key: str, where: str, kind: type | tuple[type, ...] = str,
            default: Any = ...) -> Any:
        if not isinstance(d, dict):
            raise self.fail(where, "is not an object")
        if key not in d:
            if default is ...:
                raise self.fail(where, f"has no {key}")
            return default
        value = d[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"{where}/{key}", f"{value!r} is not of the expected type")
        return value

    def items(self, d: Any, key: str, where: str) -> Iterator[tuple[str, Any]]:
        value = self.get(d, key, where, list, [])
        for i, item in enumerate(value, 1):
            yield f"{where}/{key}[{i}]", item

    def code(self, d: Any, where: str) -> AuditCode:
        return AuditCode(self.get(d, "csd-code", where), self.get(d, "codeSystemName", where),
                         self.get(d, "originalText", where))

    def b64(self, value: str, where: str) -> bytes:
        try:
            return base64.b64decode(value.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
            raise self.fail(where, f"not base64 ({exc})") from None

    def message(self, d: Any) -> AuditMessage:
        ev = self.get(d, "EventIdentification", "AuditMessage", dict)
        w = "AuditMessage/EventIdentification"
        when = self.get(ev, "EventDateTime", w)
        try:
            time = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
        except ValueError:
            raise self.fail(w + "/EventDateTime", f"{when!r} is not an xsd:dateTime") from None
        if time.tzinfo is None:
            raise self.fail(w + "/EventDateTime", "has no time zone")
        participants = []
        for pw, p in self.items(d, "ActiveParticipant", "AuditMessage"):
            media = self.get(p, "MediaIdentifier", pw, dict, None)
            participants.append(ActiveParticipant(
                user_id=self.get(p, "UserID", pw),
                user_is_requestor=self.get(p, "UserIsRequestor", pw, bool),
                alternative_user_id=self.get(p, "AlternativeUserID", pw, str, ""),
                user_name=self.get(p, "UserName", pw, str, ""),
                roles=tuple(self.code(c, cw) for cw, c in self.items(p, "RoleIDCode", pw)),
                network_access_point_id=self.get(p, "NetworkAccessPointID", pw, str, ""),
                network_access_point_type=self.get(p, "NetworkAccessPointTypeCode", pw, str, ""),
                media_type=None if media is None else self.code(
                    self.get(media, "MediaType", pw + "/MediaIdentifier", dict), pw)))
        sw = "AuditMessage/AuditSourceIdentification"
        src = self.get(d, "AuditSourceIdentification", "AuditMessage", dict)
        source = AuditSource(self.get(src, "AuditSourceID", sw),
                             self.get(src, "AuditEnterpriseSiteID", sw, str, ""),
                             tuple(self.get(src, "AuditSourceTypeCode", sw, list, [])))
        if not all(isinstance(c, str) for c in source.type_codes):
            raise self.fail(sw, "AuditSourceTypeCode is not a list of codes")
        objects = [self.participant_object(ow, o) for ow, o in
                   self.items(d, "ParticipantObjectIdentification", "AuditMessage")]
        return AuditMessage(
            event_id=self.code(self.get(ev, "EventID", w, dict), w + "/EventID"),
            event_time=time,
            outcome=self.get(ev, "EventOutcomeIndicator", w),
            participants=tuple(participants),
            source=source,
            objects=tuple(objects),
            event_types=tuple(self.code(c, cw) for cw, c in self.items(ev, "EventTypeCode", w)),
            action=self.get(ev, "EventActionCode", w, str, ""),
            outcome_description=self.get(ev, "EventOutcomeDescription", w, str, ""))

    def participant_object(self, w: str, o: Any) -> ParticipantObject:
        query = self.get(o, "ParticipantObjectQuery", w, str, None)
        details = tuple((self.get(x, "type", xw), self.b64(self.get(x, "value", xw), xw))
                        for xw, x in self.items(o, "ParticipantObjectDetail", w))
        descriptions = []
        for dw, x in self.items(o, "ParticipantObjectDescription", w):
            sop_classes = tuple(
                SOPClassDescription(self.get(s, "UID", sw), self.get(s, "NumberOfInstances", sw,
                                                                     int),
                                    tuple(self.strings(s, "Instance", sw)))
                for sw, s in self.items(x, "SOPClass", dw))
            descriptions.append(ObjectDescription(
                mpps=tuple(self.strings(x, "MPPS", dw)),
                accessions=tuple(self.strings(x, "Accession", dw)),
                sop_classes=sop_classes,
                studies=tuple(self.strings(x, "ParticipantObjectContainsStudy", dw)),
                encrypted=self.get(x, "Encrypted", dw, bool, None),
                anonymized=self.get(x, "Anonymized", dw, bool, None)))
        return ParticipantObject(
            object_id=self.get(o, "ParticipantObjectID", w),
            id_type=self.code(self.get(o, "ParticipantObjectIDTypeCode", w, dict), w),
            name=self.get(o, "ParticipantObjectName", w, str, ""),
            query=None if query is None else self.b64(query, w + "/ParticipantObjectQuery"),
            type_code=self.get(o, "ParticipantObjectTypeCode", w, str, ""),
            role=self.get(o, "ParticipantObjectTypeCodeRole", w, str, ""),
            life_cycle=self.get(o, "ParticipantObjectDataLifeCycle", w, str, ""),
            sensitivity=self.get(o, "ParticipantObjectSensitivity", w, str, ""),
            details=details, descriptions=tuple(descriptions))

    def strings(self, d: Any, key: str, where: str) -> list[str]:
        out = []
        for iw, item in self.items(d, key, where):
            if not isinstance(item, str):
                raise self.fail(iw, f"{item!r} is not text")
            out.append(item)
        return out


def _build(reader: _Reader, d: Any) -> AuditMessage:
    try:
        return reader.message(d)
    except AuditMessageError as exc:
        raise AuditParseError(str(exc), source=reader.source, where=exc.field) from None


def from_json(text: str | bytes, *, source: str = "<json>") -> AuditMessage:
    """A message from its JSON form (:meth:`AuditMessage.to_json`).

    Raises
    ------
    AuditParseError
        Not JSON, or not a message (the key path named).
    """
    try:
        d = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise AuditParseError(f"not JSON ({exc})", source=source) from None
    return _build(_Reader(source), d)


def _xml_dict(root: etree._Element, reader: _Reader) -> dict[str, Any]:
    """The XML of a message as the JSON-shaped dictionary :class:`_Reader` reads."""
    if root.tag != "AuditMessage":
        raise reader.fail("", f"root element is {root.tag!r}, not AuditMessage")

    def code(el: etree._Element) -> dict[str, str]:
        return {k: v for k, v in el.attrib.items()}

    def boolean(text: str | None, where: str) -> bool:
        value = (text or "").strip()
        if value in ("true", "1"):
            return True
        if value in ("false", "0"):
            return False
        raise reader.fail(where, f"{value!r} is not an xsd:boolean")

    out: dict[str, Any] = {"ActiveParticipant": [], "ParticipantObjectIdentification": []}
    for child in root:
        if not isinstance(child.tag, str):
            continue
        w = f"AuditMessage/{child.tag}"
        attrs: dict[str, Any] = dict(child.attrib)
        if child.tag == "EventIdentification":
            for sub in child:
                if sub.tag == "EventID":
                    attrs["EventID"] = code(sub)
                elif sub.tag == "EventTypeCode":
                    attrs.setdefault("EventTypeCode", []).append(code(sub))
                elif sub.tag == "EventOutcomeDescription":
                    attrs["EventOutcomeDescription"] = sub.text or ""
            out["EventIdentification"] = attrs
        elif child.tag == "ActiveParticipant":
            attrs["UserIsRequestor"] = boolean(attrs.get("UserIsRequestor"), w)
            for sub in child:
                if sub.tag == "RoleIDCode":
                    attrs.setdefault("RoleIDCode", []).append(code(sub))
                elif sub.tag == "MediaIdentifier":
                    media = sub.find("MediaType")
                    if media is None:
                        raise reader.fail(w + "/MediaIdentifier", "has no MediaType")
                    attrs["MediaIdentifier"] = {"MediaType": code(media)}
            out["ActiveParticipant"].append(attrs)
        elif child.tag == "AuditSourceIdentification":
            attrs["AuditSourceTypeCode"] = [
                sub.get("csd-code", "") for sub in child if sub.tag == "AuditSourceTypeCode"]
            out["AuditSourceIdentification"] = attrs
        elif child.tag == "ParticipantObjectIdentification":
            for sub in child:
                if sub.tag == "ParticipantObjectIDTypeCode":
                    attrs["ParticipantObjectIDTypeCode"] = code(sub)
                elif sub.tag in ("ParticipantObjectName", "ParticipantObjectQuery"):
                    attrs[sub.tag] = sub.text or ""
                elif sub.tag == "ParticipantObjectDetail":
                    attrs.setdefault("ParticipantObjectDetail", []).append(dict(sub.attrib))
                elif sub.tag == "ParticipantObjectDescription":
                    attrs.setdefault("ParticipantObjectDescription", []).append(
                        _xml_description(sub, w, reader, boolean))
            out["ParticipantObjectIdentification"].append(attrs)
        else:
            raise reader.fail(w, "is no element of an AuditMessage (PS3.15 A.5.1.1)")
    return out


def _xml_description(el: etree._Element, where: str, reader: _Reader,
                     boolean: Any) -> dict[str, Any]:
    d: dict[str, Any] = {}
    for sub in el:
        if sub.tag == "MPPS":
            d.setdefault("MPPS", []).append(sub.get("UID", ""))
        elif sub.tag == "Accession":
            d.setdefault("Accession", []).append(sub.get("Number", ""))
        elif sub.tag == "SOPClass":
            n = sub.get("NumberOfInstances", "")
            try:
                count = int(n)
            except ValueError:
                raise reader.fail(where + "/SOPClass", f"NumberOfInstances {n!r}") from None
            d.setdefault("SOPClass", []).append({
                "UID": sub.get("UID", ""), "NumberOfInstances": count,
                "Instance": [i.get("UID", "") for i in sub if i.tag == "Instance"]})
        elif sub.tag == "ParticipantObjectContainsStudy":
            d["ParticipantObjectContainsStudy"] = [s.get("UID", "") for s in sub
                                                   if s.tag == "StudyIDs"]
        elif sub.tag in ("Encrypted", "Anonymized"):
            d[sub.tag] = boolean(sub.text, where + "/" + sub.tag)
    return d


def from_xml(data: bytes, *, source: str = "<xml>") -> AuditMessage:
    """A message from its XML (PS3.15 A.5.1).  External entities and DTDs are never loaded.

    Raises
    ------
    AuditParseError
        Not well-formed XML, or not an audit message (the element path named).
    """
    reader = _Reader(source)
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise AuditParseError(f"not well-formed XML ({exc})", source=source) from None
    if root is None:
        raise AuditParseError("empty document", source=source)
    return _build(reader, _xml_dict(root, reader))
