"""doubled-letter-typo: a word with one letter too many in a doubled pair (``eexpresses``).

A word is reported when it is not a word of the language (absent from the shared lexicon, or
rarer than ``max-word-zipf`` there: the web's own typos such as "thhe" are in wordfreq's data at
low frequency) and removing one letter of a doubled pair gives a frequent word. Real words
(aardvark, skiing, vacuum, bookkeeper) are in the lexicon and never reported; neither are
names (capitalised inside a sentence), acronyms, words with digits, or words that are frequent
in another language (untranslated-fragment's business).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, count

import regex

from textlint import regexcache
from textlint.checks._language import primary
from textlint.checks._layout import code_blocks, code_words, in_code, starts_line, writes_code
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document, WordView
from textlint.lexicon import LANGUAGES, Lexicon, load_lexicon, word_texts

# Two or more of the same letter in a row.
_RUN = regexcache.compile(r"(\p{L})\1+", regex.V1)
_PART = regexcache.compile(r"\p{L}+", regex.V1)
# Any character twice in a row (not a line break, which no word holds).
_TWICE = re.compile(r"(.)\1")
_SENTENCE_START = regexcache.compile(r"(?:^|[.!?]\W*|\n\W*|[“\"‘(\[]\W*)$")


@dataclass(frozen=True)
class DoubledLetterOptions:
    # The corrected word must be at least this frequent (zipf) in the language.
    min_zipf: float = 3.0
    # The word itself must be rarer than this (0 = not in the lexicon at all).
    max_word_zipf: float = 2.0
    # ... and the correction this much more frequent than the word.
    min_gain: float = 2.0
    # A word at least this frequent in another language is left to untranslated-fragment.
    foreign_zipf: float = 3.0


# Longer "words" are not judged: the longest words of the lexicons have about 30 letters.
MAX_WORD = 45

# Characters of code glued to a word: zipp>=3.20, name=='fuu', ssize_t, /usr/lib, $HOME,
# mmap(), a call's dotted name or a file's extension (.bashrc, thhe.txt).
_CODE_GLUE = frozenset("=<>_/\\@#$`")
_CODE_AFTER = frozenset("(")
# How often a document writes an unknown word before it is the document's own term (a tool
# such as ccache or mmap), when the document also writes code.
TERM_REPEATS = 3  # (twice is not enough: a typo made twice, committment, is still a typo)


def _in_code(doc: Document, prose: str, blocks: list[Span], start: int, end: int,
             text: str) -> bool:
    """The word is code: in a session or literal block, glued to an operator, or written by
    the document in its code or URLs too (a package name: `pip install zipp`)."""
    if blocks and in_code(blocks, start):
        return True
    before = prose[start - 1] if start else ""
    if before and before in _CODE_GLUE and not (
            before == ">" and starts_line(prose, start - 1, " \t>")):
        return True  # (but a ">" that begins its line quotes an e-mail: >thhe plan)
    if before == "." and start > 1 and not prose[start - 2].isspace():
        return True  # a dotted name or an extension: os.ffork, archive.tarr
    if before == "-" and (start < 2 or prose[start - 2] in " \t\n\0-"):
        return True  # a command-line option: -ffold-simple-inlines, --ffast
    after = prose[end] if end < len(prose) else ""
    if after and (after in _CODE_GLUE or after in _CODE_AFTER or (
            after == "." and prose[end + 1 : end + 2].isalnum())):
        return True
    return bool(doc.masked) and text.casefold() in code_words(doc)


class DoubledLetter(Check):
    Options = DoubledLetterOptions
    PARAMS = frozenset(("word", "suggestion", "suggestions"))

    def __init__(self, options: DoubledLetterOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        self.options: DoubledLetterOptions = options
        self._lex: Lexicon | None = None
        self._memo: dict[str, tuple[str, ...]] = {}
        self._checked: dict[str, tuple[set[str], set[str]]] = {}

    def note(self, language: str) -> str | None:
        return None if primary(language) in LANGUAGES else "no word data for it"

    def check(self, doc: Document) -> Iterable[Finding]:
        lang = primary(doc.language or "en")
        prose = doc.prose
        # Tokens are made only for the suspects.
        words = WordView(doc.word_columns)
        texts, distinct = word_texts(doc)
        # Nearly every word is a real word or has no doubled letter: each distinct word is
        # judged once per process, and set operations in C find the few suspects in a text.
        suspects = self._suspects(distinct, lang)
        if not suspects:
            return
        blocks = code_blocks(doc)
        repeats: Counter[str] | None = None
        for i in list(compress(count(), map(suspects.__contains__, texts))):
            tok = words[i]
            text = tok.text
            if any(c.isdigit() for c in text) or \
                    _in_code(doc, prose, blocks, tok.start, tok.end, text):
                continue  # (a word with digits: a hash, aarch64, utf8mb4)
            if repeats is None:
                repeats = Counter(compress(texts, map(suspects.__contains__, texts)))
            if repeats[text] >= TERM_REPEATS and writes_code(doc):
                continue  # a tool or identifier the document names again and again: ccache
            for part in _PART.finditer(text):
                word = part.group()
                if len(word) < 3 or not _RUN.search(word):
                    continue
                start = tok.start + part.start()
                if word.isupper():
                    continue
                if word[0].isupper():
                    if any(c.isupper() for c in word[1:]):
                        continue
                    if part.start() or not _SENTENCE_START.search(
                            prose, max(0, start - 4), start):
                        continue  # a name: Mississippi, Llewellyn
                lower = word.lower()
                if lower.startswith("ll"):
                    continue  # Spanish, Catalan and Welsh words and names: llama, Lloyd, lleno
                if word[0].isupper() and (lower[0] != lower[1] or self._known(lower, lang)):
                    # At a sentence start only a stutter of the first letter ("Eexpresses"),
                    # in a word the lexicon lacks: "Allton said" is a name.
                    continue
                fixes = self.candidates(lower, lang)
                if not fixes:
                    continue
                span = Span(start, start + len(word))
                if len(fixes) == 1:
                    fixed = fixes[0]
                    if word[0].isupper():
                        fixed = fixed[0].upper() + fixed[1:]
                    fix = Fix.unsafe if _letter_prefix(lower, fixes[0]) and writes_code(
                        doc) else Fix.safe
                    yield Finding(
                        span,
                        message=f"Doubled letter: “{word}” is probably “{fixed}”",
                        fix=fix(Edit.replace(span.start, span.end, fixed),
                                description=f"replace with “{fixed}”"),
                        params={"word": word, "suggestion": fixed},
                    )
                else:
                    listed = ", ".join(f"“{f}”" for f in fixes)
                    yield Finding(
                        span,
                        message=f"Doubled letter: “{word}” is probably one of {listed}",
                        params={"word": word, "suggestions": list(fixes)},
                    )

    def _suspects(self, texts: frozenset[str], lang: str) -> frozenset[str]:
        """The words of ``texts`` that have a letter too many whatever their context."""
        checked, suspects = self._checked.setdefault(lang, (set(), set()))
        new = texts - checked
        if new:
            if len(checked) > 200_000:
                checked.clear()
                suspects.clear()
            # Words with a letter twice in a row, found in C: a doubled character at all is
            # looked for first, with the standard engine, which is quicker to call.
            for text in filter(_RUN.search, filter(_TWICE.search, new)):
                if any(self.candidates(m.group().lower(), lang)
                       for m in _PART.finditer(text) if _RUN.search(m.group())):
                    suspects.add(text)
            checked |= new
        return texts & suspects

    def _known(self, word: str, lang: str) -> bool:
        if self._lex is None:
            self._lex = load_lexicon()
        return self._lex.zipf(word, lang) > 0.0

    def candidates(self, word: str, lang: str) -> tuple[str, ...]:
        key = f"{lang}:{word}"
        got = self._memo.get(key)
        if got is not None:
            return got
        if len(self._memo) > 100_000:
            self._memo.clear()
        got = self._candidates(word, lang)
        self._memo[key] = got
        return got

    def _candidates(self, word: str, lang: str) -> tuple[str, ...]:
        if self._lex is None:
            self._lex = load_lexicon()
        lex = self._lex
        if lang not in lex.langs:
            return ()
        if len(word) > MAX_WORD:
            return ()  # not a word but a string of letters (DNA, base64): each doubled pair
            # would be tried, a copy of the string apiece
        opts = self.options
        entry = lex.entry(word)
        z = entry.zipf(lang) if entry else 0.0
        if z >= opts.max_word_zipf:
            return ()
        if entry and any(v >= opts.foreign_zipf for k, v in entry.others.items() if k != lang):
            return ()
        if lang == "en" and _prefixed(word, lex):
            return ()
        found: list[str] = []
        for run in _RUN.finditer(word):
            fixed = word[: run.start()] + word[run.start() + 1 :]
            if fixed in found:
                continue
            fz = lex.zipf(fixed, lang)
            if fz >= opts.min_zipf and fz - z >= opts.min_gain:
                found.append(fixed)
        return tuple(found)


# English prefixes that make words of words: a doubled letter of "re" + "adding" is the base
# word's, or the seam's ("reenter", "nonnegative"), not a slip.
_PREFIXES = ("re", "un", "pre", "non", "dis", "mis", "sub", "over", "under", "out")
PREFIXED_BASE_ZIPF = 3.0
_VOWEL_LETTERS = frozenset("aeiouy")


def _prefixed(word: str, lex: Lexicon) -> bool:
    """Is ``word`` an English prefix and a frequent English word: readding, reenter?"""
    return any(word.startswith(p) and len(word) - len(p) >= 3 and
               lex.zipf(word[len(p) :], "en") >= PREFIXED_BASE_ZIPF for p in _PREFIXES)


def _letter_prefix(word: str, fixed: str) -> bool:
    """Does the fix drop a doubled first consonant? In a document that writes code such a
    word is as often a letter and a word run together, an identifier (mmap, fflush, ccache), as
    a slip: the fix is unsafe there (elsewhere "ssaid" is a slip)."""
    return word[0] == word[1] and word[0] not in _VOWEL_LETTERS and fixed == word[1:]


CHECK = DoubledLetter
