"""The index's tables, one per Query/Retrieve level, built from the generated query keys.

Levels are those of the Patient Root information model (PS3.4 C.6.1: ``PATIENT``, ``STUDY``,
``SERIES``, ``IMAGE``), top down; a table is named after its level (``study``).  Its columns
are the union of the keys the standard lists for that level (:mod:`dicomkit.generated.query_keys`):
PS3.4 C.6.1 and C.6.2 and the QIDO-RS attributes of PS3.18 10.6.  Each key is kept once, at the
level where it belongs: the level Patient Root gives it (Patient's Name at ``PATIENT`` though
Study Root and QIDO-RS list it at ``STUDY``), else Study Root's, else each QIDO-RS level listing
it (Timezone Offset From UTC: study, series and instance).  A query at a level joins the tables
above it, so :func:`Schema.keyword_columns` gives every key a query at that level can use.

How values are held:

* single-valued keys: a column named by the keyword; integers (IS, US, SS, UL, SL, UV, SV) and
  floats (FL, FD) as numbers, everything else as text, character set decoded, in the normal form
  of :func:`dicomkit.query.storage.stored_values` (PN normalised, DA ``YYYYMMDD``, TM and DT in
  UTC at microseconds, DS as the number, padding dropped: what :func:`dicomkit.query.to_sql`
  compares with); absent or empty: NULL;
* multi-valued keys (VM other than 1, e.g. Modalities in Study, Other Patient Names): the column
  holds the values (normal forms) joined by ``\\``, and the side table
  ``<level>_value`` one row per value (``owner``, ``tag``, ``position``, ``value``), so that SQL
  can match any one value (PS3.4 C.2.2.2.1 multiple values: a match of any value is a match)
  with an indexed ``EXISTS`` instead of string surgery on the joined form;
* sequences (SQ, e.g. Referenced Study Sequence, Request Attributes Sequence): a JSON column in
  the DICOM JSON model (PS3.18 F.2), each item holding the nested keys the tables list (and
  their own nested keys).  Sequence matching (PS3.4 C.2.2.2.6) is rare and recursive; the query
  layer evaluates it in Python on these items rather than through one side table per nesting.

Beside a key's column, two more for matching in SQL what the matcher matches under extended
negotiation (:mod:`dicomkit.query.storage`): ``<keyword>_folded`` for a single-valued PN, its
normal form case-folded (PS3.4 C.2.2.2.1.1, case-insensitive person names), and
``<keyword>_datetime`` for a single-valued DA key with a TM partner (Study Date and Study
Time), their combined moment as a DT in UTC (PS3.4 C.2.2.2.5.1, combined date-time matching);
both indexed.  :attr:`Schema.extras` names them.

The layout's version is kept in the table ``dicomkit_meta`` (``name``, ``value``; the row
``schema_version``): an index without it was written before version 2 (which added the
``_folded`` and ``_datetime`` columns).  :mod:`dicomkit.archive.migrate` brings an older index
to this layout when the archive opens.

Besides the keys: ``id`` (primary key) and the parent ids; the patient's identity
``patient_key`` (Patient ID and Issuer of Patient ID joined by ``\\``, which neither LO value
may hold: a Patient ID is unique only within its issuer, PS3.4 C.6.1.1.2); and on ``image``
the file: ``path`` (relative to the archive folder), ``size``, ``sha256``, ``transfer_syntax``
and ``received`` (UTC).  The derived keys of PS3.4 Table C.3-1 (Number of ... Related ...,
Modalities in Study, SOP Classes in Study) are columns too, kept true by the index on every
insert and delete.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from dicomkit.generated import query_keys as qk
from dicomkit.query.parse import time_partner
from dicomkit.query.storage import COMBINED_SUFFIX, FOLDED_SUFFIX

__all__ = ["FILE_COLUMNS", "LEVELS", "SCHEMA_VERSION", "Extra", "KeyColumn", "Schema", "SubKeys"]

#: The version of the index layout this schema makes: 1, the layout before dicomkit_meta; 2,
#: with the ``_folded`` and ``_datetime`` columns.
SCHEMA_VERSION = 2

#: The archive's levels: Patient Root's, top down (PS3.4 Table C.6.1-1).
LEVELS: tuple[str, ...] = qk.MODELS[qk.PATIENT_ROOT]
PATIENT, STUDY, SERIES, IMAGE = LEVELS
#: The columns of ``image`` that describe the stored file.
FILE_COLUMNS = ("path", "size", "sha256", "transfer_syntax", "received")
_INTEGER_VRS = frozenset({"IS", "US", "SS", "UL", "SL", "UV", "SV"})
_FLOAT_VRS = frozenset({"FL", "FD"})

#: Nested keys of a sequence key: tag -> the keys nested in that one.
SubKeys = dict[int, "SubKeys"]


@dataclass(frozen=True)
class KeyColumn:
    """A key held at a level: its tag, keyword, VR, VM and how it is stored."""

    tag: int
    keyword: str
    vr: str
    vm: str
    #: ``"text"``, ``"integer"``, ``"float"`` or ``"json"`` (sequences)
    kind: str
    multi: bool
    derived: bool
    #: for sequences: the nested keys kept in each item
    nested: SubKeys = field(default_factory=dict)


@dataclass(frozen=True)
class Extra:
    """A column kept beside a key's own (see the module): its name, the key's keyword and
    tag, and ``"folded"`` (PN, case-folded) or ``"combined"`` (DA with its TM partner)."""

    column: str
    keyword: str
    tag: int
    kind: str


#: column type per kind of key
_TYPES: dict[str, Callable[[], Any]] = {
    "json": lambda: sa.JSON(none_as_null=True), "integer": sa.BigInteger, "float": sa.Float,
    "text": sa.Text}


def _kind(vr: str, vm: str) -> str:
    if vr == "SQ":
        return "json"
    if vm == "1" and vr in _INTEGER_VRS:
        return "integer"
    if vm == "1" and vr in _FLOAT_VRS:
        return "float"
    return "text"


def _placements() -> dict[str, dict[int, qk.QueryKey]]:
    """Level -> tag -> key: where each top-level key is held (see the module)."""
    home: dict[int, set[str]] = {}
    for model in (qk.PATIENT_ROOT, qk.STUDY_ROOT):
        placed_before = set(home)
        for level in qk.MODELS[model]:
            for k in qk.keys_of(model, level):
                if not k.path and k.tag not in placed_before:
                    home.setdefault(k.tag, set()).add(level)
    qido_levels: dict[int, set[str]] = {}
    for level in qk.MODELS.get(qk.QIDO_RS, ()):
        for k in qk.keys_of(qk.QIDO_RS, level):
            if not k.path and k.tag not in home:
                qido_levels.setdefault(k.tag, set()).add(level)
    home.update(qido_levels)
    out: dict[str, dict[int, qk.QueryKey]] = {lv: {} for lv in LEVELS}
    for k in qk.KEYS:
        if not k.path:
            for level in home.get(k.tag, ()):
                out[level].setdefault(k.tag, k)
    return out


def _nested() -> dict[int, SubKeys]:
    """Top-level sequence tag -> its nested keys (the union over every model and level)."""
    out: dict[int, SubKeys] = {}
    for k in qk.KEYS:
        if k.path:
            node = out.setdefault(k.path[0], {})
            for tag in (*k.path[1:], k.tag):
                node = node.setdefault(tag, {})
    return out


class Schema:
    """The SQLAlchemy tables of an index (see the module)."""

    def __init__(self) -> None:
        self.metadata = sa.MetaData()
        nested = _nested()
        self.keys: dict[str, dict[str, KeyColumn]] = {}
        self.tables: dict[str, sa.Table] = {}
        self.value_tables: dict[str, sa.Table] = {}
        #: level -> column name -> the extra column kept beside a key (see the module)
        self.extras: dict[str, dict[str, Extra]] = {}
        unique_tags: dict[str, int] = {}
        for level, placed in _placements().items():
            cols: dict[str, KeyColumn] = {}
            for tag, k in sorted(placed.items()):
                cols[k.keyword] = KeyColumn(tag, k.keyword, k.vr, k.vm, _kind(k.vr, k.vm),
                                            multi=k.vm != "1" and k.vr != "SQ",
                                            derived=tag in qk.ADDITIONAL,
                                            nested=nested.get(tag, {}) if k.vr == "SQ" else {})
            self.keys[level] = cols
            unique = [k for k in qk.keys_of(qk.PATIENT_ROOT, level) if k.matching == "U"]
            unique_tags[level] = unique[0].tag
        self.unique_tag = unique_tags
        indexed = {(k.level, k.tag) for k in qk.KEYS if not k.path and k.matching in ("U", "R")}
        parent: sa.Table | None = None
        ancestors: list[str] = []
        for level in LEVELS:
            name = level.lower()
            columns: list[sa.Column[object]] = [sa.Column("id", sa.Integer, primary_key=True,
                                                          autoincrement=True)]
            for up in ancestors:
                columns.append(sa.Column(f"{up.lower()}_id", sa.Integer,
                                         sa.ForeignKey(f"{up.lower()}.id"), nullable=False,
                                         index=True))
            if level == PATIENT:
                columns.append(sa.Column("patient_key", sa.Text, nullable=False, unique=True))
            extras: dict[str, Extra] = {}
            for key in self.keys[level].values():
                typ: Any = _TYPES[key.kind]()
                is_unique = key.tag == unique_tags[level] and level != PATIENT
                columns.append(sa.Column(key.keyword, typ, unique=is_unique or None,
                                         nullable=not is_unique,
                                         index=None if is_unique or key.kind == "json" else
                                         ((level, key.tag) in indexed or None)))
                if key.kind != "text" or key.multi or key.derived:
                    continue
                if key.vr == "PN":
                    extra = Extra(key.keyword + FOLDED_SUFFIX, key.keyword, key.tag, "folded")
                elif key.vr == "DA" and time_partner(key.tag) is not None:
                    extra = Extra(key.keyword + COMBINED_SUFFIX, key.keyword, key.tag,
                                  "combined")
                else:
                    continue
                extras[extra.column] = extra
                columns.append(sa.Column(extra.column, sa.Text, nullable=True, index=True))
            self.extras[level] = extras
            if level == IMAGE:
                columns += [sa.Column("path", sa.Text, nullable=False, unique=True),
                            sa.Column("size", sa.BigInteger, nullable=False),
                            sa.Column("sha256", sa.String(64), nullable=False),
                            sa.Column("transfer_syntax", sa.Text, nullable=False),
                            sa.Column("received", sa.DateTime(timezone=True), nullable=False)]
            table = sa.Table(name, self.metadata, *columns)
            self.tables[level] = table
            self.value_tables[level] = sa.Table(
                f"{name}_value", self.metadata,
                sa.Column("owner", sa.Integer, sa.ForeignKey(f"{name}.id", ondelete="CASCADE"),
                          nullable=False, index=True),
                sa.Column("tag", sa.Integer, nullable=False),
                sa.Column("position", sa.Integer, nullable=False),
                sa.Column("value", sa.Text, nullable=True),
                sa.Index(f"ix_{name}_value_tag_value", "tag", "value"))
            ancestors.append(level)
            parent = table
        del parent
        #: files whose rows are deleted but whose unlinking is not yet confirmed (see index)
        self.deletions = sa.Table("pending_deletion", self.metadata,
                                  sa.Column("id", sa.Integer, primary_key=True,
                                            autoincrement=True),
                                  sa.Column("path", sa.Text, nullable=False))
        #: the layout's version and other facts about the index (see the module)
        self.meta = sa.Table("dicomkit_meta", self.metadata,
                             sa.Column("name", sa.Text, primary_key=True),
                             sa.Column("value", sa.Text, nullable=False))

    def level_of(self, level: str) -> str:
        """``level`` checked (``"study"`` -> ``"STUDY"``).

        Raises
        ------
        ValueError
            When it is no level of the archive.
        """
        up = level.upper()
        if up not in self.tables:
            raise ValueError(f"{level!r} is not a level of the archive (one of {LEVELS})")
        return up

    def columns(self, level: str) -> Mapping[str, sa.Column[object]]:
        """keyword -> column of the keys held at ``level`` itself."""
        lv = self.level_of(level)
        table = self.tables[lv]
        return {kw: table.c[kw] for kw in self.keys[lv]}

    def keyword_columns(self, level: str) -> dict[str, sa.Column[object]]:
        """keyword -> column for a query at ``level``: its keys and those of the levels above
        (joined by :meth:`select_from`); a key held at several levels is the level's own."""
        lv = self.level_of(level)
        out: dict[str, sa.Column[object]] = {}
        for up in LEVELS[: LEVELS.index(lv) + 1]:
            out.update(self.columns(up))
        return out

    def keyword_of(self, level: str, tag: int) -> str:
        """The keyword (column name) of ``tag`` at ``level``.

        Raises
        ------
        KeyError
            When the tag is not held there.
        """
        for kw, key in self.keys[self.level_of(level)].items():
            if key.tag == tag:
                return kw
        raise KeyError(f"{tag:08X} is not held at {level}")

    def kind_of(self, level: str, keyword: str) -> str | None:
        """How ``keyword`` is held for a query at ``level`` (``"text"``, ``"integer"``,
        ``"float"``, ``"json"``), None when it is not."""
        lv = self.level_of(level)
        for up in reversed(LEVELS[: LEVELS.index(lv) + 1]):
            key = self.keys[up].get(keyword)
            if key is not None:
                return key.kind
        return None

    def holder(self, level: str, keyword: str) -> str | None:
        """The level whose table holds ``keyword`` for a query at ``level`` (itself or one
        above), None when none does."""
        lv = self.level_of(level)
        for up in reversed(LEVELS[: LEVELS.index(lv) + 1]):
            if keyword in self.keys[up]:
                return up
        return None

    def any_value(self, level: str, keyword: str,
                  test: Callable[[sa.Column[Any]], sa.ColumnElement[bool]]
                  ) -> sa.ColumnElement[bool]:
        """A clause true for the rows (of a query at ``level``) of which some value of the
        multi-valued ``keyword`` passes ``test`` (given the side table's ``value`` column):
        PS3.4 C.2.2.2.1, a match of any one value is a match.

        Raises
        ------
        KeyError
            When ``keyword`` is not a multi-valued key held at ``level`` or above.
        """
        up = self.holder(level, keyword)
        key = self.keys[up].get(keyword) if up is not None else None
        if up is None or key is None or not key.multi:
            raise KeyError(f"{keyword} is not a multi-valued key at {level} or above")
        values = self.value_tables[up]
        return sa.exists().where(values.c.owner == self.tables[up].c.id,
                                 values.c.tag == key.tag, test(values.c.value))

    def key(self, level: str, keyword: str) -> KeyColumn | None:
        """How ``keyword`` is held at ``level`` (None when it is not held there)."""
        return self.keys[self.level_of(level)].get(keyword)

    def select_from(self, level: str) -> sa.FromClause:
        """``level``'s table joined with the tables above it (by their ids)."""
        lv = self.level_of(level)
        table = self.tables[lv]
        joined: sa.FromClause = table
        for up in LEVELS[: LEVELS.index(lv)]:
            upper = self.tables[up]
            joined = joined.join(upper, table.c[f"{up.lower()}_id"] == upper.c.id)
        return joined
