"""Spacing around quotation marks: a word glued to a quotation (``the West”Putin told``,
``said"hello"``) and spaces inside one (``" fixed"``).

Directions come from the shared quotation analysis (``_quotes``): apostrophes, inch marks and
elisions are never quotation marks here, and a straight mark is only trusted when every mark
of its kind in the paragraph pairs up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textlint.checks._layout import writes_code
from textlint.checks._quotes import (
    CLOSER,
    OPENER,
    PLACE_SPACED,
    Mark,
    QuoteAnalysis,
    analyse,
    spaceless,
)
from textlint.checks.base import Check
from textlint.diagnostics import Edit, Finding, Fix, Span
from textlint.document import Document

_DIRECTED = "“”„‚‘’«»‹›"
_SPACES = " \t"


@dataclass(frozen=True)
class Options:
    # Report spaces just inside a quotation (“ hello”, "hello ").
    space_inside: bool = True


def _letter(c: str) -> bool:
    return c.isalpha()


_LITERAL_REACH = 40


def _literal(doc: Document, m: Mark) -> bool:
    """Is the quotation a string literal, whose spaces are its content (' ', '- ', "RETR ")?
    In a document that writes code, straight marks around one word at most: literals are
    written with straight marks, typographic ones (“ fixed”) are still checked, and so is a
    quoted sentence (" we will win")."""
    if m.char not in "\"'":
        return False
    prose = doc.prose
    if m.role == OPENER:
        end = prose.find(m.char, m.pos + 1, m.pos + 1 + _LITERAL_REACH)
        content = prose[m.pos + 1 : end] if end > 0 else None
    else:
        start = prose.rfind(m.char, max(0, m.pos - _LITERAL_REACH), m.pos)
        content = prose[start + 1 : m.pos] if start >= 0 else None
    return content is not None and "\n" not in content and len(content.split()) <= 1 and \
        writes_code(doc)


def _string_prefix(text: str, i: int) -> bool:
    """f"…", b'…', r"…": a string literal's prefix in code, not a word."""
    j = i
    while j > 0 and i - j < 3 and text[j - 1] in "fbruFBRU":
        j -= 1
    return 0 < i - j < 3 and (j == 0 or not text[j - 1].isalnum())


class QuoteSpacing(Check):
    Options = Options
    PARAMS = frozenset()

    def check(self, doc: Document) -> Iterable[Finding]:
        analysis = analyse(doc)
        text = doc.prose
        n = len(text)
        for m in analysis.marks:
            # Most marks have a space on their outer side and a letter on the inner one: only
            # a mark with a letter or digit outside or spaced on both sides can be reported.
            i = m.pos
            # An unpaired ” glued to a word is still a closing mark: the glyph says so.
            if m.role == CLOSER or (m.char == "”" and m.problem == "unopened"):
                if m.place == PLACE_SPACED or (i + 1 < n and text[i + 1].isalpha()):
                    yield from self._closer(doc, analysis, m, text, n)
            elif m.role == OPENER and (
                m.place == PLACE_SPACED or (i > 0 and text[i - 1].isalnum())
            ):
                yield from self._opener(doc, analysis, m, text)

    def _reliable(self, analysis: QuoteAnalysis, m: Mark) -> bool:
        # A curly closing mark, or any mark in a paragraph whose marks of its kind all pair.
        return analysis.trusted(m) or (m.char in "”»›" and m.problem in ("", "unopened"))

    def _closer(self, doc: Document, analysis: QuoteAnalysis, m: Mark, text: str, n: int
                ) -> Iterable[Finding]:
        i = m.pos
        after = text[i + 1] if i + 1 < n else ""
        before = text[i - 1] if i > 0 else ""
        if (_letter(after) and not m.soft and self._reliable(analysis, m)
                and not spaceless(after) and not spaceless(before)):
            yield Finding(
                Span(i, i + 2),
                "Missing space after closing quotation mark",
                Fix.safe(Edit.insert(i + 1, " "), description="insert a space"),
            )
        elif (self.options.space_inside and m.place == PLACE_SPACED and m.char not in "«»‹›"
              and i > 0 and text[i - 1] in _SPACES and analysis.trusted(m)
              and not _literal(doc, m)):
            start = i
            while start > 0 and text[start - 1] in _SPACES:
                start -= 1
            # A separator before the space ends a literal that holds it: a prefix or a
            # delimiter shown as a string ("remote: ", ", ", "key= ").
            if start > 0 and text[start - 1] not in "\r\n" and text[start - 1] not in ":;,=":
                yield Finding(
                    Span(start, i + 1),
                    "Space before closing quotation mark",
                    Fix.safe(Edit.delete(start, i), description="remove the space"),
                )

    def _opener(self, doc: Document, analysis: QuoteAnalysis, m: Mark, text: str
                ) -> Iterable[Finding]:
        i = m.pos
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before.isalnum() and not _string_prefix(text, i) and (
            analysis.trusted(m) or (m.char in _DIRECTED and not m.problem)
        ) and not spaceless(before) and not spaceless(after):
            yield Finding(
                Span(i - 1, i + 1),
                "Missing space before opening quotation mark",
                Fix.safe(Edit.insert(i, " "), description="insert a space"),
            )
        elif (self.options.space_inside and m.place == PLACE_SPACED and m.char not in "«»‹›"
              and i + 1 < len(text) and text[i + 1] in _SPACES and analysis.trusted(m)
              and not _literal(doc, m)):
            end = i + 1
            while end < len(text) and text[end] in _SPACES:
                end += 1
            if end < len(text) and text[end] not in "\r\n":
                yield Finding(
                    Span(i, end),
                    "Space after opening quotation mark",
                    Fix.safe(Edit.delete(i + 1, end), description="remove the space"),
                )


CHECK = QuoteSpacing
