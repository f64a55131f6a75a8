"""The PS3.8 9.2 state machine follows the generated Table 9-10, cell by cell."""

from __future__ import annotations

import pytest

from dicomkit.generated.upper_layer import STATES, TRANSITIONS
from dicomkit.net.statemachine import StateError, StateMachine


@pytest.mark.parametrize("cell", sorted(TRANSITIONS))
def test_every_table_cell_gives_its_action_and_next_state(cell: tuple[str, str]) -> None:
    event, state = cell
    action, nexts = TRANSITIONS[cell]
    for requestor in (True, False):
        sm = StateMachine(requestor=requestor)
        sm.state = state
        assert sm.handle(event) == action
        assert sm.state in nexts


def test_requestor_happy_path_establish_transfer_release() -> None:
    sm = StateMachine(requestor=True)
    steps = [("Evt1", "AE-1", "Sta4"), ("Evt2", "AE-2", "Sta5"), ("Evt3", "AE-3", "Sta6"),
             ("Evt9", "DT-1", "Sta6"), ("Evt10", "DT-2", "Sta6"), ("Evt11", "AR-1", "Sta7"),
             ("Evt13", "AR-3", "Sta1")]
    for event, action, state in steps:
        assert sm.handle(event) == action and sm.state == state


def test_acceptor_artim_runs_until_the_request_arrives_and_after_reject() -> None:
    sm = StateMachine(requestor=False, artim=5)
    assert sm.handle("Evt5") == "AE-5" and sm.artim_remaining() is not None
    assert sm.handle("Evt6", acceptable=True) == "AE-6" and sm.state == "Sta3"
    assert sm.artim_remaining() is None
    assert sm.handle("Evt8") == "AE-8" and sm.state == "Sta13"
    assert sm.artim_remaining() is not None
    assert sm.handle("Evt18") == "AA-2" and sm.state == "Sta1"


def test_ae6_not_acceptable_goes_to_sta13_with_artim() -> None:
    sm = StateMachine(requestor=False)
    sm.handle("Evt5")
    assert sm.handle("Evt6", acceptable=False) == "AE-6"
    assert sm.state == "Sta13" and sm.artim_remaining() is not None


@pytest.mark.parametrize("requestor,state", [(True, "Sta9"), (False, "Sta10")])
def test_release_collision_side_is_chosen_by_role(requestor: bool, state: str) -> None:
    sm = StateMachine(requestor=requestor)
    sm.state = "Sta7"
    assert sm.handle("Evt12") == "AR-8" and sm.state == state


def test_unexpected_event_takes_the_invalid_pdu_abort_row() -> None:
    sm = StateMachine(requestor=True)
    sm.state = "Sta6"
    assert ("Evt14", "Sta6") not in TRANSITIONS
    assert sm.handle("Evt14") == TRANSITIONS[("Evt19", "Sta6")][0] == "AA-8"
    assert sm.state == "Sta13"


def test_event_impossible_in_idle_raises() -> None:
    sm = StateMachine(requestor=True)
    assert sm.state == "Sta1" == next(iter(STATES))
    with pytest.raises(StateError):
        sm.handle("Evt10")
    with pytest.raises(StateError):
        sm.handle("Evt99")


def test_generated_names_drive_the_machine() -> None:
    from dicomkit.generated.upper_layer import INVALID_PDU_EVENT, Action, Event, State
    from dicomkit.net.statemachine import INVALID_EVENT

    assert INVALID_EVENT == INVALID_PDU_EVENT == "Evt19"
    sm = StateMachine(requestor=False, artim=5)
    assert sm.state == State.STA1
    assert sm.handle(Event.TRANSPORT_CONNECTION_INDICATION) == Action.AE_5
    assert sm.artim_remaining() is not None
    assert sm.handle(Event.ARTIM_TIMER_EXPIRED) == Action.AA_2
    assert sm.state == State.STA1 and sm.artim_remaining() is None
