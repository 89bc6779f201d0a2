"""Untranslated fragments and paragraphs: spans of another language inside the target language.

How it works (see docs/translation.md for the measurements):

1. Every word gets a log-likelihood ratio per candidate language: how much more frequent it
   is there than in the target language (zipf difference, from textlint.lexicon). Words
   clearly of the target language cost nothing more: the scan is one dictionary probe each.
2. Around the words that look foreign ("seeds"), a Viterbi pass over a two-or-more-state
   model (target, candidate languages) segments the sentence. Entering and leaving a foreign
   span costs a fixed penalty, lowered where real machine translation leaves fragments:
   after an opening bracket or quotation mark, at a line start, next to punctuation.
   Ambiguous words (``a``, ``do``, ``no``) follow their neighbours.
3. Capitalised words inside a sentence, acronyms, numbers and masked text (code, URLs) are
   neutral; established loanwords (frequent in English, or in the shipped phrase list) and
   terms the text italicises or glosses are never reported.
4. The document's source language is learnt from its confident spans and used to name the
   language of ambiguous ones.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path
from typing import Literal

import regex

from textlint import regexcache
from textlint.checks._language import primary
from textlint.checks._layout import (
    code_blocks,
    code_lines,
    code_names,
    code_words,
    in_code,
    indented_prose,
    line_around,
    space_free_token,
    starts_line,
    writes_code,
)
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document, Token, WordView
from textlint.formats import merge
from textlint.lexicon import (
    LANGUAGES,
    CharModel,
    Lexicon,
    load_chars,
    load_lexicon,
    normalize,
    word_texts,
)


@dataclass(frozen=True)
class ForeignSpanOptions:
    # Target language; empty: the document's language (--lang); "auto": detect it.
    target: str = ""
    # Candidate source languages; empty: every Latin-script language of the lexicon.
    source: list[str] = field(default_factory=list)
    # Extra words or phrases that are never reported (case-insensitive).
    allow: list[str] = field(default_factory=list)
    # "fragment": spans inside target-language text; "paragraph": whole foreign paragraphs.
    mode: Literal["fragment", "paragraph"] = "fragment"
    # Lowest confidence (0-1) reported.
    min_confidence: float = 0.5
    # Offer an unsafe fix for the commonest leftovers (reporting verbs such as "disse Kim").
    glossary_fix: bool = True


# --- tuning constants (chosen on the dev split only) -------------------------------------------
SEED = 1.0            # a word this much (log10) more frequent abroad starts a closer look
ENTER = 2.2           # cost (log10) of entering a foreign span in running text
LEAVE = 1.1           # cost of leaving it
ENTER_SOFT = 1.2      # ... right after an opening bracket/quote, punctuation or a line start
LEAVE_SOFT = 0.6      # ... right before a closing bracket/quote or punctuation
ENTER_BRACKET = 0.9   # ... right after an opening square bracket
LEAVE_BRACKET = 0.4   # ... right before a closing one
STEP = 0.2            # every word in a foreign span costs this (foreign words are rare)
SHORT_CAP = {0: 0.0, 1: 0.5, 2: 1.5}  # one- and two-letter words are weak evidence
OOV_BONUS = 1.5       # a word the target's lexicon lacks entirely ...
RARE_TARGET = 1.5     # ... or holds this rarely (less bonus the more frequent)
DAMP_FROM, DAMP_SPAN, DAMP_MIN = 2.5, 3.0, 0.3
EXCLAIM = QUOTED_NAME = LOAN_NOUN = True
TYPO_MIN, TYPO_GAIN = 3.0, 1.0  # a misspelt target word: how frequent its correction is
MAX_WORD = 60         # longer "words" (base64, runs of one letter) are not judged by letters
INITIAL_WEIGHT = 0.7  # a capitalised sentence start may be a name
MINOR_PRIOR = 1.0
FUNCTION_ZIPF = 6.0  # a word this frequent in its language may stay lowercase in a title
CHAR_MIN_LEN, CHAR_WEIGHT, CHAR_CAP = 5, 2.0, 2.5  # letter model for unlisted words
# Past the cap, letter evidence grows at a tenth of its rate up to a higher cap: a long word
# whose letters are strongly of one language (gebirgsbewohner) is then enough alone in running
# text; a short or ambiguous one is not.
CHAR_SLOPE, CHAR_CAP_HIGH = 0.1, 3.8
# A word no list holds that splits into this many frequent target words at most, each this
# long and this frequent, is a compound of the target language (see Model.compound).
COMPOUND_PARTS, COMPOUND_MIN_LEN, COMPOUND_ZIPF = 3, 4, 4.0
GLOSS_REACH = 100     # characters after a span searched for a gloss ("(thick steaks of beef)")
# A capitalised word after a lowercase foreign word counts as a noun (den Stoffwechsel) when
# it is this foreign, at this weight. NOUN_EVIDENCE must not be below LABEL_EVIDENCE: the
# bound in analyse() counts such a word as evidence on that condition.
NOUN_AFTER, NOUN_EVIDENCE, NOUN_WEIGHT = True, 3.5, 0.7
# A word no list holds that a document uses this often is one of its terms (see _Terms).
DOCUMENT_TERMS, TERM_REPEATS = True, 3
LISTED_TERM_REPEATS = 5  # ... for a word some language's list holds
MAX_STATES = 3        # foreign languages competing in one chunk
SHORT_LINE = 40       # a line shorter than this ends at its line break (labels, headings)
SWITCH = 3.5          # cost of going straight from one foreign language to another
CLIP_LOW, CLIP_HIGH = -3.0, 4.0
TARGET_FLOOR = 0.5    # zipf assumed for a word the target's list lacks
EVIDENCE = 1.0        # a span needs one lowercase word at least this foreign
MIN_SCORE = 1.5       # ... and this much evidence in total
WINDOW = 12           # tokens looked at on each side of a seed
PARA_SHARE = 0.7      # share of a paragraph's words in foreign spans to call it untranslated
PARA_WORDS = 6
LABEL_WORDS = 3      # a line this short is a label ...
LABEL_EVIDENCE = 3.0  # ... and its capitalised first word counts when this foreign
# A lowercase word with foreign evidence where English syntax leaves no room for a word of its
# own (see _out_of_place: "costs for strada the area", "She ancora was") gains this much evidence.
OUT_OF_PLACE = 1.0

class _Lazy:
    """A pattern of the ``regex`` module (for Unicode properties), compiled on first use: most
    documents never need most patterns, and compiling them all costs every start-up."""

    __slots__ = ("_args", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._rx: regex.Pattern[str] | None = None

    @property
    def rx(self) -> regex.Pattern[str]:
        if self._rx is None:
            self._rx = regexcache.compile(*self._args)
        return self._rx


# Masked markup (\0: Markdown link brackets, heading marks) also opens and closes units.
_OPEN = "([{“‘«‹„‚\"'\0"
_CLOSE = ")]}”’»›\"'\0"
_PUNCT = ",;:—–"
_SENT_END = re.compile(r"[.!?…]")
_ITALIC = "_*\0"
_GLOSS_LANGS = (
    "Arabic|Bosnian|Catalan|Chinese|Croatian|Czech|Danish|Dutch|Filipino|Finnish|French|German|"
    "Greek|Hebrew|Hindi|Hungarian|Icelandic|Indonesian|Italian|Japanese|Korean|Latin|Latvian|"
    "Lithuanian|Malay|Norwegian|Polish|Portuguese|Romanian|Russian|Serbian|Slovak|Slovenian|"
    "Spanish|Swedish|Tagalog|Turkish|Vietnamese|Occitan|Gascon|Basque|Breton|Galician|Welsh|"
    "Irish|Frisian|Estonian|Albanian|Maltese|Swahili|Afrikaans|Persian|Ukrainian"
)
_CREDIT_BEFORE = re.compile(r"\bby:[ \t]*$", re.I)
_ADDRESS_AFTER = _Lazy(
    r"[ \t]*(?:\(\p{Lu}[\p{L}. '-]{1,40}\)[ \t]*)?(?:\p{Lu}[\p{L}.'-]*[ \t]+){0,3}<?\0",
    regex.V1,
)
_GLOSS_BEFORE = re.compile(
    r"\b(?:called|named|term(?:ed)?|word|phrase|dubbed|so-called|known as|literally|meaning|"
    r"translated as|also known as|aka|in (?:" + _GLOSS_LANGS + r")"
    # A label naming the language of what follows: "(French: [tuluz]; Occitan: Tolosa".
    r"|(?:" + _GLOSS_LANGS + r")(?: pronunciation)?:),?\W*$",
    re.I,
)
_GLOSS_AFTER = _Lazy(
    r"^[^\w(]{0,3}(?:,? ?(?:meaning|which means|literally|i\.e\.|lit\.|also known as|or “|or \")"
    r"|\(\s*(?:lit\.|literally|meaning|i\.e\.|[“\"‘']"
    # (Under regex.I, \p{Ll} takes capitals too: a transliteration, "(Nikita Skovoroda)", or
    # a name in parentheses glosses the span before it as well.)
    r"|(?:the |a |an |to )?\p{Ll}+(?:\s\p{Ll}+){0,3}\)))",
    regex.I | regex.V1,
)
# Particles of names (Charles de Gaulle, Ponte alle Grazie, Ludwig van Beethoven): next to a
# name they belong to it.
_PARTICLES = frozenset((
    "de", "da", "do", "dos", "das", "del", "della", "delle", "dei", "degli", "di", "du", "des",
    "la", "le", "les", "lo", "van", "von", "der", "den", "ter", "ten", "zu", "zur", "y", "e", "i",
    "et", "al", "el", "bin", "ibn", "ben", "abu", "st", "san", "santa", "são", "af", "av", "auf",
    "am", "im", "an", "alle",
))
_PAREN_BEFORE = re.compile(r"\(\s*$")
_PAREN_AFTER = re.compile(r"\s*\)")
# A quotation that is a whole utterance in another language (dialogue in fiction, a motto):
# the opening mark, the span, and punctuation closing the utterance inside the marks.
_QUOTE_OPENED = re.compile(r"(?:^|[\n.!?:,;—–-])(?:[^\S\n]|\0)*[“\"‘„«][^\S\n]*$")
_SENT_START = re.compile(r"[.!?][^\S\n]+$")
_UTTER_AFTER = _Lazy(
    r"(?:\s{1,2}(?:\p{Lu}[\p{L}’'-]*|\p{Ll}{1,3})){0,3}[^\S\n]?[”\"’»]?[.!?,;:…]", regex.V1
)
_SEED_CONTEXT = re.compile(r"(?:^|[.!?:\n\[(“\"‘«„\0]|\[[^\]\n]{0,80})\W*$")
# What may separate two spans of one language that are then reported as one: punctuation, and
# names (capitalised nouns are names in English but common nouns in German).
_BRIDGE = _Lazy(r"[^\S\n]*(?:[,;:–—-]?[^\S\n]*[\p{Lu}\d][\p{L}\p{M}\d'’.-]*[^\S\n]*){0,4}"
                        r"[,;:–—-]?[^\S\n]*", regex.V1)
_IPA = re.compile(r"[\u0250-\u02ff]")  # phonetic transcriptions: [tuˈluzɔ]
_YEAR_AFTER = re.compile(r"\s*\((?:\d{4}|[^()\n]{0,40}\d{4})\)")
_DIGIT = re.compile(r"\d")
_SPLIT = re.compile(r"['\-‐’]")
_CODE_BEFORE = frozenset("_./@\\=<>{}#$%^&*~`|+:")
_CODE_AFTER = frozenset("_(/@=<>{}#$%^&*~`|+[")
_LATIN = _Lazy(r"\p{Latin}")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# What may stand before a capitalised word that _tokens weighs (a sentence end, a line break,
# any opening mark of _OPEN).
_UNIT_START = frozenset(".!?…:\n") | frozenset(_OPEN)
_SENTENCE_END = re.compile(r"[.!?\n]")
_QUOTES_OPEN = frozenset("“\"‘«„")
_QUOTES_CLOSE = frozenset("”\"’»“")
_LOAN_END = frozenset(",.;:!?)—–”\"’")
# English function words (closed classes: prepositions, conjunctions, auxiliaries, pronouns)
# that may follow a noun phrase.
_FUNCTION_WORDS = frozenset((
    "of", "in", "on", "at", "to", "for", "with", "from", "by", "about", "into", "over", "under",
    "after", "before", "between", "among", "through", "during", "without", "within", "against",
    "and", "or", "but", "nor", "so", "yet", "than", "as", "if", "because", "while", "when",
    "where", "which", "who", "whom", "whose", "that", "is", "was", "are", "were", "be", "been",
    "has", "had", "have", "will", "would", "can", "could", "shall", "should", "may", "might",
    "must", "does", "did", "do", "it", "he", "she", "they", "we", "i", "you", "there", "then",
))
_DETERMINERS = frozenset((
    "the", "a", "an", "his", "her", "its", "our", "their", "your", "my", "any", "some",
    "every", "each", "no", "this", "that", "these", "those",
))
# Any character outside the Latin blocks, punctuation and symbols: a quick test (stdlib re)
# before the exact one.
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u2bff\ufb00-\ufb06]")
_NON_LATIN_LETTER = _Lazy(r"[^\P{L}\p{Latin}]")

# The same characters, matched whole; and the last text tested, with the answer (the fragment
# and the paragraph rule ask in turn about the same document).
_LATIN_ONLY = re.compile(r"[\x00-\u024f\u1e00-\u1eff\u2000-\u2bff\ufb00-\ufb06]*")
_LAST_PROSE: tuple[str, bool] = ("", False)


def _beyond_latin(prose: str) -> bool:
    """``_BEYOND_LATIN.search(prose)``, at the cost of one scan for both rules: none for ASCII
    text, and otherwise a match of the whole text (twice as fast as searching for the
    character that fails)."""
    global _LAST_PROSE
    if prose.isascii():
        return False
    last, beyond = _LAST_PROSE
    if last is not prose:
        beyond = _LATIN_ONLY.fullmatch(prose) is None
        _LAST_PROSE = (prose, beyond)
    return beyond


_CLAUSE_END = re.compile(r"[^\S\n]*(?:[.!?;,:…]|\n|$)")
REPORTING_SUBJECT = 6  # words a foreign reporting verb's subject may have

_CLAUSE = _Lazy(r"(\p{Ll}+(?: \p{Ll}+)?) ((?:\p{Lu}[\p{L}\-’']*)(?: \p{Lu}[\p{L}\-’']*)*)")

# Reporting verbs machine translation leaves after a quotation, with their English past tense.
_REPORTING: dict[str, tuple[str, str]] = {
    "disse": ("pt", "said"), "afirmou": ("pt", "said"), "declarou": ("pt", "declared"),
    "acrescentou": ("pt", "added"), "explicou": ("pt", "explained"),
    "dijo": ("es", "said"), "afirmó": ("es", "said"), "añadió": ("es", "added"),
    "explicó": ("es", "explained"), "declaró": ("es", "declared"),
    "sagte": ("de", "said"), "erklärte": ("de", "explained"),
    "ha detto": ("it", "said"), "ha dichiarato": ("it", "declared"),
    "a déclaré": ("fr", "declared"), "a dit": ("fr", "said"), "a ajouté": ("fr", "added"),
    "zei": ("nl", "said"),
}


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@functools.cache
def _load_phrases() -> tuple[frozenset[str], frozenset[str]]:
    """Established foreign words and phrases of English (shipped list, see docs)."""
    # Read beside the package (importlib.resources would cost every start-up its import).
    text = (Path(__file__).resolve().parent.parent / "langdata" / "established.txt"
            ).read_text("utf-8")
    words: set[str] = set()
    phrases: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key = " ".join(normalize(p) for p in line.split())
        for variant in (key, _strip_accents(key)):
            (phrases if " " in variant else words).add(variant)
    return frozenset(words), frozenset(phrases)


@dataclass
class Tok:
    start: int
    end: int
    text: str
    margins: dict[str, float]
    # 1.0 normal word; 0.0 neutral (names, numbers, units: no evidence either way);
    # -1.0 forced to the target language (allowed phrases, code, abbreviations).
    weight: float = 1.0
    name: bool = False
    unknown: bool = False
    bracket: bool = False
    # A capitalised word taken for a noun, not a name (see _noun_after).
    noun: bool = False
    # The first word of a line of a few words (a label: "Publicidade", "Voir aussi").
    label: bool = False


@dataclass(frozen=True)
class Hit:
    """One foreign span the model found."""

    start: int
    end: int
    lang: str
    score: float
    confidence: float
    first: int  # token indices, inclusive
    last: int
    paid: float = ENTER_SOFT + LEAVE_SOFT  # what entering and leaving the span cost


def _confidence(score: float, paid: float) -> float:
    """How sure the model is: the odds that the span's evidence outweighs what crossing its
    boundaries cost (a bracketed insertion costs less to enter than running text)."""
    return 1.0 / (1.0 + 10 ** (-(score - paid)))


@dataclass
class Analysis:
    hits: list[Hit]
    paragraphs: list[tuple[Span, str, float]]
    scripts_done: bool = False
    # Runs of another script (Cyrillic, Han, ...) inside Latin-script prose: computed on first
    # use, after the paragraphs in another script (which are reported whole instead).
    script_runs: list[tuple[Span, str, float]] | None = None


_CACHE: weakref.WeakKeyDictionary[Document, dict[tuple[object, ...], Analysis]] = (
    weakref.WeakKeyDictionary()
)


class Model:
    """Everything derived from the lexicon for one target and candidate set; shared by rules."""

    def __init__(self, lexicon: Lexicon, target: str, candidates: Sequence[str],
                 allow: Iterable[str]) -> None:
        self.lex = lexicon
        self.target = target
        self.candidates = tuple(c for c in candidates if c != target and c in lexicon.langs)
        self.cand_set = frozenset(self.candidates)
        # Languages wordfreq has only a small list for are less common on the web, and so as
        # sources of machine translation: entering them costs more.
        self.prior = {c: MINOR_PRIOR if lexicon.depth.get(c, 1.0) >= 2.0 else 0.0
                      for c in self.candidates}
        words, phrases = _load_phrases()
        extra = [" ".join(normalize(p) for p in a.split()) for a in allow]
        self.allow_words = words | {a for a in extra if " " not in a}
        self.allow_phrases = phrases | {a for a in extra if " " in a}
        self.max_phrase = max((p.count(" ") + 1 for p in self.allow_phrases), default=1)
        self.phrase_firsts = frozenset(p.split(" ", 1)[0] for p in self.allow_phrases)
        self.memo: dict[str, tuple[float, dict[str, float], bool]] = {}
        self.typos: dict[str, bool] = {}
        self.chars: CharModel | None = None
        self.checked: set[str] = set()  # words whose evidence is known ...
        self.seedy: set[str] = set()    # ... and those of them that look foreign

    def seed_words(self, texts: frozenset[str]) -> frozenset[str]:
        """The words of ``texts`` with enough foreign evidence to start a closer look."""
        new = texts - self.checked
        if new:
            if len(self.checked) > 200_000:
                self.checked.clear()
                self.seedy.clear()
            word = self.word
            self.seedy.update(t for t in new if word(t)[0] >= SEED)
            self.checked |= new
        return texts & self.seedy

    # Per-word evidence: (best margin, margins per candidate above CLIP_LOW, unknown word).
    def word(self, text: str) -> tuple[float, dict[str, float], bool]:
        got = self.memo.get(text)
        if got is not None:
            return got
        if len(self.memo) > 200_000:
            self.memo.clear()
        key = normalize(text)
        if key in self.allow_words:
            got = (CLIP_LOW, {}, False)
        else:
            best, margins = self._margins(key)
            if margins is None:
                parts = [p for p in _SPLIT.split(key) if p]
                if len(parts) > 1:
                    got = self._combine([self._margins(p) for p in parts])
                elif CHAR_MIN_LEN <= len(key) <= MAX_WORD and key.isalpha() and \
                        not _IPA.search(key):
                    # A compound of frequent target words is an identifier or a coinage of
                    # the target language (staticmethods, zoneinfo), whatever its letters say.
                    got = (0.0, {}, True) if self.compound(key) else self._letters(key)
                else:
                    got = (0.0, {}, True)
            else:
                got = (best, margins, False)
            if len(key) <= 2:
                cap = SHORT_CAP[len(key)]
                got = (min(got[0], cap), {k: min(v, cap) for k, v in got[1].items()}, got[2])
        self.memo[text] = got
        return got

    def compound(self, key: str) -> bool:
        """Is ``key`` two or three frequent words of the target language run together, each
        of COMPOUND_MIN_LEN letters or more (getcontext, versioninfo, backgroundcolor)?"""
        zipf = self.lex.zipf
        target = self.target
        n = len(key)
        parts = {0: 0}  # prefix length -> fewest words that make it
        for i in range(n - COMPOUND_MIN_LEN + 1):
            if i not in parts or parts[i] >= COMPOUND_PARTS:
                continue
            for j in range(i + COMPOUND_MIN_LEN, n + 1):
                if (j not in parts or parts[j] > parts[i] + 1) and \
                        zipf(key[i:j], target) >= COMPOUND_ZIPF:
                    parts[j] = parts[i] + 1
        return parts.get(n, 0) >= 2

    def typo(self, text: str) -> bool:
        """A lowercase word no target list holds, one edit (a letter missing, extra, wrong or
        swapped) away from a target word much more frequent than any foreign reading of it:
        a misspelling ("wrok", "cpies"), not a foreign word. Remembered per word: the edits
        of a long word are thousands of lookups, and a text may repeat it on every line."""
        got = self.typos.get(text)
        if got is None:
            if len(self.typos) > 200_000:
                self.typos.clear()
            got = self.typos[text] = self._typo(text)
        return got

    def _typo(self, text: str) -> bool:
        if self.target != "en" or not text.islower() or len(text) > MAX_WORD:
            return False
        key = normalize(text)
        entry = self.lex.entry(key)
        if entry is not None and entry.english > 0.0:
            return False
        floor = max(TYPO_MIN, max(entry.others.values(), default=0.0) + TYPO_GAIN
                    if entry else TYPO_MIN)
        zipf = self.lex.zipf
        n = len(key)
        seen: set[str] = set()
        for i in range(n + 1):
            edits = [key[:i] + c + key[i:] for c in _ALPHABET]
            if i < n:
                edits.append(key[:i] + key[i + 1 :])
                edits.extend(key[:i] + c + key[i + 1 :] for c in _ALPHABET if c != key[i])
            if i < n - 1:
                edits.append(key[:i] + key[i + 1] + key[i] + key[i + 2 :])
            for e in edits:
                if e not in seen:
                    seen.add(e)
                    if zipf(e) >= floor:
                        return True
        return False

    def _letters(self, key: str) -> tuple[float, dict[str, float], bool]:
        """A word no list holds: weigh its letter trigrams (weak evidence, capped)."""
        if self.chars is None:
            self.chars = load_chars()
        scores = self.chars.scores(key)
        base = scores.get(self.target)
        if base is None:
            return 0.0, {}, True
        n = len(key) + 1
        out = {}
        for lang in self.candidates:
            d = (scores.get(lang, base) - base) * n * CHAR_WEIGHT
            if d > 0:
                out[lang] = d if d <= CHAR_CAP else min(
                    CHAR_CAP_HIGH, CHAR_CAP + (d - CHAR_CAP) * CHAR_SLOPE)
        return (max(out.values()) if out else 0.0), out, True

    def _margins(self, key: str) -> tuple[float, dict[str, float] | None]:
        entry = self.lex.entry(key)
        if entry is None:
            return 0.0, None
        zt = entry.zipf(self.target) if self.target != "en" else entry.english
        base = max(zt, TARGET_FLOOR)
        # A word frequent in the target language is a word of that language in its own right
        # (café, die, also): its foreign evidence is damped.
        damp = min(1.0, max(DAMP_MIN, 1.0 - (zt - DAMP_FROM) / DAMP_SPAN))
        out: dict[str, float] = {}
        best = CLIP_LOW
        for lang, z in entry.others.items() if self.target == "en" else self._others(entry):
            if lang not in self.cand_set:
                continue
            m = z - base
            if m <= CLIP_LOW:
                continue
            m = min(m, CLIP_HIGH)
            if m > 0:
                m *= damp
                if zt < RARE_TARGET and len(key) >= 4:
                    # Not a word of the target language at all, or one its corpora hold only
                    # as noise (foreign names, quotations): yet a word there.
                    m += OOV_BONUS * (1.0 - zt / RARE_TARGET)
            out[lang] = m
            if m > best:
                best = m
        return best, out

    def _others(self, entry: object) -> Iterator[tuple[str, float]]:
        from textlint.lexicon import Entry

        assert isinstance(entry, Entry)
        if entry.english:
            yield "en", entry.english
        yield from entry.others.items()

    @staticmethod
    def _combine(parts: list[tuple[float, dict[str, float] | None]]
                 ) -> tuple[float, dict[str, float], bool]:
        known = [p[1] for p in parts if p[1] is not None]
        if not known:
            return 0.0, {}, True
        langs = set(known[0])
        for k in known[1:]:
            langs &= set(k)
        out = {lang: min(CLIP_HIGH, sum(k[lang] for k in known) / len(known)) for lang in langs}
        return (max(out.values()) if out else CLIP_LOW), out, False

    def margin(self, tok: Tok, lang: str) -> float:
        w = tok.weight
        if w == 0.0:
            return -STEP / 2
        if w < 0.0:
            return CLIP_LOW
        m = tok.margins.get(lang)
        if m is None:
            m = -STEP if tok.unknown else CLIP_LOW
        return (m - STEP) * w


class ForeignSpan(Check):
    Options = ForeignSpanOptions
    PARAMS = frozenset(("lang", "language", "confidence", "target", "fragment"))

    def __init__(self, options: ForeignSpanOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        target = primary(options.target)
        if target and target != "auto" and target not in LANGUAGES:
            raise ValueError(f"option 'target': no word data for {options.target!r} (there is "
                             f"for {', '.join(LANGUAGES)}; or 'auto')")
        unknown = [c for c in options.source if c not in LANGUAGES or c == "en"]
        if unknown:
            known = ", ".join(c for c in LANGUAGES if c != "en")
            raise ValueError(f"option 'source': unknown language {unknown[0]!r} (known: {known})")
        self.options: ForeignSpanOptions = options
        self._models: dict[str, Model] = {}

    def note(self, language: str) -> str | None:
        if self.options.target:
            return None  # the rule's own target decides
        base = primary(language)
        if base in LANGUAGES or base == "auto":
            return None
        return "no word data for it"

    def model(self, target: str) -> Model | None:
        if target not in self._models:
            lex = load_lexicon()
            if target not in lex.langs:
                return None
            cands = self.options.source or [c for c in lex.langs]
            self._models[target] = Model(lex, target, cands, self.options.allow)
        return self._models[target]

    def target_of(self, doc: Document) -> str:
        target = self.options.target or doc.language or "en"
        target = primary(target)
        if target == "auto":
            target = detect_language(doc.prose) or "en"
        return target

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.text:
            return
        target = self.target_of(doc)
        model = self.model(target)
        key = (target, tuple(self.options.source), tuple(self.options.allow))
        per_doc = _CACHE.setdefault(doc, {})
        analysis = per_doc.get(key)
        if analysis is None:
            analysis = analyse(doc, model) if model else Analysis([], [])
            per_doc[key] = analysis
        if model is not None and not analysis.scripts_done:
            # Paragraphs in another script (computed once for both rules: the fragment rule
            # stays silent inside them).
            analysis.paragraphs.extend(non_latin_paragraphs(doc, analysis.paragraphs))
            analysis.scripts_done = True
        tname = LANGUAGES.get(target, target)
        if self.options.mode == "paragraph":
            for span, lang, conf in analysis.paragraphs:
                name = language_name(lang)
                yield Finding(
                    span,
                    message=f"Paragraph in {name}, not {tname}: left untranslated",
                    params={"lang": lang, "language": name, "confidence": round(conf, 2),
                            "target": target},
                )
            return
        if model is not None:
            if analysis.script_runs is None:
                blocks = code_blocks(doc)
                analysis.script_runs = [
                    run for run in script_fragments(doc, analysis.paragraphs)
                    if not (blocks and in_code(blocks, run[0].start))]
            for span, lang, conf in analysis.script_runs:
                if conf < self.options.min_confidence:
                    continue
                frag = doc.text[span.start : span.end]
                name = language_name(lang)
                yield Finding(
                    span,
                    message=f'{name} fragment "{frag}" in {tname} text',
                    params={"lang": lang, "language": name, "confidence": round(conf, 2),
                            "fragment": frag, "target": target},
                )
        for hit in analysis.hits:
            if hit.confidence < self.options.min_confidence:
                continue
            if any(p.start <= hit.start < p.end for p, _, _ in analysis.paragraphs):
                continue
            frag = doc.text[hit.start : hit.end]
            name = LANGUAGES.get(hit.lang, hit.lang)
            fix = glossary_fix(doc, hit, target) if self.options.glossary_fix else None
            yield Finding(
                Span(hit.start, hit.end),
                message=f'{name} fragment "{frag}" in {tname} text',
                fix=fix,
                params={"lang": hit.lang, "language": name, "confidence": round(hit.confidence, 2),
                        "fragment": frag, "target": target},
            )


# --- analysis ---------------------------------------------------------------------------------


def analyse(doc: Document, model: Model) -> Analysis:
    # Markdown's masked indentation reads as the spaces it is: a list item's wrapped line goes
    # on with its sentence ("interacts with the\n  resolver." is one sentence).
    prose = indented_prose(doc)
    starts, ends, texts = doc.word_columns
    words = WordView(doc.word_columns)
    distinct = word_texts(doc)[1]
    # Most words are frequent words of the target language, and every text repeats its words:
    # the evidence is computed once per distinct word (per process), and set operations in C
    # pick the few words that look foreign.
    seedy = model.seed_words(distinct)
    if not seedy:
        return Analysis([], [])
    seeds: list[int] = []
    for i in compress(range(len(texts)), map(seedy.__contains__, texts)):
        # A capitalised word inside a sentence is a name: no evidence unless brackets or a
        # sentence start say otherwise.
        if texts[i][0].isupper() and not _SEED_CONTEXT.search(prose, max(0, starts[i] - 3),
                                                              starts[i]):
            continue
        seeds.append(i)
    if not seeds:
        return Analysis([], [])
    hits: list[Hit] = []
    done = -1
    word = model.word
    english = model.target == "en"  # (_out_of_place knows English syntax only)
    for s in seeds:
        if s <= done:
            continue
        lo, hi = _chunk(prose, starts, ends, texts, s, doc.text)
        # Chunks never overlap: a seed just past the last chunk would reach back into it, and
        # its spans would repeat that chunk's.
        lo = max(lo, done + 1)
        done = hi
        # A foreign span pays at least the cheapest entry and exit, and no word can bring more
        # than its best margin: a chunk whose words cannot pay that is decided without the
        # context analysis and the Viterbi pass (most chunks of English text).
        # Capitalised words count only where they are not names: at the start of the chunk or
        # of a sentence, after an opening mark, inside square brackets.
        # A lowercase word that no candidate language has costs more than leaving and
        # re-entering: no span crosses it, so the runs between such words are bounded apart.
        # And a span needs one word of evidence (see _make_hit): a run without one is no span.
        # Second, the best span the words could make against the boundaries it would cross
        # (Kadane's maximum sum): inside a sentence most words are one space apart, where
        # entering and leaving cost ENTER + LEAVE, not the cheapest costs the first bound
        # assumes. ``cur`` is the best span ending at the word, ``top`` the best span left.
        # (The whole gap before the chunk, which _tokens reads for an opening bracket.)
        around = prose[ends[lo - 1] if lo else max(0, starts[lo] - 3) : ends[hi]]
        bracket = "[" in around or "]" in around
        bound = run = 0.0
        evidence = False
        cur = top = -math.inf
        for i in range(lo, hi + 1):
            t = texts[i]
            best = word(t)[0]
            if best > 0.0 and english and t.islower() and \
                    _out_of_place(prose, starts, ends, texts, i):
                best += OUT_OF_PLACE  # (as _tokens adds it: the bound stays a bound)
            if i == lo:
                enter = ENTER_SOFT
            elif starts[i] - ends[i - 1] == 1 and prose[ends[i - 1]] == " ":
                enter = ENTER
            else:
                enter = _MIN_ENTER
            if i == hi:
                leave = LEAVE_SOFT
            elif starts[i + 1] - ends[i] == 1 and prose[ends[i]] == " ":
                leave = LEAVE
            else:
                leave = _MIN_LEAVE
            if best <= CLIP_LOW and t.islower() and t not in _PARTICLES and not (
                    i > lo and _DIGIT.search(texts[i - 1])):  # (those may be neutral)
                if evidence:
                    bound = max(bound, run)
                run = 0.0
                evidence = False
                # (What such a word adds at most: forced or allowed words CLIP_LOW, a word
                # with a digit or no Latin letter is neutral.)
                cur = max(cur, -enter) + (CLIP_LOW if t.isascii() and t.isalpha() else
                                          -STEP / 2)
                top = max(top, cur - leave)
                continue
            m = best - STEP
            if m > 0.0 and (bracket or i == lo or t.islower() or any(
                    c in _UNIT_START for c in prose[ends[i - 1] : starts[i]])
                    or _noun_after(model, prose, starts, ends, texts, i, best)):
                run += m
                if best >= EVIDENCE and len(t) >= 3 and (
                        bracket or t.islower() or best >= LABEL_EVIDENCE):
                    evidence = True
            else:
                m = 0.0  # a name, a neutral or an English word adds nothing
            cur = max(cur, -enter) + m
            top = max(top, cur - leave)
        if evidence:
            bound = max(bound, run)
        if PRUNE and (bound <= (min(ENTER_SOFT, ENTER_BRACKET) + min(LEAVE_SOFT, LEAVE_BRACKET)
                               if bracket else ENTER_SOFT + LEAVE_SOFT) or top < -1e-9):
            continue
        toks = _tokens(model, prose, (starts, ends, texts), lo, hi)
        hits.extend(_decode(model, prose, toks, lo))
    hits = _merge(prose, hits)
    hits = _relabel(model, hits, words)
    hits = [h for h in hits if not _excused(model, doc, words, h)
            and not (h.first == h.last and model.typo(words[h.first].text))]
    if hits and DOCUMENT_TERMS:
        terms = _Terms(doc, texts)
        hits = [h for h in hits if not terms.explain(model, words, h)]
    if hits and writes_code(doc):
        hits = [h for h in hits if not (h.first == h.last and _code_name(prose, h))]
    if hits:
        # Interactive sessions (>>> ...) and literal blocks (after ::) of a plain text, and
        # lines of code (an assignment, a comparison, an arrow): code.
        code = merge(code_blocks(doc) + code_lines(doc))
        if code:
            hits = [h for h in hits if not in_code(code, h.start)]
    hits = [_extend_reporting(model, prose, words, h) for h in hits]
    # A reporting clause taken up to its subject may reach a span found after it ("” que
    # não"): the later span is part of the extended one, not a second report.
    hits = [h for k, h in enumerate(hits) if k == 0 or h.start >= hits[k - 1].end]
    paras = _paragraphs(doc, words, hits)
    return Analysis(hits, paras)


# Skip the chunks that the two bounds in analyse rule out (a test turns it off to compare).
PRUNE = True
# The cheapest boundaries where words are not one space apart (see _decode).
_MIN_ENTER = min(ENTER, ENTER_SOFT, ENTER_BRACKET)
_MIN_LEAVE = min(LEAVE, LEAVE_SOFT, LEAVE_BRACKET)

# Masked markup is one or two characters (emphasis, a bullet); code and URLs are longer.
MASKED_RUN = "\0\0\0"


def _masks_code(orig: str, at: int, gap: str) -> bool:
    """Does the gap at ``at`` hide more than layout (the indentation of a list item's next
    line), that is code, a URL or a link's target?"""
    hidden = orig[at : at + len(gap)]
    return any(not h.isspace() for h, g in zip(hidden, gap, strict=True) if g == "\0")


