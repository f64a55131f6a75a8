"""dicomkit.generated.uids: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table A-1, Table A-2, Table A-3, Table A-4, Table B.1-1
"""

from __future__ import annotations

from typing import Final

#: Every registered UID (PS3.6 Table A-1, and the frames of reference of Table A-2):
#: value -> (name, keyword, type, part, retired).  Names are as written
#: ("Implicit VR Little Endian: Default Transfer Syntax for DICOM"); keyword is "" in
#: editions without the column.
UIDS: Final[dict[str, tuple[str, str, str, str, bool]]] = {
    '1.2.840.10008.1.1': ('Verification SOP Class', 'Verification', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.1.2': ('Implicit VR Little Endian: Default Transfer Syntax for DICOM', 'ImplicitVRLittleEndian', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.1': ('Explicit VR Little Endian', 'ExplicitVRLittleEndian', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.1.98': ('Encapsulated Uncompressed Explicit VR Little Endian', 'EncapsulatedUncompressedExplicitVRLittleEndian', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.1.99': ('Deflated Explicit VR Little Endian', 'DeflatedExplicitVRLittleEndian', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.2': ('Explicit VR Big Endian (Retired)', 'ExplicitVRBigEndian', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.50': ('JPEG Baseline (Process 1): Default Transfer Syntax for Lossy JPEG 8 Bit Image Compression', 'JPEGBaseline8Bit', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.51': ('JPEG Extended (Process 2 & 4): Default Transfer Syntax for Lossy JPEG 12 Bit Image Compression (Process 4 only)', 'JPEGExtended12Bit', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.52': ('JPEG Extended (Process 3 & 5) (Retired)', 'JPEGExtended35', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.53': ('JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8) (Retired)', 'JPEGSpectralSelectionNonHierarchical68', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.54': ('JPEG Spectral Selection, Non-Hierarchical (Process 7 & 9) (Retired)', 'JPEGSpectralSelectionNonHierarchical79', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.55': ('JPEG Full Progression, Non-Hierarchical (Process 10 & 12) (Retired)', 'JPEGFullProgressionNonHierarchical1012', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.56': ('JPEG Full Progression, Non-Hierarchical (Process 11 & 13) (Retired)', 'JPEGFullProgressionNonHierarchical1113', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.57': ('JPEG Lossless, Non-Hierarchical (Process 14)', 'JPEGLossless', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.58': ('JPEG Lossless, Non-Hierarchical (Process 15) (Retired)', 'JPEGLosslessNonHierarchical15', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.59': ('JPEG Extended, Hierarchical (Process 16 & 18) (Retired)', 'JPEGExtendedHierarchical1618', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.60': ('JPEG Extended, Hierarchical (Process 17 & 19) (Retired)', 'JPEGExtendedHierarchical1719', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.61': ('JPEG Spectral Selection, Hierarchical (Process 20 & 22) (Retired)', 'JPEGSpectralSelectionHierarchical2022', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.62': ('JPEG Spectral Selection, Hierarchical (Process 21 & 23) (Retired)', 'JPEGSpectralSelectionHierarchical2123', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.63': ('JPEG Full Progression, Hierarchical (Process 24 & 26) (Retired)', 'JPEGFullProgressionHierarchical2426', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.64': ('JPEG Full Progression, Hierarchical (Process 25 & 27) (Retired)', 'JPEGFullProgressionHierarchical2527', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.65': ('JPEG Lossless, Hierarchical (Process 28) (Retired)', 'JPEGLosslessHierarchical28', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.66': ('JPEG Lossless, Hierarchical (Process 29) (Retired)', 'JPEGLosslessHierarchical29', 'Transfer Syntax', 'PS3.5', True),
    '1.2.840.10008.1.2.4.70': ('JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]): Default Transfer Syntax for Lossless JPEG Image Compression', 'JPEGLosslessSV1', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.80': ('JPEG-LS Lossless Image Compression', 'JPEGLSLossless', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.81': ('JPEG-LS Lossy (Near-Lossless) Image Compression', 'JPEGLSNearLossless', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.90': ('JPEG 2000 Image Compression (Lossless Only)', 'JPEG2000Lossless', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.91': ('JPEG 2000 Image Compression', 'JPEG2000', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.92': ('JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)', 'JPEG2000MCLossless', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.93': ('JPEG 2000 Part 2 Multi-component Image Compression', 'JPEG2000MC', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.94': ('JPIP Referenced', 'JPIPReferenced', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.95': ('JPIP Referenced Deflate', 'JPIPReferencedDeflate', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.100': ('MPEG2 Main Profile / Main Level', 'MPEG2MPML', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.100.1': ('Fragmentable MPEG2 Main Profile / Main Level', 'MPEG2MPMLF', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.101': ('MPEG2 Main Profile / High Level', 'MPEG2MPHL', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.101.1': ('Fragmentable MPEG2 Main Profile / High Level', 'MPEG2MPHLF', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.102': ('MPEG-4 AVC/H.264 High Profile / Level 4.1', 'MPEG4HP41', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.102.1': ('Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1', 'MPEG4HP41F', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.103': ('MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', 'MPEG4HP41BD', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.103.1': ('Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', 'MPEG4HP41BDF', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.104': ('MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', 'MPEG4HP422D', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.104.1': ('Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', 'MPEG4HP422DF', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.105': ('MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', 'MPEG4HP423D', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.105.1': ('Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', 'MPEG4HP423DF', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.106': ('MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', 'MPEG4HP42STEREO', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.106.1': ('Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', 'MPEG4HP42STEREOF', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.107': ('HEVC/H.265 Main Profile / Level 5.1', 'HEVCMP51', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.108': ('HEVC/H.265 Main 10 Profile / Level 5.1', 'HEVCM10P51', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.201': ('High-Throughput JPEG 2000 Image Compression (Lossless Only)', 'HTJ2KLossless', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.202': ('High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)', 'HTJ2KLosslessRPCL', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.203': ('High-Throughput JPEG 2000 Image Compression', 'HTJ2K', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.204': ('JPIP HTJ2K Referenced', 'JPIPHTJ2KReferenced', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.4.205': ('JPIP HTJ2K Referenced Deflate', 'JPIPHTJ2KReferencedDeflate', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.5': ('RLE Lossless', 'RLELossless', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.6.1': ('RFC 2557 MIME encapsulation (Retired)', 'RFC2557MIMEEncapsulation', 'Transfer Syntax', 'PS3.10', True),
    '1.2.840.10008.1.2.6.2': ('XML Encoding (Retired)', 'XMLEncoding', 'Transfer Syntax', 'PS3.10', True),
    '1.2.840.10008.1.2.7.1': ('SMPTE ST 2110-20 Uncompressed Progressive Active Video', 'SMPTEST211020UncompressedProgressiveActiveVideo', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.7.2': ('SMPTE ST 2110-20 Uncompressed Interlaced Active Video', 'SMPTEST211020UncompressedInterlacedActiveVideo', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.2.7.3': ('SMPTE ST 2110-30 PCM Digital Audio', 'SMPTEST211030PCMDigitalAudio', 'Transfer Syntax', 'PS3.5', False),
    '1.2.840.10008.1.3.10': ('Media Storage Directory Storage', 'MediaStorageDirectoryStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.1.4.1.1': ('Talairach Brain Atlas Frame of Reference', 'TalairachBrainAtlas', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.2': ('SPM2 T1 Frame of Reference', 'SPM2T1', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.3': ('SPM2 T2 Frame of Reference', 'SPM2T2', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.4': ('SPM2 PD Frame of Reference', 'SPM2PD', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.5': ('SPM2 EPI Frame of Reference', 'SPM2EPI', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.6': ('SPM2 FIL T1 Frame of Reference', 'SPM2FILT1', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.7': ('SPM2 PET Frame of Reference', 'SPM2PET', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.8': ('SPM2 TRANSM Frame of Reference', 'SPM2TRANSM', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.9': ('SPM2 SPECT Frame of Reference', 'SPM2SPECT', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.10': ('SPM2 GRAY Frame of Reference', 'SPM2GRAY', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.11': ('SPM2 WHITE Frame of Reference', 'SPM2WHITE', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.12': ('SPM2 CSF Frame of Reference', 'SPM2CSF', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.13': ('SPM2 BRAINMASK Frame of Reference', 'SPM2BRAINMASK', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.14': ('SPM2 AVG305T1 Frame of Reference', 'SPM2AVG305T1', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.15': ('SPM2 AVG152T1 Frame of Reference', 'SPM2AVG152T1', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.16': ('SPM2 AVG152T2 Frame of Reference', 'SPM2AVG152T2', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.17': ('SPM2 AVG152PD Frame of Reference', 'SPM2AVG152PD', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.1.18': ('SPM2 SINGLESUBJT1 Frame of Reference', 'SPM2SINGLESUBJT1', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.2.1': ('ICBM 452 T1 Frame of Reference', 'ICBM452T1', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.2.2': ('ICBM Single Subject MRI Frame of Reference', 'ICBMSingleSubjectMRI', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.3.1': ('IEC 61217 Fixed Coordinate System Frame of Reference', 'IEC61217FixedCoordinateSystem', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.3.2': ('Standard Robotic-Arm Coordinate System Frame of Reference', 'StandardRoboticArmCoordinateSystem', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.3.3': ('IEC 61217 Table Top Coordinate System Frame of Reference', 'IEC61217TableTopCoordinateSystem', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.4.1': ('SRI24 Frame of Reference', 'SRI24', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.5.1': ('Colin27 Frame of Reference', 'Colin27', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.6.1': ('LPBA40/AIR Frame of Reference', 'LPBA40AIR', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.6.2': ('LPBA40/FLIRT Frame of Reference', 'LPBA40FLIRT', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.4.6.3': ('LPBA40/SPM5 Frame of Reference', 'LPBA40SPM5', 'Well-known frame of reference', '', False),
    '1.2.840.10008.1.5.1': ('Hot Iron Color Palette SOP Instance', 'HotIronPalette', 'Well-known SOP Instance', 'PS3.6', False),
    '1.2.840.10008.1.5.2': ('PET Color Palette SOP Instance', 'PETPalette', 'Well-known SOP Instance', 'PS3.6', False),
    '1.2.840.10008.1.5.3': ('Hot Metal Blue Color Palette SOP Instance', 'HotMetalBluePalette', 'Well-known SOP Instance', 'PS3.6', False),
    '1.2.840.10008.1.5.4': ('PET 20 Step Color Palette SOP Instance', 'PET20StepPalette', 'Well-known SOP Instance', 'PS3.6', False),
    '1.2.840.10008.1.5.5': ('Spring Color Palette SOP Instance', 'SpringPalette', 'Well-known SOP Instance', 'PS3.6', False),
    '1.2.840.10008.1.5.6': ('Summer Color Palette SOP Instance', 'SummerPalette', 'Well-known SOP Instance', 'PS3.6', False),
    '1.2.840.10008.1.5.7': ('Fall Color Palette SOP Instance', 'FallPalette', 'Well-known SOP Instance', 'PS3.6', False),
    '1.2.840.10008.1.5.8': ('Winter Color Palette SOP Instance', 'WinterPalette', 'Well-known SOP Instance', 'PS3.6', False),
    '1.2.840.10008.1.9': ('Basic Study Content Notification SOP Class (Retired)', 'BasicStudyContentNotification', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.1.20': ('Papyrus 3 Implicit VR Little Endian (Retired)', 'Papyrus3ImplicitVRLittleEndian', 'Transfer Syntax', '', True),
    '1.2.840.10008.1.20.1': ('Storage Commitment Push Model SOP Class', 'StorageCommitmentPushModel', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.1.20.1.1': ('Storage Commitment Push Model SOP Instance', 'StorageCommitmentPushModelInstance', 'Well-known SOP Instance', 'PS3.4', False),
    '1.2.840.10008.1.20.2': ('Storage Commitment Pull Model SOP Class (Retired)', 'StorageCommitmentPullModel', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.1.20.2.1': ('Storage Commitment Pull Model SOP Instance (Retired)', 'StorageCommitmentPullModelInstance', 'Well-known SOP Instance', 'PS3.4', True),
    '1.2.840.10008.1.40': ('Procedural Event Logging SOP Class', 'ProceduralEventLogging', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.1.40.1': ('Procedural Event Logging SOP Instance', 'ProceduralEventLoggingInstance', 'Well-known SOP Instance', 'PS3.4', False),
    '1.2.840.10008.1.42': ('Substance Administration Logging SOP Class', 'SubstanceAdministrationLogging', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.1.42.1': ('Substance Administration Logging SOP Instance', 'SubstanceAdministrationLoggingInstance', 'Well-known SOP Instance', 'PS3.4', False),
    '1.2.840.10008.2.6.1': ('DICOM UID Registry', 'DCMUID', 'DICOM UIDs as a Coding Scheme', 'PS3.6', False),
    '1.2.840.10008.2.16.4': ('DICOM Controlled Terminology', 'DCM', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.5': ('Adult Mouse Anatomy Ontology', 'MA', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.6': ('Uberon Ontology', 'UBERON', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.7': ('Integrated Taxonomic Information System (ITIS) Taxonomic Serial Number (TSN)', 'ITIS_TSN', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.8': ('Mouse Genome Initiative (MGI)', 'MGI', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.9': ('PubChem Compound CID', 'PUBCHEM_CID', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.10': ('Dublin Core', 'DC', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.11': ('New York University Melanoma Clinical Cooperative Group', 'NYUMCCG', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.12': ('Mayo Clinic Non-radiological Images Specific Body Structure Anatomical Surface Region Guide', 'MAYONRISBSASRG', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.13': ('Image Biomarker Standardisation Initiative', 'IBSI', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.14': ('Radiomics Ontology', 'RO', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.15': ('RadElement', 'RADELEMENT', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.16': ('ICD-11', 'I11', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.17': ('Unified numbering system (UNS) for metals and alloys', 'UNS', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.2.16.18': ('Research Resource Identification', 'RRID', 'Coding Scheme', 'PS3.16', False),
    '1.2.840.10008.3.1.1.1': ('DICOM Application Context Name', 'DICOMApplicationContext', 'Application Context Name', 'PS3.7', False),
    '1.2.840.10008.3.1.2.1.1': ('Detached Patient Management SOP Class (Retired)', 'DetachedPatientManagement', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.3.1.2.1.4': ('Detached Patient Management Meta SOP Class (Retired)', 'DetachedPatientManagementMeta', 'Meta SOP Class', 'PS3.4', True),
    '1.2.840.10008.3.1.2.2.1': ('Detached Visit Management SOP Class (Retired)', 'DetachedVisitManagement', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.3.1.2.3.1': ('Detached Study Management SOP Class (Retired)', 'DetachedStudyManagement', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.3.1.2.3.2': ('Study Component Management SOP Class (Retired)', 'StudyComponentManagement', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.3.1.2.3.3': ('Modality Performed Procedure Step SOP Class', 'ModalityPerformedProcedureStep', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.3.1.2.3.4': ('Modality Performed Procedure Step Retrieve SOP Class', 'ModalityPerformedProcedureStepRetrieve', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.3.1.2.3.5': ('Modality Performed Procedure Step Notification SOP Class', 'ModalityPerformedProcedureStepNotification', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.3.1.2.5.1': ('Detached Results Management SOP Class (Retired)', 'DetachedResultsManagement', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.3.1.2.5.4': ('Detached Results Management Meta SOP Class (Retired)', 'DetachedResultsManagementMeta', 'Meta SOP Class', 'PS3.4', True),
    '1.2.840.10008.3.1.2.5.5': ('Detached Study Management Meta SOP Class (Retired)', 'DetachedStudyManagementMeta', 'Meta SOP Class', 'PS3.4', True),
    '1.2.840.10008.3.1.2.6.1': ('Detached Interpretation Management SOP Class (Retired)', 'DetachedInterpretationManagement', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.4.2': ('Storage Service Class', 'Storage', 'Service Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.1': ('Basic Film Session SOP Class', 'BasicFilmSession', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.2': ('Basic Film Box SOP Class', 'BasicFilmBox', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.4': ('Basic Grayscale Image Box SOP Class', 'BasicGrayscaleImageBox', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.4.1': ('Basic Color Image Box SOP Class', 'BasicColorImageBox', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.4.2': ('Referenced Image Box SOP Class (Retired)', 'ReferencedImageBox', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.9': ('Basic Grayscale Print Management Meta SOP Class', 'BasicGrayscalePrintManagementMeta', 'Meta SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.9.1': ('Referenced Grayscale Print Management Meta SOP Class (Retired)', 'ReferencedGrayscalePrintManagementMeta', 'Meta SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.14': ('Print Job SOP Class', 'PrintJob', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.15': ('Basic Annotation Box SOP Class', 'BasicAnnotationBox', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.16': ('Printer SOP Class', 'Printer', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.16.376': ('Printer Configuration Retrieval SOP Class', 'PrinterConfigurationRetrieval', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.17': ('Printer SOP Instance', 'PrinterInstance', 'Well-known SOP Instance', 'PS3.4', False),
    '1.2.840.10008.5.1.1.17.376': ('Printer Configuration Retrieval SOP Instance', 'PrinterConfigurationRetrievalInstance', 'Well-known SOP Instance', 'PS3.4', False),
    '1.2.840.10008.5.1.1.18': ('Basic Color Print Management Meta SOP Class', 'BasicColorPrintManagementMeta', 'Meta SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.18.1': ('Referenced Color Print Management Meta SOP Class (Retired)', 'ReferencedColorPrintManagementMeta', 'Meta SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.22': ('VOI LUT Box SOP Class', 'VOILUTBox', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.23': ('Presentation LUT SOP Class', 'PresentationLUT', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.24': ('Image Overlay Box SOP Class (Retired)', 'ImageOverlayBox', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.24.1': ('Basic Print Image Overlay Box SOP Class (Retired)', 'BasicPrintImageOverlayBox', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.25': ('Print Queue SOP Instance (Retired)', 'PrintQueueInstance', 'Well-known SOP Instance', 'PS3.4', True),
    '1.2.840.10008.5.1.1.26': ('Print Queue Management SOP Class (Retired)', 'PrintQueueManagement', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.27': ('Stored Print Storage SOP Class (Retired)', 'StoredPrintStorage', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.29': ('Hardcopy Grayscale Image Storage SOP Class (Retired)', 'HardcopyGrayscaleImageStorage', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.30': ('Hardcopy Color Image Storage SOP Class (Retired)', 'HardcopyColorImageStorage', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.31': ('Pull Print Request SOP Class (Retired)', 'PullPrintRequest', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.32': ('Pull Stored Print Management Meta SOP Class (Retired)', 'PullStoredPrintManagementMeta', 'Meta SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.1.33': ('Media Creation Management SOP Class UID', 'MediaCreationManagement', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.40': ('Display System SOP Class', 'DisplaySystem', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.1.40.1': ('Display System SOP Instance', 'DisplaySystemInstance', 'Well-known SOP Instance', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.1': ('Computed Radiography Image Storage', 'ComputedRadiographyImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.1.1': ('Digital X-Ray Image Storage - For Presentation', 'DigitalXRayImageStorageForPresentation', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.1.1.1': ('Digital X-Ray Image Storage - For Processing', 'DigitalXRayImageStorageForProcessing', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.1.2': ('Digital Mammography X-Ray Image Storage - For Presentation', 'DigitalMammographyXRayImageStorageForPresentation', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.1.2.1': ('Digital Mammography X-Ray Image Storage - For Processing', 'DigitalMammographyXRayImageStorageForProcessing', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.1.3': ('Digital Intra-Oral X-Ray Image Storage - For Presentation', 'DigitalIntraOralXRayImageStorageForPresentation', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.1.3.1': ('Digital Intra-Oral X-Ray Image Storage - For Processing', 'DigitalIntraOralXRayImageStorageForProcessing', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.2': ('CT Image Storage', 'CTImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.2.1': ('Enhanced CT Image Storage', 'EnhancedCTImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.2.2': ('Legacy Converted Enhanced CT Image Storage', 'LegacyConvertedEnhancedCTImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.3': ('Ultrasound Multi-frame Image Storage (Retired)', 'UltrasoundMultiFrameImageStorageRetired', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.3.1': ('Ultrasound Multi-frame Image Storage', 'UltrasoundMultiFrameImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.4': ('MR Image Storage', 'MRImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.4.1': ('Enhanced MR Image Storage', 'EnhancedMRImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.4.2': ('MR Spectroscopy Storage', 'MRSpectroscopyStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.4.3': ('Enhanced MR Color Image Storage', 'EnhancedMRColorImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.4.4': ('Legacy Converted Enhanced MR Image Storage', 'LegacyConvertedEnhancedMRImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.5': ('Nuclear Medicine Image Storage (Retired)', 'NuclearMedicineImageStorageRetired', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.6': ('Ultrasound Image Storage (Retired)', 'UltrasoundImageStorageRetired', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.6.1': ('Ultrasound Image Storage', 'UltrasoundImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.6.2': ('Enhanced US Volume Storage', 'EnhancedUSVolumeStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.6.3': ('Photoacoustic Image Storage', 'PhotoacousticImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.7': ('Secondary Capture Image Storage', 'SecondaryCaptureImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.7.1': ('Multi-frame Single Bit Secondary Capture Image Storage', 'MultiFrameSingleBitSecondaryCaptureImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.7.2': ('Multi-frame Grayscale Byte Secondary Capture Image Storage', 'MultiFrameGrayscaleByteSecondaryCaptureImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.7.3': ('Multi-frame Grayscale Word Secondary Capture Image Storage', 'MultiFrameGrayscaleWordSecondaryCaptureImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.7.4': ('Multi-frame True Color Secondary Capture Image Storage', 'MultiFrameTrueColorSecondaryCaptureImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.8': ('Standalone Overlay Storage (Retired)', 'StandaloneOverlayStorage', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.9': ('Standalone Curve Storage (Retired)', 'StandaloneCurveStorage', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.9.1': ('Waveform Storage - Trial (Retired)', 'WaveformStorageTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.9.1.1': ('12-lead ECG Waveform Storage', 'TwelveLeadECGWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.1.2': ('General ECG Waveform Storage', 'GeneralECGWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.1.3': ('Ambulatory ECG Waveform Storage', 'AmbulatoryECGWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.1.4': ('General 32-bit ECG Waveform Storage', 'General32bitECGWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.2.1': ('Hemodynamic Waveform Storage', 'HemodynamicWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.3.1': ('Cardiac Electrophysiology Waveform Storage', 'CardiacElectrophysiologyWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.4.1': ('Basic Voice Audio Waveform Storage', 'BasicVoiceAudioWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.4.2': ('General Audio Waveform Storage', 'GeneralAudioWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.5.1': ('Arterial Pulse Waveform Storage', 'ArterialPulseWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.6.1': ('Respiratory Waveform Storage', 'RespiratoryWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.6.2': ('Multi-channel Respiratory Waveform Storage', 'MultichannelRespiratoryWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.7.1': ('Routine Scalp Electroencephalogram Waveform Storage', 'RoutineScalpElectroencephalogramWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.7.2': ('Electromyogram Waveform Storage', 'ElectromyogramWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.7.3': ('Electrooculogram Waveform Storage', 'ElectrooculogramWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.7.4': ('Sleep Electroencephalogram Waveform Storage', 'SleepElectroencephalogramWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.9.8.1': ('Body Position Waveform Storage', 'BodyPositionWaveformStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.10': ('Standalone Modality LUT Storage (Retired)', 'StandaloneModalityLUTStorage', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.11': ('Standalone VOI LUT Storage (Retired)', 'StandaloneVOILUTStorage', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.11.1': ('Grayscale Softcopy Presentation State Storage', 'GrayscaleSoftcopyPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.2': ('Color Softcopy Presentation State Storage', 'ColorSoftcopyPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.3': ('Pseudo-Color Softcopy Presentation State Storage', 'PseudoColorSoftcopyPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.4': ('Blending Softcopy Presentation State Storage', 'BlendingSoftcopyPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.5': ('XA/XRF Grayscale Softcopy Presentation State Storage', 'XAXRFGrayscaleSoftcopyPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.6': ('Grayscale Planar MPR Volumetric Presentation State Storage', 'GrayscalePlanarMPRVolumetricPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.7': ('Compositing Planar MPR Volumetric Presentation State Storage', 'CompositingPlanarMPRVolumetricPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.8': ('Advanced Blending Presentation State Storage', 'AdvancedBlendingPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.9': ('Volume Rendering Volumetric Presentation State Storage', 'VolumeRenderingVolumetricPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.10': ('Segmented Volume Rendering Volumetric Presentation State Storage', 'SegmentedVolumeRenderingVolumetricPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.11': ('Multiple Volume Rendering Volumetric Presentation State Storage', 'MultipleVolumeRenderingVolumetricPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.11.12': ('Variable Modality LUT Softcopy Presentation State Storage', 'VariableModalityLUTSoftcopyPresentationStateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.12.1': ('X-Ray Angiographic Image Storage', 'XRayAngiographicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.12.1.1': ('Enhanced XA Image Storage', 'EnhancedXAImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.12.2': ('X-Ray Radiofluoroscopic Image Storage', 'XRayRadiofluoroscopicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.12.2.1': ('Enhanced XRF Image Storage', 'EnhancedXRFImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.12.3': ('X-Ray Angiographic Bi-Plane Image Storage (Retired)', 'XRayAngiographicBiPlaneImageStorage', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.12.77': ('(Retired)', '', 'SOP Class', '', True),
    '1.2.840.10008.5.1.4.1.1.13.1.1': ('X-Ray 3D Angiographic Image Storage', 'XRay3DAngiographicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.13.1.2': ('X-Ray 3D Craniofacial Image Storage', 'XRay3DCraniofacialImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.13.1.3': ('Breast Tomosynthesis Image Storage', 'BreastTomosynthesisImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.13.1.4': ('Breast Projection X-Ray Image Storage - For Presentation', 'BreastProjectionXRayImageStorageForPresentation', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.13.1.5': ('Breast Projection X-Ray Image Storage - For Processing', 'BreastProjectionXRayImageStorageForProcessing', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.14.1': ('Intravascular Optical Coherence Tomography Image Storage - For Presentation', 'IntravascularOpticalCoherenceTomographyImageStorageForPresentation', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.14.2': ('Intravascular Optical Coherence Tomography Image Storage - For Processing', 'IntravascularOpticalCoherenceTomographyImageStorageForProcessing', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.20': ('Nuclear Medicine Image Storage', 'NuclearMedicineImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.30': ('Parametric Map Storage', 'ParametricMapStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.40': ('(Retired)', '', 'SOP Class', '', True),
    '1.2.840.10008.5.1.4.1.1.66': ('Raw Data Storage', 'RawDataStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.66.1': ('Spatial Registration Storage', 'SpatialRegistrationStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.66.2': ('Spatial Fiducials Storage', 'SpatialFiducialsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.66.3': ('Deformable Spatial Registration Storage', 'DeformableSpatialRegistrationStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.66.4': ('Segmentation Storage', 'SegmentationStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.66.5': ('Surface Segmentation Storage', 'SurfaceSegmentationStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.66.6': ('Tractography Results Storage', 'TractographyResultsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.67': ('Real World Value Mapping Storage', 'RealWorldValueMappingStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.68.1': ('Surface Scan Mesh Storage', 'SurfaceScanMeshStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.68.2': ('Surface Scan Point Cloud Storage', 'SurfaceScanPointCloudStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1': ('VL Image Storage - Trial (Retired)', 'VLImageStorageTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.77.1.1': ('VL Endoscopic Image Storage', 'VLEndoscopicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.1.1': ('Video Endoscopic Image Storage', 'VideoEndoscopicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.2': ('VL Microscopic Image Storage', 'VLMicroscopicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.2.1': ('Video Microscopic Image Storage', 'VideoMicroscopicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.3': ('VL Slide-Coordinates Microscopic Image Storage', 'VLSlideCoordinatesMicroscopicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.4': ('VL Photographic Image Storage', 'VLPhotographicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.4.1': ('Video Photographic Image Storage', 'VideoPhotographicImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.5.1': ('Ophthalmic Photography 8 Bit Image Storage', 'OphthalmicPhotography8BitImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.5.2': ('Ophthalmic Photography 16 Bit Image Storage', 'OphthalmicPhotography16BitImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.5.3': ('Stereometric Relationship Storage', 'StereometricRelationshipStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.5.4': ('Ophthalmic Tomography Image Storage', 'OphthalmicTomographyImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.5.5': ('Wide Field Ophthalmic Photography Stereographic Projection Image Storage', 'WideFieldOphthalmicPhotographyStereographicProjectionImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.5.6': ('Wide Field Ophthalmic Photography 3D Coordinates Image Storage', 'WideFieldOphthalmicPhotography3DCoordinatesImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.5.7': ('Ophthalmic Optical Coherence Tomography En Face Image Storage', 'OphthalmicOpticalCoherenceTomographyEnFaceImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.5.8': ('Ophthalmic Optical Coherence Tomography B-scan Volume Analysis Storage', 'OphthalmicOpticalCoherenceTomographyBscanVolumeAnalysisStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.6': ('VL Whole Slide Microscopy Image Storage', 'VLWholeSlideMicroscopyImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.7': ('Dermoscopic Photography Image Storage', 'DermoscopicPhotographyImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.8': ('Confocal Microscopy Image Storage', 'ConfocalMicroscopyImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.1.9': ('Confocal Microscopy Tiled Pyramidal Image Storage', 'ConfocalMicroscopyTiledPyramidalImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.77.2': ('VL Multi-frame Image Storage - Trial (Retired)', 'VLMultiFrameImageStorageTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.78.1': ('Lensometry Measurements Storage', 'LensometryMeasurementsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.78.2': ('Autorefraction Measurements Storage', 'AutorefractionMeasurementsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.78.3': ('Keratometry Measurements Storage', 'KeratometryMeasurementsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.78.4': ('Subjective Refraction Measurements Storage', 'SubjectiveRefractionMeasurementsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.78.5': ('Visual Acuity Measurements Storage', 'VisualAcuityMeasurementsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.78.6': ('Spectacle Prescription Report Storage', 'SpectaclePrescriptionReportStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.78.7': ('Ophthalmic Axial Measurements Storage', 'OphthalmicAxialMeasurementsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.78.8': ('Intraocular Lens Calculations Storage', 'IntraocularLensCalculationsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.79.1': ('Macular Grid Thickness and Volume Report Storage', 'MacularGridThicknessAndVolumeReportStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.80.1': ('Ophthalmic Visual Field Static Perimetry Measurements Storage', 'OphthalmicVisualFieldStaticPerimetryMeasurementsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.81.1': ('Ophthalmic Thickness Map Storage', 'OphthalmicThicknessMapStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.82.1': ('Corneal Topography Map Storage', 'CornealTopographyMapStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.1': ('Text SR Storage - Trial (Retired)', 'TextSRStorageTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.88.2': ('Audio SR Storage - Trial (Retired)', 'AudioSRStorageTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.88.3': ('Detail SR Storage - Trial (Retired)', 'DetailSRStorageTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.88.4': ('Comprehensive SR Storage - Trial (Retired)', 'ComprehensiveSRStorageTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.88.11': ('Basic Text SR Storage', 'BasicTextSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.22': ('Enhanced SR Storage', 'EnhancedSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.33': ('Comprehensive SR Storage', 'ComprehensiveSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.34': ('Comprehensive 3D SR Storage', 'Comprehensive3DSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.35': ('Extensible SR Storage', 'ExtensibleSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.40': ('Procedure Log Storage', 'ProcedureLogStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.50': ('Mammography CAD SR Storage', 'MammographyCADSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.59': ('Key Object Selection Document Storage', 'KeyObjectSelectionDocumentStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.65': ('Chest CAD SR Storage', 'ChestCADSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.67': ('X-Ray Radiation Dose SR Storage', 'XRayRadiationDoseSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.68': ('Radiopharmaceutical Radiation Dose SR Storage', 'RadiopharmaceuticalRadiationDoseSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.69': ('Colon CAD SR Storage', 'ColonCADSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.70': ('Implantation Plan SR Storage', 'ImplantationPlanSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.71': ('Acquisition Context SR Storage', 'AcquisitionContextSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.72': ('Simplified Adult Echo SR Storage', 'SimplifiedAdultEchoSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.73': ('Patient Radiation Dose SR Storage', 'PatientRadiationDoseSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.74': ('Planned Imaging Agent Administration SR Storage', 'PlannedImagingAgentAdministrationSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.75': ('Performed Imaging Agent Administration SR Storage', 'PerformedImagingAgentAdministrationSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.76': ('Enhanced X-Ray Radiation Dose SR Storage', 'EnhancedXRayRadiationDoseSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.88.77': ('Waveform Annotation SR Storage', 'WaveformAnnotationSRStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.90.1': ('Content Assessment Results Storage', 'ContentAssessmentResultsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.91.1': ('Microscopy Bulk Simple Annotations Storage', 'MicroscopyBulkSimpleAnnotationsStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.104.1': ('Encapsulated PDF Storage', 'EncapsulatedPDFStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.104.2': ('Encapsulated CDA Storage', 'EncapsulatedCDAStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.104.3': ('Encapsulated STL Storage', 'EncapsulatedSTLStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.104.4': ('Encapsulated OBJ Storage', 'EncapsulatedOBJStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.104.5': ('Encapsulated MTL Storage', 'EncapsulatedMTLStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.128': ('Positron Emission Tomography Image Storage', 'PositronEmissionTomographyImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.128.1': ('Legacy Converted Enhanced PET Image Storage', 'LegacyConvertedEnhancedPETImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.129': ('Standalone PET Curve Storage (Retired)', 'StandalonePETCurveStorage', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.1.130': ('Enhanced PET Image Storage', 'EnhancedPETImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.131': ('Basic Structured Display Storage', 'BasicStructuredDisplayStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.200.1': ('CT Defined Procedure Protocol Storage', 'CTDefinedProcedureProtocolStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.200.2': ('CT Performed Procedure Protocol Storage', 'CTPerformedProcedureProtocolStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.200.3': ('Protocol Approval Storage', 'ProtocolApprovalStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.200.4': ('Protocol Approval Information Model - FIND', 'ProtocolApprovalInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.200.5': ('Protocol Approval Information Model - MOVE', 'ProtocolApprovalInformationModelMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.200.6': ('Protocol Approval Information Model - GET', 'ProtocolApprovalInformationModelGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.200.7': ('XA Defined Procedure Protocol Storage', 'XADefinedProcedureProtocolStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.200.8': ('XA Performed Procedure Protocol Storage', 'XAPerformedProcedureProtocolStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.201.1': ('Inventory Storage', 'InventoryStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.201.1.1': ('Storage Management SOP Instance', 'StorageManagementInstance', 'Well-known SOP Instance', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.201.2': ('Inventory - FIND', 'InventoryFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.201.3': ('Inventory - MOVE', 'InventoryMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.201.4': ('Inventory - GET', 'InventoryGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.201.5': ('Inventory Creation', 'InventoryCreation', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.201.6': ('Repository Query', 'RepositoryQuery', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.1': ('RT Image Storage', 'RTImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.2': ('RT Dose Storage', 'RTDoseStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.3': ('RT Structure Set Storage', 'RTStructureSetStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.4': ('RT Beams Treatment Record Storage', 'RTBeamsTreatmentRecordStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.5': ('RT Plan Storage', 'RTPlanStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.6': ('RT Brachy Treatment Record Storage', 'RTBrachyTreatmentRecordStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.7': ('RT Treatment Summary Record Storage', 'RTTreatmentSummaryRecordStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.8': ('RT Ion Plan Storage', 'RTIonPlanStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.9': ('RT Ion Beams Treatment Record Storage', 'RTIonBeamsTreatmentRecordStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.10': ('RT Physician Intent Storage', 'RTPhysicianIntentStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.11': ('RT Segment Annotation Storage', 'RTSegmentAnnotationStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.12': ('RT Radiation Set Storage', 'RTRadiationSetStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.13': ('C-Arm Photon-Electron Radiation Storage', 'CArmPhotonElectronRadiationStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.14': ('Tomotherapeutic Radiation Storage', 'TomotherapeuticRadiationStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.15': ('Robotic-Arm Radiation Storage', 'RoboticArmRadiationStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.16': ('RT Radiation Record Set Storage', 'RTRadiationRecordSetStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.17': ('RT Radiation Salvage Record Storage', 'RTRadiationSalvageRecordStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.18': ('Tomotherapeutic Radiation Record Storage', 'TomotherapeuticRadiationRecordStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.19': ('C-Arm Photon-Electron Radiation Record Storage', 'CArmPhotonElectronRadiationRecordStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.20': ('Robotic Radiation Record Storage', 'RoboticRadiationRecordStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.21': ('RT Radiation Set Delivery Instruction Storage', 'RTRadiationSetDeliveryInstructionStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.22': ('RT Treatment Preparation Storage', 'RTTreatmentPreparationStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.23': ('Enhanced RT Image Storage', 'EnhancedRTImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.24': ('Enhanced Continuous RT Image Storage', 'EnhancedContinuousRTImageStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.481.25': ('RT Patient Position Acquisition Instruction Storage', 'RTPatientPositionAcquisitionInstructionStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.1.501.1': ('DICOS CT Image Storage', 'DICOSCTImageStorage', 'SOP Class', 'DICOS', False),
    '1.2.840.10008.5.1.4.1.1.501.2.1': ('DICOS Digital X-Ray Image Storage - For Presentation', 'DICOSDigitalXRayImageStorageForPresentation', 'SOP Class', 'DICOS', False),
    '1.2.840.10008.5.1.4.1.1.501.2.2': ('DICOS Digital X-Ray Image Storage - For Processing', 'DICOSDigitalXRayImageStorageForProcessing', 'SOP Class', 'DICOS', False),
    '1.2.840.10008.5.1.4.1.1.501.3': ('DICOS Threat Detection Report Storage', 'DICOSThreatDetectionReportStorage', 'SOP Class', 'DICOS', False),
    '1.2.840.10008.5.1.4.1.1.501.4': ('DICOS 2D AIT Storage', 'DICOS2DAITStorage', 'SOP Class', 'DICOS', False),
    '1.2.840.10008.5.1.4.1.1.501.5': ('DICOS 3D AIT Storage', 'DICOS3DAITStorage', 'SOP Class', 'DICOS', False),
    '1.2.840.10008.5.1.4.1.1.501.6': ('DICOS Quadrupole Resonance (QR) Storage', 'DICOSQuadrupoleResonanceStorage', 'SOP Class', 'DICOS', False),
    '1.2.840.10008.5.1.4.1.1.601.1': ('Eddy Current Image Storage', 'EddyCurrentImageStorage', 'SOP Class', 'DICONDE ASTM E2934', False),
    '1.2.840.10008.5.1.4.1.1.601.2': ('Eddy Current Multi-frame Image Storage', 'EddyCurrentMultiFrameImageStorage', 'SOP Class', 'DICONDE ASTM E2934', False),
    '1.2.840.10008.5.1.4.1.2.1.1': ('Patient Root Query/Retrieve Information Model - FIND', 'PatientRootQueryRetrieveInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.2.1.2': ('Patient Root Query/Retrieve Information Model - MOVE', 'PatientRootQueryRetrieveInformationModelMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.2.1.3': ('Patient Root Query/Retrieve Information Model - GET', 'PatientRootQueryRetrieveInformationModelGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.2.2.1': ('Study Root Query/Retrieve Information Model - FIND', 'StudyRootQueryRetrieveInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.2.2.2': ('Study Root Query/Retrieve Information Model - MOVE', 'StudyRootQueryRetrieveInformationModelMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.2.2.3': ('Study Root Query/Retrieve Information Model - GET', 'StudyRootQueryRetrieveInformationModelGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.2.3.1': ('Patient/Study Only Query/Retrieve Information Model - FIND (Retired)', 'PatientStudyOnlyQueryRetrieveInformationModelFind', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.2.3.2': ('Patient/Study Only Query/Retrieve Information Model - MOVE (Retired)', 'PatientStudyOnlyQueryRetrieveInformationModelMove', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.2.3.3': ('Patient/Study Only Query/Retrieve Information Model - GET (Retired)', 'PatientStudyOnlyQueryRetrieveInformationModelGet', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.1.2.4.2': ('Composite Instance Root Retrieve - MOVE', 'CompositeInstanceRootRetrieveMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.2.4.3': ('Composite Instance Root Retrieve - GET', 'CompositeInstanceRootRetrieveGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.1.2.5.3': ('Composite Instance Retrieve Without Bulk Data - GET', 'CompositeInstanceRetrieveWithoutBulkDataGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.20.1': ('Defined Procedure Protocol Information Model - FIND', 'DefinedProcedureProtocolInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.20.2': ('Defined Procedure Protocol Information Model - MOVE', 'DefinedProcedureProtocolInformationModelMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.20.3': ('Defined Procedure Protocol Information Model - GET', 'DefinedProcedureProtocolInformationModelGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.31': ('Modality Worklist Information Model - FIND', 'ModalityWorklistInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.32': ('General Purpose Worklist Management Meta SOP Class (Retired)', 'GeneralPurposeWorklistManagementMeta', 'Meta SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.32.1': ('General Purpose Worklist Information Model - FIND (Retired)', 'GeneralPurposeWorklistInformationModelFind', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.32.2': ('General Purpose Scheduled Procedure Step SOP Class (Retired)', 'GeneralPurposeScheduledProcedureStep', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.32.3': ('General Purpose Performed Procedure Step SOP Class (Retired)', 'GeneralPurposePerformedProcedureStep', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.33': ('Instance Availability Notification SOP Class', 'InstanceAvailabilityNotification', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.1': ('RT Beams Delivery Instruction Storage - Trial (Retired)', 'RTBeamsDeliveryInstructionStorageTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.34.2': ('RT Conventional Machine Verification - Trial (Retired)', 'RTConventionalMachineVerificationTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.34.3': ('RT Ion Machine Verification - Trial (Retired)', 'RTIonMachineVerificationTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.34.4': ('Unified Worklist and Procedure Step Service Class - Trial (Retired)', 'UnifiedWorklistAndProcedureStepTrial', 'Service Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.34.4.1': ('Unified Procedure Step - Push SOP Class - Trial (Retired)', 'UnifiedProcedureStepPushTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.34.4.2': ('Unified Procedure Step - Watch SOP Class - Trial (Retired)', 'UnifiedProcedureStepWatchTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.34.4.3': ('Unified Procedure Step - Pull SOP Class - Trial (Retired)', 'UnifiedProcedureStepPullTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.34.4.4': ('Unified Procedure Step - Event SOP Class - Trial (Retired)', 'UnifiedProcedureStepEventTrial', 'SOP Class', 'PS3.4', True),
    '1.2.840.10008.5.1.4.34.5': ('UPS Global Subscription SOP Instance', 'UPSGlobalSubscriptionInstance', 'Well-known SOP Instance', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.5.1': ('UPS Filtered Global Subscription SOP Instance', 'UPSFilteredGlobalSubscriptionInstance', 'Well-known SOP Instance', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.6': ('Unified Worklist and Procedure Step Service Class', 'UnifiedWorklistAndProcedureStep', 'Service Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.6.1': ('Unified Procedure Step - Push SOP Class', 'UnifiedProcedureStepPush', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.6.2': ('Unified Procedure Step - Watch SOP Class', 'UnifiedProcedureStepWatch', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.6.3': ('Unified Procedure Step - Pull SOP Class', 'UnifiedProcedureStepPull', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.6.4': ('Unified Procedure Step - Event SOP Class', 'UnifiedProcedureStepEvent', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.6.5': ('Unified Procedure Step - Query SOP Class', 'UnifiedProcedureStepQuery', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.7': ('RT Beams Delivery Instruction Storage', 'RTBeamsDeliveryInstructionStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.8': ('RT Conventional Machine Verification', 'RTConventionalMachineVerification', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.9': ('RT Ion Machine Verification', 'RTIonMachineVerification', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.34.10': ('RT Brachy Application Setup Delivery Instruction Storage', 'RTBrachyApplicationSetupDeliveryInstructionStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.37.1': ('General Relevant Patient Information Query', 'GeneralRelevantPatientInformationQuery', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.37.2': ('Breast Imaging Relevant Patient Information Query', 'BreastImagingRelevantPatientInformationQuery', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.37.3': ('Cardiac Relevant Patient Information Query', 'CardiacRelevantPatientInformationQuery', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.38.1': ('Hanging Protocol Storage', 'HangingProtocolStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.38.2': ('Hanging Protocol Information Model - FIND', 'HangingProtocolInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.38.3': ('Hanging Protocol Information Model - MOVE', 'HangingProtocolInformationModelMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.38.4': ('Hanging Protocol Information Model - GET', 'HangingProtocolInformationModelGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.39.1': ('Color Palette Storage', 'ColorPaletteStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.39.2': ('Color Palette Query/Retrieve Information Model - FIND', 'ColorPaletteQueryRetrieveInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.39.3': ('Color Palette Query/Retrieve Information Model - MOVE', 'ColorPaletteQueryRetrieveInformationModelMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.39.4': ('Color Palette Query/Retrieve Information Model - GET', 'ColorPaletteQueryRetrieveInformationModelGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.41': ('Product Characteristics Query SOP Class', 'ProductCharacteristicsQuery', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.42': ('Substance Approval Query SOP Class', 'SubstanceApprovalQuery', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.43.1': ('Generic Implant Template Storage', 'GenericImplantTemplateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.43.2': ('Generic Implant Template Information Model - FIND', 'GenericImplantTemplateInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.43.3': ('Generic Implant Template Information Model - MOVE', 'GenericImplantTemplateInformationModelMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.43.4': ('Generic Implant Template Information Model - GET', 'GenericImplantTemplateInformationModelGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.44.1': ('Implant Assembly Template Storage', 'ImplantAssemblyTemplateStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.44.2': ('Implant Assembly Template Information Model - FIND', 'ImplantAssemblyTemplateInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.44.3': ('Implant Assembly Template Information Model - MOVE', 'ImplantAssemblyTemplateInformationModelMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.44.4': ('Implant Assembly Template Information Model - GET', 'ImplantAssemblyTemplateInformationModelGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.45.1': ('Implant Template Group Storage', 'ImplantTemplateGroupStorage', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.45.2': ('Implant Template Group Information Model - FIND', 'ImplantTemplateGroupInformationModelFind', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.45.3': ('Implant Template Group Information Model - MOVE', 'ImplantTemplateGroupInformationModelMove', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.5.1.4.45.4': ('Implant Template Group Information Model - GET', 'ImplantTemplateGroupInformationModelGet', 'SOP Class', 'PS3.4', False),
    '1.2.840.10008.7.1.1': ('Native DICOM Model', 'NativeDICOMModel', 'Application Hosting Model', 'PS3.19', False),
    '1.2.840.10008.7.1.2': ('Abstract Multi-Dimensional Image Model', 'AbstractMultiDimensionalImageModel', 'Application Hosting Model', 'PS3.19', False),
    '1.2.840.10008.8.1.1': ('DICOM Content Mapping Resource', 'DICOMContentMappingResource', 'Mapping Resource', 'PS3.16', False),
    '1.2.840.10008.10.1': ('Video Endoscopic Image Real-Time Communication', 'VideoEndoscopicImageRealTimeCommunication', 'SOP Class', 'PS3.22', False),
    '1.2.840.10008.10.2': ('Video Photographic Image Real-Time Communication', 'VideoPhotographicImageRealTimeCommunication', 'SOP Class', 'PS3.22', False),
    '1.2.840.10008.10.3': ('Audio Waveform Real-Time Communication', 'AudioWaveformRealTimeCommunication', 'SOP Class', 'PS3.22', False),
    '1.2.840.10008.10.4': ('Rendition Selection Document Real-Time Communication', 'RenditionSelectionDocumentRealTimeCommunication', 'SOP Class', 'PS3.22', False),
    '1.2.840.10008.15.0.3.1': ('dicomDeviceName', 'dicomDeviceName', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.2': ('dicomDescription', 'dicomDescription', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.3': ('dicomManufacturer', 'dicomManufacturer', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.4': ('dicomManufacturerModelName', 'dicomManufacturerModelName', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.5': ('dicomSoftwareVersion', 'dicomSoftwareVersion', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.6': ('dicomVendorData', 'dicomVendorData', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.7': ('dicomAETitle', 'dicomAETitle', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.8': ('dicomNetworkConnectionReference', 'dicomNetworkConnectionReference', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.9': ('dicomApplicationCluster', 'dicomApplicationCluster', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.10': ('dicomAssociationInitiator', 'dicomAssociationInitiator', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.11': ('dicomAssociationAcceptor', 'dicomAssociationAcceptor', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.12': ('dicomHostname', 'dicomHostname', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.13': ('dicomPort', 'dicomPort', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.14': ('dicomSOPClass', 'dicomSOPClass', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.15': ('dicomTransferRole', 'dicomTransferRole', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.16': ('dicomTransferSyntax', 'dicomTransferSyntax', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.17': ('dicomPrimaryDeviceType', 'dicomPrimaryDeviceType', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.18': ('dicomRelatedDeviceReference', 'dicomRelatedDeviceReference', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.19': ('dicomPreferredCalledAETitle', 'dicomPreferredCalledAETitle', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.20': ('dicomTLSCyphersuite', 'dicomTLSCyphersuite', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.21': ('dicomAuthorizedNodeCertificateReference', 'dicomAuthorizedNodeCertificateReference', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.22': ('dicomThisNodeCertificateReference', 'dicomThisNodeCertificateReference', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.23': ('dicomInstalled', 'dicomInstalled', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.24': ('dicomStationName', 'dicomStationName', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.25': ('dicomDeviceSerialNumber', 'dicomDeviceSerialNumber', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.26': ('dicomInstitutionName', 'dicomInstitutionName', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.27': ('dicomInstitutionAddress', 'dicomInstitutionAddress', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.28': ('dicomInstitutionDepartmentName', 'dicomInstitutionDepartmentName', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.29': ('dicomIssuerOfPatientID', 'dicomIssuerOfPatientID', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.30': ('dicomPreferredCallingAETitle', 'dicomPreferredCallingAETitle', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.3.31': ('dicomSupportedCharacterSet', 'dicomSupportedCharacterSet', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.4.1': ('dicomConfigurationRoot', 'dicomConfigurationRoot', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.4.2': ('dicomDevicesRoot', 'dicomDevicesRoot', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.4.3': ('dicomUniqueAETitlesRegistryRoot', 'dicomUniqueAETitlesRegistryRoot', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.4.4': ('dicomDevice', 'dicomDevice', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.4.5': ('dicomNetworkAE', 'dicomNetworkAE', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.4.6': ('dicomNetworkConnection', 'dicomNetworkConnection', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.4.7': ('dicomUniqueAETitle', 'dicomUniqueAETitle', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.0.4.8': ('dicomTransferCapability', 'dicomTransferCapability', 'LDAP OID', 'PS3.15', False),
    '1.2.840.10008.15.1.1': ('Universal Coordinated Time', 'UTC', 'Synchronization Frame of Reference', 'PS3.3', False),
}

#: Well-known frames of reference (PS3.6 Table A-2): value -> (name, keyword, normative
#: reference).
FRAMES_OF_REFERENCE: Final[dict[str, tuple[str, str, str]]] = {
    '1.2.840.10008.1.4.1.1': ('Talairach Brain Atlas Frame of Reference', 'TalairachBrainAtlas', 'Talairach J. and Tournoux P. Co-Planar stereotactic atlas of the human brain. Stuttgart: Georg Thieme Verlag, 1988.'),
    '1.2.840.10008.1.4.1.2': ('SPM2 T1 Frame of Reference', 'SPM2T1', 'http://github.com/spm/spm2/blob/master/templates/T1.mnc'),
    '1.2.840.10008.1.4.1.3': ('SPM2 T2 Frame of Reference', 'SPM2T2', 'http://github.com/spm/spm2/blob/master/templates/T2.mnc'),
    '1.2.840.10008.1.4.1.4': ('SPM2 PD Frame of Reference', 'SPM2PD', 'http://github.com/spm/spm2/blob/master/templates/PD.mnc'),
    '1.2.840.10008.1.4.1.5': ('SPM2 EPI Frame of Reference', 'SPM2EPI', 'http://github.com/spm/spm2/blob/master/templates/EPI.mnc'),
    '1.2.840.10008.1.4.1.6': ('SPM2 FIL T1 Frame of Reference', 'SPM2FILT1', 'http://github.com/spm/spm2/blob/master/templates/filT1.mnc'),
    '1.2.840.10008.1.4.1.7': ('SPM2 PET Frame of Reference', 'SPM2PET', 'http://github.com/spm/spm2/blob/master/templates/PET.mnc'),
    '1.2.840.10008.1.4.1.8': ('SPM2 TRANSM Frame of Reference', 'SPM2TRANSM', 'http://github.com/spm/spm2/blob/master/templates/Transm.mnc'),
    '1.2.840.10008.1.4.1.9': ('SPM2 SPECT Frame of Reference', 'SPM2SPECT', 'http://github.com/spm/spm2/blob/master/templates/SPECT.mnc'),
    '1.2.840.10008.1.4.1.10': ('SPM2 GRAY Frame of Reference', 'SPM2GRAY', 'http://github.com/spm/spm2/blob/master/apriori/gray.mnc'),
    '1.2.840.10008.1.4.1.11': ('SPM2 WHITE Frame of Reference', 'SPM2WHITE', 'http://github.com/spm/spm2/blob/master/apriori/white.mnc'),
    '1.2.840.10008.1.4.1.12': ('SPM2 CSF Frame of Reference', 'SPM2CSF', 'http://github.com/spm/spm2/blob/master/apriori/csf.mnc'),
    '1.2.840.10008.1.4.1.13': ('SPM2 BRAINMASK Frame of Reference', 'SPM2BRAINMASK', 'http://github.com/spm/spm2/blob/master/apriori/brainmask.mnc'),
    '1.2.840.10008.1.4.1.14': ('SPM2 AVG305T1 Frame of Reference', 'SPM2AVG305T1', 'http://github.com/spm/spm2/blob/master/canonical/avg305T1.mnc'),
    '1.2.840.10008.1.4.1.15': ('SPM2 AVG152T1 Frame of Reference', 'SPM2AVG152T1', 'http://github.com/spm/spm2/blob/master/canonical/avg152T1.mnc'),
    '1.2.840.10008.1.4.1.16': ('SPM2 AVG152T2 Frame of Reference', 'SPM2AVG152T2', 'http://github.com/spm/spm2/blob/master/canonical/avg152T2.mnc'),
    '1.2.840.10008.1.4.1.17': ('SPM2 AVG152PD Frame of Reference', 'SPM2AVG152PD', 'http://github.com/spm/spm2/blob/master/canonical/avg152PD.mnc'),
    '1.2.840.10008.1.4.1.18': ('SPM2 SINGLESUBJT1 Frame of Reference', 'SPM2SINGLESUBJT1', 'http://github.com/spm/spm2/blob/master/canonical/single_subj_T1.mnc'),
    '1.2.840.10008.1.4.2.1': ('ICBM 452 T1 Frame of Reference', 'ICBM452T1', 'ICBM452 T1 Atlas http://resource.loni.usc.edu/atlasfiles/ICBM_452_T1_Atlas_Affine_Transformations.zip'),
    '1.2.840.10008.1.4.2.2': ('ICBM Single Subject MRI Frame of Reference', 'ICBMSingleSubjectMRI', 'ICBM Single Subject MRI Anatomical Template http://resource.loni.usc.edu/atlasfiles/ICBM_Single_Subject_MRI_Anatomical_Template.zip'),
    '1.2.840.10008.1.4.3.1': ('IEC 61217 Fixed Coordinate System Frame of Reference', 'IEC61217FixedCoordinateSystem', 'Fixed coordinate system ("f") of [IEC61217-2] and Section C.36.12.2.1 in PS3.3'),
    '1.2.840.10008.1.4.3.2': ('Standard Robotic-Arm Coordinate System Frame of Reference', 'StandardRoboticArmCoordinateSystem', 'See Section C.36.12.2.2 in PS3.3.'),
    '1.2.840.10008.1.4.3.3': ('IEC 61217 Table Top Coordinate System Frame of Reference', 'IEC61217TableTopCoordinateSystem', 'Table top coordinate system ("t") of [IEC61217-2].'),
    '1.2.840.10008.1.4.4.1': ('SRI24 Frame of Reference', 'SRI24', 'http://www.nitrc.org/projects/sri24/'),
    '1.2.840.10008.1.4.5.1': ('Colin27 Frame of Reference', 'Colin27', 'http://www.bic.mni.mcgill.ca/ServicesAtlases/Colin27'),
    '1.2.840.10008.1.4.6.1': ('LPBA40/AIR Frame of Reference', 'LPBA40AIR', 'http://resource.loni.usc.edu/atlasfiles/LPBA40_AIR_Atlas_NIFTI_format.zip'),
    '1.2.840.10008.1.4.6.2': ('LPBA40/FLIRT Frame of Reference', 'LPBA40FLIRT', 'http://resource.loni.usc.edu/atlasfiles/LPBA40_FLIRT_Atlas_NIFTI_format.zip'),
    '1.2.840.10008.1.4.6.3': ('LPBA40/SPM5 Frame of Reference', 'LPBA40SPM5', 'http://resource.loni.usc.edu/atlasfiles/LPBA40_SPM5_atlas_NIFTI_format.zip'),
}

#: Context group UIDs (PS3.6 Table A-3): CID -> UID.
CONTEXT_GROUP_UIDS: Final[dict[int, str]] = {
    2: '1.2.840.10008.6.1.1',
    4: '1.2.840.10008.6.1.2',
    5: '1.2.840.10008.6.1.3',
    6: '1.2.840.10008.6.1.4',
    7: '1.2.840.10008.6.1.5',
    8: '1.2.840.10008.6.1.6',
    9: '1.2.840.10008.6.1.7',
    10: '1.2.840.10008.6.1.8',
    11: '1.2.840.10008.6.1.9',
    12: '1.2.840.10008.6.1.10',
    13: '1.2.840.10008.6.1.11',
    18: '1.2.840.10008.6.1.12',
    19: '1.2.840.10008.6.1.13',
    20: '1.2.840.10008.6.1.14',
    21: '1.2.840.10008.6.1.15',
    23: '1.2.840.10008.6.1.16',
    25: '1.2.840.10008.6.1.17',
    26: '1.2.840.10008.6.1.18',
    27: '1.2.840.10008.6.1.957',
    29: '1.2.840.10008.6.1.19',
    30: '1.2.840.10008.6.1.20',
    31: '1.2.840.10008.6.1.21',
    32: '1.2.840.10008.6.1.1282',
    33: '1.2.840.10008.6.1.1283',
    42: '1.2.840.10008.6.1.22',
    43: '1.2.840.10008.6.1.1356',
    44: '1.2.840.10008.6.1.1357',
    50: '1.2.840.10008.6.1.811',
    60: '1.2.840.10008.6.1.1250',
    61: '1.2.840.10008.6.1.1251',
    62: '1.2.840.10008.6.1.1252',
    63: '1.2.840.10008.6.1.1253',
    64: '1.2.840.10008.6.1.1254',
    65: '1.2.840.10008.6.1.1255',
    66: '1.2.840.10008.6.1.1256',
    67: '1.2.840.10008.6.1.1257',
    68: '1.2.840.10008.6.1.1258',
    69: '1.2.840.10008.6.1.1259',
    70: '1.2.840.10008.6.1.1260',
    71: '1.2.840.10008.6.1.1261',
    72: '1.2.840.10008.6.1.1262',
    73: '1.2.840.10008.6.1.1263',
    74: '1.2.840.10008.6.1.1264',
    75: '1.2.840.10008.6.1.1265',
    76: '1.2.840.10008.6.1.1266',
    82: '1.2.840.10008.6.1.23',
    83: '1.2.840.10008.6.1.24',
    84: '1.2.840.10008.6.1.1030',
    85: '1.2.840.10008.6.1.984',
    91: '1.2.840.10008.6.1.891',
    92: '1.2.840.10008.6.1.892',
    93: '1.2.840.10008.6.1.893',
    94: '1.2.840.10008.6.1.894',
    100: '1.2.840.10008.6.1.998',
    101: '1.2.840.10008.6.1.1436',
    103: '1.2.840.10008.6.1.1437',
    104: '1.2.840.10008.6.1.1438',
    105: '1.2.840.10008.6.1.1439',
    106: '1.2.840.10008.6.1.1440',
    107: '1.2.840.10008.6.1.1441',
    210: '1.2.840.10008.6.1.1285',
    211: '1.2.840.10008.6.1.1286',
    212: '1.2.840.10008.6.1.1287',
    217: '1.2.840.10008.6.1.1305',
    218: '1.2.840.10008.6.1.1269',
    219: '1.2.840.10008.6.1.1304',
    220: '1.2.840.10008.6.1.25',
    221: '1.2.840.10008.6.1.26',
    222: '1.2.840.10008.6.1.27',
    223: '1.2.840.10008.6.1.28',
    224: '1.2.840.10008.6.1.29',
    225: '1.2.840.10008.6.1.30',
    226: '1.2.840.10008.6.1.31',
    227: '1.2.840.10008.6.1.32',
    228: '1.2.840.10008.6.1.33',
    230: '1.2.840.10008.6.1.34',
    231: '1.2.840.10008.6.1.1064',
    240: '1.2.840.10008.6.1.35',
    241: '1.2.840.10008.6.1.1113',
    242: '1.2.840.10008.6.1.36',
    244: '1.2.840.10008.6.1.37',
    245: '1.2.840.10008.6.1.1267',
    246: '1.2.840.10008.6.1.1279',
    247: '1.2.840.10008.6.1.1284',
    250: '1.2.840.10008.6.1.38',
    251: '1.2.840.10008.6.1.39',
    252: '1.2.840.10008.6.1.735',
    270: '1.2.840.10008.6.1.40',
    271: '1.2.840.10008.6.1.41',
    272: '1.2.840.10008.6.1.1457',
    280: '1.2.840.10008.6.1.1184',
    300: '1.2.840.10008.6.1.1208',
    301: '1.2.840.10008.6.1.1209',
    400: '1.2.840.10008.6.1.903',
    401: '1.2.840.10008.6.1.904',
    402: '1.2.840.10008.6.1.905',
    403: '1.2.840.10008.6.1.906',
    404: '1.2.840.10008.6.1.907',
    405: '1.2.840.10008.6.1.908',
    501: '1.2.840.10008.6.1.1057',
    502: '1.2.840.10008.6.1.1058',
    601: '1.2.840.10008.6.1.1065',
    602: '1.2.840.10008.6.1.1066',
    603: '1.2.840.10008.6.1.1068',
    604: '1.2.840.10008.6.1.1069',
    605: '1.2.840.10008.6.1.1070',
    606: '1.2.840.10008.6.1.1071',
    607: '1.2.840.10008.6.1.1072',
    608: '1.2.840.10008.6.1.1073',
    609: '1.2.840.10008.6.1.1074',
    610: '1.2.840.10008.6.1.1075',
    611: '1.2.840.10008.6.1.1076',
    612: '1.2.840.10008.6.1.1077',
    613: '1.2.840.10008.6.1.1078',
    614: '1.2.840.10008.6.1.1079',
    615: '1.2.840.10008.6.1.1080',
    616: '1.2.840.10008.6.1.1081',
    617: '1.2.840.10008.6.1.1082',
    618: '1.2.840.10008.6.1.1083',
    619: '1.2.840.10008.6.1.1084',
    620: '1.2.840.10008.6.1.1085',
    621: '1.2.840.10008.6.1.1086',
    622: '1.2.840.10008.6.1.1087',
    623: '1.2.840.10008.6.1.1088',
    624: '1.2.840.10008.6.1.1089',
    625: '1.2.840.10008.6.1.1090',
    626: '1.2.840.10008.6.1.1091',
    627: '1.2.840.10008.6.1.1092',
    628: '1.2.840.10008.6.1.1093',
    629: '1.2.840.10008.6.1.1094',
    630: '1.2.840.10008.6.1.1095',
    631: '1.2.840.10008.6.1.1096',
    632: '1.2.840.10008.6.1.1097',
    633: '1.2.840.10008.6.1.1098',
    634: '1.2.840.10008.6.1.1099',
    635: '1.2.840.10008.6.1.1100',
    636: '1.2.840.10008.6.1.1101',
    637: '1.2.840.10008.6.1.1102',
    638: '1.2.840.10008.6.1.1103',
    639: '1.2.840.10008.6.1.1104',
    640: '1.2.840.10008.6.1.1105',
    641: '1.2.840.10008.6.1.1106',
    642: '1.2.840.10008.6.1.1107',
    643: '1.2.840.10008.6.1.1108',
    644: '1.2.840.10008.6.1.1109',
    645: '1.2.840.10008.6.1.1110',
    646: '1.2.840.10008.6.1.1111',
    647: '1.2.840.10008.6.1.1112',
    701: '1.2.840.10008.6.1.1116',
    702: '1.2.840.10008.6.1.1117',
    703: '1.2.840.10008.6.1.1118',
    800: '1.2.840.10008.6.1.1176',
    1000: '1.2.840.10008.6.1.1121',
    1001: '1.2.840.10008.6.1.1122',
    1002: '1.2.840.10008.6.1.1123',
    1003: '1.2.840.10008.6.1.1124',
    1004: '1.2.840.10008.6.1.1125',
    1005: '1.2.840.10008.6.1.1126',
    1006: '1.2.840.10008.6.1.1127',
    1010: '1.2.840.10008.6.1.1128',
    1011: '1.2.840.10008.6.1.1129',
    1015: '1.2.840.10008.6.1.1130',
    1200: '1.2.840.10008.6.1.1131',
    1201: '1.2.840.10008.6.1.1360',
    3000: '1.2.840.10008.6.1.42',
    3001: '1.2.840.10008.6.1.43',
    3003: '1.2.840.10008.6.1.44',
    3004: '1.2.840.10008.6.1.803',
    3005: '1.2.840.10008.6.1.804',
    3010: '1.2.840.10008.6.1.45',
    3011: '1.2.840.10008.6.1.46',
    3014: '1.2.840.10008.6.1.47',
    3015: '1.2.840.10008.6.1.48',
    3016: '1.2.840.10008.6.1.736',
    3019: '1.2.840.10008.6.1.49',
    3020: '1.2.840.10008.6.1.1429',
    3021: '1.2.840.10008.6.1.1430',
    3022: '1.2.840.10008.6.1.1431',
    3030: '1.2.840.10008.6.1.1328',
    3031: '1.2.840.10008.6.1.1329',
    3032: '1.2.840.10008.6.1.1330',
    3033: '1.2.840.10008.6.1.1331',
    3034: '1.2.840.10008.6.1.1332',
    3035: '1.2.840.10008.6.1.1333',
    3036: '1.2.840.10008.6.1.1334',
    3037: '1.2.840.10008.6.1.1335',
    3038: '1.2.840.10008.6.1.1336',
    3039: '1.2.840.10008.6.1.1337',
    3040: '1.2.840.10008.6.1.1338',
    3041: '1.2.840.10008.6.1.1361',
    3042: '1.2.840.10008.6.1.1453',
    3043: '1.2.840.10008.6.1.1454',
    3044: '1.2.840.10008.6.1.1455',
    3045: '1.2.840.10008.6.1.1456',
    3046: '1.2.840.10008.6.1.1484',
    3047: '1.2.840.10008.6.1.1487',
    3048: '1.2.840.10008.6.1.1488',
    3049: '1.2.840.10008.6.1.1489',
    3050: '1.2.840.10008.6.1.1490',
    3082: '1.2.840.10008.6.1.50',
    3083: '1.2.840.10008.6.1.737',
    3090: '1.2.840.10008.6.1.51',
    3101: '1.2.840.10008.6.1.52',
    3102: '1.2.840.10008.6.1.738',
    3104: '1.2.840.10008.6.1.943',
    3106: '1.2.840.10008.6.1.739',
    3107: '1.2.840.10008.6.1.740',
    3108: '1.2.840.10008.6.1.741',
    3110: '1.2.840.10008.6.1.742',
    3111: '1.2.840.10008.6.1.743',
    3112: '1.2.840.10008.6.1.744',
    3113: '1.2.840.10008.6.1.745',
    3114: '1.2.840.10008.6.1.746',
    3115: '1.2.840.10008.6.1.747',
    3116: '1.2.840.10008.6.1.748',
    3117: '1.2.840.10008.6.1.749',
    3118: '1.2.840.10008.6.1.750',
    3119: '1.2.840.10008.6.1.751',
    3120: '1.2.840.10008.6.1.752',
    3121: '1.2.840.10008.6.1.753',
    3122: '1.2.840.10008.6.1.754',
    3200: '1.2.840.10008.6.1.755',
    3201: '1.2.840.10008.6.1.756',
    3202: '1.2.840.10008.6.1.757',
    3203: '1.2.840.10008.6.1.758',
    3204: '1.2.840.10008.6.1.759',
    3205: '1.2.840.10008.6.1.760',
    3206: '1.2.840.10008.6.1.761',
    3207: '1.2.840.10008.6.1.637',
    3208: '1.2.840.10008.6.1.763',
    3209: '1.2.840.10008.6.1.764',
    3210: '1.2.840.10008.6.1.765',
    3211: '1.2.840.10008.6.1.766',
    3212: '1.2.840.10008.6.1.767',
    3213: '1.2.840.10008.6.1.768',
    3215: '1.2.840.10008.6.1.769',
    3217: '1.2.840.10008.6.1.770',
    3220: '1.2.840.10008.6.1.771',
    3221: '1.2.840.10008.6.1.772',
    3227: '1.2.840.10008.6.1.773',
    3228: '1.2.840.10008.6.1.774',
    3229: '1.2.840.10008.6.1.775',
    3230: '1.2.840.10008.6.1.776',
    3231: '1.2.840.10008.6.1.777',
    3232: '1.2.840.10008.6.1.778',
    3233: '1.2.840.10008.6.1.779',
    3234: '1.2.840.10008.6.1.780',
    3235: '1.2.840.10008.6.1.781',
    3236: '1.2.840.10008.6.1.782',
    3237: '1.2.840.10008.6.1.783',
    3238: '1.2.840.10008.6.1.784',
    3239: '1.2.840.10008.6.1.785',
    3240: '1.2.840.10008.6.1.53',
    3241: '1.2.840.10008.6.1.54',
    3250: '1.2.840.10008.6.1.55',
    3254: '1.2.840.10008.6.1.56',
    3261: '1.2.840.10008.6.1.57',
    3262: '1.2.840.10008.6.1.58',
    3263: '1.2.840.10008.6.1.59',
    3264: '1.2.840.10008.6.1.60',
    3271: '1.2.840.10008.6.1.61',
    3335: '1.2.840.10008.6.1.62',
    3337: '1.2.840.10008.6.1.63',
    3339: '1.2.840.10008.6.1.64',
    3400: '1.2.840.10008.6.1.65',
    3401: '1.2.840.10008.6.1.66',
    3402: '1.2.840.10008.6.1.67',
    3403: '1.2.840.10008.6.1.68',
    3404: '1.2.840.10008.6.1.69',
    3405: '1.2.840.10008.6.1.70',
    3406: '1.2.840.10008.6.1.71',
    3407: '1.2.840.10008.6.1.72',
    3408: '1.2.840.10008.6.1.73',
    3409: '1.2.840.10008.6.1.74',
    3410: '1.2.840.10008.6.1.75',
    3411: '1.2.840.10008.6.1.76',
    3412: '1.2.840.10008.6.1.77',
    3413: '1.2.840.10008.6.1.78',
    3414: '1.2.840.10008.6.1.79',
    3415: '1.2.840.10008.6.1.80',
    3416: '1.2.840.10008.6.1.81',
    3418: '1.2.840.10008.6.1.82',
    3419: '1.2.840.10008.6.1.83',
    3421: '1.2.840.10008.6.1.84',
    3422: '1.2.840.10008.6.1.85',
    3423: '1.2.840.10008.6.1.86',
    3425: '1.2.840.10008.6.1.87',
    3426: '1.2.840.10008.6.1.88',
    3427: '1.2.840.10008.6.1.89',
    3428: '1.2.840.10008.6.1.90',
    3429: '1.2.840.10008.6.1.91',
    3430: '1.2.840.10008.6.1.92',
    3440: '1.2.840.10008.6.1.93',
    3441: '1.2.840.10008.6.1.94',
    3442: '1.2.840.10008.6.1.95',
    3446: '1.2.840.10008.6.1.96',
    3448: '1.2.840.10008.6.1.97',
    3451: '1.2.840.10008.6.1.98',
    3452: '1.2.840.10008.6.1.99',
    3453: '1.2.840.10008.6.1.100',
    3455: '1.2.840.10008.6.1.101',
    3456: '1.2.840.10008.6.1.102',
    3458: '1.2.840.10008.6.1.103',
    3460: '1.2.840.10008.6.1.104',
    3461: '1.2.840.10008.6.1.105',
    3462: '1.2.840.10008.6.1.106',
    3463: '1.2.840.10008.6.1.786',
    3465: '1.2.840.10008.6.1.107',
    3466: '1.2.840.10008.6.1.108',
    3467: '1.2.840.10008.6.1.109',
    3468: '1.2.840.10008.6.1.110',
    3469: '1.2.840.10008.6.1.111',
    3470: '1.2.840.10008.6.1.112',
    3471: '1.2.840.10008.6.1.113',
    3472: '1.2.840.10008.6.1.114',
    3480: '1.2.840.10008.6.1.115',
    3481: '1.2.840.10008.6.1.116',
    3482: '1.2.840.10008.6.1.117',
    3483: '1.2.840.10008.6.1.118',
    3484: '1.2.840.10008.6.1.119',
    3485: '1.2.840.10008.6.1.120',
    3486: '1.2.840.10008.6.1.121',
    3487: '1.2.840.10008.6.1.122',
    3488: '1.2.840.10008.6.1.123',
    3489: '1.2.840.10008.6.1.124',
    3491: '1.2.840.10008.6.1.125',
    3492: '1.2.840.10008.6.1.126',
    3493: '1.2.840.10008.6.1.127',
    3494: '1.2.840.10008.6.1.128',
    3495: '1.2.840.10008.6.1.129',
    3496: '1.2.840.10008.6.1.130',
    3497: '1.2.840.10008.6.1.131',
    3500: '1.2.840.10008.6.1.132',
    3502: '1.2.840.10008.6.1.133',
    3503: '1.2.840.10008.6.1.134',
    3510: '1.2.840.10008.6.1.135',
    3515: '1.2.840.10008.6.1.136',
    3520: '1.2.840.10008.6.1.137',
    3524: '1.2.840.10008.6.1.138',
    3525: '1.2.840.10008.6.1.139',
    3526: '1.2.840.10008.6.1.140',
    3527: '1.2.840.10008.6.1.141',
    3528: '1.2.840.10008.6.1.142',
    3529: '1.2.840.10008.6.1.143',
    3530: '1.2.840.10008.6.1.144',
    3531: '1.2.840.10008.6.1.145',
    3550: '1.2.840.10008.6.1.146',
    3551: '1.2.840.10008.6.1.147',
    3552: '1.2.840.10008.6.1.148',
    3553: '1.2.840.10008.6.1.149',
    3554: '1.2.840.10008.6.1.150',
    3555: '1.2.840.10008.6.1.151',
    3560: '1.2.840.10008.6.1.152',
    3600: '1.2.840.10008.6.1.153',
    3602: '1.2.840.10008.6.1.154',
    3604: '1.2.840.10008.6.1.155',
    3606: '1.2.840.10008.6.1.156',
    3607: '1.2.840.10008.6.1.157',
    3608: '1.2.840.10008.6.1.158',
    3609: '1.2.840.10008.6.1.159',
    3610: '1.2.840.10008.6.1.160',
    3611: '1.2.840.10008.6.1.161',
    3612: '1.2.840.10008.6.1.162',
    3613: '1.2.840.10008.6.1.163',
    3614: '1.2.840.10008.6.1.164',
    3615: '1.2.840.10008.6.1.165',
    3616: '1.2.840.10008.6.1.166',
    3617: '1.2.840.10008.6.1.167',
    3618: '1.2.840.10008.6.1.168',
    3619: '1.2.840.10008.6.1.169',
    3620: '1.2.840.10008.6.1.170',
    3621: '1.2.840.10008.6.1.171',
    3627: '1.2.840.10008.6.1.172',
    3628: '1.2.840.10008.6.1.173',
    3629: '1.2.840.10008.6.1.174',
    3630: '1.2.840.10008.6.1.175',
    3640: '1.2.840.10008.6.1.176',
    3641: '1.2.840.10008.6.1.177',
    3642: '1.2.840.10008.6.1.178',
    3651: '1.2.840.10008.6.1.179',
    3663: '1.2.840.10008.6.1.180',
    3664: '1.2.840.10008.6.1.181',
    3666: '1.2.840.10008.6.1.182',
    3667: '1.2.840.10008.6.1.183',
    3668: '1.2.840.10008.6.1.184',
    3670: '1.2.840.10008.6.1.185',
    3671: '1.2.840.10008.6.1.186',
    3672: '1.2.840.10008.6.1.187',
    3673: '1.2.840.10008.6.1.188',
    3675: '1.2.840.10008.6.1.189',
    3676: '1.2.840.10008.6.1.190',
    3677: '1.2.840.10008.6.1.191',
    3678: '1.2.840.10008.6.1.192',
    3679: '1.2.840.10008.6.1.193',
    3680: '1.2.840.10008.6.1.194',
    3681: '1.2.840.10008.6.1.195',
    3682: '1.2.840.10008.6.1.196',
    3683: '1.2.840.10008.6.1.197',
    3684: '1.2.840.10008.6.1.198',
    3685: '1.2.840.10008.6.1.199',
    3686: '1.2.840.10008.6.1.200',
    3687: '1.2.840.10008.6.1.201',
    3688: '1.2.840.10008.6.1.202',
    3689: '1.2.840.10008.6.1.927',
    3690: '1.2.840.10008.6.1.895',
    3691: '1.2.840.10008.6.1.896',
    3692: '1.2.840.10008.6.1.930',
    3700: '1.2.840.10008.6.1.203',
    3701: '1.2.840.10008.6.1.204',
    3703: '1.2.840.10008.6.1.205',
    3704: '1.2.840.10008.6.1.206',
    3705: '1.2.840.10008.6.1.207',
    3706: '1.2.840.10008.6.1.208',
    3707: '1.2.840.10008.6.1.209',
    3709: '1.2.840.10008.6.1.210',
    3710: '1.2.840.10008.6.1.211',
    3711: '1.2.840.10008.6.1.212',
    3712: '1.2.840.10008.6.1.213',
    3713: '1.2.840.10008.6.1.214',
    3714: '1.2.840.10008.6.1.215',
    3715: '1.2.840.10008.6.1.216',
    3716: '1.2.840.10008.6.1.217',
    3717: '1.2.840.10008.6.1.218',
    3718: '1.2.840.10008.6.1.219',
    3719: '1.2.840.10008.6.1.220',
    3720: '1.2.840.10008.6.1.221',
    3721: '1.2.840.10008.6.1.222',
    3722: '1.2.840.10008.6.1.223',
    3723: '1.2.840.10008.6.1.224',
    3724: '1.2.840.10008.6.1.225',
    3726: '1.2.840.10008.6.1.226',
    3727: '1.2.840.10008.6.1.227',
    3728: '1.2.840.10008.6.1.228',
    3729: '1.2.840.10008.6.1.229',
    3730: '1.2.840.10008.6.1.230',
    3733: '1.2.840.10008.6.1.231',
    3735: '1.2.840.10008.6.1.232',
    3736: '1.2.840.10008.6.1.233',
    3737: '1.2.840.10008.6.1.234',
    3738: '1.2.840.10008.6.1.235',
    3739: '1.2.840.10008.6.1.236',
    3740: '1.2.840.10008.6.1.237',
    3741: '1.2.840.10008.6.1.238',
    3742: '1.2.840.10008.6.1.239',
    3743: '1.2.840.10008.6.1.240',
    3744: '1.2.840.10008.6.1.241',
    3745: '1.2.840.10008.6.1.242',
    3746: '1.2.840.10008.6.1.243',
    3747: '1.2.840.10008.6.1.244',
    3748: '1.2.840.10008.6.1.245',
    3749: '1.2.840.10008.6.1.246',
    3750: '1.2.840.10008.6.1.247',
    3752: '1.2.840.10008.6.1.248',
    3754: '1.2.840.10008.6.1.249',
    3755: '1.2.840.10008.6.1.250',
    3756: '1.2.840.10008.6.1.251',
    3757: '1.2.840.10008.6.1.252',
    3758: '1.2.840.10008.6.1.253',
    3760: '1.2.840.10008.6.1.254',
    3761: '1.2.840.10008.6.1.255',
    3762: '1.2.840.10008.6.1.256',
    3764: '1.2.840.10008.6.1.257',
    3769: '1.2.840.10008.6.1.258',
    3770: '1.2.840.10008.6.1.259',
    3772: '1.2.840.10008.6.1.260',
    3773: '1.2.840.10008.6.1.261',
    3774: '1.2.840.10008.6.1.262',
    3777: '1.2.840.10008.6.1.263',
    3778: '1.2.840.10008.6.1.638',
    3780: '1.2.840.10008.6.1.1412',
    3781: '1.2.840.10008.6.1.1413',
    3782: '1.2.840.10008.6.1.1414',
    3783: '1.2.840.10008.6.1.1415',
    3784: '1.2.840.10008.6.1.1416',
    3785: '1.2.840.10008.6.1.1417',
    3802: '1.2.840.10008.6.1.264',
    3804: '1.2.840.10008.6.1.265',
    3805: '1.2.840.10008.6.1.266',
    3806: '1.2.840.10008.6.1.267',
    3807: '1.2.840.10008.6.1.268',
    3808: '1.2.840.10008.6.1.269',
    3809: '1.2.840.10008.6.1.270',
    3810: '1.2.840.10008.6.1.271',
    3813: '1.2.840.10008.6.1.272',
    3814: '1.2.840.10008.6.1.273',
    3815: '1.2.840.10008.6.1.274',
    3817: '1.2.840.10008.6.1.275',
    3820: '1.2.840.10008.6.1.276',
    3821: '1.2.840.10008.6.1.277',
    3823: '1.2.840.10008.6.1.278',
    3826: '1.2.840.10008.6.1.279',
    3827: '1.2.840.10008.6.1.280',
    3829: '1.2.840.10008.6.1.281',
    3831: '1.2.840.10008.6.1.282',
    3832: '1.2.840.10008.6.1.283',
    3833: '1.2.840.10008.6.1.284',
    3835: '1.2.840.10008.6.1.285',
    3836: '1.2.840.10008.6.1.286',
    3837: '1.2.840.10008.6.1.287',
    3838: '1.2.840.10008.6.1.288',
    3839: '1.2.840.10008.6.1.289',
    3840: '1.2.840.10008.6.1.290',
    3843: '1.2.840.10008.6.1.291',
    3850: '1.2.840.10008.6.1.934',
    4005: '1.2.840.10008.6.1.292',
    4009: '1.2.840.10008.6.1.293',
    4010: '1.2.840.10008.6.1.294',
    4011: '1.2.840.10008.6.1.295',
    4012: '1.2.840.10008.6.1.296',
    4013: '1.2.840.10008.6.1.297',
    4014: '1.2.840.10008.6.1.298',
    4015: '1.2.840.10008.6.1.299',
    4016: '1.2.840.10008.6.1.300',
    4017: '1.2.840.10008.6.1.301',
    4018: '1.2.840.10008.6.1.302',
    4019: '1.2.840.10008.6.1.303',
    4020: '1.2.840.10008.6.1.304',
    4021: '1.2.840.10008.6.1.305',
    4025: '1.2.840.10008.6.1.1021',
    4026: '1.2.840.10008.6.1.1022',
    4028: '1.2.840.10008.6.1.306',
    4029: '1.2.840.10008.6.1.1268',
    4030: '1.2.840.10008.6.1.307',
    4031: '1.2.840.10008.6.1.308',
    4032: '1.2.840.10008.6.1.309',
    4033: '1.2.840.10008.6.1.310',
    4040: '1.2.840.10008.6.1.311',
    4042: '1.2.840.10008.6.1.312',
    4050: '1.2.840.10008.6.1.313',
    4051: '1.2.840.10008.6.1.314',
    4052: '1.2.840.10008.6.1.315',
    4100: '1.2.840.10008.6.1.985',
    4101: '1.2.840.10008.6.1.986',
    4102: '1.2.840.10008.6.1.987',
    4103: '1.2.840.10008.6.1.988',
    4104: '1.2.840.10008.6.1.989',
    4105: '1.2.840.10008.6.1.990',
    4106: '1.2.840.10008.6.1.991',
    4107: '1.2.840.10008.6.1.992',
    4108: '1.2.840.10008.6.1.993',
    4109: '1.2.840.10008.6.1.994',
    4110: '1.2.840.10008.6.1.995',
    4111: '1.2.840.10008.6.1.996',
    4200: '1.2.840.10008.6.1.316',
    4201: '1.2.840.10008.6.1.317',
    4202: '1.2.840.10008.6.1.318',
    4203: '1.2.840.10008.6.1.319',
    4204: '1.2.840.10008.6.1.320',
    4205: '1.2.840.10008.6.1.321',
    4206: '1.2.840.10008.6.1.322',
    4207: '1.2.840.10008.6.1.323',
    4208: '1.2.840.10008.6.1.324',
    4209: '1.2.840.10008.6.1.325',
    4210: '1.2.840.10008.6.1.326',
    4211: '1.2.840.10008.6.1.327',
    4214: '1.2.840.10008.6.1.800',
    4215: '1.2.840.10008.6.1.801',
    4216: '1.2.840.10008.6.1.802',
    4220: '1.2.840.10008.6.1.819',
    4221: '1.2.840.10008.6.1.820',
    4222: '1.2.840.10008.6.1.821',
    4230: '1.2.840.10008.6.1.876',
    4231: '1.2.840.10008.6.1.877',
    4232: '1.2.840.10008.6.1.878',
    4233: '1.2.840.10008.6.1.879',
    4234: '1.2.840.10008.6.1.880',
    4235: '1.2.840.10008.6.1.881',
    4236: '1.2.840.10008.6.1.882',
    4237: '1.2.840.10008.6.1.883',
    4238: '1.2.840.10008.6.1.884',
    4239: '1.2.840.10008.6.1.885',
    4240: '1.2.840.10008.6.1.886',
    4241: '1.2.840.10008.6.1.887',
    4242: '1.2.840.10008.6.1.1275',
    4243: '1.2.840.10008.6.1.889',
    4244: '1.2.840.10008.6.1.890',
    4245: '1.2.840.10008.6.1.1029',
    4250: '1.2.840.10008.6.1.909',
    4251: '1.2.840.10008.6.1.910',
    4252: '1.2.840.10008.6.1.911',
    4253: '1.2.840.10008.6.1.912',
    4254: '1.2.840.10008.6.1.913',
    4255: '1.2.840.10008.6.1.914',
    4256: '1.2.840.10008.6.1.915',
    4257: '1.2.840.10008.6.1.916',
    4260: '1.2.840.10008.6.1.936',
    4261: '1.2.840.10008.6.1.937',
    4262: '1.2.840.10008.6.1.938',
    4263: '1.2.840.10008.6.1.939',
    4264: '1.2.840.10008.6.1.940',
    4265: '1.2.840.10008.6.1.941',
    4266: '1.2.840.10008.6.1.942',
    4267: '1.2.840.10008.6.1.965',
    4268: '1.2.840.10008.6.1.966',
    4270: '1.2.840.10008.6.1.1150',
    4271: '1.2.840.10008.6.1.1151',
    4272: '1.2.840.10008.6.1.1152',
    4273: '1.2.840.10008.6.1.1153',
    4401: '1.2.840.10008.6.1.1346',
    4402: '1.2.840.10008.6.1.1347',
    4403: '1.2.840.10008.6.1.1348',
    4404: '1.2.840.10008.6.1.1349',
    4405: '1.2.840.10008.6.1.1350',
    4406: '1.2.840.10008.6.1.1351',
    4407: '1.2.840.10008.6.1.1352',
    4408: '1.2.840.10008.6.1.1353',
    4409: '1.2.840.10008.6.1.1354',
    4410: '1.2.840.10008.6.1.1478',
    4411: '1.2.840.10008.6.1.1479',
    4412: '1.2.840.10008.6.1.1480',
    5000: '1.2.840.10008.6.1.328',
    5001: '1.2.840.10008.6.1.329',
    5002: '1.2.840.10008.6.1.822',
    6000: '1.2.840.10008.6.1.330',
    6001: '1.2.840.10008.6.1.331',
    6002: '1.2.840.10008.6.1.332',
    6003: '1.2.840.10008.6.1.333',
    6004: '1.2.840.10008.6.1.334',
    6005: '1.2.840.10008.6.1.335',
    6006: '1.2.840.10008.6.1.336',
    6007: '1.2.840.10008.6.1.337',
    6008: '1.2.840.10008.6.1.338',
    6009: '1.2.840.10008.6.1.339',
    6010: '1.2.840.10008.6.1.340',
    6011: '1.2.840.10008.6.1.341',
    6012: '1.2.840.10008.6.1.342',
    6013: '1.2.840.10008.6.1.343',
    6014: '1.2.840.10008.6.1.344',
    6015: '1.2.840.10008.6.1.345',
    6016: '1.2.840.10008.6.1.346',
    6017: '1.2.840.10008.6.1.347',
    6018: '1.2.840.10008.6.1.348',
    6019: '1.2.840.10008.6.1.349',
    6020: '1.2.840.10008.6.1.350',
    6021: '1.2.840.10008.6.1.351',
    6022: '1.2.840.10008.6.1.352',
    6023: '1.2.840.10008.6.1.353',
    6024: '1.2.840.10008.6.1.354',
    6025: '1.2.840.10008.6.1.355',
    6026: '1.2.840.10008.6.1.356',
    6027: '1.2.840.10008.6.1.357',
    6028: '1.2.840.10008.6.1.358',
    6029: '1.2.840.10008.6.1.359',
    6030: '1.2.840.10008.6.1.360',
    6031: '1.2.840.10008.6.1.361',
    6032: '1.2.840.10008.6.1.362',
    6033: '1.2.840.10008.6.1.363',
    6034: '1.2.840.10008.6.1.364',
    6035: '1.2.840.10008.6.1.365',
    6036: '1.2.840.10008.6.1.366',
    6037: '1.2.840.10008.6.1.367',
    6038: '1.2.840.10008.6.1.368',
    6039: '1.2.840.10008.6.1.369',
    6040: '1.2.840.10008.6.1.370',
    6041: '1.2.840.10008.6.1.371',
    6042: '1.2.840.10008.6.1.372',
    6043: '1.2.840.10008.6.1.373',
    6044: '1.2.840.10008.6.1.374',
    6045: '1.2.840.10008.6.1.375',
    6046: '1.2.840.10008.6.1.376',
    6047: '1.2.840.10008.6.1.377',
    6048: '1.2.840.10008.6.1.378',
    6050: '1.2.840.10008.6.1.379',
    6051: '1.2.840.10008.6.1.380',
    6052: '1.2.840.10008.6.1.381',
    6053: '1.2.840.10008.6.1.382',
    6054: '1.2.840.10008.6.1.383',
    6055: '1.2.840.10008.6.1.384',
    6056: '1.2.840.10008.6.1.385',
    6057: '1.2.840.10008.6.1.386',
    6058: '1.2.840.10008.6.1.387',
    6059: '1.2.840.10008.6.1.388',
    6060: '1.2.840.10008.6.1.389',
    6061: '1.2.840.10008.6.1.390',
    6062: '1.2.840.10008.6.1.391',
    6063: '1.2.840.10008.6.1.392',
    6064: '1.2.840.10008.6.1.393',
    6065: '1.2.840.10008.6.1.394',
    6066: '1.2.840.10008.6.1.395',
    6067: '1.2.840.10008.6.1.396',
    6068: '1.2.840.10008.6.1.397',
    6069: '1.2.840.10008.6.1.398',
    6070: '1.2.840.10008.6.1.399',
    6071: '1.2.840.10008.6.1.400',
    6072: '1.2.840.10008.6.1.401',
    6080: '1.2.840.10008.6.1.402',
    6081: '1.2.840.10008.6.1.403',
    6082: '1.2.840.10008.6.1.404',
    6083: '1.2.840.10008.6.1.405',
    6084: '1.2.840.10008.6.1.406',
    6085: '1.2.840.10008.6.1.407',
    6086: '1.2.840.10008.6.1.408',
    6087: '1.2.840.10008.6.1.409',
    6088: '1.2.840.10008.6.1.410',
    6089: '1.2.840.10008.6.1.411',
    6090: '1.2.840.10008.6.1.412',
    6091: '1.2.840.10008.6.1.413',
    6092: '1.2.840.10008.6.1.414',
    6093: '1.2.840.10008.6.1.415',
    6094: '1.2.840.10008.6.1.416',
    6095: '1.2.840.10008.6.1.417',
    6096: '1.2.840.10008.6.1.418',
    6097: '1.2.840.10008.6.1.419',
    6098: '1.2.840.10008.6.1.1277',
    6099: '1.2.840.10008.6.1.1278',
    6100: '1.2.840.10008.6.1.420',
    6101: '1.2.840.10008.6.1.421',
    6102: '1.2.840.10008.6.1.422',
    6103: '1.2.840.10008.6.1.423',
    6104: '1.2.840.10008.6.1.424',
    6105: '1.2.840.10008.6.1.425',
    6106: '1.2.840.10008.6.1.426',
    6107: '1.2.840.10008.6.1.427',
    6108: '1.2.840.10008.6.1.428',
    6109: '1.2.840.10008.6.1.429',
    6110: '1.2.840.10008.6.1.430',
    6111: '1.2.840.10008.6.1.431',
    6112: '1.2.840.10008.6.1.432',
    6113: '1.2.840.10008.6.1.433',
    6114: '1.2.840.10008.6.1.434',
    6115: '1.2.840.10008.6.1.435',
    6116: '1.2.840.10008.6.1.436',
    6117: '1.2.840.10008.6.1.437',
    6118: '1.2.840.10008.6.1.438',
    6119: '1.2.840.10008.6.1.439',
    6120: '1.2.840.10008.6.1.440',
    6121: '1.2.840.10008.6.1.441',
    6122: '1.2.840.10008.6.1.442',
    6123: '1.2.840.10008.6.1.443',
    6124: '1.2.840.10008.6.1.444',
    6125: '1.2.840.10008.6.1.445',
    6126: '1.2.840.10008.6.1.446',
    6127: '1.2.840.10008.6.1.447',
    6128: '1.2.840.10008.6.1.448',
    6129: '1.2.840.10008.6.1.449',
    6130: '1.2.840.10008.6.1.450',
    6131: '1.2.840.10008.6.1.451',
    6132: '1.2.840.10008.6.1.452',
    6133: '1.2.840.10008.6.1.453',
    6134: '1.2.840.10008.6.1.454',
    6135: '1.2.840.10008.6.1.455',
    6136: '1.2.840.10008.6.1.456',
    6137: '1.2.840.10008.6.1.457',
    6138: '1.2.840.10008.6.1.458',
    6139: '1.2.840.10008.6.1.459',
    6140: '1.2.840.10008.6.1.460',
    6141: '1.2.840.10008.6.1.461',
    6142: '1.2.840.10008.6.1.462',
    6143: '1.2.840.10008.6.1.463',
    6144: '1.2.840.10008.6.1.464',
    6145: '1.2.840.10008.6.1.465',
    6146: '1.2.840.10008.6.1.1002',
    6147: '1.2.840.10008.6.1.1004',
    6148: '1.2.840.10008.6.1.1313',
    6149: '1.2.840.10008.6.1.1314',
    6151: '1.2.840.10008.6.1.466',
    6152: '1.2.840.10008.6.1.467',
    6153: '1.2.840.10008.6.1.468',
    6154: '1.2.840.10008.6.1.469',
    6155: '1.2.840.10008.6.1.470',
    6157: '1.2.840.10008.6.1.471',
    6158: '1.2.840.10008.6.1.472',
    6159: '1.2.840.10008.6.1.473',
    6160: '1.2.840.10008.6.1.474',
    6161: '1.2.840.10008.6.1.475',
    6162: '1.2.840.10008.6.1.476',
    6163: '1.2.840.10008.6.1.477',
    6164: '1.2.840.10008.6.1.478',
    6165: '1.2.840.10008.6.1.479',
    6166: '1.2.840.10008.6.1.480',
    6170: '1.2.840.10008.6.1.1482',
    6171: '1.2.840.10008.6.1.1483',
    6200: '1.2.840.10008.6.1.787',
    6201: '1.2.840.10008.6.1.788',
    6202: '1.2.840.10008.6.1.789',
    6203: '1.2.840.10008.6.1.790',
    6204: '1.2.840.10008.6.1.791',
    6205: '1.2.840.10008.6.1.792',
    6206: '1.2.840.10008.6.1.793',
    6207: '1.2.840.10008.6.1.794',
    6208: '1.2.840.10008.6.1.795',
    6209: '1.2.840.10008.6.1.796',
    6210: '1.2.840.10008.6.1.797',
    6211: '1.2.840.10008.6.1.798',
    6212: '1.2.840.10008.6.1.799',
    6300: '1.2.840.10008.6.1.1138',
    6301: '1.2.840.10008.6.1.1139',
    6302: '1.2.840.10008.6.1.1140',
    6303: '1.2.840.10008.6.1.1141',
    6304: '1.2.840.10008.6.1.1306',
    6310: '1.2.840.10008.6.1.1367',
    6311: '1.2.840.10008.6.1.1368',
    6312: '1.2.840.10008.6.1.1369',
    6313: '1.2.840.10008.6.1.1370',
    6314: '1.2.840.10008.6.1.1371',
    6315: '1.2.840.10008.6.1.1372',
    6316: '1.2.840.10008.6.1.1373',
    6317: '1.2.840.10008.6.1.1374',
    6318: '1.2.840.10008.6.1.1375',
    6319: '1.2.840.10008.6.1.1376',
    6320: '1.2.840.10008.6.1.1377',
    6321: '1.2.840.10008.6.1.1378',
    6322: '1.2.840.10008.6.1.1379',
    6323: '1.2.840.10008.6.1.1380',
    6324: '1.2.840.10008.6.1.1381',
    6325: '1.2.840.10008.6.1.1382',
    6326: '1.2.840.10008.6.1.1383',
    6327: '1.2.840.10008.6.1.1384',
    6328: '1.2.840.10008.6.1.1385',
    6329: '1.2.840.10008.6.1.1386',
    6330: '1.2.840.10008.6.1.1387',
    6331: '1.2.840.10008.6.1.1388',
    6332: '1.2.840.10008.6.1.1389',
    6333: '1.2.840.10008.6.1.1390',
    6334: '1.2.840.10008.6.1.1391',
    6335: '1.2.840.10008.6.1.1392',
    6336: '1.2.840.10008.6.1.1393',
    6337: '1.2.840.10008.6.1.1394',
    6338: '1.2.840.10008.6.1.1395',
    6339: '1.2.840.10008.6.1.1396',
    6340: '1.2.840.10008.6.1.1397',
    6341: '1.2.840.10008.6.1.1398',
    6342: '1.2.840.10008.6.1.1399',
    6343: '1.2.840.10008.6.1.1400',
    6344: '1.2.840.10008.6.1.1401',
    6345: '1.2.840.10008.6.1.1402',
    6346: '1.2.840.10008.6.1.1403',
    6347: '1.2.840.10008.6.1.1404',
    6348: '1.2.840.10008.6.1.1405',
    6349: '1.2.840.10008.6.1.1406',
    6350: '1.2.840.10008.6.1.1407',
    6351: '1.2.840.10008.6.1.1408',
    6352: '1.2.840.10008.6.1.1409',
    6353: '1.2.840.10008.6.1.1410',
    6401: '1.2.840.10008.6.1.1185',
    6402: '1.2.840.10008.6.1.1186',
    6403: '1.2.840.10008.6.1.1187',
    6404: '1.2.840.10008.6.1.1188',
    6405: '1.2.840.10008.6.1.1189',
    7000: '1.2.840.10008.6.1.481',
    7001: '1.2.840.10008.6.1.482',
    7002: '1.2.840.10008.6.1.483',
    7003: '1.2.840.10008.6.1.484',
    7004: '1.2.840.10008.6.1.485',
    7005: '1.2.840.10008.6.1.486',
    7006: '1.2.840.10008.6.1.487',
    7007: '1.2.840.10008.6.1.488',
    7008: '1.2.840.10008.6.1.489',
    7009: '1.2.840.10008.6.1.818',
    7010: '1.2.840.10008.6.1.490',
    7011: '1.2.840.10008.6.1.491',
    7012: '1.2.840.10008.6.1.492',
    7013: '1.2.840.10008.6.1.1134',
    7014: '1.2.840.10008.6.1.1178',
    7015: '1.2.840.10008.6.1.1179',
    7016: '1.2.840.10008.6.1.1180',
    7017: '1.2.840.10008.6.1.1181',
    7018: '1.2.840.10008.6.1.1182',
    7019: '1.2.840.10008.6.1.1183',
    7020: '1.2.840.10008.6.1.493',
    7021: '1.2.840.10008.6.1.997',
    7022: '1.2.840.10008.6.1.1115',
    7023: '1.2.840.10008.6.1.1135',
    7024: '1.2.840.10008.6.1.1136',
    7025: '1.2.840.10008.6.1.1137',
    7026: '1.2.840.10008.6.1.1177',
    7027: '1.2.840.10008.6.1.1276',
    7030: '1.2.840.10008.6.1.817',
    7031: '1.2.840.10008.6.1.1446',
    7035: '1.2.840.10008.6.1.1026',
    7036: '1.2.840.10008.6.1.1027',
    7039: '1.2.840.10008.6.1.1173',
    7040: '1.2.840.10008.6.1.824',
    7041: '1.2.840.10008.6.1.1174',
    7042: '1.2.840.10008.6.1.825',
    7050: '1.2.840.10008.6.1.925',
    7060: '1.2.840.10008.6.1.1201',
    7061: '1.2.840.10008.6.1.1202',
    7062: '1.2.840.10008.6.1.1203',
    7063: '1.2.840.10008.6.1.1204',
    7064: '1.2.840.10008.6.1.1205',
    7070: '1.2.840.10008.6.1.1303',
    7100: '1.2.840.10008.6.1.494',
    7101: '1.2.840.10008.6.1.495',
    7110: '1.2.840.10008.6.1.1132',
    7111: '1.2.840.10008.6.1.1133',
    7112: '1.2.840.10008.6.1.1207',
    7140: '1.2.840.10008.6.1.967',
    7150: '1.2.840.10008.6.1.496',
    7151: '1.2.840.10008.6.1.497',
    7152: '1.2.840.10008.6.1.498',
    7153: '1.2.840.10008.6.1.499',
    7154: '1.2.840.10008.6.1.500',
    7155: '1.2.840.10008.6.1.501',
    7156: '1.2.840.10008.6.1.502',
    7157: '1.2.840.10008.6.1.503',
    7158: '1.2.840.10008.6.1.504',
    7159: '1.2.840.10008.6.1.505',
    7160: '1.2.840.10008.6.1.506',
    7161: '1.2.840.10008.6.1.507',
    7162: '1.2.840.10008.6.1.636',
    7165: '1.2.840.10008.6.1.962',
    7166: '1.2.840.10008.6.1.963',
    7167: '1.2.840.10008.6.1.964',
    7168: '1.2.840.10008.6.1.1280',
    7169: '1.2.840.10008.6.1.1281',
    7170: '1.2.840.10008.6.1.1358',
    7171: '1.2.840.10008.6.1.1359',
    7180: '1.2.840.10008.6.1.917',
    7181: '1.2.840.10008.6.1.918',
    7182: '1.2.840.10008.6.1.919',
    7183: '1.2.840.10008.6.1.920',
    7184: '1.2.840.10008.6.1.921',
    7185: '1.2.840.10008.6.1.922',
    7186: '1.2.840.10008.6.1.923',
    7191: '1.2.840.10008.6.1.1190',
    7192: '1.2.840.10008.6.1.1191',
    7193: '1.2.840.10008.6.1.1192',
    7194: '1.2.840.10008.6.1.1193',
    7195: '1.2.840.10008.6.1.1194',
    7196: '1.2.840.10008.6.1.1195',
    7197: '1.2.840.10008.6.1.1196',
    7198: '1.2.840.10008.6.1.1197',
    7199: '1.2.840.10008.6.1.1445',
    7201: '1.2.840.10008.6.1.508',
    7202: '1.2.840.10008.6.1.509',
    7203: '1.2.840.10008.6.1.510',
    7205: '1.2.840.10008.6.1.511',
    7210: '1.2.840.10008.6.1.512',
    7215: '1.2.840.10008.6.1.970',
    7220: '1.2.840.10008.6.1.968',
    7221: '1.2.840.10008.6.1.969',
    7222: '1.2.840.10008.6.1.1009',
    7230: '1.2.840.10008.6.1.1340',
    7250: '1.2.840.10008.6.1.513',
    7260: '1.2.840.10008.6.1.1059',
    7261: '1.2.840.10008.6.1.1060',
    7262: '1.2.840.10008.6.1.1061',
    7263: '1.2.840.10008.6.1.1062',
    7270: '1.2.840.10008.6.1.1165',
    7271: '1.2.840.10008.6.1.1166',
    7272: '1.2.840.10008.6.1.1167',
    7273: '1.2.840.10008.6.1.1168',
    7274: '1.2.840.10008.6.1.1169',
    7275: '1.2.840.10008.6.1.1170',
    7276: '1.2.840.10008.6.1.1171',
    7277: '1.2.840.10008.6.1.1172',
    7300: '1.2.840.10008.6.1.1031',
    7301: '1.2.840.10008.6.1.1032',
    7302: '1.2.840.10008.6.1.1033',
    7303: '1.2.840.10008.6.1.1034',
    7304: '1.2.840.10008.6.1.1035',
    7305: '1.2.840.10008.6.1.1036',
    7306: '1.2.840.10008.6.1.1037',
    7307: '1.2.840.10008.6.1.1038',
    7308: '1.2.840.10008.6.1.1039',
    7309: '1.2.840.10008.6.1.1040',
    7310: '1.2.840.10008.6.1.1041',
    7320: '1.2.840.10008.6.1.924',
    7445: '1.2.840.10008.6.1.1042',
    7449: '1.2.840.10008.6.1.1119',
    7450: '1.2.840.10008.6.1.514',
    7451: '1.2.840.10008.6.1.515',
    7452: '1.2.840.10008.6.1.516',
    7453: '1.2.840.10008.6.1.517',
    7454: '1.2.840.10008.6.1.518',
    7455: '1.2.840.10008.6.1.519',
    7456: '1.2.840.10008.6.1.520',
    7457: '1.2.840.10008.6.1.1067',
    7460: '1.2.840.10008.6.1.521',
    7461: '1.2.840.10008.6.1.522',
    7462: '1.2.840.10008.6.1.523',
    7464: '1.2.840.10008.6.1.951',
    7465: '1.2.840.10008.6.1.952',
    7466: '1.2.840.10008.6.1.999',
    7467: '1.2.840.10008.6.1.1000',
    7468: '1.2.840.10008.6.1.1001',
    7469: '1.2.840.10008.6.1.1003',
    7470: '1.2.840.10008.6.1.524',
    7471: '1.2.840.10008.6.1.525',
    7472: '1.2.840.10008.6.1.526',
    7473: '1.2.840.10008.6.1.527',
    7474: '1.2.840.10008.6.1.528',
    7475: '1.2.840.10008.6.1.1199',
    7476: '1.2.840.10008.6.1.1200',
    7477: '1.2.840.10008.6.1.1270',
    7478: '1.2.840.10008.6.1.1271',
    7479: '1.2.840.10008.6.1.1272',
    7480: '1.2.840.10008.6.1.529',
    7481: '1.2.840.10008.6.1.530',
    7482: '1.2.840.10008.6.1.814',
    7483: '1.2.840.10008.6.1.815',
    7484: '1.2.840.10008.6.1.816',
    7486: '1.2.840.10008.6.1.823',
    7490: '1.2.840.10008.6.1.1063',
    7500: '1.2.840.10008.6.1.1273',
    7501: '1.2.840.10008.6.1.1274',
    7550: '1.2.840.10008.6.1.1342',
    7551: '1.2.840.10008.6.1.1343',
    7552: '1.2.840.10008.6.1.1344',
    7553: '1.2.840.10008.6.1.1345',
    7600: '1.2.840.10008.6.1.1011',
    7601: '1.2.840.10008.6.1.1012',
    7602: '1.2.840.10008.6.1.1433',
    7603: '1.2.840.10008.6.1.1434',
    7604: '1.2.840.10008.6.1.1435',
    7701: '1.2.840.10008.6.1.1013',
    7702: '1.2.840.10008.6.1.1014',
    7703: '1.2.840.10008.6.1.1015',
    7704: '1.2.840.10008.6.1.1016',
    7705: '1.2.840.10008.6.1.1017',
    7706: '1.2.840.10008.6.1.1018',
    7707: '1.2.840.10008.6.1.1019',
    7710: '1.2.840.10008.6.1.1020',
    8101: '1.2.840.10008.6.1.1043',
    8102: '1.2.840.10008.6.1.1044',
    8103: '1.2.840.10008.6.1.1045',
    8104: '1.2.840.10008.6.1.1046',
    8109: '1.2.840.10008.6.1.1047',
    8110: '1.2.840.10008.6.1.1048',
    8111: '1.2.840.10008.6.1.1049',
    8112: '1.2.840.10008.6.1.1050',
    8113: '1.2.840.10008.6.1.1051',
    8114: '1.2.840.10008.6.1.1052',
    8115: '1.2.840.10008.6.1.1053',
    8120: '1.2.840.10008.6.1.897',
    8121: '1.2.840.10008.6.1.898',
    8122: '1.2.840.10008.6.1.899',
    8123: '1.2.840.10008.6.1.900',
    8124: '1.2.840.10008.6.1.901',
    8125: '1.2.840.10008.6.1.902',
    8130: '1.2.840.10008.6.1.944',
    8131: '1.2.840.10008.6.1.948',
    8132: '1.2.840.10008.6.1.949',
    8133: '1.2.840.10008.6.1.950',
    8134: '1.2.840.10008.6.1.1312',
    8135: '1.2.840.10008.6.1.1365',
    8136: '1.2.840.10008.6.1.1366',
    8201: '1.2.840.10008.6.1.953',
    8202: '1.2.840.10008.6.1.954',
    8203: '1.2.840.10008.6.1.956',
    8300: '1.2.840.10008.6.1.980',
    8301: '1.2.840.10008.6.1.981',
    8302: '1.2.840.10008.6.1.982',
    8303: '1.2.840.10008.6.1.983',
    9000: '1.2.840.10008.6.1.1010',
    9231: '1.2.840.10008.6.1.531',
    9232: '1.2.840.10008.6.1.532',
    9233: '1.2.840.10008.6.1.1120',
    9241: '1.2.840.10008.6.1.931',
    9242: '1.2.840.10008.6.1.932',
    9243: '1.2.840.10008.6.1.933',
    9250: '1.2.840.10008.6.1.971',
    9260: '1.2.840.10008.6.1.1459',
    9261: '1.2.840.10008.6.1.1460',
    9262: '1.2.840.10008.6.1.1461',
    9263: '1.2.840.10008.6.1.1462',
    9264: '1.2.840.10008.6.1.1463',
    9265: '1.2.840.10008.6.1.1464',
    9266: '1.2.840.10008.6.1.1465',
    9267: '1.2.840.10008.6.1.1466',
    9268: '1.2.840.10008.6.1.1467',
    9269: '1.2.840.10008.6.1.1468',
    9270: '1.2.840.10008.6.1.1469',
    9271: '1.2.840.10008.6.1.1470',
    9272: '1.2.840.10008.6.1.1481',
    9273: '1.2.840.10008.6.1.1485',
    9300: '1.2.840.10008.6.1.533',
    9301: '1.2.840.10008.6.1.812',
    9302: '1.2.840.10008.6.1.813',
    9303: '1.2.840.10008.6.1.1198',
    9401: '1.2.840.10008.6.1.1023',
    9402: '1.2.840.10008.6.1.1024',
    9403: '1.2.840.10008.6.1.1025',
    9500: '1.2.840.10008.6.1.1210',
    9501: '1.2.840.10008.6.1.1211',
    9502: '1.2.840.10008.6.1.1212',
    9503: '1.2.840.10008.6.1.1213',
    9504: '1.2.840.10008.6.1.1214',
    9505: '1.2.840.10008.6.1.1215',
    9506: '1.2.840.10008.6.1.1216',
    9507: '1.2.840.10008.6.1.1217',
    9508: '1.2.840.10008.6.1.1218',
    9509: '1.2.840.10008.6.1.1219',
    9510: '1.2.840.10008.6.1.1220',
    9511: '1.2.840.10008.6.1.1221',
    9512: '1.2.840.10008.6.1.1222',
    9513: '1.2.840.10008.6.1.1223',
    9514: '1.2.840.10008.6.1.1224',
    9515: '1.2.840.10008.6.1.1225',
    9516: '1.2.840.10008.6.1.1226',
    9517: '1.2.840.10008.6.1.1227',
    9518: '1.2.840.10008.6.1.1228',
    9519: '1.2.840.10008.6.1.1229',
    9520: '1.2.840.10008.6.1.1230',
    9521: '1.2.840.10008.6.1.1231',
    9522: '1.2.840.10008.6.1.1232',
    9523: '1.2.840.10008.6.1.1233',
    9524: '1.2.840.10008.6.1.1234',
    9525: '1.2.840.10008.6.1.1235',
    9526: '1.2.840.10008.6.1.1236',
    9527: '1.2.840.10008.6.1.1237',
    9528: '1.2.840.10008.6.1.1238',
    9529: '1.2.840.10008.6.1.1239',
    9530: '1.2.840.10008.6.1.1240',
    9531: '1.2.840.10008.6.1.1241',
    9532: '1.2.840.10008.6.1.1242',
    9533: '1.2.840.10008.6.1.1243',
    9534: '1.2.840.10008.6.1.1244',
    9535: '1.2.840.10008.6.1.1245',
    9536: '1.2.840.10008.6.1.1246',
    9537: '1.2.840.10008.6.1.1247',
    9538: '1.2.840.10008.6.1.1248',
    9539: '1.2.840.10008.6.1.1249',
    9540: '1.2.840.10008.6.1.1458',
    9541: '1.2.840.10008.6.1.1288',
    9542: '1.2.840.10008.6.1.1289',
    9543: '1.2.840.10008.6.1.1290',
    9544: '1.2.840.10008.6.1.1291',
    9545: '1.2.840.10008.6.1.1292',
    9546: '1.2.840.10008.6.1.1293',
    9547: '1.2.840.10008.6.1.1294',
    9548: '1.2.840.10008.6.1.1295',
    9549: '1.2.840.10008.6.1.1296',
    9550: '1.2.840.10008.6.1.1297',
    9551: '1.2.840.10008.6.1.1298',
    9552: '1.2.840.10008.6.1.1299',
    9553: '1.2.840.10008.6.1.1300',
    9554: '1.2.840.10008.6.1.1301',
    9555: '1.2.840.10008.6.1.1302',
    9556: '1.2.840.10008.6.1.1307',
    9557: '1.2.840.10008.6.1.1308',
    9558: '1.2.840.10008.6.1.1309',
    9559: '1.2.840.10008.6.1.1310',
    9560: '1.2.840.10008.6.1.1311',
    9561: '1.2.840.10008.6.1.1318',
    9562: '1.2.840.10008.6.1.1319',
    9563: '1.2.840.10008.6.1.1320',
    9564: '1.2.840.10008.6.1.1321',
    9565: '1.2.840.10008.6.1.1322',
    9566: '1.2.840.10008.6.1.1323',
    9567: '1.2.840.10008.6.1.1324',
    9568: '1.2.840.10008.6.1.1325',
    9569: '1.2.840.10008.6.1.1326',
    9570: '1.2.840.10008.6.1.1327',
    9571: '1.2.840.10008.6.1.1418',
    9572: '1.2.840.10008.6.1.1419',
    9573: '1.2.840.10008.6.1.1420',
    9574: '1.2.840.10008.6.1.1421',
    9575: '1.2.840.10008.6.1.1422',
    9576: '1.2.840.10008.6.1.1423',
    9577: '1.2.840.10008.6.1.1424',
    9578: '1.2.840.10008.6.1.1425',
    9579: '1.2.840.10008.6.1.1432',
    9580: '1.2.840.10008.6.1.1442',
    9581: '1.2.840.10008.6.1.1443',
    9582: '1.2.840.10008.6.1.1444',
    9583: '1.2.840.10008.6.1.1486',
    10000: '1.2.840.10008.6.1.534',
    10001: '1.2.840.10008.6.1.535',
    10002: '1.2.840.10008.6.1.536',
    10003: '1.2.840.10008.6.1.537',
    10004: '1.2.840.10008.6.1.538',
    10005: '1.2.840.10008.6.1.1477',
    10006: '1.2.840.10008.6.1.539',
    10007: '1.2.840.10008.6.1.540',
    10008: '1.2.840.10008.6.1.541',
    10009: '1.2.840.10008.6.1.542',
    10010: '1.2.840.10008.6.1.543',
    10011: '1.2.840.10008.6.1.544',
    10013: '1.2.840.10008.6.1.545',
    10014: '1.2.840.10008.6.1.546',
    10015: '1.2.840.10008.6.1.547',
    10016: '1.2.840.10008.6.1.548',
    10017: '1.2.840.10008.6.1.549',
    10020: '1.2.840.10008.6.1.1054',
    10021: '1.2.840.10008.6.1.1055',
    10022: '1.2.840.10008.6.1.935',
    10023: '1.2.840.10008.6.1.947',
    10024: '1.2.840.10008.6.1.1114',
    10025: '1.2.840.10008.6.1.1056',
    10030: '1.2.840.10008.6.1.959',
    10031: '1.2.840.10008.6.1.960',
    10032: '1.2.840.10008.6.1.961',
    10033: '1.2.840.10008.6.1.958',
    10034: '1.2.840.10008.6.1.1175',
    10040: '1.2.840.10008.6.1.972',
    10041: '1.2.840.10008.6.1.973',
    10043: '1.2.840.10008.6.1.975',
    10044: '1.2.840.10008.6.1.976',
    10045: '1.2.840.10008.6.1.977',
    10046: '1.2.840.10008.6.1.978',
    10047: '1.2.840.10008.6.1.979',
    10050: '1.2.840.10008.6.1.1028',
    10060: '1.2.840.10008.6.1.1154',
    10061: '1.2.840.10008.6.1.1155',
    10062: '1.2.840.10008.6.1.1156',
    10063: '1.2.840.10008.6.1.1157',
    10064: '1.2.840.10008.6.1.1158',
    10065: '1.2.840.10008.6.1.1159',
    10066: '1.2.840.10008.6.1.1160',
    10067: '1.2.840.10008.6.1.1161',
    10068: '1.2.840.10008.6.1.1162',
    10069: '1.2.840.10008.6.1.1163',
    10070: '1.2.840.10008.6.1.1164',
    10071: '1.2.840.10008.6.1.1206',
    10072: '1.2.840.10008.6.1.1362',
    10073: '1.2.840.10008.6.1.1363',
    10074: '1.2.840.10008.6.1.1364',
    11001: '1.2.840.10008.6.1.1471',
    11002: '1.2.840.10008.6.1.1472',
    11003: '1.2.840.10008.6.1.1473',
    11004: '1.2.840.10008.6.1.1474',
    11005: '1.2.840.10008.6.1.1475',
    11006: '1.2.840.10008.6.1.1476',
    12001: '1.2.840.10008.6.1.550',
    12002: '1.2.840.10008.6.1.551',
    12003: '1.2.840.10008.6.1.552',
    12004: '1.2.840.10008.6.1.553',
    12005: '1.2.840.10008.6.1.554',
    12006: '1.2.840.10008.6.1.555',
    12007: '1.2.840.10008.6.1.556',
    12008: '1.2.840.10008.6.1.557',
    12009: '1.2.840.10008.6.1.558',
    12011: '1.2.840.10008.6.1.559',
    12012: '1.2.840.10008.6.1.560',
    12013: '1.2.840.10008.6.1.561',
    12014: '1.2.840.10008.6.1.562',
    12015: '1.2.840.10008.6.1.563',
    12016: '1.2.840.10008.6.1.564',
    12017: '1.2.840.10008.6.1.565',
    12018: '1.2.840.10008.6.1.566',
    12019: '1.2.840.10008.6.1.567',
    12020: '1.2.840.10008.6.1.1005',
    12021: '1.2.840.10008.6.1.1006',
    12022: '1.2.840.10008.6.1.1007',
    12023: '1.2.840.10008.6.1.1008',
    12024: '1.2.840.10008.6.1.1339',
    12025: '1.2.840.10008.6.1.1341',
    12030: '1.2.840.10008.6.1.805',
    12031: '1.2.840.10008.6.1.806',
    12032: '1.2.840.10008.6.1.807',
    12033: '1.2.840.10008.6.1.808',
    12034: '1.2.840.10008.6.1.809',
    12035: '1.2.840.10008.6.1.810',
    12100: '1.2.840.10008.6.1.1315',
    12101: '1.2.840.10008.6.1.568',
    12102: '1.2.840.10008.6.1.569',
    12103: '1.2.840.10008.6.1.570',
    12104: '1.2.840.10008.6.1.571',
    12105: '1.2.840.10008.6.1.572',
    12106: '1.2.840.10008.6.1.573',
    12107: '1.2.840.10008.6.1.574',
    12108: '1.2.840.10008.6.1.575',
    12109: '1.2.840.10008.6.1.576',
    12110: '1.2.840.10008.6.1.577',
    12111: '1.2.840.10008.6.1.578',
    12112: '1.2.840.10008.6.1.579',
    12113: '1.2.840.10008.6.1.580',
    12114: '1.2.840.10008.6.1.581',
    12115: '1.2.840.10008.6.1.582',
    12116: '1.2.840.10008.6.1.583',
    12117: '1.2.840.10008.6.1.584',
    12118: '1.2.840.10008.6.1.926',
    12119: '1.2.840.10008.6.1.585',
    12120: '1.2.840.10008.6.1.586',
    12121: '1.2.840.10008.6.1.587',
    12122: '1.2.840.10008.6.1.588',
    12123: '1.2.840.10008.6.1.589',
    12124: '1.2.840.10008.6.1.590',
    12125: '1.2.840.10008.6.1.1355',
    12130: '1.2.840.10008.6.1.1316',
    12131: '1.2.840.10008.6.1.1317',
    12140: '1.2.840.10008.6.1.591',
    12141: '1.2.840.10008.6.1.592',
    12200: '1.2.840.10008.6.1.593',
    12201: '1.2.840.10008.6.1.594',
    12202: '1.2.840.10008.6.1.595',
    12203: '1.2.840.10008.6.1.596',
    12204: '1.2.840.10008.6.1.597',
    12205: '1.2.840.10008.6.1.598',
    12206: '1.2.840.10008.6.1.599',
    12207: '1.2.840.10008.6.1.600',
    12208: '1.2.840.10008.6.1.601',
    12209: '1.2.840.10008.6.1.602',
    12210: '1.2.840.10008.6.1.603',
    12211: '1.2.840.10008.6.1.604',
    12212: '1.2.840.10008.6.1.605',
    12214: '1.2.840.10008.6.1.606',
    12215: '1.2.840.10008.6.1.607',
    12216: '1.2.840.10008.6.1.608',
    12217: '1.2.840.10008.6.1.609',
    12218: '1.2.840.10008.6.1.610',
    12219: '1.2.840.10008.6.1.611',
    12220: '1.2.840.10008.6.1.612',
    12221: '1.2.840.10008.6.1.613',
    12222: '1.2.840.10008.6.1.614',
    12223: '1.2.840.10008.6.1.615',
    12224: '1.2.840.10008.6.1.616',
    12226: '1.2.840.10008.6.1.617',
    12227: '1.2.840.10008.6.1.618',
    12228: '1.2.840.10008.6.1.619',
    12229: '1.2.840.10008.6.1.620',
    12230: '1.2.840.10008.6.1.621',
    12231: '1.2.840.10008.6.1.622',
    12232: '1.2.840.10008.6.1.623',
    12233: '1.2.840.10008.6.1.624',
    12234: '1.2.840.10008.6.1.625',
    12235: '1.2.840.10008.6.1.626',
    12236: '1.2.840.10008.6.1.627',
    12237: '1.2.840.10008.6.1.628',
    12238: '1.2.840.10008.6.1.629',
    12239: '1.2.840.10008.6.1.630',
    12240: '1.2.840.10008.6.1.631',
    12241: '1.2.840.10008.6.1.632',
    12242: '1.2.840.10008.6.1.633',
    12243: '1.2.840.10008.6.1.634',
    12244: '1.2.840.10008.6.1.635',
    12245: '1.2.840.10008.6.1.826',
    12246: '1.2.840.10008.6.1.827',
    12247: '1.2.840.10008.6.1.828',
    12248: '1.2.840.10008.6.1.829',
    12249: '1.2.840.10008.6.1.830',
    12250: '1.2.840.10008.6.1.831',
    12251: '1.2.840.10008.6.1.832',
    12252: '1.2.840.10008.6.1.833',
    12253: '1.2.840.10008.6.1.834',
    12254: '1.2.840.10008.6.1.835',
    12255: '1.2.840.10008.6.1.836',
    12257: '1.2.840.10008.6.1.838',
    12258: '1.2.840.10008.6.1.839',
    12259: '1.2.840.10008.6.1.840',
    12260: '1.2.840.10008.6.1.841',
    12261: '1.2.840.10008.6.1.842',
    12262: '1.2.840.10008.6.1.843',
    12263: '1.2.840.10008.6.1.844',
    12264: '1.2.840.10008.6.1.845',
    12265: '1.2.840.10008.6.1.846',
    12266: '1.2.840.10008.6.1.847',
    12267: '1.2.840.10008.6.1.848',
    12268: '1.2.840.10008.6.1.849',
    12269: '1.2.840.10008.6.1.850',
    12270: '1.2.840.10008.6.1.851',
    12271: '1.2.840.10008.6.1.852',
    12272: '1.2.840.10008.6.1.853',
    12273: '1.2.840.10008.6.1.854',
    12274: '1.2.840.10008.6.1.855',
    12275: '1.2.840.10008.6.1.856',
    12276: '1.2.840.10008.6.1.857',
    12277: '1.2.840.10008.6.1.858',
    12279: '1.2.840.10008.6.1.859',
    12280: '1.2.840.10008.6.1.860',
    12281: '1.2.840.10008.6.1.861',
    12282: '1.2.840.10008.6.1.862',
    12283: '1.2.840.10008.6.1.863',
    12284: '1.2.840.10008.6.1.864',
    12285: '1.2.840.10008.6.1.865',
    12286: '1.2.840.10008.6.1.866',
    12287: '1.2.840.10008.6.1.867',
    12288: '1.2.840.10008.6.1.868',
    12289: '1.2.840.10008.6.1.869',
    12290: '1.2.840.10008.6.1.870',
    12291: '1.2.840.10008.6.1.871',
    12292: '1.2.840.10008.6.1.872',
    12293: '1.2.840.10008.6.1.873',
    12294: '1.2.840.10008.6.1.874',
    12300: '1.2.840.10008.6.1.1149',
    12301: '1.2.840.10008.6.1.1142',
    12302: '1.2.840.10008.6.1.1143',
    12303: '1.2.840.10008.6.1.1144',
    12304: '1.2.840.10008.6.1.1145',
    12305: '1.2.840.10008.6.1.1146',
    12306: '1.2.840.10008.6.1.1147',
    12307: '1.2.840.10008.6.1.1148',
    12308: '1.2.840.10008.6.1.1411',
    12309: '1.2.840.10008.6.1.1426',
    12310: '1.2.840.10008.6.1.1427',
    12311: '1.2.840.10008.6.1.1428',
    12320: '1.2.840.10008.6.1.1447',
    12321: '1.2.840.10008.6.1.1448',
    12322: '1.2.840.10008.6.1.1449',
    12323: '1.2.840.10008.6.1.1450',
    12324: '1.2.840.10008.6.1.1451',
    12325: '1.2.840.10008.6.1.1452',
}

#: The context group UIDs Table A-3 marks retired.
RETIRED_CONTEXT_GROUP_UIDS: Final[frozenset[str]] = frozenset({
    '1.2.840.10008.6.1.50',
    '1.2.840.10008.6.1.60',
    '1.2.840.10008.6.1.188',
    '1.2.840.10008.6.1.189',
    '1.2.840.10008.6.1.193',
    '1.2.840.10008.6.1.195',
    '1.2.840.10008.6.1.196',
    '1.2.840.10008.6.1.197',
    '1.2.840.10008.6.1.198',
    '1.2.840.10008.6.1.199',
    '1.2.840.10008.6.1.200',
    '1.2.840.10008.6.1.221',
    '1.2.840.10008.6.1.532',
    '1.2.840.10008.6.1.888',
    '1.2.840.10008.6.1.945',
    '1.2.840.10008.6.1.946',
    '1.2.840.10008.6.1.1098',
    '1.2.840.10008.6.1.1251',
    '1.2.840.10008.6.1.1412',
})

#: Template UIDs (PS3.6 Table A-4, PS3.20 templates): value -> (name, type, part).
TEMPLATE_UIDS: Final[dict[str, tuple[str, str, str]]] = {
    '1.2.840.10008.9.1': ('Section 7.1 in PS3.20', 'Document TemplateID', 'PS3.20'),
    '1.2.840.10008.9.2': ('Section 9.2 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.3': ('Section 9.3 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.4': ('Section 9.4 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.5': ('Section 9.6 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.6': ('Section 9.7 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.7': ('Section 9.8.1 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.8': ('Section 9.8.5 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.9': ('Section 9.8.8 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.10': ('Section 9.8.9 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.11': ('Section 9.8.10 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.12': ('Section 9.8.11 in PS3.20', 'Section TemplateID', 'PS3.20'),
    '1.2.840.10008.9.13': ('Section 10.2 in PS3.20', 'Entry TemplateID', 'PS3.20'),
    '1.2.840.10008.9.14': ('Section 10.4 in PS3.20', 'Entry TemplateID', 'PS3.20'),
    '1.2.840.10008.9.15': ('Section 10.9 in PS3.20', 'Entry TemplateID', 'PS3.20'),
    '1.2.840.10008.9.16': ('Section 10.6 in PS3.20', 'Entry TemplateID', 'PS3.20'),
    '1.2.840.10008.9.17': ('Section 10.7 in PS3.20', 'Entry TemplateID', 'PS3.20'),
    '1.2.840.10008.9.18': ('Section 10.8 in PS3.20', 'Entry TemplateID', 'PS3.20'),
    '1.2.840.10008.9.19': ('Section 9.1.1 in PS3.20', 'Element Set TemplateID', 'PS3.20'),
    '1.2.840.10008.9.20': ('Section 8.1 in PS3.20', 'Element Set TemplateID', 'PS3.20'),
    '1.2.840.10008.9.21': ('Section 8.2 in PS3.20', 'Element Set TemplateID', 'PS3.20'),
    '1.2.840.10008.9.22': ('Section 8.3 in PS3.20', 'Element Set TemplateID', 'PS3.20'),
    '1.2.840.10008.9.23': ('Section 9.1.2 in PS3.20', 'Element Set TemplateID', 'PS3.20'),
    '1.2.840.10008.9.24': ('Section 7.2 in PS3.20', 'Document TemplateID', 'PS3.20'),
}

#: Standard color palettes (PS3.6 Table B.1-1): SOP Instance UID -> (content label,
#: content description, PS3.6 section, URL of the encoded instance).
COLOR_PALETTES: Final[dict[str, tuple[str, str, str, str]]] = {
    '1.2.840.10008.1.5.1': ('HOT_IRON', 'Hot Iron', 'B.1.1', 'ftp://medical.nema.org/Medical/Dicom/Palettes/hotiron.dcm'),
    '1.2.840.10008.1.5.2': ('PET', 'PET', 'B.1.2', 'ftp://medical.nema.org/Medical/Dicom/Palettes/pet.dcm'),
    '1.2.840.10008.1.5.3': ('HOT_METAL_BLUE', 'Hot Metal Blue', 'B.1.3', 'ftp://medical.nema.org/Medical/Dicom/Palettes/hotmetalblue.dcm'),
    '1.2.840.10008.1.5.4': ('PET_20_STEP', 'PET 20 Step', 'B.1.4', 'ftp://medical.nema.org/Medical/Dicom/Palettes/pet20step.dcm'),
    '1.2.840.10008.1.5.5': ('SPRING', 'Spring', 'B.1.5', 'ftp://medical.nema.org/Medical/Dicom/Palettes/spring.dcm'),
    '1.2.840.10008.1.5.6': ('SUMMER', 'Summer', 'B.1.6', 'ftp://medical.nema.org/Medical/Dicom/Palettes/summer.dcm'),
    '1.2.840.10008.1.5.7': ('FALL', 'Fall', 'B.1.7', 'ftp://medical.nema.org/Medical/Dicom/Palettes/fall.dcm'),
    '1.2.840.10008.1.5.8': ('WINTER', 'Winter', 'B.1.8', 'ftp://medical.nema.org/Medical/Dicom/Palettes/winter.dcm'),
}

# One constant per UID keyword, in UID order.
Verification: Final = '1.2.840.10008.1.1'
ImplicitVRLittleEndian: Final = '1.2.840.10008.1.2'
ExplicitVRLittleEndian: Final = '1.2.840.10008.1.2.1'
EncapsulatedUncompressedExplicitVRLittleEndian: Final = '1.2.840.10008.1.2.1.98'
DeflatedExplicitVRLittleEndian: Final = '1.2.840.10008.1.2.1.99'
ExplicitVRBigEndian: Final = '1.2.840.10008.1.2.2'
JPEGBaseline8Bit: Final = '1.2.840.10008.1.2.4.50'
JPEGExtended12Bit: Final = '1.2.840.10008.1.2.4.51'
JPEGExtended35: Final = '1.2.840.10008.1.2.4.52'
JPEGSpectralSelectionNonHierarchical68: Final = '1.2.840.10008.1.2.4.53'
JPEGSpectralSelectionNonHierarchical79: Final = '1.2.840.10008.1.2.4.54'
JPEGFullProgressionNonHierarchical1012: Final = '1.2.840.10008.1.2.4.55'
JPEGFullProgressionNonHierarchical1113: Final = '1.2.840.10008.1.2.4.56'
JPEGLossless: Final = '1.2.840.10008.1.2.4.57'
JPEGLosslessNonHierarchical15: Final = '1.2.840.10008.1.2.4.58'
JPEGExtendedHierarchical1618: Final = '1.2.840.10008.1.2.4.59'
JPEGExtendedHierarchical1719: Final = '1.2.840.10008.1.2.4.60'
JPEGSpectralSelectionHierarchical2022: Final = '1.2.840.10008.1.2.4.61'
JPEGSpectralSelectionHierarchical2123: Final = '1.2.840.10008.1.2.4.62'
JPEGFullProgressionHierarchical2426: Final = '1.2.840.10008.1.2.4.63'
JPEGFullProgressionHierarchical2527: Final = '1.2.840.10008.1.2.4.64'
JPEGLosslessHierarchical28: Final = '1.2.840.10008.1.2.4.65'
JPEGLosslessHierarchical29: Final = '1.2.840.10008.1.2.4.66'
JPEGLosslessSV1: Final = '1.2.840.10008.1.2.4.70'
JPEGLSLossless: Final = '1.2.840.10008.1.2.4.80'
JPEGLSNearLossless: Final = '1.2.840.10008.1.2.4.81'
JPEG2000Lossless: Final = '1.2.840.10008.1.2.4.90'
JPEG2000: Final = '1.2.840.10008.1.2.4.91'
JPEG2000MCLossless: Final = '1.2.840.10008.1.2.4.92'
JPEG2000MC: Final = '1.2.840.10008.1.2.4.93'
JPIPReferenced: Final = '1.2.840.10008.1.2.4.94'
JPIPReferencedDeflate: Final = '1.2.840.10008.1.2.4.95'
MPEG2MPML: Final = '1.2.840.10008.1.2.4.100'
MPEG2MPMLF: Final = '1.2.840.10008.1.2.4.100.1'
MPEG2MPHL: Final = '1.2.840.10008.1.2.4.101'
MPEG2MPHLF: Final = '1.2.840.10008.1.2.4.101.1'
MPEG4HP41: Final = '1.2.840.10008.1.2.4.102'
MPEG4HP41F: Final = '1.2.840.10008.1.2.4.102.1'
MPEG4HP41BD: Final = '1.2.840.10008.1.2.4.103'
MPEG4HP41BDF: Final = '1.2.840.10008.1.2.4.103.1'
MPEG4HP422D: Final = '1.2.840.10008.1.2.4.104'
MPEG4HP422DF: Final = '1.2.840.10008.1.2.4.104.1'
MPEG4HP423D: Final = '1.2.840.10008.1.2.4.105'
MPEG4HP423DF: Final = '1.2.840.10008.1.2.4.105.1'
MPEG4HP42STEREO: Final = '1.2.840.10008.1.2.4.106'
MPEG4HP42STEREOF: Final = '1.2.840.10008.1.2.4.106.1'
HEVCMP51: Final = '1.2.840.10008.1.2.4.107'
HEVCM10P51: Final = '1.2.840.10008.1.2.4.108'
HTJ2KLossless: Final = '1.2.840.10008.1.2.4.201'
HTJ2KLosslessRPCL: Final = '1.2.840.10008.1.2.4.202'
HTJ2K: Final = '1.2.840.10008.1.2.4.203'
JPIPHTJ2KReferenced: Final = '1.2.840.10008.1.2.4.204'
JPIPHTJ2KReferencedDeflate: Final = '1.2.840.10008.1.2.4.205'
RLELossless: Final = '1.2.840.10008.1.2.5'
RFC2557MIMEEncapsulation: Final = '1.2.840.10008.1.2.6.1'
XMLEncoding: Final = '1.2.840.10008.1.2.6.2'
SMPTEST211020UncompressedProgressiveActiveVideo: Final = '1.2.840.10008.1.2.7.1'
SMPTEST211020UncompressedInterlacedActiveVideo: Final = '1.2.840.10008.1.2.7.2'
SMPTEST211030PCMDigitalAudio: Final = '1.2.840.10008.1.2.7.3'
MediaStorageDirectoryStorage: Final = '1.2.840.10008.1.3.10'
TalairachBrainAtlas: Final = '1.2.840.10008.1.4.1.1'
SPM2T1: Final = '1.2.840.10008.1.4.1.2'
SPM2T2: Final = '1.2.840.10008.1.4.1.3'
SPM2PD: Final = '1.2.840.10008.1.4.1.4'
SPM2EPI: Final = '1.2.840.10008.1.4.1.5'
SPM2FILT1: Final = '1.2.840.10008.1.4.1.6'
SPM2PET: Final = '1.2.840.10008.1.4.1.7'
SPM2TRANSM: Final = '1.2.840.10008.1.4.1.8'
SPM2SPECT: Final = '1.2.840.10008.1.4.1.9'
SPM2GRAY: Final = '1.2.840.10008.1.4.1.10'
SPM2WHITE: Final = '1.2.840.10008.1.4.1.11'
SPM2CSF: Final = '1.2.840.10008.1.4.1.12'
SPM2BRAINMASK: Final = '1.2.840.10008.1.4.1.13'
SPM2AVG305T1: Final = '1.2.840.10008.1.4.1.14'
SPM2AVG152T1: Final = '1.2.840.10008.1.4.1.15'
SPM2AVG152T2: Final = '1.2.840.10008.1.4.1.16'
SPM2AVG152PD: Final = '1.2.840.10008.1.4.1.17'
SPM2SINGLESUBJT1: Final = '1.2.840.10008.1.4.1.18'
ICBM452T1: Final = '1.2.840.10008.1.4.2.1'
ICBMSingleSubjectMRI: Final = '1.2.840.10008.1.4.2.2'
IEC61217FixedCoordinateSystem: Final = '1.2.840.10008.1.4.3.1'
StandardRoboticArmCoordinateSystem: Final = '1.2.840.10008.1.4.3.2'
IEC61217TableTopCoordinateSystem: Final = '1.2.840.10008.1.4.3.3'
SRI24: Final = '1.2.840.10008.1.4.4.1'
Colin27: Final = '1.2.840.10008.1.4.5.1'
LPBA40AIR: Final = '1.2.840.10008.1.4.6.1'
LPBA40FLIRT: Final = '1.2.840.10008.1.4.6.2'
LPBA40SPM5: Final = '1.2.840.10008.1.4.6.3'
HotIronPalette: Final = '1.2.840.10008.1.5.1'
PETPalette: Final = '1.2.840.10008.1.5.2'
HotMetalBluePalette: Final = '1.2.840.10008.1.5.3'
PET20StepPalette: Final = '1.2.840.10008.1.5.4'
SpringPalette: Final = '1.2.840.10008.1.5.5'
SummerPalette: Final = '1.2.840.10008.1.5.6'
FallPalette: Final = '1.2.840.10008.1.5.7'
WinterPalette: Final = '1.2.840.10008.1.5.8'
BasicStudyContentNotification: Final = '1.2.840.10008.1.9'
Papyrus3ImplicitVRLittleEndian: Final = '1.2.840.10008.1.20'
StorageCommitmentPushModel: Final = '1.2.840.10008.1.20.1'
StorageCommitmentPushModelInstance: Final = '1.2.840.10008.1.20.1.1'
StorageCommitmentPullModel: Final = '1.2.840.10008.1.20.2'
StorageCommitmentPullModelInstance: Final = '1.2.840.10008.1.20.2.1'
ProceduralEventLogging: Final = '1.2.840.10008.1.40'
ProceduralEventLoggingInstance: Final = '1.2.840.10008.1.40.1'
SubstanceAdministrationLogging: Final = '1.2.840.10008.1.42'
SubstanceAdministrationLoggingInstance: Final = '1.2.840.10008.1.42.1'
DCMUID: Final = '1.2.840.10008.2.6.1'
DCM: Final = '1.2.840.10008.2.16.4'
MA: Final = '1.2.840.10008.2.16.5'
UBERON: Final = '1.2.840.10008.2.16.6'
ITIS_TSN: Final = '1.2.840.10008.2.16.7'
MGI: Final = '1.2.840.10008.2.16.8'
PUBCHEM_CID: Final = '1.2.840.10008.2.16.9'
DC: Final = '1.2.840.10008.2.16.10'
NYUMCCG: Final = '1.2.840.10008.2.16.11'
MAYONRISBSASRG: Final = '1.2.840.10008.2.16.12'
IBSI: Final = '1.2.840.10008.2.16.13'
RO: Final = '1.2.840.10008.2.16.14'
RADELEMENT: Final = '1.2.840.10008.2.16.15'
I11: Final = '1.2.840.10008.2.16.16'
UNS: Final = '1.2.840.10008.2.16.17'
RRID: Final = '1.2.840.10008.2.16.18'
DICOMApplicationContext: Final = '1.2.840.10008.3.1.1.1'
DetachedPatientManagement: Final = '1.2.840.10008.3.1.2.1.1'
DetachedPatientManagementMeta: Final = '1.2.840.10008.3.1.2.1.4'
DetachedVisitManagement: Final = '1.2.840.10008.3.1.2.2.1'
DetachedStudyManagement: Final = '1.2.840.10008.3.1.2.3.1'
StudyComponentManagement: Final = '1.2.840.10008.3.1.2.3.2'
ModalityPerformedProcedureStep: Final = '1.2.840.10008.3.1.2.3.3'
ModalityPerformedProcedureStepRetrieve: Final = '1.2.840.10008.3.1.2.3.4'
ModalityPerformedProcedureStepNotification: Final = '1.2.840.10008.3.1.2.3.5'
DetachedResultsManagement: Final = '1.2.840.10008.3.1.2.5.1'
DetachedResultsManagementMeta: Final = '1.2.840.10008.3.1.2.5.4'
DetachedStudyManagementMeta: Final = '1.2.840.10008.3.1.2.5.5'
DetachedInterpretationManagement: Final = '1.2.840.10008.3.1.2.6.1'
Storage: Final = '1.2.840.10008.4.2'
BasicFilmSession: Final = '1.2.840.10008.5.1.1.1'
BasicFilmBox: Final = '1.2.840.10008.5.1.1.2'
BasicGrayscaleImageBox: Final = '1.2.840.10008.5.1.1.4'
BasicColorImageBox: Final = '1.2.840.10008.5.1.1.4.1'
ReferencedImageBox: Final = '1.2.840.10008.5.1.1.4.2'
BasicGrayscalePrintManagementMeta: Final = '1.2.840.10008.5.1.1.9'
ReferencedGrayscalePrintManagementMeta: Final = '1.2.840.10008.5.1.1.9.1'
PrintJob: Final = '1.2.840.10008.5.1.1.14'
BasicAnnotationBox: Final = '1.2.840.10008.5.1.1.15'
Printer: Final = '1.2.840.10008.5.1.1.16'
PrinterConfigurationRetrieval: Final = '1.2.840.10008.5.1.1.16.376'
PrinterInstance: Final = '1.2.840.10008.5.1.1.17'
PrinterConfigurationRetrievalInstance: Final = '1.2.840.10008.5.1.1.17.376'
BasicColorPrintManagementMeta: Final = '1.2.840.10008.5.1.1.18'
ReferencedColorPrintManagementMeta: Final = '1.2.840.10008.5.1.1.18.1'
VOILUTBox: Final = '1.2.840.10008.5.1.1.22'
PresentationLUT: Final = '1.2.840.10008.5.1.1.23'
ImageOverlayBox: Final = '1.2.840.10008.5.1.1.24'
BasicPrintImageOverlayBox: Final = '1.2.840.10008.5.1.1.24.1'
PrintQueueInstance: Final = '1.2.840.10008.5.1.1.25'
PrintQueueManagement: Final = '1.2.840.10008.5.1.1.26'
StoredPrintStorage: Final = '1.2.840.10008.5.1.1.27'
HardcopyGrayscaleImageStorage: Final = '1.2.840.10008.5.1.1.29'
HardcopyColorImageStorage: Final = '1.2.840.10008.5.1.1.30'
PullPrintRequest: Final = '1.2.840.10008.5.1.1.31'
PullStoredPrintManagementMeta: Final = '1.2.840.10008.5.1.1.32'
MediaCreationManagement: Final = '1.2.840.10008.5.1.1.33'
DisplaySystem: Final = '1.2.840.10008.5.1.1.40'
DisplaySystemInstance: Final = '1.2.840.10008.5.1.1.40.1'
ComputedRadiographyImageStorage: Final = '1.2.840.10008.5.1.4.1.1.1'
DigitalXRayImageStorageForPresentation: Final = '1.2.840.10008.5.1.4.1.1.1.1'
DigitalXRayImageStorageForProcessing: Final = '1.2.840.10008.5.1.4.1.1.1.1.1'
DigitalMammographyXRayImageStorageForPresentation: Final = '1.2.840.10008.5.1.4.1.1.1.2'
DigitalMammographyXRayImageStorageForProcessing: Final = '1.2.840.10008.5.1.4.1.1.1.2.1'
DigitalIntraOralXRayImageStorageForPresentation: Final = '1.2.840.10008.5.1.4.1.1.1.3'
DigitalIntraOralXRayImageStorageForProcessing: Final = '1.2.840.10008.5.1.4.1.1.1.3.1'
CTImageStorage: Final = '1.2.840.10008.5.1.4.1.1.2'
EnhancedCTImageStorage: Final = '1.2.840.10008.5.1.4.1.1.2.1'
LegacyConvertedEnhancedCTImageStorage: Final = '1.2.840.10008.5.1.4.1.1.2.2'
UltrasoundMultiFrameImageStorageRetired: Final = '1.2.840.10008.5.1.4.1.1.3'
UltrasoundMultiFrameImageStorage: Final = '1.2.840.10008.5.1.4.1.1.3.1'
MRImageStorage: Final = '1.2.840.10008.5.1.4.1.1.4'
EnhancedMRImageStorage: Final = '1.2.840.10008.5.1.4.1.1.4.1'
MRSpectroscopyStorage: Final = '1.2.840.10008.5.1.4.1.1.4.2'
EnhancedMRColorImageStorage: Final = '1.2.840.10008.5.1.4.1.1.4.3'
LegacyConvertedEnhancedMRImageStorage: Final = '1.2.840.10008.5.1.4.1.1.4.4'
NuclearMedicineImageStorageRetired: Final = '1.2.840.10008.5.1.4.1.1.5'
UltrasoundImageStorageRetired: Final = '1.2.840.10008.5.1.4.1.1.6'
UltrasoundImageStorage: Final = '1.2.840.10008.5.1.4.1.1.6.1'
EnhancedUSVolumeStorage: Final = '1.2.840.10008.5.1.4.1.1.6.2'
PhotoacousticImageStorage: Final = '1.2.840.10008.5.1.4.1.1.6.3'
SecondaryCaptureImageStorage: Final = '1.2.840.10008.5.1.4.1.1.7'
MultiFrameSingleBitSecondaryCaptureImageStorage: Final = '1.2.840.10008.5.1.4.1.1.7.1'
MultiFrameGrayscaleByteSecondaryCaptureImageStorage: Final = '1.2.840.10008.5.1.4.1.1.7.2'
MultiFrameGrayscaleWordSecondaryCaptureImageStorage: Final = '1.2.840.10008.5.1.4.1.1.7.3'
MultiFrameTrueColorSecondaryCaptureImageStorage: Final = '1.2.840.10008.5.1.4.1.1.7.4'
StandaloneOverlayStorage: Final = '1.2.840.10008.5.1.4.1.1.8'
StandaloneCurveStorage: Final = '1.2.840.10008.5.1.4.1.1.9'
WaveformStorageTrial: Final = '1.2.840.10008.5.1.4.1.1.9.1'
TwelveLeadECGWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.1.1'
GeneralECGWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.1.2'
AmbulatoryECGWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.1.3'
General32bitECGWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.1.4'
HemodynamicWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.2.1'
CardiacElectrophysiologyWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.3.1'
BasicVoiceAudioWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.4.1'
GeneralAudioWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.4.2'
ArterialPulseWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.5.1'
RespiratoryWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.6.1'
MultichannelRespiratoryWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.6.2'
RoutineScalpElectroencephalogramWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.7.1'
ElectromyogramWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.7.2'
ElectrooculogramWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.7.3'
SleepElectroencephalogramWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.7.4'
BodyPositionWaveformStorage: Final = '1.2.840.10008.5.1.4.1.1.9.8.1'
StandaloneModalityLUTStorage: Final = '1.2.840.10008.5.1.4.1.1.10'
StandaloneVOILUTStorage: Final = '1.2.840.10008.5.1.4.1.1.11'
GrayscaleSoftcopyPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.1'
ColorSoftcopyPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.2'
PseudoColorSoftcopyPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.3'
BlendingSoftcopyPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.4'
XAXRFGrayscaleSoftcopyPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.5'
GrayscalePlanarMPRVolumetricPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.6'
CompositingPlanarMPRVolumetricPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.7'
AdvancedBlendingPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.8'
VolumeRenderingVolumetricPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.9'
SegmentedVolumeRenderingVolumetricPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.10'
MultipleVolumeRenderingVolumetricPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.11'
VariableModalityLUTSoftcopyPresentationStateStorage: Final = '1.2.840.10008.5.1.4.1.1.11.12'
XRayAngiographicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.12.1'
EnhancedXAImageStorage: Final = '1.2.840.10008.5.1.4.1.1.12.1.1'
XRayRadiofluoroscopicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.12.2'
EnhancedXRFImageStorage: Final = '1.2.840.10008.5.1.4.1.1.12.2.1'
XRayAngiographicBiPlaneImageStorage: Final = '1.2.840.10008.5.1.4.1.1.12.3'
XRay3DAngiographicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.13.1.1'
XRay3DCraniofacialImageStorage: Final = '1.2.840.10008.5.1.4.1.1.13.1.2'
BreastTomosynthesisImageStorage: Final = '1.2.840.10008.5.1.4.1.1.13.1.3'
BreastProjectionXRayImageStorageForPresentation: Final = '1.2.840.10008.5.1.4.1.1.13.1.4'
BreastProjectionXRayImageStorageForProcessing: Final = '1.2.840.10008.5.1.4.1.1.13.1.5'
IntravascularOpticalCoherenceTomographyImageStorageForPresentation: Final = '1.2.840.10008.5.1.4.1.1.14.1'
IntravascularOpticalCoherenceTomographyImageStorageForProcessing: Final = '1.2.840.10008.5.1.4.1.1.14.2'
NuclearMedicineImageStorage: Final = '1.2.840.10008.5.1.4.1.1.20'
ParametricMapStorage: Final = '1.2.840.10008.5.1.4.1.1.30'
RawDataStorage: Final = '1.2.840.10008.5.1.4.1.1.66'
SpatialRegistrationStorage: Final = '1.2.840.10008.5.1.4.1.1.66.1'
SpatialFiducialsStorage: Final = '1.2.840.10008.5.1.4.1.1.66.2'
DeformableSpatialRegistrationStorage: Final = '1.2.840.10008.5.1.4.1.1.66.3'
SegmentationStorage: Final = '1.2.840.10008.5.1.4.1.1.66.4'
SurfaceSegmentationStorage: Final = '1.2.840.10008.5.1.4.1.1.66.5'
TractographyResultsStorage: Final = '1.2.840.10008.5.1.4.1.1.66.6'
RealWorldValueMappingStorage: Final = '1.2.840.10008.5.1.4.1.1.67'
SurfaceScanMeshStorage: Final = '1.2.840.10008.5.1.4.1.1.68.1'
SurfaceScanPointCloudStorage: Final = '1.2.840.10008.5.1.4.1.1.68.2'
VLImageStorageTrial: Final = '1.2.840.10008.5.1.4.1.1.77.1'
VLEndoscopicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.1'
VideoEndoscopicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.1.1'
VLMicroscopicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.2'
VideoMicroscopicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.2.1'
VLSlideCoordinatesMicroscopicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.3'
VLPhotographicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.4'
VideoPhotographicImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.4.1'
OphthalmicPhotography8BitImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.5.1'
OphthalmicPhotography16BitImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.5.2'
StereometricRelationshipStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.5.3'
OphthalmicTomographyImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.5.4'
WideFieldOphthalmicPhotographyStereographicProjectionImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.5.5'
WideFieldOphthalmicPhotography3DCoordinatesImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.5.6'
OphthalmicOpticalCoherenceTomographyEnFaceImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.5.7'
OphthalmicOpticalCoherenceTomographyBscanVolumeAnalysisStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.5.8'
VLWholeSlideMicroscopyImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.6'
DermoscopicPhotographyImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.7'
ConfocalMicroscopyImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.8'
ConfocalMicroscopyTiledPyramidalImageStorage: Final = '1.2.840.10008.5.1.4.1.1.77.1.9'
VLMultiFrameImageStorageTrial: Final = '1.2.840.10008.5.1.4.1.1.77.2'
LensometryMeasurementsStorage: Final = '1.2.840.10008.5.1.4.1.1.78.1'
AutorefractionMeasurementsStorage: Final = '1.2.840.10008.5.1.4.1.1.78.2'
KeratometryMeasurementsStorage: Final = '1.2.840.10008.5.1.4.1.1.78.3'
SubjectiveRefractionMeasurementsStorage: Final = '1.2.840.10008.5.1.4.1.1.78.4'
VisualAcuityMeasurementsStorage: Final = '1.2.840.10008.5.1.4.1.1.78.5'
SpectaclePrescriptionReportStorage: Final = '1.2.840.10008.5.1.4.1.1.78.6'
OphthalmicAxialMeasurementsStorage: Final = '1.2.840.10008.5.1.4.1.1.78.7'
IntraocularLensCalculationsStorage: Final = '1.2.840.10008.5.1.4.1.1.78.8'
MacularGridThicknessAndVolumeReportStorage: Final = '1.2.840.10008.5.1.4.1.1.79.1'
OphthalmicVisualFieldStaticPerimetryMeasurementsStorage: Final = '1.2.840.10008.5.1.4.1.1.80.1'
OphthalmicThicknessMapStorage: Final = '1.2.840.10008.5.1.4.1.1.81.1'
CornealTopographyMapStorage: Final = '1.2.840.10008.5.1.4.1.1.82.1'
TextSRStorageTrial: Final = '1.2.840.10008.5.1.4.1.1.88.1'
AudioSRStorageTrial: Final = '1.2.840.10008.5.1.4.1.1.88.2'
DetailSRStorageTrial: Final = '1.2.840.10008.5.1.4.1.1.88.3'
ComprehensiveSRStorageTrial: Final = '1.2.840.10008.5.1.4.1.1.88.4'
BasicTextSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.11'
EnhancedSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.22'
ComprehensiveSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.33'
Comprehensive3DSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.34'
ExtensibleSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.35'
ProcedureLogStorage: Final = '1.2.840.10008.5.1.4.1.1.88.40'
MammographyCADSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.50'
KeyObjectSelectionDocumentStorage: Final = '1.2.840.10008.5.1.4.1.1.88.59'
ChestCADSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.65'
XRayRadiationDoseSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.67'
RadiopharmaceuticalRadiationDoseSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.68'
ColonCADSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.69'
ImplantationPlanSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.70'
AcquisitionContextSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.71'
SimplifiedAdultEchoSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.72'
PatientRadiationDoseSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.73'
PlannedImagingAgentAdministrationSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.74'
PerformedImagingAgentAdministrationSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.75'
EnhancedXRayRadiationDoseSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.76'
WaveformAnnotationSRStorage: Final = '1.2.840.10008.5.1.4.1.1.88.77'
ContentAssessmentResultsStorage: Final = '1.2.840.10008.5.1.4.1.1.90.1'
MicroscopyBulkSimpleAnnotationsStorage: Final = '1.2.840.10008.5.1.4.1.1.91.1'
EncapsulatedPDFStorage: Final = '1.2.840.10008.5.1.4.1.1.104.1'
EncapsulatedCDAStorage: Final = '1.2.840.10008.5.1.4.1.1.104.2'
EncapsulatedSTLStorage: Final = '1.2.840.10008.5.1.4.1.1.104.3'
EncapsulatedOBJStorage: Final = '1.2.840.10008.5.1.4.1.1.104.4'
EncapsulatedMTLStorage: Final = '1.2.840.10008.5.1.4.1.1.104.5'
PositronEmissionTomographyImageStorage: Final = '1.2.840.10008.5.1.4.1.1.128'
LegacyConvertedEnhancedPETImageStorage: Final = '1.2.840.10008.5.1.4.1.1.128.1'
StandalonePETCurveStorage: Final = '1.2.840.10008.5.1.4.1.1.129'
EnhancedPETImageStorage: Final = '1.2.840.10008.5.1.4.1.1.130'
BasicStructuredDisplayStorage: Final = '1.2.840.10008.5.1.4.1.1.131'
CTDefinedProcedureProtocolStorage: Final = '1.2.840.10008.5.1.4.1.1.200.1'
CTPerformedProcedureProtocolStorage: Final = '1.2.840.10008.5.1.4.1.1.200.2'
ProtocolApprovalStorage: Final = '1.2.840.10008.5.1.4.1.1.200.3'
ProtocolApprovalInformationModelFind: Final = '1.2.840.10008.5.1.4.1.1.200.4'
ProtocolApprovalInformationModelMove: Final = '1.2.840.10008.5.1.4.1.1.200.5'
ProtocolApprovalInformationModelGet: Final = '1.2.840.10008.5.1.4.1.1.200.6'
XADefinedProcedureProtocolStorage: Final = '1.2.840.10008.5.1.4.1.1.200.7'
XAPerformedProcedureProtocolStorage: Final = '1.2.840.10008.5.1.4.1.1.200.8'
InventoryStorage: Final = '1.2.840.10008.5.1.4.1.1.201.1'
StorageManagementInstance: Final = '1.2.840.10008.5.1.4.1.1.201.1.1'
InventoryFind: Final = '1.2.840.10008.5.1.4.1.1.201.2'
InventoryMove: Final = '1.2.840.10008.5.1.4.1.1.201.3'
InventoryGet: Final = '1.2.840.10008.5.1.4.1.1.201.4'
InventoryCreation: Final = '1.2.840.10008.5.1.4.1.1.201.5'
RepositoryQuery: Final = '1.2.840.10008.5.1.4.1.1.201.6'
RTImageStorage: Final = '1.2.840.10008.5.1.4.1.1.481.1'
RTDoseStorage: Final = '1.2.840.10008.5.1.4.1.1.481.2'
RTStructureSetStorage: Final = '1.2.840.10008.5.1.4.1.1.481.3'
RTBeamsTreatmentRecordStorage: Final = '1.2.840.10008.5.1.4.1.1.481.4'
RTPlanStorage: Final = '1.2.840.10008.5.1.4.1.1.481.5'
RTBrachyTreatmentRecordStorage: Final = '1.2.840.10008.5.1.4.1.1.481.6'
RTTreatmentSummaryRecordStorage: Final = '1.2.840.10008.5.1.4.1.1.481.7'
RTIonPlanStorage: Final = '1.2.840.10008.5.1.4.1.1.481.8'
RTIonBeamsTreatmentRecordStorage: Final = '1.2.840.10008.5.1.4.1.1.481.9'
RTPhysicianIntentStorage: Final = '1.2.840.10008.5.1.4.1.1.481.10'
RTSegmentAnnotationStorage: Final = '1.2.840.10008.5.1.4.1.1.481.11'
RTRadiationSetStorage: Final = '1.2.840.10008.5.1.4.1.1.481.12'
CArmPhotonElectronRadiationStorage: Final = '1.2.840.10008.5.1.4.1.1.481.13'
TomotherapeuticRadiationStorage: Final = '1.2.840.10008.5.1.4.1.1.481.14'
RoboticArmRadiationStorage: Final = '1.2.840.10008.5.1.4.1.1.481.15'
RTRadiationRecordSetStorage: Final = '1.2.840.10008.5.1.4.1.1.481.16'
RTRadiationSalvageRecordStorage: Final = '1.2.840.10008.5.1.4.1.1.481.17'
TomotherapeuticRadiationRecordStorage: Final = '1.2.840.10008.5.1.4.1.1.481.18'
CArmPhotonElectronRadiationRecordStorage: Final = '1.2.840.10008.5.1.4.1.1.481.19'
RoboticRadiationRecordStorage: Final = '1.2.840.10008.5.1.4.1.1.481.20'
RTRadiationSetDeliveryInstructionStorage: Final = '1.2.840.10008.5.1.4.1.1.481.21'
RTTreatmentPreparationStorage: Final = '1.2.840.10008.5.1.4.1.1.481.22'
EnhancedRTImageStorage: Final = '1.2.840.10008.5.1.4.1.1.481.23'
EnhancedContinuousRTImageStorage: Final = '1.2.840.10008.5.1.4.1.1.481.24'
RTPatientPositionAcquisitionInstructionStorage: Final = '1.2.840.10008.5.1.4.1.1.481.25'
DICOSCTImageStorage: Final = '1.2.840.10008.5.1.4.1.1.501.1'
DICOSDigitalXRayImageStorageForPresentation: Final = '1.2.840.10008.5.1.4.1.1.501.2.1'
DICOSDigitalXRayImageStorageForProcessing: Final = '1.2.840.10008.5.1.4.1.1.501.2.2'
DICOSThreatDetectionReportStorage: Final = '1.2.840.10008.5.1.4.1.1.501.3'
DICOS2DAITStorage: Final = '1.2.840.10008.5.1.4.1.1.501.4'
DICOS3DAITStorage: Final = '1.2.840.10008.5.1.4.1.1.501.5'
DICOSQuadrupoleResonanceStorage: Final = '1.2.840.10008.5.1.4.1.1.501.6'
EddyCurrentImageStorage: Final = '1.2.840.10008.5.1.4.1.1.601.1'
EddyCurrentMultiFrameImageStorage: Final = '1.2.840.10008.5.1.4.1.1.601.2'
PatientRootQueryRetrieveInformationModelFind: Final = '1.2.840.10008.5.1.4.1.2.1.1'
PatientRootQueryRetrieveInformationModelMove: Final = '1.2.840.10008.5.1.4.1.2.1.2'
PatientRootQueryRetrieveInformationModelGet: Final = '1.2.840.10008.5.1.4.1.2.1.3'
StudyRootQueryRetrieveInformationModelFind: Final = '1.2.840.10008.5.1.4.1.2.2.1'
StudyRootQueryRetrieveInformationModelMove: Final = '1.2.840.10008.5.1.4.1.2.2.2'
StudyRootQueryRetrieveInformationModelGet: Final = '1.2.840.10008.5.1.4.1.2.2.3'
PatientStudyOnlyQueryRetrieveInformationModelFind: Final = '1.2.840.10008.5.1.4.1.2.3.1'
PatientStudyOnlyQueryRetrieveInformationModelMove: Final = '1.2.840.10008.5.1.4.1.2.3.2'
PatientStudyOnlyQueryRetrieveInformationModelGet: Final = '1.2.840.10008.5.1.4.1.2.3.3'
CompositeInstanceRootRetrieveMove: Final = '1.2.840.10008.5.1.4.1.2.4.2'
CompositeInstanceRootRetrieveGet: Final = '1.2.840.10008.5.1.4.1.2.4.3'
CompositeInstanceRetrieveWithoutBulkDataGet: Final = '1.2.840.10008.5.1.4.1.2.5.3'
DefinedProcedureProtocolInformationModelFind: Final = '1.2.840.10008.5.1.4.20.1'
DefinedProcedureProtocolInformationModelMove: Final = '1.2.840.10008.5.1.4.20.2'
DefinedProcedureProtocolInformationModelGet: Final = '1.2.840.10008.5.1.4.20.3'
ModalityWorklistInformationModelFind: Final = '1.2.840.10008.5.1.4.31'
GeneralPurposeWorklistManagementMeta: Final = '1.2.840.10008.5.1.4.32'
GeneralPurposeWorklistInformationModelFind: Final = '1.2.840.10008.5.1.4.32.1'
GeneralPurposeScheduledProcedureStep: Final = '1.2.840.10008.5.1.4.32.2'
GeneralPurposePerformedProcedureStep: Final = '1.2.840.10008.5.1.4.32.3'
InstanceAvailabilityNotification: Final = '1.2.840.10008.5.1.4.33'
RTBeamsDeliveryInstructionStorageTrial: Final = '1.2.840.10008.5.1.4.34.1'
RTConventionalMachineVerificationTrial: Final = '1.2.840.10008.5.1.4.34.2'
RTIonMachineVerificationTrial: Final = '1.2.840.10008.5.1.4.34.3'
UnifiedWorklistAndProcedureStepTrial: Final = '1.2.840.10008.5.1.4.34.4'
UnifiedProcedureStepPushTrial: Final = '1.2.840.10008.5.1.4.34.4.1'
UnifiedProcedureStepWatchTrial: Final = '1.2.840.10008.5.1.4.34.4.2'
UnifiedProcedureStepPullTrial: Final = '1.2.840.10008.5.1.4.34.4.3'
UnifiedProcedureStepEventTrial: Final = '1.2.840.10008.5.1.4.34.4.4'
UPSGlobalSubscriptionInstance: Final = '1.2.840.10008.5.1.4.34.5'
UPSFilteredGlobalSubscriptionInstance: Final = '1.2.840.10008.5.1.4.34.5.1'
UnifiedWorklistAndProcedureStep: Final = '1.2.840.10008.5.1.4.34.6'
UnifiedProcedureStepPush: Final = '1.2.840.10008.5.1.4.34.6.1'
UnifiedProcedureStepWatch: Final = '1.2.840.10008.5.1.4.34.6.2'
UnifiedProcedureStepPull: Final = '1.2.840.10008.5.1.4.34.6.3'
UnifiedProcedureStepEvent: Final = '1.2.840.10008.5.1.4.34.6.4'
UnifiedProcedureStepQuery: Final = '1.2.840.10008.5.1.4.34.6.5'
RTBeamsDeliveryInstructionStorage: Final = '1.2.840.10008.5.1.4.34.7'
RTConventionalMachineVerification: Final = '1.2.840.10008.5.1.4.34.8'
RTIonMachineVerification: Final = '1.2.840.10008.5.1.4.34.9'
RTBrachyApplicationSetupDeliveryInstructionStorage: Final = '1.2.840.10008.5.1.4.34.10'
GeneralRelevantPatientInformationQuery: Final = '1.2.840.10008.5.1.4.37.1'
BreastImagingRelevantPatientInformationQuery: Final = '1.2.840.10008.5.1.4.37.2'
CardiacRelevantPatientInformationQuery: Final = '1.2.840.10008.5.1.4.37.3'
HangingProtocolStorage: Final = '1.2.840.10008.5.1.4.38.1'
HangingProtocolInformationModelFind: Final = '1.2.840.10008.5.1.4.38.2'
HangingProtocolInformationModelMove: Final = '1.2.840.10008.5.1.4.38.3'
HangingProtocolInformationModelGet: Final = '1.2.840.10008.5.1.4.38.4'
ColorPaletteStorage: Final = '1.2.840.10008.5.1.4.39.1'
ColorPaletteQueryRetrieveInformationModelFind: Final = '1.2.840.10008.5.1.4.39.2'
ColorPaletteQueryRetrieveInformationModelMove: Final = '1.2.840.10008.5.1.4.39.3'
ColorPaletteQueryRetrieveInformationModelGet: Final = '1.2.840.10008.5.1.4.39.4'
ProductCharacteristicsQuery: Final = '1.2.840.10008.5.1.4.41'
SubstanceApprovalQuery: Final = '1.2.840.10008.5.1.4.42'
GenericImplantTemplateStorage: Final = '1.2.840.10008.5.1.4.43.1'
GenericImplantTemplateInformationModelFind: Final = '1.2.840.10008.5.1.4.43.2'
GenericImplantTemplateInformationModelMove: Final = '1.2.840.10008.5.1.4.43.3'
GenericImplantTemplateInformationModelGet: Final = '1.2.840.10008.5.1.4.43.4'
ImplantAssemblyTemplateStorage: Final = '1.2.840.10008.5.1.4.44.1'
ImplantAssemblyTemplateInformationModelFind: Final = '1.2.840.10008.5.1.4.44.2'
ImplantAssemblyTemplateInformationModelMove: Final = '1.2.840.10008.5.1.4.44.3'
ImplantAssemblyTemplateInformationModelGet: Final = '1.2.840.10008.5.1.4.44.4'
ImplantTemplateGroupStorage: Final = '1.2.840.10008.5.1.4.45.1'
ImplantTemplateGroupInformationModelFind: Final = '1.2.840.10008.5.1.4.45.2'
ImplantTemplateGroupInformationModelMove: Final = '1.2.840.10008.5.1.4.45.3'
ImplantTemplateGroupInformationModelGet: Final = '1.2.840.10008.5.1.4.45.4'
NativeDICOMModel: Final = '1.2.840.10008.7.1.1'
AbstractMultiDimensionalImageModel: Final = '1.2.840.10008.7.1.2'
DICOMContentMappingResource: Final = '1.2.840.10008.8.1.1'
VideoEndoscopicImageRealTimeCommunication: Final = '1.2.840.10008.10.1'
VideoPhotographicImageRealTimeCommunication: Final = '1.2.840.10008.10.2'
AudioWaveformRealTimeCommunication: Final = '1.2.840.10008.10.3'
RenditionSelectionDocumentRealTimeCommunication: Final = '1.2.840.10008.10.4'
dicomDeviceName: Final = '1.2.840.10008.15.0.3.1'
dicomDescription: Final = '1.2.840.10008.15.0.3.2'
dicomManufacturer: Final = '1.2.840.10008.15.0.3.3'
dicomManufacturerModelName: Final = '1.2.840.10008.15.0.3.4'
dicomSoftwareVersion: Final = '1.2.840.10008.15.0.3.5'
dicomVendorData: Final = '1.2.840.10008.15.0.3.6'
dicomAETitle: Final = '1.2.840.10008.15.0.3.7'
dicomNetworkConnectionReference: Final = '1.2.840.10008.15.0.3.8'
dicomApplicationCluster: Final = '1.2.840.10008.15.0.3.9'
dicomAssociationInitiator: Final = '1.2.840.10008.15.0.3.10'
dicomAssociationAcceptor: Final = '1.2.840.10008.15.0.3.11'
dicomHostname: Final = '1.2.840.10008.15.0.3.12'
dicomPort: Final = '1.2.840.10008.15.0.3.13'
dicomSOPClass: Final = '1.2.840.10008.15.0.3.14'
dicomTransferRole: Final = '1.2.840.10008.15.0.3.15'
dicomTransferSyntax: Final = '1.2.840.10008.15.0.3.16'
dicomPrimaryDeviceType: Final = '1.2.840.10008.15.0.3.17'
dicomRelatedDeviceReference: Final = '1.2.840.10008.15.0.3.18'
dicomPreferredCalledAETitle: Final = '1.2.840.10008.15.0.3.19'
dicomTLSCyphersuite: Final = '1.2.840.10008.15.0.3.20'
dicomAuthorizedNodeCertificateReference: Final = '1.2.840.10008.15.0.3.21'
dicomThisNodeCertificateReference: Final = '1.2.840.10008.15.0.3.22'
dicomInstalled: Final = '1.2.840.10008.15.0.3.23'
dicomStationName: Final = '1.2.840.10008.15.0.3.24'
dicomDeviceSerialNumber: Final = '1.2.840.10008.15.0.3.25'
dicomInstitutionName: Final = '1.2.840.10008.15.0.3.26'
dicomInstitutionAddress: Final = '1.2.840.10008.15.0.3.27'
dicomInstitutionDepartmentName: Final = '1.2.840.10008.15.0.3.28'
dicomIssuerOfPatientID: Final = '1.2.840.10008.15.0.3.29'
dicomPreferredCallingAETitle: Final = '1.2.840.10008.15.0.3.30'
dicomSupportedCharacterSet: Final = '1.2.840.10008.15.0.3.31'
dicomConfigurationRoot: Final = '1.2.840.10008.15.0.4.1'
dicomDevicesRoot: Final = '1.2.840.10008.15.0.4.2'
dicomUniqueAETitlesRegistryRoot: Final = '1.2.840.10008.15.0.4.3'
dicomDevice: Final = '1.2.840.10008.15.0.4.4'
dicomNetworkAE: Final = '1.2.840.10008.15.0.4.5'
dicomNetworkConnection: Final = '1.2.840.10008.15.0.4.6'
dicomUniqueAETitle: Final = '1.2.840.10008.15.0.4.7'
dicomTransferCapability: Final = '1.2.840.10008.15.0.4.8'
UTC: Final = '1.2.840.10008.15.1.1'
