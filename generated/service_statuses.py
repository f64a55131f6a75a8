"""dicomkit.generated.service_statuses: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Table B.2-1, Table C.4-1, Table C.4-2, Table C.4-3, Table C.6.4.3-1, Table CC.2.8-2, Table GG.4-1, Table K.4-1, Table KK.2.2.3-1, Table Q.2-1, Table S.3.2.3.4-1, Table S.3.2.4.4-1, Table V.4-1, Table Y.4-1, Table Y.4-2, Table Z.4-1
"""
# 112 statuses from 16 tables of PS3.4.

from __future__ import annotations

from typing import Final

#: (table label, caption, section, service status, further meaning, code pattern, related
#: fields) in table order.  The code pattern is four hex digits with "x" for any digit ("A7xx":
#: the service class may use any code of the range).
SERVICE_STATUSES: Final[tuple[tuple[str, str, str, str, str, str, str], ...]] = (
    ('B.2-1', 'C-STORE Response Status Values', 'B.2.3', 'Failure', 'Refused: Out of resources', 'A7xx', '(0000,0902)'),
    ('B.2-1', 'C-STORE Response Status Values', 'B.2.3', 'Failure', 'Error: Data Set does not match SOP Class', 'A9xx', '(0000,0901) (0000,0902)'),
    ('B.2-1', 'C-STORE Response Status Values', 'B.2.3', 'Failure', 'Error: Cannot understand', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('B.2-1', 'C-STORE Response Status Values', 'B.2.3', 'Warning', 'Coercion of Data Elements', 'B000', '(0000,0901) (0000,0902)'),
    ('B.2-1', 'C-STORE Response Status Values', 'B.2.3', 'Warning', 'Data Set does not match SOP Class', 'B007', '(0000,0901) (0000,0902)'),
    ('B.2-1', 'C-STORE Response Status Values', 'B.2.3', 'Warning', 'Elements Discarded', 'B006', '(0000,0901) (0000,0902)'),
    ('B.2-1', 'C-STORE Response Status Values', 'B.2.3', 'Success', 'Success', '0000', ''),
    ('C.4-1', 'C-FIND Response Status Values', 'C.4.1.1.4', 'Failure', 'Refused: Out of resources', 'A700', '(0000,0902)'),
    ('C.4-1', 'C-FIND Response Status Values', 'C.4.1.1.4', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('C.4-1', 'C-FIND Response Status Values', 'C.4.1.1.4', 'Failure', 'Failed: Unable to process', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('C.4-1', 'C-FIND Response Status Values', 'C.4.1.1.4', 'Cancel', 'Matching terminated due to Cancel request', 'FE00', ''),
    ('C.4-1', 'C-FIND Response Status Values', 'C.4.1.1.4', 'Success', 'Matching is complete - No final Identifier is supplied.', '0000', ''),
    ('C.4-1', 'C-FIND Response Status Values', 'C.4.1.1.4', 'Pending', 'Matches are continuing - Current Match is supplied and any Optional Keys were supported in the same manner as Required Keys.', 'FF00', 'Identifier'),
    ('C.4-1', 'C-FIND Response Status Values', 'C.4.1.1.4', 'Pending', 'Matches are continuing - Warning that one or more Optional Keys were not supported for existence and/or matching for this Identifier.', 'FF01', 'Identifier'),
    ('C.4-2', 'C-MOVE Response Status Values', 'C.4.2.1.5', 'Failure', 'Refused: Out of resources - Unable to calculate number of matches', 'A701', '(0000,0902)'),
    ('C.4-2', 'C-MOVE Response Status Values', 'C.4.2.1.5', 'Failure', 'Refused: Out of resources - Unable to perform sub-operations', 'A702', '(0000,1021) (0000,1022) (0000,1023)'),
    ('C.4-2', 'C-MOVE Response Status Values', 'C.4.2.1.5', 'Failure', 'Refused: Move Destination unknown', 'A801', '(0000,0902)'),
    ('C.4-2', 'C-MOVE Response Status Values', 'C.4.2.1.5', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('C.4-2', 'C-MOVE Response Status Values', 'C.4.2.1.5', 'Failure', 'Failed: Unable to process', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('C.4-2', 'C-MOVE Response Status Values', 'C.4.2.1.5', 'Cancel', 'Sub-operations terminated due to Cancel Indication', 'FE00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('C.4-2', 'C-MOVE Response Status Values', 'C.4.2.1.5', 'Warning', 'Sub-operations Complete - One or more Failures', 'B000', '(0000,1021) (0000,1022) (0000,1023)'),
    ('C.4-2', 'C-MOVE Response Status Values', 'C.4.2.1.5', 'Success', 'Sub-operations Complete - No Failures', '0000', '(0000,1021) (0000,1022) (0000,1023)'),
    ('C.4-2', 'C-MOVE Response Status Values', 'C.4.2.1.5', 'Pending', 'Sub-operations are continuing', 'FF00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('C.4-3', 'C-GET Response Status Values', 'C.4.3.1.4', 'Failure', 'Refused: Out of resources - Unable to calculate number of matches', 'A701', '(0000,0902)'),
    ('C.4-3', 'C-GET Response Status Values', 'C.4.3.1.4', 'Failure', 'Refused: Out of resources - Unable to perform sub-operations', 'A702', '(0000,1021) (0000,1022) (0000,1023)'),
    ('C.4-3', 'C-GET Response Status Values', 'C.4.3.1.4', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('C.4-3', 'C-GET Response Status Values', 'C.4.3.1.4', 'Failure', 'Failed: Unable to process', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('C.4-3', 'C-GET Response Status Values', 'C.4.3.1.4', 'Cancel', 'Sub-operations terminated due to Cancel Indication', 'FE00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('C.4-3', 'C-GET Response Status Values', 'C.4.3.1.4', 'Warning', 'Sub-operations Complete - One or more Failures or Warnings', 'B000', '(0000,1021) (0000,1022) (0000,1023)'),
    ('C.4-3', 'C-GET Response Status Values', 'C.4.3.1.4', 'Success', 'Sub-operations Complete - No Failures or Warnings', '0000', '(0000,1021) (0000,1022) (0000,1023)'),
    ('C.4-3', 'C-GET Response Status Values', 'C.4.3.1.4', 'Pending', 'Sub-operations are continuing', 'FF00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('C.6.4.3-1', 'Repository Query Additional Status Values', 'C.6.4.3', 'Failure', 'Invalid Prior Record Key', 'A710', ''),
    ('C.6.4.3-1', 'Repository Query Additional Status Values', 'C.6.4.3', 'Warning', 'Matching reached response limit, subsequent request may return additional matches', 'B001', ''),
    ('K.4-1', 'C-FIND Response Status Values', 'K.4.1.1.4', 'Failure', 'Refused: Out of resources', 'A700', '(0000,0902)'),
    ('K.4-1', 'C-FIND Response Status Values', 'K.4.1.1.4', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('K.4-1', 'C-FIND Response Status Values', 'K.4.1.1.4', 'Failure', 'Failed: Unable to process', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('K.4-1', 'C-FIND Response Status Values', 'K.4.1.1.4', 'Cancel', 'Matching terminated due to Cancel request', 'FE00', ''),
    ('K.4-1', 'C-FIND Response Status Values', 'K.4.1.1.4', 'Success', 'Matching is complete - No final Identifier is supplied.', '0000', ''),
    ('K.4-1', 'C-FIND Response Status Values', 'K.4.1.1.4', 'Pending', 'Matches are continuing - Current Match is supplied and any Optional Keys were supported in the same manner as Required Keys.', 'FF00', 'Identifier'),
    ('K.4-1', 'C-FIND Response Status Values', 'K.4.1.1.4', 'Pending', 'Matches are continuing - Warning that one or more Optional Keys were not supported for existence for this Identifier.', 'FF01', 'Identifier'),
    ('Q.2-1', 'C-FIND Response Status Values', 'Q.2.1.1.4', 'Failure', 'Refused: Out of resources', 'A700', '(0000,0902)'),
    ('Q.2-1', 'C-FIND Response Status Values', 'Q.2.1.1.4', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('Q.2-1', 'C-FIND Response Status Values', 'Q.2.1.1.4', 'Failure', 'Failed: Unable to process', 'C000', '(0000,0901) (0000,0902)'),
    ('Q.2-1', 'C-FIND Response Status Values', 'Q.2.1.1.4', 'Failure', 'Failed: More than one match found', 'C100', '(0000,0901) (0000,0902)'),
    ('Q.2-1', 'C-FIND Response Status Values', 'Q.2.1.1.4', 'Failure', 'Failed: Unable to support requested template', 'C200', '(0000,0901) (0000,0902)'),
    ('Q.2-1', 'C-FIND Response Status Values', 'Q.2.1.1.4', 'Cancel', 'Matching terminated due to Cancel request', 'FE00', ''),
    ('Q.2-1', 'C-FIND Response Status Values', 'Q.2.1.1.4', 'Success', 'Success. Matching is complete - No final Identifier is supplied.', '0000', ''),
    ('Q.2-1', 'C-FIND Response Status Values', 'Q.2.1.1.4', 'Pending', 'Current Match is supplied.', 'FF00', 'Identifier'),
    ('S.3.2.3.4-1', 'Response Statuses', 'S.3.2.3.4', 'Failure', 'Failed: Media creation request already completed.', 'C201', ''),
    ('S.3.2.3.4-1', 'Response Statuses', 'S.3.2.3.4', 'Failure', 'Failed: Media creation request already in progress and cannot be interrupted.', 'C202', ''),
    ('S.3.2.3.4-1', 'Response Statuses', 'S.3.2.3.4', 'Failure', 'Failed: Cancellation denied for unspecified reason.', 'C203', ''),
    ('S.3.2.4.4-1', 'Response Statuses', 'S.3.2.4.4', 'Warning', 'Requested optional Attributes are not supported', '0001', ''),
    ('V.4-1', 'C-FIND Response Status Values', 'V.4.1.1.4', 'Failure', 'Refused: Out of resources', 'A700', '(0000,0902)'),
    ('V.4-1', 'C-FIND Response Status Values', 'V.4.1.1.4', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('V.4-1', 'C-FIND Response Status Values', 'V.4.1.1.4', 'Failure', 'Failed: Unable to process', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('V.4-1', 'C-FIND Response Status Values', 'V.4.1.1.4', 'Cancel', 'Matching terminated due to Cancel request', 'FE00', ''),
    ('V.4-1', 'C-FIND Response Status Values', 'V.4.1.1.4', 'Success', 'Matching is complete - No final Identifier is supplied.', '0000', ''),
    ('V.4-1', 'C-FIND Response Status Values', 'V.4.1.1.4', 'Pending', 'Matches are continuing - Current Match is supplied and any Optional Keys were supported in the same manner as Required Keys.', 'FF00', 'Identifier'),
    ('V.4-1', 'C-FIND Response Status Values', 'V.4.1.1.4', 'Pending', 'Matches are continuing - Warning that one or more Optional Keys were not supported for existence for this Identifier.', 'FF01', 'Identifier'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Refused: Out of resources - Unable to calculate number of matches', 'A701', '(0000,0902)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Refused: Out of resources - Unable to perform sub-operations', 'A702', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Refused: Move Destination unknown', 'A801', '(0000,0902)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Failed: Unable to process', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Failed: None of the frames requested were found in the SOP Instance', 'AA00', '(0000,0902)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Failed: Unable to create new object for this SOP Class', 'AA01', '(0000,0902)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Failed: Unable to extract frames', 'AA02', '(0000,0902)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Failed: Time-based request received for a non-time-based original SOP Instance.', 'AA03', '(0000,0902)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Failure', 'Failed: Invalid Request', 'AA04', '(0000,0901) (0000,0902)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Cancel', 'Sub-operations terminated due to Cancel Indication', 'FE00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Warning', 'Sub-operations Complete - One or more Failures or Warnings', 'B000', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Success', 'Sub-operations Complete - No Failures or Warnings', '0000', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Y.4-1', 'C-MOVE Response Status Values for Composite Instance Root Retrieve', 'Y.4.1.1.4', 'Pending', 'Sub-operations are continuing', 'FF00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Failure', 'Refused: Out of resources - Unable to calculate number of matches', 'A701', '(0000,0902)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Failure', 'Refused: Out of resources - Unable to perform sub-operations', 'A702', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Failure', 'Failed: Unable to process', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Failure', 'Failed: None of the frames requested were found in the SOP Instance', 'AA00', '(0000,0902)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Failure', 'Failed: Unable to create new object for this SOP Class', 'AA01', '(0000,0902)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Failure', 'Failed: Unable to extract frames', 'AA02', '(0000,0902)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Failure', 'Failed: Time-based request received for a non-time-based original SOP Instance.', 'AA03', '(0000,0902)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Failure', 'Failed: Invalid Request', 'AA04', '(0000,0901) (0000,0902)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Cancel', 'Sub-operations terminated due to Cancel Indication', 'FE00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Warning', 'Sub-operations Complete - One or more Failures or Warnings', 'B000', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Success', 'Sub-operations Complete - No Failures or Warnings', '0000', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Y.4-2', 'C-GET Response Status Values for Composite Instance Root Retrieve', 'Y.4.2.1.4', 'Pending', 'Sub-operations are continuing', 'FF00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Z.4-1', 'C-GET Response Status Values for Composite Instance Retrieve Without Bulk Data', 'Z.4.2.1.4', 'Failure', 'Refused: Out of resources - Unable to calculate number of matches', 'A701', '(0000,0902)'),
    ('Z.4-1', 'C-GET Response Status Values for Composite Instance Retrieve Without Bulk Data', 'Z.4.2.1.4', 'Failure', 'Refused: Out of resources - Unable to perform sub-operations', 'A702', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Z.4-1', 'C-GET Response Status Values for Composite Instance Retrieve Without Bulk Data', 'Z.4.2.1.4', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('Z.4-1', 'C-GET Response Status Values for Composite Instance Retrieve Without Bulk Data', 'Z.4.2.1.4', 'Failure', 'Failed: Unable to process', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('Z.4-1', 'C-GET Response Status Values for Composite Instance Retrieve Without Bulk Data', 'Z.4.2.1.4', 'Cancel', 'Sub-operations terminated due to Cancel Indication', 'FE00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Z.4-1', 'C-GET Response Status Values for Composite Instance Retrieve Without Bulk Data', 'Z.4.2.1.4', 'Warning', 'Sub-operations Complete - One or more Failures or Warnings', 'B000', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Z.4-1', 'C-GET Response Status Values for Composite Instance Retrieve Without Bulk Data', 'Z.4.2.1.4', 'Success', 'Sub-operations Complete - No Failures or Warnings', '0000', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('Z.4-1', 'C-GET Response Status Values for Composite Instance Retrieve Without Bulk Data', 'Z.4.2.1.4', 'Pending', 'Sub-operations are continuing', 'FF00', '(0000,1020) (0000,1021) (0000,1022) (0000,1023)'),
    ('CC.2.8-2', 'C-FIND Response Status Values [for Search for Unified Procedure Step]', 'CC.2.8.4', 'Failure', 'Refused: Out of resources', 'A700', '(0000,0902)'),
    ('CC.2.8-2', 'C-FIND Response Status Values [for Search for Unified Procedure Step]', 'CC.2.8.4', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('CC.2.8-2', 'C-FIND Response Status Values [for Search for Unified Procedure Step]', 'CC.2.8.4', 'Failure', 'Refused: SOP Class not supported', '0122', ''),
    ('CC.2.8-2', 'C-FIND Response Status Values [for Search for Unified Procedure Step]', 'CC.2.8.4', 'Failure', 'Failed: Unable to process', 'Cxxx', '(0000,0901) (0000,0902)'),
    ('CC.2.8-2', 'C-FIND Response Status Values [for Search for Unified Procedure Step]', 'CC.2.8.4', 'Cancel', 'Matching terminated due to Cancel request', 'FE00', ''),
    ('CC.2.8-2', 'C-FIND Response Status Values [for Search for Unified Procedure Step]', 'CC.2.8.4', 'Success', 'Matching is complete - No final Identifier is supplied.', '0000', ''),
    ('CC.2.8-2', 'C-FIND Response Status Values [for Search for Unified Procedure Step]', 'CC.2.8.4', 'Pending', 'Matches are continuing - Current Match is supplied and any Optional Keys were supported in the same manner as Required Keys.', 'FF00', 'Identifier'),
    ('CC.2.8-2', 'C-FIND Response Status Values [for Search for Unified Procedure Step]', 'CC.2.8.4', 'Pending', 'Matches are continuing - Warning that one or more Optional Keys were not supported for existence for this Identifier.', 'FF01', 'Identifier'),
    ('GG.4-1', 'C-STORE Response Status Values', 'GG.4.2', 'Failure', 'Refused: Out of resources', 'A700', '(0000,0902)'),
    ('GG.4-1', 'C-STORE Response Status Values', 'GG.4.2', 'Failure', 'Error: Data Set does not match SOP Class', 'A900', '(0000,0901) (0000,0902)'),
    ('GG.4-1', 'C-STORE Response Status Values', 'GG.4.2', 'Failure', 'Error: Cannot understand', 'C000', '(0000,0901) (0000,0902)'),
    ('GG.4-1', 'C-STORE Response Status Values', 'GG.4.2', 'Success', '', '0000', ''),
    ('KK.2.2.3-1', 'N-ACTION Response Status Values', 'KK.2.2.3', 'Failure', 'Processing Failure', '0110', '(0000,0902)'),
    ('KK.2.2.3-1', 'N-ACTION Response Status Values', 'KK.2.2.3', 'Failure', 'Refused: Not authorized', '0124', '(0000,0902)'),
    ('KK.2.2.3-1', 'N-ACTION Response Status Values', 'KK.2.2.3', 'Failure', 'Mistyped argument - One of the parameters supplied has not been agreed for use', '0212', '(0000,0902)'),
    ('KK.2.2.3-1', 'N-ACTION Response Status Values', 'KK.2.2.3', 'Failure', 'Resource Limitation', '0213', '(0000,0902)'),
    ('KK.2.2.3-1', 'N-ACTION Response Status Values', 'KK.2.2.3', 'Warning', 'Attribute list error - One or more of Key Attributes are not supported for matching', 'B010', '(0000,1005)'),
    ('KK.2.2.3-1', 'N-ACTION Response Status Values', 'KK.2.2.3', 'Success', 'Success', '0000', ''),
)

#: DIMSE service -> labels of the PS3.4 status tables of its responses, in table order (the
#: service each table's caption names, "C-STORE Response Status Values"; tables whose caption
#: names no service are reached by label only).
SERVICE_TABLES: Final[dict[str, tuple[str, ...]]] = {
    'C-FIND': ('C.4-1', 'K.4-1', 'Q.2-1', 'V.4-1', 'CC.2.8-2',),
    'C-GET': ('C.4-3', 'Y.4-2', 'Z.4-1',),
    'C-MOVE': ('C.4-2', 'Y.4-1',),
    'C-STORE': ('B.2-1', 'GG.4-1',),
    'N-ACTION': ('KK.2.2.3-1',),
}


def status_code(table: str, meaning: str) -> int:
    """The code a service class answers for ``meaning`` in status table ``table`` (e.g.
    ``status_code("B.2-1", "Refused: Out of resources")`` -> 0xA700): the code itself, or the
    first code of its range when the table gives a range ("A7xx").

    Raises
    ------
    KeyError
        When the table has no such status.
    """
    for entry in SERVICE_STATUSES:
        if entry[0] == table and entry[4] == meaning:
            return int(entry[5].replace("x", "0"), 16)
    raise KeyError(f"PS3.4 Table {table} has no status {meaning!r}")
