"""Brackets that do not pair up within a paragraph: ( ) [ ] { } and their full-width forms
(a full-width bracket only pairs with a full-width one).

Tolerated: list and enumeration markers (``a)`` at the start of a line, ``1)``, ``a) …, b)``),
emoticons (``:)``, ``;-)``, ``:(``). Such marks are "soft": a soft closer closes an open bracket
only when no later bracket could close it instead, and is otherwise ignored. A curly quotation
that closes while a bracket opened inside it is still open crosses that bracket
(``“rain in {Spain” falls}``), which is reported once, at the bracket.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from textlint import regexcache
from textlint.checks._layout import code_blocks, line_around, outside
from textlint.checks._quotes import QUOTE_CLOSERS
from textlint.checks.base import Check
from textlint.diagnostics import Finding, Span
from textlint.document import Document
from textlint.formats import inside

_BRACKETS = re.compile(r"[()\[\]{}（）［］｛｝“”]")
_BRACKET_CHARS = "()[]{}（）［］｛｝"
_DEPTH = 32
_EYES_AND_NOSES = frozenset(":;=8xX-^o'’")
_QUOTES = "\"'“”‘’«»`"
_OPEN = {"(": ")", "[": "]", "{": "}", "（": "）", "［": "］", "｛": "｝"}
_CLOSE = {v: k for k, v in _OPEN.items()}
# An emoticon's eyes and nose before a bracket: :) :-) ;) =) :'( 8-)
_EMOTICON = regexcache.compile(r"(?:(?:^|(?<=[\s\0]))[8xX]|[:;=])[-^o'’]?$")
# A reversed emoticon after a bracket that stands alone: (: (-: ):
_EMOTICON_AFTER = regexcache.compile(r"[-^o]?[:;=](?:\s|$)")
# A list marker before ")": a letter, digits, digits with a letter, a roman numeral.
_MARKER = regexcache.compile(
    r"(?:^|(?<=[\s\0(]))(?:\p{L}|\d{1,3}\p{L}?|[ivxlc]{1,5}|[IVXLC]{1,5})$"
)
_DIGIT_MARKER = regexcache.compile(r"\d{1,3}\p{L}?$")
# What may precede a marker on its line: indentation, a bullet, an opening bracket.
_LINE_HEAD = regexcache.compile(r"[ \t\0]*(?:[-*•][ \t]+)?\(?")


@dataclass(frozen=True)
class Options:
    # Tolerate emoticons such as :) and ;-(.
    allow_emoticons: bool = True
    # Tolerate list markers such as a) and 1).
    allow_list_markers: bool = True


@dataclass(slots=True)
class _Item:
    pos: int
    char: str
    soft: bool
    letter_marker: str = ""  # the marker, when a letter marker stands in running text
    marker: bool = False  # a ")" read as a list marker (1), a)): it may close a bracket too


class UnbalancedBrackets(Check):
    Options = Options
    PARAMS = frozenset(("mark", "problem"))

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        blocks = code_blocks(doc)
        # Only a paragraph with a bracket is paired: one with quotation marks alone is not. The
        # brackets are found one character at a time (a quick scan in C each, where a search
        # for any of them tries a class at every character); only their paragraphs are read.
        brackets = outside(blocks, _positions(prose, _BRACKET_CHARS))
        if not brackets:
            return
        paragraphs = doc.paragraphs
        k = 0
        while k < len(brackets):
            p = bisect.bisect_right(doc.paragraph_starts, brackets[k]) - 1
            span = paragraphs[p] if p >= 0 else None
            if span is None or brackets[k] >= span.end:
                k += 1  # between paragraphs: never paired
                continue
            k = bisect.bisect_left(brackets, span.end, k)
            marks = [m.start() for m in _BRACKETS.finditer(prose, span.start, span.end)]
            literal = _quoted_literals(prose, span.start, span.end)
            items: list[_Item] = []
            for pos in outside(blocks, marks):
                char = prose[pos]
                if literal and char not in "“”" and inside(literal, pos):
                    continue  # a character of a literal quoted whole: "{[(", '(x', "exit(1);"
                item = self._item(prose, pos, char, span.start)
                if pos and prose[pos - 1] == "\0" and char in _CLOSE:
                    item.soft = item.soft or _closes_masked(doc.text, prose, pos, char)
                items.append(item)
            yield from self._pair(items, prose)

    def _item(self, text: str, pos: int, char: str, lo: int) -> _Item:
        if 0 < pos < len(text) - 1 and text[pos - 1] in _QUOTES and text[pos + 1] in _QUOTES:
            return _Item(pos, char, True)  # a bracket mentioned, not used: the "[" character
        if char == "(" and text.startswith("?", pos + 1) and (
                text[pos + 2 : pos + 3] in _GROUP_KINDS or text[pos + 2 : pos + 3].islower()):
            return _Item(pos, char, True)  # a regular expression's group: (?R, (?:, (?i
        if (pos == 0 or text[pos - 1] in _LINE_LEAD) and (
                pos + 1 == len(text) or text[pos + 1] in _LINE_TAIL) and _alone_on_line(text, pos):
            return _Item(pos, char, True)  # code's layout: a line of "{" or "};"
        if _standalone(text, pos, char):
            return _Item(pos, char, True)  # named as a token: "the [[ and (( commands"
        if pos and text[pos - 1] == "\\" and _escaped(text, pos):
            return _Item(pos, char, True)  # escaped: \( in a regular expression, \{ in TeX
        if char == "[" and pos and text[pos - 1] == "\x1b":
            return _Item(pos, char, True)  # a terminal escape sequence (ESC [1m), no bracket
        prev = text[pos - 1] if pos > lo else ""
        # Cheap tests on the neighbours first: most brackets are neither emoticons nor markers.
        if self.options.allow_emoticons and char in "()[]" and (
            (prev in _EYES_AND_NOSES and _EMOTICON.search(text, max(lo, pos - 8), pos))
            or ((not prev or prev.isspace()) and _EMOTICON_AFTER.match(text, pos + 1))
        ):
            return _Item(pos, char, True)
        if char != ")" or not self.options.allow_list_markers or not prev.isalnum():
            return _Item(pos, char, False)
        before = text[max(lo, pos - 8) : pos]
        m = _MARKER.search(before)
        if m is None:
            return _Item(pos, char, False)
        if _DIGIT_MARKER.search(before):
            return _Item(pos, char, True, marker=True)
        token_start = pos - len(before) + m.start()
        line_start = max(lo, text.rfind("\n", lo, token_start) + 1)
        if _LINE_HEAD.fullmatch(text, line_start, token_start):
            return _Item(pos, char, True, marker=True)
        if token_start > lo and text[token_start - 1] == "(":
            # "(a)" in running text closes its own bracket, marker or not: a call's argument
            # (strcmp (strup(a), strup(b))) must not give way to the closer after it.
            return _Item(pos, char, False)
        # A letter marker in running text: a marker only as part of a series (a) …, b)).
        return _Item(pos, char, False, letter_marker=m.group())

    def _pair(self, items: list[_Item], text: str) -> Iterable[Finding]:
        letters = [it for it in items if it.letter_marker]
        if len({it.letter_marker for it in letters}) >= 2:
            for it in letters:
                it.soft = True
        problems = self._solve(items, text, markers_close=False)
        if any(p == "unclosed" for p in problems.values()):
            # A digit before ")" reads as a list marker (1) first); where that leaves a
            # bracket open, it is read as the end of a bracket instead ("(see item (5) below)",
            # "$((x - 1))") if that pairs more.
            other = self._solve(items, text, markers_close=True)
            if len(other) < len(problems):
                problems = other
        for idx, problem in sorted(problems.items()):
            it = items[idx]
            yield Finding(Span(it.pos, it.pos + 1), params={
                "mark": it.char, "problem": _PROBLEMS[problem]})

    def _solve(self, items: list[_Item], text: str, markers_close: bool) -> dict[int, str]:
        """Pair the brackets; the problem of each unpaired one, by index in ``items``."""
        problems: dict[int, str] = {}
        where = {id(it): k for k, it in enumerate(items)}
        stack: list[_Item] = []
        crossed: Counter[str] = Counter()
        for idx, it in enumerate(items):
            c = it.char
            if c == "“":
                stack.append(it)
                continue
            if c == "”":
                j = _find(stack, "“")
                if j >= 0:
                    for inner in stack[j + 1 :]:
                        if inner.char in _OPEN and not inner.soft:
                            problems[where[id(inner)]] = "crossed"
                            crossed[_OPEN[inner.char]] += 1
                    del stack[j:]
                continue
            if c in _OPEN:
                stack.append(it)
                continue
            j = _find(stack, _CLOSE[c])
            if j < 0 and stack and stack[-1].char in "([" and c in ")]" and \
                    _INTERVAL.fullmatch(text, stack[-1].pos + 1, it.pos):
                j = len(stack) - 1  # an interval: (0, 100], [0, 1)
            if j < 0:
                if crossed[c]:
                    crossed[c] -= 1
                elif not it.soft:
                    problems[idx] = "unopened"
                continue
            if it.soft and not (markers_close and it.marker) and \
                    _later_closer(items, idx + 1, c):
                continue
            for inner in stack[j + 1 :]:
                if inner.char in _OPEN and not inner.soft:
                    problems[where[id(inner)]] = "unclosed"
            del stack[j:]
        for it in stack:
            if it.char in _OPEN and not it.soft:
                problems[where[id(it)]] = "unclosed"
        return problems


_PROBLEMS = {
    "unclosed": "is never closed",
    "unopened": "closes a bracket that was never opened",
    "crossed": "crosses a quotation (it opens inside the quotation and closes after it)",
}


def _closes_masked(text: str, prose: str, pos: int, char: str) -> bool:
    """A closer right after a masked run (a URL, code) that leaves its opener open: the URL
    ``…/Schlammersdorf_(Adelsgeschlecht)`` ends before its ")" when masked."""
    start = pos
    while start > 0 and prose[start - 1] == "\0":
        start -= 1
    run = text[start:pos]
    return run.count(_CLOSE[char]) > run.count(char)


# A token without spaces that begins with a quote (after a space, a line start or masked text)
# and holds a bracket: a literal quoted whole when it ends with the closing quote.
# (The quote leads the pattern, so that the engine skips to quotes; the look-behind after it
# checks the character before it.)
_LITERAL_OPENERS = "\"'“‘`"
_QUOTED_TOKEN = re.compile(r"""["'“‘`](?<![^\s\0].)[^\s]{0,200}?[()\[\]{}][^\s]{0,200}""")
# How far a bracket's line is read each way, and the longest literal: a longer token is a
# script, whose brackets are judged like any others.
_TOKEN_REACH = 200
# What follows "(?" in a regular expression's group: (?:, (?=, (?!, (?<, (?P, (?#, (?R.
_GROUP_KINDS = frozenset(":=!<>P#R|(")
# What a line of code's layout holds ("{", "};"), and what may stand before and after a
# bracket on such a line.
_LAYOUT_CHARS = " \t\r\0{}()[];,"
_LINE_LEAD = frozenset(_LAYOUT_CHARS.replace("\r", "") + "\n")
_LINE_TAIL = frozenset(_LAYOUT_CHARS.replace("\0", "") + "\n")


