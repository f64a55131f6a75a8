"""The UPS state machine (PS3.4 CC.1.1): which event is allowed in which state, with what
status and effect, read from the generated state transition table
(:data:`dicomkit.generated.ups.TRANSITIONS`, PS3.4 Table CC.1.1-2).

:func:`decide` names the table's cell for an event; :func:`correct_transaction` says whether a
request has "the correct Transaction UID" (PS3.4 CC.1.1: the Locking UID recorded when the UPS
was claimed; for a UPS not claimed yet, any Transaction UID given is the one it will be claimed
with).
"""

from __future__ import annotations

from dicomkit.generated import ups
from dicomkit.generated.statuses import classify
from dicomkit.workitems.errors import WorkitemError
from dicomkit.workitems.statuses import INVALID_ATTRIBUTE_VALUE

__all__ = ["correct_transaction", "decide", "is_failure"]

_EVENTS: frozenset[tuple[str, str]] = frozenset(
    (t.operation, t.requested) for t in ups.TRANSITIONS)
_WITH_TRANSACTION: frozenset[tuple[str, str]] = frozenset(
    (t.operation, t.requested) for t in ups.TRANSITIONS if t.transaction is not None)


def is_failure(status: int) -> bool:
    """True for a failure status (PS3.7 Annex C: not success, warning, pending, cancel)."""
    return classify(status) == "failure"


def correct_transaction(given: str, recorded: str) -> bool:
    """Whether ``given`` is the correct Transaction UID for a UPS whose recorded one is
    ``recorded`` (``""`` before it is claimed)."""
    given = given.strip("\0 ")
    return bool(given) and (not recorded or given == recorded)


def decide(operation: str, requested: str, state: str, *, given: str = "",
           recorded: str = "", uid: str = "") -> ups.Transition:
    """The cell of PS3.4 Table CC.1.1-2 for an event on a UPS in ``state`` (``""``: no such
    UPS).

    Parameters
    ----------
    operation
        :class:`~dicomkit.generated.ups.Operation` value.
    requested
        The state asked for (N-ACTION Change State), ``""`` for a cancel request.
    given, recorded
        The Transaction UID of the request, and the one the UPS holds.

    Raises
    ------
    WorkitemError
        Invalid Attribute Value (0106H) for a requested state the table has no event for
        (not a Procedure Step State value).
    """
    if (operation, requested) not in _EVENTS:
        raise WorkitemError(INVALID_ATTRIBUTE_VALUE, f"{requested!r} is not a state a UPS can "
                            "be asked to change to (PS3.4 Table CC.1.1-2)", uid=uid)
    transaction = correct_transaction(given, recorded) \
        if (operation, requested) in _WITH_TRANSACTION else None
    return ups.transition(operation, requested, transaction, state)
