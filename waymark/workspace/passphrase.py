"""Passphrases of diceware words: made here, held by the person, never stored.

The words are the EFF large word list (7,776 words, CC BY 3.0, Electronic Frontier
Foundation) as shipped by the `diceware` package. Seven words drawn with `secrets` give
7 * log2(7776) ≈ 90.5 bits, the strength of a SecureDrop codename.
"""

import math
import secrets
from functools import cache
from importlib.resources import files

WORD_COUNT = 7
# Longer than any passphrase this list can make (7 * 9 letters + spaces) with room for
# stray spaces; anything longer is refused before a key derivation is spent on it.
MAX_LENGTH = 200


@cache
def words() -> tuple[str, ...]:
    """The list, in its file's order. Each line is "<dice digits>\\t<word>"."""
    text = (files("diceware") / "wordlists" / "wordlist_en_eff.txt").read_text("utf-8")
    return tuple(line.split()[-1] for line in text.splitlines() if line.strip())


def entropy_bits(word_count: int = WORD_COUNT) -> float:
    return word_count * math.log2(len(set(words())))


def generate() -> str:
    choices = words()
    return " ".join(secrets.choice(choices) for _ in range(WORD_COUNT))


def normalise(typed: str) -> str:
    """What a person typed, as the passphrase it means: case, extra spaces and line breaks
    (a phone's autocapitalisation, a pasted copy from paper) do not matter."""
    return " ".join(typed.lower().split())
