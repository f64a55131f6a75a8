"""The false-positive corpus: real headers that must validate with no error, and the same with
one defect each that must give exactly that finding.

* pydicom's bundled samples that validate without error, with every top-level attribute that
  all modules of their IOD define as Type 3 removed: what is left is the smallest conformant
  header, and modules left with no attribute (SC Image PS3.3 C.8.6.2, General Acquisition
  C.7.10.1) must not be reported missing (a module of only Type 3 attributes cannot be shown
  absent, PS3.3 A.1.3.1 and PS3.5 7.4.3);
* an enhanced multi-frame Segmentation made here from pydicom's ``liver_1frame.dcm`` with three
  frames, its functional groups arranged shared and per-frame in several ways (PS3.3
  C.7.6.16.1.1 lets each group be in either sequence).

All against the real generated tables of PS3.3 2024c.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.generated import iods, sop_classes, uids
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.validate import Report, validate
from dicomkit.validate.iod import module_nodes, sop_class_of
from tests.samples import sample, samples


def t(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    assert tag is not None
    return tag


def p(*keywords: str | int) -> str:
    """A tag path: keywords, with item indexes as ints."""
    out = ""
    for k in keywords:
        if isinstance(k, int):
            out += f"[{k}]"
        else:
            tag = t(k)
            out += ("." if out else "") + f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
    return out


def errors(report: Report) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in report.findings if f.severity == "error"}


def type3_only(ds: Dataset) -> frozenset[int]:
    """The top-level tags that every module of the data set's IOD defining them has as Type 3."""
    label = sop_classes.iod_for_sop_class(sop_class_of(ds))
    assert label is not None and label in iods.IODS
    types: dict[int, set[str]] = {}
    for module in iods.IODS[label][3]:
        if module[3]:
            for node in module_nodes(module[3]):
                types.setdefault(node.tag, set()).add(node.type)
    return frozenset(tag for tag, kinds in types.items() if kinds == {"3"})


def stripped(ds: Dataset) -> Dataset:
    for tag in type3_only(ds) & set(ds.keys()):
        del ds[tag]
    return ds


# ------------------------------------------------------------------------------------------------
# pydicom samples with their Type 3 attributes removed
# ------------------------------------------------------------------------------------------------

SC_IMAGE_STORAGE = uids.SecondaryCaptureImageStorage

#: one of each IOD and encoding among the samples that validate without error
CLEAN = ("CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm", "MR_small_implicit.dcm",
         "JPEG2000.dcm", "SC_rgb_rle_2frame.dcm", "SC_rgb_jpeg_dcmtk.dcm",
         "SC_ybr_full_422_uncompressed.dcm", "J2K_pixelrep_mismatch.dcm")


@cache
def _clean_series() -> tuple[Path, ...]:
    """The CT and MR series of pydicom's dicomdirtests that validate without error."""
    out = []
    for path in samples(recursive=True):
        if path.parent.name in ("CT2", "MR1", "MR2") and validate(path).errors == 0:
            out.append(path)
    return tuple(out)


def _clean_files() -> Iterator[Path]:
    for name in CLEAN:
        yield sample(name)
    yield from _clean_series()[:4]


@pytest.mark.parametrize("name", CLEAN)
def test_sample_validates_without_error(name: str) -> None:
    report = validate(sample(name))
    assert report.iod and report.errors == 0, report.text()


def test_samples_stripped_of_every_type_3_attribute_validate_without_error() -> None:
    checked = 0
    for path in _clean_files():
        ds = stripped(dicomkit.read(path))
        report = validate(ds)
        assert report.errors == 0, f"{path.name}\n{report.text()}"
        checked += 1
    assert checked >= len(CLEAN) + 1


def test_stripping_leaves_modules_of_only_type_3_attributes_empty_and_not_missing() -> None:
    """General Acquisition (C.7.10.1) keeps no attribute at all, and neither does SC Image
    (C.8.6.2) once its Pixel Spacing (1C, "Required if the image has been calibrated") goes."""
    emptied: set[str] = set()
    for name in CLEAN:
        ds = stripped(dicomkit.read(sample(name)))
        if "PixelSpacing" in ds and sop_class_of(ds) == SC_IMAGE_STORAGE:
            del ds.PixelSpacing
        label = sop_classes.iod_for_sop_class(sop_class_of(ds))
        assert label is not None
        emptied.update(m[1] for m in iods.IODS[label][3] if m[4] == "M" and m[3]
                       and not any(n.tag in ds for n in module_nodes(m[3])))
        report = validate(ds)
        assert report.errors == 0, report.text()
    assert {"SC Image", "General Acquisition"} <= emptied


