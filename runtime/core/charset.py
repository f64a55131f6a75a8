"""Specific Character Set (0008,0005): decoding and encoding character strings (PS3.5 6.1).

A :class:`Charset` is built from the value(s) of Specific Character Set (0008,0005) with
:meth:`Charset.from_value` (one shared object per distinct value) and turns the raw bytes of a
character string value into text and back (:meth:`Charset.decode`, :meth:`Charset.encode`).

What the standard tabulates comes from :mod:`dicomkit.generated`: the Defined Terms, their code
elements (G0/G1, ISO-IR registration numbers) and escape sequences from PS3.3 C.12.1.1.2
(:mod:`dicomkit.generated.charsets`), which VRs are character strings, which are never
multi-valued, and which may use characters beyond the default repertoire (the Character
Repertoire column of PS3.5 Table 6.2-1 names (0008,0005); :mod:`dicomkit.generated.vrs`).
What it does not tabulate is kept here: which Python codec implements each ISO-IR
registration (:data:`ISO_IR_CODECS`) and each Defined Term without code elements
(:data:`TERM_CODECS`).

Code extensions (PS3.5 6.1.2.5) follow ISO/IEC 2022 in its 8-bit form: bytes 02/01-07/14 (GL)
are read in the set designated to G0, bytes 10/00-15/15 (GR) in the set designated to G1; an
escape sequence designates a set; Value 1 of (0008,0005) gives the initial G0 and G1 (the
default repertoire when Value 1 is empty).  The initial sets become active again
(PS3.5 6.1.2.5.3) at every CR, LF, FF and TAB, at the backslash delimiting values of multi-valued
VRs, and in PN values at the component ("^") and component group ("=") delimiters, so each
component group of a name is decoded on its own (PS3.5 6.2.1).

Leniency: decoding never raises unless ``strict=True``; bytes that cannot be decoded become
U+FFFD.  An unknown or misspelt Defined Term is reported in :attr:`Charset.warnings` and replaced
by the term it evidently means or, failing that, by the default repertoire (ISO-IR 6); with
``strict=True`` each such problem raises :class:`CharsetError` instead.  Encoding always raises
:class:`CharsetError` for a character that no declared set can encode: writing never loses text
silently.

Notes
-----
ISO-IR 14 (JIS X 0201 romaji) differs from ASCII only at 05/12 (YEN SIGN) and 07/14 (OVERLINE).
DICOM uses 05/12 as the value delimiter in every repertoire (PS3.5 6.1.2.5.3, H.1.1), so
05/12 is read as the backslash, and, like Python's ``shift_jis`` (and pydicom), 07/14 as "~".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from dicomkit.errors import DicomError
from dicomkit.generated.charsets import CHARACTER_SETS, ESCAPE_SEQUENCES, CharacterSet
from dicomkit.generated.vrs import VRS

__all__ = ["DEFAULT", "ISO_IR_CODECS", "TERM_CODECS", "Charset", "CharsetError"]


class CharsetError(DicomError, ValueError):
    """A Specific Character Set that cannot be used, or a value it cannot decode or encode.

    Attributes
    ----------
    terms
        The values of Specific Character Set (0008,0005) concerned.
    term
        The Defined Term at fault, when one is.
    vr
        The VR of the value being decoded or encoded, if any.
    position
        The offset of the offending byte (decoding) or character (encoding), if any.
    """

    def __init__(self, message: str, *, terms: tuple[str, ...] = (), term: str | None = None,
                 vr: str | None = None, position: int | None = None) -> None:
        self.terms = terms
        self.term = term
        self.vr = vr
        self.position = position
        shown = "\\".join(terms) or "(none)"
        where = f"Specific Character Set {shown!r}"
        if vr is not None:
            where += f", VR {vr}"
        if position is not None:
            where += f", position {position}"
        super().__init__(f"{where}: {message}")


#: ISO-IR registration number -> (Python codec, how it is used).  Not tabulated by the standard.
#: "ascii": a 94-set in GL; "8bit": the GR half of an ISO/IEC 8859-style codec;
#: "katakana": JIS X 0201 katakana in GR (0xA1-0xDF), taken from ``shift_jis``;
#: "iso2022": a 94 x 94 set in GL, decoded through the ISO/IEC 2022 codec that designates it
#: with the same escape sequence; "euc": a 94 x 94 set in GR, as EUC codecs encode it.
ISO_IR_CODECS: Final[dict[int, tuple[str, str]]] = {
    6: ("ascii", "ascii"),
    14: ("ascii", "ascii"),
    13: ("shift_jis", "katakana"),
    100: ("latin_1", "8bit"),
    101: ("iso8859_2", "8bit"),
    109: ("iso8859_3", "8bit"),
    110: ("iso8859_4", "8bit"),
    144: ("iso8859_5", "8bit"),
    127: ("iso8859_6", "8bit"),
    126: ("iso8859_7", "8bit"),
    138: ("iso8859_8", "8bit"),
    148: ("iso8859_9", "8bit"),
    203: ("iso8859_15", "8bit"),
    166: ("tis_620", "8bit"),
    87: ("iso2022_jp", "iso2022"),
    159: ("iso2022_jp_2", "iso2022"),
    149: ("euc_kr", "euc"),
    58: ("gb2312", "euc"),
}

#: Defined Terms without code elements (PS3.3 Table C.12-5) -> Python codec.
TERM_CODECS: Final[dict[str, str]] = {
    "ISO_IR 192": "utf_8",
    "GB18030": "gb18030",
    "GBK": "gbk",
}

_ESC = 0x1B
_TO_ASCII = b"\x1b(B"  # what Python's ISO/IEC 2022 codecs end a double-byte run with
_KATAKANA = bytes(range(0xA1, 0xE0))
_KATAKANA_OFFSET = 0xFF61 - 0xA1  # JIS X 0201 0xA1-0xDF = U+FF61-U+FF9F
#: an escape sequence (ESC, intermediate bytes, final byte), one C0 control, a GL run, a GR run
_TOKENS = re.compile(rb"\x1b[\x20-\x2f]*[\x30-\x7e]?|[\x00-\x1f]|[\x20-\x7f]+|[\x80-\xff]+")
_LOOSE = re.compile(r"[\s_\-]+")
#: controls before which, and after which, the initial sets are active (PS3.5 6.1.2.5.3)
_RESET_CONTROLS: Final = frozenset(b"\r\n\f\t")
_RESET_CONTROL_CHARS: Final = "\r\n\f\t"


def _delimiters(code: str) -> str:
    """Characters that end a code extension run in values of this VR (PS3.5 6.1.2.5.3)."""
    vr = VRS[code]
    if code == "PN":
        return "\\^="  # values, components and component groups (PS3.5 6.2.1)
    return "\\" if vr.kind == "string" else ""


#: VR -> delimiters resetting the active sets; text VRs (LT, ST, UT, UR) are never multi-valued
_DELIMITERS: Final[dict[str, str]] = {c: _delimiters(c) for c, v in VRS.items()
                                      if v.kind in ("string", "text")}
_DELIMITER_BYTES: Final[dict[str, bytes]] = {c: d.encode("ascii") for c, d in _DELIMITERS.items()}
#: VRs whose repertoire (0008,0005) may extend or replace (PS3.5 Table 6.2-1, 6.1.2.3)
_EXTENSIBLE_VRS: Final = frozenset(c for c, v in VRS.items() if "(0008,0005)" in v.repertoire)


class _Element:
    """One code element (ISO-IR registration as G0 or G1) with the codec implementing it."""

    __slots__ = ("_cache", "codec", "escape", "g1", "iso_ir", "kind", "multi_byte")

    def __init__(self, iso_ir: int, g1: bool, escape: bytes, codec: str, kind: str) -> None:
        self.iso_ir = iso_ir
        self.g1 = g1
        self.escape = escape
        self.codec = codec
        self.kind = kind
        self.multi_byte = kind in ("iso2022", "euc")
        self._cache: dict[str, bytes | None] = {}

    def __repr__(self) -> str:
        return f"<ISO-IR {self.iso_ir} as {'G1' if self.g1 else 'G0'}>"

    def decode(self, run: bytes, errors: str) -> str:
        """Text of a run of GL (G0) or GR (G1) bytes in this set."""
        kind = self.kind
        if kind == "iso2022":
            if b" " in run:  # SPACE 02/00 stays SPACE whatever G0 holds (ISO/IEC 2022)
                return " ".join(self.decode(p, errors) for p in run.split(b" "))
            return (self.escape + run + _TO_ASCII).decode(self.codec, errors)
        if kind == "katakana":
            if run.translate(None, _KATAKANA):
                if errors == "strict":
                    bad = next(i for i, b in enumerate(run) if b not in _KATAKANA)
                    raise UnicodeDecodeError("jis_x_0201", run, bad, bad + 1,
                                             "not a JIS X 0201 katakana")
                return "".join(chr(b + _KATAKANA_OFFSET) if b in _KATAKANA else "\ufffd"
                               for b in run)
            return run.decode(self.codec)
        return run.decode(self.codec, errors)

    def encode(self, ch: str) -> bytes | None:
        """The bytes of one character in this set, or None when the set lacks it."""
        try:
            return self._cache[ch]
        except KeyError:
            pass
        try:
            b: bytes | None = ch.encode(self.codec)
        except UnicodeEncodeError:
            b = None
        if b is not None:
            kind = self.kind
            if kind == "ascii":
                ok = len(b) == 1 and b[0] >= 0x20
            elif kind == "8bit":
                ok = len(b) == 1 and b[0] >= 0xA0
            elif kind == "katakana":
                ok = len(b) == 1 and b[0] in _KATAKANA
            elif kind == "iso2022":
                n = len(self.escape)
                ok = len(b) == n + 5 and b.startswith(self.escape) and b.endswith(_TO_ASCII)
                b = b[n:n + 2]
            else:  # euc
                ok = len(b) == 2 and b[0] >= 0xA1 and b[1] >= 0xA1
            if not ok:
                b = None
        self._cache[ch] = b
        return b


def _build_elements() -> dict[tuple[int, str], _Element]:
    """Every code element of the generated tables that a Python codec implements."""
    escapes = {(ir, ce): esc for esc, (_, ir, ce) in ESCAPE_SEQUENCES.items()}
    out: dict[tuple[int, str], _Element] = {}
    for cs in CHARACTER_SETS.values():
        for e in cs.elements:
            key = (e.iso_ir, e.code_element)
            if key in out or e.iso_ir not in ISO_IR_CODECS:
                continue
            codec, kind = ISO_IR_CODECS[e.iso_ir]
            out[key] = _Element(e.iso_ir, e.code_element == "G1",
                                e.escape or escapes.get(key, b""), codec, kind)
    return out


_ELEMENTS: Final = _build_elements()
#: every escape sequence of PS3.3 C.12 -> its element (lenient decoding accepts undeclared ones)
_KNOWN_ESCAPES: Final[dict[bytes, _Element]] = {
    esc: _ELEMENTS[(ir, ce)] for esc, (_, ir, ce) in ESCAPE_SEQUENCES.items()
    if (ir, ce) in _ELEMENTS}
_BY_LOOSE_SPELLING: Final[dict[str, CharacterSet]] = {
    _LOOSE.sub("", t.upper()): cs for t, cs in CHARACTER_SETS.items() if t}
_CACHE: dict[tuple[object, bool], Charset] = {}
_CACHE_LIMIT = 256


def _split(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """The values of (0008,0005), stripped of padding; () when absent or all empty."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    terms = tuple(t.strip(" \x00") for item in items for t in str(item).split("\\"))
    return terms if any(terms) else ()


