"""Errors of de-identification (PS3.15 Annex E), each with its context and what to do."""

from __future__ import annotations

from dicomkit.errors import DicomError


class DeidError(DicomError):
    """Base class of de-identification errors.

    Attributes
    ----------
    source
        The file or data set concerned, or ``""``.
    tag_path
        The element concerned (``(0008,1115)[0].(0008,1155)``), or ``""``.
    """

    def __init__(self, message: str, *, source: str = "", tag_path: str = "") -> None:
        self.source = source
        self.tag_path = tag_path
        self.reason = message
        where = [w for w in (source, tag_path) if w]
        super().__init__(": ".join([*where, message]))


class OptionError(DeidError, ValueError):
    """An unknown option name, or options the profile does not allow together (the two Retain
    Longitudinal Temporal Information Options are mutually exclusive, PS3.15 E.3.6)."""


class MappingStoreError(DeidError):
    """The mapping store cannot be opened or written, or it was made with another secret
    (its UIDs and date offsets would not be consistent with this run's)."""


class DeidFileError(DeidError):
    """A file that cannot be de-identified (not DICOM, unreadable); nothing was written for it."""
