"""Tags: construction from the forms users write, and dictionary facts."""

from __future__ import annotations

import pytest

from dicomkit.core.tag import Tag, TagError


@pytest.mark.parametrize("value", [0x00100010, (0x0010, 0x0010), "PatientName", "(0010,0010)",
                                   "00100010", "(0010, 0010)"])
def test_every_user_form_gives_the_same_tag(value: object) -> None:
    assert Tag(value) == 0x00100010  # type: ignore[arg-type]


def test_tag_prints_as_the_standard_writes_it_and_knows_its_keyword() -> None:
    t = Tag(0x7FE0, 0x0010)
    assert repr(t) == str(t) == "(7FE0,0010)"
    assert (t.group, t.element, t.keyword, t.name) == (0x7FE0, 0x0010, "PixelData", "Pixel Data")


def test_private_tags_are_recognised_and_have_no_keyword() -> None:
    assert Tag(0x00091010).is_private and not Tag(0x00091010).is_private_creator
    assert Tag(0x00090010).is_private_creator
    assert Tag(0x00091010).keyword == ""


def test_repeating_group_keywords_resolve_to_the_base_group() -> None:
    assert Tag("OverlayData") == 0x60003000
    assert Tag(0x60023000).keyword == "OverlayData"


@pytest.mark.parametrize("bad", ["NoSuchKeyword", "(0010,001)", 0x1_0000_0000, -1, (0x10000, 0),
                                 3.5])
def test_malformed_tags_raise_a_tag_error(bad: object) -> None:
    with pytest.raises(TagError):
        Tag(bad)  # type: ignore[arg-type]
