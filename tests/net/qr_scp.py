"""A small scripted Query/Retrieve SCP written on dicomkit's own application entity API, for
the Q/R SCU tests: it answers C-FIND with the identifiers it is given (pending FF00H or FF01H,
as scripted), honours C-CANCEL (Cancel, FE00H) or ignores it, answers with failures and
comments, sends malformed identifiers, reports C-MOVE progress from a script, and serves C-GET
by sending real C-STORE sub-operations back on the association (``store_on``).

Every status code comes from the generated PS3.4 tables (``status_code``).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids
from dicomkit.generated.query_retrieve import MODELS
from dicomkit.generated.service_statuses import status_code
from dicomkit.io.reader import read_bytes
from dicomkit.io.writer import encode_dataset
from dicomkit.net import AcceptPolicy, ApplicationEntity, Request, Timeouts
from dicomkit.net.services.qr.negotiation import STORAGE_SOP_CLASSES
from dicomkit.net.services.storage import store_on
from dicomkit.net.services.storage.filemeta import encode_head
from dicomkit.net.services.verification import VerificationSCP

PENDING = status_code("C.4-1", "Matches are continuing - Current Match is supplied and any "
                      "Optional Keys were supported in the same manner as Required Keys.")
PENDING_WARNING = status_code("C.4-1", "Matches are continuing - Warning that one or more "
                              "Optional Keys were not supported for existence and/or matching "
                              "for this Identifier.")
FIND_CANCELLED = status_code("C.4-1", "Matching terminated due to Cancel request")
UNABLE_TO_PROCESS = status_code("C.4-1", "Failed: Unable to process")
OUT_OF_RESOURCES = status_code("C.4-1", "Refused: Out of resources")
MOVE_PENDING = status_code("C.4-2", "Sub-operations are continuing")
MOVE_WARNING = status_code("C.4-2", "Sub-operations Complete - One or more Failures")
MOVE_CANCELLED = status_code("C.4-2", "Sub-operations terminated due to Cancel Indication")
MOVE_UNKNOWN = status_code("C.4-2", "Refused: Move Destination unknown")
GET_CANCELLED = status_code("C.4-3", "Sub-operations terminated due to Cancel Indication")
GET_PENDING = status_code("C.4-3", "Sub-operations are continuing")
GET_WARNING = status_code("C.4-3", "Sub-operations Complete - One or more Failures or Warnings")
SUCCESS = status_code("C.4-1", "Matching is complete - No final Identifier is supplied.")
FAST = Timeouts(connect=5, artim=2.0, acse=5, dimse=10, network=5, pdu_body=5)

FIND_CLASSES = tuple(m.sop_classes["C-FIND"] for m in MODELS.values())
MOVE_CLASSES = tuple(m.sop_classes["C-MOVE"] for m in MODELS.values())
GET_CLASSES = tuple(m.sop_classes["C-GET"] for m in MODELS.values())


def decode(data: bytes, transfer_syntax: str) -> Dataset:
    """A request identifier, as the SCP reads it."""
    ds = read_bytes(encode_head(uids.StudyRootQueryRetrieveInformationModelFind, "",
                                transfer_syntax) + data, strict=True)
    ds.file_meta = None
    return ds


@dataclass
class ScriptedFind:
    """C-FIND: one pending response per identifier, then ``final`` (with ``fields``)."""

    identifiers: Sequence[Dataset | bytes]
    final: int = SUCCESS
    fields: dict[str, Any] = field(default_factory=dict)
    status_of: Callable[[int], int] = lambda i: PENDING
    delay: float = 0.0
    ignore_cancel: bool = False
    queries: list[Dataset] = field(default_factory=list)
    sent: int = 0
    cancelled: bool = False
    requests: tuple[str, ...] = ("C-FIND-RQ",)
    sop_classes: tuple[str, ...] | None = FIND_CLASSES

    async def handle(self, request: Request) -> int | None:
        self.queries.append(decode(await request.read_data(), request.transfer_syntax))
        for i, ident in enumerate(self.identifiers):
            if request.cancelled.is_set() and not self.ignore_cancel:
                self.cancelled = True
                return FIND_CANCELLED
            data = ident if isinstance(ident, bytes) else encode_dataset(
                ident, request.transfer_syntax)
            await request.respond(self.status_of(i), data)
            self.sent += 1
            if self.delay:
                with anyio.move_on_after(self.delay):
                    if not self.ignore_cancel:
                        await request.cancelled.wait()
                    else:
                        await anyio.sleep(self.delay)
        if request.cancelled.is_set() and not self.ignore_cancel:
            self.cancelled = True
            return FIND_CANCELLED
        if self.fields:
            await request.respond(self.final, **self.fields)
            return None
        return self.final


def failed_list(uids_: Sequence[str], transfer_syntax: str) -> bytes:
    ds = Dataset()
    ds.add_new(tags.FailedSOPInstanceUIDList, "UI", list(uids_))
    return encode_dataset(ds, transfer_syntax)


@dataclass
class ScriptedMove:
    """C-MOVE: pending responses with the scripted counts, then ``final`` with the last
    counts and, when given, the Failed SOP Instance UID List."""

    steps: Sequence[tuple[int, int, int, int]]
    final: int = 0
    failed_uids: Sequence[str] = ()
    known_destinations: frozenset[str] = frozenset({"DEST"})
    delay: float = 0.0
    final_data: bytes | None = None
    destinations: list[str] = field(default_factory=list)
    queries: list[Dataset] = field(default_factory=list)
    requests: tuple[str, ...] = ("C-MOVE-RQ",)
    sop_classes: tuple[str, ...] | None = MOVE_CLASSES

    async def handle(self, request: Request) -> int | None:
        self.queries.append(decode(await request.read_data(), request.transfer_syntax))
        destination = str(request.message.get("MoveDestination")).strip()
        self.destinations.append(destination)
        if destination not in self.known_destinations:
            await request.respond(MOVE_UNKNOWN, ErrorComment=f"who is {destination}?")
            return None
        last = (0, 0, 0, 0)
        for step in self.steps:
            if request.cancelled.is_set():
                await request.respond(MOVE_CANCELLED, failed_list(self.failed_uids,
                                                                  request.transfer_syntax),
                                      **_counts(step))
                return None
            await request.respond(MOVE_PENDING, **_counts(step))
            last = step
            if self.delay:
                with anyio.move_on_after(self.delay):
                    await request.cancelled.wait()
        remaining, completed, failed, warning = last
        final_counts = _counts((0, completed + remaining, failed, warning))
        final_counts.pop("NumberOfRemainingSuboperations")
        data = failed_list(self.failed_uids, request.transfer_syntax) \
            if self.failed_uids else self.final_data
        await request.respond(self.final, data, **final_counts)
        return None


def _counts(step: tuple[int, int, int, int]) -> dict[str, int]:
    remaining, completed, failed, warning = step
    return {"NumberOfRemainingSuboperations": remaining,
            "NumberOfCompletedSuboperations": completed,
            "NumberOfFailedSuboperations": failed,
            "NumberOfWarningSuboperations": warning}


@dataclass
class StoringGet:
    """C-GET: C-STORE each file back on the association (real sub-operations), a pending
    response with the counts after each, then the final counts and failed UIDs."""

    files: Sequence[Path]
    queries: list[Dataset] = field(default_factory=list)
    requests: tuple[str, ...] = ("C-GET-RQ",)
    sop_classes: tuple[str, ...] | None = GET_CLASSES

    async def handle(self, request: Request) -> int | None:
        self.queries.append(decode(await request.read_data(), request.transfer_syntax))
        completed = failed = 0
        failed_uids: list[str] = []
        total = len(self.files)
        for n, path in enumerate(self.files, 1):
            if request.cancelled.is_set():
                await request.respond(MOVE_CANCELLED, **_counts((total - n + 1, completed,
                                                                 failed, 0)))
                return None
            result = (await store_on(request.association, [path]))[0]
            if result.ok:
                completed += 1
            else:
                failed += 1
                failed_uids.append(result.sop_instance_uid)
            if n < total:
                await request.respond(GET_PENDING, **_counts((total - n, completed, failed, 0)))
        status = GET_WARNING if failed else 0
        data = failed_list(failed_uids, request.transfer_syntax) if failed_uids else None
        await request.respond(status, data, NumberOfCompletedSuboperations=completed,
                              NumberOfFailedSuboperations=failed,
                              NumberOfWarningSuboperations=0)
        return None


def scripted_ae(*providers: Any, storage_scu: Sequence[str] = ()) -> ApplicationEntity:
    """An AE titled QRSCP answering any calling AE with these providers; ``storage_scu``:
    storage SOP classes it may send as SCU on a C-GET association (role selection)."""
    ae = ApplicationEntity("QRSCP", policy=AcceptPolicy(ae_title="QRSCP"), timeouts=FAST)
    ae.add_service(VerificationSCP())
    for provider in providers:
        ae.add_service(provider)
    for uid in storage_scu or (STORAGE_SOP_CLASSES if any(
            isinstance(p, StoringGet) for p in providers) else ()):
        ae.add_supported(uid, None, scu_role=True, scp_role=False)
    return ae


@contextlib.asynccontextmanager
async def serving(ae: ApplicationEntity) -> AsyncIterator[tuple[str, int]]:
    """``ae`` serving on a free loopback port for the block."""
    async with anyio.create_task_group() as tg:
        addr = await tg.start(ae.serve, "127.0.0.1", 0)
        yield addr
        tg.cancel_scope.cancel()
