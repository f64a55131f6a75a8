"""The edition manifest: its format, its atomic writes, and the committed entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.fetch import missing_chunks
from dicomkit.codegen.manifest import Entry, Manifest, manifest_path
from dicomkit.codegen.sha import sha256_part, size_part
from dicomkit.codegen.standard import candidate_paths

SHA_A = "a" * 64
SHA_B = "0123456789abcdef" * 4


def test_absent_manifest_reads_empty(tmp_path: Path) -> None:
    m = Manifest.load(tmp_path / "manifest.json")
    assert m.get("2024c", 7, "docbook") is None and m.entries() == [] and m.editions() == []


def test_entries_round_trip_in_the_documented_shape(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    m = Manifest.load(path)
    m.set("2024c", 7, "docbook", Entry(SHA_A, 791545))
    m.set("2024c", 6, "chtml", Entry(SHA_B, 10, ("chapter_6.html",)))
    m.save()
    assert json.loads(path.read_text()) == {"editions": {"2024c": {"parts": {
        "6": {"chtml": {"sha256": SHA_B, "size": 10, "missing": ["chapter_6.html"]}},
        "7": {"docbook": {"sha256": SHA_A, "size": 791545}},
    }}}}
    again = Manifest.load(path)
    assert again.get("2024c", 7, "docbook") == Entry(SHA_A, 791545)
    assert again.get("2024c", 6, "chtml") == Entry(SHA_B, 10, ("chapter_6.html",))
    assert again.get("2024c", 7, "chtml") is None
    assert again.entries() == [("2024c", 6, "chtml"), ("2024c", 7, "docbook")]


def test_written_text_is_stable_sorted_and_indented(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    a = Manifest(path)
    a.set("2024c", 8, "docbook", Entry(SHA_A, 1))
    a.set("2013", 6, "docbook", Entry(SHA_B, 2))
    b = Manifest(path)
    b.set("2013", 6, "docbook", Entry(SHA_B, 2))
    b.set("2024c", 8, "docbook", Entry(SHA_A, 1))
    assert a.dumps() == b.dumps()
    a.save()
    text = path.read_text()
    assert text == a.dumps() and text.endswith("}\n")
    assert text.index('"2013"') < text.index('"2024c"')
    assert '\n  "editions": {\n    "2013": {\n      "parts": {' in text


def test_save_replaces_atomically_and_keeps_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text('{"about": "kept", "editions": {}}')
    path.chmod(0o644)
    m = Manifest.load(path)
    m.set("2024c", 8, "docbook", Entry(SHA_A, 5))
    m.save()
    assert json.loads(path.read_text())["about"] == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.json"]  # no temp file left
    assert path.stat().st_mode & 0o777 == 0o644


def test_malformed_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text('{"editions": {')
    with pytest.raises(CodegenError, match=r"manifest\.json: cannot read the edition manifest"):
        Manifest.load(path)


@pytest.mark.parametrize(("entry", "complaint"), [
    ({"sha256": "XYZ", "size": 1}, "sha256 must be 64 lowercase hex digits"),
    ({"sha256": SHA_A, "size": -1}, "size must be a non-negative integer"),
    ({"sha256": SHA_A, "size": True}, "size must be a non-negative integer"),
    ({"sha256": SHA_A, "size": 1, "missing": "x"}, "missing must be a list"),
])
def test_bad_entries_are_named_by_their_key(tmp_path: Path, entry: dict[str, object],
                                            complaint: str) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({"editions": {"2024c": {"parts": {"7": {"docbook": entry}}}}}))
    with pytest.raises(CodegenError, match=rf"editions\.2024c\.parts\.7\.docbook: {complaint}"):
        Manifest.load(path)


def test_unknown_form_and_bad_part_key_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({"editions": {"2024c": {"parts": {"7": {"pdf": {
        "sha256": SHA_A, "size": 1}}}}}}))
    with pytest.raises(CodegenError, match="unknown form"):
        Manifest.load(path)
    path.write_text(json.dumps({"editions": {"2024c": {"parts": {"part07": {}}}}}))
    with pytest.raises(CodegenError, match="part key 'part07'"):
        Manifest.load(path)
    with pytest.raises(CodegenError, match="malformed sha256"):
        Manifest(path).set("2024c", 7, "docbook", Entry("abc", 1))


# --- the committed manifest ------------------------------------------------------------------


def on_hand(standard_dir: Path) -> list[tuple[str, int, str, Path]]:
    """Every complete-edition part in the shared standard folder (not the 2016c excerpts)."""
    out = []
    for d in sorted(standard_dir.iterdir()):
        if not d.is_dir() or d.name.endswith("-excerpt"):
            continue
        if d.name.endswith("-chtml"):
            out += [(d.name.removesuffix("-chtml"), int(p.name[4:]), "chtml", p)
                    for p in d.iterdir() if p.is_dir()]
        else:
            out += [(d.name, int(p.stem[4:]), "docbook", p) for p in d.glob("part*.xml")]
    return sorted(out)


def test_committed_manifest_records_every_part_on_hand(standard_dir: Path) -> None:
    manifest = Manifest.load(manifest_path())
    parts = on_hand(standard_dir)
    assert len(parts) >= 46
    assert manifest.entries() == [(e, p, f) for e, p, f, _ in parts]
    assert "2016c" not in manifest.editions()  # the excerpts are not the edition


def test_committed_manifest_matches_the_files_on_hand(standard_dir: Path) -> None:
    manifest = Manifest.load(manifest_path())
    for edition, part, form, path in on_hand(standard_dir):
        assert path == candidate_paths(standard_dir, edition, part, form)[0]
        entry = manifest.get(edition, part, form)
        assert entry is not None, (edition, part, form)
        gaps = missing_chunks(path) if form == "chtml" else ()
        assert entry == Entry(sha256_part(path), size_part(path), gaps), path


def test_committed_manifest_knows_the_incomplete_chtml_copies() -> None:
    manifest = Manifest.load(manifest_path())
    six = manifest.get("2024c", 6, "chtml")
    sixteen = manifest.get("2024c", 16, "chtml")
    assert six is not None and six.missing == ("chapter_6.html",)
    assert sixteen is not None
    assert sixteen.missing == ("chapter_D.html", "chapter_O.html", "sect_CID_7480.html")
