"""Key sets: JWKS files and documents, PEM keys, secrets, and the refusals that keep public keys
and secrets apart (RFC 7517 5, RFC 7518 3.2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from dicomkit.web.security import KeySet, KeySetError
from tests.web.security import tokens


def test_jwks_file_is_read_with_public_members_only_and_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps({"keys": [tokens.RSA.as_dict(private=True)]}))
    keys = KeySet.from_jwks_file(path)
    assert len(keys) == 1 and "RS256" in keys.algorithms and "ES256" not in keys.algorithms
    assert "d" not in keys.joserfc_keys.as_dict()["keys"][0]  # the private exponent is dropped
    path.write_text(json.dumps(tokens.jwks()))
    keys.reload()
    assert len(keys) == 2 and "ES256" in keys.algorithms


def test_reload_keeps_the_old_keys_when_the_file_is_broken(tmp_path: Path) -> None:
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps(tokens.jwks()))
    keys = KeySet.from_jwks_file(path)
    path.write_text("{not json")
    with pytest.raises(KeySetError, match="not JSON"):
        keys.reload()
    assert len(keys) == 2


@pytest.mark.parametrize("text, message", [
    (None, "cannot be read"), ("[]", "not a JWKS document"), ('{"keys": []}', "not a JWKS document"),
    ('{"keys": [{"kty": "RSA"}]}', "cannot be read"), ("\x00\x01", "not JSON")])
def test_bad_jwks_file_names_the_file(tmp_path: Path, text: str | None, message: str) -> None:
    path = tmp_path / "jwks.json"
    if text is not None:
        path.write_text(text)
    with pytest.raises(KeySetError, match=message) as info:
        KeySet.from_jwks_file(path)
    assert info.value.source == str(path)


def test_secret_keys_are_not_mixed_with_public_keys() -> None:
    secret = KeySet.from_secret(b"s" * 32).joserfc_keys.as_dict(private=True)["keys"][0]
    with pytest.raises(KeySetError, match="mixed"):
        KeySet.from_jwks({"keys": [secret, tokens.RSA.as_dict(private=False)]})


def test_hmac_algorithms_are_refused_with_public_keys() -> None:
    with pytest.raises(KeySetError, match="HMAC"):
        KeySet.from_jwks(tokens.jwks(), algorithms=["RS256", "HS256"])


def test_short_secret_is_refused() -> None:
    with pytest.raises(KeySetError, match="at least 32"):
        KeySet.from_secret("short")


def test_pem_public_key_with_a_kid() -> None:
    private = ec.generate_private_key(ec.SECP256R1())
    pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                            serialization.PublicFormat.SubjectPublicKeyInfo)
    keys = KeySet.from_pem(pem, kids=["pem-1"])
    assert keys.algorithms == ("ES256", "ES384", "ES512")
    assert keys.joserfc_keys.as_dict()["keys"][0]["kid"] == "pem-1"
    with pytest.raises(KeySetError, match="cannot be read"):
        KeySet.from_pem(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")


def test_algorithms_no_key_fits_are_refused() -> None:
    with pytest.raises(KeySetError, match="no key fits"):
        KeySet.from_jwks({"keys": [tokens.RSA.as_dict(private=False)]}, algorithms=["ES256"])
