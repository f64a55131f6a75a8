"""Media types, Accept headers and negotiation (RFC 7231 3.1.1.1, 5.3; PS3.18 8.7.8)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.generated.web import MediaType
from dicomkit.web.errors import MediaTypeError
from dicomkit.web.media_types import ContentType, negotiate, parse, parse_accept


def test_parameters_quoted_escaped_and_in_any_case() -> None:
    ct = parse('Multipart/Related; TYPE="application/dicom"; Boundary="a \\"b\\" = c";'
               ' transfer-syntax=1.2.840.10008.1.2.4.50')
    assert ct.mime == MediaType.MULTIPART_RELATED
    assert ct.param("type") == MediaType.APPLICATION_DICOM
    assert ct.param("boundary") == 'a "b" = c'
    assert ct.param("Transfer-Syntax") == "1.2.840.10008.1.2.4.50"
    assert parse(str(ct)) == ct


def test_servers_unquoted_types_and_stray_semicolons_are_accepted() -> None:
    ct = parse("multipart/related; type=application/dicom;; boundary=abc=def;")
    assert ct.param("type") == "application/dicom" and ct.param("boundary") == "abc=def"
    assert parse("application/dicom+json; charset=utf-8").param("charset") == "utf-8"


@pytest.mark.parametrize("text", ["", "application", "application/", "a/b; x", "a/b; x=\"open",
                                  "a/b c", "a/b; =v"])
def test_malformed_media_types_are_refused_with_the_position(text: str) -> None:
    with pytest.raises(MediaTypeError) as info:
        parse(text)
    assert info.value.text == text


def test_accept_is_ordered_by_q_then_specificity_then_order() -> None:
    items = parse_accept('*/*;q=0.1, multipart/related; type="application/dicom"; q=0.9, '
                         'multipart/related; type="application/dicom"; '
                         'transfer-syntax=1.2.840.10008.1.2.4.90; q=0.9, application/dicom+json')
    assert [str(i.range) for i in items] == [
        "application/dicom+json",
        'multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.4.90',
        'multipart/related; type="application/dicom"', "*/*"]
    assert [i.q for i in items] == [1.0, 0.9, 0.9, 0.1]
    with pytest.raises(MediaTypeError, match="q-value"):
        parse_accept("image/png;q=2")
    assert parse_accept("")[0].range == ContentType("*", "*")


def test_negotiation_picks_the_best_offer_and_honours_q0() -> None:
    offers = ["image/jpeg", "image/png", "image/gif"]
    assert str(negotiate("image/png, image/*;q=0.5", offers)) == "image/png"
    assert str(negotiate("image/*;q=0.5, image/jpeg;q=0", offers)) == "image/png"
    assert negotiate("application/dicom", offers) is None  # a 406 (PS3.18 8.7.8)
    syntax = 'multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1'
    assert negotiate('multipart/related; type="Application/DICOM"', [syntax]) is not None
    assert negotiate('multipart/related; type="application/dicom+xml"', [syntax]) is None


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_random_text_gives_only_media_type_errors(text: str) -> None:
    for f in (parse, parse_accept):
        try:
            f(text)
        except MediaTypeError:
            pass