def _chunk(prose: str, starts: list[int], ends: list[int], texts: list[str], s: int,
           orig: str) -> tuple[int, int]:
    """Token range of the sentence (or line) around token ``s``, at most WINDOW each side. A
    run of masked text longer than markup (code, a URL, a link's target) ends it too: no span
    reaches across code."""
    def ends_before(k: int) -> bool:
        """Does the gap before token ``k`` end the chunk? Most gaps are one space, which ends
        nothing: only the others are looked at."""
        at = ends[k - 1]
        if starts[k] - at == 1 and prose[at] == " ":
            return False
        gap = prose[at : starts[k]]
        return _hard_break(prose, at, gap) or bool(
            _SENT_END.search(gap) and texts[k][0].isupper()) or (
            MASKED_RUN in gap and _masks_code(orig, at, gap))

    lo = s
    while lo > 0 and s - lo < WINDOW and not ends_before(lo):
        lo -= 1
    hi = s
    while hi + 1 < len(starts) and hi - s < WINDOW and not ends_before(hi + 1):
        hi += 1
    return lo, hi


def _tokens(model: Model, prose: str, columns: tuple[list[int], list[int], list[str]],
            lo: int, hi: int) -> list[Tok]:
    """The chunk's words with their evidence, in context: which are names, particles of
    names, units, code, allowed phrases, and which sit inside square brackets."""
    starts, ends, texts = columns
    toks: list[Tok] = []
    nwords = len(starts)
    depth = 0
    for i in range(lo, hi + 1):
        start, end, text = starts[i], ends[i], texts[i]
        _, margins, unknown = model.word(text)
        if margins and model.target == "en" and text.islower() and \
                _out_of_place(prose, starts, ends, texts, i):
            margins = {k: v + OUT_OF_PLACE if v > 0.0 else v for k, v in margins.items()}
        tok = Tok(start, end, text, margins, unknown=unknown)
        before = prose[ends[i - 1] if i else max(0, start - 3) : start]
        depth = max(0, depth + before.count("[") - before.count("]"))
        tok.bracket = depth > 0
        # ASCII letters alone are Latin and hold no digit: most words need no search.
        if not (text.isascii() and text.isalpha()) and (
                _DIGIT.search(text) or not _LATIN.rx.search(text)):
            tok.weight = 0.0
        elif _code_word(prose, start, end, text, unknown):
            tok.weight = -1.0
        elif len(text) > 1 and text.isupper():
            tok.weight = 0.0  # acronyms
        elif not text.islower() and (text[0].isupper() or any(c.isupper() for c in text[1:])):
            tok.name = True
            initial = i == lo or _hard_break(prose, start - len(before), before) \
                or bool(_SENT_END.search(before)) \
                or any(c in _OPEN for c in before.strip())
            name_follows = False
            if i + 1 < nwords and _joined(prose[end : starts[i + 1]]):
                nxt = texts[i + 1]
                name_follows = _is_name(nxt) or (
                    len(nxt) <= 4 and nxt.islower() and i + 2 < nwords
                    and _is_name(texts[i + 2])
                    and _joined(prose[ends[i + 1] : starts[i + 2]]))
            if tok.bracket:
                pass  # MT leaves bracketed insertions whole: "[A Coreia do Norte]"
            elif not initial or name_follows or not text[0].isupper():
                tok.weight = 0.0
            else:
                tok.weight = INITIAL_WEIGHT
                tok.label = _label_line(prose, start, end)
        toks.append(tok)
    _names_in_brackets(toks)
    if NOUN_AFTER:
        for j in range(1, len(toks)):
            tok = toks[j]
            if tok.name and tok.weight == 0.0 and not tok.bracket and _noun_after(
                    model, prose, starts, ends, texts, lo + j, model.word(tok.text)[0]):
                tok.weight = NOUN_WEIGHT
                tok.noun = True
    keys = [normalize(t.text) for t in toks]
    # Context that needs both neighbours (looking one word past the chunk's edges).
    for j, tok in enumerate(toks):
        if tok.weight != 1.0 or tok.name or tok.bracket:
            continue
        i = lo + j
        prev = toks[j - 1] if j else None
        if prev is not None and prev.weight == 0.0 and _DIGIT.search(prev.text) \
                and len(tok.text) <= 3 and prose[prev.end : tok.start] == " ":
            tok.weight = 0.0  # a unit: 25 km (15 mi)
        elif keys[j] in _PARTICLES and (
            (i + 1 < nwords and _is_name(texts[i + 1])
             and not (j + 1 < len(toks) and toks[j + 1].noun)
             and _joined(prose[tok.end : starts[i + 1]]))
            or (i > 0 and _is_name(texts[i - 1])
                and _joined(prose[ends[i - 1] : tok.start])
                and (j == 0 or toks[j - 1].weight == 0.0))):
            tok.weight = 0.0  # a particle of a name: Charles de Gaulle, Île de la Cité
    # Established phrases (de facto, status quo) and the user's allowed phrases.
    if model.allow_phrases:
        firsts = model.phrase_firsts
        for j in range(len(toks)):
            if keys[j] not in firsts:
                continue
            for k in range(min(model.max_phrase, len(toks) - j), 1, -1):
                if " ".join(keys[j : j + k]) in model.allow_phrases:
                    for t in toks[j : j + k]:
                        t.weight = -1.0
                    break
    return toks


