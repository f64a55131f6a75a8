"""The storage normalisation an index keeps (dicomkit.query.storage), column by column."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from dicomkit.generated import tags
from dicomkit.query.sql import IndexColumn, index_columns
from dicomkit.query.storage import column_names, index_row, stored_values
from tests.query.helpers import dataset


def test_dates_times_and_datetimes_are_stored_by_meaning_in_utc() -> None:
    ds = dataset(StudyDate="2006.07.05", StudyTime="2230", TimezoneOffsetFromUTC="+0100",
                 AcquisitionDateTime="20060705233000.5-0500")
    assert stored_values(ds, "StudyDate").value == "20060705"
    assert stored_values(ds, "StudyTime").value == "213000.000000"       # 22:30 at +01:00
    assert stored_values(ds, "StudyDate").combined == "20060705213000.000000"
    assert stored_values(ds, "AcquisitionDateTime").value == "20060706043000.500000"


def test_the_default_time_zone_applies_to_values_without_one() -> None:
    ds = dataset(StudyTime="0030")
    assert stored_values(ds, "StudyTime", default_timezone=timedelta(hours=1)).value == \
        "233000.000000"


def test_person_names_have_a_folded_copy() -> None:
    stored = stored_values(dataset(PatientName="Straße^Anna^^"), tags.PatientName)
    assert (stored.value, stored.folded) == ("Straße^Anna", "strasse^anna")


def test_multi_valued_attributes_are_stored_between_backslashes() -> None:
    assert stored_values(dataset(ModalitiesInStudy=["CT", "PT"]), "ModalitiesInStudy").value \
        == "\\CT\\PT\\"
    # VM 1 attribute with two values (invalid data): one value
    assert stored_values(dataset(PatientID=["A", "B"]), "PatientID").value == "A\\B"


def test_empty_absent_and_unreadable_values_are_null() -> None:
    ds = dataset(PatientID=None, StudyDate="2006", StudyTime="")
    for keyword in ("PatientID", "StudyDate", "StudyTime", "AccessionNumber"):
        assert stored_values(ds, keyword).value is None
    assert stored_values(dataset(ProcedureCodeSequence=[{"CodeValue": "1"}]),
                         "ProcedureCodeSequence").value is None


def test_numbers_are_stored_in_their_normal_form() -> None:
    ds = dataset(SeriesNumber="+007", SliceThickness="1.50", Rows=512)
    assert [stored_values(ds, k).value for k in ("SeriesNumber", "SliceThickness", "Rows")] == \
        ["7", "1.5", "512"]


def test_column_names_and_index_columns_follow_one_convention() -> None:
    attributes = ["PatientName", "StudyDate", "PatientID"]
    names = column_names(attributes)
    assert names == ["PatientName", "PatientName_folded", "StudyDate", "StudyDate_datetime",
                     "PatientID"]
    assert list(index_row(dataset(), attributes)) == names
    table = sa.Table("t", sa.MetaData(), *(sa.Column(n, sa.Text) for n in names[:3]))
    cols = index_columns(table, attributes)
    assert set(cols) == {tags.PatientName, tags.StudyDate}   # no PatientID column: residual
    name = cols[tags.PatientName]
    assert isinstance(name, IndexColumn) and name.folded is not None
    date = cols[tags.StudyDate]
    assert isinstance(date, IndexColumn) and date.combined is None
