"""PS3.15 Annex E reader: the Basic Profile's table and its option columns, on the real PS3.15
2026c (DocBook) and PS3.16 2024c (CID 7050), and on a fixture pinning how action codes are
resolved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.docbook import read_docbook
from dicomkit.codegen.errors import TableError
from dicomkit.codegen.readers import part15_deid
from dicomkit.codegen.readers.part15_deid import (
    abbreviates,
    read_actions,
    read_profile,
    read_required_values,
    read_safe_private,
)
from dicomkit.codegen.standard import Standard
from dicomkit.generated import deid, tags

FIXTURE = Path(__file__).parent / "fixtures" / "docbook" / "part15_deid.xml"


@pytest.fixture(scope="module")
def std(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2026c", 15, "docbook")
    part_path("2024c", 16, "chtml")
    return Standard.declared(roots=[standard_dir])


@pytest.fixture(scope="module")
def profile(std: Standard) -> Any:
    return read_profile(std)


def test_column_headings_abbreviate_their_option_names() -> None:
    meaning = "Retain Longitudinal Temporal Information Modified Dates Option"
    assert abbreviates("Rtn. Long. Modif. Dates Opt.", meaning)
    assert not abbreviates("Rtn. Long. Full Dates Opt.", meaning)
    assert abbreviates("Rtn. Inst. Id. Opt.", "Retain Institution Identity Option")
    assert not abbreviates("Rtn. Inst. Id. Opt.", "Retain Device Identity Option")


def test_every_row_of_table_e1_1_is_read_with_a_basic_action(std: Standard, profile: Any) -> None:
    options, actions, rows = profile
    table = std.table(15, "E.1-1")
    assert len(rows) == len(table.body)
    names = {a.name for a in actions}
    assert all(r.basic in names and all(a in names for _, a in r.options) for r in rows)
    by_tag = {r.tag: r for r in rows if r.mask == 0xFFFFFFFF}
    assert by_tag[tags.PatientName].basic == "ZERO"
    assert dict(by_tag[tags.SOPInstanceUID].options)["RETAIN_UIDS"] == "KEEP"
    private = [r for r in rows if r.private]
    assert len(private) == 1 and (private[0].tag, private[0].mask) == (0x00010000, 0x00010000)
    overlay = next(r for r in rows if r.name == "Overlay Data")
    assert (overlay.tag, overlay.mask) == (0x60003000, 0xFF00FFFF)


def test_every_option_column_is_matched_to_one_code_of_cid_7050(profile: Any) -> None:
    options, _, _ = profile
    columns = {o.column: o for o in options if o.column}
    assert columns["Rtn. UIDs Opt."].value == "113110"
    assert columns["Basic Prof."].value == "113100"
    assert columns["Clean Graph. Opt."].meaning == "Clean Graphics Option"
    assert {o.name for o in options if not o.column} == {
        "CLEAN_PIXEL_DATA", "CLEAN_RECOGNIZABLE_VISUAL_FEATURES"}


def test_required_values_come_from_the_sections_that_state_them(std: Standard,
                                                                profile: Any) -> None:
    values = read_required_values(std, profile[0])
    assert values["identity_removed"] == deid.PATIENT_IDENTITY_REMOVED
    assert dict(values["longitudinal"]) == {o.name: v for o, v in
                                           deid.LONGITUDINAL_VALUES.items()}
    assert values["longitudinal_removed"] not in dict(values["longitudinal"]).values()
    # E.3.1: 'Burned In Annotation (0028,0301) shall be added ... with a Value of "NO"'
    assert values["burned_in_cleaned"] == deid.BURNED_IN_ANNOTATION_CLEANED == "NO"
    # E.3.2: 'The Attribute Recognizable Visual Features (0028,0302) shall be added to the Data
    # Set with a Value of "NO"'
    assert values["recognizable_cleaned"] == deid.RECOGNIZABLE_VISUAL_FEATURES_CLEANED == "NO"


def test_safe_private_rows_name_odd_groups_and_their_creators(std: Standard) -> None:
    rows = read_safe_private(std)
    assert len(rows) == len(std.table(15, "E.3.10-1").body)
    assert all(r.group & 1 and r.creator for r in rows)


def test_the_generated_module_holds_what_the_reader_reads(profile: Any) -> None:
    options, actions, rows = profile
    assert [a.code for a in actions] == [a.value for a in deid.Action]
    assert len(deid.ROWS) == len(rows)
    assert deid.row_for(0x60023000) is not None and deid.row_for(0x60023000).name == "Overlay Data"
    assert deid.row_for(0x00291010) is not None and deid.row_for(0x00291010).private
    assert deid.row_for(0x00280010) is None  # Rows: not in Table E.1-1


def test_an_action_code_the_reader_does_not_name_fails_generation() -> None:
    std = Standard.of_document(read_docbook(FIXTURE))
    with pytest.raises(TableError, match="'Z/X'|'Q'"):
        read_actions(std)


def test_composite_codes_are_their_single_codes_in_order(tmp_path: Path) -> None:
    text = FIXTURE.read_text("utf-8")
    lines = [ln for ln in text.splitlines() if "<para>Z/X</para>" not in ln
             and "<para>Q</para>" not in ln]
    good = tmp_path / "part15.xml"
    good.write_text("\n".join(lines), "utf-8")
    actions = {a.code: a for a in read_actions(Standard.of_document(read_docbook(good)))}
    assert actions["X/Z"].name == "REMOVE_OR_ZERO" and actions["X/Z"].steps == ("X", "Z")
    assert part15_deid.ACTION_NAMES["X"] == actions["X"].name
