"""DICOMweb (PS3.18): the models every DICOMweb client and server shares.

Modules:
    json_model: the DICOM JSON Model (PS3.18 Annex F), one data set or a streamed array
    xml_model: the Native DICOM Model XML (PS3.19 A.1)
    multipart: multipart/related bodies (RFC 2387, PS3.18 8.6), streaming both ways
    media_types: media types with parameters, Accept headers with q-values (RFC 7231)
    bulkdata: bulk data references (BulkDataURI) and their resolution
    element_values: the value forms both models share (InlineBinary bytes, person names)
    errors: the errors of this layer

The tables of PS3.18 (media types, transfer syntaxes, status codes, resources, query keys) are
in :mod:`dicomkit.generated.web`.
"""
