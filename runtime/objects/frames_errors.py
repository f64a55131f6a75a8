"""Errors of per-frame resolution and volume assembly (PS3.3 C.7.6.16, C.7.6.2), with context:
the file, the frame, the attribute and, for geometry, by how much a check failed."""

from __future__ import annotations

from dicomkit.pixels.info import PixelDataError

__all__ = ["FrameError", "VolumeError"]


class FrameError(PixelDataError):
    """An attribute of a frame that cannot be resolved or applied: a functional group missing
    or malformed, a frame out of range, a mapping that does not exist.

    Attributes are those of :class:`~dicomkit.pixels.info.PixelDataError` (``source``,
    ``frame``, ``tag_path``).
    """


class VolumeError(FrameError):
    """Frames or files that do not make one regular volume: positions or orientations missing,
    orientations that differ, slices not equally spaced, duplicate positions, differing frame
    sizes.  ``source`` and ``frame`` name the file or frame that breaks the rule; ``deviation``
    is by how much (mm, or the cosine difference for orientations), else ``None``.
    """

    def __init__(self, message: str, *, source: str = "", frame: int = -1, tag_path: str = "",
                 deviation: float | None = None) -> None:
        self.deviation = deviation
        super().__init__(message, source=source, frame=frame, tag_path=tag_path)
