"""Evaluation of PS3.3 condition expressions on data sets (dicomkit.validate.conditions)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.errors import DicomError
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.validate.conditions import ConditionError, evaluate


def _tag(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    assert tag is not None, keyword
    return tag


MODALITY = _tag("Modality")
IMAGE_TYPE = _tag("ImageType")
SAMPLES = _tag("SamplesPerPixel")
PIXEL_SPACING = _tag("PixelSpacing")
LOSSY = _tag("LossyImageCompression")
INSTANCE_NUMBER = _tag("InstanceNumber")
FRAME_POINTER = _tag("FrameIncrementPointer")
FRAME_TIME = _tag("FrameTime")
FRAME_TIME_VECTOR = _tag("FrameTimeVector")
REGION_SEQ = _tag("AnatomicRegionSequence")
CODE_VALUE = _tag("CodeValue")
CODE_MEANING = _tag("CodeMeaning")
PATIENT_NAME = _tag("PatientName")


def _code(value: str) -> dicomkit.Dataset:
    item = dicomkit.Dataset()
    item.add_new(CODE_VALUE, "SH", value)
    return item


@pytest.fixture
def ct() -> dicomkit.Dataset:
    ds = dicomkit.Dataset()
    ds.add_new(MODALITY, "CS", "CT ")  # trailing padding as read from a file
    ds.add_new(IMAGE_TYPE, "CS", ["ORIGINAL ", "PRIMARY", "LOCALIZER"])
    ds.add_new(SAMPLES, "US", 3)
    ds.add_new(PIXEL_SPACING, "DS", ["0.5", "0.25"])
    ds.add_new(LOSSY, "CS", "01")
    ds.add_new(INSTANCE_NUMBER, "IS", "7")
    ds.add_new(PATIENT_NAME, "PN", "")
    ds.add_new(FRAME_POINTER, "AT", FRAME_TIME)
    ds.add_new(REGION_SEQ, "SQ", [_code("T-D1100"), _code("T-04000")])
    return ds


# ----------------------------------------------------------------------------- presence

def test_present_absent_has_value_and_empty_follow_the_element(ct: dicomkit.Dataset) -> None:
    assert evaluate(("present", (MODALITY,)), ct) is True
    assert evaluate(("absent", (MODALITY,)), ct) is False
    assert evaluate(("present", (CODE_MEANING,)), ct) is False
    assert evaluate(("absent", (CODE_MEANING,)), ct) is True
    assert evaluate(("has_value", (MODALITY,)), ct) is True
    assert evaluate(("empty", (MODALITY,)), ct) is False
    assert evaluate(("present", (PATIENT_NAME,)), ct) is True
    assert evaluate(("has_value", (PATIENT_NAME,)), ct) is False
    assert evaluate(("empty", (PATIENT_NAME,)), ct) is True
    assert evaluate(("empty", (CODE_MEANING,)), ct) is False


def test_a_bare_tag_is_a_one_tag_path(ct: dicomkit.Dataset) -> None:
    assert evaluate(("present", MODALITY), ct) is True


# ----------------------------------------------------------------------------- values

def test_text_comparisons_ignore_padding(ct: dicomkit.Dataset) -> None:
    assert evaluate(("equals", (MODALITY,), ("CT",), None), ct) is True
    assert evaluate(("equals", (MODALITY,), ("MR", "CT"), None), ct) is True
    assert evaluate(("equals", (MODALITY,), ("MR",), None), ct) is False
    assert evaluate(("not_equals", (MODALITY,), ("MR",), None), ct) is True
    assert evaluate(("not_equals", (MODALITY,), ("CT",), None), ct) is False


def test_value_index_picks_one_value_of_a_multi_valued_element(ct: dicomkit.Dataset) -> None:
    assert evaluate(("equals", (IMAGE_TYPE,), ("LOCALIZER",), 3), ct) is True
    assert evaluate(("equals", (IMAGE_TYPE,), ("ORIGINAL",), 1), ct) is True
    assert evaluate(("equals", (IMAGE_TYPE,), ("LOCALIZER",), 1), ct) is False
    assert evaluate(("not_equals", (IMAGE_TYPE,), ("DERIVED",), 1), ct) is True
    assert evaluate(("not_equals", (IMAGE_TYPE,), ("LOCALIZER",), 3), ct) is False


def test_without_index_any_value_counts_for_equals_and_none_may_match_for_not_equals(
        ct: dicomkit.Dataset) -> None:
    assert evaluate(("equals", (IMAGE_TYPE,), ("PRIMARY",), None), ct) is True
    assert evaluate(("not_equals", (IMAGE_TYPE,), ("PRIMARY",), None), ct) is False
    assert evaluate(("not_equals", (IMAGE_TYPE,), ("DERIVED", "MIXED"), None), ct) is True


def test_a_value_index_beyond_the_values_present_matches_nothing(ct: dicomkit.Dataset) -> None:
    assert evaluate(("equals", (IMAGE_TYPE,), ("LOCALIZER",), 4), ct) is False
    assert evaluate(("not_equals", (IMAGE_TYPE,), ("LOCALIZER",), 4), ct) is False


def test_absent_or_empty_elements_satisfy_no_comparison(ct: dicomkit.Dataset) -> None:
    for expr in (("equals", (CODE_MEANING,), ("X",), None), ("not_equals", (CODE_MEANING,), ("X",), None),
                 ("equals", (PATIENT_NAME,), ("X",), None), ("not_equals", (PATIENT_NAME,), ("X",), None),
                 ("greater", (CODE_MEANING,), 0), ("less", (PATIENT_NAME,), 1)):
        assert evaluate(expr, ct) is False, expr
    assert evaluate(("not", ("equals", (CODE_MEANING,), ("X",), None)), ct) is True


def test_numbers_compare_numerically_whatever_their_type(ct: dicomkit.Dataset) -> None:
    assert evaluate(("greater", (SAMPLES,), 1), ct) is True
    assert evaluate(("greater", (SAMPLES,), 3), ct) is False
    assert evaluate(("greater_equal", (SAMPLES,), 3), ct) is True
    assert evaluate(("less", (SAMPLES,), 3), ct) is False
    assert evaluate(("less_equal", (SAMPLES,), 3), ct) is True
    assert evaluate(("equals", (SAMPLES,), (3,), None), ct) is True
    assert evaluate(("equals", (SAMPLES,), (3.0,), None), ct) is True
    assert evaluate(("not_equals", (SAMPLES,), (0,), None), ct) is True  # "is non-zero"
    # DS and IS held as text
    assert evaluate(("equals", (PIXEL_SPACING,), (0.25,), 2), ct) is True
    assert evaluate(("less", (PIXEL_SPACING,), 0.3), ct) is True  # any value
    assert evaluate(("equals", (INSTANCE_NUMBER,), (7,), None), ct) is True
    assert evaluate(("greater", (INSTANCE_NUMBER,), 6.5), ct) is True


def test_typed_values_read_from_a_file_compare_numerically() -> None:
    from tests.samples import sample_str

    path = sample_str("CT_small.dcm")
    ds = dicomkit.read(path)
    spacing = ds[PIXEL_SPACING].value[0]
    assert not isinstance(spacing, str)  # DSfloat
    assert evaluate(("equals", (PIXEL_SPACING,), (float(spacing),), 1), ds) is True
    assert evaluate(("greater", (PIXEL_SPACING,), 0.5), ds) is True
    assert evaluate(("equals", (MODALITY,), ("CT",), None), ds) is True
    assert evaluate(("equals", (IMAGE_TYPE,), ("AXIAL",), 3), ds) is True
    assert evaluate(("greater", (SAMPLES,), 1), ds) is False


def test_a_quoted_number_in_the_standard_compares_as_text_with_text(ct: dicomkit.Dataset) -> None:
    assert evaluate(("equals", (LOSSY,), ("01",), None), ct) is True
    assert evaluate(("equals", (LOSSY,), ("1",), None), ct) is False
    assert evaluate(("equals", (SAMPLES,), ("3",), None), ct) is True  # text written, number held


def test_attribute_tag_values_compare_with_the_tag(ct: dicomkit.Dataset) -> None:
    assert evaluate(("equals", (FRAME_POINTER,), (FRAME_TIME, FRAME_TIME_VECTOR), None), ct) is True
    assert evaluate(("equals", (FRAME_POINTER,), (FRAME_TIME_VECTOR,), None), ct) is False


def test_values_that_cannot_be_compared_make_the_comparison_unknown(ct: dicomkit.Dataset) -> None:
    assert evaluate(("greater", (MODALITY,), 1), ct) is None
    assert evaluate(("equals", (MODALITY,), (1,), None), ct) is None
    assert evaluate(("equals", (REGION_SEQ,), ("T-D1100",), None), ct) is None
    ct.add_new(INSTANCE_NUMBER, "IS", "NaN")
    assert evaluate(("greater", (INSTANCE_NUMBER,), 1), ct) is None


# ----------------------------------------------------------------------------- sequences and ancestors

def test_a_path_through_a_sequence_holds_when_any_item_satisfies_it(ct: dicomkit.Dataset) -> None:
    assert evaluate(("present", (REGION_SEQ, CODE_VALUE)), ct) is True
    assert evaluate(("equals", (REGION_SEQ, CODE_VALUE), ("T-04000",), None), ct) is True
    assert evaluate(("equals", (REGION_SEQ, CODE_VALUE), ("T-99999",), None), ct) is False
    assert evaluate(("present", (REGION_SEQ, CODE_MEANING)), ct) is False
    assert evaluate(("absent", (REGION_SEQ, CODE_MEANING)), ct) is True
    ct[REGION_SEQ].value[1].add_new(CODE_MEANING, "LO", "Breast")
    assert evaluate(("present", (REGION_SEQ, CODE_MEANING)), ct) is True
    assert evaluate(("absent", (REGION_SEQ, CODE_MEANING)), ct) is False


def test_a_sequence_without_items_holds_no_attributes(ct: dicomkit.Dataset) -> None:
    ct.add_new(REGION_SEQ, "SQ", [])
    assert evaluate(("present", (REGION_SEQ, CODE_VALUE)), ct) is False
    assert evaluate(("absent", (REGION_SEQ, CODE_VALUE)), ct) is True
    assert evaluate(("equals", (REGION_SEQ, CODE_VALUE), ("T-D1100",), None), ct) is False
    del ct[REGION_SEQ]
    assert evaluate(("absent", (REGION_SEQ, CODE_VALUE)), ct) is True


def test_a_path_through_an_element_that_is_not_a_sequence_is_unknown(ct: dicomkit.Dataset) -> None:
    assert evaluate(("present", (MODALITY, CODE_VALUE)), ct) is None
    assert evaluate(("absent", (MODALITY, CODE_VALUE)), ct) is None


def test_the_first_tag_is_looked_up_outward_through_the_ancestors(ct: dicomkit.Dataset) -> None:
    item = ct[REGION_SEQ].value[0]
    assert evaluate(("equals", (MODALITY,), ("CT",), None), item) is False  # no ancestors given
    assert evaluate(("equals", (MODALITY,), ("CT",), None), item, (ct,)) is True
    assert evaluate(("present", (REGION_SEQ, CODE_VALUE)), item, (ct,)) is True
    # the item's own attribute wins over the enclosing data set's
    assert evaluate(("equals", (CODE_VALUE,), ("T-D1100",), None), item, (ct,)) is True


def test_the_innermost_ancestor_holding_the_tag_is_used() -> None:
    top = dicomkit.Dataset()
    top.add_new(MODALITY, "CS", "MR")
    middle = dicomkit.Dataset()
    middle.add_new(MODALITY, "CS", "CT")
    inner = dicomkit.Dataset()
    assert evaluate(("equals", (MODALITY,), ("CT",), None), inner, (middle, top)) is True
    assert evaluate(("equals", (MODALITY,), ("MR",), None), inner, (middle, top)) is False
    assert evaluate(("equals", (MODALITY,), ("MR",), None), inner, (dicomkit.Dataset(), top)) is True


# ----------------------------------------------------------------------------- logic

def test_and_or_not_use_three_valued_logic(ct: dicomkit.Dataset) -> None:
    true = ("present", (MODALITY,))
    false = ("absent", (MODALITY,))
    unknown = ("greater", (MODALITY,), 1)
    assert evaluate(("and", true, true), ct) is True
    assert evaluate(("and", true, false), ct) is False
    assert evaluate(("and", unknown, false), ct) is False
    assert evaluate(("and", unknown, true), ct) is None
    assert evaluate(("or", false, true), ct) is True
    assert evaluate(("or", unknown, true), ct) is True
    assert evaluate(("or", unknown, false), ct) is None
    assert evaluate(("or", false, false), ct) is False
    assert evaluate(("not", true), ct) is False
    assert evaluate(("not", unknown), ct) is None


@pytest.mark.parametrize("expr", [
    (), ("present",), ("present", ()), ("present", ("x",)), ("frobnicate", (MODALITY,)),
    ("equals", (MODALITY,), "CT", None), ("equals", (MODALITY,), (), None), ("equals", (MODALITY,), ("CT",)),
    ("equals", (MODALITY,), ("CT",), 0), ("greater", (SAMPLES,), "one"), ("not", ("present", (MODALITY,)), 1),
    ("and",), ("equals", (MODALITY,), (None,), None), "present",
])
def test_malformed_expressions_raise_a_dicom_error(ct: dicomkit.Dataset, expr: Any) -> None:
    with pytest.raises(ConditionError) as info:
        evaluate(expr, ct)
    assert isinstance(info.value, DicomError)
    assert "regenerate" in str(info.value)


# ----------------------------------------------------------------------------- property

_TAGS = (MODALITY, IMAGE_TYPE, _tag("BodyPartExamined"), _tag("PatientPosition"))
_WORDS = ("CT", "MR", "ORIGINAL", "DERIVED", "HEAD", "FOR PROCESSING")

# a data set model: tag -> list of values (empty list: present with zero length)
_models = st.dictionaries(st.sampled_from(_TAGS), st.lists(st.sampled_from(_WORDS), max_size=3), max_size=4)
_leaf = st.one_of(
    st.tuples(st.sampled_from(("present", "absent", "has_value", "empty")), st.tuples(st.sampled_from(_TAGS))),
    st.tuples(st.sampled_from(("equals", "not_equals")), st.tuples(st.sampled_from(_TAGS)),
              st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(tuple),
              st.one_of(st.none(), st.integers(1, 4))),
)
_exprs = st.recursive(
    _leaf,
    lambda sub: st.one_of(st.tuples(st.just("not"), sub),
                          st.lists(sub, min_size=2, max_size=3).map(lambda xs: ("and", *xs)),
                          st.lists(sub, min_size=2, max_size=3).map(lambda xs: ("or", *xs))),
    max_leaves=6)


def _direct(expr: tuple[Any, ...], model: dict[int, list[str]]) -> bool:
    op = expr[0]
    if op == "and":
        return all(_direct(e, model) for e in expr[1:])
    if op == "or":
        return any(_direct(e, model) for e in expr[1:])
    if op == "not":
        return not _direct(expr[1], model)
    tag = expr[1][0]
    if op == "present":
        return tag in model
    if op == "absent":
        return tag not in model
    if op == "has_value":
        return bool(model.get(tag))
    if op == "empty":
        return tag in model and not model[tag]
    values = model.get(tag) or []
    index = expr[3]
    chosen = values if index is None else values[index - 1:index]
    if not chosen:
        return False
    if op == "equals":
        return any(v in expr[2] for v in chosen)
    return all(v not in expr[2] for v in chosen)


@settings(max_examples=200, deadline=None)
@given(model=_models, expr=_exprs, pad=st.booleans())
def test_evaluation_agrees_with_a_direct_check_on_random_data_sets(
        model: dict[int, list[str]], expr: tuple[Any, ...], pad: bool) -> None:
    ds = dicomkit.Dataset()
    for tag, values in model.items():
        padded = [v + " " if pad and len(v) % 2 else v for v in values]
        ds.add_new(tag, "CS", padded if len(padded) != 1 else padded[0])
    assert evaluate(expr, ds) is _direct(expr, model)


def test_decimal_values_compare_numerically() -> None:
    ds = dicomkit.Dataset()
    ds.add_new(SAMPLES, "US", 1)
    ds[SAMPLES].value = Decimal("2.0")
    assert evaluate(("equals", (SAMPLES,), (2,), None), ds) is True
    assert evaluate(("greater", (SAMPLES,), 1.5), ds) is True


def _frames(*types: str, shared_type: str | None = None) -> dicomkit.Dataset:
    """A data set whose frames carry Frame Type in a CT Image Frame Type group (PS3.3
    C.8.15.3.1), per frame or shared, and a Pixel Measures group in each frame."""
    from dicomkit.core.sequence import Sequence

    def frame_type_group(value: str) -> dicomkit.Dataset:
        inner = dicomkit.Dataset()
        inner.FrameType = [value, "PRIMARY", "VOLUME", "NONE"]
        group = dicomkit.Dataset()
        group.CTImageFrameTypeSequence = Sequence([inner])
        return group

    ds = dicomkit.Dataset()
    frames = []
    for value in types:
        item = frame_type_group(value) if value else dicomkit.Dataset()
        measures = dicomkit.Dataset()
        measures.SliceThickness = 1
        item.PixelMeasuresSequence = Sequence([measures])
        frames.append(item)
    ds.PerFrameFunctionalGroupsSequence = Sequence(frames)
    shared = frame_type_group(shared_type) if shared_type else dicomkit.Dataset()
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    return ds


ORIGINAL_FRAME = ("in_frame", ("equals", (0x00089007,), ("ORIGINAL",), 1))


def test_in_frame_is_evaluated_in_the_groups_of_the_frame_the_condition_is_in() -> None:
    """PS3.3 C.7.6.16: 'Frame Type (0008,9007) Value 1 of this frame is ORIGINAL'."""
    ds = _frames("ORIGINAL", "DERIVED")
    per = ds.PerFrameFunctionalGroupsSequence
    for index, want in ((0, True), (1, False)):
        item = per[index].PixelMeasuresSequence[0]
        assert evaluate(ORIGINAL_FRAME, item, (per[index], ds)) is want


def test_in_frame_from_a_shared_group_or_the_top_level_holds_when_one_frame_holds() -> None:
    ds = _frames("DERIVED", "ORIGINAL")
    shared = ds.SharedFunctionalGroupsSequence[0]
    assert evaluate(ORIGINAL_FRAME, shared, (ds,)) is True
    assert evaluate(ORIGINAL_FRAME, ds) is True
    assert evaluate(ORIGINAL_FRAME, ds) is True
    assert evaluate(ORIGINAL_FRAME, _frames("DERIVED", "DERIVED")) is False


def test_in_frame_finds_frame_type_in_the_shared_groups() -> None:
    ds = _frames("", "", shared_type="ORIGINAL")
    per = ds.PerFrameFunctionalGroupsSequence
    assert evaluate(ORIGINAL_FRAME, per[1].PixelMeasuresSequence[0], (per[1], ds)) is True
    assert evaluate(ORIGINAL_FRAME, dicomkit.Dataset()) is False  # no frames, no Frame Type


def test_in_frame_of_an_attribute_no_group_holds_is_looked_up_as_usual() -> None:
    """PS3.3 C.8-114 writes "Image Type (0008,0008) Value 1 of this frame is ORIGINAL"."""
    ds = _frames("DERIVED")
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    expr = ("in_frame", ("equals", (0x00080008,), ("ORIGINAL",), 1))
    per = ds.PerFrameFunctionalGroupsSequence
    assert evaluate(expr, per[0].PixelMeasuresSequence[0], (per[0], ds)) is True


def test_iod_requires_asks_the_iod_and_is_unknown_without_one() -> None:
    expr = ("not", ("iod_requires", (0x00200037,)))
    ds = dicomkit.Dataset()
    assert evaluate(expr, ds) is None
    assert evaluate(expr, ds, (), lambda tag: tag == 0x00200037) is False
    assert evaluate(expr, ds, (), lambda tag: False) is True
    assert evaluate(expr, ds, (), lambda tag: None) is None
    with pytest.raises(ConditionError):
        evaluate(("iod_requires", (0x00081115, 0x00081150)), ds, (), lambda tag: True)


def test_patient_orientation_is_required_where_the_iod_requires_no_orientation() -> None:
    """PS3.3 C.7.6.1 Patient Orientation 2C (read with the 'and' of codegen/fixes.py): required
    in a Secondary Capture image (Image Plane is U in A.8.1), not in a CT image (Image Plane is
    M), left to the frame's groups in a Segmentation (Plane Orientation is a functional group)."""
    from dicomkit.validate import validate
    from tests.samples import sample

    def found(name: str) -> bool:
        ds = dicomkit.read(sample(name))
        if "PatientOrientation" in ds:
            del ds.PatientOrientation
        return any(f.rule == "condition-required" and f.path == "(0020,0020)"
                   for f in validate(ds).findings)

    assert found("JPEG2000.dcm")
    assert not found("CT_small.dcm")
    assert not found("liver_1frame.dcm")


