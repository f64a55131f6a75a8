"""Benchmark: query matching on 10,000 synthetic studies -- the pure matcher, and SQL push-down
on SQLite -- against pynetdicom's Q/R SCP database (``pynetdicom.apps.qrscp.db``, SQLAlchemy on
SQLite) in the same run.

Run: ``python bench/bench_query.py [--studies N] [--repeat N] [--postgresql]``.

The studies are made by the benchmark (names, IDs, dates and times over ten years, modalities,
new UIDs), once as dicomkit data sets (the matcher, and the index rows of
``dicomkit.query.storage``) and once as pydicom data sets stored with pynetdicom's own
``add_instance`` (one instance per study).  Each query is timed from its identifier to the list of
matching rows: parse + ``to_sql`` + execute + fetch for dicomkit; ``db.search`` (which parses,
builds and runs its SQLAlchemy ORM query) for pynetdicom.  Both tables live in in-memory SQLite
with an index on each matched column; ``--postgresql`` runs both again on a PostgreSQL server
started for the run (``tests/pg.py``).  Printed: p50 and p99 latency, results/s, and the ratio
pynetdicom/dicomkit of the p50 latencies (higher is better for dicomkit).  The pure matcher's
throughput is data sets matched per second over all studies.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dicomkit import Dataset, Tag  # noqa: E402
from dicomkit.core.dataset import dictionary_vr  # noqa: E402
from dicomkit.core.uid import generate_uid  # noqa: E402
from dicomkit.query import MatchOptions, matches, parse_identifier  # noqa: E402
from dicomkit.query.sql import index_columns, to_sql  # noqa: E402
from dicomkit.query.storage import column_names, index_row  # noqa: E402

FAMILY = ["SMITH", "JONES", "MILLER", "MÜLLER", "GARCIA", "WANG", "SMYTH", "BROWN", "DAVIS",
          "WILSON", "TAYLOR", "MOORE", "ANDERSON", "THOMAS", "JACKSON", "WHITE"]
GIVEN = ["JOHN", "MARY", "ANN", "PETER", "HANS", "LI", "JOSE", "EMMA", "NOAH", "OLIVIA"]
MODALITIES = ["CT", "MR", "PT", "US", "CR", "DX", "MG", "NM"]
ATTRIBUTES = ["PatientName", "PatientID", "StudyDate", "StudyTime", "AccessionNumber", "StudyID",
              "StudyInstanceUID", "ModalitiesInStudy", "StudyDescription"]
QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("exact Patient ID", {"PatientID": "PID004242"}),
    ("wild card Patient Name SMI*", {"PatientName": "SMI*"}),
    ("date range (one month)", {"StudyDate": "20200101-20200131"}),
    ("date range + modality", {"StudyDate": "20190101-20191231", "ModalitiesInStudy": "MR"}),
]


def studies(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        day = rnd.randrange(3650)
        year, rest = 2015 + day // 365, day % 365
        month, dom = 1 + rest // 31 % 12, 1 + rest % 28
        out.append({
            "PatientName": f"{rnd.choice(FAMILY)}^{rnd.choice(GIVEN)}",
            "PatientID": f"PID{i:06d}",
            "StudyDate": f"{year:04d}{month:02d}{dom:02d}",
            "StudyTime": f"{rnd.randrange(24):02d}{rnd.randrange(60):02d}{rnd.randrange(60):02d}",
            "AccessionNumber": f"A{rnd.randrange(10**7):07d}",
            "StudyID": str(rnd.randrange(1000)),
            "StudyInstanceUID": generate_uid(),
            "ModalitiesInStudy": rnd.sample(MODALITIES, rnd.randint(1, 2)),
            "StudyDescription": rnd.choice(["HEAD", "CHEST", "ABDOMEN", "KNEE"]),
        })
    return out


def as_dicomkit(values: dict[str, Any]) -> Dataset:
    ds = Dataset()
    for k, v in values.items():
        tag = Tag(k)
        ds.add_new(tag, dictionary_vr(tag), v, validation_mode="ignore")
    return ds


def timed(fn: Callable[[], int], repeat: int) -> tuple[float, float, int]:
    """p50 and p99 seconds of ``fn`` over ``repeat`` runs, and its result count."""
    fn()  # warm up (compiled statements, caches)
    times = []
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))], count


def ours_sql(entities: list[Dataset], url: str) -> tuple[sa.Engine, sa.Table, dict[Any, Any],
                                                         float]:
    engine = sa.create_engine(url)
    meta = sa.MetaData()
    names = column_names(ATTRIBUTES)
    table = sa.Table("study", meta, sa.Column("id", sa.Integer, primary_key=True),
                     *(sa.Column(n, sa.Text) for n in names))
    for n in ("PatientID", "PatientName", "StudyDate", "StudyInstanceUID",
              "StudyDate_datetime"):
        sa.Index(f"ix_{n}", table.c[n])
    meta.create_all(engine)
    start = time.perf_counter()
    rows = [{"id": i, **index_row(e, ATTRIBUTES)} for i, e in enumerate(entities)]
    with engine.begin() as conn:
        conn.execute(table.insert(), rows)
    indexing = time.perf_counter() - start
    cols = index_columns(table, ATTRIBUTES)
    return engine, table, cols, indexing


def pynetdicom_db(values: list[dict[str, Any]], url: str) -> tuple[Any, Any, float]:
    from pydicom.dataset import Dataset as PDataset
    from pynetdicom.apps.qrscp import db
    from sqlalchemy.orm import sessionmaker

    engine = db.create(url)
    session = sessionmaker(bind=engine)()
    start = time.perf_counter()
    for v in values:
        ds = PDataset()
        for k in ("PatientName", "PatientID", "StudyDate", "StudyTime", "AccessionNumber",
                  "StudyID", "StudyInstanceUID"):
            setattr(ds, k, v[k])
        ds.SeriesInstanceUID = v["StudyInstanceUID"] + ".1"
        ds.SOPInstanceUID = v["StudyInstanceUID"] + ".1.1"
        ds.Modality = v["ModalitiesInStudy"][0]
        ds.SeriesNumber = 1
        ds.InstanceNumber = 1
        db.add_instance(ds, session)
    return session, engine, time.perf_counter() - start


def compare(values: list[dict[str, Any]], entities: list[Dataset], url: str, backend: str,
            repeat: int) -> None:
    """The SQL queries of dicomkit and of pynetdicom on one database."""
    engine, table, cols, indexing = ours_sql(entities, url)
    print(f"\n== {backend}: {len(entities)} studies; dicomkit index rows: "
          f"{len(entities) / indexing:,.0f} rows/s")
    try:
        session, _pengine, pindexing = pynetdicom_db(values, url)
        print(f"pynetdicom add_instance: {len(values) / pindexing:,.0f} rows/s")
    except ImportError:
        session = None
        print("pynetdicom's qrscp app is not installed: no anchor")
    except sa.exc.SQLAlchemyError as exc:
        session = None
        print(f"pynetdicom's schema cannot be created here: {str(exc).splitlines()[0][:120]}")

    print(f"{'query':34} {'dicomkit SQL p50/p99 ms':>24} {'n':>5} {'pynetdicom p50/p99 ms':>22}"
          f" {'n':>5} {'ratio':>6}")
    for name, keys in QUERIES:
        ident = as_dicomkit({"QueryRetrieveLevel": "STUDY", "StudyInstanceUID": "", **keys})

        def run_ours(ident: Dataset = ident) -> int:
            query = parse_identifier(ident)
            plan = to_sql(query, cols)
            with engine.connect() as conn:
                rows = conn.execute(sa.select(table).where(plan.where)).all()
            if not plan.residual.is_universal:
                rows = [r for r in rows if matches(plan.residual, entities[r.id])]
            return len(rows)

        p50, p99, n = timed(run_ours, repeat)
        line = f"{name:34} {p50 * 1e3:11.2f} / {p99 * 1e3:8.2f} {n:5d}"
        if session is not None:
            from pydicom.dataset import Dataset as PDataset
            from pynetdicom.apps.qrscp import db
            from pynetdicom.sop_class import StudyRootQueryRetrieveInformationModelFind as FIND

            def run_theirs(keys: dict[str, Any] = keys) -> int:
                pid = PDataset()
                pid.QueryRetrieveLevel = "STUDY"
                # None: pydicom 3 reads an empty UI as "", which db.search matches literally
                pid.StudyInstanceUID = None
                for k, v in keys.items():
                    setattr(pid, k, v)
                return len(db.search(FIND, pid, session))

            if "ModalitiesInStudy" in keys:  # not in pynetdicom's index (its search drops it)
                line += f" {'(no Modalities in Study)':>22}"
            else:
                q50, q99, m = timed(run_theirs, repeat)
                line += f" {q50 * 1e3:9.2f} / {q99 * 1e3:8.2f} {m:5d} {q50 / p50:6.2f}"
        print(line)
    if session is not None:
        session.close()
        _pengine.dispose()
    engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--studies", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--postgresql", action="store_true",
                    help="also on a PostgreSQL server started for the run (tests/pg.py)")
    args = ap.parse_args()
    values = studies(args.studies)
    entities = [as_dicomkit(v) for v in values]
    compare(values, entities, "sqlite://", "SQLite (in memory)", args.repeat)
    if args.postgresql:
        from tests.pg import postgres_server

        with postgres_server() as url:
            compare(values, entities, url, "PostgreSQL (tests/pg.py server)", args.repeat)

    print(f"\n{'pure matcher (parse + all studies)':34} {'data sets/s':>14} {'matches':>8}")
    for name, keys in [*QUERIES, ("combined date-time range", {
            "StudyDate": "20200101-20200301", "StudyTime": "1200-2000"})]:
        options = MatchOptions(combined_datetime="StudyTime" in keys)
        query = parse_identifier(as_dicomkit({"QueryRetrieveLevel": "STUDY", **keys}), options)

        def scan(q: Any = query) -> int:
            return sum(1 for e in entities if matches(q, e))

        p50, _p99, n = timed(scan, max(3, args.repeat // 10))
        print(f"{name:34} {len(entities) / p50:14,.0f} {n:8d}")


if __name__ == "__main__":
    main()
