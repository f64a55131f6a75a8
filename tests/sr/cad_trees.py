"""Content trees of CAD SR files as tuples, read by dicomkit, pydicom and highdicom, so that tests
compare what independent parsers see (PS3.3 C.17.3)."""

from __future__ import annotations

from typing import Any

from dicomkit.sr import ContentItem


def pydicom_tree(item: Any) -> tuple[Any, ...]:
    """(relationship, value type, concept code value, coded value / reference, children) of a
    pydicom content item: the structure of PS3.3 C.17.3 read by an independent parser."""
    name = item.ConceptNameCodeSequence[0].CodeValue if "ConceptNameCodeSequence" in item else None
    if "ReferencedContentItemIdentifier" in item:
        value: Any = tuple(int(x) for x in item.ReferencedContentItemIdentifier)
    elif "ConceptCodeSequence" in item:
        value = item.ConceptCodeSequence[0].CodeValue
    elif "ReferencedSOPSequence" in item:
        value = item.ReferencedSOPSequence[0].ReferencedSOPInstanceUID
    else:
        value = None
    kids = tuple(pydicom_tree(c) for c in item.ContentSequence) if "ContentSequence" in item else ()
    return (item.get("RelationshipType", ""), item.get("ValueType", ""), name, value, kids)


def our_tree(node: ContentItem) -> tuple[Any, ...]:
    """:func:`pydicom_tree` of a dicomkit content item."""
    if node.reference is not None:
        value: Any = node.reference
    elif node.value_type == "CODE":
        value = node.value.value
    elif node.value_type == "IMAGE":
        value = node.value.sop_instance_uid
    else:
        value = None
    return (node.relationship, node.value_type, node.concept.value if node.concept else None,
            value, tuple(our_tree(c) for c in node.children))


def highdicom_tree(item: Any, raw: Any) -> tuple[Any, ...]:
    """:func:`our_tree` of a highdicom content item parsed from the pydicom item ``raw``."""
    # highdicom names an unnamed IMAGE item (260753009, SCT, "Source") when it parses it.
    # PS3.3 C.17.3.3 Table C.17-5 makes the Concept Name of an IMAGE item 1C, "required ...
    # if the Purpose of Reference is conveyed in the Concept Name", and TID 4020 row 1 and
    # TID 4017 row 3 give none: we are right to write none; compare with the file.
    name = item.name.value if "ConceptNameCodeSequence" in raw else None
    value: Any = None
    if item.value_type.value == "CODE":
        value = item.value.value
    elif item.value_type.value == "IMAGE":
        value = item.referenced_sop_instance_uid
    kids = tuple(highdicom_tree(c, r) for c, r in zip(item.ContentSequence, raw.ContentSequence,
                                                       strict=True)) \
        if "ContentSequence" in raw else ()
    return (item.relationship_type.value, item.value_type.value, name, value, kids)


def walk_pydicom(item: Any) -> list[Any]:
    """A pydicom content item and its descendants, pre-order (like ``ContentItem.walk``)."""
    out = [item]
    for child in item.get("ContentSequence", []):
        out.extend(walk_pydicom(child))
    return out