# ----------------------------------------------------------------------------- codes, item counts, private tags

CODING_SCHEME = _tag("CodingSchemeDesignator")
LONG_CODE_VALUE = _tag("LongCodeValue")
DEVICE_TYPE_SEQ = _tag("AcquisitionDeviceTypeCodeSequence")
SELECTOR = _tag("SelectorAttribute")
OCT = ("code", (DEVICE_TYPE_SEQ,), (("392012008", "SCT"),))  # PS3.3 C.8.17.9-1


def _coded(value: str, scheme: str, tag: int = CODE_VALUE) -> dicomkit.Dataset:
    item = dicomkit.Dataset()
    item.add_new(tag, "UC" if tag == LONG_CODE_VALUE else "SH", value)
    item.add_new(CODING_SCHEME, "SH", scheme + " ")  # padded as read from a file
    item.add_new(CODE_MEANING, "LO", "whatever the meaning says")
    return item


def test_a_code_holds_when_one_item_has_its_value_and_scheme() -> None:
    ds = dicomkit.Dataset()
    assert evaluate(OCT, ds) is False  # no sequence: no code
    ds.add_new(DEVICE_TYPE_SEQ, "SQ", [_coded("1234", "SCT"), _coded("392012008", "SCT")])
    assert evaluate(OCT, ds) is True
    assert evaluate(("code", (DEVICE_TYPE_SEQ,), (("1234", "DCM"), ("9", "SCT"))), ds) is False
    # value and scheme must be in the same item
    ds.add_new(DEVICE_TYPE_SEQ, "SQ", [_coded("392012008", "DCM"), _coded("1", "SCT")])
    assert evaluate(OCT, ds) is False
    ds.add_new(DEVICE_TYPE_SEQ, "SQ", [])
    assert evaluate(OCT, ds) is False


