"""dicomkit.generated.service_classes: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Section A, Section AA, Section B, Section BB, Section C, Section CC, Section D, Section DD, Section E, Section EE, Section F, Section FF, Section G, Section GG, Section H, Section HH, Section I, Section II, Section J, Section JJ, Section K, Section KK, Section L, Section M, Section N, Section O, Section P, Section Q, Section R, Section S, Section T, Section U, Section V, Section W, Section X, Section Y, Section Z
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table A-1
"""
# 262 SOP classes of 26 PS3.4 service classes; 36 SOP classes PS3.6 Table A-1
# ascribes to PS3.4 that no annex of this edition gives (UNMAPPED_SOP_CLASSES).
#
# A service class is an annex of PS3.4.  A SOP class (PS3.6 Table A-1 types "SOP Class" and
# "Meta SOP Class") belongs to the annex writing its UID: in a table with "SOP Class Name" and
# "SOP Class UID" columns (how "table"), in its text (how "text"), or, where PS3.4 gives no UID,
# to the one annex naming "<name> SOP Class" (how "named"; PS3.6 gives the UID).  operation is
# the DIMSE-C operation of a SOP class of an annex whose DIMSE-C Service Group has C-FIND,
# C-MOVE or C-GET (from its name "... - FIND", else the text around it); "" otherwise.
# Read by dicomkit.codegen.readers.part04.read_service_classes.

from __future__ import annotations

import enum
from typing import Final, NamedTuple

__all__ = [
    "SERVICE_CLASS_TITLES",
    "SOP_CLASSES_OF",
    "SOP_CLASS_SERVICE",
    "SOP_CLASS_SERVICES",
    "UNMAPPED_SOP_CLASSES",
    "ServiceClass",
    "SopClassService",
    "service_class",
]


class ServiceClass(enum.Enum):
    """The service classes of PS3.4 that specify SOP classes; value: the annex."""

    #: PS3.4 Annex A Verification Service Class
    VERIFICATION = 'A'
    #: PS3.4 Annex B Storage Service Class
    STORAGE = 'B'
    #: PS3.4 Annex C Query/Retrieve Service Class
    QUERY_RETRIEVE = 'C'
    #: PS3.4 Annex F Procedure Step SOP Classes
    PROCEDURE_STEP = 'F'
    #: PS3.4 Annex H Print Management Service Class
    PRINT_MANAGEMENT = 'H'
    #: PS3.4 Annex I Media Storage Service Class
    MEDIA_STORAGE = 'I'
    #: PS3.4 Annex J Storage Commitment Service Class
    STORAGE_COMMITMENT = 'J'
    #: PS3.4 Annex K Basic Worklist Management Service Class
    BASIC_WORKLIST_MANAGEMENT = 'K'
    #: PS3.4 Annex P Application Event Logging Service Class
    APPLICATION_EVENT_LOGGING = 'P'
    #: PS3.4 Annex Q Relevant Patient Information Query Service Class
    RELEVANT_PATIENT_INFORMATION_QUERY = 'Q'
    #: PS3.4 Annex R Instance Availability Notification Service Class
    INSTANCE_AVAILABILITY_NOTIFICATION = 'R'
    #: PS3.4 Annex S Media Creation Management Service Class
    MEDIA_CREATION_MANAGEMENT = 'S'
    #: PS3.4 Annex U Hanging Protocol Query/Retrieve Service Class
    HANGING_PROTOCOL_QUERY_RETRIEVE = 'U'
    #: PS3.4 Annex V Substance Administration Query Service Class
    SUBSTANCE_ADMINISTRATION_QUERY = 'V'
    #: PS3.4 Annex X Color Palette Query/Retrieve Service Class
    COLOR_PALETTE_QUERY_RETRIEVE = 'X'
    #: PS3.4 Annex Y Composite Instance Root Retrieve Service Class
    COMPOSITE_INSTANCE_ROOT_RETRIEVE = 'Y'
    #: PS3.4 Annex Z Composite Instance Retrieve Without Bulk Data Service Class
    COMPOSITE_INSTANCE_RETRIEVE_WITHOUT_BULK_DATA = 'Z'
    #: PS3.4 Annex BB Implant Template Query/Retrieve Service Classes
    IMPLANT_TEMPLATE_QUERY_RETRIEVE = 'BB'
    #: PS3.4 Annex CC Unified Procedure Step Service and SOP Classes
    UNIFIED_PROCEDURE_STEP = 'CC'
    #: PS3.4 Annex DD RT Machine Verification Service Classes
    RT_MACHINE_VERIFICATION = 'DD'
    #: PS3.4 Annex EE Display System Management Service Class
    DISPLAY_SYSTEM_MANAGEMENT = 'EE'
    #: PS3.4 Annex GG Non-Patient Object Storage Service Class
    NON_PATIENT_OBJECT_STORAGE = 'GG'
    #: PS3.4 Annex HH Defined Procedure Protocol Query/Retrieve Service Classes
    DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE = 'HH'
    #: PS3.4 Annex II Protocol Approval Query/Retrieve Service Classes
    PROTOCOL_APPROVAL_QUERY_RETRIEVE = 'II'
    #: PS3.4 Annex JJ Inventory Query/Retrieve Service Class
    INVENTORY_QUERY_RETRIEVE = 'JJ'
    #: PS3.4 Annex KK Storage Management Service Class
    STORAGE_MANAGEMENT = 'KK'


class SopClassService(NamedTuple):
    """A SOP class and the service class specifying it (see the comment above)."""

    name: str
    keyword: str
    service: ServiceClass
    section: str
    operation: str
    meta: bool
    retired: bool
    how: str


