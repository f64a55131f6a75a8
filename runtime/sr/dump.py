"""Text form of an SR content tree, for ``dicomkit sr dump``."""

from __future__ import annotations

from dicomkit.sr.content import ContentItem

#: Longest value shown on one line.
_MAX_VALUE = 80


def _value(item: ContentItem) -> str:
    v = item.value
    if item.value_type in ("CONTAINER", "TABLE") or v is None:
        return ""
    # one line per item: line breaks of TEXT values are shown escaped
    text = str(v).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    if len(text) > _MAX_VALUE:
        text = text[:_MAX_VALUE - 3] + "..."
    return f" = {text}"


def format_tree(item: ContentItem) -> str:
    """One line per content item, indented by depth, with path, relationship, value type, codes.

    Example: ``1.4.1  CONTAINS NUM (410668003, SCT, "Length") = 12.5 mm``; by-reference items
    read ``1.5.1.1.1  INFERRED FROM -> 1.2.3``.
    """
    lines: list[str] = []

    def visit(node: ContentItem, path: str, depth: int) -> None:
        head = f"{'  ' * depth}{path}  {node.relationship + ' ' if node.relationship else ''}"
        if node.reference is not None:
            lines.append(f"{head}-> {'.'.join(map(str, node.reference))}")
        else:
            concept = f" {node.concept}" if node.concept is not None else ""
            extra = ""
            if node.value_type == "CONTAINER":
                extra = f" [{node.continuity}{', TID ' + node.template if node.template else ''}]"
            lines.append(f"{head}{node.value_type}{concept}{_value(node)}{extra}")
        for i, child in enumerate(node.children, start=1):
            visit(child, f"{path}.{i}", depth + 1)

    start = item.path_text if item.parent is not None else "1"
    visit(item, start, 0)
    return "\n".join(lines)
