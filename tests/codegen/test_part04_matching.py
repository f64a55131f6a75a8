"""PS3.4 C.2.2.2 reader: the types of attribute matching and the VRs of each rule, on the real
PS3.4 2024c and PS3.5 on hand, and in the 2020c edition of PS3.4 (DocBook)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.document import Paragraph
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.readers.part04_matching import read_matching_types, read_vr_rules
from dicomkit.codegen.standard import PartSource, Standard
from dicomkit.generated import matching


def _std(standard_dir: Path, edition: str, form: str) -> Standard:
    return Standard(roots=[standard_dir], parts={4: PartSource(4, edition, form),
                                                 5: PartSource(5, "2026c", "docbook")})


@pytest.fixture(scope="module")
def std_2024c(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2024c", 4, "chtml")
    part_path("2026c", 5)
    return _std(standard_dir, "2024c", "chtml")


def test_the_eight_types_of_matching_and_their_sections(std_2024c: Standard) -> None:
    types = read_matching_types(std_2024c)
    assert [(t.name, t.section) for t in types] == [
        ("SINGLE_VALUE", "C.2.2.2.1"), ("LIST_OF_UID", "C.2.2.2.2"), ("UNIVERSAL", "C.2.2.2.3"),
        ("WILD_CARD", "C.2.2.2.4"), ("RANGE", "C.2.2.2.5"), ("SEQUENCE", "C.2.2.2.6"),
        ("EMPTY_VALUE", "C.2.2.2.7"), ("MULTIPLE_VALUE", "C.2.2.2.8")]


def test_the_vr_lists_of_the_rules(std_2024c: Standard) -> None:
    rules = {r.name: set(r.vrs) for r in read_vr_rules(std_2024c)}
    assert rules["WILD_CARD_VRS"] == {"AE", "CS", "LO", "LT", "PN", "SH", "ST", "UC", "UR", "UT"}
    assert rules["RANGE_VRS"] == {"DA", "TM", "DT"}
    assert rules["EMPTY_VALUE_VRS"] == {"AE", "CS", "DA", "DT", "LO", "LT", "PN", "SH", "ST",
                                        "TM", "UC", "UR", "UT"}
    assert rules["MULTIPLE_VALUE_VRS"] == {"AE", "AS", "AT", "CS", "LO", "PN", "SH", "UC"}
    assert rules["SINGLE_VALUE_STRING_VRS"] == rules["WILD_CARD_VRS"]
    assert rules["SINGLE_VALUE_DATE_TIME_VRS"] == rules["RANGE_VRS"]


def test_the_generated_module_holds_what_the_reader_reads(std_2024c: Standard) -> None:
    for rule in read_vr_rules(std_2024c):
        assert getattr(matching, rule.name) == frozenset(rule.vrs)
    assert [m.value for m in matching.MatchingType] == [
        t.section for t in read_matching_types(std_2024c)]
    assert matching.MatchingType.WILD_CARD.title == "Wild Card Matching"


def test_the_2020c_edition_gives_the_same_rules_for_the_types_it_has(
        standard_dir: Path, part_path: Any, std_2024c: Standard) -> None:
    part_path("2020c", 4)
    old = _std(standard_dir, "2020c", "docbook")
    assert [t.name for t in read_matching_types(old)][-1] == "SEQUENCE"
    new = {r.name: r.vrs for r in read_vr_rules(std_2024c)}
    for rule in read_vr_rules(old):
        if rule.name in ("EMPTY_VALUE_VRS", "MULTIPLE_VALUE_VRS"):
            assert rule.vrs == ()  # Empty Value and Multiple Value Matching came later
        else:
            assert rule.vrs == new[rule.name], rule.name


def test_a_retitled_section_stops_generation(standard_dir: Path, part_path: Any) -> None:
    part_path("2024c", 4, "chtml")
    std = _std(standard_dir, "2024c", "chtml")
    std.document(4).section("C.2.2.2.4").title = "Pattern Matching"
    with pytest.raises(CodegenError, match="Wild Card Matching"):
        read_vr_rules(std)


def test_a_vr_list_that_is_not_vrs_stops_generation(standard_dir: Path, part_path: Any) -> None:
    part_path("2024c", 4, "chtml")
    std = _std(standard_dir, "2024c", "chtml")
    sec = std.document(4).section("C.2.2.2.8")
    sec.blocks = [Paragraph(b.text.replace("AE, AS", "AE, QQ")) if isinstance(b, Paragraph)
                  else b for b in sec.blocks]
    with pytest.raises(CodegenError, match="QQ"):
        read_vr_rules(std)


def test_a_missing_sentence_stops_generation(standard_dir: Path, part_path: Any) -> None:
    part_path("2024c", 4, "chtml")
    std = _std(standard_dir, "2024c", "chtml")
    sec = std.document(4).section("C.2.2.2.7")
    sec.blocks = [b for b in sec.blocks if not isinstance(b, Paragraph)
                  or "QUOTATION MARK" not in b.text]
    with pytest.raises(CodegenError, match="EMPTY_VALUE_VRS"):
        read_vr_rules(std)
