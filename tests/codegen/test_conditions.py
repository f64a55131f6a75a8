"""PS3.3 conditions (type 1C/2C attributes, C modules): prose to expressions, on the real PS3.3 2024c.

The table of sentences below is taken verbatim from PS3.3 2024c (chtml); each row names the table
it comes from, and a test checks the sentence is really in that table, so the table cannot drift
from the standard.  The expected expressions were read by hand from the sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.codegen.chtml import read_chtml
from dicomkit.codegen.conditions import (
    SECTION_CONDITIONS,
    ParsedCondition,
    condition_sentences,
    parse_condition,
)
from dicomkit.codegen.document import Document, Table

Resolve = Callable[[str], "int | None"]

# (table label, text as in PS3.3 2024c, expected expression, expected "otherwise")
REAL: list[tuple[str, str, Any, str]] = [
    # Table C.7-11c
    ('C.7-11c', 'Required if Samples per Pixel (0028,0002) has a value greater than 1.',
     ('greater', (0x00280002,), 1), ''),
    # Table C.7.6.16-2
    ('C.7.6.16-2', 'Required if Dimension Organization Type (0020,9311) is TILED_FULL and Total Pixel Matrix Focal Planes (0048,0303) is greater than 1. May be present otherwise.',
     ('and', ('equals', (0x00209311,), ('TILED_FULL',), None), ('greater', (0x00480303,), 1)), 'may'),
    # Table C.8-38
    ('C.8-38', 'Required if Number of Blocks (300A,00F0) is non-zero.',
     ('not_equals', (0x300A00F0,), (0,), None), ''),
    # Table C.8-4
    ('C.8-4', 'Required if Sequence Variant (0018,0021) is SK or if Scanning Sequence (0018,0020) is not EP. May be present otherwise.',
     ('or', ('equals', (0x00180021,), ('SK',), None), ('not_equals', (0x00180020,), ('EP',), None)), 'may'),
    # Table C.7-1
    ('C.7-1', "Required if either Patient's Birth Date in Alternative Calendar (0010,0033) or Patient's Alternative Death Date in Calendar (0010,0034) is present.",
     None, ''),
    # Table C.7-8
    ('C.7-8', 'Required if Pixel Padding Range Limit (0028,0121) is present and either Pixel Data (7FE0,0010) or Pixel Data Provider URL (0028,7FE0) is present. May be present otherwise only if Pixel Data (7FE0,0010) or Pixel Data Provider URL (0028,7FE0) is present.',
     ('and', ('present', (0x00280121,)), ('or', ('present', (0x7FE00010,)), ('present', (0x00287FE0,)))), 'may'),
    # Table C.8-7
    ('C.8-7', 'Required if Image Type (0008,0008), Value 3 is TOMO, GATED TOMO, RECON TOMO or RECON GATED TOMO.',
     ('equals', (0x00080008,), ('TOMO', 'GATED TOMO', 'RECON TOMO', 'RECON GATED TOMO'), 3), ''),
    # Table C.8-60
    ('C.8-60', 'Required if Series Type (0054,1000), Value 2 is REPROJECTION.',
     ('equals', (0x00541000,), ('REPROJECTION',), 2), ''),
    # Table C.7.6.16-12b
    ('C.7.6.16-12b', 'Required if Float Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009) are present or Real World Value LUT Data (0040,9212) is not present.',
     ('or', ('present', (0x7FE00008,)), ('present', (0x7FE00009,)), ('absent', (0x00409212,))), ''),
    # Table 10-3b
    ('10-3b', 'Required if DICOM Media Retrieval Sequence (0040,E022), WADO Retrieval Sequence (0040,E023), WADO-RS Retrieval Sequence (0040,E025) and XDS Retrieval Sequence (0040,E024) are not present. May be present otherwise.',
     ('and', ('absent', (0x0040E022,)), ('absent', (0x0040E023,)), ('absent', (0x0040E025,)), ('absent', (0x0040E024,))), 'may'),
    # Table C.7-1
    ('C.7-1', 'Required if Responsible Person is present and has a value.',
     ('has_value', (0x00102297,)), ''),
    # Table 10.36-1
    ('10.36-1', 'Required if Device Alternate Identifier (3010,001B) has a value.',
     ('has_value', (0x3010001B,)), ''),
    # Table C.18.1-1
    ('C.18.1-1', 'Required if Measured Value Sequence (0040,A300) is empty.',
     ('empty', (0x0040A300,)), ''),
    # Table C.8-50
    ('C.8-50', 'Required if Material ID (300A,00E1) is non-zero length.',
     ('has_value', (0x300A00E1,)), ''),
    # Table C.8-50
    ('C.8-50', 'Required if Material ID (300A,00E1) is zero-length.',
     ('empty', (0x300A00E1,)), ''),
    # Table C.8-18
    ('C.8-18', 'Required if Modality (0008,0060) = IVUS May be present otherwise.',
     ('equals', (0x00080060,), ('IVUS',), None), 'may'),
    # Table 10-14
    ('10-14', 'Required if Lossy Image Compression (0028,2110) is "01".',
     ('equals', (0x00282110,), ('01',), None), ''),
    # Table C.8.12.5-1
    ('C.8.12.5-1', 'Required if Dimension Organization Type (0020,9311) is present with a value of TILED_FULL. May be present otherwise.',
     ('equals', (0x00209311,), ('TILED_FULL',), None), 'may'),
    # Table 10-28
    ('10-28', 'Required if Device Motion Observation Mode (300A,0452) is absent. May be present otherwise.',
     ('absent', (0x300A0452,)), 'may'),
    # Table C.8-38
    ('C.8-38', 'Required if Enhanced RT Beam Limiting Device Definition Flag (3008,00A3) is present and has the value YES.',
     ('equals', (0x300800A3,), ('YES',), None), ''),
    # Table C.8.8.25-1
    ('C.8.8.25-1', 'Required if Reference Dose Definition (300A,0512) has the value CENTER.',
     ('equals', (0x300A0512,), ('CENTER',), None), ''),
    # Table C.7.6.16-8
    ('C.7.6.16-8', 'Required if Cardiac Synchronization Technique (0018,9037) equals other than NONE or REALTIME. May be present otherwise.',
     ('not_equals', (0x00189037,), ('NONE', 'REALTIME'), None), 'may'),
    # Table 10.40-1
    ('10.40-1', 'Required if Patient Support Position Specification Method (300A,065C) does not equal ABSENT.',
     ('not_equals', (0x300A065C,), ('ABSENT',), None), ''),
    # Table A.89.3-1
    ('A.89.3-1', 'C - Required if Pixel Presentation (0008,9205) in the Photoacoustic Image Module equals COLOR',
     ('equals', (0x00089205,), ('COLOR',), None), ''),
    # Table C.8.22-2
    ('C.8.22-2', 'Required if Image Type (0008,0008) Value 1 is ORIGINAL and Type of Detector Motion (0054,0202) equals STATIONARY. May be present otherwise, if Image Type (0008,0008) Value 1 is DERIVED and Type of Detector Motion (0054,0202) equals STATIONARY.',
     ('and', ('equals', (0x00080008,), ('ORIGINAL',), 1), ('equals', (0x00540202,), ('STATIONARY',), None)), 'may'),
    # Table C.8-38
    ('C.8-38', 'Required if Value 3 of Image Type (0008,0008) is SIMULATOR or PORTAL.',
     ('equals', (0x00080008,), ('SIMULATOR', 'PORTAL'), 3), ''),
    # Table C.8-3
    ('C.8-3', 'Required if the Rescale Type is not HU (Hounsfield Units), or Multi-energy CT Acquisition (0018,9361) is YES. May be present otherwise.',
     ('or', ('not_equals', (0x00281054,), ('HU',), None), ('equals', (0x00189361,), ('YES',), None)), 'may'),
    # Table C.8-79
    ('C.8-79', 'Required if SOP Class UID is not "1.2.840.10008.5.1.4.1.1.4.4" (Legacy Converted), may be present otherwise.',
     ('not_equals', (0x00080016,), ('1.2.840.10008.5.1.4.1.1.4.4',), None), 'may'),
    # Table C.8.20-4
    ('C.8.20-4', 'Required if Referenced SOP Class UID (0008,1150) is RT Structure Set Storage ("1.2.840.10008.5.1.4.1.1.481.3").',
     ('equals', (0x00081150,), ('1.2.840.10008.5.1.4.1.1.481.3',), None), ''),
    # Table C.10-11
    ('C.10-11', 'Required if Temporal Range Type (0040,A130) is present, and if Referenced Time Offsets (0040,A138) and Referenced DateTime (0040,A13A) are not present.',
     ('and', ('present', (0x0040A130,)), ('absent', (0x0040A138,)), ('absent', (0x0040A13A,))), ''),
    # Table C.17-3b
    ('C.17-3b', 'Required if Observer Type value is PSN.',
     ('equals', (0x0040A084,), ('PSN',), None), ''),
    # Table C.23.3-1
    ('C.23.3-1', 'Required if the value of Image Box Layout Type (0072,0304) is TILED, and the value of Image Box Tile Horizontal Dimension (0072,0306) or Image Box Tile Vertical Dimension (0072,0308) is greater than 1.',
     ('and', ('equals', (0x00720304,), ('TILED',), None), ('or', ('greater', (0x00720306,), 1), ('greater', (0x00720308,), 1))), ''),
    # Table C.18.10-1
    ('C.18.10-1', 'Required if Selector Attribute VR (0072,0050) is present and the value is FL, and Numeric Value Qualifier Code Sequence (0040,A301) is not present.',
     ('and', ('equals', (0x00720050,), ('FL',), None), ('absent', (0x0040A301,))), ''),
    # Table C.8-17
    ('C.8-17', 'Required if Pixel Component Organization equals 0 or 1. Otherwise not used.',
     ('equals', (0x00186044,), (0, 1), None), ''),
    # Table C.8-25b
    ('C.8-25b', 'Shall be present if Number of Frames is greater than 1, overriding (specializing) the Type 1 requirement on this Attribute in the Section C.7.6.6.',
     None, ''),
    # Table C.8-18
    ('C.8-18', 'Required if IVUS Acquisition (0018,3100) value is MOTOR_PULLBACK.',
     ('equals', (0x00183100,), ('MOTOR_PULLBACK',), None), ''),
    # Table 10-2
    ('10-2', 'Required if Value Type (0040,A040) is COMPOSITE or IMAGE or WAVEFORM.',
     ('equals', (0x0040A040,), ('COMPOSITE', 'IMAGE', 'WAVEFORM'), None), ''),
    # Table C.8-25b
    ('C.8-25b', 'Required if Photometric Interpretation (0028,0004) is MONOCHROME2, and Bits Stored (0028,0101) is greater than 1.',
     ('and', ('equals', (0x00280004,), ('MONOCHROME2',), None), ('greater', (0x00280101,), 1)), ''),
    # Table C.8-102
    ('C.8-102', 'Required if Image Type (0008,0008) Value 1 is ORIGINAL. May be present otherwise.',
     ('equals', (0x00080008,), ('ORIGINAL',), 1), 'may'),
    # Table 8.8-1b
    ('8.8-1b', 'Required if the value of Context Group Extension Flag (0008,010B) is "Y".',
     ('equals', (0x0008010B,), ('Y',), None), ''),
    # Table C.8.30.3-1
    ('C.8.30.3-1', 'Required if Attribute Corneal Topography Surface (0046,0201) is A (Anterior).',
     ('equals', (0x00460201,), ('A',), None), ''),
    # Table C.10-9
    ('C.10-9', 'Required if Channel Time Skew is not present.',
     ('absent', (0x003A0214,)), ''),
    # Table C.7.16-13
    ('C.7.16-13', 'Required if Contrast/Bolus Administration Route Sequence (0018,0014) for the Contrast/Bolus Agent Number (0018,9337) defined in the Contrast/Bolus Agent Sequence (0018,0012) is (47625008, SCT, "Intravenous route") or (47625008, SCT, "Intravenous route"); may be present otherwise.',
     None, 'may'),
    # Table C.8-114
    ('C.8-114', 'Required if Image Type (0008,0008) Value 1 of this frame is ORIGINAL or MIXED and SOP Class UID is not "1.2.840.10008.5.1.4.1.1.2.2" (Legacy Converted), may be present otherwise.',
     ('and', ('in_frame', ('equals', (0x00080008,), ('ORIGINAL', 'MIXED'), 1)),
      ('not_equals', (0x00080016,), ('1.2.840.10008.5.1.4.1.1.2.2',), None)), 'may'),
    # Table A.2-1
    ('A.2-1', 'C - Required if contrast media was used in this image',
     None, ''),
    # Table 10-13
    ('10-13', 'Required if present and consistent in the contributing SOP Instances.',
     None, ''),
    # Table A.8-2
    ('A.8-2', 'C - Required if Frame Increment Pointer (0028,0009) is Frame Time (0018,1063) or Frame Time Vector (0018,1065)',
     ('equals', (0x00280009,), (0x00181063, 0x00181065,), None), ''),
    # Table C.11-1b
    ('C.11-1b', 'Required if Modality LUT Sequence (0028,3000) is not present. Shall not be present otherwise.',
     ('absent', (0x00283000,)), 'shall_not'),
    # Table C.10-5
    ('C.10-5', 'Required if Anchor Point (0070,0014) is not present. May be present otherwise. Required if Bounding Box Bottom Right Hand Corner (0070,0011) is present.',
     ('or', ('absent', (0x00700014,)), ('present', (0x00700011,))), 'may'),
    # Table C.36.2.2.4-1
    ('C.36.2.2.4-1', 'Required if SOP Class UID is not RT Radiation Salvage Record Storage ("1.2.840.10008.5.1.4.1.1.481.17"), and SOP Class UID is not Enhanced RT Image (“1.2.840.10008.5.1.4.1.1.481.23”), and SOP Class UID is not Enhanced Continuous RT Image (“1.2.840.10008.5.1.4.1.1.481.24”). May be present otherwise.',
     ('and', ('not_equals', (0x00080016,), ('1.2.840.10008.5.1.4.1.1.481.17',), None), ('not_equals', (0x00080016,), ('1.2.840.10008.5.1.4.1.1.481.23',), None), ('not_equals', (0x00080016,), ('1.2.840.10008.5.1.4.1.1.481.24',), None)), 'may'),
    # Table C.36.29-1
    ('C.36.29-1', 'Required if Imaging Source Location Specification Type (3002,0111) has the value RELATIVE_PARAMS or Imaging Aperture Specification Type (3002,0115) has the value BEAM or RELATIVE_TO_BEAM.',
     ('or', ('equals', (0x30020111,), ('RELATIVE_PARAMS',), None), ('equals', (0x30020115,), ('BEAM', 'RELATIVE_TO_BEAM'), None)), ''),
    # Table C.38.1-1
    ('C.38.1-1', 'Required if Inventory Level (0008,0403) has value SERIES or INSTANCE.',
     ('equals', (0x00080403,), ('SERIES', 'INSTANCE'), None), ''),
    # Table C.38.2-2
    ('C.38.2-2', 'Required if Container File Type (0008,040A) is ZIP, TAR, or TARGZIP.',
     ('equals', (0x0008040A,), ('ZIP', 'TAR', 'TARGZIP'), None), ''),
    # Table C.8-39
    ('C.8-39', 'Required if Dose Summation Type (3004,000A) is FRACTION, BEAM, BRACHY, FRACTION_SESSION, BEAM_SESSION, BRACHY_SESSION or CONTROL_POINT.',
     ('equals', (0x3004000A,), ('FRACTION', 'BEAM', 'BRACHY', 'FRACTION_SESSION', 'BEAM_SESSION', 'BRACHY_SESSION', 'CONTROL_POINT'), None), ''),
    # Table C.8.8.26-1
    ('C.8.8.26-1', 'Required if Number of Block Slab Items (300A,0440) is present and has a value greater than zero.',
     ('greater', (0x300A0440,), 0), ''),
    # Table C.7.6.18-1
    ('C.7.6.18-1', 'Required if Image Type (0008,0008) Value 1 is ORIGINAL or MIXED and Cardiac Synchronization Technique (0018,9037) equals other than NONE. Otherwise may be present if Image Type (0008,0008) Value 1 is DERIVED and Cardiac Synchronization Technique (0018,9037) equals other than NONE.',
     ('and', ('equals', (0x00080008,), ('ORIGINAL', 'MIXED'), 1), ('not_equals', (0x00189037,), ('NONE',), None)), 'may'),
    # Table C.8-27
    ('C.8-27', 'Required if either Exposure Time (0018,1150) or X-Ray Tube Current (0018,1151) are not present. May be present otherwise.',
     ('or', ('absent', (0x00181150,)), ('absent', (0x00181151,))), 'may'),
    # Table C.7.6.16-3
    ('C.7.6.16-3', 'Required if Stack ID (0020,9056) or Functional MR Sequence (0018,9621) is present.',
     ('or', ('present', (0x00209056,)), ('present', (0x00189621,))), ''),
    # Table A.36-2
    ('A.36-2', 'C - Required if Image Type (0008,0008) Value 3 is ASL. May be present otherwise.',
     ('equals', (0x00080008,), ('ASL',), 3), 'may'),
    # --- session 9: coded values, item counts, private tags, continued subjects
    # Table C.8.17.9-1
    ('C.8.17.9-1', 'Required if Acquisition Device Type Code Sequence (0022,0015) contains an Item with the value (392012008, SCT, "Optical Coherence Tomography Scanner"). May be present otherwise.',
     ('code', (0x00220015,), (('392012008', 'SCT'),)), 'may'),
    # Table C.8.26.3-1
    ('C.8.26.3-1', 'Required if Fixation Monitoring Code Sequence (0024,0033) contains an Item with the value (111844, DCM, "Blind Spot Monitoring") or (111845, DCM, "Macular Fixation Testing"). May be present otherwise.',
     ('code', (0x00240033,), (('111844', 'DCM'), ('111845', 'DCM'))), 'may'),
    # Table C.8.26.2-1
    ('C.8.26.2-1', 'Required if Content Item Modifier Sequence (0040,0441) within Performed Protocol Code Sequence (0040,0260) contains an Item with the value (360156006, SCT, "Screening"). May be present otherwise.',
     ('code', (0x00400260, 0x00400441), (('360156006', 'SCT'),)), 'may'),
    # Table C.8-3
    ('C.8-3', 'Required if one Derivation Code Sequence (0008,9215) Item value is (113097, DCM, "Multi-energy proportional weighting"). May be present otherwise.',
     ('code', (0x00089215,), (('113097', 'DCM'),)), 'may'),
    # Table C.7-13
    ('C.7-13', 'Required if Frame Increment Pointer (0028,0009) points to Frame Time.',
     ('equals', (0x00280009,), (0x00181063,), None), ''),
    # Table C.7.6.17-1
    ('C.7.6.17-1', 'Required if Dimension Organization Type (0020,9311) is absent or not TILED_FULL. May be present otherwise.',
     ('or', ('absent', (0x00209311,)), ('not_equals', (0x00209311,), ('TILED_FULL',), None)), 'may'),
    # Table C.8-50
    ('C.8-50', 'Required if Enhanced RT Beam Limiting Device Definition Flag (3008,00A3) is absent, or is present and has the value NO.',
     ('or', ('absent', (0x300800A3,)), ('equals', (0x300800A3,), ('NO',), None)), ''),
    # Table C.8-11
    ('C.8-11', 'Required if Image Type (0008,0008) Value 4 is TRANSMISSION and Value 3 is not any of TOMO, GATED TOMO, RECON TOMO or RECON GATED TOMO.',
     ('and', ('equals', (0x00080008,), ('TRANSMISSION',), 4),
      ('not_equals', (0x00080008,), ('TOMO', 'GATED TOMO', 'RECON TOMO', 'RECON GATED TOMO'), 3)), ''),
    # Table C.8-9
    ('C.8-9', 'Required if Image Type (0008,0008) Value 3 is: WHOLE BODY or STATIC.',
     ('equals', (0x00080008,), ('WHOLE BODY', 'STATIC'), 3), ''),
    # Table C.8-96
    ('C.8-96', 'Required if Frame Type (0008,9007) value 4 equals DIFFUSION_ANISO.',
     ('equals', (0x00089007,), ('DIFFUSION_ANISO',), 4), ''),
    # Table C.8-39
    ('C.8-39', 'Required if Prescription Overview Sequence (300C,0114) has more than one Item. May be present otherwise.',
     ('item_count', (0x300C0114,), 'greater', 1), 'may'),
    # Table C.36.22-1
    ('C.36.22-1', 'Required if Treatment Tolerance Violation Attribute Sequence (300A,0733) is not present or has zero Items. May be present otherwise.',
     ('or', ('absent', (0x300A0733,)), ('empty', (0x300A0733,))), 'may'),
    # Table 10-20
    ('10-20', 'Required if the Selector Attribute (0072,0026) value is the Data Element Tag of a Private Attribute.',
     ('private_tag', (0x00720026,)), ''),
    # Table C.8.24.3-1
    ('C.8.24.3-1', 'Required if Performed Protocol Type (0040,0261) is present with value STAGED.',
     ('equals', (0x00400261,), ('STAGED',), None), ''),
    # Table C.8.25.12-1
    ('C.8.25.12-1', 'Required if the Optotype (0046,0094) Attribute value is LETTERS or NUMBERS or PICTURES.',
     ('equals', (0x00460094,), ('LETTERS', 'NUMBERS', 'PICTURES'), None), ''),
    # Table C.36.29-1
    ('C.36.29-1', 'Required if Position Acquisition Template ID (3002,0120) not present. May be present otherwise.',
     ('absent', (0x30020120,)), 'may'),
    # Table C.8-51
    ('C.8-51', 'Required if value Transfer Tube Number (300A,02A2) is non-null.',
     ('has_value', (0x300A02A2,)), ''),
    # Table C.8-105: an upper-case word after "equals" is a value, not the attribute Plane
    ('C.8-105', 'Required if MR Spectroscopy Acquisition Type (0018,9200) equals PLANE and Frame Type (0008,9007) Value 1 is ORIGINAL. May be present otherwise.',
     ('and', ('equals', (0x00189200,), ('PLANE',), None), ('equals', (0x00089007,), ('ORIGINAL',), 1)), 'may'),
    # Table C.8-50: RT control points (the second case stays prose, evaluated as unknown)
    ('C.8-50', 'Required for first Item of Control Point Sequence (300A,0111), or if Gantry Angle changes during Beam.',
     ('or', ('first_item', (0x300A0111,)), ('prose', 'Gantry Angle changes during Beam')), ''),
    # Table C.8.8.25-1: "first Item of X if <clause>"
    ('C.8.8.25-1', 'Required for first Item of Control Point Sequence if Number of Range Shifters (300A,0312) is non-zero, or if Range Shifter Setting (300A,0362) changes during Beam.',
     ('or', ('and', ('first_item', (0x300A0111,)), ('not_equals', (0x300A0312,), (0,), None)),
      ('prose', 'Range Shifter Setting (300A,0362) changes during Beam')), ''),
    # Table C.8-17: a name without its tag before "exists"
    ('C.8-17', 'Required if Pixel Component Organization exists.',
     ('present', (0x00186044,)), ''),
    # --- forms added in the session of 2026-12-06 (bench/README.md)
    # Table C.7-11c: "at the image level" qualifies a top-level attribute
    ('C.7-11c', 'Required if Photometric Interpretation (0028,0004) has a value of PALETTE COLOR or Pixel Presentation (0008,9205) at the image level equals COLOR or MIXED.',
     ('or', ('equals', (0x00280004,), ('PALETTE COLOR',), None),
      ('equals', (0x00089205,), ('COLOR', 'MIXED'), None)), ''),
    # Table C.8-57: "Control Point 0 of X Sequence" is its first Item (the change stays prose)
    ('C.8-57', 'Required for Control Point 0 of Control Point Delivery Sequence (3008,0040) or if Gantry Angle changes during beam administration.',
     ('or', ('first_item', (0x30080040,)), ('prose', 'Gantry Angle changes during beam administration')), ''),
    # Table C.8.8.26-1: "Required, if"
    ('C.8.8.26-1', 'Required, if Scan Spot Reordered (300A,0393) equals YES.',
     ('equals', (0x300A0393,), ('YES',), None), ''),
    # Table C.36.2.2.6-1: the conditions of Section C.36.2.2.5.1.1 (first RT Control Point, or a
    # change of value, which stays prose)
    ('C.36.2.2.6-1', 'Required if the conditions in Section C.36.2.2.5.1.1 are satisfied.',
     ('or', ('equals', (0x300A0600,), (1,), None),
      ('prose', 'the conditions in Section C.36.2.2.5.1.1 are satisfied')), ''),
    ('C.36.17-1', 'Required if RT Record Flag (300A,0639) equals NO and the conditions in Section C.36.2.2.5.1.1 are satisfied.',
     ('and', ('equals', (0x300A0639,), ('NO',), None),
      ('or', ('equals', (0x300A0600,), (1,), None),
       ('prose', 'the conditions in Section C.36.2.2.5.1.1 are satisfied'))), ''),
    # Table C.8-119: "A or B, and C" is (A or B) and C
    ('C.8-119', 'Required if Frame Type (0008,9007) Value 1 of this frame is ORIGINAL or Image Type (0008,0008) Value 1 is ORIGINAL, and Acquisition Type (0018,9302) is other than CONSTANT_ANGLE.',
     ('and', ('or', ('in_frame', ('equals', (0x00089007,), ('ORIGINAL',), 1)),
              ('equals', (0x00080008,), ('ORIGINAL',), 1)),
      ('not_equals', (0x00189302,), ('CONSTANT_ANGLE',), None)), ''),
    # Table C.8-124: "A, or if B and C" is A or (B and C)
    ('C.8-124', 'Required if Frame Type (0008,9007) Value 1 of this frame is ORIGINAL, or if Image Type (0008,0008) Value 1 is ORIGINAL and Multi-energy CT Acquisition (0018,9361) is YES. May be present otherwise.',
     ('or', ('in_frame', ('equals', (0x00089007,), ('ORIGINAL',), 1)),
      ('and', ('equals', (0x00080008,), ('ORIGINAL',), 1), ('equals', (0x00189361,), ('YES',), None))),
     'may'),
    # Table A.36-2 (functional group usage): an attribute that "is used" is present
    ('A.36-2', 'C - Required if Contrast/Bolus Agent Sequence (0018,0012) is used.',
     ('present', (0x00180012,)), ''),
    # Table C.8-96: a "May be present if" run into the requirement sentence without a period
    ('C.8-96', 'Required if Diffusion Directionality (0018,9075) equals DIRECTIONAL May be present if Diffusion Directionality (0018,9075) equals BMATRIX.',
     ('equals', (0x00189075,), ('DIRECTIONAL',), None), ''),
    # Table C.36.2.2.22-1: "has a non-zero value"
    ('C.36.2.2.22-1', 'Required if the Number of Acquisition Devices (3002,0116) has a non-zero value.',
     ('not_equals', (0x30020116,), (0,), None), ''),
    # Table F.3-3: "is of Value"
    ('F.3-3', 'Required if the Directory Record Type (0004,1430) is of Value PRIVATE.',
     ('equals', (0x00041430,), ('PRIVATE',), None), ''),
    # Table A.89.3-1: a section reference after the values
    ('A.89.3-1', 'C - Required if Pixel Presentation (0008,9205) in the Photoacoustic Image Module equals TRUE_COLOR or COLOR (Section A.89.3.1.2)',
     ('equals', (0x00089205,), ('TRUE_COLOR', 'COLOR'), None), ''),
    # Table A.14-1 (module usage): the condition of the C ends where the U usage begins
    ('A.14-1', 'C - Required if Pixel Intensity Relationship (0028,1040) is LOG U - Optional if Pixel Intensity Relationship (0028,1040) is DISP',
     ('equals', (0x00281040,), ('LOG',), None), ''),
]

_TAG_TEXT = re.compile(r"^\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)$")


# ----------------------------------------------------------------------------- PS3.3 2024c

@pytest.fixture(scope="module")
def ps33(part_path: Any) -> Document:
    return read_chtml(part_path("2024c", 3, "chtml"))


def _attribute_table(table: Table) -> bool:
    cols = [c.lower() for c in table.columns]
    return len(cols) >= 3 and cols[0] == "attribute name" and cols[1] == "tag"


@pytest.fixture(scope="module")
def resolve(ps33: Document) -> Resolve:
    """Attribute Name -> tag from every attribute table of PS3.3 (names with one tag only)."""
    tags: dict[str, set[int]] = {}
    for table in ps33.tables():
        if not _attribute_table(table):
            continue
        for row in table.body:
            m = _TAG_TEXT.match(row.cells[1].text)
            name = row.cells[0].text.lstrip(">").strip()
            if m and name:
                tags.setdefault(name, set()).add(int(m.group(1) + m.group(2), 16))
    unique = {name: next(iter(found)) for name, found in tags.items() if len(found) == 1}
    assert len(unique) > 3000  # PS3.3 names thousands of attributes
    return unique.get


def _attribute_conditions(doc: Document) -> Iterator[tuple[str, str]]:
    """(table label, Attribute Description) of every type 1C/2C row of PS3.3."""
    for table in doc.tables():
        cols = table.columns
        if not _attribute_table(table) or len(cols) < 4 or cols[2] != "Type":
            continue
        for row in table.body:
            if row.cells[2].text in ("1C", "2C"):
                yield table.label, row.cells[3].text


def _usage_conditions(doc: Document) -> Iterator[tuple[str, str]]:
    """(table label, Usage) of every C usage of the IOD module and functional group tables."""
    for table in doc.tables():
        if table.columns and table.columns[-1] == "Usage":
            for row in table.body:
                usage = row.cells[-1].text
                if usage.startswith("C"):
                    yield table.label, usage


def _leaves(expr: Any) -> Iterator[tuple[Any, ...]]:
    if expr[0] in ("and", "or"):
        assert len(expr) >= 3
        for sub in expr[1:]:
            yield from _leaves(sub)
    elif expr[0] in ("not", "in_frame"):
        assert len(expr) == 2
        yield from _leaves(expr[1])
    else:
        yield expr


def _check_well_formed(parsed: ParsedCondition, resolve: Resolve) -> None:
    """Every leaf is of the language, and every tag in it is written in the text (as a tag, or
    as a name the resolver maps to it): the parser never invents an attribute."""
    text = parsed.text.translate(str.maketrans({"\u201c": '"', "\u201d": '"'}))
    written = {int(g + e, 16) for g, e in re.findall(r"\(([0-9A-Fa-f]{4}), ?([0-9A-Fa-f]{4})\)", text)}
    for leaf in _leaves(parsed.expr):
        op, path = leaf[0], leaf[1]
        if op == "iod_requires":
            assert len(leaf) == 2 and len(path) == 1
            continue
        if op in ("module_present", "group_present"):  # only with a module resolver
            assert len(leaf) == 2 and isinstance(path, str) and path
            continue
        if op == "prose":  # a case kept as written
            assert len(leaf) == 2 and isinstance(path, str) and path in text
            continue
        assert isinstance(path, tuple) and path and all(isinstance(t, int) for t in path)
        # a section whose conditions are read names its attribute (SECTION_CONDITIONS)
        named = {resolve(name) for section, name in SECTION_CONDITIONS.items()
                 if f"Section {section}" in text}
        for tag in path:
            assert tag in written or tag in named or \
                any(resolve(n) == tag for n in _name_runs(text)), (tag, text)
        if op in ("present", "absent", "has_value", "empty", "private_tag"):
            assert len(leaf) == 2
        elif op == "code":  # every code value and scheme is written in the text
            assert len(leaf) == 3 and leaf[2]
            for value, scheme in leaf[2]:
                assert f"({value}, {scheme}, " in text, (value, scheme, text)
        elif op == "first_item":
            assert len(leaf) == 2 and len(path) == 1
        elif op == "item_count":
            assert len(leaf) == 4 and leaf[2] in ("equals", "greater") and isinstance(leaf[3], int)
        elif op in ("equals", "not_equals"):
            assert len(leaf) == 4 and isinstance(leaf[2], tuple) and leaf[2]
            assert all(isinstance(v, (str, int, float)) and v != "" for v in leaf[2])
            assert leaf[3] is None or (isinstance(leaf[3], int) and leaf[3] >= 1)
        else:
            assert op in ("greater", "less", "greater_equal", "less_equal") and len(leaf) == 3
            assert isinstance(leaf[2], (int, float))


def _name_runs(text: str) -> Iterator[str]:
    words = text.split()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 9) + 1):
            yield " ".join(words[i:j]).strip(".,;:")


@pytest.mark.slow
@pytest.mark.parametrize(("label", "text", "expected", "otherwise"), REAL,
                         ids=[f"{i}-{case[0]}" for i, case in enumerate(REAL)])
def test_real_sentence_reads_as_expected(ps33: Document, resolve: Resolve, label: str, text: str,
                                         expected: Any, otherwise: str) -> None:
    table = ps33.table(label)
    assert any(text in cell.text for row in table.body for cell in row.cells), \
        f"the sentence is not in Table {label} of PS3.3 2024c"
    parsed = parse_condition(text, resolve)
    assert parsed.text == text
    assert parsed.expr == expected
    assert parsed.otherwise == otherwise
    if expected is None:
        assert parsed.unparsed
    else:
        assert parsed.unparsed == ""
        _check_well_formed(parsed, resolve)


def test_the_table_of_real_sentences_is_large_and_mixed() -> None:
    assert len(REAL) >= 40
    ops = {leaf[0] for _, _, expr, _ in REAL if expr is not None for leaf in _leaves(expr)}
    assert ops >= {"present", "absent", "has_value", "empty", "equals", "not_equals", "greater"}
    assert sum(expr is None for _, _, expr, _ in REAL) >= 5
    assert {o for *_, o in REAL} == {"", "may", "shall_not"}


@pytest.mark.slow
def test_every_condition_of_ps33_2024c_parses_without_crashing(ps33: Document, resolve: Resolve) -> None:
    attribute = list(_attribute_conditions(ps33))
    usage = list(_usage_conditions(ps33))
    assert len(attribute) > 1500 and len(usage) > 300
    counts: dict[str, list[int]] = {}
    for kind, cases in (("attribute", attribute), ("usage", usage)):
        total = with_sentence = evaluable = 0
        for _label, text in cases:
            parsed = parse_condition(text, resolve)
            total += 1
            with_sentence += bool(condition_sentences(text))
            if parsed.expr is not None:
                evaluable += 1
                _check_well_formed(parsed, resolve)
            else:
                assert parsed.unparsed
            assert parsed.otherwise in ("", "may", "shall_not")
        counts[kind] = [total, with_sentence, evaluable]
        print(f"PS3.3 2024c {kind} conditions: {evaluable} of {total} evaluable "
              f"({evaluable / total:.1%}); {evaluable} of {with_sentence} requirement sentences "
              f"({evaluable / with_sentence:.1%})")
    total, with_sentence, evaluable = counts["attribute"]
    # measured on PS3.3 2024c: 1172 of 1986 type 1C/2C rows (59.0%), 62.4% of those with a sentence
    assert evaluable / total >= 0.57
    assert evaluable / with_sentence >= 0.60
    total, with_sentence, evaluable = counts["usage"]
    # measured: 124 of 485 C usages (25.6%): most module conditions are prose ("if contrast was used")
    assert evaluable / total >= 0.24


# ----------------------------------------------------------------------------- constructed sentences
# Forms the 2024c edition does not use (or uses only in sentences that fail for another reason);
# the resolver is a hand-written map of the names used.

NAMES = {"Modality": 0x00080060, "Image Type": 0x00080008, "Code Value": 0x00080100,
         "Anatomic Region Sequence": 0x00082218, "Table Column Number": 0x00720032}


@pytest.mark.parametrize(("text", "expected"), [
    ("Required if Code Value (0008,0100) in the Anatomic Region Sequence (0008,2218) is present.",
     ("present", (0x00082218, 0x00080100))),
    ("Required if Code Value (0008,0100) in any Item of the Anatomic Region Sequence (0008,2218) "
     "is T-D1100.", ("equals", (0x00082218, 0x00080100), ("T-D1100",), None)),
    ("Required if Code Value (0008,0100) is present in the Anatomic Region Sequence (0008,2218).",
     ("present", (0x00082218, 0x00080100))),
    ("Required if Code Value (0008,0100) is not present in an Item of the Anatomic Region Sequence (0008,2218).",
     ("absent", (0x00082218, 0x00080100))),
    ("Required if Code Value in the Anatomic Region Sequence is present.",
     ("present", (0x00082218, 0x00080100))),
])
def test_attributes_inside_sequences_become_paths_outermost_first(text: str, expected: Any) -> None:
    assert parse_condition(text, NAMES.get).expr == expected


def test_unless_negates_the_clause_after_it() -> None:
    parsed = parse_condition("Required if Modality (0008,0060) is CT unless Image Type (0008,0008) Value 3 "
                             "is LOCALIZER.", NAMES.get)
    assert parsed.expr == ("and", ("equals", (0x00080060,), ("CT",), None),
                           ("not", ("equals", (0x00080008,), ("LOCALIZER",), 3)))


@pytest.mark.parametrize("text", [
    # "and" and "or" without grouping: English does not say which binds first
    "Required if Modality (0008,0060) is CT and Image Type (0008,0008) Value 1 is ORIGINAL or "
    "Table Column Number (0072,0032) is present.",
    # a name the resolver does not know
    "Required if Frobnication Level is present.",
    # a qualifier the language has no word for
    "Required if Image Type (0008,0008) Value 1 of this series is ORIGINAL.",
    # lowercase words after a value
    "Required if Modality (0008,0060) is CT images.",
    # a value written as prose
    "Required if Modality (0008,0060) is a computed tomography modality.",
    # no requirement sentence at all
    "C - Required for slide microscopy imaging",
    "Identifies the modality.",
])
def test_sentences_that_cannot_be_read_with_certainty_stay_prose(text: str) -> None:
    parsed = parse_condition(text, NAMES.get)
    assert parsed.expr is None
    assert parsed.unparsed


@pytest.mark.parametrize(("text", "otherwise"), [
    ("Required if Modality (0008,0060) is CT. May be present otherwise.", "may"),
    ("Required if Modality (0008,0060) is CT. Otherwise may be present.", "may"),
    ("Required if Modality (0008,0060) is CT, may be present otherwise.", "may"),
    ("Required if Modality (0008,0060) is CT. Shall not be present otherwise.", "shall_not"),
    ("Required if Modality (0008,0060) is CT. Otherwise shall not be present.", "shall_not"),
    ("Required if Modality (0008,0060) is CT.", ""),
])
def test_the_otherwise_sentence_is_read_separately(text: str, otherwise: str) -> None:
    parsed = parse_condition(text, NAMES.get)
    assert parsed.expr == ("equals", (0x00080060,), ("CT",), None)
    assert parsed.otherwise == otherwise


def test_several_requirement_sentences_are_alternatives() -> None:
    parsed = parse_condition("Required if Modality (0008,0060) is CT. See Section C.8.2. "
                             "Required if Table Column Number is absent.", NAMES.get)
    assert parsed.expr == ("or", ("equals", (0x00080060,), ("CT",), None), ("absent", (0x00720032,)))


def test_one_unreadable_requirement_sentence_makes_the_whole_condition_prose() -> None:
    parsed = parse_condition("Required if Modality (0008,0060) is CT. Required if contrast was used.",
                             NAMES.get)
    assert parsed.expr is None
    assert parsed.unparsed == "contrast was used"


def test_condition_sentences_do_not_end_inside_quoted_values() -> None:
    assert condition_sentences('Foo. Required if SOP Class UID (0008,0016) is "1.2.840.10008.5.1.4.1.1.2". '
                               'See C.8.') == ['SOP Class UID (0008,0016) is "1.2.840.10008.5.1.4.1.1.2"']


@pytest.mark.parametrize(("text", "expected"), [
    ("Required if Modality (0008,0060) is greater than or equal to 2.", ("greater_equal", (0x00080060,), 2)),
    ("Required if Modality (0008,0060) is less than 2.5.", ("less", (0x00080060,), 2.5)),
    ("Required if Modality (0008,0060) is zero.", ("equals", (0x00080060,), (0,), None)),
    ("Required if the first value of Image Type (0008,0008) is DERIVED.",
     ("equals", (0x00080008,), ("DERIVED",), 1)),
    ("Required if Modality (0008,0060) is one of CT, MR or PT.",
     ("equals", (0x00080060,), ("CT", "MR", "PT"), None)),
    ("Required if Modality (0008,0060) is either 'CT' or 'MR'.",
     ("equals", (0x00080060,), ("CT", "MR"), None)),
    ("Required if neither Modality (0008,0060) nor Table Column Number (0072,0032) is present.",
     ("and", ("absent", (0x00080060,)), ("absent", (0x00720032,)))),
    ("Required if Modality (0008,0060) and/or Table Column Number (0072,0032) is present.",
     None),
    ("Required if Modality (0008,0060) is present and/or Table Column Number (0072,0032) is present.",
     ("or", ("present", (0x00080060,)), ("present", (0x00720032,)))),
])
def test_other_forms_of_the_language(text: str, expected: Any) -> None:
    assert parse_condition(text, NAMES.get).expr == expected


def test_the_module_docstring_documents_every_operator() -> None:
    import dicomkit.codegen.conditions as module

    doc = module.__doc__ or ""
    for op in ("present", "absent", "has_value", "empty", "equals", "not_equals", "greater", "less",
               "greater_equal", "less_equal", '("and"', '("or"', '("not"', "any item"):
        assert op in doc, op



_FRAGMENTS = ("Required if", "C - ", "Modality (0008,0060)", "Image Type", "(0008,0008)", "Value 3",
              "is", "is not", "present", "absent", "and", "or", "unless", "either", "neither", "nor",
              "equals", "other than", "CT", "MR", '"01"', "'", '"', "1", "2.5", "greater than", ",", ".",
              ";", "in the", "Anatomic Region Sequence (0008,2218)", "of any Item of", "May be present otherwise",
              "Shall not be present otherwise", "has a value", "(", ")", "zero", "Otherwise", "if")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=14))
def test_the_parser_never_crashes_and_returns_well_formed_results(parts: list[str]) -> None:
    text = " ".join(parts)
    parsed = parse_condition(text, NAMES.get)
    assert parsed.text == text
    assert parsed.otherwise in ("", "may", "shall_not")
    if parsed.expr is None:
        assert parsed.unparsed or not text.strip()
    else:
        assert parsed.unparsed == ""
        _check_well_formed(parsed, NAMES.get)


def test_of_this_frame_reads_as_in_frame() -> None:
    """"Frame Type (0008,9007) Value 1 of this frame is ORIGINAL" (PS3.3 C.8.15.3, C.8.13.5...):
    the subject is looked up in the functional groups of the frame."""
    pc = parse_condition("Required if Frame Type (0008,9007) Value 1 of this frame is ORIGINAL "
                         "or Image Type (0008,0008) Value 1 is ORIGINAL. May be present "
                         "otherwise.", lambda name: None)
    assert pc.expr == ("or", ("in_frame", ("equals", (0x00089007,), ("ORIGINAL",), 1)),
                       ("equals", (0x00080008,), ("ORIGINAL",), 1))


def test_image_does_not_require_reads_as_iod_requires() -> None:
    """PS3.3 C.7.6.1 Patient Orientation; the names with a parenthesised qualifier are names."""
    pc = parse_condition("Required if image does not require Image Orientation (Patient) "
                         "(0020,0037) and Image Position (Patient) (0020,0032) or if image does "
                         "not require Image Orientation (Slide) (0048,0102). May be present "
                         "otherwise.", lambda name: None)
    assert pc.expr == ("or", ("not", ("and", ("iod_requires", (0x00200037,)),
                                      ("iod_requires", (0x00200032,)))),
                       ("not", ("iod_requires", (0x00480102,))))


def test_the_patient_orientation_fix_joins_its_cases_with_and() -> None:
    from dicomkit.generated import modules

    table = modules.attribute_table("C.7-9")
    assert table is not None
    [row] = [r for r in table[3] if r[2] == 0x00200020]
    assert row[6][0] == "and" and row[6][1][0] == "not"


# ----------------------------------------------------------------------------- modules and groups

def _modules(ref: str) -> tuple[str, str] | None:
    """A stand-in for the reader's module resolver (tested on PS3.3 in test_part03_iods)."""
    return {"Section C.7.6.4b": ("module_present", "C.7-12b"),
            "Palette Color Lookup Table Module": ("module_present", "C.7-22"),
            "Derivation Image Functional Group (Section C.7.6.16.2.6)": ("group_present", "C.7.6.16-7"),
            "Referenced Image Functional Group (Section C.7.6.16.2.5)": ("group_present", "C.7.6.16-6"),
            "Pixel Measures Functional Group Macro": ("group_present", "C.7.6.16-2"),
            "Plane Position (Patient) Functional Group Macro": ("group_present", "C.7.6.16-4"),
            }.get(ref)


