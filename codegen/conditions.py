"""Conditions of PS3.3 type 1C/2C attributes and C modules, from prose to evaluable expressions.

PS3.3 states when a conditional attribute (PS3.5 7.4.4, 7.4.5) or a conditional module (PS3.3 A.1.3)
is required in English, in the Attribute Description column of module and macro tables
("Required if Pixel Padding Range Limit (0028,0121) is present. May be present otherwise.") and in
the Usage column of IOD module tables ("C - Required if Image Type (0008,0008) Value 1 is
ORIGINAL"). :func:`parse_condition` turns the sentences it understands with certainty into a small
expression language of plain tuples, which the generated tables carry and the validator runtime
(``dicomkit.validate.conditions.evaluate``) evaluates against a data set. Sentences it cannot read
with certainty ("Required if contrast media was used in this image") keep ``expr = None``: a wrong
expression would report errors on valid files, which is worse than leaving the condition as prose.

Input
-----
``text`` is a whole Attribute Description cell or a whole Usage cell. The parser finds each
requirement sentence in it ("Required if ...", "Required only if ...", "Required when ...",
"Shall be present if ...", also after the "C - " of a Usage cell); several requirement sentences in
one cell are joined with ``or`` (each names a case in which the attribute is required). If a
requirement sentence cannot be read, ``expr`` is None and ``unparsed`` holds the clause that
defeated the parser. The "otherwise" sentence is read separately (``otherwise`` field, below).

Expression language
-------------------
An expression is a nested tuple whose first item names the operator. ``path`` is always a tuple
of tags (ints), outermost first: ``(0x00080060,)`` for Modality (0008,0060) in the data set, and
``(0x00082218, 0x00080100)`` for "Code Value (0008,0100) in the Anatomic Region Sequence
(0008,2218)". A path of more than one tag means "in any item": the last tag is looked for in every
item of the sequence(s) named before it, and the predicate holds when it holds for at least one
such occurrence (``absent`` holds when no item has the attribute). Values are written as in the
standard: strings without quotes or padding, ``int`` / ``float`` for numbers written bare (a quoted
number such as ``"01"`` stays a string), and the tag as an ``int`` for a value written as an attribute
reference, the value of an AT attribute ("Frame Increment Pointer (0028,0009) is Frame Time
(0018,1063)", "... includes the Tag for Slice Vector (0054,0080)").

``("present", path)``
    the attribute is in the data set (with or without a value).
``("absent", path)``
    the attribute is not in the data set.
``("has_value", path)``
    present with a non-empty value (PS3.5 7.4: type 2 attributes may be present with zero length).
``("empty", path)``
    present with zero length.
``("equals", path, values, index)``
    the attribute has a value and (Value ``index`` of it, 1-based as PS3.3 writes "Value 3", when
    ``index`` is an int; any one of its values when ``index`` is None) is one of ``values``
    (a tuple of str / int / float). Strings compare after stripping padding spaces; numbers compare
    numerically.
``("not_equals", path, values, index)``
    the attribute has a value and the value(s) compared are none of ``values`` ("equals other than
    NONE"). An absent or empty attribute satisfies neither ``equals`` nor ``not_equals``.
``("greater", path, number)``, ``("less", path, number)``, ``("greater_equal", path, number)``,
``("less_equal", path, number)``
    the (any) value compared numerically with ``number``.
``("code", path, ((value, scheme), ...))``
    an item of the code sequence(s) at ``path`` holds one of the codes: its Code Value (0008,0100),
    Long Code Value (0008,0119) or URN Code Value (0008,0120) is ``value`` and its Coding Scheme
    Designator (0008,0102) is ``scheme`` ("contains an Item with the value (392012008, SCT,
    \"Optical Coherence Tomography Scanner\")"; the meaning is not compared, PS3.3 8.1).
``("item_count", path, "equals" | "greater", n)``
    the sequence at ``path`` has exactly / more than ``n`` items ("has zero Items" is ``empty``;
    "has more than one Item", "contains one Item").
``("private_tag", path)``
    a value of the AT attribute at ``path`` is the tag of a private attribute (odd group,
    PS3.5 7.8.1): "the Selector Attribute (0072,0026) value is the Data Element Tag of a Private
    Attribute".
``("in_frame", e)``
    ``e`` is evaluated in the functional groups of the frame the condition belongs to ("Frame
    Type (0008,9007) Value 1 of this frame is ORIGINAL"): in the items of the groups of that
    frame's Per-frame Functional Groups item and of the Shared Functional Groups item (PS3.3
    C.7.6.16); for a condition outside a frame's groups (or in the shared ones), in those of
    every frame, holding when it holds for one.
``("module_present", label)``, ``("group_present", label)``
    the module of attribute table ``label`` is present in the data set ("the Section C.7.6.4b
    is present", "Palette Color Lookup Table Module is not present"), or the functional group
    macro of table ``label`` is in the shared or a per-frame functional groups ("Derivation
    Image Functional Group (Section C.7.6.16.2.6) is present"; "Pixel Measures or Plane Position
    (Patient) [Functional Group] Macros Present" is an ``or`` of such, each name asked of the
    resolver as "<name> Functional Group Macro"); read only with a ``modules`` resolver (the IOD
    module tables: the reader passes one), evaluated by the IOD checks.
``("first_item", (tag,))``
    the data set is the first item of sequence ``tag`` ("Required for first Item of Control Point
    Sequence (300A,0111)"); read from a "Required for [the] first Item / Control Point of X
    Sequence" sentence, optionally followed by "if <clause>".
``("prose", text)``
    a case the data set cannot show, kept as written ("or if Gantry Angle changes during Beam":
    RT control points after the first carry an attribute only where its value changes, PS3.3
    C.8.8.14.5; "the conditions in Section C.36.2.2.5.1.1 are satisfied" beside its first-point
    case; a clause stating a fact of a ``codegen/census.py`` category, "the Patient is a
    non-human organism"); it evaluates as unknown, so that only the cases read are checked.  A
    condition whose expression holds a ``prose`` leaf counts as partly read (``dicomkit codegen
    stats``); one whose leaves are all ``prose`` is not read at all.
``("iod_requires", path)``
    the IOD the data set is checked against requires the attribute: a module of usage M lists it
    as Type 1 or 2 ("Required if image does not require Image Orientation (Patient)
    (0020,0037) ..." reads ``("not", ("iod_requires", (0x00200037,)))``); unknown without an IOD.
``("and", e1, e2, ...)``, ``("or", e1, e2, ...)``, ``("not", e)``
    logical combinations (the runtime uses three-valued logic: an operand that cannot be evaluated
    makes the result unknown unless the other operands decide it).

``otherwise`` is ``"may"`` when the text says the attribute may be present when the condition is not
met ("May be present otherwise.", "Otherwise may be present.", also the conditional "Otherwise may be
present if ...", read leniently as "may"), ``"shall_not"`` for "Shall not be present otherwise." /
"Otherwise shall not be present.", and ``""`` when the text says nothing about it (PS3.5 7.4.4 and
7.4.5 then apply).

What is read
------------
Subjects: "Name (gggg,eeee)" (the tag is authoritative), "X of this frame" (``in_frame``), a name
without tag when ``resolve(name)`` maps it to a tag, a leading "the" / "the value of" / "a value
of", "Value N of X", "X Value N", "the first/second/third value of X", "X (tag) in [the | any Item
of the] Y Sequence (tag)" (nested any number of times), "X in the Y Module" (modules are at the top
level; the qualifier is dropped), lists of subjects sharing one predicate ("X and Y are present",
"either X or Y is present", "neither X nor Y is present").
Predicates: "is present", "is not present", "is absent", "is present and has a value", "has a value",
"is empty", "is present and (the value is | equals | has the value) V", "is present with [a] value
[of] V", "equals / is / = / has a value of / has the value / value is / is one of / is either ... or",
"includes [the] value V", "is / points to / includes the Tag for Name (gggg,eeee)" (AT values),
"is not / is other than / equals other than / does not equal / has a value other than", "is
greater/less than [or equal to] N", "is non-zero", "is zero". Value lists: "A, B or C",
"A, B, or C", quoted or bare uppercase values, numbers, UIDs written bare, coded values
"(CV, CSD, \"meaning\")" after "contains [an Item with the value] / equals / is / Item value is";
"points to Name" with or without the tag; "has more than one Item", "has zero Items"; "value is
the Data Element Tag of a Private Attribute"; "is non-null" / "is not zero length". A clause that
starts with a predicate continues the subject before it ("X is absent, or is present and has the
value NO"; "X is not A and not B"; "Image Type (0008,0008) Value 4 is T and Value 3 is not ...").
Connectives: "and", "or", "and/or", "or if", "and if", ", and", ", or", "unless" (``X unless Y``
-> ``and(X, not Y)``). A clause mixing "and" and "or" without grouping is ambiguous in English and
is not read, except where a comma sets one connective apart: "A or B, and C" is ``and(or(A, B),
C)`` and "A, or if B and C" is ``or(A, and(B, C))`` (every connective of the one kind after a comma,
none of the other kind).
Clauses: "for [the] first Item / Control Point / Control Point 0 of X Sequence" (``first_item``),
"the conditions in Section C.36.2.2.5.1.1 are satisfied" (:data:`SECTION_CONDITIONS`: RT Control
Point Index (300A,0600) equal to 1, or a change of value kept as prose), "X (tag) is used"
(``present``), "X (tag) at the image level" (the top-level attribute).  "Required, if" starts a
requirement sentence as "Required if" does; a Usage cell's condition ends where a second usage
("U - Optional if ...") begins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dicomkit.codegen.census import outside_category

Expr = tuple[Any, ...]
"""An expression of the language above (nested tuples)."""

Resolver = Callable[[str], "int | None"]
ModuleResolver = Callable[[str], "tuple[str, str] | None"]
"""Maps a module or functional group reference as written ("Section C.7.6.4b", "Palette Color
Lookup Table Module", "Derivation Image Functional Group (Section C.7.6.16.2.6)") to
``("module_present" | "group_present", table label)``, or None when it names no one table."""

__all__ = ["SECTION_CONDITIONS", "Expr", "ModuleResolver", "ParsedCondition", "Resolver",
           "condition_sentences", "has_prose", "parse_condition"]


def has_prose(expr: Expr) -> bool:
    """True when ``expr`` holds a ``("prose", text)`` leaf (a case left unread)."""
    if expr[0] == "prose":
        return True
    return any(isinstance(e, tuple) and e and isinstance(e[0], str) and has_prose(e)
               for e in expr[1:] if expr[0] in ("and", "or", "not", "in_frame"))


@dataclass(frozen=True)
class ParsedCondition:
    """A condition of PS3.3 as written and, when it could be read with certainty, as an expression.

    Attributes
    ----------
    text : str
        The original text (Attribute Description or Usage cell).
    expr : tuple or None
        The expression (module docstring), None when the condition is prose only.
    otherwise : str
        ``"may"``, ``"shall_not"`` or ``""`` (module docstring).
    unparsed : str
        The clause that defeated the parser ("" when ``expr`` is set).
    """

    text: str
    expr: Expr | None
    otherwise: str
    unparsed: str

    @property
    def evaluable(self) -> bool:
        """True when the condition could be turned into an expression."""
        return self.expr is not None

    @property
    def partly(self) -> bool:
        """True when the expression keeps a case as prose (a ``prose`` leaf, unknown when
        evaluated): only its other cases are checked."""
        return self.expr is not None and has_prose(self.expr)


class _Fail(Exception):
    """Internal: the text at ``rest`` cannot be read with certainty."""

    def __init__(self, rest: str) -> None:
        super().__init__(rest)
        self.rest = rest


# ----------------------------------------------------------------------------- sentences

_REQUIRED = re.compile(
    r"\b(?:Required(?: only)?,?(?: if| when)|Shall be present(?: only)? if"
    r"|(?<=C - )shall be present(?: only)? if"
    r"|Required(?= for (?:the )?(?:first (?:Item|Control Point)|Control Point 0) (?:of|in) ))"
    r"(?:\s+(?:Required|required) if)?\s*:?\s+")
# "X changes during Beam": RT control points carry an attribute only where its value changes
# (PS3.3 C.8.8.14.5), which the data set cannot show: read as prose, evaluated as unknown
_CHANGES = re.compile(r"(?:the values? of |any value of )?(?:the )?([A-Za-z][A-Za-z0-9/()\- ]*?)"
                      r"(?: \([0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\))? changes? during (?:the )?"
                      r"(?:[Bb]eam|setup)(?: administration| delivery)?$")
_MAY = re.compile(r"\b(?:[Mm]ay be present otherwise|[Oo]therwise,? (?:it )?may be present)")
_SHALL_NOT = re.compile(
    r"\b(?:[Ss]hall not be present otherwise|[Oo]therwise,? (?:it )?shall not be present)")
# the start of an "otherwise" clause run into the requirement sentence ("..., may be present otherwise")
# (also a capitalised "May be present if" with its period missing: "... equals DIRECTIONAL May be
# present if ...", Table C.8-96)
_OTHERWISE_TAIL = re.compile(r"[.;,]? (?:[Oo]therwise,? (?:it )?(?:may|shall)\b|[Mm]ay be present otherwise"
                             r"|[Ss]hall not be present otherwise)| May be present if\b")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


# a Usage cell that states a second usage after the condition of the first, without a period
# (PS3.3 A.14-1: "C - Required if Pixel Intensity Relationship (0028,1040) is LOG U - Optional if
# Pixel Intensity Relationship (0028,1040) is DISP")
_NEXT_USAGE = re.compile(r" [MUC] - (?=[A-Z])")


def _sentence_end(text: str, start: int) -> int:
    """Index of the end of the sentence beginning at ``start`` (a '.' or ';' outside quotes)."""
    quote = ""
    i = start
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch == '"':
            quote = ch
        elif ch in ".;":
            after = text[i + 1:i + 2]
            if after == "" or after == " ":
                return i
        elif _NEXT_USAGE.match(text, i):  # "... is LOG U - Optional if ...": a second Usage
            return i
        i += 1
    return len(text)


def condition_sentences(text: str) -> list[str]:
    """The requirement clauses of ``text``, each without its "Required if" and final period.

    >>> condition_sentences("Frame time. Required if Modality (0008,0060) is CT. See C.8.")
    ['Modality (0008,0060) is CT']
    """
    text = text.translate(_QUOTES)
    found = []
    for m in _REQUIRED.finditer(text):
        end = _sentence_end(text, m.end())
        found.append(text[m.end():end].strip())
    return found


def _otherwise(text: str) -> str:
    if _SHALL_NOT.search(text):
        return "shall_not"
    if _MAY.search(text):
        return "may"
    return ""


# ----------------------------------------------------------------------------- clause grammar

_TAG = r"\(([0-9A-Fa-f]{4}), ?([0-9A-Fa-f]{4})\)"
# a word of an attribute name, or a parenthesised qualifier of one: "Image Orientation (Patient)"
_NAME = r"[A-Za-z0-9][A-Za-z0-9'/&\-]*(?: [A-Za-z0-9'/&\-]+| \([A-Z][A-Za-z]*(?: [A-Za-z]+)*\))*?"
_NAME_WORDS = frozenset({"of", "per", "to", "for", "by", "from", "with", "on", "at", "x", "y", "z"})
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3}

# A tagged attribute reference: "Image Type (0008,0008)".
_TAGGED = re.compile(r"(" + _NAME + r") " + _TAG)
# Words that end a name written without a tag (a predicate begins).
_VERB = re.compile(
    r" (?=(?:is|are|has|have|equals|equal|does|do|=|value is|values are|contains|was|were|in|of|and|or|"
    r"nor|exists?|points|not present|Attribute|[Vv]alue \d|Item value)\b|=(?= ))")
_SEQUENCE_LINK = re.compile(
    r" (?:in|within|of)(?: an?| any| the| at least one)?(?: [Ii]tems?(?: of| in))?(?: the)? ")
# "X in the Y Module", "X in the Section C.8.13.1", "X at the image level": the top-level attribute
_MODULE_QUALIFIER = re.compile(r" in the (?:(?:[A-Z][A-Za-z0-9\-]*(?: |$))"
                               r"(?:[A-Za-z][A-Za-z0-9\-]*(?: |$))*Module\b"
                               r"|Section [A-Z]{0,2}\.?[0-9][0-9A-Za-z.]*[0-9A-Za-z]\b)"
                               r"| at the image level\b")
SECTION_CONDITIONS: dict[str, str] = {
    # "Requirements for Changing Values within RT Control Point Sequence Attributes": at the first
    # Item, "i.e., with an RT Control Point Index (300A,0600) equal to 1", the attribute is present
    # if the other conditions are met; in the other Items only where its value differs from the
    # previously populated one, which no one Item shows (kept as prose, unknown)
    "C.36.2.2.5.1.1": "RT Control Point Index",
}
"""Sections whose "conditions ... are satisfied" are read: section -> the name of the attribute
whose value 1 marks the first Item; the rest of the section stays prose."""
_SECTION_CONDITIONS_RX = re.compile(
    r"the conditions (?:in|of) Section (" + "|".join(re.escape(k) for k in SECTION_CONDITIONS)
    + r") ?are (?:satisfied|met)\b")
_VALUE = re.compile(
    r'(?:[A-Z][A-Za-z0-9 \-]* \()?"([^"]*)"\)?'  # "1.2.840..." or Name ("1.2.840...")
    r"|'([^']*)'"
    r"|(\d+(?:\.\d+){3,})(?![\w.])"  # a UID written bare: 1.2.840.10008.5.1.4.1.1.200.2
    r"|(-?\d+(?:\.\d+)?)(?![\w.])"  # a number
    r"|([A-Z0-9][A-Z0-9_]*(?:[ \-][A-Z0-9][A-Z0-9_]*)*)(?![\w(])")  # bare uppercase: ORIGINAL, FOR PROCESSING
_CONNECTOR = re.compile(r"\s*,?\s*\b(and/or|and|or|nor)\b(?:\s+if\b)?\s+|,\s+(?:if\s+)?")


def _predicate_patterns(be: str) -> dict[str, re.Pattern[str]]:
    """The predicate forms for a singular ("is") or plural ("are") subject."""
    forms = {
        "order": r"(?:value is |BE (?:present and has (?:a )?values? )?|has (?:a )?value (?:of )?)?"
                 r"(greater|less|more) than( or equal to)? ",
        "present_with_value": r"BE (?:present and (?:has|have) (?:a )?(?:non-empty |non-zero-length )?"
                              r"values?|"
                              r"present with (?:a )?values?|present and (?:is |are )?not empty)"
                              r"(?! (?:of|other|greater|less|equal)\b| [\"'A-Z0-9])",
        "present_non_zero": r"BE present and (?:has|have) (?:a )?non-zero values?\b",
        "present_equals": r"BE present (?:and (?:the value |its value )?(?:is |equals |"
                          r"has (?:a |the )?values? (?:of )?)|with (?:a )?values? (?:of )?)"
                          r"(?!greater|less|more|other|non-)",
        "present": r"BE (?:present|included|sent|used)\b(?! with\b)|(?:exists|exist)\b",
        "absent": r"BE (?:not present|absent|not included|not sent)\b|(?:does|do) not exist\b|not present\b",
        "non_zero_length": r"BE (?:non-zero length|not zero length|non-null)\b",
        "private_tag": r"(?:value )?BE the Data Element Tag of a Private Attribute\b",
        "empty": r"BE (?:empty|zero length|zero-length)\b|(?:has|have) no values?\b"
                 r"|(?:has|have|contains) (?:zero|no) [Ii]tems\b",
        "has_value": r"(?:has|have) (?:a )?values?(?! (?:of|other|greater|less|equal|that|which|in)\b)"
                     r"(?=$|,| and\b| or\b)|BE not empty\b",
        "non_zero": r"(?:BE |has (?:a )?value )?non-zero\b|has a non-zero value\b"
                    r"|BE not (?:zero|0)\b(?!\.\d)",
        "zero": r"(?:BE |equals )zero\b",
        "not_equals": r"(?:BE not equal to|BE not|BE other than|equals other than|does not equal|"
                      r"has a value other than|value is not|has a value of other than)"
                      r"(?: (?:the )?(?:value|one of|any of|either))? ",
        "tag_values": r"(?:(?:includes|contains) the Tag for|points to|BE|equals) "
                      r"(?=" + _NAME + " " + _TAG + ")|(?:(?:includes|contains) the Tag for|points to) "
                      r"(?:the )?(?=[A-Z])",
        "equals": r"(?:BE equal to|equals|BE set to|BE of Value|=|has (?:a |the )?values?(?: of)?|"
                  r"value is|values are|"
                  r"BE one of|BE|contains the value|includes(?: the)? values?)"
                  r"(?: (?:the )?(?:value|one of|either))? ",
    }
    forms["codes"] = (r"(?:(?:contains|includes|equals|BE|has)(?: an? [Ii]tem with)?(?: the)?"
                      r"(?: values?)?(?: of)?(?: either)?|Item value BE) (?=\()")
    forms["item_count"] = (r"(?:(?:has|have|contains) (?:(more) than )?(one|two|\d+) [Ii]tems?\b"
                           r"(?! (?:with|of|in|that|which)\b))")
    return {name: re.compile(form.replace("BE", be)) for name, form in forms.items()}


# a coded value as PS3.3 writes it: (113097, DCM, "Multi-energy proportional weighting")
_CODE = re.compile(r'\(([A-Za-z0-9][A-Za-z0-9.\-_:/]*), ([A-Z0-9][A-Z0-9_.\-]*), "[^"]*"\)')


_PREDICATES = {False: _predicate_patterns("is"), True: _predicate_patterns("(?:are|is)")}


class _Parser:
    """Recursive-descent reader of one requirement clause."""

    def __init__(self, text: str, resolve: Resolver, modules: ModuleResolver | None = None) -> None:
        self.s = text
        self.pos = 0
        self.resolve = resolve
        self.modules = modules
        self.last_path: tuple[int, ...] | None = None
        self.frame_paths: set[tuple[int, ...]] = set()

    # -- helpers
    @property
    def rest(self) -> str:
        return self.s[self.pos:]

    def eat(self, pattern: str | re.Pattern[str]) -> re.Match[str] | None:
        rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        m = rx.match(self.s, self.pos)
        if m:
            self.pos = m.end()
        return m

    def fail(self) -> _Fail:
        return _Fail(self.rest)

    # -- subjects
    def _one_subject(self) -> tuple[tuple[int, ...], int | None]:
        """An attribute reference, with its Value index if any."""
        index: int | None = None
        self.eat(r"(?:either |both |neither )?(?:the |a |its |one )?"
                 r"(?:value(?:s)? (?:of|for) (?:the )?|value (?=[A-Z]))?(?:Attribute )?")
        m = self.eat(r"(?:[Vv]alue (\d+)|(first|second|third|fourth|fifth) value) of (?:the )?")
        if m:
            index = int(m.group(1)) if m.group(1) else _ORDINALS[m.group(2)]
        path = self._reference()
        self.eat(r" Attribute\b(?= [Vv]alue)")
        m = self.eat(r",? [Vv]alue (\d+)\b,?")
        if m:
            if index is not None:
                raise self.fail()
            index = int(m.group(1))
        if self.eat(r" of this frame\b"):
            self.frame_paths.add(path)
            return path, index
        # nesting: "X in the Y Sequence (tag)" (possibly repeated: innermost first in the text)
        while True:
            save = self.pos
            if self.eat(_MODULE_QUALIFIER):
                continue
            if self.eat(_SEQUENCE_LINK):
                try:
                    outer = self._reference(sequence=True)
                except _Fail:
                    self.pos = save
                    break
                path = outer + path
                continue
            break
        return path, index

    def _reference(self, sequence: bool = False) -> tuple[int, ...]:
        m = _TAGGED.match(self.s, self.pos)
        if m and self._tagged_name_ok(m.group(1), int(m.group(2) + m.group(3), 16)):
            if sequence and not m.group(1).endswith("Sequence"):
                raise self.fail()
            self.pos = m.end()
            return (int(m.group(2) + m.group(3), 16),)
        # a name without a tag: the longest run of words before a predicate that the resolver knows
        m = re.compile(r"[A-Z][A-Za-z0-9'/&\-]*(?: [A-Za-z0-9][A-Za-z0-9'/&\-]*)*").match(self.s, self.pos)
        if not m:
            raise self.fail()
        words = m.group(0).split(" ")
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            after = self.s[self.pos + len(name):]
            if after and not _VERB.match(after) and not after.startswith((",", ".")):
                continue
            if sequence and not name.endswith("Sequence"):
                continue
            tag = self.resolve(name)
            if tag is not None:
                self.pos += len(name)
                return (tag,)
        raise self.fail()

    def _names_an_attribute(self, name: str) -> bool:
        """Whether the subject of "X changes during Beam" is an attribute (or its values)."""
        return self.resolve(name) is not None or bool(re.fullmatch(
            r"[A-Z][A-Za-z0-9/\-]*(?: [A-Za-z0-9/()\-]+)*", name))

    def _tagged_name_ok(self, name: str, tag: int) -> bool:
        """Whether ``name`` before a tag is one attribute name, not a run of prose and names.

        A name the resolver maps to the same tag is one; otherwise only a name whose lowercase
        words are those attribute names use ("Number of Frames", "Samples per Pixel").
        """
        if self.resolve(name) == tag:
            return True
        return all(w in _NAME_WORDS for w in re.findall(r"(?<![\w'])[a-z]+\b", name))

    def subjects(self) -> tuple[str, list[tuple[tuple[int, ...], int | None]]]:
        """One subject or a list sharing a predicate; returns (joiner, subjects)."""
        lead = re.match(r"(either|both|neither) ", self.rest)
        first = self._one_subject()
        subjects = [first]
        joiners: set[str] = set()
        while True:
            save = self.pos
            m = self.eat(r"(?:,? (and|or|nor) |, )")
            if not m:
                break
            try:
                subjects.append(self._one_subject())
            except _Fail:
                self.pos = save
                break
            joiners.add(m.group(1) or ",")
        joiners.discard(",")
        if len(joiners) > 1:
            raise self.fail()
        if len(subjects) > 1 and not joiners:
            raise self.fail()
        joiner = joiners.pop() if joiners else "and"
        # "either ... or", "both ... and", "neither ... nor", and "nor" only after "neither"
        expected = {"either": "or", "both": "and", "neither": "nor"}.get(lead.group(1)) if lead else None
        if (expected is not None and (len(subjects) < 2 or joiner != expected)) or \
                (expected is None and joiner == "nor"):
            raise self.fail()
        return joiner, subjects

    # -- values
    def values(self) -> tuple[str | int | float, ...]:
        out: list[str | int | float] = []
        self.eat(r"(?:one of |either |any of )?(?:the )?(?:values? )?")
        while True:
            m = self.eat(_VALUE)
            if not m:
                raise self.fail()
            if m.group(1) is not None or m.group(2) is not None:
                out.append((m.group(1) if m.group(1) is not None else m.group(2)).strip())
            elif m.group(3) is not None:
                out.append(m.group(3))
            elif m.group(4) is not None:
                out.append(float(m.group(4)) if "." in m.group(4) else int(m.group(4)))
            else:
                out.append(m.group(5))
            # the meaning of a coded value: 'A (Anterior)', '"1.2.840..." (Legacy Converted)'
            self.eat(r" \((?!See |see )[A-Z][A-Za-z \-]*\)")
            save = self.pos
            if self.eat(r"(?:,? or |, )"):
                if _VALUE.match(self.s, self.pos) and not self._starts_clause():
                    continue
                self.pos = save
            break
        # a reference to where the values are explained: "equals TRUE_COLOR or COLOR (Section
        # A.89.3.1.2)"
        self.eat(r" \((?:[Ss]ee )?Section [A-Z]{0,2}\.?[0-9][0-9A-Za-z.]*[0-9A-Za-z]\)")
        return tuple(out)

    def _starts_clause(self) -> bool:
        """True when a new attribute clause (not another value) starts here."""
        if re.match(r"[A-Z0-9_]+(?:,| or |$)", self.rest):
            return False  # an upper-case word in a list is a value: "DATE, TIME, UIDREF or PNAME"
        save = self.pos
        try:
            self._one_subject()
            return True
        except _Fail:
            return False
        finally:
            self.pos = save

    def number(self) -> int | float:
        m = self.eat(r"(-?\d+(?:\.\d+)?)(?![\w.])|(zero|one|two|three)\b")
        if not m:
            raise self.fail()
        if m.group(2):
            return _NUMBER_WORDS[m.group(2)]
        return float(m.group(1)) if "." in m.group(1) else int(m.group(1))

    # -- predicates
    def predicate(self, path: tuple[int, ...], index: int | None, plural: bool) -> Expr:
        """The predicate after a subject (the forms listed in the module docstring)."""
        rx = _PREDICATES[plural]
        m = self.eat(rx["order"])
        if m:
            if index is not None:
                raise self.fail()
            op = "greater" if m.group(1) in ("greater", "more") else "less"
            return (op + ("_equal" if m.group(2) else ""), path, self.number())
        if self.eat(rx["codes"]):
            if index is not None:
                raise self.fail()
            return ("code", path, self._codes())
        m = self.eat(rx["item_count"])
        if m:
            if index is not None:
                raise self.fail()
            count = int(_NUMBER_WORDS.get(m.group(2), m.group(2)))
            return ("item_count", path, "greater" if m.group(1) else "equals", count)
        if self.eat(rx["present_equals"]):
            return self._compare("equals", path, index)
        if index is None:
            if self.eat(rx["present_with_value"]):
                return ("has_value", path)
            if self.eat(rx["present_non_zero"]):
                return ("not_equals", path, (0,), None)
            if self.eat(rx["present"]):
                return ("present", self._where(path))
            if self.eat(rx["absent"]):
                return ("absent", self._where(path))
            if self.eat(rx["private_tag"]):
                return ("private_tag", path)
            if self.eat(rx["non_zero_length"]):
                return ("has_value", path)
            if self.eat(rx["empty"]):
                return ("empty", path)
            if self.eat(rx["has_value"]):
                return ("has_value", path)
        if self.eat(rx["non_zero"]):
            return ("not_equals", path, (0,), index)
        if self.eat(rx["zero"]):
            return ("equals", path, (0,), index)
        if self.eat(rx["not_equals"]):
            return self._compare("not_equals", path, index)
        save = self.pos
        m = self.eat(rx["tag_values"])
        if m:
            try:
                return self._tag_values(path, index, untagged=m.group(0).startswith(
                    ("points to", "includes the Tag", "contains the Tag")))
            except _Fail:
                self.pos = save
        if self.eat(rx["equals"]):
            return self._compare("equals", path, index)
        raise self.fail()

    def _where(self, path: tuple[int, ...]) -> tuple[int, ...]:
        """ "... is present in the Y Sequence (tag)": the path inside that sequence."""
        save = self.pos
        if self.eat(_SEQUENCE_LINK):
            try:
                return self._reference(sequence=True) + path
            except _Fail:
                self.pos = save
        return path

    def _codes(self) -> tuple[tuple[str, str], ...]:
        """Coded values "(CV, CSD, "meaning")" joined by ",", "or", ", or" (the meaning is not
        compared: PS3.3 8.3, a code is its value and coding scheme)."""
        codes: list[tuple[str, str]] = []
        while True:
            m = self.eat(_CODE)
            if not m:
                raise self.fail()
            codes.append((m.group(1), m.group(2)))
            save = self.pos
            if self.eat(r"(?:,? or |, )") and _CODE.match(self.s, self.pos):
                continue
            self.pos = save
            return tuple(codes)

    def _tag_values(self, path: tuple[int, ...], index: int | None, untagged: bool) -> Expr:
        """Values that are attribute references (AT values): "Frame Increment Pointer (0028,0009) is
        Frame Time (0018,1063) or Frame Time Vector (0018,1065)" -> the tags as ints."""
        ends = re.compile(r"$|[,.;]| (?:or|and)\b")

        def reference() -> int:
            # a name without its tag only after "points to" / "the Tag for" (after "is", an
            # upper-case word is a value: "equals PLANE", not the attribute Plane)
            if not untagged:
                m = _TAGGED.match(self.s, self.pos)
                if not m or not self._tagged_name_ok(m.group(1), int(m.group(2) + m.group(3), 16)):
                    raise self.fail()
            return self._reference()[0]

        tags: list[str | int | float] = [reference()]
        if not ends.match(self.s, self.pos):
            raise self.fail()
        while True:
            save = self.pos
            if self.eat(r"(?:,? or |, )"):
                try:
                    tag: int | None = reference()
                except _Fail:
                    tag = None
                if tag is not None and ends.match(self.s, self.pos):
                    tags.append(tag)
                    continue
            self.pos = save
            return ("equals", path, tuple(tags), index)

    def _compare(self, op: str, path: tuple[int, ...], index: int | None) -> Expr:
        vals = self.values()
        if any(isinstance(v, str) and not v for v in vals):
            raise self.fail()
        return (op, path, vals, index)

    # -- modules and functional groups
    def _module_ref(self) -> tuple[str, str]:
        """ "[the] Section C.7.6.4b", "[the] Palette Color Lookup Table Module", "Derivation Image
        Functional Group (Section C.7.6.16.2.6)", resolved by ``modules``."""
        if self.modules is None:
            raise self.fail()
        m = self.eat(r"(?:the )?(Section [A-Z]{0,2}\.?[0-9][0-9A-Za-z.]*[0-9A-Za-z]"
                     r"|[A-Z][A-Za-z0-9/\-]*(?: [A-Z(][A-Za-z0-9/\-()]*)*? Functional Group"
                     r" \(Section [A-Z]{0,2}\.?[0-9][0-9A-Za-z.]*[0-9A-Za-z]\)"
                     r"|[A-Z][A-Za-z0-9/\-]*(?: [A-Z(][A-Za-z0-9/\-()]*)*? Module)(?= |$|,)")
        if not m:
            raise self.fail()
        found = self.modules(m.group(1))
        if found is None:
            raise self.fail()
        return found

    def module_clause(self) -> Expr:
        """One or more module references sharing "is present" / "is not present"."""
        refs = [self._module_ref()]
        joiners: set[str] = set()
        while True:
            save = self.pos
            m = self.eat(r",? (or|and) ")
            if not m:
                break
            try:
                refs.append(self._module_ref())
            except _Fail:
                self.pos = save
                break
            joiners.add(m.group(1))
        if len(joiners) > 1:
            raise self.fail()
        m = self.eat(r" (?:is|are) (not )?(?:present|included)\b| (exists|exist)\b")
        if not m:
            raise self.fail()
        exprs = [ref if not m.group(1) else ("not", ref) for ref in refs]
        if len(exprs) == 1:
            return exprs[0]
        return ("or" if joiners == {"or"} else "and", *exprs)

    # -- clauses
    def _outside_clause(self) -> Expr | None:
        """A clause, up to the next connective, that states a fact no data set can show by a
        phrase of the census (``codegen/census.py``: "the Patient is a non-human organism", "the
        Referenced SOP Instance is a multi-frame image"): kept as prose (unknown), so that the
        other clauses of the sentence are still checked where they decide it."""
        end = _CONNECTOR.search(self.s, self.pos)
        piece = self.s[self.pos:end.start() if end else len(self.s)]
        if not piece or not outside_category(piece):
            return None
        self.pos += len(piece)
        return ("prose", piece)

    def _section_conditions(self, section: str, written: str) -> Expr:
        """ "the conditions in Section C.36.2.2.5.1.1 are satisfied": the first RT Control Point
        (RT Control Point Index (300A,0600) equal to 1), or a change of value (kept as prose)."""
        tag = self.resolve(SECTION_CONDITIONS[section])
        if tag is None:
            raise self.fail()
        return ("or", ("equals", (tag,), (1,), None), ("prose", written))

    def first_item(self) -> Expr:
        """ "for [the] first Item of X Sequence (tag) [if clause]": the data set is the first item
        of that sequence (RT control points, PS3.3 C.8.8.14.5)."""
        m = self.eat(r"([A-Z][A-Za-z0-9/\-]*(?: [A-Z][A-Za-z0-9/\-]*)* Sequence)(?: " + _TAG + ")?"
                     r"(?=$|,| if\b| or\b)")
        if not m:
            raise self.fail()
        tag = int(m.group(2) + m.group(3), 16) if m.group(2) else self.resolve(m.group(1))
        if tag is None:
            raise self.fail()
        expr: Expr = ("first_item", (tag,))
        if self.eat(r" if "):
            expr = ("and", expr, self.clause())
        return expr

    def clause(self) -> Expr:
        save = self.pos
        if self.eat(r"for (?:the )?(?:first (?:Item|Control Point)|Control Point 0) (?:of|in) (?:the )?"):
            return self.first_item()
        m = self.eat(_SECTION_CONDITIONS_RX)
        if m:
            return self._section_conditions(m.group(1), m.group(0))
        if self.pos > 0:  # after a connector: "..., or if Gantry Angle changes during Beam"
            m = _CHANGES.match(self.s, self.pos)
            if m and self._names_an_attribute(m.group(1)):
                self.pos = m.end()
                return ("prose", m.group(0))
        outside = self._outside_clause()
        if outside is not None:
            return outside
        if self.modules is not None:
            # "Pixel Measures or Plane Orientation (Patient) [Functional Group] Macros Present"
            m = self.eat(r"((?:[A-Z][A-Za-z()]*(?: [A-Z(][A-Za-z()]*)*)"
                         r"(?: or [A-Z][A-Za-z()]*(?: [A-Z(][A-Za-z()]*)*)*?)"
                         r" (?:Functional Group )?Macros [Pp]resent$")
            if m:
                names = re.sub(r" Functional Group$", "", m.group(1)).split(" or ")
                groups = [self.modules(name + " Functional Group Macro") for name in names]
                if any(g is None or g[0] != "group_present" for g in groups):
                    raise self.fail()
                found = [g for g in groups if g is not None]
                return found[0] if len(found) == 1 else ("or", *found)
            try:
                return self.module_clause()
            except _Fail:
                self.pos = save
        # "image does not require X and Y": what the IOD requires
        if self.eat(r"(?:the )?image does not require "):
            joiner, subjects = self.subjects()
            if any(i is not None or len(p) != 1 for p, i in subjects) or joiner not in ("and", "or"):
                raise self.fail()
            needs = [("iod_requires", p) for p, _ in subjects]
            return ("not", needs[0] if len(needs) == 1 else (joiner, *needs))
        # "... and the value is X" continues the previous subject
        if self.last_path is not None:
            m = self.eat(r"(?:the value |its value )(?:is |equals )")
            if m:
                return self._compare("equals", self.last_path, None)
            self.pos = save
            # "X is absent, or is present and has the value NO", "X is not A and not B",
            # "Image Type (0008,0008) Value 4 is T and Value 3 is not ...": the same subject
            m = self.eat(r"(?:[Vv]alue (\d+) )?(?=(?:is|has|equals|does|contains|not) )")
            if m:
                last = self.last_path
                index = int(m.group(1)) if m.group(1) else None
                if self.eat(r"not (?!present\b|empty\b)"):
                    expr = self._compare("not_equals", last, index)
                else:
                    expr = self.predicate(last, index, False)
                return ("in_frame", expr) if last in self.frame_paths else expr
        joiner, subjects = self.subjects()
        plural = len(subjects) > 1
        if plural and any(i is not None for _, i in subjects):
            raise self.fail()
        exprs: list[Expr] = []
        start = self.pos
        for path, index in subjects:
            self.pos = start
            self.eat(r" ")
            expr = self.predicate(path, index, plural)
            exprs.append(("in_frame", expr) if path in self.frame_paths else expr)
        self.last_path = subjects[-1][0]
        if not plural:
            return exprs[0]
        if joiner == "nor":  # "neither X nor Y is present": X is not present and Y is not present
            if self.frame_paths:
                raise self.fail()
            return ("and", *(("absent", e[1]) if e[0] == "present" else ("not", e) for e in exprs))
        return ("or" if joiner == "or" else "and", *exprs)

    def expression(self) -> Expr:
        """clause (connector clause)*, one kind of connector; or "and" and "or" where a comma
        sets the one apart from the other (see :meth:`_comma_grouped`)."""
        items = [self.clause()]
        connectors: list[tuple[str, bool]] = []
        while self.pos < len(self.s):
            m = self.eat(_CONNECTOR)
            if not m:
                raise self.fail()
            kind = m.group(1) or ","
            connectors.append(("or" if kind == "and/or" else kind, "," in m.group(0)))
            items.append(self.clause())
        kinds = {kind for kind, _ in connectors} - {","}
        if len(items) == 1:
            return items[0]
        if kinds == {"and", "or"}:
            return self._comma_grouped(items, connectors)
        if len(kinds) > 1 or "nor" in kinds:
            raise self.fail()
        if not kinds:
            raise self.fail()
        return (kinds.pop(), *items)

    def _comma_grouped(self, items: list[Expr], connectors: list[tuple[str, bool]]) -> Expr:
        """ "A or B, and C" is (A or B) and C; "A, or B and C" is A or (B and C): the connective
        written after a comma joins the groups the other connective makes ("Frame Type
        (0008,9007) Value 1 of this frame is ORIGINAL or Image Type (0008,0008) Value 1 is
        ORIGINAL, and the value of Filter Type (0018,1160) is other than NONE").  Read only when
        every connective of the one kind has the comma and none of the other kind has it, and no
        bare comma lists clauses; anything else is ambiguous and stays prose."""
        after_comma = {kind for kind, comma in connectors if comma}
        plain = {kind for kind, comma in connectors if not comma}
        if "," in after_comma or len(after_comma) != 1 or len(plain) != 1 or after_comma == plain:
            raise self.fail()
        outer, inner = after_comma.pop(), plain.pop()
        groups: list[list[Expr]] = [[items[0]]]
        for (_kind, comma), item in zip(connectors, items[1:]):
            if comma:
                groups.append([item])
            else:
                groups[-1].append(item)
        return (outer, *(g[0] if len(g) == 1 else (inner, *g) for g in groups))


def _normalise(clause: str) -> str:
    clause = clause.translate(_QUOTES).strip().rstrip(".;,").strip()
    clause = re.sub(r"\s+", " ", clause)
    clause = re.sub(r"^(?:if|when)\s+", "", clause)
    clause = re.sub(r"\b(is|are|equals|not): ", r"\1 ", clause)  # "Value 3 is: WHOLE BODY or STATIC"
    if clause.startswith("either ") and clause.count(" is ") > 1:
        clause = clause[len("either "):]  # "either X is A or Y is B": the "or" below says it
    return clause


def _parse_clause(clause: str, resolve: Resolver, modules: ModuleResolver | None = None) -> Expr:
    clause = _normalise(clause)
    if not clause:
        raise _Fail(clause)
    head, sep, tail = clause.partition(" unless ")
    if sep:
        if " unless " in tail:
            raise _Fail(tail)
        return ("and", _parse_clause(head.rstrip(","), resolve, modules),
                ("not", _parse_clause(tail, resolve, modules)))
    p = _Parser(clause, resolve, modules)
    expr = _flatten(p.expression())
    if _only_prose(expr):  # nothing of it is read: it stays prose as a whole (and in the census)
        raise _Fail(clause)
    return expr


def _only_prose(expr: Expr) -> bool:
    if expr[0] == "prose":
        return True
    if expr[0] in ("and", "or", "not", "in_frame"):
        return all(_only_prose(e) for e in expr[1:])
    return False


def _flatten(expr: Expr) -> Expr:
    """Merge nested and/and, or/or."""
    if expr[0] in ("and", "or"):
        out: list[Expr] = []
        for sub in expr[1:]:
            sub = _flatten(sub)
            if sub[0] == expr[0]:
                out.extend(sub[1:])
            else:
                out.append(sub)
        return (expr[0], *out)
    if expr[0] in ("not", "in_frame"):
        return (expr[0], _flatten(expr[1]))
    return expr


def parse_condition(text: str, resolve: Resolver,
                    modules: ModuleResolver | None = None) -> ParsedCondition:
    """Read the requirement condition of an Attribute Description or Usage cell of PS3.3.

    Parameters
    ----------
    text : str
        The whole cell text (e.g. "... Required if Modality (0008,0060) is CT. May be present
        otherwise." or "C - Required if contrast media was used in this image").
    resolve : callable
        Maps an attribute name written without its tag ("Table Column Number") to its tag, or None
        when the name is not (unambiguously) an attribute name of PS3.3.
    modules : callable, optional
        Maps a module or functional group reference ("Section C.7.6.4b", "Palette Color Lookup
        Table Module") to ``("module_present" | "group_present", table label)`` or None; without
        it, conditions naming modules are not read.

    Returns
    -------
    ParsedCondition
        ``expr`` is None when no requirement sentence is found or one cannot be read with certainty
        (the expression language and what is read are described in the module docstring).
    """
    sentences = condition_sentences(text)
    otherwise = _otherwise(text)
    if not sentences:
        return ParsedCondition(text, None, otherwise, text.strip())
    exprs: list[Expr] = []
    for sentence in sentences:
        # a conditional "Otherwise may be present if ..." belongs to the otherwise field
        sentence = _OTHERWISE_TAIL.split(sentence)[0]
        try:
            exprs.append(_parse_clause(sentence, resolve, modules))
        except _Fail as exc:
            return ParsedCondition(text, None, otherwise, exc.rest or sentence or text.strip())
    expr = exprs[0] if len(exprs) == 1 else _flatten(("or", *exprs))
    return ParsedCondition(text, expr, otherwise, "")
