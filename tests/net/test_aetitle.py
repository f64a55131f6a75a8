"""AE titles are checked before they are sent (PS3.5 6.2 VR AE; PS3.8 9.3.2 Table 9-11)."""

from __future__ import annotations

import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dicomkit.errors import DicomError
from dicomkit.generated import uids
from dicomkit.net.aetitle import AE_TITLE_MAX_LENGTH, validate_ae_title
from dicomkit.net.errors import AETitleError, NetworkError
from dicomkit.net.pdu import (
    AAssociateAC,
    AAssociateRQ,
    PresentationContextAC,
    PresentationContextRQ,
    UserInformation,
    decode_pdu,
    encode_pdu,
)

#: The characters an AE value may hold: ISO-IR 6 graphic characters but the backslash.
AE_CHARS = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) != "\\")


def _rq(called: str, calling: str = "SCU") -> AAssociateRQ:
    return AAssociateRQ(called, calling, uids.DICOMApplicationContext,
                        [PresentationContextRQ(1, uids.Verification,
                                               (uids.ImplicitVRLittleEndian,))],
                        UserInformation(max_length=16384))


def test_sixteen_characters_are_accepted_and_seventeen_refused() -> None:
    assert AE_TITLE_MAX_LENGTH == 16
    assert validate_ae_title("A" * 16) == "A" * 16
    with pytest.raises(AETitleError, match="17 characters") as info:
        validate_ae_title("A" * 17, "calling AE title")
    assert info.value.role == "calling AE title" and info.value.clause == "PS3.5 6.2"
    assert "calling AE title" in str(info.value)


@pytest.mark.parametrize(("value", "why"), [
    ("", "only spaces"),
    ("    ", "only spaces"),
    ("STÖRE", "Default Character Repertoire"),
    ("ＳＣＰ", "Default Character Repertoire"),
    ("AE\\X", "backslash"),
    ("AE\tX", "control character"),
    ("AE\nX", "control character"),
    ("AE\x00", "control character"),
    ("AE\x7fX", "control character"),
    ("\x1b(B", "control character"),
])
def test_invalid_titles_are_refused_with_the_reason(value: str, why: str) -> None:
    with pytest.raises(AETitleError, match=why) as info:
        validate_ae_title(value)
    assert isinstance(info.value, NetworkError) and isinstance(info.value, DicomError)
    assert info.value.value == value


def test_a_title_that_is_not_text_is_refused() -> None:
    with pytest.raises(AETitleError, match="text, not bytes"):
        validate_ae_title(b"STORESCP")


@pytest.mark.parametrize(("value", "normalised"), [
    ("  STORESCP  ", "STORESCP"),
    ("STORE SCP", "STORE SCP"),
    (" " * 4 + "A" * 16 + " " * 4, "A" * 16),
])
def test_leading_and_trailing_spaces_are_not_significant(value: str, normalised: str) -> None:
    assert validate_ae_title(value) == normalised


@given(st.text(AE_CHARS, min_size=1, max_size=1).flatmap(
    lambda first: st.text(AE_CHARS + " ", max_size=14).map(lambda mid: first + mid)),
    st.integers(0, 3), st.integers(0, 3))
def test_any_valid_title_survives_padding(title: str, before: int, after: int) -> None:
    title = title.rstrip(" ")
    assert validate_ae_title(" " * before + title + " " * after) == title


@pytest.mark.parametrize(("called", "calling"), [
    ("A" * 17, "SCU"), ("SCP", "Ä"), ("", "SCU"), ("SCP", "   "), ("S\\P", "SCU")])
def test_encode_pdu_sends_no_malformed_title(called: str, calling: str) -> None:
    with pytest.raises(AETitleError):
        encode_pdu(_rq(called, calling))
    ac = AAssociateAC(called, calling, uids.DICOMApplicationContext,
                      [PresentationContextAC(1, 0, uids.ImplicitVRLittleEndian)],
                      UserInformation(max_length=0))
    with pytest.raises(AETitleError):
        encode_pdu(ac)


def test_encode_pdu_sends_a_padded_title_without_its_spaces() -> None:
    data = encode_pdu(_rq("  SCP ", " SCU"))
    assert data[10:26] == b"SCP".ljust(16) and data[26:42] == b"SCU".ljust(16)
    decoded = decode_pdu(data)
    assert isinstance(decoded, AAssociateRQ)
    assert (decoded.called_ae, decoded.calling_ae) == ("SCP", "SCU")


def test_a_received_title_that_is_not_an_ae_value_decodes_and_fails_validation() -> None:
    data = bytearray(encode_pdu(_rq("SCP")))
    data[10:26] = b"\xffSCP".ljust(16)
    decoded = decode_pdu(bytes(data))
    assert isinstance(decoded, AAssociateRQ) and decoded.called_ae == "\\xffSCP"
    with pytest.raises(AETitleError):
        validate_ae_title(decoded.called_ae)
    data[10:26] = b" " * 16
    decoded = decode_pdu(bytes(data))
    assert isinstance(decoded, AAssociateRQ) and decoded.called_ae == ""
    assert struct.unpack(">I", data[2:6])[0] == len(data) - 6


def test_command_fields_of_vr_ae_are_checked_when_set() -> None:
    from dicomkit.generated import uids
    from dicomkit.net.dimse import build, c_store_rq

    with pytest.raises(AETitleError, match="MoveDestination"):
        build("C-MOVE-RQ", MessageID=1, AffectedSOPClassUID=uids.StudyRootQueryRetrieveInformationModelMove,
              Priority=0, MoveDestination="TOO-LONG-FOR-AN-AE")
    with pytest.raises(AETitleError, match="MoveOriginatorApplicationEntityTitle"):
        c_store_rq(1, uids.CTImageStorage, "1.2.3", move_originator=("", 7))
    move = build("C-MOVE-RQ", MessageID=1, AffectedSOPClassUID=uids.StudyRootQueryRetrieveInformationModelMove,
                 Priority=0, MoveDestination=" STORESCP ")
    assert move["MoveDestination"] == "STORESCP"  # non-significant spaces dropped