#: Service class -> its annex title (PS3.4).
SERVICE_CLASS_TITLES: Final[dict[ServiceClass, str]] = {
    ServiceClass.VERIFICATION: 'Verification Service Class',
    ServiceClass.STORAGE: 'Storage Service Class',
    ServiceClass.QUERY_RETRIEVE: 'Query/Retrieve Service Class',
    ServiceClass.PROCEDURE_STEP: 'Procedure Step SOP Classes',
    ServiceClass.PRINT_MANAGEMENT: 'Print Management Service Class',
    ServiceClass.MEDIA_STORAGE: 'Media Storage Service Class',
    ServiceClass.STORAGE_COMMITMENT: 'Storage Commitment Service Class',
    ServiceClass.BASIC_WORKLIST_MANAGEMENT: 'Basic Worklist Management Service Class',
    ServiceClass.APPLICATION_EVENT_LOGGING: 'Application Event Logging Service Class',
    ServiceClass.RELEVANT_PATIENT_INFORMATION_QUERY: 'Relevant Patient Information Query Service Class',
    ServiceClass.INSTANCE_AVAILABILITY_NOTIFICATION: 'Instance Availability Notification Service Class',
    ServiceClass.MEDIA_CREATION_MANAGEMENT: 'Media Creation Management Service Class',
    ServiceClass.HANGING_PROTOCOL_QUERY_RETRIEVE: 'Hanging Protocol Query/Retrieve Service Class',
    ServiceClass.SUBSTANCE_ADMINISTRATION_QUERY: 'Substance Administration Query Service Class',
    ServiceClass.COLOR_PALETTE_QUERY_RETRIEVE: 'Color Palette Query/Retrieve Service Class',
    ServiceClass.COMPOSITE_INSTANCE_ROOT_RETRIEVE: 'Composite Instance Root Retrieve Service Class',
    ServiceClass.COMPOSITE_INSTANCE_RETRIEVE_WITHOUT_BULK_DATA: 'Composite Instance Retrieve Without Bulk Data Service Class',
    ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE: 'Implant Template Query/Retrieve Service Classes',
    ServiceClass.UNIFIED_PROCEDURE_STEP: 'Unified Procedure Step Service and SOP Classes',
    ServiceClass.RT_MACHINE_VERIFICATION: 'RT Machine Verification Service Classes',
    ServiceClass.DISPLAY_SYSTEM_MANAGEMENT: 'Display System Management Service Class',
    ServiceClass.NON_PATIENT_OBJECT_STORAGE: 'Non-Patient Object Storage Service Class',
    ServiceClass.DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE: 'Defined Procedure Protocol Query/Retrieve Service Classes',
    ServiceClass.PROTOCOL_APPROVAL_QUERY_RETRIEVE: 'Protocol Approval Query/Retrieve Service Classes',
    ServiceClass.INVENTORY_QUERY_RETRIEVE: 'Inventory Query/Retrieve Service Class',
    ServiceClass.STORAGE_MANAGEMENT: 'Storage Management Service Class',
}

