"""Property: random small archives and random queries give the same answers from SQL (the WHERE
clause of to_sql, then its residual in Python) and from the pure matcher -- on SQLite and on a
real PostgreSQL server started by the test (tests/pg.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dicomkit import Dataset
from dicomkit.query import MatchOptions, QueryValueError, parse_identifier
from tests.conftest import missing
from tests.pg import postgres_available, postgres_server
from tests.query import strategies as s
from tests.query.helpers import SqlIndex, pure


def _check(engine: sa.Engine, archive: list[Dataset], identifier: Dataset,
           options: MatchOptions, folded: bool, combined: bool, collation: str | None,
           side: bool = False) -> None:
    try:
        query = parse_identifier(identifier, options)
    except QueryValueError:
        assume(False)
        return
    index = SqlIndex(engine, s.ATTRIBUTES, archive, folded=folded, combined=combined,
                     default_timezone=options.default_timezone, collation=collation, side=side)
    try:
        assert index.search(query) == pure(query, archive), str(query)
    finally:
        index.drop()


_SETTINGS = settings(max_examples=300, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@_SETTINGS
@given(archive=st.lists(s.entities(), max_size=12), identifier=s.query_identifiers(),
       options=s.options, folded=st.booleans(), combined=st.booleans(), side=st.booleans())
def test_sqlite_push_down_answers_as_the_pure_matcher(
        archive: list[Dataset], identifier: Dataset, options: MatchOptions, folded: bool,
        combined: bool, side: bool) -> None:
    engine = sa.create_engine("sqlite://")
    try:
        _check(engine, archive, identifier, options, folded, combined, None, side)
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def pg_engine() -> Iterator[sa.Engine]:
    why = postgres_available()
    if why is not None:
        missing(why)
    with postgres_server() as url:
        engine = sa.create_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()


@settings(_SETTINGS, max_examples=120)
@given(archive=st.lists(s.entities(), max_size=12), identifier=s.query_identifiers(),
       options=s.options, folded=st.booleans(), combined=st.booleans(), side=st.booleans())
def test_postgresql_push_down_answers_as_the_pure_matcher(
        pg_engine: sa.Engine, archive: list[Dataset], identifier: Dataset,
        options: MatchOptions, folded: bool, combined: bool, side: bool) -> None:
    _check(pg_engine, archive, identifier, options, folded, combined, "C", side)


def test_sql_does_the_work_it_can() -> None:
    # exact, list, wild card, range and empty value keys all go to SQL: no residual
    from tests.query.helpers import dataset

    engine = sa.create_engine("sqlite://")
    index = SqlIndex(engine, s.ATTRIBUTES, [])
    from dicomkit.query.sql import to_sql

    query = parse_identifier(dataset(PatientID="A1", StudyInstanceUID=["1.2.3", "1.2.4"],
                                     PatientName="SM*", StudyDate="20060101-",
                                     StudyDescription='""', ModalitiesInStudy="CT"),
                             MatchOptions(empty_value_matching=True))
    plan = to_sql(query, index.columns)
    assert plan.residual.is_universal
    # a wild card on a multi-valued attribute needs its values one per row (ValueRows)
    wild = parse_identifier(dataset(OtherPatientIDs="A*"))
    assert to_sql(wild, index.columns).residual.tags == wild.tags
    side = SqlIndex(engine, s.ATTRIBUTES, [], side=True, name="side")
    assert to_sql(wild, side.columns).residual.is_universal
    fuzzy = parse_identifier(dataset(PatientName="Smith"), MatchOptions(fuzzy_person_names=True))
    assert to_sql(fuzzy, index.columns).residual.tags == fuzzy.tags
    engine.dispose()
