"""Errors of the store-and-forward layer (:mod:`dicomkit.forward`)."""

from __future__ import annotations

from dicomkit.errors import DicomError

__all__ = ["ForwardError", "QueueError", "RulesError", "SpoolError"]


class ForwardError(DicomError):
    """A failure of the store-and-forward layer."""


class QueueError(ForwardError):
    """The queue database cannot be opened or written.

    Attributes
    ----------
    url
        The database URL (password hidden).
    """

    def __init__(self, message: str, *, url: str = "") -> None:
        self.url = url
        super().__init__(f"{url}: {message}" if url else message)


class SpoolError(ForwardError):
    """A file cannot be accepted into the spool folder (disk full, permissions).

    Attributes
    ----------
    path
        The file concerned.
    """

    def __init__(self, message: str, *, path: str = "") -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class RulesError(ForwardError):
    """A routing file that cannot be used: unreadable, not TOML, an unknown field or value.

    Attributes
    ----------
    file
        The routing file.
    where
        The table or key at fault (``rules[2].match``).
    """

    def __init__(self, message: str, *, file: str = "", where: str = "") -> None:
        self.file = file
        self.where = where
        prefix = ": ".join(p for p in (file, where) if p)
        super().__init__(f"{prefix}: {message}" if prefix else message)
