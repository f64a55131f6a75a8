"""The runtime data dictionary (dicomkit.core.dictionary): generated tables, user entries from
Python and from .dic files ($DICOMKIT_DICT_PATH), private elements in implicit VR data sets, and
the private names dump prints."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import dicomkit
from dicomkit.cli.dump import dump_text
from dicomkit.codegen.readers import dcmtk_dic
from dicomkit.core import dictionary
from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.core.dictionary import DictionaryError
from dicomkit.generated import private_dictionary
from tests.conftest import missing

FIXTURES = Path(__file__).resolve().parents[1] / "codegen" / "fixtures" / "dcmtk"
PUBLIC = FIXTURES / "public.dic"
PRIVATE = FIXTURES / "private.dic"
DCMTK = Path("/usr/share/libdcmtk17")
PROJECT = Path(__file__).resolve().parents[2]
IMPLICIT = "1.2.840.10008.1.2"
#: a creator and element of dcmtk's private.dic (generated/private_dictionary.py)
CREATOR, ELEMENT = "1.2.840.113681", 0x10  # (0019,xx10) ST CRImageParamsCommon


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts and ends with no user entries and no $DICOMKIT_DICT_PATH."""
    monkeypatch.delenv(dictionary.DICT_PATH_ENV, raising=False)
    dictionary.reset()
    yield
    dictionary.reset()


def _implicit_file(ds: Dataset) -> bytes:
    ds.file_meta = None
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"  # Secondary Capture Image Storage
    ds.SOPInstanceUID = "1.2.826.0.1.3680043.2.1143.1"
    out = io.BytesIO()
    dicomkit.write(out, ds, transfer_syntax=IMPLICIT)
    return out.getvalue()


def _private_ds(creator: str = CREATOR, block: int = 0x10, value: str = "CR params") -> Dataset:
    ds = Dataset()
    ds.PatientName = "Doe^Jane"
    ds.add_new((0x0019 << 16) | block, "LO", creator)
    ds.add_new((0x0019 << 16) | (block << 8) | ELEMENT, "ST", value)
    return ds


# ------------------------------------------------------------------- generated tables

def test_todays_attributes_are_known() -> None:
    ds = Dataset()
    ds.StationAETitle = "X"  # (0008,0055): not in the 2015b Table 6-1, from dcmtk's dicom.dic
    assert ds[0x00080055].vr == "AE" and ds.StationAETitle == "X"
    assert dictionary.lookup(0x00080055) == ("AE", "1", "Station AE Title", "StationAETitle",
                                             False)
    assert dictionary.tag_for_keyword("StationAETitle") == 0x00080055
    assert dictionary_vr(0x00080055) == "AE"


def test_an_implicit_vr_file_gives_todays_attributes_decoded() -> None:
    ds = Dataset()
    ds.PatientName = "Doe^Jane"
    ds.StationAETitle = "MODALITY1"
    back = dicomkit.read(_implicit_file(ds))
    assert back[0x00080055].vr == "AE" and back.StationAETitle == "MODALITY1"


def test_an_implicit_vr_private_element_of_a_known_creator_is_decoded() -> None:
    assert private_dictionary.lookup(CREATOR, 0x00191010)[0] == "ST"
    for block in (0x10, 0x42):  # the dictionary holds for whichever block the creator reserved
        back = dicomkit.read(_implicit_file(_private_ds(block=block)))
        el = back[(0x0019 << 16) | (block << 8) | ELEMENT]
        assert (el.vr, el.value) == ("ST", "CR params")


def test_a_private_element_of_an_unknown_creator_or_offset_stays_un() -> None:
    back = dicomkit.read(_implicit_file(_private_ds(creator="NOT A KNOWN CREATOR")))
    assert back[0x00191010].vr == "UN" and back[0x00191010].value == b"CR params "  # padded
    ds = Dataset()
    assert dictionary_vr(0x00191010, ds) == "UN"  # no creator in the data set
    assert dictionary_vr(0x00191010) == "UN"
    assert dictionary_vr(0x00190010) == "LO"  # a creator (PS3.5 7.8.1)
    assert dictionary_vr(0x00190001) == "UN"


