"""dicomkit.generated.tags: one constant per keyword of the generated dictionary, and no other."""

from __future__ import annotations

from dicomkit.generated import dictionary, tags


def test_every_keyword_of_the_dictionary_is_a_tag_constant_with_its_tag() -> None:
    named = {name: value for name, value in vars(tags).items()
             if isinstance(value, int) and not name.startswith("_")}
    expected = {e[3]: tag for tag, e in dictionary.ELEMENTS.items() if e[3]}
    assert named == expected
    assert tags.PixelData == 0x7FE00010 and tags.Item == 0xFFFEE000
    assert tags.StationAETitle == dictionary.tag_for_keyword("StationAETitle")  # second rank
