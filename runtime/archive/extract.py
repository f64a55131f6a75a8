"""The values an instance gives each level of the index (see :mod:`dicomkit.archive.schema`).

Only the keys the schema holds are read from a file (:func:`dicomkit.io.reader.read` with
``specific_tags`` and ``stop_before_pixels``), which is what makes indexing fast.  The derived
keys (PS3.4 Table C.3-1) are never taken from the instance: the index computes them.

Text columns hold the normal forms of :func:`dicomkit.query.storage.stored_values` (PN
normalised, DA ``YYYYMMDD``, TM ``HHMMSS.ffffff`` and DT in UTC, DS and IS as numbers...), the
values of a multi-valued key joined by ``\\`` and one per row of the side table: what
:func:`dicomkit.query.to_sql` needs to select exactly what :func:`dicomkit.query.matches`
selects.  Numbers (integer and float columns) stay numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dicomkit.archive.errors import InstanceRefusedError
from dicomkit.archive.schema import IMAGE, LEVELS, PATIENT, KeyColumn, Schema, SubKeys
from dicomkit.core.dataset import Dataset
from dicomkit.core.json import to_json_dict
from dicomkit.generated import tags
from dicomkit.query.parse import time_partner
from dicomkit.query.storage import stored_values

__all__ = ["Record", "extra_values", "level_values", "patient_key", "record_of",
           "tags_to_read"]


@dataclass
class Record:
    """What one instance puts in the index, per level.

    Attributes
    ----------
    uids
        Level -> its identity: ``PATIENT``: :func:`patient_key`; the others: the unique key's
        value (Study, Series, SOP Instance UID).
    values
        Level -> keyword -> column value (None for absent or empty).
    multi
        Level -> (tag, position, value) of each value of a multi-valued key.
    transfer_syntax
        The Transfer Syntax UID of the file meta information (``""`` for a bare data set).
    """

    uids: dict[str, str]
    values: dict[str, dict[str, Any]]
    multi: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    transfer_syntax: str = ""

    @property
    def sop_instance_uid(self) -> str:
        """The SOP Instance UID."""
        return self.uids[IMAGE]


def patient_key(patient_id: str | None, issuer: str | None) -> str:
    """The identity of a patient: Patient ID and Issuer of Patient ID (PS3.4 C.6.1.1.2: a
    Patient ID is unique within its issuer), joined by a backslash, which no LO value holds
    (PS3.5 Table 6.2-1); absent values are ``""``."""
    return f"{patient_id or ''}\\{issuer or ''}"


def tags_to_read(schema: Schema) -> frozenset[int]:
    """Every top-level tag the schema holds (what :func:`record_of` needs from a file)."""
    partners = {time_partner(e.tag) for level in LEVELS for e in schema.extras[level].values()
                if e.kind == "combined"}
    return frozenset(k.tag for level in LEVELS for k in schema.keys[level].values()
                     if not k.derived) | {t for t in partners if t is not None} | {
        tags.SpecificCharacterSet, tags.TimezoneOffsetFromUTC}


def _text(value: Any) -> str:
    """A value as text; NUL (UID padding, PS3.5 9.1) dropped: SQL text cannot hold it."""
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("latin-1").replace("\x00", "")
    return str(value).replace("\x00", "")


def _filter_items(items: list[dict[str, Any]], nested: SubKeys) -> list[dict[str, Any]]:
    out = []
    for item in items:
        kept: dict[str, Any] = {}
        for key, element in item.items():
            sub = nested.get(int(key, 16))
            if sub is None:
                continue
            if element.get("vr") == "SQ" and "Value" in element:
                element = {**element, "Value": _filter_items(element["Value"], sub)}
            kept[key] = element
        out.append(kept)
    return out


def _value(ds: Dataset, key: KeyColumn) -> tuple[Any, list[str]]:
    """(column value, the values one by one for a multi-valued key)."""
    el = ds.get(key.tag)
    if el is None:
        return None, []
    if (key.kind == "json") != (el.vr == "SQ"):  # the file gives it another VR: not usable
        return None, []
    if key.kind == "json":
        items = el.value or []
        if not items or not all(isinstance(item, Dataset) for item in items):
            return None, []
        whole = [to_json_dict(item) for item in items]
        # items whole when the tables list no nested keys (Other Patient IDs Sequence)
        return (_filter_items(whole, key.nested) if key.nested else whole), []
    value = el.value
    if value is None or value == "" or value == b"":
        return None, []
    values = [_text(v) for v in value] if isinstance(value, list | tuple) else [_text(value)]
    if key.kind == "integer":
        try:
            return int(values[0].strip()), []
        except ValueError:
            return None, []
    if key.kind == "float":
        try:
            return float(values[0]), []
        except ValueError:
            return None, []
    # text: the normal forms of dicomkit.query.storage, so that dicomkit.query.to_sql over
    # these columns (and the side table's rows) selects what the pure matcher selects
    stored = stored_values(ds, key.tag)
    if not stored.values:
        return None, []
    return "\\".join(stored.values), list(stored.values) if key.multi else []


def extra_values(ds: Dataset, schema: Schema, level: str) -> dict[str, str | None]:
    """The values of ``level``'s extra columns (:attr:`Schema.extras`): a PN's normal form
    case-folded, a DA's combined moment with its TM partner (:mod:`dicomkit.query.storage`)."""
    out: dict[str, str | None] = {}
    for name, extra in schema.extras[level].items():
        stored = stored_values(ds, extra.tag)
        out[name] = stored.folded if extra.kind == "folded" else stored.combined
    return out


