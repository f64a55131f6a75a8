"""Bulk data references of the DICOMweb models: values kept as a URI until resolved.

PS3.18 F.2.6 (``BulkDataURI`` of the JSON model) and PS3.19 A.1.5 (``BulkData uri`` of the
Native DICOM Model) let a value field be sent as a reference to a WADO-RS bulk data resource.
On writing, a caller-supplied :data:`BulkDataURIBuilder` says which values go as references and
under which URI; on reading, a caller-supplied :data:`BulkDataResolver` fetches them, or they
stay in the data set as :class:`BulkDataURI` values, to be resolved later with
:func:`resolve_bulk_data` (or :func:`aresolve_bulk_data` with an async resolver).

Elements are named by their *tag path*: tags and item indexes alternating from the top data
set, ``(0x00540016, 0, 0x00280010)`` for the Rows of the first item of a sequence.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.web.element_values import element_from_bytes
from dicomkit.web.errors import BulkDataError

__all__ = ["BulkDataResolver", "BulkDataURI", "BulkDataURIBuilder", "AsyncBulkDataResolver",
           "TagPath", "aresolve_bulk_data", "bulk_data_references", "path_text",
           "resolve_bulk_data", "set_value"]

#: Tags and item indexes alternating from the top data set.
TagPath = tuple[int, ...]


@dataclass(frozen=True)
class BulkDataURI:
    """The value of an element read as a reference that was not resolved (PS3.18 F.2.6).

    The element keeps its VR; writing it to JSON or XML writes the reference again.  Resolve it
    (:func:`resolve_bulk_data`) before encoding the data set in a transfer syntax.
    """

    uri: str

    def __str__(self) -> str:
        return self.uri


#: ``builder(path, element) -> uri or None``: the URI under which a value is sent as bulk data,
#: None to send it inline.  Called only for values larger than the writer's threshold.
BulkDataURIBuilder = Callable[[TagPath, DataElement], "str | None"]

#: ``resolver(uri, path, vr) -> bytes``: the value field (little endian for binary VRs, as
#: PS3.18 8.7.3.3.1 sends bulk data) of the element at ``path``.
BulkDataResolver = Callable[[str, TagPath, str], bytes]

#: The async form of :data:`BulkDataResolver`, for :func:`aresolve_bulk_data`.
AsyncBulkDataResolver = Callable[[str, TagPath, str], Awaitable[bytes]]


def path_text(path: TagPath) -> str:
    """``(0x00540016, 0, 0x00280010)`` -> ``"(0054,0016)[0].(0028,0010)"``."""
    out = []
    for i, part in enumerate(path):
        if i % 2:
            out.append(f"[{part}].")
        else:
            out.append(f"({part >> 16:04X},{part & 0xFFFF:04X})")
    return "".join(out)


def bulk_data_references(ds: Dataset, _prefix: TagPath = ()) -> Iterator[tuple[TagPath,
                                                                               DataElement]]:
    """Every element of ``ds`` and its sequence items still holding a :class:`BulkDataURI`."""
    for el in ds.elements():
        path = (*_prefix, el.tag)
        if el.vr == "SQ":
            for i, item in enumerate(el.value or ()):
                yield from bulk_data_references(item, (*path, i))
        elif not el.is_raw and isinstance(el.value, BulkDataURI):
            yield path, el


def set_value(ds: Dataset, path: TagPath, el: DataElement, raw: bytes) -> None:
    """Put the value field ``raw`` (little endian) of ``el`` at ``path`` into ``ds``."""
    target = ds
    for i in range(0, len(path) - 1, 2):
        target = target[path[i]].value[path[i + 1]]
    target[el.tag] = element_from_bytes(el.tag, el.vr, raw)


def resolve_bulk_data(ds: Dataset, resolver: BulkDataResolver) -> int:
    """Fetch every unresolved bulk data value of ``ds`` with ``resolver``; the count resolved.

    Raises
    ------
    BulkDataError
        When the resolver fails (its exception is the cause) or returns something else than
        bytes; the values resolved before stay resolved.
    """
    n = 0
    for path, el in list(bulk_data_references(ds)):
        uri = el.value.uri
        try:
            raw = resolver(uri, path, el.vr)
        except BulkDataError:
            raise
        except Exception as exc:
            raise BulkDataError(f"the resolver failed: {exc}", uri, path_text(path)) from exc
        if not isinstance(raw, bytes | bytearray | memoryview):
            raise BulkDataError(f"the resolver returned {type(raw).__name__}, not bytes", uri,
                                path_text(path))
        set_value(ds, path, el, bytes(raw))
        n += 1
    return n


async def aresolve_bulk_data(ds: Dataset, resolver: AsyncBulkDataResolver) -> int:
    """:func:`resolve_bulk_data` with an async resolver (an HTTP client's, under anyio)."""
    n = 0
    for path, el in list(bulk_data_references(ds)):
        uri = el.value.uri
        try:
            raw = await resolver(uri, path, el.vr)
        except BulkDataError:
            raise
        except Exception as exc:
            raise BulkDataError(f"the resolver failed: {exc}", uri, path_text(path)) from exc
        if not isinstance(raw, bytes | bytearray | memoryview):
            raise BulkDataError(f"the resolver returned {type(raw).__name__}, not bytes", uri,
                                path_text(path))
        set_value(ds, path, el, bytes(raw))
        n += 1
    return n
