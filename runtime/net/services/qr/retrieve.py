"""C-MOVE and C-GET as SCU (PS3.4 C.4.2, C.4.3): progress from the sub-operation counts, the
final result with the Failed SOP Instance UID List, C-CANCEL when leaving early.

::

    async with move(assoc, "STORESCP", StudyInstanceUID=uid) as retrieve:
        async for progress in retrieve:         # one per pending response
            print(progress.completed, progress.remaining)
    retrieve.result.failed_instances

C-GET receives its C-STORE sub-operations on the same association (PS3.4 C.4.3.3): the
association must have been negotiated with storage contexts proposing the SCP role
(:func:`~dicomkit.net.services.qr.negotiation.get_contexts`); during :func:`get` every
C-STORE-RQ on the association goes to the ``store`` handler (a folder by default, written
by :class:`~dicomkit.net.services.storage.folder.FolderStorage`: checked, never half
written), through a router put in front of the provider's handlers.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags
from dicomkit.generated.query_retrieve import InformationModel
from dicomkit.io.writer import encode_dataset
from dicomkit.net.aetitle import validate_ae_title
from dicomkit.net.association import Association
from dicomkit.net.dimse import Priority, build
from dicomkit.net.dimse_provider import Handler, HandlerLookup, Request, Response
from dicomkit.net.services.qr.errors import QueryRetrieveError, RetrieveFailed
from dicomkit.net.services.qr.find import choose_model
from dicomkit.net.services.qr.keys import check_hierarchical, identifier, level_of
from dicomkit.net.services.qr.negotiation import context_for, require_relational
from dicomkit.net.services.qr.operation import CANCEL_GRACE, Operation
from dicomkit.net.services.qr.responses import (
    category,
    comment_of,
    decode_identifier,
    meaning,
    offending_of,
)
from dicomkit.net.services.storage.folder import FolderStorage
from dicomkit.net.services.storage.scp import StorageHandler, StorageSCP

__all__ = ["Progress", "Retrieve", "RetrieveResult", "SubOperationRouter", "get", "get_all",
           "StorageClasses", "move", "move_all", "storage_classes_of"]


@dataclass(frozen=True)
class Progress:
    """The sub-operation counts of one C-MOVE/C-GET response (PS3.7 9.3.3.2, 9.3.4.2): None
    where the response leaves a count out."""

    status: int
    remaining: int | None
    completed: int | None
    failed: int | None
    warning: int | None

    @property
    def total(self) -> int | None:
        """Remaining + completed + failed + warning, when all are known."""
        parts = (self.remaining, self.completed, self.failed, self.warning)
        return None if any(p is None for p in parts) else sum(p or 0 for p in parts)


@dataclass
class RetrieveResult:
    """How a C-MOVE or C-GET ended.

    Attributes
    ----------
    status, meaning
        The final status and its meaning (PS3.4 Table C.4-2, C.4-3).
    completed, failed, warning, remaining
        The final sub-operation counts (None when the peer left them out).
    failed_instances
        The Failed SOP Instance UID List (0008,0058) of the final response's identifier.
    comment, offending_elements
        The peer's Error Comment and Offending Element.
    cancelled
        True when it ended by our C-CANCEL.
    stored
        C-GET into a folder: the files written, in order.
    progress
        Every progress report received, in order.
    """

    status: int = 0
    meaning: str = ""
    completed: int | None = None
    failed: int | None = None
    warning: int | None = None
    remaining: int | None = None
    failed_instances: tuple[str, ...] = ()
    comment: str = ""
    offending_elements: tuple[int, ...] = ()
    cancelled: bool = False
    stored: list[Path] = field(default_factory=list)
    progress: list[Progress] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every sub-operation completed without failure or warning."""
        return self.status == 0 and not self.failed and not self.warning


def _count(response: Response, keyword: str) -> int | None:
    value = response.message.get(keyword)
    return None if value is None or value == "" else int(value)


