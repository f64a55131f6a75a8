"""Helpers of the query tests: data sets from keyword=value pairs, and an index in SQL.

:class:`SqlIndex` is what an archive does with :mod:`dicomkit.query.storage`: a table with one
text column per indexed attribute (plus the folded copy of PN attributes and the combined moment
of date/time pairs), rows from :func:`~dicomkit.query.storage.index_row`, and a search that runs
the WHERE clause of :func:`~dicomkit.query.sql.to_sql` and then the residual query in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from dicomkit import Dataset
from dicomkit.core.dataset import dictionary_vr
from dicomkit.core.tag import Tag
from dicomkit.query import Query, matches
from dicomkit.query.normal import is_multi_valued
from dicomkit.query.sql import IndexColumn, ValueRows, index_columns, to_sql
from dicomkit.query.storage import (
    COMBINED_SUFFIX,
    FOLDED_SUFFIX,
    column_names,
    index_row,
    stored_values,
)


def dataset(**values: Any) -> Dataset:
    """A data set of keyword=value pairs (a list is a multi-valued value; None: zero length)."""
    ds = Dataset()
    for keyword, value in values.items():
        tag = int(Tag(keyword))
        vr = dictionary_vr(tag)
        if vr == "SQ":
            ds.add_new(tag, "SQ", [dataset(**item) for item in value], validation_mode="ignore")
        else:
            ds.add_new(tag, vr, value, validation_mode="ignore")
    return ds


class SqlIndex:
    """An index table of ``attributes`` on ``engine``, filled with ``entities``.

    Parameters
    ----------
    folded, combined
        Whether the table has the folded PN columns and the combined date-time columns
        (without them, those keys stay in the residual).
    side
        Whether multi-valued attributes are (also) kept one value per row of a side table
        (:class:`~dicomkit.query.sql.ValueRows`).
    collation
        Collation of the text columns (PostgreSQL: "C").
    """

    def __init__(self, engine: sa.Engine, attributes: Sequence[int | str],
                 entities: Sequence[Dataset], *, folded: bool = True, combined: bool = True,
                 default_timezone: timedelta = timedelta(0), name: str = "idx",
                 collation: str | None = None, side: bool = False) -> None:
        self.engine = engine
        self.entities = list(entities)
        self.attributes = [int(Tag(a)) for a in attributes]
        meta = sa.MetaData()
        names = [n for n in column_names(self.attributes)
                 if (folded or not n.endswith(FOLDED_SUFFIX))
                 and (combined or not n.endswith(COMBINED_SUFFIX))]
        self.table = sa.Table(name, meta, sa.Column("id", sa.Integer, primary_key=True),
                              *(sa.Column(n, sa.Text(collation=collation)) for n in names))
        meta.drop_all(engine)
        meta.create_all(engine)
        rows = [{"id": i, **{k: v for k, v in index_row(
            e, self.attributes, default_timezone=default_timezone).items() if k in names}}
            for i, e in enumerate(self.entities)]
        with engine.begin() as conn:
            if rows:
                conn.execute(self.table.insert(), rows)
        self.columns = index_columns(self.table, self.attributes)
        if side:
            values = sa.Table(name + "_values", meta, sa.Column("owner", sa.Integer),
                              sa.Column("tag", sa.Integer),
                              sa.Column("value", sa.Text(collation=collation)),
                              sa.Column("folded", sa.Text(collation=collation)))
            values.drop(engine, checkfirst=True)
            values.create(engine)
            multi = [t for t in self.attributes if is_multi_valued(t)]
            side_rows = []
            for i, e in enumerate(self.entities):
                for t in multi:
                    stored = stored_values(e, t, default_timezone=default_timezone)
                    folds = stored.folded_values or (None,) * len(stored.values)
                    side_rows.extend({"owner": i, "tag": t, "value": v, "folded": f}
                                     for v, f in zip(stored.values, folds))
            with engine.begin() as conn:
                if side_rows:
                    conn.execute(values.insert(), side_rows)
            for t in multi:
                current = self.columns.get(t)
                base = current if isinstance(current, IndexColumn) else IndexColumn(None)
                self.columns[t] = replace(base, rows=ValueRows(
                    values.c.value, sa.and_(values.c.owner == self.table.c.id,
                                            values.c.tag == t),
                    folded=values.c.folded if folded else None))
        self.meta = meta

    def search(self, query: Query) -> list[int]:
        """The ids of the entities matching ``query``: SQL, then the residual in Python."""
        plan = to_sql(query, self.columns)
        stmt = sa.select(self.table.c.id).where(plan.where).order_by(self.table.c.id)
        with self.engine.connect() as conn:
            ids = [int(r[0]) for r in conn.execute(stmt)]
        if plan.residual.is_universal:
            return ids
        return [i for i in ids if matches(plan.residual, self.entities[i])]

    def drop(self) -> None:
        """Remove the table."""
        self.meta.drop_all(self.engine)


def pure(query: Query, entities: Iterable[Dataset]) -> list[int]:
    """The ids the pure matcher selects."""
    return [i for i, e in enumerate(entities) if matches(query, e)]