def test_creator_padding_is_not_significant() -> None:
    ds = Dataset()
    ds.add_new(0x00190010, "LO", CREATOR)
    raw = _implicit_file(ds)
    padded = raw.replace(CREATOR.encode(), CREATOR.encode() + b"\x00", 1)
    padded = padded.replace(len(CREATOR).to_bytes(4, "little") + CREATOR.encode(),
                            (len(CREATOR) + 1).to_bytes(4, "little") + CREATOR.encode(), 1)
    for data in (raw, padded):
        back = dicomkit.read(data)
        assert dictionary_vr(0x00191010, back) == "ST"
    assert dictionary.private_creator_name(b" 1.2.840.113681 \x00") == CREATOR
    assert dictionary.private_creator_name(" x ") == "x"


def test_dump_shows_the_private_name_as_dcmdump_does() -> None:
    back = dicomkit.read(_implicit_file(_private_ds()))
    text = dump_text(back)
    line = next(line for line in text.splitlines() if line.startswith("(0019,1010)"))
    assert line.startswith("(0019,1010) ST [CR params]") and line.endswith("CRImageParamsCommon")
    creator = next(line for line in text.splitlines() if line.startswith("(0019,0010)"))
    assert creator.endswith("PrivateCreator")
    other = dicomkit.read(_implicit_file(_private_ds(creator="NOT A KNOWN CREATOR")))
    assert any(line.startswith("(0019,1010)") and line.endswith("PrivateTagData")
               for line in dump_text(other).splitlines())


