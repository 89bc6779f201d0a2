"""Quotation marks of a document: which ones are quotes, which are apostrophes, inch marks or
elisions, and how the quotes pair up. Shared by ``quote-spacing``, ``unbalanced-quotes`` and
``punctuation-spacing``; computed once per document and cached.

A mark's role is decided from its glyph and its place (what stands left and right of it):

- ``"`` and ``'`` have no direction of their own; a mark after a space opens, a mark before a
  space or punctuation closes, and a mark with the same kind of neighbour on both sides opens or
  closes whichever the marks around it need (toggle).
- ``“ ‘ „ ‚`` open and ``” ’`` close; a mark in the wrong place is reported as misdirected
  (German ``„…“`` is recognised: ``“`` may close ``„``).
- « » and ‹ › open or close by place, either way round (French «…», German »…«).
- ``'`` and ``’`` between letters are apostrophes (``Russia’s``, ``d’Ivoire``); before a known
  elision (``’tis``, ``’em``, ``’n’``, ``’90s``) or after a possessive plural (``the players’``)
  they are apostrophes unless a quotation needs them; after a digit they are feet/minutes and
  ``"`` after a digit is an inch mark (``a 7" record``), and ``'`` after a single letter that
  no mark opens a prime (``i'``, ``(i', j')``), again unless a quotation needs them.

Such "soft" marks are never reported: a soft closer closes an open quotation only when no later
mark in the paragraph could close it instead.

Quotations pair within a paragraph (blank-line separated). A quotation left open at the end of a
paragraph is correct when the next paragraph opens with a quotation mark (the convention for a
quotation that runs over several paragraphs); otherwise it may still be closed in the next
paragraph, and is reported at the end of that one. A quotation mark that opens at the start of a
line or of a sentence while a quotation of the same kind is open continues that quotation (the
same convention within a block, or paragraphs joined by a converter).
"""

from __future__ import annotations

import bisect
import unicodedata
import weakref

import regex

from textlint import regexcache
from textlint.checks._layout import code_blocks, code_lines, outside, starts_line
from textlint.diagnostics import Span
from textlint.document import Document
from textlint.formats import merge

OPENER, CLOSER, TOGGLE, NONE, WRONG, LOWCLOSE = range(6)
PLACE_OPEN, PLACE_CLOSE, PLACE_SPACED, PLACE_GLUED = range(4)

QUOTE_CHARS = "\"'`“”‘’„‚«»‹›"
# The mark that closes a quotation each opening mark begins, as the rules that ask whether
# quotes wrap a token whole read them (a backtick opens the GNU `quote').
QUOTE_CLOSERS = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "„": "“", "`": "'"}
_FAMILY = {'"': "d", "“": "d", "”": "d", "„": "d", "'": "s", "‘": "s", "’": "s", "‚": "s",
           "`": "s",
           "«": "g", "»": "g", "‹": "h", "›": "h"}
# What may stand left of an opening mark / right of a closing mark.
_LEFT_OPEN = set(" \t\r\n\0([{<—–/\u00a0\u2009\u202f")
_RIGHT_CLOSE = set(" \t\r\n\0)]}>.,;:!?…—–-/\u00a0\u2009\u202f")
_SENTENCE_END = set(".!?…")
# A speech tag right after the punctuation that ends a quoted utterance, where the closing mark
# belongs: ", said Mr. Eager,", "! exclaimed Passepartout.", ", he cried,".
_VERBS = (
    "said|says|asked|asks|cried|replied|exclaimed|whispered|shouted|answered|continued|added|"
    "returned|remarked|observed|murmured|muttered|repeated|explained|declared|insisted|"
    "protested|retorted|responded|sighed|urged|pleaded|snapped|demanded|inquired|enquired|"
    "suggested|laughed|called|went on"
)
_NAME = r"\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,2}"
_PRONOUN = r"(?:he|she|they|I|we|you|it)"
# Inverted tags also take any past tense before a name: "! exploded Mr. Emerson."
_SPEECH_TAG = regexcache.compile(
    rf"[,!?]\s+(?:(?:{_VERBS})\s+(?:{_PRONOUN}|(?:the|a|his|her|my|our|their)"
    rf"(?:\s+\p{{L}}+){{1,3}}?)|(?:{_VERBS}|\p{{Ll}}{{2,}}ed)\s+{_NAME}"
    rf"|(?:{_NAME}|{_PRONOUN})\s+(?:{_VERBS}))\s*[,.;:!?—–-]",
    regex.V1,
)

