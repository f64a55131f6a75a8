"""Which of the three forms of the DICOMweb models an element takes, and its payload.

The DICOM JSON Model (PS3.18 F.2.2) and the Native DICOM Model (PS3.19 A.1.1) send each
element's value field the same ways: as a list of values (``Value`` / ``PersonName`` / ``Item``),
as its bytes (``InlineBinary``), or as a reference (``BulkDataURI`` / ``BulkData``).
:func:`element_form` decides, once for both writers.
"""

from __future__ import annotations

from typing import Any, Literal

from dicomkit.core.element import DataElement
from dicomkit.web.bulkdata import BulkDataURI, BulkDataURIBuilder, TagPath
from dicomkit.web.element_values import binary_form, known_form_of_un, value_bytes, values_of

__all__ = ["Form", "element_form"]

Form = Literal["items", "values", "inline", "bulk"]


def element_form(el: DataElement, path: TagPath, builder: BulkDataURIBuilder | None,
                 threshold: int) -> tuple[Form, str, Any]:
    """(form, VR to send, payload) of ``el`` at tag path ``path``.

    - ``"items"``: the sequence items (a list of data sets);
    - ``"bulk"``: the URI, for an unresolved :class:`BulkDataURI` value or a binary value
      larger than ``threshold`` bytes for which ``builder`` gives a URI (a deferred value's
      size is known without reading it);
    - ``"inline"``: the little endian bytes of a binary value (``b""`` when empty);
    - ``"values"``: the list of values (empty for an empty element).

    The VR is the element's, but for a UN element whose VR is known (PS3.5 6.2.2; see
    :func:`~dicomkit.web.element_values.known_form_of_un`).
    """
    vr = el.vr
    if vr == "SQ":
        return "items", vr, list(el.value or ())
    if not el.is_raw and isinstance(el.value, BulkDataURI):
        return "bulk", vr, el.value.uri
    if vr == "UN":
        known = known_form_of_un(el)
        if known is not None:
            return "values", known[0], values_of(known[1])
    if binary_form(el):
        if builder is not None:
            size = el.length
            raw = value_bytes(el) if size < 0 else None
            if (raw is None and size > threshold) or (raw is not None and len(raw) > threshold):
                uri = builder(path, el)
                if uri is not None:
                    return "bulk", vr, uri
            if raw is not None:
                return "inline", vr, raw
        return "inline", vr, value_bytes(el)
    return "values", vr, values_of(el.value)
