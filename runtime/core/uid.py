"""UID generation (PS3.5 9, B.2): under an organization root, or ``2.25.`` from a UUID."""

from __future__ import annotations

import hashlib
import re
import uuid

from dicomkit.errors import DicomError
from dicomkit.generated import uids

_UID = re.compile(r"^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$")
MAX_LENGTH = 64


class UIDError(DicomError, ValueError):
    """A malformed UID or prefix."""


def is_valid_uid(value: str) -> bool:
    """True when ``value`` is a syntactically valid UID (PS3.5 9.1): digits and dots, no
    leading zeros in a component, at most 64 characters."""
    return len(value) <= MAX_LENGTH and bool(_UID.match(value))


def generate_uid(prefix: str | None = None, *, entropy: str | None = None) -> str:
    """A new UID.

    Parameters
    ----------
    prefix
        An organization root ending in ``"."`` (e.g. ``"1.2.826.0.1.3680043.10.1234."``); the
        rest is filled with digits from a UUID (or from ``entropy``).  None gives a
        ``2.25.<UUID as integer>`` UID (PS3.5 B.2).
    entropy
        Makes the result deterministic: the same prefix and entropy give the same UID (for
        de-identification that must map one UID to one UID).

    Raises
    ------
    UIDError
        When the prefix is malformed or leaves no room for a suffix.
    """
    if entropy is None:
        number = uuid.uuid4().int
    else:
        number = int.from_bytes(hashlib.sha512(entropy.encode()).digest()[:16], "big")
    if prefix is None:
        return f"2.25.{number}"
    if not prefix.endswith(".") or not is_valid_uid(prefix[:-1]):
        raise UIDError(f"UID prefix {prefix!r} must be a valid UID followed by '.'")
    room = MAX_LENGTH - len(prefix)
    if room < 1:
        raise UIDError(f"UID prefix {prefix!r} leaves no room for a suffix (64 characters)")
    suffix = str(number)[:room].lstrip("0") or "0"
    return prefix + suffix


def uid_name(value: str) -> str:
    """The registry name of a UID (PS3.6 Table A-1), or ``""``."""
    entry = uids.UIDS.get(value)
    return entry[0] if entry else ""
