"""Against a peer users run: pynetdicom's Q/R SCP database (``pynetdicom.apps.qrscp.db``, its
``search`` over SQLAlchemy/SQLite).  The same studies and queries give the same studies, except
where the standard leaves the choice to the SCP or where pynetdicom departs from it; each such
difference is pinned with its clause."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import pytest

from dicomkit.query import DEFAULT_OPTIONS, MatchOptions, matches, parse_identifier
from tests.conftest import missing
from tests.query.helpers import dataset

STUDIES: list[dict[str, Any]] = [
    {"PatientID": "P1", "PatientName": "SMITH^JOHN", "StudyDate": "20060705", "StudyTime": "1000"},
    {"PatientID": "P2", "PatientName": "smith^ann", "StudyDate": "20060706", "StudyTime": "180030"},
    {"PatientID": "P3", "PatientName": "JONES^MARY", "StudyDate": "20060707", "StudyTime": "093000"},
    {"PatientID": "P4", "PatientName": "SMYTH^JON", "StudyDate": "20060801", "StudyTime": "2359"},
    {"PatientID": "P5", "PatientName": "MILLER", "StudyDate": None, "StudyTime": None},
]


@pytest.fixture(scope="module")
def pynetdicom_db() -> Iterator[Any]:
    if importlib.util.find_spec("pynetdicom") is None or \
            importlib.util.find_spec("sqlalchemy") is None:
        missing("pynetdicom and SQLAlchemy (pip install -e '.[test]')")
    from pydicom.dataset import Dataset as PDataset
    from pynetdicom.apps.qrscp import db
    from sqlalchemy.orm import sessionmaker

    engine = db.create("sqlite://")
    session = sessionmaker(bind=engine)()
    for i, study in enumerate(STUDIES):
        ds = PDataset()
        for k, v in study.items():
            setattr(ds, k, v)
        ds.StudyInstanceUID = f"1.2.{i}"
        ds.SeriesInstanceUID = f"1.2.{i}.1"
        ds.SOPInstanceUID = f"1.2.{i}.1.1"
        ds.Modality = "CT"
        db.add_instance(ds, session)
    yield db, session
    session.close()
    engine.dispose()


def theirs(peer: Any, keys: dict[str, str]) -> set[str]:
    from pydicom.dataset import Dataset as PDataset
    from pynetdicom.sop_class import StudyRootQueryRetrieveInformationModelFind

    db, session = peer
    ident = PDataset()
    ident.QueryRetrieveLevel = "STUDY"
    ident.StudyInstanceUID = None
    for k, v in keys.items():
        setattr(ident, k, v)
    return {i.patient_id for i in db.search(StudyRootQueryRetrieveInformationModelFind, ident,
                                            session)}


def ours(keys: dict[str, str], options: MatchOptions = DEFAULT_OPTIONS) -> set[str]:
    query = parse_identifier(dataset(QueryRetrieveLevel="STUDY", **keys), options)
    return {s["PatientID"] for s in STUDIES if matches(query, dataset(**s))}


STRICT = MatchOptions(unknown_matches=False)


@pytest.mark.parametrize("keys", [
    {"PatientID": "P3"},
    {"PatientName": "SMITH^JOHN"},
    {"StudyDate": "20060705-20060707"},
    {"StudyDate": "-20060706"},
    {"StudyDate": "20060706-"},
    {"StudyTime": "0900-1000"},
    {"PatientName": "J?NES*", "StudyDate": "20060701-"},
])
def test_pynetdicom_qrscp_answers_as_we_do_when_matching_strictly(
        pynetdicom_db: Any, keys: dict[str, str]) -> None:
    assert ours(keys, STRICT) == theirs(pynetdicom_db, keys)


def test_pynetdicom_wild_cards_ignore_case_as_our_case_insensitive_option(
        pynetdicom_db: Any) -> None:
    # C.2.2.2.4: PN wild card matching is implementation dependent; pynetdicom's SQLite LIKE
    # ignores ASCII case; we are case-sensitive by default, as C.2.2.2.4 is for other VRs
    keys = {"PatientName": "SMI*"}
    assert theirs(pynetdicom_db, keys) == {"P1", "P2"}
    assert ours(keys, STRICT) == {"P1"}
    assert ours(keys, MatchOptions(person_name_case_insensitive=True, unknown_matches=False)) \
        == {"P1", "P2"}


def test_pynetdicom_compares_times_as_text_we_by_meaning(pynetdicom_db: Any) -> None:
    # C.2.2.2.1.3 / C.2.2.2.5.2: times are matched by meaning and ranges are inclusive, so
    # 18:00:30 lies in "1000-1800" (its end is the minute 18:00); pynetdicom's text comparison
    # puts "180030" after "1800"
    keys = {"StudyTime": "1000-1800"}
    assert theirs(pynetdicom_db, keys) == {"P1"}
    assert ours(keys, STRICT) == {"P1", "P2"}


def test_unknown_values_match_as_c2212_says_unlike_pynetdicom(pynetdicom_db: Any) -> None:
    # C.2.2.1.2: an entity with a zero length Required Key matches every value of it
    keys = {"StudyDate": "20060705-20060707"}
    assert theirs(pynetdicom_db, keys) == {"P1", "P2", "P3"}
    assert ours(keys) == {"P1", "P2", "P3", "P5"}
