"""The DICOM upper-layer state machine (PS3.8 9.2), driven only by the generated Table 9-10.

Events go in (``"Evt10"``), action names come out (``"DT-2"``); the next state is the table's.
Where an action chooses between two next states (AE-6: acceptable or not; AR-8: requestor or
acceptor side of a release collision) the caller says which.  An event with no cell in the
current state is treated as the table's row for an invalid PDU (Evt19) in that state, i.e. its
abort action (AA-1, AA-7 or AA-8).  The ARTIM timer (PS3.8 9.1.5) is started and stopped as the
action definitions say; :attr:`StateMachine.artim_deadline` tells the caller when Evt18 is due.
"""

from __future__ import annotations

import time
from collections import deque

from dicomkit.generated.upper_layer import ACTIONS, EVENTS, STATES, TRANSITIONS
from dicomkit.net.errors import NetworkError

__all__ = ["INVALID_EVENT", "StateMachine", "StateError"]

#: The event whose row gives the action for an event a state does not expect (PS3.8 Table
#: 9-10: "Unrecognized or invalid PDU received").
INVALID_EVENT = next(e for e, d in EVENTS.items() if d.startswith("Unrecognized or invalid"))
#: Actions whose definitions start (or restart) ARTIM, and those that stop it (PS3.8 9.2.2).
_STARTS_ARTIM = frozenset(a for a, (d, _, _) in ACTIONS.items() if "start" in d and "ARTIM" in d
                          and "start ARTIM" in d.replace("(or restart if already started) ", ""))
_STOPS_ARTIM = frozenset(a for a, (d, _, _) in ACTIONS.items() if "Stop ARTIM" in d)


class StateError(NetworkError):
    """An event that neither the table nor its invalid-PDU row covers in the current state."""


class StateMachine:
    """PS3.8 9.2 state machine for one association.

    Parameters
    ----------
    requestor
        True on the association-requestor side (chooses Sta9 over Sta10 in AR-8).
    artim
        ARTIM timeout in seconds.
    """

    def __init__(self, *, requestor: bool, artim: float = 30.0) -> None:
        self.state = next(iter(STATES))  # Sta1, Idle
        self.requestor = requestor
        self.artim = artim
        self.artim_deadline: float | None = None
        #: The last transitions as (state, event, action, next state), for diagnostics.
        self.history: deque[tuple[str, str, str, str]] = deque(maxlen=64)

    def expects(self, event: str) -> bool:
        """True when Table 9-10 has a cell for ``event`` in the current state."""
        return (event, self.state) in TRANSITIONS

    def artim_remaining(self) -> float | None:
        """Seconds until ARTIM expires, or None when it is not running."""
        if self.artim_deadline is None:
            return None
        return max(0.0, self.artim_deadline - time.monotonic())

    def handle(self, event: str, *, acceptable: bool = True) -> str:
        """Apply ``event``; return the action to perform and move to the table's next state.

        Parameters
        ----------
        event
            An event name of PS3.8 Table 9-10 (``"Evt1"`` ... ``"Evt19"``).
        acceptable
            For AE-6 only: whether the A-ASSOCIATE-RQ is acceptable to the service provider.
        """
        if event not in EVENTS:
            raise StateError(f"unknown event {event!r}")
        cell = TRANSITIONS.get((event, self.state))
        if cell is None:
            cell = TRANSITIONS.get((INVALID_EVENT, self.state))
            if cell is None:
                raise StateError(f"{event} ({EVENTS[event]}) is not possible in {self.state} "
                                 f"({STATES[self.state][0]})")
        action, next_states = cell
        if len(next_states) == 1:
            nxt = next_states[0]
        elif action in _STOPS_ARTIM:  # AE-6: first next state when acceptable
            nxt = next_states[0] if acceptable else next_states[1]
        else:  # AR-8: first next state on the requestor side
            nxt = next_states[0] if self.requestor else next_states[1]
        if action in _STOPS_ARTIM:
            self.artim_deadline = None
        if action in _STARTS_ARTIM and (len(next_states) == 1 or nxt == next_states[-1]):
            self.artim_deadline = time.monotonic() + self.artim
        if nxt == "Sta1":
            self.artim_deadline = None
        self.history.append((self.state, event, action, nxt))
        self.state = nxt
        return action