# How deep into the open quotations (and how far ahead) pairing looks: far beyond real nesting,
# and it keeps pathological input (thousands of unclosed marks) linear.
DEPTH = 32

def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that begin with an elided letter (’tis, ’em, rock ’n’ roll) and words that end with one
# (goin’, ol’, o’); data, not cases: they are the common English elisions.
_ELIDED_START = wordset(
    "t tis twas twere twill til till em cause cos coz bout round n neath tween twixt gainst "
    "nuff cept fraid kay sup ere cello phone bus plane gator possum burbs hood scuse specially "
    "nother mongst midst"
)
_ELIDED_END = wordset("ol o n an th ma pa fo po")


# Plain classes rather than dataclasses, which would cost every start a millisecond.
_MARK_FIELDS = ("pos", "char", "family", "kind", "place", "soft", "role", "partner", "problem",
                "carried", "lenient", "paragraph")


class Mark:
    __slots__ = _MARK_FIELDS

    def __init__(
        self,
        pos: int,
        char: str,
        family: str,
        kind: int,
        place: int,
        soft: bool = False,
        role: int = NONE,
        partner: int = -1,
        problem: str = "",
        carried: bool = False,
        lenient: bool = False,
        paragraph: int = 0,
    ) -> None:
        self.pos = pos
        self.char = char
        self.family = family
        self.kind = kind
        self.place = place
        self.soft = soft
        self.role = role  # resolved: OPENER, CLOSER or NONE
        self.partner = partner  # index of the paired mark, -1 if none
        self.problem = problem  # why the mark is reported; empty if it is not
        self.carried = carried
        # A straight ' that opens: reported when a quotation crosses it, but not when it is
        # merely left open, as it is then far more often an elision ('net, 'Change, 'Arry) than
        # a quote.
        self.lenient = lenient
        self.paragraph = paragraph

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _MARK_FIELDS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mark) and self._values() == other._values()

    def __repr__(self) -> str:
        return "Mark(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in _MARK_FIELDS) + ")"


class QuoteAnalysis:
    __slots__ = ("_positions", "marks", "troubled")

    def __init__(self) -> None:
        self.marks: list[Mark] = []
        # Paragraph index -> families that have a problem in it (their pairing is not trusted).
        self.troubled: dict[int, set[str]] = {}
        self._positions: list[int] = []

    def at(self, pos: int) -> Mark | None:
        """The mark at offset ``pos``, if any."""
        k = bisect.bisect_left(self.positions, pos)
        if k < len(self.marks) and self.marks[k].pos == pos:
            return self.marks[k]
        return None

    @property
    def positions(self) -> list[int]:
        if len(self._positions) != len(self.marks):
            self._positions = [m.pos for m in self.marks]
        return self._positions

    def trusted(self, mark: Mark) -> bool:
        """The mark was paired and its paragraph has no problem with marks of its family."""
        return mark.partner >= 0 and mark.family not in self.troubled.get(mark.paragraph, ())


_CACHE: weakref.WeakKeyDictionary[Document, QuoteAnalysis] = weakref.WeakKeyDictionary()


def analyse(doc: Document) -> QuoteAnalysis:
    cached = _CACHE.get(doc)
    if cached is None:
        cached = _analyse(doc)
        _CACHE[doc] = cached
    return cached


# Scripts written without spaces between words: no "missing space" next to their letters.
_SPACELESS = regexcache.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}"
    r"\p{Bopomofo}\u3000-\u303f\uff00-\uffef]"
)


def spaceless(c: str) -> bool:
    return bool(c) and _SPACELESS.match(c) is not None


