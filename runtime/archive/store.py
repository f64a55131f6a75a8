"""The archive: an instance store (a folder of Part 10 files as received) and its index.

>>> archive = Archive("/data/pacs")                      # doctest: +SKIP
>>> archive.insert_file("ct.dcm").action                 # doctest: +SKIP
'stored'
>>> archive.find("STUDY", PatientID="123")               # doctest: +SKIP

What is where: the files under the archive folder (:mod:`dicomkit.archive.files`), the index
in ``<folder>.index.sqlite`` beside it, or the database a ``db=`` URL names
(:mod:`dicomkit.archive.index`).

What a crash can leave, and what repairs it:

* during the write of a file: a ``.part`` file in ``<folder>/.incoming``, removed when the
  archive is next opened; nothing indexed;
* after a file is placed and before its index commit: a complete file that is not indexed,
  which :meth:`Archive.check` reports as unindexed and :meth:`Archive.index_folder` (``dicomkit
  archive index``) indexes;
* after a deletion's commit, before its files are removed: rows in ``pending_deletion``; the
  files are removed when the archive is next opened (or by :meth:`Archive.check` with
  ``repair=True``), so a re-index never brings them back.

An indexed row never points to a missing or half-written file through any of these; only a
file removed by hand does that (:meth:`Archive.check` lists it as missing).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dicomkit.archive.errors import (
    ArchiveError,
    DuplicateInstanceError,
    IndexUnavailableError,
    InstanceRefusedError,
)
from dicomkit.archive.extract import Record, patient_key, record_of, tags_to_read
from dicomkit.archive.files import FileStore, Written
from dicomkit.archive.index import POLICIES, Entry, Index, Outcome
from dicomkit.archive.migrate import UpgradeReport, upgrade
from dicomkit.archive.schema import FILE_COLUMNS, IMAGE, PATIENT, Schema
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.io.reader import read
from dicomkit.io.scan import ScanError, scanner_for

__all__ = ["ATTEMPTS", "Archive", "CheckReport", "IndexReport", "default_db"]

#: Times an insert is tried when the database rolls its transaction back to break a deadlock.
ATTEMPTS = 3
#: Files up to this size are re-indexed from their bytes in memory, larger ones in blocks.
_IN_MEMORY = 16 << 20
_BLOCK = 1 << 20
_SCHEMA_LOCK = threading.Lock()
_SCHEMA: Schema | None = None


def _schema() -> Schema:
    global _SCHEMA
    with _SCHEMA_LOCK:
        if _SCHEMA is None:
            _SCHEMA = Schema()
        return _SCHEMA


def default_db(root: str | os.PathLike[str]) -> str:
    """The SQLite URL of the index beside the folder ``root``: ``<root>.index.sqlite``."""
    path = Path(root).resolve()
    return f"sqlite:///{path.parent / (path.name + '.index.sqlite')}"


@dataclass
class IndexReport:
    """What :meth:`Archive.index_folder` did: counts per outcome, the files refused (path,
    reason) and the time taken."""

    files: int = 0
    stored: int = 0
    duplicate: int = 0
    kept: int = 0
    replaced: int = 0
    skipped: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def files_per_second(self) -> float:
        """Files looked at per second."""
        return self.files / self.seconds if self.seconds > 0 else 0.0


@dataclass
class CheckReport:
    """What :meth:`Archive.check` found (relative paths).

    ``missing``: indexed, no file; ``unindexed``: a file no row holds; ``mismatched``: (path,
    what differs: size or sha256); ``pending``: files of finished deletions still there.
    """

    checked: int = 0
    missing: list[str] = field(default_factory=list)
    unindexed: list[str] = field(default_factory=list)
    mismatched: list[tuple[str, str]] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when index and files agree."""
        return not (self.missing or self.unindexed or self.mismatched or self.pending)


