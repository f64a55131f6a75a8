"""A table of matching cases taken from PS3.4's own text and examples, each kind on its own.

Every case names the clause it pins.  Each case runs through the pure matcher and through SQL
(an in-memory SQLite index made with the storage normalisation, the WHERE clause of to_sql and
the residual), which must agree with the expected answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from dicomkit.query import MatchOptions, matches, parse_identifier
from tests.query.helpers import SqlIndex, dataset

CI = MatchOptions(person_name_case_insensitive=True)
EMPTY = MatchOptions(empty_value_matching=True)
MULTI = MatchOptions(multiple_value_matching=True)
COMBINED = MatchOptions(combined_datetime=True)
STRICT = MatchOptions(unknown_matches=False)
FUZZY = MatchOptions(fuzzy_person_names=True)


@dataclass(frozen=True)
class Case:
    clause: str
    what: str
    key: dict[str, Any]
    entity: dict[str, Any]
    expected: bool
    options: MatchOptions = field(default_factory=MatchOptions)

    @property
    def id(self) -> str:
        return f"{self.clause} {self.what}"


CASES = [
    # C.2.2.2.1 Single Value Matching
    Case("C.2.2.2.1", "an exact value matches", {"PatientID": "12345"}, {"PatientID": "12345"}, True),
    Case("C.2.2.2.1", "another value does not", {"PatientID": "12345"}, {"PatientID": "123456"}, False),
    Case("C.2.2.2.1", "matching is case-sensitive", {"AccessionNumber": "abc"}, {"AccessionNumber": "ABC"}, False),
    Case("C.2.2.2.1", "padding spaces are insignificant", {"PatientID": "ABC "}, {"PatientID": "ABC"}, True),
    Case("C.2.2.2.1.1", "PN is case-sensitive by default", {"PatientName": "SMITH^JOHN"}, {"PatientName": "smith^john"}, False, STRICT),
    Case("C.2.2.2.1.1", "PN case-insensitive when the SCP says so", {"PatientName": "SMITH^JOHN"}, {"PatientName": "smith^john"}, True, CI),
    Case("C.2.2.2.1.1", "PN case-insensitive is not accent-insensitive", {"PatientName": "MULLER"}, {"PatientName": "Müller"}, False, CI),
    Case("C.2.2.2.1.1", "PN trailing component delimiters are insignificant (PS3.5 6.2.1)", {"PatientName": "SMITH^JOHN^^"}, {"PatientName": "SMITH^JOHN"}, True),
    Case("C.2.2.2.1.1", "a multi-group key is matched literally (Note)", {"PatientName": "Wang^XiaoDong=王^小東"}, {"PatientName": "Wang^XiaoDong"}, False),
    Case("C.2.2.2.1.1", "a wild card finds the group (Note)", {"PatientName": "Wang^XiaoDong*"}, {"PatientName": "Wang^XiaoDong=王^小東"}, True),
    Case("C.2.2.2.1.1", "fuzzy: 'Swain' returns 'Swayne' (phonetic)", {"PatientName": "Swain"}, {"PatientName": "Swayne"}, True, FUZZY),
    Case("C.2.2.2.1.1", "fuzzy: 'Smith^Mary' returns 'Mary^Smith' (order)", {"PatientName": "Smith^Mary"}, {"PatientName": "Mary^Smith"}, True, FUZZY),
    Case("C.2.2.2.1.1", "fuzzy: 'Smith^Mary' returns 'Smith, Mary'", {"PatientName": "Smith^Mary"}, {"PatientName": "Smith, Mary"}, True, FUZZY),
    Case("C.2.2.2.1.1", "fuzzy: accent-insensitive", {"PatientName": "MULLER"}, {"PatientName": "Müller^Hans"}, True, FUZZY),
    Case("C.2.2.2.1.1", "fuzzy: an unrelated name does not match", {"PatientName": "Smith^Mary"}, {"PatientName": "Jones^Mary"}, False, FUZZY),
    Case("C.2.2.2.1.3", "DT 19980128103000.0000 matches 19980128103000 (Note)", {"AcquisitionDateTime": "19980128103000.0000"}, {"AcquisitionDateTime": "19980128103000"}, True),
    Case("C.2.2.2.1.3", "DT without offset matches 19980128073000-0300 (Note)", {"AcquisitionDateTime": "19980128103000"}, {"AcquisitionDateTime": "19980128073000-0300"}, True),
    Case("C.2.2.2.1.3", "TM 2230 matches 223000 (Note)", {"StudyTime": "2230"}, {"StudyTime": "223000"}, True),
    Case("C.2.2.2.1.3", "TM 2230 does not match 223100", {"StudyTime": "2230"}, {"StudyTime": "223100"}, False),
    Case("C.2.2.2.1.3", "DA by meaning (ACR-NEMA form)", {"StudyDate": "20060705"}, {"StudyDate": "2006.07.05"}, True),
    Case("C.2.2.2.1.4", "IS +7 and 007 match 7 (this SCP compares numbers)", {"SeriesNumber": "+7"}, {"SeriesNumber": "007"}, True),
    Case("C.2.2.2.1.4", "DS 1.50 matches 1.5E0", {"SliceThickness": "1.50"}, {"SliceThickness": "1.5E0"}, True),
    # C.2.2.2.2 List of UID Matching
    Case("C.2.2.2.2", "each UID of the list may match", {"StudyInstanceUID": ["1.2.3", "1.2.4"]}, {"StudyInstanceUID": "1.2.4"}, True),
    Case("C.2.2.2.2", "a UID not in the list does not", {"StudyInstanceUID": ["1.2.3", "1.2.4"]}, {"StudyInstanceUID": "1.2.5"}, False),
    # C.2.2.2.3 Universal Matching
    Case("C.2.2.2.3", "a zero-length key matches every value", {"PatientID": ""}, {"PatientID": "X"}, True, STRICT),
    Case("C.2.2.2.3", "a zero-length key matches an absent value", {"PatientID": ""}, {}, True, STRICT),
    # C.2.2.2.4 Wild Card Matching
    Case("C.2.2.2.4", "* matches any sequence", {"PatientName": "SMI*"}, {"PatientName": "SMITH^JOHN"}, True),
    Case("C.2.2.2.4", "* matches a zero length sequence", {"PatientName": "SMITH*"}, {"PatientName": "SMITH"}, True),
    Case("C.2.2.2.4", "? matches one character", {"PatientName": "SM?TH"}, {"PatientName": "SMYTH"}, True),
    Case("C.2.2.2.4", "? matches exactly one", {"PatientName": "SM?TH"}, {"PatientName": "SMTH"}, False),
    Case("C.2.2.2.4", "wild cards are case-sensitive (not PN)", {"StudyDescription": "head*"}, {"StudyDescription": "HEAD CT"}, False),
    Case("C.2.2.2.4", "PN wild cards follow the SCP's case option", {"PatientName": "smi*"}, {"PatientName": "SMITH"}, True, CI),
    Case("C.2.2.2.4", "* alone is Universal Matching (Note)", {"PatientName": "*"}, {}, True, STRICT),
    Case("C.2.2.2.1.2", "Wild Card Matching is defined for CS", {"Modality": "C?"}, {"Modality": "CT"}, True),
    Case("C.2.2.2.4", "% and _ are literal characters", {"StudyDescription": "50%_*"}, {"StudyDescription": "50%_dose"}, True),
    Case("C.2.2.2.4", "% is not a wild card", {"StudyDescription": "5%"}, {"StudyDescription": "50"}, False),
    Case("C.2.2.2.7", "\"\"* finds two QUOTATION MARKs by wild card (Note)", {"StudyDescription": '""*'}, {"StudyDescription": '""quoted'}, True, EMPTY),
    # C.2.2.2.5.1 DA
    Case("C.2.2.2.5.1", "<date1>-<date2> is inclusive (first day)", {"StudyDate": "20060705-20060707"}, {"StudyDate": "20060705"}, True),
    Case("C.2.2.2.5.1", "<date1>-<date2> is inclusive (last day)", {"StudyDate": "20060705-20060707"}, {"StudyDate": "20060707"}, True),
    Case("C.2.2.2.5.1", "a date after the range", {"StudyDate": "20060705-20060707"}, {"StudyDate": "20060708"}, False),
    Case("C.2.2.2.5.1", "-<date1>: prior to and including", {"StudyDate": "-20060707"}, {"StudyDate": "19990101"}, True),
    Case("C.2.2.2.5.1", "<date1>-: date1 and subsequent", {"StudyDate": "20060705-"}, {"StudyDate": "20060704"}, False),
    # C.2.2.2.5.2 TM
    Case("C.2.2.2.5.2", "<time1>-<time2> is inclusive", {"StudyTime": "1000-1800"}, {"StudyTime": "180030"}, True),
    Case("C.2.2.2.5.2", "a time before the range", {"StudyTime": "1000-1800"}, {"StudyTime": "093000"}, False),
    Case("C.2.2.2.5.2", "-<time1> starts at midnight", {"StudyTime": "-1000"}, {"StudyTime": "000000"}, True),
    Case("C.2.2.2.5.2", "<time1>- ends before midnight", {"StudyTime": "1800-"}, {"StudyTime": "235959.999"}, True),
    Case("C.2.2.2.5.2", "the query's time zone says where midnight is", {"StudyTime": "2200-2300", "TimezoneOffsetFromUTC": "+0100"}, {"StudyTime": "2130", "TimezoneOffsetFromUTC": "+0000"}, True),
    Case("C.2.2.2.5.2", "the query's zone moves the range", {"StudyTime": "2200-2300", "TimezoneOffsetFromUTC": "+0100"}, {"StudyTime": "2230", "TimezoneOffsetFromUTC": "+0000"}, False),
    # C.2.2.2.5.3 DT
    Case("C.2.2.2.5.3", "the entity's UTC offset is taken into account", {"AcquisitionDateTime": "20060101160000+0000-20060101180000+0000"}, {"AcquisitionDateTime": "20060101120000-0500"}, True),
    Case("C.2.2.2.5.3", "an open range of moments", {"AcquisitionDateTime": "-2005"}, {"AcquisitionDateTime": "20051231235959"}, True),
    Case("C.2.2.2.5.3", "an open range excludes later moments", {"AcquisitionDateTime": "-2005"}, {"AcquisitionDateTime": "20060101000000"}, False),
    # C.2.2.2.5.4 combined datetime (the Note's example)
    Case("C.2.2.2.5.4", "combined: July 6 9am is inside July 5 10am - July 7 6pm", {"StudyDate": "20060705-20060707", "StudyTime": "1000-1800"}, {"StudyDate": "20060706", "StudyTime": "0900"}, True, COMBINED),
    Case("C.2.2.2.5.4", "not combined: 9am is outside 10am-6pm", {"StudyDate": "20060705-20060707", "StudyTime": "1000-1800"}, {"StudyDate": "20060706", "StudyTime": "0900"}, False),
    Case("C.2.2.2.5.4", "combined: July 5 9am is before the period", {"StudyDate": "20060705-20060707", "StudyTime": "1000-1800"}, {"StudyDate": "20060705", "StudyTime": "0900"}, False, COMBINED),
    Case("C.2.2.2.5.4", "combined: different forms are matched apart", {"StudyDate": "20060705-20060707", "StudyTime": "-1800"}, {"StudyDate": "20060706", "StudyTime": "1900"}, False, COMBINED),
    # C.2.2.2.6 Sequence Matching
    Case("C.2.2.2.6", "one item matching every item key", {"ProcedureCodeSequence": [{"CodeValue": "123", "CodingSchemeDesignator": "DCM"}]}, {"ProcedureCodeSequence": [{"CodeValue": "999", "CodingSchemeDesignator": "DCM"}, {"CodeValue": "123", "CodingSchemeDesignator": "DCM"}]}, True),
    Case("C.2.2.2.6", "keys matched by different items do not match", {"ProcedureCodeSequence": [{"CodeValue": "123", "CodingSchemeDesignator": "DCM"}]}, {"ProcedureCodeSequence": [{"CodeValue": "123", "CodingSchemeDesignator": "SRT"}, {"CodeValue": "999", "CodingSchemeDesignator": "DCM"}]}, False),
    Case("C.2.2.2.6", "item keys use wild cards (recursive matching types)", {"ProcedureCodeSequence": [{"CodeMeaning": "CT*"}]}, {"ProcedureCodeSequence": [{"CodeMeaning": "CT HEAD"}]}, True),
    Case("C.2.2.2.6", "an empty item is universal", {"ProcedureCodeSequence": [{}]}, {}, True, STRICT),
    Case("C.2.2.2.6", "a worklist item: station, modality and a combined date-time range (K.6.1.2.2)",
         {"ScheduledProcedureStepSequence": [{"ScheduledStationAETitle": "CT1", "Modality": "CT",
                                              "ScheduledProcedureStepStartDate": "20060705-20060706",
                                              "ScheduledProcedureStepStartTime": "2200-0600"}]},
         {"ScheduledProcedureStepSequence": [{"ScheduledStationAETitle": "CT1", "Modality": "CT",
                                              "ScheduledProcedureStepStartDate": "20060706",
                                              "ScheduledProcedureStepStartTime": "0300"}]}, True, COMBINED),
    Case("C.2.2.2.6", "a worklist item outside the combined range",
         {"ScheduledProcedureStepSequence": [{"ScheduledProcedureStepStartDate": "20060705-20060706",
                                              "ScheduledProcedureStepStartTime": "2200-0600"}]},
         {"ScheduledProcedureStepSequence": [{"ScheduledProcedureStepStartDate": "20060706",
                                              "ScheduledProcedureStepStartTime": "0700"}]}, False, COMBINED),
    # C.2.2.2.7 Empty Value Matching
    Case("C.2.2.2.7", "\"\" matches a zero-length value", {"AccessionNumber": '""'}, {"AccessionNumber": None}, True, EMPTY),
    Case("C.2.2.2.7", "\"\" matches an absent attribute", {"AccessionNumber": '""'}, {}, True, EMPTY),
    Case("C.2.2.2.7", "\"\" does not match a value", {"AccessionNumber": '""'}, {"AccessionNumber": "A1"}, False, EMPTY),
    Case("C.2.2.2.7", "without negotiation \"\" is an ordinary value", {"AccessionNumber": '""'}, {"AccessionNumber": None}, False, STRICT),
    # C.2.2.2.8 Multiple Value Matching
    Case("C.2.2.2.8", "CT\\PT matches a study with both (Note)", {"ModalitiesInStudy": ["CT", "PT"]}, {"ModalitiesInStudy": ["PT", "MR", "CT"]}, True, MULTI),
    Case("C.2.2.2.8", "CT\\PT does not match a study with CT only", {"ModalitiesInStudy": ["CT", "PT"]}, {"ModalitiesInStudy": ["CT"]}, False, MULTI),
    # C.2.2.3 multi-valued entity attributes
    Case("C.2.2.3", "single value matching a multi-valued attribute", {"ModalitiesInStudy": "CT"}, {"ModalitiesInStudy": ["MR", "CT"]}, True),
    Case("C.2.2.3", "wild card matching a multi-valued attribute", {"OtherPatientIDs": "X*"}, {"OtherPatientIDs": ["A1", "X2"]}, True),
    # C.2.2.1.2 zero length Required Keys of an entity are unknown, and match
    Case("C.2.2.1.2", "an unknown value matches", {"PatientName": "SMITH"}, {"PatientName": None}, True),
    Case("C.2.2.1.2", "unless the SCP matches strictly", {"PatientName": "SMITH"}, {"PatientName": None}, False, STRICT),
    Case("C.2.2.1.2", "an unknown date matches a range", {"StudyDate": "20060705-"}, {}, True),
]

ATTRIBUTES = ["PatientID", "PatientName", "AccessionNumber", "StudyDescription", "StudyDate", "StudyTime",
              "AcquisitionDateTime", "SeriesNumber", "SliceThickness", "StudyInstanceUID", "Modality",
              "ModalitiesInStudy", "OtherPatientIDs", "ProcedureCodeSequence", "TimezoneOffsetFromUTC",
              "ScheduledProcedureStepSequence"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_ps34_matching_case(case: Case) -> None:
    query = parse_identifier(dataset(**case.key), case.options)
    entity = dataset(**case.entity)
    assert matches(query, entity) is case.expected, str(query)
    engine = sa.create_engine("sqlite://")
    index = SqlIndex(engine, ATTRIBUTES, [entity])
    assert index.search(query) == ([0] if case.expected else [])
    engine.dispose()


def test_every_matching_type_has_a_case() -> None:
    from dicomkit.generated.matching import MatchingType

    seen = {parse_identifier(dataset(**c.key), c.options).keys[0].kind for c in CASES}
    assert seen == set(MatchingType)


def test_default_timezone_reads_naive_values_in_that_zone() -> None:
    # PS3.4 C.2.2.2.5.4: an application may use a time zone to adjust TM and DT values
    options = MatchOptions(default_timezone=timedelta(hours=2))
    query = parse_identifier(dataset(AcquisitionDateTime="20060101120000"), options)
    assert matches(query, dataset(AcquisitionDateTime="20060101100000+0000"))
    assert not matches(query, dataset(AcquisitionDateTime="20060101120000+0000"))
