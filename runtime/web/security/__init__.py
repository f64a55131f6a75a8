"""Security for the DICOMweb server, as ASGI components that plug into it (or any ASGI app).

- :class:`BearerAuth`: bearer JWT authentication (RFC 6750) against a :class:`KeySet`, read /
  write / delete scopes (:class:`ScopeMap`), study-level access rules (a policy callable), the
  token in the query string for WebSockets and viewer links.
- :class:`RateLimit`: a token bucket per client, 429 with ``Retry-After``.
- :class:`ResponseSizeLimit`: a maximum response size.
- :class:`TLSConfig`: TLS and mutual TLS options for uvicorn, hypercorn or an ``SSLContext``;
  :func:`peer_certificate`: the client certificate of mutual TLS from the ASGI scope.

Put them in front of the application outermost first: CORS, then the rate limit, then
``BearerAuth`` (so that preflights and 401s carry CORS headers).
"""

from dicomkit.web.security.bearer import AuthContext, BearerAuth, StudyPolicy
from dicomkit.web.security.errors import (
                                          AuthenticationError,
                                          InsufficientScopeError,
                                          KeySetError,
                                          RateLimitError,
                                          ResponseTooLargeError,
                                          StudyAccessDeniedError,
                                          TLSConfigError,
                                          WebSecurityError,
)
from dicomkit.web.security.keys import KeySet
from dicomkit.web.security.limits import ResponseSizeLimit
from dicomkit.web.security.peer import PeerCertificate, peer_certificate
from dicomkit.web.security.ratelimit import RateLimit, TokenBucket, client_key
from dicomkit.web.security.scopes import ScopeMap, study_uid_from_path
from dicomkit.web.security.tls import ClientCerts, TLSConfig
from dicomkit.web.security.tokens import TokenVerifier, token_scopes

__all__ = ["AuthContext", "AuthenticationError", "BearerAuth", "ClientCerts", "InsufficientScopeError",
           "KeySet", "KeySetError", "PeerCertificate", "RateLimit", "RateLimitError", "ResponseSizeLimit",
           "ResponseTooLargeError", "ScopeMap", "StudyAccessDeniedError", "StudyPolicy", "TLSConfig",
           "TLSConfigError", "TokenBucket", "TokenVerifier", "WebSecurityError", "client_key",
           "peer_certificate", "study_uid_from_path", "token_scopes"]
