"""Word frequencies of English and the Latin-script languages, as one compact table.

The table is derived once from the ``wordfreq`` package's data (CC BY-SA 4.0, see
docs/translation.md) and kept in the cache directory (textlint/cache.py). Loading wordfreq's own
lists for 27 languages takes seconds and hundreds of MB; the derived file is mapped from disk
and ready in a few milliseconds, so a lint run only pays for the words it looks up.

Layout of the file (all little-endian)::

    header   magic b"TLLX", version u32, N u32, R u32, L u32, then L language codes (ASCII,
             NUL-separated) and L depth bytes (the quantised smallest zipf in that language's list)
    hashes   N x u64, sorted: 64-bit BLAKE2b digests of the words (NFC, lower case, ' for ’)
    english  N x u8: quantised zipf in English, 0 when the word is not an English word
    offsets  (N + 1) x u32: where each word's records start in ``records``
    records  R x (u8 language index, u8 quantised zipf): the other languages that use the word

Zipf values are quantised to steps of 1/20 (a zipf of 3.45 is stored as 69). A zipf is the
base-10 logarithm of a word's frequency per billion words: 7 for "the", 3 for "tremble", 1 for
words seen once in a hundred million.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import math
import mmap
import struct
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from textlint.cache import cache_dir, write_atomic

VERSION = 1
MAGIC = b"TLLX"
SCALE = 20.0
FILE_NAME = f"lexicon-v{VERSION}.bin"

# Every Latin-script language wordfreq covers, with its English name. English comes first.
LANGUAGES: dict[str, str] = {
    "en": "English", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "es": "Spanish", "fi": "Finnish", "fil": "Filipino", "fr": "French", "hu": "Hungarian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "lt": "Lithuanian", "lv": "Latvian",
    "ms": "Malay", "nb": "Norwegian", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "sh": "Serbo-Croatian", "sk": "Slovak", "sl": "Slovenian", "sv": "Swedish",
    "tr": "Turkish", "vi": "Vietnamese",
}
# Foreign words rarer than this in their own language are left out of the table: they carry
# little evidence and would double its size.
FOREIGN_MIN_ZIPF = 1.5
# A foreign entry is kept only when the word is at most this much less frequent there than in
# English: words much rarer abroad than at home (English loans in other corpora) add nothing.
FOREIGN_MAX_DEFICIT = 0.5


def normalize(word: str) -> str:
    """The key a word is stored under: NFC, lower case, straight apostrophe."""
    if not word.isascii():
        word = unicodedata.normalize("NFC", word).replace("’", "'")
    return word.lower()


def word_hash(key: str) -> int:
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@dataclass(frozen=True)
class Entry:
    """What the table knows about one word: its zipf per language (0.0 where unused)."""

    english: float
    others: dict[str, float]

    def zipf(self, lang: str) -> float:
        return self.english if lang == "en" else self.others.get(lang, 0.0)


class Lexicon:
    """Read-only view of the table file."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        if data[:4] != MAGIC:
            raise ValueError("not a textlint lexicon file")
        version, n, r, nlangs = struct.unpack_from("<4I", data, 4)
        if version != VERSION:
            raise ValueError(f"lexicon version {version}, expected {VERSION}")
        pos = 20
        end = data.find(b"\n", pos)
        self.langs: tuple[str, ...] = tuple(bytes(data[pos:end]).decode("ascii").split("\0"))
        pos = end + 1
        self.depth: dict[str, float] = {
            lang: data[pos + i] / SCALE for i, lang in enumerate(self.langs)
        }
        pos += nlangs
        pos += -pos % 8
        view = memoryview(data)
        self._data = data
        self._hashes = view[pos : pos + 8 * n].cast("Q")
        pos += 8 * n
        self._english = view[pos : pos + n]
        pos += n
        pos += -pos % 4
        self._offsets = view[pos : pos + 4 * (n + 1)].cast("I")
        pos += 4 * (n + 1)
        self._records = view[pos : pos + 2 * r]
        self.size = n

    def _index(self, key: str) -> int:
        h = word_hash(key)
        i = bisect.bisect_left(self._hashes, h)
        if i < self.size and self._hashes[i] == h:
            return i
        return -1

    def entry(self, word: str) -> Entry | None:
        """The word's zipf per language, or None when no language of the table uses it."""
        i = self._index(normalize(word))
        if i < 0:
            return None
        recs = self._records[2 * self._offsets[i] : 2 * self._offsets[i + 1]]
        langs = self.langs
        others = {langs[recs[j]]: recs[j + 1] / SCALE for j in range(0, len(recs), 2)}
        return Entry(self._english[i] / SCALE, others)

    def zipf(self, word: str, lang: str = "en") -> float:
        """Zipf frequency of ``word`` in ``lang`` (0.0 when the table does not hold it)."""
        if lang == "en":
            i = self._index(normalize(word))
            return self._english[i] / SCALE if i >= 0 else 0.0
        e = self.entry(word)
        return e.zipf(lang) if e else 0.0

    def is_word(self, word: str, lang: str = "en", min_zipf: float = 0.0) -> bool:
        z = self.zipf(word, lang)
        return z > 0.0 and z >= min_zipf


