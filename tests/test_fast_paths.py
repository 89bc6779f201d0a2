"""The shortcuts taken for speed give the same results as the plain computations they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textlint.document import WORD, Document, Token

# Letters, marks, digits, apostrophes, hyphens and separators: the characters tokenising and
# screening treat specially, mixed so that words, marks and joiners meet in every order.
PIECES = st.sampled_from(
    ["a", "B", "é", "e\u0301", "\u0301", "\u1ab0", "\u20d0", "ß", "İ", "ǅ", "7", "_", "'", "’",
     "-", "‐", " ", "  ", "\n", "\n\n", "\t", ".", ",", "!", "\0", "\u00a0", "𝐀", "Ж", "ω",
     "the", "The", "THE", "don't", "Jong-un", "ha", "New", "York"]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def reference_words(prose: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(prose)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_words_match_the_word_pattern(text: str) -> None:
    assert Document(text).words == reference_words(text)


def test_words_with_and_without_marks() -> None:
    for text in ["Russia’s Jong-un", "cafe\u0301 au lait", "\u0301x y\u20d0z", "", "  "]:
        assert Document(text).words == reference_words(text)
