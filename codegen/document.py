"""The format-neutral document model that both front-ends produce.

A part of the standard is a tree of :class:`Section` objects whose ``blocks`` hold, in document
order, paragraphs, tables, definition lists, verbatim listings and sub-sections.  Tables come
with row and column spans already expanded, so every body row has one :class:`Cell` per column
and readers can index columns by header text.  Text is normalised the same way for both forms
(zero-width spaces removed, whitespace collapsed, cross references rendered from their
targets), so that the same edition read from DocBook or from chunked XHTML gives equal tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    """A cross reference: ``xref``/``link`` within a part, ``olink`` to another part.

    ``target`` is the ``xml:id`` pointed to; ``document`` the target part (``"PS3.3"``) for
    olinks, ``""`` within the same part.
    """

    target: str
    document: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text (a ``para`` or ``p``)."""

    text: str
    links: tuple[Link, ...] = ()
    id: str = ""


@dataclass(frozen=True)
class Cell:
    """One cell of an expanded table grid.

    Attributes
    ----------
    paragraphs
        The normalised text of each paragraph in the cell, kept apart.
    italic
        True when all the cell's text is italic (the standard's mark of retired rows).
    bold
        True when all the cell's text is bold.
    rowspan, colspan
        The spans of the source cell this grid position comes from.
    spanned
        True for grid positions filled by a span from a cell above or to the left.
    lists
        The definition lists in the cell (DocBook ``variablelist``, chtml ``div.variablelist``),
        each ``(title, ((term, definition), ...))``: PS3.3 states Enumerated Values and Defined
        Terms this way ("Enumerated Values:", ("M", "male"), ...).  Their titles and
        definitions are also among ``paragraphs``; the terms are only here.
    """

    paragraphs: tuple[str, ...]
    links: tuple[Link, ...] = ()
    italic: bool = False
    bold: bool = False
    rowspan: int = 1
    colspan: int = 1
    spanned: bool = False
    lists: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    @property
    def text(self) -> str:
        """All paragraphs joined by a single space."""
        return " ".join(p for p in self.paragraphs if p)


@dataclass(frozen=True)
class Row:
    """One row of cells, spans expanded."""

    cells: tuple[Cell, ...]

    @property
    def texts(self) -> tuple[str, ...]:
        """The text of each cell."""
        return tuple(c.text for c in self.cells)

    @property
    def italic(self) -> bool:
        """True when every non-empty cell is italic (a retired row)."""
        filled = [c for c in self.cells if c.text]
        return bool(filled) and all(c.italic for c in filled)


@dataclass(frozen=True)
class Table:
    """A formal table (``table``) or an untitled one (``informaltable``).

    ``label`` is the table number without the word ``Table`` (``"6-1"``); ``id`` its
    ``xml:id`` (``"table_6-1"``); ``source`` the file it was read from.
    """

    id: str
    label: str
    caption: str
    header: tuple[Row, ...]
    body: tuple[Row, ...]
    source: str
    section_id: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        """The header text of each column (the last header row; empty without a header)."""
        if not self.header:
            return ()
        return self.header[-1].texts

    @property
    def where(self) -> str:
        """A short description for error messages: source and label."""
        return f"{self.source}: Table {self.label or self.id}"


@dataclass(frozen=True)
class DefinitionList:
    """A ``variablelist`` (DocBook) or ``dl`` (XHTML): pairs of term and definition text.

    ``paragraphs`` holds, for each entry, the paragraphs of its definition kept apart (PS3.3
    C.14.1.1 gives each Failure Reason a meaning and a description as two paragraphs).
    """

    entries: tuple[tuple[str, str], ...]
    id: str = ""
    paragraphs: tuple[tuple[str, ...], ...] = ()


