"""dicomkit.generated.transfer_syntaxes: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.5 2026c (docbook) https://dicom.nema.org/medical/dicom/2026c/source/docbook/part05/part05.xml
    sha256 4dfd7b8cbc7c368b7cf03e9c4b8a0773bed91266fcdb0bbf8ed634b7287cacca
    Section A, Section A.4
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table A-1, Table A-2, Table A-3, Table A-4
"""

from __future__ import annotations

from typing import Final, NamedTuple


class TransferSyntax(NamedTuple):
    """A transfer syntax and how it encodes a data set (PS3.5 Annex A)."""

    uid: str
    name: str
    keyword: str
    implicit_vr: bool
    little_endian: bool
    #: pixel data in fragments (PS3.5 A.4)
    encapsulated: bool
    #: the whole data set deflated (PS3.5 A.5)
    deflated: bool
    #: pixel data referenced through JPIP, not present
    referenced: bool
    #: True lossless, False lossy, None either
    lossless: bool | None
    retired: bool
    #: the PS3.5 section specifying it
    section: str


TRANSFER_SYNTAXES: Final[dict[str, TransferSyntax]] = {
    '1.2.840.10008.1.2': TransferSyntax(
        '1.2.840.10008.1.2', 'Implicit VR Little Endian: Default Transfer Syntax for DICOM', 'ImplicitVRLittleEndian',
        implicit_vr=True, little_endian=True, encapsulated=False,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.1'),
    '1.2.840.10008.1.2.1': TransferSyntax(
        '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', 'ExplicitVRLittleEndian',
        implicit_vr=False, little_endian=True, encapsulated=False,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.2'),
    '1.2.840.10008.1.2.1.98': TransferSyntax(
        '1.2.840.10008.1.2.1.98', 'Encapsulated Uncompressed Explicit VR Little Endian', 'EncapsulatedUncompressedExplicitVRLittleEndian',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.11'),
    '1.2.840.10008.1.2.1.99': TransferSyntax(
        '1.2.840.10008.1.2.1.99', 'Deflated Explicit VR Little Endian', 'DeflatedExplicitVRLittleEndian',
        implicit_vr=False, little_endian=True, encapsulated=False,
        deflated=True, referenced=False, lossless=True, retired=False,
        section='A.5'),
    '1.2.840.10008.1.2.2': TransferSyntax(
        '1.2.840.10008.1.2.2', 'Explicit VR Big Endian (Retired)', 'ExplicitVRBigEndian',
        implicit_vr=False, little_endian=False, encapsulated=False,
        deflated=False, referenced=False, lossless=True, retired=True,
        section='A.3'),
    '1.2.840.10008.1.2.4.50': TransferSyntax(
        '1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1): Default Transfer Syntax for Lossy JPEG 8 Bit Image Compression', 'JPEGBaseline8Bit',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.1'),
    '1.2.840.10008.1.2.4.51': TransferSyntax(
        '1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 & 4): Default Transfer Syntax for Lossy JPEG 12 Bit Image Compression (Process 4 only)', 'JPEGExtended12Bit',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.1'),
    '1.2.840.10008.1.2.4.57': TransferSyntax(
        '1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)', 'JPEGLossless',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.1'),
    '1.2.840.10008.1.2.4.70': TransferSyntax(
        '1.2.840.10008.1.2.4.70', 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]): Default Transfer Syntax for Lossless JPEG Image Compression', 'JPEGLosslessSV1',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.1'),
    '1.2.840.10008.1.2.4.80': TransferSyntax(
        '1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless Image Compression', 'JPEGLSLossless',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.3'),
    '1.2.840.10008.1.2.4.81': TransferSyntax(
        '1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless) Image Compression', 'JPEGLSNearLossless',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.3'),
    '1.2.840.10008.1.2.4.90': TransferSyntax(
        '1.2.840.10008.1.2.4.90', 'JPEG 2000 Image Compression (Lossless Only)', 'JPEG2000Lossless',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.4'),
    '1.2.840.10008.1.2.4.91': TransferSyntax(
        '1.2.840.10008.1.2.4.91', 'JPEG 2000 Image Compression', 'JPEG2000',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=None, retired=False,
        section='A.4.4'),
    '1.2.840.10008.1.2.4.92': TransferSyntax(
        '1.2.840.10008.1.2.4.92', 'JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)', 'JPEG2000MCLossless',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.4'),
    '1.2.840.10008.1.2.4.93': TransferSyntax(
        '1.2.840.10008.1.2.4.93', 'JPEG 2000 Part 2 Multi-component Image Compression', 'JPEG2000MC',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=None, retired=False,
        section='A.4.4'),
    '1.2.840.10008.1.2.4.94': TransferSyntax(
        '1.2.840.10008.1.2.4.94', 'JPIP Referenced', 'JPIPReferenced',
        implicit_vr=False, little_endian=True, encapsulated=False,
        deflated=False, referenced=True, lossless=True, retired=False,
        section='A.6'),
    '1.2.840.10008.1.2.4.95': TransferSyntax(
        '1.2.840.10008.1.2.4.95', 'JPIP Referenced Deflate', 'JPIPReferencedDeflate',
        implicit_vr=False, little_endian=True, encapsulated=False,
        deflated=True, referenced=True, lossless=True, retired=False,
        section='A.7'),
    '1.2.840.10008.1.2.4.100': TransferSyntax(
        '1.2.840.10008.1.2.4.100', 'MPEG2 Main Profile / Main Level', 'MPEG2MPML',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.5'),
    '1.2.840.10008.1.2.4.100.1': TransferSyntax(
        '1.2.840.10008.1.2.4.100.1', 'Fragmentable MPEG2 Main Profile / Main Level', 'MPEG2MPMLF',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.5'),
    '1.2.840.10008.1.2.4.101': TransferSyntax(
        '1.2.840.10008.1.2.4.101', 'MPEG2 Main Profile / High Level', 'MPEG2MPHL',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.5'),
    '1.2.840.10008.1.2.4.101.1': TransferSyntax(
        '1.2.840.10008.1.2.4.101.1', 'Fragmentable MPEG2 Main Profile / High Level', 'MPEG2MPHLF',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.5'),
    '1.2.840.10008.1.2.4.102': TransferSyntax(
        '1.2.840.10008.1.2.4.102', 'MPEG-4 AVC/H.264 High Profile / Level 4.1', 'MPEG4HP41',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.6'),
    '1.2.840.10008.1.2.4.102.1': TransferSyntax(
        '1.2.840.10008.1.2.4.102.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1', 'MPEG4HP41F',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.6'),
    '1.2.840.10008.1.2.4.103': TransferSyntax(
        '1.2.840.10008.1.2.4.103', 'MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', 'MPEG4HP41BD',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.6'),
    '1.2.840.10008.1.2.4.103.1': TransferSyntax(
        '1.2.840.10008.1.2.4.103.1', 'Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', 'MPEG4HP41BDF',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.6'),
    '1.2.840.10008.1.2.4.104': TransferSyntax(
        '1.2.840.10008.1.2.4.104', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', 'MPEG4HP422D',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.7'),
    '1.2.840.10008.1.2.4.104.1': TransferSyntax(
        '1.2.840.10008.1.2.4.104.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', 'MPEG4HP422DF',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.7'),
    '1.2.840.10008.1.2.4.105': TransferSyntax(
        '1.2.840.10008.1.2.4.105', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', 'MPEG4HP423D',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.7'),
    '1.2.840.10008.1.2.4.105.1': TransferSyntax(
        '1.2.840.10008.1.2.4.105.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', 'MPEG4HP423DF',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.7'),
    '1.2.840.10008.1.2.4.106': TransferSyntax(
        '1.2.840.10008.1.2.4.106', 'MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', 'MPEG4HP42STEREO',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.8'),
    '1.2.840.10008.1.2.4.106.1': TransferSyntax(
        '1.2.840.10008.1.2.4.106.1', 'Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', 'MPEG4HP42STEREOF',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.8'),
    '1.2.840.10008.1.2.4.107': TransferSyntax(
        '1.2.840.10008.1.2.4.107', 'HEVC/H.265 Main Profile / Level 5.1', 'HEVCMP51',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.9'),
    '1.2.840.10008.1.2.4.108': TransferSyntax(
        '1.2.840.10008.1.2.4.108', 'HEVC/H.265 Main 10 Profile / Level 5.1', 'HEVCM10P51',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=False, retired=False,
        section='A.4.10'),
    '1.2.840.10008.1.2.4.110': TransferSyntax(
        '1.2.840.10008.1.2.4.110', 'JPEG XL Image Compression', '',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.12'),
    '1.2.840.10008.1.2.4.111': TransferSyntax(
        '1.2.840.10008.1.2.4.111', 'JPEG XL Image Compression', '',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=None, retired=False,
        section='A.4.12'),
    '1.2.840.10008.1.2.4.112': TransferSyntax(
        '1.2.840.10008.1.2.4.112', 'JPEG XL Image Compression', '',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=None, retired=False,
        section='A.4.12'),
    '1.2.840.10008.1.2.4.201': TransferSyntax(
        '1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', 'HTJ2KLossless',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.4'),
    '1.2.840.10008.1.2.4.202': TransferSyntax(
        '1.2.840.10008.1.2.4.202', 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)', 'HTJ2KLosslessRPCL',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.4'),
    '1.2.840.10008.1.2.4.203': TransferSyntax(
        '1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000 Image Compression', 'HTJ2K',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=None, retired=False,
        section='A.4.4'),
    '1.2.840.10008.1.2.4.204': TransferSyntax(
        '1.2.840.10008.1.2.4.204', 'JPIP HTJ2K Referenced', 'JPIPHTJ2KReferenced',
        implicit_vr=False, little_endian=True, encapsulated=False,
        deflated=False, referenced=True, lossless=True, retired=False,
        section='A.11'),
    '1.2.840.10008.1.2.4.205': TransferSyntax(
        '1.2.840.10008.1.2.4.205', 'JPIP HTJ2K Referenced Deflate', 'JPIPHTJ2KReferencedDeflate',
        implicit_vr=False, little_endian=True, encapsulated=False,
        deflated=True, referenced=True, lossless=True, retired=False,
        section='A.12'),
    '1.2.840.10008.1.2.5': TransferSyntax(
        '1.2.840.10008.1.2.5', 'RLE Lossless', 'RLELossless',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.2'),
    '1.2.840.10008.1.2.7.1': TransferSyntax(
        '1.2.840.10008.1.2.7.1', 'SMPTE ST 2110-20 Uncompressed Progressive Active Video', 'SMPTEST211020UncompressedProgressiveActiveVideo',
        implicit_vr=False, little_endian=True, encapsulated=False,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.8'),
    '1.2.840.10008.1.2.7.2': TransferSyntax(
        '1.2.840.10008.1.2.7.2', 'SMPTE ST 2110-20 Uncompressed Interlaced Active Video', 'SMPTEST211020UncompressedInterlacedActiveVideo',
        implicit_vr=False, little_endian=True, encapsulated=False,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.9'),
    '1.2.840.10008.1.2.7.3': TransferSyntax(
        '1.2.840.10008.1.2.7.3', 'SMPTE ST 2110-30 PCM Digital Audio', 'SMPTEST211030PCMDigitalAudio',
        implicit_vr=False, little_endian=True, encapsulated=False,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.10'),
    '1.2.840.10008.1.2.8.1': TransferSyntax(
        '1.2.840.10008.1.2.8.1', 'Deflated Image Frame Compression', '',
        implicit_vr=False, little_endian=True, encapsulated=True,
        deflated=False, referenced=False, lossless=True, retired=False,
        section='A.4.13'),
}

#: keyword -> UID, for the syntaxes the registry gives a keyword
BY_KEYWORD: Final[dict[str, str]] = {
    'DeflatedExplicitVRLittleEndian': '1.2.840.10008.1.2.1.99',
    'EncapsulatedUncompressedExplicitVRLittleEndian': '1.2.840.10008.1.2.1.98',
    'ExplicitVRBigEndian': '1.2.840.10008.1.2.2',
    'ExplicitVRLittleEndian': '1.2.840.10008.1.2.1',
    'HEVCM10P51': '1.2.840.10008.1.2.4.108',
    'HEVCMP51': '1.2.840.10008.1.2.4.107',
    'HTJ2K': '1.2.840.10008.1.2.4.203',
    'HTJ2KLossless': '1.2.840.10008.1.2.4.201',
    'HTJ2KLosslessRPCL': '1.2.840.10008.1.2.4.202',
    'ImplicitVRLittleEndian': '1.2.840.10008.1.2',
    'JPEG2000': '1.2.840.10008.1.2.4.91',
    'JPEG2000Lossless': '1.2.840.10008.1.2.4.90',
    'JPEG2000MC': '1.2.840.10008.1.2.4.93',
    'JPEG2000MCLossless': '1.2.840.10008.1.2.4.92',
    'JPEGBaseline8Bit': '1.2.840.10008.1.2.4.50',
    'JPEGExtended12Bit': '1.2.840.10008.1.2.4.51',
    'JPEGLossless': '1.2.840.10008.1.2.4.57',
    'JPEGLosslessSV1': '1.2.840.10008.1.2.4.70',
    'JPEGLSLossless': '1.2.840.10008.1.2.4.80',
    'JPEGLSNearLossless': '1.2.840.10008.1.2.4.81',
    'JPIPHTJ2KReferenced': '1.2.840.10008.1.2.4.204',
    'JPIPHTJ2KReferencedDeflate': '1.2.840.10008.1.2.4.205',
    'JPIPReferenced': '1.2.840.10008.1.2.4.94',
    'JPIPReferencedDeflate': '1.2.840.10008.1.2.4.95',
    'MPEG2MPHL': '1.2.840.10008.1.2.4.101',
    'MPEG2MPHLF': '1.2.840.10008.1.2.4.101.1',
    'MPEG2MPML': '1.2.840.10008.1.2.4.100',
    'MPEG2MPMLF': '1.2.840.10008.1.2.4.100.1',
    'MPEG4HP41': '1.2.840.10008.1.2.4.102',
    'MPEG4HP41BD': '1.2.840.10008.1.2.4.103',
    'MPEG4HP41BDF': '1.2.840.10008.1.2.4.103.1',
    'MPEG4HP41F': '1.2.840.10008.1.2.4.102.1',
    'MPEG4HP422D': '1.2.840.10008.1.2.4.104',
    'MPEG4HP422DF': '1.2.840.10008.1.2.4.104.1',
    'MPEG4HP423D': '1.2.840.10008.1.2.4.105',
    'MPEG4HP423DF': '1.2.840.10008.1.2.4.105.1',
    'MPEG4HP42STEREO': '1.2.840.10008.1.2.4.106',
    'MPEG4HP42STEREOF': '1.2.840.10008.1.2.4.106.1',
    'RLELossless': '1.2.840.10008.1.2.5',
    'SMPTEST211020UncompressedInterlacedActiveVideo': '1.2.840.10008.1.2.7.2',
    'SMPTEST211020UncompressedProgressiveActiveVideo': '1.2.840.10008.1.2.7.1',
    'SMPTEST211030PCMDigitalAudio': '1.2.840.10008.1.2.7.3',
}
