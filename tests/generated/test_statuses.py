"""``dicomkit.generated.statuses.StatusType``: one named member per status type of PS3.7
C.1-C.5 with a fixed code, named from the standard's own name (so that the runtime uses names,
never the English text, PS3.7 Annex C)."""

from __future__ import annotations

import re

from dicomkit.generated.statuses import STATUSES, StatusType, classify
from dicomkit.net.dimse import status_code_named


def test_every_fixed_code_has_one_member_named_from_its_status_type() -> None:
    assert {int(m) for m in StatusType} == set(STATUSES)
    for member in StatusType:
        name = STATUSES[int(member)][0]
        assert member.name == re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_").upper()
        assert status_code_named(name) == member


def test_the_members_the_services_answer_with() -> None:
    # the codes of PS3.7 Annex C (C.1.1, C.5.8, C.5.21 and its Refused: SOP Class not supported)
    assert StatusType.PROCESSING_FAILURE == 0x0110
    assert StatusType.DUPLICATE_SOP_INSTANCE == 0x0111
    assert StatusType.REFUSED_SOP_CLASS_NOT_SUPPORTED == 0x0122
    assert StatusType.SUCCESS == 0x0000
    assert classify(StatusType.CANCEL) == "cancel"
