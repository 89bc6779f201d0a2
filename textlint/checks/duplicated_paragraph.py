"""Kind ``duplicated-paragraph``: the same paragraph twice in one document.

Paragraphs are runs of non-blank lines of the original text; two are the same when their text
is identical after collapsing white space. Short paragraphs (scene breaks, one-word replies,
repeated headings) are left alone through ``min-words``; with ``prose-only`` (the default), so
are paragraphs that are not prose: lists and list items, and blocks that do not end like a sentence
(headings, licence titles, code, the lead-in of a list ending with a colon), which documents
legitimately repeat. A paragraph with more than ``max-copies`` copies is repeated on purpose
(a licence clause, a note after every entry of a reference) and is not reported either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from textlint import regexcache
from textlint.checks._textmatch import deletion_edits
from textlint.checks.base import Check, CheckContext
from textlint.diagnostics import Finding, Fix, Span
from textlint.document import Document

# Blank lines between paragraphs (searched from a line break, which the engine finds fast).
_BLANK_LINES = regexcache.compile(r"\n(?:[^\S\n]*\n)+")
_WORD = regexcache.compile(r"[\p{L}\p{N}]+")
_SENTENCE_END = regexcache.compile(r"[.!?…][\"'”’»)\]]*$")
_LIST_ITEM = regexcache.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")
# A line that is a list item, and one that goes on an item above it (indented).
_ITEM_LINE = regexcache.compile(r"[^\S\n]*(?:[-*+•]|\d{1,3}[.)])[^\S\n]")
_INDENTED_LINE = regexcache.compile(r"[^\S\n]")
# A label over a list: a few words that end no sentence and lead into nothing ("[ Jane Doe ]",
# "PR bootstrap/67102", "maint: update the copyright years"; "Key points:" is a lead-in).
LABEL_WORDS = 8
_LABEL_END = ".!?…:;,"
# What ``str.split`` splits at (every character for which ``str.isspace`` holds): the ASCII
# characters as bytes, the others as characters. Deleting their UTF-8 forms from a paragraph's
# UTF-8 form deletes exactly them: no character's bytes end with the lead byte of another.
_ASCII_SPACE = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "
_WIDE_SPACE = (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028"
    "\u2029\u202f\u205f\u3000"
)


@dataclass(frozen=True)
class DuplicatedParagraphOptions:
    min_words: int = 8
    prose_only: bool = True
    max_copies: int = 2


class DuplicatedParagraph(Check):
    Options = DuplicatedParagraphOptions
    PARAMS = frozenset(("first_line",))

    def __init__(self, options: DuplicatedParagraphOptions, context: CheckContext) -> None:
        super().__init__(options, context)
        if options.min_words < 1:
            raise ValueError("option 'min-words' must be at least 1")
        if options.max_copies < 2:
            raise ValueError("option 'max-copies' must be at least 2")

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        prose = doc.prose
        copies = _copies(text, _paragraphs(text))
        out: list[Finding] = []
        for key, spans in copies.items():
            # A paragraph that comes back again and again (a licence clause, a note after
            # every API entry) is repeated on purpose; an artefact doubles it.
            if not 1 < len(spans) <= self.options.max_copies:
                continue
            earlier = spans[0][0]
            if self.options.prose_only and (
                not _SENTENCE_END.search(key) or _LIST_ITEM.match(key)
                or all(_labelled_list(text, start, end) for start, end in spans)
            ):
                continue
            # Code and markup do not count as words.
            if len(_WORD.findall(prose, earlier, spans[0][1])) < self.options.min_words:
                continue
            for start, end in spans[1:]:
                first, last = doc.line_of(start), doc.line_of(end)
                edit = deletion_edits(doc, dict.fromkeys(range(first, last + 1), "unsafe"))[first]
                out.append(Finding(
                    Span(start, end), fix=Fix.unsafe(edit),
                    params={"first_line": doc.position(earlier)[0]},
                ))
        out.sort(key=lambda f: f.span.start)
        return out


def _labelled_list(text: str, start: int, end: int) -> bool:
    """Is the paragraph a list under a label: a label line, then only list items and their
    indented continuations? A changelog repeats such an entry ("[ Jane Doe ]" over her
    changes) for every release a change went into; a scraper's doubled "Key points:" block or
    wrapped prose with a line that begins "3. " is no such list."""
    lines = text[start:end].split("\n")
    label = lines[0].strip()
    if len(lines) < 2 or not label or label[-1] in _LABEL_END or \
            len(label.split()) > LABEL_WORDS:
        return False
    items = 0
    for line in lines[1:]:
        if _ITEM_LINE.match(line):
            items += 1
        elif not _INDENTED_LINE.match(line):
            return False
    return items > 0


def _copies(text: str, paragraphs: Iterable[tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
    """The paragraphs that have a copy, by their text with white space collapsed. They are
    grouped first by their text without white space, as UTF-8 with the white space deleted in
    C; only paragraphs that agree so are compared word by word."""
    wide = [] if text.isascii() else [c.encode() for c in _WIDE_SPACE if c in text]
    alike: dict[bytes, list[tuple[int, int]]] = {}
    for start, end in paragraphs:
        bare = text[start:end].encode("utf-8", "surrogatepass").translate(None, _ASCII_SPACE)
        for space in wide:
            bare = bare.replace(space, b"")
        alike.setdefault(bare, []).append((start, end))
    copies: dict[str, list[tuple[int, int]]] = {}
    for group in alike.values():
        if len(group) > 1:
            for start, end in group:
                copies.setdefault(" ".join(text[start:end].split()), []).append((start, end))
    return {key: spans for key, spans in copies.items() if len(spans) > 1}


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