def is_word_char(c: str) -> bool:
    return c.isalnum() or (c != "" and unicodedata.category(c)[0] == "M")


def _word_before(text: str, i: int, lo: int) -> str:
    j = i
    while j > lo and j > i - 24 and is_word_char(text[j - 1]):
        j -= 1
    return text[j:i]


def _word_after(text: str, i: int, hi: int) -> str:
    j = i
    while j < hi and j < i + 24 and is_word_char(text[j]):
        j += 1
    return text[i:j]


def _neighbour(text: str, i: int, step: int, lo: int, hi: int) -> str:
    """The first character next to ``i`` that is not itself a quotation mark (looking past a
    few at most, so that a long run of marks stays linear)."""
    j = i + step
    limit = i + step * 6
    while lo <= j < hi and text[j] in QUOTE_CHARS and j != limit:
        j += step
    return text[j] if lo <= j < hi else ""


def _neighbours(text: str, i: int, lo: int, hi: int) -> tuple[str, str]:
    """``_neighbour`` on both sides. Most marks stand between two characters that are not
    marks: no search then."""
    p = text[i - 1] if i > lo else ""
    if p and p in QUOTE_CHARS:
        p = _neighbour(text, i, -1, lo, hi)
    n = text[i + 1] if i + 1 < hi else ""
    if n and n in QUOTE_CHARS:
        n = _neighbour(text, i, 1, lo, hi)
    return p, n


# What stands before a variable with a prime: a space, a bracket, a separator, an operator.
_BEFORE_PRIME = frozenset(" \t\r\n([{,;=<>")


def _prime(text: str, i: int, lo: int) -> bool:
    """Is the straight mark at ``i``, right after a one-letter word, a prime (``k >= k'``,
    ``(i', j')``)? Only after a letter that stands alone: one after a quotation mark, an
    option's dash or a dot is quoted ('m', '-V', '.r')."""
    return text[i] == "'" and (i - 1 == lo or text[i - 2] in _BEFORE_PRIME)


def _elided_start(word: str) -> bool:
    w = word.lower()
    return w in _ELIDED_START or (len(w) in (2, 3) and w[:2].isdigit() and w[2:] in ("", "s"))


def _elided_end(word: str) -> bool:
    w = word.lower()
    return w.endswith(("s", "z", "x", "in")) or w in _ELIDED_END


