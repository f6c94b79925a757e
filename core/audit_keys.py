"""The key that signs the audit log's head (decision 0024): Ed25519, held outside the database and the file store.

Settings (`config/settings.py`, read from the environment) name the private key one of two ways:
`AUDIT_SIGNING_KEY` holds it (base64 of the 32-byte raw key, or PEM), or `AUDIT_SIGNING_KEY_FILE` names a file
holding it (PEM or base64). On a laptop with neither set, `AUDIT_SIGNING_KEY_GENERATE` is on and a key file is
made on first use at `.local/audit-signing-key.pem` (git-ignored). A deployment sets one of the two and never
generates: a missing key there is an error, not a new key.

Anyone checks a signature with the public key alone: the service publishes it (`/audit/public-key.pem`, the
open-data page) and `manage.py verify_audit_log --public-key <file>` checks the heads against a copy kept
elsewhere, so a verifier need not trust the server it is checking.
"""

import base64
import binascii
import hashlib
import os
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings


class SigningKeyMissing(Exception):
    """No audit signing key is configured, or the configured one cannot be read."""


def _private_key_from_text(text: str) -> Ed25519PrivateKey:
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise SigningKeyMissing("The audit signing key is not an Ed25519 key.")
        return key
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise SigningKeyMissing(f"The audit signing key is neither PEM nor base64: {error}") from error
    if len(raw) != 32:
        raise SigningKeyMissing("The audit signing key in base64 must be the 32 bytes of an Ed25519 private key.")
    return Ed25519PrivateKey.from_private_bytes(raw)


def generate_key_file(path: Path) -> None:
    """Write a new Ed25519 private key as PEM, readable by its owner only; an existing file is kept."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process made it first: use theirs
    with os.fdopen(handle, "wb") as out:
        out.write(pem)


@lru_cache(maxsize=8)
def _load(key_text: str, key_file: str, generate: bool) -> Ed25519PrivateKey:
    if key_text:
        return _private_key_from_text(key_text)
    if not key_file:
        raise SigningKeyMissing("No audit signing key: set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE.")
    path = Path(key_file)
    if not path.exists() and generate:
        generate_key_file(path)
    try:
        return _private_key_from_text(path.read_text("ascii"))
    except OSError as error:
        raise SigningKeyMissing(f"The audit signing key file {path} cannot be read: {error}") from error


def private_key() -> Ed25519PrivateKey:
    """The configured signing key (read once per setting; tests change the settings to change it)."""
    key_file = str(settings.AUDIT_SIGNING_KEY_FILE or "")
    return _load(settings.AUDIT_SIGNING_KEY, key_file, settings.AUDIT_SIGNING_KEY_GENERATE)


def public_key() -> Ed25519PublicKey:
    return private_key().public_key()


def public_key_pem(key: Ed25519PublicKey | None = None) -> str:
    """The public key as PEM (SubjectPublicKeyInfo), as published."""
    key = key or public_key()
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def key_id(key: Ed25519PublicKey | None = None) -> str:
    """A short name for a public key: the first 16 hex characters of the SHA-256 of its 32 raw bytes."""
    key = key or public_key()
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    """A public key from PEM, as a verifier keeps it (`verify_audit_log --public-key`)."""
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def sign(message: bytes) -> str:
    """The Ed25519 signature of `message` with the configured key, in base64."""
    return base64.b64encode(private_key().sign(message)).decode("ascii")


def signature_holds(message: bytes, signature: str, key: Ed25519PublicKey) -> bool:
    try:
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True
