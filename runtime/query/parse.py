"""Parse a query: a C-FIND identifier :class:`~dicomkit.Dataset` or QIDO-RS ``attribute=value``
pairs, into a :class:`~dicomkit.query.model.Query`.

Each key's matching type is chosen as PS3.4 C.2.2.2 says, with the VR lists read from the
standard (:mod:`dicomkit.generated.matching`):

1. Sequence (VR SQ): no item, or one empty item, is Universal Matching; one item with keys is
   Sequence Matching (C.2.2.2.6); more items are refused.
2. No value, or an empty one: Universal Matching (C.2.2.2.3).
3. Exactly ``""`` in a VR of ``EMPTY_VALUE_VRS``, when negotiated: Empty Value Matching
   (C.2.2.2.7).
4. UI with several values: List of UID Matching (C.2.2.2.2).
5. Several values in a VR of ``MULTIPLE_VALUE_VRS``, when negotiated: Multiple Value Matching
   (C.2.2.2.8; wild cards refused).
6. ``-`` in a VR of ``RANGE_VRS``: Range Matching (C.2.2.2.5); both ends are checked to be of
   the VR and in order.
7. ``*`` or ``?`` in a VR of ``WILD_CARD_VRS``: Wild Card Matching (C.2.2.2.4); a value of
   ``*`` alone is Universal Matching (C.2.2.2.4 Note).
8. Anything else: Single Value Matching (C.2.2.2.1); a DA, TM or DT value must be one.

Several values where neither 4 nor 5 applies are read as a list: any may match (the standard
leaves their meaning undefined without Multiple Value Matching, C.2.2.2.8).

Specific Character Set (0008,0005) is never a key: the identifier's values are decoded with it
by :mod:`dicomkit.core.charset` when read; a character it cannot decode (an unknown repertoire,
a byte the repertoire lacks) matches any one character in the VRs that allow wild cards, as the
Note of C.2.2.2 expects of such an SCP.  Query/
Retrieve Level (0008,0052) and Query/Retrieve View (0008,0053) are not keys either, nor is
Timezone Offset From UTC (0008,0201) when :attr:`MatchOptions.timezone_adjustment` is on: it
then gives the zone of the query's TM and DT values (C.2.2.2.1.3).  Group lengths are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import timedelta
from functools import lru_cache
from typing import Any

from dicomkit.core import dictionary
from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.core.element import DataElement, known_vr_of_un
from dicomkit.core.tag import TagError, as_tag_int
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.matching import (
    EMPTY_VALUE_VRS,
    MULTIPLE_VALUE_VRS,
    RANGE_VRS,
    WILD_CARD_VRS,
    MatchingType,
)
from dicomkit.query import temporal
from dicomkit.query.errors import QueryError, QueryKeyError, QueryValueError
from dicomkit.query.model import Interval, Key, Query, tag_text
from dicomkit.query.names import fold, fuzzy_words
from dicomkit.query.normal import TEMPORAL_VRS, canonical, split_values
from dicomkit.query.options import DEFAULT_OPTIONS, MatchOptions
from dicomkit.query.wildcard import has_wildcards

_NOT_KEYS = frozenset({tags.SpecificCharacterSet, tags.QueryRetrieveLevel,
                       tags.QueryRetrieveView})
_QUOTES = '""'
#: What dicomkit.core.charset decodes a byte it cannot read as (U+FFFD REPLACEMENT CHARACTER).
_UNDECODED = "\ufffd"
_HEX_TAG = re.compile(r"^[0-9A-Fa-f]{8}$")


@lru_cache(maxsize=4096)
def time_partner(date_tag: int) -> int | None:
    """The TM attribute that goes with DA attribute ``date_tag`` (Study Time for Study Date):
    the keyword with ``Date`` at its end replaced by ``Time``, when the data dictionary has it
    with VR TM; else None."""
    entry = dictionary.lookup(date_tag)
    if entry is None or entry[0] != "DA" or not entry[3].endswith("Date"):
        return None
    partner = dictionary.tag_for_keyword(entry[3][:-4] + "Time")
    if partner is None:
        return None
    found = dictionary.lookup(partner)
    return partner if found is not None and found[0] == "TM" else None


def _vr_of(elem: DataElement, ds: Dataset) -> str:
    """The VR a key is matched by: the data dictionary's for a public attribute (what the
    index stores, :mod:`dicomkit.query.storage`), else the identifier's."""
    if not (elem.tag >> 16) & 1:
        known = dictionary_vr(elem.tag, ds)
        if known != "UN":
            return known
    vr = elem.vr
    if vr == "UN":
        return known_vr_of_un(elem.tag) or "UN"
    return vr


