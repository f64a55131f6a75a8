"""dicomkit.generated.web: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.18 2024c (docbook) https://dicom.nema.org/medical/dicom/2024c/source/docbook/part18/part18.xml
    sha256 84d0bb2b66361d994646cb6c4fd746bb229b04280ecd5a7d3631929ae56f2d02
    Table 5.2-1, Table 5.2-2, Table 8.3.4-1, Table 8.3.5-1, Table 8.3.5-2, Table 8.4.1-1, Table 8.4.2-1, Table 8.4.3-1, Table 8.5-1, Table 8.6.1-1, Table 8.7.3-2, Table 8.7.3-3, Table 8.7.3-4, Table 8.7.3-5, Table 8.7.4-1, Table 8.9.1-1, Table 8.9.3-1, Table 8.9.3-2, Table 8.10.4-1, Table 8.10.4-2, Table 8.10.4-3, Table 9.1.2-1, Table 9.1.2-2, Table 9.4.1-1, Table 9.4.1-2, Table 9.4.3-1, Table 9.4.3-2, Table 9.5.1-2, Table 9.5.3-1, Table 9.5.3-2, Table 10.4.1-1, Table 10.4.1-2, Table 10.4.1-3, Table 10.4.1-4, Table 10.4.1-5, Table 10.4.1-6, Table 10.4.1.5-1, Table 10.4.1.6-1, Table 10.4.3-1, Table 10.4.3-2, Table 10.4.4-1, Table 10.5.1-1, Table 10.5.1-2, Table 10.5.3-1, Table 10.5.3-2, Table 10.5.4-1, Table 10.6.1-1, Table 10.6.1-4, Table 10.6.1-5, Table 10.6.1-6, Table 10.6.3-1, Table 10.6.3-2, Table 10.6.3-3, Table 10.6.3-4, Table 10.6.3-5, Table 10.6.4-1, Table 11.1.1-1, Table 11.1.3-1, Table 11.4.1-1, Table 11.4.1-3, Table 11.4.3-1, Table 11.4.3-2, Table 11.5.1-1, Table 11.5.3-1, Table 11.5.3-2, Table 11.6.1-1, Table 11.6.3-1, Table 11.6.3-2, Table 11.7.1-1, Table 11.7.3-1, Table 11.7.3-2, Table 11.8.1-1, Table 11.8.3-1, Table 11.8.3-2, Table 11.9.1-1, Table 11.9.3-1, Table 11.9.3-2, Table 11.10.1-1, Table 11.10.3-1, Table 11.10.3-2, Table 11.11.1-1, Table 11.11.3-1, Table 11.11.3-2, Table 11.12.1-1, Table 11.12.3-1, Table 11.12.3-2, Table 12.1.3-1, Table 12.4.1-1, Table 12.4.1-2, Table 12.4.3-1, Table 12.4.3-2, Table 12.5.1-1, Table 12.5.1-2, Table 12.5.3-1, Table 12.5.3-2, Table 12.6.1-1, Table 12.6.1-3, Table 12.6.3-1, Table 12.6.3-2, Table 13.1.1-1, Table 13.1.3-1, Table 13.4.1-2, Table 13.4.3-1, Table 13.4.3-2, Table 13.5.1-2, Table 13.5.3-1, Table D-1, Table F.2.3-1, Table I.1-1, Table I.2-1, Table I.2-2
"""
# DICOMweb tables of PS3.18: 26 HTTP status codes (Table 8.5-1) and those of
# 21 transactions; 22 media types; 91 (category, media type, transfer syntax)
# rows; 53 resources with URI templates; Search resources, matching keys and
# return attributes by level; the JSON type of each VR; Store warning and failure reasons;
# the IANA charsets of Specific Character Set terms.
# Read by dicomkit.codegen.readers.part18.build_web.

from __future__ import annotations

import enum
from typing import Final, NamedTuple

__all__ = [
    "HEADER_FIELDS",
    "HTTP_STATUSES",
    "IANA_CHARSETS",
    "JSON_TYPES",
    "MATCHING_KEYS",
    "MEDIA_TYPE_SYNTAXES",
    "MEDIA_TYPE_USAGES",
    "METADATA_MEDIA_TYPES",
    "RENDERED_MEDIA_TYPES",
    "RENDERED_PARAMETERS",
    "RESOURCES",
    "RETRIEVE_PARAMETERS",
    "RETURN_KEYS",
    "SEARCH_PARAMETERS",
    "SEARCH_RESOURCES",
    "STORE_REASONS",
    "STORE_RESPONSE_ATTRIBUTES",
    "STORE_RESPONSE_INCLUDES",
    "THUMBNAIL_PARAMETERS",
    "TRANSACTION_STATUSES",
    "URI_PARAMETERS",
    "AttributeKey",
    "HeaderField",
    "MediaType",
    "MediaTypeSyntax",
    "MediaTypeUsage",
    "QueryParameter",
    "RenderedMediaType",
    "Resource",
    "SearchResource",
    "StatusCode",
    "StoreReason",
    "default_transfer_syntax",
    "store_reason",
]


class MediaType(enum.StrEnum):
    """Every media type PS3.18 tabulates (8.7.3, 8.7.4, and the media types of each
    transaction), named by the identifier rule (``application/dicom+json`` ->
    ``APPLICATION_DICOM_JSON``)."""

    APPLICATION_DICOM = 'application/dicom'
    APPLICATION_DICOM_JSON = 'application/dicom+json'
    APPLICATION_DICOM_XML = 'application/dicom+xml'
    APPLICATION_OCTET_STREAM = 'application/octet-stream'
    APPLICATION_PDF = 'application/pdf'
    IMAGE_DICOM_RLE = 'image/dicom-rle'
    IMAGE_GIF = 'image/gif'
    IMAGE_JLS = 'image/jls'
    IMAGE_JP2 = 'image/jp2'
    IMAGE_JPEG = 'image/jpeg'
    IMAGE_JPH = 'image/jph'
    IMAGE_JPHC = 'image/jphc'
    IMAGE_JPX = 'image/jpx'
    IMAGE_PNG = 'image/png'
    MULTIPART_RELATED = 'multipart/related'
    TEXT_HTML = 'text/html'
    TEXT_PLAIN = 'text/plain'
    TEXT_RTF = 'text/rtf'
    TEXT_XML = 'text/xml'
    VIDEO_H265 = 'video/h265'
    VIDEO_MP4 = 'video/mp4'
    VIDEO_MPEG = 'video/mpeg'


class StatusCode(NamedTuple):
    """An HTTP status code with its reason phrase, the table's Status column and meaning."""

    code: int
    reason: str
    status: str
    meaning: str


#: HTTP status codes of DICOMweb services and their meanings (PS3.18 8.5, Table 8.5-1).
HTTP_STATUSES: Final[dict[int, StatusCode]] = {
    200: StatusCode(200, 'Success', 'Success', 'All Target Resource representations are contained in the payload. See [RFC_7231] Section 6.3.1.'),
    201: StatusCode(201, 'Created', 'Success', 'The request has been fulfilled and has resulted in one or more new resources being created. See [RFC_7231] Section 6.3.2.'),
    202: StatusCode(202, 'Accepted', 'Success', 'The request has been accepted for processing, but the processing has not been completed. The payload of this response should contain a Status Report. [RFC_7231] Section 6.3.3. The user agent may be able to inspect relevant resources to determine the status at some later time.'),
    203: StatusCode(203, 'Non-Authoritative Information', 'Success', "The request was successful, but the enclosed payload has been modified from that of the origin server's 200 (OK) response by a transforming proxy. See [RFC_7230] Section 5.7.2 and [RFC_7230] [RFC_7231] Section 6.3.4."),
    204: StatusCode(204, 'No-Content', 'Success', 'The server has successfully fulfilled the request and there is no additional content to send in the response payload body. This should be the response when content is successfully uploaded, and the response has no payload. For example, this status code is used in the response to a Conditional Retrieve request), when the Target Resource has not been modified. See [RFC_7231] Section 6.3.5.'),
    205: StatusCode(205, 'Reset Content', 'Success', 'The server has fulfilled the request and desires that the user agent reset the "document view", which caused the request to be sent, to its original state as received from the origin server.'),
    206: StatusCode(206, 'Partial Content', 'Success', "The 206 (Partial Content) status code indicates that the server is successfully fulfilling a range request for the Target Resource by transferring one or more parts of the selected representation that correspond to the satisfiable ranges found in the request's Range header field. This status code shall only be used with Range Requests. See [RFC_7233]. This status code was previously (erroneously) used to indicate that only some of a payload was stored."),
    301: StatusCode(301, 'Moved Permanently', 'Redirection', 'The origin server has assigned the Target Resource to a new permanent URI, indicated in a Location header field. This status is typically needed when the resource has been moved from one service to another, for example during a migration.'),
    303: StatusCode(303, 'See Other', 'Redirection', 'The origin the server is redirecting the user agent to a different resource, as indicated by a URI in the Location header field, which will provide a response to the original request.'),
    304: StatusCode(304, 'Not Modified', 'Redirection', 'The origin server has received a conditional GET or HEAD request that would have resulted in a 200 (OK) response if it were not for the fact that the condition evaluated to false.'),
    400: StatusCode(400, 'Bad Request', 'Client Error', 'The server cannot or will not process the request due to something that is perceived to be a client error (e.g., malformed request syntax, invalid request â€¦).'),
    401: StatusCode(401, 'Unauthorized', 'Client Error', 'The request has not been fulfilled because it lacks valid authentication credentials for the service or Target Resource. The server generating a 401 response shall send a WWW-Authenticate header field ([RFC_7235] Section 4.1) containing at least one challenge applicable to the server or Target Resource.'),
    403: StatusCode(403, 'Forbidden', 'Client Error', 'The origin server understood the request, but refused to authorize it (e.g., an authorized user with insufficient privileges). If authentication credentials were provided in the request, the server considers them insufficient to grant access. The origin server may respond with a 404 (Not Found) if not permitted to use this status code.'),
    404: StatusCode(404, 'Not Found', 'Client Error', 'The origin server did not find a representation for the Target Resource or is not willing to disclose that one exists. This might be a temporary condition. If the origin server knows that the resource has been deleted, the 410 (Gone) status code shall be returned rather than 404.'),
    405: StatusCode(405, 'Method Not Allowed', 'Client Error', "The method in the request is known by the origin server but not supported by the target service or resource. The origin server shall include an Allow header field in a 405 response containing a list of the target service or resource's currently supported methods."),
    406: StatusCode(406, 'Not Acceptable', 'Client Error', 'The Target Resource does not have a representation that would be acceptable to the user agent, per the content negotiation header fields in the request, and the server is unwilling to supply a default representation. The origin server should return a payload that lists the available media types and corresponding resource identifiers.'),
    409: StatusCode(409, 'Conflict', 'Client Error', 'The request could not be completed due to a conflict with the current state of the Target Resource. This code is used in situations where the user agent might be able to resolve the conflict and resubmit the request. The origin server should return a payload containing enough information for the user agent to recognize the source of the conflict. In the DICOM context, this code might indicate that the origin server was unable to store any Instances due to a conflict in the request (e.g., unsupported SOP Class or Instance mismatch).'),
    410: StatusCode(410, 'Gone', 'Client Error', 'Access to the Target Resource is no longer available at the origin server and this condition is likely to be permanent. If the origin server does not know, or has no facility to determine, whether the condition is permanent, the 404 (Not Found) status code should be used instead.'),
    411: StatusCode(411, 'Length Required', 'Client Error', 'The origin server refuses to accept the request because the Content-Length header field was not specified.'),
    413: StatusCode(413, 'Payload Too Large', 'Client Error', 'The server is refusing to process the request because the request payload is larger than the server is willing or able to process.'),
    414: StatusCode(414, 'URI Too Long', 'Client Error', 'The server is refusing to service the request because the request-target ([RFC_7230] Section 5.3) is longer than the server is willing to interpret.'),
    415: StatusCode(415, 'Unsupported Media Type', 'Client Error', 'The origin server does not support the Content-Type in the request payload. This error typically occurs when the user agent is trying to create or update a resource. The origin server should return a payload that lists the available media types and corresponding resource identifiers. This is different from 406 (Not Acceptable).'),
    500: StatusCode(500, 'Internal Server Error', 'Server Error', 'The server encountered an unexpected condition that prevented it from fulfilling the request.'),
    501: StatusCode(501, 'Not Implemented', 'Server Error', 'The server does not support the functionality required to fulfill the request. In the DICOM context, this status code shall be used for SOP Class Not Supported errors.'),
    503: StatusCode(503, 'Service Unavailable', 'Server Error', 'The origin server is currently unable to handle the request due to a temporary overload or scheduled maintenance, which will likely be alleviated after some delay.'),
    505: StatusCode(505, 'HTTP Version Not Supported', 'Server Error', 'The origin server does not support, or refuses to support, the major version of HTTP that was used in the request message.'),
}

