"""Key Object Selection documents: created, read back, read by pydicom (the anchor), our
validator and dciodvfy; bad input refused."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.objects.codes import find_code
from dicomkit.objects.documents import create_encapsulated
from dicomkit.objects.errors import ObjectError
from dicomkit.objects.kos import create_key_object_selection, read_key_object_selection
from dicomkit.objects.seg import SegmentDescription, create_segmentation
from tests.objects.series import ct_series, dciodvfy_errors, our_errors

pydicom = pytest.importorskip("pydicom")


def _instances() -> list[Dataset]:
    series = ct_series(3, rows=8, columns=8)
    seg = create_segmentation(series, np.ones((3, 8, 8), np.uint8), [SegmentDescription(
        "all", find_code(7150, "Tissue"), find_code(7151, "Fat"))])
    pdf = create_encapsulated("pdf", b"%PDF-1.4\n%%EOF\n", source=series[0], title="report")
    return [*series, seg, pdf]


def test_selection_reads_back_and_in_pydicom(tmp_path: Path) -> None:
    inst = _instances()
    seg = inst[3]
    ds = create_key_object_selection(inst, title="For Teaching", description="teaching file",
                                     frames={str(seg.SOPInstanceUID): [1, 3]})
    path = tmp_path / "kos.dcm"
    dicomkit.write(path, ds)
    kos = read_key_object_selection(path)
    assert kos.title == find_code(7010, "For Teaching")
    assert kos.description == "teaching file"
    assert [r.sop_instance_uid for r in kos.references] == [str(i.SOPInstanceUID) for i in inst]
    assert kos.references[3].frames == (1, 3)
    theirs = pydicom.dcmread(path)
    assert theirs.Modality == "KO"
    items = [c for c in theirs.ContentSequence if c.ValueType in ("IMAGE", "COMPOSITE")]
    assert [c.ValueType for c in items] == ["IMAGE"] * 4 + ["COMPOSITE"]
    assert [c.ReferencedSOPSequence[0].ReferencedSOPInstanceUID for c in items] == \
        [str(i.SOPInstanceUID) for i in inst]
    evidence = theirs.CurrentRequestedProcedureEvidenceSequence
    listed = {s.ReferencedSOPInstanceUID for st in evidence for se in st.ReferencedSeriesSequence
              for s in se.ReferencedSOPSequence}
    assert listed == {str(i.SOPInstanceUID) for i in inst}


def test_created_selection_passes_our_validator_and_dciodvfy(tmp_path: Path) -> None:
    path = tmp_path / "kos.dcm"
    dicomkit.write(path, create_key_object_selection(_instances(), description="x"))
    assert our_errors(path) == []
    assert dciodvfy_errors(path) == []


def test_bad_selections_are_refused() -> None:
    inst = _instances()
    with pytest.raises(ObjectError, match="at least one"):
        create_key_object_selection([])
    with pytest.raises(ObjectError, match="CID 7010"):
        create_key_object_selection(inst, title="Nice pictures")
    other = inst[0].copy()
    other.PatientID = "SOMEONE ELSE"
    with pytest.raises(ObjectError, match="2 patients"):
        create_key_object_selection([inst[1], other])
    with pytest.raises(ObjectError, match="not Key Object"):
        read_key_object_selection(inst[0])


def test_a_selection_without_content_gives_our_error() -> None:
    ds = create_key_object_selection(_instances())
    del ds.ContentSequence
    del ds.ConceptNameCodeSequence
    with pytest.raises(DicomError):
        read_key_object_selection(ds)


_KOS: list[bytes] = []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_selections_give_only_our_errors(changes: list[tuple[int, int]]) -> None:
    if not _KOS:
        buf = io.BytesIO()
        dicomkit.write(buf, create_key_object_selection(ct_series(2, rows=4, columns=4),
                                                        description="x"))
        _KOS.append(buf.getvalue())
    data = bytearray(_KOS[0])
    for pos, value in changes:
        data[132 + pos % (len(data) - 132)] = value
    try:
        read_key_object_selection(dicomkit.read(bytes(data)))
    except DicomError:
        pass
