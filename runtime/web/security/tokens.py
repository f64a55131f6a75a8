"""Verification of bearer tokens: JWS-signed JWTs (RFC 7519) checked for signature, algorithm,
issuer, audience, expiry and not-before, with a clock skew allowance.

The JOSE work is done by joserfc (typed, strict about RFC 7515-7519, kept by the Authlib
maintainers; faster than PyJWT here, 0.60 of its time for RS256 and 0.83 for ES256:
bench/bench_web_security.py).  A token once verified is remembered (a small LRU keyed by the token text) so
that a viewer's hundreds of frame requests with one token are not each re-verified; the time
claims are checked again on every use.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from joserfc import jwt
from joserfc.errors import (
    BadSignatureError,
    DecodeError,
    ExpiredTokenError,
    InvalidClaimError,
    InvalidKeyIdError,
    InvalidTokenError,
    JoseError,
    MissingClaimError,
    UnsupportedAlgorithmError,
)

from dicomkit.web.security.errors import AuthenticationError
from dicomkit.web.security.keys import KeySet

__all__ = ["TokenVerifier", "token_scopes"]

#: Longest token accepted, in characters (a JWT with many claims stays well under 8 kB).
MAX_TOKEN_LENGTH = 16_384


def token_scopes(claims: Mapping[str, Any]) -> frozenset[str]:
    """The scopes a token grants: its ``scope`` claim (space-separated, RFC 8693 4.2, RFC 9068
    2.2.3) or ``scp`` (a list or a string, as some identity providers write it)."""
    out: set[str] = set()
    for name in ("scope", "scp"):
        value = claims.get(name)
        if isinstance(value, str):
            out.update(value.split())
        elif isinstance(value, list):
            out.update(v for v in value if isinstance(v, str))
    return frozenset(out)


class TokenVerifier:
    """Verifies JWT bearer tokens against a key set.

    Parameters
    ----------
    keys
        The verification keys and allowed algorithms.
    issuer
        The expected ``iss`` (one, or any of several); ``None`` does not check it.
    audience
        The expected ``aud``: the token's audience (a string or a list) must contain one of these;
        ``None`` does not check it.
    leeway
        Clock skew allowed on ``exp``, ``nbf`` and ``iat``, in seconds.
    require
        Claims a token must have; ``exp`` by default (a token that never expires is refused).
    clock
        The current time in seconds since the epoch (a parameter for tests).
    cache_size
        How many verified tokens to remember.
    """

    def __init__(self, keys: KeySet, *, issuer: str | Sequence[str] | None = None,
                 audience: str | Sequence[str] | None = None, leeway: float = 60.0,
                 require: Sequence[str] = ("exp",), clock: Callable[[], float] = time.time,
                 cache_size: int = 1024) -> None:
        self.keys = keys
        self.issuers = (issuer,) if isinstance(issuer, str) else (tuple(issuer) if issuer else ())
        self.audiences = (audience,) if isinstance(audience, str) else (
            tuple(audience) if audience else ())
        self.leeway = leeway
        self.require = tuple(require)
        self.clock = clock
        self._cache: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._cache_size = cache_size

    def verify(self, token: str) -> dict[str, Any]:
        """The token's claims, once its signature and claims are checked.

        Raises
        ------
        AuthenticationError
            ``invalid_token`` with the reason: malformed, unknown key, algorithm not allowed, bad
            signature, expired, not yet valid, wrong issuer or audience, a required claim missing.
        """
        if len(token) > MAX_TOKEN_LENGTH:
            raise AuthenticationError(f"the token is {len(token)} characters long, more than "
                                      f"{MAX_TOKEN_LENGTH}")
        cached = self._cache.get(token)
        if cached is not None:
            self._cache.move_to_end(token)
            self._check_times(cached)
            return cached
        try:
            decoded = jwt.decode(token, self.keys.joserfc_keys, algorithms=list(self.keys.algorithms))
        except InvalidKeyIdError as exc:
            raise AuthenticationError("the token's key id (kid) is not in the key set "
                                      f"({self.keys.source}): {exc.description}") from exc
        except UnsupportedAlgorithmError as exc:
            raise AuthenticationError("the token's algorithm is not allowed; allowed: "
                                      + ", ".join(self.keys.algorithms)) from exc
        except BadSignatureError as exc:
            raise AuthenticationError("the token's signature does not verify") from exc
        except (DecodeError, InvalidTokenError) as exc:
            raise AuthenticationError(f"the token is not a well-formed JWT: {exc.description}") from exc
        except JoseError as exc:
            raise AuthenticationError(f"the token was refused: {exc.description}") from exc
        except (ValueError, TypeError, KeyError) as exc:  # malformed segments joserfc lets through
            raise AuthenticationError(f"the token is not a well-formed JWT: {exc}") from exc
        claims = dict(decoded.claims)
        self._check_times(claims)
        self._check_claims(claims)
        self._cache[token] = claims
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return claims

    def _check_claims(self, claims: dict[str, Any]) -> None:
        for name in self.require:
            if name not in claims:
                raise AuthenticationError(f"the token has no {name!r} claim")
        if self.issuers and claims.get("iss") not in self.issuers:
            raise AuthenticationError(f"the token's issuer {claims.get('iss')!r} is not "
                                      + " or ".join(repr(i) for i in self.issuers))
        if self.audiences:
            aud = claims.get("aud")
            given = [aud] if isinstance(aud, str) else (aud if isinstance(aud, list) else [])
            if not set(given) & set(self.audiences):
                raise AuthenticationError(f"the token's audience {aud!r} does not include "
                                          + " or ".join(repr(a) for a in self.audiences))
        # joserfc's registry checks the types of the registered claims (RFC 7519 4.1)
        registry = jwt.JWTClaimsRegistry(now=int(self.clock()), leeway=int(self.leeway))
        try:
            registry.validate(claims)
        except ExpiredTokenError as exc:
            raise AuthenticationError("the token has expired") from exc
        except (InvalidClaimError, MissingClaimError) as exc:
            raise AuthenticationError(f"the token's claims are not valid: {exc.description}") from exc
        except JoseError as exc:
            raise AuthenticationError(f"the token's claims were refused: {exc.description}") from exc

    def _check_times(self, claims: Mapping[str, Any]) -> None:
        for name in ("exp", "nbf", "iat"):
            value = claims.get(name)
            if name in claims and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise AuthenticationError(f"the token's {name!r} claim is not a number (RFC 7519 4.1)")
        now = self.clock()
        exp, nbf = claims.get("exp"), claims.get("nbf")
        if isinstance(exp, (int, float)) and now > exp + self.leeway:
            raise AuthenticationError(f"the token expired {now - exp:.0f} s ago")
        if isinstance(nbf, (int, float)) and now < nbf - self.leeway:
            raise AuthenticationError(f"the token is not valid for another {nbf - now:.0f} s")