def test_a_code_may_be_held_in_long_code_value() -> None:
    ds = dicomkit.Dataset()
    ds.add_new(DEVICE_TYPE_SEQ, "SQ", [_coded("392012008", "SCT", LONG_CODE_VALUE)])
    assert evaluate(OCT, ds) is True


def test_a_code_through_a_non_sequence_is_unknown(ct: dicomkit.Dataset) -> None:
    assert evaluate(("code", (MODALITY,), (("CT", "DCM"),)), ct) is None


def test_item_counts_compare_the_number_of_items(ct: dicomkit.Dataset) -> None:
    assert evaluate(("item_count", (REGION_SEQ,), "greater", 1), ct) is True
    assert evaluate(("item_count", (REGION_SEQ,), "equals", 2), ct) is True
    assert evaluate(("item_count", (REGION_SEQ,), "equals", 1), ct) is False
    ct.add_new(REGION_SEQ, "SQ", [_code("T-D1100")])
    assert evaluate(("item_count", (REGION_SEQ,), "greater", 1), ct) is False
    assert evaluate(("item_count", (MODALITY,), "greater", 1), ct) is None
    del ct[REGION_SEQ]
    assert evaluate(("item_count", (REGION_SEQ,), "greater", 0), ct) is False


def test_a_private_tag_value_has_an_odd_group() -> None:
    ds = dicomkit.Dataset()
    assert evaluate(("private_tag", (SELECTOR,)), ds) is False
    ds.add_new(SELECTOR, "AT", 0x00091001)
    assert evaluate(("private_tag", (SELECTOR,)), ds) is True
    ds.add_new(SELECTOR, "AT", 0x00100010)
    assert evaluate(("private_tag", (SELECTOR,)), ds) is False
    ds.add_new(SELECTOR, "AT", [0x00100010, 0x00291010])
    assert evaluate(("private_tag", (SELECTOR,)), ds) is True


