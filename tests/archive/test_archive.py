"""The archive on SQLite and on a real PostgreSQL server (see conftest): idempotent insert and
its policies, derived attributes (PS3.4 Table C.3-1) after inserts and deletes, deletes at
every level, re-index, integrity check, concurrent inserts, bad input, crash safety."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from dicomkit import DicomError
from dicomkit.archive import (
    Archive,
    ArchiveError,
    DuplicateInstanceError,
    InstanceRefusedError,
    NotFoundError,
)
from dicomkit.archive.index import Index
from tests.archive.make import dataset, instance, uid


def _archive(tmp_path: Path, db_url: str, **kw: object) -> Archive:
    return Archive(tmp_path / "arc", db=db_url, fsync=False, **kw)  # type: ignore[arg-type]


def _files(archive: Archive) -> list[Path]:
    return list(archive.files.walk())


def _study(archive: Archive, study: str) -> dict[str, object]:
    [row] = archive.find("STUDY", StudyInstanceUID=study)
    return row


def test_insert_is_idempotent_by_sop_instance_uid(tmp_path: Path, db_url: str) -> None:
    with _archive(tmp_path, db_url) as archive:
        data = instance(uid(), uid(), uid())
        first = archive.insert_bytes(data)
        again = archive.insert_bytes(data)
        assert (first.action, again.action) == ("stored", "duplicate")
        assert again.path == first.path
        assert archive.count("IMAGE") == 1 and len(_files(archive)) == 1
        assert archive.files.path(first.path).read_bytes() == data  # stored as received


def test_policy_keep_keeps_the_stored_instance(tmp_path: Path, db_url: str) -> None:
    study, series, sop = uid(), uid(), uid()
    with _archive(tmp_path, db_url) as archive:
        one = instance(study, series, sop, patient="A")
        other = instance(study, series, sop, patient="A", number=7)
        stored = archive.insert_bytes(one)
        kept = archive.insert_bytes(other)
        assert kept.action == "kept" and kept.path == stored.path
        assert archive.files.path(stored.path).read_bytes() == one
        assert len(_files(archive)) == 1
        assert archive.find("IMAGE", SOPInstanceUID=sop)[0]["InstanceNumber"] == 1


def test_policy_replace_replaces_the_file_and_its_rows(tmp_path: Path, db_url: str) -> None:
    study, series, sop = uid(), uid(), uid()
    with _archive(tmp_path, db_url, policy="replace") as archive:
        first = archive.insert_bytes(instance(study, series, sop))
        other = instance(study, series, sop, number=9)
        replaced = archive.insert_bytes(other)
        assert replaced.action == "replaced" and replaced.obsolete == (first.path,)
        assert [p.read_bytes() for p in _files(archive)] == [other]
        [row] = archive.find("IMAGE", SOPInstanceUID=sop)
        assert row["InstanceNumber"] == 9 and row["path"] == replaced.path
        assert _study(archive, study)["NumberOfStudyRelatedInstances"] == 1
        assert archive.check().ok


def test_policy_reject_raises_and_stores_nothing(tmp_path: Path, db_url: str) -> None:
    study, series, sop = uid(), uid(), uid()
    with _archive(tmp_path, db_url, policy="reject") as archive:
        first = archive.insert_bytes(instance(study, series, sop))
        with pytest.raises(DuplicateInstanceError) as info:
            archive.insert_bytes(instance(study, series, sop, number=3))
        assert info.value.uid == sop and info.value.stored_sha256 != info.value.new_sha256
        assert isinstance(info.value, DicomError)
        assert archive.insert_bytes(instance(study, series, sop)).action == "duplicate"
        assert [p.relative_to(archive.root).as_posix() for p in _files(archive)] == [first.path]
        assert not list(archive.files.incoming.iterdir())


def test_policy_per_call_overrides_the_archive_policy(tmp_path: Path, db_url: str) -> None:
    study, series, sop = uid(), uid(), uid()
    with _archive(tmp_path, db_url) as archive:
        archive.insert_bytes(instance(study, series, sop))
        assert archive.insert_bytes(instance(study, series, sop, number=2),
                                    policy="replace").action == "replaced"
        with pytest.raises(ValueError):
            archive.insert_bytes(instance(study, series, sop, number=3), policy="overwrite")


def test_derived_attributes_are_true_after_inserts_and_deletes(tmp_path: Path,
                                                               db_url: str) -> None:
    study = uid()
    ct, mr = uid(), uid()
    other_study = uid()
    with _archive(tmp_path, db_url) as archive:
        ct_sops = [uid() for _ in range(3)]
        for n, sop in enumerate(ct_sops):
            archive.insert_bytes(instance(study, ct, sop, modality="CT", number=n))
        mr_sop = uid()
        archive.insert_bytes(instance(study, mr, mr_sop, modality="MR"))
        archive.insert_bytes(instance(other_study, uid(), uid(), modality="OT"))
        row = _study(archive, study)
        assert row["NumberOfStudyRelatedSeries"] == 2
        assert row["NumberOfStudyRelatedInstances"] == 4
        assert row["ModalitiesInStudy"] == "CT\\MR"
        assert row["SOPClassesInStudy"] == "1.2.840.10008.5.1.4.1.1.2"
        [series] = archive.find("SERIES", SeriesInstanceUID=ct)
        assert series["NumberOfSeriesRelatedInstances"] == 3
        [patient] = archive.find("PATIENT", PatientID="P1")
        assert (patient["NumberOfPatientRelatedStudies"], patient["NumberOfPatientRelatedSeries"],
                patient["NumberOfPatientRelatedInstances"]) == (2, 3, 5)

        archive.delete("SERIES", mr)
        row = _study(archive, study)
        assert (row["NumberOfStudyRelatedSeries"], row["NumberOfStudyRelatedInstances"],
                row["ModalitiesInStudy"]) == (1, 3, "CT")
        archive.delete("IMAGE", ct_sops[0])
        assert archive.find("SERIES", SeriesInstanceUID=ct)[0][
            "NumberOfSeriesRelatedInstances"] == 2
        [patient] = archive.find("PATIENT", PatientID="P1")
        assert (patient["NumberOfPatientRelatedStudies"], patient["NumberOfPatientRelatedSeries"],
                patient["NumberOfPatientRelatedInstances"]) == (2, 2, 3)


def test_modalities_in_study_are_matchable_one_value_at_a_time(tmp_path: Path,
                                                               db_url: str) -> None:
    """PS3.4 C.2.2.2.1: a multi-valued attribute matches when any value does; the side table
    holds each value of Modalities in Study so SQL can say so."""
    study = uid()
    with _archive(tmp_path, db_url) as archive:
        archive.insert_bytes(instance(study, uid(), uid(), modality="CT"))
        archive.insert_bytes(instance(study, uid(), uid(), modality="PT"))
        archive.insert_bytes(instance(uid(), uid(), uid(), modality="MR"))
        values = archive.schema.value_tables["STUDY"]
        table = archive.schema.tables["STUDY"]
        where = sa.exists().where(values.c.owner == table.c.id,
                                  values.c.tag == 0x00080061, values.c.value == "PT")
        rows = list(archive.select("STUDY", where, keywords=["StudyInstanceUID"]))
        assert rows == [{"StudyInstanceUID": study}]
        # the same through Schema.any_value, from the series level (the key is the study's)
        clause = archive.schema.any_value("SERIES", "ModalitiesInStudy", lambda v: v == "PT")
        series = list(archive.select("SERIES", clause, keywords=["StudyInstanceUID"]))
        assert series == [{"StudyInstanceUID": study}] * 2
        with pytest.raises(KeyError):
            archive.schema.any_value("STUDY", "StudyDate", lambda v: v == "x")


def test_delete_at_each_level_removes_rows_and_files(tmp_path: Path, db_url: str) -> None:
    with _archive(tmp_path, db_url) as archive:
        s1, s2 = uid(), uid()
        se1, se2 = uid(), uid()
        i1, i2, i3, i4 = uid(), uid(), uid(), uid()
        archive.insert_bytes(instance(s1, se1, i1, patient="A"))
        archive.insert_bytes(instance(s1, se1, i2, patient="A"))
        archive.insert_bytes(instance(s1, se2, i3, patient="A"))
        archive.insert_bytes(instance(s2, uid(), i4, patient="B"))
        assert archive.delete("IMAGE", i1) == 1
        assert archive.count("IMAGE") == 3 and archive.count("SERIES") == 3
        assert archive.delete("SERIES", se2) == 1
        assert archive.count("SERIES") == 2 and archive.count("STUDY") == 2
        assert archive.delete("STUDY", s1) == 1
        assert archive.count("STUDY") == 1 and archive.count("PATIENT") == 1
        assert archive.delete_patient("B") == 1
        for level in ("PATIENT", "STUDY", "SERIES", "IMAGE"):
            assert archive.count(level) == 0
        assert _files(archive) == []
        assert [p.name for p in archive.root.iterdir()] == [".incoming"]  # empty folders gone
        with pytest.raises(NotFoundError):
            archive.delete("STUDY", s1)


def test_a_failed_delete_transaction_keeps_rows_and_files(tmp_path: Path, db_url: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with _archive(tmp_path, db_url) as archive:
        study = uid()
        archive.insert_bytes(instance(study, uid(), uid()))

        def broken(*args: object) -> None:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(Index, "refresh", broken)
        with pytest.raises(RuntimeError):
            archive.delete("STUDY", study)
        monkeypatch.undo()
        assert archive.count("IMAGE") == 1 and len(_files(archive)) == 1
        assert archive.check().ok


def test_a_crash_after_a_delete_commit_is_finished_on_reopen(tmp_path: Path, db_url: str,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    study = uid()
    archive = _archive(tmp_path, db_url)
    archive.insert_bytes(instance(study, uid(), uid()))
    monkeypatch.setattr(Archive, "finish_deletions", lambda self: 0)  # "killed" after commit
    archive.delete("STUDY", study)
    assert len(_files(archive)) == 1
    report = archive.check()
    assert len(report.pending) == 1 and not report.unindexed
    archive.close()
    monkeypatch.undo()
    with _archive(tmp_path, db_url) as reopened:
        assert _files(reopened) == []
        assert reopened.check().ok
        assert reopened.index_folder().stored == 0  # nothing to resurrect


def test_a_failure_before_the_index_commit_leaves_no_file(tmp_path: Path, db_url: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with _archive(tmp_path, db_url) as archive:
        original = Index.refresh

        def broken(self: Index, *args: object) -> None:
            raise RuntimeError("killed between placing and commit")

        monkeypatch.setattr(Index, "refresh", broken)
        with pytest.raises(RuntimeError):
            archive.insert_bytes(instance(uid(), uid(), uid()))
        monkeypatch.setattr(Index, "refresh", original)
        assert _files(archive) == [] and archive.count("IMAGE") == 0
        assert not list(archive.files.incoming.iterdir())


@pytest.mark.parametrize("damage", ["not-dicom", "truncated", "no-study-uid", "empty",
                                    "bare-data-set"])
def test_bad_input_is_refused_with_a_clear_error_and_leaves_nothing(
        tmp_path: Path, db_url: str, damage: str) -> None:
    good = instance(uid(), uid(), uid())
    if damage == "not-dicom":
        data = b"%PDF-1.4 not a DICOM file at all" * 10
    elif damage == "truncated":
        data = good[: len(good) - 1000]
    elif damage == "empty":
        data = b""
    elif damage == "bare-data-set":
        data = good[good.index(b"\x08\x00\x05\x00"):] if b"\x08\x00\x05\x00" in good else good[132 + 200:]
    else:
        ds = dataset(uid(), uid(), uid())
        del ds.StudyInstanceUID
        import io

        import dicomkit
        out = io.BytesIO()
        dicomkit.write(out, ds)
        data = out.getvalue()
    with _archive(tmp_path, db_url) as archive:
        with pytest.raises(InstanceRefusedError) as info:
            archive.insert_bytes(data, source="upload.dcm")
        assert "upload.dcm" in str(info.value) and "not stored" in str(info.value)
        assert _files(archive) == [] and archive.count("IMAGE") == 0
        assert not list(archive.files.incoming.iterdir())


def test_reindex_indexes_files_in_place_and_reports_the_rest(tmp_path: Path,
                                                             db_url: str) -> None:
    root = tmp_path / "arc"
    (root / "a").mkdir(parents=True)
    study = uid()
    datas = [instance(study, uid(), uid()) for _ in range(5)]
    for n, data in enumerate(datas):
        (root / "a" / f"{n}.dcm").write_bytes(data)
    (root / "a" / "copy.dcm").write_bytes(datas[0])
    (root / "notes.txt").write_text("not dicom")
    (root / "cut.dcm").write_bytes(datas[1][:-500])
    with Archive(root, db=db_url, fsync=False) as archive:
        seen: list[tuple[int, int]] = []
        report = archive.index_folder(progress=lambda d, t: seen.append((d, t)), batch=2)
        assert (report.files, report.stored, report.duplicate) == (8, 5, 1)
        assert sorted(p for p, _ in report.refused) == ["a/copy.dcm", "cut.dcm", "notes.txt"]
        assert seen[-1] == (8, 8)
        assert _study(archive, study)["NumberOfStudyRelatedInstances"] == 5
        assert archive.files.path(archive.find("IMAGE")[0]["path"]).is_file()
        again = archive.index_folder()
        assert (again.stored, again.skipped) == (0, 5)
        check = archive.check()
        assert sorted(check.unindexed) == ["a/copy.dcm", "cut.dcm", "notes.txt"]
        assert not check.missing and not check.mismatched


def test_check_reports_missing_unindexed_and_mismatched_files(tmp_path: Path,
                                                             db_url: str) -> None:
    with _archive(tmp_path, db_url) as archive:
        a = archive.insert_bytes(instance(uid(), uid(), uid()))
        b = archive.insert_bytes(instance(uid(), uid(), uid()))
        c = archive.insert_bytes(instance(uid(), uid(), uid()))
        assert archive.check().ok
        archive.files.path(a.path).unlink()
        path_b = archive.files.path(b.path)
        path_b.write_bytes(path_b.read_bytes()[:-2] + b"\x00\x01")  # same size, other bytes
        archive.files.path(c.path).write_bytes(b"short")
        (archive.root / "stray.dcm").write_bytes(b"x")
        report = archive.check()
        assert report.missing == [a.path]
        assert report.unindexed == ["stray.dcm"]
        assert sorted(p for p, _ in report.mismatched) == sorted([b.path, c.path])
        assert any("sha256" in what for _, what in report.mismatched)
        assert any("size" in what for _, what in report.mismatched)
        assert not report.ok
        sizes_only = archive.check(hashes=False)
        assert [p for p, _ in sizes_only.mismatched] == [c.path]


def test_concurrent_inserts_from_two_threads_keep_counts_exact(tmp_path: Path,
                                                               db_url: str) -> None:
    study = uid()
    series = [uid(), uid()]
    with _archive(tmp_path, db_url) as archive:
        errors: list[BaseException] = []
        datas = [[instance(study, series[t], uid(), modality=("CT", "MR")[t]) for _ in range(15)]
                 for t in range(2)]

        def work(t: int) -> None:
            try:
                for data in datas[t]:
                    archive.insert_bytes(data)
                    archive.insert_bytes(data)  # and a repeat, concurrently with the other
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(t,)) for t in range(2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert errors == []
        row = _study(archive, study)
        assert (row["NumberOfStudyRelatedInstances"], row["NumberOfStudyRelatedSeries"],
                row["ModalitiesInStudy"]) == (30, 2, "CT\\MR")
        assert archive.count("PATIENT") == 1 and archive.count("STUDY") == 1
        assert archive.check().ok


def test_insert_file_and_path_of(tmp_path: Path, db_url: str) -> None:
    source = tmp_path / "in.dcm"
    sop = uid()
    source.write_bytes(instance(uid(), uid(), sop))
    with _archive(tmp_path, db_url) as archive:
        assert archive.insert_file(source).action == "stored"
        assert archive.path_of(sop).read_bytes() == source.read_bytes()
        with pytest.raises(NotFoundError):
            archive.path_of("1.2.3.4")
        with pytest.raises(ArchiveError):
            archive.insert_file(tmp_path / "absent.dcm")


def test_select_takes_a_callers_where_over_the_level_and_levels_above(tmp_path: Path,
                                                                      db_url: str) -> None:
    with _archive(tmp_path, db_url) as archive:
        study = uid()
        for n in range(7):
            archive.insert_bytes(instance(study, uid(), uid(), patient=f"P{n % 2}", number=n))
        cols = archive.columns("IMAGE")
        assert {"PatientID", "StudyInstanceUID", "Modality", "SOPInstanceUID"} <= set(cols)
        where = sa.and_(cols["PatientID"] == "P1", cols["InstanceNumber"] >= 2)
        rows = list(archive.select("IMAGE", where, keywords=["InstanceNumber", "PatientID"],
                                   order_by=["InstanceNumber"], batch=2))
        assert [r["InstanceNumber"] for r in rows] == [3, 5]
        assert all(r["path"] and r["size"] > 0 and len(r["sha256"]) == 64 for r in rows)
        assert rows[0]["transfer_syntax"] == "1.2.840.10008.1.2.1"
        with pytest.raises(ValueError):
            list(archive.select("STUDY", keywords=["SOPInstanceUID"]))


def test_stored_values_follow_their_vr(tmp_path: Path, db_url: str) -> None:
    with _archive(tmp_path, db_url) as archive:
        sop = uid()
        archive.insert_bytes(instance(uid(), uid(), sop, number=12))
        [row] = archive.find("IMAGE", SOPInstanceUID=sop)
        assert row["InstanceNumber"] == 12 and row["Rows"] == 128  # IS and US: numbers
        assert row["StudyDate"] == "20040119" and row["PatientName"] == "CompressedSamples^CT1"
        assert row["AvailableTransferSyntaxUID"] == "1.2.840.10008.1.2.1"
        [patient] = archive.find("PATIENT")
        assert isinstance(patient["OtherPatientIDsSequence"], list)  # a sequence: DICOM JSON


def test_opening_removes_dead_writers_parts_but_not_a_running_ones(tmp_path: Path,
                                                                   db_url: str) -> None:
    import os
    import subprocess
    import sys

    incoming = tmp_path / "arc" / ".incoming"
    incoming.mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (incoming / f"{dead}-abc.part").write_bytes(b"half")
    mine = incoming / f"{os.getpid()}-def.part"
    mine.write_bytes(b"being written")
    with _archive(tmp_path, db_url):
        assert [p.name for p in incoming.iterdir()] == [mine.name]


def test_an_insert_rolled_back_to_break_a_deadlock_is_tried_again(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from dicomkit.archive import IndexUnavailableError

    original = Index.insert
    calls: list[int] = []

    def once_a_deadlock_victim(self: Index, *args: object, **kwargs: object) -> object:
        calls.append(1)
        result = original(self, *args, **kwargs)  # type: ignore[arg-type]
        if len(calls) == 1:  # rows and file placed, then the server gives up the transaction
            error = IndexUnavailableError("deadlock detected")
            error.retryable = True
            raise error
        return result

    monkeypatch.setattr(Index, "insert", once_a_deadlock_victim)
    with _archive(tmp_path, db_url) as archive:
        outcome = archive.insert_bytes(instance(uid(), uid(), uid()))
        assert outcome.action == "stored" and len(calls) == 2
        assert archive.count("IMAGE") == 1 and len(_files(archive)) == 1
        assert not list(archive.files.incoming.iterdir())
        monkeypatch.setattr(Index, "insert", lambda *a, **k: (_ for _ in ()).throw(
            IndexUnavailableError("server gone")))
        with pytest.raises(IndexUnavailableError):
            archive.insert_bytes(instance(uid(), uid(), uid()))
        monkeypatch.undo()
        assert archive.count("IMAGE") == 1 and len(_files(archive)) == 1
        assert not list(archive.files.incoming.iterdir())


def test_two_threads_given_the_same_new_instances_store_each_once(tmp_path: Path,
                                                                  db_url: str) -> None:
    """The receivers' race: both see no row, both place a file, one commits first; the other
    is tried again, finds the row (same bytes: duplicate) and removes its own file."""
    study = uid()
    datas = [instance(study, uid(), uid()) for _ in range(12)]
    with _archive(tmp_path, db_url) as archive:
        errors: list[BaseException] = []
        actions: list[str] = []
        start = threading.Barrier(2)

        def work() -> None:
            start.wait()
            try:
                for data in datas:
                    actions.append(archive.insert_bytes(data).action)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert errors == []
        assert sorted(set(actions)) == ["duplicate", "stored"] and actions.count("stored") == 12
        assert archive.count("IMAGE") == 12 and len(_files(archive)) == 12
        assert _study(archive, study)["NumberOfStudyRelatedInstances"] == 12
        assert archive.check().ok
        assert not list(archive.files.incoming.iterdir())


def test_large_files_are_reindexed_in_blocks_with_the_same_result(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import dicomkit.archive.store as store

    monkeypatch.setattr(store, "_IN_MEMORY", 0)  # every file takes the large-file path
    root = tmp_path / "arc"
    root.mkdir()
    data = instance(uid(), uid(), uid(), size=256)
    (root / "big.dcm").write_bytes(data)
    (root / "cut.dcm").write_bytes(data[:-100])
    with Archive(root, db=db_url, fsync=False) as archive:
        report = archive.index_folder()
        assert report.stored == 1 and [p for p, _ in report.refused] == ["cut.dcm"]
        [row] = archive.find("IMAGE")
        import hashlib

        assert (row["size"], row["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
        assert row["Rows"] == 256


def test_a_key_written_with_another_vr_is_left_empty(tmp_path: Path, db_url: str) -> None:
    """Found by the fuzz test: a sequence key (Other Patient IDs Sequence) written as LO, and a
    text key (Study Description) written as SQ, are stored as NULL instead of failing."""
    import io

    import dicomkit
    from dicomkit.core.dataset import Dataset as DicomDataset

    ds = dataset(uid(), uid(), uid())
    del ds[0x00101002]
    ds.add_new(0x00101002, "LO", "not a sequence")
    ds.add_new(0x00081030, "SQ", [DicomDataset()])
    out = io.BytesIO()
    dicomkit.write(out, ds)
    with _archive(tmp_path, db_url) as archive:
        assert archive.insert_bytes(out.getvalue()).action == "stored"
        [study] = archive.find("STUDY")
        [patient] = archive.find("PATIENT")
        assert study["StudyDescription"] is None and patient["OtherPatientIDsSequence"] is None


def test_multi_valued_keys_of_new_parents_get_their_side_rows(tmp_path: Path,
                                                              db_url: str) -> None:
    """Other Patient Names (PN, VM 1-n) of a patient the insert makes: one side row per value
    (on PostgreSQL too, where the driver gives no row count for INSERT ... ON CONFLICT)."""
    import io

    import dicomkit

    ds = dataset(uid(), uid(), uid(), patient="MV")
    ds.OtherPatientNames = ["Doe^Jane", "Roe^Richard"]
    out = io.BytesIO()
    dicomkit.write(out, ds)
    with _archive(tmp_path, db_url) as archive:
        archive.insert_bytes(out.getvalue())
        archive.insert_bytes(instance(uid(), uid(), uid(), patient="OTHER"))
        clause = archive.schema.any_value("STUDY", "OtherPatientNames",
                                          lambda v: v == "Roe^Richard")
        rows = list(archive.select("STUDY", clause, keywords=["PatientID", "OtherPatientNames"]))
        assert rows == [{"PatientID": "MV", "OtherPatientNames": "Doe^Jane\\Roe^Richard"}]
