"""How strictly values are checked when a program assigns them and when data sets are written.

Two settings, each ``"raise"``, ``"warn"`` or ``"ignore"`` (as pydicom's
``config.settings.writing_validation_mode`` and ``reading_validation_mode``):

``settings.assignment_validation_mode`` (default ``"warn"``)
    ``ds.PatientID = v``, ``ds[tag] = v``, :meth:`Dataset.add_new
    <dicomkit.core.dataset.Dataset.add_new>` and ``element.value = v`` check that ``v`` can be
    encoded in the element's VR (PS3.5 6.2, Table 6.2-1: type, range, maximum length,
    character repertoire, value syntax).  ``"warn"`` issues a :class:`DicomValueWarning` and
    keeps the value, ``"raise"`` raises :class:`~dicomkit.core.values.ValueEncodingError` and
    leaves the element as it was, ``"ignore"`` checks nothing.
``settings.writing_validation_mode`` (default ``"warn"``)
    :func:`dicomkit.write` checks the values a program set (``"warn"``) or every value, those
    read from a file too (``"raise"``, also ``write(..., strict=True)``), before any byte is
    written.

Values read from a file are not checked when they are read (the reader has its own ``strict``
flag), only when a program assigns a value and when a data set is written.

The process default is changed by assignment; :func:`validation_mode` overrides it for the
current thread or task (a context variable) within a ``with`` block::

    import dicomkit
    dicomkit.settings.assignment_validation_mode = "raise"     # the whole process
    with dicomkit.validation_mode("ignore"):                   # this thread/task, this block
        ds.PatientID = "x" * 100
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final, Literal

from dicomkit.errors import DicomError

__all__ = ["MODES", "DicomValueWarning", "SettingError", "Settings", "ValidationMode",
           "assignment_mode", "settings", "validation_mode", "writing_mode"]

ValidationMode = Literal["raise", "warn", "ignore"]

#: The modes, strictest first.
MODES: Final[tuple[ValidationMode, ...]] = ("raise", "warn", "ignore")


class DicomValueWarning(UserWarning):
    """A value that cannot be encoded in its element's VR was assigned or written (mode
    ``"warn"``); the message names keyword, tag, VR, value and the PS3.5 rule."""


class SettingError(DicomError, ValueError):
    """A validation mode that is not one of ``"raise"``, ``"warn"``, ``"ignore"``."""


def check_mode(mode: object) -> ValidationMode:
    """``mode`` when it is a validation mode.

    Raises
    ------
    SettingError
        When it is not ``"raise"``, ``"warn"`` or ``"ignore"``.
    """
    if mode not in MODES:
        raise SettingError(f"validation mode {mode!r}: use one of "
                           f"{', '.join(repr(m) for m in MODES)}")
    return mode


class Settings:
    """The process defaults (see the module docstring); one instance, :data:`settings`."""

    __slots__ = ("_assignment", "_writing")

    def __init__(self) -> None:
        self._assignment: ValidationMode = "warn"
        self._writing: ValidationMode = "warn"

    @property
    def assignment_validation_mode(self) -> ValidationMode:
        """Mode of the checks made when a program assigns a value (default ``"warn"``)."""
        return self._assignment

    @assignment_validation_mode.setter
    def assignment_validation_mode(self, mode: ValidationMode) -> None:
        self._assignment = check_mode(mode)

    @property
    def writing_validation_mode(self) -> ValidationMode:
        """Mode of the checks made by :func:`dicomkit.write` (default ``"warn"``)."""
        return self._writing

    @writing_validation_mode.setter
    def writing_validation_mode(self, mode: ValidationMode) -> None:
        self._writing = check_mode(mode)

    def __repr__(self) -> str:
        return (f"Settings(assignment_validation_mode={self._assignment!r}, "
                f"writing_validation_mode={self._writing!r})")


#: The process defaults.
settings: Final = Settings()

_ASSIGNMENT: ContextVar[ValidationMode | None] = ContextVar("dicomkit_assignment_mode",
                                                             default=None)
_WRITING: ContextVar[ValidationMode | None] = ContextVar("dicomkit_writing_mode", default=None)


def assignment_mode() -> ValidationMode:
    """The assignment mode in force here: a :func:`validation_mode` block's, else the default."""
    mode = _ASSIGNMENT.get()
    return settings._assignment if mode is None else mode


def writing_mode() -> ValidationMode:
    """The writing mode in force here: a :func:`validation_mode` block's, else the default."""
    mode = _WRITING.get()
    return settings._writing if mode is None else mode


@contextmanager
def validation_mode(mode: ValidationMode, *, assignment: bool = True,
                    writing: bool = True) -> Iterator[None]:
    """Use ``mode`` for assignments and/or writes made in this thread or task, in the block.

    Parameters
    ----------
    mode
        ``"raise"``, ``"warn"`` or ``"ignore"``.
    assignment, writing
        Which of the two settings the block overrides (both by default).

    Raises
    ------
    SettingError
        When ``mode`` is not a validation mode.
    """
    check_mode(mode)
    tokens = []
    if assignment:
        tokens.append((_ASSIGNMENT, _ASSIGNMENT.set(mode)))
    if writing:
        tokens.append((_WRITING, _WRITING.set(mode)))
    try:
        yield
    finally:
        for var, token in reversed(tokens):
            var.reset(token)
