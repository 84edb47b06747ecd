"""Passphrases are seven words anyone can write down, with at least 90 bits (SECURITY.md 1)."""

from hypothesis import given
from hypothesis import strategies as st

from waymark.workspace import passphrase


def test_many_passphrases_are_all_different_and_made_of_listed_words():
    listed = set(passphrase.words())
    assert len(listed) >= 7500
    samples = [passphrase.generate() for _ in range(2000)]
    assert len(set(samples)) == len(samples)
    for sample in samples:
        words = sample.split(" ")
        assert len(words) == 7
        assert set(words) <= listed
    # Every word of the list can be drawn: over 14,000 draws all but a few appear.
    drawn = {word for sample in samples for word in sample.split(" ")}
    assert len(drawn) > 0.8 * len(listed)


def test_the_entropy_is_at_least_90_bits():
    assert passphrase.entropy_bits() >= 90


def test_case_extra_spaces_and_line_breaks_do_not_matter():
    assert passphrase.normalise("  Gloater ANTARCTIC\n ajar\tcoherence  ") == (
        "gloater antarctic ajar coherence"
    )


@given(st.text(max_size=300))
def test_normalising_twice_changes_nothing(typed):
    once = passphrase.normalise(typed)
    assert passphrase.normalise(once) == once
    assert "  " not in once
    assert once == once.strip()
