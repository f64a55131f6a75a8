"""``dicomkit codegen diff OLD NEW``: what changed in parts of the standard between two editions.

Each side is an edition (``2016a``; DocBook where on hand, else chtml), an edition and form
(``2024c:chtml``) or a path to a DocBook file or chtml folder.  For every selected part (by
default every part both sides have and this command knows how to compare: PS3.5, PS3.6, PS3.7)
the part's own reader functions read both sides into model records, and :func:`diff_records`
compares them by key:

- PS3.5: value representations (Table 6.2-1, 7.1.2) and transfer syntaxes (Annex A);
- PS3.6: data elements (Tables 6-1, 7-1, 8-1, 9-1) and UIDs (Annex A);
- PS3.7: command elements (Annex E), Command Field values, messages and their fields with
  usage (9.3, 10.3), service parameters (9.1, 10.1), status classes and statuses (Annex C).

Output is one section per part and kind of record, with counts and one line per change,
grouped into added, removed and changed (renamed, retired, VR changed, usage changed, ...);
``--json`` prints the same, sorted, as JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import re
import sys
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dicomkit.codegen.document import Document
from dicomkit.codegen.errors import CodegenError, MissingTableError
from dicomkit.codegen.standard import (
    FORMS,
    PartSource,
    Standard,
    available_forms,
    default_roots,
    load_sources,
    locate,
    project_root,
)

# --------------------------------------------------------------------------- generic differ


@dataclass(frozen=True)
class FieldChange:
    """One field of one record that differs: ``field``, ``old`` and ``new`` values."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Changed:
    """A record present on both sides whose compared fields differ."""

    key: str
    changes: tuple[FieldChange, ...]

    def fields(self) -> set[str]:
        """The names of the fields that changed."""
        return {c.field for c in self.changes}


@dataclass
class Changes:
    """The result of :func:`diff_records`, each list sorted by key.

    ``added`` and ``removed`` hold ``(key text, record)`` pairs; ``changed`` the records
    present on both sides with at least one compared field different.
    """

    added: list[tuple[str, Any]] = field(default_factory=list)
    removed: list[tuple[str, Any]] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    #: field -> how many records had it not given on one side (see ``unknown``), not compared
    uncompared: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """How many records were added, removed or changed."""
        return len(self.added) + len(self.removed) + len(self.changed)

    def __bool__(self) -> bool:
        return self.count > 0


def _sorted_keys(keys: Iterable[Hashable]) -> list[Hashable]:
    """Keys in their natural order when comparable, else by their text."""
    items = list(keys)
    try:
        return sorted(items)  # type: ignore[type-var]
    except TypeError:
        return sorted(items, key=repr)


def _attr(record: Any, name: str) -> Any:
    try:
        return getattr(record, name)
    except AttributeError:
        raise CodegenError(f"{type(record).__name__} has no field {name!r} to compare") from None


def diff_records(old: Iterable[Any], new: Iterable[Any],
                 key: str | Sequence[str] | Callable[[Any], Hashable],
                 fields: Sequence[str],
                 show: Callable[[Hashable], str] = str,
                 unknown: Callable[[str, Any], bool] | None = None) -> Changes:
    """Compare two collections of records (dataclasses or any objects) by key.

    Parameters
    ----------
    old, new
        The records of the two sides.
    key
        What identifies a record across editions: an attribute name, a sequence of attribute
        names (the key is then the tuple of their values) or a function of the record.
    fields
        The attributes compared on records present on both sides.
    show
        Turns a key into the text used in the result (``str`` by default).
    unknown
        ``unknown(field, value)`` is true when a side's value only stands in for one the edition
        does not give (PS3.6 2015 and later name context groups in Table A-3 only by a link to
        PS3.16, read as ``"CID 2"``); such a field is not compared, only counted in
        :attr:`Changes.uncompared`.

    Raises
    ------
    CodegenError
        When a side has two records with the same key, or a record lacks a named attribute.
    """
    key_of: Callable[[Any], Hashable]
    if isinstance(key, str):
        name = key

        def key_of(r: Any) -> Hashable:
            value: Hashable = _attr(r, name)
            return value
    elif callable(key):
        key_of = key
    else:
        names = tuple(key)

        def key_of(r: Any) -> Hashable:
            return tuple(_attr(r, n) for n in names)

    def index(records: Iterable[Any], side: str) -> dict[Hashable, Any]:
        out: dict[Hashable, Any] = {}
        for r in records:
            k = key_of(r)
            if k in out:
                raise CodegenError(f"{side}: two records with the key {show(k)}")
            out[k] = r
        return out

    a, b = index(old, "old"), index(new, "new")
    result = Changes()
    for k in _sorted_keys(set(a) | set(b)):
        if k not in b:
            result.removed.append((show(k), a[k]))
        elif k not in a:
            result.added.append((show(k), b[k]))
        else:
            found = []
            for f in fields:
                was, now = _attr(a[k], f), _attr(b[k], f)
                if was == now:
                    continue
                if unknown is not None and (unknown(f, was) or unknown(f, now)):
                    result.uncompared[f] = result.uncompared.get(f, 0) + 1
                    continue
                found.append(FieldChange(f, was, now))
            diffs = tuple(found)
            if diffs:
                result.changed.append(Changed(show(k), diffs))
    return result