def _quoted_literals(text: str, start: int, end: int) -> list[Span]:
    """The spans, in ``text[start:end]``, of tokens without spaces that quotes wrap whole and
    that hold a bracket (find -printf "{[(", '(x', "exit(1);"): one search per paragraph."""
    if all(text.find(q, start, end) < 0 for q in _LITERAL_OPENERS):
        return []
    out: list[Span] = []
    for m in _QUOTED_TOKEN.finditer(text, start, end):
        token = m.group().rstrip(".,;:!?)]}")
        if 2 < len(token) <= _TOKEN_REACH and QUOTE_CLOSERS.get(token[0]) == token[-1]:
            out.append(Span(m.start() + 1, m.start() + len(token) - 1))
    return out


def _escaped(text: str, pos: int) -> bool:
    """Is the character at ``pos`` escaped: after an odd number of backslashes? (After two, the
    backslash is the escaped character and the bracket is one.)"""
    k = pos
    while k > 0 and text[k - 1] == "\\":
        k -= 1
    return (pos - k) % 2 == 1


def _alone_on_line(text: str, pos: int) -> bool:
    """Do only brackets, separators and spaces stand on the line of ``pos`` ("{", "};")?"""
    around = line_around(text, pos, pos + 1, _TOKEN_REACH)
    if around is None:
        return False
    return not text[around[0] : around[1]].strip(_LAYOUT_CHARS)


