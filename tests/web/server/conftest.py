"""Fixtures of the DICOMweb server tests: an archive of two patients' studies (synthetic
instances made from pydicom's CT_small.dcm, tests/archive/make.py) served by uvicorn."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from dicomkit.archive import Archive
from dicomkit.web.server import ServerConfig
from tests.archive.make import dataset, instance, uid
from tests.web.server.running import archive_of, running


@dataclass
class Served:
    """A running server over an archive of known contents."""

    url: str
    archive: Archive
    files: dict[str, bytes]          # SOP Instance UID -> Part 10 bytes as stored
    studies: list[str]
    series: dict[str, list[str]]     # study -> its series
    http: httpx.Client


def make_files() -> tuple[dict[str, bytes], list[str], dict[str, list[str]]]:
    """Study A (patient P1, Doe^Jane): two CT series of 3 and 2 instances; study B (P2,
    Smith^John): one MR series of 1 instance."""
    files: dict[str, bytes] = {}
    studies = [uid(), uid()]
    series = {studies[0]: [uid(), uid()], studies[1]: [uid()]}
    plan = [(studies[0], series[studies[0]][0], 3, "P1", "CT"),
            (studies[0], series[studies[0]][1], 2, "P1", "CT"),
            (studies[1], series[studies[1]][0], 1, "P2", "MR")]
    for st, se, n, patient, modality in plan:
        for i in range(1, n + 1):
            sop = uid()
            ds = dataset(st, se, sop, patient=patient, modality=modality, number=i)
            ds.PatientName = "Doe^Jane" if patient == "P1" else "Smith^John"
            ds.StudyDate = "20240105" if patient == "P1" else "20230301"
            import io

            import dicomkit

            out = io.BytesIO()
            dicomkit.write(out, ds)  # type: ignore[arg-type]
            files[sop] = out.getvalue()
    return files, studies, series


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    files, studies, series = make_files()
    archive = archive_of(tmp_path, list(files.values()))
    try:
        with running(archive, ServerConfig(allow_delete=True)) as url, \
                httpx.Client(base_url=url, timeout=30) as http:
            yield Served(url, archive, files, studies, series, http)
    finally:
        archive.close()


__all__ = ["Served", "instance", "make_files", "served"]
