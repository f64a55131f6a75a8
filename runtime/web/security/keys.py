"""The keys bearer tokens are verified with: a JWKS document (RFC 7517 5) from a file or a
mapping, PEM public keys, or a shared secret, each key tied to the algorithms it may verify.

Keys are read once, when the key set is made (no URL is fetched: a deployment that rotates keys
writes the JWKS file and calls :meth:`KeySet.reload`).  Asymmetric and symmetric keys are never
mixed in one set, so that a public key cannot be used as an HMAC secret (the "algorithm
confusion" attack).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from joserfc import jwk
from joserfc.errors import JoseError

from dicomkit.web.security.errors import KeySetError

__all__ = ["ASYMMETRIC_ALGORITHMS", "HMAC_ALGORITHMS", "KeySet"]

#: Signature algorithms accepted with public keys (RFC 7518 3.3-3.5, RFC 8037 3.1).
ASYMMETRIC_ALGORITHMS: tuple[str, ...] = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
                                          "ES256", "ES384", "ES512", "EdDSA")
#: Algorithms accepted with a shared secret (RFC 7518 3.2).
HMAC_ALGORITHMS: tuple[str, ...] = ("HS256", "HS384", "HS512")

_KTY_ALGORITHMS: dict[str, tuple[str, ...]] = {
    "RSA": ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"),
    "EC": ("ES256", "ES384", "ES512"),
    "OKP": ("EdDSA",),
    "oct": HMAC_ALGORITHMS,
}


class KeySet:
    """A set of verification keys and the algorithms they allow.

    Make one with :meth:`from_jwks_file`, :meth:`from_jwks`, :meth:`from_pem` or
    :meth:`from_secret`.

    Attributes
    ----------
    algorithms
        The ``alg`` values a token may name; any other is refused before its signature is checked.
    source
        Where the keys came from (a path or a description), for messages.
    """

    def __init__(self, keys: jwk.KeySet, algorithms: Sequence[str], source: str,
                 path: Path | None = None) -> None:
        self._keys = keys
        self.algorithms: tuple[str, ...] = tuple(algorithms)
        self.source = source
        self._path = path
        self._requested: tuple[str, ...] | None = None  # the algorithms asked for, for reload()

    # -- constructors -------------------------------------------------------------------------

    @classmethod
    def from_jwks(cls, document: Mapping[str, Any], *, algorithms: Sequence[str] | None = None,
                  source: str = "JWKS") -> KeySet:
        """Keys from a JWKS document (``{"keys": [...]}``, RFC 7517 5).

        Private members of the keys are dropped; ``oct`` (secret) keys are refused unless
        ``algorithms`` names only HMAC algorithms.

        Raises
        ------
        KeySetError
            Not a JWKS document, a key that cannot be read, no usable key, or mixed key kinds.
        """
        keys = document.get("keys") if isinstance(document, Mapping) else None
        if not isinstance(keys, list) or not keys:
            raise KeySetError('not a JWKS document: expected {"keys": [ ... ]} with at least one key',
                              source)
        try:
            parsed = [jwk.import_key(dict(k)) for k in keys]
        except (JoseError, ValueError, TypeError, KeyError) as exc:
            raise KeySetError(f"a key cannot be read: {exc}", source) from exc
        kinds = {k.key_type for k in parsed}
        if "oct" in kinds and kinds != {"oct"}:
            raise KeySetError("secret (oct) keys mixed with public keys; keep them in separate key sets",
                              source)
        if kinds == {"oct"}:
            allowed = tuple(algorithms or HMAC_ALGORITHMS)
            if not set(allowed) <= set(HMAC_ALGORITHMS):
                raise KeySetError(f"secret keys verify only {', '.join(HMAC_ALGORITHMS)}", source)
            public = parsed
        else:
            allowed = tuple(algorithms or ASYMMETRIC_ALGORITHMS)
            if set(allowed) & set(HMAC_ALGORITHMS):
                raise KeySetError("HMAC algorithms are not allowed with public keys", source)
            public = [jwk.import_key(k.as_dict(private=False)) for k in parsed]
        usable = {a for k in public for a in _KTY_ALGORITHMS.get(k.key_type, ())}
        allowed = tuple(a for a in allowed if a in usable)
        if not allowed:
            raise KeySetError("no key fits any of the allowed algorithms", source)
        return cls(jwk.KeySet(public), allowed, source)

    @classmethod
    def from_jwks_file(cls, path: str | Path, *, algorithms: Sequence[str] | None = None) -> KeySet:
        """Keys from a JWKS file; :meth:`reload` reads it again.

        Raises
        ------
        KeySetError
            The file is missing, not JSON, or not a usable JWKS document.
        """
        p = Path(path)
        try:
            document = json.loads(p.read_text(encoding="utf-8"))
        except OSError as exc:
            raise KeySetError(f"cannot be read: {exc.strerror or exc}", str(p)) from exc
        except ValueError as exc:
            raise KeySetError(f"not JSON: {exc}", str(p)) from exc
        made = cls.from_jwks(document, algorithms=algorithms, source=str(p))
        made._path = p
        made._requested = tuple(algorithms) if algorithms is not None else None
        return made

    @classmethod
    def from_pem(cls, *pems: bytes | str, algorithms: Sequence[str] | None = None,
                 kids: Sequence[str] | None = None) -> KeySet:
        """Keys from PEM public keys (or certificates' keys given as PEM public keys).

        ``kids`` gives each key its ``kid``; a token with a ``kid`` header is verified only with
        the key of that id, a token without one needs a set of exactly one key.
        """
        if not pems:
            raise KeySetError("no PEM key given", "PEM")
        if kids is not None and len(kids) != len(pems):
            raise KeySetError(f"{len(kids)} kids for {len(pems)} keys", "PEM")
        documents = []
        for i, pem in enumerate(pems):
            data = pem.encode() if isinstance(pem, str) else pem
            try:
                public = serialization.load_pem_public_key(data)
            except (ValueError, TypeError) as exc:
                raise KeySetError(f"key {i + 1} cannot be read as a PEM public key: {exc}",
                                  "PEM") from exc
            key: jwk.Key
            if isinstance(public, rsa.RSAPublicKey):
                key = jwk.import_key(data, "RSA")
            elif isinstance(public, ec.EllipticCurvePublicKey):
                key = jwk.import_key(data, "EC")
            elif isinstance(public, ed25519.Ed25519PublicKey):
                key = jwk.import_key(data, "OKP")
            else:
                raise KeySetError(f"key {i + 1} is a {type(public).__name__}; use RSA, EC or Ed25519",
                                  "PEM")
            d = dict(key.as_dict(private=False))
            if kids is not None:
                d["kid"] = kids[i]
            documents.append(d)
        return cls.from_jwks({"keys": documents}, algorithms=algorithms, source="PEM")

    @classmethod
    def from_secret(cls, secret: bytes | str, *, algorithms: Sequence[str] = ("HS256",),
                    kid: str | None = None) -> KeySet:
        """A shared secret for HMAC-signed tokens (at least 32 bytes, RFC 7518 3.2)."""
        data = secret.encode() if isinstance(secret, str) else secret
        if len(data) < 32:
            raise KeySetError(f"a secret of {len(data)} bytes is too short; use at least 32 "
                              "(RFC 7518 3.2)", "secret")
        key = jwk.OctKey.import_key(data, parameters={"kid": kid} if kid else None)
        return cls.from_jwks({"keys": [key.as_dict(private=True)]}, algorithms=algorithms,
                             source="secret")

    # -- use ------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the JWKS file again (after a key rotation); the old keys stay on failure.

        Raises
        ------
        KeySetError
            The set was not read from a file, or the file is not usable now.
        """
        if self._path is None:
            raise KeySetError("was not read from a file; nothing to reload", self.source)
        fresh = KeySet.from_jwks_file(self._path, algorithms=self._requested)
        self._keys, self.algorithms = fresh._keys, fresh.algorithms

    @property
    def joserfc_keys(self) -> jwk.KeySet:
        """The keys as a :class:`joserfc.jwk.KeySet` (public members only)."""
        return self._keys

    def __len__(self) -> int:
        return len(self._keys.keys)

    def __repr__(self) -> str:
        return f"KeySet({len(self)} keys from {self.source}, algorithms={list(self.algorithms)})"
