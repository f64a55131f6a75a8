"""Consistent replacements across a study or an archive: UIDs and per-patient date offsets.

PS3.15 E.1.1 asks the de-identifier to keep replaced UIDs consistent "if multiple related SOP
Instances are protected", and E.3.6 (Modified Dates) to shift dates so that "the precise
longitudinal temporal relationships amongst a set of studies" survive, with "some sort of
mapping or database" when sets are de-identified on separate occasions.

* A UID is replaced by ``2.25.<n>`` (PS3.5 B.2), ``n`` the first 128 bits of
  HMAC-SHA256(secret, UID): the same secret maps a UID to the same replacement in every run,
  on every machine, and without the secret the replacement reveals nothing of the original.
* A patient's date offset is a whole number of days, from 1 to ``max_days`` back, from
  HMAC-SHA256(secret, "date-offset" + patient key): every instance of a patient moves by the
  same offset.
* A :class:`MappingStore` records what was replaced (for an authorised re-identification
  and for audit) and keeps the secret when the user gives none, so that a later run with the
  same store is consistent with an earlier one.  :class:`SQLiteStore` writes in transactions.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import threading
from pathlib import Path
from typing import Protocol

from dicomkit.deid.errors import MappingStoreError

__all__ = ["DEFAULT_MAX_DAYS", "Mapper", "MappingStore", "MemoryStore", "SQLiteStore"]

#: The largest date offset, in days (about ten years).
DEFAULT_MAX_DAYS = 3650
_FINGERPRINT = b"dicomkit.deid fingerprint"


class MappingStore(Protocol):
    """Where replacements are recorded."""

    def secret(self) -> bytes | None:
        """The secret kept in the store, or None."""

    def fingerprint(self) -> str | None:
        """The fingerprint of the secret the store was made with, or None."""

    def begin(self, secret: bytes, keep_secret: bool) -> None:
        """Bind the store to ``secret`` (kept in the store when ``keep_secret``)."""

    def record(self, uids: dict[str, str], offsets: dict[str, int]) -> None:
        """Record UID replacements and patient date offsets (in one transaction)."""

    def replacement(self, uid: str) -> str | None:
        """The recorded replacement of ``uid``, or None."""


def fingerprint_of(secret: bytes) -> str:
    """A public fingerprint of a secret (says whether two runs used the same one)."""
    return hmac.new(secret, _FINGERPRINT, hashlib.sha256).hexdigest()[:32]


class MemoryStore:
    """A store held in memory (one process, one run)."""

    def __init__(self) -> None:
        self._secret: bytes | None = None
        self._fingerprint: str | None = None
        self.uids: dict[str, str] = {}
        self.offsets: dict[str, int] = {}

    def secret(self) -> bytes | None:
        return self._secret

    def fingerprint(self) -> str | None:
        return self._fingerprint

    def begin(self, secret: bytes, keep_secret: bool) -> None:
        self._fingerprint = fingerprint_of(secret)
        if keep_secret:
            self._secret = secret

    def record(self, uids: dict[str, str], offsets: dict[str, int]) -> None:
        self.uids.update(uids)
        self.offsets.update(offsets)

    def replacement(self, uid: str) -> str | None:
        return self.uids.get(uid)


class SQLiteStore:
    """A store in an SQLite file (``--map DB``): tables ``meta``, ``uids``, ``offsets``.

    Raises
    ------
    MappingStoreError
        When the file cannot be opened or is not such a store.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            with self._db:
                self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, "
                                 "value BLOB NOT NULL)")
                self._db.execute("CREATE TABLE IF NOT EXISTS uids (original TEXT PRIMARY KEY, "
                                 "replacement TEXT NOT NULL)")
                self._db.execute("CREATE TABLE IF NOT EXISTS offsets (patient TEXT PRIMARY "
                                 "KEY, days INTEGER NOT NULL)")
        except sqlite3.Error as exc:
            raise MappingStoreError(f"cannot open the mapping store ({exc}); give a writable "
                                    "path to a new file or to a store made by dicomkit",
                                    source=self.path) from None

    def _meta(self, key: str) -> bytes | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def secret(self) -> bytes | None:
        return self._meta("secret")

    def fingerprint(self) -> str | None:
        value = self._meta("fingerprint")
        return value.decode("ascii") if value is not None else None

    def begin(self, secret: bytes, keep_secret: bool) -> None:
        try:
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)",
                                 (fingerprint_of(secret).encode("ascii"),))
                if keep_secret:
                    self._db.execute("INSERT OR REPLACE INTO meta VALUES ('secret', ?)",
                                     (secret,))
                self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise MappingStoreError(f"cannot write the mapping store ({exc})",
                                    source=self.path) from None

    def record(self, uids: dict[str, str], offsets: dict[str, int]) -> None:
        if not uids and not offsets:
            return
        try:
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    self._db.executemany("INSERT OR IGNORE INTO uids VALUES (?, ?)",
                                         uids.items())
                    self._db.executemany("INSERT OR IGNORE INTO offsets VALUES (?, ?)",
                                         offsets.items())
                except sqlite3.Error:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise MappingStoreError(f"cannot record replacements ({exc}); nothing of this "
                                    "file was recorded", source=self.path) from None

    def replacement(self, uid: str) -> str | None:
        row = self._db.execute("SELECT replacement FROM uids WHERE original = ?",
                               (uid,)).fetchone()
        return str(row[0]) if row else None

    def offset(self, patient: str) -> int | None:
        """The recorded date offset of a patient key, or None."""
        row = self._db.execute("SELECT days FROM offsets WHERE patient = ?",
                               (patient,)).fetchone()
        return int(row[0]) if row else None

    def close(self) -> None:
        """Close the database."""
        self._db.close()


