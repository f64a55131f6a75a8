"""The errors of the DICOMweb server: each is an HTTP answer (status, a clear message, headers).

A handler raises :class:`HttpError`; the application turns it into a ``text/plain`` response
with the status and the message (PS3.18 8.5: the status codes of Table 8.5-1), and the headers
it carries (``Warning``, ``Content-Range``, ``Allow``...).
"""

from __future__ import annotations

from collections.abc import Sequence

from dicomkit.errors import DicomError

__all__ = ["HttpError"]


class HttpError(DicomError):
    """An HTTP error answer of the server.

    Attributes
    ----------
    status
        The HTTP status code (PS3.18 Table 8.5-1).
    reason
        What is wrong and what to do, sent as the body.
    url
        The request's path, for the log.
    headers
        More response header fields.
    """

    def __init__(self, status: int, reason: str, *, url: str = "",
                 headers: Sequence[tuple[str, str]] = ()) -> None:
        self.status = status
        self.reason = reason
        self.url = url
        self.headers = tuple(headers)
        super().__init__(f"HTTP {status}{' at ' + url if url else ''}: {reason}")
