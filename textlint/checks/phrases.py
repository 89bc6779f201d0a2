"""Kind ``phrases``: report listed words or phrases wherever they occur in the prose.

Phrases are literal text (no regular expressions): white space inside a phrase matches any run
of white space, and straight and curly apostrophes match each other. A rule's phrases are
compiled once, grouped by first word (see ``PhraseMatcher``); the longest phrase at a position
wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from textlint.checks._textmatch import PhraseMatcher
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
    PARAMS = frozenset(("phrase",))

    def __init__(self, options: PhrasesOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        if not any(p.strip() for p in options.phrases):
            raise ValueError("option 'phrases' must list at least one phrase")
        self._matcher = PhraseMatcher(options.phrases, options.ignore_case, options.whole_words)

    def check(self, doc: Document) -> Iterable[Finding]:
        # Masked text (URLs, code) is NUL in the prose, so a phrase never matches inside it.
        text = doc.text
        return [
            Finding(Span(start, end), params={"phrase": text[start:end]})
            for start, end in self._matcher.spans(doc)
        ]


CHECK = Phrases