#: (service, transaction) -> status code -> its meaning for that transaction ("Status Code
#: Meaning" tables; service "" for the common transactions of PS3.18 8).
TRANSACTION_STATUSES: Final[dict[tuple[str, str], dict[int, StatusCode]]] = {
    # PS3.18 8.9.3.1, Table 8.9.3-1
    ('', 'Retrieve Capabilities'): {
        200: StatusCode(200, 'OK', 'Success', 'All Instances were successfully retrieved.'),
        304: StatusCode(304, 'Not Modified', 'Success', "The user agent's current representation is up to date, so no payload was returned. This status code shall only be returned for a conditional request containing an If-None-Match header field."),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request.'),
    },
    # PS3.18 8.10.4.3.1, Table 8.10.4-2
    ('', 'Open Notification Connection'): {
        101: StatusCode(101, 'Switching Protocols', 'Success', 'The protocol was successfully changed to WebSocket.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request.'),
    },
    # PS3.18 9.4.3.1, Table 9.4.3-1
    ('URI', 'Retrieve DICOM Instance'): {
        200: StatusCode(200, 'OK', 'Success', 'The Instance was successfully retrieved.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request.'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The resource corresponding to the UIDs in the Query Parameters was not found.'),
        410: StatusCode(410, 'Gone', 'Failure', 'The resource corresponding to the UIDs in the Query Parameters, once existed, but no longer exists.'),
    },
    # PS3.18 9.5.3.1, Table 9.5.3-1
    ('URI', 'Retrieve Rendered Instance'): {
        200: StatusCode(200, 'OK', 'Success', 'All Instances were successfully rendered and retrieved.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request.'),
    },
    # PS3.18 10.4.3.1, Table 10.4.3-1
    ('Studies', 'Retrieve'): {
        200: StatusCode(200, 'OK', 'Success', 'The response payload contains representations for all of the Target Resource(s)'),
        206: StatusCode(206, 'Partial Content', 'Success', 'The response payload contains representations for some, but not all, of the Target Resource(s)'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'The origin server cannot process the request because of errors in the request headers or parameters.'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The Target Resource does not exist'),
        406: StatusCode(406, 'Not Acceptable', 'Failure', 'The origin server does not support any of the Acceptable Media Types'),
        410: StatusCode(410, 'Gone', 'Failure', 'The Target Resource has been deleted'),
        413: StatusCode(413, 'Payload Too Large', 'Failure', 'The Target Resource is too large to be returned by the origin server.'),
    },
    # PS3.18 10.5.3.1, Table 10.5.3-1
    ('Studies', 'Store'): {
        200: StatusCode(200, 'OK', 'Success', 'The origin server successfully stored all Instances.'),
        202: StatusCode(202, 'Accepted', 'Success', 'The origin server stored some of the Instances but warnings or failures exist for others. Additional information regarding this error may be found in the response message body.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'The origin server was unable to store any Instances due to bad syntax.'),
        409: StatusCode(409, 'Conflict', 'Failure', 'The request was formed correctly but the origin server was unable to store any Instances due to a conflict in the request (e.g., unsupported SOP Class or Study Instance UID mismatch). This may also be used to indicate that the origin server was unable to store any Instances for a mixture of reasons. Additional information regarding the Instance errors may be found in the payload.'),
        415: StatusCode(415, 'Unsupported Media Type', 'Failure', 'The origin server does not support the media type specified in the Content-Type header field of the request.'),
    },
    # PS3.18 10.6.3.1, Table 10.6.3-1
    ('Studies', 'Search'): {
        200: StatusCode(200, 'OK', 'Success', 'The search completed successfully, and the results are contained in the payload. If there are additional results available or there are warnings the Warning header field shall contain a URL referencing a Search Status report.'),
        204: StatusCode(204, 'No Content', 'Success', 'The search completed successfully, but there were zero results.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'The was a problem with the request. For example, the Query Parameter syntax is incorrect.'),
        413: StatusCode(413, 'Payload Too Large', 'Failure', 'The search was too broad, and the body of the response should contain a Status Report with additional information about the failure.'),
    },
    # PS3.18 11.4.3.1, Table 11.4.3-1
    ('Worklist', 'Create Workitem'): {
        201: StatusCode(201, 'Created', 'Success', 'The Target Workitem was successfully added to the Worklist.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request. For example, the request payload did not satisfy the requirements of the Req. Type N-CREATE column of Table CC.2.5-3 in PS3.4.'),
        409: StatusCode(409, 'Conflict', 'Failure', 'The Target Workitem already exists.'),
    },
    # PS3.18 11.5.3.1, Table 11.5.3-1
    ('Worklist', 'Retrieve Workitem'): {
        200: StatusCode(200, 'OK', 'Success', 'All Instances were successfully retrieved.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request.'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The origin server has no knowledge of the Target Workitem. See Section CC.2.1.3 in PS3.4.'),
        409: StatusCode(409, 'Conflict', 'Failure', 'The request cannot be performed for one of the following reasons: the submitted request is inconsistent with the current state of the Target Workitem the Transaction UID is missing the Transaction UID is incorrect'),
        410: StatusCode(410, 'Gone', 'Failure', 'The origin server knows that the Target Workitem did exist but has been deleted.'),
    },
    # PS3.18 11.6.3.1, Table 11.6.3-1
    ('Worklist', 'Update Workitem'): {
        200: StatusCode(200, 'OK', 'Success', 'The Target Workitem was updated.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request. For example: the Target Workitem was in the COMPLETED or CANCELED state the Transaction UID is missing the Transaction UID is incorrect, or the dataset did not conform to the requirements'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The Target Workitem was not found.'),
        409: StatusCode(409, 'Conflict', 'Failure', 'The request is inconsistent with the current state of the Target Workitem'),
        410: StatusCode(410, 'Gone', 'Failure', 'The Target Workitem once existed, but no longer exists.'),
    },
    # PS3.18 11.7.3.1, Table 11.7.3-1
    ('Worklist', 'Change Workitem State'): {
        200: StatusCode(200, 'OK', 'Success', 'The update was successful, and the response payload contains a Status Report document.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'The request cannot be performed for one of the following reasons: the request is invalid given the current state of the Target Workitem the Transaction UID is missing the Transaction UID is incorrect'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The Target Workitem was not found.'),
        409: StatusCode(409, 'Conflict', 'Failure', 'The request is inconsistent with the current state of the Target Workitem'),
        410: StatusCode(410, 'Gone', 'Failure', 'The Target Workitem once existed, but no longer exists.'),
    },
    # PS3.18 11.8.3.1, Table 11.8.3-1
    ('Worklist', 'Request Cancellation'): {
        202: StatusCode(202, 'Accepted', 'Success', 'The request was accepted by the origin server, but the Target Workitem state has not necessarily changed yet. The owner of the Workitem is not obliged to honor the request to cancel and, in some scenarios, may not even receive notification of the request.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the syntax of the request.'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The Target Workitem was not found.'),
        409: StatusCode(409, 'Conflict', 'Failure', 'The request is inconsistent with the current state of the Target Workitem. For example, the Target Workitem is in the SCHEDULED or COMPLETED state.'),
    },
    # PS3.18 11.9.3.1, Table 11.9.3-1
    ('Worklist', 'Search'): {
        200: StatusCode(200, 'OK', 'Success', 'The search completed successfully, and the matching results are returned in the message body.'),
        204: StatusCode(204, 'No Content', 'Success', 'The search completed successfully, but there were no matching results.'),
        206: StatusCode(206, 'Partial Content', 'Success', 'Only some of the search results were returned, and the rest can be requested through the appropriate request.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request. For example, an invalid Query Parameter syntax.'),
        413: StatusCode(413, 'Payload Too Large', 'Failure', 'The size of the results exceeds the maximum payload size supported by the origin server. The user agent may repeat the request with paging or with a narrower query to reduce the size of the result.'),
    },
    # PS3.18 11.10.3.1, Table 11.10.3-1
    ('Worklist', 'Subscribe'): {
        201: StatusCode(201, 'Created', 'Success', 'The Subscription was created.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the syntax of the request.'),
        403: StatusCode(403, 'Forbidden', 'Failure', 'The origin server understood the request but is refusing to perform the query (e.g., the origin server does not support Worklist Subscription Filtering, or an authenticated user has insufficient privileges).'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The Target Resource was not found.'),
    },
    # PS3.18 11.11.3.1, Table 11.11.3-1
    ('Worklist', 'Unsubscribe'): {
        200: StatusCode(200, 'OK', 'Success', 'The Subscription(s) were removed.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request. For example, the Target Workitem UID is missing.'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The target Subscription was not found.'),
    },
    # PS3.18 11.12.3.1, Table 11.12.3-1
    ('Worklist', 'Suspend Global Subscription'): {
        200: StatusCode(200, 'OK', 'Success', 'The Worklist Subscription was suspended.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request. For example, the Target Worklist UID is missing.'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The target Subscription was not found.'),
    },
    # PS3.18 12.4.3.1, Table 12.4.3-1
    ('Non-Patient Instance', 'Retrieve'): {
        200: StatusCode(200, 'OK', 'Success', 'The Instance was successfully retrieved.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'There was a problem with the request.'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The origin server did not find a current representation for the Target Resource or is not willing to disclose that one exists. For example, an unsupported IOD, or Instance not on server.'),
        406: StatusCode(406, 'Unsupported Media Type', 'Failure', 'The origin server does not support any of the Acceptable Media Types.'),
    },
    # PS3.18 12.5.3.1, Table 12.5.3-1
    ('Non-Patient Instance', 'Store'): {
        200: StatusCode(200, 'OK', 'Success', 'The origin server successfully stored or created at least one of the representations contained in the request payload and is returning a response payload.'),
        202: StatusCode(202, 'Accepted', 'Success', 'The origin server successfully validated the request message but has not yet stored or created the representations in the request payload. The origin server may or may not have validated the payload. The user agent can use a Query or Retrieve transaction later to determine if the request has completed.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'The was a problem with the request. For example: the origin server did not store any of the representations contained in the request payload because of errors in the request message, the request contained an invalid Query Parameter, the request referenced an invalid Instance.'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The origin server did not find a current representation for the Target Resource or is not willing to disclose that one exists. For example, an unsupported IOD, or Instance not on server.'),
        409: StatusCode(409, 'Conflict', 'Failure', 'The request could not be completed due to a conflict with the current state of the Target Resource.'),
        415: StatusCode(415, 'Unsupported Media Type', 'Failure', 'The origin server does not support the media type specified in the Content-Type header field of the request, and none of the representations contained in the request were processed or stored.'),
    },
    # PS3.18 12.6.3.1, Table 12.6.3-1
    ('Non-Patient Instance', 'Search'): {
        200: StatusCode(200, 'OK', 'Success', 'The query completed and any matching results are returned in the message body.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'The request message contained an error. For example, the Query Parameters were invalid'),
        406: StatusCode(406, 'Unsupported Media Type', 'Failure', 'The origin server does not support any of the Acceptable Media Types.'),
        413: StatusCode(413, 'Payload Too Large', 'Failure', 'The search was too broad, and the body of the response should contain a Status Report with additional information about the failure.'),
    },
    # PS3.18 13.4.3.1, Table 13.4.3-1
    ('Storage Commitment', 'Request'): {
        200: StatusCode(200, 'OK', 'Success', 'The origin server finished processing the storage commitment request; the payload describes in detail what referenced SOP Instances have been committed for safekeeping, and what Instances have not.'),
        202: StatusCode(202, 'Accepted', 'Success', 'The origin server has not finished processing the storage commitment request yet; there is no payload. The user agent is expected to follow-up with the Result Check transaction, as described in Section 13.5, to retrieve the result of the storage commitment request.'),
        400: StatusCode(400, 'Bad Request', 'Failure', 'The origin server cannot handle the storage commitment request because of errors in the request headers or parameters.'),
        409: StatusCode(409, 'Conflict', 'Failure', 'The origin server cannot handle the storage commitment request because the provided transaction UID is already in use.'),
        503: StatusCode(503, 'Service Unavailable', 'Failure', 'The origin server cannot handle the storage commitment request; this may be a temporal or permanent state.'),
    },
    # PS3.18 13.5.3.1, Table 13.5.3-1
    ('Storage Commitment', 'Result Check'): {
        200: StatusCode(200, 'OK', 'Success', 'The origin server finished processing the Request transaction identified by the supplied Transaction UID (see Section 13.4); the payload contains the result.'),
        202: StatusCode(202, 'Accepted', 'Success', 'The origin server has not yet finished processing the Request transaction identified by the supplied Transaction UID; there is no payload. The user agent is expected to follow-up again with the Result Check transaction, to retrieve the result of the storage commitment request.'),
        404: StatusCode(404, 'Not Found', 'Failure', 'The origin server cannot find the storage commitment request result identified by the supplied Transaction UID.'),
        410: StatusCode(410, 'Gone', 'Failure', 'The origin server can no longer provide the storage commitment request result identified by the supplied Transaction UID.'),
        503: StatusCode(503, 'Service Unavailable', 'Failure', 'The origin server cannot handle the Result Check request; this may be a temporary or permanent state.'),
    },
}


class MediaTypeSyntax(NamedTuple):
    """A transfer syntax of a media type for a resource category; default when marked D."""

    category: str
    media_type: str
    transfer_syntax: str
    name: str
    default: bool
    table: str


#: Transfer syntaxes of application/dicom (Table 8.7.3-2), of uncompressed (8.7.3-4) and of
#: compressed (8.7.3-5) bulk data, by resource category (PS3.18 8.7.3).
MEDIA_TYPE_SYNTAXES: Final[tuple[MediaTypeSyntax, ...]] = (
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.70', 'JPEG Lossless, Non-Hierarchical, First-Order Prediction(Process 14 [Selection Value 1]): Default Transfer Syntax for Lossless JPEG Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1): Default Transfer Syntax for Lossy JPEG 8 Bit Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 & 4): Default Transfer Syntax for Lossy JPEG 12 Bit Image Compression (Process 4 only)', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.5', 'RLE Lossless', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless) Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.90', 'JPEG 2000 Image Compression (Lossless Only)', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.91', 'JPEG 2000 Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.92', 'JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.93', 'JPEG 2000 Part 2 Multi-component Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.202', 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)', False, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/dicom', '1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000 Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Multi-frame Image', 'application/dicom', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-2'),
    MediaTypeSyntax('Multi-frame Image', 'application/dicom', '1.2.840.10008.1.2.4.90', 'JPEG 2000 Image Compression (Lossless Only)', False, '8.7.3-2'),
    MediaTypeSyntax('Multi-frame Image', 'application/dicom', '1.2.840.10008.1.2.4.91', 'JPEG 2000 Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Multi-frame Image', 'application/dicom', '1.2.840.10008.1.2.4.92', 'JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)', False, '8.7.3-2'),
    MediaTypeSyntax('Multi-frame Image', 'application/dicom', '1.2.840.10008.1.2.4.93', 'JPEG 2000 Part 2 Multi-component Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Multi-frame Image', 'application/dicom', '1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', False, '8.7.3-2'),
    MediaTypeSyntax('Multi-frame Image', 'application/dicom', '1.2.840.10008.1.2.4.202', 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)', False, '8.7.3-2'),
    MediaTypeSyntax('Multi-frame Image', 'application/dicom', '1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000 Image Compression', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.100', 'MPEG2 Main Profile @ Main Level', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.101', 'MPEG2 Main Profile @ High Level', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.102', 'MPEG-4 AVC/H.264 High Profile / Level 4.1', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.103', 'MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.104', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.105', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.106', 'MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.100.1', 'Fragmentable MPEG2 Main Profile @ Main Level', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.101.1', 'Fragmentable MPEG2 Main Profile @ High Level', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.102.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.103.1', 'Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.104.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.105.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.106.1', 'Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.107', 'HEVC/H.265 Main Profile / Level 5.1', False, '8.7.3-2'),
    MediaTypeSyntax('Video', 'application/dicom', '1.2.840.10008.1.2.4.108', 'HEVC/H.265 Main 10 Profile / Level 5.1', False, '8.7.3-2'),
    MediaTypeSyntax('Text', 'application/dicom', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-2'),
    MediaTypeSyntax('Other', 'application/dicom', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-2'),
    MediaTypeSyntax('Single Frame Image', 'application/octet-stream', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-4'),
    MediaTypeSyntax('Multi-Frame Image', 'application/octet-stream', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-4'),
    MediaTypeSyntax('Video', 'application/octet-stream', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-4'),
    MediaTypeSyntax('Text', 'application/octet-stream', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-4'),
    MediaTypeSyntax('Other', 'application/octet-stream', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian', True, '8.7.3-4'),
    MediaTypeSyntax('Single Frame Image', 'image/jpeg', '1.2.840.10008.1.2.4.70', 'JPEG Lossless, Non-Hierarchical, First-Order Prediction(Process 14 [Selection Value 1]): Default Transfer Syntax for Lossless JPEG Image Compression', True, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jpeg', '1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1): Default Transfer Syntax for Lossy JPEG 8 Bit Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jpeg', '1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 & 4): Default Transfer Syntax for Lossy JPEG 12 Bit Image Compression (Process 4 only)', False, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jpeg', '1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)', False, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/dicom-rle', '1.2.840.10008.1.2.5', 'RLE Lossless', True, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jls', '1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless Image Compression', True, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jls', '1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless) Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jp2', '1.2.840.10008.1.2.4.90', 'JPEG 2000 Image Compression (Lossless Only)', True, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jp2', '1.2.840.10008.1.2.4.91', 'JPEG 2000 Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jpx', '1.2.840.10008.1.2.4.92', 'JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)', True, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jpx', '1.2.840.10008.1.2.4.93', 'JPEG 2000 Part 2 Multi-component Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jphc', '1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', True, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jphc', '1.2.840.10008.1.2.4.202', 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)', False, '8.7.3-5'),
    MediaTypeSyntax('Single Frame Image', 'image/jphc', '1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000 Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jpeg', '1.2.840.10008.1.2.4.70', 'JPEG Lossless, Non-Hierarchical, First-Order Prediction(Process 14 [Selection Value 1]): Default Transfer Syntax for Lossless JPEG Image Compression', True, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jpeg', '1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1): Default Transfer Syntax for Lossy JPEG 8 Bit Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jpeg', '1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 & 4): Default Transfer Syntax for Lossy JPEG 12 Bit Image Compression (Process 4 only)', False, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jpeg', '1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)', False, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/dicom-rle', '1.2.840.10008.1.2.5', 'RLE Lossless', True, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jls', '1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless Image Compression', True, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jls', '1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless) Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jp2', '1.2.840.10008.1.2.4.90', 'JPEG 2000 Image Compression (Lossless Only)', True, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jp2', '1.2.840.10008.1.2.4.91', 'JPEG 2000 Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jpx', '1.2.840.10008.1.2.4.92', 'JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)', True, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jpx', '1.2.840.10008.1.2.4.93', 'JPEG 2000 Part 2 Multi-component Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jphc', '1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', True, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jphc', '1.2.840.10008.1.2.4.202', 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)', False, '8.7.3-5'),
    MediaTypeSyntax('Multi-frame Image', 'image/jphc', '1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000 Image Compression', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mpeg', '1.2.840.10008.1.2.4.100', 'MPEG2 Main Profile @ Main Level', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mpeg', '1.2.840.10008.1.2.4.100.1', 'Fragmentable MPEG2 Main Profile @ Main Level', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mpeg', '1.2.840.10008.1.2.4.101', 'MPEG2 Main Profile @ High Level', True, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mpeg', '1.2.840.10008.1.2.4.101.1', 'Fragmentable MPEG2 Main Profile @ High Level', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.102', 'MPEG-4 AVC/H.264 High Profile / Level 4.1', True, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.102.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1', True, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.103', 'MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.103.1', 'Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.104', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.104.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.105', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.105.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.106', 'MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/mp4', '1.2.840.10008.1.2.4.106.1', 'Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', False, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/h265', '1.2.840.10008.1.2.4.107', 'HEVC/H.265 Main Profile / Level 5.1', True, '8.7.3-5'),
    MediaTypeSyntax('Video', 'video/h265', '1.2.840.10008.1.2.4.108', 'HEVC/H.265 Main 10 Profile / Level 5.1', False, '8.7.3-5'),
)

#: Media types of metadata (PS3.18 Table 8.7.3-3).
METADATA_MEDIA_TYPES: Final[tuple[str, ...]] = ('application/dicom+xml', 'application/dicom+json')


class RenderedMediaType(NamedTuple):
    """A rendered media type of a category; uri and restful: D default, R required, O optional."""

    category: str
    media_type: str
    uri: str
    restful: str


#: Rendered media types by resource category (PS3.18 8.7.4, Table 8.7.4-1).
RENDERED_MEDIA_TYPES: Final[tuple[RenderedMediaType, ...]] = (
    RenderedMediaType('Single Frame Image', 'image/jpeg', 'D', 'D'),
    RenderedMediaType('Single Frame Image', 'image/gif', 'O', 'R'),
    RenderedMediaType('Single Frame Image', 'image/png', 'O', 'R'),
    RenderedMediaType('Single Frame Image', 'image/jp2', 'O', 'O'),
    RenderedMediaType('Single Frame Image', 'image/jph', 'O', 'O'),
    RenderedMediaType('Multi-frame Image', 'image/gif', 'O', 'O'),
    RenderedMediaType('Video', 'video/mpeg', 'O', 'O'),
    RenderedMediaType('Video', 'video/mp4', 'O', 'O'),
    RenderedMediaType('Video', 'video/h265', 'O', 'O'),
    RenderedMediaType('Text', 'text/html', 'D', 'D'),
    RenderedMediaType('Text', 'text/plain', 'R', 'R'),
    RenderedMediaType('Text', 'text/xml', 'O', 'R'),
    RenderedMediaType('Text', 'text/rtf', 'O', 'O'),
    RenderedMediaType('Text', 'application/pdf', 'O', 'O'),
)


class MediaTypeUsage(NamedTuple):
    """A media type of a transaction's target resource: media_type and type_param ("" where
    the table names a family of types; see text), usage Default/Required/Optional."""

    service: str
    transaction: str
    target: str
    media_type: str
    type_param: str
    usage: str
    text: str


#: The "Default, Required, and Optional Media Types" tables of PS3.18 10 to 13.
MEDIA_TYPE_USAGES: Final[tuple[MediaTypeUsage, ...]] = (
    MediaTypeUsage('Studies', 'Retrieve', 'Instance Resources', 'multipart/related', 'application/dicom', 'Default', 'multipart/related; type="application/dicom"'),
    MediaTypeUsage('Studies', 'Retrieve', 'Instance Resources', 'multipart/related', 'application/octet-stream', 'Required', 'multipart/related; type="application/octet-stream"'),
    MediaTypeUsage('Studies', 'Retrieve', 'Instance Resources', 'application/dicom', '', 'Optional', 'application/dicom'),
    MediaTypeUsage('Studies', 'Retrieve', 'Instance Resources', '', '', 'Optional', 'Compressed Bulkdata Media Types'),
    MediaTypeUsage('Studies', 'Retrieve', 'Metadata Resources', 'application/dicom+json', '', 'Default', 'application/dicom+json'),
    MediaTypeUsage('Studies', 'Retrieve', 'Metadata Resources', 'multipart/related', 'application/dicom+xml', 'Required', 'multipart/related; type="application/dicom+xml"'),
    MediaTypeUsage('Studies', 'Retrieve', 'Bulkdata Resources and Pixel Data Resources', 'multipart/related', 'application/octet-stream', 'Required', 'multipart/related; type="application/octet-stream"'),
    MediaTypeUsage('Studies', 'Retrieve', 'Bulkdata Resources and Pixel Data Resources', 'application/octet-stream', '', 'Optional', 'application/octet-stream'),
    MediaTypeUsage('Studies', 'Retrieve', 'Bulkdata Resources and Pixel Data Resources', 'multipart/related', '', 'Optional', 'multipart/related; type= a Compressed Bulkdata Media Type'),
    MediaTypeUsage('Studies', 'Retrieve', 'Bulkdata Resources and Pixel Data Resources', '', '', 'Optional', 'Compressed Bulkdata Media Types'),
    MediaTypeUsage('Studies', 'Retrieve', 'Rendered Resources', 'multipart/related', '', 'Optional', 'multipart/related; type= a Compressed Bulkdata Media Type'),
    MediaTypeUsage('Studies', 'Retrieve', 'Rendered Resources', '', '', 'Optional', 'Compressed Bulkdata Media Types'),
    MediaTypeUsage('Studies', 'Retrieve', 'Thumbnail Resources', 'image/jpeg', '', 'Default', 'image/jpeg'),
    MediaTypeUsage('Studies', 'Retrieve', 'Thumbnail Resources', '', '', 'Optional', 'Other Rendered Media Types'),
    MediaTypeUsage('Studies', 'Store', '', 'multipart/related', 'application/dicom', 'Required', 'multipart/related; type="application/dicom"'),
    MediaTypeUsage('Studies', 'Store', '', 'multipart/related', 'application/dicom+json', 'Default', 'multipart/related; type="application/dicom+json"'),
    MediaTypeUsage('Studies', 'Store', '', 'multipart/related', 'application/dicom+xml', 'Required', 'multipart/related; type="application/dicom+xml"'),
    MediaTypeUsage('Studies', 'Store', '', 'multipart/related', 'application/octet-stream', 'Required', 'multipart/related; type="application/octet-stream"'),
    MediaTypeUsage('Studies', 'Store', '', 'multipart/related', '', 'Optional', 'multipart/related; type= a Compressed Bulkdata Media Type'),
    MediaTypeUsage('Studies', 'Search', '', 'application/dicom+json', '', 'Default', 'application/dicom+json'),
    MediaTypeUsage('Studies', 'Search', '', 'multipart/related', 'application/dicom+xml', 'Required', 'multipart/related; type="application/dicom+xml"'),
    MediaTypeUsage('Worklist', '(all)', '', 'application/dicom+json', '', 'Default', 'application/dicom+json'),
    MediaTypeUsage('Worklist', '(all)', '', 'multipart/related', 'application/dicom+xml', 'Required', 'multipart/related; type="application/dicom+xml"'),
    MediaTypeUsage('Non-Patient Instance', '(all)', '', 'application/dicom', '', 'Required', 'application/dicom'),
    MediaTypeUsage('Non-Patient Instance', '(all)', '', 'application/dicom+json', '', 'Default', 'application/dicom+json'),
    MediaTypeUsage('Non-Patient Instance', '(all)', '', 'multipart/related', 'application/dicom+xml', 'Required', 'multipart/related; type="application/dicom+xml"'),
    MediaTypeUsage('Storage Commitment', '(all)', '', 'application/dicom+json', '', 'Default', 'application/dicom+json'),
    MediaTypeUsage('Storage Commitment', '(all)', '', 'application/dicom+xml', '', 'Required', 'application/dicom+xml'),
    MediaTypeUsage('Storage Commitment', '(all)', '', 'multipart/related', 'application/dicom+json', 'Required', 'multipart/related; type="application/dicom+json"'),
    MediaTypeUsage('Storage Commitment', '(all)', '', 'multipart/related', 'application/dicom+xml', 'Required', 'multipart/related; type="application/dicom+xml"'),
)


class Resource(NamedTuple):
    """A resource of a service's transaction and its URI template (RFC 6570)."""

    service: str
    transaction: str
    name: str
    uri_template: str
    table: str


#: Resources and URI templates of PS3.18 9 to 13.
RESOURCES: Final[tuple[Resource, ...]] = (
    Resource('Studies', 'Retrieve', 'Study Instances', '/studies/{study}', '10.4.1-1'),
    Resource('Studies', 'Retrieve', 'Series Instances', '/studies/{study}/series/{series}', '10.4.1-1'),
    Resource('Studies', 'Retrieve', 'Instance', '/studies/{study}/series/{series}/instances/{instance}', '10.4.1-1'),
    Resource('Studies', 'Retrieve', 'Study Metadata', '/studies/{study}/metadata', '10.4.1-2'),
    Resource('Studies', 'Retrieve', 'Series Metadata', '/studies/{study}/series/{series}/metadata', '10.4.1-2'),
    Resource('Studies', 'Retrieve', 'Instance Metadata', '/studies/{study}/series/{series}/instances/{instance}/metadata', '10.4.1-2'),
    Resource('Studies', 'Retrieve', 'Rendered Study', '/studies/{study}/rendered', '10.4.1-3'),
    Resource('Studies', 'Retrieve', 'Rendered Series', '/studies/{study}/series/{series}/rendered', '10.4.1-3'),
    Resource('Studies', 'Retrieve', 'Rendered Instance', '/studies/{study}/series/{series}/instances/{instance}/rendered', '10.4.1-3'),
    Resource('Studies', 'Retrieve', 'Rendered Frames', '/studies/{study}/series/{series}/instances/{instance}/frames/{frames}/rendered', '10.4.1-3'),
    Resource('Studies', 'Retrieve', 'Study Thumbnail', '/studies/{study}/thumbnail', '10.4.1-4'),
    Resource('Studies', 'Retrieve', 'Series Thumbnail', '/studies/{study}/series/{series}/thumbnail', '10.4.1-4'),
    Resource('Studies', 'Retrieve', 'Instance Thumbnail', '/studies/{study}/series/{series}/instances/{instance}/thumbnail', '10.4.1-4'),
    Resource('Studies', 'Retrieve', 'Frame Thumbnail', '/studies/{study}/series/{series}/instances/{instance}/frames/{frames}/thumbnail', '10.4.1-4'),
    Resource('Studies', 'Retrieve', 'Study Bulkdata', '/studies/{study}/bulkdata', '10.4.1.5-1'),
    Resource('Studies', 'Retrieve', 'Series Bulkdata', '/studies/{study}/series/{series}/bulkdata', '10.4.1.5-1'),
    Resource('Studies', 'Retrieve', 'Instance Bulkdata', '/studies/{study}/series/{series}/instances/{instance}/bulkdata', '10.4.1.5-1'),
    Resource('Studies', 'Retrieve', 'Bulkdata', '{bulkdataURI}', '10.4.1.5-1'),
    Resource('Studies', 'Retrieve', 'Study Pixel Data', '/studies/{study}/pixeldata', '10.4.1.6-1'),
    Resource('Studies', 'Retrieve', 'Series Pixel Data', '/studies/{study}/series/{series}/pixeldata', '10.4.1.6-1'),
    Resource('Studies', 'Retrieve', 'Instance Pixel Data', '/studies/{study}/series/{series}/instances/{instance}/pixeldata', '10.4.1.6-1'),
    Resource('Studies', 'Retrieve', 'Frame Pixel Data', '/studies/{study}/series/{series}/instances/{instance}/frames/{frames}', '10.4.1.6-1'),
    Resource('Studies', 'Store', 'Studies', '/studies', '10.5.1-1'),
    Resource('Studies', 'Store', 'Study', '/studies/{study}', '10.5.1-1'),
    Resource('Studies', 'Search', 'All Studies', '/studies{?search*}', '10.6.1-1'),
    Resource('Studies', 'Search', "Study's Series", '/studies/{study}/series{?search*}', '10.6.1-1'),
    Resource('Studies', 'Search', "Study's Instances", '/studies/{study}/instances{?search*}', '10.6.1-1'),
    Resource('Studies', 'Search', 'All Series', '/series{?search*}', '10.6.1-1'),
    Resource('Studies', 'Search', "Study's Series' Instances", '/studies/{study}/series/{series}/instances{?search*}', '10.6.1-1'),
    Resource('Studies', 'Search', 'All Instances', '/instances{?search*}', '10.6.1-1'),
    Resource('Worklist', '', 'Worklist', '/', '11.1.1-1'),
    Resource('Worklist', '', 'All Workitems', '/workitems', '11.1.1-1'),
    Resource('Worklist', '', 'Workitem', '/workitems/{workitem}', '11.1.1-1'),
    Resource('Worklist', '', 'Workitem State', '/workitems/{workitem}/state', '11.1.1-1'),
    Resource('Worklist', '', 'Workitem Request Cancellation', '/workitems/{workitem}/cancelrequest', '11.1.1-1'),
    Resource('Worklist', '', 'Workitem Subscription', '/workitems/{workitem}/subscribers/{aetitle}', '11.1.1-1'),
    Resource('Worklist', '', 'Worklist Subscription', '/workitems/1.2.840.10008.5.1.4.34.5/subscribers/{aetitle}', '11.1.1-1'),
    Resource('Worklist', '', 'Filtered Worklist Subscription', '/workitems/1.2.840.10008.5.1.4.34.5.1/subscribers/{aetitle}', '11.1.1-1'),
    Resource('Worklist', 'Create Workitem', 'Worklist', '/workitems', '11.4.1-1'),
    Resource('Worklist', 'Create Workitem', 'Workitem', '/workitems?{workitem}', '11.4.1-1'),
    Resource('Worklist', 'Subscribe', 'Worklist Subscription', '/workitems/1.2.840.10008.5.1.4.34.5/subscribers/{aetitle}', '11.10.1-1'),
    Resource('Worklist', 'Subscribe', 'Filtered Worklist Subscription', '/workitems/1.2.840.10008.5.1.4.34.5.1/subscribers/{aetitle}', '11.10.1-1'),
    Resource('Worklist', 'Subscribe', 'Workitem Subscription', '/workitems/{workitem}/subscribers/{aetitle}', '11.10.1-1'),
    Resource('Worklist', 'Unsubscribe', 'Worklist Subscription', '/workitems/1.2.840.10008.5.1.4.34.5/subscribers/{aetitle}', '11.11.1-1'),
    Resource('Worklist', 'Unsubscribe', 'Filtered Worklist Subscription', '/workitems/1.2.840.10008.5.1.4.34.5.1/subscribers/{aetitle}', '11.11.1-1'),
    Resource('Worklist', 'Unsubscribe', 'Workitem Subscription', '/workitems/{workitem}/subscribers/{aetitle}', '11.11.1-1'),
    Resource('Worklist', 'Suspend Global Subscription', 'Worklist Subscription', '/workitems/1.2.840.10008.5.1.4.34.5/subscribers/{aetitle}/suspend', '11.12.1-1'),
    Resource('Worklist', 'Suspend Global Subscription', 'Filtered Worklist Subscription', '/workitems/1.2.840.10008.5.1.4.34.5.1/subscribers/{aetitle}/suspend', '11.12.1-1'),
    Resource('Non-Patient Instance', 'Retrieve', 'Instance', '/{npi-name}/{uid}', '12.4.1-1'),
    Resource('Non-Patient Instance', 'Store', 'All Instances', '/{npi-name}', '12.5.1-1'),
    Resource('Non-Patient Instance', 'Store', 'Instance', '/{npi-name} {/uid}', '12.5.1-1'),
    Resource('Non-Patient Instance', 'Search', 'All Instances', '/{npi-name}', '12.6.1-1'),
    Resource('Storage Commitment', '', 'Storage commitment requests managed by the origin server', '/commitment-requests', '13.1.1-1'),
)


class QueryParameter(NamedTuple):
    """A query parameter: values (its syntax), user agent / origin server requirement, the
    resources it applies to and the section defining it."""

    name: str
    values: str
    user_agent: str
    origin_server: str
    target: str
    section: str
    table: str


#: Query parameters of Search (PS3.18 8.3.4, Table 8.3.4-1).
SEARCH_PARAMETERS: Final[tuple[QueryParameter, ...]] = (
    QueryParameter('match', '; See attribute matching rules below', 'O', 'M', 'Search', '8.3.4.1', '8.3.4-1'),
    QueryParameter('fuzzymatching', '= "fuzzymatching" "=" true / false', 'O', 'M', 'Search', '8.3.4.2', '8.3.4-1'),
    QueryParameter('includefield', '= "includefield" "=" 1#attribute / "all"', 'O', 'M', 'Search', '8.3.4.3', '8.3.4-1'),
    QueryParameter('limit', '= "limit" "=" uint; Maximum number of results', 'O', 'M', 'Search', '8.3.4.4', '8.3.4-1'),
    QueryParameter('offset', '= "offset" "=" uint; Number of skipped results', 'O', 'M', 'Search', '8.3.4.4', '8.3.4-1'),
    QueryParameter('emptyvaluematching', '= "emptyvaluematching" "=" true / false', 'O', 'M', 'Search', '8.3.4.5', '8.3.4-1'),
    QueryParameter('multiplevaluematching', '= "multiplevaluematching" "=" true / false', 'O', 'M', 'Search', '8.3.4.6', '8.3.4-1'),
)

#: Query parameters of Retrieve rendered resources (PS3.18 8.3.5.1, Table 8.3.5-1).
RENDERED_PARAMETERS: Final[tuple[QueryParameter, ...]] = (
    QueryParameter('accept', 'Rendered Media Type', '', '', 'All Categories', '8.3.3.1', '8.3.5-1'),
    QueryParameter('annotation', '"patient" and/or "technique"', '', '', 'Image (single or multi-frame) or Video', '8.3.5.1.1', '8.3.5-1'),
    QueryParameter('charset', 'character set token', '', '', 'All Categories', '8.3.3.2', '8.3.5-1'),
    QueryParameter('quality', 'uint', '', '', 'Image (single or multi-frame) or Video', '8.3.5.1.2', '8.3.5-1'),
    QueryParameter('viewport', 'vw, vh, [ sx, sy, sw, sh]', '', '', 'Non-Presentation States', '8.3.5.1.3', '8.3.5-1'),
    QueryParameter('viewport', 'vw, vh,', '', '', 'Presentation States', '8.3.5.1.3', '8.3.5-1'),
    QueryParameter('window', 'center, width, shape', '', '', 'Non-Presentation States', '8.3.5.1.4', '8.3.5-1'),
    QueryParameter('iccprofile', '"no", "yes", "srgb", "adobergb" or "rommrgb"', '', '', 'Image (single or multi-frame) or Video', '8.3.5.1.5', '8.3.5-1'),
)

#: Query parameters of Retrieve thumbnail resources (PS3.18 8.3.5, Table 8.3.5-2).
THUMBNAIL_PARAMETERS: Final[tuple[QueryParameter, ...]] = (
    QueryParameter('accept', 'Rendered Media Type', '', '', 'All Categories', '8.3.3.1', '8.3.5-2'),
    QueryParameter('charset', 'character set token', '', '', 'All Categories', '8.3.3.2', '8.3.5-2'),
    QueryParameter('viewport', 'vw, vh', '', '', 'All Categories', '8.3.5.1.3', '8.3.5-2'),
)

#: Query parameters of Retrieve, by resource (PS3.18 10.4.1.2, Table 10.4.1-5).
RETRIEVE_PARAMETERS: Final[tuple[QueryParameter, ...]] = (
    QueryParameter('accept', '', 'O', 'M', 'All Resources', '8.3.3.1', '10.4.1-5'),
    QueryParameter('charset', '', 'O', 'M', 'Metadata Resources', '8.3.3.2', '10.4.1-5'),
    QueryParameter('annotation', '', 'O', 'M', 'Rendered Resources', '8.3.5.1.1', '10.4.1-5'),
    QueryParameter('quality', '', 'O', 'M', 'Rendered Resources', '8.3.5.1.2', '10.4.1-5'),
    QueryParameter('viewport', '', 'O', 'M', 'Rendered Resources', '8.3.5.1.3', '10.4.1-5'),
    QueryParameter('viewport', '', 'O', 'O', 'Thumbnail Resources', '8.3.5.1.3', '10.4.1-5'),
    QueryParameter('window', '', 'O', 'M', 'Rendered Resources', '8.3.5.1.4', '10.4.1-5'),
    QueryParameter('iccprofile', '', 'O', 'O', 'Rendered Resources', '8.3.5.1.5', '10.4.1-5'),
)

#: Query parameters of the URI Service (WADO-URI): mandatory (PS3.18 9.1.2, Table 9.1.2-1), optional (Table 9.1.2-2) and those of Retrieve DICOM Instance (9.4.1, Table 9.4.1-1); target says which.
URI_PARAMETERS: Final[tuple[QueryParameter, ...]] = (
    QueryParameter('requestType', '"WADO"', 'M', 'M', 'Mandatory', '9.1.2.1.1', '9.1.2-1'),
    QueryParameter('studyUID', 'uid', 'M', 'M', 'Mandatory', '9.1.2.1.3', '9.1.2-1'),
    QueryParameter('seriesUID', 'uid', 'M', 'M', 'Mandatory', '9.1.2.1.3', '9.1.2-1'),
    QueryParameter('objectUID', 'uid', 'M', 'M', 'Mandatory', '9.1.2.1.4', '9.1.2-1'),
    QueryParameter('contentType', 'media-type', 'O', 'O', 'Optional', '8.3.3.1', '9.1.2-2'),
    QueryParameter('charset', 'token', 'O', 'O', 'Optional', '8.3.3.2', '9.1.2-2'),
    QueryParameter('anonymize', '"yes"', 'O', 'O', 'Retrieve DICOM Instance', '9.4.1.2.1', '9.4.1-1'),
    QueryParameter('annotation', '"patient" "technique"', 'O', 'O', 'Retrieve DICOM Instance', '9.4.1.2.2', '9.4.1-1'),
    QueryParameter('transferSyntax', 'uid', 'O', 'O', 'Retrieve DICOM Instance', '9.4.1.2.3', '9.4.1-1'),
)


class SearchResource(NamedTuple):
    """A Search resource: URI template, native/proxy requirement, query type and the IE levels
    whose matching keys it supports."""

    name: str
    uri_template: str
    native: str
    proxy: str
    query_type: str
    levels: tuple[str, ...]


#: Search resources (PS3.18 Tables 10.6.1-1 and 10.6.1-4).
SEARCH_RESOURCES: Final[tuple[SearchResource, ...]] = (
    SearchResource('All Studies', '/studies{?search*}', 'M', 'M', 'hierarchical', ('Study',)),
    SearchResource("Study's Series", '/studies/{study}/series{?search*}', 'M', 'M', 'hierarchical', ('Series',)),
    SearchResource("Study's Instances", '/studies/{study}/instances{?search*}', 'M', 'O', 'relational', ('Series', 'Instance')),
    SearchResource('All Series', '/series{?search*}', 'M', 'O', 'relational', ('Study', 'Series')),
    SearchResource("Study's Series' Instances", '/studies/{study}/series/{series}/instances{?search*}', 'M', 'M', 'hierarchical', ('Instance',)),
    SearchResource('All Instances', '/instances{?search*}', 'M', 'O', 'relational', ('Study', 'Series', 'Instance')),
)


class AttributeKey(NamedTuple):
    """A key of a level: its tag path (a sequence's nested key after the sequence), name,
    and for return attributes its Type (R, C, U) and condition."""

    level: str
    path: tuple[int, ...]
    name: str
    type: str
    condition: str


#: Matching keys an origin server supports, by IE level (PS3.18 10.6.1.2.3, Table 10.6.1-5).
MATCHING_KEYS: Final[dict[str, tuple[AttributeKey, ...]]] = {
    'Study': (
        AttributeKey('Study', (0x00080020,), 'Study Date', '', ''),
        AttributeKey('Study', (0x00080030,), 'Study Time', '', ''),
        AttributeKey('Study', (0x00080050,), 'Accession Number', '', ''),
        AttributeKey('Study', (0x00080061,), 'Modalities In Study', '', ''),
        AttributeKey('Study', (0x00080090,), 'Referring Physician Name', '', ''),
        AttributeKey('Study', (0x00100010,), 'Patient Name', '', ''),
        AttributeKey('Study', (0x00100020,), 'Patient ID', '', ''),
        AttributeKey('Study', (0x0020000D,), 'Study Instance UID', '', ''),
        AttributeKey('Study', (0x00200010,), 'Study ID', '', ''),
    ),
    'Series': (
        AttributeKey('Series', (0x00080060,), 'Modality', '', ''),
        AttributeKey('Series', (0x0020000E,), 'Series Instance UID', '', ''),
        AttributeKey('Series', (0x00200011,), 'Series Number', '', ''),
        AttributeKey('Series', (0x00400244,), 'Performed Procedure Step Start Date', '', ''),
        AttributeKey('Series', (0x00400245,), 'Performed Procedure Step Start Time', '', ''),
        AttributeKey('Series', (0x00400275,), 'Request Attributes Sequence', '', ''),
        AttributeKey('Series', (0x00400275, 0x00400009,), 'Scheduled Procedure Step ID', '', ''),
        AttributeKey('Series', (0x00400275, 0x00401001,), 'Requested Procedure ID', '', ''),
    ),
    'Instance': (
        AttributeKey('Instance', (0x00080016,), 'SOP Class UID', '', ''),
        AttributeKey('Instance', (0x00080018,), 'SOP Instance UID', '', ''),
        AttributeKey('Instance', (0x00200013,), 'Instance Number', '', ''),
    ),
}

#: Attributes of a Search response, by IE level (PS3.18 10.6.3.3, Tables 10.6.3-3, 10.6.3-4, 10.6.3-5).
RETURN_KEYS: Final[dict[str, tuple[AttributeKey, ...]]] = {
    'Study': (
        AttributeKey('Study', (0x00080020,), 'Study Date', 'R', ''),
        AttributeKey('Study', (0x00080030,), 'Study Time', 'R', ''),
        AttributeKey('Study', (0x00080050,), 'Accession Number', 'R', ''),
        AttributeKey('Study', (0x00080056,), 'Instance Availability', 'C', 'Shall be present if known'),
        AttributeKey('Study', (0x00080061,), 'Modalities in Study', 'R', ''),
        AttributeKey('Study', (0x00080090,), "Referring Physician's Name", 'R', ''),
        AttributeKey('Study', (0x00080201,), 'Timezone Offset From UTC', 'C', 'Shall be present if known'),
        AttributeKey('Study', (0x00081190,), 'Retrieve URL', 'C', 'Shall be present if the Instance is retrievable by the Retrieve transaction'),
        AttributeKey('Study', (0x00100010,), "Patient's Name", 'R', ''),
        AttributeKey('Study', (0x00100020,), 'Patient ID', 'R', ''),
        AttributeKey('Study', (0x00100030,), "Patient's Birth Date", 'R', ''),
        AttributeKey('Study', (0x00100040,), "Patient's Sex", 'R', ''),
        AttributeKey('Study', (0x0020000D,), 'Study Instance UID', 'U', ''),
        AttributeKey('Study', (0x00200010,), 'Study ID', 'R', ''),
        AttributeKey('Study', (0x00201206,), 'Number of Study Related Series', 'R', ''),
        AttributeKey('Study', (0x00201208,), 'Number of Study Related Instances', 'R', ''),
    ),
    'Series': (
        AttributeKey('Series', (0x00080060,), 'Modality', 'R', ''),
        AttributeKey('Series', (0x00080201,), 'Timezone Offset From UTC', 'C', 'Shall be present if known'),
        AttributeKey('Series', (0x0008103E,), 'Series Description', 'C', 'Shall be present if known'),
        AttributeKey('Series', (0x00081190,), 'Retrieve URL', 'R', 'Shall be present if the Instance is retrievable by the Retrieve transaction'),
        AttributeKey('Series', (0x0020000E,), 'Series Instance UID', 'U', ''),
        AttributeKey('Series', (0x00200011,), 'Series Number', 'R', ''),
        AttributeKey('Series', (0x00201209,), 'Number of Series Related Instances', 'R', ''),
        AttributeKey('Series', (0x00400244,), 'Performed Procedure Step Start Date', 'C', 'Shall be present if known'),
        AttributeKey('Series', (0x00400245,), 'Performed Procedure Step Start Time', 'C', 'Shall be present if known'),
        AttributeKey('Series', (0x00400275,), 'Request Attributes Sequence', 'C', 'Shall be present if known'),
        AttributeKey('Series', (0x00400275, 0x00400009,), 'Scheduled Procedure Step ID', 'R', ''),
        AttributeKey('Series', (0x00400275, 0x00401001,), 'Requested Procedure ID', 'R', ''),
    ),
    'Instance': (
        AttributeKey('Instance', (0x00080016,), 'SOP Class UID', 'R', ''),
        AttributeKey('Instance', (0x00080018,), 'SOP Instance UID', 'U', ''),
        AttributeKey('Instance', (0x00080056,), 'Instance Availability', 'C', 'Shall be present if known'),
        AttributeKey('Instance', (0x00080201,), 'Timezone Offset From UTC', 'C', 'Shall be present if known'),
        AttributeKey('Instance', (0x00081190,), 'Retrieve URL', 'R', 'Shall be present if the Instance is retrievable by the Retrieve transaction'),
        AttributeKey('Instance', (0x00200013,), 'Instance Number', 'R', ''),
        AttributeKey('Instance', (0x00280010,), 'Rows', 'C', 'Shall be present if known'),
        AttributeKey('Instance', (0x00280011,), 'Columns', 'C', 'Shall be present if known'),
        AttributeKey('Instance', (0x00280100,), 'Bits Allocated', 'C', 'Shall be present if known'),
        AttributeKey('Instance', (0x00280008,), 'Number of Frames', 'C', 'Shall be present if known'),
    ),
}

#: VR -> its JSON data type (PS3.18 F.2.3, Table F.2.3-1): "string", "number",
#: "number_or_string", "base64", "person_name" or "sequence".
JSON_TYPES: Final[dict[str, str]] = {
    'AE': 'string',
    'AS': 'string',
    'AT': 'string',
    'CS': 'string',
    'DA': 'string',
    'DS': 'number_or_string',
    'DT': 'string',
    'FD': 'number',
    'FL': 'number',
    'IS': 'number_or_string',
    'LO': 'string',
    'LT': 'string',
    'OB': 'base64',
    'OD': 'base64',
    'OF': 'base64',
    'OL': 'base64',
    'OV': 'base64',
    'OW': 'base64',
    'PN': 'person_name',
    'SH': 'string',
    'SL': 'number',
    'SQ': 'sequence',
    'SS': 'number',
    'ST': 'string',
    'SV': 'number_or_string',
    'TM': 'string',
    'UC': 'string',
    'UI': 'string',
    'UL': 'number',
    'UN': 'base64',
    'UR': 'string',
    'US': 'number',
    'UT': 'string',
    'UV': 'number_or_string',
}


class StoreReason(NamedTuple):
    """A Store Instances Response warning or failure reason: codes low to high."""

    kind: str
    pattern: str
    low: int
    high: int
    meaning: str
    explanation: str


#: Warning (Table I.2-1) and failure (Table I.2-2) reasons of the Store response (PS3.18 I.2).
STORE_REASONS: Final[tuple[StoreReason, ...]] = (
    StoreReason('warning', 'B000', 0xB000, 0xB000, 'Coercion of Data Elements', 'The Studies Store Transaction (Section 10.5) modified one or more data elements during storage of the Instance. See Section 10.5.3.'),
    StoreReason('warning', 'B006', 0xB006, 0xB006, 'Elements Discarded', 'The Studies Store Transaction (Section 10.5) discarded some data elements during storage of the Instance. See Section 10.5.3.'),
    StoreReason('warning', 'B007', 0xB007, 0xB007, 'Data Set does not match SOP Class', 'The Studies Store Transaction (Section 10.5) observed that the Data Set did not match the constraints of the SOP Class during storage of the Instance.'),
    StoreReason('failure', 'A7xx', 0xA700, 0xA7FF, 'Refused out of Resources', 'The Studies Store Transaction (Section 10.5) did not store the Instance because it was out of resources.'),
    StoreReason('failure', 'A9xx', 0xA900, 0xA9FF, 'Error: Data Set does not match SOP Class', 'The Studies Store Transaction (Section 10.5) did not store the Instance because the Instance does not conform to its specified SOP Class.'),
    StoreReason('failure', 'Cxxx', 0xC000, 0xCFFF, 'Error: Cannot understand', 'The Studies Store Transaction (Section 10.5) did not store the Instance because it cannot understand certain Data Elements.'),
    StoreReason('failure', 'C122', 0xC122, 0xC122, 'Referenced Transfer Syntax not supported', 'The Studies Store Transaction (Section 10.5) did not store the Instance because it does not support the requested Transfer Syntax for the Instance.'),
    StoreReason('failure', '0110', 0x0110, 0x0110, 'Processing failure', 'The Studies Store Transaction (Section 10.5) did not store the Instance because of a general failure in processing the operation.'),
    StoreReason('failure', '0122', 0x0122, 0x0122, 'Referenced SOP Class not supported', 'The Studies Store Transaction (Section 10.5) did not store the Instance because it does not support the requested SOP Class.'),
)

#: Attributes of the Store Instances Response Module (PS3.18 I.1, Table I.1-1): tag path,
#: name, Type.
STORE_RESPONSE_ATTRIBUTES: Final[tuple[AttributeKey, ...]] = (
    AttributeKey("", (0x00081190,), 'Retrieve URL', '2', ""),
    AttributeKey("", (0x00081198,), 'Failed SOP Sequence', '1C', ""),
    AttributeKey("", (0x00081198, 0x00081197,), 'Failure Reason', '1', ""),
    AttributeKey("", (0x00081199,), 'Referenced SOP Sequence', '1C', ""),
    AttributeKey("", (0x00081199, 0x00081190,), 'Retrieve URL', '2', ""),
    AttributeKey("", (0x00081199, 0x00081196,), 'Warning Reason', '1C', ""),
    AttributeKey("", (0x00081199, 0x04000561,), 'Original Attributes Sequence', '3', ""),
    AttributeKey("", (0x00081199, 0x04000561, 0x04000562,), 'Attribute Modification DateTime', '1', ""),
    AttributeKey("", (0x00081199, 0x04000561, 0x04000563,), 'Modifying System', '1', ""),
    AttributeKey("", (0x00081199, 0x04000561, 0x04000565,), 'Reason for the Attribute Modification', '1', ""),
    AttributeKey("", (0x00081199, 0x04000561, 0x04000550,), 'Modified Attributes Sequence', '1', ""),
    AttributeKey("", (0x0008119A,), 'Other Failures Sequence', '1C', ""),
    AttributeKey("", (0x0008119A, 0x00081197,), 'Failure Reason', '1', ""),
)

#: Macros the Store Instances Response Module includes: (tag path of the sequence whose items
#: include it, the table).
STORE_RESPONSE_INCLUDES: Final[tuple[tuple[tuple[int, ...], str], ...]] = (
    ((0x00081198,), 'PS3.3 Table 10-11'),
    ((0x00081199,), 'PS3.3 Table 10-11'),
)

class HeaderField(NamedTuple):
    """An HTTP header field of a transaction: kind (Request, Response, Multipart, ...), value
    syntax, the user agent / origin server requirement (or usage) and its description."""

    service: str
    transaction: str
    kind: str
    name: str
    value: str
    user_agent: str
    origin_server: str
    usage: str
    description: str
    table: str


#: The header fields of the "... Header Fields" tables of PS3.18 8 to 13 (service "" for the
#: common ones of chapter 8).
HEADER_FIELDS: Final[tuple[HeaderField, ...]] = (
    HeaderField('', '', 'Content Negotiation', 'Accept', '1#media-range', '', '', 'M', 'All requests that expect to receive a response with a payload shall contain an Accept header field. See Section 8.4.1.1.', '8.4.1-1'),
    HeaderField('', '', 'Content Negotiation', 'Accept-Charset', '1#charset', '', '', 'O', 'The Accept-Charset header field may be sent by a user agent to indicate what charsets are acceptable in response content. See [RFC_7231] Section 5.3.3.', '8.4.1-1'),
    HeaderField('', '', 'Content Negotiation', 'Accept-Encoding', '1#encoding', '', '', 'O', 'The Accept-Encoding header field may be used to indicate the content-codings (see [RFC_7231] Section 3.1.2.1) acceptable in the response. See [RFC_7231] Section 5.3.4.', '8.4.1-1'),
    HeaderField('', '', 'Content Negotiation', 'Accept-Language', '1#language', '', '', 'O', 'The Accept-Language header field may be used by user agents to indicate the set of natural languages that are preferred in the response. See [RFC_7231] Section 5.3.5.', '8.4.1-1'),
    HeaderField('', '', 'Content Representation', 'Content-Type', 'media-type', '', '', 'C', 'Specifies the media type of the representation contained in the payload. If a message has a payload, it shall have a Content-Type header field specifying the media type of the payload. See [RFC_7231] Section 3.1.1.5.', '8.4.2-1'),
    HeaderField('', '', 'Content Representation', 'Content-Encoding', 'encoding', '', '', 'C', 'Specifies any content encodings applied to the representation (beyond those inherent in the media type), and thus what decoding to apply to obtain a representation in the media type specified by the Content-Type. See [RFC_7230] Section 3.1.2.2. Content-Encoding allows compression, encryption, and/or authentication of representations. Shall be present if a content encoding has been applied to the representation in the payload.', '8.4.2-1'),
    HeaderField('', '', 'Content Representation', 'Content-Language', 'language', '', '', 'O', 'Specifies the natural language(s) of the intended audience used in representation. See [RFC7231] Section 3.1.3.2.', '8.4.2-1'),
    HeaderField('', '', 'Content Representation', 'Content-Location', 'url', '', '', 'C', 'Contains a URL that references the specific resource corresponding to the representation in the payload. Shall be present if the payload contains a representation of a resource.', '8.4.2-1'),
    HeaderField('', '', 'Payload', 'Content-Length', 'uint', '', '', 'C', 'Specifies the decimal number of octets in the payload. If the response message has a payload and does not have a Transfer-Encoding header field, it shall have a Content-Length header field specifying the length in octets (bytes) of the payload. Shall not be present if the message has a Transfer-Encoding header field. Shall be present otherwise, even is the size of the payload is zero.', '8.4.3-1'),
    HeaderField('', '', 'Payload', 'Content-Range', 'range', '', '', 'C', 'Specifies the range of a partial representation contained in a payload. See [RFC_7233] Section 4.2. The Content-Range header field is sent in a single part 206 (Partial Content) response to indicate the partial range of the selected representation enclosed as the message payload. It is sent in each part of a multipart 206 response to indicate the range enclosed within each body part. It is sent in 416 (Range Not Satisfiable) responses to provide information about the selected representation.', '8.4.3-1'),
    HeaderField('', '', 'Payload', 'Transfer-Encoding', 'encoding', '', '', 'C', 'See [RFC_7230] Section 3.3.1. Shall be present if transfer-encodings have been applied to the payload.', '8.4.3-1'),
    HeaderField('', '', 'Multipart', 'Content-Type', 'media-type', '', '', 'M', '', '8.6.1-1'),
    HeaderField('', '', 'Multipart', 'Content-Length', 'uint', '', '', 'C', 'Shall be present if the response payload does not have a transfer encoding', '8.6.1-1'),
    HeaderField('', '', 'Multipart', 'Content-Location', 'url', '', '', 'C', 'Shall be present if the response payload contains a representation of a resource. See [RFC_7231] Section 3.1.4.2.', '8.6.1-1'),
    HeaderField('', '', 'Multipart', 'Location', 'url', '', '', 'C', 'See [RFC_7231] Section 7.1.2.', '8.6.1-1'),
    HeaderField('', 'Retrieve Capabilities', 'Request', 'Accept', 'media-type', 'M', 'M', '', 'The Acceptable Media Types for the response payload', '8.9.1-1'),
    HeaderField('', 'Retrieve Capabilities', 'Request', 'Accept-Charset', 'charset', 'O', 'O', '', 'The Acceptable Character Sets of the response payload', '8.9.1-1'),
    HeaderField('', 'Retrieve Capabilities', 'Response', 'Content-Type', 'media-type', '', 'M', '', 'The media-type of the payload', '8.9.3-2'),
    HeaderField('', 'Retrieve Capabilities', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if a transfer encoding has not been applied to the payload', '8.9.3-2'),
    HeaderField('', 'Retrieve Capabilities', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload', '8.9.3-2'),
    HeaderField('', 'Open Notification Connection', 'Request', 'Content-Type', 'media-type', '', '', 'M', '', '8.10.4-1'),
    HeaderField('', 'Open Notification Connection', 'Request', 'Upgrade', '"WebSocket"', '', '', 'M', '', '8.10.4-1'),
    HeaderField('', 'Open Notification Connection', 'Request', 'Connection', '"Upgrade"', '', '', 'M', '', '8.10.4-1'),
    HeaderField('', 'Open Notification Connection', 'Request', 'Origin', 'url', '', '', 'M', '', '8.10.4-1'),
    HeaderField('', 'Open Notification Connection', 'Request', 'Sec-WebSocket-Key', 'accept-key', '', '', 'M', '', '8.10.4-1'),
    HeaderField('', 'Open Notification Connection', 'Request', 'Sec-WebSocket-Protocol', 'protocols', '', '', 'O', '', '8.10.4-1'),
    HeaderField('', 'Open Notification Connection', 'Request', 'Sec-WebSocket-Version', 'version', '', '', 'M', '', '8.10.4-1'),
    HeaderField('', 'Open Notification Connection', 'Response', 'Upgrade', '"WebSocket"', '', 'M', '', '', '8.10.4-3'),
    HeaderField('', 'Open Notification Connection', 'Response', 'Connection', '"Upgrade"', '', 'M', '', '', '8.10.4-3'),
    HeaderField('', 'Open Notification Connection', 'Response', 'Origin', 'url', '', 'M', '', '', '8.10.4-3'),
    HeaderField('', 'Open Notification Connection', 'Response', 'Sec-WebSocket-Accept', 'response-key', '', 'M', '', 'See [RFC_6455]', '8.10.4-3'),
    HeaderField('', 'Open Notification Connection', 'Response', 'Sec-WebSocket-Protocol', 'protocol', '', 'M', '', 'See [RFC_6455]', '8.10.4-3'),
    HeaderField('URI', 'Retrieve DICOM Instance', 'Request', 'Accept', 'media-type', 'O', 'M', '', 'The Acceptable Media Types for the response payload', '9.4.1-2'),
    HeaderField('URI', 'Retrieve DICOM Instance', 'Request', 'Accept-Charset', 'charset', 'O', 'M', '', 'The Acceptable Character Sets of the response payload', '9.4.1-2'),
    HeaderField('URI', 'Retrieve DICOM Instance', 'Response', 'Content-Type', 'dicom-media-type', '', 'M', '', 'The media-type of the payload', '9.4.3-2'),
    HeaderField('URI', 'Retrieve DICOM Instance', 'Response', 'Content-Length', 'uint', '', 'M', '', 'Shall be present if a transfer encoding has not been applied to the payload', '9.4.3-2'),
    HeaderField('URI', 'Retrieve DICOM Instance', 'Response', 'Transfer-Encoding', 'encoding', '', 'M', '', 'Shall be present if a transfer encoding has been applied to the payload', '9.4.3-2'),
    HeaderField('URI', 'Retrieve Rendered Instance', 'Request', 'Accept', 'media-type', 'M', 'M', '', 'The Acceptable Media Types for the response payload', '9.5.1-2'),
    HeaderField('URI', 'Retrieve Rendered Instance', 'Request', 'Accept-Charset', 'charset', 'O', 'M', '', 'List of one or more character sets', '9.5.1-2'),
    HeaderField('URI', 'Retrieve Rendered Instance', 'Response', 'Content-Type', 'media-type', '', 'C', '', 'Shall be present if the response contains a payload. See Section 8.4.3.', '9.5.3-2'),
    HeaderField('URI', 'Retrieve Rendered Instance', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if the response payload does not have a transfer encoding. See Section 8.4.3.', '9.5.3-2'),
    HeaderField('URI', 'Retrieve Rendered Instance', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if the response payload has a transfer encoding. See Section 8.4.3.', '9.5.3-2'),
    HeaderField('URI', 'Retrieve Rendered Instance', 'Response', 'Content-Location', 'url', '', 'C', '', 'Shall be present if the response has a payload containing a resource. See Section 8.4.3.', '9.5.3-2'),
    HeaderField('Studies', 'Retrieve', 'Request', 'Accept', 'media-type', 'M', 'M', '', 'The Acceptable Media Types of the response payload See Section 10.4.4 for media types corresponding to each set of target resources defined in Section 10.4.1.1.', '10.4.1-6'),
    HeaderField('Studies', 'Retrieve', 'Request', 'Accept-Charset', 'charset', 'O', 'M', '', 'The Acceptable Character Sets of the response payload', '10.4.1-6'),
    HeaderField('Studies', 'Retrieve', 'Response', 'Content-Type', 'media-type', '', 'C', '', 'The media type of the payload. Shall be present if the response has a payload.', '10.4.3-2'),
    HeaderField('Studies', 'Store', 'Request', 'Content-Type', 'media-type', 'M', 'M', '', 'The DICOM Media Type of the request payload Shall be present if the request has a payload', '10.5.1-2'),
    HeaderField('Studies', 'Store', 'Request', 'Content-Length', 'uint', 'C', 'M', '', 'Shall be present if a transfer encoding has not been applied to the payload', '10.5.1-2'),
    HeaderField('Studies', 'Store', 'Request', 'Transfer-Encoding', 'encoding', 'C', 'M', '', 'Shall be present if a transfer encoding has been applied to the payload', '10.5.1-2'),
    HeaderField('Studies', 'Store', 'Response', 'Content-Type', 'media-type', '', 'M', '', 'The media type of the response payload, if present.', '10.5.3-2'),
    HeaderField('Studies', 'Store', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if the response payload does not have a transfer encoding. See Section 8.4.3.', '10.5.3-2'),
    HeaderField('Studies', 'Store', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if the response payload has a transfer encoding. See Section 8.4.3.', '10.5.3-2'),
    HeaderField('Studies', 'Store', 'Response', 'Content-Location', 'url', '', 'C', '', 'Shall be present if a new resource was created. The value is the URL of the representation contained in the request payload. May be present otherwise.', '10.5.3-2'),
    HeaderField('Studies', 'Store', 'Response', 'Location', 'url', '', 'C', '', 'Shall be present if a new resource was created. The value is the URL of the created resource. May be present otherwise.', '10.5.3-2'),
    HeaderField('Studies', 'Search', 'Request', 'Accept', 'media-type', 'M', 'M', '', 'The Acceptable Media Types for the response payload', '10.6.1-6'),
    HeaderField('Studies', 'Search', 'Request', 'Accept-Charset', 'charset', 'O', 'M', '', 'The Acceptable Character Sets of the response payload', '10.6.1-6'),
    HeaderField('Studies', 'Search', 'Response', 'Content-Type', 'media-type', '', 'C', '', 'The DICOM Media Type of the response payload Shall be present if the response has a payload', '10.6.3-2'),
    HeaderField('Studies', 'Search', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if no transfer coding has been applied to the payload', '10.6.3-2'),
    HeaderField('Studies', 'Search', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload', '10.6.3-2'),
    HeaderField('Worklist', 'Create Workitem', 'Request', 'Content-Type', 'dicom-media-type', 'M', 'M', '', 'The media-type of the payload', '11.4.1-3'),
    HeaderField('Worklist', 'Create Workitem', 'Request', 'Content-Length', 'uint', 'C', 'M', '', 'Shall be present if a transfer encoding has not been applied to the payload', '11.4.1-3'),
    HeaderField('Worklist', 'Create Workitem', 'Request', 'Transfer-Encoding', 'encoding', 'C', 'M', '', 'Shall be present if a transfer encoding has been applied to the payload', '11.4.1-3'),
    HeaderField('Worklist', 'Create Workitem', 'Response', 'Content-Type', 'media-type', '', 'C', '', 'Shall be present if the response has a payload', '11.4.3-2'),
    HeaderField('Worklist', 'Create Workitem', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if a transfer coding has not been applied to the payload', '11.4.3-2'),
    HeaderField('Worklist', 'Create Workitem', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if transfer encoding has been applied to the payload', '11.4.3-2'),
    HeaderField('Worklist', 'Create Workitem', 'Response', 'Content-Location', 'url', '', 'O', '', 'Shall be present if the response has a payload containing a resource. See Section 8.4.3. May be present otherwise', '11.4.3-2'),
    HeaderField('Worklist', 'Create Workitem', 'Response', 'Location', 'url', '', 'C', '', 'A URL-reference to the created Workitem. Shall be present if a Workitem was created. May be present if the payload contains a resource', '11.4.3-2'),
    HeaderField('Worklist', 'Create Workitem', 'Response', 'Warning', 'See below', '', 'C', '', 'Shall be present if the Target Workitem was modified by the origin server and shall include the warning below', '11.4.3-2'),
    HeaderField('Worklist', 'Retrieve Workitem', 'Request', 'Accept', '1#-dicom-media-type', 'M', 'M', '', 'The Acceptable Media Types of the response payload', '11.5.1-1'),
    HeaderField('Worklist', 'Retrieve Workitem', 'Response', 'Content-Type', 'media-type', '', 'M', '', 'media type of the Target Workitem or Status Report in payload', '11.5.3-2'),
    HeaderField('Worklist', 'Retrieve Workitem', 'Response', 'Content-Location', 'url', '', 'O', '', 'Shall be present if the response has a payload containing a resource. See Section 8.4.3. May be present otherwise', '11.5.3-2'),
    HeaderField('Worklist', 'Retrieve Workitem', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if no transfer encoding has been applied to the payload', '11.5.3-2'),
    HeaderField('Worklist', 'Retrieve Workitem', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload', '11.5.3-2'),
    HeaderField('Worklist', 'Update Workitem', 'Request', 'Content-Type', 'dicom-media-type', 'M', 'M', '', 'The media-type of the payload', '11.6.1-1'),
    HeaderField('Worklist', 'Update Workitem', 'Request', 'Content-Length', 'uint', 'C', 'M', '', 'Shall be present if a transfer encoding has not been applied to the payload', '11.6.1-1'),
    HeaderField('Worklist', 'Update Workitem', 'Request', 'Transfer-Encoding', 'encoding', 'C', 'M', '', 'Shall be present if a transfer encoding has been applied to the payload', '11.6.1-1'),
    HeaderField('Worklist', 'Update Workitem', 'Response', 'Content-Type', 'media-type', '', 'M', '', 'The media-type of the payload', '11.6.3-2'),
    HeaderField('Worklist', 'Update Workitem', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if no transfer encoding has been applied to the payload', '11.6.3-2'),
    HeaderField('Worklist', 'Update Workitem', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload', '11.6.3-2'),
    HeaderField('Worklist', 'Update Workitem', 'Response', 'Content-Location', 'url', '', 'O', '', 'Shall be present if the response has a payload containing a resource. See Section 8.4.3. May be present otherwise', '11.6.3-2'),
    HeaderField('Worklist', 'Update Workitem', 'Response', 'Warning', 'see below', '', 'O', '', 'If the Target Workitem was modified by the origin server shall include one of the Warning header fields below.', '11.6.3-2'),
    HeaderField('Worklist', 'Change Workitem State', 'Request', 'Content-Type', 'dicom-media-type', 'M', 'M', '', 'The Acceptable Media Types of the response payload', '11.7.1-1'),
    HeaderField('Worklist', 'Change Workitem State', 'Request', 'Content-Length', 'uint', 'C', 'M', '', 'Shall be present if a transfer encoding has not been applied to the payload', '11.7.1-1'),
    HeaderField('Worklist', 'Change Workitem State', 'Request', 'Transfer-Encoding', 'encoding', 'C', 'M', '', 'Shall be present if a transfer encoding has been applied to the payload', '11.7.1-1'),
    HeaderField('Worklist', 'Change Workitem State', 'Response', 'Content-Type', 'media-type', '', 'M', '', 'The media-type of the payload.', '11.7.3-2'),
    HeaderField('Worklist', 'Change Workitem State', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if no transfer encoding has been applied to the payload.', '11.7.3-2'),
    HeaderField('Worklist', 'Change Workitem State', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload.', '11.7.3-2'),
    HeaderField('Worklist', 'Change Workitem State', 'Response', 'Content-Location', 'url', '', 'O', '', 'Shall be present if the response has a payload containing a resource. See Section 8.4.3. May be present otherwise.', '11.7.3-2'),
    HeaderField('Worklist', 'Change Workitem State', 'Response', 'Warning', 'text', '', 'C', '', 'See below.', '11.7.3-2'),
    HeaderField('Worklist', 'Request Cancellation', 'Request', 'Content-Type', 'dicom-media-type', 'M', 'M', '', 'The media-type of the payload.', '11.8.1-1'),
    HeaderField('Worklist', 'Request Cancellation', 'Request', 'Content-Length', 'uint', 'C', 'M', '', 'Shall be present if a transfer encoding has not been applied to the payload.', '11.8.1-1'),
    HeaderField('Worklist', 'Request Cancellation', 'Request', 'Transfer-Encoding', 'encoding', 'C', 'M', '', 'Shall be present if a transfer encoding has been applied to the payload.', '11.8.1-1'),
    HeaderField('Worklist', 'Request Cancellation', 'Response', 'Content-Type', 'media-type', '', 'C', '', 'The media type of the Status Report document. Shall be present if the response contains a payload.', '11.8.3-2'),
    HeaderField('Worklist', 'Request Cancellation', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if a transfer encoding has not been applied to the payload.', '11.8.3-2'),
    HeaderField('Worklist', 'Request Cancellation', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload.', '11.8.3-2'),
    HeaderField('Worklist', 'Search', 'Request', 'Accept', '1#-dicom-media-type', 'M', 'M', '', 'The Acceptable Media Types of the response payload.', '11.9.1-1'),
    HeaderField('Worklist', 'Search', 'Request', 'Cache-Control', '"no-cache"', 'O', 'M', '', 'If included, specifies that search results returned should be current and not cached.', '11.9.1-1'),
    HeaderField('Worklist', 'Search', 'Response', 'Content-Type', 'media-type', '', 'M', '', 'The media-type of the payload.', '11.9.3-2'),
    HeaderField('Worklist', 'Search', 'Response', 'Content-Length', 'Uint', '', 'C', '', 'Shall be present if a transfer coding has not been applied to the payload.', '11.9.3-2'),
    HeaderField('Worklist', 'Search', 'Response', 'Transfer-Encoding', 'Encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload.', '11.9.3-2'),
    HeaderField('Worklist', 'Search', 'Response', 'Content-Location', 'url', '', 'C', '', 'Shall be present if the response has a payload containing a resource. See Section 8.4.3. May be present otherwise.', '11.9.3-2'),
    HeaderField('Worklist', 'Subscribe', 'Response', 'Content-Type', 'media-type', '', 'C', '', 'Shall be present if the response contains a payload.', '11.10.3-2'),
    HeaderField('Worklist', 'Subscribe', 'Response', 'Content-Location', 'url', '', 'C', '', 'A URL-reference to the WebSocket Connection. Shall be present if a Subscription was created. The URL shall include the WebSocket protocol (either WS or WSS) and may include a combination of authority and path.', '11.10.3-2'),
    HeaderField('Worklist', 'Subscribe', 'Response', 'Warning', 'String', '', 'C', '', 'See below.', '11.10.3-2'),
    HeaderField('Worklist', 'Unsubscribe', 'Response', 'Content-Type', 'media-type', '', 'C', '', 'The media-type of the response payload. Shall be present if the response has a payload.', '11.11.3-2'),
    HeaderField('Worklist', 'Unsubscribe', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if no transfer encoding has been applied to the payload.', '11.11.3-2'),
    HeaderField('Worklist', 'Unsubscribe', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload', '11.11.3-2'),
    HeaderField('Worklist', 'Unsubscribe', 'Response', 'Warning', 'text', '', 'O', '', 'A warning message.', '11.11.3-2'),
    HeaderField('Worklist', 'Suspend Global Subscription', 'Response', 'Content-Type', 'media-type', '', 'C', '', 'The media-type of the response payload. Shall be present if the response has a payload.', '11.12.3-2'),
    HeaderField('Worklist', 'Suspend Global Subscription', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if no transfer encoding has been applied to the payload.', '11.12.3-2'),
    HeaderField('Worklist', 'Suspend Global Subscription', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload.', '11.12.3-2'),
    HeaderField('Worklist', 'Suspend Global Subscription', 'Response', 'Warning', 'text', '', 'O', '', 'A warning message.', '11.12.3-2'),
    HeaderField('Non-Patient Instance', 'Retrieve', 'Request', 'Accept', '1#-dicom-media-type', 'M', 'M', '', 'The Acceptable Media Types of the response payload', '12.4.1-2'),
    HeaderField('Non-Patient Instance', 'Retrieve', 'Response', 'Content-Type', 'dicom-media-type', '', 'M', '', 'The media-type of the response payload.', '12.4.3-2'),
    HeaderField('Non-Patient Instance', 'Retrieve', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if no transfer encoding has been applied to the payload.', '12.4.3-2'),
    HeaderField('Non-Patient Instance', 'Retrieve', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload.', '12.4.3-2'),
    HeaderField('Non-Patient Instance', 'Store', 'Request', 'Content-Type', 'media-type', 'M', 'M', '', 'The DICOM Media Type of the request payload.', '12.5.1-2'),
    HeaderField('Non-Patient Instance', 'Store', 'Request', 'Content-Length', 'uint', 'C', 'M', '', 'Shall be present if a transfer encoding has not been applied to the payload.', '12.5.1-2'),
    HeaderField('Non-Patient Instance', 'Store', 'Request', 'Transfer-Encoding', 'encoding', 'C', 'M', '', 'Shall be present if a transfer encoding has been applied to the payload.', '12.5.1-2'),
    HeaderField('Non-Patient Instance', 'Store', 'Response', 'Content-Type', 'dicom-media-type', '', 'M', '', 'The media type of the response payload.', '12.5.3-2'),
    HeaderField('Non-Patient Instance', 'Store', 'Response', 'Content-Length', 'uint', '', 'C', '', 'Shall be present if a transfer encoding has not been applied to the payload', '12.5.3-2'),
    HeaderField('Non-Patient Instance', 'Store', 'Response', 'Transfer-Encoding', 'encoding', '', 'C', '', 'Shall be present if a transfer encoding has been applied to the payload', '12.5.3-2'),
    HeaderField('Non-Patient Instance', 'Search', 'Request', 'Accept', '1#-dicom-media-type', 'M', 'M', '', 'The Acceptable Media Types of the response payload', '12.6.1-3'),
    HeaderField('Non-Patient Instance', 'Search', 'Response', 'Content-Type', 'dicom-media-type', '', 'M', '', 'The media type of the response payload.', '12.6.3-2'),
    HeaderField('Non-Patient Instance', 'Search', 'Response', 'Content-Length', 'Uint', '', 'C', '', 'Shall be present if a transfer encoding has not been applied to the payload.', '12.6.3-2'),
    HeaderField('Non-Patient Instance', 'Search', 'Response', 'Transfer-Encoding', 'Encoding', '', 'C', '', 'Shall be present if a transfer coding has been applied to the payload.', '12.6.3-2'),
    HeaderField('Storage Commitment', 'Request', 'Request', 'Accept', 'media-type', 'M', 'M', '', 'The Acceptable Media Types of the response payload.', '13.4.1-2'),
    HeaderField('Storage Commitment', 'Request', 'Response', 'Content-Type', 'media-type', '', 'C', '', 'See Section 8.4.2.', '13.4.3-2'),
    HeaderField('Storage Commitment', 'Request', 'Response', 'Content-Encoding', 'encoding', '', 'C', '', 'See Section 8.4.2.', '13.4.3-2'),
    HeaderField('Storage Commitment', 'Request', 'Response', 'Content-Length', 'uint', '', 'C', '', 'See Section 8.4.3.', '13.4.3-2'),
    HeaderField('Storage Commitment', 'Request', 'Response', 'Retry-After', 'uint', '', 'O', '', 'The number of seconds the user agent is requested to wait until a (next) result check or retrying the request.', '13.4.3-2'),
    HeaderField('Storage Commitment', 'Result Check', 'Result Check', 'Accept', 'media-type', 'M', 'M', '', 'The Acceptable Media Types of the response payload.', '13.5.1-2'),
)

#: IANA charset (preferred MIME name) -> the Specific Character Set terms (0008,0005) it maps
#: to (PS3.18 Annex D, Table D-1).
IANA_CHARSETS: Final[dict[str, tuple[str, ...]]] = {
    'ISO-8859-1': ('ISO_IR 100',),
    'ISO-8859-2': ('ISO_IR 101',),
    'ISO-8859-3': ('ISO_IR 109',),
    'ISO-8859-4': ('ISO_IR 110',),
    'ISO-8859-5': ('ISO_IR 144',),
    'ISO-8859-6': ('ISO_IR 127',),
    'ISO-8859-7': ('ISO_IR 126',),
    'ISO-8859-8': ('ISO_IR 138',),
    'ISO-8859-9': ('ISO_IR 148',),
    'ISO-8859-15': ('ISO_IR 203',),
    'TIS-620': ('ISO_IR 166',),
    'ISO-2022-JP': ('ISO 2022 IR 13', 'ISO 2022 IR 87'),
    'ISO-2022-KR': ('ISO 2022 IR 6', 'ISO 2022 IR 149'),
    'ISO-2022-CN': ('ISO 2022 IR 6', 'ISO 2022 IR 58'),
    'GB18030': ('GB18030',),
    'GBK': ('GBK',),
    'UTF-8': ('ISO_IR 192',),
}


def default_transfer_syntax(media_type: str, category: str) -> str | None:
    """The default transfer syntax (marked D) of ``media_type`` for a resource ``category``
    ("Single Frame Image", ...; compared case-insensitively), or None."""
    mt, cat = media_type.lower(), category.lower()
    for s in MEDIA_TYPE_SYNTAXES:
        if s.default and s.media_type == mt and s.category.lower() == cat:
            return s.transfer_syntax
    return None


def store_reason(code: int) -> StoreReason | None:
    """The Store response reason whose codes include ``code`` (the most specific), or None."""
    found = [r for r in STORE_REASONS if r.low <= code <= r.high]
    return min(found, key=lambda r: r.high - r.low) if found else None
