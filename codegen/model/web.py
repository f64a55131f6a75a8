"""Model of PS3.18 (DICOMweb): media types, transfer syntaxes, status codes, resources, query
parameters and keys, the JSON type of each VR, Store warning/failure reasons, charsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StatusCode:
    """One HTTP status code as a table of PS3.18 gives it.

    Attributes
    ----------
    code
        The number (``200``).
    reason
        Its reason phrase as written (``"OK"``, ``"Partial Content"``).
    status
        The table's Status column: ``"Success"``, ``"Failure"``, ``"Client Error"``, ...
    meaning
        The Meaning column.
    """

    code: int
    reason: str
    status: str
    meaning: str


@dataclass(frozen=True)
class TransactionStatuses:
    """The status codes of one transaction (a "Status Code Meaning" table, PS3.18 9 to 13).

    ``service`` is the chapter's service (``"Studies"``), ``transaction`` the section's
    (``"Retrieve"``), ``section`` its label, ``table`` the table label.
    """

    service: str
    transaction: str
    section: str
    table: str
    codes: tuple[StatusCode, ...]


@dataclass(frozen=True)
class MediaTypeSyntax:
    """A transfer syntax allowed in a media type for a resource category (PS3.18 8.7.3,
    Tables 8.7.3-2, 8.7.3-4, 8.7.3-5); ``default`` when the table marks it ``D``."""

    category: str
    media_type: str
    transfer_syntax: str
    name: str
    default: bool
    table: str


@dataclass(frozen=True)
class RenderedMediaType:
    """A rendered media type of a resource category (PS3.18 Table 8.7.4-1): ``uri`` and
    ``restful`` are the requirement letters (D default, R required, O optional)."""

    category: str
    media_type: str
    uri: str
    restful: str


@dataclass(frozen=True)
class MediaTypeUsage:
    """A media type a transaction's target resource may be returned or sent in (the "Default,
    Required, and Optional Media Types" tables of PS3.18 10.x.4 and 11-13).

    ``media_type`` is the type without parameters (``"multipart/related"``), ``type_param`` the
    ``type`` parameter of a multipart (``"application/dicom"``), ``text`` the table's text, ``""``
    fields where the table names a family ("Compressed Bulkdata Media Types").
    """

    service: str
    transaction: str
    target: str
    media_type: str
    type_param: str
    usage: str
    text: str


@dataclass(frozen=True)
class Resource:
    """A resource and its URI template (the "... Resources" tables with a "URI Template" column
    of PS3.18 9 to 13)."""

    service: str
    transaction: str
    name: str
    uri_template: str
    table: str


@dataclass(frozen=True)
class QueryParameter:
    """A query parameter: its name, value syntax, user agent and origin server requirements and
    the section defining it (PS3.18 8.3.4 Table 8.3.4-1, 8.3.5 Tables 8.3.5-1/2, 10.4.1-5)."""

    name: str
    values: str
    user_agent: str
    origin_server: str
    target: str
    section: str
    table: str


@dataclass(frozen=True)
class SearchResource:
    """A Search (QIDO-RS) resource (PS3.18 Table 10.6.1-1) and the IE levels whose matching
    keys it supports (Table 10.6.1-4)."""

    name: str
    uri_template: str
    native: str
    proxy: str
    query_type: str
    levels: tuple[str, ...]


@dataclass(frozen=True)
class AttributeKey:
    """A matching key (Table 10.6.1-5) or a return attribute (Tables 10.6.3-3/4/5) of a level.

    ``path`` is the tag path (a nested key follows its sequence, ``>`` in the table);
    ``type`` and ``condition`` are empty for matching keys.
    """

    level: str
    path: tuple[int, ...]
    name: str
    type: str
    condition: str


@dataclass(frozen=True)
class JsonType:
    """The JSON data type of a VR (PS3.18 F.2.3 Table F.2.3-1).

    ``kind``: ``"string"``, ``"number"``, ``"number_or_string"``, ``"base64"``,
    ``"person_name"`` or ``"sequence"``; ``text`` the column as written.
    """

    vr: str
    kind: str
    text: str


@dataclass(frozen=True)
class StoreReason:
    """A warning or failure reason of the Store Instances Response (PS3.18 Annex I.2):
    ``pattern`` as written (``"A7xx"``), the range of codes it covers (``low`` to ``high``)."""

    kind: str
    pattern: str
    low: int
    high: int
    meaning: str
    explanation: str


@dataclass(frozen=True)
class CharsetMapping:
    """An IANA charset and its Specific Character Set defined terms (PS3.18 Table D-1)."""

    iana: str
    terms: tuple[str, ...]
    language: str


@dataclass(frozen=True)
class HeaderField:
    """An HTTP header field of a transaction's request, response or payload (the "... Header
    Fields" tables of PS3.18 8 to 13).

    ``kind`` is the caption's first words (``"Request"``, ``"Response"``, ``"Multipart"``,
    ``"Content Negotiation"``, ...); ``user_agent`` / ``origin_server`` the requirement of
    each side where the table gives them apart, ``usage`` where it gives one (``"Origin
    Server Usage"`` fills ``origin_server``).
    """

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