def level_values(ds: Dataset, schema: Schema, level: str
                 ) -> tuple[dict[str, Any], list[tuple[int, int, str]]]:
    """The column values ``ds`` gives ``level`` (its keys but the derived ones, and the extra
    columns) and the side-table rows (tag, position, value) of its multi-valued keys."""
    row: dict[str, Any] = {}
    many: list[tuple[int, int, str]] = []
    for kw, key in schema.keys[level].items():
        if key.derived:
            continue
        value, each = _value(ds, key)
        row[kw] = value
        many.extend((key.tag, i, v) for i, v in enumerate(each))
    row.update(extra_values(ds, schema, level))
    return row, many


def record_of(ds: Dataset, schema: Schema, source: str = "") -> Record:
    """The :class:`Record` of one instance.

    Raises
    ------
    InstanceRefusedError
        When the data set lacks a unique key of a level: SOP Instance UID, Series Instance UID
        or Study Instance UID (PS3.4 C.6.1.1: the unique keys that place an instance).
    """
    values: dict[str, dict[str, Any]] = {}
    multi: dict[str, list[tuple[int, int, str]]] = {}
    for level in LEVELS:
        values[level], multi[level] = level_values(ds, schema, level)
    uids: dict[str, str] = {}
    for level in LEVELS:
        if level == PATIENT:
            row = values[PATIENT]
            uids[PATIENT] = patient_key(row.get(_keyword(schema, PATIENT, tags.PatientID)),
                                        row.get(_keyword(schema, PATIENT,
                                                         tags.IssuerOfPatientID)))
            continue
        kw = _keyword(schema, level, schema.unique_tag[level])
        uid = values[level].get(kw)
        if not isinstance(uid, str) or not uid.strip("\x00 "):
            raise InstanceRefusedError(f"the data set has no {kw} (the unique key of the "
                                       f"{level} level, PS3.4 C.6.1.1); not stored",
                                       path=source)
        uid = uid.strip("\x00 ")
        values[level][kw] = uid
        uids[level] = uid
    syntax = ""
    if ds.file_meta is not None:
        el = ds.file_meta.get(tags.TransferSyntaxUID)
        if el is not None and el.value:
            syntax = _text(el.value).strip("\x00 ")
    return Record(uids=uids, values=values, multi=multi, transfer_syntax=syntax)


def _keyword(schema: Schema, level: str, tag: int) -> str:
    for kw, key in schema.keys[level].items():
        if key.tag == tag:
            return kw
    raise KeyError(f"{tag:08X} is not held at {level}")  # pragma: no cover - schema invariant
