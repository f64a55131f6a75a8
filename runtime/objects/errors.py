"""Errors of the objects layer."""

from __future__ import annotations

from dicomkit.errors import DicomError


class ObjectError(DicomError):
    """An object (segmentation, parametric map, key object selection, encapsulated document) that
    cannot be built or read as asked.

    Attributes
    ----------
    source
        The file read, or ``""``.
    tag_path
        The attribute at fault (``SegmentSequence[2].SegmentNumber``), or ``""``.
    reason
        The message without the context.
    """

    def __init__(self, message: str, *, source: str = "", tag_path: str = "") -> None:
        self.source = source
        self.tag_path = tag_path
        self.reason = message
        where = [w for w in (source, tag_path) if w]
        super().__init__(": ".join(where + [message]))
