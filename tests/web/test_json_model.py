"""The DICOM JSON Model (PS3.18 F.2): real files to JSON and back, and against pydicom.

Documented differences from pydicom's ``Dataset.to_json_dict()``:

* byte values (OW, OF, ...) of big endian files: PS3.18 F.2.7 makes InlineBinary little endian;
  we swap, pydicom emits the bytes in the stream's order (``test_big_endian_...`` pins both);
* a DS/IS value that does not parse (badVR.dcm's ``1A``): we keep the text as a JSON string,
  pydicom raises ValueError;
* an empty value of a multi-valued element: ``null`` (PS3.18 F.2.5), pydicom ``""``;
* an empty sequence: no ``"Value"`` (F.2.5), pydicom ``"Value": []``;
* trailing spaces of CS values inside a multi-valued element: dropped (PS3.5 6.2: not
  significant), pydicom keeps them;
* a sequence sent as UN: we keep its bytes (InlineBinary), pydicom parses them;
* group lengths (gggg,0000): left out, as F.2.2 says ("shall not be included"); pydicom
  includes them.

Both send UN elements of a known VR (a public tag, a private creator) in that VR (PS3.5
6.2.2).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.element import DataElement
from dicomkit.errors import DicomError
from dicomkit.web.bulkdata import BulkDataURI, bulk_data_references, resolve_bulk_data
from dicomkit.web.element_values import value_bytes
from dicomkit.web.errors import BulkDataError, JsonModelError
from dicomkit.web.json_model import (
    aiter_datasets,
    aiter_json_array,
    dumps,
    from_json_dict,
    iter_datasets,
    iter_json_array,
    loads,
    to_json_dict,
)
from tests.samples import sample_str as sample
from tests.samples import samples
from tests.web.strategies import datasets

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


def _normalized(doc: Any, big_endian: bool = False) -> Any:
    """A JSON model object with the documented differences between us and pydicom removed
    (see the module docstring): each is where the standard's text decides for us."""
    if isinstance(doc, list):
        return [_normalized(x, big_endian) for x in doc]
    if not isinstance(doc, dict):
        return doc
    out: dict[str, Any] = {}
    for key, el in doc.items():
        if key.endswith("0000"):
            continue  # F.2.2: group lengths "shall not be included"; pydicom includes them
        el = dict(el)
        el["vr"] = str(el["vr"])
        if el["vr"] == "SQ" and el.get("Value") == []:
            del el["Value"]  # PS3.18 F.2.5: an empty attribute has no "Value"
        if "Value" in el:
            if el["vr"] == "SQ":
                el["Value"] = [_normalized(item, big_endian) for item in el["Value"]]
            else:
                # F.2.5: an empty value of a multi-valued attribute is null; PS3.5 6.2: the
                # trailing spaces of CS values are not significant
                el["Value"] = [None if v == "" else (v.rstrip(" ") if el["vr"] == "CS" and
                                                     isinstance(v, str) else v)
                               for v in el["Value"]]
        if big_endian and "InlineBinary" in el:
            el["InlineBinary"] = "(byte order: see test_big_endian_...)"
        out[key] = el
    return out


def _pydicom_json(path: str) -> dict[str, Any] | None:
    try:
        return pydicom.dcmread(path).to_json_dict()  # type: ignore[no-any-return]
    except Exception:  # pydicom refuses files without meta and bad DS (badVR.dcm)
        return None