@pytest.mark.parametrize("expr", [
    ("code", (DEVICE_TYPE_SEQ,)),
    ("code", (DEVICE_TYPE_SEQ,), ()),
    ("code", (DEVICE_TYPE_SEQ,), (("392012008",),)),
    ("item_count", (REGION_SEQ,), "more", 1),
    ("item_count", (REGION_SEQ,), "greater", "1"),
    ("private_tag", (SELECTOR,), 1),
])
def test_malformed_new_operators_raise_condition_error(expr: tuple[Any, ...], ct: dicomkit.Dataset) -> None:
    with pytest.raises(ConditionError):
        evaluate(expr, ct)


def test_the_generated_tables_carry_the_new_operators() -> None:
    """The OCT illuminator rows of PS3.3 C.8.17.9-1 (Ophthalmic Tomography Acquisition
    Parameters) carry the code condition as generated from the standard's sentence."""
    from dicomkit.generated import modules

    table = modules.attribute_table("C.8.17.9-1")
    assert table is not None
    exprs = {row[6] for row in table[3] if row[3] in ("1C", "2C") and row[6] is not None}
    assert OCT in exprs


# ----------------------------------------------------------------------------- modules and groups

def test_module_and_group_presence_ask_the_iod_checks() -> None:
    ds = dicomkit.Dataset()
    expr = ("not", ("group_present", "C.7.6.16-7"))
    assert evaluate(expr, ds) is None  # no IOD: unknown
    asked: list[tuple[str, str]] = []

    def present(op: str, label: str) -> bool | None:
        asked.append((op, label))
        return label == "C.7.6.16-7"

    assert evaluate(expr, ds, (), None, present) is False
    assert evaluate(("module_present", "C.7-22"), ds, (), None, present) is False
    assert evaluate(("module_present", "C.7-22"), ds, (), None, lambda op, label: None) is None
    assert asked == [("group_present", "C.7.6.16-7"), ("module_present", "C.7-22")]
    # "Pixel Measures or Plane Position (Patient) Functional Group Macros Present"
    either = ("or", ("group_present", "C.7.6.16-2"), ("group_present", "C.7.6.16-4"))
    assert evaluate(either, ds, (), None, lambda op, label: label == "C.7.6.16-4") is True
    assert evaluate(either, ds, (), None, lambda op, label: False) is False
    for bad in (("module_present",), ("module_present", ""), ("group_present", 7)):
        with pytest.raises(ConditionError):
            evaluate(bad, ds, (), None, present)


