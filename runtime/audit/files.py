"""Audit log files: one message per line, as XML (PS3.15 A.5.1) or JSON, with rotation by
size and retention by count and age.

A line is written whole with one ``write`` on a file opened for appending and flushed (and
``fsync``-ed when ``durable``), so a crash leaves complete lines and at most a cut last line,
which :func:`read_log` reports instead of guessing.  When the file would pass ``max_bytes`` it
is closed and renamed to ``<name>.<UTC time>`` (a name that sorts by age), then rotated files
beyond ``keep`` or older than ``max_age`` seconds are removed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from dicomkit.audit.errors import AuditParseError, AuditTransportError
from dicomkit.audit.message import AuditMessage, from_json, from_xml

__all__ = ["AuditFile", "read_log"]

FORMATS = ("xml", "json")
#: the suffix of a rotated file: ``.<UTC time>`` (and ``-n`` for a second one that microsecond)
_ROTATED = r"\.\d{8}T\d{6}\.\d{6}Z(?:-\d+)?"


class AuditFile:
    """An audit log file with rotation and retention (a sink of :class:`AuditTrail`).

    Parameters
    ----------
    path
        The live file (``audit.xml.log``); rotated files sit beside it.
    format
        ``"xml"``: each line an XML document (PS3.15 A.5.1); ``"json"``: JSON lines.
    max_bytes
        Rotate before a line would make the file larger (0: never).
    keep
        Rotated files kept (the newest); 0 keeps all.
    max_age
        Seconds a rotated file is kept (None: no limit).
    durable
        ``fsync`` after every line (a message acknowledged is on disk).
    """

    def __init__(self, path: str | os.PathLike[str], *, format: str = "xml",
                 max_bytes: int = 16 << 20, keep: int = 10, max_age: float | None = None,
                 durable: bool = False) -> None:
        if format not in FORMATS:
            raise ValueError(f"format {format!r}: one of {FORMATS}")
        self.path = Path(path)
        self.format = format
        self.max_bytes = max_bytes
        self.keep = keep
        self.max_age = max_age
        self.durable = durable
        self._fh: BinaryIO | None = None
        self._size = 0
        self._lock = threading.Lock()

    @property
    def target(self) -> str:
        return str(self.path)

    def line(self, message: AuditMessage) -> bytes:
        """The message as one line of this file's format."""
        if self.format == "xml":
            return message.to_xml() + b"\n"
        return message.to_json().encode("utf-8") + b"\n"

    def _open(self) -> BinaryIO:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "ab")  # noqa: SIM115 - kept open across writes
            self._size = self._fh.tell()
        return self._fh

    def rotated(self) -> list[Path]:
        """The rotated files, oldest first."""
        pattern = re.compile(re.escape(self.path.name) + _ROTATED)
        return sorted(p for p in self.path.parent.iterdir() if pattern.fullmatch(p.name))

    def rotate(self) -> Path | None:
        """Close the live file and rename it ``<name>.<UTC time>``; apply retention."""
        with self._lock:
            return self._rotate()

    def _rotate(self) -> Path | None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        target: Path | None = None
        if self.path.exists() and self.path.stat().st_size:
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
            target = self.path.with_name(f"{self.path.name}.{stamp}")
            n = 0
            while target.exists():  # two rotations in one microsecond
                n += 1
                target = self.path.with_name(f"{self.path.name}.{stamp}-{n}")
            os.replace(self.path, target)
        self._retain()
        return target

    def _retain(self) -> None:
        old = self.rotated()
        doomed = set(old[:-self.keep]) if self.keep and len(old) > self.keep else set()
        if self.max_age is not None:
            limit = time.time() - self.max_age
            doomed.update(p for p in old if p.stat().st_mtime < limit)
        for p in doomed:
            p.unlink(missing_ok=True)

    def write(self, message: AuditMessage) -> None:
        """Append the message as one line (rotating first when it would not fit)."""
        data = self.line(message)
        with self._lock:
            try:
                fh = self._open()
                if self.max_bytes and self._size and self._size + len(data) > self.max_bytes:
                    self._rotate()
                    fh = self._open()
                fh.write(data)
                fh.flush()
                if self.durable:
                    os.fsync(fh.fileno())
                self._size += len(data)
            except OSError as exc:
                raise AuditTransportError(str(self.path), f"cannot write: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            if self._fh is not None:
                self._fh.close()
                self._fh = None


def read_log(path: str | os.PathLike[str], format: str = "xml") -> Iterator[AuditMessage]:
    """The messages of an audit log file, in order.

    Raises
    ------
    AuditParseError
        A line is not a message (its line number in ``where``); a cut last line (a crash
        while writing) is reported as such.
    """
    p = Path(path)
    with open(p, "rb") as fh:
        data = fh.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif lines:
        raise AuditParseError("the last line is cut (no line end): a write was interrupted",
                              source=str(p), where=f"line {len(lines)}")
    for n, line in enumerate(lines, 1):
        try:
            yield from_xml(line, source=str(p)) if format == "xml" else from_json(
                line, source=str(p))
        except AuditParseError as exc:
            raise AuditParseError(exc.reason, source=str(p),
                                  where=f"line {n}" + (f": {exc.where}" if exc.where else "")
                                  ) from None
