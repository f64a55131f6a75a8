"""Normalisation shared by both front-ends, so that both forms of an edition read alike.

- zero-width spaces (U+200B, NEMA's line-break hints in UIDs and keywords) are removed;
- no-break spaces become spaces, runs of whitespace collapse to one space, and no space is
  left before closing punctuation (the XHTML stylesheet adds one after links);
- cross references are rendered from their target id, not from the stylesheet's words, so
  ``<xref linkend="table_6-1"/>`` (DocBook, no text) and ``<a class="xref" ...>Table 6-1</a>``
  (chtml) both read ``Table 6-1``;
- row and column spans are expanded into a full grid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from dicomkit.codegen.document import Cell, Row

_WS = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[.,;:)\]])")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_EDITION = re.compile(r"PS ?3\.(\d+)\s+(\d{4}[a-z]?)\b")

_KIND_WORDS = {
    "table": "Table",
    "sect": "Section",
    "figure": "Figure",
    "equation": "Equation",
    "example": "Example",
}


def normalize(text: str) -> str:
    """Remove zero-width spaces, turn no-break spaces into spaces, collapse whitespace."""
    text = text.replace("\u200b", "").replace("\xa0", " ").replace("\ufeff", "")
    text = _WS.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCT.sub("", text)


def parse_edition(text: str) -> tuple[int, str] | None:
    """Part number and edition from a subtitle or title page line.

    ``"DICOM PS3.7 2024c - Message Exchange"`` gives ``(7, "2024c")``; the 2013 and 2014a PS3.6
    spelling ``PS 3.6`` is accepted too.
    """
    m = _EDITION.search(normalize(text))
    if not m:
        return None
    return int(m.group(1)), m.group(2)


def canonical_link_text(target: str, document: str = "") -> str | None:
    """The text a cross reference is rendered as, computed from its target alone.

    Returns None for targets whose id carries no label (``para_<uuid>``); the caller then uses
    the text the source gives.
    """
    if document and (not target or target == document):
        return document
    prefix, _, rest = target.partition("_")
    if prefix == "chapter" and rest:
        base = ("Chapter " if rest[0].isdigit() else "Annex ") + rest
    elif prefix == "biblio" and rest:
        base = f"[{rest}]"
    elif prefix == "glossentry" and rest:
        base = _CAMEL.sub(" ", rest)
    elif prefix == "note" and rest:
        base = "Note"
    elif prefix in _KIND_WORDS and rest:
        base = f"{_KIND_WORDS[prefix]} {rest.replace('_', ' ')}"
    else:
        return None
    return f"{base} in {document}" if document else base


def expand_spans(rows: Sequence[Sequence[Cell]]) -> tuple[Row, ...]:
    """Expand ``rowspan``/``colspan`` so that each row has one cell per grid column.

    A cell spanning several positions is repeated in each, the copies marked ``spanned``.
    Rows shorter than the widest row are padded with empty cells.
    """
    grid: list[list[Cell | None]] = []
    for r, cells in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        line = grid[r]
        col = 0
        for cell in cells:
            while col < len(line) and line[col] is not None:
                col += 1
            for dr in range(max(cell.rowspan, 1)):
                rr = r + dr
                if rr >= len(rows):
                    break
                while len(grid) <= rr:
                    grid.append([])
                target = grid[rr]
                for dc in range(max(cell.colspan, 1)):
                    cc = col + dc
                    while len(target) <= cc:
                        target.append(None)
                    copy = cell if (dr == 0 and dc == 0) else replace(cell, spanned=True)
                    target[cc] = copy
            col += max(cell.colspan, 1)
    width = max((len(line) for line in grid), default=0)
    empty = Cell(paragraphs=())
    out = []
    for line in grid[: len(rows)]:
        filled = [c if c is not None else empty for c in line]
        filled.extend([empty] * (width - len(filled)))
        out.append(Row(cells=tuple(filled)))
    return tuple(out)


def all_text_marked(el: Any, is_marker: Callable[[Any], bool]) -> bool:
    """True when ``el`` has text and every non-blank text node under it lies inside an element
    for which ``is_marker`` is true (below or at ``el``): how both front-ends tell that a cell
    is wholly italic (retired) or bold.  ``el`` is an lxml element.

    One walk down the tree carrying "inside a marker" (the tail of an element belongs to its
    parent's context; the tail of ``el`` itself is not under it).
    """
    state = [False]  # seen any non-blank text

    def blank(text: str | None) -> bool:
        return not text or not text.replace("\u200b", "").strip()

    def walk(node: Any, marked: bool) -> bool:
        if not isinstance(node.tag, str):  # comments, processing instructions: no text of theirs
            return True
        if not blank(node.text):
            if not marked:
                return False
            state[0] = True
        for child in node:
            if not walk(child, marked or is_marker(child)):
                return False
            if not blank(child.tail):
                if not marked:
                    return False
                state[0] = True
        return True

    return walk(el, is_marker(el)) and state[0]