@pytest.mark.parametrize(("text", "expected"), [
    # PS3.3 A.47-1 (Contrast/Bolus Usage), A.33.8-1, A.51-1, A.75-1: Usage cells as written
    ("C - Required if the Section C.7.6.4b is present.", ("module_present", "C.7-12b")),
    ("C - Required if the Palette Color Lookup Table Module is not present",
     ("not", ("module_present", "C.7-22"))),
    ("C - Required if Derivation Image Functional Group (Section C.7.6.16.2.6) is not present. "
     "May be present otherwise.", ("not", ("group_present", "C.7.6.16-7"))),
    ("C - Required if Referenced Image Functional Group (Section C.7.6.16.2.5) or Derivation "
     "Image Functional Group (Section C.7.6.16.2.6) is present.",
     ("or", ("group_present", "C.7.6.16-6"), ("group_present", "C.7.6.16-7"))),
    ("C - Required if Pixel Presentation (0008,9205) equals COLOR_RANGE and the Section C.7.6.4b "
     "is not present", ("and", ("equals", (0x00089205,), ("COLOR_RANGE",), None),
                        ("not", ("module_present", "C.7-12b")))),
    # PS3.3 A.36-2 ff. (Enhanced MR Image IOD): functional group macros by name
    ("C - Required if Pixel Measures or Plane Position (Patient) Functional Group Macros Present",
     ("or", ("group_present", "C.7.6.16-2"), ("group_present", "C.7.6.16-4"))),
    ("C - Required if Plane Position (Patient) Macros Present",
     ("group_present", "C.7.6.16-4")),
])
def test_module_and_group_presence_reads_with_a_module_resolver(text: str, expected: Any) -> None:
    assert parse_condition(text, NAMES.get, _modules).expr == expected
    # without a module resolver (attribute conditions) the sentence stays prose
    assert parse_condition(text, NAMES.get).expr is None


