"""PS3.15 Annex A.5 reader: the audit message schema, value sets and message rules, on the
real PS3.15 2026c (DocBook)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from dicomkit.codegen.readers.part15_audit import (
    corrected_schema,
    read_messages,
    read_schema,
    read_value_sets,
    schema_value_sets,
)
from dicomkit.codegen.standard import Standard
from dicomkit.generated import audit
from tests.conftest import missing


@pytest.fixture(scope="module")
def std(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2026c", 15)
    return Standard.declared(roots=[standard_dir])  # standard/sources.json: 2026c docbook


def test_schema_is_the_listing_of_a_5_1_1_and_parses_as_rnc_once_corrected(std: Standard) -> None:
    try:
        import rnc2rng
    except ImportError:
        missing("rnc2rng (pip install -e '.[test]')")
    written = read_schema(std)
    assert written.startswith('datatypes xsd = "http://www.w3.org/2001/XMLSchema-datatypes"')
    assert written.rstrip().endswith("start = message")
    # as written, '##' after a value is not RELAX NG compact syntax: the fix is needed
    with pytest.raises(Exception):  # noqa: B017 - rnc2rng raises its own ParseError
        rnc2rng.loads(written)
    fixed = corrected_schema(std, written)
    assert fixed == audit.SCHEMA_RNC
    rng = etree.fromstring(rnc2rng.dumps(rnc2rng.loads(fixed)).encode())
    etree.RelaxNG(rng)  # a valid RELAX NG grammar
    # the correction changes comments only: the same lines once every comment is stripped
    strip = [ln.split("#", 1)[0].rstrip() for ln in written.splitlines()]
    assert strip == [ln.split("#", 1)[0].rstrip() for ln in fixed.splitlines()]


def test_value_sets_from_the_schema_enumerations_and_the_a_5_1_2_tables(std: Standard) -> None:
    schema = read_schema(std)
    from_schema = {v.name: v for v in schema_value_sets(schema)}
    assert from_schema["EventActionCode"].values == (
        ("C", "Create"), ("R", "Read"), ("U", "Update"), ("D", "Delete"), ("E", "Execute"))
    assert [v for v, _ in from_schema["EventOutcomeIndicator"].values] == ["0", "4", "8", "12"]
    assert "AuditSourceTypeCode" not in from_schema  # open to other tokens ("| token")
    tables = {v.name: v for v in read_value_sets(std)}
    assert tables["AuditSourceTypeCode"].source == "Table A.5.1.2.1-1"
    assert dict(tables["ParticipantObjectIDTypeCode"].values)["12"] == "URI"
    assert len(tables["NetworkAccessPointTypeCode"].values) == 5


def test_every_message_of_a_5_3_with_its_event_id(std: Standard) -> None:
    messages = {m.keyword: m for m in read_messages(std)}
    assert list(messages) == list(audit.MESSAGES)
    assert len(messages) == 15
    assert messages["APPLICATION_ACTIVITY"].event_id.code == "110100"
    assert messages["USER_AUTHENTICATION"].event_id.meaning == "User Authentication"
    assert messages["QUERY"].section == "A.5.3.10"
    assert messages["NETWORK_ENTRY"].table == "A.5.3.9-1"  # its column is "Value", not "Value Constraints"


def test_rules_carry_entities_cardinalities_codes_and_values(std: Standard) -> None:
    m = {m.keyword: m for m in read_messages(std)}
    app = m["APPLICATION_ACTIVITY"]
    types = next(r for r in app.rules if r.name == "EventTypeCode")
    assert [c.code for c in types.codes] == ["110120", "110121"] and types.codes_defined
    role = next(r for r in app.rules if r.name == "RoleIDCode" and r.participant == "Application started")
    assert role.cardinality == "1" and role.usage == "M" and not role.codes_defined
    assert next(r for r in app.rules if r.name == "EventActionCode").values == ("E",)
    entry = m["NETWORK_ENTRY"]
    assert next(r for r in entry.rules if r.name == "UserIsRequestor").values == ("false",)
    alert = next(r for r in m["SECURITY_ALERT"].rules if r.name == "EventTypeCode")
    assert alert.cid == 403
    transferred = m["DICOM_INSTANCES_TRANSFERRED"]
    action = next(r for r in transferred.rules if r.name == "EventActionCode")
    assert action.values == ("C", "R", "U") and not action.values_defined
    study = [r for r in transferred.rules if r.participant == "Studies being transferred"]
    assert study[0].cardinality == "1..N"
    (code,) = next(r for r in study if r.name == "ParticipantObjectIDTypeCode").codes
    assert (code.code, code.scheme, code.meaning) == tuple(audit.STUDY_INSTANCE_UID)


def test_codes_collected_from_the_tables() -> None:
    assert audit.SOURCE_ROLE_ID in audit.ROLE_ID_CODES
    assert audit.DESTINATION_ROLE_ID in audit.ROLE_ID_CODES
    assert {c.code for c in audit.EVENT_TYPE_CODES} >= {"110120", "110121", "110122", "110123",
                                                         "110124", "110125"}
    assert audit.SOP_CLASS_UID in audit.OBJECT_ID_TYPE_CODES
    assert audit.message_of_event(audit.QUERY) is audit.MESSAGES["QUERY"]
    assert audit.message_of_event(audit.AuditCode("999999", "DCM", "x")) is None
