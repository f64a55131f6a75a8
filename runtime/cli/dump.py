"""``dicomkit dump``: print data sets the way dcmtk's ``dcmdump`` does, or as DICOM JSON.

Text output follows dcmdump's layout so that people (and scripts) used to it read it at once:
a ``# Dicom-File-Format`` header, the file meta information and the data set each with the
transfer syntax used, then one line per element ``(gggg,eeee) VR value  # length, VM Keyword``;
string values in brackets, binary values as hex bytes/words, sequences and items indented with
their delimitation lines (PS3.5 7.5).  Values longer than ``--max-width`` are cut with ``...``;
deferred values are not read (``(not loaded)``).  ``--json`` prints the DICOM JSON Model
(PS3.18 F.2) instead: the data set only, as the model has no file meta information.

A file that is not DICOM (neither a Part 10 file nor a plausible data set, PS3.10 7.1) is
reported as such and makes the exit status 1, the other files are still printed; ``--force``
prints it anyway, as a data set from its first byte.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from typing import Any, TextIO

from dicomkit.core.dataset import Dataset
from dicomkit.core.dictionary import lookup as dictionary_lookup
from dicomkit.core.dictionary import private_creator_name, private_lookup
from dicomkit.core.element import DataElement
from dicomkit.errors import DicomError, NotDicomError
from dicomkit.generated import tags
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.uids import UIDS
from dicomkit.generated.vrs import LONG_LENGTH_VRS, VRS

#: the column the ``#`` comment starts at, after the indentation (dcmdump's layout)
_TEXT_WIDTH = 55
_INDENT = "  "
_PIXEL_DATA = tags.PixelData
#: the group of the file meta information (PS3.10 7.1) as a DICOM JSON key begins
_META_GROUP = "0002"

#: binary VRs shown as hex units: bytes per unit (OB/UN bytes, OW words, OL/OV longs)
_HEX_UNITS = {"OB": 1, "UN": 1, "OW": 2, "OL": 4, "OV": 8}
#: binary VRs shown as floats: struct format letter
_FLOAT_UNITS = {"OF": "f", "OD": "d"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit dump``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="DICOM files to print")
    parser.add_argument("--json", action="store_true",
                        help="print the DICOM JSON Model (PS3.18 F.2) instead of text")
    parser.add_argument("--max-width", type=int, default=64, metavar="N",
                        help="cut values longer than N characters with '...' (default 64)")
    parser.add_argument("--no-meta", action="store_true",
                        help="leave out the file meta information (group 0002); --json always "
                             "does (PS3.18 F.2)")
    parser.add_argument("--force", action="store_true",
                        help="print files that are not DICOM too, read as a data set from their "
                             "first byte")


def run(args: argparse.Namespace) -> int:
    """Print each file; a file that cannot be read is reported and the others still printed."""
    import dicomkit
    from dicomkit.web.json_model import to_json_dict

    status = 0
    out = sys.stdout
    documents: list[dict[str, Any]] = []
    several = len(args.files) > 1
    for index, name in enumerate(args.files, 1):
        try:
            ds = dicomkit.read(name, defer_size=None if args.json else 4096, force=args.force)
            if args.json:
                # the JSON model encodes the data set, not the file meta (PS3.18 F.2); a
                # group 0002 element inside a damaged data set is left out too
                documents.append({key: value for key, value in to_json_dict(ds).items()
                                  if not key.startswith(_META_GROUP)})
                continue
            if several:
                out.write(f"\n# File ({index}/{len(args.files)}): {name}\n")
            out.write(dump_text(ds, max_width=args.max_width, meta=not args.no_meta))
        except NotDicomError as exc:
            print(f"dicomkit dump: {name}: not DICOM ({exc.why}); --force prints it anyway",
                  file=sys.stderr)
            status = 1
        except (DicomError, OSError) as exc:
            text = str(exc)  # a DicomError names its source already
            print(f"dicomkit dump: {text if name in text else f'{name}: {text}'}",
                  file=sys.stderr)
            status = 1
    if args.json:
        _write_json(out, documents if several else (documents[0] if documents else None),
                    several or bool(documents))
    return status


def _write_json(out: TextIO, doc: Any, wanted: bool) -> None:
    if wanted:
        json.dump(doc, out, indent=2)
        out.write("\n")


def syntax_name(uid: str) -> str:
    """The transfer syntax's name from the registry (PS3.6 Table A-1), or its UID."""
    ts = TRANSFER_SYNTAXES.get(uid)
    return ts.name if ts is not None else (uid or "unknown")


