"""The status codes the workitem layer answers with besides the UPS ones of
:class:`~dicomkit.generated.ups.UpsStatus`: PS3.7 Annex C codes, looked up in the generated
:data:`~dicomkit.generated.statuses.STATUSES` by their registered name."""

from __future__ import annotations

from dicomkit.generated.statuses import STATUSES

__all__ = ["DUPLICATE_SOP_INSTANCE", "INVALID_ATTRIBUTE_VALUE", "MISSING_ATTRIBUTE",
           "MISSING_ATTRIBUTE_VALUE", "NO_SUCH_ATTRIBUTE", "SUCCESS"]


def _code(name: str) -> int:
    for code, entry in STATUSES.items():
        if entry[0] == name:
            return int(code)
    raise KeyError(f"PS3.7 Annex C has no status {name!r}")


#: PS3.7 C.1.1
SUCCESS = _code("Success")
#: PS3.7 C.5.8: N-CREATE of a UPS that exists (PS3.4 Table CC.1.1-2)
DUPLICATE_SOP_INSTANCE = _code("Duplicate SOP Instance")
#: PS3.7 C.5.11
INVALID_ATTRIBUTE_VALUE = _code("Invalid Attribute Value")
#: PS3.7 C.5.13
MISSING_ATTRIBUTE = _code("Missing Attribute")
#: PS3.7 C.5.14
MISSING_ATTRIBUTE_VALUE = _code("Missing Attribute Value")
#: PS3.7 C.5.17
NO_SUCH_ATTRIBUTE = _code("No such Attribute")
