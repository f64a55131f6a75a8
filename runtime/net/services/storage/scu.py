"""The Storage SCU (PS3.4 B.2): :func:`store_on` sends data sets over an open association,
:class:`StorageSCU` batches sources over as few associations as allowed.

A native data set goes in its own syntax when accepted, else re-encoded in a native syntax the
peer accepted; a compressed one in its own syntax when accepted, else decompressed into a
native syntax, or transcoded into another lossless syntax the peer accepted
(:mod:`dicomkit.pixels.transcode`).  A file whose own encoding was accepted is sent as stored.
Files are read in worker threads (nothing blocks the event loop).
"""

from __future__ import annotations

import itertools
import os
import ssl
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

import anyio

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.net import loop
from dicomkit.net.acse import PresentationContext
from dicomkit.net.association import Association
from dicomkit.net.client import associate
from dicomkit.net.dimse import DimseError, Priority, c_store_rq, classify_status, status_text
from dicomkit.net.dimse_provider import DimseProvider
from dicomkit.net.errors import NetworkError
from dicomkit.net.services.storage.filemeta import read_data_set
from dicomkit.net.services.storage.negotiation import (
    MAX_CONTEXTS,
    TranscodeError,
    choose,
    contexts_for,
    is_native,
    syntax_of,
    uid_name,
)
from dicomkit.net.ul import Timeouts

__all__ = ["FROM_META", "Item", "StorageSCU", "StoreResult", "indexed_item", "store_on"]

_PIXEL_TAGS = (tags.PixelData, tags.FloatPixelData, tags.DoubleFloatPixelData)
#: Sources whose headers are read in one worker-thread call when batching.
_PREPARE_AHEAD = 32