def test_dump_names_private_elements_like_dcmdump_on_a_real_file() -> None:
    import shutil

    from tests.samples import sample

    if shutil.which("dcmdump") is None:
        missing("dcmdump (apt-get install dcmtk)")
    path = sample("CT_small.dcm")  # GE private groups 0009, 0019, 0043
    ours = [line.rsplit(" ", 1)[1] for line in dump_text(dicomkit.read(path)).splitlines()
            if line[:1] == "(" and line[1:5] in ("0009", "0019", "0043")]
    theirs = [line.rsplit(" ", 1)[1] for line in subprocess.run(
        ["dcmdump", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line[:1] == "(" and line[1:5] in ("0009", "0019", "0043")]
    assert ours == theirs and len(ours) > 100 and "PrivateTagData" not in ours


# ----------------------------------------------------------------- entries from Python

def test_public_entries_from_python() -> None:
    dictionary.add_dict_entries({0x00E01234: ("DS", "1-3", "My Value"),
                                 0x00100010: ("LO", "1", "Overridden Name", "PatientName")})
    assert dictionary.lookup(0x00E01234) == ("DS", "1-3", "My Value", "MyValue", False)
    assert dictionary.tag_for_keyword("MyValue") == 0x00E01234
    assert dictionary_vr(0x00E01234) == "DS" and dictionary_vr(0x00100010) == "LO"
    assert dictionary.tag_for_keyword("StationAETitle") == 0x00080055  # the generated ones too
    dictionary.reset()
    assert dictionary.lookup(0x00E01234) is None and dictionary_vr(0x00100010) == "PN"
    assert dictionary.tag_for_keyword("MyValue") is None


def test_a_users_public_entry_reaches_keywords_tags_names_and_validation() -> None:
    from dicomkit.core.dataset import Dataset
    from dicomkit.core.tag import Tag
    from dicomkit.validate.report import Report
    from dicomkit.validate.values import check_elements

    dictionary.add_dict_entry(0x00E01234, "LO", "MySiteCode", "My Site Code")
    ds = Dataset()
    ds.MySiteCode = "A1"
    assert ds[0x00E01234].vr == "LO" and ds[0x00E01234].name == "My Site Code"
    assert ds.MySiteCode == "A1" and Tag("MySiteCode") == 0x00E01234
    assert Tag(0x00E01234).keyword == "MySiteCode"
    report = Report(source="")
    check_elements(ds, report)
    assert "unknown-public" not in report.rules()


def test_private_entries_from_python_like_pydicom() -> None:
    dictionary.add_private_dict_entries("ACME 1.0", {0x00410010: ("UL", "1", "Test One"),
                                                     0x00410002: ("DS", "3", "Test Two")})
    dictionary.add_private_dict_entry("ACME 1.1", 0x00411201, "US", "Test Three")
    # the block byte of the tags given is ignored: any block the creator reserved
    assert dictionary.private_lookup("ACME 1.0", 0x00411710) == ("UL", "1", "Test One",
                                                                 "TestOne")
    assert dictionary.private_lookup("ACME 1.1", 0x00411001)[0] == "US"
    ds = Dataset()
    ds.add_new(0x00410011, "LO", "ACME 1.0")
    assert dictionary_vr(0x00411102, ds) == "DS" and dictionary_vr(0x00411002, ds) == "UN"
    # a user's entry wins over the generated one
    dictionary.add_private_dict_entries(CREATOR, {0x00190010: ("LT", "1", "Mine")})
    assert dictionary.private_lookup(CREATOR, 0x00191010)[0] == "LT"


@pytest.mark.parametrize("call", [
    lambda: dictionary.add_dict_entries({0x00091000: ("DS", "1", "Private")}),
    lambda: dictionary.add_dict_entries({-1: ("DS", "1", "Negative")}),
    lambda: dictionary.add_dict_entries({0x00E01000: ("XX", "1", "BadVR")}),
    lambda: dictionary.add_dict_entries({0x00E01000: ("DS", "one", "BadVM")}),
    lambda: dictionary.add_dict_entries({0x00E01000: ("DS", "1", "Name", "not ok")}),
    lambda: dictionary.add_dict_entries({0x00E01000: ("DS",)}),  # type: ignore[dict-item]
    lambda: dictionary.add_private_dict_entries("", {0x00091000: ("DS", "1", "NoCreator")}),
    lambda: dictionary.add_private_dict_entries("C", {0x00081000: ("DS", "1", "Public")}),
    lambda: dictionary.add_private_dict_entries("C", {0x00091000: ("QQ", "1", "BadVR")}),
])
def test_bad_entries_from_python_are_refused(call: object) -> None:
    with pytest.raises(DictionaryError):
        call()  # type: ignore[operator]
    assert dictionary.lookup(0x00E01000) is None


# ------------------------------------------------------------------------- .dic files

def test_load_dic_takes_public_and_private_entries_over_the_generated() -> None:
    assert dictionary.load_dic(PUBLIC) == 15  # the 4 PRIVATE/ILLEGAL/GENERIC lines skipped
    assert dictionary.lookup(0x00080001) == ("SH", "1", "FixtureExact", "FixtureExact", False)
    assert dictionary.lookup(0x00080006)[3:] == ("FixtureRetired", True)
    assert dictionary.lookup(0x0008000B)[3] == "FixtureOverride"  # the later line
    assert dictionary.lookup(0x00080002)[0] == "US or SS"
    assert dictionary.lookup(0x60220010)[3] == "FixtureOverlayRange"  # user repeater
    assert dictionary.lookup(0x60230010) is None  # odd groups are private
    # an even-element range: its even elements only
    assert dictionary.lookup(0x00203102)[3] == "FixtureEvenElements"
    assert dictionary.lookup(0x00203101)[3] == "SourceImageIDs"  # the generated (0020,31xx)
    assert dictionary.tag_for_keyword("FixtureOverlayRange") == 0x60000010
    assert dictionary.lookup(0x00000100)[3] == "CommandField"
    dictionary.load_dic(PRIVATE)
    assert dictionary.private_lookup("FIXTURE CREATOR", 0x00191110)[3] == "FixtureParamsLater"
    assert dictionary.private_lookup("FIXTURE CREATOR", 0x00191020)[0] == "DS"  # fixed element
    assert dictionary.private_lookup("FIXTURE CREATOR", 0x00191120) is None  # not in block 11
    assert dictionary.private_lookup("FIXTURE RANGE", 0x60F51002)[2] == "FixtureLutData"
    assert dictionary.private_lookup("FIXTURE ISI", 0x00031008)[3] == "FixtureISIField"
    assert dictionary.private_lookup("FIXTURE CREATOR", 0x002910AB)[0] == "OB or OW"


@pytest.mark.parametrize(("line", "message"), [
    ("(0008,0001)\tSH", "2 tab-separated field"),
    ("(0008,001)\tSH\tShortElement\t1", "is not (gggg,eeee)"),
    ("(60FF-6000,0010)\tUS\tBackwards\t1", "ends before it starts"),
    ("(6000-60FE,0010)\tUS\tRagged\t1", "whole hex digits"),
    ("(0008,0001)\tZZZ\tBadVR\t1", "VR 'ZZZ'"),
    ("(0008,0001)\tSH\tBadVM\tn-1", "VM 'n-1'"),
    ("(0008,0001)\tSH\t\t1", "empty name"),
    ("(0008,0001)\tSH\tNot-AnIdentifier\t1", "not an identifier"),
    ("(0009,0001)\tSH\tOddGroup\t1", "is private (odd)"),
    ('(0008,"CREATOR",10)\tSH\tEvenGroup\t1', "not odd"),
    ('(0009,"CREATOR",0100)\tSH\tNoBlock\t1', "neither an offset"),
    ('(0009,"",10)\tSH\tEmptyCreator\t1', "empty private creator"),
])
def test_bad_dic_lines_raise_naming_file_and_line(tmp_path: Path, line: str,
                                                  message: str) -> None:
    path = tmp_path / "mine.dic"
    path.write_text(f"# mine\n(00E0,1000)\tSH\tFine\t1\n{line}\n")
    with pytest.raises(DictionaryError) as info:
        dictionary.load_dic(path)
    assert (info.value.source, info.value.line) == (str(path), 3)
    assert f"{path}, line 3: " in str(info.value) and message in str(info.value)
    assert dictionary.lookup(0x00E01000) is None  # nothing of a bad file is taken


def test_a_missing_dic_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read the data dictionary"):
        dictionary.load_dic(tmp_path / "absent.dic")


def test_random_and_mutated_dic_bytes_raise_only_dictionary_errors() -> None:
    rng = random.Random(1455)
    seeds = [PUBLIC.read_bytes(), PRIVATE.read_bytes()]
    for i in range(3000):
        if i % 3 == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(200)))
        else:
            buf = bytearray(rng.choice(seeds))
            for _ in range(rng.randrange(1, 12)):
                pos = rng.randrange(len(buf))
                kind = rng.randrange(3)
                if kind == 0:
                    buf[pos] = rng.choice(b'\t\n()",-ouxX0fF9 #\xff')
                elif kind == 1:
                    del buf[pos:pos + rng.randrange(1, 8)]
                else:
                    buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(4)))
            data = bytes(buf)
        try:
            dictionary.add_dic_entries(dictionary.parse_dic(data, "fuzz.dic"))
        except DictionaryError as exc:
            assert exc.source == "fuzz.dic" and exc.line >= 1
    dictionary.reset()


