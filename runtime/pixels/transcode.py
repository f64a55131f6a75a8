"""Transcoding: re-encode a data set's pixel data in another transfer syntax.

Between two native syntaxes nothing is decoded: the writer re-encodes the data set (byte order,
explicit or implicit VR, deflate).  Otherwise every frame is decoded to its stored values (by
the codec of the source syntax, without colour conversion, or unpacked when native) and encoded
again (by the codec of the target syntax, or packed when native), and the attributes that
describe the pixel data are updated to match what was written: Planar Configuration 0 for
encapsulated syntaxes (PS3.5 8.2), OB/OW, the Extended Offset Table removed or rebuilt, and
Photometric Interpretation, so that it always names the colour space the written values are in.
The colour space is kept: YBR stays YBR and RGB stays RGB, except where a codec's own transform
decides (PS3.5 8.2): JPEG Baseline codes colour as ``YBR_FULL_422``; JPEG 2000 encodes RGB with
its reversible or irreversible transform (``YBR_RCT``, ``YBR_ICT``) and decodes such frames to
RGB (the transform is part of the codestream, so they are written elsewhere as ``RGB``); 4:2:2
data (``YBR_FULL_422``) is decoded with its chrominance expanded and written as ``YBR_FULL``.

Lossy targets set the Lossy Image Compression attributes (PS3.3 C.7.6.1.1.5: Lossy Image
Compression "01", Lossy Image Compression Ratio and Method, one value appended per lossy step)
and give the result a new SOP Instance UID, because its pixels are no longer those of the
original instance.  On lossless paths the decoded result is compared with the source frames
(``verify=True``, the default) and any difference is an error: a lossless transcode never
changes pixel values.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import Any

import numpy as np

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement, EncodingContext
from dicomkit.core.uid import generate_uid
from dicomkit.generated import tags
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES, TransferSyntax
from dicomkit.io.encapsulation import EncapsulatedPixelData
from dicomkit.pixels.info import PIXEL_DATA_TAGS, SUBSAMPLED_422, PixelDataError, PixelInfo

__all__ = ["TranscodeError", "resolve_transfer_syntax", "transcode", "transcode_obstacle"]

_PIXEL_DATA = tags.PixelData
_EXTENDED_OFFSET_TABLE = tags.ExtendedOffsetTable
_EXTENDED_OFFSET_TABLE_LENGTHS = tags.ExtendedOffsetTableLengths
#: A Basic Offset Table holds 32-bit offsets (PS3.5 A.4); beyond that the Extended Offset
#: Table (7FE0,0001) is used and the basic one left empty.
_BASIC_TABLE_LIMIT = 0xFFFFFFFF


class TranscodeError(PixelDataError):
    """A transcode that cannot be done: unknown or unencodable target, changed pixel values."""


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def resolve_transfer_syntax(name: str) -> str:
    """The UID of a transfer syntax given by UID, keyword or name (case and punctuation
    ignored), from the generated PS3.6 table: ``"1.2.840.10008.1.2.4.90"``,
    ``"JPEG2000Lossless"`` and ``"JPEG 2000 Image Compression (Lossless Only)"`` are the same.

    Raises
    ------
    TranscodeError
        When nothing matches, listing the keywords that exist.
    """
    if name in TRANSFER_SYNTAXES:
        return name
    wanted = _norm(name)
    for uid, ts in TRANSFER_SYNTAXES.items():
        if wanted in (_norm(ts.keyword), _norm(ts.name)) and wanted:
            return uid
    known = ", ".join(sorted(ts.keyword for ts in TRANSFER_SYNTAXES.values() if ts.keyword))
    raise TranscodeError(f"unknown transfer syntax {name!r}; give a UID or one of: {known}")


def _meta_syntax(ds: Dataset) -> str:
    meta = ds.file_meta
    elem = meta.get("TransferSyntaxUID") if meta is not None else None
    value = str(elem.value).strip("\x00 ") if elem is not None and elem.value else ""
    return value or ds.read_transfer_syntax or "1.2.840.10008.1.2.1"


def _decoded_frames(ds: Dataset, info: PixelInfo) -> Iterator[tuple[np.ndarray, str]]:
    """Each frame decoded to its stored values, colour-by-pixel, with the colour space they
    are in (no colour conversion)."""
    from dicomkit.pixels import array as pixel_array_module

    yield from pixel_array_module.decoded_frames(ds, info, as_rgb=False)


def _set(ds: Dataset, keyword: str, value: Any) -> None:
    """Set an element by a new DataElement: the copy shares element objects with the source
    data set, so assigning a value in place would change the source too."""
    from dicomkit.core.dataset import dictionary_vr
    from dicomkit.core.values import split_multi_valued

    tag = tag_for_keyword(keyword)
    assert tag is not None, keyword
    old = ds.get(tag)
    vr = old.vr if old is not None else dictionary_vr(tag, ds)
    ds[tag] = DataElement(tag, vr, split_multi_valued(vr, value))


def _append_lossy(ds: Dataset, ratio: float | None, method: str | None) -> None:
    """Record a lossy step (PS3.3 C.7.6.1.1.5): "01", and one more ratio and method value."""
    _set(ds, "LossyImageCompression", "01")
    if ratio is not None:
        old = ds.get("LossyImageCompressionRatio")
        values = [] if old is None or old.value in (None, "") else list(
            old.value if isinstance(old.value, list | tuple) else [old.value])
        values.append(f"{ratio:.6g}"[:16])
        _set(ds, "LossyImageCompressionRatio", values if len(values) > 1 else values[0])
    if method:
        old = ds.get("LossyImageCompressionMethod")
        methods = [] if old is None or old.value in (None, "") else list(
            old.value if isinstance(old.value, list | tuple) else [old.value])
        methods.append(method)
        _set(ds, "LossyImageCompressionMethod", methods if len(methods) > 1 else methods[0])


def _offsets(frames: list[bytes]) -> list[int]:
    out, pos = [], 0
    for f in frames:
        out.append(pos)
        pos += 8 + len(f)
    return out


def _encapsulate(ds: Dataset, frames: list[bytes]) -> None:
    """Put encoded frames in Pixel Data, one fragment per frame (PS3.5 A.4), with a Basic
    Offset Table, or the Extended Offset Table when offsets pass 32 bits."""
    frames = [f + b"\x00" if len(f) % 2 else f for f in frames]
    offsets = _offsets(frames)
    for tag in (_EXTENDED_OFFSET_TABLE, _EXTENDED_OFFSET_TABLE_LENGTHS):
        if tag in ds:
            del ds[tag]
    if offsets and offsets[-1] + 8 + len(frames[-1]) > _BASIC_TABLE_LIMIT:
        value = EncapsulatedPixelData(frames, [])
        ds.add_new(_EXTENDED_OFFSET_TABLE, "OV", struct.pack(f"<{len(offsets)}Q", *offsets))
        ds.add_new(_EXTENDED_OFFSET_TABLE_LENGTHS, "OV",
                   struct.pack(f"<{len(frames)}Q", *map(len, frames)))
    else:
        value = EncapsulatedPixelData(frames, offsets if len(frames) > 1 else [])
    ds[_PIXEL_DATA] = DataElement(_PIXEL_DATA, "OB", value, undefined_length=True)


def transcode_obstacle(source: str, target: str) -> str | None:
    """Why pixel data stored in ``source`` cannot be transcoded into ``target`` with the
    codecs installed (both transfer syntax UIDs), or None when nothing stands in the way.

    Decided from the syntaxes alone, before any file is read, so that a server can refuse a
    request before it starts answering; damaged pixel data is found only by :func:`transcode`.
    """
    from dicomkit import codecs

    t = TRANSFER_SYNTAXES.get(target)
    if t is None:
        return f"{target} is not a transfer syntax dicomkit knows"
    if t.referenced:
        return f"{t.name} ({target}) references pixel data kept elsewhere (JPIP)"
    s = TRANSFER_SYNTAXES.get(source)
    if source == target:
        return None
    if s is not None and s.encapsulated and not codecs.can_decode(source):
        return f"no installed codec decodes {s.name} ({source})"
    if t.encapsulated and not codecs.can_encode(target):
        return f"no installed codec encodes {t.name} ({target})"
    return None


def transcode(ds: Dataset, transfer_syntax: str, *, verify: bool = True,
              **options: Any) -> Dataset:
    """A copy of ``ds`` whose pixel data is encoded in ``transfer_syntax`` (UID, keyword or name).

    Parameters
    ----------
    ds
        The data set; it is not changed.
    transfer_syntax
        The target, resolved by :func:`resolve_transfer_syntax`.
    verify
        On a lossless target, decode what was encoded and compare it with the source frames.
    **options
        Passed to the encoder: ``quality`` (lossy JPEG, 1-100), ``near`` (JPEG-LS
        near-lossless), ``ratio`` (lossy JPEG 2000 compression ratio).

    Returns
    -------
    Dataset
        A new data set (elements shared with ``ds`` where unchanged) whose file meta names
        the target syntax; write it with :func:`dicomkit.write`.

    Raises
    ------
    TranscodeError
        Unknown target, a referenced (JPIP) or video target, float pixel data into a codec,
        or pixel values changed on a lossless path.
    dicomkit.codecs.CodecUnavailableError
        When the codec library of the source or target syntax is not installed (the message
        names the ``pip install`` extra).
    """
    target_uid = resolve_transfer_syntax(transfer_syntax)
    target: TransferSyntax = TRANSFER_SYNTAXES[target_uid]
    source_uid = _meta_syntax(ds)
    source = TRANSFER_SYNTAXES.get(source_uid)
    name = str(getattr(ds, "filename", "") or "")
    if target.referenced:
        raise TranscodeError(f"{target.name} ({target_uid}) references pixel data kept "
                             "elsewhere (JPIP); dicomkit cannot transcode into it", source=name)
    out = ds.copy()
    out.file_meta = ds.file_meta.copy() if ds.file_meta is not None else Dataset()
    _set(out.file_meta, "TransferSyntaxUID", target_uid)
    pixels = next((t for t in PIXEL_DATA_TAGS if t in ds), None)
    source_encapsulated = bool(source and source.encapsulated)
    if pixels is None or (not source_encapsulated and not target.encapsulated):
        return out  # nothing to decode: the writer re-encodes native data in any syntax
    if source_uid == target_uid and not options:
        return out
    info = PixelInfo.of(ds, source_uid)
    if info.is_float and target.encapsulated:
        raise TranscodeError(f"{info.pixel_keyword} cannot be put in {target.name}: "
                             "encapsulated syntaxes hold integer Pixel Data only (PS3.5 8.2)",
                             source=name, tag_path="(7FE0,0008)")
    if target.encapsulated and target.lossless is not True and \
            info.photometric_interpretation == "PALETTE COLOR":
        raise TranscodeError(f"{target.name} is lossy: it would change palette indices into "
                             "other colours; PALETTE COLOR images take lossless syntaxes only",
                             source=name, tag_path="(0028,0004)")
    frames = list(_decoded_frames(ds, info))
    photometric = frames[0][1] if frames else info.photometric_interpretation
    if info.samples_per_pixel == 3 and photometric in SUBSAMPLED_422:
        raise TranscodeError(f"{photometric} data is decoded with its chrominance expanded, and "
                             "no Photometric Interpretation names that form of it; dicomkit "
                             "cannot re-encode it", source=name, tag_path="(0028,0004)")
    if not target.encapsulated:
        from dicomkit.pixels import native

        stack = np.stack([f for f, _ in frames]) if len(frames) > 1 else frames[0][0]
        layout = info.with_(photometric_interpretation=photometric, planar_configuration=0,
                            transfer_syntax=target_uid)
        data = native.pack(stack, layout)
        for tag in (_EXTENDED_OFFSET_TABLE, _EXTENDED_OFFSET_TABLE_LENGTHS):
            if tag in out:
                del out[tag]
        vr = "OW" if info.bits_allocated > 8 else "OB"
        # packed little endian and said so: the writer swaps OW words for a big endian target
        out[_PIXEL_DATA] = DataElement(_PIXEL_DATA, vr, raw=data,
                                       context=EncodingContext(little_endian=True))
        if photometric != info.photometric_interpretation:
            _set(out, "PhotometricInterpretation", photometric)
        if info.samples_per_pixel > 1:
            _set(out, "PlanarConfiguration", 0)
        return out
    from dicomkit import codecs

    layout = info.with_(photometric_interpretation=photometric, planar_configuration=0)
    encoded = [codecs.encode_frame(array, layout, target_uid, **options) for array, _ in frames]
    _encapsulate(out, [e.data for e in encoded])
    new_photometric = encoded[0].photometric if encoded else photometric
    if new_photometric != info.photometric_interpretation:
        _set(out, "PhotometricInterpretation", new_photometric)
    if info.samples_per_pixel > 1:
        _set(out, "PlanarConfiguration", 0)
    lossy = any(e.lossy for e in encoded)
    if lossy:
        ratios = [e.ratio for e in encoded if e.ratio]
        _append_lossy(out, sum(ratios) / len(ratios) if ratios else None, encoded[0].method)
        uid = generate_uid()
        _set(out, "SOPInstanceUID", uid)
        _set(out.file_meta, "MediaStorageSOPInstanceUID", uid)
    elif verify:
        check = info.with_(photometric_interpretation=new_photometric, planar_configuration=0,
                           transfer_syntax=target_uid)
        for index, ((before, before_pi), e) in enumerate(zip(frames, encoded)):
            after = codecs.decode_frame(e.data, check, frame=index)
            if after.photometric == before_pi and not np.array_equal(after.array, before):
                raise TranscodeError(
                    f"{target.name} changed pixel values although it is lossless (a limit or "
                    "defect of the codec library for this data); nothing was written",
                    source=name, frame=index)
    return out