# Words after which English begins a noun phrase (prepositions, determiners, "all"); and
# words that begin one. Prepositions that are also particles or adverbs (to, over, after,
# before) are left out: "to" + a verb + "the" is English.
_PHRASE_HEAD = frozenset((
    "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "under", "between",
    "among", "through", "during", "without", "within", "against",
    "the", "a", "an", "all", "his", "its", "their", "our", "your", "my", "these", "those",
))
_PHRASE_START = frozenset(("the", "a", "an", "his", "its", "their", "our", "your", "my",
                           "these", "those"))
_SUBJECTS = frozenset(("i", "he", "she", "we", "they"))
_AUXILIARIES = frozenset(("was", "is", "are", "were", "has", "had", "have", "will", "would",
                          "can", "could", "should", "did", "does"))


def _out_of_place(prose: str, starts: list[int], ends: list[int], texts: list[str], i: int
                  ) -> bool:
    """Is word ``i`` where English has no room for a word of its own: between a preposition
    or determiner and the determiner of the next phrase ("costs for strada the area", "all
    lettere the results"), or between a subject pronoun and its auxiliary ("She ancora
    was")? English puts only closed-class words there (all, such, least, must), and those
    have no foreign evidence; a foreign word there was left behind by translation, not
    chosen as a loan, which English syntax would have placed (the femme de chambre, a glass
    of grappa)."""
    if i == 0 or i + 1 >= len(texts):
        return False
    before, after = ends[i - 1], ends[i]
    if starts[i] - before != 1 or starts[i + 1] - after != 1 or prose[before] != " " or \
            prose[after] != " ":
        return False
    prev = texts[i - 1].lower()
    nxt = texts[i + 1]
    return (prev in _PHRASE_HEAD and nxt in _PHRASE_START) or (
        prev in _SUBJECTS and nxt in _AUXILIARIES)


