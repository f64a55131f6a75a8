"""Random and mutated queries (QIDO-RS strings, identifier values, identifier bytes) give a query
or a QueryError -- never another exception -- and a parsed query matches, projects and compiles
to SQL without raising."""

from __future__ import annotations

import random
import warnings

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit import Dataset, DicomError
from dicomkit.io.writer import encode_dataset
from dicomkit.query import (
    MatchOptions,
    Query,
    QueryError,
    matches,
    parse_identifier,
    parse_qido,
    response_identifier,
)
from tests.query import strategies as s
from tests.query.helpers import SqlIndex, dataset

SPECIAL = st.sampled_from(list("*?-\\\"=^,.+ 0123456789:%_!") + ["", "..", "-0500", "\x00"])
NASTY = st.lists(st.one_of(SPECIAL, st.characters(codec="utf-8")), max_size=12).map("".join)
KEYWORDS = ["PatientName", "StudyDate", "StudyTime", "AcquisitionDateTime", "StudyInstanceUID",
            "ModalitiesInStudy", "SeriesNumber", "SliceThickness", "Rows", "PixelSpacing",
            "FrameIncrementPointer", "ProcedureCodeSequence.CodeValue",
            "TimezoneOffsetFromUTC", "QueryRetrieveLevel", "SpecificCharacterSet", "00100020",
            "0009xx10", "ReferencedSeriesSequence", "StudyDescription"]
ENTITY = dataset(PatientName="SMITH^JOHN", StudyDate="20060705", StudyTime="1030",
                 AcquisitionDateTime="20060705103000+0100", StudyInstanceUID="1.2.3",
                 ModalitiesInStudy=["CT", "PT"], SeriesNumber="4", Rows=512,
                 ProcedureCodeSequence=[{"CodeValue": "123"}])
_SETTINGS = settings(max_examples=400, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


def _use(query: Query) -> None:
    """Everything a server does with a query, none of which may raise."""
    matches(query, ENTITY)
    matches(query, Dataset())
    response_identifier(query, ENTITY)
    engine = sa.create_engine("sqlite://")
    try:
        index = SqlIndex(engine, s.ATTRIBUTES, [ENTITY])
        index.search(query)
    finally:
        engine.dispose()


@_SETTINGS
@given(st.lists(st.tuples(st.one_of(st.sampled_from(KEYWORDS), NASTY), NASTY), max_size=5),
       s.options)
def test_random_qido_parameters(params: list[tuple[str, str]], options: MatchOptions) -> None:
    try:
        query = parse_qido(params, options=options)
    except QueryError:
        return
    _use(query)


@_SETTINGS
@given(st.dictionaries(st.sampled_from([k for k in KEYWORDS if "." not in k and k[0].isupper()
                                        and not k.endswith("Sequence")]),
                       st.one_of(NASTY, st.lists(NASTY, max_size=3)), max_size=5), s.options)
def test_random_identifier_values(values: dict[str, object], options: MatchOptions) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = dataset(**values)
    try:
        query = parse_identifier(ds, options)
    except QueryError:
        return
    _use(query)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(s.query_identifiers(), st.randoms(use_true_random=False), s.options)
def test_mutated_identifier_bytes(identifier: Dataset, rnd: random.Random,
                                  options: MatchOptions) -> None:
    identifier.SpecificCharacterSet = "ISO_IR 192"
    data = bytearray(encode_dataset(identifier))
    for _ in range(rnd.randint(1, 6)):
        if data:
            data[rnd.randrange(len(data))] = rnd.randrange(256)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = dicomkit.read(bytes(data), force=True)
    except DicomError:
        return
    try:
        query = parse_identifier(ds, options)
    except QueryError:
        return
    _use(query)
