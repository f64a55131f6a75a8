"""STOW-RS (PS3.18 10.5): requests stored in the archive part by part, in either form of
10.5.1.4 (the media types of Table 10.5.4-1):

- PS3.10 instances, ``multipart/related; type="application/dicom"``;
- Metadata and Bulkdata representations, ``type`` ``application/dicom+json`` (one part, an
  array of DICOM JSON objects), ``application/dicom+xml`` (a Native DICOM Model part per
  instance), ``application/octet-stream`` or a compressed bulk data media type (a payload
  whose root part is bulk data).  Bulk data parts name the ``BulkDataURI`` they fill by
  ``Content-Location`` (8.6.1.2); compressed pixel data comes as one part per frame in the
  media type of its transfer syntax (Table 8.7.3-5).

Each part of the PS3.10 form, and each bulk data part of the other, is written to a part
file of the archive's store as it arrives (a 2 GB upload is never in memory; metadata parts
are held, within the request size limit).  When the body has ended with its closing
delimiter, each instance of the metadata form is assembled from its metadata and its bulk
data files by :class:`~dicomkit.web.metadata_bulkdata.PayloadAssembler` (one instance in
memory at a time) and written as a PS3.10 file whose File Meta Information this server makes
(10.5.1.4).  Then each instance is checked whole (:meth:`dicomkit.archive.Archive.inspect_file`:
a damaged or truncated data set is refused) and placed with the duplicate policy.  A body
that cannot be read (no closing delimiter, a part header block too large, more bytes than
allowed, metadata that does not parse) stores nothing: every part is discarded and the
answer is 400 (or 413).  An instance of the metadata form whose bulk data is missing or that
cannot be encoded fails alone (Failure Reason C000).

The answer (10.5.3) is a Store Instances Response Module (Annex I) as ``application/dicom+json``
exactly: 200 when every instance was stored, 202 when some were not (Failed SOP Sequence with
a Failure Reason, Table I.2-2), 409 when none was, 415 for a request of another media type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import anyio

from dicomkit.archive import Archive
from dicomkit.archive.errors import ArchiveError, DuplicateInstanceError, InstanceRefusedError
from dicomkit.archive.files import PartWriter, Written
from dicomkit.archive.schema import IMAGE, SERIES, STUDY
from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.statuses import StatusType
from dicomkit.generated.web import MEDIA_TYPE_SYNTAXES, MEDIA_TYPE_USAGES, METADATA_MEDIA_TYPES, MediaType
from dicomkit.io.reader import read
from dicomkit.io.writer import encode_file
from dicomkit.web import media_types
from dicomkit.web.errors import MediaTypeError, MultipartError, WebModelError
from dicomkit.web.metadata_bulkdata import PayloadAssembler
from dicomkit.web.multipart import (
    Headers,
    MultipartParser,
    PartData,
    PartEnd,
    PartStart,
    boundary_of,
)
from dicomkit.web.server.errors import HttpError
from dicomkit.web.server.urls import instance_url, study_url

__all__ = ["REQUEST_TYPES", "StoreOutcome", "StoreRequest", "check_request_type", "store_body"]

_DICOM = str(MediaType.APPLICATION_DICOM)
_JSON = str(MediaType.APPLICATION_DICOM_JSON)
_OCTET = str(MediaType.APPLICATION_OCTET_STREAM)
#: The compressed bulk data media types (PS3.18 Table 8.7.3-5), as a Store request's root type
_COMPRESSED = frozenset(s.media_type for s in MEDIA_TYPE_SYNTAXES if s.table == "8.7.3-5")
#: The ``type`` parameters of the multipart/related Store requests this server reads: those of
#: PS3.18 Table 10.5.4-1 (its named ones; "a Compressed Bulkdata Media Type" is _COMPRESSED)
REQUEST_TYPES: tuple[str, ...] = tuple(
    u.type_param for u in MEDIA_TYPE_USAGES
    if u.service == "Studies" and u.transaction == "Store" and u.media_type == "multipart/related"
    and u.type_param)
#: Failure Reasons (PS3.18 Table I.2-2, and the codes of PS3.7 C that it points to)
PROCESSING_FAILURE = int(StatusType.PROCESSING_FAILURE)
DUPLICATE = int(StatusType.DUPLICATE_SOP_INSTANCE)  # the archive's "reject" policy
CANNOT_UNDERSTAND = 0xC000
STUDY_MISMATCH = 0xC409  # in Cxxx "Cannot understand": not the Study of the target URL
OUT_OF_RESOURCES = 0xA700
_FLUSH = 1 << 20
#: Most bytes of one metadata part (held in memory to be parsed): larger is 413
MAX_METADATA_BYTES = 256 << 20


@dataclass
class StoreOutcome:
    """What a STOW-RS request did: the stored instances, the failed ones, and the answer."""

    stored: list[tuple[str, str, str, str]] = field(default_factory=list)
    failed: list[tuple[str, str, int, str]] = field(default_factory=list)
    other: list[tuple[int, str]] = field(default_factory=list)

    @property
    def status(self) -> int:
        """200 all stored, 202 some, 409 none (PS3.18 10.5.3)."""
        if not self.failed and not self.other:
            return 200
        return 202 if self.stored else 409

    def response(self, base: str, study: str | None) -> Dataset:
        """The Store Instances Response Module (PS3.18 I.1)."""
        ds = Dataset()
        studies = {s[0] for s in self.stored}
        if study is not None or len(studies) == 1:
            ds.add_new(tags.RetrieveURL, "UR", study_url(base, study or next(iter(studies))))
        else:
            ds.add_new(tags.RetrieveURL, "UR", None)
        if self.stored:
            items = []
            for st, se, sop, cls in self.stored:
                item = Dataset()
                item.add_new(tags.ReferencedSOPClassUID, "UI", cls)
                item.add_new(tags.ReferencedSOPInstanceUID, "UI", sop)
                item.add_new(tags.RetrieveURL, "UR", instance_url(base, st, se, sop))
                items.append(item)
            ds.add_new(tags.ReferencedSOPSequence, "SQ", Sequence(items))
        if self.failed:
            items = []
            for cls, sop, reason, _text in self.failed:
                item = Dataset()
                item.add_new(tags.ReferencedSOPClassUID, "UI", cls or None)
                item.add_new(tags.ReferencedSOPInstanceUID, "UI", sop or None)
                item.add_new(tags.FailureReason, "US", reason)
                items.append(item)
            ds.add_new(tags.FailedSOPSequence, "SQ", Sequence(items))
        if self.other:
            items = []
            for reason, _text in self.other:
                item = Dataset()
                item.add_new(tags.FailureReason, "US", reason)
                items.append(item)
            ds.add_new(tags.OtherFailuresSequence, "SQ", Sequence(items))
        return ds

    def messages(self) -> list[str]:
        """One line per failure, for the ``Warning`` header field and the log."""
        out = [f"{sop or 'an instance'}: {text}" for _c, sop, _r, text in self.failed]
        out += [text for _r, text in self.other]
        return out


@dataclass(frozen=True)
class StoreRequest:
    """What the Content-Type of a Store request says: its boundary, and its root media type
    (``application/dicom`` for PS3.10 instances, else the metadata and bulk data form)."""

    boundary: str
    root: str

    @property
    def metadata_form(self) -> bool:
        """True for Metadata and Bulkdata representations (PS3.18 10.5.1.4)."""
        return self.root != _DICOM


def check_request_type(content_type: str | None) -> StoreRequest:
    """The boundary and form of a STOW-RS request body (PS3.18 10.5.1.4, Table 10.5.4-1).

    Raises
    ------
    HttpError
        415 for a request that is not multipart/related of a type of Table 10.5.4-1, 400
        without a boundary.
    """
    accepted = ", ".join(f'type="{t}"' for t in REQUEST_TYPES)
    if not content_type:
        raise HttpError(415, "the request has no Content-Type; send multipart/related with "
                        f"{accepted} or a compressed bulk data type (PS3.18 Table 10.5.4-1)")
    try:
        ct = media_types.parse(content_type)
    except MediaTypeError as exc:
        raise HttpError(400, f"the Content-Type cannot be read: {exc}") from None
    if ct.mime != "multipart/related":
        raise HttpError(415, f"{ct.mime} is not a STOW-RS request; send multipart/related with "
                        f"{accepted} (PS3.18 Table 10.5.4-1)")
    kind = (ct.param("type") or _DICOM).lower()
    try:
        root = media_types.parse(kind).mime
    except MediaTypeError:
        root = kind
    if root not in REQUEST_TYPES and root not in _COMPRESSED:
        raise HttpError(415, f"parts of type {kind} are not a Store request: send "
                        f"{accepted} or a compressed bulk data type (PS3.18 Table 10.5.4-1)")
    try:
        return StoreRequest(boundary_of(ct), root)
    except MultipartError as exc:
        raise HttpError(400, f"the request's Content-Type has no usable boundary: {exc}") from None


def _identify(path: str) -> tuple[str, str]:
    try:
        ds = read(path, stop_before_pixels=True,
                  specific_tags=[tags.SOPClassUID, tags.SOPInstanceUID])
        cls = ds.get(tags.SOPClassUID)
        sop = ds.get(tags.SOPInstanceUID)
        return (str(cls.value or "") if cls is not None else "",
                str(sop.value or "") if sop is not None else "")
    except (DicomError, OSError):
        return "", ""


def _place(archive: Archive, written: Written, study: str | None, policy: str | None,
           outcome: StoreOutcome) -> None:
    """Check one received part and place it (in a worker thread)."""
    try:
        record, _size, _sha = archive.inspect_file(written.path, "STOW-RS part")
    except InstanceRefusedError as exc:
        cls, sop = _identify(str(written.path))
        written.discard()
        outcome.failed.append((cls, sop, CANNOT_UNDERSTAND, exc.reason))
        return
    cls = str(record.values.get(IMAGE, {}).get("SOPClassUID") or "")
    sop = record.uids[IMAGE]
    if study is not None and record.uids[STUDY] != study:
        written.discard()
        outcome.failed.append((cls, sop, STUDY_MISMATCH, f"its Study Instance UID "
                               f"{record.uids[STUDY]} is not {study}, the study of the URL "
                               "(PS3.18 10.5.1)"))
        return
    try:
        result = archive.insert_written(record, written, policy=policy)
    except DuplicateInstanceError as exc:
        outcome.failed.append((cls, sop, DUPLICATE, str(exc)))
        return
    except ArchiveError as exc:
        outcome.failed.append((cls, sop, PROCESSING_FAILURE, str(exc)))
        return
    if result.action == "kept":
        outcome.failed.append((cls, sop, DUPLICATE, "other content is stored under this SOP "
                               "Instance UID and kept (the archive's duplicate policy)"))
        return
    outcome.stored.append((record.uids[STUDY], record.uids[SERIES], sop, cls))


async def store_body(archive: Archive, chunks: object, boundary: str, *, study: str | None,
                     policy: str | None, max_bytes: int, max_header: int,
                     root: str = _DICOM, max_metadata: int = MAX_METADATA_BYTES) -> StoreOutcome:
    """Receive a STOW-RS body (an async iterable of bytes) and store its instances (see the
    module); ``root`` is the request's ``type`` (:attr:`StoreRequest.root`).

    Raises
    ------
    HttpError
        400 for a body that is not a whole multipart/related (or whose metadata does not
        parse), 413 past ``max_bytes`` (or a metadata part past ``max_metadata``); nothing is
        stored then.
    """
    if root != _DICOM:
        return await _store_metadata_body(archive, chunks, boundary, study=study, policy=policy,
                                          max_bytes=max_bytes, max_header=max_header, root=root,
                                          max_metadata=max_metadata)
    parser = MultipartParser(boundary, max_header_block=max_header)
    received: list[Written] = []
    outcome = StoreOutcome()
    writer: PartWriter | None = None
    buffered: list[bytes] = []
    buffered_size = 0
    total = 0

    async def flush() -> None:
        nonlocal buffered, buffered_size
        if writer is not None and buffered:
            pieces, buffered, buffered_size = buffered, [], 0
            await anyio.to_thread.run_sync(writer.write, pieces)

    try:
        async for chunk in chunks:  # type: ignore[attr-defined]
            total += len(chunk)
            if total > max_bytes:
                raise HttpError(413, f"the request body is larger than {max_bytes} bytes, the "
                                "most this server takes; send fewer instances per request")
            for ev in parser.feed(chunk):
                if isinstance(ev, PartStart):
                    try:
                        ct = ev.headers.content_type
                        why = (f"a part of type {ct.mime} is not application/dicom"
                               if ct is not None and ct.mime != _DICOM else "")
                    except MediaTypeError as exc:
                        why = f"a part's Content-Type cannot be read: {exc}"
                    if why:
                        outcome.other.append((CANNOT_UNDERSTAND, why))
                        writer = None
                    else:
                        writer = archive.files.part()
                elif isinstance(ev, PartData):
                    if writer is not None:
                        buffered.append(bytes(ev.data))
                        buffered_size += len(ev.data)
                        if buffered_size >= _FLUSH:
                            await flush()
                elif isinstance(ev, PartEnd):
                    if writer is not None:
                        await flush()
                        received.append(await anyio.to_thread.run_sync(writer.finish))
                        writer = None
        parser.close()
    except MultipartError as exc:
        _discard(writer, received)
        raise HttpError(400, f"the request body is not a whole multipart/related: {exc}; "
                        "nothing was stored") from None
    except BaseException:
        _discard(writer, received)
        raise
    if not received and not outcome.other:
        raise HttpError(400, "the request body has no parts; nothing was stored")
    try:
        for i, written in enumerate(received):
            await anyio.to_thread.run_sync(_place, archive, written, study, policy, outcome)
            received[i] = written
    finally:
        for w in received:
            w.discard()  # placed files are linked already; the rest are not wanted
    return outcome


def _discard(writer: PartWriter | None, received: list[Written]) -> None:
    if writer is not None:
        writer.discard()
    for w in received:
        w.discard()


# ---------------------------------------------------------------- Metadata and Bulkdata form
@dataclass(frozen=True)
class _SpooledPart:
    """A bulk data part written to a part file of the archive (PayloadAssembler's
    SpooledBody): read back when its instance is assembled."""

    written: Written

    @property
    def size(self) -> int:
        return self.written.size

    def read(self) -> bytes:
        return Path(self.written.path).read_bytes()


def _is_metadata(headers: Headers) -> bool:
    ct = headers.content_type
    return ct is not None and ct.mime in METADATA_MEDIA_TYPES


async def _store_metadata_body(archive: Archive, chunks: object, boundary: str, *,
                               study: str | None, policy: str | None, max_bytes: int,
                               max_header: int, root: str, max_metadata: int) -> StoreOutcome:
    """:func:`store_body` for Metadata and Bulkdata representations (PS3.18 10.5.1.4): metadata
    parts held and parsed when whole, bulk data parts streamed to part files; then each
    instance assembled, written as PS3.10 and placed as a PS3.10 part is."""
    parser = MultipartParser(boundary, max_header_block=max_header)
    # The assembler reads JSON and XML metadata parts whatever the root; its root only names
    # the metadata expected when none came, which is answered here.
    assembler = PayloadAssembler(root if root in METADATA_MEDIA_TYPES else _JSON)
    outcome = StoreOutcome()
    spooled: list[Written] = []
    writer: PartWriter | None = None
    headers: Headers | None = None
    metadata: list[bytes] | None = None
    metadata_size = 0
    buffered: list[bytes] = []
    buffered_size = 0
    total = 0

    async def flush() -> None:
        nonlocal buffered, buffered_size
        if writer is not None and buffered:
            pieces, buffered, buffered_size = buffered, [], 0
            await anyio.to_thread.run_sync(writer.write, pieces)

    async def take(part_headers: Headers, body: bytes | _SpooledPart) -> None:
        try:
            if isinstance(body, bytes):  # metadata: parsed in a worker thread
                await anyio.to_thread.run_sync(assembler.add, part_headers, body)
            else:
                assembler.add(part_headers, body)
        except WebModelError as exc:
            if isinstance(body, bytes):
                raise _BadMetadata(str(exc)) from None
            outcome.other.append((CANNOT_UNDERSTAND, str(exc)))

    try:
        async for chunk in chunks:  # type: ignore[attr-defined]
            total += len(chunk)
            if total > max_bytes:
                raise HttpError(413, f"the request body is larger than {max_bytes} bytes, the "
                                "most this server takes; send fewer instances per request")
            for ev in parser.feed(chunk):
                if isinstance(ev, PartStart):
                    headers = ev.headers
                    try:
                        is_meta = _is_metadata(headers)
                    except MediaTypeError as exc:
                        outcome.other.append((CANNOT_UNDERSTAND,
                                              f"a part's Content-Type cannot be read: {exc}"))
                        headers = None
                        continue
                    if is_meta:
                        metadata, metadata_size = [], 0
                    else:
                        writer = archive.files.part()
                elif isinstance(ev, PartData):
                    if metadata is not None:
                        metadata_size += len(ev.data)
                        if metadata_size > max_metadata:
                            raise HttpError(413, f"a metadata part is larger than {max_metadata} "
                                            "bytes, the most this server parses; send fewer "
                                            "instances per request; nothing was stored")
                        metadata.append(bytes(ev.data))
                    elif writer is not None:
                        buffered.append(bytes(ev.data))
                        buffered_size += len(ev.data)
                        if buffered_size >= _FLUSH:
                            await flush()
                elif isinstance(ev, PartEnd):
                    if headers is not None and metadata is not None:
                        body, metadata = b"".join(metadata), None
                        await take(headers, body)
                    elif headers is not None and writer is not None:
                        await flush()
                        written = await anyio.to_thread.run_sync(writer.finish)
                        writer = None
                        spooled.append(written)
                        await take(headers, _SpooledPart(written))
                    headers = None
        parser.close()
    except MultipartError as exc:
        _discard(writer, spooled)
        raise HttpError(400, f"the request body is not a whole multipart/related: {exc}; "
                        "nothing was stored") from None
    except _BadMetadata as exc:
        _discard(writer, spooled)
        raise HttpError(400, f"a metadata part cannot be read: {exc}; nothing was stored "
                        "(PS3.18 10.5.1.4)") from None
    except BaseException:
        _discard(writer, spooled)
        raise
    try:
        if not len(assembler):
            raise HttpError(400, "the request has no metadata part (application/dicom+json or "
                            "application/dicom+xml) naming an instance; nothing was stored "
                            "(PS3.18 10.5.1.4)")
        for i in range(len(assembler)):
            await anyio.to_thread.run_sync(_place_assembled, archive, assembler, i, study,
                                           policy, outcome)
    finally:
        _discard(None, spooled)
    return outcome


class _BadMetadata(Exception):
    """A metadata part that does not parse (the whole request is refused)."""


def _place_assembled(archive: Archive, assembler: PayloadAssembler, index: int,
                     study: str | None, policy: str | None, outcome: StoreOutcome) -> None:
    """Assemble instance ``index``, write it as a PS3.10 part file and place it (in a worker
    thread)."""
    cls, sop = assembler.identity(index)
    try:
        decoded = assembler.assemble(index)
        ds = decoded.dataset
        ds.file_meta = None  # PS3.18 10.5.1.4: the origin server makes the File Meta Information
        data = encode_file(ds, decoded.transfer_syntax)
    except DicomError as exc:  # BulkDataError, WriteError (a value that cannot be encoded)
        outcome.failed.append((cls, sop, CANNOT_UNDERSTAND, str(exc)))
        return
    try:
        written = archive.files.write_bytes(data)
    except OSError as exc:
        outcome.failed.append((cls, sop, OUT_OF_RESOURCES, f"cannot be written: {exc}"))
        return
    del data, ds, decoded
    try:
        _place(archive, written, study, policy, outcome)
    finally:
        written.discard()

