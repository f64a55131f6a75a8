"""Bring an index written by an older dicomkit to the layout of :mod:`dicomkit.archive.schema`.

Done automatically when an :class:`~dicomkit.archive.Archive` opens its index (one INFO log
line before, one after, a progress line every 10 % on big archives; a ``progress`` callable
gets ``(done, total)`` too).  What it does, in ONE transaction (SQLite ``BEGIN IMMEDIATE``,
PostgreSQL with ``dicomkit_meta`` locked, so two processes opening the archive at once do it
once):

1. reads the layout version (``dicomkit_meta``, row ``schema_version``; none: version 1) and
   the columns each level's table has;
2. adds every column the schema has and the table lacks (``ALTER TABLE ... ADD COLUMN``): the
   ``_folded`` and ``_datetime`` columns of version 2, and any key column the generated query
   key list of a newer edition adds; and every index of the schema the tables lack (by name:
   those of the new columns, of a key a newer edition makes a matching key);
3. fills them: a ``_folded`` column from the stored normal form beside it (case folding of
   the value, :func:`dicomkit.query.names.fold`); every other column from one stored file of
   each row (the instance's own; for a patient, study or series, one of its instances), read
   for those tags only, with the code that indexes a new instance
   (:func:`dicomkit.archive.extract.level_values`); a derived key (PS3.4 Table C.3-1) by
   recomputing the derived attributes;
4. writes the version.

A migration stopped half-way (killed, an error, the disk full) is rolled back with its
transaction: the index keeps its old layout, stays usable, and the next open does it again.
A row whose file is missing or unreadable keeps NULL in the new columns (counted in the
report and logged): like an absent value, which matches only when "unknown matches" (PS3.4
C.2.2.1.2).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dicomkit.archive.extract import level_values
from dicomkit.archive.index import Index
from dicomkit.archive.schema import IMAGE, LEVELS, SCHEMA_VERSION, Schema
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.io.reader import read
from dicomkit.query.names import fold
from dicomkit.query.parse import time_partner

__all__ = ["UpgradeReport", "schema_version", "upgrade"]

log = logging.getLogger(__name__)

#: Rows filled between two progress calls.
BATCH = 500
_VERSION_ROW = "schema_version"


@dataclass
class UpgradeReport:
    """What :func:`upgrade` did: the version found and written, the columns added (by
    table), the rows filled and those whose file could not be read."""

    found: int = SCHEMA_VERSION
    version: int = SCHEMA_VERSION
    added: dict[str, list[str]] = field(default_factory=dict)
    filled: int = 0
    unreadable: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when columns were added."""
        return any(self.added.values())


def schema_version(conn: sa.Connection, schema: Schema) -> int:
    """The layout version the index says it has (1 when it says none: before versions)."""
    value = conn.execute(sa.select(schema.meta.c.value)
                         .where(schema.meta.c.name == _VERSION_ROW)).scalar()
    try:
        return int(value) if value is not None else 1
    except ValueError:
        return 1


def _set_version(conn: sa.Connection, schema: Schema) -> None:
    conn.execute(sa.delete(schema.meta).where(schema.meta.c.name == _VERSION_ROW))
    conn.execute(sa.insert(schema.meta).values(name=_VERSION_ROW, value=str(SCHEMA_VERSION)))


def upgrade(index: Index, file_of: Callable[[str], Path], *,
            progress: Callable[[int, int], None] | None = None) -> UpgradeReport:
    """Bring ``index`` to the schema's layout (see the module); ``file_of`` gives the path
    of a stored file from its relative path.

    Raises
    ------
    IndexUnavailableError
        When the database fails; nothing is changed then.
    """
    schema = index.schema
    report = UpgradeReport()
    with index.connection() as conn:
        found = schema_version(conn, schema)
        have = _columns(conn, schema)
        lacking = _missing_indexes(conn, schema)
    missing = {level: [c for c in schema.tables[level].columns if c.name not in have[level]]
               for level in LEVELS}
    if found == SCHEMA_VERSION and not any(missing.values()) and not lacking:
        return report
    with index.transaction() as conn:
        if not index.sqlite:
            conn.execute(sa.text(f"LOCK TABLE {schema.meta.name} IN EXCLUSIVE MODE"))
        report.found = schema_version(conn, schema)
        have = _columns(conn, schema)  # again, inside the transaction: another may have done it
        missing = {level: [c for c in schema.tables[level].columns
                           if c.name not in have[level]] for level in LEVELS}
        lacking = _missing_indexes(conn, schema)
        if lacking and not any(missing.values()):
            log.info("%s: making the missing indexes %s", index.url,
                     ", ".join(str(ix.name) for ix in lacking))
        if any(missing.values()):
            log.info("%s: upgrading the index layout from version %d to %d: adding %s",
                     index.url, report.found, SCHEMA_VERSION,
                     ", ".join(f"{schema.tables[lv].name}.{c.name}" for lv in LEVELS
                               for c in missing[lv]))
        if any(missing.values()) or lacking:
            _add_columns(conn, schema, missing)
            _fill(conn, index, missing, file_of, report, progress)
        _set_version(conn, schema)
        report.added = {schema.tables[lv].name: [c.name for c in missing[lv]]
                        for lv in LEVELS if missing[lv]}
    if report.changed:
        log.info("%s: index layout upgraded to version %d: %d rows filled, %d without a "
                 "readable file", index.url, SCHEMA_VERSION, report.filled,
                 len(report.unreadable))
    return report


def _columns(conn: sa.Connection, schema: Schema) -> dict[str, set[str]]:
    inspector = sa.inspect(conn)
    return {level: {str(c["name"]) for c in inspector.get_columns(schema.tables[level].name)}
            for level in LEVELS}


