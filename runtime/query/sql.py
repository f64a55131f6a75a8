"""SQL push-down: a WHERE clause for what SQL can match, a residual query for the rest.

``to_sql(query, columns)`` reads the keys of a parsed :class:`~dicomkit.query.model.Query` and,
for each key whose attribute has a column holding :func:`~dicomkit.query.storage.stored_values`,
builds the SQLAlchemy Core condition that selects exactly the entities the pure matcher
(:func:`~dicomkit.query.match.matches`) would select:

======================  ===============================================  ======================
matching type           on a column of a VM 1 attribute                  VM > 1 (``\\a\\b\\``)
======================  ===============================================  ======================
Single Value, UID list  ``col IN (...)``; DA/TM/DT as ranges             one value found
Wild Card               ``LIKE ... ESCAPE '!'`` (SQLite: ``GLOB``,        residual
                        which, unlike SQLite's LIKE, respects case);
                        on SQLite a literal prefix is also the
                        indexable range ``prefix <= col < next``
Range                   ``col >= low AND col <= high`` (OR of intervals)  residual
Empty Value             ``col IS NULL``                                   ``col IS NULL``
Multiple Value          every value equal                                every value found
(VM > 1 in a side table, :class:`ValueRows`: every type as ``EXISTS`` over its rows)
combined date-time      on the ``combined`` column                       --
PN, case-insensitive    on the ``folded`` column                         on ``folded``
======================  ===============================================  ======================

With :attr:`~dicomkit.query.options.MatchOptions.unknown_matches` each condition is
``col IS NULL OR ...`` (PS3.4 C.2.2.1.2).  Left to the residual, evaluated in Python with
:func:`~dicomkit.query.match.matches` on the candidates: keys without a column, sequences,
fuzzy person names, case-insensitive PN without a folded column, combined ranges without a
combined column, wild cards and ranges on multi-valued columns.  Needs SQLAlchemy 2 (the
``archive`` extra).  Tested on SQLite and PostgreSQL; other databases must compare text
byte-wise (binary collation) and have a case-sensitive ``LIKE``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, NamedTuple, cast

from sqlalchemy import Boolean, and_, exists, false, or_, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import FromClause
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import NullType

from dicomkit.core.tag import Tag
from dicomkit.generated.matching import MatchingType
from dicomkit.query.model import Key, Query
from dicomkit.query.normal import is_multi_valued
from dicomkit.query.storage import COMBINED_SUFFIX, FOLDED_SUFFIX, column_name
from dicomkit.query.wildcard import (
    glob_pattern,
    is_prefix_pattern,
    like_literal,
    like_pattern,
    literal_prefix,
    prefix_bound,
)


@dataclass(frozen=True)
class ValueRows:
    """A multi-valued attribute kept one value per row of a side table.

    Attributes
    ----------
    value
        The side table's column holding one normal form (:attr:`StoredValues.values`).
    where
        The condition that picks the rows of this attribute of the entity row being matched
        (``side.c.owner == study.c.id, side.c.tag == tag``: correlated in an EXISTS).
    folded
        The column holding the case-folded normal form (PN), if any.
    """

    value: ColumnElement[Any]
    where: ColumnElement[bool]
    folded: ColumnElement[Any] | None = None


@dataclass(frozen=True)
class IndexColumn:
    """The columns of one indexed attribute (see :mod:`dicomkit.query.storage`).

    Attributes
    ----------
    value
        The main column (for a multi-valued attribute with :attr:`rows`, may be None).
    folded
        The case-folded copy of a PN attribute, for case-insensitive matching.
    combined
        For a DA attribute with a TM partner, the column of their combined moment.
    rows
        For a multi-valued attribute, its values one per row of a side table: then every
        matching type but sequences and fuzzy names is pushed down, as ``EXISTS``.
    """

    value: ColumnElement[Any] | None
    folded: ColumnElement[Any] | None = None
    combined: ColumnElement[Any] | None = None
    rows: ValueRows | None = None


def index_columns(table: FromClause, attributes: Iterable[int | str]
                  ) -> dict[int | str, IndexColumn | ColumnElement[Any]]:
    """The ``columns`` argument of :func:`to_sql` for a table whose columns are named as
    :func:`dicomkit.query.storage.column_names` names them (attributes without a column in
    ``table`` are left out; their keys stay in the residual).

    Raises
    ------
    TagError
        When an attribute is neither a tag nor a keyword.
    """
    out: dict[int | str, IndexColumn | ColumnElement[Any]] = {}
    cols = table.c
    for a in attributes:
        tag = int(Tag(a))
        name = column_name(tag)
        if name not in cols:
            continue
        out[tag] = IndexColumn(cols[name],
                               folded=cols[name + FOLDED_SUFFIX]
                               if name + FOLDED_SUFFIX in cols else None,
                               combined=cols[name + COMBINED_SUFFIX]
                               if name + COMBINED_SUFFIX in cols else None)
    return out


class SqlPlan(NamedTuple):
    """What :func:`to_sql` gives: a WHERE clause, and the keys it could not express.

    Attributes
    ----------
    where
        The condition over the index columns.
    residual
        A query with the keys left to Python (:func:`~dicomkit.query.match.matches` on each
        row that ``where`` selects); :attr:`Query.is_universal` when there are none.
    """

    where: ColumnElement[bool]
    residual: Query


class wildcard_like(FunctionElement[bool]):  # noqa: N801 - an SQL function, named as one
    """``col LIKE pattern ESCAPE '!'``, ``col GLOB pattern`` on SQLite (case-sensitive)."""

    type = Boolean()
    inherit_cache = True
    name = "wildcard_like"


class prefix_wildcard(FunctionElement[Any]):  # noqa: N801 - an SQL function, named as one
    """A wild card pattern with a literal prefix: ``(col, like, glob, prefix[, bound])``.

    SQLite gives neither ``GLOB`` nor ``LIKE`` to an index here (``GLOB`` only in some plans,
    never across a join's ``OR``), so there it is the range ``prefix <= col < bound``, which
    the column's index answers (SQLite compares text in binary order by default), and the
    ``GLOB`` unless the pattern is the prefix and ``*`` alone (``exact``; then the range is
    the match).  Elsewhere ``col LIKE pattern ESCAPE '!'``: PostgreSQL derives that range by
    itself for a left-anchored pattern under the ``"C"`` collation (or a
    ``text_pattern_ops`` index), and a range compared under another collation would be wrong.
    Typed NullType so that SQLite's compiler adds no ``= 1`` around it (which would hide the
    range from its planner).
    """

    type = NullType()
    inherit_cache = True
    name = "prefix_wildcard"
    #: the pattern is the prefix and ``*`` alone: on SQLite the range is the match
    exact = False


class prefix_only(prefix_wildcard):  # noqa: N801 - an SQL function, named as one
    """A :class:`prefix_wildcard` whose pattern is the prefix and ``*`` alone (``DOE^J*``):
    a class of its own, so that SQLAlchemy's statement cache tells the two apart."""

    inherit_cache = True
    name = "prefix_only"
    exact = True


