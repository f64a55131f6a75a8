"""dicomkit.generated.statuses: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.7 2024c (docbook) https://dicom.nema.org/medical/dicom/2024c/source/docbook/part07/part07.xml
    sha256 0484a1c8ab37d1c65ea38175bb7e07dadf65fb42b6552ac02b40838c4f9653fb
    Section 9.1, Section 10.1, Section C, Table E.1-1, Table E.2-1
"""
from enum import IntEnum

#: The status class convention of PS3.7 Annex C: (code pattern, category, excepted codes);
#: ``x`` in a pattern stands for any hex digit.
STATUS_CLASSES: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ('0000', 'success', ()),
    ('0001', 'warning', ()),
    ('Bxxx', 'warning', ()),
    ('0107', 'warning', ()),
    ('0116', 'warning', ()),
    ('Axxx', 'failure', ()),
    ('Cxxx', 'failure', ()),
    ('01xx', 'failure', (0x0107, 0x0116)),
    ('02xx', 'failure', ()),
    ('FE00', 'cancel', ()),
    ('FF00', 'pending', ()),
    ('FF01', 'pending', ()),
)

#: Status types with a fixed code (PS3.7 C.1-C.5): code -> (name, category, other fields the
#: status may carry, services that may return it, Annex C section).
STATUSES: dict[int, tuple[str, str, tuple[str, ...], tuple[str, ...], str]] = {
    0x0000: ('Success', 'success', (), ('C-ECHO', 'C-FIND', 'C-GET', 'C-MOVE', 'C-STORE', 'N-ACTION', 'N-CREATE', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.1.1'),
    0x0105: ('No such Attribute', 'failure', ('AttributeIdentifierList',), ('N-CREATE', 'N-SET'), 'C.5.17'),
    0x0106: ('Invalid Attribute Value', 'failure', ('Modification List/Attribute List',), ('N-CREATE', 'N-SET'), 'C.5.11'),
    0x0107: ('Attribute list error', 'warning', ('AffectedSOPClassUID', 'AffectedSOPInstanceUID', 'AttributeIdentifierList'), ('N-CREATE', 'N-GET', 'N-SET'), 'C.4.2'),
    0x0110: ('Processing Failure', 'failure', ('AffectedSOPClassUID', 'AffectedSOPInstanceUID', 'ErrorComment', 'ErrorID'), ('N-ACTION', 'N-CREATE', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.5.21'),
    0x0111: ('Duplicate SOP Instance', 'failure', ('AffectedSOPInstanceUID',), ('N-CREATE',), 'C.5.8'),
    0x0112: ('No such SOP Instance', 'failure', ('AffectedSOPInstanceUID',), ('N-ACTION', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.5.19'),
    0x0113: ('No such Event Type', 'failure', ('AffectedSOPClassUID', 'EventTypeID'), ('N-EVENT-REPORT',), 'C.5.18'),
    0x0114: ('No such argument', 'failure', ('ActionTypeID', 'AffectedSOPClassUID', 'EventTypeID'), ('N-ACTION', 'N-EVENT-REPORT'), 'C.5.16'),
    0x0115: ('Invalid argument value', 'failure', ('Action Information', 'ActionTypeID', 'AffectedSOPClassUID', 'AffectedSOPInstanceUID', 'Event Information', 'EventTypeID'), ('N-ACTION', 'N-EVENT-REPORT'), 'C.5.10'),
    0x0116: ('Attribute Value out of range', 'warning', ('Modification List/Attribute List',), ('N-CREATE', 'N-SET'), 'C.4.3'),
    0x0117: ('Invalid SOP Instance', 'failure', ('AffectedSOPInstanceUID',), ('C-STORE', 'N-ACTION', 'N-CREATE', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.5.12'),
    0x0118: ('No such SOP Class', 'failure', ('AffectedSOPClassUID',), ('N-ACTION', 'N-CREATE', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.5.20'),
    0x0119: ('Class-Instance conflict', 'failure', ('AffectedSOPClassUID', 'AffectedSOPInstanceUID'), ('N-ACTION', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.5.7'),
    0x0120: ('Missing Attribute', 'failure', ('AttributeIdentifierList',), ('N-CREATE',), 'C.5.13'),
    0x0121: ('Missing Attribute Value', 'failure', ('Modification List/Attribute List',), ('N-CREATE', 'N-SET'), 'C.5.14'),
    0x0122: ('Refused: SOP Class not supported', 'failure', ('ErrorComment',), ('C-ECHO', 'C-FIND', 'C-GET', 'C-MOVE', 'C-STORE'), 'C.5.6'),
    0x0123: ('No such Action Type', 'failure', ('ActionTypeID', 'AffectedSOPClassUID'), ('N-ACTION',), 'C.5.24'),
    0x0124: ('Refused: Not authorized', 'failure', ('ErrorComment',), ('C-GET', 'C-MOVE', 'C-STORE', 'N-ACTION', 'N-CREATE', 'N-DELETE', 'N-GET', 'N-SET'), 'C.5.25'),
    0x0210: ('Duplicate invocation', 'failure', (), ('C-ECHO', 'C-GET', 'C-MOVE', 'C-STORE', 'N-ACTION', 'N-CREATE', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.5.9'),
    0x0211: ('Unrecognized operation', 'failure', (), ('C-ECHO', 'C-GET', 'C-MOVE', 'C-STORE', 'N-ACTION', 'N-CREATE', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.5.23'),
    0x0212: ('Mistyped argument', 'failure', (), ('C-ECHO', 'C-GET', 'C-MOVE', 'C-STORE', 'N-ACTION', 'N-CREATE', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.5.15'),
    0x0213: ('Resource Limitation', 'failure', (), ('N-ACTION', 'N-CREATE', 'N-DELETE', 'N-EVENT-REPORT', 'N-GET', 'N-SET'), 'C.5.22'),
    0xFE00: ('Cancel', 'cancel', (), ('C-FIND', 'C-GET', 'C-MOVE'), 'C.3.1'),
}

class StatusType(IntEnum):
    """The status types of PS3.7 C.1-C.5 that have a fixed code, by name: the standard's name
    as an identifier (``"Refused: SOP Class not supported"`` is
    ``REFUSED_SOP_CLASS_NOT_SUPPORTED``)."""

    SUCCESS = 0x0000  # Success
    NO_SUCH_ATTRIBUTE = 0x0105  # No such Attribute
    INVALID_ATTRIBUTE_VALUE = 0x0106  # Invalid Attribute Value
    ATTRIBUTE_LIST_ERROR = 0x0107  # Attribute list error
    PROCESSING_FAILURE = 0x0110  # Processing Failure
    DUPLICATE_SOP_INSTANCE = 0x0111  # Duplicate SOP Instance
    NO_SUCH_SOP_INSTANCE = 0x0112  # No such SOP Instance
    NO_SUCH_EVENT_TYPE = 0x0113  # No such Event Type
    NO_SUCH_ARGUMENT = 0x0114  # No such argument
    INVALID_ARGUMENT_VALUE = 0x0115  # Invalid argument value
    ATTRIBUTE_VALUE_OUT_OF_RANGE = 0x0116  # Attribute Value out of range
    INVALID_SOP_INSTANCE = 0x0117  # Invalid SOP Instance
    NO_SUCH_SOP_CLASS = 0x0118  # No such SOP Class
    CLASS_INSTANCE_CONFLICT = 0x0119  # Class-Instance conflict
    MISSING_ATTRIBUTE = 0x0120  # Missing Attribute
    MISSING_ATTRIBUTE_VALUE = 0x0121  # Missing Attribute Value
    REFUSED_SOP_CLASS_NOT_SUPPORTED = 0x0122  # Refused: SOP Class not supported
    NO_SUCH_ACTION_TYPE = 0x0123  # No such Action Type
    REFUSED_NOT_AUTHORIZED = 0x0124  # Refused: Not authorized
    DUPLICATE_INVOCATION = 0x0210  # Duplicate invocation
    UNRECOGNIZED_OPERATION = 0x0211  # Unrecognized operation
    MISTYPED_ARGUMENT = 0x0212  # Mistyped argument
    RESOURCE_LIMITATION = 0x0213  # Resource Limitation
    CANCEL = 0xFE00  # Cancel


#: Status types whose code "is Service Class specific and defined in PS3.4" (PS3.7 Annex C):
#: name -> (category, other fields the status may carry, services, Annex C section).
SERVICE_CLASS_STATUSES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], str]] = {
    'Error: Cannot understand': ('failure', ('ErrorComment', 'OffendingElement'), ('C-STORE',), 'C.5.1'),
    'Error: Data Set does not match SOP Class': ('failure', ('ErrorComment', 'OffendingElement'), ('C-STORE',), 'C.5.2'),
    'Failed': ('failure', ('ErrorComment', 'OffendingElement'), ('C-FIND', 'C-GET', 'C-MOVE', 'N-ACTION', 'N-CREATE', 'N-GET', 'N-SET'), 'C.5.3'),
    'Pending': ('pending', (), ('C-FIND', 'C-GET', 'C-MOVE'), 'C.2.1'),
    'Refused: Move Destination unknown': ('failure', ('ErrorComment',), ('C-MOVE',), 'C.5.4'),
    'Refused: Out of resources': ('failure', ('ErrorComment',), ('C-FIND', 'C-GET', 'C-MOVE', 'C-STORE'), 'C.5.5'),
    'Warning': ('warning', ('ErrorComment', 'OffendingElement'), ('C-FIND', 'C-GET', 'C-MOVE', 'C-STORE', 'N-ACTION', 'N-CREATE', 'N-GET', 'N-SET'), 'C.4.1'),
}

# (mask, value, category, excepted codes), most specific pattern first.
_RANGES: tuple[tuple[int, int, str, tuple[int, ...]], ...] = (
    (0xFFFF, 0x0000, 'success', ()),  # 0000
    (0xFFFF, 0x0001, 'warning', ()),  # 0001
    (0xFFFF, 0x0107, 'warning', ()),  # 0107
    (0xFFFF, 0x0116, 'warning', ()),  # 0116
    (0xFFFF, 0xFE00, 'cancel', ()),  # FE00
    (0xFFFF, 0xFF00, 'pending', ()),  # FF00
    (0xFFFF, 0xFF01, 'pending', ()),  # FF01
    (0xFF00, 0x0100, 'failure', (0x0107, 0x0116)),  # 01xx
    (0xFF00, 0x0200, 'failure', ()),  # 02xx
    (0xF000, 0xA000, 'failure', ()),  # Axxx
    (0xF000, 0xB000, 'warning', ()),  # Bxxx
    (0xF000, 0xC000, 'failure', ()),  # Cxxx
)


def classify(code: int) -> str:
    """The status class of a Status (0000,0900) value: success, pending, cancel, warning, failure.

    A code of PS3.7 C.1-C.5 gets the class of the section defining it; any other code the
    class whose pattern (PS3.7 Annex C status class convention) it matches, the most specific
    pattern first.  Raises ValueError for a code in no class (PS3.7 Annex C: "Implementations
    shall not use Status Codes with values not listed").
    """
    known = STATUSES.get(code)
    if known is not None:
        return known[1]
    for mask, value, category, excepted in _RANGES:
        if code & mask == value and code not in excepted:
            return category
    raise ValueError(f"status 0x{code:04X} is in no status class of PS3.7 Annex C")
