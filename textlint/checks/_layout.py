"""Blocks of a plain-text document that are code rather than prose, as far as the layout shows
it: reStructuredText literal blocks (a paragraph ending in ``::`` followed by an indented block)
and interactive sessions (``>>>`` lines up to the next blank line). Markup formats mask their
own code; this covers the plain-text conventions the typography rules would misread."""

from __future__ import annotations

import re
import weakref

from textlint.diagnostics import Span
from textlint.document import Document
from textlint.formats import inside, merge

_CACHE: weakref.WeakKeyDictionary[Document, list[Span]] = weakref.WeakKeyDictionary()


# A literal block follows a line ending in "::", or a code directive (.. code-block:: python).
_LITERAL_INTRO = re.compile(
    r"(?:::|^[ \t]*\.\.[ \t]+(?:code-block|code|sourcecode)::[^\n]*?)[ \t]*\r?$",
    re.MULTILINE)
_BLANK = re.compile(r"\n[ \t]*\r?\n|\Z")
# Whether a text holds "::" or ">>>" at all: the standard engine's literal search takes about
# a third of the time of `in` for these needles (0.27 against 0.74 ms for both on 0.51 MB).
_HAS_INTRO = re.compile("::").search
_HAS_PROMPT = re.compile(">>>").search


def code_blocks(doc: Document) -> list[Span]:
    cached = _CACHE.get(doc)
    if cached is None:
        text = doc.text
        # Markup formats mask their own code, and there ">>>" is a nested quotation.
        cached = _find(text) if doc.format == "plain" and (
            _HAS_INTRO(text) or _HAS_PROMPT(text)) else []
        _CACHE[doc] = cached
    return cached


def _find(text: str) -> list[Span]:
    out: list[Span] = []
    # An interactive session runs from its first ">>>" line to the next blank line.
    at = text.find(">>>")
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        if text[line_start:at].strip(" \t"):
            at = text.find(">>>", at + 3)
            continue
        blank = _BLANK.search(text, at)
        stop = blank.start() if blank else len(text)
        out.append(Span(line_start, stop))
        at = text.find(">>>", stop)
    # A literal block: the lines after "::" that are indented deeper than the "::" line.
    for m in _LITERAL_INTRO.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        intro = text[line_start : m.start()]
        base = len(intro) - len(intro.lstrip(" \t"))
        pos = m.end() + 1
        start = end = pos
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end]
            if line.strip():
                if len(line) - len(line.lstrip(" \t")) <= base:
                    break
                end = line_end
            pos = line_end + 1
        if end > start:
            out.append(Span(start, end))
    return merge(out)


def outside(blocks: list[Span], offsets: list[int]) -> list[int]:
    """The sorted ``offsets`` that are not inside ``blocks``."""
    if not blocks:
        return offsets
    out: list[int] = []
    k = 0
    for off in offsets:
        while k < len(blocks) and blocks[k].end <= off:
            k += 1
        if k == len(blocks) or off < blocks[k].start:
            out.append(off)
    return out


# A run of word characters and hyphens in code or a URL; one with a hyphen is a slug
# (disse-kim-apoio), whose words are the page's prose, not identifiers.
_CODE_TOKEN = re.compile(r"[\w-]+")
_WORDS: weakref.WeakKeyDictionary[Document, frozenset[str]] = weakref.WeakKeyDictionary()


# Inside masked text, what is code: backtick spans and URLs (not comments, tags, link titles
# or alt texts, which are prose hidden from the rules).
_BACKTICKS = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)


def code_words(doc: Document) -> frozenset[str]:
    """The case-folded words the document writes as code: in backtick spans, code blocks and
    URLs. Identifiers such as package names (`pip install zipp`, pypi.org/project/autoflake).
    Computed once per document, on first use."""
    words = _WORDS.get(doc)
    if words is None:
        from textlint.formats import markdown, plain

        text = doc.text
        pieces = [m.group() for span in doc.masked
                  for pattern in (_BACKTICKS, plain.URL)
                  for m in pattern.finditer(text, span.start, span.end)]
        if doc.format == "markdown":
            pieces += [text[b.start : b.end] for b in markdown.code_blocks(text)]
        words = frozenset(t.casefold() for piece in pieces for t in _CODE_TOKEN.findall(piece)
                          if "-" not in t)
        _WORDS[doc] = words
    return words


_INDENTED: weakref.WeakKeyDictionary[Document, str] = weakref.WeakKeyDictionary()
_LEAD_NULS = re.compile(r"^\0+", re.M)