def dump_text(ds: Dataset, *, max_width: int = 64, meta: bool = True) -> str:
    """The dcmdump-style listing of ``ds`` (and its file meta information)."""
    lines: list[str] = []
    if ds.file_meta is not None or ds.preamble is not None:
        lines += ["", "# Dicom-File-Format"]
        if meta and ds.file_meta is not None:
            lines += ["", "# Dicom-Meta-Information-Header",
                      f"# Used TransferSyntax: {syntax_name('1.2.840.10008.1.2.1')}"]
            _dataset_lines(ds.file_meta, 0, max_width, lines, False)
    lines += ["", "# Dicom-Data-Set",
              f"# Used TransferSyntax: {syntax_name(ds.read_transfer_syntax)}"]
    ts = TRANSFER_SYNTAXES.get(ds.read_transfer_syntax)
    _dataset_lines(ds, 0, max_width, lines, bool(ts and ts.implicit_vr))
    return "\n".join(lines) + "\n"


def _line(level: int, tag: int, vr: str, shown: str, length: str, vm: int, keyword: str) -> str:
    text = f"({tag >> 16:04x},{tag & 0xFFFF:04x}) {vr} {shown}"
    return f"{_INDENT * level}{text:<{_TEXT_WIDTH}} # {length:>3}, {vm} {keyword}"


def _keyword(el: DataElement, ds: Dataset | None = None) -> str:
    """The keyword dcmdump prints: the dictionary's (a user's entries too), for a private element
    its private dictionary name under the creator of its block in ``ds`` (PS3.5 7.8.1)."""
    tag = el.tag
    if (tag >> 16) & 1:
        element = tag & 0xFFFF
        if 0x0010 <= element <= 0x00FF:
            return "PrivateCreator"
        creator = ds.get((tag & 0xFFFF0000) | (element >> 8)) if ds is not None and \
            element >= 0x1000 else None
        if creator is not None and not creator.is_deferred:
            raw = creator.raw
            entry = private_lookup(private_creator_name(raw if raw is not None
                                                        else creator.value), tag)
            if entry is not None:
                return entry[3]
        return "PrivateTagData"
    public = dictionary_lookup(tag)
    return (public[3] if public is not None else "") or "UnknownTag"


def _dataset_lines(ds: Dataset, level: int, width: int, lines: list[str],
                   implicit: bool) -> None:
    for el in ds.elements():
        if el.vr == "SQ":
            _sequence_lines(el, level, width, lines, implicit, ds=ds)
        elif el.undefined_length:
            _encapsulated_lines(el, level, width, lines, ds=ds)
        else:
            lines.append(_element_line(el, level, width, ds=ds))


def _element_size(el: DataElement, implicit: bool) -> int:
    """Bytes ``el`` takes encoded (header included), without reading deferred values."""
    vr = el.vr
    if implicit:
        head = 8
    else:
        head = 12 if vr in LONG_LENGTH_VRS or el.undefined_length else 8
    if vr == "SQ":
        body = 0
        items = el.value or []
        flags = getattr(items, "item_undefined_length", [])
        for i, item in enumerate(items):
            body += 8 + _items_size(item, implicit)
            if i < len(flags) and flags[i]:
                body += 8
        return head + body + (8 if el.undefined_length else 0)
    length = el.length
    if length < 0:
        length = len(_encoded(el))
    return head + length + (length & 1) + (8 if el.undefined_length else 0)


def _items_size(ds: Dataset, implicit: bool) -> int:
    return sum(_element_size(el, implicit) for el in ds.elements())


def _sequence_lines(el: DataElement, level: int, width: int, lines: list[str],
                    implicit: bool, *, ds: Dataset | None = None) -> None:
    items = el.value or []
    undefined = el.undefined_length
    kind = "undefined" if undefined else "explicit"
    flags = getattr(items, "item_undefined_length", [])
    head = 8 if implicit else 12
    seq_len = "u/l" if undefined else str(_element_size(el, implicit) - head)
    lines.append(_line(level, el.tag, "SQ", f"(Sequence with {kind} length #={len(items)})",
                       seq_len, 1, _keyword(el, ds)))
    for i, item in enumerate(items):
        item_undef = flags[i] if i < len(flags) else False
        ikind = "undefined" if item_undef else "explicit"
        item_len = "u/l" if item_undef else str(_items_size(item, implicit))
        lines.append(_line(level + 1, tags.Item, "na",
                           f"(Item with {ikind} length #={len(item)})",
                           item_len, 1, "Item"))
        _dataset_lines(item, level + 2, width, lines, implicit)
        note = "(ItemDelimitationItem)" if item_undef else \
            "(ItemDelimitationItem for re-encoding)"
        lines.append(_line(level + 1, tags.ItemDelimitationItem, "na", note, "0", 0, "ItemDelimitationItem"))
    note = "(SequenceDelimitationItem)" if undefined else \
        "(SequenceDelimitationItem for re-encod.)"
    lines.append(_line(level, tags.SequenceDelimitationItem, "na", note, "0", 0, "SequenceDelimitationItem"))


