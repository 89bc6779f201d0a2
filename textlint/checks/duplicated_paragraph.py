"""Kind ``duplicated-paragraph``: the same paragraph twice in one document.

Paragraphs are runs of non-blank lines of the original text; two are the same when their text
is identical after collapsing white space. Short paragraphs (scene breaks, one-word replies,
repeated headings) are left alone through ``min-words``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from textlint.checks._textmatch import delete_line
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Finding, Fix, Span
from textlint.document import Document

# Blank lines between paragraphs (searched from a line break, which the engine finds fast).
_BLANK_LINES = regex.compile(r"\n(?:[^\S\n]*\n)+")
_WORD = regex.compile(r"[\p{L}\p{N}]+")


@dataclass(frozen=True)
class DuplicatedParagraphOptions:
    min_words: int = 8


class DuplicatedParagraph(Check):
    Options = DuplicatedParagraphOptions

    def __init__(self, options: DuplicatedParagraphOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        if options.min_words < 1:
            raise ValueError("option 'min-words' must be at least 1")

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        prose = doc.prose
        first_seen: dict[str, int] = {}
        out: list[Finding] = []
        for start, end in _paragraphs(text):
            key = " ".join(text[start:end].split())
            earlier = first_seen.setdefault(key, start)
            if earlier == start:
                continue
            # Only repeated paragraphs pay for counting words; code and markup do not count.
            if len(_WORD.findall(prose, start, end)) < self.options.min_words:
                continue
            first, last = doc.line_of(start), doc.line_of(end)
            edit = delete_line(doc, first, range(first, last + 1).__contains__)
            out.append(Finding(
                Span(start, end), fix=Fix.unsafe(edit),
                params={"first_line": doc.position(earlier)[0]},
            ))
        return out


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Runs of non-blank lines of the original text, without surrounding white space."""
    pos = 0
    for m in [*_BLANK_LINES.finditer(text), None]:
        start, end = pos, (m.start() if m else len(text))
        pos = m.end() if m else len(text)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


CHECK = DuplicatedParagraph
