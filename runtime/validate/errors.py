"""Errors of the validation layer (rooted at :class:`dicomkit.DicomError`)."""

from __future__ import annotations

from dicomkit.errors import DicomError

__all__ = ["ValidateConfigError"]


class ValidateConfigError(DicomError, ValueError):
    """A validation configuration (``--config`` file or ``--ignore`` option) that cannot be used.

    Parameters
    ----------
    message
        What is wrong and what to do.
    source
        The configuration file, ``""`` for command-line options.
    """

    def __init__(self, message: str, source: str = "") -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)
