"""Coded concepts: the Code Sequence Macro of PS3.3 8.8 as a value type.

A :class:`Code` is what SR content items name and hold: a code value, the designator of its
coding scheme and a meaning to show.  Two codes are the same concept when scheme and value agree
(PS3.16 8.1: the meaning is a display string and may differ between editions and languages).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.generated.dictionary import lookup, tag_for_keyword
from dicomkit.sr.errors import SRError


def keyword_tag(keyword: str) -> tuple[int, str]:
    """The tag and VR of the data element ``keyword`` from the generated data dictionary (PS3.6;
    the first VR where the dictionary gives several, e.g. "US or SS")."""
    tag = tag_for_keyword(keyword)
    entry = lookup(tag) if tag is not None else None
    if tag is None or entry is None:
        raise SRError(f"{keyword} is not in the generated data dictionary (PS3.6)")
    return tag, entry[0].split(" or ")[0]


CODE_VALUE = keyword_tag("CodeValue")
LONG_CODE_VALUE = keyword_tag("LongCodeValue")
URN_CODE_VALUE = keyword_tag("URNCodeValue")
CODING_SCHEME_DESIGNATOR = keyword_tag("CodingSchemeDesignator")
CODING_SCHEME_VERSION = keyword_tag("CodingSchemeVersion")
CODE_MEANING = keyword_tag("CodeMeaning")

#: PS3.5 Table 6.2-1: Code Value is SH, at most 16 characters; longer values go to Long Code Value
#: (UC), URNs and URLs to URN Code Value (UR) (PS3.3 8.8.1).
_SH_MAX = 16


class Code:
    """A coded concept (PS3.3 8.8 Code Sequence Macro).

    Parameters
    ----------
    value
        The code value (Code Value, Long Code Value or URN Code Value).
    scheme
        The Coding Scheme Designator (``"DCM"``, ``"SCT"``, ``"UCUM"`` ...).
    meaning
        The Code Meaning.
    scheme_version
        The Coding Scheme Version, when the scheme needs one.
    """

    __slots__ = ("value", "scheme", "meaning", "scheme_version", "_key")

    value: str
    scheme: str
    meaning: str
    scheme_version: str
    _key: tuple[str, str]

    def __init__(self, value: str, scheme: str, meaning: str, scheme_version: str = "") -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "scheme", scheme)
        object.__setattr__(self, "meaning", meaning)
        object.__setattr__(self, "scheme_version", scheme_version)
        object.__setattr__(self, "_key", (scheme, value))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Code is immutable")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Code):
            return self._key == other._key
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key)

    def __repr__(self) -> str:
        return f"Code({self.value!r}, {self.scheme!r}, {self.meaning!r})"

    def __str__(self) -> str:
        return f'({self.value}, {self.scheme}, "{self.meaning}")'

    @property
    def key(self) -> tuple[str, str]:
        """``(scheme, value)``: what equality compares."""
        return self._key

    @classmethod
    def of(cls, t: Sequence[str]) -> Code:
        """A code from a generated table entry.

        Accepts a reference of :mod:`dicomkit.generated.sr_templates` (``("EV", scheme, value,
        meaning)`` or ``("DT", ...)``) and a code row of :mod:`dicomkit.generated.context_groups`
        (``Code(scheme, value, meaning, scheme_version)``).
        """
        if hasattr(t, "scheme_version"):
            return cls(t[1], t[0], t[2], t[3])
        if len(t) == 4 and t[0] in ("EV", "DT"):
            return cls(t[2], t[1], t[3])
        raise SRError(f"{tuple(t)!r} is not a coded concept (EV/DT reference or context group code)")

    @classmethod
    def from_item(cls, item: Dataset) -> Code:
        """The code held by one item of a code sequence (PS3.3 8.8)."""
        el = item  # Dataset.get(int): the element or None
        value = None
        for tag in (CODE_VALUE[0], LONG_CODE_VALUE[0], URN_CODE_VALUE[0]):
            e = el.get(tag)
            if e is not None:
                value = e.value
                if value:
                    break
        scheme = el.get(CODING_SCHEME_DESIGNATOR[0])
        meaning = el.get(CODE_MEANING[0])
        version = el.get(CODING_SCHEME_VERSION[0])
        if not value:
            raise SRError("code sequence item has no Code Value, Long Code Value or URN Code Value "
                          "(PS3.3 8.8)")
        return cls(str(value), str(scheme.value or "") if scheme is not None else "",
                   str(meaning.value or "") if meaning is not None else "",
                   str(version.value or "") if version is not None else "")

    def to_item(self) -> Dataset:
        """One code sequence item (PS3.3 8.8) holding this code."""
        v = self.value
        if ":" in v and (v.startswith("urn:") or "://" in v):
            tag, vr = URN_CODE_VALUE
        elif len(v) > _SH_MAX:
            tag, vr = LONG_CODE_VALUE
        else:
            tag, vr = CODE_VALUE
        elements = {tag: DataElement(tag, vr, v),
                    CODING_SCHEME_DESIGNATOR[0]: DataElement(*CODING_SCHEME_DESIGNATOR, self.scheme),
                    CODE_MEANING[0]: DataElement(*CODE_MEANING, self.meaning)}
        if self.scheme_version:
            elements[CODING_SCHEME_VERSION[0]] = DataElement(*CODING_SCHEME_VERSION, self.scheme_version)
        return Dataset(elements)