def _encapsulated_lines(el: DataElement, level: int, width: int, lines: list[str], *,
                        ds: Dataset | None = None) -> None:
    if el.is_deferred:
        lines.append(_line(level, el.tag, el.vr, "(not loaded)", "u/l", 1, _keyword(el, ds)))
        return
    try:
        value = el.value
        items = [b"".join(struct.pack("<L", o) for o in value.offsets), *value.fragments]
    except (DicomError, AttributeError, struct.error) as exc:
        lines.append(_line(level, el.tag, el.vr, f"(cannot parse: {exc})", "u/l", 1,
                           _keyword(el, ds)))
        return
    lines.append(_line(level, el.tag, el.vr, f"(PixelSequence #={len(items)})", "u/l", 1,
                       _keyword(el, ds)))
    for frag in items:
        shown = _hex(frag, 1, True, width) if frag else "(no value available)"
        lines.append(_line(level + 1, tags.Item, "pi", shown, str(len(frag)), 1, "Item"))
    lines.append(_line(level, tags.SequenceDelimitationItem, "na", "(SequenceDelimitationItem)", "0", 0,
                       "SequenceDelimitationItem"))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(width - 3, 0)] + "..."


def _hex(raw: bytes, unit: int, little: bool, width: int) -> str:
    # only as many units as can be shown are converted: pixel data is never formatted whole
    n = min(len(raw) // unit, width // (2 * unit + 1) + 1)
    words = []
    for i in range(n):
        chunk = raw[i * unit:(i + 1) * unit]
        words.append((chunk[::-1] if little else chunk).hex())
    text = "\\".join(words)
    if n < len(raw) // unit or len(text) > width:
        return _cut(text, width) if len(text) > width else text + "..."
    return text


def _element_line(el: DataElement, level: int, width: int, *,
                  ds: Dataset | None = None) -> str:
    kw = _keyword(el, ds)
    vr = el.vr
    length = el.length
    if el.is_deferred:
        return _line(level, el.tag, vr, "(not loaded)", str(length), 1, kw)
    try:
        shown, vm = _shown(el, width)
    except DicomError as exc:
        shown, vm = f"(cannot decode: {exc})", 0
    length = max(length, 0)
    return _line(level, el.tag, vr, shown, str(length), vm, kw)


def _shown(el: DataElement, width: int) -> tuple[str, int]:
    """The value as dcmdump shows it, and its VM."""
    vr = el.vr
    raw = el.raw
    ctx = el.context
    little = ctx.little_endian if ctx is not None else True
    if vr in _HEX_UNITS or vr in _FLOAT_UNITS:
        data = raw if raw is not None else _encoded(el)
        if not data:
            return "(no value available)", 0
        if vr in _FLOAT_UNITS:
            fmt = _FLOAT_UNITS[vr]
            size = struct.calcsize(fmt)
            n = min(len(data) // size, width // 2 + 1)
            vals = struct.unpack_from(f"{'<' if little else '>'}{n}{fmt}", data)
            text = "\\".join(f"{v:g}" for v in vals)
            cut = n < len(data) // size
            return (_cut(text, width) if len(text) > width else text + ("..." if cut else "")), 1
        return _hex(data, _HEX_UNITS[vr], little, width), 1
    value = el.value
    if isinstance(value, bytes | bytearray) and raw is not None:
        # a damaged number or AT value, kept as its bytes when read: shown as bytes
        return (_hex(raw, 1, False, width) if raw else "(no value available)"), 1
    vm = el.VM
    if vm == 0:
        return "(no value available)", 0
    values = value if isinstance(value, list) else [value]
    entry = VRS.get(vr)
    if vr == "UI" and len(values) == 1 and str(values[0]) in UIDS:
        text = "=" + (UIDS[str(values[0])][1] or str(values[0]))
        return _cut(text, width), vm
    if vr == "AT":
        text = "\\".join(f"({int(v) >> 16:04x},{int(v) & 0xFFFF:04x})" for v in values)
        return _cut(text, width), vm
    if entry is not None and entry.kind in ("string", "text"):
        text = "\\".join(_text_of(v) for v in values)
        if len(text) + 2 > width:
            return "[" + text[:max(width - 4, 0)] + "...", vm
        return f"[{text}]", vm
    text = "\\".join(_number_text(v) for v in values)
    return _cut(text, width), vm


def _text_of(v: Any) -> str:
    original = getattr(v, "original_string", None)
    return str(original) if isinstance(original, str) else str(v)


def _number_text(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _encoded(el: DataElement) -> bytes:
    from dicomkit.core.values import encode_value

    ctx = el.context
    return encode_value(el.vr, el.value, ctx.little_endian if ctx else True,
                        ctx.charset if ctx else None)
