"""A document as rules see it: the original text, its line index, and its prose.

Rules read ``prose``: a string of the same length as ``text`` in which everything that is not
prose (markup, code, URLs, e-mail addresses, suppression comments) is replaced by NUL
characters, so offsets into ``prose`` are offsets into ``text``. Everything here is computed
lazily, once, and shared by every rule that runs on the document.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate, repeat
from typing import NamedTuple, overload

from textlint.diagnostics import Span
from textlint.formats import masked_spans

MASK = "\0"

# A word: letters, marks and digits, with inner apostrophes or hyphens (Russia’s, Jong-un).
# The standard ``re`` module is faster here than ``regex``; combining marks are listed
# because ``re`` does not count them as word characters.
WORD = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]*[^\W_][^\W_\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]*"
    r"(?:[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]+[^\W_]*)*"
    r"(?:['’\-‐][^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*)*"
)
# The same matches as WORD, as ``split`` pieces: offsets then come from the piece lengths
# (C-level sums) instead of a match object per word.
_WORD_PIECES = re.compile(f"({WORD.pattern})")
# Without a combining mark in the text, WORD matches exactly what this simpler pattern does,
# and the simpler one scans faster.
_MARK = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]")
_PLAIN_WORD_PIECES = re.compile(r"([^\W_]+(?:['’\-‐][^\W_]+)*)")
# In a text without an underscore \w is [^\W_], which the engine tests faster; possessive
# quantifiers (Python 3.11 and later) spare it the bookkeeping for backtracking that cannot
# change these matches (the joiners are not word characters). The split is 20 % faster.
_ONCE = "+" if sys.version_info >= (3, 11) else ""
_UNDERSCORELESS_WORD_PIECES = re.compile(rf"(\w+{_ONCE}(?:['’\-‐]\w+{_ONCE})*{_ONCE})")
# In ASCII text the letters and digits are these, and a class of ranges is tested faster than
# \w (with or without underscores in the text): the split is a fifth faster again.
_ASCII_WORD_PIECES = re.compile(rf"([A-Za-z0-9]+{_ONCE}(?:['\-][A-Za-z0-9]+{_ONCE})*{_ONCE})")
# It starts with the line break, a literal the engine searches for fast (an optional CR in
# front would be tried at every character); a CR left before it is trimmed with the paragraph.
_BLANK_LINES = re.compile(r"\n[ \t\r\0]*\n(?:[ \t\r\0]*\n)*")


class Token(NamedTuple):
    start: int
    end: int
    text: str


class WordView(Sequence[Token]):
    """The words of ``Document.word_columns`` as a sequence, making a Token only for the words
    looked at: for rules that keep a few words of many."""

    __slots__ = ("_ends", "_starts", "_texts")

    def __init__(self, columns: tuple[list[int], list[int], list[str]]) -> None:
        self._starts, self._ends, self._texts = columns

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            triples = zip(self._starts[index], self._ends[index], self._texts[index], strict=True)
            return list(map(tuple.__new__, repeat(Token), triples))
        return tuple.__new__(Token, (self._starts[index], self._ends[index], self._texts[index]))


class Document:
    def __init__(
        self,
        text: str,
        path: str | None = None,
        language: str = "en",
        format: str = "plain",
    ) -> None:
        self.text = text
        self.path = path
        self.language = language
        self.format = format

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, {len(self.text)} chars, {self.format})"

    # --- lines and positions -------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def line_of(self, offset: int) -> int:
        """0-based index of the line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of ``offset``."""
        line = self.line_of(offset)
        return line + 1, offset - self.line_starts[line] + 1

    def line_span(self, line: int) -> Span:
        """Span of 0-based ``line`` without its line break."""
        start = self.line_starts[line]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return Span(start, end)

    @cached_property
    def lines(self) -> list[Span]:
        return [self.line_span(i) for i in range(len(self.line_starts))]

    # --- prose -----------------------------------------------------------------------------
    @cached_property
    def masked(self) -> list[Span]:
        """Spans of ``text`` that are not prose, sorted and disjoint."""
        return masked_spans(self.format, self.text)

    @cached_property
    def prose(self) -> str:
        if not self.masked:
            return self.text
        parts: list[str] = []
        pos = 0
        for span in self.masked:
            parts.append(self.text[pos : span.start])
            # Keep line breaks so that line structure survives masking.
            chunk = self.text[span.start : span.end]
            parts.append("\n".join([MASK * len(line) for line in chunk.split("\n")]))
            pos = span.end
        parts.append(self.text[pos:])
        return "".join(parts)

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks of prose separated by blank lines, without surrounding whitespace."""
        out: list[Span] = []
        prose = self.prose
        edge = _PARAGRAPH_EDGE
        pos = 0
        # str.strip in C rather than a loop per character; the block is stripped on the left,
        # where its start is counted from its end, then on the right.
        for m in _BLANK_LINES.finditer(prose):
            end, next_pos = m.span()
            block = prose[pos:end].lstrip(edge)
            if block:
                start = end - len(block)
                out.append(Span(start, start + len(block.rstrip(edge))))
            pos = next_pos
        block = prose[pos:].lstrip(edge)
        if block:
            start = len(prose) - len(block)
            out.append(Span(start, start + len(block.rstrip(edge))))
        return out

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Start offsets of ``paragraphs``, ascending: for finding a paragraph by bisection."""
        return [span.start for span in self.paragraphs]

    @cached_property
    def segments(self) -> list[Span]:
        """Maximal runs of prose (no masked character inside)."""
        if not self.masked:
            return [Span(0, len(self.text))] if self.text else []
        out: list[Span] = []
        pos = 0
        for span in self.masked:
            if span.start > pos:
                out.append(Span(pos, span.start))
            pos = span.end
        if pos < len(self.text):
            out.append(Span(pos, len(self.text)))
        return out

    @cached_property
    def word_columns(self) -> tuple[list[int], list[int], list[str]]:
        """The word tokens as three lists (starts, ends, texts): the words without a tuple per
        word, for rules that look at every word but keep few of them."""
        prose = self.prose
        # isascii reads a flag the string already has; an ASCII text has no combining mark.
        if prose.isascii():
            pattern = _ASCII_WORD_PIECES
        elif _MARK.search(prose):
            pattern = _WORD_PIECES
        elif "_" in prose:
            pattern = _PLAIN_WORD_PIECES
        else:
            pattern = _UNDERSCORELESS_WORD_PIECES
        pieces = pattern.split(prose)
        # Pieces alternate: text between words, a word, text between words, ...
        offsets = list(accumulate(map(len, pieces), initial=0))
        count = len(pieces) // 2
        return offsets[1 : 2 * count : 2], offsets[2::2], pieces[1::2]

    @cached_property
    def words(self) -> list[Token]:
        """Word tokens of the prose, in order. Shared by every rule that needs words."""
        starts, ends, texts = self.word_columns
        # tuple.__new__ skips the namedtuple's Python-level constructor; map calls it directly
        # (through functools.partial it costs twice as much).
        triples = zip(starts, ends, texts, strict=True)
        words: list[Token] = list(map(tuple.__new__, repeat(Token), triples))
        return words


_PARAGRAPH_EDGE = " \t\r\n\0"
