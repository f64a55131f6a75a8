"""Benchmark: UPS C-FIND on a workitem store, pushed into SQL (the index columns of
``dicomkit.workitems.store``, ``dicomkit.query.sql``), against the anchor measured in the same
run: the whole-table scan the store did before (every stored data set read and matched in
Python by ``dicomkit.query.matches``) over the same database.

Run: ``python bench/bench_ups_find.py [--workitems N] [--repeat N]``.

The workitems are made by the benchmark (patients, labels, priorities, states, start times over
a year).  Each query is timed from its identifier to the list of response identifiers.
Printed: p50 and p99 latency of both, the results, and the ratio scan / SQL of the p50s
(higher is better for the push-down).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dicomkit.core import dictionary  # noqa: E402
from dicomkit.core.dataset import Dataset, dictionary_vr  # noqa: E402
from dicomkit.io.reader import read_bytes  # noqa: E402
from dicomkit.query import matches, parse_identifier, response_identifier  # noqa: E402
from dicomkit.workitems import WorkitemStore  # noqa: E402
from tests.workitems.items import new_workitem  # noqa: E402

LABELS = ["CT head", "MR knee", "AI lung nodules", "QC review", "Report", "Transcription"]
QUERIES: list[tuple[str, dict[str, str]]] = [
    ("exact Patient ID", {"PatientID": "P000042"}),
    ("Procedure Step State IN PROGRESS", {"ProcedureStepState": "IN PROGRESS"}),
    ("wild card label AI*", {"ProcedureStepLabel": "AI*"}),
    ("start DateTime range (one week)",
     {"ScheduledProcedureStepStartDateTime": "20260301000000-20260307235959"}),
]


def identifier(keys: dict[str, str]) -> Dataset:
    ds = Dataset()
    for keyword, value in keys.items():
        tag = dictionary.tag_for_keyword(keyword)
        ds.add_new(tag, dictionary_vr(tag), value, validation_mode="ignore")
    ds.add_new(dictionary.tag_for_keyword("PatientName"), "PN", None)
    return ds


def fill(store: WorkitemStore, count: int, rng: random.Random) -> None:
    for n in range(count):
        ds = new_workitem(label=rng.choice(LABELS), patient=f"PATIENT^{n % 997}")
        ds.PatientID = f"P{n % 5000:06d}"
        day = rng.randrange(365)
        ds.ScheduledProcedureStepStartDateTime = time.strftime(
            "%Y%m%d%H%M%S", time.gmtime(1767225600 + day * 86400 + rng.randrange(86400)))
        uid = store.create(ds).dataset.SOPInstanceUID  # type: ignore[union-attr]
        if n % 3 == 0:
            store.change_state(str(uid), "IN PROGRESS", f"1.2.3.{n}")


def scan(store: WorkitemStore, ident: Dataset) -> list[Dataset]:
    """The anchor: every row read and matched in Python (the store's former C-FIND)."""
    query = parse_identifier(ident, store.options)
    table = sa.Table("workitem", sa.MetaData(), autoload_with=store.engine)
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(table.c.data).order_by(table.c.created)).all()
    out = []
    for row in rows:
        ds = read_bytes(bytes(row.data))
        if matches(query, ds):
            out.append(response_identifier(query, ds))
    return out


def timed(fn: Callable[[], list[Any]], repeat: int) -> tuple[float, float, int]:
    times, size = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        size = len(fn())
        times.append(time.perf_counter() - t)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workitems", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = WorkitemStore(str(Path(tmp) / "ups.sqlite"))
        t = time.perf_counter()
        fill(store, args.workitems, random.Random(17))
        print(f"{args.workitems} workitems created in {time.perf_counter() - t:.1f} s")
        print("| query | SQL p50 / p99 | scan p50 / p99 | results | ratio |")
        print("| --- | --- | --- | --- | --- |")
        for name, keys in QUERIES:
            ident = identifier(keys)
            sql = timed(lambda i=ident: list(store.find(i)), args.repeat)
            anchor = timed(lambda i=ident: scan(store, i), max(3, args.repeat // 5))
            assert sql[2] == anchor[2], (name, sql[2], anchor[2])
            print(f"| {name} | {sql[0] * 1e3:.2f} / {sql[1] * 1e3:.2f} ms | "
                  f"{anchor[0] * 1e3:.1f} / {anchor[1] * 1e3:.1f} ms | {sql[2]} | "
                  f"{anchor[0] / sql[0]:.1f} |")
        store.close()


if __name__ == "__main__":
    main()
