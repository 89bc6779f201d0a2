"""Punctuation typed twice (",,", "..", ".”.", "?.") and runs of "!!" or "??"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from textlint import regexcache
from textlint.checks._quotes import QUOTE_CLOSERS
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

_CLOSE_QUOTES = "”\"’'»"
# Slips: each alternative names what to keep. A double period counts only after a word or a
# closing mark and when not part of an ellipsis, a path ("../") or a range ("1..10").
_DEFECTS = regexcache.compile(
    r"(?P<commas>,{2,}+)(?![\p{L}\p{N}])"
    r"|(?<=[\p{L}\p{N})\]”’\"'»])(?P<periods>\.\.)(?![.\p{L}\p{N}/\\])"
    rf"|(?<!\.)(?P<quoted>[.?!][{_CLOSE_QUOTES}])\.(?![.\p{{L}}\p{{N}}])"
    r"|(?<=[\p{L}\p{N})\]”’\"'»])(?P<qdot>[?!])\.(?![.\p{L}\p{N}])"
    r"|(?P<semis>;{2,})"
    r"|(?<=[\p{L}\p{N})\]”’\"'»])(?P<commadot>,)\.(?![.\p{L}\p{N}])",
    regex.V1,
)
# Every slip holds one of these pairs, at its first or second mark: a mark that can begin a slip
# followed by a comma, period or semicolon. The standard engine finds them faster than a
# ``regex`` search for the slips themselves, which tries its lookbehinds at every character,
# and fastest one first mark at a time (a search for a literal, where a class of marks is tried
# at every character); clean text has few such pairs (most are ellipses), and the slips are
# looked for only there.
_DEFECT_PAIRS = [(mark, re.compile(re.escape(mark) + "(?=[,.;])")) for mark in ",.;?!”\"’'»"]
_NEXT_LETTER = regexcache.compile(r"[ \t]*(\p{L})", regex.V1)
_EMPHASIS = regexcache.compile(r"(?P<run>!{2,}|\?{2,})(?![!?])|(?P<mixed>[!?]*(?:\?!|!\?)[!?]+)")
# Two marks in a row, by the first mark: every run that ``_EMPHASIS`` reports starts so.
_EMPHASIS_PAIRS = (("!", re.compile(r"![!?]")), ("?", re.compile(r"\?[!?]")))


@dataclass(frozen=True)
class RepeatedPunctuationOptions:
    # "defects": slips such as ",," and ".."; "emphasis": "!!", "??", "?!?!" (a style choice).
    mode: Literal["defects", "emphasis"] = "defects"


class RepeatedPunctuation(Check):
    Options = RepeatedPunctuationOptions
    PARAMS = frozenset(("marks", "fixed"))

    def __init__(self, options: RepeatedPunctuationOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        self._emphasis = options.mode == "emphasis"

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        if self._emphasis:
            yield from self._check_emphasis(prose)
        else:
            yield from self._check_defects(prose)

    def _check_defects(self, prose: str) -> Iterable[Finding]:
        for m in _defects(prose):
            kind = m.lastgroup
            start, end = m.span()
            marks = prose[start:end]
            if _quoted(prose, start, end):
                continue  # marks quoted whole: the '..' directory, the ";;" of a case
            if kind == "semis" and _code_semicolons(prose, start):
                continue
            if kind == "quoted" and start and prose[start - 1] in _OPEN_QUOTES:
                continue  # a quoted mark, then the stop: delete ".", var to “?”.
            if kind == "commas":
                keep = ","
            elif kind == "periods":
                keep = "."
            elif kind == "quoted":
                keep = m.group("quoted")  # the period inside the quotation stays
            elif kind == "qdot":
                keep = m.group("qdot")
            elif kind == "semis":
                keep = ";"
            else:
                # ",." : the sentence goes on in lower case ("pears,. and") or ends.
                nxt = _NEXT_LETTER.match(prose, end)
                keep = "," if nxt is not None and nxt.group(1).islower() else "."
            # The smallest edit: delete what follows the kept part.
            edit = Edit.delete(start + len(keep), end) if marks.startswith(keep) else \
                Edit.replace(start, end, keep)
            yield Finding(Span(start, end), fix=Fix.safe(edit),
                          params={"marks": marks, "fixed": keep})

    def _check_emphasis(self, prose: str) -> Iterable[Finding]:
        first = _first_emphasis_pair(prose)
        if first < 0:
            return
        # Every run starts at two marks in a row, so none starts before the first such pair.
        for m in _EMPHASIS.finditer(prose, first):
            start, end = m.span()
            marks = m.group()
            if _quoted(prose, start, end) or (len(marks) >= 3 and marks.strip("?") == "" and
                                              _standalone(prose, start, end)):
                continue  # a quoted or stand-alone placeholder: '??', "by 0x1DB4B800: ???"
            keep = "?!" if m.lastgroup == "mixed" else marks[0]
            yield Finding(Span(start, end), fix=Fix.unsafe(Edit.replace(start, end, keep)),
                          params={"marks": marks, "fixed": keep})


_OPEN_QUOTES = "\"'“‘«„"
_TOKEN_EDGE = " \t\r\n\0()[]{}:,;"


def _quoted(prose: str, start: int, end: int) -> bool:
    """Do quotation marks wrap the run of marks whole ('..', ";;", '??')?"""
    closer = QUOTE_CLOSERS.get(prose[start - 1]) if start else None
    return closer is not None and prose.startswith(closer, end)


def _standalone(prose: str, start: int, end: int) -> bool:
    """Is the run a token of its own, glued to no word: with question marks, a placeholder
    ("???" for an unknown symbol, "??" in a table's cell), not a sentence's emphasis
    ("What??")?"""
    return (start == 0 or prose[start - 1] in _TOKEN_EDGE) and (
        end == len(prose) or prose[end] in _TOKEN_EDGE)


def _code_semicolons(prose: str, start: int) -> bool:
    """Are the semicolons at ``start`` code: a Lisp comment starting its line (;; End:), or
    the end of a shell case branch after code (carg=$OPTARG;;)?"""
    line_start = prose.rfind("\n", 0, start) + 1
    if not prose[line_start:start].strip(" \t\0"):
        return True
    j = start
    while j > line_start and not prose[j - 1].isspace():
        j -= 1
    return any(c in "$={}[]<>|&" for c in prose[j:start])


def _defects(prose: str) -> Iterator[regex.Match[str]]:
    """The matches ``_DEFECTS.finditer(prose)`` gives, found by trying the pattern only where it
    can match: a slip starts at its pair or one mark before it. Trying those places in order
    and going on after each match is what the search itself would do."""
    pairs = [m.start() for mark, pair in _DEFECT_PAIRS if mark in prose
             for m in pair.finditer(prose)]
    if not pairs:
        return
    pos = 0
    for start in sorted({*pairs, *(p - 1 for p in pairs if p)}):
        if start >= pos:
            m = _DEFECTS.match(prose, start)
            if m is not None:
                yield m
                pos = m.end()


def _first_emphasis_pair(prose: str) -> int:
    """Where the first two marks in a row stand in ``prose`` (-1 when nowhere): a run starts
    there at the earliest. Testing for one character is a quick scan in C, and a search that
    starts with a literal mark is quick too; each runs only when its mark occurs."""
    found = [m.start() for mark, pair in _EMPHASIS_PAIRS
             if mark in prose and (m := pair.search(prose)) is not None]
    return min(found, default=-1)


CHECK = RepeatedPunctuation
