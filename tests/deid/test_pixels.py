"""The Clean Pixel Data Option (PS3.15 E.3.1): regions blanked, Burned In Annotation set, on
pydicom's bundled images (native, JPEG YBR ultrasound, JPEG 2000), and rules files in the
filter format of pydicom-deid recipes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import dicomkit
from dicomkit.deid import (
    Deidentifier,
    DeidError,
    Mapper,
    OptionError,
    PixelRules,
    Profile,
    Region,
    clean_pixel_data,
    deidentify_file,
)
from dicomkit.generated import deid as table
from dicomkit.generated import tags, uids
from tests.samples import sample

RULES = """FORMAT dicom

%filter graylist

LABEL Ultrasound top band   # a known layout
  contains Modality US
  + equals Rows 240
  coordinates 0,0,320,30
  ctpcoordinates 300,200,20,40

LABEL Small CT corner
  contains Modality CT|MR
  + equals Columns 128
  coordinates 100,0,128,20

%filter blacklist

LABEL Screen save
  contains ImageType SAVE
  || contains SeriesDescription SAVE

%header
REPLACE PatientID var:id
"""


def _pixels(path: Path) -> np.ndarray:
    return dicomkit.read(path).pixel_array


def test_rules_parse_into_labels_criteria_and_regions() -> None:
    rules = PixelRules.parse(RULES, "deid.dicom")
    assert [r.label for r in rules.rules] == ["Ultrasound top band", "Small CT corner",
                                              "Screen save"]
    us = rules.rules[0]
    assert us.group == "graylist"
    assert [[c.op for c in alt] for alt in us.alternatives] == [["contains", "equals"]]
    assert us.regions == (Region(0, 0, 320, 30), Region(300, 200, 320, 240))
    assert len(rules.rules[2].alternatives) == 2 and rules.rules[2].regions == ()


def test_region_list_blanks_every_frame_and_sets_burned_in_annotation() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    before = ds.pixel_array.copy()
    out, notes = clean_pixel_data(ds, [Region(10, 20, 50, 30), Region(0, 120, 128, 128)])
    after = out.pixel_array
    low = -(1 << (int(ds.BitsStored) - 1)) if int(ds.PixelRepresentation) else 0
    assert (after[20:30, 10:50] == low).all() and (after[120:, :] == low).all()
    untouched = np.ones(before.shape, bool)
    untouched[20:30, 10:50] = untouched[120:, :] = False
    assert np.array_equal(after[untouched], before[untouched])
    assert out.BurnedInAnnotation == table.BURNED_IN_ANNOTATION_CLEANED == "NO"
    assert any("blanked 1424 pixel(s)" in n for n in notes)


def test_rules_clean_a_jpeg_ultrasound_natively_as_rgb() -> None:
    ds = dicomkit.read(sample("examples_ybr_color.dcm"))  # US, 30 frames YBR_FULL_422 JPEG
    before = ds.pixel_array
    out, notes = clean_pixel_data(ds, rules=PixelRules.parse(RULES))
    assert out.PhotometricInterpretation == "RGB"
    assert out.file_meta[tags.TransferSyntaxUID].value == uids.ExplicitVRLittleEndian
    written = dicomkit.read(_write(out))
    after = written.pixel_array
    assert after.shape == before.shape == (30, 240, 320, 3)
    assert (after[:, :30] == 0).all() and (after[:, 200:, 300:] == 0).all()
    assert np.array_equal(after[:, 30:200], before[:, 30:200])  # the rest as decoded
    assert written.BurnedInAnnotation == "NO"
    assert any("Ultrasound top band" in n for n in notes)
    assert any(uids.JPEGBaseline8Bit in n for n in notes)


def _write(ds: dicomkit.Dataset) -> bytes:
    import io

    stream = io.BytesIO()
    dicomkit.write(stream, ds, transfer_syntax=uids.ExplicitVRLittleEndian)
    return stream.getvalue()


def test_monochrome1_blanks_to_the_highest_value_and_keep_regions_invert() -> None:
    ds = dicomkit.read(sample("MR_small_jp2klossless.dcm"))
    ds.PhotometricInterpretation = "MONOCHROME1"
    out, _ = clean_pixel_data(ds, [Region(8, 8, 56, 56, keep=True)])
    after = out.pixel_array
    high = (1 << (int(ds.BitsStored) - 1)) - 1 if int(ds.PixelRepresentation) else (
        1 << int(ds.BitsStored)) - 1
    assert (after[:8] == high).all() and (after[:, 56:] == high).all()
    assert np.array_equal(after[8:56, 8:56], _pixels(sample("MR_small_jp2klossless.dcm"))[8:56,
                                                                                         8:56])


def test_deidentifier_with_the_option_writes_a_clean_file(tmp_path: Path) -> None:
    rules_file = tmp_path / "deid.dicom"
    rules_file.write_text(RULES)
    d = Deidentifier(Profile.of(["clean-pixel-data"]), Mapper("secret"),
                     pixel_rules=PixelRules.read(rules_file))
    report = deidentify_file(sample("MR_small_jp2klossless.dcm"), tmp_path / "out.dcm", d)
    out = dicomkit.read(tmp_path / "out.dcm")
    assert out.read_transfer_syntax == uids.ExplicitVRLittleEndian
    assert out.BurnedInAnnotation == "NO"
    pixels = out.pixel_array
    original = _pixels(sample("MR_small_jp2klossless.dcm"))
    assert pixels.shape == original.shape
    assert np.array_equal(pixels, original)  # 64 columns: the CT corner rule does not apply
    codes = [i.CodeValue for i in out.DeidentificationMethodCodeSequence]
    assert table.OPTION_CODES[Profile.of(["clean-pixel-data"]).methods[1]].value in codes
    assert any(c.keyword == "BurnedInAnnotation" for c in report.changes)
    assert any(c.keyword == "PixelData" and "natively" in c.detail for c in report.changes)
    # the source is untouched
    assert dicomkit.read(sample("MR_small_jp2klossless.dcm")).read_transfer_syntax == \
        "1.2.840.10008.1.2.4.90"


def test_deidentifier_on_ct_blanks_the_corner_and_keeps_the_header_profile() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    d = Deidentifier(Profile.of(["clean-pixel-data"]), Mapper("secret"),
                     pixel_rules=PixelRules.parse(RULES))
    out, report = d.deidentify(ds)
    low = -(1 << (int(ds.BitsStored) - 1)) if int(ds.PixelRepresentation) else 0
    assert (out.pixel_array[:20, 100:] == low).all()
    assert (out.pixel_array[20:, :100] == ds.pixel_array[20:, :100]).all()
    assert "PatientID" not in out or out.PatientID != ds.PatientID  # the profile ran too
    assert np.array_equal(ds.pixel_array, dicomkit.read(sample("CT_small.dcm")).pixel_array)


def test_options_and_errors() -> None:
    with pytest.raises(OptionError, match="needs the regions"):
        Deidentifier(Profile.of(["clean-pixel-data"]))
    with pytest.raises(OptionError, match="without the Clean Pixel Data Option"):
        Deidentifier(Profile(), pixel_regions=[Region(0, 0, 1, 1)])
    ds = dicomkit.read(sample("CT_small.dcm"))
    ds.BurnedInAnnotation = "YES"
    with pytest.raises(DeidError, match="Burned In Annotation is YES and no region"):
        clean_pixel_data(ds, rules=PixelRules.parse("%filter x\nLABEL none\nequals Rows 1\n"))
    assert ds.BurnedInAnnotation == "YES"
    del ds.PixelData
    with pytest.raises(DeidError, match="does not have"):
        clean_pixel_data(ds, [Region(0, 0, 1, 1)])
    with pytest.raises(DeidError, match="is empty"):
        Region(5, 0, 5, 10)


@pytest.mark.parametrize("text,message", [
    ("%filter g\ncontains Modality CT\n", "before any LABEL"),
    ("%filter g\nLABEL a\nfrobnicate Modality CT\n", "line 3.*not a criterion"),
    ("%filter g\nLABEL a\ncontains NoSuchKeyword x\n", "neither a keyword"),
    ("%filter g\nLABEL a\ncontains Modality (\n", "not a regular expression"),
    ("%filter g\nLABEL a\ncoordinates 1,2,3\n", "four integers"),
    ("%filter g\nLABEL a\ncoordinates 5,5,2,2\n", "is empty"),
    ("%filter g\nLABEL a\nequals Rows\n", "needs a value"),
])
def test_bad_rules_name_the_line(text: str, message: str) -> None:
    with pytest.raises(DeidError, match=message):
        PixelRules.parse(text, "r.dicom")


def test_random_rules_text_raises_only_deid_errors() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["%filter g", "LABEL x", "contains", "equals", "+", "||", "Modality",
                             "CT", "coordinates", "0,0,4,4", "all", "ctpcoordinates", "1,1,2,2",
                             "present", "Rows", "0x00280010", "(", "\n", "#", "keepcoordinates"])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(words, max_size=30), st.text(max_size=20))
    def check(parts: list[str], noise: str) -> None:
        text = " ".join(parts) + noise
        try:
            rules = PixelRules.parse(text.replace(" \n ", "\n"))
            rules.matching(dicomkit.read(sample("CT_small.dcm"), stop_before_pixels=True))
        except DeidError:
            pass

    check()


def test_deidentify_command_with_a_rules_file_and_regions(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    from dicomkit.cli.main import main

    rules_file = tmp_path / "deid.dicom"
    rules_file.write_text(RULES)
    src = tmp_path / "in"
    src.mkdir()
    (src / "ct.dcm").write_bytes(sample("CT_small.dcm").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    assert main(["deidentify", str(src), str(out), "--option", "clean-pixel-data",
                 "--pixel-rules", str(rules_file), "--region", "0,0,10,10", "--secret", "k",
                 "-q"]) == 0
    [written] = list(out.iterdir())
    ds = dicomkit.read(written)
    low = -(1 << (int(ds.BitsStored) - 1)) if int(ds.PixelRepresentation) else 0
    assert (ds.pixel_array[:10, :10] == low).all() and (ds.pixel_array[:20, 100:] == low).all()
    assert ds.BurnedInAnnotation == "NO"
    assert main(["deidentify", str(src), str(tmp_path / "o2"), "--option", "clean-pixel-data",
                 "-q"]) == 2
    assert "needs the regions" in capsys.readouterr().err
    assert main(["deidentify", str(src), str(tmp_path / "o3"), "--option", "clean-pixel-data",
                 "--region", "1,2,3", "-q"]) == 2
    assert "four integers" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["examples_ybr_color.dcm", "CT_small.dcm",
                                  "MR_small_jp2klossless.dcm"])
def test_dciodvfy_finds_no_new_error_in_a_pixel_cleaned_file(name: str, tmp_path: Path) -> None:
    from tests.deid.test_files import _dciodvfy_errors

    d = Deidentifier(Profile.of(["clean-pixel-data", "retain-uids"]), Mapper("s"),
                     pixel_regions=[Region(0, 0, 16, 8)], pixel_rules=PixelRules.parse(RULES))
    report = deidentify_file(sample(name), tmp_path / "out.dcm", d)
    new = _dciodvfy_errors(report.target) - _dciodvfy_errors(sample(name))
    assert not new, sorted(new)
