"""Errors of the code generators, each carrying the file, table and row it concerns."""

from __future__ import annotations

from dicomkit.errors import DicomError


class CodegenError(DicomError):
    """Base class of every error the generators raise."""


class SourceError(CodegenError):
    """A source file or folder of the standard is unreadable, truncated or of the wrong kind.

    Parameters
    ----------
    path
        The file or folder concerned.
    message
        What is wrong and what to do about it.
    """

    def __init__(self, path: object, message: str) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: {message}")


class FetchError(CodegenError):
    """Fetching or importing a part failed: unreachable, refused, or not the file expected.

    Parameters
    ----------
    url
        The address (or, for ``--from``, the local source) being fetched; None when not known.
    path
        The file or folder being written; None when not known.
    message
        What happened and what to do about it.
    """

    def __init__(self, url: str | None, path: object, message: str) -> None:
        self.url = url
        self.path = None if path is None else str(path)
        where = " -> ".join(dict.fromkeys(w for w in (url, self.path) if w))
        super().__init__(f"{where}: {message}" if where else message)


class MissingPartError(CodegenError):
    """A part of the standard needed by a generated module is not available."""

    def __init__(self, part: int, edition: str, form: str, searched: list[str]) -> None:
        self.part = part
        self.edition = edition
        self.form = form
        self.searched = searched
        where = ", ".join(searched) if searched else "(no search path)"
        super().__init__(
            f"PS3.{part} {edition} ({form}) not found; looked in {where}. "
            f"Fetch it with 'dicomkit codegen fetch {edition} --parts {part}' "
            f"or point --source / $DICOMKIT_STANDARD_DIR at a folder holding it."
        )


class TableError(CodegenError):
    """A table does not have the shape a reader expects.

    Parameters
    ----------
    source
        The file (or chtml folder) the table was read from.
    table
        The table label, e.g. ``"6-1"``.
    message
        What is unexpected.
    row
        The 1-based body row index, when the problem is in one row.
    """

    def __init__(self, source: str, table: str, message: str, row: int | None = None) -> None:
        self.source = source
        self.table = table
        self.row = row
        where = f"{source}: Table {table}"
        if row is not None:
            where += f", row {row}"
        super().__init__(f"{where}: {message}")


class MissingTableError(CodegenError):
    """A table or section that a reader looks up by label or id is not in the document."""

    def __init__(self, source: str, what: str) -> None:
        self.source = source
        self.what = what
        super().__init__(f"{source}: {what} not found")


class MissingRegistryError(CodegenError):
    """A registry file a generated module needs (``registries`` of ``standard/sources.json``,
    such as dcmtk's ``dicom.dic``) is not declared or not there."""

    def __init__(self, key: str, path: object, env: str, install: str,
                 reasons: list[str]) -> None:
        self.key = key
        self.path = None if path is None else str(path)
        if self.path is None:
            message = (f"no registry {key!r} is declared in standard/sources.json "
                       "('registries')")
        else:
            why = f" ({'; '.join(reasons)})" if reasons else ""
            message = f"registry {key} not found at {self.path}{why}"
            todo = []
            if install:
                todo.append(f"install it ('{install}')")
            if env:
                todo.append(f"set ${env} to a copy")
            todo.append(f"or change registries.{key}.path in standard/sources.json")
            message += "; " + ", ".join(todo)
        super().__init__(message)
