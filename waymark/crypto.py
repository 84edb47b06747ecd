"""Sealing and key derivation, from `cryptography` only. No request, no model, no view.

Two kinds of seal: `seal` under a secret key both sides hold (a workspace's data key, a
session's cookie key), and `seal_to` under a public key, for whoever holds the private one
(a team of staff, a workspace its owner is away from). Every seal is AES-256-GCM.
"""

import hashlib
import hmac
import os
import struct
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "KEY_BYTES",
    "SALT_BYTES",
    "InvalidTag",
    "KdfParams",
    "bound_to",
    "derive_kek",
    "keyed_tag",
    "lookup_id",
    "new_key",
    "new_key_pair",
    "open_sealed",
    "open_sealed_to",
    "seal",
    "seal_to",
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


def bound_to(*parts: str | int | bytes) -> bytes:
    """Associated data naming where a seal belongs, as one unambiguous byte string.

    Each part is written with its length first, so no two lists of parts give the same bytes
    ("ab", "c" and "a", "bc" differ), whatever the parts contain.
    """
    out = bytearray()
    for part in parts:
        raw = part if isinstance(part, bytes) else str(part).encode()
        out += struct.pack(">I", len(raw)) + raw
    return bytes(out)


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public), 32 raw bytes each, for `seal_to` and `open_sealed_to`."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=ephemeral + recipient,
        info=b"waymark sealed box v1",
    ).derive(shared)


def seal_to(public_key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    """Sealed for the holder of the private key alone: the sender keeps no way to open it.

    A fresh key pair for each seal (X25519), its public half sent along; the shared secret
    becomes an AES-GCM key through HKDF bound to both public keys.
    """
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    sent = ephemeral.public_key().public_bytes_raw()
    return sent + seal(_box_key(shared, sent, public_key), plaintext, associated_data)


def open_sealed_to(private_key: bytes, sealed: bytes, associated_data: bytes) -> bytes:
    """Raises InvalidTag for the wrong private key, other associated data or a changed byte."""
    if len(sealed) < KEY_BYTES:
        raise InvalidTag
    private = X25519PrivateKey.from_private_bytes(private_key)
    sent = sealed[:KEY_BYTES]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(sent))
    except ValueError:
        # A forged "public key" of low order gives an all-zero secret: refused like a bad tag.
        raise InvalidTag from None
    recipient = private.public_key().public_bytes_raw()
    return open_sealed(_box_key(shared, sent, recipient), sealed[KEY_BYTES:], associated_data)


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