def _text(value: Any) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("latin-1")
    return str(value)


class _Context:
    """What parsing a level of keys needs: options, the query's zone, the path so far."""

    def __init__(self, options: MatchOptions, zone: timedelta | None) -> None:
        self.options = options
        self.zone = zone if zone is not None else options.default_timezone
        #: TM keys that may cross midnight: their DA partner is a range and combined date-time
        #: matching is on (PS3.4 C.2.2.2.5.4 makes "20060705-20060706" "2200-0600" one night)
        self.may_cross: set[int] = set()


def _temporal_ranges(vr: str, texts: list[str], ctx: _Context, path: str,
                     ranged: bool, tag: int) -> tuple[Interval, ...]:
    out: list[Interval] = []
    for text in texts:
        if ranged and "-" in text:
            ends = temporal.split_range(text, vr)
            assert ends is not None
            out.extend(_range(vr, ends[0], ends[1], ctx, path, text, tag in ctx.may_cross))
        else:
            out.extend(_single(vr, text, ctx, path))
    return tuple(out)


def _bad(vr: str, text: str, path: str, rule: str) -> QueryValueError:
    what = {"DA": "a date (YYYYMMDD)", "TM": "a time (HHMMSS.FFFFFF)",
            "DT": "a date time (YYYYMMDDHHMMSS.FFFFFF&ZZXX)"}[vr]
    return QueryValueError(f"{text!r} is not {what}", tag_path=path, rule=rule, value=text)


def _time_intervals(low: str, high: str, zone: timedelta) -> list[Interval]:
    lo, hi = temporal.time_to_utc(low, zone), temporal.time_to_utc(high, zone)
    if lo <= hi:
        return [(lo, hi)]
    return [(lo, temporal.MAX_TIME), (temporal.MIN_TIME, hi)]


def _single(vr: str, text: str, ctx: _Context, path: str) -> list[Interval]:
    if vr == "DA":
        d = temporal.date_text(text)
        if d is None:
            raise _bad(vr, text, path, "C.2.2.2.1")
        return [(d, d)]
    if vr == "TM":
        t = temporal.time_bounds(text)
        if t is None:
            raise _bad(vr, text, path, "C.2.2.2.1")
        return _time_intervals(t[0], t[1], ctx.zone)
    b = temporal.datetime_bounds(text)
    if b is None:
        raise _bad(vr, text, path, "C.2.2.2.1")
    zone = b[2] if b[2] is not None else ctx.zone
    return [(temporal.dt_to_utc(b[0], zone), temporal.dt_to_utc(b[1], zone))]