class holds_value(FunctionElement[bool]):  # noqa: N801
    """True when a ``\\a\\b\\`` column holds ``\\v\\``: ``instr`` (SQLite), ``strpos``
    (PostgreSQL), else ``LIKE '%\\v\\%' ESCAPE '!'``."""

    type = Boolean()
    inherit_cache = True
    name = "holds_value"


def _args(element: FunctionElement[bool], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(c, **kw) for c in element.clauses]


@compiles(wildcard_like)
def _like(element: wildcard_like, compiler: SQLCompiler, **kw: Any) -> str:
    col, like, _glob = _args(element, compiler, **kw)
    return f"({col} LIKE {like} ESCAPE '!')"


@compiles(wildcard_like, "sqlite")
def _glob(element: wildcard_like, compiler: SQLCompiler, **kw: Any) -> str:
    clauses = list(element.clauses)
    col = compiler.process(clauses[0], **kw)
    glob = compiler.process(clauses[2], **kw)
    return f"({col} GLOB {glob})"


@compiles(prefix_wildcard)
def _prefix_like(element: prefix_wildcard, compiler: SQLCompiler, **kw: Any) -> str:
    clauses = list(element.clauses)
    col = compiler.process(clauses[0], **kw)
    like = compiler.process(clauses[1], **kw)
    return f"({col} LIKE {like} ESCAPE '!')"


