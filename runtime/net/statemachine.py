"""The DICOM upper-layer state machine (PS3.8 9.2), driven only by the generated Table 9-10.

Events go in (``"Evt10"``, or :class:`~dicomkit.generated.upper_layer.Event` members), action
names come out (``"DT-2"``, equal to :class:`~dicomkit.generated.upper_layer.Action` members);
the next state is the table's.  Where an action chooses between two next states
(:data:`~dicomkit.generated.upper_layer.CHOICES`: AE-6 on whether the A-ASSOCIATE-RQ is
acceptable, AR-8 on whether this side is the association-requestor) the caller's answer picks
one.  An event with no cell in the current state is treated as the table's row for an invalid
PDU (:data:`~dicomkit.generated.upper_layer.INVALID_PDU_EVENT`, Evt19) in that state, i.e. its
abort action (AA-1, AA-7 or AA-8).  The ARTIM timer (PS3.8 9.1.5) is stopped and started as the
generator read the action definitions (``ARTIM_STOPS``, ``ARTIM_STARTS``);
:attr:`StateMachine.artim_deadline` tells the caller when the ARTIM event (Evt18) is due.
"""

from __future__ import annotations

import time
from collections import deque

from dicomkit.generated.upper_layer import (
    ARTIM_STARTS,
    ARTIM_STOPS,
    CHOICES,
    EVENTS,
    IDLE_STATE,
    INVALID_PDU_EVENT,
    STATES,
    TRANSITIONS,
    Condition,
)
from dicomkit.net.errors import NetworkError

__all__ = ["INVALID_EVENT", "StateMachine", "StateError"]

#: The event whose row gives the action for an event a state does not expect (PS3.8 Table
#: 9-10: "Unrecognized or invalid PDU received").
INVALID_EVENT: str = INVALID_PDU_EVENT


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
        self.state: str = str(IDLE_STATE)
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
        nxt = next_states[0]
        if len(next_states) > 1:
            condition, if_true, if_false = CHOICES[action]
            holds = {Condition.A_ASSOCIATE_RQ_ACCEPTABLE_BY_SERVICE_PROVIDER: acceptable,
                     Condition.ASSOCIATION_REQUESTOR: self.requestor}[condition]
            nxt = if_true if holds else if_false
        if action in ARTIM_STOPS:
            self.artim_deadline = None
        if nxt in ARTIM_STARTS.get(action, ()):
            self.artim_deadline = time.monotonic() + self.artim
        if nxt == IDLE_STATE:
            self.artim_deadline = None
        self.history.append((self.state, event, action, nxt))
        self.state = nxt
        return action
