"""Normalisation shared by both front-ends (codegen/text.py): what counts as a wholly marked cell."""

from __future__ import annotations

from lxml import etree

from dicomkit.codegen.text import all_text_marked


def _marked(xml: str) -> bool:
    el = etree.fromstring(xml)
    return all_text_marked(el, lambda e: e.tag == "i")


def test_cell_whose_only_text_is_inside_the_marker_is_marked() -> None:
    assert _marked("<td><p><i>Retired name</i></p></td>")
    assert _marked("<td>\n  <p><i>a</i> <i>b</i>\u200b</p>\n</td>")  # blank and zero-width text ignored


def test_the_cell_itself_may_be_the_marker() -> None:
    assert _marked("<i>x<b>y</b>z</i>")


def test_text_beside_the_marker_breaks_it() -> None:
    assert not _marked("<td>plain <i>italic</i></td>")
    assert not _marked("<td><i>italic</i> tail after the marker</td>")
    assert not _marked("<td><p><i>a</i></p><p>b</p></td>")


def test_text_in_a_nested_element_outside_any_marker_breaks_it() -> None:
    assert not _marked("<td><p><b>bold only</b></p></td>")
    assert _marked("<td><p><i><b>bold inside italic</b> and more</i></p></td>")


def test_an_empty_cell_is_not_marked() -> None:
    assert not _marked("<td/>")
    assert not _marked("<td><i> </i></td>")


def test_comments_are_not_text_but_their_tails_are() -> None:
    assert _marked("<td><i>a<!-- note -->b</i></td>")
    assert not _marked("<td><i>a</i><!-- note -->outside</td>")