@compiles(prefix_wildcard, "sqlite")
def _prefix_range(element: prefix_wildcard, compiler: SQLCompiler, **kw: Any) -> str:
    clauses = list(element.clauses)
    col = compiler.process(clauses[0], **kw)
    parts = [f"{col} >= {compiler.process(clauses[3], **kw)}"]
    if len(clauses) > 4:
        parts.append(f"{col} < {compiler.process(clauses[4], **kw)}")
    if not element.exact:
        parts.append(f"{col} GLOB {compiler.process(clauses[2], **kw)}")
    return "(" + " AND ".join(parts) + ")"


@compiles(holds_value)
def _holds_like(element: holds_value, compiler: SQLCompiler, **kw: Any) -> str:
    clauses = list(element.clauses)
    col = compiler.process(clauses[0], **kw)
    like = compiler.process(clauses[1], **kw)
    return f"({col} LIKE {like} ESCAPE '!')"


@compiles(holds_value, "sqlite")
def _holds_instr(element: holds_value, compiler: SQLCompiler, **kw: Any) -> str:
    clauses = list(element.clauses)
    col = compiler.process(clauses[0], **kw)
    raw = compiler.process(clauses[2], **kw)
    return f"(instr({col}, {raw}) > 0)"


@compiles(holds_value, "postgresql")
def _holds_strpos(element: holds_value, compiler: SQLCompiler, **kw: Any) -> str:
    clauses = list(element.clauses)
    col = compiler.process(clauses[0], **kw)
    raw = compiler.process(clauses[2], **kw)
    return f"(strpos({col}, {raw}) > 0)"


def _holds(col: ColumnElement[Any], value: str) -> ColumnElement[bool]:
    item = "\\" + value + "\\"
    return holds_value(col, "%" + like_literal(item) + "%", item)


def _column(columns: Mapping[Any, Any], key: Key) -> IndexColumn | None:
    found = columns.get(key.tag)
    if found is None:
        found = columns.get(Tag(key.tag).keyword) if key.tag >> 16 & 1 == 0 else None
    if found is None:
        return None
    return found if isinstance(found, IndexColumn) else IndexColumn(found)


def _intervals(col: ColumnElement[Any], key: Key) -> ColumnElement[bool]:
    parts: list[ColumnElement[bool]] = []
    for low, high in key.ranges:
        conds = []
        if low is not None:
            conds.append(col >= low)
        if high is not None:
            conds.append(col <= high)
        parts.append(and_(*conds) if conds else col.is_not(None))
    return or_(*parts) if parts else false()


def _wildcard(col: ColumnElement[Any], pattern: str) -> ColumnElement[bool]:
    """One wild card pattern on a column of one value; with a literal prefix
    (``BENCH^A0001*``), a :class:`prefix_wildcard` that SQLite answers from the column's
    index."""
    prefix = literal_prefix(pattern)
    if not prefix:
        return wildcard_like(col, like_pattern(pattern), glob_pattern(pattern))
    bound = prefix_bound(prefix)
    kind = prefix_only if is_prefix_pattern(pattern) else prefix_wildcard
    return cast("ColumnElement[bool]", kind(col, like_pattern(pattern), glob_pattern(pattern),
                                            prefix, *(() if bound is None else (bound,))))


