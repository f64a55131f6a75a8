"""The PS3.8 reader on the real editions: PDU, item and sub-item fields, and the state machine."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dicomkit.codegen.docbook import read_docbook
from dicomkit.codegen.document import Cell, Row
from dicomkit.codegen.emit import make_env, render_module
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.model.pdus import Field, Unit
from dicomkit.codegen.readers import part08
from dicomkit.codegen.standard import PartSource, Standard


def make_std(standard_dir: Path, edition: str = "2024c", form: str = "docbook") -> Standard:
    """A Standard holding PS3.7 and PS3.8 of one edition and form."""
    return Standard(roots=[standard_dir],
                    parts={7: PartSource(7, edition, form), 8: PartSource(8, edition, form)})


@pytest.fixture(scope="module")
def std(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2024c", 7)
    part_path("2024c", 8)
    return make_std(standard_dir)


@pytest.fixture(scope="module")
def units(std: Standard) -> dict[str, Unit]:
    return {u.const: u for u in part08.read_units(std)}


def fields_of(unit: Unit) -> dict[str, Field]:
    return {f.byte_range: f for f in unit.fields}


def layout(units: list[Unit]) -> list[tuple[Any, ...]]:
    return [(u.const, u.code, u.level, u.directions,
             tuple((f.byte_range, f.key, f.kind, f.size, f.value, f.default, f.scope, f.items)
                   for f in u.fields)) for u in units]


# --------------------------------------------------------------------------- PDUs and items

def test_every_pdu_is_read_with_its_type_code(units: dict[str, Unit]) -> None:
    pdus = {u.code: u.name for u in units.values() if u.level == "pdu"}
    assert pdus == {1: "A-ASSOCIATE-RQ", 2: "A-ASSOCIATE-AC", 3: "A-ASSOCIATE-RJ",
                    4: "P-DATA-TF", 5: "A-RELEASE-RQ", 6: "A-RELEASE-RP", 7: "A-ABORT"}


def test_every_item_and_sub_item_type_is_read(units: dict[str, Unit]) -> None:
    codes = {u.code for u in units.values() if u.level in ("item", "sub-item")}
    assert codes == {None, 0x10, 0x20, 0x21, 0x30, 0x40, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55,
                     0x56, 0x57, 0x58, 0x59}


def test_a_associate_rq_fields_have_the_byte_ranges_of_table_9_11(units: dict[str, Unit]) -> None:
    rq = units["A_ASSOCIATE_RQ"]
    assert [f.byte_range for f in rq.fields] == [
        "1", "2", "3-6", "7-8", "9-10", "11-26", "27-42", "43-74", "75-xxx"]
    f = fields_of(rq)
    assert (f["1"].kind, f["1"].value) == ("type", 0x01)
    assert (f["3-6"].kind, f["3-6"].size, f["3-6"].scope) == ("length", 4, "rest")
    assert (f["7-8"].key, f["7-8"].default) == ("protocol_version", 1)
    assert (f["11-26"].key, f["11-26"].kind, f["11-26"].size) == ("called_ae_title",
                                                                  "ae_title", 16)
    assert (f["43-74"].kind, f["43-74"].value, f["43-74"].size) == ("reserved", 0, 32)
    assert f["75-xxx"].kind == "items" and f["75-xxx"].size is None
    assert f["75-xxx"].items == ("APPLICATION_CONTEXT_ITEM", "PRESENTATION_CONTEXT_ITEM_RQ",
                                 "USER_INFORMATION_ITEM")


def test_the_ac_echoes_the_ae_titles_of_the_rq(units: dict[str, Unit]) -> None:
    f = fields_of(units["A_ASSOCIATE_AC"])
    assert (f["11-26"].name, f["11-26"].key, f["11-26"].echo_of) == (
        "Reserved", "called_ae_title", "called_ae_title")
    assert f["27-42"].echo_of == "calling_ae_title"
    assert f["43-74"].kind == "reserved"
    assert f["75-xxx"].items == ("APPLICATION_CONTEXT_ITEM", "PRESENTATION_CONTEXT_ITEM_AC",
                                 "USER_INFORMATION_ITEM")


def test_fixed_lengths_are_read_from_the_description(units: dict[str, Unit]) -> None:
    for const in ("A_ASSOCIATE_RJ", "A_RELEASE_RQ", "A_RELEASE_RP", "A_ABORT"):
        length = fields_of(units[const])["3-6"]
        assert (length.kind, length.value) == ("length", 4), const
    ml = units["MAXIMUM_LENGTH_SUB_ITEM"]
    assert ml.code == 0x51 and ml.tables == ("PS3.8 Table D.1-1", "PS3.8 Table D.1-2")
    assert fields_of(ml)["3-4"].value == 4
    assert (fields_of(ml)["5-8"].kind, fields_of(ml)["5-8"].size) == ("uint", 4)
    assert fields_of(units["ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM"])["3-4"].value == 4


def test_presentation_context_items_of_rq_and_ac(units: dict[str, Unit]) -> None:
    rq, ac = units["PRESENTATION_CONTEXT_ITEM_RQ"], units["PRESENTATION_CONTEXT_ITEM_AC"]
    assert (rq.code, rq.directions, ac.code, ac.directions) == (0x20, ("RQ",), 0x21, ("AC",))
    assert [f.kind for f in rq.fields] == ["type", "reserved", "length", "uint", "reserved",
                                           "reserved", "reserved", "items"]
    assert fields_of(rq)["9-xxx"].items == ("ABSTRACT_SYNTAX_SUB_ITEM",
                                            "TRANSFER_SYNTAX_SUB_ITEM")
    assert (fields_of(ac)["7"].key, fields_of(ac)["7"].kind) == ("result_reason", "uint")
    assert fields_of(ac)["9-xxx"].items == ("TRANSFER_SYNTAX_SUB_ITEM",)
    ts = units["TRANSFER_SYNTAX_SUB_ITEM"]
    assert ts.tables == ("PS3.8 Table 9-15", "PS3.8 Table 9-19")
    assert ts.directions == ("RQ", "AC")


def test_user_information_holds_every_annex_d_sub_item(units: dict[str, Unit]) -> None:
    ui = fields_of(units["USER_INFORMATION_ITEM"])["5-xxx"]
    assert ui.kind == "items"
    assert {units[c].code for c in ui.items} == set(range(0x51, 0x5A))


def test_sub_items_of_ps3_7_annex_d(units: dict[str, Unit]) -> None:
    role = units["SCP_SCU_ROLE_SELECTION_SUB_ITEM"]
    assert [(f.byte_range, f.kind, f.size) for f in role.fields[3:]] == [
        ("5-6", "length", 2), ("7-xxx", "uid", None), ("xxx", "uint", 1), ("xxx", "uint", 1)]
    assert role.fields[3].scope == "next"
    common = units["SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM"]
    f = fields_of(common)
    assert (f["2"].key, f["2"].kind, f["2"].default) == ("sub_item_version", "uint", 0)
    assert (f["(x+1)-(x+2)"].kind, f["(x+1)-(x+2)"].size) == ("length", 2)
    assert f["(y+3)-z"].kind == "subfields"
    assert f["(y+3)-z"].items == ("RELATED_GENERAL_SOP_CLASS_IDENTIFICATION",)
    assert (f["(z+1)-k"].kind, f["(z+1)-k"].optional) == ("bytes", True)
    related = units["RELATED_GENERAL_SOP_CLASS_IDENTIFICATION"]
    assert related.tables == ("PS3.7 Table D.3-13",)
    uid_rq = units["USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ"]
    assert [f.byte_range for f in uid_rq.fields] == [
        "1", "2", "3-4", "5", "6", "7-8", "9-n", "n+1-n+2", "n+3-m"]
    assert (fields_of(uid_rq)["n+3-m"].kind, fields_of(uid_rq)["n+3-m"].optional) == (
        "bytes", True)
    assert units["USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC"].code == 0x59
    assert units["IMPLEMENTATION_CLASS_UID_SUB_ITEM"].tables == (
        "PS3.7 Table D.3-1", "PS3.7 Table D.3-2")
    assert fields_of(units["IMPLEMENTATION_VERSION_NAME_SUB_ITEM"])["5-xxx"].kind == "string"


def test_the_pdv_value_is_split_into_message_control_header_and_fragment(
        units: dict[str, Unit]) -> None:
    pdv = units["PRESENTATION_DATA_VALUE_ITEM"]
    assert pdv.code is None
    assert [(f.byte_range, f.key, f.kind) for f in pdv.fields] == [
        ("1-4", "item_length", "length"), ("5", "presentation_context_id", "uint"),
        ("6", "message_control_header", "control_header"), ("7-xxx", "fragment", "bytes")]
    assert fields_of(units["P_DATA_TF"])["7-xxx"].kind == "pdv_items"


def test_2013_and_chtml_give_the_same_layout(std: Standard, standard_dir: Path,
                                             part_path: Any) -> None:
    part_path("2013", 7)
    part_path("2013", 8)
    part_path("2024c", 8, "chtml")
    part_path("2024c", 7, "chtml")
    newest = part08.read_units(std)
    chtml = part08.read_units(make_std(standard_dir, "2024c", "chtml"))
    assert chtml == newest
    old = part08.read_units(make_std(standard_dir, "2013"))
    assert layout(old) == layout(newest)


# --------------------------------------------------------------------------- errors

def test_a_changed_header_raises_table_error_naming_file_and_table(part_path: Any) -> None:
    path = part_path("2024c", 8)
    doc = read_docbook(path)
    t = doc.table("9-11")
    cells = list(t.header[-1].cells)
    cells[0] = Cell(("Octets",))
    doc.replace_table("9-11", dataclasses.replace(t, header=(Row(tuple(cells)),)))
    doc.reindex()
    with pytest.raises(TableError) as err:
        part08.read_units(Standard.of_document(doc))
    assert err.value.table == "9-11"
    assert err.value.source == str(path)
    assert "PDU/Item bytes" in str(err.value)


def test_an_unreadable_byte_range_raises_table_error_naming_the_row(part_path: Any) -> None:
    doc = read_docbook(part_path("2024c", 8))
    t = doc.table("9-12")
    rows = list(t.body)
    cells = list(rows[2].cells)
    cells[0] = Cell(("3-?",))
    rows[2] = Row(tuple(cells))
    with pytest.raises(TableError) as err:
        part08.read_rows(dataclasses.replace(t, body=tuple(rows)))
    assert (err.value.table, err.value.row) == ("9-12", 3)
    assert "3-?" in str(err.value)


def test_byte_ranges_that_do_not_follow_on_raise_table_error(part_path: Any) -> None:
    doc = read_docbook(part_path("2024c", 8))
    t = doc.table("9-21")
    rows = list(t.body)
    cells = list(rows[4].cells)
    cells[0] = Cell(("12",))
    rows[4] = Row(tuple(cells))
    with pytest.raises(TableError) as err:
        part08.read_rows(dataclasses.replace(t, body=tuple(rows)))
    assert err.value.row == 5 and "expected 8" in str(err.value)


def test_byte_range_parsing() -> None:
    assert part08.parse_byte_range("3-6") == ("3-6", 3, 4)
    assert part08.parse_byte_range("75-xxx") == ("75-xxx", 75, None)
    assert part08.parse_byte_range("7 -xxx") == ("7-xxx", 7, None)
    assert part08.parse_byte_range("xxx") == ("xxx", None, 1)
    assert part08.parse_byte_range("xxx-xxx") == ("xxx-xxx", None, None)
    assert part08.parse_byte_range("(x+1) - (x+2)") == ("(x+1)-(x+2)", None, 2)
    assert part08.parse_byte_range("n+1-n+2") == ("n+1-n+2", None, 2)
    assert part08.parse_byte_range("(z+1) - k") == ("(z+1)-k", None, None)
    with pytest.raises(ValueError):
        part08.parse_byte_range("1-2-3")


# --------------------------------------------------------------------------- state machine

@pytest.fixture(scope="module")
def machine(std: Standard) -> Any:
    return part08.read_state_machine(std)


def test_states_events_and_actions(machine: Any) -> None:
    assert [s.name for s in machine.states] == [f"Sta{i}" for i in range(1, 14)]
    assert machine.states[0].description == "Idle"
    assert [e.name for e in machine.events] == [f"Evt{i}" for i in range(1, 20)]
    assert machine.events[0].description == "A-ASSOCIATE Request (local user)"
    assert machine.events[18].description == "Unrecognized or invalid PDU received"
    names = [a.name for a in machine.actions]
    assert names == ([f"AE-{i}" for i in range(1, 9)] + ["DT-1", "DT-2"]
                     + [f"AR-{i}" for i in range(1, 11)] + [f"AA-{i}" for i in range(1, 9)])
    by_name = {a.name: a for a in machine.actions}
    assert by_name["AE-6"].next_states == ("Sta3", "Sta13")
    assert by_name["AR-8"].next_states == ("Sta9", "Sta10")
    assert by_name["AE-8"].next_states == ("Sta13",)  # written "STA13"
    assert by_name["DT-1"].group == "Data Transfer"  # Table 9-7, header fixed in fixes.py


def test_every_non_empty_cell_of_table_9_10_is_a_transition(std: Standard, machine: Any) -> None:
    table = std.table(8, "9-10")
    cells = sum(1 for row in table.body for c in row.cells[1:] if c.text)
    assert len(machine.transitions) == cells == 123
    got = {(t.event, t.state): (t.action, t.next_states) for t in machine.transitions}
    assert got[("Evt1", "Sta1")] == ("AE-1", ("Sta4",))
    assert got[("Evt6", "Sta2")] == ("AE-6", ("Sta3", "Sta13"))
    assert got[("Evt12", "Sta7")] == ("AR-8", ("Sta9", "Sta10"))
    assert got[("Evt17", "Sta13")] == ("AR-5", ("Sta1",))
    assert got[("Evt15", "Sta4")] == ("AA-2", ("Sta1",))
    assert ("Evt1", "Sta2") not in got


def test_2013_state_machine_needs_the_aa_8_fix_and_equals_2024c(
        standard_dir: Path, part_path: Any, machine: Any) -> None:
    part_path("2013", 8)
    old = part08.read_state_machine(make_std(standard_dir, "2013"))
    assert old.transitions == machine.transitions
    assert [(a.name, a.next_states) for a in old.actions] == [
        (a.name, a.next_states) for a in machine.actions]
    assert "Nest state" in {a.name: a for a in old.actions}["AA-8"].description


def test_a_cell_disagreeing_with_the_action_definition_raises(part_path: Any) -> None:
    doc = read_docbook(part_path("2024c", 8))
    t = doc.table("9-10")
    rows = list(t.body)
    cells = list(rows[0].cells)
    cells[1] = Cell(("AE-1", "Sta5"))
    rows[0] = Row(tuple(cells))
    doc.replace_table("9-10", dataclasses.replace(t, body=tuple(rows)))
    doc.reindex()
    with pytest.raises(TableError) as err:
        part08.read_state_machine(Standard.of_document(doc))
    assert (err.value.table, err.value.row) == ("9-10", 1)


# --------------------------------------------------------------------------- rendering

def _import(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_upper_layer_module_holds_the_machine(std: Standard, machine: Any,
                                              tmp_path: Path) -> None:
    spec = next(s for s in part08.MODULES if s.name == "upper_layer")
    text = render_module(make_env(), spec, std)["upper_layer.py"]
    assert "PS3.8 2024c (docbook)" in text and "Table 9-10" in text
    (tmp_path / "upper_layer.py").write_text(text)
    mod = _import(tmp_path / "upper_layer.py", "_p8_upper_layer")
    assert len(mod.TRANSITIONS) == 123
    assert mod.TRANSITIONS[("Evt3", "Sta5")] == ("AE-3", ("Sta6",))
    assert mod.STATES["Sta13"][0].startswith("Awaiting Transport Connection Close")
    assert mod.ACTIONS["AA-3"][1] == ("Sta1",)
    assert len(mod.EVENTS) == 19


def test_rendering_is_deterministic(std: Standard) -> None:
    spec = next(s for s in part08.MODULES if s.name == "pdus")
    assert render_module(make_env(), spec, std) == render_module(make_env(), spec, std)


@pytest.mark.parametrize("edition", ["2013", "2024c"])
def test_coded_field_values_are_read_from_the_descriptions_with_their_fixes(
        standard_dir: Path, edition: str) -> None:
    from dicomkit.codegen.readers.part08 import read_field_values

    std = Standard(roots=[standard_dir], parts={8: PartSource(8, edition, "docbook"),
                                               7: PartSource(7, edition, "docbook")})
    values = read_field_values(std)
    assert values[("ASSOCIATE-RJ", "Result", 0)] == {1: "rejected-permanent",
                                                     2: "rejected-transient"}
    assert values[("ASSOCIATE-RJ", "Reason/Diag.", 1)][7] == "called-AE-title-not-recognized"
    assert values[("ASSOCIATE-RJ", "Reason/Diag.", 3)][1] == "temporary-congestion"  # fixed
    abort = values[("A-ABORT", "Reason/Diag.", 2)]
    assert (abort[0], abort[1]) == ("reason-not-specified", "unrecognized-PDU")  # fixed
    assert 3 not in abort  # reserved values are left out
    assert values[("Presentation Context", "Result/Reason", 0)][4].startswith(
        "transfer-syntaxes-not-supported")
    # PS3.7 Table D.3-14: user identity types; JSON Web Token (5) came after 2013
    types = values[("User Identity Negotiation", "User-Identity-Type", 0)]
    assert types[2] == "Username as a string in UTF-8 and passcode"
    assert (types.get(5) == "JSON Web Token (JWT)") == (edition != "2013")


# --------------------------------------------------------------------------- enumerations

def _coded(std: Standard) -> dict[str, Any]:
    fields = part08.read_coded_fields(part08.read_field_values(std))
    return {f.name: {m.value: m.name for m in f.members} for f in fields}


@pytest.mark.parametrize("edition", ["2013", "2024c"])
def test_coded_fields_become_enumerations_named_by_the_rule(standard_dir: Path,
                                                            edition: str) -> None:
    coded = _coded(make_std(standard_dir, edition))
    assert coded["RejectResult"] == {1: "REJECTED_PERMANENT", 2: "REJECTED_TRANSIENT"}
    assert coded["RejectSource"] == {1: "SERVICE_USER", 2: "SERVICE_PROVIDER_ACSE",
                                     3: "SERVICE_PROVIDER_PRESENTATION"}
    assert coded["RejectReasonServiceUser"] == {
        1: "NO_REASON_GIVEN", 2: "APPLICATION_CONTEXT_NAME_NOT_SUPPORTED",
        3: "CALLING_AE_TITLE_NOT_RECOGNIZED", 7: "CALLED_AE_TITLE_NOT_RECOGNIZED"}
    assert coded["RejectReasonACSE"] == {1: "NO_REASON_GIVEN",
                                         2: "PROTOCOL_VERSION_NOT_SUPPORTED"}
    assert coded["RejectReasonPresentation"] == {1: "TEMPORARY_CONGESTION",
                                                 2: "LOCAL_LIMIT_EXCEEDED"}
    assert coded["AbortSource"] == {0: "SERVICE_USER", 2: "SERVICE_PROVIDER"}
    assert coded["AbortReason"][6] == "INVALID_PDU_PARAMETER_VALUE" and 3 not in coded["AbortReason"]
    assert coded["PresentationContextResult"] == {
        0: "ACCEPTANCE", 1: "USER_REJECTION", 2: "NO_REASON", 3: "ABSTRACT_SYNTAX_NOT_SUPPORTED",
        4: "TRANSFER_SYNTAXES_NOT_SUPPORTED"}
    # overrides of codegen/names.py; JSON Web Token (5) came after 2013
    assert coded["UserIdentityType"] == {
        1: "USERNAME", 2: "USERNAME_AND_PASSCODE", 3: "KERBEROS_SERVICE_TICKET",
        4: "SAML_ASSERTION", **({} if edition == "2013" else {5: "JSON_WEB_TOKEN"})}
    assert coded["PositiveResponseRequested"] == {0: "NO_RESPONSE_REQUESTED",
                                                  1: "POSITIVE_RESPONSE_REQUESTED"}


def test_a_coded_field_without_an_enumeration_stops_generation(std: Standard) -> None:
    values = part08.read_field_values(std)
    values[("A-ABORT", "Reserved-bits", 0)] = {0: "none"}
    with pytest.raises(CodegenError, match="without an enumeration.*Reserved-bits"):
        part08.read_coded_fields(values)


def test_a_vanished_source_of_a_reason_stops_generation(std: Standard) -> None:
    values = part08.read_field_values(std)
    key = ("ASSOCIATE-RJ", "Source", 0)
    values[key] = {k: v.replace("ACSE", "Association Control") for k, v in values[key].items()}
    with pytest.raises(CodegenError, match="RejectSource.SERVICE_PROVIDER_ACSE"):
        part08.read_coded_fields(values)


def test_a_reworded_value_under_a_naming_override_stops_generation(std: Standard) -> None:
    values = part08.read_field_values(std)
    values[("User Identity Negotiation", "User-Identity-Type", 0)][1] = "Username (UTF-8)"
    with pytest.raises(CodegenError, match="USERNAME"):
        part08.read_coded_fields(values)


def test_pdus_module_enumerations_agree_with_field_values(std: Standard, tmp_path: Path) -> None:
    spec = next(s for s in part08.MODULES if s.name == "pdus")
    (tmp_path / "pdus.py").write_text(render_module(make_env(), spec, std)["pdus.py"])
    mod = _import(tmp_path / "pdus.py", "_p8_pdus")
    assert set(mod.FIELD_ENUMS) == set(mod.FIELD_VALUES)
    for key, cls in mod.FIELD_ENUMS.items():
        assert {m.value for m in cls} == set(mod.FIELD_VALUES[key]), cls
    assert mod.RejectReasonACSE.PROTOCOL_VERSION_NOT_SUPPORTED == 2
    assert mod.REJECT_REASONS[mod.RejectSource(3)] is mod.RejectReasonPresentation
    assert set(mod.REJECT_REASONS) == set(mod.RejectSource)


# --------------------------------------------------------------------------- resolved names

@pytest.fixture(scope="module")
def names(machine: Any) -> Any:
    return part08.resolve_machine(machine)


def test_the_generator_resolves_what_the_runtime_needs_by_meaning(names: Any) -> None:
    assert (names.idle_state, names.invalid_pdu_event, names.artim_expired_event) == (
        "Sta1", "Evt19", "Evt18")
    assert dict(names.artim_starts) == {"AE-5": ("Sta2",), "AE-6": ("Sta13",),
                                        "AE-8": ("Sta13",), "AR-4": ("Sta13",),
                                        "AA-1": ("Sta13",), "AA-8": ("Sta13",)}
    assert names.artim_stops == ("AE-6", "AR-5", "AA-2", "AA-5")
    assert [(c.action, c.condition, c.if_true, c.if_false) for c in names.choices] == [
        ("AE-6", "A-ASSOCIATE-RQ acceptable by service-provider", "Sta3", "Sta13"),
        ("AR-8", "association-requestor", "Sta9", "Sta10")]
    events = {m.value: m.name for m in names.events}
    assert events["Evt10"] == "P_DATA_TF_PDU"
    assert events["Evt2"] == "TRANSPORT_CONNECT_CONFIRM"  # override: "Transport Conn. Confirm^n"
    assert (events["Evt7"], events["Evt8"]) == ("A_ASSOCIATE_RESPONSE_PRIMITIVE_ACCEPT",
                                                "A_ASSOCIATE_RESPONSE_PRIMITIVE_REJECT")
    assert {m.value: m.name for m in names.actions}["AR-10"] == "AR_10"


def test_2013_wording_resolves_to_the_same_names(standard_dir: Path, names: Any) -> None:
    old = part08.resolve_machine(part08.read_state_machine(make_std(standard_dir, "2013")))
    assert dataclasses.replace(old, states=(), events=(), actions=()) == dataclasses.replace(
        names, states=(), events=(), actions=())
    for kind in ("states", "events", "actions"):  # the definitions are worded differently
        assert [(m.name, m.value) for m in getattr(old, kind)] == [
            (m.name, m.value) for m in getattr(names, kind)]


def _with_definition(machine: Any, action: str, text: str) -> Any:
    actions = tuple(dataclasses.replace(a, description=text) if a.name == action else a
                    for a in machine.actions)
    return dataclasses.replace(machine, actions=actions)


def _with_event(machine: Any, event: str, text: str) -> Any:
    events = tuple(dataclasses.replace(e, description=text) if e.name == event else e
                   for e in machine.events)
    return dataclasses.replace(machine, events=events)


def test_a_vanished_artim_start_stops_generation(machine: Any) -> None:
    changed = _with_definition(machine, "AE-5", "Issue Transport connection response "
                                                "primitive Next state is Sta2")
    with pytest.raises(CodegenError, match="AE-5 leads from Sta1 to Sta2.*start ARTIM"):
        part08.resolve_machine(changed)


def test_a_vanished_artim_stop_stops_generation(machine: Any) -> None:
    changed = _with_definition(machine, "AR-5", "Close the timer Next state is Sta1")
    with pytest.raises(CodegenError, match="AR-5 leads from Sta13.*Stop ARTIM"):
        part08.resolve_machine(changed)


def test_a_vanished_event_phrase_stops_generation(machine: Any) -> None:
    with pytest.raises(CodegenError, match="Unrecognized or invalid PDU.*none"):
        part08.resolve_machine(_with_event(machine, "Evt19", "Bad PDU received"))
    with pytest.raises(CodegenError, match="ARTIM timer expired"):
        part08.resolve_machine(_with_event(machine, "Evt18", "Timer ran out"))


def test_a_choice_without_its_condition_stops_generation(machine: Any) -> None:
    text = ("Issue A-RELEASE indication (release collision): next state is Sta9 or "
            "next state is Sta10")
    with pytest.raises(CodegenError, match="AR-8 has two next states but no 'if"):
        part08.resolve_machine(_with_definition(machine, "AR-8", text))


def test_upper_layer_module_exposes_the_resolved_names(std: Standard, tmp_path: Path) -> None:
    spec = next(s for s in part08.MODULES if s.name == "upper_layer")
    (tmp_path / "upper_layer.py").write_text(render_module(make_env(), spec, std)["upper_layer.py"])
    mod = _import(tmp_path / "upper_layer.py", "_p8_upper_layer_names")
    assert [str(e) for e in mod.Event] == list(mod.EVENTS)
    assert [str(a) for a in mod.Action] == list(mod.ACTIONS)
    assert [str(s) for s in mod.State] == list(mod.STATES)
    assert mod.INVALID_PDU_EVENT == "Evt19" and mod.ARTIM_EXPIRED_EVENT == "Evt18"
    assert mod.IDLE_STATE is mod.State.STA1
    assert mod.TRANSITIONS[(mod.Event.P_DATA_TF_PDU, mod.State.STA6)][0] == mod.Action.DT_2
    assert mod.ARTIM_STARTS["AE-6"] == frozenset({"Sta13"}) and "AE-6" in mod.ARTIM_STOPS
    cond, yes, no = mod.CHOICES["AR-8"]
    assert cond is mod.Condition.ASSOCIATION_REQUESTOR and (yes, no) == ("Sta9", "Sta10")
    for action, (_, yes, no) in mod.CHOICES.items():
        assert mod.ACTIONS[action][1] == (yes, no)
