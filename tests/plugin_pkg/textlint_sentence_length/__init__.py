"""An example check kind from outside textlint: sentences with too many words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Finding, Span
from textlint.document import Document

# A sentence: text up to a full stop, question or exclamation mark, or a blank line.
_SENTENCE = re.compile(r"[^.!?\n]+(?:\n(?!\s*\n)[^.!?\n]+)*[.!?]*")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True)
class SentenceLengthOptions:
    max_words: int = 40


class SentenceLength(Check):
    Options = SentenceLengthOptions
    PARAMS = frozenset(("words", "max"))

    def __init__(self, options: SentenceLengthOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        if options.max_words < 1:
            raise ValueError("option 'max-words' must be at least 1")

    def check(self, doc: Document) -> Iterable[Finding]:
        for m in _SENTENCE.finditer(doc.prose):
            words = len(_WORD.findall(m.group()))
            if words > self.options.max_words:
                start = m.start() + len(m.group()) - len(m.group().lstrip())
                yield Finding(Span(start, m.end()), params={"words": words,
                                                            "max": self.options.max_words})