def test_a_module_reference_the_resolver_does_not_know_stays_prose() -> None:
    pc = parse_condition("C - Required if the Section C.99.1 is present.", NAMES.get, _modules)
    assert pc.expr is None and pc.unparsed
    # one unknown functional group name leaves the whole list prose
    pc = parse_condition("C - Required if Pixel Measures or Plane Orientation (Patient) Macros "
                         "Present", NAMES.get, _modules)
    assert pc.expr is None and pc.unparsed


def test_a_section_qualifier_of_an_attribute_is_dropped() -> None:
    """PS3.3 A.53-1 ff.: "Pixel Presentation (0008,9205) in the Section C.8.13.1 equals COLOR
    or MIXED" names the top-level attribute of that module."""
    pc = parse_condition("C - Required if Pixel Presentation (0008,9205) in the Section C.8.13.1 "
                         "equals COLOR or MIXED.", NAMES.get)
    assert pc.expr == ("equals", (0x00089205,), ("COLOR", "MIXED"), None)


def test_a_condition_with_a_prose_case_is_partly_read() -> None:
    pc = parse_condition("Required for first Item of Control Point Sequence (300A,0111), or if "
                         "Gantry Angle changes during Beam.", NAMES.get)
    assert pc.evaluable and pc.partly
    assert not parse_condition("Required if Modality (0008,0060) is CT.", NAMES.get).partly
    # "changes during Beam" alone is no condition the parser reads
    assert parse_condition("Required if Gantry Angle changes during Beam.", NAMES.get).expr is None


