"""De-identify files and folders: each output written to a temporary name and renamed when
complete (by :func:`dicomkit.write`), its replacements recorded in the mapping store only
once it is written.

Output files are named by their (new) SOP Instance UID, ``<uid>.dcm``, in the output folder:
input names and folders often carry patient names or IDs, so none of them is kept.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dicomkit.deid.engine import Deidentifier
from dicomkit.deid.errors import DeidFileError
from dicomkit.deid.report import FileReport
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.io.reader import read
from dicomkit.io.writer import write

__all__ = ["deidentify_file", "deidentify_files", "input_files"]

#: ``progress(done, total, report)`` after each file.
Progress = Callable[[int, int, FileReport], None]


def input_files(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every file named, and every file under each folder named (sorted, hidden names
    skipped)."""
    out: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file()
                          and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            out.append(path)
    return out


def deidentify_file(source: str | os.PathLike[str], target: str | os.PathLike[str],
                    deidentifier: Deidentifier) -> FileReport:
    """De-identify one file into ``target`` (a file, or a folder to write ``<uid>.dcm`` in).

    Raises
    ------
    DeidFileError
        When ``source`` cannot be read as DICOM or the result cannot be written; nothing is
        written and nothing recorded.
    """
    src = str(source)
    try:
        ds = read(src)
    except (DicomError, OSError) as exc:
        raise DeidFileError(f"not read: {exc}", source=src) from None
    syntax = ds.read_transfer_syntax or (
        str(ds.file_meta[tags.TransferSyntaxUID].value)
        if ds.file_meta is not None and tags.TransferSyntaxUID in ds.file_meta else "")
    try:
        out, report = deidentifier.deidentify(ds, source=src)
        dest = Path(target)
        if dest.is_dir():
            uid = str(out[tags.SOPInstanceUID].value) if tags.SOPInstanceUID in out else ""
            if not uid:
                raise DeidFileError("no SOP Instance UID to name the output by; give a file "
                                    "name as the target", source=src)
            dest = dest / f"{uid}.dcm"
        meta = out.file_meta
        if meta is not None and tags.TransferSyntaxUID in meta:  # pixels rewritten natively
            syntax = str(meta[tags.TransferSyntaxUID].value)
        write(dest, out, transfer_syntax=syntax or None)
    except DeidFileError:
        deidentifier.mapper.discard()
        raise
    except (DicomError, OSError) as exc:
        deidentifier.mapper.discard()
        raise DeidFileError(f"not de-identified: {exc}", source=src) from None
    deidentifier.mapper.flush()
    report.target = str(dest)
    return report


def deidentify_files(inputs: Iterable[str | os.PathLike[str]], out_dir: str | os.PathLike[str],
                     deidentifier: Deidentifier, *,
                     progress: Progress | None = None) -> Iterator[FileReport]:
    """De-identify every input file (folders walked) into ``out_dir``, yielding one report
    per file; a file that fails gets a report with ``error`` set and the others go on."""
    files = input_files(inputs)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for n, path in enumerate(files, 1):
        try:
            report = deidentify_file(path, folder, deidentifier)
        except DeidFileError as exc:
            report = FileReport(source=str(path), error=exc.reason)
        if progress is not None:
            progress(n, len(files), report)
        yield report