def classify(text: str, i: int, lo: int, hi: int, orig: str | None = None
             ) -> tuple[int, int, bool]:
    """Kind, place and softness of the quotation mark at ``text[i]`` (paragraph ``lo..hi``);
    ``orig``, the document's text before masking, tells masked code from masked layout."""
    c = text[i]
    p, n = _neighbours(text, i, lo, hi)
    left_open = p == "" or p in _LEFT_OPEN or p.isspace()
    right_close = n == "" or n in _RIGHT_CLOSE or n.isspace()
    if left_open and not right_close:
        place = PLACE_OPEN
    elif right_close and not left_open:
        place = PLACE_CLOSE
    elif left_open:
        place = PLACE_SPACED
    else:
        place = PLACE_GLUED
    digit_before = p.isdigit()
    if c in "\"'" and i > lo and text[i - 1] in _PREFIX_LETTERS and _string_prefix(text, i):
        return OPENER, PLACE_OPEN, False  # b'', r"\d": a string literal opens
    if c == '"':
        if place == PLACE_OPEN:
            return OPENER, place, False
        if digit_before:
            return CLOSER, place, True
        if place == PLACE_CLOSE:
            return CLOSER, place, False
        return TOGGLE, place, False
    if c in "'’":
        before = text[i - 1] if i > lo else ""
        after = text[i + 1] if i + 1 < hi else ""
        # A masked neighbour (code, a tag) stands for a word: `attrs`’s, </em>’s. Masked
        # layout (a heading's #, a list's bullet, indentation) ends in white space.
        if (is_word_char(before) or (before == "\0" and not _layout(orig, i - 1))) and \
                is_word_char(after):
            return NONE, place, False
        if place == PLACE_GLUED and (is_word_char(before) or is_word_char(after)):
            return NONE, place, False  # al-'Adad, ’s after a closing bracket
        if place == PLACE_OPEN:
            if _elided_start(_word_after(text, i + 1, hi)):
                return (OPENER, place, True) if c == "'" else (NONE, place, False)
            return (OPENER, place, False) if c == "'" else (WRONG, place, False)
        if place == PLACE_CLOSE:
            word = _word_before(text, i, lo)
            if digit_before or _elided_end(word) or (len(word) == 1 and _prime(text, i, lo)):
                return CLOSER, place, True
            return CLOSER, place, False
        return (TOGGLE, place, False) if c == "'" else (CLOSER, place, False)
    if c == "`":
        # `quoted' in the old plain-text convention, a path or an option too (`/usr/lib',
        # `-t'); other backticks are not quotation marks.
        if left_open and n != "" and not n.isspace():
            return OPENER, PLACE_OPEN, False
        return NONE, place, False
    if c == "‘":
        if place == PLACE_CLOSE:
            return LOWCLOSE, place, False
        if place == PLACE_OPEN and _elided_start(_word_after(text, i + 1, hi)):
            return NONE, place, False  # ‘90s: a misdirected apostrophe, not a quotation
        return OPENER, place, False
    if c == "“":
        return (LOWCLOSE, place, False) if place == PLACE_CLOSE else (OPENER, place, False)
    if c == "”":
        if place == PLACE_OPEN:
            return WRONG, place, False
        return CLOSER, place, digit_before
    if c in "„‚":
        if c == "‚" and place != PLACE_OPEN:
            return NONE, place, False  # a comma-like glyph, not a quotation mark
        return OPENER, place, False
    # Guillemets open or close by place; spaced on both sides they follow French usage.
    if place == PLACE_OPEN:
        return OPENER, place, False
    if place == PLACE_CLOSE:
        return CLOSER, place, False
    return (OPENER if c in "«‹" else CLOSER), place, False


def _analyse(doc: Document) -> QuoteAnalysis:
    prose = doc.prose
    out = QuoteAnalysis()
    paragraphs = doc.paragraphs
    if not paragraphs:
        return out
    orig = doc.text if doc.masked else None
    found = outside(merge(code_blocks(doc) + code_lines(doc, literal=True)),
                    _mark_offsets(prose, orig))
    if found and ("``" in prose or "$" in prose or "\\" in prose):
        found = _without_other_quoting(prose, found)
    if not found:
        return out
    marks = out.marks
    append = marks.append
    per_paragraph: list[tuple[int, int, int]] = []  # (paragraph, first mark, end mark)
    starts = doc.paragraph_starts
    k = 0
    n = len(found)
    last = -1  # the paragraph of the previous mark
    while k < n:
        pi = bisect.bisect_right(starts, found[k]) - 1
        if pi < 0 or found[k] >= paragraphs[pi].end:
            k += 1  # between paragraphs: not part of any
            continue
        # A paragraph without marks ends every quotation carried into it, so after one of them
        # none is left open, and a later one changes nothing.
        if 0 <= last < pi - 1:
            per_paragraph.append((last + 1, len(marks), len(marks)))
        span = paragraphs[pi]
        lo, hi = span.start, span.end
        first = len(marks)
        stop = bisect.bisect_left(found, hi, k)
        for i in found[k:stop]:
            c = prose[i]
            kind, place, soft = classify(prose, i, lo, hi, orig)
            append(Mark(i, c, _FAMILY[c], kind, place, soft, NONE, -1, "", False, False, pi))
        k = stop
        per_paragraph.append((pi, first, len(marks)))
        last = pi
    _pair(prose, paragraphs, marks, per_paragraph)
    for m in marks:
        if m.problem and m.problem != "empty":
            out.troubled.setdefault(m.paragraph, set()).add(m.family)
    return out


_APOSTROPHES = "'’"


