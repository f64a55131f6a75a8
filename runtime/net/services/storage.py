"""The Storage service class (PS3.4 Annex B): C-STORE as SCU (batches) and SCP (to disk).

:class:`StorageSCU` sends files or data sets over as few associations as allowed, proposing every
presentation context the batch needs (PS3.4 B.3.1): one per SOP class and transfer syntax in
use, native ones with explicit and implicit VR little endian as alternatives.  A native data set
goes in its own syntax when accepted, else re-encoded in a native syntax the peer accepted; a
compressed one in its own syntax when accepted, else decompressed into a native syntax, or
transcoded into another lossless syntax the peer accepted (:mod:`dicomkit.pixels.transcode`).

:class:`StorageSCP` runs a :class:`StorageHandler` per association; :class:`FolderStorage`, the
default, streams each data set to a temporary file and renames it to
``<root>/<PatientID>/<StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm`` when it is
complete, so nothing half written survives an abort.
"""

from __future__ import annotations

import io
import os
import re
import ssl
import struct
import tempfile
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import anyio
from anyio.abc import TaskStatus

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import uids
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.generated.service_statuses import status_code
from dicomkit.generated.statuses import STATUSES
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.vrs import LONG_LENGTH_VRS
from dicomkit.net.association import (
    AcceptedContext,
    AcceptPolicy,
    Association,
    IncomingMessage,
    PresentationContext,
    Timeouts,
    associate,
    serve,
)
from dicomkit.net.dimse import (
    DimseError,
    DimseMessage,
    MessageIDs,
    Priority,
    c_store_rq,
    c_store_rsp,
    classify_status,
    drain,
    receive,
    send,
    status_text,
)
from dicomkit.net.errors import AssociationAborted, AssociationReleased, NetworkError
from dicomkit.net.services.verification import answer_echo

__all__ = [
    "CANNOT_UNDERSTAND", "FolderStorage", "OUT_OF_RESOURCES", "StorageHandler", "StorageSCP",
    "StorageSCU", "StoreRefused", "StoreResult", "TranscodeError", "UNRECOGNIZED_OPERATION",
]

#: C-STORE statuses of the Storage service class, generated from PS3.4 Table B.2-1: Refused:
#: Out of Resources (A7xx) and Error: Cannot understand (Cxxx), the first code of each range.
OUT_OF_RESOURCES = status_code("B.2-1", "Refused: Out of resources")
CANNOT_UNDERSTAND = status_code("B.2-1", "Error: Cannot understand")
#: Unrecognized operation (PS3.7 C.5.23), for requests this SCP does not serve.
UNRECOGNIZED_OPERATION = next(code for code, entry in STATUSES.items()
                              if entry[0] == "Unrecognized operation")

_NATIVE_FALLBACK = (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)
#: at most 128 presentation contexts per association (odd IDs 1-255, PS3.8 9.3.2.2)
_MAX_CONTEXTS = 128
_PIXEL_TAGS = (0x7FE00010, 0x7FE00008, 0x7FE00009)


def _tag(keyword: str) -> int:
    """The tag of ``keyword`` from the generated data dictionary (PS3.6)."""
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover - the dictionary has every keyword used here
        raise KeyError(keyword)
    return tag


#: SOP Class UID and SOP Instance UID: what batching a file needs of its data set (PS3.4 B.2)
_IDENTITY_TAGS = (_tag("SOPClassUID"), _tag("SOPInstanceUID"))


def _has_pixels(ds: Dataset) -> bool:
    return any(tag in ds for tag in _PIXEL_TAGS)


class TranscodeError(DicomError):
    """A data set the peer accepts only in a transfer syntax it cannot be converted to here."""


class StoreRefused(DicomError):
    """Raised by a :class:`StorageHandler` to answer a C-STORE with ``status`` (PS3.4 B.2.3)."""

    def __init__(self, status: int, comment: str) -> None:
        self.status = status
        self.comment = comment
        super().__init__(f"{status_text(status)}: {comment}")


# ============================================================================ SCU

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
class _Item:
    source: str
    dataset: Dataset | None
    sop_class: str = ""
    sop_instance: str = ""
    transfer_syntax: str = ""
    #: where the data set starts in a cleanly read Part 10 file: sent as stored when the
    #: peer accepts the file's own transfer syntax; -1 when it must be re-encoded
    data_offset: int = -1


