"""The status codes the workitem layer answers with besides the UPS ones of
:class:`~dicomkit.generated.ups.UpsStatus`: PS3.7 Annex C codes, by their generated names
(:class:`~dicomkit.generated.statuses.StatusType`)."""

from __future__ import annotations

from dicomkit.generated.statuses import StatusType

__all__ = ["DUPLICATE_SOP_INSTANCE", "INVALID_ATTRIBUTE_VALUE", "MISSING_ATTRIBUTE",
           "MISSING_ATTRIBUTE_VALUE", "NO_SUCH_ATTRIBUTE", "SUCCESS"]



#: PS3.7 C.1.1
SUCCESS = int(StatusType.SUCCESS)
#: PS3.7 C.5.8: N-CREATE of a UPS that exists (PS3.4 Table CC.1.1-2)
DUPLICATE_SOP_INSTANCE = int(StatusType.DUPLICATE_SOP_INSTANCE)
#: PS3.7 C.5.11
INVALID_ATTRIBUTE_VALUE = int(StatusType.INVALID_ATTRIBUTE_VALUE)
#: PS3.7 C.5.13
MISSING_ATTRIBUTE = int(StatusType.MISSING_ATTRIBUTE)
#: PS3.7 C.5.14
MISSING_ATTRIBUTE_VALUE = int(StatusType.MISSING_ATTRIBUTE_VALUE)
#: PS3.7 C.5.17
NO_SUCH_ATTRIBUTE = int(StatusType.NO_SUCH_ATTRIBUTE)