def _positions(text: str, chars: str) -> list[int]:
    """The sorted offsets of ``chars`` in ``text``."""
    out: list[int] = []
    for c in chars:
        if c in text:
            find = text.find
            i = find(c)
            while i >= 0:
                out.append(i)
                i = find(c, i + 1)
    out.sort()
    return out


# The inside of a mathematical interval: two numbers and a comma.
_NUMBER = r"[ \t]*[-+−]?(?:\d+(?:\.\d+)?|∞)[ \t]*"
_INTERVAL = re.compile(f"{_NUMBER},{_NUMBER}")
# What may stand beside a bracket that is named rather than used ("the [[ and (( commands",
# "print {, [ and (").
_TOKEN_EDGE = " \t\n\r,.;:"


def _standalone(text: str, pos: int, char: str) -> bool:
    """Is the bracket at ``pos`` one of a doubled pair that is a token of its own, space (or
    a text edge, or punctuation after it) on both sides: "the [[ and (( commands"?"""
    # A bracket doubled, as shells and templates write them ("[[", "(("), between spaces: at
    # most a few of the same before and after it are looked at (a long run stays linear).
    start = pos
    while start > max(0, pos - 3) and text[start - 1] == char:
        start -= 1
    end = pos + 1
    while end < min(len(text), pos + 4) and text[end] == char:
        end += 1
    if end - start != 2:
        return False  # one bracket between spaces is used ("The minister ( who resigned")
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before in " \t\n\r\0" and after in _TOKEN_EDGE


def _find(stack: list[_Item], opener: str) -> int:
    # Bounded depth keeps thousands of unclosed brackets linear.
    for j in range(len(stack) - 1, max(-1, len(stack) - 1 - _DEPTH), -1):
        if stack[j].char == opener:
            return j
    return -1


def _later_closer(items: list[_Item], start: int, closer: str) -> bool:
    opener = _CLOSE[closer]
    for it in items[start : start + _DEPTH]:
        if it.char == opener:
            return False
        if it.char == closer and not it.soft:
            return True
    return False


CHECK = UnbalancedBrackets
