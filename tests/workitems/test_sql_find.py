"""UPS C-FIND pushed into SQL (dicomkit.query.sql over the store's index columns): the same
matches as the matcher alone (PS3.4 C.2.2) on random workitems and queries, the index columns
used, and a store made before the columns existed given them on opening."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.core import dictionary
from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.io.writer import encode_file
from dicomkit.query import MatchOptions, matches, parse_identifier
from dicomkit.workitems import WorkitemStore
from dicomkit.workitems.store import INDEXED
from tests.workitems.items import new_workitem

NAMES = ["DOE^JANE", "DOE^JOHN", "SMITH^ANN", "Doe^Jane"]
LABELS = ["CT head", "MR knee", "AI lung"]
PRIORITIES = ["LOW", "MEDIUM", "HIGH"]
STARTS = ["20261201080000", "20261203120000", "20261205170000"]


def workitem(name: str, label: str, priority: str, start: str, patient: str) -> Dataset:
    ds = new_workitem(label=label, patient=name)
    ds.ScheduledProcedureStepPriority = priority
    ds.ScheduledProcedureStepStartDateTime = start
    ds.PatientID = patient
    return ds


items = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(LABELS),
                           st.sampled_from(PRIORITIES), st.sampled_from(STARTS),
                           st.sampled_from(["P1", "P2", "P3"])), min_size=1, max_size=8)
keys = st.fixed_dictionaries({}, optional={
    "PatientName": st.sampled_from(["DOE^*", "*JANE", "DOE^JANE", "?OE^J*", ""]),
    "ProcedureStepLabel": st.sampled_from(["CT head", "*knee", "AI*", ""]),
    "ScheduledProcedureStepPriority": st.sampled_from(["HIGH", "LOW\\MEDIUM", ""]),
    "ScheduledProcedureStepStartDateTime": st.sampled_from(
        ["20261202-", "-20261203120000", "20261201-20261204", "20261203120000", ""]),
    "PatientID": st.sampled_from(["P1", "P*", "P2\\P3"]),
    "ProcedureStepState": st.sampled_from(["SCHEDULED", "IN PROGRESS"]),
})


@settings(max_examples=60, deadline=None)
@given(rows=items, query=keys, unknown=st.booleans())
def test_sql_push_down_finds_what_the_matcher_finds(rows: list[tuple[str, ...]],
                                                    query: dict[str, str],
                                                    unknown: bool) -> None:
    options = MatchOptions(unknown_matches=unknown)
    store = WorkitemStore(options=options)
    try:
        made = [store.create(workitem(*r)).dataset for r in rows]
        identifier = Dataset()
        for keyword, value in query.items():
            tag = dictionary.tag_for_keyword(keyword)
            identifier.add_new(tag, dictionary_vr(tag),
                               value.split("\\") if "\\" in value else value,
                               validation_mode="ignore")  # ranges are not DT values
        parsed = parse_identifier(identifier, options)
        expected = [str(ds.SOPInstanceUID) for ds in made if ds is not None
                    and matches(parsed, ds)]
        found = [str(ds.SOPInstanceUID) for ds in store.find(identifier)]
        assert found == expected
    finally:
        store.close()


def test_indexed_keys_go_to_sql_and_sequences_stay_in_python() -> None:
    store = WorkitemStore()
    try:
        identifier = Dataset()
        identifier.PatientID = "P1"
        identifier.ProcedureStepState = "SCHEDULED"
        identifier.ScheduledWorkitemCodeSequence = [Dataset()]
        identifier.ScheduledWorkitemCodeSequence[0].CodeValue = "110005"
        plan = store.sql_plan(identifier)
        assert "PatientID" in str(plan.where) and "ProcedureStepState" in str(plan.where)
        assert [k.keyword for k in plan.residual.matching_keys] == [
            "ScheduledWorkitemCodeSequence"]
    finally:
        store.close()


def test_a_store_made_before_the_index_columns_gets_them(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    ds = new_workitem()
    ds.SOPClassUID = "1.2.840.10008.5.1.4.34.6.1"
    ds.SOPInstanceUID = "1.2.3.4"
    with sqlite3.connect(path) as db:  # the table as the store made it before
        db.execute("CREATE TABLE workitem (uid VARCHAR(64) PRIMARY KEY, state VARCHAR(16) "
                   "NOT NULL, transaction_uid VARCHAR(64) NOT NULL, data BLOB NOT NULL, "
                   "created DATETIME NOT NULL, modified DATETIME NOT NULL)")
        db.execute("INSERT INTO workitem VALUES (?, ?, '', ?, '2026-12-03 00:00:00', "
                   "'2026-12-03 00:00:00')",
                   ("1.2.3.4", "SCHEDULED",
                    encode_file(ds, "1.2.840.10008.1.2.1")))
    store = WorkitemStore(str(path))
    try:
        keys = Dataset()
        keys.PatientName = "DOE^*"
        assert [str(d.SOPInstanceUID) for d in store.find(keys)] == ["1.2.3.4"]
        with sqlite3.connect(path) as db:
            names = {r[1] for r in db.execute("PRAGMA table_info(workitem)")}
        assert {"PatientName", "PatientID", "ProcedureStepState"} <= names
        assert len(INDEXED) >= 10
    finally:
        store.close()