def _is_native(ts: str) -> bool:
    syntax = TRANSFER_SYNTAXES.get(ts)
    return syntax is not None and not syntax.encapsulated


def _syntax_of(ds: Dataset) -> str:
    if ds.file_meta is not None:
        el = ds.file_meta.get(0x00020010)
        if el is not None and el.value:
            return str(el.value).strip("\x00 ")
    return ds.read_transfer_syntax or uids.ExplicitVRLittleEndian


def _uid(ds: Dataset, tag: int, meta_tag: int) -> str:
    el = ds.get(tag)
    if el is None and ds.file_meta is not None:
        el = ds.file_meta.get(meta_tag)
    value = None if el is None else el.value
    if isinstance(value, bytes):  # an UN element (e.g. written implicit, read explicit)
        value = value.decode("ascii", "replace")
    return "" if value is None else str(value).strip("\x00 ")


Connect = Callable[[Sequence[PresentationContext]], Awaitable[Association]]
Progress = Callable[[StoreResult, int, int], None]


class StorageSCU:
    """Send data sets with C-STORE (PS3.4 B.2).

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

    # -- preparing ----------------------------------------------------------------------
    @staticmethod
    def _load(source: str | os.PathLike[str] | Dataset) -> _Item:
        from dicomkit.io.reader import read

        if isinstance(source, Dataset):
            ds = source
            name = ds.filename or f"<dataset {_uid(ds, 0x00080018, 0x00020003)}>"
        else:
            name = os.fspath(source)
            # the header walk checks the structure up to the pixels, but only the SOP class
            # and instance are made into elements (the whole file is read when sent)
            ds = read(name, stop_before_pixels=True, specific_tags=_IDENTITY_TAGS)
        clean = not isinstance(source, Dataset) and not ds.warnings and ds.file_meta is not None
        item = _Item(name, ds if isinstance(source, Dataset) else None,
                     _uid(ds, 0x00080016, 0x00020002), _uid(ds, 0x00080018, 0x00020003),
                     _syntax_of(ds), ds.data_offset if clean else -1)
        if not item.sop_class or not item.sop_instance:
            raise DicomError(f"{name}: no SOP Class UID (0008,0016) or SOP Instance UID "
                             "(0008,0018); it cannot be stored (PS3.4 B.2)")
        return item

    @staticmethod
    def contexts_for(items: Sequence[tuple[str, str]]) -> list[PresentationContext]:
        """The presentation contexts to propose for (SOP class, transfer syntax) pairs.

        One context per (SOP class, transfer syntax) in use, proposing that syntax first, then,
        for native syntaxes, explicit and implicit VR little endian (so the peer may take a
        native data set in either); a compressed syntax is proposed alone, with a second
        context of the native syntaxes for the SOP class, in which the data set is sent
        decompressed when the peer refuses the compressed one (PS3.4 B.3.1).
        """
        out: list[PresentationContext] = []
        seen: set[tuple[str, str]] = set()
        for sop_class, ts in items:
            if (sop_class, ts) in seen:
                continue
            seen.add((sop_class, ts))
            syntaxes = [ts] if ts in TRANSFER_SYNTAXES else []
            if _is_native(ts) or ts not in TRANSFER_SYNTAXES:
                syntaxes += [t for t in _NATIVE_FALLBACK if t != ts]
            if any(pc.abstract_syntax == sop_class and pc.transfer_syntaxes == tuple(syntaxes)
                   for pc in out):
                continue  # an explicit/implicit file whose context is already proposed
            out.append(PresentationContext(2 * len(out) + 1, sop_class, tuple(syntaxes)))
            if not _is_native(ts) and not any(
                    pc.abstract_syntax == sop_class and uids.ExplicitVRLittleEndian
                    in pc.transfer_syntaxes for pc in out):
                # a compressed data set can still go decompressed (transcoded) if the peer
                # refuses its own syntax
                out.append(PresentationContext(2 * len(out) + 1, sop_class, _NATIVE_FALLBACK))
        return out

    @staticmethod
    def choose(assoc: Association, item: _Item) -> AcceptedContext:
        """The accepted context to send ``item`` on: its own syntax first, then a native one
        (a compressed data set is then decompressed), then another compressed syntax a codec
        can encode losslessly (the data set is transcoded, its pixel values unchanged).

        Raises
        ------
        TranscodeError
            When the peer accepted the SOP class only in syntaxes the data set cannot be
            converted to losslessly here.
        DimseError
            When the peer accepted no context for the SOP class.
        """
        accepted = [c for c in assoc.contexts.values()
                    if c.abstract_syntax == item.sop_class and c.result == 0]
        for ctx in accepted:
            if ctx.transfer_syntax == item.transfer_syntax:
                return ctx
        if not accepted:
            raise DimseError(f"the peer accepted no presentation context for SOP class "
                             f"{item.sop_class} ({_uid_name(item.sop_class)})",
                             message_name="C-STORE-RQ")
        for ctx in accepted:
            if _is_native(ctx.transfer_syntax):
                return ctx
        from dicomkit.codecs import can_encode

        for ctx in accepted:
            syntax = TRANSFER_SYNTAXES.get(ctx.transfer_syntax)
            if syntax is not None and syntax.lossless is True and can_encode(ctx.transfer_syntax):
                return ctx
        offered = ", ".join(_uid_name(c.transfer_syntax) for c in accepted)
        raise TranscodeError(f"{item.source}: the peer accepts {_uid_name(item.sop_class)} only "
                             f"in {offered}; none of them is native or a lossless syntax "
                             f"dicomkit can encode, so {_uid_name(item.transfer_syntax)} cannot "
                             "be converted for it")

    # -- storing ------------------------------------------------------------------------
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

        while pending and not stopped:
            batch: list[_Item] = []
            limit = self.max_operations or total
            pairs: list[tuple[str, str]] = []
            while pending and len(batch) < limit and not stopped:
                source = pending[0]
                try:
                    item = self._load(source)
                    if self.before_send is not None:
                        self.before_send(source)
                except DicomError as exc:
                    pending.popleft()
                    if batch:  # keep results in order: send what is batched first
                        pending.appendleft(source)
                        break
                    record(StoreResult(_name(source), "", "", None, "error", error=str(exc)))
                    continue
                trial = pairs + [(item.sop_class, item.transfer_syntax)]
                if len(self.contexts_for(trial)) > _MAX_CONTEXTS and batch:
                    break
                pending.popleft()
                pairs = trial
                batch.append(item)
            if batch:
                await self._send_batch(batch, pending, record, lambda: stopped)
        while pending:
            source = pending.popleft()
            record(StoreResult(_name(source), "", "", None, "skipped",
                               error="not sent: an earlier file failed (fail-fast)"))
        return results

    async def _send_batch(self, batch: list[_Item], pending: deque[str | os.PathLike[str] | Dataset],
                          record: Callable[[StoreResult], None],
                          stopped: Callable[[], bool]) -> None:
        contexts = self.contexts_for([(i.sop_class, i.transfer_syntax) for i in batch])
        try:
            assoc = await self._connect(contexts)
        except NetworkError as exc:
            for item in batch:
                record(self._error(item, f"no association: {exc}"))
            return
        self.associations += 1
        ids = MessageIDs()
        done = 0
        try:
            for item in batch:
                if stopped():
                    break
                record(await self._store_one(assoc, item, ids))
                done += 1
                item.dataset = None  # free it
        except NetworkError as exc:
            record(self._error(batch[done], f"association lost: {exc}"))
            done += 1
            for item in reversed(batch[done:]):  # re-associate for the rest
                pending.appendleft(item.dataset if item.dataset is not None else item.source)
            await assoc.abort()
            return
        except BaseException:
            await assoc.abort()
            raise
        for item in reversed(batch[done:]):  # fail-fast stopped: reported as skipped
            pending.appendleft(item.source)
        await assoc.release()

    def _error(self, item: _Item, text: str) -> StoreResult:
        return StoreResult(item.source, item.sop_class, item.sop_instance, None, "error",
                           transfer_syntax=item.transfer_syntax, error=text)

    async def _store_one(self, assoc: Association, item: _Item, ids: MessageIDs) -> StoreResult:
        from dicomkit.io.reader import read
        from dicomkit.io.writer import WriteError, encode_dataset

        own = [c for c in assoc.contexts.values() if c.abstract_syntax == item.sop_class
               and c.result == 0 and c.transfer_syntax == item.transfer_syntax]
        syntax = TRANSFER_SYNTAXES.get(item.transfer_syntax)
        if item.data_offset >= 0 and own and syntax is not None and not syntax.deflated:
            # the file's own encoding was accepted: send its data set bytes as stored,
            # without decoding and re-encoding them (deflated streams are re-encoded: some
            # files' streams end unaligned and peers such as dcmtk refuse them)
            ctx = own[0]
            try:
                with open(item.source, "rb") as fh:
                    fh.seek(item.data_offset)
                    data = fh.read()
            except OSError as exc:
                return self._error(item, f"cannot read: {exc}")
        else:
            try:
                if item.dataset is None:
                    item.dataset = read(item.source)
            except DicomError as exc:  # the file changed or vanished since it was batched
                return self._error(item, f"cannot read: {exc}")
            try:
                ctx = self.choose(assoc, item)
            except (DimseError, TranscodeError) as exc:
                return self._error(item, str(exc))
            dataset = item.dataset
            if ctx.transfer_syntax != item.transfer_syntax and _has_pixels(dataset) and (
                    not _is_native(item.transfer_syntax) or not _is_native(ctx.transfer_syntax)):
                from dicomkit.pixels.transcode import transcode

                try:  # lossless targets only (choose): pixel values unchanged, same instance
                    dataset = transcode(dataset, ctx.transfer_syntax)
                except DicomError as exc:
                    return self._error(item, f"{item.source}: cannot convert from "
                                             f"{_uid_name(item.transfer_syntax)} to "
                                             f"{_uid_name(ctx.transfer_syntax)}: {exc}")
            try:
                data = encode_dataset(dataset, ctx.transfer_syntax)
            except WriteError as exc:
                return self._error(item, f"{item.source}: cannot encode in "
                                         f"{_uid_name(ctx.transfer_syntax)}: {exc}")
        message_id = ids.next()
        request = c_store_rq(message_id, item.sop_class, item.sop_instance, self.priority)
        await send(assoc, ctx.id, request, data)
        rsp, incoming = await receive(assoc)
        if rsp.name != "C-STORE-RSP" or rsp.message_id_being_responded_to != message_id:
            await drain(incoming)
            raise DimseError(f"expected the C-STORE-RSP to message {message_id}, got {rsp!r}",
                             message_name=rsp.name, received=True)
        status = rsp.status
        assert status is not None
        try:
            category = classify_status(status)
        except DimseError:
            category = "failure"
        comment = rsp.get("ErrorComment")
        return StoreResult(item.source, item.sop_class, item.sop_instance, status, category,
                           len(data), ctx.transfer_syntax,
                           "" if category == "success" else
                           status_text(status) + (f": {comment}" if comment else ""))

    def store_blocking(self, sources: Iterable[str | os.PathLike[str] | Dataset]
                       ) -> list[StoreResult]:
        """:meth:`store` for scripts (runs its own event loop)."""
        return anyio.run(self.store, list(sources))


def _name(source: str | os.PathLike[str] | Dataset) -> str:
    if isinstance(source, Dataset):
        return source.filename or "<dataset>"
    return os.fspath(source)


def _uid_name(uid: str) -> str:
    entry = uids.UIDS.get(uid)
    return f"{entry[0]} ({uid})" if entry else uid


# ============================================================================ SCP

class StorageHandler:
    """What a :class:`StorageSCP` asks its application (override what you need).

    ``accept_association`` -> False aborts the association; ``will_receive`` may answer a
    C-STORE-RQ before its data set is read (a status, or None to receive it); ``receive``
    consumes the data set stream and returns what ``did_receive`` gets (this base class: the
    parsed :class:`Dataset`); ``did_receive`` returns the status to answer.
    """

    def accept_association(self, assoc: Association) -> bool:
        """Whether to serve this association (False: it is aborted)."""
        return True

    def will_receive(self, command: DimseMessage) -> int | None:
        """A status to answer without receiving the data set, or None to receive it."""
        return None

    async def receive(self, command: DimseMessage, context: AcceptedContext,
                      chunks: AsyncIterator[bytes]) -> Path | Dataset:
        """Read the data set (in memory here) and parse it; :class:`StoreRefused` to refuse."""
        from dicomkit.io.reader import read

        parts = [_part10_head(command, context.transfer_syntax)]
        async for chunk in chunks:
            parts.append(chunk)
        try:
            return read(io.BytesIO(b"".join(parts)), strict=True)
        except DicomError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, f"unparsable data set: {exc}") from exc

    def did_receive(self, received: Path | Dataset, command: DimseMessage) -> int:
        """The status for a received data set (PS3.4 B.2.3)."""
        raise NotImplementedError("a StorageHandler must say what to do with a data set: "
                                  "override did_receive (or use FolderStorage)")


def _encode_head(sop_class: str, sop_instance: str, transfer_syntax: str) -> bytes:
    from dicomkit.io.writer import encode_file_meta

    meta = Dataset()
    meta.add_new(0x00020002, "UI", sop_class)
    meta.add_new(0x00020003, "UI", sop_instance)
    return encode_file_meta(meta, transfer_syntax)


#: (SOP class, transfer syntax, instance UID length) -> the file meta bytes before and after
#: the Media Storage SOP Instance UID value: every file of a batch shares them.
_HEAD_CACHE: dict[tuple[str, str, int], tuple[bytes, bytes] | None] = {}
_UID_CHARS = frozenset("0123456789.")
_HEAD_CACHE_SIZE = 256


def _part10_head(command: DimseMessage, transfer_syntax: str) -> bytes:
    """Preamble, ``DICM`` and file meta (PS3.10 7.1) for a data set received by C-STORE.

    The bytes are made by :func:`dicomkit.io.writer.encode_file_meta` once per SOP class,
    transfer syntax and instance UID length, with a placeholder instance UID of that length;
    each file then only splices its own UID in (a UID is made of digits and dots, PS3.5 9.1,
    so it is stored as is; anything else is encoded in full).
    """
    sop_class = command.affected_sop_class_uid or ""
    instance = command.affected_sop_instance_uid or ""
    if not instance or not _UID_CHARS.issuperset(instance):
        return _encode_head(sop_class, instance, transfer_syntax)
    key = (sop_class, transfer_syntax, len(instance))
    if key not in _HEAD_CACHE:
        placeholder = "\x01" * len(instance)
        head = _encode_head(sop_class, placeholder, transfer_syntax)
        marker = placeholder.encode("ascii")
        at = head.find(marker)
        if len(_HEAD_CACHE) >= _HEAD_CACHE_SIZE:
            _HEAD_CACHE.clear()
        _HEAD_CACHE[key] = (head[:at], head[at + len(marker):]) \
            if at > 0 and head.count(marker) == 1 else None
    parts = _HEAD_CACHE[key]
    if parts is None:
        return _encode_head(sop_class, instance, transfer_syntax)
    return parts[0] + instance.encode("ascii") + parts[1]


_UNSAFE = re.compile(r"[^A-Za-z0-9._^=+-]")
#: Patient ID, Study Instance UID, Series Instance UID: the folders of a stored file
_FOLDER_TAGS = (0x00100020, 0x0020000D, 0x0020000E)


def _component(value: object, fallback: str) -> str:
    if isinstance(value, bytes):  # an UN element
        value = value.decode("ascii", "replace")
    text = str(value).strip("\x00 ") if value is not None else ""
    text = _UNSAFE.sub("_", text).lstrip(".")
    return text[:64] or fallback


#: Bytes of each received data set kept in memory to find the folder elements without
#: reading the file back (they are among the first elements of a data set).
_SCAN_BYTES = 1 << 16
#: The last of the folder tags: a top-level element past it ends the scan (PS3.5 7.1: data
#: elements are in ascending tag order).
_LAST_FOLDER_TAG = max(_FOLDER_TAGS)
_TAG_LENGTH = struct.Struct("<HHI")
_EXPLICIT_SHORT = struct.Struct("<HH2sH")
_ITEM = _tag("Item")
_ITEM_END = _tag("ItemDelimitationItem")
_SEQUENCE_END = _tag("SequenceDelimitationItem")
_ITEM_GROUP = _ITEM >> 16
_UNDEFINED = 0xFFFFFFFF
_LONG_VRS = frozenset(vr.encode("ascii") for vr in LONG_LENGTH_VRS)
#: Data set beginnings a FolderStorage keeps between receive() and did_receive() at most
#: (one per association in flight; older ones are dropped and did_receive reads the file).
_PENDING_LIMIT = 64
#: Series folders remembered by a FolderStorage (a set, emptied when full).
_FOLDER_CACHE_SIZE = 4096
#: Specific Character Set (0008,0005): how the Patient ID is decoded (PS3.5 6.1.2.3)
_CHARSET_TAG = _tag("SpecificCharacterSet")


def _element_end(buf: bytes, pos: int, implicit: bool) -> tuple[int, int] | None:
    """(tag, offset after the element at ``pos``) for a little endian data set (PS3.5 7.1.2,
    7.1.3), undefined lengths followed to their delimiter (PS3.5 7.5); None when the bytes
    end first or the element is one this walk leaves to the reader."""
    end = len(buf)
    if pos + 8 > end:
        return None
    if implicit:
        group, element, length = _TAG_LENGTH.unpack_from(buf, pos)
        start = pos + 8
    else:
        group, element, vr, length = _EXPLICIT_SHORT.unpack_from(buf, pos)
        start = pos + 8
        if vr in _LONG_VRS:
            if pos + 12 > end:
                return None
            length = _TAG_LENGTH.unpack_from(buf, pos + 4)[2]
            start = pos + 12
            if vr == b"UN" and length == _UNDEFINED:
                return None  # its content is implicit VR (PS3.5 6.2.2): left to the reader
    tag = group << 16 | element
    if group == _ITEM_GROUP:
        return None
    if length != _UNDEFINED:
        stop = start + length
        return (tag, stop) if stop <= end else None
    while True:  # items until the Sequence Delimitation Item
        if start + 8 > end:
            return None
        group, element, length = _TAG_LENGTH.unpack_from(buf, start)
        item = group << 16 | element
        start += 8
        if item == _SEQUENCE_END:
            return tag, start
        if item != _ITEM:
            return None
        if length != _UNDEFINED:
            start += length
            continue
        while True:  # elements until the Item Delimitation Item
            if start + 8 > end:
                return None
            group, element, length = _TAG_LENGTH.unpack_from(buf, start)
            if group << 16 | element == _ITEM_END:
                start += 8
                break
            nested = _element_end(buf, start, implicit)
            if nested is None:
                return None
            start = nested[1]


def _folder_elements(head: bytes, data: bytes, total: int, transfer_syntax: str
                     ) -> Dataset | None:
    """Patient ID, Study and Series Instance UID read from the first bytes of a data set.

    Walks the top-level element headers only up to the first element after Series Instance
    UID (0020,000E) (sequences of undefined length followed to their delimiters, PS3.5 7.5),
    then takes Specific Character Set (0008,0005) and the folder elements.  None when that
    needs more than the bytes kept, or the syntax is deflated or big endian (the caller then
    reads the stored file instead).

    Raises
    ------
    DicomError
        When those elements are damaged (PS3.5 7).
    """
    syntax = TRANSFER_SYNTAXES.get(transfer_syntax)
    if syntax is None or syntax.deflated or not syntax.little_endian:
        return None
    implicit = bool(syntax.implicit_vr)
    pos = 0
    end = len(data)
    wanted: list[tuple[int, int, int]] = []
    unpack = _TAG_LENGTH.unpack_from
    while pos < end:
        if pos + 12 > end:
            step = _element_end(data, pos, implicit)
            if step is None:
                return None
            tag, stop = step
        else:
            group, element, length = unpack(data, pos)
            tag = group << 16 | element
            if implicit:
                stop = pos + 8 + length
            elif data[pos + 4:pos + 6] in _LONG_VRS:
                length = unpack(data, pos + 4)[2]
                stop = pos + 12 + length
            else:
                length >>= 16
                stop = pos + 8 + length
            if length == _UNDEFINED or group == _ITEM_GROUP:
                step = _element_end(data, pos, implicit)
                if step is None:
                    return None
                stop = step[1]
            elif stop > end:
                return None
        if tag > _LAST_FOLDER_TAG:
            break
        if tag in _FOLDER_TAGS or tag == _CHARSET_TAG:
            wanted.append((tag, pos, stop))
        pos = stop
    else:
        if end < total:
            return None  # the kept bytes end before the folder elements were passed
    return _element_set(data, wanted, implicit)


def _element_set(data: bytes, wanted: list[tuple[int, int, int]], implicit: bool
                 ) -> Dataset | None:
    """A data set of the elements at ``wanted`` (tag, start, end) of ``data``, values decoded
    lazily in the Specific Character Set the data set declares (PS3.5 6.1.2.3)."""
    from dicomkit.core.charset import Charset
    from dicomkit.core.element import DataElement, EncodingContext
    from dicomkit.generated.dictionary import lookup

    ds = Dataset()
    context = EncodingContext()
    for tag, start, stop in wanted:
        if implicit:
            entry = lookup(tag)
            if entry is None:
                return None
            vr, value = entry[0], data[start + 8:stop]
        else:
            vr = data[start + 4:start + 6].decode("ascii", "replace")
            value = data[start + (12 if vr.encode("ascii", "replace") in _LONG_VRS else 8):stop]
        if tag == _CHARSET_TAG:
            terms = [t.strip(" \x00") for t in value.decode("ascii", "replace").split("\\")]
            context.charset = Charset.from_value(terms, strict=True)
            continue
        ds._put(DataElement.read_from(tag, vr, value, context, start))
    return ds


class FolderStorage(StorageHandler):
    """Store each data set as ``<root>/<PatientID>/<Study>/<Series>/<SOPInstanceUID>.dcm``.

    The data set streams into a temporary file in ``root`` behind its file meta; the patient,
    study and series are read from the data set's first bytes, kept in memory as they pass (the
    element headers up to Series Instance UID are walked; the stored file is read instead
    when they are not within the first 64 KiB, or the syntax is deflated or big endian), and
    the file is renamed into place once complete.  A failed or aborted transfer leaves
    nothing: the temporary file is deleted.  Disk errors answer
    Refused: Out of Resources (A700), unparsable data Error: Cannot understand (C000).
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.stored: list[Path] = []
        #: temporary file -> (file meta bytes, first bytes of the data set, data set length,
        #: transfer syntax), from receive() for did_receive()
        self._received: dict[Path, tuple[bytes, bytes, int, str]] = {}
        #: series folders made (or found) already: not made again for each file
        self._folders: set[Path] = set()

    async def receive(self, command: DimseMessage, context: AcceptedContext,
                      chunks: AsyncIterator[bytes]) -> Path:
        """Stream the data set to a temporary file; its path."""
        try:
            fd, name = tempfile.mkstemp(prefix=".incoming-", suffix=".part", dir=self.root)
        except OSError as exc:
            raise StoreRefused(OUT_OF_RESOURCES,
                               f"cannot create a file: {exc.strerror or exc}") from exc
        path = Path(name)
        head = _part10_head(command, context.transfer_syntax)
        kept: list[bytes] = []
        size = total = 0
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(head)
                async for chunk in chunks:
                    fh.write(chunk)
                    total += len(chunk)
                    if size < _SCAN_BYTES:
                        kept.append(chunk if size + len(chunk) <= _SCAN_BYTES
                                    else chunk[:_SCAN_BYTES - size])
                        size += len(kept[-1])
        except OSError as exc:
            path.unlink(missing_ok=True)
            raise StoreRefused(OUT_OF_RESOURCES, f"cannot write: {exc.strerror or exc}") from exc
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        if len(self._received) >= _PENDING_LIMIT:  # did_receive overridden without super()
            del self._received[next(iter(self._received))]
        self._received[path] = (head, b"".join(kept), total, context.transfer_syntax)
        return path

    def final_path(self, ds: Dataset, command: DimseMessage) -> Path:
        """Where a data set goes: patient / study / series / SOP instance ``.dcm``."""
        parts = []
        for tag in _FOLDER_TAGS:  # PatientID, StudyInstanceUID, SeriesInstanceUID
            el = ds.get(tag)
            parts.append(_component(None if el is None else el.value, "UNKNOWN"))
        instance = _component(command.affected_sop_instance_uid, "UNKNOWN")
        return self.root.joinpath(*parts, instance + ".dcm")

    def did_receive(self, received: Path | Dataset, command: DimseMessage) -> int:
        """Parse the temporary file's header and rename it into place."""
        from dicomkit.io.reader import read

        if not isinstance(received, Path):
            raise TypeError("FolderStorage.did_receive takes the path receive() returned")
        kept = self._received.pop(received, None)
        try:
            try:
                ds = None if kept is None else _folder_elements(*kept)
                if ds is None:
                    # walks every element header before the pixels (damage answers Cannot
                    # Understand) but keeps only what names the folders
                    ds = read(received, stop_before_pixels=True, strict=True,
                              specific_tags=_FOLDER_TAGS)
            except DicomError:
                received.unlink(missing_ok=True)
                return CANNOT_UNDERSTAND
            final = self.final_path(ds, command)
            folder = final.parent
            if folder not in self._folders:
                folder.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(received, final)
            except FileNotFoundError:  # the folder was removed since: make it again
                folder.mkdir(parents=True, exist_ok=True)
                os.replace(received, final)
            if len(self._folders) >= _FOLDER_CACHE_SIZE:
                self._folders.clear()
            self._folders.add(folder)
        except OSError:
            received.unlink(missing_ok=True)
            return OUT_OF_RESOURCES
        self.stored.append(final)
        return 0x0000