_OPTION_AFTER = re.compile(r" --?[A-Za-z]")


def _names_in_brackets(toks: list[Tok]) -> None:
    """Capitalised words in square brackets count as foreign (MT leaves bracketed insertions
    whole: "[A Coreia do Norte]", "[senador Marcos]"), but not in brackets that hold no
    lowercase word: those list names ("[ Helmut Grohne ]", "[Jens Herden]" in a changelog)."""
    j = 0
    while j < len(toks):
        if not toks[j].bracket:
            j += 1
            continue
        k = j
        while k < len(toks) and toks[k].bracket:
            k += 1
        if not any(t.text[0].islower() for t in toks[j:k]):
            for t in toks[j:k]:
                if t.name:
                    t.weight = 0.0
        j = k


def _code_word(prose: str, start: int, end: int, text: str, unknown: bool) -> bool:
    """Is the word at ``start:end`` code by its surroundings: glued to code characters, a
    domain or an abbreviation (e.g.), an item of a list with no space after its commas, the
    identifier a definition list defines, an identifier in straight quotes ('kwargs')? The
    last two only for words no list holds (or with an underscore), as a foreign word
    (weiterhin:, 'obrigadíssimo') is not code."""
    n = len(prose)
    prev_c = prose[start - 1] if start > 0 else " "
    next_c = prose[end] if end < n else " "
    if prev_c in _CODE_BEFORE or next_c in _CODE_AFTER:
        return True
    if next_c == "." and end + 1 < n and prose[end + 1].isalnum():
        return True
    if text.islower() and _OPTION_AFTER.match(prose, end):
        return True  # a command and its option: "grep -i", "xargs --null"
    if (prev_c in ",[\"'" or next_c in ",]") and _code_context(prose, start, end, prev_c,
                                                               next_c):
        return True
    if text.islower() and (unknown or "_" in text) and _defined_term(prose, start, end):
        return True
    return prev_c == next_c == "'" and unknown and text.isascii() and (
        start < 2 or not prose[start - 2].isalnum())


