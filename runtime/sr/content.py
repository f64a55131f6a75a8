"""The SR content tree: content items, their values and relationships (PS3.3 C.17.3, C.18).

An SR document is a tree of content items (PS3.3 C.17.3): the root is the document's own top-level
attributes (a CONTAINER), each child an item of a Content Sequence naming its relationship with
its parent.  :class:`ContentItem` is one node; its ``value`` is typed by value type.  Items read
from a data set keep it in ``dataset``; :meth:`ContentItem.to_item` writes an item back.

By-reference relationships (PS3.3 C.17.3.2.5) are items with a Referenced Content Item Identifier
instead of a value: ``reference`` holds the path of the target (``(1, 3, 2)``), and
:meth:`ContentItem.target` finds it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence as DicomSequence
from dicomkit.sr.code import Code, keyword_tag
from dicomkit.sr.errors import SRError

#: The value types of PS3.3 Table C.17-5 (and TABLE, added by the 2024 editions).
VALUE_TYPES = frozenset({"TEXT", "CODE", "NUM", "DATE", "TIME", "DATETIME", "PNAME", "UIDREF",
                         "COMPOSITE", "IMAGE", "WAVEFORM", "SCOORD", "SCOORD3D", "TCOORD",
                         "CONTAINER", "TABLE"})

_RELATIONSHIP = keyword_tag("RelationshipType")
_VALUE_TYPE = keyword_tag("ValueType")
_CONCEPT_NAME = keyword_tag("ConceptNameCodeSequence")
_CONCEPT_CODE = keyword_tag("ConceptCodeSequence")
_CONTENT = keyword_tag("ContentSequence")
_REF_ITEM = keyword_tag("ReferencedContentItemIdentifier")
_TEXT = keyword_tag("TextValue")
_DATE = keyword_tag("Date")
_TIME = keyword_tag("Time")
_DATETIME = keyword_tag("DateTime")
_PNAME = keyword_tag("PersonName")
_UID = keyword_tag("UID")
_MEASURED = keyword_tag("MeasuredValueSequence")
_NUMERIC = keyword_tag("NumericValue")
_FLOAT = keyword_tag("FloatingPointValue")
_UNITS = keyword_tag("MeasurementUnitsCodeSequence")
_QUALIFIER = keyword_tag("NumericValueQualifierCodeSequence")
_REF_SOP = keyword_tag("ReferencedSOPSequence")
_REF_CLASS = keyword_tag("ReferencedSOPClassUID")
_REF_INSTANCE = keyword_tag("ReferencedSOPInstanceUID")
_REF_FRAMES = keyword_tag("ReferencedFrameNumber")
_REF_SEGMENTS = keyword_tag("ReferencedSegmentNumber")
_REF_CHANNELS = keyword_tag("ReferencedWaveformChannels")
_GRAPHIC_DATA = keyword_tag("GraphicData")
_GRAPHIC_TYPE = keyword_tag("GraphicType")
_PIXEL_ORIGIN = keyword_tag("PixelOriginInterpretation")
_FRAME_OF_REF = keyword_tag("ReferencedFrameOfReferenceUID")
_RANGE_TYPE = keyword_tag("TemporalRangeType")
_SAMPLES = keyword_tag("ReferencedSamplePositions")
_OFFSETS = keyword_tag("ReferencedTimeOffsets")
_DATETIMES = keyword_tag("ReferencedDateTime")
_CONTINUITY = keyword_tag("ContinuityOfContent")
_TEMPLATE_SEQ = keyword_tag("ContentTemplateSequence")
_MAPPING = keyword_tag("MappingResource")
_TEMPLATE_ID = keyword_tag("TemplateIdentifier")
_OBS_DATETIME = keyword_tag("ObservationDateTime")
_OBS_UID = keyword_tag("ObservationUID")

#: Mapping Resource of the templates of PS3.16 (PS3.3 C.18.8.1.2: "DCMR").
DCMR = "DCMR"


def _el(spec: tuple[int, str], value: Any) -> DataElement:
    return DataElement(spec[0], spec[1], value)


def _values(el: DataElement | None) -> list[Any]:
    """A possibly multi-valued element's values as a list ([] when absent or empty)."""
    if el is None:
        return []
    v = el.value
    if v is None or v == "":
        return []
    if isinstance(v, (list, tuple)):
        return list(v)
    return [v]


