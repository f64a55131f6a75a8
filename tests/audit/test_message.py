"""DICOM audit messages (PS3.15 A.5): every builder's message validates against the schema of
A.5.1.1 (generated from PS3.15 2026c) and carries what its table of A.5.3 makes mandatory;
random messages validate and survive XML and JSON; bad values and bad input are refused with
the library's own errors."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from dicomkit.audit import builders as b
from dicomkit.audit.errors import AuditMessageError, AuditParseError
from dicomkit.audit.message import (
    ActiveParticipant,
    AuditMessage,
    AuditSource,
    ObjectDescription,
    ParticipantObject,
    SOPClassDescription,
    from_json,
    from_xml,
    rfc3881_code,
)
from dicomkit.errors import DicomError
from dicomkit.generated import audit
from dicomkit.generated import uids as U
from tests.audit.schema import assert_valid

ME = b.Endpoint.local("DICOMKIT", "127.0.0.1")
PEER = b.Endpoint.remote("STORESCP", "192.0.2.1", 11112)
STUDY = b.Study("1.2.3.4", {U.CTImageStorage: ["1.2.3.4.1", "1.2.3.4.2"], U.MRImageStorage: ["1.2.3.4.3"]},
                accessions=("ACC1",))
PATIENT = b.Patient("PID-1", "DOE^JANE")
WHEN = dt.datetime(2026, 12, 3, 12, 0, 0, 123456, tzinfo=dt.UTC)


def every_builder() -> dict[str, AuditMessage]:
    return {
        "APPLICATION_ACTIVITY": b.application_activity(
            True, ME, source="DICOMKIT", launchers=[b.Endpoint("root@host")], when=WHEN),
        "NETWORK_ENTRY": b.network_entry(False, ME, source="DICOMKIT", when=WHEN),
        "BEGIN_TRANSFERRING_DICOM_INSTANCES": b.begin_transferring(
            ME, PEER, [STUDY], PATIENT, source="DICOMKIT", requestor="sender", when=WHEN),
        "DICOM_INSTANCES_TRANSFERRED": b.instances_transferred(
            PEER, ME, [STUDY], PATIENT, source="DICOMKIT", requestor="sender", action="C",
            when=WHEN),
        "DICOM_STUDY_DELETED": b.study_deleted(ME, [STUDY], PATIENT, source="DICOMKIT",
                                               when=WHEN),
        "QUERY": b.query(PEER, ME, U.StudyRootQueryRetrieveInformationModelFind,
                         b"\x08\x00\x52\x00\x06\x00STUDY ", U.ImplicitVRLittleEndian,
                         source="DICOMKIT", when=WHEN),
        "SECURITY_ALERT": b.security_alert(b.security_alert_type("110126"), ME,
                                           source="DICOMKIT", subjects=["dicom://192.0.2.1:104"],
                                           performers=[PEER], description="bad certificate\nchain",
                                           when=WHEN),
        "USER_AUTHENTICATION": b.user_authentication(False, b.Endpoint("alice@example.org"),
                                                     source="DICOMKIT", node=ME, when=WHEN),
        "AUDIT_LOG_USED": b.audit_log_used([b.Endpoint("alice@example.org"), ME],
                                           "file:///var/log/dicomkit/audit.xml",
                                           source="DICOMKIT", when=WHEN),
        "DATA_EXPORT": b.data_export(ME, b.Media("VOL-0001", audit.CD), [PATIENT], studies=[STUDY],
                                     recipients=[b.Endpoint("bob@example.org")], source="DICOMKIT",
                                     when=WHEN),
        "DATA_IMPORT": b.data_import([ME], b.Media("file:///media/usb0", audit.USB_DISK_EMULATION),
                                     [PATIENT, b.Patient("PID-2")], studies=[STUDY],
                                     senders=[b.Endpoint("HOSPITAL-B")], source="DICOMKIT",
                                     when=WHEN),
        "DICOM_INSTANCES_ACCESSED": b.instances_accessed(ME, [STUDY], PATIENT, action="R",
                                                         source="DICOMKIT", when=WHEN),
        "ORDER_RECORD": b.order_record(ME, PATIENT, action="C", source="DICOMKIT", when=WHEN),
        "PATIENT_RECORD": b.patient_record([b.Endpoint("alice@example.org"), ME], PATIENT,
                                           action="U", source="DICOMKIT", when=WHEN),
        "PROCEDURE_RECORD": b.procedure_record(ME, PATIENT, action="U", studies=[STUDY],
                                               source="DICOMKIT", when=WHEN),
    }


def test_every_message_of_a_5_3_has_a_builder() -> None:
    assert sorted(every_builder()) == sorted(audit.MESSAGES)


def test_export_and_import_media_carry_their_role_and_type_from_the_context_groups() -> None:
    """PS3.15 Tables A.5.3.4-1 and A.5.3.5-1: the media participant is never the requestor,
    its RoleIDCode is from CID 402 (Destination Media for an export, Source Media for an
    import) and its MediaType from CID 405 inside MediaIdentifier."""
    msgs = every_builder()
    export = msgs["DATA_EXPORT"].participants[-1]
    imported = msgs["DATA_IMPORT"].participants[-1]
    assert (export.user_id, export.roles, export.media_type, export.user_is_requestor) == (
        "VOL-0001", (audit.DESTINATION_MEDIA,), audit.CD, False)
    assert imported.roles == (audit.SOURCE_MEDIA,) and not imported.user_is_requestor
    assert audit.CD in audit.CONTEXT_GROUP_CODES[405]
    assert b.media_type("110037") == audit.URI
    assert b"<MediaIdentifier><MediaType" in msgs["DATA_EXPORT"].to_xml()
    # the exporter is the requestor and has the Source Role ID, the recipient the Destination
    exporter, recipient = msgs["DATA_EXPORT"].participants[:2]
    assert exporter.user_is_requestor and exporter.roles == (audit.SOURCE_ROLE_ID,)
    assert not recipient.user_is_requestor and recipient.roles == (audit.DESTINATION_ROLE_ID,)
    # Table A.5.3.4-1: ParticipantObjectName of the patients is mandatory (the ID without one)
    assert [o.name for o in msgs["DATA_IMPORT"].objects[-2:]] == ["DOE^JANE", "PID-2"]


def test_audit_log_used_names_the_log_as_the_table_says() -> None:
    obj = every_builder()["AUDIT_LOG_USED"].objects[0]
    assert (obj.object_id, obj.name, obj.type_code, obj.role, obj.id_type.code) == (
        "file:///var/log/dicomkit/audit.xml", "Security Audit Log", "2", "13", "12")


@pytest.mark.parametrize("keyword", sorted(every_builder()))
def test_each_builder_validates_against_the_ps3_15_schema_and_round_trips(keyword: str) -> None:
    msg = every_builder()[keyword]
    xml = msg.to_xml()
    assert b"\n" not in xml  # one message, one line
    assert_valid(xml)
    assert_valid(msg.to_xml(pretty=True))
    assert from_xml(xml) == msg
    assert from_json(msg.to_json()) == msg


@pytest.mark.parametrize("keyword", sorted(every_builder()))
def test_each_builder_fills_what_its_a_5_3_table_makes_mandatory(keyword: str) -> None:
    """The Event ID, the EventActionCode ("Shall be"), the EventTypeCode and every mandatory
    RoleIDCode / ParticipantObjectIDTypeCode with Enumerated Values (EV) of its table."""
    msg = every_builder()[keyword]
    kind = audit.MESSAGES[keyword]
    assert msg.event_id == kind.event_id
    assert audit.message_of_event(msg.event_id) is kind
    for rule in kind.rules:
        if rule.entity == "EventIdentification" and rule.name == "EventActionCode" and rule.values:
            assert msg.action in rule.values
        if rule.entity == "EventIdentification" and rule.name == "EventTypeCode" and rule.usage == "M":
            assert msg.event_types, rule
            if rule.codes:
                assert set(msg.event_types) <= set(rule.codes)
            if rule.cid:
                assert all(c.scheme == "DCM" for c in msg.event_types)
        if rule.entity == "ActiveParticipant" and rule.name == "RoleIDCode" and rule.usage == "M" \
                and rule.codes and not rule.codes_defined and not rule.cardinality.startswith("0"):
            assert any(set(rule.codes) <= set(p.roles) for p in msg.participants), rule
        if rule.entity == "ParticipantObjectIdentification" and rule.name == "ParticipantObjectIDTypeCode" \
                and rule.codes and not rule.cardinality.startswith("0"):
            assert any(o.id_type in rule.codes for o in msg.objects), rule


def test_instances_transferred_describes_sop_classes_instances_and_the_patient() -> None:
    msg = every_builder()["DICOM_INSTANCES_TRANSFERRED"]
    root = etree.fromstring(msg.to_xml())
    study, patient = root.findall("ParticipantObjectIdentification")
    assert study.get("ParticipantObjectID") == "1.2.3.4"
    assert study.get("ParticipantObjectTypeCodeRole") == "3"  # Report, Table A.5.3.7-1
    counts = {s.get("UID"): s.get("NumberOfInstances") for s in study.iter("SOPClass")}
    assert counts == {U.CTImageStorage: "2", U.MRImageStorage: "1"}
    assert [a.get("Number") for a in study.iter("Accession")] == ["ACC1"]
    id_type = patient.find("ParticipantObjectIDTypeCode")
    assert (id_type.get("csd-code"), id_type.get("codeSystemName")) == ("2", "RFC-3881")
    assert patient.findtext("ParticipantObjectName") == "DOE^JANE"
    requestors = [p.get("UserIsRequestor") for p in root.findall("ActiveParticipant")]
    assert requestors == ["true", "false"]


def test_query_carries_the_identifier_in_base64_and_its_transfer_syntax() -> None:
    msg = every_builder()["QUERY"]
    root = etree.fromstring(msg.to_xml())
    obj = root.find("ParticipantObjectIdentification")
    assert obj.findtext("ParticipantObjectQuery") == "CABSAAYAU1RVRFkg"
    detail = obj.find("ParticipantObjectDetail")
    assert detail.get("type") == "TransferSyntax"
    assert detail.get("value") == "MS4yLjg0MC4xMDAwOC4xLjI="  # base64 of 1.2.840.10008.1.2
    assert (obj.get("ParticipantObjectTypeCode"), obj.get("ParticipantObjectTypeCodeRole")) == ("2", "3")


def test_security_alert_types_come_from_cid_403() -> None:
    assert b.security_alert_type("110126").meaning == "Node Authentication"
    with pytest.raises(AuditMessageError, match="CID 403"):
        b.security_alert_type("110100")


def test_event_time_is_written_in_utc_with_the_zone() -> None:
    local = dt.datetime(2026, 12, 3, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    msg = b.network_entry(True, ME, source="X", when=local)
    root = etree.fromstring(msg.to_xml())
    assert root.find("EventIdentification").get("EventDateTime") == "2026-12-03T12:00:00.000000Z"


@pytest.mark.parametrize(("make", "field"), [
    (lambda: b.network_entry(True, ME, source="X", outcome="3"), "EventOutcomeIndicator"),
    (lambda: b.network_entry(True, ME, source="X", when=dt.datetime(2026, 1, 1)), "EventDateTime"),
    (lambda: AuditMessage(audit.QUERY, WHEN, "0", (ActiveParticipant("a", True), ActiveParticipant("b", True)),
                          AuditSource("X")), "UserIsRequestor"),
    (lambda: AuditMessage(audit.QUERY, WHEN, "0", (), AuditSource("X")), "ActiveParticipant"),
    (lambda: ActiveParticipant("bell\x07", False), "UserID"),
    (lambda: ActiveParticipant("a", False, network_access_point_type="9", network_access_point_id="h"),
     "NetworkAccessPointTypeCode"),
    (lambda: ParticipantObject("x", audit.QUERY, name="n", query=b"q"), "ParticipantObjectName"),
    (lambda: ParticipantObject("x", audit.QUERY, role="99"), "ParticipantObjectTypeCodeRole"),
    (lambda: rfc3881_code("13"), "ParticipantObjectIDTypeCode"),
    (lambda: b.instances_transferred(ME, PEER, [STUDY], PATIENT, source="X", action="D"), "EventActionCode"),
    (lambda: b.instances_transferred(ME, PEER, [], PATIENT, source="X"), "ParticipantObjectIdentification"),
    (lambda: b.Media("VOL-1"), "MediaType"),
    (lambda: b.Media("", audit.CD), "UserID"),
    (lambda: b.media_type("110099"), "MediaType"),
    (lambda: b.data_export(ME, b.Media("V", audit.CD), [], source="X"), "ParticipantObjectIdentification"),
    (lambda: b.data_export(ME, b.Media("V", audit.CD), [PATIENT], source="X", requestor="recipient"),
     "UserIsRequestor"),
    (lambda: b.data_export([ME, ME, ME], b.Media("V", audit.CD), [PATIENT], source="X"), "ActiveParticipant"),
    (lambda: b.data_import([], b.Media("V", audit.CD), [PATIENT], source="X"), "ActiveParticipant"),
    (lambda: b.data_import(ME, b.Media("V", audit.CD), [PATIENT], source="X", requestor="me"),
     "UserIsRequestor"),
    (lambda: b.instances_accessed(ME, [STUDY], PATIENT, action="E", source="X"), "EventActionCode"),
    (lambda: b.instances_accessed(ME, [], PATIENT, action="R", source="X"), "ParticipantObjectIdentification"),
    (lambda: b.procedure_record(ME, PATIENT, action="X", source="X"), "EventActionCode"),
])
def test_values_the_standard_does_not_allow_are_refused_naming_the_field(make: object, field: str) -> None:
    with pytest.raises(AuditMessageError) as info:
        make()  # type: ignore[operator]
    assert info.value.field.startswith(field)
    assert isinstance(info.value, DicomError)


# ----------------------------------------------------------------------- properties

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)
_token = _text.map(lambda s: " ".join(s.split()))
_uid = st.lists(st.integers(0, 99999), min_size=2, max_size=6).map(lambda p: ".".join(map(str, p)))
_code = st.builds(audit.AuditCode, _token.filter(bool), _token.filter(bool), _token)
_when = st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1),
                     timezones=st.just(dt.UTC))


def _choice(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from(["", *[v for v, _ in audit.VALUE_SETS[name].values]])


_participant = st.builds(
    ActiveParticipant, _text, st.just(False), _text, _text, st.lists(_code, max_size=2).map(tuple),
    _token.filter(bool), _choice("NetworkAccessPointTypeCode"), st.none() | _code)
_description = st.builds(
    ObjectDescription, st.lists(_uid, max_size=2).map(tuple), st.lists(_token, max_size=2).map(tuple),
    st.lists(st.builds(SOPClassDescription, _uid, st.integers(0, 10**6),
                       st.lists(_uid, max_size=3).map(tuple)), max_size=2).map(tuple),
    st.lists(_uid, max_size=2).map(tuple), st.none() | st.booleans(), st.none() | st.booleans())
@st.composite
def _object(draw: st.DrawFn) -> ParticipantObject:
    # the schema takes a name or a query, not both (PS3.15 A.5.1.1)
    query = draw(st.none() | st.binary(max_size=40))
    return ParticipantObject(
        draw(_token), draw(_code), "" if query is not None else draw(_token), query,
        draw(_choice("ParticipantObjectTypeCode")), draw(_choice("ParticipantObjectTypeCodeRole")),
        draw(_choice("ParticipantObjectDataLifeCycle")), draw(_token),
        tuple(draw(st.lists(st.tuples(_token, st.binary(max_size=20)), max_size=2))),
        tuple(draw(st.lists(_description, max_size=2))))


@st.composite
def messages(draw: st.DrawFn) -> AuditMessage:
    participants = draw(st.lists(_participant, min_size=1, max_size=3))
    requestor = draw(st.integers(-1, len(participants) - 1))
    if requestor >= 0:
        p = participants[requestor]
        participants[requestor] = ActiveParticipant(
            p.user_id, True, p.alternative_user_id, p.user_name, p.roles, p.network_access_point_id,
            p.network_access_point_type, p.media_type)
    return AuditMessage(
        event_id=draw(_code), event_time=draw(_when),
        outcome=draw(st.sampled_from([v for v, _ in audit.VALUE_SETS["EventOutcomeIndicator"].values])),
        participants=tuple(participants),
        source=AuditSource(draw(_token), draw(_token),
                           tuple(draw(st.lists(st.sampled_from(
                               [v for v, _ in audit.VALUE_SETS["AuditSourceTypeCode"].values]), max_size=2)))),
        objects=tuple(draw(st.lists(_object(), max_size=3))),
        event_types=tuple(draw(st.lists(_code, max_size=2))),
        action=draw(_choice("EventActionCode")), outcome_description=draw(_text))


@settings(max_examples=150, deadline=None)
@given(messages())
def test_random_messages_validate_and_survive_xml_and_json(msg: AuditMessage) -> None:
    xml = msg.to_xml()
    assert_valid(xml)
    assert from_xml(xml) == msg
    assert from_json(msg.to_json()) == msg


# ----------------------------------------------------------------------- bad input

def _mutations(data: bytes, rng: random.Random, n: int) -> list[bytes]:
    out = []
    for _ in range(n):
        b_ = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            op = rng.random()
            i = rng.randrange(len(b_)) if b_ else 0
            if op < 0.4 and b_:
                b_[i] = rng.randrange(256)
            elif op < 0.7 and b_:
                del b_[i:i + rng.randint(1, 40)]
            else:
                b_[i:i] = rng.choice([b"<", b">", b'"', b"&amp;", b"\x00", b"<X/>", b"\xff\xfe"])
        out.append(bytes(b_))
    return out


def test_mutated_and_random_xml_raises_only_audit_parse_errors() -> None:
    rng = random.Random(15)
    corpus = [m.to_xml() for m in every_builder().values()]
    inputs = [rng.randbytes(rng.randint(0, 300)) for _ in range(200)]
    for xml in corpus:
        inputs += _mutations(xml, rng, 150)
    inputs += [b"", b"<AuditMessage/>", b"<Other/>", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
               b"<AuditMessage>&e;</AuditMessage>"]
    for data in inputs:
        try:
            msg = from_xml(data)
        except AuditParseError:
            continue
        assert_valid(msg.to_xml())  # what was accepted is a message


def test_mutated_and_random_json_raises_only_audit_parse_errors() -> None:
    rng = random.Random(16)
    inputs: list[bytes] = [rng.randbytes(rng.randint(0, 200)) for _ in range(200)]
    for m in every_builder().values():
        inputs += _mutations(m.to_json().encode(), rng, 150)
    inputs += [b"[]", b"{}", b'{"EventIdentification": 1}', b"null", b'"x"']
    for data in inputs:
        try:
            from_json(data)
        except AuditParseError:
            pass


def test_xml_naming_what_is_wrong() -> None:
    xml = every_builder()["QUERY"].to_xml().replace(b'EventOutcomeIndicator="0"', b"")
    with pytest.raises(AuditParseError, match="EventIdentification.*EventOutcomeIndicator"):
        from_xml(xml)
    with pytest.raises(AuditParseError, match="not AuditMessage"):
        from_xml(b"<NativeDicomModel/>")