def _noun_after(model: Model, prose: str, starts: list[int], ends: list[int], texts: list[str],
                i: int, best: float) -> bool:
    """A capitalised word right after a lowercase foreign word, itself a frequent word abroad
    and hardly one in the target language: a noun of a language that capitalises nouns
    ("den Stoffwechsel des Gehirns"), not a name."""
    if not NOUN_AFTER or best < NOUN_EVIDENCE or i == 0:
        return False
    prev = texts[i - 1]
    return prev.islower() and _joined(prose[ends[i - 1] : starts[i]]) and \
        model.word(prev)[0] >= EVIDENCE


# What follows the term of a definition list or a parameter list: "fileobj -- file object",
# "environ   : environment", "digestmod: A hash name", "pstdev     Population standard ...".
_DEFINITION_AFTER = re.compile(r"[ \t]*:[ \t]|[ \t]+--?[ \t]|[ \t]{3,}\S")
_LINE_LEAD = " \t\0*-+•"


def _defined_term(prose: str, start: int, end: int) -> bool:
    """The word alone begins its line (after indentation or a bullet) and a definition follows
    it as definition lists and parameter lists write one."""
    if _DEFINITION_AFTER.match(prose, end) is None:
        return False
    return starts_line(prose, start, _LINE_LEAD)


# A string literal after a comparison or an assignment: extra == "dmypy", lang='pt'.
_LITERAL_BEFORE = re.compile(r"[=<>!]?=[^\S\n]*[\"']$")
_TOKEN_REACH = 200


def _code_context(prose: str, start: int, end: int, prev_c: str, next_c: str) -> bool:
    """Syntax that prose does not write around a word: an item of a list of three or more
    with no space after its commas (json,jsonschema,openapi), the whole content of brackets
    glued to a word (ini2toml[lite]), a quoted literal after an operator. A single comma
    without a space (late,disse Kim) is a typing slip of prose, not code."""
    if prev_c == "[" or next_c == "]":
        return next_c in "]," and prev_c in "[," and start > 1 and prose[start - 2].isalnum()
    if prev_c == "," or next_c == ",":
        return prose.count(",", *space_free_token(prose, start, end, _TOKEN_REACH)) >= 2
    return prev_c in "\"'" and _LITERAL_BEFORE.search(prose, max(0, start - 4), start) is not None


def _label_line(prose: str, start: int, end: int) -> bool:
    """The word starts a line of at most LABEL_WORDS words, shorter than SHORT_LINE."""
    around = line_around(prose, start, end, SHORT_LINE)
    if around is None:
        return False
    first, last = around
    line = prose[first:last]
    return not line[: start - first].strip(" \t\0#*>-") and len(line.strip()) < SHORT_LINE \
        and len(line.split()) <= LABEL_WORDS


def _hard_break(prose: str, at: int, gap: str) -> bool:
    """A line break that ends a unit: a blank line, or the end of a short line (a label, a
    heading). The breaks of hard-wrapped prose (lines of 40+ characters) are spaces."""
    first = gap.find("\n")
    if first < 0:
        return False
    if gap.count("\n") > 1:
        return True
    line_start = prose.rfind("\n", 0, at) + 1
    return at - line_start < SHORT_LINE


def _joined(gap: str) -> bool:
    """Words separated only by a space or the line break of wrapped prose."""
    return gap in (" ", "\n", "\r\n", "\u00a0")


def _is_name(text: str) -> bool:
    return text[0].isupper() and not (len(text) > 1 and text.isupper())


def _gap_kind(prose: str, a: Tok | None, b: Tok | None) -> tuple[bool, bool]:
    """(soft enter before b, soft leave after a): punctuation, brackets, quotes, line breaks."""
    if a is None or b is None:
        return True, True
    gap = prose[a.end : b.start]
    if not gap.strip(" \r\n"):
        brk = "\n" in gap and _hard_break(prose, a.end, gap)
        return brk, brk
    brk = "\n" in gap and _hard_break(prose, a.end, gap)
    soft_enter = brk or any(c in _OPEN or c in _PUNCT for c in gap) or \
        bool(_SENT_END.search(gap))
    soft_leave = brk or any(c in _CLOSE or c in _PUNCT for c in gap) or \
        bool(_SENT_END.search(gap))
    return soft_enter, soft_leave


def chunk_languages(toks: list[Tok]) -> list[str]:
    """The languages with the most evidence in a chunk, best first: only they compete (speed;
    the others cannot win a span anyway)."""
    support: dict[str, float] = {}
    for tk in toks:
        if tk.weight > 0:
            for lang, m in tk.margins.items():
                if m > 0:
                    support[lang] = support.get(lang, 0.0) + m
    return sorted(support, key=lambda k: (-support[k], k))[:MAX_STATES]


