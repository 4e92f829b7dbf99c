"""A number the Swedish page writes as a word may be a digit in a translation (issue #13)."""

from __future__ import annotations

from victiminfo.content.number_words import numbers_in_words


def test_swedish_number_words_are_read_as_digits() -> None:
    """Easy Swedish writes "3" and "ungefär 60" for "tre" and "ett sextiotal" (#13)."""
    text = "Tryck tre gånger. Det finns ett sextiotal jourer, Tolv av dem."
    assert numbers_in_words(text) == {"3", "60", "12"}


def test_articles_and_parts_of_words_are_no_numbers() -> None:
    """ "en"/"ett" are articles; "tretton" and "tiotusen" are not "tre" or "tio" (#13)."""
    assert numbers_in_words("En jour, ett samtal, tretton, tiotusen, sexuellt") == set()
