"""Query keys and identifiers of the Query/Retrieve SCU (PS3.4 C.2.2.2, C.4.1.2.1, C.6).

A query is a mapping of keys to values; a key is a keyword of the data dictionary
(``"PatientName"``), a tag (``0x00100010``) or a tag written ``"(0010,0010)"``,
``"0010,0010"`` or ``"00100010"``.  Values are typed (PS3.4 C.2.2.2):

* ``None`` or ``""``: universal matching, the key is a return key (C.2.2.2.3);
* a ``str``: single value or wild card matching (``"DOE^*"``, ``?``; C.2.2.2.1, C.2.2.2.4), as
  written;
* a :class:`datetime.date`, :class:`datetime.time` or :class:`datetime.datetime`: its DA, TM or
  DT string, by the key's VR (PS3.5 6.2);
* a :class:`Range` (or a 2-tuple) for a DA, TM or DT key: range matching ``start-end``, either
  end None for an open range (C.2.2.2.5);
* a list (or set) of values: a list of UIDs for a UI key (C.2.2.2.2), else multiple values
  (C.2.2.2.8, where the peer negotiated it);
* a ``dict`` for a sequence key: one item of keys (sequence matching, C.2.2.2.6); a list of
  dicts several items; ``[]`` a zero-length sequence (universal);
* ``int`` and ``float`` for numeric VRs.

:func:`identifier` builds the request identifier: the keys, Query/Retrieve Level (0008,0052)
from the generated level table, the level's unique key and required keys as return keys
(PS3.4 Table C.6-1 ... C.6-5) unless given, and Specific Character Set ISO_IR 192 when a value
needs more than the default repertoire.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dicomkit.core.charset import TERM_CODECS
from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.core.sequence import Sequence
from dicomkit.core.tag import TagError, as_tag_int
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.query_retrieve import LEVELS, MODELS, InformationModel, QueryLevel

__all__ = ["QueryKeyError", "Range", "add_key", "check_hierarchical", "dataset_of", "format_value",
           "identifier", "level_of", "model_named", "parse_key", "parse_key_argument", "tag_of"]

#: The Specific Character Set Defined Term of UTF-8 (PS3.3 Table C.12-5), for non-ASCII values.
UTF8_TERM = next(term for term, codec in TERM_CODECS.items() if codec == "utf_8")
_RANGE_VRS = frozenset({"DA", "TM", "DT"})
_NUMERIC_VRS = frozenset({"US", "SS", "UL", "SL", "UV", "SV", "FL", "FD", "AT"})
_TEXT_NUMBERS = frozenset({"IS", "DS"})
_COMPACT_TAG = re.compile(r"^([0-9A-Fa-f]{4}),?([0-9A-Fa-f]{4})$")
_ITEM = re.compile(r"^(?P<key>[^\[\].]+)(?:\[(?P<index>\d+)\])?$")


class QueryKeyError(DicomError, ValueError):
    """A query key or value that cannot go into an identifier: unknown keyword, malformed tag,
    a value of a type the key's VR cannot hold, an unknown level or information model."""



@dataclass(frozen=True)
class Range:
    """Range matching (PS3.4 C.2.2.2.5): ``start-end``; either end None for an open range.

    Ends are :class:`datetime.date`, :class:`datetime.time`, :class:`datetime.datetime` or
    strings already in the VR's form.
    """

    start: datetime.date | datetime.time | str | None = None
    end: datetime.date | datetime.time | str | None = None


def tag_of(key: object) -> int:
    """The tag of a key: keyword, int, ``"(gggg,eeee)"``, ``"gggg,eeee"`` or ``"ggggeeee"``."""
    if isinstance(key, str):
        m = _COMPACT_TAG.match(key.strip())
        if m is not None:
            return int(m.group(1), 16) << 16 | int(m.group(2), 16)
    try:
        return as_tag_int(key.strip() if isinstance(key, str) else key)
    except TagError as exc:
        raise QueryKeyError(f"query key {key!r}: {exc}") from None


