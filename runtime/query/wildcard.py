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


def literal_prefix(pattern: str) -> str:
    """The characters of ``pattern`` before its first ``*`` or ``?``: every value it matches
    starts with them."""
    for i, ch in enumerate(pattern):
        if ch in "*?":
            return pattern[:i]
    return pattern


def is_prefix_pattern(pattern: str) -> bool:
    """True when ``pattern`` is literal characters then ``*`` alone (``DOE^J*``): it matches
    exactly the values starting with :func:`literal_prefix`."""
    prefix = literal_prefix(pattern)
    return bool(prefix) and pattern[len(prefix):].strip("*") == "" and len(pattern) > len(prefix)


def prefix_bound(prefix: str) -> str | None:
    """The least text above every text that starts with ``prefix``, in code point order (the
    order of a binary collation over UTF-8, and of UTF-32); None when there is none
    (``prefix`` empty or all U+10FFFF).  So ``prefix <= v < prefix_bound(prefix)`` holds
    exactly for the values ``v`` starting with ``prefix``: a range an index answers."""
    chars = list(prefix)
    while chars:
        code = ord(chars.pop()) + 1
        if code == 0xD800:  # surrogates are no characters of a text
            code = 0xE000
        if code <= 0x10FFFF:
            return "".join(chars) + chr(code)
    return None


def glob_literal(text: str) -> str:
    """``text`` as a GLOB pattern matching itself alone."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)