def _text(el: DataElement | None) -> str:
    if el is None or el.value is None:
        return ""
    return str(el.value)


def _first_item(el: DataElement | None) -> Dataset | None:
    if el is None:
        return None
    seq = el.value
    return seq[0] if seq else None


@dataclass(eq=True)
class NumValue:
    """The value of a NUM content item (PS3.3 C.18.1 Numeric Measurement Macro).

    ``value`` is the Numeric Value (DS) as a Decimal; ``float_value`` the optional Floating Point
    Value (FD) for full precision; ``qualifier`` the Numeric Value Qualifier (e.g. "Not a number").
    """

    value: Decimal
    units: Code
    qualifier: Code | None = None
    float_value: float | None = None

    def __str__(self) -> str:
        return f"{self.value} {self.units.value}"


@dataclass(eq=True)
class Reference:
    """A reference to a composite instance: COMPOSITE, IMAGE or WAVEFORM (PS3.3 C.18.3-C.18.5).

    ``frames`` and ``segments`` narrow an IMAGE reference; ``channels`` are the (multiplex group,
    channel) pairs of a WAVEFORM reference; ``presentation_state`` the (SOP Class, SOP Instance)
    of a softcopy presentation state referenced with an image.
    """

    sop_class_uid: str
    sop_instance_uid: str
    frames: tuple[int, ...] = ()
    segments: tuple[int, ...] = ()
    channels: tuple[tuple[int, int], ...] = ()
    presentation_state: tuple[str, str] | None = None

    def __str__(self) -> str:
        s = f"{self.sop_class_uid} {self.sop_instance_uid}"
        if self.frames:
            s += f" frames {list(self.frames)}"
        if self.segments:
            s += f" segments {list(self.segments)}"
        return s


@dataclass(eq=True)
class SpatialCoordinates:
    """A SCOORD value (PS3.3 C.18.6): column/row pairs in an image, as ``data`` (x1, y1, x2 ...)."""

    graphic_type: str
    data: tuple[float, ...]
    pixel_origin: str = ""

    def __str__(self) -> str:
        return f"{self.graphic_type} {list(self.data)}"


@dataclass(eq=True)
class SpatialCoordinates3D:
    """A SCOORD3D value (PS3.3 C.18.9): (x, y, z) triplets in a frame of reference, in mm."""

    graphic_type: str
    data: tuple[float, ...]
    frame_of_reference_uid: str

    def __str__(self) -> str:
        return f"{self.graphic_type} {list(self.data)} in {self.frame_of_reference_uid}"


@dataclass(eq=True)
class TemporalCoordinates:
    """A TCOORD value (PS3.3 C.18.7): sample positions, time offsets (s) or datetimes."""

    range_type: str
    sample_positions: tuple[int, ...] = ()
    time_offsets: tuple[Decimal, ...] = ()
    datetimes: tuple[str, ...] = ()

    def __str__(self) -> str:
        points: Sequence[Any] = self.sample_positions or self.time_offsets or self.datetimes
        return f"{self.range_type} {[str(p) for p in points]}"