# --------------------------------------------------------------------------- what is compared


@dataclass(frozen=True)
class Comparison:
    """One kind of record of a part: how to read it, identify it and what to compare.

    ``reader`` is ``(module, function)`` under ``dicomkit.codegen.readers`` (imported only when
    used); ``flatten`` turns what the function returns into the records compared (identity
    unless given); ``label`` a one-line description of a record, for added and removed lines.
    """

    name: str
    reader: tuple[str, str]
    key: Callable[[Any], Hashable]
    fields: tuple[str, ...]
    show: Callable[[Hashable], str] = str
    label: Callable[[Any], str] = lambda r: ""
    flatten: Callable[[list[Any]], list[Any]] = lambda rs: rs
    unknown: Callable[[str, Any], bool] | None = None


#: A name the reader made from a bare cross reference because the edition gives no name.
_REFERENCE_NAME = re.compile(r"(?:CID|TID) \d+")


def _reference_name(field_name: str, value: Any) -> bool:
    return field_name == "name" and isinstance(value, str) and bool(_REFERENCE_NAME.fullmatch(value))


#: Which change of which field is reported under which heading.
CATEGORY = {
    "name": "renamed", "keyword": "renamed",
    "vr": "VR changed", "vm": "VM changed",
    "usage": "usage changed", "request": "usage changed", "response": "usage changed",
    "cancel": "usage changed",
}


def category_of(change: FieldChange) -> str:
    """The heading a field change is listed under (``retired``, ``renamed``, ...)."""
    if change.field == "retired":
        return "retired" if change.new else "no longer retired"
    return CATEGORY.get(change.field, f"{change.field} changed")


def tag_text(tag: Hashable) -> str:
    """``0x00000100`` -> ``(0000,0100)``."""
    if isinstance(tag, int):
        return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
    return str(tag)


@dataclass(frozen=True)
class MessageFieldRow:
    """A message field with its message, for comparing fields across editions."""

    message: str
    id: str
    name: str
    usage: str
    vr: str
    vm: str


@dataclass(frozen=True)
class ParameterRow:
    """A service parameter with its service, for comparing usage across editions."""

    service: str
    name: str
    request: str
    response: str
    cancel: str


def _message_fields(messages: list[Any]) -> list[Any]:
    return [MessageFieldRow(m.name, tag_text(f.tag) if f.tag is not None else f.name,
                            f.name, f.usage, f.vr, f.vm)
            for m in messages for f in m.fields]


def _parameters(tables: list[Any]) -> list[Any]:
    return [ParameterRow(t.service, r.name, r.request, r.response, r.cancel)
            for t in tables for r in t.rows]


def _pair(k: Hashable) -> str:
    return " ".join(str(x) for x in k) if isinstance(k, tuple) else str(k)


