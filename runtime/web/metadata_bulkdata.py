"""Instances as Metadata and Bulkdata representations in one multipart (PS3.18 10.5.1.4).

A Store request may carry instances not as Part 10 files but as their metadata (DICOM JSON:
one array of all instances in a single part; Native DICOM XML: one part per instance) followed
by one part per bulk data value, each named by a ``Content-Location`` equal to the
``BulkDataURI`` of the element it fills (PS3.18 8.6.1.2, 10.5.1.4):

- uncompressed bulk data, pixel data included, as ``application/octet-stream`` (little endian,
  PS3.18 8.7.3.3.1), one representation per value;
- compressed pixel data as the media type of its transfer syntax (Table 8.7.3-5), one part per
  frame of a multi-frame image and one part for a video; every part of one Pixel Data value
  carries the same ``Content-Location``, in frame order, and a ``transfer-syntax`` parameter;
- the Encapsulated Document (0042,0011) as the media type of its MIME Type (0042,0012);
- no File Meta Information in the metadata (group 0002 is not part of the data set).

:func:`encode_instances` writes such a payload; :class:`PayloadAssembler` reads one back, part
by part, into data sets with their transfer syntax, which a Store origin server can write as
Part 10 files (it builds the File Meta Information itself, 10.5.1.4).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from dicomkit.codecs.frames import frame_data
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.generated import tags
from dicomkit.generated.uids import ExplicitVRLittleEndian as EXPLICIT_VR_LITTLE_ENDIAN
from dicomkit.generated.web import MEDIA_TYPE_SYNTAXES, MediaType, default_transfer_syntax
from dicomkit.io.encapsulation import EncapsulatedPixelData
from dicomkit.io.writer import transfer_syntax_of
from dicomkit.pixels.info import PixelDataError, PixelInfo
from dicomkit.web import json_model, media_types, xml_model
from dicomkit.web.bulkdata import TagPath, bulk_data_references, path_text, set_value
from dicomkit.web.element_values import is_encapsulated, value_bytes
from dicomkit.web.errors import BulkDataError, WebModelError
from dicomkit.web.multipart import Headers, Part

__all__ = ["DEFAULT_THRESHOLD", "DecodedInstance", "PayloadAssembler", "SpooledBody",
           "encode_instances", "root_type_of"]

#: Binary values larger than this go as bulk data parts, smaller ones inline (bytes).
DEFAULT_THRESHOLD = 1024

_OCTET_STREAM = str(MediaType.APPLICATION_OCTET_STREAM)
_JSON = str(MediaType.APPLICATION_DICOM_JSON)
_XML = str(MediaType.APPLICATION_DICOM_XML)
_SINGLE, _MULTI, _VIDEO = "Single Frame Image", "Multi-frame Image", "Video"


def _category(ds: Dataset, transfer_syntax: str) -> str:
    """The resource category of Table 8.7.3-5 whose media types hold ``transfer_syntax``."""
    cats = {s.category.lower() for s in MEDIA_TYPE_SYNTAXES if s.transfer_syntax == transfer_syntax
            and s.table == "8.7.3-5"}
    if _VIDEO.lower() in cats:
        return _VIDEO
    frames = ds.get(tags.NumberOfFrames)
    try:
        n = int(frames.value) if frames is not None and frames.value not in (None, "") else 1
    except (TypeError, ValueError):
        n = 1
    return _MULTI if n > 1 else _SINGLE


def _compressed_media_type(transfer_syntax: str, category: str) -> str | None:
    """The media type of Table 8.7.3-5 for compressed pixel data in ``transfer_syntax``."""
    for s in MEDIA_TYPE_SYNTAXES:
        if (s.table == "8.7.3-5" and s.transfer_syntax == transfer_syntax
                and s.category.lower() == category.lower()):
            return s.media_type
    return None


def root_type_of(media: str) -> str:
    """The ``type`` parameter of the multipart: the metadata's media type, checked."""
    mime = media_types.parse(media).mime
    if mime not in (_JSON, _XML):
        raise WebModelError(f"metadata must be {_JSON} or {_XML}, not {media!r} "
                            "(PS3.18 10.5.1.4)")
    return mime


