"""The quote analysis and the quote census take shortcuts for speed; here they are compared with
the plain computations they replace, on texts that mix marks, words, apostrophes and paragraph
breaks in every order."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.api import all_rules
from textlint.checks import _quote_style, _quotes
from textlint.checks._layout import code_blocks, code_lines, outside
from textlint.checks._quotes import (
    _FAMILY,
    QUOTE_CHARS,
    Mark,
    QuoteAnalysis,
    classify,
    is_word_char,
)
from textlint.checks.base import CheckContext
from textlint.checks.quote_spacing import Options as QuoteSpacingOptions
from textlint.checks.quote_spacing import QuoteSpacing
from textlint.diagnostics import Finding
from textlint.document import Document
from textlint.formats import merge

PIECES = st.sampled_from(
    ['"', "'", "`", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "a", "B", "é", "\u0301",
     "7", "Ж", "said", " ", "  ", "\n", "\n\n", "\n \n", "\r\n\r\n", "\t", "\0", ".", ",", "!",
     "=", "\\", "(", ")", "—", "’s", "d'", "’tis", "90s", "players’", "::\n\n    x", ">>> ",
     "\u00a0", "Hello", "he said,", "x\n\n\n\ny", "b'", "rb'", "xb'",
     "'''", '"""', "''", "*", "_", "[", "](x)", "> ", ">"]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)
_MARKS = re.compile(r"[\"'`“”‘’„‚«»‹›]")


_TRIPLES = re.compile(r"'{3,}|\"{3,}")
_PREFIXED = re.compile(r"(?:[bruf]|br|rb|fr|rf)'", re.IGNORECASE)


def reference_offsets(prose: str, orig: str | None = None) -> list[int]:
    out: list[int] = []
    last = len(prose) - 1
    triples = {i for m in _TRIPLES.finditer(prose) for i in range(*m.span())}
    prefixed = {m.end() - 1 for m in _PREFIXED.finditer(prose)
                if (m.start() == 0 or not (is_word_char(prose[m.start() - 1])
                                           or prose[m.start() - 1] in QUOTE_CHARS))
                and m.end() < len(prose) and (prose[m.end()] == "'"
                                              or is_word_char(prose[m.end()]))}
    for m in _MARKS.finditer(prose):
        i = m.start()
        if i in triples:
            continue
        # A masked character stands for a word unless it was layout or markup around prose.
        masked_word = prose[i - 1] == "\0" and not (orig is not None and (
            orig[i - 1].isspace() or orig[i - 1] in "*_["
            or (orig[i - 1] == ">" and not orig[: i - 1].split("\n")[-1].strip(" \t>"))))
        if (prose[i] in "'’" and 0 < i < last and is_word_char(prose[i + 1])
                and (is_word_char(prose[i - 1]) or masked_word) and i not in prefixed):
            continue
        out.append(i)
    return out


def reference_analysis(doc: Document) -> QuoteAnalysis:
    """Every paragraph visited, marks found by a regular expression."""
    prose = doc.prose
    out = QuoteAnalysis()
    paragraphs = doc.paragraphs
    if not paragraphs:
        return out
    orig = doc.text
    found = outside(merge(code_blocks(doc) + code_lines(doc, literal=True)),
                    reference_offsets(prose, orig))
    # (The marks of TeX and shell quoting are left out by a rule of their own, not a search.)
    found = _quotes._without_other_quoting(prose, found)
    if not found:
        return out
    k = 0
    marks = out.marks
    per_paragraph: list[tuple[int, int, int]] = []
    for pi, span in enumerate(paragraphs):
        first = len(marks)
        while k < len(found) and found[k] < span.start:
            k += 1
        while k < len(found) and found[k] < span.end:
            i = found[k]
            kind, place, soft = classify(prose, i, span.start, span.end, orig)
            marks.append(Mark(i, prose[i], _FAMILY[prose[i]], kind, place, soft, paragraph=pi))
            k += 1
        per_paragraph.append((pi, first, len(marks)))
    _quotes._pair(prose, paragraphs, marks, per_paragraph)
    for m in marks:
        if m.problem and m.problem != "empty":
            out.troubled.setdefault(m.paragraph, set()).add(m.family)
    return out


_CENSUS_MARKS = re.compile(r'["“”]')


def reference_census(prose: str) -> tuple[list[int], list[int]]:
    straight: list[int] = []
    curly: list[int] = []
    open_straight = False
    code_value = False
    previous = 0
    for m in _CENSUS_MARKS.finditer(prose):
        i = m.start()
        if m.group() != '"':
            curly.append(i)
            continue
        if _quote_style._BLANK_LINE.search(prose, previous, i):
            open_straight = code_value = False
        previous = i
        before = prose[i - 1] if i else " "
        after = prose[i + 1] if i + 1 < len(prose) else " "
        if code_value:
            code_value = False
            continue
        if before in "=\\" or after in "=\\":
            code_value = before == "="
            continue
        if before.isdigit() and not open_straight:
            continue
        straight.append(i)
        open_straight = not open_straight
    return straight, curly


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
@example("“a\n\nb\n\nc\n\nd")  # a quotation left open over paragraphs without marks
@example("“a\n\nb\n\n“c”")
@example("“a\n\nb")
@example("“a\n\n“b\n\nc\n\n”d")
@example("a=\"b\n\nc\" d\" e")
def test_analysis_equals_the_plain_computation(text: str) -> None:
    for fmt in ("plain", "markdown"):
        doc = Document(text, format=fmt)
        assert _quotes._mark_offsets(doc.prose) == reference_offsets(doc.prose)
        assert _quotes._mark_offsets(doc.prose, doc.text) == reference_offsets(doc.prose, doc.text)
        got = _quotes._analyse(doc)
        want = reference_analysis(doc)
        assert got.marks == want.marks
        assert got.troubled == want.troubled
        census = _quote_style.census(doc.prose)
        assert (census.straight, census.curly) == reference_census(doc.prose)
        assert _quote_style.census(doc.prose) is census  # asked again for the same text
        for span in doc.paragraphs:
            for i in range(span.start, span.end):
                if doc.prose[i] in _quotes.QUOTE_CHARS:
                    assert _quotes._neighbours(doc.prose, i, span.start, span.end) == (
                        _quotes._neighbour(doc.prose, i, -1, span.start, span.end),
                        _quotes._neighbour(doc.prose, i, 1, span.start, span.end),
                    )


@settings(max_examples=800, deadline=None)
@given(TEXTS)
def test_quote_spacing_looks_at_every_mark_it_could_report(text: str) -> None:
    rule = all_rules()["quote-spacing"]
    for options in (QuoteSpacingOptions(), QuoteSpacingOptions(space_inside=False)):
        check = QuoteSpacing(options, CheckContext(rule.id, rule.message))
        doc = Document(text)
        analysis = _quotes.analyse(doc)
        prose = doc.prose
        reference: list[Finding] = []
        for m in analysis.marks:
            if m.role == _quotes.CLOSER or (m.char == "”" and m.problem == "unopened"):
                reference.extend(check._closer(doc, analysis, m, prose, len(prose)))
            elif m.role == _quotes.OPENER:
                reference.extend(check._opener(doc, analysis, m, prose))
        assert list(check.check(doc)) == reference