def path_hits(model: Model, toks: list[Tok], states: list[str], back: list[list[int]],
              score: list[float], lo: int, enters: list[float], leaves: list[float]
              ) -> list[Hit]:
    """The spans of the best path: leave at the chunk's end, trace the back pointers, and make
    a hit of each run of one foreign state, judged against the boundaries it crossed."""
    n = len(toks)
    final = [score[0]] + [score[j] - LEAVE_SOFT for j in range(1, len(states))]
    j = max(range(len(states)), key=lambda k: final[k])
    path = [0] * n
    for x in range(n - 1, -1, -1):
        path[x] = j
        j = back[x][j]
    hits: list[Hit] = []
    x = 0
    while x < n:
        if path[x] == 0:
            x += 1
            continue
        j = path[x]
        u = x
        while u + 1 < n and path[u + 1] == j:
            u += 1
        hit = _make_hit(model, toks, x, u, states[j], lo, enters[x] + leaves[u + 1])
        if hit:
            hits.append(hit)
        x = u + 1
    return hits


def _decode(model: Model, prose: str, toks: list[Tok], lo: int) -> list[Hit]:
    langs = chunk_languages(toks)
    if not langs:
        return []
    states = ["", *langs]
    n = len(toks)
    nstates = len(states)
    neg = -math.inf
    priors = [0.0] + [model.prior[lang] for lang in langs]
    # Each word's margin per state, as Model.margin computes it (one value for all states
    # where the word has no margins: neutral, forced, or no candidate's word).
    cols: list[list[float]] = [[] for _ in langs]
    for tok in toks:
        w = tok.weight
        if w == 0.0:
            v = -STEP / 2
        elif w < 0.0:
            v = CLIP_LOW
        else:
            ms = tok.margins
            d = -STEP if tok.unknown else CLIP_LOW
            if ms:
                for lang, col in zip(langs, cols, strict=True):
                    col.append((ms.get(lang, d) - STEP) * w)
                continue
            v = (d - STEP) * w
        for col in cols:
            col.append(v)
    back: list[list[int]] = []
    # What entering before token x and leaving before token x cost (x == n: the chunk's end),
    # so that a span's confidence is judged against the boundaries it actually crossed.
    enters = [0.0] * n
    leaves = [LEAVE_SOFT] * (n + 1)
    score = [0.0] + [neg] * len(langs)
    prev_end = -1
    for x in range(n):
        tok = toks[x]
        if x == 0:
            enter, leave = ENTER_SOFT, LEAVE_SOFT
        elif tok.start - prev_end == 1 and prose[prev_end] == " ":
            enter, leave = ENTER, LEAVE  # one space: no boundary (see _gap_kind)
        else:
            soft_enter, soft_leave = _gap_kind(prose, toks[x - 1], tok)
            enter = ENTER_SOFT if soft_enter else ENTER
            leave = LEAVE_SOFT if soft_leave else LEAVE
            if soft_enter or soft_leave:
                # Square brackets hold editorial insertions, which machine translation leaves
                # whole.
                gap = prose[prev_end : tok.start]
                if "[" in gap:
                    enter = ENTER_BRACKET
                if "]" in gap:
                    leave = LEAVE_BRACKET
        enters[x] = enter
        if x:
            leaves[x] = leave
        prev_end = tok.end
        # Into the target state: stay, or leave a foreign one (the first best wins a tie).
        best, arg = score[0], 0
        for k in range(1, nstates):
            if score[k] - leave > best:
                best, arg = score[k] - leave, k
        new = [best]
        ptr = [arg]
        # Into a foreign state: enter it, stay, or switch from another one.
        entered = score[0] - enter
        switched = [v - SWITCH for v in score]
        for j in range(1, nstates):
            best, arg = entered - priors[j], 0
            for k in range(1, nstates):
                c = score[k] if k == j else switched[k]
                if c > best:
                    best, arg = c, k
            new.append(best + cols[j - 1][x])
            ptr.append(arg)
        score = new
        back.append(ptr)
    return path_hits(model, toks, states, back, score, lo, enters, leaves)


def _make_hit(model: Model, toks: list[Tok], a: int, b: int, lang: str, lo: int,
              paid: float = ENTER_SOFT + LEAVE_SOFT) -> Hit | None:
    # Trim neutral words (names, numbers) at the edges.
    while a <= b and toks[a].weight == 0.0:
        a += 1
    while b >= a and toks[b].weight == 0.0:
        b -= 1
    if a > b:
        return None
    span = toks[a : b + 1]
    total = sum(model.margin(t, lang) for t in span)
    # A capitalised word counts where it is no name: in brackets, or as a label whose word is
    # a common word abroad and none in English.
    evidence = max((t.margins.get(lang, CLIP_LOW) * t.weight for t in span
                    if t.weight > 0 and len(t.text) >= 3 and (
                        t.bracket or not t.name or t.noun
                        or (t.label and t.margins.get(lang, CLIP_LOW) >= LABEL_EVIDENCE))),
                   default=CLIP_LOW)
    if evidence < EVIDENCE or total < MIN_SCORE:
        return None
    conf = _confidence(total, paid)
    return Hit(span[0].start, span[-1].end, lang, total, conf, lo + a, lo + b, paid)


def _utterance(prose: str, h: Hit) -> bool:
    """The span is a whole quoted sentence or quotation, ended by punctuation:
    ``: "La signora e fuori; ma verra subito";`` or ``“Buon giorno! Take ...``."""
    if not _UTTER_AFTER.rx.match(prose, h.end):
        return False
    lead = prose[max(0, h.start - 80) : h.start]
    m = _QUOTE_OPENED.search(lead)
    if m:
        return True
    # A sentence inside a quotation that is still open in this paragraph.
    if not _SENT_START.search(lead):
        return False
    cut = prose.rfind("\n\n", max(0, h.start - 3000), h.start)
    para = prose[cut + 1 if cut >= 0 else max(0, h.start - 3000) : h.start]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1


def _merge(prose: str, hits: list[Hit]) -> list[Hit]:
    """Join spans of one language separated only by punctuation ("La signora e fuori; ma")."""
    out: list[Hit] = []
    for h in hits:
        if out and out[-1].lang == h.lang and 0 <= h.start - out[-1].end <= 60 and \
                _BRIDGE.rx.fullmatch(prose, out[-1].end, h.start):
            p = out[-1]
            score = p.score + h.score
            out[-1] = Hit(p.start, h.end, h.lang, score, max(p.confidence, h.confidence),
                          p.first, h.last, min(p.paid, h.paid))
        else:
            out.append(h)
    return out


def _relabel(model: Model, hits: list[Hit], words: Sequence[Token]) -> list[Hit]:
    """Name every span after the document's main source language when that language explains
    it nearly as well: "disse" is Norwegian too, but not in a Portuguese-sourced page."""
    if len(hits) < 2:
        return hits
    weight: dict[str, float] = {}
    for h in hits:
        weight[h.lang] = weight.get(h.lang, 0.0) + h.score
    main = max(sorted(weight), key=lambda k: weight[k])
    out: list[Hit] = []
    for h in hits:
        if h.lang != main:
            alt = sum(model.word(words[i].text)[1].get(main, CLIP_LOW)
                      for i in range(h.first, h.last + 1))
            if alt >= h.score - 1.5 and alt >= MIN_SCORE:
                h = Hit(h.start, h.end, main, alt, _confidence(alt, h.paid), h.first, h.last,
                        h.paid)
        out.append(h)
    return out


def _excused(model: Model, doc: Document, words: Sequence[Token], h: Hit) -> bool:
    text = doc.text
    prose = indented_prose(doc)
    # One word that no word list holds, judged by its letters alone, on a line of its own: a
    # heading or label naming a product or a term of art (textlint, kubectl), not a leftover.
    if h.first == h.last and model.word(words[h.first].text)[2] and _alone_on_line(prose, h):
        return True
    # One word said again and again (“Gia--gia”, “olé, olé”): a cry or a sound the author
    # wrote down; translation leaves sentences' words behind, not a word twice in a row.
    if h.last > h.first and len({w.text.lower() for w in words[h.first : h.last + 1]}) == 1:
        return True
    # A whole quoted utterance in another language: dialogue, a motto (deliberate).
    if _utterance(prose, h):
        return True
    # The title of a work, dated: "the film Touchez pas au grisbi (1954)".
    if _YEAR_AFTER.match(prose, h.end):
        return True
    # Italicised (_word_, *word*, or markup masked around it).
    before = text[max(0, h.start - 1) : h.start]
    after = text[h.end : h.end + 1]
    if before and after and before in _ITALIC and after in _ITALIC:
        return True
    # Glossed: "the word X", "called X", "X (meaning ...)".
    lead = prose[max(0, h.start - 30) : h.start]
    lead = lead.rstrip(" “\"‘'«")
    if _GLOSS_BEFORE.search(lead + " "):
        return True
    if _GLOSS_AFTER.rx.match(prose[h.end : h.end + GLOSS_REACH]):
        return True
    # A credit: "reviewed by: plam", "Reported-by: dann" (a trailer names a person or handle).
    if h.first == h.last and _CREDIT_BEFORE.search(lead):
        return True
    # The whole content of parentheses: the original term given beside its translation.
    if _PAREN_BEFORE.search(prose, max(0, h.start - 2), h.start) and \
            _PAREN_AFTER.match(prose, h.end):
        return True
    return (EXCLAIM and _exclamation(prose, words, h)) or \
        (QUOTED_NAME and _quoted_name(model, prose, words, h)) or \
        (LOAN_NOUN and _loan_noun(model, prose, words, h))


# A lowercase word beginning a paragraph, a list item or heading, or a sentence (after a stop
# that does not end a one-letter abbreviation such as e.g.); not a line of wrapped prose.
_LOWER_START = _Lazy(
    r"(?:\A\0*|\n[^\S\n]*\n|\n[^\S\n]*(?:[-*+>#]+|\0+)[^\S\n]+|"
    r"(?<![^\p{L}]\p{L})[.!?][^\S\n]+)"
    r"[^\S\n]*(\p{Ll}+)(?![\p{L}\p{M}\d])",
    regex.V1,
)


