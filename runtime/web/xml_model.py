"""The Native DICOM Model (PS3.19 A.1): data sets to XML and back, the schema's structure.

A data set is a ``NativeDicomModel`` document (namespace
``http://dicom.nema.org/PS3.19/models/NativeDICOM``, ``xml:space="preserve"``) of
``DicomAttribute`` elements with ``tag``, ``vr``, ``keyword`` (when the data dictionary knows
it) and, for private data elements, ``privateCreator`` with the tag written ``gggg00ee``
(PS3.19 A.1.1: "the block used in the DICOM encoding shall not be sent").  Each holds at most
one of: ``Value`` elements (``number`` from 1; an empty value is an empty ``Value``; AT values
are ``GGGGEEEE``), ``PersonName`` elements with ``Alphabetic`` / ``Ideographic`` /
``Phonetic`` groups of ``FamilyName``, ``GivenName``, ``MiddleName``, ``NamePrefix`` and
``NameSuffix``, ``Item`` elements of nested attributes, ``InlineBinary`` (base64 of the little
endian value field) or ``BulkData`` with a ``uri`` (PS3.19 A.1.5; given by a caller's URI
builder, see :mod:`dicomkit.web.bulkdata`).  Group lengths (gggg,0000) are left out (A.1.1).
The text is Unicode whatever the Specific
Character Set (PS3.19 A.1.1: translated to the Infoset's encoding).

Documents are read with a parser that resolves no entities and loads no DTD or network
resource.  Documents without the namespace (as some servers write them) are read too.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from lxml import etree

from dicomkit.core.config import validation_mode
from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.vrs import VRS
from dicomkit.web.bulkdata import BulkDataResolver, BulkDataURI, BulkDataURIBuilder, TagPath
from dicomkit.web.element_values import (
    NUMBER_VRS,
    PN_GROUPS,
    element_from_bytes,
    element_from_values,
    person_name_text,
)
from dicomkit.web.errors import BulkDataError, XmlModelError
from dicomkit.web.forms import element_form
from dicomkit.web.json_model import DEFAULT_BULK_DATA_THRESHOLD

__all__ = ["NAMESPACE", "from_xml", "to_xml", "to_xml_element"]

#: The namespace of the Native DICOM Model (PS3.19 A.1.6).
NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM"
_NS = "{" + NAMESPACE + "}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: The name components of a component group (PS3.19 A.1.6 NameComponents; PS3.5 6.2.1).
_COMPONENTS = ("FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix")


def _is_private(tag: int) -> bool:
    return bool((tag >> 16) & 1) and (tag & 0xFFFF) > 0x00FF


class _Writer:
    __slots__ = ("builder", "threshold", "keywords")

    def __init__(self, builder: BulkDataURIBuilder | None, threshold: int,
                 keywords: bool) -> None:
        self.builder = builder
        self.threshold = threshold
        self.keywords = keywords

    def dataset(self, parent: etree._Element, ds: Dataset, prefix: TagPath) -> None:
        sub = etree.SubElement
        for el in ds.elements():
            if not el.tag & 0xFFFF:
                continue  # A.1.1: "Group Length (gggg,0000) attributes shall not be included"
            path = (*prefix, el.tag)
            form, vr, payload = element_form(el, path, self.builder, self.threshold)
            tag = el.tag
            attrs = {"tag": f"{tag:08X}", "vr": vr}
            if _is_private(tag):
                creator = ds.get((tag & 0xFFFF0000) | ((tag >> 8) & 0xFF))
                name = creator.value if creator is not None else None
                if isinstance(name, str) and name:
                    attrs["tag"] = f"{tag & 0xFFFF00FF:08X}"
                    attrs["privateCreator"] = name
            elif self.keywords and el.keyword:
                attrs["keyword"] = el.keyword
            node = sub(parent, _NS + "DicomAttribute", attrs)
            if form == "items":
                for i, item in enumerate(payload):
                    self.dataset(sub(node, _NS + "Item", number=str(i + 1)), item, (*path, i))
            elif form == "inline":
                if payload:
                    sub(node, _NS + "InlineBinary").text = base64.b64encode(payload).decode()
            elif form == "bulk":
                sub(node, _NS + "BulkData", uri=payload)
            elif vr == "PN":
                for i, v in enumerate(payload):
                    pn = sub(node, _NS + "PersonName", number=str(i + 1))
                    groups = str(v or "").split("=")
                    for name, group in zip(PN_GROUPS, groups):
                        if not group:
                            continue
                        g = sub(pn, _NS + name)
                        comps = group.split("^")
                        if len(comps) > 5:  # more than PS3.5 allows: kept in the suffix
                            comps = [*comps[:4], "^".join(comps[4:])]
                        for cname, comp in zip(_COMPONENTS, comps):
                            if comp:
                                sub(g, _NS + cname).text = comp
            else:
                for i, v in enumerate(payload):
                    value = sub(node, _NS + "Value", number=str(i + 1))
                    if v is None or v == "":
                        continue
                    if vr == "AT":
                        value.text = f"{int(v):08X}"
                    elif isinstance(v, float) and vr in NUMBER_VRS and vr not in ("DS", "IS"):
                        value.text = repr(float(v))
                    else:
                        value.text = str(v)


def to_xml_element(ds: Dataset, *, bulk_data_uri: BulkDataURIBuilder | None = None,
                   bulk_data_threshold: int = DEFAULT_BULK_DATA_THRESHOLD,
                   keywords: bool = True) -> etree._Element:
    """The ``NativeDicomModel`` element of ``ds`` (see :func:`to_xml`)."""
    root = etree.Element(_NS + "NativeDicomModel", nsmap={None: NAMESPACE})
    root.set(_XML_SPACE, "preserve")
    _Writer(bulk_data_uri, bulk_data_threshold, keywords).dataset(root, ds, ())
    return root


def to_xml(ds: Dataset, *, bulk_data_uri: BulkDataURIBuilder | None = None,
           bulk_data_threshold: int = DEFAULT_BULK_DATA_THRESHOLD,
           keywords: bool = True) -> bytes:
    """The Native DICOM Model document of ``ds`` (PS3.19 A.1), UTF-8 with an XML declaration.

    Parameters
    ----------
    bulk_data_uri, bulk_data_threshold
        As for :func:`dicomkit.web.json_model.to_json_dict`: binary values above the
        threshold go as ``BulkData uri`` when the builder gives a URI.
    keywords
        Write the ``keyword`` attribute of the elements the data dictionary knows.
    """
    out: bytes = etree.tostring(to_xml_element(ds, bulk_data_uri=bulk_data_uri,
                                               bulk_data_threshold=bulk_data_threshold,
                                               keywords=keywords),
                                xml_declaration=True, encoding="UTF-8")
    return out


def _local(node: etree._Element) -> str:
    tag = node.tag
    if not isinstance(tag, str):
        return ""
    return tag[len(_NS):] if tag.startswith(_NS) else tag


def _children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str)]


def _numbered(node: etree._Element, children: list[etree._Element], name: str,
              where: str) -> list[etree._Element]:
    """The children named ``name`` in the order of their ``number`` (PS3.19 A.1.1: "number
    monotonically increasing starting from 1 by 1")."""
    numbered: list[tuple[int, etree._Element]] = []
    for c in children:
        if _local(c) != name:
            raise XmlModelError(f"<{_local(c)}> among <{name}> elements", where, c.sourceline or -1)
        text = c.get("number")
        if text is None or not text.isdigit():
            raise XmlModelError(f"<{name}> without a number", where, c.sourceline or -1)
        numbered.append((int(text), c))
    numbered.sort(key=lambda x: x[0])
    if [n for n, _ in numbered] != list(range(1, len(numbered) + 1)):
        raise XmlModelError(f"<{name}> numbers are {[n for n, _ in numbered]}, not 1 to "
                            f"{len(numbered)}", where, node.sourceline or -1)
    return [c for _, c in numbered]


class _Reader:
    __slots__ = ("resolver",)

    def __init__(self, resolver: BulkDataResolver | None) -> None:
        self.resolver = resolver

    def dataset(self, node: etree._Element, where: str, prefix: TagPath) -> Dataset:
        ds = Dataset()
        for child in _children(node):
            if _local(child) != "DicomAttribute":
                raise XmlModelError(f"<{_local(child)}> where a DicomAttribute belongs", where,
                                    child.sourceline or -1)
            self.attribute(ds, child, where, prefix)
        return ds

    def attribute(self, ds: Dataset, node: etree._Element, where: str, prefix: TagPath) -> None:
        line = node.sourceline or -1
        text = node.get("tag") or ""
        path = f"{where}/{text}" if where else text
        if len(text) != 8 or any(c not in "0123456789ABCDEF" for c in text):
            raise XmlModelError(f"tag {text!r} is not 8 upper case hex digits (PS3.19 A.1.6)",
                                path, line)
        tag = int(text, 16)
        creator = node.get("privateCreator")
        if creator is not None:
            group = tag >> 16
            if not group & 1 or (tag & 0xFF00):
                raise XmlModelError(f"a private data element's tag is gggg00ee with gggg odd "
                                    f"(PS3.19 A.1.1), not {text}", path, line)
            try:
                tag = ds.private_block(group, creator, create=True).tag(tag & 0xFF)
            except DicomError as exc:
                raise XmlModelError(str(exc), path, line) from None
        vr = node.get("vr") or dictionary_vr(tag, ds)
        if vr not in VRS:
            raise XmlModelError(f"vr {vr!r} is not a VR of PS3.5 Table 6.2-1", path, line)
        tag_path = (*prefix, tag)
        children = _children(node)
        kinds = {_local(c) for c in children}
        if len(kinds) > 1:
            raise XmlModelError(f"holds {sorted(kinds)}; at most one kind is allowed "
                                "(PS3.19 A.1.6)", path, line)
        kind = kinds.pop() if kinds else ""
        if vr == "SQ" and not kind:
            ds[tag] = DataElement(tag, vr, Sequence())
            return
        if kind == "Item":
            if vr != "SQ":
                raise XmlModelError(f"Items in a {vr} attribute", path, line)
            items = _numbered(node, children, "Item", path)
            ds[tag] = DataElement(tag, vr, Sequence(
                self.dataset(item, f"{path}/Item[{i + 1}]", (*tag_path, i))
                for i, item in enumerate(items)))
            return
        if kind in ("InlineBinary", "BulkData"):
            if len(children) != 1:
                raise XmlModelError(f"{len(children)} <{kind}> elements; one is allowed", path,
                                    line)
            if kind == "InlineBinary":
                try:
                    raw = base64.b64decode((children[0].text or "").strip(), validate=True)
                except (binascii.Error, ValueError) as exc:
                    raise XmlModelError(f"InlineBinary is not base64: {exc}", path,
                                        line) from None
                ds[tag] = element_from_bytes(tag, vr, raw)
                return
            uri = children[0].get("uri")
            if uri is None:
                raise XmlModelError("BulkData without a uri (a uuid refers to a part of the "
                                    "same message, which the caller resolves)", path, line)
            if self.resolver is None:
                ds[tag] = DataElement(tag, vr, BulkDataURI(uri))
                return
            try:
                raw = self.resolver(uri, tag_path, vr)
            except BulkDataError:
                raise
            except Exception as exc:
                raise BulkDataError(f"the resolver failed: {exc}", uri, path) from exc
            ds[tag] = element_from_bytes(tag, vr, bytes(raw))
            return
        values: list[Any] = []
        if kind == "PersonName":
            for pn in _numbered(node, children, "PersonName", path):
                groups: dict[str, str] = {}
                for g in _children(pn):
                    name = _local(g)
                    if name not in PN_GROUPS:
                        raise XmlModelError(f"<{name}> in a PersonName", path, g.sourceline or -1)
                    comps = {_local(c): c.text or "" for c in _children(g)}
                    bad = [c for c in comps if c not in _COMPONENTS]
                    if bad:
                        raise XmlModelError(f"<{bad[0]}> in a person name group", path,
                                            g.sourceline or -1)
                    groups[name] = "^".join(comps.get(c, "") for c in _COMPONENTS).rstrip("^")
                values.append(person_name_text(groups) or None)
        elif kind == "Value":
            for v in _numbered(node, children, "Value", path):
                t = v.text
                if vr == "AT" and t:
                    if len(t) != 8:
                        raise XmlModelError(f"AT value {t!r} is not 8 hex digits", path,
                                            v.sourceline or -1)
                    try:
                        values.append(int(t, 16))
                    except ValueError:
                        raise XmlModelError(f"AT value {t!r} is not 8 hex digits", path,
                                            v.sourceline or -1) from None
                else:
                    values.append(t if t else None)
        elif kind:
            raise XmlModelError(f"<{kind}> in a DicomAttribute", path, line)
        if vr == "PN" and kind == "Value":
            raise XmlModelError("a PN attribute holds PersonName elements, not Value "
                                "(PS3.19 A.1.6)", path, line)
        try:
            ds[tag] = element_from_values(tag, vr, values)
        except (ValueError, TypeError, OverflowError) as exc:
            raise XmlModelError(f"{vr} values {values!r} do not fit the VR: {exc}", path,
                                line) from None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=True, remove_comments=True, remove_pis=True)


