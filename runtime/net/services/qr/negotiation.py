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
from dicomkit.net.services.qr.errors import NoContextError, QueryRetrieveError
from dicomkit.net.services.storage.negotiation import MAX_CONTEXTS, contexts_for

__all__ = ["DEFAULT_SYNTAXES", "OPTIONS", "RELATIONAL", "STORAGE_SOP_CLASSES",
           "accepted_options", "answer_extended", "context_for", "extended_negotiation",
           "get_contexts", "option_name", "query_contexts", "relational_extended",
           "renumber", "require_relational", "requested_options", "roles_accepted"]

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


#: operation -> the option name of relational queries / retrieval (PS3.4 C.5.1.1.1,
#: C.5.2.1.1, C.5.3.1.1: byte 1 of each table), from the generated field names.
RELATIONAL: dict[str, str] = {
    operation: next(name for name, byte in fields.items() if byte == 1)
    for operation, fields in OPTIONS.items()}


def _operation_of(sop_class: str) -> str:
    found = model_of(sop_class)
    return found[1] if found is not None else ""


def _options_in(operation: str, field: bytes) -> dict[str, bool]:
    return {name: len(field) >= byte and field[byte - 1] == 1
            for name, byte in OPTIONS.get(operation, {}).items()}


def requested_options(association: Association, sop_class: str) -> dict[str, bool]:
    """On the acceptor's side: what the requestor asked for ``sop_class`` in its SOP Class
    Extended Negotiation Sub-Item (PS3.4 C.5.1.1.1; a byte missing is 0)."""
    asked = b"" if association.is_requestor else \
        association.sop_class_extended.get(sop_class, b"")
    return _options_in(_operation_of(sop_class), asked)


def answer_extended(sop_class: str, info: bytes, supported: Iterable[str]) -> bytes | None:
    """The acceptor's Service-class-application-information for ``sop_class`` (PS3.4
    C.5.1.1.2, C.5.2.1.2, C.5.3.1.2): as many bytes as were asked, 1 where the option was asked
    for and is in ``supported`` (option names, :data:`OPTIONS`), 0 elsewhere; None (no
    sub-item answered) for SOP classes without extended negotiation."""
    operation = _operation_of(sop_class)
    known = OPTIONS.get(operation)
    if not known:
        return None
    by_byte = {byte: name for name, byte in known.items()}
    chosen = set(supported)
    return bytes(1 if b == 1 and by_byte.get(i + 1) in chosen else 0
                 for i, b in enumerate(info[:max(by_byte)]))


def relational_extended(models: Iterable[str] = ("Study Root", "Patient Root"),
                        operations: Iterable[str] = ("C-FIND",)) -> dict[str, bytes]:
    """The ``sop_class_extended`` of an association asking for relational queries (C-FIND)
    and relational retrieval (C-MOVE, C-GET) for the models' SOP classes (PS3.4 C.5.1.1.1,
    C.5.2.1.1, C.5.3.1.1)."""
    out: dict[str, bytes] = {}
    for name in models:
        for operation in operations:
            uid = MODELS[name].sop_classes.get(operation)
            if uid is not None and operation in RELATIONAL:
                out[uid] = extended_negotiation(operation, **{RELATIONAL[operation]: True})
    return out


def require_relational(association: Association, sop_class: str, operation: str) -> None:
    """Raise :class:`QueryRetrieveError` unless the peer accepted relational queries
    (C-FIND) or relational retrieval (C-MOVE, C-GET) for ``sop_class`` (PS3.4 C.5.1.1.2,
    C.5.2.1.2, C.5.3.1.2): without, it must answer a relational identifier as a hierarchical
    one, refusing it (C.4.1.2.1)."""
    option = RELATIONAL.get(operation, "")
    if not accepted_options(association, sop_class).get(option, False):
        raise QueryRetrieveError(
            f"the peer did not accept {option.replace('_', ' ')} for {sop_class} in SOP "
            "Class Extended Negotiation (PS3.4 C.5): associate with sop_class_extended="
            "relational_extended(...), or query hierarchically", operation=operation,
            peer=association.peer_address)


def accepted_options(association: Association, sop_class: str) -> dict[str, bool]:
    """What the acceptor answered to our extended negotiation for ``sop_class``: each option
    of the operation, True when accepted (PS3.4 C.5.1.1: absent sub-item or bytes are 0)."""
    answer = association.sop_class_extended.get(sop_class, b"") \
        if association.is_requestor else b""
    return _options_in(_operation_of(sop_class), answer)


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