def _segmentation(derived: bool, frame_of_reference: bool) -> dicomkit.Dataset:
    from tests.samples import sample

    ds = dicomkit.read(sample("liver_1frame.dcm"))
    if not derived:
        for item in ds.PerFrameFunctionalGroupsSequence:
            del item[_tag("DerivationImageSequence")]
    if not frame_of_reference:
        del ds[_tag("FrameOfReferenceUID")]
        del ds[_tag("PositionReferenceIndicator")]
    return ds


@pytest.mark.parametrize(("derived", "frame_of_reference", "missing"), [
    (True, True, False),
    (True, False, False),  # derived: Frame of Reference not required (and it is Type 1 only if present)
    (False, True, False),
    (False, False, True),
])
def test_frame_of_reference_of_a_segmentation_follows_the_derivation_image_group(
        derived: bool, frame_of_reference: bool, missing: bool) -> None:
    """PS3.3 A.51-1 Segmentation IOD: Frame of Reference "C - Required if Derivation Image
    Functional Group (Section C.7.6.16.2.6) is not present"; the group is looked for in the
    per-frame functional groups of pydicom's liver_1frame.dcm."""
    from dicomkit.validate import validate

    report = validate(_segmentation(derived, frame_of_reference))
    found = [f for f in report.findings if f.rule == "module-missing"
             and f.message.startswith("Frame of Reference module")]
    assert bool(found) is missing, report.findings
    if missing:
        assert "required by its condition" in found[0].message


