"""Word frequencies of English and the Latin-script languages, as one compact table.

The table is derived once from the ``wordfreq`` package's data (CC BY-SA 4.0, see
docs/translation.md) and kept in the cache directory (textlint/cache.py). Loading wordfreq's own
lists for 27 languages takes seconds and hundreds of MB; the derived file (about 6 MB, built in
a few seconds) is mapped from disk and ready in a few milliseconds, so a lint run only pays for
the words it looks up.

Only the words that can change a decision are kept: every English word, and a foreign word
when it is frequent enough in its language to be evidence (rarer words are weighed by the
letter model below) and not much rarer there than in English.

Layout of the file (native byte order: it is a cache of this machine)::

    header   magic b"TLLX", version u32, N u32, R u32, L u32, then L language codes (ASCII,
             NUL-separated, ending in a newline) and L depth bytes (the quantised smallest zipf
             in that language's list), padded to 4 bytes
    buckets  (B + 1) x u32: the first word of each hash bucket (B = 2**16, by the top 16 bits
             of the word's 40-bit hash, see word_hash)
    rstart   (B + 1) x u32: the first record of each bucket
    fp16     N x u16: the next 16 bits of the hash (sorted within a bucket)
    fp8      N x u8: the next 8 bits (40 bits in all: about one false match per million
             look-ups of words the table lacks)
    english  N x u8: quantised zipf in English, 0 when the word is not an English word
    count    N x u8: how many records the word has
    records  R x (u8 language index, u8 quantised zipf): the other languages that use the word

Zipf values are quantised to steps of 1/20 (a zipf of 3.45 is stored as 69). A zipf is the
base-10 logarithm of a word's frequency per billion words: 7 for "the", 3 for "tremble", 1 for
words seen once in a hundred million.
"""

from __future__ import annotations

import array
import binascii
import bisect
import contextlib
import gc
import math
import mmap
import re
import struct
import threading
import unicodedata
import weakref
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textlint.document import Document

VERSION = 3
MAGIC = b"TLLX"
SCALE = 20.0
FILE_NAME = f"lexicon-v{VERSION}.bin"
BUCKET_BITS = 16

# Every Latin-script language wordfreq covers, with its English name. English comes first.
LANGUAGES: dict[str, str] = {
    "en": "English", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "es": "Spanish", "fi": "Finnish", "fil": "Filipino", "fr": "French", "hu": "Hungarian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "lt": "Lithuanian", "lv": "Latvian",
    "ms": "Malay", "nb": "Norwegian", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "sh": "Serbo-Croatian", "sk": "Slovak", "sl": "Slovenian", "sv": "Swedish",
    "tr": "Turkish", "vi": "Vietnamese",
}
# English words rarer than this are left out (wordfreq's English list goes down to 1.0).
ENGLISH_MIN_ZIPF = 1.0
# Foreign words rarer than this in their own language are left out of the table: the letter
# model weighs them nearly as well (measured in docs/translation.md), and they would triple the
# table. Languages whose list is long (wordfreq's "large" lists) keep more of their words.
FOREIGN_MIN_ZIPF = 2.5
FOREIGN_MIN_ZIPF_SMALL = 3.5
# ... and at most about this many words per language (richly inflected languages such as
# Finnish or Czech would otherwise fill the table with forms the letter model recognises).
FOREIGN_MAX_WORDS = 50_000
# Forms that lost their one non-ASCII letter are recorded for words at least this frequent,
# this much rarer than the word.
STRIPPED_MIN_ZIPF = 3.0
STRIPPED_PENALTY = 0.5
# A foreign entry is kept only when the word is at most this much less frequent there than in
# English: words much rarer abroad than at home (English loans in other corpora) add nothing.
FOREIGN_MAX_DEFICIT = 0.5


def normalize(word: str) -> str:
    """The key a word is stored under: NFC, lower case, straight apostrophe."""
    if not word.isascii():
        word = unicodedata.normalize("NFC", word).replace("’", "'")
    return word.lower()


