"""Sealing and key derivation, from `cryptography` only. No request, no model, no view."""

import hashlib
import hmac
import os
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "KEY_BYTES",
    "SALT_BYTES",
    "InvalidTag",
    "KdfParams",
    "derive_kek",
    "keyed_tag",
    "lookup_id",
    "new_key",
    "open_sealed",
    "seal",
    "subkey",
]

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
MIN_MEMORY_KIB = 64 * 1024


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    """AES-256-GCM with a fresh random nonce, returned as nonce + ciphertext + tag.

    The associated data binds the ciphertext to where it belongs: moved elsewhere, it fails.
    """
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated_data)


def open_sealed(key: bytes, sealed: bytes, associated_data: bytes) -> bytes:
    """Raises InvalidTag for a wrong key, wrong associated data or any changed byte."""
    if len(sealed) < NONCE_BYTES + 16:
        raise InvalidTag
    return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], associated_data)


def subkey(secret: bytes, purpose: str) -> bytes:
    """A key for one purpose, independent of keys for other purposes from the same secret."""
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose.encode()
    ).derive(secret)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id's cost, stored next to each wrapped key so it can be raised for new
    workspaces while old ones still open with what they were made with."""

    memory_kib: int
    iterations: int
    lanes: int
    algorithm: str = "argon2id"

    def as_dict(self) -> dict:
        return asdict(self)

    def below(self, wanted: "KdfParams") -> bool:
        """Whether any part of this cost is lower than `wanted`."""
        return (
            self.memory_kib < wanted.memory_kib
            or self.iterations < wanted.iterations
            or self.lanes < wanted.lanes
        )

    @classmethod
    def from_dict(cls, data: dict) -> "KdfParams":
        if data.get("algorithm") != "argon2id":
            raise ValueError("unknown key derivation")
        return cls(
            memory_kib=int(data["memory_kib"]),
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
        )


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """The key-encryption key: slow and memory-hard, so each guess costs real resources."""
    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(passphrase.encode())


def lookup_id(passphrase: str, pepper: str) -> str:
    """Which workspace a passphrase opens: an HMAC under a server pepper that is kept apart
    from the key derivation, so the stored id says nothing about the key."""
    return hmac.new(
        pepper.encode(), b"waymark lookup v1\x00" + passphrase.encode(), hashlib.sha256
    ).hexdigest()


def keyed_tag(key: bytes, *parts: str) -> str:
    """A stable name for something that only the holder of the key can recompute."""
    message = b"\x00".join(part.encode() for part in parts)
    return hmac.new(subkey(key, "waymark tag v1"), message, hashlib.sha256).hexdigest()[:40]
