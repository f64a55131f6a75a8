"""Where the parts of the standard are, which edition feeds which table, and what was read.

:class:`Standard` is what readers are handed: ``std.table(6, "6-1")`` returns the table from
whichever edition and form ``standard/sources.json`` (or ``--edition``) declares for it, loading
each part once, and records which part, edition and sha256 every table came from so that each
generated module can name its sources in its header.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dicomkit.codegen.document import Document, Section, Table
from dicomkit.codegen.errors import CodegenError, MissingPartError, MissingRegistryError

FORMS = ("docbook", "chtml")
BASE_URL = "https://dicom.nema.org/medical/dicom"


def project_root() -> Path:
    """The project checkout: the folder holding ``standard/sources.json``.

    ``$DICOMKIT_PROJECT`` wins; then the folder above this package (a source checkout or an
    editable install); then the current directory and its parents.
    """
    env = os.environ.get("DICOMKIT_PROJECT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve().parent.parent
    if (here / "standard" / "sources.json").is_file():
        return here
    cwd = Path.cwd().resolve()
    for d in (cwd, *cwd.parents):
        if (d / "standard" / "sources.json").is_file():
            return d
    return cwd


def default_roots(project: Path | None = None) -> list[Path]:
    """Folders searched for parts: the fetch cache, ``$DICOMKIT_STANDARD_DIR``, shared copy."""
    project = project or project_root()
    roots = [project / "standard" / "cache"]
    env = os.environ.get("DICOMKIT_STANDARD_DIR")
    if env:
        roots.append(Path(env))
    roots.append(project.parent / "shared" / "dicom-standard")
    return roots


def part_url(edition: str, part: int, form: str = "docbook") -> str:
    """NEMA's address of a part: the DocBook file or the chtml folder."""
    if form == "chtml":
        return f"{BASE_URL}/{edition}/output/chtml/part{part:02d}/"
    return f"{BASE_URL}/{edition}/source/docbook/part{part:02d}/part{part:02d}.xml"


def candidate_paths(root: Path, edition: str, part: int, form: str) -> list[Path]:
    """The places under ``root`` where a part may be, in the order they are tried."""
    nn = f"part{part:02d}"
    if form == "docbook":
        return [root / edition / f"{nn}.xml"]
    return [root / f"{edition}-chtml" / nn, root / edition / nn]


def locate(roots: list[Path], edition: str, part: int, form: str) -> Path:
    """Find a part; raise :class:`MissingPartError` naming every place looked in."""
    searched = []
    for root in roots:
        for p in candidate_paths(root, edition, part, form):
            searched.append(str(p))
            if form == "docbook" and p.is_file():
                return p
            if form == "chtml" and (p / f"PS3.{part}.html").is_file():
                return p
    raise MissingPartError(part, edition, form, searched)


def available_forms(roots: list[Path], edition: str, part: int) -> list[str]:
    """Which forms of a part are on hand, DocBook first."""
    out = []
    for form in FORMS:
        try:
            locate(roots, edition, part, form)
        except MissingPartError:
            continue
        out.append(form)
    return out


@dataclass(frozen=True)
class PartSource:
    """One part in one edition and form, with chunks known to be missing from our copy."""

    part: int
    edition: str
    form: str
    known_missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableUse:
    """A record that a generated module used a table or section of a part."""

    part: int
    edition: str
    form: str
    sha256: str
    url: str
    what: str


@dataclass(frozen=True)
class RegistrySource:
    """A data element registry in a file outside the standard's XML (``registries`` in
    ``standard/sources.json``), such as dcmtk's ``dicom.dic`` and ``private.dic``.

    Attributes
    ----------
    key
        Its name in ``sources.json`` (``"dcmtk-dicom"``).
    path
        Where the file is by default.
    env
        An environment variable whose value, when set, is used as the path instead (``""``:
        none).
    edition
        The edition of the standard the file says it was made from (checked against the file
        by its reader), ``""`` for registries of no edition (private dictionaries).
    install
        What to do to get the file, said when it is missing (``"apt-get install dcmtk"``).
    second_rank_for
        ``"6:6-1"``: the registry fills in what that table of that part lacks, when its edition
        is newer than the one the table comes from; ``""`` when it is no such supplement.
    """

    key: str
    path: str
    env: str = ""
    edition: str = ""
    install: str = ""
    second_rank_for: str = ""

    def resolved(self) -> Path:
        """The path to read: ``$env`` when set and not empty, else :attr:`path`."""
        override = os.environ.get(self.env, "") if self.env else ""
        return Path(override or self.path)


