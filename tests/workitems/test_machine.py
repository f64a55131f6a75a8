"""The UPS state machine: every cell of PS3.4 Table CC.1.1-2 (read from the generated table,
not a hand list) tried on a store holding a UPS in the cell's state: allowed events succeed
with the state, reports and Transaction UID the table names; the rest answer with the status
it names and change nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dicomkit.generated import ups
from dicomkit.workitems import WorkitemError, WorkitemStore
from dicomkit.workitems.machine import correct_transaction, decide, is_failure
from tests.workitems.items import final_attributes, new_workitem

UID = "1.2.826.0.1.3680043.8.498.77"
TX = "1.2.826.0.1.3680043.8.498.78"
OTHER = "1.2.826.0.1.3680043.8.498.79"


def _in_state(store: WorkitemStore, state: str) -> None:
    """A UPS ``UID`` in ``state`` ("" none), meeting the final state requirements when it
    is IN PROGRESS, with a watcher subscribed."""
    if not state:
        return
    store.create(new_workitem(), UID)
    store.subscribe("WATCHER", UID, deletion_lock=True)
    if state == ups.SCHEDULED:
        return
    store.change_state(UID, ups.IN_PROGRESS, TX)
    store.set(UID, final_attributes(TX))
    if state != ups.IN_PROGRESS:
        store.change_state(UID, state, TX)


def _given(cell: ups.Transition) -> Iterator[str]:
    """Transaction UIDs that make the cell's event: correct, or each way of not."""
    recorded = TX if cell.state not in ("", ups.SCHEDULED) else ""
    if cell.transaction is False:
        yield ""
        if recorded:
            yield OTHER
    else:
        yield TX


def _do(store: WorkitemStore, cell: ups.Transition, given: str) -> tuple[int, list[ups.Transition]]:
    if cell.operation == ups.Operation.N_CREATE:
        out = store.create(new_workitem(), UID)
    elif cell.operation == ups.Operation.CHANGE_STATE:
        out = store.change_state(UID, cell.requested, given)
    else:
        out = store.request_cancel(UID, "REQUESTER")
    return out.status, out.events  # type: ignore[return-value]


CELLS = [pytest.param(c, id=f"{c.event} | {c.state or 'null'}") for c in ups.TRANSITIONS]


@pytest.mark.parametrize("cell", CELLS)
def test_every_event_in_every_state_does_what_table_cc_1_1_2_says(
        cell: ups.Transition) -> None:
    for given in _given(cell):
        store = WorkitemStore()
        try:
            _in_state(store, cell.state)
            before = store.get(UID) if cell.state else None
            if is_failure(cell.status):
                with pytest.raises(WorkitemError) as err:
                    _do(store, cell, given)
                assert err.value.status == cell.status
                if before is not None:  # nothing changed
                    assert store.get(UID) == before
                else:
                    assert store.uids() == []
                continue
            status, events = _do(store, cell, given)
            assert status == cell.status
            after = store.get(UID)
            assert after.ProcedureStepState == (cell.result or cell.state)
            states = [e.info.ProcedureStepState for e in events
                      if e.event_type == ups.UpsEvent.UPS_STATE_REPORT]
            if cell.operation != ups.Operation.N_CREATE:  # no watcher before the creation
                assert tuple(states) == cell.reports
            assert any(e.event_type == ups.UpsEvent.UPS_CANCEL_REQUESTED
                       for e in events) is cell.cancel_requested
            if cell.records_transaction:
                assert after.TransactionUID == given
        finally:
            store.close()


def test_final_check_cells_fail_with_their_status_when_requirements_are_unmet() -> None:
    for cell in (c for c in ups.TRANSITIONS if c.final_check):
        store = WorkitemStore()
        store.create(new_workitem(), UID)
        store.change_state(UID, ups.IN_PROGRESS, TX)
        with pytest.raises(WorkitemError) as err:
            store.change_state(UID, cell.requested, TX)
        assert err.value.status == cell.final_status
        assert store.get(UID).ProcedureStepState == ups.IN_PROGRESS
        store.close()


def test_correct_transaction_uid_is_the_recorded_one_or_any_before_the_claim() -> None:
    assert correct_transaction(TX, "") and correct_transaction(TX, TX)
    assert not correct_transaction("", "") and not correct_transaction(OTHER, TX)


def test_a_state_the_table_does_not_name_is_an_invalid_value() -> None:
    with pytest.raises(WorkitemError) as err:
        decide(ups.Operation.CHANGE_STATE, "DONE", ups.IN_PROGRESS, given=TX, recorded=TX)
    assert err.value.status == 0x0106


def test_every_state_and_event_has_a_cell() -> None:
    events = {(c.operation, c.requested, c.transaction) for c in ups.TRANSITIONS}
    for event in events:
        assert {c.state for c in ups.TRANSITIONS
                if (c.operation, c.requested, c.transaction) == event} == {"", *ups.STATES}