class ContentItem:
    """One content item of an SR tree (PS3.3 C.17.3).

    Parameters
    ----------
    value_type
        ``"TEXT"``, ``"CODE"``, ``"NUM"``, ... (PS3.3 Table C.17-5); ``""`` for a by-reference item.
    relationship
        Relationship with the parent (``"CONTAINS"``, ``"HAS OBS CONTEXT"`` ...); ``""`` for the root.
    concept
        The Concept Name (may be None for some items, e.g. unnamed IMAGE references).
    value
        The typed value (see the value classes of this module; TEXT, DATE, TIME, DATETIME, PNAME and
        UIDREF hold strings, CODE a :class:`Code`, TABLE the item's data set).
    reference
        For a by-reference item: the path of the target item (PS3.3 C.17.3.2.5).
    """

    __slots__ = ("value_type", "relationship", "concept", "value", "children", "reference",
                 "continuity", "template", "observation_datetime", "observation_uid", "dataset",
                 "parent")

    def __init__(self, value_type: str, relationship: str = "", concept: Code | None = None,
                 value: Any = None, *, children: Sequence[ContentItem] = (),
                 reference: Sequence[int] | None = None, continuity: str = "", template: str = "",
                 observation_datetime: str = "", observation_uid: str = "") -> None:
        if value_type and value_type not in VALUE_TYPES:
            raise SRError(f"{value_type!r} is not an SR value type (PS3.3 Table C.17-5)")
        self.value_type = value_type
        self.relationship = relationship
        self.concept = concept
        self.value = value
        self.children: list[ContentItem] = []
        self.reference: tuple[int, ...] | None = tuple(reference) if reference is not None else None
        self.continuity = continuity or ("SEPARATE" if value_type == "CONTAINER" else "")
        self.template = template
        self.observation_datetime = observation_datetime
        self.observation_uid = observation_uid
        self.dataset: Dataset | None = None
        self.parent: ContentItem | None = None
        for c in children:
            self.add(c)

    # -- tree -------------------------------------------------------------------------------------
    def add(self, child: ContentItem, relationship: str | None = None) -> ContentItem:
        """Append ``child`` (optionally setting its relationship); return it."""
        if relationship is not None:
            child.relationship = relationship
        child.parent = self
        self.children.append(child)
        return child

    @property
    def path(self) -> tuple[int, ...]:
        """1-based positions from the root; the root is ``(1,)`` (PS3.3 C.17.3.2.5)."""
        out: list[int] = []
        node = self
        while node.parent is not None:
            out.append(_index(node.parent.children, node) + 1)
            node = node.parent
        out.append(1)
        return tuple(reversed(out))

    @property
    def path_text(self) -> str:
        """The path as printed in findings and dumps: ``"1.3.2"``."""
        return ".".join(map(str, self.path))

    @property
    def root(self) -> ContentItem:
        """The root of the tree holding this item."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def walk(self) -> Iterator[ContentItem]:
        """Every item of the subtree, pre-order, this item first."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def find(self, concept: Code, *, recursive: bool = True,
             value_type: str | None = None) -> list[ContentItem]:
        """The items below this one whose concept name is ``concept`` (equality by scheme, value)."""
        nodes = self.walk() if recursive else iter([self, *self.children])
        return [n for n in nodes if n is not self and n.concept == concept
                and (value_type is None or n.value_type == value_type)]

    def at(self, path: str | Sequence[Code]) -> list[ContentItem]:
        """The items reached by a chain of concept names from this item's children.

        ``path`` is a sequence of codes, or a string of code values separated by ``/``, each
        optionally prefixed by its scheme (``"126010/125007"``, ``"DCM:126010/DCM:125007"``).
        """
        keys: list[tuple[str | None, str]] = []
        if isinstance(path, str):
            for part in path.strip("/").split("/"):
                if ":" in part and not part.startswith("urn:"):
                    scheme, _, value = part.partition(":")
                    keys.append((scheme, value))
                else:
                    keys.append((None, part))
        else:
            keys = [(c.scheme, c.value) for c in path]
        level = [self]
        for want_scheme, want_value in keys:
            level = [c for n in level for c in n.children if c.concept is not None
                     and c.concept.value == want_value
                     and (want_scheme is None or c.concept.scheme == want_scheme)]
        return level

    def observation_context(self) -> list[ContentItem]:
        """The observation context that applies to this item (PS3.3 C.17.5).

        The HAS OBS CONTEXT children of this item and of each ancestor, nearest first: an item
        inherits its parents' context, and an item with the same concept name lower in the tree
        replaces the inherited one.  Items are returned as found, not copied.
        """
        out: list[ContentItem] = []
        seen: set[Code] = set()
        node: ContentItem | None = self
        while node is not None:
            own: set[Code] = set()
            for child in node.children:
                if child.relationship == "HAS OBS CONTEXT" and child is not self:
                    if child.concept is not None and child.concept in seen:
                        continue
                    out.append(child)
                    if child.concept is not None:
                        own.add(child.concept)
            seen |= own
            node = node.parent
        return out

    def target(self) -> ContentItem:
        """The item a by-reference item points at (PS3.3 C.17.3.2.5)."""
        if self.reference is None:
            raise SRError("not a by-reference content item", path=self.path_text)
        node = self.root
        if not self.reference or self.reference[0] != 1:
            raise SRError(f"referenced content item {list(self.reference)} does not start at the "
                          "root (1)", path=self.path_text)
        for pos in self.reference[1:]:
            if not 1 <= pos <= len(node.children):
                raise SRError(f"referenced content item {list(self.reference)} does not exist",
                              path=self.path_text)
            node = node.children[pos - 1]
        return node

    def __repr__(self) -> str:
        return (f"ContentItem({self.value_type!r}, {self.relationship!r}, {self.concept!r}, "
                f"{self.value!r}, children={len(self.children)})")

    def __eq__(self, other: object) -> bool:
        """Same value type, relationship, concept, value, attributes and children (not datasets)."""
        if not isinstance(other, ContentItem):
            return NotImplemented
        return (self.value_type == other.value_type and self.relationship == other.relationship
                and self.concept == other.concept
                and (self.concept is None or other.concept is None
                     or self.concept.meaning == other.concept.meaning)
                and _same_value(self.value, other.value)
                and self.reference == other.reference and self.continuity == other.continuity
                and self.template == other.template
                and self.observation_datetime == other.observation_datetime
                and self.observation_uid == other.observation_uid
                and self.children == other.children)

    __hash__ = None  # type: ignore[assignment]

    # -- reading ----------------------------------------------------------------------------------
    @classmethod
    def from_item(cls, item: Dataset, *, root: bool = False) -> ContentItem:
        """The content item (and its subtree) of one Content Sequence item (or of the document)."""
        return _read(item, root, ())

    # -- writing ----------------------------------------------------------------------------------
    def to_item(self) -> Dataset:
        """This item and its subtree as a data set (a Content Sequence item, PS3.3 C.17.3).

        The root item has no Relationship Type; its attributes go into the document data set.
        """
        return _write(self, ())


