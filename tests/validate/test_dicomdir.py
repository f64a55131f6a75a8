"""DICOMDIR-building warnings (``validate(..., dicomdir=True)``, ``dicomkit validate --dicomdir``):
the keys of the directory records of PS3.3 F.5 on the file's path, File IDs (PS3.10 8.2, 8.5),
File Meta Information (PS3.10 7.1), and a comparison with dcmtk's ``dcmmkdir``, which refuses
files lacking required record keys, on the pydicom samples."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.generated import tags, uids
from dicomkit.validate import validate
from dicomkit.validate.dicomdir import file_id_of, file_id_problems, record_path
from dicomkit.validate.report import RULES, Report
from tests.conftest import missing
from tests.samples import sample, samples


def _dicomdir(report: Report) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in report.findings if f.rule.startswith("dicomdir-")}


def _p(tag: int) -> str:
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


def _ct() -> Dataset:
    ds = Dataset()
    ds.SOPClassUID = uids.CTImageStorage
    ds.SOPInstanceUID = "1.2.3.4.5.6"
    ds.PatientName = "Doe^Jane"
    ds.PatientID = "P1"
    ds.StudyDate = "20261206"
    ds.StudyTime = "120000"
    ds.StudyDescription = ""
    ds.StudyInstanceUID = "1.2.3.4"
    ds.StudyID = "S1"
    ds.AccessionNumber = ""
    ds.Modality = "CT"
    ds.SeriesInstanceUID = "1.2.3.4.5"
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    return ds


def test_a_data_set_with_every_record_key_gets_only_the_file_meta_warning() -> None:
    # a Dataset built in memory has no File Meta Information (PS3.10 7.1): the only warning
    report = validate(_ct(), dicomdir=True, iod=False)
    assert _dicomdir(report) == {("dicomdir-file-meta", "")}
    assert record_path(_ct()) == ("PATIENT", "STUDY", "SERIES", "IMAGE")


def test_without_the_option_no_dicomdir_rule_is_checked() -> None:
    ds = _ct()
    del ds.StudyID
    assert _dicomdir(validate(ds, iod=False)) == set()


@pytest.mark.parametrize(("keyword", "empty", "rule"), [
    ("PatientID", False, "dicomdir-key-missing"),          # F.5-1 type 1
    ("PatientName", False, "dicomdir-key-missing"),        # F.5-1 type 2: present, may be empty
    ("StudyDate", True, "dicomdir-key-empty"),             # F.5-2 type 1
    ("AccessionNumber", False, "dicomdir-key-missing"),    # F.5-2 type 2
    ("SeriesNumber", True, "dicomdir-key-empty"),          # F.5-3 type 1
    ("InstanceNumber", False, "dicomdir-key-missing"),     # F.5-4 type 1
])
def test_each_level_s_keys_are_required_per_their_type(keyword: str, empty: bool,
                                                       rule: str) -> None:
    ds = _ct()
    if empty:
        setattr(ds, keyword, "")
    else:
        delattr(ds, keyword)
    tag = getattr(tags, keyword)
    found = _dicomdir(validate(ds, dicomdir=True, iod=False)) - {("dicomdir-file-meta", "")}
    assert found == {(rule, _p(tag))}
    f = next(x for x in validate(ds, dicomdir=True, iod=False).findings if x.rule == rule)
    assert f.severity == "warning" and f.reference.startswith("PS3.3 F.5 Table F.5-")


def test_a_type_2_key_present_and_empty_is_enough() -> None:
    ds = _ct()
    ds.PatientName = ""  # PS3.5 7.4.3: a Type 2 attribute may have zero length
    assert _dicomdir(validate(ds, dicomdir=True, iod=False)) == {("dicomdir-file-meta", "")}


def test_a_1c_key_whose_condition_holds_is_required() -> None:
    ds = _ct()
    ds.SOPClassUID = uids.BasicTextSRStorage
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "VERIFIED"  # F.5-25: Verification DateTime required if VERIFIED
    ds.ContentDate = "20261206"
    ds.ContentTime = "120000"
    code = Dataset()
    code.CodeValue = "11528-7"
    code.CodingSchemeDesignator = "LN"
    code.CodeMeaning = "Radiology Report"
    ds.ConceptNameCodeSequence = Sequence([code])
    found = _dicomdir(validate(ds, dicomdir=True, iod=False))
    assert ("dicomdir-key-missing", _p(tags.VerificationDateTime)) in found
    ds.VerificationFlag = "UNVERIFIED"
    found = _dicomdir(validate(ds, dicomdir=True, iod=False))
    assert ("dicomdir-key-missing", _p(tags.VerificationDateTime)) not in found


def test_the_keys_of_an_included_macro_are_keys() -> None:
    ds = _ct()
    ds.SOPClassUID = uids.GrayscaleSoftcopyPresentationStateStorage
    ds.PresentationCreationDate = "20261206"
    ds.PresentationCreationTime = "120000"
    ds.ContentDescription = ""
    ds.ContentCreatorName = ""
    # F.5-23 includes Table 10-12 (Content Identification): Content Label is type 1
    found = _dicomdir(validate(ds, dicomdir=True, iod=False))
    assert ("dicomdir-key-missing", _p(tags.ContentLabel)) in found
    ds.ContentLabel = "LABEL"
    assert ("dicomdir-key-missing", _p(tags.ContentLabel)) not in _dicomdir(
        validate(ds, dicomdir=True, iod=False))


def test_extended_characters_in_keys_need_a_specific_character_set() -> None:
    ds = _ct()
    ds.PatientName = "Müller^Jürgen"  # beyond ISO-IR 6, no Specific Character Set (F.5-1 1C)
    found = _dicomdir(validate(ds, dicomdir=True, iod=False))
    assert ("dicomdir-charset", _p(tags.SpecificCharacterSet)) in found
    ds.SpecificCharacterSet = "ISO_IR 100"
    found = _dicomdir(validate(ds, dicomdir=True, iod=False))
    assert ("dicomdir-charset", _p(tags.SpecificCharacterSet)) not in found


def test_no_record_for_a_basic_directory_or_an_unknown_sop_class() -> None:
    ds = _ct()
    ds.SOPClassUID = uids.MediaStorageDirectoryStorage  # a DICOMDIR is not referenced by one
    assert ("dicomdir-record", "") in _dicomdir(validate(ds, dicomdir=True, iod=False))
    ds.SOPClassUID = "1.2.3.999"
    assert ("dicomdir-record", "") in _dicomdir(validate(ds, dicomdir=True, iod=False))


@pytest.mark.parametrize(("components", "ok"), [
    (("IM000001",), True),
    (("DICOM", "ST000001", "SE000001", "IM000001"), True),
    (("A_1",), True),
    (("im000001",), False),            # PS3.10 8.5: uppercase only
    (("IM0000001",), False),           # PS3.10 8.2: at most 8 characters
    (("CT.DCM",), False),              # no "." (8.5; the extension is no part of a File ID)
    (("",), False),                    # one to eight characters
    (tuple("ABCDEFGHI"), False),       # at most eight components
])
def test_file_id_components_per_ps3_10_8_2_and_8_5(components: tuple[str, ...],
                                                   ok: bool) -> None:
    assert (file_id_problems(components) == []) is ok


@given(st.lists(st.text(max_size=12), max_size=10))
def test_file_id_problems_of_any_names_agree_with_the_rule(components: list[str]) -> None:
    # file names are outside input: any text gives a list, empty exactly when PS3.10 8.2 and
    # 8.5 hold (1-8 components of 1-8 characters of A-Z, 0-9, _)
    ok = 1 <= len(components) <= 8 and all(
        1 <= len(c) <= 8 and all(ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_" for ch in c)
        for c in components)
    assert (file_id_problems(components) == []) is ok


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mutated_files_give_reports_not_exceptions(tmp_path_factory: pytest.TempPathFactory,
                                                   data: st.DataObject) -> None:
    raw = bytearray(sample("CT_small.dcm").read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(128, len(raw)))
    path = tmp_path_factory.mktemp("mutated") / "IM000001"
    path.write_bytes(bytes(raw[:cut]))
    report = validate(path, dicomdir=True)  # must not raise: findings, or "unreadable"
    assert all(f.rule in RULES for f in report.findings)


def test_the_file_id_is_the_path_below_the_file_set_root(tmp_path: Path) -> None:
    path = tmp_path / "DICOM" / "im1"
    assert file_id_of(path, tmp_path) == ("DICOM", "im1")
    assert file_id_of(path, None) == ("im1",)
    path.parent.mkdir()
    shutil.copy(sample("CT_small.dcm"), path)
    report = validate(path, dicomdir=True, file_set_root=tmp_path)
    found = [f for f in report.findings if f.rule == "dicomdir-file-id"]
    assert len(found) == 1 and "'im1'" in found[0].message
    assert found[0].reference == "PS3.10 8.2, 8.5"


# ------------------------------------------------------------------------------------------------
# against dcmtk's dcmmkdir
# ------------------------------------------------------------------------------------------------

DCMMKDIR = "/usr/bin/dcmmkdir"
_REQUIRED = re.compile(r"^E: required attribute (\w+) \(([0-9a-f]{4}),([0-9a-f]{4})\) "
                       r"(missing|empty) in file", re.IGNORECASE)

#: what dcmmkdir refuses a file for, as the rule of ours that must then be in the report
_REFUSALS = {
    "file not in part 10 format": "dicomdir-file-meta",
    "invalid SOP class": "dicomdir-record",
}
#: dcmmkdir's words for a file it cannot parse
_UNREADABLE = ("than remaining bytes", "premature end of stream", "Invalid stream")


def _dcmmkdir(path: Path, work: Path) -> list[str]:
    """dcmmkdir's error lines for one file, in a folder of its own under a valid File ID."""
    work.mkdir()
    shutil.copy(path, work / "IM000001")
    # -Nxc -Nec -Nrc: do not refuse for transfer syntax, pixel encoding or resolution (PS3.11
    # Table D.3-1 transfer syntaxes are not checked by us yet); -w: write no DICOMDIR
    done = subprocess.run([DCMMKDIR, "-Nxc", "-Nec", "-Nrc", "-w", "+id", str(work),
                           "IM000001"], capture_output=True, text=True, timeout=60,
                          errors="replace")
    return [line for line in (done.stdout + done.stderr).splitlines() if line.startswith("E:")]


