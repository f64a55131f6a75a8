"""Keys and tokens made for the security tests (joserfc signs them as an identity provider would)."""

from __future__ import annotations

import time
from typing import Any

from joserfc import jwt
from joserfc.jwk import ECKey, RSAKey

ISSUER = "https://idp.example.test"
AUDIENCE = "dicomkit"

RSA = RSAKey.generate_key(2048, parameters={"kid": "rsa-1"})
EC = ECKey.generate_key("P-256", parameters={"kid": "ec-1"})
OTHER = RSAKey.generate_key(2048, parameters={"kid": "rsa-1"})  # same kid, not in the key set


def jwks() -> dict[str, Any]:
    """The identity provider's public JWKS document."""
    return {"keys": [RSA.as_dict(private=False), EC.as_dict(private=False)]}


def mint(scope: str = "dicomweb.read", *, key: Any = RSA, alg: str = "RS256", lifetime: float = 300,
         **claims: Any) -> str:
    """A signed token with the usual claims; keyword arguments add or replace claims
    (``None`` removes one)."""
    now = int(time.time())
    body: dict[str, Any] = {"iss": ISSUER, "aud": AUDIENCE, "sub": "alice", "iat": now,
                            "exp": now + int(lifetime), "scope": scope}
    body.update(claims)
    body = {k: v for k, v in body.items() if v is not None}
    header = {"alg": alg}
    if key.kid:
        header["kid"] = key.kid
    return jwt.encode(header, body, key)
