"""Character classes shared by the character-level artefact checks.

Script tests use the ``regex`` module's Script_Extensions property so that marks shared by
several scripts (a virama, a tatweel) count for every script that uses them.
"""

from __future__ import annotations

import unicodedata

import regex

from textlint import regexcache

# Scripts whose shaping relies on ZWJ / ZWNJ (Persian ZWNJ, Indic half forms and explicit
# viramas, Sinhala conjuncts, Syriac and Mongolian joining).
JOINING_SCRIPT = regexcache.compile(
    r"[\p{scx=Arab}\p{scx=Syrc}\p{scx=Nkoo}\p{scx=Mong}\p{scx=Hebr}\p{scx=Thaa}"
    r"\p{scx=Deva}\p{scx=Beng}\p{scx=Guru}\p{scx=Gujr}\p{scx=Orya}\p{scx=Taml}"
    r"\p{scx=Telu}\p{scx=Knda}\p{scx=Mlym}\p{scx=Sinh}\p{scx=Tibt}\p{scx=Mymr}"
    r"\p{scx=Khmr}\p{scx=Mand}\p{scx=Phag}\p{scx=Mani}\p{scx=Avst}]",
    regex.V1,
)
# Scripts written without spaces, where ZWSP legitimately marks word or line-break points.
UNSPACED_SCRIPT = regexcache.compile(
    r"[\p{scx=Thai}\p{scx=Laoo}\p{scx=Khmr}\p{scx=Mymr}\p{scx=Tibt}\p{scx=Hani}"
    r"\p{scx=Hira}\p{scx=Kana}\p{scx=Java}\p{scx=Bali}]",
    regex.V1,
)
EMOJI = regexcache.compile(r"\p{Extended_Pictographic}", regex.V1)
RTL_LETTER = regexcache.compile(
    r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]", regex.V1
)

# Variation selectors, emoji skin-tone modifiers and tag characters sit between an emoji base
# and a ZWJ without changing what the sequence is.
_EMOJI_TRAIL = frozenset(
    [chr(c) for c in range(0xFE00, 0xFE10)]
    + [chr(c) for c in range(0x1F3FB, 0x1F400)]
    + [chr(c) for c in range(0xE0020, 0xE0080)]
    + ["\u20e3"]
)


def base_before(text: str, index: int) -> str:
    """The character before ``index``, skipping combining marks and emoji modifiers ("" at the
    start)."""
    i = index - 1
    while i >= 0 and (text[i] in _EMOJI_TRAIL or unicodedata.category(text[i]).startswith("M")):
        i -= 1
    return text[i] if i >= 0 else ""


def char_at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def in_class(pattern: regex.Pattern[str], ch: str) -> bool:
    return bool(ch) and pattern.match(ch) is not None
