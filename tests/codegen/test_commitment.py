"""Storage Commitment reader (dicomkit.codegen.readers.commitment): the Failure Reasons of
PS3.3 C.14.1.1, the Action and Event Types of PS3.4 Tables J.3-1 and J.3-2 and the N-ACTION and
N-EVENT-REPORT statuses of PS3.7, on the real 2024c parts on hand and on a DocBook fixture
(tests/codegen/fixtures/docbook/part03_failure_reasons.xml) that renumbers the section and adds
a second section of that title about another attribute."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.docbook import read_docbook
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.readers import commitment
from dicomkit.codegen.standard import PartSource, Standard
from dicomkit.generated import commitment_reasons as generated

FIXTURE = Path(__file__).parent / "fixtures" / "docbook" / "part03_failure_reasons.xml"


@pytest.fixture(scope="module")
def std_2024c(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2024c", 3, "chtml")
    part_path("2024c", 4, "chtml")
    part_path("2024c", 7)
    return Standard(roots=[standard_dir], parts={3: PartSource(3, "2024c", "chtml"),
                                                 4: PartSource(4, "2024c", "chtml"),
                                                 7: PartSource(7, "2024c", "docbook")})


def test_the_six_failure_reasons_of_ps33_c14_1_1(std_2024c: Standard) -> None:
    reasons = commitment.read_failure_reasons(std_2024c)
    assert [(f"{r.code:04X}", r.name) for r in reasons] == [
        ("0110", "PROCESSING_FAILURE"), ("0112", "NO_SUCH_OBJECT_INSTANCE"),
        ("0213", "RESOURCE_LIMITATION"), ("0122", "REFERENCED_SOP_CLASS_NOT_SUPPORTED"),
        ("0119", "CLASS_INSTANCE_CONFLICT"), ("0131", "DUPLICATE_TRANSACTION_UID")]
    dup = reasons[-1]
    assert dup.meaning == "Duplicate transaction UID"
    assert dup.description == ("The Transaction UID of the Storage Commitment Request is "
                               "already in use.")


def test_action_and_event_types_of_tables_j3_1_and_j3_2(std_2024c: Standard) -> None:
    assert [(t.value, t.name) for t in commitment.read_actions(std_2024c)] == [
        (1, "REQUEST_STORAGE_COMMITMENT")]
    assert [(t.value, t.name, t.table) for t in commitment.read_events(std_2024c)] == [
        (1, "SUCCESSFUL", "J.3-2"), (2, "COMPLETE_FAILURES_EXIST", "J.3-2")]


def test_n_action_statuses_are_those_ps37_lists_for_n_action(std_2024c: Standard) -> None:
    by_code = {s.code: s for s in commitment.read_service_statuses(std_2024c, "N-ACTION")}
    assert by_code[0x0115].name == "INVALID_ARGUMENT_VALUE"
    assert "action information value" in by_code[0x0115].description
    assert by_code[0x0123].name == "NO_SUCH_ACTION_TYPE"
    assert 0x0113 not in by_code  # No such Event Type is an N-EVENT-REPORT status only
    events = {s.code: s.name for s in
              commitment.read_service_statuses(std_2024c, "N-EVENT-REPORT")}
    assert events[0x0113] == "NO_SUCH_EVENT_TYPE" and 0x0123 not in events


def test_the_generated_module_holds_what_the_reader_reads(std_2024c: Standard) -> None:
    assert [(int(r), r.name) for r in generated.FailureReason] == [
        (r.code, r.name) for r in commitment.read_failure_reasons(std_2024c)]
    assert generated.FAILURE_REASON_TEXT[generated.FailureReason.NO_SUCH_OBJECT_INSTANCE][0] \
        == "No such object instance"
    assert [int(s) for s in generated.NActionStatus] == [
        s.code for s in commitment.read_service_statuses(std_2024c, "N-ACTION")]
    assert generated.CommitmentEvent.COMPLETE_FAILURES_EXIST == 2


def test_fixture_the_section_is_found_by_title_and_tag_not_by_number() -> None:
    std = Standard.of_document(read_docbook(FIXTURE))
    reasons = commitment.read_failure_reasons(std)
    assert [(r.code, r.name, r.meaning, r.description) for r in reasons] == [
        (0x0110, "PROCESSING_FAILURE", "Processing failure", "A general failure."),
        (0x0131, "DUPLICATE_TRANSACTION_UID", "Duplicate transaction UID",
         "Already in use. Second paragraph.")]


def test_fixture_a_term_that_is_no_code_stops_generation(tmp_path: Path) -> None:
    (tmp_path / "p.xml").write_text(FIXTURE.read_text().replace("<term>0131H</term>",
                                                                "<term>131</term>"))
    with pytest.raises(CodegenError, match="'131' is not a code"):
        commitment.read_failure_reasons(Standard.of_document(read_docbook(tmp_path / "p.xml")))


def test_fixture_a_missing_section_stops_generation(tmp_path: Path) -> None:
    (tmp_path / "p.xml").write_text(FIXTURE.read_text().replace("(0008,1197)", "(0008,119X)"))
    with pytest.raises(CodegenError, match="0 sections titled 'Failure Reason'"):
        commitment.read_failure_reasons(Standard.of_document(read_docbook(tmp_path / "p.xml")))