def _delete(keyword: str) -> Callable[[Dataset], None]:
    return lambda ds: ds.__delitem__(keyword)


def _set(keyword: str, value: object) -> Callable[[Dataset], None]:
    return lambda ds: ds.__setitem__(keyword, value)


#: (label, change, expected rule, keyword of the path)
DEFECTS: tuple[tuple[str, Callable[[Dataset], None], str, str], ...] = (
    ("no StudyInstanceUID", _delete("StudyInstanceUID"), "type1-missing", "StudyInstanceUID"),
    ("no SOPInstanceUID", _delete("SOPInstanceUID"), "type1-missing", "SOPInstanceUID"),
    ("no PatientID", _delete("PatientID"), "type2-missing", "PatientID"),
    ("no StudyID", _delete("StudyID"), "type2-missing", "StudyID"),
    ("empty SeriesInstanceUID", _set("SeriesInstanceUID", ""), "type1-empty",
     "SeriesInstanceUID"),
    ("empty Modality", _set("Modality", ""), "type1-empty", "Modality"),
    ("PatientSex X", _set("PatientSex", "X"), "enumerated-value", "PatientSex"),
)


@pytest.mark.parametrize("defect", DEFECTS, ids=[d[0] for d in DEFECTS])
@pytest.mark.parametrize("name", ("CT_small.dcm", "MR_small.dcm", "JPEG2000.dcm"))
def test_one_defect_in_a_stripped_sample_gives_exactly_that_finding(
        name: str, defect: tuple[str, Callable[[Dataset], None], str, str]) -> None:
    _label, change, rule, keyword = defect
    ds = stripped(dicomkit.read(sample(name)))
    change(ds)
    if keyword == "Modality" and name == "JPEG2000.dcm":
        # an SC image: Modality is Type 3 in the SC Equipment Module, overriding General
        # Series (PS3.3 C.8.6.1), so an empty one is no defect there
        assert (rule, p(keyword)) not in errors(validate(ds))
        return
    assert errors(validate(ds)) == {(rule, p(keyword))}


def test_one_defect_in_a_mandatory_module_left_with_no_attribute_is_found() -> None:
    """Removing the whole Patient Module of a stripped CT: the module and its attributes."""
    ds = stripped(dicomkit.read(sample("CT_small.dcm")))
    for keyword in ("PatientName", "PatientID", "PatientBirthDate", "PatientSex"):
        del ds[keyword]
    report = validate(ds)
    assert [f.module for f in report.by_rule("module-missing")] == ["Patient"]
    assert {r for r, _ in errors(report)} == {"module-missing", "type2-missing"}


# ------------------------------------------------------------------------------------------------
# Enhanced multi-frame: a three-frame Segmentation with shared and per-frame groups
# ------------------------------------------------------------------------------------------------

FRAMES = 3