def word_hash(key: str) -> int:
    """A 40-bit hash of a key: CRC-32 and 8 bits of CRC-16 (two different polynomials, so
    together as discriminating as a 40-bit CRC), computed in C several times faster than a
    cryptographic digest, which matters when the table is built from millions of words."""
    data = key.encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 8) | (binascii.crc_hqx(data, 0) & 0xFF)


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
        version, n, r, nlangs = struct.unpack_from("=4I", data, 4)
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
        pos += -pos % 4
        nb = (1 << BUCKET_BITS) + 1
        view = memoryview(data)
        self._data = data
        self._buckets = view[pos : pos + 4 * nb].cast("I")
        pos += 4 * nb
        self._rstart = view[pos : pos + 4 * nb].cast("I")
        pos += 4 * nb
        self._fp16 = view[pos : pos + 2 * n].cast("H")
        pos += 2 * n
        self._fp8 = view[pos : pos + n]
        pos += n
        self._english = view[pos : pos + n]
        pos += n
        self._count = view[pos : pos + n]
        pos += n
        self._records = view[pos : pos + 2 * r]
        if len(self._records) != 2 * r:
            raise ValueError("truncated lexicon file")
        self.size = n

    def _find(self, key: str) -> tuple[int, int, int]:
        """(word index, bucket, bucket's first word), or index -1."""
        h = word_hash(key)
        b = h >> 24
        k16 = (h >> 8) & 0xFFFF
        k8 = h & 0xFF
        lo = self._buckets[b]
        hi = self._buckets[b + 1]
        fp16 = self._fp16
        i = bisect.bisect_left(fp16, k16, lo, hi)
        while i < hi and fp16[i] == k16:
            if self._fp8[i] == k8:
                return i, b, lo
            i += 1
        return -1, b, lo

    def entry(self, word: str) -> Entry | None:
        """The word's zipf per language, or None when no language of the table uses it."""
        i, b, lo = self._find(normalize(word))
        if i < 0:
            return None
        count = self._count[i]
        others: dict[str, float] = {}
        if count:
            start = 2 * (self._rstart[b] + sum(self._count[lo:i]))
            recs = self._records[start : start + 2 * count]
            langs = self.langs
            others = {langs[recs[j]]: recs[j + 1] / SCALE for j in range(0, len(recs), 2)}
        return Entry(self._english[i] / SCALE, others)

    def zipf(self, word: str, lang: str = "en") -> float:
        """Zipf frequency of ``word`` in ``lang`` (0.0 when the table does not hold it)."""
        if lang == "en":
            i = self._find(normalize(word))[0]
            return self._english[i] / SCALE if i >= 0 else 0.0
        e = self.entry(word)
        return e.zipf(lang) if e else 0.0

    def is_word(self, word: str, lang: str = "en", min_zipf: float = 0.0) -> bool:
        z = self.zipf(word, lang)
        return z > 0.0 and z >= min_zipf


# --- the words of a document, shared by the rules that use the lexicon -------------------------

_TEXTS: weakref.WeakKeyDictionary[Any, tuple[list[str], frozenset[str]]] = (
    weakref.WeakKeyDictionary()
)


def word_texts(doc: Document) -> tuple[list[str], frozenset[str]]:
    """The texts of the document's words in order, and the set of them (computed once per
    document for every rule that looks words up)."""
    got = _TEXTS.get(doc)
    if got is None:
        texts = doc.word_columns[2]
        got = (texts, frozenset(texts))
        _TEXTS[doc] = got
    return got


# --- building -------------------------------------------------------------------------------

_SHAPE = r"^[\p{Latin}\p{M}]+(?:'[\p{Latin}\p{M}]+)*$"


def _buckets_from_freqs(freqs: Mapping[str, float]) -> Iterator[tuple[int, list[str]]]:
    """(quantised zipf, words) groups of a word -> frequency mapping (used by tests)."""
    groups: dict[int, list[str]] = {}
    for word, freq in freqs.items():
        if freq > 0.0:
            q = round((math.log10(freq) + 9.0) * SCALE)
            groups.setdefault(q, []).append(word)
    for q in sorted(groups):
        yield q, groups[q]


