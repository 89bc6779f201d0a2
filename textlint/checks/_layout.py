"""Blocks of a plain-text document that are code rather than prose, as far as the layout shows
it: reStructuredText literal blocks (a paragraph ending in ``::`` followed by an indented block)
and interactive sessions (``>>>`` lines up to the next blank line). Markup formats mask their
own code; this covers the plain-text conventions the typography rules would misread."""

from __future__ import annotations

import bisect
import weakref

from textlint.diagnostics import Span
from textlint.document import Document

_CACHE: weakref.WeakKeyDictionary[Document, list[Span]] = weakref.WeakKeyDictionary()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def code_blocks(doc: Document) -> list[Span]:
    cached = _CACHE.get(doc)
    if cached is None:
        cached = _find(doc) if ("::" in doc.text or ">>>" in doc.text) else []
        _CACHE[doc] = cached
    return cached


def _find(doc: Document) -> list[Span]:
    text = doc.text
    out: list[Span] = []
    literal_base = -1  # indentation of the "::" line while inside a literal block
    session = False
    for span in doc.lines:
        line = text[span.start : span.end]
        stripped = line.strip(" \t")
        if not stripped:
            session = False
            continue
        indent = _indent(line)
        if literal_base >= 0:
            if indent > literal_base:
                out.append(span)
                continue
            literal_base = -1
        if stripped.startswith(">>>") or session:
            session = True
            out.append(span)
            continue
        if stripped.endswith("::"):
            literal_base = indent
    return out


def in_code(blocks: list[Span], offset: int) -> bool:
    k = bisect.bisect_right(blocks, Span(offset, 1 << 62)) - 1
    return k >= 0 and blocks[k].start <= offset < blocks[k].end
