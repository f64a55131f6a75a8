"""``dicomkit codegen diff`` on real editions, and the generic keyed-record differ."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen import diff
from dicomkit.codegen.cli import main as codegen_main
from dicomkit.codegen.errors import CodegenError


@dataclass(frozen=True)
class Rec:
    tag: int
    name: str
    vr: str
    retired: bool = False


# ----------------------------------------------------------------------- diff_records

def test_diff_records_finds_added_removed_and_changed_fields() -> None:
    old = [Rec(1, "A", "US"), Rec(2, "B", "SS"), Rec(3, "C", "LO")]
    new = [Rec(3, "C", "LT", True), Rec(1, "A", "US"), Rec(4, "D", "UI")]
    ch = diff.diff_records(old, new, "tag", ("name", "vr", "retired"), show=diff.tag_text)
    assert [k for k, _ in ch.added] == ["(0000,0004)"]
    assert [k for k, _ in ch.removed] == ["(0000,0002)"]
    assert len(ch.changed) == 1 and ch.changed[0].key == "(0000,0003)"
    assert {(c.field, c.old, c.new) for c in ch.changed[0].changes} == {
        ("vr", "LO", "LT"), ("retired", False, True)}
    assert sorted(diff.category_of(c) for c in ch.changed[0].changes) == [
        "VR changed", "retired"]
    assert ch.count == 3


def test_diff_records_with_tuple_key_and_no_changes() -> None:
    recs = [Rec(1, "A", "US"), Rec(2, "A", "US")]
    ch = diff.diff_records(recs, list(reversed(recs)), ("name", "tag"), ("vr",))
    assert not ch and ch.count == 0


def test_diff_records_rejects_duplicate_keys() -> None:
    with pytest.raises(CodegenError, match="two records"):
        diff.diff_records([Rec(1, "A", "US"), Rec(1, "B", "US")], [], "tag", ())


def test_unknown_reader_gives_a_clear_error() -> None:
    with pytest.raises(CodegenError, match="reader for PS3.9 not available"):
        diff.reader_function(9, "part99", "read_nothing")


# ----------------------------------------------------------------------- real editions

def _need(part_path: Any, *specs: tuple[str, int] | tuple[str, int, str]) -> None:
    for spec in specs:
        part_path(*spec)


def _results(diffs: list[diff.PartDiff], part: int) -> dict[str, diff.Changes]:
    (d,) = [d for d in diffs if d.part == part]
    return d.results


def test_part7_2016a_to_2024c(standard_dir: Path, part_path: Any) -> None:
    _need(part_path, ("2016a", 7), ("2024c", 7))
    r = _results(diff.compare("2016a", "2024c", [7], [standard_dir]), 7)
    # no command element, message or Command Field value came or went
    assert not r["command elements"] and not r["messages"] and not r["command field values"]
    # C-MOVE-RSP: "Number of Complete Sub-operations" became "... Completed ..."
    (renamed,) = r["message fields"].changed
    assert renamed.key == "C-MOVE-RSP (0000,1021)"
    assert renamed.changes[0].old == "Number of Complete Sub-operations"
    assert renamed.changes[0].new == "Number of Completed Sub-operations"
    # status class convention: "0001 or Bxxx" became "0001 or Bxxx or 0107 or 0116"
    assert [k for k, _ in r["status classes"].added] == ["0107", "0116"]
    changed = {c.key: c for c in r["status classes"].changed}
    cat = {fc.field: fc for fc in changed["01xx"].changes}["category"]
    assert (cat.old, cat.new) == ("warning|failure", "failure")
    # Annex C 0117 "Invalid Object Instance" is "Invalid SOP Instance" in 2024c
    statuses = {c.key: {fc.field: fc for fc in c.changes} for c in r["statuses"].changed}
    assert statuses["0117"]["name"].old == "Invalid Object Instance"
    assert statuses["0117"]["name"].new == "Invalid SOP Instance"
    assert "C-FIND" in statuses["warning"]["services"].new
    assert "C-FIND" not in statuses["warning"]["services"].old


def test_part5_2016a_to_2024c(standard_dir: Path, part_path: Any) -> None:
    _need(part_path, ("2016a", 5), ("2024c", 5))
    r = _results(diff.compare("2016a", "2024c", [5], [standard_dir]), 5)
    assert [k for k, _ in r["value representations"].added] == ["OV", "SV", "UV"]
    assert not r["value representations"].removed
    ts = r["transfer syntaxes"]
    added = {k for k, _ in ts.added}
    assert "1.2.840.10008.1.2.4.201" in added  # HTJ2K, added 2019
    assert "1.2.840.10008.1.2.1" not in added  # Explicit VR Little Endian: in both
    renamed = {c.key: c.changes for c in ts.changed}
    assert renamed["1.2.840.10008.1.2.5"][0].new == "RLE Image Compression"


def test_part6_2013_to_2015b_data_elements(standard_dir: Path, part_path: Any) -> None:
    _need(part_path, ("2013", 6), ("2015b", 6))
    r = _results(diff.compare("2013", "2015b", [6], [standard_dir]), 6)
    el = r["data elements"]
    added = {k: rec for k, rec in el.added}
    # (0002,0017) Sending Application Entity Title: in 2015b's Table 6-1, not in 2013's
    assert added["(0002,0017)"].keyword == "SendingApplicationEntityTitle"
    assert added["(0002,0017)"].vr == "AE"
    assert "(0010,0010)" not in added and len(added) > 100
    assert r["UIDs"].added


def test_part6_context_group_names_given_only_by_reference_are_not_reported_as_renames(
        standard_dir: Path, part_path: Any) -> None:
    # 2013 names each context group in Table A-3; 2015b links to PS3.16 instead ("CID 2")
    _need(part_path, ("2013", 6), ("2015b", 6))
    uids = _results(diff.compare("2013", "2015b", [6], [standard_dir]), 6)["UIDs"]
    renamed = {c.key: c.changes[0] for c in uids.changed if "name" in c.fields()}
    assert "1.2.840.10008.6.1.1" not in renamed  # Anatomic Modifier -> a link to CID 2
    assert uids.uncompared["name"] > 800
    # a real rename is still reported
    assert renamed["1.2.840.10008.5.1.4.34.5"].new == "UPS Global Subscription SOP Instance"
    assert len(renamed) < 10


def test_unknown_values_are_counted_not_compared() -> None:
    @dataclass(frozen=True)
    class R:
        key: str
        name: str

    old = [R("a", "Anatomic Modifier"), R("b", "Old")]
    new = [R("a", "CID 2"), R("b", "New")]
    ch = diff.diff_records(old, new, "key", ("name",),
                           unknown=lambda f, v: v.startswith("CID "))
    assert [c.key for c in ch.changed] == ["b"] and ch.uncompared == {"name": 1}


def test_docbook_and_chtml_2024c_part7_give_no_changes(standard_dir: Path,
                                                      part_path: Any) -> None:
    _need(part_path, ("2024c", 7), ("2024c", 7, "chtml"))
    diffs = diff.compare("2024c", "2024c:chtml", [7], [standard_dir])
    assert [d.part for d in diffs] == [7]
    assert diffs[0].count == 0 and diffs[0].new["form"] == "chtml"
    assert len(diffs[0].results) == len(diff.COMPARISONS[7])


def test_paths_are_accepted_as_sides(standard_dir: Path, part_path: Any) -> None:
    old = part_path("2024c", 7)
    new = part_path("2024c", 7, "chtml")
    diffs = diff.compare(str(old), str(new), None, [standard_dir])
    assert [d.part for d in diffs] == [7] and diffs[0].count == 0


def test_json_output_parses_with_the_expected_keys(standard_dir: Path, part_path: Any,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    _need(part_path, ("2016a", 7), ("2024c", 7))
    rc = codegen_main(["diff", "2016a", "2024c", "--part", "7", "--json",
                       "--source", str(standard_dir)])
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"parts", "total"}
    p7 = data["parts"]["7"]
    assert set(p7) == {"old", "new", "total", "comparisons", "skipped"}
    assert p7["old"]["edition"] == "2016a" and p7["new"]["edition"] == "2024c"
    assert set(p7["comparisons"]) == {c.name for c in diff.COMPARISONS[7]}
    mf = p7["comparisons"]["message fields"]
    assert set(mf) == {"counts", "added", "removed", "changed", "uncompared"}
    assert mf["uncompared"] == {}
    assert mf["counts"] == {"added": 0, "removed": 0, "changed": 1}
    assert mf["changed"][0]["changes"]["name"]["category"] == "renamed"
    assert data["total"] == p7["total"] > 0


def test_text_output_has_sections_counts_and_lines(standard_dir: Path, part_path: Any,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _need(part_path, ("2016a", 7), ("2024c", 7))
    parser = argparse.ArgumentParser()
    diff.add_arguments(parser)
    args = parser.parse_args(["2016a", "2024c", "--part", "7", "--source", str(standard_dir)])
    assert diff.run(args) == 0
    out = capsys.readouterr().out
    assert "PS3.7: 2016a (docbook) -> 2024c (docbook)" in out
    assert "  message fields: 0 added, 0 removed, 1 changed" in out
    assert "    renamed (1)" in out
    assert ("~ C-MOVE-RSP (0000,1021): name 'Number of Complete Sub-operations' -> "
            "'Number of Completed Sub-operations'") in out
    assert "+ 0107  warning" in out


def test_missing_edition_is_an_error(standard_dir: Path) -> None:
    with pytest.raises(CodegenError):
        diff.compare("2016a", "1999z", [7], [standard_dir])
    with pytest.raises(CodegenError, match="no part in common"):
        diff.compare("2016a", "1999z", None, [standard_dir])
