"""Storage normalisation: the values an index keeps so that SQL matches as the matcher does.

An archive that lets :func:`dicomkit.query.sql.to_sql` push matching down to SQL stores, for each
indexed attribute of each entity, the texts :func:`stored_values` gives, in text columns
(``VARCHAR``/``TEXT``, binary collation: SQLite's default, PostgreSQL's ``"C"`` collation or any
deterministic one):

====================  =================================================  =====================
attribute             main column (``value``)                            more columns
====================  =================================================  =====================
DA                    ``YYYYMMDD``                                       with its TM partner
                                                                         (Study Date/Time):
                                                                         ``combined``, the
                                                                         moment as DT below
TM                    ``HHMMSS.ffffff``, moved to UTC modulo one day
DT                    ``YYYYMMDDHHMMSS.ffffff`` in UTC
PN                    the normal form (trailing ``^``/``=`` dropped)     ``folded``: the same,
                                                                         case-folded, for
                                                                         case-insensitive SCPs
any other             the normal form of :mod:`dicomkit.query.normal`
====================  =================================================  =====================

Zones: TM and DT values without an offset of their own are in the data set's Timezone Offset
From UTC (0008,0201), else in ``default_timezone``, which must be the
:attr:`~dicomkit.query.options.MatchOptions.default_timezone` the queries use.

An attribute whose data dictionary VM is not ``1`` (Modalities in Study, Other Patient IDs) is
stored with every value between backslashes, ``\\CT\\PT\\``, so that SQL can find one value;
or, better, one value per row of a side table (:attr:`StoredValues.values`), where wild cards
and ranges are pushed down too.  Values of an attribute with VM 1 are one value.  An empty or
absent attribute, or a date or time that is not one, is NULL.  Sequences are not stored
(Sequence Matching stays in Python).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from dicomkit.core import dictionary
from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.core.tag import Tag
from dicomkit.query.match import combined_value, entity_zone, normal_values
from dicomkit.query.names import fold
from dicomkit.query.normal import is_multi_valued
from dicomkit.query.parse import time_partner

#: The suffixes of the column names :func:`index_row` gives the extra columns.
FOLDED_SUFFIX = "_folded"
COMBINED_SUFFIX = "_datetime"


@dataclass(frozen=True)
class StoredValues:
    """The column values of one attribute of one entity (see the module docstring).

    Attributes
    ----------
    value
        The main column.
    folded
        The case-folded copy (PN only; None otherwise).
    combined
        For a DA attribute with a TM partner: the moment of both, as a DT in UTC.
    values
        The normal form of each value, one by one: the rows of a side table that holds a
        multi-valued attribute one value per row (:class:`dicomkit.query.sql.ValueRows`).
    folded_values
        The same, case-folded (PN only).
    """

    value: str | None
    folded: str | None = None
    combined: str | None = None
    values: tuple[str, ...] = ()
    folded_values: tuple[str, ...] = ()


def _layout(tag: int, values: tuple[str, ...]) -> str | None:
    if not values:
        return None
    if is_multi_valued(tag):
        return "\\" + "\\".join(values) + "\\"
    return values[0]


def stored_values(ds: Dataset, tag: int | str, *,
                  default_timezone: timedelta = timedelta(0)) -> StoredValues:
    """The index column values of attribute ``tag`` (a tag or keyword) of entity ``ds``."""
    return _stored(ds, int(Tag(tag)), entity_zone(ds, default_timezone))


def _stored(ds: Dataset, t: int, zone: timedelta) -> StoredValues:
    elem = ds.get(t)
    vr = dictionary_vr(t, ds)  # the VR a query's key has (the matcher compares with it)
    if vr == "UN" and elem is not None:
        vr = elem.vr
    combined = None
    if vr == "DA":
        partner = time_partner(t)
        if partner is not None:
            combined = combined_value(ds, t, partner, zone)
    if elem is None or vr == "SQ":
        return StoredValues(None, None, combined)
    values = normal_values(vr, t, elem.value, zone)
    value = _layout(t, values)
    folded_values = tuple(fold(v) for v in values) if vr == "PN" else ()
    folded = _layout(t, folded_values) if vr == "PN" else None
    return StoredValues(value, folded, combined, values, folded_values)


def column_name(tag: int) -> str:
    """The main column name :func:`index_row` uses: the keyword, else ``xggggeeee``."""
    entry = dictionary.lookup(tag)
    return entry[3] if entry is not None and entry[3] else f"x{tag:08x}"


@lru_cache(maxsize=4096)
def _columns_of(attribute: int | str) -> tuple[int, str, str | None, str | None]:
    """(tag, main column, folded column or None, combined column or None) of an attribute."""
    tag = int(Tag(attribute))
    name = column_name(tag)
    vr = dictionary_vr(tag)
    return (tag, name, name + FOLDED_SUFFIX if vr == "PN" else None,
            name + COMBINED_SUFFIX if vr == "DA" and time_partner(tag) is not None else None)


def column_names(attributes: Iterable[int | str]) -> list[str]:
    """The names of the columns :func:`index_row` fills for ``attributes``, in order: for each,
    its main column, then ``<keyword>_folded`` (PN) and ``<keyword>_datetime`` (a DA with a TM
    partner).  An archive makes its index table of them (text columns, binary collation)."""
    names: list[str] = []
    for a in attributes:
        _tag, name, folded, combined = _columns_of(a)
        names.append(name)
        names.extend(n for n in (folded, combined) if n is not None)
    return names


def index_row(ds: Dataset, attributes: Iterable[int | str], *,
              default_timezone: timedelta = timedelta(0)) -> dict[str, str | None]:
    """The stored values of ``attributes`` of ``ds`` by column name: the keyword for the main
    column, ``<keyword>_folded`` for a PN's folded copy, ``<keyword>_datetime`` for the
    combined moment of a DA attribute and its TM partner."""
    row: dict[str, str | None] = {}
    zone = entity_zone(ds, default_timezone)
    for a in attributes:
        tag, name, folded, combined = _columns_of(a)
        stored = _stored(ds, tag, zone)
        row[name] = stored.value
        if folded is not None:
            row[folded] = stored.folded
        if combined is not None:
            row[combined] = stored.combined
    return row