# ----------------------------------------------------------------------------- control points

CONTROL_POINTS = _tag("ControlPointSequence")
BEAMS = _tag("BeamSequence")
GANTRY = _tag("GantryAngle")
FIRST_OR_CHANGED = ("or", ("first_item", (CONTROL_POINTS,)),
                    ("prose", "Gantry Angle changes during Beam"))  # PS3.3 C.8-50


def _plan() -> tuple[dicomkit.Dataset, dicomkit.Dataset, list[dicomkit.Dataset]]:
    plan = dicomkit.Dataset()
    beam = dicomkit.Dataset()
    points = [dicomkit.Dataset(), dicomkit.Dataset(), dicomkit.Dataset()]
    beam.add_new(CONTROL_POINTS, "SQ", points)
    plan.add_new(BEAMS, "SQ", [beam])
    return plan, beam, points


def test_first_item_holds_in_the_first_item_of_the_sequence_only() -> None:
    plan, beam, points = _plan()
    assert evaluate(("first_item", (CONTROL_POINTS,)), points[0], (beam, plan)) is True
    assert evaluate(("first_item", (CONTROL_POINTS,)), points[2], (beam, plan)) is False
    # outside the sequence (the beam item itself, the top level): unknown
    assert evaluate(("first_item", (CONTROL_POINTS,)), beam, (plan,)) is None
    assert evaluate(("first_item", (CONTROL_POINTS,)), plan) is None
    # an item nested in the first control point is in the first control point
    inner = dicomkit.Dataset()
    points[0].add_new(_tag("BeamLimitingDevicePositionSequence"), "SQ", [inner])
    assert evaluate(("first_item", (CONTROL_POINTS,)), inner, (points[0], beam, plan)) is True


def test_a_prose_case_is_unknown_so_only_the_first_item_is_decided() -> None:
    plan, beam, points = _plan()
    assert evaluate(FIRST_OR_CHANGED, points[0], (beam, plan)) is True
    assert evaluate(FIRST_OR_CHANGED, points[1], (beam, plan)) is None
    assert evaluate(("prose", "anything"), plan) is None
    for bad in (("prose",), ("prose", 1), ("first_item", (CONTROL_POINTS, GANTRY))):
        with pytest.raises(ConditionError):
            evaluate(bad, plan)


def test_an_rt_plan_needs_gantry_angle_in_its_first_control_point_only() -> None:
    """PS3.3 C.8.8.14 (Table C.8-50): Gantry Angle (300A,011E) "Required for first Item of
    Control Point Sequence (300A,0111), or if Gantry Angle changes during Beam"; pydicom's
    rtplan.dcm has it in the first of its two control points."""
    from dicomkit.validate import validate
    from tests.samples import sample

    def gantry_findings(ds: dicomkit.Dataset) -> list[str]:
        return [f.path for f in validate(ds).findings
                if f.rule == "condition-required" and f.path.endswith("(300A,011E)")]

    ds = dicomkit.read(sample("rtplan.dcm"))
    assert gantry_findings(ds) == []
    del ds.BeamSequence[0].ControlPointSequence[0][GANTRY]
    assert gantry_findings(ds) == ["(300A,00B0)[0].(300A,0111)[0].(300A,011E)"]


# ----------------------------------------------------------------------------- session of 2026-12-06
# Conditions read since the session of 2026-12-06 (bench/README.md), each evaluated both ways from
# the generated tables of PS3.3 2024c.

def _generated(label: str, keyword: str | int) -> Any:
    """The generated expression of the 1C/2C row of ``keyword`` (or tag) in attribute table
    ``label``."""
    from dicomkit.generated import modules

    table = modules.attribute_table(label)
    assert table is not None
    tag = keyword if isinstance(keyword, int) else _tag(keyword)
    exprs = [row[6] for row in table[3] if row[0] == "attr" and row[2] == tag
             and row[3] in ("1C", "2C")]
    assert len(exprs) == 1 and exprs[0] is not None, (label, keyword, exprs)
    return exprs[0]


def _condition_findings(ds: dicomkit.Dataset, tag: int) -> list[str]:
    from dicomkit.validate import validate

    suffix = f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
    return [f.path for f in validate(ds).findings
            if f.rule == "condition-required" and f.path.endswith(suffix)]


PALETTE_DESCRIPTOR = _tag("RedPaletteColorLookupTableDescriptor")