def _range(vr: str, left: str, right: str, ctx: _Context, path: str,
           text: str, may_cross: bool = False) -> list[Interval]:
    rule = {"DA": "C.2.2.2.5.1", "TM": "C.2.2.2.5.2", "DT": "C.2.2.2.5.3"}[vr]
    if not left and not right:
        raise QueryValueError(f"{text!r} is a range without ends", tag_path=path, rule=rule,
                              value=text)
    if vr == "DA":
        lo = temporal.date_text(left) if left else None
        hi = temporal.date_text(right) if right else None
        if (left and lo is None) or (right and hi is None):
            raise _bad(vr, left if left and lo is None else right, path, rule)
        if lo is not None and hi is not None and lo > hi:
            raise QueryValueError(f"{text!r}: the first date is after the second", tag_path=path,
                                  rule=rule, value=text)
        return [(lo, hi)]
    if vr == "TM":
        tl = temporal.time_bounds(left) if left else (temporal.MIN_TIME, temporal.MIN_TIME)
        th = temporal.time_bounds(right) if right else (temporal.MAX_TIME, temporal.MAX_TIME)
        if tl is None or th is None:
            raise _bad(vr, left if tl is None else right, path, rule)
        if tl[0] > th[1]:
            if may_cross:
                return []  # only as part of a combined range; _combine checks it became one
            raise QueryValueError(f"{text!r}: the first time is after the second (a range "
                                  "crossing midnight is not supported)", tag_path=path,
                                  rule=rule, value=text)
        return _time_intervals(tl[0], th[1], ctx.zone)
    bl = temporal.datetime_bounds(left) if left else None
    bh = temporal.datetime_bounds(right) if right else None
    if (left and bl is None) or (right and bh is None):
        raise _bad(vr, left if left and bl is None else right, path, rule)
    lo = temporal.dt_to_utc(bl[0], bl[2] if bl[2] is not None else ctx.zone) if bl else None
    hi = temporal.dt_to_utc(bh[1], bh[2] if bh[2] is not None else ctx.zone) if bh else None
    if lo is not None and hi is not None and lo > hi:
        raise QueryValueError(f"{text!r}: the first date time is after the second",
                              tag_path=path, rule=rule, value=text)
    return [(lo, hi)]


def _element_key(elem: DataElement, ds: Dataset, ctx: _Context, prefix: str) -> Key:
    tag = elem.tag
    path = f"{prefix}{tag_text(tag)}"
    vr = _vr_of(elem, ds)
    try:
        value = elem.value
    except DicomError as exc:
        raise QueryValueError(f"the value cannot be decoded: {exc}", tag_path=path,
                              rule="C.2.2.2") from exc
    if vr == "SQ":
        items = list(value or ())
        if len(items) > 1:
            raise QueryValueError(f"a sequence key has {len(items)} items; Sequence Matching "
                                  "takes one item", tag_path=path, rule="C.2.2.2.6")
        if not items or not isinstance(items[0], Dataset) or not len(items[0]):
            return Key(tag, vr, MatchingType.UNIVERSAL, path=path)
        inner = _parse_keys(items[0], ctx, f"{path}[0].")
        return Key(tag, vr, MatchingType.SEQUENCE, items=Query(keys=inner, options=ctx.options),
                   path=path)
    raw = split_values(value)
    texts = [_text(v) for v in raw]
    if not any(t.strip(" \x00") for t in texts):
        return Key(tag, vr, MatchingType.UNIVERSAL, path=path)
    text = "\\".join(texts)
    return _classify(tag, vr, texts, ctx, path, text)


def classify(tag: int, vr: str, texts: list[str], options: MatchOptions = DEFAULT_OPTIONS, *,
             zone: timedelta | None = None) -> Key:
    """The key of attribute ``tag`` (VR ``vr``) with the values ``texts`` (PS3.4 C.2.2.2; see
    the module docstring for the order of the rules), its TM and DT values in ``zone`` (default:
    the options' default time zone).

    Raises
    ------
    QueryValueError
        When the values are not allowed by the matching type they ask for.
    """
    return _classify(tag, vr, texts, _Context(options, zone), tag_text(tag), None)


