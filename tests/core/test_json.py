"""The DICOM JSON Model (PS3.18 F.2): real files to JSON and back, and against pydicom.

Documented differences from pydicom's ``Dataset.to_json_dict()``:

* byte values (OW, OF, ...) of big endian files: PS3.18 F.2.7 makes InlineBinary little endian;
  we swap, pydicom emits the bytes in the stream's order (``test_big_endian_...`` pins both);
* a DS/IS value that does not parse (badVR.dcm's ``1A``): we keep the text as a JSON string,
  pydicom raises ValueError.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.json import from_json_dict, to_json_dict
from dicomkit.errors import DicomError
from tests.samples import sample_str as sample
from tests.samples import samples

pydicom = pytest.importorskip("pydicom")


def _readable_samples() -> list[str]:
    out = []
    for f in map(str, samples("*")):  # the top folder of test_files
        try:
            dicomkit.read(f)
        except DicomError:
            continue
        out.append(f)
    return out


@pytest.mark.parametrize("name", ["rtplan.dcm", "CT_small.dcm", "JPEG2000.dcm",
                                  "UN_sequence.dcm", "MR_small.dcm"])
def test_json_equals_pydicoms_json_for_little_endian_files(name: str) -> None:
    ours = to_json_dict(dicomkit.read(sample(name)))
    theirs = pydicom.dcmread(sample(name)).to_json_dict()
    assert ours == theirs


def test_big_endian_binary_values_are_little_endian_in_json_unlike_pydicom() -> None:
    path = sample("MR_small_bigendian.dcm")
    ours = to_json_dict(dicomkit.read(path))
    theirs = pydicom.dcmread(path).to_json_dict()
    assert set(ours) == set(theirs)
    for key in ours:
        if key == "7FE00010":
            continue
        assert ours[key] == theirs[key], key
    a = base64.b64decode(ours["7FE00010"]["InlineBinary"])
    b = base64.b64decode(theirs["7FE00010"]["InlineBinary"])
    assert a == b"".join(b[i:i + 2][::-1] for i in range(0, len(b), 2))


def test_json_keeps_a_ds_or_is_that_does_not_parse_as_its_text() -> None:
    doc = to_json_dict(dicomkit.read(sample("badVR.dcm")))
    texts = [v["Value"] for v in doc.values() if v["vr"] in ("DS", "IS") and "Value" in v
             and any(isinstance(x, str) for x in v["Value"])]
    assert texts


def test_json_follows_the_model_for_each_kind_of_value() -> None:
    doc = to_json_dict(dicomkit.read(sample("rtplan.dcm")))
    assert doc["00100010"] == {"vr": "PN", "Value": [{"Alphabetic": "Last^First^mid^pre"}]}
    assert doc["00080050"] == {"vr": "SH"}  # empty: no Value (PS3.18 F.2.5)
    assert doc["300A0010"]["Value"][0]["300A0018"]["Value"] == [239.53125, 239.53125, -741.87]
    doc = to_json_dict(dicomkit.read(sample("CT_small.dcm")))
    assert doc["00280010"] == {"vr": "US", "Value": [128]}
    assert base64.b64decode(doc["7FE00010"]["InlineBinary"])[:2] == \
        dicomkit.read(sample("CT_small.dcm"))[0x7FE00010].raw[:2]


def test_every_readable_sample_survives_json_and_back() -> None:
    files = _readable_samples()
    assert len(files) > 50
    for f in files:
        doc = json.loads(json.dumps(to_json_dict(dicomkit.read(f))))
        assert to_json_dict(from_json_dict(doc)) == doc, f


@pytest.mark.parametrize("name", ["rtplan.dcm", "CT_small.dcm", "JPEG2000.dcm",
                                  "UN_sequence.dcm", "test-SR.dcm"])
def test_a_little_endian_data_set_read_back_from_json_equals_the_one_read(name: str) -> None:
    path = sample(name)
    ds = dicomkit.read(path)
    back = from_json_dict(json.loads(json.dumps(to_json_dict(ds))))
    assert back == ds


def test_a_data_set_from_json_is_written_and_read_back_equal() -> None:
    ds = dicomkit.read(sample("rtplan.dcm"))
    back = from_json_dict(to_json_dict(ds))
    back.file_meta = ds.file_meta
    from dicomkit.io.writer import encode_file

    again = dicomkit.read(encode_file(back, "1.2.840.10008.1.2.1"))
    assert again == ds


def test_bulk_data_uris_and_bad_keys_are_refused() -> None:
    with pytest.raises(DicomError, match="BulkDataURI"):
        from_json_dict({"7FE00010": {"vr": "OB", "BulkDataURI": "http://x"}})
    with pytest.raises(DicomError):
        from_json_dict({"PatientName": {"vr": "PN"}})
    with pytest.raises(DicomError):
        from_json_dict({"00100010": {"Value": ["x"]}})


_text = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E,
                                       blacklist_characters="\\=^"), max_size=16)


@settings(max_examples=60, deadline=None)
@given(name=_text.map(str.strip), lo=st.lists(_text.map(str.strip), min_size=1, max_size=3),
       us=st.lists(st.integers(0, 0xFFFF), min_size=1, max_size=4),
       fd=st.floats(allow_nan=False, allow_infinity=False),
       ob=st.binary(max_size=32).map(lambda b: b + b"\x00" * (len(b) & 1)))
def test_json_round_trip_of_generated_values(name: str, lo: list[str], us: list[int],
                                             fd: float, ob: bytes) -> None:
    ds = dicomkit.Dataset()
    ds.add_new(0x00100010, "PN", name)
    ds.add_new(0x00081030, "LO", lo if len(lo) > 1 else lo[0])
    ds.add_new(0x00280010, "US", us if len(us) > 1 else us[0])
    ds.add_new(0x00189087, "FD", fd)
    ds.add_new(0x00091010, "OB", ob)
    doc: dict[str, Any] = json.loads(json.dumps(to_json_dict(ds)))
    back = from_json_dict(doc)
    assert to_json_dict(back) == doc
    assert back[0x00280010].value == ds[0x00280010].value
    assert back[0x00189087].value == fd
    assert back[0x00091010].value == ob
    assert str(back[0x00100010].value) == name


@pytest.mark.parametrize("name", ["CT_small.dcm", "rtplan.dcm", "JPEG2000.dcm"])
def test_damaged_data_sets_survive_json_and_back(name: str) -> None:
    # cut short and overwritten values decode to odd things (bytes for AT/US, Latin-1 text in
    # DA): JSON keeps them (InlineBinary, text) and reading the JSON back gives the same JSON
    with open(sample(name), "rb") as fh:
        data = fh.read()
    step = max(1, len(data) // 80)
    for cut in range(0, len(data), step):
        for variant in (data[:cut], data[:cut] + b"\xff" * 3 + data[cut + 3:]):
            try:
                ds = dicomkit.read(variant)
            except DicomError:
                continue
            doc = json.loads(json.dumps(to_json_dict(ds)))
            assert to_json_dict(from_json_dict(doc)) == doc, (name, cut)