def _without_other_quoting(prose: str, found: list[int]) -> list[int]:
    """``found`` without the marks of other quoting conventions, which pair by their own rules:
    TeX's ``word'' (a GNU `word' pairs as a single quotation already), the quotes of a
    shell's $'...' and $"..." strings, and a straight mark escaped inside a string of code
    ("a \\"quoted\\" word")."""
    drop: set[int] = set()
    at = prose.find("``")
    while at >= 0:
        close = prose.find("''", at + 2, at + 4 + _QUOTED_REACH)
        if close < 0:
            at = prose.find("``", at + 2)
            continue
        between = prose[at + 2 : close]
        if between and not between[0].isspace() and "`" not in between and \
                "\n\n" not in between and len(between) <= _QUOTED_REACH:
            drop.update((at, at + 1, close, close + 1))
            at = prose.find("``", close + 2)
        else:
            at = prose.find("``", at + 2)
    for quote in "'\"":
        at = prose.find("$" + quote)
        while at >= 0:
            close = prose.find(quote, at + 2, at + 2 + _QUOTED_REACH)
            # A shell string: "$" where a word begins, a string's first character, and its
            # closing quote on the line (not US$", 5$" or a quoted "$").
            if (at == 0 or prose[at - 1] in " \t\n(=") and at + 2 < len(prose) and \
                    not prose[at + 2].isspace() and close > at + 2 and \
                    "\n" not in prose[at:close]:
                drop.update((at + 1, close))
                at = prose.find("$" + quote, close + 1)
            else:
                at = prose.find("$" + quote, at + 2)
        escaped: dict[int, list[int]] = {}  # line start -> the escaped marks on the line
        at = prose.find("\\" + quote)
        while at >= 0:
            k = at
            while k > 0 and prose[k - 1] == "\\":
                k -= 1
            # An odd number of backslashes escapes the mark, unless the backslash ends a
            # Windows folder ("C:\\", "C:\\Temp\\"): a path written in quotes.
            if (at + 1 - k) % 2 == 1 and not _WINDOWS_FOLDER.search(
                    prose, max(0, at - _PATH_REACH), at + 1):
                escaped.setdefault(prose.rfind("\n", 0, at) + 1, []).append(at + 1)
            at = prose.find("\\" + quote, at + 2)
        # Escaped marks of a string of code come in pairs on a line ("a \"b\" c", Tom
        # \"spot\" Callaway); one alone is a quoted backslash ("\") or a line's end.
        for marks in escaped.values():
            if len(marks) >= 2:
                drop.update(marks)
    return [i for i in found if i not in drop] if drop else found


# A drive and the folders of a Windows path up to a backslash: the text before a ``\"``
# that closes a quoted path rather than escaping the mark (searched back from the mark).
_WINDOWS_FOLDER = regex.compile(r"(?<![\w\\])[A-Za-z]:\\(?:[^\n\\\"]+\\)*\Z")

_PATH_REACH = 260  # Windows' classic longest path

# How far a TeX quotation (``like this'') may run before its closing marks.
_QUOTED_REACH = 200


def offsets(text: str, chars: str) -> list[int]:
    """Sorted offsets of the characters ``chars`` in ``text``. A ``find`` loop per character:
    for rare characters a C-level search skips far faster than a regular expression's
    character class."""
    out: list[int] = []
    append = out.append
    find = text.find
    for c in chars:
        i = find(c)
        while i >= 0:
            append(i)
            i = find(c, i + 1)
    if len(chars) > 1:
        out.sort()
    return out


# Prefixes of a Python string literal (b'', r"\d", f'{x}'): the quotation mark after one opens
# the literal, though a letter stands before it.
_STRING_PREFIXES = frozenset(("b", "r", "u", "f", "br", "rb", "fr", "rf"))
_PREFIX_LETTERS = frozenset("bBrRuUfF")