def test_dcmmkdir_every_file_it_refuses_for_record_keys_gets_our_warnings(
        tmp_path: Path) -> None:
    if not os.access(DCMMKDIR, os.X_OK):
        missing(f"dcmtk's dcmmkdir ({DCMMKDIR}; apt-get install dcmtk)")
    refused = 0
    ours_only: dict[str, set[str]] = {}
    for index, path in enumerate(p for p in samples(recursive=True)
                                 if p.suffix in (".dcm", "") and not p.name.startswith("README")):
        try:
            dicomkit.read(path, stop_before_pixels=True)
        except (dicomkit.DicomError, OSError):
            continue  # unreadable: reported as such, not a DICOMDIR question
        errors = _dcmmkdir(path, tmp_path / f"{index:03d}")
        report = validate(path, dicomdir=True, iod=False)
        found = _dicomdir(report)
        theirs: set[str] = set()
        # a file it refuses as a whole (not Part 10, unreadable to it, a SOP class without a
        # record) has its keys not looked at: no comparison of keys for it
        keys_checked = all(_REQUIRED.match(line) or "no good files" in line for line in errors)
        for line in errors:
            m = _REQUIRED.match(line)
            if m:
                tag = _p(int(m.group(2) + m.group(3), 16))
                rule = "dicomdir-key-missing" if m.group(4) == "missing" else "dicomdir-key-empty"
                assert (rule, tag) in found, (path.name, line, sorted(found))
                theirs.add(tag)
                refused += 1
                continue
            for text, rule in _REFUSALS.items():
                if text in line:
                    assert (rule, "") in found, (path.name, line, sorted(found))
                    refused += 1
            if any(text in line for text in _UNREADABLE):
                # a file it cannot read (truncated, a length beyond the end): ours reads it
                # leniently and reports the broken encoding as an error (PS3.5 7)
                assert any(f.rule == "encoding" for f in report.findings), (path.name, line)
                refused += 1
        # ours beyond dcmmkdir's: Type 2 keys absent from the file (Study Description,
        # Accession Number), for which dcmmkdir writes a zero-length key; PS3.5 7.4.3 allows
        # that, and the record then has no value to select on: a warning, not a refusal.
        # (dcmmkdir does refuse an absent Patient's Name, Type 2 in F.5-1 too.)
        extra = {t for r, t in found if r in ("dicomdir-key-missing", "dicomdir-key-empty")
                 and t not in theirs}
        if extra and keys_checked:
            ours_only[path.name] = extra
    assert refused > 50
    explained = {_p(tags.StudyDescription), _p(tags.AccessionNumber), _p(tags.PatientName)}
    # and 1C keys whose condition holds, which dcmmkdir does not evaluate: test-SR.dcm has
    # Verification Flag VERIFIED and no Verification DateTime, "Required if Verification Flag
    # (0040,A493) is VERIFIED" (PS3.3 Table F.5-25)
    explained.add(_p(tags.VerificationDateTime))
    unexplained = {name: sorted(t - explained) for name, t in ours_only.items() if t - explained}
    assert unexplained == {}, unexplained