COMPARISONS: dict[int, tuple[Comparison, ...]] = {
    5: (
        Comparison("value representations", ("part05", "read_vrs"), lambda r: r.code,
                   ("name", "kind", "max_length", "length_unit", "fixed", "padding",
                    "length_field"), label=lambda r: r.name),
        Comparison("transfer syntaxes", ("part05", "read_transfer_syntaxes"), lambda r: r.uid,
                   ("name", "keyword", "implicit_vr", "little_endian", "encapsulated",
                    "deflated", "referenced", "lossless", "retired"),
                   label=lambda r: r.name),
    ),
    6: (
        Comparison("data elements", ("part06", "read_data_elements"),
                   lambda r: (r.tag, r.mask), ("name", "keyword", "vr", "vm", "retired"),
                   show=lambda k: _mask_text(k),
                   label=lambda r: f"{r.keyword or r.name} {r.vr} {r.vm}".strip()),
        Comparison("UIDs", ("part06", "read_uids"), lambda r: r.value,
                   ("name", "keyword", "type", "retired"),
                   label=lambda r: f"{r.name} ({r.type})", unknown=_reference_name),
    ),
    7: (
        Comparison("command elements", ("part07", "read_command_elements"), lambda r: r.tag,
                   ("name", "keyword", "vr", "vm", "retired"), show=tag_text,
                   label=lambda r: f"{r.keyword or r.name} {r.vr} {r.vm}"),
        Comparison("command field values", ("part07", "read_command_fields"),
                   lambda r: r.name, ("value",), label=lambda r: f"{r.value:04X}H"),
        Comparison("messages", ("part07", "read_messages"), lambda r: r.name,
                   ("command_field", "service"),
                   label=lambda r: f"{r.command_field:04X}H, {len(r.fields)} fields"),
        Comparison("message fields", ("part07", "read_messages"),
                   lambda r: (r.message, r.id), ("name", "usage", "vr", "vm"), show=_pair,
                   label=lambda r: f"{r.name} usage {r.usage}", flatten=_message_fields),
        Comparison("service parameters", ("part07", "read_service_parameters"),
                   lambda r: (r.service, r.name), ("request", "response", "cancel"),
                   show=_pair, label=lambda r: f"{r.request}/{r.response}/{r.cancel or '-'}",
                   flatten=_parameters),
        Comparison("status classes", ("part07", "read_status_classes"), lambda r: r.pattern,
                   ("category", "excluded"), label=lambda r: r.category),
        Comparison("statuses", ("part07", "read_statuses"),
                   lambda r: r.code or r.name.casefold(),
                   ("name", "category", "fields", "services"),
                   label=lambda r: f"{r.name} ({r.category})"),
    ),
}


def _mask_text(k: Hashable) -> str:
    if isinstance(k, tuple) and len(k) == 2 and all(isinstance(x, int) for x in k):
        tag, mask = k
        digits = f"{tag:08X}"
        m = f"{mask:08X}"
        text = "".join(d if mm != "0" else "x" for d, mm in zip(digits, m, strict=True))
        return f"({text[:4]},{text[4:]})"
    return str(k)


def reader_function(part: int, module: str, function: str) -> Callable[[Standard], list[Any]]:
    """The reader function ``dicomkit.codegen.readers.<module>.<function>``.

    Raises
    ------
    CodegenError
        "reader for PS3.N not available" when the module or function does not exist.
    """
    try:
        mod = importlib.import_module(f"dicomkit.codegen.readers.{module}")
        fn: Callable[[Standard], list[Any]] = getattr(mod, function)
    except (ImportError, AttributeError) as exc:
        raise CodegenError(f"reader for PS3.{part} not available "
                           f"(dicomkit.codegen.readers.{module}.{function}: {exc})") from exc
    return fn


# --------------------------------------------------------------------------- sides


@dataclass(frozen=True)
class Side:
    """One side of the comparison as given on the command line."""

    text: str
    edition: str = ""
    form: str = ""
    path: Path | None = None


def parse_side(text: str) -> Side:
    """``2016a``, ``2024c:chtml`` or a path to a DocBook file or chtml folder."""
    p = Path(text)
    if p.exists():
        return Side(text, path=p)
    edition, _, form = text.partition(":")
    if form and form not in FORMS:
        raise CodegenError(f"{text!r}: form must be one of {', '.join(FORMS)}")
    if not edition or "/" in edition:
        raise CodegenError(f"{text!r} is no edition (like 2024c or 2024c:chtml) "
                           f"and no existing file or folder")
    return Side(text, edition=edition, form=form)


def _read_path(path: Path) -> Document:
    if path.is_dir():
        from dicomkit.codegen.chtml import read_chtml

        return read_chtml(path)
    from dicomkit.codegen.docbook import read_docbook

    return read_docbook(path)


def _known_missing(edition: str, part: int, form: str) -> tuple[str, ...]:
    """Chunks ``standard/sources.json`` declares missing from our copy of this part."""
    path = project_root() / "standard" / "sources.json"
    if not path.is_file():
        return ()
    parts, _ = load_sources(path)
    src = parts.get(part)
    if src and src.edition == edition and src.form == form:
        return src.known_missing
    return ()