class SubOperationRouter:
    """Put in front of a DIMSE provider's handlers during a C-GET: C-STORE-RQ goes to the
    innermost active storage SCP, everything else to the provider's own handlers."""

    def __init__(self, previous: HandlerLookup | None) -> None:
        self.previous = previous
        self.active: list[StorageSCP] = []

    def __call__(self, request: Request) -> Handler | None:
        if self.active and request.message.name == "C-STORE-RQ":
            return self.active[-1].handle
        return self.previous(request) if self.previous is not None else None


class Retrieve:
    """A C-MOVE or C-GET: an async iterator of :class:`Progress` inside ``async with``;
    :attr:`result` once it ended (a failure status raises :class:`RetrieveFailed`)."""

    def __init__(self, association: Association, operation: str, query: Dataset, *,
                 model: InformationModel, destination: str | None, priority: int,
                 timeout: float | None, cancel_grace: float,
                 store: StorageHandler | None = None) -> None:
        self.association = association
        self.operation = operation
        self.identifier = query
        self.model = model
        self.sop_class = model.sop_classes[operation]
        self.destination = destination
        self.priority = priority
        self.result = RetrieveResult()
        self.store = store
        self._timeout = timeout
        self._grace = cancel_grace
        self._op: Operation | None = None
        self._router: SubOperationRouter | None = None
        self._scp: StorageSCP | None = None
        self._done = False

    async def __aenter__(self) -> Retrieve:
        context_id = context_for(self.association, self.sop_class, self.operation)
        syntax = self.association.contexts[context_id].transfer_syntax
        fields: dict[str, Any] = {"AffectedSOPClassUID": self.sop_class,
                                  "Priority": int(self.priority)}
        if self.destination is not None:
            fields["MoveDestination"] = self.destination
        message = build(self.operation + "-RQ", **fields)
        data = encode_dataset(self.identifier, syntax)
        if self.store is not None:
            self._install()
        self._op = Operation(self.association, context_id, message, data,
                             operation=self.operation, timeout=self._timeout,
                             cancel_grace=self._grace)
        try:
            await self._op.__aenter__()
        except BaseException:
            self._uninstall()
            raise
        return self

    def _install(self) -> None:
        dimse = self.association.dimse
        if dimse is None:
            raise QueryRetrieveError("no DIMSE provider reads the association",
                                     operation=self.operation,
                                     peer=self.association.peer_address)
        router = dimse.handlers if isinstance(dimse.handlers, SubOperationRouter) else None
        if router is None:
            router = SubOperationRouter(dimse.handlers)
            dimse.handlers = router
        assert self.store is not None
        self._scp = StorageSCP(self.store)
        router.active.append(self._scp)
        self._router = router

    def _uninstall(self) -> None:
        if self._router is not None and self._scp is not None:
            if self._scp in self._router.active:
                self._router.active.remove(self._scp)
            if isinstance(self.store, FolderStorage):
                self.result.stored = list(self.store.stored)
        self._router = None

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> bool | None:
        assert self._op is not None
        try:
            if not self._op.finished and exc is None:
                for response in await self._op.drain():
                    self._take(response, raise_failure=False)
            return await self._op.__aexit__(exc_type, exc, tb)
        finally:
            self._uninstall()

    def __aiter__(self) -> AsyncIterator[Progress]:
        return self

    async def cancel(self) -> None:
        """Send C-CANCEL now: the peer stops the sub-operations (PS3.4 C.4.2.3.2)."""
        if self._op is not None:
            await self._op.cancel()

    async def __anext__(self) -> Progress:
        op = self._op
        if op is None:
            raise RuntimeError(f"use the {self.operation} inside 'async with'")
        if self._done:
            raise StopAsyncIteration
        response = await op.next()
        if response is None:
            self._done = True
            raise StopAsyncIteration
        progress = self._take(response, raise_failure=True)
        if progress is None:
            self._done = True
            raise StopAsyncIteration
        return progress

    def _take(self, response: Response, *, raise_failure: bool) -> Progress | None:
        """Record one response; its progress when pending, None when final."""
        peer = self.association.peer_address
        if response.message.name != self.operation + "-RSP":
            raise QueryRetrieveError(f"answered with {response.message.name}",
                                     operation=self.operation, peer=peer)
        progress = Progress(response.status, _count(response, "NumberOfRemainingSuboperations"),
                            _count(response, "NumberOfCompletedSuboperations"),
                            _count(response, "NumberOfFailedSuboperations"),
                            _count(response, "NumberOfWarningSuboperations"))
        self.result.progress.append(progress)
        kind = category(response)
        if kind == "pending":
            return progress
        result = self.result
        result.status = response.status
        result.meaning = meaning(response.status, self.operation)
        result.completed, result.failed = progress.completed, progress.failed
        result.warning, result.remaining = progress.warning, progress.remaining
        result.comment = comment_of(response)
        result.offending_elements = offending_of(response)
        if response.data:
            ds = decode_identifier(response.data, self.association.contexts[
                response.context_id].transfer_syntax, self.sop_class,
                operation=self.operation, status=response.status, peer=peer)
            failed = ds.get(tags.FailedSOPInstanceUIDList)
            if failed is not None and failed.value not in (None, ""):
                values = failed.value if isinstance(failed.value, list) else [failed.value]
                result.failed_instances = tuple(str(v) for v in values)
        if kind == "cancel":
            result.cancelled = self._op is not None and self._op.cancel_sent
            if not result.cancelled and raise_failure:
                raise RetrieveFailed("the peer cancelled a retrieve we did not cancel",
                                     operation=self.operation, result=result, peer=peer)
        elif kind == "failure" and raise_failure:
            self._uninstall()
            raise RetrieveFailed(result.meaning or "failed", operation=self.operation,
                                 result=result, peer=peer)
        return None