# --- building -------------------------------------------------------------------------------


def _word_shape() -> object:
    import regex

    return regex.compile(r"^[\p{Latin}\p{M}]+(?:'[\p{Latin}\p{M}]+)*$")


def _wordfreq(lang: str) -> Mapping[str, float]:
    import wordfreq

    freqs: dict[str, float] = wordfreq.get_frequency_dict(lang, "best")
    return freqs


def build_table(sources: Mapping[str, Mapping[str, float]] | None = None) -> bytes:
    """Derive the table from wordfreq's lists (takes about a minute; done once per version).
    ``sources`` (language -> word -> frequency, English first) replaces wordfreq in tests."""
    shape = _word_shape()
    match = shape.match  # type: ignore[attr-defined]
    langs = list(sources) if sources is not None else list(LANGUAGES)
    english: dict[str, int] = {}
    others: dict[str, list[tuple[int, int]]] = {}
    depth: list[int] = []
    for li, lang in enumerate(langs):
        freqs = sources[lang] if sources is not None else _wordfreq(lang)
        lowest = 9.0
        for raw, freq in freqs.items():
            if freq <= 0.0:
                continue
            z = math.log10(freq) + 9.0
            lowest = min(lowest, z)
            word = normalize(raw)
            if not match(word):
                continue
            q = max(1, min(255, round(z * SCALE)))
            if lang == "en":
                if q > english.get(word, 0):
                    english[word] = q
                continue
            if z < FOREIGN_MIN_ZIPF or z < english.get(word, 0) / SCALE - FOREIGN_MAX_DEFICIT:
                continue
            recs = others.setdefault(word, [])
            if recs and recs[-1][0] == li:
                if q > recs[-1][1]:
                    recs[-1] = (li, q)
            else:
                recs.append((li, q))
        depth.append(max(0, min(255, round(lowest * SCALE))))
    keyed = sorted((word_hash(w), w) for w in english.keys() | others.keys())
    n = len(keyed)
    hashes = bytearray()
    eng = bytearray()
    offsets = [0]
    records = bytearray()
    last = -1
    for h, w in keyed:
        if h == last:  # a 64-bit collision among a few million words: keep the first
            continue
        last = h
        hashes += h.to_bytes(8, "little")
        eng.append(english.get(w, 0))
        for li, q in others.get(w, ()):
            records += bytes((li, q))
        offsets.append(len(records) // 2)
    n = len(eng)
    head = bytearray(MAGIC)
    head += struct.pack("<4I", VERSION, n, len(records) // 2, len(langs))
    head += "\0".join(langs).encode("ascii") + b"\n"
    head += bytes(depth)
    head += bytes(-len(head) % 8)
    body = head + hashes + eng
    body += bytes(-len(body) % 4)
    body += struct.pack(f"<{len(offsets)}I", *offsets)
    body += records
    return bytes(body)


_LOCK = threading.Lock()
_LOADED: Lexicon | None = None


def table_path() -> Path:
    return cache_dir() / FILE_NAME


def load_lexicon() -> Lexicon:
    """The shared lexicon: mapped from the cache, built there first if missing or damaged."""
    global _LOADED
    if _LOADED is not None:
        return _LOADED
    with _LOCK:
        if _LOADED is None:
            _LOADED = _open_or_build(table_path())
    return _LOADED


def _open_or_build(path: Path) -> Lexicon:
    try:
        return _open(path)
    except (OSError, ValueError, struct.error):
        pass
    data = build_table()
    try:
        write_atomic(path, data)
    except OSError:
        return Lexicon(data)  # a read-only cache still gets a working (in-memory) table
    return _open(path)


def _open(path: Path) -> Lexicon:
    with path.open("rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    return Lexicon(mapped)


# --- letter trigrams, for words no list holds --------------------------------------------------

CHARS_FILE = f"trigrams-v{VERSION}.bin"
CHARS_MIN_ZIPF = 2.0   # words this frequent or more teach the letter model
CHARS_UNSEEN = -4.0    # log10 probability of a letter after an unseen pair
CHARS_SCALE = 40.0


class CharModel:
    """Letter-trigram models per language (log10 P(letter | two letters before)), to weigh
    words that no word list holds: inflected forms, rare words, words that lost a letter."""

    def __init__(self, langs: tuple[str, ...], table: dict[str, bytes]) -> None:
        self.langs = langs
        self.table = table
        self.index = {lang: i for i, lang in enumerate(langs)}

    def scores(self, word: str) -> dict[str, float]:
        """Average log10 probability per letter of ``word`` under each language's model."""
        padded = f"^^{normalize(word)}$"
        n = len(padded) - 2
        totals = [0.0] * len(self.langs)
        get = self.table.get
        for i in range(n):
            row = get(padded[i : i + 3])
            if row is None:
                for j in range(len(totals)):
                    totals[j] += CHARS_UNSEEN
            else:
                for j, q in enumerate(row):
                    totals[j] += -q / CHARS_SCALE if q else CHARS_UNSEEN
        return {lang: totals[i] / n for i, lang in enumerate(self.langs)}


def build_chars() -> bytes:
    import marshal

    import wordfreq

    match = _word_shape().match  # type: ignore[attr-defined]
    langs = list(LANGUAGES)
    counts: list[dict[str, float]] = []
    for lang in langs:
        tri: dict[str, float] = {}
        freqs: dict[str, float] = wordfreq.get_frequency_dict(lang, "best")
        for raw, freq in freqs.items():
            z = math.log10(freq) + 9.0 if freq > 0 else 0.0
            if z < CHARS_MIN_ZIPF:
                break  # the lists are sorted by frequency
            word = normalize(raw)
            if not match(word):
                continue
            # Types, lightly weighted by frequency: the letter shapes of a language's words.
            weight = z - CHARS_MIN_ZIPF + 1.0
            padded = f"^^{word}$"
            for i in range(len(padded) - 2):
                key = padded[i : i + 3]
                tri[key] = tri.get(key, 0.0) + weight
        counts.append(tri)
    table: dict[str, bytearray] = {}
    for li, tri in enumerate(counts):
        pairs: dict[str, float] = {}
        for key, c in tri.items():
            pairs[key[:2]] = pairs.get(key[:2], 0.0) + c
        for key, c in tri.items():
            p = (c + 0.1) / (pairs[key[:2]] + 3.0)
            q = max(1, min(255, round(-math.log10(p) * CHARS_SCALE)))
            row = table.setdefault(key, bytearray(len(langs)))
            row[li] = q
    data = {k: bytes(v) for k, v in table.items()}
    return marshal.dumps((VERSION, tuple(langs), data))


_CHARS: CharModel | None = None


def load_chars() -> CharModel:
    """The shared letter model: read from the cache, built there first if missing."""
    import marshal

    global _CHARS
    if _CHARS is not None:
        return _CHARS
    with _LOCK:
        if _CHARS is None:
            path = cache_dir() / CHARS_FILE
            try:
                version, langs, data = marshal.loads(path.read_bytes())
                if version != VERSION:
                    raise ValueError("old trigram table")
            except (OSError, ValueError, EOFError, TypeError):
                raw = build_chars()
                with contextlib.suppress(OSError):  # a read-only cache: keep it in memory
                    write_atomic(path, raw)
                version, langs, data = marshal.loads(raw)
            _CHARS = CharModel(tuple(langs), data)
    return _CHARS
