"""Specific Character Set (0008,0005): decoding and encoding against PS3.5 Annexes H to K,
pydicom's charset sample files, and round trips through every Defined Term's repertoire."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pydicom
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydicom.charset import convert_encodings, decode_bytes
from pydicom.dataelem import RawDataElement
from pydicom.valuerep import PersonName

from dicomkit.codegen.docbook import read_docbook
from dicomkit.codegen.document import Document, Paragraph
from dicomkit.core.charset import (
    DEFAULT,
    ISO_IR_CODECS,
    TERM_CODECS,
    Charset,
    CharsetError,
)
from dicomkit.generated.charsets import CHARACTER_SETS, ESCAPE_SEQUENCES
from tests.samples import samples

# ----------------------------------------------------------------------------- PS3.5 examples

_BYTE = re.compile(r"^(?:0x([0-9A-Fa-f]{2})|(\d{1,2})/(\d{1,2}))$")
_ESC_TEXT = re.compile(r"ESC((?: \d{2}/\d{2})+)")


def _hex_bytes(text: str) -> bytes | None:
    """``"05/09 06/01"`` or ``"0x57 0x61"`` -> bytes; None when the text is not such a list."""
    out = bytearray()
    for tok in text.split():
        m = _BYTE.match(tok)
        if not m:
            return None
        out.append(int(m.group(1), 16) if m.group(1) else int(m.group(2)) * 16 + int(m.group(3)))
    return bytes(out)


class Example:
    """One worked example of PS3.5: (0008,0005), the text lines and the encoded bytes."""

    def __init__(self, doc: Document, label: str) -> None:
        paras = [b.text for b in doc.section(label).blocks if isinstance(b, Paragraph)]
        self.label = label
        self.scs = next(p for p in paras if p.startswith("(0008,0005) "))[len("(0008,0005) "):]
        start = next(i for i, p in enumerate(paras)
                     if p.startswith(("Character String", "Text string")))
        self.lines: list[str] = []
        for p in paras[start + 1:]:
            if p.startswith(("Encoded", "Character encoded")) or "ESC " in p:
                break
            self.lines.append(p)
        self.encoded_lines = [p for p in paras if "ESC " in p and not p.startswith("An ")]
        chunks = [b for b in (_hex_bytes(p) for p in paras) if b]
        self.raw = b"".join(chunks)


@pytest.fixture(scope="module")
def part05(standard_dir: Path, part_path: Any) -> Document:
    return read_docbook(part_path("2026c", 5))


@pytest.fixture(scope="module")
def examples(part05: Document) -> dict[str, Example]:
    return {lab: Example(part05, lab) for lab in
            ("H.3.1", "H.3.2", "I.2", "I.3", "J.1", "J.2", "J.3", "J.4", "K.2", "K.3")}


@pytest.mark.parametrize("label", ["H.3.1", "H.3.2", "I.2", "J.1", "J.3"])
def test_person_name_examples_of_ps35_decode_and_encode_to_the_same_bytes(
        examples: dict[str, Example], label: str) -> None:
    ex = examples[label]
    (text,) = ex.lines
    cs = Charset.from_value(ex.scs)
    assert cs.warnings == ()
    assert ex.raw  # the standard gives the bytes
    assert cs.decode(ex.raw, "PN") == text
    assert cs.encode(text, "PN") == ex.raw


def test_chinese_person_name_example_k2_with_its_padding(examples: dict[str, Example]) -> None:
    ex = examples["K.2"]
    (text,) = ex.lines
    cs = Charset.from_value(ex.scs)
    assert ex.raw.endswith(b"= ")  # padded to even length with a SPACE
    assert cs.decode(ex.raw, "PN") == text + " "
    assert cs.encode(text, "PN") + b" " == ex.raw


def test_escape_annotated_forms_of_the_examples_give_the_encoded_bytes(
        examples: dict[str, Example]) -> None:
    # "Yamada^Tarou= ESC 02/04 04/02 山田 ESC 02/08 04/02 ^ ..." spells the escapes out
    for label in ("H.3.1", "H.3.2", "I.2"):
        ex = examples[label]
        (annotated,) = ex.encoded_lines
        cs = Charset.from_value(ex.scs)
        text = _ESC_TEXT.sub(lambda m: "", annotated).replace(" ", "")
        assert text == ex.lines[0]
        escapes = [_hex_bytes(" ".join(["01/11", *m.group(1).split()]))
                   for m in _ESC_TEXT.finditer(annotated)]
        assert [e for e in escapes if e is not None] == re.findall(
            rb"\x1b[\x20-\x2f]*[\x30-\x7e]", cs.encode(text, "PN"))


@pytest.mark.parametrize("label", ["J.2", "J.4"])
def test_long_text_examples_decode_line_by_line_and_encode_back(
        examples: dict[str, Example], label: str) -> None:
    ex = examples[label]
    cs = Charset.from_value(ex.scs)
    decoded = cs.decode(ex.raw, "LT")
    lines = decoded.split("\r\n")
    assert lines[-1] == "" and len(lines) == len(ex.lines) + 1
    # the standard's bytes lack the SPACE its text shows before the Chinese words
    assert [line.replace(" ", "") for line in lines[:-1]] == [
        line.replace(" ", "") for line in ex.lines]
    assert cs.encode(decoded, "LT") == ex.raw


def test_chinese_long_text_k3_redesignates_g1_after_each_line_end(
        examples: dict[str, Example]) -> None:
    ex = examples["K.3"]
    cs = Charset.from_value(ex.scs)
    decoded = cs.decode(ex.raw, "LT")
    lines = decoded.split("\r\n")
    assert len(lines) == 4 and lines[-1] == ""
    for got, shown in zip(lines, ex.lines):
        assert got.endswith(shown.split(" ", 1)[1])  # "1) 第一行文字。": the bytes say "1."
    assert ex.raw.count(b"\x1b$)A") == 3
    assert cs.encode(decoded, "LT") == ex.raw


def test_korean_long_text_i3_built_from_its_escape_sequences(examples: dict[str, Example]) -> None:
    ex = examples["I.3"]
    cs = Charset.from_value(ex.scs)
    raw = b"\r\n".join(
        _ESC_TEXT.sub(lambda m: "\x1b$)C", line).replace("\x1b$)C ", "\x1b$)C")
        .encode("euc_kr") for line in ex.encoded_lines + ex.lines[2:])
    assert raw.count(b"\x1b$)C") == 2
    decoded = cs.decode(raw, "LT")
    assert decoded.split("\r\n") == ex.lines
    assert cs.decode(cs.encode(decoded, "LT"), "LT") == decoded


# ----------------------------------------------------------------------------- pydicom

TEXT_VRS = ("PN", "LO", "SH", "ST", "LT", "UT", "UC")


def _charset_files() -> list[str]:
    return [str(p) for p in samples("chr*.dcm", folder="charset_files")]


def _walk(ds: Any, scs: Any, out: list[tuple[Any, bytes, str, Any]]) -> None:
    """(charset value, raw bytes, VR, pydicom's value) of every text element, items included."""
    own = dict.get(ds._dict, 0x00080005)
    if own is not None:
        scs = ds.SpecificCharacterSet
    for tag in sorted(ds._dict):
        raw = dict.__getitem__(ds._dict, tag)
        if isinstance(raw, RawDataElement) and raw.VR in TEXT_VRS and raw.value:
            out.append((scs, bytes(raw.value), str(raw.VR), ds[tag].value))
        elif ds[tag].VR == "SQ":
            for item in ds[tag].value:
                _walk(item, scs, out)


def _values(v: Any) -> list[str]:
    items = list(v) if isinstance(v, list | tuple) or type(v).__name__ == "MultiValue" else [v]
    return [str(x) for x in items]


@pytest.mark.parametrize("path", _charset_files(), ids=lambda p: Path(p).name)
def test_pydicom_charset_files_decode_as_pydicom_decodes_them(path: str) -> None:
    ds = pydicom.dcmread(path)
    found: list[tuple[Any, bytes, str, Any]] = []
    _walk(ds, None, found)
    assert found
    for scs, raw, vr, theirs in found:
        # lenient: chrSQEncoding*.dcm designate ISO-IR 6 (ESC ( B) under
        # 'ISO 2022 IR 13\\ISO 2022 IR 87', which does not declare it
        cs = Charset.from_value(scs)
        text = cs.decode(raw, vr)
        assert "\ufffd" not in text
        ours = text.split("\\") if vr not in ("LT", "ST", "UT") else [text]
        ours = [o.rstrip(" \x00") if vr in ("LT", "ST", "UT") else o.strip(" \x00")
                for o in ours]
        theirs_ = [t.rstrip(" \x00") for t in _values(theirs)]
        if vr == "PN":  # pydicom's PersonName drops empty trailing groups and components
            ours, theirs_ = [o.rstrip("=^") for o in ours], [t.rstrip("=^") for t in theirs_]
        assert ours == theirs_, (scs, raw)
        # what we read we write back readably (writers differ in redundant escapes:
        # chrKoreanMulti.dcm ends a value with ESC ( B, designating the G0 already active)
        assert cs.decode(cs.encode(text, vr), vr) == text, (scs, raw)


def test_pydicom_charset_files_are_all_covered() -> None:
    names = {Path(p).name for p in _charset_files()}
    assert {"chrH31.dcm", "chrH32.dcm", "chrI2.dcm", "chrX1.dcm", "chrX2.dcm",
            "chrKoreanMulti.dcm", "chrSQEncoding.dcm"} <= names


# not K.2: pydicom 3.0 leaves the ESC $ ) A of ISO 2022 IR 58 in its text
@pytest.mark.parametrize("label", ["H.3.1", "H.3.2", "I.2", "J.1", "J.3"])
def test_ps35_examples_decode_as_pydicom_decode_bytes_does(
        examples: dict[str, Example], label: str) -> None:
    ex = examples[label]
    encodings = convert_encodings(ex.scs.split("\\"))
    theirs = decode_bytes(ex.raw, encodings, {0x5E, 0x3D})
    assert Charset.from_value(ex.scs).decode(ex.raw, "PN") == theirs


# not J.1, J.3, K.2: pydicom's PersonName drops their empty third component group
@pytest.mark.parametrize("label", ["H.3.1", "H.3.2", "I.2"])
def test_person_names_encode_as_pydicom_encodes_them(
        examples: dict[str, Example], label: str) -> None:
    ex = examples[label]
    (text,) = ex.lines
    encodings = convert_encodings(ex.scs.split("\\"))
    assert Charset.from_value(ex.scs).encode(text, "PN") == PersonName(
        text, encodings=encodings).encode()


# ----------------------------------------------------------------------------- behaviour

def test_every_defined_term_is_supported_without_warnings() -> None:
    for term, cs in CHARACTER_SETS.items():
        if term and not cs.multi_byte or term in TERM_CODECS:
            assert Charset.from_value(term, strict=True).warnings == ()
        if cs.code_extensions:
            assert Charset.from_value(["", term], strict=True).warnings == ()
    for _, iso_ir, _ in ESCAPE_SEQUENCES.values():
        assert iso_ir in ISO_IR_CODECS


def test_charsets_are_cached_per_distinct_value() -> None:
    assert Charset.from_value("ISO_IR 100") is Charset.from_value("ISO_IR 100")
    assert Charset.from_value(["", "ISO 2022 IR 87"]) is Charset.from_value(("", "ISO 2022 IR 87"))
    assert Charset.from_value(None) is DEFAULT and DEFAULT.terms == ()
    assert Charset.from_value("ISO_IR 100", strict=True) is not Charset.from_value("ISO_IR 100")


def test_value_strings_are_split_on_backslash_and_stripped_of_padding() -> None:
    cs = Charset.from_value("ISO 2022 IR 13\\ISO 2022 IR 87 ")
    assert cs.terms == ("ISO 2022 IR 13", "ISO 2022 IR 87") and cs.code_extensions
    assert Charset.from_value("").terms == () and not Charset.from_value("").code_extensions


def test_default_repertoire_replaces_bytes_beyond_ascii_and_strict_raises() -> None:
    assert DEFAULT.decode(b"Caf\xe9", "LO") == "Caf\ufffd"
    with pytest.raises(CharsetError, match="position 3"):
        Charset.from_value(None, strict=True).decode(b"Caf\xe9", "LO")
    with pytest.raises(CharsetError, match="U\\+00E9"):
        DEFAULT.encode("Café", "LO")


def test_unknown_term_falls_back_to_default_with_a_warning_or_raises_when_strict() -> None:
    cs = Charset.from_value("ISO_IR 999")
    assert cs.terms == ("ISO_IR 999",)
    assert len(cs.warnings) == 1 and "ISO_IR 999" in cs.warnings[0]
    assert cs.decode(b"Buc^J\xe9r\xf4me", "PN") == "Buc^J\ufffdr\ufffdme"
    with pytest.raises(CharsetError) as err:
        Charset.from_value("ISO_IR 999", strict=True)
    assert err.value.term == "ISO_IR 999"


def test_misspelt_terms_are_read_as_the_term_they_mean_with_a_warning() -> None:
    cs = Charset.from_value("ISO-IR 100")
    assert "read as 'ISO_IR 100'" in cs.warnings[0]
    assert cs.decode(b"Buc^J\xe9r\xf4me", "PN") == "Buc^Jérôme"
    with pytest.raises(CharsetError):
        Charset.from_value("ISO-IR 100", strict=True)


def test_terms_without_code_extensions_in_multiple_values_are_read_as_their_iso2022_twins() -> None:
    cs = Charset.from_value("ISO_IR 100\\ISO 2022 IR 87")
    assert cs.code_extensions and len(cs.warnings) == 1
    assert cs.decode(b"J\xe9r\xf4me=\x1b$B;3ED\x1b(B", "PN") == "Jérôme=山田"


def test_utf8_with_other_values_uses_utf8_alone_with_a_warning() -> None:
    cs = Charset.from_value("ISO_IR 192\\ISO 2022 IR 87")
    assert cs.warnings and not cs.code_extensions
    assert cs.decode("王".encode(), "PN") == "王"


def test_component_and_group_delimiters_reset_g1_in_person_names_only() -> None:
    cs = Charset.from_value("\\ISO 2022 IR 149")
    hangul = "김".encode("euc_kr")
    raw = b"\x1b$)C" + hangul + b"^" + hangul
    assert cs.decode(raw, "PN") == "김^\ufffd\ufffd"   # after "^" no G1 is designated
    assert cs.decode(raw, "LT") == "김^김"               # "^" is an ordinary character in text
    raw = b"\x1b$)C" + hangul + b"\\" + hangul
    assert cs.decode(raw, "LO") == "김\\\ufffd\ufffd"   # the value delimiter resets
    assert cs.decode(raw, "LT") == "김\\김"              # LT is never multi-valued
    raw = b"\x1b$)C" + hangul + b"\r\n" + hangul
    assert cs.decode(raw, "LT") == "김\r\n\ufffd\ufffd"  # CR LF reset (PS3.5 6.1.2.5.3)
    with pytest.raises(CharsetError, match="no G1"):
        Charset.from_value("\\ISO 2022 IR 149", strict=True).decode(raw, "LT")


def test_encoder_returns_to_initial_g0_before_delimiters_and_at_the_end() -> None:
    cs = Charset.from_value("\\ISO 2022 IR 87")
    assert cs.encode("山田 太郎", "LO") == b"\x1b$B;3ED\x1b(B \x1b$BB@O:\x1b(B"
    assert cs.encode("山\\田", "LO") == b"\x1b$B;3\x1b(B\\\x1b$BED\x1b(B"


def test_encoder_returns_g0_to_its_initial_set_before_a_g1_character() -> None:
    # Half-width katakana (G1 of ISO 2022 IR 13) or Latin-1 (G1 of IR 100) right after kanji
    # (G0 of IR 87): GR bytes while JIS X 0208 holds G0 are valid ISO 2022, but readers that
    # decode each run after an escape with that escape's codec break on them, so the encoder
    # designates the initial G0 first.
    cases = (("ISO 2022 IR 13\\ISO 2022 IR 87", "だｳ", b"\x1b$B$@\x1b(J\xb3"),
             ("ISO 2022 IR 13\\ISO 2022 IR 87", "ﾔ山ﾔ", b"\xd4\x1b$B;3\x1b(J\xd4"),
             ("ISO 2022 IR 100\\ISO 2022 IR 87", "山é", b"\x1b$B;3\x1b(B\xe9"))
    for term, text, raw in cases:
        cs = Charset.from_value(term)
        assert cs.encode(text, "LO") == raw
        assert cs.decode(raw, "LO") == text
        assert decode_bytes(raw, convert_encodings(term.split("\\")), set()) == text


def test_encoder_redesignates_a_replaced_initial_g1_before_delimiters() -> None:
    cs = Charset.from_value("ISO 2022 IR 100\\ISO 2022 IR 144")
    assert cs.encode("é^Ж^é", "PN") == b"\xe9^\x1b-L\xb6\x1b-A^\xe9"
    assert cs.decode(b"\xe9^\x1b-L\xb6\x1b-A^\xe9", "PN") == "é^Ж^é"


def test_undeclared_escape_sequences_are_honoured_leniently_and_refused_strictly() -> None:
    raw = b"\x1b$B;3ED\x1b(B"
    assert Charset.from_value("\\ISO 2022 IR 149").decode(raw, "LO") == "山田"
    with pytest.raises(CharsetError, match="designates no set"):
        Charset.from_value("\\ISO 2022 IR 149", strict=True).decode(raw, "LO")
    assert Charset.from_value("\\ISO 2022 IR 149").decode(b"a\x1b(Zb", "LO") == "a\ufffdb"


def test_jis_x_0212_and_iso_ir_13_without_extensions() -> None:
    cs = Charset.from_value("\\ISO 2022 IR 159")
    raw = cs.encode("丂", "LO")
    assert raw == b"\x1b$(D0!\x1b(B" and cs.decode(raw, "LO") == "丂"
    kana = Charset.from_value("ISO_IR 13")
    assert kana.encode("ﾔﾏﾀﾞ^ﾀﾛｳ", "PN") == b"\xd4\xcf\xc0\xde^\xc0\xdb\xb3"
    assert kana.decode(b"\xd4\xe0", "PN") == "ﾔ\ufffd"
    with pytest.raises(CharsetError):
        kana.encode("山", "PN")


def test_strict_mode_refuses_beyond_default_repertoire_in_code_strings() -> None:
    cs = Charset.from_value("ISO_IR 100", strict=True)
    assert cs.decode(b"J\xe9r\xf4me", "LO") == "Jérôme"
    with pytest.raises(CharsetError, match="VR CS"):
        cs.decode(b"J\xe9R", "CS")
    assert Charset.from_value("ISO_IR 100").decode(b"J\xe9R", "CS") == "JéR"


def test_multi_byte_value_1_is_moved_after_the_default_repertoire() -> None:
    cs = Charset.from_value("ISO 2022 IR 87")
    assert cs.warnings and cs.code_extensions
    assert cs.decode(b"Yamada=\x1b$B;3ED\x1b(B", "PN") == "Yamada=山田"
    with pytest.raises(CharsetError, match="Value 1"):
        Charset.from_value("ISO 2022 IR 87", strict=True)


# ----------------------------------------------------------------------------- round trips

def _element_repertoire(iso_ir: int, code_element: str, escape: bytes) -> list[str]:
    """Every character of one code element, decoded with Python's codecs directly."""
    codec, kind = ISO_IR_CODECS[iso_ir]
    chars: list[str] = []
    if kind == "ascii":
        return [chr(c) for c in range(0x20, 0x7F)]
    if kind == "katakana":
        return [bytes([b]).decode(codec) for b in range(0xA1, 0xE0)]
    if kind == "8bit":
        codes: list[bytes] = [bytes([b]) for b in range(0xA0, 0x100)]
    else:
        low = 0x21 if kind == "iso2022" else 0xA1
        codes = [bytes([a, b]) for a in range(low, low + 94) for b in range(low, low + 94)]
    for code in codes:
        try:
            ch = (escape + code + b"\x1b(B").decode(codec) if kind == "iso2022" \
                else code.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1:
            chars.append(ch)
    return chars


def _repertoire(value: str) -> list[str]:
    chars: set[str] = set()
    for term in value.split("\\"):
        cs = CHARACTER_SETS[term]
        for e in cs.elements:
            esc = e.escape or next(k for k, (_, ir, ce) in ESCAPE_SEQUENCES.items()
                                   if (ir, ce) == (e.iso_ir, e.code_element))
            chars.update(_element_repertoire(e.iso_ir, e.code_element, esc))
    return sorted(chars)


ROUND_TRIP_VALUES = sorted(
    [t for t, cs in CHARACTER_SETS.items() if t and cs.elements and not cs.multi_byte]
    + ["\\" + t for t, cs in CHARACTER_SETS.items() if cs.multi_byte and cs.elements]
    + ["ISO 2022 IR 13\\ISO 2022 IR 87\\ISO 2022 IR 159",
       "ISO 2022 IR 100\\ISO 2022 IR 144\\ISO 2022 IR 126\\ISO 2022 IR 149",
       "ISO 2022 IR 6\\ISO 2022 IR 58\\ISO 2022 IR 87\\ISO 2022 IR 203"])
_REPERTOIRES: dict[str, list[str]] = {}


@pytest.mark.parametrize("value", ROUND_TRIP_VALUES)
@pytest.mark.parametrize("vr", ["PN", "LO", "LT"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_text_from_the_repertoire_encodes_then_decodes_to_itself(
        value: str, vr: str, data: st.DataObject) -> None:
    if value not in _REPERTOIRES:
        _REPERTOIRES[value] = _repertoire(value)
    # delimiters and controls drawn as often as the (large) repertoire
    specials = ["^", "=", "\\", " "] + (["\r", "\n", "\t", "\f"] if vr == "LT" else [])
    text = "".join(data.draw(st.lists(
        st.one_of(st.sampled_from(_REPERTOIRES[value]), st.sampled_from(specials)),
        max_size=40)))
    cs = Charset.from_value(value, strict=True)
    raw = cs.encode(text, vr)
    assert cs.decode(raw, vr) == text


@pytest.mark.parametrize("term, alphabet", [
    ("ISO_IR 192", st.characters(codec="utf-8")),
    ("GB18030", st.characters(codec="utf-8")),
    ("GBK", st.sampled_from(sorted({c for a in range(0x81, 0xFF) for b in range(0x40, 0xFF)
                                    for c in [bytes([a, b]).decode("gbk", "ignore")]
                                    if len(c) == 1} | {chr(c) for c in range(0x20, 0x7F)}))),
])
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_unicode_and_chinese_sets_round_trip(term: str, alphabet: Any,
                                             data: st.DataObject) -> None:
    cs = Charset.from_value(term, strict=True)
    text = data.draw(st.text(alphabet=alphabet, max_size=40))
    assert cs.decode(cs.encode(text, "UT"), "UT") == text
