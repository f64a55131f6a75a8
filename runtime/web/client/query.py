"""The query parameters of QIDO-RS (PS3.18 8.3.4): attribute matching, includefield, paging.

Keys are keywords (``"PatientID"``), tags (``0x00100020``, ``Tag(...)``, ``"00100020"``) or
dotted paths into sequences (``"ReferencedSeriesSequence.SeriesInstanceUID"``, 8.3.4.1); values
are turned into the forms PS3.18 8.3.4.1 and PS3.4 C.2.2.2 give them:

- ``str``: sent as is (single value matching, or wildcard matching when it holds ``*`` / ``?``);
- :class:`datetime.date`, :class:`datetime.time`, :class:`datetime.datetime`: DA ``YYYYMMDD``,
  TM ``HHMMSS.ffffff``, DT ``YYYYMMDDHHMMSS.ffffff`` (PS3.5 6.2);
- a ``(low, high)`` tuple: range matching ``low-high``, either end None for an open range;
- a list or set: UID list matching, values joined by ``,`` (PS3.18 8.3.4.1);
- ``""`` or None: universal matching (the key is asked for, not matched, C.2.2.2.3).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from dicomkit.core.tag import Tag, as_tag_int

__all__ = ["Match", "QueryKey", "key_name", "query_params", "value_text"]

#: A key as users write it.
QueryKey = str | int
#: Matching keys and their values.
Match = Mapping[QueryKey, Any]


def _one_name(part: str | int) -> str:
    tag = as_tag_int(part)
    return Tag(tag).keyword or f"{tag:08X}"


def key_name(key: QueryKey) -> str:
    """The attribute as PS3.18 8.3.4.1 writes it: ``{attributeID}`` is a keyword or the tag as
    8 hexadecimal digits, sequence levels joined by ``.``.

    Raises
    ------
    dicomkit.core.tag.TagError
        For a key that is neither a keyword nor a tag.
    """
    if isinstance(key, str) and "." in key:
        return ".".join(_one_name(p) for p in key.split("."))
    return _one_name(key)


def _da(d: datetime.date) -> str:
    # not strftime("%Y"): it does not pad years before 1000, and DA is YYYYMMDD (PS3.5 6.2)
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def _tm(t: datetime.time | datetime.datetime) -> str:
    text = f"{t.hour:02d}{t.minute:02d}{t.second:02d}"
    return text + (f".{t.microsecond:06d}" if t.microsecond else "")


def _scalar(value: Any) -> str:
    if isinstance(value, datetime.datetime):
        text = _da(value) + _tm(value)
        if value.utcoffset() is not None:
            text += value.strftime("%z")
        return text
    if isinstance(value, datetime.date):
        return _da(value)
    if isinstance(value, datetime.time):
        return _tm(value)
    if isinstance(value, bool):
        raise TypeError("a query value cannot be a bool")
    if isinstance(value, int | float | str):
        return str(value)
    raise TypeError(f"cannot match on a {type(value).__name__}: use str, a date, a time, "
                    "a (low, high) range or a list of values")


def value_text(value: Any) -> str:
    """The text of a matching value (see the module docstring for the forms)."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        if len(value) != 2:
            raise TypeError("a range is a (low, high) pair; either may be None")
        low, high = value
        return f"{'' if low is None else _scalar(low)}-{'' if high is None else _scalar(high)}"
    if isinstance(value, list | set | frozenset):
        return ",".join(sorted(_scalar(v) for v in value) if isinstance(value, set | frozenset)
                        else [_scalar(v) for v in value])
    return _scalar(value)


def query_params(match: Match | None = None, *, includefield: Iterable[QueryKey] | str | None = None,
                 fuzzymatching: bool | None = None, limit: int | None = None,
                 offset: int | None = None, extra: Mapping[str, str] | None = None
                 ) -> list[tuple[str, str]]:
    """The query of a Search request (PS3.18 8.3.4, Table 8.3.4-1) as ``(name, value)`` pairs.

    ``includefield`` is ``"all"`` (8.3.4.3) or keys; ``extra`` adds parameters as given
    (``emptyvaluematching``, vendor ones).
    """
    params: list[tuple[str, str]] = []
    for key, value in (match or {}).items():
        params.append((key_name(key), value_text(value)))
    if includefield is not None:
        if isinstance(includefield, str) and includefield == "all":
            params.append(("includefield", "all"))
        else:
            keys = [includefield] if isinstance(includefield, str | int) else list(includefield)
            params.extend(("includefield", key_name(k)) for k in keys)
    if fuzzymatching is not None:
        params.append(("fuzzymatching", "true" if fuzzymatching else "false"))
    if limit is not None:
        if limit < 0:
            raise ValueError("limit is a uint (PS3.18 8.3.4.4)")
        params.append(("limit", str(limit)))
    if offset is not None:
        if offset < 0:
            raise ValueError("offset is a uint (PS3.18 8.3.4.4)")
        params.append(("offset", str(offset)))
    params.extend((extra or {}).items())
    return params
