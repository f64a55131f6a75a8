"""Hypothesis strategies of random data sets for the round trips of the DICOMweb models.

Every VR gets values valid for it (PS3.5 6.2), as a program would set them: multi-valued
strings with empty values, person names with all three component groups, IS/DS of any size,
AT tags, binary values of each byte VR, sequences with empty items, private blocks with their
creators, and an empty element of each kind.
"""

from __future__ import annotations

import struct
from typing import Any

from hypothesis import strategies as st

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence
from dicomkit.core.values import split_multi_valued

_ASCII = st.characters(min_codepoint=0x21, max_codepoint=0x7E, blacklist_characters="\\=^")
_UNICODE = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs"),
                         blacklist_characters="\\=^")


def _word(alphabet: Any = _ASCII, max_size: int = 8) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=1, max_size=max_size)


_CS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", min_size=1, max_size=16)
_UI = st.lists(st.integers(0, 99999).map(str), min_size=2, max_size=6).map(".".join)
_DA = st.dates().map(lambda d: f"{d.year:04d}{d.month:02d}{d.day:02d}")
_TM = st.times().map(lambda t: t.strftime("%H%M%S"))
_DS = st.one_of(st.integers(-10**12, 10**12).map(str),
                st.floats(-1e10, 1e10, allow_nan=False).map(lambda f: f"{f:.6g}"))
_IS = st.integers(-2**31, 2**31 - 1).map(str)
_PN_GROUP = st.lists(_word(_ASCII, 6), min_size=1, max_size=5).map("^".join)
_PN_IDEO = st.lists(_word(_UNICODE, 4), min_size=1, max_size=3).map("^".join)
_PN = st.tuples(_PN_GROUP, st.one_of(st.just(""), _PN_IDEO), st.one_of(st.just(""), _PN_IDEO)) \
    .map(lambda g: "=".join(g).rstrip("="))

#: VR -> (tag to use, strategy of one value) for the string VRs.
_STRINGS: dict[str, tuple[int, st.SearchStrategy[str]]] = {
    "AE": (0x00080054, _word(max_size=16)),
    "AS": (0x00101010, st.tuples(st.integers(0, 999), st.sampled_from("DWMY"))
           .map(lambda t: f"{t[0]:03d}{t[1]}")),
    "CS": (0x00080008, _CS),
    "DA": (0x00080020, _DA),
    "DS": (0x00280030, _DS),
    "DT": (0x0008002A, _DA.map(lambda d: d + "123456")),
    "IS": (0x00200013, _IS),
    "LO": (0x00081030, _word(_UNICODE, 20)),
    "SH": (0x00080050, _word(_UNICODE, 16)),
    "TM": (0x00080030, _TM),
    "UI": (0x0020000D, _UI),
    "UC": (0x00080119, _word(_UNICODE, 30)),
}
_TEXTS: dict[str, tuple[int, st.SearchStrategy[str]]] = {
    "LT": (0x00204000, st.text(alphabet=_UNICODE, min_size=1, max_size=40).map(str.strip)
           .filter(bool)),
    "ST": (0x00081040, _word(_UNICODE, 30)),
    "UT": (0x00081190, _word(_UNICODE, 30)),
    "UR": (0x00081190, st.text(alphabet="abcdefghij/:.", min_size=1, max_size=30)),
}
_NUMBERS: dict[str, tuple[int, st.SearchStrategy[Any]]] = {
    "US": (0x00280010, st.integers(0, 0xFFFF)),
    "SS": (0x00189219, st.integers(-0x8000, 0x7FFF)),
    "UL": (0x00081161, st.integers(0, 0xFFFFFFFF)),
    "SL": (0x00186020, st.integers(-2**31, 2**31 - 1)),
    "UV": (0x00081162, st.integers(0, 2**64 - 1)),
    "SV": (0x0072007A, st.integers(-2**63, 2**63 - 1)),
    "FD": (0x00189087, st.floats(allow_nan=False, allow_infinity=False)),
    "FL": (0x00189219, st.floats(width=32, allow_nan=False, allow_infinity=False)),
}
_BINARY: dict[str, tuple[int, int]] = {  # VR -> (tag, unit size)
    "OB": (0x00091010, 1), "OW": (0x00091011, 2), "OF": (0x00091012, 4),
    "OD": (0x00091013, 8), "OL": (0x00091014, 4), "OV": (0x00091015, 8), "UN": (0x00091016, 1),
}


