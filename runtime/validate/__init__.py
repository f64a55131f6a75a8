"""Conformance validation of data sets against the IODs, modules and macros of PS3.3.

:func:`validate` checks one data set or file and returns a :class:`Report`:

* element level (PS3.5 6.2, 6.4, 7.1, 7.8, 9.1; :mod:`dicomkit.validate.values`): VR against
  the dictionary, VM, value syntax, UID roots, lengths, repertoire, retired and unknown
  attributes, private elements without a creator;
* pixel description (PS3.5 8.1.1, PS3.3 C.7.6.3.1.2; :mod:`dicomkit.validate.pixels`): bits,
  samples against the Photometric Interpretation, Planar Configuration, Pixel Data length;
* consistency (:mod:`dicomkit.validate.consistency`): file meta against the data set (PS3.10
  7.1), one UID for two things (PS3.5 9), SR evidence lists (PS3.3 C.17.2.3);
* IOD level (PS3.3; :mod:`dicomkit.validate.iod`): the modules of the IOD of the SOP class,
  type 1/2/1C/2C attributes, enumerated values and defined terms, sequence item counts, macros
  and the functional groups of enhanced multi-frame IODs;
* with ``dicomdir=True``, DICOMDIR-building warnings (PS3.3 F.5, PS3.10 8;
  :mod:`dicomkit.validate.dicomdir`): the keys of the directory records that would reference
  the file, File Meta Information, the File ID its name would be.

:func:`validate_many` runs over many files, in worker processes when asked.  The ``dicomkit
validate`` command (:mod:`dicomkit.cli.validate`) is built on both.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Final

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.validate.report import Finding, Report

__all__ = ["DEFER_SIZE", "Finding", "InvalidDataSetError", "Report", "require_valid", "validate",
           "validate_many"]

_MODALITY: Final = tags.Modality
_MANUFACTURER: Final = tags.Manufacturer

#: Values longer than this are not read into memory when validating a file (pixel data, large
#: binary values): their VR and presence are checked, their bytes are not.
DEFER_SIZE: Final = 16384


def validate(ds_or_path: Dataset | str | os.PathLike[str], *, sop_class: str | None = None,
             iod: bool = True, ignore: Iterable[str] = (), dicomdir: bool = False,
             file_set_root: str | os.PathLike[str] | None = None) -> Report:
    """Check a data set (or the file at a path) and return its :class:`Report`.

    Parameters
    ----------
    ds_or_path
        A :class:`~dicomkit.Dataset`, or the path of a DICOM file.
    sop_class
        Check against the IOD of this SOP Class UID instead of the data set's SOP Class UID
        (0008,0016) (or the file meta's Media Storage SOP Class UID (0002,0002)).
    iod
        False to run only the element-level checks (no IOD tables needed).
    ignore
        Rule ids (or shell patterns, ``pixel-*``) whose findings are dropped; the report counts
        them in ``suppressed`` (:data:`dicomkit.validate.report.RULES` lists the ids).
    dicomdir
        True to add the DICOMDIR-building warnings (:mod:`dicomkit.validate.dicomdir`).
    file_set_root
        With ``dicomdir`` and a path: the folder of the File-set, so that the File ID checked
        is the path below it; without it the file's name alone is checked.

    Returns
    -------
    Report
        The findings; a file that cannot be read gives one ``unreadable`` error.
    """
    from dicomkit.validate.consistency import check_consistency
    from dicomkit.validate.pixels import check_pixels
    from dicomkit.validate.values import check_elements

    if isinstance(ds_or_path, Dataset):
        ds = ds_or_path
        report = Report(source=ds.filename)
    else:
        import dicomkit

        name = os.fspath(ds_or_path)
        report = Report(source=name)
        try:
            ds = dicomkit.read(name, defer_size=DEFER_SIZE)
        except (DicomError, OSError) as exc:
            report.add("error", "unreadable", "", f"cannot read the file: {exc}", "PS3.10 7")
            report.suppress(ignore)
            return report
    report.modality = _text_of(ds, _MODALITY)
    report.manufacturer = _text_of(ds, _MANUFACTURER)
    for warning in ds.warnings:  # every recovery of the lenient reader is a broken encoding
        report.add("error", "encoding", warning.tag_path or "", warning.message, "PS3.5 7")
    if ds.file_meta is not None:
        check_elements(ds.file_meta, report, explicit=True)
    check_elements(ds, report)
    check_pixels(ds, report)
    check_consistency(ds, report)
    if iod:
        from dicomkit.validate.iod import check_iod

        check_iod(ds, report, sop_class=sop_class)
    if dicomdir:
        from dicomkit.validate.dicomdir import check_dicomdir, file_id_of

        file_id = None if isinstance(ds_or_path, Dataset) else file_id_of(ds_or_path,
                                                                         file_set_root)
        check_dicomdir(ds, report, sop_class=sop_class, file_id=file_id)
    report.suppress(ignore)
    return report


def _text_of(ds: Dataset, tag: int) -> str:
    el = ds.element(tag)
    if el is None or el.is_deferred:
        return ""
    try:
        value = el.value
    except (DicomError, ValueError, UnicodeError):
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip(" \x00") if isinstance(value, str) else ""


def _validate_path(path: str, ignore: tuple[str, ...] = (), dicomdir: bool = False,
                   file_set_root: str | None = None) -> Report:
    return validate(path, ignore=ignore, dicomdir=dicomdir, file_set_root=file_set_root)


def validate_many(paths: Iterable[str | os.PathLike[str]], *,
                  workers: int | None = 1, ignore: Iterable[str] = (), dicomdir: bool = False,
                  file_set_root: str | os.PathLike[str] | None = None) -> Iterator[Report]:
    """Validate many files; yield their reports in the order of ``paths``.

    Parameters
    ----------
    paths
        The files.
    workers
        Processes to use; 1 (the default) validates in this process, None uses one per CPU.
    ignore, dicomdir, file_set_root
        As for :func:`validate`.
    """
    names = [os.fspath(p) for p in paths]
    root = os.fspath(file_set_root) if file_set_root is not None else None
    dropped = tuple(ignore)
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(names) < 2:
        for name in names:
            yield validate(name, ignore=dropped, dicomdir=dicomdir, file_set_root=root)
        return
    chunk = max(1, min(64, len(names) // (count * 4)))
    with ProcessPoolExecutor(max_workers=count) as pool:
        yield from pool.map(partial(_validate_path, ignore=dropped, dicomdir=dicomdir,
                                    file_set_root=root), names, chunksize=chunk)


class InvalidDataSetError(DicomError):
    """A data set that :func:`require_valid` refused, with its report."""

    def __init__(self, message: str, report: Report) -> None:
        self.report = report
        super().__init__(message)


def require_valid(source: Dataset | str | os.PathLike[str], *, level: str = "error") -> None:
    """Raise :class:`InvalidDataSetError` when :func:`validate` finds anything at ``level``
    ("error" or "warning") or above; the hook ``StorageSCU(before_send=require_valid)`` uses to
    keep non-conformant files from being sent (each becomes an error result naming the first
    findings)."""
    report = validate(source)
    if report.fails(level):
        worst = [f for f in report.findings if f.severity == "error"] or report.findings
        shown = "; ".join(f"{f.path} {f.message}" for f in worst[:3])
        more = f" (and {len(worst) - 3} more)" if len(worst) > 3 else ""
        raise InvalidDataSetError(f"not sent: {report.errors} validation error(s): {shown}{more}",
                                  report)
