"""PS3.16 reader: context groups, coding schemes and SR templates from the real 2024c chtml."""

from __future__ import annotations

from pathlib import Path

import pytest

from dicomkit.codegen.document import Cell, DefinitionList, Row, Section, Table
from dicomkit.codegen.emit import make_env, render_module
from dicomkit.codegen.errors import TableError
from dicomkit.codegen.readers.part16 import (
    MODULES,
    Part16,
    Part16Stats,
    parse_bindings,
    parse_condition,
    parse_refs,
    parse_vm,
    read_group,
    read_part16,
    read_template,
)
from dicomkit.codegen.standard import PartSource, Standard

PS316 = PartSource(16, "2024c", "chtml",
                   ("chapter_D.html", "chapter_O.html", "sect_CID_7480.html"))


@pytest.fixture(scope="module")
def std(standard_dir: Path, part_path) -> Standard:  # type: ignore[no-untyped-def]
    part_path("2024c", 16, "chtml")
    part_path("2024c", 6, "chtml")
    # PS3.6 for Table A-3 (context group UIDs); its Table 6-1 chunk is not on hand and not needed
    ps36 = PartSource(6, "2024c", "chtml", ("chapter_6.html",))
    return Standard(roots=[standard_dir], parts={16: PS316, 6: ps36})


@pytest.fixture(scope="module")
def p16(std: Standard) -> Part16:
    return read_part16(std)


# --------------------------------------------------------------------------- cell parsing


def test_refs_parse_codes_groups_templates_and_parameters_as_rendered_in_chtml() -> None:
    assert parse_refs('EV (121058, DCM, "Procedure reported")') == (
        ("EV", "DCM", "121058", "Procedure reported"),)
    assert parse_refs("DSection CID 7021") == (("DCID", "7021"),)
    assert parse_refs("BSection CID 218") == (("BCID", "218"),)
    assert parse_refs("DSection TID 1204") == (("DTID", "1204"),)
    assert parse_refs("DCID 244") == (("DCID", "244"),)
    assert parse_refs("$TargetSiteLaterality Defaults to DSection CID 244") == (
        ("$", "TargetSiteLaterality"), ("DCID", "244"))
    assert parse_refs("Root node") == ()


def test_bindings_split_at_each_parameter_and_reject_prose() -> None:
    assert parse_bindings("$Measurement = BSection CID 218 $Units = BSection CID 7181") == (
        ("Measurement", (("BCID", "218"),)), ("Units", (("BCID", "7181"),)))
    assert parse_bindings("$Purpose = $ImagePurpose") == (("Purpose", (("$", "ImagePurpose"),)),)
    assert parse_bindings("Shall be the same as row 2") is None


def test_vm_forms() -> None:
    assert parse_vm("1") == (1, 1)
    assert parse_vm("1-n") == (1, None)
    assert parse_vm("2-n") == (2, None)
    assert parse_vm("1-3") == (1, 3)
    assert parse_vm("one") is None


def test_simple_conditions_parse_and_prose_conditions_give_none() -> None:
    assert parse_condition("XOR Row 9") == ("xor", "9")
    assert parse_condition("IF Row 10 and 12 are absent") == (
        "and", ("absent", "10"), ("absent", "12"))
    assert parse_condition("IFF Row 3 is present") == ("present", "3")
    assert parse_condition("IF Row 3 or 4 is present") == ("or", ("present", "3"), ("present", "4"))
    assert parse_condition("At least one of Rows 1, 2, 3 shall be present", "2") == (
        "and", ("absent", "1"), ("absent", "3"))
    assert parse_condition("At least one of Rows 1, 2, 3 shall be present", "7") is None
    assert parse_condition("IFF anatomy has laterality") is None
    assert parse_condition('IF Row 1 value = (61746007, SCT, "Observation of Vital Signs")') is None


# --------------------------------------------------------------------------- context groups


def test_every_cid_section_is_read(p16: Part16) -> None:
    assert len(p16.groups) == 1384
    assert sum(len(g.codes) for g in p16.groups.values()) > 10000


def test_cid_218_only_includes_other_groups(p16: Part16) -> None:
    g = p16.groups[218]
    assert g.name == "Quantitative Image Feature"
    assert g.keyword == "QuantitativeImageFeature"
    assert g.uid == "1.2.840.10008.6.1.1269"
    assert g.extensible is True
    assert g.includes[:4] == (7468, 7469, 7477, 7550)
    assert g.codes == ()


def test_cid_244_laterality_codes_and_non_extensible(p16: Part16) -> None:
    g = p16.groups[244]
    assert g.extensible is False
    assert g.includes == (247,)
    values = {(c.scheme, c.value): c.meaning for c in g.codes}
    assert values[("SCT", "51440002")] == "Bilateral"
    assert values[("SCT", "66459002")] == "Unilateral"


def test_extensible_flags_follow_the_type_entry(p16: Part16) -> None:
    non = [g.cid for g in p16.groups.values() if not g.extensible]
    assert 244 in non
    assert 50 < len(non) < 200


