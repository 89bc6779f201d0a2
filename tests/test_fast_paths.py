"""The shortcuts taken for speed give the same results as the plain computations they replace."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.api import all_rules
from textlint.checks import _layout, lines, repeated_punctuation, repetition
from textlint.checks.base import CheckContext
from textlint.checks.duplicated_paragraph import _ASCII_SPACE, _WIDE_SPACE, _copies, _paragraphs
from textlint.checks.repetition import (
    _BLOCK_BREAK,
    _MAX_PHRASE,
    Repetition,
    RepetitionOptions,
)
from textlint.diagnostics import Finding
from textlint.document import WORD, Document, Token
from textlint.options import parse_options

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


# --- doubled-word: candidates picked a document at a time --------------------------------

DOUBLES = st.sampled_from(
    ["the the", "The\nthe", "that that that", "at the end at the end", "United States United",
     "New York New", "a-b c-d e-f a-b c-d e-f", "don't don't", "\n\n", " \n \n", "ha ha",
     "E.ON on", "Kim Jong Kim", "ΣΑΣ σας", "İ i̇", "𝐀 𝐀", "x.", "day by day"]
)
DOUBLED_TEXTS = st.lists(st.one_of(PIECES, DOUBLES), max_size=40).map(" ".join)
OPTIONS = st.sampled_from([{}, {"phrases": False}, {"partial": False}])


def plain_candidates(check: Repetition, words: list[Token]) -> list[int]:
    lows = [t.text.lower() for t in words]
    found = set()
    for k in range(len(words)):
        for n in range(1, _MAX_PHRASE + 1 if check.options.phrases else 2):
            if k + 2 * n <= len(words) and lows[k : k + n] == lows[k + n : k + 2 * n]:
                found.add(k)
        if check.options.phrases and check.options.partial and k + 2 < len(words):
            a, b, c = words[k].text, words[k + 1].text, words[k + 2].text
            if a[:1].isupper() and b[:1].isupper() and a == c:
                found.add(k)
    return sorted(found)


def blockwise(check: Repetition, doc: Document) -> list[Finding]:
    """Every word of every block scanned, as before candidates were picked."""
    prose = doc.prose
    out: list[Finding] = []
    start = 0
    for brk in (*_BLOCK_BREAK.finditer(prose), None):
        end = len(prose) if brk is None else brk.start()
        toks = [t for t in doc.words if start <= t.start < end]
        out.extend(check._scan_all(prose, toks, [t.text.lower() for t in toks]))
        if brk is not None:
            start = brk.end()
    return out


@settings(max_examples=400, deadline=None)
@given(DOUBLED_TEXTS, OPTIONS)
def test_doubled_word_candidates_lose_nothing(text: str, options: dict[str, bool]) -> None:
    rule = all_rules()["doubled-word"]
    context = CheckContext(rule.id, rule.message)
    check = Repetition(parse_options(RepetitionOptions, options), context)
    doc = Document(text)
    assert list(check.check(doc)) == blockwise(check, doc)


LONG_WORDS = st.sampled_from(["x" * 255, "x" * 256, "X" * 300, "the"])


@settings(max_examples=400, deadline=None)
@given(st.one_of(DOUBLED_TEXTS, st.lists(st.one_of(PIECES, DOUBLES, LONG_WORDS), max_size=40)
                 .map(" ".join)), OPTIONS)
def test_doubled_word_candidates_are_the_plain_ones(text: str, options: dict[str, bool]) -> None:
    # Lengths stand in for words in the first comparison of longer phrases, and a word too
    # long for a byte of length takes the plain way: neither may lose or add a candidate.
    rule = all_rules()["doubled-word"]
    check = Repetition(parse_options(RepetitionOptions, options),
                       CheckContext(rule.id, rule.message))
    words = Document(text).words
    texts = [t.text for t in words]
    lows = [t.lower() for t in texts]
    assert check._candidates(texts, lows) == plain_candidates(check, words)


# --- duplicated-paragraph: paragraphs grouped without their white space first -------------

def test_white_space_is_what_split_splits_at() -> None:
    every = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert _ASCII_SPACE.decode() + _WIDE_SPACE == every


SPACES = st.sampled_from([" ", "  ", "\n", " \n", "\t", "\r\n", "\xa0", "\u3000", "\x1c", "\x85",
                          "\u2028", ""])
PARAGRAPH_WORDS = st.sampled_from(["a", "ab", "b", "a b", "é", "\u0301", "\ud800", "日本", "x.",
                                   "\xa0x", "ü"])
PARAGRAPHS = st.lists(st.tuples(st.lists(st.tuples(PARAGRAPH_WORDS, SPACES), max_size=4),
                                st.sampled_from(["\n\n", "\n \n", "\n\u3000\n\n"])),
                      max_size=8)


@settings(max_examples=400, deadline=None)
@given(PARAGRAPHS)
def test_paragraph_copies_are_the_plain_ones(parts: list[tuple[list[tuple[str, str]], str]]
                                             ) -> None:
    text = "".join("".join(w + s for w, s in words) + brk for words, brk in parts)
    paragraphs = list(_paragraphs(text))
    plain: dict[str, list[tuple[int, int]]] = {}
    for start, end in paragraphs:
        plain.setdefault(" ".join(text[start:end].split()), []).append((start, end))
    assert _copies(text, paragraphs) == {k: v for k, v in plain.items() if len(v) > 1}


# --- lines: the standard engine on ASCII text -----------------------------------------------

def test_ascii_classes_of_the_lines_kind_agree_with_the_exact_ones() -> None:
    # On ASCII text the line index and the word split use the standard engine, with classes
    # written out for ASCII: they must hold exactly the characters the exact classes hold.
    exact_sep = regex.compile(lines._SEP)
    exact_word = regex.compile(r"[\p{L}\p{N}]")
    ascii_sep = re.compile(f"[{lines._ASCII_SEP}]")
    for c in map(chr, range(128)):
        assert bool(exact_sep.match(c)) == bool(ascii_sep.match(c)), repr(c)
        assert bool(exact_word.match(c)) == bool(re.match("[A-Za-z0-9]", c)), repr(c)
        assert (c in lines._APOSTROPHE) == (c in "'`"), repr(c)


ASCII_LINES = st.lists(st.sampled_from(
    ["a", "Read", "more", "don't", "a`b", "12", " ", "  ", "*", "-", ":", "\"", "'", "_", "\t",
     "\r", "\0", "\n", "\n\n", "Leave a Reply"]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(ASCII_LINES)
def test_lines_ascii_paths_match_the_exact_patterns(text: str) -> None:
    assert lines._ASCII_LINE_FIRST_WORD.findall(text) == lines._LINE_FIRST_WORD.findall(text)
    assert lines._ASCII_TOKEN_PIECES.split(text) == lines._TOKEN_PIECES.split(text)


# --- repeated-punctuation: the patterns tried only where a slip or a run can start ---------

MARKS = st.lists(st.sampled_from(list(",,..;;??!!”\"’'»aB1 )]/\\\n\0é")), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(MARKS)
def test_punctuation_slips_are_what_a_full_search_finds(text: str) -> None:
    def spans(matches: Iterable[regex.Match[str]]) -> list[tuple[tuple[int, int], str | None]]:
        return [(m.span(), m.lastgroup) for m in matches]

    assert spans(repeated_punctuation._defects(text)) == \
        spans(repeated_punctuation._DEFECTS.finditer(text))
    first = repeated_punctuation._first_emphasis_pair(text)
    runs = [] if first < 0 else repeated_punctuation._EMPHASIS.finditer(text, first)
    assert spans(runs) == spans(repeated_punctuation._EMPHASIS.finditer(text))


DOUBLES = st.lists(st.sampled_from(
    ["the", "The", "THE", "the the", "The the", "at the end At The end", "New York New", "x" * 256,
     "ha ha", "Kim Jong Kim", "a", "B", "7", " ", "\n", "\n\n", ".", "don't", "a-b", "“", "é",
     "École école", "ÉCOLE", "straße STRASSE", "ǅemal ǆemal", "Σίσυφος ΣΊΣΥΦΟΣ", "ﬁn FIN",
     "\u212aelvin kelvin", "\u212a k", "Ǆ", "Ωmega", "ÀB", "àb", "Ünter", "Ωmega Ψi Ωmega"]),
    max_size=40).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(DOUBLES, OPTIONS)
def test_doubled_word_length_candidates_are_the_plain_ones(text: str,
                                                           options: dict[str, bool]) -> None:
    # Without İ, lower case keeps lengths: words are compared only where their lengths agree.
    rule = all_rules()["doubled-word"]
    check = Repetition(parse_options(RepetitionOptions, options),
                       CheckContext(rule.id, rule.message))
    doc = Document(text)
    words = doc.words
    got = check._length_candidates([t.text for t in words],
                                   repetition._firsts(doc.prose, doc.word_columns[0]))
    assert got is None or got == plain_candidates(check, words)


# --- code lines: searched only on the lines that hold an anchor ----------------------------

CODE_PIECES = st.lists(st.sampled_from(
    ["x", " ", "=", "==", "!=", "<=", "->", ")", "(", "\"", "'", "\n", "\t", "a(", "f='", "ab",
     " = ", ") -> y", "==>", "é", "\0", "\r\n"]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(CODE_PIECES)
def test_code_lines_are_the_lines_a_full_search_finds(text: str) -> None:
    doc = Document(text)
    prose = doc.prose
    want: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    for span in doc.lines:  # every line asked, not only those with an anchor
        code, literal = _layout.line_kind(prose, span.start, span.end)
        if code:
            want[0].append((span.start, span.end))
        if literal:
            want[1].append((span.start, span.end))
    assert [(s.start, s.end) for s in _layout.code_lines(doc)] == want[0]
    assert [(s.start, s.end) for s in _layout.code_lines(doc, literal=True)] == want[1]


# --- identifiers in prose: searched only on the lines that hold a "_" or a "(" ------------

IDENTIFIER_PIECES = st.lists(st.sampled_from(
    ["a", "read_text", "_x", "x_", "os.path.join(", "keys()", "f(", "()", "(", ")", "_", ".",
     "@", "#", " ", "\n", "\r", "\u2028", "é", "B", "7", "ab.c("]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(IDENTIFIER_PIECES, st.integers(min_value=1, max_value=4))
def test_prose_identifiers_are_what_a_full_search_counts(text: str, enough: int) -> None:
    full = sum(1 for _ in _layout._PROSE_IDENTIFIER.finditer(text))
    assert _layout.prose_identifiers(text, enough) == min(full, enough)


# --- untranslated-fragment: chunks whose best span cannot pay its boundaries are skipped --

FRAGMENT_PIECES = st.lists(st.sampled_from(
    ["the", "minister", "said", "that", "disse", "Kim", "que", "não", "é", "possível",
     "Coreia", "do", "Norte", "la", "femme", "de", "chambre", "buon", "giorno", "und", "nicht",
     "café", "status", "quo", "Tolosa", "tuluz", "km", "25", "Жена", "a", "an", " ", " ", " ",
     "  ", ", ", ". ", "; ", ": ", "\n", "\n\n", "[", "]", "(", ")", "“", "”", "\"", "‹",
     "›", "«", "»", "„", "—", "'", "-", "...", "\0", "und", "der", "Sehr", "gut", "Bahnhof",
     "ist"]), max_size=50).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(FRAGMENT_PIECES)
@example("He said und ‹Sehr gut› and left.")
@example("Notes.\n\n[... the Bahnhof ist closed]")
def test_pruned_chunks_hold_no_span(text: str) -> None:
    from textlint.checks import foreign_span
    from textlint.lexicon import load_lexicon

    lexicon = load_lexicon()
    model = foreign_span.Model(lexicon, "en", list(lexicon.langs), [])
    pruned = foreign_span.analyse(Document(text), model)
    foreign_span.PRUNE = False
    try:
        full = foreign_span.analyse(Document(text), model)
    finally:
        foreign_span.PRUNE = True
    assert pruned == full