# ----------------------------------------------------------------------------- session of 2026-12-06

CP = {"Modality": 0x00080060, "Image Type": 0x00080008, "Table Column Number": 0x00720032,
      "RT Control Point Index": 0x300A0600}


@pytest.mark.parametrize("text", [
    # both connectives after commas: which groups first is not said
    "Required if Modality (0008,0060) is CT, and Image Type (0008,0008) Value 1 is ORIGINAL, or "
    "Table Column Number (0072,0032) is present.",
    # a comma before one "and" but not before the other
    "Required if Modality (0008,0060) is CT and Image Type (0008,0008) Value 1 is ORIGINAL, and "
    "Table Column Number (0072,0032) is present or Modality (0008,0060) is MR.",
    # a bare comma listing clauses beside the two connectives
    "Required if Modality (0008,0060) is CT, Image Type (0008,0008) Value 1 is ORIGINAL or "
    "Table Column Number (0072,0032) is present, and Modality (0008,0060) is MR.",
])
def test_and_with_or_stays_prose_unless_one_comma_sets_them_apart(text: str) -> None:
    parsed = parse_condition(text, CP.get)
    assert parsed.expr is None and parsed.unparsed


def test_the_comma_groups_the_other_connective_first() -> None:
    ct, original, column = (("equals", (0x00080060,), ("CT",), None),
                            ("equals", (0x00080008,), ("ORIGINAL",), 1),
                            ("present", (0x00720032,)))
    assert parse_condition("Required if Modality (0008,0060) is CT or Image Type (0008,0008) "
                           "Value 1 is ORIGINAL, and Table Column Number (0072,0032) is present.",
                           CP.get).expr == ("and", ("or", ct, original), column)
    assert parse_condition("Required if Modality (0008,0060) is CT, or if Image Type (0008,0008) "
                           "Value 1 is ORIGINAL and Table Column Number (0072,0032) is present.",
                           CP.get).expr == ("or", ct, ("and", original, column))


