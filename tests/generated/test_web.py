"""The generated DICOMweb tables: cross-checked with the other generated tables."""

from __future__ import annotations

from dicomkit.generated import dictionary, transfer_syntaxes, vrs, web


def test_every_tabulated_transfer_syntax_is_one_of_ps3_5() -> None:
    for row in web.MEDIA_TYPE_SYNTAXES:
        assert row.transfer_syntax in transfer_syntaxes.TRANSFER_SYNTAXES, row


def test_every_key_tag_is_in_the_data_dictionary() -> None:
    for table in (web.MATCHING_KEYS, web.RETURN_KEYS):
        for level, keys in table.items():
            assert keys, level
            for k in keys:
                for tag in k.path:
                    assert dictionary.ELEMENTS.get(tag) is not None, (level, k)


def test_json_types_cover_exactly_the_vrs_of_ps3_5() -> None:
    assert set(web.JSON_TYPES) == set(vrs.VRS)


def test_media_type_constants_and_defaults() -> None:
    assert web.MediaType.APPLICATION_DICOM_JSON == "application/dicom+json"
    assert web.MediaType.MULTIPART_RELATED == "multipart/related"
    assert web.default_transfer_syntax("application/dicom", "Multi-frame Image") == \
        "1.2.840.10008.1.2.1"
    assert web.default_transfer_syntax("image/jp2", "single frame image") == \
        "1.2.840.10008.1.2.4.90"
    assert web.default_transfer_syntax("image/png", "Single Frame Image") is None


def test_store_reason_picks_the_most_specific_range() -> None:
    assert web.store_reason(0xC122).pattern == "C122"  # type: ignore[union-attr]
    assert web.store_reason(0xC001).pattern == "Cxxx"  # type: ignore[union-attr]
    assert web.store_reason(0x0000) is None


def test_iana_charsets_map_to_specific_character_set_terms() -> None:
    assert web.IANA_CHARSETS["UTF-8"] == ("ISO_IR 192",)
    assert web.IANA_CHARSETS["ISO-2022-JP"] == ("ISO 2022 IR 13", "ISO 2022 IR 87")