@dataclass
class Section:
    """A chapter, appendix or section: label (``"C.7.6.3"``), title, id and its blocks."""

    id: str
    label: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def sections(self) -> list[Section]:
        """The direct sub-sections, in document order."""
        return [b for b in self.blocks if isinstance(b, Section)]

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in document order."""
        yield self
        for b in self.blocks:
            if isinstance(b, Section):
                yield from b.walk()

    def iter_blocks(self) -> Iterator[Block]:
        """Every block below this section (sub-sections are entered), in document order."""
        for b in self.blocks:
            yield b
            if isinstance(b, Section):
                yield from b.iter_blocks()


@dataclass(frozen=True)
class Listing:
    """A verbatim block (DocBook ``programlisting``/``screen``/``literallayout``): its text as
    written, whitespace and line breaks kept (PS3.15 A.5.1.1 gives the audit message schema
    this way)."""

    text: str
    id: str = ""


Block = Paragraph | Table | DefinitionList | Listing | Section


@dataclass
class Document:
    """One part of one edition, as read by a front-end.

    Attributes
    ----------
    part
        The part number (6 for PS3.6).
    edition
        The edition named by the source itself (``"2024c"``).
    form
        ``"docbook"`` or ``"chtml"``.
    source
        The path read (a file for DocBook, a folder for chtml).
    sha256
        Of the DocBook file; for a chtml folder, of its sorted file list and contents.
    root
        The book: its blocks are the chapters and appendices.
    """

    part: int
    edition: str
    form: str
    source: str
    sha256: str
    root: Section
    _tables: dict[str, Table] = field(default_factory=dict, repr=False)
    _sections: dict[str, Section] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the lookups by id and by label (call after changing the tree)."""
        self._tables.clear()
        self._sections.clear()
        for sec in self.root.walk():
            if sec.id:
                self._sections.setdefault(sec.id, sec)
            if sec.label:
                self._sections.setdefault("label:" + sec.label, sec)
            for b in sec.blocks:
                if isinstance(b, Table):
                    if b.id:
                        self._tables.setdefault(b.id, b)
                    if b.label:
                        self._tables.setdefault("label:" + b.label, b)

    @property
    def name(self) -> str:
        """``"PS3.6 2024c (chtml)"``: how error messages name this document."""
        return f"PS3.{self.part} {self.edition} ({self.form})"

    def tables(self) -> Iterator[Table]:
        """Every table, in document order."""
        for b in self.root.iter_blocks():
            if isinstance(b, Table):
                yield b

    def table(self, label: str) -> Table:
        """The table labelled ``label`` (``"6-1"``), or by ``xml:id`` (``"table_6-1"``).

        Raises
        ------
        MissingTableError
            When no such table is in the document.
        """
        from dicomkit.codegen.errors import MissingTableError

        t = self._tables.get("label:" + label) or self._tables.get(label)
        if t is None:
            raise MissingTableError(self.source, f"Table {label} of {self.name}")
        return t

    def find_table(self, label: str) -> Table | None:
        """The table labelled ``label`` or with that id, or None."""
        return self._tables.get("label:" + label) or self._tables.get(label)

    def section(self, label: str) -> Section:
        """The section labelled ``label`` (``"C.7.6.3"``) or with that ``xml:id``."""
        from dicomkit.codegen.errors import MissingTableError

        s = self._sections.get("label:" + label) or self._sections.get(label)
        if s is None:
            raise MissingTableError(self.source, f"Section {label} of {self.name}")
        return s

    def find_section(self, label: str) -> Section | None:
        """The section labelled ``label`` or with that id, or None."""
        return self._sections.get("label:" + label) or self._sections.get(label)

    def replace_table(self, label: str, new: Table) -> None:
        """Put ``new`` in place of the table labelled (or with id) ``label``, and reindex.

        Used to feed readers a changed table (tests of malformed input, corrections).

        Raises
        ------
        MissingTableError
            When no such table is in the document.
        """
        old = self.table(label)
        for sec in self.root.walk():
            sec.blocks = [new if b is old else b for b in sec.blocks]
        self.reindex()

    def tables_titled(self, words: str) -> list[Table]:
        """Tables whose caption contains ``words`` (case-insensitive), in document order."""
        w = words.lower()
        return [t for t in self.tables() if w in t.caption.lower()]
