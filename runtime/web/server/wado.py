"""WADO-RS (PS3.18 10.4): instances, metadata, frames and bulk data of the archive.

* Instances: ``multipart/related; type="application/dicom"``, each part a stored file streamed
  from disk a block at a time (a study is never in memory), or, when another transfer syntax is
  asked for, one instance transcoded at a time (:func:`dicomkit.pixels.transcode.transcode`).
  No ``transfer-syntax`` parameter means Explicit VR Little Endian (Table 8.7.3-2); ``*`` the
  stored one (8.7.3.5.2).
* Metadata: the DICOM JSON of every instance (F.2), its bulk data as absolute BulkDataURIs
  (F.2.6); each instance's JSON is cached under the sha256 of its file.
* Frames (10.4.1.1.5): uncompressed (``application/octet-stream``, Explicit VR Little Endian
  unless ``transfer-syntax=*`` asks for the stored syntax) or compressed media types of Table
  8.7.3-5; every part says its ``transfer-syntax``.
* Bulk data (10.4.1.1.3): the little endian value field of one element, with byte ranges
  (RFC 7233: 206, or 416 past the end).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import Any

import anyio
import orjson

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.web import MEDIA_TYPE_SYNTAXES, MediaType
from dicomkit.io.encapsulation import pixel_data_fragments
from dicomkit.io.reader import read
from dicomkit.io.writer import encode_file
from dicomkit.pixels.info import PixelInfo
from dicomkit.pixels.transcode import transcode, transcode_obstacle
from dicomkit.web.bulkdata import TagPath
from dicomkit.web.element_values import value_bytes
from dicomkit.web.json_model import to_json_dict
from dicomkit.web.multipart import Part, file_body
from dicomkit.web.server.errors import HttpError
from dicomkit.web.server.instances import Stored
from dicomkit.web.server.rendered import PIXEL_TAGS
from dicomkit.web.server.urls import instance_url

__all__ = ["FRAME_TYPES", "bulk_path", "frame_numbers", "frame_parts", "frame_syntax",
           "check_transcodable", "instance_json", "instance_parts", "instance_syntax", "read_bulk",
           "stored_frames"]

_EVRLE = uids.ExplicitVRLittleEndian
_OCTET = str(MediaType.APPLICATION_OCTET_STREAM)
_DICOM = str(MediaType.APPLICATION_DICOM)
_FRAME_TABLES = ("8.7.3-4", "8.7.3-5")
_FRAME_CATEGORIES = ("single frame image", "multi-frame image")
#: The media types a frame can be sent as (Tables 8.7.3-4 and 8.7.3-5), octet-stream first.
FRAME_TYPES: tuple[str, ...] = tuple(dict.fromkeys(
    [_OCTET] + [s.media_type for s in MEDIA_TYPE_SYNTAXES
                if s.table == "8.7.3-5" and s.category.lower() in _FRAME_CATEGORIES]))
_FRAME_ITEM = re.compile(r"^(\d{1,10})(?:-(\d{1,10}))?$")
_PATH = re.compile(r"^[0-9A-Fa-f]{8}(\.\d+\.[0-9A-Fa-f]{8})*$")


def _syntaxes(media_type: str) -> dict[str, bool]:
    """transfer syntax -> default, of a frame media type."""
    out: dict[str, bool] = {}
    for s in MEDIA_TYPE_SYNTAXES:
        if s.media_type == media_type and s.table in _FRAME_TABLES and \
                s.category.lower() in _FRAME_CATEGORIES:
            out[s.transfer_syntax] = out.get(s.transfer_syntax, False) or s.default
    return out


def _media_of(syntax: str) -> str:
    """The frame media type of a transfer syntax (octet-stream for native ones)."""
    ts = TRANSFER_SYNTAXES.get(syntax)
    if ts is None or not ts.encapsulated:
        return _OCTET
    for s in MEDIA_TYPE_SYNTAXES:
        if s.table == "8.7.3-5" and s.transfer_syntax == syntax:
            return s.media_type
    return _OCTET


def instance_syntax(part: str, param: str | None) -> str | None:
    """The syntax to send instances in for a ``transfer-syntax`` parameter: Explicit VR Little
    Endian when absent (Table 8.7.3-2), ``*`` for the stored one, else the UID when dicomkit
    can write it (not a referenced JPIP syntax)."""
    if param is None:
        return _EVRLE
    if param == "*":
        return "*"
    ts = TRANSFER_SYNTAXES.get(param)
    if ts is None or ts.referenced:
        return None
    return param


def frame_syntax(stored: str) -> Callable[[str, str | None], str | None]:
    """The chooser of frame syntaxes for an instance stored in ``stored``: octet-stream is
    Explicit VR Little Endian (or the stored syntax for ``*``), a compressed media type its
    default syntax (or ``*``: the stored one when it is of that media type)."""

    def can(part: str, param: str | None) -> str | None:
        allowed = _syntaxes(part)
        if param == "*":
            return stored if part == _OCTET or _media_of(stored) == part else None
        if param is None:
            return next((ts for ts, d in allowed.items() if d), None)
        return param if param in allowed else None

    return can


# --------------------------------------------------------------------------- instances

def _transcoded(path: str, target: str) -> bytes:
    ds = read(path)
    return encode_file(transcode(ds, target), target)


def check_transcodable(stored: list[Stored], syntax: str) -> None:
    """Refuse, before anything is sent, a retrieve whose instances the installed codecs
    cannot put in ``syntax`` (``*``: as stored, always possible).

    Raises
    ------
    HttpError
        406 naming the instances and why (PS3.18 8.7.5: the origin server cannot give the
        representation asked for); ``transfer-syntax=*`` is always possible.
    """
    if syntax == "*":
        return
    blocked: dict[str, list[str]] = {}
    reasons: dict[str, str | None] = {}
    for s in stored:
        if s.transfer_syntax not in reasons:
            reasons[s.transfer_syntax] = transcode_obstacle(s.transfer_syntax, syntax)
        why = reasons[s.transfer_syntax]
        if why is not None:
            blocked.setdefault(why, []).append(s.instance)
    if blocked:
        text = "; ".join(f"{why}: instance(s) {', '.join(sops[:5])}"
                         f"{f' and {len(sops) - 5} more' if len(sops) > 5 else ''}"
                         for why, sops in blocked.items())
        raise HttpError(406, f"the instances cannot be sent in {syntax}: {text}; ask for "
                        "transfer-syntax=* to get them as stored")


def instance_parts(stored: list[Stored], syntax: str) -> AsyncIterator[Part]:
    """The parts of a retrieve of ``stored`` in ``syntax`` (``*``: as stored), made one at a
    time as the response is written.

    A transcode that fails raises :class:`HttpError` 406 naming the instance: before the
    answer starts (:func:`~dicomkit.web.server.streaming.prefetch` of the first part) that is
    its status; later the stream is cut off
    (:class:`~dicomkit.web.server.streaming.CutOffStreamingResponse`).
    """

    async def parts() -> AsyncIterator[Part]:
        for s in stored:
            if syntax in ("*", s.transfer_syntax):
                yield Part(file_body(s.path), content_type=f"{_DICOM}; transfer-syntax="
                           f"{s.transfer_syntax}", content_length=s.size)
                continue
            try:
                data = await anyio.to_thread.run_sync(_transcoded, str(s.path), syntax)
            except DicomError as exc:
                raise HttpError(406, f"instance {s.instance} of series {s.series} "
                                f"({s.path.name}) cannot be sent in {syntax}: {exc}; ask for "
                                "transfer-syntax=* to get it as stored") from None
            yield Part(data, content_type=f"{_DICOM}; transfer-syntax={syntax}")

    return parts()


# --------------------------------------------------------------------------- metadata

def bulk_path(path: TagPath) -> str:
    """A tag path as the last segment of a bulk data URI: ``7FE00010``,
    ``00540016.0.00280010``."""
    return ".".join(f"{p:08X}" if i % 2 == 0 else str(p) for i, p in enumerate(path))


def instance_json(s: Stored, base: str, threshold: int) -> bytes:
    """The DICOM JSON object of one instance (PS3.18 F.2), values larger than ``threshold``
    bytes as absolute BulkDataURIs (F.2.6)."""
    ds = read(str(s.path), defer_size=threshold)
    url = instance_url(base, s.study, s.series, s.instance) + "/bulk/"
    return orjson.dumps(to_json_dict(ds, bulk_data_uri=lambda p, _el: url + bulk_path(p),
                                     bulk_data_threshold=threshold))


# --------------------------------------------------------------------------- frames

def frame_numbers(text: str, count: int) -> list[int]:
    """The frame numbers of a ``{frames}`` path segment: ``"1,3,5"`` -> [1, 3, 5].

    PS3.18 10.1 (the URI template variables): ``{frames}`` is "a comma-separated list of frame
    numbers, in ascending order"; frame numbers start at 1 (10.4.1.1.5).  A number may repeat
    (the order is still ascending).  dicomkit also takes ranges ``first-last`` among the items
    (``1-10,20``), an extension of PS3.18 for clients that ask for many frames.

    Parameters
    ----------
    count
        The instance's number of frames (1 when it has no Number of Frames, PS3.3 C.7.6.6):
        a number past it is a 404; ranges are expanded only once checked against it.

    Raises
    ------
    HttpError
        400 for anything but ascending frame numbers from 1 (or a range whose end is before
        its start), 404 for a frame past ``count``.
    """
    ranges: list[tuple[int, int]] = []
    for item in text.split(","):
        m = _FRAME_ITEM.match(item)
        first = int(m.group(1)) if m else 0
        last = int(m.group(2)) if m and m.group(2) else first
        if m is None or first < 1 or last < first:
            raise HttpError(400, f"frame list {text!r}: {item!r} is not a frame number from 1 "
                            "(or a range first-last); {frames} is a comma-separated list of "
                            "frame numbers in ascending order (PS3.18 10.1, 10.4.1.1.5)")
        if ranges and first < ranges[-1][1]:
            raise HttpError(400, f"frame list {text!r} is not in ascending order "
                            "(PS3.18 10.1: {frames} lists frame numbers in ascending order)")
        ranges.append((first, last))
    past = [f"{a}-{b}" if a != b else str(a) for a, b in ranges if b > count]
    if past:
        raise HttpError(404, f"frame(s) {', '.join(past)} do not exist: the instance has "
                        f"{count} frame(s)")
    return [n for a, b in ranges for n in range(a, b + 1)]


def stored_frames(ds: Dataset, syntax: str) -> list[bytes]:
    """Every frame of ``ds`` (its pixel data encoded in ``syntax``) as sent in a frame part."""
    info = PixelInfo.of(ds, syntax)
    if info.encapsulated:
        return list(pixel_data_fragments(ds).frames(info.number_of_frames))
    el = ds[info.pixel_keyword]
    data = value_bytes(el)
    n = info.frame_length
    if info.bits_allocated == 1 and info.frame_bits % 8:
        raise HttpError(406, "frames of Bits Allocated 1 that do not end on a byte boundary "
                        "cannot be cut apart; retrieve the instance instead")
    return [data[i * n:(i + 1) * n] for i in range(info.number_of_frames)]


def _frames(path: str, stored: str, target: str, numbers: list[int]) -> list[bytes]:
    ds = read(path)
    if not any(t in ds for t in PIXEL_TAGS):
        raise HttpError(400, "the instance has no pixel data: it has no frames")
    if target != stored:
        ds = transcode(ds, target)
    frames = stored_frames(ds, target)
    bad = [n for n in numbers if n > len(frames)]
    if bad:
        raise HttpError(404, f"frame(s) {', '.join(map(str, bad))} do not exist: the instance "
                        f"has {len(frames)} frame(s)")
    return [frames[n - 1] for n in numbers]


async def frame_parts(s: Stored, part: str, syntax: str, numbers: list[int]) -> list[Part]:
    """The parts of a frame retrieve, each with ``transfer-syntax`` (PS3.18 8.7.3.5)."""
    try:
        frames = await anyio.to_thread.run_sync(_frames, str(s.path), s.transfer_syntax, syntax,
                                                numbers)
    except HttpError:
        raise
    except DicomError as exc:
        raise HttpError(406, f"the frames cannot be sent in {syntax}: {exc}") from None
    ct = f"{part}; transfer-syntax={syntax}"
    return [Part(f, content_type=ct) for f in frames]


# --------------------------------------------------------------------------- bulk data

def _bulk(path: str, tag_path: str) -> bytes:
    ds = read(path)
    parts = tag_path.split(".")
    target: Any = ds
    for i in range(0, len(parts) - 1, 2):
        el = target.get(int(parts[i], 16))
        index = int(parts[i + 1])
        if el is None or el.vr != "SQ" or index >= len(el.value):
            raise HttpError(404, f"the instance has no bulk data at {tag_path}")
        target = el.value[index]
    el = target.get(int(parts[-1], 16))
    if el is None or el.vr == "SQ":
        raise HttpError(404, f"the instance has no bulk data at {tag_path}")
    return value_bytes(el)


async def read_bulk(s: Stored, tag_path: str) -> bytes:
    """The little endian value field of the element at ``tag_path`` (:func:`bulk_path` form).

    Raises
    ------
    HttpError
        404 when the instance has no such element.
    """
    if not _PATH.match(tag_path):
        raise HttpError(404, f"{tag_path!r} is not a bulk data path of this server")
    return await anyio.to_thread.run_sync(partial(_bulk, str(s.path), tag_path))