def _classify(tag: int, vr: str, texts: list[str], ctx: _Context, path: str,
              text: str | None) -> Key:
    options = ctx.options
    joined = text if text is not None else "\\".join(texts)
    texts = [t for t in texts if t.strip(" \x00")] or texts
    if not any(t.strip(" \x00") for t in texts):
        return Key(tag, vr, MatchingType.UNIVERSAL, path=path)
    pn = vr == "PN"
    folded = pn and options.person_name_case_insensitive and not options.fuzzy_person_names
    fuzzy = pn and options.fuzzy_person_names
    if options.empty_value_matching and vr in EMPTY_VALUE_VRS and joined.strip(" ") == _QUOTES:
        return Key(tag, vr, MatchingType.EMPTY_VALUE, text=joined, path=path)
    if vr == "UI" and len(texts) > 1:
        uids = tuple(dict.fromkeys(canonical(vr, t) for t in texts))
        return Key(tag, vr, MatchingType.LIST_OF_UID, text=joined, values=uids, path=path)
    if vr in WILD_CARD_VRS and any(_UNDECODED in t for t in texts):
        # a character the Specific Character Set could not decode matches any character, as
        # PS3.4 C.2.2.2 (Note) expects of an SCP that does not support the query's repertoire
        texts = [t.replace(_UNDECODED, "?") for t in texts]
        joined = "\\".join(texts)
    wild = vr in WILD_CARD_VRS and any(has_wildcards(t) for t in texts)
    if len(texts) > 1 and options.multiple_value_matching and vr in MULTIPLE_VALUE_VRS:
        if wild:
            raise QueryValueError("Multiple Value Matching keys shall not include wild cards",
                                  tag_path=path, rule="C.2.2.2.8", value=joined)
        values = tuple(dict.fromkeys(_value(vr, t, folded) for t in texts))
        return Key(tag, vr, MatchingType.MULTIPLE_VALUE, text=joined, values=values,
                   folded=folded, fuzzy=fuzzy, path=path)
    if vr in TEMPORAL_VRS:
        ranged = vr in RANGE_VRS and any("-" in t for t in texts)
        ranges = _temporal_ranges(vr, [t.strip(" ") for t in texts], ctx, path, ranged, tag)
        kind = MatchingType.RANGE if ranged else MatchingType.SINGLE_VALUE
        return Key(tag, vr, kind, text=joined, ranges=ranges, path=path)
    if wild:
        patterns = tuple(dict.fromkeys(_value(vr, t, folded) for t in texts))
        if not fuzzy and any(p and not p.strip("*") for p in patterns):  # "*", "**"...
            return Key(tag, vr, MatchingType.UNIVERSAL, text=joined, path=path)
        return Key(tag, vr, MatchingType.WILD_CARD, text=joined, values=patterns,
                   folded=folded, fuzzy=fuzzy, path=path)
    if fuzzy and not any(fuzzy_words(t) for t in texts):
        return Key(tag, vr, MatchingType.UNIVERSAL, text=joined, path=path)
    values = tuple(dict.fromkeys(_value(vr, t, folded) for t in texts))
    return Key(tag, vr, MatchingType.SINGLE_VALUE, text=joined, values=values, folded=folded,
               fuzzy=fuzzy, path=path)


def _value(vr: str, text: str, folded: bool) -> str:
    value = canonical(vr, text)
    return fold(value) if folded else value


