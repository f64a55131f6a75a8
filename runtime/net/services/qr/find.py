"""C-FIND as SCU (PS3.4 C.4.1): queries at every level of the Query/Retrieve information
models, results streamed as they arrive, C-CANCEL when the caller leaves early or on a time
limit.

::

    async with find_studies(assoc, PatientName="DOE^*",
                            StudyDate=Range(date(2024, 1, 1), None)) as results:
        async for study in results:          # a Dataset per pending response
            print(study.StudyInstanceUID)
    results.warnings                          # pending FF01H: optional keys not supported

Leaving the ``async with`` block before the final response (``break``, an exception, a
cancellation) sends C-CANCEL-RQ and reads the rest (the peer answers Cancel, FE00H); so does
``timeout``, which then raises :class:`~dicomkit.net.services.qr.errors.QueryTimeout`.  A
failure status raises :class:`~dicomkit.net.services.qr.errors.QueryFailed` with the
status's meaning from PS3.4 Table C.4-1 and the peer's Error Comment.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping
from types import TracebackType
from typing import Any

import anyio

from dicomkit.core.dataset import Dataset
from dicomkit.generated.query_retrieve import MODELS, InformationModel
from dicomkit.generated.service_statuses import status_code
from dicomkit.io.writer import encode_dataset
from dicomkit.net.association import Association
from dicomkit.net.dimse import Priority, build
from dicomkit.net.services.qr.errors import IdentifierError, NoContextError, QueryFailed
from dicomkit.net.services.qr.keys import (
    check_hierarchical,
    identifier,
    level_of,
    model_named,
)
from dicomkit.net.services.qr.negotiation import context_for, require_relational
from dicomkit.net.services.qr.operation import CANCEL_GRACE, Operation
from dicomkit.net.services.qr.responses import (
    category,
    comment_of,
    decode_identifier,
    meaning,
    offending_of,
)

__all__ = ["FindResults", "choose_model", "find", "find_all", "find_instances",
           "find_patients", "find_series", "find_studies"]

OPERATION = "C-FIND"
#: The pending status of a match whose optional keys were all supported (PS3.4 Table C.4-1);
#: any other pending status (FF01H) warns that some were not.
PENDING_ALL_KEYS = status_code(
    "C.4-1", "Matches are continuing - Current Match is supplied and any Optional Keys were "
    "supported in the same manner as Required Keys.")
#: The models tried, in order, when the caller names none.
PREFERRED = ("Study Root", "Patient Root", "Patient/Study Only")


def choose_model(association: Association, operation: str, level: str,
                 model: str | InformationModel | None = None) -> InformationModel:
    """The information model to use: ``model`` when given, else the first of
    :data:`PREFERRED` that has ``level`` and whose ``operation`` SOP class the peer accepted."""
    if model is not None:
        return model if isinstance(model, InformationModel) else model_named(model)
    accepted = {c.abstract_syntax for c in association.contexts.values()}
    for name in PREFERRED:
        info = MODELS[name]
        if any(lv.value == level.strip().upper() for lv in info.levels) and \
                info.sop_classes.get(operation) in accepted:
            return info
    raise NoContextError(f"the peer accepted no {operation} SOP class of an information model "
                         f"with a {level.upper()} level ({', '.join(PREFERRED)})",
                         operation=operation, peer=association.peer_address)


class FindResults:
    """The identifiers a C-FIND returns, as an async iterator inside ``async with``.

    Attributes
    ----------
    status
        The final Status (0000,0900) once received, else None.
    warnings
        Indices of identifiers that came with pending status FF01H (optional keys not
        supported, PS3.4 Table C.4-1).
    final_warning
        The final status when it is a warning (e.g. B001H of a Repository Query), else None.
    cancelled
        True when the query ended by our C-CANCEL.
    count
        Identifiers received.
    sop_class, level, identifier
        What was asked (``level`` is ``""`` for a model without levels, the Modality
        Worklist).
    """

    def __init__(self, association: Association, query: Dataset, *,
                 model: InformationModel | None, level: str, priority: int,
                 timeout: float | None, cancel_grace: float,
                 sop_class: str | None = None) -> None:
        self.association = association
        self.identifier = query
        self.model = model
        self.level = level
        if sop_class is None:
            if model is None:
                raise ValueError("give the information model or the C-FIND SOP class")
            sop_class = model.sop_classes[OPERATION]
        self.sop_class = sop_class
        self.priority = priority
        self.status: int | None = None
        self.warnings: list[int] = []
        self.final_warning: int | None = None
        self.cancelled = False
        self.count = 0
        self._timeout = timeout
        self._grace = cancel_grace
        self._op: Operation | None = None

    async def __aenter__(self) -> FindResults:
        context_id = context_for(self.association, self.sop_class, OPERATION)
        syntax = self.association.contexts[context_id].transfer_syntax
        message = build("C-FIND-RQ", AffectedSOPClassUID=self.sop_class,
                        Priority=int(self.priority))
        data = encode_dataset(self.identifier, syntax)
        self._op = Operation(self.association, context_id, message, data,
                             operation=OPERATION, timeout=self._timeout,
                             cancel_grace=self._grace)
        await self._op.__aenter__()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> bool | None:
        assert self._op is not None
        left_early = not self._op.finished
        try:
            if left_early and exc is None:  # a break: cancel, and keep the final status
                with anyio.CancelScope(shield=True):
                    rest = await self._op.drain()
                if rest and not rest[-1].pending:
                    self.status = rest[-1].status
            return await self._op.__aexit__(exc_type, exc, tb)
        finally:
            if left_early and self._op.cancel_sent:
                self.cancelled = True

    def __aiter__(self) -> AsyncIterator[Dataset]:
        return self

    async def cancel(self) -> None:
        """Send C-CANCEL now; the iteration then ends with the peer's final response."""
        if self._op is not None:
            await self._op.cancel()

    async def __anext__(self) -> Dataset:
        op = self._op
        if op is None:
            raise RuntimeError("use the results inside 'async with' (the query is sent on "
                               "entering the block, and cancelled when leaving it early)")
        peer = self.association.peer_address
        while True:
            response = await op.next()
            if response is None:
                raise StopAsyncIteration
            if response.message.name != "C-FIND-RSP":
                raise QueryFailed(f"answered with {response.message.name}", operation=OPERATION,
                                  peer=peer)
            kind = category(response)
            status = response.status
            if kind == "pending":
                if not response.data:
                    raise IdentifierError("a pending response without an identifier (PS3.4 "
                                          "C.4.1.1.3.2)", operation=OPERATION, status=status,
                                          peer=peer)
                ds = decode_identifier(response.data, self.association.contexts[
                    response.context_id].transfer_syntax, self.sop_class,
                    operation=OPERATION, status=status, peer=peer)
                if status != PENDING_ALL_KEYS:  # FF01H: optional keys not supported
                    self.warnings.append(self.count)
                self.count += 1
                return ds
            self.status = status
            if kind == "success":
                raise StopAsyncIteration
            if kind == "cancel":
                if op.cancel_sent:
                    self.cancelled = True
                    raise StopAsyncIteration
                raise QueryFailed("the peer cancelled a query we did not cancel",
                                  operation=OPERATION, status=status,
                                  comment=comment_of(response), peer=peer)
            if kind == "warning":
                self.final_warning = status
                raise StopAsyncIteration
            raise QueryFailed(meaning(status, OPERATION) or "failed", operation=OPERATION,
                              status=status, comment=comment_of(response),
                              offending_elements=offending_of(response), peer=peer)