def test_coding_schemes_of_table_8_1(p16: Part16) -> None:
    assert p16.schemes["DCM"].uid == "1.2.840.10008.2.16.4"
    assert p16.schemes["SCT"].uid == "2.16.840.1.113883.6.96"
    assert p16.schemes["UCUM"].uid


def test_retired_and_deprecated_coding_schemes_of_table_8_1(p16: Part16) -> None:
    """PS3.16 Table 8-1: 99SDM "(Retired)"; SNM3 and SRT "This coding scheme is deprecated"."""
    marked = {d: s.status for d, s in p16.schemes.items() if s.status}
    assert marked == {"99SDM": "retired", "SNM3": "deprecated", "SRT": "deprecated"}
    assert p16.schemes["SCT"].status == ""


def test_missing_names_what_the_source_lacks(p16: Part16) -> None:
    assert "CID 7480" in p16.missing
    assert "Annex D" in p16.missing
    assert 7480 not in p16.groups


def test_every_include_and_reference_resolves_or_is_missing(p16: Part16) -> None:
    for g in p16.groups.values():
        for inc in g.includes:
            assert inc in p16.groups or f"CID {inc}" in p16.missing, (g.cid, inc)
    for t in p16.templates.values():
        for r in t.rows:
            refs = list(r.value_set) + list(r.units) + ([r.concept] if r.concept else [])
            refs += [ref for _, rs in r.bindings for ref in rs]
            for ref in refs:
                if ref[0].endswith("CID"):
                    assert int(ref[1]) in p16.groups or f"CID {ref[1]}" in p16.missing, (t.tid, ref)
                if ref[0].endswith("TID"):
                    assert ref[1] in p16.templates or f"TID {ref[1]}" in p16.missing, (t.tid, ref)


# --------------------------------------------------------------------------- templates


def test_template_count_and_lettered_tids(p16: Part16) -> None:
    assert 400 <= len(p16.templates) <= 412
    assert {"10003A", "10003B", "10003C"} <= set(p16.templates)


def test_tid_1500_rows(p16: Part16) -> None:
    t = p16.templates["1500"]
    assert t.name == "Measurement Report"
    assert (t.extensible, t.order_significant, t.root) == (True, False, True)
    rows = {r.label: r for r in t.rows}
    r1 = rows["1"]
    assert (r1.level, r1.value_type, r1.concept, r1.requirement) == (0, "CONTAINER", ("DCID", "7021"), "M")
    assert r1.value_set_text == "Root node" and r1.value_set == ()
    r6 = rows["6"]
    assert r6.requirement == "MC"
    assert r6.condition_expr == ("and", ("absent", "10"), ("absent", "12"))
    assert r6.concept == ("EV", "DCM", "126010", "Imaging Measurements")
    r7 = rows["7"]
    assert (r7.level, r7.value_type, r7.concept) == (2, "INCLUDE", ("DTID", "1410"))
    assert (r7.vm_min, r7.vm_max) == (1, None)
    assert dict(r7.bindings)["Measurement"] == (("BCID", "218"),)
    assert dict(r7.bindings)["Units"] == (("BCID", "7181"),)
    assert rows["4"].value_set == (("BCID", "100"),)


def test_tid_300_num_units_and_by_reference_rows(p16: Part16) -> None:
    t = p16.templates["300"]
    r1 = t.rows[0]
    assert (r1.label, r1.value_type, r1.concept, r1.units) == ("1", "NUM", ("$", "Measurement"), (("$", "Units"),))
    rows = {r.label: r for r in t.rows}
    assert rows["10"].by_reference and rows["10"].relationship == "INFERRED FROM"
    assert rows["9"].condition_expr == ("xor", "10")


def test_tid_1501_parameters(p16: Part16) -> None:
    params = dict(p16.templates["1501"].parameters)
    assert params["Measurement"] == "Coded term or Context Group for Concept Name of measurement"
    assert "Units" in params and "RefAuthority" in params


def test_root_templates_without_relationship_column_read_level_zero(p16: Part16) -> None:
    roots = [t for t in p16.templates.values() if t.root]
    assert len(roots) > 20
    assert all(r.level >= 0 for t in roots for r in t.rows)
    assert all(t.rows[0].relationship == "" for t in roots)


def test_most_value_set_cells_are_parsed(p16: Part16) -> None:
    s = p16.stats
    assert s.rows > 4000
    assert s.value_set_parsed / s.value_set_cells > 0.85
    assert s.bad_vm == []


# --------------------------------------------------------------------------- generation


def test_generated_modules_render_deterministically(std: Standard) -> None:
    env = make_env()
    for spec in MODULES:
        first = render_module(env, spec, std)
        second = render_module(env, spec, std)
        assert first == second
        for name, text in first.items():
            if name.endswith(".py"):
                compile(text, name, "exec")


def test_generated_modules_hold_what_the_reader_read(p16: Part16) -> None:
    from dicomkit.generated import context_groups, sr_templates

    assert set(context_groups.CONTEXT_GROUPS) == set(p16.groups)
    assert context_groups.CONTEXT_GROUPS[244].codes[0].scheme == "SCT"
    assert context_groups.MISSING == p16.missing
    assert set(sr_templates.TEMPLATES) == set(p16.templates)
    assert sr_templates.TEMPLATES["1500"].rows[0].concept == ("DCID", "7021")


