"""Property: after any sequence of inserts and deletes, every derived attribute (PS3.4 Table
C.3-1) equals what the stored instances give, recomputed here from a plain model."""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dicomkit.archive import Archive, NotFoundError
from tests.archive.make import instance

_ids = itertools.count()


@functools.cache
def _uid(kind: str, n: int) -> str:
    return f"1.2.826.0.1.3680043.10.99.{'PSTI'.index(kind) + 1}.{n}"


def _ops() -> st.SearchStrategy[list[tuple[str, int, int, int, str]]]:
    insert = st.tuples(st.just("insert"), st.integers(0, 2), st.integers(0, 3),
                       st.integers(0, 5), st.sampled_from(["CT", "MR", "PT"]))
    delete = st.tuples(st.sampled_from(["delete-study", "delete-series", "delete-instance"]),
                       st.integers(0, 2), st.integers(0, 3), st.integers(0, 5), st.just(""))
    return st.lists(st.one_of(insert, insert, delete), max_size=14)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=_ops())
def test_derived_attributes_match_the_stored_instances(tmp_path: Path,
                                                       ops: list[tuple[str, int, int, int, str]]
                                                       ) -> None:
    run = next(_ids)
    # model: sop -> (patient, study, series, modality); a series keeps its first modality
    model: dict[str, tuple[str, str, str, str]] = {}
    with Archive(tmp_path / f"a{run}", fsync=False) as archive:
        for op, study_n, series_n, sop_n, modality in ops:
            study = _uid("S", run * 100 + study_n)
            series = _uid("T", run * 1000 + study_n * 10 + series_n)
            sop = _uid("I", run * 10000 + study_n * 100 + series_n * 10 + sop_n)
            patient = f"P{study_n % 2}"
            if op == "insert":
                first = next((m[3] for m in model.values() if m[2] == series), modality)
                known_study = next((m[0] for m in model.values() if m[1] == study), patient)
                archive.insert_bytes(instance(study, series, sop, patient=known_study,
                                              modality=first))
                model.setdefault(sop, (known_study, study, series, first))
                continue
            level, uid, index = {"delete-study": ("STUDY", study, 1),
                                 "delete-series": ("SERIES", series, 2),
                                 "delete-instance": ("IMAGE", sop, 4)}[op]
            gone = [k for k, m in model.items() if (m + (k,))[index] == uid]
            try:
                assert archive.delete(level, uid) == len(gone)
            except NotFoundError:
                assert not gone
            for k in gone:
                del model[k]
        assert archive.count("IMAGE") == len(model)
        for row in archive.find("STUDY"):
            mine = [m for m in model.values() if m[1] == row["StudyInstanceUID"]]
            assert row["NumberOfStudyRelatedInstances"] == len(mine)
            assert row["NumberOfStudyRelatedSeries"] == len({m[2] for m in mine})
            assert row["ModalitiesInStudy"] == "\\".join(sorted({m[3] for m in mine}))
        for row in archive.find("SERIES"):
            assert row["NumberOfSeriesRelatedInstances"] == sum(
                1 for m in model.values() if m[2] == row["SeriesInstanceUID"])
        for row in archive.find("PATIENT"):
            mine = [m for m in model.values() if m[0] == row["PatientID"]]
            assert (row["NumberOfPatientRelatedStudies"], row["NumberOfPatientRelatedSeries"],
                    row["NumberOfPatientRelatedInstances"]) == (
                len({m[1] for m in mine}), len({m[2] for m in mine}), len(mine))
        assert archive.count("STUDY") == len({m[1] for m in model.values()})
        assert archive.check().ok
