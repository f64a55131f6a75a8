"""The response identifier of a match (PS3.4 C.4.1.1.3.2, C.2.2.2.6, C.2.2.3)."""

from __future__ import annotations

from dicomkit.core.charset import Charset
from dicomkit.core.element import DataElement, EncodingContext
from dicomkit.generated import tags
from dicomkit.io.writer import encode_dataset
from dicomkit.query import parse_identifier, response_identifier
from tests.query.helpers import dataset

ENTITY = dict(PatientName="SMITH^JOHN", PatientID="P1", StudyDate="20060705",
              ModalitiesInStudy=["CT", "PT"], StudyInstanceUID="1.2.3", PatientComments="private",
              ProcedureCodeSequence=[{"CodeValue": "123", "CodingSchemeDesignator": "DCM",
                                      "CodeMeaning": "CT HEAD"},
                                     {"CodeValue": "456", "CodingSchemeDesignator": "DCM",
                                      "CodeMeaning": "CT CHEST"}])


def test_every_key_is_returned_and_nothing_else() -> None:
    query = parse_identifier(dataset(QueryRetrieveLevel="STUDY", PatientName="SMI*",
                                     StudyInstanceUID="", AccessionNumber="",
                                     ModalitiesInStudy="CT"))
    out = response_identifier(query, dataset(**ENTITY))
    assert set(out) == {tags.QueryRetrieveLevel, tags.PatientName, tags.StudyInstanceUID,
                        tags.AccessionNumber, tags.ModalitiesInStudy}
    assert out.QueryRetrieveLevel == "STUDY"
    assert out.PatientName == "SMITH^JOHN"
    # a key the entity has no value for is returned with zero length (C.4.1.1.3.2 Note)
    assert out[tags.AccessionNumber].value in ("", None)
    # C.2.2.3: a multi-valued attribute matched by one value returns all of them
    assert list(out.ModalitiesInStudy) == ["CT", "PT"]


def test_a_sequence_key_returns_the_matching_items_with_the_item_keys() -> None:
    # C.2.2.2.6: "A sequence of matching Items containing only the requested Attributes"
    query = parse_identifier(dataset(ProcedureCodeSequence=[{"CodeValue": "456",
                                                              "CodeMeaning": ""}]))
    out = response_identifier(query, dataset(**ENTITY))
    items = out.ProcedureCodeSequence
    assert len(items) == 1
    assert set(items[0]) == {tags.CodeValue, tags.CodeMeaning}
    assert items[0].CodeMeaning == "CT CHEST"


def test_a_universal_sequence_key_returns_the_whole_sequence() -> None:
    query = parse_identifier(dataset(ProcedureCodeSequence=[{}]))
    out = response_identifier(query, dataset(**ENTITY))
    assert len(out.ProcedureCodeSequence) == 2
    assert out.ProcedureCodeSequence[1].CodingSchemeDesignator == "DCM"


def test_include_adds_the_unique_keys_of_the_levels_above() -> None:
    query = parse_identifier(dataset(QueryRetrieveLevel="STUDY", StudyInstanceUID=""))
    out = response_identifier(query, dataset(**ENTITY), include=[tags.PatientID])
    assert out.PatientID == "P1"


def test_values_are_copied_as_encoded_with_their_character_set() -> None:
    ctx = EncodingContext(True, Charset.from_value("ISO_IR 100"))
    entity = dataset()
    entity[tags.SpecificCharacterSet] = DataElement.read_from(
        tags.SpecificCharacterSet, "CS", b"ISO_IR 100", ctx, 0)
    entity[tags.PatientName] = DataElement.read_from(tags.PatientName, "PN", b"M\xfcller", ctx, 0)
    query = parse_identifier(dataset(PatientName="M*"))
    out = response_identifier(query, entity)
    assert out.SpecificCharacterSet == "ISO_IR 100"
    assert out.PatientName == "Müller"
    assert b"M\xfcller" in encode_dataset(out)


def test_the_response_does_not_share_items_with_the_entity() -> None:
    entity = dataset(**ENTITY)
    out = response_identifier(parse_identifier(dataset(ProcedureCodeSequence=[])), entity)
    out.ProcedureCodeSequence[0].CodeValue = "changed"
    assert entity.ProcedureCodeSequence[0].CodeValue == "123"