@dataclass
class _Builder:
    """Collects the bulk data parts of one instance while its metadata is written."""

    prefix: str
    threshold: int
    transfer_syntax: str
    dataset: Dataset
    parts: list[Part] = field(default_factory=list)

    def uri(self, path: TagPath, el: DataElement) -> str | None:
        """The URI of a value sent as a bulk data part, or None to send it inline: Pixel Data
        and the Encapsulated Document always go as parts (PS3.18 10.5.1.4), other binary
        values when larger than the threshold."""
        forced = path in ((tags.PixelData,), (tags.EncapsulatedDocument,))
        if not forced:
            size = el.length if el.length >= 0 else len(value_bytes(el))
            if size <= self.threshold:
                return None
        uri = self.prefix + "/".join(f"{p:08X}" if i % 2 == 0 else str(p)
                                     for i, p in enumerate(path))
        if path == (tags.PixelData,) and is_encapsulated(el):
            self._compressed(uri, el)
        elif path == (tags.EncapsulatedDocument,):
            mime = self.dataset.get(tags.MIMETypeOfEncapsulatedDocument)
            media = str(mime.value).strip() if mime is not None and mime.value else _OCTET_STREAM
            self.parts.append(Part(value_bytes(el), content_type=media, content_location=uri))
        else:
            self.parts.append(Part(value_bytes(el), content_type=_OCTET_STREAM,
                                   content_location=uri))
        return uri

    def _compressed(self, uri: str, el: DataElement) -> None:
        ts = self.transfer_syntax
        category = _category(self.dataset, ts)
        media = _compressed_media_type(ts, category)
        if media is None:
            raise BulkDataError(f"transfer syntax {ts} has no compressed bulk data media type "
                                f"for a {category} (PS3.18 Table 8.7.3-5); store the instance "
                                "as application/dicom instead", uri, path_text((el.tag,)))
        ct = str(media_types.parse(media).with_params(**{"transfer-syntax": ts}))
        if category == _VIDEO:
            value = el.value
            assert isinstance(value, EncapsulatedPixelData)
            self.parts.append(Part(b"".join(value.fragments), content_type=ct,
                                   content_location=uri))
            return
        try:
            info = PixelInfo.of(self.dataset, ts)
            frames = [frame_data(self.dataset, info, i) for i in range(info.number_of_frames)]
        except PixelDataError as exc:
            raise BulkDataError(f"the compressed frames cannot be split: {exc}", uri,
                                path_text((el.tag,))) from exc
        for frame in frames:
            self.parts.append(Part(frame, content_type=ct, content_location=uri))


