"""Kind ``lines``: whole lines that are not part of the text, such as scraped page furniture.

A line is reported when, apart from surrounding white space, punctuation and symbols (bullets,
arrows, asterisks, brackets, masked markup), it is made of one or more of the listed ``lines``
(compared without regard to case, spacing or apostrophe style), or when one of the regular
expressions in ``patterns`` matches all of it but the same surroundings. Quotation marks do not
count as surroundings: a quoted line is dialogue. Nor is a line furniture when it starts in
lower case right under a line that ends mid-sentence: it is the end of a wrapped sentence. The
fix deletes the line and the blank lines its removal would leave.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import regex

from textlint import regexcache
from textlint.checks._textmatch import (
    DEFAULT_TIMEOUT,
    FixLevel,
    TimedOut,
    compile_user_regex,
    deletion_edits,
    prev_content_line,
    skipped,
    timed_finditer,
)
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Finding, Fix, Span
from textlint.document import MASK, Document

# What may surround or separate the listed phrases on a furniture line: anything but letters,
# digits, line breaks and quotation marks (so bullets, arrows, colons, asterisks, brackets,
# masked markup, CR). A quoted line is dialogue ("Share!" she said), not a widget.
_SEP = r"[^\p{L}\p{N}\n\"'“”„‟‘’‚]"
_ALNUM = regexcache.compile(r"[\p{L}\p{N}]")
_EDGE = regexcache.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")


@dataclass(frozen=True)
class LinesOptions:
    lines: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    ignore_case: bool = True
    lines_fix: FixLevel = "safe"
    patterns_fix: FixLevel = "unsafe"
    where: Literal["anywhere", "last-line"] = "anywhere"
    hidden_text: Literal["unsafe", "skip"] = "unsafe"
    max_length: int = 300
    timeout: float = DEFAULT_TIMEOUT


_APOSTROPHE = "'’ʼ‘`´"
# A word, captured: splitting a line by it gives what stands between words and the words.
_TOKEN_PIECES = regexcache.compile(rf"([\p{{L}}\p{{N}}]+(?:[{_APOSTROPHE}][\p{{L}}\p{{N}}]+)*)")
# The same on an ASCII line, where the letters and digits are these, and the standard engine
# splits several times faster.
_ASCII_TOKEN_PIECES = re.compile(r"([A-Za-z0-9]+(?:['`][A-Za-z0-9]+)*)")
_QUOTE_CHARS = frozenset("\"'“”„‟‘’‚")
_APOSTROPHE_FOLD = str.maketrans({c: "'" for c in _APOSTROPHE})


class _PhraseLines:
    """Lines made of listed phrases, compared as sequences of words.

    A phrase is its words (case-folded unless case matters, apostrophes unified); a line
    matches when its words are one or more listed phrases in a row and nothing between or
    around them is a letter, a digit or a quotation mark. Matching costs a dictionary lookup
    per word, and building it compiles nothing, which keeps start-up fast for long lists."""

    def __init__(self, lines: list[str], ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        by_first: dict[str, set[tuple[str, ...]]] = {}
        for item in lines:
            words = self.words(item)
            if not words:
                raise ValueError(f"option 'lines': {item!r} has no letters or digits")
            by_first.setdefault(words[0], set()).add(tuple(words))
        self.by_first = {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}
        self.phrases = [p for v in self.by_first.values() for p in v]
        # The words of the phrases that can begin a line, by the key the line index gives the
        # line (its first run of letters and digits, case-folded), longest word first.
        self.by_key: dict[str, list[list[str]]] = {}
        for p in self.phrases:
            self.by_key.setdefault(p[0].split("'")[0].casefold(), []).append(
                sorted(set(p), key=len, reverse=True))

    def words(self, text: str) -> list[str] | None:
        """The words of ``text``, or None when a quotation mark stands outside a word."""
        # Pieces alternate: what stands between words, a word, between, ...
        pieces = (_ASCII_TOKEN_PIECES if text.isascii() else _TOKEN_PIECES).split(text)
        if not _QUOTE_CHARS.isdisjoint("".join(pieces[0::2])):
            return None
        if len(pieces) == 1:
            return []
        # Fold every word in one call each: no word holds a line break, and neither folding
        # makes one.
        joined = "\n".join(pieces[1::2]).translate(_APOSTROPHE_FOLD)
        return (joined.casefold() if self.ignore_case else joined).split("\n")

    def may_cover(self, key: str, line: str) -> bool:
        """A quick test passed by every line that ``covers`` accepts among those indexed under
        ``key``: all the words of a phrase that can begin the line occur in it. Most lines that
        merely begin like a phrase fail it without being split into words."""
        folded = line.translate(_APOSTROPHE_FOLD)
        if self.ignore_case:
            folded = folded.casefold()
        return any(all(w in folded for w in words) for words in self.by_key.get(key, ()))

    def covers(self, line: str) -> bool:
        words = self.words(line)
        if not words:
            return False
        reachable = [False] * (len(words) + 1)
        reachable[0] = True
        for i in range(len(words)):
            if not reachable[i]:
                continue
            for phrase in self.by_first.get(words[i], ()):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    reachable[i + len(phrase)] = True
        return reachable[-1]


class _Matcher:
    """Whole-line patterns compiled together: ``head`` matches at a given line start, ``scan``
    finds lines after a line break (a literal the regex engine can search for quickly, where a
    multi-line ``^`` is tried at every character)."""

    def __init__(self, patterns: list[str], flags: int) -> None:
        self.patterns = patterns
        alt = "|".join(f"(?:{p})" for p in patterns)
        body = rf"{_SEP}*(?:{alt}){_SEP}*$"
        self.head: Any = regexcache.compile(body, flags)
        self.scan: Any = regexcache.compile(rf"\n{body}", flags)


# Group references do not survive being joined with other patterns, and a global inline flag
# such as (?i) would apply to all of them: such patterns run alone.
_RUNS_ALONE = regexcache.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?[&R0-9+-]|\(\?[a-zA-Z]+\)")


class Lines(Check):
    Options = LinesOptions
    PARAMS = frozenset(("line",))

    def __init__(self, options: LinesOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        if not options.lines and not options.patterns:
            raise ValueError("give 'lines' or 'patterns' (or both)")
        if options.timeout <= 0:
            raise ValueError("option 'timeout' must be positive")
        if options.max_length < 1:
            raise ValueError("option 'max-length' must be at least 1")
        self._flags = regex.V0 | regex.MULTILINE | (regex.IGNORECASE if options.ignore_case else 0)
        self._exact: _PhraseLines | None = None
        self._firsts: frozenset[str] = frozenset()
        if options.lines:
            self._exact = _PhraseLines(options.lines, options.ignore_case)
            # The line index keys lines by their first run of letters and digits.
            self._firsts = frozenset(self._exact.by_key)
        try:
            self._matchers = self._build_matchers(options.patterns)
        except regex.error:
            # Compile each pattern alone only now, to name the one at fault: compiling every
            # pattern twice would double the start-up cost of long pattern lists.
            for i, pattern in enumerate(options.patterns):
                compile_user_regex(pattern, f"patterns[{i}]", options.ignore_case)
            raise ValueError("option 'patterns': the patterns cannot be combined") from None
        self._timed_out: list[str] = []

    def _build_matchers(self, patterns: list[str]) -> list[_Matcher]:
        together = [p for p in patterns if not _RUNS_ALONE.search(p)]
        alone = [_Matcher([p], self._flags) for p in patterns if _RUNS_ALONE.search(p)]
        return ([_Matcher(together, self._flags)] if together else []) + alone

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        found: dict[int, FixLevel] = {}
        if self.options.where == "last-line":
            last = _last_content_line(doc)
            if last is None or _last_content_line(doc, last) is None:
                # A one-line text has no end apart from its beginning.
                return []
            starts: list[int] | None = [doc.line_starts[last]]
        else:
            starts = None
        if self._exact is not None:
            exact = self._exact
            keyed: Iterable[tuple[str | None, int]] = (
                self._candidates(doc) if starts is None else [(None, start) for start in starts])
            for key, start in keyed:
                end = prose.find("\n", start)
                line = prose[start : len(prose) if end == -1 else end]
                if len(line) <= self.options.max_length and _one_line(line) and (
                        key is None or exact.may_cover(key, line)) and exact.covers(line) \
                        and not _short_sentence(line):
                    found[doc.line_of(start)] = self.options.lines_fix
        problems = [self._skipped(p, 0, earlier=True) for p in self._timed_out]
        for matcher in list(self._matchers):
            try:
                hits = list(self._run(matcher, prose, starts))
            except TimedOut as exc:
                self._matchers.remove(matcher)
                if len(matcher.patterns) == 1:
                    self._timed_out.append(matcher.patterns[0])
                    problems.append(self._skipped(matcher.patterns[0], exc.offset, earlier=False))
                    continue
                # Find the pattern to blame: from now on each one runs alone.
                alone = [_Matcher([p], self._flags) for p in matcher.patterns]
                self._matchers.extend(alone)
                hits = []
                for single in alone:
                    try:
                        hits.extend(self._run(single, prose, starts))
                    except TimedOut as exc2:
                        self._matchers.remove(single)
                        self._timed_out.append(single.patterns[0])
                        problems.append(self._skipped(single.patterns[0], exc2.offset, False))
            for start in hits:
                found.setdefault(doc.line_of(start), self.options.patterns_fix)
        return [*self._findings(doc, found), *problems]

    def _candidates(self, doc: Document) -> Iterator[tuple[str, int]]:
        """The starts of the lines that begin like a phrase, with their key in the index."""
        index = _first_words(doc)
        for word in self._firsts & index.keys():
            for start in index[word]:
                yield word, start

    def _run(self, matcher: _Matcher, prose: str, starts: list[int] | None) -> Iterator[int]:
        """Line starts where ``matcher`` matches the whole line."""
        limit = self.options.max_length
        timeout = self.options.timeout
        for start in starts if starts is not None else [0]:
            end = prose.find("\n", start)
            try:
                m = matcher.head.match(prose, start, len(prose) if end == -1 else end,
                                       timeout=timeout)
            except TimeoutError:
                raise TimedOut(start) from None
            if m and m.end() - m.start() <= limit and _one_line(m.group()):
                yield start
        if starts is None:
            for m in timed_finditer(matcher.scan, prose, timeout):
                if m.end() - m.start() <= limit + 1 and prose.find("\n", m.start() + 1,
                                                                     m.end()) == -1 and \
                        _one_line(m.group()[1:]):
                    yield m.start() + 1

    def _findings(self, doc: Document, found: dict[int, FixLevel]) -> Iterator[Finding]:
        levels: dict[int, FixLevel] = {}
        for line, level in found.items():
            if _continues(doc, line):
                continue
            if _hides_text(doc, doc.line_span(line)):
                # Masked text on the line (a URL, code) is more than the known furniture.
                if self.options.hidden_text == "skip":
                    continue
                level = "unsafe"
            levels[line] = level
        edits = deletion_edits(doc, levels)
        for line in sorted(levels):
            span = doc.line_span(line)
            edit = edits[line]
            fix = Fix.safe(edit) if levels[line] == "safe" else Fix.unsafe(edit)
            shown = doc.text[span.start : span.end].strip()
            if len(shown) > 60:
                shown = shown[:57] + "..."
            start, end = _trim(doc, span)
            yield Finding(Span(start, end), fix=fix, params={"line": shown})

    def _skipped(self, pattern: str, offset: int, earlier: bool) -> Finding:
        return skipped(self.context.rule_id, pattern, self.options.timeout, offset, earlier)


# Line breaks other than a line feed (a CR of its own, U+2028, a form feed, NEL): a "line"
# holding one is several lines to a reader, and deleting it would delete them all (a file
# with CR line ends is one line to the document).
_OTHER_BREAKS = re.compile(r"\r(?!$)|[\u2028\u2029\x0b\x0c\x85]")


def _short_sentence(line: str) -> bool:
    """A few words ending in a full stop: a sentence of the text ("Add comment." in a
    ChangeLog), where the page's labels and buttons carry no stop (Add comment, Reply)."""
    body = line.strip(" \t\r\0")
    return body.endswith(".") and not body.endswith("..") and len(body.split()) <= 3


