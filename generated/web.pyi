"""dicomkit.generated.web: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.18 2024c (docbook) https://dicom.nema.org/medical/dicom/2024c/source/docbook/part18/part18.xml
    sha256 84d0bb2b66361d994646cb6c4fd746bb229b04280ecd5a7d3631929ae56f2d02
    Table 5.2-1, Table 5.2-2, Table 8.3.4-1, Table 8.3.5-1, Table 8.3.5-2, Table 8.4.1-1, Table 8.4.2-1, Table 8.4.3-1, Table 8.5-1, Table 8.6.1-1, Table 8.7.3-2, Table 8.7.3-3, Table 8.7.3-4, Table 8.7.3-5, Table 8.7.4-1, Table 8.9.1-1, Table 8.9.3-1, Table 8.9.3-2, Table 8.10.4-1, Table 8.10.4-2, Table 8.10.4-3, Table 9.1.2-1, Table 9.1.2-2, Table 9.4.1-1, Table 9.4.1-2, Table 9.4.3-1, Table 9.4.3-2, Table 9.5.1-2, Table 9.5.3-1, Table 9.5.3-2, Table 10.4.1-1, Table 10.4.1-2, Table 10.4.1-3, Table 10.4.1-4, Table 10.4.1-5, Table 10.4.1-6, Table 10.4.1.5-1, Table 10.4.1.6-1, Table 10.4.3-1, Table 10.4.3-2, Table 10.4.4-1, Table 10.5.1-1, Table 10.5.1-2, Table 10.5.3-1, Table 10.5.3-2, Table 10.5.4-1, Table 10.6.1-1, Table 10.6.1-4, Table 10.6.1-5, Table 10.6.1-6, Table 10.6.3-1, Table 10.6.3-2, Table 10.6.3-3, Table 10.6.3-4, Table 10.6.3-5, Table 10.6.4-1, Table 11.1.1-1, Table 11.1.3-1, Table 11.4.1-1, Table 11.4.1-3, Table 11.4.3-1, Table 11.4.3-2, Table 11.5.1-1, Table 11.5.3-1, Table 11.5.3-2, Table 11.6.1-1, Table 11.6.3-1, Table 11.6.3-2, Table 11.7.1-1, Table 11.7.3-1, Table 11.7.3-2, Table 11.8.1-1, Table 11.8.3-1, Table 11.8.3-2, Table 11.9.1-1, Table 11.9.3-1, Table 11.9.3-2, Table 11.10.1-1, Table 11.10.3-1, Table 11.10.3-2, Table 11.11.1-1, Table 11.11.3-1, Table 11.11.3-2, Table 11.12.1-1, Table 11.12.3-1, Table 11.12.3-2, Table 12.1.3-1, Table 12.4.1-1, Table 12.4.1-2, Table 12.4.3-1, Table 12.4.3-2, Table 12.5.1-1, Table 12.5.1-2, Table 12.5.3-1, Table 12.5.3-2, Table 12.6.1-1, Table 12.6.1-3, Table 12.6.3-1, Table 12.6.3-2, Table 13.1.1-1, Table 13.1.3-1, Table 13.4.1-2, Table 13.4.3-1, Table 13.4.3-2, Table 13.5.1-2, Table 13.5.3-1, Table D-1, Table F.2.3-1, Table I.1-1, Table I.2-1, Table I.2-2
"""
import enum
from typing import Final, NamedTuple

class MediaType(enum.StrEnum):
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
    code: int
    reason: str
    status: str
    meaning: str

class MediaTypeSyntax(NamedTuple):
    category: str
    media_type: str
    transfer_syntax: str
    name: str
    default: bool
    table: str

class RenderedMediaType(NamedTuple):
    category: str
    media_type: str
    uri: str
    restful: str

class MediaTypeUsage(NamedTuple):
    service: str
    transaction: str
    target: str
    media_type: str
    type_param: str
    usage: str
    text: str

class Resource(NamedTuple):
    service: str
    transaction: str
    name: str
    uri_template: str
    table: str

class QueryParameter(NamedTuple):
    name: str
    values: str
    user_agent: str
    origin_server: str
    target: str
    section: str
    table: str

class SearchResource(NamedTuple):
    name: str
    uri_template: str
    native: str
    proxy: str
    query_type: str
    levels: tuple[str, ...]

class AttributeKey(NamedTuple):
    level: str
    path: tuple[int, ...]
    name: str
    type: str
    condition: str

class StoreReason(NamedTuple):
    kind: str
    pattern: str
    low: int
    high: int
    meaning: str
    explanation: str

class HeaderField(NamedTuple):
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

HEADER_FIELDS: Final[tuple[HeaderField, ...]]
HTTP_STATUSES: Final[dict[int, StatusCode]]
TRANSACTION_STATUSES: Final[dict[tuple[str, str], dict[int, StatusCode]]]
MEDIA_TYPE_SYNTAXES: Final[tuple[MediaTypeSyntax, ...]]
METADATA_MEDIA_TYPES: Final[tuple[str, ...]]
RENDERED_MEDIA_TYPES: Final[tuple[RenderedMediaType, ...]]
MEDIA_TYPE_USAGES: Final[tuple[MediaTypeUsage, ...]]
RESOURCES: Final[tuple[Resource, ...]]
SEARCH_PARAMETERS: Final[tuple[QueryParameter, ...]]
RENDERED_PARAMETERS: Final[tuple[QueryParameter, ...]]
THUMBNAIL_PARAMETERS: Final[tuple[QueryParameter, ...]]
RETRIEVE_PARAMETERS: Final[tuple[QueryParameter, ...]]
URI_PARAMETERS: Final[tuple[QueryParameter, ...]]
SEARCH_RESOURCES: Final[tuple[SearchResource, ...]]
MATCHING_KEYS: Final[dict[str, tuple[AttributeKey, ...]]]
RETURN_KEYS: Final[dict[str, tuple[AttributeKey, ...]]]
JSON_TYPES: Final[dict[str, str]]
STORE_REASONS: Final[tuple[StoreReason, ...]]
STORE_RESPONSE_ATTRIBUTES: Final[tuple[AttributeKey, ...]]
STORE_RESPONSE_INCLUDES: Final[tuple[tuple[tuple[int, ...], str], ...]]
IANA_CHARSETS: Final[dict[str, tuple[str, ...]]]

def default_transfer_syntax(media_type: str, category: str) -> str | None: ...
def store_reason(code: int) -> StoreReason | None: ...
