"""dcmtk's data dictionaries (``dicom.dic``, ``private.dic``): a second rank source for PS3.6.

No PS3.6 Table 6-1 newer than 2015b can be brought here, but Debian's dcmtk ships
``dicom.dic``, which OFFIS generates from PS3.6 and PS3.7 (2022b in libdcmtk17), and
``private.dic``, vendors' private attributes.  Both are declared in ``standard/sources.json``
(``registries``, with an environment variable that overrides the path).

The format (the files' header comments; dcmtk ``dcmdata/libsrc/dcdict.cc``):

- one entry a line, tab-separated fields ``Tag VR Name VM Version``; VM and Version may be left
  out (VM ``1``, Version ``DICOM``, as dcmtk does); blank lines and lines whose first non-space
  character is ``#`` are ignored; white space around fields is not significant and dcmtk
  removes every white space character from the Name, the VR, the VM and the Version;
- Tag ``(gggg,eeee)`` in hexadecimal; a range ``(gggg-gggg,eeee)`` stands for the even numbers
  in it, ``gggg-o-gggg`` for the odd ones, ``gggg-u-gggg`` for both, and the element may be a
  range too (``(0020,3100-31FF)``, even elements unless ``-o-``/``-u-``);
- a private tag names its creator, ``(gggg,"CREATOR",ee)``: element ``xxee`` of whichever block
  ``xx`` the creator reserved, or ``(gggg,"CREATOR",eeee)`` with ``eeee`` of 1000 or more: that
  element only;
- VRs are the standard's, or dcmtk's internal ones: ``xs`` (US or SS), ``ox`` and ``px`` (OB or
  OW), ``lt`` (US, SS or OW: LUT data), ``up`` (UL holding a file offset), ``na`` (no VR: items
  and delimiters);
- ``dicom.dic`` writes retired elements with the keyword prefix ``RETIRED_`` and Version
  ``DICOM/retired``, DICONDE and DICOS elements with Version ``DICOM/DICONDE`` and
  ``DICOM/DICOS``; ``PRIVATE``, ``ILLEGAL`` and ``GENERIC`` entries (private group lengths and
  creators, group lengths) restate rules of PS3.5 7.2 and 7.8 that the runtime applies itself
  and are not taken; the command elements of group 0000 are PS3.7's, which
  ``dicomkit.generated.commands`` has from the NEMA edition declared for PS3.7, and are not
  taken either;
- entries may override earlier ones (a later line for the same tag wins);
- the header comment names the edition: ``Generated automatically from DICOM PS 3.6-2022b``.

Precedence (:func:`second_rank_elements`): the ``.dic`` is used only when its edition is newer
than the edition Table 6-1 comes from; NEMA's tables then win for every tag they have, exact
or matched by one of their repeating-group masks, and for every mask they have; everything else
comes from the ``.dic``, marked with its source key.  The ``.dic`` gives keywords, not names:
the name of each such element is derived from its keyword by :func:`name_from_keyword` (and
marked so), which reproduces 92% of the names of the 2015b Table 6-1 from their keywords; the
rest differ in punctuation (``Patient's``, ``Echo Number(s)``, ``In-plane``), never in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, SourceError
from dicomkit.codegen.model.dictionary import EXACT_MASK, DataElement, PrivateElement
from dicomkit.codegen.standard import RegistrySource, Standard, edition_key

#: The registry key of dcmtk's private dictionary in ``standard/sources.json``.
PRIVATE_REGISTRY = "dcmtk-private"

#: dcmtk's internal VRs (dcmtk ``dcvr.h``) as the standard writes the VRs they stand for.
DCMTK_VRS = {"xs": "US or SS", "ox": "OB or OW", "px": "OB or OW", "lt": "US or SS or OW",
             "up": "UL", "na": ""}
#: Versions of ``dicom.dic`` entries that are taken, and the usage (PS3.6 6) they mean.
PUBLIC_VERSIONS = {"DICOM": "", "DICOM/retired": "", "DICOM/DICONDE": "DICONDE",
                   "DICOM/DICOS": "DICOS"}
#: Versions of entries that restate PS3.5 rules (group lengths, private creators): not taken.
RULE_VERSIONS = frozenset({"PRIVATE", "ILLEGAL", "GENERIC"})
RETIRED_PREFIX = "RETIRED_"
RETIRED_VERSION = "DICOM/retired"

_EDITION = re.compile(r"Generated automatically from DICOM PS ?3\.6-(\d{4}[a-z]?)\b")
_PART = r"([0-9A-Fa-f]{4})(?:-(?:([oOeEuU])-)?([0-9A-Fa-f]{4}))?"
_TAG = re.compile(rf'^\(\s*{_PART}\s*,\s*(?:"([^"]*)"\s*,\s*)?([0-9A-Fa-f]{{2}}|[0-9A-Fa-f]{{4}})'
                  r'(?:-(?:([oOeEuU])-)?([0-9A-Fa-f]{4}))?\s*\)$')
_STANDARD_VR = re.compile(r"^[A-Z]{2}$")
_VM_ONE = r"\d+(?:-\d*n|-\d+)?"
_VM = re.compile(rf"^{_VM_ONE}(?: or {_VM_ONE})*$")
_WS = re.compile(r"\s+")


class DicError(SourceError):
    """A line of a ``.dic`` file that is not an entry of the format; names file and line."""

    def __init__(self, path: object, line: int, message: str) -> None:
        self.line = line
        super().__init__(path, f"line {line}: {message}")


@dataclass(frozen=True)
class DicEntry:
    """One entry line of a ``.dic`` file, as written (ranges not yet resolved).

    ``group_parity``/``element_parity`` are ``""`` for a single number, else ``"e"``, ``"o"``
    or ``"u"`` (even, odd, unrestricted; a range without one is even).  ``element`` of a
    private entry is the offset ``ee`` or the full element ``eeee``.  ``name`` is the Name
    field without white space; ``vr`` the VR field as written (``xs`` stays ``xs``).
    """

    line: int
    group: int
    group_hi: int
    group_parity: str
    element: int
    element_hi: int
    element_parity: str
    creator: str | None
    vr: str
    name: str
    vm: str
    version: str


def parse_dic(data: bytes, source: object) -> list[DicEntry]:
    """Every entry line of a ``.dic`` file, in file order.

    Raises
    ------
    DicError
        When the file is not UTF-8, or a line has too few or too many fields, a bad tag, VR, VM
        or name.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = data[:exc.start].count(b"\n") + 1
        raise DicError(source, at, f"not UTF-8 text ({exc.reason})") from None
    out = []
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        stripped = line.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        fields = line.split("\t")
        if not 3 <= len(fields) <= 5:
            raise DicError(source, n, f"{len(fields)} tab-separated field(s), expected Tag, VR, "
                                      "Name and optionally VM and Version")
        m = _TAG.match(fields[0].strip())
        if not m:
            raise DicError(source, n, f"tag {fields[0].strip()!r} is not (gggg,eeee), "
                                      '(gggg-gggg,eeee) or (gggg,"CREATOR",ee)')
        g, gp, g2, creator, e, ep, e2 = m.groups()
        group, element = int(g, 16), int(e, 16)
        group_hi, element_hi = int(g2 or g, 16), int(e2 or e, 16)
        if group_hi < group or element_hi < element:
            raise DicError(source, n, f"range {fields[0].strip()} ends before it starts")
        if creator is None and len(e) != 4:
            raise DicError(source, n, f"element of {fields[0].strip()} needs four hex digits")
        vr = _WS.sub("", fields[1])
        if not (_STANDARD_VR.match(vr) or vr in DCMTK_VRS):
            raise DicError(source, n, f"VR {fields[1]!r} is neither a VR of the standard nor "
                                      f"one of dcmtk's ({', '.join(sorted(DCMTK_VRS))})")
        name = _WS.sub("", fields[2])
        if not name:
            raise DicError(source, n, "empty name")
        vm = _WS.sub("", fields[3]) if len(fields) > 3 else "1"
        if not _VM.match(vm):
            raise DicError(source, n, f"VM {fields[3]!r} is not a value multiplicity")
        version = _WS.sub("", fields[4]) if len(fields) > 4 else "DICOM"
        out.append(DicEntry(line=n, group=group, group_hi=group_hi,
                            group_parity=(gp or "e").lower() if g2 else "",
                            element=element, element_hi=element_hi,
                            element_parity=(ep or "e").lower() if e2 else "",
                            creator=creator, vr=vr, name=name, vm=vm, version=version))
    return out


