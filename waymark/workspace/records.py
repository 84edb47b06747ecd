"""The sealed form of one record, by format version. Pure: no model, no request.

A row names its record by keyed tags (see models.SealedRecord), and its associated data is
(workspace id, kind tag, record tag, format version): a ciphertext copied to another row,
workspace or version fails to open. The real kind and id travel inside the seal.

Version 1: the record as JSON. Version 2 (current): the same JSON padded with spaces to a
whole number of blocks, so a sealed row no longer shows how long an answer is. Rows are
rewritten in the current version whenever they are saved again; older ones still open.
"""

import json

from waymark import crypto

RECORD_VERSION = 2
OPENABLE_VERSIONS = frozenset({1, 2})
PAD_BLOCK = 256


def tags(key: bytes, kind: str, record_id: str) -> tuple[str, str]:
    return crypto.keyed_tag(key, "kind", kind), crypto.keyed_tag(key, "record", kind, record_id)


def kind_tag(key: bytes, kind: str) -> str:
    return crypto.keyed_tag(key, "kind", kind)


def associated_data(workspace_id: str, kind_tag: str, record_tag: str, version: int) -> bytes:
    return json.dumps(["waymark record", workspace_id, kind_tag, record_tag, version]).encode()


def _encode(kind: str, record_id: str, value: dict, version: int) -> bytes:
    plain = json.dumps({"kind": kind, "id": record_id, "value": value}).encode()
    if version >= 2:
        plain += b" " * (-len(plain) % PAD_BLOCK)
    return plain


def seal_record(
    key: bytes,
    workspace_id: str,
    kind: str,
    record_id: str,
    value: dict,
    version: int = RECORD_VERSION,
) -> tuple[str, str, bytes]:
    """(kind tag, record tag, sealed bytes) for one record."""
    if version not in OPENABLE_VERSIONS:
        raise ValueError(f"unknown record format {version}")
    ktag, rtag = tags(key, kind, record_id)
    ad = associated_data(workspace_id, ktag, rtag, version)
    return ktag, rtag, crypto.seal(key, _encode(kind, record_id, value, version), ad)


def open_record(
    key: bytes, workspace_id: str, kind_tag: str, record_tag: str, version: int, sealed: bytes
) -> tuple[str, str, dict]:
    """(kind, record id, value); raises crypto.InvalidTag if anything was changed or moved."""
    if version not in OPENABLE_VERSIONS:
        raise crypto.InvalidTag
    ad = associated_data(workspace_id, kind_tag, record_tag, version)
    data = json.loads(crypto.open_sealed(key, sealed, ad))
    return data["kind"], data["id"], data["value"]