def find(association: Association, keys: Mapping[object, Any] | None = None, *, level: str,
         model: str | InformationModel | None = None, return_keys: Iterable[object] = (),
         priority: int = Priority.MEDIUM, timeout: float | None = None,
         cancel_grace: float = CANCEL_GRACE, defaults: bool = True,
         relational: bool = False, **keywords: Any) -> FindResults:
    """A C-FIND at ``level`` (PS3.4 C.4.1) over ``association``.

    Parameters
    ----------
    keys, keywords
        Matching and return keys (:mod:`dicomkit.net.services.qr.keys`); ``keywords`` are
        keyword=value pairs (``PatientName="DOE^*"``).
    level
        ``"PATIENT"``, ``"STUDY"``, ``"SERIES"`` or ``"IMAGE"``.
    model
        ``"Study Root"``, ``"Patient Root"``, ``"Patient/Study Only"``; None: the first the
        peer accepted with that level (:func:`choose_model`).
    return_keys
        More keys to return (universal matching).
    priority
        Priority (0000,0700).
    timeout
        Seconds for the whole query; then C-CANCEL and QueryTimeout.
    defaults
        Add the level's unique and required keys as return keys (PS3.4 C.6).
    relational
        A relational query (PS3.4 C.4.1.2.2; negotiate it with
        ``sop_class_extended=``:func:`~dicomkit.net.services.qr.negotiation.relational_extended`,
        QueryRetrieveError when the peer did not accept it): the keys are not held to the
        hierarchical rules, which are checked otherwise
        (:func:`~dicomkit.net.services.qr.keys.check_hierarchical`, PS3.4 C.4.1.2.1).

    Returns
    -------
    FindResults
        To use as ``async with find(...) as results: async for ds in results``.
    """
    info = choose_model(association, OPERATION, level, model)
    lv = level_of(info, level)
    merged: dict[object, Any] = dict(keys or {})
    merged.update(keywords)
    query = identifier(merged, level=lv.value, model=info, return_keys=return_keys,
                       defaults=defaults)
    if relational:
        require_relational(association, info.sop_classes[OPERATION], OPERATION)
    else:
        check_hierarchical(query, info, lv.value, OPERATION)
    return FindResults(association, query, model=info, level=lv.value, priority=priority,
                       timeout=timeout, cancel_grace=cancel_grace)


def find_patients(association: Association, keys: Mapping[object, Any] | None = None,
                  **options: Any) -> FindResults:
    """:func:`find` at the PATIENT level (Patient Root, or Patient/Study Only)."""
    return find(association, keys, level="PATIENT", **options)


def find_studies(association: Association, keys: Mapping[object, Any] | None = None,
                 **options: Any) -> FindResults:
    """:func:`find` at the STUDY level."""
    return find(association, keys, level="STUDY", **options)


def find_series(association: Association, keys: Mapping[object, Any] | None = None,
                **options: Any) -> FindResults:
    """:func:`find` at the SERIES level (give StudyInstanceUID for a hierarchical query)."""
    return find(association, keys, level="SERIES", **options)


def find_instances(association: Association, keys: Mapping[object, Any] | None = None,
                   **options: Any) -> FindResults:
    """:func:`find` at the IMAGE (composite object instance) level."""
    return find(association, keys, level="IMAGE", **options)


async def find_all(association: Association, keys: Mapping[object, Any] | None = None,
                   **options: Any) -> list[Dataset]:
    """Every identifier of a :func:`find` (same arguments), as a list."""
    async with find(association, keys, **options) as results:
        return [ds async for ds in results]
