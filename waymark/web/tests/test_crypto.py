"""Keys and seals, at the real cost of 64 MiB (SECURITY.md 3 and 4)."""

import pytest

from waymark import crypto

PHRASE = "gloater antarctic ajar coherence dealing unfixed ploy"
FULL = crypto.KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1)


def test_the_lookup_id_and_the_key_come_from_separate_derivations():
    salt = b"s" * crypto.SALT_BYTES
    key = crypto.derive_kek(PHRASE, salt, FULL)
    lookup = crypto.lookup_id(PHRASE, "pepper one" * 6)
    assert len(key) == 32
    assert key.hex() != lookup
    assert crypto.lookup_id(PHRASE, "pepper two" * 6) != lookup
    # Changing the pepper changes which row is found, never the key.
    assert crypto.derive_kek(PHRASE, salt, FULL) == key
    assert crypto.derive_kek(PHRASE, b"t" * crypto.SALT_BYTES, FULL) != key


def test_the_settings_never_go_below_64_mib():
    from django.conf import settings

    assert settings.WAYMARK_ARGON2_MEMORY_KIB >= crypto.MIN_MEMORY_KIB


def test_a_changed_byte_or_other_associated_data_is_refused_not_decrypted_to_garbage():
    key = crypto.new_key()
    sealed = crypto.seal(key, b"my answer", b"here")
    assert crypto.open_sealed(key, sealed, b"here") == b"my answer"
    tampered = bytearray(sealed)
    tampered[-20] ^= 1
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed(key, bytes(tampered), b"here")
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed(key, sealed, b"there")
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed(crypto.new_key(), sealed, b"here")
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed(key, sealed[:10], b"here")


def test_nonces_are_never_reused():
    key = crypto.new_key()
    nonces = {crypto.seal(key, b"same", b"same")[:12] for _ in range(5000)}
    assert len(nonces) == 5000


def test_stored_parameters_survive_a_round_trip_and_unknown_ones_are_refused():
    assert crypto.KdfParams.from_dict(FULL.as_dict()) == FULL
    with pytest.raises(ValueError):
        crypto.KdfParams.from_dict({**FULL.as_dict(), "algorithm": "md5"})


def test_associated_data_parts_cannot_be_shifted_from_one_to_the_next():
    assert crypto.bound_to("ab", "c") != crypto.bound_to("a", "bc")
    assert crypto.bound_to("a", 1) == crypto.bound_to(b"a", "1")
    assert crypto.bound_to() != crypto.bound_to("")


def test_a_seal_to_a_public_key_opens_only_with_its_private_key():
    private, public = crypto.new_key_pair()
    sealed = crypto.seal_to(public, b"for the team", b"response 1")
    assert crypto.open_sealed_to(private, sealed, b"response 1") == b"for the team"
    other_private, _ = crypto.new_key_pair()
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed_to(other_private, sealed, b"response 1")
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed_to(private, sealed, b"response 2")
    tampered = bytearray(sealed)
    tampered[3] ^= 1
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed_to(private, bytes(tampered), b"response 1")
    # A forged sender key of low order (all zeros) is refused, not opened with a zero secret.
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed_to(private, bytes(32) + sealed[32:], b"response 1")
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed_to(private, sealed[:20], b"response 1")


def test_two_seals_of_the_same_text_share_nothing_visible():
    _, public = crypto.new_key_pair()
    first, second = (crypto.seal_to(public, b"same", b"ad") for _ in range(2))
    assert first[:32] != second[:32]
    assert first[32:] != second[32:]