def _one_line(line: str) -> bool:
    return _OTHER_BREAKS.search(line) is None


_FIRST_WORD = regexcache.compile(r"[\p{L}\p{N}]+")
# The first word of each line after leading separators (empty when the line has none). Every
# line after a line break yields exactly one match, so the n-th match belongs to line n; the
# search starts from the line break, a literal the engine finds fast.
_LINE_FIRST_WORD = regexcache.compile(rf"\n{_SEP}*([\p{{L}}\p{{N}}]*)")
_TEXT_FIRST_WORD = regexcache.compile(rf"{_SEP}*([\p{{L}}\p{{N}}]*)")
# The same on ASCII text, whose letters, digits and separators are these: the standard engine
# finds them faster.
_ASCII_SEP = "".join(re.escape(chr(c)) for c in range(128)
                     if not chr(c).isalnum() and chr(c) not in "\n\"'")
_ASCII_LINE_FIRST_WORD = re.compile(rf"\n[{_ASCII_SEP}]*([A-Za-z0-9]*)")
_INDEX: weakref.WeakKeyDictionary[Document, dict[str, list[int]]] = weakref.WeakKeyDictionary()


def _first_words(doc: Document) -> dict[str, list[int]]:
    """Line starts by the case-folded first word of the line, computed once per document and
    shared by every ``lines`` rule: a rule then looks only at lines that begin like one of its
    phrases."""
    index = _INDEX.get(doc)
    if index is None:
        index = {}
        prose = doc.prose
        head = _TEXT_FIRST_WORD.match(prose)
        lines = _ASCII_LINE_FIRST_WORD if prose.isascii() else _LINE_FIRST_WORD
        words = [head.group(1) if head else "", *lines.findall(prose)]
        starts = doc.line_starts
        if len(words) != len(starts):  # pragma: no cover - a line the pattern did not see
            raise AssertionError("first-word index out of step with the lines")
        # Case-fold all words in one call: no line break can be inside a word.
        folded = "\n".join(words).casefold().split("\n")
        for start, word in zip(starts, folded, strict=True):
            if word:
                index.setdefault(word, []).append(start)
        _INDEX[doc] = index
    return index


