"""Errors of the DICOMweb layer: the models' parse errors and the client's HTTP error.

Every error derives from :class:`dicomkit.DicomError`.  Each carries where the input went wrong
(a JSON path, an XML path and line, a byte offset in a multipart body) so that a user can find
it, and says what was expected.
"""

from __future__ import annotations

from dicomkit.errors import DicomError

__all__ = ["BulkDataError", "DicomWebConnectionError", "DicomWebError", "JsonModelError", "MediaTypeError",
           "MultipartError", "WebModelError", "XmlModelError"]


class WebModelError(DicomError):
    """Input that is not a valid DICOMweb representation (JSON, XML, multipart, media type)."""


class JsonModelError(WebModelError):
    """A DICOM JSON Model object (PS3.18 F.2) that cannot be read.

    Attributes
    ----------
    path
        Where: tag keys and array indexes from the top, e.g. ``00081115.Value[0].00081150``
        (``""`` for the document itself).
    reason
        What is wrong, without the path.
    """

    def __init__(self, reason: str, path: str = "") -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"DICOM JSON {path}: {reason}" if path else f"DICOM JSON: {reason}")


class XmlModelError(WebModelError):
    """A Native DICOM Model document (PS3.19 A.1) that cannot be read.

    Attributes
    ----------
    path
        The tag path of the attribute, e.g. ``00081115/Item[1]/00081150``.
    line
        Line in the document (1-based), or -1 when not known.
    reason
        What is wrong.
    """

    def __init__(self, reason: str, path: str = "", line: int = -1) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = [w for w in (f"line {line}" if line > 0 else "", path) if w]
        super().__init__(f"Native DICOM XML {', '.join(where)}: {reason}" if where
                         else f"Native DICOM XML: {reason}")


class MultipartError(WebModelError):
    """A multipart body (RFC 2046 5.1, PS3.18 8.6) that cannot be read.

    Attributes
    ----------
    offset
        Byte offset in the body where the problem was found, or -1.
    reason
        What is wrong.
    """

    def __init__(self, reason: str, offset: int = -1) -> None:
        self.offset = offset
        self.reason = reason
        super().__init__(f"multipart body at byte {offset}: {reason}" if offset >= 0
                         else f"multipart body: {reason}")


class MediaTypeError(WebModelError):
    """A media type, media range or Accept header that cannot be parsed (RFC 7231 3.1.1.1,
    5.3.2).

    Attributes
    ----------
    text
        The header value.
    position
        Character offset of the problem in ``text``, or -1.
    """

    def __init__(self, reason: str, text: str, position: int = -1) -> None:
        self.text = text
        self.position = position
        self.reason = reason
        at = f" at character {position}" if position >= 0 else ""
        super().__init__(f"media type {text!r}{at}: {reason}")


class BulkDataError(WebModelError):
    """A bulk data reference (BulkDataURI, PS3.18 F.2.6; BulkData uri, PS3.19 A.1.5) that was
    not resolved or could not be.

    Attributes
    ----------
    uri
        The reference.
    tag_path
        The element holding it.
    """

    def __init__(self, reason: str, uri: str = "", tag_path: str = "") -> None:
        self.uri = uri
        self.tag_path = tag_path
        super().__init__(f"bulk data {uri!r} of {tag_path}: {reason}" if tag_path
                         else f"bulk data {uri!r}: {reason}")


class DicomWebError(DicomError):
    """An HTTP request of a DICOMweb transaction that failed (PS3.18 8.5).

    Attributes
    ----------
    method, url
        The request.
    status
        The HTTP status code, or -1 when there was no response.
    warning
        The response's Warning header (PS3.18 8.4.3), ``""`` when absent.
    body
        An excerpt of the response body.
    """

    def __init__(self, reason: str, *, method: str = "", url: str = "", status: int = -1,
                 warning: str = "", body: str = "") -> None:
        self.method = method
        self.url = url
        self.status = status
        self.warning = warning
        self.body = body
        self.reason = reason
        parts = [f"{method} {url}".strip()]
        if status >= 0:
            parts.append(f"HTTP {status}")
        parts.append(reason)
        if warning:
            parts.append(f"Warning: {warning}")
        super().__init__(": ".join(p for p in parts if p))


class DicomWebConnectionError(DicomWebError):
    """A DICOMweb request that got no HTTP response: the connection failed, was refused, reset
    or timed out (``status`` is -1).  Idempotent requests are retried before this is raised
    (see :class:`dicomkit.web.client.options.RetryPolicy`)."""