class _Terms:
    """Words no list holds that the document itself marks as its own terms: identifiers that
    also occur in its code or URLs (`pytest`, [autoflake](https://pypi.org/project/autoflake/)),
    words it repeats and writes in lower case where a sentence begins (a product's name:
    textlint, langcodes), and, in a document that writes code, all of them (kwargs,
    namedtuple: see writes_code). Machine translation leaves words of running prose behind,
    not the identifiers a text writes in code; and a word any list holds (disse, que) is never
    one."""

    def __init__(self, doc: Document, texts: list[str]) -> None:
        self.doc = doc
        self.texts = texts
        self._starts: frozenset[str] | None = None
        self._counts: Counter[str] | None = None
        self._memo: dict[str, bool] = {}

    def term(self, model: Model, text: str) -> bool:
        got = self._memo.get(text)
        if got is None:
            if model.word(text)[2]:
                got = text.casefold() in code_words(self.doc) or \
                    self._repeated_name(text, TERM_REPEATS) or writes_code(self.doc)
            else:
                # A word some list holds (grep is Norwegian) is the document's own name for
                # something only when it is written often, and in lower case where a
                # sentence or line begins: "grep now treats the file as binary", or written
                # alone as inline code: `undici`.
                got = self._repeated_name(text, LISTED_TERM_REPEATS) or (
                    text.casefold() in code_names(self.doc))
            self._memo[text] = got
        return got

    def _repeated_name(self, text: str, repeats: int) -> bool:
        if self._counts is None:
            self._counts = Counter(self.texts)
        low = text.lower()
        if self._counts[low] + self._counts[low.capitalize()] < repeats:
            return False
        # ... written in lower case where a sentence begins: a name that keeps its spelling
        # (pytest, textlint), as a foreign word in prose would not.
        return low in self.lowercase_starts

    @property
    def lowercase_starts(self) -> frozenset[str]:
        if self._starts is None:
            # (Markdown's masked markers stay NUL in ``indented_prose``: "## undici".)
            self._starts = frozenset(
                m.group(1) for m in _LOWER_START.rx.finditer(indented_prose(self.doc)))
        return self._starts

    def explain(self, model: Model, words: Sequence[Token], h: Hit) -> bool:
        """Every word that makes the span foreign is a term of the document."""
        strong = [w.text for w in words[h.first : h.last + 1]
                  if model.word(w.text)[1].get(h.lang, CLIP_LOW) >= EVIDENCE]
        return bool(strong) and all(self.term(model, t) for t in strong)


# A list of one-word items around a word: "(obj, func, args, kwargs)".
_LIST_ITEM = r"[\w.]+"
_ITEMS_BEFORE = regexcache.compile(rf"(?:{_LIST_ITEM}, ){{1,6}}$")
_ITEMS_AFTER = regexcache.compile(rf"(?:, {_LIST_ITEM}){{1,6}}")
_LIST_REACH = 100


def _code_name(prose: str, h: Hit) -> bool:
    """In a document that writes code, is the one word of ``h`` a name of that code: a
    string in straight quotes ('vars', "kwargs"), the term a definition or parameter list
    defines ("opname - human readable name"), or an item of a list of three one-word items or
    more that brackets or its line hold whole (a signature or a tuple: "(obj, func, args,
    kwargs)"; a list in a sentence, "apples, pears, laranjas and figs", is prose)? Words that
    no list holds are terms in such a document already (see _Terms); these hold for listed
    words too."""
    start, end = h.start, h.end
    before = prose[start - 1] if start else ""
    after = prose[end] if end < len(prose) else ""
    if before and before == after and before in "'\"":
        return True  # (an empty edge is in every string: it needs a mark)
    if _defined_term(prose, start, end):
        return True
    head = _ITEMS_BEFORE.search(prose, max(0, start - _LIST_REACH), start)
    tail = _ITEMS_AFTER.match(prose, end, min(len(prose), end + _LIST_REACH))
    first = head.start() if head else start
    last = tail.end() if tail else end
    if prose.count(", ", first, last) < 2:
        return False
    opened = prose[first - 1] if first else "\n"
    closed = prose[last] if last < len(prose) else "\n"
    if opened in "([" and closed in ")]":
        return True
    return starts_line(prose, first, " \t\0") and (closed == "\n" or prose.startswith(
        ("\r\n", ",\n"), last))


def _alone_on_line(prose: str, h: Hit) -> bool:
    around = line_around(prose, h.start, h.end, SHORT_LINE)
    if around is None:
        return False  # other text within the line's reach: not alone
    start, end = around
    line = prose[start:end]
    return not any(c.isalnum() for c in line.replace(prose[h.start : h.end], "", 1))


SENTENCE_REACH = 400


def _exclamation(prose: str, words: Sequence[Token], h: Hit) -> bool:
    """Most of an exclamation ("A la guerre c'est comme a la guerre!", "charité pour
    l'amour de Dieu!"): a cry or a line of dialogue, which the author wrote on purpose."""
    # A sentence is looked for within SENTENCE_REACH characters either side: on a long text
    # without stops, searching to its ends for every span took time quadratic in its length.
    m = _SENTENCE_END.search(prose, h.end, h.end + SENTENCE_REACH)
    if m is None or m.group() != "!":
        return False
    lo = max(0, h.start - SENTENCE_REACH)
    start = max(lo - 1, *(prose.rfind(c, lo, h.start) for c in ".!?\n")) + 1
    inside = sum(1 for w in words[max(0, h.first - 30) : h.first]
                 if w.start >= start) + sum(
        1 for w in words[h.last + 1 : h.last + 30] if w.end <= m.start())
    return h.last - h.first + 1 >= inside


def _quoted_name(model: Model, prose: str, words: Sequence[Token], h: Hit) -> bool:
    """A span inside a short quotation written as a title (“Lettres a une Inconnue”, “Cien
    años de Soledad”): at least three words, the first and the last capitalised, a
    lowercase one between."""
    cut = max(prose.rfind(c, max(0, h.start - 60), h.start) for c in _QUOTES_OPEN)
    if cut < 0 or "\n\n" in prose[cut : h.start]:
        return False
    end = min((i for i in (prose.find(c, h.end, h.end + 60) for c in _QUOTES_CLOSE) if i >= 0),
              default=-1)
    if end < 0 or "\n\n" in prose[h.end : end]:
        return False
    inside = [w for w in words[max(0, h.first - 12) : h.last + 12] if cut < w.start < end]
    if not (len(inside) >= 3 and inside[0].start == cut + 1 and inside[-1].end == end and
            inside[0].text[0].isupper() and inside[-1].text[0].isupper()):
        return False
    lower = [w.text for w in inside[1:-1] if w.text[0].islower()]
    # Title case leaves only the small words of a title in lower case (articles, prepositions,
    # conjunctions: "a une", "de", "oder"); a lowercase adjective or verb ("mit guter",
    # "clase tiene") is a sentence, capitalised as German or any language writes its nouns.
    zipf = model.lex.zipf
    return bool(lower) and all(
        max(zipf(t, h.lang), zipf(t, model.target)) >= FUNCTION_ZIPF for t in lower)


def _loan_noun(model: Model, prose: str, words: Sequence[Token], h: Hit) -> bool:
    """A foreign noun (phrase) used as a noun of the English sentence: after a determiner and
    followed by punctuation or a function word (“the femme de chambre of the hotel”, “his
    pourboire,”): a loan the author chose (novels lost their italics in plain text), where a
    leftover of translation would sit among the words it modifies or is modified by."""
    if model.target != "en" or h.first == 0:
        return False
    prev = words[h.first - 1]
    if not _joined(prose[prev.end : h.start]) or prev.text.lower() not in _DETERMINERS:
        return False
    after = prose[h.end : h.end + 1]
    if after == "" or after in _LOAN_END:
        return True
    if h.last + 1 >= len(words):
        return False
    nxt = words[h.last + 1]
    return _joined(prose[h.end : nxt.start]) and nxt.text in _FUNCTION_WORDS


def _extend_reporting(model: Model, prose: str, words: Sequence[Token], h: Hit) -> Hit:
    """``”, disse Kim.``: a foreign reporting verb after a quotation takes the name after it,
    or the whole subject when the clause ends there (``”, sagte der Sprecher des Ministeriums.``:
    names, and lowercase words of the span's language such as articles)."""
    lead = prose[max(0, h.start - 4) : h.start]
    if not any(c in "”\"’»" for c in lead):
        return h
    j = h.last + 1
    names_end, names_j = h.end, j  # the old reach: capitalised words only
    end = h.end
    while j < len(words) and j - h.last <= REPORTING_SUBJECT:
        gap = prose[words[j - 1].end : words[j].start]
        if gap not in (" ", "\u00a0"):
            break
        text = words[j].text
        if text[0].isupper():
            if names_j == j:
                names_end, names_j = words[j].end, j + 1
        elif model.word(text)[1].get(h.lang, CLIP_LOW) <= 0.0:
            break
        end = words[j].end
        j += 1
    if end > names_end and not _CLAUSE_END.match(prose, end):
        end, j = names_end, names_j  # the clause goes on in English: keep the names only
    if end == h.end:
        return h
    # The reporting verb names the language: "disse" is also Norwegian, but not before a name.
    verb = " ".join(normalize(w.text) for w in words[h.first : h.last + 1])
    known = _REPORTING.get(verb)
    lang = known[0] if known and known[0] in model.cand_set else h.lang
    return Hit(h.start, end, lang, h.score, h.confidence, h.first, j - 1, h.paid)


