"""Errors of the RT objects (RT Structure Set, RT Dose, RT Plan)."""

from __future__ import annotations

from dicomkit.errors import DicomError

__all__ = ["RTError", "RTWarning"]


class RTError(DicomError):
    """An RT object that cannot be read or built as asked, with where and why.

    Attributes
    ----------
    source
        The file name, when known ("" for a data set made in memory).
    where
        The attribute path or item concerned (``ROIContourSequence[2].ContourSequence[0]``),
        or "".
    reason
        What is wrong, without the location.
    """

    def __init__(self, reason: str, *, source: str = "", where: str = "") -> None:
        self.source = source
        self.where = where
        self.reason = reason
        parts = [p for p in (source, where) if p]
        super().__init__(": ".join([*parts, reason]))


class RTWarning(UserWarning):
    """A defect of an RT object that the reader worked around (the message says how)."""