def _runtime_view(entries: list[dictionary.DicEntry]) -> dict[int, tuple[object, ...]]:
    return {d.line: (d.creator, d.tag, d.mask, d.vr, d.vm, d.keyword, d.retired)
            for d in entries}


def _codegen_view(path: Path) -> dict[int, tuple[object, ...]]:
    """The generator's reading of the same file, in the runtime's terms."""
    entries = dcmtk_dic.parse_dic(path.read_bytes(), path)
    out: dict[int, tuple[object, ...]] = {}
    publics = [e for e in entries if e.creator is None]
    for c in dcmtk_dic._public_candidates(publics, path):
        e = c.entry
        keyword = e.name.removeprefix(dcmtk_dic.RETIRED_PREFIX)
        out[e.line] = (None, c.value, c.mask, dcmtk_dic.DCMTK_VRS.get(e.vr, e.vr), e.vm, keyword,
                       e.name.startswith(dcmtk_dic.RETIRED_PREFIX))
    privates = [e for e in entries if e.creator is not None]
    for p in dcmtk_dic.private_elements(privates, path):
        out[p.line] = (p.creator, (p.group << 16) | p.element, (p.group_mask << 16) | 0xFFFF,
                       p.vr, p.vm, p.keyword, False)
    return out


@pytest.mark.parametrize("name", ["public.dic", "private.dic", "dcmtk:dicom.dic",
                                  "dcmtk:private.dic"])
