"""Person names as the matcher compares them: normal form, case folding, fuzzy matching.

Normal form (PS3.5 6.2.1)
    Trailing spaces of the value and empty trailing components (``^``) of each component group
    and empty trailing groups (``=``) are insignificant: ``"SMITH^JOHN^^"`` is ``"SMITH^JOHN"``.
    The value is otherwise matched literally as one string, component groups and all (PS3.4
    C.2.2.2.1.1 Note: ``"Wang^XiaoDong=王^小東"`` then does not match ``"Wang^XiaoDong"``; use
    ``"Wang^XiaoDong*"``).

Case-insensitive matching (an option of the SCP, PS3.4 C.2.2.2.1.1)
    Both sides are compared after Unicode case folding (:func:`fold`, ``str.casefold``), which
    also folds ``ß`` to ``ss``.  Wild cards apply to the folded texts.

Fuzzy semantic matching (negotiated, or QIDO-RS ``fuzzymatching=true``; C.2.2.2.1.1)
    Both names are cut into words at every character that is not a letter, a digit or a wild
    card (``^``, ``=``, spaces, commas, hyphens, periods, apostrophes), every word of every
    component group; words are folded in case and stripped of accents (NFKD, combining marks
    dropped: ``"Müller"`` -> ``"muller"``).  The key matches when each of its words matches a
    word of the name, in any order: equal words, words with the same American Soundex code
    (``"Swain"`` and ``"Swayne"``: S500), or, for a key word with ``*`` or ``?``, a word the
    wild card pattern matches.  So ``"Smith^Mary"`` matches ``"Mary^Smith"``,
    ``"SMITH^MARY^ANN"``, ``"Smyth^Marie"`` and ``"Smith, Mary"``; a key without words (``"^"``)
    matches every name.  Fuzzy matching is evaluated in Python, never in SQL.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD_SPLIT = re.compile(r"[^\w*?]+|_+")
_SOUNDEX_CODES = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"),
                  **dict.fromkeys("dt", "3"), "l": "4", **dict.fromkeys("mn", "5"), "r": "6"}


def normal_name(text: str) -> str:
    """The normal form of one PN value: trailing spaces, empty trailing components and groups
    dropped (PS3.5 6.2.1)."""
    groups = [g.rstrip(" ").rstrip("^").rstrip(" ") for g in text.rstrip(" ").split("=")]
    while groups and not groups[-1]:
        groups.pop()
    return "=".join(groups)


def fold(text: str) -> str:
    """``text`` for case-insensitive comparison (Unicode case folding)."""
    return text.casefold()


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=65536)
def fuzzy_words(text: str) -> tuple[str, ...]:
    """The words of a name for fuzzy matching: folded, without accents, in order."""
    return tuple(w for w in _WORD_SPLIT.split(_plain(text)) if w)


def soundex(word: str) -> str:
    """The American Soundex code of ``word`` (letter and three digits), ``""`` without a letter.

    The first letter is kept; later letters are coded b f p v: 1, c g j k q s x z: 2, d t: 3,
    l: 4, m n: 5, r: 6; letters coded alike next to each other (or separated only by h or w)
    count once; vowels (and y) separate them; the code is cut or padded with 0 to four.
    """
    letters = [ch for ch in word if "a" <= ch <= "z"]
    if not letters:
        return ""
    first = letters[0]
    out = [first.upper()]
    last = _SOUNDEX_CODES.get(first, "")
    for ch in letters[1:]:
        code = _SOUNDEX_CODES.get(ch, "")
        if code:
            if code != last:
                out.append(code)
                if len(out) == 4:
                    break
            last = code
        elif ch not in "hw":
            last = ""
    return "".join(out).ljust(4, "0")


def fuzzy_match(key_words: tuple[str, ...], name: str,
                patterns: dict[str, re.Pattern[str]]) -> bool:
    """True when every word of the key matches a word of ``name`` (see the module docstring).

    ``patterns`` holds the compiled wild card pattern of each key word that has one.
    """
    words = fuzzy_words(name)
    if not key_words:
        return True
    codes = [soundex(w) for w in words]
    for kw in key_words:
        pattern = patterns.get(kw)
        if pattern is not None:
            if not any(pattern.fullmatch(w) for w in words):
                return False
            continue
        if kw in words:
            continue
        code = soundex(kw)
        if not code or code not in codes:
            return False
    return True
