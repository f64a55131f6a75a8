"""The pure in-memory matcher: ``matches(query, dataset)``, and the response identifier.

Each key of the query is matched against the normal forms (:mod:`dicomkit.query.normal`,
:mod:`dicomkit.query.temporal`) of the entity's values, by its matching type (PS3.4 C.2.2.2):

* Single Value: a value of the entity equals the key's (C.2.2.2.1); DA, TM and DT by meaning: an
  entity value within the moments the key covers (C.2.2.2.1.3).
* List of UID: a value equals one of the UIDs (C.2.2.2.2).
* Universal: always (C.2.2.2.3).
* Wild Card: a value matches the pattern (C.2.2.2.4).
* Range: a value lies in the range, inclusive (C.2.2.2.5); combined date-time: the entity's
  date and time taken as one moment (C.2.2.2.5.4).
* Sequence: one item of the entity matches every item key (C.2.2.2.6).
* Empty Value: the entity's value is empty or absent (C.2.2.2.7).
* Multiple Value: every key value equals a value of the entity (C.2.2.2.8).

A multi-valued entity attribute matches when any of its values does (C.2.2.3).  An entity whose
value is empty or absent matches every key unless :attr:`MatchOptions.unknown_matches` is off
(C.2.2.1.2).  The entity's TM and DT values without an offset of their own are in its Timezone
Offset From UTC (0008,0201), else in :attr:`MatchOptions.default_timezone`; a sequence item
without one is in its parent's zone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence
from dicomkit.generated import tags
from dicomkit.generated.matching import MatchingType
from dicomkit.query import temporal
from dicomkit.query.model import Interval, Key, Query
from dicomkit.query.names import fold, fuzzy_match, fuzzy_words
from dicomkit.query.normal import canonical, is_multi_valued, joined, split_values
from dicomkit.query.wildcard import compile_wildcards

_Test = Callable[[Dataset, timedelta], bool]
_COMPILED = "_dicomkit_compiled"


def entity_zone(ds: Dataset, default: timedelta) -> timedelta:
    """The UTC offset of the naive TM and DT values of ``ds``: its Timezone Offset From UTC
    (0008,0201) when that is an offset, else ``default``."""
    elem = ds.get(tags.TimezoneOffsetFromUTC)
    if elem is None:
        return default
    value = elem.value
    if not isinstance(value, str) or not value:
        return default
    zone = temporal.parse_offset(value)
    return default if zone is None else zone


def normal_values(vr: str, tag: int, value: Any, zone: timedelta, *,
                  folded: bool = False) -> tuple[str, ...]:
    """The normal forms of an entity value of attribute ``tag`` (empty values left out).

    DA, TM and DT values that do not read as their VR are left out too: they are not known.
    """
    parts = split_values(value)
    if not parts:
        return ()
    out: list[str] = []
    if vr == "DA":
        for p in parts:
            d = temporal.date_text(str(p))
            if d is not None:
                out.append(d)
    elif vr == "TM":
        for p in parts:
            t = temporal.time_bounds(str(p))
            if t is not None:
                out.append(temporal.time_to_utc(t[0], zone))
    elif vr == "DT":
        for p in parts:
            b = temporal.datetime_bounds(str(p))
            if b is not None:
                out.append(temporal.dt_to_utc(b[0], b[2] if b[2] is not None else zone))
    else:
        texts = [canonical(vr, p) for p in parts]
        if len(texts) > 1 and not is_multi_valued(tag):
            texts = [joined(texts)]
        out = [fold(t) if folded else t for t in texts if t]
    return tuple(out)


def combined_value(ds: Dataset, date_tag: int, time_tag: int, zone: timedelta) -> str | None:
    """The moment (DT normal form, UTC) of a date attribute and its time attribute of ``ds``
    (the first value of each); a missing time is midnight; None without a date."""
    d_elem = ds.get(date_tag)
    dates = normal_values("DA", date_tag, d_elem.value, zone) if d_elem is not None else ()
    if not dates:
        return None
    t_elem = ds.get(time_tag)
    time = temporal.MIN_TIME
    if t_elem is not None:
        for p in split_values(t_elem.value):
            bounds = temporal.time_bounds(str(p))
            if bounds is not None:
                time = bounds[0]
                break
    return temporal.dt_to_utc(temporal.combine(dates[0], time), zone)


def _in(value: str, intervals: tuple[Interval, ...]) -> bool:
    for low, high in intervals:
        if (low is None or value >= low) and (high is None or value <= high):
            return True
    return False


def _value_test(key: Key, unknown: bool) -> _Test:
    tag, vr, kind = key.tag, key.vr, key.kind
    folded = key.folded
    if kind is MatchingType.SEQUENCE:
        assert key.items is not None
        inner = _compiled(key.items)

        def sequence(ds: Dataset, zone: timedelta) -> bool:
            elem = ds.get(tag)
            items = elem.value if elem is not None and elem.vr == "SQ" else None
            if not items:
                return unknown
            for item in items:
                if isinstance(item, Dataset) and inner(item, entity_zone(item, zone)):
                    return True
            return False

        return sequence
    if key.partner is not None:
        partner, ranges = key.partner, key.ranges

        def combined(ds: Dataset, zone: timedelta) -> bool:
            moment = combined_value(ds, tag, partner, zone)
            if moment is None:
                return unknown
            return _in(moment, ranges)

        return combined
    check: Callable[[tuple[str, ...]], bool]
    if kind is MatchingType.EMPTY_VALUE:
        def empty(ds: Dataset, zone: timedelta) -> bool:
            elem = ds.get(tag)
            if elem is None:
                return True
            if vr == "SQ":
                return not elem.value
            return not normal_values(vr, tag, elem.value, zone)

        return empty
    if key.ranges or kind is MatchingType.RANGE:
        ranges = key.ranges

        def check_ranges(values: tuple[str, ...]) -> bool:
            return any(_in(v, ranges) for v in values)

        check = check_ranges
    elif key.fuzzy:
        words = [fuzzy_words(v) for v in key.values]
        patterns: dict[str, re.Pattern[str]] = {}
        if kind is MatchingType.WILD_CARD:
            patterns = {w: compile_wildcards(w) for ws in words for w in ws
                        if "*" in w or "?" in w}
        if kind is MatchingType.MULTIPLE_VALUE:
            def check_fuzzy_all(values: tuple[str, ...]) -> bool:
                return all(any(fuzzy_match(ws, v, patterns) for v in values) for ws in words)

            check = check_fuzzy_all
        else:
            def check_fuzzy(values: tuple[str, ...]) -> bool:
                return any(fuzzy_match(ws, v, patterns) for ws in words for v in values)

            check = check_fuzzy
    elif kind is MatchingType.WILD_CARD:
        compiled = [compile_wildcards(p) for p in key.values]

        def check_wild(values: tuple[str, ...]) -> bool:
            return any(c.fullmatch(v) for c in compiled for v in values)

        check = check_wild
    elif kind is MatchingType.MULTIPLE_VALUE:
        wanted = key.values

        def check_all(values: tuple[str, ...]) -> bool:
            return all(w in values for w in wanted)

        check = check_all
    else:  # single value (one or several: any), list of UID
        wanted_set = frozenset(key.values)

        def check_any(values: tuple[str, ...]) -> bool:
            return any(v in wanted_set for v in values)

        check = check_any

    def test(ds: Dataset, zone: timedelta) -> bool:
        elem = ds.get(tag)
        if elem is None:
            return unknown
        values = normal_values(vr, tag, elem.value, zone, folded=folded)
        if not values:
            return unknown
        return check(values)

    return test


def _compiled(query: Query) -> _Test:
    found: _Test | None = query.__dict__.get(_COMPILED)
    if found is not None:
        return found
    unknown = query.options.unknown_matches
    tests = [_value_test(k, unknown) for k in query.matching_keys]

    def all_match(ds: Dataset, zone: timedelta) -> bool:
        for t in tests:
            if not t(ds, zone):
                return False
        return True

    object.__setattr__(query, _COMPILED, all_match)
    return all_match


def matches(query: Query, dataset: Dataset) -> bool:
    """True when ``dataset`` (an entity: the attributes of a patient, study, series or
    instance) matches every key of ``query`` (PS3.4 C.2.2.2; see the module docstring)."""
    zone = entity_zone(dataset, query.options.default_timezone)
    return _compiled(query)(dataset, zone)


def _copy_item(item: Dataset) -> Dataset:
    out = Dataset()
    for elem in item.elements():
        out.put_element(_copy(elem))
    return out


def _copy(elem: DataElement) -> DataElement:
    """A copy of ``elem`` sharing no element or item with it (its encoded bytes are shared);
    its value is the one of ``elem``, checked when it was set or kept as it was read, so it is
    not checked again (:meth:`Dataset.put_element`)."""
    vr = elem.vr
    if vr == "SQ":
        return DataElement(elem.tag, "SQ", Sequence([_copy_item(item) for item in elem.value or ()
                                                     if isinstance(item, Dataset)]))
    if elem.is_raw:
        raw = elem.raw
        context = elem.context
        if raw is not None and context is not None:
            return DataElement.read_from(elem.tag, vr, raw, context, -1)
    return DataElement(elem.tag, vr, elem.value)


def _project(keys: Iterable[Key], ds: Dataset, zone: timedelta, out: Dataset,
             unknown: bool) -> None:
    elements = ds.get
    put = out.put_element
    for key in keys:
        tag = key.tag
        elem = elements(tag)
        if key.vr == "SQ":
            if elem is None or elem.vr != "SQ":
                put(DataElement(tag, "SQ", Sequence([])))
                continue
            if key.kind is MatchingType.SEQUENCE and key.items is not None:
                inner = _compiled(key.items)
                items: list[Dataset] = []
                for item in elem.value or ():
                    item_zone = entity_zone(item, zone)
                    if inner(item, item_zone):
                        projected = Dataset()
                        _project(key.items.keys, item, item_zone, projected, unknown)
                        items.append(projected)
                put(DataElement(tag, "SQ", Sequence(items)))
                continue
            put(_copy(elem))
            continue
        if elem is None:
            put(DataElement(tag, key.vr, None))  # zero length (C.2.2.1.3)
        else:
            put(_copy(elem))


def response_identifier(query: Query, dataset: Dataset, *,
                        include: Iterable[int] = ()) -> Dataset:
    """The C-FIND response identifier of a matched entity (PS3.4 C.4.1.1.3.2, C.4.1.3.1.1).

    Every key of the query is returned with the entity's value, all of its values (C.2.2.3),
    or zero length when the entity has none; a sequence key with item keys returns the items
    that match, each with the item keys only (C.2.2.2.6), one without returns the whole
    sequence.  Query/Retrieve Level is the query's; Specific Character Set the entity's (its
    values are copied as they are encoded); Timezone Offset From UTC the entity's, when the query
    gave one.

    Parameters
    ----------
    include
        More attributes to copy from ``dataset`` when present, e.g. the unique keys of the
        levels above (hierarchical search, C.4.1.3.1.1) or Retrieve AE Title (0008,0054).
    """
    out = Dataset()
    zone = entity_zone(dataset, query.options.default_timezone)
    _project(query.keys, dataset, zone, out, query.options.unknown_matches)
    for tag in include:
        if tag not in out:
            elem = dataset.get(tag)
            if elem is not None:
                out.put_element(_copy(elem))
    cs = dataset.get(tags.SpecificCharacterSet)
    if cs is not None and cs.value:
        out.put_element(_copy(cs))
    if query.level:
        out.add_new(tags.QueryRetrieveLevel, "CS", query.level, validation_mode="ignore")
    if query.timezone is not None:
        tz = dataset.get(tags.TimezoneOffsetFromUTC)
        if tz is not None and tz.value:
            out.put_element(_copy(tz))
    return out
