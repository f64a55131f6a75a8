"""Presentation contexts and extended negotiation of the Query/Retrieve SCU (PS3.4 C.5).

* :func:`query_contexts` proposes the C-FIND (and C-MOVE, C-GET) SOP classes of the
  information models asked for; :func:`get_contexts` adds, for C-GET, a context per Storage SOP
  class with the SCP/SCU Role Selection Sub-Item proposing the SCP role (PS3.4 C.5.3, PS3.7
  D.3.3.4): the C-STORE sub-operations come back on the same association.
* :func:`extended_negotiation` encodes the Service-class-application-information field of the
  SOP Class Extended Negotiation Sub-Item (relational-queries, combined date-time matching,
  fuzzy semantic matching ...; PS3.4 Table C.5-1, C.5-3) from option names made of the
  generated field names (``"Relational-queries"`` -> ``relational_queries``);
  :func:`accepted_options` reads what the acceptor answered (PS3.4 C.5.1.1: a byte missing
  from a shorter answer is 0).
* :func:`context_for` finds the accepted context of a SOP class.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence

from dicomkit.generated import uids
from dicomkit.generated.query_retrieve import EXTENDED_NEGOTIATION, MODELS, model_of
from dicomkit.generated.service_classes import SOP_CLASS_SERVICES, SOP_CLASSES_OF, ServiceClass
from dicomkit.net.acse import PresentationContext
from dicomkit.net.association import Association
from dicomkit.net.services.qr.errors import NoContextError
from dicomkit.net.services.storage.negotiation import MAX_CONTEXTS, contexts_for

__all__ = ["DEFAULT_SYNTAXES", "OPTIONS", "STORAGE_SOP_CLASSES", "accepted_options",
           "context_for", "extended_negotiation", "get_contexts", "option_name",
           "query_contexts", "renumber", "roles_accepted"]

log = logging.getLogger(__name__)

#: Transfer syntaxes proposed for the Q/R contexts (identifiers are small: native only).
DEFAULT_SYNTAXES: tuple[str, ...] = (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)
#: The Storage SOP classes a C-GET proposes by default: every non-retired one of PS3.4 Annex B,
#: in the generated order, as many as fit beside the Q/R contexts.
STORAGE_SOP_CLASSES: tuple[str, ...] = tuple(
    uid for uid in SOP_CLASSES_OF[ServiceClass.STORAGE]
    if not SOP_CLASS_SERVICES[uid].retired and not SOP_CLASS_SERVICES[uid].meta)


def option_name(field: str) -> str:
    """The option name of a generated extended negotiation field: ``"Date-time matching"`` ->
    ``date_time_matching``."""
    return re.sub(r"[^0-9a-z]+", "_", field.lower()).strip("_")


#: operation -> option name -> item byte (1-based), from PS3.4 Tables C.5-1 and C.5-3.
OPTIONS: dict[str, dict[str, int]] = {
    operation: {option_name(name): byte for byte, name in fields}
    for operation, fields in EXTENDED_NEGOTIATION.items()}


def extended_negotiation(operation: str, **options: bool) -> bytes:
    """The Service-class-application-information field asking for ``options`` (PS3.4
    C.5.1.1.1, C.5.2.1.1): one byte per field up to the last one asked for, 1 requested, 0 not.

    Raises
    ------
    ValueError
        For an operation or option the generated tables do not have.
    """
    known = OPTIONS.get(operation)
    if known is None:
        raise ValueError(f"no extended negotiation for {operation!r}; known: "
                         f"{', '.join(OPTIONS)}")
    unknown = [name for name in options if name not in known]
    if unknown:
        raise ValueError(f"{operation} has no extended negotiation option "
                         f"{', '.join(unknown)}; its options: {', '.join(known)} (PS3.4 C.5)")
    asked = [known[name] for name, on in options.items() if on]
    length = max(asked, default=1)
    field = bytearray(length)
    for byte in asked:
        field[byte - 1] = 1
    return bytes(field)


def accepted_options(association: Association, sop_class: str) -> dict[str, bool]:
    """What the acceptor answered to our extended negotiation for ``sop_class``: each option
    of the operation, True when accepted (PS3.4 C.5.1.1: absent sub-item or bytes are 0)."""
    found = model_of(sop_class)
    operation = found[1] if found is not None else ""
    answer = association.sop_class_extended.get(sop_class, b"") \
        if association.is_requestor else b""
    return {name: len(answer) >= byte and answer[byte - 1] == 1
            for name, byte in OPTIONS.get(operation, {}).items()}


def query_contexts(models: Iterable[str] = ("Study Root", "Patient Root"),
                   operations: Iterable[str] = ("C-FIND",), *,
                   transfer_syntaxes: Sequence[str] = DEFAULT_SYNTAXES,
                   first_id: int = 1) -> list[PresentationContext]:
    """One context per SOP class of ``operations`` of each model (PS3.4 C.5.1, C.5.2)."""
    out: list[PresentationContext] = []
    for name in models:
        model = MODELS[name]
        for operation in operations:
            uid = model.sop_classes.get(operation)
            if uid is not None:
                out.append(PresentationContext(first_id + 2 * len(out), uid,
                                               tuple(transfer_syntaxes)))
    return out


def get_contexts(models: Iterable[str] = ("Study Root", "Patient Root"), *,
                 storage: Iterable[tuple[str, str]] | Iterable[str] | None = None,
                 find: bool = True, move: bool = False,
                 transfer_syntaxes: Sequence[str] = DEFAULT_SYNTAXES
                 ) -> list[PresentationContext]:
    """Contexts for C-GET (PS3.4 C.5.3): the models' GET (and FIND, MOVE) SOP classes, and one
    storage context per Storage SOP class (or per (SOP class, transfer syntax) pair, planned
    as the Storage SCU plans them) with the SCP role proposed (SCP/SCU Role Selection,
    PS3.7 D.3.3.4).  Without ``storage``, :data:`STORAGE_SOP_CLASSES` that fit in the 128
    contexts of an association (the rest are left out, and logged)."""
    operations = ("C-GET", *(("C-FIND",) if find else ()), *(("C-MOVE",) if move else ()))
    out = query_contexts(models, operations, transfer_syntaxes=transfer_syntaxes)
    room = MAX_CONTEXTS - len(out)
    items: list[tuple[str, str]] = []
    for entry in (STORAGE_SOP_CLASSES if storage is None else storage):
        if isinstance(entry, str):
            items.append((entry, uids.ExplicitVRLittleEndian))
        else:
            items.append(entry)
    planned = contexts_for(items, first_id=1 + 2 * len(out))
    if len(planned) > room:
        log.info("C-GET: %d storage contexts do not fit in one association; proposing the "
                 "first %d", len(planned), room)
        planned = planned[:room]
    out += [PresentationContext(pc.id, pc.abstract_syntax, pc.transfer_syntaxes,
                                scu_role=False, scp_role=True) for pc in planned]
    return out


def renumber(contexts: Iterable[PresentationContext]) -> list[PresentationContext]:
    """``contexts`` with the IDs 1, 3, 5 ... (PS3.8 9.3.2.2), to join lists planned apart."""
    return [PresentationContext(1 + 2 * n, pc.abstract_syntax, pc.transfer_syntaxes,
                                pc.scu_role, pc.scp_role) for n, pc in enumerate(contexts)]


def context_for(association: Association, sop_class: str, operation: str) -> int:
    """The ID of an accepted context of ``sop_class``.

    Raises
    ------
    NoContextError
        When the peer accepted none (the result it gave, if proposed).
    """
    for ctx in association.contexts.values():
        if ctx.abstract_syntax == sop_class:
            return ctx.id
    proposed = [r for r in association.results.values() if r.abstract_syntax == sop_class]
    why = f"refused (result {proposed[0].result}, PS3.8 Table 9-18)" if proposed \
        else "not proposed"
    name = uids.UIDS.get(sop_class, (sop_class,))[0]
    raise NoContextError(f"no accepted presentation context for {name} ({sop_class}): {why}",
                         operation=operation, peer=association.peer_address)


def roles_accepted(association: Association) -> Mapping[str, tuple[bool, bool]]:
    """SOP class -> (SCU role, SCP role) the acceptor granted us (PS3.7 D.3.3.4)."""
    return dict(association.roles)