def encode_instances(datasets: Sequence[Dataset], *, media: str = _JSON, base: str = "",
                     threshold: int = DEFAULT_THRESHOLD) -> tuple[str, list[Part]]:
    """The parts of a Store request carrying ``datasets`` as metadata and bulk data.

    Parameters
    ----------
    datasets
        The instances; each keeps its transfer syntax (its ``file_meta`` or the one it was read
        in): compressed pixel data goes as compressed bulk data in that syntax.
    media
        ``application/dicom+json`` (one metadata part, an array) or ``application/dicom+xml``
        (one metadata part per instance), PS3.18 10.5.1.4.
    base
        Prefix of the bulk data URIs (they need only be unique within the request; an absolute
        base may be given).
    threshold
        Binary values of more bytes than this go as bulk data; Pixel Data and the Encapsulated
        Document always do.

    Returns
    -------
    (root media type, parts)
        The ``type`` parameter for the request's Content-Type and the parts in order.

    Raises
    ------
    BulkDataError
        Compressed pixel data in a transfer syntax that has no bulk data media type.
    """
    root = root_type_of(media)
    meta: list[Part] = []
    bulk: list[Part] = []
    objects: list[dict[str, object]] = []
    for n, ds in enumerate(datasets):
        uid = ds.get(tags.SOPInstanceUID)
        name = str(uid.value).strip() if uid is not None and uid.value else str(n)
        builder = _Builder(f"{base}{name}/", threshold, transfer_syntax_of(ds), ds)

        def uri(path: TagPath, el: DataElement, builder: _Builder = builder) -> str | None:
            return builder.uri(path, el)

        if root == _JSON:
            objects.append(json_model.to_json_dict(ds, bulk_data_uri=uri,
                                                   bulk_data_threshold=-1))
        else:
            meta.append(Part(xml_model.to_xml(ds, bulk_data_uri=uri, bulk_data_threshold=-1),
                             content_type=_XML))
        bulk.extend(builder.parts)
    if root == _JSON:
        body = json.dumps(objects, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        meta = [Part(body, content_type=_JSON)]
    return root, meta + bulk


@dataclass
class DecodedInstance:
    """An instance read from a metadata and bulk data payload: its data set and the transfer
    syntax its pixel data is in (Explicit VR Little Endian unless compressed bulk data came)."""

    dataset: Dataset
    transfer_syntax: str


class SpooledBody(Protocol):
    """A part's body kept outside memory (a file) until an instance needs it: its size in
    bytes, and :meth:`read` for the bytes."""

    @property
    def size(self) -> int:
        """The body's length in bytes."""
        ...

    def read(self) -> bytes:
        """The body's bytes."""
        ...


@dataclass
class _Bulk:
    media: str
    syntax: str | None
    chunks: list[bytes | SpooledBody] = field(default_factory=list)

    def pieces(self) -> list[bytes]:
        return [c if isinstance(c, bytes) else c.read() for c in self.chunks]


class PayloadAssembler:
    """Reads a Store request of metadata and bulk data parts (PS3.18 10.5.1.4) part by part.

    Feed each part's headers and body with :meth:`add`, in the order received, then call
    :meth:`finish` for the instances (or :meth:`assemble` for one at a time, so that only one
    instance's bulk data is in memory when the bodies are :class:`SpooledBody` files).
    Metadata parts may come before or after the bulk data; bulk data parts are matched to
    ``BulkDataURI`` values by ``Content-Location`` (a relative URI also matches the absolute
    one that ends with it).

    Parameters
    ----------
    root
        The multipart's ``type`` parameter: ``application/dicom+json`` or ``+xml``.
    max_bytes
        Most bytes of bulk data held for one request; more raises :class:`BulkDataError`.
    """

    def __init__(self, root: str, *, max_bytes: int | None = None) -> None:
        self.root = root_type_of(root)
        self.max_bytes = max_bytes
        self._held = 0
        self._metadata: list[Dataset | None] = []
        self._identities: list[tuple[str, str]] = []
        self._bulk: dict[str, _Bulk] = {}

    def add(self, headers: Headers, body: bytes | SpooledBody) -> None:
        """Take one part (a bulk data body may be a :class:`SpooledBody`, read only when its
        instance is assembled; a metadata body is parsed at once).

        Raises
        ------
        WebModelError
            A metadata part that does not parse, a bulk data part without Content-Location or
            past ``max_bytes``.
        """
        ct = headers.content_type
        mime = ct.mime if ct is not None else ""
        if mime in (_JSON, _XML):
            if not isinstance(body, bytes):
                body = body.read()
            found = self._json_array(body) if mime == _JSON else [xml_model.from_xml(body)]
            self._metadata.extend(found)
            self._identities.extend((_uid_text(ds, tags.SOPClassUID),
                                     _uid_text(ds, tags.SOPInstanceUID)) for ds in found)
            return
        location = headers.content_location
        if not location:
            raise BulkDataError(f"a bulk data part ({mime or 'no Content-Type'}) has no "
                                "Content-Location naming the BulkDataURI it fills "
                                "(PS3.18 8.6.1.2)", "", "")
        self._held += len(body) if isinstance(body, bytes) else body.size
        if self.max_bytes is not None and self._held > self.max_bytes:
            raise BulkDataError(f"the request's bulk data passes {self.max_bytes} bytes", location, "")
        entry = self._bulk.get(location)
        if entry is None:
            syntax = ct.param("transfer-syntax") if ct is not None else None
            entry = self._bulk[location] = _Bulk(mime or _OCTET_STREAM, syntax)
        entry.chunks.append(body)

    @staticmethod
    def _json_array(body: bytes) -> list[Dataset]:
        """The data sets of a whole JSON metadata part (one ``json.loads``: the part is in
        memory, so the streaming splitter of :func:`json_model.iter_datasets` would only add
        its cost: 1.1-2.3x slower on the metadata of 100 CT images, measured under load)."""
        found = json_model.loads(body)
        if not isinstance(found, list):
            raise WebModelError("the JSON metadata is one object, not an array of them "
                                "(PS3.18 10.5.1.4: \"an array of DICOM JSON Model Objects\")")
        return found

    def _find(self, uri: str) -> _Bulk | None:
        found = self._bulk.get(uri)
        if found is not None:
            return found
        for location, entry in self._bulk.items():
            if uri.endswith("/" + location.lstrip("/")) or location.endswith("/" + uri.lstrip("/")):
                return entry
        return None

    def __len__(self) -> int:
        """How many instances the metadata parts held."""
        return len(self._metadata)

    def identity(self, index: int) -> tuple[str, str]:
        """The SOP Class and SOP Instance UIDs of instance ``index`` ("" where absent), also
        after :meth:`assemble` let go of it (for a failure report)."""
        return self._identities[index]

    def finish(self) -> list[DecodedInstance]:
        """The instances, every bulk data value filled.

        Raises
        ------
        WebModelError
            A payload without metadata.
        BulkDataError
            A BulkDataURI no part fills, or compressed pixel data whose transfer syntax is
            neither given nor the default of its media type.
        """
        if not self._metadata:
            raise WebModelError(f"the payload has no {self.root} metadata part (PS3.18 10.5.1.4)")
        return [self.assemble(i) for i in range(len(self._metadata))]

    def assemble(self, index: int) -> DecodedInstance:
        """Instance ``index`` with its bulk data values filled.  The assembler lets go of it,
        so that only one instance's bulk data need be in memory; each is assembled once.

        Raises
        ------
        BulkDataError
            As :meth:`finish`, for this instance.
        IndexError
            An index past :func:`len`, or an instance assembled already.
        """
        ds = self._metadata[index]
        if ds is None:
            raise IndexError(f"instance {index} of the payload was assembled already")
        self._metadata[index] = None
        syntax = EXPLICIT_VR_LITTLE_ENDIAN
        for path, el in list(bulk_data_references(ds)):
            uri = el.value.uri
            entry = self._find(uri)
            if entry is None:
                raise BulkDataError("no part of the payload has this Content-Location", uri,
                                    path_text(path))
            if path == (tags.PixelData,) and entry.media != _OCTET_STREAM:
                syntax = entry.syntax or default_transfer_syntax(
                    entry.media, _category(ds, "")) or ""
                if not syntax:
                    raise BulkDataError(f"compressed pixel data as {entry.media} without a "
                                        "transfer-syntax parameter, and that media type has "
                                        "no default (PS3.18 Table 8.7.3-5)", uri,
                                        path_text(path))
                frags = [f + b"\x00" if len(f) % 2 else f for f in entry.pieces()]
                ds[el.tag] = DataElement(el.tag, "OB", EncapsulatedPixelData(frags, []),
                                         undefined_length=True)
            else:
                set_value(ds, path, el, b"".join(entry.pieces()))
        return DecodedInstance(ds, syntax)


def _uid_text(ds: Dataset, tag: int) -> str:
    el = ds.get(tag)
    return str(el.value).strip("\x00 ") if el is not None and el.value else ""