class SideStandards:
    """Builds a :class:`Standard` with one part for one side, reading paths once."""

    def __init__(self, side: Side, roots: list[Path]) -> None:
        self.side = side
        self.roots = roots
        self.doc: Document | None = _read_path(side.path) if side.path else None

    def parts(self) -> set[int]:
        """The parts this side has on hand among those that can be compared."""
        if self.doc is not None:
            return {self.doc.part}
        return {n for n in COMPARISONS
                if (self.side.form in available_forms(self.roots, self.side.edition, n)
                    if self.side.form else available_forms(self.roots, self.side.edition, n))}

    def standard(self, part: int) -> Standard:
        """A Standard holding only ``part`` of this side."""
        if self.doc is not None:
            if self.doc.part != part:
                raise CodegenError(f"{self.side.text} is PS3.{self.doc.part}, not PS3.{part}")
            return Standard.of_document(self.doc, self.roots)
        form = self.side.form
        if not form:
            forms = available_forms(self.roots, self.side.edition, part)
            if not forms:
                locate(self.roots, self.side.edition, part, "docbook")  # raises, naming places
            form = forms[0]
        else:
            locate(self.roots, self.side.edition, part, form)
        src = PartSource(part, self.side.edition, form,
                         _known_missing(self.side.edition, part, form))
        return Standard(roots=self.roots, parts={part: src})


# --------------------------------------------------------------------------- running


@dataclass
class PartDiff:
    """The comparisons of one part: name -> changes, and the two documents' names."""

    part: int
    old: dict[str, str]
    new: dict[str, str]
    results: dict[str, Changes]
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """Changes of every kind in this part."""
        return sum(c.count for c in self.results.values())


def _describe(std: Standard, part: int) -> dict[str, str]:
    doc = std.document(part)
    return {"edition": doc.edition, "form": doc.form, "source": doc.source}


def diff_part(part: int, old: Standard, new: Standard, skip_missing: bool = False) -> PartDiff:
    """Run every comparison of ``part`` on the two standards.

    With ``skip_missing``, a comparison whose table or section is missing from a side (such
    as Table 6-1 from the 2024c chtml copy of PS3.6) is reported in ``skipped`` instead of
    raising :class:`MissingTableError`.
    """
    if part not in COMPARISONS:
        raise CodegenError(f"no comparison defined for PS3.{part}; "
                           f"parts compared: {', '.join(map(str, sorted(COMPARISONS)))}")
    results: dict[str, Changes] = {}
    cache: dict[tuple[int, str, str], list[Any]] = {}

    def read(std: Standard, side: str, c: Comparison) -> list[Any]:
        k = (part, side, c.reader[1])
        if k not in cache:
            cache[k] = list(reader_function(part, *c.reader)(std))
        return c.flatten(cache[k])

    skipped: dict[str, str] = {}
    for c in COMPARISONS[part]:
        try:
            results[c.name] = diff_records(read(old, "old", c), read(new, "new", c),
                                           c.key, c.fields, c.show, c.unknown)
        except MissingTableError as exc:
            if not skip_missing:
                raise
            skipped[c.name] = str(exc)
    return PartDiff(part, _describe(old, part), _describe(new, part), results, skipped)