def _combine(keys: list[Key], ctx: _Context) -> list[Key]:
    """Join each DA range key with its TM range key of the same form into one date-time key
    (PS3.4 C.2.2.2.5.4)."""
    by_tag = {k.tag: k for k in keys}
    out = list(keys)
    for i, key in enumerate(keys):
        if key.kind is not MatchingType.RANGE or key.vr != "DA" or key.partner is not None:
            continue
        partner = time_partner(key.tag)
        other = by_tag.get(partner) if partner is not None else None
        if other is None or other.kind is not MatchingType.RANGE or other.vr != "TM" \
                or "\\" in key.text or "\\" in other.text:
            continue
        left_d, _, right_d = (part.strip(" ") for part in key.text.strip(" ").partition("-"))
        ends = temporal.split_range(other.text, "TM")
        if ends is None or (not left_d) != (not ends[0]) or (not right_d) != (not ends[1]):
            continue
        low = high = None
        if left_d:
            t = temporal.time_bounds(ends[0])
            d = temporal.date_text(left_d)
            assert t is not None and d is not None  # checked when the keys were made
            low = temporal.dt_to_utc(temporal.combine(d, t[0]), ctx.zone)
        if right_d:
            t = temporal.time_bounds(ends[1])
            d = temporal.date_text(right_d)
            assert t is not None and d is not None
            high = temporal.dt_to_utc(temporal.combine(d, t[1]), ctx.zone)
        if low is not None and high is not None and low > high:
            raise QueryValueError(f"the combined range {key.text!r} {other.text!r} ends before "
                                  "it starts", tag_path=key.path, rule="C.2.2.2.5.4",
                                  value=key.text)
        out[i] = Key(key.tag, "DA", MatchingType.RANGE, text=key.text, ranges=((low, high),),
                     partner=other.tag, path=key.path)
        j = out.index(other)
        out[j] = Key(other.tag, "TM", MatchingType.RANGE, text=other.text, ranges=other.ranges,
                     matched=False, path=other.path)
    for key in out:
        if key.vr == "TM" and key.kind is MatchingType.RANGE and key.matched and not key.ranges:
            raise QueryValueError(f"{key.text!r}: the first time is after the second (a range "
                                  "crossing midnight is not supported, unless combined with "
                                  "its date range)", tag_path=key.path, rule="C.2.2.2.5.2",
                                  value=key.text)
    return out


def _parse_keys(ds: Dataset, ctx: _Context, prefix: str) -> tuple[Key, ...]:
    keys: list[Key] = []
    outer = ctx.may_cross
    if ctx.options.combined_datetime:
        ctx.may_cross = set()
        for elem in ds.elements():
            partner = time_partner(elem.tag) if elem.vr == "DA" else None
            if partner is not None and "-" in _text(elem.value or ""):
                ctx.may_cross.add(partner)
    for elem in ds.elements():
        tag = elem.tag
        if tag & 0xFFFF == 0 or tag >> 16 == 0x0002 or tag in _NOT_KEYS:
            continue
        if tag == tags.TimezoneOffsetFromUTC and ctx.options.timezone_adjustment:
            continue
        keys.append(_element_key(elem, ds, ctx, prefix))
    if ctx.options.combined_datetime:
        keys = _combine(keys, ctx)
    ctx.may_cross = outer
    return tuple(keys)


def _zone_of(ds: Dataset, options: MatchOptions) -> timedelta | None:
    elem = ds.get(tags.TimezoneOffsetFromUTC)
    if elem is None or not options.timezone_adjustment:
        return None
    text = _text(elem.value or "").strip(" ")
    if not text:
        return None
    zone = temporal.parse_offset(text)
    if zone is None:
        raise QueryValueError(f"{text!r} is not a UTC offset (+HHMM or -HHMM)",
                              tag_path=tag_text(tags.TimezoneOffsetFromUTC),
                              rule="C.2.2.2.1.3", value=text)
    return zone


def parse_identifier(identifier: Dataset, options: MatchOptions = DEFAULT_OPTIONS) -> Query:
    """The query of a C-FIND request identifier (PS3.4 C.4.1.1.3.1).

    Parameters
    ----------
    identifier
        The request identifier as received (its values are decoded with its Specific
        Character Set when read).
    options
        The SCP's matching options and what was negotiated.

    Raises
    ------
    QueryError
        (:class:`QueryValueError`) when a key's value is not allowed by its matching type, a
        value cannot be decoded, or Timezone Offset From UTC is not an offset.
    """
    level_elem = identifier.get(tags.QueryRetrieveLevel)
    level = _text(level_elem.value or "").strip(" ") if level_elem is not None else ""
    view_elem = identifier.get(tags.QueryRetrieveView)
    view = _text(view_elem.value or "").strip(" ") if view_elem is not None else ""
    cs_elem = identifier.get(tags.SpecificCharacterSet)
    charset = tuple(_text(v).strip(" ") for v in split_values(cs_elem.value)) \
        if cs_elem is not None else ()
    if cs_elem is not None and not charset:
        raise QueryValueError("Specific Character Set (0008,0005) shall not have a zero length "
                              "value", tag_path=tag_text(tags.SpecificCharacterSet),
                              rule="C.2.2.2")
    zone = _zone_of(identifier, options)
    keys = _parse_keys(identifier, _Context(options, zone), "")
    return Query(keys=keys, level=level, character_set=charset, timezone=zone, view=view,
                 options=options)


