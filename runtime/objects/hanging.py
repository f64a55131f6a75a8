"""Hanging Protocol instances (PS3.3 A.38, C.23) read into a plain model: the definition (what
studies it is for), the image sets and their selectors, the screens, and the display sets with
their image boxes, filters and sorting.

Selector values (Table C.23.4-2) are read from whichever "Selector xx Value" attribute the
item has; which tag holds which VR is taken from that generated macro table and the data
dictionary at import (the VR of each value attribute), not from the attribute names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from dicomkit.core.dictionary import lookup
from dicomkit.errors import DicomError
from dicomkit.generated import modules

__all__ = ["DisplaySet", "Filter", "HangingProtocol", "HangingProtocolError", "ImageBox",
           "ImageSet", "Screen", "Selector", "Sort", "read_hanging_protocol"]


def _value_tags() -> dict[str, int]:
    table = modules.attribute_table("C.23.4-2")
    if table is None:
        raise LookupError("PS3.3 Table C.23.4-2 (Hanging Protocol Selector Attribute Value "
                          "Macro) is not in the generated tables")
    out: dict[str, int] = {}
    for row in table[3]:
        if row[0] == "attr" and row[2] is not None:
            entry = lookup(row[2])
            if entry is not None:
                out[entry[0]] = row[2]  # the dictionary VR of the value attribute
    return out


#: VR of a selected attribute -> the tag of its value attribute (Table C.23.4-2)
VALUE_TAGS: Final = _value_tags()


class HangingProtocolError(DicomError):
    """A Hanging Protocol instance that cannot be read, naming the item."""

    def __init__(self, reason: str, *, source: str = "", where: str = "") -> None:
        self.reason, self.source, self.where = reason, source, where
        super().__init__(": ".join(p for p in (source, where, reason) if p))


@dataclass(frozen=True)
class Selector:
    """An attribute selection (C.23.4): which attribute (its tag, VR, and the sequence or
    functional group it sits in), which value of it (1-based; 0 all), and the values."""

    attribute: int
    vr: str
    value_number: int
    values: tuple[Any, ...]
    sequence_pointer: int | None = None
    functional_group_pointer: int | None = None
    usage: str = ""


@dataclass(frozen=True)
class ImageSet:
    """An image set (C.23.1.1.2): its number, label, selectors and time-based category."""

    number: int
    label: str
    selectors: tuple[Selector, ...]
    category: str
    relative_time: tuple[int, ...] = ()
    relative_time_units: str = ""
    abstract_prior: tuple[int, ...] = ()


@dataclass(frozen=True)
class Screen:
    """A nominal screen (C.23.2): pixels and its place in the display environment."""

    rows: int
    columns: int
    position: tuple[float, ...]


@dataclass(frozen=True)
class ImageBox:
    """An image box of a display set (C.23.3.1.1)."""

    number: int
    position: tuple[float, ...]
    layout: str
    tiles: tuple[int, int] | None = None


@dataclass(frozen=True)
class Filter:
    """A filter operation (C.23.3.1.2): by category, by presence, or by an operator."""

    selector: Selector | None
    category: str = ""
    presence: str = ""
    operator: str = ""


@dataclass(frozen=True)
class Sort:
    """A sorting operation (C.23.3.1.3): by attribute or category, and the direction."""

    direction: str
    selector: Selector | None = None
    category: str = ""


@dataclass(frozen=True)
class DisplaySet:
    """A display set (C.23.3.1): the image set it shows, how, in which presentation group."""

    number: int
    label: str
    presentation_group: int
    image_set: int
    image_boxes: tuple[ImageBox, ...]
    filters: tuple[Filter, ...]
    sorting: tuple[Sort, ...]
    voi_type: str = ""
    reformatting: str = ""
    inverted: bool = False


@dataclass(frozen=True)
class HangingProtocol:
    """A Hanging Protocol instance."""

    name: str
    description: str
    level: str
    creator: str
    modalities: tuple[str, ...]
    priors: int
    image_sets: dict[int, ImageSet]
    screens: tuple[Screen, ...]
    display_sets: tuple[DisplaySet, ...]
    partial_data_handling: str = ""
    synchronized_scrolling: tuple[tuple[int, ...], ...] = ()

    def presentation_groups(self) -> dict[int, tuple[DisplaySet, ...]]:
        """The display sets of each Display Set Presentation Group, in number order (one
        group is shown at a time, C.23.3.1)."""
        out: dict[int, list[DisplaySet]] = {}
        for d in self.display_sets:
            out.setdefault(d.presentation_group, []).append(d)
        return {g: tuple(sorted(v, key=lambda d: d.number)) for g, v in sorted(out.items())}


def _text(item: Any, keyword: str) -> str:
    value = getattr(item, keyword, None)
    return "" if value is None else str(value).strip()


def _ints(item: Any, keyword: str) -> tuple[int, ...]:
    value = getattr(item, keyword, None)
    if value is None:
        return ()
    values = value if isinstance(value, (list, tuple)) else [value]
    return tuple(int(v) for v in values)


def _floats(item: Any, keyword: str) -> tuple[float, ...]:
    value = getattr(item, keyword, None)
    if value is None:
        return ()
    values = value if isinstance(value, (list, tuple)) else [value]
    return tuple(float(v) for v in values)


def _int(item: Any, keyword: str, where: str, source: str) -> int:
    found = _ints(item, keyword)
    if len(found) != 1:
        raise HangingProtocolError(f"{keyword} is missing or not one number", source=source,
                                   where=where)
    return found[0]


def _selector(item: Any, where: str, source: str, required: bool = True) -> Selector | None:
    tag = getattr(item, "SelectorAttribute", None)
    if tag is None:
        if required:
            raise HangingProtocolError("Selector Attribute is missing", source=source,
                                       where=where)
        return None
    vr = _text(item, "SelectorAttributeVR")
    values: tuple[Any, ...] = ()
    value_tag = VALUE_TAGS.get(vr)
    if value_tag is not None and item.get(value_tag) is not None:
        value = item[value_tag].value
        values = tuple(value) if isinstance(value, (list, tuple)) else (value,)
    elif vr == "SQ" and getattr(item, "SelectorCodeSequenceValue", None):
        values = tuple(item.SelectorCodeSequenceValue)
    number = _ints(item, "SelectorValueNumber")
    seq = getattr(item, "SelectorSequencePointer", None)
    group = getattr(item, "FunctionalGroupPointer", None)
    return Selector(int(tag), vr, number[0] if number else 0, values,
                    None if seq is None else int(seq), None if group is None else int(group),
                    _text(item, "ImageSetSelectorUsageFlag"))


def read_hanging_protocol(ds: Any) -> HangingProtocol:
    """The model of a Hanging Protocol data set (see the module).

    Raises
    ------
    HangingProtocolError
        An image set, display set or image box without its number; a selector without its
        attribute; a display set naming an image set the protocol does not have; a value
        that is not what its attribute holds (naming the error).
    """
    try:
        return _read(ds)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
        raise HangingProtocolError(f"{type(exc).__name__}: {exc} (an attribute has values of "
                                   "the wrong kind)",
                                   source=str(getattr(ds, "filename", "") or "")) from exc


def _read(ds: Any) -> HangingProtocol:
    source = str(getattr(ds, "filename", "") or "")
    image_sets: dict[int, ImageSet] = {}
    for i, item in enumerate(getattr(ds, "ImageSetsSequence", None) or ()):
        where = f"ImageSetsSequence[{i}]"
        selectors = tuple(s for j, sel in enumerate(getattr(item, "ImageSetSelectorSequence",
                                                            None) or ())
                          if (s := _selector(sel, f"{where}.ImageSetSelectorSequence[{j}]",
                                             source)) is not None)
        for j, timed in enumerate(getattr(item, "TimeBasedImageSetsSequence", None) or ()):
            here = f"{where}.TimeBasedImageSetsSequence[{j}]"
            number = _int(timed, "ImageSetNumber", here, source)
            image_sets[number] = ImageSet(
                number, _text(timed, "ImageSetLabel"), selectors,
                _text(timed, "ImageSetSelectorCategory"), _ints(timed, "RelativeTime"),
                _text(timed, "RelativeTimeUnits"), _ints(timed, "AbstractPriorValue"))
    screens = tuple(Screen(int(getattr(s, "NumberOfVerticalPixels", 0) or 0),
                           int(getattr(s, "NumberOfHorizontalPixels", 0) or 0),
                           _floats(s, "DisplayEnvironmentSpatialPosition"))
                    for s in getattr(ds, "NominalScreenDefinitionSequence", None) or ())
    display_sets = []
    for i, item in enumerate(getattr(ds, "DisplaySetsSequence", None) or ()):
        where = f"DisplaySetsSequence[{i}]"
        image_set = _int(item, "ImageSetNumber", where, source)
        if image_sets and image_set not in image_sets:
            raise HangingProtocolError(f"display set shows image set {image_set}, which the "
                                       f"protocol does not define ({sorted(image_sets)})",
                                       source=source, where=where)
        boxes = []
        for j, box in enumerate(getattr(item, "ImageBoxesSequence", None) or ()):
            here = f"{where}.ImageBoxesSequence[{j}]"
            h, v = _ints(box, "ImageBoxTileHorizontalDimension"), \
                _ints(box, "ImageBoxTileVerticalDimension")
            boxes.append(ImageBox(_int(box, "ImageBoxNumber", here, source),
                                  _floats(box, "DisplayEnvironmentSpatialPosition"),
                                  _text(box, "ImageBoxLayoutType"),
                                  (h[0], v[0]) if h and v else None))
        filters = tuple(
            Filter(_selector(f, f"{where}.FilterOperationsSequence[{j}]", source, False),
                   _text(f, "FilterByCategory"), _text(f, "FilterByAttributePresence"),
                   _text(f, "FilterByOperator"))
            for j, f in enumerate(getattr(item, "FilterOperationsSequence", None) or ()))
        sorting = tuple(
            Sort(_text(s, "SortingDirection"),
                 _selector(s, f"{where}.SortingOperationsSequence[{j}]", source, False),
                 _text(s, "SortByCategory"))
            for j, s in enumerate(getattr(item, "SortingOperationsSequence", None) or ()))
        display_sets.append(DisplaySet(
            _int(item, "DisplaySetNumber", where, source), _text(item, "DisplaySetLabel"),
            _int(item, "DisplaySetPresentationGroup", where, source), image_set, tuple(boxes),
            filters, sorting, _text(item, "VOIType"), _text(item, "ReformattingOperationType"),
            _text(item, "ShowGrayscaleInverted") == "YES"))
    modalities = tuple(_text(d, "Modality")
                       for d in getattr(ds, "HangingProtocolDefinitionSequence", None) or ()
                       if _text(d, "Modality"))
    priors = _ints(ds, "NumberOfPriorsReferenced")
    return HangingProtocol(
        _text(ds, "HangingProtocolName"), _text(ds, "HangingProtocolDescription"),
        _text(ds, "HangingProtocolLevel"), _text(ds, "HangingProtocolCreator"), modalities,
        priors[0] if priors else 0, image_sets, screens, tuple(display_sets),
        _text(ds, "PartialDataDisplayHandling"),
        tuple(_ints(s, "DisplaySetScrollingGroup")
              for s in getattr(ds, "SynchronizedScrollingSequence", None) or ()))
