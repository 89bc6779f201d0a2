"""a/an chosen by the sound that follows, and stray articles before words that take none."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

from textlint import regexcache
from textlint.checks._a_an import Sound, sound_of, word_shaped_initialism
from textlint.checks._language import is_english
from textlint.checks._layout import indented_prose, writes_code
from textlint.checks._sound_table import CONSONANT, VOWEL
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

# The article, the space after it (one line break allowed), up to three opening marks (quotes,
# brackets, emphasis, masked Markdown markup) and the next word. The article must stand alone:
# not after a letter, digit, period (3.a), slash (a/an), hyphen or apostrophe.
_ARTICLE = regexcache.compile(
    r"(?<![\p{L}\p{M}\p{N}'’.\-/\\_@#&+=])(?P<art>[Aa][Nn]?)"
    r"(?P<gap>[ \t\u00a0]+|[ \t]*\r?\n[ \t]*)"
    r"(?P<open>[\"“‘'«‹(\[*_„\0]{0,3})"
    r"(?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[\-‐'’.,:/][\p{L}\p{M}\p{N}]+)*)",
    regex.V1,
)
# Where the pattern may find an article: an a or A that no letter or digit precedes, then an
# optional n and a space or line break. What ``re`` counts as a letter or digit ``regex`` does
# too (checked in the tests), so these find every article the pattern does, and more; each
# search is led by one letter, which ``re`` skips to far faster than ``regex`` skips to the
# pattern's lookbehind.
_ARTICLE_AT = tuple(
    re.compile(rf"{letter}(?<![^\W_]{letter})[Nn]?(?=[ \t\u00a0\r\n])") for letter in "aA"
)
# A word after an article is looked up once per rule; a run over many files must not keep
# every word it ever saw.
_QUIET_MAX = 50_000
_PREV_WORD = regexcache.compile(r"([\p{L}\p{M}\p{N}]+)[^\p{L}\p{M}\p{N}]*$", regex.V1)
_SENTENCE_GAP = " \t\u00a0\"“”‘’'«»‹›([{*_\0"
_SENTENCE_ENDS = ".!?:;\n\r•·–—-"
_CONTEXT_WORD = regexcache.compile(r"[\p{L}\p{M}]+", regex.V1)
# Frequent function words of the languages that write a preposition "a" (Spanish, Portuguese,
# French, Italian) or "an" (German), leaving out any that are also English words.
_FOREIGN_FUNCTION_WORDS = frozenset(
    """el los las del que y una unos unas es está están pero muy también em não com uma dos
    das pelo pela pelos nas nos ao aos à às les des du et est une avec dans sur pour pas
    sont il di che della dei nel nella sono anche und ist nicht mit auf zu dem ein eine
    einer einem einen dieser diese dieses sich auch werden wird sind oder aber""".split()  # noqa: SIM905
)


_DEFAULT_NO_ARTICLE = [
    "all", "the", "this", "these", "those", "their", "his", "its", "our", "your", "my", "every",
    "each", "both", "them", "him", "they", "we", "she", "whose", "whom", "which", "theirs",
    "any", "several",
]
_DEFAULT_VARIABLE = [
    "and", "or", "is", "are", "was", "were", "in", "on", "of", "at", "as", "if", "into",
    "onto", "upon", "unless", "until", "up", "an", "a", "i", "equals", "it", "isn't", "aren't",
    "wasn't", "etc", "vs", "versus", "to", "by", "for", "from", "has", "had", "have", "will",
    "would", "can", "could", "must", "may", "should", "and/or",
]


@dataclass(frozen=True)
class ArticleOptions:
    # Words that never follow an indefinite article; "a" before one of them is no article at
    # all, typically a preposition left over from machine translation (Portuguese "a" = "to").
    no_article_words: list[str] = field(default_factory=lambda: list(_DEFAULT_NO_ARTICLE))
    no_article_message: str = (
        "“a” before “{word}”, which takes no article: possibly a preposition left over from "
        "machine translation (e.g. Portuguese “a” = “to”)"
    )
    # Words after which "a" is a letter or variable ("a and b", "if a is"), never an article.
    variable_words: list[str] = field(default_factory=lambda: list(_DEFAULT_VARIABLE))
    # Check "a" before a word the dictionary does not know (letter-to-sound guess, unsafe fix).
    guess_unknown: bool = True


class Article(Check):
    Options = ArticleOptions
    PARAMS = frozenset(("article", "expected", "word"))

    def __init__(self, options: ArticleOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        self._no_article = frozenset(w.lower() for w in options.no_article_words)
        self._variable = frozenset(w.lower() for w in options.variable_words)
        self._quiet: dict[tuple[str, str], bool] = {}

    def note(self, language: str) -> str | None:
        return None if is_english(language) else "English only"

    def check(self, doc: Document) -> Iterable[Finding]:
        # (Markdown's masked indentation reads as spaces: "in an\n    pre-compiled".)
        prose = indented_prose(doc)
        # a/an is English grammar; French and Portuguese "a", German "an" are other words.
        if ("a" not in prose and "A" not in prose) or not is_english(doc.language):
            return
        quiet = self._quiet
        for m in _articles(prose):
            key = m.group(1, 4)  # the article and its word
            known = quiet.get(key)
            if known is None:
                if len(quiet) >= _QUIET_MAX:
                    quiet.clear()
                known = quiet[key] = self._never_reported(*key)
            if not known:
                yield from self._judge(doc, m, *key)

    def _never_reported(self, art: str, word: str) -> bool:
        """Does ``art`` before ``word`` go unreported whatever the context? Most articles are
        followed by words seen before, so their verdict is looked up; a false here only means
        that the full judgement runs."""
        low = word.lower()
        if low in ("a", "an"):
            return True
        if art == "a" and low in self._no_article:
            return False
        # Capitals are read as letters or, in shouting, as a word: the context decides.
        readings = (word, low) if word.isupper() and len(word) > 1 else (word,)
        for reading in readings:
            sound = sound_of(reading)
            if sound is None or _wanted(sound, len(art) == 2) is None:
                continue
            if sound.confident or self.options.guess_unknown:
                return False
        return True

    def _judge(self, doc: Document, m: regex.Match[str], art: str, word: str
               ) -> Iterator[Finding]:
        prose = indented_prose(doc)
        low = word.lower()
        start, end = m.span("art")
        if (word == low and low in self._variable and not m.group("open")) or low in ("a", "an"):
            return
        shouting = word.isupper() and len(word) > 1 and (art == "AN" or _shouting(prose, start))
        if art == "A" and not _sentence_start(prose, start) and not shouting:
            # "Plan A is", "station A and", "grade A eggs": a label, not an article.
            return
        if art == "a" and low in self._no_article and not m.group("open").startswith("("):
            msg = self.options.no_article_message.format(word=word, article=art)
            yield Finding(Span(start, m.end("word")), message=msg,
                          params={"article": art, "word": word})
            return
        if prose.startswith(".", m.end("word")) and _abbreviation(word):
            return  # "a Ft. Worth man": read as the word it stands for, not spelled
        # In all-capital text a word in capitals is an ordinary word ("AN UGLY DAY").
        sound = sound_of(word.lower() if shouting else word)
        if sound is None:
            return
        is_an = len(art) == 2
        wanted = _wanted(sound, is_an)
        if wanted is None:
            return
        if not sound.confident and not self.options.guess_unknown:
            return
        if not is_an and wanted.lower() == "an" and (
                _abbreviation_said(doc, word) or (not sound.confident and _u_name(doc, word))
                or (word_shaped_initialism(word) and writes_code(doc))):
            # "a str", "a uname", "a NUL byte": said as the word it shortens, "you" and a
            # word, or a name of code said as a word (in prose, "a NIH grant" is spelled)
            return
        if not _english_context(prose, start, word, m.end("word")):
            return  # "a" in a Romance passage ("vamos a ella"), German "an" ("an dieser")
        if is_an and wanted.lower() == "a" and (_spelled_out(doc, word) or _keyword(word)):
            # "an xargs", "an fsck": a rare name the writer reads letter by letter; "an
            # UPDATE statement": a word in capitals the writer reads as the word
            return
        if not is_an and wanted.lower() == "an" and not sound.confident and \
                _said_as_a_word(word):
            return  # "a stdio stream", "a strncpy call": a rare name the writer says as a word
        replacement = _recase(art, wanted, word)
        if not self._fix_settles(prose, start, word, replacement, shouting):
            return  # "A FO" -> "AN FO" -> "A FO": both readings hold, neither is reported
        edit = Edit.replace(start, end, replacement)
        fix = Fix.safe(edit) if sound.confident else Fix.unsafe(edit)
        yield Finding(
            Span(start, end),
            fix=fix,
            params={"article": art, "expected": replacement, "word": word},
        )

    def _fix_settles(
        self, prose: str, start: int, word: str, replacement: str, shouting: bool
    ) -> bool:
        """Is the article left alone once fixed? "AN" marks capitals as shouting and "A" does
        not, so swapping them before a word in capitals can switch the word between being read
        as letters and being read as a word, which may call for the article replaced."""
        if replacement not in ("A", "AN") or not (word.isupper() and len(word) > 1):
            return True
        after = replacement == "AN" or _shouting(prose, start)
        if after == shouting:
            return True
        if replacement == "A" and not after and not _sentence_start(prose, start):
            return True
        sound = sound_of(word.lower() if after else word)
        if sound is None or (not sound.confident and not self.options.guess_unknown):
            return True
        return _wanted(sound, replacement == "AN") is None


def _articles(prose: str) -> Iterator[regex.Match[str]]:
    """``_ARTICLE.finditer(prose)``, trying the pattern only where ``_ARTICLE_AT`` finds a
    candidate."""
    starts = sorted(m.start() for pattern in _ARTICLE_AT for m in pattern.finditer(prose))
    match = _ARTICLE.match
    end = 0
    for start in starts:
        # finditer goes on after a match, and a word may hold an article ("a b,a c").
        if start >= end:
            m = match(prose, start)
            if m is not None:
                end = m.end()
                yield m


def _wanted(sound: Sound, is_an: bool) -> str | None:
    if is_an and not sound.cls & VOWEL:
        return "a"
    if not is_an and not sound.cls & CONSONANT:
        return "an"
    return None


def _recase(art: str, wanted: str, word: str) -> str:
    if art.isupper() and (len(art) == 2 or (word.isupper() and len(word) > 1)):
        return wanted.upper()
    if art[0].isupper():
        return wanted.capitalize()
    return wanted


def _abbreviation(word: str) -> bool:
    """A capitalised short word without vowel letters, written with a period (Ft., Sgt.)."""
    return len(word) <= 4 and word[0].isupper() and word[1:].islower() and not any(
        c in "aeiouyAEIOUY" for c in word)


def _sentence_start(prose: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and prose[i] in _SENTENCE_GAP:
        i -= 1
    return i < 0 or prose[i] in _SENTENCE_ENDS


def _shouting(prose: str, pos: int) -> bool:
    """Is the article inside all-capital text ("IT WAS A HOUR AGO")?"""
    m = _PREV_WORD.search(prose, max(0, pos - 40), pos)
    return m is not None and len(m.group(1)) > 1 and m.group(1).isupper()


def _english_context(prose: str, start: int, word: str, end: int) -> bool:
    """Do the words around an article look English? Consulted only before reporting, as
    Romance languages write a preposition "a" and German a preposition "an". A few very
    common function words of those languages count against English, frequent English words
    for it; anything else (names, typos) counts for neither. The word after the article counts
    only against English: it may be a typo or a rare word."""
    before = _CONTEXT_WORD.findall(prose, max(0, start - 40), start)[-3:]
    after = _CONTEXT_WORD.findall(prose, end, min(len(prose), end + 30))[:2]
    foreign = sum(1 for w in before + after if w.lower() in _FOREIGN_FUNCTION_WORDS)
    if word.lower() in _FOREIGN_FUNCTION_WORDS and not word.isupper():
        foreign += 2  # right after the article: the strongest sign ("a une", "an dieser")
    if not foreign:
        return True
    # The shared lexicon, not wordfreq itself: loading wordfreq's English list costs ~0.3 s.
    from textlint.lexicon import load_lexicon

    lexicon = load_lexicon()
    english = sum(1 for w in before + after
                  if w.lower() not in _FOREIGN_FUNCTION_WORDS and lexicon.zipf(w, "en") >= 4.0)
    return english > foreign


# Letters whose names begin with a vowel sound (eff, el, em, en, ar, ess, ex): a word
# that begins with one is said "an" when it is read letter by letter.
_VOWEL_NAMED = frozenset("flmnrsx")  # (not h: a lowercase word is not read "aitch")
# Rarer than this in English (wordfreq's zipf scale), a word may well be a tool or an
# identifier read as letters: "an xargs input", "an mmap call", "an nginx config".
SPELLED_MAX_ZIPF = 2.5


# Two consonants that begin English syllables: a word starting so is said as a word.
_ONSETS = frozenset(("bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sc",
                     "sk", "sl", "sm", "sn", "sp", "st", "sw", "tr", "tw", "wr", "sh", "ch", "th",
                     "wh", "ph", "kn", "gn", "sq", "rh"))
_VOWELS = frozenset("aeiouy")


def _rare_and_vowel_named(low: str) -> float | None:
    """The English zipf of ``low`` when it is rare and begins with a letter whose name begins
    with a vowel sound (the words whose article depends on being read as letters or as a
    word); else None."""
    if low[:1] not in _VOWEL_NAMED:
        return None
    from textlint.lexicon import load_lexicon

    zipf = load_lexicon().zipf(low, "en")
    return zipf if zipf < SPELLED_MAX_ZIPF else None


def _spelled_out(doc: Document, word: str) -> bool:
    """May the writer read ``word`` letter by letter, so that "an" is right? A rare word that
    begins with a letter whose name begins with a vowel sound, and starts with x (xargs,
    Xauth), or with two consonants no English syllable begins with (fsck, mmap, nginx), or
    stands in a document that writes code (midx, functools in a README)."""
    low = word.lower()
    zipf = _rare_and_vowel_named(low)
    if zipf is None:
        return False
    head = low[:2]
    # An x-word English lists hold at all is said as a word (a xenophobe); xargs is not.
    return (low[0] == "x" and zipf == 0.0) or (
        len(head) == 2 and not set(head) & _VOWELS and head not in _ONSETS) or writes_code(doc)


def _keyword(word: str) -> bool:
    """Is ``word`` an English word in capitals that begins with a vowel sound, so that "an" is
    right when it is read as the word, as keywords are (an UPDATE statement, an UNSIGNED int,
    an HONEST answer), though spelled out it may take "a"? Not a rare word, which is more
    likely an initialism (a UNPROFOR convoy), nor one the dictionary lacks."""
    if len(word) < 4 or not word.isupper() or not word.isalpha():
        return False
    low = word.lower()
    sound = sound_of(low)
    # (The dictionary's sound, not a guess: UNRWA, USPS are guessed "un", "us".)
    if sound is None or not sound.confident or not sound.cls & VOWEL:
        return False
    from textlint.lexicon import load_lexicon

    return load_lexicon().zipf(low, "en") >= SPELLED_MAX_ZIPF


def _abbreviation_said(doc: Document, word: str) -> bool:
    """In a document that writes code, may the writer say ``word`` as the word it shortens:
    a lower-case word without vowel letters that begins as English syllables do (str, std,
    sprintf's spr), not with a pair no syllable begins with (an fd, an ssl handle)?"""
    return len(word) <= 3 and word.islower() and word[:2] in _ONSETS and \
        not set(word) & _VOWELS and writes_code(doc)


# A word at least this frequent in English, after a u, makes an identifier read "you" and the
# word (uname, ustar, ulimit).
U_NAME_ZIPF = 3.0


def _u_name(doc: Document, word: str) -> bool:
    """In a document that writes code, is ``word`` (unknown to the sound table) a u and an
    English word, said "you" and the word (uname, ustar, usleep; not unpopulated)?"""
    low = word.lower()
    if low[:1] != "u" or not low[1:].isalpha():
        return False
    from textlint.lexicon import load_lexicon

    return load_lexicon().zipf(low[1:], "en") >= U_NAME_ZIPF and writes_code(doc)


def _said_as_a_word(word: str) -> bool:
    """May the writer say ``word`` (whose sound is only guessed) as a word, so that "a" is
    right, though its letters could be spelled out with "an"? Such a rare word that can be
    pronounced: a vowel among its first three letters, or a first pair that begins English
    syllables (stdio, strncpy)."""
    low = word.lower()
    if _rare_and_vowel_named(low) is None:
        return False
    return low[0] == "x" or bool(set(low[:3]) & _VOWELS) or low[:2] in _ONSETS


CHECK = Article