def _drop_un_sequences(ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    """A sequence sent as UN (rtdose_rle.dcm's (300C,0002)): pydicom parses its bytes as a
    sequence; we keep the UN element's bytes (InlineBinary, F.2.7), as dicomkit.read does."""
    for key in [k for k, v in ours.items()
                if v["vr"] == "UN" and str(theirs.get(k, {}).get("vr")) == "SQ"]:
        del ours[key], theirs[key]


def test_json_equals_pydicoms_json_on_every_sample_but_for_the_documented_differences() -> None:
    compared = 0
    for f in _readable_samples():
        ds = dicomkit.read(f)
        theirs = _pydicom_json(f)
        if theirs is None:
            continue
        ours = to_json_dict(ds)
        big = ds.read_transfer_syntax == "1.2.840.10008.1.2.2"
        _drop_un_sequences(ours, theirs)
        assert _normalized(ours, big) == _normalized(theirs, big), f
        compared += 1
    assert compared >= 60


def test_pydicom_reads_our_json_back_to_the_same_json() -> None:
    checked = 0
    for f in _readable_samples():
        if _pydicom_json(f) is None:
            continue  # pydicom cannot read the file (no file meta, badVR.dcm's IS '1A')
        ours = json.loads(json.dumps(to_json_dict(dicomkit.read(f))))
        checked += 1
        try:
            theirs = pydicom.Dataset.from_json(ours).to_json_dict()
        except Exception as exc:  # pragma: no cover - the assertion names the file
            raise AssertionError(f"pydicom cannot read our JSON of {f}: {exc}") from exc
        _drop_un_sequences(ours, theirs)
        assert _normalized(theirs) == _normalized(ours), f
    assert checked >= 60


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


def test_bulk_data_uris_are_kept_unresolved_or_resolved_by_the_callers_resolver() -> None:
    doc = {"7FE00010": {"vr": "OB", "BulkDataURI": "http://x/bulk/1"},
           "00540016": {"vr": "SQ", "Value": [{"00280010": {"vr": "US", "Value": [2]},
                                               "00091010": {"vr": "OW",
                                                            "BulkDataURI": "http://x/bulk/2"}}]}}
    ds = from_json_dict(doc)
    assert isinstance(ds[0x7FE00010].value, BulkDataURI)
    assert [(p, el.value.uri) for p, el in bulk_data_references(ds)] == [
        ((0x00540016, 0, 0x00091010), "http://x/bulk/2"), ((0x7FE00010,), "http://x/bulk/1")]
    assert to_json_dict(ds) == doc  # written back as the references they are
    seen = []

    def resolver(uri: str, path: tuple[int, ...], vr: str) -> bytes:
        seen.append((uri, path, vr))
        return b"\x01\x02"

    assert resolve_bulk_data(ds, resolver) == 2
    assert ds[0x7FE00010].value == b"\x01\x02" and ds[0x00540016].value[0][0x00091010].raw == \
        b"\x01\x02"
    assert ("http://x/bulk/1", (0x7FE00010,), "OB") in seen
    direct = from_json_dict(doc, bulk_data=resolver)
    assert direct == ds


def test_a_failing_resolver_raises_bulk_data_error_naming_uri_and_element() -> None:
    def resolver(uri: str, path: tuple[int, ...], vr: str) -> bytes:
        raise OSError("unreachable")

    ds = from_json_dict({"00540016": {"vr": "SQ", "Value": [
        {"7FE00010": {"vr": "OB", "BulkDataURI": "u"}}]}})
    with pytest.raises(BulkDataError, match=r"'u' of \(0054,0016\)\[0\]\.\(7FE0,0010\)"):
        resolve_bulk_data(ds, resolver)


def test_large_binary_values_go_as_bulk_data_uris_from_the_callers_builder() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"), defer_size=1024)
    calls: list[tuple[int, ...]] = []

    def builder(path: tuple[int, ...], el: DataElement) -> str | None:
        calls.append(path)
        return f"http://srv/bulk/{el.tag:08X}"

    doc = to_json_dict(ds, bulk_data_uri=builder, bulk_data_threshold=1024)
    assert doc["7FE00010"] == {"vr": "OW", "BulkDataURI": "http://srv/bulk/7FE00010"}
    assert (0x7FE00010,) in calls
    assert all(ds[p[0]].length > 1024 for p in calls)  # only values above the threshold
    assert ds[0x7FE00010].is_deferred  # not read to decide
    small = to_json_dict(ds, bulk_data_uri=builder, bulk_data_threshold=10 ** 9)
    assert "InlineBinary" in small["7FE00010"]
    inline = to_json_dict(ds, bulk_data_uri=lambda p, e: None, bulk_data_threshold=0)
    assert "InlineBinary" in inline["7FE00010"]


def test_group_lengths_are_left_out_of_json_and_xml() -> None:
    ds = dicomkit.read(sample("693_J2KI.dcm"))
    assert 0x00080000 in ds
    assert "00080000" not in to_json_dict(ds)  # PS3.18 F.2.2
    from dicomkit.web.xml_model import to_xml

    assert b'tag="00080000"' not in to_xml(ds)  # PS3.19 A.1.1


def test_person_names_at_numbers_and_empty_values_follow_f_2() -> None:
    ds = dicomkit.Dataset()
    ds.add_new(0x00100010, "PN", "Yamada^Tarou=山田^太郎=やまだ^たろう")
    ds.add_new(0x00081060, "PN", ["A^B", "", "=C"])
    ds.add_new(0x00209165, "AT", [0x00100010, 0x7FE00010])
    ds.add_new(0x00280030, "DS", ["1.50", "2e3"])
    ds.add_new(0x00200013, "IS", "+12")
    ds.add_new(0x00080008, "CS", ["ORIGINAL", "", "AXIAL"])
    ds.add_new(0x00081030, "LO", "")
    ds.add_new(0x00081162, "UV", [2 ** 60, 7])
    doc = to_json_dict(ds)
    assert doc["00100010"]["Value"] == [{"Alphabetic": "Yamada^Tarou", "Ideographic": "山田^太郎",
                                         "Phonetic": "やまだ^たろう"}]
    assert doc["00081060"]["Value"] == [{"Alphabetic": "A^B"}, None, {"Ideographic": "C"}]
    assert doc["00209165"]["Value"] == ["00100010", "7FE00010"]
    assert doc["00280030"]["Value"] == [1.5, 2000.0] and doc["00200013"]["Value"] == [12]
    assert doc["00080008"]["Value"] == ["ORIGINAL", None, "AXIAL"]  # F.2.5: null
    assert doc["00081030"] == {"vr": "LO"}
    # F.2.3: a JSON number cannot hold 2**60 exactly: sent as a string
    assert doc["00081162"]["Value"] == [str(2 ** 60), 7]
    back = from_json_dict(json.loads(dumps(ds)))
    assert back[0x00100010].value.ideographic == "山田^太郎"
    assert back[0x00081162].value == [2 ** 60, 7]
    assert back[0x00209165].value == [0x00100010, 0x7FE00010]
    assert to_json_dict(back) == doc


def test_ds_and_is_sent_as_strings_keep_their_text() -> None:
    ds = from_json_dict({"00280030": {"vr": "DS", "Value": ["0.50", 2]},
                         "00200013": {"vr": "IS", "Value": ["007"]}})
    assert [str(v) for v in ds[0x00280030].value] == ["0.50", "2"]
    assert str(ds[0x00200013].value) == "007" and ds[0x00200013].value == 7


def test_private_elements_keep_their_tags_and_creators() -> None:
    ds = dicomkit.Dataset()
    block = ds.private_block(0x0029, "ACME 1.0", create=True)
    block.add_new(0x10, "LO", "private value")
    block.add_new(0x11, "OB", b"\x00\x01")
    doc = to_json_dict(ds)
    assert doc["00290010"] == {"vr": "LO", "Value": ["ACME 1.0"]}
    assert doc["00291010"] == {"vr": "LO", "Value": ["private value"]}
    back = from_json_dict(doc)
    assert back.private_block(0x0029, "ACME 1.0")[0x10].value == "private value"


def test_specific_character_set_text_is_unicode_in_json_and_utf8_on_request() -> None:
    ds = dicomkit.read(sample("chrH31.dcm", "charset_files"))  # ISO 2022 IR 87 (Japanese)
    doc = to_json_dict(ds)
    name = doc["00100010"]["Value"][0]["Alphabetic"]
    assert name == str(ds.PatientName.alphabetic)
    back = from_json_dict(doc, utf8=True)
    assert back[0x00080005].value == "ISO_IR 192"
    again = dicomkit.read(encode_file_of(back))
    assert str(again.PatientName.alphabetic) == name


def encode_file_of(ds: dicomkit.Dataset) -> bytes:
    from dicomkit.io.writer import encode_file

    ds.file_meta = dicomkit.read(sample("CT_small.dcm")).file_meta
    return encode_file(ds, "1.2.840.10008.1.2.1")


@pytest.mark.parametrize("doc, where", [
    ({"PatientName": {"vr": "PN"}}, "PatientName"),
    ({"00100010": {"Value": ["x"]}}, "00100010"),
    ({"00100010": {"vr": "XX"}}, "00100010"),
    ({"00100010": []}, "00100010"),
    ({"00540016": {"vr": "SQ", "Value": [{"00280010": {"vr": "US", "Value": ["a"]}}]}},
     "00540016.Value[0].00280010"),
    ({"00209165": {"vr": "AT", "Value": ["0010"]}}, "00209165.Value[0]"),
    ({"7FE00010": {"vr": "OB", "InlineBinary": "!!"}}, "7FE00010"),
    ({"7FE00010": {"vr": "OB", "InlineBinary": "AA==", "BulkDataURI": "x"}}, "7FE00010"),
    ({"00100010": {"vr": "PN", "Value": [{"Alphabetical": "x"}]}}, "00100010.Value[0]"),
    ({"00100010": {"vr": "LO", "Value": "x"}}, "00100010"),
])
def test_malformed_json_is_refused_with_its_json_path(doc: Any, where: str) -> None:
    with pytest.raises(JsonModelError) as info:
        from_json_dict(doc)
    assert info.value.path == where


def test_a_json_array_is_written_and_read_one_data_set_at_a_time() -> None:
    files = ["CT_small.dcm", "rtplan.dcm", "MR_small.dcm"]
    sets = [dicomkit.read(sample(f)) for f in files]
    chunks = list(iter_json_array(sets))
    assert len(chunks) == len(sets) + 2
    body = b"".join(chunks)
    assert json.loads(body) == [json.loads(json.dumps(to_json_dict(d))) for d in sets]
    for size in (1, 7, 4096):
        parts = [body[i:i + size] for i in range(0, len(body), size)]
        got = list(iter_datasets(parts))
        assert got == [from_json_dict(json.loads(json.dumps(to_json_dict(d)))) for d in sets]
    assert loads(body) == got


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_the_async_array_writer_and_reader_under_anyio(backend: str) -> None:
    import anyio

    sets = [dicomkit.read(sample("CT_small.dcm")), dicomkit.read(sample("rtplan.dcm"))]

    async def main() -> list[dicomkit.Dataset]:
        body = b"".join([c async for c in aiter_json_array(sets)])

        async def chunks() -> Any:
            for i in range(0, len(body), 333):
                yield body[i:i + 333]

        return [d async for d in aiter_datasets(chunks())]

    got = anyio.run(main, backend=backend)
    assert [to_json_dict(d) for d in got] == [json.loads(json.dumps(to_json_dict(d)))
                                              for d in sets]


@pytest.mark.parametrize("body, reason", [
    (b'{"00100010": {"vr": "PN"}}', "expected a JSON array"),
    (b'[{"00100010": {"vr": "PN"}}', "truncated"),
    (b'[{"00100010": {"vr": "PN"}},]', "after ','"),
    (b'[1]', "not an object"),
    (b'[{}] x', "after the end"),
    (b'[{} {}]', "expected ','"),
])
def test_a_broken_json_array_is_refused_with_its_byte_offset(body: bytes, reason: str) -> None:
    with pytest.raises(JsonModelError, match=reason):
        list(iter_datasets([body]))


@settings(max_examples=150, deadline=None)
@given(ds=datasets())
def test_random_data_sets_survive_json_and_back(ds: dicomkit.Dataset) -> None:
    doc = json.loads(dumps(ds))
    back = from_json_dict(doc)
    assert back == ds
    assert to_json_dict(back) == doc


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=200))
def test_random_bytes_give_only_json_model_errors(data: bytes) -> None:
    try:
        loads(data)
    except JsonModelError:
        pass
    try:
        list(iter_datasets([data]))
    except JsonModelError:
        pass


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_mutated_json_gives_only_json_model_errors(data: st.DataObject) -> None:
    body = bytearray(dumps(dicomkit.read(sample("rtplan.dcm"))).encode())
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(body) - 1))
        body[i] = data.draw(st.sampled_from(b'{}[]",:0aA\\ nx-'))
    try:
        loads(bytes(body))
    except JsonModelError:
        pass


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


