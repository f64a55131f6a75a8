"""Value-type limits of the SR IODs enforced by SRDocument.create, from the generated PS3.3
Relationship Content Constraints tables (A.35.1-2 Basic Text SR, A.35.2-2 Enhanced SR)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dicomkit.generated import uids
from dicomkit.generated.sr_constraints import CONSTRAINTS
from dicomkit.sr import Code, ContentItem, NumValue, SpatialCoordinates3D, SRDocument, SRError
from dicomkit.sr.constraints import allowed, constraints_for

TITLE = Code("126000", "DCM", "Imaging Measurement Report")
FINDING = Code("121071", "DCM", "Finding")
LENGTH = Code("410668003", "SCT", "Length")
MM = Code("mm", "UCUM", "millimeter")


def _tree(*children: ContentItem) -> ContentItem:
    root = ContentItem("CONTAINER", concept=TITLE)
    root.add(ContentItem("TEXT", "CONTAINS", FINDING, "text"))
    for c in children:
        root.add(c)
    return root


def _num() -> ContentItem:
    return ContentItem("NUM", "CONTAINS", LENGTH, NumValue(Decimal("3"), MM))


def test_a_num_item_in_basic_text_sr_is_refused_with_its_path_and_table() -> None:
    with pytest.raises(SRError, match=r"NUM item CONTAINS a CONTAINER .*A\.35\.1-2") as info:
        SRDocument.create(_tree(_num()), sop_class_uid=uids.BasicTextSRStorage)
    assert info.value.path == "1.2"


def test_the_same_tree_is_accepted_by_enhanced_and_comprehensive_sr() -> None:
    for sop in (uids.EnhancedSRStorage, uids.ComprehensiveSRStorage):
        SRDocument.create(_tree(_num()), sop_class_uid=sop)


def test_basic_text_sr_accepts_what_its_table_lists() -> None:
    text = ContentItem("TEXT", "CONTAINS", FINDING, "a")
    text.add(ContentItem("CODE", "HAS CONCEPT MOD", FINDING, FINDING))
    text.add(ContentItem("TEXT", "INFERRED FROM", FINDING, "b"))
    SRDocument.create(_tree(text), sop_class_uid=uids.BasicTextSRStorage)


def test_a_num_below_a_text_in_basic_text_sr_is_refused_deep_in_the_tree() -> None:
    text = ContentItem("TEXT", "CONTAINS", FINDING, "a")
    text.add(ContentItem("NUM", "INFERRED FROM", LENGTH, NumValue(Decimal("1"), MM)))
    with pytest.raises(SRError) as info:
        SRDocument.create(_tree(text), sop_class_uid=uids.BasicTextSRStorage)
    assert info.value.path == "1.2.1"


def test_enhanced_sr_refuses_scoord3d_which_only_3d_classes_allow() -> None:
    item = ContentItem("SCOORD3D", "CONTAINS", FINDING,
                       SpatialCoordinates3D("POINT", (1.0, 2.0, 3.0), "2.25.1"))
    with pytest.raises(SRError, match="Enhanced SR"):
        SRDocument.create(_tree(item), sop_class_uid=uids.EnhancedSRStorage)
    SRDocument.create(_tree(item), sop_class_uid=uids.Comprehensive3DSRStorage)


def test_generated_tables_hold_what_ps33_says_of_num() -> None:
    basic, enhanced = CONSTRAINTS["A.35.1"], CONSTRAINTS["A.35.2"]
    assert basic.name == "Basic Text SR" and enhanced.name == "Enhanced SR"
    assert not any("NUM" in r.targets or "NUM" in r.sources for r in basic.rows)
    assert allowed(enhanced, "CONTAINER", "CONTAINS", "NUM")
    assert allowed(enhanced, "SCOORD", "SELECTED FROM", "IMAGE")
    assert not allowed(basic, "CONTAINER", "SELECTED FROM", "IMAGE")
    assert allowed(basic, "PNAME", "HAS CONCEPT MOD", "CODE")          # source "any type"
    assert constraints_for(uids.BasicTextSRStorage) is basic
    assert constraints_for("1.2.3") is None
