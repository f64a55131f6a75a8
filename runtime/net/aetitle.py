"""Application Entity titles: checked before they are sent or used to open a connection.

An AE title is a value of VR AE (PS3.5 6.2): at most 16 bytes of the Default Character
Repertoire (ISO-IR 6, PS3.5 6.1.2.1) without the backslash (5CH) and without control
characters, leading and trailing spaces (20H) not significant, never only spaces.  The
A-ASSOCIATE-RQ carries the called and calling titles in fixed 16-byte fields padded with spaces
(PS3.8 9.3.2, Table 9-11), so a title that breaks these rules cannot be sent as given.
"""

from __future__ import annotations

from typing import Final

from dicomkit.net.errors import AETitleError

__all__ = ["AE_TITLE_MAX_LENGTH", "validate_ae_title"]

#: Most bytes in an AE value (PS3.5 6.2, Table 6.2-1 "16 bytes maximum").
AE_TITLE_MAX_LENGTH: Final = 16
_CLAUSE = "PS3.5 6.2"
#: The padding, and the only character the AE VR drops (PS3.5 6.2: "leading and trailing
#: spaces (20H) being non-significant").
_SPACE = " "
#: The printable part of ISO-IR 6 (20H-7EH); below it are the control characters, above it
#: DEL (7FH), a control character too, and everything outside the Default Character
#: Repertoire (PS3.5 6.1.2.1, E.1).
_FIRST_GRAPHIC, _LAST_GRAPHIC = 0x20, 0x7E
_BACKSLASH = "\\"


def validate_ae_title(value: object, role: str = "called AE title") -> str:
    """The AE title ``value`` without its non-significant spaces, once checked (PS3.5 6.2).

    Parameters
    ----------
    value
        The title as the caller gave it.
    role
        What the title is, for the message (``"calling AE title"``, ``"Move Destination"`` ...).

    Returns
    -------
    str
        ``value`` with leading and trailing spaces removed.

    Raises
    ------
    AETitleError
        When ``value`` is not a str, is empty or only spaces, is longer than 16 characters once
        its spaces are removed, or holds a character outside the Default Character Repertoire,
        a backslash or a control character.
    """
    if not isinstance(value, str):
        raise AETitleError(value, f"an AE title is text, not {type(value).__name__}",
                           role=role, clause=_CLAUSE)
    title = value.strip(_SPACE)
    if not title:
        raise AETitleError(value, "empty or only spaces (\"a value consisting solely of spaces "
                           "shall not be used\")", role=role, clause=_CLAUSE)
    for position, char in enumerate(value):
        code = ord(char)
        if code > _LAST_GRAPHIC + 1:
            raise AETitleError(value, f"character {char!r} at position {position} is outside "
                               "the Default Character Repertoire (ISO-IR 6)", role=role,
                               clause=_CLAUSE)
        if code < _FIRST_GRAPHIC or code > _LAST_GRAPHIC:
            raise AETitleError(value, f"control character U+{code:04X} at position {position} "
                               "is not allowed", role=role, clause=_CLAUSE)
        if char == _BACKSLASH:
            raise AETitleError(value, f"backslash at position {position} is not allowed (it "
                               "separates values)", role=role, clause=_CLAUSE)
    if len(title) > AE_TITLE_MAX_LENGTH:
        raise AETitleError(value, f"{len(title)} characters, more than the "
                           f"{AE_TITLE_MAX_LENGTH} an AE value may have", role=role,
                           clause=_CLAUSE)
    return title
