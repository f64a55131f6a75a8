"""Compared with dicom-anonymizer (PyPI, Kitware's; its own PS3.15 2026c tag lists) on the
same pinned pydicom samples: every attribute the Basic Profile removes is removed by us, and
each difference between the two is decided here against the row of Table E.1-1.

dicom-anonymizer acts on the top-level data set for single tags (it walks sequences only for
its masked rows), and resolves the composite codes without looking at the IOD: X/Z always to
Z, X/D, Z/D and X/Z/D always to D.  The classes of difference, each checked:

* we remove, it keeps (emptied or dummy): the row's code is composite and the IOD gives the
  attribute no type (Type 3 or not named) -- Table E.1-1a "X unless Z [or D] is required to
  maintain IOD conformance (Type 3 versus Type 2 versus Type 1)": X is the profile's choice.
* it removes, we keep: the row's code is composite and the IOD makes the attribute Type 1 or
  2 (Table E.1-1a, same text: Z or D is then required); or the attribute is not in our
  Table E.1-1 (none, on these samples).
"""

from __future__ import annotations

from typing import Any

import pytest

from dicomkit.deid import Action, Deidentifier, Mapper, Profile
from dicomkit.deid.iodtypes import iod_types
from dicomkit.generated import deid as table
from tests.deid.helpers import read, sample_paths

SAMPLES = [p for p in sample_paths() if p.name not in ("nested_priv_SQ.dcm", "priv_SQ.dcm")]


def _anonymizer() -> Any:
    try:
        from dicomanonymizer import simpledicomanonymizer
    except ImportError:
        from tests.conftest import missing

        missing("dicom-anonymizer (pip install -e '.[test]')")
    return simpledicomanonymizer


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_dicom_anonymizer_removes_nothing_we_keep_without_the_table_saying_so(path: Any) -> None:
    anon = _anonymizer()
    import pydicom

    theirs = pydicom.dcmread(str(path), force=True)
    anon.anonymize_dataset(theirs, base_rules_gen=lambda: anon.initialize_actions(
        "dicomfields_2026c"))
    ds = read(path)
    sop_class = str(ds.SOPClassUID)
    top, _ = iod_types(sop_class)
    ours, report = Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    why = report.by_path()
    original = {int(t) for t in ds if int(t) >> 16 != 0x0002}
    kept_by_us = {int(t) for t in ours}
    kept_by_them = {int(e.tag) for e in theirs}
    for tag in sorted(original):
        row = table.row_for(tag)
        ours_gone, theirs_gone = tag not in kept_by_us, tag not in kept_by_them
        if row is not None and row.basic is Action.REMOVE:
            assert ours_gone, f"{row.name} ({tag:08X}): Table E.1-1 Basic Profile X"
        if ours_gone == theirs_gone:
            continue
        where = f"{path.name} {tag:08X}"
        if ours_gone and row is None:
            # an overlay group whose Overlay Data (60xx,3000), Type 1, the Basic Profile
            # removes (row "Overlay Data", X): the rest of the Overlay Plane cannot stay
            assert "Type 1" in why[f"({tag >> 16:04X},{tag & 0xFFFF:04X})"].detail, where
        elif ours_gone:
            assert row is not None and (row.private or (len(row.basic.steps) > 1
                                                        and top.get(tag, 1) == 1)), \
                f"{where}: we remove what dicom-anonymizer keeps, and the row does not say X"
            # X unless Z/D "is required to maintain IOD conformance": it is not (Type 3)
        else:
            assert row is None or (len(row.basic.steps) > 1 and top.get(tag, 1) >= 2), \
                f"{where} {row}: dicom-anonymizer removes what we keep"
            # Type 1/2 in this IOD: Table E.1-1a requires Z or D, so we keep the element
    assert original, path.name


@pytest.mark.parametrize("path", SAMPLES[:3], ids=lambda p: p.name)
def test_we_also_act_inside_sequences_where_dicom_anonymizer_does_not(path: Any) -> None:
    """PS3.15 E.1.1: protect "all instances of the Attributes listed in Table E.1-1, whether
    contained in the top level Data Set or embedded in an Item of a Sequence of Items"."""
    from tests.deid.helpers import walk

    ds = read(path)
    ours, _ = Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    nested_rows = [p for p, d, el in walk(ours) if d > 0
                   and (row := table.row_for(el.tag)) is not None
                   and row.basic is Action.REMOVE]
    assert nested_rows == []
