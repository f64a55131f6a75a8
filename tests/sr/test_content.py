"""The SR content tree: reading, writing, navigation (PS3.3 C.17.3, C.18)."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.sr import (
    Code,
    ContentItem,
    NumValue,
    Reference,
    SpatialCoordinates,
    SpatialCoordinates3D,
    SRError,
    TemporalCoordinates,
    read_content_tree,
)
from dicomkit.sr.content import VALUE_TYPES
from tests.sr.samples import pydicom_sample

SAMPLES = ("test-SR.dcm", "reportsi.dcm", "reportsi_with_empty_number_tags.dcm")
MM = Code("mm", "UCUM", "millimeter")


def _sample(name: str) -> str:
    return pydicom_sample(name)


def _pydicom_items(ds: Any) -> list[Any]:
    """Every content item pydicom reads, pre-order, the document first."""
    out = [ds]
    for child in getattr(ds, "ContentSequence", []):
        out.extend(_pydicom_items(child))
    return out


@pytest.mark.parametrize("name", SAMPLES)
def test_pydicom_sample_reports_read_into_trees_with_pydicoms_values(name: str) -> None:
    pydicom = pytest.importorskip("pydicom")
    theirs = _pydicom_items(pydicom.dcmread(_sample(name)))
    ours = list(read_content_tree(dicomkit.read(_sample(name))).walk())
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs):
        assert a.value_type == b.get("ValueType", "")
        if "ConceptNameCodeSequence" in b and b.ConceptNameCodeSequence:
            c = b.ConceptNameCodeSequence[0]
            assert a.concept == Code(c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning)
        if a.value_type == "TEXT":
            assert a.value == b.TextValue
        elif a.value_type == "CODE":
            c = b.ConceptCodeSequence[0]
            assert a.value == Code(c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning)
        elif a.value_type == "NUM" and b.MeasuredValueSequence:
            mv = b.MeasuredValueSequence[0]
            assert a.value.value == Decimal(str(mv.NumericValue))
            assert a.value.units.value == mv.MeasurementUnitsCodeSequence[0].CodeValue
        elif a.value_type in ("IMAGE", "COMPOSITE", "WAVEFORM"):
            r = b.ReferencedSOPSequence[0]
            assert a.value.sop_instance_uid == r.ReferencedSOPInstanceUID
        elif a.value_type == "" and "ReferencedContentItemIdentifier" in b:
            assert a.reference == tuple(int(x) for x in b.ReferencedContentItemIdentifier)


def test_by_reference_items_find_their_target() -> None:
    root = read_content_tree(dicomkit.read(_sample("test-SR.dcm")))
    refs = [item for item in root.walk() if item.reference is not None]
    assert refs
    for item in refs:
        target = item.target()
        assert target.path == item.reference
        assert target.reference is None


def test_paths_are_one_based_from_the_root() -> None:
    root = read_content_tree(dicomkit.read(_sample("test-SR.dcm")))
    assert root.path == (1,)
    assert root.children[1].children[0].path == (1, 2, 1)
    assert root.children[1].children[0].path_text == "1.2.1"


def test_find_and_at_navigate_by_concept_names() -> None:
    root = ContentItem("CONTAINER", concept=Code("126000", "DCM", "Imaging Measurement Report"))
    group = root.add(ContentItem("CONTAINER", "CONTAINS", Code("125007", "DCM", "Measurement Group")))
    length = Code("410668003", "SCT", "Length")
    group.add(ContentItem("NUM", "CONTAINS", length, NumValue(Decimal("12.5"), MM)))
    group.add(ContentItem("TEXT", "HAS OBS CONTEXT", Code("112039", "DCM", "Tracking Identifier"),
                          "lesion 1"))
    assert [n.value.value for n in root.find(length)] == [Decimal("12.5")]
    assert root.find(length, recursive=False) == []
    assert root.at("125007/410668003") == root.find(length)
    assert root.at("DCM:125007/SCT:410668003") == root.find(length)
    assert root.at("DCM:125007/DCM:410668003") == []
    assert root.at([Code("125007", "DCM", ""), length]) == root.find(length)
    assert root.find(length, value_type="TEXT") == []


def test_unknown_value_types_are_refused_when_built_and_when_read() -> None:
    with pytest.raises(SRError, match="not an SR value type"):
        ContentItem("NUMBER")
    item = Dataset()
    item.RelationshipType = "CONTAINS"
    item.ValueType = "NUMBER"
    doc = Dataset()
    doc.ValueType = "CONTAINER"
    doc.ContentSequence = [item]
    with pytest.raises(SRError, match=r"content item 1\.1: unknown Value Type 'NUMBER'"):
        read_content_tree(doc)


def test_a_measured_value_without_units_is_an_error_with_its_path() -> None:
    mv = Dataset()
    mv.NumericValue = "3"
    item = Dataset()
    item.RelationshipType = "CONTAINS"
    item.ValueType = "NUM"
    item.MeasuredValueSequence = [mv]
    doc = Dataset()
    doc.ValueType = "CONTAINER"
    doc.ContentSequence = [item]
    with pytest.raises(SRError, match=r"1\.1: .*Measurement Units"):
        read_content_tree(doc)


def test_a_data_set_without_value_type_is_not_an_sr_document() -> None:
    with pytest.raises(SRError, match="not an SR document"):
        read_content_tree(Dataset())


def test_a_num_with_only_a_qualifier_keeps_it() -> None:
    nan = Code("114000", "DCM", "Not a number")
    item = ContentItem("NUM", "CONTAINS", Code("1", "99X", "x"), None)
    root = ContentItem("CONTAINER", concept=Code("2", "99X", "r"), children=[item])
    ds = root.to_item()
    ds.ContentSequence[0].NumericValueQualifierCodeSequence = [nan.to_item()]
    back = read_content_tree(ds).children[0]
    assert back.value is not None and back.value.qualifier == nan
    assert read_content_tree(read_content_tree(ds).to_item()).children[0].value.qualifier == nan


def test_infinite_numbers_cannot_be_numeric_values() -> None:
    root = ContentItem("CONTAINER", concept=Code("2", "99X", "r"))
    root.add(ContentItem("NUM", "CONTAINS", Code("1", "99X", "x"), NumValue(Decimal("Infinity"), MM)))
    with pytest.raises(SRError, match="Numeric Value Qualifier"):
        root.to_item()


# -- property: whatever tree we write, we read back equal ----------------------------------------

_words = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="\\"),
                 min_size=1, max_size=12)
_codes = st.builds(Code, st.text("0123456789", min_size=1, max_size=8),
                   st.sampled_from(["DCM", "SCT", "UCUM", "99LOCAL"]), _words)
_uids = st.lists(st.integers(1, 99999), min_size=2, max_size=6).map(
    lambda xs: "1.2." + ".".join(map(str, xs)))
_floats = st.floats(-1e6, 1e6, allow_nan=False, width=32)
_decimals = st.decimals(-10**6, 10**6, places=3, allow_nan=False, allow_infinity=False)


def _value(vt: str) -> st.SearchStrategy[Any]:
    return {
        "TEXT": _words, "CODE": _codes, "DATE": st.just("20261128"), "TIME": st.just("093000"),
        "DATETIME": st.just("20261128093000"), "PNAME": st.just("Doe^Jane"), "UIDREF": _uids,
        "NUM": st.builds(NumValue, _decimals, _codes, st.none() | _codes,
                         st.none() | st.floats(-1e9, 1e9, allow_nan=False)),
        "COMPOSITE": st.builds(Reference, _uids, _uids),
        "IMAGE": st.builds(Reference, _uids, _uids, st.lists(st.integers(1, 500), max_size=3).map(tuple),
                           st.lists(st.integers(1, 50), max_size=2).map(tuple)),
        "WAVEFORM": st.builds(Reference, _uids, _uids, st.just(()), st.just(()),
                              st.lists(st.tuples(st.integers(1, 4), st.integers(1, 12)),
                                       max_size=3).map(tuple)),
        "SCOORD": st.builds(SpatialCoordinates, st.sampled_from(["POINT", "POLYLINE", "CIRCLE"]),
                            st.lists(_floats, min_size=2, max_size=8).map(tuple),
                            st.sampled_from(["", "VOLUME", "FRAME"])),
        "SCOORD3D": st.builds(SpatialCoordinates3D, st.sampled_from(["POINT", "POLYGON"]),
                              st.lists(_floats, min_size=3, max_size=9).map(tuple), _uids),
        "TCOORD": st.builds(TemporalCoordinates, st.sampled_from(["POINT", "SEGMENT"]),
                            st.lists(st.integers(1, 10**6), min_size=1, max_size=3).map(tuple)),
        "CONTAINER": st.none(),
    }[vt]


@st.composite
def _items(draw: st.DrawFn, depth: int = 0) -> ContentItem:
    vt = draw(st.sampled_from(sorted(VALUE_TYPES - {"TABLE"})))
    item = ContentItem(vt, draw(st.sampled_from(["CONTAINS", "HAS PROPERTIES", "HAS CONCEPT MOD",
                                                 "INFERRED FROM", "HAS OBS CONTEXT"])),
                       draw(st.none() | _codes) if vt != "CONTAINER" else draw(_codes),
                       draw(_value(vt)),
                       observation_uid=draw(st.just("") | _uids))
    if vt == "CONTAINER":
        item.continuity = draw(st.sampled_from(["SEPARATE", "CONTINUOUS"]))
        item.template = draw(st.sampled_from(["", "1500", "10003A"]))
    if depth < 2:
        for child in draw(st.lists(_items(depth + 1), max_size=3)):
            item.add(child)
    return item


@settings(max_examples=60, deadline=None)
@given(children=st.lists(_items(), max_size=4), title=_codes)
def test_trees_of_every_value_type_read_back_equal_after_write_and_read(
        children: list[ContentItem], title: Code) -> None:
    root = ContentItem("CONTAINER", concept=title, template="1500", children=children)
    if children:
        # a by-reference item pointing at the first child
        root.add(ContentItem("", "INFERRED FROM", reference=(1, 1)))
    ds = Dataset.new("ComprehensiveSRStorage")
    for elem in root.to_item().elements():
        ds._put(elem)
    buf = io.BytesIO()
    dicomkit.write(buf, ds)
    back = read_content_tree(dicomkit.read(buf.getvalue()))
    assert back == root


def test_observation_context_is_inherited_and_overridden_by_concept_name() -> None:
    observer = Code("121008", "DCM", "Person Observer Name")
    uid = Code("112040", "DCM", "Tracking Unique Identifier")
    root = ContentItem("CONTAINER", concept=Code("126000", "DCM", "Imaging Measurement Report"))
    top_observer = root.add(ContentItem("PNAME", "HAS OBS CONTEXT", observer, "Doe^Jane"))
    group = root.add(ContentItem("CONTAINER", "CONTAINS", Code("125007", "DCM", "Measurement Group")))
    group_uid = group.add(ContentItem("UIDREF", "HAS OBS CONTEXT", uid, "1.2.3"))
    num = group.add(ContentItem("NUM", "CONTAINS", Code("410668003", "SCT", "Length"),
                                NumValue(Decimal("1"), MM)))
    assert num.observation_context() == [group_uid, top_observer]
    other_observer = group.add(ContentItem("PNAME", "HAS OBS CONTEXT", observer, "Roe^Rick"))
    context = num.observation_context()
    assert other_observer in context and all(c is not top_observer for c in context)
    assert root.observation_context() == [top_observer]


def test_table_items_compare_by_their_value_attributes() -> None:
    def table(text: str) -> ContentItem:
        attrs = Dataset()
        attrs.TextValue = text  # stands for the Table Content attributes of the item
        return ContentItem("TABLE", "CONTAINS", Code("1", "99X", "t"), attrs)

    assert table("a") == table("a")
    assert table("a") != table("b")
    root = ContentItem("CONTAINER", concept=Code("2", "99X", "r"), children=[table("a")])
    assert read_content_tree(root.to_item()) == root
