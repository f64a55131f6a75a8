"""The relationship content constraints of the SR IODs (PS3.3 A.35.x.3.1), from the generated
tables of :mod:`dicomkit.generated.sr_constraints`.

Each SR IOD that limits its content tree lists, per source value type and relationship type,
the target value types allowed: a NUM item is not in the Basic Text SR table (A.35.1-2), an
SCOORD3D item is not in the Enhanced SR table (A.35.2-2).  :func:`check_relationships` refuses a
tree that uses a combination its IOD's table does not list.  By-reference items (PS3.3
C.17.3.2.4) are not checked here: their targets are items of the same tree.
"""

from __future__ import annotations

from dicomkit.generated.sop_classes import SOP_CLASSES
from dicomkit.generated.sr_constraints import CONSTRAINTS, IodConstraints
from dicomkit.sr.content import ContentItem
from dicomkit.sr.errors import SRError

__all__ = ["allowed", "check_relationships", "constraints_for"]


def constraints_for(sop_class_uid: str) -> IodConstraints | None:
    """The constraints table of the IOD of an SR Storage SOP Class, or None when its IOD has
    none (or the SOP class is not in the registry)."""
    entry = SOP_CLASSES.get(sop_class_uid)
    return CONSTRAINTS.get(entry[1]) if entry is not None else None


def allowed(table: IodConstraints, source: str, relationship: str, target: str) -> bool:
    """True when ``table`` lists ``target`` under ``relationship`` from ``source``."""
    for row in table.rows:
        if source not in row.sources and "*" not in row.sources:
            continue
        if row.relationship != relationship and not (
                row.relationship == "*" and relationship not in row.excluded):
            continue
        if target in row.targets or "*" in row.targets:
            return True
    return False


def check_relationships(root: ContentItem, sop_class_uid: str) -> None:
    """Refuse a content tree with a relationship its IOD does not allow.

    Raises
    ------
    SRError
        At the first content item (its path) whose value type the IOD's Relationship Content
        Constraints table does not list under its parent and relationship.
    """
    table = constraints_for(sop_class_uid)
    if table is None:
        return
    for node in root.walk():
        for child in node.children:
            if not child.value_type:
                continue
            if not allowed(table, node.value_type, child.relationship, child.value_type):
                raise SRError(f"a {child.value_type} item {child.relationship} a "
                              f"{node.value_type} is not allowed in a {table.name} document "
                              f"(PS3.3 Table {table.table}); use an SR class that allows it "
                              "(Enhanced or Comprehensive SR)", path=child.path_text)
