"""The DICOM JSON Model (PS3.18 Annex F): data sets to JSON and back, one or many, streaming.

Each element is ``"GGGGEEEE": {"vr": VR, ...}`` (F.2.2) with at most one of ``Value`` (a list
of values), ``InlineBinary`` (the base64 of the value field, F.2.7) or ``BulkDataURI`` (a
reference, F.2.6); an empty element has none of them (F.2.5) and an empty value of a
multi-valued element is ``null``.  Person names are objects of ``Alphabetic`` /
``Ideographic`` / ``Phonetic`` groups; the number VRs (JSON data type "Number" of Table
F.2.3-1) are JSON numbers, IS/DS/SV/UV too unless their text does not fit one (F.2.3); AT
values are ``"GGGGEEEE"``; sequence items are objects (``{}`` when empty).  Binary values
are little endian (F.2.7 applies PS3.5's byte order rules; big endian files are swapped).
Private elements keep their tags (PS3.5 7.8.1), so their creators travel as the LO elements
they are; group lengths (gggg,0000) are left out (F.2.2).  JSON text is Unicode (F.2: "The
default character repertoire shall be UTF-8"): text read from a file is decoded in its
Specific Character Set, and text read from JSON is encoded in the data set's Specific
Character Set when written (``utf8=True`` makes it ISO_IR 192).

Many data sets are a JSON array (F.2.1): :func:`iter_json_array` writes one chunk at a time and
:func:`iter_datasets` / :func:`aiter_datasets` read one data set at a time from chunks.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Any

from dicomkit.core.config import validation_mode
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence
from dicomkit.generated import tags
from dicomkit.generated.vrs import VRS
from dicomkit.web.bulkdata import BulkDataResolver, BulkDataURI, BulkDataURIBuilder, TagPath
from dicomkit.web.element_values import (
    NUMBER_VRS,
    PN_GROUPS,
    element_from_bytes,
    element_from_values,
    number_of,
    person_name_groups,
    person_name_text,
)
from dicomkit.web.errors import BulkDataError, JsonModelError
from dicomkit.web.forms import element_form
from dicomkit.web.json_array import JsonArraySplitter

__all__ = ["DEFAULT_BULK_DATA_THRESHOLD", "aiter_datasets", "aiter_json_array", "dumps",
           "from_json_dict", "iter_datasets", "iter_json_array", "loads", "to_json_dict"]

#: Values larger than this many bytes go as BulkDataURI when a URI builder is given.
DEFAULT_BULK_DATA_THRESHOLD = 1024

_ISO_IR_192 = "ISO_IR 192"


class _Writer:
    __slots__ = ("builder", "threshold")

    def __init__(self, builder: BulkDataURIBuilder | None, threshold: int) -> None:
        self.builder = builder
        self.threshold = threshold

    def dataset(self, ds: Dataset, prefix: TagPath) -> dict[str, Any]:
        # F.2.2: "Group Length (gggg,0000) attributes shall not be included"
        return {f"{el.tag:08X}": self.element(el, prefix) for el in ds.elements()
                if el.tag & 0xFFFF}

    def element(self, el: DataElement, prefix: TagPath) -> dict[str, Any]:
        path = (*prefix, el.tag)
        form, vr, payload = element_form(el, path, self.builder, self.threshold)
        out: dict[str, Any] = {"vr": vr}
        if form == "values":
            if payload:
                if vr == "PN":
                    out["Value"] = [person_name_groups(v) if v else None for v in payload]
                elif vr == "AT":
                    out["Value"] = [f"{int(v):08X}" for v in payload]
                elif vr in NUMBER_VRS:
                    out["Value"] = [number_of(vr, v) for v in payload]
                else:
                    out["Value"] = [None if v == "" or v is None else str(v) for v in payload]
        elif form == "inline":
            if payload:
                out["InlineBinary"] = base64.b64encode(payload).decode("ascii")
        elif form == "bulk":
            out["BulkDataURI"] = payload
        elif payload:
            out["Value"] = [self.dataset(item, (*path, i)) for i, item in enumerate(payload)]
        return out


def to_json_dict(ds: Dataset, *, bulk_data_uri: BulkDataURIBuilder | None = None,
                 bulk_data_threshold: int = DEFAULT_BULK_DATA_THRESHOLD) -> dict[str, Any]:
    """The DICOM JSON Model object of ``ds`` (PS3.18 F.2), ready for :func:`json.dumps`.

    Parameters
    ----------
    ds
        The data set; its file meta information is not included (the model is of the data
        set, F.2).
    bulk_data_uri
        Called for each binary value larger than ``bulk_data_threshold`` bytes with its tag
        path and element; the URI it returns is sent as ``BulkDataURI`` (F.2.6), None sends
        the value inline.  A deferred value (read with ``defer_size``) is then not loaded.
        Without it every value is inline (``InlineBinary``).
    bulk_data_threshold
        See ``bulk_data_uri``.
    """
    return _Writer(bulk_data_uri, bulk_data_threshold).dataset(ds, ())


def dumps(ds: Dataset, *, bulk_data_uri: BulkDataURIBuilder | None = None,
          bulk_data_threshold: int = DEFAULT_BULK_DATA_THRESHOLD) -> str:
    """:func:`to_json_dict` as compact JSON text."""
    return json.dumps(to_json_dict(ds, bulk_data_uri=bulk_data_uri,
                                   bulk_data_threshold=bulk_data_threshold),
                      separators=(",", ":"), ensure_ascii=False)


class _Reader:
    __slots__ = ("resolver", "utf8")

    def __init__(self, resolver: BulkDataResolver | None, utf8: bool) -> None:
        self.resolver = resolver
        self.utf8 = utf8

    def dataset(self, d: Any, where: str, prefix: TagPath) -> Dataset:
        if not isinstance(d, dict):
            raise JsonModelError(f"a data set is a JSON object, not {type(d).__name__}", where)
        ds = Dataset()
        for key, obj in d.items():
            path = f"{where}.{key}" if where else key
            if not isinstance(key, str) or len(key) != 8:
                raise JsonModelError(f"{key!r} is not a tag key of 8 hex digits (F.2.2)", path)
            try:
                tag = int(key, 16)
            except ValueError:
                raise JsonModelError(f"{key!r} is not a tag key of 8 hex digits (F.2.2)",
                                     path) from None
            ds[tag] = self.element(tag, obj, path, (*prefix, tag))
        if self.utf8 and not prefix:
            ds[tags.SpecificCharacterSet] = DataElement(tags.SpecificCharacterSet, "CS",
                                                        _ISO_IR_192)
        return ds

    def element(self, tag: int, obj: Any, path: str, tag_path: TagPath) -> DataElement:
        if not isinstance(obj, dict):
            raise JsonModelError(f"an attribute is a JSON object, not {type(obj).__name__}",
                                 path)
        vr = obj.get("vr")
        if not isinstance(vr, str) or vr not in VRS:
            raise JsonModelError(f"'vr' is {vr!r}, not a VR of PS3.5 Table 6.2-1 (F.2.3)", path)
        forms = [k for k in ("Value", "InlineBinary", "BulkDataURI") if k in obj]
        if len(forms) > 1:
            raise JsonModelError(f"has {' and '.join(forms)}; at most one is allowed (F.2.2)",
                                 path)
        if "BulkDataURI" in obj:
            uri = obj["BulkDataURI"]
            if not isinstance(uri, str):
                raise JsonModelError("BulkDataURI is not a string (F.2.6)", path)
            if self.resolver is None:
                return DataElement(tag, vr, BulkDataURI(uri))
            try:
                raw = self.resolver(uri, tag_path, vr)
            except BulkDataError:
                raise
            except Exception as exc:
                raise BulkDataError(f"the resolver failed: {exc}", uri, path) from exc
            return element_from_bytes(tag, vr, bytes(raw))
        if "InlineBinary" in obj:
            text = obj["InlineBinary"]
            if not isinstance(text, str):
                raise JsonModelError("InlineBinary is not a string (F.2.7)", path)
            try:
                raw = base64.b64decode(text, validate=True)
            except (binascii.Error, ValueError) as exc:
                raise JsonModelError(f"InlineBinary is not base64: {exc}", path) from None
            return element_from_bytes(tag, vr, raw)
        values = obj.get("Value", [])
        if not isinstance(values, list):
            raise JsonModelError(f"Value is {type(values).__name__}, not an array (F.2.2)",
                                 path)
        if vr == "SQ":
            return DataElement(tag, vr, Sequence(
                self.dataset(item if item is not None else {}, f"{path}.Value[{i}]",
                             (*tag_path, i))
                for i, item in enumerate(values)))
        return _element(tag, vr, values, path)


def _element(tag: int, vr: str, values: list[Any], path: str) -> DataElement:
    if vr == "PN":
        texts: list[Any] = []
        for i, v in enumerate(values):
            if v is None or v == "":
                texts.append(None)
            elif isinstance(v, dict):
                bad = [k for k in v if k not in PN_GROUPS or not isinstance(v[k], str | None)]
                if bad:
                    raise JsonModelError(f"person name has {bad[0]!r}; its groups are "
                                         f"{', '.join(PN_GROUPS)} with string values (F.2.2)",
                                         f"{path}.Value[{i}]")
                texts.append(person_name_text(v))
            elif isinstance(v, str):  # some servers send the DICOM form of the name
                texts.append(v)
            else:
                raise JsonModelError(f"person name is {type(v).__name__}, not an object (F.2.2)",
                                     f"{path}.Value[{i}]")
        return element_from_values(tag, vr, texts)
    checked: list[Any] = []
    for i, v in enumerate(values):
        if vr == "AT":
            if not isinstance(v, str) or len(v) != 8:
                raise JsonModelError(f"AT value {v!r} is not 8 hex digits (F.2.3)",
                                     f"{path}.Value[{i}]")
            try:
                checked.append(int(v, 16))
            except ValueError:
                raise JsonModelError(f"AT value {v!r} is not 8 hex digits (F.2.3)",
                                     f"{path}.Value[{i}]") from None
        elif vr in NUMBER_VRS:
            if isinstance(v, bool) or not isinstance(v, int | float | str | None):
                raise JsonModelError(f"{vr} value {v!r} is not a number (F.2.3)",
                                     f"{path}.Value[{i}]")
            checked.append(v)
        elif v is None or isinstance(v, str):
            checked.append(v)
        elif isinstance(v, int | float) and not isinstance(v, bool):
            checked.append(v)  # a number for a string VR: its text is the value
        else:
            raise JsonModelError(f"{vr} value is {type(v).__name__}, not a string (F.2.3)",
                                 f"{path}.Value[{i}]")
    try:
        return element_from_values(tag, vr, checked)
    except (ValueError, TypeError, OverflowError) as exc:
        raise JsonModelError(f"{vr} values {checked!r} do not fit the VR: {exc}", path) from None


def from_json_dict(d: Any, *, bulk_data: BulkDataResolver | None = None,
                   utf8: bool = False) -> Dataset:
    """A :class:`~dicomkit.core.dataset.Dataset` from a DICOM JSON Model object (PS3.18 F.2).

    Parameters
    ----------
    d
        The object (as :func:`json.loads` gives it).
    bulk_data
        Resolves each ``BulkDataURI`` (called with the URI, the tag path and the VR; returns
        the value field).  Without it the element keeps a
        :class:`~dicomkit.web.bulkdata.BulkDataURI` value, to be resolved later with
        :func:`~dicomkit.web.bulkdata.resolve_bulk_data`.
    utf8
        Set Specific Character Set to ISO_IR 192 (adding it when absent), the repertoire of the
        JSON text (F.2), so that any text read can be written; otherwise the data set keeps
        the one it declares, and text it cannot encode fails when written.

    Raises
    ------
    JsonModelError
        For anything that is not the model, with its JSON path.
    BulkDataError
        When the resolver fails.
    """
    with validation_mode("ignore", writing=False):
        try:
            return _Reader(bulk_data, utf8).dataset(d, "", ())
        except RecursionError:
            raise JsonModelError("sequences nested too deeply to read") from None


def loads(text: str | bytes, *, bulk_data: BulkDataResolver | None = None,
          utf8: bool = False) -> Dataset | list[Dataset]:
    """Data sets from JSON text: one for an object, a list for an array (F.2.1).

    Raises
    ------
    JsonModelError
        For text that is not JSON (with its line and column) or not the model.
    """
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise JsonModelError(f"not JSON: {exc}") from None
    if isinstance(doc, list):
        return [_from_item(item, i, bulk_data, utf8) for i, item in enumerate(doc)]
    return from_json_dict(doc, bulk_data=bulk_data, utf8=utf8)


def _from_item(item: Any, i: int, bulk_data: BulkDataResolver | None, utf8: bool) -> Dataset:
    try:
        return from_json_dict(item, bulk_data=bulk_data, utf8=utf8)
    except JsonModelError as exc:
        raise JsonModelError(exc.reason, f"[{i}]" + (f".{exc.path}" if exc.path else "")) \
            from None


def iter_json_array(datasets: Iterable[Dataset], *,
                    bulk_data_uri: BulkDataURIBuilder | None = None,
                    bulk_data_threshold: int = DEFAULT_BULK_DATA_THRESHOLD) -> Iterator[bytes]:
    """A JSON array of data sets (F.2.1) as UTF-8 chunks, one data set at a time.

    Only one data set's JSON is held at once, so a search result or a study's metadata of any
    size can be streamed to a response or a file.
    """
    yield b"["
    first = True
    for ds in datasets:
        text = dumps(ds, bulk_data_uri=bulk_data_uri, bulk_data_threshold=bulk_data_threshold)
        yield (text if first else "," + text).encode("utf-8")
        first = False
    yield b"]"


async def aiter_json_array(datasets: Iterable[Dataset] | AsyncIterable[Dataset], *,
                           bulk_data_uri: BulkDataURIBuilder | None = None,
                           bulk_data_threshold: int = DEFAULT_BULK_DATA_THRESHOLD,
                           ) -> AsyncIterator[bytes]:
    """:func:`iter_json_array` for async code: each data set is encoded in a worker thread
    (deferred values are read from their files there, never on the event loop)."""
    # imported here, not at the top: the synchronous model (``dicomkit dump --json``) does not
    # pay for anyio's import
    import anyio.to_thread

    yield b"["
    first = True

    def encode(ds: Dataset) -> str:
        return dumps(ds, bulk_data_uri=bulk_data_uri, bulk_data_threshold=bulk_data_threshold)

    async def items() -> AsyncIterator[Dataset]:
        if isinstance(datasets, AsyncIterable):
            async for ds in datasets:
                yield ds
        else:
            for ds in datasets:
                yield ds

    async for ds in items():
        text = await anyio.to_thread.run_sync(encode, ds)
        yield (text if first else "," + text).encode("utf-8")
        first = False
    yield b"]"


def iter_datasets(chunks: Iterable[bytes], *, bulk_data: BulkDataResolver | None = None,
                  utf8: bool = False) -> Iterator[Dataset]:
    """The data sets of a JSON array (F.2.1) read from byte chunks, one at a time.

    Holds one data set's text at a time, whatever the size of the array.

    Raises
    ------
    JsonModelError
        For text that is not a JSON array of model objects (with the byte offset or the index
        of the data set and its JSON path).
    """
    splitter = JsonArraySplitter()
    index = 0
    for chunk in chunks:
        for text in splitter.feed(chunk):
            yield _parse_one(text, index, bulk_data, utf8)
            index += 1
    splitter.close()


async def aiter_datasets(chunks: AsyncIterable[bytes], *,
                         bulk_data: BulkDataResolver | None = None,
                         utf8: bool = False) -> AsyncIterator[Dataset]:
    """:func:`iter_datasets` over an async byte stream (an HTTP response body under anyio)."""
    splitter = JsonArraySplitter()
    index = 0
    async for chunk in chunks:
        for text in splitter.feed(chunk):
            yield _parse_one(text, index, bulk_data, utf8)
            index += 1
    splitter.close()


def _parse_one(text: bytes, index: int, bulk_data: BulkDataResolver | None,
               utf8: bool) -> Dataset:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise JsonModelError(f"not JSON: {exc}", f"[{index}]") from None
    return _from_item(doc, index, bulk_data, utf8)