def test_the_runtime_parser_reads_dic_files_as_the_generator_does(name: str) -> None:
    # two parsers, one per layer (the runtime may not import codegen, nor codegen the
    # runtime): kept in step by reading the same files the same way
    if name.startswith("dcmtk:"):
        path = DCMTK / name.split(":")[1]
        if not path.is_file():
            missing(f"{path} (apt-get install dcmtk)")
    else:
        path = FIXTURES / name
    ours = dictionary.parse_dic(path.read_bytes(), str(path))
    theirs = _codegen_view(path)
    runtime = _runtime_view(ours)
    # the generator drops group 0000 (PS3.7, generated.commands) and lines a later one
    # overrides; the runtime keeps both (a user may want either), later lines winning
    assert set(theirs) <= set(runtime)
    extra = [line for line in runtime if line not in theirs]
    assert all(runtime[line][0] is None and runtime[line][1] >> 16 == 0
               or runtime[line][:3] in {v[:3] for v in theirs.values()} for line in extra)
    mismatched = [line for line in theirs if runtime[line] != theirs[line]]
    assert not mismatched, [(line, runtime[line], theirs[line]) for line in mismatched[:5]]


# ------------------------------------------------------------- $DICOMKIT_DICT_PATH

_CHILD = r"""
import io, sys
import dicomkit
from dicomkit.cli.dump import dump_text
ds = dicomkit.read(sys.argv[1])
print(ds[0x00E01000].vr, ds[0x00E01000].value)
print(ds[0x00411010].vr, ds[0x00411010].value)
print([line for line in dump_text(ds).splitlines() if line.startswith("(0041,1010)")][0])
"""


def test_dicomkit_dict_path_is_read_in_a_fresh_process(tmp_path: Path) -> None:
    ds = Dataset()
    ds.PatientName = "Doe^Jane"
    ds.add_new(0x00E01000, "DS", "1.5")
    ds.add_new(0x00410010, "LO", "ACME IMAGING 2.0")
    ds.add_new(0x00411010, "US", 7)
    data = tmp_path / "implicit.dcm"
    data.write_bytes(_implicit_file(ds))
    public = tmp_path / "public.dic"
    public.write_text("# mine\n(00E0,1000)\tDS\tMyMeasurement\t1\tDICOM\n")
    private = tmp_path / "private.dic"
    private.write_text('(0041,"ACME IMAGING 2.0",10)\tUS\tAcmeFrameCount\t1\tPrivateTag\n')
    env = dict(os.environ, DICOMKIT_DICT_PATH=os.pathsep.join([str(public), str(private)]),
               PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    run = subprocess.run([sys.executable, "-c", _CHILD, str(data)], env=env,
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "DS 1.5" and lines[1] == "US 7"
    assert lines[2].startswith("(0041,1010) US 7") and lines[2].endswith("AcmeFrameCount")
    # without the variable, the same file gives bytes
    env.pop("DICOMKIT_DICT_PATH")
    run = subprocess.run([sys.executable, "-c", _CHILD, str(data)], env=env,
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0].startswith("UN ")
    # a bad file named there is reported with its line, on first use
    private.write_text('(0041,"ACME IMAGING 2.0",10)\tUS\n')
    env["DICOMKIT_DICT_PATH"] = str(private)
    run = subprocess.run([sys.executable, "-c", _CHILD, str(data)], env=env,
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode != 0
    assert f"{private}, line 1: 2 tab-separated field(s)" in run.stderr


def test_value_validation_sees_entries_added_after_it_first_ran() -> None:
    """validate's per-tag cache keys on dictionary.generation() (it used to keep the facts of
    the first look: an entry added later was never seen, one dropped was kept)."""
    from dicomkit.core.element import DataElement
    from dicomkit.validate.report import Report
    from dicomkit.validate.values import check_elements

    tag = 0x00301234  # an even group, no public entry

    def codes() -> set[str]:
        ds = Dataset()
        ds[tag] = DataElement(tag, "DS", "1.5")
        report = Report()
        check_elements(ds, report)
        return {f.rule for f in report.findings}

    assert "unknown-public" in codes()
    dictionary.add_dict_entry(tag, "LO", "MyThing")
    assert "unknown-public" not in codes() and "vr" in codes()  # DS where the entry says LO
    dictionary.reset()
    assert "unknown-public" in codes()
