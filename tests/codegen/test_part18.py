"""PS3.18 reader: the DICOMweb tables, on the real 2024c part (both forms) and on a fixture."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dicomkit.codegen.docbook import read_docbook
from dicomkit.codegen.document import Cell, Row
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.readers.part18 import (
    build_web,
    media_type_names,
    read_header_fields,
    read_json_types,
    read_matching_keys,
    read_media_type_syntaxes,
    read_resources,
    read_return_keys,
    read_search_resources,
    read_status_codes,
    read_store_reasons,
    read_store_response,
)
from dicomkit.codegen.standard import PartSource, Standard

FIXTURES = Path(__file__).parent / "fixtures" / "docbook"


def _std(root: Path, form: str = "docbook") -> Standard:
    return Standard(roots=[root], parts={18: PartSource(18, "2024c", form)})


@pytest.fixture(scope="module")
def std(standard_dir: Path) -> Standard:
    s = _std(standard_dir)
    s.document(18)
    return s


def test_fixture_status_tables_are_named_by_chapter_and_transaction_section() -> None:
    doc = read_docbook(FIXTURES / "part18_statuses.xml")
    general, per = read_status_codes(Standard.of_document(doc))
    # the row describing the 2xx class (its Code cell spans the Meaning) is not a code
    assert [(s.code, s.reason, s.status) for s in general] == [
        (200, "Success", "Success"), (404, "Not Found", "Client Error")]
    assert len(per) == 1
    assert (per[0].service, per[0].transaction, per[0].section, per[0].table) == (
        "Studies", "Retrieve", "10.4.3.1", "10.4.3-1")
    assert per[0].codes[0].code == 206


def test_general_and_per_transaction_status_codes(std: Standard) -> None:
    general, per = read_status_codes(std)
    codes = {s.code: s for s in general}
    assert codes[406].reason == "Not Acceptable" and codes[503].status == "Server Error"
    assert 299 not in codes and len(codes) == 26
    by = {(t.service, t.transaction): {c.code for c in t.codes} for t in per}
    assert by[("Studies", "Retrieve")] == {200, 206, 400, 404, 406, 410, 413}
    assert by[("Studies", "Store")] == {200, 202, 400, 409, 415}
    assert by[("Studies", "Search")] == {200, 204, 400, 413}
    assert ("Worklist", "Create Workitem") in by and ("URI", "Retrieve DICOM Instance") in by


def test_transfer_syntaxes_by_media_type_with_their_defaults(std: Standard) -> None:
    rows = read_media_type_syntaxes(std)
    dicom = [r for r in rows if r.media_type == "application/dicom"]
    assert {r.category for r in dicom} == {"Single Frame Image", "Multi-frame Image", "Video",
                                           "Text", "Other"}
    assert all(r.transfer_syntax == "1.2.840.10008.1.2.1" for r in dicom if r.default)
    jpeg = {r.transfer_syntax: r.default for r in rows
            if r.media_type == "image/jpeg" and r.category == "Single Frame Image"}
    assert jpeg == {"1.2.840.10008.1.2.4.70": True, "1.2.840.10008.1.2.4.50": False,
                    "1.2.840.10008.1.2.4.51": False, "1.2.840.10008.1.2.4.57": False}
    # "N/A (no defined compression transfer syntaxes for Text)" rows are not syntaxes
    assert not [r for r in rows if not r.transfer_syntax[0].isdigit()]


def test_media_type_names_follow_the_identifier_rule() -> None:
    assert media_type_names({"application/dicom+json", "image/jpeg"}) == [
        ("APPLICATION_DICOM_JSON", "application/dicom+json"), ("IMAGE_JPEG", "image/jpeg")]
    with pytest.raises(CodegenError, match="one name"):
        media_type_names({"a/b+c", "a/b.c"})


def test_resources_and_their_uri_templates(std: Standard) -> None:
    res = {(r.transaction, r.name): r.uri_template for r in read_resources(std)
           if r.service == "Studies"}
    assert res[("Retrieve", "Instance Metadata")] == \
        "/studies/{study}/series/{series}/instances/{instance}/metadata"
    assert res[("Retrieve", "Frame Pixel Data")].endswith("/frames/{frames}")
    assert res[("Search", "All Series")] == "/series{?search*}"
    assert res[("Store", "Study")] == "/studies/{study}"


def test_storage_commitment_resource_table_with_swapped_columns_is_read_by_the_fix(
        std: Standard) -> None:
    sc = [r for r in read_resources(std) if r.service == "Storage Commitment"]
    assert [r.uri_template for r in sc] == ["/commitment-requests"]


def test_search_resources_levels_and_keys(std: Standard) -> None:
    res = {r.name: r for r in read_search_resources(std)}
    # Table 10.6.1-4 writes "Study Series' Instances": the fix of codegen/fixes.py
    assert res["Study's Series' Instances"].levels == ("Instance",)
    assert res["All Instances"].levels == ("Study", "Series", "Instance")
    assert res["All Studies"].query_type == "hierarchical"
    match = {(k.level, k.path) for k in read_matching_keys(std)}
    assert ("Study", (0x00100020,)) in match
    assert ("Series", (0x00400275, 0x00400009)) in match  # ">Scheduled Procedure Step ID"
    ret = [k for k in read_return_keys(std) if k.level == "Instance"]
    assert {k.path[0] for k in ret} >= {0x00080016, 0x00080018, 0x00280010, 0x00280008}
    assert next(k for k in ret if k.path == (0x00080018,)).type == "U"


def test_json_types_of_every_vr(std: Standard) -> None:
    kinds = {j.vr: j.kind for j in read_json_types(std)}
    assert len(kinds) == 34
    assert kinds["DS"] == kinds["IS"] == kinds["SV"] == kinds["UV"] == "number_or_string"
    assert kinds["FD"] == kinds["US"] == "number" and kinds["AT"] == "string"
    assert kinds["PN"] == "person_name" and kinds["SQ"] == "sequence" and kinds["UN"] == "base64"


def test_store_reasons_with_their_ranges(std: Standard) -> None:
    r = {x.pattern: x for x in read_store_reasons(std)}
    assert (r["A7xx"].low, r["A7xx"].high, r["A7xx"].kind) == (0xA700, 0xA7FF, "failure")
    assert (r["Cxxx"].low, r["Cxxx"].high) == (0xC000, 0xCFFF)
    assert r["B000"].kind == "warning" and r["B000"].low == r["B000"].high == 0xB000


def test_a_status_table_with_another_header_is_refused_naming_it(std: Standard) -> None:
    doc = std.document(18)
    t = doc.table("10.4.3-1")
    header = (Row(tuple(Cell((c,)) for c in ("Status", "HTTP Code", "Meaning"))),)
    doc.replace_table("10.4.3-1", replace(t, header=header))
    try:
        with pytest.raises(TableError, match="10.4.3-1"):
            read_status_codes(std)
    finally:
        doc.replace_table("10.4.3-1", t)


def test_a_code_that_is_not_a_number_and_reason_is_refused(std: Standard) -> None:
    doc = std.document(18)
    t = doc.table("10.6.3-1")
    body = (Row((Cell(("Success",)), Cell(("OK",)), Cell(("fine",)))),)
    doc.replace_table("10.6.3-1", replace(t, body=body))
    try:
        with pytest.raises(TableError, match="NNN"):
            read_status_codes(std)
    finally:
        doc.replace_table("10.6.3-1", t)


def test_docbook_and_chtml_of_2024c_give_the_same_module(standard_dir: Path) -> None:
    assert build_web(_std(standard_dir)) == build_web(_std(standard_dir, "chtml"))


def test_store_response_module_with_its_nesting_and_macro_includes(std: Standard) -> None:
    keys, includes = read_store_response(std)
    paths = {k.path: k for k in keys}
    assert paths[(0x00081198, 0x00081197)].name == "Failure Reason"
    assert paths[(0x00081199, 0x00081196)].type == "1C"
    assert (0x00081199, 0x04000561, 0x04000550) in paths  # >>Modified Attributes Sequence
    assert includes == (((0x00081198,), "PS3.3 Table 10-11"),
                        ((0x00081199,), "PS3.3 Table 10-11"))


def test_header_fields_by_transaction_and_kind(std: Standard) -> None:
    fields = read_header_fields(std)
    store = {(h.kind, h.name): h for h in fields if (h.service, h.transaction) == ("Studies",
                                                                                  "Store")}
    assert store[("Response", "Location")].origin_server == "C"
    assert store[("Request", "Content-Type")].user_agent == "M"
    common = {(h.kind, h.name) for h in fields if h.service == ""}
    assert ("Multipart", "Content-Location") in common and ("Payload", "Content-Range") in common
    assert not [h for h in fields if h.name == "..."]  # the conventions of chapter 5 left out
    assert ("Response", "Warning") in {(h.kind, h.name) for h in fields
                                       if h.service == "Worklist"}