def _prepare(association: Association, operation: str, keys: Mapping[object, Any] | None,
             level: str, model: str | InformationModel | None, relational: bool,
             keywords: Mapping[str, Any]) -> tuple[InformationModel, Dataset]:
    info = choose_model(association, operation, level, model)
    lv = level_of(info, level)
    merged: dict[object, Any] = dict(keys or {})
    merged.update(keywords)
    query = identifier(merged, level=lv.value, model=info, defaults=False)
    if relational:  # PS3.4 C.4.2.2.2, negotiated (C.5.2.1.2, C.5.3.1.2)
        require_relational(association, info.sop_classes[operation], operation)
    else:  # PS3.4 C.4.2.2.1, C.4.3.2.1
        check_hierarchical(query, info, lv.value, operation)
    return info, query


def move(association: Association, destination: str,
         keys: Mapping[object, Any] | None = None, *, level: str = "STUDY",
         model: str | InformationModel | None = None, priority: int = Priority.MEDIUM,
         timeout: float | None = None, cancel_grace: float = CANCEL_GRACE,
         relational: bool = False, **keywords: Any) -> Retrieve:
    """A C-MOVE of what ``keys`` name (unique keys, PS3.4 C.4.2.2.1) to the AE titled
    ``destination`` (Move Destination (0000,0600), which the peer resolves to an address).
    The keys are checked against the baseline rules (PS3.4 C.4.2.2.1) unless ``relational``.

    Returns
    -------
    Retrieve
        ``async with move(...) as r: async for progress in r: ...``; then ``r.result``.
    """
    title = validate_ae_title(destination, "Move Destination")
    info, query = _prepare(association, "C-MOVE", keys, level, model, relational, keywords)
    return Retrieve(association, "C-MOVE", query, model=info, destination=title,
                    priority=priority, timeout=timeout, cancel_grace=cancel_grace)