class Mapper:
    """UID replacements and date offsets, deterministic by a secret.

    Parameters
    ----------
    secret
        The secret (bytes or text).  None: the store's, else a new random one (kept in the
        store, if any, so that later runs with the store are consistent).
    store
        Where replacements are recorded; default: in memory.
    max_days
        The largest date offset in days.

    Raises
    ------
    MappingStoreError
        When ``secret`` is not the one the store was made with.
    """

    def __init__(self, secret: bytes | str | None = None, store: MappingStore | None = None,
                 *, max_days: int = DEFAULT_MAX_DAYS) -> None:
        self.store: MappingStore = store if store is not None else MemoryStore()
        if isinstance(secret, str):
            secret = secret.encode("utf-8")
        keep = False
        if secret is None:
            secret = self.store.secret()
            if secret is None:
                secret = secrets.token_bytes(32)
                keep = True
        known = self.store.fingerprint()
        if known is not None and known != fingerprint_of(secret):
            raise MappingStoreError("the mapping store was made with another secret: its UIDs "
                                    "and date offsets would not match this run's; give the "
                                    "same --secret or a new store",
                                    source=getattr(self.store, "path", ""))
        self.store.begin(secret, keep)
        self._secret = secret
        if max_days < 1:
            raise ValueError("max_days must be at least 1")
        self.max_days = max_days
        self._pending_uids: dict[str, str] = {}
        self._pending_offsets: dict[str, int] = {}

    def _digest(self, text: str) -> bytes:
        return hmac.new(self._secret, text.encode("utf-8"), hashlib.sha256).digest()

    def uid(self, original: str) -> str:
        """The replacement of a UID: ``2.25.`` and 128 bits of HMAC-SHA256 (PS3.5 B.2)."""
        original = original.strip(" \x00")
        new = f"2.25.{int.from_bytes(self._digest(original)[:16], 'big')}"
        self._pending_uids[original] = new
        return new

    def date_offset(self, patient: str) -> int:
        """The date offset of a patient, in days (negative: dates move back)."""
        days = -(1 + int.from_bytes(self._digest("date-offset\x00" + patient)[:8], "big")
                 % self.max_days)
        self._pending_offsets[patient] = days
        return days

    def pseudonym(self, what: str, value: str, length: int = 16) -> str:
        """A stable pseudonym of ``value`` (upper-case hex, ``length`` characters)."""
        return self._digest(f"{what}\x00{value}").hex().upper()[:length]

    def flush(self) -> None:
        """Record the replacements made since the last flush in the store."""
        uids, offsets = self._pending_uids, self._pending_offsets
        self._pending_uids, self._pending_offsets = {}, {}
        self.store.record(uids, offsets)

    def discard(self) -> None:
        """Forget the replacements made since the last flush (a file that failed)."""
        self._pending_uids.clear()
        self._pending_offsets.clear()
