"""Errors of the DICOMweb security layer: authentication, authorization, rate limits, size limits
and the TLS and key configuration.

Every error derives from :class:`dicomkit.web.errors.DicomWebError` (and so from
:class:`dicomkit.DicomError`): a refused request is an HTTP transaction that failed, and carries its
method, URL and the status the middleware answered with.  Configuration errors (a key set or a
certificate that cannot be read) have ``status`` -1 and name the file.
"""

from __future__ import annotations

from dicomkit.web.errors import DicomWebError

__all__ = ["AuthenticationError", "InsufficientScopeError", "KeySetError", "RateLimitError",
           "ResponseTooLargeError", "StudyAccessDeniedError", "TLSConfigError", "WebSecurityError"]


class WebSecurityError(DicomWebError):
    """A request refused by a security middleware, or a security configuration that is wrong."""


class AuthenticationError(WebSecurityError):
    """A request without a valid bearer token: HTTP 401 (RFC 6750 3.1).

    Attributes
    ----------
    error
        The RFC 6750 3.1 error code: ``"invalid_request"`` (the token was sent in two ways, or
        malformed), ``"invalid_token"`` (expired, revoked, malformed, wrong issuer or audience, bad
        signature), or ``""`` when no token was sent at all (no error code is given then).
    """

    def __init__(self, reason: str, *, error: str = "invalid_token", method: str = "",
                 url: str = "") -> None:
        self.error = error
        super().__init__(reason, method=method, url=url,
                         status=400 if error == "invalid_request" else 401)


class InsufficientScopeError(WebSecurityError):
    """A valid token without the scope the request needs: HTTP 403, ``insufficient_scope``
    (RFC 6750 3.1).

    Attributes
    ----------
    scope
        The scope that would have allowed the request.
    granted
        The scopes the token has.
    """

    def __init__(self, scope: str, granted: frozenset[str], *, method: str = "",
                 url: str = "") -> None:
        self.scope = scope
        self.granted = granted
        have = " ".join(sorted(granted)) or "none"
        super().__init__(f"this request needs the scope {scope!r}; the token has {have}",
                         method=method, url=url, status=403)


class StudyAccessDeniedError(WebSecurityError):
    """A valid token whose holder may not see or change this study (the access policy said no):
    HTTP 403.

    Attributes
    ----------
    study_uid
        The Study Instance UID from the request's path.
    subject
        The token's ``sub`` claim, ``""`` when absent.
    """

    def __init__(self, study_uid: str, subject: str, *, method: str = "", url: str = "") -> None:
        self.study_uid = study_uid
        self.subject = subject
        who = f"{subject!r}" if subject else "the token's holder"
        super().__init__(f"the access policy does not allow {who} this request on study {study_uid}",
                         method=method, url=url, status=403)


class RateLimitError(WebSecurityError):
    """A client over its request rate: HTTP 429 (RFC 6585 4) with ``Retry-After``.

    Attributes
    ----------
    client
        The key the limit is kept under (an address, a token's subject).
    retry_after
        Seconds until one more request is allowed.
    """

    def __init__(self, client: str, retry_after: float, *, method: str = "", url: str = "") -> None:
        self.client = client
        self.retry_after = retry_after
        super().__init__(f"too many requests from {client}; retry after {retry_after:.1f} s",
                         method=method, url=url, status=429)


class ResponseTooLargeError(WebSecurityError):
    """A response larger than the configured maximum.

    When the size is known before the body (``Content-Length``) the client gets HTTP 413 and this
    message; when a streamed body outgrows the limit the response is cut off and this error is
    raised to the server, which closes the connection.

    Attributes
    ----------
    size
        The size reached or announced, in bytes.
    limit
        The maximum, in bytes.
    """

    def __init__(self, size: int, limit: int, *, method: str = "", url: str = "") -> None:
        self.size = size
        self.limit = limit
        super().__init__(f"the response of {size} bytes or more exceeds the limit of {limit} bytes; "
                         "ask for less (a narrower query, limit and offset, single frames)",
                         method=method, url=url, status=413)


class KeySetError(WebSecurityError):
    """A key set (JWKS document, PEM key, secret) that cannot be used to verify tokens.

    Attributes
    ----------
    source
        The file or the description of where the keys came from.
    """

    def __init__(self, reason: str, source: str = "") -> None:
        self.source = source
        super().__init__(f"key set {source}: {reason}" if source else f"key set: {reason}")


class TLSConfigError(WebSecurityError):
    """TLS settings that cannot be used: a missing or unreadable certificate, key or CA file, a
    key that does not match its certificate, client certificates required without a CA.

    Attributes
    ----------
    path
        The file concerned, ``""`` when none.
    """

    def __init__(self, reason: str, path: str = "") -> None:
        self.path = path
        super().__init__(f"TLS {path}: {reason}" if path else f"TLS: {reason}")