def test_a_ds_with_more_digits_than_a_double_holds_goes_as_its_text() -> None:
    ds = dicomkit.Dataset()
    ds.add_new(0x00280030, "DS", ["9007199254740993", "0.5"])  # 2**53 + 1: 16 characters
    doc = to_json_dict(ds)
    assert doc["00280030"]["Value"] == ["9007199254740993", 0.5]  # F.2.3
    assert str(from_json_dict(doc)[0x00280030].value[0]) == "9007199254740993"


@settings(max_examples=100, deadline=None)
@given(ds=datasets(), threshold=st.integers(0, 40))
def test_random_data_sets_survive_json_with_bulk_data_by_reference(ds: dicomkit.Dataset,
                                                                   threshold: int) -> None:
    store: dict[str, bytes] = {}

    def builder(path: tuple[int, ...], el: DataElement) -> str:
        uri = "bulk/" + "/".join(map(str, path))
        store[uri] = value_bytes(el)
        return uri

    doc = json.loads(dumps(ds, bulk_data_uri=builder, bulk_data_threshold=threshold))
    assert all(len(v) > threshold for v in store.values())
    back = from_json_dict(doc, bulk_data=lambda uri, path, vr: store[uri])
    assert back == ds


def test_sequences_nested_beyond_the_recursion_limit_give_a_json_model_error() -> None:
    doc: dict[str, Any] = {}
    for _ in range(3000):
        doc = {"00081115": {"vr": "SQ", "Value": [doc]}}
    with pytest.raises(JsonModelError, match="nested too deeply"):
        from_json_dict(doc)


def test_json_numbers_become_valid_ds_and_is_text() -> None:
    ds = from_json_dict({"00280030": {"vr": "DS", "Value": [0.30000000000000004, 1e-20, 5]},
                         "00200013": {"vr": "IS", "Value": [100.0]}})
    texts = [str(v) for v in ds[0x00280030].value]
    assert all(len(t) <= 16 for t in texts) and texts[2] == "5"  # PS3.5 6.2: 16 bytes max
    assert abs(float(texts[0]) - 0.3) < 1e-15
    assert str(ds[0x00200013].value) == "100"
    assert ds[0x00280030].value_problem() is None and ds[0x00200013].value_problem() is None
