"""Benchmark (issue 14): a prefix wild card on a joined level, answered by GLOB/LIKE alone (the
condition ``to_sql`` gave before) and by the range on the literal prefix (what it gives now),
alternating in one run, on the archive's own tables (dicomkit.archive.schema) in SQLite and,
with ``--postgresql``, on a PostgreSQL server started for the run (tests/pg.py).

The index holds ``--studies`` studies, one patient each, named ``BENCH^<letter><number>``
like bench/bench_qr.py's; the query is the C-FIND SCP's for ``PatientName=BENCH^A0001*`` at
the study level (patient joined, ordered by Study Instance UID as the SCP orders its rows),
case-sensitive (main column) and case-insensitive (the ``_folded`` column).  Each figure is
the best over ``--rounds`` alternating rounds of the p50 of ``--repeat`` executions (fetching
the rows); printed with the ratio before/after.  On PostgreSQL (a "C" collation cluster) both
are ``LIKE``, which its planner already answered from the index: the ratio stays 1.  Not a
test: nothing here fails.

    python bench/bench_wildcard_index.py [--studies 10000] [--repeat 50] [--postgresql]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from dicomkit.archive.schema import PATIENT, STUDY, Schema  # noqa: E402
from dicomkit.core.dataset import Dataset  # noqa: E402
from dicomkit.query import MatchOptions, parse_identifier  # noqa: E402
from dicomkit.query.sql import index_columns, to_sql, wildcard_like  # noqa: E402
from dicomkit.query.wildcard import glob_pattern, like_pattern  # noqa: E402


def _fill(engine: sa.Engine, schema: Schema, n: int) -> None:
    schema.metadata.drop_all(engine)
    schema.metadata.create_all(engine)
    patients = [{"id": i, "patient_key": f"P{i}\\", "PatientID": f"P{i}",
                 "PatientName": f"BENCH^{'ABCDEFGH'[i % 8]}{i // 8:04d}",
                 "PatientName_folded": f"bench^{'abcdefgh'[i % 8]}{i // 8:04d}"}
                for i in range(1, n + 1)]
    studies = [{"id": i, "patient_id": i, "StudyInstanceUID": f"1.2.826.0.1.{i}"}
               for i in range(1, n + 1)]
    with engine.begin() as conn:
        for i in range(0, n, 5000):
            conn.execute(schema.tables[PATIENT].insert(), patients[i:i + 5000])
            conn.execute(schema.tables[STUDY].insert(), studies[i:i + 5000])
        conn.exec_driver_sql("ANALYZE")


def _statements(schema: Schema, folded: bool) -> tuple[Any, Any]:
    """(before, after): the study ids of ``PatientName=BENCH^A0001*``."""
    ds = Dataset()
    ds.QueryRetrieveLevel = "STUDY"
    ds.StudyInstanceUID = ""
    ds.PatientName = "bench^a0001*" if folded else "BENCH^A0001*"
    query = parse_identifier(ds, MatchOptions(person_name_case_insensitive=folded))
    # the patient table's columns are named as dicomkit.query.storage names them
    after = to_sql(query, index_columns(schema.tables[PATIENT], ["PatientName"])).where
    col = schema.tables[PATIENT].c["PatientName_folded" if folded else "PatientName"]
    pattern = str(ds.PatientName)
    before = sa.or_(col.is_(None), wildcard_like(col, like_pattern(pattern),
                                                 glob_pattern(pattern)))
    study, patient = schema.tables[STUDY], schema.tables[PATIENT]
    # as the C-FIND SCP asks (dicomkit.net.services.qr.archive_query): the keys of the
    # identifier and the unique keys, in the order of the level's unique key
    base = (sa.select(study.c.id, study.c.StudyInstanceUID, patient.c.PatientID,
                      patient.c.PatientName).select_from(schema.select_from(STUDY))
            .order_by(study.c.StudyInstanceUID))
    return base.where(before), base.where(after)


def _p50(engine: sa.Engine, stmt: Any, repeat: int) -> tuple[float, int]:
    times = []
    found = 0
    with engine.connect() as conn:
        conn.execute(stmt).all()  # warm
        for _ in range(repeat):
            t0 = time.perf_counter()
            found = len(conn.execute(stmt).all())
            times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, found


def _run(name: str, engine: sa.Engine, args: argparse.Namespace) -> None:
    schema = Schema()
    _fill(engine, schema, args.studies)
    for folded in (False, True):
        before, after = _statements(schema, folded)
        rows: dict[str, list[float]] = {"before": [], "after": []}
        hits = {}
        for _ in range(args.rounds):  # alternating
            for label, stmt in (("before", before), ("after", after)):
                ms, hits[label] = _p50(engine, stmt, args.repeat)
                rows[label].append(ms)
        assert hits["before"] == hits["after"], hits
        b, a = min(rows["before"]), min(rows["after"])
        print(f"{name:<11}{'folded' if folded else 'main':<8}{args.studies:>8}{hits['after']:>6}"
              f"{b:>12.3f}{a:>12.3f}{b / a:>9.1f}x", flush=True)
    schema.metadata.drop_all(engine)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--studies", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--postgresql", action="store_true")
    args = ap.parse_args()
    print(f"{'database':<11}{'column':<8}{'studies':>8}{'hits':>6}{'before ms':>12}"
          f"{'after ms':>12}{'ratio':>10}")
    engine = sa.create_engine("sqlite://")
    _run("SQLite", engine, args)
    engine.dispose()
    if args.postgresql:
        from tests.pg import postgres_available, postgres_server

        why = postgres_available()
        if why is not None:
            print(f"PostgreSQL left out: {why}")
            return 0
        with postgres_server() as url:
            engine = sa.create_engine(url)
            _run("PostgreSQL", engine, args)
            engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
