"""The index: SQL over the tables of :mod:`dicomkit.archive.schema`, through SQLAlchemy Core.

One URL chooses the database: ``sqlite:///PATH`` (the default, beside the archive folder; WAL
journal, ``synchronous=NORMAL``, write transactions started with ``BEGIN IMMEDIATE`` so that
concurrent writers queue on the busy timeout instead of failing on a lock upgrade) or
``postgresql://USER@HOST:PORT/DB`` (psycopg 3; ``postgresql+psycopg://`` is used for it).

Every change is one transaction: an instance's rows at each level, its multi-valued side rows
and the derived attributes of its series, study and patient (PS3.4 Table C.3-1: Number of
Series Related Instances, Number of Study Related Series and Instances, Modalities in Study,
SOP Classes in Study, Number of Patient Related Studies, Series and Instances) are written in
the same transaction, so they are true whenever a reader looks: the counts are recomputed from
the rows (``COUNT`` subqueries), the distinct-valued ones recomputed from the series and
instances, or, for a study that only gained instances, merged with the values it had.  Parent
rows are looked up (PostgreSQL ``SELECT ... FOR UPDATE``, patient, study, series in that order,
so that concurrent inserts into one study serialize on them) and made when
missing with ``INSERT ... ON CONFLICT DO NOTHING RETURNING``; a transaction that loses a race
for a unique key, or that the server rolls back to break a deadlock, fails with a retryable
:class:`~dicomkit.archive.errors.IndexUnavailableError` and the archive tries it again.

A deletion writes the paths of the files it unindexes into ``pending_deletion`` in the same
transaction; the files are removed after the commit and their rows then cleared, and whatever
a crash left there is finished by the next :meth:`Index.pending_deletions` user (opening the
archive).  So a failed transaction leaves every file, and a crash after the commit leaves no
unindexed file behind for a re-index to resurrect.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as _pg
from sqlalchemy.dialects import sqlite as _sqlite

from dicomkit.archive.errors import DuplicateInstanceError, IndexUnavailableError, NotFoundError
from dicomkit.archive.extract import Record
from dicomkit.archive.schema import IMAGE, LEVELS, PATIENT, SERIES, STUDY, Schema
from dicomkit.generated import tags

__all__ = ["POLICIES", "Entry", "Index", "Outcome", "engine_url"]

#: What to do with an instance whose SOP Instance UID is stored with other content.
POLICIES = ("keep", "replace", "reject")

#: The derived keys the index computes, by level (PS3.4 Table C.3-1).
_COUNTS: dict[str, tuple[tuple[int, str], ...]] = {
    SERIES: ((tags.NumberOfSeriesRelatedInstances, IMAGE),),
    STUDY: ((tags.NumberOfStudyRelatedSeries, SERIES), (tags.NumberOfStudyRelatedInstances, IMAGE)),
    PATIENT: ((tags.NumberOfPatientRelatedStudies, STUDY),
              (tags.NumberOfPatientRelatedSeries, SERIES),
              (tags.NumberOfPatientRelatedInstances, IMAGE)),
}
#: (derived key, the level its values come from, the key they are the distinct values of)
_DISTINCT: tuple[tuple[int, str, int], ...] = (
    (tags.ModalitiesInStudy, SERIES, tags.Modality),
    (tags.SOPClassesInStudy, IMAGE, tags.SOPClassUID),
)


def engine_url(url: str) -> sa.URL:
    """``url`` as SQLAlchemy takes it (``postgresql://`` -> ``postgresql+psycopg://``).

    Raises
    ------
    IndexUnavailableError
        When it is neither a SQLite nor a PostgreSQL URL.
    """
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise IndexUnavailableError(f"not a database URL: {exc}", url=url) from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise IndexUnavailableError("the index is SQLite (sqlite:///PATH) or PostgreSQL "
                                    "(postgresql://...)",
                                    url=parsed.render_as_string(hide_password=True))
    return parsed


@dataclass(frozen=True)
class Outcome:
    """What an insert did: ``action`` ``"stored"``, ``"replaced"``, ``"duplicate"`` (the same
    bytes are stored already) or ``"kept"`` (other bytes are stored under the UID and kept, by
    policy); ``path`` the relative path of the file the index holds for ``uid``; ``obsolete``
    the files a replacement unindexed (pending deletion)."""

    action: str
    path: str
    uid: str
    obsolete: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """An instance to index: its record, file digest and size, and how to place its file."""

    record: Record
    sha256: str
    size: int
    place: Callable[[], str]


class Index:
    """An index database (see the module)."""

    def __init__(self, url: str, schema: Schema) -> None:
        self.schema = schema
        parsed = engine_url(url)
        self.url = parsed.render_as_string(hide_password=True)
        self.sqlite = parsed.get_backend_name() == "sqlite"
        try:
            if self.sqlite:
                self.engine = sa.create_engine(parsed, connect_args={
                    "check_same_thread": False, "timeout": 60.0})
                sa.event.listen(self.engine, "connect", _sqlite_connect)
                sa.event.listen(self.engine, "begin", _sqlite_begin)
            else:
                self.engine = sa.create_engine(parsed, pool_pre_ping=True)
            schema.metadata.create_all(self.engine)
        except (sa.exc.OperationalError, sa.exc.InterfaceError, ImportError) as exc:
            raise IndexUnavailableError(f"cannot open the index: {exc}", url=self.url) from None
        s = schema
        self._t = s.tables
        self._v = s.value_tables
        self._kw = {level: {k.tag: kw for kw, k in s.keys[level].items()} for level in LEVELS}
        self._unique = {level: self._kw[level][s.unique_tag[level]]
                        for level in LEVELS if level != PATIENT}
        self._prepare()
        self._prepare_refresh()

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """A connection in a transaction, committed at the end, rolled back on an error."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.OperationalError as exc:
            error = IndexUnavailableError(f"index failure: {exc.orig}", url=self.url)
            error.retryable = _retryable(exc)
            raise error from exc
        except sa.exc.IntegrityError as exc:
            # a concurrent transaction committed the same unique key first (PostgreSQL: two
            # receivers given one new instance at once); tried again, the insert sees its row
            error = IndexUnavailableError(f"concurrent insert of the same key: {exc.orig}",
                                          url=self.url)
            error.retryable = True
            raise error from exc

    @contextmanager
    def connection(self) -> Iterator[sa.Connection]:
        """A connection for reading (SQLite: a deferred transaction, which takes no lock)."""
        with self.engine.connect() as conn:
            yield conn.execution_options(dicomkit_read=True)

    # ------------------------------------------------------------------ helpers

    def _insert(self, table: sa.Table) -> Any:
        return (_sqlite.insert(table) if self.sqlite else _pg.insert(table))

    def _locked(self, stmt: sa.Select[Any]) -> sa.Select[Any]:
        return stmt if self.sqlite else stmt.with_for_update()

    def _parent(self, conn: sa.Connection, level: str, key: str, values: dict[str, Any],
                parents: dict[str, int], multi: list[tuple[int, int, str]]) -> tuple[int, bool]:
        """The row id of a patient, study or series (locked on PostgreSQL), made when missing;
        and whether this call made it."""
        insert, select = self._parent_statements[level]
        found = conn.execute(select, {"key": key}).scalar()
        if found is not None:  # the common case: one statement
            return int(found), False
        row = {**values, **{f"{up.lower()}_id": parents[up] for up in parents}}
        if level == PATIENT:
            row["patient_key"] = key
        inserted = conn.execute(insert, row).first()  # None: another transaction made it
        created = inserted is not None
        made = int(inserted[0]) if inserted is not None else \
            int(conn.execute(select, {"key": key}).scalar_one())
        if created and multi:
            conn.execute(self._v[level].insert(), [
                {"owner": made, "tag": t, "position": p, "value": v} for t, p, v in multi])
        return made, created

    def _prepare(self) -> None:
        """Statements built once (executed with parameters, so SQLAlchemy caches them)."""
        self._parent_statements: dict[str, tuple[Any, Any]] = {}
        for level in (PATIENT, STUDY, SERIES):
            table = self._t[level]
            column = table.c.patient_key if level == PATIENT else table.c[self._unique[level]]
            # RETURNING tells whether the row was made (psycopg gives no rowcount here)
            insert = self._insert(table).on_conflict_do_nothing(index_elements=[column]) \
                .returning(table.c.id)
            select = self._locked(sa.select(table.c.id).where(column == sa.bindparam("key")))
            self._parent_statements[level] = (insert, select)
        image = self._t[IMAGE]
        self._image_insert = image.insert().returning(image.c.id, sort_by_parameter_order=True)
        uid = image.c[self._unique[IMAGE]]
        self._old_select = self._locked(
            sa.select(uid.label("uid"), image.c.id, image.c.sha256, image.c.path,
                      image.c.series_id, image.c.study_id, image.c.patient_id)
            .where(uid.in_(sa.bindparam("uids", expanding=True))))

    # ------------------------------------------------------------------ insert

    def insert(self, conn: sa.Connection, items: Sequence[Entry], policy: str,
               received: _dt.datetime | None = None) -> list[Outcome | DuplicateInstanceError]:
        """Index instances in the open transaction ``conn``, then recompute the derived
        attributes of every series, study and patient they touched.

        Each entry's ``place()`` is called only when its instance is to be indexed, to put its
        file in place and return its relative path.  An instance refused by the "reject"
        policy gives its :class:`DuplicateInstanceError` in the list (nothing of it written);
        the paths of the files replaced instances leave are recorded as pending deletions
        and listed in :attr:`Outcome.obsolete`.  Instance rows are written in one
        multi-row statement per batch.
        """
        if policy not in POLICIES:
            raise ValueError(f"policy {policy!r} is not one of {POLICIES}")
        out: list[Outcome | DuplicateInstanceError] = []
        cache: dict[tuple[str, str], int] = {}
        touched: dict[str, set[int]] = {SERIES: set(), STUDY: set(), PATIENT: set()}
        when = received or _dt.datetime.now(_dt.UTC)
        olds: dict[str, Any] = {}
        uids = sorted({e.record.sop_instance_uid for e in items})
        for i in range(0, len(uids), 500):
            for r in conn.execute(self._old_select, {"uids": uids[i:i + 500]}):
                olds[r.uid] = r
        rows: list[dict[str, Any]] = []
        multis: list[list[tuple[int, int, str]]] = []
        #: study -> derived key -> the values its new instances add; studies that lost an
        #: instance (a replacement) are recomputed from their rows instead
        added: dict[int, dict[int, set[str]]] = {}
        recompute: set[int] = set()
        pending: set[str] = set()
        syntax_kw = self._kw[IMAGE].get(tags.AvailableTransferSyntaxUID)

        def flush() -> None:
            if rows:
                ids = [r[0] for r in conn.execute(self._image_insert, rows)]
                values = [{"owner": new_id, "tag": t, "position": p, "value": v}
                          for new_id, many in zip(ids, multis, strict=True) for t, p, v in many]
                if values:
                    conn.execute(self._v[IMAGE].insert(), values)
            rows.clear()
            multis.clear()
            pending.clear()

        for entry in items:
            record = entry.record
            uid = record.sop_instance_uid
            if uid in pending:  # the same UID twice in one batch: write the first, look again
                flush()
                olds.update({r.uid: r for r in conn.execute(self._old_select, {"uids": [uid]})})
            old = olds.get(uid)
            obsolete: list[str] = []
            action = "stored"
            if old is not None:
                if old.sha256 == entry.sha256:
                    out.append(Outcome("duplicate", old.path, uid))
                    continue
                if policy == "keep":
                    out.append(Outcome("kept", old.path, uid))
                    continue
                if policy == "reject":
                    out.append(DuplicateInstanceError(
                        "an instance with other content is stored under this SOP Instance "
                        "UID (policy 'reject'); store with policy 'replace' or delete it first",
                        path=old.path, uid=uid, stored_sha256=old.sha256,
                        new_sha256=entry.sha256))
                    continue
                self._delete_images(conn, [old.id])
                del olds[uid]
                obsolete.append(old.path)
                action = "replaced"
                touched[SERIES].add(old.series_id)
                touched[STUDY].add(old.study_id)
                touched[PATIENT].add(old.patient_id)
                recompute.add(old.study_id)
            parents: dict[str, int] = {}
            created: set[str] = set()
            for level in (PATIENT, STUDY, SERIES):
                key = (level, record.uids[level])
                found = cache.get(key)
                if found is None:
                    found, made = self._parent(conn, level, record.uids[level],
                                               record.values[level], dict(parents),
                                               record.multi.get(level, []))
                    cache[key] = found
                    if made:
                        created.add(level)
                parents[level] = found
                touched[level].add(found)
            gained = added.setdefault(parents[STUDY], {})
            for derived, source_level, source_tag in _DISTINCT:
                src_kw = self._kw[source_level].get(source_tag)
                # a series' values are those of the instance that made it (PS3.4 C.3-1:
                # Modalities in Study are the series' Modality values)
                if src_kw is None or (source_level != IMAGE and source_level not in created):
                    continue
                value = record.values[source_level].get(src_kw)
                if value:
                    gained.setdefault(derived, set()).update(
                        v for v in str(value).split("\\") if v)
            path = entry.place()
            if path in obsolete:  # the file was rewritten in place (a re-index): keep it
                obsolete.remove(path)
            if obsolete:
                conn.execute(self.schema.deletions.insert(), [{"path": p} for p in obsolete])
            row = dict(record.values[IMAGE])
            if syntax_kw is not None:
                row[syntax_kw] = record.transfer_syntax or None
            row.update({f"{lv.lower()}_id": parents[lv] for lv in parents})
            row.update(path=path, size=entry.size, sha256=entry.sha256,
                       transfer_syntax=record.transfer_syntax, received=when)
            rows.append(row)
            multis.append(record.multi.get(IMAGE, []))
            pending.add(uid)
            out.append(Outcome(action, path, uid, tuple(obsolete)))
        flush()
        self.refresh(conn, touched, {k: v for k, v in added.items() if k not in recompute})
        return out

    # ------------------------------------------------------------------ derived attributes

    def _prepare_refresh(self) -> None:
        """The statements of :meth:`refresh`, built once (with expanding ``ids`` parameters)."""
        ids: sa.BindParameter[Any] = sa.bindparam("ids", expanding=True)
        self._count_updates: dict[str, Any] = {}
        for level in (SERIES, STUDY, PATIENT):
            table = self._t[level]
            link = f"{level.lower()}_id"
            values: dict[str, Any] = {}
            for tag, child in _COUNTS[level]:
                kw = self._kw[level].get(tag)
                if kw is not None:
                    ct = self._t[child]
                    values[kw] = (sa.select(sa.func.count(ct.c.id))
                                  .where(ct.c[link] == table.c.id).scalar_subquery())
            if values:
                self._count_updates[level] = table.update().where(table.c.id.in_(ids)) \
                    .values(values)
        study, side = self._t[STUDY], self._v[STUDY]
        self._distinct: list[tuple[int, str, Any, Any, Any, Any]] = []
        for derived, source_level, source_tag in _DISTINCT:
            kw = self._kw[STUDY].get(derived)
            src_kw = self._kw[source_level].get(source_tag)
            if kw is None or src_kw is None:
                continue
            src = self._t[source_level]
            found = sa.select(src.c.study_id, src.c[src_kw]).distinct().where(
                src.c.study_id.in_(ids), src.c[src_kw].is_not(None))
            current = sa.select(study.c.id, study.c[kw]).where(study.c.id.in_(ids))
            update = study.update().where(study.c.id == sa.bindparam("sid")).values(
                {kw: sa.bindparam("joined")})
            clear = side.delete().where(side.c.owner.in_(ids), side.c.tag == derived)
            self._distinct.append((derived, kw, found, current, update, clear))
        self._distinct_current = sa.select(study.c.id, *(study.c[e[1]] for e in self._distinct)) \
            .where(study.c.id.in_(ids))

    def refresh(self, conn: sa.Connection, ids: dict[str, set[int]],
                added: dict[int, dict[int, set[str]]] | None = None) -> None:
        """Recompute the derived attributes of these series, studies and patients.

        ``added``: for studies that only gained instances, the values of the distinct-valued
        derived keys (Modalities, SOP Classes in Study) they gained; those are merged with the
        stored ones instead of recomputed from every series and instance.
        """
        added = added or {}
        for level in (SERIES, STUDY, PATIENT):
            wanted = sorted(ids.get(level, ()))
            if not wanted:
                continue
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                update = self._count_updates.get(level)
                if update is not None:
                    conn.execute(update, {"ids": chunk})
                if level == STUDY:
                    grown = [sid for sid in chunk if sid in added]
                    rest = [sid for sid in chunk if sid not in added]
                    if grown:
                        self._merge_distinct(conn, grown, added)
                    if rest:
                        self._refresh_distinct(conn, rest)

    def _merge_distinct(self, conn: sa.Connection, studies: list[int],
                        added: dict[int, dict[int, set[str]]]) -> None:
        side = self._v[STUDY]
        kws = [entry[1] for entry in self._distinct]
        if not kws:
            return
        current = {r[0]: r[1:] for r in conn.execute(self._distinct_current,
                                                     {"ids": studies})}
        for n, (derived, _kw, _found, _current, update, clear) in enumerate(self._distinct):
            changed: dict[int, list[str]] = {}
            for sid in studies:
                gained = added[sid].get(derived, set())
                now = current.get(sid, (None,) * len(kws))[n]
                have = {v for v in str(now).split("\\") if v} if now else set()
                if not gained <= have:
                    changed[sid] = sorted(have | gained)
            if not changed:
                continue
            conn.execute(update, [{"sid": sid, "joined": "\\".join(vals)}
                                  for sid, vals in changed.items()])
            conn.execute(clear, {"ids": sorted(changed)})
            conn.execute(side.insert(), [{"owner": sid, "tag": derived, "position": i,
                                          "value": v}
                                         for sid, vals in changed.items()
                                         for i, v in enumerate(vals)])

    def _refresh_distinct(self, conn: sa.Connection, studies: list[int]) -> None:
        side = self._v[STUDY]
        for derived, _kw, found_stmt, current_stmt, update, clear in self._distinct:
            found: dict[int, set[str]] = {s: set() for s in studies}
            for sid, value in conn.execute(found_stmt, {"ids": studies}):
                found[sid].update(v for v in str(value).split("\\") if v)
            now = dict(conn.execute(current_stmt, {"ids": studies}).all())
            changed = {sid: "\\".join(sorted(vals)) or None for sid, vals in found.items()
                       if ("\\".join(sorted(vals)) or None) != now.get(sid)}
            if not changed:
                continue
            owners = sorted(changed)
            conn.execute(update, [{"sid": sid, "joined": joined}
                                  for sid, joined in changed.items()])
            conn.execute(clear, {"ids": owners})
            rows = [{"owner": sid, "tag": derived, "position": i, "value": v}
                    for sid in owners for i, v in enumerate(sorted(found[sid]))]
            if rows:
                conn.execute(side.insert(), rows)

    # ------------------------------------------------------------------ delete

    def _delete_images(self, conn: sa.Connection, ids: Sequence[int]) -> None:
        values, image = self._v[IMAGE], self._t[IMAGE]
        for chunk in _chunks(ids, 500):
            conn.execute(values.delete().where(values.c.owner.in_(chunk)))
            conn.execute(image.delete().where(image.c.id.in_(chunk)))

    def _delete_empty(self, conn: sa.Connection, level: str, ids: set[int]) -> set[int]:
        """Delete those of ``ids`` (rows of ``level``) that have no instance left; the rest."""
        if not ids:
            return set()
        table, values, image = self._t[level], self._v[level], self._t[IMAGE]
        link = image.c[f"{level.lower()}_id"]
        alive = {r[0] for r in conn.execute(sa.select(link).distinct().where(link.in_(ids)))}
        empty = sorted(ids - alive)
        for chunk in _chunks(empty, 500):
            conn.execute(values.delete().where(values.c.owner.in_(chunk)))
            conn.execute(table.delete().where(table.c.id.in_(chunk)))
        return alive

    def resolve(self, conn: sa.Connection, level: str, uid: str) -> int:
        """The row id of the patient (by :func:`~dicomkit.archive.extract.patient_key`),
        study, series or instance (by its UID).

        Raises
        ------
        NotFoundError
            When there is none.
        """
        lv = self.schema.level_of(level)
        table = self._t[lv]
        column = table.c.patient_key if lv == PATIENT else table.c[self._unique[lv]]
        found = conn.execute(sa.select(table.c.id).where(column == uid)).scalar()
        if found is None:
            what = "patient" if lv == PATIENT else self._unique[lv]
            raise NotFoundError(f"no {what} {uid!r} in the index", uid=uid, url=self.url)
        return int(found)

    def delete(self, conn: sa.Connection, level: str, uid: str) -> list[str]:
        """Unindex a patient, study, series or instance and everything below it; the
        relative paths of its files, recorded as pending deletions (see the module).

        Raises
        ------
        NotFoundError
            When there is no such entity.
        """
        lv = self.schema.level_of(level)
        row_id = self.resolve(conn, lv, uid)
        image = self._t[IMAGE]
        link = image.c.id if lv == IMAGE else image.c[f"{lv.lower()}_id"]
        rows = conn.execute(self._locked(sa.select(image.c.id, image.c.path, image.c.series_id,
                                                   image.c.study_id, image.c.patient_id)
                                         .where(link == row_id))).all()
        paths = [r.path for r in rows]
        if paths:
            conn.execute(self.schema.deletions.insert(), [{"path": p} for p in paths])
        self._delete_images(conn, [r.id for r in rows])
        parents = {SERIES: {r.series_id for r in rows}, STUDY: {r.study_id for r in rows},
                   PATIENT: {r.patient_id for r in rows}}
        if lv != IMAGE:  # an entity without instances (none are made so, but be thorough)
            parents[lv].add(row_id)
        alive = {level_: self._delete_empty(conn, level_, parents[level_])
                 for level_ in (SERIES, STUDY, PATIENT)}
        self.refresh(conn, alive)
        return paths

    def pending_deletions(self, conn: sa.Connection) -> list[tuple[int, str]]:
        """(id, relative path) of the files unindexed but not yet confirmed removed."""
        d = self.schema.deletions
        return [(r.id, r.path) for r in conn.execute(sa.select(d.c.id, d.c.path))]

    def clear_deletions(self, conn: sa.Connection, ids: Iterable[int]) -> None:
        """Forget pending deletions whose files are gone; a path indexed again (a replaced
        file rewritten in place) is simply forgotten."""
        d = self.schema.deletions
        for chunk in _chunks(sorted(ids), 500):
            conn.execute(d.delete().where(d.c.id.in_(chunk)))

    def is_indexed(self, conn: sa.Connection, path: str) -> bool:
        """Whether an instance row holds this relative path."""
        image = self._t[IMAGE]
        return conn.execute(sa.select(image.c.id).where(image.c.path == path)).first() \
            is not None


#: SQLSTATEs of a transaction the server rolled back to break a deadlock or a serialization
#: conflict (PostgreSQL 40P01, 40001): trying it again is the remedy.
_RETRY_STATES = frozenset({"40P01", "40001"})


def _retryable(exc: sa.exc.OperationalError) -> bool:
    """Whether a failed transaction may succeed when tried again (a deadlock victim, or SQLite
    still locked after its busy timeout)."""
    state = getattr(exc.orig, "sqlstate", None)
    if state in _RETRY_STATES:
        return True
    return "database is locked" in str(exc.orig)


def _chunks(items: Sequence[int], n: int) -> Iterator[list[int]]:
    items = list(items)
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions begun by _sqlite_begin
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    read = conn.get_execution_options().get("dicomkit_read", False)
    conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")