def read_edition(data: bytes, source: object) -> str:
    """The PS3.6 edition a ``dicom.dic`` says it was generated from (its header comment).

    Raises
    ------
    DicError
        When no comment line says "Generated automatically from DICOM PS 3.6-<edition>".
    """
    for line in data.decode("utf-8", "replace").split("\n"):
        if line.lstrip().startswith("#"):
            m = _EDITION.search(line)
            if m:
                return m.group(1)
        elif line.strip():
            break  # the header comment is over
    raise DicError(source, 1, "the header comment does not say which edition the dictionary "
                              "was generated from ('Generated automatically from DICOM "
                              "PS 3.6-<edition>')")


# ----------------------------------------------------------------------------- names

#: Words a name writes in lower case (but first): "Number of Frames", "Patient's Age in Days".
SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is",
                         "of", "on", "or", "per", "than", "the", "to", "vs", "with"})
#: Word pairs a keyword runs together that a name writes as one word.
JOINED = {("X", "Ray"): "X-Ray", ("CIE", "Lab"): "CIELab", ("Three", "D"): "3D",
          ("Two", "D"): "2D"}
_WORD = re.compile(r"DateTime|\d+[A-Z](?![a-z])|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_ALNUM = re.compile(r"[A-Za-z0-9]+")


def _words(run: str, first: bool) -> str:
    out: list[str] = []
    for w in _WORD.findall(run):
        if out and (out[-1], w) in JOINED:
            out[-1] = JOINED[out[-1], w]
            continue
        if out and w.isdigit() and len(out[-1]) == 1 and out[-1].isupper():
            out[-1] += w  # "X0", "Y1"
            continue
        if (out or not first) and w.lower() in SMALL_WORDS and w[:1].isupper() \
                and w[1:].islower():
            w = w.lower()
        out.append(w)
    return " ".join(out)


def name_from_keyword(keyword: str) -> str:
    """A name for a keyword, as PS3.6 would write it: the rule for registries without names.

    The keyword is cut into words where the case changes (``StationAETitle`` -> ``Station AE
    Title``; an upper case run before a capitalised word is an acronym), keeping ``DateTime``
    whole, digits with the letter they qualify (``3D``, ``X0``) and the pairs of
    :data:`JOINED`; the words of :data:`SMALL_WORDS` are written in lower case but first; a
    final ``Trial`` becomes `` (Trial)``.  Characters other than letters and digits stay where
    they are (``X-RayTube`` -> ``X-Ray Tube``).  On the 2015b Table 6-1 this gives the
    standard's name for 92% of the keywords; the others differ only in punctuation and case
    (``Patient's Name``, ``Echo Number(s)``, ``Pseudo-Color``).
    """
    trial = len(keyword) > 6 and keyword.endswith("Trial") and keyword[-6].islower()
    if trial:
        keyword = keyword[:-5]
    parts: list[str] = []
    pos = 0
    for m in _ALNUM.finditer(keyword):
        parts.append(keyword[pos:m.start()])
        parts.append(_words(m.group(), first=pos == 0))
        pos = m.end()
    parts.append(keyword[pos:])
    name = "".join(parts)
    return f"{name} (Trial)" if trial else name


# --------------------------------------------------------------------- public entries

def _mask(lo: int, hi: int) -> int | None:
    """The 16-bit mask of a range whose low digits run from all 0 to all F, else None."""
    if lo == hi:
        return 0xFFFF
    for digits in (1, 2, 3, 4):
        low = (1 << (4 * digits)) - 1
        if lo & low == 0 and hi == lo | low:
            return 0xFFFF ^ low
    return None


def _tag_text(value: int, mask: int) -> str:
    digits = [("x" if (mask >> s) & 0xF == 0 else f"{(value >> s) & 0xF:X}")
              for s in range(28, -4, -4)]
    return f"({''.join(digits[:4])},{''.join(digits[4:])})"


@dataclass(frozen=True)
class _Candidate:
    """A public ``.dic`` entry resolved to value and mask (what it would add)."""

    entry: DicEntry
    value: int
    mask: int
    problem: str  # why it cannot be used as a mask, "" when it can


def _public_candidates(entries: Iterable[DicEntry], source: object) -> list[_Candidate]:
    """The public entries worth taking (rules, group 0000 left out), later lines winning."""
    chosen: dict[tuple[int, int, int, int], _Candidate] = {}
    for e in entries:
        if e.version in RULE_VERSIONS:
            continue
        if e.version not in PUBLIC_VERSIONS:
            raise DicError(source, e.line, f"version {e.version!r} is none of "
                                           f"{sorted(set(PUBLIC_VERSIONS) | RULE_VERSIONS)}")
        if e.creator is not None:
            raise DicError(source, e.line, "a private creator in a public dictionary entry")
        if e.group_hi == 0:
            continue  # PS3.7 command elements: dicomkit.generated.commands has them from NEMA
        if e.group & 1:
            raise DicError(source, e.line, f"group {e.group:04X} is private (odd); a public "
                                           "entry must be in an even group")
        gmask, emask = _mask(e.group, e.group_hi), _mask(e.element, e.element_hi)
        problem = ""
        if gmask is None or emask is None:
            problem = "its range does not run over whole hex digits (as 60xx or 31xx do)"
        elif e.group_parity not in ("", "e"):
            problem = f"a group range of {'odd' if e.group_parity == 'o' else 'all'} groups"
        elif e.element_parity in ("e", "o"):
            problem = (f"an element range of {'even' if e.element_parity == 'e' else 'odd'} "
                       "elements only cannot be written as a mask")
        value = (e.group << 16) | e.element
        mask = ((gmask or 0xFFFF) << 16) | (emask or 0xFFFF)
        chosen[(e.group, e.group_hi, e.element, e.element_hi)] = _Candidate(e, value, mask,
                                                                             problem)
    return list(chosen.values())


def _element_of(c: _Candidate, source: object, key: str) -> DataElement:
    e = c.entry
    if c.problem:
        raise DicError(source, e.line, f"{_tag_text(c.value, c.mask)} is not in NEMA's tables "
                                       f"and cannot be taken: {c.problem}")
    keyword = e.name
    prefixed = keyword.startswith(RETIRED_PREFIX)
    if prefixed != (e.version == RETIRED_VERSION):
        raise DicError(source, e.line, f"{keyword} with version {e.version}: a retired entry "
                                       f"has both the prefix {RETIRED_PREFIX} and version "
                                       f"{RETIRED_VERSION}")
    if prefixed:
        keyword = keyword[len(RETIRED_PREFIX):]
    if not keyword.isidentifier():
        raise DicError(source, e.line, f"keyword {keyword!r} is not an identifier")
    return DataElement(tag=c.value, mask=c.mask, tag_text=_tag_text(c.value, c.mask),
                       name=name_from_keyword(keyword), keyword=keyword,
                       vr=DCMTK_VRS.get(e.vr, e.vr), vm=e.vm, retired=prefixed,
                       retired_since="", usage=PUBLIC_VERSIONS[e.version], note="",
                       table="6-1", source=key, name_derived=True)


def _covered(c: _Candidate, exact: set[int], masks: set[tuple[int, int]],
             repeaters: list[tuple[int, int]]) -> bool:
    """True when NEMA's tables have the candidate's tag or mask, or a mask covering it."""
    if c.mask == EXACT_MASK:
        return c.value in exact or any(c.value & m == v for m, v in repeaters)
    if (c.value, c.mask) in masks:
        return True
    return any(c.mask & m == m and c.value & m == v for m, v in repeaters)


def merge_public(nema: list[DataElement], entries: list[DicEntry], source: object,
                 key: str) -> list[DataElement]:
    """The ``.dic`` elements that NEMA's tables lack (see the module docstring), by tag.

    Raises
    ------
    DicError
        When an entry that would be taken is not valid or cannot be written as a mask.
    CodegenError
        When a taken keyword is also NEMA's keyword of another tag, or taken twice.
    """
    exact = {e.tag for e in nema if not e.repeating}
    masks = {(e.tag, e.mask) for e in nema if e.repeating}
    repeaters = [(e.mask, e.tag) for e in nema if e.repeating]
    keywords = {e.keyword: e.tag_text for e in nema if e.keyword}
    out = []
    for c in _public_candidates(entries, source):
        if _covered(c, exact, masks, repeaters):
            continue
        el = _element_of(c, source, key)
        other = keywords.get(el.keyword)
        if other is not None:
            raise CodegenError(f"{source}: line {c.entry.line}: keyword {el.keyword} of "
                               f"{el.tag_text} is also the keyword of {other}")
        keywords[el.keyword] = el.tag_text
        out.append(el)
    return sorted(out, key=lambda e: (e.tag, e.mask))


def second_rank_elements(std: Standard, nema: list[DataElement]) -> list[DataElement]:
    """The elements the second rank registries of Table 6-1 add to NEMA's ``nema``.

    A registry is read only when its declared edition is newer than the edition Table 6-1
    comes from (so a complete newer NEMA edition replaces it wholly); the file must then say
    the same edition in its header comment.

    Raises
    ------
    MissingRegistryError
        When a registry that should be read is not there (the module is left as it was).
    DicError, CodegenError
        When it names another edition or has a bad line (see :func:`merge_public`).
    """
    table_edition = std.source_of(6, "6-1").edition
    out: list[DataElement] = []
    for reg in std.second_rank(6, "6-1"):
        if not _newer(reg, table_edition):
            continue
        path, data = std.registry_file(reg.key, f"data elements not in Table 6-1 "
                                                f"{table_edition}")
        said = read_edition(data, path)
        if said != reg.edition:
            raise CodegenError(
                f"{path}: says it was generated from PS3.6 {said}, standard/sources.json "
                f"declares registries.{reg.key}.edition {reg.edition}; set the edition there "
                "to what the file says (and regenerate)")
        taken = merge_public([*nema, *out], parse_dic(data, path), path, reg.key)
        out.extend(taken)
    return sorted(out, key=lambda e: (e.tag, e.mask))


def _newer(reg: RegistrySource, edition: str) -> bool:
    if not reg.edition:
        raise CodegenError(f"standard/sources.json: registries.{reg.key} is second rank for "
                           f"{reg.second_rank_for} but declares no edition")
    return edition_key(reg.edition) > edition_key(edition)


# -------------------------------------------------------------------- private entries

def private_elements(entries: Iterable[DicEntry], source: object) -> list[PrivateElement]:
    """The private entries of a ``.dic`` (each with its creator), later lines winning; sorted
    by creator, group and element.

    Raises
    ------
    DicError
        When an entry has no creator, a group that is not private (odd, not FFFF; PS3.5 7.8.1
        also excludes 0001-0007, which vendors' dictionaries use all the same), an element that
        is neither an offset 00-FF nor 1000-FFFF, or an element range.
    """
    chosen: dict[tuple[str, int, int, int], PrivateElement] = {}
    for e in entries:
        if e.creator is None:
            raise DicError(source, e.line, "no private creator: a private dictionary entry is "
                                           '(gggg,"CREATOR",ee)')
        if e.element_parity:
            raise DicError(source, e.line, "an element range in a private entry")
        if e.group_parity:
            # odd groups only, whatever the restriction: even groups are not private
            gmask = _mask(e.group & 0xFFFE, e.group_hi) if e.group_parity != "e" else None
            if gmask is None:
                raise DicError(source, e.line, f"group range {e.group:04X}-{e.group_hi:04X} "
                                               "is not a range of odd groups over whole hex "
                                               "digits (like 6001-o-60FF)")
        else:
            gmask = 0xFFFF
        # PS3.5 7.8.1 leaves groups 0001-0007 out of the private ones, but vendors' dictionaries
        # list elements of 0003 and 0005 (SIEMENS ISI, AEGIS), which dcmtk accepts too
        if not (e.group_parity or e.group & 1) or (e.group_hi | 1) == 0xFFFF:
            raise DicError(source, e.line, f"group {e.group:04X} is not a private group "
                                           "(odd, below FFFF; PS3.5 7.8.1)")
        if 0xFF < e.element < 0x1000:
            raise DicError(source, e.line, f"element {e.element:04X} is neither an offset "
                                           "00-FF in a block nor an element 1000-FFFF")
        el = PrivateElement(creator=e.creator, group=e.group & gmask, group_mask=gmask,
                            element=e.element, vr=DCMTK_VRS.get(e.vr, e.vr), vm=e.vm,
                            name=name_from_keyword(e.name), keyword=e.name, line=e.line)
        chosen[(e.creator, el.group, gmask, e.element)] = el
    return sorted(chosen.values(), key=lambda p: (p.creator, p.group, p.group_mask, p.element))


def read_private_elements(std: Standard) -> tuple[Path, list[PrivateElement]]:
    """The private dictionary declared as :data:`PRIVATE_REGISTRY`: its path and elements."""
    path, data = std.registry_file(PRIVATE_REGISTRY, "private data elements")
    return path, private_elements(parse_dic(data, path), path)


def _build_private_dictionary(std: Standard) -> dict[str, Any]:
    _, elements = read_private_elements(std)
    repeaters: dict[str, list[PrivateElement]] = {}
    exact: dict[str, list[PrivateElement]] = {}
    for p in elements:
        exact.setdefault(p.creator, [])
        if p.repeating:
            repeaters.setdefault(p.creator, []).append(p)
        else:
            exact[p.creator].append(p)
    return {
        "exact": sorted(exact.items()),
        "repeaters": sorted(repeaters.items()),
    }


MODULES = [
    ModuleSpec("private_dictionary", _build_private_dictionary,
               {"private_dictionary.py": "private_dictionary.py.j2",
                "private_dictionary.pyi": "private_dictionary.pyi.j2"},
               "private data elements of vendors by private creator (dcmtk private.dic)",
               reads=()),
]
