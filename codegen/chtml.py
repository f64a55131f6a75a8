"""Front-end 2: a chunked XHTML ("chtml") part folder -> the same document model as DocBook.

NEMA's chtml is DocBook rendered by the DocBook XSL stylesheets and cut into one file per
chapter and per chunked section.  Each file links to the one before and after it
(``<link rel="prev|next">``) and to its parent (``<link rel="up">``).  The title page
``PS3.N.html`` names the edition.  This front-end follows the ``next`` chain from the title
page, turns the content ``div`` of each file into a :class:`Section`, and hangs it under its
``up`` parent, so that sections inline in a chapter file and sections in their own files form
one tree, in document order.  A file the chain links to but that is absent is an error naming
it, unless the caller declares it known to be missing.
"""

from __future__ import annotations

import re
from collections.abc import Collection
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
from dicomkit.codegen.sha import sha256_folder
from dicomkit.codegen.text import (
    all_text_marked,
    canonical_link_text,
    expand_spans,
    normalize,
    parse_edition,
)

_CONTAINERS = {"chapter", "appendix", "section", "preface", "glossary", "bibliography",
               "part", "colophon", "book"}
_SKIP_CLASSES = {"navheader", "navfooter", "breadcrumbs", "toc", "titlepage", "footnotes",
                 "table-footnote", "footnote", "list-of-tables", "list-of-figures",
                 "biblioentry", "bibliodiv"}
_BLOCK_TAGS = {"div", "table", "ul", "ol", "dl", "p", "pre", "blockquote"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_TABLE_TITLE = re.compile(r"^Table\s+(\S+?)\.\s+(.*)$")


_LOCAL_NAMES: dict[str, str] = {}
_XHTML_A = "{http://www.w3.org/1999/xhtml}a"


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = _LOCAL_NAMES[tag] = tag.rsplit("}", 1)[-1]
    return name


_NO_CLASSES: frozenset[str] = frozenset()


def _classes(el: etree._Element) -> frozenset[str] | set[str]:
    value = el.get("class")
    return set(value.split()) if value else _NO_CLASSES


def _parse(path: Path) -> etree._Element:
    try:
        parser = etree.XMLParser(huge_tree=True, resolve_entities=False, load_dtd=False,
                                 no_network=True)
        return etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise SourceError(path, f"not well-formed XHTML ({exc}); re-fetch the part") from exc
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc}") from exc


def _link_target(href: str) -> tuple[str, str]:
    """``(document, target id)`` of an href: ``../part03/sect_C.7.html#sect_C.7`` ->
    ``("PS3.3", "sect_C.7")``; same-part links give document ``""``."""
    path, _, frag = href.partition("#")
    doc = ""
    m = re.match(r"(?:\.\./)?part(\d+)/(.*)$", path)
    if m and path.startswith(".."):
        doc = f"PS3.{int(m.group(1))}"
        path = m.group(2)
    target = frag
    if not target:
        stem = path.rsplit("/", 1)[-1]
        stem = stem[:-5] if stem.endswith(".html") else stem
        target = stem
    return doc, target


class _Renderer:
    def __init__(self) -> None:
        self.exclude: set[etree._Element] = set()

    def inline(self, el: etree._Element, links: list[Link],
               exclude: set[etree._Element] | None = None) -> str:
        parts: list[str] = []
        self.exclude = exclude or set()
        self._walk(el, parts, links, top=True)
        return normalize("".join(parts))

    def _walk(self, el: etree._Element, parts: list[str], links: list[Link], top: bool) -> None:
        if not top:
            if el.tag == _XHTML_A and len(el) == 0 and el.get("class") is None and not self.exclude:
                # the common case: an empty paragraph anchor (<a id="para_..."/>) before the text
                parts.append(el.text or "")
                parts.append(el.tail or "")
                return
            name = _local(el)
            cls = _classes(el)
            if (not name or el in self.exclude or cls & _SKIP_CLASSES
                    or "footnote" in cls or (name == "sup" and el.find(".//*[@class='footnote']")
                                             is not None)
                    or (name in _HEADINGS and "title" in cls)):
                parts.append(el.tail or "")
                return
            if name == "a" and ("xref" in cls or "olink" in cls):
                doc, target = _link_target(el.get("href", ""))
                own = "".join(el.itertext())
                text = canonical_link_text(target, doc)
                if text is None:
                    text = own
                links.append(Link(target=target, document=doc, text=normalize(text)))
                parts.append(text)
                parts.append(el.tail or "")
                return
            if name == "a" and "link" in cls:
                doc, target = _link_target(el.get("href", ""))
                links.append(Link(target=target, document=doc,
                                  text=normalize("".join(el.itertext()))))
            if name == "sup":
                parts.append("^")  # 2^32, as the DocBook front-end renders <superscript>
        parts.append(el.text or "")
        for child in el:
            self._walk(child, parts, links, top=False)
        if not top:
            parts.append(el.tail or "")