def _index(children: list[ContentItem], node: ContentItem) -> int:
    for i, c in enumerate(children):
        if c is node:
            return i
    raise SRError("content item is not among its parent's children")


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, Code) and isinstance(b, Code):
        return a == b and a.meaning == b.meaning
    if isinstance(a, Dataset) and isinstance(b, Dataset):
        return _table_attributes(a) == _table_attributes(b)
    return bool(a == b)


def _table_attributes(item: Dataset) -> dict[int, Any]:
    """The value attributes of a TABLE item: everything but the content item structure."""
    skip = {_RELATIONSHIP[0], _VALUE_TYPE[0], _CONCEPT_NAME[0], _CONTENT[0], _OBS_DATETIME[0],
            _OBS_UID[0]}
    return {e.tag: e.value for e in item.elements() if e.tag not in skip}


def _code(el: DataElement | None, where: tuple[int, ...], what: str) -> Code | None:
    item = _first_item(el)
    if item is None:
        return None
    try:
        return Code.from_item(item)
    except SRError as exc:
        raise SRError(f"{what}: {exc.reason}", path=".".join(map(str, where))) from None


def _decimal(v: Any, where: tuple[int, ...]) -> Decimal:
    text = v.original_string if hasattr(v, "original_string") and v.original_string else str(v)
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise SRError(f"Numeric Value {text!r} is not a decimal string (PS3.5 DS)",
                      path=".".join(map(str, where))) from None


