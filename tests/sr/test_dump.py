"""format_tree: the text of ``dicomkit sr dump``."""

from __future__ import annotations

import dicomkit
from dicomkit.sr import SRDocument, format_tree
from tests.sr.samples import pydicom_sample


def _sample(name: str) -> str:
    return pydicom_sample(name)


def test_dump_shows_paths_relationships_codes_and_values_indented_by_depth() -> None:
    doc = SRDocument.from_dataset(dicomkit.read(_sample("test-SR.dcm")))
    lines = format_tree(doc.root).splitlines()
    assert lines[0] == '1  CONTAINER (1111, TEST, "Diagnosis") [SEPARATE]'
    assert '  1.1  HAS OBS CONTEXT UIDREF (1234.0, 99_OFFIS_DCMTK, "Some UID") = 1.2.3.4.5' in lines
    assert '    1.2.2  CONTAINS NUM (1234, 99_OFFIS_DCMTK, "Diameter") = 3 cm' in lines
    assert len(lines) == sum(1 for _ in doc.root.walk())


def test_dump_shows_by_reference_items_as_arrows() -> None:
    doc = SRDocument.from_dataset(dicomkit.read(_sample("test-SR.dcm")))
    refs = [item for item in doc.root.walk() if item.reference is not None]
    assert refs
    text = format_tree(doc.root)
    for item in refs:
        assert f"{item.path_text}  {item.relationship} -> {'.'.join(map(str, item.reference or ()))}" \
            in text


def test_dump_of_a_subtree_starts_at_its_path() -> None:
    doc = SRDocument.from_dataset(dicomkit.read(_sample("test-SR.dcm")))
    sub = doc.root.children[1]
    assert format_tree(sub).splitlines()[0].startswith("1.2  CONTAINS CONTAINER")