def _value_condition(key: Key, col: ColumnElement[Any]) -> ColumnElement[bool]:
    """The condition one value (a column of one normal form) meets for ``key``."""
    if key.ranges or key.kind is MatchingType.RANGE:
        return _intervals(col, key)
    if key.kind is MatchingType.WILD_CARD:
        return or_(*(_wildcard(col, p) for p in key.values))
    if len(key.values) == 1:
        return col == key.values[0]
    return col.in_(key.values)


def _rows_condition(key: Key, rows: ValueRows) -> ColumnElement[bool] | None:
    col = rows.folded if key.folded else rows.value
    if col is None:
        return None
    if key.kind is MatchingType.EMPTY_VALUE:
        return ~exists().where(rows.where)
    if key.kind is MatchingType.MULTIPLE_VALUE:
        return and_(*(exists().where(rows.where, col == v) for v in key.values))
    return exists().where(rows.where, _value_condition(key, col))


def _condition(key: Key, index: IndexColumn) -> ColumnElement[bool] | None:
    """The condition of one key, or None when SQL cannot express it."""
    kind = key.kind
    if kind is MatchingType.SEQUENCE or key.fuzzy or key.items is not None:
        return None
    if key.partner is not None:
        if index.combined is None:
            return None
        return _intervals(index.combined, key)
    if index.rows is not None and is_multi_valued(key.tag):
        return _rows_condition(key, index.rows)
    col = index.folded if key.folded else index.value
    if col is None:
        return None
    if kind is MatchingType.EMPTY_VALUE:
        return col.is_(None)
    if kind is MatchingType.MULTIPLE_VALUE:
        if is_multi_valued(key.tag):
            return and_(*(_holds(col, v) for v in key.values))
        return and_(*(col == v for v in key.values))
    if not is_multi_valued(key.tag):
        return _value_condition(key, col)
    if key.ranges or kind in (MatchingType.RANGE, MatchingType.WILD_CARD):
        return None  # a value among \\a\\b\\: no LIKE or range finds it alone
    return or_(*(_holds(col, v) for v in key.values))  # single value (any), list of UID


def _unknown(key: Key, index: IndexColumn) -> ColumnElement[bool] | None:
    """True for an entity whose value of ``key``'s attribute is empty or absent; None when
    the column cannot be empty (declared NOT NULL: the unique keys), so that the condition
    stays one an index can answer."""
    if key.partner is not None and index.combined is not None:
        return index.combined.is_(None)
    if index.rows is not None and is_multi_valued(key.tag):
        return ~exists().where(index.rows.where)
    col = index.folded if key.folded and index.folded is not None else index.value
    assert col is not None  # _condition gave a condition on it
    if getattr(col, "nullable", True) is False:
        return None
    return col.is_(None)


def to_sql(query: Query, columns: Mapping[int | str, IndexColumn | ColumnElement[Any]]
           ) -> SqlPlan:
    """The WHERE clause for what SQL can match of ``query``, and the residual query.

    Parameters
    ----------
    query
        A parsed query (its options decide, as for the matcher).
    columns
        Attribute (tag or keyword) -> its :class:`IndexColumn`, or its main column alone.
        Columns of the attributes of several tables (patient, study, ...) may be mixed; the
        caller joins the tables.

    Returns
    -------
    SqlPlan
        ``where`` selects a superset of the matches, exactly the matches when ``residual`` has
        no keys.
    """
    conditions: list[ColumnElement[bool]] = []
    residual: list[Key] = []
    unknown = query.options.unknown_matches
    for key in query.matching_keys:
        index = _column(columns, key)
        cond = _condition(key, index) if index is not None else None
        if cond is None or index is None:
            residual.append(key)
            continue
        if unknown and key.kind is not MatchingType.EMPTY_VALUE:
            missing = _unknown(key, index)
            if missing is not None:
                cond = or_(missing, cond)
        conditions.append(cond)
    where = and_(*conditions) if conditions else true()
    return SqlPlan(where, replace(query, keys=tuple(residual)))