@dataclass(frozen=True)
class RegistryUse:
    """A record that a generated module used a registry file (named in the module header)."""

    key: str
    edition: str
    path: str
    sha256: str
    what: str


def edition_key(edition: str) -> tuple[int, str]:
    """``"2022b"`` -> ``(2022, "b")``, so that editions compare in time order.

    Raises
    ------
    CodegenError
        When ``edition`` is not a year with an optional letter.
    """
    year, letter = edition[:4], edition[4:]
    if not (year.isdigit() and len(year) == 4 and (letter == "" or
                                                   (len(letter) == 1 and letter.islower()))):
        raise CodegenError(f"{edition!r} is not an edition of the standard (like 2022b)")
    return int(year), letter


def load_registries(path: Path) -> dict[str, RegistrySource]:
    """The ``registries`` of ``standard/sources.json`` (none when the file declares none).

    Raises
    ------
    CodegenError
        When the file cannot be read or an entry lacks its path.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CodegenError(f"{path}: cannot read the sources declaration: {exc}") from exc
    out: dict[str, RegistrySource] = {}
    for key, spec in sorted(data.get("registries", {}).items()):
        if not isinstance(spec, dict) or not isinstance(spec.get("path"), str):
            raise CodegenError(f"{path}: registries.{key} needs a 'path'")
        out[key] = RegistrySource(key=key, path=spec["path"], env=spec.get("env", ""),
                                  edition=spec.get("edition", ""),
                                  install=spec.get("install", ""),
                                  second_rank_for=spec.get("second_rank_for", ""))
    return out


def load_sources(path: Path) -> tuple[dict[int, PartSource], dict[tuple[int, str], PartSource]]:
    """Read ``standard/sources.json``: per-part sources and per-table overrides."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CodegenError(
            f"{path}: cannot read the sources declaration: {exc}; run this inside a dicomkit "
            "checkout, set $DICOMKIT_PROJECT to one, or name an edition (--edition)") from exc
    parts: dict[int, PartSource] = {}
    for key, spec in data.get("parts", {}).items():
        parts[int(key)] = PartSource(int(key), spec["edition"], spec.get("form", "docbook"),
                                     tuple(sorted(spec.get("known_missing", {}))))
    tables: dict[tuple[int, str], PartSource] = {}
    for key, spec in data.get("tables", {}).items():
        part_s, _, label = key.partition(":")
        tables[(int(part_s), label)] = PartSource(int(part_s), spec["edition"],
                                                  spec.get("form", "docbook"))
    return parts, tables