def _tag(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover - the dictionary has every keyword used here
        raise KeyError(keyword)
    return tag


#: SOP Class UID and SOP Instance UID: what batching a file needs of its data set (PS3.4 B.2)
_IDENTITY_TAGS = (_tag("SOPClassUID"), _tag("SOPInstanceUID"))


@dataclass(frozen=True)
class StoreResult:
    """The outcome of one C-STORE.

    ``category`` is the status class (success, warning, failure, ...), ``"error"`` when the
    file could not be sent (unreadable, no acceptable context, association lost) and
    ``"skipped"`` when fail-fast stopped before it.  ``bytes`` counts the data set bytes sent.
    """

    source: str
    sop_class_uid: str
    sop_instance_uid: str
    status: int | None
    category: str
    bytes: int = 0
    transfer_syntax: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        """True for success and warning statuses (the peer stored the instance)."""
        return self.category in ("success", "warning")


@dataclass
class Item:
    """A source prepared for sending."""

    source: str
    dataset: Dataset | None
    sop_class: str = ""
    sop_instance: str = ""
    transfer_syntax: str = ""
    #: where the data set starts in a cleanly read Part 10 file: sent as stored when the
    #: peer accepts the file's own transfer syntax; -1 when it must be re-encoded;
    #: :data:`FROM_META` when it is found from the file meta as the file is sent
    data_offset: int = -1


#: :attr:`Item.data_offset` of a file whose identity is known without reading it (an
#: archive's index): its data set starts where its File Meta Information Group Length says
#: (PS3.10 7.1), found when it is sent; a file whose meta does not say is read in full.
FROM_META = -2


def indexed_item(path: str | os.PathLike[str], sop_class: str, sop_instance: str,
                 transfer_syntax: str) -> Item:
    """An :class:`Item` for a Part 10 file whose SOP Class UID, SOP Instance UID and transfer
    syntax are known (an archive's index, which read and checked the file when it was stored):
    nothing is read before it is sent, and its data set is sent as stored when the peer
    accepted its transfer syntax (:data:`FROM_META`)."""
    return Item(os.fspath(path), None, sop_class, sop_instance, transfer_syntax, FROM_META)


def _uid(ds: Dataset, tag: int, meta_tag: int) -> str:
    el = ds.get(tag)
    if el is None and ds.file_meta is not None:
        el = ds.file_meta.get(meta_tag)
    value = None if el is None else el.value
    if isinstance(value, bytes):  # an UN element (e.g. written implicit, read explicit)
        value = value.decode("ascii", "replace")
    return "" if value is None else str(value).strip("\x00 ")


def load(source: str | os.PathLike[str] | Dataset) -> Item:
    """What sending ``source`` needs: its SOP class and instance, syntax, data offset.

    Raises
    ------
    DicomError
        Unreadable, or without SOP Class UID / SOP Instance UID.
    """
    from dicomkit.io.reader import read

    if isinstance(source, Dataset):
        ds = source
        name = ds.filename or f"<dataset {_uid(ds, tags.SOPInstanceUID, tags.MediaStorageSOPInstanceUID)}>"
    else:
        name = os.fspath(source)
        # the header walk checks the structure up to the pixels, but only the SOP class
        # and instance are made into elements (the whole file is read when sent)
        ds = read(name, stop_before_pixels=True, specific_tags=_IDENTITY_TAGS)
    clean = not isinstance(source, Dataset) and not ds.warnings and ds.file_meta is not None
    item = Item(name, ds if isinstance(source, Dataset) else None,
                _uid(ds, tags.SOPClassUID, tags.MediaStorageSOPClassUID),
                _uid(ds, tags.SOPInstanceUID, tags.MediaStorageSOPInstanceUID),
                syntax_of(ds), ds.data_offset if clean else -1)
    if not item.sop_class or not item.sop_instance:
        raise DicomError(f"{name}: no SOP Class UID (0008,0016) or SOP Instance UID "
                         "(0008,0018); it cannot be stored (PS3.4 B.2)")
    return item


def _name(source: str | os.PathLike[str] | Dataset | Item) -> str:
    if isinstance(source, Item):
        return source.source
    if isinstance(source, Dataset):
        return source.filename or "<dataset>"
    return os.fspath(source)


def _error(item: Item, text: str) -> StoreResult:
    return StoreResult(item.source, item.sop_class, item.sop_instance, None, "error",
                       transfer_syntax=item.transfer_syntax, error=text)


def _read_from(path: str, offset: int) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(offset)
        return fh.read()


def _encode(item: Item, assoc: Association) -> tuple[int, str, bytes] | StoreResult:
    """(context ID, transfer syntax, data set bytes) to send ``item``, or the error result.
    Runs in a worker thread (reads, transcodes, encodes)."""
    from dicomkit.io.reader import read
    from dicomkit.io.writer import WriteError, encode_dataset

    contexts = list(assoc.contexts.values())
    own = [c for c in contexts if c.abstract_syntax == item.sop_class
           and c.result == 0 and c.transfer_syntax == item.transfer_syntax]
    syntax = TRANSFER_SYNTAXES.get(item.transfer_syntax)
    as_stored = own and syntax is not None and not syntax.deflated
    if item.data_offset == FROM_META:
        item.data_offset = -1
        if as_stored:
            try:
                data = read_data_set(item.source)
            except OSError as exc:
                return _error(item, f"cannot read: {exc}")
            if data is not None:
                return own[0].id, own[0].transfer_syntax, data
    if item.data_offset >= 0 and as_stored:
        # the file's own encoding was accepted: send its data set bytes as stored (deflated
        # streams are re-encoded: some files' streams end unaligned and peers refuse them)
        try:
            return own[0].id, own[0].transfer_syntax, _read_from(item.source, item.data_offset)
        except OSError as exc:
            return _error(item, f"cannot read: {exc}")
    try:
        if item.dataset is None:
            item.dataset = read(item.source)
    except DicomError as exc:  # the file changed or vanished since it was batched
        return _error(item, f"cannot read: {exc}")
    try:
        ctx = choose(contexts, item.sop_class, item.transfer_syntax, item.source)
    except (DimseError, TranscodeError) as exc:
        return _error(item, str(exc))
    dataset = item.dataset
    if ctx.transfer_syntax != item.transfer_syntax and any(t in dataset for t in _PIXEL_TAGS) \
            and (not is_native(item.transfer_syntax) or not is_native(ctx.transfer_syntax)):
        from dicomkit.pixels.transcode import transcode

        try:  # lossless targets only (choose): pixel values unchanged, same instance
            dataset = transcode(dataset, ctx.transfer_syntax)
        except DicomError as exc:
            return _error(item, f"{item.source}: cannot convert from "
                                f"{uid_name(item.transfer_syntax)} to "
                                f"{uid_name(ctx.transfer_syntax)}: {exc}")
    try:
        return ctx.id, ctx.transfer_syntax, encode_dataset(dataset, ctx.transfer_syntax)
    except WriteError as exc:
        return _error(item, f"{item.source}: cannot encode in "
                            f"{uid_name(ctx.transfer_syntax)}: {exc}")


async def store_item(dimse: DimseProvider, item: Item, *, priority: int = Priority.MEDIUM,
                     move_originator: tuple[str, int] | None = None) -> StoreResult:
    """C-STORE one prepared item through ``dimse`` (PS3.4 B.2); its result.

    Raises
    ------
    NetworkError
        When the association ends before the response.
    """
    prepared = await anyio.to_thread.run_sync(_encode, item, dimse.association)
    return await _send_prepared(dimse, item, prepared, priority, move_originator)


Prepared = tuple[int, str, bytes] | StoreResult


async def _send_prepared(dimse: DimseProvider, item: Item, prepared: Prepared, priority: int,
                         move_originator: tuple[str, int] | None) -> StoreResult:
    if isinstance(prepared, StoreResult):
        return prepared
    context_id, transfer_syntax, data = prepared
    request = c_store_rq(dimse.next_message_id(), item.sop_class, item.sop_instance, priority,
                         move_originator=move_originator)
    rsp = await dimse.request_one(context_id, request, data)
    if rsp.message.name != "C-STORE-RSP":
        raise DimseError(f"expected a C-STORE-RSP, got {rsp.message!r}",
                         message_name=rsp.message.name, received=True)
    status = rsp.status
    try:
        category = classify_status(status)
    except DimseError:
        category = "failure"
    comment = rsp.message.get("ErrorComment")
    return StoreResult(item.source, item.sop_class, item.sop_instance, status, category,
                       len(data), transfer_syntax,
                       "" if category == "success" else
                       status_text(status) + (f": {comment}" if comment else ""))


#: What one worker-thread hop of the read-ahead prepares at most: files, and bytes (at least
#: one file).  One hop per file costs more than reading a small file sent as stored.
AHEAD_FILES = 16
AHEAD_BYTES = 8 << 20


class _Ahead:
    """The next sources read (and encoded) in one worker-thread call while the previous ones
    are sent: from ``sources[start]`` on, up to :data:`AHEAD_FILES` files or
    :data:`AHEAD_BYTES` bytes, and just one when ``first`` (so that sending starts at once)."""

    def __init__(self, sources: Sequence[Item | str | os.PathLike[str] | Dataset], start: int,
                 association: Association, *, first: bool = False) -> None:
        self.sources = sources
        self.start = start
        self.association = association
        self.most = 1 if first else AHEAD_FILES
        self.done = anyio.Event()
        self.results: list[tuple[Item | None, Prepared]] = []

    def _one(self, source: Item | str | os.PathLike[str] | Dataset
             ) -> tuple[Item | None, Prepared]:
        if isinstance(source, Item):
            item = source
        else:
            try:
                item = load(source)
            except DicomError as exc:
                return None, StoreResult(_name(source), "", "", None, "error", error=str(exc))
        return item, _encode(item, self.association)

    def _work(self) -> list[tuple[Item | None, Prepared]]:
        out: list[tuple[Item | None, Prepared]] = []
        size = 0
        index = self.start
        while index < len(self.sources) and len(out) < self.most and size < AHEAD_BYTES:
            item, prepared = self._one(self.sources[index])
            out.append((item, prepared))
            if isinstance(prepared, tuple):
                size += len(prepared[2])
            index += 1
        return out

    @property
    def end(self) -> int:
        """The index after the last source this read-ahead prepared."""
        return self.start + len(self.results)

    async def run(self) -> None:
        try:
            self.results = await anyio.to_thread.run_sync(self._work)
        finally:
            self.done.set()


async def _pipeline(dimse: DimseProvider, sources: Sequence[Item | str | os.PathLike[str] | Dataset],
                    record: Callable[[StoreResult], Awaitable[None]],
                    stopped: Callable[[], bool],
                    priority: int, move_originator: tuple[str, int] | None
                    ) -> tuple[int, Exception | None]:
    """C-STORE ``sources`` in order, reading the next ones while the current ones are sent;
    (sources done, the exception that stopped it or None)."""
    done = 0
    error: Exception | None = None
    if not sources:
        return 0, None
    async with anyio.create_task_group() as tg:
        ahead = _Ahead(sources, 0, dimse.association, first=True)
        tg.start_soon(ahead.run)
        try:
            while True:
                await ahead.done.wait()
                current = ahead
                if not current.results:
                    break  # (the worker failed: its exception ends the task group)
                if current.end < len(sources):
                    ahead = _Ahead(sources, current.end, dimse.association)
                    tg.start_soon(ahead.run)
                for item, prepared in current.results:
                    if stopped():
                        tg.cancel_scope.cancel()
                        return done, None
                    if item is None:  # unreadable source
                        assert isinstance(prepared, StoreResult)
                        await record(prepared)
                    else:
                        await record(await _send_prepared(dimse, item, prepared, priority,
                                                          move_originator))
                    done += 1
                if current.end >= len(sources):
                    break
        except Exception as exc:  # raised after the group (not wrapped in an ExceptionGroup)
            error = exc
    return done, error


Source = str | os.PathLike[str] | Dataset | Item


async def store_on(association: Association, sources: Iterable[Source], *,
                   move_originator: tuple[str, int] | None = None,
                   priority: int = Priority.MEDIUM,
                   continue_on_error: bool = True,
                   progress: Callable[[StoreResult, int, int], None] | None = None,
                   on_result: Callable[[StoreResult], Awaitable[None]] | None = None,
                   stop: Callable[[], bool] | None = None) -> list[StoreResult]:
    """C-STORE every source over an established association; one result each, in order.

    The next files are read (in a worker thread, a few per call) while the current one is
    sent.  For a C-MOVE or C-GET SCP sending its sub-operations: ``move_originator`` is the
    (AE title, Message ID) of the C-MOVE-RQ (PS3.7 9.1.1, Move Originator Application Entity
    Title and Message ID); sources may be :func:`indexed_item` s (nothing read before they
    are sent); ``on_result`` is awaited after each C-STORE (a Pending response with the
    counts, PS3.4 C.4.2.3.1) and ``stop`` asked before each (a C-CANCEL, C.4.2.3.2): once it
    says True the rest are ``"skipped"`` results.  Sources whose SOP class the association
    did not accept are error results.  A source may be the :class:`Item` :func:`load` made
    of a file (it is not read again).  The association's DIMSE provider is used (one is run
    for the call when none reads it); it stays open.
    """
    todo = list(sources)
    if association.dimse is None:
        async with DimseProvider(association) as dimse:
            return await _store_all(dimse, todo, move_originator, priority,
                                    continue_on_error, progress, on_result, stop)
    return await _store_all(association.dimse, todo, move_originator, priority,
                            continue_on_error, progress, on_result, stop)


async def _store_all(dimse: DimseProvider, sources: list[Source],
                     move_originator: tuple[str, int] | None, priority: int,
                     continue_on_error: bool,
                     progress: Callable[[StoreResult, int, int], None] | None,
                     on_result: Callable[[StoreResult], Awaitable[None]] | None = None,
                     stop: Callable[[], bool] | None = None) -> list[StoreResult]:
    results: list[StoreResult] = []
    failed = [False]

    async def record(result: StoreResult) -> None:
        results.append(result)
        if not result.ok and not continue_on_error:
            failed[0] = True
        if progress is not None:
            progress(result, len(results), len(sources))
        if on_result is not None:
            await on_result(result)

    def stopped() -> bool:
        return failed[0] or (stop is not None and stop())

    _, error = await _pipeline(dimse, sources, record, stopped, priority, move_originator)
    if error is not None:
        raise error
    why = "not sent: an earlier file failed (fail-fast)" if failed[0] else "not sent: stopped"
    for source in sources[len(results):]:
        result = (StoreResult(source.source, source.sop_class, source.sop_instance, None,
                              "skipped", error=why) if isinstance(source, Item) else
                  StoreResult(_name(source), "", "", None, "skipped", error=why))
        results.append(result)
        if progress is not None:
            progress(result, len(results), len(sources))
    return results


Connect = Callable[[Sequence[PresentationContext]], Awaitable[Association]]
Progress = Callable[[StoreResult, int, int], None]


class StorageSCU:
    """Send data sets with C-STORE (PS3.4 B.2), over as few associations as allowed.

    Parameters
    ----------
    host, port, called_ae, calling_ae, timeouts, ssl_context, max_pdu
        Where and how to associate (:func:`dicomkit.net.associate`).
    max_operations
        At most this many C-STOREs per association; the next ones go over a new association.
    continue_on_error
        Keep going after a failed file (default); False stops at the first failure (fail-fast)
        and reports the rest as skipped.
    progress
        Called after each file with (result, files done, files in total).
    priority
        Priority (0000,0700) of the requests.
    connect
        Makes the association for a list of contexts (default: :func:`associate` with the
        parameters above); tests and proxies pass their own.
    before_send
        Called with each source (path or data set) before it is batched; a
        :class:`~dicomkit.DicomError` it raises makes that source an error result and it is not
        sent, e.g. ``before_send=dicomkit.validate.require_valid`` sends only files without
        validation errors.
    """

    def __init__(self, host: str = "", port: int = 0, *, called_ae: str = "ANY-SCP",
                 calling_ae: str = "DICOMKIT", timeouts: Timeouts | None = None,
                 ssl_context: ssl.SSLContext | None = None, max_pdu: int | None = None,
                 max_operations: int | None = None, continue_on_error: bool = True,
                 progress: Progress | None = None, priority: int = Priority.MEDIUM,
                 connect: Connect | None = None,
                 before_send: Callable[[str | os.PathLike[str] | Dataset], None] | None = None
                 ) -> None:
        if max_operations is not None and max_operations < 1:
            raise ValueError("max_operations must be at least 1")
        self.host, self.port = host, port
        self.called_ae, self.calling_ae = called_ae, calling_ae
        self.timeouts = timeouts or Timeouts()
        self.ssl_context = ssl_context
        self.max_pdu = max_pdu
        self.max_operations = max_operations
        self.continue_on_error = continue_on_error
        self.progress = progress
        self.priority = priority
        self._connect = connect or self._associate
        self.before_send = before_send
        self.associations = 0

    async def _associate(self, contexts: Sequence[PresentationContext]) -> Association:
        if self.max_pdu is None:
            return await associate(self.host, self.port, called_ae=self.called_ae,
                                   calling_ae=self.calling_ae, contexts=contexts,
                                   ssl_context=self.ssl_context, timeouts=self.timeouts)
        return await associate(self.host, self.port, called_ae=self.called_ae,
                               calling_ae=self.calling_ae, contexts=contexts,
                               max_pdu=self.max_pdu, ssl_context=self.ssl_context,
                               timeouts=self.timeouts)

    #: kept for callers of the former class methods
    contexts_for = staticmethod(contexts_for)
    load = staticmethod(load)

    def _prepare(self, source: str | os.PathLike[str] | Dataset) -> Item:
        item = load(source)
        if self.before_send is not None:
            self.before_send(source)
        return item

    def _prepare_many(self, sources: list[str | os.PathLike[str] | Dataset]
                      ) -> list[Item | DicomError]:
        out: list[Item | DicomError] = []
        for source in sources:
            try:
                out.append(self._prepare(source))
            except DicomError as exc:
                out.append(exc)
        return out

    async def store(self, sources: Iterable[str | os.PathLike[str] | Dataset]
                    ) -> list[StoreResult]:
        """Store every source (paths or data sets); one :class:`StoreResult` each, in order."""
        pending = deque(sources)
        total = len(pending)
        results: list[StoreResult] = []
        stopped = False

        def record(result: StoreResult) -> None:
            nonlocal stopped
            results.append(result)
            if self.progress is not None:
                self.progress(result, len(results), total)
            if not result.ok and result.category != "skipped" and not self.continue_on_error:
                stopped = True

        prepared: deque[Item | DicomError] = deque()  # for the first sources of pending
        while pending and not stopped:
            batch: list[Item] = []
            limit = self.max_operations or total
            pairs: list[tuple[str, str]] = []
            while pending and len(batch) < limit and not stopped:
                if not prepared:  # read headers in a worker thread, a few files per call
                    prepared.extend(await anyio.to_thread.run_sync(
                        self._prepare_many, list(itertools.islice(pending, _PREPARE_AHEAD))))
                source = pending[0]
                outcome = prepared[0]
                if isinstance(outcome, DicomError):
                    if batch:  # keep results in order: send what is batched first
                        break
                    pending.popleft()
                    prepared.popleft()
                    record(StoreResult(_name(source), "", "", None, "error",
                                       error=str(outcome)))
                    continue
                trial = pairs + [(outcome.sop_class, outcome.transfer_syntax)]
                if len(contexts_for(trial)) > MAX_CONTEXTS and batch:
                    break
                pending.popleft()
                prepared.popleft()
                pairs = trial
                batch.append(outcome)
            if batch:
                await self._send_batch(batch, pending, record, lambda: stopped)
                prepared.clear()  # pending may have changed (re-association)
        while pending:
            source = pending.popleft()
            record(StoreResult(_name(source), "", "", None, "skipped",
                               error="not sent: an earlier file failed (fail-fast)"))
        return results

    async def _send_batch(self, batch: list[Item],
                          pending: deque[str | os.PathLike[str] | Dataset],
                          record: Callable[[StoreResult], None],
                          stopped: Callable[[], bool]) -> None:
        contexts = contexts_for([(i.sop_class, i.transfer_syntax) for i in batch])
        try:
            assoc = await self._connect(contexts)
        except NetworkError as exc:
            for item in batch:
                record(_error(item, f"no association: {exc}"))
            return
        self.associations += 1
        done = 0
        try:
            async def recorded(result: StoreResult) -> None:
                record(result)

            async with DimseProvider(assoc) as dimse:
                done, error = await _pipeline(dimse, batch, recorded, stopped, self.priority,
                                              None)
                for item in batch[:done]:
                    item.dataset = None  # free it
                if isinstance(error, NetworkError):
                    record(_error(batch[done], f"association lost: {error}"))
                    done += 1
                    for item in reversed(batch[done:]):  # re-associate for the rest
                        pending.appendleft(item.dataset if item.dataset is not None
                                           else item.source)
                    await assoc.abort()
                    return
                if error is not None:
                    raise error
                for item in reversed(batch[done:]):  # fail-fast stopped: reported as skipped
                    pending.appendleft(item.source)
                await assoc.release()
        except BaseException:
            with anyio.CancelScope(shield=True):
                await assoc.abort()
            raise

    def store_blocking(self, sources: Iterable[str | os.PathLike[str] | Dataset]
                       ) -> list[StoreResult]:
        """:meth:`store` for scripts (runs its own event loop, :mod:`dicomkit.net.loop`)."""
        return loop.run(self.store, list(sources))
