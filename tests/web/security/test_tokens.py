"""Token verification: signature, algorithm, issuer, audience, expiry with clock skew, required
claims (RFC 7519 4.1, 7.2), and random or mutated tokens refused with our error only."""

from __future__ import annotations

import base64
import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from joserfc import jwt
from joserfc.jwk import OctKey

from dicomkit.web.security import AuthenticationError, KeySet, TokenVerifier
from tests.web.security import tokens


def verifier(**options: object) -> TokenVerifier:
    options.setdefault("issuer", tokens.ISSUER)
    options.setdefault("audience", tokens.AUDIENCE)
    return TokenVerifier(KeySet.from_jwks(tokens.jwks()), **options)  # type: ignore[arg-type]


def test_valid_rs256_and_es256_tokens_give_their_claims() -> None:
    v = verifier()
    assert v.verify(tokens.mint())["sub"] == "alice"
    assert v.verify(tokens.mint(key=tokens.EC, alg="ES256", sub="bob"))["sub"] == "bob"


@pytest.mark.parametrize("claims, message", [
    ({"lifetime": -120}, "expired"),
    ({"iss": "https://evil.test"}, "issuer"),
    ({"aud": "someone-else"}, "audience"),
    ({"aud": ["a", "b"]}, "audience"),
    ({"exp": None}, "no 'exp' claim"),
    ({"nbf": 600}, "not valid for another"),  # seconds from when the test runs (below)
    ({"exp": "tomorrow"}, "not a number"),
])
def test_bad_claims_are_refused_with_the_reason(claims: dict[str, object], message: str) -> None:
    if "nbf" in claims:  # relative to now, not to collection (a long run passed the moment)
        claims = {**claims, "nbf": int(time.time()) + int(claims["nbf"])}  # type: ignore[call-overload]
    with pytest.raises(AuthenticationError, match=message) as info:
        verifier().verify(tokens.mint(**claims))  # type: ignore[arg-type]
    assert info.value.status == 401 and info.value.error == "invalid_token"


def test_clock_skew_within_the_leeway_is_allowed() -> None:
    token = tokens.mint(lifetime=-30)
    assert verifier(leeway=60).verify(token)["sub"] == "alice"
    with pytest.raises(AuthenticationError, match="expired"):
        verifier(leeway=5).verify(token)


def test_audience_list_containing_ours_is_accepted() -> None:
    assert verifier().verify(tokens.mint(aud=["other", tokens.AUDIENCE]))["aud"][1] == tokens.AUDIENCE


def test_signature_by_another_key_with_a_known_kid_is_refused() -> None:
    with pytest.raises(AuthenticationError, match="signature does not verify"):
        verifier().verify(tokens.mint(key=tokens.OTHER))


def test_unknown_kid_is_refused() -> None:
    other = OctKey.import_key(b"k" * 32, parameters={"kid": "nope"})
    token = jwt.encode({"alg": "HS256", "kid": "nope"}, {"exp": int(time.time()) + 60}, other)
    with pytest.raises(AuthenticationError, match="kid|algorithm"):
        verifier().verify(token)


def test_alg_none_and_algorithm_confusion_are_refused() -> None:
    def b64(d: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()

    claims = {"iss": tokens.ISSUER, "aud": tokens.AUDIENCE, "exp": int(time.time()) + 60}
    unsigned = f"{b64({'alg': 'none', 'kid': 'rsa-1'})}.{b64(claims)}."
    with pytest.raises(AuthenticationError):
        verifier().verify(unsigned)
    # HS256 signed with the RSA public key's JSON as the secret: the classic confusion attack
    public = json.dumps(tokens.RSA.as_dict(private=False)).encode()
    forged = jwt.encode({"alg": "HS256", "kid": "rsa-1"}, claims, OctKey.import_key(public))
    with pytest.raises(AuthenticationError, match="algorithm"):
        verifier().verify(forged)


def test_cached_token_is_refused_once_it_expires() -> None:
    now = [time.time()]
    v = verifier(clock=lambda: now[0], leeway=0)
    token = tokens.mint(lifetime=60)
    assert v.verify(token)["sub"] == "alice"
    now[0] += 120
    with pytest.raises(AuthenticationError, match="expired"):
        v.verify(token)


def test_hs256_secret_key_set() -> None:
    secret = b"0123456789abcdef0123456789abcdef"
    v = TokenVerifier(KeySet.from_secret(secret), issuer=tokens.ISSUER)
    token = tokens.mint(key=OctKey.import_key(secret), alg="HS256")
    assert v.verify(token)["scope"] == "dicomweb.read"


def test_oversized_token_is_refused() -> None:
    with pytest.raises(AuthenticationError, match="characters long"):
        verifier().verify("a" * 20_000)


GOOD = tokens.mint()


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text(max_size=300),
    st.builds(lambda i, b: GOOD[:i] + chr(b) + GOOD[i + 1:],
              st.integers(0, len(GOOD) - 1), st.integers(32, 126)),
    st.lists(st.text("ABCabc012-_=.{}\"", max_size=40), min_size=1, max_size=4).map(".".join)))
def test_random_and_mutated_tokens_raise_only_authentication_error(token: str) -> None:
    v = verifier()
    try:
        v.verify(token)
    except AuthenticationError:
        return
    assert token == GOOD or v.verify(token) is not None  # a mutation that kept the same bytes