def test_the_rt_control_point_section_reads_as_first_point_or_prose() -> None:
    """PS3.3 C.36.2.2.5.1.1: the first Item has RT Control Point Index (300A,0600) 1; a change of
    value in the other Items is not shown by one Item (prose)."""
    pc = parse_condition("Required if the conditions in Section C.36.2.2.5.1.1 are satisfied.",
                         CP.get)
    assert pc.expr == ("or", ("equals", (0x300A0600,), (1,), None),
                       ("prose", "the conditions in Section C.36.2.2.5.1.1 are satisfied"))
    assert pc.partly
    # without the attribute name in the resolver, or for another section: prose
    assert parse_condition("Required if the conditions in Section C.36.2.2.5.1.1 are "
                           "satisfied.", NAMES.get).expr is None
    assert parse_condition("Required if the conditions in Section C.36.2.2.5.1.2 are "
                           "satisfied.", CP.get).expr is None


def test_control_point_0_and_required_comma_if() -> None:
    names = {"Control Point Delivery Sequence": 0x30080040, "Modality": 0x00080060}
    pc = parse_condition("Required for Control Point 0 of Control Point Delivery Sequence "
                         "(3008,0040) or if Gantry Angle changes during beam administration.",
                         names.get)
    assert pc.expr == ("or", ("first_item", (0x30080040,)),
                       ("prose", "Gantry Angle changes during beam administration"))
    assert parse_condition("Required, if Modality (0008,0060) equals CT.", names.get).expr == \
        ("equals", (0x00080060,), ("CT",), None)


