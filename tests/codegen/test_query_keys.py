"""Query/return keys reader (PS3.4 C.6, PS3.18 10.6) on the real parts on hand, and on changed
copies of their tables (each pinning one convention)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.document import Row, Table
from dicomkit.codegen.errors import CodegenError, MissingRegistryError, TableError
from dicomkit.codegen.model.query_keys import QueryKey, QueryLevel
from dicomkit.codegen.readers.query_keys import read_qido, read_qr_models
from dicomkit.codegen.standard import PartSource, Standard
from tests.conftest import missing

pytestmark = pytest.mark.standard


def _std(standard_dir: Path, part_path: Any, ps34: PartSource | None = None) -> Standard:
    part_path("2024c", 4, "chtml")
    part_path("2024c", 18)
    std = Standard.declared(roots=[standard_dir])
    if ps34 is not None:
        std.parts[4] = ps34
    return std


@pytest.fixture(scope="module")
def read(standard_dir: Path, part_path: Any) -> tuple[list[QueryLevel], list[QueryKey],
                                                      list[QueryLevel], list[QueryKey]]:
    std = _std(standard_dir, part_path)
    try:
        levels, keys = read_qr_models(std)
    except MissingRegistryError as exc:
        missing(f"dcmtk's data dictionary ({exc})")
    qido_levels, qido_keys = read_qido(std, levels, keys)
    return levels, keys, qido_levels, qido_keys


def _key(keys: list[QueryKey], model: str, level: str, keyword: str,
         path: tuple[int, ...] = ()) -> QueryKey:
    [k] = [k for k in keys if (k.model, k.level, k.keyword, k.path) == (model, level, keyword,
                                                                         path)]
    return k


def test_levels_are_the_query_retrieve_level_values_of_each_model(read: Any) -> None:
    levels = read[0]
    assert [(lv.model, lv.value, lv.table) for lv in levels] == [
        ("PATIENT_ROOT", "PATIENT", "C.6-1"), ("PATIENT_ROOT", "STUDY", "C.6-2"),
        ("PATIENT_ROOT", "SERIES", "C.6-3"), ("PATIENT_ROOT", "IMAGE", "C.6-4"),
        ("STUDY_ROOT", "STUDY", "C.6-5"),
        # PS3.4 C.6.2.1.3/4: the same as Patient Root's series and instance levels
        ("STUDY_ROOT", "SERIES", "C.6-3"), ("STUDY_ROOT", "IMAGE", "C.6-4")]


def test_key_types_of_patient_and_study_root(read: Any) -> None:
    keys = read[1]
    assert _key(keys, "PATIENT_ROOT", "PATIENT", "PatientID").matching == "U"
    assert _key(keys, "PATIENT_ROOT", "PATIENT", "PatientName").matching == "R"
    assert _key(keys, "STUDY_ROOT", "STUDY", "PatientID").matching == "R"
    sop = _key(keys, "PATIENT_ROOT", "IMAGE", "SOPInstanceUID")
    assert (sop.matching, sop.returned, sop.tag, sop.vr) == ("U", "U", 0x00080018, "UI")
    assert _key(keys, "PATIENT_ROOT", "STUDY", "ModalitiesInStudy").vm == "1-n"
    # PS3.4 Table C.3-1: derived by the SCP
    assert _key(keys, "PATIENT_ROOT", "STUDY", "NumberOfStudyRelatedInstances").additional
    assert not _key(keys, "PATIENT_ROOT", "STUDY", "StudyDate").additional
    # rows without a tag ("All other Attributes at Study Level") are not keys
    assert all(k.tag for k in keys)


def test_included_macros_are_expanded_at_their_depth(read: Any) -> None:
    keys = read[1]
    seq = 0x00080063  # Anatomic Regions in Study Code Sequence
    code = _key(keys, "PATIENT_ROOT", "STUDY", "CodeValue", (seq,))
    assert (code.matching, code.table) == ("OC", "C.6-2b")  # "OC - May be present only if"
    equivalent = 0x00080121  # Equivalent Code Sequence, Table C.6-2a, includes C.6-2b again
    assert _key(keys, "PATIENT_ROOT", "STUDY", "CodeMeaning", (seq, equivalent)).table == "C.6-2b"
    purpose = (0x00083001, 0x0040A170)  # > Purpose of Reference Code Sequence under >>
    assert _key(keys, "PATIENT_ROOT", "IMAGE", "CodingSchemeDesignator", purpose)


def test_qido_levels_map_to_the_level_of_their_unique_key(read: Any) -> None:
    _, _, qido_levels, qido_keys = read
    assert [(lv.name, lv.value) for lv in qido_levels] == [
        ("Study", "STUDY"), ("Series", "SERIES"), ("Instance", "IMAGE")]
    # Table 10.6.1-5 matching, 10.6.3-3 return
    study_date = _key(qido_keys, "QIDO_RS", "STUDY", "StudyDate")
    assert (study_date.matching, study_date.returned) == ("R", "R")
    birth = _key(qido_keys, "QIDO_RS", "STUDY", "PatientBirthDate")
    assert (birth.matching, birth.returned) == ("", "R")
    rows = _key(qido_keys, "QIDO_RS", "IMAGE", "Rows")
    assert (rows.returned, rows.vr) == ("C", "US")
    sps = _key(qido_keys, "QIDO_RS", "SERIES", "ScheduledProcedureStepID", (0x00400275,))
    assert sps.matching == "R"
    assert _key(qido_keys, "QIDO_RS", "STUDY", "ModalitiesInStudy").additional


def test_the_older_ps34_2020c_gives_the_same_shape(standard_dir: Path, part_path: Any) -> None:
    part_path("2020c", 4)
    std = _std(standard_dir, part_path, PartSource(4, "2020c", "docbook"))
    levels, keys = read_qr_models(std)
    assert [lv.value for lv in levels if lv.model == "STUDY_ROOT"] == ["STUDY", "SERIES", "IMAGE"]
    assert _key(keys, "STUDY_ROOT", "STUDY", "StudyInstanceUID").matching == "U"


def _changed(std: Standard, label: str, row: int, column: int, text: str) -> None:
    doc = std.document(4)
    t = doc.table(label)
    body = list(t.body)
    cells = list(body[row].cells)
    cells[column] = dataclasses.replace(cells[column], paragraphs=(text,))
    body[row] = Row(tuple(cells))
    doc.replace_table(label, Table(t.id, t.label, t.caption, t.header, tuple(body), t.source,
                                   t.section_id))


def test_a_key_type_outside_u_r_o_stops_generation(standard_dir: Path, part_path: Any) -> None:
    std = _std(standard_dir, part_path)
    _changed(std, "C.6-3", 0, 2, "X")
    with pytest.raises(TableError, match="key type 'X'"):
        read_qr_models(std)


def test_an_include_of_a_missing_table_stops_generation(standard_dir: Path,
                                                        part_path: Any) -> None:
    std = _std(standard_dir, part_path)
    _changed(std, "C.6-2a", 0, 0, "Include Table C.6-99")
    with pytest.raises(CodegenError, match="C.6-99"):
        read_qr_models(std)


def test_a_level_without_its_key_table_stops_generation(standard_dir: Path,
                                                        part_path: Any) -> None:
    std = _std(standard_dir, part_path)
    doc = std.document(4)
    t = doc.table("C.6-3")
    doc.replace_table("C.6-3", Table(t.id, t.label, "Something Else", t.header, t.body, t.source,
                                     t.section_id))
    with pytest.raises(CodegenError, match="no key table for the level 'Series'"):
        read_qr_models(std)


