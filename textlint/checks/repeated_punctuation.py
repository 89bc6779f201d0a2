"""Punctuation typed twice (",,", "..", ".”.", "?.") and runs of "!!" or "??"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import regex

from textlint import regexcache
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

_CLOSE_QUOTES = "”\"’'»"
# Slips: each alternative names what to keep. A double period counts only after a word or a
# closing mark and when not part of an ellipsis, a path ("../") or a range ("1..10").
_DEFECTS = regexcache.compile(
    r"(?P<commas>,{2,})(?![\p{L}\p{N}])"
    r"|(?<=[\p{L}\p{N})\]”’\"'»])(?P<periods>\.\.)(?![.\p{L}\p{N}/\\])"
    rf"|(?<!\.)(?P<quoted>[.?!][{_CLOSE_QUOTES}])\.(?![.\p{{L}}\p{{N}}])"
    r"|(?<=[\p{L}\p{N})\]”’\"'»])(?P<qdot>[?!])\.(?![.\p{L}\p{N}])"
    r"|(?P<semis>;{2,})"
    r"|(?<=[\p{L}\p{N})\]”’\"'»])(?P<commadot>,)\.(?![.\p{L}\p{N}])",
    regex.V1,
)
_NEXT_LETTER = regexcache.compile(r"[ \t]*(\p{L})", regex.V1)
_EMPHASIS = regexcache.compile(r"(?P<run>!{2,}|\?{2,})(?![!?])|(?P<mixed>[!?]*(?:\?!|!\?)[!?]+)")


@dataclass(frozen=True)
class RepeatedPunctuationOptions:
    # "defects": slips such as ",," and ".."; "emphasis": "!!", "??", "?!?!" (a style choice).
    mode: Literal["defects", "emphasis"] = "defects"


class RepeatedPunctuation(Check):
    Options = RepeatedPunctuationOptions

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
        for m in _DEFECTS.finditer(prose):
            kind = m.lastgroup
            start, end = m.span()
            marks = prose[start:end]
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
        for m in _EMPHASIS.finditer(prose):
            start, end = m.span()
            marks = m.group()
            keep = "?!" if m.lastgroup == "mixed" else marks[0]
            yield Finding(Span(start, end), fix=Fix.unsafe(Edit.replace(start, end, keep)),
                          params={"marks": marks, "fixed": keep})


CHECK = RepeatedPunctuation
