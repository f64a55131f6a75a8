"""An index written by an older dicomkit opens (dicomkit.archive.migrate), on SQLite and
PostgreSQL: the layout of version 1 (no ``dicomkit_meta``, no ``_folded`` and ``_datetime``
columns) is made by hand below, in SQL, from a fresh index; opening the archive adds the columns
and fills them in one transaction, and the queries that need them (case-insensitive person
names, PS3.4 C.2.2.2.1.1; combined date and time ranges, C.2.2.2.5.1) select what the pure
matcher selects, pushed down to SQL.  A migration killed half-way leaves the old layout, usable,
and the next open does it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import anyio
import pytest
import sqlalchemy as sa

from dicomkit.archive import Archive, AsyncArchive
from dicomkit.archive.index import engine_url
from dicomkit.archive.schema import SCHEMA_VERSION, Schema
from dicomkit.core.dataset import Dataset
from dicomkit.net.services.qr.archive_query import ArchiveMatcher
from dicomkit.query import MatchOptions, matches, parse_identifier
from tests.archive.test_query_pushdown import _datasets, _part10, _query

#: Version 1's extra columns: none.  The columns version 2 added, by table.
ADDED = {"patient": ["PatientName_folded", "PatientBirthDate_datetime"],
         "study": ["StudyDate_datetime", "ReferringPhysicianName_folded"],
         "series": ["PerformedProcedureStepStartDate_datetime"]}

CASE_INSENSITIVE = MatchOptions(person_name_case_insensitive=True)
COMBINED = MatchOptions(combined_datetime=True)
#: (keys, options): queries answered from the columns version 2 added
QUERIES: tuple[tuple[dict[str, str], MatchOptions], ...] = (
    ({"PatientName": "doe*"}, CASE_INSENSITIVE),
    ({"PatientName": "DOE^JOHN"}, CASE_INSENSITIVE),
    ({"PatientName": "*^j?hn"}, CASE_INSENSITIVE),
    ({"StudyDate": "20240102-20240102", "StudyTime": "1100-1200"}, COMBINED),
    ({"StudyDate": "20231231-20240102", "StudyTime": "2300-1130"}, COMBINED),
)


def _make_old(url: str) -> None:
    """Turn a fresh index into the layout an older dicomkit wrote: no version table, and the
    tables without the columns of version 2 (SQL by hand, as that dicomkit's column list)."""
    engine = sa.create_engine(engine_url(url))
    try:
        with engine.begin() as conn:
            for table, columns in ADDED.items():
                for column in columns:
                    conn.exec_driver_sql(f'DROP INDEX IF EXISTS "ix_{table}_{column}"')
                    conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
            conn.exec_driver_sql("DROP TABLE dicomkit_meta")
    finally:
        engine.dispose()


def _layout(url: str) -> tuple[dict[str, set[str]], set[str]]:
    engine = sa.create_engine(engine_url(url))
    try:
        inspector = sa.inspect(engine)
        return ({t: {c["name"] for c in inspector.get_columns(t)} for t in ADDED},
                set(inspector.get_table_names()))
    finally:
        engine.dispose()


def _old_archive(tmp_path: Path, url: str) -> list[Dataset]:
    datasets = _datasets()
    with Archive(tmp_path / "arc", db=url) as archive:
        for ds in datasets:
            archive.insert_bytes(_part10(ds))
    _make_old(url)
    columns, tables = _layout(url)
    assert "dicomkit_meta" not in tables
    for table, added in ADDED.items():
        assert not set(added) & columns[table]
    return datasets


def _check_queries(archive: Archive, datasets: list[Dataset]) -> None:
    matcher = ArchiveMatcher(AsyncArchive(archive))
    for keys, options in QUERIES:
        identifier = _query(keys)
        query = parse_identifier(identifier, options)
        plan = matcher.plan(query, "STUDY")
        assert plan.residual.is_universal, keys  # answered by the new columns in SQL

        async def run() -> set[str]:
            return {str(row["StudyInstanceUID"]) async for row, _ in matcher.rows(plan)}  # noqa: B023

        expected = {str(ds.StudyInstanceUID) for ds in datasets if matches(query, ds)}
        assert expected, keys  # the query selects something
        assert anyio.run(run) == expected, keys


@pytest.mark.filterwarnings("ignore::dicomkit.core.config.DicomValueWarning")
def test_an_old_layout_index_is_upgraded_on_open_and_answers_from_the_new_columns(
        tmp_path: Path, db_url: str) -> None:
    datasets = _old_archive(tmp_path, db_url)
    calls: list[tuple[int, int]] = []
    with Archive(tmp_path / "arc", db=db_url, upgrade_progress=lambda d, t: calls.append((d, t))
                 ) as archive:
        report = archive.upgrade
        assert report.found == 1 and report.version == SCHEMA_VERSION
        assert report.added == ADDED
        assert report.unreadable == []
        assert calls and calls[-1][0] == calls[-1][1] == report.filled
        _check_queries(archive, datasets)
        study = archive.schema.tables["STUDY"]
        with archive.index.connection() as conn:
            moment = conn.execute(sa.select(study.c.StudyDate_datetime).where(
                study.c.StudyInstanceUID == "1.2.40.0")).scalar_one()
        assert moment == "20240102113000.000000"  # 12:30 at +01:00, in UTC
    with Archive(tmp_path / "arc", db=db_url) as again:  # upgraded once
        assert not again.upgrade.changed and again.upgrade.found == SCHEMA_VERSION


def test_a_new_index_is_written_at_the_current_version(tmp_path: Path) -> None:
    with Archive(tmp_path / "arc") as archive:
        assert not archive.upgrade.changed
        with archive.index.connection() as conn:
            value = conn.execute(sa.select(Schema().meta.c.value)).scalar_one()
    assert value == str(SCHEMA_VERSION)


_KILLED = textwrap.dedent("""
    import os, signal, sys
    from dicomkit.archive import Archive

    def stop(done, total):
        os.kill(os.getpid(), signal.SIGKILL)  # half-way: columns added, some rows filled

    Archive(sys.argv[1], db=sys.argv[2], upgrade_progress=stop)
    """)


@pytest.mark.filterwarnings("ignore::dicomkit.core.config.DicomValueWarning")
def test_a_migration_killed_half_way_leaves_the_old_layout_usable(
        tmp_path: Path, db_url: str) -> None:
    datasets = _old_archive(tmp_path, db_url)
    done = subprocess.run([sys.executable, "-c", _KILLED, str(tmp_path / "arc"), db_url],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    columns, tables = _layout(db_url)  # rolled back: the layout of version 1
    for table, added in ADDED.items():
        assert not set(added) & columns[table]
    with Archive(tmp_path / "arc", db=db_url) as archive:
        assert archive.upgrade.found == 1 and archive.upgrade.added == ADDED
        _check_queries(archive, datasets)
        assert archive.count("STUDY") == len(datasets)


def test_a_row_whose_file_is_gone_keeps_empty_new_columns(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'index.sqlite'}"
    _old_archive(tmp_path, url)
    gone: Callable[[Path], None] = lambda p: p.unlink()  # noqa: E731
    for f in sorted((tmp_path / "arc").rglob("*.dcm"))[:1]:
        gone(f)
    with Archive(tmp_path / "arc", db=url) as archive:
        assert len(archive.upgrade.unreadable) >= 1
        assert archive.count("IMAGE") == 5  # nothing else lost


@pytest.mark.filterwarnings("ignore::dicomkit.core.config.DicomValueWarning")
def test_dicomkit_archive_index_says_it_upgraded_the_layout(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dicomkit.cli.main import main

    url = f"sqlite:///{tmp_path / 'index.sqlite'}"
    _old_archive(tmp_path, url)
    assert main(["archive", "index", str(tmp_path / "arc"), "--db", url, "-q"]) == 0
    out, _ = capsys.readouterr()
    assert "index layout upgraded from version 1 to 2" in out
    assert "patient.PatientName_folded" in out and "study.StudyDate_datetime" in out
    assert main(["archive", "index", str(tmp_path / "arc"), "--db", url, "-q"]) == 0
    out, _ = capsys.readouterr()
    assert "upgraded" not in out and "already indexed" in out


def test_an_index_the_layout_lacks_is_made_on_open(tmp_path: Path, db_url: str) -> None:
    """An index of the schema missing from the database (a key a newer edition makes a
    matching key, or one dropped by hand) is made when the archive opens."""
    with Archive(tmp_path / "arc", db=db_url):
        pass
    engine = sa.create_engine(engine_url(db_url))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql('DROP INDEX "ix_patient_PatientName_folded"')
        with Archive(tmp_path / "arc", db=db_url) as archive:
            assert not archive.upgrade.changed
        names = {ix["name"] for ix in sa.inspect(engine).get_indexes("patient")}
        assert "ix_patient_PatientName_folded" in names
    finally:
        engine.dispose()


@pytest.mark.filterwarnings("ignore::dicomkit.core.config.DicomValueWarning")
def test_a_key_column_a_newer_edition_adds_is_filled_from_the_files(
        tmp_path: Path, db_url: str) -> None:
    """A key the index lacks (as when a newer edition's query key list adds one: here Study
    Description and Patient's Weight dropped by hand) is added and filled from one stored
    file of each row, as indexing a new instance fills it; the queries on it then agree with
    the matcher."""
    datasets = _old_archive(tmp_path, db_url)
    engine = sa.create_engine(engine_url(db_url))
    try:
        with engine.begin() as conn:
            for table, column in (("study", "StudyDescription"), ("study", "PatientWeight"),
                                  ("patient", "PatientWeight")):
                conn.exec_driver_sql(f'DROP INDEX IF EXISTS "ix_{table}_{column}"')
                names = {c["name"] for c in sa.inspect(conn).get_columns(table)}
                if column in names:
                    conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    finally:
        engine.dispose()
    with Archive(tmp_path / "arc", db=db_url) as archive:
        assert "StudyDescription" in archive.upgrade.added["study"]
        assert archive.upgrade.unreadable == []
        row = archive.find("STUDY", StudyInstanceUID="1.2.40.0")[0]
        assert row["StudyDescription"] == "Head CT"
        matcher = ArchiveMatcher(AsyncArchive(archive))
        for keys in ({"StudyDescription": "*CT"}, {"PatientWeight": "70.5"}):
            query = parse_identifier(_query(keys))
            plan = matcher.plan(query, "STUDY")

            async def run() -> set[str]:
                return {str(r["StudyInstanceUID"]) async for r, _ in matcher.rows(plan)}  # noqa: B023

            expected = {str(ds.StudyInstanceUID) for ds in datasets if matches(query, ds)}
            assert expected and anyio.run(run) == expected, keys
