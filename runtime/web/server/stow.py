"""STOW-RS (PS3.18 10.5): ``multipart/related; type="application/dicom"`` requests stored in
the archive part by part.

Each part is written to a part file of the archive's store as it arrives (a 2 GB upload is
never in memory); when the body has ended with its closing delimiter, each part is checked
whole (:meth:`dicomkit.archive.Archive.inspect_file`: a damaged or truncated data set is
refused) and placed with the duplicate policy.  A body that cannot be read (no closing
delimiter, a part header block too large, more bytes than allowed) stores nothing: every part
is discarded and the answer is 400 (or 413).

The answer (10.5.3) is a Store Instances Response Module (Annex I) as ``application/dicom+json``
exactly: 200 when every instance was stored, 202 when some were not (Failed SOP Sequence with
a Failure Reason, Table I.2-2), 409 when none was, 415 for a request of another media type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import anyio

from dicomkit.archive import Archive
from dicomkit.archive.errors import ArchiveError, DuplicateInstanceError, InstanceRefusedError
from dicomkit.archive.files import PartWriter, Written
from dicomkit.archive.schema import IMAGE, SERIES, STUDY
from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.web import MediaType
from dicomkit.io.reader import read
from dicomkit.web import media_types
from dicomkit.web.errors import MediaTypeError, MultipartError
from dicomkit.web.multipart import MultipartParser, PartData, PartEnd, PartStart, boundary_of
from dicomkit.web.server.errors import HttpError
from dicomkit.web.server.urls import instance_url, study_url

__all__ = ["StoreOutcome", "store_body"]

_DICOM = str(MediaType.APPLICATION_DICOM)
#: Failure Reasons (PS3.18 Table I.2-2, and the codes of PS3.7 C that it points to)
PROCESSING_FAILURE = 0x0110
DUPLICATE = 0x0111  # PS3.7 C.4.2 Duplicate SOP Instance (the archive's "reject" policy)
CANNOT_UNDERSTAND = 0xC000
STUDY_MISMATCH = 0xC409  # in Cxxx "Cannot understand": not the Study of the target URL
OUT_OF_RESOURCES = 0xA700
_FLUSH = 1 << 20


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


def check_request_type(content_type: str | None) -> str:
    """The boundary of a STOW-RS request body.

    Raises
    ------
    HttpError
        415 for a request that is not ``multipart/related; type="application/dicom"``
        (the JSON/XML with bulk data form is not supported), 400 without a boundary.
    """
    if not content_type:
        raise HttpError(415, "the request has no Content-Type; send multipart/related; "
                        'type="application/dicom" (PS3.18 10.5.1.1)')
    try:
        ct = media_types.parse(content_type)
    except MediaTypeError as exc:
        raise HttpError(400, f"the Content-Type cannot be read: {exc}") from None
    if ct.mime != "multipart/related":
        raise HttpError(415, f"{ct.mime} is not a STOW-RS request; send multipart/related; "
                        'type="application/dicom" (PS3.18 10.5.1.1)')
    kind = ct.param("type")
    if kind is not None and kind.lower() != _DICOM:
        raise HttpError(415, f"parts of type {kind} are not supported by this server: send "
                        'type="application/dicom" (PS3.18 10.5.1.1)')
    try:
        return boundary_of(ct)
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
                     policy: str | None, max_bytes: int, max_header: int) -> StoreOutcome:
    """Receive a STOW-RS body (an async iterable of bytes) and store its instances (see the
    module).

    Raises
    ------
    HttpError
        400 for a body that is not a whole multipart/related, 413 past ``max_bytes``; nothing
        is stored then.
    """
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
