"""The Query/Retrieve service class as SCP over an archive (PS3.4 C.4): C-FIND, C-MOVE, C-GET.

Three service providers for :meth:`dicomkit.net.ae.ApplicationEntity.add_service`, serving the
Patient Root and Study Root information models (PS3.4 C.6.1, C.6.2) from a
:class:`dicomkit.archive.AsyncArchive`:

* :class:`FindSCP` - the identifier is parsed (:func:`dicomkit.query.parse_identifier`),
  checked against the model's levels (:func:`dicomkit.query.validate_query`, hierarchical
  search, C.4.1.2.1), matched by the index (:class:`ArchiveMatcher`) and each match answered
  as it is read with a Pending response (FF00H; FF01H when keys the model does not list were
  ignored, C.2.2.1.3); a C-CANCEL is honoured between responses (Cancel, FE00H); then Success.
* :class:`MoveSCP` - the instances the identifier selects (C.4.2.2) are sent to the Move
  Destination, looked up in the SCP's table of AE titles (Refused: Move Destination unknown,
  A801H, otherwise), over one association per C-MOVE, with the Move Originator fields set
  (PS3.7 9.1.1); a Pending response with the counts after each sub-operation, then the final
  counts with the Failed SOP Instance UID List (C.4.2.1.5).
* :class:`GetSCP` - the same, with the sub-operations sent back on the C-GET's own
  association (the SCU took the SCP role for the storage classes, C.4.3).

Statuses come from the generated PS3.4 Tables C.4-1, C.4-2 and C.4-3.  An identifier that
cannot be read or breaks the level rules is answered Error: Data Set does not match SOP Class
(A900H) with the reason in Error Comment and the offending key in Offending Element; a failing
index, Failed: Unable to process (C000H).
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio

from dicomkit.archive import ArchiveError, AsyncArchive
from dicomkit.core.dataset import Dataset
from dicomkit.core.tag import Tag
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.query_retrieve import MODELS, model_of
from dicomkit.generated.service_statuses import status_code
from dicomkit.io.writer import encode_dataset
from dicomkit.net.association import Association
from dicomkit.net.client import associate
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.dimse_provider import Request
from dicomkit.net.services.qr.archive_query import ArchiveMatcher, utc_offset_text
from dicomkit.net.services.qr.errors import IdentifierError
from dicomkit.net.services.qr.negotiation import RELATIONAL, requested_options
from dicomkit.net.services.qr.responses import decode_identifier
from dicomkit.net.services.storage.negotiation import contexts_for
from dicomkit.net.services.storage.scu import StoreResult, indexed_item, store_on
from dicomkit.net.ul import Timeouts
from dicomkit.query import (
    DEFAULT_OPTIONS,
    MatchOptions,
    Query,
    QueryError,
    information_model,
    parse_identifier,
    response_identifier,
    validate_query,
)

__all__ = ["FIND_SOP_CLASSES", "GET_SOP_CLASSES", "MOVE_SOP_CLASSES", "Destination", "FindSCP",
           "GetSCP", "MoveSCP"]

log = logging.getLogger(__name__)

#: The information models served: PS3.4 C.6.1 and C.6.2 (the retired Patient/Study Only left).
_SERVED = ("Patient Root", "Study Root")
FIND_SOP_CLASSES = tuple(MODELS[m].sop_classes["C-FIND"] for m in _SERVED)
MOVE_SOP_CLASSES = tuple(MODELS[m].sop_classes["C-MOVE"] for m in _SERVED)
GET_SOP_CLASSES = tuple(MODELS[m].sop_classes["C-GET"] for m in _SERVED)

FIND_PENDING = status_code("C.4-1", "Matches are continuing - Current Match is supplied and any "
                           "Optional Keys were supported in the same manner as Required Keys.")
FIND_PENDING_WARNING = status_code(
    "C.4-1", "Matches are continuing - Warning that one or more Optional Keys were not "
    "supported for existence and/or matching for this Identifier.")
FIND_CANCEL = status_code("C.4-1", "Matching terminated due to Cancel request")
FIND_SUCCESS = status_code("C.4-1", "Matching is complete - No final Identifier is supplied.")
FIND_NOT_MATCH = status_code("C.4-1", "Error: Data Set does not match SOP Class")
FIND_UNABLE = status_code("C.4-1", "Failed: Unable to process")
MOVE_PENDING = status_code("C.4-2", "Sub-operations are continuing")
MOVE_CANCEL = status_code("C.4-2", "Sub-operations terminated due to Cancel Indication")
MOVE_WARNING = status_code("C.4-2", "Sub-operations Complete - One or more Failures")
MOVE_SUCCESS = status_code("C.4-2", "Sub-operations Complete - No Failures")
MOVE_UNKNOWN = status_code("C.4-2", "Refused: Move Destination unknown")
MOVE_NOT_MATCH = status_code("C.4-2", "Error: Data Set does not match SOP Class")
MOVE_UNABLE = status_code("C.4-2", "Failed: Unable to process")
MOVE_NO_SUBOPERATIONS = status_code("C.4-2", "Refused: Out of resources - Unable to perform "
                                    "sub-operations")
GET_PENDING = status_code("C.4-3", "Sub-operations are continuing")
GET_CANCEL = status_code("C.4-3", "Sub-operations terminated due to Cancel Indication")
GET_WARNING = status_code("C.4-3", "Sub-operations Complete - One or more Failures or Warnings")
GET_SUCCESS = status_code("C.4-3", "Sub-operations Complete - No Failures or Warnings")
GET_NOT_MATCH = status_code("C.4-3", "Error: Data Set does not match SOP Class")
GET_UNABLE = status_code("C.4-3", "Failed: Unable to process")


def _model_key(sop_class: str) -> str:
    """``PATIENT_ROOT`` / ``STUDY_ROOT``: the key-table model of a Q/R SOP class."""
    found = model_of(sop_class)
    if found is None:  # pragma: no cover - registered for the served classes only
        raise ValueError(f"{sop_class} is no Query/Retrieve SOP class")
    return found[0].name.upper().replace(" ", "_")


def _comment(reason: object) -> str:
    """An Error Comment (0000,0902): LO, one value of at most 64 characters of the default
    repertoire (PS3.7 Annex E, PS3.5 6.2): backslashes and other characters replaced."""
    text = "".join(c if " " <= c <= "~" and c != "\\" else "?" for c in str(reason))
    return text[:64].rstrip()


def _offending(exc: QueryError) -> tuple[int, ...]:
    path = getattr(exc, "tag_path", "") or ""
    first = path.split(".")[0].strip("()") if path else ""
    try:
        return (int(Tag(first)),) if first else ()
    except (DicomError, ValueError):
        return ()


@dataclass(frozen=True)
class Destination:
    """Where a Move Destination AE title is (PS3.4 C.4.2.1.4.1: the SCP knows the address of
    each AE it moves to): host, port and, for TLS (PS3.15 B.1), the client context."""

    host: str
    port: int
    ssl_context: ssl.SSLContext | None = None


@dataclass(frozen=True)
class _Parsed:
    query: Query
    level: str
    warn: bool
    #: the Unique Keys of the model's levels above the query's (C.4.1.3.1.1)
    above: tuple[int, ...] = ()


#: ``on_query(association, request, identifier, transfer_syntax)``: a C-FIND-RQ and the bytes
#: of its identifier as received.
QueryHook = Callable[[Association, DimseMessage, bytes, str], None]


class _Base:
    """What the three providers share: the archive, its matcher, reading identifiers."""

    def __init__(self, archive: AsyncArchive, *, ae_title: str = "DICOMKIT",
                 options: MatchOptions = DEFAULT_OPTIONS, batch: int = 200,
                 on_query: QueryHook | None = None, relational: bool = False) -> None:
        self.archive = archive
        #: relational queries / retrieval are served to a requestor that asked for them in
        #: SOP Class Extended Negotiation (PS3.4 C.5.1.1, C.4.1.2.2); the policy answers it
        #: (:func:`~dicomkit.net.services.qr.server.archive_entity`)
        self.relational = relational
        self.matcher = ArchiveMatcher(archive, batch=batch)
        self.ae_title = ae_title
        self.options = options
        #: told of every C-FIND identifier received, before it is parsed (the audit trail's
        #: ``query_received``: the Query message, PS3.15 A.5.3.10)
        self.on_query = on_query

    async def _parse(self, request: Request, operation: str, *, retrieve: bool) -> _Parsed:
        """The identifier of ``request`` parsed and checked: IdentifierError when it cannot be
        read, QueryError when it breaks a rule."""
        data = await request.read_data()
        if self.on_query is not None and operation == "C-FIND":
            self.on_query(request.association, request.message, data, request.transfer_syntax)
        identifier = decode_identifier(data, request.transfer_syntax, request.abstract_syntax,
                                       operation=operation)
        query = parse_identifier(identifier, self.options)
        model = information_model(_model_key(request.abstract_syntax))
        relational = self.relational and requested_options(
            request.association, request.abstract_syntax).get(RELATIONAL[operation], False)
        validation = validate_query(query, model, retrieve=retrieve, relational=relational)
        if validation.return_only:
            query = query.returning_only(validation.return_only)
        if validation.unsupported:
            query = query.without(validation.unsupported) if retrieve else query.where(
                lambda k: k.tag not in set(validation.unsupported) or k.is_universal)
        depth = model.index(validation.level.name)
        return _Parsed(query, validation.level.name, bool(validation.unsupported),
                       tuple(lv.unique for lv in model.levels[:depth]))


#: C-FIND Pending responses sent in one write (held back by ``Association.holding``): one
#: system call and one wake-up of the peer for many small messages.
RESPONSES_PER_WRITE = 64


class FindSCP(_Base):
    """C-FIND SCP over an archive (see the module).

    Parameters
    ----------
    archive
        The archive whose index answers.
    ae_title
        Returned as Retrieve AE Title (0008,0054) of every match (C.4.1.1.3.2).
    options
        The matching options (what the Conformance Statement says, PS3.4 C.2.2.2).
    batch
        Index rows fetched per worker-thread call.
    """

    requests: tuple[str, ...] = ("C-FIND-RQ",)
    sop_classes: tuple[str, ...] | None = FIND_SOP_CLASSES

    async def handle(self, request: Request) -> int | None:
        """Answer one C-FIND request (PS3.4 C.4.1.3)."""
        try:
            parsed = await self._parse(request, "C-FIND", retrieve=False)
        except (QueryError, IdentifierError) as exc:
            off = _offending(exc) if isinstance(exc, QueryError) else ()
            fields: dict[str, Any] = {"ErrorComment": _comment(exc)}
            if off:
                fields["OffendingElement"] = list(off)
            await request.respond(FIND_NOT_MATCH, **fields)
            return None
        query = parsed.query
        plan = self.matcher.plan(query, parsed.level)
        include = [tags.RetrieveAETitle, *parsed.above]
        pending = FIND_PENDING_WARNING if parsed.warn else FIND_PENDING
        ts = request.transfer_syntax
        sent = 0
        # the elements every match gets, checked once (each row's data set is its own, and
        # response_identifier copies what it returns)
        added = Dataset()
        added.add_new(tags.RetrieveAETitle, "AE", self.ae_title)
        if tags.TimezoneOffsetFromUTC in query:
            added.add_new(tags.TimezoneOffsetFromUTC, "SH", utc_offset_text())
        extra = list(added.elements())
        try:
            # the responses leave RESPONSES_PER_WRITE at a time (the first one at once)
            async with request.association.holding() as held:
                async for _row, ds in self.matcher.rows(plan):
                    if request.cancelled.is_set():
                        return FIND_CANCEL
                    for elem in extra:
                        ds.put_element(elem)
                    out = response_identifier(query, ds, include=include)
                    await request.respond(pending, encode_dataset(out, ts))
                    sent += 1
                    if sent % RESPONSES_PER_WRITE == 1:
                        await held.flush_held()
        except (ArchiveError, OSError) as exc:
            log.warning("C-FIND from %s failed: %s", request.association.calling_ae, exc)
            await request.respond(FIND_UNABLE, ErrorComment=_comment(exc))
            return None
        if request.cancelled.is_set():
            return FIND_CANCEL
        return FIND_SUCCESS


@dataclass
class _Counts:
    total: int
    completed: int = 0
    failed: int = 0
    warning: int = 0

    @property
    def remaining(self) -> int:
        return self.total - self.completed - self.failed - self.warning

    def pending(self) -> dict[str, int]:
        return {"NumberOfRemainingSuboperations": self.remaining, **self.final()}

    def final(self) -> dict[str, int]:
        return {"NumberOfCompletedSuboperations": self.completed,
                "NumberOfFailedSuboperations": self.failed,
                "NumberOfWarningSuboperations": self.warning}

    def add(self, result: StoreResult) -> None:
        if result.category == "success":
            self.completed += 1
        elif result.category == "warning":
            self.warning += 1
        else:
            self.failed += 1


def _failed_list(uids: list[str], ts: str) -> bytes | None:
    if not uids:
        return None
    ds = Dataset()
    ds.add_new(tags.FailedSOPInstanceUIDList, "UI", uids)
    return encode_dataset(ds, ts)


@dataclass(frozen=True)
class _Instance:
    sop_class: str
    sop_instance: str
    transfer_syntax: str
    path: Path


class _Retrieve(_Base):
    """C-MOVE and C-GET: the instances an identifier selects, and the sub-operation loop."""

    operation = ""
    statuses: dict[str, int] = {}

    async def _instances(self, parsed: _Parsed) -> list[_Instance]:
        schema = self.matcher.schema
        image = schema.level_of("IMAGE")
        sop_class = schema.keyword_of(image, tags.SOPClassUID)
        sop_uid = schema.keyword_of(image, tags.SOPInstanceUID)
        plan = self.matcher.plan(parsed.query, image, extra=(sop_class,))
        out = []
        async for row, _ds in self.matcher.rows(plan):
            out.append(_Instance(str(row[sop_class]), str(row[sop_uid]),
                                 str(row["transfer_syntax"]),
                                 self.archive.archive.files.path(str(row["path"]))))
        return out

    async def _refuse(self, request: Request, exc: Exception) -> None:
        off = _offending(exc) if isinstance(exc, QueryError) else ()
        fields: dict[str, Any] = {"ErrorComment": _comment(exc)}
        if off:
            fields["OffendingElement"] = list(off)
        await request.respond(self.statuses["not match"], **fields)

    async def _send(self, request: Request, instances: list[_Instance], assoc: Any,
                    originator: tuple[str, int] | None) -> None:
        """The sub-operations, in one pass over ``assoc``: the next files read while one is
        sent, each sent as stored when its transfer syntax was accepted; a Pending response
        with the counts after each (but the last), then the final one (C.4.2.3.1)."""
        counts = _Counts(len(instances))
        failed: list[str] = []
        ts = request.transfer_syntax
        pending = self.statuses["pending"]

        async def after(result: StoreResult) -> None:
            counts.add(result)
            if not result.ok:
                failed.append(result.sop_instance_uid)
                log.warning("%s sub-operation for %s failed: %s (%s)", self.operation,
                            result.sop_instance_uid, result.error or result.category,
                            result.source)
            if counts.remaining and not request.cancelled.is_set():
                await request.respond(pending, None, **counts.pending())

        items = [indexed_item(i.path, i.sop_class, i.sop_instance, i.transfer_syntax)
                 for i in instances]
        results = await store_on(assoc, items, move_originator=originator, on_result=after,
                                 stop=request.cancelled.is_set)
        if request.cancelled.is_set() and any(r.category == "skipped" for r in results):
            # C.4.2.3.2: the final counts, and the instances not sent among the failed
            failed_all = failed + [r.sop_instance_uid for r in results
                                   if r.category == "skipped"]
            await request.respond(self.statuses["cancel"], _failed_list(failed_all, ts),
                                  **counts.pending())
            return
        status = self.statuses["warning"] if counts.failed or counts.warning \
            else self.statuses["success"]
        await request.respond(status, _failed_list(failed, ts), **counts.final())


class MoveSCP(_Retrieve):
    """C-MOVE SCP over an archive (see the module).

    Parameters
    ----------
    archive
        The archive.
    destinations
        Move Destination AE title -> its Storage SCP: (host, port), or a
        :class:`Destination` (with TLS).
    ae_title
        Our AE title: the calling AE title of the sub-operation associations.
    timeouts
        For the sub-operation associations.
    """

    requests: tuple[str, ...] = ("C-MOVE-RQ",)
    sop_classes: tuple[str, ...] | None = MOVE_SOP_CLASSES
    operation = "C-MOVE"
    statuses = {"pending": MOVE_PENDING, "cancel": MOVE_CANCEL, "warning": MOVE_WARNING,
                "success": MOVE_SUCCESS, "not match": MOVE_NOT_MATCH, "unable": MOVE_UNABLE}

    def __init__(self, archive: AsyncArchive,
                 destinations: Mapping[str, tuple[str, int] | Destination], *,
                 ae_title: str = "DICOMKIT", options: MatchOptions = DEFAULT_OPTIONS,
                 timeouts: Timeouts | None = None, batch: int = 200,
                 relational: bool = False) -> None:
        super().__init__(archive, ae_title=ae_title, options=options, batch=batch,
                         relational=relational)
        self.destinations = {k.strip(): v if isinstance(v, Destination) else Destination(*v)
                             for k, v in destinations.items()}
        self.timeouts = timeouts

    async def handle(self, request: Request) -> int | None:
        """Answer one C-MOVE request (PS3.4 C.4.2.3)."""
        destination = str(request.message.get("MoveDestination") or "").strip()
        try:
            parsed = await self._parse(request, "C-MOVE", retrieve=True)
        except (QueryError, IdentifierError) as exc:
            await self._refuse(request, exc)
            return None
        address = self.destinations.get(destination)
        if address is None:
            await request.respond(MOVE_UNKNOWN, ErrorComment=_comment(f"unknown AE {destination}"))
            return None
        try:
            instances = await self._instances(parsed)
        except (ArchiveError, OSError) as exc:
            await request.respond(MOVE_UNABLE, ErrorComment=_comment(exc))
            return None
        if not instances:
            return MOVE_SUCCESS
        contexts = contexts_for(sorted({(i.sop_class, i.transfer_syntax) for i in instances}))
        try:
            assoc = await associate(address.host, address.port, called_ae=destination,
                                    calling_ae=self.ae_title, contexts=contexts,
                                    timeouts=self.timeouts, ssl_context=address.ssl_context)
        except DicomError as exc:
            log.warning("C-MOVE to %s at %s:%d: %s", destination, address.host, address.port,
                        exc)
            counts = _Counts(len(instances), failed=len(instances))
            await request.respond(MOVE_NO_SUBOPERATIONS,
                                  _failed_list([i.sop_instance for i in instances],
                                               request.transfer_syntax), **counts.final())
            return None
        originator = (str(request.association.calling_ae).strip(),
                      request.message.message_id or 0)
        try:
            await self._send(request, instances, assoc, originator)
        finally:
            with anyio.CancelScope(shield=True):
                try:
                    await assoc.release()
                except DicomError:
                    await assoc.abort()
        return None


class GetSCP(_Retrieve):
    """C-GET SCP over an archive: sub-operations on the requesting association (PS3.4
    C.4.3.3); storage classes the SCU did not negotiate (with the SCP role) are failed
    sub-operations."""

    requests: tuple[str, ...] = ("C-GET-RQ",)
    sop_classes: tuple[str, ...] | None = GET_SOP_CLASSES
    operation = "C-GET"
    statuses = {"pending": GET_PENDING, "cancel": GET_CANCEL, "warning": GET_WARNING,
                "success": GET_SUCCESS, "not match": GET_NOT_MATCH, "unable": GET_UNABLE}

    async def handle(self, request: Request) -> int | None:
        """Answer one C-GET request (PS3.4 C.4.3.3)."""
        try:
            parsed = await self._parse(request, "C-GET", retrieve=True)
        except (QueryError, IdentifierError) as exc:
            await self._refuse(request, exc)
            return None
        try:
            instances = await self._instances(parsed)
        except (ArchiveError, OSError) as exc:
            await request.respond(GET_UNABLE, ErrorComment=_comment(exc))
            return None
        if not instances:
            return GET_SUCCESS
        await self._send(request, instances, request.association, None)
        return None
