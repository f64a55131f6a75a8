"""Data sets: mapping and keyword access, order, private blocks, VR choice, new instances."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

import dicomkit
from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence
from dicomkit.errors import DicomError
from dicomkit.generated import tags


def test_keyword_attributes_create_elements_with_the_dictionary_vr() -> None:
    ds = Dataset()
    ds.PatientID = "12345"
    ds.Rows = 512
    assert ds[0x00100020].vr == "LO" and ds["Rows"].vr == "US"
    assert ds.PatientID == "12345" and ds[(0x0028, 0x0010)].value == 512
    ds.PatientID = "999"
    assert ds["PatientID"].value == "999"
    del ds.PatientID
    assert "PatientID" not in ds
    with pytest.raises(AttributeError, match="PatientID"):
        _ = ds.PatientID


def test_unknown_capitalised_attributes_are_refused_not_silently_stored() -> None:
    ds = Dataset()
    with pytest.raises(AttributeError, match="not a keyword"):
        ds.PatientsNmae = "typo"


def test_iteration_is_in_tag_order_whatever_the_insertion_order() -> None:
    ds = Dataset()
    ds.StudyDate = "20240101"
    ds.PatientName = "A^B"
    ds.Modality = "CT"
    ds.AccessionNumber = "1"
    assert list(ds) == sorted(ds)
    assert [e.keyword for e in ds.elements()] == ["StudyDate", "AccessionNumber", "Modality",
                                                  "PatientName"]


def test_private_blocks_are_reserved_and_found_by_creator() -> None:
    ds = Dataset()
    block = ds.private_block(0x0009, "ACME 1.0", create=True)
    block.add_new(0x01, "LO", "hello")
    other = ds.private_block(0x0009, "OTHER", create=True)
    assert (block.block, other.block) == (0x10, 0x11)
    assert ds[0x00091001].value == "hello" and ds[0x00090010].value == "ACME 1.0"
    assert ds.private_block(0x0009, "ACME 1.0")[0x01].value == "hello"
    with pytest.raises(KeyError):
        ds.private_block(0x0009, "NOBODY")
    with pytest.raises(DicomError, match="not a private group"):
        ds.private_block(0x0010, "ACME")


def test_ambiguous_dictionary_vrs_follow_pixel_representation_and_bits_allocated() -> None:
    ds = Dataset()
    assert dictionary_vr(0x00280106, ds) == "US"  # Smallest Image Pixel Value: US or SS
    ds.PixelRepresentation = 1
    assert dictionary_vr(0x00280106, ds) == "SS"
    ds.BitsAllocated = 8
    assert dictionary_vr(0x7FE00010, ds) == "OB"
    ds.BitsAllocated = 16
    assert dictionary_vr(0x7FE00010, ds) == "OW"
    assert dictionary_vr(0x00091001) == "UN" and dictionary_vr(0x00090010) == "LO"


def test_sequences_hold_item_data_sets() -> None:
    ds = Dataset()
    item = Dataset()
    item.ReferencedSOPInstanceUID = "1.2.3"
    ds.ReferencedImageSequence = Sequence([item])
    assert ds.ReferencedImageSequence[0].ReferencedSOPInstanceUID == "1.2.3"
    assert ds["ReferencedImageSequence"].vr == "SQ"


def test_new_data_set_of_a_sop_class_has_uids_and_file_meta() -> None:
    ds = Dataset.new("CTImageStorage")
    assert ds.SOPClassUID == "1.2.840.10008.5.1.4.1.1.2"
    assert ds.SOPInstanceUID.startswith("2.25.")
    assert ds.file_meta is not None and ds.file_meta[0x00020003].value == ds.SOPInstanceUID
    with pytest.raises(DicomError, match="not a SOP Class"):
        Dataset.new("ExplicitVRLittleEndian")


def test_elements_compare_by_tag_vr_and_value() -> None:
    assert DataElement(0x00100010, "PN", "A^B") == DataElement(0x00100010, "PN", "A^B")
    assert DataElement(0x00100010, "PN", "A^B") != DataElement(0x00100010, "PN", "A^C")
    assert dicomkit.Tag("PatientName") == 0x00100010


def test_a_backslash_string_assigned_to_a_multi_valued_vr_means_several_values() -> None:
    ds = Dataset()
    ds.ImageType = "ORIGINAL\\PRIMARY\\AXIAL"
    assert list(ds.ImageType) == ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.add_new(0x00081030, "LO", "A\\B")
    assert list(ds[0x00081030].value) == ["A", "B"]
    ds.add_new(0x00204000, "LT", "C:\\path")  # text VRs keep the backslash
    assert ds[0x00204000].value == "C:\\path"


def test_strings_assigned_to_typed_vrs_give_the_values_a_read_gives() -> None:
    # PS3.5 6.2: a PN assigned by a program has its groups and components like one read
    ds = Dataset()
    ds.PatientName = "Yamada^Tarou^M^Dr^Jr=山田^太郎=やまだ^たろう"
    name = ds.PatientName
    assert name == "Yamada^Tarou^M^Dr^Jr=山田^太郎=やまだ^たろう"
    assert (name.family_name, name.given_name, name.middle_name, name.name_prefix,
            name.name_suffix) == ("Yamada", "Tarou", "M", "Dr", "Jr")
    assert (name.ideographic, name.phonetic) == ("山田^太郎", "やまだ^たろう")
    ds.OtherPatientNames = "Doe^Jane\\Roe^Rick"
    assert [n.given_name for n in ds.OtherPatientNames] == ["Jane", "Rick"]
    ds.OtherPatientNames = ["Doe^Jane", "Roe^Rick"]
    assert [n.family_name for n in ds.OtherPatientNames] == ["Doe", "Roe"]
    ds.PatientAge = "045Y"
    assert (ds.PatientAge.value, ds.PatientAge.unit) == (45, "Y") and ds.PatientAge == "045Y"
    ds.PatientAge = "45 years"  # not an age string: kept as the text, as a read keeps it
    assert type(ds.PatientAge) is str
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    assert ds.SOPClassUID.name == "CT Image Storage"
    ds.add_new(0x00081150, "UI", "1.2.840.10008.5.1.4.1.1.4")
    assert ds[0x00081150].value.keyword == "MRImageStorage"
    ds.SliceThickness = "1.50"
    assert ds.SliceThickness == 1.5 and ds.SliceThickness.decimal == Decimal("1.50")
    assert ds.SliceThickness.original_string == "1.50"
    ds.PixelSpacing = "0.5\\0.50"
    assert [str(v) for v in ds.PixelSpacing] == ["0.5", "0.50"] and ds.PixelSpacing[1] == 0.5
    ds.InstanceNumber = "007"
    assert ds.InstanceNumber == 7 and str(ds.InstanceNumber) == "007"
    ds.StudyDate, ds.StudyTime = "20240102", "101010.5"
    assert ds.StudyDate == date(2024, 1, 2) and ds.StudyTime == time(10, 10, 10, 500000)
    ds.AcquisitionDateTime = "20240102030405-0500"
    assert ds.AcquisitionDateTime.utcoffset() == -timedelta(hours=5)
    ds.ContentDate = "2024-01-02"  # not a DA: kept as the text, as a read keeps it
    assert type(ds.ContentDate) is str
    # each keeps the text it was made from, which is what is written
    assert [str(getattr(ds, k)) for k in ("SliceThickness", "InstanceNumber", "StudyTime",
                                          "AcquisitionDateTime")] == \
        ["1.50", "007", "101010.5", "20240102030405-0500"]


def test_element_looks_an_int_tag_up_and_gives_none_when_absent() -> None:
    ds = Dataset()
    ds.PatientName = "Doe^Jane"
    elem = ds.element(0x00100010)
    assert elem is not None and elem is ds[0x00100010] and elem.value == "Doe^Jane"
    assert ds.element(0x00100020) is None


def test_get_by_int_tag_keeps_its_semantics_on_hits_and_misses() -> None:
    ds = Dataset()
    ds.Modality = "CT"
    assert ds.get(0x00080060) is ds[0x00080060]
    assert ds.get(0x00080070) is None
    marker = object()
    assert ds.get(0x00080070, marker) is marker
    assert ds.get("Modality") is ds[0x00080060]  # keywords and tuples still go through Tag
    assert ds.get((0x0008, 0x0060)) is ds[0x00080060]
    assert ds.get("NotAKeyword", marker) is marker


def test_put_element_stores_an_element_as_it_is_without_checking_its_value() -> None:
    # ds[tag] = element checks a program-made value against its VR (PS3.5 6.2); put_element
    # is for values checked already (a copy, an index row): it stores even one that breaks it
    from dicomkit.core.config import validation_mode
    from dicomkit.core.values import ValueEncodingError

    bad = DataElement(tags.PatientID, "LO", "x" * 80)  # LO holds at most 64 characters
    ds = Dataset()
    with validation_mode("raise"):
        with pytest.raises(ValueEncodingError):
            ds[tags.PatientID] = bad
        assert tags.PatientID not in ds
        ds.put_element(bad)
    assert ds[tags.PatientID] is bad
    assert ds.get(tags.PatientID) is bad and ds.get(tags.PatientName) is None
    assert ds.get(int(tags.PatientName), "none") == "none"


def test_put_element_of_specific_character_set_decodes_the_text_read_before() -> None:
    # PS3.5 6.1.2.3: text still held as bytes read in the old character set is decoded in it
    from dicomkit.core.charset import Charset
    from dicomkit.core.element import EncodingContext

    ctx = EncodingContext(True, Charset.from_value("ISO_IR 100"))
    ds = Dataset()
    ds.put_element(DataElement.read_from(tags.PatientName, "PN", b"M\xfcller", ctx, 0))
    ds.put_element(DataElement(tags.SpecificCharacterSet, "CS", "ISO_IR 192"))
    assert not ds[tags.PatientName].is_raw
    assert ds.PatientName == "Müller"
