"""Synthetic instances for the archive tests: a real header (pydicom's CT_small.dcm, pinned in
tests/samples.py) with new UIDs, patient and modality, written by dicomkit as Part 10 bytes."""

from __future__ import annotations

import functools
import io

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.generated import tags
from tests.samples import sample


@functools.cache
def _template_bytes() -> bytes:
    return sample("CT_small.dcm").read_bytes()


def uid() -> str:
    """A new UID."""
    return str(generate_uid())


def dataset(study: str, series: str, sop: str, *, patient: str = "P1",
            modality: str = "CT", number: int = 1, size: int = 0) -> Dataset:
    """The template data set with these identifiers; ``size``: square images of that many
    rows and columns (16-bit pixels, a ramp) instead of the template's 128 x 128."""
    ds = dicomkit.read(io.BytesIO(_template_bytes()))
    if size:
        ds.Rows = ds.Columns = size
        ds[tags.PixelData].value = bytes(range(256)) * (size * size * 2 // 256)
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.SOPInstanceUID = sop
    ds.PatientID = patient
    ds.Modality = modality
    ds.InstanceNumber = str(number)
    assert ds.file_meta is not None
    ds.file_meta[tags.MediaStorageSOPInstanceUID].value = sop
    return ds


def instance(study: str, series: str, sop: str, **kwargs: object) -> bytes:
    """Part 10 bytes of :func:`dataset`."""
    out = io.BytesIO()
    dicomkit.write(out, dataset(study, series, sop, **kwargs))  # type: ignore[arg-type]
    return out.getvalue()
