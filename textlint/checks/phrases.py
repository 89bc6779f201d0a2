"""Kind ``phrases``: report listed words or phrases wherever they occur in the prose.

Phrases are literal text (no regular expressions): white space inside a phrase matches any run
of white space, and straight and curly apostrophes match each other. All phrases of a rule are
compiled into one regular expression, longest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import regex

from textlint.checks._textmatch import alternation
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Finding, Span
from textlint.document import Document


@dataclass(frozen=True)
class PhrasesOptions:
    phrases: list[str] = field(default_factory=list)
    ignore_case: bool = True
    whole_words: bool = True


class Phrases(Check):
    Options = PhrasesOptions

    def __init__(self, options: PhrasesOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        if not any(p.strip() for p in options.phrases):
            raise ValueError("option 'phrases' must list at least one phrase")
        flags = regex.V0 | (regex.IGNORECASE if options.ignore_case else 0)
        self._regex: Any = regex.compile(alternation(options.phrases, options.whole_words), flags)

    def check(self, doc: Document) -> Iterable[Finding]:
        # Masked text (URLs, code) is NUL in the prose, so a phrase never matches inside it.
        return [
            Finding(Span(m.start(), m.end()), params={"phrase": m.group()})
            for m in self._regex.finditer(doc.prose)
        ]


CHECK = Phrases