def _da(value: datetime.date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"  # PS3.5 Table 6.2-1 DA


def _tm(value: datetime.time) -> str:
    text = f"{value.hour:02d}{value.minute:02d}{value.second:02d}"
    return text + (f".{value.microsecond:06d}" if value.microsecond else "")


def _dt(value: datetime.datetime | datetime.date) -> str:
    if not isinstance(value, datetime.datetime):
        return _da(value)
    text = _da(value) + _tm(value.time())
    offset = value.utcoffset()
    if offset is not None:  # &ZZXX (PS3.5 Table 6.2-1, DT)
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    return text


def _temporal(vr: str, value: Any, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if vr == "DA" and isinstance(value, datetime.date):
        return _da(value.date() if isinstance(value, datetime.datetime) else value)
    if vr == "TM" and isinstance(value, datetime.datetime):
        return _tm(value.time())
    if vr == "TM" and isinstance(value, datetime.time):
        return _tm(value)
    if vr == "DT" and isinstance(value, datetime.date):
        return _dt(value)
    raise QueryKeyError(f"query key {key}: {type(value).__name__} {value!r} is not a value of "
                        f"VR {vr} (a date, time, datetime or string)")


def format_value(vr: str, value: Any, key: str = "") -> Any:
    """The element value for a query value of a key of VR ``vr`` (see the module)."""
    if value is None:
        return ""
    if vr in _RANGE_VRS:
        if isinstance(value, Range | tuple):
            start, end = (value.start, value.end) if isinstance(value, Range) else value
            if start is None and end is None:
                return ""
            return f"{_temporal(vr, start, key)}-{_temporal(vr, end, key)}"
        if isinstance(value, list | set | frozenset):
            listed = [_temporal(vr, v, key) for v in value]
            return listed[0] if len(listed) == 1 else listed
        return _temporal(vr, value, key)
    if isinstance(value, bool):
        raise QueryKeyError(f"query key {key}: a bool is no DICOM value")
    if isinstance(value, list | tuple | set | frozenset):
        values = sorted(value) if isinstance(value, set | frozenset) else list(value)
        out = [format_value(vr, v, key) for v in values]
        return out[0] if len(out) == 1 else out  # one value on the wire either way
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        if vr in _TEXT_NUMBERS:
            return str(value)
        if vr in _NUMERIC_VRS:
            return value
        return str(value)
    if isinstance(value, datetime.date | datetime.time):
        raise QueryKeyError(f"query key {key}: a {type(value).__name__} is not a value of VR "
                            f"{vr}")
    raise QueryKeyError(f"query key {key}: cannot use {type(value).__name__} {value!r} as a "
                        f"{vr} value")


def _needs_utf8(value: Any) -> bool:
    if isinstance(value, str):
        return not value.isascii()
    if isinstance(value, list):
        return any(_needs_utf8(v) for v in value)
    return False


def add_key(ds: Dataset, key: object, value: Any) -> bool:
    """Add one key (see the module for keys and values) to ``ds``; True when its value needs
    UTF-8 (Specific Character Set ISO_IR 192)."""
    tag = tag_of(key)
    name = f"{key} ({tag >> 16:04X},{tag & 0xFFFF:04X})"
    vr = dictionary_vr(tag, ds)
    if vr == "SQ":
        items = [] if value is None or value == "" else (
            [value] if isinstance(value, Mapping) else list(value))
        seq = Sequence([])
        utf8 = False
        for item in items:
            if not isinstance(item, Mapping):
                raise QueryKeyError(f"query key {name}: a sequence key takes a dict of keys per "
                                    f"item, not {type(item).__name__}")
            child = Dataset()
            for k, v in item.items():
                utf8 |= add_key(child, k, v)
            seq.append(child)
        ds.add_new(tag, "SQ", seq)
        return utf8
    if isinstance(value, Mapping):
        raise QueryKeyError(f"query key {name}: VR {vr} is not a sequence, a dict cannot be its "
                            "value")
    formatted = format_value(vr, value, name)
    ds.add_new(tag, vr, formatted, validation_mode="ignore")  # ranges, wild cards are no DA
    return _needs_utf8(formatted)


def model_named(name: str) -> InformationModel:
    """The information model called ``name``: ``"Study Root"``, ``"Patient Root"``,
    ``"Patient/Study Only"``, or a case-insensitive prefix of one (``"study"``, ``"P"``)."""
    if name in MODELS:
        return MODELS[name]
    folded = name.strip().casefold()
    found = [m for m in MODELS.values() if m.name.casefold().startswith(folded)]
    if len(found) != 1:
        raise QueryKeyError(f"unknown Query/Retrieve information model {name!r}; known: "
                            f"{', '.join(MODELS)} (PS3.4 C.6)")
    return found[0]


def level_of(model: InformationModel, level: str) -> QueryLevel:
    """The level ``level`` (``"STUDY"``, case-insensitive) of ``model``."""
    found = LEVELS.get((model.name, level.strip().upper()))
    if found is None:
        raise QueryKeyError(f"{model.name} has no Query/Retrieve Level {level!r}; its levels: "
                            f"{', '.join(lv.value for lv in model.levels)} (PS3.4 "
                            f"{model.section})")
    return found


def identifier(keys: Mapping[object, Any] | None = None, *, level: str,
               model: str | InformationModel = "Study Root",
               return_keys: Iterable[object] = (), defaults: bool = True) -> Dataset:
    """The identifier of a C-FIND, C-MOVE or C-GET request (PS3.4 C.4.1.2.1, C.4.2.2.1).

    Parameters
    ----------
    keys
        Matching and return keys (see the module for keys and values).
    level
        The Query/Retrieve Level value (``"PATIENT"``, ``"STUDY"``, ``"SERIES"``, ``"IMAGE"``),
        checked against the model's levels (generated from PS3.4 Table C.6.1-1, C.6.2-1).
    model
        The information model (name or generated entry).
    return_keys
        More keys asked for with universal matching.
    defaults
        Add the level's unique key and required keys as return keys when not given (a C-FIND
        identifier; pass False for a retrieve, whose identifier holds the unique keys only,
        PS3.4 C.4.2.2.1).

    Raises
    ------
    QueryKeyError
        For an unknown key, level or model, or a value the key's VR cannot hold.
    """
    info = model if isinstance(model, InformationModel) else model_named(model)
    lv = level_of(info, level)
    ds = Dataset()
    utf8 = False
    given = dict(keys or {})
    for key, value in given.items():
        utf8 |= add_key(ds, key, value)
    for key in return_keys:
        if tag_of(key) not in ds:
            add_key(ds, key, None)
    if defaults:
        for tag in (lv.unique, *lv.required):
            if tag not in ds:
                add_key(ds, tag, None)
    ds.add_new(tags.QueryRetrieveLevel, "CS", lv.value)
    if utf8 and tags.SpecificCharacterSet not in ds:
        ds.add_new(tags.SpecificCharacterSet, "CS", UTF8_TERM)
    return ds


def dataset_of(keys: Mapping[object, Any]) -> Dataset:
    """A data set of ``keys`` (as :func:`identifier` takes them) without a Query/Retrieve
    Level: the identifier of a service without levels (UPS C-FIND, PS3.4 CC.2.8) or the
    attributes of an N-CREATE or N-SET."""
    ds = Dataset()
    utf8 = False
    for key, value in keys.items():
        utf8 |= add_key(ds, key, value)
    if utf8 and tags.SpecificCharacterSet not in ds:
        ds.add_new(tags.SpecificCharacterSet, "CS", UTF8_TERM)
    return ds


def parse_key(text: str) -> tuple[list[tuple[str, int | None]], str | None]:
    """A key as dcmtk's findscu ``-k`` writes it: ``Key``, ``Key=value``,
    ``(gggg,eeee)=value``, ``gggg,eeee=``, ``Seq[0].Key=value``: the path (key, item index) and
    the value (None without ``=``)."""
    path_text, sep, value = text.partition("=")
    path: list[tuple[str, int | None]] = []
    # a tag written (gggg,eeee) holds a comma: split on dots outside parentheses
    parts = re.split(r"\.(?![^()]*\))", path_text.strip())
    for part in parts:
        m = _ITEM.match(part.strip())
        if m is None or not m.group("key"):
            raise QueryKeyError(f"cannot read query key {text!r}: {part!r} is not a keyword, "
                                "tag or Sequence[n]")
        index = m.group("index")
        path.append((m.group("key"), None if index is None else int(index)))
    return path, (value if sep else None)


def parse_key_argument(arguments: Iterable[str]) -> dict[object, Any]:
    """The keys of dcmtk-style ``-k`` arguments as a mapping for :func:`identifier`
    (sequence paths become nested dicts; multiple values use ``\\``)."""
    out: dict[object, Any] = {}
    for text in arguments:
        path, value = parse_key(text)
        target: dict[object, Any] = out
        for key, index in path[:-1]:
            tag = tag_of(key)
            items = target.setdefault(tag, [])
            if not isinstance(items, list):
                raise QueryKeyError(f"query key {text!r}: {key} is given a value and items")
            n = index or 0
            while len(items) <= n:
                items.append({})
            target = items[n]
        key = path[-1][0]
        tag = tag_of(key)
        if value is None or value == "":
            target.setdefault(tag, None)
        else:
            vr = dictionary_vr(tag)
            target[tag] = value.split("\\") if "\\" in value and vr != "SQ" else value
    return out


def _single(elem_value: Any) -> bool:
    if elem_value is None or elem_value == "" or isinstance(elem_value, list):
        return False
    text = str(elem_value)
    return "*" not in text and "?" not in text


def _tag_text(tag: int) -> str:
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


def check_hierarchical(ds: Dataset, model: InformationModel, level: str,
                       operation: str) -> None:
    """Check ``ds`` against the baseline (hierarchical) SCU rules: for C-FIND (PS3.4
    C.4.1.2.1) a single value in the unique key of each level above, none of their required
    keys; for C-MOVE and C-GET (C.4.2.2.1, C.4.3.2.1) also the unique key of the level, a
    single value above the STUDY level, else one UID or a list of UIDs, no wild cards.

    Raises
    ------
    QueryKeyError
        Naming the key and the rule (a relational query or retrieve, negotiated with SOP Class
        Extended Negotiation, PS3.4 C.5, is not bound by them: pass ``relational=True``).
    """
    lv = level_of(model, level)
    levels = list(model.levels)
    above = levels[:levels.index(lv)]
    clause = "C.4.1.2.1" if operation == "C-FIND" else (
        "C.4.2.2.1" if operation == "C-MOVE" else "C.4.3.2.1")
    hint = (f" (PS3.4 {clause}; a relational {'query' if operation == 'C-FIND' else 'retrieve'}"
            ", if the peer accepted one in extended negotiation, PS3.4 C.5: relational=True)")
    own = {lv.unique, *lv.required}
    for upper in above:
        elem = ds.get(upper.unique)
        if elem is None or not _single(elem.value):
            raise QueryKeyError(f"{operation} at {lv.value} level of {model.name}: the unique "
                                f"key {_tag_text(upper.unique)} of the {upper.value} level "
                                "needs a single value" + hint)
        if operation == "C-FIND":
            for tag in upper.required:
                if tag in ds and tag not in own:
                    raise QueryKeyError(f"C-FIND at {lv.value} level of {model.name}: "
                                        f"{_tag_text(tag)} is a key of the {upper.value} level "
                                        "above, which a hierarchical query may not give"
                                        + hint)
    if operation == "C-FIND":
        return
    elem = ds.get(lv.unique)
    values = [] if elem is None or elem.value in (None, "") else (
        elem.value if isinstance(elem.value, list) else [elem.value])
    if not values or not all(_single(v) for v in values) or (
            len(values) > 1 and levels.index(lv) < _study_index(levels)):
        raise QueryKeyError(f"{operation} at {lv.value} level of {model.name}: the unique key "
                            f"{_tag_text(lv.unique)} needs "
                            + ("a single value" if levels.index(lv) < _study_index(levels)
                               else "one UID or a list of UIDs") + hint)


def _study_index(levels: list[QueryLevel]) -> int:
    """The index of the level whose unique key is Study Instance UID (the STUDY level)."""
    return next((i for i, lv in enumerate(levels) if lv.unique == tags.StudyInstanceUID), 0)