def _plain(value: Any) -> Any:
    """A JSON-ready copy: dataclasses to dicts, tuples to lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return str(value)
    return value


def to_json(diffs: list[PartDiff]) -> dict[str, Any]:
    """The machine form of the result (``--json``)."""
    parts: dict[str, Any] = {}
    for d in diffs:
        comps: dict[str, Any] = {}
        for name, ch in d.results.items():
            comps[name] = {
                "counts": {"added": len(ch.added), "removed": len(ch.removed),
                           "changed": len(ch.changed)},
                "added": [{"key": k, "record": _plain(r)} for k, r in ch.added],
                "removed": [{"key": k, "record": _plain(r)} for k, r in ch.removed],
                "changed": [{"key": c.key,
                             "changes": {fc.field: {"old": _plain(fc.old), "new": _plain(fc.new),
                                                    "category": category_of(fc)}
                                         for fc in c.changes}}
                            for c in ch.changed],
                "uncompared": dict(sorted(ch.uncompared.items())),
            }
        parts[str(d.part)] = {"old": d.old, "new": d.new, "total": d.count,
                              "comparisons": comps, "skipped": dict(sorted(d.skipped.items()))}
    return {"parts": parts, "total": sum(d.count for d in diffs)}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def to_text(diffs: list[PartDiff]) -> str:
    """The human form of the result: sections per part and kind, one line per change."""
    lines: list[str] = []
    for d in diffs:
        lines.append(f"PS3.{d.part}: {d.old['edition']} ({d.old['form']}) -> "
                     f"{d.new['edition']} ({d.new['form']}): {d.count} change(s)")
        for name, ch in d.results.items():
            lines.append(f"  {name}: {len(ch.added)} added, {len(ch.removed)} removed, "
                         f"{len(ch.changed)} changed")
            comp = next(c for c in COMPARISONS[d.part] if c.name == name)
            if ch.added:
                lines.append(f"    added ({len(ch.added)})")
                lines += [f"      + {k}  {comp.label(r)}".rstrip() for k, r in ch.added]
            if ch.removed:
                lines.append(f"    removed ({len(ch.removed)})")
                lines += [f"      - {k}  {comp.label(r)}".rstrip() for k, r in ch.removed]
            groups: dict[str, list[str]] = {}
            for c in ch.changed:
                by_cat: dict[str, list[FieldChange]] = {}
                for fc in c.changes:
                    by_cat.setdefault(category_of(fc), []).append(fc)
                for cat, fcs in by_cat.items():
                    what = "; ".join(f"{fc.field} {_short(fc.old)} -> {_short(fc.new)}"
                                     for fc in fcs)
                    groups.setdefault(cat, []).append(f"      ~ {c.key}: {what}")
            for cat in sorted(groups):
                lines.append(f"    {cat} ({len(groups[cat])})")
                lines += groups[cat]
            for fname, n in sorted(ch.uncompared.items()):
                lines.append(f"    {fname} not compared for {n} record(s): one side gives only a "
                             "cross reference (such as 'CID 2') in its place")
        for name, why in sorted(d.skipped.items()):
            lines.append(f"  {name}: not compared: {why}")
    total = sum(d.count for d in diffs)
    lines.append(f"{total} change(s) in {len(diffs)} part(s).")
    return "\n".join(lines) + "\n"


def compare(old: str, new: str, parts: list[int] | None = None,
            roots: list[Path] | None = None) -> list[PartDiff]:
    """Compare two sides (edition names, ``EDITION:FORM`` or paths) part by part.

    Parameters
    ----------
    parts
        The parts to compare; default: every comparable part both sides have, leaving out
        (and reporting in :attr:`PartDiff.skipped`) the comparisons whose tables a side lacks.
    roots
        Folders holding editions (default: :func:`~dicomkit.codegen.standard.default_roots`).
    """
    roots = roots or default_roots()
    a = SideStandards(parse_side(old), roots)
    b = SideStandards(parse_side(new), roots)
    if parts is None:
        chosen = sorted(a.parts() & b.parts())
        if not chosen:
            raise CodegenError(f"{old} and {new} have no part in common that can be compared "
                               f"(PS3.{', PS3.'.join(map(str, sorted(COMPARISONS)))})")
    else:
        chosen = sorted(parts)
    return [diff_part(n, a.standard(n), b.standard(n), skip_missing=parts is None)
            for n in chosen]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``diff``."""
    parser.add_argument("old", metavar="OLD",
                        help="edition (2016a), EDITION:FORM (2024c:chtml), or a path to a "
                             "DocBook file or chtml folder")
    parser.add_argument("new", metavar="NEW", help="the same for the newer side")
    parser.add_argument("--part", type=int, action="append",
                        help="compare only this part (repeatable); default: every part both "
                             "sides have among PS3.5, PS3.6, PS3.7")
    parser.add_argument("--json", action="store_true", help="print JSON (stable, sorted)")
    parser.add_argument("--source", type=Path, action="append",
                        help="folder holding editions (<edition>/partNN.xml, "
                             "<edition>-chtml/partNN/); repeatable; default: standard/cache, "
                             "$DICOMKIT_STANDARD_DIR, ../shared/dicom-standard")


def run(args: argparse.Namespace) -> int:
    """Compare and print; 0 when both sides could be read and compared."""
    roots = list(args.source) if args.source else None
    diffs = compare(args.old, args.new, args.part, roots)
    if args.json:
        sys.stdout.write(json.dumps(to_json(diffs), indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(to_text(diffs))
    return 0