def get(association: Association, keys: Mapping[object, Any] | None = None, *,
        store: StorageHandler | str | os.PathLike[str] = ".", level: str = "STUDY",
        model: str | InformationModel | None = None, priority: int = Priority.MEDIUM,
        timeout: float | None = None, cancel_grace: float = CANCEL_GRACE,
        relational: bool = False, **keywords: Any) -> Retrieve:
    """A C-GET of what ``keys`` name: the instances come back as C-STORE sub-operations on
    this association (PS3.4 C.4.3) and go to ``store``: a folder (written by
    :class:`FolderStorage`) or any :class:`StorageHandler`."""
    handler = store if isinstance(store, StorageHandler) else FolderStorage(store)
    info, query = _prepare(association, "C-GET", keys, level, model, relational, keywords)
    return Retrieve(association, "C-GET", query, model=info, destination=None,
                    priority=priority, timeout=timeout, cancel_grace=cancel_grace,
                    store=handler)


async def _run(retrieve: Retrieve) -> RetrieveResult:
    async with retrieve:
        async for _progress in retrieve:
            pass
    return retrieve.result


async def move_all(association: Association, destination: str,
                   keys: Mapping[object, Any] | None = None, **options: Any) -> RetrieveResult:
    """:func:`move` to its end; the result."""
    return await _run(move(association, destination, keys, **options))


async def get_all(association: Association, keys: Mapping[object, Any] | None = None,
                  **options: Any) -> RetrieveResult:
    """:func:`get` to its end; the result."""
    return await _run(get(association, keys, **options))


@dataclass(frozen=True)
class StorageClasses:
    """What :func:`storage_classes_of` found: (SOP class, transfer syntax or ``""``) pairs,
    and how many instances came without a SOP Class UID."""

    pairs: tuple[tuple[str, str], ...]
    unknown: int


def _text(ds: Dataset, tag: int) -> str:
    elem = ds.get(tag)
    return "" if elem is None or elem.value in (None, "") else str(elem.value).strip()


async def storage_classes_of(association: Association,
                             keys: Mapping[object, Any] | None = None, *, level: str = "STUDY",
                             model: str | InformationModel | None = None,
                             **keywords: Any) -> StorageClasses:
    """The (SOP Class UID, transfer syntax) pairs of the instances a retrieve of ``keys``
    at ``level`` would send, found by C-FIND down to the IMAGE level (hierarchical queries,
    PS3.4 C.4.1.2.2: each level's unique key from the level above): SOP Class UID and, where
    the peer returns it, Available Transfer Syntax UID (0008,3002; PS3.4 Table C.6-4).  A C-GET
    can then propose exactly these storage contexts.  The syntax is ``""`` when unknown;
    instances whose SOP Class UID the peer does not return (it is an optional key) are
    counted in ``unknown``."""
    from dicomkit.net.services.qr.find import find_all

    info = choose_model(association, "C-FIND", "IMAGE", model)
    merged: dict[object, Any] = dict(keys or {})
    merged.update(keywords)
    order = [lv.value for lv in info.levels]
    start = level_of(info, level).value
    found: set[tuple[str, str]] = set()
    unknown = [0]

    async def descend(at: int, query: dict[object, Any], uniques: dict[object, Any]) -> None:
        current = info.levels[at]
        if at == len(order) - 1:
            for ds in await find_all(association, query, level=current.value, model=info,
                                     return_keys=[tags.SOPClassUID,
                                                  tags.AvailableTransferSyntaxUID]):
                uid = _text(ds, tags.SOPClassUID)
                if uid:
                    found.add((uid, _text(ds, tags.AvailableTransferSyntaxUID)))
                else:
                    unknown[0] += 1
            return
        for ds in await find_all(association, query, level=current.value, model=info):
            unique = _text(ds, current.unique)
            if unique:
                below = {**uniques, current.unique: unique}
                await descend(at + 1, below, below)

    await descend(order.index(start), merged, {})
    return StorageClasses(tuple(sorted(found)), unknown[0])