def _string_prefix(text: str, i: int) -> bool:
    """Is the straight quotation mark at ``i`` the start of a literal: right after a string
    prefix that stands alone (no letter or quotation mark before it: "rb" is a quoted word) and
    before the literal's first character or its closing mark (b'', b'abc'; not "x / b" (...)."""
    j = i
    while j > 0 and i - j < 2 and text[j - 1].isalpha():
        j -= 1
    if j == i or (j > 0 and (is_word_char(text[j - 1]) or text[j - 1] in QUOTE_CHARS)):
        return False
    after = text[i + 1 : i + 2]
    if not after or not (after == text[i] or is_word_char(after)):
        return False
    return text[j:i].lower() in _STRING_PREFIXES


def _triple(text: str, i: int) -> bool:
    """Is the mark at ``i`` one of a run of three or more (a Python docstring's quotes)?"""
    c = text[i]
    before = text[i - 2 : i] == c + c
    after = text[i + 1 : i + 3] == c + c
    return before or after or (text[i - 1 : i] == c and text[i + 1 : i + 2] == c)


def _layout(orig: str | None, j: int) -> bool:
    """Is the masked character at ``j`` layout or markup around prose rather than code or a
    tag standing for a word: white space, emphasis (*'Hello,'*), a link's opening bracket, or
    a quotation marker at the start of its line (> 'Hello')?"""
    if orig is None:
        return False
    c = orig[j]
    if c.isspace() or c in "*_[":
        return True
    return c == ">" and starts_line(orig, j, " \t>")


def _mark_offsets(prose: str, orig: str | None = None) -> list[int]:
    """Offsets of the quotation marks, apostrophes inside words left out (as ``offsets``);
    ``orig`` as for ``classify``."""
    out: list[int] = []
    append = out.append
    find = prose.find
    last = len(prose) - 1
    for c in QUOTE_CHARS:
        i = find(c)
        if c in _APOSTROPHES:
            while i >= 0:
                # Not an apostrophe inside a word (Russia’s, d'Ivoire) unless it opens a
                # string literal (b'abc'), nor one of a docstring's three quotes.
                inside = 0 < i < last and is_word_char(prose[i + 1]) and (
                    is_word_char(prose[i - 1])
                    or (prose[i - 1] == "\0" and not _layout(orig, i - 1)))
                straight = c == "'"
                if straight and (prose[i - 1 : i] == c or prose[i + 1 : i + 2] == c) and \
                        _triple(prose, i):
                    pass
                elif not inside or (straight and prose[i - 1] in _PREFIX_LETTERS
                                    and _string_prefix(prose, i)):
                    append(i)
                i = find(c, i + 1)
        else:
            while i >= 0:
                if not (c == '"' and (prose[i - 1 : i] == c or prose[i + 1 : i + 2] == c)
                        and _triple(prose, i)):
                    append(i)
                i = find(c, i + 1)
    out.sort()
    return out


def _line_or_sentence_start(text: str, i: int, lo: int) -> int:
    """2 if ``text[i]`` starts a line, 1 if it follows the end of a sentence, else 0."""
    j = i
    while j > lo and text[j - 1] in " \t\0\u00a0":
        j -= 1
    if j == lo or text[j - 1] in "\r\n":
        return 2
    if j == i:
        return 0
    k = j
    while k > lo and text[k - 1] in ")]”’\"'»":
        k -= 1
    return 1 if k > lo and text[k - 1] in _SENTENCE_END else 0


def _check_continued(text: str, opener: Mark, end: int) -> None:
    """A quotation taken as continued (into a new line, sentence or paragraph) that holds a
    speech tag ("…at last! said Mr. Eager") lost its closing mark before the tag instead."""
    if not opener.soft and not opener.problem and _SPEECH_TAG.search(text, opener.pos, end):
        opener.problem = "unclosed"


def _later_closer(marks: list[Mark], start: int, end: int, family: str) -> bool:
    """Does a mark after ``start`` (before the next opener of ``family``) close for sure?"""
    for m in marks[start : min(end, start + DEPTH)]:
        if m.family != family or m.kind in (NONE, WRONG):
            continue
        if m.kind == OPENER:
            return False
        if not m.soft:
            return True
    return False