def _buckets_from_wordfreq(lang: str) -> list[tuple[int, list[str]]]:
    """wordfreq's own layout: a list of word lists, one per centibel below zipf 9. Reading it
    directly (rather than as a word -> frequency dict) keeps the build to a few seconds; and
    past wordfreq's cache, so that only one language is in memory at a time."""
    import wordfreq

    read = getattr(wordfreq.get_frequency_list, "__wrapped__", wordfreq.get_frequency_list)
    pack: list[list[str]] = read(lang, "best")
    return [(round((9.0 - index / 100.0) * SCALE), pack[index])
            for index in range(len(pack) - 1, -1, -1) if pack[index]]


def _read(groups: list[tuple[int, list[str]]], floor: float = 0.0, cap: int = 0
          ) -> tuple[dict[str, int], int]:
    """Normalised word -> quantised zipf (the highest among its spellings) of the words at
    least ``floor`` frequent (and of about the ``cap`` most frequent ones), and the depth of
    the list (its smallest quantised zipf). ``groups`` go from rare to frequent."""
    import regex

    shape = regex.compile(_SHAPE, regex.M)
    table: dict[str, int] = {}
    lowest = min((q for q, _ in groups), default=255)
    qmin = round(floor * SCALE)
    if cap:
        seen = 0
        for q, words in reversed(groups):
            seen += len(words)
            if seen > cap:
                qmin = max(qmin, q + 1)
                break
    for q, words in groups:
        if q < qmin:
            continue
        q = max(1, min(255, q))
        text = "\n".join(words)
        if not text.isascii():
            text = unicodedata.normalize("NFC", text).replace("’", "'")
        # Later (more frequent) groups overwrite earlier ones: each word keeps its highest zipf.
        table.update(dict.fromkeys(shape.findall(text.lower()), q))
    return table, max(0, min(255, lowest))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _stripped(table: dict[str, int], english: dict[str, int]) -> dict[str, int]:
    """Words that lost their one non-ASCII letter, as broken encodings leave them in scraped
    text ("también" -> "tambin", "límites" -> "lmites"), recorded as forms of the word
    (STRIPPED_PENALTY rarer) when the damaged form is no word of English or of that language."""
    qmin = round(STRIPPED_MIN_ZIPF * SCALE)
    penalty = round(STRIPPED_PENALTY * SCALE)
    out: dict[str, int] = {}
    for word, q in table.items():
        if q >= qmin and not word.isascii():
            bare, n = _NON_ASCII.subn("", word)
            if n == 1 and len(bare) >= 4 and bare not in table and bare not in english:
                out[bare] = max(out.get(bare, 0), q - penalty)
    return out


def build_table(sources: Mapping[str, Mapping[str, float]] | None = None) -> bytes:
    """Derive the table from wordfreq's lists (a few seconds; done once per version).
    ``sources`` (language -> word -> frequency, English first) replaces wordfreq in tests."""
    with _no_gc():
        return _build(sources, chars=False)[0]


