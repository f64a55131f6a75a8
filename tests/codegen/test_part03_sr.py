"""PS3.3 Annex A reader: the Relationship Content Constraints tables of the SR IODs, on the
real PS3.3 2024c on hand, and on changed tables (a bad cell, other columns)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.document import Cell, Row
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.readers.part03_sr import read_constraints
from dicomkit.codegen.standard import PartSource, Standard
from dicomkit.generated import sr_constraints


@pytest.fixture(scope="module")
def std(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2024c", 3, "chtml")
    return Standard(roots=[standard_dir], parts={3: PartSource(3, "2024c", "chtml")})


def test_every_sr_iod_table_is_read_and_matches_the_generated_module(std: Standard) -> None:
    got = {c.iod: c for c in read_constraints(std)}
    assert len(got) == len(sr_constraints.CONSTRAINTS) == 23
    basic = got["A.35.1"]
    assert (basic.name, basic.table) == ("Basic Text SR", "A.35.1-2")
    first = basic.rows[0]
    assert first.sources == ("CONTAINER",) and first.relationship == "CONTAINS"
    # footnote marks dropped: "COMPOSITE 1" -> COMPOSITE
    assert "COMPOSITE" in first.targets and "NUM" not in first.targets
    assert any(r.sources == ("*",) and r.relationship == "HAS CONCEPT MOD" for r in basic.rows)
    for iod, c in got.items():
        g = sr_constraints.CONSTRAINTS[iod]
        assert (g.name, g.table) == (c.name, c.table)
        assert [tuple(r) for r in g.rows] == [dataclasses.astuple(r) for r in c.rows]


def test_any_type_other_than_is_read_as_an_exclusion(std: Standard) -> None:
    extensible = {c.iod: c for c in read_constraints(std)}["A.35.15"]
    assert any(r.relationship == "*" and r.excluded == ("CONTAINS",) for r in extensible.rows)


@pytest.mark.parametrize(("label", "cell", "text", "match"), [
    ("A.35.1-2", 2, "TEXT, some prose here", "is not a value type"),
    ("A.35.2-2", 1, "contains, sometimes", "is not a relationship type"),
])
def test_cells_that_are_not_what_the_columns_say_stop_generation(
        std: Standard, label: str, cell: int, text: str, match: str) -> None:
    doc = std.document(3)
    table = doc.table(label)
    cells = list(table.body[0].cells)
    cells[cell] = Cell((text,))
    doc.replace_table(label, dataclasses.replace(
        table, body=(Row(tuple(cells)), *table.body[1:])))
    try:
        with pytest.raises(CodegenError, match=match):
            read_constraints(std)
    finally:
        doc.replace_table(label, table)
