"""Errors of the structured reporting layer."""

from __future__ import annotations

from dicomkit.errors import DicomError


class SRError(DicomError):
    """A structured report that cannot be read, built or written as asked.

    Attributes
    ----------
    path
        The content item path (PS3.3 C.17.3.2.5), e.g. ``"1.3.2"``, or ``""`` when the error is
        not about one content item.
    source
        The file read, or ``""``.
    """

    def __init__(self, message: str, *, path: str = "", source: str = "") -> None:
        self.path = path
        self.source = source
        self.reason = message
        where = [w for w in (source, f"content item {path}" if path else "") if w]
        super().__init__(": ".join(where + [message]))
