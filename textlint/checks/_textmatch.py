"""Shared machinery of the data-driven kinds (phrases, substitution, pattern, lines).

Everything here compiles once, when a rule is built: the kinds that use it are built once per
rule and then run on many documents.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import regex

from textlint import regexcache
from textlint.diagnostics import Edit, Finding, Span
from textlint.document import MASK, Document

# A letter, mark, digit or underscore: what a "word boundary" means for user phrases.
WORD_CHAR = r"[\p{L}\p{M}\p{N}_]"
# Apostrophes people and scrapers write interchangeably.
_APOSTROPHES = "'’ʼ‘`´"
_SPACE_RUN = regexcache.compile(r"[\s\0]+", regex.V1)
DEFAULT_TIMEOUT = 1.0


class PatternError(ValueError):
    """A user pattern that does not compile; the message says which option and why."""


def compile_user_regex(pattern: str, option: str, ignore_case: bool) -> Any:
    """Compile a regular expression from a pack, naming the option on error."""
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regexcache.compile(pattern, flags)
    except (regex.error, TypeError) as exc:
        raise PatternError(
            f"option {option!r}: invalid regular expression '{pattern}': {exc}"
        ) from None


# White space inside a phrase: any run within a paragraph, with at most one line break.
# (A Markdown continuation line's indentation is masked: NUL.)
PHRASE_SPACE = r"(?:[^\S\n]+(?:\n(?:[^\S\n]|\0)*)?|\n(?:[^\S\n]|\0)*)"


def phrase_regex(phrase: str, space: str = PHRASE_SPACE) -> str:
    """A literal phrase as a regex that tolerates runs of white space (a line break inside a
    paragraph too, but not a blank line) and either kind of apostrophe."""
    parts: list[str] = []
    for chunk in regex.split(r"(\s+)", phrase.strip()):
        if not chunk:
            continue
        if chunk.isspace():
            parts.append(space)
            continue
        apostrophe = f"[{regex.escape(_APOSTROPHES)}]"
        parts.extend(apostrophe if ch in _APOSTROPHES else regex.escape(ch) for ch in chunk)
    return "".join(parts)


def alternation(phrases: Iterable[str], whole_words: bool) -> str:
    """One alternation of phrases, longest first so that the longest phrase wins at a position.

    With ``whole_words`` a phrase that starts (ends) with a word character must not be preceded
    (followed) by one; phrases that start or end with punctuation match wherever they occur.
    """
    items: list[str] = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p)):
        body = phrase_regex(phrase)
        if whole_words:
            if regex.match(WORD_CHAR, phrase[0]):
                body = f"(?<!{WORD_CHAR}){body}"
            if regex.match(WORD_CHAR, phrase[-1]):
                body = f"{body}(?!{WORD_CHAR})"
        items.append(body)
    return "|".join(f"(?:{i})" for i in items)


# Words as the token set sees them (Python's \w: letters, digits, underscore).
_TOKEN = re.compile(r"\w+")
_TOKENS: weakref.WeakKeyDictionary[Document, frozenset[str]] = weakref.WeakKeyDictionary()
# Above this many first words a rule first looks up which of them the document holds at all.
_PREFILTER_FROM = 24


def document_tokens(doc: Document) -> frozenset[str]:
    """The case-folded words of the prose, computed once per document for every rule."""
    tokens = _TOKENS.get(doc)
    if tokens is None:
        tokens = frozenset(_TOKEN.findall(doc.prose.casefold()))
        _TOKENS[doc] = tokens
    return tokens


class PhraseMatcher:
    """Finds literal phrases fast, with the semantics of one alternation (leftmost match, the
    longest phrase at a position).

    The ``regex`` engine tries every branch of an alternation at every position, so a long
    list is slow; it finds a literal quickly, though. Phrases are therefore grouped by their
    first word and each group compiled once, as one alternation behind that literal. With
    many groups and whole words, a group runs only when the document holds its first word.
    """

    def __init__(self, phrases: Iterable[str], ignore_case: bool, whole_words: bool) -> None:
        flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
        groups: dict[str | None, list[str]] = {}
        for phrase in {p.strip() for p in phrases if p.strip()}:
            first = _TOKEN.match(phrase.casefold())
            # Only a whole-word phrase starts where a text word starts.
            key = first.group() if whole_words and first and phrase[0] != "_" else None
            groups.setdefault(key, []).append(phrase)
        self._groups: list[tuple[str | None, Any]] = [
            (key, regexcache.compile(alternation(items, whole_words), flags))
            for key, items in sorted(groups.items(), key=lambda kv: kv[0] or "")
        ]
        self._prefilter = len(self._groups) > _PREFILTER_FROM

    def spans(self, doc: Document) -> list[tuple[int, int]]:
        prose = doc.prose
        tokens = document_tokens(doc) if self._prefilter else None
        found: list[tuple[int, int]] = []
        for key, compiled in self._groups:
            if tokens is not None and key is not None and key not in tokens:
                continue
            found.extend(m.span() for m in compiled.finditer(prose))
        if len(self._groups) == 1:
            return found
        found.sort(key=lambda se: (se[0], -se[1]))
        out: list[tuple[int, int]] = []
        end = -1
        for start, stop in found:
            if start >= end:
                out.append((start, stop))
                end = stop if stop > start else start + 1
        return out


def normalise(text: str, fold_case: bool = True) -> str:
    """The form under which phrases are compared: case-folded, one space between words, one
    kind of apostrophe."""
    text = _SPACE_RUN.sub(" ", text).strip()
    if fold_case:
        text = text.casefold()
    for ch in _APOSTROPHES[1:]:
        text = text.replace(ch, "'")
    return text


def match_case(found: str, replacement: str) -> str:
    """Carry the capitalisation of ``found`` over to ``replacement`` (ALL CAPS, Title, lower);
    a replacement with its own inner capitals (iPhone, GitHub) is kept as written."""
    if not replacement or any(c.isupper() for c in replacement[1:]):
        return replacement
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and found.lstrip()[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    # Lower-case text keeps the replacement as the user wrote it: it may be a proper noun.
    return replacement


class TimedOut(Exception):
    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def timed_finditer(
    compiled: Any, text: str, timeout: float, pos: int = 0, endpos: int | None = None
) -> Iterator[Any]:
    """``finditer`` that gives up after ``timeout`` seconds for the whole search; raises
    ``TimedOut`` with the offset where the search stood."""
    offset = pos
    try:
        for m in compiled.finditer(text, pos, len(text) if endpos is None else endpos,
                                   timeout=timeout):
            offset = m.end()
            yield m
    except TimeoutError:
        raise TimedOut(offset) from None


def has_mask(text: str, start: int, end: int) -> bool:
    return text.find(MASK, start, end) != -1


def skipped(rule_id: str, pattern: str, timeout: float, offset: int, earlier: bool) -> Finding:
    """What a rule reports instead of hanging when one of its patterns backtracks too much."""
    when = "on an earlier document" if earlier else "on this document"
    return Finding(
        Span(offset, offset),
        message=(
            f"Pattern '{pattern}' of rule {rule_id!r} took longer than {timeout:g} s {when} "
            "and was skipped: it backtracks too much, rewrite it"
        ),
    )


def is_blank(doc: Document, line: int) -> bool:
    """Blank in the original text: a line of masked code or markup is not blank, so deleting
    around it never takes it along."""
    span = doc.line_span(line)
    return not doc.text[span.start : span.end].strip(BLANK_CHARS)


BLANK_CHARS = " \t\r\ufeff\u00a0"
# A character that makes its line not blank, searched forwards or backwards (in C, so that long
# runs of blank lines cost nothing in Python).
_CONTENT = regexcache.compile(r"[^ \t\r\n\ufeff\u00a0]")
_CONTENT_BACK = regexcache.compile(r"[^ \t\r\n\ufeff\u00a0]", regex.REVERSE)

FixLevel = Literal["safe", "unsafe"]


def _start_of(doc: Document, line: int) -> int:
    starts = doc.line_starts
    return starts[line] if line < len(starts) else len(doc.text)


def next_content_line(doc: Document, line: int) -> int:
    """The first line from ``line`` on that is not blank, or the number of lines."""
    m = _CONTENT.search(doc.text, _start_of(doc, line))
    return doc.line_of(m.start()) if m else len(doc.line_starts)


def prev_content_line(doc: Document, line: int) -> int:
    """The last line before ``line`` that is not blank, or -1."""
    m = _CONTENT_BACK.search(doc.text, 0, _start_of(doc, line))
    return doc.line_of(m.start()) if m else -1


def deletion_edits(doc: Document, levels: Mapping[int, FixLevel]) -> dict[int, Edit]:
    """For each line in ``levels`` (line -> how safe its deletion is), the edit that deletes
    it with its line break and the blank lines the deletion would leave, without joining the
    paragraphs around it. A line goes together with the neighbours in ``levels`` whose
    deletion is at least as safe, so that a block of furniture goes in one edit:

    - At the top of a block (blank line or start above, after skipping the lines that go
      along): the line and everything below it that is blank or goes along are deleted, so the
      blank lines above remain as the one separator.
    - Only blank lines or lines that go along below it, to the end: those above it that are
      blank or go along go too; the previous content line keeps its line break, and no
      trailing blank line is left.
    - Otherwise (inside a paragraph): the line and its break only.

    Each edit also spans the line break before the deleted text (and puts it back), so that it
    overlaps the deletion of an adjacent line by another rule: the fixer then applies the two
    in separate passes, and the second sees the blank lines the first one left. Runs of lines
    are computed once, so a block of thousands of lines costs linear time.
    """
    out: dict[int, Edit] = {}
    n = len(doc.line_starts)
    for level in ("safe", "unsafe"):
        members = sorted(i for i, lv in levels.items() if lv == "safe" or level == "unsafe")
        k = 0
        while k < len(members):
            # A run: lines that go along, with nothing but blank lines between them.
            j = k
            while j + 1 < len(members) and next_content_line(doc, members[j] + 1) == members[j + 1]:
                j += 1
            run, k = members[k : j + 1], j + 1
            if all(levels[i] != level for i in run):
                continue
            after = next_content_line(doc, run[-1] + 1)
            before = prev_content_line(doc, run[0]) if after >= n else -1
            block_start = run[0]
            for pos, i in enumerate(run):
                if pos and run[pos - 1] != i - 1:
                    block_start = i  # a blank line above: a new block of adjacent lines
                if levels[i] != level:
                    continue
                if after >= n:
                    start, end = _start_of(doc, before + 1) if before >= 0 else 0, len(doc.text)
                else:
                    top = block_start == 0 or is_blank(doc, block_start - 1)
                    start = doc.line_starts[i]
                    end = doc.line_starts[after] if top else _start_of(doc, i + 1)
                out[i] = _with_break_before(doc, start, end)
    return out


def _with_break_before(doc: Document, start: int, end: int) -> Edit:
    first = doc.line_of(start)
    if first == 0 or start != doc.line_starts[first]:
        return Edit.delete(start, end)
    break_start = doc.line_span(first - 1).end
    return Edit.replace(break_start, end, doc.text[break_start:start])