def test_palette_descriptors_are_required_for_palette_color_only() -> None:
    """PS3.3 C.7.6.3 (Table C.7-11c): Red Palette Color Lookup Table Descriptor "Required if
    Photometric Interpretation (0028,0004) has a value of PALETTE COLOR or Pixel Presentation
    (0008,9205) at the image level equals COLOR or MIXED"; pydicom's SC_rgb_small_odd.dcm (SC
    Image IOD, RGB) made PALETTE COLOR."""
    from tests.samples import sample

    ds = dicomkit.read(sample("SC_rgb_small_odd.dcm"))
    assert PALETTE_DESCRIPTOR not in ds
    assert _condition_findings(ds, PALETTE_DESCRIPTOR) == []  # RGB: not required
    ds.add_new(_tag("PhotometricInterpretation"), "CS", "PALETTE COLOR")
    assert _condition_findings(ds, PALETTE_DESCRIPTOR) == ["(0028,1101)"]
    ds.add_new(PALETTE_DESCRIPTOR, "US", [256, 0, 16])
    assert _condition_findings(ds, PALETTE_DESCRIPTOR) == []
    # the other case: Pixel Presentation COLOR at the top level
    expr = _generated("C.7-11c", "RedPaletteColorLookupTableDescriptor")
    ds.add_new(_tag("PhotometricInterpretation"), "CS", "MONOCHROME2")
    assert evaluate(expr, ds) is False
    ds.add_new(_tag("PixelPresentation"), "CS", "COLOR")
    assert evaluate(expr, ds) is True
    ds.add_new(_tag("PixelPresentation"), "CS", "MONOCHROME")
    assert evaluate(expr, ds) is False


SESSION_BEAMS = _tag("TreatmentSessionBeamSequence")
DELIVERED_POINTS = _tag("ControlPointDeliverySequence")


def _beams_record(points: int) -> tuple[dicomkit.Dataset, list[dicomkit.Dataset]]:
    from dicomkit.generated import uids

    ds = dicomkit.Dataset()
    ds.add_new(_tag("SOPClassUID"), "UI", uids.RTBeamsTreatmentRecordStorage)
    ds.add_new(_tag("SOPInstanceUID"), "UI", "1.2.3.4")
    ds.add_new(_tag("Modality"), "CS", "RTRECORD")
    beam = dicomkit.Dataset()
    items = []
    for i in range(points):
        item = dicomkit.Dataset()
        item.add_new(_tag("ReferencedControlPointIndex"), "IS", str(i))
        items.append(item)
    beam.add_new(DELIVERED_POINTS, "SQ", items)
    ds.add_new(SESSION_BEAMS, "SQ", [beam])
    return ds, items


def test_gantry_angle_of_a_treatment_record_is_required_at_control_point_0_only() -> None:
    """PS3.3 C.8.8.21 (Table C.8-57): Gantry Angle "Required for Control Point 0 of Control Point
    Delivery Sequence (3008,0040) or if Gantry Angle changes during beam administration": the
    first Item must have it; the others are not checked (the change is prose)."""
    ds, points = _beams_record(2)
    assert _condition_findings(ds, GANTRY) == ["(3008,0020)[0].(3008,0040)[0].(300A,011E)"]
    points[0].add_new(GANTRY, "DS", "0")
    assert _condition_findings(ds, GANTRY) == []
    expr = _generated("C.8-57", "GantryAngle")
    beam = ds.TreatmentSessionBeamSequence[0]
    assert evaluate(expr, points[0], (beam, ds)) is True
    assert evaluate(expr, points[1], (beam, ds)) is None  # not checked


def test_rt_control_point_section_conditions_hold_at_the_first_point() -> None:
    """PS3.3 C.36.2.2.5.1.1: "At the first Sequence Item in RT Control Point Sequences (i.e.,
    with an RT Control Point Index (300A,0600) equal to 1) all Attributes affected by this Section
    shall be present if applicable conditions are met"; Table C.36.2.2.6-1 Delivery Rate and
    Table C.36.17-1 Tomotherapeutic Leaf Open Durations (with RT Record Flag (300A,0639) NO)."""
    rate = _generated("C.36.2.2.6-1", "DeliveryRate")
    durations = _generated("C.36.17-1", "TomotherapeuticLeafOpenDurations")
    first, later, outer = dicomkit.Dataset(), dicomkit.Dataset(), dicomkit.Dataset()
    first.add_new(_tag("RTControlPointIndex"), "US", 1)
    later.add_new(_tag("RTControlPointIndex"), "US", 2)
    assert evaluate(rate, first) is True
    assert evaluate(rate, later) is None  # a change of value is not shown by one Item
    outer.add_new(_tag("RTRecordFlag"), "CS", "NO")
    assert evaluate(durations, first, (outer,)) is True
    outer.add_new(_tag("RTRecordFlag"), "CS", "YES")
    assert evaluate(durations, first, (outer,)) is False
    assert evaluate(durations, later, (outer,)) is False


def test_a_comma_groups_or_before_and_in_ct_acquisition() -> None:
    """PS3.3 C.8.15.3.2 (Table C.8-119): Rotation Direction "Required if Frame Type (0008,9007)
    Value 1 of this frame is ORIGINAL or Image Type (0008,0008) Value 1 is ORIGINAL, and
    Acquisition Type (0018,9302) is other than CONSTANT_ANGLE"."""
    expr = _generated("C.8-119", "RotationDirection")
    ds = dicomkit.Dataset()
    ds.add_new(IMAGE_TYPE, "CS", ["ORIGINAL", "PRIMARY"])
    ds.add_new(_tag("AcquisitionType"), "CS", "SPIRAL")
    assert evaluate(expr, ds) is True
    ds.add_new(_tag("AcquisitionType"), "CS", "CONSTANT_ANGLE")
    assert evaluate(expr, ds) is False
    ds.add_new(_tag("AcquisitionType"), "CS", "SEQUENCED")
    ds.add_new(IMAGE_TYPE, "CS", ["DERIVED", "PRIMARY"])
    assert evaluate(expr, ds) is False