def test_is_used_is_presence_of_an_attribute_only() -> None:
    assert parse_condition("C - Required if Modality (0008,0060) is used.", NAMES.get).expr == \
        ("present", (0x00080060,))
    # a use that is not an attribute's stays prose
    assert parse_condition("C - Required if rotational catheter is used.", NAMES.get).expr is None
    assert parse_condition("Required if Modality (0008,0060) is used as a dimension index.",
                           NAMES.get).expr is None


def test_a_clause_the_census_places_outside_the_data_set_is_kept_as_prose() -> None:
    """PS3.3 C.7-1: Patient Species Description "Required if the Patient is a non-human organism
    and if Patient Species Code Sequence (0010,2202) is not present": the first clause is a fact
    no data set shows (census subject-nature), the second is read."""
    names = {"Patient Species Code Sequence": 0x00102202}
    pc = parse_condition("Required if the Patient is a non-human organism and if Patient Species "
                         "Code Sequence (0010,2202) is not present. May be present otherwise.",
                         names.get)
    assert pc.expr == ("and", ("prose", "the Patient is a non-human organism"),
                       ("absent", (0x00102202,)))
    assert pc.partly and pc.otherwise == "may"
    # a condition of such clauses only is not read at all (it stays in the census)
    pc = parse_condition("Required if the Patient is a non-human organism and the right eye is "
                         "measured.", names.get)
    assert pc.expr is None and pc.unparsed
    # a clause with no census phrase is not taken for prose
    assert parse_condition("Required if the Patient is a cat and if Patient Species Code "
                           "Sequence (0010,2202) is not present.", names.get).expr is None