class StorageSCP:
    """A Storage (and Verification) SCP: serves C-STORE and C-ECHO with a handler.

    ``handler`` is a :class:`StorageHandler`, or a folder for :class:`FolderStorage`.  Use
    :meth:`handle` as the ``handler`` of :func:`dicomkit.net.serve`, or :meth:`serve`.
    """

    def __init__(self, handler: StorageHandler | str | os.PathLike[str]) -> None:
        self.handler = handler if isinstance(handler, StorageHandler) else FolderStorage(handler)

    async def handle(self, assoc: Association) -> None:
        """Serve one association until it is released or aborted."""
        if not self.handler.accept_association(assoc):
            await assoc.abort()
            return
        while True:
            try:
                msg, incoming = await receive(assoc)
            except (AssociationReleased, AssociationAborted):
                return
            except DimseError:
                await assoc.abort()  # an unreadable command cannot be answered (PS3.7 C.5.15)
                return
            try:
                await self._dispatch(assoc, msg, incoming)
            except (AssociationReleased, AssociationAborted):
                return  # the handler cleaned up (FolderStorage deletes its temporary file)

    async def _dispatch(self, assoc: Association, msg: DimseMessage,
                        incoming: IncomingMessage) -> None:
        if msg.name == "C-ECHO-RQ":
            await answer_echo(assoc, incoming.context_id, msg)
        elif msg.name == "C-STORE-RQ":
            await self._store(assoc, msg, incoming.context_id, incoming.data)
        else:
            await drain(incoming)
            if msg.spec.is_request and msg.name != "C-CANCEL-RQ":
                await send(assoc, incoming.context_id, msg.response(UNRECOGNIZED_OPERATION))

    async def _store(self, assoc: Association, msg: DimseMessage, context_id: int,
                     data: AsyncIterator[bytes] | None) -> None:
        assert data is not None  # checked on receipt: C-STORE-RQ has a mandatory data set
        context = assoc.contexts[context_id]
        comment = ""
        status = self.handler.will_receive(msg)
        if status is not None:
            async for _ in data:
                pass
        else:
            try:
                received = await self.handler.receive(msg, context, data)
            except StoreRefused as exc:
                async for _ in data:
                    pass
                status, comment = exc.status, exc.comment
            else:
                status = self.handler.did_receive(received, msg)
        fields = {"ErrorComment": comment[:64]} if comment and status != 0 else {}
        await send(assoc, context_id, c_store_rsp(msg.message_id or 0, status,
                                                  msg.affected_sop_class_uid,
                                                  msg.affected_sop_instance_uid, **fields))

    async def serve(self, host: str, port: int, *, policy: AcceptPolicy | None = None,
                    ssl_context: ssl.SSLContext | None = None, timeouts: Timeouts | None = None,
                    task_status: TaskStatus[tuple[str, int]] = anyio.TASK_STATUS_IGNORED
                    ) -> None:
        """Accept associations on ``host:port`` until cancelled.

        The default policy accepts any calling AE title and SOP class, and every transfer
        syntax the requestor proposes first (data sets are stored as received).
        """
        await serve(host, port, policy=policy or AcceptPolicy(ae_title=None,
                                                             transfer_syntaxes=None),
                    handler=self.handle,
                    ssl_context=ssl_context, timeouts=timeouts or Timeouts(),
                    task_status=task_status)

    def serve_blocking(self, host: str, port: int, *, policy: AcceptPolicy | None = None,
                       ssl_context: ssl.SSLContext | None = None,
                       timeouts: Timeouts | None = None) -> None:
        """:meth:`serve` for scripts (runs until interrupted)."""
        anyio.run(partial(self.serve, host, port, policy=policy, ssl_context=ssl_context,
                          timeouts=timeouts))
