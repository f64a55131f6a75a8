"""Matching a C-FIND or retrieve identifier against an archive's index (PS3.4 C.2.2, C.4.1.3).

:class:`ArchiveMatcher` turns a parsed :class:`~dicomkit.query.Query` into an SQL plan over the
archive's columns (:func:`dicomkit.query.to_sql`: the text columns hold the normal forms of
:mod:`dicomkit.query.storage`, multi-valued keys one value per row of a side table), streams
the selected rows from the index (:meth:`dicomkit.archive.AsyncArchive.select`, a batch at a
time in a worker thread) and applies the residual keys (:func:`dicomkit.query.matches`) to a
data set made of each row.  Number columns and sequences are matched in Python.

Times and date-times of the index are in UTC (the normal forms); the data set of a row
therefore carries no Timezone Offset From UTC of its own, and one asked for is answered
``+0000`` (PS3.4 C.2.2.2.5.4: the values returned are in that offset).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any, Final

import sqlalchemy as sa

from dicomkit.archive import AsyncArchive
from dicomkit.archive.schema import FILE_COLUMNS, LEVELS, KeyColumn, Schema
from dicomkit.core.dataset import Dataset
from dicomkit.core.json import from_json_dict
from dicomkit.core.sequence import Sequence
from dicomkit.generated import tags
from dicomkit.query import Query, matches
from dicomkit.query.normal import is_multi_valued
from dicomkit.query.sql import IndexColumn, ValueRows, to_sql

__all__ = ["ArchiveMatcher", "Plan", "row_dataset"]

_UTC = "+0000"
#: the index's values were checked when the instance was stored: not again for each response
_AS_IS: Final = "ignore"


@dataclass(frozen=True)
class Plan:
    """What a query at one level reads from the index.

    Attributes
    ----------
    level
        The archive level (``PATIENT``, ``STUDY``, ``SERIES``, ``IMAGE``).
    where
        The WHERE clause over the index columns.
    residual
        The keys left to Python (:func:`dicomkit.query.matches` on each row's data set).
    keywords
        The columns read: the query's keys held by the index, and the unique keys of the
        level and those above (hierarchical responses, PS3.4 C.4.1.3.1.1).
    """

    level: str
    where: sa.ColumnElement[bool]
    residual: Query
    keywords: tuple[str, ...]


def _key_columns(schema: Schema, level: str) -> dict[str, KeyColumn]:
    """keyword -> how it is held, for a query at ``level`` (the level's own key wins)."""
    out: dict[str, KeyColumn] = {}
    for up in LEVELS[: LEVELS.index(level) + 1]:
        out.update(schema.keys[up])
    return out


def _index_columns(schema: Schema, level: str) -> dict[int | str, IndexColumn]:
    """The ``columns`` of :func:`dicomkit.query.to_sql` for a query at ``level``: the text
    columns (the normal forms), with the side-table rows of multi-valued keys, the folded
    copy of a PN and the combined moment of a DA with its TM (:attr:`Schema.extras`)."""
    cols = schema.keyword_columns(level)
    out: dict[int | str, IndexColumn] = {}
    for kw, key in _key_columns(schema, level).items():
        if key.kind != "text" or key.multi != is_multi_valued(key.tag):
            continue
        holder = schema.holder(level, kw)
        assert holder is not None  # kw is among the keys held at level or above
        table = schema.tables[holder]
        rows = None
        if key.multi:
            side = schema.value_tables[holder]
            rows = ValueRows(side.c.value, sa.and_(side.c.owner == table.c.id,
                                                   side.c.tag == key.tag))
        extra = {e.kind: table.c[name] for name, e in schema.extras[holder].items()
                 if e.keyword == kw}
        out[key.tag] = IndexColumn(cols[kw], folded=extra.get("folded"),
                                   combined=extra.get("combined"), rows=rows)
    return out


def row_dataset(schema: Schema, level: str, row: dict[str, Any]) -> Dataset:
    """The data set of one index row of a query at ``level`` (absent and NULL columns left
    out; text in UTF-8, Specific Character Set ``ISO_IR 192`` when any is not ASCII)."""
    ds = Dataset()
    keys = _key_columns(schema, level)
    wide = False
    for kw, value in row.items():
        key = keys.get(kw)
        if key is None or value is None or key.tag == tags.TimezoneOffsetFromUTC:
            continue
        if key.kind == "json":
            items = value if isinstance(value, list) else []
            ds.add_new(key.tag, "SQ", Sequence([from_json_dict(i) for i in items
                                                if isinstance(i, dict)]), validation_mode=_AS_IS)
            continue
        if key.kind in ("integer", "float"):
            ds.add_new(key.tag, key.vr, str(value) if key.vr in ("IS", "DS") else value,
                       validation_mode=_AS_IS)
            continue
        text = str(value)
        wide = wide or not text.isascii()
        ds.add_new(key.tag, key.vr, text.split("\\") if key.multi else text,
                   validation_mode=_AS_IS)
    if wide:
        ds.add_new(tags.SpecificCharacterSet, "CS", "ISO_IR 192")
    return ds


class ArchiveMatcher:
    """Query an archive's index with parsed queries (see the module).

    Parameters
    ----------
    archive
        The archive (its index is read in worker threads).
    batch
        Rows fetched per worker-thread call.
    """

    def __init__(self, archive: AsyncArchive, *, batch: int = 200) -> None:
        self.archive = archive
        self.schema: Schema = archive.archive.schema
        self.batch = batch
        self._columns: dict[str, dict[int | str, IndexColumn]] = {}

    def plan(self, query: Query, level: str, *, extra: Iterable[str] = ()) -> Plan:
        """The plan of ``query`` at ``level`` (its keys of levels above included); ``extra``:
        more columns to read."""
        lv = self.schema.level_of(level)
        columns = self._columns.get(lv)
        if columns is None:
            columns = self._columns[lv] = _index_columns(self.schema, lv)
        where, residual = to_sql(query, columns)
        held = _key_columns(self.schema, lv)
        by_tag = {k.tag: kw for kw, k in held.items()}
        wanted: dict[str, None] = {}
        for up in LEVELS[: LEVELS.index(lv) + 1]:
            wanted[self.schema.keyword_of(up, self.schema.unique_tag[up])] = None
        for key in query.keys:
            kw = by_tag.get(key.tag)
            if kw is not None:
                wanted[kw] = None
        for kw in extra:
            wanted[kw] = None
        return Plan(lv, where, residual, tuple(wanted))

    async def rows(self, plan: Plan) -> AsyncIterator[tuple[dict[str, Any], Dataset]]:
        """Each matching row (with :data:`~dicomkit.archive.schema.FILE_COLUMNS` at
        ``IMAGE``) and its data set, streamed; leaving early closes the cursor."""
        residual = plan.residual
        order = (self.schema.keyword_of(plan.level, self.schema.unique_tag[plan.level]),)
        rows = self.archive.select(plan.level, plan.where, keywords=plan.keywords,
                                   order_by=order, batch=self.batch)
        try:
            async for row in rows:
                ds = row_dataset(self.schema, plan.level,
                                 {k: v for k, v in row.items() if k not in FILE_COLUMNS})
                if not residual.is_universal and not matches(residual, ds):
                    continue
                yield row, ds
        finally:
            await rows.aclose()  # type: ignore[attr-defined]


def utc_offset_text() -> str:
    """The Timezone Offset From UTC of the values the index returns."""
    return _UTC