def test_cid_uids_agree_with_ps36_table_a3_after_the_recorded_fixes(p16: Part16) -> None:
    from dicomkit.generated.uids import CONTEXT_GROUP_UIDS

    assert p16.groups[212].uid == "1.2.840.10008.6.1.1287"
    disagree = [cid for cid, g in p16.groups.items()
                if g.uid and cid in CONTEXT_GROUP_UIDS and CONTEXT_GROUP_UIDS[cid] != g.uid]
    assert disagree == []


# --------------------------------------------------------------------------- small hand-made sections


def _section(label: str, columns: tuple[str, ...], rows: list[tuple[str, ...]],
             entries: tuple[tuple[str, str], ...]) -> Section:
    def row(texts: tuple[str, ...]) -> Row:
        return Row(tuple(Cell((t,) if t else ()) for t in texts))

    table = Table(id=label.replace(" ", "_"), label=label.replace(" ", "_"), caption=f"Table {label}",
                  header=(row(columns),), body=tuple(row(r) for r in rows), source="fixture.html")
    return Section(id="sect_" + label.replace(" ", "_"), label=label, title="Fixture",
                   blocks=[DefinitionList(entries), table])


def test_a_root_template_without_nl_and_relationship_columns_reads_level_zero() -> None:
    s = _section("TID 9999", ("", "VT", "Concept Name", "VM", "Req Type", "Condition",
                              "Value Set Constraint"),
                 [("1", "CONTAINER", 'EV (1, DCM, "X")', "1", "M", "", "")],
                 (("Type:", "Non-Extensible"), ("Order:", "Significant"), ("Root:", "Yes")))
    t = read_template(s, "9999", Part16Stats())
    assert t is not None
    assert (t.extensible, t.order_significant, t.root) == (False, True, True)
    assert t.rows[0].level == 0 and t.rows[0].relationship == ""
    assert t.rows[0].concept == ("EV", "DCM", "1", "X")


def test_a_template_table_with_a_labelled_first_column_is_rejected() -> None:
    s = _section("TID 9998", ("Row", "VT", "Concept Name", "VM", "Req Type"),
                 [("1", "TEXT", "$Name", "1", "M")], ())
    with pytest.raises(TableError):
        read_template(s, "9998", Part16Stats())


def test_include_rows_of_a_context_group_without_links_are_read_from_the_text() -> None:
    s = _section("CID 9997", ("Coding Scheme Designator", "Coding Scheme Version", "Code Value",
                              "Code Meaning"),
                 [("Include CID 12", "Include CID 12", "Include CID 12", "Include CID 12"),
                  ("DCM", "01", "111", "Thing")],
                 (("Type:", "Extensible"), ("Version:", "20240101"), ("UID:", "1.2.3")))
    g = read_group(s, 9997)
    assert g.includes == (12,)
    assert g.codes[0].scheme_version == "01" and g.codes[0].meaning == "Thing"
    assert (g.extensible, g.version, g.uid) == (True, "20240101", "1.2.3")


def test_every_generated_context_group_has_the_uid_ps36_table_a3_registers() -> None:
    from dicomkit.generated.context_groups import CONTEXT_GROUPS
    from dicomkit.generated.uids import CONTEXT_GROUP_UIDS

    # 24 groups have no "UID:" entry in PS3.16 2024c (CID 61 among them): PS3.6 fills them in.
    assert CONTEXT_GROUPS[61].uid == CONTEXT_GROUP_UIDS[61]
    assert [cid for cid, g in CONTEXT_GROUPS.items() if not g.uid] == []
    assert [cid for cid, g in CONTEXT_GROUPS.items()
            if cid in CONTEXT_GROUP_UIDS and g.uid != CONTEXT_GROUP_UIDS[cid]] == []


def test_a_cid_uid_that_disagrees_with_ps36_table_a3_stops_generation(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from dicomkit.codegen.errors import CodegenError
    from dicomkit.codegen.model.sr import ContextGroupDef
    from dicomkit.codegen.model.uids import ContextGroupUid
    from dicomkit.codegen.readers import part16

    registered = [ContextGroupUid(value="1.2.840.10008.6.1.1", cid=2, name="", retired=False),
                  ContextGroupUid(value="1.2.840.10008.6.1.2", cid=4, name="", retired=False)]
    monkeypatch.setattr(part16, "read_context_group_uids", lambda std: registered)

    def group(cid: int, uid: str) -> ContextGroupDef:
        return ContextGroupDef(cid=cid, name="g", keyword="", uid=uid, extensible=True, version="",
                               codes=(), includes=())

    filled = part16._registered_uids(None, {4: group(4, "")})  # type: ignore[arg-type]
    assert filled[4].uid == "1.2.840.10008.6.1.2"
    with pytest.raises(CodegenError, match=r"CID 2: PS3\.16 gives UID 1\.2\.3, PS3\.6 Table A-3 registers"):
        part16._registered_uids(None, {2: group(2, "1.2.3")})  # type: ignore[arg-type]