def _read(item: Dataset, root: bool, where: tuple[int, ...]) -> ContentItem:
    el = item  # Dataset.get(int): the element or None
    path = where or (1,)
    node = ContentItem.__new__(ContentItem)
    node.relationship = "" if root else _text(el.get(_RELATIONSHIP[0]))
    node.value_type = _text(el.get(_VALUE_TYPE[0]))
    node.concept = _code(el.get(_CONCEPT_NAME[0]), path, "Concept Name Code Sequence")
    node.value = None
    node.children = []
    node.reference = None
    node.continuity = ""
    node.template = ""
    node.observation_datetime = _text(el.get(_OBS_DATETIME[0]))
    node.observation_uid = _text(el.get(_OBS_UID[0]))
    node.dataset = item
    node.parent = None
    vt = node.value_type
    ref = el.get(_REF_ITEM[0])
    if ref is not None and not vt:
        node.reference = tuple(int(x) for x in _values(ref))
    elif vt == "TEXT":
        node.value = _text(el.get(_TEXT[0]))
    elif vt == "CODE":
        node.value = _code(el.get(_CONCEPT_CODE[0]), path, "Concept Code Sequence")
    elif vt == "NUM":
        mv = _first_item(el.get(_MEASURED[0]))
        if mv is not None:
            m = mv
            nv = m.get(_NUMERIC[0])
            units = _code(m.get(_UNITS[0]), path, "Measurement Units Code Sequence")
            if nv is None or units is None:
                raise SRError("Measured Value Sequence item lacks Numeric Value or Measurement Units "
                              "Code Sequence (PS3.3 C.18.1)", path=".".join(map(str, path)))
            fv = m.get(_FLOAT[0])
            node.value = NumValue(_decimal(nv.value, path), units,
                                  _code(el.get(_QUALIFIER[0]), path, "Numeric Value Qualifier"),
                                  float(fv.value) if fv is not None and fv.value is not None else None)
        else:
            q = _code(el.get(_QUALIFIER[0]), path, "Numeric Value Qualifier")
            node.value = None if q is None else _EmptyNum(q)
    elif vt == "DATE":
        node.value = _text(el.get(_DATE[0]))
    elif vt == "TIME":
        node.value = _text(el.get(_TIME[0]))
    elif vt == "DATETIME":
        node.value = _text(el.get(_DATETIME[0]))
    elif vt == "PNAME":
        node.value = _text(el.get(_PNAME[0]))
    elif vt == "UIDREF":
        node.value = _text(el.get(_UID[0]))
    elif vt in ("COMPOSITE", "IMAGE", "WAVEFORM"):
        node.value = _read_reference(el.get(_REF_SOP[0]), path)
    elif vt == "SCOORD":
        node.value = SpatialCoordinates(_text(el.get(_GRAPHIC_TYPE[0])),
                                        tuple(float(x) for x in _values(el.get(_GRAPHIC_DATA[0]))),
                                        _text(el.get(_PIXEL_ORIGIN[0])))
    elif vt == "SCOORD3D":
        node.value = SpatialCoordinates3D(_text(el.get(_GRAPHIC_TYPE[0])),
                                          tuple(float(x) for x in _values(el.get(_GRAPHIC_DATA[0]))),
                                          _text(el.get(_FRAME_OF_REF[0])))
    elif vt == "TCOORD":
        node.value = TemporalCoordinates(
            _text(el.get(_RANGE_TYPE[0])),
            tuple(int(x) for x in _values(el.get(_SAMPLES[0]))),
            tuple(_decimal(x, path) for x in _values(el.get(_OFFSETS[0]))),
            tuple(str(x) for x in _values(el.get(_DATETIMES[0]))))
    elif vt == "CONTAINER":
        node.continuity = _text(el.get(_CONTINUITY[0]))
        t = _first_item(el.get(_TEMPLATE_SEQ[0]))
        if t is not None:
            node.template = _text(t.get(_TEMPLATE_ID[0]))
    elif vt == "TABLE":
        node.value = item
    elif not vt:
        raise SRError("content item has neither Value Type nor Referenced Content Item Identifier "
                      "(PS3.3 C.17.3)", path=".".join(map(str, path)))
    else:
        raise SRError(f"unknown Value Type {vt!r} (PS3.3 Table C.17-5)", path=".".join(map(str, path)))
    content = el.get(_CONTENT[0])
    if content is not None and content.value:
        children = node.children
        for i, child in enumerate(content.value, start=1):
            c = _read(child, False, path + (i,))
            c.parent = node
            children.append(c)
    return node


class _EmptyNum(NumValue):
    """A NUM item with no Measured Value, only a Numeric Value Qualifier (PS3.3 C.18.1)."""

    def __init__(self, qualifier: Code) -> None:
        super().__init__(Decimal(0), Code("", "", ""), qualifier, None)

    def __str__(self) -> str:
        return f"no value ({self.qualifier})"


def _read_reference(el: DataElement | None, path: tuple[int, ...]) -> Reference:
    ref = _first_item(el)
    if ref is None:
        raise SRError("composite reference without a Referenced SOP Sequence item (PS3.3 C.18.3)",
                      path=".".join(map(str, path)))
    r = ref
    channels = [int(x) for x in _values(r.get(_REF_CHANNELS[0]))]
    ps = _first_item(r.get(_REF_SOP[0]))
    return Reference(
        _text(r.get(_REF_CLASS[0])), _text(r.get(_REF_INSTANCE[0])),
        tuple(int(x) for x in _values(r.get(_REF_FRAMES[0]))),
        tuple(int(x) for x in _values(r.get(_REF_SEGMENTS[0]))),
        tuple(zip(channels[0::2], channels[1::2])),
        (_text(ps.get(_REF_CLASS[0])), _text(ps.get(_REF_INSTANCE[0])))
        if ps is not None else None)