def build_both() -> tuple[bytes, bytes]:
    """The table and the letter model, from one reading of wordfreq's lists."""
    with _no_gc():
        table, chars = _build(None, chars=True)
    assert chars is not None
    return table, chars


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The build makes millions of small objects and no cycles: the cyclic collector would
    rescan wordfreq's lists over and over and triple the build time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(sources: Mapping[str, Mapping[str, float]] | None, chars: bool
           ) -> tuple[bytes, bytes | None]:
    langs = list(sources) if sources is not None else list(LANGUAGES)
    english: dict[str, int] = {}
    others: dict[str, list[tuple[int, int]]] = {}
    depth: list[int] = []  # quantised smallest zipf of each list
    trigrams: list[dict[str, float]] = []
    for li, lang in enumerate(langs):
        groups = (list(_buckets_from_freqs(sources[lang])) if sources is not None
                  else _buckets_from_wordfreq(lang))
        if chars:
            trigrams.append(_trigram_counts(groups))
        if li == 0:
            english, lowest = _read(groups, ENGLISH_MIN_ZIPF)
            depth.append(lowest)
            continue
        lowest = max(0, min((q for q, _ in groups), default=255))
        depth.append(lowest)
        floor = FOREIGN_MIN_ZIPF if lowest / SCALE < 2.0 else FOREIGN_MIN_ZIPF_SMALL
        table, _ = _read(groups, floor, FOREIGN_MAX_WORDS)
        deficit = round(FOREIGN_MAX_DEFICIT * SCALE)
        for word in table.keys() & english.keys():
            if table[word] < english[word] - deficit:
                del table[word]
        table.update(_stripped(table, english))
        for word, q in table.items():
            recs = others.get(word)
            if recs is None:
                others[word] = [(li, q)]
            else:
                recs.append((li, q))
    # A 40-bit collision among a million words is rare; should one occur, the word first in
    # alphabetical order wins (whatever the hash seed: the build is reproducible).
    every = list(english.keys() | others.keys())
    keys = list(map(word_hash, every))
    by_hash = dict(zip(keys, every, strict=True))
    if len(by_hash) < len(every):
        for h, w in zip(keys, every, strict=True):
            if w < by_hash[h]:
                by_hash[h] = w
    hashes = sorted(by_hash)
    words = [by_hash[h] for h in hashes]
    nb = 1 << BUCKET_BITS
    buckets = [0] * (nb + 1)
    rstart = [0] * (nb + 1)
    for h in hashes:
        buckets[(h >> 24) + 1] += 1
    no_recs: list[tuple[int, int]] = []
    recs_of = [others.get(w, no_recs) for w in words]
    for h, recs in zip(hashes, recs_of, strict=True):
        if recs:
            rstart[(h >> 24) + 1] += len(recs)
    for b in range(nb):
        buckets[b + 1] += buckets[b]
        rstart[b + 1] += rstart[b]
    fp16 = array.array("H", [(h >> 8) & 0xFFFF for h in hashes])
    fp8 = bytes([h & 0xFF for h in hashes])
    eng = bytes([english.get(w, 0) for w in words])
    count = bytes([len(r) for r in recs_of])
    records = bytes([x for recs in recs_of for rec in recs for x in rec])
    n = len(eng)
    head = bytearray(MAGIC)
    head += struct.pack("=4I", VERSION, n, len(records) // 2, len(langs))
    head += "\0".join(langs).encode("ascii") + b"\n"
    head += bytes(depth)
    head += bytes(-len(head) % 4)
    body = head + struct.pack(f"={nb + 1}I", *buckets) + struct.pack(f"={nb + 1}I", *rstart)
    body += fp16.tobytes() + fp8 + eng + count + records
    return bytes(body), (_chars_bytes(langs, trigrams) if chars else None)


_LOCK = threading.Lock()
_LOADED: Lexicon | None = None


def table_path() -> Path:
    from textlint.cache import cache_dir

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
    from textlint.cache import cache_dir, write_atomic

    try:
        return _open(path)
    except (OSError, ValueError, struct.error):
        pass
    # The letter model is built from the same lists: build it in the same pass rather than
    # read them all again for the first word no list holds.
    chars = cache_dir() / CHARS_FILE
    if _chars_ok(chars):
        data = build_table()
    else:
        data, raw = build_both()
        with contextlib.suppress(OSError):
            write_atomic(chars, raw)
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
CHARS_MIN_ZIPF = 2.0   # words this frequent or more teach the letter model ...
CHARS_MAX_WORDS = 30_000  # ... the most frequent of them, up to this many per language
CHARS_UNSEEN = -4.0    # log10 probability of a letter after an unseen pair
CHARS_SCALE = 40.0
CHARS_BAND = 10        # quantised zipf steps (of 1/20) per frequency band


class CharModel:
    """Letter-trigram models per language (log10 P(letter | two letters before)), to weigh
    words that no word list holds: inflected forms, rare words, words that lost a letter."""

    def __init__(self, langs: tuple[str, ...], codes: bytes, rows: bytes) -> None:
        self.langs = langs
        self.index = {lang: i for i, lang in enumerate(langs)}
        self._rows = rows
        self._width = len(langs)
        # Sorted trigram codes (see _code), searched in place: nothing to build at load time.
        self._codes = memoryview(codes).cast("Q")
        self._n = len(self._codes)
        self._memo: dict[str, int] = {}

    def _row(self, trigram: str) -> int:
        """Offset of the trigram's row in ``rows``, or -1."""
        at = self._memo.get(trigram)
        if at is None:
            code = _code(trigram)
            i = bisect.bisect_left(self._codes, code)
            at = i * self._width if i < self._n and self._codes[i] == code else -1
            if len(self._memo) > 100_000:
                self._memo.clear()
            self._memo[trigram] = at
        return at

    def scores(self, word: str) -> dict[str, float]:
        """Average log10 probability per letter of ``word`` under each language's model."""
        padded = f"^^{normalize(word)}$"
        n = len(padded) - 2
        width = self._width
        totals = [0.0] * width
        row = self._row
        rows = self._rows
        for i in range(n):
            at = row(padded[i : i + 3])
            if at < 0:
                for j in range(width):
                    totals[j] += CHARS_UNSEEN
            else:
                for j, q in enumerate(rows[at : at + width]):
                    totals[j] += -q / CHARS_SCALE if q else CHARS_UNSEEN
        return {lang: totals[i] / n for i, lang in enumerate(self.langs)}


def build_chars() -> bytes:
    with _no_gc():
        langs = list(LANGUAGES)
        return _chars_bytes(langs, [_trigram_counts(_buckets_from_wordfreq(lang))
                                    for lang in langs])


def _trigram_counts(groups: Iterable[tuple[int, list[str]]]) -> dict[str, float]:
    """Weighted letter-trigram counts of one language's list."""
    import re
    from collections import Counter

    import regex

    shape = regex.compile(_SHAPE, regex.M)
    trigram = re.compile(r"[^\n]{3}")
    qmin = round(CHARS_MIN_ZIPF * SCALE)
    # Words in bands of similar frequency, counted together (a few dozen C-level passes per
    # language instead of one per wordfreq bucket).
    bands: dict[int, list[str]] = {}
    taken = 0
    for q, words in sorted(groups, key=lambda g: -g[0]):
        if q < qmin or taken >= CHARS_MAX_WORDS:
            break
        taken += len(words)
        bands.setdefault(q // CHARS_BAND, []).append("\n".join(words))
    tri: dict[str, float] = {}
    for band, parts in bands.items():
        text = "\n".join(parts)
        if not text.isascii():
            text = unicodedata.normalize("NFC", text).replace("’", "'")
        body = "$\n".join(shape.findall(text.lower())) + "$"
        # Every trigram of "^^word$": those at offsets 0, 3, ... of each line, then 1, 4, ...
        # and 2, 5, ... (a match never spans a line break).
        found: Counter[str] = Counter()
        for padded in ("^^" + body.replace("\n", "\n^^"), "^" + body.replace("\n", "\n^"),
                       body):
            found.update(trigram.findall(padded))
        # Types, lightly weighted by frequency: the letter shapes of a language's words.
        weight = (band + 0.5) * CHARS_BAND / SCALE - CHARS_MIN_ZIPF + 1.0
        for key, c in found.items():
            tri[key] = tri.get(key, 0.0) + c * weight
    return tri


def _code(trigram: str) -> int:
    """A trigram as one integer (three code points of 21 bits)."""
    return (ord(trigram[0]) << 42) | (ord(trigram[1]) << 21) | ord(trigram[2])


def _chars_bytes(langs: list[str], counts: list[dict[str, float]]) -> bytes:
    import marshal

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
    keys = sorted(table, key=_code)
    codes = array.array("Q", [_code(k) for k in keys]).tobytes()
    rows = b"".join(bytes(table[k]) for k in keys)
    return marshal.dumps((VERSION, tuple(langs), codes, rows))


_CHARS: CharModel | None = None


def _read_chars(raw: bytes) -> CharModel:
    import marshal

    version, langs, codes, rows = marshal.loads(raw)
    if version != VERSION:
        raise ValueError("old trigram table")
    return CharModel(tuple(langs), codes, rows)


def _chars_ok(path: Path) -> bool:
    try:
        _read_chars(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return False
    return True


def load_chars() -> CharModel:
    """The shared letter model: read from the cache, built there first if missing."""
    from textlint.cache import cache_dir, write_atomic

    global _CHARS
    if _CHARS is not None:
        return _CHARS
    with _LOCK:
        if _CHARS is None:
            path = cache_dir() / CHARS_FILE
            try:
                _CHARS = _read_chars(path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                raw = build_chars()
                with contextlib.suppress(OSError):  # a read-only cache: keep it in memory
                    write_atomic(path, raw)
                _CHARS = _read_chars(raw)
    return _CHARS