def _elements_of(cs: CharacterSet) -> list[_Element] | None:
    """The code elements of a Defined Term, or None when a codec is missing for one."""
    out = []
    for e in cs.elements:
        el = _ELEMENTS.get((e.iso_ir, e.code_element))
        if el is None:
            return None
        out.append(el)
    return out


class Charset:
    """How character strings are encoded under one value of Specific Character Set (0008,0005).

    Build with :meth:`from_value`; :data:`DEFAULT` is the default repertoire (ISO-IR 6).

    Attributes
    ----------
    terms
        The values of (0008,0005) as given, padding stripped (``("", "ISO 2022 IR 87")``);
        ``()`` for the default repertoire.
    warnings
        What lenient construction had to work around (unknown or misspelt Defined Terms, sets
        that cannot be combined); empty when the value is conformant.
    strict
        True when problems raise :class:`CharsetError` instead of being worked around.
    code_extensions
        True when ISO/IEC 2022 code extensions are in use (PS3.5 6.1.2.5).
    """

    __slots__ = ("_codec", "_designations", "_elements", "_errors", "_g0", "_g1",
                 "code_extensions", "strict", "terms", "warnings")

    def __init__(self, terms: tuple[str, ...], strict: bool) -> None:
        self.terms = terms
        self.strict = strict
        self._errors = "strict" if strict else "replace"
        self.code_extensions = False
        #: whole-value codec, when the value needs no ISO/IEC 2022 handling
        self._codec: str | None = "ascii"
        self._g0: _Element = _ELEMENTS[(6, "G0")]
        self._g1: _Element | None = None
        self._designations: dict[bytes, _Element] = {}
        self._elements: tuple[_Element, ...] = (self._g0,)
        warnings: list[str] = []
        self._configure(warnings)
        self.warnings = tuple(warnings)

    def __repr__(self) -> str:
        return f"Charset({self.terms!r}{', strict=True' if self.strict else ''})"

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_value(cls, value: str | Sequence[str] | None, *, strict: bool = False) -> Charset:
        """The charset of a value of Specific Character Set (0008,0005) (PS3.3 C.12.1.1.2).

        Parameters
        ----------
        value
            The value(s): ``None`` or ``""`` (default repertoire), one Defined Term, a
            backslash-separated string, or a sequence of terms (Value 1 may be empty).
        strict
            Raise :class:`CharsetError` for unknown Defined Terms, invalid combinations,
            undecodable bytes and undeclared escape sequences instead of working around them.

        Returns
        -------
        Charset
            One shared object per distinct value (the objects are immutable).
        """
        key: tuple[object, bool] = (
            value if value is None or isinstance(value, str) else tuple(value), strict)
        cs = _CACHE.get(key)
        if cs is None:
            cs = cls(_split(value), strict)
            if len(_CACHE) >= _CACHE_LIMIT:
                _CACHE.clear()
            _CACHE[key] = cs
        return cs

    def _problem(self, warnings: list[str], message: str, term: str | None) -> None:
        if self.strict:
            raise CharsetError(message, terms=self.terms, term=term)
        warnings.append(message)

    def _resolve(self, term: str, warnings: list[str]) -> CharacterSet | None:
        """The Defined Term ``term`` names (or evidently means), or None."""
        cs = CHARACTER_SETS.get(term)
        if cs is None:
            cs = _BY_LOOSE_SPELLING.get(_LOOSE.sub("", term.upper()))
            if cs is None:
                self._problem(warnings, f"{term!r} is not a Defined Term of PS3.3 C.12.1.1.2; "
                                        "it is ignored", term)
                return None
            self._problem(warnings, f"{term!r} is not a Defined Term; read as "
                                    f"{cs.defined_term!r}", term)
        if cs.elements and _elements_of(cs) is None or (
                not cs.elements and cs.defined_term not in TERM_CODECS):
            self._problem(warnings, f"no codec implements {cs.defined_term!r}; it is ignored",
                          term)
            return None
        return cs

    def _configure(self, warnings: list[str]) -> None:
        terms = self.terms
        if not terms:
            return
        sets = [self._resolve(t, warnings) if t else CHARACTER_SETS[""] for t in terms]
        if len(terms) == 1:
            if sets[0] is None:  # unknown: the default repertoire
                return
            if not sets[0].code_extensions:
                self._configure_single(sets[0])
                return
        # code extensions: Value 1 is the initial set, every value may be designated
        first = sets[0]
        for i, cs in enumerate(sets):
            if cs is None or cs.code_extensions or (i == 0 and cs.defined_term == ""):
                continue
            if not cs.elements:  # Table C.12-5: no code extensions (PS3.5 6.1.2.5.4)
                if i == 0:
                    self._problem(warnings, f"{cs.defined_term!r} cannot be used with code "
                                            "extensions; the other values are ignored",
                                  cs.defined_term)
                    self._configure_single(cs)
                    return
                self._problem(warnings, f"{cs.defined_term!r} cannot be used with code "
                                        "extensions; it is ignored", cs.defined_term)
                sets[i] = None
                continue
            same = {(e.iso_ir, e.code_element) for e in cs.elements}
            twin = next((o for o in CHARACTER_SETS.values() if o.code_extensions and
                         {(e.iso_ir, e.code_element) for e in o.elements} == same), None)
            self._problem(warnings, f"{cs.defined_term!r} is a Defined Term without code "
                                    "extensions in a multi-valued Specific Character Set"
                          + (f"; read as {twin.defined_term!r}" if twin else "; it is ignored"),
                          cs.defined_term)
            sets[i] = twin
            if i == 0:
                first = twin
        if first is not None and first.multi_byte:
            self._problem(warnings, f"Value 1 {first.defined_term!r} is a multi-byte set, "
                                    "which only Values 2 to n may be (PS3.3 C.12.1.1.2); the "
                                    "default repertoire is the initial set", first.defined_term)
            first = None
        initial = _elements_of(first) if first is not None else None
        if not initial:
            initial = [_ELEMENTS[(6, "G0")]]
        self._codec = None
        self.code_extensions = True
        self._g0 = next(e for e in initial if not e.g1)
        self._g1 = next((e for e in initial if e.g1), None)
        elements: list[_Element] = list(initial)
        for cs in sets:
            for el in (_elements_of(cs) or []) if cs is not None else []:
                if el not in elements:
                    elements.append(el)
        self._elements = tuple(elements)
        self._designations = {el.escape: el for el in elements if el.escape}

    def _configure_single(self, cs: CharacterSet) -> None:
        """One Defined Term without code extensions (PS3.3 Tables C.12-2, C.12-5)."""
        if not cs.elements:
            self._codec = TERM_CODECS[cs.defined_term]
            return
        elements = _elements_of(cs) or [_ELEMENTS[(6, "G0")]]
        g0 = next(e for e in elements if not e.g1)
        g1 = next((e for e in elements if e.g1), None)
        if g0.iso_ir == 6 and (g1 is None or g1.kind == "8bit"):
            # ISO-IR 6 in GL and an 8-bit set in GR: exactly the 8-bit codec
            self._codec = g1.codec if g1 is not None else "ascii"
            return
        self._codec = None  # JIS X 0201: romaji and katakana, read element by element
        self._g0, self._g1 = g0, g1
        self._elements = tuple(elements)

    # ------------------------------------------------------------------ decoding

    def decode(self, raw: bytes, vr: str) -> str:
        """The text of a character string value (PS3.5 6.1, 6.2).

        Parameters
        ----------
        raw
            The value's bytes, as stored (padding is not removed: callers strip it).
        vr
            The value's VR; it decides which delimiters reset code extensions (PS3.5
            6.1.2.5.3): backslash for multi-valued VRs, also "^" and "=" for PN.

        Returns
        -------
        str
            The text; undecodable bytes become U+FFFD unless the charset is strict.

        Raises
        ------
        CharsetError
            Only when strict: undecodable bytes, undeclared escape sequences, or characters
            beyond the default repertoire in a VR that (0008,0005) does not extend.
        """
        if self.strict and vr not in _EXTENSIBLE_VRS and not raw.isascii():
            bad = next(i for i, b in enumerate(raw) if b >= 0x80)
            raise CharsetError(f"VR {vr} allows only the default repertoire (PS3.5 Table 6.2-1)",
                               terms=self.terms, vr=vr, position=bad)
        codec = self._codec
        if codec is not None:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                if self.strict:
                    raise CharsetError(f"cannot decode {raw[exc.start:exc.end]!r} as {codec}",
                                       terms=self.terms, vr=vr, position=exc.start) from None
                return raw.decode(codec, "replace")
        if raw.isascii() and _ESC not in raw:
            return raw.decode("ascii")
        try:
            return self._decode_extended(raw, vr)
        except UnicodeDecodeError as exc:
            raise CharsetError(f"cannot decode {exc.object[exc.start:exc.end]!r} "
                               f"({exc.reason})", terms=self.terms, vr=vr) from None

    def _decode_extended(self, raw: bytes, vr: str) -> str:
        """ISO/IEC 2022 decoding with the DICOM resets (PS3.5 6.1.2.5)."""
        delimiters = _DELIMITER_BYTES.get(vr, b"")
        errors = self._errors
        init0, init1 = self._g0, self._g1
        g0, g1 = init0, init1
        out: list[str] = []
        pos = 0
        for tok in _TOKENS.findall(raw):
            first = tok[0]
            if first == _ESC:
                el = self._designations.get(tok)
                if el is None:
                    if self.strict:
                        raise CharsetError(f"escape sequence {tok!r} designates no set of the "
                                           "Specific Character Set", terms=self.terms, vr=vr,
                                           position=pos)
                    el = _KNOWN_ESCAPES.get(tok)
                if el is None:
                    out.append("\ufffd")
                elif el.g1:
                    g1 = el
                else:
                    g0 = el
            elif first < 0x20:
                out.append(chr(first))
                if first in _RESET_CONTROLS:
                    g0, g1 = init0, init1
            elif first < 0x80:
                if g0.multi_byte:
                    out.append(g0.decode(tok, errors))
                else:
                    out.append(tok.decode("ascii"))
                    if delimiters and any(d in tok for d in delimiters):
                        g0, g1 = init0, init1
            elif g1 is None:
                if self.strict:
                    raise CharsetError(f"bytes {tok!r} in GR, but no G1 set is designated",
                                       terms=self.terms, vr=vr, position=pos)
                out.append("\ufffd" * len(tok))
            else:
                out.append(g1.decode(tok, errors))
            pos += len(tok)
        return "".join(out)

    # ------------------------------------------------------------------ encoding

    def encode(self, text: str, vr: str) -> bytes:
        """The bytes of a character string value (PS3.5 6.1, 6.1.2.5; Annexes H, I, K).

        Without code extensions the value is encoded in the one set.  With code extensions
        each character is encoded in the first declared set that has it (Value 1 first), with
        the escape sequence designating that set when it is not designated already; before
        every delimiter of the VR (see :meth:`decode`), CR, LF, FF and TAB, and at the end of
        the value, the initial sets are designated again when they were replaced (a G1
        replaced while Value 1 has no G1 is left, as PS3.5 Annexes I and K show).

        Raises
        ------
        CharsetError
            When a character is in none of the declared sets (or is ESC).
        """
        codec = self._codec
        if codec is not None:
            try:
                return text.encode(codec)
            except UnicodeEncodeError as exc:
                raise CharsetError(f"{text[exc.start]!r} (U+{ord(text[exc.start]):04X}) cannot "
                                   f"be encoded in {codec}", terms=self.terms, vr=vr,
                                   position=exc.start) from None
        if text.isascii() and self._g0.kind == "ascii" and "\x1b" not in text:
            return text.encode("ascii")
        return self._encode_extended(text, vr)

    def _encode_extended(self, text: str, vr: str) -> bytes:
        resets = _DELIMITERS.get(vr, "") + _RESET_CONTROL_CHARS
        init0, init1 = self._g0, self._g1
        g0, g1 = init0, init1
        elements = self._elements
        out = bytearray()
        for i, ch in enumerate(text):
            if ch in resets:
                if g0 is not init0:
                    out += init0.escape
                if init1 is not None and g1 is not init1:
                    out += init1.escape
                g0, g1 = init0, init1
                out.append(ord(ch))
                continue
            if ch < " ":
                if ch == "\x1b":
                    raise CharsetError("ESC in text: escape sequences are the encoder's",
                                       terms=self.terms, vr=vr, position=i)
                out.append(ord(ch))
                continue
            for el in elements:
                b = el.encode(ch)
                if b is not None:
                    break
            else:
                raise CharsetError(f"{ch!r} (U+{ord(ch):04X}) is in none of the declared "
                                   "character sets", terms=self.terms, vr=vr, position=i)
            if el.g1:
                if g0 is not init0 and g0.multi_byte:
                    # GR bytes would be valid ISO 2022 here, but readers that decode each run
                    # after an escape with that escape's codec (pydicom, iconv-based ones)
                    # break on them: return G0 to its initial set first, as at a delimiter
                    out += init0.escape
                    g0 = init0
                if g1 is not el:
                    out += el.escape
                    g1 = el
            elif g0 is not el:
                out += el.escape
                g0 = el
            out += b
        if g0 is not init0:
            out += init0.escape
        if init1 is not None and g1 is not init1:
            out += init1.escape
        return bytes(out)


#: The default repertoire, ISO-IR 6 (PS3.5 6.1.2.1): (0008,0005) absent or empty.
DEFAULT: Final[Charset] = Charset.from_value(None)
