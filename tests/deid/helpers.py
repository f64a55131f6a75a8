"""Shared pieces of the de-identification tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from tests.samples import sample

#: pydicom samples (pinned in tests/samples.py) that cover CT, MR, RT, SR-like nesting,
#: private blocks, overlays, JPEG and multi-frame
SAMPLES = ("CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "rtplan.dcm",
           "rtstruct.dcm", "rtdose.dcm", "JPEG2000.dcm", "SC_rgb_rle.dcm", "examples_overlay.dcm",
           "liver_1frame.dcm", "waveform_ecg.dcm", "nested_priv_SQ.dcm", "priv_SQ.dcm",
           "reportsi.dcm", "test-SR.dcm", "image_dfl.dcm", "ExplVR_BigEnd.dcm")


def sample_paths() -> list[Path]:
    """The sample paths (each checked against its pin)."""
    return [sample(name) for name in SAMPLES]


def walk(ds: Dataset, parent: str = "", depth: int = 0) -> Iterator[tuple[str, int, DataElement]]:
    """(path, depth, element) of every element, items included."""
    for el in ds.elements():
        here = f"({el.tag >> 16:04X},{el.tag & 0xFFFF:04X})"
        path = f"{parent}.{here}" if parent else here
        yield path, depth, el
        if el.vr == "SQ":
            for i, item in enumerate(el.value or ()):
                yield from walk(item, f"{path}[{i}]", depth + 1)


def read(path: Path) -> Dataset:
    """Read a sample fully."""
    return dicomkit.read(str(path))
