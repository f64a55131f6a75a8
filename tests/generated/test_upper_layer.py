"""The committed upper_layer module: the names the generator resolves agree with the tables."""

from __future__ import annotations

from dicomkit.generated import upper_layer as ul


def test_enumerations_cover_the_tables_in_order() -> None:
    assert list(ul.State) == list(ul.STATES)
    assert list(ul.Event) == list(ul.EVENTS)
    assert list(ul.Action) == list(ul.ACTIONS)
    assert ul.Event.P_DATA_TF_PDU == "Evt10" and ul.Action.AE_6 == "AE-6"


def test_resolved_events_and_state_are_the_ones_described() -> None:
    assert ul.STATES[ul.IDLE_STATE][0] == "Idle"
    assert ul.EVENTS[ul.INVALID_PDU_EVENT].startswith("Unrecognized or invalid PDU")
    assert ul.EVENTS[ul.ARTIM_EXPIRED_EVENT].startswith("ARTIM timer expired")


def test_artim_runs_exactly_in_the_states_where_it_can_expire() -> None:
    timed = {s for (e, s) in ul.TRANSITIONS if e == ul.ARTIM_EXPIRED_EVENT}
    assert timed == {"Sta2", "Sta13"}
    for (_, state), (action, nexts) in ul.TRANSITIONS.items():
        for nxt in nexts:
            if nxt in timed and state not in timed:
                assert nxt in ul.ARTIM_STARTS.get(action, ()), (state, action, nxt)
            if state in timed and nxt not in timed:
                assert action in ul.ARTIM_STOPS, (state, action, nxt)
    assert set(ul.ARTIM_STARTS) | ul.ARTIM_STOPS <= set(ul.ACTIONS)


def test_choices_are_the_actions_with_two_next_states() -> None:
    two = {a for a, (_, nexts, _) in ul.ACTIONS.items() if len(nexts) == 2}
    assert set(ul.CHOICES) == two == {"AE-6", "AR-8"}
    for action, (condition, yes, no) in ul.CHOICES.items():
        assert ul.ACTIONS[action][1] == (yes, no)
        assert condition in ul.ACTIONS[action][0]
