"""Sealing a payload to one office's X25519 key: ephemeral ECDH, HKDF-SHA256, AES-256-GCM."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.sync.errors import PackageRejected

MAGIC = b"LXE1"
_KEY_LEN = 32
_NONCE_LEN = 12
_HEADER_LEN = len(MAGIC) + _KEY_LEN + _NONCE_LEN


def _key(shared: bytes, ephemeral: bytes, recipient: bytes, context: bytes) -> bytes:
    # Both public keys in the salt bind the key to this exchange; the context binds it to
    # one package between two offices, so a payload cannot be moved into another manifest.
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=_KEY_LEN,
        salt=ephemeral + recipient,
        info=b"LianXi payload v1\0" + context,
    )
    return hkdf.derive(shared)


def seal(plaintext: bytes, *, recipient_key: bytes, context: bytes) -> bytes:
    """MAGIC, the ephemeral public key, the nonce, then ciphertext with its tag."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_key))
    key = _key(shared, ephemeral_public, recipient_key, context)
    nonce = os.urandom(_NONCE_LEN)
    return MAGIC + ephemeral_public + nonce + AESGCM(key).encrypt(nonce, plaintext, context)


def open_sealed(sealed: bytes, *, private_key: X25519PrivateKey, context: bytes) -> bytes:
    """The plaintext, or PackageRejected("decryption_failed") for any damage or wrong key."""
    if len(sealed) < _HEADER_LEN + 16 or not sealed.startswith(MAGIC):
        raise PackageRejected("decryption_failed")
    ephemeral_public = sealed[len(MAGIC) : len(MAGIC) + _KEY_LEN]
    nonce = sealed[len(MAGIC) + _KEY_LEN : _HEADER_LEN]
    recipient = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    try:
        # exchange() refuses low-order points (an all-zero secret) with ValueError.
        shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        key = _key(shared, ephemeral_public, recipient, context)
        return AESGCM(key).decrypt(nonce, sealed[_HEADER_LEN:], context)
    except (InvalidTag, ValueError):
        raise PackageRejected("decryption_failed") from None
