"""The root of dicomkit's exception hierarchy.

Every error dicomkit raises derives from :class:`DicomError`, so a caller can catch one type.
Each layer adds subclasses that carry the context a user needs to act (file, offset, tag path,
peer, PDU, table label, row). This module imports nothing from the rest of dicomkit so that every
layer, the code generators included, can derive from it.
"""

from __future__ import annotations


class DicomError(Exception):
    """Base class of every error raised by dicomkit."""
