"""The shared lexicon: its file format, its contents, and how fast it is ready."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlint import lexicon
from textlint.lexicon import Lexicon, build_table, load_chars, load_lexicon, normalize


def test_format_round_trip() -> None:
    sources = {
        "en": {"the": 0.05, "expresses": 4e-6, "café": 5e-6, "de": 1e-4},
        "pt": {"de": 0.04, "disse": 5e-4, "café": 1e-4, "the": 1e-7, "x1": 1e-3},
        "fr": {"de": 0.04, "café": 6e-5, "l’homme": 1e-5},
    }
    lex = Lexicon(build_table(sources))
    assert lex.langs == ("en", "pt", "fr")
    assert lex.zipf("the") == pytest.approx(7.7, abs=0.05)
    assert lex.zipf("disse") == 0.0
    entry = lex.entry("disse")
    assert entry is not None and entry.zipf("pt") == pytest.approx(5.7, abs=0.05)
    # "the" is far rarer in Portuguese than in English: no Portuguese entry is kept.
    the = lex.entry("the")
    assert the is not None and "pt" not in the.others
    # Keys are normalised: case, NFC, curly apostrophes.
    assert lex.entry("L'Homme") is not None
    assert lex.entry("x1") is None  # not a word
    assert lex.entry("nonexistent") is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("Caf\u0065\u0301", "café", id="nfc"),
        pytest.param("D’État", "d'état", id="apostrophe-case"),
        pytest.param("plain", "plain", id="ascii"),
    ],
)
def test_normalize(word: str, expected: str) -> None:
    assert normalize(word) == expected


@pytest.mark.parametrize(
    ("word", "lang", "low", "high"),
    [
        pytest.param("the", "en", 7.0, 8.0, id="the"),
        pytest.param("aardvark", "en", 1.5, 3.5, id="aardvark"),
        pytest.param("bookkeeper", "en", 2.0, 4.0, id="bookkeeper"),
        pytest.param("disse", "pt", 5.0, 6.5, id="disse-pt"),
        pytest.param("coreia", "pt", 3.5, 5.0, id="coreia-pt"),
        pytest.param("eexpresses", "en", 0.0, 0.0, id="typo"),
    ],
)
def test_frequencies(word: str, lang: str, low: float, high: float) -> None:
    entry = load_lexicon().entry(word)
    z = entry.zipf(lang) if entry else 0.0
    assert low <= z <= high


def test_warm_start_maps_the_cached_table() -> None:
    load_lexicon()  # built or found in the cache
    with Path(lexicon.table_path()).open("rb") as fh:
        import mmap

        lex = Lexicon(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
        assert lex.zipf("expresses") > 3.0


def test_table_is_compact() -> None:
    load_lexicon()
    size = lexicon.table_path().stat().st_size
    print(f"lexicon table {size / 1e6:.1f} MB, {load_lexicon().size} words")
    assert size < 9_000_000


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        pytest.param("tambin", "es", id="también"),
        pytest.param("lmites", "es", id="límites"),
        pytest.param("nmeros", "es", id="números"),
    ],
)
def test_words_that_lost_a_letter(word: str, lang: str) -> None:
    entry = load_lexicon().entry(word)
    assert entry is not None and entry.english == 0.0 and entry.zipf(lang) >= 3.0


def test_lost_letter_forms_are_not_invented_for_words() -> None:
    sources = {
        "en": {"the": 0.05, "cafe": 1e-5, "prt": 1e-6},
        "fr": {"forêt": 1e-3, "élan": 1e-4, "déjà": 1e-4, "café": 1e-3, "prêt": 1e-3},
    }
    lex = Lexicon(build_table(sources))
    lost = lex.entry("fort")  # forêt lost its ê
    assert lost is not None and lost.english == 0.0 and lost.zipf("fr") == 5.5
    assert lex.entry("forêt") is not None
    prt = lex.entry("prt")  # a word of English (here): no French reading is added
    assert prt is not None and prt.others == {}
    assert lex.entry("lan") is None  # too short to be recognisable
    assert lex.entry("dj") is None  # two letters lost


def test_letter_model_prefers_the_right_language() -> None:
    chars = load_chars()
    es = chars.scores("clasificacion")
    en = chars.scores("classification")
    assert es["es"] > es["en"]
    assert en["en"] > en["es"]
