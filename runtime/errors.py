"""The root of dicomkit's exception hierarchy.

Every error dicomkit raises derives from :class:`DicomError`, so a caller can catch one type.
Each layer adds subclasses that carry the context a user needs to act (file, offset, tag path,
peer, PDU, table label, row). This module imports nothing from the rest of dicomkit so that every
layer, the code generators included, can derive from it.
"""

from __future__ import annotations


class DicomError(Exception):
    """Base class of every error raised by dicomkit."""


class InvalidDicomError(DicomError):
    """Input that cannot be read as DICOM, with where it went wrong.

    Attributes
    ----------
    source
        The file name, or a description of the stream.
    offset
        Byte offset in the source (or in the inflated data set for deflated syntaxes) where the
        problem was found, or -1.
    tag_path
        The path of the element being read, e.g. ``(0008,1115)[0].(0008,1150)``.
    """

    def __init__(self, message: str, *, source: str = "", offset: int = -1,
                 tag_path: str = "") -> None:
        self.source = source
        self.offset = offset
        self.tag_path = tag_path
        self.reason = message
        where = []
        if source:
            where.append(source)
        if offset >= 0:
            where.append(f"offset {offset} (0x{offset:X})")
        if tag_path:
            where.append(tag_path)
        super().__init__(": ".join(where + [message]) if where else message)


class NotDicomError(InvalidDicomError):
    """Input that is neither a Part 10 file nor a plausible bare data set (PS3.10 7.1, PS3.5 7).

    Raised at offset 0 by :func:`dicomkit.read` unless ``force=True``.

    Attributes
    ----------
    why
        What the first bytes are instead (without the advice), for callers that word their own
        message, e.g. a command line that has a ``--force`` option.
    """

    def __init__(self, why: str, *, source: str = "", advice: str = "") -> None:
        self.why = why
        # the message leaves out "offset 0": not DICOM is said of the input as a whole
        super().__init__(f"not DICOM: {why}" + (f"; {advice}" if advice else ""),
                         source=source)
        self.offset = 0


class ReadLimitError(InvalidDicomError):
    """Reading would take more memory than allowed (a deflate bomb) or than is available.

    Raised instead of a bare :class:`MemoryError`; the message names what was being read and,
    for a limit, the setting that raises it.
    """