def _seq(spec: tuple[int, str], items: list[Dataset]) -> DataElement:
    return DataElement(spec[0], spec[1], DicomSequence(items))


def _write(node: ContentItem, where: tuple[int, ...]) -> Dataset:
    e: dict[int, DataElement] = {}
    if node.relationship:
        e[_RELATIONSHIP[0]] = _el(_RELATIONSHIP, node.relationship)
    if node.reference is not None:
        e[_REF_ITEM[0]] = _el(_REF_ITEM, list(node.reference))
        return Dataset(e)
    vt = node.value_type
    e[_VALUE_TYPE[0]] = _el(_VALUE_TYPE, vt)
    if node.concept is not None:
        e[_CONCEPT_NAME[0]] = _seq(_CONCEPT_NAME, [node.concept.to_item()])
    if node.observation_datetime:
        e[_OBS_DATETIME[0]] = _el(_OBS_DATETIME, node.observation_datetime)
    if node.observation_uid:
        e[_OBS_UID[0]] = _el(_OBS_UID, node.observation_uid)
    v = node.value
    if vt == "TEXT":
        e[_TEXT[0]] = _el(_TEXT, str(v))
    elif vt == "CODE":
        if not isinstance(v, Code):
            raise SRError(f"CODE item holds {type(v).__name__}, not a Code", path=_where(node, where))
        e[_CONCEPT_CODE[0]] = _seq(_CONCEPT_CODE, [v.to_item()])
    elif vt == "NUM":
        if isinstance(v, _EmptyNum):
            e[_MEASURED[0]] = _seq(_MEASURED, [])
            e[_QUALIFIER[0]] = _seq(_QUALIFIER, [v.qualifier.to_item()])  # type: ignore[union-attr]
        elif v is None:
            e[_MEASURED[0]] = _seq(_MEASURED, [])
        elif isinstance(v, NumValue):
            m: dict[int, DataElement] = {
                _NUMERIC[0]: _el(_NUMERIC, _ds_text(v.value, node, where)),
                _UNITS[0]: _seq(_UNITS, [v.units.to_item()]),
            }
            if v.float_value is not None:
                m[_FLOAT[0]] = _el(_FLOAT, float(v.float_value))
            e[_MEASURED[0]] = _seq(_MEASURED, [Dataset(m)])
            if v.qualifier is not None:
                e[_QUALIFIER[0]] = _seq(_QUALIFIER, [v.qualifier.to_item()])
        else:
            raise SRError(f"NUM item holds {type(v).__name__}, not a NumValue", path=_where(node, where))
    elif vt == "DATE":
        e[_DATE[0]] = _el(_DATE, str(v))
    elif vt == "TIME":
        e[_TIME[0]] = _el(_TIME, str(v))
    elif vt == "DATETIME":
        e[_DATETIME[0]] = _el(_DATETIME, str(v))
    elif vt == "PNAME":
        e[_PNAME[0]] = _el(_PNAME, str(v))
    elif vt == "UIDREF":
        e[_UID[0]] = _el(_UID, str(v))
    elif vt in ("COMPOSITE", "IMAGE", "WAVEFORM"):
        if not isinstance(v, Reference):
            raise SRError(f"{vt} item holds {type(v).__name__}, not a Reference", path=_where(node, where))
        r: dict[int, DataElement] = {_REF_CLASS[0]: _el(_REF_CLASS, v.sop_class_uid),
                                     _REF_INSTANCE[0]: _el(_REF_INSTANCE, v.sop_instance_uid)}
        if v.frames:
            r[_REF_FRAMES[0]] = _el(_REF_FRAMES, list(v.frames))
        if v.segments:
            r[_REF_SEGMENTS[0]] = _el(_REF_SEGMENTS, list(v.segments))
        if v.channels:
            r[_REF_CHANNELS[0]] = _el(_REF_CHANNELS, [x for pair in v.channels for x in pair])
        if v.presentation_state is not None:
            r[_REF_SOP[0]] = _seq(_REF_SOP, [Dataset({
                _REF_CLASS[0]: _el(_REF_CLASS, v.presentation_state[0]),
                _REF_INSTANCE[0]: _el(_REF_INSTANCE, v.presentation_state[1])})])
        e[_REF_SOP[0]] = _seq(_REF_SOP, [Dataset(r)])
    elif vt == "SCOORD":
        if not isinstance(v, SpatialCoordinates):
            raise SRError(f"SCOORD item holds {type(v).__name__}", path=_where(node, where))
        e[_GRAPHIC_DATA[0]] = _el(_GRAPHIC_DATA, [float(x) for x in v.data])
        e[_GRAPHIC_TYPE[0]] = _el(_GRAPHIC_TYPE, v.graphic_type)
        if v.pixel_origin:
            e[_PIXEL_ORIGIN[0]] = _el(_PIXEL_ORIGIN, v.pixel_origin)
    elif vt == "SCOORD3D":
        if not isinstance(v, SpatialCoordinates3D):
            raise SRError(f"SCOORD3D item holds {type(v).__name__}", path=_where(node, where))
        e[_GRAPHIC_DATA[0]] = _el(_GRAPHIC_DATA, [float(x) for x in v.data])
        e[_GRAPHIC_TYPE[0]] = _el(_GRAPHIC_TYPE, v.graphic_type)
        e[_FRAME_OF_REF[0]] = _el(_FRAME_OF_REF, v.frame_of_reference_uid)
    elif vt == "TCOORD":
        if not isinstance(v, TemporalCoordinates):
            raise SRError(f"TCOORD item holds {type(v).__name__}", path=_where(node, where))
        e[_RANGE_TYPE[0]] = _el(_RANGE_TYPE, v.range_type)
        if v.sample_positions:
            e[_SAMPLES[0]] = _el(_SAMPLES, list(v.sample_positions))
        if v.time_offsets:
            e[_OFFSETS[0]] = _el(_OFFSETS, [_ds_text(x, node, where) for x in v.time_offsets])
        if v.datetimes:
            e[_DATETIMES[0]] = _el(_DATETIMES, list(v.datetimes))
    elif vt == "CONTAINER":
        e[_CONTINUITY[0]] = _el(_CONTINUITY, node.continuity or "SEPARATE")
        if node.template:
            e[_TEMPLATE_SEQ[0]] = _seq(_TEMPLATE_SEQ, [Dataset({
                _MAPPING[0]: _el(_MAPPING, DCMR), _TEMPLATE_ID[0]: _el(_TEMPLATE_ID, node.template)})])
    elif vt == "TABLE":
        if isinstance(v, Dataset):
            skip = {_RELATIONSHIP[0], _VALUE_TYPE[0], _CONCEPT_NAME[0], _CONTENT[0]}
            for elem in v.elements():
                if elem.tag not in skip:
                    e[elem.tag] = elem
    if node.children:
        base = where or (1,)
        e[_CONTENT[0]] = _seq(_CONTENT, [_write(c, base + (i,))
                                         for i, c in enumerate(node.children, start=1)])
    return Dataset(e)


def _where(node: ContentItem, where: tuple[int, ...]) -> str:
    return ".".join(map(str, where or (1,)))


def _ds_text(v: Decimal | float | int | str, node: ContentItem, where: tuple[int, ...]) -> str:
    """A number as a DS value: at most 16 characters (PS3.5 Table 6.2-1)."""
    d = v if isinstance(v, Decimal) else Decimal(str(v))
    if not d.is_finite():
        raise SRError(f"{v} cannot be a Numeric Value (DS holds finite numbers; use a Numeric Value "
                      "Qualifier, PS3.3 C.18.1)", path=_where(node, where))
    text = str(d)
    if len(text) > 16:
        text = f"{float(d):.10g}"
        if len(text) > 16:
            text = f"{float(d):.8e}"
    return text


def read_content_tree(ds: Dataset) -> ContentItem:
    """The content tree of an SR document: the root is the document's own top-level attributes."""
    if ds.get(_VALUE_TYPE[0]) is None:
        raise SRError(f"{ds.filename or 'the data set'} is not an SR document: it has no Value Type "
                      "(0040,A040) at the top level (PS3.3 C.17.3)", source=ds.filename)
    return _read(ds, True, ())
