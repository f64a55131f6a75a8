"""Wild Card Matching (PS3.4 C.2.2.2.4): ``*`` any run of characters, ``?`` one character.

One pattern, three spellings that agree character for character: a Python regular expression
for the pure matcher, a SQL ``LIKE`` pattern (escape character ``!``) and an SQLite ``GLOB``
pattern (``LIKE`` in SQLite ignores ASCII case, ``GLOB`` does not).  A "character" is one Unicode
code point on all three.  Every other character is literal: there is no way to match a literal
``*`` or ``?`` (C.2.2.2.4).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: The escape character of the LIKE patterns made here.
LIKE_ESCAPE = "!"


def has_wildcards(text: str) -> bool:
    """True when ``text`` holds ``*`` or ``?``."""
    return "*" in text or "?" in text


@lru_cache(maxsize=4096)
def compile_wildcards(pattern: str) -> re.Pattern[str]:
    """A regular expression that :meth:`re.Pattern.fullmatch` es what ``pattern`` matches."""
    out: list[str] = []
    for ch in pattern:
        if ch == "*":
            if not out or out[-1] != ".*":
                out.append(".*")
        elif ch == "?":
            out.append(".")
        else:
            out.append(re.escape(ch))
    return re.compile("".join(out), re.DOTALL)


def like_pattern(pattern: str) -> str:
    """The SQL LIKE pattern (escape ``!``) of a wild card pattern."""
    out: list[str] = []
    for ch in pattern:
        if ch == "*":
            out.append("%")
        elif ch == "?":
            out.append("_")
        elif ch in "%_!":
            out.append(LIKE_ESCAPE + ch)
        else:
            out.append(ch)
    return "".join(out)


def like_literal(text: str) -> str:
    """``text`` escaped for a LIKE pattern (escape ``!``), every character literal."""
    return "".join(LIKE_ESCAPE + ch if ch in "%_!" else ch for ch in text)


def glob_pattern(pattern: str) -> str:
    """The SQLite GLOB pattern of a wild card pattern (``[`` made literal as ``[[]``)."""
    return "".join("[[]" if ch == "[" else ch for ch in pattern)


def glob_literal(text: str) -> str:
    """``text`` as a GLOB pattern matching itself alone."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)
