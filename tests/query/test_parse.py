"""Parsing queries: matching types chosen by PS3.4 C.2.2.2, the identifier's own attributes,
QIDO-RS parameters (PS3.18 8.3.4.1), and the errors that name key and rule."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dicomkit import Dataset
from dicomkit.core.charset import Charset
from dicomkit.core.element import DataElement, EncodingContext
from dicomkit.generated import tags
from dicomkit.generated.matching import MatchingType
from dicomkit.query import (
    MatchOptions,
    QueryKeyError,
    QueryValueError,
    matches,
    parse_identifier,
    parse_qido,
)
from tests.query.helpers import dataset


def kind(**key: object) -> MatchingType:
    return parse_identifier(dataset(**key)).keys[0].kind


def test_matching_type_follows_the_vr_rules_of_c2222() -> None:
    assert kind(PatientName="") is MatchingType.UNIVERSAL
    assert kind(PatientName="A*") is MatchingType.WILD_CARD
    assert kind(StudyInstanceUID="1.2*") is MatchingType.SINGLE_VALUE  # UI has no wild cards
    assert kind(StudyDate="20060101-") is MatchingType.RANGE
    assert kind(StudyInstanceUID=["1.2", "1.3"]) is MatchingType.LIST_OF_UID
    assert kind(SeriesNumber="4*") is MatchingType.SINGLE_VALUE  # IS: not a wild card VR
    assert kind(ProcedureCodeSequence=[]) is MatchingType.UNIVERSAL
    assert kind(ProcedureCodeSequence=[{"CodeValue": "1"}]) is MatchingType.SEQUENCE


def test_empty_value_and_multiple_value_matching_need_negotiation() -> None:
    # PS3.4 C.2.2.2.7, C.2.2.2.8: without Extended Negotiation they are ordinary values
    assert kind(AccessionNumber='""') is MatchingType.SINGLE_VALUE
    ds = dataset(AccessionNumber='""')
    assert parse_identifier(ds, MatchOptions(empty_value_matching=True)).keys[0].kind \
        is MatchingType.EMPTY_VALUE
    ds = dataset(ModalitiesInStudy=["CT", "PT"])
    assert parse_identifier(ds).keys[0].kind is MatchingType.SINGLE_VALUE
    assert parse_identifier(ds, MatchOptions(multiple_value_matching=True)).keys[0].kind \
        is MatchingType.MULTIPLE_VALUE
    # SQ and UI are not of EMPTY_VALUE_VRS: "" is a value there
    ds = dataset(StudyInstanceUID='""')
    assert parse_identifier(ds, MatchOptions(empty_value_matching=True)).keys[0].kind \
        is MatchingType.SINGLE_VALUE


def test_identifier_attributes_that_are_not_keys() -> None:
    ds = dataset(QueryRetrieveLevel="STUDY", SpecificCharacterSet="ISO_IR 100",
                 TimezoneOffsetFromUTC="-0500", QueryRetrieveView="CLASSIC", PatientID="1")
    q = parse_identifier(ds)
    assert q.level == "STUDY" and q.view == "CLASSIC"
    assert q.character_set == ("ISO_IR 100",)
    assert q.timezone == timedelta(hours=-5)
    assert q.tags == (tags.PatientID,)
    # without time zone adjustment, Timezone Offset From UTC is matched as any other key
    q = parse_identifier(ds, MatchOptions(timezone_adjustment=False))
    assert q.timezone is None and tags.TimezoneOffsetFromUTC in q


def test_the_query_character_set_decodes_its_values() -> None:
    # PS3.4 C.2.2.2: Specific Character Set says how the identifier is encoded
    ctx = EncodingContext(True, Charset.from_value("ISO_IR 100"))
    ds = Dataset(context=ctx)
    ds[tags.SpecificCharacterSet] = DataElement.read_from(
        tags.SpecificCharacterSet, "CS", b"ISO_IR 100", ctx, 0)
    ds[tags.PatientName] = DataElement.read_from(tags.PatientName, "PN", b"M\xfcller*", ctx, 0)
    q = parse_identifier(ds)
    assert q.keys[0].values == ("Müller*",)
    assert matches(q, dataset(PatientName="Müller^Hans", SpecificCharacterSet="ISO_IR 192"))


def test_a_zero_length_specific_character_set_is_refused() -> None:
    with pytest.raises(QueryValueError, match=r"\(0008,0005\).*C\.2\.2\.2"):
        parse_identifier(dataset(SpecificCharacterSet=None, PatientID="1"))


@pytest.mark.parametrize(("key", "rule"), [
    ({"StudyDate": "2006"}, "C.2.2.2.1"),
    ({"StudyDate": "20060102-20060101"}, "C.2.2.2.5.1"),
    ({"StudyDate": "-"}, "C.2.2.2.5.1"),
    ({"StudyTime": "1800-1000"}, "C.2.2.2.5.2"),
    ({"StudyTime": "2460"}, "C.2.2.2.1"),
    ({"AcquisitionDateTime": "2007-2006"}, "C.2.2.2.5.3"),
    ({"ProcedureCodeSequence": [{"CodeValue": "1"}, {"CodeValue": "2"}]}, "C.2.2.2.6"),
    ({"TimezoneOffsetFromUTC": "EST", "PatientID": "1"}, "C.2.2.2.1.3"),
])
def test_values_their_matching_type_refuses_name_key_and_rule(key: dict[str, object],
                                                             rule: str) -> None:
    with pytest.raises(QueryValueError) as info:
        parse_identifier(dataset(**key))
    assert info.value.rule == rule
    assert info.value.tag_path.startswith("(")
    assert rule in str(info.value)


def test_multiple_value_matching_refuses_wild_cards() -> None:
    with pytest.raises(QueryValueError, match="C.2.2.2.8"):
        parse_identifier(dataset(ModalitiesInStudy=["CT", "P*"]),
                         MatchOptions(multiple_value_matching=True))


def test_a_dt_with_a_negative_offset_is_a_range() -> None:
    # C.2.2.2.1.3: "-" in a DT key means Range Matching, so a negative offset makes a range:
    # "20060101120000-0500" is the range from 2006 to the year 0500, which ends before it starts
    with pytest.raises(QueryValueError, match="C.2.2.2.5.3"):
        parse_identifier(dataset(AcquisitionDateTime="20060101120000-0500"))
    # of the places a range can be cut, the one whose ends read as DT in order is taken
    q = parse_identifier(dataset(AcquisitionDateTime="20060101120000-0500-"))
    key = q.keys[0]
    assert key.kind is MatchingType.RANGE
    assert key.ranges == (("20060101170000.000000", None),)
    q = parse_identifier(dataset(AcquisitionDateTime="2005-20060101120000-0500"))
    assert q.keys[0].ranges == (("20050101000000.000000", "20060101170000.999999"),)


def test_qido_parameters_by_keyword_tag_and_path() -> None:
    q = parse_qido([("PatientName", "SMITH*"), ("0020000D", "1.2.3,1.2.4"),
                    ("ProcedureCodeSequence.CodeValue", "123")], level="STUDY")
    assert q.level == "STUDY"
    assert [k.kind for k in q] == [MatchingType.SEQUENCE, MatchingType.WILD_CARD,
                                   MatchingType.LIST_OF_UID]
    seq = q.key(tags.ProcedureCodeSequence)
    assert seq is not None and seq.items is not None
    assert seq.items.keys[0].values == ("123",)
    uids = q.key(tags.StudyInstanceUID)
    assert uids is not None and uids.values == ("1.2.3", "1.2.4")


def test_qido_multiple_values_are_comma_separated_when_negotiated() -> None:
    q = parse_qido({"ModalitiesInStudy": "CT,PT"}, options=MatchOptions(multiple_value_matching=True))
    assert q.keys[0].kind is MatchingType.MULTIPLE_VALUE and q.keys[0].values == ("CT", "PT")


@pytest.mark.parametrize("name", ["NoSuchKeyword", "0010001", "12345678Z", "PatientName.X"])
def test_qido_unknown_attributes_are_refused(name: str) -> None:
    with pytest.raises(QueryKeyError, match="PS3.18 8.3.4.1"):
        parse_qido({name: "1"})


def test_qido_repeated_attributes_are_refused() -> None:
    with pytest.raises(QueryKeyError, match="twice"):
        parse_qido([("PatientID", "1"), ("00100020", "2")])


def test_qido_timezone_reads_the_query_times() -> None:
    # PS3.18 8.3.4.1.1: dates and times in the request are in the Timezone Offset From UTC
    q = parse_qido({"StudyTime": "1000", "TimezoneOffsetFromUTC": "+0200"})
    assert q.keys[0].ranges == (("080000.000000", "080059.999999"),)


def test_queries_are_frozen_and_compare_by_value() -> None:
    a = parse_identifier(dataset(PatientID="1", StudyDate="20060101-"))
    b = parse_identifier(dataset(StudyDate="20060101-", PatientID="1"))
    assert a == b
    with pytest.raises(AttributeError):
        a.level = "X"  # type: ignore[misc]
    assert a.without([tags.PatientID]).tags == (tags.StudyDate,)
    assert a.returning_only([tags.PatientID]).matching_keys[0].tag == tags.StudyDate


def test_a_time_range_crossing_midnight_is_one_night_when_combined_with_its_dates() -> None:
    # C.2.2.2.5.2: a TM range crossing midnight is not supported; C.2.2.2.5.4: combined with its
    # date range it is one period ("20060705-20060706" "2200-0600": the night)
    combined = MatchOptions(combined_datetime=True)
    q = parse_identifier(dataset(StudyDate="20060705-20060706", StudyTime="2200-0600"), combined)
    date = q.key(tags.StudyDate)
    assert date is not None and date.partner == tags.StudyTime
    assert date.ranges == (("20060705220000.000000", "20060706060059.999999"),)
    with pytest.raises(QueryValueError, match="C.2.2.2.5.2"):
        parse_identifier(dataset(StudyDate="20060705-20060706", StudyTime="2200-0600"))
    with pytest.raises(QueryValueError, match="unless combined"):
        parse_identifier(dataset(StudyDate="20060705-", StudyTime="2200-0600"), combined)


def test_characters_the_character_set_cannot_decode_match_any_character() -> None:
    # PS3.4 C.2.2.2 Note: an SCP that does not support the query's character set is likely to
    # treat unrecognized characters as wild cards
    ctx = EncodingContext(True, Charset.from_value("ISO_IR 192"))
    ds = Dataset(context=ctx)
    ds[tags.SpecificCharacterSet] = DataElement.read_from(
        tags.SpecificCharacterSet, "CS", b"ISO_IR 192", ctx, 0)
    ds[tags.PatientName] = DataElement.read_from(tags.PatientName, "PN", b"M\xfcller", ctx, 0)
    key = parse_identifier(ds).keys[0]
    assert key.kind is MatchingType.WILD_CARD and key.values == ("M?ller",)
    assert matches(parse_identifier(ds), dataset(PatientName="Müller"))


def test_a_key_is_matched_by_the_dictionary_vr_of_its_attribute() -> None:
    # an identifier that sends Patient's Name as LO is still matched as PN (trailing ^ ignored),
    # as the index stores it
    ds = Dataset()
    ds.add_new(tags.PatientName, "LO", "SMITH^JOHN^^", validation_mode="ignore")
    key = parse_identifier(ds).keys[0]
    assert key.vr == "PN" and key.values == ("SMITH^JOHN",)


def test_a_pattern_of_asterisks_alone_is_universal_matching() -> None:
    # C.2.2.2.4 Note: wild card matching on "*" is equivalent to Universal Matching
    for value in ("*", "**", "***"):
        assert kind(PatientName=value) is MatchingType.UNIVERSAL
    assert kind(PatientName="*?") is MatchingType.WILD_CARD