def segmentation() -> Dataset:
    """``liver_1frame.dcm`` (Segmentation IOD, PS3.3 A.51) made a conformant 3-frame instance:
    Number of Frames (absent in the sample, Type 1 in C.7.6.16) and pixel data of 3 binary
    frames; the per-frame groups differ by Image Position and Frame Content per frame."""
    ds = dicomkit.read(sample("liver_1frame.dcm"))
    ds.NumberOfFrames = FRAMES
    # Type 3 (C.7.6.17); makes the Segmentation group's condition "Dimension Organization Type
    # (0020,9311) is not TILED_FULL" true
    ds.DimensionOrganizationType = "3D"
    ds.PixelData = bytes(ds.Rows * ds.Columns * FRAMES // 8)
    assert len(ds.PerFrameFunctionalGroupsSequence) == FRAMES
    return ds


def _move_to_per_frame(ds: Dataset, keyword: str) -> None:
    """Take a group out of the shared item and put a copy into every per-frame item."""
    shared = ds.SharedFunctionalGroupsSequence[0]
    group = shared[keyword].value
    del shared[keyword]
    for item in ds.PerFrameFunctionalGroupsSequence:
        item[keyword] = Sequence([_copy(group[0])])


def _copy(item: Dataset) -> Dataset:
    out = Dataset()
    for element in item.elements():
        value = element.value
        if element.vr == "SQ":
            value = Sequence([_copy(x) for x in value])
        out.add_new(element.tag, element.vr, value)
    return out


def _move_to_shared(ds: Dataset, keyword: str) -> None:
    frames = ds.PerFrameFunctionalGroupsSequence
    ds.SharedFunctionalGroupsSequence[0][keyword] = Sequence([_copy(frames[0][keyword].value[0])])
    for item in frames:
        del item[keyword]


ARRANGEMENTS: dict[str, Callable[[Dataset], None]] = {
    "as made": lambda ds: None,
    "pixel measures per frame": lambda ds: _move_to_per_frame(ds, "PixelMeasuresSequence"),
    "all of plane orientation and pixel measures per frame": lambda ds: (
        _move_to_per_frame(ds, "PixelMeasuresSequence"),
        _move_to_per_frame(ds, "PlaneOrientationSequence")) and None,
    "segment identification shared": lambda ds: _move_to_shared(
        ds, "SegmentIdentificationSequence"),
    "type 3 attributes stripped": stripped,
}


@pytest.mark.parametrize("arrangement", ARRANGEMENTS)
def test_enhanced_multiframe_groups_shared_or_per_frame_validate_without_error(
        arrangement: str) -> None:
    ds = segmentation()
    ARRANGEMENTS[arrangement](ds)
    report = validate(ds)
    assert report.iod == "Segmentation" and report.errors == 0, report.text()


def _in_both(ds: Dataset) -> None:
    group = ds.SharedFunctionalGroupsSequence[0].PixelMeasuresSequence
    ds.PerFrameFunctionalGroupsSequence[1].PixelMeasuresSequence = Sequence([_copy(group[0])])


def _no_code_meaning_in_frame_2(ds: Dataset) -> None:
    derivation = ds.PerFrameFunctionalGroupsSequence[2].DerivationImageSequence[0]
    del derivation.DerivationCodeSequence[0].CodeMeaning


def _no_derivation_group_in_frame_1(ds: Dataset) -> None:
    _move_to_per_frame(ds, "PixelMeasuresSequence")
    del ds.PerFrameFunctionalGroupsSequence[1].PixelMeasuresSequence


def _two_shared_items(ds: Dataset) -> None:
    shared = ds.SharedFunctionalGroupsSequence
    ds.SharedFunctionalGroupsSequence = Sequence([shared[0], _copy(shared[0])])


def _no_segment_number(ds: Dataset) -> None:
    del ds.PerFrameFunctionalGroupsSequence[0].SegmentIdentificationSequence[0] \
        .ReferencedSegmentNumber


MF_DEFECTS: dict[str, tuple[Callable[[Dataset], None], set[tuple[str, str]]]] = {
    "a group in both sequences (C.7.6.16.1.1)": (
        _in_both, {("functional-group-both", p("PerFrameFunctionalGroupsSequence"))}),
    "a type 1 attribute missing in one frame's group": (
        _no_code_meaning_in_frame_2,
        {("type1-missing", p("PerFrameFunctionalGroupsSequence", 2, "DerivationImageSequence", 0,
                             "DerivationCodeSequence", 0, "CodeMeaning"))}),
    "a type 1 attribute missing in a per-frame segment group": (
        _no_segment_number,
        {("type1-missing", p("PerFrameFunctionalGroupsSequence", 0,
                             "SegmentIdentificationSequence", 0, "ReferencedSegmentNumber"))}),
    "two items in the shared sequence": (
        _two_shared_items, {("sequence-items", p("SharedFunctionalGroupsSequence"))}),
}


@pytest.mark.parametrize("defect", MF_DEFECTS)
def test_enhanced_multiframe_with_one_defect_gives_exactly_that_finding(defect: str) -> None:
    change, expected = MF_DEFECTS[defect]
    ds = segmentation()
    change(ds)
    assert errors(validate(ds)) == expected


def test_required_group_missing_from_one_frame_names_the_frame() -> None:
    """The Segmentation group is required (Dimension Organization Type is not TILED_FULL,
    PS3.3 A.51): taken out of frame 1 it is reported for that frame only."""
    ds = segmentation()
    del ds.PerFrameFunctionalGroupsSequence[1].SegmentIdentificationSequence
    report = validate(ds)
    assert errors(report) == {("module-missing", p("SharedFunctionalGroupsSequence", 0))}
    [finding] = report.by_rule("module-missing")
    assert finding.module == "Segmentation" and "frames 1" in finding.message