@dataclass
class Standard:
    """The parts of the standard a generation run reads, loaded lazily and once.

    Parameters
    ----------
    roots
        Folders searched for parts (see :func:`default_roots`).
    parts
        For each part number, the edition and form to read.
    tables
        Overrides for single tables: ``(part, label) -> source``.
    registries
        Registry files outside the standard's XML, by key (see :class:`RegistrySource`).
    """

    roots: list[Path]
    parts: dict[int, PartSource]
    tables: dict[tuple[int, str], PartSource] = field(default_factory=dict)
    registries: dict[str, RegistrySource] = field(default_factory=dict)
    _docs: dict[PartSource, Document] = field(default_factory=dict, repr=False)
    _files: dict[str, tuple[Path, bytes, str]] = field(default_factory=dict, repr=False)
    _uses: list[TableUse | RegistryUse] | None = field(default=None, repr=False)

    @classmethod
    def declared(cls, project: Path | None = None, roots: list[Path] | None = None) -> Standard:
        """The sources declared in ``standard/sources.json``."""
        project = project or project_root()
        sources = project / "standard" / "sources.json"
        parts, tables = load_sources(sources)
        return cls(roots=roots or default_roots(project), parts=parts, tables=tables,
                   registries=load_registries(sources))

    @classmethod
    def edition(cls, edition: str, roots: list[Path], parts: list[int],
                registries: dict[str, RegistrySource] | None = None) -> Standard:
        """Every part from one edition, DocBook where on hand, else chtml.

        ``registries`` (those of ``standard/sources.json``, when at hand) are kept: a second
        rank registry is still used only where it is newer than the edition.
        """
        chosen = {}
        for p in parts:
            forms = available_forms(roots, edition, p)
            chosen[p] = PartSource(p, edition, forms[0] if forms else "docbook")
        return cls(roots=roots, parts=chosen, registries=dict(registries or {}))

    @classmethod
    def of_document(cls, doc: Document, roots: list[Path] | None = None) -> Standard:
        """A Standard holding one already-read document (a part given by path)."""
        src = PartSource(doc.part, doc.edition, doc.form)
        std = cls(roots=roots or [], parts={doc.part: src})
        std._docs[src] = doc
        return std

    @property
    def preloaded(self) -> bool:
        """True when documents are already read (they would be read again in other processes)."""
        return bool(self._docs)

    def fresh(self) -> Standard:
        """The same sources with nothing read yet (what a worker process starts from)."""
        return Standard(roots=list(self.roots), parts=dict(self.parts), tables=dict(self.tables),
                        registries=dict(self.registries))

    def source_of(self, part: int, label: str | None = None) -> PartSource:
        """The declared source of a part, or of one table of it."""
        if label is not None and (part, label) in self.tables:
            return self.tables[(part, label)]
        if part not in self.parts:
            raise MissingPartError(part, "(none declared)", "docbook", [])
        return self.parts[part]

    def load(self, src: PartSource) -> Document:
        """Read (once) and return the document of a part source."""
        doc = self._docs.get(src)
        if doc is None:
            path = locate(self.roots, src.edition, src.part, src.form)
            if src.form == "chtml":
                from dicomkit.codegen.chtml import read_chtml

                doc = read_chtml(path, known_missing=src.known_missing)
            else:
                from dicomkit.codegen.docbook import read_docbook

                doc = read_docbook(path)
            if doc.part != src.part or doc.edition != src.edition:
                raise CodegenError(
                    f"{path}: names itself PS3.{doc.part} {doc.edition}, "
                    f"expected PS3.{src.part} {src.edition}; the file is misplaced or mislabelled"
                )
            self._docs[src] = doc
        return doc

    def document(self, part: int, label: str | None = None) -> Document:
        """The document that holds ``part`` (or its table ``label`` when overridden)."""
        return self.load(self.source_of(part, label))

    def _record(self, doc: Document, src: PartSource, what: str) -> None:
        if self._uses is not None:
            self._uses.append(TableUse(doc.part, doc.edition, doc.form, doc.sha256,
                                       part_url(src.edition, src.part, src.form), what))

    def table(self, part: int, label: str) -> Table:
        """Table ``label`` of ``part``, from its declared source; the use is recorded."""
        src = self.source_of(part, label)
        doc = self.load(src)
        t = doc.table(label)
        self._record(doc, src, f"Table {t.label or label}")
        return t

    def find_table(self, part: int, label: str) -> Table | None:
        """Like :meth:`table`, but None when the part lacks it (the part must be on hand)."""
        src = self.source_of(part, label)
        doc = self.load(src)
        t = doc.find_table(label)
        if t is not None:
            self._record(doc, src, f"Table {t.label or label}")
        return t

    def section(self, part: int, label: str) -> Section:
        """Section ``label`` (or id) of ``part``; the use is recorded."""
        src = self.source_of(part)
        doc = self.load(src)
        s = doc.section(label)
        self._record(doc, src, f"Section {s.label or label}")
        return s

    def tables_titled(self, part: int, words: str) -> list[Table]:
        """Every table of ``part`` whose caption contains ``words``; each use is recorded."""
        src = self.source_of(part)
        doc = self.load(src)
        found = doc.tables_titled(words)
        for t in found:
            self._record(doc, src, f"Table {t.label or t.id}")
        return found

    def second_rank(self, part: int, label: str) -> list[RegistrySource]:
        """The registries declared as second rank for table ``label`` of ``part``, by key."""
        want = f"{part}:{label}"
        return [r for _, r in sorted(self.registries.items()) if r.second_rank_for == want]

    def registry_file(self, key: str, what: str) -> tuple[Path, bytes]:
        """The path and bytes of registry ``key`` (read once); the use is recorded as ``what``.

        Raises
        ------
        MissingRegistryError
            When no such registry is declared, or its file is not there.
        """
        cached = self._files.get(key)
        if cached is None:
            src = self.registries.get(key)
            if src is None:
                raise MissingRegistryError(key, None, "", "", [])
            path = src.resolved()
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise MissingRegistryError(key, path, src.env, src.install,
                                           [f"{exc.strerror or exc}"]) from None
            cached = (path, data, hashlib.sha256(data).hexdigest())
            self._files[key] = cached
        path, data, sha = cached
        if self._uses is not None:
            src = self.registries[key]
            self._uses.append(RegistryUse(key, src.edition, str(path), sha, what))
        return path, data

    @contextmanager
    def recording(self) -> Iterator[list[TableUse | RegistryUse]]:
        """Collect, for the duration, every table, section and registry file handed out."""
        previous = self._uses
        uses: list[TableUse | RegistryUse] = []
        self._uses = uses
        try:
            yield uses
        finally:
            self._uses = previous
