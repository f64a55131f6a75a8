"""Bearer-token verification per request: dicomkit.web.security.TokenVerifier (joserfc) against
PyJWT, the other well-kept JOSE library, on the same tokens and keys in the same run; and the
whole BearerAuth middleware per request.

    python bench/bench_web_security.py [--tokens 2000]

Prints microseconds per token and the ratios.  PyJWT is an anchor only (pip install PyJWT).
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import anyio
from joserfc import jwt as jjwt
from joserfc.jwk import ECKey, RSAKey

from dicomkit.web.security import BearerAuth, KeySet, TokenVerifier

ISS, AUD = "https://idp.example", "dicomkit"


def tokens(key: Any, alg: str, n: int) -> list[str]:
    now = int(time.time())
    return [jjwt.encode({"alg": alg, "kid": key.kid}, {"iss": ISS, "aud": AUD, "sub": f"u{i}",
                                                       "exp": now + 600, "scope": "dicomweb.read"}, key)
            for i in range(n)]


def per_token(fn: Any, items: list[str]) -> float:
    t = time.perf_counter()
    for item in items:
        fn(item)
    return (time.perf_counter() - t) / len(items) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tokens", type=int, default=2000)
    n = ap.parse_args().tokens
    try:
        import jwt as pyjwt
    except ImportError:
        pyjwt = None
    print(f"{n} distinct tokens each (no cache hits), then one token {n} times (cache)")
    for alg, key in (("RS256", RSAKey.generate_key(2048, parameters={"kid": "r"})),
                     ("ES256", ECKey.generate_key("P-256", parameters={"kid": "e"}))):
        items = tokens(key, alg, n)
        keys = KeySet.from_jwks({"keys": [key.as_dict(private=False)]})
        ours = per_token(TokenVerifier(keys, issuer=ISS, audience=AUD, cache_size=0).verify, items)
        cached_v = TokenVerifier(keys, issuer=ISS, audience=AUD)
        cached = per_token(cached_v.verify, [items[0]] * n)
        line = f"{alg}: dicomkit (joserfc) {ours:7.1f} us/token, cached {cached:5.1f} us"
        if pyjwt is not None:
            jwks = pyjwt.PyJWKSet.from_dict({"keys": [key.as_dict(private=False)]})

            def verify(token: str, jwks: Any = jwks, alg: str = alg) -> None:
                kid = pyjwt.get_unverified_header(token)["kid"]
                pyjwt.decode(token, jwks[kid], algorithms=[alg], audience=AUD, issuer=ISS, leeway=60)

            theirs = per_token(verify, items)
            line += f"; PyJWT {theirs:7.1f} us/token (dicomkit/PyJWT time {ours / theirs:.2f})"
        print(line)

    # the middleware around a no-op app, one token (as a viewer sends it with every frame)
    key = RSAKey.generate_key(2048, parameters={"kid": "r"})
    keys = KeySet.from_jwks({"keys": [key.as_dict(private=False)]})

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    mw = BearerAuth(app, verifier=TokenVerifier(keys, issuer=ISS, audience=AUD))
    token = tokens(key, "RS256", 1)[0]
    scope = {"type": "http", "method": "GET", "path": "/studies/1.2.3/series", "query_string": b"",
             "headers": [(b"authorization", f"Bearer {token}".encode())]}

    async def run() -> float:
        async def receive() -> dict[str, Any]:
            return {"type": "http.request"}

        async def send(message: Any) -> None:
            pass

        t = time.perf_counter()
        for _ in range(n):
            await mw(dict(scope), receive, send)
        return (time.perf_counter() - t) / n * 1e6

    print(f"BearerAuth per request (cached token, scope check): {anyio.run(run):.1f} us")


if __name__ == "__main__":
    main()