def indented_prose(doc: Document) -> str:
    """``doc.prose`` with the indentation that Markdown masks at line starts given back as
    the spaces and tabs it is (markers such as bullets and ``>`` stay masked): a list item's
    wrapped line then reads as the same sentence, as in plain text. Computed once per
    document, on first use."""
    got = _INDENTED.get(doc)
    if got is None:
        prose = doc.prose
        if doc.format != "markdown" or "\0" not in prose:
            got = prose
        else:
            text = doc.text
            got = _LEAD_NULS.sub(lambda m: "".join(
                c if c in " \t" else "\0" for c in text[m.start() : m.end()]), prose)
        _INDENTED[doc] = got
    return got


_NAMES: weakref.WeakKeyDictionary[Document, frozenset[str]] = weakref.WeakKeyDictionary()
_NAME_SPAN = re.compile(r"`([\w.]+)(?:\(\))?`")


def code_names(doc: Document) -> frozenset[str]:
    """The case-folded words the document writes alone as inline code (`undici`,
    `primordials()`): names it gives its own things, where a code block or a longer span may
    quote any text."""
    got = _NAMES.get(doc)
    if got is None:
        text = doc.text
        spans = doc.masked if "`" in text else []
        got = _NAMES[doc] = frozenset(m.group(1).casefold() for span in spans
                                      for m in _NAME_SPAN.finditer(text, span.start, span.end))
    return got


# A line of code: short (a paragraph of prose on one line is longer), and an assignment or a
# call at its start (after an interactive prompt), a comparison or an arrow anywhere in it, or
# a keyword argument with a string literal: "(typ, [data]) = <instance>.list()", "x == 1",
# "fromfd(fd) -> socket", "print(root, end='')". Prose writes "1 euro = 1.08 dollars" and
# "f(x)" inside longer sentences, so an "=" or a call elsewhere in a line does not count.
CODE_LINE_MAX = 120
_PROMPT = r"[ \t\0]*(?:(?:>>>|\.\.\.)[ \t]+)?"
_ASSIGNMENT = re.compile(_PROMPT + r"(?:[\w.\[\]]+|\([^()\n]*\))[ \t]*=[ \t]*[^\s=]")
_CALL = re.compile(_PROMPT + r"[\w.]+\(.*[\"']")
_OPERATOR = re.compile(r"(?<![=<>!])[=!]=(?![=>])|\)[ \t]*->[ \t]")
_KEYWORD_LITERAL = re.compile(r"\w=[\"']")
# Every code line holds one of these: only the lines that do are read.
_CODE_ANCHORS = ("=", "->", "(")
_LINES: weakref.WeakKeyDictionary[Document, tuple[list[Span], list[Span]]] = (
    weakref.WeakKeyDictionary())


def line_kind(prose: str, start: int, end: int) -> tuple[bool, bool]:
    """(code, a string literal in code) for the line ``prose[start:end]``."""
    if end - start > CODE_LINE_MAX:
        return False, False
    literal = bool(_CALL.match(prose, start, end) or _KEYWORD_LITERAL.search(prose, start, end))
    code = literal or bool(_ASSIGNMENT.match(prose, start, end)
                           or _OPERATOR.search(prose, start, end))
    return code, literal


def code_lines(doc: Document, literal: bool = False) -> list[Span]:
    """The lines of the prose that are code (see ``line_kind``), sorted, computed once per
    document; with ``literal``, only those holding a string literal (the quotation-mark rules
    skip no more: a closing mark can sit on a line such as "E = mc2, is right")."""
    got = _LINES.get(doc)
    if got is None:
        prose = doc.prose
        line_starts = doc.line_starts
        numbers: set[int] = set()
        for anchor in _CODE_ANCHORS:
            at = prose.find(anchor)
            while at >= 0:
                line = doc.line_of(at)
                numbers.add(line)
                if line + 1 >= len(line_starts):
                    break
                at = prose.find(anchor, line_starts[line + 1])
        code: list[Span] = []
        literals: list[Span] = []
        for line in sorted(numbers):
            span = doc.line_span(line)
            is_code, is_literal = line_kind(prose, span.start, span.end)
            if is_code:
                code.append(span)
            if is_literal:
                literals.append(span)
        got = (code, literals)
        _LINES[doc] = got
    return got[1] if literal else got[0]