def _all_marked(el: etree._Element, cls: str) -> bool:
    """True when every non-blank text node under ``el`` is inside ``span.<cls>``."""
    return all_text_marked(el, lambda e: _local(e) == "span" and cls in _classes(e))


class ChtmlReader:
    """Builds the document model from the files of one chtml folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.render = _Renderer()

    # -- paragraphs and cells ---------------------------------------------------------------
    def _cell_paragraphs(self, cell: etree._Element, links: list[Link]) -> list[str]:
        texts: list[str] = []
        self._collect_paras(cell, texts, links)
        if not texts:
            t = self.render.inline(cell, links)
            if t:
                texts.append(t)
        return texts

    def _collect_paras(self, el: etree._Element, texts: list[str], links: list[Link]) -> None:
        for child in el:
            name = _local(child)
            cls = _classes(child)
            if not name or cls & _SKIP_CLASSES or (name in _HEADINGS and "title" in cls):
                continue
            if name == "p":
                t = self.render.inline(child, links)
                if t:
                    texts.append(t)
            else:
                self._collect_paras(child, texts, links)

    def _lists(self, cell: etree._Element) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
        """The ``div.variablelist`` of a cell as (title, ((term, definition), ...))."""
        out = []
        for div in cell.iter("{*}div"):
            if "variablelist" not in _classes(div):
                continue
            title = ""
            entries: list[tuple[str, str]] = []
            for child in div:
                name = _local(child)
                if name == "p" and "title" in _classes(child):
                    title = self.render.inline(child, [])
                elif name == "dl":
                    term: str | None = None
                    for item in child:
                        if _local(item) == "dt":
                            term = self.render.inline(item, [])
                        elif _local(item) == "dd" and term is not None:
                            paras: list[str] = []
                            self._collect_paras(item, paras, [])
                            entries.append((term, " ".join(p for p in paras if p)))
                            term = None
            out.append((title, tuple(entries)))
        return tuple(out)

    def _cell(self, el: etree._Element) -> Cell:
        links: list[Link] = []
        paragraphs = self._cell_paragraphs(el, links)
        # without a span no text can be inside span.italic or span.bold: skip both walks
        spans = next(el.iter("{*}span"), None) is not None
        return Cell(
            paragraphs=tuple(paragraphs),
            links=tuple(links),
            italic=spans and _all_marked(el, "italic"),
            bold=spans and _all_marked(el, "bold"),
            rowspan=max(int(el.get("rowspan") or 1), 1),
            colspan=max(int(el.get("colspan") or 1), 1),
            lists=self._lists(el),
        )

    def _rows(self, container: etree._Element | None) -> list[list[Cell]]:
        if container is None:
            return []
        rows = []
        for tr in container:
            if _local(tr) != "tr":
                continue
            rows.append([self._cell(c) for c in tr if _local(c) in ("td", "th")])
        return rows

    def table(self, div: etree._Element, source: str, section_id: str) -> Table:
        """Convert a ``div.table`` or ``div.informaltable``."""
        table_el = next((t for t in div.iter() if _local(t) == "table"), None)
        tid = ""
        for a in div.iter():
            if _local(a) == "a" and a.get("id", "").startswith("table_"):
                tid = a.get("id", "")
                break
        caption = ""
        label = ""
        for p in div:
            if _local(p) == "p" and "title" in _classes(p):
                title = normalize("".join(p.itertext()))
                m = _TABLE_TITLE.match(title)
                if m:
                    label, caption = m.group(1), m.group(2)
                else:
                    caption = title
                break
        if not label and tid.startswith("table_"):
            label = tid[len("table_"):]
        head: list[list[Cell]] = []
        body: list[list[Cell]] = []
        if table_el is not None:
            for child in table_el:
                name = _local(child)
                if name == "thead":
                    head.extend(self._rows(child))
                elif name == "tbody":
                    body.extend(self._rows(child))
                elif name == "tr":
                    body.append([self._cell(c) for c in child if _local(c) in ("td", "th")])
        return Table(id=tid, label=label, caption=caption, header=expand_spans(head),
                     body=expand_spans(body), source=source, section_id=section_id)

    def _dl(self, div: etree._Element) -> DefinitionList:
        entries: list[tuple[str, str]] = []
        dl = next((d for d in div.iter() if _local(d) == "dl"), None)
        if dl is None:
            return DefinitionList(entries=())
        paragraphs: list[tuple[str, ...]] = []
        term = ""
        for child in dl:
            name = _local(child)
            if name == "dt":
                term = self.render.inline(child, [])
            elif name == "dd":
                texts: list[str] = []
                self._collect_paras(child, texts, [])
                if not texts:
                    texts = [self.render.inline(child, [])]
                entries.append((term, " ".join(t for t in texts if t)))
                paragraphs.append(tuple(t for t in texts if t))
        return DefinitionList(entries=tuple(entries), paragraphs=tuple(paragraphs))

    # -- blocks and sections ----------------------------------------------------------------
    def blocks(self, el: etree._Element, source: str, section_id: str, out: list[Block]) -> None:
        """Append the blocks found in ``el`` (in document order) to ``out``."""
        for child in el:
            name = _local(child)
            cls = _classes(child)
            if not name or cls & _SKIP_CLASSES:
                continue
            if (name in _HEADINGS or name == "p") and "title" in cls:
                continue  # headings, and figure/example titles DocBook keeps in <title>
            if name == "div" and cls & _CONTAINERS:
                out.append(self.section(child, source))
            elif name == "div" and cls & {"table", "informaltable"}:
                out.append(self.table(child, source, section_id))
            elif name == "div" and "variablelist" in cls:
                out.append(self._dl(child))
            elif name == "p":
                links: list[Link] = []
                text = self.render.inline(child, links)
                if text:
                    anchor = next((a.get("id", "") for a in child if _local(a) == "a"
                                   and a.get("id", "").startswith("para_")), "")
                    out.append(Paragraph(text=text, links=tuple(links), id=anchor))
            elif name == "pre":
                out.append(Listing(text="".join(child.itertext())))  # DocBook programlisting
            elif name == "table":
                continue  # layout tables (release information banner)
            else:
                self.blocks(child, source, section_id, out)

    def section(self, div: etree._Element, source: str) -> Section:
        """Convert a ``div.chapter|appendix|section|...`` and everything in it."""
        sid, heading = "", ""
        titlepage = next((c for c in div if "titlepage" in _classes(c)), None)
        if titlepage is not None:
            h = next((x for x in titlepage.iter() if _local(x) in _HEADINGS
                      and "title" in _classes(x)), None)
            if h is not None:
                heading = normalize("".join(h.itertext()))
                a = next((x for x in h.iter() if _local(x) == "a" and x.get("id")), None)
                if a is not None:
                    sid = a.get("id", "")
        label, title = _split_heading(sid, heading)
        sec = Section(id=sid, label=label, title=title)
        self.blocks(div, source, sid, sec.blocks)
        return sec


def _split_heading(sid: str, heading: str) -> tuple[str, str]:
    """Label and title from a heading like ``"C.7.6.3 General Image Module"``.

    The label is taken only when the heading starts with the id's suffix (``sect_C.7.6.3``,
    ``chapter_A``, ``sect_TID_1500`` -> ``TID 1500``), as DocBook's ``label`` would be.
    """
    _, _, suffix = sid.partition("_")
    for cand in (suffix, suffix.replace("_", " ")):
        looks_like_label = any(ch.isdigit() for ch in cand) or (len(cand) <= 2 and cand.isupper())
        if cand and looks_like_label and (heading == cand or heading.startswith(cand + " ")):
            return cand, heading[len(cand):].strip()
    return "", heading


def _head_links(root: etree._Element) -> dict[str, str]:
    links: dict[str, str] = {}
    for el in root.iter():
        if _local(el) == "link" and el.get("rel") and el.get("href"):
            links.setdefault(el.get("rel", ""), el.get("href", "").partition("#")[0])
        if _local(el) == "body":
            break
    return links


_HEAD_LINK = re.compile(rb"<link\b[^>]*>")
_ATTR = re.compile(rb"""\b(rel|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _file_head_links(path: Path) -> dict[str, str]:
    """The ``<link rel href>`` of a file's ``<head>``, read from the bytes before ``<body``
    (used to find the chunk after a missing one without parsing every chunk twice)."""
    links: dict[str, str] = {}
    try:
        with open(path, "rb") as fh:
            head = b""
            while b"<body" not in head:
                block = fh.read(8192)
                if not block:
                    break
                head += block
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc}") from exc
    head = head.partition(b"<body")[0]
    for tag in _HEAD_LINK.findall(head):
        attrs = {m.group(1).decode(): (m.group(2) or m.group(3) or b"").decode("utf-8", "replace")
                 for m in _ATTR.finditer(tag)}
        if attrs.get("rel") and attrs.get("href"):
            links.setdefault(attrs["rel"], attrs["href"].partition("#")[0])
    return links


