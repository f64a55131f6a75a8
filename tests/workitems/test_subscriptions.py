"""Subscriptions: every applicable cell of PS3.4 Table CC.2.3-2 (read from the generated table)
tried on a store where the AE is in the cell's UPS Subscription State: the state after, the
Global Subscription State after, and whether the initial event is sent, as the cell says."""

from __future__ import annotations

import pytest

from dicomkit.generated import ups
from dicomkit.workitems import GLOBAL, WorkitemStore
from tests.workitems.items import new_workitem

UID = "1.2.826.0.1.3680043.8.498.90"
AE = "WATCHER"
EV = ups.SubscriptionEvent


def _global_state(store: WorkitemStore) -> str:
    rows = [s for s in store.subscriptions(AE) if s[1] == GLOBAL]
    if not rows:
        return ups.NO_GLOBAL_SUBSCRIPTION
    return ups.GLOBAL_SUBSCRIPTION_WITH_LOCK if rows[0][2] else ups.GLOBAL_SUBSCRIPTION_W_O_LOCK


def _ups_state(store: WorkitemStore) -> str:
    rows = [s for s in store.subscriptions(AE) if s[1] == UID]
    if not rows:
        return ups.NOT_SUBSCRIBED
    return ups.SUBSCRIBED_WITH_LOCK if rows[0][2] else ups.SUBSCRIBED_W_O_LOCK


def _put(store: WorkitemStore, state: str) -> None:
    if state != ups.NOT_SUBSCRIBED:
        store.subscribe(AE, UID, deletion_lock=state == ups.SUBSCRIBED_WITH_LOCK)


def _do(store: WorkitemStore, event: str) -> list[object]:
    actions = {
        EV.AE_SUBSCRIBES_GLOBALLY_WITH_LOCK: lambda: store.subscribe(AE, GLOBAL,
                                                                     deletion_lock=True),
        EV.AE_SUBSCRIBES_GLOBALLY_W_O_LOCK: lambda: store.subscribe(AE, GLOBAL,
                                                                    deletion_lock=False),
        EV.AE_SUBSCRIBES_TO_SPECIFIC_UPS_WITH_LOCK: lambda: store.subscribe(
            AE, UID, deletion_lock=True),
        EV.AE_SUBSCRIBES_TO_SPECIFIC_UPS_WITHOUT_LOCK: lambda: store.subscribe(
            AE, UID, deletion_lock=False),
        EV.AE_UNSUBSCRIBES_FROM_SPECIFIC_UPS: lambda: store.unsubscribe(AE, UID),
        EV.AE_UNSUBSCRIBES_GLOBALLY: lambda: store.unsubscribe(AE, GLOBAL),
        EV.AE_SUSPENDS_GLOBAL_SUBSCRIPTION: lambda: store.suspend_global(AE),
    }
    return list(actions[event]().events)


CELLS = [pytest.param(c, id=f"{c.event} | {c.state or 'null'}")
         for c in ups.SUBSCRIPTION_TRANSITIONS.values() if c.applicable]


@pytest.mark.parametrize("cell", CELLS)
def test_every_subscription_event_in_every_state_does_what_table_cc_2_3_2_says(
        cell: ups.SubscriptionCell) -> None:
    store = WorkitemStore()
    try:
        creation = {v: k for k, v in ups.CREATION_EVENTS.items()}
        if cell.event in creation:  # the UPS is created while the AE is in a global state
            before = creation[cell.event]
            if before != ups.NO_GLOBAL_SUBSCRIPTION:
                store.subscribe(AE, GLOBAL,
                                deletion_lock=before == ups.GLOBAL_SUBSCRIPTION_WITH_LOCK)
            events = store.create(new_workitem(), UID).events
            assert _ups_state(store) == cell.result
            assert any(AE in e.receivers for e in events) is cell.initial_event
            return
        store.create(new_workitem(), UID)
        _put(store, cell.state)
        global_before = _global_state(store)
        events = _do(store, cell.event)
        assert _ups_state(store) == (cell.result or cell.state)
        assert _global_state(store) == (cell.global_state or global_before)
        assert any(getattr(e, "uid", "") == UID for e in events) is cell.initial_event
    finally:
        store.close()


def test_every_event_has_a_cell_per_state() -> None:
    events = {c.event for c in ups.SUBSCRIPTION_TRANSITIONS.values()}
    for event in events:
        assert {s for e, s in ups.SUBSCRIPTION_TRANSITIONS if e == event} == {
            "", *ups.SUBSCRIPTION_STATES}
