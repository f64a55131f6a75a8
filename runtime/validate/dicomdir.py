"""DICOMDIR-building warnings: what would stop or spoil referencing a file from a DICOMDIR.

``validate(..., dicomdir=True)`` (``dicomkit validate --dicomdir``) adds these findings, all of
severity ``warning`` (the file itself may be conformant; a File-set Creator of the General
Purpose profiles, PS3.11 D.2.1.1, has to build the Directory Records from it):

* ``dicomdir-record``: no Directory Record Type of PS3.3 F.5 references instances of the file's
  IOD (or the SOP class is unknown, or the file is itself a Basic Directory), so no directory
  record can point at it.
* ``dicomdir-key-missing`` / ``dicomdir-key-empty``: a key of a record on the file's path from
  the root (PATIENT, STUDY, SERIES, then IMAGE, SR DOCUMENT, ...; PS3.3 Table F.4-1) is absent
  from the file (Type 1, Type 2, or 1C/2C whose condition holds), or empty (Type 1, or a present
  1C): the record would lack a key its Keys table (PS3.3 F.5-1, F.5-2, ...) requires.  An
  absent Type 2 key can be written empty (PS3.5 7.4.3), so it spoils the record (nothing to
  select on) rather than stopping it; dcmtk's ``dcmmkdir`` refuses a file without Patient's
  Name and writes the other Type 2 keys empty.  The keys
  of the macros a table includes (Table 10-12 in Presentation Keys) count too.  Sequence
  contents are not checked here (the record copies the file's sequences; their own rules are
  the IOD's).
* ``dicomdir-charset``: a key holds characters beyond the default repertoire but the file has no
  Specific Character Set (0008,0005), which every Keys table requires "if an extended or
  replacement character set is used in one of the Keys" (PS3.3 F.5).
* ``dicomdir-file-meta``: the file has no File Meta Information: it is not a DICOM File (PS3.10
  7.1), and only DICOM Files are referenced by the directory (PS3.10 8.1).
* ``dicomdir-file-id``: the File ID the file would have (its path below ``file_set_root``, or
  its name alone) breaks PS3.10 8.2 (one to eight components of one to eight characters) or
  8.5 (uppercase A-Z, digits 0-9 and underscore).

Not checked, for want of the text or the tables: the transfer syntaxes of the General Purpose
profiles (PS3.11 2013 Table D.3-1 is on hand, but no reader of PS3.11 exists yet), and
character repertoire restrictions of the profile on record keys (PS3.11 2013 Annex D states
none; PS3.12 2013 restricts only File IDs, as PS3.10 8.5 does).  The record keys and their types
come from :mod:`dicomkit.generated.directory_records` (PS3.3 2024c F.4, F.5).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from typing import Final

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.values import CHARSET_VRS
from dicomkit.generated import directory_records, sop_classes, tags
from dicomkit.generated.directory_records import RecordKey
from dicomkit.validate.conditions import evaluate
from dicomkit.validate.iod import is_empty, module_nodes, sop_class_of
from dicomkit.validate.report import Report, tag_path

__all__ = ["check_dicomdir", "file_id_of", "file_id_problems", "record_path"]

_REF_KEYS: Final = "PS3.3 F.5"
_REF_FILE_ID: Final = "PS3.10 8.2, 8.5"
_SPECIFIC_CHARACTER_SET: Final = tags.SpecificCharacterSet
#: PS3.10 8.2: one to eight components; each one to eight characters of PS3.10 8.5
_MAX_COMPONENTS: Final = 8
_COMPONENT: Final = re.compile(r"^[A-Z0-9_]{1,8}$")
_BAD_CHARACTERS: Final = re.compile(r"[^A-Z0-9_]")
_MODULE: Final = "Basic Directory"


def file_id_of(path: str | os.PathLike[str], file_set_root: str | os.PathLike[str] | None
               ) -> tuple[str, ...]:
    """The File ID components a file at ``path`` would have: its path below ``file_set_root``
    split at the separators, or, without a root, its name alone."""
    name = os.fspath(path)
    if file_set_root is None:
        return (os.path.basename(name),)
    rel = os.path.relpath(os.path.abspath(name), os.path.abspath(os.fspath(file_set_root)))
    return tuple(p for p in re.split(r"[\\/]+", rel) if p)


def file_id_problems(components: Sequence[str]) -> list[str]:
    """Why ``components`` cannot be a File ID (PS3.10 8.2, 8.5); empty when they can.

    >>> file_id_problems(("DICOM", "IM000001"))
    []
    >>> file_id_problems(("ct_small.dcm",))
    ["component 'ct_small.dcm': 12 characters (at most 8); characters '.', 'c', 'd', 'l', 'm', \
's', 't' are not uppercase A-Z, 0-9 or underscore"]
    """
    out: list[str] = []
    if not 1 <= len(components) <= _MAX_COMPONENTS:
        out.append(f"{len(components)} components (a File ID has one to eight)")
    for part in components:
        if _COMPONENT.match(part):
            continue
        why = []
        if not 1 <= len(part) <= 8:
            why.append(f"{len(part)} characters (at most 8)")
        bad = sorted(set(_BAD_CHARACTERS.findall(part)))
        if bad:
            why.append(f"characters {', '.join(repr(c) for c in bad)} are not uppercase A-Z, "
                       "0-9 or underscore")
        out.append(f"component {part!r}: {'; '.join(why)}")
    return out


def record_path(ds: Dataset, sop_class: str | None = None) -> tuple[str, ...]:
    """The Directory Record Types from the root down to the one that would reference ``ds``
    (``("PATIENT", "STUDY", "SERIES", "IMAGE")``), ``()`` when none does (PS3.3 F.4, F.5)."""
    label = sop_classes.iod_for_sop_class(sop_class or sop_class_of(ds))
    record = directory_records.IOD_RECORDS.get(label) if label else None
    return directory_records.RECORDS[record].path if record else ()


def _keys(keys: Sequence[RecordKey]) -> Iterator[tuple[int, str, str, object, str]]:
    """(tag, name, type, condition expression, resolved condition) of each key, the top-level
    rows of included macros expanded."""
    for k in keys:
        if k.include:
            for node in module_nodes(k.include):
                yield node.tag, node.name, node.type, node.expr, ""
        elif k.tag:
            yield k.tag, k.name, k.type, k.expr, k.when


def _extended(el: DataElement) -> bool:
    """True when a character string key holds bytes beyond the default repertoire."""
    if el.vr not in CHARSET_VRS or el.is_deferred:
        return False
    raw = el.raw
    if raw is not None:
        return not raw.isascii()
    value = el.value
    texts = value if isinstance(value, list) else [value]
    return any(isinstance(t, str) and not t.isascii() for t in texts)


def _check_record(ds: Dataset, record: directory_records.DirectoryRecord,
                  report: Report) -> None:
    elements = ds.by_tag()
    ref = f"{_REF_KEYS} Table {record.table}"
    charset_key: tuple[int, str] | None = None
    extended: list[str] = []
    for tag, name, type_, expr, when in _keys(record.keys):
        el = elements.get(tag)
        if when == "keys_charset":
            charset_key = (tag, name)
            continue
        if el is None:
            needed = type_ in ("1", "2") or (
                type_ in ("1C", "2C") and expr is not None
                and evaluate(expr, ds) is True)  # type: ignore[arg-type]
            if needed:
                why = ": the record's key would be empty (PS3.5 7.4.3)" if type_ in ("2", "2C") \
                    else ""
                report.add("warning", "dicomdir-key-missing", tag_path("", tag),
                           f"{record.record_type} record key {name} (type {type_}) is absent"
                           f"{why}", ref, _MODULE)
            continue
        if type_ in ("1", "1C") and is_empty(el):
            report.add("warning", "dicomdir-key-empty", tag_path("", tag),
                       f"{record.record_type} record key {name} (type {type_}) has no value",
                       ref, _MODULE)
        if _extended(el):
            extended.append(name)
    if charset_key is not None and extended:
        el = elements.get(charset_key[0])
        if el is None or is_empty(el):
            report.add("warning", "dicomdir-charset", tag_path("", charset_key[0]),
                       f"{record.record_type} record keys {', '.join(extended)} use characters "
                       f"beyond the default repertoire and there is no {charset_key[1]}", ref,
                       _MODULE)


def check_dicomdir(ds: Dataset, report: Report, *, sop_class: str | None = None,
                   file_id: Sequence[str] | None = None) -> None:
    """Add the DICOMDIR-building warnings of ``ds`` (module docstring) to ``report``.

    Parameters
    ----------
    ds
        The data set of the file.
    report
        Receives the findings.
    sop_class
        The SOP Class UID to take instead of the data set's.
    file_id
        The File ID components the file would have; None leaves them unchecked.
    """
    if ds.file_meta is None:
        report.add("warning", "dicomdir-file-meta", "", "no File Meta Information: not a DICOM "
                   "File, which a DICOMDIR cannot reference", "PS3.10 7.1, 8.1", _MODULE)
    if file_id is not None:
        for problem in file_id_problems(file_id):
            report.add("warning", "dicomdir-file-id", "",
                       f"File ID {'/'.join(file_id)!r}: {problem}", _REF_FILE_ID, _MODULE)
    uid = sop_class or sop_class_of(ds)
    label = sop_classes.iod_for_sop_class(uid) if uid else None
    record = directory_records.IOD_RECORDS.get(label) if label else None
    if record is None:
        what = f"IOD {label}" if label else f"SOP class {uid!r}" if uid else "no SOP class"
        report.add("warning", "dicomdir-record", "", f"no Directory Record Type references "
                   f"instances of {what}: a DICOMDIR cannot reference the file",
                   "PS3.3 F.4, F.5", _MODULE)
        return
    for record_type in directory_records.RECORDS[record].path:
        _check_record(ds, directory_records.RECORDS[record_type], report)