def _content_div(root: etree._Element) -> etree._Element | None:
    body = next((b for b in root if _local(b) == "body"), None)
    if body is None:
        return None
    for child in body:
        if _local(child) == "div" and _classes(child) & _CONTAINERS:
            return child
    return None


def read_chtml(folder: str | Path, known_missing: Collection[str] = ()) -> Document:
    """Read a chtml part folder into the document model.

    Parameters
    ----------
    folder
        The part's folder, holding ``PS3.N.html`` and its chapter and section files.
    known_missing
        File names that the chain links to but are known to be absent from this copy; they
        are skipped instead of raising.

    Raises
    ------
    SourceError
        When the title page is absent or names no edition, a file is not well-formed XHTML,
        or a linked chunk is missing (and not declared in ``known_missing``).
    """
    folder = Path(folder)
    titles = sorted(folder.glob("PS3.*.html"))
    if not folder.is_dir() or not titles:
        raise SourceError(folder, "no PS3.N.html title page: not a chtml part folder")
    title_path = titles[0]
    title_root = _parse(title_path)
    edition_text = ""
    for el in title_root.iter():
        if _local(el) in ("h2", "span") and (
            "subtitle" in _classes(el) or "documentreleaseinformation" in _classes(el)
        ):
            edition_text = "".join(el.itertext())
            break
    parsed = parse_edition(edition_text)
    if parsed is None:
        raise SourceError(title_path, "title page names no part and edition "
                                      "(expected e.g. 'DICOM PS3.6 2024c - Data Dictionary')")
    part, edition = parsed
    reader = ChtmlReader(folder)
    book = Section(id=f"PS3.{part}", label="", title=f"PS3.{part}")
    by_file: dict[str, Section] = {title_path.name: book}
    missing: list[str] = []
    known = set(known_missing)

    order: list[str] = []
    seen: set[str] = {title_path.name}
    nxt = _head_links(title_root).get("next")
    prev_of: dict[str, str] = {}
    while nxt:
        if nxt in seen:
            break
        seen.add(nxt)
        path = folder / nxt
        if not path.is_file():
            if nxt not in known:
                raise SourceError(folder / nxt, f"chunk missing: {nxt} (linked as 'next' from "
                                                f"{order[-1] if order else title_path.name}); "
                                                "the chtml folder is incomplete, re-fetch it")
            missing.append(nxt)
            # continue the chain at the file whose 'prev' is the missing one
            if not prev_of:
                for f in folder.glob("*.html"):
                    links = _file_head_links(f)
                    if links.get("prev"):
                        prev_of[links["prev"]] = f.name
            nxt = prev_of.get(nxt, "")
            continue
        order.append(nxt)
        root = _parse(path)
        links = _head_links(root)
        div = _content_div(root)
        if div is None:
            raise SourceError(path, "no chapter/appendix/section content div")
        sec = reader.section(div, str(path))
        by_file[nxt] = sec
        up = links.get("up", title_path.name)
        parent = by_file.get(up)
        if parent is None:
            if up in known or up in missing:
                parent = by_file.setdefault(up, Section(id=up[:-5], label="", title=up))
                book.blocks.append(parent)
            else:
                raise SourceError(path, f"its parent {up} was not read before it")
        parent.blocks.append(sec)
        nxt = links.get("next", "")
    stray = sorted(f.name for f in folder.glob("*.html") if f.name not in seen)
    if stray:
        raise SourceError(folder, f"files not reached from {title_path.name} by 'next' links: "
                                  f"{', '.join(stray[:5])}; the folder mixes parts or editions")
    return Document(part=part, edition=edition, form="chtml", source=str(folder),
                    sha256=sha256_folder(folder), root=book)
