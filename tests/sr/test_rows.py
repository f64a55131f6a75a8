"""dicomkit.sr.rows: content items from the generated PS3.16 template rows and context groups."""

from __future__ import annotations

import pytest

from dicomkit.sr import Code, SRError
from dicomkit.sr.rows import (
    binding_groups,
    coded_row,
    context_group_code,
    include_relationship,
    require_member,
    row_concept,
    row_groups,
    row_item,
    row_unit,
)


def test_a_row_takes_its_concept_and_relationship_from_the_generated_template() -> None:
    item = row_item("4019", "111001", "TEXT", "nodule finder")
    assert item.concept == Code("111001", "DCM", "Algorithm Name")
    assert item.relationship == ""  # TID 4019 row 1 has none: the including row gives it
    concept, rel = row_concept("4006", "111009", "CODE")  # in TID 4009, included HAS PROPERTIES
    assert concept.meaning == "Calcification Type" and rel == "HAS PROPERTIES"
    assert include_relationship("4000", "1204") == "HAS CONCEPT MOD"  # TID 4000 row 2


def test_units_value_sets_and_bindings_come_from_the_rows() -> None:
    assert row_unit("4020", "111026", "um") == Code("um", "UCUM", "micrometer")  # TID 4020 row 11
    assert row_unit("4006", "111012", "%") == Code("%", "UCUM", "Percent")        # TID 4006 row 6
    assert row_groups("4006", "111059") == (6014,)                               # TID 4006 row 1
    assert binding_groups("4000", "4020", "ImageLaterality") == (6022,)          # TID 4000 row 4
    assert binding_groups("4100", "4015", "DetectionCode") == (6101, 6102)        # TID 4100 row 7


def test_unknown_rows_units_and_codes_raise_srerror() -> None:
    with pytest.raises(SRError, match="TID 4019 has no NUM row"):
        row_concept("4019", "111001", "NUM")
    with pytest.raises(SRError, match="has no unit 'cm'"):
        row_unit("4006", "111012", "cm")
    with pytest.raises(SRError, match="does not include TID 4020"):
        binding_groups("4019", "4020", "ImageLaterality")
    with pytest.raises(SRError, match="CID 6034 has no code"):
        context_group_code(6034, "999999")


def test_codes_outside_the_defined_group_are_refused() -> None:
    left = context_group_code(6023, "80248007")  # CID 6023 (included by CID 6022) "Left breast"
    assert require_member(left, (6022,), "laterality") is left
    local = Code("X", "99LOCAL", "anything")
    assert require_member(local, (), "free") is local  # no Defined Context Group: no constraint
    local = Code("X-1", "99LOCAL", "a new concept")
    assert require_member(local, (6014,), "finding") is local  # CID 6014 is Extensible (7.2.3)
    with pytest.raises(SRError, match=r"laterality: \(24028007, SCT, 'Right'\) is not in CID 6022"):
        require_member(context_group_code(247, "24028007"), (6022,), "laterality")
    with pytest.raises(SRError, match="expected a Code"):
        require_member("L", (6022,), "laterality")  # type: ignore[arg-type]
    with pytest.raises(SRError, match="not in CID 6034"):
        coded_row("4006", "111056", left)