def _last_content_line(doc: Document, before: int | None = None) -> int | None:
    line = prev_content_line(doc, len(doc.line_starts) if before is None else before)
    return None if line < 0 else line


_FIRST_LETTER = regexcache.compile(r"[^\p{L}\p{N}\n]*(\p{Ll})")
# How a line ends when the sentence goes on in the next one.
_OPEN_END = regexcache.compile(r"[\p{L}\p{N},(\[–—-]\s*$")


def _continues(doc: Document, line: int) -> bool:
    """Whether ``line`` is the rest of a sentence wrapped from the line above ('you can write
    it' / 'like this:'): it starts in lower case and the line above ends mid-sentence."""
    if line == 0:
        return False
    prose = doc.prose
    span = doc.line_span(line)
    if not _FIRST_LETTER.match(prose, span.start, span.end):
        return False
    above = doc.line_span(line - 1)
    return _OPEN_END.search(prose, above.start, above.end) is not None


def _hides_text(doc: Document, span: Span) -> bool:
    prose = doc.prose
    if prose.find(MASK, span.start, span.end) == -1:
        return False
    text = doc.text[span.start : span.end]
    masked = prose[span.start : span.end]
    hidden = "".join(t for t, p in zip(text, masked, strict=True) if p == MASK)
    return _ALNUM.search(hidden) is not None


def _trim(doc: Document, span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


CHECK = Lines
