"""Hypothesis strategies of the query tests: small random archives and random queries.

The values are drawn from small pools full of the cases that part SQL from Python: case and
accent variants of names, LIKE's own special characters, dates and times of every precision,
with and without UTC offsets, values that are not dates, multi-valued attributes, zero-length
and absent values, sequences.  Keys are made from the same pools (so that they often match) and
changed into wild cards, ranges, lists and empty-value keys.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import strategies as st

from dicomkit import Dataset
from dicomkit.query import MatchOptions
from dicomkit.query.temporal import datetime_bounds, dt_to_utc
from tests.query.helpers import dataset

ABSENT = object()

NAMES = ["SMITH^JOHN", "Smith^John", "smith^john", "SMYTH^JON", "Müller^Hans", "MULLER^HANS",
         "O'Brien^Ann", "Wang^XiaoDong=王^小東", "SMITH", "SMITH^JOHN^^", "ß^ẞ", "STRASSE^X",
         "", None]
IDS = ["A1", "a1", "A_1", "A%1", "B!2", "X", "", None]
#: two values in an attribute whose VM is 1 (invalid data): one value "A1\\B!2" for matching
TWO_IDS = ["A1", "B!2"]
DESCRIPTIONS = ["50%_dose", "HEAD CT", "head ct", "a!b", "CT*", "", None, "x" * 30]
DATES = ["20060704", "20060705", "20060706", "20060707", "20060708", "19991231", "2006.07.05",
         "2006", "", None]
VALID_DATES = ["20060704", "20060705", "20060706", "20060707", "20060708", "19991231"]
TIMES = ["10", "1030", "103015", "103015.5", "235959.999999", "000000", "2300", "0030", "25",
         "", None]
VALID_TIMES = ["00", "0030", "10", "1030", "103015", "103015.5", "1800", "2300", "235959.999999"]
DATETIMES = ["2006", "200607", "20060705103000", "20060705103000+0200", "20060705103000-0500",
             "20060705233000.123-1200", "20060706", "1999", "garbage", "", None]
VALID_DATETIMES = ["2006", "200607", "20060705", "20060705103000", "20060705103000+0200",
                   "20060705103000-0500", "20060705233000.123", "20060706", "1999"]
MODALITIES = ["CT", "PT", "MR", "US"]
UIDS = ["1.2.3", "1.2.4", "1.2.5"]
ZONES = [None, "+0100", "-0500", "+0000", "bad"]
CODES = ["123", "456", "abc"]
SCHEMES = ["DCM", "SRT"]

#: The attributes of the random archives (and of the index table).
ATTRIBUTES = ["PatientName", "PatientID", "OtherPatientNames", "OtherPatientIDs",
              "StudyDescription", "StudyDate", "StudyTime",
              "AcquisitionDateTime", "ModalitiesInStudy", "StudyInstanceUID",
              "ProcedureCodeSequence", "TimezoneOffsetFromUTC", "NumberOfStudyRelatedInstances"]


def _maybe(pool: list[Any]) -> st.SearchStrategy[Any]:
    return st.sampled_from([*pool, ABSENT])


@st.composite
def entities(draw: st.DrawFn) -> Dataset:
    values: dict[str, Any] = {}
    for keyword, strategy in (
            ("PatientName", _maybe(NAMES)), ("PatientID", _maybe(IDS)),
            ("StudyDescription", _maybe(DESCRIPTIONS)), ("StudyDate", _maybe(DATES)),
            ("OtherPatientNames", st.one_of(st.just(ABSENT), st.lists(
                st.sampled_from([n for n in NAMES if n]), max_size=3))),
            ("OtherPatientIDs", st.one_of(st.just(ABSENT), st.lists(
                st.sampled_from([i for i in IDS if i]), max_size=3))),
            ("StudyTime", _maybe(TIMES)), ("AcquisitionDateTime", _maybe(DATETIMES)),
            ("StudyInstanceUID", _maybe(UIDS)), ("TimezoneOffsetFromUTC", _maybe(ZONES)),
            ("NumberOfStudyRelatedInstances", _maybe(["1", "+1", "01", "2", None]))):
        value = draw(strategy)
        if value is not ABSENT:
            values[keyword] = value or None
    if draw(st.integers(0, 9)) == 0:
        values["PatientID"] = TWO_IDS
    mods = draw(st.one_of(st.just(ABSENT), st.lists(st.sampled_from(MODALITIES), max_size=3)))
    if mods is not ABSENT:
        values["ModalitiesInStudy"] = mods or None
    items = draw(st.one_of(st.just(ABSENT), st.lists(st.fixed_dictionaries({
        "CodeValue": st.sampled_from(CODES), "CodingSchemeDesignator": st.sampled_from(SCHEMES)}),
        max_size=2)))
    if items is not ABSENT:
        values["ProcedureCodeSequence"] = items
    return dataset(**values)


@st.composite
def wildcarded(draw: st.DrawFn, pool: list[Any]) -> str:
    """A value of ``pool`` with some characters replaced by ``*`` or ``?`` (or one alone)."""
    base = draw(st.sampled_from([p for p in pool if p]))
    chars = list(base)
    for i in draw(st.lists(st.integers(0, max(len(chars) - 1, 0)), min_size=1, max_size=3)):
        if i < len(chars):
            chars[i] = draw(st.sampled_from("*?"))
    if draw(st.booleans()):
        chars.append("*")
    return "".join(chars)


def _text_key(pool: list[Any]) -> st.SearchStrategy[Any]:
    plain = [p for p in pool if p is not None]
    return st.one_of(st.sampled_from(plain), wildcarded(pool), st.just('""'), st.just(""),
                     st.just("*"))


def _utc_low(text: str) -> str:
    b = datetime_bounds(text)
    assert b is not None
    return dt_to_utc(b[0], b[2] or timedelta(0))


@st.composite
def ranges(draw: st.DrawFn, pool: list[str], vr: str) -> str:
    a, b = draw(st.sampled_from(pool)), draw(st.sampled_from(pool))
    key = (lambda v: _utc_low(v)) if vr == "DT" else (lambda v: v.ljust(13, "0"))
    if vr != "TM" or draw(st.booleans()):  # TM: crossing midnight, valid only when combined
        a, b = sorted((a, b), key=key)
    form = draw(st.sampled_from(["closed", "open-high", "open-low"]))
    if form == "open-high":
        return f"{a}-"
    if form == "open-low":
        return f"-{b}"
    return f"{a}-{b}"


@st.composite
def query_identifiers(draw: st.DrawFn) -> Dataset:
    values: dict[str, Any] = {}
    candidates: dict[str, st.SearchStrategy[Any]] = {
        "PatientName": _text_key(NAMES),
        "PatientID": _text_key(IDS),
        "StudyDescription": _text_key(DESCRIPTIONS),
        "StudyDate": st.one_of(st.sampled_from(VALID_DATES), ranges(VALID_DATES, "DA"),
                               st.just('""'), st.just("")),
        "StudyTime": st.one_of(st.sampled_from(VALID_TIMES), ranges(VALID_TIMES, "TM"),
                               st.just('""')),
        "AcquisitionDateTime": st.one_of(st.sampled_from(VALID_DATETIMES),
                                         ranges(VALID_DATETIMES, "DT"), st.just('""')),
        "ModalitiesInStudy": st.one_of(st.sampled_from(MODALITIES),
                                       st.lists(st.sampled_from(MODALITIES), min_size=2,
                                                max_size=3, unique=True),
                                       st.just("C*"), st.just('""')),
        "StudyInstanceUID": st.one_of(st.sampled_from(UIDS),
                                      st.lists(st.sampled_from(UIDS), min_size=2, max_size=3)),
        "NumberOfStudyRelatedInstances": st.sampled_from(["1", "2", "+2", ""]),
        "OtherPatientNames": st.one_of(_text_key(NAMES), st.lists(
            st.sampled_from([n for n in NAMES if n]), min_size=2, max_size=2)),
        "OtherPatientIDs": st.one_of(_text_key(IDS), st.lists(
            st.sampled_from([i for i in IDS if i]), min_size=2, max_size=2)),
        "TimezoneOffsetFromUTC": st.sampled_from(["+0100", "-0300", "+0000"]),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(candidates)), min_size=1, max_size=4,
                           unique=True))
    for keyword in chosen:
        values[keyword] = draw(candidates[keyword])
    if draw(st.booleans()):
        item = draw(st.fixed_dictionaries({}, optional={
            "CodeValue": st.one_of(st.sampled_from(CODES), st.just("4*")),
            "CodingSchemeDesignator": st.sampled_from(SCHEMES)}))
        values["ProcedureCodeSequence"] = [item]
    return dataset(**values)


options = st.builds(
    MatchOptions,
    person_name_case_insensitive=st.booleans(), fuzzy_person_names=st.booleans(),
    empty_value_matching=st.booleans(), multiple_value_matching=st.booleans(),
    combined_datetime=st.booleans(), timezone_adjustment=st.booleans(),
    unknown_matches=st.booleans(),
    default_timezone=st.sampled_from([timedelta(0), timedelta(hours=2), timedelta(hours=-5)]))