def _attribute(name: str, where: str) -> int:
    if _HEX_TAG.match(name):
        return int(name, 16)
    tag = dictionary.tag_for_keyword(name)
    if tag is None:
        try:
            return as_tag_int(name)
        except (TagError, KeyError, ValueError):
            raise QueryKeyError(f"{name!r} is neither a keyword of the data dictionary nor a "
                                "tag (ggggeeee)", tag_path=where,
                                rule="PS3.18 8.3.4.1") from None
    return tag


def parse_qido(params: Mapping[str, str] | Iterable[tuple[str, str]], *,
               options: MatchOptions = DEFAULT_OPTIONS, level: str = "") -> Query:
    """The query of QIDO-RS match parameters (PS3.18 8.3.4.1): ``{attributeID}={value}``.

    Parameters
    ----------
    params
        The match parameters only, already percent-decoded (the web layer keeps
        ``includefield``, ``limit``, ``fuzzymatching``... and sets :class:`MatchOptions` from
        them).  An attribute ID is a keyword or eight hex digits, or a path of them joined by
        ``.`` for a key inside a sequence (``ReferencedStudySequence.ReferencedSOPClassUID``).
        A UID list is comma-separated (``\\`` is accepted too); so are the values of Multiple
        Value Matching when it is on.
    options
        Matching options (QIDO-RS asks for combined date-time matching, PS3.18 8.3.4.1.1).
    level
        The Query/Retrieve level the resource stands for (``"STUDY"``), recorded on the query.

    Raises
    ------
    QueryKeyError
        For an attribute ID that is neither a keyword nor a tag, or one given twice.
    QueryValueError
        As :func:`parse_identifier`.
    """
    pairs = list(params.items()) if isinstance(params, Mapping) else list(params)
    ds = Dataset()
    seen: set[tuple[int, ...]] = set()
    for name, value in pairs:
        parts = name.split(".")
        path = tuple(_attribute(p, name) for p in parts)
        if path in seen:
            raise QueryKeyError(f"{name!r} is given twice", tag_path=name,
                                rule="PS3.18 8.3.4.1")
        seen.add(path)
        target = ds
        for seq_tag in path[:-1]:
            elem = target.get(seq_tag)
            if elem is None:
                item = Dataset()
                target.add_new(seq_tag, "SQ", [item], validation_mode="ignore")
            elif elem.vr != "SQ" or len(elem.value) != 1:
                raise QueryKeyError(f"{name!r}: {tag_text(seq_tag)} is not a sequence",
                                    tag_path=name, rule="PS3.18 8.3.4.1")
            target = target[seq_tag].value[0]
        tag = path[-1]
        vr = dictionary_vr(tag, target)
        if vr == "SQ":
            if value:
                raise QueryValueError(f"{name!r} is a sequence; give keys inside it "
                                      f"({name}.Keyword=value)", tag_path=name,
                                      rule="PS3.18 8.3.4.1", value=value)
            target.add_new(tag, "SQ", [], validation_mode="ignore")
            continue
        split = vr == "UI" or (options.multiple_value_matching and vr in MULTIPLE_VALUE_VRS)
        text = value.replace(",", "\\") if split else value
        target.add_new(tag, vr if vr != "UN" else "LO", text, validation_mode="ignore")
    try:
        query = parse_identifier(ds, options)
    except QueryError:
        raise
    return Query(keys=query.keys, level=level, character_set=(), timezone=query.timezone,
                 options=options)
