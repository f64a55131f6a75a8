"""The archive's index agrees with the pure matcher: its text columns hold the normal forms of
dicomkit.query.storage, so what ``to_sql`` selects over them (plus the residual matched in
Python, through the Q/R SCP's ArchiveMatcher) is what ``dicomkit.query.matches`` selects on the
original data sets -- on SQLite and PostgreSQL, for values whose stored text differs from their
encoding (times in another zone, names with empty trailing components, signed and padded
numbers, padded text) and for hypothesis-drawn queries."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.archive import Archive, AsyncArchive
from dicomkit.core.dataset import Dataset
from dicomkit.core.tag import Tag
from dicomkit.net.services.qr.archive_query import ArchiveMatcher
from dicomkit.query import matches, parse_identifier
from tests.archive import make

#: (Patient's Name, Study Date, Study Time, Timezone Offset From UTC, Patient's Weight,
#: Study Description, Modality) of each study
STUDIES = (
    ("DOE^JOHN^^", "20240102", "1230", "+0100", "+70.50", "Head CT ", "CT"),
    ("DOE^JANE", "20240102", "113000.5", "", "70.5", "HEAD CT", "MR"),
    ("doe^john", "20231231", "235959", "-0500", "0080", " chest", "CT"),
    ("SMITH^ANN^B", "20240315", "0800", "+0000", "", "", "PT"),
    ("", "", "", "", "1.5E1", "Abdomen", "US"),
)

QUERIES: tuple[dict[str, str], ...] = (
    {"PatientName": "DOE^JOHN"},
    {"PatientName": "DOE^*"},
    {"PatientName": "doe*"},
    {"PatientName": "*^J?HN"},
    {"StudyTime": "1130-1230"},
    {"StudyTime": "1130"},
    {"StudyTime": "-0900"},
    {"StudyDate": "20240102"},
    {"StudyDate": "20240101-"},
    {"StudyDate": "20240102", "StudyTime": "1100-1200"},
    {"PatientWeight": "70.5"},
    {"PatientWeight": "15"},
    {"StudyDescription": "Head CT"},
    {"StudyDescription": "*CT"},
    {"StudyDescription": "chest"},
    {"ModalitiesInStudy": "CT"},
    {"ModalitiesInStudy": "C?"},
    {"ModalitiesInStudy": "PT\\US"},
)


def _datasets() -> list[Dataset]:
    out = []
    for n, (name, date, time, zone, weight, description, modality) in enumerate(STUDIES):
        ds = make.dataset(f"1.2.40.{n}", f"1.2.40.{n}.1", f"1.2.40.{n}.1.1", patient=f"P{n}",
                          modality=modality)
        for kw, value in (("PatientName", name), ("StudyDate", date), ("StudyTime", time),
                          ("TimezoneOffsetFromUTC", zone), ("PatientWeight", weight),
                          ("StudyDescription", description)):
            if value:
                setattr(ds, kw, value)
            elif int(Tag(kw)) in ds:
                del ds[int(Tag(kw))]
        # derived (PS3.4 Table C.3-1): the index computes it; the matcher's entity has it too
        ds.ModalitiesInStudy = modality
        out.append(ds)
    return out


def _query(keys: dict[str, str]) -> Dataset:
    ds = Dataset()
    ds.QueryRetrieveLevel = "STUDY"
    ds.StudyInstanceUID = ""
    for kw, value in keys.items():
        setattr(ds, kw, value.split("\\") if "\\" in value else value)
    return ds


def _found(archive: Archive, identifier: Dataset) -> set[str]:
    matcher = ArchiveMatcher(AsyncArchive(archive))
    query = parse_identifier(identifier)

    async def run() -> set[str]:
        plan = matcher.plan(query, "STUDY")
        return {str(row["StudyInstanceUID"]) async for row, _ds in matcher.rows(plan)}

    return anyio.run(run)


def _expected(datasets: list[Dataset], identifier: Dataset) -> set[str]:
    query = parse_identifier(identifier)
    return {str(ds.StudyInstanceUID) for ds in datasets if matches(query, ds)}


def _part10(ds: Dataset) -> bytes:
    out = io.BytesIO()
    dicomkit.write(out, ds)
    return out.getvalue()


@pytest.fixture
def filled(tmp_path: Path, db_url: str) -> Iterator[tuple[Archive, list[Dataset]]]:
    archive = Archive(tmp_path / "arc", db=db_url, fsync=False)
    datasets = _datasets()
    try:
        for ds in datasets:
            archive.insert_bytes(_part10(ds))
        yield archive, datasets
    finally:
        archive.close()


@pytest.mark.filterwarnings("ignore::dicomkit.core.config.DicomValueWarning")  # ranges, as keys
@pytest.mark.parametrize("keys", QUERIES, ids=lambda k: ",".join(f"{a}={b}" for a, b in k.items()))
def test_index_selects_what_the_matcher_selects(filled: tuple[Archive, list[Dataset]],
                                                keys: dict[str, str]) -> None:
    archive, datasets = filled
    identifier = _query(keys)
    assert _found(archive, identifier) == _expected(datasets, identifier)


def test_stored_text_is_the_normal_form(filled: tuple[Archive, list[Dataset]]) -> None:
    """PN without empty trailing components (PS3.5 6.2.1), TM in UTC at microseconds, DS as
    the number (dicomkit.query.storage)."""
    archive, _ = filled
    row = archive.find("STUDY", StudyInstanceUID="1.2.40.0")[0]
    assert row["PatientName"] == "DOE^JOHN"
    assert row["StudyTime"] == "113000.000000"  # 12:30 at +01:00
    assert row["StudyDescription"] == "Head CT"


_PIECES = st.sampled_from(["DOE", "doe", "D*", "*", "?OE", "JOHN", "J*", "SMITH", "ANN", ""])


@pytest.mark.filterwarnings("ignore::dicomkit.core.config.DicomValueWarning")
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.lists(_PIECES, min_size=1, max_size=3),
       low=st.sampled_from(["", "0000", "0800", "1130", "113000.5", "2359"]),
       high=st.sampled_from(["", "0900", "1200", "1230", "235959"]),
       modality=st.sampled_from(["", "CT", "MR", "?T", "*", "PT\\US"]))
def test_drawn_queries_agree(filled: tuple[Archive, list[Dataset]], name: list[str], low: str,
                             high: str, modality: str) -> None:
    archive, datasets = filled
    keys = {"PatientName": "^".join(name)}
    assume(not (low and high and low[:4] > high[:4]))  # no range across midnight (C.2.2.2.5.2)
    if low or high:
        keys["StudyTime"] = f"{low}-{high}"
    if modality:
        keys["ModalitiesInStudy"] = modality
    identifier = _query(keys)
    assert _found(archive, identifier) == _expected(datasets, identifier)


def test_a_unique_key_is_matched_by_an_indexable_condition(tmp_path: Path) -> None:
    """Unique keys are NOT NULL in the index, so "an entity without a value matches"
    (PS3.4 C.2.2.1.2) adds no ``IS NULL OR``, which kept SQLite from its index: a C-MOVE by
    Study Instance UID scanned every study (6 ms at 3,000 studies, 1.2 ms after)."""
    archive = Archive(tmp_path / "a")
    try:
        matcher = ArchiveMatcher(AsyncArchive(archive))
        ds = Dataset()
        ds.QueryRetrieveLevel = "STUDY"
        ds.StudyInstanceUID = "1.2.3"
        ds.PatientName = "DOE*"
        plan = matcher.plan(parse_identifier(ds), matcher.schema.level_of("STUDY"))
        where = str(plan.where.compile())
        assert '"StudyInstanceUID" IS NULL' not in where
        assert '"StudyInstanceUID" =' in where
        assert "IS NULL" in where  # Patient Name may be empty: it keeps the rule
    finally:
        archive.close()


@pytest.mark.parametrize("options", [{}, {"person_name_case_insensitive": True}],
                         ids=["case-sensitive", "case-insensitive"])
def test_a_prefix_wild_card_on_a_joined_level_is_answered_from_an_index(
        tmp_path: Path, options: dict[str, bool]) -> None:
    """Issue 14: ``BENCH^A0001*`` on Patient's Name (held at the patient level, joined to the
    studies) scanned every study: GLOB (or LIKE) was not given to the index.  The literal
    prefix is now also a range, which SQLite answers from the index of Patient's Name (or
    of its folded copy): the plan searches patient by that index, not the study table."""
    from dicomkit.query import MatchOptions

    archive = Archive(tmp_path / "a")
    try:
        matcher = ArchiveMatcher(AsyncArchive(archive))
        ds = Dataset()
        ds.QueryRetrieveLevel = "STUDY"
        ds.StudyInstanceUID = ""
        ds.PatientName = "BENCH^A0001*"
        plan = matcher.plan(parse_identifier(ds, MatchOptions(**options)), "STUDY")
        assert plan.residual.is_universal
        schema = archive.schema
        stmt = sa.select(schema.tables["STUDY"].c.id).select_from(
            schema.select_from("STUDY")).where(plan.where)
        engine = archive.index.engine
        sql = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
        with engine.connect() as conn:
            steps = " | ".join(str(r[3]) for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql))
        column = "PatientName_folded" if options else "PatientName"
        assert f"SEARCH patient USING COVERING INDEX ix_patient_{column} ({column}>? AND " \
            f"{column}<?)" in steps, steps
        assert "SCAN study" not in steps, steps
    finally:
        archive.close()
