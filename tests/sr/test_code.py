"""Code: the Code Sequence Macro (PS3.3 8.8) as a value."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dicomkit.core.dataset import Dataset
from dicomkit.generated.context_groups import CONTEXT_GROUPS
from dicomkit.generated.sr_templates import TEMPLATES
from dicomkit.sr import Code, SRError


def test_codes_are_equal_by_scheme_and_value_whatever_their_meaning() -> None:
    a = Code("121058", "DCM", "Procedure reported")
    assert a == Code("121058", "DCM", "procedure reported (old meaning)")
    assert hash(a) == hash(Code("121058", "DCM", "x"))
    assert a != Code("121058", "SCT", "Procedure reported")
    assert a != Code("121059", "DCM", "Procedure reported")
    assert len({a, Code("121058", "DCM", "other")}) == 1


def test_codes_are_immutable() -> None:
    with pytest.raises(AttributeError):
        Code("1", "DCM", "x").value = "2"  # type: ignore[misc]


def test_code_of_an_ev_reference_of_the_generated_templates() -> None:
    row = TEMPLATES["1501"].rows[0]
    assert row.concept is not None and row.concept[0] == "EV"
    assert Code.of(row.concept) == Code("125007", "DCM", "Measurement Group")
    assert Code.of(row.concept).meaning == "Measurement Group"


def test_code_of_a_generated_context_group_row() -> None:
    c = CONTEXT_GROUPS[244].codes[0]
    code = Code.of(c)
    assert (code.scheme, code.value, code.meaning) == (c.scheme, c.value, c.meaning)


def test_code_of_a_group_reference_is_refused() -> None:
    with pytest.raises(SRError, match="not a coded concept"):
        Code.of(("DCID", "7021"))


def test_long_values_go_to_long_code_value_and_urns_to_urn_code_value() -> None:
    long = Code("A" * 20, "99LOCAL", "long").to_item()
    assert "LongCodeValue" in [e.keyword for e in long.elements()]
    assert "CodeValue" not in [e.keyword for e in long.elements()]
    urn = Code("urn:oid:1.2.3", "99LOCAL", "urn").to_item()
    assert urn.URNCodeValue == "urn:oid:1.2.3"
    assert Code.from_item(long).value == "A" * 20
    assert Code.from_item(urn).value == "urn:oid:1.2.3"


def test_scheme_version_is_written_only_when_given() -> None:
    assert "CodingSchemeVersion" not in [e.keyword for e in Code("1", "DCM", "x").to_item().elements()]
    item = Code("1", "SRT", "x", "1.4").to_item()
    assert item.CodingSchemeVersion == "1.4"
    assert Code.from_item(item).scheme_version == "1.4"


def test_an_item_without_any_code_value_is_an_error() -> None:
    item = Dataset()
    item.CodingSchemeDesignator = "DCM"
    item.CodeMeaning = "no value"
    with pytest.raises(SRError, match="Code Value"):
        Code.from_item(item)


_text = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="\\"),
                min_size=1, max_size=40)


@given(value=_text, scheme=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", min_size=1, max_size=16),
       meaning=_text)
def test_code_items_read_back_equal(value: str, scheme: str, meaning: str) -> None:
    code = Code(value, scheme, meaning)
    back = Code.from_item(code.to_item())
    assert back == code and back.meaning == meaning