# Identifiers that prose writes outside code markup: lower-case snake_case names, dotted calls
# (os.path.join(), ast.parse(...)) and empty calls (keys()). "e.g." and "U.S." are none, nor
# are handles and hashtags (@jane_doe, #climate_strike) or file and form names (IMG_2041,
# Form_A), which news pages are full of. No match starts after a dot or a word character, so
# that a long run such as "a.a.a..." is read once, not once per dot.
_PROSE_IDENTIFIER = re.compile(
    r"(?<![@#\w.])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|[a-z_]\w*(?:\.[a-z_]\w*)+\(|\w+\(\))")
CODE_SIGNALS = 3
_WRITES_CODE: weakref.WeakKeyDictionary[Document, bool] = weakref.WeakKeyDictionary()


def writes_code(doc: Document) -> bool:
    """Does the document write code: at least CODE_SIGNALS pieces of it among its code blocks,
    code lines, backtick spans and identifiers in the prose? Documentation, README files and
    docstrings do; an article, a novel or a scraped page with a URL or two does not. Computed
    once per document, on first use."""
    got = _WRITES_CODE.get(doc)
    if got is None:
        text = doc.text
        count = len(code_blocks(doc)) + len(code_lines(doc))
        for span in doc.masked:
            if count >= CODE_SIGNALS:
                break
            count += sum(1 for _ in _BACKTICKS.finditer(text, span.start, span.end))
        if count < CODE_SIGNALS:
            count += prose_identifiers(doc.prose, CODE_SIGNALS - count)
        got = _WRITES_CODE[doc] = count >= CODE_SIGNALS
    return got


# Every identifier holds a "_" or a "(", and none spans a line.
_IDENTIFIER_MARK = re.compile(r"[_(]")


def prose_identifiers(prose: str, enough: int) -> int:
    """How many identifiers the prose writes, counted up to ``enough``. Only the lines that
    hold a "_" or a "(" are searched: over the whole text the pattern's lookbehind is tried at
    every character, which made this the slowest step of a text that writes no code."""
    count = 0
    pos = 0
    while count < enough:
        mark = _IDENTIFIER_MARK.search(prose, pos)
        if mark is None:
            break
        start = prose.rfind("\n", 0, mark.start()) + 1
        end = prose.find("\n", mark.end())
        if end < 0:
            end = len(prose)
        for _ in _PROSE_IDENTIFIER.finditer(prose, start, end):
            count += 1
            if count >= enough:
                break
        pos = end
    return count


# A gap that lays out columns: two spaces or more (plain or no-break), or a tab, after text that
# does not end a sentence (two spaces after a stop are a sentence gap).
_COLUMN_GAP = re.compile(r"(?<=[^\s.!?])(?:[ \u00a0]{2,}|\t)")
COLUMN_REACH = 400


def holds_columns(text: str, start: int, end: int) -> bool:
    """Does the line holding ``text[start:end]`` lay out columns: two wide gaps or more, one
    of them three characters or a tab (a scraper that doubles every space makes no table)? A
    line longer than COLUMN_REACH each way is prose, no table's row."""
    around = line_around(text, start, end, COLUMN_REACH)
    if around is None:
        return False
    gaps = _COLUMN_GAP.findall(text, *around)
    return len(gaps) >= 2 and any(len(g) >= 3 or g == "\t" for g in gaps)


def line_around(prose: str, start: int, end: int, reach: int) -> tuple[int, int] | None:
    """Start and end of the line holding ``prose[start:end]``, or None when it reaches more
    than ``reach`` characters beyond (a long line: the searches stay bounded, so many spans on
    one long line cost linear time)."""
    lo = max(0, start - reach)
    first = prose.rfind("\n", lo, start)
    if first < 0 and lo > 0:
        return None
    hi = min(len(prose), end + reach)
    last = prose.find("\n", end, hi)
    if last < 0:
        if hi < len(prose):
            return None
        last = len(prose)
    return first + 1, last


def space_free_token(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """Start and end of the run without white space around ``text[start:end]``, at most
    ``reach`` characters further each way."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace() and start - lo < reach:
        lo -= 1
    hi = end
    while hi < len(text) and not text[hi].isspace() and hi - end < reach:
        hi += 1
    return lo, hi


def starts_line(text: str, pos: int, lead: str) -> bool:
    """Do only characters of ``lead`` stand between the start of its line and ``pos``? Read
    backwards, so that many questions about one long line cost no more than its lead."""
    k = pos
    while k > 0 and text[k - 1] in lead:
        k -= 1
    return k == 0 or text[k - 1] == "\n"


def in_code(blocks: list[Span], offset: int) -> bool:
    return inside(blocks, offset)
