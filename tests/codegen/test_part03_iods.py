"""PS3.3 reader: IODs, modules, macros, includes and conditions, on the real parts on hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.docbook import read_docbook
from dicomkit.codegen.emit import make_env, render_module
from dicomkit.codegen.model.iods import AttributeRow, AttributeTable, IncludeRow
from dicomkit.codegen.readers.part03 import MODULES, Pt3Model, name_resolver, read_iods
from dicomkit.codegen.standard import PartSource, Standard

pytestmark = pytest.mark.slow  # reads the whole of PS3.3 2024c (about 6 s)


@pytest.fixture(scope="module")
def std_2024c(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2024c", 3, "chtml")
    return Standard(roots=[standard_dir], parts={3: PartSource(3, "2024c", "chtml")})


@pytest.fixture(scope="module")
def model(std_2024c: Standard) -> Pt3Model:
    return read_iods(std_2024c)


@pytest.fixture(scope="module")
def model_2016c(standard_dir: Path) -> Pt3Model:
    path = standard_dir / "2016c-excerpt" / "part03.xml"
    if not path.is_file():
        from tests.conftest import missing

        missing(f"the PS3.3 2016c excerpt {path}")
    return read_iods(Standard.of_document(read_docbook(path)))


def _attr(table: AttributeTable, tag: int) -> AttributeRow:
    rows = [r for r in table.rows if isinstance(r, AttributeRow) and r.tag == tag]
    assert rows, f"{tag:08X} not in Table {table.label}"
    return rows[0]


def test_2024c_yields_every_iod_module_and_macro_table(model: Pt3Model) -> None:
    s = model.stats
    assert s.iod_tables == len(model.iods) >= 150
    modules = [t for t in model.tables.values() if t.kind == "module"]
    macros = [t for t in model.tables.values() if t.kind == "macro"]
    assert len(modules) >= 350 and len(macros) >= 250
    assert s.functional_group_tables >= 25
    assert s.rows >= 8000 and s.includes >= 1000
    # what is not read is counted, not hidden: normalized IODs (PS3.3 Annex B) have no Usage
    assert any("Basic Film Session IOD Modules" in t for t in s.skipped_tables)
    assert len(s.skipped_tables) < 40 and len(s.skipped_rows) < 50


def test_ct_image_iod_lists_its_modules_with_usage_and_references(model: Pt3Model) -> None:
    ct = model.iods["A.3-1"]
    assert ct.name == "CT Image" and ct.section == "A.3"
    usage = {m.module: (m.ie, m.usage, m.section, m.table) for m in ct.modules}
    assert usage["Patient"] == ("Patient", "M", "C.7.1.1", "C.7-1")
    assert usage["General Study"] == ("Study", "M", "C.7.2.1", "C.7-3")
    assert usage["SOP Common"] == ("Image", "M", "C.12.1", "C.12-1")
    assert usage["Contrast/Bolus"][1] == "C"
    contrast = next(m for m in ct.modules if m.module == "Contrast/Bolus")
    assert "contrast media was used" in contrast.condition.text
    assert contrast.condition.expr is None  # prose about the acquisition, not the data set
    multi = next(m for m in ct.modules if m.module == "Multi-energy CT Image")
    assert multi.condition.expr == ("equals", (0x00189361,), ("YES",), None)
    assert all(m.table for m in ct.modules)


def test_basic_directory_iod_without_ie_column_is_read(model: Pt3Model) -> None:
    directory = model.iods["F.3-1"]
    assert [(m.ie, m.module, m.usage, m.table) for m in directory.modules][:1] == [
        ("", "File-set Identification", "M", "F.3-2")]


def test_enhanced_ct_functional_groups_are_tied_to_their_iod(model: Pt3Model) -> None:
    ect = model.iods["A.38-1"]
    assert ect.functional_groups_label == "A.38-2"
    groups = {g.macro: g for g in ect.functional_groups}
    assert groups["Pixel Measures"].usage == "M"
    assert groups["Pixel Measures"].table == "C.7.6.16-2"
    assert model.tables["C.7.6.16-2"].kind == "macro"
    assert groups["Frame Content"].condition.text.startswith("M - May not be used")
    assert groups["CT Geometry"].usage == "C"


def test_patient_module_rows_have_tags_types_and_values(model: Pt3Model) -> None:
    patient = model.tables["C.7-1"]
    assert (patient.name, patient.section, patient.kind) == ("Patient", "C.7.1.1", "module")
    name = _attr(patient, 0x00100010)
    assert (name.name, name.type, name.depth) == ("Patient's Name", "2", 0)
    sex = _attr(patient, 0x00100040)
    assert (sex.type, sex.values_kind, sex.values) == ("2", "enumerated", ("M", "F", "O"))


def test_values_come_only_from_unconditional_lists(model: Pt3Model) -> None:
    """Terms of "Enumerated Values:" lists are values; lists for one value of a multi-valued
    attribute or under a condition give none (checking against them would flag valid data)."""
    general_image = model.tables["C.7-9"]
    image_type = _attr(general_image, 0x00080008)
    assert image_type.values == ()
    photometric = _attr(model.tables["C.8-2"], 0x00280004)  # CR Image
    assert (photometric.values_kind, photometric.values) == ("enumerated",
                                                             ("MONOCHROME1", "MONOCHROME2"))


def test_attributes_inside_a_sequence_have_the_depth_of_their_markers(model: Pt3Model) -> None:
    issuer = model.tables["10-18"]
    assert issuer.name == "Issuer of Patient ID Macro" and issuer.kind == "macro"
    assert _attr(issuer, 0x00100024).depth == 0
    assert _attr(issuer, 0x00400032).depth == 1
    include = next(r for r in issuer.rows if isinstance(r, IncludeRow))
    assert (include.table, include.depth) == ("10-17", 2)


def test_include_rows_name_the_table_and_keep_their_restriction(model: Pt3Model) -> None:
    patient = model.tables["C.7-1"]
    includes = [r for r in patient.rows if isinstance(r, IncludeRow)]
    assert ("10-18", 1) in [(r.table, r.depth) for r in includes]
    coded = [r for r in includes if r.table == "8.8-1" and "CID 7454" in r.restriction]
    assert coded, "the Patient Species Code Sequence's Defined CID is kept"
    assert not model.stats.unresolved
    # the SOP Common Module's rows are read (it is included by every composite IOD)
    common = model.tables["C.12-1"]
    assert _attr(common, 0x00080016).type == "1"
    assert _attr(common, 0x00080005).condition.text.startswith("Character Set")


def test_conditions_of_1c_2c_rows_are_parsed_with_the_attribute_name_resolver(
        model: Pt3Model) -> None:
    s = model.stats
    assert s.conditions >= 2000 and s.conditions_parsed >= 1000
    universal_type = _attr(model.tables["10-18"], 0x00400033)
    assert universal_type.type == "1C"
    assert universal_type.condition.expr == ("present", (0x00400032,))
    rows = [r for t in model.tables.values() for r in t.rows if isinstance(r, AttributeRow)]
    assert all(r.condition.text for r in rows if r.type in ("1C", "2C") and "Required" in
               r.description)
    # other rows keep only a sequence's stated item count, never a condition
    kept = [r.condition for r in rows if r.type in ("1", "2", "3") and r.condition.text]
    assert kept and all(c.expr is None and "item" in c.text.lower() for c in kept)
    breed = _attr(model.tables["C.7-1"], 0x00102296)  # Breed Registry Code Sequence
    assert breed.condition.text == "Only a single Item shall be included in this Sequence."


def test_name_resolver_maps_only_names_with_a_single_tag(model: Pt3Model) -> None:
    resolve = name_resolver(model.tables)
    assert resolve("Pixel Padding Range Limit") == 0x00280121
    assert resolve("patient's name") == 0x00100010
    assert resolve("No Such Attribute") is None


def test_values_referenced_in_another_section_are_kept(model: Pt3Model) -> None:
    rows = [r for t in model.tables.values() for r in t.rows if isinstance(r, AttributeRow)]
    assert sum(1 for r in rows if r.values_kind == "enumerated") >= 500
    assert sum(1 for r in rows if r.values_ref) >= 100
    outline = _attr(model.tables["10.38-1"], 0x00181630)  # "Enumerated Values: See Section ..."
    assert (outline.values_kind, outline.values_ref) == ("enumerated", "10.38.1.1")
    role = _attr(model.tables["C.2-3"], 0x00102298)  # "See Section ... for Defined Terms."
    assert (role.values_kind, role.values_ref) == ("defined", "C.7.1.1.1.2")


def test_the_docbook_2016c_excerpt_is_read_by_the_same_reader(model_2016c: Pt3Model) -> None:
    assert set(model_2016c.iods) == {"A.3-1", "A.18.3-1", "A.38-1", "A.47-1"}
    ct = model_2016c.iods["A.3-1"]
    assert {m.module: m.table for m in ct.modules}["Patient"] == "C.7-1"
    assert model_2016c.iods["A.38-1"].functional_groups_label == "A.38-2"
    assert _attr(model_2016c.tables["C.7-1"], 0x00100010).type == "2"
    assert _attr(model_2016c.tables["C.7-1"], 0x00100040).values == ("M", "F", "O")
    assert model_2016c.stats.attribute_tables >= 100


def test_generated_modules_render_rows_as_tuples_with_hex_tags(std_2024c: Standard) -> None:
    spec = next(s for s in MODULES if s.name == "modules")
    files = render_module(make_env(), spec, std_2024c)
    text = files["modules.py"]
    assert "0x00100010, '2', \"Patient's Name\"" in text
    assert "('include', 1, None, '', '10-18'," in text
    namespace: dict[str, Any] = {}
    exec(compile(text, "modules.py", "exec"), namespace)  # noqa: S102 - our own output
    assert namespace["module"]("Patient")[1] == "C.7-1"
    assert namespace["module"]("C.7.1.1")[0] == "Patient"


def test_module_references_of_usage_conditions_resolve_to_one_table(model: Pt3Model) -> None:
    from dicomkit.codegen.readers.part03 import module_resolver

    by_section: dict[str, list[AttributeTable]] = {}
    for t in model.tables.values():
        by_section.setdefault(t.section, []).append(t)
    resolve = module_resolver(model.tables, by_section)
    assert resolve("Section C.7.6.4b") == ("module_present", "C.7-12b")
    # C.7.9 holds the Palette Color Lookup Table Module and its macro: the module is meant
    assert resolve("Section C.7.9") == ("module_present", "C.7-22")
    assert resolve("Palette Color Lookup Table Module") == ("module_present", "C.7-22")
    assert resolve("Derivation Image Functional Group (Section C.7.6.16.2.6)") == \
        ("group_present", "C.7.6.16-7")
    assert resolve("Section C.99.99") is None
    assert resolve("No Such Thing Module") is None


def test_contrast_bolus_usage_is_required_when_enhanced_contrast_bolus_is_present(
        model: Pt3Model) -> None:
    """PS3.3 A.47-1 (Enhanced MR Image IOD): "C - Required if the Section C.7.6.4b is present"."""
    [group] = [g for g in model.iods["A.47-1"].functional_groups
               if g.macro.startswith("Contrast/Bolus Usage")]
    assert group.condition.expr == ("module_present", "C.7-12b")


def test_values_that_hold_for_one_value_index_are_read_per_index(model: Pt3Model) -> None:
    """PS3.3 2024c: "Enumerated Values for Value 1: ORIGINAL" lists (Table C.8.17.16-1), the
    sentences "Value 1 shall be DERIVED. Value 2 shall be PRIMARY." (Table C.8.20-2,
    Segmentation), "Defined Terms for Value 3:" (Table C.8-38, RT Image)."""
    image_type = 0x00080008
    assert _attr(model.tables["C.8.17.16-1"], image_type).indexed_values == (
        (1, "enumerated", ("ORIGINAL",)), (2, "enumerated", ("PRIMARY",)))
    assert _attr(model.tables["C.8.20-2"], image_type).indexed_values == (
        (1, "enumerated", ("DERIVED",)), (2, "enumerated", ("PRIMARY",)))
    rt = _attr(model.tables["C.8-38"], image_type).indexed_values
    assert rt[0][:2] == (3, "defined") and "DRR" in rt[0][2] and "FLUENCE" in rt[0][2]
    # a list of one value index is not taken for the attribute as a whole
    assert _attr(model.tables["C.8.17.16-1"], image_type).values == ()


def test_indexed_value_sentences_and_lists_are_read_only_when_unconditional() -> None:
    from dicomkit.codegen.readers.part03 import _indexed_values

    assert _indexed_values("Value 1 shall be DERIVED. Value 2 shall be PRIMARY or SECONDARY.",
                           ()) == ((1, "enumerated", ("DERIVED",)),
                                   (2, "enumerated", ("PRIMARY", "SECONDARY")))
    # another attribute's value, a condition, a lower-case word: nothing
    assert _indexed_values("Frame Type (0008,9007) Value 1 shall be ORIGINAL.", ()) == ()
    assert _indexed_values("Value 1 shall be ORIGINAL if the frame is acquired.", ()) == ()
    assert _indexed_values("Value 4 shall be present if X.", ()) == ()
    assert _indexed_values("", (("Enumerated Values for Value 1 if X is Y:", (("A", ""),)),)) == ()
    assert _indexed_values("", (("Defined Terms for Value 2:", (("A", ""), ("B", ""))),)) == (
        (2, "defined", ("A", "B")),)
