"""Front-end 1: a DocBook part (``partNN.xml``) -> :class:`~dicomkit.codegen.document.Document`.

Sections are ``chapter``/``appendix``/``section`` elements with their ``label`` and ``xml:id``;
tables are ``table``/``informaltable`` in the HTML table model (``thead``/``tbody``/``tr``/``th``
/``td``), with the CALS model (``tgroup``/``row``/``entry``) accepted too.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from dicomkit.codegen.document import (
    Block,
    Cell,
    DefinitionList,
    Document,
    Link,
    Listing,
    Paragraph,
    Section,
    Table,
)
from dicomkit.codegen.errors import SourceError
from dicomkit.codegen.sha import sha256_file
from dicomkit.codegen.text import (
    all_text_marked,
    canonical_link_text,
    expand_spans,
    normalize,
    parse_edition,
)

DB = "{http://docbook.org/ns/docbook}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

_SECTIONS = {
    "chapter", "appendix", "section", "sect1", "sect2", "sect3", "sect4", "sect5",
    "preface", "glossary", "bibliography", "part", "colophon", "simplesect",
}
# lists whose <title> ("Defined Terms", "Enumerated Values") is shown as a paragraph in cells
_TITLED_LISTS = {"variablelist", "itemizedlist", "orderedlist"}
# verbatim blocks, kept as written (the schema listing of PS3.15 A.5.1.1)
_VERBATIM = {"programlisting", "screen", "literallayout"}
_SKIP = {"title", "subtitle", "info", "titleabbrev", "footnote", "indexterm", "remark"}


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag[len(DB):] if tag.startswith(DB) else tag


def parse_xml(path: Path) -> etree._ElementTree:
    """Parse a DocBook file, strictly; fall back to a recovering parse only for repeated ids.

    Some hand-cut excerpts repeat an ``xml:id``, which a strict parser rejects; any other
    error (a truncated file, a file that is not XML) is raised as :class:`SourceError`.
    """
    try:
        return etree.parse(str(path), etree.XMLParser(huge_tree=True, resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        msg = str(exc)
        if "ID" in msg and ("redefined" in msg or "already defined" in msg):
            parser = etree.XMLParser(huge_tree=True, recover=True, resolve_entities=False)
            return etree.parse(str(path), parser)
        raise SourceError(path, f"not well-formed XML ({msg}); re-fetch the part") from exc
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc}") from exc


class _Renderer:
    """Renders DocBook inline content to normalised text and collected links."""

    def __init__(self, ids: dict[str, etree._Element]) -> None:
        self.ids = ids
        self._exclude: set[etree._Element] = set()

    def inline(self, el: etree._Element, links: list[Link],
               exclude: set[etree._Element] | None = None) -> str:
        """Text of ``el`` with links rendered; elements in ``exclude`` contribute only tails."""
        parts: list[str] = []
        self._exclude = exclude or set()
        self._walk(el, parts, links, top=True)
        return normalize("".join(parts))

    def _link_text(self, el: etree._Element, target: str, document: str) -> str:
        own = "".join(el.itertext())
        if own.strip():
            return own
        text = canonical_link_text(target, document)
        if text is not None:
            return text
        tgt = self.ids.get(target)
        if tgt is not None and tgt.get("label"):
            return str(tgt.get("label"))
        return target

    def _walk(self, el: etree._Element, parts: list[str], links: list[Link], top: bool) -> None:
        name = _local(el)
        if not top:
            if name in _SKIP or not isinstance(el.tag, str) or el in self._exclude:
                parts.append(el.tail or "")
                return
            if name == "xref":
                target = el.get("linkend", "")
                text = canonical_link_text(target) or self._link_text(el, target, "")
                links.append(Link(target=target, document="", text=normalize(text)))
                parts.append(text)
                parts.append(el.tail or "")
                return
            if name == "olink":
                doc = el.get("targetdoc", "")
                target = el.get("targetptr", "")
                text = canonical_link_text(target, doc) or self._link_text(el, target, doc)
                links.append(Link(target=target, document=doc, text=normalize(text)))
                parts.append(text)
                parts.append(el.tail or "")
                return
            if name == "link":
                target = el.get("linkend") or el.get(XLINK_HREF) or ""
                text = "".join(el.itertext())
                links.append(Link(target=target, document="", text=normalize(text or target)))
                if not text.strip() and el.get(XLINK_HREF):
                    # an empty <link xl:href=.../> shows its address (as the XHTML form does)
                    parts.append(str(el.get(XLINK_HREF)))
                    parts.append(el.tail or "")
                    return
        if name == "superscript" and not top:
            parts.append("^")  # 2^32, as plain text would write it
        if isinstance(el.tag, str):
            parts.append(el.text or "")
            for child in el:
                self._walk(child, parts, links, top=False)
        if not top:
            parts.append(el.tail or "")


def _all_marked(el: etree._Element, role: str) -> bool:
    """True when every non-blank text node under ``el`` is inside ``emphasis[@role=role]``."""
    return all_text_marked(el, lambda e: _local(e) == "emphasis" and e.get("role", "") == role)


class DocBookReader:
    """Builds the document model from a parsed DocBook book."""

    def __init__(self, path: Path, tree: etree._ElementTree) -> None:
        self.path = path
        self.source = str(path)
        self.root = tree.getroot()
        self.ids = {str(e.get(XML_ID)): e for e in self.root.iter() if e.get(XML_ID)}
        self.render = _Renderer(self.ids)

    # -- cells and tables -------------------------------------------------------------------
    def _paragraphs(self, cell: etree._Element) -> tuple[tuple[str, ...], tuple[Link, ...]]:
        links: list[Link] = []
        leaf = [p for p in cell.iter(DB + "para", DB + "title")
                if (_local(p) == "para" and p.find(".//" + DB + "para") is None)
                or (_local(p) == "title" and p.getparent() is not None
                    and _local(p.getparent()) in _TITLED_LISTS)]
        if not leaf:
            text = self.render.inline(cell, links)
            return ((text,) if text else ()), tuple(links)
        texts = []
        for p in leaf:
            t = self.render.inline(p, links)
            if t:
                texts.append(t)
        return tuple(texts), tuple(links)

    def _lists(self, cell: etree._Element) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
        """The variablelists of a cell as (title, ((term, definition), ...))."""
        out = []
        for vl in cell.iter(DB + "variablelist"):
            title_el = vl.find(DB + "title")
            title = self.render.inline(title_el, []) if title_el is not None else ""
            entries = []
            for entry in vl.findall(DB + "varlistentry"):
                term_el = entry.find(DB + "term")
                item_el = entry.find(DB + "listitem")
                term = self.render.inline(term_el, []) if term_el is not None else ""
                paras = [] if item_el is None else [
                    self.render.inline(p, []) for p in item_el.iter(DB + "para")
                    if p.find(".//" + DB + "para") is None]
                entries.append((term, " ".join(p for p in paras if p)))
            out.append((title, tuple(entries)))
        return tuple(out)

    def _cell(self, el: etree._Element) -> Cell:
        paragraphs, links = self._paragraphs(el)
        if el.get("rowspan"):
            rowspan = int(el.get("rowspan", "1"))
        else:  # CALS entries say how many more rows they take
            rowspan = int(el.get("morerows", "0")) + 1
        colspan = int(el.get("colspan") or 1)
        # without an emphasis no text can be inside emphasis[@role]: skip both walks
        emphasis = next(el.iter(DB + "emphasis"), None) is not None
        return Cell(
            paragraphs=paragraphs,
            links=links,
            italic=emphasis and _all_marked(el, "italic"),
            bold=emphasis and _all_marked(el, "bold"),
            rowspan=max(rowspan, 1),
            colspan=max(colspan, 1),
            lists=self._lists(el),
        )

    def _rows(self, container: etree._Element | None) -> list[list[Cell]]:
        if container is None:
            return []
        rows = []
        for tr in container:
            if _local(tr) not in ("tr", "row"):
                continue
            rows.append([self._cell(c) for c in tr if _local(c) in ("td", "th", "entry")])
        return rows

    def table(self, el: etree._Element, section_id: str) -> Table:
        """Convert one ``table``/``informaltable`` element."""
        body_el = el.find(DB + "tbody")
        head_el = el.find(DB + "thead")
        tgroup = el.find(DB + "tgroup")
        if tgroup is not None:
            body_el = tgroup.find(DB + "tbody")
            head_el = tgroup.find(DB + "thead")
        header = self._rows(head_el)
        body = self._rows(body_el)
        if head_el is None and body_el is None:
            body = self._rows(el)
        cap_el = el.find(DB + "caption")
        if cap_el is None:
            cap_el = el.find(DB + "title")
        caption = self.render.inline(cap_el, []) if cap_el is not None else ""
        return Table(
            id=str(el.get(XML_ID) or ""),
            label=normalize(el.get("label") or ""),
            caption=caption,
            header=expand_spans(header),
            body=expand_spans(body),
            source=self.source,
            section_id=section_id,
        )

    # -- blocks and sections ----------------------------------------------------------------
    def _blocks(self, el: etree._Element, section_id: str, out: list[Block]) -> None:
        for child in el:
            name = _local(child)
            if not name or name in _SKIP:
                continue
            if name in _SECTIONS:
                out.append(self.section(child))
            elif name in ("table", "informaltable"):
                out.append(self.table(child, section_id))
            elif name == "variablelist":
                out.append(self._variablelist(child))
            elif name in _VERBATIM:
                out.append(Listing(text="".join(child.itertext()),
                                   id=str(child.get(XML_ID) or "")))
            elif name in ("para", "simpara"):
                nested = [c for c in child if _local(c) in (
                    "table", "informaltable", "itemizedlist", "orderedlist", "variablelist",
                    "note", "figure", "example")]
                links: list[Link] = []
                if nested:
                    text = self.render.inline(child, links, exclude=set(nested))
                    if text:
                        out.append(Paragraph(text=text, links=tuple(links),
                                             id=str(child.get(XML_ID) or "")))
                    self._blocks(child, section_id, out)
                else:
                    text = self.render.inline(child, links)
                    if text:
                        out.append(Paragraph(text=text, links=tuple(links),
                                             id=str(child.get(XML_ID) or "")))
            else:
                self._blocks(child, section_id, out)

    def _variablelist(self, el: etree._Element) -> DefinitionList:
        entries = []
        paragraphs: list[tuple[str, ...]] = []
        for entry in el.iter(DB + "varlistentry"):
            term_el = entry.find(DB + "term")
            item_el = entry.find(DB + "listitem")
            term = self.render.inline(term_el, []) if term_el is not None else ""
            defs: list[str] = []
            if item_el is not None:
                paras = [p for p in item_el.iter(DB + "para")
                         if not p.findall(".//" + DB + "para")]
                defs = [self.render.inline(p, []) for p in paras] or [
                    self.render.inline(item_el, [])]
            entries.append((term, " ".join(d for d in defs if d)))
            paragraphs.append(tuple(d for d in defs if d))
        return DefinitionList(entries=tuple(entries), id=str(el.get(XML_ID) or ""),
                              paragraphs=tuple(paragraphs))

    def section(self, el: etree._Element) -> Section:
        """Convert a chapter, appendix or section and everything in it."""
        sid = str(el.get(XML_ID) or "")
        title_el = el.find(DB + "title")
        title = self.render.inline(title_el, []) if title_el is not None else ""
        sec = Section(id=sid, label=normalize(el.get("label") or ""), title=title)
        self._blocks(el, sid, sec.blocks)
        return sec


def read_docbook(path: str | Path) -> Document:
    """Read a DocBook part into the document model.

    Raises
    ------
    SourceError
        When the file is missing, not well-formed, not a DocBook ``book``, or its
        ``<subtitle>`` does not name a part and an edition.
    """
    path = Path(path)
    tree = parse_xml(path)
    root = tree.getroot()
    if root.tag != DB + "book":
        raise SourceError(path, f"root element is {root.tag!r}, not a DocBook <book>; "
                                "is this a DICOM part in DocBook form?")
    sub = root.find(DB + "subtitle")
    parsed = parse_edition("".join(sub.itertext())) if sub is not None else None
    if parsed is None:
        raise SourceError(path, "no <subtitle> naming the part and edition "
                                "(e.g. 'DICOM PS3.6 2024c - Data Dictionary')")
    part, edition = parsed
    reader = DocBookReader(path, tree)
    book = Section(id=str(root.get(XML_ID) or f"PS3.{part}"), label="", title=f"PS3.{part}")
    reader._blocks(root, book.id, book.blocks)
    return Document(part=part, edition=edition, form="docbook", source=str(path),
                    sha256=sha256_file(path), root=book)