def from_xml(data: bytes | str | etree._Element, *, bulk_data: BulkDataResolver | None = None,
             utf8: bool = False) -> Dataset:
    """A :class:`~dicomkit.core.dataset.Dataset` from a Native DICOM Model document.

    Parameters
    ----------
    data
        The document (bytes as received, text, or a parsed ``NativeDicomModel`` element).
    bulk_data
        Resolves each ``BulkData uri`` (as for :func:`dicomkit.web.json_model.from_json_dict`);
        without it the element keeps a :class:`~dicomkit.web.bulkdata.BulkDataURI` value.
    utf8
        Set Specific Character Set to ISO_IR 192 (adding it when absent), that of the text
        read.

    Raises
    ------
    XmlModelError
        For a document that is not well formed or not the model (with line and tag path).
    """
    if isinstance(data, etree._Element):
        root = data
    else:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        try:
            root = etree.fromstring(raw, _parser())
        except etree.XMLSyntaxError as exc:
            raise XmlModelError(f"not well-formed XML: {exc.msg}", "", exc.lineno or -1) from None
        except ValueError as exc:
            raise XmlModelError(f"not XML: {exc}") from None
        if root is None:
            raise XmlModelError("empty document")
    if _local(root) != "NativeDicomModel":
        raise XmlModelError(f"the document element is <{_local(root)}>, not <NativeDicomModel>",
                            "", root.sourceline or -1)
    with validation_mode("ignore", writing=False):
        try:
            ds = _Reader(bulk_data).dataset(root, "", ())
        except RecursionError:
            raise XmlModelError("Items nested too deeply to read") from None
        if utf8:
            ds[tags.SpecificCharacterSet] = DataElement(tags.SpecificCharacterSet, "CS",
                                                        "ISO_IR 192")
    return ds