@st.composite
def _string_element(draw: st.DrawFn) -> DataElement:
    table = draw(st.sampled_from([_STRINGS, _TEXTS]))
    vr = draw(st.sampled_from(sorted(table)))
    tag, one = table[vr]
    if table is _TEXTS:
        return DataElement(tag, vr, draw(one))
    values = draw(st.lists(st.one_of(one, st.just("")), min_size=1, max_size=4)
                  .filter(lambda v: any(v)))
    if vr in ("DS", "IS") and len(values) > 1:
        values = [v or None for v in values]  # an empty number value reads as None
    return DataElement(tag, vr, split_multi_valued(vr, values if len(values) > 1 else values[0]))


@st.composite
def _number_element(draw: st.DrawFn) -> DataElement:
    vr = draw(st.sampled_from(sorted(_NUMBERS)))
    tag, one = _NUMBERS[vr]
    values = draw(st.lists(one, min_size=1, max_size=4))
    if vr == "FL":
        values = [struct.unpack("<f", struct.pack("<f", v))[0] for v in values]
    return DataElement(tag, vr, values if len(values) > 1 else values[0])


@st.composite
def _binary_element(draw: st.DrawFn) -> DataElement:
    vr = draw(st.sampled_from(sorted(_BINARY)))
    tag, unit = _BINARY[vr]
    n = draw(st.integers(1, 8)) * max(unit, 2)
    return DataElement(tag, vr, draw(st.binary(min_size=n, max_size=n)))


def _other_element() -> st.SearchStrategy[DataElement]:
    return st.one_of(
        st.lists(_PN, min_size=1, max_size=3).map(
            lambda v: DataElement(0x00100010, "PN", split_multi_valued(
                "PN", v if len(v) > 1 else v[0]))),
        st.lists(st.integers(0, 0xFFFFFFFF), min_size=1, max_size=3).map(
            lambda v: DataElement(0x00209165, "AT", split_multi_valued("AT", v)
                                  if len(v) > 1 else v[0])),
        st.sampled_from(["LO", "PN", "US", "FD", "OB", "DS", "SQ", "AT"]).map(_empty),
    )


def _empty(vr: str) -> DataElement:
    tags = {"LO": 0x00081080, "PN": 0x00081060, "US": 0x00280011, "FD": 0x00189088,
            "OB": 0x00091017, "DS": 0x00180050, "SQ": 0x00081115, "AT": 0x00209167}
    if vr == "SQ":
        return DataElement(tags[vr], vr, Sequence())
    if vr == "OB":
        return DataElement(tags[vr], vr, b"")
    return DataElement(tags[vr], vr, None if vr in ("US", "FD", "DS", "AT") else "")


def _element() -> st.SearchStrategy[DataElement]:
    return st.one_of(_string_element(), _number_element(), _binary_element(), _other_element())


def _dataset_of(elements: list[DataElement], private: str | None) -> Dataset:
    ds = Dataset()
    for el in elements:
        ds[el.tag] = el
    if private is not None:
        ds[0x00090010] = DataElement(0x00090010, "LO", private)
    else:
        for t in [t for t in ds if (int(t) >> 16) == 0x0009]:
            del ds[t]
    return ds


def datasets(depth: int = 2) -> st.SearchStrategy[Dataset]:
    """Random data sets, with sequences nested up to ``depth`` levels."""
    flat = st.builds(_dataset_of, st.lists(_element(), max_size=8),
                     st.one_of(st.none(), _word(max_size=10)))
    if depth == 0:
        return flat

    @st.composite
    def nested(draw: st.DrawFn) -> Dataset:
        ds = draw(flat)
        for tag in draw(st.lists(st.sampled_from([0x00081140, 0x00400275, 0x00540016]),
                                 max_size=2, unique=True)):
            items = draw(st.lists(datasets(depth - 1), max_size=3))
            ds[tag] = DataElement(tag, "SQ", Sequence(items))
        return ds

    return nested()