def _usage(iod_label: str, name: str) -> Any:
    """The generated condition of module or functional group ``name`` of IOD ``iod_label``."""
    from dicomkit.generated import iods

    iod = iods.iod(iod_label)
    assert iod is not None
    rows = [row for part in iod[3:] if isinstance(part, tuple) for row in part
            if isinstance(row, tuple)]
    # modules: (IE, name, section, table, usage, text, expr, otherwise); functional groups:
    # (name, section, table, usage, text, expr, otherwise)
    found = [row[6] for row in rows if len(row) == 8 and row[1] == name and row[4] == "C"]
    found += [row[5] for row in rows if len(row) == 7 and row[0] == name and row[3] == "C"]
    assert found and found[0] is not None, (iod_label, name, found)
    return found[0]


def test_modality_lut_of_xa_is_required_for_log_pixel_intensity_only() -> None:
    """PS3.3 A.14-1 (X-Ray Angiographic Image IOD): Modality LUT "C - Required if Pixel Intensity
    Relationship (0028,1040) is LOG U - Optional if Pixel Intensity Relationship (0028,1040) is
    DISP": the condition is the C part."""
    expr = _usage("A.14-1", "Modality LUT")
    assert expr == ("equals", (_tag("PixelIntensityRelationship"),), ("LOG",), None)
    ds = dicomkit.Dataset()
    ds.add_new(_tag("PixelIntensityRelationship"), "CS", "LOG")
    assert evaluate(expr, ds) is True
    ds.add_new(_tag("PixelIntensityRelationship"), "CS", "DISP")
    assert evaluate(expr, ds) is False


def test_contrast_bolus_usage_group_follows_the_agent_sequence() -> None:
    """PS3.3 A.36-2 (Enhanced MR Image functional groups): Contrast/Bolus Usage "C - Required if
    Contrast/Bolus Agent Sequence (0018,0012) is used"."""
    expr = _usage("A.36-1", "Contrast/Bolus Usage")
    ds = dicomkit.Dataset()
    assert evaluate(expr, ds) is False
    ds.add_new(_tag("ContrastBolusAgentSequence"), "SQ", [dicomkit.Dataset()])
    assert evaluate(expr, ds) is True


def test_a_census_prose_clause_leaves_the_read_clause_deciding_when_it_can() -> None:
    """PS3.3 C.7.1.1 (Table C.7-1): Patient Species Description "Required if the Patient is a
    non-human organism and if Patient Species Code Sequence (0010,2202) is not present": with the
    code sequence present it is not required; without it, whether the patient is non-human is not
    shown by the data set, so it is not checked (unknown), never reported."""
    expr = _generated("C.7-1", "PatientSpeciesDescription")
    ds = dicomkit.Dataset()
    assert evaluate(expr, ds) is None
    ds.add_new(_tag("PatientSpeciesCodeSequence"), "SQ", [_code("448771007")])
    assert evaluate(expr, ds) is False
    # on a real header: no finding either way
    from tests.samples import sample

    ct = dicomkit.read(sample("CT_small.dcm"))
    assert _condition_findings(ct, _tag("PatientSpeciesDescription")) == []


def test_private_record_uid_is_required_for_private_directory_records_only() -> None:
    """PS3.3 F.5 (Table F.3-3): Private Record UID "Required if the Directory Record Type
    (0004,1430) is of Value PRIVATE"; Table C.36.2.2.22-1: Acquisition Device Sequence "Required
    if the Number of Acquisition Devices (3002,0116) has a non-zero value"."""
    expr = _generated("F.3-3", "PrivateRecordUID")
    record = dicomkit.Dataset()
    record.add_new(_tag("DirectoryRecordType"), "CS", "PRIVATE")
    assert evaluate(expr, record) is True
    record.add_new(_tag("DirectoryRecordType"), "CS", "IMAGE")
    assert evaluate(expr, record) is False
    # Acquisition Device Sequence (3002,0117), Number of Acquisition Devices (3002,0116): not in
    # the data dictionary of PS3.6 2024c
    devices = _generated("C.36.2.2.22-1", 0x30020117)
    item = dicomkit.Dataset()
    assert evaluate(devices, item) is False
    item.add_new(0x30020116, "US", 2)
    assert evaluate(devices, item) is True
    item.add_new(0x30020116, "US", 0)
    assert evaluate(devices, item) is False


def test_an_expression_evaluated_again_gives_the_answer_for_the_new_data_set() -> None:
    """Expressions are compiled once and reused: the result still follows the data set, and an
    equal expression built anew is answered alike (PS3.3 "Required if Modality is CT")."""
    expr = ("equals", (0x00080060,), ("CT",), None)
    ct, mr = dicomkit.Dataset(), dicomkit.Dataset()
    ct.Modality = "CT"
    mr.Modality = "MR"
    assert [evaluate(expr, ct), evaluate(expr, mr), evaluate(expr, ct)] == [True, False, True]
    rebuilt = ("equals", (0x00080060,), tuple(["CT"]), None)
    assert rebuilt is not expr and evaluate(rebuilt, mr) is False
    with pytest.raises(ConditionError):  # a malformed expression is refused every time
        evaluate(("equals", (0x00080060,), ("CT",)), ct)
    with pytest.raises(ConditionError):
        evaluate(("equals", (0x00080060,), ("CT",)), ct)
