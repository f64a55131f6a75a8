"""A results store for validation runs over many files: one SQLite row per file, resumable.

``dicomkit validate FOLDER --results run.sqlite`` records each file's report as it is made, in
transactions of :data:`BATCH` files (a crash loses at most the batch under way, never a
half-written row).  Run again with the same store, it validates only the files it has no row
for, or whose size or modification time changed, and reports the totals of all of them: a run
of a million files killed half-way resumes where it stopped.  ``dicomkit validate --summary
run.sqlite`` prints the totals of a store without validating anything.

The table ``files`` has ``path`` (primary key), ``size``, ``mtime_ns``, ``sop_class``, ``iod``,
``errors``, ``warnings``, ``suppressed`` and ``report`` (the report as JSON,
:meth:`dicomkit.validate.report.Report.to_dict`).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from typing import Final

from dicomkit.validate.errors import ValidateConfigError
from dicomkit.validate.report import Report

__all__ = ["BATCH", "ResultsStore"]

#: files recorded per transaction
BATCH: Final = 200

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sop_class TEXT, iod TEXT,
    errors INTEGER, warnings INTEGER, suppressed INTEGER, report TEXT)
"""


def _stat(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


class ResultsStore:
    """The store at ``path`` (created when absent).

    Raises
    ------
    ValidateConfigError
        When the file exists and is not a results store (or cannot be opened).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute(_SCHEMA)
            self._db.commit()
        except sqlite3.DatabaseError as exc:
            raise ValidateConfigError(f"not a validation results store: {exc}", self.path) from exc
        self._pending = 0

    def __enter__(self) -> ResultsStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Commit what is pending and close."""
        self._db.commit()
        self._db.close()

    def done(self) -> dict[str, tuple[int, int]]:
        """path -> (size, mtime_ns) of every file with a row."""
        return {p: (s, m) for p, s, m in self._db.execute("SELECT path, size, mtime_ns FROM files")}

    def todo(self, paths: list[str]) -> list[str]:
        """The paths with no row, or whose size or modification time changed since."""
        known = self.done()
        return [p for p in paths if known.get(p) != _stat(p)]

    def add(self, report: Report) -> None:
        """Record (or replace) the row of ``report.source``; committed every :data:`BATCH`."""
        size, mtime = _stat(report.source)
        self._db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (report.source, size, mtime, report.sop_class, report.iod, report.errors,
             report.warnings, report.suppressed, json.dumps(report.to_dict())))
        self._pending += 1
        if self._pending >= BATCH:
            self._db.commit()
            self._pending = 0

    def reports(self, paths: list[str] | None = None) -> Iterator[Report]:
        """The recorded reports (of ``paths`` only, in their order, when given)."""
        if paths is None:
            for (text,) in self._db.execute("SELECT report FROM files ORDER BY path"):
                yield Report.from_dict(json.loads(text))
            return
        for path in paths:
            row = self._db.execute("SELECT report FROM files WHERE path = ?", (path,)).fetchone()
            if row is not None:
                yield Report.from_dict(json.loads(row[0]))
