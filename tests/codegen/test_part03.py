"""PS3.3 reader: Specific Character Set Defined Terms (C.12.1.1.2) on the real parts on hand."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dicomkit.codegen.docbook import read_docbook
from dicomkit.codegen.document import Cell, Row, Table
from dicomkit.codegen.emit import make_env, render_module, strip_header
from dicomkit.codegen.errors import TableError
from dicomkit.codegen.model.charsets import CharacterSet
from dicomkit.codegen.readers.part03 import (
    MODULES,
    escape_index,
    parse_escape,
    read_character_sets,
    read_table,
)
from dicomkit.codegen.standard import PartSource, Standard

PROJECT = Path(__file__).resolve().parents[2]

SINGLE_BYTE = ("ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144", "ISO_IR 127",
               "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 13", "ISO_IR 166")
EXTENDED = tuple("ISO 2022 IR " + t.split()[1] for t in SINGLE_BYTE) + ("ISO 2022 IR 6",)
MULTI_EXTENDED = ("ISO 2022 IR 87", "ISO 2022 IR 159", "ISO 2022 IR 149", "ISO 2022 IR 58")
MULTI = ("ISO_IR 192", "GB18030", "GBK")


@pytest.fixture(scope="module")
def std_2024c(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2024c", 3, "chtml")
    return Standard(roots=[standard_dir], parts={3: PartSource(3, "2024c", "chtml")})


@pytest.fixture(scope="module")
def sets_2024c(std_2024c: Standard) -> dict[str, CharacterSet]:
    return {c.defined_term: c for c in read_character_sets(std_2024c)}


@pytest.fixture(scope="module")
def std_2016c(standard_dir: Path) -> Standard:
    path = standard_dir / "2016c-excerpt" / "part03.xml"
    if not path.is_file():
        from tests.conftest import missing

        missing(f"the PS3.3 2016c excerpt {path}")
    return Standard.of_document(read_docbook(path))


@pytest.fixture(scope="module")
def sets_2016c(std_2016c: Standard) -> dict[str, CharacterSet]:
    return {c.defined_term: c for c in read_character_sets(std_2016c)}


# ----------------------------------------------------------------------------- escapes

def test_escape_sequences_in_column_row_notation_become_bytes() -> None:
    assert parse_escape("ESC 02/13 04/01") == b"\x1b\x2d\x41"
    assert parse_escape("ESC 02/04 02/08 04/04") == b"\x1b$(D"
    assert parse_escape("ESC 2/8 4/2") == b"\x1b(B"


@pytest.mark.parametrize("text", ["ESC 02/0 9 04/09", "02/08 04/02", "ESC", "ESC 08/01",
                                  "ESC 02/16"])
def test_malformed_escape_sequences_are_rejected(text: str) -> None:
    with pytest.raises(ValueError):
        parse_escape(text)


# ----------------------------------------------------------------------------- 2024c

def test_every_defined_term_of_c12_is_read_from_2024c(sets_2024c: dict[str, CharacterSet]) -> None:
    assert set(sets_2024c) == ({""} | set(SINGLE_BYTE) | set(EXTENDED) | set(MULTI_EXTENDED)
                               | set(MULTI))
    for t in SINGLE_BYTE:
        assert not sets_2024c[t].code_extensions and not sets_2024c[t].multi_byte
    for t in EXTENDED:
        assert sets_2024c[t].code_extensions and not sets_2024c[t].multi_byte
    for t in MULTI_EXTENDED:
        assert sets_2024c[t].code_extensions and sets_2024c[t].multi_byte
    for t in MULTI:
        assert not sets_2024c[t].code_extensions and sets_2024c[t].multi_byte
        assert sets_2024c[t].elements == ()


def test_default_repertoire_defined_term_none_is_keyed_empty(
        sets_2024c: dict[str, CharacterSet]) -> None:
    default = sets_2024c[""]
    assert default.description == "Default repertoire"
    assert [(e.iso_ir, e.code_element, e.characters) for e in default.elements] == [(6, "G0", 94)]


def test_spanned_defined_terms_hold_their_g1_and_g0_elements(
        sets_2024c: dict[str, CharacterSet]) -> None:
    latin1 = sets_2024c["ISO 2022 IR 100"]
    assert [(e.iso_ir, e.code_element, e.escape, e.characters) for e in latin1.elements] == [
        (100, "G1", b"\x1b-A", 96), (6, "G0", b"\x1b(B", 94)]
    japanese = sets_2024c["ISO 2022 IR 13"]
    assert [(e.iso_ir, e.code_element, e.escape) for e in japanese.elements] == [
        (13, "G1", b"\x1b)I"), (14, "G0", b"\x1b(J")]
    assert sets_2024c["ISO_IR 166"].elements[0].characters == 88
    assert all(e.escape == b"" for t in SINGLE_BYTE for e in sets_2024c[t].elements)


def test_multi_byte_sets_have_their_escapes_and_character_counts(
        sets_2024c: dict[str, CharacterSet]) -> None:
    got = {t: [(e.iso_ir, e.code_element, e.escape, e.characters) for e in sets_2024c[t].elements]
           for t in MULTI_EXTENDED}
    assert got == {
        "ISO 2022 IR 87": [(87, "G0", b"\x1b$B", 94 * 94)],
        "ISO 2022 IR 159": [(159, "G0", b"\x1b$(D", 94 * 94)],
        "ISO 2022 IR 149": [(149, "G1", b"\x1b$)C", 94 * 94)],
        "ISO 2022 IR 58": [(58, "G1", b"\x1b$)A", 6763)],
    }
    assert sets_2024c["ISO_IR 192"].description == "Unicode in UTF-8"
    assert sets_2024c["ISO_IR 192"].character_set == "[ISOIR192]"


def test_escape_index_names_the_set_each_sequence_designates(
        sets_2024c: dict[str, CharacterSet]) -> None:
    index = escape_index(list(sets_2024c.values()))
    assert index[b"\x1b(B"] == ("ISO 2022 IR 6", 6, "G0")
    assert index[b"\x1b(J"] == ("ISO 2022 IR 13", 14, "G0")
    assert index[b"\x1b$)C"] == ("ISO 2022 IR 149", 149, "G1")
    # one sequence per element of every set with code extensions
    designated = {(e.iso_ir, e.code_element) for t in EXTENDED + MULTI_EXTENDED
                  for e in sets_2024c[t].elements}
    assert {(ir, ce) for _, ir, ce in index.values()} == designated
    assert len(index) == len(designated)


# ----------------------------------------------------------------------------- 2016c excerpt

def test_2016c_excerpt_gives_the_same_sets_less_latin9_and_with_the_escape_fixed(
        sets_2016c: dict[str, CharacterSet], sets_2024c: dict[str, CharacterSet]) -> None:
    assert set(sets_2024c) - set(sets_2016c) == {"ISO_IR 203", "ISO 2022 IR 203"}
    for term, cs in sets_2016c.items():
        new = sets_2024c[term]
        assert (cs.code_extensions, cs.multi_byte) == (new.code_extensions, new.multi_byte)
        assert [(e.iso_ir, e.code_element, e.escape, e.characters) for e in cs.elements] == [
            (e.iso_ir, e.code_element, e.escape, e.characters) for e in new.elements], term
    # 'ESC 02/0 9 04/09' in 2016c, corrected through codegen/fixes.py
    assert sets_2016c["ISO 2022 IR 13"].elements[0].escape == b"\x1b)I"
    # 2016c's Table C.12-5 has no Character Set column
    assert sets_2016c["GB18030"].character_set == ""


# ----------------------------------------------------------------------------- errors

class _OneTable:
    """Stands in for a Standard that hands out one (altered) table."""

    def __init__(self, table: Table, edition: str = "2024c") -> None:
        self._table = table
        self.edition = edition

    def table(self, part: int, label: str) -> Table:
        return self._table

    def document(self, part: int, label: str | None = None) -> _OneTable:
        return self


def _with_cell(table: Table, row: int, column: str, text: str) -> Table:
    col = table.columns.index(column)
    r = table.body[row]
    cells = list(r.cells)
    cells[col] = dataclasses.replace(cells[col], paragraphs=(text,))
    body = list(table.body)
    body[row] = Row(tuple(cells))
    return dataclasses.replace(table, body=tuple(body))


def test_unexpected_header_raises_table_error_naming_file_and_table(std_2016c: Standard) -> None:
    table = std_2016c.table(3, "C.12-3")
    header = list(table.header[-1].cells)
    header[3] = Cell(paragraphs=("Escape",))
    bad = dataclasses.replace(table, header=(Row(tuple(header)),))
    with pytest.raises(TableError) as err:
        read_table(_OneTable(bad), "C.12-3")  # type: ignore[arg-type]
    assert err.value.table == "C.12-3"
    assert "part03.xml" in str(err.value) and "ESC Sequence" in str(err.value)


def test_unparseable_row_raises_table_error_naming_the_row(std_2016c: Standard) -> None:
    table = std_2016c.table(3, "C.12-4")
    bad = _with_cell(table, 2, "Code Element", "G2")
    with pytest.raises(TableError) as err:
        read_table(_OneTable(bad, "2016c"), "C.12-4")  # type: ignore[arg-type]
    assert err.value.row == 3 and "G2" in str(err.value)
    bad = _with_cell(table, 0, "ESC Sequence", "ESC 02/04 4/2x")
    with pytest.raises(TableError) as err:
        read_table(_OneTable(bad, "2016c"), "C.12-4")  # type: ignore[arg-type]
    assert err.value.row == 1


def test_wrong_caption_raises_table_error(std_2016c: Standard) -> None:
    table = dataclasses.replace(std_2016c.table(3, "C.12-2"), caption="Something else")
    with pytest.raises(TableError, match="caption"):
        read_table(_OneTable(table), "C.12-2")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- rendering

@pytest.fixture(scope="module")
def rendered(std_2024c: Standard,
             tmp_path_factory: pytest.TempPathFactory) -> tuple[str, ModuleType]:
    spec = next(s for s in MODULES if s.name == "charsets")
    text = render_module(make_env(), spec, std_2024c)["charsets.py"]
    path = tmp_path_factory.mktemp("gen3") / "charsets.py"
    path.write_text(text, encoding="utf-8")
    loader = importlib.util.spec_from_file_location("_gen_charsets", path)
    assert loader is not None and loader.loader is not None
    mod = importlib.util.module_from_spec(loader)
    sys.modules["_gen_charsets"] = mod
    loader.loader.exec_module(mod)
    return text, mod


def test_rendered_module_holds_every_set_and_the_escape_index(
        rendered: tuple[str, ModuleType], sets_2024c: dict[str, CharacterSet]) -> None:
    text, mod = rendered
    assert "Table C.12-2, Table C.12-3, Table C.12-4, Table C.12-5" in text
    assert "PS3.3 2024c (chtml)" in text
    assert list(mod.CHARACTER_SETS) == list(sets_2024c)
    for term, cs in sets_2024c.items():
        got = mod.CHARACTER_SETS[term]
        assert (got.defined_term, got.description, got.code_extensions, got.multi_byte,
                got.character_set) == (cs.defined_term, cs.description, cs.code_extensions,
                                       cs.multi_byte, cs.character_set)
        assert [tuple(e) for e in got.elements] == [
            (e.iso_ir, e.escape, e.code_element, e.characters, e.character_set)
            for e in cs.elements]
    assert mod.ESCAPE_SEQUENCES == escape_index(list(sets_2024c.values()))


def test_rendering_is_deterministic(std_2024c: Standard, rendered: tuple[str, ModuleType]) -> None:
    spec = next(s for s in MODULES if s.name == "charsets")
    assert render_module(make_env(), spec, std_2024c)["charsets.py"] == rendered[0]


def test_committed_generated_module_matches_the_standard(rendered: tuple[str, ModuleType]) -> None:
    committed = PROJECT / "generated" / "charsets.py"
    assert committed.is_file(), "generated/charsets.py missing: run 'dicomkit codegen generate'"
    assert strip_header(committed.read_text(encoding="utf-8")) == strip_header(rendered[0])