class Archive:
    """An archive folder and its index (see the module).

    Parameters
    ----------
    root
        The folder of files (made when missing).
    db
        The index URL (``sqlite:///PATH``, ``postgresql://USER@HOST:PORT/DB``); default
        :func:`default_db`.
    policy
        What an insert does when other content is stored under its SOP Instance UID:
        ``"keep"`` (the default: the stored instance stays, the new one is dropped and the
        outcome says ``"kept"``), ``"replace"``, or ``"reject"`` (:class:`DuplicateInstanceError`).
    fsync
        Flush each new file (and its folder) to disk before it is indexed.  Off by default, as
        :func:`dicomkit.write` does: other processes never see a partial file either way, but
        after a power loss (not a process crash) an indexed file may be empty or missing on
        file systems that do not order the link after the data; :meth:`check` finds it.  On,
        an insert costs two ``fsync`` calls (about 10 ms on the development machine's disk).
    upgrade_progress
        Called with ``(rows done, rows in all)`` while an index of an older layout is brought
        to this one on opening (:mod:`dicomkit.archive.migrate`: automatic, in one
        transaction, logged); :attr:`upgrade` says what was done.

    Raises
    ------
    IndexUnavailableError
        When the database cannot be opened.
    """

    def __init__(self, root: str | os.PathLike[str], *, db: str | None = None,
                 policy: str = "keep", fsync: bool = False,
                 upgrade_progress: Callable[[int, int], None] | None = None) -> None:
        if policy not in POLICIES:
            raise ValueError(f"policy {policy!r} is not one of {POLICIES}")
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.policy = policy
        self.schema = _schema()
        self.files = FileStore(self.root, fsync=fsync)
        self.index = Index(db or default_db(self.root), self.schema)
        try:
            #: what opening did to an index of an older layout (dicomkit.archive.migrate)
            self.upgrade: UpgradeReport = upgrade(self.index, self.files.path, progress=upgrade_progress)
        except BaseException:
            self.index.close()
            raise
        self._tags = tags_to_read(self.schema)
        #: Counts the changes this object made to the index (inserts, re-indexing, deletions):
        #: caches of answers (the DICOMweb server's) compare it to see this process's changes.
        self.changes = 0
        self.files.remove_stale_parts()
        self.finish_deletions()

    def close(self) -> None:
        """Close the index's connections."""
        self.index.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading input

    def inspect(self, data: bytes | memoryview, source: str = "") -> Record:
        """The index record of a Part 10 file's bytes, its structure checked whole.

        Raises
        ------
        InstanceRefusedError
            Not DICOM, not a Part 10 file, damaged or truncated (an element past the end of
            the bytes, an unclosed sequence: PS3.5 7.1, 7.5), or without the unique keys.
        """
        try:
            ds = read(bytes(data) if isinstance(data, memoryview) else data,
                      stop_before_pixels=True, specific_tags=self._tags)
        except DicomError as exc:
            raise InstanceRefusedError(f"not a readable DICOM file: {exc}; not stored",
                                       path=source) from None
        syntax = self._syntax(ds, source)
        try:
            scanner = scanner_for(syntax)
            scanner.feed(bytes(memoryview(data)[ds.data_offset:]))
            scanner.finish()
        except ScanError as exc:
            raise InstanceRefusedError(f"damaged or truncated data set: {exc}; not stored",
                                       path=source) from None
        except DicomError as exc:
            raise InstanceRefusedError(f"cannot check the data set: {exc}; not stored",
                                       path=source) from None
        return record_of(ds, self.schema, source)

    def inspect_file(self, path: str | os.PathLike[str], source: str = ""
                     ) -> tuple[Record, int, str]:
        """:meth:`inspect` for a file, read in blocks (never whole in memory): its record,
        size and sha256.

        Raises
        ------
        InstanceRefusedError
            As :meth:`inspect`; also when the file cannot be read.
        """
        where = source or str(path)
        try:
            ds = read(path, stop_before_pixels=True, specific_tags=self._tags)
        except DicomError as exc:
            raise InstanceRefusedError(f"not a readable DICOM file: {exc}; not stored",
                                       path=where) from None
        except OSError as exc:
            raise InstanceRefusedError(f"cannot read: {exc.strerror or exc}; not stored",
                                       path=where) from None
        syntax = self._syntax(ds, where)
        digest = hashlib.sha256()
        size = 0
        try:
            scanner = scanner_for(syntax)
            with open(path, "rb") as fh:
                head = fh.read(ds.data_offset)
                digest.update(head)
                size += len(head)
                for block in iter(lambda: fh.read(_BLOCK), b""):
                    scanner.feed(block)
                    digest.update(block)
                    size += len(block)
            scanner.finish()
        except ScanError as exc:
            raise InstanceRefusedError(f"damaged or truncated data set: {exc}; not stored",
                                       path=where) from None
        except DicomError as exc:
            raise InstanceRefusedError(f"cannot check the data set: {exc}; not stored",
                                       path=where) from None
        except OSError as exc:
            raise InstanceRefusedError(f"cannot read: {exc.strerror or exc}; not stored",
                                       path=where) from None
        return record_of(ds, self.schema, where), size, digest.hexdigest()

    @staticmethod
    def _syntax(ds: Any, where: str) -> str:
        meta = ds.file_meta
        syntax = meta.get(tags.TransferSyntaxUID) if meta is not None else None
        if syntax is None or not syntax.value:
            raise InstanceRefusedError("not a Part 10 file (no file meta information with a "
                                       "Transfer Syntax UID, PS3.10 7.1); not stored",
                                       path=where)
        return str(syntax.value).strip("\x00 ")

    # ------------------------------------------------------------------ insert

    def insert_bytes(self, data: bytes, *, policy: str | None = None, source: str = "",
                     record: Record | None = None) -> Outcome:
        """Store and index a Part 10 file given as bytes (stored byte for byte); ``record``:
        what :meth:`inspect` returned for these bytes, when the caller has it already.

        Raises
        ------
        InstanceRefusedError
            When the bytes are not a whole instance (nothing is stored).
        DuplicateInstanceError
            Other content under the SOP Instance UID and policy "reject" (nothing stored).
        """
        if record is None:
            record = self.inspect(data, source)
        written = self.files.write_bytes(data)
        return self._commit(record, written, policy or self.policy)

    def insert_file(self, path: str | os.PathLike[str], *, policy: str | None = None) -> Outcome:
        """Copy a Part 10 file into the archive (in blocks) and index it (see
        :meth:`insert_bytes`).

        Raises
        ------
        InstanceRefusedError
            Also when the file cannot be read, or changed while it was copied.
        """
        source = Path(path)
        record, _, sha = self.inspect_file(source)
        try:
            written = self.files.write_copy(source)
        except OSError as exc:
            raise ArchiveError(f"cannot copy: {exc.strerror or exc}", path=str(source)) from None
        if written.sha256 != sha:
            written.discard()
            raise InstanceRefusedError("the file changed while it was copied; not stored",
                                       path=str(source))
        return self._commit(record, written, policy or self.policy)

    def insert_written(self, record: Record, written: Written, *, policy: str | None = None
                       ) -> Outcome:
        """Place and index a part file a receiver wrote with :meth:`FileStore.part
        <dicomkit.archive.files.FileStore.part>` (``record`` from :meth:`inspect_file` of its
        path).  The part is gone afterwards, placed or discarded, whatever happens."""
        return self._commit(record, written, policy or self.policy)

    def _commit(self, record: Record, written: Written, policy: str) -> Outcome:
        placed: list[str] = []
        result: Outcome | None = None

        def place() -> str:
            rel = self.files.place(written, self.files.name_for(
                *(record.uids[lv] for lv in self.schema.tables if lv != PATIENT)))
            placed.append(rel)
            return rel

        try:
            for attempt in range(1, ATTEMPTS + 1):
                try:
                    with self.index.transaction() as conn:
                        [got] = self.index.insert(
                            conn, [Entry(record, written.sha256, written.size, place)], policy)
                        if isinstance(got, DuplicateInstanceError):
                            raise got
                    result = got
                    break
                except IndexUnavailableError as exc:
                    self._unplace(placed)
                    if not exc.retryable or attempt == ATTEMPTS:
                        raise
        except BaseException:
            self._unplace(placed)
            written.discard()
            raise
        written.discard()  # placed: linked already; duplicate or kept: not wanted
        assert result is not None  # the loop either breaks with it or raises
        self.changes += 1
        if result.obsolete:
            self.finish_deletions()
        return result

    def _unplace(self, placed: list[str]) -> None:
        """Remove the files placed by a transaction that failed, unless another transaction
        indexed them meanwhile (a concurrent re-index)."""
        for rel in placed:
            try:
                with self.index.connection() as conn:
                    keep = self.index.is_indexed(conn, rel)
            except Exception:  # the index is gone: the file is not indexed by us either
                keep = False
            if not keep:
                self.files.unlink(rel)
        placed.clear()

    # ------------------------------------------------------------------ re-index

    def index_folder(self, *, progress: Callable[[int, int], None] | None = None,
                     batch: int = 200, full: bool = False) -> IndexReport:
        """Index the files of the archive folder that the index does not hold (``full``:
        every file, checked again), in place: files are not moved or rewritten.

        Files that are not whole DICOM instances are listed in :attr:`IndexReport.refused`
        and left alone.  ``progress(done, total)`` is called after each batch.
        """
        start = time.perf_counter()
        report = IndexReport()
        with self.index.connection() as conn:
            image = self.schema.tables[IMAGE]
            known = {} if full else dict(conn.execute(sa.select(image.c.path, image.c.size)).all())
        files = list(self.files.walk())
        total = len(files)
        pending: list[Entry] = []
        for n, path in enumerate(files, 1):
            report.files += 1
            rel = path.relative_to(self.root).as_posix()
            if rel in known:
                report.skipped += 1
            else:
                entry = self._entry_for(path, rel, report)
                if entry is not None:
                    pending.append(entry)
            if len(pending) >= batch or (n == total and pending):
                self._index_batch(pending, report)
                pending = []
                if progress is not None:
                    progress(n, total)
            elif progress is not None and n == total:
                progress(n, total)
        report.seconds = time.perf_counter() - start
        return report

    def _entry_for(self, path: Path, rel: str, report: IndexReport) -> Entry | None:
        try:
            if path.stat().st_size > _IN_MEMORY:  # large: in blocks, never whole in memory
                record, size, sha = self.inspect_file(path, rel)
                return Entry(record, sha, size, lambda: rel)
            data = path.read_bytes()
        except InstanceRefusedError as exc:
            report.refused.append((rel, exc.reason))
            return None
        except OSError as exc:
            report.refused.append((rel, f"cannot read: {exc.strerror or exc}"))
            return None
        try:
            record = self.inspect(data, rel)
        except InstanceRefusedError as exc:
            report.refused.append((rel, exc.reason))
            return None
        return Entry(record, hashlib.sha256(data).hexdigest(), len(data), lambda: rel)

    def _index_batch(self, entries: list[Entry], report: IndexReport) -> None:
        for attempt in range(1, ATTEMPTS + 1):  # a receiver may commit one of these first
            try:
                with self.index.transaction() as conn:
                    results = self.index.insert(conn, entries, self.policy)
                break
            except IndexUnavailableError as exc:
                if not exc.retryable or attempt == ATTEMPTS:
                    raise
        self.changes += 1
        for entry, result in zip(entries, results, strict=True):
            if isinstance(result, DuplicateInstanceError):
                report.refused.append((entry.place(), str(result)))
                continue
            setattr(report, result.action, getattr(report, result.action) + 1)
            if result.action in ("duplicate", "kept") and result.path != entry.place():
                report.refused.append((entry.place(), f"{result.action}: SOP Instance UID "
                                       f"{result.uid} is indexed as {result.path}"))
        if any(isinstance(r, Outcome) and r.obsolete for r in results):
            self.finish_deletions()

    # ------------------------------------------------------------------ delete

    def delete(self, level: str, uid: str) -> int:
        """Delete a study, series or instance (by its UID), or a patient (``level``
        ``"PATIENT"``, ``uid`` the Patient ID; see :meth:`delete_patient`), with everything
        below it: rows and files.  The number of files removed.

        Raises
        ------
        NotFoundError
            When the index holds no such entity.
        """
        lv = self.schema.level_of(level)
        key = patient_key(uid, None) if lv == PATIENT else uid
        with self.index.transaction() as conn:
            paths = self.index.delete(conn, lv, key)
        self.changes += 1
        self.finish_deletions()
        return len(paths)

    def delete_patient(self, patient_id: str, issuer: str | None = None) -> int:
        """Delete a patient (Patient ID and Issuer of Patient ID) and all its studies."""
        with self.index.transaction() as conn:
            paths = self.index.delete(conn, PATIENT, patient_key(patient_id, issuer))
        self.changes += 1
        self.finish_deletions()
        return len(paths)

    def finish_deletions(self) -> int:
        """Remove the files of committed deletions (see the module); how many."""
        with self.index.connection() as conn:
            pending = self.index.pending_deletions(conn)
        if not pending:
            return 0
        done: list[int] = []
        with self.index.transaction() as conn:
            for row_id, rel in pending:
                if not self.index.is_indexed(conn, rel):
                    self.files.unlink(rel)
                done.append(row_id)
            self.index.clear_deletions(conn, done)
        return len(done)

    # ------------------------------------------------------------------ integrity

    def check(self, *, hashes: bool = True, repair: bool = False) -> CheckReport:
        """Compare index and files: indexed files missing, files not indexed, sizes (and with
        ``hashes`` sha256) that differ.  ``repair`` finishes pending deletions first."""
        from dicomkit.archive.files import digest_file

        if repair:
            self.finish_deletions()
        report = CheckReport()
        image = self.schema.tables[IMAGE]
        with self.index.connection() as conn:
            rows = {r.path: (r.size, r.sha256) for r in
                    conn.execute(sa.select(image.c.path, image.c.size, image.c.sha256))}
            report.pending = sorted(p for _, p in self.index.pending_deletions(conn)
                                    if (self.root / p).exists() and p not in rows)
        on_disk = {p.relative_to(self.root).as_posix(): p for p in self.files.walk()}
        for rel, (size, sha) in sorted(rows.items()):
            report.checked += 1
            path = on_disk.get(rel)
            if path is None:
                report.missing.append(rel)
                continue
            actual = path.stat().st_size
            if actual != size:
                report.mismatched.append((rel, f"size {actual}, indexed {size}"))
            elif hashes:
                _, digest = digest_file(path)
                if digest != sha:
                    report.mismatched.append((rel, f"sha256 {digest[:16]}..., indexed "
                                                   f"{sha[:16]}..."))
        pending = set(report.pending)
        report.unindexed = sorted(r for r in on_disk if r not in rows and r not in pending)
        return report

    # ------------------------------------------------------------------ queries

    def columns(self, level: str) -> dict[str, sa.Column[Any]]:
        """keyword -> column for a query at ``level`` (see
        :meth:`dicomkit.archive.schema.Schema.keyword_columns`); what a query layer's WHERE
        clause is written over."""
        return self.schema.keyword_columns(level)

    def select(self, level: str, where: sa.ColumnElement[bool] | None = None, *,
               keywords: Iterable[str] | None = None, order_by: Iterable[str] = (),
               batch: int = 500) -> Generator[dict[str, Any], None, None]:
        """Stream the rows of ``level`` (joined with the levels above) that ``where`` (a
        clause over :meth:`columns`) selects, as keyword -> value; ``IMAGE`` rows also carry
        :data:`~dicomkit.archive.schema.FILE_COLUMNS`.  Rows are fetched ``batch`` at a time
        from a server-side cursor where the database has one."""
        lv = self.schema.level_of(level)
        cols = self.schema.keyword_columns(lv)
        chosen = list(keywords) if keywords is not None else list(cols)
        unknown = [k for k in chosen if k not in cols]
        if unknown:
            raise ValueError(f"not held at {lv} or above: {unknown}")
        selected: list[sa.ColumnElement[Any]] = [cols[k].label(k) for k in chosen]
        if lv == IMAGE:
            table = self.schema.tables[IMAGE]
            selected += [table.c[c].label(c) for c in FILE_COLUMNS]
        stmt = sa.select(*selected).select_from(self.schema.select_from(lv))
        if where is not None:
            stmt = stmt.where(where)
        for k in order_by:
            stmt = stmt.order_by(cols[k])
        with self.index.connection() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
            for row in result:
                yield dict(row._mapping)

    def find(self, level: str, **keys: Any) -> list[dict[str, Any]]:
        """The rows of ``level`` whose keys equal the values given (exact matching only; the
        query layer does the rest of PS3.4 C.2.2.2).  Text columns hold normal forms
        (:mod:`dicomkit.query.storage`: ``"DOE^JOHN"`` for ``"DOE^JOHN^^"``, times in UTC as
        ``HHMMSS.ffffff``): give values in that form, or query through
        :func:`dicomkit.query.to_sql`."""
        cols = self.columns(level)
        unknown = [k for k in keys if k not in cols]
        if unknown:
            raise ValueError(f"not held at {level} or above: {unknown}")
        where = sa.and_(sa.true(), *(cols[k] == v for k, v in keys.items()))
        return list(self.select(level, where))

    def path_of(self, sop_instance_uid: str) -> Path:
        """The stored file of an instance.

        Raises
        ------
        NotFoundError
            When it is not indexed.
        """
        image = self.schema.tables[IMAGE]
        with self.index.connection() as conn:
            self.index.resolve(conn, IMAGE, sop_instance_uid)
            rel = conn.execute(sa.select(image.c.path).where(
                image.c[self.schema.keyword_of(IMAGE, self.schema.unique_tag[IMAGE])]
                == sop_instance_uid)).scalar_one()
        return self.files.path(rel)

    def count(self, level: str) -> int:
        """How many rows ``level`` has."""
        table = self.schema.tables[self.schema.level_of(level)]
        with self.index.connection() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


