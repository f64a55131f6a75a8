"""Source images for the objects tests: a CT series made from pydicom's ``CT_small.dcm``.

Each slice is the sample's data set with its own SOP Instance UID, Instance Number, Image
Position (Patient) along the normal and, when asked, another size (its pixels then zero).
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import numpy as np

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from tests.conftest import missing
from tests.samples import sample


def ct_series(n: int = 4, *, rows: int | None = None, columns: int | None = None,
              spacing: float = 2.5, reverse: bool = False) -> list[Dataset]:
    """``n`` CT slices of one new series of CT_small's study, ``spacing`` mm apart along z
    (given in decreasing z when ``reverse``)."""
    base = dicomkit.read(sample("CT_small.dcm"))
    series_uid = generate_uid()
    frame_of_reference = generate_uid()
    out = []
    for i in range(n):
        ds = copy.deepcopy(base)
        ds.SOPInstanceUID = generate_uid()
        ds.SeriesInstanceUID = series_uid
        ds.FrameOfReferenceUID = frame_of_reference
        ds.InstanceNumber = i + 1
        z = (n - 1 - i if reverse else i) * spacing
        ds.ImagePositionPatient = [-50.0, -60.0, z]
        ds.ImageOrientationPatient = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
        ds.SliceLocation = z
        if rows is not None or columns is not None:
            r, c = rows or int(base.Rows), columns or int(base.Columns)
            ds.Rows, ds.Columns = r, c
            ds.add_new("PixelData", "OW", np.zeros((r, c), np.int16).tobytes())
        meta = copy.deepcopy(base.file_meta) if base.file_meta is not None else Dataset()
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.file_meta = meta
        out.append(ds)
    return out


def dciodvfy_errors(path: Path) -> list[str]:
    """dicom3tools' ``dciodvfy`` error lines for a file (the test is skipped without it)."""
    exe = shutil.which("dciodvfy")
    if exe is None:
        missing("dciodvfy (dicom3tools)")
    out = subprocess.run([str(exe), str(path)], capture_output=True, text=True, check=False)
    return [ln for ln in (out.stdout + out.stderr).splitlines() if ln.startswith("Error")]


def our_errors(path: Path) -> list[str]:
    """Error findings of our validator for a file."""
    from dicomkit.validate import validate

    return [str(f) for f in validate(path).findings if f.severity == "error"]