def _paragraphs(doc: Document, words: Sequence[Token], hits: list[Hit]
                ) -> list[tuple[Span, str, float]]:
    if not hits:
        return []
    out: list[tuple[Span, str, float]] = []
    starts = doc.word_columns[0]

    for para in doc.paragraphs:
        inside = [h for h in hits if para.start <= h.start < para.end]
        if not inside:
            continue
        a = bisect.bisect_left(starts, para.start)
        b = bisect.bisect_left(starts, para.end)
        # Lowercase words only: names are neutral and would make an English paragraph about
        # foreign places look foreign.
        n = sum(1 for w in words[a:b] if w.text[0].islower())
        if n < PARA_WORDS:
            continue
        covered = sum(1 for h in inside for w in words[h.first : h.last + 1]
                      if w.text[0].islower())
        if covered / n >= PARA_SHARE:
            weight: dict[str, float] = {}
            for h in inside:
                weight[h.lang] = weight.get(h.lang, 0.0) + h.score
            lang = max(sorted(weight), key=lambda k: weight[k])
            conf = min(0.99, covered / n)
            out.append((para, lang, conf))
    return out


def non_latin_paragraphs(doc: Document, known: list[tuple[Span, str, float]]
                         ) -> list[tuple[Span, str, float]]:
    """Paragraphs mostly in another script (Cyrillic, Han, ...) inside a Latin-script text,
    named by langdetect (seeded, so the answer is the same every run)."""
    out: list[tuple[Span, str, float]] = []
    prose = doc.prose
    # One scan in C decides the common case (no letter of another script at all); letters
    # are counted only in the paragraphs that have some.
    if not _beyond_latin(prose):
        return out
    first = _NON_LATIN_LETTER.rx.search(prose)
    if first is None or not _LATIN.rx.search(prose):
        return out
    for para in doc.paragraphs:
        if para.end <= first.start():
            continue
        if not _NON_LATIN_LETTER.rx.search(prose, para.start, para.end):
            continue
        chunk = prose[para.start : para.end]
        other = len(_NON_LATIN_LETTER.rx.findall(chunk))
        latin = len(_LATIN.rx.findall(chunk))
        if other >= 20 and other > 2 * latin:
            lang = detect_language(chunk) or "und"
            out.append((para, lang, 0.9))
    return out


# Letters of a script other than Latin (Common and Inherited hold punctuation, digits,
# combining marks and the IPA's modifier letters such as ˈ and ː).
_OTHER_LETTERS = r"[\p{L}\p{M}--[\p{Latin}\p{Common}\p{Inherited}]]"
_SCRIPT_RUN = _Lazy(
    _OTHER_LETTERS + r"+(?:[^\S\n]?[-·'’.]?[^\S\n]?" + _OTHER_LETTERS + r"+)*", regex.V1
)
_IDEOGRAPHIC = _Lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}"
                     r"\p{Myanmar}\p{Tibetan}]", regex.V1)
# A label naming the language of what follows: "Greek: Αθήνα", "(Arabic: زها حديد".
_LANGUAGE_LABEL = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?:[^\S\n]*$")
# Scripts that name their language outright; the others (Cyrillic, Arabic, Han, Devanagari)
# are shared by several languages and are named by langdetect.
_SCRIPT_LANGUAGE = (
    (_Lazy(r"\p{Hangul}", regex.V1), "ko"), (_Lazy(r"[\p{Hiragana}\p{Katakana}]", regex.V1), "ja"),
    (_Lazy(r"\p{Greek}", regex.V1), "el"), (_Lazy(r"\p{Hebrew}", regex.V1), "he"),
    (_Lazy(r"\p{Thai}", regex.V1), "th"), (_Lazy(r"\p{Armenian}", regex.V1), "hy"),
    (_Lazy(r"\p{Georgian}", regex.V1), "ka"),
)
# English names of the languages langdetect and the script table name (beyond LANGUAGES).
_OTHER_NAMES = {
    "ar": "Arabic", "be": "Belarusian", "bg": "Bulgarian", "bn": "Bengali", "el": "Greek",
    "fa": "Persian", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hy": "Armenian",
    "ja": "Japanese", "ka": "Georgian", "kn": "Kannada", "ko": "Korean", "mk": "Macedonian",
    "ml": "Malayalam", "mr": "Marathi", "ne": "Nepali", "pa": "Punjabi", "ru": "Russian",
    "ta": "Tamil", "te": "Telugu", "th": "Thai", "uk": "Ukrainian", "ur": "Urdu",
    "zh": "Chinese", "zh-cn": "Chinese", "zh-tw": "Chinese", "und": "another script",
}
MIN_SCRIPT_LETTERS = 3   # an alphabet's letters in a run (ρ, Δx are symbols of formulas)
MIN_IDEOGRAPHS = 2       # ... or characters of a script that writes a word in one or two


def language_name(code: str) -> str:
    return LANGUAGES.get(code) or _OTHER_NAMES.get(code, code)


def script_fragments(doc: Document, paragraphs: Sequence[tuple[Span, str, float]]
                     ) -> list[tuple[Span, str, float]]:
    """Runs of another script inside Latin-script prose (``English German French - Английский
    язык``), outside the paragraphs already reported whole. Left alone: names given in their
    own script in parentheses or after a language label (``Athens (Greek: Αθήνα)``), glossed or
    italicised terms, and titles followed by their year."""
    prose = doc.prose
    if not _beyond_latin(prose) or not _LATIN.rx.search(prose):
        return []
    out: list[tuple[Span, str, float]] = []
    namer = _RunNamer()
    for m in _SCRIPT_RUN.rx.finditer(prose):
        start, end = m.span()
        run = m.group()
        if any(p.start <= start < p.end for p, _, _ in paragraphs):
            continue
        letters = sum(1 for c in run if c.isalpha())
        need = MIN_IDEOGRAPHS if _IDEOGRAPHIC.rx.search(run) else MIN_SCRIPT_LETTERS
        if letters < need or _script_excused(doc, start, end):
            continue
        out.append((Span(start, end), namer.name(run), 0.9))
    return out


MAX_DETECTIONS = 32  # statistical guesses per document; each costs 10-50 ms


class _RunNamer:
    """Names the language of each run of another script in one document. A statistical guess
    (langdetect) costs milliseconds, so a document with thousands of different runs would take
    minutes: each distinct run is guessed once, and past MAX_DETECTIONS guesses a run takes the
    language guessed most often for runs of its script so far."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.by_script: dict[str, Counter[str]] = {}
        self.guesses = 0

    def name(self, run: str) -> str:
        got = self.names.get(run)
        if got is not None:
            return got
        named = _named_script(run)
        if named is None:
            script = _script_of(run)
            seen = self.by_script.setdefault(script, Counter())
            if self.guesses < MAX_DETECTIONS or not seen:
                self.guesses += 1
                named = detect_language(run, min_letters=1) or "und"
            else:
                named = seen.most_common(1)[0][0]
            seen[named] += 1
        self.names[run] = named
        return named


def _script_of(run: str) -> str:
    """The script of the run's first letter, by its Unicode name (CYRILLIC, ARABIC, ...)."""
    letter = next((c for c in run if c.isalpha()), "")
    return unicodedata.name(letter, "?").split(" ", 1)[0] if letter else "?"


def _script_excused(doc: Document, start: int, end: int) -> bool:
    prose = doc.prose
    # The sentence (or line) the run sits in, up to the run, and at most SENTENCE_REACH
    # characters back: without the bound, every run of a text without stops read all of the
    # text before it (quadratic), and one unclosed "(" excused every run after it.
    lo = max(0, start - SENTENCE_REACH)
    cut = max(lo, max(prose.rfind(c, lo, start) for c in ".!?\n") + 1)
    lead = prose[cut:start]
    if lead.count("(") > lead.count(")") or lead.count("[") > lead.count("]"):
        return True  # inside parentheses: a name or term given in its own script
    if _LANGUAGE_LABEL.search(lead) or _GLOSS_BEFORE.search(lead.rstrip(" “\"‘'«") + " "):
        return True
    if _GLOSS_AFTER.rx.match(prose[end : end + 20]) or _YEAR_AFTER.match(prose, end):
        return True
    # A person named in their own script in a credit: before an e-mail address, perhaps with
    # the name in Latin letters between ("Вячеслав Петрищев  <…>", "積丹尼 Dan Jacobson <…>",
    # "أحمد المحمودي (Ahmed El-Mahmoudy) <…>"), or after "by:" ("Reported-by: ウさん").
    if _ADDRESS_AFTER.rx.match(prose, end, min(len(prose), end + 80)) or \
            _CREDIT_BEFORE.search(lead):
        return True
    text = doc.text
    before = text[max(0, start - 1) : start]
    after = text[end : end + 1]
    return bool(before and after and before in _ITALIC and after in _ITALIC)


def _named_script(run: str) -> str | None:
    """The language a run's script names outright (Greek, Hebrew, kana, hangul, Han alone),
    or None when only a statistical guess can tell (Cyrillic, Arabic, Devanagari)."""
    for rx, named in _SCRIPT_LANGUAGE:
        if rx.rx.search(run):
            return named
    if _IDEOGRAPHIC.rx.search(run) and all(not c.isalpha() or _IDEOGRAPHIC.rx.match(c)
                                           for c in run):
        return "zh"  # Han alone (kana or hangul would have named Japanese or Korean)
    return None


def detect_language(text: str, min_letters: int = 20) -> str | None:
    """langdetect, seeded for determinism; None for text too short or without letters."""
    sample = text.replace("\0", " ")[:5000]
    if sum(c.isalpha() for c in sample) < min_letters:
        return None
    try:
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        code: str = detect(sample)
    except Exception:  # langdetect raises on text without features
        return None
    return {"no": "nb", "tl": "fil", "hr": "sh", "sr": "sh", "bs": "sh"}.get(code, code)


def glossary_fix(doc: Document, hit: Hit, target: str) -> Fix | None:
    """``, disse Kim.`` -> ``, Kim said.``: only a reporting verb followed by a name."""
    if target != "en":
        return None
    frag = doc.text[hit.start : hit.end]
    m = _CLAUSE.rx.fullmatch(frag)
    if not m:
        return None
    known = _REPORTING.get(normalize(m.group(1)))
    if known is None:
        return None
    verb = known[1]
    return Fix.unsafe(Edit.replace(hit.start, hit.end, f"{m.group(2)} {verb}"),
                      description=f"translate the reporting clause: {m.group(2)} {verb}")


CHECK = ForeignSpan
