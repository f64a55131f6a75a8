"""PS3.4 Annex CC reader: the Unified Procedure Step tables, on the real PS3.4 2024c (chtml)
and PS3.6 2024c."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.readers import part04_ups
from dicomkit.codegen.standard import Standard
from dicomkit.generated import tags, uids


@pytest.fixture(scope="module")
def std(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2024c", 4, "chtml")
    part_path("2024c", 6, "chtml")
    return Standard.declared(roots=[standard_dir])


def test_states_in_table_order(std: Standard) -> None:
    assert part04_ups.read_states(std) == ("SCHEDULED", "IN PROGRESS", "CANCELED", "COMPLETED")


def test_transition_table_has_a_cell_for_every_event_and_state(std: Standard) -> None:
    cells = part04_ups.read_transitions(std)
    assert len(cells) == 9 * 5  # nine events, "null" and four states (Table CC.1.1-2)
    events = {(c.operation, c.requested, c.transaction) for c in cells}
    assert len(events) == 9
    for event in events:
        states = sorted(c.state for c in cells if (c.operation, c.requested, c.transaction)
                        == event)
        assert states == ["", "CANCELED", "COMPLETED", "IN PROGRESS", "SCHEDULED"]


def test_claim_records_the_transaction_uid_and_reports(std: Standard) -> None:
    claim = next(c for c in part04_ups.read_transitions(std)
                 if c.requested == "IN PROGRESS" and c.transaction and c.state == "SCHEDULED")
    assert (claim.status, claim.result, claim.reports, claim.records_transaction) == (
        0, "IN PROGRESS", ("IN PROGRESS",), True)


def test_cancel_request_of_a_scheduled_ups_reports_in_progress_then_canceled(
        std: Standard) -> None:
    """The 'IN-PROGRESS' of the cell is corrected by codegen/fixes.py."""
    cell = next(c for c in part04_ups.read_transitions(std)
                if c.operation == "REQUEST CANCEL" and c.state == "SCHEDULED")
    assert cell.reports == ("IN PROGRESS", "CANCELED") and cell.result == "CANCELED"


def test_completion_checks_final_state_requirements(std: Standard) -> None:
    cell = next(c for c in part04_ups.read_transitions(std)
                if c.requested == "COMPLETED" and c.transaction and c.state == "IN PROGRESS")
    assert cell.final_check and cell.final_status == 0xC304 and cell.result == "COMPLETED"


def test_sop_classes_from_the_service_group_tables(std: Standard) -> None:
    classes = {c.uid: c for c in part04_ups.read_sop_classes(std)}
    assert set(classes) == {uids.UnifiedProcedureStepPush, uids.UnifiedProcedureStepPull,
                            uids.UnifiedProcedureStepWatch, uids.UnifiedProcedureStepEvent,
                            uids.UnifiedProcedureStepQuery}
    assert ("N-EVENT-REPORT", "M/M") in classes[uids.UnifiedProcedureStepEvent].services
    known = {kw: uid for kw, _, uid in part04_ups.read_well_known(std)}
    assert known == {"UPSGlobalSubscriptionInstance": uids.UPSGlobalSubscriptionInstance,
                     "UPSFilteredGlobalSubscriptionInstance":
                         uids.UPSFilteredGlobalSubscriptionInstance}


def test_action_and_event_type_ids(std: Standard) -> None:
    actions = {a.type_id: a.member for a in part04_ups.read_actions(std)}
    assert actions == {1: "CHANGE_UPS_STATE", 2: "REQUEST_UPS_CANCEL",
                       3: "SUBSCRIBE_TO_RECEIVE_UPS_EVENT_REPORTS",
                       4: "UNSUBSCRIBE_FROM_RECEIVING_UPS_EVENT_REPORTS",
                       5: "SUSPEND_GLOBAL_SUBSCRIPTION"}
    events = {e.type_id: e.member for e in part04_ups.read_events(std)}
    assert events == {1: "UPS_STATE_REPORT", 2: "UPS_CANCEL_REQUESTED",
                      3: "UPS_PROGRESS_REPORT", 4: "SCP_STATUS_CHANGE", 5: "UPS_ASSIGNED"}


def test_status_names_from_further_meaning_with_overrides(std: Standard) -> None:
    names = part04_ups.status_names(part04_ups.read_statuses(std))
    assert names[0xC307] == "NO_SUCH_UPS"  # override (codegen/names.py)
    assert names[0xC301] == "CORRECT_TRANSACTION_UID_WAS_NOT_PROVIDED"  # the rule
    assert names[0xB301] == "DELETION_LOCK_NOT_GRANTED"


def test_final_state_codes_forbid_states(std: Standard) -> None:
    codes = {f.code: f for f in part04_ups.read_final_state_codes(std)}
    assert codes["R"].forbids == ("COMPLETED", "CANCELED")
    assert codes["P"].forbids == ("COMPLETED",)
    assert codes["X"].forbids == ("CANCELED",)
    assert codes["O"].forbids == () and codes["RC"].conditional


def test_attribute_table_rows_and_macros(std: Standard) -> None:
    rows, macros = part04_ups.read_attributes(std)
    state = next(r for r in rows if r.tag == tags.ProcedureStepState)
    assert (state.create, state.set, state.final) == ("1/1", "not allowed", "R")
    assert state.module == "Unified Procedure Step Progress Information Module"
    assert set(macros) == {f"CC.2.5-2{x}" for x in "abcdefg"}
    # the include under Output Information Sequence is one level deeper (codegen/fixes.py)
    last = rows[-1]
    assert (last.kind, last.include, last.depth) == ("include", "CC.2.5-2c", 2)


def test_subscription_table_states_and_cells(std: Standard) -> None:
    states, cells = part04_ups.read_subscription_transitions(std)
    assert states == ("Not Subscribed", "Subscribed with Lock", "Subscribed w/o Lock")
    by = {(c.member, c.state): c for c in cells}
    lock = by[("AE_SUBSCRIBES_GLOBALLY_WITH_LOCK", "Not Subscribed")]
    # "Global Sub. with Lock" in the cell is the "Global Subscription with Lock" of the events
    assert (lock.global_state, lock.result, lock.every, lock.initial_event) == (
        "Global Subscription with Lock", "Subscribed with Lock", True, True)
    assert not by[("AE_UNSUBSCRIBES_GLOBALLY", "")].applicable  # N/A
    created = dict(part04_ups.creation_events(cells))
    assert created["No Global Subscription"] == "UPS_CREATED_WITHOUT_GLOBAL_SUBSCRIPTION"


FIXTURES = Path(__file__).parent / "fixtures" / "docbook"


def test_fixture_cells_of_every_form() -> None:
    """A status, actions, and a final state check, each read into its fields."""
    from dicomkit.codegen.docbook import read_docbook

    cells = part04_ups.read_transitions(Standard.of_document(
        read_docbook(FIXTURES / "part04_ups.xml")))
    by = {(c.operation, c.requested, c.state): c for c in cells}
    assert by[("CHANGE STATE", "IN PROGRESS", "")].status == 0xC307
    claim = by[("CHANGE STATE", "IN PROGRESS", "SCHEDULED")]
    assert (claim.result, claim.reports, claim.records_transaction) == (
        "IN PROGRESS", ("IN PROGRESS",), True)
    done = by[("CHANGE STATE", "COMPLETED", "IN PROGRESS")]
    assert (done.final_check, done.final_status, done.result) == (True, 0xC304, "COMPLETED")
    assert by[("CHANGE STATE", "COMPLETED", "COMPLETED")].status == 0xB306  # a warning
    assert by[("REQUEST CANCEL", "", "IN PROGRESS")].cancel_requested


def test_fixture_with_an_unknown_action_is_refused_naming_the_table(tmp_path: Path) -> None:
    from dicomkit.codegen.docbook import read_docbook
    from dicomkit.codegen.errors import TableError

    text = (FIXTURES / "part04_ups.xml").read_text().replace(
        "Record transaction UID", "Record the moon phase")
    (tmp_path / "p.xml").write_text(text)
    with pytest.raises(TableError, match="CC.1.1-2.*Record the moon phase"):
        part04_ups.read_transitions(Standard.of_document(read_docbook(tmp_path / "p.xml")))