def _missing_indexes(conn: sa.Connection, schema: Schema) -> list[sa.Index]:
    """The schema's indexes the level tables lack (by name): those of new columns, and of
    keys a newer edition made matching keys."""
    inspector = sa.inspect(conn)
    out: list[sa.Index] = []
    for level in LEVELS:
        table = schema.tables[level]
        have = {ix["name"] for ix in inspector.get_indexes(table.name)}
        out.extend(ix for ix in table.indexes if ix.name not in have)
    return out


def _add_columns(conn: sa.Connection, schema: Schema, missing: dict[str, list[sa.Column[Any]]]
                 ) -> None:
    dialect = conn.dialect
    quote = dialect.identifier_preparer.quote
    for level in LEVELS:
        table = schema.tables[level]
        for column in missing[level]:
            if not column.nullable:
                raise ValueError(f"{table.name}.{column.name} is NOT NULL: an index cannot "
                                 "be given it")  # pragma: no cover - the schema adds none
            conn.exec_driver_sql(f"ALTER TABLE {quote(table.name)} ADD COLUMN "
                                 f"{quote(column.name)} {column.type.compile(dialect)}")
    for ix in _missing_indexes(conn, schema):
        ix.create(conn)


def _fill(conn: sa.Connection, index: Index, missing: dict[str, list[sa.Column[Any]]],
          file_of: Callable[[str], Path], report: UpgradeReport,
          progress: Callable[[int, int], None] | None) -> None:
    schema = index.schema
    image = schema.tables[IMAGE]
    work: list[tuple[str, list[str], list[str], bool]] = []
    total = 0
    derived = False
    for level in LEVELS:
        names = [c.name for c in missing[level]]
        if not names:
            continue
        keys = {k.keyword: k for k in schema.keys[level].values()}
        extras = schema.extras[level]
        folded = [n for n in names if n in extras and extras[n].kind == "folded"]
        derived = derived or any(keys[n].derived for n in names if n in keys)
        from_files = [n for n in names if n not in folded and not (n in keys and keys[n].derived)]
        multi = any(keys[n].multi for n in from_files if n in keys)
        if folded or from_files:
            work.append((level, folded, from_files, multi))
            total += int(conn.execute(sa.select(sa.func.count())
                                      .select_from(schema.tables[level])).scalar_one())
    done = 0
    step = max(BATCH, total // 10)
    next_log = step

    def advance(n: int) -> None:
        nonlocal done, next_log
        done += n
        report.filled = done
        if progress is not None:
            progress(done, total)
        if done >= next_log:
            log.info("%s: index upgrade: %d of %d rows", index.url, done, total)
            next_log += step

    for level, folded, from_files, multi in work:
        table = schema.tables[level]
        if folded:
            sources = [schema.extras[level][n].keyword for n in folded]
            update = sa.update(table).where(table.c.id == sa.bindparam("_id")).values(
                {n: sa.bindparam(n) for n in folded})
            rows = conn.execute(sa.select(table.c.id, *(table.c[s] for s in sources))).all()
            for i in range(0, len(rows), BATCH):
                chunk = rows[i:i + BATCH]
                conn.execute(update, [
                    {"_id": r[0], **{n: fold(r[j + 1]) if r[j + 1] is not None else None
                                     for j, n in enumerate(folded)}} for r in chunk])
                if not from_files:
                    advance(len(chunk))
        if not from_files:
            continue
        wanted = _tags_for(schema, level, from_files)
        if level == IMAGE:
            rows = conn.execute(sa.select(image.c.id, image.c.path).order_by(image.c.id)).all()
        else:
            owner = image.c[f"{level.lower()}_id"]
            rows = conn.execute(sa.select(owner, sa.func.min(image.c.path)).group_by(owner)
                                .order_by(owner)).all()
        update = sa.update(table).where(table.c.id == sa.bindparam("_id")).values(
            {n: sa.bindparam(n) for n in from_files})
        for i in range(0, len(rows), BATCH):
            chunk = rows[i:i + BATCH]
            values: list[dict[str, Any]] = []
            side: list[dict[str, Any]] = []
            for row_id, rel in chunk:
                try:
                    ds = read(file_of(str(rel)), stop_before_pixels=True, specific_tags=wanted)
                except (OSError, DicomError) as exc:
                    log.warning("%s: index upgrade: %s of %s row %d not readable (%s); its "
                                "new columns stay empty", index.url, rel, level, row_id, exc)
                    report.unreadable.append(str(rel))
                    continue
                row, many = level_values(ds, schema, level)
                values.append({"_id": row_id, **{n: row.get(n) for n in from_files}})
                if multi:
                    new_tags = {schema.keys[level][n].tag for n in from_files
                                if n in schema.keys[level]}
                    side.extend({"owner": row_id, "tag": t, "position": p, "value": v}
                                for t, p, v in many if t in new_tags)
            if values:
                conn.execute(update, values)
            if side:
                conn.execute(schema.value_tables[level].insert(), side)
            advance(len(chunk))
    if derived:
        ids = {lv: set(conn.execute(sa.select(schema.tables[lv].c.id)).scalars())
               for lv in LEVELS if lv != IMAGE}
        index.refresh(conn, ids)


def _tags_for(schema: Schema, level: str, names: list[str]) -> set[int]:
    """The tags a file must give for ``names`` of ``level``."""
    out = {tags.SpecificCharacterSet, tags.TimezoneOffsetFromUTC}
    keys = {k.keyword: k for k in schema.keys[level].values()}
    for n in names:
        if n in keys:
            out.add(keys[n].tag)
        elif n in schema.extras[level]:
            extra = schema.extras[level][n]
            out.add(extra.tag)
            partner = time_partner(extra.tag)
            if partner is not None:
                out.add(partner)
    return out