def _pair(
    text: str,
    paragraphs: list[Span],
    marks: list[Mark],
    per_paragraph: list[tuple[int, int, int]],
) -> None:
    stack: list[int] = []
    for pi, first, end in per_paragraph:
        span = paragraphs[pi]
        lo = span.start
        # Quotations carried from the previous paragraph: a paragraph that opens with a
        # quotation mark continues them.
        if stack and first < end and marks[first].pos == lo and marks[first].kind in (
            OPENER, TOGGLE
        ):
            for s in stack:
                _check_continued(text, marks[s], lo)
            stack.clear()
        for idx in range(first, end):
            m = marks[idx]
            kind = m.kind
            if kind == NONE:
                continue
            if kind == WRONG:
                m.problem = "wrong-direction"
                continue
            if kind == TOGGLE:
                open_here = any(marks[s].family == m.family for s in stack[-DEPTH:])
                kind = CLOSER if open_here else OPENER
            elif m.family in "gh" and any(
                marks[s].family == m.family and marks[s].char != m.char for s in stack[-DEPTH:]
            ):
                kind = CLOSER  # « … » and » … «: the other glyph is open, so this one closes
            if kind == LOWCLOSE and not any(
                marks[s].char in "„‚" and marks[s].family == m.family for s in stack[-DEPTH:]
            ):
                m.problem = "wrong-direction"
                continue
            if kind == OPENER:
                j = len(stack) - 1
                floor = j - DEPTH if j >= DEPTH else -1
                while j > floor and (marks[stack[j]].family != m.family or marks[stack[j]].soft):
                    j -= 1
                if j == floor:
                    j = -1
                if j >= 0:
                    same = marks[stack[j]]
                    start = _line_or_sentence_start(text, m.pos, lo)
                    if same.lenient:
                        del stack[j]
                    elif same.carried:
                        same.problem = "unclosed"
                        del stack[j]
                    elif start == 2:
                        _check_continued(text, same, m.pos)
                        del stack[j:]  # a new line of the same quotation (“‘ reopens both)
                    elif start == 1 and j == len(stack) - 1 and m.char in "\"'":
                        _check_continued(text, same, m.pos)
                        stack.pop()  # the same quotation, continued after a sentence
                    elif j == len(stack) - 1:
                        m.problem = "nested"
                m.role = OPENER
                m.lenient = m.char in "'`"
                stack.append(idx)
                continue
            # A closer: it closes the innermost opener of its family (a low-9 opener only, for
            # a “ or ‘ in closing place).
            j = len(stack) - 1
            floor = j - DEPTH if j >= DEPTH else -1
            family = m.family
            low = m.kind == LOWCLOSE
            while j > floor:
                o = marks[stack[j]]
                if o.family == family and (not low or o.char in "„‚"):
                    break
                j -= 1
            if j == floor:
                j = -1
            if j < 0:
                if not m.soft:
                    m.problem = "unopened"
                continue
            if m.soft and _later_closer(marks, idx + 1, end, m.family):
                continue
            for s in stack[j + 1 :]:
                inner = marks[s]
                if not inner.soft and not inner.problem:
                    inner.problem = "unclosed"
            oi = stack[j]
            del stack[j:]
            inside = marks[oi].pos + 1
            # Only a quotation that opens with a space can be empty: no copy of the others.
            if m.char not in "\"'" and (inside == m.pos or text[inside].isspace()) and not text[
                    inside : m.pos].strip():
                marks[oi].problem = "empty"  # “”: the quoted text was lost
            marks[oi].partner = idx
            m.partner = oi
            m.role = CLOSER
        # End of paragraph: soft openers lapse; what was carried once is reported; the rest is
        # carried into the next paragraph.
        kept: list[int] = []
        for s in stack:
            o = marks[s]
            if o.soft or o.lenient:
                continue
            if o.carried:
                o.problem = o.problem or "unclosed"
            else:
                o.carried = True
                kept.append(s)
        stack = kept
    for s in stack:
        o = marks[s]
        if not (o.soft or o.lenient):
            o.problem = o.problem or "unclosed"