#: SOP Class UID -> (name, keyword, service, section, operation, meta, retired, how).
SOP_CLASS_SERVICES: Final[dict[str, SopClassService]] = {
    '1.2.840.10008.1.1': SopClassService('Verification SOP Class', 'Verification', ServiceClass.VERIFICATION, 'A.4', '', False, False, 'text'),
    '1.2.840.10008.1.3.10': SopClassService('Media Storage Directory Storage', 'MediaStorageDirectoryStorage', ServiceClass.MEDIA_STORAGE, 'I.4', '', False, False, 'table'),
    '1.2.840.10008.1.20.1': SopClassService('Storage Commitment Push Model SOP Class', 'StorageCommitmentPushModel', ServiceClass.STORAGE_COMMITMENT, 'J.3.4', '', False, False, 'text'),
    '1.2.840.10008.1.20.2': SopClassService('Storage Commitment Pull Model SOP Class (Retired)', 'StorageCommitmentPullModel', ServiceClass.STORAGE_COMMITMENT, 'J.4', '', False, True, 'named'),
    '1.2.840.10008.1.40': SopClassService('Procedural Event Logging SOP Class', 'ProceduralEventLogging', ServiceClass.APPLICATION_EVENT_LOGGING, 'P.2.3', '', False, False, 'text'),
    '1.2.840.10008.1.42': SopClassService('Substance Administration Logging SOP Class', 'SubstanceAdministrationLogging', ServiceClass.APPLICATION_EVENT_LOGGING, 'P.3.3', '', False, False, 'text'),
    '1.2.840.10008.3.1.2.3.1': SopClassService('Detached Study Management SOP Class (Retired)', 'DetachedStudyManagement', ServiceClass.PROCEDURE_STEP, 'F.3', '', False, True, 'named'),
    '1.2.840.10008.3.1.2.3.2': SopClassService('Study Component Management SOP Class (Retired)', 'StudyComponentManagement', ServiceClass.PROCEDURE_STEP, 'F.4', '', False, True, 'named'),
    '1.2.840.10008.3.1.2.3.3': SopClassService('Modality Performed Procedure Step SOP Class', 'ModalityPerformedProcedureStep', ServiceClass.PROCEDURE_STEP, 'F.7.3', '', False, False, 'text'),
    '1.2.840.10008.3.1.2.3.4': SopClassService('Modality Performed Procedure Step Retrieve SOP Class', 'ModalityPerformedProcedureStepRetrieve', ServiceClass.PROCEDURE_STEP, 'F.8.3', '', False, False, 'text'),
    '1.2.840.10008.3.1.2.3.5': SopClassService('Modality Performed Procedure Step Notification SOP Class', 'ModalityPerformedProcedureStepNotification', ServiceClass.PROCEDURE_STEP, 'F.9.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.1': SopClassService('Basic Film Session SOP Class', 'BasicFilmSession', ServiceClass.PRINT_MANAGEMENT, 'H.4.1.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.2': SopClassService('Basic Film Box SOP Class', 'BasicFilmBox', ServiceClass.PRINT_MANAGEMENT, 'H.4.2.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.4': SopClassService('Basic Grayscale Image Box SOP Class', 'BasicGrayscaleImageBox', ServiceClass.PRINT_MANAGEMENT, 'H.4.3.1.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.4.1': SopClassService('Basic Color Image Box SOP Class', 'BasicColorImageBox', ServiceClass.PRINT_MANAGEMENT, 'H.4.3.2.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.4.2': SopClassService('Referenced Image Box SOP Class (Retired)', 'ReferencedImageBox', ServiceClass.PRINT_MANAGEMENT, 'H.4.3.3', '', False, True, 'named'),
    '1.2.840.10008.5.1.1.9': SopClassService('Basic Grayscale Print Management Meta SOP Class', 'BasicGrayscalePrintManagementMeta', ServiceClass.PRINT_MANAGEMENT, 'H.3.2.2.1', '', True, False, 'text'),
    '1.2.840.10008.5.1.1.9.1': SopClassService('Referenced Grayscale Print Management Meta SOP Class (Retired)', 'ReferencedGrayscalePrintManagementMeta', ServiceClass.PRINT_MANAGEMENT, 'H.3.2.2.3', '', True, True, 'named'),
    '1.2.840.10008.5.1.1.14': SopClassService('Print Job SOP Class', 'PrintJob', ServiceClass.PRINT_MANAGEMENT, 'H.4.5.4', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.15': SopClassService('Basic Annotation Box SOP Class', 'BasicAnnotationBox', ServiceClass.PRINT_MANAGEMENT, 'H.4.4.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.16': SopClassService('Printer SOP Class', 'Printer', ServiceClass.PRINT_MANAGEMENT, 'H.4.6.4', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.16.376': SopClassService('Printer Configuration Retrieval SOP Class', 'PrinterConfigurationRetrieval', ServiceClass.PRINT_MANAGEMENT, 'H.4.11.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.18': SopClassService('Basic Color Print Management Meta SOP Class', 'BasicColorPrintManagementMeta', ServiceClass.PRINT_MANAGEMENT, 'H.3.2.2.2', '', True, False, 'text'),
    '1.2.840.10008.5.1.1.18.1': SopClassService('Referenced Color Print Management Meta SOP Class (Retired)', 'ReferencedColorPrintManagementMeta', ServiceClass.PRINT_MANAGEMENT, 'H.3.2.2.4', '', True, True, 'named'),
    '1.2.840.10008.5.1.1.22': SopClassService('VOI LUT Box SOP Class', 'VOILUTBox', ServiceClass.PRINT_MANAGEMENT, 'H.4.7', '', False, False, 'named'),
    '1.2.840.10008.5.1.1.23': SopClassService('Presentation LUT SOP Class', 'PresentationLUT', ServiceClass.PRINT_MANAGEMENT, 'H.4.9.2.4', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.24': SopClassService('Image Overlay Box SOP Class (Retired)', 'ImageOverlayBox', ServiceClass.PRINT_MANAGEMENT, 'H.4.8', '', False, True, 'named'),
    '1.2.840.10008.5.1.1.24.1': SopClassService('Basic Print Image Overlay Box SOP Class (Retired)', 'BasicPrintImageOverlayBox', ServiceClass.PRINT_MANAGEMENT, 'H.4.12', '', False, True, 'named'),
    '1.2.840.10008.5.1.1.31': SopClassService('Pull Print Request SOP Class (Retired)', 'PullPrintRequest', ServiceClass.PRINT_MANAGEMENT, 'H.4.10', '', False, True, 'named'),
    '1.2.840.10008.5.1.1.32': SopClassService('Pull Stored Print Management Meta SOP Class (Retired)', 'PullStoredPrintManagementMeta', ServiceClass.PRINT_MANAGEMENT, 'H.3.2.2.5', '', True, True, 'named'),
    '1.2.840.10008.5.1.1.33': SopClassService('Media Creation Management SOP Class UID', 'MediaCreationManagement', ServiceClass.MEDIA_CREATION_MANAGEMENT, 'S.3.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.1.40': SopClassService('Display System SOP Class', 'DisplaySystem', ServiceClass.DISPLAY_SYSTEM_MANAGEMENT, 'EE.2.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.4.1.1.1': SopClassService('Computed Radiography Image Storage', 'ComputedRadiographyImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.1.1': SopClassService('Digital X-Ray Image Storage - For Presentation', 'DigitalXRayImageStorageForPresentation', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.1.1.1': SopClassService('Digital X-Ray Image Storage - For Processing', 'DigitalXRayImageStorageForProcessing', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.1.2': SopClassService('Digital Mammography X-Ray Image Storage - For Presentation', 'DigitalMammographyXRayImageStorageForPresentation', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.1.2.1': SopClassService('Digital Mammography X-Ray Image Storage - For Processing', 'DigitalMammographyXRayImageStorageForProcessing', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.1.3': SopClassService('Digital Intra-Oral X-Ray Image Storage - For Presentation', 'DigitalIntraOralXRayImageStorageForPresentation', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.1.3.1': SopClassService('Digital Intra-Oral X-Ray Image Storage - For Processing', 'DigitalIntraOralXRayImageStorageForProcessing', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.2': SopClassService('CT Image Storage', 'CTImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.2.1': SopClassService('Enhanced CT Image Storage', 'EnhancedCTImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.2.2': SopClassService('Legacy Converted Enhanced CT Image Storage', 'LegacyConvertedEnhancedCTImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.3': SopClassService('Ultrasound Multi-frame Image Storage (Retired)', 'UltrasoundMultiFrameImageStorageRetired', ServiceClass.STORAGE, 'B.6', '', False, True, 'table'),
    '1.2.840.10008.5.1.4.1.1.3.1': SopClassService('Ultrasound Multi-frame Image Storage', 'UltrasoundMultiFrameImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.4': SopClassService('MR Image Storage', 'MRImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.4.1': SopClassService('Enhanced MR Image Storage', 'EnhancedMRImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.4.2': SopClassService('MR Spectroscopy Storage', 'MRSpectroscopyStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.4.3': SopClassService('Enhanced MR Color Image Storage', 'EnhancedMRColorImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.4.4': SopClassService('Legacy Converted Enhanced MR Image Storage', 'LegacyConvertedEnhancedMRImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.5': SopClassService('Nuclear Medicine Image Storage (Retired)', 'NuclearMedicineImageStorageRetired', ServiceClass.STORAGE, 'B.6', '', False, True, 'table'),
    '1.2.840.10008.5.1.4.1.1.6': SopClassService('Ultrasound Image Storage (Retired)', 'UltrasoundImageStorageRetired', ServiceClass.STORAGE, 'B.6', '', False, True, 'table'),
    '1.2.840.10008.5.1.4.1.1.6.1': SopClassService('Ultrasound Image Storage', 'UltrasoundImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.6.2': SopClassService('Enhanced US Volume Storage', 'EnhancedUSVolumeStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.6.3': SopClassService('Photoacoustic Image Storage', 'PhotoacousticImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.7': SopClassService('Secondary Capture Image Storage', 'SecondaryCaptureImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.7.1': SopClassService('Multi-frame Single Bit Secondary Capture Image Storage', 'MultiFrameSingleBitSecondaryCaptureImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.7.2': SopClassService('Multi-frame Grayscale Byte Secondary Capture Image Storage', 'MultiFrameGrayscaleByteSecondaryCaptureImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.7.3': SopClassService('Multi-frame Grayscale Word Secondary Capture Image Storage', 'MultiFrameGrayscaleWordSecondaryCaptureImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.7.4': SopClassService('Multi-frame True Color Secondary Capture Image Storage', 'MultiFrameTrueColorSecondaryCaptureImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.1.1': SopClassService('12-lead ECG Waveform Storage', 'TwelveLeadECGWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.1.2': SopClassService('General ECG Waveform Storage', 'GeneralECGWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.1.3': SopClassService('Ambulatory ECG Waveform Storage', 'AmbulatoryECGWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.1.4': SopClassService('General 32-bit ECG Waveform Storage', 'General32bitECGWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.2.1': SopClassService('Hemodynamic Waveform Storage', 'HemodynamicWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.3.1': SopClassService('Cardiac Electrophysiology Waveform Storage', 'CardiacElectrophysiologyWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.4.1': SopClassService('Basic Voice Audio Waveform Storage', 'BasicVoiceAudioWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.4.2': SopClassService('General Audio Waveform Storage', 'GeneralAudioWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.5.1': SopClassService('Arterial Pulse Waveform Storage', 'ArterialPulseWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.6.1': SopClassService('Respiratory Waveform Storage', 'RespiratoryWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.6.2': SopClassService('Multi-channel Respiratory Waveform Storage', 'MultichannelRespiratoryWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.7.1': SopClassService('Routine Scalp Electroencephalogram Waveform Storage', 'RoutineScalpElectroencephalogramWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.7.2': SopClassService('Electromyogram Waveform Storage', 'ElectromyogramWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.7.3': SopClassService('Electrooculogram Waveform Storage', 'ElectrooculogramWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.7.4': SopClassService('Sleep Electroencephalogram Waveform Storage', 'SleepElectroencephalogramWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.9.8.1': SopClassService('Body Position Waveform Storage', 'BodyPositionWaveformStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.1': SopClassService('Grayscale Softcopy Presentation State Storage', 'GrayscaleSoftcopyPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.2': SopClassService('Color Softcopy Presentation State Storage', 'ColorSoftcopyPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.3': SopClassService('Pseudo-Color Softcopy Presentation State Storage', 'PseudoColorSoftcopyPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.4': SopClassService('Blending Softcopy Presentation State Storage', 'BlendingSoftcopyPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.5': SopClassService('XA/XRF Grayscale Softcopy Presentation State Storage', 'XAXRFGrayscaleSoftcopyPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.6': SopClassService('Grayscale Planar MPR Volumetric Presentation State Storage', 'GrayscalePlanarMPRVolumetricPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.7': SopClassService('Compositing Planar MPR Volumetric Presentation State Storage', 'CompositingPlanarMPRVolumetricPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.8': SopClassService('Advanced Blending Presentation State Storage', 'AdvancedBlendingPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.9': SopClassService('Volume Rendering Volumetric Presentation State Storage', 'VolumeRenderingVolumetricPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.10': SopClassService('Segmented Volume Rendering Volumetric Presentation State Storage', 'SegmentedVolumeRenderingVolumetricPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.11': SopClassService('Multiple Volume Rendering Volumetric Presentation State Storage', 'MultipleVolumeRenderingVolumetricPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.11.12': SopClassService('Variable Modality LUT Softcopy Presentation State Storage', 'VariableModalityLUTSoftcopyPresentationStateStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.12.1': SopClassService('X-Ray Angiographic Image Storage', 'XRayAngiographicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.12.1.1': SopClassService('Enhanced XA Image Storage', 'EnhancedXAImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.12.2': SopClassService('X-Ray Radiofluoroscopic Image Storage', 'XRayRadiofluoroscopicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.12.2.1': SopClassService('Enhanced XRF Image Storage', 'EnhancedXRFImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.12.3': SopClassService('X-Ray Angiographic Bi-Plane Image Storage (Retired)', 'XRayAngiographicBiPlaneImageStorage', ServiceClass.STORAGE, 'B.6', '', False, True, 'table'),
    '1.2.840.10008.5.1.4.1.1.13.1.1': SopClassService('X-Ray 3D Angiographic Image Storage', 'XRay3DAngiographicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.13.1.2': SopClassService('X-Ray 3D Craniofacial Image Storage', 'XRay3DCraniofacialImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.13.1.3': SopClassService('Breast Tomosynthesis Image Storage', 'BreastTomosynthesisImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.13.1.4': SopClassService('Breast Projection X-Ray Image Storage - For Presentation', 'BreastProjectionXRayImageStorageForPresentation', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.13.1.5': SopClassService('Breast Projection X-Ray Image Storage - For Processing', 'BreastProjectionXRayImageStorageForProcessing', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.14.1': SopClassService('Intravascular Optical Coherence Tomography Image Storage - For Presentation', 'IntravascularOpticalCoherenceTomographyImageStorageForPresentation', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.14.2': SopClassService('Intravascular Optical Coherence Tomography Image Storage - For Processing', 'IntravascularOpticalCoherenceTomographyImageStorageForProcessing', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.20': SopClassService('Nuclear Medicine Image Storage', 'NuclearMedicineImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.30': SopClassService('Parametric Map Storage', 'ParametricMapStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.66': SopClassService('Raw Data Storage', 'RawDataStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.66.1': SopClassService('Spatial Registration Storage', 'SpatialRegistrationStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.66.2': SopClassService('Spatial Fiducials Storage', 'SpatialFiducialsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.66.3': SopClassService('Deformable Spatial Registration Storage', 'DeformableSpatialRegistrationStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.66.4': SopClassService('Segmentation Storage', 'SegmentationStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.66.5': SopClassService('Surface Segmentation Storage', 'SurfaceSegmentationStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.66.6': SopClassService('Tractography Results Storage', 'TractographyResultsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.67': SopClassService('Real World Value Mapping Storage', 'RealWorldValueMappingStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.68.1': SopClassService('Surface Scan Mesh Storage', 'SurfaceScanMeshStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.68.2': SopClassService('Surface Scan Point Cloud Storage', 'SurfaceScanPointCloudStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.1': SopClassService('VL Endoscopic Image Storage', 'VLEndoscopicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.1.1': SopClassService('Video Endoscopic Image Storage', 'VideoEndoscopicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.2': SopClassService('VL Microscopic Image Storage', 'VLMicroscopicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.2.1': SopClassService('Video Microscopic Image Storage', 'VideoMicroscopicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.3': SopClassService('VL Slide-Coordinates Microscopic Image Storage', 'VLSlideCoordinatesMicroscopicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.4': SopClassService('VL Photographic Image Storage', 'VLPhotographicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.4.1': SopClassService('Video Photographic Image Storage', 'VideoPhotographicImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.5.1': SopClassService('Ophthalmic Photography 8 Bit Image Storage', 'OphthalmicPhotography8BitImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.5.2': SopClassService('Ophthalmic Photography 16 Bit Image Storage', 'OphthalmicPhotography16BitImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.5.3': SopClassService('Stereometric Relationship Storage', 'StereometricRelationshipStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.5.4': SopClassService('Ophthalmic Tomography Image Storage', 'OphthalmicTomographyImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.5.5': SopClassService('Wide Field Ophthalmic Photography Stereographic Projection Image Storage', 'WideFieldOphthalmicPhotographyStereographicProjectionImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.5.6': SopClassService('Wide Field Ophthalmic Photography 3D Coordinates Image Storage', 'WideFieldOphthalmicPhotography3DCoordinatesImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.5.7': SopClassService('Ophthalmic Optical Coherence Tomography En Face Image Storage', 'OphthalmicOpticalCoherenceTomographyEnFaceImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.5.8': SopClassService('Ophthalmic Optical Coherence Tomography B-scan Volume Analysis Storage', 'OphthalmicOpticalCoherenceTomographyBscanVolumeAnalysisStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.6': SopClassService('VL Whole Slide Microscopy Image Storage', 'VLWholeSlideMicroscopyImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.7': SopClassService('Dermoscopic Photography Image Storage', 'DermoscopicPhotographyImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.8': SopClassService('Confocal Microscopy Image Storage', 'ConfocalMicroscopyImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.77.1.9': SopClassService('Confocal Microscopy Tiled Pyramidal Image Storage', 'ConfocalMicroscopyTiledPyramidalImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.78.1': SopClassService('Lensometry Measurements Storage', 'LensometryMeasurementsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.78.2': SopClassService('Autorefraction Measurements Storage', 'AutorefractionMeasurementsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.78.3': SopClassService('Keratometry Measurements Storage', 'KeratometryMeasurementsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.78.4': SopClassService('Subjective Refraction Measurements Storage', 'SubjectiveRefractionMeasurementsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.78.5': SopClassService('Visual Acuity Measurements Storage', 'VisualAcuityMeasurementsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.78.6': SopClassService('Spectacle Prescription Report Storage', 'SpectaclePrescriptionReportStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.78.7': SopClassService('Ophthalmic Axial Measurements Storage', 'OphthalmicAxialMeasurementsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.78.8': SopClassService('Intraocular Lens Calculations Storage', 'IntraocularLensCalculationsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.79.1': SopClassService('Macular Grid Thickness and Volume Report Storage', 'MacularGridThicknessAndVolumeReportStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.80.1': SopClassService('Ophthalmic Visual Field Static Perimetry Measurements Storage', 'OphthalmicVisualFieldStaticPerimetryMeasurementsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.81.1': SopClassService('Ophthalmic Thickness Map Storage', 'OphthalmicThicknessMapStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.82.1': SopClassService('Corneal Topography Map Storage', 'CornealTopographyMapStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.11': SopClassService('Basic Text SR Storage', 'BasicTextSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.22': SopClassService('Enhanced SR Storage', 'EnhancedSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.33': SopClassService('Comprehensive SR Storage', 'ComprehensiveSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.34': SopClassService('Comprehensive 3D SR Storage', 'Comprehensive3DSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.35': SopClassService('Extensible SR Storage', 'ExtensibleSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.40': SopClassService('Procedure Log Storage', 'ProcedureLogStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.50': SopClassService('Mammography CAD SR Storage', 'MammographyCADSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.59': SopClassService('Key Object Selection Document Storage', 'KeyObjectSelectionDocumentStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.65': SopClassService('Chest CAD SR Storage', 'ChestCADSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.67': SopClassService('X-Ray Radiation Dose SR Storage', 'XRayRadiationDoseSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.68': SopClassService('Radiopharmaceutical Radiation Dose SR Storage', 'RadiopharmaceuticalRadiationDoseSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.69': SopClassService('Colon CAD SR Storage', 'ColonCADSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.70': SopClassService('Implantation Plan SR Storage', 'ImplantationPlanSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.71': SopClassService('Acquisition Context SR Storage', 'AcquisitionContextSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.72': SopClassService('Simplified Adult Echo SR Storage', 'SimplifiedAdultEchoSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.73': SopClassService('Patient Radiation Dose SR Storage', 'PatientRadiationDoseSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.74': SopClassService('Planned Imaging Agent Administration SR Storage', 'PlannedImagingAgentAdministrationSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.75': SopClassService('Performed Imaging Agent Administration SR Storage', 'PerformedImagingAgentAdministrationSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.76': SopClassService('Enhanced X-Ray Radiation Dose SR Storage', 'EnhancedXRayRadiationDoseSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.88.77': SopClassService('Waveform Annotation SR Storage', 'WaveformAnnotationSRStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.90.1': SopClassService('Content Assessment Results Storage', 'ContentAssessmentResultsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.91.1': SopClassService('Microscopy Bulk Simple Annotations Storage', 'MicroscopyBulkSimpleAnnotationsStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.104.1': SopClassService('Encapsulated PDF Storage', 'EncapsulatedPDFStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.104.2': SopClassService('Encapsulated CDA Storage', 'EncapsulatedCDAStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.104.3': SopClassService('Encapsulated STL Storage', 'EncapsulatedSTLStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.104.4': SopClassService('Encapsulated OBJ Storage', 'EncapsulatedOBJStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.104.5': SopClassService('Encapsulated MTL Storage', 'EncapsulatedMTLStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.128': SopClassService('Positron Emission Tomography Image Storage', 'PositronEmissionTomographyImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.128.1': SopClassService('Legacy Converted Enhanced PET Image Storage', 'LegacyConvertedEnhancedPETImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.130': SopClassService('Enhanced PET Image Storage', 'EnhancedPETImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.131': SopClassService('Basic Structured Display Storage', 'BasicStructuredDisplayStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.200.1': SopClassService('CT Defined Procedure Protocol Storage', 'CTDefinedProcedureProtocolStorage', ServiceClass.NON_PATIENT_OBJECT_STORAGE, 'GG.3', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.200.2': SopClassService('CT Performed Procedure Protocol Storage', 'CTPerformedProcedureProtocolStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.200.3': SopClassService('Protocol Approval Storage', 'ProtocolApprovalStorage', ServiceClass.NON_PATIENT_OBJECT_STORAGE, 'GG.3', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.200.4': SopClassService('Protocol Approval Information Model - FIND', 'ProtocolApprovalInformationModelFind', ServiceClass.PROTOCOL_APPROVAL_QUERY_RETRIEVE, 'II.6.1.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.200.5': SopClassService('Protocol Approval Information Model - MOVE', 'ProtocolApprovalInformationModelMove', ServiceClass.PROTOCOL_APPROVAL_QUERY_RETRIEVE, 'II.6.1.4', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.200.6': SopClassService('Protocol Approval Information Model - GET', 'ProtocolApprovalInformationModelGet', ServiceClass.PROTOCOL_APPROVAL_QUERY_RETRIEVE, 'II.6.1.4', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.200.7': SopClassService('XA Defined Procedure Protocol Storage', 'XADefinedProcedureProtocolStorage', ServiceClass.NON_PATIENT_OBJECT_STORAGE, 'GG.3', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.200.8': SopClassService('XA Performed Procedure Protocol Storage', 'XAPerformedProcedureProtocolStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.201.1': SopClassService('Inventory Storage', 'InventoryStorage', ServiceClass.NON_PATIENT_OBJECT_STORAGE, 'GG.3', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.201.2': SopClassService('Inventory - FIND', 'InventoryFind', ServiceClass.INVENTORY_QUERY_RETRIEVE, 'JJ.4.1', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.201.3': SopClassService('Inventory - MOVE', 'InventoryMove', ServiceClass.INVENTORY_QUERY_RETRIEVE, 'JJ.4.1', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.201.4': SopClassService('Inventory - GET', 'InventoryGet', ServiceClass.INVENTORY_QUERY_RETRIEVE, 'JJ.4.1', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.201.5': SopClassService('Inventory Creation', 'InventoryCreation', ServiceClass.STORAGE_MANAGEMENT, 'KK.1.2.2', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.201.6': SopClassService('Repository Query', 'RepositoryQuery', ServiceClass.QUERY_RETRIEVE, 'C.6.4.7', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.1': SopClassService('RT Image Storage', 'RTImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.2': SopClassService('RT Dose Storage', 'RTDoseStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.3': SopClassService('RT Structure Set Storage', 'RTStructureSetStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.4': SopClassService('RT Beams Treatment Record Storage', 'RTBeamsTreatmentRecordStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.5': SopClassService('RT Plan Storage', 'RTPlanStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.6': SopClassService('RT Brachy Treatment Record Storage', 'RTBrachyTreatmentRecordStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.7': SopClassService('RT Treatment Summary Record Storage', 'RTTreatmentSummaryRecordStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.8': SopClassService('RT Ion Plan Storage', 'RTIonPlanStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.9': SopClassService('RT Ion Beams Treatment Record Storage', 'RTIonBeamsTreatmentRecordStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.10': SopClassService('RT Physician Intent Storage', 'RTPhysicianIntentStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.11': SopClassService('RT Segment Annotation Storage', 'RTSegmentAnnotationStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.12': SopClassService('RT Radiation Set Storage', 'RTRadiationSetStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.13': SopClassService('C-Arm Photon-Electron Radiation Storage', 'CArmPhotonElectronRadiationStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.14': SopClassService('Tomotherapeutic Radiation Storage', 'TomotherapeuticRadiationStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.15': SopClassService('Robotic-Arm Radiation Storage', 'RoboticArmRadiationStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.16': SopClassService('RT Radiation Record Set Storage', 'RTRadiationRecordSetStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.17': SopClassService('RT Radiation Salvage Record Storage', 'RTRadiationSalvageRecordStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.18': SopClassService('Tomotherapeutic Radiation Record Storage', 'TomotherapeuticRadiationRecordStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.19': SopClassService('C-Arm Photon-Electron Radiation Record Storage', 'CArmPhotonElectronRadiationRecordStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.20': SopClassService('Robotic Radiation Record Storage', 'RoboticRadiationRecordStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.21': SopClassService('RT Radiation Set Delivery Instruction Storage', 'RTRadiationSetDeliveryInstructionStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.22': SopClassService('RT Treatment Preparation Storage', 'RTTreatmentPreparationStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.23': SopClassService('Enhanced RT Image Storage', 'EnhancedRTImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.24': SopClassService('Enhanced Continuous RT Image Storage', 'EnhancedContinuousRTImageStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.1.481.25': SopClassService('RT Patient Position Acquisition Instruction Storage', 'RTPatientPositionAcquisitionInstructionStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.2.1.1': SopClassService('Patient Root Query/Retrieve Information Model - FIND', 'PatientRootQueryRetrieveInformationModelFind', ServiceClass.QUERY_RETRIEVE, 'C.6.1.3', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.2.1.2': SopClassService('Patient Root Query/Retrieve Information Model - MOVE', 'PatientRootQueryRetrieveInformationModelMove', ServiceClass.QUERY_RETRIEVE, 'C.6.1.3', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.2.1.3': SopClassService('Patient Root Query/Retrieve Information Model - GET', 'PatientRootQueryRetrieveInformationModelGet', ServiceClass.QUERY_RETRIEVE, 'C.6.1.3', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.2.2.1': SopClassService('Study Root Query/Retrieve Information Model - FIND', 'StudyRootQueryRetrieveInformationModelFind', ServiceClass.QUERY_RETRIEVE, 'C.6.2.3', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.2.2.2': SopClassService('Study Root Query/Retrieve Information Model - MOVE', 'StudyRootQueryRetrieveInformationModelMove', ServiceClass.QUERY_RETRIEVE, 'C.6.2.3', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.2.2.3': SopClassService('Study Root Query/Retrieve Information Model - GET', 'StudyRootQueryRetrieveInformationModelGet', ServiceClass.QUERY_RETRIEVE, 'C.6.2.3', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.2.4.2': SopClassService('Composite Instance Root Retrieve - MOVE', 'CompositeInstanceRootRetrieveMove', ServiceClass.COMPOSITE_INSTANCE_ROOT_RETRIEVE, 'Y.6.1.3', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.2.4.3': SopClassService('Composite Instance Root Retrieve - GET', 'CompositeInstanceRootRetrieveGet', ServiceClass.COMPOSITE_INSTANCE_ROOT_RETRIEVE, 'Y.6.1.3', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.1.2.5.3': SopClassService('Composite Instance Retrieve Without Bulk Data - GET', 'CompositeInstanceRetrieveWithoutBulkDataGet', ServiceClass.COMPOSITE_INSTANCE_RETRIEVE_WITHOUT_BULK_DATA, 'Z.6.1.3', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.20.1': SopClassService('Defined Procedure Protocol Information Model - FIND', 'DefinedProcedureProtocolInformationModelFind', ServiceClass.DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE, 'HH.6.1.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.20.2': SopClassService('Defined Procedure Protocol Information Model - MOVE', 'DefinedProcedureProtocolInformationModelMove', ServiceClass.DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE, 'HH.6.1.4', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.20.3': SopClassService('Defined Procedure Protocol Information Model - GET', 'DefinedProcedureProtocolInformationModelGet', ServiceClass.DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE, 'HH.6.1.4', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.31': SopClassService('Modality Worklist Information Model - FIND', 'ModalityWorklistInformationModelFind', ServiceClass.BASIC_WORKLIST_MANAGEMENT, 'K.6.1.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.32.2': SopClassService('General Purpose Scheduled Procedure Step SOP Class (Retired)', 'GeneralPurposeScheduledProcedureStep', ServiceClass.PROCEDURE_STEP, 'F.10', '', False, True, 'named'),
    '1.2.840.10008.5.1.4.32.3': SopClassService('General Purpose Performed Procedure Step SOP Class (Retired)', 'GeneralPurposePerformedProcedureStep', ServiceClass.PROCEDURE_STEP, 'F.11', '', False, True, 'named'),
    '1.2.840.10008.5.1.4.33': SopClassService('Instance Availability Notification SOP Class', 'InstanceAvailabilityNotification', ServiceClass.INSTANCE_AVAILABILITY_NOTIFICATION, 'R.3.3', '', False, False, 'text'),
    '1.2.840.10008.5.1.4.34.6.1': SopClassService('Unified Procedure Step - Push SOP Class', 'UnifiedProcedureStepPush', ServiceClass.UNIFIED_PROCEDURE_STEP, 'CC.2.5.1.3.1', '', False, False, 'text'),
    '1.2.840.10008.5.1.4.34.6.2': SopClassService('Unified Procedure Step - Watch SOP Class', 'UnifiedProcedureStepWatch', ServiceClass.UNIFIED_PROCEDURE_STEP, 'CC.3.1', '', False, False, 'text'),
    '1.2.840.10008.5.1.4.34.6.3': SopClassService('Unified Procedure Step - Pull SOP Class', 'UnifiedProcedureStepPull', ServiceClass.UNIFIED_PROCEDURE_STEP, 'CC.3.1', '', False, False, 'text'),
    '1.2.840.10008.5.1.4.34.6.4': SopClassService('Unified Procedure Step - Event SOP Class', 'UnifiedProcedureStepEvent', ServiceClass.UNIFIED_PROCEDURE_STEP, 'CC.3.1', '', False, False, 'text'),
    '1.2.840.10008.5.1.4.34.6.5': SopClassService('Unified Procedure Step - Query SOP Class', 'UnifiedProcedureStepQuery', ServiceClass.UNIFIED_PROCEDURE_STEP, 'CC.3.1', '', False, False, 'text'),
    '1.2.840.10008.5.1.4.34.7': SopClassService('RT Beams Delivery Instruction Storage', 'RTBeamsDeliveryInstructionStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.34.8': SopClassService('RT Conventional Machine Verification', 'RTConventionalMachineVerification', ServiceClass.RT_MACHINE_VERIFICATION, 'DD.3.2.1.1', '', False, False, 'named'),
    '1.2.840.10008.5.1.4.34.9': SopClassService('RT Ion Machine Verification', 'RTIonMachineVerification', ServiceClass.RT_MACHINE_VERIFICATION, 'DD.3.2.1.1', '', False, False, 'named'),
    '1.2.840.10008.5.1.4.34.10': SopClassService('RT Brachy Application Setup Delivery Instruction Storage', 'RTBrachyApplicationSetupDeliveryInstructionStorage', ServiceClass.STORAGE, 'B.5', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.37.1': SopClassService('General Relevant Patient Information Query', 'GeneralRelevantPatientInformationQuery', ServiceClass.RELEVANT_PATIENT_INFORMATION_QUERY, 'Q.4.3.3', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.37.2': SopClassService('Breast Imaging Relevant Patient Information Query', 'BreastImagingRelevantPatientInformationQuery', ServiceClass.RELEVANT_PATIENT_INFORMATION_QUERY, 'Q.4.3.3', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.37.3': SopClassService('Cardiac Relevant Patient Information Query', 'CardiacRelevantPatientInformationQuery', ServiceClass.RELEVANT_PATIENT_INFORMATION_QUERY, 'Q.4.3.3', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.38.1': SopClassService('Hanging Protocol Storage', 'HangingProtocolStorage', ServiceClass.NON_PATIENT_OBJECT_STORAGE, 'GG.3', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.38.2': SopClassService('Hanging Protocol Information Model - FIND', 'HangingProtocolInformationModelFind', ServiceClass.HANGING_PROTOCOL_QUERY_RETRIEVE, 'U.6.1.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.38.3': SopClassService('Hanging Protocol Information Model - MOVE', 'HangingProtocolInformationModelMove', ServiceClass.HANGING_PROTOCOL_QUERY_RETRIEVE, 'U.6.1.4', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.38.4': SopClassService('Hanging Protocol Information Model - GET', 'HangingProtocolInformationModelGet', ServiceClass.HANGING_PROTOCOL_QUERY_RETRIEVE, 'U.6.1.4', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.39.1': SopClassService('Color Palette Storage', 'ColorPaletteStorage', ServiceClass.NON_PATIENT_OBJECT_STORAGE, 'GG.3', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.39.2': SopClassService('Color Palette Query/Retrieve Information Model - FIND', 'ColorPaletteQueryRetrieveInformationModelFind', ServiceClass.COLOR_PALETTE_QUERY_RETRIEVE, 'X.6.1.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.39.3': SopClassService('Color Palette Query/Retrieve Information Model - MOVE', 'ColorPaletteQueryRetrieveInformationModelMove', ServiceClass.COLOR_PALETTE_QUERY_RETRIEVE, 'X.6.1.4', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.39.4': SopClassService('Color Palette Query/Retrieve Information Model - GET', 'ColorPaletteQueryRetrieveInformationModelGet', ServiceClass.COLOR_PALETTE_QUERY_RETRIEVE, 'X.6.1.4', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.41': SopClassService('Product Characteristics Query SOP Class', 'ProductCharacteristicsQuery', ServiceClass.SUBSTANCE_ADMINISTRATION_QUERY, 'V.6.1.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.42': SopClassService('Substance Approval Query SOP Class', 'SubstanceApprovalQuery', ServiceClass.SUBSTANCE_ADMINISTRATION_QUERY, 'V.6.2.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.43.1': SopClassService('Generic Implant Template Storage', 'GenericImplantTemplateStorage', ServiceClass.NON_PATIENT_OBJECT_STORAGE, 'GG.3', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.43.2': SopClassService('Generic Implant Template Information Model - FIND', 'GenericImplantTemplateInformationModelFind', ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE, 'BB.6.1.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.43.3': SopClassService('Generic Implant Template Information Model - MOVE', 'GenericImplantTemplateInformationModelMove', ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE, 'BB.6.1.4', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.43.4': SopClassService('Generic Implant Template Information Model - GET', 'GenericImplantTemplateInformationModelGet', ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE, 'BB.6.1.4', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.44.1': SopClassService('Implant Assembly Template Storage', 'ImplantAssemblyTemplateStorage', ServiceClass.NON_PATIENT_OBJECT_STORAGE, 'GG.3', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.44.2': SopClassService('Implant Assembly Template Information Model - FIND', 'ImplantAssemblyTemplateInformationModelFind', ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE, 'BB.6.1.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.44.3': SopClassService('Implant Assembly Template Information Model - MOVE', 'ImplantAssemblyTemplateInformationModelMove', ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE, 'BB.6.1.4', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.44.4': SopClassService('Implant Assembly Template Information Model - GET', 'ImplantAssemblyTemplateInformationModelGet', ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE, 'BB.6.1.4', 'C-GET', False, False, 'table'),
    '1.2.840.10008.5.1.4.45.1': SopClassService('Implant Template Group Storage', 'ImplantTemplateGroupStorage', ServiceClass.NON_PATIENT_OBJECT_STORAGE, 'GG.3', '', False, False, 'table'),
    '1.2.840.10008.5.1.4.45.2': SopClassService('Implant Template Group Information Model - FIND', 'ImplantTemplateGroupInformationModelFind', ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE, 'BB.6.1.4', 'C-FIND', False, False, 'table'),
    '1.2.840.10008.5.1.4.45.3': SopClassService('Implant Template Group Information Model - MOVE', 'ImplantTemplateGroupInformationModelMove', ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE, 'BB.6.1.4', 'C-MOVE', False, False, 'table'),
    '1.2.840.10008.5.1.4.45.4': SopClassService('Implant Template Group Information Model - GET', 'ImplantTemplateGroupInformationModelGet', ServiceClass.IMPLANT_TEMPLATE_QUERY_RETRIEVE, 'BB.6.1.4', 'C-GET', False, False, 'table'),
}

#: SOP Class UID -> service class.
SOP_CLASS_SERVICE: Final[dict[str, ServiceClass]] = {
    uid: entry.service for uid, entry in SOP_CLASS_SERVICES.items()
}

#: Service class -> its SOP Class UIDs, in UID order.
SOP_CLASSES_OF: Final[dict[ServiceClass, tuple[str, ...]]] = {
    service: tuple(uid for uid, s in SOP_CLASS_SERVICE.items() if s is service)
    for service in ServiceClass
}

#: SOP classes PS3.6 Table A-1 ascribes to PS3.4 that this edition of PS3.4 does not give:
#: UID -> (name, why).
UNMAPPED_SOP_CLASSES: Final[dict[str, tuple[str, str]]] = {
    '1.2.840.10008.1.9': ('Basic Study Content Notification SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.3.1.2.1.1': ('Detached Patient Management SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.3.1.2.1.4': ('Detached Patient Management Meta SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.3.1.2.2.1': ('Detached Visit Management SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.3.1.2.5.1': ('Detached Results Management SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.3.1.2.5.4': ('Detached Results Management Meta SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.3.1.2.5.5': ('Detached Study Management Meta SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.3.1.2.6.1': ('Detached Interpretation Management SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.1.26': ('Print Queue Management SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.1.27': ('Stored Print Storage SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.1.29': ('Hardcopy Grayscale Image Storage SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.1.30': ('Hardcopy Color Image Storage SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.8': ('Standalone Overlay Storage (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.9': ('Standalone Curve Storage (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.9.1': ('Waveform Storage - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.10': ('Standalone Modality LUT Storage (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.11': ('Standalone VOI LUT Storage (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.77.1': ('VL Image Storage - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.77.2': ('VL Multi-frame Image Storage - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.88.1': ('Text SR Storage - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.88.2': ('Audio SR Storage - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.88.3': ('Detail SR Storage - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.88.4': ('Comprehensive SR Storage - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.1.129': ('Standalone PET Curve Storage (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.2.3.1': ('Patient/Study Only Query/Retrieve Information Model - FIND (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.2.3.2': ('Patient/Study Only Query/Retrieve Information Model - MOVE (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.1.2.3.3': ('Patient/Study Only Query/Retrieve Information Model - GET (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.32': ('General Purpose Worklist Management Meta SOP Class (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.32.1': ('General Purpose Worklist Information Model - FIND (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.34.1': ('RT Beams Delivery Instruction Storage - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.34.2': ('RT Conventional Machine Verification - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.34.3': ('RT Ion Machine Verification - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.34.4.1': ('Unified Procedure Step - Push SOP Class - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.34.4.2': ('Unified Procedure Step - Watch SOP Class - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.34.4.3': ('Unified Procedure Step - Pull SOP Class - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
    '1.2.840.10008.5.1.4.34.4.4': ('Unified Procedure Step - Event SOP Class - Trial (Retired)', 'PS3.4 neither writes its UID nor names it'),
}


def service_class(uid: str) -> ServiceClass | None:
    """The PS3.4 service class of SOP Class ``uid``; None when PS3.4 gives none."""
    return SOP_CLASS_SERVICE.get(uid)
